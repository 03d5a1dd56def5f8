/**
 * How large and how tangled a scenario the server accepts from a client (an upload, or a
 * scenario derived by overlays). These are server parameters, not facts: each is set well above
 * what the built-in scenario and a full Correlates-of-War import need, and low enough that
 * every operation on such a scenario finishes within the request budget on a small machine.
 */
import type { Scenario } from '../model/schema.js';
import { HttpError } from './errors.js';

/** Bounds on an uploaded or derived scenario; each name is what a refusal cites. */
export interface ScenarioLimits {
  /** States and entities. The COW system has had 217 states since 1816; interwar has 39. */
  actors: number;
  /** Territories. interwar has 69; a state-per-territory world import needs one per state. */
  territories: number;
  /** Treaties. ATOP 5.1 codes 746 alliances over 1815–2018; interwar has 88. */
  treaties: number;
  /** Provisions over all treaties (interwar: 161). */
  provisions: number;
  /** Conditions over all provisions (interwar: 50). */
  conditions: number;
  /** Dated events (interwar: 86). */
  events: number;
  /**
   * Longest chain of "acts only after another acted first" (prior-action conditions), counted in
   * links between states. interwar's longest is 2 (the USSR waits for France, who waits for no
   * one); each link is one more round of the resolver's fixpoint.
   */
  chainLength: number;
  /** Changes over all overlays of one request. */
  overlayChanges: number;
}

/** The defaults. */
export const DEFAULT_SCENARIO_LIMITS: ScenarioLimits = {
  actors: 300,
  territories: 2_000,
  treaties: 1_500,
  provisions: 6_000,
  conditions: 12_000,
  events: 10_000,
  chainLength: 64,
  overlayChanges: 256,
};

/** A scenario's size on each counted axis. Pure. */
export function complexityOf(scenario: Scenario): Omit<ScenarioLimits, 'overlayChanges'> {
  const provisions = scenario.treaties.flatMap((t) => t.provisions);
  return {
    actors: scenario.actors.length,
    territories: scenario.territories.length,
    treaties: scenario.treaties.length,
    provisions: provisions.length,
    conditions: provisions.reduce((n, p) => n + p.conditions.length, 0),
    events: scenario.events.length,
    chainLength: longestChain(scenario),
  };
}

/**
 * Refuses a scenario over a limit: 413 for a count, 422 for a chain, naming the limit, the
 * scenario's figure and the bound. Pure apart from the throw.
 */
export function checkScenarioLimits(scenario: Scenario, limits: ScenarioLimits): void {
  const figures = complexityOf(scenario);
  for (const name of Object.keys(figures) as (keyof typeof figures)[]) {
    if (figures[name] <= limits[name]) continue;
    const status = name === 'chainLength' ? 422 : 413;
    throw new HttpError(status, `scenario over the limit "${name}": it has ${figures[name]}, this server accepts at most ${limits[name]}`, { limit: name, value: figures[name], max: limits[name] });
  }
}

/** Refuses overlays with more changes in all than the limit (413). */
export function checkOverlayLimits(overlays: readonly { changes: readonly unknown[] }[], limits: ScenarioLimits): void {
  const changes = overlays.reduce((n, o) => n + o.changes.length, 0);
  if (changes > limits.overlayChanges) {
    throw new HttpError(413, `overlays over the limit "overlayChanges": they make ${changes} changes, this server accepts at most ${limits.overlayChanges}`, { limit: 'overlayChanges', value: changes, max: limits.overlayChanges });
  }
}

/**
 * The longest path, in links, through the graph of who waits for whom (an obliged state waits
 * for the states its prior-action conditions name), over every treaty whatever its dates: an
 * upper bound on any day's chain. States that wait on each other in a cycle count as one link.
 * Linear in the graph (Tarjan's components, then the longest path of their DAG).
 */
export function longestChain(scenario: Scenario): number {
  const edges = new Map<string, Set<string>>();
  const partiesOf = (t: Scenario['treaties'][number]) => t.parties.map((p) => (typeof p === 'string' ? p : p.state));
  for (const treaty of scenario.treaties) {
    for (const provision of treaty.provisions) {
      for (const condition of provision.conditions) {
        if (condition.type !== 'prior-action') continue;
        for (const waiter of provision.obliged ?? partiesOf(treaty)) {
          const out = edges.get(waiter) ?? new Set<string>();
          for (const first of condition.by) if (first !== waiter) out.add(first);
          edges.set(waiter, out);
        }
      }
    }
  }
  const component = components(edges);
  // Longest path over the components' DAG, by memoised depth-first search (iterative).
  const depth = new Map<number, number>();
  const next = new Map<number, Set<number>>();
  for (const [from, tos] of edges) for (const to of tos) {
    const [a, b] = [component.get(from)!, component.get(to)!];
    if (a !== b) (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
  }
  let longest = 0;
  for (const start of new Set(component.values())) {
    const stack: [number, boolean][] = [[start, false]];
    while (stack.length) {
      const [node, expanded] = stack.pop()!;
      if (depth.has(node)) continue;
      const children = [...(next.get(node) ?? [])];
      if (expanded) {
        depth.set(node, children.reduce((d, c) => Math.max(d, 1 + depth.get(c)!), 0));
        continue;
      }
      stack.push([node, true]);
      for (const child of children) if (!depth.has(child)) stack.push([child, false]);
    }
    longest = Math.max(longest, depth.get(start)!);
  }
  return longest;
}

/** Strongly connected components (Tarjan, iterative): node → component number. */
function components(edges: Map<string, Set<string>>): Map<string, number> {
  const nodes = new Set<string>();
  for (const [from, tos] of edges) (nodes.add(from), tos.forEach((t) => nodes.add(t)));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let count = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: [string, string[]][] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push([node, [...(edges.get(node) ?? [])]]);
    };
    enter(root);
    while (work.length) {
      const [node, pending] = work.at(-1)!;
      const child = pending.pop();
      if (child !== undefined) {
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(node, Math.min(low.get(node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work.at(-1)![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          result.set(member, count);
        } while (member !== node);
        count++;
      }
    }
  }
  return result;
}
