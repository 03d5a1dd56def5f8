/** A denunciation reading decides whether a treaty is in force at all, so the API's readings reach the world (not only the conditions). */
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call } from './support/app.js';

describe('API: resolve with a denunciation reading', () => {
  const app = createApp({ store: new Store(':memory:'), builtIn: loadBuiltInScenario() });
  const poland = { attackers: ['GMY'], target: 'POL', date: '1939-09-01' };
  const brokeDeclaration = (body: { breaches: { state: string; treaty?: string }[] }) => body.breaches.some((b) => b.state === 'GMY' && b.treaty === 'german-polish-1934');

  it('finds the German-Polish declaration broken by default and not under the reading that the denunciation ended it, answering each from its own world', async () => {
    const byDefault = await call(app, 'POST', '/api/scenarios/interwar/resolve', poland);
    expect(byDefault.status).toBe(200);
    expect(brokeDeclaration(byDefault.body)).toBe(true);
    const ended = await call(app, 'POST', '/api/scenarios/interwar/resolve', { ...poland, readings: { 'german-polish-denunciation-ends': true } });
    expect(ended.status).toBe(200);
    expect(brokeDeclaration(ended.body)).toBe(false);
    // The cache keys worlds by readings too: the default answer is unchanged afterwards.
    expect(brokeDeclaration((await call(app, 'POST', '/api/scenarios/interwar/resolve', poland)).body)).toBe(true);
  });

  it('refuses a reading the scenario does not have, naming it', async () => {
    const bad = await call(app, 'POST', '/api/scenarios/interwar/resolve', { ...poland, readings: { 'no-such-reading': true } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/no-such-reading/);
  });
});
