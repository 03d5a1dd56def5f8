/**
 * Persistence of scenarios users upload or derive, of the runs they keep, and of imported
 * map shapes: one embedded SQLite file (better-sqlite3), in WAL mode, with numbered
 * migrations recorded in a `migrations` table. Every write is one transaction that answers only
 * after its COMMIT succeeded, so a process killed mid-write, or a full disk, leaves either the
 * whole row or nothing, and a caller never holds the id of a row that was not written.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { committed } from './errors.js';
import { JobStore } from './jobs.js';
import { MIGRATIONS } from './migrations.js';

export { StoreError } from './errors.js';
export type { JobRecord, JobState } from './jobs.js';

/** A scenario kept in the store: the validated scenario as JSON and where it came from. */
export interface StoredScenario {
  id: string;
  name: string;
  hash: string;
  /** The scenario it was derived from, when it was derived by overlays. */
  base?: string | undefined;
  overlays?: unknown[] | undefined;
  scenario: unknown;
  createdAt: string;
}

export type RunKind = 'resolve' | 'simulate' | 'whatif';

/** What a run was asked: enough to run it again. */
export interface RunInput {
  kind: RunKind;
  scenario: string;
  scenarioHash: string;
  engineVersion: string;
  seed?: number | undefined;
  parameters: unknown;
}

/** A kept run: its input and its result. */
export interface StoredRun extends RunInput {
  id: number;
  result: unknown;
  createdAt: string;
}

/** One dated map polygon (CShapes), valid on `[from, until)`. */
export interface StoredShape {
  cowcode: number;
  name: string;
  from: string;
  until: string;
  status: string;
  owner: number | null;
  geometry: unknown;
}

/** Summary of a run, for lists. */
export type RunSummary = Omit<StoredRun, 'result'>;

interface RunRow {
  id: number;
  kind: RunKind;
  scenario: string;
  scenario_hash: string;
  engine_version: string;
  seed: number | null;
  parameters: string;
  result?: string;
  created_at: string;
}

/** How many runs to keep: the newest `keep`, and none older than `maxAgeDays`; unset means no bound. */
export interface Retention {
  keep?: number | undefined;
  maxAgeDays?: number | undefined;
}

/**
 * The store's handle. Reads throw only on a broken database or a bug, never on a missing row
 * (they return undefined); writes throw StoreError when SQLite cannot commit them, and then
 * change nothing.
 */
export class Store {
  readonly db: Database.Database;
  readonly path: string;
  /** Accepted jobs, kept across restarts. */
  readonly jobs: JobStore;

