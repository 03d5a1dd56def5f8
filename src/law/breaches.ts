/**
 * Breaches: the attacker's nonaggression and neutrality owed to the target (named by the treaty's
 * role when it has one); any party to a `league-covenant` resorting to war, whoever the target
 * (Covenant Art. 12); a `war-renunciation` when attacker and target are both parties (Kellogg-Briand
 * Art. I); abstentions; and fighting a belligerent to which one owes neutrality. Which treaty plays
 * which role is data (a provision's `role`), never a treaty id.
 */
import type { ProvisionView, TreatyView } from '../world/world.js';
import { actSentence, WAR_KINDS } from './act-kinds.js';
import { BINDING_KINDS } from './chains.js';
import type { ActContext } from './conditions.js';
import type { Breach, BreachKind, Obligation, StateResolution } from './types.js';
import type { LawIndex } from './world-index.js';

type RoleProvision = ProvisionView & { role: NonNullable<ProvisionView['role']> };

/** The provision that gives a treaty its role (the Covenant's Art. 12, Kellogg-Briand's Art. I), if any. Pure. */
export function roleProvisionOf(treaty: TreatyView): RoleProvision | undefined {
  return treaty.provisions.find((p): p is RoleProvision => p.role !== undefined);
}

/** A breach of a treaty's nonaggression is named by the treaty's role when it has one. */
const breachKindOf = (treaty: TreatyView, fallback: BreachKind): BreachKind => roleProvisionOf(treaty)?.role ?? fallback;

const cited = (p: RoleProvision) => (p.article ? ` (${p.article})` : '');

/** The breach a resort to war makes of a treaty by its role alone, whatever else the attacker owes the target. */
function roleBreach(treaty: TreatyView, attacker: string, target: string): Breach | undefined {
  const rp = roleProvisionOf(treaty);
  if (!rp || !treaty.parties.includes(attacker)) return undefined;
  if (rp.role === 'league-covenant') {
    return { state: attacker, kind: rp.role, treaty: treaty.id, provision: rp.id, why: `${attacker} is bound by the ${treaty.name} and resorts to war, which it forbids whoever the target${cited(rp)}` };
  }
  if (!treaty.parties.includes(target)) return undefined;
  return { state: attacker, kind: rp.role, treaty: treaty.id, provision: rp.id, why: `${attacker} and ${target} both renounced war between them in the ${treaty.name}${cited(rp)}` };
}

/** Each state's treaties with a role, in the world's treaty order, built once per world. */
const roleTreaties = new WeakMap<LawIndex, Map<string, TreatyView[]>>();
/** The role breaches of an attacker against a target, remembered per world (they depend on nothing else); frozen, shared. */
const roleBreaches = new WeakMap<LawIndex, Map<string, readonly Breach[]>>();

function roleTreatiesOf(index: LawIndex): Map<string, TreatyView[]> {
  let byParty = roleTreaties.get(index);
  if (!byParty) {
    byParty = new Map();
    for (const treaty of index.treaties.values()) {
      if (!roleProvisionOf(treaty)) continue;
      for (const party of new Set(treaty.parties)) {
        const list = byParty.get(party);
        if (list) list.push(treaty);
        else byParty.set(party, [treaty]);
      }
    }
    roleTreaties.set(index, byParty);
  }
  return byParty;
}

/** Every breach a resort to war by `attacker` against `target` makes by a treaty's role alone, in treaty order. */
function roleBreachesOf(index: LawIndex, attacker: string, target: string): readonly Breach[] {
  let memo = roleBreaches.get(index);
  if (!memo) roleBreaches.set(index, (memo = new Map()));
  const key = `${attacker}>${target}`;
  let list = memo.get(key);
  if (!list) {
    list = (roleTreatiesOf(index).get(attacker) ?? []).flatMap((t) => {
      const b = roleBreach(t, attacker, target);
      return b ? [Object.freeze(b)] : [];
    });
    memo.set(key, list);
  }
  return list;
}

