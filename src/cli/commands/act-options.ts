/**
 * The flags of the commands that take an act (resolve, simulate, whatif, atlas), read into the one
 * request schema of src/model/request.ts and checked by it, so that the CLI accepts what the API
 * and the catalogue accept. Each flag names a field of the schema (ACT_FLAGS); a field added there
 * fails to compile here until it has a flag.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { formatPath, QueryError } from '../../model/errors.js';
import { RequestSchema, transitOfText, type Request } from '../../model/request.js';
import { ActKindSchema, LeagueFindingSchema, type ActKind, type LeagueFinding } from '../../model/schema.js';
import type { Overlay } from '../../model/overlay.js';
import type { Assumptions } from '../../law/types.js';
import { dayOption } from '../output.js';

/** The flag that sets each field of the request. */
export const ACT_FLAGS = {
  attackers: '--attacker',
  target: '--target',
  date: '--at',
  theatre: '--theatre',
  abstain: '--abstain',
  transit: '--transit',
  kind: '--kind',
  leagueFinding: '--league-finding',
  provoked: '--provoked',
  readings: '--reading',
  overlays: '--overlay',
} as const satisfies Record<keyof Request, string>;

/** Comma-separated and repeatable: `--attacker GMY,ITA --attacker HUN`. */
export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
/** Repeatable, each value whole. */
export const repeat = (value: string, previous: string[] = []) => [...previous, value];

/** Parses `GRANTOR:GRANTEE`, or throws a QueryError naming the option. */
export function transitOption(text: string): { grantor: string; grantee: string } {
  const transit = transitOfText(text);
  if (!transit) throw new QueryError(`--transit "${text}": expected GRANTOR:GRANTEE, e.g. RUM:RUS or Romania:"Soviet Union"`);
  return transit;
}

/** Parses `NAME=true|false`, or throws a QueryError naming the option. */
export function readingOption(text: string): [string, boolean] {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)=(true|false|on|off)$/.exec(text.trim());
  if (!m) throw new QueryError(`--reading "${text}": expected NAME=true or NAME=false`);
  return [m[1]!, m[2] === 'true' || m[2] === 'on'];
}

/** Parses `--league-finding [outcome]` (bare: aggression) and `--no-league-finding` (otherwise), or throws a QueryError naming the value. */
export function leagueFindingOption(value: string | boolean | undefined): LeagueFinding | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'aggression' : 'otherwise';
  const parsed = LeagueFindingSchema.safeParse(value.trim());
  if (!parsed.success) throw new QueryError(`--league-finding "${value}": expected ${LeagueFindingSchema.options.join(', ')}`);
  return parsed.data;
}

/** Parses `--kind`, or throws a QueryError naming the value and the kinds there are. */
export function kindOption(value: string | undefined): ActKind | undefined {
  if (value === undefined) return undefined;
  const parsed = ActKindSchema.safeParse(value.trim());
  if (!parsed.success) throw new QueryError(`--kind "${value}": expected ${ActKindSchema.options.join(', ')}`);
  return parsed.data;
}

/** The options `--kind` and `--league-finding`, shared by the commands that take an act. */
export function withActKindOptions(command: Command, noFinding: string): Command {
  return command
    .option('--kind <kind>', `what the act is: ${ActKindSchema.options.join(', ')} (default attack)`)
    .option('--league-finding [outcome]', 'the League Council\'s outcome: aggression (the default when bare), no-decision (no recommendation or no unanimity), otherwise')
    .option('--no-league-finding', `the Council finds no aggression, as --league-finding otherwise (${noFinding})`);
}

/** What commander hands over for the act's flags. */
export interface ActOptions {
  at?: string;
  attacker?: string[];
  target?: string;
  theatre?: string;
  kind?: string;
  abstain?: string[];
  transit?: string[];
  reading?: string[];
  leagueFinding?: boolean | string;
  provoked?: boolean;
}

/** The assumptions the options state (readings included). Throws QueryError on a malformed one. */
export function assumptionsFrom(options: Pick<ActOptions, 'abstain' | 'transit' | 'reading' | 'leagueFinding' | 'provoked'>): Assumptions {
  return {
    abstain: options.abstain ?? [],
    transit: (options.transit ?? []).map(transitOption),
    leagueFinding: leagueFindingOption(options.leagueFinding),
    provoked: options.provoked ?? false,
    readings: Object.fromEntries((options.reading ?? []).map(readingOption)),
  };
}

/** The request the options describe, checked by the shared schema; a problem names its flag. Throws QueryError. */
export function requestFrom(options: ActOptions, overlays: Overlay[] = []): Request {
  const date = dayOption(options.at, ACT_FLAGS.date);
  if (!options.attacker?.length) throw new QueryError('--attacker ID is required');
  if (!options.target) throw new QueryError('--target ID is required');
  const input: z.input<typeof RequestSchema> = { attackers: options.attacker, target: options.target, date, theatre: options.theatre, kind: kindOption(options.kind), ...assumptionsFrom(options), overlays };
  const parsed = RequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new QueryError(
    parsed.error.issues
      .map((i) => {
        const path = i.path as (string | number)[];
        const flag = ACT_FLAGS[path[0] as keyof Request] ?? formatPath(path);
        return `${flag}${path.length > 1 ? ` ${formatPath(path.slice(1))}` : ''}: ${i.message}`;
      })
      .join('\n'),
  );
}
