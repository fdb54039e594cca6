import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../platform/db.ts';
import { databaseAnswers } from '../platform/db.ts';
import { publicAccess } from '../platform/http/access.ts';
import { createRouter } from '../platform/http/create-app.ts';
import { Layout, localHref } from './layout.tsx';
import { siteMessages } from './messages.ts';
import { siteCss } from './site.css.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['platform'],
  summary: 'Liveness: 200 only while the database answers',
  middleware: [publicAccess('load balancers and operators probe it; it reveals nothing')] as const,
  responses: {
    200: {
      description: 'The database answers',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: z.object({ status: z.literal('unavailable') }) } },
    },
  },
});

export function siteRoutes(deps: { db: Db }) {
  const app = createRouter();

  app.openapi(healthRoute, async (c) =>
    (await databaseAnswers(deps.db))
      ? c.json({ status: 'ok' as const }, 200)
      : c.json({ status: 'unavailable' as const }, 503),
  );

  app.get('/assets/site.css', publicAccess('the stylesheet of public pages'), (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(siteCss);
  });

  app.get('/', publicAccess('the public home page'), async (c) => {
    const lang = c.get('lang');
    const t = siteMessages[lang];
    const page = (
      <Layout lang={lang} title={t.home} path="/">
        <h1>{t.homeTitle}</h1>
        <p>{t.homeLead}</p>
        <ul>
          <li>
            <a href={localHref('/privacy', lang)}>
              <strong>{t.readPolicy}</strong>
            </a>
          </li>
          <li>
            <a href={localHref('/privacy/versions', lang)}>{t.policyVersions}</a>
          </li>
          <li>
            <a href={localHref('/notices', lang)}>{t.notices}</a>
          </li>
        </ul>
      </Layout>
    );
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  return app;
}
