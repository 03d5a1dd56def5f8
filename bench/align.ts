/**
 * Landscape-search benchmark: seconds for the exact two-coalition search at n = 17, 24 and 30
 * (2^16, 2^23 and 2^29 configurations) on seeded random landscapes, runner-up descents included.
 * Medians of three runs (one at n = 30); figures only, never a test.
 * Run alone: `node --import tsx bench/align.ts [--json]`.
 */
import { fileURLToPath } from 'node:url';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { searchLandscape, type LandscapeInput } from '../src/align/landscape.js';

/** A random landscape of n states: sizes in (0, 1], propensities in [-1, 1]; seeded. */
function landscape(n: number, seed: number): LandscapeInput {
  const rng = xoroshiro128plus(seed);
  const draw = () => uniformInt(rng, 1, 1000) / 1000;
  const ids = Array.from({ length: n }, (_, i) => `S${i}`);
  const propensity = ids.map(() => ids.map(() => 0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) propensity[i]![j] = propensity[j]![i] = draw() * 2 - 1;
  return { ids, sizes: ids.map(draw), propensity };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the alignment benchmark; returns figures keyed by name. */
export async function benchAlign(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const n of [17, 24, 30]) {
    const runs = n === 30 ? 1 : 3;
    const seconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      const input = landscape(n, 1000 + r);
      const started = performance.now();
      const result = searchLandscape(input);
      seconds.push((performance.now() - started) / 1000);
      if (result.method !== 'exact') throw new Error(`n = ${n} was not searched exactly`);
    }
    figures[`align.exactSeconds.n${n}`] = Math.round(median(seconds) * 1000) / 1000;
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchAlign();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value.toLocaleString('en-US')}\n`);
}
