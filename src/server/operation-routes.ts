/** The operations: resolve answers at once; simulate and whatif become jobs; derive stores a new scenario. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { leanResolution, universalTreatiesOf, type LeanResolution } from '../law/lean.js';
import type { Resolution } from '../law/types.js';
import { REQUEST_FIELDS } from '../model/request.js';
import { IdSchema } from '../model/schema.js';
import { check, jsonBody, readJson } from './body.js';
import type { AppContext, Limits } from './context.js';
import { ActRequestSchema, ENGINE_VERSION } from './engine.js';
import { HttpError } from './errors.js';
import type { JobView } from './jobs.js';
import { jsonResponse, queryFlag } from './json-stream.js';
import { simulateRequestSchema, whatifRequestSchema, type Operation, type OperationResults } from './operations.js';
import { refOf, type RerunReport } from './runner.js';
import { summaryOf, withoutSave } from './answers.js';
import type { AnswerCache } from './answer-cache.js';
import { answers, takesJson, takesQuery } from './typed.js';

/** The resolve body: the act request and whether to keep the answer as a run. */
export const ResolveBodySchema = ActRequestSchema.extend({ save: z.boolean().default(false) });
const SaveFlag = z.strictObject({ save: z.boolean().default(false) }).loose();
/** The derive body: the new scenario's id and name, and the overlays (the request's own field). */
export const DeriveBodySchema = z.strictObject({ id: IdSchema, name: z.string().min(1).max(200).optional(), overlays: REQUEST_FIELDS.overlays.min(1) });

/** A job as the API shows it: its result is the operation's report (or a rerun's). */
export type JobAnswer = Omit<JobView, 'result'> & { result?: OperationResults['simulate'] | OperationResults['whatif'] | RerunReport };

/** What the app lends the operation routes besides its context: the cache of lean answers, and the retention. */
export interface OperationHelpers {
  cache: AnswerCache;
  prune: () => number;
}

/** The routes that run the engines. */
export function operationRoutes({ store, scenarios, work, jobs, limits }: AppContext, { cache, prune }: OperationHelpers) {
  /** Queues a simulation or what-if; the act is resolved and compiled first (on a worker), so that a bad act is a 4xx now rather than a failed job later. */
  const submit = (kind: 'simulate' | 'whatif') => async (c: Context) => {
    const entry = scenarios.get(c.req.param('id')!);
    const operation = checkedJobOperation(kind, await readJson(c), limits);
    // The queue is checked before any work.
    const place = jobs.reserve();
    try {
      await work.run({ op: 'prepare', scenario: refOf(entry), request: operation.request, limits: limits.scenario }, c.req.raw.signal);
      const job = jobs.submit({ kind, scenario: entry.id, request: operation.request, total: operation.request.runs }, place);
      return c.json(job as JobAnswer, 202, { Location: `/api/jobs/${job.id}` });
    } finally {
      place.release();
    }
  };
  return new Hono()
    .post('/api/scenarios/:id/resolve', takesJson(ResolveBodySchema), takesQuery<{ explain?: '0' | '1'; all?: '0' | '1' }>(), async (c) => {
      const entry = scenarios.get(c.req.param('id'));
      const body = await readJson(c);
      const { save } = check(SaveFlag, body);
      const request = check(ActRequestSchema, withoutSave(body));
      if (queryFlag(c, 'explain')) request.explain = true;
      const all = queryFlag(c, 'all');
      // Lean answers are remembered by scenario content and request (resolving is deterministic); saved runs are always computed.
      const cacheKey = save || all || request.explain ? undefined : `${entry.hash}\u0000${JSON.stringify(request)}`;
      const remembered = cacheKey === undefined || /no-cache/i.test(c.req.header('cache-control') ?? '') ? undefined : cache.get(cacheKey);
      type Answer = (Resolution | LeanResolution) & { runId?: number };
      if (remembered !== undefined) return answers<Answer>(c.body(remembered, 200, { 'content-type': 'application/json' }));
      if (cacheKey !== undefined) {
        // The lean answer's text is built on the worker: one string crosses threads, not the full answer's object graph.
        const text = (await work.run({ op: 'resolve', scenario: refOf(entry), request, lean: true }, c.req.raw.signal)) as unknown as string;
        cache.set(cacheKey, text);
        return answers<Answer>(c.body(text, 200, { 'content-type': 'application/json' }));
      }
      const result = await work.run({ op: 'resolve', scenario: refOf(entry), request }, c.req.raw.signal);
      const run = save ? store.saveRun({ kind: 'resolve', scenario: entry.id, scenarioHash: entry.hash, engineVersion: ENGINE_VERSION, parameters: request }, result) : undefined;
      if (run) prune();
      // Lean unless ?all=1: universal treaties one line per provision; the explanation only when asked for.
      const answer = all ? result : leanResolution(result, universalTreatiesOf(entry.scenario), { explain: request.explain });
      return answers<Answer>(jsonResponse(c, run ? { ...answer, runId: run.id } : answer, all || request.explain));
    })
    .post('/api/scenarios/:id/simulate', takesJson(simulateRequestSchema(limits.maxRuns)), (c) => submit('simulate')(c))
    .post('/api/scenarios/:id/whatif', takesJson(whatifRequestSchema(limits.maxRuns)), (c) => submit('whatif')(c))
    .get('/api/jobs/:id', (c) => {
      const job = jobs.view(c.req.param('id'));
      if (!job) throw new HttpError(404, `no job "${c.req.param('id')}" (finished jobs are kept for a while; stored runs stay under /api/runs)`);
      return c.json(job as JobAnswer);
    })
    .delete('/api/jobs/:id', (c) => {
      if (!jobs.cancel(c.req.param('id'))) throw new HttpError(404, `no job "${c.req.param('id')}"`);
      return c.json(jobs.view(c.req.param('id')) as JobAnswer);
    })
    // Derived scenarios: a base plus overlays, kept in the store.
    .post('/api/scenarios/:id/derive', takesJson(DeriveBodySchema), async (c) => {
      const entry = scenarios.get(c.req.param('id'));
      const body = await jsonBody(c, DeriveBodySchema);
      const scenario = await work.run({ op: 'derive', scenario: refOf(entry), id: body.id, name: body.name, overlays: body.overlays, limits: limits.scenario }, c.req.raw.signal);
      return c.json(summaryOf(scenarios.add(scenario, { base: entry.id, overlays: body.overlays })), 201);
    });
}

function checkedJobOperation(kind: 'simulate' | 'whatif', body: unknown, limits: Limits): Extract<Operation, { kind: 'simulate' | 'whatif' }> {
  return kind === 'simulate' ? { kind, request: check(simulateRequestSchema(limits.maxRuns), body) } : { kind, request: check(whatifRequestSchema(limits.maxRuns), body) };
}
