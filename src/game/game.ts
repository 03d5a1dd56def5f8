/**
 * The game: a plain object of pure functions in boardgame.io's manner. `newGame` sets up, `applyMove`
 * is the reducer (a rejected move throws QueryError and changes nothing), `replay` folds the reducer
 * over a move log, and the PRNG state lives in the game state, so a game is rebuilt byte for byte
 * from its setup and moves. Rules: docs/game.md.
 */
import { addYears, isDay } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Provision, Scenario } from '../model/schema.js';
import { resolveParameters } from '../sim/parameters.js';
import { worldAt } from '../world/world.js';
import { acceptanceOf, type Acceptance } from './acceptance.js';
import { conditionsOf, treatyOf } from './templates.js';
import { type Move, type Terms } from './moves.js';
import { leagueOf, scenarioWith, type GameChange } from './scenario.js';
import { resolveTurn } from './turn.js';
import { playedTurns, READINESS_EFFECT, type GameContext, type GameSetup, type GameState, type LogEntry } from './state.js';

/** Notice before a denounced treaty ends: one year, "at liberty to terminate it at a year's notice" (Franco-Soviet Treaty of Mutual Assistance, 1935-05-02, Art. 5), applied to every treaty; the first five-year term is not modelled. */
export const NOTICE_YEARS = 1;

/** A new game. Throws QueryError for an unknown power or crisis, an impossible start day, or a seed out of range. Pure. */
export function newGame(ctx: GameContext, setup: GameSetup): GameState {
  const { base } = ctx;
  if (!isDay(setup.start)) throw new QueryError(`start: "${setup.start}" is not a day (YYYY-MM-DD)`);
  if (setup.start < base.span.from || setup.start >= base.span.until) throw new QueryError(`start: ${setup.start} is outside scenario "${base.id}" (${base.span.from} to ${base.span.until})`);
  if (!Number.isInteger(setup.seed) || setup.seed < 0 || setup.seed > 0xffffffff) throw new QueryError(`seed must be a whole number from 0 to ${0xffffffff}, not ${setup.seed}`);
  const world = worldAt(base, setup.start);
  if (!world.states.some((s) => s.id === setup.power)) {
    throw new QueryError(`power: "${setup.power}" is not a state of scenario "${base.id}" on ${setup.start}; states that day: ${world.states.map((s) => s.id).join(', ')}`);
  }
  const unknown = (setup.crises ?? []).filter((id) => !ctx.turns.some((t) => t.id === id));
  if (unknown.length) throw new QueryError(`crises: no turn ${unknown.map((u) => `"${u}"`).join(', ')}; the turns are ${ctx.turns.map((t) => t.id).join(', ')}`);
  const finished = playedTurns(ctx, setup).length === 0;
  return { setup, rng: setup.seed >>> 0, day: setup.start, next: 0, changes: [], madeBy: {}, pending: {}, readiness: [{ level: 'normal', from: setup.start }], log: [], turns: [], finished };
}

/** The game's scenario after its changes. Pure (the base is never touched). */
export function gameScenario(ctx: GameContext, state: GameState): Scenario {
  return scenarioWith(ctx.base, state.changes);
}

