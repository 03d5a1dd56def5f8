import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAtopAlliances, readAtopMembers } from '../../src/data/atop.js';
import { readContiguity } from '../../src/data/cow-contiguity.js';
import { readNmc } from '../../src/data/cow-nmc.js';
import { readStateSystem } from '../../src/data/cow-states.js';
import { readWars } from '../../src/data/cow-wars.js';
import { DatasetError } from '../../src/data/csv.js';
import { hasData } from '../../src/data/paths.js';

const data = hasData() ? describe : describe.skip;

function tempCsv(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'casus-data-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

data('COW State System', () => {
  const { spells, skipped } = readStateSystem();
  it('reads every spell, with an exclusive end day', () => {
    expect(spells).toHaveLength(243);
    expect(skipped).toEqual({});
    const cze = spells.filter((s) => s.abbrev === 'CZE');
    // COW: Czechoslovakia 1918-10-28 to 1939-03-15 inclusive, so it is gone on 1939-03-16.
    expect(cze[0]).toEqual({ ccode: 315, abbrev: 'CZE', name: 'Czechoslovakia', from: '1918-10-28', until: '1939-03-16' });
    expect(spells.filter((s) => s.abbrev === 'GMY').map((s) => s.until)).toEqual(['1945-05-09', '2017-01-01']);
  });
});

data('COW National Material Capabilities', () => {
  const { rows, skipped } = readNmc();
  it('reads CINC and its components, -9 as missing', () => {
    expect(rows.length + Object.values(skipped).reduce((a, b) => a + b, 0)).toBe(15951);
    const gmy = rows.find((r) => r.abbrev === 'GMY' && r.year === 1936)!;
    expect(gmy.cinc).toBeCloseTo(0.11511528, 8);
    expect(gmy.milex).toBe(2332782);
    expect(rows.some((r) => r.milex === -9 || r.upop === -9)).toBe(false);
    expect(rows.some((r) => r.milex === undefined)).toBe(true);
  });
});

data('COW Direct Contiguity', () => {
  const { rows } = readContiguity();
  it('reads the CR-terminated file with months as given', () => {
    expect(rows).toHaveLength(835);
    const frnGmy = rows.filter((r) => r.a === 'FRN' && r.b === 'GMY');
    expect(frnGmy.map((r) => [r.type, r.from, r.until])).toEqual([
      [1, '1816-01', '1940-06'],
      [1, '1944-08', '1945-05'],
      [1, '1990-10', '2006-12'],
    ]);
    expect(frnGmy[0]!.notes).toBe('Ends with GMY occupation of northern France');
  });
});

data('COW Inter-State War', () => {
  const { wars } = readWars();
  it('groups participants into wars with their spells', () => {
    expect(wars.reduce((n, w) => n + w.participants.length, 0)).toBe(337);
    const ww2 = wars.find((w) => w.warNum === 139)!;
    expect(ww2.name).toBe('World War II');
    expect(ww2.from).toBe('1939-09-01');
    const gmy = ww2.participants.find((p) => p.ccode === 255)!;
    expect(gmy).toMatchObject({ side: 2, initiator: true, outcome: 2, batDeaths: 3_500_000 });
    expect(gmy.spells).toEqual([{ from: '1939-09-01', until: '1945-05-08' }]);
    // Romania fought on both sides: two rows, two participations.
    expect(ww2.participants.filter((p) => p.ccode === 360).map((p) => p.side).sort()).toEqual([1, 2]);
  });
  it('reads second spells and leaves -8 as no spell, -9 deaths as unknown', () => {
    const all = wars.flatMap((w) => w.participants);
    expect(all.some((p) => p.spells.length === 2)).toBe(true);
    expect(all.some((p) => p.batDeaths === undefined)).toBe(true);
    expect(all.every((p) => p.spells.every((s) => s.from < s.until))).toBe(true);
  });
});

data('ATOP 4.01', () => {
  const members = readAtopMembers();
  const alliances = readAtopAlliances();
  it('reads every member row with obligations, conditions and phases', () => {
    expect(members.rows).toHaveLength(2398);
    const poland = members.rows.filter((r) => r.atopid === 2440 && r.member === 290);
    expect(poland.map((r) => [r.phase, r.entry, r.exit, r.defense, r.defcoadv, r.consul])).toEqual([
      [1, '1939-04-06', '1939-08-25', 1, 0, 0],
      [2, '1939-08-25', '1939-09-27', 1, 1, 1],
    ]);
    expect(poland[1]!.statthr1).toBe(255);
    const nazisoviet = members.rows.find((r) => r.atopid === 2305 && r.member === 365)!;
    expect(nazisoviet).toMatchObject({ nonagg: 1, neutral: 1, defense: 0, entry: '1933-09-02', exit: '1941-06-22' });
  });
  it('keeps "in effect at the end of the data" open and flags days ATOP leaves out', () => {
    expect(members.rows.filter((r) => r.exit === undefined).length).toBe(1062);
    const noDay = members.rows.find((r) => r.atopid === 1115)!;
    expect(noDay.entryApproximate).toBe(true);
    expect(noDay.entry).toBe('1844-06-01');
  });
  it('reads alliances with their member lists', () => {
    expect(alliances.rows.length + Object.values(alliances.skipped).reduce((a, b) => a + b, 0)).toBe(745);
    const holy = alliances.rows.find((r) => r.atopid === 1005)!;
    expect(holy.members).toEqual([200, 210, 220, 240, 245, 300]);
    expect(holy).toMatchObject({ entry: '1815-01-03', exit: '1815-02-08', consul: 1, formal: 1 });
  });
});

describe('malformed rows', () => {
  it('names file, line and column of a bad number', () => {
    const path = tempCsv('nmc.csv', 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc\nUSA,2,1816,1,2,3,4,5,6,0.03\nUSA,2,18x7,1,2,3,4,5,6,0.03\n');
    const error = errorOf(() => readNmc(path));
    expect([error.file, error.line, error.column]).toEqual(['nmc.csv', 3, 'year']);
  });
  it('refuses a day that does not exist', () => {
    const path = tempCsv('states.csv', 'stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nUSA,2,United States,1816,2,30,2016,12,31\n');
    const error = errorOf(() => readStateSystem(path));
    expect([error.line, error.column]).toEqual([2, 'stday']);
    expect(error.message).toMatch(/does not exist/);
  });
  it('refuses a contiguity type outside 1–5, in a CR-terminated file', () => {
    const path = tempCsv('contdir.csv', 'dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes\r2020,2,"USA",20,"CAN",7,192001,200612,""\r');
    const error = errorOf(() => readContiguity(path));
    expect([error.line, error.column]).toEqual([2, 'conttype']);
  });
  it('refuses a war side that is neither 1 nor 2 and a missing column', () => {
    const header = 'WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,BatDeath,Version';
    const bad = tempCsv('wars.csv', `${header}\n1,X,1,230,Spain,3,4,7,1823,11,13,1823,-8,-8,-8,-8,-8,-8,503,2,2,2,-8,600,4\n`);
    expect(errorOf(() => readWars(bad)).column).toBe('Side');
    const missing = tempCsv('atop.csv', 'atopid,member\n1,2\n');
    const error = errorOf(() => readAtopMembers(missing));
    expect([error.line, error.column]).toEqual([1, 'yrent']);
  });
  it('counts rows skipped on purpose by reason', () => {
    const path = tempCsv('nmc.csv', 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc\nUSA,2,1816,1,2,3,4,5,6,-9\nUSA,2,1817,-9,2,3,4,5,6,0.5\n');
    const { rows, skipped } = readNmc(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.milex).toBeUndefined();
    expect(skipped).toEqual({ 'no CINC score (-9)': 1 });
  });
});
