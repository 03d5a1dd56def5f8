/**
 * Compiled acts remembered per world, with the words of every condition that does not wait on another
 * state. A compiled act depends on the act and on the assumptions about the League, provocation, demands
 * and readings — not on abstentions or transit, which are choices settled afterwards — and the same
 * questions come back again and again (a server asked about Munich by many clients, a what-if search,
 * a benchmark). Readings consulted while compiling are replayed into the caller's context on a hit, so
 * that an answer's `assumptions.readings` does not depend on what was asked before. Remembered checks
 * are frozen: answers share them, and nobody may change them.
 */
import { isImplicitActKind } from './act-kinds.js';
import { compileAct, type CompiledAct } from './compiled.js';
import { checkCondition, type ActContext } from './conditions.js';
import type { Condition } from '../model/schema.js';
import type { ConditionCheck } from './types.js';
import type { LawIndex } from './world-index.js';

/** Most compiled acts kept per world; beyond it the memo starts afresh (a bound on memory, not a tuning knob). */
export const COMPILE_MEMO_LIMIT = 5_000;

type PriorAction = Extract<Condition, { type: 'prior-action' }>;

/** An obligation's conditions checked as far as they can be without settling: prior-action ones still pending. */
export interface StaticChecks {
  /** The conditions shown, in order: each checked, the law's default act kinds left out when met. */
  checks: readonly ConditionCheck[];
  /** Pending prior-action conditions, which only the fixpoint settles, and their positions in `checks`. */
  pending: readonly { at: number; condition: PriorAction }[];
  /** Every shown condition but the pending ones is met. */
  met: boolean;
}

export interface CompiledWithChecks {
  compiled: CompiledAct;
  /** Per obligation of `compiled`, in its order. */
  checks: readonly StaticChecks[];
}

interface Remembered extends CompiledWithChecks {
  readings: readonly [string, boolean][];
}

const memos = new WeakMap<LawIndex, Map<string, Remembered>>();

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Everything a compiled act depends on, as a key. */
function keyOf(ctx: ActContext): string {
  const readings = Object.keys(ctx.readingOverrides).sort(text).map((k) => `${k}=${ctx.readingOverrides[k]}`).join(',');
  return `${ctx.attackers.join(',')}>${ctx.target}@${ctx.theatre ?? ''}|${ctx.kind}|${ctx.provoked}|${ctx.leagueFinding}|${ctx.demands}|${readings}`;
}

/** The conditions of each obligation checked once: shared by all obligations of one provision toward one state. */
function staticChecksOf(ctx: ActContext, compiled: CompiledAct): StaticChecks[] {
  const shared = new Map<readonly unknown[], Map<string, StaticChecks>>();
  return compiled.obligations.map((c) => {
    let byToward = shared.get(c.conditions);
    if (!byToward) shared.set(c.conditions, (byToward = new Map()));
    let found = byToward.get(c.toward);
    if (!found) {
      const checks: ConditionCheck[] = [];
      const pending: { at: number; condition: PriorAction }[] = [];
      let met = true;
      for (const cond of c.conditions) {
        const check = Object.freeze(checkCondition(ctx, cond, c.toward));
        if (cond.type === 'prior-action' && check.status === 'pending') pending.push({ at: checks.length, condition: cond });
        else if (check.status !== 'met') met = false;
        if (check.status !== 'met' || !isImplicitActKind(cond)) checks.push(check);
      }
      // The checks are frozen, not the arrays: answers copy them (and a frozen array copies slowly).
      byToward.set(c.toward, (found = { checks, pending, met }));
    }
    return found;
  });
}

/** The compiled act of `ctx` with its static checks, remembered per world. Pure in effect. */
export function compiledFor(ctx: ActContext): CompiledWithChecks {
  let memo = memos.get(ctx.index);
  if (!memo) memos.set(ctx.index, (memo = new Map()));
  const key = keyOf(ctx);
  let hit = memo.get(key);
  if (!hit) {
    const local: ActContext = { ...ctx, readingsUsed: new Map() };
    const compiled = compileAct(local);
    const checks = staticChecksOf(local, compiled);
    hit = { compiled, checks, readings: [...local.readingsUsed] };
    if (memo.size >= COMPILE_MEMO_LIMIT) memo.clear();
    memo.set(key, hit);
  }
  for (const [name, value] of hit.readings) ctx.readingsUsed.set(name, value);
  return hit;
}
