import type { Lang } from '../platform/i18n.ts';
import type { MarketingChannel } from './ports.ts';

/** The words of the marketing choices on /me, Korean first. */
const ko = {
  title: '광고성 정보 수신 동의',
  lead: '언제든지 바꿀 수 있습니다. 바꿀 때마다 일시와 방법이 기록되고, 바뀐 내용을 알려 드립니다.',
  channels: { sms: '문자(SMS)', email: '이메일' } as Record<MarketingChannel, string>,
  on: '받고 있음',
  off: '받지 않음',
  turnOn: '수신 동의하기',
  turnOff: '수신 거부하기',
  changed: (channel: string, on: boolean) =>
    `${channel} 광고 수신을 ${on ? '동의' : '거부'}했습니다. 확인 안내를 보냈습니다.`,
  unchanged: '이미 그렇게 되어 있습니다.',
};

const en: typeof ko = {
  title: 'Advertising messages',
  lead: 'You can change this at any time. Each change is recorded with its time and channel, and we confirm it to you.',
  channels: { sms: 'Text message (SMS)', email: 'E-mail' },
  on: 'On',
  off: 'Off',
  turnOn: 'Turn on',
  turnOff: 'Turn off',
  changed: (channel: string, on: boolean) =>
    `Advertising by ${channel} is now ${on ? 'on' : 'off'}. We have sent you a confirmation.`,
  unchanged: 'It already was.',
};

export const marketingText: Record<Lang, typeof ko> = { ko, en };
