/** One crisis of a game as the Play view shows it: verdict, P(deterrence), the player's position, the debrief with its citations. */
import type { TurnView } from './playApi.js';

const pct = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${(p * 100).toFixed(1)}%`);

const STATUS: Record<string, string> = {
  war: 'War',
  deterred: 'Deterred',
  averted: 'Did not happen',
  refrained: 'You refrained',
  'outside-span': 'Outside the scenario',
  unresolvable: 'Cannot be resolved',
};

export function PlayTurn({ turn, power }: { turn: TurnView; power: string }) {
  const p = turn.player;
  const bound = (turn.states ?? []).filter((s) => s.mustAct && !turn.act.attackers.includes(s.state) && s.state !== turn.act.target);
  return (
    <article class={`play-turn status-${turn.status}`} data-testid={`turn-${turn.id}`}>
      <h3>
        <span class="date">{turn.act.date}</span> {turn.title} <span class="verdict" data-testid="verdict">{STATUS[turn.status] ?? turn.status}</span>
      </h3>
      <p class="why">{turn.why}</p>
      {turn.deterrence ? (
        <p>
          P(deterrence) <strong>{pct(turn.deterrence.p)}</strong> (95% CI {pct(turn.deterrence.ci[0])}–{pct(turn.deterrence.ci[1])})
          {turn.historicalDeterrence && turn.historicalDeterrence.p !== turn.deterrence.p ? <> · on the record {pct(turn.historicalDeterrence.p)}</> : null}
        </p>
      ) : null}
      {turn.states ? <p>Bound to act: {bound.length ? bound.map((s) => `${s.state}${s.reach ? ` (reach ${s.reach.mode})` : ''}`).join(', ') : 'nobody'}</p> : null}
      {p ? (
        <p data-testid="position">
          {power}: <strong>{p.mustAct ? 'bound to act' : 'not bound to act'}</strong>
          {p.reach ? `; reach ${p.reach.mode}${p.reach.refusedBy?.length ? ` (refused by ${p.reach.refusedBy.join(', ')})` : ''}` : ''}; alone against {turn.act.attackers.join(', ')}: {pct(p.security)} (record {pct(p.historicalSecurity)})
        </p>
      ) : null}
      {turn.debrief ? (
        <details open={turn.debrief.changes.length > 0}>
          <summary>Debrief</summary>
          <ul class="debrief" data-testid="debrief">
            {turn.debrief.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          {turn.debrief.citations.length ? (
            <ul class="citations">
              {turn.debrief.citations.map((c, i) => (
                <li key={i}>§ {c}</li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </article>
  );
}
