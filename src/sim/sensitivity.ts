/**
 * Sensitivity search: which single counterfactual change moves the probability of deterrence
 * most. Candidates come from a file or from the act itself (every missing convention, every
 * refused transit, every government whose line leans against honouring, every reading that
 * holds an obligation back, every strong state that owes the target nothing). Each is run against the baseline on the same draws (common
 * random numbers), so the difference has a tight error bar.
 */
import { QueryError } from '../model/errors.js';
import { strengthOf } from '../power/weigh.js';
import type { Overlay } from './overlay.js';
import { LINE_ODDS } from './parameters.js';
import { prepareAct, round6, wilson, Z95, type PreparedAct, type SimulationInput } from './simulate.js';
import { LEAGUE_DRAW } from './kernel.js';
import type { PairTally } from './tally.js';

/** How many strong states without an obligation get a "what if it guaranteed the target" candidate. */
export const GUARANTOR_CANDIDATES = 4;

/** Candidate overlays generated from an act: the changes its decisive states could have made. Pure. */
export function candidateOverlays(baseline: PreparedAct): Overlay[] {
  const { act, world, resolution, compiled } = baseline;
  const out: Overlay[] = [];
  const day = act.date;
  for (const d of compiled.deciders) {
    const f = d.decision?.features;
    if (d.side === 'defender' && f && f.convention !== 'convention') {
      out.push({ id: `convention-${d.state}-${f.toward}`, title: `${d.state} and ${f.toward} sign a military convention`, changes: [{ op: 'add-convention', between: [d.state, f.toward], from: day }] });
    }
  }
  // Refused passage, and passage that holds only while the transit state itself fights.
  const transit = new Map<string, { grantor: string; grantee: string }>();
  for (const s of resolution.states) for (const grantor of s.reach?.refusedBy ?? []) transit.set(`${grantor}-${s.state}`, { grantor, grantee: s.state });
  for (const d of compiled.deciders) for (const grantor of d.reachNeeds) transit.set(`${grantor}-${d.state}`, { grantor, grantee: d.state });
  for (const [key, { grantor, grantee }] of [...transit].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ id: `transit-${key}`, title: `${grantor} lets ${grantee}'s forces pass`, changes: [{ op: 'grant-transit', grantor, grantee, from: day }] });
  }
  const oddsOfLine = new Map(LINE_ODDS.map((l) => [l.line, l.odds]));
  for (const d of compiled.deciders) {
    const lines = world.states.find((s) => s.id === d.state)?.lines ?? [];
    if (d.side === 'defender' && lines.some((l) => (oddsOfLine.get(l) ?? 1) < 1)) {
      out.push({ id: `resist-${d.state}`, title: `${d.state}'s government resolves to resist (instead of ${lines.join(', ')})`, changes: [{ op: 'set-line', state: d.state, line: 'resistance', from: day }] });
    }
  }
  // A reading that makes an obligation toward the target wait (or fail): read it the other way.
  const readings = new Map<string, string[]>();
  for (const s of resolution.states) {
    for (const o of s.obligations) {
      if (o.kind !== 'assist' || o.toward !== act.target || o.active) continue;
      for (const c of o.conditions) if (c.reading !== undefined && c.status !== 'met') readings.set(c.reading, [...(readings.get(c.reading) ?? []), s.state]);
    }
  }
  for (const [reading, states] of [...readings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ id: `reading-${reading}-off`, title: `reading "${reading}" off (binds ${[...new Set(states)].join(', ')} at once)`, changes: [{ op: 'set-parameter', name: reading, value: false }] });
  }
  // States that owe an attacker help are its allies, not candidate guarantors (a pact of consultation or
  // nonaggression with it does not rule a state out: the Soviet Union of August 1939 is the case in point).
  const partners = resolution.states.filter((s) => s.obligations.some((o) => act.attackers.includes(o.toward) && o.kind === 'assist-attacker')).map((s) => s.state);
  const involved = new Set([...act.attackers, act.target, ...compiled.deciders.map((d) => d.state), ...partners]);
  const strong = world.states
    .filter((s) => !involved.has(s.id) && s.kind === 'state' && strengthOf(s) > 0)
    .sort((a, b) => strengthOf(b) - strengthOf(a) || (a.id < b.id ? -1 : 1))
    .slice(0, GUARANTOR_CANDIDATES);
  for (const s of strong) {
    out.push({
      id: `guarantee-${s.id}-${act.target}`,
      title: `${s.id} guarantees ${act.target}`,
      changes: [
        {
          op: 'add-treaty',
          treaty: {
            id: `overlay-guarantee-${s.id}-${act.target}`,
            name: `${s.id} guarantee of ${act.target} (counterfactual)`,
            parties: [s.id, act.target],
            signed: day,
            secret: false,
            provisions: [{ id: 'guarantee', kind: 'guarantee', obliged: [s.id], beneficiaries: [act.target], conditions: [] }],
            source: { parameter: `counterfactual: ${s.id} guarantees ${act.target}` },
          },
        },
      ],
    });
  }
  return out;
}

