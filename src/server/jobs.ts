/**
 * Long work (simulations, what-if searches, reruns) as jobs: a bounded number run at once, a
 * bounded number wait, and anything beyond is refused with 429 before any work is done. Every
 * accepted job is written to the store before it is acknowledged, with an id (UUIDv7) that no
 * restart reuses; after a restart, jobs that were waiting run, and jobs that were running are
 * marked failed with the reason. Finished jobs are kept in memory for a while, and their status
 * and run in the store.
 */
import type { JobState, Store } from '../store/store.js';
import { HttpError } from './errors.js';
import { isUuid, uuidv7 } from './ids.js';

export type JobStatus = JobState;

/** What a poll of a job shows. */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  /** Position in the queue, 0 when running or finished. */
  queued: number;
  result?: unknown;
  runId?: number | undefined;
  error?: string | undefined;
}

/** What a job runs: its kind, the scenario, the request, and the samples it will count. */
export interface JobSpec {
  kind: string;
  scenario: string;
  request: unknown;
  total: number;
}

/** What a task gets: a way to report progress, and a signal aborted when the job is cancelled. */
export interface JobControl {
  progress(done: number, total: number): void;
  readonly cancelled: boolean;
  readonly signal: AbortSignal;
}

/** Runs a job; resolves with its result (and the stored run's id, when it kept one). */
export type JobRunner = (spec: JobSpec, control: JobControl) => Promise<{ result: unknown; runId?: number | undefined }>;

/** A place in the queue held while a request is checked, so that the check and the submit cannot be overtaken. */
export interface Reservation {
  release(): void;
}

/** Finished jobs whose records the store keeps (their runs are kept apart, under the retention). */
const KEPT_JOB_RECORDS = 1000;

interface Job extends JobView {
  spec: JobSpec;
  abort: AbortController;
}

