/**
 * The Play view in Debian's Chromium, at a phone's width and a laptop's: set up a two-crisis game,
 * guarantee Czechoslovakia between the Rhineland and Munich, and read in Munich's debrief that the
 * USSR is now bound by that guarantee; the shared URL shows the same game; a copy of the setup for
 * another student is compared side by side with the first. Screenshots go to
 * test-results/e2e/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch } from './support/browser.js';
import { ensureWebBuilt, REPO, startCasus, type CasusProcess } from './support/server.js';

const SHOTS = join(REPO, 'test-results', 'e2e');
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
];

describe.skipIf(!hasChromium)('the Play view in a browser', () => {
  let server: CasusProcess;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'casus-e2e-play-'));
    server = await startCasus(['--db', join(dir, 'play.db')]);
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const size of WIDTHS) {
    it(`plays a short game at ${size.name} width (${size.width}px)`, async () => {
      const browser = await launch({ width: size.width, height: size.height });
      const errors: string[] = [];
      try {
        const page = await browser.context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${server.url}/?view=play`);
        await page.getByTestId('crisis-munich').waitFor();
        for (const box of await page.locator('[data-testid^="crisis-"]').all()) {
          const id = (await box.getAttribute('data-testid'))!.slice('crisis-'.length);
          if ((id === 'rhineland' || id === 'munich') !== (await box.isChecked())) await box.click();
        }
        await page.getByTestId('setup-start-game').click();
        await expect.poll(() => page.url()).toMatch(/view=play&game=/);
        await page.getByTestId('next-crisis').waitFor();

        await page.getByTestId('resolve-next').click();
        await page.getByTestId('turn-rhineland').waitFor();
        await page.getByTestId('move-date').fill('1936-05-01');
        await page.getByTestId('move-template').selectOption('guarantee');
        await page.getByTestId('move-partners').fill('CZE');
        await page.getByTestId('move-propose').click();
        await expect.poll(() => page.getByTestId('log').textContent()).toMatch(/Guarantee RUS–CZE .* signed: CZE accepts/);

        await page.getByTestId('resolve-next').click();
        const munich = page.getByTestId('turn-munich');
        await munich.waitFor();
        expect(await munich.getByTestId('position').textContent()).toMatch(/RUS: bound to act/);
        expect(await munich.getByTestId('debrief').textContent()).toMatch(/RUS is now bound to act: assist CZE under Guarantee RUS–CZE/);
        await page.getByTestId('game-over').waitFor();
        expect(await page.getByTestId('grades').textContent()).toMatch(/Credibility/);
        // Nothing sticks out sideways, down to a phone's width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        await page.screenshot({ path: join(SHOTS, `play-${size.name}.png`), fullPage: true });

        // The shared URL replays the same game.
        const shared = await page.getByTestId('share').getAttribute('href');
        await page.goto(`${server.url}${shared}`);
        await page.getByTestId('turn-munich').waitFor();
        expect(await page.getByTestId('turn-munich').getByTestId('position').textContent()).toMatch(/RUS: bound to act/);
        if (size.name === 'laptop') {
          // A teacher's copy of the setup for another student, then the two games side by side.
          const first = new URL(page.url()).searchParams.get('game')!;
          await page.getByTestId('copy-label').fill('Ben');
          await page.getByTestId('copy-game').click();
          await expect.poll(() => new URL(page.url()).searchParams.get('game')).not.toBe(first);
          await page.getByTestId('next-crisis').waitFor();
          await page.getByTestId('compare-ids').fill(first);
          await page.getByTestId('compare-go').click();
          const table = page.getByTestId('compare');
          await table.waitFor();
          expect(await table.locator('thead th').count()).toBe(3);
          expect(await table.textContent()).toMatch(/Ben/);
          await page.screenshot({ path: join(SHOTS, 'play-compare.png') });
        }
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
