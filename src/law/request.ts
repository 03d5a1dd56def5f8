/**
 * A request (model/request.ts) as the resolver takes it: states looked up by id or name, then split
 * into the act and the assumptions around it. The one place the faces (CLI, server) do this.
 */
import type { ActRequest } from '../model/request.js';
import { actWithStateIds, type Named } from '../world/names.js';
import type { Act, Assumptions } from './types.js';

/** The act and its assumptions for a request. Throws QueryError naming a state it cannot find. Pure. */
export function actQueryOf(actors: readonly Named[], request: ActRequest): { act: Act; assumptions: Assumptions } {
  const { attackers, target, date, theatre, kind, abstain, transit, leagueFinding, provoked, readings } = actWithStateIds(actors, request);
  return { act: { attackers, target, date, theatre, kind }, assumptions: { abstain, transit, leagueFinding, provoked, readings } };
}
