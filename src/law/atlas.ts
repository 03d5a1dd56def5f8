/**
 * The atlas of a day: every ordered pair of existing states resolved as attacker → target for one
 * kind of act (an armed attack unless told otherwise), and who must act in each. It uses the fast
 * path (chains only: no words, no reach, no explanation).
 */
import type { ActKind } from '../model/schema.js';
import type { World } from '../world/world.js';
import { candidates, compileChains, settle } from './chains.js';
import { actContext } from './conditions.js';
import type { Assumptions } from './types.js';
import { lawIndex } from './world-index.js';

/** One attacker → target pair and who must act in it. */
export interface AtlasCell {
  attacker: string;
  target: string;
  /** States other than attacker and target that must act, sorted. */
  mustAct: string[];
}

/** Every ordered pair of a day's states: the pairs that bind someone. */
export interface Atlas {
  date: string;
  /** The kind of act every cell resolves: the same provisions do not bind against a remilitarisation as against an attack. */
  kind: ActKind;
  /** Every existing state, sorted: the rows and columns of the matrix. */
  states: string[];
  /** `matrix[i][j]`: how many states must act when `states[i]` attacks `states[j]` (0 on the diagonal). */
  matrix: number[][];
  /** Cells in which at least one state must act, by attacker then target. */
  cells: AtlasCell[];
}

/**
 * Resolves every ordered pair of the world's states as an act of `kind` by the row on the column
 * (abstentions in the assumptions are ignored: an atlas asks who is bound). Pure.
 */
export function atlasOf(world: World, assumptions: Assumptions = {}, kind: ActKind = 'attack'): Atlas {
  const index = lawIndex(world);
  const { abstain: _abstain, ...rest } = assumptions;
  const cells: AtlasCell[] = [];
  const acting = new Uint8Array(index.stateIds.length);
  for (const attacker of index.stateIds) {
    for (const target of index.stateIds) {
      if (attacker === target) continue;
      const ctx = actContext(index, { attackers: [attacker], target, date: world.date, kind }, rest);
      const binding = candidates(ctx, true);
      if (!binding.some((c) => c.staticOk)) continue;
      const chains = compileChains(ctx, binding);
      if (chains.ruleState.length === 0) continue;
      settle(chains, null, acting);
      const mustAct: string[] = [];
      for (let i = 0; i < acting.length; i++) {
        const s = index.stateIds[i]!;
        if (acting[i] && s !== attacker && s !== target) mustAct.push(s);
      }
      if (mustAct.length) cells.push({ attacker, target, mustAct });
    }
  }
  const matrix = index.stateIds.map(() => index.stateIds.map(() => 0));
  for (const c of cells) matrix[index.stateIndex.get(c.attacker)!]![index.stateIndex.get(c.target)!] = c.mustAct.length;
  return { date: world.date, kind, states: [...index.stateIds], matrix, cells };
}
