// Charts as places to go: walked with the keyboard alone in every view (what
// is said checked against the table's numbers), a tap on a phone, the
// focused bar's outline, Enter for the sources; the SKR CSV read back by the
// handbook's rules; an embed's theme=, header=0 and its empty storage.
import { test, expect } from '@playwright/test';
import { plain, open, axeViolations, contrast } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

const VIEWS = {
  compare: '?years=2015,2016,2018',
  trend: '?view=trend',
  breakdown: '?view=breakdown&years=2015,2016,2018',
  bridge: '?view=bridge&from=2016&to=2018',
};

/** Every row of the table: its label and its cells' texts, with the column headers. */
async function tableOf(page) {
  return page.locator('table.data-table').first().evaluate((table) => {
    const text = (node) => node.textContent.replace(/[\u202F\u00A0]/g, ' ').replace(/\s+/g, ' ').trim();
    // Each column by its key (the header's text also holds the sort mark).
    const headers = [...table.querySelectorAll('thead .sort-button')].map((button) => button.dataset.column);
    const rows = [...table.querySelectorAll('tbody tr, tfoot tr')].map((row) => ({
      label: text(row.querySelector('th')),
      cells: [...row.querySelectorAll('td')].map(text),
    }));
    return { headers, rows };
  });
}

/** What the chart's live region says now. */
const said = async (figure) => plain(await figure.locator('[aria-live="polite"]').innerText());

/**
 * The sentence's value is the table's: "<column>, <row>: <value>[, status]; k av n"
 * or "<row>: <value>…", found by the table's own row labels and column headers
 * (a label may hold ": " or ", " itself).
 */
function checkAgainstTable(sentence, table, where) {
  expect(sentence, where).toMatch(/; \d+ (av|of) \d+/);
  const columnKeys = table.headers;
  let best = null;
  for (const row of table.rows) {
    const names = [[row.label, null], ...columnKeys.map((key, column) => [`${key}, ${row.label}`, column])];
    for (const [name, column] of names) {
      if (sentence.startsWith(`${name}: `) && (!best || name.length > best.name.length)) best = { name, column, row };
    }
  }
  expect(best, `${where}: a table row for ${sentence}`).toBeTruthy();
  const value = sentence.slice(best.name.length + 2).split(/, (?=\D)|; /)[0];
  if (best.column !== null) expect(best.row.cells[best.column], `${where}: ${sentence}`).toBe(value);
  else expect(best.row.cells, `${where}: ${sentence}`).toContain(value);
}

/**
 * The focused bar's outline lies around a bar that `data-point` names, the
 * one whose readout is shown (both are set a frame after the key).
 */
async function outlineIsAround(figure) {
  await expect.poll(() => figure.evaluate((node) => {
    const outline = node.querySelector('.chart-focus');
    const readout = node.querySelector('.chart-readout');
    if (outline.hidden || readout.hidden) return 'not shown';
    const box = outline.getBoundingClientRect();
    const bar = [...node.querySelectorAll('[data-point]')].find((candidate) => {
      const rect = candidate.getBoundingClientRect();
      return Math.abs(rect.x - (box.x + 3)) < 2 && Math.abs(rect.y - (box.y + 3)) < 2;
    });
    if (!bar) return 'around no bar';
    return bar.getAttribute('data-readout') === readout.textContent ? 'ok' : 'another bar';
  })).toBe('ok');
}

test('every view: Tab reaches each chart, the arrow keys walk every bar, and each is said as the table writes it', async ({ page }) => {
  for (const [view, query] of Object.entries(VIEWS)) {
    await open(page, query);
    const table = await tableOf(page);
    const figures = page.locator('figure.chart');
    for (let index = 0; index < await figures.count(); index++) {
      const figure = figures.nth(index);
      const frame = figure.locator('.chart-frame');
      await expect(frame).toHaveAttribute('tabindex', '0');
      await frame.focus();
      await expect(figure.locator('.chart-keys')).toContainText('Tangentbord');
      const bars = await figure.locator('[data-point]').count();
      const seen = new Set();
      // Down every series, along every bar of it.
      await page.keyboard.press('Home');
      for (let step = 0; step < bars + 20 && seen.size < bars; step++) {
        const sentence = await said(figure);
        checkAgainstTable(sentence, table, `${view} chart ${index}`);
        seen.add(sentence);
        await outlineIsAround(figure);
        const before = sentence;
        await page.keyboard.press('ArrowRight');
        if ((await said(figure)) === before) {
          await page.keyboard.press('ArrowDown');
          if ((await said(figure)) === before) break;
          await page.keyboard.press('Home');
        }
      }
      expect(seen.size, `${view} chart ${index}: every bar said`).toBe(bars);
      // The readout shows beside the focused bar, as with the pointer.
      await expect(figure.locator('.chart-readout')).toBeVisible();
      // The arrows moved in the chart, not the page: the focus stayed.
      expect(await frame.evaluate((node) => node === document.activeElement)).toBe(true);
    }
  }
});

