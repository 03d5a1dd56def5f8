/**
 * The scenario format: zod schemas for every part of a scenario, and the types they infer.
 * The same schemas are exported as JSON Schema (`schema/scenario.schema.json`) for editors.
 *
 * Every historical fact carries a `source`; every chosen number is a named parameter with a
 * rationale. Objects are strict: an unknown field is an error, so a typo never passes silently.
 */
import { z } from 'zod';
import { classroomFields } from './classroom.js';
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

const sourced = {
  source: SourcesSchema,
  disagreement: DisagreementSchema.optional(),
  /** An event this fact follows from, so that an overlay moving the event can find it. */
  cause: IdSchema.optional(),
};

const interval = {
  from: DaySchema.optional(),
  until: DaySchema.optional(),
};

export const RegimeSchema = z.enum(['democracy', 'communist', 'fascist', 'authoritarian', 'military', 'monarchy', 'colonial']);

export const RegimeSpellSchema = z.strictObject({
  ...interval,
  regime: RegimeSchema,
  note: z.string().optional(),
  ...sourced,
});

export const LeaderRoleSchema = z.enum(['head-of-state', 'head-of-government', 'foreign-minister', 'party-leader', 'commander', 'diplomat']);

export const LeaderSpellSchema = z.strictObject({
  ...interval,
  role: LeaderRoleSchema,
  name: z.string().min(1),
  note: z.string().optional(),
  ...sourced,
});

/** A government's or organization's line over a period: appeasement, collective security, popular front … */
export const LineSpellSchema = z.strictObject({
  ...interval,
  line: IdSchema.describe('A short name of the line, e.g. appeasement, collective-security, social-fascism, popular-front.'),
  note: z.string().optional(),
  ...sourced,
});

export const DependencySpellSchema = z.strictObject({
  ...interval,
  overlord: IdSchema.describe('The state this one is a puppet or protectorate of.'),
  ...sourced,
});

export const ActorKindSchema = z.enum(['state', 'entity']).describe('state: a member of the COW state system; entity: anything else that acts (Manchukuo, Slovakia 1939).');

export const ActorSchema = z.strictObject({
  id: IdSchema,
  kind: ActorKindSchema.default('state'),
  ccode: z.number().int().positive().optional().describe('Correlates of War numeric code.'),
  name: z.string().min(1),
  exists: z.array(z.strictObject({ ...interval, ...sourced })).min(1).describe('When the actor exists, as half-open intervals.'),
  capital: z.strictObject({ name: z.string(), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  regimes: z.array(RegimeSpellSchema).default([]),
  leaders: z.array(LeaderSpellSchema).default([]),
  lines: z.array(LineSpellSchema).default([]),
  dependencies: z.array(DependencySpellSchema).default([]),
  note: z.string().optional(),
  ...sourced,
});

export const TerritoryStatusSchema = z.enum(['sovereign', 'occupied', 'annexed', 'puppet', 'protectorate', 'league-administered', 'demilitarised', 'colony', 'mandate']);

export const ControlSpellSchema = z.strictObject({
  ...interval,
  controller: IdSchema.describe('The actor that controls the territory (or an organization administering it).'),
  status: TerritoryStatusSchema.default('sovereign'),
  note: z.string().optional(),
  ...sourced,
});

export const TerritorySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  seas: z.array(IdSchema).default([]).describe('Seas this territory has a coast on.'),
  control: z.array(ControlSpellSchema).min(1),
  note: z.string().optional(),
  ...sourced,
});

export const AdjacencySchema = z.strictObject({
  between: z.tuple([IdSchema, IdSchema]).describe('Two territories with a common land border.'),
  ...interval,
  note: z.string().optional(),
  ...sourced,
});

export const SeaSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  connects: z.array(IdSchema).default([]).describe('Seas a fleet can pass into from this one.'),
  note: z.string().optional(),
  ...sourced,
});

export const MembershipSchema = z.strictObject({
  member: IdSchema,
  from: DaySchema.optional(),
  notice: DaySchema.optional().describe('Day notice of withdrawal was given; the organization’s withdrawal rule then sets the end.'),
  until: DaySchema.optional().describe('End of membership; derived from `notice` when omitted.'),
  note: z.string().optional(),
  ...sourced,
});

