/**
 * The timeline: the day in words, a date box, previous and next event, a slider over every day
 * of the scenario, and the events as a list with one tab stop: arrow keys move from event to
 * event (Home and End to the first and last), a click on the strip picks the nearest.
 */
import { useRef } from 'preact/hooks';
import type { TimelineEntry } from './api.js';
import { dayAt, dayIndex, longDate } from './days.js';
import type { HistoryMode } from './nav.js';

const TICK_COLOURS: Record<string, string> = {
  aggression: '#D55E00',
  annexation: '#D55E00',
  occupation: '#D55E00',
  war: '#8e1b3a',
  'border-clash': '#E69F00',
  'treaty-signed': '#0072B2',
  'treaty-in-force': '#0072B2',
  'treaty-denounced': '#7f8c8d',
  'treaty-superseded': '#7f8c8d',
  'treaty-ended': '#7f8c8d',
  conference: '#CC79A7',
};

/** The entries worth a tick: events, and treaty signatures (memberships would drown the strip). */
export function isMajor(e: TimelineEntry): boolean {
  return !['joins', 'leaves', 'notice', 'treaty-in-force', 'treaty-superseded', 'treaty-ended'].includes(e.kind);
}

interface Props {
  span: { from: string; until: string };
  day: string;
  entries: TimelineEntry[];
  onDay: (day: string, mode?: HistoryMode) => void;
  /** A day typed in the box, checked by the caller. */
  onDayText: (text: string) => void;
}

export function Timeline({ span, day, entries, onDay, onDayText }: Props) {
  const last = dayIndex(span.from, span.until) - 1;
  const index = dayIndex(span.from, day);
  const major = entries.filter(isMajor);
  const previous = [...major].reverse().find((e) => e.date < day);
  const next = major.find((e) => e.date > day);
  const years: string[] = [];
  for (let y = Number(span.from.slice(0, 4)); y <= Number(span.until.slice(0, 4)); y++) if (`${y}-01-01` >= span.from && `${y}-01-01` < span.until) years.push(`${y}-01-01`);
  const x = (d: string) => (100 * dayIndex(span.from, d)) / last;
  // The event the list's focus is on: the last one on or before the day.
  const active = [...major].reverse().find((e) => e.date <= day) ?? major[0];
  const activeIndex = active ? major.indexOf(active) : -1;
  const dragging = useRef(false);
  const onKey = (e: KeyboardEvent) => {
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? activeIndex + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? activeIndex - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? major.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const target = major[Math.max(0, Math.min(major.length - 1, to))];
    if (target) onDay(target.date);
  };
  const onStripClick = (e: MouseEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const share = (e.clientX - box.left) / box.width;
    const nearest = major.reduce<TimelineEntry | undefined>((best, m) => (!best || Math.abs(x(m.date) / 100 - share) < Math.abs(x(best.date) / 100 - share) ? m : best), undefined);
    if (nearest) onDay(nearest.date);
  };

  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-head">
        <button onClick={() => previous && onDay(previous.date)} disabled={!previous} title={previous ? `${previous.date}: ${previous.title}` : ''} data-testid="prev-event">
          ◀ <span class="wide-only">previous event</span>
          <span class="sr-only wide-hidden">previous event</span>
        </button>
        <h2 data-testid="day" aria-live="polite">
          {longDate(day)}
        </h2>
        <input
          type="date"
          value={day}
          min={span.from}
          max={dayAt(span.from, last)}
          onChange={(e) => e.currentTarget.value && onDayText(e.currentTarget.value)}
          aria-label="Go to a day"
          data-testid="date"
        />
        <button onClick={() => next && onDay(next.date)} disabled={!next} title={next ? `${next.date}: ${next.title}` : ''} data-testid="next-event">
          <span class="wide-only">next event</span>
          <span class="sr-only wide-hidden">next event</span> ▶
        </button>
      </div>
      <div
        class="strip"
        role="listbox"
        tabIndex={0}
        aria-label="Events of the decade: arrow keys move from event to event"
        aria-activedescendant={active ? `tick-${activeIndex}` : undefined}
        onKeyDown={onKey}
        onClick={onStripClick}
        data-testid="event-strip"
      >
        {years.map((y) => (
          <span key={y} class="year" style={{ left: `${x(y)}%` }} aria-hidden="true">
            {y.slice(0, 4)}
          </span>
        ))}
        {major.map((e, i) => (
          <div
            key={`${e.ref}-${e.kind}-${i}`}
            id={`tick-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            class={`tick${e.date === day ? ' current' : ''}`}
            style={{ left: `${x(e.date)}%`, background: TICK_COLOURS[e.kind] ?? '#607d8b' }}
            title={`${e.date}: ${e.title}`}
            aria-label={`${longDate(e.date)}: ${e.title}`}
          />
        ))}
      </div>
      <input
        type="range"
        class="scrub"
        min={0}
        max={last}
        value={index}
        // One history entry per drag: the first move adds it, the rest replace it.
        onInput={(e) => {
          onDay(dayAt(span.from, Number(e.currentTarget.value)), dragging.current ? 'replace' : 'push');
          dragging.current = true;
        }}
        onChange={() => (dragging.current = false)}
        aria-label="Scrub through the years"
        aria-valuetext={longDate(day)}
        data-testid="scrub"
      />
    </section>
  );
}
