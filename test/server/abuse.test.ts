/** Hostile requests get a 4xx and change nothing: huge bodies, deep JSON, path traversal, ids that do not exist. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call, FIXTURE, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };

function snapshot(store: Store) {
  return { runs: store.countRuns(), scenarios: store.listScenarios().length };
}

describe('hostile requests', () => {
  it('refuses a body over the limit with 413 before reading it, and stores nothing', async () => {
    const { app, store } = testApp({ bodyBytes: 64 * 1024 });
    const huge = JSON.stringify({ ...munich, save: true, abstain: ['X'.repeat(200_000)] });
    const response = await call(app, 'POST', `${S}/resolve`, huge);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatch(/larger than 65536 bytes/);
    const upload = await call(app, 'POST', '/api/scenarios', 'x'.repeat(9 * 1024 * 1024), { 'content-type': 'application/yaml' });
    expect(upload.status).toBe(413);
    expect(snapshot(store)).toEqual({ runs: 0, scenarios: 0 });
  });

  it('refuses deeply nested JSON with 400', async () => {
    const { app, store } = testApp();
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const response = await call(app, 'POST', `${S}/resolve`, deep);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/nests deeper/);
    const deepObject = `{"attackers":["GMY"],"target":"CZE","date":"1938-09-28","readings":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect((await call(app, 'POST', `${S}/resolve`, deepObject)).status).toBe(400);
    const deepUpload = await call(app, 'POST', '/api/scenarios', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, { 'content-type': 'application/json' });
    expect(deepUpload.status).toBeGreaterThanOrEqual(400);
    expect(deepUpload.status).toBeLessThan(500);
    expect(snapshot(store)).toEqual({ runs: 0, scenarios: 0 });
  });

  it('answers ids that do not exist, or try to escape, with 404 or 400', async () => {
    const { app } = testApp();
    for (const path of [
      '/api/scenarios/..%2F..%2Fetc%2Fpasswd/world?at=1938-01-01',
      '/api/scenarios/%2e%2e/world?at=1938-01-01',
      `${S}/treaties/..%2F..%2Fpackage.json`,
      `${S}/events/%00`,
      '/api/runs/1e3',
      '/api/runs/-1',
      '/api/runs/99999999999999999999',
      '/api/runs/compare?a=1&b=..',
      '/api/jobs/..%2Fjob-1',
    ]) {
      const response = await call(app, 'GET', path);
      expect([400, 404], path).toContain(response.status);
      expect(typeof response.body.error, path).toBe('string');
    }
  });

  it('serves only files inside the explorer folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-static-'));
    try {
      mkdirSync(join(dir, 'web'));
      writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>explorer</title>');
      writeFileSync(join(dir, 'secret.txt'), 'SECRET');
      const app = createApp({ store: new Store(':memory:'), webRoot: join(dir, 'web'), builtIn: loadScenarioFile(FIXTURE) });
      for (const path of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/..\\secret.txt']) {
        const response = await app.request(path);
        expect(await response.text(), path).not.toContain('SECRET');
      }
      expect(await (await app.request('/')).text()).toContain('explorer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never answers 500 to arbitrary JSON sent as an act, and stores nothing', async () => {
    const { app, store } = testApp();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const response = await call(app, 'POST', `${S}/resolve`, JSON.stringify(value));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ attackers: fc.array(fc.constantFrom('GMY', 'CZE', 'FRN', 'XYZ', 'a', ''), { maxLength: 3 }), target: fc.constantFrom('GMY', 'CZE', 'RUS', 'nope'), date: fc.constantFrom('1938-09-28', '1950-01-01', '1938-02-30', 'x') }),
        async (act) => {
          const response = await call(app, 'POST', `${S}/resolve`, act);
          expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
    expect(snapshot(store)).toEqual({ runs: 0, scenarios: 0 });
  });
});

