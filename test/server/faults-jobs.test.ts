/**
 * Jobs under their budget and cancellation, on a real socket: a job over its budget fails
 * saying so and stores nothing; a cancelled job's worker is ended at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.js';
import type { LimitOverrides } from '../../src/server/app.js';
import { startServer, type Running } from '../../src/server/serve.js';
import { Store } from '../../src/store/store.js';
import { chainedAct, chainedScenario } from './support/chained.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 28 states in one chain: a simulation of 1,000,000 samples takes seconds.
const c28 = parseScenario(chainedScenario(28, 'c28'), 'c28.json');
let dbs = 0;

async function server(limits: LimitOverrides): Promise<Running & { db: string }> {
  const db = join(dir, `jobs-${++dbs}.db`);
  return { ...(await startServer({ port: 0, host: '127.0.0.1', db, scenario: c28, limits })), db };
}

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('jobs under their budget and cancellation', () => {
  const simulation = { ...chainedAct, runs: 1_000_000 };

  it('fails a job over its budget, saying so, and stores no run', async () => {
    const s = await server({ jobBudgetMs: 1000 });
    try {
      const submitted = (await (await fetch(`${s.url}api/scenarios/c28/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(simulation) })).json()) as { id: string };
      const job = await until(async () => {
        const view = (await (await fetch(`${s.url}api/jobs/${submitted.id}`)).json()) as { status: string; error?: string };
        return view.status === 'queued' || view.status === 'running' ? undefined : view;
      }, 15_000);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/time budget of 1 s/);
    } finally {
      await s.close();
    }
    const store = new Store(s.db);
    expect(store.countRuns()).toBe(0);
    expect(store.jobs.withStatus('failed').map((j) => j.error)).toEqual([expect.stringMatching(/time budget/)]);
    store.close();
  });

  it('cancels a running job: its worker is ended, it shows cancelled, and no run is stored', async () => {
    const s = await server({});
    try {
      const submitted = (await (await fetch(`${s.url}api/scenarios/c28/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(simulation) })).json()) as { id: string };
      await until(async () => (((await (await fetch(`${s.url}api/jobs/${submitted.id}`)).json()) as { status: string }).status === 'running' ? true : undefined), 5000);
      const started = performance.now();
      expect((await fetch(`${s.url}api/jobs/${submitted.id}`, { method: 'DELETE' })).status).toBe(200);
      const job = await until(async () => {
        const view = (await (await fetch(`${s.url}api/jobs/${submitted.id}`)).json()) as { status: string };
        return view.status === 'running' ? undefined : view;
      }, 5000);
      expect(job.status).toBe('cancelled');
      expect(performance.now() - started).toBeLessThan(2000);
      const health = (await (await fetch(`${s.url}api/health`)).json()) as { jobs: { running: number }; store: { runs: number } };
      expect(health.jobs.running).toBe(0);
      expect(health.store.runs).toBe(0);
    } finally {
      await s.close();
    }
  });
});
