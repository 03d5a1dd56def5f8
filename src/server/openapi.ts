/** The OpenAPI 3.1 document of the API, built from the same zod schemas that check requests (the shared one is src/model/request.ts). */
import { z } from 'zod';
import { ActRequestSchema, ENGINE_VERSION } from './engine.js';
import { simulateRequestSchema, whatifRequestSchema } from './operations.js';
import { DeriveBodySchema, ResolveBodySchema } from './operation-routes.js';
import { RequestSchema } from '../model/request.js';
import { ActKindSchema } from '../model/schema.js';
import type { Limits } from './context.js';
import { gamesOpenApiPaths } from './games.js';

const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
const dayParam = (name: string, required = true) => ({ name, in: 'query', required, schema: { type: 'string', format: 'date' }, description: 'A day, YYYY-MM-DD.' });
const idParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });
const scenarioParam = idParam('id', 'Scenario id; `interwar` is built in.');
const guarded = {
  '403': error('A Host this server does not answer to (DNS rebinding), or a state-changing request from another origin (CSRF)'),
  '405': error('The path does not take this method; the Allow header lists those it takes'),
  '503': error('Every worker is busy and the queue of requests is full, or the work needed more memory than workerHeapMb; or the store cannot be written (nothing was stored)'),
  '504': error('The work ran over requestBudgetMs and was stopped'),
};
const common = { '400': error('Malformed or invalid input'), '404': error('Unknown scenario or id'), '422': error('A question the scenario cannot answer (a day outside it, a state that does not exist that day)'), ...guarded };
const writes = { '413': error('Too large: the body (bodyBytes, scenarioBytes) or a scenario limit, named in the message'), '415': error('The body is not application/json (or, for an upload, application/yaml)'), '507': error('The store is full: nothing was stored') };

