/**
 * The explorer as a teacher uses it, from a phone to a projector: at 390×844, 768×1024,
 * 1280×800 and 1920×1080 every view fits the width, no control is covered, touch targets are
 * large on small screens, and axe-core finds no serious or critical violation. Then keyboard
 * use, Back and Forward, bad days, names instead of codes, exports opened and checked, and the
 * crisis sheet printed to PDF. Screenshots of every view at every size go to
 * test-results/e2e/classroom/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { axeViolations, coveredControls, horizontalOverflow, smallTargets } from './support/checks.js';
import { REPO, type CasusProcess } from './support/server.js';
import { useExplorer } from './support/session.js';
import { SIZES } from './support/sizes.js';

const SHOTS = join(REPO, 'test-results', 'e2e', 'classroom');
const VIEWS = ['network', 'lab', 'events', 'readings', 'alignment', 'glossary'];
const MUNICH = '?day=1938-09-28&attacker=GMY&target=CZE';

describe.skipIf(!hasChromium)('the explorer in a classroom', () => {
  const session = useExplorer({ shots: SHOTS, viewport: { width: 1280, height: 800 } });
  let server: CasusProcess;
  let browser: { context: BrowserContext };
  let page: Page;
  let errors: string[];
  let dir: string;
  beforeAll(() => {
    ({ server, page, errors, dir } = session);
    browser = session;
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height} (${size.name}) every view fits, nothing is covered, and axe finds nothing serious`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${server.url}${MUNICH}&tab=lab`);
      await page.getByTestId('bound-table').waitFor();
      const problems: string[] = [];
      for (const view of VIEWS) {
        await page.locator(`[data-tab="${view}"]`).click();
        await expect.poll(() => page.locator(`[data-tab="${view}"]`).getAttribute('aria-selected')).toBe('true');
        if (view === 'network') await page.getByTestId('network').locator('canvas').first().waitFor();
        if (view === 'events') await page.getByTestId('events').waitFor();
        if (view === 'glossary') await page.getByTestId('glossary').waitFor();
        await page.evaluate(() => scrollTo(0, 0));
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${view}: the page is ${overflow} px wider than the window`);
        for (const c of await coveredControls(page)) problems.push(`${view}: covered: ${c}`);
        if (size.width <= 1000) for (const t of await smallTargets(page)) problems.push(`${view}: touch target under 44 px: ${t}`);
        for (const v of await axeViolations(page)) problems.push(`${view}: axe ${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
        await page.screenshot({ path: join(SHOTS, `${size.name}-${size.width}x${size.height}-${view}.png`) });
        if (size.width < 1000) {
          // On one column the view sits below the map: a second picture of it.
          await page.locator('#panel').evaluate((el) => el.scrollIntoView());
          await page.screenshot({ path: join(SHOTS, `${size.name}-${size.width}x${size.height}-${view}-panel.png`) });
        }
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('has a large-type mode for a projector that still fits the width and is remembered', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    await page.getByTestId('large-type').click();
    await expect.poll(size).toBeGreaterThan(before);
    expect(await page.getByTestId('large-type').getAttribute('aria-pressed')).toBe('true');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'projector-large-type-lab.png') });
    await page.reload();
    await page.getByTestId('bound-table').waitFor();
    expect(await size()).toBeGreaterThan(before);
    await page.getByTestId('large-type').click();
    await expect.poll(size).toBe(before);
  });

  it('reaches every view by keyboard: one tab stop for the views and one for the timeline, arrow keys within', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}?day=1938-09-28`);
    await page.getByTestId('network').locator('canvas').first().waitFor();
    // Tab from the top until the view tabs have the focus, counting the stops on the way.
    const stops: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? '');
      stops.push(focused);
      if (focused === 'tab') break;
    }
    expect(stops.at(-1)).toBe('tab');
    // The timeline is one stop (its events are a list behind arrow keys), not one per event.
    expect(stops.filter((s) => s === 'listbox')).toHaveLength(1);
    expect(stops.length).toBeLessThan(25);
    for (const view of ['lab', 'events', 'readings', 'alignment', 'glossary', 'network']) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe(view);
      await expect.poll(() => page.url()).toMatch(view === 'network' ? /\?day=[^&]*$/ : new RegExp(`tab=${view}`));
    }
    // Arrow keys on the timeline move from event to event.
    await page.getByTestId('event-strip').focus();
    const before = await page.getByTestId('day').textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('day').textContent()).not.toBe(before);
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toMatch(/day=1929-/);
  });

  it('makes each step a history entry: Back and Forward walk through days and views', async () => {
    await page.goto(`${server.url}?day=1938-09-28`);
    await page.getByTestId('network').locator('canvas').first().waitFor();
    await page.getByTestId('next-event').click();
    await expect.poll(() => page.getByTestId('day').textContent()).not.toBe('28 September 1938');
    const nextDay = await page.getByTestId('day').textContent();
    await page.locator('[data-tab="glossary"]').click();
    await page.getByTestId('glossary').waitFor();
    await page.goBack();
    await expect.poll(() => page.locator('[data-tab="network"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('day').textContent()).toBe(nextDay);
    await page.goBack();
    await expect.poll(() => page.getByTestId('day').textContent()).toBe('28 September 1938');
    await page.goForward();
    await expect.poll(() => page.getByTestId('day').textContent()).toBe(nextDay);
    await page.goForward();
    await expect.poll(() => page.locator('[data-tab="glossary"]').getAttribute('aria-selected')).toBe('true');
  });

  it('says what is wrong with a bad or out-of-range day and shows the nearest good one', async () => {
    await page.goto(`${server.url}?day=1938-13-45`);
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/“1938-13-45” is not a day of the calendar; showing 28 September 1938/);
    expect(await page.getByTestId('day').textContent()).toBe('28 September 1938');
    await page.goto(`${server.url}?day=1945-05-08`);
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/8 May 1945 is after the scenario ends; showing its last day, 31 December 1939/);
    expect(await page.getByTestId('day').textContent()).toBe('31 December 1939');
    await expect.poll(() => page.url()).toContain('day=1939-12-31');
    // The day box: a typed day before the scenario.
    await page.getByTestId('date').fill('1925-12-01');
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/1 December 1925 is before the scenario begins; showing its first day, 1 January 1929/);
    expect(await page.getByTestId('day').textContent()).toBe('1 January 1929');
    // A bad seed is refused with a message.
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('seed').fill('12x');
    await expect.poll(() => page.getByTestId('seed-error').textContent()).toMatch(/whole number .* not “12x”; the simulation keeps seed 1/);
  });

  it('uses names, not codes, shows sanctions as sanctions, and cites seeds by title and author', async () => {
    await page.goto(`${server.url}${MUNICH}&tab=lab&league=1`);
    await page.getByTestId('bound-table').waitFor();
    // The names come with the day's world, which may arrive after the answer: wait for them.
    await expect.poll(() => page.getByTestId('crisis-title').textContent()).toBe('If Germany attacks Czechoslovakia on 28 September 1938');
    await expect.poll(() => page.locator('tr[data-state="FRN"] .state-name').textContent()).toBe('France');
    expect(await page.locator('tr[data-state="FRN"] .state-name').getAttribute('title')).toBe('FRN');
    await expect.poll(() => page.locator('g.state[data-state="CZE"] text').textContent()).toBe('Czechoslovakia');
    // A League member with no treaty of its own owes sanctions once the League finds aggression, not war.
    await expect.poll(() => page.locator('g.state[data-state="SWD"]').getAttribute('data-role')).toBe('sanctions');
    expect(await page.locator('g.state[data-state="FRN"]').getAttribute('data-role')).toBe('must-act');
    await page.locator('[data-tab="events"]').click();
    await expect.poll(() => page.locator('[data-tab="events"]').getAttribute('aria-selected')).toBe('true');
    const events = await page.getByTestId('events').textContent();
    expect(events).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    await page.goto(`${server.url}?day=1935-05-02&tab=events`);
    await expect.poll(() => page.getByTestId('events').textContent()).toMatch(/Gerhard Rempel, “Collective Security”/);
  });

  it('exports the table as CSV and JSON, the map as SVG and PNG, and the network as PNG', async () => {
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    // The answer can come before the day's world that names the states: export once the table shows names.
    await expect.poll(() => page.locator('tr[data-state="FRN"] .state-name').textContent()).toBe('France');
    const saved = async (testid: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const csv = await saved('export-csv');
    expect(csv.name).toBe('casus-gmy-cze-1938-09-28.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('state,code,mustAct,acts,obligations,reach,reachReason');
    expect(lines.find((l) => l.startsWith('France,FRN,true,true,'))).toMatch(/Franco-Czechoslovak/);
    const json = JSON.parse((await saved('export-json')).bytes.toString('utf8'));
    expect(json.act).toMatchObject({ attackers: ['GMY'], target: 'CZE', date: '1938-09-28' });
    const svg = (await saved('export-map-svg')).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>Czechoslovakia<');
    const png = (await saved('export-map-png')).bytes;
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1600); // 800 px drawn at twice the size
    await page.locator('[data-tab="network"]').click();
    await page.getByTestId('network').locator('canvas').first().waitFor();
    const network = (await saved('export-network-png')).bytes;
    expect(network.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('builds a counterfactual in a form, refuses an incomplete one, and shares it by its address', async () => {
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    await page.locator('.overlays summary').click();
    const before = page.url();
    await page.getByTestId('overlay-add').click();
    await expect.poll(() => page.getByTestId('overlay-problem').textContent()).toBe('Cannot add this change: choose both states.');
    expect(page.url()).toBe(before);
    await page.getByTestId('overlay-a').selectOption('UKG');
    await page.getByTestId('overlay-b').selectOption('CZE');
    await page.getByTestId('overlay-add').click();
    await expect.poll(() => page.getByTestId('applied-overlays').textContent()).toContain('United Kingdom guarantees Czechoslovakia');
    expect(decodeURIComponent(page.url())).toContain('"op":"add-treaty"');
    // The address alone brings the same counterfactual back.
    const other = await browser.context.newPage();
    await other.goto(page.url());
    await other.locator('.overlays summary').waitFor();
    await expect.poll(() => other.getByTestId('applied-overlays').textContent()).toContain('United Kingdom guarantees Czechoslovakia');
    await other.close();
  });

  it('prints the crisis sheet on one page: map, who is bound and why, the treaties’ sources', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('treaty-sources').waitFor();
    await page.getByTestId('map-areas').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.getByTestId('map').isVisible()).toBe(true);
    expect(await page.getByTestId('bound-table').isVisible()).toBe(true);
    expect(await page.getByTestId('treaty-sources').textContent()).toMatch(/Franco-Czechoslovak/);
    expect(await page.locator('[role="tablist"]').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'crisis-sheet-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    expect(errors).toEqual([]);
  });
});
