/**
 * The attacks of a war that test alliances: the war's first day from COW, and later attacks
 * coded from the record (audits/attacks.yaml), since COW does not say whether a later entrant
 * was attacked or joined. Reading reports problems with file, line and column; the rest is pure.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Day } from '../model/day.js';
import { parseDocumentAs } from '../model/parse.js';
import { DaySchema, SourcesSchema } from '../model/schema.js';
import type { War } from '../data/cow-wars.js';

const Ccode = z.number().int().positive();

const AttacksSchema = z
  .strictObject({
    attacks: z
      .array(z.strictObject({ war: z.number().int().positive(), date: DaySchema, attackers: z.array(Ccode).min(1), targets: z.array(Ccode).min(1), note: z.string().optional(), source: SourcesSchema }))
      .default([]),
  })
  .superRefine((doc, ctx) => {
    doc.attacks.forEach((a, i) => {
      const both = a.attackers.find((c) => a.targets.includes(c));
      if (both !== undefined) ctx.addIssue({ code: 'custom', path: ['attacks', i, 'targets'], message: `state ${both} is both an attacker and a target` });
    });
  });

export type AttackCoding = z.infer<typeof AttacksSchema>;

/** The coding shipped with casus. */
export const ATTACKS_FILE = new URL('../../audits/attacks.yaml', import.meta.url);

/** Reads and checks an attack coding. Throws ScenarioError with file, line and column. */
export function readAttacks(path: string | URL = ATTACKS_FILE, name = 'audits/attacks.yaml'): AttackCoding {
  return parseDocumentAs(AttacksSchema, readFileSync(path, 'utf8'), name);
}

/** Parses an attack coding from text. Throws ScenarioError. Pure. */
export function parseAttacks(text: string, file: string): AttackCoding {
  return parseDocumentAs(AttacksSchema, text, file);
}

/** One attack: on `date`, `attackers` fell on `targets` (casus state ids). */
export interface Attack {
  date: Day;
  attackers: string[];
  targets: string[];
  /** A later attack from the coding; undefined for the war's first day. */
  coded?: string | undefined;
}

/**
 * The war's attacks in date order: its first day (participants whose first spell starts then,
 * the initiator's side against the other) and the coded later attacks. States unknown to the
 * scenario are dropped; an attack left without attackers or targets is dropped. Pure.
 */
export function attacksOf(war: War, idOf: ReadonlyMap<number, string>, coding: AttackCoding | undefined): Attack[] {
  const known = (ccodes: readonly number[]) => [...new Set(ccodes.filter((c) => idOf.has(c)).map((c) => idOf.get(c)!))].sort();
  const originals = war.participants.filter((p) => p.spells[0]!.from === war.from);
  const initiatorSide = originals.find((p) => p.initiator)?.side ?? war.participants.find((p) => p.initiator)?.side ?? 1;
  const first: Attack = {
    date: war.from,
    attackers: known(originals.filter((p) => p.side === initiatorSide).map((p) => p.ccode)),
    targets: known(originals.filter((p) => p.side !== initiatorSide).map((p) => p.ccode)),
  };
  const later = (coding?.attacks ?? [])
    .filter((a) => a.war === war.warNum && a.date > war.from)
    .map((a) => ({ date: a.date, attackers: known(a.attackers), targets: known(a.targets), coded: a.note ?? `attack of ${a.date}` }));
  return [first, ...later].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
