/**
 * Landscape theory (Axelrod & Bennett 1993): states fall into the coalitions that minimise
 * frustration, the energy E(X) = Σ_{i<j} s_i s_j p_ij d_ij(X), where s are sizes, p
 * propensities (positive: they want to be together) and d_ij = 1 when i and j are apart.
 *
 * Pure and deterministic. For two coalitions the exact search enumerates all 2^(n-1)
 * configurations (the first state is fixed, halving the space) in a split Gray-code order:
 * the states are cut into a low block, whose energies are tabulated once, and a high block
 * whose one-bit changes update the whole table with one fused pass. Each configuration then
 * costs one add and one compare, so n = 30 is about 5·10^8 such steps.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** What the search needs: ids, sizes and a symmetric propensity matrix (the diagonal is ignored). */
export interface LandscapeInput {
  ids: string[];
  sizes: number[];
  propensity: number[][];
}

/** A configuration: the coalition index of each state, and the coalitions as sorted id lists. */
export interface Configuration {
  coalitions: string[][];
  energy: number;
  /** Coalition index per state, in input order. */
  assignment: number[];
}

export interface LandscapeResult {
  best: Configuration;
  /** Other local minima (no single state lowers E by switching), lowest first. */
  runnersUp: Configuration[];
  method: 'exact' | 'heuristic';
  /** Configurations examined (exact) or descents run (heuristic). */
  searched: number;
  /** How the runners-up were found: every configuration checked, or from seeded descents. */
  runnersUpMethod: 'exhaustive' | 'descents';
}

export interface SearchOptions {
  /** Number of coalitions (default 2). Exact search only for 2. */
  k?: number | undefined;
  /** Largest n searched exactly (default 30; the search is 2^(n-1)). */
  exactUpTo?: number | undefined;
  /** How many runner-up minima to report (default 3). */
  runnersUp?: number | undefined;
  /** Seed of the descents (runners-up, heuristic search). */
  seed?: number | undefined;
  /** Random starts for descents (default 2000). */
  starts?: number | undefined;
}

/** Largest n for which every configuration is checked for being a local minimum. */
const EXHAUSTIVE_MINIMA_UP_TO = 20;

/** The weight matrix w_ij = s_i s_j p_ij as a flat symmetric array with a zero diagonal. Pure. */
export function weights(input: LandscapeInput): Float64Array {
  const n = input.ids.length;
  if (input.sizes.length !== n || input.propensity.length !== n) throw new RangeError('ids, sizes and propensity must have one entry per state');
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const p = (input.propensity[i]![j]! + input.propensity[j]![i]!) / 2; // symmetrised: E counts each pair once
      w[i * n + j] = input.sizes[i]! * input.sizes[j]! * p;
    }
  }
  return w;
}

/** The energy of an assignment (coalition index per state). Pure. */
export function energyOf(w: Float64Array, n: number, assignment: readonly number[]): number {
  let e = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (assignment[i] !== assignment[j]) e += w[i * n + j]!;
  return e;
}

/** Searches the landscape: exact for k = 2 and n ≤ exactUpTo, seeded descents otherwise. Pure; throws RangeError on bad input. */
export function searchLandscape(input: LandscapeInput, options: SearchOptions = {}): LandscapeResult {
  const n = input.ids.length;
  const k = options.k ?? 2;
  if (n < 2) throw new RangeError('alignment needs at least two states');
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be a whole number of coalitions, at least 2');
  const w = weights(input);
  const want = options.runnersUp ?? 3;
  const exact = k === 2 && n <= Math.min(options.exactUpTo ?? 30, 31);
  const descents = exact && n <= EXHAUSTIVE_MINIMA_UP_TO ? { minima: [], starts: 0 } : localMinimaByDescent(w, n, k, options.seed ?? 1, options.starts ?? 2000);
  if (!exact) {
    const [best, ...rest] = descents.minima;
    return { best: configuration(input.ids, best!.assignment, best!.energy, k), runnersUp: rest.slice(0, want).map((m) => configuration(input.ids, m.assignment, m.energy, k)), method: 'heuristic', searched: descents.starts, runnersUpMethod: 'descents' };
  }
  const { assignment, energy, searched } = exactTwoCoalitions(w, n);
  const minima = n <= EXHAUSTIVE_MINIMA_UP_TO ? allLocalMinimaTwo(w, n) : descents.minima;
  const bestKey = keyOf(canonical(assignment, 2));
  const runnersUp = minima.filter((m) => keyOf(m.assignment) !== bestKey).slice(0, want);
  return {
    best: configuration(input.ids, assignment, energy, 2),
    runnersUp: runnersUp.map((m) => configuration(input.ids, m.assignment, m.energy, 2)),
    method: 'exact',
    searched,
    runnersUpMethod: n <= EXHAUSTIVE_MINIMA_UP_TO ? 'exhaustive' : 'descents',
  };
}