test('Page Up and Page Down find the largest and smallest, End the last, and Enter opens the bar\'s sources', async ({ page }) => {
  await open(page, VIEWS.compare);
  const figure = page.locator('figure[data-chart="totals"]');
  await figure.locator('.chart-frame').focus();
  await page.keyboard.press('PageUp');
  expect(await said(figure)).toBe('2018, Totalt: 1 414 mnkr, angivet i källan; 3 av 3; +569 mnkr jämfört med 2016');
  await page.keyboard.press('PageDown');
  expect(await said(figure)).toBe('2015, Totalt: 696–844 mnkr, omstritt: källorna anger olika belopp; 1 av 3');
  await page.keyboard.press('End');
  expect(await said(figure)).toMatch(/^2018, Totalt/);
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.cell-details');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h3')).toContainText('Totalt');
  await expect(dialog.locator('h3')).toContainText('2018');
  await expect(dialog).toContainText('1 414');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await figure.locator('.chart-frame').evaluate((node) => node === document.activeElement)).toBe(true);
  // In the page's language.
  await open(page, `${VIEWS.compare}&lang=en`);
  await page.locator('figure[data-chart="totals"] .chart-frame').focus();
  await page.keyboard.press('PageUp');
  expect(await said(figure)).toBe('2018, Total: SEK 1,414 m, stated in the source; 3 of 3; +SEK 569 m compared with 2016');
  await expect(figure.locator('.chart-keys')).toContainText('Keyboard: Tab to the chart');
});

