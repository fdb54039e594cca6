import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from '../config.ts';
import { loadKeyring } from './keyring.ts';
import { masterKeyIdOf } from './kms.ts';

const dir = mkdtempSync(join(tmpdir(), 'jikim-keys-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('production without a key refuses to start, naming the variables to set', async () => {
  await assert.rejects(loadKeyring({ env: 'production', dataDir: join(dir, 'prod') }), (error) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /JIKIM_MASTER_KEY/);
    assert.match(error.message, /JIKIM_KEY_FILE/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
  await assert.rejects(
    loadKeyring({ env: 'production', dataDir: dir, keyFile: join(dir, 'missing.json') }),
    /JIKIM_KEY_FILE: there is no key file/,
  );
});

test('development generates a private key file on first start, says where, and reuses it', async () => {
  const dataDir = join(dir, 'dev');
  const first = await loadKeyring({ env: 'development', dataDir });
  const path = join(dataDir, 'keys.json');
  assert.equal(first.generatedAt, path);
  assert.match(first.notice ?? '', /keys\.json/);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.masterKeys[0].id, first.keyring.masterKeyId);
  // Three distinct keys: the master key opens neither the blind index nor the audit chain.
  const master = Buffer.from(file.masterKeys[0].key, 'base64');
  assert.equal(master.length, 32);
  assert.notDeepEqual(first.keyring.blindIndexKey, master);
  assert.notDeepEqual(first.keyring.auditKey, first.keyring.blindIndexKey);

  const second = await loadKeyring({ env: 'development', dataDir });
  assert.equal(second.generatedAt, undefined);
  assert.equal(second.keyring.masterKeyId, first.keyring.masterKeyId);
  assert.deepEqual(second.keyring.blindIndexKey, first.keyring.blindIndexKey);
  // And production accepts the same file once it is named explicitly.
  const production = await loadKeyring({ env: 'production', dataDir: 'x', keyFile: path });
  assert.equal(production.keyring.masterKeyId, first.keyring.masterKeyId);
});

test('production refuses a key file other users can read', async () => {
  const path = join(dir, 'open', 'keys.json');
  await loadKeyring({ env: 'development', dataDir: dir, keyFile: path });
  chmodSync(path, 0o644);
  await assert.rejects(
    loadKeyring({ env: 'production', dataDir: dir, keyFile: path }),
    /JIKIM_KEY_FILE: .* can be read by other users/,
  );
});

test('a master key from JIKIM_MASTER_KEY is used as given, with derived separate keys', async () => {
  const master = randomBytes(32);
  const { keyring } = await loadKeyring({
    env: 'production',
    dataDir: dir,
    masterKeyEnv: master.toString('base64'),
  });
  assert.equal(keyring.masterKeyId, masterKeyIdOf(master));
  assert.notDeepEqual(keyring.blindIndexKey, master);
  assert.notDeepEqual(keyring.auditKey, keyring.blindIndexKey);
  const wrapped = await keyring.kms.wrap(Buffer.alloc(32, 7), 'subject-1');
  assert.deepEqual(
    await keyring.kms.unwrap(wrapped, 'subject-1', keyring.masterKeyId),
    Buffer.alloc(32, 7),
  );
  await assert.rejects(keyring.kms.unwrap(wrapped, 'subject-2', keyring.masterKeyId));
});

test('a malformed JIKIM_MASTER_KEY is refused without echoing it', async () => {
  const value = randomBytes(16).toString('base64');
  await assert.rejects(
    loadKeyring({ env: 'production', dataDir: dir, masterKeyEnv: value }),
    (error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^Invalid JIKIM_MASTER_KEY: must be base64 of 32 bytes$/);
      assert.ok(!error.message.includes(value));
      return true;
    },
  );
});
