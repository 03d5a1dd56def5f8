/**
 * Who belonged to the League and the blocs of the 1930s on given days, in the built-in scenario,
 * against the historical record: the League's notices took effect two years later (Covenant
 * Art. 1(3)), and a state that ceased to exist left every organization with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, daysBetween } from '../../src/model/day.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt, type OrganizationView } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();

function organization(id: string, day: string): OrganizationView | undefined {
  return worldAt(scenario, day).organizations.find((o) => o.id === id);
}

function members(id: string, day: string): string[] {
  return organization(id, day)?.members ?? [];
}

describe('League of Nations membership', () => {
  it('keeps Japan a member until 1935-03-27, two years after its notice of 1933-03-27', () => {
    expect(members('LON', '1933-03-26')).toContain('JPN');
    expect(organization('LON', '1933-03-27')!.leaving).toContainEqual({ member: 'JPN', notice: '1933-03-27', until: '1935-03-27' });
    expect(members('LON', '1935-03-26')).toContain('JPN');
    expect(members('LON', '1935-03-27')).not.toContain('JPN');
    expect(members('LON', '1938-09-29')).not.toContain('JPN');
  });

  it('lets Germany go in October 1935, two years after its notice of 1933-10-19', () => {
    expect(members('LON', '1933-10-18')).toContain('GMY');
    expect(members('LON', '1935-10-18')).toContain('GMY');
    expect(members('LON', '1935-10-19')).not.toContain('GMY');
    expect(members('LON', '1936-03-07')).not.toContain('GMY');
  });

  it('admits the Soviet Union on 1934-09-18 and keeps it to the end of the scenario', () => {
    expect(members('LON', '1934-09-17')).not.toContain('RUS');
    expect(members('LON', '1934-09-18')).toContain('RUS');
    expect(members('LON', '1939-09-30')).toContain('RUS');
  });

  it('keeps Italy a member through 1938 and 1939: its notice of 1937-12-11 ran until 1939-12-11', () => {
    for (const day of ['1936-05-09', '1937-12-11', '1938-03-13', '1938-09-29', '1939-04-07', '1939-09-30']) {
      expect(members('LON', day)).toContain('ITA');
    }
    expect(organization('LON', '1938-06-01')!.leaving).toContainEqual({ member: 'ITA', notice: '1937-12-11', until: '1939-12-11' });
  });

  it('ends memberships with the member state: Austria at the Anschluss, Czechoslovakia in March 1939, Albania in April', () => {
    // Each is still a member on its last day (COW's exit day), and no longer the day after.
    expect(members('LON', '1938-03-13')).toContain('AUS');
    expect(members('LON', '1938-03-14')).not.toContain('AUS');
    expect(members('LON', '1939-03-15')).toContain('CZE');
    expect(members('LON', '1939-03-16')).not.toContain('CZE');
    expect(members('LON', '1939-04-07')).toContain('ALB');
    expect(members('LON', '1939-04-08')).not.toContain('ALB');
  });

  it('records Hungary and Spain as leaving in 1939 but still members when the scenario ends', () => {
    const league = organization('LON', '1939-09-30')!;
    expect(league.members).toEqual(expect.arrayContaining(['HUN', 'SPN']));
    expect(league.leaving).toEqual(
      expect.arrayContaining([
        { member: 'HUN', notice: '1939-04-11', until: '1941-04-11' },
        { member: 'SPN', notice: '1939-05-08', until: '1941-05-08' },
      ]),
    );
  });

  it('never counts the United States, Mongolia or Manchukuo as members', () => {
    for (const day of ['1929-01-01', '1934-09-18', '1937-07-07', '1939-09-01']) {
      expect(members('LON', day)).not.toContain('USA');
      expect(members('LON', day)).not.toContain('MON');
      expect(members('LON', day)).not.toContain('MAN');
    }
  });

  it('on any day, lists only existing states, and only those whose notice has not yet run out', () => {
    const span = daysBetween(scenario.span.from, scenario.span.until);
    const dayOf = (n: number) => new Date(Date.UTC(1929, 0, 1 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span - 1 }), (n) => {
        const day = dayOf(n);
        const world = worldAt(scenario, day);
        const existing = new Set(world.states.map((s) => s.id));
        const league = world.organizations.find((o) => o.id === 'LON')!;
        expect(league.members.every((m) => existing.has(m))).toBe(true);
        for (const leaving of league.leaving) {
          expect(league.members).toContain(leaving.member);
          expect(leaving.notice <= day && day < leaving.until).toBe(true);
          const membership = scenario.organizations.find((o) => o.id === 'LON')!.memberships.find((m) => m.member === leaving.member && m.notice === leaving.notice)!;
          if (membership.until === undefined) expect(leaving.until).toBe(addYears(leaving.notice, 2));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the blocs', () => {
  it('has no Axis before the Ciano–Neurath protocol of 1936-10-23, then Germany and Italy', () => {
    expect(organization('AXIS', '1936-10-22')).toBeUndefined();
    expect(members('AXIS', '1936-10-23')).toEqual(['GMY', 'ITA']);
    expect(members('AXIS', '1939-09-01')).toEqual(['GMY', 'ITA']);
  });

  it('grows the Anti-Comintern Pact from Germany and Japan to six members by spring 1939', () => {
    expect(organization('ANTI_COMINTERN', '1936-11-24')).toBeUndefined();
    expect(members('ANTI_COMINTERN', '1936-11-25')).toEqual(['GMY', 'JPN']);
    expect(members('ANTI_COMINTERN', '1937-11-05')).toEqual(['GMY', 'JPN']);
    expect(members('ANTI_COMINTERN', '1937-11-06')).toEqual(['GMY', 'ITA', 'JPN']);
    expect(members('ANTI_COMINTERN', '1939-02-24')).toEqual(['GMY', 'HUN', 'ITA', 'JPN', 'MAN']);
    expect(members('ANTI_COMINTERN', '1939-03-27')).toEqual(['GMY', 'HUN', 'ITA', 'JPN', 'MAN', 'SPN']);
  });

  it('holds the Little Entente together until Czechoslovakia ends, and the Balkan Entente from 1934-02-09', () => {
    expect(members('LITTLE_ENTENTE', '1938-09-29')).toEqual(['CZE', 'RUM', 'YUG']);
    expect(members('LITTLE_ENTENTE', '1939-03-15')).toEqual(['CZE', 'RUM', 'YUG']);
    expect(members('LITTLE_ENTENTE', '1939-03-16')).toEqual([]);
    expect(organization('BALKAN_ENTENTE', '1934-02-08')).toBeUndefined();
    expect(members('BALKAN_ENTENTE', '1934-02-09')).toEqual(['GRC', 'RUM', 'TUR', 'YUG']);
    expect(members('BALTIC_ENTENTE', '1934-09-12')).toEqual(['EST', 'LAT', 'LIT']);
  });

  it('gives the Comintern no state members and switches its line from social fascism to the popular front in 1935', () => {
    expect(organization('COMINTERN', '1933-02-27')).toMatchObject({ kind: 'movement', members: [], lines: ['social-fascism'] });
    expect(organization('COMINTERN', '1935-08-19')!.lines).toEqual(['social-fascism']);
    expect(organization('COMINTERN', '1935-08-20')!.lines).toEqual(['popular-front']);
    expect(organization('COMINTERN', '1938-09-29')!.lines).toEqual(['popular-front']);
  });
});
