/** ATOP 4.01 coverage: every alliance of the decade among scenario states is included or omitted with a reason. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readAtopMembers, type AtopMemberRow } from '../../src/data/atop.js';
import { hasData } from '../../src/data/paths.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { ScenarioSchema, type Scenario } from '../../src/model/schema.js';
import { atopCoverage, describeCoverage, isComplete, memberOmissionId, type CoverageReport } from '../../src/audit/atop-coverage.js';

const data = hasData() ? describe : describe.skip;

data('the interwar scenario against ATOP 4.01', () => {
  let report: CoverageReport;
  beforeAll(() => {
    report = atopCoverage(loadBuiltInScenario(), readAtopMembers().rows);
  });
  const at = (atopid: number) => report.alliances.find((a) => a.atopid === atopid);

  it('covers every alliance in force among scenario states, each included or omitted', () => {
    const missing = report.alliances.filter((a) => a.status === 'missing').map((a) => `${a.atopid} (${a.members.map((m) => m.actor ?? m.ccode).join(' ')})`);
    expect(missing).toEqual([]);
    expect(report.alliances.length).toBeGreaterThan(40);
  });

  it('gives every omission a reason, and names no alliance or member that is not in scope', () => {
    for (const a of report.alliances.filter((x) => x.status === 'omitted')) expect(a.omission!.reason.length).toBeGreaterThan(20);
    expect(report.strayOmissions).toEqual([]);
  });

  it('matches the parties of included alliances to ATOP members, or explains the difference', () => {
    const unexplained = report.alliances.flatMap((a) => a.differences.filter((d) => d.explanation === undefined).map((d) => `${a.atopid}: ${d.side} ${d.actor ?? d.ccode}`));
    expect(unexplained).toEqual([]);
  });

  it('carries in the provisions of each included alliance every obligation ATOP codes for it within the span', () => {
    const missing = report.alliances.filter((a) => a.obligationsMissing.length).map((a) => `${a.atopid}: ${a.obligationsMissing.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('has each included treaty in force during the alliance ATOP codes, and no treaty with a foreign ATOP id', () => {
    expect(report.alliances.filter((a) => a.disjoint).map((a) => a.atopid)).toEqual([]);
    expect(report.strayTreaties).toEqual([]);
    expect(isComplete(report)).toBe(true);
  });

  it('maps the key alliances to the treaty ids the resolver catalogue uses', () => {
    const expected: Record<number, string[]> = {
      2060: ['franco-polish-1921'],
      2070: ['polish-romanian-1921'],
      2130: ['locarno-1925'],
      2135: ['franco-polish-1925'],
      2140: ['franco-czechoslovak-1925'],
      2150: ['berlin-1926'],
      2295: ['soviet-polish-1932'],
      2325: ['german-polish-1934'],
      2330: ['balkan-pact-1934'],
      2360: ['franco-soviet-1935'],
      2365: ['soviet-czechoslovak-1935'],
      2370: ['soviet-mongolian-1936'],
      2395: ['anti-comintern-1936'],
      2415: ['sino-soviet-1937'],
      2440: ['anglo-polish-assurance-1939', 'anglo-polish-1939'],
      2445: ['pact-of-steel-1939'],
      2470: ['molotov-ribbentrop-1939'],
    };
    for (const [atopid, treaties] of Object.entries(expected)) expect(at(Number(atopid))?.treaties, `ATOP ${atopid}`).toEqual(treaties);
  });

  it('finds ATOP members as scenario parties: Locarno binds Britain, Belgium, France, Germany and Italy', () => {
    expect(at(2130)!.members.map((m) => m.actor)).toEqual(['UKG', 'BEL', 'FRN', 'GMY', 'ITA']);
    expect(at(2130)!.differences).toEqual([]);
  });

  it('prints a summary whose counts add up', () => {
    const lines = describeCoverage(report);
    const summary = lines.find((l) => l.startsWith('included '))!;
    const [included, omitted, missing] = summary.match(/\d+/g)!.map(Number);
    expect(included! + omitted! + missing!).toBe(report.alliances.length);
    expect(lines.at(-1)).toBe('complete');
  });
});

/** A scenario of three states A (ccode 1), B (2), C (3) and an entity M without a COW code. */
function scenarioWith(part: Partial<Pick<Scenario, 'treaties' | 'omissions'>>): Scenario {
  const actor = (id: string, ccode?: number) => ({
    id,
    ...(ccode === undefined ? { kind: 'entity' } : { ccode }),
    name: id,
    exists: [{ source: { ref: 'test' } }],
    capital: { name: 'x', lat: 0, lon: 0 },
    source: { ref: 'test' },
  });
  return ScenarioSchema.parse({
    format: 1,
    id: 'test',
    name: 'test',
    span: { from: '1930-01-01', until: '1940-01-01' },
    actors: [actor('AAA', 1), actor('BBB', 2), actor('CCC', 3), actor('MMM')],
    ...part,
  });
}

const treaty = (id: string, atop: number, parties: string[], signed = '1931-01-01', until?: string) => ({
  id,
  name: id,
  parties,
  signed,
  ...(until ? { until } : {}),
  atop,
  provisions: [{ id: 'p', kind: 'nonaggression' }],
  source: { ref: 'test' },
});

