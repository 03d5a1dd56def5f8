/**
 * Which treaties bind whom on given days in the built-in scenario, against the seeds and the
 * record: signature is not entry into force, a denunciation ends a party's obligations, later
 * accessions count from their day, and the provisions carry the conditions the texts state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, inInterval } from '../../src/model/day.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt, type ProvisionView, type TreatyView } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();

function treaty(id: string, day: string): TreatyView | undefined {
  return worldAt(scenario, day).treaties.find((t) => t.id === id);
}

function inForce(id: string, day: string): boolean {
  return treaty(id, day) !== undefined;
}

function provisions(id: string, day: string, kind: ProvisionView['kind']): ProvisionView[] {
  return treaty(id, day)?.provisions.filter((p) => p.kind === kind) ?? [];
}

/** States bound by a nonaggression provision toward `state` on `day`, through any treaty but the Covenant and the Pact of Paris. */
function nonaggressionPartners(state: string, day: string): string[] {
  const partners = new Set<string>();
  for (const t of worldAt(scenario, day).treaties) {
    if (t.id === 'covenant' || t.id === 'kellogg-briand' || !t.parties.includes(state)) continue;
    for (const p of t.provisions) if (p.kind === 'nonaggression' && p.obliged.includes(state)) for (const b of p.beneficiaries) if (b !== state) partners.add(b);
  }
  return [...partners].sort();
}

describe('the Franco-Soviet and Soviet-Czechoslovak pacts of 1935', () => {
  it('signs the Franco-Soviet pact on 1935-05-02 but puts it in force only on 1936-03-27', () => {
    expect(inForce('franco-soviet-1935', '1935-05-01')).toBe(false);
    expect(worldAt(scenario, '1935-06-01').signedNotInForce.map((t) => t.id)).toContain('franco-soviet-1935');
    expect(inForce('franco-soviet-1935', '1935-06-01')).toBe(false);
    expect(inForce('franco-soviet-1935', '1936-03-26')).toBe(false);
    expect(inForce('franco-soviet-1935', '1936-03-27')).toBe(true);
    expect(treaty('franco-soviet-1935', '1936-04-01')!.parties).toEqual(['FRN', 'RUS']);
  });

  it('binds France and the USSR to assist each other against Germany, waiting on the League under the fr-su-waits-for-league reading', () => {
    const [assist] = provisions('franco-soviet-1935', '1938-09-28', 'defence');
    expect(assist!.obliged).toEqual(['FRN', 'RUS']);
    expect(assist!.conditions).toContainEqual(expect.objectContaining({ type: 'adversary', states: expect.arrayContaining(['GMY']) }));
    // Protocol of Signature, para. 1: a finding of aggression, or no recommendation or no unanimity, both bind.
    expect(assist!.conditions).toContainEqual(expect.objectContaining({ type: 'league-finding', on: ['aggression', 'no-decision'], reading: 'fr-su-waits-for-league' }));
    expect(worldAt(scenario, '1938-09-28').readings['fr-su-waits-for-league']).toBe(true);
  });

  it('has no military convention with either pact ("Neither of these pacts ... was supplemented with a military convention")', () => {
    expect(provisions('franco-soviet-1935', '1938-09-28', 'military-convention')).toEqual([]);
    expect(provisions('soviet-czechoslovak-1935', '1938-09-28', 'military-convention')).toEqual([]);
  });

  it('binds the USSR to help Czechoslovakia only if France acts first', () => {
    const [assist] = provisions('soviet-czechoslovak-1935', '1938-09-28', 'defence');
    expect(assist!.obliged).toContain('RUS');
    expect(assist!.beneficiaries).toContain('CZE');
    expect(assist!.conditions).toContainEqual(expect.objectContaining({ type: 'prior-action', by: ['FRN'] }));
  });

  it('leaves France bound to Czechoslovakia by the earlier Locarno treaty until Munich, and both pacts with Czechoslovakia end there', () => {
    const [french] = provisions('franco-czechoslovak-1925', '1938-09-28', 'defence');
    expect(french!.obliged).toContain('FRN');
    expect(french!.conditions).toContainEqual(expect.objectContaining({ type: 'adversary', states: ['GMY'] }));
    expect(french!.conditions.some((c) => c.type === 'prior-action')).toBe(false);
    expect(inForce('franco-czechoslovak-1925', '1938-10-01')).toBe(false);
    expect(inForce('soviet-czechoslovak-1935', '1938-10-01')).toBe(false);
  });
});

