import type { PolicyDeclaration } from '../declaration.ts';

export const destruction: PolicyDeclaration['destruction'] = {
  intro: {
    ko: '병원은 고객의 개인정보를 원칙적으로 개인정보의 처리목적이 달성되면 파기하며 파기절차와 방법은 다음과 같습니다.',
    en: 'As a rule, the Hospital destroys personal information once the purpose of processing it has been achieved. The procedure and methods are as follows.',
  },
  procedure: {
    heading: { ko: '파기절차', en: 'Procedure' },
    paragraphs: [
      {
        ko: '이용자가 회원가입 등을 위해 입력한 정보는 목적이 달성된 후 별도의 DB로 옮겨져(종이의 경우 별도의 서류함) 내부 방침 및 기타관련 법령에 의한 정보보호 사유에 따라 일정 기간 저장된 후 파기됩니다.',
        en: 'Information you entered to sign up and for similar purposes is moved, once its purpose is achieved, to a separate database (for paper, a separate filing cabinet), kept there for a period according to internal policy and the information-protection grounds of the applicable laws, and then destroyed.',
      },
      {
        ko: '동 개인정보는 법률에 의한 경우가 아니고서는 보유되는 이외의 다른 목적으로 이용되지 않습니다.',
        en: 'Unless a law requires otherwise, this personal information is used for nothing but being kept.',
      },
      {
        ko: '다만, 병원에서 진료 등의 이유로 발생하여 DB에 저장된 정보의 경우 원활한 진료를 위하여 별도의 기간 없이 저장하고, 법적 기간이 지난 건의 경우 고객의 요청이 있을 경우 삭제한다.',
        en: 'However, information created at the Hospital for care and similar reasons and stored in its database is kept without a separate period so that care can continue smoothly; records whose legal period has passed are deleted when you ask.',
      },
    ],
    separatedStorage: true,
  },
  methods: {
    heading: { ko: '파기방법', en: 'Methods' },
    paper: {
      methods: ['shredding', 'incineration'],
      text: {
        ko: '종이에 출력된 개인정보는 분쇄기로 분쇄하거나 소각을 통하여 파기합니다.',
        en: 'Personal information printed on paper is destroyed by shredding or incineration.',
      },
    },
    electronic: {
      method: 'irrecoverable_deletion',
      text: {
        ko: '전자적 파일 형태로 저장된 개인정보는 기록을 재생할 수 없는 기술적 방법을 사용하여 삭제합니다.',
        en: 'Personal information stored in electronic files is deleted by technical means that make the records impossible to recover.',
      },
    },
  },
  legalBasis: ['개인정보 보호법 제21조'],
};

export const officer: PolicyDeclaration['officer'] = {
  intro: {
    ko: '고객이 병원의 서비스 이용 중에 발생하는 모든 개인정보보호 관련 문의 및 불만 사항은 아래의 개인정보보호책임자 혹은 담당자에게 연락주시기 바랍니다. 귀하의 문의사항에 대하여 신속하게 처리하겠습니다.',
    en: "Please contact the privacy officer or the privacy staff below with any question or complaint about personal information that arises while you use the Hospital's services. We will deal with it promptly.",
  },
  contacts: [
    {
      id: 'chief_officer',
      role: 'officer',
      name: { ko: '함경렬', en: 'Ham Gyeong-ryeol' },
      title: { ko: '대표 원장', en: 'Chief Director' },
      department: { ko: '진료부', en: 'Medical Department' },
      phone: '(032)451-0000',
      email: null,
    },
    {
      id: 'it_manager',
      role: 'staff',
      name: { ko: '박찬종', en: 'Park Chan-jong' },
      title: { ko: '전산 과장', en: 'IT Manager' },
      department: { ko: '행정실', en: 'Administration Office' },
      phone: '(032)451-0023',
      email: 'pcj0510@naver.com',
    },
    {
      id: 'it_assistant_manager',
      role: 'staff',
      name: { ko: '김은성', en: 'Kim Eun-seong' },
      title: { ko: '전산 주임', en: 'IT Assistant Manager' },
      department: { ko: '행정실', en: 'Administration Office' },
      phone: '(032)451-0023',
      email: 'wwomen.it@gmail.com',
    },
  ],
  legalBasis: ['개인정보 보호법 제31조'],
};

