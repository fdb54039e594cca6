import { createTransport, type Mail } from 'nodemailer';
import { DeliveryFailed, type EmailTransport, type OutgoingEmail } from './transports.ts';

export interface SmtpSettings {
  /** `smtp://host:port` or `smtps://user:pass@host:port` (env JIKIM_SMTP_URL). */
  url: string;
  /** The From header (env JIKIM_MAIL_FROM). */
  from: string;
}

/**
 * E-mail over SMTP with nodemailer. Timeouts are short so that one mail server
 * that does not answer delays a delivery run by seconds, not minutes; the
 * message is retried later by the outbox.
 */
export class SmtpTransport implements EmailTransport {
  readonly id = 'smtp';
  readonly #from: string;
  readonly #transport: Mail;

  constructor(settings: SmtpSettings) {
    this.#from = settings.from;
    this.#transport = createTransport({
      url: settings.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Never let nodemailer write envelopes or message text to any log.
      logger: false,
      debug: false,
    });
  }

  async send(mail: OutgoingEmail): Promise<void> {
    try {
      await this.#transport.sendMail({
        from: this.#from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    } catch (error) {
      throw new DeliveryFailed(smtpErrorCode(error));
    }
  }

  close(): void {
    this.#transport.close();
  }
}

/** A code only: the server's reply text can repeat the recipient's address. */
function smtpErrorCode(error: unknown): string {
  const e = error as { responseCode?: unknown; code?: unknown };
  if (typeof e.responseCode === 'number') return `smtp_${e.responseCode}`;
  if (typeof e.code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(e.code)) {
    return `smtp_${e.code.toLowerCase()}`;
  }
  return 'smtp_error';
}
