/**
 * Playing one crisis turn: whether it can happen (inside the span, its dependencies not deterred,
 * the player not refraining), the engine's verdict (./crisis.ts), and the draw of war or
 * deterrence from the game's stream. Pure.
 */
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { GAME_PARAMETERS, readinessCost, settleCrisis } from './crisis.js';
import { assumptionsOf, READINESS_EFFECT, type GameContext, type GameState, type TurnResult } from './state.js';
import { draw, uniform } from './random.js';
import { actOf, inSpan, type Turn } from './turns.js';

const STOPS = new Set(['deterred', 'averted', 'refrained']);

/** Plays the next crisis. Pure: returns the result and the stream's next state. */
export function resolveTurn(input: { ctx: GameContext; state: GameState; turn: Turn; scenario: Scenario }): { result: TurnResult; rng: number } {
  const { ctx, state, turn, scenario } = input;
  const power = state.setup.power;
  const act = actOf(turn);
  const assumptions = assumptionsOf(turn, state);
  const previous = state.turns.at(-1)?.act.date ?? state.setup.start;
  const levels = state.readiness.map((r) => ({ from: r.from, cost: READINESS_EFFECT[r.level].cost }));
  const head: TurnResult = {
    id: turn.id,
    title: turn.title,
    act,
    ...(turn.case ? { case: turn.case } : {}),
    ...(turn.event ? { event: turn.event } : {}),
    status: 'war',
    why: '',
    beforeStart: act.date < state.setup.start,
    stance: state.pending.stance ?? 'honour',
    ...(state.pending.vote !== undefined ? { vote: state.pending.vote } : {}),
    ...(state.pending.sanctions ? { sanctions: state.pending.sanctions } : {}),
    assumptions,
    cost: previous < act.date ? readinessCost(levels, previous, act.date) : 0,
  };
  if (!inSpan(ctx.base, turn)) {
    return { result: { ...head, status: 'outside-span', why: `outside the scenario's span: "${ctx.base.id}" covers ${ctx.base.span.from} to ${ctx.base.span.until}, and this crisis is dated ${act.date}` }, rng: state.rng };
  }
  const stopped = turn.dependsOn.map((d) => state.turns.find((t) => t.id === d)).find((t) => t && STOPS.has(t.status));
  let rng = state.rng;
  const seedDraw = draw(rng);
  rng = seedDraw.state;
  let settled;
  try {
    settled = settleCrisis({ base: ctx.base, scenario, power, act, assumptions, seed: seedDraw.value, madeBy: new Map(Object.entries(state.madeBy)) });
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { result: { ...head, status: 'unresolvable', why: `the resolver cannot take this act on the scenario: ${error.message}` }, rng };
  }
  const verdict = { ...head, seed: seedDraw.value, deterrence: settled.deterrence, historicalDeterrence: settled.historicalDeterrence, states: settled.resolution.states, breaches: settled.resolution.breaches, player: settled.player, debrief: settled.debrief };
  if (stopped) return { result: { ...verdict, status: 'averted', why: `it depends on "${stopped.id}", which was ${stopped.status} in this game (shown: what would have bound had it happened)` }, rng };
  if (head.stance === 'refrain') return { result: { ...verdict, status: 'refrained', why: `${power} refrained from the act` }, rng };
  const warDraw = draw(rng);
  rng = warDraw.state;
  const u = uniform(warDraw.value);
  const p = settled.deterrence?.p ?? 0;
  const deterred = u < p;
  const fights = !deterred && (settled.player.acts || act.attackers.includes(power) || act.target === power);
  const cost = head.cost + (fights ? GAME_PARAMETERS.warCost : 0) + (head.sanctions === 'apply' ? GAME_PARAMETERS.sanctionsCost : 0);
  const why = settled.deterrence
    ? `draw ${u.toFixed(4)} ${deterred ? '<' : '≥'} P(deterrence) ${p.toFixed(4)}: ${deterred ? 'the attacker is deterred' : 'the war happens'}`
    : 'the simulator could not weigh this act: the war happens as recorded';
  return { result: { ...verdict, status: deterred ? 'deterred' : 'war', why, draw: Math.round(u * 1e6) / 1e6, cost: Math.round(cost * 1e4) / 1e4 }, rng };
}
