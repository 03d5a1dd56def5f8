/** The CLI as a user meets it: exit codes, errors that say what and where (in-process; the binary in binary.test.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';

const FIXTURE = new URL('../model/fixtures/mini.yaml', import.meta.url).pathname;

describe('casus CLI', () => {
  it('world --json prints one JSON document with the documented keys', async () => {
    const run = await casus('world', '--at', '1936-04-01', '--scenario', FIXTURE, '--json');
    expect(run.code).toBe(0);
    const world = JSON.parse(run.stdout);
    expect(Object.keys(world)).toEqual(expect.arrayContaining(['date', 'states', 'borders', 'organizations', 'treaties']));
    expect(world.states[0]).toMatchObject({ id: 'AAA', name: 'Alphaland' });
    expect(world.treaties[0]).toMatchObject({ id: 'pact', name: 'Alpha-Gamma Pact', parties: ['AAA', 'CCC'] });
  });

  it('an impossible day is a usage error, exit 2, no stack trace', async () => {
    const run = await casus('world', '--at', '1938-02-30', '--scenario', FIXTURE);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('casus: --at: 1938-02-30 does not exist: month 2 of 1938 has 28 days\n');
  });

  it('an invalid scenario exits 3 naming file, line and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-cli-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'format: 1\nid: x\nname: x\nspan: { from: 1930-01-01, until: 1929-01-01 }\n');
    const run = await casus('validate', bad);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/bad\.yaml:4:\d+: span: ends \(1929-01-01\) before/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('validate --json reports issues as data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": 1, "id": "x", "name": "x", "span": {"from": "1930-01-01", "until": "1931-01-01"}, "actors": 7}');
    const run = await casus('validate', bad, '--json');
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, issues: [{ path: ['actors'], line: 1 }] });
  });

  it('a missing file says so', async () => {
    const run = await casus('validate', '/nonexistent/scenario.yaml');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/scenario\.yaml: cannot be read: ENOENT/);
  });

  it('an unknown command is a usage error, named on stderr', async () => {
    const run = await casus('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
