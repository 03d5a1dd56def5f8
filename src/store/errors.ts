/** Writes that could not be committed, in terms a caller can answer with. */
import type Database from 'better-sqlite3';

/** A write the store could not commit; nothing of it was kept. */
export class StoreError extends Error {
  /** SQLite's code, e.g. SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_READONLY. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
  /** True when the disk, or the database's page limit, is full. */
  get full(): boolean {
    return this.code.startsWith('SQLITE_FULL');
  }
}

/**
 * Runs `work` as one transaction and returns its value only once COMMIT has succeeded. A
 * statement run outside a transaction commits when it is reset, and better-sqlite3 drops an
 * error raised there (an `INSERT … RETURNING` read with `.get()` answered ids that were never
 * written on a full disk); an explicit COMMIT throws instead. Throws StoreError when SQLite
 * refuses, after rolling back.
 */
export function committed<T>(db: Database.Database, work: () => T): T {
  try {
    return db.transaction(work)();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) throw new StoreError(code, (error as Error).message);
    throw error;
  }
}
