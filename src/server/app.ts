/**
 * The HTTP API: every CLI operation as JSON, scenarios and stored runs, and the built explorer.
 * `createApp` wires the route modules to a store and a job queue; nothing here keeps global state,
 * so a test builds as many apps as it likes and calls them in-process with `app.request()`.
 */
import { Hono, type Context } from 'hono';
import { ScenarioError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import type { Retention, Store } from '../store/store.js';
import { DEFAULT_LIMITS, type AppContext, type LimitOverrides, type Limits } from './context.js';
import { ENGINE_VERSION } from './engine.js';
import { onError } from './errors.js';
import { guard, routeMissing } from './guard.js';
import { JobQueue } from './jobs.js';
import { DEFAULT_SCENARIO_LIMITS } from './limits.js';
import { openApiDocument } from './openapi.js';
import { operationRoutes } from './operation-routes.js';
import { runRoutes } from './run-routes.js';
import { jobRunner } from './runner.js';
import { scenarioRoutes } from './scenario-routes.js';
import { Scenarios } from './scenarios.js';
import { serveWeb } from './static.js';
import { declaredBodyLimit } from './body-limit.js';
import { AnswerCache } from './answer-cache.js';
import { registerAlignRoutes } from './align.js';
import { registerGames } from './games.js';
import { Work } from './work.js';

export { DEFAULT_LIMITS, type AppContext, type LimitOverrides, type Limits } from './context.js';

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
  app.use('/api/scenarios', async (c, next) => (c.req.method === 'POST' ? declaredBodyLimit(limits.scenarioBytes, tooLarge(limits.scenarioBytes))(c, next) : next()));
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && new URL(c.req.url).pathname === '/api/scenarios') return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return declaredBodyLimit(limits.bodyBytes, tooLarge(limits.bodyBytes))(c, next);
  });

  app.get('/api/health', (c) => c.json({ ok: true, engine: ENGINE_VERSION, store: { schema: store.version(), runs: store.countRuns() }, jobs: jobs.load(), work: work.load() }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(limits)));
  app.route('/', apiRoutes(context, { cache: answers, prune }));

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

/** The app type, for clients and tests. */
export type App = ReturnType<typeof createApp>;


/** The routes the explorer calls, chained so that their types reach the typed client (web/src/api.ts). */
function apiRoutes(context: AppContext, helpers: Parameters<typeof operationRoutes>[1]) {
  return new Hono().route('/', scenarioRoutes(context)).route('/', operationRoutes(context, helpers)).route('/', runRoutes(context));
}

/** The typed routes, for hono's `hc` client. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;

export { ScenarioError };
