/**
 * The lean answer built directly equals, byte for byte, the full answer made lean: on every case of the
 * catalogue and on random acts and assumptions of the built-in scenario.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { leanResolution, universalTreatiesOf } from '../../src/law/lean.js';
import { resolveLean } from '../../src/law/lean-resolve.js';
import { resolve } from '../../src/law/resolve.js';
import type { Act, Assumptions } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { changeDays } from '../../src/world/changes.js';
import { worldAt, type World } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const universal = universalTreatiesOf(scenario);
const cases = parseCatalogue(readFileSync(fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url)), 'utf8'), 'cases.yaml');
const worlds = new Map<string, World>();
const worldOf = (day: string) => worlds.get(day) ?? worlds.set(day, worldAt(scenario, day)).get(day)!;

function same(world: World, act: Act, assumptions: Assumptions): void {
  const expected = JSON.stringify(leanResolution(resolve(world, act, assumptions, { explain: false }), universal));
  expect(JSON.stringify(resolveLean(world, act, assumptions, universal))).toBe(expected);
}

describe('lean answers built directly', () => {
  it('equal the full answer made lean on every case of the catalogue, asked twice', () => {
    for (const c of cases) {
      const { act, assumptions } = caseQuery(c);
      same(worldOf(act.date), act, assumptions);
      same(worldOf(act.date), act, assumptions);
    }
  });

  it('equal the full answer made lean on random acts and assumptions', () => {
    const days = changeDays(scenario).filter((_, i) => i % 11 === 0);
    const arb = fc.constantFrom(...days).chain((date) => {
      const ids = worldOf(date).states.map((s) => s.id);
      return fc.record({
        date: fc.constant(date),
        attackers: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 }),
        target: fc.constantFrom(...ids),
        abstain: fc.subarray(ids, { maxLength: 4 }),
        transit: fc.array(fc.record({ grantor: fc.constantFrom(...ids), grantee: fc.constantFrom(...ids) }), { maxLength: 2 }),
        leagueFinding: fc.constantFrom(undefined, true, false),
        provoked: fc.boolean(),
      });
    });
    fc.assert(
      fc.property(arb, ({ date, attackers, target, ...assumptions }) => {
        fc.pre(!attackers.includes(target));
        same(worldOf(date), { attackers, target, date }, assumptions);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
