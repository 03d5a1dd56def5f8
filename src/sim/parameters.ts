/**
 * The simulator's named parameters: the decision model's base rate and odds ratios, plus the
 * weighing parameters of `power`. Each has a default with its rationale and an allowed range.
 * Overrides come from a scenario's `parameters` (same names) and then from the command line
 * (`--param name=value`); a later source wins. Every value is checked against its range.
 */
import { QueryError } from '../model/errors.js';
import { POWER_PARAMETERS, type ParameterSpec } from '../power/parameters.js';

export type { ParameterSpec } from '../power/parameters.js';

const ODDS = { min: 0.01, max: 100 } as const;

/** The government lines the decision model knows, with the odds ratio each puts on honouring. */
export const LINE_ODDS: readonly { line: string; odds: number; why: string }[] = [
  { line: 'collective-security', odds: 1.5, why: 'a government that preaches collective security pays a price at home and abroad for not practising it (Litvinov\'s line, 1934–39)' },
  { line: 'resistance', odds: 2, why: 'a government resolved to resist has already accepted the risk of war (Britain after March 1939)' },
  { line: 'expansionist', odds: 1, why: 'an expansionist government honours commitments that serve it and drops the others: no net lean' },
  { line: 'double-insurance', odds: 0.7, why: 'a government insuring itself with both sides keeps a way out of each commitment (Soviet hints to Berlin, 1935–38)' },
  { line: 'conciliation', odds: 0.6, why: 'a government conciliating the attacker wants to avoid the clash the commitment would bring' },
  { line: 'neutral', odds: 0.6, why: 'a government bent on neutrality treats commitments as the last resort' },
  { line: 'accommodation', odds: 0.5, why: 'a government accommodating the attacker has chosen terms over war' },
  { line: 'evasive', odds: 0.5, why: 'a government that answers its allies evasively (Laval on the military convention, 1935) keeps its hands free' },
  { line: 'isolationist', odds: 0.4, why: 'a government that refuses foreign entanglements looks for reasons not to fight' },
  { line: 'appeasement', odds: 0.3, why: 'a government appeasing the attacker (Chamberlain, 1937–39) seeks to remove the causes of war, not to fight it; the strongest negative lean' },
];

/** The decision model's parameters. */
export const SIM_PARAMETERS: readonly ParameterSpec[] = [
  {
    name: 'sim-base-rate',
    default: 0.75,
    min: 0.01,
    max: 0.99,
    doc: 'Probability that a state honours a commitment when the war falls within the treaty\'s terms, for the reference case (no convention, a border, a comparable army, no line that leans either way, no distrust, unconditional). Leeds, Long & Mitchell (2000), "Reevaluating Alliance Reliability", J. Conflict Resolution 44(5): about 75% of commitments honoured, 1816–1944. Later codings find less (Berkemeier & Fuhrmann 2018, Research & Politics: about half); lower it to test that.',
  },
  {
    name: 'sim-odds-convention',
    default: 2,
    ...ODDS,
    doc: 'Odds ratio on honouring when a military convention binds the obliged state and the one it must help. 2: a convention means plans, liaison officers and forces earmarked, so the decision to fight is half-taken; the seed texts single out its absence from the 1935 pacts. A modeller\'s choice.',
  },
  {
    name: 'sim-odds-staff-talks',
    default: 1.4,
    ...ODDS,
    doc: 'Odds ratio when the two have held staff talks but signed no convention (a `military-convention` provision with `level: staff-talks`). Between none (1) and a convention.',
  },
  {
    name: 'sim-odds-reach-transit',
    default: 0.8,
    ...ODDS,
    doc: 'Odds ratio when the obliged state can reach the theatre only through states that let it pass: help that depends on a third state\'s goodwill is easier to withhold.',
  },
  {
    name: 'sim-odds-reach-sea',
    default: 0.8,
    ...ODDS,
    doc: 'Odds ratio when it can reach only by sea: its own soil is not at stake first, so the pressure to act is weaker.',
  },
  {
    name: 'sim-odds-reach-none',
    default: 0.4,
    ...ODDS,
    doc: 'Odds ratio when it cannot reach the theatre at all: it could only declare war, and a state that cannot help rarely does.',
  },
  {
    name: 'sim-capability-weak-below',
    default: 0.25,
    min: 0,
    max: 10,
    doc: 'Below this ratio of its strength to its enemy\'s (the attackers\' for help to the target), a state counts as much weaker.',
  },
  {
    name: 'sim-capability-strong-above',
    default: 1,
    min: 0,
    max: 100,
    doc: 'At or above this ratio of its strength to its enemy\'s, a state counts as stronger.',
  },
  {
    name: 'sim-odds-weaker',
    default: 0.7,
    ...ODDS,
    doc: 'Odds ratio for a much weaker state: fighting a far stronger enemy costs more, so commitments are likelier to fail.',
  },
  {
    name: 'sim-odds-stronger',
    default: 1.3,
    ...ODDS,
    doc: 'Odds ratio for a state at least as strong as its enemy: it can expect to win, so honouring costs less.',
  },
  {
    name: 'sim-odds-distrust',
    default: 0.7,
    ...ODDS,
    doc: 'Odds ratio when the two governments distrust each other: one communist and the other not, or a democracy and a fascist state (the seed text: "Frenchmen had equally legitimate reasons to distrust their Soviet allies").',
  },
  {
    name: 'sim-odds-conditional',
    default: 0.8,
    ...ODDS,
    doc: 'Odds ratio when the obligation waits on another party acting first (the Soviet-Czechoslovak pact waited on France): a state that wrote in a condition wanted a way out.',
  },
  {
    name: 'sim-p-league-finding',
    default: 0.25,
    min: 0,
    max: 1,
    doc: 'Probability that the League Council finds that aggression took place, drawn per sample when the act does not assume it either way (`--league-finding` fixes it). A quarter: in the decade\'s great crises the League named an aggressor under Article 16 once (Italy, October 1935), and was not even seized of Munich or of Poland in 1939. A modeller\'s choice.',
  },
  ...LINE_ODDS.map(({ line, odds, why }) => ({ name: `sim-odds-line-${line}`, default: odds, ...ODDS, doc: `Odds ratio when the government's line that day is "${line}": ${why}. A modeller's choice.` })),
];

