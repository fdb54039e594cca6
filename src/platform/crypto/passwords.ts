import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { L10n } from '../i18n.ts';
import { isCommonPassword } from './common-passwords.ts';

/**
 * argon2id at OWASP's first recommended setting (m=19 MiB, t=2, p=1), which
 * takes about 60 ms per hash on this project's 2-core machine: slow enough to
 * make guessing a stolen hash expensive, fast enough for a sign-in.
 * @node-rs/argon2 defaults to argon2id; the parameters are spelled out so that
 * a change of library default cannot silently weaken new hashes.
 */
export const PASSWORD_HASH = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH);
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when a hash was made with weaker parameters than today's: rehash it at the next sign-in. */
export function passwordNeedsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.memoryCost < PASSWORD_HASH.memoryCost ||
      used.timeCost < PASSWORD_HASH.timeCost ||
      !stored.startsWith('$argon2id$')
    );
  } catch {
    return true;
  }
}

const MAX_LENGTH = 128;
/** Runs this long of consecutive or keyboard-adjacent characters make a password guessable. */
const SEQUENCE_RUN = 5;
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const messages = {
  tooShort: {
    ko: '비밀번호는 10자 이상(영문·숫자·특수문자 중 2종류) 또는 8자 이상(3종류 모두)이어야 합니다',
    en: 'A password needs at least 10 characters of 2 kinds, or 8 characters of all 3 kinds (letters, digits, symbols)',
  },
  tooLong: {
    ko: `비밀번호는 ${MAX_LENGTH}자를 넘을 수 없습니다`,
    en: `A password can have at most ${MAX_LENGTH} characters`,
  },
  sameCharacter: {
    ko: '한 문자만 반복한 비밀번호는 쓸 수 없습니다',
    en: 'A password cannot repeat a single character',
  },
  sequence: {
    ko: '연속된 문자나 키보드 배열(12345, abcde, qwert 등)을 포함한 비밀번호는 쓸 수 없습니다',
    en: 'A password cannot contain a run like 12345, abcde or qwert',
  },
  containsLoginId: {
    ko: '비밀번호에 아이디를 포함할 수 없습니다',
    en: 'A password cannot contain the login ID',
  },
  containsName: {
    ko: '비밀번호에 이름을 포함할 수 없습니다',
    en: 'A password cannot contain your name',
  },
  common: {
    ko: '널리 알려졌거나 유출된 비밀번호입니다. 다른 비밀번호를 쓰세요',
    en: 'This password is widely known or has been leaked; choose another',
  },
} satisfies Record<string, L10n>;

/**
 * What is wrong with a new password under LEGAL.md's rule (10 characters of 2
 * kinds or 8 of 3; no trivial or known-breached ones); empty when it is fine.
 */
export function passwordProblems(
  password: string,
  context: { loginId?: string; name?: string } = {},
): L10n[] {
  const problems: L10n[] = [];
  const length = [...password].length;
  const kinds =
    Number(/\p{L}/u.test(password)) +
    Number(/\p{N}/u.test(password)) +
    Number(/[^\p{L}\p{N}\s]/u.test(password));
  if (!(length >= 10 && kinds >= 2) && !(length >= 8 && kinds >= 3))
    problems.push(messages.tooShort);
  if (length > MAX_LENGTH) problems.push(messages.tooLong);
  const lower = password.toLowerCase();
  if (length > 0 && new Set(lower).size === 1) problems.push(messages.sameCharacter);
  else if (hasSequence(lower)) problems.push(messages.sequence);
  if (contains(lower, context.loginId)) problems.push(messages.containsLoginId);
  if (contains(lower, context.name)) problems.push(messages.containsName);
  if (isCommonPassword(lower)) problems.push(messages.common);
  return problems;
}

function contains(password: string, part: string | undefined): boolean {
  const needle = part?.toLowerCase().replace(/\s/g, '');
  return needle !== undefined && [...needle].length >= 3 && password.includes(needle);
}

function hasSequence(password: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < password.length; i++) {
    const step = password.charCodeAt(i) - password.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= SEQUENCE_RUN || down >= SEQUENCE_RUN) return true;
  }
  for (let i = 0; i + SEQUENCE_RUN <= password.length; i++) {
    const run = password.slice(i, i + SEQUENCE_RUN);
    const reversed = [...run].reverse().join('');
    if (KEYBOARD_ROWS.some((row) => row.includes(run) || row.includes(reversed))) return true;
  }
  return false;
}
