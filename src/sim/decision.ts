/**
 * The decision model: the probability that a state honours a commitment, from documented
 * features. An odds model: the base rate's odds times one odds ratio per feature, turned back
 * into a probability. It is logistic regression with the coefficients written as odds ratios,
 * and needs only multiplication and division, so it gives the same bits on every engine.
 */
import type { Obligation, ReachMode } from '../law/types.js';
import { strengthOf } from '../power/weigh.js';
import type { StateView, World } from '../world/world.js';
import { LINE_ODDS } from './parameters.js';

export type ConventionLevel = 'convention' | 'staff-talks' | 'none';
export type CapabilityBand = 'weaker' | 'comparable' | 'stronger';

/** What the decision of one state on one obligation rests on. */
export interface DecisionFeatures {
  toward: string;
  treaty: string;
  convention: ConventionLevel;
  reach: ReachMode;
  /** Its strength ÷ its enemy's. */
  capabilityRatio: number;
  capability: CapabilityBand;
  lines: string[];
  /** Lines the model has no odds for (they count as 1). */
  unknownLines: string[];
  distrust: boolean;
  conditional: boolean;
}

/** One factor of the product, for the explanation. */
export interface OddsTerm {
  parameter: string;
  odds: number;
}

export interface Decision {
  features: DecisionFeatures;
  terms: OddsTerm[];
  p: number;
}

const KNOWN_LINES = new Set(LINE_ODDS.map((l) => l.line));

/** Converts a probability to odds and back. Pure. */
export const oddsOf = (p: number) => p / (1 - p);
/** Pure. */
export const probabilityOf = (odds: number) => odds / (1 + odds);

/** The convention level between two states in the world's treaties in force. Pure. */
export function conventionBetween(world: World, a: string, b: string): ConventionLevel {
  let level: ConventionLevel = 'none';
  for (const treaty of world.treaties) {
    if (!treaty.parties.includes(a) || !treaty.parties.includes(b)) continue;
    for (const p of treaty.provisions) {
      if (p.kind !== 'military-convention') continue;
      const binds = (p.obliged.includes(a) && (p.beneficiaries.includes(b) || p.obliged.includes(b))) || (p.obliged.includes(b) && p.beneficiaries.includes(a));
      if (!binds) continue;
      if (p.level === 'staff-talks') level = 'staff-talks'; // talks held, nothing signed: the scenario's `level`
      else return 'convention';
    }
  }
  return level;
}

type Family = 'communist' | 'fascist' | 'democracy' | 'other';
const familyOf = (s: StateView | undefined): Family =>
  s?.regime === 'communist' ? 'communist' : s?.regime === 'fascist' ? 'fascist' : s?.regime === 'democracy' ? 'democracy' : 'other';

/** Whether two governments distrust each other: communist and not, or democracy and fascist. Pure. */
export function distrustBetween(a: StateView | undefined, b: StateView | undefined): boolean {
  const fa = familyOf(a);
  const fb = familyOf(b);
  if ((fa === 'communist') !== (fb === 'communist')) return true;
  return (fa === 'democracy' && fb === 'fascist') || (fa === 'fascist' && fb === 'democracy');
}

/**
 * The probability that `state` honours `obligation`, with the features and the odds terms.
 * `enemyStrength` is the strength of the side it would fight. Pure.
 */
export function decide(world: World, state: StateView, obligation: Obligation, reach: ReachMode, enemyStrength: number, parameters: Readonly<Record<string, number>>): Decision {
  const get = (name: string) => parameters[name] ?? 1;
  const convention = conventionBetween(world, state.id, obligation.toward);
  const own = strengthOf(state);
  const capabilityRatio = enemyStrength > 0 ? own / enemyStrength : Infinity;
  const capability: CapabilityBand =
    capabilityRatio < get('sim-capability-weak-below') ? 'weaker' : capabilityRatio >= get('sim-capability-strong-above') ? 'stronger' : 'comparable';
  const partner = world.states.find((s) => s.id === obligation.toward);
  const features: DecisionFeatures = {
    toward: obligation.toward,
    treaty: obligation.treaty,
    convention,
    reach,
    capabilityRatio,
    capability,
    lines: state.lines,
    unknownLines: state.lines.filter((l) => !KNOWN_LINES.has(l)),
    distrust: distrustBetween(state, partner),
    conditional: obligation.conditions.some((c) => c.type === 'prior-action'),
  };
  const terms: OddsTerm[] = [];
  const term = (parameter: string) => terms.push({ parameter, odds: get(parameter) });
  if (convention !== 'none') term(convention === 'convention' ? 'sim-odds-convention' : 'sim-odds-staff-talks');
  if (reach !== 'border') term(`sim-odds-reach-${reach}`);
  if (capability !== 'comparable') term(`sim-odds-${capability}`);
  for (const line of state.lines) if (KNOWN_LINES.has(line)) term(`sim-odds-line-${line}`);
  if (features.distrust) term('sim-odds-distrust');
  if (features.conditional) term('sim-odds-conditional');
  let odds = oddsOf(get('sim-base-rate'));
  for (const t of terms) odds *= t.odds;
  return { features, terms, p: probabilityOf(odds) };
}