/** Applies one move. Pure: returns a new state; throws QueryError for a move that is not allowed, and the old state stands. */
export function applyMove(ctx: GameContext, state: GameState, move: Move): GameState {
  const n = state.log.length + 1;
  const where = `move ${n} (${move.move}${'date' in move ? ` on ${move.date}` : ''})`;
  const fail = (message: string): never => {
    throw new QueryError(`${where}: ${message}`);
  };
  if (state.finished) fail('the game is over: every crisis has been played');
  const turns = playedTurns(ctx, state.setup);
  const upcoming = turns[state.next]!;
  const log = (entry: Omit<LogEntry, 'move'>, patch: Partial<GameState> = {}): GameState => ({ ...state, ...patch, log: [...state.log, { move, ...entry }] });

  if (move.move === 'next') {
    const scenario = gameScenario(ctx, state);
    const { result, rng } = resolveTurn({ ctx, state, turn: upcoming, scenario });
    const next = state.next + 1;
    return log({ outcome: 'resolved', text: `${upcoming.title} (${upcoming.act.at}): ${result.status}` }, { rng, next, turns: [...state.turns, result], pending: {}, day: upcoming.act.at > state.day ? upcoming.act.at : state.day, finished: next >= turns.length });
  }

  if (move.move === 'vote' || move.move === 'sanctions' || move.move === 'stance') {
    if (move.crisis !== upcoming.id) {
      const known = turns.findIndex((t) => t.id === move.crisis);
      fail(known < 0 ? `no crisis "${move.crisis}" in this game; the next is "${upcoming.id}"` : known < state.next ? `out of turn: the crisis "${move.crisis}" has been played; the next is "${upcoming.id}"` : `out of turn: the next crisis is "${upcoming.id}" (${upcoming.act.at}), not "${move.crisis}"`);
    }
    const power = state.setup.power;
    if (move.move === 'stance') {
      if (move.stance === 'refrain' && !upcoming.act.attackers.includes(power)) fail(`only an attacker can refrain; ${power} is not one in "${upcoming.id}"`);
      if (move.stance === 'abstain' && (upcoming.act.attackers.includes(power) || upcoming.act.target === power)) fail(`${power} is a belligerent in "${upcoming.id}" and cannot abstain`);
      return log({ outcome: 'done', text: `${power} will ${move.stance} in ${upcoming.title}` }, { pending: { ...state.pending, stance: move.stance } });
    }
    if (move.move === 'vote') {
      const world = worldAt(gameScenario(ctx, state), upcoming.act.at);
      const league = leagueOf(ctx.base);
      if (!league || !world.organizations.find((o) => o.id === league.id)?.members.includes(power)) fail(`${power} is not a member of the League on ${upcoming.act.at} and has no vote`);
      return log({ outcome: 'done', text: `${power} votes that ${move.finding ? 'aggression took place' : 'no aggression is found'} in ${upcoming.title}` }, { pending: { ...state.pending, vote: move.finding } });
    }
    return log({ outcome: 'done', text: `${power} will ${move.action} sanctions in ${upcoming.title}` }, { pending: { ...state.pending, sanctions: move.action } });
  }

  // Dated moves: between the crises, in date order, inside the span.
  const date = move.date;
  if (date < state.setup.start) fail(`${date} is before the game's start (${state.setup.start})`);
  if (date < state.day) fail(`out of turn: the game is at ${state.day}; moves come in date order`);
  if (date >= ctx.base.span.until) fail(`${date} is outside the scenario's span (until ${ctx.base.span.until})`);
  if (date >= upcoming.act.at) fail(`out of turn: the crisis "${upcoming.id}" of ${upcoming.act.at} comes first; resolve it (move next) before moves dated ${upcoming.act.at} or later`);
  const scenario = gameScenario(ctx, state);
  const world = worldAt(scenario, date);
  const power = state.setup.power;
  const exists = (id: string) => world.states.some((s) => s.id === id) || fail(`unknown state "${id}": not a state of the scenario on ${date}`);
  if (!world.states.some((s) => s.id === power)) fail(`${power} does not exist on ${date}`);
  const parameters = resolveParameters(world.parameters);
  const moved = { day: date };
  const accept = (partners: string[], provisions: Provision[]) => partners.map((p) => acceptanceOf(scenario, world, power, p, provisions, parameters));
  const answer = (acceptance: Acceptance[]) => acceptance.map((a) => `${a.state} ${a.accepted ? 'accepts' : 'refuses'} (P ${a.p.toFixed(2)}: ${a.terms.map((t) => `${t.factor} ×${t.odds}`).join(', ') || 'no reason either way'})`).join('; ');

  switch (move.move) {
    case 'propose': {
      move.with.forEach(exists);
      for (const id of termStates(move.terms)) exists(id);
      const treaty = treatyOf(move, power, `play-${n}-${move.template}`, n - 1);
      const acceptance = accept(move.with, treaty.provisions);
      if (!acceptance.every((a) => a.accepted)) return log({ outcome: 'refused', text: `${move.template} with ${move.with.join(', ')} refused: ${answer(acceptance)}`, acceptance }, moved);
      const changes = [...state.changes, { op: 'add-treaty', treaty } as GameChange];
      scenarioWith(ctx.base, changes); // a treaty that breaks the scenario is refused here, before it is kept
      return log({ outcome: 'accepted', text: `${treaty.name} signed: ${answer(acceptance)}`, acceptance }, { ...moved, changes, madeBy: { ...state.madeBy, [treaty.id]: `move ${n} (${date})` } });
    }
    case 'amend':
    case 'denounce': {
      const treaty = world.treaties.find((t) => t.id === move.treaty) ?? fail(`no treaty "${move.treaty}" in force on ${date}`);
      if (!treaty.parties.includes(power)) fail(`${power} is not a party to ${treaty.id}`);
      const written = scenario.treaties.find((t) => t.id === treaty.id)!;
      if (written.partiesOf !== undefined) fail(`${treaty.id} binds the members of ${written.partiesOf}: leave the League instead`);
      if (treaty.status === 'denounced') fail(`${treaty.id} has been denounced already (${treaty.denounced})`);
      if (move.move === 'denounce') {
        const until = addYears(date, NOTICE_YEARS);
        return log({ outcome: 'done', text: `${power} denounces ${treaty.name}; it ends on ${until}` }, { ...moved, changes: [...state.changes, { op: 'end-treaty', treaty: treaty.id, denounced: date, until }] });
      }
      for (const id of termStates(move.terms)) exists(id);
      const conditions = conditionsOf('mutual-assistance', move.terms, where);
      const assisting = (p: Provision) => p.kind === 'defence' || p.kind === 'guarantee';
      if (!written.provisions.some(assisting)) fail(`${treaty.id} has no assistance or guarantee provision to amend`);
      const amended = { ...structuredClone(written), id: `${written.id}-am${n}`.slice(0, 64), name: `${written.name} (amended ${date})`, signed: date, inForce: undefined, denounced: undefined, until: undefined, provisions: written.provisions.map((p) => (assisting(p) ? { ...p, conditions } : p)), source: { parameter: `casus play: ${written.id} amended by ${power} on ${date} (move ${n}); conditions of its assistance provisions replaced` } };
      delete amended.inForce;
      delete amended.denounced;
      delete amended.until;
      const acceptance = accept(treaty.parties.filter((p) => p !== power && world.states.some((s) => s.id === p)), amended.provisions);
      if (!acceptance.every((a) => a.accepted)) return log({ outcome: 'refused', text: `amendment of ${treaty.id} refused: ${answer(acceptance)}`, acceptance }, moved);
      const changes: GameChange[] = [...state.changes, { op: 'end-treaty', treaty: treaty.id, denounced: date, until: date }, { op: 'add-treaty', treaty: amended }];
      scenarioWith(ctx.base, changes);
      return log({ outcome: 'accepted', text: `${treaty.name} amended: ${answer(acceptance)}`, acceptance }, { ...moved, changes, madeBy: { ...state.madeBy, [amended.id]: `move ${n} (${date})` } });
    }
    case 'league': {
      const league = leagueOf(scenario) ?? fail(`scenario "${scenario.id}" has no League`);
      const view = world.organizations.find((o) => o.id === league.id)!;
      if (move.action === 'join') {
        if (view.members.includes(power)) fail(`${power} is a member of ${league.id} already`);
        return log({ outcome: 'done', text: `${power} joins the League on ${date}` }, { ...moved, changes: [...state.changes, { op: 'join-league', state: power, from: date }] });
      }
      if (!view.members.includes(power)) fail(`${power} is not a member of ${league.id} on ${date}`);
      if (view.leaving.some((l) => l.member === power)) fail(`${power} has given notice already`);
      return log({ outcome: 'done', text: `${power} gives notice of leaving the League; it leaves on ${addYears(date, league.withdrawal?.noticeYears ?? 0)} (Covenant Art. 1(3))` }, { ...moved, changes: [...state.changes, { op: 'leave-league', state: power, notice: date }] });
    }
    case 'transit': {
      exists(move.state);
      if (move.state === power) fail(`${power} cannot grant transit to itself`);
      if (move.action === 'grant') return log({ outcome: 'done', text: `${power} lets the forces of ${move.state} pass from ${date}` }, { ...moved, changes: [...state.changes, { op: 'grant-transit', grantor: power, grantee: move.state, from: date }] });
      const acceptance = accept([move.state], [{ id: 'transit', kind: 'transit', obliged: [move.state], beneficiaries: [power], conditions: [] }]);
      if (!acceptance[0]!.accepted) return log({ outcome: 'refused', text: `transit through ${move.state} refused: ${answer(acceptance)}`, acceptance }, moved);
      return log({ outcome: 'accepted', text: `${move.state} lets the forces of ${power} pass from ${date}: ${answer(acceptance)}`, acceptance }, { ...moved, changes: [...state.changes, { op: 'grant-transit', grantor: move.state, grantee: power, from: date }] });
    }
    case 'readiness': {
      const effect = READINESS_EFFECT[move.level];
      return log({ outcome: 'done', text: `${power} sets its forces to ${move.level} readiness (effectiveness ×${effect.multiplier}, cost ${effect.cost} a year)` }, {
        ...moved,
        readiness: [...state.readiness, { level: move.level, from: date }],
        changes: [...state.changes, { op: 'readiness', state: power, from: date, multiplier: effect.multiplier }],
      });
    }
  }
}

