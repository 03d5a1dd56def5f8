/**
 * A simulation run: the act resolved once and compiled, samples run in fixed chunks, their
 * tallies summed, and the sums turned into a report. The chunking is fixed by sample index, so
 * the same seed gives the same report however the chunks are spread over threads.
 */
import { compiledFor } from '../law/compile-memo.js';
import { actContext } from '../law/conditions.js';
import { lawIndex } from '../law/world-index.js';
import { resolveCompiled } from '../law/resolve.js';
import type { Act, Assumptions, Resolution } from '../law/types.js';
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { worldAt, type World } from '../world/world.js';
import { deterrence } from './exact.js';
import { compileKernel, type SampledAct } from './compile.js';
import { deterredBy } from './kernel.js';
import { mergeTallies, runRange, type Tally } from './tally.js';
import { problemOfKernel } from './kernel-problem.js';
import { applyOverlays, type Overlay } from './overlay.js';
import { resolveParameters } from './parameters.js';
import { MAX_SEED } from './random.js';

/** Samples per chunk: the unit of work handed to a thread, and of the merge. */
export const CHUNK = 1 << 16;
/** Most samples one run may ask for. */
export const MAX_RUNS = 1e10;
/** 1.96: the normal quantile of a 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Everything a run needs, prepared once: the world, the resolution, the kernel, all from one compiled act. When the
 * act leaves the League's finding open, `resolution` is the one with a finding (the widest set of
 * obligations) and the kernel draws the finding per sample.
 */
export interface PreparedAct {
  scenario: Scenario;
  world: World;
  act: Act;
  resolution: Resolution;
  parameters: Record<string, number>;
  compiled: SampledAct;
  /** The act assumes nothing about the League's finding. */
  leagueOpen: boolean;
}

/** What to simulate. */
export interface SimulationInput {
  scenario: Scenario;
  act: Act;
  assumptions?: Assumptions | undefined;
  /** Parameter overrides (command line); the scenario's own `parameters` apply first. */
  parameters?: Record<string, number> | undefined;
  overlays?: readonly Overlay[] | undefined;
  /** Draw order shared with other variants (common random numbers); see compileKernel. */
  order?: readonly string[] | undefined;
}

/** Resolves and compiles an act. Pure. Throws QueryError for an act or parameter that makes no sense. */
export function prepareAct(input: SimulationInput): PreparedAct {
  const scenario = input.overlays?.length ? applyOverlays(input.scenario, input.overlays) : input.scenario;
  return prepareOnWorld({ ...input, scenario }, worldAt(scenario, input.act.date, input.assumptions?.readings));
}

/** `prepareAct` on a world already projected for the act's day (overlays applied, readings as assumed). Pure. */
export function prepareOnWorld(input: SimulationInput, world: World): PreparedAct {
  const { scenario } = input;
  const parameters = resolveParameters(world.parameters, input.parameters ?? {});
  const assumptions = input.assumptions ?? {};
  // A League finding not assumed either way is drawn per sample: the kernel holds the chains under both.
  const drawn = assumptions.leagueFinding === undefined;
  const primary = drawn ? { ...assumptions, leagueFinding: true } : assumptions;
  const index = lawIndex(world);
  const ctx = actContext(index, input.act, primary);
  const law = compiledFor(ctx);
  const resolution = resolveCompiled(ctx, law, { explain: false });
  const league = drawn ? { noFinding: compiledFor(actContext(index, input.act, { ...assumptions, leagueFinding: false })).compiled, p: parameters['sim-p-league-finding']! } : undefined;
  return { scenario, world, act: input.act, resolution, parameters, compiled: compileKernel(world, { ctx, compiled: law.compiled, resolution }, parameters, input.order ?? [], league), leagueOpen: drawn };
}

