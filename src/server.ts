import { type ServerType, serve } from '@hono/node-server';
import type { Config } from './platform/config.ts';
import { startJobs } from './platform/jobs.ts';
import type { Logger } from './platform/log.ts';
import { openSystem, type System } from './system.ts';

/**
 * Serves Jikim until SIGINT or SIGTERM, then stops taking requests and closes
 * the database; an unclosed PGlite would keep the process alive.
 */
export async function startServer(
  config: Config,
  log: Logger,
): Promise<{ system: System; server: ServerType }> {
  const system = await openSystem({ config, log });
  const jobs = startJobs(system.jobs, log);
  const server = serve({ fetch: system.app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  log.info(
    {
      port: config.port,
      engine: system.handle.engine,
      dataDir: system.handle.engine === 'pglite' ? config.dataDir : undefined,
    },
    `Jikim serves http://localhost:${config.port}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    // Keep-alive connections would hold server.close() open; end them.
    if ('closeAllConnections' in server) server.closeAllConnections();
    await jobs.stop();
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return { system, server };
}
