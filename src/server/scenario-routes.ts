/** The scenario routes: list, upload, delete, and what a scenario says on a day (world, treaties, timeline, cases, readings, atlas). */
import { Hono } from 'hono';
import { withCitations } from '../model/citation.js';
import { readingsRegister } from '../law/readings.js';
import type { Scenario } from '../model/schema.js';
import { queryDay, readText } from './body.js';
import { loadCases } from './cases.js';
import type { AppContext } from './context.js';
import { HttpError } from './errors.js';
import { ActKindSchema, type ActKind } from '../model/schema.js';
import { readJsonText, summaryOf } from './answers.js';
import { refOf } from './runner.js';
import type { Scenarios } from './scenarios.js';
import { takesQuery } from './typed.js';

type Day = { at: string };

/** The routes under /api/scenarios (and /api/readings). */
export function scenarioRoutes({ scenarios, work, limits }: AppContext) {
  // The readings register: each clause read two ways, the default and why, who holds the other reading.
  const register = (entry: ReturnType<Scenarios['get']>) => ({ scenario: entry.id, readings: readingsRegister(entry.scenario), seeds: entry.scenario.seeds });
  const ref = (id: string) => refOf(scenarios.get(id));
  return new Hono()
    .get('/api/scenarios', (c) => c.json({ default: scenarios.defaultId, scenarios: scenarios.list() }))
    .post('/api/scenarios', async (c) => {
      const type = c.req.header('content-type') ?? '';
      const text = await readText(c);
      if (text.trim() === '') throw new HttpError(400, 'send the scenario as the body, in YAML or JSON');
      if (type.includes('json')) await readJsonText(text);
      const file = type.includes('json') ? 'upload.json' : 'upload.yaml';
      const scenario = await work.run({ op: 'parse', text, file, limits: limits.scenario }, c.req.raw.signal);
      const entry = scenarios.add(scenario);
      return c.json(summaryOf(entry), 201);
    })
    .get('/api/scenarios/:id', takesQuery<{ full?: string }>(), (c) => {
      const entry = scenarios.get(c.req.param('id'));
      return c.json({ ...summaryOf(entry), ...(c.req.query('full') ? { scenario: entry.scenario as Scenario | undefined } : {}) });
    })
    .delete('/api/scenarios/:id', (c) => {
      scenarios.remove(c.req.param('id'));
      return c.json({ deleted: c.req.param('id') });
    })
    .get('/api/scenarios/:id/days', async (c) => c.json(await work.run({ op: 'days', scenario: ref(c.req.param('id')) }, c.req.raw.signal)))
    .get('/api/scenarios/:id/world', takesQuery<Day>(), async (c) => c.json(await work.run({ op: 'world', scenario: ref(c.req.param('id')), date: queryDay(c, 'at') }, c.req.raw.signal)))
    .get('/api/scenarios/:id/timeline', takesQuery<{ from?: string; to?: string; kind?: string }>(), async (c) => {
      const scenario = ref(c.req.param('id'));
      const from = queryDay(c, 'from', true);
      const to = queryDay(c, 'to', true);
      if (from && to && to < from) throw new HttpError(400, `"to" ${to} is before "from" ${from}`);
      return c.json(await work.run({ op: 'timeline', scenario, from, to, kind: c.req.query('kind') }, c.req.raw.signal));
    })
    .get('/api/scenarios/:id/treaties', takesQuery<Day & { state?: string }>(), async (c) => {
      const scenario = ref(c.req.param('id'));
      return c.json(await work.run({ op: 'treaties', scenario, date: queryDay(c, 'at'), state: c.req.query('state') }, c.req.raw.signal));
    })
    .get('/api/scenarios/:id/treaties/:treaty', (c) => {
      const { scenario } = scenarios.get(c.req.param('id'));
      const treaty = scenario.treaties.find((t) => t.id === c.req.param('treaty'));
      if (!treaty) throw new HttpError(404, `no treaty "${c.req.param('treaty')}" in scenario "${c.req.param('id')}"`);
      return c.json(withCitations(treaty, scenario.seeds));
    })
    .get('/api/scenarios/:id/events/:event', (c) => {
      const { scenario } = scenarios.get(c.req.param('id'));
      const event = scenario.events.find((e) => e.id === c.req.param('event'));
      if (!event) throw new HttpError(404, `no event "${c.req.param('event')}" in scenario "${c.req.param('id')}"`);
      return c.json(withCitations(event, scenario.seeds));
    })
    .get('/api/scenarios/:id/cases', (c) => {
      // The catalogue belongs to the built-in scenario, and to scenarios derived from it by overlays.
      const entry = scenarios.get(c.req.param('id'));
      const home = entry.origin === 'built-in' ? entry.id : entry.origin === 'derived' && entry.base === scenarios.defaultId ? entry.base : undefined;
      return c.json({ cases: home ? withCitations(loadCases(home), entry.scenario.seeds) : [] });
    })
    .get('/api/readings', (c) => c.json(register(scenarios.get(scenarios.defaultId))))
    .get('/api/scenarios/:id/readings', (c) => c.json(register(scenarios.get(c.req.param('id')))))
    .get('/api/scenarios/:id/atlas', takesQuery<Day & { kind?: ActKind }>(), async (c) => {
      const kind = ActKindSchema.safeParse(c.req.query('kind') ?? 'attack');
      if (!kind.success) throw new HttpError(400, `kind: one of ${ActKindSchema.options.join(', ')}`);
      return c.json(await work.run({ op: 'atlas', scenario: ref(c.req.param('id')), date: queryDay(c, 'at'), kind: kind.data }, c.req.raw.signal));
    });
}
