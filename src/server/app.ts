/**
 * The HTTP API: every CLI operation as JSON, scenarios and stored runs, and the built explorer.
 * `createApp` wires routes to a store and a job queue; nothing here keeps global state, so a
 * test builds as many apps as it likes and calls them in-process with `app.request()`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { z } from 'zod';
import { ScenarioError } from '../model/errors.js';
import { parseScenario } from '../model/parse.js';
import { IdSchema, type Scenario } from '../model/schema.js';
import { OverlaySchema } from '../sim/overlay.js';
import type { Store, StoredRun } from '../store/store.js';
import { changeDays } from '../world/changes.js';
import { timelineOf } from '../world/timeline.js';
import { stateIn } from '../world/world.js';
import { check, integerParam, jsonBody, queryDay, readJson } from './body.js';
import { ActRequestSchema, ENGINE_VERSION } from './engine.js';
import { HttpError, onError } from './errors.js';
import { JobQueue } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { compareRuns, prepareSimulation, runOperation, simulateRequestSchema, whatifRequestSchema, type Operation } from './operations.js';
import { Scenarios, worldOf } from './scenarios.js';
import { loadCases } from './cases.js';
import { serveWeb } from './static.js';
import { jsonResponse, queryFlag } from './json-stream.js';
import { AnswerCache } from './answer-cache.js';
import { leanResolution, universalTreatiesOf } from '../law/lean.js';
import type { Resolution } from '../law/types.js';

/** Limits on what one request may ask; each can be set per server. */
export interface Limits {
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
}

/** Defaults sized for a two-core machine. */
export const DEFAULT_LIMITS: Limits = { bodyBytes: 256 * 1024, scenarioBytes: 8 * 1024 * 1024, maxRuns: 1_000_000, concurrentJobs: 1, queuedJobs: 4 };

export interface AppOptions {
  store: Store;
  limits?: Partial<Limits>;
  /** Folder of the built explorer; no static files are served when omitted. */
  webRoot?: string | undefined;
  /** The scenario served as the default; the built-in `interwar` when omitted (tests pass a fixture). */
  builtIn?: Scenario | undefined;
}

