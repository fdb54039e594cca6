import type { Lang } from '../../platform/i18n.ts';

/** The banner's and the settings page's own words; purposes and categories come from the declaration. */
const ko = {
  bannerTitle: '쿠키 사용에 대한 선택',
  bannerLead:
    '선택하시기 전에는 사이트 운영에 꼭 필요한 쿠키만 사용합니다. 이용 분석 쿠키는 허용하신 경우에만 저장합니다.',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  settings: '쿠키 설정',
  saveChoice: '선택 저장',
  settingsTitle: '쿠키 설정',
  settingsLead:
    '허용하지 않은 쿠키는 저장하지 않으며, 이미 저장된 경우 삭제합니다. 선택은 언제든지 이 화면에서 바꿀 수 있습니다.',
  current: '현재 선택',
  noChoiceYet: '아직 선택하지 않으셨습니다. 필수 쿠키만 사용 중입니다.',
  allowed: '허용',
  refused: '거부',
  alwaysOn: '항상 사용',
  chosenOn: '선택 일시',
  saved: '쿠키 선택을 저장했습니다.',
  categories: '쿠키 종류',
  morePolicy: '개인정보처리방침의 쿠키 항목 보기',
};

const en: typeof ko = {
  bannerTitle: 'Your choice about cookies',
  bannerLead:
    'Until you choose, we use only the cookies the site cannot work without. Analytics cookies are stored only if you allow them.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Cookie settings',
  saveChoice: 'Save my choice',
  settingsTitle: 'Cookie settings',
  settingsLead:
    'Cookies you do not allow are not stored, and are deleted if they already were. You can change your choice here at any time.',
  current: 'Your current choice',
  noChoiceYet: 'You have not chosen yet; only necessary cookies are in use.',
  allowed: 'allowed',
  refused: 'refused',
  alwaysOn: 'always on',
  chosenOn: 'Chosen at',
  saved: 'Your cookie choice is saved.',
  categories: 'Kinds of cookies',
  morePolicy: 'Read the cookie section of the privacy policy',
};

export type CookieBannerMessages = typeof ko;
export const cookieBannerMessages: Record<Lang, CookieBannerMessages> = { ko, en };
