/**
 * The teacher's what-if list for the crisis on screen: the changes drawn from it (the states that
 * could plausibly have acted, each with why and a source), simulated together and ranked by their
 * effect on deterrence with its interval.
 */
import type { Overlay, World } from './api.js';
import { overlaysOf, whatifSetFor, type Candidate } from './classroom.js';
import { WHATIF_SETS } from './classroom-data.js';
import { useNav } from './nav.js';
import { SourceView } from './Sources.js';

/** The teacher's set for an act as overlays, each with its candidate, or none. Pure apart from the built-in lists. */
export function teacherList(act: { attackers: string[]; target: string; date: string }, names: ReadonlyMap<string, string>, world: World | undefined) {
  const set = world ? whatifSetFor(WHATIF_SETS, act) : undefined;
  return set && world ? { set, items: overlaysOf(set, act.date, names, world) } : undefined;
}

interface Props {
  act: { attackers: string[]; target: string; date: string };
  world: World | undefined;
  running: boolean;
  onRank: (candidates: Overlay[]) => void;
}

export function TeacherWhatif({ act, world, running, onRank }: Props) {
  const { names } = useNav();
  const list = teacherList(act, names, world);
  if (!list) return null;
  return (
    <details class="teacher-whatif" data-testid="teacher-whatif">
      <summary>
        What if? The teacher’s list for {list.set.title} ({list.items.length} changes)
      </summary>
      <ul>
        {list.items.map(({ overlay, candidate }) => (
          <li key={overlay.id} data-testid={`teacher-${overlay.id}`}>
            <strong>{overlay.title}</strong> — {candidate.why}
            <SourceView source={candidate.source} />
          </li>
        ))}
      </ul>
      <button onClick={() => onRank(list.items.map((i) => i.overlay))} disabled={running} data-testid="run-teacher-whatif">
        Simulate each change of this list
      </button>
    </details>
  );
}

/** Why each candidate of the teacher's list was plausible, by overlay id, for the ranking's rows. */
export function teacherNotes(act: Props['act'], names: ReadonlyMap<string, string>, world: World | undefined): Map<string, Candidate> {
  return new Map((teacherList(act, names, world)?.items ?? []).map((i) => [i.overlay.id, i.candidate]));
}
