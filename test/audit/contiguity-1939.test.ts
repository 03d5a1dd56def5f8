/**
 * The borders of the autumn of 1939 against COW Direct Contiguity v3.1: the partition of Poland,
 * Vilnius to Lithuania, and the Soviet annexation of eastern Poland on 1 November. COW is monthly,
 * so the check runs on one day of each month from September to December.
 */
import { describe, expect, it } from 'vitest';
import { contiguityAgreement } from '../../src/audit/contiguity.js';
import { readContiguity } from '../../src/data/cow-contiguity.js';
import { hasData } from '../../src/data/paths.js';
import { loadBuiltInScenario } from '../../src/model/load.js';

const withData = hasData() ? describe : describe.skip;

withData('the interwar scenario in the autumn of 1939 (needs ../shared/data)', () => {
  const scenario = loadBuiltInScenario();
  const rows = readContiguity().rows;
  const on = (monthDay: string) => contiguityAgreement(scenario, rows, { years: [1939], monthDay });
  const pairs = (ps: { pair: [string, string] }[]) => ps.map((d) => d.pair.join('–'));
  const joined = (ps: [string, string][]) => ps.map((p) => p.join('–'));

  it('explains every difference on the 20th of each month from September to December', () => {
    for (const monthDay of ['09-20', '10-20', '11-20', '12-20']) expect(on(monthDay).unexplained, monthDay).toEqual([]);
  });

  it('agrees with COW on every border once the USSR has annexed eastern Poland', () => {
    const december = on('12-20').years[0]!;
    expect(december.onlyInCasus).toEqual([]);
    expect(december.onlyInCow).toEqual([]);
    expect(joined(december.matched)).toEqual(expect.arrayContaining(['GMY–RUS', 'HUN–RUS', 'LIT–RUS', 'LAT–RUS', 'EST–RUS', 'FIN–RUS']));
    expect(joined(december.matched)).not.toContain('GMY–POL');
  });

  it('counts the October frontier through occupied Poland as COW does, only as a difference of method', () => {
    const october = on('10-20').years[0]!;
    expect(pairs(october.onlyInCow).sort()).toEqual(['GMY–RUS', 'LIT–RUS']);
    expect(joined(october.throughDependencies)).toEqual(expect.arrayContaining(['GMY–RUS', 'LIT–RUS']));
  });
});
