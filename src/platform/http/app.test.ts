import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../../test/system.ts';

const system = await openTestSystem();

test('GET /healthz is 200 {"status":"ok"} while the database answers', async () => {
  const res = await system.app.request('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
});

test('the OpenAPI 3.1 document describes the policy API from the same schemas', async () => {
  const res = await system.app.request('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/policy']);
  assert.ok(doc.paths['/healthz']);
  assert.ok(doc.components.schemas.PolicyDeclaration, 'the declaration schema is named');
});

test('an unknown API path answers RFC 9457 problem details in Korean and English', async () => {
  const res = await system.app.request('/api/v1/nothing-here');
  assert.equal(res.status, 404);
  assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const body = (await res.json()) as Record<string, string>;
  assert.equal(body.type, '/problems/not-found');
  assert.equal(body.title, '찾을 수 없습니다');
  assert.equal(body.title_en, 'Not found');
});

test('pages carry security headers', async () => {
  const res = await system.app.request('/privacy');
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

test('/healthz is 503 once the database no longer answers', async () => {
  await system.close();
  const res = await system.app.request('/healthz');
  assert.equal(res.status, 503);
});
