import { describe, expect, it } from 'vitest';
import { call, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };

describe('API: resolve', () => {
  it('answers who is bound to defend Czechoslovakia, on what condition, and who can reach', async () => {
    const { app } = testApp();
    const { status, body } = await call(app, 'POST', `${S}/resolve`, munich);
    expect(status).toBe(200);
    const frn = body.states.find((s: { state: string }) => s.state === 'FRN');
    const rus = body.states.find((s: { state: string }) => s.state === 'RUS');
    expect(frn.obligations[0]).toMatchObject({ kind: 'assist', toward: 'CZE', treaty: 'fr-cz-1925', active: true });
    expect(frn.mustAct).toBe(true);
    expect(rus.obligations[0].conditions[0]).toMatchObject({ type: 'prior-action' });
    expect(rus.reach.mode).toBe('none');
    expect(rus.reach.refusedBy).toEqual(expect.arrayContaining(['POL']));
  });

  it('switches the Soviet obligation off when France abstains, and lets the Soviets through when Romania grants transit', async () => {
    const { app } = testApp();
    const abstain = await call(app, 'POST', `${S}/resolve`, { ...munich, abstain: ['FRN'] });
    const rus = abstain.body.states.find((s: { state: string }) => s.state === 'RUS');
    expect(rus.mustAct).toBe(false);
    const transit = await call(app, 'POST', `${S}/resolve`, { ...munich, transit: [{ grantor: 'RUM', grantee: 'RUS' }] });
    const reach = transit.body.states.find((s: { state: string }) => s.state === 'RUS').reach;
    expect(reach).toMatchObject({ mode: 'transit', via: ['RUM'] });
  });

  it('refuses an act that makes no sense with 422 and a message', async () => {
    const { app } = testApp();
    const same = await call(app, 'POST', `${S}/resolve`, { attackers: ['GMY'], target: 'GMY', date: '1938-09-28' });
    expect(same.status).toBe(422);
    const gone = await call(app, 'POST', `${S}/resolve`, { attackers: ['GMY'], target: 'CZE', date: '1939-06-01' });
    expect(gone.status).toBe(422);
    expect(gone.body.error).toMatch(/CZE/);
    const unknown = await call(app, 'POST', `${S}/resolve`, { attackers: ['XYZ'], target: 'CZE', date: '1938-09-28' });
    expect(unknown.status).toBe(422);
  });

  it('leaves the explanation out when asked, with the same rulings', async () => {
    const { app } = testApp();
    const full = await call(app, 'POST', `${S}/resolve?explain=1&all=1`, munich);
    const lean = await call(app, 'POST', `${S}/resolve?all=1`, { ...munich, explain: false });
    expect(full.body.explanation.length).toBeGreaterThan(0);
    expect(lean.body.explanation ?? []).toEqual([]);
    expect(lean.body.states).toEqual(full.body.states);
    expect(lean.text.length).toBeLessThan(full.text.length);
  });
});
