import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignOn, AXELROD_BENNETT_1936, type Alignment } from '../../src/align/align.js';
import { alignAcross } from '../../src/align/drift.js';
import { AB1993, type ReferenceAlignment } from '../../src/align/score.js';
import { referenceStability } from '../../src/align/stability.js';
import { loadBuiltInScenario } from '../../src/model/load.js';

const scenario = loadBuiltInScenario();
const states: string[] = [...AXELROD_BENNETT_1936];

/** Energy of a two-sided configuration straight from the definition E = Σ s_i s_j p_ij d_ij. */
function energyOf(a: Alignment, sideA: ReadonlySet<string>): number {
  let e = 0;
  for (const p of a.pairs) if (sideA.has(p.a) !== sideA.has(p.b)) e += (a.sizes[p.a] ?? 0) * (a.sizes[p.b] ?? 0) * p.total;
  return e;
}

describe('the reference alignment checked against the landscape', () => {
  const a1936 = alignOn(scenario, '1936-07-01', states);

  it('finds that only Poland and Lithuania would leave it in 1936: Poland for two of its three Soviet terms, Lithuania for one German term', () => {
    const s = referenceStability(a1936, AB1993);
    expect(s.movers.map((m) => m.state)).toEqual(['POL', 'LIT']);
    const [pol, lit] = s.movers;
    expect(pol).toMatchObject({ needed: 2 });
    expect(pol!.pushes.slice(0, 3).map((c) => `${c.other} ${c.term}`).sort()).toEqual(['RUS ethnic', 'RUS government', 'RUS wars']);
    expect(lit).toMatchObject({ needed: 1 });
    expect(lit!.pushes.slice(0, 3).every((c) => c.other === 'GMY')).toBe(true);
    expect(s.energy).toBeGreaterThan(s.best);
  });

  it('gives each state the energy change of switching it alone, whatever the reference', () => {
    fc.assert(
      fc.property(fc.subarray(states, { minLength: 1, maxLength: states.length - 1 }), (sideA) => {
        const ref: ReferenceAlignment = { id: 'x', label: 'x', source: 'x', sides: [sideA, states.filter((s) => !sideA.includes(s))] };
        const s = referenceStability(a1936, ref);
        const base = new Set(sideA);
        expect(s.energy).toBeCloseTo(energyOf(a1936, base), 12);
        for (const m of s.movers) {
          const moved = new Set(base);
          if (moved.has(m.state)) moved.delete(m.state);
          else moved.add(m.state);
          expect(m.delta).toBeCloseTo(energyOf(a1936, moved) - s.energy, 12);
          expect(m.delta).toBeLessThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the USSR-alone configuration across time', () => {
  it('splits its gap above the best by term, the parts summing to the gap, and the war history keeps it up from 1936 to 1939', () => {
    const steps = alignAcross(scenario, '1936-07-01', '1939-01-01', { count: 6, unit: 'm' }, states);
    for (const s of steps) {
      const w = s.watched!;
      expect(Object.values(w.gapByTerm).reduce((x, y) => x + y, 0)).toBeCloseTo(w.gap, 12);
      expect(w.localMinimum).toBe(false);
      expect(w.gapByTerm.wars).toBeGreaterThan(0.02);
    }
    expect(steps[steps.length - 1]!.watched!.gap).toBeGreaterThan(steps[0]!.watched!.gap);
  });
});
