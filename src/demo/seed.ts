import { seedDemoStaff } from '../access/demo-staff.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Logger } from '../platform/log.ts';

/**
 * The demo data set, loaded once into an empty development database so that
 * `npm start` shows a working hospital. It marks itself done with a notice.
 */
export async function seedDemoData({ db, clock, log }: { db: Db; clock: Clock; log: Logger }) {
  await seedDemoStaff({ db, clock });
  const done = await db
    .selectFrom('app.notices')
    .select('id')
    .where('created_by', '=', 'demo')
    .executeTakeFirst();
  if (done) return;
  await db
    .insertInto('app.notices')
    .values({
      kind: 'general',
      title_ko: '지킴 데모 안내',
      title_en: 'About this Jikim demo',
      body_ko:
        '이 서버는 데모 데이터로 실행 중입니다. 실제 환자 정보는 없습니다.\n개인정보처리방침은 시스템이 집행하는 선언에서 바로 만들어집니다.',
      body_en:
        'This server runs on demo data. It holds no real patient information.\nThe privacy policy is rendered from the declaration the system enforces.',
      published_at: clock.now(),
      policy_version_id: null,
      created_by: 'demo',
    })
    .execute();
  log.info('demo data loaded');
}
