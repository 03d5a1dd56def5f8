/** The Play view's client of /api/games: typed fetches that throw the server's error message. */
import type { gameReport } from '../../src/game/grade.js';
import type { Move } from '../../src/game/moves.js';

export type { Move };
export type GameView = ReturnType<typeof gameReport> & { id: string; label: string | null; origin: string | null; url: string };
export type TurnView = GameView['turns'][number];
export interface TurnSpec {
  id: string;
  title: string;
  date: string;
  attackers: string[];
  target: string;
  case: string | null;
  dependsOn: string[];
}
export interface Comparison {
  games: { id: string; label: string | null; grades: GameView['grades']; turns: { id: string; date: string; status: string; deterrence: number | null; bound: boolean | null; alone: number | null; changes: number }[] }[];
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, body === undefined ? undefined : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({ error: `the server answered ${response.status} without JSON` }))) as T & { error?: string };
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

export const playApi = {
  turns: () => request<{ span: { from: string; until: string }; turns: TurnSpec[] }>('/api/games/turns'),
  create: (setup: { power?: string; start?: string; seed?: number; crises?: string[] | undefined; label?: string; from?: string }) => request<GameView>('/api/games', setup),
  get: (id: string) => request<GameView>(`/api/games/${encodeURIComponent(id)}`),
  play: (id: string, moves: Move[]) => request<GameView>(`/api/games/${encodeURIComponent(id)}/moves`, { moves }),
  compare: (ids: string[]) => request<Comparison>(`/api/games/compare?ids=${ids.map(encodeURIComponent).join(',')}`),
};
