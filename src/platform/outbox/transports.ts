import type { Config } from '../config.ts';

/** One e-mail as the outbox hands it to a transport: already rendered, already decrypted. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface EmailTransport {
  /** Recorded on each message it delivered (`sent_via`). */
  readonly id: string;
  send(mail: OutgoingEmail): Promise<void>;
}

/** The shape a carrier's SMS gateway adapter has; the dev adapter below has the same. */
export interface SmsTransport {
  readonly id: string;
  send(to: string, text: string): Promise<void>;
}

export interface Transports {
  email: EmailTransport;
  sms: SmsTransport;
}

/**
 * A delivery that did not go through. Its code is all the outbox keeps: a
 * server's error text can echo the address, so it is never stored or logged.
 */
export class DeliveryFailed extends Error {
  override name = 'DeliveryFailed';
  constructor(readonly code: string) {
    super(`delivery failed: ${code}`);
  }
}

export const DEV_SMS_LABEL = '개발용 문자 어댑터 (dev SMS adapter)';
export const DEV_EMAIL_LABEL = '개발용 메일 어댑터 (dev e-mail adapter)';

/**
 * 개발용 문자 어댑터 (dev SMS adapter). No carrier can be reached from here, so
 * this adapter sends nothing: the message stays in the outbox, encrypted, marked
 * as delivered by `dev-sms`, where `readDevSmsInbox` shows it. Replace it with a
 * carrier's adapter of the same shape in production.
 */
export class DevSmsTransport implements SmsTransport {
  readonly id = 'dev-sms';
  readonly label = DEV_SMS_LABEL;
  async send(_to: string, _text: string): Promise<void> {}
}

/**
 * 개발용 메일 어댑터 (dev e-mail adapter), for development without a mail
 * server (JIKIM_SMTP_URL unset): like the SMS one, it leaves the message in the
 * outbox, marked `dev-email`. Production always uses SMTP.
 */
export class DevEmailTransport implements EmailTransport {
  readonly id = 'dev-email';
  readonly label = DEV_EMAIL_LABEL;
  async send(_mail: OutgoingEmail): Promise<void> {}
}

/** Transports ids that only pretend to deliver. */
export const devTransportIds = ['dev-sms', 'dev-email'] as const;
export type DevTransportId = (typeof devTransportIds)[number];

export const devTransportLabels: Record<DevTransportId, string> = {
  'dev-sms': DEV_SMS_LABEL,
  'dev-email': DEV_EMAIL_LABEL,
};

/**
 * The dev adapters in use, whose messages staff may read in the console's dev
 * outbox. None in production: even where SMS still goes through the dev
 * adapter there, its messages are real people's codes and stay unread.
 */
export function devAdaptersIn(transports: Transports, env: Config['env']): DevTransportId[] {
  if (env === 'production') return [];
  const ids: string[] = [transports.sms.id, transports.email.id];
  return devTransportIds.filter((id) => ids.includes(id));
}
