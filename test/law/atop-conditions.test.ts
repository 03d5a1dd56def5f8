/** The conditions that carry ATOP's neucoatt, defconum and defcodem: partner-attacked, attackers, demand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actContext, checkCondition, conditionStatus } from '../../src/law/conditions.js';
import { resolve } from '../../src/law/resolve.js';
import type { Act, Assumptions } from '../../src/law/types.js';
import { lawIndex } from '../../src/law/world-index.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { ConditionSchema, ScenarioSchema, type Condition } from '../../src/model/schema.js';
import { worldAt } from '../../src/world/world.js';
import { miniScenario, miniWorld } from './fixture.js';

const day = '1938-09-28';
const ctxOf = (act: Omit<Act, 'date'>, assumptions: Assumptions = {}) => actContext(lawIndex(miniWorld(day)), { ...act, date: day }, assumptions);
const STATES = ['CZE', 'FRN', 'GMY', 'HUN', 'ITA', 'POL', 'RUM', 'RUS', 'UKG'];

describe('partner-attacked', () => {
  const c: Condition = { type: 'partner-attacked' };
  it('is met toward the state attacked and unmet toward an attacker, whoever provoked', () => {
    fc.assert(
      fc.property(fc.boolean(), (provoked) => {
        const ctx = ctxOf({ attackers: ['ITA'], target: 'FRN' }, { provoked });
        expect(conditionStatus(ctx, c, 'FRN')).toBe('met');
        expect(conditionStatus(ctx, c, 'ITA')).toBe('unmet');
      }),
    );
  });

  it('says why in words', () => {
    const ctx = ctxOf({ attackers: ['ITA'], target: 'FRN' });
    expect(checkCondition(ctx, c, 'ITA').why).toContain('ITA is the attacker');
    expect(checkCondition(ctx, c, 'FRN').why).toBe('FRN is the party attacked');
  });

  it('stops the model reporting a breach of neutrality by a state that helps the victim of its neutrality partner', () => {
    // The USSR owes Italy neutrality; Italy attacks France; the USSR is bound to France once the League finds aggression.
    const pact = (conditions: Condition[]) => ({
      id: 'su-it',
      name: 'neutrality pact',
      parties: ['RUS', 'ITA'],
      signed: '1933-09-02',
      provisions: [{ id: 'n', kind: 'neutrality', conditions }],
      source: { parameter: 'test treaty' },
    });
    const world = (conditions: Condition[]) => worldAt(ScenarioSchema.parse({ ...miniScenario(), treaties: [...miniScenario().treaties, pact(conditions)] }), day);
    const act = { attackers: ['ITA'], target: 'FRN', date: day };
    const neutralityBreach = (conditions: Condition[]) => resolve(world(conditions), act, { leagueFinding: true }).breaches.filter((b) => b.state === 'RUS' && b.kind === 'neutrality');
    expect(neutralityBreach([])).toHaveLength(1);
    expect(neutralityBreach([{ type: 'partner-attacked' }])).toEqual([]);
    // Toward a partner that is the one attacked, the neutrality still binds.
    const r = resolve(world([{ type: 'partner-attacked' }]), { attackers: ['FRN'], target: 'ITA', date: day });
    expect(r.states.find((s) => s.state === 'RUS')!.obligations.find((o) => o.treaty === 'su-it')).toMatchObject({ kind: 'neutrality', toward: 'ITA', active: true });
  });
});

describe('attackers', () => {
  it('is met exactly when the number of attackers lies within min and max', () => {
    fc.assert(
      fc.property(
        fc.subarray(STATES.filter((s) => s !== 'CZE'), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        (attackers, min, max) => {
          fc.pre(min === undefined || max === undefined || min <= max);
          const ctx = ctxOf({ attackers, target: 'CZE' });
          const inRange = (min === undefined || attackers.length >= min) && (max === undefined || attackers.length <= max);
          expect(conditionStatus(ctx, { type: 'attackers', min, max }, 'CZE')).toBe(inRange ? 'met' : 'unmet');
        },
      ),
    );
  });

  it('rejects a min above the max, naming the problem', () => {
    const parsed = ConditionSchema.safeParse({ type: 'attackers', min: 3, max: 2 });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('min must not exceed max');
  });
});

describe('demand', () => {
  const c: Condition = { type: 'demand', note: 'the ultimatum of the treaty is refused' };
  it('waits when nothing is assumed, and follows the assumption otherwise', () => {
    expect(conditionStatus(ctxOf({ attackers: ['GMY'], target: 'CZE' }), c, 'CZE')).toBe('pending');
    expect(conditionStatus(ctxOf({ attackers: ['GMY'], target: 'CZE' }, { demands: true }), c, 'CZE')).toBe('met');
    expect(conditionStatus(ctxOf({ attackers: ['GMY'], target: 'CZE' }, { demands: false }), c, 'CZE')).toBe('unmet');
    expect(checkCondition(ctxOf({ attackers: ['GMY'], target: 'CZE' }), c, 'CZE').why).toContain('the ultimatum of the treaty is refused');
  });

  it('needs the demand in words', () => {
    expect(ConditionSchema.safeParse({ type: 'demand' }).success).toBe(false);
  });
});

describe('partner-attacked in the built-in scenario', () => {
  const DAYS = ['1932-06-01', '1935-10-03', '1937-09-01', '1938-09-28', '1939-05-01', '1939-09-01'];
  const worlds = new Map(DAYS.map((d) => [d, worldAt(loadBuiltInScenario(), d)]));

  it('never has a state breach, by fighting an attacker, a neutrality it owes only to a partner attacked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DAYS).chain((date) => {
          const states = worlds.get(date)!.states.map((s) => s.id);
          return fc.record({ date: fc.constant(date), attacker: fc.constantFrom(...states), target: fc.constantFrom(...states), leagueFinding: fc.boolean() });
        }),
        ({ date, attacker, target, leagueFinding }) => {
          fc.pre(attacker !== target);
          const world = worlds.get(date)!;
          const r = resolve(world, { attackers: [attacker], target, date }, { leagueFinding });
          const ownedOnlyToPartnerAttacked = (treaty: string, provision: string | undefined) =>
            world.treaties.find((t) => t.id === treaty)?.provisions.find((p) => p.id === provision)?.conditions.some((c) => c.type === 'partner-attacked') ?? false;
          const wrong = r.breaches.filter((b) => b.kind === 'neutrality' && b.state !== attacker && ownedOnlyToPartnerAttacked(b.treaty, b.provision));
          expect(wrong).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
