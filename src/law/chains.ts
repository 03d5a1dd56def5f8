/**
 * Which provisions may bind whom toward a belligerent: the obligations of a compiled act (./compiled.ts),
 * with every condition but prior-action checked. The chains among them (who waits for whom) and their
 * one fixpoint are in ./fixpoint.ts.
 */
import type { Condition, ProvisionKind } from '../model/schema.js';
import { actContext, conditionStatus, type ActContext } from './conditions.js';
import { BINDING_KINDS, compileChains, type Chains } from './fixpoint.js';
import type { Act, Assumptions, ObligationKind } from './types.js';
import { lawIndex, type ProvisionEntry } from './world-index.js';
import type { World } from '../world/world.js';

export { BINDING_KINDS, compileChains, settle, type Chains } from './fixpoint.js';

/**
 * A provision that may bind `state` toward a belligerent in this act, before its prior-action
 * conditions are settled: an obligation of the compiled act, plain data.
 */
export interface Candidate {
  state: string;
  kind: ObligationKind;
  toward: string;
  against: readonly string[];
  treaty: string;
  treatyName: string;
  provision: string;
  provisionKind: ProvisionKind;
  article: string | undefined;
  /** The provision's conditions as data, with those the law implies (see ./world-index.ts). */
  conditions: readonly Condition[];
  /** Every condition other than prior-action is met (and, for `assist-attacker`, no nonaggression owed to the target prevails). */
  staticOk: boolean;
  /** For `assist-attacker`: the nonaggression provision toward the target that prevails over it. */
  conflict?: { treaty: string; provision: string } | undefined;
}


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
      const prevails = kind === 'assist-attacker' ? restraintTowardTarget(ctx, state) : undefined;
      const { treaty, provision } = entry;
      out.push({
        state,
        kind,
        toward,
        against: restraint || kind === 'consult' ? [] : against,
        treaty: treaty.id,
        treatyName: treaty.name,
        provision: provision.id,
        provisionKind: provision.kind,
        article: provision.article,
        conditions: entry.conditions,
        staticOk: staticOk && prevails === undefined,
        conflict: prevails && { treaty: prevails.treaty.id, provision: prevails.provision.id },
      });
    }
  }
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
