/**
 * The server's heavy work as tasks that run on a worker thread: reading an upload, deriving a
 * scenario, the world of a day, resolving, the atlas, simulations. A task is plain data (the
 * scenario travels as its JSON text and hash; a worker parses each scenario once and keeps it),
 * and so is its outcome: errors come back as data and are rebuilt as the classes the HTTP layer
 * answers with, since a thrown error loses its class between threads.
 */
import type { MessagePort } from 'node:worker_threads';
import { QueryError, ScenarioError, type Issue } from '../model/errors.js';
import { parseScenario } from '../model/parse.js';
import type { ActKind, Scenario } from '../model/schema.js';
import type { Overlay } from '../sim/overlay.js';
import { changeDays } from '../world/changes.js';
import { timelineOf, type TimelineEntry } from '../world/timeline.js';
import type { World } from '../world/world.js';
import type { Day } from '../model/day.js';
import type { Atlas } from '../law/atlas.js';
import { withCitations } from '../model/citation.js';
import { leanResolution, universalTreatiesOf } from '../law/lean.js';
import type { Resolution } from '../law/types.js';
import { stateIdOf } from '../world/names.js';
import { stateIn } from '../world/world.js';
import { checkParameter, isSimulatorParameter } from '../sim/parameters.js';
import { ActRequestSchema, leanResolveRequest, type ActRequest } from './engine.js';
import { HttpError } from './errors.js';
import { performGame, type GameTask } from './game-work.js';
import { MissingScenario, scenarioOf, type ScenarioRef } from './thread-scenarios.js';
import { checkOverlayLimits, checkScenarioLimits, type ScenarioLimits } from './limits.js';
import { prepareSimulation, runOperation, type Operation, type SimulateRequest } from './operations.js';
import { worldOf } from './scenarios.js';


/** One unit of work for a worker. */
export type WorkTask =
  | { op: 'ping' }
  | { op: 'parse'; text: string; file: string; limits: ScenarioLimits }
  | { op: 'derive'; scenario: ScenarioRef; id: string; name?: string | undefined; overlays: Overlay[]; limits: ScenarioLimits }
  | { op: 'world'; scenario: ScenarioRef; date: string }
  | { op: 'treaties'; scenario: ScenarioRef; date: string; state?: string | undefined }
  | { op: 'timeline'; scenario: ScenarioRef; from?: string | undefined; to?: string | undefined; kind?: string | undefined }
  | { op: 'days'; scenario: ScenarioRef }
  /** `lean`: answer the lean resolution's JSON text, built on the thread (a string crosses threads as one copy; the full object graph does not). */
  | { op: 'resolve'; scenario: ScenarioRef; request: ActRequest; lean?: boolean | undefined }
  | { op: 'atlas'; scenario: ScenarioRef; date: string; kind?: ActKind | undefined }
  | { op: 'prepare'; scenario: ScenarioRef; request: SimulateRequest; limits: ScenarioLimits }
  | { op: 'job'; scenario: ScenarioRef; operation: Operation; port?: MessagePort | undefined }
  | GameTask;

/** What each task answers when it succeeds; the routes' answers, and so the typed client's, are typed by it. */
export interface TaskResults {
  ping: true;
  parse: Scenario;
  derive: Scenario;
  world: World;
  treaties: { date: string; state: string | null; treaties: World['treaties']; signedNotInForce: World['signedNotInForce'] };
  timeline: { scenario: string; span: Scenario['span']; from: string | null; to: string | null; entries: TimelineEntry[] };
  days: { days: Day[] };
  resolve: Resolution;
  atlas: Atlas;
  prepare: true;
  job: unknown;
  game: unknown;
}

/** An error as data. */
export interface Failure {
  /** `missing`: the thread does not keep the scenario the task names by hash alone; send its text. */
  kind: 'http' | 'scenario' | 'query' | 'range' | 'internal' | 'missing';
  message: string;
  status?: number | undefined;
  details?: unknown;
  issues?: Issue[] | undefined;
}

/** What a task answers. */
export type WorkOutcome = { ok: true; value: unknown } | { ok: false; failure: Failure };


/** Runs a task; never throws. Deterministic for the same task. */
export async function runWork(task: WorkTask): Promise<WorkOutcome> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    if (task.op === 'job') task.port?.close();
  }
}

