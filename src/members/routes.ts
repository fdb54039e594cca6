import { guessThrottle } from '../access/guess-throttle.ts';
import type { PersonalDataDoor } from '../access/personal-data.ts';
import { type AccessSettings, accessSettings } from '../access/settings.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db.ts';
import { createRouter } from '../platform/http/create-app.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';
import { memberConsentsFrom, memberMessagesFrom } from './consent-wiring.ts';
import type { MemberDeps } from './deps.ts';
import { GUARDIAN_CODE_GUESSES } from './guardian.ts';
import { memberApiRoutes } from './routes/api.ts';
import { guardianAccessRoutes } from './routes/guardian.tsx';
import { guardianApiRoutes } from './routes/guardian-api.ts';
import { memberPageRoutes } from './routes/pages.tsx';
import { memberUnlockRoutes } from './routes/staff-unlock.tsx';
import { MEMBER_SIGN_IN_FAILURES } from './sign-in.ts';

/** The member portal (pages and JSON API); members follow the staff rules for passwords, lock-out and idle sessions. */
export function memberRoutes(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  door: PersonalDataDoor;
  publisher: PolicyPublisher;
  staffAccess?: Partial<AccessSettings>;
}) {
  const memberDeps: MemberDeps = {
    db: deps.db,
    clock: deps.clock,
    cipher: deps.cipher,
    door: deps.door,
    publisher: deps.publisher,
    consents: memberConsentsFrom(deps),
    messages: memberMessagesFrom(deps),
    settings: accessSettings(deps.staffAccess),
    guardianCodeGuesses: guessThrottle({ clock: deps.clock, ...GUARDIAN_CODE_GUESSES }),
    signInFailures: guessThrottle({ clock: deps.clock, ...MEMBER_SIGN_IN_FAILURES }),
  };
  const app = createRouter();
  app.route('/', memberPageRoutes(memberDeps));
  app.route('/', memberApiRoutes(memberDeps));
  app.route('/', guardianAccessRoutes(memberDeps));
  app.route('/', guardianApiRoutes(memberDeps));
  app.route('/', memberUnlockRoutes(memberDeps));
  return app;
}
