/**
 * Whether another state accepts what the player proposes: an odds rule built on the simulator's
 * decision model (its distrust and government-line odds ratios) and on landscape theory's
 * alignment propensities, with the burden and the benefit of each provision. Deterministic: the
 * same proposal on the same day gets the same answer, with every factor shown. Rationale for
 * each number: docs/game.md ("Acceptance") and ACCEPTANCE below. Pure.
 */
import { landscapeInputs } from '../align/propensity.js';
import type { Provision, ProvisionKind, Scenario } from '../model/schema.js';
import { distrustBetween, probabilityOf } from '../sim/decision.js';
import type { World } from '../world/world.js';

/** The rule's chosen numbers; each is a modeller's choice with its reason. */
export const ACCEPTANCE = {
  /** Even odds: a state with no reason for or against is indifferent, and a tie accepts. */
  baseOdds: 1,
  /** Accepts when P(accept) reaches this. */
  threshold: 0.5,
  /** Propensity enters as exp(scale × total): at 0.5, opposed ideologies alone (−1) do not outweigh the gain of a nonaggression promise (×2), as they did not in 1932 when France signed with the USSR. */
  propensityScale: 0.5,
  /** Odds on a partner that takes on a provision of this kind: a promise to fight halves them; letting a foreign army in weighs more (the seed's fear of "Communist social revolution"). */
  burden: { defence: 0.5, guarantee: 0.5, offence: 0.3, transit: 0.4, neutrality: 0.8, consultation: 0.9, nonaggression: 1, sanctions: 1, 'military-convention': 0.7 } satisfies Record<ProvisionKind, number>,
  /** Odds on a partner that benefits from a provision of this kind: a great power's promise not to attack, or to help, is worth having. */
  benefit: { defence: 2, guarantee: 2, offence: 1, transit: 1, neutrality: 1.5, consultation: 1.1, nonaggression: 2, sanctions: 1, 'military-convention': 1.5 } satisfies Record<ProvisionKind, number>,
  /** Each condition narrowing the partner's own promise makes it cheaper. */
  narrowing: 1.25,
  /** A refusal of transit on the record (Poland's and Romania's) halves the odds of granting it. */
  refusalOnRecord: 0.5,
} as const;

const MILITARY = new Set<ProvisionKind>(['defence', 'guarantee', 'offence', 'transit', 'military-convention']);

/** One factor of the rule, for the player to read. */
export interface AcceptanceTerm {
  factor: string;
  odds: number;
  why: string;
}

export interface Acceptance {
  state: string;
  accepted: boolean;
  p: number;
  terms: AcceptanceTerm[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Whether `partner` accepts `provisions` proposed by `power` on the world's day. `parameters` are
 * the simulator's (for sim-odds-distrust and the line odds). Pure.
 */
export function acceptanceOf(scenario: Scenario, world: World, power: string, partner: string, provisions: readonly Provision[], parameters: Readonly<Record<string, number>>): Acceptance {
  const terms: AcceptanceTerm[] = [];
  const obligedOf = (p: Provision) => p.obliged ?? [power, partner];
  const beneficiariesOf = (p: Provision) => p.beneficiaries ?? [power, partner];
  let military = false;
  for (const p of provisions) {
    if (obligedOf(p).includes(partner)) {
      terms.push({ factor: `burden-${p.kind}`, odds: ACCEPTANCE.burden[p.kind], why: `${partner} takes on ${p.kind}${p.id ? ` (${p.id})` : ''}` });
      const narrowing = p.conditions.length;
      if (narrowing && p.kind !== 'nonaggression') terms.push({ factor: 'narrowing', odds: round3(ACCEPTANCE.narrowing ** narrowing), why: `${narrowing} condition${narrowing > 1 ? 's' : ''} narrow${narrowing > 1 ? '' : 's'} its promise` });
      if (MILITARY.has(p.kind)) military = true;
      if (p.kind === 'transit' && beneficiariesOf(p).includes(power) && refusesTransit(scenario, world.date, partner, power)) {
        terms.push({ factor: 'refusal-on-record', odds: ACCEPTANCE.refusalOnRecord, why: `${partner} refuses passage to ${power} on the record that day` });
      }
    }
    if (beneficiariesOf(p).includes(partner) && obligedOf(p).some((s) => s !== partner)) {
      terms.push({ factor: `benefit-${p.kind}`, odds: ACCEPTANCE.benefit[p.kind], why: `${partner} gains ${p.kind}${p.id ? ` (${p.id})` : ''}` });
      if (MILITARY.has(p.kind)) military = true;
    }
  }
  const propensity = landscapeInputs(scenario, world.date, [partner, power]).pairs[0];
  if (propensity && propensity.total !== 0) {
    const parts = Object.entries(propensity.parts).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`).join(', ');
    terms.push({ factor: 'propensity', odds: round3(Math.exp(ACCEPTANCE.propensityScale * propensity.total)), why: `alignment propensity ${propensity.total} (${parts})` });
  }
  if (military) {
    const a = world.states.find((s) => s.id === partner);
    const b = world.states.find((s) => s.id === power);
    if (distrustBetween(a, b)) terms.push({ factor: 'sim-odds-distrust', odds: parameters['sim-odds-distrust'] ?? 1, why: `${a?.regime ?? '?'} ${partner} and ${b?.regime ?? '?'} ${power} distrust each other` });
    for (const line of a?.lines ?? []) {
      const odds = parameters[`sim-odds-line-${line}`];
      if (odds !== undefined) terms.push({ factor: `sim-odds-line-${line}`, odds, why: `${partner}'s government follows the line "${line}"` });
    }
  }
  let odds = ACCEPTANCE.baseOdds;
  for (const t of terms) odds *= t.odds;
  const p = round3(probabilityOf(odds));
  return { state: partner, accepted: p >= ACCEPTANCE.threshold, p, terms };
}

function refusesTransit(scenario: Scenario, day: string, grantor: string, grantee: string): boolean {
  return scenario.transit.some((t) => t.grantor === grantor && t.grantee === grantee && t.stance === 'refuses' && (t.from === undefined || t.from <= day) && (t.until === undefined || day < t.until));
}
