// The ceiling for bench/privacy: a bare Hono route serving fixed bytes, in its own process
// like Jikim's, so both servers get the same core and the load generator the other.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [file, port] = process.argv.slice(2);
// Bytes read once, as Jikim serves its cached page: the tightest ceiling for the same bytes.
const page = readFileSync(file ?? '');
const app = new Hono().get('/privacy', (c) =>
  c.body(page, 200, { 'content-type': 'text/html; charset=UTF-8' }),
);
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('ready'));
