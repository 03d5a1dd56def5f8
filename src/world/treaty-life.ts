/**
 * The life of an obligation: a treaty's own dates are not always those of every undertaking in it.
 * A provision may start after its instrument or outlive it (`from`/`until` on the provision), and a
 * later treaty that `supersedes` an earlier one replaces it as between the states party to both,
 * from the day the later one enters into force; toward other states the earlier one still binds
 * (the rule of the Vienna Convention on the Law of Treaties, Art. 30(4), which codified practice).
 */
import { inInterval, type Day, type Interval } from '../model/day.js';
import type { Provision, Scenario, Treaty } from '../model/schema.js';

/** The day a treaty enters into force. Pure. */
export function treatyStart(treaty: Treaty): Day {
  return treaty.inForce ?? treaty.signed;
}

/** When one undertaking binds: its own dates where it has them, else its instrument's. Pure. */
export function provisionLife(treaty: Treaty, provision: Provision): Interval {
  return { from: provision.from ?? treatyStart(treaty), until: provision.until ?? treaty.until };
}

/** When a treaty binds anyone: from entry into force until its last undertaking ends (open if any is open). Pure. */
export function treatyLife(treaty: Treaty): Interval {
  let until = treaty.until;
  for (const p of treaty.provisions) {
    const end = provisionLife(treaty, p).until;
    if (end === undefined) return { from: treatyStart(treaty), until: undefined };
    if (until === undefined || end > until) until = end;
  }
  return { from: treatyStart(treaty), until };
}

/**
 * A treaty as the readings of the day take it: when its `denunciationReading` is on, a unilateral
 * denunciation ends it (and every undertaking in it) on the day it was made; off, the treaty keeps
 * the dates its own clause on duration gives it. Pure; returns the treaty itself when nothing changes.
 */
export function asRead(treaty: Treaty, readings: Readonly<Record<string, unknown>>): Treaty {
  if (treaty.denunciationReading === undefined || treaty.denounced === undefined || readings[treaty.denunciationReading] !== true) return treaty;
  const end = treaty.denounced;
  const cut = (until: Day | undefined) => (until === undefined || until > end ? end : until);
  return { ...treaty, until: cut(treaty.until), provisions: treaty.provisions.map((p) => (p.until === undefined ? p : { ...p, until: cut(p.until) })) };
}

/** The parties a treaty lists, whatever the day. Pure. */
export function listedParties(treaty: Treaty): string[] {
  return treaty.parties.map((p) => (typeof p === 'string' ? p : p.state));
}

/**
 * For each treaty superseded on `day`, the states for which it no longer binds: the parties of every
 * treaty that supersedes it and has entered into force by then. A superseded instrument does not
 * revive when the one that replaced it ends. Pure.
 */
export function supersededOn(scenario: Scenario, day: Day): Map<string, Set<string>> {
  const released = new Map<string, Set<string>>();
  for (const t of scenario.treaties) {
    if (!t.supersedes?.length || treatyStart(t) > day) continue;
    for (const old of t.supersedes) {
      const states = released.get(old) ?? new Set<string>();
      for (const id of listedParties(t)) states.add(id);
      released.set(old, states);
    }
  }
  return released;
}

/** True when the provision binds on `day` by its own dates (or its instrument's). Pure. */
export function provisionBindsOn(treaty: Treaty, provision: Provision, day: Day): boolean {
  return inInterval(day, provisionLife(treaty, provision));
}
