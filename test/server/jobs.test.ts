/**
 * The job queue on its own (a fake runner, a real store): the bound is checked before any work,
 * an accepted job is stored before it is acknowledged, ids never repeat, and a restart resumes
 * what waited and fails what ran. Then deletion and retention through the API.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { isUuid, uuidv7 } from '../../src/server/ids.js';
import { JobQueue, type JobRunner } from '../../src/server/jobs.js';
import { Store } from '../../src/store/store.js';
import { call, FIXTURE, testApp } from './support/app.js';

const spec = (seed: number) => ({ kind: 'simulate', scenario: 'munich-test', request: { runs: 10, seed }, total: 10 });
const instant: JobRunner = async (s) => ({ result: { echo: s.request } });

describe('job ids', () => {
  it('are UUIDv7: well formed, unique, and ordered by the time they were made', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 20 }), (t, dt) => {
        const [a, b] = [uuidv7(t), uuidv7(t + dt)];
        expect(isUuid(a) && isUuid(b)).toBe(true);
        expect(a[14]).toBe('7');
        expect(a < b).toBe(true);
      }),
    );
    const many = new Set(Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000)));
    expect(many.size).toBe(10_000);
  });
});

describe('the job queue', () => {
  it('refuses with 429 once running and waiting places are held, before any work is done', () => {
    const store = new Store(':memory:');
    const queue = new JobQueue({ running: 1, queued: 2, kept: 10 }, store, instant);
    const places = [queue.reserve(), queue.reserve(), queue.reserve()];
    expect(() => queue.reserve()).toThrow(/too much work/);
    places[0]!.release();
    places[0]!.release(); // twice changes nothing
    const again = queue.reserve();
    expect(() => queue.reserve()).toThrow(/too much work/);
    for (const place of [again, places[1]!, places[2]!]) place.release();
    expect(store.jobs.withStatus('queued')).toEqual([]);
  });

  it('stores a job before acknowledging it; when the store refuses, nothing is queued', async () => {
    const store = new Store(':memory:');
    const queue = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, instant);
    const job = queue.submit(spec(1), queue.reserve());
    expect(store.jobs.get(job.id)).toMatchObject({ kind: 'simulate', request: { seed: 1 } });
    await queue.idle();
    expect(queue.view(job.id)).toMatchObject({ status: 'done', result: { echo: { seed: 1 } } });
    expect(store.jobs.get(job.id)!.status).toBe('done');
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true })}`);
    const big = { ...spec(2), request: { runs: 10, pad: 'x'.repeat(100_000) } };
    expect(() => queue.submit(big, queue.reserve())).toThrow(/full/);
    expect(queue.load()).toEqual({ running: 0, queued: 0 });
    // The place it held is free again.
    for (let i = 0; i < 5; i++) queue.reserve();
  });

  it('after a restart, fails the job that was running and runs those that waited', async () => {
    const store = new Store(':memory:');
    const never: JobRunner = () => new Promise(() => {});
    const before = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, never);
    const ids = [1, 2, 3].map((seed) => before.submit(spec(seed), before.reserve()).id);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.jobs.get(ids[0]!)!.status).toBe('running');

    const ran: unknown[] = [];
    const after = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, async (s) => (ran.push(s.request), { result: 'ok' }));
    expect(after.resume()).toEqual({ resumed: 2, failed: 1 });
    await after.idle();
    expect(after.view(ids[0]!)).toMatchObject({ status: 'failed', error: expect.stringMatching(/server stopped/) });
    expect(ran).toEqual([{ runs: 10, seed: 2 }, { runs: 10, seed: 3 }]);
    for (const id of ids.slice(1)) expect(store.jobs.get(id)!.status).toBe('done');
    // A job this process never saw is read from the store.
    const fresh = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, instant);
    expect(fresh.view(ids[0]!)).toMatchObject({ status: 'failed', progress: { done: 0, total: 10 } });
    expect(fresh.view('not-a-uuid')).toBeUndefined();
  });
});

describe('a clean stop', () => {
  it('puts the job it cut short back in the queue of the store, and starts nothing more', async () => {
    const store = new Store(':memory:');
    const rejectors: ((error: Error) => void)[] = [];
    const queue = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, () => new Promise((_, reject) => rejectors.push(reject)));
    const [first, second] = [1, 2].map((seed) => queue.submit(spec(seed), queue.reserve()).id);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.jobs.get(first!)!.status).toBe('running');
    queue.shutdown();
    rejectors[0]!(new Error('Terminating worker thread'));
    await queue.drained();
    expect(store.jobs.get(first!)!.status).toBe('queued');
    expect(store.jobs.get(second!)!.status).toBe('queued');
    expect(rejectors).toHaveLength(1);
    const after = new JobQueue({ running: 1, queued: 4, kept: 10 }, store, instant);
    expect(after.resume()).toEqual({ resumed: 2, failed: 0 });
    await after.idle();
    expect(store.jobs.withStatus('done').map((j) => j.id)).toEqual([first, second]);
  });
});

describe('deleting and retention through the API', () => {
  const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', save: true };

  it('deletes a stored run and an uploaded scenario, refuses the built-in one, and 404s what is gone', async () => {
    const { app, store } = testApp();
    const saved = await call(app, 'POST', '/api/scenarios/munich-test/resolve', munich);
    expect((await call(app, 'DELETE', `/api/runs/${saved.body.runId}`)).body).toEqual({ deleted: saved.body.runId });
    expect((await call(app, 'GET', `/api/runs/${saved.body.runId}`)).status).toBe(404);
    expect((await call(app, 'DELETE', `/api/runs/${saved.body.runId}`)).status).toBe(404);
    const overlay = { id: 'o', title: 'Romania lets the Red Army pass', changes: [{ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' }] };
    expect((await call(app, 'POST', '/api/scenarios/munich-test/derive', { id: 'gone-soon', overlays: [overlay] })).status).toBe(201);
    expect((await call(app, 'GET', '/api/scenarios/gone-soon/days')).status).toBe(200);
    expect((await call(app, 'DELETE', '/api/scenarios/gone-soon')).status).toBe(200);
    expect((await call(app, 'GET', '/api/scenarios/gone-soon/days')).status).toBe(404);
    expect(store.listScenarios()).toEqual([]);
    const builtIn = await call(app, 'DELETE', '/api/scenarios/munich-test');
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.error).toMatch(/built in/);
  });

  it('keeps only the newest runs when a retention is set', async () => {
    const store = new Store(':memory:');
    const app = createApp({ store, builtIn: loadScenarioFile(FIXTURE), retention: { keep: 2 } });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await call(app, 'POST', '/api/scenarios/munich-test/resolve', munich)).body.runId);
    expect(store.listRuns().map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect((await call(app, 'GET', `/api/runs/${ids[0]}`)).status).toBe(404);
  });
});
