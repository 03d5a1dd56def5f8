/**
 * The life of an obligation (issue 10, class 3): undertakings with their own dates, later treaties
 * that supersede earlier ones as between their parties, treaties that confirm or prolong others,
 * and unilateral denunciations against a fixed term read through a named reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/model/day.js';
import { ScenarioError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { parseScenario } from '../../src/model/parse.js';
import type { Scenario } from '../../src/model/schema.js';
import { timelineOf } from '../../src/world/timeline.js';
import { worldAt, type World } from '../../src/world/world.js';

const source = '{ ref: "test" }';
const actor = (id: string) => `  - { id: ${id}, name: ${id}, exists: [{ source: ${source} }], capital: { name: x, lat: 0, lon: 0 }, source: ${source} }`;

/** Three states; an old guarantee by A and B of C; a newer pact of A and C that supersedes it; a pact denounced against its term. */
function fixture(treaties: string, parameters = ''): Scenario {
  return parseScenario(
    `format: 1
id: life
name: life
span: { from: 1930-01-01, until: 1940-01-01 }
parameters:
  denunciation-ends: { value: false, doc: "test reading" }
${parameters}
actors:
${['AAA', 'BBB', 'CCC'].map(actor).join('\n')}
treaties:
${treaties}`,
    'life.yaml',
  );
}

const base = `  - id: old
    name: Old guarantee
    parties: [AAA, BBB, CCC]
    signed: 1931-01-01
    until: 1936-01-01
    provisions:
      - { id: g, kind: guarantee, obliged: [AAA, BBB], beneficiaries: [CCC] }
      - { id: kept, kind: guarantee, obliged: [BBB], beneficiaries: [CCC], until: 1938-01-01, source: ${source} }
      - { id: later, kind: consultation, from: 1932-01-01 }
    source: ${source}
  - id: new
    name: New pact
    parties: [AAA, CCC]
    signed: 1932-06-01
    until: 1934-01-01
    supersedes: [old]
    provisions:
      - { id: d, kind: defence }
    source: ${source}
  - id: fixed
    name: Fixed-term pact
    parties: [BBB, CCC]
    signed: 1931-01-01
    denounced: 1935-01-01
    until: 1941-01-01
    denunciationReading: denunciation-ends
    confirms: [old]
    provisions:
      - { id: n, kind: nonaggression }
    source: ${source}
`;

const treatyIn = (world: World, id: string) => world.treaties.find((t) => t.id === id);
const obliged = (world: World, treaty: string, provision: string) => treatyIn(world, treaty)?.provisions.find((p) => p.id === provision)?.obliged;

describe('undertakings with their own dates', () => {
  const scenario = fixture(base);
  it('starts a provision on its own day and keeps an undertaking after its instrument ends', () => {
    expect(obliged(worldAt(scenario, '1931-06-01'), 'old', 'later')).toBeUndefined();
    expect(obliged(worldAt(scenario, '1932-01-01'), 'old', 'later')).toEqual(['AAA', 'BBB', 'CCC']);
    const after = worldAt(scenario, '1936-01-01');
    expect(treatyIn(after, 'old')!.provisions.map((p) => p.id)).toEqual(['kept']);
    expect(treatyIn(worldAt(scenario, '1938-01-01'), 'old')).toBeUndefined();
  });
});

describe('a later treaty that supersedes an earlier one', () => {
  const scenario = fixture(base);
  it('releases its own parties from the day it enters into force, and binds the others still', () => {
    expect(obliged(worldAt(scenario, '1932-05-31'), 'old', 'g')).toEqual(['AAA', 'BBB']);
    expect(obliged(worldAt(scenario, '1932-06-01'), 'old', 'g')).toEqual(['BBB']);
  });
  it('does not revive what it replaced when it ends itself', () => {
    expect(treatyIn(worldAt(scenario, '1934-06-01'), 'new')).toBeUndefined();
    expect(obliged(worldAt(scenario, '1934-06-01'), 'old', 'g')).toEqual(['BBB']);
  });
  it('shows the relations on the treaties of the day', () => {
    const world = worldAt(scenario, '1932-06-01');
    expect(treatyIn(world, 'new')!.supersedes).toEqual(['old']);
    expect(treatyIn(world, 'fixed')!.confirms).toEqual(['old']);
    expect(treatyIn(world, 'old')!.supersedes).toBeUndefined();
  });
});

describe('a unilateral denunciation against a fixed term', () => {
  const scenario = fixture(base);
  it('leaves the treaty in force to its term by default, as its clause on duration says', () => {
    expect(treatyIn(worldAt(scenario, '1936-01-01'), 'fixed')).toMatchObject({ status: 'denounced', denunciationReading: 'denunciation-ends' });
  });
  it('ends it on the day of the denunciation when the reading is on, in the world and its parameters alike', () => {
    const world = worldAt(scenario, '1935-01-01', { 'denunciation-ends': true });
    expect(treatyIn(world, 'fixed')).toBeUndefined();
    expect(world.parameters['denunciation-ends']).toBe(true);
    expect(treatyIn(worldAt(scenario, '1934-12-31', { 'denunciation-ends': true }), 'fixed')).toBeDefined();
  });
});

