/**
 * Lean answers: a resolution with the obligations of universal treaties (the Covenant, Kellogg-Briand —
 * treaties open to every state, which bind dozens of states alike) gathered into one line per treaty,
 * provision and ruling, instead of one obligation per state; and without the explanation unless asked.
 * `leanResolution` is applied at the answer boundary (CLI, HTTP); `fullResolution` restores every
 * obligation, so nothing is lost (test/law/lean.test.ts checks it on every catalogue case).
 */
import type { Scenario } from '../model/schema.js';
import type { ConditionCheck, Explanation, Obligation, Resolution, StateResolution } from './types.js';

/** The obligations of one universal treaty's provision that many states hold alike. */
export interface UniversalObligations extends Omit<Obligation, 'conditions'> {
  conditions: ConditionCheck[];
  /** The states bound, sorted. */
  states: string[];
  /** One line for a person: "29 members of the League of Nations: sanctions toward CZE against GMY — waits: league-finding pending". */
  summary: string;
}

/** A resolution with universal treaties summarised; `explanation` only when asked for. */
export interface LeanResolution extends Omit<Resolution, 'explanation'> {
  universal: UniversalObligations[];
  explanation?: Explanation[];
}

/**
 * The universal treaties of a scenario, by id, each with who its parties are in words: a treaty whose
 * parties are the members of an organization (`partiesOf`), or one marked `scope: universal`. Pure.
 */
export function universalTreaties(scenario: Scenario): Map<string, string> {
  const universal = new Map<string, string>();
  for (const t of scenario.treaties) {
    if (t.partiesOf !== undefined) {
      const org = scenario.organizations.find((o) => o.id === t.partiesOf);
      universal.set(t.id, `members of the ${org?.name ?? t.partiesOf}`);
    } else if (t.scope === 'universal') {
      universal.set(t.id, `parties to the ${t.name}`);
    }
  }
  return universal;
}

const remembered = new WeakMap<Scenario, Map<string, string>>();

/** `universalTreaties`, remembered per scenario object. */
export function universalTreatiesOf(scenario: Scenario): ReadonlyMap<string, string> {
  let u = remembered.get(scenario);
  if (!u) remembered.set(scenario, (u = universalTreaties(scenario)));
  return u;
}

function waits(conditions: readonly ConditionCheck[]): string {
  const open = conditions.filter((c) => c.status !== 'met');
  if (!conditions.length) return 'unconditional';
  return open.length ? `waits: ${open.map((c) => `${c.type} ${c.status}`).join(', ')}` : 'conditions met';
}

export const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

export function sameConditions(a: readonly ConditionCheck[], b: readonly ConditionCheck[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.status !== y.status || x.why !== y.why || x.reading !== y.reading || !sameList(x.dependsOn, y.dependsOn)) return false;
  }
  return true;
}

/**
 * The lean form of a resolution: obligations under the given universal treaties leave the states' lists
 * and are grouped by ruling, one group per (treaty, provision, kind, toward, conditions, active); the
 * explanation is kept only with `explain`. Pure; shares no arrays with its input that it changes.
 */
export function leanResolution(r: Resolution, universal: ReadonlyMap<string, string>, options: { explain?: boolean } = {}): LeanResolution {
  const groups = new Map<string, UniversalObligations[]>();
  const states: StateResolution[] = r.states.map((s) => {
    const kept: Obligation[] = [];
    for (const o of s.obligations) {
      const who = universal.get(o.treaty);
      if (who === undefined) {
        kept.push(o);
        continue;
      }
      // Grouped by provision and ruling; obligations that differ in a condition's words form their own group.
      const key = `${o.treaty}\u0000${o.provision}\u0000${o.kind}\u0000${o.toward}\u0000${o.active}`;
      const bucket = groups.get(key) ?? [];
      if (!bucket.length) groups.set(key, bucket);
      let group = bucket.find((g) => sameList(g.against, o.against) && sameConditions(g.conditions, o.conditions));
      if (!group) bucket.push((group = { ...o, conditions: o.conditions, states: [], summary: who }));
      group.states.push(s.state);
    }
    return kept.length === s.obligations.length ? s : { ...s, obligations: kept };
  });
  const list = [...groups.values()].flat();
  summarise(list);
  const { explanation, ...rest } = r;
  return { ...rest, states, universal: list, ...(options.explain ? { explanation } : {}) };
}

function isSorted(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false;
  return true;
}

/** Sorts each group's states and writes its summary line (the `summary` field holds who its parties are, in words, until then). */
export function summarise(list: UniversalObligations[]): void {
  for (const g of list) {
    if (!isSorted(g.states)) g.states.sort();
    const against = g.against.length ? ` against ${g.against.join(', ')}` : '';
    g.summary = `${g.states.length} ${g.summary}: ${g.kind} toward ${g.toward}${against} (${g.treaty}${g.article ? ` ${g.article}` : ''}) — ${g.active ? 'active' : 'not active'}, ${waits(g.conditions)}`;
  }
}

/** The full resolution back from its lean form: each state's universal obligations restored after its own. Pure. */
export function fullResolution(lean: LeanResolution): Resolution {
  const extra = new Map<string, Obligation[]>();
  for (const g of lean.universal) {
    const { states, summary: _summary, ...obligation } = g;
    for (const s of states) {
      const list = extra.get(s) ?? [];
      list.push({ ...obligation, against: obligation.against.slice(), conditions: obligation.conditions.map((c) => ({ ...c })) });
      extra.set(s, list);
    }
  }
  const { universal: _u, explanation, ...rest } = lean;
  const states = lean.states.map((s) => (extra.has(s.state) ? { ...s, obligations: [...s.obligations, ...extra.get(s.state)!] } : s));
  return { ...rest, states, explanation: explanation ?? [] };
}
