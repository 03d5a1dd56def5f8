/**
 * The explorer in Debian's Chromium: load it, scrub the timeline, run the Munich crisis
 * (Germany against Czechoslovakia, 28 September 1938) and check what is drawn. Screenshots go
 * to test-results/ so that a person can look at them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCshapes } from '../../src/cli/commands/import-cshapes.js';
import { DATASETS, dataPath } from '../../src/data/paths.js';
import { hasChromium } from './support/browser.js';
import { REPO, type CasusProcess } from './support/server.js';
import { useExplorer } from './support/session.js';

const SHOTS = join(REPO, 'test-results', 'e2e');

describe.skipIf(!hasChromium)('the explorer in a browser', () => {
  const session = useExplorer({ shots: SHOTS, viewport: { width: 1400, height: 1000 }, serveArgs: process.env.CASUS_E2E_SCENARIO ? ['--scenario', process.env.CASUS_E2E_SCENARIO] : [] });
  let server: CasusProcess;
  let browser: { context: BrowserContext };
  let page: Page;
  let errors: string[];
  let dir: string;
  beforeAll(() => {
    ({ server, page, errors, dir } = session);
    browser = session;
  });

  it('loads on the eve of Munich with a map of the day and the treaty network, and nothing from outside', async () => {
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('day').textContent()).toBe('28 September 1938');
    await page.locator('g.state[data-state="CZE"]').waitFor();
    expect(await page.locator('g.state').count()).toBeGreaterThan(5);
    // The land of the day as areas, each filled by its holder: Czechoslovakia still whole.
    await page.getByTestId('map-areas').waitFor();
    expect(await page.locator('path.area').count()).toBeGreaterThan(60);
    expect(await page.locator('path.area[data-territory="sudetenland"]').getAttribute('data-holder')).toBe('CZE');
    await page.getByTestId('network').locator('canvas').first().waitFor();
    expect(await page.getByTestId('network-summary').textContent()).toMatch(/treaties in force on 1938-09-28/);
    await page.screenshot({ path: join(SHOTS, '1-loaded.png') });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('scrubs the timeline: the day, the URL, the map and the network follow', async () => {
    await page.goto(`${server.url}?day=1938-09-28`);
    await page.locator('g.state[data-state="CZE"]').waitFor();
    const before = await page.getByTestId('network-summary').textContent();
    const scrub = page.getByTestId('scrub');
    const start = Number(await scrub.inputValue());
    // Drag in steps, as a hand would: 50 days at a time, 200 days in all.
    for (let step = 1; step <= 4; step++) {
      await scrub.evaluate((input: HTMLInputElement, value) => {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, start + 50 * step);
    }
    await expect.poll(() => page.getByTestId('day').textContent()).toBe('16 April 1939');
    await expect.poll(() => page.url()).toContain('day=1939-04-16');
    // Czechoslovakia is gone: Bohemia and Moravia became a protectorate on 15 March 1939.
    await expect.poll(() => page.locator('g.state[data-state="CZE"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('network-summary').textContent()).not.toBe(before);
    await page.getByTestId('prev-event').click();
    await expect.poll(() => page.getByTestId('day').textContent()).not.toBe('16 April 1939');
    await page.screenshot({ path: join(SHOTS, '2-scrubbed.png') });
  });

  it('runs the Munich crisis: who is bound, on what condition, who can reach, drawn on the map', async () => {
    await page.goto(`${server.url}?day=1938-09-28`);
    await page.locator('[data-tab="lab"]').click();
    // The historical crisis from the catalogue: Germany against Czechoslovakia on the eve of Munich.
    const munich = await page.getByTestId('preset').locator('option', { hasText: 'Munich' }).first().getAttribute('value');
    await page.getByTestId('preset').selectOption(munich!);
    await page.getByTestId('bound-table').waitFor();
    expect(await page.getByTestId('attacker').inputValue()).toBe('GMY');
    expect(await page.getByTestId('target').inputValue()).toBe('CZE');
    await expect.poll(() => page.getByTestId('crisis-title').textContent()).toBe('If Germany attacks Czechoslovakia on 28 September 1938');

    // France is bound by the 1925 treaty, unconditionally against Germany, and can reach across its border.
    const france = page.locator('tr[data-state="FRN"]');
    const soviets = page.locator('tr[data-state="RUS"]');
    expect(await france.getAttribute('data-must-act')).toBe('true');
    expect(await france.textContent()).toMatch(/Franco-Czechoslovak/);
    expect(await page.getByTestId('reach-FRN').textContent()).toMatch(/^yes, across a common border/);
    // The USSR is bound only once France acts first, and cannot get there: Poland and Romania refuse passage.
    expect(await soviets.textContent()).toMatch(/Soviet-Czechoslovak/);
    expect(await soviets.locator('.condition', { hasText: 'France acts first' }).getAttribute('data-status')).toBe('met');
    await expect.poll(() => page.getByTestId('reach-RUS').textContent()).toMatch(/^no.*Poland refuses passage to Soviet Union.*Romania refuses passage to Soviet Union/s);

    expect(await page.locator('g.state[data-state="GMY"]').getAttribute('data-role')).toBe('attacker');
    expect(await page.locator('g.state[data-state="CZE"]').getAttribute('data-role')).toBe('target');
    expect(await page.locator('g.state[data-state="FRN"]').getAttribute('data-role')).toBe('must-act');
    expect(await page.locator('[data-route="FRN"]').getAttribute('data-mode')).toBe('border');
    expect(await page.locator('[data-route="RUS"]').getAttribute('data-mode')).toBe('none');
    await expect.poll(() => page.locator('[data-refused="POL"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-refused="RUM"]').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, '3-munich.png') });

    // With a League finding the USSR must act, and still cannot reach.
    await page.getByTestId('league').selectOption('aggression');
    await expect.poll(() => soviets.getAttribute('data-must-act')).toBe('true');
    await expect.poll(() => page.locator('g.state[data-state="RUS"]').getAttribute('data-role')).toBe('must-act-no-reach');

    // Romania lets the Red Army through: the Soviets can reach, and the map draws the route.
    await page.locator('[data-transit="RUM:RUS"]').first().check();
    await expect.poll(() => page.getByTestId('reach-RUS').textContent()).toMatch(/in transit via Romania/);
    await expect.poll(() => page.locator('[data-route="RUS"]').getAttribute('data-mode')).toBe('transit');
    await expect.poll(() => page.locator('g.state[data-state="RUS"]').getAttribute('data-role')).toBe('must-act');
    expect(page.url()).toContain('transit=RUM%3ARUS');
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, '4-munich-transit.png') });

    // France abstains: the Soviet treaty's condition, France acting first, is no longer met.
    await page.locator('[data-abstain="FRN"]').check();
    await expect.poll(() => page.locator('g.state[data-state="FRN"]').getAttribute('data-role')).toBe('abstains');
    await expect.poll(() => soviets.locator('.condition', { hasText: 'France' }).first().getAttribute('data-status')).not.toBe('met');
  });

  it('opens a treaty with its provisions and source from the crisis table', async () => {
    await page.locator('tr[data-state="RUS"] a', { hasText: 'Soviet-Czechoslovak' }).click();
    const card = page.getByTestId('treaty-card');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Soviet-Czechoslovak/);
    expect(await card.textContent()).toMatch(/Source/);
    // A seed is cited by its title and kind, never by its file name.
    expect(await card.textContent()).toMatch(/“Collective Security”, lecture notes/);
    expect(await card.textContent()).not.toMatch(/\.txt/);
    expect(page.url()).toMatch(/treaty=/);
  });

  it('gives every view a URL: a fresh page on the same address shows the same crisis', async () => {
    const address = page.url();
    const other = await browser.context.newPage();
    await other.goto(address);
    await other.getByTestId('bound-table').waitFor();
    expect(await other.locator('[data-abstain="FRN"]').isChecked()).toBe(true);
    expect(await other.getByTestId('league').inputValue()).toBe('aggression');
    await expect.poll(() => other.locator('g.state[data-state="FRN"]').getAttribute('data-role')).toBe('abstains');
    await other.close();
  });

  it('runs a simulation with a progress indicator and plots its results', async () => {
    await page.goto(`${server.url}?day=1938-09-28&tab=lab&attacker=GMY&target=CZE`);
    await page.getByTestId('run-sim').click();
    await page.getByTestId('progress').waitFor();
    await page.getByTestId('sim-plots').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('deterrence').textContent()).toMatch(/Deterrence: \d+\.\d% \(95% interval/);
    expect(await page.getByTestId('pfight').locator('rect').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(SHOTS, '5-simulation.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('ranks single changes, applies one as an overlay, and compares the two runs side by side', async () => {
    await page.getByTestId('run-whatif').click();
    const ranking = page.getByTestId('whatif');
    await ranking.waitFor({ timeout: 120_000 });
    expect(await ranking.locator('tbody tr').count()).toBeGreaterThan(2);
    // Each guarantor is shown with its tie to either side, or marked as having none.
    const guarantors = ranking.locator('[data-testid^="tie-"]');
    expect(await guarantors.count()).toBeGreaterThan(0);
    for (const text of await guarantors.allTextContents()) expect(text).toMatch(/ borders | party with .* to |neither borders either side nor shares a treaty with one that day/);
    await ranking.locator('tbody tr button', { hasText: 'apply' }).first().click();
    await expect.poll(() => page.url()).toContain('overlays=');
    await expect.poll(() => page.locator('.overlays summary').textContent()).toMatch(/1 applied/);
    await page.getByTestId('run-sim').click();
    await expect.poll(() => page.locator('[data-run]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await page.locator('.runs summary').click();
    const runs = page.locator('[data-run]');
    await runs.nth(0).check();
    await runs.nth(1).check();
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    expect(await compare.textContent()).toMatch(/Deterrence \d+\.\d% → \d+\.\d%/);
    expect(page.url()).toMatch(/compare=\d+%2C\d+/);
    await page.screenshot({ path: join(SHOTS, '6-whatif-compare.png'), fullPage: true });

    // The overlays become a scenario of their own, which the explorer then opens.
    await page.getByTestId('derive-id').fill('munich-changed');
    await page.getByTestId('derive').click();
    await page.getByTestId('derived').locator('a').click();
    await expect.poll(() => page.getByTestId('scenario').inputValue()).toBe('munich-changed');
    await page.locator('g.state[data-state="CZE"]').waitFor();
    expect(page.url()).toContain('scenario=munich-changed');
    expect(errors).toEqual([]);
  });

  it.skipIf(!existsSync(dataPath(...DATASETS.cshapes)))('draws the real borders of the day once CShapes 2.0 is imported', async () => {
    await importCshapes(dataPath(...DATASETS.cshapes), join(dir, 'e2e.db'), { from: '1929-01-01', until: '1940-01-01' });
    await page.goto(`${server.url}?day=1938-09-28&tab=lab&attacker=GMY&target=CZE`);
    await expect.poll(() => page.getByTestId('map-mode').textContent(), { timeout: 30_000 }).toMatch(/borders of 1938-09-28 \(CShapes 2.0\)/);
    expect(await page.locator('path.shape').count()).toBeGreaterThan(50);
    const czechoslovakia = page.locator('path.shape[data-cowcode="315"]');
    const before = (await czechoslovakia.getAttribute('d'))!.length;
    await page.screenshot({ path: join(SHOTS, '7-cshapes-munich.png') });
    // After Munich the Sudetenland is German: Czechoslovakia's outline changes.
    await page.getByTestId('date').fill('1938-10-15');
    await expect.poll(async () => (await czechoslovakia.getAttribute('d'))?.length, { timeout: 30_000 }).not.toBe(before);
    await page.screenshot({ path: join(SHOTS, '8-cshapes-after-munich.png') });
    expect(errors).toEqual([]);
  });

  it('shows the readings register: each clause quoted, the default and who holds the other reading', async () => {
    await page.goto(`${server.url}?day=1938-09-28&tab=readings`);
    const register = page.getByTestId('readings');
    await register.waitFor();
    expect(await page.locator('[data-reading]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('reading-default-fr-su-waits-for-league').textContent()).toMatch(/^Default: yes\./);
    expect(await register.textContent()).toMatch(/effect shall nevertheless be given to the obligation of assistance/);
    expect(await register.textContent()).toMatch(/held by The Romanian government in September 1939/);
    await page.screenshot({ path: join(SHOTS, '9-readings.png') });
  });
});
