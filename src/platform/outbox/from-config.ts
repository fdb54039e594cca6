import { type Config, ConfigError } from '../config.ts';
import { SmtpTransport } from './smtp.ts';
import { DevEmailTransport, DevSmsTransport, type Transports } from './transports.ts';

/**
 * The transports the configuration asks for. SMS always goes through the dev
 * adapter until a carrier's adapter exists; e-mail goes over SMTP when
 * JIKIM_SMTP_URL is set, and is required in production.
 */
export function transportsFromConfig(
  config: Pick<Config, 'env' | 'smtpUrl' | 'mailFrom'>,
): Transports {
  if (config.smtpUrl) {
    return {
      email: new SmtpTransport({
        url: config.smtpUrl,
        from: config.mailFrom ?? 'no-reply@localhost',
      }),
      sms: new DevSmsTransport(),
    };
  }
  if (config.env === 'production') {
    throw new ConfigError('Invalid JIKIM_SMTP_URL: required in production to send e-mail');
  }
  return { email: new DevEmailTransport(), sms: new DevSmsTransport() };
}
