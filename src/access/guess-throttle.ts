import { isIPv6 } from 'node:net';
import { type Clock, seoulDateTime } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';

/**
 * Wrong guesses counted per client address in fixed windows, for what a
 * per-account count cannot hold back: a code that is not tied to an account
 * (a guardian's confirmation code is looked up among every pending request,
 * so anyone could try codes until one opened some child's account), and
 * passwords tried across many login IDs, a few each, which never lock any one
 * of them (안전성 확보조치 기준 제6조: 불법적인 접근 방지).
 *
 * Counted in this node's memory and never stored: no address is written
 * anywhere, and a restart or another node starts from zero, which still leaves
 * a ten-digit code out of reach within its seven days.
 */
export interface GuessThrottle {
  /** The guesses of one client address. */
  from(address: string | undefined): Guesses;
}

export interface Guesses {
  /**
   * Counts a guess before it is checked, so that guesses sent all at once are
   * counted too; throws TooManyGuesses once this source has used them up.
   */
  take(): void;
  /** The guess was right: it does not count against the source. */
  giveBack(): void;
}

/** What a source guesses at, and so what its refusal says and on which field. */
export type GuessKind = 'code' | 'sign_in';

const refusals: Record<
  GuessKind,
  {
    type: string;
    field: string;
    title: { ko: string; en: string };
    message: (at: string) => { ko: string; en: string };
  }
> = {
  code: {
    type: 'too-many-wrong-codes',
    field: 'code',
    title: { ko: '틀린 코드가 너무 많이 입력되었습니다', en: 'Too many wrong codes were entered' },
    message: (at) => ({
      ko: `이 네트워크에서 틀린 코드가 너무 많이 입력되었습니다. ${at} 이후에 다시 입력하십시오`,
      en: `Too many wrong codes came from this network. Try again after ${at}`,
    }),
  },
  sign_in: {
    type: 'too-many-failed-sign-ins',
    field: 'password',
    title: { ko: '로그인 실패가 너무 많습니다', en: 'Too many failed sign-ins' },
    message: (at) => ({
      ko: `이 네트워크에서 로그인 실패가 너무 많습니다. ${at} 이후에 다시 시도하십시오`,
      en: `Too many failed sign-ins came from this network. Try again after ${at}`,
    }),
  },
};

export class TooManyGuesses extends DomainError {
  override name = 'TooManyGuesses';
  constructor(
    readonly retryAt: Date,
    kind: GuessKind = 'code',
  ) {
    const refusal = refusals[kind];
    super('too_many', refusal.type, refusal.title, {
      fields: [{ field: refusal.field, message: refusal.message(seoulDateTime(retryAt)) }],
      retryAt,
    });
  }
}

/** Every IPv6 address of one host shares a /64, so the host is counted once, not per address. */
export function guessSource(address: string | undefined): string {
  if (!address) return 'unknown';
  // An IPv4 client seen through an IPv6 socket is the same client.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) =>
    g.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

export function guessThrottle(options: {
  clock: Clock;
  /** Wrong guesses a source may make in one window. */
  limit: number;
  windowMs: number;
  /** Sources remembered at once; the oldest windows go first beyond it. */
  maxSources?: number;
  /** What is guessed at; the refusal says so. */
  kind?: GuessKind;
}): GuessThrottle {
  const maxSources = options.maxSources ?? 100_000;
  const windows = new Map<string, { start: number; guesses: number }>();
  const current = (source: string, now: number) => {
    const window = windows.get(source);
    return window && now - window.start < options.windowMs ? window : undefined;
  };
  return {
    from(address) {
      const source = guessSource(address);
      return {
        take() {
          const now = options.clock.now().getTime();
          const window = current(source, now);
          if (window && window.guesses >= options.limit) {
            throw new TooManyGuesses(new Date(window.start + options.windowMs), options.kind);
          }
          if (window) {
            window.guesses += 1;
            return;
          }
          windows.delete(source);
          windows.set(source, { start: now, guesses: 1 });
          // Map keeps insertion order, so the first entries are the oldest windows.
          for (const [oldest] of windows) {
            if (windows.size <= maxSources) break;
            windows.delete(oldest);
          }
        },
        giveBack() {
          const window = current(source, options.clock.now().getTime());
          if (window && window.guesses > 0) window.guesses -= 1;
        },
      };
    },
  };
}
