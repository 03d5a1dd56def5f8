import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeTerm, parseLocations, readLocations } from '../../src/audit/locations.js';
import { readAttacks } from '../../src/audit/reliability-attacks.js';
import { offencePairs } from '../../src/audit/reliability-offence.js';
import { readAtopMembers } from '../../src/data/atop.js';
import { besideThePapers, papersMarkdown } from '../../src/audit/reliability-papers.js';
import { auditReliability, type ReliabilityReport } from '../../src/audit/reliability.js';
import { readImportInputs } from '../../src/data/import-files.js';
import { importScenario } from '../../src/data/import.js';
import { hasData } from '../../src/data/paths.js';
import { ScenarioError } from '../../src/model/errors.js';

describe('conditions judged war by war (terms)', () => {
  it('reads the shipped terms, each with a source, and judges them as coded', () => {
    const coding = readLocations();
    expect(coding.terms.length).toBeGreaterThanOrEqual(5);
    expect(coding.terms.every((t) => t.source !== undefined)).toBe(true);
    expect(judgeTerm(coding, 1415, 1, 85, 'offconum').verdict).toBe('outside');
    expect(judgeTerm(coding, 1470, undefined, 100, 'offconum').verdict).toBe('within');
    expect(judgeTerm(coding, 1470, undefined, 103, 'offconum').verdict).toBe('undecidable');
  });

  it('judges any coded term as its entry says, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom('offconum', 'defcodem', 'neucocon'), fc.boolean(), (atop, war, condition, met) => {
        const coding = parseLocations(`terms:\n  - { atop: ${atop}, war: ${war}, condition: ${condition}, met: ${met}, source: { ref: "a ref" } }\n`, 't.yaml');
        expect(judgeTerm(coding, atop, undefined, war, condition).verdict).toBe(met ? 'within' : 'outside');
        expect(judgeTerm(coding, atop, undefined, war + 1, condition).verdict).toBe('undecidable');
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a malformed or repeated term with file, line and column', () => {
    expect(() => parseLocations('terms:\n  - { atop: 1, war: 2, condition: offcoloc, met: true, source: { ref: "r" } }\n', 'x.yaml')).toThrow(/x\.yaml:2:\d+: terms\[0\]\.condition/);
    const twice = 'terms:\n  - { atop: 1, war: 2, condition: offcodem, met: true, source: { ref: "r" } }\n  - { atop: 1, war: 2, condition: offcodem, met: false, source: { ref: "r" } }\n';
    expect(() => parseLocations(twice, 'y.yaml')).toThrow(ScenarioError);
    expect(() => parseLocations(twice, 'y.yaml')).toThrow(/y\.yaml:3:\d+: terms\[1\]\.condition: ATOP 1 has a second offcodem entry for war 2/);
  });
});

const data = hasData() ? describe : describe.skip;

data('offence cases and restraint readings', () => {
  let report: ReliabilityReport;
  let noCoAttackers: ReliabilityReport;
  let fought: ReliabilityReport;
  let idOf: Map<number, string>;
  let inputs: Awaited<ReturnType<typeof readImportInputs>>;
  beforeAll(async () => {
    inputs = await readImportInputs('all');
    const { scenario, unexpressed } = importScenario(inputs, { from: 1816, to: 2003 });
    idOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
    const options = { locations: readLocations(), attacks: readAttacks() };
    report = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed, options);
    noCoAttackers = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed, { ...options, leaveOutCoAttackers: true });
    fought = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed, { ...options, restraintsOnlyWhenFought: true });
  }, 180_000);

  const offence = (r: ReliabilityReport, war: number, ally: string, toward: string) => r.list.find((c) => c.kind === 'offence' && c.war === war && c.ally === ally && c.toward === toward);

  it('judges the Balkan League of 1912 and the Austro-Prussian convention of 1864 among co-attackers, honoured', () => {
    expect(offence(report, 100, 'YUG', 'BUL')).toMatchObject({ atop: 1470, honoured: true });
    expect(offence(report, 100, 'BUL', 'YUG')).toMatchObject({ atop: 1470, honoured: true });
    expect(offence(report, 46, 'AUH', 'GMY')).toMatchObject({ atop: 1245, honoured: true });
    expect(offence(noCoAttackers, 100, 'YUG', 'BUL')).toBeUndefined();
  });

  it('judges Italy beside Prussia in 1866 and Britain and France beside Israel in 1956', () => {
    expect(offence(report, 55, 'ITA', 'GMY')).toMatchObject({ atop: 1265, honoured: true });
    expect(offence(report, 155, 'UKG', 'ISR')).toMatchObject({ atop: 3322, honoured: true });
    expect(offence(noCoAttackers, 55, 'ITA', 'GMY')).toBeDefined();
  });

  it('finds, from the data files alone, every offence ally that joined its partner\'s war among the cases, and no case outside those pairs', () => {
    const pairs = offencePairs(readAtopMembers().rows, inputs.wars!);
    const joined = pairs.filter((p) => p.did === 'joined' && idOf.has(p.ally) && idOf.has(p.partner));
    expect(joined.length).toBeGreaterThanOrEqual(6);
    for (const p of joined) expect(offence(report, p.war, idOf.get(p.ally)!, idOf.get(p.partner)!), `ATOP ${p.atop} in war ${p.war}`).toMatchObject({ atop: p.atop, honoured: true });
    // COW names one initiator where two allies attacked together (Prussia in 1864, Serbia in 1912); the audit judges both directions.
    const key = (war: number, atop: number, a: string, b: string) => `${war}|${atop}|${[a, b].sort().join('|')}`;
    const known = new Set(pairs.map((p) => key(p.war, p.atop, idOf.get(p.ally) ?? '?', idOf.get(p.partner) ?? '?')));
    for (const c of report.list.filter((x) => x.kind === 'offence')) expect(known.has(key(c.war, c.atop!, c.ally, c.toward)), `${c.ally} in war ${c.war}`).toBe(true);
  });

  it('leaves Britain out of the Russo-Japanese war: Russia fought alone, outside the 1902 agreement terms', () => {
    expect(report.list.some((c) => c.war === 85 && c.ally === 'UKG' && c.kind === 'offence')).toBe(false);
    expect(report.excluded['offence: the war falls outside its terms (offconum)']).toBe(1);
  });

  it('with --restraints-only-when-fought keeps exactly the restraint cases where the ally fought', () => {
    for (const kind of ['neutrality', 'nonaggression'] as const) {
      const expected = report.list.filter((c) => c.kind === kind && c.allyFought);
      expect(fought.byKind[kind].cases).toBe(expected.length);
      expect(fought.byKind[kind].honoured).toBe(expected.filter((c) => c.honoured).length);
    }
    expect(fought.byKind.defence).toEqual(report.byKind.defence);
    // Italy's 1935 breach of its treaty with Ethiopia survives the filter.
    expect(fought.list.some((c) => c.war === 127 && c.ally === 'ITA' && !c.honoured)).toBe(true);
  });

  it('sets each kind beside both papers, and names the Arab League as what halves the defence figure', () => {
    const rows = besideThePapers(report);
    const defence = rows.find((r) => r.kind === 'defence')!;
    expect(defence.full.cases).toBe(report.byKind.defence.cases);
    expect(defence.bf).toBe(0.41);
    expect(defence.largest?.treaty).toMatch(/3205/);
    expect(defence.largest!.without.share!).toBeGreaterThan(defence.full.share!);
    expect(rows.find((r) => r.kind === 'all')!.llm).toBe(0.745);
    expect(papersMarkdown(rows).join('\n')).toMatch(/nonaggression.*where the ally fought in the war at all/);
  });
});
