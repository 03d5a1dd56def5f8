/** The scenario format: treaties, their provisions and conditions, the kinds of act, transit policies. */
import { z } from 'zod';
import { DaySchema, IdSchema, interval, sourced, SourcesSchema } from './schema-common.js';

export const ProvisionKindSchema = z.enum([
  'defence',
  'offence',
  'neutrality',
  'nonaggression',
  'consultation',
  'guarantee',
  'sanctions',
  'transit',
  'military-convention',
]);

/**
 * What kind of act a state commits: an armed attack; an occupation; remilitarising its own
 * demilitarised territory (the Rhineland, 1936); a cession extorted under a signed treaty (Memel,
 * 1939); a declaration of war; intervention in another state's civil war (Spain, 1936–39).
 */
export const ActKindSchema = z.enum(['attack', 'occupation', 'remilitarisation', 'cession', 'declaration', 'intervention']);

/** The League Council's outcome: it finds aggression; it makes no recommendation or fails to reach unanimity; it finds otherwise. */
export const LeagueFindingSchema = z.enum(['aggression', 'no-decision', 'otherwise']);

export const ConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('adversary'),
    states: z.array(IdSchema).min(1).describe('Binds only against these attackers.'),
    reading: IdSchema.optional(),
    note: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('location'),
    territories: z.array(IdSchema).default([]),
    states: z.array(IdSchema).default([]).describe('Binds only when the theatre is territory controlled by one of these.'),
    reading: IdSchema.optional(),
    note: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('unprovoked'), reading: IdSchema.optional(), note: z.string().optional() }),
  z.strictObject({
    type: z.literal('prior-action'),
    by: z.array(IdSchema).min(1).describe('Binds only once one of these has acted first.'),
    act: z
      .enum(['assistance', 'any'])
      .optional()
      .describe('What the first state must do: assistance (the default: fight for the victim; League sanctions are not assistance) or any part in the crisis, sanctions included.'),
    reading: IdSchema.optional(),
    note: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('league-finding'),
    on: z.array(LeagueFindingSchema).min(1).optional().describe('The Council outcomes that satisfy it; [aggression] when omitted.'),
    reading: IdSchema.optional(),
    note: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('secret-protocol'), reading: IdSchema.optional(), note: z.string().optional() }),
  z.strictObject({
    type: z.literal('act-kind'),
    kinds: z.array(ActKindSchema).min(1).describe('The kinds of act that trigger the provision; without this condition, the law\'s default for the provision\'s kind applies.'),
    reading: IdSchema.optional(),
    note: z.string().optional(),
  }),
  z
    .strictObject({ type: z.literal('partner-attacked'), reading: IdSchema.optional(), note: z.string().optional() })
    .describe('Binds only while the party it is owed to is the one attacked, not the attacker (ATOP neucoatt), whoever provoked.'),
  z
    .strictObject({
      type: z.literal('attackers'),
      min: z.number().int().min(1).optional().describe('Binds only when at least this many states attack.'),
      max: z.number().int().min(1).optional().describe('Binds only when at most this many states attack.'),
      reading: IdSchema.optional(),
      note: z.string().optional(),
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: 'min must not exceed max' })
    .describe('Binds only against this number of attackers (ATOP defconum).'),
  z
    .strictObject({
      type: z.literal('demand'),
      note: z.string().min(3).describe('The demand whose refusal the obligation waits for, as the text puts it.'),
      reading: IdSchema.optional(),
    })
    .describe('Binds only once a demand is made and refused (ATOP defcodem); pending unless the resolver is told.'),
  z
    .strictObject({
      type: z.literal('unconcluded'),
      note: z.string().min(3).describe('What was offered and what was never done to conclude it.'),
      reading: IdSchema.optional(),
    })
    .describe('An undertaking offered but never concluded: it binds nothing while the condition applies (give it a reading, so that the other view can be switched on).'),
]);

export const ProvisionSchema = z.strictObject({
  id: IdSchema,
  kind: ProvisionKindSchema,
  article: z.string().optional(),
  obliged: z.array(IdSchema).optional().describe('Who is bound; every party when omitted.'),
  beneficiaries: z.array(IdSchema).optional().describe('Toward whom; the other parties when omitted.'),
  conditions: z.array(ConditionSchema).default([]),
  role: z.enum(['league-covenant', 'war-renunciation']).optional().describe(
    'What makes the treaty special, said by the article that does it (docs/scenario-format.md, "Roles"): `league-covenant`, a party resorting to war breaks it whoever the target (Covenant Art. 12); `war-renunciation`, a party resorting to war against another party breaks it (Kellogg-Briand Art. I).',
  ),
  level: z.enum(['convention', 'staff-talks']).optional().describe('For a `military-convention`: a signed convention (the default), or staff talks held without one.'),
  summary: z.string().optional(),
  source: SourcesSchema.optional(),
  from: DaySchema.optional().describe('First day this undertaking binds, when it starts after the instrument enters into force.'),
  until: DaySchema.optional().describe(
    'First day it no longer binds, when that differs from the instrument: a party released early, or an undertaking maintained after the instrument ended. Give the reason in `source`.',
  ),
});

export const PartySchema = z.union([
  IdSchema,
  z.strictObject({ state: IdSchema, ...interval, note: z.string().optional(), source: SourcesSchema.optional() }),
]);

export const TreatySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  parties: z.array(PartySchema).default([]),
  partiesOf: IdSchema.optional().describe('An organization whose members are parties while they are members (the Covenant).'),
  scope: z.enum(['universal']).optional().describe('`universal`: open to every state (the Covenant, Kellogg-Briand); answers summarise its obligations in one line per provision.'),
  signed: DaySchema,
  inForce: DaySchema.optional().describe('Day it entered into force; the signature day when omitted.'),
  denounced: DaySchema.optional().describe('Day a party gave notice or repudiated it.'),
  until: DaySchema.optional().describe('Day it ceased to be in force.'),
  atop: z.number().int().positive().optional().describe('ATOP alliance id.'),
  secret: z.boolean().default(false),
  provisions: z.array(ProvisionSchema).min(1),
  supersedes: z
    .array(IdSchema)
    .optional()
    .describe('Earlier treaties this one replaces as between its own parties, from the day it enters into force; toward other states they still bind.'),
  confirms: z.array(IdSchema).optional().describe('Earlier treaties this one confirms: they stay in force beside it.'),
  prolongs: IdSchema.optional().describe('An earlier treaty whose undertakings this instrument prolongs (restated in its provisions).'),
  denunciationReading: IdSchema.optional().describe(
    'A reading (boolean parameter) on a unilateral denunciation against the treaty\'s term: on, the treaty ends on `denounced`; off, it runs to `until`, as its own clause on duration says.',
  ),
  note: z.string().optional(),
  ...sourced,
});

export const TransitPolicySchema = z.strictObject({
  grantor: IdSchema,
  grantee: IdSchema,
  stance: z.enum(['grants', 'refuses']),
  ...interval,
  note: z.string().optional(),
  ...sourced,
});
