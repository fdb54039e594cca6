import type { Clock } from '../clock.ts';
import type { Keyring } from './keyring.ts';
import { type Kms, rotatingKms } from './kms.ts';
import { type Executor, subjectKeyContext } from './subject-keys.ts';

export interface RotationProgress {
  pass: number;
  rewrapped: number;
  /** The last subject id re-wrapped: the keyset cursor. */
  lastSubjectId: string;
}

export interface RotationResult {
  rewrapped: number;
  /** Subject keys still under another master key (written meanwhile by a node that has not reloaded its keys). */
  remaining: number;
  masterKeyId: string;
}

/**
 * Re-wraps every subject data key under `newKms`'s master key. The data keys
 * themselves do not change, so no field is re-encrypted and nothing cached goes
 * stale. Each batch is its own short transaction in subject-id order, so the
 * system keeps serving; a stopped rotation resumes where rows still name an old
 * key. From the start, `keyring` wraps new keys under the new master key and
 * unwraps old rows with the old one, so concurrent work goes on unaffected.
 * A pass that ends is followed by another until one finds nothing left, which
 * catches keys created under the old master key while the first pass ran.
 */
export async function rotateMasterKey(deps: {
  db: Executor;
  keyring: Keyring;
  newKms: Kms;
  clock: Clock;
  batchSize?: number;
  maxPasses?: number;
  onProgress?: (progress: RotationProgress) => void;
}): Promise<RotationResult> {
  const { db, keyring, newKms, clock } = deps;
  const batchSize = deps.batchSize ?? 500;
  const maxPasses = deps.maxPasses ?? 3;
  const previous = keyring.kms;
  if (previous.keyId !== newKms.keyId) {
    keyring.kms = rotatingKms(newKms, previous);
    keyring.masterKeyId = newKms.keyId;
  }

  let rewrapped = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    let cursor = '';
    let rewrappedThisPass = 0;
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('app.subject_keys')
          .select(['subject_id', 'wrapped_key', 'master_key_id'])
          .where('master_key_id', '<>', newKms.keyId)
          .where('subject_id', '>', cursor)
          .orderBy('subject_id')
          .limit(batchSize)
          .forUpdate()
          .execute();
        for (const row of rows) {
          const context = subjectKeyContext(row.subject_id);
          const raw = await previous.unwrap(row.wrapped_key, context, row.master_key_id);
          const wrapped = await newKms.wrap(raw, context);
          raw.fill(0);
          await trx
            .updateTable('app.subject_keys')
            .set({ wrapped_key: wrapped, master_key_id: newKms.keyId, rotated_at: clock.now() })
            .where('subject_id', '=', row.subject_id)
            .execute();
        }
        return rows;
      });
      const last = done.at(-1);
      if (!last) break;
      cursor = last.subject_id;
      rewrapped += done.length;
      rewrappedThisPass += done.length;
      deps.onProgress?.({ pass, rewrapped, lastSubjectId: cursor });
    }
    if (rewrappedThisPass === 0) break;
  }

  const left = await db
    .selectFrom('app.subject_keys')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('master_key_id', '<>', newKms.keyId)
    .executeTakeFirstOrThrow();
  return { rewrapped, remaining: Number(left.count), masterKeyId: newKms.keyId };
}

/** How many subject keys each master key wraps: what `jikim keys status` shows. */
export async function subjectKeyCounts(
  db: Executor,
): Promise<{ masterKeyId: string; count: number }[]> {
  const rows = await db
    .selectFrom('app.subject_keys')
    .select(['master_key_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('master_key_id')
    .orderBy('master_key_id')
    .execute();
  return rows.map((row) => ({ masterKeyId: row.master_key_id, count: Number(row.count) }));
}
