import type { Command } from 'commander';
import { QueryError } from '../../model/errors.js';
import { loadScenarioFile } from '../../model/load.js';
import { DEFAULT_DB, startServer } from '../../server/serve.js';
import { action } from '../output.js';

/** `casus serve [--port P] [--host H] [--db FILE]`: the HTTP API and the explorer. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web explorer')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to listen on; the loopback unless you mean to share it', '127.0.0.1')
    .option('--scenario <file>', 'serve this scenario (YAML or JSON) as the default instead of the built-in interwar one')
    .option('--db <file>', 'SQLite file for uploaded scenarios and stored runs (default: $CASUS_DB or .casus/casus.db in the repository)')
    .option('--allow-host <name>', 'also answer to this Host name, e.g. the public name behind a reverse proxy (repeatable; or $CASUS_ALLOW_HOSTS, comma-separated)', (v: string, all: string[] = []) => [...all, v])
    .option('--keep-runs <n>', 'keep at most the newest N stored runs (default: all)')
    .option('--max-run-age <days>', 'delete stored runs older than this many days (default: never)')
    .action(
      action(async (options: { port: string; host: string; db?: string; scenario?: string; allowHost?: string[]; keepRuns?: string; maxRunAge?: string }) => {
        if (!/^[0-9]{1,5}$/.test(options.port) || Number(options.port) > 65535) throw new QueryError(`--port must be a number from 0 to 65535, got "${options.port}"`);
        const db = options.db ?? process.env.CASUS_DB ?? DEFAULT_DB;
        const scenario = options.scenario ? loadScenarioFile(options.scenario) : undefined;
        const allowHosts = [...(options.allowHost ?? []), ...(process.env.CASUS_ALLOW_HOSTS ?? '').split(',')].map((h) => h.trim().toLowerCase()).filter(Boolean);
        for (const host of allowHosts) if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host)) throw new QueryError(`--allow-host: "${host}" is not a host name (no scheme, port or path)`);
        const retention = { keep: countOption(options.keepRuns, '--keep-runs'), maxAgeDays: countOption(options.maxRunAge, '--max-run-age') };
        const running = await startServer({ port: Number(options.port), host: options.host, db, scenario, allowHosts, retention }).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') throw new QueryError(`port ${options.port} on ${options.host} is in use; pick another with --port`);
          if (error.code === 'EADDRNOTAVAIL') throw new QueryError(`cannot listen on ${options.host}: no such address here`);
          throw error;
        });
        process.stdout.write(`casus explorer: ${running.url}\n`);
        process.stdout.write(`API: ${running.url}api/openapi.json   store: ${db}\n`);
        if (!running.web) process.stdout.write('(the explorer is not built: run `npm run build:web`, or `npm start`; the API works anyway)\n');
        const stop = () => {
          void running.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}

function countOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(value)) throw new QueryError(`${name} must be a whole number, got "${value}"`);
  return Number(value);
}
