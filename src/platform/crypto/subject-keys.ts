import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../database.ts';
import { DomainError } from '../errors.ts';
import type { Keyring } from './keyring.ts';

/** The database or the caller's transaction: a data key is created in whichever the caller is in. */
export type Executor = Kysely<Database>;

/** The subject's data key was deleted: whatever was encrypted under it is gone for good. */
export class SubjectKeyDestroyed extends DomainError {
  override name = 'SubjectKeyDestroyed';
  constructor() {
    super('not_found', 'subject_data_destroyed', {
      ko: '이 정보주체의 개인정보는 파기되었습니다',
      en: "This data subject's personal data has been destroyed",
    });
  }
}

export interface SubjectKeyCacheOptions {
  /** How many unwrapped data keys one process keeps; 0 turns the cache off. */
  maxEntries?: number;
  /**
   * How long an unwrapped key stays in memory. It also bounds how long another
   * app node can still decrypt a subject destroyed elsewhere.
   */
  ttlMs?: number;
}

export const DEFAULT_KEY_CACHE = { maxEntries: 10_000, ttlMs: 60_000 } as const;

/**
 * Where a destroyed key is announced (NOTIFY, delivered when the destroying
 * transaction commits), so that every app node forgets its cached copy at once
 * instead of when its TTL runs out. The payload is the opaque subject id.
 */
export const KEY_DESTROYED_CHANNEL = 'jikim_subject_key_destroyed';

export interface SubjectKeys {
  /** The subject's data key; with `create`, made on first use, otherwise SubjectKeyDestroyed when absent. */
  dataKey(executor: Executor, subjectId: string, create: boolean): Promise<KeyObject>;
  /** Crypto-shredding: deletes the data key (and forgets it here). True when there was one. */
  destroy(executor: Executor, subjectId: string): Promise<boolean>;
  /** Drops a cached key: another node destroyed it. */
  forget(subjectId: string): void;
  /**
   * Off: nothing is cached, and what was is dropped; for while this node cannot
   * hear other nodes' destructions. On again once it can.
   */
  setCaching(enabled: boolean): void;
  stats(): { hits: number; misses: number; size: number };
}

export function subjectKeyContext(subjectId: string): string {
  return `jikim/subject-key/v1:${subjectId}`;
}

export function createSubjectKeys(deps: {
  keyring: Keyring;
  clock: Clock;
  cache?: SubjectKeyCacheOptions;
}): SubjectKeys {
  const { keyring, clock } = deps;
  const maxEntries = deps.cache?.maxEntries ?? DEFAULT_KEY_CACHE.maxEntries;
  const ttlMs = deps.cache?.ttlMs ?? DEFAULT_KEY_CACHE.ttlMs;
  // Map keeps insertion order: re-inserting on a hit makes the first entry the least recently used.
  const cache = new Map<string, { key: KeyObject; expiresAt: number }>();
  let hits = 0;
  let misses = 0;
  let caching = true;

  function remember(subjectId: string, key: KeyObject): void {
    if (maxEntries <= 0 || !caching) return;
    cache.delete(subjectId);
    cache.set(subjectId, { key, expiresAt: clock.now().getTime() + ttlMs });
    if (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }

  function cached(subjectId: string): KeyObject | undefined {
    const entry = cache.get(subjectId);
    if (!entry) return undefined;
    if (entry.expiresAt <= clock.now().getTime()) {
      cache.delete(subjectId);
      return undefined;
    }
    cache.delete(subjectId);
    cache.set(subjectId, entry);
    return entry.key;
  }

  async function load(executor: Executor, subjectId: string): Promise<KeyObject | undefined> {
    // age(xmin) > 0: the row was committed before this transaction wrote anything.
    // A key this very transaction created may still roll back, so it is not cached.
    const row = await executor
      .selectFrom('app.subject_keys')
      .select(['wrapped_key', 'master_key_id', sql<boolean>`age(xmin) > 0`.as('committed')])
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    if (!row) return undefined;
    const raw = await keyring.kms.unwrap(
      row.wrapped_key,
      subjectKeyContext(subjectId),
      row.master_key_id,
    );
    const key = createSecretKey(raw);
    raw.fill(0);
    if (row.committed) remember(subjectId, key);
    return key;
  }

  async function create(executor: Executor, subjectId: string): Promise<KeyObject | undefined> {
    const kms = keyring.kms;
    const raw = randomBytes(32);
    const wrapped = await kms.wrap(raw, subjectKeyContext(subjectId));
    const inserted = await executor
      .insertInto('app.subject_keys')
      .values({
        subject_id: subjectId,
        wrapped_key: wrapped,
        master_key_id: kms.keyId,
        created_at: clock.now(),
        rotated_at: null,
      })
      .onConflict((conflict) => conflict.column('subject_id').doNothing())
      .returning('subject_id')
      .executeTakeFirst();
    const key = createSecretKey(raw);
    raw.fill(0);
    if (!inserted) return undefined;
    if (!executor.isTransaction) remember(subjectId, key);
    return key;
  }

  return {
    async dataKey(executor, subjectId, createIfMissing) {
      const hit = cached(subjectId);
      if (hit) {
        hits++;
        return hit;
      }
      misses++;
      const found = await load(executor, subjectId);
      if (found) return found;
      if (!createIfMissing) throw new SubjectKeyDestroyed();
      // Another writer may have created it between our read and our insert: then read theirs.
      const made = (await create(executor, subjectId)) ?? (await load(executor, subjectId));
      if (!made) throw new SubjectKeyDestroyed();
      return made;
    },
    async destroy(executor, subjectId) {
      cache.delete(subjectId);
      const destroyed = await destroySubjectKey(executor, subjectId);
      cache.delete(subjectId);
      return destroyed;
    },
    forget: (subjectId) => {
      cache.delete(subjectId);
    },
    setCaching: (enabled) => {
      caching = enabled;
      if (!enabled) cache.clear();
    },
    stats: () => ({ hits, misses, size: cache.size }),
  };
}

/**
 * Deletes a subject's data key and announces it to every node that caches keys
 * (see KEY_DESTROYED_CHANNEL); the cipher's `destroySubjectKey` also forgets it
 * in this process at once.
 */
export async function destroySubjectKey(executor: Executor, subjectId: string): Promise<boolean> {
  const result = await executor
    .deleteFrom('app.subject_keys')
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) return false;
  await sql`select pg_notify(${KEY_DESTROYED_CHANNEL}, ${subjectId})`.execute(executor);
  return true;
}
