import type { Kysely, Transaction } from 'kysely';
import type {
  AccessAction,
  AccessLog,
  AccessLogEntry,
  ActorKind,
} from '../platform/audit/access-log.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import { Forbidden } from '../platform/errors.ts';
import { itemServesPurpose } from '../policy/declaration.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';

/** Who is touching personal data, for which declared purpose, under which grant, from where. */
export interface AccessContext {
  actor: { kind: ActorKind; id: string };
  purpose: string;
  grantId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AccessRequest {
  action: AccessAction;
  /** Declared item ids the work reads or writes; nothing else may be touched. */
  items: string[];
  /** Whose data, when known before the work runs (a search finds them as it goes). */
  subjectIds?: string[];
  /** Field names a search used; never the values searched for. */
  searchFields?: string[];
  /** The reason typed at the moment of a download or print. */
  statedReason?: string;
}

export interface AccessOutcome<T> {
  value: T;
  /** Subjects the work touched, when it found them itself (a search, a list). */
  subjectIds?: string[];
  resultCount?: number;
}

export interface PersonalDataDoor {
  /**
   * The one door to personal data. The items must serve the declared purpose
   * under the policy in force; then the work runs in a transaction that also
   * appends the access-log line, so no access happens without its line and no
   * line stays for an access that rolled back. A refusal is logged too.
   */
  open<T>(
    context: AccessContext,
    request: AccessRequest,
    work: (trx: Transaction<Database>) => Promise<AccessOutcome<T>>,
  ): Promise<T>;
  /**
   * The same door for work that only reads. The work runs on the database, not
   * in a transaction of its own (it has nothing to roll back), and its value is
   * handed out only once the access-log line has committed; lines of reads
   * arriving together commit together. Work that writes anything uses `open`.
   */
  read<T>(
    context: AccessContext,
    request: AccessRequest & { action: 'read' | 'search' },
    work: (db: Kysely<Database>) => Promise<AccessOutcome<T>>,
  ): Promise<T>;
  /** Logs a refusal decided elsewhere (the route guard), in its own transaction, by its reason code. */
  refuse(
    context: AccessContext,
    request: AccessRequest,
    reasonCode: RefusalReasonCode,
  ): Promise<void>;
}

export type RefusalReasonCode = 'permission_denied' | 'purpose_not_allowed' | 'item_not_in_purpose';

/** What a caller named as purpose goes to the log only if it has the shape of a purpose id. */
function loggablePurpose(purpose: string): string {
  return /^[a-z][a-z0-9_.-]{0,99}$/.test(purpose) ? purpose : 'undeclared';
}

export function createPersonalDataDoor(deps: {
  db: Db;
  accessLog: AccessLog;
  publisher: PolicyPublisher;
  clock: { now(): Date };
}): PersonalDataDoor {
  const { db, accessLog, publisher, clock } = deps;

  const policyInForce = () => publisher.inForce(clock.now());

  async function refuse(
    context: AccessContext,
    request: AccessRequest,
    reasonCode: RefusalReasonCode,
  ) {
    const policy = await policyInForce();
    await accessLog.append(db, {
      actor: context.actor,
      ip: context.ip ?? null,
      subjectIds: request.subjectIds ?? [],
      items: request.items,
      action: request.action,
      purpose: loggablePurpose(context.purpose),
      outcome: 'refused',
      refusalReason: reasonCode,
      ...(request.searchFields ? { searchFields: request.searchFields } : {}),
      grantId: context.grantId,
      policyVersionId: policy.id,
      requestId: context.requestId ?? null,
    });
  }

  /** The policy in force, once the items are known to serve the purpose; a refusal is logged. */
  async function policyAllowing(context: AccessContext, request: AccessRequest) {
    const policy = await policyInForce();
    const notServed = request.items.filter(
      (item) => !itemServesPurpose(policy.declaration, item, context.purpose),
    );
    if (notServed.length > 0) {
      const reason = {
        ko: `개인정보처리방침상 '${context.purpose}' 목적으로는 다음 항목을 처리할 수 없습니다: ${notServed.join(', ')}`,
        en: `Under the privacy policy in force, the purpose '${context.purpose}' does not cover: ${notServed.join(', ')}`,
      };
      await refuse(context, request, 'item_not_in_purpose');
      throw Forbidden(
        'purpose-not-allowed',
        { ko: '이용 목적이 허용되지 않습니다', en: 'Purpose not allowed' },
        reason,
      );
    }
    return policy;
  }

  function allowedLine(
    context: AccessContext,
    request: AccessRequest,
    outcome: AccessOutcome<unknown>,
    policyVersionId: string,
  ): AccessLogEntry {
    return {
      actor: context.actor,
      ip: context.ip ?? null,
      subjectIds: outcome.subjectIds ?? request.subjectIds ?? [],
      items: request.items,
      action: request.action,
      purpose: context.purpose,
      outcome: 'allowed',
      ...(request.searchFields ? { searchFields: request.searchFields } : {}),
      ...(outcome.resultCount !== undefined ? { resultCount: outcome.resultCount } : {}),
      ...(request.statedReason ? { statedReason: request.statedReason } : {}),
      grantId: context.grantId,
      policyVersionId,
      requestId: context.requestId ?? null,
    };
  }

  return {
    refuse,
    async open(context, request, work) {
      const policy = await policyAllowing(context, request);
      return db.transaction().execute(async (trx) => {
        const outcome = await work(trx);
        await accessLog.append(trx, allowedLine(context, request, outcome, policy.id));
        return outcome.value;
      });
    },
    async read(context, request, work) {
      const policy = await policyAllowing(context, request);
      const outcome = await work(db);
      await accessLog.append(db, allowedLine(context, request, outcome, policy.id));
      return outcome.value;
    },
  };
}
