/** Starting the HTTP server: a store, the app, a listening socket on the loopback by default. */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { Store, type Retention } from '../store/store.js';
import { createApp, type LimitOverrides } from './app.js';
import { hostnameOf } from './guard.js';
import { WEB_ROOT, webBuilt } from './static.js';

/** Where runs and uploads are kept unless `--db` or $CASUS_DB says otherwise (ignored by git). */
export const DEFAULT_DB = fileURLToPath(new URL('../../.casus/casus.db', import.meta.url));

export interface ServeOptions {
  port: number;
  host: string;
  db: string;
  limits?: LimitOverrides | undefined;
  /** The default scenario; the built-in one when omitted. */
  scenario?: Scenario | undefined;
  /** Host names to answer to besides the loopback ones and the bound address (a public name behind a proxy). */
  allowHosts?: readonly string[] | undefined;
  retention?: Retention | undefined;
}

/** A running server. */
export interface Running {
  url: string;
  /** False when the explorer has not been built (`npm run build:web`); the API works anyway. */
  web: boolean;
  close(): Promise<void>;
}

/**
 * Opens the store, builds the app, starts its worker threads and listens. Rejects when the port
 * is taken, or with a QueryError that says why when the store cannot be opened.
 */
export async function startServer(options: ServeOptions): Promise<Running> {
  const store = openStore(options.db);
  const web = webBuilt();
  // A wildcard address answers on every interface, but only to names it is told: the loopback ones and --allow-host.
  const bound = ['0.0.0.0', '::', ''].includes(options.host) ? [] : [options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : hostnameOf(options.host)];
  const app = createApp({ store, limits: options.limits, webRoot: web ? WEB_ROOT : undefined, builtIn: options.scenario, hosts: [...bound, ...(options.allowHosts ?? [])], retention: options.retention, keepWarm: true });
  await app.work.warm();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  // Bounded so that a slow client cannot hold a socket for ever.
  server.setTimeout?.(120_000);
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    web,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void app.close().finally(() => {
            store.close();
            resolve();
          });
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** The store, or a QueryError naming the file and the reason (never a stack trace). */
function openStore(path: string): Store {
  try {
    return new Store(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? '';
    const message = (error as Error).message;
    const hint = /NOTADB|CORRUPT/.test(reason) ? 'it is not a casus database (or is damaged); give another --db' : /CANTOPEN|EACCES|EROFS|READONLY|PERM/.test(reason) ? 'check that its folder exists and is writable, or give another --db' : 'give another --db';
    throw new QueryError(`cannot open the store ${path}: ${message}${reason && !message.includes(reason) ? ` (${reason})` : ''}; ${hint}`);
  }
}
