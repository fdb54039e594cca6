import { Command, InvalidArgumentError } from 'commander';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { migrateToLatest } from '../platform/migrate.ts';
import { createStaffAccount } from './accounts.ts';
import { isRole, type Role, roles } from './roles.ts';

function parseRole(value: string): Role {
  if (!isRole(value)) throw new InvalidArgumentError(`expected one of: ${roles.join(', ')}`);
  return value;
}

/**
 * `jikim staff create`: how an installation gets its first administrator or
 * privacy staff member. It prompts for nothing; it prints a one-time password
 * once, and the account must replace it at its first sign-in.
 */
export function staffCommand(): Command {
  const staff = new Command('staff').description('staff accounts of the console');
  staff
    .command('create')
    .description('create a staff account with a one-time initial password')
    .requiredOption('--login <id>', 'login id (3–32 lowercase letters, digits, . _ -)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `first role: ${roles.join(', ')}`, parseRole)
    .option('--department <department>', 'department', '미지정')
    .option(
      '--reason <reason>',
      'why the role is granted',
      'installation: created with jikim staff create',
    )
    .action(
      async (options: {
        login: string;
        name: string;
        role: Role;
        department: string;
        reason: string;
      }) => {
        const config = loadConfig();
        const handle = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
        });
        try {
          await migrateToLatest(handle.db);
          const { account, initialPassword } = await createStaffAccount(
            { db: handle.db, clock: systemClock },
            {
              loginId: options.login,
              displayName: options.name,
              department: options.department,
              role: options.role,
              roleReason: options.reason,
            },
            { channel: 'cli' },
          );
          console.log(`created staff account ${account.login_id} with role ${options.role}`);
          console.log(
            `one-time password (shown once; change it at first sign-in): ${initialPassword}`,
          );
        } finally {
          await handle.close();
        }
      },
    );
  return staff;
}
