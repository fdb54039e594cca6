import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestSystem } from '../../test/system.ts';
import { makeStaff, StaffClient } from '../access/testing/staff-client.ts';
import { searchAccessLog } from '../platform/audit/search.ts';
import { patientSubject } from './service.ts';

const system = await openTestSystem();
const db = system.handle.db;
const deps = { db, clock: system.clock };

const frontDesk = await makeStaff(deps, { role: 'front_desk' });
const clinician = await makeStaff(deps, { role: 'clinician' });
const desk = new StaffClient(system.app);
const doctor = new StaffClient(system.app);
assert.equal((await desk.signIn(frontDesk.loginId, frontDesk.password)).status, 303);
assert.equal((await doctor.signIn(clinician.loginId, clinician.password)).status, 303);

const purpose = (p: string) => ({ 'x-jikim-purpose': p });
const people = [
  { name: '김지수', rrn: '900101-2345678', phone: '010-1234-5678' },
  { name: '이하늘', rrn: '850505-2123456', phone: '+82 10 9876 5432' },
  { name: '박서연', rrn: '010303-4123456', phone: '01055556666' },
];
const registered: { id: string; patientNumber: string }[] = [];
for (const p of people) {
  const res = await desk.postJson(
    '/api/v1/patients',
    { ...p, address: '인천광역시 남동구 1', department: '산부인과' },
    purpose('treatment_and_billing'),
  );
  assert.equal(res.status, 201, await res.clone().text());
  registered.push((await res.json()) as { id: string; patientNumber: string });
}
const [first] = registered;
assert.ok(first);

async function logLines(subjectId: string) {
  return (await searchAccessLog(db, { subjectId, limit: 50 })).entries;
}

test('with the database alone, no RRN or phone number can be read or matched', async () => {
  const rows = await sql<Record<string, unknown>>`select * from app.patients`.execute(db);
  const dump = JSON.stringify(
    rows.rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          Buffer.isBuffer(v) ? v.toString('latin1') + v.toString('hex') : v,
        ]),
      ),
    ),
  );
  for (const p of people) {
    assert.ok(!dump.includes(p.rrn.replace('-', '')), 'RRN digits appear nowhere');
    assert.ok(!dump.includes(p.name), 'names are ciphertext');
  }
  assert.ok(!dump.includes('01012345678') && !dump.includes('1234-5678'));
  // An unkeyed hash of the RRN, what an attacker could compute, matches no index.
  const { createHash } = await import('node:crypto');
  const guess = createHash('sha256').update('9001012345678').digest();
  const matched = await db
    .selectFrom('app.patients')
    .select('id')
    .where('rrn_index', '=', guess)
    .execute();
  assert.equal(matched.length, 0);
});

test('with the key, lookup by full RRN finds the one patient, and the search is logged without the RRN', async () => {
  const res = await desk.postJson(
    '/api/v1/patients/search',
    { rrn: '9001012345678' },
    purpose('appointments'),
  );
  assert.equal(res.status, 200);
  const body = (await res.json()) as { patients: { id: string; name: string }[] };
  assert.deepEqual(
    body.patients.map((p) => [p.id, p.name]),
    [[first.id, '김지수']],
  );
  const [line] = await logLines(patientSubject(first.id));
  assert.equal(line?.action, 'search');
  assert.deepEqual(line?.searchFields, ['rrn']);
  assert.equal(line?.resultCount, 1);
  assert.ok(!JSON.stringify(line).includes('9001012345678'));
});

