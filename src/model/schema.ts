/**
 * The scenario format: zod schemas for every part of a scenario, and the types they infer.
 * The same schemas are exported as JSON Schema (`schema/scenario.schema.json`) for editors.
 *
 * Every historical fact carries a `source`; every chosen number is a named parameter with a
 * rationale. Objects are strict: an unknown field is an error, so a typo never passes silently.
 * The parts are in schema-common.ts (days, ids, sources), schema-actors.ts, schema-treaties.ts and
 * schema-record.ts; this module assembles the scenario and names the types.
 */
import { z } from 'zod';
import { classroomFields } from './classroom.js';
import { ActorSchema, AdjacencySchema, ControlSpellSchema, MembershipSchema, OrganizationSchema, RegimeSchema, SeaSchema, TerritorySchema } from './schema-actors.js';
import { DaySchema, FORMAT_VERSION, IdSchema, SourceSchema, SourcesSchema } from './schema-common.js';
import { AtopCodingSchema, CapabilitySchema, DisputeSchema, EffectivenessSchema, EventKindSchema, EventSchema, KinSchema, OmissionSchema, ParameterSchema, ReadingSchema, ReligionSchema, SeedSchema, SocietySchema, WarRecordSchema } from './schema-record.js';
import { ActKindSchema, ConditionSchema, LeagueFindingSchema, PartySchema, ProvisionKindSchema, ProvisionSchema, TransitPolicySchema, TreatySchema } from './schema-treaties.js';

// The parts, re-exported so that every importer keeps reading the format from this one module.
export * from './schema-common.js';
export * from './schema-actors.js';
export * from './schema-treaties.js';
export * from './schema-record.js';

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
