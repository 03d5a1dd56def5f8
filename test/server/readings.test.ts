/** The readings register and citations over HTTP: GET /api/readings, and a `citation` next to each source. */
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call, testApp } from './support/app.js';

describe('API: readings and citations', () => {
  const app = createApp({ store: new Store(':memory:'), builtIn: loadBuiltInScenario() });

  it('GET /api/readings gives the default scenario\'s register with the seed texts', async () => {
    const { status, body } = await call(app, 'GET', '/api/readings');
    expect(status).toBe(200);
    expect(body.scenario).toBe('interwar');
    const fs = body.readings.find((r: { id: string }) => r.id === 'fr-su-waits-for-league');
    expect(fs).toMatchObject({ treaty: 'franco-soviet-1935', default: true, alternatives: [expect.objectContaining({ value: false })] });
    expect(fs.quote).toMatch(/effect shall nevertheless be given/);
    expect(body.seeds.map((s: { title: string }) => s.title)).toContain('Collective Security');
    expect((await call(app, 'GET', '/api/scenarios/interwar/readings')).body.readings).toEqual(body.readings);
  });

  it('puts a readable citation next to each source of a treaty, an event and a case', async () => {
    const treaty = await call(app, 'GET', '/api/scenarios/interwar/treaties/soviet-czechoslovak-1935');
    expect(treaty.body.citation).toMatch(/“Collective Security”, lecture notes, Gerhard Rempel/);
    expect(treaty.text.match(/"citation":"[^"]*\.txt/)).toBeNull();
    const cases = await call(app, 'GET', '/api/scenarios/interwar/cases');
    expect(cases.body.cases.every((c: { citation?: string }) => typeof c.citation === 'string' && !/\.txt/.test(c.citation))).toBe(true);
    const timeline = await call(app, 'GET', '/api/scenarios/interwar/timeline?from=1938-09-29&to=1938-09-30');
    expect(timeline.body.entries.every((e: { source?: unknown; citation?: string }) => e.source === undefined || typeof e.citation === 'string')).toBe(true);
  });

  it('takes the act kind and the three League outcomes, and refuses a kind or outcome that does not exist with a 400 naming it', async () => {
    const act = { attackers: ['GMY'], target: 'LIT', theatre: 'memel', date: '1939-03-22', explain: false };
    const cession = await call(app, 'POST', '/api/scenarios/interwar/resolve', { ...act, kind: 'cession' });
    expect(cession.status).toBe(200);
    expect(cession.body.act.kind).toBe('cession');
    expect(cession.body.breaches).toEqual([]);
    const bad = await call(app, 'POST', '/api/scenarios/interwar/resolve', { ...act, kind: 'annexation' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/kind/);
    const noDecision = await call(app, 'POST', '/api/scenarios/interwar/resolve', { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', leagueFinding: 'no-decision', explain: false });
    expect(noDecision.body.assumptions.leagueFinding).toBe('no-decision');
    expect(noDecision.body.states.find((s: { state: string }) => s.state === 'RUS').mustAct).toBe(true);
    const maybe = await call(app, 'POST', '/api/scenarios/interwar/resolve', { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', leagueFinding: 'maybe' });
    expect(maybe.status).toBe(400);
    expect(maybe.text).toMatch(/leagueFinding/);
  });

  it('a scenario without a register answers an empty one', async () => {
    const { app: fixture } = testApp();
    const { status, body } = await call(fixture, 'GET', '/api/readings');
    expect(status).toBe(200);
    expect(body.readings).toEqual([]);
  });
});