describe('malformed relations', () => {
  const problems = (treaties: string) => {
    try {
      fixture(treaties);
      return [];
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      return error.issues.map((p) => `${p.path.join('.')}: ${p.message}`);
    }
  };
  it('names an unknown or later treaty, a provision that starts before its treaty, and a reading that is not one', () => {
    const bad = base
      .replace('supersedes: [old]', 'supersedes: [nothing]')
      .replace('confirms: [old]', 'confirms: [new]')
      .replace('from: 1932-01-01', 'from: 1930-06-01')
      .replace('denunciationReading: denunciation-ends', 'denunciationReading: no-such-reading');
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/treaties\.1\.supersedes: unknown treaty "nothing"/),
        expect.stringMatching(/treaties\.2\.confirms: "new" was signed \(1932-06-01\) after fixed \(1931-01-01\)/),
        expect.stringMatching(/treaties\.0\.provisions\.2\.from: starts \(1930-06-01\) before its treaty enters into force/),
        expect.stringMatching(/treaties\.2\.denunciationReading: reading "no-such-reading" is not in the readings register/),
      ]),
    );
    expect(problems(base.replace('    denounced: 1935-01-01\n', ''))).toEqual([expect.stringMatching(/denunciationReading: a denunciation reading needs the day/)]);
  });
});

describe('the built-in scenario', () => {
  const scenario = loadBuiltInScenario();
  const span = daysBetween(scenario.span.from, scenario.span.until);
  it('only ever removes obligations by supersession: each provision binds a subset of what it would without it', () => {
    const unrelated: Scenario = { ...scenario, treaties: scenario.treaties.map(({ supersedes: _s, ...t }) => t) };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span - 1 }), (offset) => {
        const day = addDaysTo(scenario.span.from, offset);
        const free = new Map(worldAt(unrelated, day).treaties.flatMap((t) => t.provisions.map((p) => [`${t.id}/${p.id}`, p.obliged] as const)));
        for (const t of worldAt(scenario, day).treaties) for (const p of t.provisions) for (const id of p.obliged) expect(free.get(`${t.id}/${p.id}`)).toContain(id);
      }),
      { numRuns: 40 },
    );
  });
  it('keeps the Baltic nonaggression treaties beside the pacts of 1939 that confirmed them', () => {
    const world = worldAt(scenario, '1939-10-15');
    for (const id of ['soviet-estonian-1932', 'soviet-latvian-1932', 'soviet-lithuanian-1926', 'soviet-estonian-1939', 'soviet-latvian-1939', 'soviet-lithuanian-1939']) expect(treatyIn(world, id), id).toBeDefined();
    expect(treatyIn(world, 'soviet-estonian-1939')!.confirms).toEqual(['soviet-estonian-1932']);
  });
  it('ends the guarantee to Poland for Britain on 6 April 1939 and for France on 4 September', () => {
    expect(obliged(worldAt(scenario, '1939-04-05'), 'anglo-french-guarantee-poland-1939', 'guarantee')).toEqual(['FRN', 'UKG']);
    expect(obliged(worldAt(scenario, '1939-04-06'), 'anglo-french-guarantee-poland-1939', 'guarantee')).toEqual(['FRN']);
    expect(treatyIn(worldAt(scenario, '1939-09-04'), 'anglo-french-guarantee-poland-1939')).toBeUndefined();
  });
  it('dates each supersession in the timeline, naming between whom', () => {
    const entries = timelineOf(scenario, '1939-04-06', '1939-10-20').filter((e) => e.kind === 'treaty-superseded');
    expect(entries.map((e) => [e.date, e.ref])).toEqual([
      ['1939-04-06', 'anglo-french-guarantee-poland-1939'],
      ['1939-08-25', 'anglo-polish-assurance-1939'],
      ['1939-09-04', 'anglo-french-guarantee-poland-1939'],
      ['1939-10-19', 'anglo-turkish-declaration-1939'],
      ['1939-10-19', 'franco-turkish-1939'],
    ]);
    expect(entries[0]!.title).toBe('Anglo-French Guarantee of Poland superseded between UKG, POL by Anglo-Polish Reciprocal Assurance');
  });

  it('keeps Britain bound to France after ATOP ends Locarno, while Belgium is released', () => {
    const world = worldAt(scenario, '1937-04-24');
    expect(treatyIn(world, 'locarno-1925')).toBeUndefined();
    expect(treatyIn(world, 'locarno-maintained-1936')!.provisions.map((p) => p.id)).toEqual(['uk-to-france']);
    expect(obliged(world, 'anglo-french-declaration-belgium-1937', 'assistance-to-belgium')).toEqual(['FRN', 'UKG']);
  });
});

/** The day `offset` days after `day`. */
function addDaysTo(day: string, offset: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}
