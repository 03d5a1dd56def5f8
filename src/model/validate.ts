/**
 * Checks a scenario that has the right shape for what a schema cannot see: ids that
 * refer to nothing, intervals that end before they start, duplicates, overlapping control.
 */
import { intervalsOverlap, type Interval } from './day.js';
import type { Condition, Scenario } from './schema.js';

/** A problem with a path into the (merged) scenario. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** Every cross-reference and ordering problem in a scenario; empty when it is sound. Pure. */
export function checkScenario(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const actors = idsOf(s.actors, 'actors', report);
  const territories = idsOf(s.territories, 'territories', report);
  const seas = idsOf(s.seas, 'seas', report);
  const organizations = idsOf(s.organizations, 'organizations', report);
  const treaties = idsOf(s.treaties, 'treaties', report);
  const events = idsOf(s.events, 'events', report);
  for (const id of organizations) if (actors.has(id)) report(['organizations'], `"${id}" is both an actor and an organization`);

  const readings = idsOf(s.readings, 'readings', report);
  // A reading is an entry of the register or, in scenarios written before it, a boolean parameter.
  const booleanParameters = new Set([...readings, ...Object.entries(s.parameters).filter(([, p]) => typeof p.value === 'boolean').map(([k]) => k)]);
  const known = (set: Set<string>, what: string) => (id: string, path: Path) => {
    if (!set.has(id)) report(path, `unknown ${what} "${id}"`);
  };
  const actor = known(actors, 'actor');
  const territory = known(territories, 'territory');
  const sea = known(seas, 'sea');
  const event = known(events, 'event');
  const controller = (id: string, path: Path) => {
    if (!actors.has(id) && !organizations.has(id)) report(path, `unknown actor or organization "${id}"`);
  };
  const ordered = (item: Interval, path: Path) => {
    if (item.from !== undefined && item.until !== undefined && item.until <= item.from) {
      report(path, `ends (${item.until}) before or on the day it starts (${item.from})`);
    }
  };
  const causedBy = (item: { cause?: string | undefined }, path: Path) => {
    if (item.cause !== undefined) event(item.cause, [...path, 'cause']);
  };

  ordered(s.span, ['span']);

  s.actors.forEach((a, i) => {
    const at: Path = ['actors', i];
    a.exists.forEach((e, j) => ordered(e, [...at, 'exists', j]));
    for (const list of ['regimes', 'leaders', 'lines', 'dependencies'] as const) {
      a[list].forEach((spell, j) => {
        ordered(spell, [...at, list, j]);
        causedBy(spell, [...at, list, j]);
      });
    }
    a.dependencies.forEach((d, j) => actor(d.overlord, [...at, 'dependencies', j, 'overlord']));
    noOverlap(a.regimes, [...at, 'regimes'], 'regime spells', report);
  });

  s.territories.forEach((t, i) => {
    const at: Path = ['territories', i];
    t.seas.forEach((id, j) => sea(id, [...at, 'seas', j]));
    t.control.forEach((c, j) => {
      ordered(c, [...at, 'control', j]);
      controller(c.controller, [...at, 'control', j, 'controller']);
      causedBy(c, [...at, 'control', j]);
    });
    noOverlap(t.control, [...at, 'control'], 'control spells', report);
  });

  s.adjacency.forEach((a, i) => {
    a.between.forEach((id, j) => territory(id, ['adjacency', i, 'between', j]));
    if (a.between[0] === a.between[1]) report(['adjacency', i, 'between'], `a territory cannot border itself ("${a.between[0]}")`);
    ordered(a, ['adjacency', i]);
  });

  s.seas.forEach((x, i) => x.connects.forEach((id, j) => sea(id, ['seas', i, 'connects', j])));

  s.organizations.forEach((o, i) => {
    const at: Path = ['organizations', i];
    o.memberships.forEach((m, j) => {
      const mp: Path = [...at, 'memberships', j];
      actor(m.member, [...mp, 'member']);
      ordered(m, mp);
      causedBy(m, mp);
      if (m.notice !== undefined && m.until === undefined && !o.withdrawal) {
        report([...mp, 'notice'], `notice given but "${o.id}" has no withdrawal rule: give "until"`);
      }
      if (m.notice !== undefined && m.from !== undefined && m.notice < m.from) report([...mp, 'notice'], 'notice given before membership began');
    });
    o.lines.forEach((l, j) => ordered(l, [...at, 'lines', j]));
  });

  s.treaties.forEach((t, i) => {
    const at: Path = ['treaties', i];
    causedBy(t, at);
    const partyIds = new Set<string>();
    t.parties.forEach((p, j) => {
      const id = typeof p === 'string' ? p : p.state;
      actor(id, [...at, 'parties', j]);
      if (partyIds.has(id)) report([...at, 'parties', j], `"${id}" is listed twice`);
      partyIds.add(id);
      if (typeof p !== 'string') ordered(p, [...at, 'parties', j]);
    });
    if (t.partiesOf !== undefined && !organizations.has(t.partiesOf)) report([...at, 'partiesOf'], `unknown organization "${t.partiesOf}"`);
    if (t.parties.length === 0 && t.partiesOf === undefined) report([...at, 'parties'], 'a treaty needs parties or partiesOf');
    if (t.inForce !== undefined && t.inForce < t.signed) report([...at, 'inForce'], `in force (${t.inForce}) before it was signed (${t.signed})`);
    const start = t.inForce ?? t.signed;
    if (t.until !== undefined && t.until <= start) report([...at, 'until'], `ends (${t.until}) before or on the day it enters into force (${start})`);
    if (t.denounced !== undefined && t.denounced < t.signed) report([...at, 'denounced'], 'denounced before it was signed');
    checkRelations(s, t, at, report);
    if (t.denunciationReading !== undefined) {
      if (!booleanParameters.has(t.denunciationReading)) report([...at, 'denunciationReading'], `reading "${t.denunciationReading}" is not in the readings register (nor a boolean parameter) of the scenario`);
      if (t.denounced === undefined) report([...at, 'denunciationReading'], 'a denunciation reading needs the day of the denunciation in "denounced"');
    }
    const provisionIds = new Set<string>();
    t.provisions.forEach((p, j) => {
      const pp: Path = [...at, 'provisions', j];
      if (provisionIds.has(p.id)) report([...pp, 'id'], `provision id "${p.id}" is used twice in this treaty`);
      provisionIds.add(p.id);
      const inParty = (id: string, path: Path) => {
        actor(id, path);
        if (t.partiesOf === undefined && actors.has(id) && !partyIds.has(id) && p.kind !== 'guarantee') report(path, `"${id}" is not a party to ${t.id}`);
      };
      p.obliged?.forEach((id, k) => inParty(id, [...pp, 'obliged', k]));
      p.beneficiaries?.forEach((id, k) => actor(id, [...pp, 'beneficiaries', k]));
      if (p.kind === 'guarantee' && !p.beneficiaries?.length) report([...pp, 'beneficiaries'], 'a guarantee names whom it guarantees');
      if (p.level !== undefined && p.kind !== 'military-convention') report([...pp, 'level'], `level "${p.level}" is for a military-convention, not a ${p.kind}`);
      p.conditions.forEach((c, k) => checkCondition(c, [...pp, 'conditions', k], { actor, territory, booleanParameters, report }));
      ordered(p, pp);
      if (p.from !== undefined && p.from < start) report([...pp, 'from'], `starts (${p.from}) before its treaty enters into force (${start})`);
    });
  });

  s.readings.forEach((r, i) => {
    if (!treaties.has(r.treaty)) report(['readings', i, 'treaty'], `reading "${r.id}" interprets unknown treaty "${r.treaty}"`);
    if (!r.alternatives.some((a) => a.value !== r.default)) report(['readings', i, 'alternatives'], `reading "${r.id}" names no alternative to its default (${r.default})`);
  });
  const seedFiles = new Set<string>();
  s.seeds.forEach((seed, i) => {
    if (seedFiles.has(seed.file)) report(['seeds', i, 'file'], `seed "${seed.file}" is registered twice`);
    seedFiles.add(seed.file);
  });

  s.transit.forEach((t, i) => {
    actor(t.grantor, ['transit', i, 'grantor']);
    actor(t.grantee, ['transit', i, 'grantee']);
    ordered(t, ['transit', i]);
  });

  s.events.forEach((e, i) => {
    const at: Path = ['events', i];
    for (const list of ['actors', 'targets', 'excluded'] as const) e[list].forEach((id, j) => controller(id, [...at, list, j]));
    e.territories.forEach((id, j) => territory(id, [...at, 'territories', j]));
    if (e.until !== undefined && e.until < e.date) report([...at, 'until'], `ends (${e.until}) before it starts (${e.date})`);
  });

  const capabilityKeys = new Set<string>();
  s.capabilities.forEach((c, i) => {
    actor(c.state, ['capabilities', i, 'state']);
    const key = `${c.state}/${c.year}`;
    if (capabilityKeys.has(key)) report(['capabilities', i], `a second capability row for ${c.state} in ${c.year}`);
    capabilityKeys.add(key);
  });

  s.effectiveness.forEach((e, i) => {
    actor(e.state, ['effectiveness', i, 'state']);
    ordered(e, ['effectiveness', i]);
  });
  const byState = new Map<string, number[]>();
  s.effectiveness.forEach((e, i) => byState.set(e.state, [...(byState.get(e.state) ?? []), i]));
  for (const indices of byState.values()) {
    noOverlap(indices.map((i) => s.effectiveness[i]!), ['effectiveness', indices[0]!], 'effectiveness spells of one state', report);
  }

  idsOf(s.disputes, 'disputes', report);
  checkPropensityTerms(s, actor, territory, ordered);
  // A justification of an ATOP coding names a treaty of the scenario that carries that ATOP id.
  const atopOf = new Map(s.treaties.map((t) => [t.id, t.atop]));
  s.atopCoding.forEach((j, i) => {
    if (!treaties.has(j.treaty)) report(['atopCoding', i, 'treaty'], `unknown treaty "${j.treaty}"`);
    else if (atopOf.get(j.treaty) !== j.atop) report(['atopCoding', i, 'atop'], `treaty "${j.treaty}" carries ATOP id ${atopOf.get(j.treaty) ?? 'none'}, not ${j.atop}`);
    if (j.member !== undefined) actor(j.member, ['atopCoding', i, 'member']);
  });

  return problems;
}

