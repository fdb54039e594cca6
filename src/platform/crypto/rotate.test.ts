import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDatabase } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import type { DatabaseHandle } from '../db.ts';
import { createFieldCipher, type FieldRef } from './fields.ts';
import { generateKeyFile, readKeyFile, writeKeyFile } from './key-file.ts';
import { retireMasterKeys, rotateKeyFile } from './key-file-rotation.ts';
import { keyringFromFile } from './keyring.ts';
import { LocalKms, masterKeyIdOf } from './kms.ts';
import { rotateMasterKey, subjectKeyCounts } from './rotate.ts';

let handle: DatabaseHandle;
const clock = new ManualClock('2026-11-27T10:00:00+09:00');
const dir = mkdtempSync(join(tmpdir(), 'jikim-rotate-'));
before(async () => {
  handle = await freshDatabase();
});
after(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each test's key file is the only one for the database: start from no subject keys. */
async function forgetEarlierSubjects(): Promise<void> {
  await handle.db.deleteFrom('app.subject_keys').execute();
}

const noteOf = (subject: string): FieldRef => ({
  table: 'app.notes',
  column: 'body',
  rowId: subject,
});

test('data encrypted before a rotation decrypts after it, while other work goes on', async () => {
  const file = generateKeyFile();
  const keyring = keyringFromFile(file);
  const oldKeyId = keyring.masterKeyId;
  const cipher = createFieldCipher({ db: handle.db, keyring, clock });
  const stored = new Map<string, Buffer>();
  for (let i = 0; i < 120; i++) {
    const subject = `before-${String(i).padStart(4, '0')}`;
    stored.set(subject, await cipher.encrypt(subject, noteOf(subject), `note of ${subject}`));
  }

  const newKey = randomBytes(32);
  const newKms = new LocalKms([newKey]);
  // Another task keeps serving: new subjects, and reads through a cipher that caches nothing.
  const uncached = createFieldCipher({ db: handle.db, keyring, clock, cache: { maxEntries: 0 } });
  let rotating = true;
  let served = 0;
  const serving = (async () => {
    for (let i = 0; rotating || i < 5; i++) {
      const subject = `during-${String(i).padStart(4, '0')}`;
      stored.set(subject, await cipher.encrypt(subject, noteOf(subject), `note of ${subject}`));
      const old = `before-${String(i % 120).padStart(4, '0')}`;
      assert.equal(
        await uncached.decrypt(old, noteOf(old), stored.get(old) as Buffer),
        `note of ${old}`,
      );
      served++;
    }
  })();
  const progress: number[] = [];
  const result = await rotateMasterKey({
    db: handle.db,
    keyring,
    newKms,
    clock,
    batchSize: 10,
    onProgress: (p) => progress.push(p.rewrapped),
  }).finally(() => {
    rotating = false;
  });
  await serving;

  assert.ok(served > 0);
  assert.ok(progress.length >= 12, 'rotation ran in many small batches');
  assert.equal(result.remaining, 0);
  assert.equal(keyring.masterKeyId, newKms.keyId);
  const counts = await subjectKeyCounts(handle.db);
  assert.deepEqual(counts, [{ masterKeyId: newKms.keyId, count: stored.size }]);
  assert.ok(!counts.some((c) => c.masterKeyId === oldKeyId));

  // A process started afterwards with only the new master key reads everything.
  const restarted = createFieldCipher({
    db: handle.db,
    keyring: keyringFromFile({ ...file, masterKeys: [newKey] }),
    clock,
  });
  for (const [subject, ciphertext] of stored) {
    assert.equal(
      await restarted.decrypt(subject, noteOf(subject), ciphertext),
      `note of ${subject}`,
    );
  }
});

test('`keys rotate` keeps the old master key in the file until `keys retire` finds it unused', async () => {
  await forgetEarlierSubjects();
  const path = join(dir, 'keys.json');
  writeKeyFile(path, generateKeyFile());
  const oldKeyId = masterKeyIdOf(
    readKeyFile(path, { requirePrivate: true }).masterKeys[0] as Buffer,
  );
  const keyring = keyringFromFile(readKeyFile(path, { requirePrivate: true }));
  const cipher = createFieldCipher({ db: handle.db, keyring, clock });
  const ciphertext = await cipher.encrypt('file-subject', noteOf('file-subject'), '처방 내역');

  const rotation = await rotateKeyFile({ db: handle.db, clock, keyFile: path });
  assert.equal(rotation.started, true);
  assert.deepEqual(rotation.retained, [oldKeyId]);
  assert.equal(rotation.remaining, 0);
  const during = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(
    during.masterKeys.map((k: { id: string }) => k.id),
    [rotation.masterKeyId, oldKeyId],
  );

  const retired = await retireMasterKeys({ db: handle.db, keyFile: path });
  assert.deepEqual(retired, { retired: [oldKeyId], stillInUse: [] });
  const reloaded = keyringFromFile(readKeyFile(path, { requirePrivate: true }));
  assert.equal(reloaded.masterKeyId, rotation.masterKeyId);
  const fresh = createFieldCipher({ db: handle.db, keyring: reloaded, clock });
  assert.equal(
    await fresh.decrypt('file-subject', noteOf('file-subject'), ciphertext),
    '처방 내역',
  );
});

test('`keys retire` keeps an old master key while a subject key still uses it', async () => {
  await forgetEarlierSubjects();
  const path = join(dir, 'busy.json');
  const file = generateKeyFile();
  const oldKey = file.masterKeys[0] as Buffer;
  // A node that has not reloaded the rotated file still wraps under the old key.
  writeKeyFile(path, { ...file, masterKeys: [randomBytes(32), oldKey] });
  const stale = createFieldCipher({ db: handle.db, keyring: keyringFromFile(file), clock });
  await stale.encrypt('stale-node-subject', noteOf('stale-node-subject'), 'x');
  const result = await retireMasterKeys({ db: handle.db, keyFile: path });
  assert.deepEqual(result.retired, []);
  assert.deepEqual(result.stillInUse, [{ masterKeyId: masterKeyIdOf(oldKey), count: 1 }]);
  assert.equal(readKeyFile(path, { requirePrivate: true }).masterKeys.length, 2);
  // Rotating again re-wraps the straggler without making yet another key.
  const resumed = await rotateKeyFile({ db: handle.db, clock, keyFile: path });
  assert.equal(resumed.started, false);
  assert.equal(resumed.remaining, 0);
  assert.deepEqual((await retireMasterKeys({ db: handle.db, keyFile: path })).stillInUse, []);
});
