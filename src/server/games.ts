/**
 * The game over HTTP: POST /api/games sets a game up (a teacher's setup, or a student's copy of
 * one with `from`), POST /api/games/:id/moves plays moves, GET /api/games/:id replays it, and
 * GET /api/games/compare?ids=a,b sets games side by side. The store keeps setup and moves only;
 * every answer is a replay (src/game), so a stored game is shareable by its URL and replays byte
 * for byte. Plain hono routes, so the app's middleware applies to them as to the others; the
 * replays and the moves, which run the resolver and the simulator, run on the worker pool.
 * A game is played on the scenario the server was started with, or the one the request names, and
 * kept with that scenario's id and hash: it replays on that very scenario or not at all (409).
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_SETUP, gameReport, gradesOf } from '../game/grade.js';
import { loadTurns, turnsSourceOf } from '../game/load.js';
import { MoveSchema, type Move } from '../game/moves.js';
import type { GameSetup, GameState } from '../game/state.js';
import { DaySchema, IdSchema } from '../model/schema.js';
import { MAX_SEED } from '../sim/random.js';
import { GameStore, type StoredGame } from '../store/games.js';
import { check, readJson } from './body.js';
import { ENGINE_VERSION } from './engine.js';
import { HttpError } from './errors.js';
import type { GameTask } from './game-work.js';
import { refOf } from './runner.js';
import type { ScenarioEntry, Scenarios } from './scenarios.js';
import type { Work } from './work.js';

/** Most moves one game may hold: a decade of diplomacy fits in far fewer. */
export const MAX_GAME_MOVES = 400;

const GameIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'a game id is letters, digits, "-" and "_"');

const CreateGameSchema = z.strictObject({
  scenario: IdSchema.optional().describe('The scenario played on: one of GET /api/scenarios (default: the server\'s).'),
  power: IdSchema.optional(),
  start: DaySchema.optional(),
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  crises: z.array(IdSchema).min(1).max(50).optional(),
  moves: z.array(MoveSchema).max(MAX_GAME_MOVES).default([]),
  label: z.string().min(1).max(100).optional().describe('A name for the game: a student\'s, a class\'s.'),
  from: GameIdSchema.optional().describe('Copy the setup (scenario, power, start, seed, crises) of this game, without its moves.'),
  finish: z.boolean().default(false).describe('Play every remaining crisis after the moves.'),
});

const MovesRequestSchema = z.strictObject({ moves: z.array(MoveSchema).min(1).max(MAX_GAME_MOVES), finish: z.boolean().default(false) });

