import pg from 'pg';
import type { Logger } from '../log.ts';
import { KEY_DESTROYED_CHANNEL, type SubjectKeys } from './subject-keys.ts';

const RECONNECT_MS = 1_000;

/**
 * Listens, on a connection of its own, for data keys destroyed by any app node
 * and forgets them here at once: a shredded subject must not stay readable on
 * another node for as long as its cache would keep the key. While the listening
 * connection is down, nothing is cached (a destruction could pass unheard).
 */
export async function listenForDestroyedKeys(deps: {
  connectionString: string;
  keys: SubjectKeys;
  log: Logger;
  /** Called after a key was forgotten; for tests. */
  onForget?: (subjectId: string) => void;
}): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | undefined;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = () => {
    if (closing) return;
    deps.keys.setCaching(false);
    client?.removeAllListeners();
    client?.end().catch(() => undefined);
    client = undefined;
    deps.log.warn('key destruction listener lost its connection; key cache off until it is back');
    retry = setTimeout(() => void connect().catch(lost), RECONNECT_MS);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: deps.connectionString });
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel !== KEY_DESTROYED_CHANNEL || !message.payload) return;
      deps.keys.forget(message.payload);
      deps.onForget?.(message.payload);
    });
    await next.connect();
    await next.query(`listen ${KEY_DESTROYED_CHANNEL}`);
    client = next;
    deps.keys.setCaching(true);
  }

  deps.keys.setCaching(false);
  await connect();
  return {
    async close() {
      closing = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end();
    },
  };
}
