/** `casus align` and `casus audit reliability` as a user meets them (in-process): exit codes, JSON, errors that say where. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';
import { readWars } from '../../src/data/cow-wars.js';
import { hasData } from '../../src/data/paths.js';
import { warRecordsOf } from '../../src/data/war-history.js';
import { loadBuiltInScenario } from '../../src/model/load.js';

describe('casus align', () => {
  it('--score ab1993 --json carries the score and the misplaced states with their pulls', async () => {
    const run = await casus('align', '--at', '1936-07-01', '--score', 'ab1993', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.score).toMatchObject({ reference: 'ab1993', placed: 15, of: 17 });
    expect(out.score.misplaced[0].pullByTerm).toHaveProperty('territory');
  });

  it('--from/--to prints one row a step with the drift', async () => {
    const run = await casus('align', '--from', '1936-01-01', '--to', '1939-09-01', '--step', '6m');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^ {2}19\d\d-\d\d-\d\d /gm)).toHaveLength(8);
    expect(run.stdout).toMatch(/POL change side/);
  });

  it('refuses a bad step, an unknown variant or reference, and --at with --from, with exit 2', async () => {
    for (const args of [
      ['--from', '1936-01-01', '--to', '1937-01-01', '--step', 'often'],
      ['--at', '1936-07-01', '--variant', 'best-fit'],
      ['--at', '1936-07-01', '--score', 'nobody'],
      ['--at', '1936-07-01', '--from', '1936-01-01', '--to', '1937-01-01'],
    ]) {
      const run = await casus('align', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^casus: .*--(step|variant|score|at)/);
    }
  });
});

const data = hasData() ? describe : describe.skip;

data('casus audit reliability', () => {
  it('refuses a malformed location coding with file, line and column, exit 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-loc-'));
    const file = join(dir, 'loc.yaml');
    writeFileSync(file, 'scopes:\n  - { atop: 3180, areas: [atlantis], source: { ref: "a ref" } }\n');
    const run = await casus('audit', 'reliability', '--to', '1850', '--locations', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/loc\.yaml:2:\d+: scopes\[0\]\.areas\[0\]: unknown area "atlantis"/);
  });

  it('refuses a malformed attack coding with file, line and column, exit 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-att-'));
    const file = join(dir, 'att.yaml');
    writeFileSync(file, 'attacks:\n  - { war: 106, date: 1914-08-04, attackers: [255], targets: [211], source: { ref: "a ref" } }\n  - { war: 106, date: "4 August", attackers: [255], targets: [211], source: { ref: "a ref" } }\n');
    const run = await casus('audit', 'reliability', '--to', '1850', '--attacks', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/att\.yaml:3:\d+: attacks\[1\]\.date/);
    expect((await casus('audit', 'reliability', '--attacks', file, '--first-day-only')).code).toBe(2);
  });

  it('refuses a report file that is neither .html nor .md, and a party count below 2, exit 2', async () => {
    expect((await casus('audit', 'reliability', '--report', 'out.pdf')).code).toBe(2);
    const run = await casus('audit', 'reliability', '--max-parties', '1');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-parties/);
  });

  it('writes a Markdown report with the figures beside the papers and the cases behind them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-rel-'));
    const file = join(dir, 'r.md');
    const run = await casus('audit', 'reliability', '--from', '1930', '--to', '1944', '--report', file, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.byKind.defence).toEqual(expect.objectContaining({ cases: expect.any(Number), honoured: expect.any(Number) }));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/Leeds, Long & Mitchell \(2000\)/);
    expect(text).toMatch(/### defence/);
    expect(text).toMatch(/World War II \(COW 139\)/);
    expect(text).toMatch(/## Beside the papers[\s\S]*\| nonaggression \| \d+\/\d+ = [\d.]+% \[/);
  });
});

data('the war-history records', () => {
  it('are what COW says: scenarios/interwar/wars.yaml matches the generator', async () => {
    const scenario = loadBuiltInScenario();
    const generated = warRecordsOf(readWars().wars, scenario, scenario.span.until);
    expect(scenario.wars).toEqual(generated);
  });
});
