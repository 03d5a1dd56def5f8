/** One explorer session for a describe block: the web built, a server on a fresh database, a browser and a page. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { ensureWebBuilt, startCasus, type CasusProcess } from './server.js';

export interface ExplorerSession {
  server: CasusProcess;
  context: BrowserContext;
  page: Page;
  /** The session's own folder: its database (e2e.db) and any files a test saves. */
  dir: string;
  /** Uncaught errors of the page, to assert none. */
  errors: string[];
}

/**
 * Registers the hooks that start and stop a session; its fields are set once beforeAll has run.
 * `shots` is created for the screenshots; `serveArgs` go to `casus serve`.
 */
export function useExplorer(options: { shots: string; viewport: { width: number; height: number }; serveArgs?: string[] }): ExplorerSession {
  const session = { errors: [] as string[] } as ExplorerSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    mkdirSync(options.shots, { recursive: true });
    await ensureWebBuilt();
    session.dir = mkdtempSync(join(tmpdir(), 'casus-e2e-'));
    session.server = await startCasus(['--db', join(session.dir, 'e2e.db'), ...(options.serveArgs ?? [])]);
    const browser = await launch(options.viewport);
    close = browser.close;
    session.context = browser.context;
    session.page = await browser.context.newPage();
    session.page.on('pageerror', (e) => session.errors.push(e.message));
  });
  afterAll(async () => {
    await close?.();
    await session.server?.stop();
    if (session.dir) rmSync(session.dir, { recursive: true, force: true });
  });
  return session;
}
