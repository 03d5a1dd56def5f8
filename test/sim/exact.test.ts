/**
 * Exact deterrence (meet-in-the-middle over independent deciders, enumeration of coupled ones) against
 * brute-force enumeration of every decision, on random acts with chains, transit needs and a drawn
 * League finding; and at forty deciders, within its time and with the best coalitions named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampledDeterrence } from '../../src/sim/deterrence-problem.js';
import { deterrence, type DeterrenceProblem } from '../../src/sim/exact.js';
import { problemOfKernel } from '../../src/sim/kernel-problem.js';
import { balanceRatio, exactDeterrence, settle, type Kernel, type Rules } from '../../src/sim/kernel.js';
import { thresholdOf } from '../../src/sim/random.js';

const rulesArb = (n: number) =>
  fc.record({
    unconditional: fc.integer({ min: 0, max: 2 ** n - 1 }),
    obligations: fc.array(fc.record({ owner: fc.integer({ min: 0, max: n - 1 }), clauses: fc.array(fc.integer({ min: 1, max: 2 ** n - 1 }), { minLength: 1, maxLength: 2 }) }), { maxLength: 3 }),
  }).map(({ unconditional, obligations }): Rules => {
    const start = [0];
    const clauses: number[] = [];
    for (const o of obligations) {
      clauses.push(...o.clauses);
      start.push(clauses.length);
    }
    return { unconditional, owner: Int32Array.from(obligations.map((o) => o.owner)), start: Int32Array.from(start), clauses: Int32Array.from(clauses) };
  });

const kernelArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    p: fc.array(fc.constantFrom(0, 0.1, 0.35, 0.5, 0.8, 1), { minLength: n, maxLength: n }),
    side: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    weights: fc.array(fc.double({ min: 0.001, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }),
    needs: fc.array(fc.integer({ min: 0, max: 2 ** n - 1 }), { minLength: n, maxLength: n }),
    rules: rulesArb(n),
    noFinding: fc.option(rulesArb(n), { nil: undefined }),
    attackerBase: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    defenderBase: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
  }).map((x): Kernel => ({
    n: x.n,
    attackerSide: Uint8Array.from(x.side, (s) => (s ? 1 : 0)),
    weights: Float64Array.from(x.weights),
    reachNeeds: Int32Array.from(x.needs, (m, i) => m & ~(1 << i)),
    fallbackWeights: Float64Array.from(x.weights, (w) => w / 4),
    thresholds: Float64Array.from(x.p, thresholdOf),
    slots: Int32Array.from(x.p, (_, i) => i),
    draws: x.n + 1,
    rules: x.rules,
    noFinding: x.noFinding,
    findingThreshold: x.noFinding ? thresholdOf(0.4) : 0,
    findingSlot: x.noFinding ? x.n : -1,
    attackerBase: x.attackerBase,
    defenderBase: x.defenderBase,
    deterrenceRatio: 1.5,
  })),
);

describe('exact deterrence', () => {
  it('equals brute-force enumeration of every decision', () => {
    fc.assert(
      fc.property(kernelArb, (k) => {
        const answer = deterrence(problemOfKernel(k));
        expect(answer.method).toBe('exact');
        expect(answer.p).toBeCloseTo(exactDeterrence(k), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('names the strongest coalition that can form first, with its share of what deterrence needs', () => {
    fc.assert(
      fc.property(kernelArb, (k) => {
        const [best] = deterrence(problemOfKernel(k), 3).best;
        // Brute force: the largest ratio over honour patterns of positive probability.
        let top = -Infinity;
        for (let h = 0; h < 2 ** k.n; h++) {
          if ([...k.thresholds].some((t, i) => (t === 0 && h & (1 << i)) || (t >= 4294967296 && !(h & (1 << i))))) continue;
          for (const rules of k.noFinding ? [k.rules, k.noFinding] : [k.rules]) {
            const acting = settle(rules, h);
            top = Math.max(top, balanceRatio(k, acting) - 0);
          }
        }
        expect(best).toBeDefined();
        expect(best!.ofNeed).toBeCloseTo(best!.ratio / 1.5, 12);
        // Ranked by margin D − r·A, the best by margin is also best by ratio when the attacker side is fixed.
        if ([...k.attackerSide].every((s) => s === 0)) expect(best!.ratio).toBeCloseTo(top, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('answers forty deciders exactly within five seconds', () => {
    const n = 40;
    const problem: DeterrenceProblem = {
      p: Array.from({ length: n }, (_, i) => 0.2 + ((i * 37) % 60) / 100),
      attackerSide: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 1 : 0)),
      weight: Array.from({ length: n }, (_, i) => 0.002 + ((i * 13) % 17) / 1000),
      fallback: Array.from({ length: n }, () => 0.001),
      needs: Array.from({ length: n }, (_, i) => (i === 3 ? [4] : [])),
      rules: [{ p: 1, unconditional: Array.from({ length: n }, (_, i) => i).filter((i) => i !== 5), obligations: [{ owner: 5, clauses: [[6, 7]] }] }],
      attackerBase: 0.2,
      defenderBase: 0.02,
      ratio: 1,
    };
    const started = performance.now();
    const answer = deterrence(problem, 5);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(answer.method).toBe('exact');
    expect(answer.p).toBeGreaterThan(0);
    expect(answer.p).toBeLessThan(1);
    expect(answer.best).toHaveLength(5);
    expect(answer.best[0]!.acting).not.toContain(0); // the attacker's helpers stay out of the best coalition
  });

  it('samples beyond forty deciders, within its stated error of the exact figure', () => {
    fc.assert(
      fc.property(kernelArb, (k) => {
        const problem = problemOfKernel(k);
        const estimate = sampledDeterrence(problem, 20_000, 3);
        expect(estimate.method).toBe('sampled');
        expect(Math.abs(estimate.p - deterrence(problem).p)).toBeLessThanOrEqual(2.5 * estimate.error!);
      }),
      { numRuns: 15 },
    );
    const big: DeterrenceProblem = { p: new Array(41).fill(0.5), attackerSide: new Array(41).fill(0), weight: new Array(41).fill(0.01), fallback: new Array(41).fill(0.01), needs: Array.from({ length: 41 }, () => []), rules: [{ p: 1, unconditional: Array.from({ length: 41 }, (_, i) => i), obligations: [] }], attackerBase: 0.3, defenderBase: 0.1, ratio: 1 };
    const answer = deterrence(big);
    expect(answer.method).toBe('sampled');
    expect(answer.error).toBeLessThan(0.002);
  });
});
