/**
 * What every route module shares: the limits of one server and the app's context (store,
 * scenarios, work pool, job queue). Its own module so that the routes and the OpenAPI document
 * import it without importing the app that imports them.
 */
import type { Store } from '../store/store.js';
import type { JobQueue } from './jobs.js';
import { DEFAULT_SCENARIO_LIMITS, type ScenarioLimits } from './limits.js';
import type { Scenarios } from './scenarios.js';
import type { Work, WorkLimits } from './work.js';

/** Limits on what one request may ask; each can be set per server. */
export interface Limits extends WorkLimits {
  /** Largest request body in bytes, scenario uploads excepted. */
  bodyBytes: number;
  /** Largest scenario upload in bytes. */
  scenarioBytes: number;
  /** Most simulation samples one request may ask for. */
  maxRuns: number;
  /** Simulations and what-if searches running at once. */
  concurrentJobs: number;
  /** Jobs that may wait; one more is refused with 429. */
  queuedJobs: number;
  /** Size and complexity of an uploaded or derived scenario. */
  scenario: ScenarioLimits;
}

/** Defaults sized for a two-core machine: one thread for jobs, two for requests, budgets a person will wait for. */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 256 * 1024,
  scenarioBytes: 8 * 1024 * 1024,
  maxRuns: 1_000_000,
  concurrentJobs: 1,
  queuedJobs: 4,
  requestThreads: 2,
  requestQueue: 32,
  requestBudgetMs: 15_000,
  jobBudgetMs: 10 * 60_000,
  workerHeapMb: 1024,
  scenario: DEFAULT_SCENARIO_LIMITS,
};

/** Overrides of some limits, scenario limits included. */
export type LimitOverrides = Partial<Omit<Limits, 'scenario'>> & { scenario?: Partial<ScenarioLimits> | undefined };

/** What a route module needs from the app: the store, the scenarios, the work pool and the job queue, and the limits. */
export interface AppContext {
  store: Store;
  scenarios: Scenarios;
  work: Work;
  jobs: JobQueue;
  limits: Limits;
}
