/**
 * Grading a game: security (the player's probability of facing an aggressor alone), credibility
 * (obligations honoured against breached, weighted by the simulator's honour model) and cost,
 * each beside the record's figure where there is one. Pure.
 */
import type { GameState, TurnResult } from './state.js';

export interface Grades {
  /** Mean over the crises played of P(the player would face that attacker alone); lower is safer. Null when no crisis gave one. */
  security: number | null;
  historicalSecurity: number | null;
  /** Weight of obligations honoured ÷ (honoured + breached); null when none fell due. */
  credibility: number | null;
  honoured: number;
  breached: number;
  /** Readiness-years, sanctions and wars fought (docs/game.md). */
  cost: number;
  wars: number;
  deterred: number;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const mean = (xs: number[]) => (xs.length ? round4(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** The grades of a game so far. Pure. */
export function gradesOf(state: GameState): Grades {
  const settled = state.turns.filter((t): t is TurnResult & { player: NonNullable<TurnResult['player']> } => t.player !== undefined && t.status !== 'averted' && t.status !== 'refrained');
  const honoured = round4(settled.reduce((s, t) => s + t.player.credibility.honoured, 0));
  const breached = round4(settled.reduce((s, t) => s + t.player.credibility.breached, 0));
  return {
    security: mean(settled.flatMap((t) => (t.player.security === null ? [] : [t.player.security]))),
    historicalSecurity: mean(settled.flatMap((t) => (t.player.historicalSecurity === null ? [] : [t.player.historicalSecurity]))),
    credibility: honoured + breached > 0 ? round4(honoured / (honoured + breached)) : null,
    honoured,
    breached,
    cost: round4(state.turns.reduce((s, t) => s + t.cost, 0)),
    wars: state.turns.filter((t) => t.status === 'war').length,
    deterred: state.turns.filter((t) => t.status === 'deterred').length,
  };
}

/** Defaults of a new game: Litvinov's chair from the first day of 1933. */
export const DEFAULT_SETUP = { power: 'RUS', start: '1933-01-01', seed: 1 } as const;

/** A game as one JSON document: setup, the move log that replays it, the answers, the crises and the grades. Pure. */
export function gameReport(state: GameState) {
  return {
    setup: state.setup,
    /** The latest day reached: moves may be dated from it to the day before the next crisis. */
    day: state.day,
    moves: state.log.map((l) => l.move),
    log: state.log.map((l, i) => ({ index: i + 1, ...l })),
    turns: state.turns,
    grades: gradesOf(state),
    finished: state.finished,
  };
}
