#!/usr/bin/env node
// The jikim command. Runs the server from one bundled file, rebuilt from src/
// whenever a source is newer, so no separate build step stands between
// `npm ci` and `npm start`.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './bundle.js';

process.setSourceMapsEnabled(true);
await import(pathToFileURL(await ensureBundle()).href);