describe('Locarno', () => {
  it('binds Germany until it repudiated the treaty on 1936-03-07, and not after', () => {
    expect(treaty('locarno-1925', '1936-03-06')!.parties).toContain('GMY');
    const after = treaty('locarno-1925', '1936-03-08')!;
    expect(after.parties).not.toContain('GMY');
    expect(after.status).toBe('denounced');
    expect(after.provisions.flatMap((p) => p.obliged)).not.toContain('GMY');
  });

  it('makes Britain and Italy guarantors, and ends with Belgium\'s release on 1937-04-24', () => {
    const [guarantee] = provisions('locarno-1925', '1936-01-01', 'guarantee');
    expect(guarantee!.obliged).toEqual(['ITA', 'UKG']);
    expect(guarantee!.beneficiaries).toEqual(expect.arrayContaining(['BEL', 'FRN']));
    expect(treaty('locarno-1925', '1936-10-15')!.parties).toEqual(['FRN', 'ITA', 'UKG']);
    expect(inForce('locarno-1925', '1937-04-24')).toBe(false);
  });
});

describe('Germany\'s pacts with Poland and the USSR', () => {
  it('keeps the German-Polish declaration to its ten-year term after Hitler\'s denunciation, unless the reading says the denunciation ended it', () => {
    expect(treaty('german-polish-1934', '1934-01-26')!.parties).toEqual(['GMY', 'POL']);
    expect(inForce('german-polish-1934', '1939-04-27')).toBe(true);
    expect(treaty('german-polish-1934', '1939-09-01')).toMatchObject({ status: 'denounced', denounced: '1939-04-28', denunciationReading: 'german-polish-denunciation-ends' });
    const read = (day: string) => worldAt(scenario, day, { 'german-polish-denunciation-ends': true }).treaties.some((t) => t.id === 'german-polish-1934');
    expect(read('1939-04-27')).toBe(true);
    expect(read('1939-04-28')).toBe(false);
  });

  it('puts the Molotov-Ribbentrop Pact in force on signature, 1939-08-23, with its secret protocol', () => {
    expect(inForce('molotov-ribbentrop-1939', '1939-08-22')).toBe(false);
    const pact = treaty('molotov-ribbentrop-1939', '1939-08-24')!;
    expect(pact.parties).toEqual(['GMY', 'RUS']);
    expect(pact.provisions.map((p) => p.kind)).toEqual(expect.arrayContaining(['nonaggression', 'neutrality']));
    expect(pact.provisions.some((p) => p.conditions.some((c) => c.type === 'secret-protocol'))).toBe(true);
  });

  it('keeps the 1926 Treaty of Berlin linking Germany and the USSR through the early 1930s, until the fall of 1933', () => {
    expect(treaty('berlin-1926', '1930-01-01')!.provisions.map((p) => p.kind)).toEqual(expect.arrayContaining(['neutrality', 'nonaggression']));
    expect(inForce('berlin-1926', '1933-09-15')).toBe(true);
    expect(inForce('berlin-1926', '1934-01-01')).toBe(false);
  });

  it('ends the Anti-Comintern Pact for ATOP with the Molotov-Ribbentrop Pact, after Italy (1937) and Hungary (1939) joined', () => {
    expect(treaty('anti-comintern-1936', '1937-01-01')!.parties).toEqual(['GMY', 'JPN']);
    expect(treaty('anti-comintern-1936', '1937-12-01')!.parties).toEqual(['GMY', 'ITA', 'JPN']);
    expect(treaty('anti-comintern-1936', '1939-03-01')!.parties).toEqual(expect.arrayContaining(['HUN', 'MAN']));
    const [secret] = provisions('anti-comintern-1936', '1937-01-01', 'neutrality');
    expect(secret!.conditions).toContainEqual(expect.objectContaining({ type: 'adversary', states: ['RUS'] }));
    expect(inForce('anti-comintern-1936', '1939-08-23')).toBe(false);
  });
});

