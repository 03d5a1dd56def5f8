/**
 * How fast /api/health answers while a worker grinds: starts a server on 127.0.0.1 over a
 * synthetic scenario whose atlas takes about a minute, asks for the atlas (stopped at the
 * request budget), polls health meanwhile, and prints one JSON object of figures.
 *   node --import tsx bench/health.ts [--seconds 4]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../src/model/parse.js';
import { startServer } from '../src/server/serve.js';
import { tangledScenario } from '../test/server/support/chained.js';

const at = process.argv.indexOf('--seconds');
const seconds = at > 0 ? Number(process.argv[at + 1]) : 4;
if (!(seconds > 0 && seconds <= 20)) throw new Error('--seconds must be a number in (0, 20]');
const dir = mkdtempSync(join(tmpdir(), 'casus-health-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db: join(dir, 'bench.db'),
  scenario: parseScenario(tangledScenario(250), 'tangled.json'),
  limits: { requestBudgetMs: seconds * 1000, scenario: { actors: 400, chainLength: 400 } },
});
try {
  const atlas = fetch(`${server.url}api/scenarios/tangled/atlas?at=1935-01-01`).then((r) => r.status);
  const times: number[] = [];
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    const start = performance.now();
    await (await fetch(`${server.url}api/health`)).json();
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  times.sort((a, b) => a - b);
  const ms = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 10) / 10;
  console.log(JSON.stringify({ atlasStatus: await atlas, budgetSeconds: seconds, healthPolls: times.length, healthMedianMs: ms(0.5), healthP99Ms: ms(0.99), healthMaxMs: ms(1) }));
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
