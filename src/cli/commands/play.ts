/** `casus play`: Litvinov's chair as a game graded by the treaty law, scripted (--script, --history, --json) or at a prompt. */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { describeGame, describeTurn } from '../../game/describe.js';
import { applyMove, newGame, playScript } from '../../game/game.js';
import { DEFAULT_SETUP, gameReport, gradesOf } from '../../game/grade.js';
import { loadTurns } from '../../game/load.js';
import { parseMovesFile, type MovesFile } from '../../game/moves.js';
import type { GameContext, GameSetup, GameState } from '../../game/state.js';
import { QueryError } from '../../model/errors.js';
import { loadBuiltInScenario } from '../../model/load.js';
import { MAX_SEED } from '../../sim/random.js';
import { action, dayOption, io, printJson, printLines } from '../output.js';
import { completions, HELP, parseCommand } from './play-input.js';
import { wholeOption } from './simulate.js';

interface PlayOptions {
  power?: string;
  start?: string;
  seed?: string;
  crises?: string;
  script?: string;
  history?: boolean;
  json?: boolean;
  prompt?: boolean;
}

/** The built-in scenario and its turns. */
export function gameContext(): GameContext {
  const base = loadBuiltInScenario();
  return { base, turns: loadTurns(base.id) };
}

/** The setup from options, then the moves file, then the defaults. Throws QueryError on a bad option. */
export function setupFrom(options: PlayOptions, file: MovesFile | undefined, scenario: string): GameSetup {
  return {
    scenario,
    power: options.power ?? file?.power ?? DEFAULT_SETUP.power,
    start: options.start !== undefined ? dayOption(options.start, '--start') : (file?.start ?? DEFAULT_SETUP.start),
    seed: options.seed !== undefined ? wholeOption(options.seed, '--seed', 0, MAX_SEED) : (file?.seed ?? DEFAULT_SETUP.seed),
    crises: options.crises !== undefined ? options.crises.split(',').map((s) => s.trim()).filter(Boolean) : (file?.crises ?? null),
  };
}

function readMoves(path: string): MovesFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new QueryError(`${path}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseMovesFile(text, path);
}

export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('Play a power between the crises of 1931–1939: make treaties, join or leave the League, ask for transit, set readiness; each crisis is settled by the resolver and the simulator and graded')
    .option('--power <id>', `the state you play (default ${DEFAULT_SETUP.power})`)
    .option('--start <day>', `the first day of play (default ${DEFAULT_SETUP.start})`)
    .option('--seed <n>', `the game's seed (default ${DEFAULT_SETUP.seed})`)
    .option('--crises <ids>', 'the crises played, comma-separated turn ids (default all)')
    .option('--script <file>', 'play the moves of a YAML or JSON moves file (schema/game-moves.schema.json) and print the game')
    .option('--history', 'replay the historical record: no moves of your own')
    .option('--json', 'print the game as one JSON document')
    .option('--prompt', 'play at the prompt even when standard input is not a terminal (moves piped in, one a line)')
    .action(
      action(async (options: PlayOptions) => {
        const ctx = gameContext();
        if (options.script && options.history) throw new QueryError('--script and --history exclude each other: --history plays no moves');
        const file = options.script ? readMoves(options.script) : undefined;
        const setup = setupFrom(options, file, ctx.base.id);
        if (!options.prompt && (options.script || options.history || options.json || !io().stdin.isTTY)) {
          const state = playScript(ctx, setup, file?.moves ?? []);
          if (options.json) printJson(gameReport(state));
          else printLines(describeGame(state));
          return;
        }
        await interactive(ctx, setup);
      }),
    );
}

/** The prompt: one command a line, a rejected one changes nothing. */
async function interactive(ctx: GameContext, setup: GameSetup): Promise<void> {
  let state: GameState = newGame(ctx, setup);
  const rl = createInterface({ input: io().stdin, output: io().stdout, completer: completions });
  const say = (lines: string[]) => io().stdout.write(`${lines.join('\n')}\n`);
  say([`casus play — you are ${setup.power} from ${setup.start} (seed ${setup.seed}). Type "help" for the moves.`, ...upcoming(ctx, state)]);
  const prompt = () => {
    rl.setPrompt(`${state.day} ${setup.power}> `);
    rl.prompt();
  };
  prompt();
  try {
    // Lines are read as a stream, so that moves piped in are all seen, one after another.
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === 'quit' || line === 'exit') break;
      if (line === 'help') say(HELP);
      else if (line === 'moves') say([JSON.stringify({ power: setup.power, start: setup.start, seed: setup.seed, moves: state.log.map((l) => l.move).filter((m) => m.move !== 'next') }, null, 2)]);
      else if (line !== '') {
        try {
          const move = parseCommand(line, state.day, ctx, state);
          const before = state.turns.length;
          state = applyMove(ctx, state, move);
          const entry = state.log.at(-1)!;
          if (state.turns.length > before) say(describeTurn(state.turns.at(-1)!, setup.power));
          else say([`  ${entry.outcome}: ${entry.text}`]);
          if (!state.finished) say(upcoming(ctx, state));
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          say([`  refused: ${error.message}`]);
        }
      }
      if (state.finished) break;
      prompt();
    }
  } finally {
    rl.close();
  }
  const g = gradesOf(state);
  say(['', `Grades: alone ${g.security ?? '—'} (record ${g.historicalSecurity ?? '—'}), credibility ${g.credibility ?? '—'}, cost ${g.cost}`]);
}

function upcoming(ctx: GameContext, state: GameState): string[] {
  const turns = ctx.turns.filter((t) => !state.setup.crises || state.setup.crises.includes(t.id));
  const t = turns[state.next];
  return t ? [`Next crisis: ${t.act.at} ${t.title} [${t.id}]. Moves dated ${state.day} to the day before; "next" to resolve it.`] : [];
}
