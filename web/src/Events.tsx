/** The events around the day, newest first, each with its sources; an aggression opens in the crisis lab. */
import type { TimelineEntry } from './api.js';
import { longDate } from './days.js';
import { listOf, useNav, ViewLink } from './nav.js';
import { SourceView } from './Sources.js';
import { isMajor } from './Timeline.js';

interface Props {
  day: string;
  entries: TimelineEntry[];
  onCrisis: (entry: TimelineEntry) => void;
  limit?: number;
}

const CRISIS_KINDS = new Set(['aggression', 'annexation', 'occupation', 'border-clash', 'war']);

/** Kinds of timeline entry in words. */
const KIND_WORDS: Record<string, string> = {
  'treaty-signed': 'treaty signed',
  'treaty-in-force': 'treaty in force',
  'treaty-denounced': 'treaty denounced',
  'treaty-ended': 'treaty ended',
  'border-clash': 'border clash',
};

/** The entries nearest before (and on) the day, and the next one. */
export function nearEntries(entries: TimelineEntry[], day: string, before: number): { recent: TimelineEntry[]; next?: TimelineEntry | undefined } {
  const major = entries.filter(isMajor);
  const past = major.filter((e) => e.date <= day);
  return { recent: past.slice(-before).reverse(), next: major.find((e) => e.date > day) };
}

export function Events({ day, entries, onCrisis, limit = 12 }: Props) {
  const { names } = useNav();
  const { recent, next } = nearEntries(entries, day, limit);
  return (
    <div class="events" data-testid="events">
      {next ? (
        <p class="next">
          Next: <ViewLink patch={{ day: next.date }}>{longDate(next.date)}</ViewLink> {next.title}
        </p>
      ) : null}
      <ol>
        {recent.map((e, i) => (
          <li key={`${e.ref}-${i}`} class={e.date === day ? 'today' : ''}>
            <div>
              <ViewLink patch={{ day: e.date }} class="date">
                {longDate(e.date)}
              </ViewLink>{' '}
              <span class={`kind kind-${e.kind}`}>{KIND_WORDS[e.kind] ?? e.kind}</span> <strong>{e.title}</strong>
              {e.excluded ? <span class="excluded"> — left out: {listOf(names, e.excluded)}</span> : null}
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
