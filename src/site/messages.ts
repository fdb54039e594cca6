import type { Lang } from '../platform/i18n.ts';

/** The site's own words; a module's page text lives in its own catalogue. */
const ko = {
  siteName: '지킴 · W여성병원',
  skipToContent: '본문 바로가기',
  home: '홈',
  privacyPolicy: '개인정보처리방침',
  cookieSettings: '쿠키 설정',
  notices: '공지사항',
  otherLanguage: 'English',
  homeTitle: 'W여성병원 개인정보 관리 시스템',
  homeLead:
    '지킴은 병원이 공개한 개인정보처리방침의 약속을 그대로 지키는 시스템입니다. 아래 방침은 시스템이 실제로 집행하는 선언에서 바로 만들어집니다.',
  readPolicy: '개인정보처리방침 보기',
  policyVersions: '방침 변경 이력',
  inForceSince: '시행일',
  announcedOn: '공고일',
  notFoundTitle: '페이지를 찾을 수 없습니다',
};

const en: typeof ko = {
  siteName: 'Jikim · W Women’s Hospital',
  skipToContent: 'Skip to content',
  home: 'Home',
  privacyPolicy: 'Privacy policy',
  cookieSettings: 'Cookie settings',
  notices: 'Notices',
  otherLanguage: '한국어',
  homeTitle: 'W Women’s Hospital personal-information system',
  homeLead:
    'Jikim keeps every promise of the hospital’s published privacy policy. The policy below is rendered from the very declaration the system enforces.',
  readPolicy: 'Read the privacy policy',
  policyVersions: 'Policy versions',
  inForceSince: 'In force since',
  announcedOn: 'Announced on',
  notFoundTitle: 'Page not found',
};

export type SiteMessages = typeof ko;
export const siteMessages: Record<Lang, SiteMessages> = { ko, en };
