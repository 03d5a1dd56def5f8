/**
 * The geography and the states of the built-in scenario against what the seeds and the record
 * say: who exists, who controls which territory, who borders whom before and after each
 * annexation, and who governs with which line.
 */
import { describe, expect, it } from 'vitest';
import { capabilityLines } from '../../scripts/extract-capabilities.js';
import { readNmc } from '../../src/data/cow-nmc.js';
import { hasData } from '../../src/data/paths.js';
import { nextDay } from '../../src/model/day.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { changeDays } from '../../src/world/changes.js';
import { stateIn, worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const at = (day: string) => worldAt(scenario, day);
const borders = (day: string) => at(day).borders.map(([a, b]) => `${a}–${b}`);
const bordered = (day: string, a: string, b: string) => borders(day).includes(a < b ? `${a}–${b}` : `${b}–${a}`);
const territory = (day: string, id: string) => at(day).territories.find((t) => t.id === id);
const exists = (day: string, id: string) => at(day).states.some((s) => s.id === id);
const leader = (day: string, id: string, role: string) => stateIn(at(day), id).leaders.filter((l) => l.role === role).map((l) => l.name);
const lines = (day: string, id: string) => stateIn(at(day), id).lines;

describe('borders before and after each annexation', () => {
  it('Germany and Italy meet only once Austria is annexed (13 March 1938)', () => {
    expect(bordered('1938-03-12', 'GMY', 'ITA')).toBe(false);
    expect(bordered('1938-03-12', 'AUS', 'ITA')).toBe(true);
    for (const other of ['ITA', 'HUN', 'YUG', 'SWZ']) expect(bordered('1938-03-13', 'GMY', other), other).toBe(true);
    // COW's exit day is Austria's last day: it still exists on 13 March, holding nothing; gone on the 14th.
    expect(exists('1938-03-13', 'AUS')).toBe(true);
    expect(exists('1938-03-14', 'AUS')).toBe(false);
  });

  it('the Soviet Union has no common border with Germany or Czechoslovakia in 1938 (seed)', () => {
    // "The Soviet Union had no common border with Germany and Czechoslovakia" (001_9f73842a76e4b4ea.txt)
    for (const day of changeDays(scenario).filter((d) => d.startsWith('1938'))) {
      expect(bordered(day, 'RUS', 'GMY'), day).toBe(false);
      expect(bordered(day, 'RUS', 'CZE'), day).toBe(false);
    }
    // the ways round: Poland and Romania, which refused transit
    expect(bordered('1938-09-29', 'RUS', 'POL')).toBe(true);
    expect(bordered('1938-09-29', 'RUS', 'RUM')).toBe(true);
    expect(bordered('1938-09-29', 'POL', 'CZE')).toBe(true);
    expect(bordered('1938-09-29', 'RUM', 'CZE')).toBe(true);
  });

  it('Romania borders Czechoslovakia through Ruthenia until March 1939, and Hungary borders Poland after', () => {
    expect(bordered('1939-03-14', 'RUM', 'CZE')).toBe(true);
    expect(bordered('1939-03-14', 'HUN', 'POL')).toBe(false);
    expect(bordered('1939-03-15', 'RUM', 'CZE')).toBe(false);
    expect(bordered('1939-03-15', 'HUN', 'POL')).toBe(true);
    expect(bordered('1939-03-15', 'HUN', 'RUM')).toBe(true);
  });

  it('Munich and the Vienna Award move the borders but leave Czechoslovakia touching its neighbours', () => {
    expect(territory('1938-09-30', 'sudetenland')).toMatchObject({ controller: 'CZE' });
    expect(territory('1938-10-01', 'sudetenland')).toMatchObject({ controller: 'GMY', status: 'annexed' });
    expect(territory('1938-10-02', 'teschen')).toMatchObject({ controller: 'POL' });
    expect(territory('1938-11-02', 'southern-slovakia')).toMatchObject({ controller: 'HUN' });
    for (const other of ['GMY', 'POL', 'HUN', 'RUM']) expect(bordered('1938-12-01', 'CZE', other), other).toBe(true);
  });

  it('March 1939: Slovakia a separate state under Germany, Bohemia-Moravia a protectorate, Ruthenia to Hungary, Memel to Germany', () => {
    // "with Slovakia becoming a separate state and Ruthenia going to Hungary" (001_9f73842a76e4b4ea.txt)
    expect(exists('1939-03-13', 'SLO')).toBe(false);
    expect(stateIn(at('1939-03-14'), 'SLO').overlord).toBe('GMY');
    expect(territory('1939-03-14', 'slovakia')).toMatchObject({ controller: 'SLO' });
    expect(exists('1939-03-15', 'CZE')).toBe(true);
    expect(exists('1939-03-16', 'CZE')).toBe(false);
    expect(territory('1939-03-16', 'bohemia-moravia')).toMatchObject({ controller: 'GMY', status: 'protectorate' });
    expect(territory('1939-03-15', 'ruthenia')).toMatchObject({ controller: 'HUN' });
    expect(territory('1939-03-22', 'memel')).toMatchObject({ controller: 'LIT' });
    expect(territory('1939-03-23', 'memel')).toMatchObject({ controller: 'GMY', status: 'annexed' });
    // Lithuania still meets Germany along East Prussia once Memel is gone
    expect(bordered('1939-03-23', 'GMY', 'LIT')).toBe(true);
    for (const other of ['GMY', 'POL', 'HUN']) expect(bordered('1939-03-20', 'SLO', other), other).toBe(true);
  });

  it('East Prussia is cut off from the Reich by the corridor: Danzig borders both Germany and Poland', () => {
    expect(bordered('1935-01-01', 'DAN', 'GMY')).toBe(true);
    expect(bordered('1935-01-01', 'DAN', 'POL')).toBe(true);
    expect(territory('1939-08-31', 'danzig')).toMatchObject({ controller: 'DAN' });
    expect(territory('1939-09-01', 'danzig')).toMatchObject({ controller: 'GMY', status: 'annexed' });
  });

  it('Germany and the Soviet Union meet only when the Red Army enters Poland (17 September 1939)', () => {
    for (const day of ['1929-01-01', '1936-01-01', '1939-08-23', '1939-09-16']) expect(bordered(day, 'GMY', 'RUS'), day).toBe(false);
    expect(territory('1939-09-17', 'eastern-poland')).toMatchObject({ controller: 'RUS', status: 'occupied' });
    expect(bordered('1939-09-17', 'GMY', 'RUS')).toBe(true);
    expect(exists('1939-09-27', 'POL')).toBe(true);
    expect(exists('1939-09-28', 'POL')).toBe(false);
    expect(territory('1939-09-27', 'poland')).toMatchObject({ controller: 'GMY', status: 'occupied' });
  });

  it('Albania and Ethiopia pass to Italy; Greece then meets Italy by Albania', () => {
    expect(bordered('1939-04-06', 'GRC', 'ITA')).toBe(false);
    expect(territory('1939-04-07', 'albania')).toMatchObject({ controller: 'ITA', status: 'occupied' });
    expect(bordered('1939-04-07', 'GRC', 'ITA')).toBe(true);
    expect(exists('1936-05-04', 'ETH')).toBe(true);
    expect(bordered('1936-05-04', 'ETH', 'ITA')).toBe(true); // by Eritrea and Italian Somaliland
    expect(exists('1936-05-05', 'ETH')).toBe(false);
    expect(territory('1936-05-09', 'ethiopia')).toMatchObject({ controller: 'ITA', status: 'colony' });
  });

  it('the Saar returns to Germany on 1 March 1935 and the Rhineland is remilitarised on 7 March 1936', () => {
    expect(territory('1935-02-28', 'saar')).toMatchObject({ controller: 'LON', status: 'league-administered' });
    expect(territory('1935-03-01', 'saar')).toMatchObject({ controller: 'GMY', status: 'sovereign' });
    expect(territory('1936-03-06', 'rhineland')).toMatchObject({ controller: 'GMY', status: 'demilitarised' });
    expect(territory('1936-03-07', 'rhineland')).toMatchObject({ controller: 'GMY', status: 'sovereign' });
  });

  it('Hatay passes from the French mandate to Turkey in 1939', () => {
    expect(territory('1939-06-28', 'hatay')).toMatchObject({ controller: 'FRN', status: 'mandate' });
    expect(territory('1939-06-29', 'hatay')).toMatchObject({ controller: 'TUR' });
  });
});

describe('East Asia', () => {
  it('Manchuria: Chinese, occupied by Japan from 18 September 1931, Manchukuo from 18 February 1932 (seed)', () => {
    expect(territory('1931-09-17', 'manchuria')).toMatchObject({ controller: 'CHN' });
    expect(territory('1931-09-18', 'manchuria')).toMatchObject({ controller: 'JPN', status: 'occupied' });
    expect(territory('1932-02-18', 'manchuria')).toMatchObject({ controller: 'MAN', status: 'puppet' });
    expect(stateIn(at('1932-02-18'), 'MAN').overlord).toBe('JPN');
    expect(territory('1933-03-04', 'jehol')).toMatchObject({ controller: 'MAN' });
  });

  it('the Soviet Union meets Manchukuo and Korea; Mongolia meets Manchukuo on the Khalkhin-Gol', () => {
    // "the strategic Changkufeng hill near the point where the Korean, Manchurian, and Soviet borders meet"
    expect(bordered('1938-07-29', 'RUS', 'MAN')).toBe(true);
    expect(bordered('1938-07-29', 'RUS', 'JPN')).toBe(true);
    // "the Japanese crossed the Outer Mongolian frontier near Nomonhan"
    expect(bordered('1939-05-11', 'MON', 'MAN')).toBe(true);
    // arms to Chiang "via Sinkiang"
    expect(bordered('1938-01-01', 'RUS', 'CHN')).toBe(true);
  });

  it('Japan occupies North China from July 1937 and Wuhan and Canton in October 1938', () => {
    expect(territory('1937-07-28', 'north-china')).toMatchObject({ controller: 'CHN' });
    expect(territory('1937-07-29', 'north-china')).toMatchObject({ controller: 'JPN', status: 'occupied' });
    expect(territory('1938-10-26', 'central-china')).toMatchObject({ controller: 'JPN' });
    expect(territory('1938-10-26', 'south-china')).toMatchObject({ controller: 'JPN' });
  });
});

describe('states and their governments', () => {
  it('exist on the days COW gives', () => {
    // COW's exit day is the last day a state exists (State System Membership v2016).
    for (const [id, last] of [['AUS', '1938-03-13'], ['CZE', '1939-03-15'], ['ALB', '1939-04-07'], ['POL', '1939-09-27']] as const) {
      expect(exists(last, id), `${id} on ${last}`).toBe(true);
      expect(exists(nextDay(last), id), `${id} after ${last}`).toBe(false);
    }
    expect(exists('1932-02-17', 'MAN')).toBe(false);
    const every = ['UKG', 'FRN', 'GMY', 'ITA', 'RUS', 'JPN', 'USA', 'CHN', 'MON', 'TUR', 'AFG', 'IRN', 'POL', 'RUM', 'YUG', 'FIN', 'EST', 'LAT', 'LIT'];
    for (const id of every) expect(exists('1935-01-01', id), id).toBe(true);
  });

  it('name the people the seeds name, on the right days', () => {
    expect(leader('1939-05-02', 'RUS', 'foreign-minister')).toEqual(['Maxim Litvinov']);
    expect(leader('1939-05-03', 'RUS', 'foreign-minister')).toEqual(['Vyacheslav Molotov']);
    expect(leader('1933-01-29', 'GMY', 'head-of-government')).toEqual(['Kurt von Schleicher']);
    expect(leader('1933-01-30', 'GMY', 'head-of-government')).toEqual(['Adolf Hitler']);
    expect(leader('1934-10-08', 'FRN', 'foreign-minister')).toEqual(['Louis Barthou']);
    expect(leader('1934-10-13', 'FRN', 'foreign-minister')).toEqual(['Pierre Laval']);
    expect(leader('1936-06-04', 'FRN', 'head-of-government')).toEqual(['Léon Blum']);
    expect(leader('1937-05-28', 'UKG', 'head-of-government')).toEqual(['Neville Chamberlain']);
    expect(leader('1935-01-01', 'ITA', 'head-of-government')).toEqual(['Benito Mussolini']);
    expect(leader('1936-12-01', 'CHN', 'commander')).toEqual(['Chiang Kai-shek']);
    expect(leader('1939-08-20', 'RUS', 'commander')).toContain('Georgy Zhukov');
    expect(leader('1935-01-01', 'RUS', 'party-leader')).toEqual(['Joseph Stalin']);
  });

  it('follow the lines the seeds describe', () => {
    expect(lines('1932-06-01', 'RUS')).toEqual(['conciliation']);
    expect(lines('1936-06-01', 'RUS')).toEqual(['collective-security']);
    expect(lines('1939-06-01', 'RUS')).toEqual(['double-insurance']);
    expect(lines('1934-06-01', 'FRN')).toEqual(['collective-security']);
    expect(lines('1935-06-01', 'FRN')).toEqual(['evasive']);
    expect(lines('1938-09-29', 'UKG')).toEqual(['appeasement']);
    expect(lines('1939-03-31', 'UKG')).toEqual(['resistance']);
    for (const id of ['POL', 'RUM', 'YUG']) expect(lines('1938-06-01', id), id).toEqual(['accommodation']);
    for (const id of ['GMY', 'ITA', 'JPN']) expect(lines('1937-01-01', id), id).toEqual(['expansionist']);
    expect(lines('1937-01-01', 'USA')).toEqual(['isolationist']);
  });

  it('weigh the purged Red Army below its material capability, as a parameter', () => {
    expect(stateIn(at('1936-06-01'), 'RUS').effectiveness).toBe(1);
    expect(stateIn(at('1938-06-01'), 'RUS').effectiveness).toBeLessThan(1);
    expect(stateIn(at('1939-08-20'), 'RUS').effectiveness).toBeGreaterThan(stateIn(at('1938-06-01'), 'RUS').effectiveness);
    for (const e of scenario.effectiveness) expect([e.source].flat().some((s) => 'parameter' in s)).toBe(true);
  });

  it('carry a COW capability row for every COW state on every day it exists', () => {
    for (const day of ['1929-07-01', '1933-07-01', '1936-03-01', '1938-03-12', '1939-09-15']) {
      for (const s of at(day).states.filter((x) => x.kind === 'state')) expect(s.capability?.cinc, `${s.id} ${day}`).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!hasData())('capabilities are COW NMC v6.0 as the script extracts them (needs ../shared/data)', () => {
  it('holds exactly the rows scripts/extract-capabilities.ts writes', () => {
    const { lines } = capabilityLines(scenario.actors, readNmc().rows);
    expect(scenario.capabilities).toHaveLength(lines.length);
    const nmc = new Map(readNmc().rows.map((r) => [`${r.ccode}/${r.year}`, r]));
    const code = new Map(scenario.actors.map((a) => [a.id, a.ccode]));
    for (const c of scenario.capabilities) {
      const row = nmc.get(`${code.get(c.state)}/${c.year}`);
      expect({ cinc: c.cinc, milex: c.milex, milper: c.milper, pec: c.pec, tpop: c.tpop }, `${c.state} ${c.year}`).toEqual({ cinc: row?.cinc, milex: row?.milex, milper: row?.milper, pec: row?.pec, tpop: row?.tpop });
    }
  });
});

describe('the data hold together', () => {
  it('every territory has a controller on every day the world changes', () => {
    const ids = scenario.territories.map((t) => t.id).sort();
    for (const day of changeDays(scenario)) {
      const world = at(day);
      expect(world.territories.map((t) => t.id), day).toEqual(ids);
      const present = new Set([...world.states.map((s) => s.id), ...scenario.organizations.map((o) => o.id)]);
      for (const t of world.territories) expect(present.has(t.controller), `${t.id} on ${day}: ${t.controller}`).toBe(true);
    }
  });
});
