import type { Command } from 'commander';
import { ScenarioError } from '../../model/errors.js';
import { BUILT_IN_SCENARIO, loadScenarioFile } from '../../model/load.js';
import { action, EXIT, io, printJson, printLines, setExitCode } from '../output.js';

/** `casus validate [FILE]`: reads a scenario and reports every problem with file, path and line. */
export function registerValidate(program: Command): void {
  program
    .command('validate [file]')
    .description('check a scenario file (the built-in one when no file is named)')
    .option('--json', 'print one JSON document on stdout')
    .action(
      action((file: string | undefined, options: { json?: boolean }) => {
        try {
          const s = loadScenarioFile(file ?? BUILT_IN_SCENARIO);
          const counts = { actors: s.actors.length, territories: s.territories.length, organizations: s.organizations.length, treaties: s.treaties.length, events: s.events.length, capabilities: s.capabilities.length };
          if (options.json) printJson({ valid: true, scenario: s.id, span: s.span, counts });
          else printLines([`valid: ${s.id} (${s.name}), ${s.span.from} to ${s.span.until}`, `  ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`]);
        } catch (error) {
          if (!(error instanceof ScenarioError) || !options.json) throw error;
          printJson({ valid: false, issues: error.issues });
          setExitCode(EXIT.invalidScenario);
        }
      }),
    );
}
