import type { PolicyDeclaration } from '../declaration.ts';

export const rights: PolicyDeclaration['rights'] = {
  intro: [
    {
      ko: '병원은 고객의 개인정보에 대한 열람, 정정 및 삭제 요구에 대하여 성실하게 응대하며 처리합니다.',
      en: 'The Hospital answers and handles in good faith your requests to access, correct or delete your personal information.',
    },
    {
      ko: '고객의 소중한 개인정보를 보호하기 위하여 고객의 방문 이외의 전화·우편·FAX 등 기타 신청방법에 의한 고객의 개인정보의 열람, 정정 및 삭제 절차는 제공하지 않습니다.',
      en: 'To protect your personal information, access, correction and deletion can be requested only by visiting the Hospital in person; requests by telephone, post, fax or any other means are not accepted.',
    },
    {
      ko: '정보주체는 병원에 대해 언제든지 다음 각 호의 개인정보보호 관련 권리를 행사할 수 있습니다.',
      en: 'You may exercise the following rights concerning your personal information against the Hospital at any time.',
    },
  ],
  acceptedChannels: ['in_person'],
  requests: [
    {
      id: 'access',
      heading: { ko: '개인정보 열람 요구', en: 'Access to your personal information' },
      text: {
        ko: '고객은 병원을 방문하여 개인정보의 열람을 요구할 수 있으며, 신속하게 이에 대하여 응대합니다.',
        en: 'You may visit the Hospital and ask to see your personal information; we respond promptly.',
      },
      deadlineDays: 10,
      legalBasis: ['개인정보 보호법 제35조', '개인정보 보호법 시행령 제41조제4항'],
    },
    {
      id: 'correction_deletion',
      heading: {
        ko: '개인정보 정정/삭제 요구',
        en: 'Correction or deletion of your personal information',
      },
      text: {
        ko: '병원은 고객이 개인정보에 대한 정정·삭제를 요구하여 오류가 있다고 인정되는 경우에는 법률이 정함에 따라 정정·삭제를 합니다.',
        en: 'When you ask for your personal information to be corrected or deleted and it is found to be wrong, the Hospital corrects or deletes it as the law provides.',
      },
      deadlineDays: 10,
      legalBasis: ['개인정보 보호법 제36조', '개인정보 보호법 시행령 제42조제2항'],
    },
  ],
  externalIntro: {
    ko: '본원의 자체적인 개인정보 불만처리, 피해구제 결과에 만족하지 못하시거나 보다 자세한 도움이 필요하시면 다음 별개 기관에 문의하여 주시기 바랍니다.',
    en: "If you are not satisfied with the outcome of the Hospital's own complaint handling or remedy, or need more help, please contact the following independent bodies.",
  },
  externalBodies: [
    {
      id: 'kisa_report_center',
      name: {
        ko: '개인정보 침해신고센터 (한국인터넷진흥원 운영)',
        en: 'Personal Information Infringement Report Center (run by the Korea Internet & Security Agency)',
      },
      duties: {
        ko: '개인정보 침해사실 신고, 상담 신청',
        en: 'Reports of infringements of personal information; requests for advice',
      },
      website: 'https://privacy.kisa.or.kr',
      phone: '118',
      phoneNote: { ko: '국번없이', en: 'no area code' },
      address: {
        ko: '(58324) 전남 나주시 진흥길 9(빛가람동 301-2) 3층 개인정보침해신고센터',
        en: 'Personal Information Infringement Report Center, 3rd floor, 9 Jinheung-gil (301-2 Bitgaram-dong), Naju-si, Jeollanam-do 58324',
      },
    },
    {
      id: 'dispute_mediation_committee',
      name: {
        ko: '개인정보 분쟁조정위원회',
        en: 'Personal Information Dispute Mediation Committee',
      },
      duties: {
        ko: '개인정보 분쟁조정신청, 집단분쟁조정 (민사적 해결)',
        en: 'Applications for dispute mediation and collective dispute mediation (civil settlement)',
      },
      website: 'https://www.kopico.go.kr',
      phone: '1833-6972',
      phoneNote: { ko: '국번없이', en: 'no area code' },
      address: {
        ko: '(03171) 서울특별시 종로구 세종대로 209 정부서울청사 4층',
        en: '4th floor, Government Complex Seoul, 209 Sejong-daero, Jongno-gu, Seoul 03171',
      },
    },
    {
      id: 'prosecution_cybercrime',
      name: {
        ko: '대검찰청 사이버범죄수사단',
        en: "Supreme Prosecutors' Office, Cybercrime Investigation Unit",
      },
      website: 'https://www.spo.go.kr',
      phone: '02-3480-3573',
    },
    {
      id: 'police_cyber_bureau',
      name: { ko: '경찰청 사이버안전국', en: 'Korean National Police Agency, Cyber Bureau' },
      website: 'http://cyberbureau.police.go.kr',
      phone: '182',
    },
  ],
};

export const children: PolicyDeclaration['children'] = {
  ageThreshold: 14,
  separateSignupForm: true,
  guardianConsentRequired: true,
  guardianSelfService: true,
  guardianContextId: 'child_guardian',
  guardianDataPurposeId: 'guardian_consent_check',
  paragraphs: [
    {
      ko: '병원은 만{age}세 미만 아동(이하 "아동"이라 함)의 회원가입을 별도의 양식을 통하여 진행하고 있으며 아동의 개인정보 수집·이용에 대하여 반드시 법정대리인의 동의를 구하고 있습니다. 법정대리인의 동의를 받기 위하여 아동으로부터 법정대리인의 성명과 연락처 등 최소한의 정보를 수집합니다.',
      en: 'Children under {age} ("children") sign up with a separate form, and the Hospital always asks their legal guardian to consent to the collection and use of the child\'s personal information. To ask for that consent, it collects from the child only the minimum needed: the guardian\'s name and contact details.',
    },
    {
      ko: "아동의 법정대리인은 아동의 개인정보에 대한 열람, 정정 및 삭제를 요청할 수 있으며 '회원정보수정'을 통하여 법정대리인 확인 절차를 거치신 후 아동의 개인정보를 법정대리인이 직접 열람·정정, 삭제하실 수 있습니다.",
      en: "A child's legal guardian may ask to access, correct or delete the child's personal information, and after the guardian check under 'Edit member information' may access, correct or delete it directly.",
    },
    {
      ko: '법정대리인의 동의를 얻기 위하여 수집한 법정대리인의 개인정보는 동의 여부를 확인하는 목적 외의 용도로 이를 이용하거나 제공하지 않습니다.',
      en: "The guardian's personal information collected to obtain consent is not used or provided for anything other than confirming whether consent was given.",
    },
  ],
  legalBasis: [
    '개인정보 보호법 제22조의2제1항',
    '개인정보 보호법 제22조의2제2항',
    '개인정보 보호법 시행령 제17조의2',
  ],
};
