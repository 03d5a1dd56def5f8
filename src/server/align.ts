/**
 * GET /api/scenarios/:id/align: the landscape across time (casus align --from --to --step
 * --score ab1993) for the explorer's small multiples. Bounded: at most 20 states and 40 steps.
 */
import type { Hono } from 'hono';
import { AXELROD_BENNETT_1936 } from '../align/align.js';
import { addStep, alignAcross, parseStep, type Step } from '../align/drift.js';
import { QueryError } from '../model/errors.js';
import { VARIANTS, type Variant } from '../align/propensity.js';
import { REFERENCES, scoreAlignment } from '../align/score.js';
import { queryDay } from './body.js';
import { HttpError } from './errors.js';
import type { Scenarios } from './scenarios.js';

const MAX_STATES = 20;
const MAX_STEPS = 40;

/** Adds the alignment route. */
export function registerAlignRoutes(app: Hono, scenarios: Scenarios): void {
  app.get('/api/scenarios/:id/align', (c) => {
    const { scenario } = scenarios.get(c.req.param('id'));
    const from = queryDay(c, 'from', true) ?? '1936-01-01';
    const to = queryDay(c, 'to', true) ?? '1939-09-01';
    const step = stepParam(c.req.query('step') ?? '3m');
    if (to < from) throw new HttpError(400, `query parameter "to" (${to}) is before "from" (${from})`);
    let count = 0;
    for (let day = from; day <= to && count <= MAX_STEPS; day = addStep(day, step)) count++;
    if (count > MAX_STEPS) throw new HttpError(400, `the run has more than ${MAX_STEPS} steps: take a longer step`);
    const variant = c.req.query('variant') ?? 'ab1993';
    if (!(variant in VARIANTS)) throw new HttpError(400, `query parameter "variant": "${variant}" is not one of ${Object.keys(VARIANTS).join(', ')}`);
    const statesText = c.req.query('states');
    const states = statesText ? statesText.split(',').filter(Boolean) : [...AXELROD_BENNETT_1936];
    if (states.length < 2 || states.length > MAX_STATES) throw new HttpError(400, `query parameter "states": give 2 to ${MAX_STATES} states`);
    const unknown = states.filter((id) => !scenario.actors.some((a) => a.id === id));
    if (unknown.length) throw new HttpError(400, `query parameter "states": unknown ${unknown.join(', ')}`);
    const steps = alignAcross(scenario, from, to, step, states, { variant: variant as Variant });
    const reference = REFERENCES.ab1993!;
    return c.json({
      from,
      to,
      variant,
      reference: { id: reference.id, label: reference.label, sides: reference.sides },
      steps: steps.map((s) => ({
        at: s.alignment.at,
        coalitions: s.alignment.coalitions,
        energy: s.alignment.energy,
        runnersUp: s.alignment.runnersUp,
        absent: s.absent,
        watched: s.watched,
        score: scoreAlignment(s.alignment, reference),
      })),
    });
  });
}

function stepParam(text: string): Step {
  try {
    return parseStep(text);
  } catch (error) {
    if (error instanceof QueryError) throw new HttpError(400, `query parameter "step": "${text}" is not a step such as 3m, 1y or 10d`);
    throw error;
  }
}
