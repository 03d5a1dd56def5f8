/**
 * One crisis of a game, settled by the real engine: the resolver's obligations on the game's
 * scenario, the simulator's probability that the attacker is deterred (with its interval), the
 * player's security, credibility and cost, and a debrief against the historical record. Pure.
 */
import { resolve } from '../law/resolve.js';
import type { Act, Assumptions, Breach, Resolution, StateResolution } from '../law/types.js';
import { daysBetween, type Day } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { simulate, type SimulationReport } from '../sim/simulate.js';
import { worldAt } from '../world/world.js';
import { debriefOf, type Debrief } from './debrief.js';

/** The numbers of a game that are chosen, not facts: see docs/game.md. */
export const GAME_PARAMETERS = {
  /** Monte Carlo samples per simulation: a 95% interval at most ±1.6 points wide, and a turn well under a second. */
  runs: 4000,
  /** Cost, in readiness-years, of a war the player fights in. */
  warCost: 5,
  /** Cost of applying sanctions: trade given up. */
  sanctionsCost: 1,
} as const;

export interface Credibility {
  /** Sum of weights of obligations honoured and breached; the weight of one is the simulator's P(honour) for the player, 1 when it does not decide. */
  honoured: number;
  breached: number;
  items: { treaty: string; kind: string; toward: string; honoured: boolean; weight: number }[];
}

export interface PlayerPosition {
  obligations: StateResolution['obligations'];
  mustAct: boolean;
  acts: boolean;
  reach?: StateResolution['reach'];
  breaches: Breach[];
  /** P(the player faces this crisis's attacker alone, were it attacked that day); null when it is an attacker or cannot be attacked. */
  security: number | null;
  historicalSecurity: number | null;
  credibility: Credibility;
}

export interface Settled {
  resolution: Resolution;
  deterrence: { p: number; ci: [number, number] } | null;
  historicalDeterrence: { p: number; ci: [number, number] } | null;
  player: PlayerPosition;
  debrief: Debrief;
}

/** What a crisis is settled under. */
export interface CrisisInput {
  base: Scenario;
  scenario: Scenario;
  power: string;
  act: Act;
  assumptions: Assumptions;
  seed: number;
  /** Played treaties and the move that made each, for the debrief's citations. */
  madeBy: ReadonlyMap<string, string>;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Resolves and simulates one crisis. Deterministic in its input. Throws QueryError when the act makes no sense on the scenario. */
export function settleCrisis(input: CrisisInput): Settled {
  const { base, scenario, power, act, assumptions, seed } = input;
  const resolution = resolve(worldAt(scenario, act.date), act, assumptions, { explain: false });
  const history = scenario === base && !assumptions.abstain?.length && assumptions.leagueFinding === undefined ? resolution : resolve(worldAt(base, act.date), act, {}, { explain: false });
  const sim = simulateOrNull(scenario, act, assumptions, seed);
  const historySim = history === resolution ? sim : simulateOrNull(base, act, {}, seed);
  const attacker = act.attackers.includes(power);
  const security = attacker ? null : aloneOrNull(scenario, act, power, seed);
  const historicalSecurity = attacker ? null : scenario === base ? security : aloneOrNull(base, act, power, seed);
  const mine = resolution.states.find((s) => s.state === power);
  const player: PlayerPosition = {
    obligations: mine?.obligations ?? [],
    mustAct: mine?.mustAct ?? false,
    acts: mine?.acts ?? false,
    ...(mine?.reach ? { reach: mine.reach } : {}),
    breaches: resolution.breaches.filter((b) => b.state === power),
    security,
    historicalSecurity,
    credibility: credibilityOf(resolution, power, sim),
  };
  return {
    resolution,
    deterrence: sim ? { p: sim.deterrence.p, ci: sim.deterrence.ci } : null,
    historicalDeterrence: historySim ? { p: historySim.deterrence.p, ci: historySim.deterrence.ci } : null,
    player,
    debrief: debriefOf({ game: resolution, history, power, scenario, madeBy: input.madeBy, deterrence: sim?.deterrence.p ?? null, historicalDeterrence: historySim?.deterrence.p ?? null }),
  };
}

function simulateOrNull(scenario: Scenario, act: Act, assumptions: Assumptions, seed: number): SimulationReport | null {
  try {
    return simulate({ scenario, act, assumptions }, GAME_PARAMETERS.runs, seed);
  } catch (error) {
    if (error instanceof QueryError) return null;
    throw error;
  }
}

/** P(the target fights alone) if the crisis's attackers struck `power` that day instead. Null when that act makes no sense. */
function aloneOrNull(scenario: Scenario, act: Act, power: string, seed: number): number | null {
  const report = simulateOrNull(scenario, { attackers: act.attackers, target: power, date: act.date }, {}, seed);
  if (!report) return null;
  return round4(report.coalitions.filter((c) => c.members.length === 1 && c.members[0] === power).reduce((sum, c) => sum + c.p, 0));
}

const BINDING = new Set(['assist', 'assist-attacker', 'sanctions']);

/** The player's obligations honoured and breached in a resolution, weighted by the simulator's P(honour). Pure. */
export function credibilityOf(resolution: Resolution, power: string, sim: SimulationReport | null): Credibility {
  const mine = resolution.states.find((s) => s.state === power);
  const weight = sim?.states.find((s) => s.state === power && s.side === 'defender')?.pHonour ?? 1;
  const items: Credibility['items'] = [];
  for (const o of mine?.obligations ?? []) {
    if (!o.active || !BINDING.has(o.kind)) continue;
    items.push({ treaty: o.treaty, kind: o.kind, toward: o.toward, honoured: mine!.acts, weight: round4(weight) });
  }
  for (const b of resolution.breaches) {
    if (b.state !== power || b.kind === 'abstention') continue;
    items.push({ treaty: b.treaty, kind: b.kind, toward: resolution.act.target, honoured: false, weight: 1 });
  }
  const sum = (honoured: boolean) => round4(items.filter((i) => i.honoured === honoured).reduce((s, i) => s + i.weight, 0));
  return { honoured: sum(true), breached: sum(false), items };
}

/** Cost of readiness between two days: years × the yearly cost of the level in force. Pure. */
export function readinessCost(levels: readonly { from: Day; cost: number }[], from: Day, to: Day): number {
  let total = 0;
  const steps = [...levels].sort((a, b) => a.from.localeCompare(b.from));
  steps.forEach((level, i) => {
    const start = level.from > from ? level.from : from;
    const end = steps[i + 1] && steps[i + 1]!.from < to ? steps[i + 1]!.from : to;
    if (end > start) total += (level.cost * daysBetween(start, end)) / 365.25;
  });
  return round4(total);
}
