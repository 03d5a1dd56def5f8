/**
 * Alliance reliability: for every COW interstate war, the resolver says which allies were bound
 * (and to what) on the war's first day under the ATOP alliances in force, and COW's participant
 * records say what each did. A case is one (war, ally, obligation kind, toward whom, alliance).
 *
 * The method follows Leeds, Long & Mitchell (2000) in spirit: an alliance is tested only when the
 * war falls within its terms (the resolver checks the conditions casus can express), and an ally
 * honours a defence or offence commitment by fighting on its partner's side at any time in the
 * war, a neutrality or nonaggression commitment by not fighting against its partner.
 * Pure: a scenario (imported from COW and ATOP) and the wars come in, cases come out.
 */
import { dayNumber, inInterval, previousDay, type Day } from '../model/day.js';
import type { Scenario } from '../model/schema.js';
import { resolve } from '../law/resolve.js';
import type { ObligationKind } from '../law/types.js';
import { worldAt } from '../world/world.js';
import type { War, WarParticipant } from '../data/cow-wars.js';
import type { Unexpressed } from '../data/import.js';
import { judgeLocation, WHERE_FOUGHT, type LocationCoding, type Region } from './locations.js';

export type CommitmentKind = 'defence' | 'offence' | 'neutrality' | 'nonaggression';

export interface ReliabilityCase {
  war: number;
  warName: string;
  date: Day;
  ally: string;
  kind: CommitmentKind;
  toward: string;
  treaty: string;
  atop?: number | undefined;
  honoured: boolean;
  why: string;
  /** The ally entered the war after its first day (COW's spell dates); honouring counts from that day. */
  joinedLate: boolean;
  /** How the location terms were judged, for an alliance limited to a location. */
  location?: string | undefined;
}

/** An obligation that could not be judged, and why. */
export interface UndecidedCase {
  war: number;
  warName: string;
  ally: string;
  kind: CommitmentKind;
  toward: string;
  treaty: string;
  why: string;
}

export interface ReliabilityOptions {
  /** Where wars were fought and location-limited alliances apply; without it such cases are left out. */
  locations?: LocationCoding | undefined;
  /** Leave out defence and offence among parties of one alliance at war with each other (default: judge them, as most texts say "any state"). */
  leaveOutIntraAlliance?: boolean | undefined;
  /** Judge only alliances with at most this many parties (to see what the large collective pacts do to the figures). */
  maxParties?: number | undefined;
}

/**
 * Days after its partner entered the war beyond which an ally that came to its side "joined
 * late". Chosen: a month covers mobilisation and a declaration (Britain and France declared war
 * two days after Germany attacked Poland); later entry is a separate decision. Only the
 * alternative reading of the figures uses it; by default a late joiner honours from the day it joined.
 */
export const LATE_JOIN_DAYS = 30;

export interface KindTally {
  cases: number;
  honoured: number;
  share: number | null;
}

export interface ReliabilityReport {
  from: number;
  to: number;
  /** Share of cases honoured; null when there are none. */
  honoured: number | null;
  cases: number;
  byKind: Record<CommitmentKind, KindTally>;
  /** Defence and offence together: the commitments to fight, which the published figures centre on. */
  military: KindTally;
  /** Wars examined, and wars without any alliance case. */
  wars: number;
  warsWithoutCases: number;
  /** Obligations not counted, by reason (consultation, conditions unmet, …). */
  excluded: Record<string, number>;
  list: ReliabilityCase[];
  /** Obligations whose terms hang on something casus could not decide, one by one. */
  undecided: UndecidedCase[];
}

const KIND_OF: Partial<Record<ObligationKind, CommitmentKind>> = { assist: 'defence', 'assist-attacker': 'offence', neutrality: 'neutrality', nonaggression: 'nonaggression' };


/** A state's participation rows in a war. */
function rowsOf(war: War, id: string, idOf: ReadonlyMap<number, string>): WarParticipant[] {
  return war.participants.filter((p) => idOf.get(p.ccode) === id);
}

/** True when two participations share a day. */
function overlap(a: WarParticipant, b: WarParticipant): boolean {
  return a.spells.some((x) => b.spells.some((y) => x.from < y.until && y.from < x.until));
}

