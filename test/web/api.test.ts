import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp } from '../server/support/app.js';

// The explorer's typed client against the real routes, in-process: fetch goes to app.request.
const { app } = testApp();
let api: typeof import('../../web/src/api.js').api;
let ApiError: typeof import('../../web/src/api.js').ApiError;

beforeAll(async () => {
  vi.stubGlobal('location', { origin: 'http://localhost' });
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => app.request(new Request(input, init)));
  ({ api, ApiError } = await import('../../web/src/api.js'));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await app.close();
});

describe('the typed client', () => {
  it('reaches the routes it names, with their query', async () => {
    const { default: id, scenarios } = await api.scenarios();
    expect(scenarios.map((s) => s.id)).toContain(id);
    const world = await api.world(id, '1938-09-29');
    expect(world.date).toBe('1938-09-29');
  });

  it('sends the shared act request and gets the full resolution (explain and all)', async () => {
    const { default: id } = await api.scenarios();
    const r = await api.resolve(id, { attackers: ['GMY'], target: 'CZE', date: '1938-09-29' });
    expect(r.act.attackers).toEqual(['GMY']);
    expect(r.explanation).toBeDefined();
  });

  it('throws the server\'s 4xx message as an ApiError', async () => {
    const failure = await api.world('no-such-scenario', '1938-09-29').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as InstanceType<typeof ApiError>).status).toBe(404);
    const { default: id } = await api.scenarios();
    const bad = await api.resolve(id, { attackers: [], target: 'CZE', date: '1938-09-29' }).catch((e: unknown) => e);
    expect((bad as InstanceType<typeof ApiError>).status).toBe(400);
    expect((bad as Error).message).toMatch(/body\.attackers/);
  });
});