/** Builds the app. Throws ScenarioError if the built-in scenario is broken. */
export function createApp(options: AppOptions) {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store } = options;
  const scenarios = new Scenarios(store, options.builtIn);
  const answers = new AnswerCache();
  const jobs = new JobQueue({ running: limits.concurrentJobs, queued: limits.queuedJobs, kept: 50 });
  const app = new Hono();
  app.onError(onError);
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

  const tooLarge = (max: number) => (c: Context) => c.json({ error: `the request body is larger than ${max} bytes` }, 413);
  app.use('/api/scenarios', async (c, next) => (c.req.method === 'POST' ? bodyLimit({ maxSize: limits.scenarioBytes, onError: tooLarge(limits.scenarioBytes) })(c, next) : next()));
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && new URL(c.req.url).pathname === '/api/scenarios') return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return bodyLimit({ maxSize: limits.bodyBytes, onError: tooLarge(limits.bodyBytes) })(c, next);
  });

  app.get('/api/health', (c) => c.json({ ok: true, engine: ENGINE_VERSION, store: { schema: store.version(), runs: store.countRuns() }, jobs: jobs.load() }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(limits)));

  // Scenarios
  app.get('/api/scenarios', (c) => c.json({ default: scenarios.defaultId, scenarios: scenarios.list() }));
  app.post('/api/scenarios', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const text = await c.req.text();
    if (text.trim() === '') throw new HttpError(400, 'send the scenario as the body, in YAML or JSON');
    if (type.includes('json')) await readJsonText(text);
    const scenario = parseScenario(text, type.includes('json') ? 'upload.json' : 'upload.yaml');
    const entry = scenarios.add(scenario);
    return c.json(summaryOf(entry), 201);
  });
  app.get('/api/scenarios/:id', (c) => {
    const entry = scenarios.get(c.req.param('id'));
    return c.json({ ...summaryOf(entry), ...(c.req.query('full') ? { scenario: entry.scenario } : {}) });
  });
  app.get('/api/scenarios/:id/days', (c) => c.json({ days: changeDays(scenarios.get(c.req.param('id')).scenario) }));
  app.get('/api/scenarios/:id/world', (c) => c.json(worldOf(scenarios.get(c.req.param('id')).scenario, queryDay(c, 'at'))));
  app.get('/api/scenarios/:id/timeline', (c) => {
    const { scenario } = scenarios.get(c.req.param('id'));
    const from = queryDay(c, 'from', true);
    const to = queryDay(c, 'to', true);
    if (from && to && to < from) throw new HttpError(400, `"to" ${to} is before "from" ${from}`);
    const kind = c.req.query('kind');
    const entries = timelineOf(scenario, from, to === undefined ? undefined : `${to}\u0000`).filter((e) => !kind || e.kind === kind);
    return c.json({ scenario: scenario.id, span: scenario.span, from: from ?? null, to: to ?? null, entries });
  });
  app.get('/api/scenarios/:id/treaties', (c) => {
    const world = worldOf(scenarios.get(c.req.param('id')).scenario, queryDay(c, 'at'));
    const state = c.req.query('state');
    if (state !== undefined) stateIn(world, state);
    const treaties = world.treaties.filter((t) => state === undefined || t.parties.includes(state) || t.provisions.some((p) => p.obliged.includes(state)));
    return c.json({ date: world.date, state: state ?? null, treaties, signedNotInForce: world.signedNotInForce });
  });
  app.get('/api/scenarios/:id/treaties/:treaty', (c) => {
    const treaty = scenarios.get(c.req.param('id')).scenario.treaties.find((t) => t.id === c.req.param('treaty'));
    if (!treaty) throw new HttpError(404, `no treaty "${c.req.param('treaty')}" in scenario "${c.req.param('id')}"`);
    return c.json(treaty);
  });
  app.get('/api/scenarios/:id/events/:event', (c) => {
    const event = scenarios.get(c.req.param('id')).scenario.events.find((e) => e.id === c.req.param('event'));
    if (!event) throw new HttpError(404, `no event "${c.req.param('event')}" in scenario "${c.req.param('id')}"`);
    return c.json(event);
  });
  app.get('/api/scenarios/:id/cases', (c) => {
    // The catalogue belongs to the built-in scenario, and to scenarios derived from it by overlays.
    const entry = scenarios.get(c.req.param('id'));
    const home = entry.origin === 'built-in' ? entry.id : entry.origin === 'derived' && entry.base === scenarios.defaultId ? entry.base : undefined;
    return c.json({ cases: home ? loadCases(home) : [] });
  });

  // Operations: resolve and atlas answer at once; simulate and whatif become jobs.
  const SaveFlag = z.strictObject({ save: z.boolean().default(false) }).loose();
  app.post('/api/scenarios/:id/resolve', async (c) => {
    const entry = scenarios.get(c.req.param('id'));
    const body = await readJson(c);
    const { save } = check(SaveFlag, body);
    const request = check(ActRequestSchema, withoutSave(body));
    if (queryFlag(c, 'explain')) request.explain = true;
    const all = queryFlag(c, 'all');
    // Lean answers are remembered by scenario content and request (resolving is deterministic); saved runs are always computed.
    const cacheKey = save || all || request.explain ? undefined : `${entry.hash}\u0000${JSON.stringify(request)}`;
    const remembered = cacheKey === undefined || /no-cache/i.test(c.req.header('cache-control') ?? '') ? undefined : answers.get(cacheKey);
    if (remembered !== undefined) return c.body(remembered, 200, { 'content-type': 'application/json' });
    const result = (await runOperation({ kind: 'resolve', request }, entry.scenario)) as Resolution;
    const run = save ? store.saveRun({ kind: 'resolve', scenario: entry.id, scenarioHash: entry.hash, engineVersion: ENGINE_VERSION, parameters: request }, result) : undefined;
    // Lean unless ?all=1: universal treaties one line per provision; the explanation only when asked for.
    const answer = all ? result : leanResolution(result, universalTreatiesOf(entry.scenario), { explain: request.explain });
    if (cacheKey !== undefined) {
      const text = JSON.stringify(answer);
      answers.set(cacheKey, text);
      return c.body(text, 200, { 'content-type': 'application/json' });
    }
    return jsonResponse(c, run ? { ...answer, runId: run.id } : answer, all || request.explain);
  });
  app.get('/api/scenarios/:id/atlas', async (c) => {
    const entry = scenarios.get(c.req.param('id'));
    return c.json(await runOperation({ kind: 'atlas', request: { date: queryDay(c, 'at') } }, entry.scenario));
  });
  for (const kind of ['simulate', 'whatif'] as const) {
    app.post(`/api/scenarios/:id/${kind}`, async (c) => {
      const entry = scenarios.get(c.req.param('id'));
      const operation = checkedJobOperation(kind, await readJson(c), limits);
      // Resolved and compiled before queueing, so that a bad act is a 4xx now rather than a failed job later.
      prepareSimulation(entry.scenario, operation.request);
      const job = jobs.submit(kind, (operation.request as { runs?: number }).runs ?? 0, async (control) => {
        const result = await runOperation(operation, entry.scenario, control);
        if (control.cancelled) return { result };
        const run = store.saveRun(
          { kind, scenario: entry.id, scenarioHash: entry.hash, engineVersion: ENGINE_VERSION, seed: (operation.request as { seed?: number }).seed, parameters: operation.request },
          result,
        );
        return { result, runId: run.id };
      });
      return c.json(job, 202, { Location: `/api/jobs/${job.id}` });
    });
  }
  app.get('/api/jobs/:id', (c) => {
    const job = jobs.view(c.req.param('id'));
    if (!job) throw new HttpError(404, `no job "${c.req.param('id')}" (finished jobs are kept for a while; stored runs stay under /api/runs)`);
    return c.json(job);
  });
  app.delete('/api/jobs/:id', (c) => {
    if (!jobs.cancel(c.req.param('id'))) throw new HttpError(404, `no job "${c.req.param('id')}"`);
    return c.json(jobs.view(c.req.param('id')));
  });

  // Derived scenarios: a base plus overlays, kept in the store.
  app.post('/api/scenarios/:id/derive', async (c) => {
    const entry = scenarios.get(c.req.param('id'));
    const body = await jsonBody(c, z.strictObject({ id: IdSchema, name: z.string().min(1).max(200).optional(), overlays: z.array(OverlaySchema).min(1).max(16) }));
    const scenario = await runOperation({ kind: 'derive', request: body }, entry.scenario);
    return c.json(summaryOf(scenarios.add(scenario as never, { base: entry.id, overlays: body.overlays })), 201);
  });

  // Stored runs
  app.get('/api/runs', (c) => {
    const limit = Math.min(200, c.req.query('limit') ? integerParam(c.req.query('limit'), 'limit') : 50);
    const offset = c.req.query('offset') ? integerParam(c.req.query('offset'), 'offset') : 0;
    const kind = c.req.query('kind');
    if (kind !== undefined && !['resolve', 'simulate', 'whatif'].includes(kind)) throw new HttpError(400, `kind must be resolve, simulate or whatif`);
    return c.json({ runs: store.listRuns({ limit, offset, kind: kind as StoredRun['kind'] | undefined, scenario: c.req.query('scenario') }), total: store.countRuns() });
  });
  app.get('/api/runs/compare', (c) => {
    const a = runOr404(store, c.req.query('a'));
    const b = runOr404(store, c.req.query('b'));
    return c.json(compareRuns(a, b));
  });
  app.get('/api/runs/:id', (c) => c.json(runOr404(store, c.req.param('id'))));
  app.post('/api/runs/:id/rerun', async (c) => {
    const run = runOr404(store, c.req.param('id'));
    const entry = scenarios.get(run.scenario);
    const result = await runOperation({ kind: run.kind, request: run.parameters } as Operation, entry.scenario);
    return c.json({
      run: run.id,
      same: JSON.stringify(result) === JSON.stringify(run.result),
      scenarioChanged: entry.hash !== run.scenarioHash,
      engine: { stored: run.engineVersion, now: ENGINE_VERSION },
      result,
    });
  });

  // Imported map shapes (CShapes), for the map of the day.
  app.use('/api/shapes', compress());
  app.get('/api/shapes', (c) => {
    const day = queryDay(c, 'at');
    const info = store.shapesInfo();
    const shapes = store.shapesOn(day);
    // The days over which this same set of shapes holds, so that a client scrubbing the timeline asks again only when it changes.
    const validFrom = shapes.reduce((d, s) => (s.from > d ? s.from : d), '0000-01-01');
    const validUntil = shapes.reduce((d, s) => (s.until < d ? s.until : d), '9999-12-31');
    return c.json({ date: day, validFrom, validUntil, source: info.source ?? null, type: 'FeatureCollection', features: shapes.map(({ geometry, ...properties }) => ({ type: 'Feature', properties, geometry })) });
  });
  app.get('/api/shapes/info', (c) => c.json(store.shapesInfo()));

  app.all('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  if (options.webRoot) serveWeb(app, options.webRoot);
  return Object.assign(app, { jobs, scenarios, limits });
}

