import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/model/errors.js';
import { resolve } from '../../src/law/resolve.js';
import { chainsFor, settle } from '../../src/law/chains.js';
import { explain, summarize } from '../../src/law/explain.js';
import type { Resolution } from '../../src/law/types.js';
import { miniWorld } from './fixture.js';

const day = '1938-09-28';
const munich = { attackers: ['GMY'], target: 'CZE', date: day };
const stateOf = (r: Resolution, id: string) => r.states.find((s) => s.state === id);
const obligation = (r: Resolution, id: string, kind: string, treaty: string) => stateOf(r, id)?.obligations.find((o) => o.kind === kind && o.treaty === treaty);

describe('resolve: conditional chains (fixture Munich)', () => {
  it('binds France directly and the USSR once France acts, and says what the USSR waits on', () => {
    const r = resolve(miniWorld(), munich);
    expect(stateOf(r, 'FRN')).toMatchObject({ mustAct: true, acts: true });
    const su = obligation(r, 'RUS', 'assist', 'sc')!;
    expect(su.active).toBe(true);
    expect(su.conditions[0]).toMatchObject({ type: 'prior-action', status: 'met', dependsOn: ['FRN'] });
    expect(stateOf(r, 'RUS')!.mustAct).toBe(true);
  });

  it('switches the USSR off when France abstains, names the abstention, and records France\'s breach', () => {
    const r = resolve(miniWorld(), munich, { abstain: ['FRN'] });
    const su = obligation(r, 'RUS', 'assist', 'sc')!;
    expect(su.active).toBe(false);
    expect(su.conditions[0]!.why).toContain('FRN abstains');
    expect(stateOf(r, 'RUS')!.mustAct).toBe(false);
    expect(stateOf(r, 'FRN')).toMatchObject({ mustAct: true, acts: false });
    expect(r.breaches).toContainEqual(expect.objectContaining({ state: 'FRN', kind: 'abstention', treaty: 'fc' }));
  });

  it('finds the USSR unable to reach without Polish or Romanian transit, and able with either', () => {
    const refused = resolve(miniWorld(), munich).states.find((s) => s.state === 'RUS')!.reach!;
    expect(refused).toMatchObject({ mode: 'none', refusedBy: ['POL', 'RUM'] });
    expect(refused.reason).toContain('POL refuses passage to RUS');
    expect(stateOf(resolve(miniWorld(), munich, { transit: [{ grantor: 'RUM', grantee: 'RUS' }] }), 'RUS')!.reach).toMatchObject({ mode: 'transit', via: ['RUM'] });
    expect(stateOf(resolve(miniWorld(), munich, { transit: [{ grantor: 'POL', grantee: 'RUS' }] }), 'RUS')!.reach).toMatchObject({ mode: 'transit', via: ['POL'] });
  });

  it('opens a road by a transit provision only when its own conditions are met', () => {
    const found = stateOf(resolve(miniWorld(), munich, { leagueFinding: true }), 'RUS')!.reach!;
    expect(found).toMatchObject({ mode: 'transit', via: ['RUM'] });
    expect(found.reason).toContain('RUM grants passage under art16-passage (pass)');
    expect(stateOf(resolve(miniWorld(), munich, { leagueFinding: false }), 'RUS')!.reach).toMatchObject({ mode: 'none', refusedBy: ['POL', 'RUM'] });
  });

  it('reaches by sea only to the theatre\'s own coast, and says why it cannot', () => {
    const poland = resolve(miniWorld('1939-06-01'), { attackers: ['GMY'], target: 'POL', date: '1939-06-01' });
    expect(stateOf(poland, 'UKG')!.reach).toMatchObject({ mode: 'sea', seas: ['north', 'baltic'], to: 'POL' });
    const rhineland = resolve(miniWorld('1938-03-07'), { attackers: ['GMY'], target: 'FRN', theatre: 'rhineland', date: '1938-03-07' });
    expect(stateOf(rhineland, 'UKG')!.reach).toMatchObject({ mode: 'none', to: 'GMY' });
    expect(stateOf(rhineland, 'UKG')!.reach!.reason).toContain('the theatre rhineland has no coast');
  });

  it('keeps an obligation the state cannot carry out, and France reaches by the German front', () => {
    const r = resolve(miniWorld(), munich);
    expect(stateOf(r, 'RUS')!.reach!.mode).toBe('none');
    expect(stateOf(r, 'RUS')!.mustAct).toBe(true);
    expect(stateOf(r, 'FRN')!.reach).toMatchObject({ mode: 'border' });
  });

  it('settles the same acting set through the exported chains as the full resolution', () => {
    const chains = chainsFor(miniWorld(), munich);
    const acting = settle(chains);
    expect(chains.states.filter((_, i) => acting[i])).toEqual(['CZE', 'FRN', 'GMY', 'RUS']);
    const honours = new Uint8Array(chains.states.length).fill(1);
    honours[chains.states.indexOf('FRN')] = 0;
    const without = settle(chains, honours);
    expect(chains.states.filter((_, i) => without[i])).toEqual(['CZE', 'GMY']);
  });
});

