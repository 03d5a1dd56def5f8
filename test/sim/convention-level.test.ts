/**
 * Issue 11, roles from data: whether two states have a convention or only staff talks is the
 * `level` of a military-convention provision in the scenario, never a pattern in its id or summary.
 */
import { describe, expect, it } from 'vitest';
import type { Provision, Scenario } from '../../src/model/schema.js';
import { conventionBetween } from '../../src/sim/decision.js';
import { worldAt } from '../../src/world/world.js';
import { miniScenario } from '../law/fixture.js';

const DAY = '1938-09-28';

/** The fixture with one more treaty between FRN and CZE carrying the given military-convention provision. */
function withConvention(provision: Omit<Provision, 'kind' | 'conditions'>): Scenario {
  const s = miniScenario();
  const treaty = { id: 'staffs', name: 'Staffs', parties: ['FRN', 'CZE'], signed: '1930-01-01', secret: false, source: { parameter: 'hand-made test treaty' }, provisions: [{ ...provision, kind: 'military-convention' as const, conditions: [] }] };
  return { ...s, treaties: [...s.treaties, treaty] };
}

describe('convention level from data', () => {
  it('a military convention without a level is a convention', () => {
    expect(conventionBetween(worldAt(withConvention({ id: 'mc' }), DAY), 'FRN', 'CZE')).toBe('convention');
  });

  it('level: staff-talks is staff talks, whatever the provision is called', () => {
    expect(conventionBetween(worldAt(withConvention({ id: 'mc', level: 'staff-talks' }), DAY), 'FRN', 'CZE')).toBe('staff-talks');
  });

  it('words in the id or summary decide nothing (the old regex is gone)', () => {
    const worded = withConvention({ id: 'staff-talks', summary: 'Staff talks between the general staffs.' });
    expect(conventionBetween(worldAt(worded, DAY), 'FRN', 'CZE')).toBe('convention');
  });

  it('a convention outranks staff talks between the same pair', () => {
    const s = withConvention({ id: 'talks', level: 'staff-talks' });
    const both = { ...s, treaties: [...s.treaties, { ...s.treaties.at(-1)!, id: 'signed', provisions: [{ id: 'mc', kind: 'military-convention' as const, conditions: [] }] }] };
    expect(conventionBetween(worldAt(both, DAY), 'FRN', 'CZE')).toBe('convention');
  });
});
