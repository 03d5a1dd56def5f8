/**
 * The readings register: every reading quotes its clause, gives a default that the resolver
 * uses, and names the alternative and who holds it; a malformed reading is refused with an
 * error that names it; `casus readings` prints the register.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readingsRegister } from '../../src/law/readings.js';
import { resolve } from '../../src/law/resolve.js';
import { ScenarioError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { parseScenario } from '../../src/model/parse.js';
import { worldAt } from '../../src/world/world.js';
import { casus } from '../support/casus.js';

const MINI = readFileSync(fileURLToPath(new URL('../fixtures/mini.yaml', import.meta.url)), 'utf8');
const scenario = loadBuiltInScenario();

/** The mini fixture with a readings register added (and its condition's reading pointing into it). */
function miniWith(readings: unknown[]): string {
  const doc = parse(MINI) as Record<string, unknown>;
  doc.readings = readings;
  return stringify(doc);
}
const fs = { id: 'fr-su-waits-for-league', treaty: 'fs', article: 'Art. 2', quote: 'the circumstances of Art. 15(7)', question: 'Does aid wait for the Council?', default: true, why: 'the text says so', alternatives: [{ value: false, meaning: 'aid at once', heldBy: [{ who: 'someone', source: 'a book' }] }], source: { ref: 'a treaty, 1935' } };

describe('the readings register of the built-in scenario', () => {
  const register = readingsRegister(scenario);

  it('holds every reading (the first four and those of denunciations and the Munich guarantee), each quoting its clause, with a default, why, an alternative and who holds it', () => {
    expect(register.map((r) => r.id)).toEqual(expect.arrayContaining(['fr-su-waits-for-league', 'su-cs-waits-for-league', 'pol-rum-east-only', 'locarno-waits-for-league']));
    for (const r of register) {
      expect(r.quote.length, r.id).toBeGreaterThan(40);
      expect(r.alternatives.some((a) => a.value !== r.default), r.id).toBe(true);
      expect(r.alternatives.flatMap((a) => a.heldBy).length, r.id).toBeGreaterThan(0);
      expect(r.usedBy.length, `${r.id} switches no condition`).toBeGreaterThan(0);
      expect(r.citation, r.id).not.toMatch(/\.txt|[0-9a-f]{16}/);
    }
  });

  it('quotes the Franco-Soviet Protocol of Signature on the Council failing to agree', () => {
    expect(register.find((r) => r.id === 'fr-su-waits-for-league')!.quote).toMatch(/issue no recommendation or fail to reach a unanimous decision, effect shall nevertheless be given to the obligation of assistance/);
  });

  it('the resolver uses the register\'s defaults, and an override reads the other way', () => {
    const world = worldAt(scenario, '1939-09-01');
    const act = { attackers: ['GMY'], target: 'POL', date: '1939-09-01' };
    const romania = (readings?: Record<string, boolean>) => resolve(world, act, { readings }, { explain: false }).states.find((s) => s.state === 'RUM')!;
    expect(romania().mustAct).toBe(false === register.find((r) => r.id === 'pol-rum-east-only')!.default);
    expect(romania({ 'pol-rum-east-only': true }).mustAct).toBe(false);
    expect(resolve(world, act, {}, { explain: false }).assumptions.readings).toEqual({ 'pol-rum-east-only': false });
  });

  it('refuses to override a reading the scenario does not have, naming those it has', () => {
    expect(() => resolve(worldAt(scenario, '1939-09-01'), { attackers: ['GMY'], target: 'POL', date: '1939-09-01' }, { readings: { 'pol-rum-east': true } })).toThrow(/"pol-rum-east" is not a reading parameter of scenario "interwar"; readings: fr-su-waits-for-league, german-polish-denunciation-ends, locarno-waits-for-league, munich-guarantee-unconcluded, pol-rum-east-only, soviet-finnish-denunciation-ends, soviet-polish-denunciation-ends, su-cs-waits-for-league/);
  });
});

describe('a malformed reading gets a clear error naming it', () => {
  it('accepts a sound one', () => {
    expect(parseScenario(miniWith([fs]), 'mini.yaml').readings.map((r) => r.id)).toEqual(['fr-su-waits-for-league']);
  });

  const refused = (readings: unknown[], message: RegExp) => {
    let error: unknown;
    try {
      parseScenario(miniWith(readings), 'mini.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(message);
  };

  it('names a reading with no alternative to its default', () => refused([{ ...fs, alternatives: [{ value: true, meaning: 'the same again', heldBy: [] }] }], /readings\[0\]\.alternatives: reading "fr-su-waits-for-league" names no alternative to its default \(true\)/));
  it('names a reading of a treaty the scenario lacks', () => refused([{ ...fs, treaty: 'nowhere-1935' }], /readings\[0\]\.treaty: reading "fr-su-waits-for-league" interprets unknown treaty "nowhere-1935"/));
  it('names a reading without a default', () => refused([{ ...fs, default: undefined }], /readings\[0\]\.default/));
  it('names a reading given twice', () => refused([fs, fs], /readings\[1\]\.id: id "fr-su-waits-for-league" is used twice/));
  it('names a condition whose reading is in neither the register nor the parameters', () => {
    const text = MINI.replace('reading: fr-su-waits-for-league', 'reading: fr-su-wait');
    expect(() => parseScenario(text, 'mini.yaml')).toThrow(/reading "fr-su-wait" is not in the readings register \(nor a boolean parameter\)/);
  });
});

describe('casus readings', () => {
  it('prints each reading with its clause, default and who holds the alternative; --json the same as data', async () => {
    const text = (await casus('readings')).stdout;
    expect(text).toMatch(/^fr-su-waits-for-league — Franco-Soviet Treaty of Mutual Assistance \(franco-soviet-1935\)/m);
    expect(text).toMatch(/Default: no \(off\) — The 1921 convention named attack across the eastern frontiers/);
    expect(text).toMatch(/held by: The Romanian government in September 1939/);
    const json = JSON.parse((await casus('readings', '--json')).stdout);
    expect(json.readings.find((r: { id: string }) => r.id === 'locarno-waits-for-league')).toMatchObject({ treaty: 'locarno-1925', default: false, usedBy: [{ treaty: 'locarno-1925', provision: 'art-1-4', condition: 'league-finding' }] });
  });
});
