/**
 * Heavy work against a real socket: the event loop keeps answering /api/health while a worker
 * grinds; work over its budget is stopped with a 504; a client that goes away
 * stops its work; a full pool says 503. The heavy input is a synthetic scenario whose atlas
 * takes about a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.js';
import type { LimitOverrides } from '../../src/server/app.js';
import { startServer, type Running } from '../../src/server/serve.js';
import { tangledScenario } from './support/chained.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-work-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 250 states all bound to each other in one chain: the atlas takes about a minute.
const heavy = parseScenario(tangledScenario(250), 'heavy.json');
const ATLAS = 'api/scenarios/tangled/atlas?at=1935-01-01';
let dbs = 0;

async function server(limits: LimitOverrides): Promise<Running & { db: string }> {
  const db = join(dir, `work-${++dbs}.db`);
  const running = await startServer({ port: 0, host: '127.0.0.1', db, scenario: heavy, limits: { scenario: { actors: 1200, chainLength: 1200 }, ...limits } });
  return { ...running, db };
}

/** Polls health every 40 ms for `ms`; answers how many answers came back in that time. */
async function healthAnswers(url: string, ms: number): Promise<number> {
  let answered = 0;
  for (const end = Date.now() + ms; Date.now() < end; ) {
    const response = await fetch(`${url}api/health`);
    expect(response.status).toBe(200);
    await response.json();
    answered++;
    await new Promise((r) => setTimeout(r, 40));
  }
  return answered;
}

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('work off the event loop', () => {
  it('answers health while the atlas grinds, then stops the atlas at its budget with 504', async () => {
    const s = await server({ requestBudgetMs: 3000 });
    try {
      const started = performance.now();
      const atlas = fetch(`${s.url}${ATLAS}`);
      let finished = false;
      void atlas.then(() => (finished = true));
      // Were the atlas on the event loop, no health answer would come back until it ended (a minute);
      // counting answers, not timing them, keeps a loaded machine from failing the test.
      expect(await healthAnswers(s.url, 1500)).toBeGreaterThanOrEqual(5);
      expect(finished).toBe(false);
      const response = await atlas;
      expect(response.status).toBe(504);
      expect(((await response.json()) as { error: string }).error).toMatch(/time budget of 3 s/);
      expect(performance.now() - started).toBeLessThan(8000);
    } finally {
      await s.close();
    }
  });

  it('stops the work of a client that goes away, freeing the only worker', async () => {
    const s = await server({ requestThreads: 1, requestBudgetMs: 120_000 });
    try {
      const gone = new AbortController();
      const atlas = fetch(`${s.url}${ATLAS}`, { signal: gone.signal }).catch(() => 'aborted');
      await until(async () => (((await (await fetch(`${s.url}api/health`)).json()) as { work: { requests: number } }).work.requests === 1 ? true : undefined), 5000);
      gone.abort();
      expect(await atlas).toBe('aborted');
      // The one request thread is free again: were the atlas still running, this would wait for minutes.
      const started = performance.now();
      const days = await fetch(`${s.url}api/scenarios/tangled/days`);
      expect(days.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(10_000);
      const health = (await (await fetch(`${s.url}api/health`)).json()) as { work: { requests: number } };
      expect(health.work.requests).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('answers 503 when every request thread is busy and the queue is full', async () => {
    const s = await server({ requestThreads: 1, requestQueue: 1, requestBudgetMs: 4000 });
    try {
      const answers = await Promise.all([0, 1, 2].map(() => fetch(`${s.url}${ATLAS}`).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string } }))));
      const busy = answers.filter((a) => a.status === 503);
      expect(busy.length).toBeGreaterThanOrEqual(1);
      expect(busy[0]!.body.error).toMatch(/busy/);
      expect(answers.filter((a) => a.status === 504).length).toBeGreaterThanOrEqual(1);
    } finally {
      await s.close();
    }
  });
});
