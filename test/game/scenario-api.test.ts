/**
 * Games on the scenario the server was given, not the built-in one: set up with its id and hash,
 * replayed on it, refused (409) once the server no longer holds that very scenario.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { call, FIXTURE } from '../server/support/app.js';

/**
 * The server tests' small Central Europe of 1938, with the Sudetenland the Munich turn is fought over
 * (test data: two treaties bind France and the USSR to Czechoslovakia, no League, no Italy).
 */
const SMALL = readFileSync(FIXTURE, 'utf8')
  .replace(/^territories:\n/m, 'territories:\n  - { id: sudetenland, name: Sudetenland, control: [{ controller: CZE, source: { ref: test } }], source: { ref: test } }\n')
  .replace(/^adjacency:\n/m, 'adjacency:\n  - { between: [germany, sudetenland], source: { ref: test } }\n  - { between: [sudetenland, bohemia], source: { ref: test } }\n');

const appOn = (store: Store, text = SMALL) => createApp({ store, builtIn: parseScenario(text, 'small.yaml') });

/** The same scenario without the Franco-Czechoslovak treaty, under another id. */
const WITHOUT_FRANCE = SMALL.replace(/^id: munich-test$/m, 'id: small-two').replace(/^ {2}- id: fr-cz-1925\n(?: {4}.*\n)+/m, '');
const treatiesOf = (turn: { states: { obligations: { treaty: string }[] }[] }) => [...new Set(turn.states.flatMap((s) => s.obligations.map((o) => o.treaty)))].sort();

describe('/api/games on the server\'s scenario', () => {
  it('sets a game up on the scenario the server was started with, keeps its hash, and plays Munich on it', async () => {
    const app = appOn(new Store(':memory:'));
    const scenario = (await call(app, 'GET', '/api/scenarios/munich-test')).body;
    const created = await call(app, 'POST', '/api/games', { power: 'FRN', crises: ['munich'], finish: true });
    expect(created.status).toBe(201);
    // The default start (1933-01-01) is before this scenario: the game starts on its first day.
    expect(created.body.setup).toEqual({ scenario: 'munich-test', hash: scenario.hash, power: 'FRN', start: '1938-01-01', seed: 1, crises: ['munich'] });
    const munich = created.body.turns[0];
    expect(munich).toMatchObject({ id: 'munich', status: expect.stringMatching(/^(war|deterred)$/) });
    // The treaties of this scenario, not the built-in one's (franco-czechoslovak-1925, the Covenant …).
    expect(treatiesOf(munich)).toEqual(['fr-cz-1925', 'su-cz-1935']);
    expect(munich.player.mustAct).toBe(true);
    const turns = await call(app, 'GET', '/api/games/turns');
    expect(turns.body).toMatchObject({ scenario: 'munich-test', hash: scenario.hash, span: { from: '1938-01-01', until: '1939-10-01' } });
  });

  it('replays a game on the same scenario after a restart, and refuses (409) once the server holds another under that id', async () => {
    const store = new Store(':memory:');
    const played = (await call(appOn(store), 'POST', '/api/games', { power: 'RUS', crises: ['munich'], finish: true })).body;
    const again = await call(appOn(store), 'GET', `/api/games/${played.id}`);
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(played));

    const changed = appOn(store, SMALL.replace('cinc: 0.17', 'cinc: 0.27'));
    const refused = await call(changed, 'GET', `/api/games/${played.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(new RegExp(`played on scenario "munich-test" with hash ${played.setup.hash.slice(0, 12)}…, but this server's "munich-test" has hash [0-9a-f]{12}…`));
    expect((await call(changed, 'POST', `/api/games/${played.id}/moves`, { moves: [{ move: 'next' }] })).status).toBe(409);
    expect((await call(changed, 'GET', `/api/games/compare?ids=${played.id}`)).status).toBe(409);
    expect((await call(changed, 'POST', '/api/games', { from: played.id })).status).toBe(409);
  });

  it('plays on the scenario the request names, and refuses once that scenario is deleted', async () => {
    const app = appOn(new Store(':memory:'));
    const uploaded = await call(app, 'POST', '/api/scenarios', parseScenario(WITHOUT_FRANCE, 'small-two.yaml'));
    expect(uploaded.status).toBe(201);
    const game = (await call(app, 'POST', '/api/games', { scenario: 'small-two', power: 'FRN', crises: ['munich'], finish: true })).body;
    expect(game.setup).toMatchObject({ scenario: 'small-two', hash: uploaded.body.hash });
    // Without the treaty France is bound to nothing, and the USSR's treaty waits on France acting first.
    expect(treatiesOf(game.turns[0])).toEqual(['su-cz-1935']);
    expect(game.turns[0].player.mustAct).toBe(false);
    expect((await call(app, 'GET', '/api/games/turns?scenario=small-two')).body.scenario).toBe('small-two');

    expect((await call(app, 'DELETE', '/api/scenarios/small-two')).status).toBeLessThan(300);
    const gone = await call(app, 'GET', `/api/games/${game.id}`);
    expect(gone.status).toBe(409);
    expect(gone.body.error).toMatch(/played on scenario "small-two", which this server does not hold/);
  });

  it('refuses an unknown scenario (404), and a scenario with `from` (400)', async () => {
    const app = appOn(new Store(':memory:'));
    const unknown = await call(app, 'POST', '/api/games', { scenario: 'nowhere' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/no scenario "nowhere"/);
    const teacher = (await call(app, 'POST', '/api/games', { crises: ['munich'] })).body;
    const both = await call(app, 'POST', '/api/games', { from: teacher.id, scenario: 'munich-test' });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/scenario and from exclude each other/);
  });
});
