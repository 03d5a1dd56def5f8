/**
 * The Play view: set up a game (power, start, seed, crises), make moves between the crises, resolve
 * each crisis and read its debrief; the URL (?view=play&game=ID) shares the game, and
 * ?view=play&compare=A,B sets games side by side.
 */
import { useEffect, useState } from 'preact/hooks';
import { PlayMoves } from './PlayMoves.js';
import { PlayTurn } from './PlayTurn.js';
import { playApi, type Comparison, type GameView, type Move, type TurnSpec } from './playApi.js';

const pct = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${(p * 100).toFixed(1)}%`);

function go(params: Record<string, string>) {
  history.pushState(null, '', `/?${new URLSearchParams({ view: 'play', ...params })}`);
}

export function Play() {
  const params = new URLSearchParams(location.search);
  const [gameId, setGameId] = useState(params.get('game') ?? undefined);
  const [game, setGame] = useState<GameView | undefined>();
  const [turns, setTurns] = useState<TurnSpec[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const compare = params.get('compare');

  useEffect(() => {
    playApi.turns().then((t) => setTurns(t.turns), (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (gameId) playApi.get(gameId).then(setGame, (e: Error) => setError(e.message));
  }, [gameId]);

  const run = async (work: () => Promise<GameView>) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await work();
      setGame(next);
      if (next.id !== gameId) {
        setGameId(next.id);
        go({ game: next.id });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const play = (moves: Move[]) => game && run(() => playApi.play(game.id, moves));

  return (
    <div class="app play">
      <header>
        <h1>
          casus <span>play a power between the crises</span>
        </h1>
        <a href="/">Explorer</a>
      </header>
      <main class="play-main">
        {error ? (
          <p class="error" role="alert" data-testid="play-error">
            {error}
          </p>
        ) : null}
        {compare ? (
          <Compare ids={compare.split(',')} />
        ) : game ? (
          <>
            <Game game={game} turns={turns} busy={busy} play={play} />
            <Classroom game={game} busy={busy} copy={(label) => run(() => playApi.create({ from: game.id, label }))} />
          </>
        ) : (
          <Setup turns={turns} busy={busy} start={(s) => run(() => playApi.create(s))} />
        )}
      </main>
    </div>
  );
}

function Setup({ turns, busy, start }: { turns: TurnSpec[]; busy: boolean; start: (s: Parameters<typeof playApi.create>[0]) => void }) {
  const [power, setPower] = useState('RUS');
  const [day, setDay] = useState('1933-01-01');
  const [seed, setSeed] = useState(1);
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<Set<string> | undefined>();
  const crises = chosen ?? new Set(turns.map((t) => t.id));
  return (
    <form
      class="play-setup"
      onSubmit={(e) => {
        e.preventDefault();
        start({ power: power.trim().toUpperCase(), start: day, seed, crises: [...crises], ...(label ? { label } : {}) });
      }}
    >
      <h2>Set up a game</h2>
      <label>
        Power <input value={power} onInput={(e) => setPower(e.currentTarget.value)} data-testid="setup-power" size={5} />
      </label>
      <label>
        From <input type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} data-testid="setup-start" />
      </label>
      <label>
        Seed <input type="number" min={0} value={seed} onInput={(e) => setSeed(Number(e.currentTarget.value))} data-testid="setup-seed" />
      </label>
      <label>
        Name <input value={label} onInput={(e) => setLabel(e.currentTarget.value)} placeholder="optional" />
      </label>
      <fieldset>
        <legend>Crises</legend>
        {turns.map((t) => (
          <label key={t.id} class="crisis-choice">
            <input
              type="checkbox"
              checked={crises.has(t.id)}
              data-testid={`crisis-${t.id}`}
              onChange={(e) => {
                const next = new Set(crises);
                if (e.currentTarget.checked) next.add(t.id);
                else next.delete(t.id);
                setChosen(next);
              }}
            />
            {t.date} {t.title}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || crises.size === 0} data-testid="setup-start-game">
        Start the game
      </button>
    </form>
  );
}

function Game({ game, turns, busy, play }: { game: GameView; turns: TurnSpec[]; busy: boolean; play: (moves: Move[]) => void }) {
  const played = turns.filter((t) => !game.setup.crises || game.setup.crises.includes(t.id));
  const next = played[game.turns.length];
  const g = game.grades;
  return (
    <div class="play-game">
      <section class="play-status">
        <h2>
          {game.setup.power} from {game.setup.start} <small>seed {game.setup.seed}</small>
        </h2>
        <p>
          Share: <a href={game.url} data-testid="share">{location.origin + game.url}</a>
        </p>
        <dl class="grades" data-testid="grades">
          <dt>Alone against the attacker</dt>
          <dd>
            {pct(g.security)} (record {pct(g.historicalSecurity)})
          </dd>
          <dt>Credibility</dt>
          <dd>{g.credibility === null ? 'no obligation fell due' : pct(g.credibility)}</dd>
          <dt>Cost</dt>
          <dd>
            {g.cost} · {g.wars} wars, {g.deterred} deterred
          </dd>
        </dl>
        {next ? (
          <div class="next-crisis" data-testid="next-crisis">
            <p>
              Next crisis: <strong>{next.title}</strong> on {next.date}
            </p>
            <button class="active" disabled={busy} onClick={() => play([{ move: 'next' }])} data-testid="resolve-next">
              Resolve this crisis
            </button>
          </div>
        ) : (
          <p data-testid="game-over">Every crisis has been played.</p>
        )}
      </section>
      {next ? <PlayMoves game={game} next={next} busy={busy} play={play} /> : null}
      <section class="play-log">
        <h2>Moves</h2>
        <ol data-testid="log">
          {game.log
            .filter((l) => l.move.move !== 'next')
            .map((l) => (
              <li key={l.index} class={`outcome-${l.outcome}`}>
                {l.text}
              </li>
            ))}
        </ol>
      </section>
      <section class="play-turns">
        {[...game.turns].reverse().map((t) => (
          <PlayTurn key={t.id} turn={t} power={game.setup.power} />
        ))}
      </section>
    </div>
  );
}

/** For a teacher: copy this game's setup for a student, or set games side by side. */
function Classroom({ game, busy, copy }: { game: GameView; busy: boolean; copy: (label: string) => void }) {
  const [label, setLabel] = useState('');
  const [others, setOthers] = useState('');
  return (
    <section class="play-classroom">
      <h2>Class</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          copy(label || 'student');
        }}
      >
        <input value={label} onInput={(e) => setLabel(e.currentTarget.value)} placeholder="student's name" aria-label="Student's name" data-testid="copy-label" />
        <button type="submit" disabled={busy} data-testid="copy-game">
          New game with this setup
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          location.assign(`/?${new URLSearchParams({ view: 'play', compare: [game.id, ...others.split(/[\s,]+/).filter(Boolean)].join(',') })}`);
        }}
      >
        <input value={others} onInput={(e) => setOthers(e.currentTarget.value)} placeholder="other game ids" aria-label="Games to compare" data-testid="compare-ids" />
        <button type="submit" data-testid="compare-go">
          Compare
        </button>
      </form>
    </section>
  );
}

function Compare({ ids }: { ids: string[] }) {
  const [data, setData] = useState<Comparison | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    playApi.compare(ids).then(setData, (e: Error) => setError(e.message));
  }, [ids.join()]);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const crises = data.games[0]?.turns.map((t) => t.id) ?? [];
  return (
    <table class="compare" data-testid="compare">
      <thead>
        <tr>
          <th>crisis</th>
          {data.games.map((g) => (
            <th key={g.id}>{g.label ?? g.id}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {crises.map((c) => (
          <tr key={c}>
            <td>{c}</td>
            {data.games.map((g) => {
              const t = g.turns.find((x) => x.id === c);
              return <td key={g.id}>{t ? `${t.status}, P(det) ${pct(t.deterrence)}${t.bound ? ', bound' : ''}` : '—'}</td>;
            })}
          </tr>
        ))}
        <tr>
          <td>grades</td>
          {data.games.map((g) => (
            <td key={g.id}>
              alone {pct(g.grades.security)}, credibility {pct(g.grades.credibility)}, cost {g.grades.cost}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
