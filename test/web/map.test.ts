/** The map's areas: each place painted by whoever held it that day, against the record of the decade. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoContains, geoLength } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';
import { AREAS } from '../../web/src/map-areas.js';
import { atlasOf, countriesOf, holderAt, holdersOf, outlineOf, plainColours } from '../../web/src/map-fill.js';

const topology = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countries = countriesOf(topology);
const scenario = loadBuiltInScenario();
const holderOn = (day: string, point: [number, number]) => holderAt(point, holdersOf(worldAt(scenario, day).territories), countries);

describe('map areas', () => {
  it('names only territories the scenario has, and countries Natural Earth has', () => {
    const ids = new Set(scenario.territories.map((t) => t.id));
    for (const a of AREAS) {
      expect(ids.has(a.territory), a.territory).toBe(true);
      for (const c of a.countries) expect(countries.has(c), `${a.territory}: ${c}`).toBe(true);
    }
  });

  it('gives every territory with land in Europe or East Asia an area', () => {
    const drawn = new Set(AREAS.map((a) => a.territory));
    const missing = scenario.territories.map((t) => t.id).filter((id) => !drawn.has(id));
    expect(missing).toEqual(['gibraltar']); // a rock of 7 km², below Natural Earth's 1:50m
  });

  // [place, [lon, lat], day, holder]: each change on its day, from the territories' own sources.
  const RECORD: [string, [number, number], string, string | undefined][] = [
    ['Vienna', [16.37, 48.21], '1938-03-12', 'AUS'],
    ['Vienna', [16.37, 48.21], '1938-03-13', 'GMY'],
    ['Karlsbad', [12.87, 50.23], '1938-09-30', 'CZE'],
    ['Karlsbad', [12.87, 50.23], '1938-10-01', 'GMY'],
    ['Prague', [14.42, 50.08], '1938-10-05', 'CZE'],
    ['Prague', [14.42, 50.08], '1939-03-16', 'GMY'],
    ['Český Těšín', [18.63, 49.75], '1938-10-02', 'POL'],
    ['Košice', [21.26, 48.72], '1938-11-01', 'CZE'],
    ['Košice', [21.26, 48.72], '1938-11-02', 'HUN'],
    ['Bratislava', [17.11, 48.15], '1939-03-20', 'SLO'],
    ['Khust', [23.29, 48.17], '1939-03-14', 'CZE'],
    ['Khust', [23.29, 48.17], '1939-03-15', 'HUN'],
    ['Klaipėda', [21.13, 55.71], '1939-03-22', 'LIT'],
    ['Klaipėda', [21.13, 55.71], '1939-03-23', 'GMY'],
    ['Kaunas', [23.9, 54.9], '1939-03-23', 'LIT'],
    ['Tirana', [19.82, 41.33], '1939-04-06', 'ALB'],
    ['Tirana', [19.82, 41.33], '1939-04-07', 'ITA'],
    ['Saarbrücken', [7.0, 49.23], '1934-06-01', 'LON'],
    ['Saarbrücken', [7.0, 49.23], '1935-03-01', 'GMY'],
    ['Königsberg', [20.5, 54.7], '1935-01-01', 'GMY'],
    ['Breslau', [17.03, 51.11], '1935-01-01', 'GMY'],
    ['Poznań', [16.93, 52.41], '1935-01-01', 'POL'],
    ['Danzig', [18.65, 54.35], '1935-01-01', 'DAN'],
    ['Wilno', [25.28, 54.69], '1935-01-01', 'POL'],
    ['Wilno', [25.28, 54.69], '1939-10-28', 'LIT'],
    ['Lwów', [24.03, 49.84], '1939-09-16', 'POL'],
    ['Lwów', [24.03, 49.84], '1939-09-17', 'RUS'],
    ['Warsaw', [21.01, 52.23], '1939-10-01', 'GMY'],
    ['Brest', [23.69, 52.09], '1935-01-01', 'POL'],
    ['Minsk', [27.56, 53.9], '1935-01-01', 'RUS'],
    ['Kyiv', [30.52, 50.45], '1935-01-01', 'RUS'],
    ['Chișinău', [28.86, 47.01], '1935-01-01', 'RUM'],
    ['Chernivtsi', [25.94, 48.29], '1935-01-01', 'RUM'],
    ['Vyborg', [28.75, 60.71], '1935-01-01', 'FIN'],
    ['Antakya', [36.16, 36.2], '1939-06-28', 'FRN'],
    ['Antakya', [36.16, 36.2], '1939-06-29', 'TUR'],
    ['Rhodes', [28.22, 36.43], '1935-01-01', 'ITA'],
    ['Fiume', [14.44, 45.33], '1935-01-01', 'ITA'],
    ['Ljubljana', [14.5, 46.05], '1935-01-01', 'YUG'],
    ['Addis Ababa', [38.75, 9.03], '1936-05-04', 'ETH'],
    ['Addis Ababa', [38.75, 9.03], '1936-05-05', 'ITA'],
    ['Mukden', [123.43, 41.8], '1931-09-17', 'CHN'],
    ['Hsinking', [125.32, 43.88], '1932-02-18', 'MAN'],
    ['Chengde', [117.94, 40.95], '1933-03-04', 'MAN'],
    ['Dairen', [121.6, 38.91], '1931-01-01', 'JPN'],
    ['Peiping', [116.4, 39.9], '1937-07-28', 'CHN'],
    ['Peiping', [116.4, 39.9], '1937-07-29', 'JPN'],
    ['Nanjing', [118.8, 32.06], '1937-12-13', 'JPN'],
    ['Wuhan', [114.3, 30.6], '1938-10-25', 'JPN'],
    ['Canton', [113.26, 23.13], '1938-10-21', 'JPN'],
    ['Chongqing', [106.55, 29.56], '1939-06-01', 'CHN'],
    ['Seoul', [126.98, 37.57], '1935-01-01', 'JPN'],
    ['Toyohara', [142.73, 46.96], '1935-01-01', 'JPN'],
    ['the North Sea', [3.0, 55.0], '1935-01-01', undefined],
  ];
  it.each(RECORD)('%s at %j on %s: %s', (_, point, day, holder) => {
    expect(holderOn(day, point)).toBe(holder);
  });

  it('reads every traced outline as the small side, whichever way round it was traced', () => {
    for (const a of AREAS.filter((x) => x.within)) {
      const area = geoArea(outlineOf(a.within!));
      expect(area, a.territory).toBeLessThan(0.05); // steradians: Manchuria, the largest, is about 0.031 of the sphere’s 4π
      expect(geoArea(outlineOf([...a.within!].reverse()))).toBeCloseTo(area, 12);
    }
  });
});

describe('the land from the countries file alone', () => {
  const atlas = atlasOf(topology);
  const land: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: atlas.land };

  it('covers the capitals and leaves the seas open', () => {
    for (const [lon, lat] of [[2.35, 48.86], [13.4, 52.52], [139.69, 35.69], [14.42, 50.08]] as [number, number][]) expect(geoContains(land, [lon, lat]), `${lon},${lat}`).toBe(true);
    for (const [lon, lat] of [[3, 56], [18, 35], [135, 38], [-30, 45]] as [number, number][]) expect(geoContains(land, [lon, lat]), `${lon},${lat}`).toBe(false);
  });

  it('has the area of Natural Earth’s own land file (no longer shipped), and coasts but no borders between countries', () => {
    const landFile = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-50m.json'), 'utf8')) as Topology;
    expect(geoArea(land)).toBeCloseTo(geoArea(feature(landFile, landFile.objects.land!)), 4);
    // A border shared by two countries is not a coast: the coasts are shorter than all the countries' outlines.
    const outlines = [...atlas.countries.values()].reduce((a, f) => a + geoLength(f), 0);
    const coast = geoLength(atlas.coast);
    expect(coast).toBeGreaterThan(0);
    expect(coast).toBeLessThan(outlines * 0.9);
  });
});

describe('plain colours', () => {
  it('never gives two neighbours the same colour when the palette suffices', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 15 }), (pairs) => {
        const states = Array.from({ length: 10 }, (_, i) => `S${i}`);
        const borders = pairs.filter(([a, b]) => a !== b).map(([a, b]) => [`S${a}`, `S${b}`] as [string, string]);
        const degree = Math.max(0, ...states.map((s) => borders.filter((b) => b.includes(s)).length));
        const colours = plainColours(states, borders, Array.from({ length: degree + 1 }, (_, i) => `c${i}`));
        for (const [a, b] of borders) expect(colours.get(a)).not.toBe(colours.get(b));
      }),
    );
  });

  it('colours the neighbours of Czechoslovakia on the eve of Munich all differently from it', () => {
    const world = worldAt(scenario, '1938-09-28');
    const colours = plainColours(world.states.map((s) => s.id), world.borders);
    for (const [a, b] of world.borders.filter((p) => p.includes('CZE'))) expect(colours.get(a)).not.toBe(colours.get(b));
  });
});