test('a clinician reading health information for care succeeds and leaves one log line', async () => {
  const written = await doctor.postJson(
    `/api/v1/patients/${first.id}/health-records`,
    { recordClass: 'medical_record', body: '임신 12주, 특이소견 없음' },
    purpose('care'),
  );
  assert.equal(written.status, 201);
  const before = (await logLines(patientSubject(first.id))).length;

  const res = await doctor.get(`/api/v1/patients/${first.id}/health-records`, purpose('care'));
  assert.equal(res.status, 200);
  const { records } = (await res.json()) as { records: { body: string }[] };
  assert.deepEqual(
    records.map((r) => r.body),
    ['임신 12주, 특이소견 없음'],
  );
  const lines = await logLines(patientSubject(first.id));
  assert.equal(lines.length, before + 1, 'exactly one line for the read');
  const [read] = lines;
  assert.equal(read?.action, 'read');
  assert.equal(read?.outcome, 'allowed');
  assert.equal(read?.purpose, 'care');
  assert.deepEqual(read?.items, ['care.health_info']);
  assert.equal(read?.actor.id, clinician.id);
  assert.ok(read?.grantId, 'the grant that allowed it is named');
  assert.ok(read?.policyVersionId, 'the policy version is named');
});

test('the same read for marketing is refused with the reason and leaves a refusal line', async () => {
  const res = await doctor.get(`/api/v1/patients/${first.id}/health-records`, purpose('marketing'));
  assert.equal(res.status, 403);
  const problem = (await res.json()) as { type: string; detail?: string };
  assert.equal(problem.type, '/problems/purpose-not-allowed');
  const [line] = await logLines(patientSubject(first.id));
  assert.equal(line?.outcome, 'refused');
  assert.equal(line?.purpose, 'marketing');
  assert.equal(line?.actor.id, clinician.id);
  assert.ok(line?.refusalReason);
});

test('front desk cannot read health information at all', async () => {
  const res = await desk.get(
    `/api/v1/patients/${first.id}/health-records`,
    purpose('treatment_and_billing'),
  );
  assert.equal(res.status, 403);
});

test('registering bad input names the field and stores nothing', async () => {
  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from app.patients`.execute(db)).rows[0]
        ?.n,
    );
  const before = await count();
  const res = await desk.postJson(
    '/api/v1/patients',
    { name: '최민준', rrn: '12345', phone: '010-1111-2222', address: '서울', department: '내과' },
    purpose('treatment_and_billing'),
  );
  assert.equal(res.status, 400);
  const problem = (await res.json()) as {
    errors: { field: string; message: string; message_en: string }[];
  };
  assert.deepEqual(
    problem.errors.map((e) => e.field),
    ['rrn'],
  );
  assert.ok(!JSON.stringify(problem).includes('12345'), 'the value is not echoed');
  assert.equal(await count(), before);

  const again = await desk.postJson(
    '/api/v1/patients',
    { ...people[0], address: '인천', department: '산부인과' },
    purpose('treatment_and_billing'),
  );
  assert.equal(again.status, 409);
  assert.equal(await count(), before);
});

test('staff can search the access log by subject, action and outcome, page and API', async () => {
  const privacy = await makeStaff(deps, { role: 'privacy_staff' });
  const inspector = new StaffClient(system.app);
  await inspector.signIn(privacy.loginId, privacy.password);
  const subject = patientSubject(first.id);
  const api = await inspector.get(`/api/v1/staff/access-log?subjectId=${subject}&outcome=refused`);
  assert.equal(api.status, 200);
  const { entries } = (await api.json()) as {
    entries: { purpose: string; actor: { id: string } }[];
  };
  assert.ok(entries.length >= 1);
  assert.ok(entries.every((e) => e.actor.id !== privacy.id));
  assert.ok(entries.some((e) => e.purpose === 'marketing'));

  const page = await inspector.get(`/staff/access-log?subjectId=${subject}&action=read`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /개인정보 접속기록 조회/);
  assert.match(html, /care\.health_info/);

  const bad = await inspector.get('/api/v1/staff/access-log?from=2026-12-01&to=2026-11-01');
  assert.equal(bad.status, 400);
});

test('anonymous callers get 401 on the patient API', async () => {
  const res = await system.app.request(`/api/v1/patients/${first.id}/health-records`);
  assert.equal(res.status, 401);
});
