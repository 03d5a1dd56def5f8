/** The `casus` command line: one file per command under ./commands, registered here. */
import { Command, CommanderError } from 'commander';
import { EXIT } from './output.js';

type Register = (program: Command) => void;

/**
 * Each command's module, imported only when that command runs (or for help and unknown commands, all of
 * them): a command then loads only what it uses, and `casus world` does not wait for the server, the
 * simulator's worker pool or SQLite to load.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  world: async () => (await import('./commands/world.js')).registerWorld,
  timeline: async () => (await import('./commands/timeline.js')).registerTimeline,
  treaties: async () => (await import('./commands/treaties.js')).registerTreaties,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  resolve: async () => (await import('./commands/resolve.js')).registerResolve,
  atlas: async () => (await import('./commands/atlas.js')).registerAtlas,
  simulate: async () => (await import('./commands/simulate.js')).registerSimulate,
  whatif: async () => (await import('./commands/whatif.js')).registerWhatif,
  import: async () => (await import('./commands/import.js')).registerImport,
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  align: async () => (await import('./commands/align.js')).registerAlign,
  readings: async () => (await import('./commands/readings.js')).registerReadings,
  play: async () => (await import('./commands/play.js')).registerPlay,
};

const program = new Command('casus')
  .description('The collective-security system of the 1930s: who is bound, who breaches, who can reach, what deters.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
for (const register of await Promise.all(wanted.map((load) => load()))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    throw error;
  }
}
