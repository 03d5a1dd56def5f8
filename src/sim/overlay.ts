/**
 * Counterfactual overlays: changes to a scenario written as data (YAML or JSON), such as "France
 * signs the military convention" or "Barthou is not assassinated". An overlay is applied to a
 * copy; the scenario it is given is never touched. The result is checked like any scenario.
 */
import { z } from 'zod';
import { formatPath, QueryError, ScenarioError } from '../model/errors.js';
import { parseDocumentAs } from '../model/parse.js';
import { OverlayFileSchema, type Change, type Overlay } from '../model/overlay.js';
import type { Scenario } from '../model/schema.js';
import { checkScenario } from '../model/validate.js';

// The overlay's schema lives in the model layer, where the request schema (src/model/request.ts) includes it.
export { OverlayFileSchema, OverlaySchema, type Change, type Overlay } from '../model/overlay.js';

/** Parses overlay text (YAML or JSON). Pure. Throws QueryError naming the file and the path of each problem. */
export function parseOverlays(text: string, file: string): Overlay[] {
  let parsed: z.infer<typeof OverlayFileSchema>;
  try {
    parsed = parseDocumentAs(OverlayFileSchema, text, file);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const problems = error.issues.slice(0, 10).map((i) => `${file}: ${formatPath(i.path) || '(top)'}: ${i.message}${i.line === undefined ? '' : ` (line ${i.line}, column ${i.column})`}`);
    throw new QueryError(`invalid overlay\n${problems.join('\n')}`);
  }
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Applies overlays in order to a copy of the scenario. Pure. Throws QueryError when a change names nothing or breaks the scenario. */
export function applyOverlays(scenario: Scenario, overlays: readonly Overlay[]): Scenario {
  let result = scenario;
  for (const overlay of overlays) result = applyOverlay(result, overlay);
  return result;
}

/** Applies one overlay to a copy of the scenario. Pure. Throws QueryError as applyOverlays. */
export function applyOverlay(scenario: Scenario, overlay: Overlay): Scenario {
  const copy = structuredClone(scenario) as Scenario;
  const fail = (message: string): never => {
    throw new QueryError(`overlay "${overlay.id}": ${message}`);
  };
  const why = { parameter: `counterfactual overlay "${overlay.id}": ${overlay.title}` };
  for (const change of overlay.changes) applyChange(copy, change, why, fail);
  const problems = checkScenario(copy);
  if (problems.length) fail(`leaves the scenario invalid:\n${problems.slice(0, 10).map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`);
  return copy;
}

type Fail = (message: string) => never;

function applyChange(s: Scenario, change: Change, why: { parameter: string }, fail: Fail): void {
  const treatyAt = (id: string) => {
    const i = s.treaties.findIndex((t) => t.id === id);
    return i >= 0 ? i : fail(`no treaty "${id}" in scenario "${s.id}"`);
  };
  const actorNamed = (id: string) => s.actors.find((a) => a.id === id) ?? fail(`no actor "${id}" in scenario "${s.id}"`);
  switch (change.op) {
    case 'add-treaty':
      if (s.treaties.some((t) => t.id === change.treaty.id)) fail(`treaty "${change.treaty.id}" exists already`);
      s.treaties.push(change.treaty);
      return;
    case 'drop-treaty':
      s.treaties.splice(treatyAt(change.treaty), 1);
      return;
    case 'add-provision': {
      const treaty = s.treaties[treatyAt(change.treaty)]!;
      if (treaty.provisions.some((p) => p.id === change.provision.id)) fail(`treaty "${change.treaty}" has a provision "${change.provision.id}" already`);
      treaty.provisions.push(change.provision);
      return;
    }
    case 'drop-provision': {
      const treaty = s.treaties[treatyAt(change.treaty)]!;
      const i = treaty.provisions.findIndex((p) => p.id === change.provision);
      if (i < 0) fail(`treaty "${change.treaty}" has no provision "${change.provision}"`);
      if (treaty.provisions.length === 1) s.treaties.splice(s.treaties.indexOf(treaty), 1);
      else treaty.provisions.splice(i, 1);
      return;
    }
    case 'add-convention': {
      const [a, b] = change.between;
      actorNamed(a);
      actorNamed(b);
      const id = uniqueId(`overlay-convention-${a}-${b}`, new Set(s.treaties.map((t) => t.id)));
      s.treaties.push({
        id,
        name: `Military convention ${a}–${b} (counterfactual)`,
        parties: [a, b],
        signed: change.from ?? s.span.from,
        secret: false,
        provisions: [{ id: 'convention', kind: 'military-convention', conditions: [], summary: 'staff plans and forces earmarked for mutual assistance' }],
        source: why,
      });
      return;
    }
    case 'grant-transit': {
      actorNamed(change.grantor);
      actorNamed(change.grantee);
      const from = change.from ?? s.span.from;
      s.transit = s.transit.flatMap((t) => {
        if (t.grantor !== change.grantor || t.grantee !== change.grantee || t.stance !== 'refuses') return [t];
        if (t.from !== undefined && t.from >= from) return []; // a refusal that begins after the grant is dropped
        if (t.until !== undefined && t.until <= from) return [t];
        return [{ ...t, until: from }];
      });
      s.transit.push({ grantor: change.grantor, grantee: change.grantee, stance: 'grants', from, note: 'counterfactual', source: why });
      return;
    }
    case 'set-line': {
      const actor = actorNamed(change.state);
      const window = { from: change.from, until: change.until };
      if (window.from !== undefined && window.until !== undefined && window.until <= window.from) fail(`set-line for ${change.state}: until (${window.until}) must come after from (${window.from})`);
      actor.lines = actor.lines.flatMap((l) => cutOut(l, window));
      actor.lines.push({ ...(window.from ? { from: window.from } : {}), ...(window.until ? { until: window.until } : {}), line: change.line, source: why });
      return;
    }
    case 'move-event': {
      const event = s.events.find((e) => e.id === change.event) ?? fail(`no event "${change.event}" in scenario "${s.id}"`);
      const old = event.date;
      event.date = change.to;
      if (event.until !== undefined && event.until < change.to) delete event.until;
      moveCaused(s, change.event, old, change.to);
      return;
    }
    case 'remove-event': {
      const i = s.events.findIndex((e) => e.id === change.event);
      if (i < 0) fail(`no event "${change.event}" in scenario "${s.id}"`);
      // The event does not happen, nor do the events it caused, nor theirs.
      const gone = new Map([[change.event, s.events[i]!.date]]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const e of s.events) {
          if (e.cause !== undefined && gone.has(e.cause) && !gone.has(e.id)) {
            gone.set(e.id, e.date);
            grew = true;
          }
        }
      }
      s.events = s.events.filter((e) => !gone.has(e.id));
      removeCaused(s, gone);
      return;
    }
    case 'set-parameter': {
      const existing = s.parameters[change.name];
      s.parameters[change.name] = { value: change.value, doc: existing?.doc ?? why.parameter };
      return;
    }
  }
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

interface Spell {
  from?: string | undefined;
  until?: string | undefined;
  cause?: string | undefined;
}

/** The parts of a spell outside a window. Pure. */
function cutOut<T extends Spell>(spell: T, window: Spell): T[] {
  const starts = spell.from ?? '';
  const ends = spell.until ?? '\uffff';
  const wFrom = window.from ?? '';
  const wUntil = window.until ?? '\uffff';
  if (ends <= wFrom || starts >= wUntil) return [spell];
  const parts: T[] = [];
  if (starts < wFrom) parts.push({ ...spell, until: wFrom });
  if (ends > wUntil) parts.push({ ...spell, from: wUntil });
  return parts;
}

/** Every list of dated facts that may name a cause, with a key grouping spells that follow one another. */
function causedLists(s: Scenario): { list: Spell[]; group: (x: Spell) => string; set: (list: Spell[]) => void }[] {
  const lists: { list: Spell[]; group: (x: Spell) => string; set: (list: Spell[]) => void }[] = [];
  const one = () => '';
  for (const a of s.actors) {
    lists.push({ list: a.exists, group: one, set: (l) => (a.exists = l as typeof a.exists) });
    lists.push({ list: a.regimes, group: one, set: (l) => (a.regimes = l as typeof a.regimes) });
    lists.push({ list: a.leaders, group: (x) => (x as (typeof a.leaders)[number]).role, set: (l) => (a.leaders = l as typeof a.leaders) });
    lists.push({ list: a.lines, group: one, set: (l) => (a.lines = l as typeof a.lines) });
    lists.push({ list: a.dependencies, group: one, set: (l) => (a.dependencies = l as typeof a.dependencies) });
  }
  for (const t of s.territories) lists.push({ list: t.control, group: one, set: (l) => (t.control = l as typeof t.control) });
  lists.push({ list: s.adjacency, group: (x) => (x as (typeof s.adjacency)[number]).between.join(), set: (l) => (s.adjacency = l as typeof s.adjacency) });
  lists.push({ list: s.transit, group: (x) => `${(x as (typeof s.transit)[number]).grantor}>${(x as (typeof s.transit)[number]).grantee}`, set: (l) => (s.transit = l as typeof s.transit) });
  for (const o of s.organizations) lists.push({ list: o.memberships, group: (x) => (x as (typeof o.memberships)[number]).member, set: (l) => (o.memberships = l as typeof o.memberships) });
  return lists;
}

function moveCaused(s: Scenario, event: string, from: string, to: string): void {
  const shift = (day: string | undefined) => (day === from ? to : day);
  for (const { list } of causedLists(s)) {
    for (const spell of list) {
      if (spell.cause !== event) continue;
      if (spell.from === from) spell.from = to;
      if (spell.until === from) spell.until = to;
      const m = spell as { notice?: string | undefined };
      if (m.notice === from) m.notice = to;
    }
  }
  // A fact that ended where a caused one began now ends where that one begins.
  for (const { list, group } of causedLists(s)) {
    for (const spell of list) {
      if (spell.cause !== event && spell.until === from && list.some((x) => x.cause === event && x.from === to && group(x) === group(spell))) spell.until = to;
    }
  }
  for (const t of s.treaties) {
    if (t.cause !== event) continue;
    t.signed = shift(t.signed)!;
    if (t.inForce !== undefined) t.inForce = shift(t.inForce);
    if (t.denounced !== undefined) t.denounced = shift(t.denounced);
    if (t.until !== undefined) t.until = shift(t.until);
    // Undertakings with their own dates move with their instrument.
    t.provisions = t.provisions.map((p) => ({ ...p, ...(p.from !== undefined ? { from: shift(p.from) } : {}), ...(p.until !== undefined ? { until: shift(p.until) } : {}) }));
  }
}

/** Drops or extends the facts caused by events that do not happen (`gone`: event id → its day). */
function removeCaused(s: Scenario, gone: ReadonlyMap<string, string>): void {
  const isGone = (x: Spell) => x.cause !== undefined && gone.has(x.cause);
  for (const { list, group, set } of causedLists(s)) {
    if (!list.some(isGone)) continue;
    const dropped: Spell[] = [];
    const kept: Spell[] = [];
    for (const spell of list) {
      if (!isGone(spell)) {
        kept.push(spell);
        continue;
      }
      const date = gone.get(spell.cause!)!;
      if ((spell as { notice?: string }).notice === date) {
        // Notice never given: the membership goes on.
        const { notice: _n, until: _u, cause: _c, ...rest } = spell as Spell & { notice?: string };
        kept.push(rest);
      } else if (spell.until === date && spell.from !== date) {
        const { cause: _c, ...rest } = spell;
        kept.push(rest);
      } else dropped.push(spell); // begun by the event (or simply caused by it): it does not happen
    }
    // A fact that gave way to a dropped one goes on until the next fact of its kind that still happens.
    const extended = kept.map((spell) => {
      const end = spell.until;
      if (end === undefined || kept.some((x) => x !== spell && x.from === end && group(x) === group(spell))) return spell;
      if (!dropped.some((x) => x.from === end && group(x) === group(spell)) && ![...gone.values()].includes(end)) return spell;
      const next = kept.filter((x) => group(x) === group(spell) && x.from !== undefined && x.from > end).map((x) => x.from!).sort()[0];
      const { until: _u, ...rest } = spell;
      return next !== undefined ? { ...rest, until: next } : rest;
    });
    set(extended);
  }
  s.treaties = s.treaties.filter((t) => !isGone(t));
  // Facts of other kinds that only cite the event keep their content and lose the reference.
  for (const x of [...s.actors, ...s.territories, ...s.organizations]) if (isGone(x as Spell)) delete (x as Spell).cause;
}