const row = (atopid: number, member: number, entry: string, exit?: string) => ({ atopid, member, phase: 0, line: 1, entry, exit, extra: {} }) as unknown as AtopMemberRow;

describe('atopCoverage', () => {
  const rows = [row(10, 1, '1931-01-01'), row(10, 2, '1931-01-01'), row(20, 1, '1935-01-01', '1936-01-01'), row(20, 3, '1935-01-01', '1936-01-01'), row(30, 1, '1920-01-01', '1925-01-01'), row(30, 2, '1920-01-01', '1925-01-01'), row(40, 1, '1932-01-01'), row(40, 99, '1932-01-01')];

  it('reports an alliance neither included nor omitted as missing, and ignores alliances outside the span', () => {
    const report = atopCoverage(scenarioWith({}), rows);
    expect(report.alliances.map((a) => [a.atopid, a.status])).toEqual([
      [10, 'missing'],
      [20, 'missing'],
    ]);
    expect(report.outOfScope).toEqual([{ atopid: 40, members: [1, 99], scenarioMembers: ['AAA'] }]);
    expect(isComplete(report)).toBe(false);
  });

  it('counts a treaty with the ATOP id as included and an omission with a reason as omitted', () => {
    const report = atopCoverage(scenarioWith({ treaties: [treaty('t10', 10, ['AAA', 'BBB'])] as never, omissions: [{ dataset: 'ATOP 4.01', id: '20', reason: 'a reason' }] }), rows);
    expect(report.alliances.map((a) => [a.atopid, a.status, a.treaties])).toEqual([
      [10, 'included', ['t10']],
      [20, 'omitted', []],
    ]);
    expect(isComplete(report)).toBe(true);
  });

  it('flags a party difference unless a member omission or the COW system explains it', () => {
    const scenario = scenarioWith({ treaties: [treaty('t10', 10, ['AAA', 'CCC', 'MMM']), treaty('t20', 20, ['AAA', 'CCC'])] as never });
    const differences = atopCoverage(scenario, rows).alliances[0]!.differences;
    expect(differences.map((d) => [d.side, d.actor, d.explanation === undefined])).toEqual([
      ['atop-only', 'BBB', true],
      ['scenario-only', 'CCC', true],
      ['scenario-only', 'MMM', false],
    ]);
    const explained = scenarioWith({
      treaties: scenario.treaties,
      omissions: [
        { dataset: 'ATOP 4.01', id: memberOmissionId(10, 2), reason: 'B left before the span' },
        { dataset: 'ATOP 4.01', id: memberOmissionId(10, 'CCC'), reason: 'C adhered later' },
      ],
    });
    const report = atopCoverage(explained, rows);
    expect(report.alliances[0]!.differences.map((d) => d.explanation)).toEqual(['B left before the span', 'C adhered later', 'MMM is not in the COW state system, which ATOP codes']);
    expect(isComplete(report)).toBe(true);
  });

  it('flags a treaty that is never in force while ATOP has the alliance, and ATOP ids that name nothing in scope', () => {
    const scenario = scenarioWith({ treaties: [treaty('t10', 10, ['AAA', 'BBB'], '1925-01-01', '1926-01-01'), treaty('t20', 20, ['AAA', 'CCC']), treaty('t30', 30, ['AAA', 'BBB']), treaty('t99', 99, ['AAA', 'BBB'])] as never });
    const report = atopCoverage(scenario, rows);
    expect(report.alliances.find((a) => a.atopid === 10)!.disjoint).toBe(true);
    expect(report.alliances.find((a) => a.atopid === 20)!.disjoint).toBe(false);
    expect(report.strayTreaties.map((s) => [s.treaty, s.why])).toEqual([
      ['t30', 'the alliance is not in force among scenario states within the span'],
      ['t99', 'no such ATOP alliance'],
    ]);
    expect(isComplete(report)).toBe(false);
  });

  it('names the obligations ATOP codes that no provision carries, looking only at phases within the span', () => {
    const coded = [
      { ...row(50, 1, '1931-01-01'), defense: 1, nonagg: 1 },
      { ...row(50, 2, '1931-01-01'), defense: 1, nonagg: 1 },
      { ...row(50, 1, '1920-01-01', '1925-01-01'), offense: 1 },
    ] as AtopMemberRow[];
    const only = (kind: string) => atopCoverage(scenarioWith({ treaties: [{ ...treaty('t50', 50, ['AAA', 'BBB']), provisions: [{ id: 'p', kind }] }] as never }), coded).alliances[0]!;
    expect(only('nonaggression').obligationsMissing).toEqual(['defense']);
    expect(only('guarantee').obligationsMissing).toEqual(['nonagg']);
  });

  it('reports an omission that names no alliance in scope as stray', () => {
    const report = atopCoverage(scenarioWith({ treaties: [treaty('t10', 10, ['AAA', 'BBB']), treaty('t20', 20, ['AAA', 'CCC'])] as never, omissions: [{ dataset: 'ATOP 4.01', id: '30', reason: 'before the span' }, { dataset: 'COW', id: '30', reason: 'other dataset' }] }), rows);
    expect(report.strayOmissions.map((o) => o.id)).toEqual(['30']);
  });
});
