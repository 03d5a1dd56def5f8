/**
 * The explorer's client of the casus API: hono's `hc`, typed by the server's own routes
 * (src/server/app.ts `ApiRoutes`), so that a route or a request schema that changes on the server
 * fails to compile here. Each call throws the server's error message as an ApiError.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { z } from 'zod';
import type { Resolution } from '../../src/law/types.js';
import type { RegisterEntry } from '../../src/law/readings.js';
import type { ActRequestSchema } from '../../src/model/request.js';
import type { Overlay } from '../../src/model/overlay.js';
import type { Seed, Sources } from '../../src/model/schema.js';
import type { ApiRoutes } from '../../src/server/app.js';
import type { CasePreset as CatalogueCase } from '../../src/server/cases.js';
import type { JobAnswer } from '../../src/server/operation-routes.js';
import type { simulateRequestSchema, whatifRequestSchema, WhatifReport } from '../../src/server/operations.js';
import type { SimulationReport } from '../../src/sim/simulate.js';
import type { RunSummary } from '../../src/store/store.js';
import type { TimelineEntry } from '../../src/world/timeline.js';
import type { World } from '../../src/world/world.js';

export type { Overlay, RegisterEntry, Resolution, Seed, Sources, TimelineEntry, World };

/** The error the server answered, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Same origin: the explorer is served by the API it calls (and proxied to it by vite in development).
const client = hc<ApiRoutes>(typeof location === 'undefined' ? 'http://localhost/' : location.origin);

/** The body of a successful answer; an ApiError with the server's message otherwise. */
async function call<T>(pending: Promise<ClientResponse<T>>): Promise<T> {
  const response = await pending;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(response.status, `the server answered ${response.status} without JSON`);
  }
  if (!response.ok) throw new ApiError(response.status, (body as { error?: string }).error ?? `HTTP ${response.status}`);
  return body as T;
}

/** An act and its assumptions as the explorer sends them: the server's own request schema. */
export type ActRequest = z.input<typeof ActRequestSchema>;
/** A simulation's report; a what-if's adds the ranked candidates. */
export type SimResult = SimulationReport;
export type WhatifResult = WhatifReport;
/** A job as polled, with the report its kind answers (a simulation's, a what-if's, a rerun's). */
export type Job<R = JobAnswer['result']> = Omit<JobAnswer, 'result'> & { result?: R | undefined };
/** A stored run: its parameters are the request it answered. */
export type StoredRun = Omit<RunSummary, 'parameters'> & { parameters: Partial<SimulateBody> };
type SimulateBody = z.input<ReturnType<typeof simulateRequestSchema>>;
type WhatifBody = z.input<ReturnType<typeof whatifRequestSchema>>;
export type Treaty = Awaited<ReturnType<typeof api.treaty>>;
export type ScenarioSummary = Awaited<ReturnType<typeof api.scenarios>>['scenarios'][number];
type Shapes = Awaited<ReturnType<typeof shapes>>;
/** Shapes of a day; the geometry is GeoJSON (its recursive type does not survive hono's JSON typing). */
export type ShapeCollection = Omit<Shapes, 'features'> & { features: (Omit<Shapes['features'][number], 'geometry'> & { geometry: GeoJSON.Geometry })[] };
const shapes = (day: string) => call(client.api.shapes.$get({ query: { at: day } }));

/** A crisis preset: the server's catalogue entry, or one the lab derives from a timeline event (no assumptions, no source). */
export type CasePreset = Omit<CatalogueCase, 'assumptions' | 'source'> & Partial<Pick<CatalogueCase, 'assumptions' | 'source'>> & { /** The case's sources in words, from the API. */ citation?: string };

const scenario = (id: string) => client.api.scenarios[':id'];
const param = (id: string) => ({ param: { id } });

export const api = {
  scenarios: () => call(client.api.scenarios.$get()),
  scenario: (id: string) => call(scenario(id).$get({ ...param(id), query: {} })),
  world: (id: string, day: string) => call(scenario(id).world.$get({ ...param(id), query: { at: day } })),
  timeline: (id: string) => call(scenario(id).timeline.$get({ ...param(id), query: {} })),
  treaty: (id: string, treaty: string) => call(scenario(id).treaties[':treaty'].$get({ param: { id, treaty } })),
  cases: (id: string) => call(scenario(id).cases.$get(param(id))) as Promise<{ cases: CasePreset[] }>,
  readings: (id: string) => call(scenario(id).readings.$get(param(id))),
  // A job answers the report of its kind; the caller polls the job it started, so knows which.
  job: <R>(jobId: string) => call(client.api.jobs[':id'].$get(param(jobId))) as Promise<Job<R>>,
  // The lab shows every obligation and the explanation tree: the full answer (`all=1`), never the lean one.
  resolve: (id: string, act: ActRequest) => call(scenario(id).resolve.$post({ ...param(id), query: { explain: '1', all: '1' }, json: act })) as Promise<Resolution>,
  simulate: (id: string, body: SimulateBody) => call(scenario(id).simulate.$post({ ...param(id), json: body })) as Promise<Job<SimResult>>,
  whatif: (id: string, body: WhatifBody) => call(scenario(id).whatif.$post({ ...param(id), json: body })) as Promise<Job<WhatifResult>>,
  derive: (id: string, body: { id: string; overlays: Overlay[] }) => call(scenario(id).derive.$post({ ...param(id), json: body })),
  // Stored runs are asked for by kind: their parameters and results are that kind's.
  runs: (scenarioId: string) => call(client.api.runs.$get({ query: { kind: 'simulate', scenario: scenarioId, limit: '20' } })) as Promise<{ runs: StoredRun[]; total: number }>,
  run: (runId: number) => call(client.api.runs[':id'].$get(param(String(runId)))) as unknown as Promise<StoredRun & { result: SimResult }>,
  shapes: (day: string) => shapes(day) as Promise<ShapeCollection>,
};
