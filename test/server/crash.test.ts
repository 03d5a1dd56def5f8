/**
 * Killing the server (SIGKILL) while it writes runs loses no run it acknowledged, and leaves a
 * database that opens, passes SQLite's integrity check, and is served again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { startCasus } from '../e2e/support/server.js';
import { FIXTURE } from './support/app.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a server killed during writes', () => {
  it('keeps every acknowledged run and a readable database', async () => {
    const db = join(dir, 'crash.db');
    const server = await startCasus(['--db', db, '--scenario', FIXTURE]);
    const acknowledged = new Map<number, string>();
    let stop = false;
    let failures = 0;
    const targets = ['CZE', 'POL', 'FRN', 'RUM'];
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < 5000; i++) {
        const target = targets[(w + i) % targets.length]!;
        try {
          const response = await fetch(`${server.url}api/scenarios/munich-test/resolve`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ attackers: ['GMY'], target, date: '1938-09-28', save: true }),
          });
          if (response.status === 200) acknowledged.set(((await response.json()) as { runId: number }).runId, target);
        } catch {
          failures++; // the connection dies with the server
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Let writes pile up, then kill the process mid-stream, with no chance to clean up.
    await new Promise((r) => setTimeout(r, 1500));
    server.process.kill('SIGKILL');
    await new Promise((r) => server.process.once('exit', r));
    stop = true;
    await Promise.all(writers);

    expect(acknowledged.size).toBeGreaterThan(20);
    const store = new Store(db);
    expect(store.integrity()).toBe('ok');
    for (const [id, target] of acknowledged) {
      const run = store.getRun(id);
      expect(run, `run ${id} was acknowledged and must survive`).toBeDefined();
      expect((run!.parameters as { target: string }).target).toBe(target);
      expect((run!.result as { act: { target: string } }).act.target).toBe(target);
    }
    expect(store.countRuns()).toBeGreaterThanOrEqual(acknowledged.size);
    store.close();

    const again = await startCasus(['--db', db, '--scenario', FIXTURE]);
    const some = [...acknowledged.keys()].at(-1)!;
    const response = await fetch(`${again.url}api/runs/${some}`);
    expect(response.status).toBe(200);
    await again.stop();
  });
});
