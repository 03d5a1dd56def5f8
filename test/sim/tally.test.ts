/** A tally's memory is bounded whatever the number of distinct coalitions, and loses no per-state figure. */
import { describe, expect, it } from 'vitest';
import type { Kernel } from '../../src/sim/kernel.js';
import { COALITIONS_KEPT, mergeTallies, runRange } from '../../src/sim/tally.js';
import { thresholdOf } from '../../src/sim/random.js';

const n = 24;
const kernel: Kernel = {
  n,
  attackerSide: new Uint8Array(n),
  weights: new Float64Array(n).fill(0.01),
  reachNeeds: new Int32Array(n),
  fallbackWeights: new Float64Array(n).fill(0.01),
  thresholds: new Float64Array(n).fill(thresholdOf(0.5)),
  slots: Int32Array.from({ length: n }, (_, i) => i),
  draws: n,
  rules: { unconditional: 2 ** n - 1, owner: new Int32Array(0), start: Int32Array.of(0), clauses: new Int32Array(0) },
  findingThreshold: 0,
  findingSlot: -1,
  attackerBase: 0.2,
  defenderBase: 0.05,
  deterrenceRatio: 1,
};

describe('tally', () => {
  it('keeps at most COALITIONS_KEPT coalitions and counts the other samples', () => {
    const chunks = [runRange(kernel, 1, 0, 20_000), runRange(kernel, 1, 20_000, 40_000)];
    const tally = mergeTallies(n, chunks);
    expect(tally.coalitions.length).toBeLessThanOrEqual(COALITIONS_KEPT);
    expect(tally.otherSamples).toBeGreaterThan(0);
    expect(tally.coalitions.reduce((s, [, c]) => s + c, 0) + tally.otherSamples).toBe(40_000);
    // No chains: a state fights exactly when it honours, counted in full whatever was dropped.
    expect(tally.fights).toEqual(tally.honours);
    expect(mergeTallies(n, [...chunks].reverse())).toEqual(tally);
  });
});
