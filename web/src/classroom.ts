/**
 * The classroom lists of a scenario, pure: state names in the reader's language, and the teacher's
 * what-if set for a crisis turned into overlays the server can rank.
 */
import type { Scenario } from '../../src/model/schema.js';
import type { Overlay, World } from './api.js';
import { overlayFromForm } from './OverlayEditor.js';

export type NameEntry = NonNullable<Scenario['names']>[number];
export type WhatifSet = NonNullable<Scenario['whatifs']>[number];
export type Candidate = WhatifSet['candidates'][number];

/** The languages offered, each named in itself. */
export const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['ru', 'Русский'],
  ['pl', 'Polski'],
  ['cs', 'Čeština'],
];

/** The first offered language among the reader's preferences (navigator.languages), English otherwise. Pure. */
export function preferredLanguage(preferences: readonly string[]): string {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split('-')[0]!;
    if (LANGUAGES.some(([code]) => code === primary)) return primary;
  }
  return 'en';
}

/** A region's name in a language from the browser's CLDR data, or undefined when it has none. */
export function displayRegion(region: string, lang: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(region);
    return name && name !== region ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The day's names in a language: the scenario's own name in English; otherwise the sourced name
 * for that language, else the present-day name of the state's region, else the English name. Pure
 * (given `region`).
 */
export function localNames(names: ReadonlyMap<string, string>, lang: string, entries: readonly NameEntry[], region: (code: string, lang: string) => string | undefined = displayRegion): Map<string, string> {
  if (lang === 'en') return new Map(names);
  const byActor = new Map(entries.filter((e) => e.actor).map((e) => [e.actor!, e]));
  return new Map(
    [...names].map(([id, english]) => {
      const entry = byActor.get(id);
      const own = entry?.names?.[lang as keyof NonNullable<NameEntry['names']>];
      return [id, own ?? (entry?.region ? region(entry.region, lang) : undefined) ?? english];
    }),
  );
}

/** Territory names in a language, the same way: sourced names, else the region's, else the scenario's English. Pure. */
export function localTerritoryNames(territories: readonly { id: string; name: string }[], lang: string, entries: readonly NameEntry[], region = displayRegion): Map<string, string> {
  const byTerritory = new Map(entries.filter((e) => e.territory).map((e) => [e.territory!, { ...e, actor: e.territory }]));
  return localNames(new Map(territories.map((t) => [t.id, t.name])), lang, [...byTerritory.values()], region);
}

/** The teacher's set for an act: same attackers and target, the day inside the set's interval. Pure. */
export function whatifSetFor(sets: readonly WhatifSet[], act: { attackers: readonly string[]; target: string; date: string }): WhatifSet | undefined {
  return sets.find((s) => s.crisis.target === act.target && s.crisis.attackers.every((a) => act.attackers.includes(a)) && act.date >= s.crisis.from && act.date < s.crisis.until);
}

/** Each candidate of a set as an overlay the what-if ranking takes, with the candidate it came from. Pure. */
export function overlaysOf(set: WhatifSet, day: string, names: ReadonlyMap<string, string>, world: Pick<World, 'treaties'>): { overlay: Overlay; candidate: Candidate }[] {
  return set.candidates.flatMap((candidate) => {
    const built = overlayFromForm({ kind: candidate.kind, a: candidate.a, b: candidate.b, treaty: candidate.treaty }, day, names, world);
    return 'problem' in built ? [] : [{ overlay: { ...built, id: `${set.id}-${built.id}` }, candidate }];
  });
}
