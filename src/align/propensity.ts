/**
 * Sizes and propensities for landscape theory, computed from a scenario on a day. The
 * propensity of a pair is the sum of Axelrod & Bennett's five terms (terms.ts), each from the
 * scenario's sourced records; a named variant changes one coding rule or adds alliance ties.
 * Variants are alternatives fixed in advance and all reported (docs/alignment.md), never picked
 * by their fit to the 1939 alignment. Every pair's total comes with its breakdown.
 */
import { inInterval, yearOf, type Day } from '../model/day.js';
import type { ProvisionKind, Scenario } from '../model/schema.js';
import { AB1993_RULES, pairTerms, societiesOn, TERM_WEIGHTS, TERMS, type PastWar, type TermRules } from './terms.js';

export type { PastWar } from './terms.js';

/** Weights of the alliance term, used only by the `with-alliances` variant. Chosen, not estimated. */
export const PROPENSITY_WEIGHTS = {
  allianceMilitary: 1,
  allianceConsultative: 0.5,
  allianceNonaggression: 0.25,
  generalTreatyParties: 10,
} as const;

/** Why each alliance weight is what it is. */
export const PROPENSITY_DOCS: Record<keyof typeof PROPENSITY_WEIGHTS, string> = {
  allianceMilitary: 'a defence, offence, guarantee or military-convention provision binding the pair in force that day: the strongest written tie',
  allianceConsultative: 'consultation or neutrality only: a weaker tie, half the military one',
  allianceNonaggression: 'nonaggression only: a pledge not to fight, not to fight together; a quarter',
  generalTreatyParties: 'a treaty with more parties than this (Kellogg-Briand) is a general pledge, like the Covenant, not a sign of alignment: left out',
};

/** The variants: the paper's five terms as casus codes them, and one-rule departures from it. */
export const VARIANTS = {
  ab1993: { doc: "Axelrod & Bennett's five terms, equally weighted, as coded in docs/alignment.md", rules: AB1993_RULES, alliances: false },
  'wars-ever-opposed': { doc: 'war history −1 for any war fought against each other since 1816, ignoring wars fought together', rules: { ...AB1993_RULES, wars: 'ever-opposed' }, alliances: false },
  'ussr-orthodox': { doc: "the USSR's religion taken as its population's Orthodox tradition instead of state atheism", rules: { ...AB1993_RULES, religionOf: { RUS: 'orthodox' } }, alliances: false },
  'ideology-only': { doc: 'type of government ±1 only between two of democracy, communism, fascism; 0 with any other regime', rules: { ...AB1993_RULES, government: 'ideology-only' }, alliances: false },
  'with-alliances': { doc: 'the five terms plus alliance ties in force that day (not in the paper: alignment is its outcome)', rules: AB1993_RULES, alliances: true },
} as const satisfies Record<string, { doc: string; rules: TermRules; alliances: boolean }>;
export type Variant = keyof typeof VARIANTS;

const MILITARY: ProvisionKind[] = ['defence', 'offence', 'guarantee', 'military-convention'];
const CONSULTATIVE: ProvisionKind[] = ['consultation', 'neutrality'];

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
  variant: Variant;
  /** CINC of the latest year with data up to the day's year; undefined when the scenario has none. */
  sizes: (number | undefined)[];
  propensity: number[][];
  pairs: PairPropensity[];
  /** Which state lacks which input (no CINC, no regime, no religion), so that the user sees the gaps. */
  gaps: string[];
}

export interface PropensityOptions {
  variant?: Variant | undefined;
  /** Wars to use instead of the scenario's `wars` records. */
  wars?: readonly PastWar[] | undefined;
}

/** Sizes and propensities among `ids` on `day`. Pure. */
export function landscapeInputs(scenario: Scenario, day: Day, ids: readonly string[], options: PropensityOptions = {}): LandscapeInputs {
  const variant = options.variant ?? 'ab1993';
  const { rules, alliances } = VARIANTS[variant];
  const wars = options.wars ?? scenario.wars;
  const societies = societiesOn(scenario, day, ids, rules);
  const ties = alliances ? allianceTies(scenario, day) : new Map<string, number>();
  const n = ids.length;
  const propensity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const pairs: PairPropensity[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      const terms = pairTerms(scenario, day, a, b, wars, societies, rules);
      const parts: Record<string, number> = {};
      for (const t of TERMS) parts[t] = terms[t] * TERM_WEIGHTS[t];
      if (alliances) parts.alliance = ties.get(pairKey(a, b)) ?? 0;
      const total = Object.values(parts).reduce((s, v) => s + v, 0);
      propensity[i]![j] = propensity[j]![i] = total;
      pairs.push({ a, b, total, parts });
    }
  }
  const year = yearOf(day);
  const gaps = [...societies.gaps];
  const sizes = ids.map((id) => {
    const rows = scenario.capabilities.filter((c) => c.state === id && c.year <= year).sort((x, y) => y.year - x.year);
    if (!rows.length) gaps.push(`${id}: no CINC up to ${year}`);
    return rows[0]?.cinc;
  });
  return { day, ids: [...ids], variant, sizes, propensity, pairs, gaps };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The strongest alliance tie of each pair on the day (the `with-alliances` variant). Pure. */
function allianceTies(scenario: Scenario, day: Day, weights = PROPENSITY_WEIGHTS): Map<string, number> {
  const ties = new Map<string, number>();
  for (const t of scenario.treaties) {
    if (t.partiesOf !== undefined) continue; // the Covenant binds nearly everyone: no signal of alignment
    if (!inInterval(day, { from: t.inForce ?? t.signed, until: t.until })) continue;
    if (t.denounced !== undefined && t.denounced <= day) continue; // a repudiated treaty is no tie (Locarno after 7 March 1936)
    const parties = t.parties.filter((p) => typeof p === 'string' || inInterval(day, p)).map((p) => (typeof p === 'string' ? p : p.state));
    if (parties.length > weights.generalTreatyParties) continue;
    for (const p of t.provisions) {
      const weight = MILITARY.includes(p.kind) ? weights.allianceMilitary : CONSULTATIVE.includes(p.kind) ? weights.allianceConsultative : p.kind === 'nonaggression' ? weights.allianceNonaggression : 0;
      if (weight === 0) continue;
      for (const a of p.obliged ?? parties) {
        for (const b of p.beneficiaries ?? parties) {
          if (a === b) continue;
          ties.set(pairKey(a, b), Math.max(ties.get(pairKey(a, b)) ?? 0, weight));
        }
      }
    }
  }
  return ties;
}
