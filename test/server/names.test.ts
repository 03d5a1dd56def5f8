/** The API takes states by name as well as by id, and refuses an unknown name with 422, a suggestion, and nothing stored. */
import { describe, expect, it } from 'vitest';
import { call, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';

describe('API: states by name', () => {
  it('answers the same for names in any case as for ids', async () => {
    const { app } = testApp();
    const byId = await call(app, 'POST', `${S}/resolve`, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', transit: [{ grantor: 'RUM', grantee: 'RUS' }] });
    const byName = await call(app, 'POST', `${S}/resolve`, { attackers: ['germany'], target: 'Czechoslovakia', date: '1938-09-28', transit: [{ grantor: 'Romania', grantee: 'Soviet Union' }] });
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual(byId.body);
  });

  it('refuses a near miss with 422, says which field, suggests the name, and stores no run', async () => {
    const { app, store } = testApp();
    const r = await call(app, 'POST', `${S}/resolve`, { attackers: ['Germny'], target: 'CZE', date: '1938-09-28', save: true });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('attacker: no state is called "Germny"; did you mean Germany (GMY)?');
    expect(store.listRuns({ limit: 10 }).length).toBe(0);
    const sim = await call(app, 'POST', `${S}/simulate`, { attackers: ['GMY'], target: 'Czechoslovaka', date: '1938-09-28', runs: 100 });
    expect(sim.status).toBe(422);
    expect(sim.body.error).toMatch(/^target: .*did you mean Czechoslovakia \(CZE\)\?$/);
  });

  it('filters treaties by a state named in words', async () => {
    const { app } = testApp();
    const byName = await call(app, 'GET', `${S}/treaties?at=1938-09-28&state=france`);
    expect(byName.status).toBe(200);
    expect(byName.body.state).toBe('FRN');
    expect((await call(app, 'GET', `${S}/treaties?at=1938-09-28&state=Frnace`)).body.error).toMatch(/did you mean France/);
  });
});
