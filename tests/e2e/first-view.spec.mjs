// The first view is in index.html (drawn at build time by the native core)
// and the app takes it over without a visible change, a lost click or a
// layout shift.
import { test, expect } from '@playwright/test';
import { appTookOver } from './open.mjs';

const plain = (text) => text.replace(/[\u202F\u00A0]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * How many pixels differ between two screenshots (PNG buffers), counted in
 * the browser's own decoder; -1 when the sizes differ.
 */
async function differingPixels(page, a, b) {
  return page.evaluate(
    async ([a, b]) => {
      const load = (data) =>
        new Promise((resolve) => {
          const image = new Image();
          image.onload = () => resolve(image);
          image.src = `data:image/png;base64,${data}`;
        });
      const [x, y] = [await load(a), await load(b)];
      if (x.width !== y.width || x.height !== y.height) return -1;
      const pixels = (image) => {
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [p, q] = [pixels(x), pixels(y)];
      let count = 0;
      for (let i = 0; i < p.length; i += 4) if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) count++;
      return count;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** Holds the wasm back until the returned function is called. */
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('without any script, the page already shows the default view: chart, summary, table, the chosen years', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  // The other views' drawn parts are in the page too, not shown.
  await expect(page.locator('.drawn-view:visible')).toHaveCount(1);
  await expect(page.locator('.drawn-view:visible')).toHaveAttribute('data-view', 'compare');
  await expect(page.locator('.drawn-view[data-view="trend"] figure')).toHaveCount(1);
  await expect(page.locator('.drawn-view[data-view="trend"] figure')).toBeHidden();
  const chart = page.getByRole('img', { name: 'Total budget per år' }).first();
  await expect(chart.locator('svg:visible')).toHaveCount(1);
  await expect(page.locator('#chart-totals-description')).toContainText('2018: 1 414 mnkr');
  const totals = await page.locator('.drawn-view[data-view="compare"] table.data-table tr[data-key="total"] td').allInnerTexts();
  expect(totals.map(plain)).toEqual(['696–844 mnkr', '845 mnkr', '1 414 mnkr']);
  const checked = await page.locator('.drawn-view[data-view="compare"] .year-option input:checked').evaluateAll((inputs) => inputs.map((input) => input.value));
  expect(checked).toEqual(['2015', '2016', '2018']);
  // The visitor is told what works without script, not that nothing does.
  // (Playwright's text search skips <noscript>, so the note is found by its element.)
  const note = page.locator('noscript p').first();
  await expect(note).toBeVisible();
  await expect(note).toContainText('Utan JavaScript visas de förvalda åren');
  await context.close();
});

test('the first view needs no request after the page: the data is in it', async ({ page }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await appTookOver(page);
  await expect(page.locator('table.data-table')).toBeVisible();
  expect(requested.filter((path) => path.startsWith('/data/'))).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`the app takes over the drawn page at ${width} px with nothing moved or redrawn`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const release = await holdTheApp(page);
    await page.goto('./');
    await expect(page.locator('#app[data-prerendered] .chart-canvas svg:visible')).toHaveCount(2);
    const before = await page.screenshot({ fullPage: true });
    release();
    await appTookOver(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await page.screenshot({ fullPage: true });
    // The same markup at the same place: what may differ is the edge
    // smoothing of a few glyphs where the app splits a text in two nodes
    // (measured: about 600 pixels of a 1280 × 5 000 page, none visible).
    const differing = await differingPixels(page, before, after);
    expect(differing, 'same page size').toBeGreaterThanOrEqual(0);
    const area = width * (await page.evaluate(() => document.documentElement.scrollHeight));
    expect(differing / area).toBeLessThan(0.0005);
    await context.close();
  });
}

test('a year ticked and a panel opened before the app is ready are kept, and drawn', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  await page.getByRole('checkbox', { name: '2017' }).click();
  await page.locator('.sources details[data-year="2016"] summary').click();
  release();
  await appTookOver(page);
  await expect(page.getByRole('checkbox', { name: '2017' })).toBeChecked();
  await expect(page.locator('.sources details[data-year="2016"]')).toHaveAttribute('open', '');
  await expect(page.locator('table.data-table thead th')).toHaveText(['Mottagare', /2015/, '2016↕', '2017↕', '2018↕']);
  await expect(page.locator('#chart-totals-description')).toContainText('2017: 885 mnkr');
  expect(new URL(page.url()).searchParams.get('years')).toBe('2015,2016,2017,2018');
});

test('a press held while the app gets ready ends on the control it began on: its click counts', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  const box = await page.getByRole('checkbox', { name: '2019' }).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  release();
  // The app is ready and waits for the press to end before it takes over.
  await expect(page.locator('#app[data-prerendered]')).toHaveAttribute('data-app-ready', '');
  await page.mouse.up();
  await appTookOver(page);
  await expect(page.getByRole('checkbox', { name: '2019' })).toBeChecked();
  await expect(page.locator('#chart-totals-description')).toContainText('2019');
});

test('the skip link followed before the app is ready leaves the focus on the charts', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#charts')).toBeFocused();
  release();
  await appTookOver(page);
  await expect(page.locator('#charts')).toBeFocused();
  // The next Tab goes on from the charts, not from the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('charts').contains(document.activeElement) || document.getElementById('charts').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
});

