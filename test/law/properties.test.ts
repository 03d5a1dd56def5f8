import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atlasOf } from '../../src/law/atlas.js';
import { chainsFor, settle } from '../../src/law/chains.js';
import { resolve } from '../../src/law/resolve.js';
import type { Act, Assumptions, Resolution } from '../../src/law/types.js';
import type { TreatyView, World } from '../../src/world/world.js';
import { miniWorld } from './fixture.js';

const DAYS = ['1938-03-07', '1938-09-28', '1939-03-31', '1939-06-01'];
const worlds = new Map(DAYS.map((d) => [d, miniWorld(d)]));
const STATES = worlds.get(DAYS[0]!)!.states.map((s) => s.id);

const actArb = fc
  .record({
    date: fc.constantFrom(...DAYS),
    attacker: fc.constantFrom(...STATES),
    second: fc.option(fc.constantFrom(...STATES), { nil: undefined }),
    target: fc.constantFrom(...STATES),
  })
  .filter((a) => a.attacker !== a.target && a.second !== a.target)
  .map(({ date, attacker, second, target }): Act => ({ attackers: second ? [attacker, second] : [attacker], target, date }));

const assumptionsArb = fc.record({
  abstain: fc.subarray(STATES),
  transit: fc.array(fc.record({ grantor: fc.constantFrom(...STATES), grantee: fc.constantFrom(...STATES) }), { maxLength: 3 }),
  leagueFinding: fc.constantFrom(undefined, true, false),
  provoked: fc.boolean(),
  readings: fc.record({ 'fr-su-waits-for-league': fc.boolean() }),
}) as fc.Arbitrary<Assumptions>;

/** A world whose lists are shuffled by a seed: treaties, provisions, parties. */
function shuffled(world: World, seed: number): World {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const shuffle = <T>(xs: readonly T[]) => xs.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  return {
    ...world,
    treaties: shuffle(world.treaties).map((t) => ({
      ...t,
      parties: shuffle(t.parties),
      provisions: shuffle(t.provisions).map((p) => ({ ...p, obliged: shuffle(p.obliged), beneficiaries: shuffle(p.beneficiaries) })),
    })),
    borders: shuffle(world.borders),
    states: shuffle(world.states),
  };
}

function withTreaty(world: World, treaty: TreatyView): World {
  return { ...world, treaties: [...world.treaties, treaty] };
}

function treaty(id: string, kind: 'guarantee' | 'offence', obliged: string[], beneficiaries: string[]): TreatyView {
  return { id, name: id, parties: [...new Set([...obliged, ...beneficiaries])].sort(), signed: '1930-01-01', inForce: '1930-01-01', status: 'in-force', secret: false, provisions: [{ id: 'p', kind, obliged, beneficiaries, conditions: [] }] };
}

const key = (state: string, o: Resolution['states'][number]['obligations'][number]) => `${state}|${o.kind}|${o.toward}|${o.treaty}|${o.provision}`;
const activeKeys = (r: Resolution, except?: string) => new Set(r.states.filter((s) => s.state !== except).flatMap((s) => s.obligations.filter((o) => o.active).map((o) => key(s.state, o))));
const allKeys = (r: Resolution) => new Set(r.states.flatMap((s) => s.obligations.map((o) => key(s.state, o))));
const mustAct = (r: Resolution, except?: string) => new Set(r.states.filter((s) => s.mustAct && s.state !== except).map((s) => s.state));
const subset = <T>(a: Set<T>, b: Set<T>) => [...a].every((x) => b.has(x));

describe('resolver properties', () => {
  it('does not depend on the order of treaties, provisions, parties, borders or states', () => {
    fc.assert(
      fc.property(actArb, assumptionsArb, fc.integer(), (act, assumptions, seed) => {
        const world = worlds.get(act.date)!;
        expect(resolve(shuffled(world, seed), act, assumptions)).toEqual(resolve(world, act, assumptions));
      }),
      { numRuns: 150 },
    );
  });

  it('never obliges a party to a nonaggression pact with the target to assist the attacker against it', () => {
    fc.assert(
      fc.property(actArb, assumptionsArb, fc.subarray(STATES, { minLength: 1 }), (act, assumptions, allies) => {
        // An offensive alliance of the attacker with arbitrary states, to give the property something to bite on.
        const world = withTreaty(worlds.get(act.date)!, treaty('zz-offence', 'offence', allies, [act.attackers[0]!]));
        const r = resolve(world, act, assumptions);
        for (const s of r.states) {
          const restrained = s.obligations.some((o) => o.kind === 'nonaggression' && o.toward === act.target && o.active);
          if (restrained) expect(s.obligations.filter((o) => o.kind === 'assist-attacker' && o.active)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never removes an obligation when a guarantee is added', () => {
    fc.assert(
      fc.property(actArb, assumptionsArb, fc.subarray(STATES, { minLength: 1 }), fc.constantFrom(...STATES), (act, assumptions, guarantors, protege) => {
        const world = worlds.get(act.date)!;
        const before = resolve(world, act, assumptions);
        const after = resolve(withTreaty(world, treaty('zz-guarantee', 'guarantee', guarantors, [protege])), act, assumptions);
        expect(subset(allKeys(before), allKeys(after))).toBe(true);
        expect(subset(activeKeys(before), activeKeys(after))).toBe(true);
        expect(subset(mustAct(before), mustAct(after))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never switches on another state\'s obligation by an abstention', () => {
    fc.assert(
      fc.property(actArb, assumptionsArb, fc.constantFrom(...STATES), (act, assumptions, extra) => {
        const world = worlds.get(act.date)!;
        const before = resolve(world, act, assumptions);
        const after = resolve(world, act, { ...assumptions, abstain: [...(assumptions.abstain ?? []), extra] });
        expect(subset(activeKeys(after, extra), activeKeys(before, extra))).toBe(true);
        expect(subset(mustAct(after, extra), mustAct(before, extra))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same answer when asked twice, and agrees with the exported chains and the atlas', () => {
    fc.assert(
      fc.property(actArb, assumptionsArb, (act, assumptions) => {
        const world = worlds.get(act.date)!;
        const first = resolve(world, act, assumptions);
        expect(resolve(world, act, assumptions)).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        const chains = chainsFor(world, act, assumptions);
        const honours = Uint8Array.from(chains.states, (s) => ((assumptions.abstain ?? []).includes(s) ? 0 : 1));
        const acting = settle(chains, honours);
        expect(chains.states.filter((_, i) => acting[i])).toEqual(first.states.filter((s) => s.acts).map((s) => s.state));
      }),
      { numRuns: 150 },
    );
  });

  it('lists in each atlas cell exactly the states the resolver says must act', () => {
    for (const world of worlds.values()) {
      const atlas = atlasOf(world);
      const cells = new Map(atlas.cells.map((c) => [`${c.attacker}>${c.target}`, c.mustAct]));
      for (const a of atlas.states) {
        for (const t of atlas.states) {
          if (a === t) continue;
          const r = resolve(world, { attackers: [a], target: t, date: world.date }, {}, { reach: false, explain: false });
          const expected = r.states.filter((s) => s.mustAct && s.state !== a && s.state !== t).map((s) => s.state);
          expect(cells.get(`${a}>${t}`) ?? []).toEqual(expected);
        }
      }
    }
  });
});