describe('the Soviet nonaggression pacts', () => {
  it('has the USSR bound by nonaggression to the eleven states the seed names, on 1933-09-15', () => {
    // "the earlier nonaggression pacts with Turkey, Afghanistan, Lithuania, Persia, and Germany were
    // supplemented by new ones with Finland, Estonia, Latvia, Poland, France and Italy"
    expect(nonaggressionPartners('RUS', '1933-09-15')).toEqual(expect.arrayContaining(['AFG', 'EST', 'FIN', 'FRN', 'GMY', 'IRN', 'ITA', 'LAT', 'LIT', 'POL', 'TUR']));
  });

  it('keeps the Soviet-Polish pact in force on 1939-09-17, the day the USSR broke it, and to Poland\'s end unless the Soviet note is read as ending it', () => {
    expect(inForce('soviet-polish-1932', '1939-09-17')).toBe(true);
    expect(inForce('soviet-polish-1932', '1939-09-26')).toBe(true);
    expect(inForce('soviet-polish-1932', '1939-09-27')).toBe(false);
    expect(worldAt(scenario, '1939-09-17', { 'soviet-polish-denunciation-ends': true }).treaties.some((t) => t.id === 'soviet-polish-1932')).toBe(false);
  });
});

describe('the guarantees of 1938-1939', () => {
  it('has Britain and France guarantee rump Czechoslovakia after Munich, until the German occupation', () => {
    expect(inForce('munich-1938', '1938-09-28')).toBe(false);
    const [guarantee] = provisions('munich-1938', '1938-10-15', 'guarantee');
    expect(guarantee!.obliged).toEqual(['FRN', 'UKG']);
    expect(guarantee!.beneficiaries).toEqual(['CZE']);
    expect(inForce('munich-1938', '1939-03-16')).toBe(false);
  });

  it('gives the Anglo-French guarantee of Poland from 1939-03-31 and the Anglo-Polish alliance from 1939-08-25', () => {
    expect(inForce('anglo-french-guarantee-poland-1939', '1939-03-30')).toBe(false);
    const [guarantee] = provisions('anglo-french-guarantee-poland-1939', '1939-03-31', 'guarantee');
    expect(guarantee!.obliged).toEqual(['FRN', 'UKG']);
    expect(guarantee!.beneficiaries).toEqual(['POL']);
    expect(inForce('anglo-polish-1939', '1939-08-24')).toBe(false);
    expect(provisions('anglo-polish-1939', '1939-08-25', 'defence')[0]!.conditions).toContainEqual(expect.objectContaining({ type: 'adversary', states: ['GMY'] }));
  });

  it('guarantees Romania and Greece from 1939-04-13', () => {
    for (const [id, state] of [['anglo-french-guarantee-romania-1939', 'RUM'], ['anglo-french-guarantee-greece-1939', 'GRC']] as const) {
      expect(inForce(id, '1939-04-12')).toBe(false);
      expect(provisions(id, '1939-04-13', 'guarantee')[0]!.beneficiaries).toEqual([state]);
    }
  });

  it('binds France to Poland on 1939-09-01 by the alliance of 1921 and the Locarno treaty of 1925, both naming Germany', () => {
    for (const id of ['franco-polish-1921', 'franco-polish-1925']) {
      const [assist] = provisions(id, '1939-09-01', 'defence');
      expect(assist!.obliged, id).toContain('FRN');
      expect(assist!.conditions, id).toContainEqual(expect.objectContaining({ type: 'adversary', states: expect.arrayContaining(['GMY']) }));
    }
  });
});

