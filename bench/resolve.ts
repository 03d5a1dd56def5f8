/**
 * Resolver benchmark: resolutions per second over a mix of acts — every case of the catalogue
 * (scenarios/interwar/cases.yaml), each resolved on its own day's world — as the lean answer the CLI
 * and HTTP API give by default (universal treaties summarised, no explanation: `resolveLean`), as the
 * full answer without the explanation, and as the full answer with it; settles per second of Munich's compiled chains (the
 * simulator's inner step, timed in batches of 1,000, since one call is below the timer's
 * resolution); and the time for the whole decade's atlas — every ordered pair of states resolved on
 * every day on which the world changes. Medians of repeated runs; figures only, never a test.
 * Run alone: `node --import tsx bench/resolve.ts [--json]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { atlasOf } from '../src/law/atlas.js';
import { caseQuery, parseCatalogue } from '../src/law/catalogue.js';
import { chainsFor, settle } from '../src/law/chains.js';
import { universalTreatiesOf } from '../src/law/lean.js';
import { resolveLean } from '../src/law/lean-resolve.js';
import { resolve } from '../src/law/resolve.js';
import type { Act, Assumptions } from '../src/law/types.js';
import { loadBuiltInScenario, loadScenarioFile } from '../src/model/load.js';
import type { Scenario } from '../src/model/schema.js';
import { changeDays } from '../src/world/changes.js';
import { worldAt, type World } from '../src/world/world.js';

const CASES = fileURLToPath(new URL('../scenarios/interwar/cases.yaml', import.meta.url));
const SETTLE_BATCH = 1000;
const MUNICH = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
const FIXTURE = fileURLToPath(new URL('../test/fixtures/mini.yaml', import.meta.url));

function scenario(): { scenario: Scenario; name: string } {
  try {
    return { scenario: loadBuiltInScenario(), name: 'interwar' };
  } catch (error) {
    process.stderr.write(`bench resolve: built-in scenario unusable (${(error as Error).message.split('\n')[0]}); using the test fixture\n`);
    return { scenario: loadScenarioFile(FIXTURE), name: 'mini fixture' };
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Seconds for the atlas of every change day, world projection included. */
function decadeAtlas(s: Scenario, days: readonly string[]): { seconds: number; pairs: number } {
  const started = performance.now();
  let pairs = 0;
  for (const day of days) {
    const world = worldAt(s, day);
    atlasOf(world);
    pairs += world.states.length * (world.states.length - 1);
  }
  return { seconds: (performance.now() - started) / 1000, pairs };
}

/** The catalogue's acts with their worlds, or Munich alone on a scenario without the catalogue. */
function mix(s: Scenario, name: string): { world: World; act: Act; assumptions: Assumptions }[] {
  if (name !== 'interwar') return [{ world: worldAt(s, MUNICH.date), act: MUNICH, assumptions: {} }];
  return parseCatalogue(readFileSync(CASES, 'utf8'), 'cases.yaml').map((c) => {
    const { act, assumptions } = caseQuery(c);
    return { world: worldAt(s, act.date), act, assumptions };
  });
}

/** Runs the resolver benchmark; returns figures keyed by name. */
export async function benchResolve(): Promise<Record<string, number>> {
  const { scenario: s, name } = scenario();
  const acts = mix(s, name);
  const world = worldAt(s, MUNICH.date);
  const chains = chainsFor(world, MUNICH);
  const honours = new Uint8Array(chains.states.length).fill(1);
  const acting = new Uint8Array(chains.states.length);
  const bench = new Bench({ time: 1500, warmup: true });
  const universal = universalTreatiesOf(s);
  bench.add('resolve', () => {
    for (const { world: w, act, assumptions } of acts) resolveLean(w, act, assumptions, universal);
  });
  bench.add('resolve full', () => {
    for (const { world: w, act, assumptions } of acts) resolve(w, act, assumptions, { explain: false });
  });
  bench.add('resolve explained', () => {
    for (const { world: w, act, assumptions } of acts) resolve(w, act, assumptions);
  });
  const flip = chains.obliged[0] ?? 0;
  bench.add('settle', () => {
    for (let i = 0; i < SETTLE_BATCH; i++) {
      honours[flip] = honours[flip] ? 0 : 1; // alternate decisions, as a Monte Carlo does
      settle(chains, honours, acting);
    }
  });
  await bench.run();
  const perSecond = (task: string, per: number) => {
    const result = bench.getTask(task)?.result;
    if (!result || !('latency' in result)) throw new Error(`bench task ${task} did not run`);
    return (1000 / result.latency.p50) * per;
  };
  process.stderr.write(`bench resolve: a mix of ${acts.length} acts on ${name}\n`);

  const days = changeDays(s);
  process.stderr.write(`bench resolve: decade atlas over ${days.length} change days\n`);
  decadeAtlas(s, days.slice(0, 5)); // warm the JIT
  const runs = [decadeAtlas(s, days), decadeAtlas(s, days), decadeAtlas(s, days)];
  const seconds = median(runs.map((r) => r.seconds));
  return {
    'resolve.perSecond': Math.round(perSecond('resolve', acts.length)),
    'resolve.perSecondFull': Math.round(perSecond('resolve full', acts.length)),
    'resolve.perSecondExplained': Math.round(perSecond('resolve explained', acts.length)),
    'resolve.settlesPerSecond': Math.round(perSecond('settle', SETTLE_BATCH)),
    'atlas.decadeSeconds': Math.round(seconds * 100) / 100,
    'atlas.days': days.length,
    'atlas.pairsPerSecond': Math.round(runs[0]!.pairs / seconds),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchResolve();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value.toLocaleString('en-US')}\n`);
}
