import { timingSafeEqual } from 'node:crypto';
import { Invalid } from '../platform/errors.ts';

/** A code sent to a contact on record, as its row keeps it: a keyed hash, an end, a count of misses. */
export interface SentCode {
  code_hash: Buffer;
  code_expires_at: Date;
  failed_attempts: number;
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
