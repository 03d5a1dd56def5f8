/** `casus audit atop` as a user meets it (in-process): the JSON document, exit codes, and a malformed justification named. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';
import { hasData } from '../../src/data/paths.js';

const FIXTURE = new URL('../model/fixtures/mini.yaml', import.meta.url).pathname;

const data = hasData() ? describe : describe.skip;

data('casus audit atop', () => {
  it('--json prints the comparison with the documented keys, 0 unjustified, exit 0', async () => {
    const run = await casus('audit', 'atop', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['alliances', 'covered', 'excluded', 'compared', 'agreements', 'disagreements']));
    expect(report.excluded).toEqual([{ atopid: 2420, reason: expect.stringContaining('submarines') }]);
    expect(report.disagreements[0]).toEqual(expect.objectContaining({ treaty: expect.any(String), atopid: expect.any(Number), member: expect.any(String), variable: expect.any(String), justification: expect.any(String) }));
    expect(report.disagreements.every((d: { justification: string | null }) => d.justification !== null)).toBe(true);
  });

  it('exits 1 and says UNJUSTIFIED when a scenario disagrees with ATOP without a reason', async () => {
    // The fixture's states carry no ATOP alliance: give two of them the COW codes of France and Poland,
    // and the Franco-Polish alliance of 1921 (ATOP 2060) with no condition at all.
    const dir = mkdtempSync(join(tmpdir(), 'casus-audit-'));
    const text = readFileSync(FIXTURE, 'utf8');
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, withFrancoPolish(text));
    const run = await casus('audit', 'atop', '--scenario', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/2060 +fp AAA phase 0 defcoadv: ATOP 1, casus 0 — UNJUSTIFIED/);
  });
});

describe('casus audit atop, bad input', () => {
  it('a malformed justification is an invalid scenario, exit 3, naming where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-audit-'));
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}\natopCoding:\n  - { treaty: pact, atop: 1, variable: Def-CoAdv, atopValue: 1, casusValue: 0, justification: "too short", source: { ref: "test" } }\n`);
    const run = await casus('audit', 'atop', '--scenario', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('atopCoding[0].variable');
    expect(run.stderr).toContain('atopCoding[0].justification');
  });

  it('a justification naming a treaty the scenario lacks, or the wrong ATOP id, is an invalid scenario too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-audit-'));
    const file = join(dir, 'scenario.yaml');
    const entry = (treaty: string, atop: number) => `  - { treaty: ${treaty}, atop: ${atop}, variable: defcoadv, atopValue: 1, casusValue: 0, justification: "the article names no adversary at all", source: { ref: "test" } }\n`;
    writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}\natopCoding:\n${entry('nosuch', 1)}${entry('pact', 2060)}`);
    const run = await casus('validate', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/atopCoding\[0\]\.treaty: unknown treaty "nosuch"/);
    expect(run.stderr).toMatch(/atopCoding\[1\]\.atop: treaty "pact" carries ATOP id none, not 2060/);
  });
});

/** The fixture with AAA as France (COW 220) and BBB as Poland (290), and the Franco-Polish alliance of 1921 coded without conditions. */
function withFrancoPolish(text: string): string {
  const coded = text.replace('- id: AAA\n    ccode: 1\n', '- id: AAA\n    ccode: 220\n').replace('- id: BBB\n    ccode: 2\n', '- id: BBB\n    ccode: 290\n');
  if (!coded.includes('ccode: 220') || !coded.includes('ccode: 290')) throw new Error('the fixture changed: AAA and BBB no longer carry COW codes 1 and 2');
  return coded.replace(/^treaties:\n/m, 'treaties:\n  - { id: fp, name: Franco-Polish alliance, parties: [AAA, BBB], signed: 1921-02-19, atop: 2060, provisions: [{ id: d, kind: defence }], source: { ref: "test" } }\n');
}
