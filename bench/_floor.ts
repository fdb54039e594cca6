// The machine's floor for a /me view, measured in the same run as Jikim: a bare node:http server
// that makes the same two round trips a view makes (the session, then the member's row, both on
// prepared statements) and sends a page of /me's size, with nothing of Jikim in between. How fast
// this host is changes from minute to minute; the floor says how fast it was during the run.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface FloorServer {
  pid: number;
  port: number;
  stop(): void;
}

/** Serves the floor from its own process, as Jikim's server runs in its own. */
export async function startFloor(databaseUrl: string, pageBytes: number): Promise<FloorServer> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', databaseUrl, String(pageBytes)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('exit', () => reject(new Error('floor server ended before it served')));
  });
  return { pid: child.pid ?? 0, port, stop: () => child.kill() };
}

async function serve(databaseUrl: string, pageBytes: number): Promise<void> {
  // Pool as Jikim's: ten connections, kept while idle.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0 });
  const { rows } = await pool.query<{ id: string; member_id: string }>(
    'select id, member_id from app.member_sessions limit 1',
  );
  const session = rows[0];
  if (!session) throw new Error('the floor needs a signed-in member');
  const page = 'x'.repeat(pageBytes);
  const server = http.createServer(async (_, res) => {
    const live = await pool.query({
      name: 'floor_session',
      text: 'select * from app.member_sessions where id = $1 and expires_at > now()',
      values: [session.id],
    });
    await pool.query({
      name: 'floor_member',
      text: 'select * from app.members where id = $1',
      values: [live.rows[0]?.member_id],
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3] ?? '', Number(process.argv[4] ?? 10_000));
}
