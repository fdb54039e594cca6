import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import type { DatabaseHandle } from '../db.ts';
import { createFieldCipher, type FieldCipher, FieldCiphertextRejected } from './fields.ts';
import { generateKeyFile } from './key-file.ts';
import { keyringFromFile } from './keyring.ts';
import { normalisePhone, normaliseRrn } from './normalise.ts';
import { SubjectKeyDestroyed } from './subject-keys.ts';

// A stand-in for a module's table holding encrypted identifiers beside their blind indexes.
const people = [
  { id: 'p1', subject: 'patient-1', rrn: '900101-1234567', phone: '010-1234-5678' },
  { id: 'p2', subject: 'patient-2', rrn: '900101-2234567', phone: '+82 10-2222-3333' },
  { id: 'p3', subject: 'patient-3', rrn: '850505-1111111', phone: '01099998888' },
];

let handle: DatabaseHandle;
let cipher: FieldCipher;
const keyring = keyringFromFile(generateKeyFile());
const clock = new ManualClock('2026-11-27T10:00:00+09:00');

before(async () => {
  handle = await freshDatabase();
  cipher = createFieldCipher({ db: handle.db, keyring, clock });
  await sql`create table app.crypto_test_people (
    id text primary key, subject_id text not null,
    rrn bytea not null, rrn_index bytea not null, phone bytea not null, phone_index bytea not null
  )`.execute(handle.db);
  for (const p of people) {
    const at = (column: string) => ({ table: 'app.crypto_test_people', column, rowId: p.id });
    await sql`insert into app.crypto_test_people values (
      ${p.id}, ${p.subject},
      ${await cipher.encrypt(p.subject, at('rrn'), normaliseRrn(p.rrn))},
      ${cipher.blindIndex('rrn', normaliseRrn(p.rrn))},
      ${await cipher.encrypt(p.subject, at('phone'), normalisePhone(p.phone))},
      ${cipher.blindIndex('phone', normalisePhone(p.phone))}
    )`.execute(handle.db);
  }
});
after(() => handle.close());

const rrnOf = (id: string) => ({ table: 'app.crypto_test_people', column: 'rrn', rowId: id });

async function rawRows(): Promise<Record<string, unknown>[]> {
  const people = await sql<Record<string, unknown>>`select * from app.crypto_test_people`.execute(
    handle.db,
  );
  const keys = await sql<Record<string, unknown>>`select * from app.subject_keys`.execute(
    handle.db,
  );
  return [...people.rows, ...keys.rows];
}

function bytesOf(value: unknown): Buffer {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
    ? Buffer.from(value)
    : Buffer.from(String(value), 'utf8');
}

test('with the database alone, no RRN or phone number can be read in any column', async () => {
  const rows = await rawRows();
  assert.ok(rows.length >= 6);
  for (const p of people) {
    const secrets = [
      p.rrn,
      normaliseRrn(p.rrn),
      p.phone,
      normalisePhone(p.phone),
      normaliseRrn(p.rrn).slice(0, 6),
    ];
    for (const row of rows) {
      for (const value of Object.values(row)) {
        const bytes = bytesOf(value);
        for (const secret of secrets) {
          assert.ok(
            !bytes.includes(Buffer.from(secret)),
            'a plaintext identifier appears in a column',
          );
          assert.ok(!bytes.toString('hex').includes(Buffer.from(secret).toString('hex')));
        }
      }
    }
  }
});

test('with the database alone, an RRN cannot be matched by hashing guesses without the key', async () => {
  const rows = await rawRows();
  const stored = rows.flatMap((row) => Object.values(row).map(bytesOf));
  for (const p of people) {
    for (const form of [p.rrn, normaliseRrn(p.rrn), normalisePhone(p.phone)]) {
      const guesses = [
        createHash('sha256').update(form).digest(),
        createHash('sha256').update(`rrn${form}`).digest(),
        createFieldCipherWithOtherKey().blindIndex('rrn', normaliseRrn(p.rrn)),
      ];
      for (const guess of guesses) {
        assert.ok(
          !stored.some((bytes) => bytes.includes(guess)),
          'an unkeyed hash matches the table',
        );
      }
    }
  }
});

function createFieldCipherWithOtherKey(): FieldCipher {
  return createFieldCipher({ db: handle.db, keyring: keyringFromFile(generateKeyFile()), clock });
}

