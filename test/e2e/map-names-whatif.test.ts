/**
 * The classroom additions, in Chromium: the map of the day as areas filled by their holder (the
 * changes of 1938–39 on their days, East Asia too), zoom and pan; state names in the reader's
 * language with a switch; the teacher's what-if list simulated and ranked with its sources; and
 * overlays typed as bad JSON refused without touching the address. Pictures of the map on each
 * day at each size go to test-results/e2e/map/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch } from './support/browser.js';
import { axeViolations, horizontalOverflow } from './support/checks.js';
import { REPO, type CasusProcess } from './support/server.js';
import { useExplorer } from './support/session.js';
import { SIZES } from './support/sizes.js';

const SHOTS = join(REPO, 'test-results', 'e2e', 'map');
const MUNICH = '?day=1938-09-28&attacker=GMY&target=CZE';

// [day, region, territory, holder on that day]: each change on its day, from the territories' sources.
const CHANGES: [string, string, string, string][] = [
  ['1938-03-12', 'europe', 'austria', 'AUS'],
  ['1938-03-13', 'europe', 'austria', 'GMY'],
  ['1938-09-30', 'europe', 'sudetenland', 'CZE'],
  ['1938-10-01', 'europe', 'sudetenland', 'GMY'],
  ['1938-11-02', 'europe', 'southern-slovakia', 'HUN'],
  ['1939-03-14', 'europe', 'slovakia', 'SLO'],
  ['1939-03-15', 'europe', 'ruthenia', 'HUN'],
  ['1939-03-23', 'europe', 'memel', 'GMY'],
  ['1939-04-07', 'europe', 'albania', 'ITA'],
  ['1932-02-18', 'asia', 'manchuria', 'MAN'],
  ['1937-12-13', 'asia', 'east-china', 'JPN'],
];

describe.skipIf(!hasChromium)('the map, names and what-if for a classroom', () => {
  const session = useExplorer({ shots: SHOTS, viewport: { width: 1280, height: 800 } });
  let server: CasusProcess;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ server, page, errors } = session);
  });

  const holder = (territory: string) => page.locator(`path.area[data-territory="${territory}"]`).first().getAttribute('data-holder');

  it('fills each territory with its holder of the day, from the Anschluss to Manchukuo', async () => {
    for (const [day, region, territory, state] of CHANGES) {
      await page.goto(`${server.url}?day=${day}${region === 'asia' ? '&region=asia' : ''}`);
      await page.getByTestId('map-areas').waitFor();
      await expect.poll(() => holder(territory), { message: `${territory} on ${day}` }).toBe(state);
    }
    expect(errors).toEqual([]);
  });

  for (const size of SIZES) {
    it(`draws the map of Munich and of Prague at ${size.width}×${size.height} with a legend, zoom and pan`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [label, address] of [['munich', `${MUNICH}&tab=lab`], ['prague', '?day=1939-03-16']] as const) {
        await page.goto(`${server.url}${address}`);
        await page.getByTestId('map-areas').waitFor();
        expect(await page.locator('path.area').count()).toBeGreaterThan(60);
        expect(await page.getByTestId('legend').textContent()).toMatch(/who holds it that day/);
        expect(await horizontalOverflow(page)).toBe(0);
        await page.getByTestId('map').screenshot({ path: join(SHOTS, `${size.name}-${size.width}x${size.height}-${label}.png`) });
      }
      await page.getByTestId('zoom-in').click();
      await expect.poll(() => page.getByTestId('map').getAttribute('data-zoom')).toBe('1.5');
      const moved = () => page.locator('[data-testid="map"] > g').getAttribute('transform');
      const before = await moved();
      await page.getByRole('button', { name: 'Move east' }).click();
      await expect.poll(moved).not.toBe(before);
      await page.getByTestId('map').screenshot({ path: join(SHOTS, `${size.name}-${size.width}x${size.height}-prague-zoomed.png`) });
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('names states in the language chosen, remembers it, and gives gone states their own names', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('en');
    await page.getByTestId('language').selectOption('de');
    await expect.poll(() => page.locator('g.state[data-state="CZE"] text').textContent()).toBe('Tschechoslowakei');
    await expect.poll(() => page.locator('tr[data-state="FRN"] .state-name').textContent()).toBe('Frankreich');
    await page.reload();
    await page.getByTestId('bound-table').waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('de');
    await expect.poll(() => page.locator('g.state[data-state="RUS"] text').textContent()).toBe('Sowjetunion');
    await page.getByTestId('language').selectOption('cs');
    await expect.poll(() => page.locator('g.state[data-state="CZE"] text').textContent()).toBe('Československo');
    await page.screenshot({ path: join(SHOTS, 'laptop-1280x800-names-cs.png') });
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('g.state[data-state="CZE"] text').textContent()).toBe('Czechoslovakia');
  });

  it('starts in the browser’s language when it is offered', async () => {
    const french = await launch({ width: 1280, height: 800 }, 'fr-FR');
    try {
      const other = await french.context.newPage();
      await other.goto(`${server.url}${MUNICH}&tab=lab`);
      await other.getByTestId('bound-table').waitFor();
      expect(await other.getByTestId('language').inputValue()).toBe('fr');
      await expect.poll(() => other.locator('g.state[data-state="CZE"] text').textContent()).toBe('Tchécoslovaquie');
      await expect.poll(() => other.locator('g.state[data-state="RUS"] text').textContent()).toBe('Union soviétique');
    } finally {
      await french.close();
    }
  });

  it('simulates the teacher’s list for Munich: each change with why, its source, its effect and interval', async () => {
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    const list = page.getByTestId('teacher-whatif');
    await list.locator('summary').click();
    expect(await list.textContent()).toMatch(/United Kingdom guarantees Czechoslovakia — League Council member.*Anglo-French proposals to Czechoslovakia, 1938-09-19/s);
    expect(await list.textContent()).toMatch(/Poland lets Soviet Union pass.*neither the Rumanians nor the Poles/s);
    await page.getByTestId('run-teacher-whatif').click();
    const ranking = page.getByTestId('whatif');
    await ranking.waitFor({ timeout: 120_000 });
    const rows = ranking.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/[+-]\d+\.\d \([+-]\d+\.\d to [+-]\d+\.\d\)/);
    expect(await ranking.locator('[data-testid^="why-"]').count()).toBe(7);
    await ranking.screenshot({ path: join(SHOTS, 'laptop-1280x800-teacher-whatif.png') });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses overlays typed as bad JSON with what and where, and keeps the address', async () => {
    await page.goto(`${server.url}${MUNICH}&tab=lab`);
    await page.getByTestId('bound-table').waitFor();
    await page.locator('.overlays summary').click();
    const before = page.url();
    for (const [text, message] of [
      ['[{"id": "x"', /Overlays not applied: the text is not JSON/],
      ['{"id": "a", "title": "t", "changes": [{"op": "explode"}]}', /Overlays not applied: overlay 1 \(a\), change 1: "op" must be one of/],
    ] as const) {
      await page.getByTestId('overlay-json').fill(text);
      await page.getByTestId('overlay-json-apply').click();
      await expect.poll(() => page.getByTestId('overlay-json-problem').textContent()).toMatch(message);
      expect(page.url()).toBe(before);
    }
    expect(errors).toEqual([]);
  });
});
