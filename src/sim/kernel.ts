/**
 * The kernel: everything a sample needs, in typed arrays, compiled from the law's compiled act
 * (./compile.ts). A sample draws one number per deciding state, settles the act's one fixpoint in its
 * bitmask form (law/fixpoint.ts) and weighs the two sides (power/weigh.ts): a few dozen integer and
 * float operations, no allocation beyond the random stream, no Math.exp/log/pow.
 */
import { settleMask, type MaskRules } from '../law/fixpoint.js';
import { maskBalanceRatio, ratioDeters, type MaskSides } from '../power/weigh.js';
import { sampleStream } from './random.js';

/** At most this many states may decide in one act: their choices are bits of a 32-bit integer. */
export const MAX_DECIDERS = 30;

/**
 * A compiled act ready to sample. Plain data (typed arrays), so it crosses to worker threads as it is.
 * Its sides (`MaskSides`: decider i is bit i of every mask; the attackers and the target are the bases)
 * are weighed by power/weigh.ts.
 */
export interface Kernel extends MaskSides {
  /** Decider i honours when its draw (0 … 2³²−1) is below this. */
  thresholds: Float64Array;
  /** Which of the sample's draws decider i reads. */
  slots: Int32Array;
  /** Draws per sample (≥ n when several kernels share draws). */
  draws: number;
  /** The conditional chains (with the League's finding, when it is drawn). */
  rules: Rules;
  /** When the League's finding is drawn per sample: the chains without a finding. */
  noFinding?: Rules | undefined;
  /** The League finds aggression when draw `findingSlot` is below this; slot −1 when it is not drawn. */
  findingThreshold: number;
  findingSlot: number;
}

/** The conditional chains on bitmasks over the deciders: the law's fixpoint in bitmask form. */
export type Rules = MaskRules;

/** The draw-order id of the League's finding, so that variants share that draw too. */
export const LEAGUE_DRAW = '@league';

/** The deciders that honour, as a bitmask, given a sample's draws. Pure. */
export function honourMask(k: Kernel, draws: Float64Array): number {
  let h = 0;
  for (let i = 0; i < k.n; i++) if (draws[k.slots[i]!]! < k.thresholds[i]!) h |= 1 << i;
  return h;
}

/** The chains that hold in a sample: without the League's finding when its draw says so. Pure. */
export function rulesFor(k: Kernel, draws: Float64Array): Rules {
  return k.noFinding !== undefined && draws[k.findingSlot]! >= k.findingThreshold ? k.noFinding : k.rules;
}

/** The deciders that act when those in `honours` honour: the law's one fixpoint, on bitmasks. Pure. */
export const settle: (rules: Rules, honours: number) => number = settleMask;

/** The defenders' weight divided by the attacker side's when `acting` act (power's weighing). Pure. */
export const balanceRatio: (k: Kernel, acting: number) => number = maskBalanceRatio;

/** Whether the coalition `acting` deters the attacker. Pure. */
export function deterredBy(k: Kernel, acting: number): boolean {
  return ratioDeters(balanceRatio(k, acting), k.deterrenceRatio);
}

/** Fills `out` with the draws of sample `index` (unsigned 32-bit integers). */
export function drawSample(seed: number, index: number, out: Float64Array): void {
  const stream = sampleStream(seed, index);
  for (let j = 0; j < out.length; j++) out[j] = stream.next() >>> 0;
}

/**
 * The exact probability of deterrence, by enumerating every combination of decisions (2ⁿ of
 * them, under each League finding). Pure; for checking the Monte Carlo on small acts. Throws
 * RangeError above 20 deciders.
 */
export function exactDeterrence(k: Kernel): number {
  if (k.n > 20) throw new RangeError(`exact enumeration needs at most 20 deciders, not ${k.n}`);
  if (k.noFinding === undefined) return exactUnder(k, k.rules);
  const pFinding = k.findingThreshold / 4294967296;
  return pFinding * exactUnder(k, k.rules) + (1 - pFinding) * exactUnder(k, k.noFinding);
}

function exactUnder(k: Kernel, rules: Rules): number {
  const p = Array.from(k.thresholds, (t) => t / 4294967296);
  let total = 0;
  for (let h = 0; h < 1 << k.n; h++) {
    let weight = 1;
    for (let i = 0; i < k.n; i++) weight *= (h & (1 << i)) !== 0 ? p[i]! : 1 - p[i]!;
    if (weight > 0 && deterredBy(k, settle(rules, h))) total += weight;
  }
  return total;
}

