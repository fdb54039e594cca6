import type { Clock } from '../platform/clock.ts';
import { seoulDate } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { publicAccess } from '../platform/http/access.ts';
import { createRouter } from '../platform/http/create-app.ts';
import { Layout } from '../site/layout.tsx';
import { siteMessages } from '../site/messages.ts';
import { listNotices } from './service.ts';

export function noticeRoutes(deps: { db: Db; clock: Clock }) {
  const app = createRouter();
  app.get('/notices', publicAccess('the public notice board (공지사항)'), async (c) => {
    const lang = c.get('lang');
    const notices = await listNotices(deps.db, deps.clock.now());
    const title = siteMessages[lang].notices;
    const page = (
      <Layout lang={lang} title={title} path="/notices">
        <h1>{title}</h1>
        {notices.map((n) => (
          <article class="notice" id={`notice-${n.id}`}>
            <h2>{n.title[lang]}</h2>
            <p class="muted">
              <time datetime={n.publishedAt.toISOString()}>{seoulDate(n.publishedAt)}</time>
            </p>
            {n.body[lang].split('\n').map((line) => (
              <p>{line}</p>
            ))}
          </article>
        ))}
      </Layout>
    );
    return c.html(`<!doctype html>${await page.toString()}`);
  });
  return app;
}
