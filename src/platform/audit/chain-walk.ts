import { type ChainKeys, GENESIS_HASH } from './chain.ts';
import type { ChainLines } from './chain-lines.ts';
import type { TamperKind } from './tamper-kind.ts';

/** The first broken link, named so that an inspector can find the row. */
export interface ChainProblem {
  segment: number;
  seq: number;
  id: number | string;
  kind: TamperKind;
  message: string;
}

/** A signed checkpoint: from the database (its row id) or from an exported file (a label). */
export interface Checkpoint {
  id: number | string;
  segment: number;
  seq: number;
  hash: Buffer;
}

/** A line as the walk reads it: its content already in the canonical encoding (`encodeContent`). */
export interface ChainLink {
  id: number;
  segment: number;
  seq: number;
  prev: Buffer;
  hash: Buffer;
  content: Buffer;
}

/** Where a segment's head says the chain ends. */
export interface Head {
  seq: number;
  hash: Buffer;
}

/** Where the walk stands in one segment. */
export interface SegmentWalk {
  segment: number;
  nextSeq: number;
  /** The hash the next line must link to. */
  prevHash: Buffer;
  lastId: number | undefined;
  /** This segment's checkpoints, ascending; the walk checks each as it passes. */
  checkpoints: Checkpoint[];
}

/** Thrown by a thread's walk at its first doubt: one thread then walks again, to say what. */
export class LookCloser extends Error {}

/** Thrown to stop the walk at the first broken link. */
export class Broken extends Error {
  constructor(readonly problem: ChainProblem) {
    super(problem.message);
  }
}

export function startWalk(segment: number, checkpoints: Map<number, Checkpoint[]>): SegmentWalk {
  return {
    segment,
    nextSeq: 1,
    prevHash: GENESIS_HASH,
    lastId: undefined,
    checkpoints: [...(checkpoints.get(segment) ?? [])],
  };
}

/**
 * Checks one line and moves the walk past it. False when its hash does not
 * hold, for the caller to look closer; other breaks throw.
 */
export function lineHolds(
  keys: ChainKeys,
  walk: SegmentWalk,
  row: ChainLink,
  head: { seq: number } | undefined,
): boolean {
  const seq = Number(row.seq);
  if (seq > walk.nextSeq) {
    throw new Broken({
      segment: walk.segment,
      seq: walk.nextSeq,
      id: row.id,
      kind: 'deleted',
      message: `segment ${walk.segment}: seq ${walk.nextSeq}${seq - 1 > walk.nextSeq ? `–${seq - 1}` : ''} missing before row id ${row.id}: lines were deleted`,
    });
  }
  const intact =
    row.prev.equals(walk.prevHash) && keys.line.of(walk.prevHash, row.content).equals(row.hash);
  if (!intact) return false;
  passLine(walk, row, head);
  return true;
}

export function passLine(
  walk: SegmentWalk,
  row: ChainLink,
  head: { seq: number } | undefined,
): void {
  const seq = Number(row.seq);
  if (head !== undefined && seq > head.seq) {
    throw new Broken({
      ...at(row),
      kind: 'head-mismatch',
      message: `segment ${row.segment} head stands at seq ${head.seq}, behind its line seq ${seq} (row id ${row.id}): the head was rewound`,
    });
  }
  // The database's and an exported file's checkpoints may both sign this line.
  for (let checkpoint = walk.checkpoints[0]; checkpoint?.seq === seq; ) {
    if (!checkpoint.hash.equals(row.hash)) {
      throw new Broken({
        ...at(row),
        kind: 'head-mismatch',
        message: `checkpoint ${checkpoint.id} disagrees with segment ${row.segment}, seq ${seq} (row id ${row.id})`,
      });
    }
    walk.checkpoints.shift();
    checkpoint = walk.checkpoints[0];
  }
  walk.nextSeq = seq + 1;
  walk.prevHash = row.hash;
  walk.lastId = row.id;
}

