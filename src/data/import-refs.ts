/** The datasets the importers read, as sources cite them; and the one interval test they share. */
import type { Day } from '../model/day.js';

/** The standard reference of each dataset, as the imported facts cite it. */
export const REFS = {
  states: 'COW State System Membership v2016',
  nmc: 'COW National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972)',
  contiguity: 'COW Direct Contiguity v3.1',
  wars: 'COW Inter-State War Data v4.0 (Sarkees & Wayman 2010)',
  atop: 'ATOP 4.01 (Leeds, Ritter, Mitchell & Long 2002)',
  cshapes: 'CShapes 2.0 (Schvitz et al. 2022)',
} as const;

/** True when two half-open spans of days share a day. Pure. */
export const overlaps = (a: { from: Day; until: Day }, b: { from: Day; until: Day }) => a.from < b.until && b.from < a.until;
