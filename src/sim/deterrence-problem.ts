/**
 * A deterrence question over deciders by index — the form `./exact.ts` answers — with what both the
 * exact method and sampling need: each decider's margin, the fixpoint of the rules, and a Monte Carlo
 * estimate with its stated error for questions beyond the exact method's limits. Pure.
 */
import { settle, type Chains } from '../law/fixpoint.js';
import { marginOf } from '../power/weigh.js';
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
export const gain = (pr: DeterrenceProblem, i: number, w: number) => marginOf(pr.attackerSide[i] ? 'attacker' : 'defender', w, pr.ratio);

/** The margin of the attackers and the target alone. */
export const baseMargin = (pr: DeterrenceProblem) => pr.defenderBase + marginOf('attacker', pr.attackerBase, pr.ratio);

const chainsOfRules = new WeakMap<RuleSet, Chains>();

/** A rule set as the law's chains over deciders by index (every group waits on someone acting), remembered per rule set. */
function chainsOf(n: number, rules: RuleSet): Chains {
  let chains = chainsOfRules.get(rules);
  if (chains && chains.states.length === n) return chains;
  const owners = [...rules.unconditional, ...rules.obligations.map((o) => o.owner)];
  const ruleGroups = [0];
  const groupStart = [0];
  const members: number[] = [];
  for (let r = 0; r < rules.unconditional.length; r++) ruleGroups.push(0);
  for (const o of rules.obligations) {
    for (const c of o.clauses) {
      members.push(...c);
      groupStart.push(members.length);
    }
    ruleGroups.push(groupStart.length - 1);
  }
  chains = {
    states: Array.from({ length: n }, (_, i) => String(i)),
    initial: new Int32Array(0),
    obliged: Int32Array.from([...new Set(owners)].sort((a, b) => a - b)),
    ruleState: Int32Array.from(owners),
    ruleGroups: Int32Array.from(ruleGroups),
    ruleObligation: Int32Array.from(owners, (_, r) => r),
    groupStart: Int32Array.from(groupStart),
    members: Int32Array.from(members),
    ruleAssists: new Uint8Array(owners.length).fill(1),
    groupAssist: new Uint8Array(groupStart.length - 1).fill(1),
  };
  chainsOfRules.set(rules, chains);
  return chains;
}

/** Who acts among the coupled when `honours` (1 per decider) honour: the law's one fixpoint (law/fixpoint.ts) over the rule set. */
export function settleCoupled(pr: DeterrenceProblem, rules: RuleSet, honours: Uint8Array, acting: Uint8Array): void {
  settle(chainsOf(pr.p.length, rules), honours, acting);
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
    let margin = baseMargin(pr);
    for (let i = 0; i < n; i++) if (acting[i]) margin += gain(pr, i, pr.needs[i]!.every((j) => acting[j]) ? pr.weight[i]! : pr.fallback[i]!);
    if (margin >= 0) deterred++;
  }
  const p = deterred / samples;
  return { p, method: 'sampled', error: 1.959963984540054 * Math.sqrt(Math.max(p * (1 - p), 1 / samples) / samples) };
}