/** The end of a chain must be where its head and its newest checkpoint say. */
export function checkEnd(walk: SegmentWalk, head: Head | undefined): void {
  const lastSeq = walk.nextSeq - 1;
  const lastRow = walk.lastId === undefined ? 'no lines left' : `row id ${walk.lastId}`;
  const signedSeq = walk.checkpoints.at(-1)?.seq ?? 0;
  const expectedEnd = Math.max(head?.seq ?? 0, signedSeq);
  if (expectedEnd > lastSeq) {
    const witness =
      signedSeq > (head?.seq ?? 0) ? `its signed checkpoint at seq ${signedSeq}` : 'its head';
    throw new Broken({
      segment: walk.segment,
      seq: lastSeq + 1,
      id: 'missing',
      kind: 'truncated',
      message: `segment ${walk.segment} ends at seq ${lastSeq} (${lastRow}) but ${witness} reaches seq ${expectedEnd}: the newest lines were removed`,
    });
  }
  if (head && !head.hash.equals(walk.prevHash)) {
    throw new Broken({
      segment: walk.segment,
      seq: lastSeq,
      id: walk.lastId ?? 'none',
      kind: 'head-mismatch',
      message: `segment ${walk.segment} head does not match its last line, seq ${lastSeq} (${lastRow})`,
    });
  }
}

export function noHead(row: ChainLink): never {
  throw new Broken({
    ...at(row),
    kind: 'head-mismatch',
    message: `segment ${row.segment} has lines but no head, starting at seq ${row.seq} (row id ${row.id})`,
  });
}

export function at(row: { segment: number; seq: number; id: number }) {
  return { segment: row.segment, seq: Number(row.seq), id: row.id };
}

/** A view of bytes from either engine as a Buffer, without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Which segments one walk answers for: a contiguous range, so that its lines
 * are one range of the (segment, seq) index. An open end reaches past any
 * segment number, including one an intruder made up.
 */
export interface Share {
  from: number | null;
  below: number | null;
}

export const everySegment: Share = { from: null, below: null };

export function inShare(share: Share, segment: number): boolean {
  return (
    (share.from === null || segment >= share.from) &&
    (share.below === null || segment < share.below)
  );
}

export interface ChainWalkInput {
  keys: ChainKeys;
  heads: Map<number, Head>;
  checkpoints: Map<number, Checkpoint[]>;
  share: Share;
  /** A line whose fast check failed: look closer and pass it, or throw Broken. */
  onMismatch(walk: SegmentWalk, row: ChainLink, head: Head | undefined): Promise<void>;
  onProgress?: (entries: number) => void;
}

/**
 * Walks the lines of the segments in the share, in (segment, seq) order,
 * through the chain's rules, and checks where each chain ends, including
 * segments whose lines are all gone. Returns the number of lines; throws Broken
 * at the first broken link.
 */
export async function walkChain(
  lines: ChainLines,
  input: ChainWalkInput,
  /** Lines walked so far, readable after a Broken is thrown. */
  tally = { entries: 0 },
): Promise<number> {
  const { keys, heads, checkpoints } = input;
  let walk: SegmentWalk | undefined;
  const walked = new Set<number>();
  for await (const batch of lines) {
    for (const row of batch) {
      if (walk?.segment !== row.segment) {
        if (walk) checkEnd(walk, heads.get(walk.segment));
        if (!heads.has(row.segment)) noHead(row);
        walk = startWalk(row.segment, checkpoints);
        walked.add(row.segment);
      }
      const head = heads.get(row.segment);
      if (!lineHolds(keys, walk, row, head)) await input.onMismatch(walk, row, head);
      tally.entries++;
    }
    input.onProgress?.(tally.entries);
  }
  if (walk) checkEnd(walk, heads.get(walk.segment));
  for (const [segment, head] of heads) {
    if (walked.has(segment) || !inShare(input.share, segment)) continue;
    checkEnd(startWalk(segment, checkpoints), head);
  }
  return tally.entries;
}
