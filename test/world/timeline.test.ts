/**
 * The built-in scenario's timeline as a reader of the seeds expects it: the crises in the order
 * the texts tell them, on the record's dates, Munich with who was left out, and `--from`/`--to`
 * that cut it where asked (the CLI's `--to` is inclusive).
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { timelineOf, type TimelineEntry } from '../../src/world/timeline.js';
import { casus } from '../support/casus.js';

const scenario = loadBuiltInScenario();

/** The seeds' chain of crises and turns, in the order the texts tell them. */
const SEED_CHAIN = [
  'cer-seized',
  'khabarovsk-protocol',
  'mukden-incident',
  'manchukuo-founded',
  'hitler-chancellor',
  'reichstag-fire',
  'japan-leaves-league',
  'us-recognises-ussr',
  'ussr-joins-league',
  'barthou-assassinated',
  'german-conscription',
  'cer-sold',
  'franco-soviet-pact',
  'soviet-czechoslovak-pact',
  'seventh-comintern-congress',
  'italy-invades-ethiopia',
  'rhineland-remilitarised',
  'blum-popular-front',
  'spanish-civil-war',
  'axis-protocol',
  'xian-incident',
  'red-army-purge',
  'amur-islands-clash',
  'marco-polo-bridge',
  'anschluss',
  'litvinov-appeal',
  'lake-khasan',
  'munich-conference',
  'prague-occupied',
  'guarantee-to-poland',
  'khalkhin-gol',
  'molotov-ribbentrop',
  'invasion-of-poland',
];

const eventEntry = (entries: TimelineEntry[], ref: string) => entries.find((e) => e.ref === ref && !e.kind.startsWith('treaty-') && !['joins', 'notice', 'leaves'].includes(e.kind));

describe('timelineOf on the built-in scenario', () => {
  const all = timelineOf(scenario);

  it('lists the seeds’ crises in the order the texts tell them, each on a later day than the one before', () => {
    const dates = SEED_CHAIN.map((ref) => {
      const entry = eventEntry(all, ref);
      expect(entry, ref).toBeDefined();
      return entry!.date;
    });
    for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!, `${SEED_CHAIN[i - 1]} before ${SEED_CHAIN[i]}`).toBe(true);
  });

  it('is sorted by day and lists every event exactly once', () => {
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort());
    const eventIds = new Set(scenario.events.map((e) => e.id));
    const listed = all.filter((e) => eventIds.has(e.ref) && scenario.events.some((x) => x.id === e.ref && x.kind === e.kind));
    expect(listed.map((e) => e.ref).sort()).toEqual([...eventIds].sort());
  });

  it('shows Munich with Czechoslovakia and the Soviet Union left out', () => {
    const munich = eventEntry(all, 'munich-conference')!;
    expect(munich).toMatchObject({ date: '1938-09-29', kind: 'conference' });
    expect(munich.actors).toEqual(expect.arrayContaining(['GMY', 'ITA', 'UKG', 'FRN']));
    expect([...munich.excluded!].sort()).toEqual(['CZE', 'RUS']);
  });

  it('puts disputed dates on the record’s day: Khalkhin-Gol in May 1939, not January; the CER sale in March 1935', () => {
    expect(eventEntry(all, 'khalkhin-gol')!.date).toBe('1939-05-11');
    expect(timelineOf(scenario, '1939-01-01', '1939-02-01').some((e) => e.ref === 'khalkhin-gol')).toBe(false);
    expect(eventEntry(all, 'cer-sold')!.date).toBe('1935-03-23');
    expect(eventEntry(all, 'manchukuo-founded')!.date).toBe('1932-03-01');
    expect(eventEntry(all, 'manchuria-independence')!.date).toBe('1932-02-18');
  });

  it('includes the League milestones its memberships imply: Japan out on 1935-03-27, the USSR in on 1934-09-18', () => {
    expect(all).toContainEqual(expect.objectContaining({ date: '1935-03-27', kind: 'leaves', ref: 'LON', actors: ['JPN'] }));
    expect(all).toContainEqual(expect.objectContaining({ date: '1934-09-18', kind: 'joins', ref: 'LON', actors: ['RUS'] }));
  });

  it('keeps only [from, until) when asked', () => {
    const year = timelineOf(scenario, '1938-01-01', '1939-01-01');
    expect(year.length).toBeGreaterThan(5);
    expect(year.every((e) => e.date >= '1938-01-01' && e.date < '1939-01-01')).toBe(true);
    const refs = year.map((e) => e.ref);
    expect(refs).toEqual(expect.arrayContaining(['anschluss', 'litvinov-appeal', 'lake-khasan', 'munich-conference', 'first-vienna-award']));
    expect(refs).not.toContain('prague-occupied');
    expect(refs).not.toContain('italy-leaves-league');
  });
});

describe('casus timeline', () => {
  it('--from/--to cut the timeline, --to inclusive', async () => {
    const run = await casus('timeline', '--from', '1938-03-12', '--to', '1938-09-29', '--json');
    expect(run.code).toBe(0);
    const { entries } = JSON.parse(run.stdout) as { entries: TimelineEntry[] };
    expect(entries[0]!.date).toBe('1938-03-12');
    expect(entries.every((e) => e.date >= '1938-03-12' && e.date <= '1938-09-29')).toBe(true);
    expect(entries.map((e) => e.ref)).toEqual(expect.arrayContaining(['anschluss', 'munich-conference']));
    expect(entries.map((e) => e.ref)).not.toContain('sudetenland-occupied');
  });

  it('prints Munich with who was left out', async () => {
    const run = await casus('timeline', '--from', '1938-01-01', '--to', '1938-12-31');
    expect(run.code).toBe(0);
    const munich = run.stdout.split('\n').find((line) => line.includes('Munich Conference'));
    expect(munich).toMatch(/^1938-09-29 {2}conference/);
    expect(munich).toMatch(/left out: (RUS, CZE|CZE, RUS)/);
    expect(run.stdout).not.toContain('1939-');
  });

  it('refuses --to before --from with a usage error', async () => {
    const run = await casus('timeline', '--from', '1938-09-30', '--to', '1938-09-29');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('casus: --to 1938-09-29 is before --from 1938-09-30\n');
  });
});
