import type { PolicyDeclaration, RetentionRule } from '../declaration.ts';

const destructionArticle = '개인정보 보호법 제21조제1항';
// 의료법 제22조② makes the keeping a duty; 시행규칙 제15조① lists the record classes.
const keepingDuty = '의료법 제22조제2항';

function medicalRecord(
  id: string,
  itemNo: number,
  period: string,
  ko: string,
  en: string,
): RetentionRule {
  return {
    id,
    kind: 'medical_record',
    label: { ko, en },
    period,
    legalBasis: [keepingDuty, `의료법 시행규칙 제15조제1항제${itemNo}호`],
  };
}

const medicalRecords: RetentionRule[] = [
  medicalRecord('patient_register', 1, 'P5Y', '환자 명부', 'Patient register'),
  medicalRecord('medical_record', 2, 'P10Y', '진료기록부', 'Medical records'),
  medicalRecord('prescription', 3, 'P2Y', '처방전', 'Prescriptions'),
  medicalRecord('surgery_record', 4, 'P10Y', '수술기록', 'Surgery records'),
  medicalRecord('test_results', 5, 'P5Y', '검사내용 및 검사소견기록', 'Test results and findings'),
  medicalRecord(
    'radiographs',
    6,
    'P5Y',
    '방사선 사진(영상물을 포함한다) 및 그 소견서',
    'Radiographs (including images) and their reports',
  ),
  medicalRecord('nursing_record', 7, 'P5Y', '간호기록부', 'Nursing records'),
  medicalRecord('midwifery_record', 8, 'P5Y', '조산기록부', 'Midwifery records'),
  medicalRecord(
    'certificate_copies',
    9,
    'P3Y',
    '진단서 등의 부본(진단서·사망진단서 및 시체검안서 등을 따로 구분하여 보존하는 경우에만 해당한다)',
    'Copies of certificates (only where certificates, death certificates and post-mortem reports are kept apart)',
  ),
];

export const retention: PolicyDeclaration['retention'] = {
  intro: {
    ko: '병원은 개인정보의 수집목적 또는 제공받은 목적이 달성된 때에는 귀하의 개인정보를 지체 없이 파기합니다.',
    en: 'Once the purpose for which your personal information was collected or provided has been achieved, the Hospital destroys it without delay.',
  },
  cases: [
    {
      id: 'membership',
      heading: { ko: '회원가입정보의 경우', en: 'Membership information' },
      text: {
        ko: '회원가입을 탈퇴하거나 회원에서 제명된 때 파기되며, 단, 로그인 ID의 경우 재사용 방지를 위해 영구 보관됨.',
        en: 'Destroyed when you leave or are expelled from membership; the login ID, however, is kept permanently so that it cannot be used again.',
      },
      ruleIds: ['member_account', 'member_login_id'],
    },
    {
      id: 'survey_event',
      heading: {
        ko: '설문조사, 행사 등의 목적을 위하여 수집한 경우',
        en: 'Information collected for surveys, events and the like',
      },
      text: {
        ko: '당해 설문조사, 행사 등이 종료한 때',
        en: 'Until the survey or event concerned ends',
      },
      ruleIds: ['survey_event'],
    },
    {
      id: 'care',
      heading: {
        ko: '진료목적을 위하여 수집한 경우',
        en: 'Information collected for medical care',
      },
      text: {
        ko: '의료법에 명시된 기간에 준함',
        en: 'Kept for the periods the Medical Service Act sets',
      },
      ruleIds: medicalRecords.map((rule) => rule.id),
    },
  ],
  rules: [
    {
      id: 'member_account',
      kind: 'until_event',
      event: 'membership_ended',
      label: { ko: '회원가입정보', en: 'Membership information' },
      legalBasis: [destructionArticle],
    },
    {
      id: 'member_login_id',
      kind: 'permanent',
      storage: 'separated',
      label: { ko: '로그인 ID', en: 'Login ID' },
      reason: { ko: '재사용 방지', en: 'So that the ID cannot be used again' },
      legalBasis: [],
    },
    {
      id: 'survey_event',
      kind: 'until_event',
      event: 'survey_or_event_ended',
      label: { ko: '설문조사·행사 정보', en: 'Survey and event information' },
      legalBasis: [destructionArticle],
    },
    ...medicalRecords,
    {
      id: 'payment_settlement',
      kind: 'until_event',
      event: 'settlement_completed',
      label: { ko: '결제 승인 정보', en: 'Payment approval information' },
      legalBasis: [destructionArticle],
    },
    {
      id: 'cctv_footage',
      kind: 'fixed_period',
      period: 'P1M',
      runsFrom: 'recording',
      label: { ko: '개인영상정보', en: 'Video footage' },
      legalBasis: [],
    },
  ],
  medicalRecords: {
    runsFrom: {
      default: 'last_entry',
      configurable: true,
      note: {
        ko: '시행규칙은 기산점을 정하지 않아, 마지막 기록일부터 계산하는 일반적인 해석을 기본값으로 둔다.',
        en: 'The rule does not say when the period starts; by default we follow the common reading that it runs from the last entry.',
      },
    },
    extension: {
      maxTimes: 1,
      upTo: 'same_period',
      when: { ko: '계속적인 진료를 위하여 필요한 경우', en: 'where continued care requires it' },
      legalBasis: ['의료법 시행규칙 제15조제1항'],
    },
    afterLegalPeriod: 'delete_on_request',
  },
  destructionGrace: {
    defaultDays: 5,
    configurable: true,
    note: {
      ko: '표준 개인정보 보호지침에서 읽히는 기한은 확인되지 않아 설정값으로 둔다. 법은 "지체 없이"를 요구한다.',
      en: 'The deadline read into the standard guideline is unconfirmed, so it is configurable; the law says "without delay".',
    },
    legalBasis: [destructionArticle],
  },
};
