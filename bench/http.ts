/**
 * HTTP figures: the resolve operation (Munich, lean answer) and `GET /api/health`, each under 32
 * concurrent clients for a few seconds against a `casus serve` child, in the same run, so that their
 * ratio says what resolving costs over the server's floor. A repeated question is answered from the
 * server's remembered answers (src/server/answer-cache.ts); `resolveUncached…` sends
 * `Cache-Control: no-cache`, so that every request is resolved afresh. `http.healthP99Ms` is the floor's
 * own tail (client and server share the machine's cores), and `serverCpuMsPer…` the server process's
 * CPU time per request, all threads, which a busy machine disturbs less than latencies. Run alone: `node --import tsx bench/http.ts [--json]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMsOf, load, startServer, type LoadResult } from './http-load.js';

/** Clients and seconds per load: the goal's 32 clients; four seconds keep the whole bench short. */
export const HTTP_CONNECTIONS = 32;
export const HTTP_SECONDS = 4;

export async function benchHttp(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'casus-http-'));
  const server = await startServer(join(dir, 'bench.db'));
  try {
    const url = `${server.url}api/scenarios/interwar/resolve`;
    const munich = JSON.stringify({ attackers: ['GMY'], target: 'CZE', date: '1938-09-28' });
    for (let i = 0; i < 200; i++) await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: munich })).arrayBuffer();
    // The server's CPU per request (every thread), which a busy machine disturbs far less than latency.
    const measured = async (run: () => Promise<LoadResult>) => {
      const before = cpuMsOf(server.pid);
      const client = process.cpuUsage();
      const result = await run();
      const used = process.cpuUsage(client);
      const per = (ms: number) => Math.round((ms / Math.max(1, result.requests)) * 1000) / 1000;
      return { result, cpuMs: per(cpuMsOf(server.pid) - before), clientCpuMs: per((used.user + used.system) / 1000) };
    };
    const { result: health, cpuMs: healthCpu, clientCpuMs: healthClientCpu } = await measured(() => load(`${server.url}api/health`, undefined, 'health', HTTP_SECONDS, HTTP_CONNECTIONS));
    const { result: resolve, cpuMs: resolveCpu } = await measured(() => load(url, munich, 'resolve', HTTP_SECONDS, HTTP_CONNECTIONS));
    const { result: uncached, cpuMs: uncachedCpu } = await measured(() => load(url, munich, 'resolve, no-cache', HTTP_SECONDS, HTTP_CONNECTIONS, { 'cache-control': 'no-cache' }));
    if (resolve.errors || Object.keys(resolve.statuses).some((s) => s !== '200')) throw new Error(`resolve answered ${JSON.stringify(resolve.statuses)}, ${resolve.errors} errors`);
    return {
      'http.resolvePerSecond': resolve.perSecond,
      'http.resolveP50Ms': resolve.p50ms,
      'http.resolveP99Ms': resolve.p99ms,
      'http.healthPerSecond': health.perSecond,
      'http.healthP99Ms': health.p99ms,
      'http.resolveP99ToHealthP99': Math.round((resolve.p99ms / health.p99ms) * 1000) / 1000,
      'http.serverCpuMsPerHealth': healthCpu,
      'http.clientCpuMsPerHealth': healthClientCpu,
      'http.serverCpuMsPerResolve': resolveCpu,
      'http.serverCpuMsPerResolveUncached': uncachedCpu,
      'http.resolveToHealth': Math.round((resolve.perSecond / health.perSecond) * 1000) / 1000,
      'http.resolveUncachedPerSecond': uncached.perSecond,
      'http.resolveUncachedP99Ms': uncached.p99ms,
      'http.resolveUncachedToHealth': Math.round((uncached.perSecond / health.perSecond) * 1000) / 1000,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchHttp();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
