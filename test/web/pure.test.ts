/** The explorer's pure helpers: day checks, CSV, names in sentences, citations, label placement, roles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDay, dayAt, dayIndex, isCalendarDay, longDate } from '../../web/src/days.js';
import { toCsv } from '../../web/src/exports.js';
import { listOf, withNames } from '../../web/src/nav.js';
import { overlayFromForm } from '../../web/src/OverlayEditor.js';
import { OverlaySchema } from '../../src/sim/overlay.js';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';
import { labelBox, placeLabels, routesOf } from '../../web/src/map-layers.js';
import { usedByWords } from '../../web/src/Readings.js';
import { rolesOf } from '../../web/src/roles.js';
import { tieOf } from '../../web/src/Ranking.js';
import { citationOf } from '../../web/src/Sources.js';
import { readView, writeView } from '../../web/src/url.js';

const SPAN = { from: '1929-01-01', until: '1939-10-01' };

describe('days', () => {
  it('refuses days that are not in the calendar, and reads the ones that are', () => {
    expect(isCalendarDay('1938-13-45')).toBe(false);
    expect(isCalendarDay('1938-02-29')).toBe(false);
    expect(isCalendarDay('1936-02-29')).toBe(true);
    expect(isCalendarDay('1945')).toBe(false);
    expect(longDate('1938-09-28')).toBe('28 September 1938');
    expect(longDate('1938-13-45')).toBe('1938-13-45');
  });

  it('moves a day outside the span to the nearest day inside, and says so', () => {
    expect(checkDay('1938-13-45', SPAN, '1938-09-28')).toEqual({ day: '1938-09-28', problem: '“1938-13-45” is not a day of the calendar; showing 28 September 1938.' });
    expect(checkDay('1945-05-08', SPAN, '1938-09-28')).toEqual({ day: '1939-09-30', problem: '8 May 1945 is after the scenario ends; showing its last day, 30 September 1939.' });
    expect(checkDay('1925-12-01', SPAN, '1938-09-28').day).toBe('1929-01-01');
    expect(checkDay('1939-09-30', SPAN, '1938-09-28')).toEqual({ day: '1939-09-30' });
  });

  it('always lands inside the span, and keeps any day already inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 10000 }), (offset) => {
        const day = dayAt('1929-01-01', offset);
        const checked = checkDay(day, SPAN, '1938-09-28');
        expect(checked.day >= SPAN.from && checked.day < SPAN.until).toBe(true);
        expect(checked.problem === undefined).toBe(day >= SPAN.from && day < SPAN.until);
        expect(dayIndex('1929-01-01', day)).toBe(offset);
      }),
    );
  });
});

describe('the URL', () => {
  it('keeps a view through write and read, and keeps an unknown tab for the app to check', () => {
    const view = readView('?day=1938-09-28&tab=lab&attacker=GMY&target=CZE&transit=RUM%3ARUS&league=1', '1938-09-28');
    expect(readView(writeView(view), '1938-09-28')).toEqual(view);
    expect(readView('?day=1938-13-45', '1938-09-28').day).toBe('1938-13-45');
    expect(readView('?tab=play', '1938-09-28').tab).toBe('play');
    expect(readView('?tab=%3Cscript%3E', '1938-09-28').tab).toBe('network');
  });
});

describe('exports', () => {
  it('quotes CSV fields that hold commas, quotes or line breaks', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "no"'], [1, undefined]])).toBe('a,b\r\n"x, y","say ""no"""\r\n1,\r\n');
  });

  it('round-trips any text through a CSV field', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const line = toCsv(['t'], [[text]]).split('\r\n').slice(1).join('\r\n').replace(/\r\n$/, '');
        const unquoted = line.startsWith('"') ? line.slice(1, -1).replace(/""/g, '"') : line;
        expect(unquoted).toBe(text);
      }),
    );
  });
});

describe('names and citations', () => {
  const names = new Map([
    ['FRN', 'France'],
    ['RUS', 'Soviet Union'],
    ['POL', 'Poland'],
  ]);
  it('puts names in place of codes in the server’s sentences, and leaves other words alone', () => {
    expect(withNames('POL refuses passage to RUS; FRN acts first', names)).toBe('Poland refuses passage to Soviet Union; France acts first');
    expect(withNames('Art. 16 of the LON Covenant (ATOP 2140)', names)).toBe('Art. 16 of the LON Covenant (ATOP 2140)');
    expect(listOf(names, ['FRN', 'POL', 'RUS'])).toBe('France, Poland and Soviet Union');
  });

  it('cites a seed by its title and author, never by its file name, and links a public treaty text', () => {
    expect(citationOf({ seed: '001_9f73842a76e4b4ea.txt', quote: 'collective security' })).toEqual({ text: 'Gerhard Rempel, “Collective Security”, lecture notes, Western New England College', quote: 'collective security' });
    expect(citationOf({ seed: '000_075835ea2ae3c2b7.txt', quote: 'x y z' }).text).not.toMatch(/\.txt/);
    expect(citationOf({ ref: 'Covenant of the League of Nations, Art. 16' }).url).toBe('https://avalon.law.yale.edu/20th_century/leagcov.asp');
    expect(citationOf({ ref: 'ATOP 4.01, alliance 2140' }).url).toBeUndefined();
    expect(citationOf({ ref: 'x y z', citation: 'As the API cites it' } as never).text).toBe('As the API cites it');
  });
});

describe('the overlay editor', () => {
  const names = new Map([
    ['UKG', 'United Kingdom'],
    ['CZE', 'Czechoslovakia'],
  ]);
  const world = { treaties: [{ id: 'fr-cz', name: 'Franco-Czechoslovak Treaty' }] } as never;
  it('builds overlays the simulator accepts, titled in words', () => {
    for (const kind of ['guarantee', 'grant-transit', 'add-convention'] as const) {
      const o = overlayFromForm({ kind, a: 'UKG', b: 'CZE' }, '1938-09-28', names, world);
      expect('problem' in o).toBe(false);
      expect(() => OverlaySchema.parse(o)).not.toThrow();
      expect((o as { title: string }).title).toMatch(/United Kingdom .*Czechoslovakia/);
    }
    expect(OverlaySchema.parse(overlayFromForm({ kind: 'drop-treaty', treaty: 'fr-cz' }, '1938-09-28', names, world))).toMatchObject({ title: 'no Franco-Czechoslovak Treaty' });
  });

  it('says what is missing instead of building half a change', () => {
    expect(overlayFromForm({ kind: 'guarantee', a: 'UKG' }, '1938-09-28', names, world)).toEqual({ problem: 'choose both states' });
    expect(overlayFromForm({ kind: 'grant-transit', a: 'UKG', b: 'UKG' }, '1938-09-28', names, world)).toEqual({ problem: 'choose two different states' });
    expect(overlayFromForm({ kind: 'drop-treaty', treaty: 'nope' }, '1938-09-28', names, world)).toEqual({ problem: 'choose a treaty in force that day' });
  });
});

describe('the readings register', () => {
  it('says where a reading applies in words, not ids', () => {
    const r = { treaty: 'franco-soviet-1935', treatyName: 'Franco-Soviet Treaty of Mutual Assistance' };
    expect(usedByWords({ treaty: 'franco-soviet-1935', provision: 'art-2', condition: 'league-finding' }, r)).toBe('Franco-Soviet Treaty of Mutual Assistance, Art. 2, condition: league finding');
    expect(usedByWords({ treaty: 'locarno-1925', provision: 'art-1-4', condition: 'league-finding' }, r)).toBe('locarno-1925, Art. 1-4, condition: league finding');
  });
});

describe('the map', () => {
  it('places labels that overlap neither each other nor another state’s mark, the heaviest first', () => {
    const item = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 560 }), r: fc.integer({ min: 2, max: 16 }), text: fc.string({ minLength: 1, maxLength: 14 }), weight: fc.double({ min: 0, max: 1, noNaN: true }) });
    const overlap = (p: readonly number[], q: readonly number[]) => p[0]! < q[2]! && p[2]! > q[0]! && p[1]! < q[3]! && p[3]! > q[1]!;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), (raw) => {
        const items = raw.map((r, i) => ({ ...r, id: `s${i}`, size: 11 }));
        const shown = placeLabels(items);
        const heaviest = [...items].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))[0]!;
        // The heaviest is left out only when another mark crowds all four sides of its own.
        const crowded = (['above', 'below', 'right', 'left'] as const).every((side) => items.some((o) => o.id !== heaviest.id && overlap(labelBox(heaviest, side), [o.x - o.r * 1.2, o.y - o.r * 1.2, o.x + o.r * 1.2, o.y + o.r * 1.2])));
        expect(shown.has(heaviest.id) || crowded).toBe(true);
        const labels = items.filter((i) => shown.has(i.id)).map((i) => ({ id: i.id, box: labelBox(i, shown.get(i.id)!) }));
        for (let a = 0; a < labels.length; a++) for (let b = a + 1; b < labels.length; b++) expect(overlap(labels[a]!.box, labels[b]!.box)).toBe(false);
        for (const l of labels) for (const o of items) if (o.id !== l.id) expect(overlap(l.box, [o.x - o.r * 1.2, o.y - o.r * 1.2, o.x + o.r * 1.2, o.y + o.r * 1.2])).toBe(false);
      }),
    );
  });

  it('keeps Bratislava’s mark off Hungary’s label: the label moves to a free side', () => {
    // Two capitals close together, as Bratislava and Budapest are on a small map: above Budapest the label would cross Bratislava's mark.
    const hungary = { id: 'HUN', x: 430, y: 300, r: 5, text: 'Hungary', size: 11, weight: 1 };
    const slovakia = { id: 'SLO', x: 410, y: 284, r: 5, text: 'Slovakia', size: 11, weight: 0.5 };
    const placed = placeLabels([hungary, slovakia]);
    expect(placed.get('HUN')).not.toBe('above');
    expect(placed.has('HUN')).toBe(true);
  });

  it('keeps a name inside the drawing: at the left edge it goes to the right of its mark', () => {
    const britain = { id: 'UKG', x: 30, y: 200, r: 8, text: 'United Kingdom', size: 11, weight: 1 };
    expect(placeLabels([britain], [0, 0, 800, 560]).get('UKG')).toBe('right');
    expect(placeLabels([britain]).get('UKG')).toBe('above');
  });

  it('names the attacker and the target even where every side of their mark touches another mark', () => {
    const prague = { id: 'CZE', x: 400, y: 300, r: 4, text: 'Czechoslovakia', size: 11, weight: 10 };
    const around = [[400, 280], [400, 320], [440, 300], [360, 300]].map(([x, y], i) => ({ id: `N${i}`, x: x!, y: y!, r: 6, text: 'x', size: 11, weight: 0 }));
    expect(placeLabels([prague, ...around]).has('CZE')).toBe(false);
    expect(placeLabels([{ ...prague, keep: true }, ...around]).has('CZE')).toBe(true);
  });

  it('tells sanctions from war: with a League finding at Munich, Sweden owes sanctions, France must fight', () => {
    const scenario = loadBuiltInScenario();
    const r = resolve(worldAt(scenario, '1938-09-28'), { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' }, { abstain: [], transit: [], leagueFinding: true, provoked: false, readings: {} });
    const roles = rolesOf(r);
    expect(roles.get('GMY')).toBe('attacker');
    expect(roles.get('CZE')).toBe('target');
    expect(roles.get('FRN')).toBe('must-act');
    expect(roles.get('SWD')).toBe('sanctions');
    expect(routesOf(r).find((x) => x.state === 'RUS')).toMatchObject({ mode: 'none', refusedBy: ['POL', 'RUM'] });
  });
});

describe('what-if ties', () => {
  const names = new Map([
    ['GMY', 'Germany'],
    ['CZE', 'Czechoslovakia'],
    ['POL', 'Poland'],
    ['ROM', 'Romania'],
    ['CHN', 'China'],
  ]);
  const world = {
    borders: [['CZE', 'POL']] as [string, string][],
    treaties: [
      { id: 'le', name: 'Little Entente', parties: ['CZE', 'ROM'] },
      { id: 'cov', name: 'Covenant', parties: ['CHN', 'CZE', 'GMY', 'POL', 'ROM', 'A', 'B', 'C', 'D'] },
    ],
  } as never;
  it('says why a guarantor could have stepped in, or that nothing ties it to either side', () => {
    expect(tieOf('POL', ['GMY', 'CZE'], world, names)).toBe('borders Czechoslovakia');
    expect(tieOf('ROM', ['GMY', 'CZE'], world, names)).toBe('party with Czechoslovakia to Little Entente');
    // The Covenant binds everyone to everyone: it is no tie.
    expect(tieOf('CHN', ['GMY', 'CZE'], world, names)).toBeUndefined();
  });
});
