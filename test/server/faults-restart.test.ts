/**
 * A server killed (SIGKILL) while a job runs and others wait: after a restart, every job it
 * acknowledged is accounted for: the waiting ones run and keep their runs, the running one is
 * marked failed with the reason, and no job id is ever given twice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { startCasus } from '../e2e/support/server.js';
import { chainedAct, chainedScenario } from './support/chained.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Job {
  id: string;
  status: string;
  error?: string;
  runId?: number;
}

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as Job;
};
const job = async (base: string, id: string) => (await (await fetch(`${base}api/jobs/${id}`)).json()) as Job;

describe('a server killed during a job', () => {
  it('fails the job it was running, with the reason, and runs the jobs it had accepted', async () => {
    const file = join(dir, 'c28.json');
    writeFileSync(file, chainedScenario(28, 'c28'));
    const db = join(dir, 'restart.db');
    const first = await startCasus(['--db', db, '--scenario', file]);
    const simulate = `${first.url}api/scenarios/c28/simulate`;
    const long = await post(simulate, { ...chainedAct, runs: 1_000_000, seed: 1 });
    const waiting = [await post(simulate, { ...chainedAct, runs: 2_000, seed: 2 }), await post(simulate, { ...chainedAct, runs: 2_000, seed: 3 })];
    for (let i = 0; i < 100 && (await job(first.url, long.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await job(first.url, long.id)).status).toBe('running');
    expect((await job(first.url, waiting[1]!.id)).status).toBe('queued');
    first.process.kill('SIGKILL');
    await new Promise((r) => first.process.once('exit', r));

    const second = await startCasus(['--db', db, '--scenario', file]);
    try {
      const lost = await job(second.url, long.id);
      expect(lost.status).toBe('failed');
      expect(lost.error).toMatch(/server stopped while this job ran/);
      const done: Job[] = [];
      for (const accepted of waiting) {
        let view = await job(second.url, accepted.id);
        for (let i = 0; i < 300 && (view.status === 'queued' || view.status === 'running'); i++) {
          await new Promise((r) => setTimeout(r, 50));
          view = await job(second.url, accepted.id);
        }
        expect(view.status, JSON.stringify(view)).toBe('done');
        done.push(view);
      }
      const fresh = await post(`${second.url}api/scenarios/c28/simulate`, { ...chainedAct, runs: 1_000, seed: 4 });
      const ids = [long.id, ...waiting.map((w) => w.id), fresh.id];
      expect(new Set(ids).size).toBe(4);
      // UUIDv7: ordered by time, so the new id sorts after every id of the killed process.
      expect([...ids].sort().at(-1)).toBe(fresh.id);
      await second.stop();

      const store = new Store(db);
      const runs = store.listRuns({ limit: 100 });
      expect(runs.map((r) => r.seed).sort()).toEqual(expect.arrayContaining([2, 3]));
      expect(runs.some((r) => r.seed === 1)).toBe(false);
      for (const view of done) expect(store.getRun(view.runId!)).toBeDefined();
      store.close();
    } finally {
      await second.stop();
    }
  });
});
