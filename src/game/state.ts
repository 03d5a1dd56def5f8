/** The game's state and setup: plain serialisable data, shared by the reducer (./game.ts) and the turn (./turn.ts). */
import type { Act, Assumptions, Breach, StateResolution } from '../law/types.js';
import type { Day } from '../model/day.js';
import type { Scenario } from '../model/schema.js';
import type { Acceptance } from './acceptance.js';
import type { PlayerPosition } from './crisis.js';
import type { Debrief } from './debrief.js';
import type { Move, Readiness } from './moves.js';
import type { GameChange } from './scenario.js';
import type { Turn } from './turns.js';

/** Readiness levels: the multiplier on the army's effectiveness and the yearly cost. Chosen numbers, see docs/game.md. */
export const READINESS_EFFECT: Record<Readiness, { multiplier: number; cost: number }> = {
  reduced: { multiplier: 0.85, cost: -0.5 },
  normal: { multiplier: 1, cost: 0 },
  alert: { multiplier: 1.1, cost: 1 },
  mobilised: { multiplier: 1.25, cost: 3 },
};

export interface GameSetup {
  scenario: string;
  /** sha256 of the scenario's JSON, when the game is kept (the server's): it replays only on that very scenario. */
  hash?: string | undefined;
  power: string;
  start: Day;
  seed: number;
  /** Turn ids played; null for all. */
  crises: string[] | null;
}

/** The game's scenario and its crisis turns: what every move is checked and settled against. */
export interface GameContext {
  base: Scenario;
  turns: readonly Turn[];
}

export type Stance = 'honour' | 'abstain' | 'refrain';

export interface LogEntry {
  move: Move;
  outcome: 'done' | 'accepted' | 'refused' | 'resolved';
  text: string;
  acceptance?: Acceptance[] | undefined;
}

export interface GameState {
  setup: GameSetup;
  rng: number;
  /** The latest day reached: the start, a move's day or a crisis's. */
  day: Day;
  /** Index in the played turns of the next crisis. */
  next: number;
  changes: GameChange[];
  /** Treaty id → the move that made it. */
  madeBy: Record<string, string>;
  pending: { vote?: boolean; stance?: Stance; sanctions?: 'apply' | 'lift' };
  readiness: { level: Readiness; from: Day }[];
  log: LogEntry[];
  turns: TurnResult[];
  finished: boolean;
}

/** The turns a setup plays, in order. Pure. */
export function playedTurns(ctx: GameContext, setup: GameSetup): Turn[] {
  return setup.crises ? ctx.turns.filter((t) => setup.crises!.includes(t.id)) : [...ctx.turns];
}

export type TurnStatus = 'war' | 'deterred' | 'averted' | 'refrained' | 'outside-span' | 'unresolvable';

export interface TurnResult {
  id: string;
  title: string;
  act: Act;
  case?: string | undefined;
  event?: string | undefined;
  status: TurnStatus;
  why: string;
  /** Dated before the game's start: played as recorded, with no move of the player before it. */
  beforeStart: boolean;
  stance: Stance;
  vote?: boolean | undefined;
  sanctions?: 'apply' | 'lift' | undefined;
  assumptions: Pick<Assumptions, 'abstain' | 'leagueFinding'>;
  /** The simulator's seed for this crisis, drawn from the game's stream. */
  seed?: number | undefined;
  deterrence?: { p: number; ci: [number, number] } | null | undefined;
  historicalDeterrence?: { p: number; ci: [number, number] } | null | undefined;
  /** The uniform draw compared with P(deterrence), when the crisis could happen. */
  draw?: number | undefined;
  states?: StateResolution[] | undefined;
  breaches?: Breach[] | undefined;
  player?: PlayerPosition | undefined;
  debrief?: Debrief | undefined;
  /** Cost accrued since the previous crisis: readiness, sanctions, war. */
  cost: number;
}

/** The resolver's assumptions for a crisis from the player's moves. Pure. */
export function assumptionsOf(turn: Turn, state: GameState): Assumptions {
  const power = state.setup.power;
  const abstain = state.pending.stance === 'abstain' || state.pending.sanctions === 'lift' ? [power] : [];
  const leagueFinding = state.pending.vote === false ? false : state.pending.vote === true && turn.leagueFound ? true : undefined;
  return { ...(abstain.length ? { abstain } : {}), ...(leagueFinding !== undefined ? { leagueFinding } : {}) };
}
