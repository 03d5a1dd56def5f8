/**
 * The exact probability of deterrence, and the coalitions closest to deterring, without listing 2ⁿ
 * coalitions. Deterrence is linear in who acts: the defenders' weight D minus the deterrence ratio r
 * times the attacker side's weight A is ≥ 0. Deciders split in two:
 * - coupled ones: owners of conditional obligations (prior action), the states they wait on, and states
 *   whose reach needs others fighting. Their honour patterns are enumerated one by one and settled
 *   (the resolver's least fixpoint);
 * - independent ones, who act exactly when they honour. Their margin sums are handled by
 *   meet-in-the-middle: each half's 2^(m/2) subset sums are generated already sorted (by merging the
 *   list with itself shifted by each item), with their probabilities; for a given offset, one pass of
 *   two pointers over the two sorted halves sums P(half A + half B ≥ −offset).
 * Why this method: branch and bound on capability sums prunes well only when a few weights dominate
 * (not so with thirty states of similar CINC), and dynamic programming over discretised sums gives an
 * approximation, not the exact figure; meet-in-the-middle is exact, costs O(2^(m/2)) time and memory
 * per coupled pattern (forty independent deciders: two lists of 2²⁰ sums, about 64 MB), and does not
 * depend on the weights. Beyond its limits (more than `EXACT_LIMITS` allow) the probability is
 * sampled and its 95% error stated. Pure and deterministic.
 */
import { baseMargin, gain, sampledDeterrence, settleCoupled, type DeterrenceAnswer, type DeterrenceProblem, type RankedCoalition, type RuleSet } from './deterrence-problem.js';

import { weigh, type Contribution } from '../power/weigh.js';

export type { DeterrenceAnswer, DeterrenceProblem, RankedCoalition, RuleSet } from './deterrence-problem.js';

/**
 * Above these the answer is sampled. `work` bounds coupled patterns × the two halves' lengths (2²⁷: about
 * a second); `independent` bounds the halves' memory (2²¹ sums each, with probabilities: 64 MB with the
 * merge buffers); `coupled` bounds the enumeration that ranks the best coalitions.
 */
export const EXACT_LIMITS = { deciders: 40, independent: 42, coupled: 20, work: 2 ** 27 } as const;

/** Whether a plan is within the exact method's limits. */
function exactFits(plan: Plan): boolean {
  const m = plan.independentFree.length;
  const halves = 2 ** Math.ceil(m / 2) + 2 ** Math.floor(m / 2);
  return m <= EXACT_LIMITS.independent && plan.coupledFree.length <= EXACT_LIMITS.coupled && 2 ** plan.coupledFree.length * halves <= EXACT_LIMITS.work;
}
/** Samples when the exact method is out of reach: a 95% error of at most 0.0016. */
export const FALLBACK_SAMPLES = 400_000;

/** The exact (or, beyond EXACT_LIMITS, sampled) probability of deterrence and the `k` best coalitions. Pure. */
export function deterrence(problem: DeterrenceProblem, k = 5, seed = 1): DeterrenceAnswer {
  const n = problem.p.length;
  const plans = problem.rules.map((rules) => planOf(problem, rules));
  const tooBig = n > EXACT_LIMITS.deciders || !plans.every(exactFits);
  const best = plans.every((pl) => pl.coupledFree.length <= EXACT_LIMITS.coupled) ? bestCoalitions(problem, plans, k) : [];
  if (tooBig) return { ...sampledDeterrence(problem, FALLBACK_SAMPLES, seed), best };
  let p = 0;
  for (const plan of plans) if (plan.rules.p > 0) p += plan.rules.p * exactUnder(problem, plan);
  return { p: Math.min(1, Math.max(0, p)), method: 'exact', best };
}

interface Plan {
  rules: RuleSet;
  /** Coupled deciders whose honour is uncertain; the rest of the coupled ones are fixed (p 0 or 1). */
  coupledFree: number[];
  coupledFixed: number[];
  /** Independent deciders with 0 < p < 1, and their margin when acting. */
  independentFree: number[];
  /** Margin of the bases and of independent deciders sure to act. */
  offset: number;
}

