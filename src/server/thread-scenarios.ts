/** The scenarios a worker thread keeps, by content hash: a task names one by hash alone, with its text only when needed. */
import type { Scenario } from '../model/schema.js';

/**
 * A scenario as a task carries it. The pool sends the hash alone first (./work.ts): copying a
 * 450 KB JSON text to a thread on every request cost the event loop more than resolving did. A
 * thread that does not keep the scenario answers `missing`, and the task is sent again with the text.
 */
export interface ScenarioRef {
  hash: string;
  json?: string | undefined;
}

const SCENARIOS_KEPT = 8;
const parsed = new Map<string, Scenario>();

/** The scenario of a reference, parsed once per thread (the most recently used few are kept). */
export function scenarioOf(ref: ScenarioRef): Scenario {
  let scenario = parsed.get(ref.hash);
  if (scenario) parsed.delete(ref.hash);
  else if (ref.json === undefined) throw new MissingScenario(ref.hash);
  else scenario = JSON.parse(ref.json) as Scenario;
  parsed.set(ref.hash, scenario);
  if (parsed.size > SCENARIOS_KEPT) parsed.delete(parsed.keys().next().value!);
  return scenario;
}

/** Thrown when a task names by hash alone a scenario this thread does not keep. */
export class MissingScenario extends Error {}
