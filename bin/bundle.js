// Keeps dist/jikim.mjs, the server as one bundled file, up to date with src/
// (and dist/verify-worker.mjs beside it, the thread `jikim audit verify` starts).
// Loading one bundle takes a fraction of the time of compiling hundreds of
// modules at start-up, which is what a restart would otherwise pay.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundlePath = join(root, 'dist', 'jikim.mjs');
const workerPath = join(root, 'dist', 'verify-worker.mjs');

/** Packages with native binaries, WebAssembly or worker files stay outside the bundle. */
const external = ['@electric-sql/pglite', 'pg', 'pg-native', '@node-rs/argon2', 'pino'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function bundleIsFresh() {
  if (!existsSync(bundlePath) || !existsSync(workerPath)) return false;
  const built = statSync(bundlePath).mtimeMs;
  const inputs = Math.max(
    newestSource(join(root, 'src')),
    statSync(join(root, 'package-lock.json')).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
  return built >= inputs;
}

export async function ensureBundle() {
  if (bundleIsFresh()) return bundlePath;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: {
      jikim: join(root, 'src', 'cli.ts'),
      'verify-worker': join(root, 'src', 'platform', 'audit', 'verify-worker.ts'),
    },
    outdir: dirname(bundlePath),
    outExtension: { '.js': '.mjs' },
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __jikimCreateRequire } from 'node:module'; const require = __jikimCreateRequire(import.meta.url);",
    },
  });
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Written beside and renamed into place: two processes starting at once never read half a file.
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  return bundlePath;
}
