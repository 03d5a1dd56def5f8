/**
 * The one request schema: an act, the assumptions around it (who abstains, who lets whom pass,
 * the League's finding, provocation), the readings of disputed clauses, and counterfactual
 * overlays. Every face derives from it: the CLI's flags (src/cli/commands/act-options.ts), the
 * server's validation and OpenAPI document (src/server/engine.ts, operations.ts, openapi.ts), the
 * catalogue's YAML cases (src/law/catalogue.ts), and the explorer through the server's types.
 */
import { z } from 'zod';
import { ActKindSchema, DaySchema, IdSchema, LeagueFindingSchema } from './schema.js';
import { OverlaySchema } from './overlay.js';

/** A state as a person or a program names it: a COW id or a name, looked up by src/world/names.ts. */
export const StateRefSchema = z.string().trim().min(1).max(80).describe('A state: its COW id (GMY) or its name (Germany, "Soviet Union"), case-insensitive.');

const stateRefs = (max: number) => z.array(StateRefSchema).max(max);

/** GRANTOR lets GRANTEE's forces pass. */
export const TransitSchema = z.strictObject({ grantor: StateRefSchema, grantee: StateRefSchema });
export type Transit = z.infer<typeof TransitSchema>;

/** The written form of a transit, `GRANTOR:GRANTEE` (ids or names: "RUM:RUS", "Romania:Soviet Union"), as the CLI and the catalogue take it. Pure. */
export function transitOfText(text: string): Transit | undefined {
  const m = /^\s*([A-Za-z][^:]*?)\s*:\s*([A-Za-z][^:]*?)\s*$/.exec(text);
  return m ? { grantor: m[1]!, grantee: m[2]! } : undefined;
}

/** `GRANTOR:GRANTEE` read into a transit. */
export const TransitTextSchema = z.string().transform((text, ctx) => {
  const transit = transitOfText(text);
  if (!transit) ctx.addIssue({ code: 'custom', message: 'GRANTOR:GRANTEE' });
  return transit ?? { grantor: '', grantee: '' };
});

/** The League Council's outcome; true and false are read as aggression and otherwise. */
export const LeagueFindingRequestSchema = z
  .union([LeagueFindingSchema, z.boolean()])
  .describe('The League Council\'s outcome: aggression, no-decision (no recommendation or no unanimity) or otherwise; true and false are read as aggression and otherwise. Omitted: not assumed either way.');

/** A reading parameter's name and whether it holds, e.g. fr-su-waits-for-league: false. */
export const ReadingsSchema = z.record(IdSchema, z.boolean()).describe('Readings of disputed clauses, by name; the register\'s default when omitted.');

/** The fields, each once, without defaults: each face chooses which it requires and what it defaults. In the order stored runs have always kept. */
export const REQUEST_FIELDS = {
  attackers: stateRefs(8).min(1).describe('Attacking states (COW ids or names).'),
  target: StateRefSchema,
  date: DaySchema,
  theatre: IdSchema.optional().describe('A territory id; the target’s own territory when omitted.'),
  abstain: stateRefs(64).describe('States that do not honour their obligations.'),
  transit: z.array(TransitSchema).max(64).describe('GRANTOR lets GRANTEE’s forces pass.'),
  kind: ActKindSchema.optional().describe('What the act is: attack (default), occupation, remilitarisation, cession, declaration or intervention.'),
  leagueFinding: LeagueFindingRequestSchema.optional(),
  provoked: z.boolean().optional(),
  readings: ReadingsSchema.optional(),
  overlays: z.array(OverlaySchema).max(16).describe('Counterfactual overlays applied to the scenario first, in order.'),
};

/** The act's fields. */
export const ActFieldsSchema = z.strictObject(REQUEST_FIELDS).pick({ attackers: true, target: true, date: true, theatre: true, kind: true });

/** The assumptions' fields (readings included). */
export const AssumptionFieldsSchema = z.strictObject(REQUEST_FIELDS).pick({ abstain: true, transit: true, leagueFinding: true, provoked: true, readings: true });

/** The whole request: act, assumptions, readings, overlays. */
export const RequestSchema = z.strictObject({
  ...REQUEST_FIELDS,
  abstain: REQUEST_FIELDS.abstain.default([]),
  transit: REQUEST_FIELDS.transit.default([]),
  overlays: REQUEST_FIELDS.overlays.default([]),
});
export type Request = z.infer<typeof RequestSchema>;

/** The request without overlays: what the resolver answers on the scenario as it is. */
export const ActRequestSchema = RequestSchema.omit({ overlays: true });
export type ActRequest = z.infer<typeof ActRequestSchema>;