test('the keyboard focus stays on the control it was on when the app takes over', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  await page.getByRole('checkbox', { name: '2020' }).focus();
  await page.keyboard.press('Space');
  release();
  await appTookOver(page);
  await expect(page.getByRole('checkbox', { name: '2020' })).toBeFocused();
  await expect(page.getByRole('checkbox', { name: '2020' })).toBeChecked();
});

for (const query of ['?view=trend&lang=en', '?years=2016,2018', '?lang=en', '?view=bridge&embed=1']) {
  test(`${query} never shows the default view drawn at build time`, async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto(`./${query}`);
    await expect(page.locator('#app[data-prerendered] main')).toHaveCSS('visibility', 'hidden');
    release();
    await appTookOver(page);
    await expect(page.locator('#app main')).toHaveCSS('visibility', 'visible');
    await expect(page.locator('.chart-canvas svg').first()).toBeVisible();
  });
}

for (const [view, title] of [['trend', 'Totalbudget år för år'], ['breakdown', 'Fördelning per mottagare'], ['bridge', 'Förändring 2016–2018']]) {
  // What follows the view (sources, about the data) is drawn for the default
  // view's years, so it waits for the app: the first screen is compared.
  test(`?view=${view} is drawn in the page too, and taken over with the first screen unchanged`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const release = await holdTheApp(page);
    await page.goto(`./?view=${view}`);
    await expect(page.locator('#app[data-prerendered] main')).toHaveCSS('visibility', 'visible');
    await expect(page.locator('#app .drawn-view')).toHaveCount(1);
    await expect(page.locator('.view-switcher [aria-pressed="true"]')).toHaveAttribute('data-view', view);
    await expect(page.locator('figure.chart h2').first()).toContainText(title);
    await expect(page.locator('#app[data-prerendered] .sources')).toHaveCSS('visibility', 'hidden');
    const before = await page.screenshot();
    release();
    await appTookOver(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await page.screenshot();
    const differing = await differingPixels(page, before, after);
    expect(differing).toBeGreaterThanOrEqual(0);
    expect(differing / (1280 * 900)).toBeLessThan(0.0005);
    await context.close();
  });
}

test('tracking tags alone still show the drawn view', async ({ page }) => {
  await holdTheApp(page);
  await page.goto('./?utm_source=skr&utm_medium=nyhetsbrev');
  await expect(page.locator('#app[data-prerendered] main')).toHaveCSS('visibility', 'visible');
});

for (const width of [360, 1280]) {
  for (const query of ['', '?view=trend', '?view=breakdown', '?view=bridge', '?years=2016,2018&embed=1']) {
    test(`no layout shift while ${query || 'the default view'} loads at ${width} px`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`./${query}`);
      await appTookOver(page);
      await expect(page.locator('.chart-canvas svg').first()).toBeVisible();
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => window.__shift)).toBeLessThanOrEqual(0.02);
      await context.close();
    });
  }
}
