/**
 * The one fixpoint: the conditional chains of a compiled act (who waits for whom) settled as a least
 * fixpoint for a set of choices (who honours). The resolver settles with every state honouring but
 * those assumed to abstain; the simulator settles each sample's choices on `MaskRules`, a bitmask form
 * of the same chains generated from the same compiled act (test/sim/agreement.test.ts checks they agree).
 */
import { conditionStatus, type ActContext } from './conditions.js';
import type { Candidate } from './chains.js';
import type { ObligationKind } from './types.js';

/** Kinds whose active obligation makes a state take part. */
export const BINDING_KINDS: ReadonlySet<ObligationKind> = new Set(['assist', 'assist-attacker', 'sanctions']);

/** The dependency graph of an act: states by index, and one rule per candidate binding obligation. */
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
  /** The obligation (index in the compiled act's list of obligations) that rule r stands for. */
  ruleObligation: Int32Array;
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
  const ruleObligation: number[] = [];
  const ruleGroups: number[] = [0];
  const groupStart: number[] = [0];
  const members: number[] = [];
  const ruleAssists: number[] = [];
  const groupAssist: number[] = [];
  const obliged = new Set<number>();
  for (let o = 0; o < all.length; o++) {
    const c = all[o]!;
    if (!c.staticOk || !BINDING_KINDS.has(c.kind)) continue;
    const self = stateIndex.get(c.state)!;
    let groups: { members: number[]; assist: boolean }[] | undefined;
    for (const cond of c.conditions) {
      if (cond.type !== 'prior-action' || (cond.reading !== undefined && conditionStatus(ctx, cond, c.toward) === 'met')) continue;
      (groups ??= []).push({ members: cond.by.map((s) => stateIndex.get(s)).filter((i): i is number => i !== undefined && i !== self), assist: cond.act !== 'any' });
    }
    if (groups?.some((g) => g.members.length === 0)) continue;
    ruleState.push(self);
    ruleObligation.push(o);
    ruleAssists.push(c.kind === 'sanctions' ? 0 : 1);
    obliged.add(self);
    for (const g of groups ?? []) {
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
    ruleObligation: Int32Array.from(ruleObligation),
    groupStart: Int32Array.from(groupStart),
    members: Int32Array.from(members),
    ruleAssists: Uint8Array.from(ruleAssists),
    groupAssist: Uint8Array.from(groupAssist),
  };
}

/** Whether rule r's prior-action groups are all met by `acting` / `fighting` (groups waiting on assistance look at `fighting`). Pure. */
export function groupsMet(chains: Chains, r: number, acting: Uint8Array, fighting: Uint8Array): boolean {
  const { ruleGroups, groupStart, members, groupAssist } = chains;
  for (let g = ruleGroups[r]!, gEnd = ruleGroups[r + 1]!; g < gEnd; g++) {
    const pool = groupAssist[g] ? fighting : acting;
    let any = false;
    for (let m = groupStart[g]!, mEnd = groupStart[g + 1]!; m < mEnd; m++) {
      if (pool[members[m]!]) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
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
  const { initial, ruleState, ruleAssists } = chains;
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
      if (groupsMet(chains, r, acting, fights)) {
        acting[s] = 1;
        if (assists) fights[s] = 1;
        changed = true;
      }
    }
  }
  return acting;
}

/**
 * The chains on bitmasks over a few deciding states (decider i is bit i): only rules to fight of the
 * deciders, their groups as masks. Groups met whatever the deciders choose (by the attackers, the
 * target, or a state outside the deciders that acts even when no decider honours) drop out; a rule
 * with a group nobody among the deciders can meet drops out.
 */
export interface MaskRules {
  /** Deciders with an obligation that waits on nobody. */
  unconditional: number;
  /** Conditional obligations: owner decider, and clauses [start[o], start[o+1]) of `clauses`. */
  owner: Int32Array;
  start: Int32Array;
  /** A clause is met when some decider in its mask acts. */
  clauses: Int32Array;
}

/**
 * The bitmask form of `chains` over `deciders` (state indexes, at most 31). `others` are the choices of
 * every other state (1 honours); a state outside the deciders counts as acting (or fighting) in a group
 * when it does so in the fixpoint in which no decider honours — exact whenever no such state's action
 * waits on a decider (so in every act of the built-in scenario). Pure.
 */
export function maskRulesOf(chains: Chains, deciders: readonly number[], others: Uint8Array): MaskRules {
  const bit = new Map(deciders.map((s, i) => [s, i]));
  const floorHonours = others.slice();
  for (const s of deciders) floorHonours[s] = 0;
  const floorFights = new Uint8Array(chains.states.length);
  const floorActs = settle(chains, floorHonours, undefined, floorFights);
  let unconditional = 0;
  const owner: number[] = [];
  const start: number[] = [0];
  const clauses: number[] = [];
  for (let r = 0; r < chains.ruleState.length; r++) {
    const i = bit.get(chains.ruleState[r]!);
    if (i === undefined || chains.ruleAssists[r] !== 1) continue;
    const masks: number[] = [];
    let alive = true;
    for (let g = chains.ruleGroups[r]!; g < chains.ruleGroups[r + 1]!; g++) {
      const floor = chains.groupAssist[g] ? floorFights : floorActs;
      let mask = 0;
      let always = false;
      for (let m = chains.groupStart[g]!; m < chains.groupStart[g + 1]!; m++) {
        const s = chains.members[m]!;
        const b = bit.get(s);
        if (b !== undefined) mask |= 1 << b;
        else if (floor[s]) always = true;
      }
      if (always) continue;
      if (mask === 0) alive = false; // waits on states that never act
      masks.push(mask);
    }
    if (!alive) continue;
    if (masks.length === 0) {
      unconditional |= 1 << i;
      continue;
    }
    owner.push(i);
    clauses.push(...masks);
    start.push(clauses.length);
  }
  return { unconditional, owner: Int32Array.from(owner), start: Int32Array.from(start), clauses: Int32Array.from(clauses) };
}

/**
 * `settle` on bitmasks: the deciders that fight when those in `honours` honour. Pure; allocation-free,
 * for the simulator's inner loop.
 */
export function settleMask(rules: MaskRules, honours: number): number {
  let acting = honours & rules.unconditional;
  const obligations = rules.owner.length;
  if (obligations === 0) return acting;
  for (let changed = true; changed; ) {
    changed = false;
    for (let o = 0; o < obligations; o++) {
      const bit = 1 << rules.owner[o]!;
      if ((honours & bit) === 0 || (acting & bit) !== 0) continue;
      let met = true;
      for (let c = rules.start[o]!; c < rules.start[o + 1]!; c++) {
        if ((acting & rules.clauses[c]!) === 0) {
          met = false;
          break;
        }
      }
      if (met) {
        acting |= bit;
        changed = true;
      }
    }
  }
  return acting;
}
