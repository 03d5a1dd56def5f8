/**
 * A treaty as it stands on a day: its parties that day (listed ones whose membership spell covers
 * the day, and the members of the organization it is open to), and each provision that binds that
 * day with who is bound and toward whom.
 */
import { inInterval, type Day } from '../model/day.js';
import type { Condition, Provision, Treaty } from '../model/schema.js';
import { provisionBindsOn, treatyStart } from './treaty-life.js';
import { sorted } from './sorting.js';
import type { ProvisionView, TreatyView } from './views.js';

/** A provision's fields that do not depend on the day, its conditions' ids sorted. */
type ProvisionTemplate = Omit<ProvisionView, 'obliged' | 'beneficiaries'>;

/**
 * Built once per provision object and shared by the worlds of every day (nothing writes to them):
 * copying a provision without its dated fields and sorting its conditions is most of what a
 * treaty costs on a day, and none of it changes from day to day.
 */
const templates = new WeakMap<Provision, ProvisionTemplate>();

/** The states a treaty lists as parties, whatever the day; per treaty object. */
const listedParties = new WeakMap<Treaty, ReadonlySet<string>>();

function listedOf(treaty: Treaty): ReadonlySet<string> {
  let listed = listedParties.get(treaty);
  if (!listed) listedParties.set(treaty, (listed = new Set(treaty.parties.map((p) => (typeof p === 'string' ? p : p.state)))));
  return listed;
}

function templateOf(provision: Provision): ProvisionTemplate {
  let template = templates.get(provision);
  if (!template) {
    const { obliged: _o, beneficiaries: _b, source: _source, conditions, from: _from, until: _until, ...rest } = provision;
    template = { ...rest, conditions: conditions.map(withSortedIds) };
    templates.set(provision, template);
  }
  return template;
}

/** A treaty on a day. `released`: states for which a later treaty has superseded it (they are no longer bound by it). Pure. */
export function treatyOn(treaty: Treaty, day: Day, existing: Set<string>, membersOf: Map<string, string[]>, released: ReadonlySet<string> = new Set()): TreatyView {
  const explicit = treaty.parties
    .filter((p) => typeof p === 'string' || inInterval(day, p))
    .map((p) => (typeof p === 'string' ? p : p.state));
  const parties = sorted([...explicit, ...(treaty.partiesOf ? (membersOf.get(treaty.partiesOf) ?? []) : [])].filter((id) => existing.has(id)));
  const partySet = new Set(parties);
  // A state that was a party and is no longer (Germany after repudiating Locarno) loses the treaty's benefits too.
  const listed = listedOf(treaty);
  const formerParty = (id: string) => listed.has(id) && !partySet.has(id);
  const provisions: ProvisionView[] = [];
  for (const p of treaty.provisions) {
    if (!provisionBindsOn(treaty, p, day)) continue;
    // A guarantor need not be a party in the usual sense; any existing state named is bound.
    // Without a list of its own a provision binds the parties, which are sorted, distinct, existing and current already.
    const bound = p.obliged === undefined ? parties : p.obliged.filter((id) => partySet.has(id) || (p.kind === 'guarantee' && existing.has(id)));
    if (bound.length > 0 && released.size > 0 && bound.every((id) => released.has(id))) continue;
    const obliged = released.size > 0 ? bound.filter((id) => !released.has(id)) : bound;
    provisions.push({
      ...templateOf(p),
      obliged: p.obliged === undefined ? obliged.slice() : sorted(obliged),
      beneficiaries: p.beneficiaries === undefined ? parties.slice() : sorted(p.beneficiaries.filter((id) => existing.has(id) && !formerParty(id))),
    });
  }
  return {
    id: treaty.id,
    name: treaty.name,
    parties,
    signed: treaty.signed,
    inForce: treatyStart(treaty),
    until: treaty.until,
    denounced: treaty.denounced,
    status: treaty.denounced !== undefined && treaty.denounced <= day ? 'denounced' : 'in-force',
    atop: treaty.atop,
    secret: treaty.secret,
    ...(treaty.supersedes ? { supersedes: sorted(treaty.supersedes) } : {}),
    ...(treaty.confirms ? { confirms: sorted(treaty.confirms) } : {}),
    ...(treaty.prolongs ? { prolongs: treaty.prolongs } : {}),
    ...(treaty.denunciationReading ? { denunciationReading: treaty.denunciationReading } : {}),
    provisions,
  };
}

/** A condition's lists of ids are sets: sorted, so the world never depends on the order they were written in. */
function withSortedIds(condition: Condition): Condition {
  switch (condition.type) {
    case 'adversary':
      return { ...condition, states: sorted(condition.states) };
    case 'prior-action':
      return { ...condition, by: sorted(condition.by) };
    case 'location':
      return { ...condition, states: sorted(condition.states), territories: sorted(condition.territories) };
    case 'act-kind':
      return { ...condition, kinds: sorted(condition.kinds) };
    case 'league-finding':
      return condition.on ? { ...condition, on: sorted(condition.on) } : condition;
    default:
      return condition;
  }
}
