/** The classroom lists: names in the reader's language, and the teacher's what-if sets per crisis. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { applyOverlay, OverlaySchema } from '../../src/sim/overlay.js';
import { worldAt } from '../../src/world/world.js';
import { displayRegion, LANGUAGES, localNames, localTerritoryNames, overlaysOf, preferredLanguage, whatifSetFor } from '../../web/src/classroom.js';

const scenario = loadBuiltInScenario();
const NAMES = scenario.names ?? [];
const SETS = scenario.whatifs ?? [];
const actorIds = new Set([...scenario.actors.map((a) => a.id), ...scenario.organizations.map((o) => o.id)]);
const englishOn = (day: string) => {
  const w = worldAt(scenario, day);
  return new Map([...w.organizations, ...w.states].map((s) => [s.id, s.name] as [string, string]));
};

describe('names in the reader’s language', () => {
  it('has an entry for every state of the scenario, and none for an actor it does not have', () => {
    expect(NAMES.filter((n) => n.actor && !actorIds.has(n.actor)).map((n) => n.actor)).toEqual([]);
    const territoryIds = new Set(scenario.territories.map((t) => t.id));
    expect(NAMES.filter((n) => n.territory && !territoryIds.has(n.territory)).map((n) => n.territory)).toEqual([]);
    const named = new Set(NAMES.map((n) => n.actor));
    expect(scenario.actors.filter((a) => !named.has(a.id)).map((a) => a.id)).toEqual([]);
  });

  it('gives a gone state its own name, not today’s: Czechoslovakia is not Czechia, the Soviet Union not Russia', () => {
    const munich = englishOn('1938-09-28');
    expect(localNames(munich, 'cs', NAMES).get('CZE')).toBe('Československo');
    expect(localNames(munich, 'de', NAMES).get('CZE')).toBe('Tschechoslowakei');
    expect(localNames(munich, 'fr', NAMES).get('RUS')).toBe('Union soviétique');
    expect(localNames(munich, 'ru', NAMES).get('RUS')).toBe('Советский Союз');
    expect(localNames(munich, 'pl', NAMES).get('YUG')).toBe('Jugosławia');
    expect(localNames(munich, 'de', NAMES).get('LON')).toBe('Völkerbund');
  });

  it('names the territories that changed hands in each language, and leaves the others in English', () => {
    const territories = worldAt(scenario, '1939-03-16').territories;
    expect(localTerritoryNames(territories, 'de', NAMES).get('sudetenland')).toBe('Sudetenland');
    expect(localTerritoryNames(territories, 'cs', NAMES).get('sudetenland')).toBe('Sudety');
    expect(localTerritoryNames(territories, 'pl', NAMES).get('teschen')).toBe('Zaolzie');
    expect(localTerritoryNames(territories, 'fr', NAMES).get('austria')).toBe('Autriche');
    expect(localTerritoryNames(territories, 'ru', NAMES).get('memel')).toBe('Клайпедский край');
    expect(localTerritoryNames(territories, 'fr', NAMES).get('north-china')).toBe('North China (Hebei and Shandong)');
    expect(localTerritoryNames(territories, 'en', NAMES).get('memel')).toBe('Memel Territory (Klaipėda)');
  });

  it('names the states that kept their name from the browser’s CLDR data', () => {
    const munich = englishOn('1938-09-28');
    expect(localNames(munich, 'de', NAMES).get('GMY')).toBe('Deutschland');
    expect(localNames(munich, 'fr', NAMES).get('UKG')).toBe('Royaume-Uni');
    expect(localNames(munich, 'pl', NAMES).get('GMY')).toBe('Niemcy');
    expect(localNames(munich, 'ru', NAMES).get('FRN')).toBe('Франция');
    for (const entry of NAMES.filter((n) => n.region))
      for (const [lang] of LANGUAGES) expect(displayRegion(entry.region!, lang), `${entry.actor} in ${lang}`).toBeTruthy();
  });

  it('keeps the scenario’s English names in English, and every id in every language', () => {
    const day = fc.integer({ min: 0, max: 3800 }).map((n) => new Date(Date.UTC(1929, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...LANGUAGES.map(([l]) => l)), (d, lang) => {
        const english = englishOn(d);
        const local = localNames(english, lang, NAMES);
        expect([...local.keys()]).toEqual([...english.keys()]);
        for (const name of local.values()) expect(name.length).toBeGreaterThan(0);
        if (lang === 'en') expect(local).toEqual(english);
      }),
      { numRuns: 25 },
    );
  });

  it('follows the browser’s first offered language, English otherwise', () => {
    expect(preferredLanguage(['de-AT', 'en-GB'])).toBe('de');
    expect(preferredLanguage(['ja-JP', 'cs'])).toBe('cs');
    expect(preferredLanguage(['ja-JP'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('what-if lists for teachers', () => {
  // The catalogue's crises, each with its act: every one has a list.
  const CRISES: [string, string[], string, string][] = [
    ['Manchuria', ['JPN'], 'CHN', '1931-09-18'],
    ['Abyssinia', ['ITA'], 'ETH', '1935-10-03'],
    ['Rhineland', ['GMY'], 'FRN', '1936-03-07'],
    ['Anschluss', ['GMY'], 'AUS', '1938-03-12'],
    ['Munich', ['GMY'], 'CZE', '1938-09-28'],
    ['Prague', ['GMY'], 'CZE', '1939-03-14'],
    ['Albania', ['ITA'], 'ALB', '1939-04-07'],
    ['Poland', ['GMY'], 'POL', '1939-09-01'],
  ];
  it.each(CRISES)('has a list for %s, every change of which applies to the scenario', (_, attackers, target, date) => {
    const set = whatifSetFor(SETS, { attackers, target, date });
    expect(set).toBeDefined();
    const world = worldAt(scenario, date);
    const states = new Set(world.states.map((s) => s.id));
    const built = overlaysOf(set!, date, englishOn(date), world);
    expect(built.length).toBe(set!.candidates.length);
    for (const { overlay, candidate } of built) {
      for (const s of [candidate.a, candidate.b].filter(Boolean)) expect(states.has(s!), `${overlay.id}: ${s} exists on ${date}`).toBe(true);
      // A change the attacker would make is no check on it.
      for (const s of [candidate.a, candidate.b]) expect(attackers).not.toContain(s);
      expect(() => OverlaySchema.parse(overlay)).not.toThrow();
      expect(() => applyOverlay(scenario, OverlaySchema.parse(overlay))).not.toThrow();
    }
  });

  it('keeps “United Kingdom guarantees Czechoslovakia” among Munich’s candidates', () => {
    const set = whatifSetFor(SETS, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' })!;
    expect(overlaysOf(set, '1938-09-28', englishOn('1938-09-28'), worldAt(scenario, '1938-09-28')).map((o) => o.overlay.title)).toContain('United Kingdom guarantees Czechoslovakia');
  });

  it('has no list for an act outside every crisis, nor for the wrong attacker', () => {
    expect(whatifSetFor(SETS, { attackers: ['GMY'], target: 'CZE', date: '1937-01-01' })).toBeUndefined();
    expect(whatifSetFor(SETS, { attackers: ['HUN'], target: 'CZE', date: '1938-09-28' })).toBeUndefined();
  });

  it('gives overlays ids that are unique within a list', () => {
    for (const set of SETS) {
      const ids = overlaysOf(set, set.crisis.from, englishOn(set.crisis.from), worldAt(scenario, set.crisis.from)).map((o) => o.overlay.id);
      expect(new Set(ids).size, set.id).toBe(ids.length);
    }
  });
});

describe('overlays typed as JSON', () => {
  it('knows the same changes as the overlay schema', async () => {
    const { CHANGE_OPS } = await import('../../web/src/overlay-check.js');
    const changes = OverlaySchema.shape.changes.element.options.map((o) => o.shape.op.value);
    expect([...CHANGE_OPS].sort()).toEqual([...changes].sort());
  });

  it('refuses bad text with what and where, and reads good text', async () => {
    const { readOverlaysText } = await import('../../web/src/overlay-check.js');
    expect(readOverlaysText('[{"id": "x"')).toMatchObject({ problem: expect.stringMatching(/^the text is not JSON/) });
    expect(readOverlaysText('[1]')).toEqual({ problem: 'overlay 1 is not an object with "id", "title" and "changes"' });
    expect(readOverlaysText('{"id": "9x", "title": "t", "changes": []}')).toMatchObject({ problem: expect.stringMatching(/^overlay 1: "id" must start with a letter/) });
    expect(readOverlaysText('{"id": "a", "title": "t", "changes": []}')).toMatchObject({ problem: 'overlay 1 (a): "changes" must be a list of at least one change' });
    expect(readOverlaysText('[{"id": "a", "title": "t", "changes": [{"op": "add-convention"}]}, {"id": "b", "title": "u", "changes": [{"op": "explode"}]}]')).toMatchObject({ problem: expect.stringMatching(/^overlay 2 \(b\), change 1: "op" must be one of add-treaty/) });
    expect(readOverlaysText('')).toEqual({ overlays: [] });
    const good = { id: 'fr-su', title: 'France and the USSR sign', changes: [{ op: 'add-convention', between: ['FRN', 'RUS'] }] };
    expect(readOverlaysText(JSON.stringify(good))).toEqual({ overlays: [good] });
    fc.assert(fc.property(fc.string(), (text) => {
      const read = readOverlaysText(text);
      return 'problem' in read ? read.problem.length > 10 : Array.isArray(read.overlays);
    }));
  });
});
