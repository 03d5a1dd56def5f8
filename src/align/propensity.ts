/**
 * Sizes and propensities for landscape theory, computed from a scenario on a day (and, when
 * given, a history of wars such as COW's). The components and their weights were fixed before
 * any comparison with the Second World War's alignment; they are named parameters here, each
 * with its rationale, and every pair's total comes with its breakdown.
 */
import { inInterval, yearOf, type Day } from '../model/day.js';
import type { ProvisionKind, Regime, Scenario } from '../model/schema.js';

/** A past war as two sides of state ids, with its first and last day. */
export interface PastWar {
  name: string;
  from: Day;
  until: Day;
  sides: [string[], string[]];
}

/** The weights of the components. Chosen, not estimated: each has its reason in PROPENSITY_DOCS. */
export const PROPENSITY_WEIGHTS = {
  allianceMilitary: 1,
  allianceConsultative: 0.5,
  allianceNonaggression: 0.25,
  sameIdeology: 1,
  opposedIdeology: -1,
  sameOtherRegime: 0.5,
  hostileAct: -1,
  opposedInWar: -1,
  sameSideInWar: 0.5,
  memoryYears: 25,
  generalTreatyParties: 10,
} as const;

/** Why each weight is what it is (printed by `casus align --explain` and in the docs). */
export const PROPENSITY_DOCS: Record<keyof typeof PROPENSITY_WEIGHTS, string> = {
  allianceMilitary: 'a defence, offence, guarantee or military-convention provision binding the pair in force that day: the strongest written tie (Axelrod & Bennett use alliance ties as a component)',
  allianceConsultative: 'consultation or neutrality only: a weaker tie, half the military one',
  allianceNonaggression: 'nonaggression only: a pledge not to fight, not to fight together; a quarter',
  sameIdeology: 'both democratic, both communist or both fascist (Axelrod & Bennett\'s ideology component: +1 alike)',
  opposedIdeology: 'two different ones of democracy, communism, fascism (their component: -1 opposed)',
  sameOtherRegime: 'alike in another regime type (authoritarian, military, monarchy): weaker than a shared ideology, half',
  hostileAct: 'an aggression, annexation, occupation or border clash by one against the other in the scenario within memoryYears before the day (stands in for border disputes)',
  opposedInWar: 'on opposite sides of a war ending within memoryYears before the day (Axelrod & Bennett\'s history-of-wars component)',
  sameSideInWar: 'on the same side of such a war and never opposed in the window: half the weight of having fought each other',
  generalTreatyParties: 'a treaty with more parties than this (Kellogg-Briand) is a general pledge, like the Covenant, not a sign of alignment: left out',
  memoryYears: 'how far back wars and hostile acts count: 25 years reaches 1911 from 1936, so the First World War and the wars of 1918–21 count',
};

const MILITARY: ProvisionKind[] = ['defence', 'offence', 'guarantee', 'military-convention'];
const CONSULTATIVE: ProvisionKind[] = ['consultation', 'neutrality'];
const IDEOLOGIES: Regime[] = ['democracy', 'communist', 'fascist'];
// Wars are the war-history component's (from PastWar): counting war events here too would count them twice.
const HOSTILE = new Set(['aggression', 'annexation', 'occupation', 'border-clash']);

/** One pair's propensity with its parts. */
export interface PairPropensity {
  a: string;
  b: string;
  total: number;
  parts: Record<string, number>;
}

export interface LandscapeInputs {
  day: Day;
  ids: string[];
  /** CINC of the latest year with data up to the day's year; undefined when the scenario has none. */
  sizes: (number | undefined)[];
  propensity: number[][];
  pairs: PairPropensity[];
  /** Which state lacks which input (no CINC, no regime), so that the user sees the gaps. */
  gaps: string[];
}

