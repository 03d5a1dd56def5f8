/** The events around the day, newest last, each with its sources; an aggression opens in the crisis lab. */
import type { TimelineEntry } from './api.js';
import { SourceView } from './format.js';
import { isMajor } from './Timeline.js';

interface Props {
  day: string;
  entries: TimelineEntry[];
  onDay: (day: string) => void;
  onCrisis: (entry: TimelineEntry) => void;
  limit?: number;
}

const CRISIS_KINDS = new Set(['aggression', 'annexation', 'occupation', 'border-clash', 'war']);

/** The entries nearest before (and on) the day, and the next one. */
export function nearEntries(entries: TimelineEntry[], day: string, before: number): { recent: TimelineEntry[]; next?: TimelineEntry | undefined } {
  const major = entries.filter(isMajor);
  const past = major.filter((e) => e.date <= day);
  return { recent: past.slice(-before).reverse(), next: major.find((e) => e.date > day) };
}

export function Events({ day, entries, onDay, onCrisis, limit = 12 }: Props) {
  const { recent, next } = nearEntries(entries, day, limit);
  return (
    <div class="events" data-testid="events">
      {next ? (
        <p class="next">
          Next: <a onClick={() => onDay(next.date)}>{next.date}</a> {next.title}
        </p>
      ) : null}
      <ol>
        {recent.map((e, i) => (
          <li key={`${e.ref}-${i}`} class={e.date === day ? 'today' : ''}>
            <div>
              <a class="date" onClick={() => onDay(e.date)}>
                {e.date}
              </a>{' '}
              <span class={`kind kind-${e.kind}`}>{e.kind}</span> <strong>{e.title}</strong>
              {e.excluded ? <span class="excluded"> — left out: {e.excluded.join(', ')}</span> : null}
              {CRISIS_KINDS.has(e.kind) && e.actors.length > 1 ? (
                <button class="small" onClick={() => onCrisis(e)}>
                  open in crisis lab
                </button>
              ) : null}
            </div>
            <SourceView source={e.source} />
          </li>
        ))}
      </ol>
      {recent.length === 0 ? <p class="hint">No events yet on this day.</p> : null}
    </div>
  );
}