test('a toggle keeps the focused year\'s bar, and the focus ring and outline are visible in light, dark and forced colours', async ({ browser }) => {
  for (const options of [{}, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const page = await browser.newPage(options);
    await open(page, VIEWS.compare);
    const figure = page.locator('figure[data-chart="recipients"]');
    const frame = figure.locator('.chart-frame');
    await frame.focus();
    await page.keyboard.press('Home');
    for (let step = 0; step < 5 && !/^2018, /.test(await said(figure)); step++) await page.keyboard.press('ArrowDown');
    const before = await said(figure);
    expect(before).toMatch(/^2018, /);
    const ring = await frame.evaluate((node) => getComputedStyle(node).outlineStyle);
    expect(ring).toBe('solid');
    const outline = await figure.locator('.chart-focus').evaluate((node) => ({
      width: getComputedStyle(node).borderTopWidth,
      colour: getComputedStyle(node).borderTopColor,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(outline.width).toBe('3px');
    expect(contrast(outline.colour, outline.background), JSON.stringify(outline)).toBeGreaterThanOrEqual(3);
    // 2016 off: 2018 is now the second series; its bar keeps the outline.
    await page.getByRole('checkbox', { name: '2016' }).uncheck();
    await expect(page.locator('table.data-table thead th')).toHaveCount(3);
    await frame.focus();
    await expect(figure.locator('.chart-focus')).toBeVisible();
    const box = await figure.locator('.chart-focus').boundingBox();
    const bar = await figure.locator(`[data-point$="-1"]`).evaluateAll((nodes, outline) => nodes.some((node) => {
      const rect = node.getBoundingClientRect();
      return Math.abs(rect.x - (outline.x + 3)) < 2 && Math.abs(rect.y - (outline.y + 3)) < 2;
    }), box);
    expect(bar, 'the outline is on a 2018 bar').toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await said(figure)).toMatch(/^2018, /);
    await page.close();
  }
});

test('axe finds nothing with the focus on a chart\'s bar, light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ colorScheme });
    for (const query of Object.values(VIEWS)) {
      await open(page, query);
      await page.locator('.chart-frame').first().focus();
      await page.keyboard.press('ArrowRight');
      expect(await axeViolations(page, `${colorScheme} ${query}`)).toEqual([]);
    }
    await page.close();
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

  test('a tap on a bar shows its readout and keeps it until a tap elsewhere; every bar\'s target is at least 24 × 24 px', async ({ page }) => {
    // What a finger at each bar's centre finds: the target's size and readout.
    for (const query of [VIEWS.compare, VIEWS.breakdown, '?view=breakdown&years=2015,2016,2018&layout=stacked', VIEWS.trend, VIEWS.bridge]) {
      await open(page, query);
      const found = await page.locator('figure.chart').evaluateAll((figures) => figures.flatMap((figure) =>
        [...figure.querySelectorAll('[data-point]')].map((bar) => {
          bar.scrollIntoView({ block: 'center' });
          const box = bar.getBoundingClientRect();
          const target = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('[data-readout]');
          const size = target?.getBoundingClientRect();
          const value = bar.getAttribute('data-readout').split(': ').pop();
          return {
            bar: bar.getAttribute('data-readout'),
            size: size ? Math.min(size.width, size.height) : 0,
            says: Boolean(target?.getAttribute('data-readout').includes(value)),
          };
        })));
      expect(found.length).toBeGreaterThan(0);
      for (const { bar, size, says } of found) {
        expect(size, `${query}: ${bar}`).toBeGreaterThanOrEqual(24);
        expect(says, `${query}: ${bar}`).toBe(true);
      }
    }
    await open(page, VIEWS.compare);
    const figure = page.locator('figure[data-chart="recipients"]');
    const bar = figure.locator('[data-point]').nth(2);
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const readout = figure.locator('.chart-readout');
    await expect(readout).toBeVisible();
    expect(plain(await readout.innerText())).toBe(plain(await bar.getAttribute('data-readout')));
    await page.waitForTimeout(600);
    await expect(readout).toBeVisible();
    // A tap elsewhere on the page hides it.
    await page.locator('h1').scrollIntoViewIfNeeded();
    const title = await page.locator('h1').boundingBox();
    await page.touchscreen.tap(title.x + 5, title.y + 5);
    await expect(readout).toBeHidden();
  });
});

test('"CSV för SKR:s diagram" is the handbook\'s format, and every number in it is the table\'s', async ({ page }) => {
  for (const query of [VIEWS.compare, VIEWS.trend, '?view=breakdown&years=2016,2018&layout=stacked', VIEWS.bridge]) {
    await open(page, query);
    const table = await tableOf(page);
    const buttons = page.locator('button[data-download="skr-csv"]');
    await expect(page.locator('.skr-note')).toContainText('I SKR:s modul: välj');
    for (let index = 0; index < await buttons.count(); index++) {
      const [file] = await Promise.all([page.waitForEvent('download'), buttons.nth(index).click()]);
      expect(file.suggestedFilename()).toMatch(/_skr\.csv$/);
      const bytes = await readFile(await file.path());
      expect(bytes[0], 'no byte-order mark').not.toBe(0xef);
      const text = bytes.toString('utf8');
      expect(text).not.toContain('"');
      const lines = text.split('\r\n').filter((line) => line !== '');
      const fields = lines.map((line) => line.split(';'));
      const width = fields[0].length;
      for (const row of fields) expect(row.length).toBe(width);
      // Every number is in the table (as the table writes it, without its grouping and unit).
      const tableNumbers = new Set(table.rows.flatMap((row) => row.cells)
        .flatMap((cell) => cell.replace(/(\d) (\d)/g, '$1$2').replace(/−/g, '-').split(/[–\s(]/))
        .map((part) => part.replace(/^\+/, '').replace(/%\)?$/, ''))
        .filter((part) => /^-?\d+(,\d+)?$/.test(part)));
      for (const row of fields.slice(1)) {
        for (const value of row.slice(1)) {
          if (value === '') continue;
          expect(value).toMatch(/^-?\d+(,\d+)?$/);
          expect(tableNumbers.has(value.replace(/^-/, '')) || tableNumbers.has(value), `${query}: ${value} in ${[...tableNumbers]}`).toBe(true);
        }
      }
    }
  }
});

test('an embed can fix its colours and leave out its headings, and keeps nothing in the browser', async ({ browser }) => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // Service workers allowed here (the other specs block them): an embed must not register one.
  const context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'allow' });
  const light = await context.newPage();
  await open(light, '?years=2016,2018&embed=1&theme=dark&header=0', 'figure.chart');
  expect(await background(light)).toBe('rgb(18, 20, 23)');
  await expect(light.locator('figure.chart h2').first()).toBeHidden();
  // Still named for screen readers by its heading.
  await expect(light.getByRole('application', { name: 'Total budget per år' })).toHaveCount(1);
  // Used as a visitor would: a year, the chart's keys.
  await light.getByRole('checkbox', { name: '2015' }).check();
  await light.locator('.chart-frame').first().focus();
  await light.keyboard.press('ArrowRight');
  const kept = await light.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(kept).toEqual({ cookie: '', local: 0, session: 0, databases: 0, caches: 0, workers: 0 });
  await context.close();
  const dark = await browser.newPage({ colorScheme: 'dark' });
  await open(dark, '?years=2016,2018&embed=1&theme=light', 'figure.chart');
  expect(await background(dark)).toBe('rgb(255, 255, 255)');
  await expect(dark.locator('figure.chart h2').first()).toBeVisible();
  await dark.close();
});

test('"Bädda in" writes the chosen theme and headings into the code', async ({ page }) => {
  await open(page, VIEWS.compare);
  await page.locator('.embed-panel summary').click();
  const snippet = page.locator('.embed-panel textarea');
  await expect(snippet).not.toHaveValue(/theme=/);
  await page.getByRole('radio', { name: 'Mörkt' }).check();
  await expect(snippet).toHaveValue(/embed=1&amp;theme=dark/);
  await page.getByRole('checkbox', { name: /Visa diagrammens rubriker/ }).uncheck();
  await expect(snippet).toHaveValue(/theme=dark&amp;header=0/);
});