export const safeguards: PolicyDeclaration['safeguards'] = {
  intro: {
    ko: '병원은 정보주체의 개인정보를 안전하게 관리하기 위해 {legalBasis}에 따라 다음과 같이 안전성 확보에 필요한 기술적·관리적 및 물리적 조치를 하고 있습니다.',
    en: 'To keep personal information safe, the Hospital takes the following technical, administrative and physical measures under the {legalBasis}.',
  },
  measures: [
    {
      id: 'staff_minimisation',
      kind: 'administrative',
      heading: {
        ko: '개인정보 취급 직원의 최소화 및 교육',
        en: 'Few staff handle personal information, and they are trained',
      },
      text: {
        ko: '개인정보를 취급하는 직원을 지정하고 담당자에 한정시켜 최소화하여 개인정보를 관리하는 대책을 시행하고 정기적인 교육을 시행하고 있습니다.',
        en: 'We designate the staff who handle personal information, limit them to the minimum of those responsible, and train them regularly.',
      },
    },
    {
      id: 'internal_management_plan',
      kind: 'administrative',
      heading: { ko: '내부관리계획의 수립 및 시행', en: 'An internal management plan' },
      text: {
        ko: '개인정보의 안전한 처리를 위하여 내부관리계획을 수립하고 시행하고 있습니다.',
        en: 'We have drawn up, and carry out, an internal management plan for processing personal information safely.',
      },
    },
    {
      id: 'anti_hacking',
      kind: 'technical',
      heading: { ko: '해킹 등에 대비한 기술적 대책', en: 'Technical measures against hacking' },
      text: {
        ko: '병원은 해킹이나 컴퓨터 바이러스 등에 의한 개인정보 유출 및 훼손을 막기 위하여 보안프로그램 및 관제시스템을 도입·설치하였으며, 주기적인 갱신·점검하고 있습니다. 외부로부터 접근이 통제된 구역에 서버를 설치하는 등 기술적/물리적으로 감시 및 차단에 노력하고 있습니다.',
        en: 'To prevent leaks of or damage to personal information through hacking, computer viruses and the like, the Hospital has installed security software and a monitoring system, which it updates and checks regularly. It watches for and blocks attacks by technical and physical means, such as placing servers in areas closed to outside access.',
      },
    },
    {
      id: 'encryption',
      kind: 'technical',
      heading: { ko: '개인정보의 암호화', en: 'Encryption of personal information' },
      text: {
        ko: '정보주체의 주민등록번호, 비밀번호, 핸드폰번호의 경우 암호화 되어 서버에 저장 및 관리되고 있습니다.',
        en: 'Resident registration numbers, passwords and mobile phone numbers are stored and managed on the server in encrypted form.',
      },
    },
    {
      id: 'access_control',
      kind: 'technical',
      heading: { ko: '개인정보에 대한 접근 제한', en: 'Limited access to personal information' },
      text: {
        ko: '개인정보를 처리하는 데이터베이스시스템에 대한 접근권한의 부여, 변경, 말소를 통하여 개인정보에 대한 접근통제를 위하여 필요한 조치를 하고 있습니다.',
        en: 'We control access to personal information by granting, changing and revoking access rights to the database systems that process it.',
      },
    },
    {
      id: 'physical_access_control',
      kind: 'physical',
      heading: { ko: '비인가 자에 대한 출입 통제', en: 'No entry for unauthorised people' },
      text: {
        ko: '개인정보를 보관하고 있는 물리적 보관 장소를 별도로 두고 이에 대해 출입통제 절차를 수립, 운영하고 있습니다.',
        en: 'We keep personal information in separate physical storage places, with access-control procedures that we have set up and operate.',
      },
    },
  ],
  legalBasis: ['개인정보 보호법 제29조'],
};
