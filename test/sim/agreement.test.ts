/**
 * One fixpoint: the simulator's bitmask chains are generated from the law's compiled act and settle to
 * exactly what the law's fixpoint gives for the same choices — on every case of the catalogue and on
 * 1,000 random acts of the built-in scenario, for every (or, with many deciders, many random) choices of
 * the deciders, under each League finding the kernel draws.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { compileAct, honoursExcept } from '../../src/law/compiled.js';
import { actContext } from '../../src/law/conditions.js';
import { maskRulesOf, settle as settleLaw, type Chains } from '../../src/law/fixpoint.js';
import type { Act, Assumptions } from '../../src/law/types.js';
import { lawIndex } from '../../src/law/world-index.js';
import { QueryError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { changeDays } from '../../src/world/changes.js';
import { worldAt, type World } from '../../src/world/world.js';
import { settle } from '../../src/sim/kernel.js';
import { prepareOnWorld, type PreparedAct } from '../../src/sim/simulate.js';

const scenario = loadBuiltInScenario();
const cases = parseCatalogue(readFileSync(fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url)), 'utf8'), 'cases.yaml');
const worlds = new Map<string, World>();
const worldOf = (day: string) => worlds.get(day) ?? worlds.set(day, worldAt(scenario, day)).get(day)!;

/** Honour masks to try: all of them up to 2⁸, else the extremes and a fixed spread of others. */
function masks(n: number): number[] {
  if (n <= 8) return Array.from({ length: 1 << n }, (_, h) => h);
  const out = [0, 2 ** n - 1];
  let s = 12345;
  for (let i = 0; i < 62; i++) out.push((s = (s * 1103515245 + 12345) >>> 0) % 2 ** n);
  return out;
}

/**
 * Checks the kernel of `prepared` against the law: for each League finding the kernel may draw, and each
 * honour mask, the deciders the bitmask fixpoint makes act are those the law's fixpoint makes fight when
 * the deciders choose by the mask and every other state honours unless assumed to abstain. Returns the
 * number of (finding, mask) pairs compared.
 */
function agrees(world: World, act: Act, assumptions: Assumptions, prepared: PreparedAct): number {
  const { kernel, deciders } = prepared.compiled;
  const index = lawIndex(world);
  const findings = assumptions.leagueFinding !== undefined ? [assumptions.leagueFinding] : kernel.noFinding ? [true, false] : [true];
  let compared = 0;
  for (const finding of findings) {
    const ctx = actContext(index, act, { ...assumptions, leagueFinding: finding });
    const compiled = compileAct(ctx);
    const rules = finding === true || finding === 'aggression' || !kernel.noFinding ? kernel.rules : kernel.noFinding;
    const base = honoursExcept(compiled, ctx.abstain, index.stateIndex);
    const ids = deciders.map((d) => index.stateIndex.get(d.state)!);
    for (const h of masks(kernel.n)) {
      const honours = base.slice();
      ids.forEach((s, i) => (honours[s] = h & (1 << i) ? 1 : 0));
      const fighting = new Uint8Array(honours.length);
      settleLaw(compiled.graph, honours, undefined, fighting);
      const expected = ids.reduce((m, s, i) => (fighting[s] ? m | (1 << i) : m), 0);
      expect(settle(rules, h), `${act.attackers.join('+')}>${act.target} ${act.date} finding ${String(finding)} honours ${h.toString(2)}`).toBe(expected);
      compared++;
    }
  }
  return compared;
}

describe('the simulator and the resolver settle one fixpoint', () => {
  it('agree on every case of the catalogue', () => {
    let compared = 0;
    for (const c of cases) {
      const { act, assumptions } = caseQuery(c);
      const world = worldOf(act.date);
      compared += agrees(world, act, assumptions, prepareOnWorld({ scenario, act, assumptions }, world));
    }
    expect(cases.length).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(cases.length);
  });

  it('agree on 1,000 random acts, assumptions and choices', () => {
    const days = changeDays(scenario).filter((_, i) => i % 7 === 0);
    const day = fc.constantFrom(...days);
    const arb = day.chain((date) => {
      const ids = worldOf(date).states.map((s) => s.id);
      return fc.record({
        date: fc.constant(date),
        attackers: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 }),
        target: fc.constantFrom(...ids),
        abstain: fc.subarray(ids, { maxLength: 3 }),
        leagueFinding: fc.constantFrom(undefined, true, false),
        provoked: fc.boolean(),
      });
    });
    let tooMany = 0;
    fc.assert(
      fc.property(arb, ({ date, attackers, target, abstain, leagueFinding, provoked }) => {
        fc.pre(!attackers.includes(target));
        const act: Act = { attackers, target, date };
        const assumptions: Assumptions = { abstain, provoked, ...(leagueFinding === undefined ? {} : { leagueFinding }) };
        const world = worldOf(date);
        let prepared: PreparedAct;
        try {
          prepared = prepareOnWorld({ scenario, act, assumptions }, world);
        } catch (error) {
          if (!(error instanceof QueryError) || !error.message.includes('states decide')) throw error;
          tooMany++;
          return;
        }
        agrees(world, act, assumptions, prepared);
      }),
      { numRuns: 1000, seed: 11 },
    );
    expect(tooMany).toBeLessThan(100);
  });

  it('count a state that only applies sanctions as acting, as the law does, for a condition that waits on any action', () => {
    // 0 attacks 1; 2 applies sanctions unconditionally; 3 must assist once 2 takes any part (prior-action `act: any`).
    const chains: Chains = {
      states: ['A', 'T', 'S', 'D'],
      initial: Int32Array.from([0, 1]),
      obliged: Int32Array.from([2, 3]),
      ruleState: Int32Array.from([2, 3]),
      ruleGroups: Int32Array.from([0, 0, 1]),
      ruleObligation: Int32Array.from([0, 1]),
      groupStart: Int32Array.from([0, 1]),
      members: Int32Array.from([2]),
      ruleAssists: Uint8Array.from([0, 1]),
      groupAssist: Uint8Array.from([0]),
    };
    const all = Uint8Array.from([1, 1, 1, 1]);
    const fighting = new Uint8Array(4);
    settleLaw(chains, all, undefined, fighting);
    expect([...fighting]).toEqual([1, 1, 0, 1]);
    expect(settle(maskRulesOf(chains, [3], all), 1)).toBe(1);
    // With the sanctioning state abstaining, nobody meets the condition.
    expect(settle(maskRulesOf(chains, [3], Uint8Array.from([1, 1, 0, 1])), 1)).toBe(0);
  });
});
