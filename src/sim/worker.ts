/** The worker side of parallel runs: one chunk of samples per task. Loaded through ./worker.mjs. */
import type { Kernel } from './kernel.js';
import { runPairs, runRange, type PairTally, type Tally } from './tally.js';

/** A chunk of work: samples [from, to) of one kernel, or of several on shared draws. */
export type Task =
  | { kind: 'simulate'; kernel: Kernel; seed: number; from: number; to: number }
  | { kind: 'compare'; kernels: Kernel[]; seed: number; from: number; to: number };

/** Runs one task. Deterministic in the task. */
export function runTask(task: Task): Tally | PairTally {
  return task.kind === 'simulate' ? runRange(task.kernel, task.seed, task.from, task.to) : runPairs(task.kernels, task.seed, task.from, task.to);
}
