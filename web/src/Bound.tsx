/** Who is bound in a crisis, on what condition, who can reach; toggles for abstention and transit; exports of the table. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Resolution, type Treaty, type World } from './api.js';
import { longDate } from './days.js';
import { download, toCsv } from './exports.js';
import { RoleSwatch, ROLE_LABELS } from './format.js';
import { listOf, nameOf, StateName, useNav, ViewLink, withNames } from './nav.js';
import { rolesOf } from './roles.js';
import { SourceView } from './Sources.js';
import type { ViewState } from './url.js';

type StateRow = Resolution['states'][number];
type ObligationRow = StateRow['obligations'][number];

const BINDING = new Set(['assist', 'assist-attacker', 'sanctions']);

/** Obligation kinds in words. */
export const OBLIGATION_WORDS: Record<string, string> = {
  assist: 'assist',
  'assist-attacker': 'assist the attacker',
  sanctions: 'sanctions (Art. 16)',
  neutrality: 'stay neutral',
  nonaggression: 'not attack',
  consult: 'consult',
};

/** Order of rows: bound to fight first, then bound on a condition, then sanctions only. Pure. */
function rank(s: StateRow): number {
  const assists = s.obligations.filter((o) => o.kind === 'assist' || o.kind === 'assist-attacker');
  return (s.mustAct ? 4 : 0) + (assists.some((o) => o.active) ? 2 : 0) + (assists.length ? 1 : 0);
}

export function reachLabel(mode: string): string {
  return mode === 'border' ? 'yes, across a common border' : mode === 'transit' ? 'yes, in transit' : mode === 'sea' ? 'yes, by sea' : 'no';
}

const COLUMNS = ['state', 'code', 'mustAct', 'acts', 'obligations', 'reach', 'reachReason'] as const;

/** The table's rows as plain records, for CSV and JSON. Pure. */
export function boundRecords(rows: StateRow[], names: ReadonlyMap<string, string>) {
  return rows.map((s) => ({
    state: nameOf(names, s.state),
    code: s.state,
    mustAct: s.mustAct,
    acts: s.acts,
    obligations: s.obligations.filter((o) => BINDING.has(o.kind)).map((o) => `${OBLIGATION_WORDS[o.kind] ?? o.kind} ${nameOf(names, o.toward)} under ${o.treatyName}${o.article ? ` ${o.article}` : ''}${o.active ? '' : ' (condition not met)'}`).join('; '),
    reach: s.reach ? reachLabel(s.reach.mode) : '',
    reachReason: s.reach ? withNames(s.reach.reason, names) : '',
  }));
}

interface Props {
  scenario: string;
  resolution: Resolution;
  world: World | undefined;
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
}

