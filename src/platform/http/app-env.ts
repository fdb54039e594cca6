import type { Logger } from 'pino';
import type { Lang } from '../i18n.ts';
import type { Access } from './access.ts';

/** The one typed request environment every sub-app and middleware shares. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    lang: Lang;
    /** What the matched route declared about who may call it and why. */
    access: Access;
    /** CSP nonce for inline scripts on server-rendered pages. */
    secureHeadersNonce?: string;
  };
}
