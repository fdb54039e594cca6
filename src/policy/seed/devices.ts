import type { PolicyDeclaration } from '../declaration.ts';

export const cookies: PolicyDeclaration['cookies'] = {
  intro: {
    ko: "병원은 이용자의 정보를 저장하고 수시로 불러오는 '쿠키(cookie)'를 사용합니다. 쿠키는 웹사이트를 운영하는데 이용되는 서버가 이용자의 브라우저에게 보내는 아주 작은 텍스트 파일로 이용자 컴퓨터의 하드디스크에 저장됩니다.",
    en: "The Hospital uses 'cookies', which store information about you and read it back from time to time. A cookie is a very small text file that the server running a website sends to your browser; it is stored on your computer's hard disk.",
  },
  purpose: {
    heading: { ko: '쿠키의 사용 목적', en: 'Why we use cookies' },
    text: {
      ko: '이용자들이 방문한 서비스와 웹 사이트들에 대한 방문 및 이용형태, 인기 검색어, 보안접속 여부, 뉴스편집, 이용자 규모 등을 파악하여 이용자에게 최적화된 정보 제공을 위하여 사용합니다.',
      en: 'To give you the information that suits you best, by learning how users visit and use our services and websites, popular search terms, whether connections are secure, news editing, the number of users and the like.',
    },
  },
  refusal: {
    heading: { ko: '쿠키의 설치/운영 및 거부', en: 'Accepting and refusing cookies' },
    text: {
      ko: '이용자는 쿠키 설치에 대한 선택권을 가지고 있습니다. 따라서 이용자는 웹브라우저에서 옵션을 설정함으로써 모든 쿠키를 허용하거나, 쿠키가 저장될 때마다 확인을 거치거나, 아니면 모든 쿠키의 저장을 거부할 수도 있습니다. 다만, 쿠키의 저장을 거부할 경우 일부서비스는 이용에 어려움이 있을 수 있습니다.',
      en: "You choose whether to accept cookies. By setting your web browser's options you can accept all cookies, be asked each time a cookie is stored, or refuse all cookies. If you refuse cookies, some services may be hard to use.",
    },
  },
  settings: {
    heading: { ko: '설정방법', en: 'How to change the settings' },
    browsers: [
      {
        id: 'internet_explorer',
        label: { ko: 'Internet Explorer의 경우', en: 'Internet Explorer' },
        steps: {
          ko: '웹 브라우저 상단의 도구 메뉴 > 인터넷 옵션 > 개인정보 > 설정',
          en: 'Tools menu at the top of the browser > Internet Options > Privacy > Settings',
        },
      },
      {
        id: 'chrome',
        label: { ko: 'Chrome의 경우', en: 'Chrome' },
        steps: {
          ko: '웹 브라우저 우측의 설정 메뉴 > 화면 하단의 고급 설정 표시 > 개인정보의 콘텐츠 설정 버튼 > 쿠키',
          en: 'Settings menu at the right of the browser > Show advanced settings at the bottom > Content settings button under Privacy > Cookies',
        },
      },
    ],
  },
  categories: [
    {
      id: 'necessary',
      label: { ko: '필수 쿠키', en: 'Necessary cookies' },
      description: {
        ko: '로그인 유지와 보안접속 등 사이트 운영에 꼭 필요한 쿠키',
        en: 'Cookies the site cannot work without, such as keeping you signed in and securing the connection',
      },
      readOnly: true,
    },
    {
      id: 'analytics',
      label: { ko: '이용 분석 쿠키', en: 'Analytics cookies' },
      description: {
        ko: '방문 및 이용형태, 인기 검색어, 이용자 규모 파악',
        en: 'Learning how the site is visited and used, popular search terms and the number of users',
      },
      readOnly: false,
    },
  ],
};

export const cctv: PolicyDeclaration['cctv'] = {
  intro: {
    ko: '병원은 아래와 같이 영상정보처리기기를 설치·운영하고 있습니다.',
    en: 'The Hospital installs and operates CCTV as follows.',
  },
  purposeId: 'cctv',
  legalBasis: ['개인정보 보호법 제25조제1항제2호', '개인정보 보호법 제25조제1항제3호'],
  headings: {
    basis: { ko: '설치근거 및 목적', en: 'Legal basis and purpose' },
    operation: {
      ko: '영상정보의 촬영시간, 보관기간, 보관장소 및 처리방법',
      en: 'Recording hours, retention period, storage place and handling of footage',
    },
    viewing: { ko: '영상정보 확인방법 및 장소', en: 'How and where to view footage' },
    method: { ko: '확인방법', en: 'How to view' },
    requests: {
      ko: '정보주체의 영상정보 열람 등 요구에 대한 조치',
      en: 'How we handle requests to view footage',
    },
    safeguards: {
      ko: '영상정보보호를 위한 기술적·관리적·물리적 조치',
      en: 'Technical, administrative and physical measures protecting footage',
    },
  },
  cameraCount: 106,
  recordingHoursPerDay: 24,
  locations: {
    ko: 'A, B, C동 각 층 복도 및 엘리베이터, 주차장, 로비 등',
    en: 'Corridors and lifts on every floor of buildings A, B and C, the car park, the lobby and elsewhere',
  },
  retentionRuleId: 'cctv_footage',
  storagePlace: { ko: '관제실', en: 'Control room' },
  viewing: {
    method: {
      ko: '관제실에 정당한 사유와 함께 열람을 요청하면, 해당 내용 확인 후 영상 제공.',
      en: 'Ask the control room to view footage, giving a legitimate reason; once the request is checked, the footage is provided.',
    },
    allowedWhen: {
      ko: '정보주체 자신이 촬영된 경우 또는 명백히 정보주체의 생명·신체·재산 이익을 위해 필요한 경우에 한해 열람을 허용함.',
      en: 'Viewing is allowed only where you yourself were recorded, or where it is clearly necessary for your life, body or property.',
    },
    refusalIntro: {
      ko: '정보주체의 열람 등 청구에도 불구하고 아래와 같은 경우에는 개인영상정보 열람 등 청구를 거부할 수 있습니다.',
      en: 'Even when you ask, the Hospital may refuse a request to view footage in the following cases:',
    },
    refusalGrounds: [
      {
        id: 'destroyed_after_retention',
        text: {
          ko: '개인영상정보의 보관기간이 경과하여 파기한 경우.',
          en: 'The footage has been destroyed because its retention period has passed.',
        },
      },
      {
        id: 'other_just_cause',
        text: {
          ko: '기타 정보주체의 열람 등 요구를 거부할 만한 정당한 사유가 존재하는 경우.',
          en: 'There is another just reason to refuse the request.',
        },
      },
    ],
    rightId: 'access',
  },
  safeguards: {
    ko: '내부관리계획 수립, 접근통제 및 접근권한 제한, 영상정보의 안전한 저장·전송기술 적용, 처리기록 보관 및 위·변조 방지조치, 보관시설 마련 및 잠금장치 설치 등',
    en: 'An internal management plan; access control and limited access rights; secure storage and transmission of footage; keeping processing records and preventing forgery and alteration; a dedicated storage facility with locks; and the like.',
  },
};
