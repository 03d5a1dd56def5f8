/**
 * Coalition weighing, the only place sides are weighed: a state's strength is its capability (COW CINC)
 * times the effectiveness of its army that day, discounted by how it reaches the theatre; the attacker
 * is deterred when the side that would fight it outweighs its own side by the deterrence ratio. Which
 * side an army takes is `sideOf`; the simulator weighs the same sides on bitmasks (`maskBalanceRatio`)
 * and the exact method as margins (`marginOf`).
 */
import type { ObligationKind, Resolution, ReachMode } from '../law/types.js';
import type { StateView, World } from '../world/world.js';

/** The weighing parameters, read from named values (see POWER_PARAMETERS). */
export interface PowerParameters {
  reach: Record<ReachMode, number>;
  deterrenceRatio: number;
}

export type Side = 'attacker' | 'defender';

/** One state's weight on one side. */
export interface Contribution {
  state: string;
  side: Side;
  /** CINC × effectiveness, before the reach discount. */
  strength: number;
  /** How it reaches the theatre; `home` for attackers and the target. */
  reach: ReachMode | 'home';
  /** strength × the reach factor. */
  weight: number;
}

/** Both sides' weights and whether the attacker is deterred. */
export interface Balance {
  attacker: number;
  defender: number;
  /** defender ÷ attacker (Infinity when the attacker side weighs nothing). */
  ratio: number;
  deterred: boolean;
  contributions: Contribution[];
}

/** Reads the power parameters from a table of named values. Pure; throws when one is missing. */
export function powerParameters(values: Readonly<Record<string, number>>): PowerParameters {
  const get = (name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`power parameter "${name}" is missing`);
    return value;
  };
  return {
    reach: { border: get('power-reach-border'), transit: get('power-reach-transit'), sea: get('power-reach-sea'), none: get('power-reach-none') },
    deterrenceRatio: get('power-deterrence-ratio'),
  };
}

/** A state's strength: CINC × effectiveness; 0 when the world has no capability for it that year. Pure. */
export function strengthOf(state: StateView): number {
  return (state.capability?.cinc ?? 0) * state.effectiveness;
}

/** The share of strength that arrives by this mode; attackers and the target fight at home (1). Pure. */
export function reachFactor(mode: ReachMode | 'home' | undefined, parameters: PowerParameters): number {
  // A state without a reach answer (an attacker's ally, say) is taken to march as across a border.
  if (mode === undefined || mode === 'home') return parameters.reach.border;
  return parameters.reach[mode];
}

/**
 * The side an army takes, from the kinds of the obligations that send it: the target's when one is to
 * assist the target (a state that could help the victim counts there even if it also owes the attacker),
 * else the attacker's when one is to assist an attacker; none otherwise (sanctions field no army). Pure.
 */
export function sideOf(kinds: Iterable<ObligationKind>): Side | undefined {
  let side: Side | undefined;
  for (const k of kinds) {
    if (k === 'assist') return 'defender';
    if (k === 'assist-attacker') side = 'attacker';
  }
  return side;
}

/** Whether a balance ratio (defenders ÷ attacker side) deters. Pure. */
export function ratioDeters(ratio: number, deterrenceRatio: number): boolean {
  return ratio >= deterrenceRatio;
}

/** A weight's part in the margin D − r·A (≥ 0 deters): +w for the defenders, −r·w for the attacker's side. Pure. */
export function marginOf(side: Side, weight: number, deterrenceRatio: number): number {
  return side === 'attacker' ? -deterrenceRatio * weight : weight;
}

/** A state's weight on its side: its strength discounted by how it reaches the theatre. Pure. */
export function weightOf(strength: number, mode: ReachMode | 'home' | undefined, parameters: PowerParameters): number {
  return strength * reachFactor(mode, parameters);
}

/**
 * The two sides of a compiled act on bitmasks, for the simulator: decider i (bit i) weighs `weights[i]` on
 * its side when it acts and every decider in `reachNeeds[i]` acts too (they let it pass only as
 * co-belligerents), else `fallbackWeights[i]`; the attackers and the target weigh the bases.
 */
export interface MaskSides {
  n: number;
  /** 1 when decider i fights with the attacker, 0 when for the target. */
  attackerSide: Uint8Array;
  weights: Float64Array;
  reachNeeds: Int32Array;
  fallbackWeights: Float64Array;
  attackerBase: number;
  defenderBase: number;
  deterrenceRatio: number;
}

/** The defenders' weight divided by the attacker side's when the deciders in `acting` act. Pure. */
export function maskBalanceRatio(k: MaskSides, acting: number): number {
  let attacker = k.attackerBase;
  let defender = k.defenderBase;
  for (let i = 0; i < k.n; i++) {
    if ((acting & (1 << i)) === 0) continue;
    const needs = k.reachNeeds[i]!;
    const weight = (acting & needs) === needs ? k.weights[i]! : k.fallbackWeights[i]!;
    if (k.attackerSide[i] === 1) attacker += weight;
    else defender += weight;
  }
  return defender / attacker;
}

/** Whether a defender weight deters an attacker weight: defender ÷ attacker ≥ the ratio. Pure. */
export function deters(attacker: number, defender: number, deterrenceRatio: number): boolean {
  return ratioDeters(defender / attacker, deterrenceRatio);
}

/**
 * The side each taking part state is on in a resolution: the attackers, the target, and every acting
 * state by `sideOf` its active obligations. States that act only on sanctions put no army in the field. Pure.
 */
export function sidesOf(resolution: Resolution): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const id of resolution.act.attackers) sides.set(id, 'attacker');
  sides.set(resolution.act.target, 'defender');
  for (const s of resolution.states) {
    if (!s.acts || sides.has(s.state)) continue;
    const side = sideOf(s.obligations.filter((o) => o.active).map((o) => o.kind));
    if (side) sides.set(s.state, side);
  }
  return sides;
}

/** Weighs the coalitions a resolution forms (who acts, on which side, by which reach). Pure. */
export function balanceOf(world: World, resolution: Resolution, parameters: PowerParameters): Balance {
  const reach = new Map(resolution.states.map((s) => [s.state, s.reach?.mode]));
  return balanceOfSides(world, sidesOf(resolution), new Set([...resolution.act.attackers, resolution.act.target]), reach, parameters);
}

/** Weighs given sides: `home` states (attackers, target) fight at home, the others by their reach (border when unknown). Pure. */
export function balanceOfSides(world: World, sides: ReadonlyMap<string, Side>, home: ReadonlySet<string>, reach: ReadonlyMap<string, ReachMode | undefined>, parameters: PowerParameters): Balance {
  const stateById = new Map(world.states.map((s) => [s.id, s]));
  const contributions = [...sides]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([state, side]): Contribution => {
      const view = stateById.get(state);
      const strength = view ? strengthOf(view) : 0;
      const mode = home.has(state) ? 'home' : (reach.get(state) ?? 'border');
      return { state, side, strength, reach: mode, weight: weightOf(strength, mode, parameters) };
    });
  return weigh(contributions, parameters.deterrenceRatio);
}

/** Sums contributions per side and applies the deterrence ratio. Pure. */
export function weigh(contributions: Contribution[], deterrenceRatio: number): Balance {
  let attacker = 0;
  let defender = 0;
  for (const c of contributions) {
    if (c.side === 'attacker') attacker += c.weight;
    else defender += c.weight;
  }
  return { attacker, defender, ratio: attacker > 0 ? defender / attacker : Infinity, deterred: deters(attacker, defender, deterrenceRatio), contributions };
}