/** A bounded, persisted queue of jobs. Not thread-safe beyond Node's single event loop (which is all it needs). */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private reserved = 0;
  private stopping = false;

  constructor(
    readonly limits: { running: number; queued: number; kept: number },
    private readonly store: Store,
    private readonly runner: JobRunner,
  ) {}

  /** Holds a place in the queue; HttpError 429 when there is none. Call first, before any work. */
  reserve(): Reservation {
    if (this.running + this.waiting.length + this.reserved >= this.limits.running + this.limits.queued) {
      throw new HttpError(429, `too much work: ${this.running} job(s) running and ${this.waiting.length + this.reserved} waiting; try again when one finishes`);
    }
    this.reserved++;
    let held = true;
    return {
      release: () => {
        if (held) (this.reserved--, (held = false));
      },
    };
  }

  /** Accepts a job into a reserved place: stored first (a StoreError leaves nothing accepted), then queued. */
  submit(spec: JobSpec, reservation: Reservation): JobView {
    try {
      const id = uuidv7();
      this.store.jobs.insert({ id, kind: spec.kind, scenario: spec.scenario, request: spec.request });
      this.enqueue(id, spec);
      return this.view(id)!;
    } finally {
      reservation.release();
    }
  }

  /**
   * After a restart: jobs the store has as running are marked failed, since their work was lost
   * with the process; jobs it has as queued are queued again, beyond the usual bound (they were
   * accepted). Returns how many of each.
   */
  resume(): { resumed: number; failed: number } {
    const interrupted = this.store.jobs.withStatus('running');
    for (const job of interrupted) this.store.jobs.update(job.id, 'failed', { error: 'the server stopped while this job ran; submit it again' });
    const queued = this.store.jobs.withStatus('queued');
    for (const job of queued) this.enqueue(job.id, { kind: job.kind, scenario: job.scenario, request: job.request, total: totalOf(job.request) });
    this.store.jobs.prune(KEPT_JOB_RECORDS);
    return { resumed: queued.length, failed: interrupted.length };
  }

  /**
   * For a clean stop: starts nothing more, and a job cut short by the stop (its thread ended)
   * goes back to queued in the store, to run again after the restart (its result does not
   * depend on when it runs).
   */
  shutdown(): void {
    this.stopping = true;
  }

  /** The job as a poll shows it (from memory, or from the store for older ones), or undefined. */
  view(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (job) {
      const { spec: _s, abort: _a, ...view } = job;
      return { ...view, progress: { ...view.progress }, queued: job.status === 'queued' ? this.waiting.indexOf(job) + 1 : 0 };
    }
    if (!isUuid(id)) return undefined;
    const record = this.store.jobs.get(id);
    if (!record) return undefined;
    const total = totalOf(record.request);
    const run = record.runId === undefined ? undefined : this.store.getRun(record.runId);
    return {
      id,
      kind: record.kind,
      status: record.status,
      progress: { done: record.status === 'done' ? total : 0, total },
      queued: 0,
      ...(run ? { result: run.result, runId: run.id } : {}),
      ...(record.error ? { error: record.error } : {}),
    };
  }

  /** Asks a job to stop; returns false when there is no such job in this process. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    if (job.status === 'queued') {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      this.finish(job, 'cancelled', {});
    } else if (job.status === 'running') {
      job.abort.abort('cancelled');
    }
    return true;
  }

  /** Jobs running and waiting now. */
  load(): { running: number; queued: number } {
    return { running: this.running, queued: this.waiting.length };
  }

  /** Resolves when nothing runs or waits (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running > 0 || this.waiting.length > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private enqueue(id: string, spec: JobSpec): void {
    const job: Job = { id, kind: spec.kind, status: 'queued', progress: { done: 0, total: spec.total }, queued: 0, spec, abort: new AbortController() };
    this.jobs.set(id, job);
    this.waiting.push(job);
    this.forgetOld();
    this.pump();
  }

  /** Resolves when no job runs (after shutdown(), the waiting ones stay waiting). */
  async drained(): Promise<void> {
    while (this.running > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private pump(): void {
    while (!this.stopping && this.running < this.limits.running && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      job.status = 'running';
      const control: JobControl = {
        progress: (done, total) => {
          job.progress = { done, total };
        },
        get cancelled() {
          return job.abort.signal.aborted;
        },
        signal: job.abort.signal,
      };
      // Started on a later turn so that submit() answers before the work begins.
      setImmediate(() => {
        Promise.resolve()
          .then(() => this.store.jobs.update(job.id, 'running'))
          .then(() => this.runner(job.spec, control))
          .then(
            ({ result, runId }) => (job.abort.signal.aborted ? this.finish(job, 'cancelled', {}) : this.finish(job, 'done', { result, runId })),
            (error: unknown) => {
              if (this.stopping && !job.abort.signal.aborted) return this.requeue(job);
              this.finish(job, job.abort.signal.aborted ? 'cancelled' : 'failed', { error: error instanceof Error ? error.message : String(error) });
            },
          )
          .finally(() => {
            this.running--;
            this.pump();
          });
      });
    }
  }

  private finish(job: Job, status: JobStatus, outcome: { result?: unknown; runId?: number | undefined; error?: string | undefined }): void {
    Object.assign(job, { status, ...outcome });
    try {
      this.store.jobs.update(job.id, status, { runId: outcome.runId, error: outcome.error });
      this.store.jobs.prune(KEPT_JOB_RECORDS);
    } catch (error) {
      // The outcome stays visible in memory; after a restart the job shows as failed.
      job.error ??= `its status could not be stored: ${(error as Error).message}`;
    }
  }

  private requeue(job: Job): void {
    job.status = 'queued';
    try {
      this.store.jobs.update(job.id, 'queued');
    } catch {
      // Left as running in the store: after the restart it shows failed, with the reason.
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'queued' && j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - this.limits.kept))) this.jobs.delete(job.id);
  }
}

/** Samples a request asks for (0 when it does not say). */
function totalOf(request: unknown): number {
  const runs = (request as { runs?: unknown } | null)?.runs;
  return typeof runs === 'number' ? runs : 0;
}
