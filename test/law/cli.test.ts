/** The resolve and atlas commands as a user meets them: JSON shape, readable output, errors and exit codes. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';

const MINI = fileURLToPath(new URL('../fixtures/mini.yaml', import.meta.url));

describe('casus resolve', () => {
  it('prints the resolution as JSON in the documented shape', async () => {
    const { code, stdout } = await casus('resolve', '--scenario', MINI, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--transit', 'RUM:RUS', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.act).toEqual({ attackers: ['GMY'], target: 'CZE', date: '1938-09-28', kind: 'attack' });
    const rus = r.states.find((s: { state: string }) => s.state === 'RUS');
    expect(rus).toMatchObject({ mustAct: true, reach: { mode: 'transit', via: ['RUM'] } });
    expect(rus.obligations).toContainEqual(expect.objectContaining({ kind: 'assist', toward: 'CZE', treaty: 'sc', provision: 'assist', active: true }));
    expect(r.breaches).toContainEqual(expect.objectContaining({ state: 'GMY', kind: 'war-renunciation', treaty: 'kellogg-briand' }));
  });

  it('explains in a tree with --explain, one state\'s branch with --state', async () => {
    const { code, stdout } = await casus('resolve', '--scenario', MINI, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--abstain', 'FRN', '--explain', '--state', 'RUS');
    expect(code).toBe(0);
    expect(stdout).toContain('prior-action: unmet — needs FRN to come to the victim\'s assistance first: FRN abstains');
    expect(stdout).toContain('FRN: abstention, fc (assist)');
    expect(stdout).not.toContain('HUN — ');
  });

  it('rejects an act that makes no sense with a message and exit code 2', async () => {
    const same = await casus('resolve', '--scenario', MINI, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'GMY');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('GMY cannot attack itself');
    const transit = await casus('resolve', '--scenario', MINI, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--transit', 'RUM');
    expect(transit.code).toBe(2);
    expect(transit.stderr).toContain('expected GRANTOR:GRANTEE');
  });
});

describe('casus atlas', () => {
  it('gives who must act for every ordered pair as JSON', async () => {
    const { code, stdout } = await casus('atlas', '--scenario', MINI, '--at', '1938-09-28', '--json');
    expect(code).toBe(0);
    const atlas = JSON.parse(stdout);
    expect(atlas.states).toHaveLength(9);
    expect(atlas.cells).toContainEqual({ attacker: 'GMY', target: 'CZE', mustAct: ['FRN', 'RUS'] });
    expect(atlas.matrix[atlas.states.indexOf('GMY')][atlas.states.indexOf('CZE')]).toBe(2);
  });
});

describe('casus resolve with states by name', () => {
  it('takes names in any case and answers as for ids', async () => {
    const scenario = fileURLToPath(new URL('../server/fixtures/munich.yaml', import.meta.url));
    const byId = await casus('resolve', '--scenario', scenario, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--transit', 'RUM:RUS', '--json');
    const byName = await casus('resolve', '--scenario', scenario, '--at', '1938-09-28', '--attacker', 'germany', '--target', 'Czechoslovakia', '--transit', 'Romania:Soviet Union', '--json');
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
  });

  it('refuses a near miss with exit code 2 and a suggestion', async () => {
    const scenario = fileURLToPath(new URL('../server/fixtures/munich.yaml', import.meta.url));
    const r = await casus('resolve', '--scenario', scenario, '--at', '1938-09-28', '--attacker', 'Germny', '--target', 'CZE');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('casus: attacker: no state is called "Germny"; did you mean Germany (GMY)?\n');
  });
});