/**
 * The exact minimum over two coalitions, state 0 fixed in coalition 0. Ties go to the first
 * configuration in enumeration order, so the answer is deterministic. Pure.
 */
export function exactTwoCoalitions(w: Float64Array, n: number): { assignment: number[]; energy: number; searched: number } {
  if (n > 31) throw new RangeError('exact search is limited to 31 states');
  // Low block: states 0..lowBits (state 0 fixed at σ = +1); high block: the rest. 13 bits keep the
  // table and one column of cross terms (64 KiB each) in cache; 12–14 measured alike, 16 twice as slow.
  const lowBits = Math.min(n - 1, 13);
  const high = n - 1 - lowBits;
  const lowStates = lowBits + 1;
  const size = 1 << lowBits;
  const sigma = (x: number, i: number) => (i === 0 ? 1 : (x >> (i - 1)) & 1 ? -1 : 1);
  // T(x) starts as E_LL(x) − ½ Σ_j c_j(x) with every high state at σ = +1; c_j(x) = Σ_{i∈L} w_ij σ_i(x).
  const table = new Float64Array(size);
  const cross = new Float64Array(high * size);
  let wCross = 0;
  for (let i = 0; i < lowStates; i++) for (let j = lowStates; j < n; j++) wCross += w[i * n + j]!;
  for (let x = 0; x < size; x++) {
    let e = 0;
    for (let i = 0; i < lowStates; i++) for (let j = i + 1; j < lowStates; j++) if (sigma(x, i) !== sigma(x, j)) e += w[i * n + j]!;
    let half = 0;
    for (let h = 0; h < high; h++) {
      const j = lowStates + h;
      let c = 0;
      for (let i = 0; i < lowStates; i++) c += w[i * n + j]! * sigma(x, i);
      cross[h * size + x] = c;
      half += c;
    }
    table[x] = e - half / 2;
  }
  // Gray code over the high block; E_HH and its local fields are kept incrementally.
  const sh = new Int8Array(high).fill(1);
  const field = new Float64Array(high); // Σ_{k∈H} w_jk σ_k
  for (let a = 0; a < high; a++) for (let b = 0; b < high; b++) if (a !== b) field[a]! += w[(lowStates + a) * n + lowStates + b]!;
  let eHigh = 0;
  let best = Infinity;
  let bestX = 0;
  let bestY = 0;
  let y = 0;
  const steps = 1 << high;
  for (let step = 0; step < steps; step++) {
    let localBest = Infinity;
    let localX = 0;
    if (step === 0) {
      for (let x = 0; x < size; x++) {
        if (table[x]! < localBest) {
          localBest = table[x]!;
          localX = x;
        }
      }
    } else {
      const h = 31 - Math.clz32(step & -step); // the bit that changes in the Gray code
      const old = sh[h]!;
      // Flipping σ_h: E_HH changes by σ_h·field_h; every T(x) by σ_old·c_h(x), fused with the search for the minimum.
      eHigh += old * field[h]!;
      for (let b = 0; b < high; b++) if (b !== h) field[b]! -= 2 * w[(lowStates + b) * n + lowStates + h]! * old;
      sh[h] = -old as 1 | -1;
      y ^= 1 << h;
      const column = cross.subarray(h * size, (h + 1) * size);
      // Two loops rather than a multiply by ±1: the inner step is one add (or subtract) and one compare.
      if (old === 1) {
        for (let x = 0; x < size; x++) {
          const t = table[x]! + column[x]!;
          table[x] = t;
          if (t < localBest) {
            localBest = t;
            localX = x;
          }
        }
      } else {
        for (let x = 0; x < size; x++) {
          const t = table[x]! - column[x]!;
          table[x] = t;
          if (t < localBest) {
            localBest = t;
            localX = x;
          }
        }
      }
    }
    const total = localBest + eHigh + wCross / 2;
    if (total < best - 1e-12) {
      best = total;
      bestX = localX;
      bestY = y;
    }
  }
  const assignment = Array.from({ length: n }, (_, i) => {
    if (i === 0) return 0;
    if (i < lowStates) return (bestX >> (i - 1)) & 1;
    return (bestY >> (i - lowStates)) & 1;
  });
  // Recomputed from scratch: the incremental sum is only used to find the configuration.
  return { assignment, energy: energyOf(w, n, assignment), searched: size * steps };
}

