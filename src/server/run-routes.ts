/** Stored runs (list, compare, read, delete, rerun) and the imported map shapes of a day. */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { StoredRun } from '../store/store.js';
import { integerParam, queryDay } from './body.js';
import type { AppContext } from './context.js';
import { HttpError } from './errors.js';
import { compareRuns } from './operations.js';
import type { JobAnswer } from './operation-routes.js';
import { runOr404 } from './answers.js';
import { takesQuery } from './typed.js';

type RunsQuery = { limit?: string; offset?: string; kind?: StoredRun['kind']; scenario?: string };

/** The routes under /api/runs and /api/shapes. */
export function runRoutes({ store, scenarios, jobs }: AppContext) {
  const app = new Hono();
  app.use('/api/shapes', compress());
  return app
    .get('/api/runs', takesQuery<RunsQuery>(), (c) => {
      const limit = Math.min(200, c.req.query('limit') ? integerParam(c.req.query('limit'), 'limit') : 50);
      const offset = c.req.query('offset') ? integerParam(c.req.query('offset'), 'offset') : 0;
      const kind = c.req.query('kind');
      if (kind !== undefined && !['resolve', 'simulate', 'whatif'].includes(kind)) throw new HttpError(400, `kind must be resolve, simulate or whatif`);
      return c.json({ runs: store.listRuns({ limit, offset, kind: kind as StoredRun['kind'] | undefined, scenario: c.req.query('scenario') }), total: store.countRuns() });
    })
    .get('/api/runs/compare', takesQuery<{ a: string; b: string }>(), (c) => {
      const a = runOr404(store, c.req.query('a'));
      const b = runOr404(store, c.req.query('b'));
      return c.json(compareRuns(a, b) as Record<string, unknown>);
    })
    .get('/api/runs/:id', (c) => c.json(runOr404(store, c.req.param('id'))))
    .delete('/api/runs/:id', (c) => {
      const run = runOr404(store, c.req.param('id'));
      store.deleteRun(run.id);
      return c.json({ deleted: run.id });
    })
    // A rerun is a job like any other: the same queue, the same bound, the same budget.
    .post('/api/runs/:id/rerun', (c) => {
      const run = runOr404(store, c.req.param('id'));
      scenarios.get(run.scenario);
      const job = jobs.submit({ kind: 'rerun', scenario: run.scenario, request: { run: run.id, runs: (run.parameters as { runs?: number }).runs ?? 0 }, total: (run.parameters as { runs?: number }).runs ?? 0 }, jobs.reserve());
      return c.json(job as JobAnswer, 202, { Location: `/api/jobs/${job.id}` });
    })
    // Imported map shapes (CShapes), for the map of the day.
    .get('/api/shapes', takesQuery<{ at: string }>(), (c) => {
      const day = queryDay(c, 'at');
      const info = store.shapesInfo();
      const shapes = store.shapesOn(day);
      // The days over which this same set of shapes holds, so that a client scrubbing the timeline asks again only when it changes.
      const validFrom = shapes.reduce((d, s) => (s.from > d ? s.from : d), '0000-01-01');
      const validUntil = shapes.reduce((d, s) => (s.until < d ? s.until : d), '9999-12-31');
      return c.json({ date: day, validFrom, validUntil, source: info.source ?? null, type: 'FeatureCollection' as const, features: shapes.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, properties, geometry: geometry as GeoJSON.Geometry })) });
    })
    .get('/api/shapes/info', (c) => c.json(store.shapesInfo()));
}
