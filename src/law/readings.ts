/**
 * The readings register as people and programs read it: each clause read two ways, quoted, with
 * the default and why, the other reading and who holds it, the conditions it switches, and its
 * sources in words. Scenarios written before the register keep their readings as boolean
 * parameters; those are listed too, with their doc. Pure.
 */
import { citationLine } from '../model/citation.js';
import type { Reading, Scenario } from '../model/schema.js';

/** A condition that applies only under a reading, or a treaty whose denunciation the reading decides (provision and condition "denunciation"). */
export interface ReadingUse {
  treaty: string;
  provision: string;
  condition: string;
}

export interface RegisterEntry extends Omit<Reading, 'source'> {
  treatyName: string;
  source?: Reading['source'] | undefined;
  /** The sources in words (a seed by title and author, never by file name). */
  citation: string;
  usedBy: ReadingUse[];
}

/** Every reading of a scenario, in the register's order, then any boolean parameters conditions use as readings. Pure. */
export function readingsRegister(scenario: Scenario): RegisterEntry[] {
  const uses = new Map<string, ReadingUse[]>();
  for (const t of scenario.treaties) {
    if (t.denunciationReading !== undefined) uses.set(t.denunciationReading, [...(uses.get(t.denunciationReading) ?? []), { treaty: t.id, provision: 'denunciation', condition: 'denunciation' }]);
    for (const p of t.provisions) {
      for (const c of p.conditions) {
        if (c.reading !== undefined) uses.set(c.reading, [...(uses.get(c.reading) ?? []), { treaty: t.id, provision: p.id, condition: c.type }]);
      }
    }
  }
  const nameOf = (id: string) => scenario.treaties.find((t) => t.id === id)?.name ?? id;
  const entries: RegisterEntry[] = scenario.readings.map((r) => ({ ...r, treatyName: nameOf(r.treaty), citation: citationLine(r.source, scenario.seeds), usedBy: uses.get(r.id) ?? [] }));
  const registered = new Set(scenario.readings.map((r) => r.id));
  for (const [id, used] of [...uses].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parameter = scenario.parameters[id];
    if (registered.has(id) || typeof parameter?.value !== 'boolean') continue;
    entries.push({
      id,
      treaty: used[0]!.treaty,
      treatyName: nameOf(used[0]!.treaty),
      article: 'not given',
      quote: 'not given: a reading kept as a scenario parameter',
      question: parameter.doc,
      default: parameter.value,
      why: parameter.doc,
      alternatives: [{ value: !parameter.value, meaning: 'the other reading', heldBy: [] }],
      citation: `modelling choice: ${parameter.doc}`,
      usedBy: used,
    });
  }
  return entries;
}

/** The register in words, one block per reading. Pure. */
export function describeRegister(entries: readonly RegisterEntry[]): string[] {
  const lines: string[] = [];
  const yes = (v: boolean) => (v ? 'yes (on)' : 'no (off)');
  for (const r of entries) {
    lines.push(`${r.id} — ${r.treatyName} (${r.treaty}), ${r.article}`);
    lines.push(`  “${r.quote.trim()}”`);
    lines.push(`  Question: ${r.question.trim()}`);
    lines.push(`  Default: ${yes(r.default)} — ${r.why.trim()}`);
    for (const a of r.alternatives) {
      lines.push(`  Alternative, ${yes(a.value)}: ${a.meaning.trim()}`);
      for (const h of a.heldBy) lines.push(`    held by: ${h.who} (${h.source})`);
    }
    lines.push(`  Applies to: ${r.usedBy.map((u) => `${u.treaty} ${u.provision} (${u.condition})`).join(', ') || 'no condition yet'}`);
    lines.push(`  Source: ${r.citation}`);
    lines.push('');
  }
  lines.push(`${entries.length} readings. Override one per question with --reading ID=true|false.`);
  return lines;
}
