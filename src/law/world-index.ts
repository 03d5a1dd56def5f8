/**
 * Indexes of one world that the resolver consults on every act: built once per world (and
 * remembered for it), so that resolving the same day many times — an atlas, a Monte Carlo —
 * never scans the treaty list again.
 */
import type { Condition } from '../model/schema.js';
import { implicitActKind } from './act-kinds.js';
import type { ProvisionView, StateView, TerritoryView, TransitView, TreatyView, World } from '../world/world.js';

/** One provision of a treaty in force, with its parties resolved for the day. */
export interface ProvisionEntry {
  treaty: TreatyView;
  provision: ProvisionView;
  obliged: readonly string[];
  beneficiaries: ReadonlySet<string>;
  /** The provision's conditions, with those the law implies (see conditionsOf). */
  conditions: readonly Condition[];
}

/** Covenant Art. 16 acts on a finding that a member resorted to war; sanctions without one are never due. */
export const IMPLICIT_FINDING: Condition = { type: 'league-finding', note: 'implicit: sanctions (Covenant Art. 16) follow a finding that a member resorted to war' };

/** The provision's conditions, with those the law implies: a League finding for sanctions, and the act kinds its kind covers (./act-kinds.ts). */
function conditionsOf(provision: ProvisionView): Condition[] {
  const written = provision.conditions ?? [];
  const all = provision.kind === 'sanctions' && !written.some((c) => c.type === 'league-finding') ? [...written, IMPLICIT_FINDING] : written;
  const kinds = written.some((c) => c.type === 'act-kind') ? undefined : implicitActKind(provision.kind);
  return kinds ? [...all, kinds] : all;
}

/** What the resolver looks up in a world, built once per world. */
export interface LawIndex {
  world: World;
  /** Ids of the existing states, sorted; the position of an id is its index in chains. */
  stateIds: readonly string[];
  stateIndex: ReadonlyMap<string, number>;
  states: ReadonlyMap<string, StateView>;
  territories: ReadonlyMap<string, TerritoryView>;
  territoriesOf: ReadonlyMap<string, readonly string[]>;
  /** Land neighbours of each state, sorted. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** The same land graph over state indexes: the neighbours of state i are `to[start[i] .. start[i+1]]`, ascending. */
  adjacency: { start: Int32Array; to: Int32Array };
  /** Every provision in force, in (treaty id, provision id) order. */
  entries: readonly ProvisionEntry[];
  /** Provisions by beneficiary, for the kinds that may oblige someone toward a belligerent. */
  byBeneficiary: ReadonlyMap<string, readonly ProvisionEntry[]>;
  /** Nonaggression and neutrality provisions by obliged state. */
  restraintsOf: ReadonlyMap<string, readonly ProvisionEntry[]>;
  /** Transit provisions by grantor. */
  transitBy: ReadonlyMap<string, readonly ProvisionEntry[]>;
  /** Transit policies of the day, by `GRANTOR>GRANTEE`. */
  policies: ReadonlyMap<string, TransitView>;
  /** Seas a fleet can pass between, both ways. */
  seaLinks: ReadonlyMap<string, readonly string[]>;
  /** Treaties by id. */
  treaties: ReadonlyMap<string, TreatyView>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<World, LawIndex>();

/**
 * The law's indexes of a world. Pure in effect: a world is plain data that is never mutated,
 * so the index is remembered per world object (a WeakMap, released with the world).
 */
export function lawIndex(world: World): LawIndex {
  let index = cache.get(world);
  if (!index) {
    index = buildIndex(world);
    cache.set(world, index);
  }
  return index;
}

function buildIndex(world: World): LawIndex {
  const stateIds = world.states.map((s) => s.id).sort(byText);
  const territoriesOf = new Map<string, string[]>();
  for (const t of world.territories) push(territoriesOf, t.controller, t.id);
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of world.borders) {
    push(neighbours, a, b);
    push(neighbours, b, a);
  }
  for (const list of neighbours.values()) list.sort(byText);

  const entries: ProvisionEntry[] = [];
  // Sorted here as well as in worldAt, so that a hand-made world in any order resolves the same.
  for (const treaty of [...world.treaties].sort((a, b) => byText(a.id, b.id))) {
    for (const provision of [...treaty.provisions].sort((a, b) => byText(a.id, b.id))) {
      entries.push({ treaty, provision, obliged: provision.obliged, beneficiaries: new Set(provision.beneficiaries), conditions: conditionsOf(provision) });
    }
  }
  const byBeneficiary = new Map<string, ProvisionEntry[]>();
  const restraintsOf = new Map<string, ProvisionEntry[]>();
  const transitBy = new Map<string, ProvisionEntry[]>();
  for (const entry of entries) {
    const kind = entry.provision.kind;
    if (kind === 'transit') {
      for (const s of entry.obliged) push(transitBy, s, entry);
      continue;
    }
    if (kind === 'military-convention') continue;
    for (const b of entry.beneficiaries) push(byBeneficiary, b, entry);
    if (kind === 'nonaggression' || kind === 'neutrality') for (const s of entry.obliged) push(restraintsOf, s, entry);
  }
  const seaLinks = new Map<string, string[]>();
  for (const sea of world.seas) {
    for (const other of sea.connects) {
      push(seaLinks, sea.id, other);
      push(seaLinks, other, sea.id);
    }
  }
  for (const [key, list] of seaLinks) seaLinks.set(key, [...new Set(list)].sort(byText));

  const stateIndex = new Map(stateIds.map((id, i) => [id, i]));
  return {
    world,
    stateIds,
    stateIndex,
    states: new Map(world.states.map((s) => [s.id, s])),
    territories: new Map(world.territories.map((t) => [t.id, t])),
    territoriesOf,
    neighbours,
    adjacency: adjacencyOf(stateIds, stateIndex, neighbours),
    entries,
    byBeneficiary,
    restraintsOf,
    transitBy,
    policies: new Map(world.transit.map((t) => [`${t.grantor}>${t.grantee}`, t])),
    seaLinks,
    treaties: new Map(world.treaties.map((t) => [t.id, t])),
  };
}

/** The land graph in compressed rows over state indexes; borders with an actor that is not a state of the day are left out. */
function adjacencyOf(stateIds: readonly string[], stateIndex: ReadonlyMap<string, number>, neighbours: ReadonlyMap<string, readonly string[]>): { start: Int32Array; to: Int32Array } {
  const start = new Int32Array(stateIds.length + 1);
  const to: number[] = [];
  stateIds.forEach((id, i) => {
    for (const name of neighbours.get(id) ?? []) {
      const j = stateIndex.get(name);
      if (j !== undefined) to.push(j);
    }
    start[i + 1] = to.length;
  });
  return { start, to: Int32Array.from(to) };
}