describe('resolve: conditions', () => {
  it('holds the Franco-Soviet pact pending on the League under the reading, and active without it', () => {
    const act = { attackers: ['GMY'], target: 'RUS', date: day };
    const waits = obligation(resolve(miniWorld(), act), 'FRN', 'assist', 'fs')!;
    expect(waits.active).toBe(false);
    expect(waits.conditions.find((c) => c.type === 'league-finding')).toMatchObject({ status: 'pending', reading: 'fr-su-waits-for-league' });
    expect(obligation(resolve(miniWorld(), act, { leagueFinding: true }), 'FRN', 'assist', 'fs')!.active).toBe(true);
    const off = resolve(miniWorld(), act, { readings: { 'fr-su-waits-for-league': false } });
    expect(obligation(off, 'FRN', 'assist', 'fs')!.active).toBe(true);
    expect(off.assumptions.readings).toEqual({ 'fr-su-waits-for-league': false });
    expect(obligation(resolve(miniWorld(), act, { readings: { 'fr-su-waits-for-league': false }, provoked: true }), 'FRN', 'assist', 'fs')!.active).toBe(false);
  });

  it('binds a defence pact only against the named adversary', () => {
    const pr = obligation(resolve(miniWorld(), { attackers: ['GMY'], target: 'POL', date: day }), 'RUM', 'assist', 'pr')!;
    expect(pr.active).toBe(false);
    expect(pr.conditions[0]).toMatchObject({ type: 'adversary', status: 'unmet' });
    expect(obligation(resolve(miniWorld(), { attackers: ['RUS'], target: 'POL', date: day }), 'RUM', 'assist', 'pr')!.active).toBe(true);
  });

  it('makes sanctions due only on a League finding', () => {
    const act = { attackers: ['ITA'], target: 'CZE', date: day };
    expect(stateOf(resolve(miniWorld(), act), 'HUN')!.mustAct).toBe(false);
    const found = resolve(miniWorld(), act, { leagueFinding: true });
    expect(stateOf(found, 'HUN')!.mustAct).toBe(true);
    expect(obligation(found, 'HUN', 'sanctions', 'covenant')!.active).toBe(true);
    expect(found.breaches).toContainEqual(expect.objectContaining({ state: 'ITA', kind: 'league-covenant' }));
  });

  it('lets a nonaggression pact with the target prevail over an offensive alliance (Pact of Steel vs Kellogg-Briand)', () => {
    const r = resolve(miniWorld('1939-06-01'), { attackers: ['GMY'], target: 'POL', date: '1939-06-01' });
    const steel = obligation(r, 'ITA', 'assist-attacker', 'steel')!;
    expect(steel.active).toBe(false);
    expect(steel.conditions.at(-1)).toMatchObject({ type: 'no-conflict', status: 'unmet' });
    expect(stateOf(r, 'UKG')).toMatchObject({ mustAct: true, reach: { mode: 'sea', seas: ['north', 'baltic'] } });
  });

  it('applies a location-bound guarantee to an attacker\'s own demilitarised zone (Rhineland)', () => {
    const r = resolve(miniWorld('1938-03-07'), { attackers: ['GMY'], target: 'FRN', theatre: 'rhineland', date: '1938-03-07' });
    expect(obligation(r, 'UKG', 'assist', 'locarno')!.active).toBe(true);
    expect(obligation(r, 'ITA', 'assist', 'locarno')!.active).toBe(true);
    expect(r.breaches).toContainEqual(expect.objectContaining({ state: 'GMY', kind: 'nonaggression', treaty: 'locarno' }));
    expect(stateOf(r, 'ITA')!.reach).toMatchObject({ mode: 'transit', via: ['FRN'] }); // the target lets its guarantor through
  });
});

