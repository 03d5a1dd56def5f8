/**
 * A bounded load test of the resolve endpoint: starts `casus serve` on 127.0.0.1 (a separate
 * process, so client and server each get a core), sends Munich (GMY → CZE, 1938-09-28) from N
 * concurrent keep-alive clients for S seconds, then prints requests per second and latency
 * percentiles. Loopback only; stops by itself.
 *
 *   node --import tsx bench/load.ts [--seconds 10] [--connections 16] [--json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' }, json: { type: 'boolean', default: false } } });
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));

/** Latency percentile in ms from sorted samples. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/casus.mjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /casus explorer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function load(url: string, body: string, label: string) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    seconds: Number(elapsed.toFixed(2)),
    perSecond: Math.round(latencies.length / elapsed),
    p50ms: Number(percentile(latencies, 50).toFixed(2)),
    p99ms: Number(percentile(latencies, 99).toFixed(2)),
    maxMs: Number((latencies.at(-1) ?? NaN).toFixed(2)),
    statuses: Object.fromEntries(statuses),
    errors,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'casus-load-'));
const server = await startServer(join(dir, 'load.db'));
try {
  const url = `${server.url}api/scenarios/interwar/resolve`;
  const munich = JSON.stringify({ attackers: ['GMY'], target: 'CZE', date: '1938-09-28' });
  // Warm-up: JIT and the scenario's caches.
  for (let i = 0; i < 50; i++) await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: munich })).arrayBuffer();
  const resolve = await load(url, munich, 'resolve GMY→CZE 1938-09-28');
  const lean = await load(url, JSON.stringify({ ...JSON.parse(munich), explain: false }), 'resolve, explain: false');
  const bad = await load(url, '{"attackers":', 'malformed JSON (400)');
  const result = { connections, seconds, resolve, resolveWithoutExplanation: lean, malformed: bad };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const r of [resolve, lean, bad]) {
      process.stdout.write(`${r.label}: ${r.requests} requests in ${r.seconds} s over ${connections} connections — ${r.perSecond} req/s, p50 ${r.p50ms} ms, p99 ${r.p99ms} ms, max ${r.maxMs} ms; statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}\n`);
    }
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
