/**
 * Offence cases among co-attackers. The resolver keeps no obligation of an attacker toward its
 * co-attackers (an attacker keeps only the restraints it owes the target), so an offensive pact
 * whose members attacked together (the Balkan League against the Ottoman Empire, 1912) would form
 * no case. Leeds, Long & Mitchell (2000) judge an offensive pact honoured when the ally joins its
 * partner's attack in the circumstances the pact names: asking the resolver for each attacker
 * alone lists what every other attacker owed it. Pure.
 */
import type { Day } from '../model/day.js';
import { resolve } from '../law/resolve.js';
import type { Obligation } from '../law/types.js';
import type { World } from '../world/world.js';

/** An obligation of `state` (itself an attacker) to join the attack of `o.toward`. */
export interface CoAttackerObligation {
  state: string;
  o: Obligation;
}

/**
 * The offence obligations (assist-attacker) that each attacker owed each other attacker on `eve`,
 * with `target` attacked. Empty for a single attacker. Ordered by attacker, then as the resolver
 * orders them. Pure; throws QueryError from the resolver only on inconsistent input.
 */
export function coAttackerObligations(world: World, attackers: readonly string[], target: string, eve: Day): CoAttackerObligation[] {
  if (attackers.length < 2) return [];
  const out: CoAttackerObligation[] = [];
  for (const partner of attackers) {
    const resolution = resolve(world, { attackers: [partner], target, date: eve }, {}, { reach: false, explain: false });
    for (const s of resolution.states) {
      if (s.state === partner || !attackers.includes(s.state)) continue;
      for (const o of s.obligations) if (o.kind === 'assist-attacker' && o.toward === partner) out.push({ state: s.state, o });
    }
  }
  return out;
}