/** Breaches that follow from one obligation alone, remembered per obligation object (shared ones recur in every answer on their act). */
const fromObligation = new WeakMap<Obligation, Partial<Record<'attack' | 'abstention' | 'neutrality', Breach>>>();

/** The breach remembered for a shared obligation, if any. */
function knownBreach(o: Obligation, slot: 'attack' | 'abstention' | 'neutrality'): Breach | undefined {
  return fromObligation.get(o)?.[slot];
}

/** Remembers a breach made from a shared (frozen) obligation; others' breaches are made afresh each time. */
function remember(o: Obligation, slot: 'attack' | 'abstention' | 'neutrality', b: Breach): Breach {
  if (!Object.isFrozen(o)) return b;
  let known = fromObligation.get(o);
  if (!known) fromObligation.set(o, (known = {}));
  return (known[slot] = Object.freeze(b));
}

/** Adds a breach unless one of the same state, kind and treaty is there (answers hold a few dozen at most). */
function add(breaches: Breach[], b: Breach): void {
  for (const x of breaches) if (x.state === b.state && x.kind === b.kind && x.treaty === b.treaty) return;
  breaches.push(b);
}

export function breachesOf(ctx: ActContext, states: StateResolution[], targetSide: ReadonlySet<string>, attackerSide: ReadonlySet<string>): Breach[] {
  const breaches: Breach[] = [];
  // One breach per state, kind and treaty, citing its first provision broken (`add`).
  // Only a resort to war breaks a treaty by its role (Covenant Art. 12, Kellogg-Briand Art. I): see ./act-kinds.ts.
  const war = WAR_KINDS.has(ctx.kind);
  for (const attacker of ctx.attackers) {
    for (const o of states.find((s) => s.state === attacker)?.obligations ?? []) {
      if (!o.active || o.toward !== ctx.target) continue;
      add(breaches, knownBreach(o, 'attack') ?? remember(o, 'attack', { state: attacker, kind: breachKindOf(ctx.index.treaties.get(o.treaty)!, o.kind === 'neutrality' ? 'neutrality' : 'nonaggression'), treaty: o.treaty, provision: o.provision, why: ctx.kind === 'attack' ? `${attacker} attacks ${ctx.target}, to which it owes ${o.kind} under ${o.treatyName}` : `${actSentence(attacker, ctx.target, ctx.kind)}; it owes ${ctx.target} ${o.kind} under ${o.treatyName}` }));
    }
    for (const b of war ? roleBreachesOf(ctx.index, attacker, ctx.target) : []) {
      if (!breaches.some((x) => x.state === attacker && x.treaty === b.treaty)) add(breaches, b);
    }
  }
  for (const s of states) {
    if (ctx.attackerSet.has(s.state) || s.state === ctx.target) continue;
    const abstains = ctx.abstain.has(s.state);
    // Fighting a belligerent to which one owes neutrality.
    const enemies = !s.acts ? undefined : targetSide.has(s.state) ? attackerSide : attackerSide.has(s.state) ? targetSide : undefined;
    if (!abstains && !enemies) continue;
    for (const o of s.obligations) {
      if (!o.active) continue;
      if (abstains && BINDING_KINDS.has(o.kind)) {
        add(breaches, knownBreach(o, 'abstention') ?? remember(o, 'abstention', { state: s.state, kind: 'abstention', treaty: o.treaty, provision: o.provision, why: `${s.state} is bound to ${o.kind} ${o.toward} under ${o.treatyName} but abstains` }));
      }
      if (o.kind === 'neutrality' && enemies?.has(o.toward)) {
        add(breaches, knownBreach(o, 'neutrality') ?? remember(o, 'neutrality', { state: s.state, kind: 'neutrality', treaty: o.treaty, provision: o.provision, why: `${s.state} takes part against ${o.toward}, to which it owes neutrality under ${o.treatyName}` }));
      }
    }
  }
  return breaches;
}
