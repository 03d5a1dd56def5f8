/**
 * The crisis lab: an act (attacker, target, the timeline's day, or a historical crisis), who is
 * bound and on what condition, who can reach, toggles for abstentions and transit, a simulation
 * with progress and plots, overlays, and stored runs compared side by side.
 */
import type { CasePreset, Resolution, TimelineEntry, World } from './api.js';
import { Bound } from './Bound.js';
import { longDate } from './days.js';
import { Simulation } from './Simulation.js';
import { ACT_KINDS, type LeagueOutcome, type ViewState } from './url.js';

const KIND_LABELS: Record<(typeof ACT_KINDS)[number], string> = {
  attack: 'is an armed attack',
  occupation: 'is an occupation',
  remilitarisation: 'remilitarises own territory',
  cession: 'is a cession under a signed treaty',
  declaration: 'is a declaration of war',
  intervention: 'is an intervention in a civil war',
};

/** A preset's League assumption as the lab's control holds it (true and false are the older spelling). */
function leagueOutcomeOf(value: boolean | LeagueOutcome | undefined): LeagueOutcome {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'aggression' : 'otherwise';
  return value;
}

interface Props {
  scenario: string;
  world: World | undefined;
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
  resolution: Resolution | undefined;
  resolveError: string | undefined;
  cases: CasePreset[];
  entries: TimelineEntry[];
  onTreaty: (id: string) => void;
}

export function Lab({ scenario, world, view, setView, resolution, resolveError, cases, entries }: Props) {
  // By name, as people look for them.
  const states = [...(world?.states ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const presets = cases.length ? cases : presetsFromEvents(entries);
  const current = presets.find((c) => c.date === view.day && c.attackers.join() === view.attacker && c.target === view.target && (c.kind ?? 'attack') === (view.kind || 'attack'));
  const choose = (id: string) => {
    const c = presets.find((p) => p.id === id);
    if (!c) return;
    setView({
      day: c.date,
      attacker: c.attackers.join(','),
      target: c.target,
      abstain: c.assumptions?.abstain ?? [],
      transit: (c.assumptions?.transit ?? []).map((t) => `${t.grantor}:${t.grantee}`),
      leagueFinding: leagueOutcomeOf(c.assumptions?.leagueFinding),
      kind: c.kind && c.kind !== 'attack' ? c.kind : '',
      provoked: c.assumptions?.provoked ?? false,
      tab: 'lab',
    });
  };
  return (
    <div class="lab" data-testid="lab">
      <fieldset class="act">
        <label>
          Historical crisis{' '}
          <select value={current?.id ?? ''} onChange={(e) => choose(e.currentTarget.value)} data-testid="preset">
            <option value="">— choose —</option>
            {presets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.date} · {c.title}
              </option>
            ))}
          </select>
        </label>
        {current?.citation ? (
          <p class="sources" data-testid="preset-source">
            {current.note ? <span class="note">{current.note} </span> : null}
            Source: <cite>{current.citation}</cite>
          </p>
        ) : null}
        <div class="row">
          <StateSelect label="Attacker" testid="attacker" states={states} value={view.attacker?.split(',')[0]} onChange={(attacker) => setView({ attacker })} />
          <StateSelect label="Target" testid="target" states={states} value={view.target} onChange={(target) => setView({ target })} />
          <span class="on-day">on {longDate(view.day)} (the timeline sets the day)</span>
        </div>
        <div class="row">
          <label>
            The act{' '}
            <select value={view.kind || 'attack'} onChange={(e) => setView({ kind: e.currentTarget.value === 'attack' ? '' : e.currentTarget.value })} data-testid="act-kind">
              {ACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            The League Council{' '}
            <select value={view.leagueFinding} onChange={(e) => setView({ leagueFinding: e.currentTarget.value as LeagueOutcome })} data-testid="league">
              <option value="">— not assumed —</option>
              <option value="aggression">finds aggression</option>
              <option value="no-decision">makes no recommendation or fails to agree</option>
              <option value="otherwise">finds no aggression</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={view.provoked} onChange={(e) => setView({ provoked: e.currentTarget.checked })} data-testid="provoked" /> the attack was provoked
          </label>
        </div>
      </fieldset>
      {resolveError ? <p class="error" data-testid="resolve-error">{resolveError}</p> : null}
      {resolution ? <Bound scenario={scenario} resolution={resolution} world={world} view={view} setView={setView} /> : !resolveError ? <p class="hint">Choose an attacker and a target, or a historical crisis.</p> : null}
      {resolution ? <Simulation scenario={scenario} view={view} setView={setView} resolution={resolution} world={world} /> : null}
    </div>
  );
}

function presetsFromEvents(entries: TimelineEntry[]): CasePreset[] {
  return entries
    .filter((e) => ['aggression', 'annexation', 'occupation', 'border-clash', 'war'].includes(e.kind) && e.actors.length >= 2)
    .map((e) => ({ id: e.ref, title: e.title, date: e.date, attackers: [e.actors[0]!], target: e.actors[e.actors.length - 1]! }));
}

/** A labelled choice among the day's states; the empty choice means none. */
function StateSelect(props: { label: string; testid: string; states: { id: string; name: string }[]; value: string | undefined; onChange: (id: string | undefined) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)} data-testid={props.testid}>
        <option value="">—</option>
        {props.states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
