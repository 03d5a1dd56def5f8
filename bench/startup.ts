/**
 * Start-up: median wall time of `node bin/casus.mjs world --at 1938-09-28 --json` over that of
 * `node -e 0`, alternating the two so that load from other processes hits both alike. Builds dist/
 * first (as `npm ci` does) and warms the scenario cache with one run, which is not counted.
 * Run alone: `node --import tsx bench/startup.ts`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function seconds(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CASUS_FROM_SOURCE: '' } });
  return (performance.now() - started) / 1000;
}

export async function benchStartup(): Promise<Record<string, number>> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  const world = ['bin/casus.mjs', 'world', '--at', '1938-09-28', '--json'];
  seconds(world);
  const bare: number[] = [];
  const casus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(seconds(['-e', '0']));
    casus.push(seconds(world));
  }
  return {
    'startup.nodeSeconds': Math.round(median(bare) * 1000) / 1000,
    'startup.worldSeconds': Math.round(median(casus) * 1000) / 1000,
    'startup.ratio': Math.round((median(casus) / median(bare)) * 100) / 100,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(`${JSON.stringify(await benchStartup())}\n`);