/** The landscape terms: every state they name exists, and every spell is ordered. */
function checkPropensityTerms(s: Scenario, actor: (id: string, path: Path) => void, territory: (id: string, path: Path) => void, ordered: (item: Interval, path: Path) => void): void {
  s.societies.forEach((x, i) => {
    actor(x.state, ['societies', i, 'state']);
    ordered(x, ['societies', i]);
  });
  s.kin.forEach((x, i) => {
    actor(x.kin, ['kin', i, 'kin']);
    actor(x.in, ['kin', i, 'in']);
    ordered(x, ['kin', i]);
  });
  s.disputes.forEach((x, i) => {
    actor(x.claimant, ['disputes', i, 'claimant']);
    actor(x.holder, ['disputes', i, 'holder']);
    x.territories.forEach((id, j) => territory(id, ['disputes', i, 'territories', j]));
    ordered(x, ['disputes', i]);
  });
  s.wars.forEach((w, i) => {
    w.sides.forEach((side, k) => side.forEach((id, j) => actor(id, ['wars', i, 'sides', k, j])));
    ordered(w, ['wars', i]);
  });
}

/** supersedes / confirms / prolongs name other treaties, signed no later than this one. */
function checkRelations(s: Scenario, t: Scenario['treaties'][number], at: Path, report: (path: Path, message: string) => void): void {
  const relations: [string, string][] = [...(t.supersedes ?? []).map((id) => ['supersedes', id] as [string, string]), ...(t.confirms ?? []).map((id) => ['confirms', id] as [string, string])];
  if (t.prolongs !== undefined) relations.push(['prolongs', t.prolongs]);
  for (const [relation, id] of relations) {
    const path = [...at, relation];
    const other = s.treaties.find((x) => x.id === id);
    if (!other) report(path, `unknown treaty "${id}"`);
    else if (other.id === t.id) report(path, `a treaty cannot ${relation.replace(/s$/, '')} itself`);
    else if (other.signed > t.signed) report(path, `"${id}" was signed (${other.signed}) after ${t.id} (${t.signed}), so ${t.id} cannot ${relation.replace(/s$/, '')} it`);
  }
}

