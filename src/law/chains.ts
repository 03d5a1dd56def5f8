/**
 * Which provisions bind whom toward a belligerent, and the conditional chains among them settled
 * as a least fixpoint. `chainsFor` compiles an act into flat integer arrays once; `settle` then
 * runs in a few microseconds, so the simulator can call it once per Monte Carlo sample with that
 * sample's decisions.
 */
import type { Condition } from '../model/schema.js';
import { actContext, conditionStatus, type ActContext } from './conditions.js';
import type { Act, Assumptions, ObligationKind } from './types.js';
import { lawIndex, type ProvisionEntry } from './world-index.js';
import type { World } from '../world/world.js';

/** A provision that may bind `state` toward a belligerent in this act, before its conditions are checked. */
export interface Candidate {
  state: string;
  kind: ObligationKind;
  toward: string;
  against: readonly string[];
  entry: ProvisionEntry;
  /** Every condition other than prior-action is met (and, for `assist-attacker`, no nonaggression owed to the target prevails). */
  staticOk: boolean;
  /** For `assist-attacker`: the nonaggression provision toward the target that prevails over it. */
  conflict?: ProvisionEntry | undefined;
}

/** Kinds whose active obligation makes a state take part. */
export const BINDING_KINDS: ReadonlySet<ObligationKind> = new Set(['assist', 'assist-attacker', 'sanctions']);

const TOWARD_TARGET: Partial<Record<string, ObligationKind>> = {
  defence: 'assist',
  guarantee: 'assist',
  sanctions: 'sanctions',
  neutrality: 'neutrality',
  nonaggression: 'nonaggression',
  consultation: 'consult',
};
const TOWARD_ATTACKER: Partial<Record<string, ObligationKind>> = { offence: 'assist-attacker', neutrality: 'neutrality', consultation: 'consult' };

/** True when no condition other than prior-action is unmet or pending. Pure but for noting readings used. */
export function staticallyMet(ctx: ActContext, conditions: readonly Condition[], toward: string): boolean {
  for (const c of conditions) {
    if (c.type === 'prior-action') continue;
    if (conditionStatus(ctx, c, toward) !== 'met') return false;
  }
  return true;
}

/** True when no condition is unmet (pending ones count as possibly binding). */
function notUnmet(ctx: ActContext, conditions: readonly Condition[], toward: string): boolean {
  for (const c of conditions) if (conditionStatus(ctx, c, toward) === 'unmet') return false;
  return true;
}

/**
 * The nonaggression provision by which `state` owes the target restraint, if any: it prevails over an
 * obligation to assist the attacker (Covenant Art. 20; Kellogg-Briand Art. 1). Pure.
 */
export function restraintTowardTarget(ctx: ActContext, state: string): ProvisionEntry | undefined {
  for (const entry of ctx.index.restraintsOf.get(state) ?? []) {
    if (entry.provision.kind === 'nonaggression' && entry.beneficiaries.has(ctx.target) && notUnmet(ctx, entry.conditions, ctx.target)) return entry;
  }
  return undefined;
}

/**
 * Every candidate obligation of the act, in a fixed order (toward the target first, then each attacker;
 * treaties and provisions by id; obliged states by id). With `bindingOnly`, only assist, assist-attacker and
 * sanctions whose conditions other than prior-action are met (what chains need). The attacker's own nonaggression and neutrality toward the target are included: they are what it breaches.
 */
export function candidates(ctx: ActContext, bindingOnly: boolean): Candidate[] {
  const out: Candidate[] = [];
  collect(ctx, ctx.target, TOWARD_TARGET, ctx.attackers, bindingOnly, out);
  for (const attacker of ctx.attackers) collect(ctx, attacker, TOWARD_ATTACKER, [ctx.target], bindingOnly, out);
  return out;
}

// A top-level function, not a closure: the atlas calls this millions of times.
function collect(ctx: ActContext, toward: string, table: Partial<Record<string, ObligationKind>>, against: readonly string[], bindingOnly: boolean, out: Candidate[]): void {
  for (const entry of ctx.index.byBeneficiary.get(toward) ?? []) {
    const kind = table[entry.provision.kind];
    if (kind === undefined || (bindingOnly && !BINDING_KINDS.has(kind))) continue;
    const restraint = kind === 'nonaggression' || kind === 'neutrality';
    let staticOk: boolean | undefined;
    // The fast path (atlas, simulator) wants only what can bind: skip a provision whose conditions fail.
    if (bindingOnly && !(staticOk = staticallyMet(ctx, entry.conditions, toward))) continue;
    for (const state of entry.obliged) {
      if (state === toward || state === ctx.target) continue;
      // An attacker keeps only the restraints it owes the target: the breaches.
      if (ctx.attackerSet.has(state) && !(restraint && toward === ctx.target)) continue;
      staticOk ??= staticallyMet(ctx, entry.conditions, toward);
      const conflict = kind === 'assist-attacker' ? restraintTowardTarget(ctx, state) : undefined;
      out.push({ state, kind, toward, against: restraint || kind === 'consult' ? [] : against, entry, staticOk: staticOk && conflict === undefined, conflict });
    }
  }
}

