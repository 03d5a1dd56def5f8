import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAdversary, judgeLocation, parseLocations } from '../../src/audit/locations.js';
import { attacksOf, parseAttacks, readAttacks } from '../../src/audit/reliability-attacks.js';
import { auditReliability, type ReliabilityReport } from '../../src/audit/reliability.js';
import { readLocations } from '../../src/audit/locations.js';
import type { War, WarParticipant } from '../../src/data/cow-wars.js';
import { readImportInputs } from '../../src/data/import-files.js';
import { importScenario } from '../../src/data/import.js';
import { hasData } from '../../src/data/paths.js';

const row = (ccode: number, side: 1 | 2, from: string, initiator = false): WarParticipant => ({
  ccode, stateName: String(ccode), side, spells: [{ from, until: '1999-01-01' }], initiator, outcome: 1, whereFought: 2, transFrom: [], transTo: [], line: 2,
});

describe('the attack coding', () => {
  it('reads the shipped coding, every attack sourced and after its war began', () => {
    const coding = readAttacks();
    expect(coding.attacks.length).toBeGreaterThanOrEqual(10);
    expect(coding.attacks.every((a) => a.source !== undefined)).toBe(true);
    expect(coding.attacks.find((a) => a.war === 106 && a.date === '1914-08-04')).toMatchObject({ attackers: [255], targets: [211] });
  });

  it('rejects a malformed attack with file, line and column', () => {
    expect(() => parseAttacks('attacks:\n  - { war: 106, date: 1914-13-01, attackers: [255], targets: [211], source: { ref: "a ref" } }\n', 'a.yaml')).toThrow(/a\.yaml:2:\d+: attacks\[0\]\.date/);
    expect(() => parseAttacks('attacks:\n  - { war: 106, date: 1914-08-04, attackers: [255], targets: [255], source: { ref: "a ref" } }\n', 'a.yaml')).toThrow(/a\.yaml:2:\d+: .*both an attacker and a target/);
    expect(() => parseAttacks('attacks:\n  - { war: 106, date: 1914-08-04, attackers: [], targets: [211], source: { ref: "a ref" } }\n', 'a.yaml')).toThrow(/a\.yaml:2:\d+: attacks\[0\]\.attackers/);
    expect(() => parseAttacks('attacks:\n  - { war: 106, date: 1914-08-04, attackers: [255], targets: [211] }\n', 'a.yaml')).toThrow(/a\.yaml:2:\d+/);
  });

  it('puts the first day first, the initiator against the rest, then the coded attacks in date order', () => {
    const war: War = { warNum: 7, name: 'w', from: '1900-01-01', until: '1901-01-01', participants: [row(1, 2, '1900-01-01', true), row(2, 1, '1900-01-01'), row(3, 1, '1900-03-01'), row(4, 1, '1900-02-01')] };
    const idOf = new Map([[1, 'A'], [2, 'B'], [3, 'C'], [4, 'D']]);
    const coding = parseAttacks('attacks:\n  - { war: 7, date: 1900-03-01, attackers: [1], targets: [3], source: { ref: "ref" } }\n  - { war: 7, date: 1900-02-01, attackers: [1, 9], targets: [4], source: { ref: "ref" } }\n  - { war: 8, date: 1900-02-01, attackers: [1], targets: [2], source: { ref: "ref" } }\n', 'a.yaml');
    const attacks = attacksOf(war, idOf, coding);
    expect(attacks.map((a) => [a.date, a.attackers, a.targets])).toEqual([
      ['1900-01-01', ['A'], ['B']],
      ['1900-02-01', ['A'], ['D']],
      ['1900-03-01', ['A'], ['C']],
    ]);
    expect(attacksOf(war, idOf, undefined)).toHaveLength(1);
  });
});

