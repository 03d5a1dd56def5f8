/** The store's schema, as numbered migrations; a new version appends one and never edits an old one. */

/** One step of the schema. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scenarios, runs and meta',
    sql: `
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        base TEXT,
        overlays TEXT,
        scenario TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
      );
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('resolve', 'simulate', 'whatif')),
        scenario TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        seed INTEGER,
        parameters TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
      );
      CREATE INDEX runs_scenario ON runs (scenario, id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'dated map shapes',
    sql: `
      CREATE TABLE shapes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cowcode INTEGER NOT NULL,
        name TEXT NOT NULL,
        start TEXT NOT NULL,
        until TEXT NOT NULL,
        status TEXT NOT NULL,
        owner INTEGER,
        geometry TEXT NOT NULL
      );
      CREATE INDEX shapes_dates ON shapes (start, until);
    `,
  },
  {
    version: 3,
    name: 'jobs that outlive a restart',
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        scenario TEXT NOT NULL,
        request TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        error TEXT,
        run_id INTEGER,
        created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
        updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
      );
      CREATE INDEX jobs_status ON jobs (status, created_at);
    `,
  },
  {
    version: 4,
    name: 'runs by age, for retention',
    sql: `CREATE INDEX runs_created ON runs (created_at, id);`,
  },
  {
    // Numbered 5: versions 3 and 4 are taken by other branches. Migrations are applied by version
    // membership, not by count, so a database at 1, 2, 5 takes 3 and 4 when they arrive.
    version: 5,
    name: 'games',
    sql: `
      CREATE TABLE games (
        id TEXT PRIMARY KEY,
        label TEXT,
        origin TEXT,
        setup TEXT NOT NULL,
        moves TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
        updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
      );
      CREATE INDEX games_origin ON games (origin, created_at);
    `,
  },
];
