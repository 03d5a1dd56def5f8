/**
 * The compiled act: (world, act, assumptions, readings) turned once into data — the parties, every
 * obligation that may bind with its conditions, and the dependency graph between them (who waits for
 * whom). One fixpoint (./fixpoint.ts) settles it for a set of choices (who honours); the resolver's
 * answer is that fixpoint with every state honouring but those assumed to abstain, and the simulator
 * samples choices on a bitmask form of the same graph. Sides and reach follow from a settlement.
 */
import type { ActKind } from '../model/schema.js';
import { candidates, type Candidate } from './chains.js';
import type { ActContext } from './conditions.js';
import { compileChains, groupsMet, settle, type Chains } from './fixpoint.js';
import { reachOf } from './reach.js';
import type { Reach } from './types.js';

/** An obligation of a compiled act. */
export type CompiledObligation = Candidate;

/** An act compiled: plain data and typed arrays (structured-clonable), independent of the choices. */
export interface CompiledAct {
  attackers: readonly string[];
  target: string;
  theatre: string | undefined;
  /** The state whose territory is fought over: the theatre's holder, else the target. */
  destination: string;
  kind: ActKind;
  /** Every obligation that may bind, in a fixed order (see `candidates`). */
  obligations: readonly CompiledObligation[];
  /** The dependency graph between the binding ones; rule r stands for `obligations[graph.ruleObligation[r]]`. */
  graph: Chains;
}

/** Compiles an act made sense of (see `actContext`). Pure but for noting the readings consulted in `ctx`. */
export function compileAct(ctx: ActContext): CompiledAct {
  const obligations = candidates(ctx, false);
  return { attackers: ctx.attackers, target: ctx.target, theatre: ctx.theatre, destination: ctx.destination, kind: ctx.kind, obligations, graph: compileChains(ctx, obligations) };
}

/** The choices of the resolver: every state honours but those named (an act's assumed abstentions). Pure. */
export function honoursExcept(compiled: CompiledAct, abstain: Iterable<string>, stateIndex: ReadonlyMap<string, number>): Uint8Array {
  const honours = new Uint8Array(compiled.graph.states.length).fill(1);
  for (const s of abstain) {
    const i = stateIndex.get(s);
    if (i !== undefined) honours[i] = 0;
  }
  return honours;
}

/** A compiled act settled for some choices: who acts, who fights, and the two sides. */
export interface Settlement {
  acting: Uint8Array;
  fighting: Uint8Array;
  /** The target and every acting state bound to assist it; the attackers and every acting state bound to assist one. */
  targetSide: Set<string>;
  attackerSide: Set<string>;
}

/**
 * Settles a compiled act for the choices `honours` (1 per state index). The sides: an acting state whose
 * assist (assist-attacker) obligation holds fights for the target (the attacker); sanctions are economic
 * and put nobody on a side. Pure.
 */
export function settleAct(compiled: CompiledAct, honours: Uint8Array): Settlement {
  const { graph } = compiled;
  const fighting = new Uint8Array(graph.states.length);
  const acting = settle(graph, honours, undefined, fighting);
  const targetSide = new Set([compiled.target]);
  const attackerSide = new Set(compiled.attackers);
  for (let r = 0; r < graph.ruleState.length; r++) {
    const s = graph.ruleState[r]!;
    if (!acting[s] || graph.ruleAssists[r] !== 1 || !groupsMet(graph, r, acting, fighting)) continue;
    const o = compiled.obligations[graph.ruleObligation[r]!]!;
    (o.kind === 'assist' ? targetSide : attackerSide).add(o.state);
  }
  return { acting, fighting, targetSide, attackerSide };
}

/** How `state` reaches the war in a settlement, fighting for the target or for the attacker (see ./reach.ts). Pure. */
export function reachIn(ctx: ActContext, settlement: Settlement, state: string, fightsFor: 'target' | 'attacker'): Reach {
  const { targetSide, attackerSide } = settlement;
  return fightsFor === 'target' ? reachOf(ctx, state, targetSide, attackerSide) : reachOf(ctx, state, attackerSide, targetSide);
}

/** Who acts and who fights in a settlement, by state id. */
export function settledSets(ctx: ActContext, settlement: { acting: Uint8Array; fighting: Uint8Array }): { acting: Set<string>; fighting: Set<string> } {
  const { stateIds } = ctx.index;
  const acting = new Set<string>();
  const fighting = new Set<string>();
  for (let i = 0; i < stateIds.length; i++) {
    if (settlement.acting[i]) acting.add(stateIds[i]!);
    if (settlement.fighting[i]) fighting.add(stateIds[i]!);
  }
  return { acting, fighting };
}
