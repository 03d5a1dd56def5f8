/**
 * Alliance reliability: for every COW interstate war, the resolver says which allies were bound
 * (and to what) on the eve of each attack in it (the war's first day, and the later attacks of
 * audits/attacks.yaml) under the ATOP alliances in force, and COW's participant records say what
 * each did. A case is one (war, ally, obligation kind, toward whom, alliance).
 *
 * The method follows Leeds, Long & Mitchell (2000): an alliance is tested only when the war falls
 * within its terms (the conditions casus can express, and the location and adversary coding) and
 * the attacker is not itself a party; an ally honours a defence or offence commitment by fighting
 * on its partner's side while the partner fights, a neutrality or nonaggression commitment by not
 * fighting against it. Pure: a scenario (imported from COW and ATOP) and the wars come in, cases come out.
 */
import { dayNumber, inInterval, previousDay, type Day } from '../model/day.js';
import type { Scenario } from '../model/schema.js';
import { resolve } from '../law/resolve.js';
import type { Obligation, ObligationKind } from '../law/types.js';
import { worldAt } from '../world/world.js';
import type { War, WarParticipant } from '../data/cow-wars.js';
import type { Unexpressed } from '../data/import.js';
import { coAttackerObligations } from './reliability-offence.js';
import { attacksOf, type Attack, type AttackCoding } from './reliability-attacks.js';
import { judgeAdversary, judgeLocation, judgeTerm, WHERE_FOUGHT, type LocationCoding, type Region } from './locations.js';

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
  /** For defence and offence: the ally was itself attacked on the same day as its partner. */
  coTarget?: boolean | undefined;
  /** The coded later attack that formed the case; undefined for the war's first day. */
  attack?: string | undefined;
  /** The ally fought in the war at all (either side, any time): the cases a pact not to fight really tests. */
  allyFought: boolean;
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
  /** Judge defence and offence even when every attacker is a party of the same alliance (default: not a case, as Leeds, Long & Mitchell). */
  judgeIntraAlliance?: boolean | undefined;
  /** Leave out allies attacked (or attacking) on the same day as their partner (default: a case, honoured when it fought beside it). */
  leaveOutCoTargets?: boolean | undefined;
  /** Later attacks within wars (audits/attacks.yaml); without it only a war's first day forms cases. */
  attacks?: AttackCoding | undefined;
  /** Judge only alliances with at most this many parties (to see what the large collective pacts do to the figures). */
  maxParties?: number | undefined;
  /** Leave out offence cases of attackers toward their co-attackers (default: a case, honoured when it joined the attack; see ./reliability-offence.ts). */
  leaveOutCoAttackers?: boolean | undefined;
  /** Count a neutrality or nonaggression case only when the ally fought in the war at all (the reading closest to Berkemeier & Fuhrmann's; default: every partner of a belligerent, as Leeds, Long & Mitchell). */
  restraintsOnlyWhenFought?: boolean | undefined;
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
    if (!inInterval(previousDay(war.from), scenario.span)) continue;
    examined++;
    const seen = new Set<string>();
    const before = list.length;
    for (const attack of attacksOf(war, idOf, options.attacks)) {
      // The eve of the attack: an alliance the attack itself ended (ATOP's exit day is the attack's day) was in force when it was broken.
      const eve = previousDay(attack.date);
      if (!inInterval(eve, scenario.span)) continue;
      const world = worldAt(scenario, eve);
      const existing = new Set(world.states.map((x) => x.id));
      const attackers = attack.attackers.filter((s) => existing.has(s));
      const targets = attack.targets.filter((s) => existing.has(s));
      if (attackers.length === 0 || targets.length === 0) {
        exclude(attack.coded ? 'a coded attack whose sides are not State System members' : 'war whose first-day sides are not both State System members');
        continue;
      }
      // Already at war in this war before the attack: its partner's new enemy is not a new test of the alliance.
      const atWar = new Set(war.participants.filter((p) => idOf.has(p.ccode) && p.spells.some((x) => x.from <= eve && eve < x.until)).map((p) => idOf.get(p.ccode)!));
      for (const target of targets) {
        const resolution = resolve(world, { attackers, target, date: eve }, {}, { reach: false, explain: false });
        const obligations = [
          ...resolution.states.flatMap((state) => state.obligations.map((o) => ({ state: state.state, o }))),
          ...(options.leaveOutCoAttackers ? [] : coAttackerObligations(world, attackers, target, eve)),
        ];
        for (const { state, o } of obligations) {
          const kind = KIND_OF[o.kind];
          if (!kind) {
            exclude(`${o.kind}: not observable in war data`);
            continue;
          }
          // One case per obligation and war; an obligation outside its terms at one attack is asked again at the next.
          const key = `${state}|${kind}|${o.toward}|${o.treaty}`;
          if (seen.has(key)) continue;
          const c = judgeObligation({ war, attack: { ...attack, attackers, targets }, target, atWar, state, kind, o, idOf, atop: atopOf.get(o.treaty), parties: partiesOf.get(o.treaty) ?? new Set(), unexpressed, options });
          if (!('excluded' in c) && options.restraintsOnlyWhenFought && !c.allyFought && (kind === 'neutrality' || kind === 'nonaggression')) {
            exclude(`${kind}: the ally did not fight in the war (--restraints-only-when-fought)`);
            seen.add(key);
          } else if ('excluded' in c) {
            exclude(c.excluded);
            if (c.undecided) undecided.push({ war: war.warNum, warName: war.name, ally: state, kind, toward: o.toward, treaty: o.treaty, why: c.undecided });
          } else {
            seen.add(key);
            list.push(c);
          }
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

interface Obligated {
  war: War;
  attack: Attack;
  /** The state attacked, for which the resolver found the obligation. */
  target: string;
  /** States already at war in this war on the attack's eve. */
  atWar: ReadonlySet<string>;
  state: string;
  kind: CommitmentKind;
  o: Obligation;
  idOf: ReadonlyMap<number, string>;
  atop: number | undefined;
  parties: ReadonlySet<string>;
  unexpressed: Unexpressed;
  options: ReliabilityOptions;
}

/** One obligation judged: a case, or the reason it is not one. Pure. */
function judgeObligation(x: Obligated): ReliabilityCase | { excluded: string; undecided?: string } {
  const { war, attack, state, kind, o, idOf, options } = x;
  const fight = kind === 'defence' || kind === 'offence';
  if (options.maxParties !== undefined && x.parties.size > options.maxParties) return { excluded: `${kind}: an alliance of more than ${options.maxParties} parties (--max-parties)` };
  // A condition casus can judge and the war does not meet settles it, whatever the others say.
  if (!o.active) return { excluded: `${kind}: the war falls outside its terms (${o.conditions.filter((c) => c.status !== 'met').map((c) => c.type).join(', ')})` };
  const undecidable = x.unexpressed[o.treaty]?.[o.provision];
  let location: string | undefined;
  if (undecidable) {
    // Location and adversary are coded per alliance; any other condition per alliance and war (`terms`).
    const termCoded = (c: string) => options.locations !== undefined && x.atop !== undefined && judgeTerm(options.locations, x.atop, phaseOf(o.treaty), war.warNum, c).verdict !== 'undecidable';
    const coded = undecidable.every((c) => c.endsWith('coloc') || c.endsWith('coadv') || termCoded(c));
    if (!coded || !options.locations || x.atop === undefined) {
      const reason = `${kind}: its terms hang on ATOP conditions casus cannot express (${undecidable.join(', ')})`;
      return coded ? { excluded: reason, undecided: 'limited to a location or adversaries, and no location coding was given' } : { excluded: reason };
    }
    const ccodeOf = new Map([...idOf].map(([c, id]) => [id, c]));
    const opponents = (kind === 'offence' ? [x.target] : attack.attackers).map((s) => ccodeOf.get(s)!).filter((c) => c !== undefined);
    const verdicts = undecidable.map((c) =>
      c.endsWith('coadv')
        ? judgeAdversary(options.locations!, x.atop!, phaseOf(o.treaty), opponents)
        : c.endsWith('coloc')
          ? judgeLocation(options.locations!, x.atop!, phaseOf(o.treaty), war.warNum, regionsOf(war, o.toward, idOf), attack.date)
          : judgeTerm(options.locations!, x.atop!, phaseOf(o.treaty), war.warNum, c),
    );
    const outside = verdicts.findIndex((v) => v.verdict === 'outside');
    if (outside >= 0) return { excluded: `${kind}: the war falls outside its terms (${undecidable[outside]!.endsWith('coadv') ? 'adversary' : undecidable[outside]!.endsWith('coloc') ? 'location' : undecidable[outside]})` };
    const open = verdicts.find((v) => v.verdict === 'undecidable');
    if (open) return { excluded: `${kind}: limited to a location or adversaries that cannot be judged for this war`, undecided: open.why };
    location = verdicts.map((v) => v.why).join('; ');
  }
  // Leeds, Long & Mitchell: a pact is invoked by a war against a state outside it (Rio Treaty, Art. 7, answers a war among its parties with a call to stop).
  const opponents = kind === 'defence' ? attack.attackers : [x.target];
  if (fight && !options.judgeIntraAlliance && opponents.every((a) => x.parties.has(a))) return { excluded: `${kind}: the ${kind === 'defence' ? 'attackers are' : 'target is'} parties of the same alliance` };
  if (fight && x.atWar.has(state)) return { excluded: `${kind}: the ally was already at war in this war before the attack` };
  // Attacked the same day: fighting beside its partner is its own war as much as the alliance's.
  if (fight && options.leaveOutCoTargets && (attack.targets.includes(state) || attack.attackers.includes(state))) return { excluded: `${kind}: the ally was itself attacked or attacking that day (--leave-out-co-targets)` };
  const partner = rowsOf(war, o.toward, idOf);
  const own = rowsOf(war, state, idOf);
  // Only fighting while the partner fights counts: Romania's 1944 turn does not help Poland in 1939.
  const withPartner = own.some((a) => partner.some((p) => p.side === a.side && overlap(a, p)));
  const against = own.some((a) => partner.some((p) => p.side !== a.side && overlap(a, p)));
  const honoured = fight ? withPartner : !against;
  const why = fight
    ? honoured
      ? `${state} fought on ${o.toward}'s side`
      : against
        ? `${state} fought against ${o.toward}`
        : own.length
          ? `${state} fought, but not beside ${o.toward} while it fought`
          : `${state} stayed out of the war`
    : honoured
      ? `${state} did not fight against ${o.toward}`
      : `${state} fought against ${o.toward}`;
  const entry = Math.min(...own.flatMap((a) => a.spells.map((s) => dayNumber(s.from))));
  const joinedLate = withPartner && entry - dayNumber(attack.date) > LATE_JOIN_DAYS;
  const coTarget = attack.targets.includes(state);
  return {
    war: war.warNum, warName: war.name, date: attack.date, ally: state, kind, toward: o.toward, treaty: o.treaty, atop: x.atop, honoured,
    why: `${joinedLate ? `${why}, from ${own[0]!.spells[0]!.from}` : why}${coTarget && fight ? ' (itself attacked that day)' : ''}${attack.coded ? ` [${attack.coded}]` : ''}`,
    joinedLate, location, coTarget: fight ? coTarget : undefined, attack: attack.coded, allyFought: own.length > 0,
  };
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
