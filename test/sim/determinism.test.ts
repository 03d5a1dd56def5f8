/** Same input and seed, same result: on one thread or two, chunk by chunk or in one go. */
import { describe, expect, it } from 'vitest';
import { streamState } from '../../src/sim/random.js';
import { runSensitivity, runSimulation } from '../../src/sim/run.js';
import { candidateOverlays } from '../../src/sim/sensitivity.js';
import { CHUNK, prepareAct, simulatePrepared } from '../../src/sim/simulate.js';
import { europe, MUNICH, POLAND } from './helpers.js';

describe('determinism', () => {
  it('the same seed gives the same report on 1 and 2 threads, and the same as in-process', async () => {
    const prepared = prepareAct({ scenario: europe(), act: POLAND, parameters: { 'power-deterrence-ratio': 0.6 } });
    const runs = 3 * CHUNK + 123; // several chunks and a ragged last one
    const one = await runSimulation(prepared, runs, 42, { threads: 1 });
    const two = await runSimulation(prepared, runs, 42, { threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(simulatePrepared(prepared, runs, 42))).toBe(JSON.stringify(one));
    expect(one.runs).toBe(runs);
    expect(one.deterrence.p).toBeGreaterThan(0);
  });

  it('the sensitivity ranking is the same on 1 and 2 threads', async () => {
    const input = { scenario: europe(), act: MUNICH, parameters: { 'power-deterrence-ratio': 0.5 } };
    const candidates = candidateOverlays(prepareAct(input));
    const one = await runSensitivity(input, candidates, 2 * CHUNK, 9, { threads: 1 });
    const two = await runSensitivity(input, candidates, 2 * CHUNK, 9, { threads: 2 });
    expect(two).toEqual(one);
  });

  it('each sample has its own stream, fixed by (seed, index)', () => {
    expect(streamState(1, 5)).toEqual(streamState(1, 5));
    expect(streamState(1, 5)).not.toEqual(streamState(1, 6));
    expect(streamState(1, 5)).not.toEqual(streamState(2, 5));
    // Indices beyond 2³² are distinct streams too.
    expect(streamState(1, 2 ** 32 + 5)).not.toEqual(streamState(1, 5));
    // Pinned: a change here changes every published figure.
    expect(streamState(0, 0)).toMatchInlineSnapshot(`
      [
        -1503039682,
        -688056635,
        -841646867,
        -1730500840,
      ]
    `);
  });

  it('an aborted run reports the chunks it finished', async () => {
    const prepared = prepareAct({ scenario: europe(), act: MUNICH });
    const abort = new AbortController();
    const report = await runSimulation(prepared, 10 * CHUNK, 1, { threads: 1, signal: abort.signal, onProgress: (done) => done >= 2 * CHUNK && abort.abort() });
    expect(report.interrupted).toBe(true);
    expect(report.runs).toBe(2 * CHUNK);
  });
});
