/**
 * Issue 10, the law: what kind of act it is, the League Council's three outcomes, a prior action
 * that waits for assistance, and a state on its last day — against the built-in scenario and the
 * treaty texts it codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS, WAR_KINDS } from '../../src/law/act-kinds.js';
import { parseCatalogue } from '../../src/law/catalogue.js';
import { resolve } from '../../src/law/resolve.js';
import type { Act, Assumptions, Obligation, Resolution } from '../../src/law/types.js';
import { QueryError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import type { ActKind, Scenario } from '../../src/model/schema.js';
import { worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const on = (day: string, act: Omit<Act, 'date'>, assumptions: Assumptions = {}, s: Scenario = scenario) => resolve(worldAt(s, day), { ...act, date: day }, assumptions, { explain: false });
const obligation = (r: Resolution, state: string, treaty: string, kind: Obligation['kind'] = 'assist') => r.states.find((s) => s.state === state)?.obligations.find((o) => o.treaty === treaty && o.kind === kind);
const breaches = (r: Resolution, state: string) => r.breaches.filter((b) => b.state === state).map((b) => `${b.kind}:${b.treaty}`);

describe('act kinds', () => {
  it('reads an act without a kind as an armed attack, and names a kind that does not exist', () => {
    expect(on('1938-09-28', { attackers: ['GMY'], target: 'CZE' }).act.kind).toBe('attack');
    expect(() => on('1938-09-28', { attackers: ['GMY'], target: 'CZE', kind: 'invasion' as ActKind })).toThrow(QueryError);
    expect(() => on('1938-09-28', { attackers: ['GMY'], target: 'CZE', kind: 'invasion' as ActKind })).toThrow(/act kind "invasion" is not one of attack, occupation, remilitarisation, cession, declaration, intervention/);
  });

  it('Memel: the same act breaks the nonaggression of the Memel treaty and Kellogg-Briand as an attack, and nothing as a cession', () => {
    const act = { attackers: ['GMY'], target: 'LIT', theatre: 'memel' };
    expect(breaches(on('1939-03-22', act), 'GMY')).toEqual(expect.arrayContaining(['nonaggression:german-lithuanian-1939', 'war-renunciation:kellogg-briand']));
    const cession = on('1939-03-22', { ...act, kind: 'cession' });
    expect(breaches(cession, 'GMY')).toEqual([]);
    const na = obligation(cession, 'GMY', 'german-lithuanian-1939', 'nonaggression')!;
    expect(na.active).toBe(false);
    expect(na.conditions).toContainEqual(expect.objectContaining({ type: 'act-kind', status: 'unmet', why: expect.stringMatching(/the act is a cession under a signed treaty/) }));
  });

  it('the Rhineland: Locarno Art. 4(3) covers the remilitarisation, the Franco-Polish treaty ("unprovoked recourse to arms") does not', () => {
    const r = on('1936-03-07', { attackers: ['GMY'], target: 'FRN', theatre: 'rhineland', kind: 'remilitarisation' });
    expect(obligation(r, 'UKG', 'locarno-1925')!.active).toBe(true);
    expect(obligation(r, 'POL', 'franco-polish-1925')!.active).toBe(false);
    expect(breaches(r, 'GMY')).toEqual(['nonaggression:locarno-1925']);
  });

  it('shows the law\'s default act kinds only where they rule an act out', () => {
    const attack = on('1938-09-28', { attackers: ['GMY'], target: 'CZE' });
    expect(attack.states.flatMap((s) => s.obligations.flatMap((o) => o.conditions)).some((c) => c.type === 'act-kind')).toBe(false);
  });

  it('a kind that is no resort to war breaks neither the Covenant nor Kellogg-Briand, and binds nobody to fight without a clause that names it', () => {
    const pairs = [
      ['1935-10-03', 'ITA', 'ETH'],
      ['1938-09-28', 'GMY', 'CZE'],
      ['1939-09-01', 'GMY', 'POL'],
      ['1939-09-17', 'RUS', 'POL'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.constantFrom(...ACT_KINDS.filter((k) => !WAR_KINDS.has(k))), fc.constantFrom<Assumptions['leagueFinding']>(undefined, 'aggression', 'no-decision'), ([day, attacker, target], kind, leagueFinding) => {
        const r = on(day, { attackers: [attacker], target, kind }, { leagueFinding });
        expect(r.breaches.filter((b) => b.kind === 'league-covenant' || b.kind === 'war-renunciation')).toEqual([]);
        const world = worldAt(scenario, day);
        for (const s of r.states) {
          for (const o of s.obligations) {
            if (!o.active || (o.kind !== 'assist' && o.kind !== 'sanctions')) continue;
            const provision = world.treaties.find((t) => t.id === o.treaty)!.provisions.find((p) => p.id === o.provision)!;
            // Only a clause that names the kind (Locarno's flagrant breach of the zone) makes anyone fight.
            expect(provision.conditions.some((c) => c.type === 'act-kind' && c.kinds.includes(kind)), `${s.state} ${o.kind} ${o.treaty}`).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('a malformed act kind in the catalogue', () => {
  it('is refused with the case, the path and the kinds there are', () => {
    const text = `cases:\n  - id: F.9\n    title: Memel as an annexation\n    act: { at: 1939-03-22, attackers: [GMY], target: LIT, kind: annexation }\n    expect: {}\n    source: { ref: "a treaty, 1939" }\n`;
    expect(() => parseCatalogue(text, 'cases.yaml')).toThrow(/cases\.yaml:4:\d+: cases\[0\]\.act\.kind: .*attack.*cession/);
  });
});

describe('the League Council: three outcomes', () => {
  const munich = { attackers: ['GMY'], target: 'CZE', theatre: 'sudetenland' };
  const soviets = (leagueFinding: Assumptions['leagueFinding']) => obligation(on('1938-09-28', munich, { leagueFinding }), 'RUS', 'soviet-czechoslovak-1935')!;

  it('the Soviet-Czechoslovak Protocol of Signature binds on a finding of aggression or on no decision, not on a finding of none; pending when not assumed', () => {
    expect(soviets('aggression').active).toBe(true);
    expect(soviets('no-decision').active).toBe(true);
    expect(soviets('otherwise').active).toBe(false);
    expect(soviets(undefined).conditions.find((c) => c.type === 'league-finding')!.status).toBe('pending');
  });

  it('Covenant sanctions follow only a finding of aggression', () => {
    for (const [finding, due] of [['aggression', true], ['no-decision', false], ['otherwise', false]] as const) {
      expect(obligation(on('1938-09-28', munich, { leagueFinding: finding }), 'UKG', 'covenant', 'sanctions')!.active, finding).toBe(due);
    }
  });

  it('reads the older boolean as before: true is aggression, false a finding of none', () => {
    const strip = (r: Resolution) => JSON.stringify(r.states);
    expect(strip(on('1938-09-28', munich, { leagueFinding: true }))).toBe(strip(on('1938-09-28', munich, { leagueFinding: 'aggression' })));
    expect(strip(on('1938-09-28', munich, { leagueFinding: false }))).toBe(strip(on('1938-09-28', munich, { leagueFinding: 'otherwise' })));
    expect(on('1938-09-28', munich, { leagueFinding: true }).assumptions.leagueFinding).toBe('aggression');
  });

  it('names an outcome that does not exist', () => {
    expect(() => on('1938-09-28', munich, { leagueFinding: 'maybe' as never })).toThrow(/League finding "maybe" is not one of aggression, no-decision, otherwise/);
  });
});

describe('a prior action waits for the act the text names', () => {
  const hungary = { attackers: ['HUN'], target: 'CZE' };

  it('France applying League sanctions against Hungary is not the French assistance the Soviet-Czechoslovak protocol waits for', () => {
    const r = on('1938-09-28', hungary, { leagueFinding: 'aggression' });
    expect(obligation(r, 'FRN', 'covenant', 'sanctions')!.active).toBe(true);
    const soviet = obligation(r, 'RUS', 'soviet-czechoslovak-1935')!;
    expect(soviet.active).toBe(false);
    expect(soviet.conditions.find((c) => c.type === 'prior-action')).toMatchObject({ status: 'unmet', why: expect.stringMatching(/FRN takes part only by League sanctions, which are not assistance/) });
  });

  it('a condition written `act: any` is met by sanctions too', () => {
    const edited = structuredClone(scenario);
    const cond = edited.treaties.find((t) => t.id === 'soviet-czechoslovak-1935')!.provisions.find((p) => p.id === 'art-2')!.conditions.find((c) => c.type === 'prior-action')!;
    if (cond.type === 'prior-action') cond.act = 'any';
    expect(obligation(on('1938-09-28', hungary, { leagueFinding: 'aggression' }, edited), 'RUS', 'soviet-czechoslovak-1935')!.active).toBe(true);
  });

  it('France fighting Germany is assistance: the Soviet obligation follows', () => {
    expect(obligation(on('1938-09-28', { attackers: ['GMY'], target: 'CZE' }, { leagueFinding: 'aggression' }), 'RUS', 'soviet-czechoslovak-1935')!.active).toBe(true);
  });
});

describe('a state\'s last day (COW exit day)', () => {
  const lastDays = [
    ['AUS', '1938-03-13', '1938-03-14'],
    ['CZE', '1939-03-15', '1939-03-16'],
    ['ALB', '1939-04-07', '1939-04-08'],
    ['POL', '1939-09-27', '1939-09-28'],
  ] as const;

  it('the victim of the act that ends a state can be resolved on that day, and not the day after', () => {
    const attackerOf = { AUS: 'GMY', CZE: 'GMY', ALB: 'ITA', POL: 'GMY' } as const;
    for (const [state, last, after] of lastDays) {
      const r = on(last, { attackers: [attackerOf[state]], target: state });
      expect(r.act.target).toBe(state);
      expect(() => on(after, { attackers: [attackerOf[state]], target: state })).toThrow(new RegExp(`target "${state}" is not a state that exists on ${after}`));
    }
  });

  it('the treaties that end with the state are in force on its last day', () => {
    const poland = on('1939-09-27', { attackers: ['GMY'], target: 'POL' });
    expect(obligation(poland, 'UKG', 'anglo-polish-1939')!.active).toBe(true);
    expect(worldAt(scenario, '1939-03-15').treaties.map((t) => t.id)).toContain('little-entente-pact-1933');
    expect(worldAt(scenario, '1939-03-16').treaties.map((t) => t.id)).not.toContain('little-entente-pact-1933');
  });
});