function termStates(terms: Terms | undefined): string[] {
  return [...(terms?.adversary ?? []), ...(terms?.location?.states ?? []), ...(terms?.priorAction ?? [])];
}

/** Folds the reducer over a move log. Pure; throws QueryError at the first move not allowed. */
export function replay(ctx: GameContext, setup: GameSetup, moves: readonly Move[]): GameState {
  return moves.reduce((state, move) => applyMove(ctx, state, move), newGame(ctx, setup));
}

/**
 * Plays a script: dated moves and crisis moves in order, with `next` inserted wherever a move lies
 * past the next crisis, and every remaining crisis played at the end. The state's log is a move
 * log that `replay` rebuilds exactly. `finish: false` stops after the last move; `from` continues a game.
 * Pure; throws QueryError naming the script's move.
 */
export function playScript(ctx: GameContext, setup: GameSetup, moves: readonly Move[], options: { finish?: boolean; from?: GameState } = {}): GameState {
  let state = options.from ?? newGame(ctx, setup);
  const turns = playedTurns(ctx, setup);
  const next = () => (state = applyMove(ctx, state, { move: 'next' }));
  moves.forEach((move, i) => {
    try {
      if (move.move !== 'next') {
        const target = 'date' in move ? undefined : turns.findIndex((t) => t.id === move.crisis);
        while (!state.finished && ('date' in move ? move.date >= turns[state.next]!.act.at && move.date >= state.day : target !== undefined && target > state.next)) next();
      }
      state = applyMove(ctx, state, move);
    } catch (error) {
      if (error instanceof QueryError) throw new QueryError(`script move ${i + 1}: ${error.message}`);
      throw error;
    }
  });
  if (options.finish !== false) while (!state.finished) next();
  return state;
}

