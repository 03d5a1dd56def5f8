/**
 * The `casus` command line as a function: arguments in; text on the run's streams and an exit code out.
 * bin/casus.mjs calls it through main.ts with the process's streams; tests call it in-process with
 * buffers, which spares them a Node start and the loading of every module for each command they run.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, reportError, withIo, type CliIo } from './output.js';

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

/** A fresh program a run: commander keeps the options it parsed on the commands. */
async function program(args: readonly string[], streams: CliIo): Promise<Command> {
  const root = new Command('casus')
    .description('The collective-security system of the 1930s: who is bound, who breaches, who can reach, what deters.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    // Set before the commands are registered, which inherit it: help and usage errors go to the run's streams.
    .configureOutput({
      writeOut: (text) => void streams.stdout.write(text),
      writeErr: (text) => void streams.stderr.write(text),
      getOutHelpWidth: () => (streams.stdout.isTTY ? (streams.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => (streams.stderr.isTTY ? (streams.stderr.columns ?? 80) : 80),
      // casus styles no help text: nothing to colour, so nothing to ask the terminal.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  const named = args[0];
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
  for (const register of await Promise.all(wanted.map((load) => load()))) register(root);
  return root;
}

/** Runs one command line (without `node casus`) and returns its exit code; never exits the process. */
export async function runCli(args: readonly string[], streams: CliIo): Promise<number> {
  return withIo(streams, async () => {
    try {
      await (await program(args, streams)).parseAsync([...args], { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) streams.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      else streams.exitCode = reportError(error);
    }
    return streams.exitCode;
  });
}
