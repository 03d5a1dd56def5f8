/** worldAt on a small scenario whose answers are known by construction. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/model/errors.js';
import { parseScenario } from '../../src/model/parse.js';
import { changeDays } from '../../src/world/changes.js';
import { worldAt } from '../../src/world/world.js';

const mini = parseScenario(readFileSync(new URL('../model/fixtures/mini.yaml', import.meta.url), 'utf8'), 'mini.yaml');

describe('worldAt', () => {
  it('derives borders from who controls adjacent territories, before and after an annexation', () => {
    expect(worldAt(mini, '1938-03-12').borders).toEqual([['AAA', 'BBB'], ['BBB', 'CCC']]);
    const after = worldAt(mini, '1938-03-13');
    expect(after.states.map((s) => s.id)).toEqual(['AAA', 'CCC']);
    expect(after.borders).toEqual([['AAA', 'CCC']]);
    expect(after.territories.find((t) => t.id === 'beta')).toMatchObject({ controller: 'AAA', status: 'annexed' });
  });

  it('ends a membership two years after notice under the withdrawal rule', () => {
    const league = (day: string) => worldAt(mini, day).organizations.find((o) => o.id === 'LON')!;
    expect(league('1933-10-18')).toMatchObject({ members: ['AAA', 'CCC'], leaving: [] });
    expect(league('1934-01-01').leaving).toEqual([{ member: 'AAA', notice: '1933-10-19', until: '1935-10-19' }]);
    expect(league('1935-10-18').members).toContain('AAA');
    expect(league('1935-10-19').members).toEqual(['CCC']);
  });

  it('lists a treaty as signed before it is in force, and in force after', () => {
    expect(worldAt(mini, '1935-06-01')).toMatchObject({ treaties: [], signedNotInForce: [{ id: 'pact', inForce: '1936-03-27' }] });
    const [pact] = worldAt(mini, '1936-03-27').treaties;
    expect(pact).toMatchObject({ id: 'pact', parties: ['AAA', 'CCC'], status: 'in-force' });
    expect(pact!.provisions[0]).toMatchObject({ kind: 'defence', obliged: ['AAA', 'CCC'], beneficiaries: ['AAA', 'CCC'] });
  });

  it('refuses a day outside the scenario', () => {
    expect(() => worldAt(mini, '1929-12-31')).toThrow(QueryError);
    expect(() => worldAt(mini, '1940-01-01')).toThrow(/outside scenario "mini"/);
  });

  it('is pure: the same day twice gives equal worlds and the scenario is untouched', () => {
    const before = JSON.stringify(mini);
    expect(worldAt(mini, '1937-01-01')).toEqual(worldAt(mini, '1937-01-01'));
    expect(JSON.stringify(mini)).toBe(before);
  });
});

describe('changeDays', () => {
  it('holds every day a fact starts or ends, inside the span, sorted', () => {
    const days = changeDays(mini);
    expect(days).toEqual([...days].sort());
    for (const day of ['1930-01-01', '1933-10-19', '1935-05-02', '1935-10-19', '1936-03-27', '1938-03-13']) expect(days).toContain(day);
    expect(days.every((d) => d >= mini.span.from && d < mini.span.until)).toBe(true);
  });
});

describe('treaty parties over time', () => {
  it('a state that stops being a party stops benefiting', () => {
    const scenario = structuredClone(mini);
    scenario.treaties[0]!.parties = ['AAA', { state: 'CCC', until: '1937-01-01', source: { ref: 'test' } }];
    scenario.treaties[0]!.provisions[0]!.beneficiaries = ['AAA', 'CCC'];
    expect(worldAt(scenario, '1936-06-01').treaties[0]!.provisions[0]!.beneficiaries).toEqual(['AAA', 'CCC']);
    const later = worldAt(scenario, '1937-06-01').treaties[0]!;
    expect(later.parties).toEqual(['AAA']);
    expect(later.provisions[0]!.beneficiaries).toEqual(['AAA']);
  });
});
