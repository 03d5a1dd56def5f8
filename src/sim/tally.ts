/**
 * Running a kernel over ranges of samples: counts per range, summed in any order to the same totals
 * (so chunks may run on any thread), and paired runs of variants on the same draws.
 */
import { ratioDeters } from '../power/weigh.js';
import { balanceRatio, drawSample, honourMask, rulesFor, settle, type Kernel } from './kernel.js';

/** Counts over a range of samples; sums of counts, so chunks merge in any order to the same totals. */
export interface Tally {
  samples: number;
  deterred: number;
  /** Per decider: samples in which it honoured, and those of them in which the attacker was deterred. */
  honours: number[];
  honoursDeterred: number[];
  /** [acting mask, samples], sorted by mask: at most COALITIONS_KEPT, the likeliest (see `keepLikeliest`). */
  coalitions: [number, number][];
  /** Samples whose coalition was not kept in `coalitions`. */
  otherSamples: number;
  /** Per decider: samples in which it acted. And the sum over samples of the balance ratio. */
  fights: number[];
  ratioSum: number;
}

/**
 * Distinct coalitions a tally keeps: with thirty deciders a run meets hundreds of thousands (947,000
 * at 28 deciders: 396 MB as a list), of which a report lists fifty. Memory stays bounded whatever the
 * count; per-decider figures come from `fights`, not from the list.
 */
export const COALITIONS_KEPT = 4096;

/** The `COALITIONS_KEPT` likeliest coalitions (ties: lower mask first), sorted by mask, and the samples of the rest. Pure. */
function keepLikeliest(entries: [number, number][]): { coalitions: [number, number][]; dropped: number } {
  if (entries.length <= COALITIONS_KEPT) return { coalitions: entries.sort((a, b) => a[0] - b[0]), dropped: 0 };
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = entries.slice(0, COALITIONS_KEPT).sort((a, b) => a[0] - b[0]);
  return { coalitions: kept, dropped: entries.slice(COALITIONS_KEPT).reduce((sum, [, count]) => sum + count, 0) };
}

/** Runs samples [from, to) of a kernel under a seed. Pure (deterministic in its arguments). */
export function runRange(k: Kernel, seed: number, from: number, to: number): Tally {
  const draws = new Float64Array(k.draws);
  const honours = new Float64Array(k.n);
  const honoursDeterred = new Float64Array(k.n);
  const dense = k.n <= 16 ? new Float64Array(1 << k.n) : undefined;
  const sparse = new Map<number, number>();
  const fights = new Float64Array(k.n);
  let ratioSum = 0;
  let deterred = 0;
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    const h = honourMask(k, draws);
    const acting = settle(rulesFor(k, draws), h);
    const ratio = balanceRatio(k, acting);
    ratioSum += ratio;
    const d = ratioDeters(ratio, k.deterrenceRatio);
    if (d) deterred++;
    for (let i = 0; i < k.n; i++) {
      if ((acting & (1 << i)) !== 0) fights[i]!++;
      if ((h & (1 << i)) !== 0) {
        honours[i]!++;
        if (d) honoursDeterred[i]!++;
      }
    }
    if (dense) dense[acting]!++;
    else sparse.set(acting, (sparse.get(acting) ?? 0) + 1);
  }
  const { coalitions, dropped } = keepLikeliest(dense ? [...dense].flatMap((count, mask) => (count > 0 ? [[mask, count] as [number, number]] : [])) : [...sparse]);
  return { samples: to - from, deterred, honours: [...honours], honoursDeterred: [...honoursDeterred], coalitions, otherSamples: dropped, fights: [...fights], ratioSum };
}

/** Sums tallies of the same kernel. Pure; the order of the tallies does not matter. */
export function mergeTallies(n: number, tallies: readonly Tally[]): Tally {
  const honours = new Array<number>(n).fill(0);
  const honoursDeterred = new Array<number>(n).fill(0);
  const fights = new Array<number>(n).fill(0);
  const coalitions = new Map<number, number>();
  let samples = 0;
  let deterred = 0;
  let otherSamples = 0;
  let ratioSum = 0;
  for (const t of tallies) {
    samples += t.samples;
    deterred += t.deterred;
    otherSamples += t.otherSamples;
    ratioSum += t.ratioSum;
    for (let i = 0; i < n; i++) {
      honours[i]! += t.honours[i]!;
      honoursDeterred[i]! += t.honoursDeterred[i]!;
      fights[i]! += t.fights[i]!;
    }
    for (const [mask, count] of t.coalitions) coalitions.set(mask, (coalitions.get(mask) ?? 0) + count);
  }
  const kept = keepLikeliest([...coalitions]);
  return { samples, deterred, honours, honoursDeterred, coalitions: kept.coalitions, otherSamples: otherSamples + kept.dropped, fights, ratioSum };
}

/** The bare kernel the benchmark compares with: draws a sample's numbers and sums every weight. */
export function bareRange(k: Kernel, seed: number, from: number, to: number): number {
  const draws = new Float64Array(k.draws);
  let total = 0;
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    let sum = k.attackerBase + k.defenderBase;
    for (let i = 0; i < k.n; i++) sum += k.weights[i]!;
    total += sum;
  }
  return total;
}

/** Counts of a paired run: kernel 0 is the baseline, the others variants on the same draws. */
export interface PairTally {
  samples: number;
  /** Per kernel: samples in which the attacker was deterred. */
  deterred: number[];
  /** Per kernel: samples deterred under it but not under the baseline, and the reverse. */
  gained: number[];
  lost: number[];
  /** Per kernel: the sum over samples of the balance ratio (defenders ÷ attacker side). */
  ratioSum: number[];
}

/**
 * Runs samples [from, to) of several kernels on the same draws (common random numbers): the
 * kernels must share one draw order (compileAct's `order`). Deterministic in its arguments.
 */
export function runPairs(kernels: readonly Kernel[], seed: number, from: number, to: number): PairTally {
  const draws = new Float64Array(Math.max(...kernels.map((k) => k.draws)));
  const m = kernels.length;
  const deterred = new Float64Array(m);
  const gained = new Float64Array(m);
  const lost = new Float64Array(m);
  const ratioSum = new Float64Array(m);
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    const k0 = kernels[0]!;
    const r0 = balanceRatio(k0, settle(rulesFor(k0, draws), honourMask(k0, draws)));
    const base = ratioDeters(r0, k0.deterrenceRatio);
    ratioSum[0]! += r0;
    if (base) deterred[0]!++;
    for (let j = 1; j < m; j++) {
      const k = kernels[j]!;
      const r = balanceRatio(k, settle(rulesFor(k, draws), honourMask(k, draws)));
      ratioSum[j]! += r;
      const d = ratioDeters(r, k.deterrenceRatio);
      if (d) deterred[j]!++;
      if (d && !base) gained[j]!++;
      else if (base && !d) lost[j]!++;
    }
  }
  return { samples: to - from, deterred: [...deterred], gained: [...gained], lost: [...lost], ratioSum: [...ratioSum] };
}

/** Sums paired tallies. Pure; order does not matter. */
export function mergePairs(m: number, tallies: readonly PairTally[]): PairTally {
  const sum = (pick: (t: PairTally) => number[]) => Array.from({ length: m }, (_, j) => tallies.reduce((s, t) => s + pick(t)[j]!, 0));
  return { samples: tallies.reduce((s, t) => s + t.samples, 0), deterred: sum((t) => t.deterred), gained: sum((t) => t.gained), lost: sum((t) => t.lost), ratioSum: sum((t) => t.ratioSum) };
}