/** Checks a run's size and seed; throws QueryError naming the option. Pure. */
export function checkRun(runs: number, seed: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new QueryError(`--runs must be a whole number from 1 to ${MAX_RUNS}, not ${runs}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new QueryError(`--seed must be a whole number from 0 to ${MAX_SEED}, not ${seed}`);
}

/** The chunks [from, to) that cover `runs` samples. Pure. */
export function chunksOf(runs: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let from = 0; from < runs; from += CHUNK) chunks.push([from, Math.min(runs, from + CHUNK)]);
  return chunks;
}

/** Runs a prepared act on this thread and reports. Deterministic in (prepared, runs, seed). */
export function simulatePrepared(prepared: PreparedAct, runs: number, seed: number): SimulationReport {
  checkRun(runs, seed);
  const { kernel } = prepared.compiled;
  const tally = mergeTallies(kernel.n, chunksOf(runs).map(([from, to]) => runRange(kernel, seed, from, to)));
  return reportOf(prepared, tally, seed);
}

/** Resolves, compiles and runs an act on this thread. Deterministic; throws QueryError on bad input. */
export function simulate(input: SimulationInput, runs: number, seed: number): SimulationReport {
  checkRun(runs, seed);
  return simulatePrepared(prepareAct(input), runs, seed);
}

/** The Wilson score interval of `successes` in `n` trials at 95%. Pure. */
export function wilson(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Rounds for printing: six decimals are below any run's noise and keep the JSON readable. Pure. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface StateReport {
  state: string;
  side: 'attacker' | 'defender';
  /** Probability it honours its commitment (1 for attackers and the target). */
  pHonour: number;
  /** Probability it takes part: honours and its conditions are met once the chains settle. */
  pFight: number;
  reach?: string | undefined;
  /** When that reach needs others to fight (they let it pass only as co-belligerents): who, and the reach without them. */
  reachNeeds?: string[] | undefined;
  reachOtherwise?: string | undefined;
  /** CINC × effectiveness. */
  strength: number;
  /** P(deterrence | it honours) − P(deterrence | it defects), with a 95% interval; null when one side never happened. */
  pivotality: { delta: number; ci: [number, number] } | null;
  /** The odds terms behind pHonour. */
  terms?: { parameter: string; odds: number }[] | undefined;
}

export interface SimulationReport {
  /** The act; `kind` only when it is not an armed attack, so that reports of attacks keep their shape. */
  act: { attackers: string[]; target: string; date: string; theatre?: string | undefined; kind?: Act['kind'] };
  runs: number;
  seed: number;
  interrupted?: boolean | undefined;
  /** Sampled, with its 95% interval, beside the exact figure (./exact.ts) when the act is within its limits. */
  deterrence: { p: number; ci: [number, number]; exact?: number | undefined };
  /** Whether the League's finding was assumed, drawn per sample (with its probability), or changes nothing here. */
  league: { finding: 'assumed-yes' | 'assumed-no' | 'drawn' | 'irrelevant'; p?: number | undefined };
  /** Fixed weights, the ratio that deters, and the mean over samples of defenders ÷ attacker side. */
  balance: { attackerBase: number; defenderBase: number; deterrenceRatio: number; meanRatio: number };
  states: StateReport[];
  /** The likeliest coalitions sampled, at most REPORTED_COALITIONS of them; the rest counted in `otherCoalitions` (`count`: those listed in the tally but not here; `p`: all samples not listed). */
  coalitions: { members: string[]; withAttacker: string[]; p: number; deterred: boolean }[];
  otherCoalitions?: { count: number; p: number } | undefined;
  /** The coalitions of positive probability closest to deterring, strongest first (exact, not sampled). */
  strongest: { members: string[]; withAttacker: string[]; ratio: number; ofNeed: number; deters: boolean }[];
  /** Deciders ranked by |pivotality|: whose choices decide the outcome most. */
  pivotal: string[];
  parameters: Record<string, number>;
}

/** Sampled coalitions listed in a report; with thirty deciders there may be hundreds of thousands. */
export const REPORTED_COALITIONS = 50;
/** Strongest coalitions named in a report. */
export const STRONGEST_COALITIONS = 5;

/** Turns summed counts into the report. Pure. */
export function reportOf(prepared: PreparedAct, tally: Tally, seed: number, interrupted = false): SimulationReport {
  const { kernel, deciders, fixed } = prepared.compiled;
  const n = tally.samples;
  const pFight = tally.fights;
  const states: StateReport[] = [
    ...fixed.map((f): StateReport => ({ state: f.state, side: f.side, pHonour: 1, pFight: 1, reach: 'home', strength: round6(f.strength), pivotality: null })),
    ...deciders.map((d, i): StateReport => ({
      state: d.state,
      side: d.side,
      pHonour: round6(d.p),
      pFight: n ? round6(pFight[i]! / n) : 0,
      reach: d.reach,
      ...(d.reachNeeds.length ? { reachNeeds: d.reachNeeds, reachOtherwise: d.reachOtherwise } : {}),
      strength: round6(d.strength),
      pivotality: pivotalityOf(tally.honours[i]!, tally.honoursDeterred[i]!, n, tally.deterred),
      terms: d.decision?.terms,
    })),
  ];
  const attackerSet = new Set(prepared.act.attackers);
  const ranked = tally.coalitions
    .map(([mask, count]) => {
      const acting = deciders.filter((_, i) => mask & (1 << i));
      return {
        members: [prepared.act.target, ...acting.filter((d) => d.side !== 'attacker').map((d) => d.state)].sort(),
        withAttacker: [...attackerSet, ...acting.filter((d) => d.side === 'attacker').map((d) => d.state)].sort(),
        p: round6(count / n),
        count,
        deterred: deterredBy(kernel, mask),
      };
    })
    .sort((a, b) => b.count - a.count || (a.members.join() < b.members.join() ? -1 : 1));
  const coalitions = ranked.slice(0, REPORTED_COALITIONS).map(({ count: _count, ...c }) => c);
  const others = ranked.slice(REPORTED_COALITIONS).reduce((sum, c) => sum + c.count, tally.otherSamples);
  const exact = deterrence(problemOfKernel(kernel), STRONGEST_COALITIONS);
  const sideOf = (acting: number[], side: 'attacker' | 'defender') => acting.filter((i) => deciders[i]!.side === side).map((i) => deciders[i]!.state);
  const strongest = exact.best.map((c) => ({
    members: [prepared.act.target, ...sideOf(c.acting, 'defender')].sort(),
    withAttacker: [...attackerSet, ...sideOf(c.acting, 'attacker')].sort(),
    ratio: round6(c.ratio),
    ofNeed: round6(c.ofNeed),
    deters: c.deters,
  }));
  const pivotal = states
    .filter((s) => s.pivotality !== null)
    .sort((a, b) => Math.abs(b.pivotality!.delta) - Math.abs(a.pivotality!.delta) || (a.state < b.state ? -1 : 1))
    .map((s) => s.state);
  const ci = wilson(tally.deterred, n);
  return {
    act: {
      attackers: prepared.act.attackers,
      target: prepared.act.target,
      date: prepared.act.date,
      ...(prepared.act.theatre ? { theatre: prepared.act.theatre } : {}),
      ...(prepared.act.kind && prepared.act.kind !== 'attack' ? { kind: prepared.act.kind } : {}),
    },
    runs: n,
    seed,
    ...(interrupted ? { interrupted } : {}),
    deterrence: { p: n ? round6(tally.deterred / n) : 0, ci: [round6(ci[0]), round6(ci[1])], ...(exact.method === 'exact' ? { exact: round6(exact.p) } : {}) },
    league: leagueOf(prepared),
    balance: { attackerBase: round6(kernel.attackerBase), defenderBase: round6(kernel.defenderBase), deterrenceRatio: kernel.deterrenceRatio, meanRatio: n ? round6(tally.ratioSum / n) : 0 },
    states,
    coalitions,
    ...(others ? { otherCoalitions: { count: Math.max(0, ranked.length - REPORTED_COALITIONS), p: round6(others / n) } } : {}),
    strongest,
    pivotal,
    parameters: prepared.parameters,
  };
}

function leagueOf(prepared: PreparedAct): SimulationReport['league'] {
  const { kernel } = prepared.compiled;
  if (kernel.noFinding) return { finding: 'drawn', p: round6(kernel.findingThreshold / 4294967296) };
  if (prepared.leagueOpen) return { finding: 'irrelevant' };
  return { finding: prepared.resolution.assumptions.leagueFinding === 'aggression' ? 'assumed-yes' : 'assumed-no' };
}

function pivotalityOf(honoured: number, honouredDeterred: number, n: number, deterred: number): StateReport['pivotality'] {
  const defected = n - honoured;
  if (honoured === 0 || defected === 0) return null;
  const p1 = honouredDeterred / honoured;
  const p0 = (deterred - honouredDeterred) / defected;
  const delta = p1 - p0;
  const se = Math.sqrt((p1 * (1 - p1)) / honoured + (p0 * (1 - p0)) / defected);
  return { delta: round6(delta), ci: [round6(delta - Z95 * se), round6(delta + Z95 * se)] };
}
