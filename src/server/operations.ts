/**
 * Operations as data: `{ kind, request }` runs the same way when asked and when a stored run is
 * rerun, so that a rerun gives the same result. Engines (law, sim) are loaded when present.
 */
import { z } from 'zod';
import type { ActKind, Scenario } from '../model/schema.js';
import type { Resolution } from '../law/types.js';
import type { StoredRun } from '../store/store.js';
import { worldOf } from './scenarios.js';
import { atlasOf, type Atlas } from '../law/atlas.js';
import { IdSchema } from '../model/schema.js';
import { applyOverlays, type Overlay } from '../sim/overlay.js';
import { REQUEST_FIELDS } from '../model/request.js';
import { OverlaySchema } from '../model/overlay.js';
import type { RunControl } from '../sim/parallel.js';
import { runSensitivity, runSimulation } from '../sim/run.js';
import { candidateOverlays, type SensitivityReport } from '../sim/sensitivity.js';
import { prepareAct, type PreparedAct, type SimulationInput, type SimulationReport } from '../sim/simulate.js';
import { ActRequestSchema, resolveRequest, type ActRequest } from './engine.js';
import { actQueryOf } from '../law/request.js';
import { HttpError } from './errors.js';
import type { JobControl } from './jobs.js';

/** A simulation request: an act, a sample count (bounded by the server), a seed, overlays. */
export function simulateRequestSchema(maxRuns: number) {
  return ActRequestSchema.omit({ explain: true }).extend({
    runs: z.number().int().min(1).max(maxRuns, `at most ${maxRuns} runs per request`).default(10_000),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    overlays: REQUEST_FIELDS.overlays.default([]),
    parameters: z.record(IdSchema, z.number()).optional().describe('Overrides of the simulator\'s named parameters.'),
  });
}

/** A what-if request: a simulation request plus the candidate overlays to rank (generated when omitted). */
export function whatifRequestSchema(maxRuns: number) {
  return simulateRequestSchema(maxRuns).extend({
    runs: z.number().int().min(1).max(Math.max(1, Math.floor(maxRuns / 10)), `at most ${Math.floor(maxRuns / 10)} runs per candidate`).default(2_000),
    candidates: z.array(OverlaySchema).max(32).optional(),
  });
}

export type SimulateRequest = z.infer<ReturnType<typeof simulateRequestSchema>>;
export type WhatifRequest = z.infer<ReturnType<typeof whatifRequestSchema>>;

export type Operation =
  | { kind: 'resolve'; request: ActRequest }
  | { kind: 'atlas'; request: { date: string; kind?: ActKind | undefined } }
  | { kind: 'simulate'; request: SimulateRequest }
  | { kind: 'whatif'; request: WhatifRequest }
  | { kind: 'derive'; request: { id: string; name?: string | undefined; overlays: Overlay[] } };

/** What each operation answers. */
export interface OperationResults {
  resolve: Resolution;
  atlas: Atlas;
  simulate: SimulationReport;
  whatif: WhatifReport;
  derive: Scenario;
}

/** A what-if report, with the overlays it ranked so that a client can apply the change it likes. */
export type WhatifReport = SensitivityReport & { overlays: Overlay[] };

/** Runs an operation on a scenario. Deterministic for the same scenario and request; throws HttpError/QueryError on bad input. */
export async function runOperation<O extends Operation>(operation: O, scenario: Scenario, control?: JobControl): Promise<OperationResults[O['kind']]> {
  return (await perform(operation, scenario, control)) as OperationResults[O['kind']];
}

async function perform(operation: Operation, scenario: Scenario, control?: JobControl): Promise<OperationResults[Operation['kind']]> {
  switch (operation.kind) {
    case 'resolve': {
      return resolveRequest(scenario, ActRequestSchema.parse(operation.request));
    }
    case 'atlas':
      return atlasOf(worldOf(scenario, operation.request.date), {}, operation.request.kind);
    case 'simulate':
    case 'whatif':
    case 'derive':
      return simOperation(operation, scenario, control);
  }
}

/** Resolves and compiles a simulation request; throws QueryError (422) for an act or parameter that makes no sense. Pure. */
export function prepareSimulation(scenario: Scenario, request: SimulateRequest): PreparedAct {
  return prepareAct(simulationInput(scenario, request));
}

function simulationInput(scenario: Scenario, request: SimulateRequest): SimulationInput {
  const { act, assumptions } = actQueryOf(scenario.actors, request);
  return { scenario, act, assumptions, parameters: request.parameters, overlays: request.overlays };
}

async function simOperation(operation: Operation, scenario: Scenario, control?: JobControl): Promise<OperationResults[Operation['kind']]> {
  switch (operation.kind) {
    case 'simulate': {
      const request = operation.request;
      return runSimulation(prepareSimulation(scenario, request), request.runs, request.seed, runControl(request.runs, control));
    }
    case 'whatif': {
      const request = operation.request;
      const input = simulationInput(scenario, request);
      const candidates = request.candidates ?? candidateOverlays(prepareAct(input));
      const report = await runSensitivity(input, candidates, request.runs, request.seed, runControl(request.runs, control));
      // The overlays themselves, so that a client can apply the change it likes.
      return { ...report, overlays: candidates } satisfies WhatifReport;
    }
    case 'derive': {
      const derived = applyOverlays(scenario, operation.request.overlays);
      return { ...derived, id: operation.request.id, name: operation.request.name ?? `${scenario.name}, with ${operation.request.overlays.map((o) => o.title).join('; ')}` };
    }
    default:
      throw new HttpError(400, `unknown operation ${operation.kind}`);
  }
}

/** One thread, chunk by chunk, yielding between chunks so the server keeps answering; progress and cancel from the job. */
function runControl(total: number, control?: JobControl): RunControl {
  return { threads: 1, signal: control?.signal, onProgress: (done) => control?.progress(done, total) };
}

/** How two stored runs differ: their inputs, and for like kinds the figures that moved. Pure. */
export function compareRuns(a: StoredRun, b: StoredRun): unknown {
  const diff: Record<string, unknown> = {};
  if (a.kind === 'resolve' && b.kind === 'resolve') {
    const mustActOf = (r: unknown) => new Set(((r as Resolution).states ?? []).filter((s) => s.mustAct).map((s) => s.state));
    const [x, y] = [mustActOf(a.result), mustActOf(b.result)];
    diff.mustAct = { onlyA: [...x].filter((s) => !y.has(s)).sort(), onlyB: [...y].filter((s) => !x.has(s)).sort(), both: [...x].filter((s) => y.has(s)).sort() };
  }
  if (a.kind === 'simulate' && b.kind === 'simulate') {
    type Sim = { deterrence?: { p: number; ci?: [number, number] }; states?: { state: string; pFight: number }[] };
    const [x, y] = [a.result as Sim, b.result as Sim];
    diff.deterrence = { a: x.deterrence, b: y.deterrence, change: (y.deterrence?.p ?? 0) - (x.deterrence?.p ?? 0) };
    const ids = [...new Set([...(x.states ?? []), ...(y.states ?? [])].map((s) => s.state))].sort();
    diff.states = ids.map((state) => {
      const pa = x.states?.find((s) => s.state === state)?.pFight ?? 0;
      const pb = y.states?.find((s) => s.state === state)?.pFight ?? 0;
      return { state, a: pa, b: pb, change: pb - pa };
    });
  }
  const { result: _ra, ...inputA } = a;
  const { result: _rb, ...inputB } = b;
  return { a: inputA, b: inputB, sameScenario: a.scenarioHash === b.scenarioHash, diff };
}
