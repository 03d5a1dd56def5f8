/** The `casus` command line: one file per command under ./commands, registered here. */
import { Command, CommanderError } from 'commander';
import { EXIT } from './output.js';
import { registerTimeline } from './commands/timeline.js';
import { registerTreaties } from './commands/treaties.js';
import { registerValidate } from './commands/validate.js';
import { registerWorld } from './commands/world.js';
import { registerResolve } from './commands/resolve.js';
import { registerAtlas } from './commands/atlas.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerWhatif } from './commands/whatif.js';
import { registerImport } from './commands/import.js';
import { registerAudit } from './commands/audit.js';
import { registerAlign } from './commands/align.js';
import { registerPlay } from './commands/play.js';
import { registerReadings } from './commands/readings.js';

const program = new Command('casus')
  .description('The collective-security system of the 1930s: who is bound, who breaches, who can reach, what deters.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerValidate, registerWorld, registerTimeline, registerTreaties, registerServe, registerResolve, registerAtlas, registerSimulate, registerWhatif, registerImport, registerAudit, registerAlign, registerPlay]) register(program);
for (const register of [registerValidate, registerWorld, registerTimeline, registerTreaties, registerServe, registerResolve, registerAtlas, registerSimulate, registerWhatif, registerImport, registerAudit, registerAlign, registerReadings]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    throw error;
  }
}
