/** A game as lines for a person: each crisis with its verdict and debrief, the moves' answers, the grades. Pure. */
import { gradesOf } from './grade.js';
import type { GameState, TurnResult } from './state.js';

const pct = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${(p * 100).toFixed(1)}%`);

/** One crisis as lines. Pure. */
export function describeTurn(t: TurnResult, power: string): string[] {
  const act = `${t.act.attackers.join(', ')} → ${t.act.target}${t.act.theatre ? ` (${t.act.theatre})` : ''}`;
  const lines = [`── ${t.act.date}  ${t.title}  [${t.id}${t.case ? `, case ${t.case}` : ''}]`, `   ${act}: ${t.status.toUpperCase()}${t.beforeStart ? ' (before your start: as recorded)' : ''} — ${t.why}`];
  if (!t.states) return lines;
  if (t.deterrence) lines.push(`   P(deterrence) ${t.deterrence.p.toFixed(4)}  95% CI [${t.deterrence.ci[0].toFixed(4)}, ${t.deterrence.ci[1].toFixed(4)}]${t.historicalDeterrence && t.historicalDeterrence.p !== t.deterrence.p ? `; on the record ${t.historicalDeterrence.p.toFixed(4)}` : ''}`);
  const bound = t.states.filter((s) => s.mustAct && !t.act.attackers.includes(s.state) && s.state !== t.act.target);
  lines.push(`   Bound to act: ${bound.length ? bound.map((s) => `${s.state}${s.reach ? ` (reach ${s.reach.mode})` : ''}`).join(', ') : 'nobody'}`);
  const p = t.player;
  if (p) {
    const mine = p.obligations.filter((o) => o.kind === 'assist' || o.kind === 'sanctions' || o.kind === 'assist-attacker');
    lines.push(`   ${power}: ${p.mustAct ? 'bound to act' : 'not bound to act'}${p.reach ? `; reach ${p.reach.mode}${p.reach.refusedBy?.length ? ` (refused by ${p.reach.refusedBy.join(', ')})` : ''}` : ''}; alone against ${t.act.attackers.join(', ')}: ${pct(p.security)} (record ${pct(p.historicalSecurity)})`);
    for (const o of mine) lines.push(`     ${o.active ? '•' : '◦'} ${o.kind} ${o.toward} under ${o.treaty}${o.article ? ` ${o.article}` : ''}${o.active ? '' : ` [${o.conditions.filter((c) => c.status !== 'met').map((c) => `${c.type} ${c.status}`).join(', ')}]`}`);
    for (const b of p.breaches) lines.push(`     ✗ breach: ${b.why}`);
  }
  if (t.debrief) {
    lines.push('   Debrief:');
    for (const l of t.debrief.lines) lines.push(`     ${l}`);
    for (const c of t.debrief.citations) lines.push(`     § ${c}`);
  }
  return lines;
}

/** A whole game as lines. Pure. */
export function describeGame(state: GameState): string[] {
  const { setup } = state;
  const lines = [`casus play: ${setup.power} from ${setup.start}, seed ${setup.seed}, scenario ${setup.scenario}`, ''];
  let shown = 0;
  for (const entry of state.log) {
    if (entry.move.move === 'next') {
      const t = state.turns[shown++];
      if (t) lines.push(...describeTurn(t, setup.power), '');
    } else lines.push(`   move: ${entry.text}`);
  }
  const g = gradesOf(state);
  lines.push(
    'Grades',
    `  security     alone against the attacker ${pct(g.security)} on average (record ${pct(g.historicalSecurity)}); lower is safer`,
    `  credibility  ${g.credibility === null ? 'no obligation fell due' : `${pct(g.credibility)} honoured (weights ${g.honoured} honoured, ${g.breached} breached)`}`,
    `  cost         ${g.cost} (readiness-years, sanctions, wars); ${g.wars} wars, ${g.deterred} deterred`,
  );
  return lines;
}
