import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignOn, AXELROD_BENNETT_1936 } from '../../src/align/align.js';
import { energyOf, exactTwoCoalitions, searchLandscape, weights, type LandscapeInput } from '../../src/align/landscape.js';
import { landscapeInputs } from '../../src/align/propensity.js';
import { loadBuiltInScenario } from '../../src/model/load.js';

function bruteForce(input: LandscapeInput): number {
  const n = input.ids.length;
  const w = weights(input);
  let best = Infinity;
  for (let x = 0; x < 1 << (n - 1); x++) best = Math.min(best, energyOf(w, n, [0, ...Array.from({ length: n - 1 }, (_, i) => (x >> i) & 1)]));
  return best;
}

const landscapeArb = fc.integer({ min: 2, max: 13 }).chain((n) =>
  fc.record({
    ids: fc.constant(Array.from({ length: n }, (_, i) => `S${i}`)),
    sizes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    propensity: fc.array(fc.array(fc.integer({ min: -4, max: 4 }).map((v) => v / 2), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  }),
);

describe('landscape search', () => {
  it('finds the same minimum energy as brute force (exact search, any n up to 13)', () => {
    fc.assert(
      fc.property(landscapeArb, (input) => {
        const result = searchLandscape(input, { starts: 50 });
        expect(result.method).toBe('exact');
        expect(result.best.energy).toBeCloseTo(bruteForce(input), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('reports runner-up minima that are local minima above the best', () => {
    fc.assert(
      fc.property(landscapeArb, (input) => {
        const n = input.ids.length;
        const w = weights(input);
        const result = searchLandscape(input, { starts: 50 });
        for (const r of result.runnersUp) {
          expect(r.energy).toBeGreaterThanOrEqual(result.best.energy - 1e-9);
          for (let i = 0; i < n; i++) {
            const moved = r.assignment.map((c, j) => (j === i ? 1 - c : c));
            expect(energyOf(w, n, moved)).toBeGreaterThanOrEqual(r.energy - 1e-9);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('puts two blocs of friends apart and each bloc together', () => {
    const ids = ['A', 'B', 'C', 'D'];
    const p = (x: string, y: string) => ((x < 'C') === (y < 'C') ? 1 : -1);
    const result = searchLandscape({ ids, sizes: [1, 1, 1, 1], propensity: ids.map((x) => ids.map((y) => p(x, y))) });
    expect(result.best.coalitions).toEqual([['A', 'B'], ['C', 'D']]);
    expect(result.best.energy).toBe(-4);
  });

  it('is exact at n = 24 on a planted partition (tabulated Gray code)', () => {
    const n = 24;
    const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`);
    const bloc = (i: number) => (i * 7) % 3 === 0;
    const propensity = ids.map((_, i) => ids.map((_, j) => (bloc(i) === bloc(j) ? 1 : -1)));
    const w = weights({ ids, sizes: ids.map(() => 1), propensity });
    const { assignment, energy } = exactTwoCoalitions(w, n);
    expect(assignment.every((c, i) => (c === assignment[0]) === (bloc(i) === bloc(0)))).toBe(true);
    const k = ids.filter((_, i) => bloc(i)).length;
    expect(energy).toBe(-k * (n - k));
  });

  it('gives the same answer twice, and uses descents for k > 2', () => {
    const input = { ids: ['A', 'B', 'C'], sizes: [1, 2, 3], propensity: [[0, -1, -1], [-1, 0, -1], [-1, -1, 0]] };
    expect(searchLandscape(input, { k: 3 })).toEqual(searchLandscape(input, { k: 3 }));
    const three = searchLandscape(input, { k: 3 });
    expect(three.method).toBe('heuristic');
    expect(three.best.coalitions).toHaveLength(3);
  });

  it('refuses fewer than two states or a bad k', () => {
    expect(() => searchLandscape({ ids: ['A'], sizes: [1], propensity: [[0]] })).toThrow(RangeError);
    expect(() => searchLandscape({ ids: ['A', 'B'], sizes: [1, 1], propensity: [[0, 1], [1, 0]] }, { k: 1 })).toThrow(/k must/);
  });
});

describe('propensities from the interwar scenario', () => {
  const scenario = loadBuiltInScenario();
  const states = [...AXELROD_BENNETT_1936];

  it('has a CINC for each of the seventeen states of 1936 and a breakdown for every pair', () => {
    const inputs = landscapeInputs(scenario, '1936-07-01', states);
    expect(inputs.sizes.every((s) => s !== undefined && s > 0)).toBe(true);
    expect(inputs.pairs).toHaveLength((17 * 16) / 2);
    const frnGmy = inputs.pairs.find((p) => p.a === 'FRN' && p.b === 'GMY')!;
    expect(frnGmy.parts.government).toBe(-1); // a democracy and a fascist state
  });

  it('predicts Britain and France together and apart from Germany in 1936', () => {
    const a = alignOn(scenario, '1936-07-01', states);
    const side = (id: string) => a.coalitions.findIndex((c) => c.includes(id));
    expect(side('UKG')).toBe(side('FRN'));
    expect(side('GMY')).not.toBe(side('FRN'));
    expect(a.coalitions.flat().sort()).toEqual([...states].sort());
  });

  it('refuses a day outside the scenario and a state that does not exist that day', () => {
    expect(() => alignOn(scenario, '1950-01-01', states)).toThrow(/outside scenario/);
    expect(() => alignOn(scenario, '1939-06-01', ['GMY', 'CZE'])).toThrow(/CZE does not exist on 1939-06-01/);
    expect(() => alignOn(scenario, '1936-07-01', ['GMY', 'ATLANTIS'])).toThrow(/unknown state "ATLANTIS"/);
  });
});
