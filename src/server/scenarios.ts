/** The scenarios a server answers about: the built-in one, and those uploaded or derived into the store. */
import { createHash } from 'node:crypto';
import { loadBuiltInScenario } from '../model/load.js';
import type { Scenario } from '../model/schema.js';
import type { Store } from '../store/store.js';
import { worldAt, type World } from '../world/world.js';
import { HttpError } from './errors.js';

/** A scenario ready to be asked about, with its content hash. */
export interface ScenarioEntry {
  id: string;
  name: string;
  hash: string;
  origin: 'built-in' | 'uploaded' | 'derived';
  base?: string | undefined;
  overlays?: unknown[] | undefined;
  scenario: Scenario;
}

/** sha256 of the scenario's JSON. Pure; equal scenarios parsed from equal text hash alike. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

const CACHE_SIZE = 16;
const WORLDS_PER_SCENARIO = 64;
const worlds = new WeakMap<Scenario, Map<string, World>>();

/**
 * The world of a scenario on a day, remembered (worldAt is pure, and the timeline asks for the
 * same days again and again). Throws QueryError like worldAt. Callers must not mutate the result.
 */
export function worldOf(scenario: Scenario, day: string, readings: Readonly<Record<string, boolean>> = {}): World {
  let cache = worlds.get(scenario);
  if (!cache) worlds.set(scenario, (cache = new Map()));
  // Readings can decide whether a treaty is in force, so they are part of the key.
  const key = Object.keys(readings).length ? `${day} ${JSON.stringify(Object.entries(readings).sort(([a], [b]) => a.localeCompare(b)))}` : day;
  let world = cache.get(key);
  if (world) {
    cache.delete(key);
  } else {
    world = worldAt(scenario, day, readings);
    if (cache.size >= WORLDS_PER_SCENARIO) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, world);
  return world;
}

/** Looks scenarios up by id; keeps the most recently used stored ones parsed. */
export class Scenarios {
  private readonly builtIn: ScenarioEntry;
  private readonly cache = new Map<string, ScenarioEntry>();

  /** Reads the built-in scenario unless one is given (throws ScenarioError if it is broken). */
  constructor(
    private readonly store: Store,
    scenario: Scenario = loadBuiltInScenario(),
  ) {
    this.builtIn = { id: scenario.id, name: scenario.name, hash: scenarioHash(scenario), origin: 'built-in', scenario };
  }

  /** The id of the built-in scenario. */
  get defaultId(): string {
    return this.builtIn.id;
  }

  /** The scenario of that id; HttpError 404 when there is none. */
  get(id: string): ScenarioEntry {
    if (id === this.builtIn.id) return this.builtIn;
    const cached = this.cache.get(id);
    if (cached) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const stored = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id) ? this.store.getScenario(id) : undefined;
    if (!stored) throw new HttpError(404, `no scenario "${id}"; GET /api/scenarios lists them`);
    const entry: ScenarioEntry = {
      id: stored.id,
      name: stored.name,
      hash: stored.hash,
      origin: stored.base ? 'derived' : 'uploaded',
      base: stored.base,
      overlays: stored.overlays,
      scenario: stored.scenario as Scenario,
    };
    this.cache.set(id, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }

  /** Every scenario, the built-in one first, without content. */
  list(): Omit<ScenarioEntry, 'scenario' | 'overlays'>[] {
    const { scenario: _s, ...builtIn } = this.builtIn;
    return [builtIn, ...this.store.listScenarios().map((s) => ({ id: s.id, name: s.name, hash: s.hash, base: s.base, origin: s.base ? ('derived' as const) : ('uploaded' as const) }))];
  }

  /** Deletes a stored scenario; HttpError 404 when there is none, 409 for the built-in one. */
  remove(id: string): void {
    if (id === this.builtIn.id) throw new HttpError(409, `"${id}" is built in and cannot be deleted`);
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id) || !this.store.deleteScenario(id)) throw new HttpError(404, `no scenario "${id}"; GET /api/scenarios lists them`);
    this.cache.delete(id);
  }

  /** Stores a validated scenario; HttpError 409 when the id is taken. */
  add(scenario: Scenario, from?: { base: string; overlays: unknown[] }): ScenarioEntry {
    const hash = scenarioHash(scenario);
    const taken = () => new HttpError(409, `a scenario "${scenario.id}" exists already; give yours another id`);
    if (scenario.id === this.builtIn.id) throw taken();
    if (!this.store.saveScenario({ id: scenario.id, name: scenario.name, hash, base: from?.base, overlays: from?.overlays, scenario })) throw taken();
    return this.get(scenario.id);
  }
}
