import { beforeAll, describe, expect, it } from 'vitest';
import { auditReliability, type ReliabilityReport } from '../../src/audit/reliability.js';
import { readImportInputs } from '../../src/data/import-files.js';
import { importScenario, type ImportInputs } from '../../src/data/import.js';
import { hasData } from '../../src/data/paths.js';

const data = hasData() ? describe : describe.skip;

data('alliance reliability against COW wars and ATOP alliances', () => {
  let inputs: ImportInputs;
  let report: ReliabilityReport;
  beforeAll(async () => {
    inputs = await readImportInputs('all');
    const { scenario, unexpressed } = importScenario(inputs, { from: 1816, to: 1944 });
    report = auditReliability(scenario, inputs.wars!, 1816, 1944, unexpressed);
  });

  it('reports a share, the number of cases and the tally by kind', () => {
    expect(report.cases).toBe(report.list.length);
    expect(report.honoured).toBeCloseTo(report.list.filter((c) => c.honoured).length / report.cases, 12);
    const byKind = Object.values(report.byKind).reduce((n, k) => n + k.cases, 0);
    expect(byKind).toBe(report.cases);
    expect(report.military.cases).toBe(report.byKind.defence.cases + report.byKind.offence.cases);
    expect(report.wars).toBeGreaterThan(50);
  });

  it('finds Britain honouring its guarantee to Poland in September 1939', () => {
    const uk = report.list.find((c) => c.war === 139 && c.ally === 'UKG' && c.toward === 'POL' && c.kind === 'defence')!;
    expect(uk).toMatchObject({ honoured: true, atop: 2440 });
  });

  it('finds Italy breaking its 1928 treaty with Ethiopia in 1935', () => {
    const italy = report.list.find((c) => c.war === 127 && c.ally === 'ITA' && c.toward === 'ETH');
    expect(italy).toMatchObject({ kind: 'nonaggression', honoured: false });
  });

  it('does not count Romania, which fought only from 1941, as helping Poland in 1939', () => {
    // COW's abbreviation is ROM; ATOP 2070 (Polish-Romanian alliance) is in force on 31 August 1939.
    const romania = report.list.find((c) => c.war === 139 && c.ally === 'ROM' && c.kind === 'defence');
    expect(romania).toMatchObject({ toward: 'POL', honoured: false });
  });

  it('leaves out consultation and provisions whose ATOP conditions casus cannot express, saying why', () => {
    expect(Object.keys(report.excluded).some((r) => r.startsWith('consult'))).toBe(true);
    expect(Object.keys(report.excluded).some((r) => r.includes('cannot express'))).toBe(true);
  });

  it('counts only wars that begin in the years asked for', () => {
    const { scenario, unexpressed } = importScenario(inputs, { from: 1914, to: 1918 });
    const ww1 = auditReliability(scenario, inputs.wars!, 1914, 1918, unexpressed);
    expect(new Set(ww1.list.map((c) => c.date.slice(0, 4))).size).toBeGreaterThan(0);
    expect(ww1.list.every((c) => c.date >= '1914-01-01' && c.date < '1919-01-01')).toBe(true);
  });
});
