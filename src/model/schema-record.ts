/**
 * The scenario format: the rest of the record (events, capabilities, effectiveness, societies, kin,
 * disputes, wars) and the modeller's apparatus (parameters, seeds, readings, omissions, ATOP codings).
 */
import { z } from 'zod';
import { DaySchema, IdSchema, interval, sourced, SourceSchema, SourcesSchema } from './schema-common.js';

export const EventKindSchema = z.enum([
  'aggression',
  'annexation',
  'occupation',
  'border-clash',
  'war',
  'conference',
  'sanctions',
  'league-accession',
  'league-withdrawal',
  'assassination',
  'government-change',
  'purge',
  'comintern-line',
  'treaty',
  'diplomacy',
  'proclamation',
  'military',
]);

export const EventSchema = z.strictObject({
  id: IdSchema,
  date: DaySchema,
  until: DaySchema.optional().describe('Last day, for events that last (a battle, a purge).'),
  kind: EventKindSchema,
  title: z.string().min(1),
  actors: z.array(IdSchema).default([]).describe('Who acted (attackers, participants).'),
  targets: z.array(IdSchema).default([]),
  territories: z.array(IdSchema).default([]),
  excluded: z.array(IdSchema).default([]).describe('Who was left out (Munich).'),
  description: z.string().optional(),
  ...sourced,
});

export const CapabilitySchema = z.strictObject({
  state: IdSchema,
  year: z.number().int().min(1816).max(2100),
  cinc: z.number().min(0).max(1),
  milex: z.number().optional(),
  milper: z.number().optional(),
  irst: z.number().optional(),
  pec: z.number().optional(),
  tpop: z.number().optional(),
  upop: z.number().optional(),
  source: SourcesSchema.optional(),
});

export const EffectivenessSchema = z.strictObject({
  state: IdSchema,
  ...interval,
  factor: z.number().min(0).max(2).describe('Multiplies capability: 1 is an army at its usual worth.'),
  note: z.string().optional(),
  source: z.array(SourceSchema).min(1).or(SourceSchema),
});

export const ParameterSchema = z.strictObject({
  value: z.union([z.number(), z.boolean(), z.string()]),
  doc: z.string().min(3),
});

/** A seed text, so that a source quoting it can be cited by title and author rather than by file name. */
export const SeedSchema = z.strictObject({
  file: z.string().min(1).describe('The seed file name that sources give as `seed`.'),
  title: z.string().min(1),
  author: z.string().min(1).describe('Author or issuing body; say so when the text does not name one.'),
  kind: z.string().min(1).describe('What the text is: lecture notes, a textbook chapter …'),
  note: z.string().optional(),
});

/** Who holds a reading of a clause, and where they say so. */
export const HolderSchema = z.strictObject({ who: z.string().min(2), source: z.string().min(3) });

/**
 * A reading: a clause that can be read two ways, the model's default and why, and the other
 * reading with who holds it. A condition with `reading: <id>` applies only while the reading is on.
 */
export const ReadingSchema = z.strictObject({
  id: IdSchema,
  treaty: IdSchema.describe('The treaty whose clause is read.'),
  article: z.string().min(1),
  quote: z.string().min(3).describe('The clause, quoted.'),
  question: z.string().min(3).describe('What the reading decides, as a yes/no question: yes is on.'),
  default: z.boolean().describe('The model\'s reading: true applies the conditions that carry this reading.'),
  why: z.string().min(3).describe('Why the default follows the text.'),
  alternatives: z
    .array(z.strictObject({ value: z.boolean(), meaning: z.string().min(3), heldBy: z.array(HolderSchema).default([]) }))
    .min(1)
    .describe('The other reading(s), and who holds them.'),
  source: SourcesSchema,
});

/** A record deliberately left out of the scenario, with the reason (an ATOP alliance, say). */
export const OmissionSchema = z.strictObject({
  dataset: z.string().min(1).describe('e.g. "ATOP 4.01"'),
  id: z.string().min(1).describe('The record\'s id in that dataset.'),
  name: z.string().optional(),
  reason: z.string().min(3),
});

/**
 * A justified disagreement with ATOP 4.01's coding of one variable of one alliance: what ATOP
 * codes, what casus holds, and the treaty text that makes casus right (or ATOP's reading no
 * better). `casus audit atop` matches it on treaty, alliance, member (every member when omitted),
 * variable and both values, so a justification goes stale the moment either side changes.
 */
export const AtopCodingSchema = z.strictObject({
  treaty: IdSchema,
  atop: z.number().int().positive(),
  member: IdSchema.optional().describe('The member (casus id); every member when omitted.'),
  variable: z.string().regex(/^[a-z]+$/, 'an ATOP variable name such as defcoadv, or entry/exit'),
  atopValue: z.union([z.number(), z.string()]),
  casusValue: z.union([z.number(), z.string()]),
  justification: z.string().min(20),
  source: SourcesSchema,
});

/**
 * Terms of the landscape-theory propensity (Axelrod & Bennett 1993): the society and claims
 * behind a pair of states, each record sourced. Read by `align`; nothing else depends on them.
 */
export const ReligionSchema = z.enum(['catholic', 'protestant', 'orthodox', 'sunni', 'shia', 'state-atheist', 'buddhist-shinto', 'buddhist-confucian', 'christian-mixed']);

/** A state's majority (or, when noted, plurality) religion over a period. */
export const SocietySchema = z.strictObject({
  state: IdSchema,
  ...interval,
  religion: ReligionSchema,
  note: z.string().optional(),
  ...sourced,
});

/** A people of one state living as a minority in another: the kin state, where they live, who they are. */
export const KinSchema = z.strictObject({
  kin: IdSchema.describe('The state whose people they are (Hungary for the Magyars of Transylvania).'),
  in: IdSchema.describe('The state they live in.'),
  group: z.string().min(1),
  ...interval,
  note: z.string().optional(),
  ...sourced,
});

/** A territorial claim by one state on land another holds, while the claim was pressed. */
export const DisputeSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  claimant: IdSchema,
  holder: IdSchema,
  territories: z.array(IdSchema).default([]).describe('Territories of the scenario the claim is about, when it has them.'),
  ...interval,
  note: z.string().optional(),
  ...sourced,
});

/** A Correlates of War interstate war as two sides of scenario ids: the war-history term. */
export const WarRecordSchema = z.strictObject({
  war: z.number().int().positive().describe('COW war number.'),
  name: z.string().min(1),
  from: DaySchema,
  until: DaySchema.describe('The day after its last day.'),
  sides: z.tuple([z.array(IdSchema), z.array(IdSchema)]),
  ...sourced,
});
