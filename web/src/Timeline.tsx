/** The timeline: a slider over every day of the scenario, its events as ticks, and the events of the moment with their sources. */
import type { TimelineEntry } from './api.js';
import { dayAt, dayIndex } from './days.js';
import { longDate } from './format.js';

const TICK_COLOURS: Record<string, string> = {
  aggression: '#c0392b',
  annexation: '#c0392b',
  occupation: '#c0392b',
  war: '#8e1b3a',
  'border-clash': '#e67e22',
  'treaty-signed': '#1f6fb2',
  'treaty-in-force': '#1f6fb2',
  'treaty-denounced': '#7f8c8d',
  'treaty-superseded': '#7f8c8d',
  'treaty-ended': '#7f8c8d',
  conference: '#9b6fc3',
};

/** The entries worth a tick: events, and treaty signatures (memberships would drown the strip). */
export function isMajor(e: TimelineEntry): boolean {
  return !['joins', 'leaves', 'notice', 'treaty-in-force', 'treaty-superseded', 'treaty-ended'].includes(e.kind);
}

interface Props {
  span: { from: string; until: string };
  day: string;
  entries: TimelineEntry[];
  onDay: (day: string) => void;
}

export function Timeline({ span, day, entries, onDay }: Props) {
  const last = dayIndex(span.from, span.until) - 1;
  const index = dayIndex(span.from, day);
  const major = entries.filter(isMajor);
  const previous = [...major].reverse().find((e) => e.date < day);
  const next = major.find((e) => e.date > day);
  const years: string[] = [];
  for (let y = Number(span.from.slice(0, 4)); y <= Number(span.until.slice(0, 4)); y++) if (`${y}-01-01` >= span.from && `${y}-01-01` < span.until) years.push(`${y}-01-01`);
  const x = (d: string) => (100 * dayIndex(span.from, d)) / last;

  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-head">
        <button onClick={() => previous && onDay(previous.date)} disabled={!previous} title={previous ? `${previous.date}: ${previous.title}` : ''} data-testid="prev-event">
          ◀ previous event
        </button>
        <h2 data-testid="day">{longDate(day)}</h2>
        <input type="date" value={day} min={span.from} max={dayAt(span.from, last)} onChange={(e) => e.currentTarget.value && onDay(e.currentTarget.value)} aria-label="Day" data-testid="date" />
        <button onClick={() => next && onDay(next.date)} disabled={!next} title={next ? `${next.date}: ${next.title}` : ''} data-testid="next-event">
          next event ▶
        </button>
      </div>
      <div class="strip">
        {years.map((y) => (
          <span key={y} class="year" style={{ left: `${x(y)}%` }}>
            {y.slice(0, 4)}
          </span>
        ))}
        {major.map((e, i) => (
          <button
            key={`${e.ref}-${e.kind}-${i}`}
            class={`tick${e.date === day ? ' current' : ''}`}
            style={{ left: `${x(e.date)}%`, background: TICK_COLOURS[e.kind] ?? '#607d8b' }}
            title={`${e.date}: ${e.title}`}
            onClick={() => onDay(e.date)}
            aria-label={`${e.date}: ${e.title}`}
          />
        ))}
      </div>
      <input
        type="range"
        class="scrub"
        min={0}
        max={last}
        value={index}
        onInput={(e) => onDay(dayAt(span.from, Number(e.currentTarget.value)))}
        aria-label="Scrub through the years"
        data-testid="scrub"
      />
    </section>
  );
}
