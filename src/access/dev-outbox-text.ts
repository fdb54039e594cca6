import type { Lang } from '../platform/i18n.ts';

/** The words of the console's dev outbox, Korean first. */
const ko = {
  title: '개발용 발신함',
  notSent:
    '아래 메시지는 실제로 발송되지 않았습니다. 문자·메일 사업자에 연결하지 않은 개발용 어댑터가 발송하는 대신 발신함에 암호화해 보관한 것입니다. 개발·시연 환경에만 있는 화면이며, 운영 환경에는 없습니다.',
  adapters: '사용 중인 개발용 어댑터',
  noAddress: '받는 사람의 주소(전화번호·메일 주소)는 표시하지 않습니다.',
  logged: '이 화면을 열 때마다 밝힌 이용 목적과 함께 접속기록이 남습니다.',
  purpose: '이용 목적',
  show: '보기',
  purposeLead: '선택한 목적으로 보낸 메시지만 보입니다.',
  none: '이 목적으로 개발용 어댑터가 보관한 메시지가 없습니다.',
  sentAt: '보관 일시',
  via: '어댑터',
  template: '종류',
  to: '받는 곳 (항목)',
  subject: '제목',
  limit: (n: number) => `최근 ${n}건까지 보입니다.`,
  homeLink: '개발용 발신함 (실제로 보내지 않은 문자·메일)',
};

const en: typeof ko = {
  title: 'Development outbox',
  notSent:
    'Nothing below was really sent. The dev adapters, connected to no phone carrier or mail server, kept each message encrypted in the outbox instead of sending it. This page exists only in development and demo installations, never in production.',
  adapters: 'Dev adapters in use',
  noAddress: "The recipient's address (phone number, e-mail address) is not shown.",
  logged: 'Each time this page opens, the access log records it with the purpose you named.',
  purpose: 'Purpose of use',
  show: 'Show',
  purposeLead: 'Only messages sent for the chosen purpose are shown.',
  none: 'The dev adapters kept no message for this purpose.',
  sentAt: 'Kept at',
  via: 'Adapter',
  template: 'Kind',
  to: 'Sent to (item)',
  subject: 'Subject',
  limit: (n: number) => `The newest ${n} at most.`,
  homeLink: 'Development outbox (texts and e-mails not really sent)',
};

export const devOutboxText: Record<Lang, typeof ko> = { ko, en };
