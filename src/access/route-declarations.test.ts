import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { declaredAccess, publicAccess } from '../platform/http/access.ts';
import { createRouter } from '../platform/http/create-app.ts';

const system = await openTestSystem();

/** app.use() entries: every method, a wildcard path; they guard routes, they are not routes. */
function isMiddleware(route: { method: string; path: string }): boolean {
  return route.method === 'ALL' && route.path.endsWith('*');
}

function undeclaredRoutes(all: readonly { method: string; path: string; handler: unknown }[]) {
  const routes = new Map<string, unknown[]>();
  for (const route of all) {
    if (isMiddleware(route)) continue;
    const key = `${route.method} ${route.path}`;
    routes.set(key, [...(routes.get(key) ?? []), route.handler]);
  }
  return [...routes]
    .filter(([, handlers]) => !handlers.some((h) => declaredAccess(h) !== undefined))
    .map(([key]) => key);
}

test('every route of the whole app declares who may call it', () => {
  assert.ok(system.app.routes.length > 20, 'the walk sees the mounted modules');
  const undeclared = undeclaredRoutes(system.app.routes);
  assert.deepEqual(
    undeclared,
    [],
    `routes without an access declaration:\n${undeclared.join('\n')}`,
  );
});

test('the walk names a route that declares nothing', () => {
  const app = createRouter();
  app.use('*', async (_c, next) => next());
  app.get('/declared', publicAccess('a test route that says why'), (c) => c.text('ok'));
  app.post('/forgotten', (c) => c.text('open'));
  assert.deepEqual(undeclaredRoutes(app.routes), ['POST /forgotten']);
});

test('a route declared public says why', () => {
  for (const route of system.app.routes) {
    const declaration = declaredAccess(route.handler);
    if (declaration?.kind === 'public' || declaration?.kind === 'signed_in') {
      assert.ok(declaration.why.trim().length > 10, `${route.method} ${route.path}`);
    }
  }
});
