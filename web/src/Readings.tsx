/** The readings register: each clause the model reads one way of two, quoted, with the default and why, and who holds the other reading. */
import type { RegisterEntry } from './api.js';

const yes = (v: boolean) => (v ? 'yes' : 'no');

/** Where a reading is used, in words for a reader, not ids: "Franco-Soviet Treaty …, Art. 2, condition: league finding", not "franco-soviet-1935 (art-2, league-finding)". Pure. */
export function usedByWords(u: { treaty: string; provision: string; condition: string }, r: { treaty: string; treatyName: string }): string {
  const treaty = u.treaty === r.treaty ? r.treatyName : u.treaty;
  const provision = u.provision.replace(/^art-/i, 'Art. ');
  return `${treaty}, ${provision}, condition: ${u.condition.replace(/-/g, ' ')}`;
}

export function Readings({ readings, onTreaty }: { readings: RegisterEntry[] | undefined; onTreaty: (id: string) => void }) {
  if (!readings) return <p class="hint">Loading the readings register…</p>;
  return (
    <div class="readings" data-testid="readings">
      <p class="hint">
        Where a clause can be read two ways, the model takes the reading its text supports and names the other, with who holds it. The crisis lab, the CLI (<code>--reading ID=false</code>) and
        the API can switch any of them per question.
      </p>
      {readings.map((r) => (
        <article key={r.id} class="reading" data-reading={r.id}>
          <h3>
            {r.question} <code>{r.id}</code>
          </h3>
          <p class="clause">
            <a href="#" onClick={(e) => (e.preventDefault(), onTreaty(r.treaty))} data-treaty={r.treaty}>
              {r.treatyName}
            </a>
            , {r.article}: <q>{r.quote.trim()}</q>
          </p>
          <p data-testid={`reading-default-${r.id}`}>
            <strong>Default: {yes(r.default)}.</strong> {r.why}
          </p>
          <ul>
            {r.alternatives.map((a, i) => (
              <li key={i}>
                <strong>Otherwise ({yes(a.value)}):</strong> {a.meaning}
                {a.heldBy.length ? (
                  <ul class="held-by">
                    {a.heldBy.map((h, j) => (
                      <li key={j}>
                        held by {h.who} — <cite>{h.source}</cite>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <p class="sources">
            Applies to: {r.usedBy.map((u) => usedByWords(u, r)).join('; ') || 'no condition yet'}. Source: <cite>{r.citation}</cite>
          </p>
        </article>
      ))}
    </div>
  );
}
