import { createRoute, z } from '@hono/zod-openapi';
import { accessLogSearchSchema } from '../../platform/audit/schema.ts';
import { searchAccessLog } from '../../platform/audit/search.ts';
import { startOfSeoulDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { staffAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { invalidInput } from '../../platform/validation.ts';
import { type AccessLogFilters, AccessLogPage } from '../pages/access-log.tsx';
import { pageHtml } from '../pages/layout.tsx';

/** Dates on the page are Korean calendar days; the search takes instants. */
const pageQuery = z.object({
  actorId: z.string().trim().optional(),
  subjectId: z.string().trim().optional(),
  action: z.string().trim().optional(),
  outcome: z.string().trim().optional(),
  from: z.string().trim().optional(),
  to: z.string().trim().optional(),
  cursor: z.string().optional(),
});

function instantOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  try {
    return startOfSeoulDay(date).toISOString();
  } catch {
    return date; // left for the search schema to refuse with its own message
  }
}

const apiRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/access-log',
  tags: ['access'],
  summary: 'Search the access log by person, subject, action and period (newest first)',
  middleware: [staffAccess('access_log.read', null)] as const,
  request: { query: accessLogSearchSchema },
  responses: {
    200: { description: 'A page of entries; pass nextCursor back as cursor to read on' },
    400: { description: 'RFC 9457 problem details' },
    401: { description: 'RFC 9457 problem details' },
    403: { description: 'RFC 9457 problem details' },
  },
});

/**
 * The access log as privacy staff inspect it (안전성 확보조치 기준 제8조: at
 * least monthly). The log names subjects by opaque id only, so reading it
 * touches no personal values and declares no purpose.
 */
export function accessLogRoutes(deps: { db: Db }) {
  const app = createRouter();

  app.get('/staff/access-log', staffAccess('access_log.read', null), async (c) => {
    const raw = pageQuery.parse(c.req.query());
    const filters: AccessLogFilters = Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => k !== 'cursor' && v),
    );
    const parsed = accessLogSearchSchema.safeParse({
      ...filters,
      from: instantOf(raw.from),
      to: instantOf(raw.to),
      cursor: raw.cursor || undefined,
    });
    if (!parsed.success) throw invalidInput(parsed.error);
    const page = await searchAccessLog(deps.db, parsed.data);
    const next = page.nextCursor
      ? `/staff/access-log?${new URLSearchParams({ ...filters, cursor: page.nextCursor } as Record<string, string>)}`
      : null;
    const html = AccessLogPage({
      lang: c.get('lang'),
      filters,
      entries: page.entries,
      nextHref: next,
    });
    return c.html(await pageHtml(html));
  });

  app.openapi(apiRoute, async (c) => {
    const page = await searchAccessLog(deps.db, c.req.valid('query'));
    return c.json(page, 200);
  });

  return app;
}
