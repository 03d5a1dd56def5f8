/** What each state is in a crisis, for colouring the map and the tables. Pure. */
import type { Resolution } from './api.js';

export type Role = 'attacker' | 'target' | 'must-act' | 'must-act-no-reach' | 'conditional' | 'sanctions' | 'abstains' | 'bound-attacker' | 'other';

/** The role of every state named by the resolution; states not named are 'other'. */
export function rolesOf(resolution: Resolution | undefined): Map<string, Role> {
  const roles = new Map<string, Role>();
  if (!resolution) return roles;
  const abstaining = new Set(resolution.assumptions.abstain);
  for (const s of resolution.states) {
    const assistsAttacker = s.obligations.some((o) => o.kind === 'assist-attacker' && o.active);
    const assists = s.obligations.some((o) => o.kind === 'assist');
    // Owed by every League member once the League finds aggression: economic measures, not war.
    const sanctionsOnly = s.obligations.some((o) => o.kind === 'sanctions' && o.active) && !s.obligations.some((o) => o.active && (o.kind === 'assist' || o.kind === 'assist-attacker'));
    let role: Role = 'other';
    if (s.mustAct && assistsAttacker) role = 'bound-attacker';
    else if (s.mustAct && abstaining.has(s.state)) role = 'abstains';
    else if (s.mustAct && sanctionsOnly) role = 'sanctions';
    else if (s.mustAct) role = s.reach?.mode === 'none' ? 'must-act-no-reach' : 'must-act';
    else if (assists) role = 'conditional';
    roles.set(s.state, role);
  }
  for (const a of resolution.act.attackers) roles.set(a, 'attacker');
  roles.set(resolution.act.target, 'target');
  return roles;
}
