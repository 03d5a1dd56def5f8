/** The views beside the map, and what each is given to draw itself. */
import type { JSX } from 'preact';
import { AlignmentDrift } from './AlignmentDrift.js';
import type { CasePreset, RegisterEntry, Resolution, TimelineEntry, World } from './api.js';
import { Events } from './Events.js';
import { Glossary } from './Glossary.js';
import { Lab } from './Lab.js';
import type { HistoryMode } from './nav.js';
import { Network } from './Network.js';
import { Readings } from './Readings.js';
import type { ViewState } from './url.js';

/** What a view is given to draw itself. */
export interface ViewContext {
  scenario: string;
  world: World | undefined;
  view: ViewState;
  setView: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
  resolution: Resolution | undefined;
  resolveError: string | undefined;
  cases: CasePreset[];
  entries: TimelineEntry[];
  highlight: Set<string>;
  openTreaty: (id: string) => void;
  readings: RegisterEntry[] | undefined;
}

/** The views beside the map, in tab order. A new view is one entry here. */
export const VIEWS: { id: string; label: string; render: (c: ViewContext) => JSX.Element | null }[] = [
  { id: 'network', label: 'Treaty network', render: (c) => <Network world={c.world} onTreaty={c.openTreaty} highlight={c.highlight} /> },
  {
    id: 'lab',
    label: 'Crisis lab',
    render: (c) => <Lab scenario={c.scenario} world={c.world} view={c.view} setView={c.setView} resolution={c.resolution} resolveError={c.resolveError} cases={c.cases} entries={c.entries} onTreaty={c.openTreaty} />,
  },
  {
    id: 'events',
    label: 'Events & sources',
    render: (c) => (
      <Events day={c.view.day} entries={c.entries} onCrisis={(e) => c.setView({ tab: 'lab', day: e.date, attacker: e.actors[0], target: e.actors[e.actors.length - 1], abstain: [], transit: [] })} />
    ),
  },
  { id: 'readings', label: 'Readings', render: (c) => <Readings readings={c.readings} onTreaty={c.openTreaty} /> },
  { id: 'alignment', label: 'Alignment', render: (c) => <AlignmentDrift scenario={c.scenario} /> },
  { id: 'glossary', label: 'Glossary', render: () => <Glossary /> },
];
