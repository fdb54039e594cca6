import type { PolicyDeclaration } from '../declaration.ts';

/** The seed's headings, in its order; `purposes` has none in the seed and takes the name it cites. */
export const sections: PolicyDeclaration['sections'] = [
  {
    id: 'intro',
    heading: { ko: '개인정보의 처리 방침', en: 'How we process personal information' },
  },
  { id: 'purposes', heading: { ko: '개인정보의 처리 목적', en: 'Purposes of processing' } },
  {
    id: 'retention',
    heading: { ko: '개인정보의 처리 및 보유기간', en: 'Processing and retention periods' },
  },
  {
    id: 'third_party',
    heading: {
      ko: '개인정보의 제3자 제공에 관한 사항',
      en: 'Provision of personal information to third parties',
    },
  },
  {
    id: 'processors',
    heading: { ko: '개인정보처리의 위탁에 관한 사항', en: 'Outsourcing of processing' },
  },
  {
    id: 'rights',
    heading: {
      ko: '정보주체와 법정대리인의 권리/의무 및 그 행사방법에 관한 사항',
      en: 'Rights and duties of data subjects and legal guardians, and how to exercise them',
    },
  },
  {
    id: 'children',
    heading: { ko: '아동의 개인정보보호', en: "Protecting children's personal information" },
  },
  {
    id: 'items',
    heading: { ko: '처리하는 개인정보의 항목', en: 'Personal information we process' },
  },
  {
    id: 'destruction',
    heading: { ko: '개인정보의 파기에 관한 사항', en: 'Destruction of personal information' },
  },
  { id: 'officer', heading: { ko: '개인정보 보호책임자에 관한 사항', en: 'Privacy officer' } },
  {
    id: 'safeguards',
    heading: {
      ko: '개인정보의 안전성 확보조치에 관한 사항',
      en: 'Measures that keep personal information safe',
    },
  },
  {
    id: 'cookies',
    heading: {
      ko: '개인정보 자동 수집 장치의 설치/운영 및 그 거부에 관한 사항',
      en: 'Automatic collection devices (cookies): their use and how to refuse them',
    },
  },
  { id: 'cctv', heading: { ko: '영상정보처리방침', en: 'CCTV policy' } },
  {
    id: 'withdrawal',
    heading: { ko: '동의철회 및 탈퇴', en: 'Withdrawing consent and membership' },
  },
  { id: 'scope', heading: { ko: '적용의 범위', en: 'Scope' } },
  { id: 'notice', heading: { ko: '공지의 의무', en: 'Duty to give notice' } },
  {
    id: 'changes',
    heading: { ko: '개인정보 처리방침의 변경에 관한 사항', en: 'Changes to this privacy policy' },
  },
];

export const closing: Pick<PolicyDeclaration, 'withdrawal' | 'scope' | 'notice'> = {
  withdrawal: {
    text: {
      ko: '귀하는 회원가입 시 개인정보의 수집·이용 및 제공에 대해 동의하신 내용을 언제든지 철회하실 수 있습니다. 회원탈퇴는 병원 홈페이지에서 가능하며, 기타 문의는 콜센터로 연락주시면 안내해 드립니다.',
      en: "You may withdraw at any time the consent you gave at sign-up to the collection, use and provision of your personal information. You can leave membership on the Hospital's website; for anything else, call our call centre and we will help.",
    },
    consentWithdrawableAnytime: true,
    membershipWithdrawalChannel: 'website',
    legalBasis: ['개인정보 보호법 제37조제1항'],
  },
  scope: {
    text: {
      ko: "병원 홈페이지에 링크되어 있는 웹사이트들이 개인정보를 수집하는 행위에 대해서는 본원의 '개인정보처리방침'이 적용되지 않음을 알려 드립니다.",
      en: "This 'privacy policy' does not apply to personal information collected by websites that the Hospital's website links to.",
    },
    linkedSitesCovered: false,
  },
  notice: {
    text: {
      ko: "현 개인정보처리방침 내용 추가, 삭제 및 수정이 있을 시에는 개정 최소 {noticeDays}일전부터 홈페이지의 '공지사항'을 통해 고지할 것입니다.",
      en: "If anything in this privacy policy is added, deleted or changed, we will announce it on the website's 'Notices' board at least {noticeDays} days before the change.",
    },
    noticeDays: 7,
    noticeDaysSource: 'own_promise',
    channel: 'website_notice_board',
    legalBasis: ['개인정보 보호법 제30조제2항', '개인정보 보호법 시행령 제31조'],
  },
};
