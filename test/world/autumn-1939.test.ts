/**
 * The span runs through 1939-12-31 (issue 10, class 2): the world of the autumn of 1939 against the
 * record — the partition of Poland, Vilnius, the Baltic pacts, Italy's notice running out, the USSR
 * expelled from the League, and COW capabilities for 1939.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const league = (day: string) => worldAt(scenario, day).organizations.find((o) => o.id === 'LON')!;
const territory = (day: string, id: string) => worldAt(scenario, day).territories.find((t) => t.id === id);
const inForce = (day: string, id: string) => worldAt(scenario, day).treaties.some((t) => t.id === id);

describe('the autumn of 1939', () => {
  it('covers every day through 31 December 1939 and no later', () => {
    expect(scenario.span).toEqual({ from: '1929-01-01', until: '1940-01-01' });
    expect(() => worldAt(scenario, '1939-12-31')).not.toThrow();
    expect(() => worldAt(scenario, '1940-01-01')).toThrow(/outside scenario/);
  });

  it('lets Italy go on 1939-12-11, two years after its notice, and expels the USSR on 1939-12-14 under Art. 16(4)', () => {
    expect(league('1939-12-10').members).toContain('ITA');
    expect(league('1939-12-11').members).not.toContain('ITA');
    expect(league('1939-12-13').members).toEqual(expect.arrayContaining(['RUS', 'FIN']));
    expect(league('1939-12-14').members).not.toContain('RUS');
    expect(league('1939-12-14').members).toContain('FIN');
  });

  it('gives Vilnius to Lithuania when its troops enter on 28 October, and annexes eastern Poland to the USSR on 1 November', () => {
    expect(territory('1939-10-27', 'vilnius')).toMatchObject({ controller: 'RUS', status: 'occupied' });
    expect(territory('1939-10-28', 'vilnius')).toMatchObject({ controller: 'LIT', status: 'sovereign' });
    expect(territory('1939-10-31', 'eastern-poland')).toMatchObject({ controller: 'RUS', status: 'occupied' });
    expect(territory('1939-11-01', 'eastern-poland')).toMatchObject({ controller: 'RUS', status: 'annexed' });
  });

  it('brings the Baltic mutual-assistance pacts into force on their days of signature', () => {
    for (const [id, day] of [['soviet-estonian-1939', '1939-09-28'], ['soviet-latvian-1939', '1939-10-05'], ['soviet-lithuanian-1939', '1939-10-10'], ['anglo-franco-turkish-1939', '1939-10-19']] as const) {
      const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(inForce(before, id), `${id} before ${day}`).toBe(false);
      expect(inForce(day, id), `${id} on ${day}`).toBe(true);
    }
  });

  it('replaces the Anglo-Turkish and Franco-Turkish declarations with the treaty of Ankara', () => {
    expect(inForce('1939-10-18', 'anglo-turkish-declaration-1939')).toBe(true);
    expect(inForce('1939-10-19', 'anglo-turkish-declaration-1939')).toBe(false);
    expect(inForce('1939-10-19', 'franco-turkish-1939')).toBe(false);
  });

  it('carries COW capabilities for 1939 for the belligerents of the Winter War', () => {
    const states = worldAt(scenario, '1939-12-01').states;
    for (const id of ['RUS', 'FIN', 'GMY', 'UKG', 'FRN']) expect(states.find((s) => s.id === id)!.capability?.cinc, id).toBeGreaterThan(0);
  });
});
