/** The moves a player makes between two crises, as small forms; each sends one move and shows the answer in the log. */
import { useState } from 'preact/hooks';
import type { GameView, Move, TurnSpec } from './playApi.js';

const TEMPLATES = ['nonaggression', 'neutrality', 'consultation', 'mutual-assistance', 'guarantee'] as const;
const ids = (text: string) => text.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);

export function PlayMoves({ game, next, busy, play }: { game: GameView; next: TurnSpec; busy: boolean; play: (moves: Move[]) => void }) {
  const [date, setDate] = useState(game.day);
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number]>('guarantee');
  const [partners, setPartners] = useState('');
  const [transit, setTransit] = useState('');
  const [against, setAgainst] = useState('');
  const [after, setAfter] = useState('');
  const [league, setLeague] = useState(false);
  const [other, setOther] = useState('');
  const day = date < game.day ? game.day : date;
  const terms = { ...(against ? { adversary: ids(against) } : {}), ...(after ? { priorAction: ids(after) } : {}), ...(league ? { leagueFinding: true } : {}) };
  const power = game.setup.power;
  const isAttacker = next.attackers.includes(power);
  return (
    <section class="play-moves">
      <h2>Your moves before {next.date}</h2>
      <label>
        Day <input type="date" value={day} min={game.day} onInput={(e) => setDate(e.currentTarget.value)} data-testid="move-date" />
      </label>
      <form
        class="move"
        onSubmit={(e) => {
          e.preventDefault();
          play([{ move: 'propose', date: day, template, with: ids(partners), ...(Object.keys(terms).length ? { terms } : {}), ...(transit ? { transit: transit as 'to-me' } : {}) }]);
        }}
      >
        <h3>Propose a treaty</h3>
        <select value={template} onChange={(e) => setTemplate(e.currentTarget.value as typeof template)} data-testid="move-template" aria-label="Template">
          {TEMPLATES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <input value={partners} onInput={(e) => setPartners(e.currentTarget.value)} placeholder="with: CZE, FRN" aria-label="Partners" data-testid="move-partners" />
        <select value={transit} onChange={(e) => setTransit(e.currentTarget.value)} aria-label="Transit clause">
          <option value="">no transit clause</option>
          <option value="to-me">they let my forces pass</option>
          <option value="from-me">I let theirs pass</option>
          <option value="both">both ways</option>
        </select>
        {template === 'mutual-assistance' || template === 'guarantee' ? (
          <span class="terms">
            <input value={against} onInput={(e) => setAgainst(e.currentTarget.value)} placeholder="only against: GMY" aria-label="Only against" />
            <input value={after} onInput={(e) => setAfter(e.currentTarget.value)} placeholder="only after: FRN" aria-label="Only after" />
            <label>
              <input type="checkbox" checked={league} onChange={(e) => setLeague(e.currentTarget.checked)} /> after a League finding
            </label>
          </span>
        ) : null}
        <button type="submit" disabled={busy || !partners.trim()} data-testid="move-propose">
          Propose
        </button>
      </form>
      <div class="move quick">
        <h3>Other moves</h3>
        <input value={other} onInput={(e) => setOther(e.currentTarget.value)} placeholder="state or treaty id" aria-label="State or treaty" data-testid="move-other" />
        <button disabled={busy || !other} onClick={() => play([{ move: 'transit', date: day, action: 'ask', state: other.trim().toUpperCase() }])}>
          Ask transit
        </button>
        <button disabled={busy || !other} onClick={() => play([{ move: 'transit', date: day, action: 'grant', state: other.trim().toUpperCase() }])}>
          Grant transit
        </button>
        <button disabled={busy || !other} onClick={() => play([{ move: 'denounce', date: day, treaty: other.trim() }])}>
          Denounce treaty
        </button>
        <button disabled={busy} onClick={() => play([{ move: 'league', date: day, action: 'join' }])}>
          Join the League
        </button>
        <button disabled={busy} onClick={() => play([{ move: 'league', date: day, action: 'leave' }])}>
          Leave the League
        </button>
        <select aria-label="Readiness" disabled={busy} onChange={(e) => e.currentTarget.value && play([{ move: 'readiness', date: day, level: e.currentTarget.value as 'alert' }])} value="">
          <option value="">readiness…</option>
          {['reduced', 'normal', 'alert', 'mobilised'].map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div class="move quick">
        <h3>In the crisis</h3>
        <button disabled={busy} onClick={() => play([{ move: 'vote', crisis: next.id, finding: true }])}>
          Vote: aggression
        </button>
        <button disabled={busy} onClick={() => play([{ move: 'vote', crisis: next.id, finding: false }])}>
          Vote: no finding
        </button>
        <button disabled={busy || isAttacker} onClick={() => play([{ move: 'stance', crisis: next.id, stance: 'abstain' }])}>
          Abstain
        </button>
        {isAttacker ? (
          <button disabled={busy} onClick={() => play([{ move: 'stance', crisis: next.id, stance: 'refrain' }])}>
            Refrain from the act
          </button>
        ) : null}
      </div>
    </section>
  );
}