/** One candidate's effect. */
export interface CandidateEffect {
  id: string;
  title: string;
  p: number;
  ci: [number, number];
  /** p − baseline p on the same draws, with a 95% interval from the paired differences. */
  delta: number;
  deltaCi: [number, number];
  /** Mean balance ratio (defenders ÷ attacker side) under the change, and its change from the baseline's: it ranks changes that deter in no sample. */
  meanRatio: number;
  deltaRatio: number;
  /** Set when the overlay could not be applied or the act makes no sense under it. */
  error?: string | undefined;
}

export interface SensitivityReport {
  act: { attackers: string[]; target: string; date: string };
  runs: number;
  seed: number;
  interrupted?: boolean | undefined;
  baseline: { p: number; ci: [number, number]; meanRatio: number };
  /** Candidates by delta, largest rise first; ties by the change in mean balance ratio. */
  candidates: CandidateEffect[];
}

/**
 * Prepares the baseline and every candidate on one draw order. Pure. Candidates whose overlay
 * fails are kept with their error. Throws QueryError when the baseline itself fails.
 */
export function prepareCandidates(input: SimulationInput, candidates: readonly Overlay[]): { baseline: PreparedAct; variants: { overlay: Overlay; prepared?: PreparedAct; error?: string }[] } {
  const baseline = prepareAct(input);
  const order = [...baseline.compiled.deciders.map((d) => d.state), LEAGUE_DRAW];
  const seen = new Set<string>();
  const variants = candidates.map((overlay) => {
    if (seen.has(overlay.id)) throw new QueryError(`candidate id "${overlay.id}" is used twice`);
    seen.add(overlay.id);
    try {
      return { overlay, prepared: prepareAct({ ...input, overlays: [...(input.overlays ?? []), overlay], order }) };
    } catch (error) {
      if (error instanceof QueryError) return { overlay, error: error.message };
      throw error;
    }
  });
  return { baseline, variants };
}

/** Turns a paired tally into the ranked report. Pure. `variants` are in the tally's order after the baseline. */
export function sensitivityReport(baseline: PreparedAct, variants: { overlay: Overlay; error?: string | undefined; column?: number | undefined }[], tally: PairTally, seed: number, interrupted: boolean): SensitivityReport {
  const n = tally.samples;
  const p0 = n ? tally.deterred[0]! / n : 0;
  const ci0 = wilson(tally.deterred[0]!, n);
  const ratio0 = n ? tally.ratioSum[0]! / n : 0;
  const effects = variants.map(({ overlay, error, column }): CandidateEffect => {
    if (column === undefined) return { id: overlay.id, title: overlay.title, p: 0, ci: [0, 0], delta: 0, deltaCi: [0, 0], meanRatio: 0, deltaRatio: 0, error };
    const p = tally.deterred[column]! / n;
    const delta = (tally.gained[column]! - tally.lost[column]!) / n;
    const variance = Math.max(0, (tally.gained[column]! + tally.lost[column]!) / n - delta * delta) / n;
    const half = Z95 * Math.sqrt(variance);
    const ci = wilson(tally.deterred[column]!, n);
    const meanRatio = tally.ratioSum[column]! / n;
    return { id: overlay.id, title: overlay.title, p: round6(p), ci: [round6(ci[0]), round6(ci[1])], delta: round6(delta), deltaCi: [round6(delta - half), round6(delta + half)], meanRatio: round6(meanRatio), deltaRatio: round6(meanRatio - ratio0) };
  });
  effects.sort((a, b) => (a.error ? 1 : 0) - (b.error ? 1 : 0) || b.delta - a.delta || b.deltaRatio - a.deltaRatio || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    act: { attackers: baseline.act.attackers, target: baseline.act.target, date: baseline.act.date },
    runs: n,
    seed,
    ...(interrupted ? { interrupted } : {}),
    baseline: { p: round6(p0), ci: [round6(ci0[0]), round6(ci0[1])], meanRatio: round6(ratio0) },
    candidates: effects,
  };
}
