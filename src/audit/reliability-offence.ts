/**
 * Offence cases among co-attackers. The resolver keeps no obligation of an attacker toward its
 * co-attackers (an attacker keeps only the restraints it owes the target), so an offensive pact
 * whose members attacked together (the Balkan League against the Ottoman Empire, 1912) would form
 * no case. Leeds, Long & Mitchell (2000) judge an offensive pact honoured when the ally joins its
 * partner's attack in the circumstances the pact names: asking the resolver for each attacker
 * alone lists what every other attacker owed it. Pure.
 */
import type { AtopMemberRow } from '../data/atop.js';
import type { War } from '../data/cow-wars.js';
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

/** From the data files alone: an ATOP offence member whose partner initiated a COW war, and what it did. */
export interface OffencePair {
  war: number;
  atop: number;
  /** COW codes of the member bound to join, and of the initiator it was bound to join. */
  ally: number;
  partner: number;
  /** 'joined' (on the initiator's side), 'against', or 'out' (not in the war). */
  did: 'joined' | 'against' | 'out';
}

/**
 * Every pair of members of one phase of an ATOP alliance with `offense` = 1, both in force on a
 * COW war's first day, where one initiated the war: the candidates for offence cases before any
 * terms are judged, to check the resolver misses none. Pure.
 */
export function offencePairs(rows: readonly AtopMemberRow[], wars: readonly War[]): OffencePair[] {
  const offence = rows.filter((r) => r.offense === 1);
  const out: OffencePair[] = [];
  for (const war of wars) {
    const inForce = offence.filter((r) => r.entry < war.from && (r.exit === undefined || war.from <= r.exit));
    for (const initiator of war.participants.filter((p) => p.initiator)) {
      for (const own of inForce.filter((r) => r.member === initiator.ccode)) {
        for (const other of inForce.filter((r) => r.atopid === own.atopid && r.phase === own.phase && r.member !== own.member)) {
          const rows = war.participants.filter((p) => p.ccode === other.member);
          const did = rows.length === 0 ? 'out' : rows.some((p) => p.side === initiator.side) ? 'joined' : 'against';
          if (!out.some((x) => x.war === war.warNum && x.atop === own.atopid && x.ally === other.member && x.partner === initiator.ccode)) {
            out.push({ war: war.warNum, atop: own.atopid, ally: other.member, partner: initiator.ccode, did });
          }
        }
      }
    }
  }
  return out;
}
