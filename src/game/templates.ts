/**
 * Treaty templates: the treaties a player may propose, written as the scenario's own treaties so
 * that the resolver reads them like any other. A template refuses what it cannot express. Pure.
 */
import { QueryError } from '../model/errors.js';
import type { Condition, Provision, Treaty } from '../model/schema.js';
import type { Move, Template, Terms } from './moves.js';

const NAMES: Record<Template, string> = {
  nonaggression: 'Treaty of Nonaggression',
  neutrality: 'Treaty of Neutrality',
  consultation: 'Consultation Pact',
  'mutual-assistance': 'Treaty of Mutual Assistance',
  guarantee: 'Guarantee',
};

/** Which terms each template can carry: restraints take none but `unprovoked` for neutrality (as in the Soviet-German treaty of 1926). */
const ALLOWED: Record<Template, readonly (keyof Terms)[]> = {
  nonaggression: [],
  neutrality: ['unprovoked'],
  consultation: [],
  'mutual-assistance': ['adversary', 'location', 'priorAction', 'leagueFinding', 'unprovoked'],
  guarantee: ['adversary', 'location', 'priorAction', 'leagueFinding', 'unprovoked'],
};

/** The law's conditions for a set of terms. Throws QueryError for terms the template cannot carry. Pure. */
export function conditionsOf(template: Template, terms: Terms | undefined, where: string): Condition[] {
  const conditions: Condition[] = [];
  for (const [key, value] of Object.entries(terms ?? {}) as [keyof Terms, unknown][]) {
    if (value === undefined || value === false) continue;
    if (!ALLOWED[template].includes(key)) {
      throw new QueryError(`${where}: a ${template} treaty cannot express the term "${key}"${ALLOWED[template].length ? ` (it takes ${ALLOWED[template].join(', ')})` : ' (it takes no terms)'}`);
    }
  }
  if (terms?.adversary) conditions.push({ type: 'adversary', states: terms.adversary });
  if (terms?.location) {
    if (!terms.location.states.length && !terms.location.territories.length) throw new QueryError(`${where}: a location term needs states or territories`);
    conditions.push({ type: 'location', states: terms.location.states, territories: terms.location.territories });
  }
  if (terms?.priorAction) conditions.push({ type: 'prior-action', by: terms.priorAction });
  if (terms?.leagueFinding) conditions.push({ type: 'league-finding' });
  if (terms?.unprovoked) conditions.push({ type: 'unprovoked' });
  return conditions;
}

/** The treaty a proposal makes, with the id given. Throws QueryError when the template cannot express it. Pure. */
export function treatyOf(move: Extract<Move, { move: 'propose' }>, power: string, id: string, moveIndex: number): Treaty {
  const where = `move ${moveIndex + 1} (propose ${move.template})`;
  if (move.with.includes(power)) throw new QueryError(`${where}: ${power} cannot make a treaty with itself`);
  if (new Set(move.with).size !== move.with.length) throw new QueryError(`${where}: a partner is named twice`);
  const conditions = conditionsOf(move.template, move.terms, where);
  if (conditions.some((c) => c.type === 'prior-action' && c.by.includes(power))) throw new QueryError(`${where}: a state cannot make its own help wait on itself acting first`);
  const parties = [power, ...move.with];
  const provisions: Provision[] = [];
  switch (move.template) {
    case 'nonaggression':
      provisions.push({ id: 'nonaggression', kind: 'nonaggression', conditions: [], summary: 'The parties refrain from any aggression against one another.' });
      break;
    case 'neutrality':
      provisions.push({ id: 'neutrality', kind: 'neutrality', conditions, summary: 'If one party is attacked, the others stay neutral.' });
      break;
    case 'consultation':
      provisions.push({ id: 'consultation', kind: 'consultation', conditions: [], summary: 'The parties consult one another when peace is threatened.' });
      break;
    case 'mutual-assistance':
      provisions.push({ id: 'assistance', kind: 'defence', conditions, summary: 'If one party is attacked, the others come to its assistance at once.' });
      provisions.push({ id: 'nonaggression', kind: 'nonaggression', conditions: [], summary: 'The parties refrain from any aggression against one another.' });
      break;
    case 'guarantee':
      provisions.push({ id: 'guarantee', kind: 'guarantee', obliged: [power], beneficiaries: move.with, conditions, summary: `${power} guarantees the independence and integrity of ${move.with.join(', ')}.` });
      break;
  }
  if (move.transit === 'to-me' || move.transit === 'both') provisions.push({ id: 'transit-to', kind: 'transit', obliged: move.with, beneficiaries: [power], conditions: [], summary: `${move.with.join(', ')} let the forces of ${power} pass.` });
  if (move.transit === 'from-me' || move.transit === 'both') provisions.push({ id: 'transit-from', kind: 'transit', obliged: [power], beneficiaries: move.with, conditions: [], summary: `${power} lets the forces of ${move.with.join(', ')} pass.` });
  return {
    id,
    name: `${NAMES[move.template]} ${parties.join('–')} (played, ${move.date})`,
    parties,
    signed: move.date,
    secret: false,
    provisions,
    source: { parameter: `casus play: proposed by ${power} on ${move.date} (move ${moveIndex + 1}) from the ${move.template} template of docs/game.md, and accepted` },
  };
}
