/**
 * The debrief of a crisis: what changed between the game and the historical record, state by state,
 * each change explained by the clause that made it, and the texts behind the player's position. Pure.
 */
import type { Obligation, Resolution, StateResolution } from '../law/types.js';
import type { Scenario, Source } from '../model/schema.js';

/** One difference between the game and the record. */
export interface DebriefChange {
  state: string;
  what: 'now-bound' | 'no-longer-bound' | 'obligation-gained' | 'obligation-lost' | 'reach';
  text: string;
  /** The clause behind it: treaty, provision, article, and the move that made it when the player did. */
  clause?: { treaty: string; treatyName: string; provision: string; article?: string | undefined; madeBy?: string | undefined } | undefined;
}

export interface Debrief {
  changes: DebriefChange[];
  /** The player's obligations in the game, each with its text and source. */
  citations: string[];
  lines: string[];
}

export interface DebriefInput {
  game: Resolution;
  history: Resolution;
  power: string;
  scenario: Scenario;
  madeBy: ReadonlyMap<string, string>;
  deterrence: number | null;
  historicalDeterrence: number | null;
}

const keyOf = (o: Obligation) => `${o.kind}|${o.toward}|${o.treaty}|${o.provision}`;
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** Compares a crisis in the game with the record. Pure. */
export function debriefOf(input: DebriefInput): Debrief {
  const { game, history, power, scenario, madeBy } = input;
  const changes: DebriefChange[] = [];
  const before = new Map(history.states.map((s) => [s.state, s]));
  const after = new Map(game.states.map((s) => [s.state, s]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (a === power ? -1 : b === power ? 1 : a.localeCompare(b)));
  const clause = (o: Obligation) => ({ treaty: o.treaty, treatyName: o.treatyName, provision: o.provision, article: o.article, madeBy: madeBy.get(o.treaty) });
  const cite = (o: Obligation) => `${o.treatyName}${o.article ? `, ${o.article}` : ''} (${o.treaty}, ${o.provision})${madeBy.has(o.treaty) ? `, made by ${madeBy.get(o.treaty)}` : ''}`;
  for (const id of ids) {
    const was = before.get(id);
    const now = after.get(id);
    const active = (s: StateResolution | undefined) => new Map((s?.obligations ?? []).filter((o) => o.active).map((o) => [keyOf(o), o]));
    const wasActive = active(was);
    const nowActive = active(now);
    if (!was?.mustAct && now?.mustAct) {
      const o = now.obligations.find((x) => x.active && !wasActive.has(keyOf(x)) && (x.kind === 'assist' || x.kind === 'assist-attacker' || x.kind === 'sanctions')) ?? now.obligations.find((x) => x.active);
      changes.push({ state: id, what: 'now-bound', text: `${id} is now bound to act${o ? `: ${o.kind} ${o.toward} under ${cite(o)}` : ''}; on the record it was not${whyNot(was, o)}`, clause: o ? clause(o) : undefined });
    } else if (was?.mustAct && !now?.mustAct) {
      const o = was.obligations.find((x) => x.active && !nowActive.has(keyOf(x)));
      changes.push({ state: id, what: 'no-longer-bound', text: `${id} is no longer bound to act${o ? `: ${o.kind} ${o.toward} under ${cite(o)} ${whyOff(now, o)}` : ''}`, clause: o ? clause(o) : undefined });
    }
    for (const [k, o] of nowActive) if (!wasActive.has(k) && !changes.some((c) => c.state === id && c.clause?.treaty === o.treaty && c.clause.provision === o.provision)) changes.push({ state: id, what: 'obligation-gained', text: `${id} gains ${o.kind}${o.toward ? ` toward ${o.toward}` : ''} under ${cite(o)}`, clause: clause(o) });
    for (const [k, o] of wasActive) if (!nowActive.has(k) && !changes.some((c) => c.state === id && c.clause?.treaty === o.treaty && c.clause.provision === o.provision)) changes.push({ state: id, what: 'obligation-lost', text: `${id} loses ${o.kind}${o.toward ? ` toward ${o.toward}` : ''} under ${cite(o)} ${whyOff(now, o)}`, clause: clause(o) });
    if (was?.reach && now?.reach && was.reach.mode !== now.reach.mode) {
      const treaty = /under (\S+) \((\S+)\)/.exec(now.reach.reason);
      const t = treaty ? scenario.treaties.find((x) => x.id === treaty[1]) : undefined;
      const p = t?.provisions.find((x) => x.id === treaty![2]);
      changes.push({
        state: id,
        what: 'reach',
        text: `${id} reaches ${now.reach.to} by ${now.reach.mode}${now.reach.via.length ? ` via ${now.reach.via.join(', ')}` : ''} (on the record: ${was.reach.mode}${was.reach.refusedBy?.length ? `, refused by ${was.reach.refusedBy.join(', ')}` : ''}): ${now.reach.reason}`,
        clause: t && p ? { treaty: t.id, treatyName: t.name, provision: p.id, article: p.article, madeBy: madeBy.get(t.id) } : undefined,
      });
    }
  }
  const mine = game.states.find((s) => s.state === power);
  // The texts that could make the player act: assistance and sanctions, active or waiting on a condition.
  const citations = (mine?.obligations ?? []).filter((o) => o.kind === 'assist' || o.kind === 'assist-attacker' || o.kind === 'sanctions').map((o) => `${o.kind} ${o.toward}${o.active ? '' : ' (not active)'}: ${cite(o)}${summaryOf(scenario, o)} — ${sourcesOf(scenario, o.treaty)}`);
  const lines: string[] = [];
  if (input.deterrence !== null && input.historicalDeterrence !== null && input.deterrence !== input.historicalDeterrence) lines.push(`P(deterrence) ${pct(input.deterrence)} in this game, ${pct(input.historicalDeterrence)} on the record`);
  lines.push(...(changes.length ? grouped(changes) : ['Nobody is bound differently from the record.']));
  return { changes, citations, lines };
}

/** Changes that differ only in the state (a League finding binds thirty members alike) as one line each. Pure. */
function grouped(changes: readonly DebriefChange[]): string[] {
  const groups = new Map<string, { states: string[]; rest: string }>();
  for (const c of changes) {
    const rest = c.text.slice(c.state.length);
    const key = `${c.what}|${c.clause?.treaty ?? ''}|${c.clause?.provision ?? ''}|${c.what === 'reach' ? c.state : rest.replace(/\bon the record it was not.*$/, '')}`;
    const group = groups.get(key) ?? { states: [], rest };
    group.states.push(c.state);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => `${g.states.join(', ')}${g.rest}`);
}

function whyNot(was: StateResolution | undefined, o: Obligation | undefined): string {
  const old = was?.obligations.find((x) => o && x.treaty === o.treaty && x.provision === o.provision && x.toward === o.toward) ?? was?.obligations.find((x) => x.kind === o?.kind && !x.active);
  const unmet = old?.conditions.filter((c) => c.status !== 'met') ?? [];
  return unmet.length ? ` (${old!.treaty}: ${unmet.map((c) => `${c.type} ${c.status}: ${c.why}`).join('; ')})` : '';
}

function whyOff(now: StateResolution | undefined, o: Obligation): string {
  const same = now?.obligations.find((x) => keyOf(x) === keyOf(o));
  if (!same) return '(the treaty is not in force that day)';
  const unmet = same.conditions.filter((c) => c.status !== 'met');
  return unmet.length ? `(${unmet.map((c) => `${c.type} ${c.status}: ${c.why}`).join('; ')})` : '';
}

function summaryOf(scenario: Scenario, o: Obligation): string {
  const p = scenario.treaties.find((t) => t.id === o.treaty)?.provisions.find((x) => x.id === o.provision);
  return p?.summary ? `: "${p.summary}"` : '';
}

/** A treaty's sources as a short citation. Pure. */
export function sourcesOf(scenario: Scenario, treatyId: string): string {
  const t = scenario.treaties.find((x) => x.id === treatyId);
  if (!t) return 'no source';
  const list: Source[] = Array.isArray(t.source) ? t.source : [t.source];
  return list.map((s) => ('ref' in s ? s.ref : 'seed' in s ? `${s.seed}: "${s.quote}"` : s.parameter)).join('; ');
}
