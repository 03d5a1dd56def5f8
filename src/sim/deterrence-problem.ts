/**
 * A deterrence question over deciders by index — the form `./exact.ts` answers — with what both the
 * exact method and sampling need: each decider's margin, the fixpoint of the rules, and a Monte Carlo
 * estimate with its stated error for questions beyond the exact method's limits. Pure.
 */
import { sampleStream } from './random.js';

/** One rule set: who may act unconditionally, and obligations that wait on others (any member of each clause acting). */
export interface RuleSet {
  /** Probability that this rule set holds (the League finds aggression, or not); the sets' probabilities sum to 1. */
  p: number;
  unconditional: readonly number[];
  obligations: readonly { owner: number; clauses: readonly (readonly number[])[] }[];
}

/** A deterrence question over deciders by index. */
export interface DeterrenceProblem {
  /** Probability that decider i honours. */
  p: readonly number[];
  /** 1 when decider i joins the attacker. */
  attackerSide: readonly number[];
  /** Weight of decider i when every decider in `needs[i]` acts, else `fallback[i]`. */
  weight: readonly number[];
  fallback: readonly number[];
  needs: readonly (readonly number[])[];
  rules: readonly RuleSet[];
  attackerBase: number;
  defenderBase: number;
  ratio: number;
}

/** A coalition of acting deciders, with its balance. */
export interface RankedCoalition {
  acting: number[];
  /** Defenders' weight ÷ attacker side's, and that as a share of the ratio that deters. */
  ratio: number;
  ofNeed: number;
  deters: boolean;
}

export interface DeterrenceAnswer {
  p: number;
  method: 'exact' | 'sampled';
  /** For `sampled`: the 95% half-width of p. */
  error?: number | undefined;
  /** The coalitions of positive probability closest to deterring (largest margin D − r·A first); empty when too many deciders are coupled to rank them. */
  best: RankedCoalition[];
}

/** Decider i's contribution to the margin D − r·A when it acts with weight w. */
export const gain = (pr: DeterrenceProblem, i: number, w: number) => (pr.attackerSide[i] ? -pr.ratio * w : w);

/** Who acts among the coupled when `honours` (1 per decider) honour: the least fixpoint of the rules. */
export function settleCoupled(pr: DeterrenceProblem, rules: RuleSet, honours: Uint8Array, acting: Uint8Array): void {
  acting.fill(0);
  for (const i of rules.unconditional) if (honours[i]) acting[i] = 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of rules.obligations) {
      if (acting[o.owner] || !honours[o.owner]) continue;
      if (o.clauses.every((c) => c.some((i) => acting[i]))) {
        acting[o.owner] = 1;
        changed = true;
      }
    }
  }
}

/** Monte Carlo estimate with its 95% half-width, for problems beyond the exact limits. */
export function sampledDeterrence(pr: DeterrenceProblem, samples: number, seed: number): Omit<DeterrenceAnswer, 'best'> {
  const n = pr.p.length;
  const honours = new Uint8Array(n);
  const acting = new Uint8Array(n);
  const cumulative = pr.rules.map((_, r) => pr.rules.slice(0, r + 1).reduce((s, x) => s + x.p, 0));
  let deterred = 0;
  for (let s = 0; s < samples; s++) {
    const stream = sampleStream(seed, s);
    for (let i = 0; i < n; i++) honours[i] = (stream.next() >>> 0) / 4294967296 < pr.p[i]! ? 1 : 0;
    const u = (stream.next() >>> 0) / 4294967296;
    const rules = pr.rules[Math.max(0, cumulative.findIndex((c) => u < c))]!;
    settleCoupled(pr, rules, honours, acting);
    let margin = pr.defenderBase - pr.ratio * pr.attackerBase;
    for (let i = 0; i < n; i++) if (acting[i]) margin += gain(pr, i, pr.needs[i]!.every((j) => acting[j]) ? pr.weight[i]! : pr.fallback[i]!);
    if (margin >= 0) deterred++;
  }
  const p = deterred / samples;
  return { p, method: 'sampled', error: 1.959963984540054 * Math.sqrt(Math.max(p * (1 - p), 1 / samples) / samples) };
}
