import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPurpose } from '../policy/lookup.ts';
import { seedPolicy } from '../policy/seed-policy.ts';
import { type permissions, rolePermissions, rolePurposes, roles } from './roles.ts';

test('every purpose a role may declare is a purpose or use of the seed policy', () => {
  for (const role of roles) {
    for (const purpose of rolePurposes[role]) {
      assert.ok(findPurpose(seedPolicy, purpose), `${role}: ${purpose} is not declared`);
    }
  }
});

test('no role may declare a marketing purpose', () => {
  const marketing = findPurpose(seedPolicy, 'new_services')?.purpose;
  assert.ok(marketing);
  const forbidden = new Set(['new_services', ...marketing.uses.map((u) => u.id)]);
  for (const role of roles) {
    for (const purpose of rolePurposes[role]) {
      assert.ok(!forbidden.has(purpose), `${role} may declare ${purpose}`);
    }
  }
});

test('only clinicians read health information; only privacy staff manage grants and unlock', () => {
  const holders = (permission: (typeof permissions)[number]) =>
    roles.filter((role) => rolePermissions[role].includes(permission));
  assert.deepEqual(holders('patients.health.read'), ['clinician']);
  assert.deepEqual(holders('grants.manage'), ['privacy_staff']);
  assert.deepEqual(holders('staff.unlock'), ['privacy_staff']);
  assert.deepEqual(rolePurposes.administrator, [], 'the system administrator sees no one');
});
