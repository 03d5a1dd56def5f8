/**
 * The order in which a scenario lists things is not a fact: the world on a day must not change
 * when every list in the scenario, and every list inside its entries, is given in another order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import type { Scenario } from '../../src/model/schema.js';
import { changeDays } from '../../src/world/changes.js';
import { worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const days = changeDays(scenario);

/**
 * Lists whose order is part of the text rather than a listing choice: a treaty's provisions follow
 * its articles, and the world reports them (and each provision's conditions) in that order.
 */
const ORDERED = new Set(['provisions', 'conditions']);

/** A stream of indices from a 32-bit seed (mulberry32), so a failing case is one number to replay. */
function picker(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % bound);
  };
}

/** A copy of `value` in which every array but the ORDERED ones is permuted by `pick` (an index below its bound). */
function permuteEverywhere<T>(value: T, pick: (bound: number) => number): T {
  if (Array.isArray(value)) {
    const items = value.map((item) => permuteEverywhere(item, pick));
    for (let i = items.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, ORDERED.has(k) && Array.isArray(v) ? v.map((item) => permuteEverywhere(item, pick)) : permuteEverywhere(v, pick)]),
    ) as T;
  }
  return value;
}

describe('the world does not depend on the order of the scenario’s lists', () => {
  it('gives the same world on a day when every list, at every depth, is reordered', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: days.length - 1 }), (seed, index) => {
        const reordered: Scenario = permuteEverywhere(scenario, picker(seed));
        const day = days[index]!;
        expect(worldAt(reordered, day)).toEqual(worldAt(scenario, day));
      }),
      { numRuns: 40 },
    );
  });

  it('reorders for real: the permutation changes the lists it is given', () => {
    let n = 0;
    const reversed = permuteEverywhere(scenario.territories, (bound) => (n++ % 2 === 0 ? 0 : bound - 1));
    expect(reversed.map((t) => t.id)).not.toEqual(scenario.territories.map((t) => t.id));
    expect([...reversed.map((t) => t.id)].sort()).toEqual([...scenario.territories.map((t) => t.id)].sort());
  });
});