function planOf(pr: DeterrenceProblem, rules: RuleSet): Plan {
  const coupled = new Set<number>();
  for (const o of rules.obligations) {
    coupled.add(o.owner);
    for (const c of o.clauses) for (const i of c) coupled.add(i);
  }
  pr.needs.forEach((needs, i) => {
    if (needs.length) {
      coupled.add(i);
      for (const j of needs) coupled.add(j);
    }
  });
  let offset = baseMargin(pr);
  const independentFree: number[] = [];
  for (const i of new Set(rules.unconditional)) {
    if (coupled.has(i) || pr.p[i] === 0) continue;
    if (pr.p[i] === 1) offset += gain(pr, i, pr.weight[i]!);
    else independentFree.push(i);
  }
  const sorted = [...coupled].sort((a, b) => a - b);
  const free = (i: number) => pr.p[i]! > 0 && pr.p[i]! < 1;
  return { rules, coupledFree: sorted.filter(free), coupledFixed: sorted.filter((i) => !free(i)), independentFree, offset };
}


/** Margin of the coupled deciders that act (reach falls back when those it needs do not fight). */
function coupledMargin(pr: DeterrenceProblem, plan: Plan, acting: Uint8Array): number {
  let m = 0;
  for (const i of [...plan.coupledFree, ...plan.coupledFixed]) {
    if (!acting[i]) continue;
    m += gain(pr, i, pr.needs[i]!.every((j) => acting[j]) ? pr.weight[i]! : pr.fallback[i]!);
  }
  return m;
}

/** Every pattern of the coupled deciders with positive probability: its probability and its margin. */
function* coupledPatterns(pr: DeterrenceProblem, plan: Plan): Generator<{ p: number; margin: number; acting: Uint8Array }> {
  const n = pr.p.length;
  const honours = new Uint8Array(n);
  const acting = new Uint8Array(n);
  for (const i of plan.coupledFixed) honours[i] = pr.p[i] === 1 ? 1 : 0;
  const free = plan.coupledFree;
  for (let mask = 0; mask < 2 ** free.length; mask++) {
    let p = 1;
    free.forEach((i, b) => {
      const on = Math.floor(mask / 2 ** b) % 2 === 1;
      honours[i] = on ? 1 : 0;
      p *= on ? pr.p[i]! : 1 - pr.p[i]!;
    });
    if (p === 0) continue;
    settleCoupled(pr, plan.rules, honours, acting);
    yield { p, margin: coupledMargin(pr, plan, acting), acting };
  }
}

/** The sorted subset sums of the items' gains, with the probability of each subset. */
function subsetSums(pr: DeterrenceProblem, items: readonly number[]): { sums: Float64Array; probs: Float64Array } {
  let sums = new Float64Array([0]);
  let probs = new Float64Array([1]);
  for (const i of items) {
    const g = gain(pr, i, pr.weight[i]!);
    const p = pr.p[i]!;
    const size = sums.length;
    const s2 = new Float64Array(size * 2);
    const p2 = new Float64Array(size * 2);
    // Merge (sums, without i) and (sums + g, with i), both ascending.
    let a = 0;
    let b = 0;
    for (let o = 0; o < size * 2; o++) {
      if (b >= size || (a < size && sums[a]! <= sums[b]! + g)) {
        s2[o] = sums[a]!;
        p2[o] = probs[a++]! * (1 - p);
      } else {
        s2[o] = sums[b]! + g;
        p2[o] = probs[b++]! * p;
      }
    }
    sums = s2;
    probs = p2;
  }
  return { sums, probs };
}

function exactUnder(pr: DeterrenceProblem, plan: Plan): number {
  const half = Math.ceil(plan.independentFree.length / 2);
  const left = subsetSums(pr, plan.independentFree.slice(0, half));
  const right = subsetSums(pr, plan.independentFree.slice(half));
  // tail[j]: probability that the right half's sum is at least right.sums[j].
  const tail = new Float64Array(right.sums.length + 1);
  for (let j = right.sums.length - 1; j >= 0; j--) tail[j] = tail[j + 1]! + right.probs[j]!;
  let total = 0;
  for (const pattern of coupledPatterns(pr, plan)) {
    const offset = plan.offset + pattern.margin;
    // Deterred when left + right + offset ≥ 0. Left ascending, so the least right sum needed falls.
    let j = right.sums.length;
    let sum = 0;
    for (let a = 0; a < left.sums.length; a++) {
      const need = -offset - left.sums[a]!;
      while (j > 0 && right.sums[j - 1]! >= need) j--;
      sum += left.probs[a]! * tail[j]!;
    }
    total += pattern.p * sum;
  }
  return total;
}

