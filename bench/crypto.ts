// Field encryption through the full cipher path (data key cached) against raw AES-256-GCM on the
// same bytes, in the same run; the goal is within 2x of raw. Also: the key cache on and off, and
// the time of one argon2id password hash.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/platform/clock.ts';
import { createFieldCipher, type FieldCipher } from '../src/platform/crypto/fields.ts';
import { generateKeyFile } from '../src/platform/crypto/key-file.ts';
import { keyringFromFile } from '../src/platform/crypto/keyring.ts';
import { hashPassword, PASSWORD_HASH } from '../src/platform/crypto/passwords.ts';
import { openDatabase } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { machineLine } from './_machine.ts';

const ROUND_MS = Number(process.argv[2] ?? 1000);
const ROUNDS = 3;

/** Operations per second of `op`, run back to back for about ROUND_MS. */
async function opsPerSecond(op: () => Promise<void> | void): Promise<number> {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 200; i++) await op();
    count += 200;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const rawKey = createSecretKey(randomBytes(32));
function rawRoundTrip(plaintext: Buffer): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', rawKey, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const decipher = createDecipheriv('aes-256-gcm', rawKey, iv);
  decipher.setAuthTag(tag);
  Buffer.concat([decipher.update(body), decipher.final()]);
}

async function fieldRoundTrip(cipher: FieldCipher, subject: string, text: string): Promise<void> {
  const ref = { table: 'app.patients', column: 'rrn', rowId: subject };
  const ciphertext = await cipher.encrypt(subject, ref, text);
  await cipher.decrypt(subject, ref, ciphertext);
}

const handle = await openDatabase({ dataDir: 'memory://' });
await migrateToLatest(handle.db);
const keyring = keyringFromFile(generateKeyFile());
const clock = new ManualClock('2026-11-27T10:00:00+09:00');
const cached = createFieldCipher({ db: handle.db, keyring, clock });
const uncached = createFieldCipher({ db: handle.db, keyring, clock, cache: { maxEntries: 0 } });

const fields = [
  { name: '13-byte RRN', text: '9001011234567' },
  { name: '200-byte health note', text: 'x'.repeat(200) },
];

console.log(machineLine('PGlite (in memory) for the subject-key table'));
console.log(
  `goal: the full field cipher path within 2x of raw AES-256-GCM (encrypt + decrypt, one core)`,
);
for (const field of fields) {
  const bytes = Buffer.from(field.text, 'utf8');
  await fieldRoundTrip(cached, 'bench-subject', field.text);
  const raw: number[] = [];
  const full: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await opsPerSecond(() => rawRoundTrip(bytes)));
    full.push(await opsPerSecond(() => fieldRoundTrip(cached, 'bench-subject', field.text)));
  }
  const r = median(raw);
  const f = median(full);
  console.log(
    `${field.name}: raw AES-256-GCM ${r.toFixed(0)} ops/s, field cipher ${f.toFixed(0)} ops/s, raw/field ${(r / f).toFixed(2)}x ${r / f <= 2 ? '(goal met)' : '(goal missed)'}`,
  );
}

// Whether the key cache pays: the same round trip when every call reads and unwraps the key.
const withoutCache = await opsPerSecond(() =>
  fieldRoundTrip(uncached, 'bench-subject', '9001011234567'),
);
const withCache = await opsPerSecond(() =>
  fieldRoundTrip(cached, 'bench-subject', '9001011234567'),
);
console.log(
  `key cache: ${withCache.toFixed(0)} ops/s cached vs ${withoutCache.toFixed(0)} ops/s reading the key each time (${(withCache / withoutCache).toFixed(0)}x)`,
);

const hashes: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  await hashPassword(`correct horse battery ${i}`);
  hashes.push(performance.now() - start);
}
console.log(
  `argon2id hash (m=${PASSWORD_HASH.memoryCost} KiB, t=${PASSWORD_HASH.timeCost}, p=${PASSWORD_HASH.parallelism}): median ${median(hashes).toFixed(1)} ms over 10`,
);
await handle.close();
