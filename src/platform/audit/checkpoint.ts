import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { checkpointSignature, deriveChainKeys } from './chain.ts';
import type { SignedCheckpoint } from './checkpoint-file.ts';

/**
 * Signs where each segment's chain stood. A head row can be rewound by anyone
 * who can write to the database; a signed checkpoint cannot be forged without
 * the audit key, so removing the newest lines of a segment shows as a chain
 * that ends before its checkpoint. A scheduled job calls this.
 */
export async function checkpointAccessLog(deps: {
  db: Db;
  clock: Clock;
  auditKey: Buffer;
}): Promise<{ written: number; signed: SignedCheckpoint[] }> {
  const keys = deriveChainKeys(deps.auditKey);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const heads = await trx
      .selectFrom('audit.access_log_heads')
      .select(['segment', 'seq', 'hash'])
      .where('seq', '>', 0)
      .execute();
    const latest = await trx
      .selectFrom('audit.access_log_checkpoints')
      .select(['segment', (eb) => eb.fn.max('seq').as('seq')])
      .groupBy('segment')
      .execute();
    const signedUpTo = new Map(latest.map((c) => [c.segment, Number(c.seq)]));
    const moved = heads.filter((h) => Number(h.seq) > (signedUpTo.get(h.segment) ?? 0));
    if (moved.length === 0) return { written: 0, signed: [] };
    const signed = moved.map((h) => ({
      segment: h.segment,
      seq: Number(h.seq),
      hash: h.hash,
      at,
      signature: checkpointSignature(keys, { ...h, seq: Number(h.seq), at }),
    }));
    await trx.insertInto('audit.access_log_checkpoints').values(signed).execute();
    return { written: moved.length, signed };
  });
}
