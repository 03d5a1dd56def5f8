/**
 * Running chunks of samples on worker threads (piscina) or on this one. Chunks are fixed by
 * sample index and their tallies are sums, so the merged result does not depend on the number
 * of threads or the order in which chunks finish. An abort signal stops the run between chunks;
 * what finished is returned.
 */
import { Piscina } from 'piscina';
import { runTask, type Task } from './worker.js';

/** How to run: threads, a signal that stops the run, and a progress callback (samples done). */
export interface RunControl {
  threads: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number) => void) | undefined;
  /** A pool to reuse (a benchmark, a server); one is made and destroyed per run otherwise. */
  pool?: Piscina | undefined;
}

/** The finished chunks' results and whether the run stopped early. */
export interface ChunkRun<T> {
  results: T[];
  done: number;
  interrupted: boolean;
}

const WORKER = new URL('./worker.mjs', import.meta.url).href;

/** Most threads accepted: more than this gains nothing on any machine casus targets. */
export const MAX_THREADS = 64;

/** A pool of `threads` simulator workers. The caller destroys it. */
export function createPool(threads: number): Piscina {
  return new Piscina({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
}

/** Runs tasks (chunks) on `threads` threads. Resolves with every finished chunk's result, in task order. */
export async function runChunks<T>(tasks: readonly Task[], control: RunControl): Promise<ChunkRun<T>> {
  const results: (T | undefined)[] = new Array(tasks.length);
  let done = 0;
  const finish = (i: number, result: T) => {
    results[i] = result;
    done += tasks[i]!.to - tasks[i]!.from;
    control.onProgress?.(done);
  };
  const aborted = () => control.signal?.aborted === true;
  if (control.threads <= 1) {
    for (let i = 0; i < tasks.length && !aborted(); i++) {
      finish(i, runTask(tasks[i]!) as T);
      // Let a signal handler (Ctrl-C) run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = control.pool ?? createPool(control.threads);
    try {
      let next = 0;
      const lane = async () => {
        while (next < tasks.length && !aborted()) {
          const i = next++;
          finish(i, (await pool.run(tasks[i])) as T);
        }
      };
      await Promise.all(Array.from({ length: control.threads * 2 }, lane));
    } finally {
      if (!control.pool) await pool.destroy();
    }
  }
  const finished = results.filter((r): r is T => r !== undefined);
  return { results: finished, done, interrupted: finished.length < tasks.length };
}
