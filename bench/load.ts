/**
 * A bounded load test of the resolve endpoint: starts `casus serve` on 127.0.0.1 (a separate
 * process, so client and server each get a core), sends Munich (GMY → CZE, 1938-09-28) from N
 * concurrent keep-alive clients for S seconds, then prints requests per second and latency
 * percentiles. Loopback only; stops by itself.
 *
 *   node --import tsx bench/load.ts [--seconds 10] [--connections 16] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { load as loadFor, startServer } from './http-load.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' }, json: { type: 'boolean', default: false } } });
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const load = (url: string, body: string | undefined, label: string) => loadFor(url, body, label, seconds, connections);

const dir = mkdtempSync(join(tmpdir(), 'casus-load-'));
const server = await startServer(join(dir, 'load.db'));
try {
  const url = `${server.url}api/scenarios/interwar/resolve`;
  const munich = JSON.stringify({ attackers: ['GMY'], target: 'CZE', date: '1938-09-28' });
  // Warm-up: JIT and the scenario's caches.
  for (let i = 0; i < 50; i++) await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: munich })).arrayBuffer();
  const resolve = await load(url, munich, 'resolve GMY→CZE 1938-09-28 (lean)');
  const full = await load(`${url}?explain=1&all=1`, munich, 'resolve, full answer (?explain=1&all=1)');
  const health = await load(`${server.url}api/health`, undefined, 'GET /api/health');
  const bad = await load(url, '{"attackers":', 'malformed JSON (400)');
  const result = { connections, seconds, resolve, resolveFull: full, health, malformed: bad };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const r of [resolve, full, health, bad]) {
      process.stdout.write(`${r.label}: ${r.requests} requests in ${r.seconds} s over ${connections} connections — ${r.perSecond} req/s, p50 ${r.p50ms} ms, p99 ${r.p99ms} ms, max ${r.maxMs} ms; statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}\n`);
    }
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
