/**
 * The five propensity terms of Axelrod & Bennett (1993): ethnic conflict, religion, territorial
 * disputes, type of government and the history of wars, each read from the scenario's sourced
 * records for one pair of states on one day. Every term is -1, 0 or +1 before its weight; the
 * codings and weights are fixed here, a priori, and documented in docs/alignment.md. Pure.
 */
import { inInterval, type Day, type Interval } from '../model/day.js';
import type { Regime, Religion, Scenario } from '../model/schema.js';

/** A past war as two sides of state ids, with its first day and the day after its last. */
export interface PastWar {
  name: string;
  from: Day;
  until: Day;
  sides: [string[], string[]];
}

/** The five terms. */
export const TERMS = ['ethnic', 'religion', 'territory', 'government', 'wars'] as const;
export type Term = (typeof TERMS)[number];

/**
 * How each term is coded. A variant changes one rule; none is chosen by its score.
 * - wars: 'balance' = sign(wars fought together − wars fought against each other) since 1816;
 *   'ever-opposed' = −1 if they ever fought each other since 1816, else 0.
 * - government: 'four-types' = +1 same, −1 different, of democracy, communist, fascist, other
 *   authoritarian; 'ideology-only' = ±1 only between two of democracy, communist, fascist.
 * - religionOf: replaces a state's recorded religion (the USSR's Orthodox tradition, say).
 */
export interface TermRules {
  wars: 'balance' | 'ever-opposed';
  government: 'four-types' | 'ideology-only';
  religionOf?: Readonly<Record<string, Religion>> | undefined;
}

export const AB1993_RULES: TermRules = { wars: 'balance', government: 'four-types' };

/** Weight of each term in the sum: all equal, as the paper adds its factors unweighted. */
export const TERM_WEIGHTS: Record<Term, number> = { ethnic: 1, religion: 1, territory: 1, government: 1, wars: 1 };

/** What each term means, printed by `casus align --explain` and in the docs. */
export const TERM_DOCS: Record<Term, string> = {
  ethnic: '−1 when a people of one state lives as a minority in the other and its kin state took up its cause (scenario `kin` records in force that day); else 0',
  religion: '+1 when both have the same majority religion (scenario `societies`); else 0',
  territory: '−1 when either presses a territorial claim on land the other holds that day (scenario `disputes`); else 0',
  government: '+1 when both have the same type of government that day, −1 when different (democracy, communist, fascist, other authoritarian)',
  wars: 'sign of (wars fought on the same side − wars fought against each other) in COW interstate wars since 1816 begun before the day (scenario `wars`)',
};

const IDEOLOGIES: Regime[] = ['democracy', 'communist', 'fascist'];

/** The four types of government of the paper's term: the three ideologies, and all other rule. */
function governmentType(regime: Regime): string {
  return IDEOLOGIES.includes(regime) ? regime : 'authoritarian';
}

const live = (day: Day, spell: Interval) => inInterval(day, spell);

/** Each state's regime and religion on the day; the gaps say who lacks which. Pure. */
export function societiesOn(scenario: Scenario, day: Day, ids: readonly string[], rules: TermRules): { regime: Map<string, Regime>; religion: Map<string, Religion>; gaps: string[] } {
  const regime = new Map<string, Regime>();
  const religion = new Map<string, Religion>();
  const gaps: string[] = [];
  for (const id of ids) {
    const r = scenario.actors.find((a) => a.id === id)?.regimes.find((x) => live(day, x))?.regime;
    if (r) regime.set(id, r);
    else gaps.push(`${id}: no regime on ${day}`);
    const faith = rules.religionOf?.[id] ?? scenario.societies.find((s) => s.state === id && live(day, s))?.religion;
    if (faith) religion.set(id, faith);
    else gaps.push(`${id}: no religion on ${day}`);
  }
  return { regime, religion, gaps };
}

/** The five terms for the pair (a, b) on `day`, before weights. Missing inputs give 0. Pure. */
export function pairTerms(scenario: Scenario, day: Day, a: string, b: string, wars: readonly PastWar[], societies: ReturnType<typeof societiesOn>, rules: TermRules): Record<Term, number> {
  const pair = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  const ethnic = scenario.kin.some((k) => pair(k.kin, k.in) && live(day, k)) ? -1 : 0;
  const territory = scenario.disputes.some((d) => pair(d.claimant, d.holder) && live(day, d)) ? -1 : 0;
  const fa = societies.religion.get(a);
  const religion = fa !== undefined && fa === societies.religion.get(b) ? 1 : 0;
  const ra = societies.regime.get(a);
  const rb = societies.regime.get(b);
  let government = 0;
  if (ra && rb) {
    if (rules.government === 'four-types') government = governmentType(ra) === governmentType(rb) ? 1 : -1;
    else if (IDEOLOGIES.includes(ra) && IDEOLOGIES.includes(rb)) government = ra === rb ? 1 : -1;
  }
  let together = 0;
  let against = 0;
  for (const w of wars) {
    if (w.from >= day) continue;
    const [one, two] = w.sides;
    if ((one.includes(a) && two.includes(b)) || (one.includes(b) && two.includes(a))) against++;
    else if ((one.includes(a) && one.includes(b)) || (two.includes(a) && two.includes(b))) together++;
  }
  const warTerm = rules.wars === 'ever-opposed' ? (against > 0 ? -1 : 0) : Math.sign(together - against);
  return { ethnic, religion, territory, government, wars: warTerm };
}

/** Why the pair's terms are what they are: the records behind each non-zero term. Pure. */
export function termReasons(scenario: Scenario, day: Day, a: string, b: string): string[] {
  const pair = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  return [
    ...scenario.kin.filter((k) => pair(k.kin, k.in) && live(day, k)).map((k) => `kin: ${k.group} (${k.kin} kin in ${k.in})`),
    ...scenario.disputes.filter((d) => pair(d.claimant, d.holder) && live(day, d)).map((d) => `dispute: ${d.name} (${d.claimant} claims from ${d.holder})`),
  ];
}