interface Minimum {
  assignment: number[];
  energy: number;
}

/**
 * Every local minimum for two coalitions (n ≤ 20), in Gray-code order with local fields
 * L_i = Σ_j w_ij σ_j: flipping i changes E by σ_i·L_i, so a configuration is a local minimum
 * when every σ_i·L_i ≥ 0, an O(n) check. Pure.
 */
function allLocalMinimaTwo(w: Float64Array, n: number): Minimum[] {
  const minima: Minimum[] = [];
  const sigma = new Int8Array(n).fill(1);
  const field = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) field[i]! += w[i * n + j]!;
  let energy = 0;
  const total = 1 << (n - 1);
  for (let step = 0; step < total; step++) {
    if (step > 0) {
      const i = 32 - Math.clz32(step & -step); // states 1..n-1; state 0 stays fixed
      const old = sigma[i]!;
      energy += old * field[i]!;
      for (let j = 0; j < n; j++) if (j !== i) field[j]! -= 2 * w[j * n + i]! * old;
      sigma[i] = -old as 1 | -1;
    }
    let local = true;
    for (let i = 0; i < n && local; i++) if (sigma[i]! * field[i]! < -1e-12) local = false;
    if (local) minima.push({ assignment: Array.from(sigma, (x) => (x === 1 ? 0 : 1)), energy });
  }
  // Energies were summed incrementally; recompute the reported ones exactly.
  for (const m of minima) m.energy = energyOf(w, n, m.assignment);
  return minima.sort((a, b) => a.energy - b.energy);
}

/** Local minima from seeded random starts, each improved by moving one state at a time while that lowers E. Pure. */
function localMinimaByDescent(w: Float64Array, n: number, k: number, seed: number, starts: number): { minima: Minimum[]; starts: number } {
  const rng = xoroshiro128plus(seed); // pure-rand 8 generators advance in place; this one is local to the call
  const found = new Map<string, Minimum>();
  const assignment = new Array<number>(n);
  // together[i*k + c]: Σ of w_ij over the states j in coalition c, kept as states move.
  const together = new Float64Array(n * k);
  for (let s = 0; s < starts; s++) {
    for (let i = 0; i < n; i++) assignment[i] = uniformInt(rng, 0, k - 1);
    together.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) together[i * k + assignment[j]!]! += w[i * n + j]!;
    let improved = true;
    while (improved) {
      improved = false;
      for (let i = 0; i < n; i++) {
        // Moving i to c costs Σ_j w_ij minus its ties inside c: the best c has the largest tie.
        const here = assignment[i]!;
        let bestC = here;
        for (let c = 0; c < k; c++) if (together[i * k + c]! > together[i * k + bestC]! + 1e-12) bestC = c;
        if (bestC === here) continue;
        assignment[i] = bestC;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          const wji = w[j * n + i]!;
          together[j * k + here]! -= wji;
          together[j * k + bestC]! += wji;
        }
        improved = true;
      }
    }
    const canon = canonical(assignment, k);
    const key = keyOf(canon);
    if (!found.has(key)) found.set(key, { assignment: canon, energy: energyOf(w, n, canon) });
  }
  return { minima: [...found.values()].sort((a, b) => a.energy - b.energy || keyOf(a.assignment).localeCompare(keyOf(b.assignment))), starts };
}

/** Relabels coalitions in order of first appearance, so equal partitions compare equal. Pure. */
function canonical(assignment: readonly number[], k: number): number[] {
  const map = new Array<number>(k).fill(-1);
  let next = 0;
  return assignment.map((c) => (map[c] === -1 ? (map[c] = next++) : map[c]!));
}

function keyOf(assignment: readonly number[]): string {
  return assignment.join('');
}

function configuration(ids: readonly string[], assignment: readonly number[], energy: number, k: number): Configuration {
  const canon = canonical(assignment, k);
  const coalitions = Array.from({ length: k }, (_, c) => ids.filter((_, i) => canon[i] === c).sort()).filter((c) => c.length > 0);
  return { coalitions, energy, assignment: canon };
}
