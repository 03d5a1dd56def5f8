/** The game over HTTP: set up, play, replay, share, copy for a class, compare; bad input is a 4xx and stores nothing. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call } from '../server/support/app.js';

const crises = ['rhineland', 'munich'];

describe('/api/games', () => {
  // These games are the built-in scenario's: a server started on it (games on another are in ./scenario-api.test.ts).
  const store = new Store(':memory:');
  const app = testAppOn(store);

  it('plays a whole game on a worker thread: the event loop answers /api/health meanwhile', async () => {
    const game = call(app, 'POST', '/api/games', { power: 'RUS', finish: true });
    const waits: number[] = [];
    let done = false;
    void game.then(() => (done = true));
    while (!done) {
      const started = performance.now();
      expect((await call(app, 'GET', '/api/health')).status).toBe(200);
      waits.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await game).status).toBe(201);
    // Were the game on the event loop, the first health call would wait for it to end: several answered meanwhile.
    expect(waits.length).toBeGreaterThan(3);
  });

  it('sets up a game, plays moves and a crisis, and replays it the same from the store', async () => {
    const created = await call(app, 'POST', '/api/games', { power: 'RUS', start: '1933-01-01', seed: 7, crises, label: 'teacher' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/games/${created.body.id}`);
    expect(created.body).toMatchObject({ setup: { power: 'RUS', seed: 7, crises }, turns: [], finished: false, url: `/?view=play&game=${created.body.id}` });
    const id = created.body.id;

    const played = await call(app, 'POST', `/api/games/${id}/moves`, { moves: [{ move: 'propose', date: '1936-05-01', template: 'guarantee', with: ['CZE'] }, { move: 'next' }] });
    expect(played.status).toBe(200);
    expect(played.body.moves.map((m: { move: string }) => m.move)).toEqual(['next', 'propose', 'next']);
    expect(played.body.turns.map((t: { id: string }) => t.id)).toEqual(['rhineland', 'munich']);
    expect(played.body.turns[1].player.mustAct).toBe(true);
    expect(played.body.finished).toBe(true);

    // A fresh app on the same store replays from setup and moves alone.
    const again = await call(testAppOn(store), 'GET', `/api/games/${id}`);
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(played.body));
  });

  it('copies a teacher\'s setup for each student and compares their games side by side', async () => {
    const teacher = (await call(app, 'POST', '/api/games', { crises, seed: 3, label: 'class 4b' })).body;
    const anna = (await call(app, 'POST', '/api/games', { from: teacher.id, label: 'Anna', moves: [{ move: 'propose', date: '1936-05-01', template: 'guarantee', with: ['CZE'] }], finish: true })).body;
    const ben = (await call(app, 'POST', '/api/games', { from: teacher.id, label: 'Ben', finish: true })).body;
    expect(anna.setup).toEqual(teacher.setup);
    const list = await call(app, 'GET', `/api/games?from=${teacher.id}`);
    expect(list.body.games.map((g: { label: string }) => g.label)).toEqual(['Anna', 'Ben']);
    const compared = await call(app, 'GET', `/api/games/compare?ids=${anna.id},${ben.id}`);
    expect(compared.status).toBe(200);
    const [a, b] = compared.body.games;
    expect(a.turns.find((t: { id: string }) => t.id === 'munich').bound).toBe(true);
    expect(b.turns.find((t: { id: string }) => t.id === 'munich').bound).toBe(false);
  });

  it('refuses bad input with a 4xx that says what, and stores nothing', async () => {
    const before = (await call(app, 'GET', '/api/games')).body.games.length;
    const unknown = await call(app, 'POST', '/api/games', { power: 'XYZ' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatch(/power: "XYZ" is not a state/);
    const badDay = await call(app, 'POST', '/api/games', { start: '1936-02-30' });
    expect(badDay.status).toBe(400);
    expect(badDay.body.error).toMatch(/start: 1936-02-30 does not exist/);
    const badMove = await call(app, 'POST', '/api/games', { moves: [{ move: 'propose', date: '1934-01-01', template: 'alliance', with: ['POL'] }] });
    expect(badMove.status).toBe(400);
    expect((await call(app, 'GET', '/api/games')).body.games.length).toBe(before);

    const game = (await call(app, 'POST', '/api/games', { crises })).body;
    const outOfTurn = await call(app, 'POST', `/api/games/${game.id}/moves`, { moves: [{ move: 'stance', crisis: 'rhineland', stance: 'refrain' }] });
    expect(outOfTurn.status).toBe(422);
    expect(outOfTurn.body.error).toMatch(/only an attacker can refrain/);
    expect((await call(app, 'GET', `/api/games/${game.id}`)).body.moves).toEqual([]);
    expect((await call(app, 'GET', '/api/games/nosuchgame')).status).toBe(404);
  });

  it('the store\'s schema has the games migration, numbered 5', () => {
    expect(store.version()).toBeGreaterThanOrEqual(5);
    expect((store.db.prepare('SELECT version FROM migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toContain(5);
  });
});

/** An app on the built-in scenario over a store; another over the same store is the server after a restart. */
function testAppOn(store: Store) {
  return createApp({ store });
}
