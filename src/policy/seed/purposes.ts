import type { PolicyDeclaration } from '../declaration.ts';

export const processingPurposes: PolicyDeclaration['processingPurposes'] = {
  intro: {
    ko: '병원은 수집한 개인정보를 다음의 목적으로 사용합니다. 수집된 모든 정보는 아래 사용 목적 이외에 사용되지 않으며 사용목적이 변경될 시에는 사전 동의를 구합니다.',
    en: 'The Hospital uses the personal information it collects for the purposes below. No information collected is used for anything else, and if a purpose changes we ask for your consent beforehand.',
  },
  purposes: [
    {
      id: 'membership',
      heading: { ko: '회원관리', en: 'Membership management' },
      statedIn: 'purposes',
      coversAllItems: false,
      uses: [
        {
          id: 'member_identity',
          label: {
            ko: '회원제 서비스 이용 및 제한적 본인 확인제에 따른 본인확인',
            en: 'Use of member services, and identity verification under the limited identity-verification system',
          },
        },
        {
          id: 'dispute_records',
          label: { ko: '분쟁 조정을 위한 기록보존', en: 'Keeping records for dispute resolution' },
        },
        {
          id: 'complaints_and_notices',
          label: {
            ko: '불만처리 등 민원처리 및 고지사항 전달',
            en: 'Handling complaints and other requests, and delivering notices',
          },
        },
        {
          id: 'guardian_consent_check',
          label: {
            ko: '만 {age}세 미만 아동의 회원가입 시 법정대리인 동의 여부 확인',
            en: "Confirming a legal guardian's consent when a child under {age} signs up",
          },
          impliedBy: 'children',
        },
      ],
    },
    {
      id: 'new_services',
      heading: { ko: '신규 서비스', en: 'New services' },
      statedIn: 'purposes',
      coversAllItems: false,
      uses: [
        {
          id: 'service_development',
          label: {
            ko: '신규 서비스 개발 및 맞춤 서비스 제공',
            en: 'Developing new services and providing personalised services',
          },
        },
        {
          id: 'statistics_and_ads',
          label: {
            ko: '통계학적 특성에 따른 서비스 제공 및 광고 게재',
            en: 'Providing services and placing advertisements according to statistical characteristics',
          },
        },
        {
          id: 'service_validity',
          label: { ko: '서비스의 유효성 확인', en: 'Checking that services work as intended' },
        },
        {
          id: 'marketing',
          label: {
            ko: '이벤트 및 광고성 정보 제공 및 참여기회 제공',
            en: 'Sending information about events and advertising, and offering chances to take part',
          },
        },
      ],
    },
    {
      id: 'care',
      heading: { ko: '진료 서비스', en: 'Medical care' },
      statedIn: 'purposes',
      coversAllItems: false,
      uses: [
        {
          id: 'appointments',
          label: {
            ko: '진료 / 검진 예약, 조회 및 진료를 위한 본인 확인 절차에 사용',
            en: 'Booking and looking up appointments for care and health check-ups, and identity checks for care',
          },
        },
        {
          id: 'mobile_notices',
          label: {
            ko: '진료 및 예약 등 기타 진료에 필요한 내용에 대한 Mobile 안내',
            en: 'Mobile notices about care, appointments and other matters care requires',
          },
        },
        {
          id: 'treatment_and_billing',
          label: {
            ko: '진단 및 치료를 위한 진료 서비스와 진료비 청구. 수납. 환불 등의 원무 서비스',
            en: 'Medical care for diagnosis and treatment, and administrative services such as billing, payment and refunds',
          },
        },
        {
          id: 'education_research',
          label: {
            ko: '교육, 연구, 진료서비스에 필요한 최소한의 분석 자료',
            en: 'The minimum data for analysis needed for education, research and medical services',
          },
        },
        {
          id: 'outsourced_tests_and_trials',
          label: {
            ko: '온라인수탁, 외부검사 및 임상시험 심사 등을 위한 기초자료',
            en: 'Basic data for online outsourcing, external tests, clinical trial reviews and the like',
          },
        },
        {
          id: 'patient_complaints',
          label: {
            ko: '민원 / 고충 처리 등을 위한 의사소통의 경로 확보',
            en: 'Keeping a way to reach you for handling complaints and grievances',
          },
        },
        {
          id: 'legal_disclosure',
          label: {
            ko: '의료법, 형법 등 관계 법령에 의거한 정보 제공',
            en: 'Providing information under the Medical Service Act, the Criminal Act and other laws',
          },
        },
        {
          id: 'certificate_issuance',
          label: { ko: '제증명 발급', en: 'Issuing certificates' },
          impliedBy: 'items',
        },
      ],
    },
    {
      id: 'cctv',
      heading: { ko: '영상정보처리기기 운영', en: 'Operating CCTV' },
      statedIn: 'cctv',
      coversAllItems: false,
      uses: [
        {
          id: 'facility_safety',
          label: {
            ko: '병원의 환자 및 시설안전, 화재 및 범죄 예방',
            en: "Safety of the Hospital's patients and facilities, and prevention of fire and crime",
          },
        },
      ],
    },
    {
      id: 'rights_requests',
      heading: {
        ko: '정보주체의 권리 행사 요구 처리',
        en: "Handling a data subject's request to exercise their rights",
      },
      statedIn: 'rights',
      coversAllItems: true,
      uses: [],
    },
  ],
};
