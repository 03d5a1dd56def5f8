/**
 * Each limit on what a client may send is enforced, named in the answer and in the OpenAPI
 * document, and a refused request stores nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_LIMITS, longestChain } from '../../src/server/limits.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { parseScenario } from '../../src/model/parse.js';
import { call, testApp } from './support/app.js';
import { chainedScenario, tangledScenario } from './support/chained.js';

const S = '/api/scenarios/munich-test';
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
const source = { ref: 'test' };
const capital = { name: 'C', lat: 0, lon: 0 };

/** A valid scenario with `n` of one kind of thing. */
function scenarioWith(kind: 'actors' | 'territories' | 'treaties' | 'provisions' | 'conditions' | 'events', n: number): string {
  const actors = Array.from({ length: kind === 'actors' ? n : 2 }, (_, i) => ({ id: `A${i}`, name: `A${i}`, exists: [{ source }], capital, source }));
  const territories = Array.from({ length: kind === 'territories' ? n : 1 }, (_, i) => ({ id: `t${i}`, name: `t${i}`, control: [{ controller: 'A0', source }], source }));
  const provisions = Array.from({ length: kind === 'provisions' ? n : 1 }, (_, i) => ({
    id: `p${i}`,
    kind: 'defence',
    conditions: Array.from({ length: kind === 'conditions' ? n : 0 }, () => ({ type: 'unprovoked' })),
  }));
  const treaties = Array.from({ length: kind === 'treaties' ? n : 1 }, (_, i) => ({ id: `tr${i}`, name: `tr${i}`, parties: ['A0', 'A1'], signed: '1930-01-01', provisions, source }));
  const events = Array.from({ length: kind === 'events' ? n : 0 }, (_, i) => ({ id: `e${i}`, date: '1931-01-01', kind: 'conference', title: `e${i}`, source }));
  return JSON.stringify({ format: 1, id: `many-${kind}`, name: kind, span: { from: '1930-01-01', until: '1940-01-01' }, actors, territories, treaties, events });
}

describe('limits on uploaded scenarios', () => {
  it('counts the built-in scenario well inside every default limit, and measures chains', () => {
    const interwar = loadBuiltInScenario();
    expect(longestChain(interwar)).toBeGreaterThanOrEqual(1);
    expect(longestChain(interwar)).toBeLessThan(DEFAULT_SCENARIO_LIMITS.chainLength);
    expect(interwar.actors.length * 4).toBeLessThan(DEFAULT_SCENARIO_LIMITS.actors);
    expect(longestChain(parseScenario(chainedScenario(30), 'c.json'))).toBe(29);
  });

  it('refuses each count over its limit with 413 naming it, and stores nothing', async () => {
    const limits = { actors: 5, territories: 5, treaties: 5, provisions: 5, conditions: 5, events: 5 };
    const { app, store } = testApp({ scenario: limits });
    for (const kind of Object.keys(limits) as (keyof typeof limits)[]) {
      const within = await call(app, 'POST', '/api/scenarios', scenarioWith(kind, 5));
      expect(within.status, `${kind} at the limit: ${within.text}`).toBe(201);
      const over = await call(app, 'POST', '/api/scenarios', scenarioWith(kind, 6).replace(`many-${kind}`, `over-${kind}`));
      expect(over.status, kind).toBe(413);
      expect(over.body.error).toContain(`"${kind}"`);
      expect(over.body.error).toMatch(/it has \d+, this server accepts at most 5/);
      expect(store.getScenario(`over-${kind}`), kind).toBeUndefined();
    }
  });

  it('refuses a chain of conditional treaties longer than the limit with 422', async () => {
    const { app, store } = testApp({ scenario: { chainLength: 10 } });
    expect((await call(app, 'POST', '/api/scenarios', chainedScenario(11, 'ok-chain'))).status).toBe(201);
    const over = await call(app, 'POST', '/api/scenarios', chainedScenario(12, 'long-chain'));
    expect(over.status).toBe(422);
    expect(over.body.error).toMatch(/"chainLength": it has 11, this server accepts at most 10/);
    expect(store.getScenario('long-chain')).toBeUndefined();
  });

  it('refuses overlays with too many changes (derive and simulate) with 413', async () => {
    const { app, store } = testApp({ scenario: { overlayChanges: 3 } });
    const change = { op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' };
    const overlays = [{ id: 'many', title: 'many', changes: [change, change, change, change] }];
    const derived = await call(app, 'POST', `${S}/derive`, { id: 'too-much', overlays });
    expect(derived.status).toBe(413);
    expect(derived.body.error).toContain('"overlayChanges"');
    const simulated = await call(app, 'POST', `${S}/simulate`, { ...munich, runs: 100, overlays });
    expect(simulated.status).toBe(413);
    expect(store.listScenarios()).toEqual([]);
    expect(app.jobs.load()).toEqual({ running: 0, queued: 0 });
  });

  it('refuses a derived scenario that sets a parameter it does not have, or out of range', async () => {
    const { app, store } = testApp();
    const set = (name: string, value: unknown) => ({ id: 'set', overlays: [{ id: 'p', title: 'p', changes: [{ op: 'set-parameter', name, value }] }] });
    const unknown = await call(app, 'POST', `${S}/derive`, set('no-such-thing', 3));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatch(/no-such-thing/);
    const outOfRange = await call(app, 'POST', `${S}/derive`, set('sim-base-rate', 7));
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error).toMatch(/out of range/);
    expect(store.listScenarios()).toEqual([]);
    const fine = await call(app, 'POST', `${S}/derive`, set('sim-base-rate', 0.6));
    expect(fine.status).toBe(201);
  });

  it('stops work that needs more memory than a worker may use, with 503 naming workerHeapMb, and stores nothing', async () => {
    const { app, store } = testApp({ workerHeapMb: 24, scenario: { actors: 2000, chainLength: 2000 } });
    expect((await call(app, 'GET', `${S}/days`)).status).toBe(200);
    const upload = await call(app, 'POST', '/api/scenarios', tangledScenario(900));
    expect(upload.status).toBe(503);
    expect(upload.body.error).toMatch(/workerHeapMb/);
    expect(store.listScenarios()).toEqual([]);
    // The pool goes on with a fresh thread.
    expect((await call(app, 'GET', `${S}/days`)).status).toBe(200);
  });

  it('publishes every limit in the OpenAPI document', async () => {
    const { app } = testApp({ scenario: { treaties: 77 } });
    const { body } = await call(app, 'GET', '/api/openapi.json');
    const published = body['x-limits'];
    expect(published.scenario).toMatchObject({ ...DEFAULT_SCENARIO_LIMITS, treaties: 77 });
    for (const name of ['bodyBytes', 'scenarioBytes', 'maxRuns', 'concurrentJobs', 'queuedJobs', 'requestBudgetMs', 'jobBudgetMs', 'workerHeapMb', 'requestThreads', 'requestQueue']) expect(published, name).toHaveProperty(name);
    expect(body.info.description).toMatch(/413/);
    expect(body.paths['/api/scenarios'].post.responses).toHaveProperty('413');
    expect(body.paths['/api/scenarios'].post.responses).toHaveProperty('415');
    expect(body.paths['/api/scenarios/{id}/resolve'].post.responses).toHaveProperty('504');
  });
});
