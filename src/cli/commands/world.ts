import type { Command } from 'commander';
import { worldAt, type World } from '../../world/world.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

/** `casus world --at DAY`: the states, borders, organizations and treaties of one day. */
export function registerWorld(program: Command): void {
  withCommonOptions(program.command('world').description('the world on one day').requiredOption('--at <day>', 'the day, YYYY-MM-DD')).action(
    action((options: { at: string; scenario?: string; json?: boolean }) => {
      const world = worldAt(scenarioFrom(options), dayOption(options.at, '--at'));
      if (options.json) printJson(world);
      else printLines(describeWorld(world));
    }),
  );
}

/** The world as lines for a person. Pure. */
export function describeWorld(world: World): string[] {
  const lines = [`The world on ${world.date} (${world.scenario})`, '', `States (${world.states.length})`];
  for (const s of world.states) {
    const head = s.leaders.find((l) => l.role === 'head-of-government') ?? s.leaders.find((l) => l.role === 'head-of-state');
    const extras = [s.regime, head && head.name, s.overlord && `under ${s.overlord}`, s.capability && `CINC ${s.capability.cinc.toFixed(4)}`, s.effectiveness !== 1 && `effectiveness ${s.effectiveness}`]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${s.id.padEnd(9)} ${s.name}${extras ? ` — ${extras}` : ''}`);
  }
  lines.push('', `Land borders (${world.borders.length})`, ...wrap(world.borders.map(([a, b]) => `${a}–${b}`), 6));
  const changed = world.territories.filter((t) => t.status !== 'sovereign');
  if (changed.length) {
    lines.push('', 'Territories not under plain sovereignty');
    for (const t of changed) lines.push(`  ${t.name}: ${t.status}, controlled by ${t.controller}`);
  }
  lines.push('', 'Organizations');
  for (const o of world.organizations) {
    lines.push(`  ${o.id} ${o.name} (${o.members.length}): ${o.members.join(' ')}`);
    for (const l of o.leaving) lines.push(`    ${l.member} gave notice ${l.notice}, leaves ${l.until}`);
  }
  lines.push('', `Treaties in force (${world.treaties.length})`);
  for (const t of world.treaties) {
    const kinds = [...new Set(t.provisions.map((p) => p.kind))].join(', ');
    lines.push(`  ${t.name}${t.status === 'denounced' ? ' [denounced]' : ''}: ${t.parties.length > 6 ? `${t.parties.length} parties` : t.parties.join(', ')} — ${kinds}`);
  }
  return lines;
}

function wrap(items: string[], perLine: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(`  ${items.slice(i, i + perLine).join('  ')}`);
  return lines;
}
