import type { Command } from 'commander';
import { timelineOf } from '../../world/timeline.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';
import { citationsOf, withCitations } from '../../model/citation.js';
import { nextDay } from '../../model/day.js';
import { QueryError } from '../../model/errors.js';

/** `casus timeline [--from DAY] [--to DAY]`: events and treaty milestones in order. */
export function registerTimeline(program: Command): void {
  withCommonOptions(
    program
      .command('timeline')
      .description('the dated events and milestones of the scenario')
      .option('--from <day>', 'first day shown')
      .option('--to <day>', 'last day shown (inclusive)')
      .option('--kind <kind>', 'only entries of this kind (aggression, treaty-signed, joins …)')
      .option('--sources', 'under each entry, its sources as citations (title, author or issuing body, date, article; a seed by its title, with the quote)'),
  ).action(
    action((options: { from?: string; to?: string; kind?: string; sources?: boolean; scenario?: string; json?: boolean }) => {
      const from = options.from === undefined ? undefined : dayOption(options.from, '--from');
      const to = options.to === undefined ? undefined : dayOption(options.to, '--to');
      if (from !== undefined && to !== undefined && to < from) throw new QueryError(`--to ${to} is before --from ${from}`);
      const scenario = scenarioFrom(options);
      const entries = timelineOf(scenario, from, to === undefined ? undefined : nextDay(to)).filter((e) => options.kind === undefined || e.kind === options.kind);
      if (options.json) printJson({ scenario: scenario.id, from: from ?? null, to: to ?? null, entries: withCitations(entries, scenario.seeds) });
      else
        printLines(
          entries.flatMap((e) => [
            `${e.date}  ${e.kind.padEnd(16)} ${e.title}${e.excluded ? ` (left out: ${e.excluded.join(', ')})` : ''}`,
            ...(options.sources ? citationsOf(e.source, scenario.seeds).map((c) => `            source: ${c}`) : []),
          ]),
        );
    }),
  );
}
