import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type ChainKeys, type CheckpointContent, checkpointSignature, sameBytes } from './chain.ts';
import { Broken, type Checkpoint } from './chain-walk.ts';

/**
 * Checkpoints exported from the database, one JSON line each, for storage the
 * database's own superuser cannot rewrite (write-once media, another host).
 * Without them, someone who can write the database could remove the newest
 * lines of a segment together with its newest checkpoints and rewind its
 * head; with them, `jikim audit verify --checkpoints FILE` still sees where
 * the chain stood.
 */
const exportedLine = z.strictObject({
  segment: z.number().int().min(0),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface SignedCheckpoint extends CheckpointContent {
  signature: Uint8Array;
}

/** Appends the checkpoints to the file (created if missing) and waits until they are on disk. */
export async function exportCheckpoints(file: string, signed: SignedCheckpoint[]): Promise<void> {
  if (signed.length === 0) return;
  const lines = signed.map((c) =>
    JSON.stringify({
      segment: c.segment,
      seq: Number(c.seq),
      hash: Buffer.from(c.hash).toString('hex'),
      at: c.at.toISOString(),
      signature: Buffer.from(c.signature).toString('hex'),
    }),
  );
  const handle = await open(file, 'a', 0o640);
  try {
    await handle.appendFile(`${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads an exported file; a line that is malformed or not signed with the key breaks the walk. */
export async function readExportedCheckpoints(
  file: string,
  keys: ChainKeys,
): Promise<Checkpoint[]> {
  const text = await readFile(file, 'utf8');
  const checkpoints: Checkpoint[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const id = `${file}:${index + 1}`;
    let parsed: z.infer<typeof exportedLine> | undefined;
    try {
      parsed = exportedLine.parse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    const hash = parsed ? Buffer.from(parsed.hash, 'hex') : Buffer.alloc(0);
    const valid =
      parsed !== undefined &&
      sameBytes(
        checkpointSignature(keys, { ...parsed, hash, at: new Date(parsed.at) }),
        Buffer.from(parsed.signature, 'hex'),
      );
    if (!parsed || !valid) {
      throw new Broken({
        segment: parsed?.segment ?? -1,
        seq: parsed?.seq ?? 0,
        id,
        kind: 'head-mismatch',
        message: `exported checkpoint ${id} is ${parsed ? 'not signed with the audit key: it was forged or altered' : 'not a checkpoint line'}`,
      });
    }
    checkpoints.push({ id, segment: parsed.segment, seq: parsed.seq, hash });
  }
  return checkpoints;
}
