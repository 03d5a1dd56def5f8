/**
 * The moves a player makes, and the moves file (YAML or JSON) that scripts a game. The zod schema is
 * exported as JSON Schema (schema/game-moves.schema.json). Checking a move against the game (an
 * unknown state, a move out of turn, a treaty the template cannot express) is the reducer's job
 * (./game.ts); this file checks only the shape. Pure.
 */
import { z } from 'zod';
import { formatPath, QueryError, ScenarioError } from '../model/errors.js';
import { parseDocumentAs } from '../model/parse.js';
import { DaySchema, IdSchema } from '../model/schema.js';

export const TEMPLATES = ['nonaggression', 'neutrality', 'consultation', 'mutual-assistance', 'guarantee'] as const;
export const READINESS = ['reduced', 'normal', 'alert', 'mobilised'] as const;

/** The conditions the law knows, as a template offers them. */
export const TermsSchema = z
  .strictObject({
    adversary: z.array(IdSchema).min(1).optional().describe('Binds only against these attackers.'),
    location: z.strictObject({ states: z.array(IdSchema).default([]), territories: z.array(IdSchema).default([]) }).optional().describe('Binds only when the theatre is held by these states or is one of these territories.'),
    priorAction: z.array(IdSchema).min(1).optional().describe('Binds only once one of these has acted first (the Soviet-Czechoslovak pact waited on France).'),
    leagueFinding: z.boolean().optional().describe('Binds only once the League finds aggression.'),
    unprovoked: z.boolean().optional().describe('Binds only against an unprovoked attack.'),
  })
  .describe('Conditions on an assistance or guarantee provision.');

const dated = { date: DaySchema.describe('The day of the move; moves come in date order, between the crises.') };

export const MoveSchema = z.discriminatedUnion('move', [
  z.strictObject({
    move: z.literal('propose'),
    ...dated,
    template: z.enum(TEMPLATES),
    with: z.array(IdSchema).min(1).max(8).describe('The other parties (for a guarantee: the states guaranteed).'),
    terms: TermsSchema.optional(),
    transit: z.enum(['to-me', 'from-me', 'both']).optional().describe('A transit clause: the partners let my forces pass (to-me), I let theirs pass (from-me), or both.'),
  }).describe('Propose a treaty from a template; it is signed on the day if every partner accepts.'),
  z.strictObject({ move: z.literal('amend'), ...dated, treaty: IdSchema, terms: TermsSchema }).describe('Replace the conditions of a treaty\'s assistance and guarantee provisions; the other parties must accept. The old text ends that day and the amended one begins.'),
  z.strictObject({ move: z.literal('denounce'), ...dated, treaty: IdSchema }).describe('Give notice: the treaty ends after the notice period (docs/game.md).'),
  z.strictObject({ move: z.literal('league'), ...dated, action: z.enum(['join', 'leave']) }).describe('Join the League, or give notice of leaving (two years, Covenant Art. 1(3)).'),
  z.strictObject({ move: z.literal('transit'), ...dated, action: z.enum(['ask', 'grant']), state: IdSchema }).describe('Ask a state to let my forces pass, or let its forces pass.'),
  z.strictObject({ move: z.literal('readiness'), ...dated, level: z.enum(READINESS) }).describe('Change the readiness of my forces from that day.'),
  z.strictObject({ move: z.literal('vote'), crisis: IdSchema, finding: z.boolean() }).describe('My vote in the League Council on the next crisis: aggression found (true) or not (false).'),
  z.strictObject({ move: z.literal('sanctions'), crisis: IdSchema, action: z.enum(['apply', 'lift']) }).describe('Apply or lift sanctions in the next crisis.'),
  z.strictObject({ move: z.literal('stance'), crisis: IdSchema, stance: z.enum(['honour', 'abstain', 'refrain']) }).describe('In the next crisis: honour my obligations, abstain from them, or (as an attacker) refrain from the act.'),
  z.strictObject({ move: z.literal('next') }).describe('Resolve the next crisis.'),
]);

/** A moves file: who plays, from when, with which seed and crises, and the moves. */
export const MovesFileSchema = z.strictObject({
  power: IdSchema.optional().describe('The state played (default RUS).'),
  start: DaySchema.optional().describe('The first day of play (default 1933-01-01).'),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  crises: z.array(IdSchema).min(1).optional().describe('The crises played, by turn id (default all).'),
  moves: z.array(MoveSchema).default([]),
});

export type Terms = z.infer<typeof TermsSchema>;
export type Move = z.infer<typeof MoveSchema>;
export type MovesFile = z.infer<typeof MovesFileSchema>;
export type Template = (typeof TEMPLATES)[number];
export type Readiness = (typeof READINESS)[number];

/** Parses a moves file (YAML or JSON). Pure. Throws QueryError naming the file, path, line and column of each problem. */
export function parseMovesFile(text: string, file: string): MovesFile {
  if (text.trim() === '') return { moves: [] };
  try {
    return parseDocumentAs(MovesFileSchema, text, file);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const problems = error.issues.slice(0, 10).map((i) => `${file}${i.line === undefined ? '' : `:${i.line}:${i.column}`}: ${formatPath(i.path) || '(top)'}: ${i.message}`);
    throw new QueryError(`invalid moves file\n${problems.join('\n')}`);
  }
}

/** The crisis a move is bound to, when it is one of the crisis moves. Pure. */
export function crisisOf(move: Move): string | undefined {
  return move.move === 'vote' || move.move === 'sanctions' || move.move === 'stance' ? move.crisis : undefined;
}

/** The day of a dated move. Pure. */
export function dateOf(move: Move): string | undefined {
  return 'date' in move ? move.date : undefined;
}

/** The moves file's schema as JSON Schema (2020-12), for editors: schema/game-moves.schema.json. Pure. */
export function movesJsonSchema(): object {
  return { ...z.toJSONSchema(MovesFileSchema, { io: 'input', unrepresentable: 'any' }), $id: 'https://casus.invalid/schema/game-moves.schema.json', title: 'casus play moves file' };
}
