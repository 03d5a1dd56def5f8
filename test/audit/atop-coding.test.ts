/** `casus audit atop`: the scenario's provisions against ATOP 4.01, member by member, phase by phase, variable by variable. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { agrees, atopCoding, casusValue, compareAlliance, justifies, type CodingReport } from '../../src/audit/atop-coding.js';
import { atopCoverage } from '../../src/audit/atop-coverage.js';
import { readAtopMembers, type AtopMemberRow } from '../../src/data/atop.js';
import { hasData } from '../../src/data/paths.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { ScenarioSchema, type AtopCoding, type Scenario, type Treaty } from '../../src/model/schema.js';

const data = hasData() ? describe : describe.skip;

data('the interwar scenario against ATOP 4.01, variable by variable', () => {
  let report: CodingReport;
  beforeAll(() => {
    const scenario = loadBuiltInScenario();
    const rows = readAtopMembers().rows;
    report = atopCoding(scenario, rows, atopCoverage(scenario, rows));
  });
  const find = (atopid: number, member: string, variable: string) => report.disagreements.find((d) => d.atopid === atopid && d.member === member && d.variable === variable);

  it('leaves no disagreement unjustified and no justification stray', () => {
    const unjustified = report.disagreements.filter((d) => d.justification === null).map((d) => `${d.atopid} ${d.treaty} ${d.member} phase ${d.phase} ${d.variable}: ATOP ${d.atop}, casus ${d.casus}`);
    expect(unjustified).toEqual([]);
    expect(report.unjustified).toBe(0);
    expect(report.strayJustifications).toEqual([]);
  });

  it('compares every covered alliance, and its counts add up', () => {
    expect(report.covered).toBe(report.alliances - report.excluded.length);
    expect(report.excluded.map((e) => e.atopid)).toEqual([2420]);
    // 30 variables for each member and phase of some 70 alliances.
    expect(report.compared).toBeGreaterThan(5000);
    expect(report.agreements + report.disagreements.length).toBe(report.compared);
  });

  it('agrees with ATOP that the neutrality pacts bind only toward a partner attacked (neucoatt)', () => {
    for (const [atopid, member] of [[2295, 'RUS'], [2365, 'CZE'], [2305, 'ITA'], [2150, 'GMY'], [2415, 'CHN']] as const) expect(find(atopid, member, 'neucoatt'), `${atopid} ${member}`).toBeUndefined();
  });

  it('justifies the Locarno dates and Germany\'s place in the treaty by the text', () => {
    expect(find(2130, 'UKG', 'entry')).toMatchObject({ atop: '1925-10-16', casus: '1925-12-01' });
    expect(find(2130, 'UKG', 'entry')!.justification).toContain('initialled');
    expect(find(2130, 'GMY', 'defense')!.justification).toContain('Art. 4(3)');
  });

  it('keeps the Molotov-Ribbentrop neutrality whoever began, against ATOP\'s neucoatt, and says why', () => {
    expect(find(2470, 'RUS', 'neucoatt')).toMatchObject({ atop: 1, casus: 0 });
    expect(find(2470, 'RUS', 'neucoatt')!.justification).toContain('Art. II');
  });
});

/** Three states A (ccode 1), B (2), C (3). */
function scenarioWith(treaties: unknown[], atopCodingList: unknown[] = []): Scenario {
  const actor = (id: string, ccode: number) => ({ id, ccode, name: id, exists: [{ source: { ref: 'test' } }], capital: { name: 'x', lat: 0, lon: 0 }, source: { ref: 'test' } });
  return ScenarioSchema.parse({
    format: 1,
    id: 'test',
    name: 'test',
    span: { from: '1930-01-01', until: '1940-01-01' },
    actors: [actor('AAA', 1), actor('BBB', 2), actor('CCC', 3)],
    treaties,
    atopCoding: atopCodingList,
  });
}

const neutralityPact = (conditions: unknown[] = [{ type: 'partner-attacked' }]) => ({
  id: 'ab',
  name: 'ab',
  parties: ['AAA', 'BBB'],
  signed: '1931-01-01',
  atop: 10,
  provisions: [
    { id: 'n', kind: 'neutrality', conditions },
    { id: 'g', kind: 'guarantee', obliged: ['AAA'], beneficiaries: ['BBB'], conditions: [{ type: 'location', states: ['BBB'] }] },
  ],
  source: { ref: 'test' },
});

