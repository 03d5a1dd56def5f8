/** A compiled act's kernel as a deterrence problem (./exact.ts): masks unpacked to lists of deciders. Pure. */
import type { DeterrenceProblem, RuleSet } from './exact.js';
import type { Kernel, Rules } from './kernel.js';

const bitsOf = (mask: number, n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0);

function ruleSetOf(rules: Rules, n: number, p: number): RuleSet {
  const obligations = Array.from(rules.owner, (owner, o) => ({
    owner,
    clauses: Array.from(rules.clauses.subarray(rules.start[o]!, rules.start[o + 1]!), (mask) => bitsOf(mask, n)),
  }));
  return { p, unconditional: bitsOf(rules.unconditional, n), obligations };
}

/** The deterrence problem a kernel samples: the same deciders, weights, chains and League draw. */
export function problemOfKernel(k: Kernel): DeterrenceProblem {
  const pFinding = k.findingThreshold / 4294967296;
  const rules = k.noFinding === undefined ? [ruleSetOf(k.rules, k.n, 1)] : [ruleSetOf(k.rules, k.n, pFinding), ruleSetOf(k.noFinding, k.n, 1 - pFinding)];
  return {
    p: Array.from(k.thresholds, (t) => t / 4294967296),
    attackerSide: Array.from(k.attackerSide),
    weight: Array.from(k.weights),
    fallback: Array.from(k.fallbackWeights),
    needs: Array.from(k.reachNeeds, (mask) => bitsOf(mask, k.n)),
    rules,
    attackerBase: k.attackerBase,
    defenderBase: k.defenderBase,
    ratio: k.deterrenceRatio,
  };
}
