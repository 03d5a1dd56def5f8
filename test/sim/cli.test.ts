/** `casus simulate` and `casus whatif` as a user meets them: real processes, exit codes, byte-identical JSON. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';
import { FIXTURE } from './helpers.js';


const POLAND = ['--at', '1939-09-01', '--attacker', 'GMY', '--target', 'POL', '--scenario', FIXTURE, '--param', 'power-deterrence-ratio=0.6'];

describe('casus simulate', () => {
  it('--json is byte-identical on 1 and 2 threads and holds the documented keys', async () => {
    const one = await casus('simulate', ...POLAND, '--runs', '150000', '--seed', '7', '--threads', '1', '--json');
    const two = await casus('simulate', ...POLAND, '--runs', '150000', '--seed', '7', '--threads', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report).toMatchObject({ runs: 150000, seed: 7, deterrence: { p: expect.any(Number), ci: [expect.any(Number), expect.any(Number)] } });
    expect(report.states).toContainEqual(expect.objectContaining({ state: 'UKG', pFight: expect.any(Number) }));
    expect(report.coalitions[0]).toMatchObject({ members: expect.arrayContaining(['POL']), p: expect.any(Number) });
    expect(one.stderr).toMatch(/simulate: [\d.]+ s on 1 thread/);
  });

  it('a parameter out of range is a usage error naming it and its range', async () => {
    const run = await casus('simulate', ...POLAND, '--param', 'sim-odds-convention=500');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('casus: --param: parameter "sim-odds-convention" = 500 is out of range [0.01, 100]\n');
  });

  it('bad runs, seeds and acts are usage errors', async () => {
    expect((await casus('simulate', ...POLAND, '--runs', '0')).stderr).toMatch(/--runs must be a whole number from 1/);
    expect((await casus('simulate', ...POLAND, '--seed', '-3')).code).toBe(2);
    const self = await casus('simulate', '--at', '1939-09-01', '--attacker', 'GMY', '--target', 'GMY', '--scenario', FIXTURE);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/cannot attack itself/);
  });

  it('applies an overlay file, and names the file when it is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-sim-'));
    const good = join(dir, 'transit.yaml');
    writeFileSync(good, 'id: transit\ntitle: Romania lets the Red Army pass\nchanges:\n  - { op: grant-transit, grantor: RUM, grantee: RUS }\n');
    const munich = ['--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--scenario', FIXTURE, '--runs', '20000', '--no-league-finding', '--json'];
    const base = JSON.parse((await casus('simulate', ...munich)).stdout);
    const granted = JSON.parse((await casus('simulate', ...munich, '--overlay', good)).stdout);
    const su = (r: { states: { state: string; reach: string }[] }) => r.states.find((s) => s.state === 'RUS')!.reach;
    expect(su(base)).toBe('none');
    expect(su(granted)).toBe('transit');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: x\ntitle: X\nchanges: []\n');
    const run = await casus('simulate', ...munich, '--overlay', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml: changes/);
  });
});

describe('casus whatif', () => {
  it('ranks generated candidates, the same on 1 and 2 threads', async () => {
    const args = ['whatif', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--scenario', FIXTURE, '--param', 'power-deterrence-ratio=0.5', '--runs', '100000', '--json'];
    const one = await casus(...args, '--threads', '1');
    const two = await casus(...args, '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    const ids = report.candidates.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['transit-RUM-RUS', 'convention-FRN-CZE', 'resist-FRN', 'guarantee-UKG-CZE']));
    // Letting the Red Army through whether or not Romania fights raises the chance of deterrence, beyond doubt.
    const transit = report.candidates.find((c: { id: string }) => c.id === 'transit-RUM-RUS');
    expect(transit.delta).toBeGreaterThan(0);
    expect(transit.deltaCi[0]).toBeGreaterThan(0);
    const deltas = report.candidates.filter((c: { error?: string }) => !c.error).map((c: { delta: number }) => c.delta);
    expect(deltas).toEqual([...deltas].sort((a: number, b: number) => b - a));
  });

  it('ranks the overlays of a --candidates file; one that cannot apply is reported, not fatal', async () => {
    const candidates = new URL('../fixtures/sim-candidates.yaml', import.meta.url).pathname;
    const run = await casus('whatif', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--scenario', FIXTURE, '--param', 'power-deterrence-ratio=0.5', '--runs', '50000', '--candidates', candidates, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.candidates.map((c: { id: string }) => c.id)).toEqual(['rum-transit', 'barthou-lives', 'no-fr-cz', 'broken']);
    const byId = Object.fromEntries(report.candidates.map((c: { id: string }) => [c.id, c]));
    expect(byId['rum-transit'].delta).toBeGreaterThan(0);
    expect(byId['no-fr-cz'].deltaRatio).toBeLessThan(0); // dropping France's alliance weakens the defence
    expect(byId['barthou-lives'].delta).toBe(0); // by 1938 Barthou's line would have given way to appeasement anyway
    expect(byId.broken.error).toMatch(/no treaty "no-such-treaty"/);
    expect((await casus('whatif', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--scenario', FIXTURE, '--candidates', candidates, '--auto')).code).toBe(2);
  });
});
