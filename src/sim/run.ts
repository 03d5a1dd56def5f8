/** Simulation and comparison runs spread over threads, with progress and a clean stop. */
import { mergePairs, mergeTallies, type PairTally, type Tally } from './tally.js';
import { runChunks, type RunControl } from './parallel.js';
import { checkRun, chunksOf, reportOf, type PreparedAct, type SimulationReport } from './simulate.js';
import type { Overlay } from './overlay.js';
import { prepareCandidates, sensitivityReport, type SensitivityReport } from './sensitivity.js';
import type { SimulationInput } from './simulate.js';
import type { Task } from './worker.js';

/** Runs a prepared act over `control.threads` threads. The report is the same for any thread count. */
export async function runSimulation(prepared: PreparedAct, runs: number, seed: number, control: RunControl): Promise<SimulationReport> {
  checkRun(runs, seed);
  const kernel = prepared.compiled.kernel;
  const tasks: Task[] = chunksOf(runs).map(([from, to]) => ({ kind: 'simulate', kernel, seed, from, to }));
  const run = await runChunks<Tally>(tasks, control);
  return reportOf(prepared, mergeTallies(kernel.n, run.results), seed, run.interrupted);
}

/** Runs a baseline (first) and its variants on shared draws. The sums are the same for any thread count. */
export async function runComparison(prepared: readonly PreparedAct[], runs: number, seed: number, control: RunControl): Promise<{ tally: PairTally; interrupted: boolean }> {
  checkRun(runs, seed);
  const kernels = prepared.map((p) => p.compiled.kernel);
  const tasks: Task[] = chunksOf(runs).map(([from, to]) => ({ kind: 'compare', kernels, seed, from, to }));
  const run = await runChunks<PairTally>(tasks, control);
  return { tally: mergePairs(kernels.length, run.results), interrupted: run.interrupted };
}

/** Ranks candidate overlays by how much each moves the probability of deterrence (common random numbers). */
export async function runSensitivity(input: SimulationInput, candidates: readonly Overlay[], runs: number, seed: number, control: RunControl): Promise<SensitivityReport> {
  const { baseline, variants } = prepareCandidates(input, candidates);
  let column = 0;
  const columns = variants.map((v) => ({ ...v, column: v.prepared ? ++column : undefined }));
  const prepared = [baseline, ...variants.flatMap((v) => (v.prepared ? [v.prepared] : []))];
  const { tally, interrupted } = await runComparison(prepared, runs, seed, control);
  return sensitivityReport(baseline, columns, tally, seed, interrupted);
}
