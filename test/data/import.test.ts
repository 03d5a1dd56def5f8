import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImportInputs } from '../../src/data/import-files.js';
import { homeTerritory, importScenario, type ImportInputs } from '../../src/data/import.js';
import { hasData } from '../../src/data/paths.js';
import { parseScenario } from '../../src/model/parse.js';
import { worldAt } from '../../src/world/world.js';

const data = hasData() ? describe : describe.skip;

data('importing COW and ATOP', () => {
  let inputs: ImportInputs;
  beforeAll(async () => {
    inputs = await readImportInputs('all');
  });

  it('produces a scenario that parseScenario accepts, as YAML and as JSON', () => {
    const { scenario } = importScenario(inputs, { from: 1929, to: 1939 });
    const parsed = parseScenario(stringify(scenario, { lineWidth: 0, aliasDuplicateObjects: false }), 'import.yaml');
    expect(parsed.actors.length).toBe(scenario.actors.length);
    expect(parseScenario(JSON.stringify(scenario), 'import.json').treaties.length).toBe(scenario.treaties.length);
  });

  it('round-trips the full history 1816–2007', () => {
    const { scenario, report } = importScenario(inputs, { from: 1816, to: 2007 });
    expect(() => parseScenario(JSON.stringify(scenario), 'full.json')).not.toThrow();
    expect(report.counts.wars).toBe(95);
    expect(report.counts.actors).toBeGreaterThan(200);
  });

  it('reads the world of 1 September 1939 as COW and ATOP have it', () => {
    const { scenario } = importScenario(inputs, { from: 1939, to: 1939 });
    const world = worldAt(scenario, '1939-09-01');
    expect(world.states.map((s) => s.id)).toContain('POL');
    expect(world.states.map((s) => s.id)).not.toContain('CZE'); // gone on 1939-03-16
    expect(world.borders).toContainEqual(['GMY', 'POL']);
    const gmy = world.states.find((s) => s.id === 'GMY')!;
    expect(gmy.capability?.cinc).toBeGreaterThan(0.1);
    expect(gmy.capital.name).toBe('Berlin');
    // ATOP 2440 phase 2: the Anglo-Polish agreement of 25 August 1939, defence against Germany.
    const anglopolish = world.treaties.find((t) => t.id === 'ATOP-2440-p2')!;
    expect(anglopolish.parties).toEqual(['POL', 'UKG']);
    const defence = anglopolish.provisions.find((p) => p.kind === 'defence')!;
    expect(defence.conditions).toContainEqual(expect.objectContaining({ type: 'adversary', states: ['GMY'] }));
  });

  it('maps one territory per state and adjacency from contiguity type 1 only', () => {
    const { scenario, report } = importScenario(inputs, { from: 1936, to: 1936 });
    expect(scenario.territories.map((t) => t.id)).toContain(homeTerritory('FRN'));
    // Britain's one land border in 1936 is Ireland's (COW type 1); the Channel (type 4) is not adjacency.
    expect(worldAt(scenario, '1936-06-01').borders.filter((pair) => pair.includes('UKG'))).toEqual([['IRE', 'UKG']]);
    const contiguity = Object.entries(report.skipped).find(([k]) => k.includes('Contiguity'))![1];
    expect(Object.keys(contiguity).some((reason) => reason.includes('separated by water'))).toBe(true);
  });

  it('keeps conditions casus cannot express as notes and reports them', () => {
    const { scenario, report, unexpressed } = importScenario(inputs, { from: 1935, to: 1935 });
    // The Franco-Soviet pact (ATOP 2360) is conditional on location: kept in the summary, listed as unexpressed.
    const frsu = scenario.treaties.find((t) => t.atop === 2360)!;
    expect(frsu.provisions.find((p) => p.kind === 'defence')!.summary).toMatch(/defcoloc/);
    expect(unexpressed[frsu.id]!.defence).toContain('defcoloc');
    expect(report.notExpressed.defcoloc).toBeGreaterThan(0);
  });

  it('imports only the State System for "atop", and no alliances for "cow"', () => {
    expect(importScenario(inputs, { from: 1930, to: 1931, set: 'cow' }).scenario.treaties).toEqual([]);
    const atop = importScenario(inputs, { from: 1930, to: 1931, set: 'atop' }).scenario;
    expect(atop.capabilities).toEqual([]);
    expect(atop.treaties.length).toBeGreaterThan(0);
  });

  it('refuses spans outside 1816–2007', () => {
    expect(() => importScenario(inputs, { from: 1815, to: 1820 })).toThrow(RangeError);
    expect(() => importScenario(inputs, { from: 1900, to: 1899 })).toThrow(/from <= to/);
  });
});
