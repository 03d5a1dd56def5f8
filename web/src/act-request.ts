/** The act request the explorer sends, built once from the address's state for the lab (resolve) and the simulation. */
import type { ActRequest } from './api.js';
import type { ViewState } from './url.js';

/** The server's request for an act on a day, with the assumptions the address holds. Pure. */
export function actRequestOf(view: Pick<ViewState, 'abstain' | 'transit' | 'kind' | 'leagueFinding' | 'provoked'>, act: { attackers: string[]; target: string; date: string }): ActRequest {
  return {
    attackers: act.attackers,
    target: act.target,
    date: act.date,
    abstain: view.abstain,
    transit: view.transit.map((t) => ({ grantor: t.split(':')[0]!, grantee: t.split(':')[1]! })),
    // The address keeps only known kinds (url.ts); the server checks again.
    ...(view.kind ? { kind: view.kind as ActRequest['kind'] } : {}),
    ...(view.leagueFinding ? { leagueFinding: view.leagueFinding } : {}),
    provoked: view.provoked,
  };
}