export function Bound({ scenario, resolution, world, view, setView }: Props) {
  const { names } = useNav();
  const [all, setAll] = useState(false);
  const roles = rolesOf(resolution);
  // Shown: states that must act, and states with an assistance obligation (met or not). The
  // Covenant's sanctions, owed by every member once the League finds aggression, are summed up
  // in one line unless they are due, so that fifty rows do not hide the three that matter.
  const shown = (o: ObligationRow) => all || o.kind === 'assist' || o.kind === 'assist-attacker' || (o.kind === 'sanctions' && o.active);
  const rows = resolution.states.filter((s) => s.mustAct || s.obligations.some(shown)).sort((a, b) => rank(b) - rank(a) || a.state.localeCompare(b.state));
  const pendingSanctions = resolution.states.filter((s) => !s.mustAct && s.obligations.some((o) => o.kind === 'sanctions' && !o.active)).map((s) => s.state);
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const { act } = resolution;
  const title = `If ${listOf(names, act.attackers)} attacks ${nameOf(names, act.target)} on ${longDate(act.date)}`;
  const file = `casus-${act.attackers.join('-')}-${act.target}-${act.date}`.toLowerCase();
  const treatyName = (id: string) => world?.treaties.find((t) => t.id === id)?.name ?? id;
  // The names come with the day's world, which can arrive after the answer: a CSV exported before would hold codes.
  const named = world?.date === act.date;
  return (
    <section class="bound">
      <h3 data-testid="crisis-title">{title}</h3>
      <div class="table-scroll">
        <table data-testid="bound-table">
          <caption class="sr-only">{title}: who is bound, on what condition, and who can reach</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Bound by</th>
              <th scope="col">Must act?</th>
              <th scope="col">Can it get there?</th>
              <th scope="col">Abstains</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const role = roles.get(s.state) ?? 'other';
              return (
                <tr key={s.state} data-state={s.state} data-must-act={String(s.mustAct)} data-role={role}>
                  <th scope="row">
                    <RoleSwatch role={role} /> <StateName id={s.state} />
                    <span class="role-word">{ROLE_LABELS[role]}</span>
                  </th>
                  <td data-label="Bound by">
                    {s.obligations
                      .filter((o) => shown(o) || (s.mustAct && BINDING.has(o.kind) && o.active))
                      .map((o, i) => (
                        <div key={i} class={`obligation ${o.active ? 'active' : 'inactive'}`}>
                          <span class="kind">{OBLIGATION_WORDS[o.kind] ?? o.kind}</span> {nameOf(names, o.toward)} under{' '}
                          <ViewLink patch={{ treaty: o.treaty }} testid={`treaty-${o.treaty}`}>
                            {o.treatyName}
                          </ViewLink>
                          {o.article ? ` (${o.article})` : ''}
                          {o.conditions.length ? (
                            <ul class="conditions">
                              {o.conditions.map((c, j) => (
                                <li key={j} class={`condition ${c.status}`} data-status={c.status}>
                                  <span aria-hidden="true">{c.status === 'met' ? '✓' : c.status === 'unmet' ? '✗' : '…'}</span>
                                  <span class="sr-only">{c.status === 'met' ? 'met:' : c.status === 'unmet' ? 'not met:' : 'pending:'}</span> {withNames(c.why, names)}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span class="unconditional"> — unconditional</span>
                          )}
                        </div>
                      ))}
                  </td>
                  <td class={s.mustAct ? 'yes' : 'no'} data-label="Must act">{s.mustAct ? (s.acts ? 'yes' : 'yes, but abstains') : 'no'}</td>
                  <td data-testid={`reach-${s.state}`} data-label="Can it get there">
                    {s.reach ? (
                      <>
                        <strong class={`reach reach-${s.reach.mode}`}>{reachLabel(s.reach.mode)}</strong>
                        {s.reach.via.length ? ` via ${listOf(names, s.reach.via)}` : ''}
                        <div class="why">{withNames(s.reach.reason, names)}</div>
                        {[...(s.reach.refusedBy ?? []), ...(s.reach.mode === 'transit' ? s.reach.via.filter((g) => view.transit.includes(`${g}:${s.state}`)) : [])].map((grantor) => {
                          const key = `${grantor}:${s.state}`;
                          return (
                            <label key={key} class="toggle">
                              <input type="checkbox" checked={view.transit.includes(key)} onChange={() => setView({ transit: toggle(view.transit, key) })} data-transit={key} /> assume {nameOf(names, grantor)} lets {nameOf(names, s.state)} pass
                            </label>
                          );
                        })}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label="Abstains">
                    {s.state !== act.target && !act.attackers.includes(s.state) ? (
                      <input type="checkbox" checked={view.abstain.includes(s.state)} onChange={() => setView({ abstain: toggle(view.abstain, s.state) })} aria-label={`${nameOf(names, s.state)} abstains`} data-abstain={s.state} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p class="hint">No state has an obligation toward either side.</p> : null}
      {pendingSanctions.length && !all ? (
        <p class="hint" data-testid="pending-sanctions">
          {pendingSanctions.length} League members would owe sanctions under the Covenant (Art. 16) once the League finds aggression — economic and financial measures, not war: {listOf(names, pendingSanctions)}.
        </p>
      ) : null}
      <label class="toggle">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> also show neutrality, nonaggression and consultation obligations
      </label>
      <p class="exports no-print">
        Export this table:{' '}
        <button class="small" data-testid="export-csv" disabled={!named} title={named ? undefined : 'waiting for the names of the day'} onClick={() => download(`${file}.csv`, 'text/csv', toCsv(COLUMNS, boundRecords(rows, names).map((r) => COLUMNS.map((c) => r[c]))))}>
          CSV
        </button>
        <button class="small" data-testid="export-json" onClick={() => download(`${file}.json`, 'application/json', `${JSON.stringify(resolution, null, 2)}\n`)}>
          JSON (the whole answer)
        </button>
      </p>
      {resolution.breaches.length ? (
        <>
          <h4>Breaches</h4>
          <ul class="breaches" data-testid="breaches">
            {resolution.breaches.map((b, i) => (
              <li key={i}>
                <strong>{nameOf(names, b.state)}</strong> breaches <ViewLink patch={{ treaty: b.treaty }}>{treatyName(b.treaty)}</ViewLink>: {withNames(b.why, names)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <TreatySources scenario={scenario} ids={[...new Set(rows.flatMap((r) => r.obligations.filter((o) => o.kind === 'assist' || o.kind === 'assist-attacker').map((o) => o.treaty)))]} />
      <details class="explanation">
        <summary>Explanation: the chain of provisions and conditions</summary>
        <Tree nodes={resolution.explanation} names={names} />
      </details>
    </section>
  );
}

function Tree({ nodes, names }: { nodes: Resolution['explanation']; names: ReadonlyMap<string, string> }) {
  return (
    <ul class="tree">
      {nodes.map((n, i) => (
        <li key={i}>
          {withNames(n.label, names)}
          {n.children.length ? <Tree nodes={n.children} names={names} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The sources of the treaties that bind in this crisis: the last part of the printed crisis sheet. */
function TreatySources({ scenario, ids }: { scenario: string; ids: string[] }) {
  const [treaties, setTreaties] = useState<Treaty[]>([]);
  const key = ids.join();
  useEffect(() => {
    Promise.all(ids.map((id) => api.treaty(scenario, id))).then(setTreaties, () => setTreaties([]));
  }, [scenario, key]);
  if (!treaties.length) return null;
  return (
    <details class="treaty-sources" data-testid="treaty-sources">
      <summary>Sources of the treaties that bind</summary>
      <dl>
        {treaties.map((t) => (
          <div key={t.id}>
            <dt>
              {t.name}, signed {longDate(t.signed)}
            </dt>
            <dd>
              <SourceView source={t.source} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
