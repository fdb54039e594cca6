import { timingSafeEqual } from 'node:crypto';
import { Invalid } from '../platform/errors.ts';

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
 * code sent. `tryCode` counts the try in the database in one statement and
 * returns the code only while it is unexpired and has tries left, so guesses
 * sent all at once are counted as surely as guesses sent one by one; the try
 * that uses up the last one says so.
 */
export async function checkSentCode(
  given: Buffer,
  options: { attempts: number; tryCode: () => Promise<TriedCode | undefined> },
): Promise<void> {
  const tried = await options.tryCode();
  if (!tried) throw wrongCode(false);
  if (timingSafeEqual(Buffer.from(tried.code_hash), given)) return;
  throw wrongCode(tried.failed_attempts >= options.attempts);
}
