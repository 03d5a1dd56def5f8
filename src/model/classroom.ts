/**
 * Two lists a scenario may carry for the classroom explorer: the names of its states in other
 * languages, and, per crisis, the changes a teacher can ask "what if?" about. Built by a function
 * that schema.ts calls with its own id and source schemas (a plain import would be circular).
 */
import { z } from 'zod';

/** The languages the explorer offers names in (BCP 47 primary tags). */
export const NAME_LANGUAGES = ['en', 'fr', 'de', 'ru', 'pl', 'cs'] as const;

export function classroomFields<S extends z.ZodType, D extends z.ZodType>(IdSchema: z.ZodString, SourcesSchema: S, DaySchema: D) {
  const NameSchema = z
    .strictObject({
      actor: IdSchema.optional().describe('A state or organization.'),
      territory: IdSchema.optional().describe('Or a territory (the Sudetenland, Memel …).'),
      region: z
        .string()
        .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. FR')
        .optional()
        .describe('Where the present-day name is the right one: the region code the browser names in every language (Intl.DisplayNames).'),
      names: z.partialRecord(z.enum(NAME_LANGUAGES), z.string().min(1)).optional().describe('The name by language, where the present-day name would be wrong (Czechoslovakia, the Soviet Union …).'),
      source: SourcesSchema,
    })
    .refine((n) => n.region !== undefined || (n.names !== undefined && Object.keys(n.names).length > 0), 'give a region code or names')
    .refine((n) => (n.actor === undefined) !== (n.territory === undefined), 'name an actor or a territory, not both');

  const CandidateSchema = z.strictObject({
    kind: z.enum(['guarantee', 'grant-transit', 'add-convention', 'drop-treaty']).describe('guarantee: A guarantees B; grant-transit: A lets B pass; add-convention: A and B sign a military convention; drop-treaty: the treaty is not in force.'),
    a: IdSchema.optional(),
    b: IdSchema.optional(),
    treaty: IdSchema.optional(),
    why: z.string().min(3).describe('Why the state could plausibly have acted: a neighbour, a League Council member, a party to a related treaty.'),
    source: SourcesSchema,
  });

  const WhatifSetSchema = z.strictObject({
    id: IdSchema,
    title: z.string().min(3),
    crisis: z.strictObject({ attackers: z.array(IdSchema).min(1), target: IdSchema, from: DaySchema, until: DaySchema }).describe('The acts the set applies to: these attackers, this target, a day in [from, until).'),
    candidates: z.array(CandidateSchema).min(1).max(32),
  });

  return {
    names: z.array(NameSchema).optional().describe('State and organization names in other languages, for the explorer.'),
    whatifs: z.array(WhatifSetSchema).optional().describe('Per crisis, the changes a teacher can ask "what if?" about, each with why it was plausible and a source.'),
  };
}
