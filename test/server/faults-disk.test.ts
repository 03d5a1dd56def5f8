/**
 * A full store, seen through the API: every write answers 507 and keeps nothing, every 200 or
 * 202 before it was really kept. Once on SQLite's own page limit (SQLITE_FULL injected), once
 * on a filesystem that really fills up (a small tmpfs, where this process may mount one).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/model/load.js';
import { startServer } from '../../src/server/serve.js';
import { Store } from '../../src/store/store.js';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../support/tmpfs.js';
import { call, FIXTURE, testApp } from './support/app.js';

const S = '/api/scenarios/munich-test';
const targets = ['CZE', 'POL', 'FRN', 'RUM'];
const act = (i: number) => ({ attackers: ['GMY'], target: targets[i % targets.length], date: '1938-09-28', save: true });

const disks: SmallDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

describe('a full store through the API', () => {
  it('answers 507 to every write, keeps nothing of it, and keeps every run it acknowledged', async () => {
    const { app, store } = testApp();
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 12}`);
    const acknowledged = new Map<number, string>();
    let full: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 200 && !full; i++) {
      const response = await call(app, 'POST', `${S}/resolve`, act(i));
      if (response.status === 200) acknowledged.set(response.body.runId, act(i).target!);
      else full = response;
    }
    expect(full?.status).toBe(507);
    expect(full?.body.error).toMatch(/store is full.*nothing was stored/);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(store.countRuns()).toBe(acknowledged.size);
    for (const [id, target] of acknowledged) expect((store.getRun(id)!.parameters as { target: string }).target).toBe(target);

    const scenario = (await call(app, 'GET', `${S}?full=1`)).body.scenario;
    const big = { ...scenario, id: 'copy', description: 'x'.repeat(60_000) };
    const upload = await call(app, 'POST', '/api/scenarios', big);
    expect(upload.status).toBe(507);
    const derive = await call(app, 'POST', `${S}/derive`, { id: 'derived', name: 'y'.repeat(150), overlays: [{ id: 'o', title: 'x'.repeat(60_000), changes: [{ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' }] }] });
    expect(derive.status).toBe(507);
    const simulate = await call(app, 'POST', `${S}/simulate`, { attackers: ['GMY'], target: 'CZE', date: '1938-09-28', runs: 1000, overlays: [{ id: 'o', title: 'x'.repeat(60_000), changes: [{ op: 'grant-transit', grantor: 'RUM', grantee: 'RUS' }] }] });
    expect(simulate.status).toBe(507);
    expect(store.listScenarios()).toEqual([]);
    expect(store.jobs.withStatus('queued', 'running', 'done', 'failed', 'cancelled')).toEqual([]);
    expect(app.jobs.load()).toEqual({ running: 0, queued: 0 });
    expect(store.countRuns()).toBe(acknowledged.size);

    // Deleting runs makes room again.
    for (const id of [...acknowledged.keys()].slice(0, Math.ceil(acknowledged.size / 2))) expect((await call(app, 'DELETE', `/api/runs/${id}`)).status).toBe(200);
    expect((await call(app, 'POST', `${S}/resolve`, act(0))).status).toBe(200);
  });

  it.skipIf(!canMountSmallDisk)('on a filesystem that really fills up, the runs after a restart are exactly those acknowledged', async () => {
    const disk = mountSmallDisk(1024)!;
    disks.push(disk);
    const db = join(disk.dir, 'casus.db');
    const server = await startServer({ port: 0, host: '127.0.0.1', db, scenario: loadScenarioFile(FIXTURE) });
    const acknowledged = new Map<number, string>();
    const statuses = new Set<number>();
    try {
      for (let i = 0; i < 2000; i++) {
        const response = await fetch(`${server.url}api/scenarios/munich-test/resolve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(act(i)) });
        statuses.add(response.status);
        const body = (await response.json()) as { runId?: number; error?: string };
        if (response.status === 200) acknowledged.set(body.runId!, act(i).target!);
        else if (response.status === 507) {
          expect(body.error).toMatch(/nothing was stored/);
          break;
        }
      }
    } finally {
      await server.close();
    }
    expect([...statuses].sort()).toEqual([200, 507]);
    const store = new Store(db);
    expect(store.integrity()).toBe('ok');
    const kept = store.listRuns({ limit: 100_000 });
    expect(kept.map((r) => r.id).sort((a, b) => a - b)).toEqual([...acknowledged.keys()].sort((a, b) => a - b));
    for (const run of kept) expect((run.parameters as { target: string }).target).toBe(acknowledged.get(run.id));
    store.close();
  });
});
