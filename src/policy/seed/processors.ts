import type { PolicyDeclaration, Processor } from '../declaration.ts';

export const thirdParty: PolicyDeclaration['thirdParty'] = {
  text: {
    ko: "병원은 귀하의 동의가 있거나 관련법령의 규정에 의한 경우를 제외하고는 어떠한 경우에도 '개인정보 처리 목적'에서 고지한 범위를 넘어 귀하의 개인정보를 이용하지 않습니다.",
    en: "Except with your consent or where a law so provides, the Hospital never uses your personal information beyond the scope announced under 'Purposes of processing'.",
  },
  allowedBases: ['consent', 'law'],
  legalBasis: ['개인정보 보호법 제17조제1항', '개인정보 보호법 제18조제2항'],
};

/** What a reading or testing laboratory needs to match a specimen or image to its patient. */
const specimenItems = ['care.patient_number', 'care.name', 'care.health_info'];

function processor(
  id: string,
  name: [ko: string, en: string],
  task: [ko: string, en: string],
  purposeIds: string[],
  itemIds: string[],
): Processor {
  return {
    id,
    name: { ko: name[0], en: name[1] },
    task: { ko: task[0], en: task[1] },
    until: 'contract_end',
    purposeIds,
    itemIds,
  };
}

export const processors: PolicyDeclaration['processors'] = {
  intro: {
    ko: '병원은 다양한 서비스 및 편의제공과 관련한 업무의 원활한 수행을 위하여 아래와 같이 개인정보처리 업무를 위탁하여 운영하고 있습니다.',
    en: 'To carry out the work of providing its services and conveniences smoothly, the Hospital entrusts the processing of personal information to the processors below.',
  },
  untilLabels: {
    contract_end: { ko: '위탁계약 종료까지', en: 'Until the outsourcing contract ends' },
  },
  list: [
    processor(
      'dadae_soft',
      ['다대소프트', 'Dadae Soft'],
      ['OCS, EMR 프로그램 운영 및 유지보수', 'Running and maintaining the OCS and EMR software'],
      ['care'],
      [
        'care.patient_number',
        'care.name',
        'care.rrn',
        'care.foreigner_number',
        'care.address',
        'care.department',
        'care.phone',
        'care.health_info',
      ],
    ),
    processor(
      'beacon21',
      ['비컨21', 'Beacon21'],
      ['CRM 프로그램 운영 및 유지보수', 'Running and maintaining the CRM software'],
      ['membership', 'marketing'],
      [
        'membership.name',
        'membership.birth_date',
        'membership.gender',
        'membership.phone',
        'membership.email',
        'membership.sms_opt_in',
        'membership.email_opt_in',
      ],
    ),
    processor(
      'cad_impact',
      ['캐드임팩트', 'CAD Impact'],
      [
        'PACS 프로그램 운영 및 유지보수',
        'Running and maintaining the PACS (medical imaging) software',
      ],
      ['care'],
      specimenItems,
    ),
    processor(
      'naskalab',
      ['나스카랩', 'Naskalab'],
      [
        '예약 및 콜센터 프로그램 운영 및 유지보수',
        'Running and maintaining the appointment and call-centre software',
      ],
      ['appointments', 'mobile_notices'],
      ['care.patient_number', 'care.name', 'care.department', 'care.phone'],
    ),
    processor(
      'saerom_soft',
      ['새롬소프트', 'Saerom Soft'],
      [
        '건강검진 프로그램 운영 및 유지보수',
        'Running and maintaining the health check-up software',
      ],
      ['care'],
      [
        'care.patient_number',
        'care.name',
        'care.rrn',
        'care.address',
        'care.phone',
        'care.health_info',
      ],
    ),
    processor(
      'gc_labs',
      ['녹십자 의료재단', 'Green Cross Medical Foundation (GC Labs)'],
      [
        '진단검사의학과, 병리과 위탁 검체검사 진행',
        'Outsourced specimen tests for laboratory medicine and pathology',
      ],
      ['outsourced_tests_and_trials'],
      specimenItems,
    ),
    processor(
      'medical_design',
      ['(주)메디컬디자인', 'Medical Design Co., Ltd.'],
      ['홈페이지 유지보수 관리', 'Maintaining the website'],
      ['membership'],
      [
        'membership.name',
        'membership.birth_date',
        'membership.gender',
        'membership.referral_source',
        'membership.district',
        'membership.login_id',
        'membership.password',
        'membership.phone',
        'membership.email',
        'membership.sms_opt_in',
        'membership.email_opt_in',
      ],
    ),
    processor(
      'ntl_medical_foundation',
      ['엔티엘 의료재단', 'NTL Medical Foundation'],
      ['자궁경부 촬영 결과 판독 진행', 'Reading cervical imaging (cervicography) results'],
      ['outsourced_tests_and_trials'],
      specimenItems,
    ),
    processor(
      'sunho_medics',
      ['선호메딕스', 'Sunho Medics'],
      ['신생아 안검사 위탁', 'Outsourced newborn eye examinations'],
      ['outsourced_tests_and_trials'],
      specimenItems,
    ),
    processor(
      'w_clinic',
      ['더블유의원', 'W Clinic'],
      ['판독 위탁', 'Outsourced reading of test results'],
      ['outsourced_tests_and_trials'],
      specimenItems,
    ),
    processor(
      'cancerrop',
      ['캔서롭', 'CancerROP'],
      ['양수검사 위탁', 'Outsourced amniotic fluid tests'],
      ['outsourced_tests_and_trials'],
      specimenItems,
    ),
  ],
  legalBasis: ['개인정보 보호법 제26조'],
};
