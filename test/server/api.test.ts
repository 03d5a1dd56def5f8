import { describe, expect, it } from 'vitest';
import { call, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';

describe('API: the world, the timeline, treaties', () => {
  it('answers the world on a day, with the borders of that day', async () => {
    const { app } = testApp();
    const before = await call(app, 'GET', `${S}/world?at=1938-09-28`);
    expect(before.status).toBe(200);
    expect(before.body.states.map((s: { id: string }) => s.id)).toContain('CZE');
    expect(before.body.borders).toContainEqual(['CZE', 'GMY']);
    const after = await call(app, 'GET', `${S}/world?at=1939-03-16`);
    expect(after.body.states.map((s: { id: string }) => s.id)).not.toContain('CZE');
    expect(after.body.territories.find((t: { id: string }) => t.id === 'bohemia')).toMatchObject({ controller: 'GMY', status: 'protectorate' });
  });

  it('lists scenarios with the default first', async () => {
    const { app } = testApp();
    const { body } = await call(app, 'GET', '/api/scenarios');
    expect(body.default).toBe('munich-test');
    expect(body.scenarios[0]).toMatchObject({ id: 'munich-test', origin: 'built-in' });
  });

  it('gives the timeline with sources, bounded by from and to', async () => {
    const { app } = testApp();
    const { status, body } = await call(app, 'GET', `${S}/timeline?from=1938-09-01&to=1938-09-30`);
    expect(status).toBe(200);
    expect(body.entries.map((e: { ref: string }) => e.ref)).toEqual(['munich']);
    expect(body.entries[0].source).toEqual({ ref: 'Munich Agreement, 1938-09-29' });
  });

  it('gives treaties in force, and one treaty with its provisions and source', async () => {
    const { app } = testApp();
    const list = await call(app, 'GET', `${S}/treaties?at=1938-09-28&state=RUS`);
    expect(list.body.treaties.map((t: { id: string }) => t.id)).toEqual(['su-cz-1935']);
    const one = await call(app, 'GET', `${S}/treaties/su-cz-1935`);
    expect(one.body.provisions[0].conditions).toEqual([{ type: 'prior-action', by: ['FRN'] }]);
    expect(one.body.source.ref).toMatch(/USSR and Czechoslovakia/);
  });

  it('publishes an OpenAPI document naming every route', async () => {
    const { app } = testApp();
    const { status, body } = await call(app, 'GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of ['/api/scenarios/{id}/world', '/api/scenarios/{id}/resolve', '/api/scenarios/{id}/simulate', '/api/runs/{id}/rerun', '/api/runs/compare']) expect(body.paths).toHaveProperty([path]);
    expect(body.components.schemas.ActRequest.required).toEqual(expect.arrayContaining(['attackers', 'target', 'date']));
  });
});

describe('API: bad input is a 4xx with a message, never a 500', () => {
  const cases: [string, string, string, unknown, number, RegExp][] = [
    ['a day outside the scenario', 'GET', `${S}/world?at=1945-05-08`, undefined, 422, /outside scenario/],
    ['a day that is no day', 'GET', `${S}/world?at=1938-02-30`, undefined, 400, /at/],
    ['a missing day', 'GET', `${S}/world`, undefined, 400, /"at"/],
    ['an unknown scenario', 'GET', '/api/scenarios/nowhere/world?at=1938-01-01', undefined, 404, /no scenario "nowhere"/],
    ['an unknown treaty', 'GET', `${S}/treaties/nope`, undefined, 404, /no treaty "nope"/],
    ['a state that does not exist that day', 'GET', `${S}/treaties?at=1939-06-01&state=CZE`, undefined, 422, /CZE/],
    ['malformed JSON', 'POST', `${S}/resolve`, '{"attackers": [', 400, /malformed JSON/],
    ['a body that is not an act', 'POST', `${S}/resolve`, { attackers: 'GMY' }, 400, /attackers/],
    ['an unknown field', 'POST', `${S}/resolve`, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', bogus: 1 }, 400, /bogus/],
    ['an unknown run', 'GET', '/api/runs/424242', undefined, 404, /no stored run/],
    ['a run id that is not a number', 'GET', '/api/runs/..%2F..%2Fetc', undefined, 404, /run id/],
    ['an unknown job', 'GET', '/api/jobs/job-999', undefined, 404, /no job/],
    ['an unknown route', 'GET', '/api/nothing-here', undefined, 404, /no route/],
    ['too many simulation runs', 'POST', `${S}/simulate`, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', runs: 10_000_000 }, 400, /at most/],
  ];
  for (const [what, method, path, body, status, message] of cases) {
    it(what, async () => {
      const response = await call(testApp().app, method, path, body);
      expect(response.status).toBe(status);
      expect(response.body.error).toMatch(message);
    });
  }
});

describe('API: scenarios uploaded', () => {
  const yaml = (id: string) => `format: 1\nid: ${id}\nname: Uploaded\nspan: { from: 1930-01-01, until: 1931-01-01 }\nactors:\n  - { id: AAA, name: A, exists: [{ source: { ref: test } }], capital: { name: A, lat: 1, lon: 2 }, source: { ref: test } }\n`;

  it('stores a valid YAML scenario and answers about it', async () => {
    const { app } = testApp();
    const created = await call(app, 'POST', '/api/scenarios', yaml('up1'), { 'content-type': 'application/yaml' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'up1', origin: 'uploaded', counts: { actors: 1 } });
    const world = await call(app, 'GET', '/api/scenarios/up1/world?at=1930-06-01');
    expect(world.body.states.map((s: { id: string }) => s.id)).toEqual(['AAA']);
  });

  it('refuses an invalid scenario with 422 and the place of each problem', async () => {
    const { app, store } = testApp();
    const bad = yaml('up2').replace('lat: 1', 'lat: 500');
    const response = await call(app, 'POST', '/api/scenarios', bad, { 'content-type': 'application/yaml' });
    expect(response.status).toBe(422);
    expect(response.body.issues[0]).toMatchObject({ path: ['actors', 0, 'capital', 'lat'], line: 6 });
    expect(store.listScenarios()).toEqual([]);
  });

  it('refuses includes, which would read files on the server', async () => {
    const { app, store } = testApp();
    const response = await call(app, 'POST', '/api/scenarios', `${yaml('up3')}include: [../../../etc/passwd]\n`, { 'content-type': 'application/yaml' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatch(/includes can only be read from files on disk/);
    expect(store.listScenarios()).toEqual([]);
  });

  it('refuses an id that is taken (409), and keeps the first', async () => {
    const { app, store } = testApp();
    await call(app, 'POST', '/api/scenarios', yaml('up4'), { 'content-type': 'application/yaml' });
    const again = await call(app, 'POST', '/api/scenarios', yaml('up4').replace('Uploaded', 'Second'), { 'content-type': 'application/yaml' });
    expect(again.status).toBe(409);
    expect(store.getScenario('up4')!.name).toBe('Uploaded');
    const builtIn = await call(app, 'POST', '/api/scenarios', yaml('munich-test'), { 'content-type': 'application/yaml' });
    expect(builtIn.status).toBe(409);
  });
});

describe('API: the built-in scenario', () => {
  it('offers the catalogue of historical crises, Munich among them, to the crisis lab', async () => {
    const { createApp } = await import('../../src/server/app.js');
    const { Store } = await import('../../src/store/store.js');
    const app = createApp({ store: new Store(':memory:') });
    const { status, body } = await call(app, 'GET', '/api/scenarios/interwar/cases');
    expect(status).toBe(200);
    const munich = body.cases.find((c: { title: string }) => /Munich/.test(c.title));
    expect(munich).toMatchObject({ date: '1938-09-28', attackers: ['GMY'], target: 'CZE' });
    expect(munich.source).toBeDefined();
  });
});

describe('API: atlas', () => {
  it('says who must act for every ordered pair of states on a day', async () => {
    const { app } = testApp();
    const { status, body } = await call(app, 'GET', `${S}/atlas?at=1938-09-28`);
    expect(status).toBe(200);
    expect(body.states).toContain('CZE');
    const cell = body.cells.find((c: { attacker: string; target: string }) => c.attacker === 'GMY' && c.target === 'CZE');
    expect(cell.mustAct).toContain('FRN');
    expect((await call(app, 'GET', `${S}/atlas?at=1930-01-01`)).status).toBe(422);
  });

  it('resolves every pair for the kind of act asked for, and refuses an unknown kind with the list of kinds', async () => {
    const { app } = testApp();
    expect((await call(app, 'GET', `${S}/atlas?at=1938-09-28`)).body.kind).toBe('attack');
    const remilitarised = await call(app, 'GET', `${S}/atlas?at=1938-09-28&kind=remilitarisation`);
    expect(remilitarised.status).toBe(200);
    expect(remilitarised.body.kind).toBe('remilitarisation');
    const bad = await call(app, 'GET', `${S}/atlas?at=1938-09-28&kind=war`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/kind: one of attack, occupation, remilitarisation/);
  });
});
