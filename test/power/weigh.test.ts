/** Coalition weighing: capability times effectiveness, discounted by reach, against a deterrence ratio. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/law/resolve.js';
import { loadScenarioFile } from '../../src/model/load.js';
import { POWER_PARAMETERS } from '../../src/power/parameters.js';
import { balanceOf, deters, sideOf, powerParameters, reachFactor, strengthOf, weigh, type Contribution } from '../../src/power/weigh.js';
import { worldAt } from '../../src/world/world.js';

const defaults = powerParameters(Object.fromEntries(POWER_PARAMETERS.map((p) => [p.name, p.default])));
const scenario = loadScenarioFile(new URL('../fixtures/sim-europe.yaml', import.meta.url).pathname);

describe('power', () => {
  it('a purged army weighs less: strength is CINC × effectiveness', () => {
    const world = worldAt(scenario, '1938-09-28');
    const su = world.states.find((s) => s.id === 'RUS')!;
    expect(su.effectiveness).toBe(0.5);
    expect(strengthOf(su)).toBeCloseTo(0.16435921 * 0.5, 10);
    // Before the purge the same army counts in full.
    const before = worldAt(scenario, '1936-06-01').states.find((s) => s.id === 'RUS')!;
    expect(before.effectiveness).toBe(1);
  });

  it('puts an army on one side: the target\'s when it may assist the target, whatever else it owes; none for sanctions', () => {
    expect(sideOf(['assist-attacker', 'assist'])).toBe('defender');
    expect(sideOf(['neutrality', 'assist-attacker'])).toBe('attacker');
    expect(sideOf(['sanctions', 'consult'])).toBeUndefined();
  });

  it('reach discounts in the documented order: border ≥ transit ≥ sea ≥ none', () => {
    expect(reachFactor('home', defaults)).toBe(1);
    expect(reachFactor('border', defaults)).toBeGreaterThanOrEqual(reachFactor('transit', defaults));
    expect(reachFactor('transit', defaults)).toBeGreaterThanOrEqual(reachFactor('sea', defaults));
    expect(reachFactor('sea', defaults)).toBeGreaterThanOrEqual(reachFactor('none', defaults));
    expect(() => powerParameters({})).toThrow('power parameter "power-reach-border" is missing');
  });

  it('the Munich coalition of 1938, all honouring, does not outweigh Germany at parity', () => {
    const world = worldAt(scenario, '1938-09-28');
    const resolution = resolve(world, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' });
    const balance = balanceOf(world, resolution, defaults);
    expect(balance.contributions.map((c) => [c.state, c.side, c.reach])).toEqual([
      ['CZE', 'defender', 'home'],
      ['FRN', 'defender', 'border'],
      ['GMY', 'attacker', 'home'],
      ['RUS', 'defender', 'none'],
    ]);
    expect(balance.contributions.find((c) => c.state === 'RUS')!.weight).toBe(0); // no road to Czechoslovakia
    expect(balance.deterred).toBe(false);
    expect(balance.ratio).toBeLessThan(1);
  });

  it('adding weight to the defenders never undoes deterrence; adding it to the attacker never creates it', () => {
    const side = fc.constantFrom<'attacker' | 'defender'>('attacker', 'defender');
    const contribution = fc.record({ state: fc.constant('X'), side, strength: fc.double({ min: 0, max: 1, noNaN: true }), reach: fc.constant('border' as const), weight: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (cs: Contribution[], extra, ratio) => {
        const base = weigh(cs, ratio);
        const helped = weigh([...cs, { state: 'Y', side: 'defender', strength: extra, reach: 'border', weight: extra }], ratio);
        const armed = weigh([...cs, { state: 'Z', side: 'attacker', strength: extra, reach: 'border', weight: extra }], ratio);
        if (base.deterred) expect(helped.deterred).toBe(true);
        if (!base.deterred) expect(armed.deterred).toBe(false);
      }),
    );
    expect(deters(0.15, 0.15, 1)).toBe(true);
    expect(deters(0.15, 0.149, 1)).toBe(false);
  });
});
