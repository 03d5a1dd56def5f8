/**
 * Games kept in the store (migration 5): each game is its setup and its move log, nothing derived,
 * so that reading one back replays it byte for byte. `origin` links a student's game to the game a
 * teacher set up. Every write is one statement, hence one transaction.
 */
import type Database from 'better-sqlite3';

export interface StoredGame {
  id: string;
  label?: string | undefined;
  /** The game whose setup this one copied. */
  origin?: string | undefined;
  setup: unknown;
  moves: unknown[];
  engineVersion: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  label: string | null;
  origin: string | null;
  setup: string;
  moves: string;
  engine_version: string;
  created_at: string;
  updated_at: string;
}

const gameOf = (r: Row): StoredGame => ({
  id: r.id,
  label: r.label ?? undefined,
  origin: r.origin ?? undefined,
  setup: JSON.parse(r.setup),
  moves: JSON.parse(r.moves),
  engineVersion: r.engine_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The games table of a store's database. Methods return undefined for a missing game and throw only on a broken database. */
export class GameStore {
  constructor(private readonly db: Database.Database) {}

  /** Saves a new game; false (and nothing changed) when the id is taken. */
  create(game: Omit<StoredGame, 'createdAt' | 'updatedAt'>): boolean {
    const info = this.db
      .prepare('INSERT OR IGNORE INTO games (id, label, origin, setup, moves, engine_version) VALUES (?, ?, ?, ?, ?, ?)')
      .run(game.id, game.label ?? null, game.origin ?? null, JSON.stringify(game.setup), JSON.stringify(game.moves), game.engineVersion);
    return info.changes === 1;
  }

  get(id: string): StoredGame | undefined {
    const row = this.db.prepare('SELECT * FROM games WHERE id = ?').get(id) as Row | undefined;
    return row ? gameOf(row) : undefined;
  }

  /** Replaces a game's move log, only if it still has `expected` moves (so two writers cannot both append). */
  setMoves(id: string, moves: unknown[], expected: number): boolean {
    const info = this.db.prepare("UPDATE games SET moves = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND json_array_length(moves) = ?").run(JSON.stringify(moves), id, expected);
    return info.changes === 1;
  }

  /** Games, oldest first; those copied from `origin` when given. */
  list(options: { origin?: string | undefined; limit?: number } = {}): StoredGame[] {
    const rows = (options.origin
      ? this.db.prepare('SELECT * FROM games WHERE origin = ? ORDER BY created_at, rowid LIMIT ?').all(options.origin, options.limit ?? 100)
      : this.db.prepare('SELECT * FROM games ORDER BY created_at, rowid LIMIT ?').all(options.limit ?? 100)) as Row[];
    return rows.map(gameOf);
  }
}