/** The k coalitions of positive probability with the largest margin, over every rule set and coupled pattern. */
function bestCoalitions(pr: DeterrenceProblem, plans: readonly Plan[], k: number): RankedCoalition[] {
  const found = new Map<string, { acting: number[]; margin: number }>();
  for (const plan of plans) {
    if (plan.rules.p === 0) continue;
    // The independent deciders' best choice: defenders act, the attacker's helpers do not (when they can).
    const sure = plan.rules.unconditional.filter((i) => !plan.independentFree.includes(i) && !plan.coupledFree.includes(i) && !plan.coupledFixed.includes(i) && pr.p[i] === 1);
    const losses = plan.independentFree.map((i) => ({ i, loss: Math.abs(gain(pr, i, pr.weight[i]!)) })).sort((a, b) => a.loss - b.loss || a.i - b.i);
    const bestFree = plan.independentFree.filter((i) => !pr.attackerSide[i]);
    const bestMargin = bestFree.reduce((m, i) => m + gain(pr, i, pr.weight[i]!), plan.offset);
    const patterns = [...coupledPatternsTop(pr, plan, k)];
    for (const pattern of patterns) {
      for (const { flipped, loss } of smallestLosses(losses.map((l) => l.loss), k)) {
        const acting = new Set([...sure, ...bestFree, ...pattern.acting]);
        for (const f of flipped) {
          const i = losses[f]!.i;
          if (acting.has(i)) acting.delete(i);
          else acting.add(i);
        }
        const list = [...acting].sort((a, b) => a - b);
        const margin = bestMargin + pattern.margin - loss;
        const key = list.join(',');
        if (!found.has(key) || found.get(key)!.margin < margin) found.set(key, { acting: list, margin });
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => b.margin - a.margin || (a.acting.join() < b.acting.join() ? -1 : 1))
    .slice(0, k)
    .map(({ acting }) => ranked(pr, acting));
}

/** The k coupled patterns of largest margin (their acting sets copied). */
function coupledPatternsTop(pr: DeterrenceProblem, plan: Plan, k: number): { margin: number; acting: number[] }[] {
  const top: { margin: number; acting: number[] }[] = [];
  for (const pattern of coupledPatterns(pr, plan)) {
    if (top.length === k && pattern.margin <= top[k - 1]!.margin) continue;
    const acting: number[] = [];
    pattern.acting.forEach((on, i) => {
      if (on) acting.push(i);
    });
    top.push({ margin: pattern.margin, acting });
    top.sort((a, b) => b.margin - a.margin);
    if (top.length > k) top.pop();
  }
  return top;
}

/** The k smallest subset sums of ascending non-negative losses, with the subsets (indexes), smallest first. */
function smallestLosses(losses: readonly number[], k: number): { flipped: number[]; loss: number }[] {
  const out: { flipped: number[]; loss: number }[] = [{ flipped: [], loss: 0 }];
  // Best-first over subsets: from a subset whose largest index is j, add j+1, or move j to j+1.
  const frontier: { flipped: number[]; loss: number }[] = losses.length ? [{ flipped: [0], loss: losses[0]! }] : [];
  while (out.length < k && frontier.length) {
    frontier.sort((a, b) => a.loss - b.loss);
    const next = frontier.shift()!;
    out.push(next);
    const j = next.flipped[next.flipped.length - 1]!;
    if (j + 1 < losses.length) {
      frontier.push({ flipped: [...next.flipped, j + 1], loss: next.loss + losses[j + 1]! });
      frontier.push({ flipped: [...next.flipped.slice(0, -1), j + 1], loss: next.loss - losses[j]! + losses[j + 1]! });
    }
  }
  return out;
}

function ranked(pr: DeterrenceProblem, acting: number[]): RankedCoalition {
  const on = new Set(acting);
  const contributions = acting.map((i): Contribution => {
    const w = pr.needs[i]!.every((j) => on.has(j)) ? pr.weight[i]! : pr.fallback[i]!;
    return { state: String(i), side: pr.attackerSide[i] ? 'attacker' : 'defender', strength: w, reach: 'border', weight: w };
  });
  const bases: Contribution[] = [
    { state: 'attackers', side: 'attacker', strength: pr.attackerBase, reach: 'home', weight: pr.attackerBase },
    { state: 'target', side: 'defender', strength: pr.defenderBase, reach: 'home', weight: pr.defenderBase },
  ];
  const { ratio, deterred } = weigh([...bases, ...contributions], pr.ratio);
  return { acting, ratio, ofNeed: ratio / pr.ratio, deters: deterred };
}