/** The app type, for clients and tests. */
export type App = ReturnType<typeof createApp>;

function summaryOf(entry: ReturnType<Scenarios['get']>) {
  const { scenario } = entry;
  return {
    id: entry.id,
    name: entry.name,
    hash: entry.hash,
    origin: entry.origin,
    base: entry.base,
    overlays: entry.overlays,
    description: scenario.description,
    span: scenario.span,
    counts: { actors: scenario.actors.length, treaties: scenario.treaties.length, events: scenario.events.length, territories: scenario.territories.length },
    parameters: scenario.parameters,
  };
}

function withoutSave(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { save: _save, ...rest } = body as Record<string, unknown>;
  return rest;
}

async function readJsonText(text: string): Promise<void> {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
}

function runOr404(store: Store, id: string | undefined): StoredRun {
  const n = integerParam(id, 'run id', 404);
  const run = store.getRun(n);
  if (!run) throw new HttpError(404, `no stored run ${n}`);
  return run;
}

function checkedJobOperation(kind: 'simulate' | 'whatif', body: unknown, limits: Limits): Extract<Operation, { kind: 'simulate' | 'whatif' }> {
  return kind === 'simulate' ? { kind, request: check(simulateRequestSchema(limits.maxRuns), body) } : { kind, request: check(whatifRequestSchema(limits.maxRuns), body) };
}

export { ScenarioError };
