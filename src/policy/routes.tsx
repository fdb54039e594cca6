import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cookieBannerSlot } from '../consents/cookie-banner/slot.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { publicAccess } from '../platform/http/access.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { createRouter } from '../platform/http/create-app.ts';
import { invalidInput } from '../platform/validation.ts';
import { policyDeclarationSchema } from './declaration.ts';
import { diffDeclarations } from './diff.ts';
import { DiffPage, VersionsPage } from './pages.tsx';
import type { PolicyPublisher } from './publisher.ts';
import { PolicyDiffView } from './render/diff-view.tsx';
import { renderPolicyHtml } from './render-html.tsx';
import { listVersions, type PolicyVersion, versionDates } from './versions.ts';

export interface PolicyRouteDeps {
  db: Db;
  clock: Clock;
  publisher: PolicyPublisher;
}

const publishedPolicy = 'PIPA art. 30(2): the privacy policy is published for everyone';

const versionSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    announcedOn: z.string().openapi({ description: 'Korean calendar date (Asia/Seoul)' }),
    effectiveOn: z.string().openapi({ description: 'Korean calendar date (Asia/Seoul)' }),
    effectiveAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PolicyVersion');

function versionJson(v: PolicyVersion) {
  const dates = versionDates(v);
  return {
    id: v.id,
    label: v.label,
    announcedOn: dates.announcedOn,
    effectiveOn: dates.effectiveOn,
    effectiveAt: v.effectiveAt?.toISOString() ?? '',
  };
}

const policyInForceRoute = createRoute({
  method: 'get',
  path: '/api/v1/policy',
  tags: ['policy'],
  summary: 'The privacy policy declaration in force',
  middleware: [publicAccess(publishedPolicy)] as const,
  responses: {
    200: {
      description: 'The version in force and its declaration',
      content: {
        'application/json': {
          schema: z.object({ version: versionSchema, declaration: policyDeclarationSchema }),
        },
      },
    },
  },
});

const policyVersionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/policy/versions',
  tags: ['policy'],
  summary: 'Announced privacy policy versions, latest effective date first',
  middleware: [publicAccess(publishedPolicy)] as const,
  responses: {
    200: {
      description: 'Announced versions',
      content: { 'application/json': { schema: z.object({ versions: z.array(versionSchema) }) } },
    },
  },
});

const diffQuery = z.object({
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
  lang: z.enum(['ko', 'en']).optional(),
});

/** A rendered page kept as UTF-8 bytes around the cookie banner's slot, encoded once. */
interface EncodedPage {
  head: Buffer;
  tail: Buffer;
}

function encodePage(html: string): EncodedPage {
  const at = html.indexOf(cookieBannerSlot);
  if (at < 0) return { head: Buffer.from(html), tail: Buffer.alloc(0) };
  return {
    head: Buffer.from(html.slice(0, at)),
    tail: Buffer.from(html.slice(at + cookieBannerSlot.length)),
  };
}

/** The cached page with this visitor's cookie banner (or none) in its slot. */
async function servePage(c: Context<AppEnv>, page: EncodedPage): Promise<Response> {
  const banner = (await c.get('cookieBanner')?.()) ?? '';
  const body = banner
    ? Buffer.concat([page.head, Buffer.from(banner), page.tail])
    : Buffer.concat([page.head, page.tail]);
  return c.body(body, 200, { 'content-type': 'text/html; charset=UTF-8' });
}

export function policyRoutes(deps: PolicyRouteDeps) {
  const { publisher, clock } = deps;
  const app = createRouter();

  const inForce = () => publisher.inForce(clock.now());

  app.get('/privacy', publicAccess(publishedPolicy), async (c) => {
    const lang = c.get('lang');
    const version = await inForce();
    const page = await publisher.page(version.id, lang, async () =>
      encodePage(await renderPolicyHtml(version, lang)),
    );
    c.header('cache-control', 'no-cache');
    return servePage(c, page);
  });

  app.get('/privacy/versions', publicAccess(publishedPolicy), async (c) => {
    const lang = c.get('lang');
    const versions = await listVersions(deps);
    const inForceId = await publisher.versionIdInForce(clock.now());
    const page = (
      <VersionsPage lang={lang} versions={versions} inForceId={inForceId} now={clock.now()} />
    );
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  app.get('/privacy/versions/:id', publicAccess(publishedPolicy), async (c) => {
    const lang = c.get('lang');
    const version = await publisher.version(c.req.param('id'));
    if (version.status !== 'announced') return c.notFound();
    const inForceId = await publisher.versionIdInForce(clock.now());
    const path = `/privacy/versions/${version.id}`;
    const page = await publisher.page(`${version.id}:${version.id === inForceId}`, lang, async () =>
      encodePage(
        await renderPolicyHtml(version, lang, { path, notInForce: version.id !== inForceId }),
      ),
    );
    return servePage(c, page);
  });

  app.get('/privacy/diff', publicAccess(publishedPolicy), async (c) => {
    const parsed = diffQuery.safeParse(c.req.query());
    if (!parsed.success) {
      throw invalidInput(parsed.error);
    }
    const lang = c.get('lang');
    const [from, to] = await Promise.all([
      publisher.version(parsed.data.from),
      publisher.version(parsed.data.to),
    ]);
    if (from.status !== 'announced' || to.status !== 'announced') return c.notFound();
    const diff = diffDeclarations(from.declaration, to.declaration);
    const path = `/privacy/diff?from=${from.id}&to=${to.id}`;
    const page = (
      <DiffPage lang={lang} path={path}>
        <PolicyDiffView diff={diff} from={versionDates(from)} to={versionDates(to)} lang={lang} />
      </DiffPage>
    );
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  app.openapi(policyInForceRoute, async (c) => {
    const version = await inForce();
    return c.json({ version: versionJson(version), declaration: version.declaration }, 200);
  });

  app.openapi(policyVersionsRoute, async (c) => {
    const versions = (await listVersions(deps)).filter((v) => v.status === 'announced');
    return c.json({ versions: versions.map(versionJson) }, 200);
  });

  return app;
}
