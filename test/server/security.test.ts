/**
 * The server against a hostile web page and a careless deployment: cross-site requests (CSRF),
 * DNS rebinding (a foreign Host), the security headers on every answer, methods a path does not
 * take, traversal, and missing assets. Each refusal changes nothing stored.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { SECURITY_HEADERS } from '../../src/server/guard.js';
import { startServer } from '../../src/server/serve.js';
import { Store } from '../../src/store/store.js';
import { call, FIXTURE, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
const dir = mkdtempSync(join(tmpdir(), 'casus-security-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored = (store: Store) => ({ runs: store.countRuns(), scenarios: store.listScenarios().length });

describe('cross-site requests (CSRF)', () => {
  it('refuses a text/plain POST, the kind any web page may send without asking, with 415 and stores nothing', async () => {
    const { app, store } = testApp();
    const response = await call(app, 'POST', `${S}/resolve`, JSON.stringify({ ...munich, save: true }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.body.error).toMatch(/application\/json/);
    expect(stored(store)).toEqual({ runs: 0, scenarios: 0 });
  });

  it('refuses form posts (urlencoded and multipart) with 415', async () => {
    const { app, store } = testApp();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await call(app, 'POST', `${S}/resolve`, 'save=true', { 'content-type': type });
      expect(response.status, type).toBe(415);
    }
    const upload = await call(app, 'POST', '/api/scenarios', 'id=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(upload.status).toBe(415);
    expect(upload.body.error).toMatch(/application\/yaml/);
    expect(stored(store)).toEqual({ runs: 0, scenarios: 0 });
  });

  it('refuses a state-changing request from another origin, even with a JSON body', async () => {
    const { app, store } = testApp();
    for (const origin of ['http://evil.example', 'https://localhost.evil.example', 'null', 'http://localhost:9999']) {
      const response = await call(app, 'POST', `${S}/resolve`, { ...munich, save: true }, { origin });
      expect(response.status, origin).toBe(403);
      expect(response.body.error).toMatch(/cross-origin/);
    }
    const cancel = await call(app, 'DELETE', '/api/runs/1', undefined, { origin: 'http://evil.example' });
    expect(cancel.status).toBe(403);
    const fetchMeta = await call(app, 'POST', `${S}/resolve`, { ...munich, save: true }, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    expect(stored(store)).toEqual({ runs: 0, scenarios: 0 });
  });

  it('accepts the same origin, and clients that send no Origin (curl, the CLI)', async () => {
    const { app, store } = testApp();
    expect((await call(app, 'POST', `${S}/resolve`, { ...munich, save: true }, { origin: 'http://localhost' })).status).toBe(200);
    expect((await call(app, 'POST', `${S}/resolve`, { ...munich, save: true }, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await call(app, 'POST', `${S}/resolve`, { ...munich, save: true })).status).toBe(200);
    expect(store.countRuns()).toBe(3);
  });
});

describe('DNS rebinding: the Host header', () => {
  it('answers only to loopback names and the hosts it is told', async () => {
    const { app } = testApp();
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080']) expect((await call(app, 'GET', '/api/health', undefined, { host })).status, host).toBe(200);
    for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', 'casus.example.org']) {
      const response = await call(app, 'GET', '/api/health', undefined, { host });
      expect(response.status, host).toBe(403);
      expect(response.body.error).toMatch(/does not answer to the host/);
    }
    const proxied = createApp({ store: new Store(':memory:'), builtIn: loadScenarioFile(FIXTURE), hosts: ['casus.example.org'] });
    expect((await call(proxied, 'GET', '/api/health', undefined, { host: 'casus.example.org' })).status).toBe(200);
    expect((await call(proxied, 'POST', `${S}/resolve`, munich, { host: 'casus.example.org', origin: 'https://casus.example.org' })).status).toBe(200);
    expect((await call(proxied, 'GET', '/api/health', undefined, { host: 'evil.example' })).status).toBe(403);
  });

  it('refuses a foreign Host on a real socket bound to 127.0.0.1', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'rebind.db'), scenario: loadScenarioFile(FIXTURE) });
    try {
      const port = new URL(server.url).port;
      const get = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, (res) => (res.resume(), resolve(res.statusCode!)));
          req.on('error', reject).end();
        });
      expect(await get(`127.0.0.1:${port}`)).toBe(200);
      expect(await get(`localhost:${port}`)).toBe(200);
      expect(await get(`attacker.example:${port}`)).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('answers', () => {
  it('carry the security headers, whatever the status', async () => {
    const { app } = testApp({ bodyBytes: 1024 });
    const answers = [
      await call(app, 'GET', '/api/health'),
      await call(app, 'GET', `${S}/world?at=1945-01-01`),
      await call(app, 'GET', '/api/nothing-here'),
      await call(app, 'PUT', '/api/health', {}),
      await call(app, 'POST', `${S}/resolve`, 'x', { 'content-type': 'text/plain' }),
      await call(app, 'POST', `${S}/resolve`, { ...munich, abstain: ['X'.repeat(2000)] }),
      await call(app, 'GET', '/api/health', undefined, { host: 'evil.example' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 422, 404, 405, 415, 413, 403]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers.get(name), `${answer.status} ${name}`).toBe(value);
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('say 405 with Allow for a method a path does not take, and OPTIONS lists them', async () => {
    const { app } = testApp();
    const cases: [string, string, string][] = [
      ['PUT', '/api/health', 'GET, HEAD'],
      ['POST', '/api/runs/1', 'DELETE, GET, HEAD'],
      ['DELETE', '/api/scenarios', 'GET, HEAD, POST'],
      ['GET', `${S}/resolve`, 'POST'],
      ['PATCH', '/api/jobs/x', 'DELETE, GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await call(app, method, path, method === 'GET' ? undefined : {});
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(response.body.error).toMatch(/not allowed/);
    }
    const options = await call(app, 'OPTIONS', '/api/runs/1');
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('DELETE, GET, HEAD');
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(app, 'GET', '/api/no/such/route')).status).toBe(404);
  });
});

describe('the explorer files', () => {
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  const app = createApp({ store: new Store(':memory:'), webRoot: root, builtIn: loadScenarioFile(FIXTURE) });

  it('serves a bundle as immutable, and a missing one as 404 without the index or a long cache', async () => {
    const hit = await app.request('/assets/main-abc123.js');
    expect(hit.status).toBe(200);
    expect(hit.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/assets/main-old999.js', '/favicon.ico', '/robots.txt']) {
      const miss = await app.request(path);
      expect(miss.status, path).toBe(404);
      expect(miss.headers.get('cache-control') ?? '', path).not.toContain('immutable');
      expect(await miss.text(), path).not.toContain('explorer');
    }
  });

  it('answers a page path with the index, not cached, and nothing outside the folder', async () => {
    const page = await app.request('/lab/munich');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('explorer');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    for (const path of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      expect(await (await app.request(path)).text(), path).not.toContain('SECRET');
    }
  });

  it('keeps traversal out of the API: ids are checked before they reach the store', async () => {
    const { app: api, store } = testApp();
    for (const [method, path] of [
      ['DELETE', '/api/scenarios/..%2F..%2Fetc'],
      ['DELETE', '/api/scenarios/interwar%00'],
      ['DELETE', '/api/runs/..%2F1'],
      ['GET', '/api/jobs/..%2F..%2Fpackage.json'],
      ['DELETE', '/api/jobs/%2e%2e'],
    ] as const) {
      const response = await call(api, method, path);
      expect([400, 404], `${method} ${path}`).toContain(response.status);
    }
    expect(stored(store)).toEqual({ runs: 0, scenarios: 0 });
  });
});
