/**
 * What the world of one day is made of: plain data, sorted by id, so that it serialises as it is
 * and does not depend on the order in which the scenario lists its entries.
 */
import type { Day } from '../model/day.js';
import type { Actor, Capability, Organization, Provision, Regime } from '../model/schema.js';

export interface StateView {
  id: string;
  kind: 'state' | 'entity';
  ccode?: number | undefined;
  name: string;
  capital: Actor['capital'];
  regime?: Regime | undefined;
  leaders: { role: string; name: string }[];
  lines: string[];
  /** The state this one is a puppet or protectorate of, that day. */
  overlord?: string | undefined;
  /** Seas on which it controls a coast. */
  seas: string[];
  capability?: Omit<Capability, 'state' | 'year' | 'source'> | undefined;
  /** Multiplier of capability (a purged army fights below its weight); 1 unless a parameter says otherwise. */
  effectiveness: number;
}

export interface TerritoryView {
  id: string;
  name: string;
  controller: string;
  status: string;
  seas: string[];
}

export interface OrganizationView {
  id: string;
  name: string;
  kind: Organization['kind'];
  members: string[];
  /** Members that have given notice of withdrawal and the day it takes effect. */
  leaving: { member: string; notice: Day; until: Day }[];
  lines: string[];
}

/** A provision with who is bound and toward whom resolved for the day. */
export interface ProvisionView extends Omit<Provision, 'obliged' | 'beneficiaries' | 'source' | 'from' | 'until'> {
  obliged: string[];
  beneficiaries: string[];
}

export interface TreatyView {
  id: string;
  name: string;
  parties: string[];
  signed: Day;
  inForce: Day;
  until?: Day | undefined;
  denounced?: Day | undefined;
  /** `denounced`: notice given or repudiated by a party but not yet ended. */
  status: 'in-force' | 'denounced';
  atop?: number | undefined;
  secret: boolean;
  /** Earlier treaties it replaces as between its parties, confirms, or prolongs (present only when the scenario says so). */
  supersedes?: string[];
  confirms?: string[];
  prolongs?: string;
  /** The reading that decides whether a unilateral denunciation ended it before its term. */
  denunciationReading?: string;
  provisions: ProvisionView[];
}

export interface TransitView {
  grantor: string;
  grantee: string;
  stance: 'grants' | 'refuses';
  note?: string | undefined;
}

export interface World {
  scenario: string;
  date: Day;
  states: StateView[];
  territories: TerritoryView[];
  /** Pairs of existing actors with a common land border, each pair sorted, the list sorted. */
  borders: [string, string][];
  organizations: OrganizationView[];
  treaties: TreatyView[];
  /** Treaties signed but not yet in force that day. */
  signedNotInForce: { id: string; name: string; signed: Day; inForce?: Day | undefined }[];
  transit: TransitView[];
  parameters: Record<string, number | boolean | string>;
  /** The readings register's defaults, by reading id (a boolean parameter of the same name overrides one). */
  readings: Record<string, boolean>;
  seas: { id: string; name: string; connects: string[] }[];
}
