import { ensurePgliteTemplate, ensurePostgresTemplate } from './template.ts';

// Built once before the test processes start, so they do not race to build it.
const engine = process.argv[2];
if (engine === 'postgres') {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  console.log(`PostgreSQL template: ${await ensurePostgresTemplate(url)}`);
} else {
  console.log(`PGlite template: ${await ensurePgliteTemplate()}`);
}
