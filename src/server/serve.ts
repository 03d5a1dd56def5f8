/** Starting the HTTP server: a store, the app, a listening socket on the loopback by default. */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../model/schema.js';
import { Store } from '../store/store.js';
import { createApp, type Limits } from './app.js';
import { WEB_ROOT, webBuilt } from './static.js';

/** Where runs and uploads are kept unless `--db` or $CASUS_DB says otherwise (ignored by git). */
export const DEFAULT_DB = fileURLToPath(new URL('../../.casus/casus.db', import.meta.url));

export interface ServeOptions {
  port: number;
  host: string;
  db: string;
  limits?: Partial<Limits> | undefined;
  /** The default scenario; the built-in one when omitted. */
  scenario?: Scenario | undefined;
}

/** A running server. */
export interface Running {
  url: string;
  /** False when the explorer has not been built (`npm run build:web`); the API works anyway. */
  web: boolean;
  close(): Promise<void>;
}

/** Opens the store, builds the app and listens. Rejects when the port is taken or the store cannot be opened. */
export async function startServer(options: ServeOptions): Promise<Running> {
  const store = new Store(options.db);
  const web = webBuilt();
  const app = createApp({ store, limits: options.limits, webRoot: web ? WEB_ROOT : undefined, builtIn: options.scenario });
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
          store.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
