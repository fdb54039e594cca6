import type { L10n } from '../platform/i18n.ts';

interface District {
  id: string;
  label: L10n;
}

const seoul: [string, string, string][] = [
  ['jongno', '종로구', 'Jongno-gu'],
  ['jung', '중구', 'Jung-gu'],
  ['yongsan', '용산구', 'Yongsan-gu'],
  ['seongdong', '성동구', 'Seongdong-gu'],
  ['gwangjin', '광진구', 'Gwangjin-gu'],
  ['dongdaemun', '동대문구', 'Dongdaemun-gu'],
  ['jungnang', '중랑구', 'Jungnang-gu'],
  ['seongbuk', '성북구', 'Seongbuk-gu'],
  ['gangbuk', '강북구', 'Gangbuk-gu'],
  ['dobong', '도봉구', 'Dobong-gu'],
  ['nowon', '노원구', 'Nowon-gu'],
  ['eunpyeong', '은평구', 'Eunpyeong-gu'],
  ['seodaemun', '서대문구', 'Seodaemun-gu'],
  ['mapo', '마포구', 'Mapo-gu'],
  ['yangcheon', '양천구', 'Yangcheon-gu'],
  ['gangseo', '강서구', 'Gangseo-gu'],
  ['guro', '구로구', 'Guro-gu'],
  ['geumcheon', '금천구', 'Geumcheon-gu'],
  ['yeongdeungpo', '영등포구', 'Yeongdeungpo-gu'],
  ['dongjak', '동작구', 'Dongjak-gu'],
  ['gwanak', '관악구', 'Gwanak-gu'],
  ['seocho', '서초구', 'Seocho-gu'],
  ['gangnam', '강남구', 'Gangnam-gu'],
  ['songpa', '송파구', 'Songpa-gu'],
  ['gangdong', '강동구', 'Gangdong-gu'],
];

// Incheon as reorganised on 2026-07-01 (중구·동구 → 제물포구·영종구, 서구 → 서해구·검단구).
const incheon: [string, string, string][] = [
  ['jemulpo', '제물포구', 'Jemulpo-gu'],
  ['yeongjong', '영종구', 'Yeongjong-gu'],
  ['michuhol', '미추홀구', 'Michuhol-gu'],
  ['yeonsu', '연수구', 'Yeonsu-gu'],
  ['namdong', '남동구', 'Namdong-gu'],
  ['bupyeong', '부평구', 'Bupyeong-gu'],
  ['gyeyang', '계양구', 'Gyeyang-gu'],
  ['seohae', '서해구', 'Seohae-gu'],
  ['geomdan', '검단구', 'Geomdan-gu'],
  ['ganghwa', '강화군', 'Ganghwa-gun'],
  ['ongjin', '옹진군', 'Ongjin-gun'],
];

/**
 * The districts the sign-up form offers for 사는 지역구: Incheon (the
 * hospital's city) and Seoul, and one choice for everywhere else, so that the
 * item stays as coarse as the policy declares it.
 */
export const districts: readonly District[] = [
  ...incheon.map(([id, ko, en]) => ({
    id: `incheon.${id}`,
    label: { ko: `인천 ${ko}`, en: `${en}, Incheon` },
  })),
  ...seoul.map(([id, ko, en]) => ({
    id: `seoul.${id}`,
    label: { ko: `서울 ${ko}`, en: `${en}, Seoul` },
  })),
  { id: 'other', label: { ko: '그 밖의 지역', en: 'Elsewhere' } },
];

export const districtIds = districts.map((d) => d.id) as [string, ...string[]];

export function districtLabel(id: string): L10n {
  return districts.find((d) => d.id === id)?.label ?? { ko: id, en: id };
}