describe('resolve: breaches', () => {
  it('names the attacker\'s nonaggression pact with the target and Kellogg-Briand', () => {
    const r = resolve(miniWorld('1939-03-31'), { attackers: ['GMY'], target: 'POL', date: '1939-03-31' });
    expect(r.breaches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: 'GMY', kind: 'nonaggression', treaty: 'gp' }),
        expect.objectContaining({ state: 'GMY', kind: 'war-renunciation', treaty: 'kellogg-briand' }),
      ]),
    );
    expect(r.breaches.some((b) => b.kind === 'league-covenant')).toBe(false); // GMY has left the League in the fixture
  });
});

describe('resolve: acts that make no sense', () => {
  const world = miniWorld();
  const bad: [string, Parameters<typeof resolve>[1], RegExp][] = [
    ['an unknown state', { attackers: ['XXX'], target: 'CZE', date: day }, /attacker "XXX" is not a state that exists on 1938-09-28/],
    ['a lower-case id', { attackers: ['gmy'], target: 'CZE', date: day }, /did you mean GMY/],
    ['attacker = target', { attackers: ['GMY'], target: 'GMY', date: day }, /both attacker and target/],
    ['no attacker', { attackers: [], target: 'GMY', date: day }, /at least one attacker/],
    ['an unknown theatre', { attackers: ['GMY'], target: 'CZE', theatre: 'atlantis', date: day }, /theatre "atlantis" is not a territory/],
    ['a theatre the target does not hold', { attackers: ['HUN'], target: 'CZE', theatre: 'pol', date: day }, /held by POL on 1938-09-28, neither the target CZE nor an attacker/],
    ['a date other than the world\'s', { attackers: ['GMY'], target: 'CZE', date: '1938-09-29' }, /dated 1938-09-29 but the world is that of 1938-09-28/],
  ];
  for (const [what, act, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => resolve(world, act)).toThrow(QueryError);
      expect(() => resolve(world, act)).toThrow(message);
    });
  }
  it('rejects the Sudetenland as a theatre of an attack on Czechoslovakia once Germany holds it', () => {
    expect(() => resolve(miniWorld('1938-10-05'), { attackers: ['HUN'], target: 'CZE', theatre: 'sudetenland', date: '1938-10-05' })).toThrow(/held by GMY/);
  });
  it('rejects a reading the scenario does not have, naming those it has', () => {
    expect(() => resolve(world, munich, { readings: { 'fr-su-wait': false } })).toThrow(/"fr-su-wait" is not a reading parameter of scenario "mini"; readings: fr-su-waits-for-league/);
  });
  it('rejects an abstaining state that does not exist', () => {
    expect(() => resolve(world, munich, { abstain: ['ZZZ'] })).toThrow(/abstaining state "ZZZ"/);
  });
});

describe('explanations', () => {
  it('draws state → obligation → provision and condition → evidence', () => {
    const text = explain(resolve(miniWorld(), munich)).join('\n');
    expect(text).toContain('RUS — must act, acts');
    expect(text).toMatch(/assist CZE against GMY — active\n.*Soviet-Czechoslovak treaty \(sc\), provision assist: defence\n.*prior-action: met — FRN acts first, coming to the victim's assistance\n.*FRN acts/);
  });
  it('carries the same tree as data, with kinds', () => {
    const r = resolve(miniWorld(), munich);
    const rus = r.explanation.find((n) => n.label.startsWith('RUS'))!;
    expect(rus.kind).toBe('state');
    expect(rus.children.map((c) => c.kind)).toContain('reach');
    expect(summarize(r).join('\n')).toContain('RUS    assist CZE (sc); reach none (refused by POL, RUM');
  });
});