  /** Opens (creating when missing) the database at `path` (":memory:" for a throwaway one) and migrates it. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // FULL makes a committed transaction survive a power cut too, not only a killed process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.jobs = new JobStore(this.db);
  }

  /** The schema version after migrations. */
  version(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number }).v;
  }

  /** Saves a run in one transaction and returns it with its id once committed. Throws StoreError (nothing stored) otherwise. */
  saveRun(input: RunInput, result: unknown): StoredRun {
    const insert = this.db.prepare(
      `INSERT INTO runs (kind, scenario, scenario_hash, engine_version, seed, parameters, result)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, created_at`,
    );
    const row = committed(
      this.db,
      () =>
        insert.get(input.kind, input.scenario, input.scenarioHash, input.engineVersion, input.seed ?? null, JSON.stringify(input.parameters), JSON.stringify(result)) as {
          id: number;
          created_at: string;
        },
    );
    return { ...input, id: row.id, result, createdAt: row.created_at };
  }

  /** Deletes a run; false when there was none. */
  deleteRun(id: number): boolean {
    return committed(this.db, () => this.db.prepare('DELETE FROM runs WHERE id = ?').run(id)).changes === 1;
  }

  /** Deletes runs beyond the retention; returns how many went. Ids are never reused (AUTOINCREMENT). */
  pruneRuns(retention: Retention): number {
    return committed(this.db, () => {
      let gone = 0;
      if (retention.maxAgeDays !== undefined) gone += this.db.prepare("DELETE FROM runs WHERE created_at < datetime('now', ?)").run(`-${retention.maxAgeDays} days`).changes;
      if (retention.keep !== undefined) gone += this.db.prepare('DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)').run(retention.keep).changes;
      return gone;
    });
  }

  /** The run of that id, or undefined. */
  getRun(id: number): StoredRun | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? { ...runOf(row), result: JSON.parse(row.result!) } : undefined;
  }

  /** Runs, newest first, without their results. */
  listRuns(options: { limit?: number; offset?: number; kind?: RunKind; scenario?: string } = {}): RunSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.kind) (where.push('kind = ?'), args.push(options.kind));
    if (options.scenario) (where.push('scenario = ?'), args.push(options.scenario));
    const rows = this.db
      .prepare(
        `SELECT id, kind, scenario, scenario_hash, engine_version, seed, parameters, created_at FROM runs
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, options.limit ?? 100, options.offset ?? 0) as RunRow[];
    return rows.map(runOf);
  }

  /** Number of runs kept. */
  countRuns(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;
  }

  /** Saves a scenario; returns false (and changes nothing) when the id is taken. */
  saveScenario(scenario: Omit<StoredScenario, 'createdAt'>): boolean {
    const insert = this.db.prepare('INSERT OR IGNORE INTO scenarios (id, name, hash, base, overlays, scenario) VALUES (?, ?, ?, ?, ?, ?)');
    const info = committed(this.db, () =>
      insert.run(scenario.id, scenario.name, scenario.hash, scenario.base ?? null, scenario.overlays ? JSON.stringify(scenario.overlays) : null, JSON.stringify(scenario.scenario)),
    );
    return info.changes === 1;
  }

  /** Deletes a stored scenario (its runs stay, with the hash of what they ran on); false when there was none. */
  deleteScenario(id: string): boolean {
    return committed(this.db, () => this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id)).changes === 1;
  }

  /** The stored scenario of that id, or undefined. */
  getScenario(id: string): StoredScenario | undefined {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as
      | { id: string; name: string; hash: string; base: string | null; overlays: string | null; scenario: string; created_at: string }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      hash: row.hash,
      base: row.base ?? undefined,
      overlays: row.overlays ? JSON.parse(row.overlays) : undefined,
      scenario: JSON.parse(row.scenario),
      createdAt: row.created_at,
    };
  }

  /** Stored scenarios without their content, oldest first. */
  listScenarios(): Omit<StoredScenario, 'scenario' | 'overlays'>[] {
    const rows = this.db.prepare('SELECT id, name, hash, base, created_at FROM scenarios ORDER BY created_at, id').all() as {
      id: string;
      name: string;
      hash: string;
      base: string | null;
      created_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, hash: r.hash, base: r.base ?? undefined, createdAt: r.created_at }));
  }

  /** Replaces every stored shape with these, in one transaction; returns how many were kept. */
  replaceShapes(shapes: readonly StoredShape[], source: string): number {
    const insert = this.db.prepare('INSERT INTO shapes (cowcode, name, start, until, status, owner, geometry) VALUES (?, ?, ?, ?, ?, ?, ?)');
    committed(this.db, () => {
      this.db.prepare('DELETE FROM shapes').run();
      for (const s of shapes) insert.run(s.cowcode, s.name, s.from, s.until, s.status, s.owner, JSON.stringify(s.geometry));
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('shapes.source', ?)").run(source);
    });
    return shapes.length;
  }

  /** Shapes valid on `day`, by COW code. */
  shapesOn(day: string): StoredShape[] {
    const rows = this.db.prepare('SELECT * FROM shapes WHERE start <= ? AND ? < until ORDER BY cowcode, start').all(day, day) as {
      cowcode: number;
      name: string;
      start: string;
      until: string;
      status: string;
      owner: number | null;
      geometry: string;
    }[];
    return rows.map((r) => ({ cowcode: r.cowcode, name: r.name, from: r.start, until: r.until, status: r.status, owner: r.owner, geometry: JSON.parse(r.geometry) }));
  }

  /** Number of shapes and where they were imported from; `count` 0 when none were. */
  shapesInfo(): { count: number; source?: string | undefined } {
    const n = (this.db.prepare('SELECT COUNT(*) AS n FROM shapes').get() as { n: number }).n;
    const source = (this.db.prepare("SELECT value FROM meta WHERE key = 'shapes.source'").get() as { value: string } | undefined)?.value;
    return { count: n, source };
  }

  /** `PRAGMA integrity_check`: "ok" when the file is sound. */
  integrity(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}

function runOf(row: RunRow): RunSummary {
  return {
    id: row.id,
    kind: row.kind,
    scenario: row.scenario,
    scenarioHash: row.scenario_hash,
    engineVersion: row.engine_version,
    seed: row.seed ?? undefined,
    parameters: JSON.parse(row.parameters),
    createdAt: row.created_at,
  };
}

/** Applies every migration newer than the database, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)');
  const applied = new Set((db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...MIGRATIONS.map((m) => m.version));
  if (newest > known) throw new Error(`the database has schema version ${newest}, newer than this casus knows (${known}); use a newer casus or another --db`);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (version, name) VALUES (?, ?)').run(migration.version, migration.name);
    })();
  }
}