/** Every parameter the simulator reads: the decision model's and the weighing's, sorted by name. */
export const PARAMETERS: readonly ParameterSpec[] = [...SIM_PARAMETERS, ...POWER_PARAMETERS].sort((a, b) => a.name.localeCompare(b.name));

const SPEC = new Map(PARAMETERS.map((p) => [p.name, p]));

/** Names that belong to the simulator: others in a scenario (the resolver's readings) are left alone. */
export function isSimulatorParameter(name: string): boolean {
  return name.startsWith('sim-') || name.startsWith('power-');
}

/** The default value of every parameter. Pure. */
export function defaultParameters(): Record<string, number> {
  return Object.fromEntries(PARAMETERS.map((p) => [p.name, p.default]));
}

/** Checks one value; throws QueryError naming the parameter, where it came from and its range. Pure. */
export function checkParameter(name: string, value: unknown, where: string): number {
  const spec = SPEC.get(name);
  if (!spec) throw new QueryError(`${where}: unknown parameter "${name}"; \`casus simulate --list-params\` lists them`);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new QueryError(`${where}: parameter "${name}" must be a number in [${spec.min}, ${spec.max}], not ${JSON.stringify(value)}`);
  if (value < spec.min || value > spec.max) throw new QueryError(`${where}: parameter "${name}" = ${value} is out of range [${spec.min}, ${spec.max}]`);
  return value;
}

/**
 * The parameter values to use: defaults, then the scenario's simulator parameters, then the
 * overrides. Pure. Throws QueryError for an unknown name or a value out of range.
 */
export function resolveParameters(scenarioParameters: Readonly<Record<string, unknown>>, overrides: Readonly<Record<string, unknown>> = {}): Record<string, number> {
  const values = defaultParameters();
  for (const [name, value] of Object.entries(scenarioParameters)) {
    if (isSimulatorParameter(name)) values[name] = checkParameter(name, value, 'scenario parameters');
  }
  for (const [name, value] of Object.entries(overrides)) values[name] = checkParameter(name, value, '--param');
  if (values['sim-capability-weak-below']! > values['sim-capability-strong-above']!) {
    throw new QueryError(`parameter "sim-capability-weak-below" (${values['sim-capability-weak-below']}) must not exceed "sim-capability-strong-above" (${values['sim-capability-strong-above']})`);
  }
  return values;
}

/** Parses `name=value` from the command line into an override. Throws QueryError on a malformed one. */
export function parseParameterOption(text: string): [string, number] {
  const match = /^([A-Za-z][A-Za-z0-9_-]*)=(.+)$/.exec(text);
  if (!match) throw new QueryError(`--param "${text}": expected name=value, e.g. --param sim-base-rate=0.6`);
  const value = Number(match[2]);
  return [match[1]!, checkParameter(match[1]!, Number.isNaN(value) ? match[2] : value, '--param')];
}
