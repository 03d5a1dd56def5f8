import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeLocation, parseLocations, readLocations } from '../../src/audit/locations.js';
import { readAttacks } from '../../src/audit/reliability-attacks.js';
import { spanMatches, wilson } from '../../src/audit/reliability-figures.js';
import { auditReliability, type ReliabilityReport } from '../../src/audit/reliability.js';
import { readImportInputs } from '../../src/data/import-files.js';
import { importScenario } from '../../src/data/import.js';
import { hasData } from '../../src/data/paths.js';
import { ScenarioError } from '../../src/model/errors.js';

describe('the location coding', () => {
  const coding = readLocations();

  it('reads the shipped coding, with a source on every theatre and scope', () => {
    expect(coding.scopes.length).toBeGreaterThan(30);
    expect(coding.theatres.every((t) => t.source !== undefined)).toBe(true);
  });

  it('judges NATO outside its terms in the Falklands and the ANZUS pact within them in Vietnam', () => {
    expect(judgeLocation(coding, 3180, 2, 202, ['w-hemisphere']).verdict).toBe('outside');
    expect(judgeLocation(coding, 3215, undefined, 163, ['asia']).verdict).toBe('within');
  });

  it('judges the Soviet-Mongolian protocol within its terms at Nomonhan and the Franco-Soviet pact outside them', () => {
    expect(judgeLocation(coding, 2370, 1, 136, ['asia']).verdict).toBe('within');
    expect(judgeLocation(coding, 2360, undefined, 136, ['asia']).verdict).toBe('outside');
  });

  it('cannot judge an area-limited scope for a war known only by region, and says so', () => {
    const v = judgeLocation(coding, 3375, undefined, 9999, ['asia']);
    expect(v).toMatchObject({ verdict: 'undecidable' });
    expect(v.why).toMatch(/known only by region/);
    expect(judgeLocation(coding, 1, undefined, 163, ['asia']).why).toMatch(/not coded/);
  });

  it('never judges outside a scope that names a region in which the war was fought', () => {
    const regions = ['w-hemisphere', 'europe', 'africa', 'middle-east', 'asia', 'oceania'] as const;
    const regional = coding.scopes.filter((s) => s.areas.some((a) => (regions as readonly string[]).includes(a)));
    fc.assert(
      fc.property(fc.constantFrom(...regional), fc.constantFrom(...coding.theatres), (scope, theatre) => {
        const regionOf = new Map(coding.areas.map((a) => [a.id, a.region as string]));
        const inRegion = theatre.areas.some((a) => scope.areas.includes(regionOf.get(a) ?? a));
        const v = judgeLocation(coding, scope.atop, scope.phase, theatre.war, [], theatre.from);
        if (inRegion) expect(v.verdict).toBe('within');
      }),
    );
  });

  it('rejects an unknown area and a malformed entry with file, line and column', () => {
    const bad = 'areas:\n  - { id: here, region: europe }\nscopes:\n  - { atop: 1, areas: [there], source: { ref: "a ref" } }\n';
    expect(() => parseLocations(bad, 'loc.yaml')).toThrow(ScenarioError);
    expect(() => parseLocations(bad, 'loc.yaml')).toThrow(/loc\.yaml:4:\d+: scopes\[0\]\.areas\[0\]: unknown area "there"/);
    expect(() => parseLocations('theatres:\n  - { war: -3, areas: [europe], source: { ref: "a ref" } }\n', 'w.yaml')).toThrow(/w\.yaml:2:\d+: theatres\[0\]\.war/);
  });
});

describe('Wilson intervals', () => {
  it('matches a worked value and always contains the share', () => {
    const w = wilson(41, 100);
    expect(w.low).toBeCloseTo(0.3187, 3); // by hand: centre 0.4133, half-width 0.0947
    expect(w.high).toBeCloseTo(0.508, 3);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
        const k = Math.round(n * p);
        const f = wilson(k, n);
        expect(f.low!).toBeLessThanOrEqual(f.share! + 1e-12);
        expect(f.high!).toBeGreaterThanOrEqual(f.share! - 1e-12);
        expect(f.low!).toBeGreaterThanOrEqual(0);
        expect(f.high!).toBeLessThanOrEqual(1);
      }),
    );
    expect(wilson(0, 0).share).toBeNull();
  });

  it('places "before 1945" beside 1816–1944 and nothing else', () => {
    expect(spanMatches('before 1945', { from: 1816, to: 1944 })).toBe(true);
    expect(spanMatches('before 1945', { from: 1930, to: 1944 })).toBe(false);
    expect(spanMatches('1816–2003', { from: 1816, to: 2003 })).toBe(true);
  });
});

const data = hasData() ? describe : describe.skip;

data('reliability with locations coded', () => {
  let withCoding: ReliabilityReport;
  let without: ReliabilityReport;
  let intra: ReliabilityReport;
  beforeAll(async () => {
    const inputs = await readImportInputs('all');
    const { scenario, unexpressed } = importScenario(inputs, { from: 1816, to: 2003 });
    withCoding = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed, { locations: readLocations(), attacks: readAttacks() });
    without = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed);
    intra = auditReliability(scenario, inputs.wars!, 1816, 2003, unexpressed, { locations: readLocations(), judgeIntraAlliance: true });
  }, 120_000);

  it('judges more defence cases than without the coding, and lists the few it still cannot judge', () => {
    expect(withCoding.byKind.defence.cases).toBeGreaterThan(without.byKind.defence.cases);
    expect(withCoding.undecided.length).toBeGreaterThan(0);
    expect(withCoding.undecided.length).toBeLessThan(10);
    expect(withCoding.undecided.every((u) => u.why.length > 10)).toBe(true);
  });

  it('leaves the Rio Treaty out of the Cenepa war, fought between two of its parties, and judges it there only when asked', () => {
    expect(withCoding.list.some((c) => c.war === 217 && c.atop === 3150 && c.kind === 'defence')).toBe(false);
    expect(withCoding.excluded['defence: the attackers are parties of the same alliance']).toBeGreaterThan(100);
    const rio = intra.list.filter((c) => c.war === 217 && c.atop === 3150 && c.kind === 'defence');
    expect(rio.length).toBeGreaterThan(10);
    expect(rio.every((c) => c.location !== undefined && !c.honoured)).toBe(true);
  });

  it('judges France bound to Russia in August 1914 by the adversary named in the 1892 convention, and not in 1904 against Japan', () => {
    expect(withCoding.list.find((c) => c.war === 106 && c.atop === 1385 && c.ally === 'FRN')).toMatchObject({ toward: 'RUS', date: '1914-08-01', honoured: true });
    expect(withCoding.list.some((c) => c.war === 85 && c.atop === 1385)).toBe(false);
  });

  it('leaves out the 1856 guarantee of the Ottoman Empire in the Franco-Prussian war, which was fought outside its terms', () => {
    expect(withCoding.list.some((c) => c.war === 58 && c.atop === 1195)).toBe(false);
    expect(withCoding.excluded['defence: the war falls outside its terms (location)']).toBeGreaterThan(0);
  });
});
