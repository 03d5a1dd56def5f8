/**
 * What a job does: simulate, rank what-ifs, or rerun a stored run, on the jobs' worker pool, and
 * keep the run. A job is its stored spec (kind, scenario, request), so a job resumed after a
 * restart runs exactly as it would have.
 */
import type { Store } from '../store/store.js';
import { ENGINE_VERSION } from './engine.js';
import { HttpError } from './errors.js';
import type { JobRunner } from './jobs.js';
import type { Operation } from './operations.js';
import type { ScenarioEntry, Scenarios } from './scenarios.js';
import type { ScenarioRef } from './thread-scenarios.js';
import type { Work } from './work.js';

/** A scenario entry as a task carries it: its JSON, made once per entry. */
const refs = new WeakMap<object, ScenarioRef>();
export function refOf(entry: ScenarioEntry): ScenarioRef {
  let ref = refs.get(entry.scenario);
  if (!ref) refs.set(entry.scenario, (ref = { hash: entry.hash, json: JSON.stringify(entry.scenario) }));
  return ref;
}

/** What a rerun answers: whether the stored run came out the same, and the new result. */
export interface RerunReport {
  run: number;
  same: boolean;
  scenarioChanged: boolean;
  engine: { stored: string; now: string };
  result: unknown;
}

/** The runner of a server's jobs; `onStored` runs after each run is kept (the retention). */
export function jobRunner(store: Store, scenarios: Scenarios, work: Work, onStored: () => void = () => {}): JobRunner {
  return async (spec, control) => {
    if (spec.kind === 'rerun') {
      const runId = (spec.request as { run: number }).run;
      const run = store.getRun(runId);
      if (!run) throw new HttpError(404, `no stored run ${runId}`);
      const entry = scenarios.get(run.scenario);
      const total = (run.parameters as { runs?: number }).runs ?? 0;
      const result = await work.runJob({ op: 'job', scenario: refOf(entry), operation: { kind: run.kind, request: run.parameters } as Operation }, control.signal, (done) => control.progress(done, total));
      return {
        result: {
          run: run.id,
          same: JSON.stringify(result) === JSON.stringify(run.result),
          scenarioChanged: entry.hash !== run.scenarioHash,
          engine: { stored: run.engineVersion, now: ENGINE_VERSION },
          result,
        } satisfies RerunReport,
      };
    }
    const kind = spec.kind as 'simulate' | 'whatif';
    const entry = scenarios.get(spec.scenario);
    const operation = { kind, request: spec.request } as Operation;
    const result = await work.runJob({ op: 'job', scenario: refOf(entry), operation }, control.signal, (done) => control.progress(done, spec.total));
    if (control.cancelled) return { result };
    const seed = (spec.request as { seed?: number }).seed;
    const run = store.saveRun({ kind, scenario: entry.id, scenarioHash: entry.hash, engineVersion: ENGINE_VERSION, seed, parameters: spec.request }, result);
    onStored();
    return { result, runId: run.id };
  };
}
