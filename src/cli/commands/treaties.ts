import type { Command } from 'commander';
import type { Condition, LeagueFinding } from '../../model/schema.js';
import { stateIdOf } from '../../world/names.js';
import { stateIn, worldAt, type TreatyView } from '../../world/world.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

/** `casus treaties --at DAY [--state ID]`: treaties in force with their provisions and conditions. */
export function registerTreaties(program: Command): void {
  withCommonOptions(
    program
      .command('treaties')
      .description('treaties in force on a day, with provisions and conditions')
      .requiredOption('--at <day>', 'the day, YYYY-MM-DD')
      .option('--state <id>', 'only treaties this state is a party to'),
  ).action(
    action((options: { at: string; state?: string; scenario?: string; json?: boolean }) => {
      const scenario = scenarioFrom(options);
      const world = worldAt(scenario, dayOption(options.at, '--at'));
      if (options.state !== undefined) options = { ...options, state: stateIdOf(scenario.actors, options.state, '--state') };
      if (options.state !== undefined) stateIn(world, options.state);
      const treaties = world.treaties.filter((t) => options.state === undefined || t.parties.includes(options.state) || t.provisions.some((p) => p.obliged.includes(options.state!)));
      if (options.json) printJson({ date: world.date, state: options.state ?? null, treaties, signedNotInForce: world.signedNotInForce });
      else printLines(treaties.flatMap(describeTreaty));
    }),
  );
}

/** A treaty as lines for a person. Pure. */
export function describeTreaty(t: TreatyView): string[] {
  const lines = [`${t.name} [${t.id}]${t.status === 'denounced' ? ` — denounced ${t.denounced}` : ''}`, `  signed ${t.signed}, in force ${t.inForce}${t.until ? `, until ${t.until}` : ''}${t.atop ? `, ATOP ${t.atop}` : ''}`];
  lines.push(`  parties: ${t.parties.join(', ')}`);
  if (t.denunciationReading) lines.push(`  whether the denunciation ended it is the reading ${t.denunciationReading}`);
  const relations = [t.supersedes && `supersedes ${t.supersedes.join(', ')}`, t.confirms && `confirms ${t.confirms.join(', ')}`, t.prolongs && `prolongs ${t.prolongs}`].filter(Boolean);
  if (relations.length) lines.push(`  ${relations.join('; ')}`);
  for (const p of t.provisions) {
    const toward = p.beneficiaries.length > 8 ? `${p.beneficiaries.length} states` : p.beneficiaries.join(', ');
    const bound = p.obliged.length > 8 ? `${p.obliged.length} states` : p.obliged.join(', ');
    lines.push(`  - ${p.kind}${p.article ? ` (${p.article})` : ''}: ${bound} → ${toward}`);
    for (const c of p.conditions) lines.push(`      if ${describeCondition(c)}`);
  }
  return [...lines, ''];
}

const FINDING_WORDS: Record<LeagueFinding, string> = { aggression: 'finds aggression', 'no-decision': 'makes no recommendation or fails to reach unanimity', otherwise: 'finds no aggression' };

/** A condition in words. Pure. */
export function describeCondition(c: Condition): string {
  const reading = c.reading ? ` [reading: ${c.reading}]` : '';
  switch (c.type) {
    case 'adversary':
      return `the attacker is ${c.states.join(' or ')}${reading}`;
    case 'location':
      return `the theatre is in ${[...c.territories, ...c.states].join(', ')}${reading}`;
    case 'unprovoked':
      return `the attack is unprovoked${reading}`;
    case 'prior-action':
      return `${c.by.join(' or ')} ${c.act === 'any' ? 'acts' : 'comes to the victim\'s assistance'} first${reading}`;
    case 'league-finding':
      return `the League Council ${(c.on ?? ['aggression']).map((f) => FINDING_WORDS[f]).join(' or ')}${reading}`;
    case 'secret-protocol':
      return `(secret protocol)${reading}`;
    case 'act-kind':
      return `the act is ${c.kinds.join(' or ')}${reading}`;
    case 'partner-attacked':
      return `the party it is owed to is the one attacked${reading}`;
    case 'attackers':
      return `${c.min ?? 1}${c.max === undefined ? ' or more' : c.max === c.min ? '' : ` to ${c.max}`} state(s) attack${reading}`;
    case 'demand':
      return `a demand is refused: ${c.note}${reading}`;
    case 'unconcluded':
      return `it is concluded, which it never was: ${c.note}${reading}`;
  }
}