export const OrganizationSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  kind: z.enum(['league', 'alliance', 'bloc', 'movement']),
  founded: DaySchema.optional(),
  withdrawal: z
    .strictObject({ noticeYears: z.number().int().min(0).max(10), ...sourced })
    .optional()
    .describe('Withdrawal rule: membership ends this many years after notice (Covenant Art. 1(3): two).'),
  memberships: z.array(MembershipSchema).default([]),
  lines: z.array(LineSpellSchema).default([]),
  note: z.string().optional(),
  ...sourced,
});

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

/** A scenario as written: every list may be split across included files. */
export const ScenarioSchema = z.strictObject({
  format: z.literal(FORMAT_VERSION).describe('Version of the scenario format.'),
  id: IdSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  span: z.strictObject({ from: DaySchema, until: DaySchema }).describe('Days the scenario covers, [from, until).'),
  include: z.array(z.string().min(1)).default([]).describe('Other files (relative paths) whose lists are merged into this one.'),
  parameters: z.record(IdSchema, ParameterSchema).default({}),
  actors: z.array(ActorSchema).default([]),
  territories: z.array(TerritorySchema).default([]),
  adjacency: z.array(AdjacencySchema).default([]),
  seas: z.array(SeaSchema).default([]),
  organizations: z.array(OrganizationSchema).default([]),
  treaties: z.array(TreatySchema).default([]),
  transit: z.array(TransitPolicySchema).default([]),
  events: z.array(EventSchema).default([]),
  capabilities: z.array(CapabilitySchema).default([]),
  effectiveness: z.array(EffectivenessSchema).default([]),
  omissions: z.array(OmissionSchema).default([]),
  seeds: z.array(SeedSchema).default([]).describe('The seed texts the sources quote, with title and author.'),
  readings: z.array(ReadingSchema).default([]).describe('The readings register: clauses read two ways, with the default and who holds each.'),
  atopCoding: z.array(AtopCodingSchema).default([]).describe('Where casus codes a treaty otherwise than ATOP 4.01, and the text that justifies it (`casus audit atop`).'),
  societies: z.array(SocietySchema).default([]),
  kin: z.array(KinSchema).default([]),
  disputes: z.array(DisputeSchema).default([]),
  wars: z.array(WarRecordSchema).default([]),
  ...classroomFields(IdSchema, SourcesSchema, DaySchema),
});

/** An included file: the same lists, without the header. */
export const ScenarioPartSchema = ScenarioSchema.omit({ format: true, id: true, name: true, description: true, span: true, include: true });

export type Source = z.infer<typeof SourceSchema>;
export type Sources = z.infer<typeof SourcesSchema>;
export type Regime = z.infer<typeof RegimeSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Territory = z.infer<typeof TerritorySchema>;
export type ControlSpell = z.infer<typeof ControlSpellSchema>;
export type Adjacency = z.infer<typeof AdjacencySchema>;
export type Sea = z.infer<typeof SeaSchema>;
export type Membership = z.infer<typeof MembershipSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type ProvisionKind = z.infer<typeof ProvisionKindSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type Provision = z.infer<typeof ProvisionSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Treaty = z.infer<typeof TreatySchema>;
export type TransitPolicy = z.infer<typeof TransitPolicySchema>;
export type EventKind = z.infer<typeof EventKindSchema>;
export type ScenarioEvent = z.infer<typeof EventSchema>;
export type Capability = z.infer<typeof CapabilitySchema>;
export type Effectiveness = z.infer<typeof EffectivenessSchema>;
export type Omission = z.infer<typeof OmissionSchema>;
export type AtopCoding = z.infer<typeof AtopCodingSchema>;
export type Parameter = z.infer<typeof ParameterSchema>;
export type Religion = z.infer<typeof ReligionSchema>;
export type Society = z.infer<typeof SocietySchema>;
export type Kin = z.infer<typeof KinSchema>;
export type Dispute = z.infer<typeof DisputeSchema>;
export type WarRecord = z.infer<typeof WarRecordSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioPart = z.infer<typeof ScenarioPartSchema>;
export type ActKind = z.infer<typeof ActKindSchema>;
export type LeagueFinding = z.infer<typeof LeagueFindingSchema>;
export type Seed = z.infer<typeof SeedSchema>;
export type Reading = z.infer<typeof ReadingSchema>;
