/** The scenario format: actors (states and entities), territories, borders, seas, organizations. */
import { z } from 'zod';
import { DaySchema, IdSchema, interval, sourced } from './schema-common.js';

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