const row = (member: number, codes: Partial<AtopMemberRow> = {}, entry = '1931-01-01', exit?: string, phase = 0) =>
  ({ atopid: 10, member, phase, line: 1, entry, exit, extra: {}, ...codes }) as unknown as AtopMemberRow;

describe('casusValue', () => {
  const [treaty] = scenarioWith([neutralityPact()]).treaties as [Treaty];
  it('reads obligations and their conditions from the provisions binding the member', () => {
    expect(casusValue([treaty], 'AAA', 'neutral')).toBe(1);
    expect(casusValue([treaty], 'AAA', 'neucoatt')).toBe(1);
    expect(casusValue([treaty], 'AAA', 'neuconpr')).toBe(0);
    // The guarantee binds AAA alone: BBB owes no defence.
    expect(casusValue([treaty], 'AAA', 'defense')).toBe(1);
    expect(casusValue([treaty], 'AAA', 'defcoloc')).toBe(1);
    expect(casusValue([treaty], 'BBB', 'defense')).toBe(0);
    expect(casusValue([treaty], 'BBB', 'defcoloc')).toBe(0);
    // Suffixes casus has no condition for are always 0.
    expect(casusValue([treaty], 'AAA', 'concoreq')).toBe(0);
  });

  it('refuses a variable it does not know, naming it', () => {
    expect(() => casusValue([treaty], 'AAA', 'defcoxyz')).toThrow('"defcoxyz" is not an ATOP variable');
  });
});

describe('compareAlliance and atopCoding', () => {
  const rows = [row(1, { neutral: 1, neucoatt: 1, defense: 1, defcoloc: 1 } as never), row(2, { neutral: 1, neucoatt: 0 } as never)];

  it('reports each disagreement by member, and days against the span', () => {
    const comparisons = compareAlliance(scenarioWith([neutralityPact()]), 10, rows);
    const disagreeing = comparisons.filter((c) => !agrees(c)).map((c) => `${c.member} ${c.variable} ${c.atop}/${c.casus}`);
    expect(disagreeing).toEqual(['BBB neucoatt 0/1']);
    // Open-ended on both sides: both exits are the span's end.
    expect(comparisons.find((c) => c.member === 'AAA' && c.variable === 'exit')).toMatchObject({ atop: '1940-01-01', casus: '1940-01-01' });
  });

  it('counts a justified disagreement as justified, a stale justification as stray', () => {
    const justification = { treaty: 'ab', atop: 10, member: 'BBB', variable: 'neucoatt', atopValue: 0, casusValue: 1, justification: 'the article binds toward a partner attacked', source: { ref: 'test' } };
    const scenario = scenarioWith([neutralityPact()], [justification, { ...justification, atopValue: 1, casusValue: 0 }]);
    const coverage = atopCoverage(scenario, rows);
    const report = atopCoding(scenario, rows, coverage);
    expect(report.unjustified).toBe(0);
    expect(report.disagreements.map((d) => d.justification)).toEqual(['the article binds toward a partner attacked']);
    expect(report.strayJustifications.map((j) => j.atopValue)).toEqual([1]);
  });

  it('counts exactly the disagreements whose justification is removed as unjustified', () => {
    const scenario = scenarioWith([neutralityPact([])]);
    const all = atopCoding(scenario, rows, atopCoverage(scenario, rows));
    const justify = (d: (typeof all.disagreements)[number]): AtopCoding => ({ treaty: d.treaty, atop: d.atopid, member: d.member, variable: d.variable, atopValue: d.atop, casusValue: d.casus, justification: 'a justification long enough', source: { ref: 'test' } });
    fc.assert(
      fc.property(fc.subarray(all.disagreements.map((_, i) => i)), (kept) => {
        const s = { ...scenario, atopCoding: kept.map((i) => justify(all.disagreements[i]!)) };
        const r = atopCoding(s, rows, atopCoverage(s, rows));
        expect(r.unjustified).toBe(all.disagreements.length - kept.length);
        expect(r.strayJustifications).toEqual([]);
        for (const d of r.disagreements) expect(d.justification !== null).toBe(kept.some((i) => justifies(justify(all.disagreements[i]!), d)));
      }),
    );
  });

  it('compares codes as any-or-none and days exactly', () => {
    fc.assert(fc.property(fc.nat(9), fc.nat(9), (a, b) => {
        expect(agrees({ atop: a, casus: b })).toBe(a > 0 === b > 0);
      }));
    expect(agrees({ atop: '1936-03-07', casus: '1936-03-08' })).toBe(false);
  });
});
