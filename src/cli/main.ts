/** The `casus` binary: the command line of ./run.ts on the process's own streams and exit code. */
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, exitCode: 0 });
