import { recordPolicyNotice } from '../notices/service.ts';
import type { Clock } from '../platform/clock.ts';
import { seoulDate, seoulDaysBetween, startOfSeoulDay } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { Conflict, Invalid, NotFound, Refused } from '../platform/errors.ts';
import { invalidInput } from '../platform/validation.ts';
import {
  checkDeclaration,
  type PolicyDeclaration,
  policyDeclarationSchema,
} from './declaration.ts';
import { diffDeclarations } from './diff.ts';
import { seedPolicy, seedVersion } from './seed-policy.ts';
import type { PolicyVersionRow } from './tables.ts';

export interface PolicyVersion {
  id: string;
  label: string;
  status: 'draft' | 'announced';
  announcedAt: Date | null;
  effectiveAt: Date | null;
  declaration: PolicyDeclaration;
}

export interface PolicyDeps {
  db: Db;
  clock: Clock;
}

function toVersion(row: PolicyVersionRow): PolicyVersion {
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    announcedAt: row.announced_at,
    effectiveAt: row.effective_at,
    // Stored declarations were validated when drafted; parsing again would cost every cold read.
    declaration: row.declaration as PolicyDeclaration,
  };
}

/** Dates as the published page shows them (Korean calendar dates). */
export function versionDates(version: PolicyVersion) {
  return {
    label: version.label,
    announcedOn: version.announcedAt ? seoulDate(version.announcedAt) : '',
    effectiveOn: version.effectiveAt ? seoulDate(version.effectiveAt) : '',
  };
}

/**
 * The seed policy is the first version of every installation: announced on
 * 2021-07-30, in force from 2021-08-06, as the hospital published it.
 */
export async function ensureSeedVersion({ db }: PolicyDeps): Promise<void> {
  const existing = await db
    .selectFrom('app.policy_versions')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    const announcedAt = startOfSeoulDay(seedVersion.announcedOn);
    const row = await trx
      .insertInto('app.policy_versions')
      .values({
        label: seedVersion.label,
        declaration: JSON.stringify(seedPolicy),
        status: 'announced',
        announced_at: announcedAt,
        effective_at: startOfSeoulDay(seedVersion.effectiveOn),
        created_at: announcedAt,
        created_by: 'seed',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordPolicyNotice(trx, toVersion(row), [], announcedAt);
  });
}

export async function listVersions({ db }: PolicyDeps): Promise<PolicyVersion[]> {
  const rows = await db
    .selectFrom('app.policy_versions')
    .selectAll()
    .orderBy('effective_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toVersion);
}

export async function getVersion({ db }: PolicyDeps, id: string): Promise<PolicyVersion> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.selectFrom('app.policy_versions').selectAll().where('id', '=', id).executeTakeFirst()
    : await db
        .selectFrom('app.policy_versions')
        .selectAll()
        .where('label', '=', id)
        .executeTakeFirst();
  if (!row) throw NotFound('policy-version-not-found', policyVersionNotFound);
  return toVersion(row);
}

const policyVersionNotFound = {
  ko: '해당 개인정보처리방침 버전이 없습니다',
  en: 'No such privacy policy version',
};

/** The announced version whose effective instant is the latest one not after `at`. */
export async function versionInForce({ db }: PolicyDeps, at: Date): Promise<PolicyVersion> {
  const row = await db
    .selectFrom('app.policy_versions')
    .selectAll()
    .where('status', '=', 'announced')
    .where('effective_at', '<=', at)
    .orderBy('effective_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row)
    throw NotFound('no-policy-in-force', {
      ko: '시행 중인 방침이 없습니다',
      en: 'No policy in force',
    });
  return toVersion(row);
}

/** A new version starts as a draft; it is checked now so that a broken one can never be announced. */
export async function draftVersion(
  { db, clock }: PolicyDeps,
  input: { label: string; declaration: unknown; createdBy: string },
): Promise<PolicyVersion> {
  const parsed = policyDeclarationSchema.safeParse(input.declaration);
  if (!parsed.success) {
    throw invalidInput(parsed.error);
  }
  const problems = checkDeclaration(parsed.data);
  if (problems.length > 0) {
    throw Invalid(
      'declaration-incomplete',
      { ko: '방침 선언에 빠진 내용이 있습니다', en: 'The policy declaration is incomplete' },
      problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  const taken = await db
    .selectFrom('app.policy_versions')
    .select('id')
    .where('label', '=', input.label)
    .executeTakeFirst();
  if (taken) {
    throw Conflict('policy-label-taken', {
      ko: '같은 이름의 방침 버전이 이미 있습니다',
      en: 'A policy version with that label already exists',
    });
  }
  const row = await db
    .insertInto('app.policy_versions')
    .values({
      label: input.label,
      declaration: JSON.stringify(parsed.data),
      status: 'draft',
      announced_at: null,
      effective_at: null,
      created_at: clock.now(),
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toVersion(row);
}

/**
 * Announces a draft. The policy in force promises (공지의 의무) that changes are
 * announced on the notice board at least its notice period ahead, counted in
 * Korean calendar days as the hospital did for the seed (07-30 → 08-06).
 */
export async function announceVersion(
  deps: PolicyDeps,
  input: { id: string; effectiveAt: Date },
): Promise<PolicyVersion> {
  const { db, clock } = deps;
  const now = clock.now();
  const draft = await getVersion(deps, input.id);
  if (draft.status !== 'draft') {
    throw Conflict('policy-already-announced', {
      ko: '이미 공고된 버전입니다',
      en: 'This version has already been announced',
    });
  }
  const current = await versionInForce(deps, now);
  const noticeDays = current.declaration.notice.noticeDays;
  const days = seoulDaysBetween(now, input.effectiveAt);
  if (input.effectiveAt.getTime() <= now.getTime() || days < noticeDays) {
    throw Refused(
      'policy-notice-too-short',
      {
        ko: `개정 방침은 시행일 최소 ${noticeDays}일 전에 공고해야 합니다`,
        en: `A policy change must be announced at least ${noticeDays} days before it takes effect`,
      },
      current.declaration.notice.legalBasis.join(', '),
      {
        ko: `공고일 ${seoulDate(now)}부터 시행일 ${seoulDate(input.effectiveAt)}까지 ${days}일입니다.`,
        en: `${days} days from announcement on ${seoulDate(now)} to ${seoulDate(input.effectiveAt)}.`,
      },
    );
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('app.policy_versions')
      .set({ status: 'announced', announced_at: now, effective_at: input.effectiveAt })
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirstOrThrow();
    const announced = toVersion(row);
    const changes = diffDeclarations(current.declaration, announced.declaration).filter(
      (s) => s.changed,
    );
    await recordPolicyNotice(
      trx,
      announced,
      changes.map((s) => s.heading),
      now,
    );
    return announced;
  });
}