function idsOf(items: readonly { id: string }[], list: string, report: (path: Path, message: string) => void): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) report([list, i, 'id'], `id "${item.id}" is used twice`);
    ids.add(item.id);
  });
  return ids;
}

function noOverlap(spells: readonly Interval[], path: Path, what: string, report: (path: Path, message: string) => void): void {
  for (let i = 0; i < spells.length; i++) {
    for (let j = i + 1; j < spells.length; j++) {
      if (intervalsOverlap(spells[i]!, spells[j]!)) report([...path, j], `${what} ${i} and ${j} overlap`);
    }
  }
}

interface ConditionChecks {
  actor: (id: string, path: Path) => void;
  territory: (id: string, path: Path) => void;
  booleanParameters: Set<string>;
  report: (path: Path, message: string) => void;
}

function checkCondition(c: Condition, path: Path, checks: ConditionChecks): void {
  if (c.reading !== undefined && !checks.booleanParameters.has(c.reading)) {
    checks.report([...path, 'reading'], `reading "${c.reading}" is not in the readings register (nor a boolean parameter) of the scenario`);
  }
  if (c.type === 'adversary') c.states.forEach((id, k) => checks.actor(id, [...path, 'states', k]));
  if (c.type === 'prior-action') c.by.forEach((id, k) => checks.actor(id, [...path, 'by', k]));
  if (c.type === 'location') {
    c.territories.forEach((id, k) => checks.territory(id, [...path, 'territories', k]));
    c.states.forEach((id, k) => checks.actor(id, [...path, 'states', k]));
    if (!c.territories.length && !c.states.length) checks.report(path, 'a location condition names territories or states');
  }
}
