import { randomInt, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database.ts';
import { Invalid } from '../platform/errors.ts';

const CODE_DIGITS = 10;

/** A random ten-digit code: a guardian's confirmation, a guardian's access, a password reset. */
export function newCode(): string {
  return (
    String(randomInt(0, 10 ** (CODE_DIGITS / 2))).padStart(5, '0') +
    String(randomInt(0, 10 ** (CODE_DIGITS / 2))).padStart(5, '0')
  );
}

/** A code as a person reads it off a message: 12345-67890. */
export const shownCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * Where a flow keeps the one code it has sent an owner, with its tries and
 * sends: a member's password reset, a child's guardian access.
 */
export type CodeRows =
  | { table: 'app.password_resets'; owner: 'member_id' }
  | { table: 'app.guardian_access'; owner: 'request_id' };

/** A sent code as one try leaves it: its keyed hash, and the tries counted so far (this one too). */
export interface TriedCode {
  code_hash: Buffer;
  failed_attempts: number;
}

/** How often a code may be sent to one contact: the forms cannot be used to flood anyone. */
export const CODE_SENDING = { minGapMs: 60_000, perDay: 5 } as const;

/** What a code's row remembers of the codes sent before it. */
export interface CodeSends {
  created_at: Date;
  sends: number;
  sends_since: Date;
}

/** What the owner's code row remembers of the codes sent before, if one was. */
export async function previousSends(
  db: Kysely<Database>,
  where: CodeRows,
  ownerId: string,
): Promise<CodeSends | undefined> {
  const { rows } = await sql<CodeSends>`
    select created_at, sends, sends_since from ${sql.table(where.table)}
    where ${sql.ref(where.owner)} = ${ownerId}`.execute(db);
  return rows[0];
}

/**
 * The counters a new code leaves, or undefined when none may be sent now:
 * not within a minute of the last, and no more than five in a day (counted
 * from the first of them).
 */
export function nextSend(
  previous: CodeSends | undefined,
  now: Date,
): { sends: number; sends_since: Date } | undefined {
  if (!previous) return { sends: 1, sends_since: now };
  if (now.getTime() - previous.created_at.getTime() < CODE_SENDING.minGapMs) return undefined;
  if (now.getTime() - previous.sends_since.getTime() >= 86_400_000) {
    return { sends: 1, sends_since: now };
  }
  if (previous.sends >= CODE_SENDING.perDay) return undefined;
  return { sends: previous.sends + 1, sends_since: previous.sends_since };
}

/**
 * Thrown inside a door's work when, under the lock, no code may be sent after
 * all (another request sent one a moment ago): the access rolls back, unlogged.
 */
export class CodePaced extends Error {
  override name = 'CodePaced';
}

/** Runs `send`; a CodePaced from it means nothing was sent, which is not an error. */
export async function unlessPaced(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof CodePaced)) throw error;
  }
}

export const wrongCode = (exhausted: boolean) =>
  Invalid('invalid-input', { ko: '확인 코드가 맞지 않습니다', en: 'The code is not right' }, [
    {
      field: 'code',
      message: exhausted
        ? {
            ko: '여러 번 틀려 코드가 무효가 되었습니다. 새 코드를 요청하세요',
            en: 'Too many wrong tries: ask for a new code',
          }
        : {
            ko: '확인 코드가 맞지 않거나 기한이 지났습니다',
            en: 'The code is wrong or has expired',
          },
    },
  ]);

/**
 * Throws wrongCode unless `given` (the keyed hash of what was typed) is the
 * code sent to the owner. The try is counted in the same statement that reads
 * the code, which it returns only while unexpired and with tries left, so
 * guesses sent all at once are counted as surely as guesses sent one by one;
 * the try that uses up the last one says so.
 */
export async function checkSentCode(
  db: Kysely<Database>,
  where: CodeRows,
  ownerId: string,
  given: Buffer,
  options: { attempts: number; now: Date },
): Promise<void> {
  const { rows } = await sql<TriedCode>`
    update ${sql.table(where.table)} set failed_attempts = failed_attempts + 1
    where ${sql.ref(where.owner)} = ${ownerId}
      and code_expires_at > ${options.now} and failed_attempts < ${options.attempts}
    returning code_hash, failed_attempts`.execute(db);
  const tried = rows[0];
  if (!tried) throw wrongCode(false);
  if (timingSafeEqual(Buffer.from(tried.code_hash), given)) return;
  throw wrongCode(tried.failed_attempts >= options.attempts);
}