/** An act compiled for settling: states by index, and one rule per candidate binding obligation. */
export interface Chains {
  /** State ids; a state's index in every array below is its position here. */
  states: readonly string[];
  /** Attackers and target: they act whatever happens. */
  initial: Int32Array;
  /** States with at least one rule (those whose decision matters), ascending. */
  obliged: Int32Array;
  /** Rule r binds `ruleState[r]`; its prior-action groups are `ruleGroups[r] .. ruleGroups[r+1]`. */
  ruleState: Int32Array;
  ruleGroups: Int32Array;
  /** Group g is met when one of `members[groupStart[g] .. groupStart[g+1]]` acts (or, when `groupAssist[g]`, assists). */
  groupStart: Int32Array;
  members: Int32Array;
  /** 1 when rule r is an obligation to fight (assist, assist-attacker); 0 for sanctions, which are no assistance. */
  ruleAssists: Uint8Array;
  /** 1 when group g needs a member that assists the victim, not one that merely applies sanctions (prior-action `act: assistance`). */
  groupAssist: Uint8Array;
}

/** Compiles candidates into chains. Pure. Rules with an unmet static condition, or a prior-action nobody existing can meet, are left out. */
export function compileChains(ctx: ActContext, all: readonly Candidate[]): Chains {
  const { stateIndex, stateIds } = ctx.index;
  const ruleState: number[] = [];
  const ruleGroups: number[] = [0];
  const groupStart: number[] = [0];
  const members: number[] = [];
  const ruleAssists: number[] = [];
  const groupAssist: number[] = [];
  const obliged = new Set<number>();
  for (const c of all) {
    if (!c.staticOk || !BINDING_KINDS.has(c.kind)) continue;
    const self = stateIndex.get(c.state)!;
    const groups: { members: number[]; assist: boolean }[] = [];
    for (const cond of c.entry.conditions) {
      if (cond.type !== 'prior-action' || (cond.reading !== undefined && conditionStatus(ctx, cond, c.toward) === 'met')) continue;
      groups.push({ members: cond.by.map((s) => stateIndex.get(s)).filter((i): i is number => i !== undefined && i !== self), assist: cond.act !== 'any' });
    }
    if (groups.some((g) => g.members.length === 0)) continue;
    ruleState.push(self);
    ruleAssists.push(c.kind === 'sanctions' ? 0 : 1);
    obliged.add(self);
    for (const g of groups) {
      members.push(...g.members);
      groupStart.push(members.length);
      groupAssist.push(g.assist ? 1 : 0);
    }
    ruleGroups.push(groupStart.length - 1);
  }
  const initial = [...ctx.attackers, ctx.target].map((s) => stateIndex.get(s)!);
  return {
    states: stateIds,
    initial: Int32Array.from(initial),
    obliged: Int32Array.from([...obliged].sort((a, b) => a - b)),
    ruleState: Int32Array.from(ruleState),
    ruleGroups: Int32Array.from(ruleGroups),
    groupStart: Int32Array.from(groupStart),
    members: Int32Array.from(members),
    ruleAssists: Uint8Array.from(ruleAssists),
    groupAssist: Uint8Array.from(groupAssist),
  };
}

/**
 * The chains of an act on a world. Pure (the world's index is remembered per world).
 * Throws QueryError for an act that makes no sense (see actContext). Abstentions in the
 * assumptions are ignored here: pass them to `settle` as decisions.
 */
export function chainsFor(world: World, act: Act, assumptions: Assumptions = {}): Chains {
  const ctx = actContext(lawIndex(world), act, { ...assumptions, abstain: [] });
  return compileChains(ctx, candidates(ctx, true));
}

/**
 * Settles the chains: the least set of acting states that holds the attackers and the target and every
 * state that honours (`honours[i] !== 0`, all when omitted) an obligation whose prior-action conditions
 * are met by states in the set. Returns `acting` (1 = acts), written into `out` when given (reused
 * across samples to avoid allocation). A state acting only by sanctions meets no group that waits for
 * assistance; `assisting`, when given, receives who fights (attackers, target, and states bound to
 * assist). Pure apart from writing `out` and `assisting`.
 */
export function settle(chains: Chains, honours?: Uint8Array | null, out?: Uint8Array, assisting?: Uint8Array): Uint8Array {
  const acting = out ?? new Uint8Array(chains.states.length);
  acting.fill(0);
  const { initial, ruleState, ruleGroups, groupStart, members, ruleAssists, groupAssist } = chains;
  // Sanctions and assistance differ only when some rule is a sanction; otherwise whoever acts assists.
  const split = assisting !== undefined || ruleAssists.includes(0);
  const fights = split ? (assisting ?? new Uint8Array(chains.states.length)) : acting;
  if (split) fights.fill(0);
  for (let i = 0; i < initial.length; i++) acting[initial[i]!] = fights[initial[i]!] = 1;
  const rules = ruleState.length;
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rules; r++) {
      const s = ruleState[r]!;
      const assists = ruleAssists[r] === 1;
      if ((assists ? fights[s] : acting[s]) || (honours && !honours[s])) continue;
      let met = true;
      for (let g = ruleGroups[r]!, gEnd = ruleGroups[r + 1]!; met && g < gEnd; g++) {
        const pool = groupAssist[g] ? fights : acting;
        let any = false;
        for (let m = groupStart[g]!, mEnd = groupStart[g + 1]!; m < mEnd; m++) {
          if (pool[members[m]!]) {
            any = true;
            break;
          }
        }
        met = any;
      }
      if (met) {
        acting[s] = 1;
        if (assists) fights[s] = 1;
        changed = true;
      }
    }
  }
  return acting;
}
