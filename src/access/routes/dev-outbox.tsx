import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { staffAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import {
  addressItemsServing,
  DEV_OUTBOX_LIMIT,
  listDevOutbox,
} from '../../platform/outbox/dev-inbox.ts';
import { type AddressItem, addressColumns } from '../../platform/outbox/enqueue.ts';
import type { DevTransportId } from '../../platform/outbox/transports.ts';
import { findItem, findPurpose, itemServesPurpose } from '../../policy/lookup.ts';
import type { PolicyPublisher } from '../../policy/publisher.ts';
import { DevOutboxPage } from '../pages/dev-outbox.tsx';
import { pageHtml } from '../pages/layout.tsx';
import type { PersonalDataDoor } from '../personal-data.ts';
import { accessContextOf } from '../request-context.ts';

/**
 * The purposes Jikim sends messages for that a staff role may declare. A
 * message is read under the purpose it was sent for; marketing messages,
 * which no role may declare, are never shown.
 */
export const DEV_OUTBOX_PURPOSES = ['guardian_consent_check', 'complaints_and_notices'] as const;

export interface DevOutboxDeps {
  clock: Clock;
  cipher: FieldCipher;
  door: PersonalDataDoor;
  publisher: PolicyPublisher;
  /** The dev adapters configured; the routes exist only when there is one. */
  adapters: readonly DevTransportId[];
}

/**
 * 개발용 발신함: what the dev SMS and e-mail adapters kept instead of sending,
 * for the front desk in development and demos (a guardian's code, which no
 * phone receives here). Mounted only while a dev adapter is configured, and
 * never in production.
 */
export function devOutboxRoutes(deps: DevOutboxDeps) {
  const app = createRouter();
  app.get(
    '/staff/dev-outbox',
    staffAccess('outbox.dev_read', DEV_OUTBOX_PURPOSES, {
      action: 'read',
      items: Object.keys(addressColumns),
    }),
    async (c) => {
      const lang = c.get('lang');
      const context = accessContextOf(c);
      const { declaration } = await deps.publisher.inForce(deps.clock.now());
      const items = addressItemsServing((item: AddressItem) =>
        itemServesPurpose(declaration, item, context.purpose),
      );
      const messages = await listDevOutbox(deps, context, deps.adapters, items);
      const age = String(declaration.children.ageThreshold);
      const purposes = DEV_OUTBOX_PURPOSES.map((id) => {
        const found = findPurpose(declaration, id);
        const label = found?.use?.label ?? found?.purpose.heading ?? { ko: id, en: id };
        return {
          id,
          label: { ko: label.ko.replace('{age}', age), en: label.en.replace('{age}', age) },
        };
      });
      const page = DevOutboxPage({
        lang,
        adapters: deps.adapters,
        purposes,
        purpose: context.purpose,
        messages,
        itemLabel: (id) => findItem(declaration, id)?.label[lang] ?? id,
        limit: DEV_OUTBOX_LIMIT,
      });
      return c.html(await pageHtml(page));
    },
  );
  return app;
}
