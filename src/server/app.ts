/**
 * The HTTP API: every CLI operation as JSON, scenarios and stored runs, and the built explorer.
 * `createApp` wires routes to a store and a job queue; nothing here keeps global state, so a
 * test builds as many apps as it likes and calls them in-process with `app.request()`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { z } from 'zod';
import { withCitations } from '../model/citation.js';
import { ScenarioError } from '../model/errors.js';
import { leanResolution, universalTreatiesOf } from '../law/lean.js';
import { readingsRegister } from '../law/readings.js';
import type { Resolution } from '../law/types.js';
import { IdSchema, type Scenario } from '../model/schema.js';
import { REQUEST_FIELDS } from '../model/request.js';
import type { Retention, Store, StoredRun } from '../store/store.js';
import { check, integerParam, jsonBody, queryDay, readJson, readText } from './body.js';
import { ActRequestSchema, ENGINE_VERSION } from './engine.js';
import { HttpError, onError } from './errors.js';
import { guard, routeMissing } from './guard.js';
import { JobQueue } from './jobs.js';
import { DEFAULT_SCENARIO_LIMITS, type ScenarioLimits } from './limits.js';
import { openApiDocument } from './openapi.js';
import { compareRuns, simulateRequestSchema, whatifRequestSchema, type Operation } from './operations.js';
import { jobRunner, refOf } from './runner.js';
import { Scenarios } from './scenarios.js';
import { loadCases } from './cases.js';
import { serveWeb } from './static.js';
import { AnswerCache } from './answer-cache.js';
import { registerAlignRoutes } from './align.js';
import { registerGames } from './games.js';
import { jsonResponse, queryFlag } from './json-stream.js';
import { readJsonText, runOr404, summaryOf, withoutSave } from './answers.js';
import { Work, type WorkLimits } from './work.js';

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

export interface AppOptions {
  store: Store;
  limits?: LimitOverrides | undefined;
  /** Host names the server answers to besides the loopback ones (its bound address, a public name behind a proxy). */
  hosts?: readonly string[] | undefined;
  /** Stored runs beyond this are deleted, oldest first, at start and after each new run. */
  retention?: Retention | undefined;
  /** Folder of the built explorer; no static files are served when omitted. */
  webRoot?: string | undefined;
  /** The scenario served as the default; the built-in `interwar` when omitted (tests pass a fixture). */
  builtIn?: Scenario | undefined;
  /** Keep worker threads up when idle, so that no request waits for one to start (a long-running server). */
  keepWarm?: boolean | undefined;
}

/**
 * Builds the app, resumes the jobs the store has waiting, and applies the retention. Throws
 * ScenarioError if the built-in scenario is broken. `close()` ends its worker threads.
 */
