/**
 * Simulator benchmark: samples per second on one and two threads for Munich (GMY attacks CZE on
 * 1938-09-28), and the kernel ratio: the cost of a bare kernel that only draws a sample's random
 * numbers and sums capabilities, divided by the cost of a real sample (1.0 is the limit).
 * Uses the built-in scenario, or the test fixture while the built-in one cannot be loaded.
 * Run alone: `node --import tsx bench/simulate.ts [--json]`.
 */
import { fileURLToPath } from 'node:url';
import { loadBuiltInScenario, loadScenarioFile } from '../src/model/load.js';
import type { Scenario } from '../src/model/schema.js';
import { bareRange, runRange } from '../src/sim/tally.js';
import { createPool } from '../src/sim/parallel.js';
import { runSimulation } from '../src/sim/run.js';
import { prepareAct, type PreparedAct } from '../src/sim/simulate.js';

const MUNICH = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
const FIXTURE = fileURLToPath(new URL('../test/fixtures/sim-europe.yaml', import.meta.url));

function munich(): { prepared: PreparedAct; scenario: string } {
  let scenario: Scenario;
  let name = 'interwar';
  try {
    scenario = loadBuiltInScenario();
    return { prepared: prepareAct({ scenario, act: MUNICH }), scenario: name };
  } catch (error) {
    process.stderr.write(`bench simulate: built-in scenario unusable (${(error as Error).message.split('\n')[0]}); using the test fixture\n`);
    name = 'sim-europe fixture';
    scenario = loadScenarioFile(FIXTURE);
    return { prepared: prepareAct({ scenario, act: MUNICH }), scenario: name };
  }
}

const best = (times: number[]) => Math.min(...times);

async function samplesPerSecond(prepared: PreparedAct, threads: number, runs: number): Promise<number> {
  const pool = threads > 1 ? createPool(threads) : undefined;
  try {
    await runSimulation(prepared, 1 << 18, 7, { threads, pool }); // warm the JIT and start the workers
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await runSimulation(prepared, runs, i + 1, { threads, pool });
      times.push((performance.now() - started) / 1000);
    }
    return runs / best(times);
  } finally {
    await pool?.destroy();
  }
}

function kernelRatio(prepared: PreparedAct, runs: number): number {
  const k = prepared.compiled.kernel;
  const time = (f: () => void) => {
    const started = performance.now();
    f();
    return performance.now() - started;
  };
  bareRange(k, 9, 0, runs / 4);
  runRange(k, 9, 0, runs / 4);
  const bare: number[] = [];
  const real: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push(time(() => bareRange(k, i, 0, runs)));
    real.push(time(() => runRange(k, i, 0, runs)));
  }
  return best(bare) / best(real);
}

/** Runs the simulator benchmark; returns figures keyed by name. */
export async function benchSimulate(): Promise<Record<string, number>> {
  const { prepared, scenario } = munich();
  process.stderr.write(`bench simulate: Munich on ${scenario}, ${prepared.compiled.kernel.n} deciding states\n`);
  return {
    'simulate.samplesPerSecond.threads1': Math.round(await samplesPerSecond(prepared, 1, 4_000_000)),
    'simulate.samplesPerSecond.threads2': Math.round(await samplesPerSecond(prepared, 2, 8_000_000)),
    'simulate.kernelRatio': Math.round(kernelRatio(prepared, 1_000_000) * 1000) / 1000,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchSimulate();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name}: ${value.toLocaleString('en-US')}\n`);
}
