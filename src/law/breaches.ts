/**
 * Breaches: the attacker's nonaggression and neutrality owed to the target (named covenant /
 * kellogg-briand for those treaties); any League member resorting to war (Covenant Arts. 12, 16,
 * whoever the target); Kellogg-Briand when both are parties; abstentions; and fighting a belligerent
 * to which one owes neutrality.
 */
import type { TreatyView } from '../world/world.js';
import { actSentence, WAR_KINDS } from './act-kinds.js';
import { BINDING_KINDS } from './chains.js';
import type { ActContext } from './conditions.js';
import type { Breach, BreachKind, StateResolution } from './types.js';

/** Which kind of breach breaking a treaty's nonaggression is: the Covenant and Kellogg-Briand are named. */
function breachKindOf(treaty: TreatyView, fallback: BreachKind): BreachKind {
  if (isCovenant(treaty)) return 'covenant';
  if (treaty.id === 'kellogg-briand') return 'kellogg-briand';
  return fallback;
}

/** The Covenant: the treaty with id `covenant`, or any treaty carrying a sanctions provision. */
function isCovenant(treaty: TreatyView): boolean {
  return treaty.id === 'covenant' || treaty.provisions.some((p) => p.kind === 'sanctions');
}

export function breachesOf(ctx: ActContext, states: StateResolution[], targetSide: ReadonlySet<string>, attackerSide: ReadonlySet<string>): Breach[] {
  const breaches: Breach[] = [];
  const seen = new Set<string>();
  const add = (b: Breach) => {
    const key = `${b.state}|${b.kind}|${b.treaty}`; // one breach per treaty, citing its first provision broken
    if (seen.has(key)) return;
    seen.add(key);
    breaches.push(b);
  };
  const byState = new Map(states.map((s) => [s.state, s]));
  // Only a resort to war breaks the Covenant (Arts. 12, 16) and Kellogg-Briand (Art. 1): see ./act-kinds.ts.
  const war = WAR_KINDS.has(ctx.kind);
  for (const attacker of ctx.attackers) {
    for (const o of byState.get(attacker)?.obligations ?? []) {
      if (!o.active || o.toward !== ctx.target) continue;
      const kind = breachKindOf(ctx.index.treaties.get(o.treaty)!, o.kind === 'neutrality' ? 'neutrality' : 'nonaggression');
      add({ state: attacker, kind, treaty: o.treaty, provision: o.provision, why: ctx.kind === 'attack' ? `${attacker} attacks ${ctx.target}, to which it owes ${o.kind} under ${o.treatyName}` : `${actSentence(attacker, ctx.target, ctx.kind)}; it owes ${ctx.target} ${o.kind} under ${o.treatyName}` });
    }
    for (const treaty of war ? ctx.index.treaties.values() : []) {
      const member = treaty.parties.includes(attacker);
      if (member && isCovenant(treaty) && !breaches.some((b) => b.state === attacker && b.treaty === treaty.id)) {
        add({ state: attacker, kind: 'covenant', treaty: treaty.id, why: `${attacker} is a member of the League and resorts to war (Covenant Arts. 12 and 16)` });
      }
      if (member && treaty.id === 'kellogg-briand' && treaty.parties.includes(ctx.target) && !breaches.some((b) => b.state === attacker && b.treaty === treaty.id)) {
        add({ state: attacker, kind: 'kellogg-briand', treaty: treaty.id, why: `${attacker} and ${ctx.target} both renounced war as an instrument of policy (Kellogg-Briand Art. 1)` });
      }
    }
  }
  for (const s of states) {
    if (ctx.attackerSet.has(s.state) || s.state === ctx.target) continue;
    for (const o of s.obligations) {
      if (!o.active) continue;
      if (BINDING_KINDS.has(o.kind) && ctx.abstain.has(s.state)) {
        add({ state: s.state, kind: 'abstention', treaty: o.treaty, provision: o.provision, why: `${s.state} is bound to ${o.kind} ${o.toward} under ${o.treatyName} but abstains` });
      }
      // Fighting a belligerent to which one owes neutrality.
      const enemies = targetSide.has(s.state) ? attackerSide : attackerSide.has(s.state) ? targetSide : undefined;
      if (o.kind === 'neutrality' && s.acts && enemies?.has(o.toward)) {
        add({ state: s.state, kind: 'neutrality', treaty: o.treaty, provision: o.provision, why: `${s.state} takes part against ${o.toward}, to which it owes neutrality under ${o.treatyName}` });
      }
    }
  }
  return breaches;
}
