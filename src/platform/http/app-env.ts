import type { Role } from '../../access/roles.ts';
import type { Lang } from '../i18n.ts';
import type { RequestLog } from '../log.ts';
import type { Access, StaffAccessEnforcer } from './access.ts';

/** A signed-in staff member, as the guard found them on this request. */
export interface StaffActor {
  kind: 'staff';
  id: string;
  /** Roles of the grants active right now, read from the database on this request. */
  roles: readonly Role[];
  grantIds: readonly string[];
}

/** A signed-in member of the portal. */
export interface MemberActor {
  kind: 'member';
  id: string;
}

/** Who is calling; processor actors join this union when their module lands. */
export type Actor = StaffActor | MemberActor;

/** The one typed request environment every sub-app and middleware shares. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLog;
    lang: Lang;
    /** What the matched route declared about who may call it and why. */
    access: Access;
    /** CSP nonce for inline scripts on server-rendered pages. */
    secureHeadersNonce?: string;
    /** Checks staff declarations; installed once for the whole app by the access module. */
    enforceStaffAccess?: StaffAccessEnforcer;
    /** Set by the guard once it has let a staff request through. */
    actor?: Actor;
    /** The declared purpose the caller named, for routes that touch personal data. */
    purpose?: string;
    /** The grant whose role allowed this request; the access log names it. */
    grantId?: string;
    /** The caller's address as the access module resolved it (proxy headers only when trusted). */
    clientAddress?: string;
    /**
     * The cookie banner for this visitor ('' once they have chosen), for a route that fills the
     * banner's slot in a page it serves from a cache; calling it tells the banner middleware so.
     */
    cookieBanner?: () => Promise<string>;
    /** SHA-256 id of the caller's staff session, for sign-out. */
    staffSessionId?: string;
  };
}
