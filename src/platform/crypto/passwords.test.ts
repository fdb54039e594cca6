import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonPasswordCount } from './common-passwords.ts';
import {
  hashPassword,
  passwordNeedsRehash,
  passwordProblems,
  verifyPassword,
} from './passwords.ts';

test('passwords are stored as argon2id hashes and verified', async () => {
  const stored = await hashPassword('봄날의 산책 2026');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.ok(!stored.includes('산책'));
  assert.equal(await verifyPassword(stored, '봄날의 산책 2026'), true);
  assert.equal(await verifyPassword(stored, '봄날의 산책 2027'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
  assert.equal(passwordNeedsRehash(stored), false);
  assert.equal(
    passwordNeedsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'),
    true,
  );
});

const accepted = [
  'tulip-garden-river', // 10+ characters, letters and a symbol
  'Mg7#kq2!', // 8 characters of all three kinds
  'walnut7orchard', // letters and digits
  '바다와 하늘 2026',
];

const refused: [string, RegExp][] = [
  ['short1!', /at least 10 characters/],
  ['onlyletterss', /at least 10 characters/],
  ['Mg7kq2xw', /at least 10 characters/], // 8 characters, only 2 kinds
  ['1111111111', /repeat a single character/],
  ['12345678ab!', /run like/],
  ['abcdefgh12', /run like/],
  ['qwerty!!2580', /run like/],
  ['password123!', /widely known or has been leaked/],
  ['Sunshine2024!', /widely known or has been leaked/],
  ['1q2w3e4r5t', /widely known or has been leaked/],
];

test('passwords meeting the rule are accepted', () => {
  for (const pw of accepted) assert.deepEqual(passwordProblems(pw), [], pw);
});

test('short, one-kind, trivial and known-breached passwords are refused with a reason in both languages', () => {
  for (const [pw, reason] of refused) {
    const problems = passwordProblems(pw);
    assert.ok(
      problems.some((p) => reason.test(p.en)),
      `${pw}: ${problems.map((p) => p.en).join('; ')}`,
    );
    for (const p of problems) assert.ok(p.ko.length > 0);
  }
  assert.ok(commonPasswordCount >= 300);
});

test('a password containing the login id or the name is refused', () => {
  assert.ok(
    passwordProblems('kimjiwoo-2026!', { loginId: 'KimJiwoo' }).some((p) => /login ID/.test(p.en)),
  );
  assert.ok(
    passwordProblems('김지우는최고야!!7', { name: '김지우' }).some((p) => /your name/.test(p.en)),
  );
  assert.deepEqual(
    passwordProblems('tulip-garden-river', { loginId: 'kimjiwoo', name: '김지우' }),
    [],
  );
});