export function createApp(options: AppOptions) {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits, scenario: { ...DEFAULT_SCENARIO_LIMITS, ...options.limits?.scenario } };
  const { store } = options;
  const scenarios = new Scenarios(store, options.builtIn);
  const work = new Work(limits, limits.concurrentJobs, options.keepWarm);
  const answers = new AnswerCache();
  const prune = () => (options.retention ? store.pruneRuns(options.retention) : 0);
  const jobs = new JobQueue({ running: limits.concurrentJobs, queued: limits.queuedJobs, kept: 50 }, store, jobRunner(store, scenarios, work, prune));
  const app = new Hono();
  const context: AppContext = { store, scenarios, work, jobs, limits };
  app.onError(onError);
  app.notFound((c) => routeMissing(c, app.routes));
  app.use('*', guard({ hosts: options.hosts ?? [], yamlPaths: ['/api/scenarios'] }));

  const tooLarge = (max: number) => (c: Context) => c.json({ error: `the request body is larger than ${max} bytes` }, 413);
  app.use('/api/scenarios', async (c, next) => (c.req.method === 'POST' ? bodyLimit({ maxSize: limits.scenarioBytes, onError: tooLarge(limits.scenarioBytes) })(c, next) : next()));
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && new URL(c.req.url).pathname === '/api/scenarios') return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return bodyLimit({ maxSize: limits.bodyBytes, onError: tooLarge(limits.bodyBytes) })(c, next);
  });

  app.get('/api/health', (c) => c.json({ ok: true, engine: ENGINE_VERSION, store: { schema: store.version(), runs: store.countRuns() }, jobs: jobs.load(), work: work.load() }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(limits)));

  // Scenarios
  app.get('/api/scenarios', (c) => c.json({ default: scenarios.defaultId, scenarios: scenarios.list() }));
  app.post('/api/scenarios', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const text = await readText(c);
    if (text.trim() === '') throw new HttpError(400, 'send the scenario as the body, in YAML or JSON');
    if (type.includes('json')) await readJsonText(text);
    const file = type.includes('json') ? 'upload.json' : 'upload.yaml';
    const scenario = (await work.run({ op: 'parse', text, file, limits: limits.scenario }, c.req.raw.signal)) as Scenario;
    const entry = scenarios.add(scenario);
    return c.json(summaryOf(entry), 201);
  });
  app.get('/api/scenarios/:id', (c) => {
    const entry = scenarios.get(c.req.param('id'));
    return c.json({ ...summaryOf(entry), ...(c.req.query('full') ? { scenario: entry.scenario } : {}) });
  });
  app.delete('/api/scenarios/:id', (c) => {
    scenarios.remove(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') });
  });
  app.get('/api/scenarios/:id/days', async (c) => c.json(await work.run({ op: 'days', scenario: refOf(scenarios.get(c.req.param('id'))) }, c.req.raw.signal)));
  app.get('/api/scenarios/:id/world', async (c) => {
    const scenario = refOf(scenarios.get(c.req.param('id')));
    return c.json(await work.run({ op: 'world', scenario, date: queryDay(c, 'at') }, c.req.raw.signal));
  });
  app.get('/api/scenarios/:id/timeline', async (c) => {
    const scenario = refOf(scenarios.get(c.req.param('id')));
    const from = queryDay(c, 'from', true);
    const to = queryDay(c, 'to', true);
    if (from && to && to < from) throw new HttpError(400, `"to" ${to} is before "from" ${from}`);
    return c.json(await work.run({ op: 'timeline', scenario, from, to, kind: c.req.query('kind') }, c.req.raw.signal));
  });
  app.get('/api/scenarios/:id/treaties', async (c) => {
    const scenario = refOf(scenarios.get(c.req.param('id')));
    return c.json(await work.run({ op: 'treaties', scenario, date: queryDay(c, 'at'), state: c.req.query('state') }, c.req.raw.signal));
  });
  app.get('/api/scenarios/:id/treaties/:treaty', (c) => {
    const { scenario } = scenarios.get(c.req.param('id'));
    const treaty = scenario.treaties.find((t) => t.id === c.req.param('treaty'));
    if (!treaty) throw new HttpError(404, `no treaty "${c.req.param('treaty')}" in scenario "${c.req.param('id')}"`);
    return c.json(withCitations(treaty, scenario.seeds));
  });
  app.get('/api/scenarios/:id/events/:event', (c) => {
    const { scenario } = scenarios.get(c.req.param('id'));
    const event = scenario.events.find((e) => e.id === c.req.param('event'));
    if (!event) throw new HttpError(404, `no event "${c.req.param('event')}" in scenario "${c.req.param('id')}"`);
    return c.json(withCitations(event, scenario.seeds));
  });
  app.get('/api/scenarios/:id/cases', (c) => {
    // The catalogue belongs to the built-in scenario, and to scenarios derived from it by overlays.
    const entry = scenarios.get(c.req.param('id'));
    const home = entry.origin === 'built-in' ? entry.id : entry.origin === 'derived' && entry.base === scenarios.defaultId ? entry.base : undefined;
    return c.json({ cases: home ? withCitations(loadCases(home), entry.scenario.seeds) : [] });
  });
  // The readings register: each clause read two ways, the default and why, who holds the other reading.
  const register = (entry: ReturnType<Scenarios['get']>) => ({ scenario: entry.id, readings: readingsRegister(entry.scenario), seeds: entry.scenario.seeds });
  app.get('/api/readings', (c) => c.json(register(scenarios.get(scenarios.defaultId))));
  app.get('/api/scenarios/:id/readings', (c) => c.json(register(scenarios.get(c.req.param('id')))));

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
    const result = (await work.run({ op: 'resolve', scenario: refOf(entry), request }, c.req.raw.signal)) as Resolution;
    const run = save ? store.saveRun({ kind: 'resolve', scenario: entry.id, scenarioHash: entry.hash, engineVersion: ENGINE_VERSION, parameters: request }, result) : undefined;
    if (run) prune();
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
    return c.json(await work.run({ op: 'atlas', scenario: refOf(entry), date: queryDay(c, 'at') }, c.req.raw.signal));
  });
  for (const kind of ['simulate', 'whatif'] as const) {
    app.post(`/api/scenarios/:id/${kind}`, async (c) => {
      const entry = scenarios.get(c.req.param('id'));
      const operation = checkedJobOperation(kind, await readJson(c), limits);
      // The queue is checked before any work; then the act is resolved and compiled (on a worker), so that a bad act is a 4xx now rather than a failed job later.
      const place = jobs.reserve();
      try {
        await work.run({ op: 'prepare', scenario: refOf(entry), request: operation.request, limits: limits.scenario }, c.req.raw.signal);
        const job = jobs.submit({ kind, scenario: entry.id, request: operation.request, total: operation.request.runs }, place);
        return c.json(job, 202, { Location: `/api/jobs/${job.id}` });
      } finally {
        place.release();
      }
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
    const body = await jsonBody(c, z.strictObject({ id: IdSchema, name: z.string().min(1).max(200).optional(), overlays: REQUEST_FIELDS.overlays.min(1) }));
    const scenario = (await work.run({ op: 'derive', scenario: refOf(entry), id: body.id, name: body.name, overlays: body.overlays, limits: limits.scenario }, c.req.raw.signal)) as Scenario;
    return c.json(summaryOf(scenarios.add(scenario, { base: entry.id, overlays: body.overlays })), 201);
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
  app.delete('/api/runs/:id', (c) => {
    const run = runOr404(store, c.req.param('id'));
    store.deleteRun(run.id);
    return c.json({ deleted: run.id });
  });
  // A rerun is a job like any other: the same queue, the same bound, the same budget.
  app.post('/api/runs/:id/rerun', (c) => {
    const run = runOr404(store, c.req.param('id'));
    scenarios.get(run.scenario);
    const job = jobs.submit({ kind: 'rerun', scenario: run.scenario, request: { run: run.id, runs: (run.parameters as { runs?: number }).runs ?? 0 }, total: (run.parameters as { runs?: number }).runs ?? 0 }, jobs.reserve());
    return c.json(job, 202, { Location: `/api/jobs/${job.id}` });
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

  // Route modules go here, one line each (`registerX(app, context)`), before the explorer's catch-all;
  // the guard above (Host, Origin, JSON-only, headers) and the 405 answers apply to them unchanged.
  registerAlignRoutes(app, scenarios);
  registerGames(app, context);
  if (options.webRoot) serveWeb(app, options.webRoot);
  prune();
  jobs.resume();
  // close(): running jobs go back to the queue in the store, then the threads end.
  const close = async () => {
    jobs.shutdown();
    await work.close();
    await jobs.drained();
  };
  return Object.assign(app, { ...context, close });
}

/** What a route module needs from the app: the store, the scenarios, the work pool and the job queue, and the limits. */
export interface AppContext {
  store: Store;
  scenarios: Scenarios;
  work: Work;
  jobs: JobQueue;
  limits: Limits;
}

/** The app type, for clients and tests. */
export type App = ReturnType<typeof createApp>;


function checkedJobOperation(kind: 'simulate' | 'whatif', body: unknown, limits: Limits): Extract<Operation, { kind: 'simulate' | 'whatif' }> {
  return kind === 'simulate' ? { kind, request: check(simulateRequestSchema(limits.maxRuns), body) } : { kind, request: check(whatifRequestSchema(limits.maxRuns), body) };
}

export { ScenarioError };
