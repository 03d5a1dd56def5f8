/**
 * The scenario format's building blocks: days, ids, sources, and the field groups (`sourced`,
 * `interval`) the other parts of the schema (./schema.ts) spread into their objects.
 */
import { z } from 'zod';
import { dayProblem } from './day.js';

/** Current version of the scenario format. */
export const FORMAT_VERSION = 1;

export const DaySchema = z
  .string()
  .superRefine((text, ctx) => {
    const problem = dayProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A calendar day, YYYY-MM-DD.');

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'an id starts with a letter and holds only letters, digits, "-" and "_" (at most 64)')
  .describe('An identifier. States use Correlates of War abbreviations (GMY, FRN, RUS …).');

/** Where a fact comes from. */
export const SourceSchema = z
  .union([
    z.strictObject({
      seed: z.string().min(1).describe('File name of a seed text.'),
      quote: z.string().min(3).describe('A short quote from that text, verbatim.'),
      note: z.string().optional(),
    }),
    z.strictObject({
      ref: z.string().min(3).describe('A standard reference: a treaty name and date, a dataset, a work.'),
      note: z.string().optional(),
    }),
    z.strictObject({
      parameter: z.string().min(3).describe('A value chosen by the modeller, with its rationale; not a fact.'),
    }),
  ])
  .describe('A seed quote, a standard reference, or the rationale of a chosen parameter.');

export const SourcesSchema = z.union([SourceSchema, z.array(SourceSchema).min(1)]);

/** Where the seed texts and the historical record disagree, both are kept and the model's choice named. */
export const DisagreementSchema = z.strictObject({
  seed: z.string().describe('What the seed text says.'),
  record: z.string().describe('What the historical record says.'),
  uses: z.enum(['seed', 'record']).describe('Which of the two the model uses.'),
  note: z.string().optional(),
});

/** The fields every fact carries: its source, a disagreement between seed and record, the event it follows from. */
export const sourced = {
  source: SourcesSchema,
  disagreement: DisagreementSchema.optional(),
  /** An event this fact follows from, so that an overlay moving the event can find it. */
  cause: IdSchema.optional(),
};

/** A half-open span of days, [from, until). */
export const interval = {
  from: DaySchema.optional(),
  until: DaySchema.optional(),
};
