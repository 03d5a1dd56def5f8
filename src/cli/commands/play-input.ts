/** The prompt's language of `casus play`: one line, one move, checked by the moves schema. Pure. */
import { QueryError } from '../../model/errors.js';
import { MoveSchema, READINESS, TEMPLATES, type Move } from '../../game/moves.js';
import { playedTurns, type GameContext, type GameState } from '../../game/state.js';

export const HELP = [
  'Moves (a day may be given as @YYYY-MM-DD; the default is the game\'s current day):',
  '  propose TEMPLATE ID[,ID] [transit=to-me|from-me|both] [against=ID,..] [in=ID,..] [after=ID,..] [league] [unprovoked]',
  `      TEMPLATE: ${TEMPLATES.join(', ')}`,
  '      against: only against these attackers; in: only when the theatre is held by these states;',
  '      after: only once one of these has acted first; league: only after a League finding',
  '  amend TREATY [against=..] [in=..] [after=..] [league] [unprovoked]   replace the conditions of its assistance',
  '  denounce TREATY                 give a year\'s notice',
  '  league join | league leave      leaving takes two years (Covenant Art. 1(3))',
  '  transit ask ID | transit grant ID',
  `  readiness ${READINESS.join('|')}`,
  '  vote yes|no                     your vote in the League Council on the next crisis',
  '  sanctions apply|lift            in the next crisis',
  '  stance honour|abstain|refrain   in the next crisis (refrain: as an attacker, do not act)',
  '  next                            resolve the next crisis',
  '  moves                           print your moves as a moves file;  help;  quit',
];

const VERBS = ['propose', 'amend', 'denounce', 'league', 'transit', 'readiness', 'vote', 'sanctions', 'stance', 'next', 'moves', 'help', 'quit'];
const SECOND: Record<string, readonly string[]> = {
  propose: TEMPLATES,
  league: ['join', 'leave'],
  transit: ['ask', 'grant'],
  readiness: READINESS,
  vote: ['yes', 'no'],
  sanctions: ['apply', 'lift'],
  stance: ['honour', 'abstain', 'refrain'],
};

/** Tab completion for the prompt: the verb, then its first word. Pure. */
export function completions(line: string): [string[], string] {
  const words = line.split(/\s+/);
  const last = words.at(-1) ?? '';
  const pool = words.length <= 1 ? VERBS : words.length === 2 ? (SECOND[words[0]!] ?? []) : [];
  const hits = pool.filter((w) => w.startsWith(last));
  return [hits.length ? hits : [...pool], last];
}

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Parses one prompt line into a move. Throws QueryError saying what is wrong. */
export function parseCommand(line: string, day: string, ctx: GameContext, state: GameState): Move {
  const words = line.split(/\s+/);
  const at = words.find((w) => w.startsWith('@'));
  const date = at ? at.slice(1) : day;
  const [verb, ...rest] = words.filter((w) => !w.startsWith('@'));
  const crisis = playedTurns(ctx, state.setup)[state.next]?.id ?? '';
  const options = Object.fromEntries(rest.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  const flags = new Set(rest.filter((w) => !w.includes('=')));
  const terms = () => ({
    ...(options.against ? { adversary: list(options.against) } : {}),
    ...(options.in ? { location: { states: list(options.in), territories: [] } } : {}),
    ...(options.after ? { priorAction: list(options.after) } : {}),
    ...(flags.has('league') ? { leagueFinding: true } : {}),
    ...(flags.has('unprovoked') ? { unprovoked: true } : {}),
  });
  let raw: unknown;
  switch (verb) {
    case 'propose':
      raw = { move: 'propose', date, template: rest[0], with: list(rest[1] ?? ''), terms: terms(), ...(options.transit ? { transit: options.transit } : {}) };
      break;
    case 'amend':
      raw = { move: 'amend', date, treaty: rest[0], terms: terms() };
      break;
    case 'denounce':
      raw = { move: 'denounce', date, treaty: rest[0] };
      break;
    case 'league':
      raw = { move: 'league', date, action: rest[0] };
      break;
    case 'transit':
      raw = { move: 'transit', date, action: rest[0], state: rest[1] };
      break;
    case 'readiness':
      raw = { move: 'readiness', date, level: rest[0] };
      break;
    case 'vote':
      raw = { move: 'vote', crisis, finding: rest[0] === 'yes' ? true : rest[0] === 'no' ? false : rest[0] };
      break;
    case 'sanctions':
      raw = { move: 'sanctions', crisis, action: rest[0] };
      break;
    case 'stance':
      raw = { move: 'stance', crisis, stance: rest[0] };
      break;
    case 'next':
      raw = { move: 'next' };
      break;
    default:
      throw new QueryError(`unknown move "${verb}"; type "help"`);
  }
  const parsed = MoveSchema.safeParse(raw);
  if (!parsed.success) throw new QueryError(parsed.error.issues.map((i) => `${i.path.join('.') || verb}: ${i.message}`).join('; '));
  return parsed.data;
}