describe('the Kellogg-Briand Pact and the Covenant', () => {
  it('enters into force on 1929-07-24 for the signatories and the states that had adhered by then', () => {
    expect(inForce('kellogg-briand', '1929-07-23')).toBe(false);
    expect(worldAt(scenario, '1929-07-23').signedNotInForce.map((t) => t.id)).toContain('kellogg-briand');
    expect(treaty('kellogg-briand', '1929-07-24')!.parties).toEqual(expect.arrayContaining(['USA', 'FRN', 'GMY', 'JPN', 'RUS', 'CHN']));
  });

  it('counts later adherents only from their day of deposit, as the depositary listed them', () => {
    expect(treaty('kellogg-briand', '1929-07-24')!.parties).not.toContain('IRN');
    expect(treaty('kellogg-briand', '1929-07-25')!.parties).toContain('IRN');
    expect(treaty('kellogg-briand', '1929-08-02')!.parties).not.toContain('GRC');
    expect(treaty('kellogg-briand', '1929-08-03')!.parties).toContain('GRC');
    expect(treaty('kellogg-briand', '1929-12-01')!.parties).not.toContain('SWZ');
    expect(treaty('kellogg-briand', '1929-12-02')!.parties).toContain('SWZ');
    expect(treaty('kellogg-briand', '1939-06-01')!.parties).not.toContain('MON');
  });

  it('makes the League\'s members of the day the Covenant\'s parties, with sanctions waiting on a League finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: daysBetween(scenario.span.from, scenario.span.until) - 1 }), (offset) => {
        const day = addDaysTo(scenario.span.from, offset);
        const world = worldAt(scenario, day);
        const league = world.organizations.find((o) => o.id === 'LON')!.members;
        const covenant = world.treaties.find((t) => t.id === 'covenant')!;
        expect(covenant.parties).toEqual(league);
      }),
      { numRuns: 25 },
    );
    const [sanctions] = provisions('covenant', '1935-10-07', 'sanctions');
    expect(sanctions!.conditions).toContainEqual(expect.objectContaining({ type: 'league-finding' }));
  });
});

describe('the Little Entente and transit', () => {
  it('binds Czechoslovakia, Romania and Yugoslavia against Hungary on 1938-09-28, not against Germany', () => {
    for (const id of ['little-entente-cze-rum-1921', 'little-entente-cze-yug-1920']) {
      const [assist] = provisions(id, '1938-09-28', 'defence');
      expect(assist!.conditions, id).toContainEqual(expect.objectContaining({ type: 'adversary', states: ['HUN'] }));
    }
  });

  it('has Poland and Romania refuse passage to Soviet troops during the Czech crisis', () => {
    const refusals = worldAt(scenario, '1938-09-28').transit.filter((t) => t.stance === 'refuses' && t.grantee === 'RUS').map((t) => t.grantor);
    expect(refusals).toEqual(['POL', 'RUM']);
  });
});

describe('every day of the scenario', () => {
  it('lists only treaties in force that day, each with parties that exist and provisions that bind parties', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: daysBetween(scenario.span.from, scenario.span.until) - 1 }), (offset) => {
        const day = addDaysTo(scenario.span.from, offset);
        const world = worldAt(scenario, day);
        const existing = new Set(world.states.map((s) => s.id));
        for (const t of world.treaties) {
          const source = scenario.treaties.find((x) => x.id === t.id)!;
          expect(inInterval(day, { from: source.inForce ?? source.signed, until: source.until })).toBe(true);
          expect(t.parties.length).toBeGreaterThan(0);
          for (const id of t.parties) expect(existing.has(id)).toBe(true);
          for (const p of t.provisions) if (p.kind !== 'guarantee') for (const id of p.obliged) expect(t.parties).toContain(id);
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** The day `offset` days after `day`. */
function addDaysTo(day: string, offset: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}
