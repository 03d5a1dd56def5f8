/** The catalogue of historical crises (scenarios/<id>/cases.yaml), offered to the crisis lab as presets. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseQuery, parseCatalogue } from '../law/catalogue.js';
import type { Assumptions } from '../law/types.js';
import type { ActKind, Sources } from '../model/schema.js';

/** A crisis as the lab offers it. */
export interface CasePreset {
  id: string;
  title: string;
  date: string;
  attackers: string[];
  target: string;
  theatre?: string | undefined;
  kind?: ActKind | undefined;
  assumptions: Assumptions;
  source: Sources;
  note?: string | undefined;
}

const cache = new Map<string, CasePreset[]>();

/** The cases of a built-in scenario, read once; an empty list when it has none. Throws ScenarioError when the catalogue is broken. */
export function loadCases(scenarioId: string): CasePreset[] {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(scenarioId)) return [];
  const cached = cache.get(scenarioId);
  if (cached) return cached;
  const file = fileURLToPath(new URL(`../../scenarios/${scenarioId}/cases.yaml`, import.meta.url));
  const cases = existsSync(file)
    ? parseCatalogue(readFileSync(file, 'utf8'), `scenarios/${scenarioId}/cases.yaml`).map((c): CasePreset => {
        const { act, assumptions } = caseQuery(c);
        return { id: c.id, title: c.title, date: act.date, attackers: act.attackers, target: act.target, theatre: act.theatre, kind: act.kind, assumptions, source: c.source, note: c.note };
      })
    : [];
  cache.set(scenarioId, cases);
  return cases;
}
