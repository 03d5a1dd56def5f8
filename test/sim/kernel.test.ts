/** The compiled kernel against the resolver: same coalitions, same fixpoint, exact probabilities. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/law/resolve.js';
import type { StateResolution } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import type { Scenario } from '../../src/model/schema.js';
import { deterredBy, exactDeterrence, settle, type Kernel } from '../../src/sim/kernel.js';
import { runRange } from '../../src/sim/tally.js';
import { prepareAct, simulatePrepared } from '../../src/sim/simulate.js';
import { europe, MUNICH, POLAND } from './helpers.js';

const CERTAIN = 4294967296;

/** The kernel with every decider's probability forced to 1, or to 0 for those in `abstain`. */
function forced(k: Kernel, deciders: string[], abstain: Set<string> = new Set()): Kernel {
  return { ...k, thresholds: Float64Array.from(deciders, (d) => (abstain.has(d) ? 0 : CERTAIN)) };
}

describe('kernel', () => {
  for (const act of [MUNICH, POLAND]) {
    for (const finding of [true, false]) {
      it(`with every state certain to honour, gives exactly the resolver's coalition (${act.target}, League finding ${finding})`, () => {
        const prepared = prepareAct({ scenario: europe(), act, parameters: { 'sim-p-league-finding': finding ? 1 : 0 } });
        const ids = prepared.compiled.deciders.map((d) => d.state);
        const k = forced(prepared.compiled.kernel, ids);
        const tally = runRange(k, 5, 0, 2000);
        expect(tally.coalitions).toHaveLength(1);
        const [mask, count] = tally.coalitions[0]!;
        expect(count).toBe(2000);
        const acting = ids.filter((_, i) => mask & (1 << i)).sort();
        // Every state the resolver has taking part with an army (states that only apply sanctions are not simulated).
        const resolution = resolve(prepared.world, act, { leagueFinding: finding });
        const fights = (s: (typeof resolution.states)[number]) => s.obligations.some((o) => o.active && o.kind !== 'sanctions');
        const resolverActs = resolution.states.filter((s) => s.acts && fights(s) && ![...act.attackers, act.target].includes(s.state)).map((s) => s.state).sort();
        expect(acting).toEqual(resolverActs);
        expect(acting.length).toBeGreaterThan(0);
      });
    }
  }

  it('settles the conditional chains exactly as the resolver does, for any abstentions and either League finding', () => {
    const prepared = prepareAct({ scenario: europe(), act: MUNICH });
    const k = prepared.compiled.kernel;
    const ids = prepared.compiled.deciders.map((d) => d.state);
    expect(ids).toEqual(['FRN', 'RUM', 'RUS']);
    expect(k.noFinding).toBeDefined(); // Romania's help waits on the League, so the finding is drawn
    const world = prepared.world;
    fc.assert(
      fc.property(fc.subarray(ids), fc.boolean(), (abstaining, finding) => {
        const honours = ids.reduce((m, id, i) => (abstaining.includes(id) ? m : m | (1 << i)), 0);
        const rules = finding ? k.rules : k.noFinding!;
        const mine = ids.filter((_, i) => settle(rules, honours) & (1 << i)).sort();
        const fights = (s: StateResolution) => s.acts && s.obligations.some((o) => o.active && o.kind !== 'sanctions');
        const theirs = resolve(world, MUNICH, { abstain: abstaining, leagueFinding: finding }).states.filter((s) => fights(s) && ids.includes(s.state)).map((s) => s.state).sort();
        expect(mine).toEqual(theirs);
      }),
    );
    // The Soviet obligation waits on France: with France abstaining, the USSR does not act even when it honours.
    const fr = ids.indexOf('FRN');
    const su = ids.indexOf('RUS');
    expect(settle(k.rules, 1 << su)).toBe(0);
    expect(settle(k.rules, (1 << su) | (1 << fr))).toBe((1 << su) | (1 << fr));
  });

  it('draws the League finding with its probability', () => {
    const prepared = prepareAct({ scenario: europe(), act: MUNICH, parameters: { 'sim-p-league-finding': 0.3 } });
    const report = simulatePrepared(prepared, 100_000, 2);
    expect(report.league).toEqual({ finding: 'drawn', p: 0.3 });
    const rum = report.states.find((s) => s.state === 'RUM')!;
    // Romania fights only on a finding: about 0.3 × its probability of honouring.
    expect(Math.abs(rum.pFight - 0.3 * rum.pHonour)).toBeLessThan(0.01);
    expect(simulatePrepared(prepareAct({ scenario: europe(), act: MUNICH, assumptions: { leagueFinding: false } }), 1000, 2).league).toEqual({ finding: 'assumed-no' });
    expect(simulatePrepared(prepareAct({ scenario: europe(), act: POLAND }), 1000, 2).league).toEqual({ finding: 'irrelevant' });
  });

  it('the Monte Carlo estimate agrees with exact enumeration within its interval', () => {
    const prepared = prepareAct({ scenario: europe(), act: POLAND, parameters: { 'power-deterrence-ratio': 0.6 } });
    const report = simulatePrepared(prepared, 200_000, 11);
    const exact = exactDeterrence(prepared.compiled.kernel);
    expect(exact).toBeGreaterThan(0.1);
    expect(exact).toBeLessThan(0.99);
    expect(report.deterrence.ci[0]).toBeLessThanOrEqual(exact);
    expect(report.deterrence.ci[1]).toBeGreaterThanOrEqual(exact);
    // pFight of a state that needs nobody else equals its honouring probability, within noise.
    const uk = report.states.find((s) => s.state === 'UKG')!;
    expect(Math.abs(uk.pFight - uk.pHonour)).toBeLessThan(0.005);
  });

  it('deterrence needs the strength the ratio asks for', () => {
    const prepared = prepareAct({ scenario: europe(), act: POLAND, parameters: { 'power-deterrence-ratio': 0.6 } });
    const k = prepared.compiled.kernel;
    const all = (1 << k.n) - 1;
    const defenders = k.defenderBase + k.weights.reduce((a, b) => a + b, 0);
    expect(deterredBy(k, all)).toBe(defenders / k.attackerBase >= 0.6);
    expect(deterredBy(k, 0)).toBe(false);
  });

  it('same seed, same draws; another seed, other draws', () => {
    const { kernel } = prepareAct({ scenario: europe(), act: MUNICH }).compiled;
    expect(runRange(kernel, 3, 0, 5000)).toEqual(runRange(kernel, 3, 0, 5000));
    expect(runRange(kernel, 3, 0, 5000)).not.toEqual(runRange(kernel, 4, 0, 5000));
  });

  const builtIn = (() => {
    try {
      return loadBuiltInScenario();
    } catch {
      return undefined;
    }
  })();
  it.skipIf(builtIn === undefined)('Munich 1938 (built-in): the USSR, which also owes sanctions, never fights unless France does', () => {
    const prepared = prepareAct({ scenario: builtIn as Scenario, act: MUNICH, assumptions: { leagueFinding: true } });
    const report = simulatePrepared(prepared, 50_000, 1);
    const su = report.states.find((s) => s.state === 'RUS')!;
    const fr = report.states.find((s) => s.state === 'FRN')!;
    expect(su.pFight).toBeGreaterThan(0);
    expect(su.pFight).toBeLessThanOrEqual(fr.pFight);
    for (const c of report.coalitions) if (c.members.includes('RUS')) expect(c.members).toContain('FRN');
  });
});