/** Adds the game routes to an app over a store. */
export function registerGames(app: Hono, { store, scenarios, work }: { store: { db: ConstructorParameters<typeof GameStore>[0] }; scenarios: Scenarios; work: Work }): void {
  const games = new GameStore(store.db);
  const entryOf = (setup: GameSetup) => scenarioOfGame(scenarios, setup);
  const turnsOf = (entry: ScenarioEntry) => turnsSourceOf(lineage(scenarios, entry));
  const play = async (task: Omit<GameTask, 'op' | 'scenario' | 'turns'>, signal: AbortSignal) => {
    const entry = entryOf(task.setup);
    return (await work.run({ op: 'game', scenario: refOf(entry), turns: turnsOf(entry), ...task }, signal)) as GameState;
  };
  const cache = new Map<string, GameState>();
  const remember = (id: string, state: GameState) => {
    cache.delete(id);
    cache.set(id, state);
    if (cache.size > 32) cache.delete(cache.keys().next().value!);
  };
  const stateOf = async (game: StoredGame, signal: AbortSignal): Promise<GameState> => {
    entryOf(game.setup as GameSetup); // the scenario may have gone, or changed under its id, since the state was kept
    const cached = cache.get(game.id);
    if (cached && cached.log.length === game.moves.length) return cached;
    const state = await play({ setup: game.setup as GameSetup, stored: game.moves as Move[] }, signal);
    remember(game.id, state);
    return state;
  };
  const found = (id: string) => games.get(check(GameIdSchema, id, 'game id')) ?? notFound(id);
  const view = (game: StoredGame, state: GameState) => ({ id: game.id, label: game.label ?? null, origin: game.origin ?? null, url: `/?view=play&game=${game.id}`, ...gameReport(state) });

  app.post('/api/games', async (c) => {
    const body = check(CreateGameSchema, await readJson(c));
    const origin = body.from ? found(body.from) : undefined;
    if (origin && body.scenario !== undefined) throw new HttpError(400, 'scenario and from exclude each other: a copy is played on the scenario of the game it copies');
    const entry = scenarios.get(body.scenario ?? scenarios.defaultId);
    const setup: GameSetup = origin
      ? (origin.setup as GameSetup)
      : { scenario: entry.id, hash: entry.hash, power: body.power ?? DEFAULT_SETUP.power, start: body.start ?? defaultStart(entry), seed: body.seed ?? DEFAULT_SETUP.seed, crises: body.crises ?? null };
    const state = await play({ setup, stored: [], moves: body.moves, finish: body.finish }, c.req.raw.signal);
    const id = randomBytes(6).toString('base64url');
    const game = { id, label: body.label, origin: origin?.id, setup, moves: state.log.map((l) => l.move), engineVersion: ENGINE_VERSION };
    if (!games.create(game)) throw new HttpError(503, 'could not allot a game id; try again');
    remember(id, state);
    return c.json(view(games.get(id)!, state), 201, { Location: `/api/games/${id}` });
  });

  app.get('/api/games', (c) => {
    const origin = c.req.query('from');
    const list = games.list({ origin: origin === undefined ? undefined : check(GameIdSchema, origin, 'from') });
    return c.json({ games: list.map((g) => ({ id: g.id, label: g.label ?? null, origin: g.origin ?? null, setup: g.setup, moves: g.moves.length, createdAt: g.createdAt, updatedAt: g.updatedAt })) });
  });

  app.get('/api/games/compare', async (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').filter(Boolean);
    if (ids.length < 1 || ids.length > 12) throw new HttpError(400, 'ids: name 1 to 12 games, comma-separated');
    const states = await Promise.all(ids.map(async (id) => {
      const game = found(id);
      return { game, state: await stateOf(game, c.req.raw.signal) };
    }));
    return c.json({
      games: states.map(({ game, state }) => {
        return {
          id: game.id,
          label: game.label ?? null,
          setup: game.setup,
          grades: gradesOf(state),
          turns: state.turns.map((t) => ({ id: t.id, date: t.act.date, status: t.status, deterrence: t.deterrence?.p ?? null, bound: t.player?.mustAct ?? null, alone: t.player?.security ?? null, changes: t.debrief?.changes.length ?? 0 })),
        };
      }),
    });
  });

  app.get('/api/games/turns', (c) => {
    const entry = scenarios.get(check(IdSchema.optional(), c.req.query('scenario'), 'scenario') ?? scenarios.defaultId);
    const turns = loadTurns(turnsOf(entry));
    return c.json({ scenario: entry.id, hash: entry.hash, span: entry.scenario.span, turns: turns.map((t) => ({ id: t.id, title: t.title, date: t.act.at, attackers: t.act.attackers, target: t.act.target, case: t.case ?? null, dependsOn: t.dependsOn })) });
  });

  app.get('/api/games/:id', async (c) => {
    const game = found(c.req.param('id'));
    return c.json(view(game, await stateOf(game, c.req.raw.signal)));
  });

  app.post('/api/games/:id/moves', async (c) => {
    const game = found(c.req.param('id'));
    const body = check(MovesRequestSchema, await readJson(c));
    if (game.moves.length + body.moves.length > MAX_GAME_MOVES) throw new HttpError(400, `a game holds at most ${MAX_GAME_MOVES} moves`);
    const state = await play({ setup: game.setup as GameSetup, stored: game.moves as Move[], moves: body.moves, finish: body.finish }, c.req.raw.signal);
    const moves = state.log.map((l) => l.move);
    if (!games.setMoves(game.id, moves, game.moves.length)) throw new HttpError(409, `game "${game.id}" changed meanwhile; reload it and play again`);
    remember(game.id, state);
    return c.json(view(games.get(game.id)!, state));
  });
}

