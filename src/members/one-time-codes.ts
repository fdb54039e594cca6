import { timingSafeEqual } from 'node:crypto';
import { Invalid } from '../platform/errors.ts';

/** A code sent to a contact on record, as its row keeps it: a keyed hash, an end, a count of misses. */
export interface SentCode {
  code_hash: Buffer;
  code_expires_at: Date;
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
 * code sent and still good. A miss is counted through `recordMiss`; the one
 * that reaches `attempts` also ends the code, so a new one must be asked for.
 */
export async function checkSentCode(
  sent: SentCode | undefined,
  given: Buffer,
  options: {
    now: Date;
    attempts: number;
    recordMiss: (change: { failed_attempts: number; code_expires_at?: Date }) => Promise<unknown>;
  },
): Promise<void> {
  if (!sent || sent.code_expires_at.getTime() <= options.now.getTime()) throw wrongCode(false);
  if (timingSafeEqual(Buffer.from(sent.code_hash), given)) return;
  const failed = sent.failed_attempts + 1;
  const exhausted = failed >= options.attempts;
  await options.recordMiss(
    exhausted
      ? { failed_attempts: failed, code_expires_at: options.now }
      : { failed_attempts: failed },
  );
  throw wrongCode(exhausted);
}
