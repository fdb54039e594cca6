import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { demoStaff, seedDemoStaff } from './demo-staff.ts';
import { roleLabels } from './roles.ts';
import { StaffClient } from './testing/staff-client.ts';

const system = await openTestSystem();

test('each demo account signs in with its published password and holds its role', async () => {
  const deps = { db: system.handle.db, clock: system.clock };
  await seedDemoStaff(deps);
  await seedDemoStaff(deps);
  for (const person of demoStaff) {
    const client = new StaffClient(system.app);
    assert.equal(
      (await client.signIn(person.loginId, person.password)).status,
      303,
      person.loginId,
    );
    const home = await client.get('/staff');
    assert.equal(home.status, 200);
    assert.match(await home.text(), new RegExp(roleLabels[person.role].ko.replace('/', '\\/')));
  }
});
