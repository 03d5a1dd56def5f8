/**
 * The crisis turns of a game, kept as data (scenarios/<id>/game.yaml): each an act on a day with the
 * scenario event and catalogue case it mirrors, and the earlier crises it depends on. Pure.
 */
import { z } from 'zod';
import { ScenarioError } from '../model/errors.js';
import { parseDocumentAs } from '../model/parse.js';
import { DaySchema, IdSchema, SourcesSchema, type Scenario } from '../model/schema.js';
import type { Act } from '../law/types.js';

export const TurnSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(3),
  act: z.strictObject({ at: DaySchema, attackers: z.array(IdSchema).min(1), target: IdSchema, theatre: IdSchema.optional() }),
  event: IdSchema.optional().describe('The scenario event the crisis is.'),
  case: z.string().regex(/^[A-Z]\.\d+$/).optional().describe('The catalogue case (cases.yaml) with the same act.'),
  leagueFound: z.boolean().default(false).describe('Whether the League Council found aggression or a breach on the record (a player\'s vote for a finding then stands).'),
  dependsOn: z.array(IdSchema).default([]).describe('Earlier crises without which this one does not happen (a modeller\'s choice).'),
  dependsWhy: SourcesSchema.optional(),
  note: z.string().optional(),
  source: SourcesSchema,
});

export const TurnsFileSchema = z.strictObject({ turns: z.array(TurnSchema).min(1) });

export type Turn = z.infer<typeof TurnSchema>;

/** Reads a turns file. Pure. Throws ScenarioError for a bad shape, a repeated id, turns out of date order, or a dependency on a later or unknown turn. */
export function parseTurns(text: string, file: string): Turn[] {
  const { turns } = parseDocumentAs(TurnsFileSchema, text, file);
  const issues: { file: string; path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  turns.forEach((t, i) => {
    if (seen.has(t.id)) issues.push({ file, path: ['turns', i, 'id'], message: `turn id "${t.id}" is used twice` });
    if (i > 0 && t.act.at < turns[i - 1]!.act.at) issues.push({ file, path: ['turns', i, 'act', 'at'], message: `${t.act.at} comes before the previous turn (${turns[i - 1]!.act.at}): turns are in date order` });
    t.dependsOn.forEach((d, j) => {
      if (!seen.has(d)) issues.push({ file, path: ['turns', i, 'dependsOn', j], message: `"${d}" is not an earlier turn` });
    });
    seen.add(t.id);
  });
  if (issues.length) throw new ScenarioError(issues);
  return turns;
}

/** The resolver's act of a turn. Pure. */
export function actOf(turn: Turn): Act {
  return { attackers: turn.act.attackers, target: turn.act.target, theatre: turn.act.theatre, date: turn.act.at };
}

/** Whether a turn's day lies in the scenario's span [from, until). Pure. */
export function inSpan(scenario: Scenario, turn: Turn): boolean {
  return turn.act.at >= scenario.span.from && turn.act.at < scenario.span.until;
}
