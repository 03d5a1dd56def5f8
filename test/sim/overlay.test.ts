/** Overlays: counterfactuals as data, applied to a copy, never to the scenario itself. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/model/errors.js';
import type { Scenario } from '../../src/model/schema.js';
import { applyOverlay, parseOverlays, type Change, type Overlay } from '../../src/sim/overlay.js';
import { prepareAct, simulatePrepared } from '../../src/sim/simulate.js';
import { worldAt } from '../../src/world/world.js';
import { deepFreeze, europe, MUNICH, POLAND } from './helpers.js';

const frozen = (): Scenario => deepFreeze(structuredClone(europe()));
const overlay = (...changes: Change[]): Overlay => ({ id: 'test', title: 'a test', changes });

const CHANGES: Change[] = [
  { op: 'add-convention', between: ['FRN', 'CZE'], from: '1936-01-01' },
  { op: 'grant-transit', grantor: 'RUM', grantee: 'RUS', from: '1938-09-01' },
  { op: 'set-line', state: 'UKG', line: 'resistance', from: '1938-09-01' },
  { op: 'remove-event', event: 'barthou-assassination' },
  { op: 'move-event', event: 'barthou-assassination', to: '1935-01-01' },
  { op: 'drop-treaty', treaty: 'fr-su-1935' },
  { op: 'drop-provision', treaty: 'cz-su-1935', provision: 'protocol' },
  { op: 'add-provision', treaty: 'fr-su-1935', provision: { id: 'mc', kind: 'military-convention', conditions: [] } },
  { op: 'set-parameter', name: 'sim-base-rate', value: 0.6 },
];

describe('overlays', () => {
  it('never mutate the scenario they apply to (deep-frozen), for any sequence of changes', () => {
    const scenario = frozen();
    const before = JSON.stringify(scenario);
    fc.assert(
      fc.property(fc.subarray(CHANGES, { minLength: 1 }), (changes) => {
        try {
          expect(applyOverlay(scenario, overlay(...changes))).not.toBe(scenario);
        } catch (error) {
          expect(error).toBeInstanceOf(QueryError); // e.g. a provision added to a treaty dropped before
        }
      }),
      { numRuns: 60 },
    );
    expect(JSON.stringify(scenario)).toBe(before);
  });

  it('"Barthou is not assassinated" keeps Barthou in office and his line, and drops Laval\'s evasions', () => {
    const result = applyOverlay(frozen(), overlay({ op: 'remove-event', event: 'barthou-assassination' }));
    const world = worldAt(result, '1935-03-01');
    const france = world.states.find((s) => s.id === 'FRN')!;
    expect(france.leaders).toContainEqual({ role: 'foreign-minister', name: 'Louis Barthou' });
    expect(france.leaders.some((l) => l.name === 'Pierre Laval')).toBe(false);
    expect(france.lines).toEqual(['collective-security']);
    expect(result.events.some((e) => e.id === 'barthou-assassination')).toBe(false);
    // The historical world of that day has Laval and his evasions.
    const historical = worldAt(europe(), '1935-03-01').states.find((s) => s.id === 'FRN')!;
    expect(historical.lines).toEqual(['evasive']);
    // Barthou's line lasts until the next line begins (appeasement, 1938).
    expect(worldAt(result, '1938-09-28').states.find((s) => s.id === 'FRN')!.lines).toEqual(['appeasement']);
  });

  it('moving an event moves the facts it causes', () => {
    const result = applyOverlay(frozen(), overlay({ op: 'move-event', event: 'barthou-assassination', to: '1935-01-01' }));
    expect(worldAt(result, '1934-12-01').states.find((s) => s.id === 'FRN')!.lines).toEqual(['collective-security']);
    expect(worldAt(result, '1935-02-01').states.find((s) => s.id === 'FRN')!.lines).toEqual(['evasive']);
  });

  it('granting transit lets the USSR reach Czechoslovakia whether or not Romania fights, and raises its weight and its will', () => {
    const base = prepareAct({ scenario: europe(), act: MUNICH });
    const granted = prepareAct({ scenario: frozen(), act: MUNICH, overlays: [overlay({ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS', from: '1938-09-01' })] });
    const su = (p: typeof base) => p.compiled.deciders.find((d) => d.state === 'RUS')!;
    // Without the grant, Romania lets the Red Army through only as a co-belligerent.
    expect(su(base)).toMatchObject({ reach: 'transit', reachNeeds: ['RUM'], reachOtherwise: 'none', fallbackWeight: 0 });
    expect(su(granted)).toMatchObject({ reach: 'transit', reachNeeds: [] });
    expect(su(granted).fallbackWeight).toBeGreaterThan(su(base).fallbackWeight);
    const noFinding = prepareAct({ scenario: europe(), act: MUNICH, assumptions: { leagueFinding: false } });
    const grantedNoFinding = prepareAct({ scenario: europe(), act: MUNICH, assumptions: { leagueFinding: false }, overlays: [overlay({ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' })] });
    expect(su(noFinding).reach).toBe('none');
    expect(su(grantedNoFinding).p).toBeGreaterThan(su(noFinding).p);
  });

  it('a military convention raises the probability of honouring', () => {
    const base = prepareAct({ scenario: europe(), act: MUNICH });
    const convention = prepareAct({ scenario: europe(), act: MUNICH, overlays: [overlay({ op: 'add-convention', between: ['FRN', 'CZE'] })] });
    const fr = (p: typeof base) => p.compiled.deciders.find((d) => d.state === 'FRN')!;
    expect(fr(convention).decision!.features.convention).toBe('convention');
    expect(fr(convention).p).toBeGreaterThan(fr(base).p);
  });

  it('a change that names nothing is a clear error', () => {
    expect(() => applyOverlay(europe(), overlay({ op: 'drop-treaty', treaty: 'no-such-treaty' }))).toThrow('overlay "test": no treaty "no-such-treaty"');
    expect(() => applyOverlay(europe(), overlay({ op: 'set-line', state: 'XXX', line: 'resistance' }))).toThrow(QueryError);
  });

  it('parses YAML files of one overlay or a list, and says where a file is wrong', () => {
    const one = parseOverlays('id: a\ntitle: A\nchanges:\n  - { op: grant-transit, grantor: POL, grantee: RUS }\n', 'a.yaml');
    expect(one).toHaveLength(1);
    const list = parseOverlays('[{"id":"a","title":"A","changes":[{"op":"remove-event","event":"x"}]},{"id":"b","title":"B","changes":[{"op":"drop-treaty","treaty":"y"}]}]', 'b.json');
    expect(list.map((o) => o.id)).toEqual(['a', 'b']);
    expect(() => parseOverlays('id: a\ntitle: A\nchanges:\n  - { op: grant-transit, grantor: POL }\n', 'bad.yaml')).toThrow(/bad\.yaml: changes\[0\]\.grantee/);
  });
});

describe('coalitions move deterrence the expected way', () => {
  const ratio = { 'power-deterrence-ratio': 0.6 };
  const p = (overlays: Overlay[]) => simulatePrepared(prepareAct({ scenario: europe(), act: POLAND, parameters: ratio, overlays }), 100_000, 3).deterrence.p;

  it('removing a member lowers it; adding one raises it', () => {
    const base = p([]);
    const dropped = p([overlay({ op: 'drop-treaty', treaty: 'fr-pl-1921' })]);
    expect(dropped).toBeLessThan(base);
    const added = p([overlay({ op: 'grant-transit', grantor: 'POL', grantee: 'RUS', from: '1939-01-01' }), { ...overlay({ op: 'add-treaty', treaty: { id: 'su-pl', name: 'Soviet guarantee of Poland', parties: ['RUS', 'POL'], signed: '1939-08-01', secret: false, provisions: [{ id: 'g', kind: 'guarantee', obliged: ['RUS'], beneficiaries: ['POL'], conditions: [] }], source: { parameter: 'test' } } }), id: 'su' }]);
    expect(added).toBeGreaterThan(base);
  });
});

describe('removing an event', () => {
  it('also removes the events it caused, and what they caused', () => {
    const scenario = structuredClone(europe());
    scenario.events.push({ id: 'laval-appointed', date: '1934-10-13', kind: 'government-change', title: 'Laval', actors: ['FRN'], targets: [], territories: [], excluded: [], cause: 'barthou-assassination', source: { ref: 'test' } });
    scenario.actors.find((a) => a.id === 'FRN')!.lines.push({ line: 'conciliation', from: '1935-06-01', until: '1935-07-01', cause: 'laval-appointed', source: { ref: 'test' } });
    const result = applyOverlay(deepFreeze(scenario), overlay({ op: 'remove-event', event: 'barthou-assassination' }));
    expect(result.events.map((e) => e.id)).toEqual(['munich']);
    expect(worldAt(result, '1935-06-15').states.find((s) => s.id === 'FRN')!.lines).toEqual(['collective-security']);
  });
});
