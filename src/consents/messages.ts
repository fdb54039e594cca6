import { seoulDate, seoulDateTime } from '../platform/clock.ts';
import type { L10n } from '../platform/i18n.ts';

/**
 * The texts of the messages 정보통신망법 requires. Each names the sender, the
 * date, what was done and how to change it; none holds a personal value.
 */
const channelName: Record<'sms' | 'email', L10n> = {
  sms: { ko: '문자(SMS)', en: 'text message (SMS)' },
  email: { ko: '이메일', en: 'e-mail' },
};

const howToChange: L10n = {
  ko: '홈페이지 또는 앱의 [내 정보 > 동의 관리]에서 언제든지 바꾸실 수 있습니다.',
  en: 'You can change this at any time under My data > Consents on the website or in the app.',
};

/** 시행령 제62조의2: the result of an opt-in or opt-out, confirmed to the person. */
export function marketingChoiceConfirmation(input: {
  hospital: L10n;
  channel: 'sms' | 'email';
  granted: boolean;
  at: Date;
}): { subject: L10n; body: L10n } {
  const when = seoulDateTime(input.at);
  const ch = channelName[input.channel];
  const result: L10n = input.granted
    ? { ko: '수신 동의', en: 'agreed to receive' }
    : { ko: '수신 거부(동의 철회)', en: 'refused (withdrew consent to receive)' };
  return {
    subject: {
      ko: `[${input.hospital.ko}] 광고성 정보 수신${input.granted ? '동의' : '거부'} 처리 결과 안내`,
      en: `[${input.hospital.en}] Your choice about advertising has been recorded`,
    },
    body: {
      ko: `${input.hospital.ko}입니다. ${when}(한국시간)에 ${ch.ko} 광고성 정보 ${result.ko} 의사를 표시하신 내용이 그대로 처리되었습니다. ${howToChange.ko}`,
      en: `This is ${input.hospital.en}. On ${when} (Korea time) you ${result.en} advertising by ${ch.en}; this has been done. ${howToChange.en}`,
    },
  };
}

/** 시행령 제62조의3: every 2 years, that the consent stands and how to withdraw it. */
export function marketingConsentReminder(input: {
  hospital: L10n;
  channel: 'sms' | 'email';
  grantedSince: Date;
}): { subject: L10n; body: L10n } {
  const since = seoulDate(input.grantedSince);
  const ch = channelName[input.channel];
  return {
    subject: {
      ko: `[${input.hospital.ko}] 광고성 정보 수신동의 유지 안내`,
      en: `[${input.hospital.en}] Your consent to advertising still stands`,
    },
    body: {
      ko: `${input.hospital.ko}입니다. 고객님은 ${since}에 ${ch.ko} 광고성 정보 수신에 동의하셨으며, 이 동의는 현재 유지되고 있습니다. 더 이상 받지 않으시려면 ${howToChange.ko.replace('바꾸실', '철회하실')}`,
      en: `This is ${input.hospital.en}. On ${since} you agreed to receive advertising by ${ch.en}, and that consent still stands. To stop receiving it, withdraw it at any time under My data > Consents on the website or in the app.`,
    },
  };
}

/**
 * 정보통신망법 제50조제4항: an advertisement says so at its start, and says
 * how to refuse it.
 */
export function advertisement(input: { hospital: L10n; subject: L10n; body: L10n }): {
  subject: L10n;
  body: L10n;
} {
  return {
    subject: { ko: `(광고) ${input.subject.ko}`, en: `(Advertisement) ${input.subject.en}` },
    body: {
      ko: `(광고) [${input.hospital.ko}] ${input.body.ko}\n수신거부: ${howToChange.ko}`,
      en: `(Advertisement) [${input.hospital.en}] ${input.body.en}\nTo stop: ${howToChange.en}`,
    },
  };
}
