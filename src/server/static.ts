/** Serving the built explorer: files under the web root, and index.html for any other page path. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Where `npm run build:web` puts the explorer. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** True when the explorer has been built into `root`. */
export function webBuilt(root = WEB_ROOT): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Adds the static routes; serveStatic refuses `..`, backslashes and encoded separators, so
 * nothing outside `root` is served. A page path (no file extension) gets the explorer's
 * index.html, never cached; a missing file (an asset, a favicon) is a 404, so a stale page
 * asking for an old bundle learns that instead of caching the index under the bundle's name.
 */
export function serveWeb(app: Hono, root: string): void {
  app.use('/assets/*', async (c, next) => {
    await next();
    // Bundled file names carry a content hash: they never change.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/') || path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path)) return c.json({ error: `no file ${path}` }, 404);
    const index = await serveStatic({ root, path: 'index.html' })(c, next);
    index?.headers.set('Cache-Control', 'no-cache');
    return index ?? c.json({ error: 'the explorer is not built' }, 404);
  });
}
