import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call } from './support/app.js';

const app = createApp({ store: new Store(':memory:'), builtIn: loadBuiltInScenario() });
const A = '/api/scenarios/interwar/align';

describe('API: the landscape across time', () => {
  it('runs 1936–1939 by half-years, scores each step against the paper, and shows Poland moving west', async () => {
    const { status, body } = await call(app, 'GET', `${A}?from=1936-07-01&to=1939-07-01&step=6m`);
    expect(status).toBe(200);
    expect(body.steps).toHaveLength(7);
    expect(body.steps[0].score).toMatchObject({ placed: 15, of: 17 });
    const side = (step: { coalitions: string[][] }, id: string) => step.coalitions.findIndex((c) => c.includes(id));
    const last = body.steps.at(-1);
    expect(side(last, 'POL')).toBe(side(last, 'UKG'));
    expect(last.absent).toEqual(['CZE']);
  });

  it('refuses a bad step, an unknown variant, too many steps and unknown states with 400', async () => {
    expect((await call(app, 'GET', `${A}?step=weekly`)).status).toBe(400);
    expect((await call(app, 'GET', `${A}?variant=best-fit`)).status).toBe(400);
    expect((await call(app, 'GET', `${A}?from=1929-01-01&to=1939-09-01&step=1d`)).status).toBe(400);
    const unknown = await call(app, 'GET', `${A}?states=GMY,ATLANTIS`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/ATLANTIS/);
  });
});
