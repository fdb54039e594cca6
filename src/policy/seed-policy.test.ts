import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allItems,
  checkDeclaration,
  itemServesPurpose,
  type PolicyDeclaration,
  policyDeclarationSchema,
} from './declaration.ts';
import { seedPolicy } from './seed-policy.ts';

/** A copy of the seed to break in one place. */
function seedCopy(): PolicyDeclaration {
  return structuredClone(seedPolicy);
}

function firstItem(decl: PolicyDeclaration) {
  const item = decl.items.contexts[0]?.items[0];
  assert.ok(item);
  return item;
}

test('the schema accepts the seed policy as it is', () => {
  const parsed = policyDeclarationSchema.parse(seedPolicy);
  assert.deepEqual(parsed, seedPolicy);
});

test('the seed policy has no dangling reference or duplicate', () => {
  assert.deepEqual(checkDeclaration(seedPolicy), []);
});

test('an item without a purpose is found', () => {
  const decl = seedCopy();
  firstItem(decl).purposeIds = [];
  const problems = checkDeclaration(decl);
  assert.deepEqual(
    problems.map((p) => [p.code, p.path]),
    [['item-without-purpose', 'items.contexts.0.items.0.purposeIds']],
  );
});

test('an item naming an unknown purpose or retention rule is found', () => {
  const decl = seedCopy();
  firstItem(decl).purposeIds = ['fortune_telling'];
  firstItem(decl).retentionRuleId = 'forever_and_ever';
  const codes = checkDeclaration(decl).map((p) => p.code);
  assert.deepEqual(codes, ['unknown-purpose', 'unknown-retention-rule']);
});

test('a duplicated id is found, also across purposes and their uses', () => {
  const decl = seedCopy();
  decl.processors.list.push(structuredClone(decl.processors.list[0] as never));
  decl.processingPurposes.purposes[0]?.uses.push({ id: 'care', label: { ko: '진료', en: 'Care' } });
  const problems = checkDeclaration(decl).filter((p) => p.code === 'duplicate-id');
  assert.deepEqual(
    problems.map((p) => p.path),
    ['processingPurposes.purposes', 'processors.list'],
  );
});

test('an unencrypted resident registration number is refused', () => {
  const decl = seedCopy();
  const rrn = allItems(decl).find((item) => item.id === 'care.rrn');
  assert.ok(rrn);
  rrn.encryption = 'none';
  assert.deepEqual(
    checkDeclaration(decl).map((p) => p.code),
    ['identifier-not-encrypted'],
  );
});

test('numbers are written once, as data, and never in the prose', () => {
  assert.equal(seedPolicy.notice.noticeDays, 7);
  assert.equal(seedPolicy.children.ageThreshold, 14);
  assert.equal(seedPolicy.cctv.cameraCount, 106);
  const json = JSON.stringify(seedPolicy);
  for (const inProse of ['7일', '14세', '106대', '24시간', '1개월', '10일', '5일']) {
    assert.ok(!json.includes(inProse), `"${inProse}" is in the prose`);
  }
});

test('a clinician may read health information for care, never for marketing', () => {
  assert.equal(itemServesPurpose(seedPolicy, 'care.health_info', 'care'), true);
  assert.equal(itemServesPurpose(seedPolicy, 'care.health_info', 'treatment_and_billing'), true);
  assert.equal(itemServesPurpose(seedPolicy, 'care.health_info', 'marketing'), false);
  assert.equal(itemServesPurpose(seedPolicy, 'care.health_info', 'no_such_purpose'), false);
});

test('a broad purpose does not reach data kept for a narrow use', () => {
  assert.equal(itemServesPurpose(seedPolicy, 'care.rrn', 'appointments'), true);
  assert.equal(itemServesPurpose(seedPolicy, 'care.rrn', 'care'), false);
  assert.equal(itemServesPurpose(seedPolicy, 'child_guardian.contact', 'marketing'), false);
});

test('every item is encrypted where the law or the seed says so', () => {
  const encryption = Object.fromEntries(allItems(seedPolicy).map((i) => [i.id, i.encryption]));
  for (const id of [
    'care.rrn',
    'care.foreigner_number',
    'membership.phone',
    'care.phone',
    'payment.card_number',
    'payment.bank_account',
  ]) {
    assert.equal(encryption[id], 'reversible', id);
  }
  assert.equal(encryption['membership.password'], 'one_way');
});