test('with the key, looking up the full RRN finds exactly that one of several subjects', async () => {
  // Typed with or without the dash: the index is of the normalised number.
  const index = cipher.blindIndex('rrn', '9001012234567');
  const found = await sql<{ id: string; subject_id: string; rrn: Buffer }>`
    select id, subject_id, rrn from app.crypto_test_people where rrn_index = ${index}`.execute(
    handle.db,
  );
  assert.equal(found.rows.length, 1);
  const row = found.rows[0];
  assert.ok(row);
  assert.equal(row.id, 'p2');
  assert.equal(
    await cipher.decrypt(row.subject_id, rrnOf(row.id), Buffer.from(row.rrn)),
    '9001012234567',
  );

  const byPhone = await sql<{ id: string }>`select id from app.crypto_test_people
    where phone_index = ${cipher.blindIndex('phone', '010 2222 3333')}`.execute(handle.db);
  assert.deepEqual(
    byPhone.rows.map((r) => r.id),
    ['p2'],
  );
});

test('the same digits as an RRN and as a phone number do not share an index', () => {
  assert.notDeepEqual(
    cipher.blindIndex('rrn', '0101234567890'),
    cipher.blindIndex('x', '0101234567890'),
  );
});

test('a ciphertext moved to another row or column does not decrypt', async () => {
  const p1 = await cipher.encrypt('patient-1', rrnOf('p1'), '9001011234567');
  assert.equal(await cipher.decrypt('patient-1', rrnOf('p1'), p1), '9001011234567');
  await assert.rejects(cipher.decrypt('patient-1', rrnOf('p9'), p1), FieldCiphertextRejected);
  await assert.rejects(
    cipher.decrypt('patient-1', { ...rrnOf('p1'), column: 'phone' }, p1),
    FieldCiphertextRejected,
  );
  // Another subject's row: their key does not open it either.
  await assert.rejects(cipher.decrypt('patient-2', rrnOf('p1'), p1), FieldCiphertextRejected);
  const tampered = Buffer.from(p1);
  tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
  await assert.rejects(cipher.decrypt('patient-1', rrnOf('p1'), tampered), FieldCiphertextRejected);
});

test('the ciphertext is compact: version byte, IV, tag and the text', async () => {
  const ciphertext = await cipher.encrypt('patient-1', rrnOf('p1'), '9001011234567');
  assert.equal(ciphertext[0], 1);
  assert.equal(ciphertext.length, 1 + 12 + 16 + 13);
  const again = await cipher.encrypt('patient-1', rrnOf('p1'), '9001011234567');
  assert.notDeepEqual(again, ciphertext, 'a fresh IV each time');
});

test('after the subject key is destroyed, even an earlier copy of the ciphertext cannot be decrypted', async () => {
  const note = { table: 'app.crypto_test_notes', column: 'body', rowId: 'n1' };
  const copy = await cipher.encrypt('patient-3', note, '산전 검사 결과 정상');
  assert.equal(await cipher.decrypt('patient-3', note, copy), '산전 검사 결과 정상');
  assert.equal(await cipher.destroySubjectKey('patient-3'), true);
  await assert.rejects(cipher.decrypt('patient-3', note, copy), SubjectKeyDestroyed);
  // A second process (its own cache) and a backup restored elsewhere find no key either.
  const otherProcess = createFieldCipher({ db: handle.db, keyring, clock });
  await assert.rejects(otherProcess.decrypt('patient-3', note, copy), SubjectKeyDestroyed);
  const keyRows = await sql`select 1 from app.subject_keys where subject_id = 'patient-3'`.execute(
    handle.db,
  );
  assert.equal(keyRows.rows.length, 0);
});

test('a data key created inside a transaction that rolls back is not used afterwards', async () => {
  const ref = { table: 't', column: 'c', rowId: 'r1' };
  await assert.rejects(
    handle.db.transaction().execute(async (trx) => {
      await cipher.encrypt('patient-rollback', ref, 'first', trx);
      await cipher.decrypt(
        'patient-rollback',
        ref,
        await cipher.encrypt('patient-rollback', ref, 'x', trx),
        trx,
      );
      throw new Error('roll back');
    }),
    /roll back/,
  );
  const committed = await handle.db
    .transaction()
    .execute((trx) => cipher.encrypt('patient-rollback', ref, 'second', trx));
  // A fresh process reads the key that was committed: the ciphertext opens with it.
  const fresh = createFieldCipher({ db: handle.db, keyring, clock });
  assert.equal(await fresh.decrypt('patient-rollback', ref, committed), 'second');
});

test('the key cache is bounded and forgets keys after their time', async () => {
  const small = createFieldCipher({
    db: handle.db,
    keyring,
    clock,
    cache: { maxEntries: 2, ttlMs: 60_000 },
  });
  const ref = { table: 't', column: 'c', rowId: 'r' };
  for (const s of ['s1', 's2', 's3']) await small.encrypt(s, ref, 'x');
  assert.equal(small.subjectKeys.stats().size, 2);
  const before = small.subjectKeys.stats();
  await small.encrypt('s3', ref, 'x');
  assert.equal(small.subjectKeys.stats().hits, before.hits + 1);
  clock.advance(61_000);
  await small.encrypt('s3', ref, 'x');
  assert.equal(small.subjectKeys.stats().misses, before.misses + 1);
});