async function perform(task: WorkTask): Promise<unknown> {
  switch (task.op) {
    case 'ping':
      return true;
    case 'parse': {
      const scenario = parseScenario(task.text, task.file);
      checkScenarioLimits(scenario, task.limits);
      return scenario;
    }
    case 'derive': {
      checkOverlayLimits(task.overlays, task.limits);
      const base = scenarioOf(task.scenario);
      checkSetParameters(task.overlays, base);
      const derived = (await runOperation({ kind: 'derive', request: { id: task.id, name: task.name, overlays: task.overlays } }, base)) as Scenario;
      checkScenarioLimits(derived, task.limits);
      return derived;
    }
    case 'world':
      return worldOf(scenarioOf(task.scenario), task.date);
    case 'treaties': {
      const scenario = scenarioOf(task.scenario);
      const world = worldOf(scenario, task.date);
      const state = task.state === undefined ? undefined : stateIdOf(scenario.actors, task.state, 'state');
      if (state !== undefined) stateIn(world, state);
      const treaties = world.treaties.filter((t) => state === undefined || t.parties.includes(state) || t.provisions.some((p) => p.obliged.includes(state)));
      return { date: world.date, state: state ?? null, treaties, signedNotInForce: world.signedNotInForce };
    }
    case 'timeline': {
      const scenario = scenarioOf(task.scenario);
      const entries = timelineOf(scenario, task.from, task.to === undefined ? undefined : `${task.to}\u0000`).filter((e) => !task.kind || e.kind === task.kind);
      return { scenario: scenario.id, span: scenario.span, from: task.from ?? null, to: task.to ?? null, entries: withCitations(entries, scenario.seeds) };
    }
    case 'days':
      return { days: changeDays(scenarioOf(task.scenario)) };
    case 'resolve': {
      const scenario = scenarioOf(task.scenario);
      const request = ActRequestSchema.parse(task.request);
      if (task.lean && request.explain !== true) return JSON.stringify(leanResolveRequest(scenario, request)); // built lean directly, byte-equal
      const result = (await runOperation({ kind: 'resolve', request }, scenario)) as Resolution;
      return task.lean ? JSON.stringify(leanResolution(result, universalTreatiesOf(scenario), { explain: request.explain })) : result;
    }
    case 'atlas':
      return runOperation({ kind: 'atlas', request: { date: task.date, kind: task.kind } }, scenarioOf(task.scenario));
    case 'prepare':
      checkOverlayLimits(task.request.overlays, task.limits);
      prepareSimulation(scenarioOf(task.scenario), task.request);
      return true;
    case 'game':
      return performGame(task);
    case 'job': {
      // Cancelling a job ends its thread, so the run itself never sees a signal.
      const port = task.port;
      const control = { progress: (done: number) => port?.postMessage(done), cancelled: false, signal: new AbortController().signal };
      return runOperation(task.operation, scenarioOf(task.scenario), control);
    }
  }
}

/**
 * A `set-parameter` change must name a simulator parameter and give it a value in its range, or
 * name one of the scenario's own parameters (a reading, say) and keep its type: anything else
 * would be stored and then fail, or be silently ignored by, every later run. Throws QueryError.
 */
function checkSetParameters(overlays: readonly Overlay[], base: Scenario): void {
  for (const overlay of overlays) {
    for (const change of overlay.changes) {
      if (change.op !== 'set-parameter') continue;
      const where = `overlay "${overlay.id}" set-parameter`;
      if (isSimulatorParameter(change.name)) {
        checkParameter(change.name, change.value, where);
        continue;
      }
      const existing = base.parameters[change.name];
      if (!existing) throw new QueryError(`${where}: "${change.name}" is neither a simulator parameter nor one of the scenario's (${Object.keys(base.parameters).join(', ') || 'it has none'})`);
      if (typeof existing.value !== typeof change.value) throw new QueryError(`${where}: "${change.name}" takes a ${typeof existing.value}, not ${JSON.stringify(change.value)}`);
    }
  }
}

/** An error as data. */
export function failureOf(error: unknown): Failure {
  if (error instanceof MissingScenario) return { kind: 'missing', message: `scenario ${error.message} is not kept by this thread` };
  if (error instanceof HttpError) return { kind: 'http', status: error.status, message: error.message, details: error.details };
  if (error instanceof ScenarioError) return { kind: 'scenario', message: error.message, issues: error.issues };
  if (error instanceof QueryError) return { kind: 'query', message: error.message };
  if (error instanceof RangeError && !/call stack|allocation|memory/i.test(error.message)) return { kind: 'range', message: error.message };
  return { kind: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/** The error a failure stands for, as the HTTP layer knows it. */
export function errorOf(failure: Failure): Error {
  switch (failure.kind) {
    case 'http':
      return new HttpError(failure.status as never, failure.message, failure.details);
    case 'scenario':
      return new ScenarioError(failure.issues ?? []);
    case 'query':
      return new QueryError(failure.message);
    case 'range':
      return new RangeError(failure.message);
    case 'internal':
    case 'missing':
      return new Error(failure.message);
  }
}
