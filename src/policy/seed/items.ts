import type { DeclaredItem, PolicyDeclaration } from '../declaration.ts';

type ItemFacts = Partial<Omit<DeclaredItem, 'id' | 'label' | 'purposeIds' | 'retentionRuleId'>>;

/** Most items are required, ordinary and stored in clear; the exceptions say so. */
function item(
  id: string,
  label: [ko: string, en: string],
  purposeIds: string[],
  retentionRuleId: string,
  facts: ItemFacts = {},
): DeclaredItem {
  return {
    id,
    label: { ko: label[0], en: label[1] },
    requirement: 'required',
    sensitivity: 'ordinary',
    encryption: 'none',
    purposeIds,
    retentionRuleId,
    ...facts,
  };
}

const demographics = ['membership', 'service_development', 'statistics_and_ads'];
const encrypted = { encryption: 'reversible' } as const;
const identifier = { sensitivity: 'unique_identifier', encryption: 'reversible' } as const;
// Identifiers serve identity checks, insurance claims and lawful disclosure, not all of care.
const identifierUses = ['appointments', 'treatment_and_billing', 'legal_disclosure'];
const billing = ['treatment_and_billing'];

export const items: PolicyDeclaration['items'] = {
  intro: {
    ko: '병원은 회원가입, 진료 예약/확인, 상담 답변 등 각종 서비스의 원활한 제공을 위해 최소한의 정보를 필수 사항으로 수집합니다. 선택 항목은 입력하지 않더라도 서비스 이용에는 제한이 없습니다.',
    en: 'To provide its services (membership, booking and confirming appointments, answering enquiries and others), the Hospital collects only the minimum information as required items. You can use every service without filling in the optional items.',
  },
  contexts: [
    {
      id: 'membership',
      heading: { ko: '홈페이지 회원 가입 시', en: 'When you sign up as a member of the website' },
      listedIn: 'items',
      items: [
        item('membership.name', ['성명', 'Name'], ['membership'], 'member_account'),
        item(
          'membership.birth_date',
          ['생년월일(연령대)', 'Date of birth (age group)'],
          demographics,
          'member_account',
        ),
        item('membership.gender', ['성별', 'Sex'], demographics, 'member_account'),
        item(
          'membership.referral_source',
          ['유입경로', 'How you found us'],
          ['statistics_and_ads'],
          'member_account',
        ),
        item(
          'membership.district',
          ['사는 지역구', 'District you live in'],
          demographics,
          'member_account',
        ),
        item('membership.login_id', ['아이디', 'User ID'], ['membership'], 'member_login_id'),
        item(
          'membership.password',
          ['비밀번호', 'Password'],
          ['member_identity'],
          'member_account',
          {
            sensitivity: 'password',
            encryption: 'one_way',
          },
        ),
        item(
          'membership.phone',
          ['전화번호', 'Telephone number'],
          ['membership', 'marketing'],
          'member_account',
          encrypted,
        ),
        item(
          'membership.email',
          ['이메일', 'E-mail'],
          ['membership', 'marketing'],
          'member_account',
        ),
        item(
          'membership.sms_opt_in',
          ['핸드폰을 통한 수신여부', 'Whether you accept messages by mobile phone'],
          ['marketing'],
          'member_account',
          { requirement: 'optional' },
        ),
        item(
          'membership.email_opt_in',
          ['메일을 통한 수신여부', 'Whether you accept messages by e-mail'],
          ['marketing'],
          'member_account',
          { requirement: 'optional' },
        ),
      ],
    },
    {
      id: 'care',
      heading: { ko: '진료예약 및 진료 시', en: 'When you book an appointment and receive care' },
      listedIn: 'items',
      items: [
        item(
          'care.patient_number',
          ['환자등록번호', 'Patient registration number'],
          ['care'],
          'patient_register',
        ),
        item('care.name', ['성명', 'Name'], ['care'], 'patient_register'),
        item(
          'care.rrn',
          ['주민등록번호', 'Resident registration number'],
          identifierUses,
          'patient_register',
          identifier,
        ),
        item(
          'care.foreigner_number',
          ['외국인등록번호', 'Foreigner registration number'],
          identifierUses,
          'patient_register',
          {
            ...identifier,
            detail: { ko: '외국인에 한함', en: 'foreign nationals only' },
          },
        ),
        item('care.address', ['주소', 'Address'], ['care'], 'patient_register'),
        item('care.department', ['진료과목', 'Department'], ['care'], 'medical_record'),
        item(
          'care.phone',
          ['전화번호', 'Telephone number'],
          ['care'],
          'patient_register',
          encrypted,
        ),
        item('care.health_info', ['건강정보', 'Health information'], ['care'], 'medical_record', {
          sensitivity: 'sensitive',
          encryption: 'reversible',
          detail: {
            ko: '병력 및 가족력 등 진료서비스 제공을 위하여 의료진이 필요하다고 판단되는 개인 건강정보',
            en: 'Medical and family history and other health information the medical staff judge necessary to provide care',
          },
        }),
      ],
    },
    {
      id: 'payment',
      heading: { ko: '진료비 수납 시', en: 'When you pay for care' },
      listedIn: 'items',
      note: {
        ko: '필수항목은 결제 승인 정보입니다.',
        en: 'The required items are the information needed to approve a payment.',
      },
      items: [
        item('payment.card_company', ['카드사명', 'Card issuer'], billing, 'payment_settlement'),
        item(
          'payment.card_number',
          ['신용카드번호', 'Credit card number'],
          billing,
          'payment_settlement',
          {
            ...encrypted,
            detail: { ko: '카드결제시', en: 'when paying by card' },
          },
        ),
        item(
          'payment.cash_receipt_phone',
          ['핸드폰번호', 'Mobile phone number'],
          billing,
          'payment_settlement',
          {
            ...encrypted,
            detail: { ko: '현금영수증', en: 'for a cash receipt' },
          },
        ),
        item(
          'payment.bank_account',
          ['통장계좌번호', 'Bank account number'],
          billing,
          'payment_settlement',
          {
            ...encrypted,
            requirement: 'optional',
            detail: { ko: '환자 금액정산 시', en: 'when money is paid back to you' },
          },
        ),
      ],
    },
    {
      id: 'certificates',
      heading: { ko: '제증명 발급시', en: 'When we issue certificates' },
      listedIn: 'items',
      items: [
        item(
          'certificates.identity',
          ['본인 확인 정보', 'Your identity information'],
          ['certificate_issuance'],
          'certificate_copies',
          {
            ...identifier,
            detail: { ko: '이름, 주민번호 등', en: 'name, resident registration number, etc.' },
          },
        ),
        item(
          'certificates.proxy_identity',
          ['보호자 및 대리인 확인 정보', "Guardian's or agent's identity information"],
          ['certificate_issuance'],
          'certificate_copies',
          identifier,
        ),
        item(
          'certificates.consent_form',
          ['동의서', 'Consent form'],
          ['certificate_issuance'],
          'certificate_copies',
          encrypted,
        ),
      ],
    },
    {
      id: 'child_guardian',
      heading: {
        ko: '만 {age}세 미만 아동의 회원 가입 시',
        en: 'When a child under {age} signs up',
      },
      listedIn: 'items',
      items: [
        item(
          'child_guardian.name',
          ['법정대리인 성명', "Legal guardian's name"],
          ['guardian_consent_check'],
          'member_account',
        ),
        item(
          'child_guardian.contact',
          ['법정대리인 연락처', "Legal guardian's contact details"],
          ['guardian_consent_check'],
          'member_account',
          encrypted,
        ),
      ],
    },
    {
      id: 'cctv',
      heading: { ko: '영상정보처리기기 촬영 시', en: 'When CCTV records' },
      listedIn: 'cctv',
      items: [
        item('cctv.footage', ['개인영상정보', 'Video footage of people'], ['cctv'], 'cctv_footage'),
      ],
    },
  ],
};
