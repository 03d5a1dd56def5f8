/**
 * Golden runs: a handful of whole answers of the built-in scenario, kept as fixtures so that any
 * change to what casus answers shows up in review as a diff. `npm run golden -- --why "…"`
 * regenerates them and records why in test/golden/CHANGES.md; golden.test.ts reruns them in CI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { scenarioHash } from '../../src/server/scenarios.js';

export interface GoldenRun {
  /** File name of the fixture, without `.json`. */
  id: string;
  /** What the run shows, for whoever reads a diff. */
  title: string;
  /** The CLI's arguments; every golden run prints JSON. */
  argv: string[];
}

/** One of each kind of answer, on the crises people ask about most. */
export const GOLDEN_RUNS: readonly GoldenRun[] = [
  { id: 'resolve-munich', title: 'Germany attacks Czechoslovakia on the eve of Munich', argv: ['resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--json'] },
  { id: 'resolve-poland', title: 'Germany attacks Poland', argv: ['resolve', '--at', '1939-09-01', '--attacker', 'GMY', '--target', 'POL', '--json'] },
  { id: 'resolve-abyssinia-finding', title: 'Italy invades Ethiopia and the League finds aggression', argv: ['resolve', '--at', '1935-10-03', '--attacker', 'ITA', '--target', 'ETH', '--theatre', 'ethiopia', '--league-finding', '--json'] },
  { id: 'simulate-munich', title: 'Munich, 20,000 samples, seed 1', argv: ['simulate', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--runs', '20000', '--seed', '1', '--threads', '1', '--json'] },
  { id: 'whatif-poland', title: 'What-if at Poland, 2,000 samples a candidate, seed 1', argv: ['whatif', '--at', '1939-09-01', '--attacker', 'GMY', '--target', 'POL', '--runs', '2000', '--seed', '1', '--threads', '1', '--json'] },
  { id: 'align-1936', title: 'Landscape alignment of Europe, 1 July 1936', argv: ['align', '--at', '1936-07-01', '--json'] },
];

/** A golden run as stored: its inputs, what produced it, and the answer. */
export interface GoldenFixture {
  id: string;
  title: string;
  argv: string[];
  engineVersion: string;
  scenarioHash: string;
  output: unknown;
}

const BIN = fileURLToPath(new URL('../../bin/casus.mjs', import.meta.url));

/** The folder of the fixtures. */
export const GOLDEN_DIR = fileURLToPath(new URL('./runs/', import.meta.url));

/** The engine version and built-in scenario hash that every fixture records. */
export function provenance(): { engineVersion: string; scenarioHash: string } {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return { engineVersion: `casus@${pkg.version}`, scenarioHash: scenarioHash(loadBuiltInScenario()) };
}

/** Runs one golden run through the real CLI; throws with its stderr when it fails. */
export function runGolden(run: GoldenRun): unknown {
  const child = spawnSync(process.execPath, [BIN, ...run.argv], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`golden run ${run.id} exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** The fixture text for a run: stable key order as printed, two-space indent, a final newline. */
export function fixtureText(fixture: GoldenFixture): string {
  return `${JSON.stringify(fixture, null, 2)}\n`;
}