describe('adversaries and moving theatres in the location coding', () => {
  const coding = parseLocations(
    'areas:\n  - { id: east, region: europe }\n  - { id: far, region: asia }\ntheatres:\n  - { war: 5, areas: [east], source: { ref: "ref" } }\n  - { war: 5, from: 1941-06-22, areas: [far], source: { ref: "ref" } }\nscopes:\n  - { atop: 9, areas: [east], source: { ref: "ref" } }\nadversaries:\n  - { atop: 9, states: [255], source: { ref: "ref" } }\n',
    'l.yaml',
  );

  it('judges an adversary-limited alliance within its terms only when a named state is among the opponents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 }), (opponents) => {
        expect(judgeAdversary(coding, 9, undefined, opponents).verdict).toBe(opponents.includes(255) ? 'within' : 'outside');
      }),
    );
    expect(judgeAdversary(coding, 10, undefined, [255]).verdict).toBe('undecidable');
  });

  it('takes the theatre begun by the attack\'s day', () => {
    expect(judgeLocation(coding, 9, undefined, 5, [], '1939-09-01').verdict).toBe('within');
    expect(judgeLocation(coding, 9, undefined, 5, [], '1941-06-22').verdict).toBe('outside');
    expect(judgeLocation(coding, 9, undefined, 5, []).verdict).toBe('within');
  });

  it('rejects a second adversaries entry for one alliance with file, line and column', () => {
    expect(() => parseLocations('adversaries:\n  - { atop: 9, states: [1], source: { ref: "ref" } }\n  - { atop: 9, states: [2], source: { ref: "ref" } }\n', 'l.yaml')).toThrow(/l\.yaml:3:\d+: adversaries\[1\]\.atop/);
  });
});

const data = hasData() ? describe : describe.skip;

data('reliability before 1945 with the attack coding', () => {
  let report: ReliabilityReport;
  let firstDay: ReliabilityReport;
  beforeAll(async () => {
    const inputs = await readImportInputs('all');
    const { scenario, unexpressed } = importScenario(inputs, { from: 1816, to: 1944 });
    report = auditReliability(scenario, inputs.wars!, 1816, 1944, unexpressed, { locations: readLocations(), attacks: readAttacks() });
    firstDay = auditReliability(scenario, inputs.wars!, 1816, 1944, unexpressed, { locations: readLocations() });
  }, 120_000);

  it('finds the South German states honouring their 1866 alliances with Prussia in 1870', () => {
    for (const ally of ['BAV', 'BAD', 'WRT']) expect(report.list.find((c) => c.war === 58 && c.ally === ally && c.toward === 'GMY' && c.kind === 'defence')).toMatchObject({ honoured: true, coTarget: true });
  });

  it('forms cases for attacks after the first day: Mongolia bound to the USSR in June 1941, honoured only from August 1945', () => {
    const mongolia = report.list.find((c) => c.war === 139 && c.ally === 'MON' && c.kind === 'defence')!;
    expect(mongolia).toMatchObject({ toward: 'RUS', date: '1941-06-22', honoured: true, joinedLate: true });
    expect(firstDay.list.some((c) => c.war === 139 && c.ally === 'MON')).toBe(false);
    expect(report.byKind.defence.cases).toBeGreaterThan(firstDay.byKind.defence.cases);
  });

  it('counts Germany against the USSR in 1941 as breaking the 1939 nonaggression pact', () => {
    expect(report.list.find((c) => c.war === 139 && c.ally === 'GMY' && c.toward === 'RUS' && c.kind === 'nonaggression')).toMatchObject({ honoured: false, date: '1941-06-22' });
  });

  it('asks an obligation again at a later attack: Italy owed Germany neutrality once Germany attacked France, and broke it', () => {
    expect(report.list.find((c) => c.war === 106 && c.ally === 'ITA' && c.toward === 'GMY' && c.kind === 'neutrality')).toMatchObject({ atop: 1350, date: '1914-08-03', honoured: false });
    expect(firstDay.list.some((c) => c.war === 106 && c.ally === 'ITA' && c.toward === 'GMY')).toBe(false);
  });

  it('leaves the Balkan Pact out when Italy attacked Greece in 1940: it answers a Balkan aggressor', () => {
    expect(report.list.some((c) => c.war === 139 && c.atop === 2330 && c.kind === 'defence')).toBe(false);
  });
});
