/**
 * Long work (simulations, what-if searches) as jobs: a bounded number run at once, a bounded
 * number wait, and anything beyond is refused with 429. Progress can be polled; finished jobs
 * are kept for a while so their result can be fetched, then forgotten.
 */
import { HttpError } from './errors.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

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

/** What a task gets: a way to report progress, and a flag it must check between chunks of work. */
export interface JobControl {
  progress(done: number, total: number): void;
  readonly cancelled: boolean;
  /** Aborted when the job is cancelled. */
  readonly signal: AbortSignal;
}

/** A unit of work; resolves with its result (and the stored run's id, when it kept one). */
export type JobTask = (control: JobControl) => Promise<{ result: unknown; runId?: number | undefined }>;

interface Job extends JobView {
  task: JobTask;
  cancelRequested: boolean;
  abort: AbortController;
}

/** A bounded queue of jobs. Not thread-safe beyond Node's single event loop (which is all it needs). */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private counter = 0;

  constructor(
    readonly limits: { running: number; queued: number; kept: number },
  ) {}

  /** Queues a task; HttpError 429 when the queue is full. */
  submit(kind: string, total: number, task: JobTask): JobView {
    if (this.waiting.length >= this.limits.queued) {
      throw new HttpError(429, `too much work: ${this.running} job(s) running and ${this.waiting.length} waiting; try again when one finishes`);
    }
    const id = `job-${++this.counter}`;
    const job: Job = { id, kind, status: 'queued', progress: { done: 0, total }, queued: 0, task, cancelRequested: false, abort: new AbortController() };
    this.jobs.set(id, job);
    this.waiting.push(job);
    this.forgetOld();
    this.pump();
    return this.view(id)!;
  }

  /** The job as a poll shows it, or undefined. */
  view(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const { task: _t, cancelRequested: _c, abort: _a, ...view } = job;
    return { ...view, progress: { ...view.progress }, queued: job.status === 'queued' ? this.waiting.indexOf(job) + 1 : 0 };
  }

  /** Asks a job to stop; returns false when there is no such job. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    if (job.status === 'queued') {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      job.status = 'cancelled';
    } else if (job.status === 'running') {
      job.cancelRequested = true;
      job.abort.abort();
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

  private pump(): void {
    while (this.running < this.limits.running && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      job.status = 'running';
      const control: JobControl = {
        progress: (done, total) => {
          job.progress = { done, total };
        },
        get cancelled() {
          return job.cancelRequested;
        },
        signal: job.abort.signal,
      };
      // Started on a later turn so that submit() answers before the work begins.
      setImmediate(() => {
        job
          .task(control)
          .then(
            ({ result, runId }) => {
              if (job.cancelRequested) job.status = 'cancelled';
              else Object.assign(job, { status: 'done', result, runId });
            },
            (error: unknown) => {
              job.status = job.cancelRequested ? 'cancelled' : 'failed';
              job.error = error instanceof Error ? error.message : String(error);
            },
          )
          .finally(() => {
            this.running--;
            this.pump();
          });
      });
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'queued' && j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - this.limits.kept))) this.jobs.delete(job.id);
  }
}
