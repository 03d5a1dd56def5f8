import { describe, expect, it } from 'vitest';
import { call, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };

async function finished(app: ReturnType<typeof testApp>['app'], jobId: string) {
  for (let i = 0; i < 600; i++) {
    const { body } = await call(app, 'GET', `/api/jobs/${jobId}`);
    if (body.status !== 'queued' && body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Reruns a stored run (a job, like any other) and answers its report once done. */
async function rerun(app: ReturnType<typeof testApp>['app'], runId: number) {
  const submitted = await call(app, 'POST', `/api/runs/${runId}/rerun`);
  expect(submitted.status).toBe(202);
  expect(submitted.headers.get('location')).toBe(`/api/jobs/${submitted.body.id}`);
  const job = await finished(app, submitted.body.id);
  expect(job.status).toBe('done');
  return job.result;
}

describe('API: simulations as jobs, stored runs, reruns', () => {
  it('runs a simulation as a job with progress, stores it with engine version, scenario hash, seed and parameters', async () => {
    const { app, store } = testApp();
    const submitted = await call(app, 'POST', `${S}/simulate`, { ...munich, runs: 200_000, seed: 42 });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('location')).toBe(`/api/jobs/${submitted.body.id}`);
    const job = await finished(app, submitted.body.id);
    expect(job).toMatchObject({ status: 'done', progress: { done: 200_000, total: 200_000 } });
    expect(job.result.runs).toBe(200_000);
    const run = store.getRun(job.runId)!;
    expect(run).toMatchObject({ kind: 'simulate', scenario: 'munich-test', seed: 42, engineVersion: expect.stringMatching(/^casus@/) });
    expect(run.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.result).toEqual(job.result);
  });

  it('gives the same result when a stored run is rerun', async () => {
    const { app } = testApp();
    const submitted = await call(app, 'POST', `${S}/simulate`, { ...munich, runs: 70_000, seed: 7, abstain: ['RUS'] });
    const job = await finished(app, submitted.body.id);
    const report = await rerun(app, job.runId);
    expect(report).toMatchObject({ same: true, scenarioChanged: false });
    expect(report.result).toEqual(job.result);
    const resolved = await call(app, 'POST', `${S}/resolve`, { ...munich, save: true });
    expect((await rerun(app, resolved.body.runId)).same).toBe(true);
  });

  it('compares two runs: France abstaining moves the chance the Soviets fight', async () => {
    const { app } = testApp();
    const a = await finished(app, (await call(app, 'POST', `${S}/simulate`, { ...munich, runs: 20_000 })).body.id);
    const b = await finished(app, (await call(app, 'POST', `${S}/simulate`, { ...munich, runs: 20_000, abstain: ['FRN'] })).body.id);
    const { status, body } = await call(app, 'GET', `/api/runs/compare?a=${a.runId}&b=${b.runId}`);
    expect(status, JSON.stringify([a, b, body]).slice(0, 800)).toBe(200);
    const rus = body.diff.states.find((s: { state: string }) => s.state === 'RUS');
    expect(rus.b).toBe(0);
    expect(rus.a).toBeGreaterThan(0);
    const list = await call(app, 'GET', '/api/runs?kind=simulate');
    expect(list.body.runs.map((r: { id: number }) => r.id)).toEqual([b.runId, a.runId]);
  });

  it('bounds concurrent simulations: one runs, two wait, the rest get 429 and nothing is stored for them', async () => {
    const { app, store } = testApp({ concurrentJobs: 1, queuedJobs: 2 });
    const responses = await Promise.all([0, 1, 2, 3, 4].map((seed) => call(app, 'POST', `${S}/simulate`, { ...munich, runs: 100_000, seed })));
    expect(responses.map((r) => r.status).sort()).toEqual([202, 202, 202, 429, 429]);
    for (const refused of responses.filter((r) => r.status === 429)) expect(refused.body.error).toMatch(/too much work/);
    let most = 0;
    for (let i = 0; i < 2000 && app.jobs.load().running + app.jobs.load().queued > 0; i++) {
      most = Math.max(most, app.jobs.load().running);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(most).toBe(1);
    await app.jobs.idle();
    expect(store.countRuns()).toBe(3);
  });

  it('refuses a simulation that makes no sense before queueing it', async () => {
    const { app, store } = testApp();
    const gone = await call(app, 'POST', `${S}/simulate`, { ...munich, date: '1939-06-01' });
    expect(gone.status).toBe(422);
    const badParameter = await call(app, 'POST', `${S}/simulate`, { ...munich, parameters: { 'no-such-parameter': 1 } });
    expect(badParameter.status).toBe(422);
    const badOverlay = await call(app, 'POST', `${S}/simulate`, { ...munich, overlays: [{ id: 'x', title: 'x', changes: [{ op: 'explode' }] }] });
    expect(badOverlay.status).toBe(400);
    expect(app.jobs.load()).toEqual({ running: 0, queued: 0 });
    expect(store.countRuns()).toBe(0);
  });

  it('derives a scenario from overlays and answers about it', async () => {
    const { app } = testApp();
    const overlay = { id: 'rum-transit', title: 'Romania lets the Red Army pass', changes: [{ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' }] };
    const created = await call(app, 'POST', `${S}/derive`, { id: 'munich-rum', overlays: [overlay] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'munich-rum', origin: 'derived', base: 'munich-test' });
    const resolved = await call(app, 'POST', '/api/scenarios/munich-rum/resolve', munich);
    expect(resolved.body.states.find((s: { state: string }) => s.state === 'RUS').reach.mode).toBe('transit');
    const original = await call(app, 'POST', `${S}/resolve`, munich);
    expect(original.body.states.find((s: { state: string }) => s.state === 'RUS').reach.mode).toBe('none');
  });

  it('ranks single changes as a job: granting Soviet transit through Romania is among them, and the run reruns the same', async () => {
    const { app } = testApp();
    const candidates = [
      { id: 'rum-transit', title: 'Romania lets the Red Army pass', changes: [{ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' }] },
      { id: 'no-pact', title: 'No Soviet-Czechoslovak pact', changes: [{ op: 'drop-treaty', treaty: 'su-cz-1935' }] },
    ];
    const submitted = await call(app, 'POST', `${S}/whatif`, { ...munich, runs: 5_000, seed: 3, candidates });
    expect(submitted.status).toBe(202);
    const job = await finished(app, submitted.body.id);
    expect(job.status).toBe('done');
    expect(job.result.candidates.map((c: { id: string }) => c.id).sort()).toEqual(['no-pact', 'rum-transit']);
    expect(job.result.overlays).toEqual(candidates);
    expect((await rerun(app, job.runId)).same).toBe(true);
  });
});
