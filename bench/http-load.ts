/**
 * Load-test tools shared by `bench/load.ts` and the bench's `http` figures: a `casus serve` child on
 * 127.0.0.1 (its own process, so client and server each get a core) and a fixed-duration load of N
 * concurrent keep-alive clients. Loopback only; everything stops by itself.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Latency percentile in ms from sorted samples. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * CPU time (user + system, every thread) a process has used, in ms, from /proc (Linux; NaN elsewhere).
 * On a shared machine the server's CPU per request holds still when wall-clock figures do not.
 */
export function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Starts `casus serve` on a free port; resolves with its URL, its process id and a stop function. */
export async function startServer(db: string): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
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
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

export interface LoadResult {
  label: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  statuses: Record<string, number>;
  errors: number;
}

/**
 * One request on a keep-alive agent through node:http; resolves with the status once the body is read.
 * Not fetch: undici's fetch cost the client more CPU per request than the server spent answering
 * (1.07 against 0.65 ms for /api/health), and client and server share the machine's cores.
 */
function send(url: URL, agent: Agent, method: string, headers: Record<string, string>, body: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      res.on('data', () => {});
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Sends requests from `connections` clients for `seconds`: POST `body` when given, else GET; with extra `headers`. */
export async function load(url: string, body: string | undefined, label: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const method = body === undefined ? 'GET' : 'POST';
  const allHeaders = body === undefined ? headers : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers };
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const status = await send(target, agent, method, allHeaders, body);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
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
