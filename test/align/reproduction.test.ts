import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignOn, AXELROD_BENNETT_1936 } from '../../src/align/align.js';
import { addStep, alignAcross, parseStep } from '../../src/align/drift.js';
import { landscapeInputs, VARIANTS, type Variant } from '../../src/align/propensity.js';
import { AB1993, scoreAlignment } from '../../src/align/score.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { parseScenario } from '../../src/model/parse.js';
import { ScenarioError } from '../../src/model/errors.js';

const scenario = loadBuiltInScenario();
const states = [...AXELROD_BENNETT_1936];
const pair = (day: string, a: string, b: string, variant: Variant = 'ab1993') => landscapeInputs(scenario, day, [a, b], { variant }).pairs[0]!;

describe("Axelrod & Bennett's five terms from the scenario's records", () => {
  it('reads Bessarabia and Memel as territorial disputes, and kin across those borders', () => {
    expect(pair('1936-07-01', 'RUM', 'RUS').parts).toMatchObject({ territory: -1, ethnic: -1 });
    expect(pair('1936-07-01', 'GMY', 'LIT').parts).toMatchObject({ territory: -1, ethnic: -1 });
  });

  it('ends the Memel dispute with the treaty of 22 March 1939 and the Italo-Yugoslav one with the Belgrade pact of 1937', () => {
    expect(pair('1939-03-21', 'GMY', 'LIT').parts.territory).toBe(-1);
    expect(pair('1939-03-22', 'GMY', 'LIT').parts.territory).toBe(0);
    expect(pair('1937-03-24', 'ITA', 'YUG').parts.territory).toBe(-1);
    expect(pair('1937-03-25', 'ITA', 'YUG').parts.territory).toBe(0);
  });

  it('counts COW wars since 1816: France and Germany fought each other, Britain and France only together', () => {
    expect(pair('1936-07-01', 'FRN', 'GMY').parts.wars).toBe(-1);
    expect(pair('1936-07-01', 'FRN', 'UKG').parts.wars).toBe(1);
  });

  it('has every term within −1..+1 and a total equal to the sum of its parts, for any pair and day', () => {
    const ids = scenario.actors.filter((a) => a.kind === 'state' && a.exists.some((e) => (e.from ?? '') <= '1936-01-01' && (e.until ?? '9999') > '1939-01-01')).map((a) => a.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...(Object.keys(VARIANTS) as Variant[])), (a, b, offset, variant) => {
        fc.pre(a !== b);
        const day = new Date(Date.UTC(1936, 0, 1 + offset)).toISOString().slice(0, 10);
        const p = landscapeInputs(scenario, day, [a, b], { variant }).pairs[0]!;
        for (const [term, v] of Object.entries(p.parts)) if (term !== 'alliance') expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(p.total).toBeCloseTo(Object.values(p.parts).reduce((s, v) => s + v, 0), 12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the 1936 landscape scored against the paper', () => {
  it('places 15 of 17 right with the a-priori five terms, and names Lithuania and Poland as wrong', () => {
    const score = scoreAlignment(alignOn(scenario, '1936-07-01', states), AB1993);
    expect(score.placed).toBe(15);
    expect(score.misplaced.map((m) => m.state).sort()).toEqual(['LIT', 'POL']);
  });

  it('says which terms pulled each misplaced state: Memel pulls Lithuania away from Germany', () => {
    const score = scoreAlignment(alignOn(scenario, '1936-07-01', states), AB1993);
    const lit = score.misplaced.find((m) => m.state === 'LIT')!;
    expect(lit.pullByTerm.territory).toBeLessThan(0);
    expect(lit.strongest[0]!.other).toBe('GMY');
  });

  it('scores a relabelled alignment the same: coalition names carry no meaning', () => {
    const a = alignOn(scenario, '1936-07-01', states);
    const swapped = { ...a, coalitions: [...a.coalitions].reverse() };
    expect(scoreAlignment(swapped, AB1993).placed).toBe(scoreAlignment(a, AB1993).placed);
  });
});

describe('the landscape across time', () => {
  it('parses steps and refuses bad ones', () => {
    expect(parseStep('3m')).toEqual({ count: 3, unit: 'm' });
    expect(() => parseStep('0m')).toThrow(/--step/);
    expect(() => parseStep('3 weeks')).toThrow(/--step/);
    expect(addStep('1936-01-31', { count: 1, unit: 'm' })).toBe('1936-02-29');
    expect(addStep('1939-12-31', { count: 1, unit: 'd' })).toBe('1940-01-01');
  });

  it('drops Czechoslovakia after 15 March 1939 and moves Poland to the Western side by 1939', () => {
    const steps = alignAcross(scenario, '1936-07-01', '1939-07-01', { count: 1, unit: 'y' }, states);
    expect(steps.map((s) => s.alignment.at)).toEqual(['1936-07-01', '1937-07-01', '1938-07-01', '1939-07-01']);
    expect(steps[3]!.absent).toEqual(['CZE']);
    const together = (s: (typeof steps)[number], x: string, y: string) => s.alignment.coalitions.some((c) => c.includes(x) && c.includes(y));
    expect(together(steps[0]!, 'POL', 'UKG')).toBe(false);
    expect(together(steps[3]!, 'POL', 'UKG')).toBe(true);
    expect(steps.every((s) => s.watched !== undefined)).toBe(true);
  });

  it('is deterministic', () => {
    const run = () => JSON.stringify(alignAcross(scenario, '1938-01-01', '1938-07-01', { count: 3, unit: 'm' }, states));
    expect(run()).toBe(run());
  });
});

describe('the propensity records in a scenario file', () => {
  const head = `format: 1\nid: t\nname: T\nspan: { from: 1930-01-01, until: 1940-01-01 }\nactors:\n  - { id: AAA, name: A, exists: [{ source: { ref: "test ref" } }], capital: { name: a, lat: 0, lon: 0 }, source: { ref: "test ref" } }\n`;
  it('rejects a dispute that names an unknown state, with file, line and column', () => {
    const text = `${head}disputes:\n  - { id: d1, name: D, claimant: AAA, holder: ZZZ, source: { ref: "test ref" } }\n`;
    expect(() => parseScenario(text, 'bad.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(text, 'bad.yaml')).toThrow(/bad\.yaml:8:\d+: disputes\[0\]\.holder: unknown actor "ZZZ"/);
  });

  it('rejects kin without a source', () => {
    const text = `${head}kin:\n  - { kin: AAA, in: AAA, group: G }\n`;
    expect(() => parseScenario(text, 'bad.yaml')).toThrow(/bad\.yaml:8:\d+: kin\[0\]\.source/);
  });
});