/** The document. Pure. */
export function openApiDocument(limits: Limits): unknown {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  const object = { type: 'object', additionalProperties: true };
  return {
    openapi: '3.1.0',
    info: {
      title: 'casus API',
      version: ENGINE_VERSION,
      description: `The collective-security system of the 1930s as JSON. Errors are { error } with a 4xx or 5xx status. Bodies over ${limits.bodyBytes} bytes (scenario uploads: ${limits.scenarioBytes}) get 413, and so does a scenario over a limit of x-limits.scenario (a chain of conditions over chainLength gets 422); more than ${limits.concurrentJobs} running and ${limits.queuedJobs} waiting jobs get 429; work over ${limits.requestBudgetMs / 1000} s gets 504 (jobs: ${limits.jobBudgetMs / 1000} s, then they fail); a full store gets 507 and keeps nothing. Bodies must be application/json (415); state-changing requests from another origin and unknown Host names get 403.`,
    },
    'x-limits': limits,
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, issues: {} } },
        Request: schema(RequestSchema),
        ActRequest: schema(ActRequestSchema),
        ResolveBody: schema(ResolveBodySchema),
        DeriveBody: schema(DeriveBodySchema),
        SimulateRequest: schema(simulateRequestSchema(limits.maxRuns)),
        WhatifRequest: schema(whatifRequestSchema(limits.maxRuns)),
        Job: { type: 'object', properties: { id: { type: 'string', format: 'uuid', description: 'UUIDv7: unique across restarts' }, kind: { type: 'string' }, status: { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }, progress: { type: 'object', properties: { done: { type: 'integer' }, total: { type: 'integer' } } }, result: {}, runId: { type: 'integer' }, error: { type: 'string' } } },
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Server, store and job queue status', responses: { '200': json(object) } } },
      '/api/scenarios': {
        get: { summary: 'List scenarios', responses: { '200': json(object) } },
        post: {
          summary: 'Upload a scenario (YAML or JSON body; `include` is refused)',
          requestBody: { content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: object } } },
          responses: { '201': json(object, 'Stored'), ...common, ...writes, '409': error('The id is taken'), '422': error('Invalid scenario, or a chain of conditions longer than chainLength') },
        },
      },
      '/api/scenarios/{id}': {
        get: { summary: 'A scenario’s summary (`?full=1` adds the whole scenario)', parameters: [scenarioParam], responses: { '200': json(object), ...common } },
        delete: { summary: 'Delete an uploaded or derived scenario (its runs stay)', parameters: [scenarioParam], responses: { '200': json(object), ...common, '409': error('The built-in scenario cannot be deleted') } },
      },
      '/api/scenarios/{id}/days': { get: { summary: 'Days on which the world changes', parameters: [scenarioParam], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/world': { get: { summary: 'The world on a day', parameters: [scenarioParam, dayParam('at')], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/timeline': { get: { summary: 'Events and milestones', parameters: [scenarioParam, dayParam('from', false), dayParam('to', false), { name: 'kind', in: 'query', schema: { type: 'string' } }], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/treaties': { get: { summary: 'Treaties in force on a day', parameters: [scenarioParam, dayParam('at'), { name: 'state', in: 'query', schema: { type: 'string' } }], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/treaties/{treaty}': { get: { summary: 'A treaty as written, with provisions and sources', parameters: [scenarioParam, idParam('treaty', 'Treaty id')], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/events/{event}': { get: { summary: 'An event with its sources', parameters: [scenarioParam, idParam('event', 'Event id')], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/cases': { get: { summary: 'Historical crises to load into the crisis lab', parameters: [scenarioParam], responses: { '200': json(object), ...common } } },
      '/api/readings': { get: { summary: 'The readings register of the default scenario: each clause read two ways, quoted, the default and why, who holds the other reading', responses: { '200': json(object) } } },
      '/api/scenarios/{id}/readings': { get: { summary: 'A scenario’s readings register, with its seed texts', parameters: [scenarioParam], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/resolve': {
        post: {
          summary: 'Who is bound, on what condition, who breaches, who can reach (`save: true` keeps it as a run). Universal treaties (Covenant, Kellogg-Briand) come as one line per provision in `universal` unless `?all=1`; the explanation only with `?explain=1`',
          parameters: [scenarioParam, { name: 'explain', in: 'query', schema: { enum: ['0', '1'] } }, { name: 'all', in: 'query', schema: { enum: ['0', '1'] } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ResolveBody' } } } },
          responses: { '200': json(object), ...common, ...writes },
        },
      },
      '/api/scenarios/{id}/atlas': { get: { summary: 'Who must act, for every ordered pair of states on a day', parameters: [scenarioParam, dayParam('at'), { name: 'kind', in: 'query', required: false, description: 'The kind of act every pair is resolved for (default attack).', schema: { type: 'string', enum: [...ActKindSchema.options] } }], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/align': { get: { summary: 'Landscape-theory alignment across time (Axelrod & Bennett 1993), each step scored against the paper', parameters: [scenarioParam, dayParam('from', false), dayParam('to', false), { name: 'step', in: 'query', required: false, schema: { type: 'string', pattern: '^[0-9]{1,3}[dmy]$' }, description: 'Step: 3m, 1y, 10d (default 3m).' }, { name: 'variant', in: 'query', required: false, schema: { type: 'string' }, description: 'Propensity variant (default ab1993).' }, { name: 'states', in: 'query', required: false, schema: { type: 'string' }, description: 'Comma-separated state ids, 2 to 20 (default the paper\'s 17).' }], responses: { '200': json(object), ...common } } },
      '/api/scenarios/{id}/simulate': {
        post: { summary: 'Start a seeded Monte Carlo simulation as a job', parameters: [scenarioParam], requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SimulateRequest' } } } }, responses: { '202': json({ $ref: '#/components/schemas/Job' }, 'Queued'), ...common, ...writes, '429': error('Too much work queued') } },
      },
      '/api/scenarios/{id}/whatif': {
        post: { summary: 'Rank single overlays by how much they move deterrence, as a job', parameters: [scenarioParam], requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WhatifRequest' } } } }, responses: { '202': json({ $ref: '#/components/schemas/Job' }, 'Queued'), ...common, ...writes, '429': error('Too much work queued') } },
      },
      '/api/scenarios/{id}/derive': {
        post: { summary: 'Store a new scenario: this one with overlays applied', parameters: [scenarioParam], requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DeriveBody' } } } }, responses: { '201': json(object, 'Stored'), ...common, ...writes, '409': error('The id is taken') } },
      },
      '/api/jobs/{id}': {
        get: { summary: 'Poll a job: status, progress, result when done', parameters: [idParam('id', 'Job id')], responses: { '200': json({ $ref: '#/components/schemas/Job' }), '404': error('No such job') } },
        delete: { summary: 'Cancel a job', parameters: [idParam('id', 'Job id')], responses: { '200': json({ $ref: '#/components/schemas/Job' }), '404': error('No such job') } },
      },
      '/api/runs': { get: { summary: 'Stored runs, newest first', parameters: [{ name: 'kind', in: 'query', schema: { enum: ['resolve', 'simulate', 'whatif'] } }, { name: 'scenario', in: 'query', schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer' } }, { name: 'offset', in: 'query', schema: { type: 'integer' } }], responses: { '200': json(object), '400': error('Bad query') } } },
      '/api/runs/{id}': {
        get: { summary: 'A stored run: engine version, scenario hash, seed, parameters, result', parameters: [idParam('id', 'Run id')], responses: { '200': json(object), '404': error('No such run') } },
        delete: { summary: 'Delete a stored run (its id is never given again)', parameters: [idParam('id', 'Run id')], responses: { '200': json(object), '404': error('No such run'), ...guarded, '507': writes['507'] } },
      },
      '/api/runs/{id}/rerun': { post: { summary: 'Run a stored run again, as a job whose result says whether it is the same', parameters: [idParam('id', 'Run id')], responses: { '202': json({ $ref: '#/components/schemas/Job' }, 'Queued'), '404': error('No such run'), '429': error('Too much work queued'), ...guarded, '507': writes['507'] } } },
      '/api/runs/compare': { get: { summary: 'Compare two stored runs', parameters: [{ name: 'a', in: 'query', required: true, schema: { type: 'integer' } }, { name: 'b', in: 'query', required: true, schema: { type: 'integer' } }], responses: { '200': json(object), '404': error('No such run') } } },
      '/api/shapes': { get: { summary: 'Imported CShapes borders valid on a day, as GeoJSON', parameters: [dayParam('at')], responses: { '200': json(object), '400': error('Bad day') } } },
      ...gamesOpenApiPaths(),
    },
  };
}