/** Sizes and propensities among `ids` on `day`. Pure. */
export function landscapeInputs(scenario: Scenario, day: Day, ids: readonly string[], wars: readonly PastWar[] = [], weights = PROPENSITY_WEIGHTS): LandscapeInputs {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const parts = Array.from({ length: n }, () => Array.from({ length: n }, () => ({}) as Record<string, number>));
  const put = (a: string, b: string, part: string, value: number, combine: 'max' | 'min' | 'set' = 'set') => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) return;
    for (const [x, y] of [[i, j], [j, i]] as const) {
      const old = parts[x]![y]![part];
      parts[x]![y]![part] = old === undefined || combine === 'set' ? value : combine === 'max' ? Math.max(old, value) : Math.min(old, value);
    }
  };
  const gaps: string[] = [];

  // Alliance ties in force that day.
  for (const t of scenario.treaties) {
    if (t.partiesOf !== undefined) continue; // the Covenant binds nearly everyone: no signal of alignment
    if (!inInterval(day, { from: t.inForce ?? t.signed, until: t.until })) continue;
    if (t.denounced !== undefined && t.denounced <= day) continue; // a repudiated treaty is no tie (Locarno after 7 March 1936)
    const parties = t.parties.filter((p) => typeof p === 'string' || inInterval(day, p)).map((p) => (typeof p === 'string' ? p : p.state));
    if (parties.length > weights.generalTreatyParties) continue;
    for (const p of t.provisions) {
      const weight = MILITARY.includes(p.kind) ? weights.allianceMilitary : CONSULTATIVE.includes(p.kind) ? weights.allianceConsultative : p.kind === 'nonaggression' ? weights.allianceNonaggression : 0;
      if (weight === 0) continue;
      const obliged = p.obliged ?? parties;
      const toward = p.beneficiaries ?? parties;
      for (const a of obliged) for (const b of toward) put(a, b, 'alliance', weight, 'max');
    }
  }

  // Ideology and regime.
  const regimeOf = new Map<string, Regime | undefined>();
  for (const id of ids) {
    const regime = scenario.actors.find((a) => a.id === id)?.regimes.find((r) => inInterval(day, r))?.regime;
    regimeOf.set(id, regime);
    if (!regime) gaps.push(`${id}: no regime on ${day}`);
  }
  for (const a of ids) {
    for (const b of ids) {
      if (a >= b) continue;
      const ra = regimeOf.get(a);
      const rb = regimeOf.get(b);
      if (!ra || !rb) continue;
      if (IDEOLOGIES.includes(ra) && IDEOLOGIES.includes(rb)) put(a, b, 'ideology', ra === rb ? weights.sameIdeology : weights.opposedIdeology);
      else if (ra === rb) put(a, b, 'regime', weights.sameOtherRegime);
    }
  }

  // Hostile acts in the scenario within the memory window.
  const windowStart = `${String(yearOf(day) - weights.memoryYears).padStart(4, '0')}${day.slice(4)}`;
  for (const e of scenario.events) {
    if (!HOSTILE.has(e.kind) || e.date >= day || e.date < windowStart) continue;
    for (const a of e.actors) for (const b of e.targets) put(a, b, 'hostile', weights.hostileAct);
  }

  // Past wars: opposed at any time in the window outweighs fighting on the same side.
  for (const w of wars) {
    if (w.from >= day || w.until < windowStart) continue;
    const [one, two] = w.sides;
    for (const a of one) for (const b of two) put(a, b, 'wars', weights.opposedInWar, 'min');
    for (const side of [one, two]) for (const a of side) for (const b of side) put(a, b, 'wars', weights.sameSideInWar, 'min');
  }

  const year = yearOf(day);
  const sizes = ids.map((id) => {
    const rows = scenario.capabilities.filter((c) => c.state === id && c.year <= year).sort((x, y) => y.year - x.year);
    if (!rows.length) gaps.push(`${id}: no CINC up to ${year}`);
    return rows[0]?.cinc;
  });
  const propensity = parts.map((row) => row.map((p) => Object.values(p).reduce((s, v) => s + v, 0)));
  const pairs: PairPropensity[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push({ a: ids[i]!, b: ids[j]!, total: propensity[i]![j]!, parts: parts[i]![j]! });
  return { day, ids: [...ids], sizes, propensity, pairs, gaps };
}
