import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { ManualClock } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import { seedPolicy } from './seed-policy.ts';
import { announceVersion, draftVersion, listVersions } from './versions.ts';

// Announced at 10:00 in Korea on 2026-11-27.
const clock = new ManualClock('2026-11-27T10:00:00+09:00');
const system = await openTestSystem({ clock });
const deps = { db: system.handle.db, clock };

function changedPolicy(task: string) {
  const copy = structuredClone(seedPolicy);
  const first = copy.processors.list[0];
  assert.ok(first);
  first.task = { ko: task, en: `${task} (en)` };
  return copy;
}

async function pageText(path: string): Promise<string> {
  const res = await system.app.request(path);
  assert.equal(res.status, 200, path);
  return res.text();
}

test('the seed version is in force, announced 2021-07-30 and effective 2021-08-06', async () => {
  const versions = await listVersions(deps);
  assert.equal(versions.length, 1);
  const html = await pageText('/privacy/versions');
  assert.match(html, /2021-07-30/);
  assert.match(html, /2021-08-06/);
  const api = (await (await system.app.request('/api/v1/policy')).json()) as {
    version: { announcedOn: string; effectiveOn: string };
  };
  assert.deepEqual(
    [api.version.announcedOn, api.version.effectiveOn],
    ['2021-07-30', '2021-08-06'],
  );
});

test('a version announced with 6 days of notice is refused and changes nothing', async () => {
  const draft = await draftVersion(deps, {
    label: 'six-days',
    declaration: changedPolicy('6일 공지 시험'),
    createdBy: 'test',
  });
  await assert.rejects(
    announceVersion(deps, { id: draft.id, effectiveAt: new Date('2026-12-03T00:00:00+09:00') }),
    (error: unknown) =>
      error instanceof DomainError &&
      error.code === 'policy-notice-too-short' &&
      error.title.ko.includes('7일') &&
      error.title.en.includes('7 days'),
  );
  const after = (await listVersions(deps)).find((v) => v.id === draft.id);
  assert.equal(after?.status, 'draft');
  assert.doesNotMatch(await pageText('/notices'), /six-days/);
});

test('with 7 days of notice it is accepted, posted as a notice, and in force exactly at its effective instant', async () => {
  const draft = await draftVersion(deps, {
    label: '2026-12-04',
    declaration: changedPolicy('전자의무기록 운영 (개정)'),
    createdBy: 'test',
  });
  const effectiveAt = new Date('2026-12-04T00:00:00+09:00');
  await announceVersion(deps, { id: draft.id, effectiveAt });
  system.publisher.invalidate();

  const notices = await pageText('/notices');
  assert.match(notices, /개인정보처리방침 개정 안내 \(시행일 2026-12-04\)/);
  assert.match(notices, /개인정보처리의 위탁에 관한 사항/, 'the notice names the changed section');

  clock.set(new Date(effectiveAt.getTime() - 1));
  assert.doesNotMatch(await pageText('/privacy'), /전자의무기록 운영 \(개정\)/);
  clock.set(effectiveAt);
  assert.match(await pageText('/privacy'), /전자의무기록 운영 \(개정\)/);
  assert.match(await pageText('/privacy?lang=en'), /전자의무기록 운영 \(개정\) \(en\)/);

  const versions = (await (await system.app.request('/api/v1/policy/versions')).json()) as {
    versions: { id: string; label: string }[];
  };
  assert.deepEqual(
    versions.versions.map((v) => v.label),
    ['2026-12-04', '2021-08-06'],
  );
  const [newer, older] = versions.versions;
  const diff = await pageText(`/privacy/diff?from=${older?.id}&to=${newer?.id}`);
  assert.match(diff, /<del[^>]*>[^<]*OCS, EMR 프로그램 운영 및 유지보수/);
  assert.match(diff, /<ins[^>]*>[^<]*전자의무기록 운영 \(개정\)/);

  const old = await pageText(`/privacy/versions/${older?.id}`);
  assert.match(old, /현재 시행 중인 방침이 아닙니다/);
  assert.match(old, /OCS, EMR 프로그램 운영 및 유지보수/);
});

test('an invalid declaration is refused naming the field, and nothing is stored', async () => {
  const before = (await listVersions(deps)).length;
  const broken = structuredClone(seedPolicy) as unknown as { processors: { list: unknown } };
  broken.processors.list = 'none';
  await assert.rejects(
    draftVersion(deps, { label: 'broken', declaration: broken, createdBy: 'test' }),
    (error: unknown) =>
      error instanceof DomainError &&
      error.options.fields?.some((f) => f.field === 'processors.list') === true,
  );
  assert.equal((await listVersions(deps)).length, before);
});

test('the diff page rejects a missing version id with problem details', async () => {
  const res = await system.app.request('/privacy/diff?from=x');
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const body = (await res.json()) as { errors: { field: string }[] };
  assert.deepEqual(
    body.errors.map((e) => e.field),
    ['to'],
  );
});
