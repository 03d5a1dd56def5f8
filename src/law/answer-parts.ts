/**
 * The parts of an answer that do not depend on the choices (who abstains, who grants transit), made once
 * per compiled act and shared by every answer on it: each obligation whose conditions wait on nobody (no
 * pending prior action) is the same object in every answer, and so is each state's whole list when none
 * of its obligations waits. Shared parts are frozen: an answer is read, never changed (a caller that
 * wants to change one copies it first).
 */
import type { CompiledWithChecks } from './compile-memo.js';
import type { CompiledAct } from './compiled.js';
import type { ActContext } from './conditions.js';
import { BINDING_KINDS } from './fixpoint.js';
import { obligationFrom, readingOrder } from './resolve.js';
import type { Obligation } from './types.js';

/** One state's obligations in a compiled act, in reading order. */
export interface StateParts {
  state: string;
  /** Indexes into the compiled act's obligations, in reading order. */
  order: readonly number[];
  /** The whole list, shared, when no obligation of the state waits on another state. */
  shared: readonly Obligation[] | undefined;
  /** Some obligation of the state is active and binding whatever the choices. */
  mustAct: boolean;
  /** Some obligation is `assist`; else some is `assist-attacker` (for reach). */
  fightsFor: 'target' | 'attacker' | undefined;
}

export interface AnswerParts {
  /** Per obligation of the compiled act: its answer, shared, when it waits on nobody. */
  fixed: readonly (Obligation | undefined)[];
  /** Per state with an obligation, sorted by state. */
  states: ReadonlyMap<string, StateParts>;
}

const remembered = new WeakMap<CompiledAct, AnswerParts>();
const NOBODY: ReadonlySet<string> = new Set();

function frozen(o: Obligation): Obligation {
  Object.freeze(o.against);
  Object.freeze(o.conditions);
  return Object.freeze(o);
}

/** The fixed parts of answers on a compiled act, remembered with it. Pure in effect (`ctx` is only read for words that do not depend on choices). */
export function answerParts(ctx: ActContext, { compiled, checks }: CompiledWithChecks): AnswerParts {
  let parts = remembered.get(compiled);
  if (parts) return parts;
  const fixed = compiled.obligations.map((c, o) => (checks[o]!.pending.length ? undefined : frozen(obligationFrom(ctx, c, checks[o]!, NOBODY, NOBODY))));
  const states = new Map<string, StateParts>();
  for (const o of readingOrder(compiled)) {
    const c = compiled.obligations[o]!;
    let s = states.get(c.state);
    if (!s) states.set(c.state, (s = { state: c.state, order: [], shared: undefined, mustAct: false, fightsFor: undefined }));
    (s.order as number[]).push(o);
    const f = fixed[o];
    if (f?.active && BINDING_KINDS.has(c.kind)) s.mustAct = true;
  }
  for (const s of states.values()) {
    const kinds = s.order.map((o) => compiled.obligations[o]!.kind);
    s.fightsFor = kinds.includes('assist') ? 'target' : kinds.includes('assist-attacker') ? 'attacker' : undefined;
    if (s.order.every((o) => fixed[o])) s.shared = Object.freeze(s.order.map((o) => fixed[o]!));
  }
  parts = { fixed, states };
  remembered.set(compiled, parts);
  return parts;
}

/** A state's obligations in an answer: the shared list, or the fixed ones with those that wait settled. Pure. */
export function obligationsIn(ctx: ActContext, law: CompiledWithChecks, parts: AnswerParts, s: StateParts, acting: ReadonlySet<string>, fighting: ReadonlySet<string>): readonly Obligation[] {
  if (s.shared) return s.shared;
  const { compiled, checks } = law;
  return s.order.map((o) => parts.fixed[o] ?? obligationFrom(ctx, compiled.obligations[o]!, checks[o]!, acting, fighting));
}
