/** The borders check: casus's derived borders against COW Direct Contiguity v3.1 (land). */
import { describe, expect, it } from 'vitest';
import { casusBorders, contiguityAgreement, EXPLAINED_DIFFERENCES } from '../../src/audit/contiguity.js';
import type { ContiguityRow } from '../../src/data/cow-contiguity.js';
import { readContiguity } from '../../src/data/cow-contiguity.js';
import { hasData } from '../../src/data/paths.js';
import { QueryError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { parseScenario } from '../../src/model/parse.js';
import { worldAt } from '../../src/world/world.js';

const source = '{ ref: "test" }';
/** Two states that meet at home until one annexes a province of a third, and a colony of one beside the other. */
const tiny = parseScenario(
  `format: 1
id: tiny
name: tiny
span: { from: 1930-01-01, until: 1940-01-01 }
actors:
  - { id: AAA, ccode: 1, name: A, exists: [{ source: ${source} }], capital: { name: a, lat: 0, lon: 0 }, source: ${source} }
  - { id: BBB, ccode: 2, name: B, exists: [{ source: ${source} }], capital: { name: b, lat: 0, lon: 0 }, source: ${source} }
  - { id: CCC, ccode: 3, name: C, exists: [{ until: 1935-03-01, source: ${source} }], capital: { name: c, lat: 0, lon: 0 }, source: ${source} }
  - { id: PUP, kind: entity, name: Puppet, exists: [{ source: ${source} }], capital: { name: p, lat: 0, lon: 0 }, source: ${source} }
territories:
  - { id: a, name: a, control: [{ controller: AAA, source: ${source} }], source: ${source} }
  - { id: b, name: b, control: [{ controller: BBB, source: ${source} }], source: ${source} }
  - { id: c, name: c, control: [{ controller: CCC, until: 1935-03-01, source: ${source} }, { controller: AAA, status: annexed, from: 1935-03-01, source: ${source} }], source: ${source} }
  - { id: colony, name: colony, control: [{ controller: AAA, status: colony, source: ${source} }], source: ${source} }
  - { id: p, name: p, control: [{ controller: PUP, status: puppet, source: ${source} }], source: ${source} }
adjacency:
  - { between: [b, c], source: ${source} }
  - { between: [colony, b], source: ${source} }
  - { between: [p, b], source: ${source} }
`,
  'tiny.yaml',
);
const row = (aCode: number, bCode: number, from: string, until: string, type: 1 | 2 = 1): ContiguityRow => ({ a: `S${aCode}`, b: `S${bCode}`, aCode, bCode, type, from, until, notes: '' });

describe('contiguityAgreement on a scenario built for it', () => {
  it('scores homeland borders only, leaves entities out, and reads COW months inclusively', () => {
    const rows = [row(2, 3, '1900-01', '1935-03'), row(1, 2, '1935-03', '1999-12'), row(1, 2, '1900-01', '1999-12', 2)];
    const report = contiguityAgreement(tiny, rows, { years: [1934, 1935, 1936], monthDay: '03-15', explained: [] });
    const [y1934, y1935, y1936] = report.years;
    // 1934: B–C at home matches COW; A–B only through A's colony is not scored; the puppet is not a COW state.
    expect(y1934).toMatchObject({ matched: [['BBB', 'CCC']], onlyInCasus: [], onlyInCow: [], throughDependencies: [['AAA', 'BBB']], agreement: 1 });
    // March 1935: C is gone by the 15th; COW's row for B–C runs through March, but C no longer exists, so it is not compared.
    expect(y1935).toMatchObject({ matched: [['AAA', 'BBB']], onlyInCasus: [], onlyInCow: [] });
    expect(y1936!.matched).toEqual([['AAA', 'BBB']]);
    expect(report.overall).toEqual({ matched: 3, onlyInCasus: 0, onlyInCow: 0, agreement: 1 });
  });

  it('counts a border COW lacks and one casus lacks, and names them unexplained until explained', () => {
    const report = contiguityAgreement(tiny, [row(1, 3, '1930-01', '1934-12')], { years: [1934], monthDay: '07-01', explained: [] });
    expect(report.years[0]).toMatchObject({ matched: [], onlyInCasus: [{ pair: ['BBB', 'CCC'] }], onlyInCow: [{ pair: ['AAA', 'CCC'] }], agreement: 0 });
    expect(report.unexplained).toEqual([
      { year: 1934, side: 'casus', pair: ['BBB', 'CCC'] },
      { year: 1934, side: 'cow', pair: ['AAA', 'CCC'] },
    ]);
    const explained = contiguityAgreement(tiny, [], { years: [1934], explained: [{ pair: ['CCC', 'BBB'], side: 'casus', years: [1930, 1934], reason: 'because' }] });
    expect(explained.years[0]!.onlyInCasus).toEqual([{ pair: ['BBB', 'CCC'], explained: 'because' }]);
    expect(explained.unexplained).toEqual([]);
  });

  it('refuses a day of the year that does not exist, and audits 29 February only in leap years', () => {
    expect(() => contiguityAgreement(tiny, [], { monthDay: '13-45' })).toThrow(/"13-45" is not a day of the year/);
    expect(() => contiguityAgreement(tiny, [], { monthDay: '7-1' })).toThrow(QueryError);
    expect(contiguityAgreement(tiny, [], { monthDay: '02-29' }).years.map((y) => y.year)).toEqual([1932, 1936]);
  });

  it('splits the world’s borders into homeland and through dependencies', () => {
    const { homeland, throughDependencies } = casusBorders(tiny, worldAt(tiny, '1936-01-01'));
    expect([...homeland]).toEqual(['AAA BBB']);
    expect([...throughDependencies]).toEqual([]);
  });
});

const withData = hasData() ? describe : describe.skip;

withData('the interwar scenario against COW Direct Contiguity v3.1 (needs ../shared/data)', () => {
  const report = contiguityAgreement(loadBuiltInScenario(), readContiguity().rows);

  it('audits 1 July of every year 1929–1939', () => {
    expect(report.years.map((y) => y.year)).toEqual([1929, 1930, 1931, 1932, 1933, 1934, 1935, 1936, 1937, 1938, 1939]);
  });

  it('agrees on at least 99% of land borders overall and 97% in every year', () => {
    expect(report.overall.agreement).toBeGreaterThanOrEqual(0.99);
    for (const year of report.years) expect(year.agreement, `${year.year}`).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves no difference unexplained', () => {
    expect(report.unexplained).toEqual([]);
  });

  it('uses every explanation it keeps: none is stale', () => {
    // Explanations narrowed to months of 1939 are met on the 20th of each month from September.
    const late1939 = ['09-20', '10-20', '11-20', '12-20'].map((monthDay) => contiguityAgreement(loadBuiltInScenario(), readContiguity().rows, { years: [1939], monthDay }));
    const years = [...report.years, ...late1939.flatMap((r) => r.years)];
    for (const e of EXPLAINED_DIFFERENCES) {
      const seen = years.some((y) => (e.side === 'casus' ? y.onlyInCasus : y.onlyInCow).some((d) => d.pair.join() === [...e.pair].sort().join()));
      expect(seen, `${e.pair.join('–')} (${e.side})`).toBe(true);
    }
  });

  it('matches the borders COW and the seeds agree on', () => {
    const year = (y: number) => report.years.find((r) => r.year === y)!;
    const matched = (y: number) => year(y).matched.map((p) => p.join('–'));
    expect(matched(1937)).toEqual(expect.arrayContaining(['AUS–GMY', 'CZE–GMY', 'CZE–RUM', 'POL–RUS', 'RUM–RUS']));
    expect(matched(1938)).toEqual(expect.arrayContaining(['GMY–ITA', 'GMY–HUN', 'GMY–YUG']));
    expect(matched(1938)).not.toContain('AUS–GMY');
    expect(matched(1939)).not.toContain('CZE–RUM');
    // Japan meets China through Korea and Kwantung in 1929, through occupied North China in 1938; never at home.
    const colonial = (y: number) => year(y).throughDependencies.map((p) => p.join('–'));
    expect(colonial(1929)).toContain('CHN–JPN');
    expect(colonial(1937)).not.toContain('CHN–JPN');
    expect(colonial(1938)).toContain('CHN–JPN');
  });
});
