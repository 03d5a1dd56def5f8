/** Debian's Chromium driven by playwright-core: no browser download, a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** True when the system browser is installed (scripts/ensure-chromium.sh installs it). */
export const hasChromium = existsSync(CHROMIUM);

/** Launches headless Chromium with a fresh profile (its --user-data-dir) in a language (en-US unless told); close() removes the profile. */
export async function launch(viewport = { width: 1400, height: 900 }, locale = 'en-US'): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'casus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    // State names follow the browser's language: the suites read them in English unless a test says otherwise.
    locale,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
