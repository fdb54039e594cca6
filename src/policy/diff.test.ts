import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import type { PolicyDeclaration } from './declaration.ts';
import { diffDeclarations, diffLines } from './diff.ts';
import { PolicyDiffView } from './render/diff-view.tsx';
import { seedPolicy, seedVersion } from './seed-policy.ts';

function withProcessorTask(ko: string, en: string): PolicyDeclaration {
  const next = structuredClone(seedPolicy);
  const pacs = next.processors.list.find((p) => p.id === 'cad_impact');
  assert.ok(pacs);
  pacs.task = { ko, en };
  return next;
}

test('identical declarations show no change', () => {
  const diff = diffDeclarations(seedPolicy, structuredClone(seedPolicy));
  assert.deepEqual(
    diff.map((s) => s.id),
    seedPolicy.sections.map((s) => s.id),
  );
  assert.deepEqual(
    diff.filter((s) => s.changed),
    [],
  );
});

test("changing one processor's task changes exactly that section, old and new text shown", () => {
  const next = withProcessorTask('PACS 및 영상 백업 운영', 'Running PACS and image backups');
  const diff = diffDeclarations(seedPolicy, next);
  const changed = diff.filter((s) => s.changed);
  assert.deepEqual(
    changed.map((s) => s.id),
    ['processors'],
  );
  const processors = changed[0];
  assert.ok(processors);
  assert.equal(processors.dataOnly, false);
  const edits = processors.lines.ko.filter((line) => line.change !== 'same');
  assert.deepEqual(edits, [
    { change: 'removed', text: '캐드임팩트 | PACS 프로그램 운영 및 유지보수 | 위탁계약 종료까지' },
    { change: 'added', text: '캐드임팩트 | PACS 및 영상 백업 운영 | 위탁계약 종료까지' },
  ]);
  const enEdits = processors.lines.en.filter((line) => line.change !== 'same');
  assert.equal(enEdits.length, 2);
  assert.match(enEdits[0]?.text ?? '', /Running and maintaining the PACS/);
  assert.match(enEdits[1]?.text ?? '', /Running PACS and image backups/);
});

test('a change only to data the page does not print is still a change', () => {
  const next = structuredClone(seedPolicy);
  next.processors.list[0]?.itemIds.pop();
  const changed = diffDeclarations(seedPolicy, next).filter((s) => s.changed);
  assert.deepEqual(
    changed.map((s) => [s.id, s.dataOnly]),
    [['processors', true]],
  );
});

test('a number changed in the data shows in every sentence that names it', () => {
  const next = structuredClone(seedPolicy);
  next.notice.noticeDays = 30;
  const notice = diffDeclarations(seedPolicy, next).find((s) => s.id === 'notice');
  const added = notice?.lines.ko.filter((line) => line.change === 'added') ?? [];
  assert.equal(added.length, 1);
  assert.match(added[0]?.text ?? '', /개정 최소 30일전부터/);
});

test('the line diff keeps common lines and orders removals before additions', () => {
  assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), [
    { change: 'same', text: 'a' },
    { change: 'removed', text: 'b' },
    { change: 'added', text: 'x' },
    { change: 'same', text: 'c' },
    { change: 'added', text: 'd' },
  ]);
});

test('the diff view marks removed and added lines and lists the unchanged sections', async () => {
  const next = withProcessorTask('PACS 및 영상 백업 운영', 'Running PACS and image backups');
  const diff = diffDeclarations(seedPolicy, next);
  const to = { label: '2022-01-01', announcedOn: '2021-12-20', effectiveOn: '2022-01-01' };
  const html = await jsx(PolicyDiffView, { diff, from: seedVersion, to, lang: 'ko' }).toString();
  assert.match(html, /<del>캐드임팩트 \| PACS 프로그램 운영 및 유지보수/);
  assert.match(html, /<ins>캐드임팩트 \| PACS 및 영상 백업 운영/);
  assert.match(html, /<h3>개인정보처리의 위탁에 관한 사항<\/h3>/);
  const unchanged = /<ul class="unchanged-sections">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  assert.equal(unchanged.match(/<li>/g)?.length, seedPolicy.sections.length - 1);
  assert.doesNotMatch(unchanged, /위탁/);
});
