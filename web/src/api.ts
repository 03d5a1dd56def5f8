/** The explorer's client of the casus API: typed fetches that throw the server's error message. */
import type { Resolution } from '../../src/law/types.js';
import type { CasePreset as CatalogueCase } from '../../src/server/cases.js';
import type { RegisterEntry } from '../../src/law/readings.js';
import type { Scenario, Seed, Sources } from '../../src/model/schema.js';
import type { TimelineEntry } from '../../src/world/timeline.js';
import type { World } from '../../src/world/world.js';

export type { RegisterEntry, Resolution, Seed, Sources, TimelineEntry, World };
export type Treaty = Scenario['treaties'][number];

/** The error the server answered, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
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

const post = <T>(path: string, body: unknown) => request<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export interface ScenarioSummary {
  id: string;
  name: string;
  origin: string;
  span: { from: string; until: string };
  description?: string;
}

/** A crisis preset: the server's catalogue entry, or one the lab derives from a timeline event (no assumptions, no source). */
export type CasePreset = Omit<CatalogueCase, 'assumptions' | 'source'> & Partial<Pick<CatalogueCase, 'assumptions' | 'source'>> & { /** The case's sources in words, from the API. */ citation?: string };

export interface ActRequest {
  attackers: string[];
  target: string;
  date: string;
  abstain: string[];
  transit: { grantor: string; grantee: string }[];
  /** What the act is; an armed attack when omitted. */
  kind?: string;
  leagueFinding?: 'aggression' | 'no-decision' | 'otherwise';
  provoked?: boolean;
}

export interface Job {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { done: number; total: number };
  queued: number;
  result?: SimResult & Partial<WhatifResult>;
  runId?: number;
  error?: string;
}

export interface SimResult {
  runs: number;
  seed: number;
  deterrence: { p: number; ci: [number, number] };
  states: { state: string; pFight: number; pHonour?: number }[];
  coalitions: { members: string[]; p: number }[];
  decisive?: { state: string; swing?: number; importance?: number }[];
  [key: string]: unknown;
}

export interface Overlay {
  id: string;
  title: string;
  changes: unknown[];
}

export interface WhatifResult {
  runs: number;
  seed: number;
  baseline: { p: number; ci: [number, number]; meanRatio?: number };
  candidates: { id: string; title: string; p: number; delta: number; deltaCi: [number, number]; meanRatio?: number; deltaRatio?: number; error?: string }[];
  overlays: Overlay[];
}

export interface RunSummary {
  id: number;
  kind: string;
  scenario: string;
  seed?: number;
  parameters: ActRequest & { runs?: number; overlays?: unknown[] };
  createdAt: string;
}

export interface ShapeCollection {
  source: string | null;
  validFrom: string;
  validUntil: string;
  features: { type: 'Feature'; properties: { cowcode: number; name: string; from: string; until: string; status: string; owner: number | null }; geometry: GeoJSON.Geometry }[];
}

const s = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

export const api = {
  scenarios: () => request<{ default: string; scenarios: ScenarioSummary[] }>('/api/scenarios'),
  scenario: (id: string) => request<ScenarioSummary>(s(id)),
  world: (id: string, day: string) => request<World>(`${s(id)}/world?at=${day}`),
  timeline: (id: string) => request<{ entries: TimelineEntry[]; span: { from: string; until: string } }>(`${s(id)}/timeline`),
  treaty: (id: string, treaty: string) => request<Treaty>(`${s(id)}/treaties/${encodeURIComponent(treaty)}`),
  cases: (id: string) => request<{ cases: CasePreset[] }>(`${s(id)}/cases`),
  readings: (id: string) => request<{ readings: RegisterEntry[]; seeds: Seed[] }>(`${s(id)}/readings`),
  // The lab shows every obligation and the explanation tree: the full answer.
  resolve: (id: string, act: ActRequest) => post<Resolution>(`${s(id)}/resolve?explain=1&all=1`, act),
  simulate: (id: string, body: ActRequest & { runs: number; seed: number; overlays: unknown[] }) => post<Job>(`${s(id)}/simulate`, body),
  whatif: (id: string, body: ActRequest & { runs: number; seed: number; overlays: unknown[] }) => post<Job>(`${s(id)}/whatif`, body),
  derive: (id: string, body: { id: string; overlays: unknown[] }) => post<ScenarioSummary>(`${s(id)}/derive`, body),
  job: (jobId: string) => request<Job>(`/api/jobs/${encodeURIComponent(jobId)}`),
  runs: (scenario: string) => request<{ runs: RunSummary[] }>(`/api/runs?kind=simulate&scenario=${encodeURIComponent(scenario)}&limit=20`),
  run: (runId: number) => request<RunSummary & { result: SimResult }>(`/api/runs/${runId}`),
  shapes: (day: string) => request<ShapeCollection>(`/api/shapes?at=${day}`),
};
