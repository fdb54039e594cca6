import type { Hono } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createStaffAccount } from '../accounts.ts';
import type { Role } from '../roles.ts';

/** Addresses tests sign in from: one in the default hospital ranges, one outside them. */
export const insideAddress = '10.20.30.40';
export const outsideAddress = '203.0.113.7';
export const origin = 'http://localhost';

type App = Pick<Hono, 'request'>;

/**
 * A browser in miniature for tests: keeps the session cookie, sends forms
 * from our own origin, and connects from a chosen address (handed to the app
 * as @hono/node-server's connection info).
 */
export class StaffClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: App,
    public address: string = insideAddress,
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = { origin },
  ): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  async postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  async signIn(loginId: string, password: string): Promise<Response> {
    return this.post('/staff/login', { loginId, password });
  }

  async send(path: string, init: RequestInit & { headers: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = { ...init.headers, ...(cookie ? { cookie } : {}) };
    const env = { incoming: { socket: { remoteAddress: this.address } } };
    const response = await this.app.request(path, { ...init, headers }, env);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }
}

let counter = 0;

/** A staff account with a known password and, optionally, a role; made as the CLI would. */
export async function makeStaff(
  deps: { db: Db; clock: Clock },
  options: { role?: Role; loginId?: string; password?: string } = {},
) {
  counter += 1;
  const loginId = options.loginId ?? `staff${counter}${Math.random().toString(36).slice(2, 6)}`;
  const password = options.password ?? 'Correct-Horse-91';
  const { account } = await createStaffAccount(
    deps,
    {
      loginId,
      displayName: `Test ${counter}`,
      department: 'Test',
      password,
      ...(options.role ? { role: options.role } : {}),
    },
    { channel: 'cli' },
  );
  return { id: account.id, loginId, password };
}
