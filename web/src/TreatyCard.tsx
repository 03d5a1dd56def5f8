/** One treaty as written: dates, parties, each provision with who is bound, toward whom, on what condition, and its source. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Treaty, type World } from './api.js';
import { conditionText, KIND_COLOURS, SourceView } from './format.js';
import { listOf, useNav, withNames } from './nav.js';

interface Props {
  scenario: string;
  treatyId: string;
  world: World | undefined;
  onClose: () => void;
}

export function TreatyCard({ scenario, treatyId, world, onClose }: Props) {
  const { names } = useNav();
  const short = (ids: string[]): string => (ids.length > 8 ? `${ids.length} states` : listOf(names, ids));
  const [treaty, setTreaty] = useState<Treaty | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setTreaty(undefined);
    setError(undefined);
    api.treaty(scenario, treatyId).then(setTreaty, (e: Error) => setError(e.message));
  }, [scenario, treatyId]);
  if (error) return <div class="card error">{error}</div>;
  if (!treaty) return <div class="card">Loading…</div>;
  const view = world?.treaties.find((t) => t.id === treaty.id);
  const parties = view?.parties ?? treaty.parties.map((p) => (typeof p === 'string' ? p : p.state));
  return (
    <article class="card treaty" data-testid="treaty-card" data-treaty={treaty.id}>
      <button class="close" onClick={onClose} aria-label="Close the treaty">
        ×
      </button>
      <h3>{treaty.name}</h3>
      <p class="dates">
        signed {treaty.signed}
        {treaty.inForce && treaty.inForce !== treaty.signed ? `, in force ${treaty.inForce}` : ''}
        {treaty.denounced ? `, denounced ${treaty.denounced}` : ''}
        {treaty.until ? `, ended ${treaty.until}` : ''}
        {treaty.atop ? ` · ATOP ${treaty.atop}` : ''}
        {treaty.secret ? ' · secret' : ''}
        {view ? '' : ' · not in force on this day'}
      </p>
      {relationsOf(treaty) ? (
        <p class="relations" data-testid="treaty-relations">
          {relationsOf(treaty)}
        </p>
      ) : null}
      <p>
        <strong>Parties</strong>: {treaty.partiesOf ? `members of ${treaty.partiesOf} (${parties.length} on this day)` : listOf(names, parties)}
      </p>
      <ol class="provisions">
        {treaty.provisions.map((p) => {
          const pv = view?.provisions.find((x) => x.id === p.id);
          return (
            <li key={p.id}>
              <span class="kind" style={{ background: KIND_COLOURS[p.kind] ?? '#607d8b' }}>
                {p.kind}
              </span>{' '}
              {p.article ? <em>{p.article}: </em> : null}
              {pv ? (
                <span>
                  {short(pv.obliged)} → {short(pv.beneficiaries)}
                </span>
              ) : p.obliged ? (
                <span>
                  {short(p.obliged)} → {short(p.beneficiaries ?? [])}
                </span>
              ) : null}
              {p.summary ? <p class="summary">{p.summary}</p> : null}
              {p.conditions.length ? (
                <ul class="conditions">
                  {p.conditions.map((c, i) => (
                    <li key={i}>{withNames(conditionText(c), names)}</li>
                  ))}
                </ul>
              ) : null}
              {p.source ? <SourceView source={p.source} /> : null}
            </li>
          );
        })}
      </ol>
      {treaty.note ? <p class="note">{treaty.note}</p> : null}
      <h4>Source</h4>
      <SourceView source={treaty.source} />
      {treaty.disagreement ? (
        <div class="disagreement">
          <h4>Seed and record disagree</h4>
          <p>
            <strong>Seed:</strong> {treaty.disagreement.seed}
          </p>
          <p>
            <strong>Record:</strong> {treaty.disagreement.record}
          </p>
          <p>The model uses the {treaty.disagreement.uses}.{treaty.disagreement.note ? ` ${treaty.disagreement.note}` : ''}</p>
        </div>
      ) : null}
    </article>
  );
}

function short(ids: string[]): string {
  return ids.length > 8 ? `${ids.length} states` : ids.join(', ');
}

/** What this treaty does to earlier ones, and the reading on its denunciation, in words; empty when none. */
function relationsOf(t: Treaty): string {
  return [
    t.supersedes?.length ? `replaces, between its own parties, ${t.supersedes.join(', ')}` : '',
    t.confirms?.length ? `confirms ${t.confirms.join(', ')}` : '',
    t.prolongs ? `prolongs ${t.prolongs}` : '',
    t.denunciationReading ? `whether the denunciation ended it is the reading ${t.denunciationReading}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