/**
 * The reliability audit for wars beginning in [from, to] (years, inclusive). The scenario must
 * cover those years and carry the ATOP treaties (`casus import all`). Pure; throws QueryError
 * from the resolver only on inconsistent input.
 */
export function auditReliability(scenario: Scenario, wars: readonly War[], from: number, to: number, unexpressed: Unexpressed = {}, options: ReliabilityOptions = {}): ReliabilityReport {
  const idOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const atopOf = new Map(scenario.treaties.map((t) => [t.id, t.atop]));
  const partiesOf = new Map(scenario.treaties.map((t) => [t.id, new Set(t.parties.map((p) => (typeof p === 'string' ? p : p.state)))]));
  const list: ReliabilityCase[] = [];
  const undecided: UndecidedCase[] = [];
  const excluded: Record<string, number> = {};
  const exclude = (reason: string) => (excluded[reason] = (excluded[reason] ?? 0) + 1);
  let examined = 0;
  let withoutCases = 0;
  for (const war of wars) {
    const year = Number(war.from.slice(0, 4));
    if (year < from || year > to) continue;
    // The eve of the war: an alliance the war itself ended (ATOP's exit day is the attack's day) was in force when it was broken.
    const eve = previousDay(war.from);
    if (!inInterval(eve, scenario.span)) continue;
    const world = worldAt(scenario, eve);
    examined++;
    const existing = new Set(world.states.map((x) => x.id));
    // The war as it began: participants whose first spell starts on its first day.
    const originals = war.participants.filter((p) => p.spells[0]!.from === war.from && idOf.has(p.ccode) && existing.has(idOf.get(p.ccode)!));
    const initiatorSide = originals.find((p) => p.initiator)?.side ?? war.participants.find((p) => p.initiator)?.side ?? 1;
    const attackers = [...new Set(originals.filter((p) => p.side === initiatorSide).map((p) => idOf.get(p.ccode)!))].sort();
    const targets = [...new Set(originals.filter((p) => p.side !== initiatorSide).map((p) => idOf.get(p.ccode)!))].sort();
    const belligerents = new Set([...attackers, ...targets]);
    const seen = new Set<string>();
    const before = list.length;
    if (attackers.length === 0 || targets.length === 0) {
      exclude('war whose first-day sides are not both State System members');
      withoutCases++;
      continue;
    }
    for (const target of targets) {
      const resolution = resolve(world, { attackers, target, date: eve }, {}, { reach: false, explain: false });
      for (const state of resolution.states) {
        for (const o of state.obligations) {
          const kind = KIND_OF[o.kind];
          if (!kind) {
            exclude(`${o.kind}: not observable in war data`);
            continue;
          }
          const key = `${state.state}|${kind}|${o.toward}|${o.treaty}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (options.maxParties !== undefined && (partiesOf.get(o.treaty)?.size ?? 0) > options.maxParties) {
            exclude(`${kind}: an alliance of more than ${options.maxParties} parties (--max-parties)`);
            continue;
          }
          const undecidable = unexpressed[o.treaty]?.[o.provision];
          let location: string | undefined;
          if (undecidable) {
            const onlyLocation = undecidable.every((c) => c.endsWith('coloc'));
            const atop = atopOf.get(o.treaty);
            if (!onlyLocation || !options.locations || atop === undefined) {
              exclude(`${kind}: its terms hang on ATOP conditions casus cannot express (${undecidable.join(', ')})`);
              if (onlyLocation) undecided.push({ war: war.warNum, warName: war.name, ally: state.state, kind, toward: o.toward, treaty: o.treaty, why: 'limited to a location, and no location coding was given' });
              continue;
            }
            const verdict = judgeLocation(options.locations, atop, phaseOf(o.treaty), war.warNum, regionsOf(war, o.toward, idOf));
            if (verdict.verdict === 'undecidable') {
              exclude(`${kind}: limited to a location that cannot be judged for this war`);
              undecided.push({ war: war.warNum, warName: war.name, ally: state.state, kind, toward: o.toward, treaty: o.treaty, why: verdict.why });
              continue;
            }
            if (verdict.verdict === 'outside') {
              exclude(`${kind}: the war falls outside its terms (location)`);
              continue;
            }
            location = verdict.why;
          }
          if (!o.active) {
            exclude(`${kind}: the war falls outside its terms (${o.conditions.filter((c) => c.status !== 'met').map((c) => c.type).join(', ')})`);
            continue;
          }
          // Parties at war with each other: a reading in which a collective pact does not set one member against another (Rio Treaty, Art. 7).
          if ((kind === 'defence' || kind === 'offence') && options.leaveOutIntraAlliance && attackers.some((a) => partiesOf.get(o.treaty)?.has(a)) && targets.some((t) => partiesOf.get(o.treaty)?.has(t))) {
            exclude(`${kind}: a war between parties of the same alliance`);
            continue;
          }
          // An original belligerent fighting beside its partner fights its own war: not a test of the alliance.
          if ((kind === 'defence' || kind === 'offence') && belligerents.has(state.state)) {
            exclude(`${kind}: the ally was itself an original belligerent`);
            continue;
          }
          const partner = rowsOf(war, o.toward, idOf);
          const own = rowsOf(war, state.state, idOf);
          // Only fighting while the partner fights counts: Romania's 1944 turn does not help Poland in 1939.
          const withPartner = own.some((a) => partner.some((p) => p.side === a.side && overlap(a, p)));
          const against = own.some((a) => partner.some((p) => p.side !== a.side && overlap(a, p)));
          const honoured = kind === 'defence' || kind === 'offence' ? withPartner : !against;
          const why =
            kind === 'defence' || kind === 'offence'
              ? honoured
                ? `${state.state} fought on ${o.toward}'s side`
                : against
                  ? `${state.state} fought against ${o.toward}`
                  : own.length
                    ? `${state.state} fought, but not beside ${o.toward} while it fought`
                  : `${state.state} stayed out of the war`
              : honoured
                ? `${state.state} did not fight against ${o.toward}`
                : `${state.state} fought against ${o.toward}`;
          const entry = (rows: WarParticipant[]) => Math.min(...rows.flatMap((a) => a.spells.map((x) => dayNumber(x.from))));
          const joinedLate = withPartner && partner.length > 0 && entry(own) - entry(partner) > LATE_JOIN_DAYS;
          list.push({ war: war.warNum, warName: war.name, date: war.from, ally: state.state, kind, toward: o.toward, treaty: o.treaty, atop: atopOf.get(o.treaty), honoured, why: joinedLate ? `${why}, from ${own[0]!.spells[0]!.from}` : why, joinedLate, location });
        }
      }
    }
    if (list.length === before) withoutCases++;
  }
  const tally = (cases: readonly ReliabilityCase[]): KindTally => {
    const honoured = cases.filter((c) => c.honoured).length;
    return { cases: cases.length, honoured, share: cases.length ? honoured / cases.length : null };
  };
  const byKind = Object.fromEntries((['defence', 'offence', 'neutrality', 'nonaggression'] as const).map((k) => [k, tally(list.filter((c) => c.kind === k))])) as Record<CommitmentKind, KindTally>;
  const all = tally(list);
  const military = tally(list.filter((c) => c.kind === 'defence' || c.kind === 'offence'));
  return { from, to, honoured: all.share, cases: all.cases, byKind, military, wars: examined, warsWithoutCases: withoutCases, excluded, list, undecided };
}

/** The phase of an imported ATOP treaty id ("ATOP-2370-p1" → 1); undefined for a single-phase alliance. */
function phaseOf(treaty: string): number | undefined {
  const match = /-p(\d+)$/.exec(treaty);
  return match ? Number(match[1]) : undefined;
}

/** COW's WhereFought regions of the partner's participation (of every participant when the partner has none). */
function regionsOf(war: War, partner: string, idOf: ReadonlyMap<number, string>): Region[] {
  const rows = rowsOf(war, partner, idOf);
  return [...new Set((rows.length ? rows : war.participants).flatMap((p) => WHERE_FOUGHT[p.whereFought] ?? []))];
}
