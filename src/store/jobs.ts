/**
 * Jobs as the store keeps them, so that an accepted job outlives a restart: its request, its
 * status, and the run it produced or the reason it failed. Results live in `runs`, not here.
 */
import type Database from 'better-sqlite3';
import { committed } from './errors.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A job's row. */
export interface JobRecord {
  id: string;
  kind: string;
  scenario: string;
  request: unknown;
  status: JobState;
  error?: string | undefined;
  runId?: number | undefined;
  createdAt: string;
  updatedAt: string;
}

interface JobRow {
  id: string;
  kind: string;
  scenario: string;
  request: string;
  status: JobState;
  error: string | null;
  run_id: number | null;
  created_at: string;
  updated_at: string;
}

/** The `jobs` table. Writes throw StoreError when they cannot be committed, and then change nothing. */
export class JobStore {
  constructor(private readonly db: Database.Database) {}

  /** Records an accepted job as queued. */
  insert(job: { id: string; kind: string; scenario: string; request: unknown }): void {
    committed(this.db, () => this.db.prepare("INSERT INTO jobs (id, kind, scenario, request, status) VALUES (?, ?, ?, ?, 'queued')").run(job.id, job.kind, job.scenario, JSON.stringify(job.request)));
  }

  /** Moves a job to another status, with the run it kept or the reason it failed. */
  update(id: string, status: JobState, outcome: { runId?: number | undefined; error?: string | undefined } = {}): void {
    committed(this.db, () =>
      this.db.prepare('UPDATE jobs SET status = ?, run_id = ?, error = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?').run(status, outcome.runId ?? null, outcome.error ?? null, id),
    );
  }

  /** The job of that id, or undefined. */
  get(id: string): JobRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && recordOf(row);
  }

  /** Jobs in one of these states, oldest first. */
  withStatus(...statuses: JobState[]): JobRecord[] {
    const rows = this.db.prepare(`SELECT * FROM jobs WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY created_at, rowid`).all(...statuses) as JobRow[];
    return rows.map(recordOf);
  }

  /** Forgets finished jobs beyond the newest `keep`; returns how many went. Their runs stay. */
  prune(keep: number): number {
    return committed(this.db, () =>
      this.db
        .prepare("DELETE FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND rowid NOT IN (SELECT rowid FROM jobs WHERE status IN ('done', 'failed', 'cancelled') ORDER BY rowid DESC LIMIT ?)")
        .run(keep),
    ).changes;
  }
}

function recordOf(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    scenario: row.scenario,
    request: JSON.parse(row.request),
    status: row.status,
    error: row.error ?? undefined,
    runId: row.run_id ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
