/**
 * Counterfactual overlays as data: an id, a title for people, and the changes it makes. The
 * schema only; applying one is src/sim/overlay.ts. It sits in the model layer because the request
 * schema every face shares (src/model/request.ts) carries overlays.
 */
import { z } from 'zod';
import { DaySchema, IdSchema, ProvisionSchema, TreatySchema } from './schema.js';

export const ChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add-treaty'), treaty: TreatySchema }).describe('Adds a treaty (with its own source: a parameter rationale for a counterfactual one).'),
  z.strictObject({ op: z.literal('drop-treaty'), treaty: IdSchema }),
  z.strictObject({ op: z.literal('add-provision'), treaty: IdSchema, provision: ProvisionSchema }),
  z.strictObject({ op: z.literal('drop-provision'), treaty: IdSchema, provision: IdSchema }),
  z.strictObject({ op: z.literal('add-convention'), between: z.tuple([IdSchema, IdSchema]), from: DaySchema.optional() }).describe('A military convention between two states, in force from `from` (the scenario\'s first day when omitted).'),
  z.strictObject({ op: z.literal('grant-transit'), grantor: IdSchema, grantee: IdSchema, from: DaySchema.optional() }).describe('GRANTOR lets GRANTEE\'s forces pass from `from` on; its refusals from then on are dropped.'),
  z.strictObject({ op: z.literal('set-line'), state: IdSchema, line: IdSchema, from: DaySchema.optional(), until: DaySchema.optional() }).describe('The state\'s government follows this line over [from, until); its other lines then are cut out.'),
  z.strictObject({ op: z.literal('move-event'), event: IdSchema, to: DaySchema }).describe('The event happens on another day; facts it causes move with it.'),
  z.strictObject({ op: z.literal('remove-event'), event: IdSchema }).describe('The event does not happen, nor the events it caused: facts it started are dropped, facts it ended go on until the next one of their kind.'),
  z.strictObject({ op: z.literal('set-parameter'), name: IdSchema, value: z.union([z.number(), z.boolean(), z.string()]) }),
]);

/** One counterfactual: an id, a title for people, and the changes it makes. */
export const OverlaySchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  changes: z.array(ChangeSchema).min(1),
});

/** An overlay file: one overlay or a list of them (a candidate set). */
export const OverlayFileSchema = z.union([OverlaySchema, z.array(OverlaySchema).min(1)]);

export type Change = z.infer<typeof ChangeSchema>;
export type Overlay = z.infer<typeof OverlaySchema>;

