/**
 * Exact deterrence at forty deciders: seconds and peak resident memory of `deterrence` (src/sim/exact.ts)
 * on a forty-decider act built here — weights spread like the CINC of the 1930s' middle and small powers,
 * a fifth of the deciders on the attacker's side, three conditional chains and one transit need — run in
 * a child process so that its peak memory is its own. Run alone: `node --import tsx bench/deterrence.ts`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deterrence, type DeterrenceProblem } from '../src/sim/exact.js';

/** The bench's forty-decider act: deterministic, built from the decider's index alone. */
export function fortyDeciders(): DeterrenceProblem {
  const n = 40;
  const ids = Array.from({ length: n }, (_, i) => i);
  const chained = new Set([5, 11, 17]);
  return {
    p: ids.map((i) => 0.15 + ((i * 37) % 70) / 100),
    attackerSide: ids.map((i) => (i % 5 === 0 ? 1 : 0)),
    weight: ids.map((i) => 0.001 + ((i * 13) % 29) / 1000),
    fallback: ids.map((i) => (0.001 + ((i * 13) % 29) / 1000) / 4),
    needs: ids.map((i) => (i === 3 ? [4] : [])),
    rules: [
      { p: 0.25, unconditional: ids.filter((i) => !chained.has(i)), obligations: [...chained].map((owner) => ({ owner, clauses: [[owner + 1, owner + 2]] })) },
      { p: 0.75, unconditional: ids.filter((i) => !chained.has(i) && i % 9 !== 1), obligations: [{ owner: 5, clauses: [[6]] }] },
    ],
    attackerBase: 0.18,
    defenderBase: 0.02,
    ratio: 1,
  };
}

export async function benchDeterrence(): Promise<Record<string, number>> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, number>;
}

if (process.argv.includes('--child')) {
  const problem = fortyDeciders();
  const started = performance.now();
  const answer = deterrence(problem, 5);
  const seconds = (performance.now() - started) / 1000;
  if (answer.method !== 'exact') throw new Error('forty deciders were not solved exactly');
  process.stdout.write(`${JSON.stringify({ 'deterrence.exactSeconds.d40': Math.round(seconds * 1000) / 1000, 'deterrence.peakRssMb.d40': Math.round(process.resourceUsage().maxRSS / 1024), 'deterrence.p.d40': Math.round(answer.p * 1e6) / 1e6 })}\n`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchDeterrence())}\n`);
}
