/**
 * Heavy work off the event loop: every task runs on a worker thread of a bounded pool, under a
 * time budget, with a heap limit per thread, and stops (its thread is ended) when the budget
 * runs out or the client goes away. So the event loop only routes, checks and writes, and
 * `/api/health` answers whatever runs.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { HttpError } from './errors.js';
import { errorOf, type TaskResults, type WorkOutcome, type WorkTask } from './tasks.js';

/** Bounds on the work of requests; each can be set per server. */
export interface WorkLimits {
  /** Threads answering requests (resolve, atlas, world, uploads); jobs have their own. */
  requestThreads: number;
  /** Requests that may wait for a thread; one more is refused with 503. */
  requestQueue: number;
  /** Longest a request's work may take, in ms; then 504. */
  requestBudgetMs: number;
  /** Longest a job (simulation, what-if, rerun) may take, in ms; then it fails saying so. */
  jobBudgetMs: number;
  /** Heap of one worker thread, in MB; a task that needs more fails with 503. */
  workerHeapMb: number;
}

const WORKER = new URL('./worker.mjs', import.meta.url).href;

/** Why a task was stopped. */
type StopReason = 'budget' | 'client' | 'cancelled';

/** The two pools of one server: requests, and jobs (as many threads as jobs may run at once). */
export class Work {
  private readonly inFlight = { requests: 0, jobs: 0 };

  /** `keepWarm`: threads stay up when idle (a server), instead of ending after 30 s (tests, tools). */
  constructor(
    readonly limits: WorkLimits,
    private readonly jobThreads: number,
    private readonly keepWarm = false,
  ) {}

  /** Looked up on each use, so that a pool closed by another app of this process is made again. */
  private pool(kind: 'requests' | 'jobs'): Piscina {
    const { requestThreads, workerHeapMb } = this.limits;
    // The bound on waiting requests is kept by run(); piscina's own queue only holds what run() let through.
    return poolOf(kind, kind === 'requests' ? requestThreads : Math.max(1, this.jobThreads), workerHeapMb, this.keepWarm);
  }

  /**
   * Runs a request's task and resolves with its value. Rejects with the task's own error
   * (HttpError, ScenarioError, QueryError), 503 when the pool is full or the task ran out of
   * memory, 504 when it ran over the budget; `signal` (the client's connection) stops it.
   */
  async run<T extends WorkTask>(task: T, signal?: AbortSignal): Promise<TaskResults[T['op']]> {
    const { requestThreads, requestQueue } = this.limits;
    if (this.inFlight.requests >= requestThreads + requestQueue) {
      throw new HttpError(503, `the server is busy: ${requestThreads} request(s) running and ${requestQueue} waiting; try again shortly`);
    }
    return (await this.execute('requests', task, this.limits.requestBudgetMs, signal)) as TaskResults[T['op']];
  }

  /** Runs a job's task on the jobs pool, reporting samples done through `onProgress`. Same errors as run(). */
  runJob(task: Extract<WorkTask, { op: 'job' }>, signal: AbortSignal, onProgress: (done: number) => void): Promise<unknown> {
    const channel = new MessageChannel();
    channel.port1.on('message', (done: number) => onProgress(done));
    channel.port1.unref();
    return this.execute('jobs', { ...task, port: channel.port2 }, this.limits.jobBudgetMs, signal, [channel.port2]).finally(() => channel.port1.close());
  }

  /** Starts every thread and waits until each has loaded the engines, so that the first requests are not slow. */
  async warm(): Promise<void> {
    const ping = (kind: 'requests' | 'jobs') => this.pool(kind).run({ op: 'ping' });
    await Promise.all([...Array.from({ length: this.limits.requestThreads }, () => ping('requests')), ping('jobs')]);
  }

  /** Tasks in each pool that have not settled: running, or waiting for a thread. */
  load(): { requests: number; jobs: number } {
    return { ...this.inFlight };
  }

  /** Ends the threads of this server's pools (shared with any other app of the same limits in this process). */
  async close(): Promise<void> {
    await closePools([this.pool('requests'), this.pool('jobs')]);
  }

  private async execute(kind: 'requests' | 'jobs', task: WorkTask, budgetMs: number, signal: AbortSignal | undefined, transferList?: MessagePort[]): Promise<unknown> {
    const stop = new AbortController();
    let reason: StopReason | undefined;
    const halt = (why: StopReason) => {
      reason ??= why;
      stop.abort(why);
    };
    const timer = setTimeout(() => halt('budget'), budgetMs);
    const onAbort = () => halt(signal?.reason === 'cancelled' ? 'cancelled' : 'client');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const pool = this.pool(kind);
    const options = { signal: stop.signal, ...(transferList ? { transferList: transferList as never } : {}) };
    this.inFlight[kind]++;
    try {
      // The scenario by hash alone first; with its text only when the thread does not keep it (a port can be sent once, so a job always carries the text).
      const lean = transferList ? undefined : withoutScenarioText(task);
      let outcome = (await pool.run(lean ?? task, options)) as WorkOutcome;
      if (lean && !outcome.ok && outcome.failure.kind === 'missing') outcome = (await pool.run(task, options)) as WorkOutcome;
      if (!outcome.ok) throw errorOf(outcome.failure);
      return outcome.value;
    } catch (error) {
      throw stopped(error, reason, budgetMs);
    } finally {
      this.inFlight[kind]--;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** The task with its scenario named by hash alone, or undefined when it carries no scenario text. */
function withoutScenarioText(task: WorkTask): WorkTask | undefined {
  if (!('scenario' in task) || task.scenario.json === undefined) return undefined;
  return { ...task, scenario: { hash: task.scenario.hash } } as WorkTask;
}

/**
 * Pools are kept per process, kind and shape (threads, heap): a thread loads the engines once
 * (about a second), and apps of the same limits, as a test suite builds, share them. The
 * scenarios a thread keeps are keyed by content hash, so sharing leaks nothing between apps.
 */
const pools = new Map<string, Piscina>();
function poolOf(kind: string, threads: number, heapMb: number, keepWarm: boolean): Piscina {
  const key = `${kind}/${threads}/${heapMb}/${keepWarm}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Piscina({ filename: WORKER, minThreads: keepWarm ? threads : 0, maxThreads: threads, idleTimeout: 30_000, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    pools.set(key, pool);
  }
  return pool;
}

async function closePools(which: readonly Piscina[]): Promise<void> {
  for (const [key, pool] of pools) if (which.includes(pool)) pools.delete(key);
  await Promise.all(which.map((pool) => pool.destroy()));
}

/** The error a stopped or refused task becomes. */
function stopped(error: unknown, reason: StopReason | undefined, budgetMs: number): unknown {
  if (reason === 'budget') return new HttpError(504, `the work ran over its time budget of ${budgetMs / 1000} s and was stopped; ask for less (a shorter span, fewer runs) or raise the budget`);
  if (reason === 'client') return new HttpError(499 as never, 'the client went away; the work was stopped');
  if (reason === 'cancelled') return new HttpError(409, 'cancelled');
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(message)) {
    return new HttpError(503, 'the work needed more memory than a worker may use (workerHeapMb) and was stopped; ask for less');
  }
  return error;
}
