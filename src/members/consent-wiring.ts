import {
  type ConsentRecordColumns,
  consentRecordColumns,
  consentRecordFrom,
  forgetStandingConsentsOf,
  marketingKindOf,
  recordConsent,
} from '../consents/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { enqueueMessage } from '../platform/outbox/enqueue.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';
import { policyInForce } from './deps.ts';
import type { MemberConsents, MemberMessages } from './ports.ts';

const channelOf = { web: 'web', api: 'app' } as const;
const actorOf = (subjectId: string) => subjectId.replace(/^member:/, '');

/** The consents module behind the member portal's port. */
export function memberConsentsFrom(deps: {
  clock: Clock;
  publisher: PolicyPublisher;
}): MemberConsents {
  return {
    async recordSignUp(trx, input) {
      const base = {
        subjectId: input.subjectId,
        policyVersionId: input.policyVersionId,
        channel: channelOf[input.via],
        actor: actorOf(input.subjectId),
        at: deps.clock.now(),
      };
      await recordConsent(trx, { ...base, kind: 'membership_terms', granted: true });
      await recordConsent(trx, { ...base, kind: 'marketing_sms', granted: input.marketing.sms });
      await recordConsent(trx, {
        ...base,
        kind: 'marketing_email',
        granted: input.marketing.email,
      });
    },
    async setMarketing(trx, input) {
      const policy = await policyInForce(deps);
      await recordConsent(trx, {
        subjectId: input.subjectId,
        kind: marketingKindOf[input.channel],
        granted: input.optIn,
        policyVersionId: policy.id,
        channel: channelOf[input.via],
        actor: actorOf(input.subjectId),
        at: deps.clock.now(),
      });
    },
    recordColumns: (subjectId) => consentRecordColumns(subjectId),
    recordsFrom: (row) => {
      const { standing, history } = consentRecordFrom(row as ConsentRecordColumns);
      return { standing, history: history.reverse() };
    },
    forget: (trx, subjectId) => forgetStandingConsentsOf(trx, subjectId),
  };
}

/** The platform outbox behind the member portal's port. */
export function memberMessagesFrom(deps: { cipher: FieldCipher; clock: Clock }): MemberMessages {
  return {
    async enqueue(trx, message) {
      await enqueueMessage(deps, trx, {
        channel: message.channel,
        subjectId: message.recipientSubjectId,
        address: message.address,
        addressItem: message.addressItem,
        purpose: message.purpose,
        template: message.template,
        subject: message.content.subject,
        body: message.content.text,
      });
    },
  };
}