/** The game routes in the OpenAPI document, from the same schemas that check the requests. Pure. */
export function gamesOpenApiPaths(): Record<string, unknown> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } });
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Game id' };
  const refused = { '400': error('Malformed request'), '404': error('No such game'), '422': error('A move or setup the game does not allow (unknown state, move out of turn, a treaty the template cannot express)') };
  return {
    '/api/games': {
      get: { summary: 'Stored games (`?from=ID`: the games copied from a teacher\'s setup)', responses: { '200': ok('Games without their moves') } },
      post: { summary: 'Set up a game (power, start, seed, crises), or copy one\'s setup with `from`; optional first moves', requestBody: { content: { 'application/json': { schema: schema(CreateGameSchema) } } }, responses: { '201': ok('The game, replayed'), ...refused } },
    },
    '/api/games/turns': { get: { summary: 'The crisis turns played on a scenario (`?scenario=ID`, default the server\'s)', parameters: [{ name: 'scenario', in: 'query', required: false, schema: { type: 'string' }, description: 'Scenario id' }], responses: { '200': ok('Turns'), '404': error('No such scenario') } } },
    '/api/games/compare': { get: { summary: 'Games side by side: per crisis and grades', parameters: [{ name: 'ids', in: 'query', required: true, schema: { type: 'string' }, description: 'Game ids, comma-separated' }], responses: { '200': ok('Comparison'), ...refused } } },
    '/api/games/{id}': { get: { summary: 'A game, replayed from its setup and moves', parameters: [id], responses: { '200': ok('The game'), '404': error('No such game') } } },
    '/api/games/{id}/moves': { post: { summary: 'Play moves; a move not allowed is a 422 and nothing is stored', parameters: [id], requestBody: { content: { 'application/json': { schema: schema(MovesRequestSchema) } } }, responses: { '200': ok('The game after the moves'), '409': error('The game changed meanwhile'), ...refused } } },
  };
}

/** The first day of play when none is asked: the default one, or the scenario's first day when that lies outside it. Pure. */
function defaultStart(entry: ScenarioEntry): string {
  const { from, until } = entry.scenario.span;
  return DEFAULT_SETUP.start >= from && DEFAULT_SETUP.start < until ? DEFAULT_SETUP.start : from;
}

/** The scenario a game was set up on, as this server holds it; 409 when it is gone or is no longer the same (its hash). */
function scenarioOfGame(scenarios: Scenarios, setup: GameSetup): ScenarioEntry {
  let entry: ScenarioEntry;
  try {
    entry = scenarios.get(setup.scenario);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw new HttpError(409, `the game was played on scenario "${setup.scenario}", which this server does not hold: it cannot be replayed`);
    throw error;
  }
  if (setup.hash !== undefined && setup.hash !== entry.hash) {
    throw new HttpError(409, `the game was played on scenario "${setup.scenario}" with hash ${setup.hash.slice(0, 12)}…, but this server's "${setup.scenario}" has hash ${entry.hash.slice(0, 12)}…: it replays only on the scenario it was played on`);
  }
  return entry;
}

/** A scenario's id, then its base's and so on: where its crisis turns are looked for. */
function lineage(scenarios: Scenarios, entry: ScenarioEntry): string[] {
  const ids = [entry.id];
  for (let base = entry.base; base !== undefined && !ids.includes(base) && ids.length < 16; ) {
    ids.push(base);
    try {
      base = scenarios.get(base).base;
    } catch {
      break;
    }
  }
  return ids;
}

function notFound(id: string): never {
  throw new HttpError(404, `no game "${id}"`);
}
