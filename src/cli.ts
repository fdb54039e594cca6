import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { staffCommand } from './access/cli.ts';
import { auditCommand } from './platform/audit/audit-command.ts';
import { seoulDate, startOfSeoulDay, systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { keysCommand } from './platform/crypto/keys-command.ts';
import { openDatabase } from './platform/db.ts';
import { DomainError } from './platform/errors.ts';
import { createLogger } from './platform/log.ts';
import { MigrationError, migrateToLatest } from './platform/migrate.ts';
import { outboxCommand } from './platform/outbox/outbox-command.ts';
import { runPolicyCheck } from './policy/conformance.ts';
import { renderPolicyHtml } from './policy/render-html.tsx';
import {
  announceVersion,
  draftVersion,
  ensureSeedVersion,
  versionInForce,
} from './policy/versions.ts';
import { startServer } from './server.ts';

const program = new Command('jikim')
  .description('Jikim (지킴): the hospital personal-information system')
  .showHelpAfterError();

async function withDatabase<T>(
  work: (deps: Awaited<ReturnType<typeof open>>) => Promise<T>,
): Promise<T> {
  const deps = await open();
  try {
    return await work(deps);
  } finally {
    await deps.handle.close();
  }
}

async function open() {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await ensureSeedVersion({ db: handle.db, clock: systemClock });
  return { config, handle, db: handle.db, clock: systemClock };
}

function parseDate(value: string): Date {
  try {
    return startOfSeoulDay(value);
  } catch {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
}

program
  .command('start')
  .description('migrate, load demo data on first run, and serve HTTP')
  .action(async () => {
    const config = loadConfig();
    await startServer(config, createLogger({ level: config.logLevel }));
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = loadConfig();
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    } finally {
      await handle.close();
    }
  });

const policy = program.command('policy').description('the privacy policy declaration');

policy
  .command('render')
  .description('print the policy in force as HTML')
  .option('--lang <lang>', 'ko or en', 'ko')
  .action(async (options: { lang: string }) => {
    await withDatabase(async (deps) => {
      const version = await versionInForce(deps, deps.clock.now());
      process.stdout.write(await renderPolicyHtml(version, options.lang === 'en' ? 'en' : 'ko'));
    });
  });

policy
  .command('export')
  .description('print the declaration in force as JSON (a starting point for a new version)')
  .action(async () => {
    await withDatabase(async (deps) => {
      const version = await versionInForce(deps, deps.clock.now());
      process.stdout.write(`${JSON.stringify(version.declaration, null, 2)}\n`);
    });
  });

policy
  .command('check')
  .description('fail when a column holds personal data the policy does not declare')
  .action(async () => {
    const problems = await withDatabase((deps) => runPolicyCheck(deps));
    for (const p of problems) console.error(`✗ ${p}`);
    if (problems.length > 0) {
      console.error(`policy check failed: ${problems.length} problem(s)`);
      process.exitCode = 1;
    } else {
      console.log(
        'policy check passed: every personal-data column is declared, every item has a purpose and a retention rule',
      );
    }
  });

policy
  .command('announce')
  .description('draft a new version from a JSON declaration and announce it')
  .argument('<file>', 'declaration JSON (see `jikim policy export`)')
  .requiredOption('--effective <date>', 'effective date, YYYY-MM-DD in Korea', parseDate)
  .option('--label <label>', 'version label (default: the effective date)')
  .option('--by <name>', 'who drafts it', 'cli')
  .action(async (file: string, options: { effective: Date; label?: string; by: string }) => {
    const declaration = JSON.parse(await readFile(file, 'utf8')) as unknown;
    await withDatabase(async (deps) => {
      const label = options.label ?? seoulDate(options.effective);
      const draft = await draftVersion(deps, { label, declaration, createdBy: options.by });
      const announced = await announceVersion(deps, {
        id: draft.id,
        effectiveAt: options.effective,
      });
      console.log(`announced ${announced.label}: effective ${label}, notice posted`);
    });
  });

const failureByCode: Record<string, string> = {
  ECONNREFUSED: 'the database refused the connection',
  ENOTFOUND: 'the database host was not found',
  ETIMEDOUT: 'the database did not answer in time',
  '28P01': 'the database refused the password',
  '3D000': 'the database does not exist',
  EADDRINUSE: 'the port is already in use',
};

function describeFailure(error: Error & { code?: string }): string {
  return (error.code && failureByCode[error.code]) ?? error.name ?? 'Error';
}

function reportFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`jikim: ${error.message}`);
  } else if (error instanceof DomainError) {
    const fields =
      error.options.fields?.map((f) => `\n  ${f.field}: ${f.message.ko} (${f.message.en})`) ?? [];
    const detail = error.options.detail
      ? ` — ${error.options.detail.ko} (${error.options.detail.en})`
      : '';
    console.error(`jikim: ${error.title.ko} (${error.title.en})${detail}${fields.join('')}`);
  } else if (error instanceof SyntaxError) {
    console.error(`jikim: the file is not valid JSON`);
  } else {
    const e = error as Error & { code?: string };
    // Driver messages can quote connection strings; say only what kind of failure it was.
    console.error(`jikim: ${describeFailure(e)}${e.code ? ` (${e.code})` : ''}`);
  }
  process.exit(2);
}

program.addCommand(keysCommand());
program.addCommand(auditCommand());
program.addCommand(staffCommand());
program.addCommand(outboxCommand());

program.parseAsync(process.argv).catch(reportFailure);
