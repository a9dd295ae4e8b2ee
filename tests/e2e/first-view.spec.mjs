// The first view is in index.html (drawn at build time by the native core)
// and the app hydrates it in place (src/ui/start.rs): no visible change, no
// lost or unseen tap, no layout shift; a page that does not match the app
// is started afresh.
import { test, expect } from '@playwright/test';
import { plain, appTookOver } from './helpers.mjs';

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
  // The other views' drawn parts are in the page too, not shown: each view
  // in two pieces (its view, then its sources and notes after every view's view).
  await expect(page.locator('.drawn-view')).toHaveCount(8);
  await expect(page.locator('.drawn-view:visible')).toHaveCount(2);
  expect(await page.locator('.drawn-view:visible').evaluateAll((parts) => parts.map((part) => part.dataset.view))).toEqual(['compare', 'compare']);
  // The trend view's chart comes before the default view's sources in the page.
  expect(await page.evaluate(() => document.querySelector('.drawn-view[data-view="trend"] figure').compareDocumentPosition(document.querySelector('.drawn-view[data-view="compare"] .sources')) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
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

test('the wasm is fetched once, by a preload at the first paint, which the app\'s module takes over', async ({ page }) => {
  const fetched = [];
  let preloaded;
  const wasmAsked = new Promise((resolve) => (preloaded = resolve));
  page.on('request', (request) => {
    if (!request.url().endsWith('_bg.wasm')) return;
    fetched.push(request.url());
    preloaded();
  });
  // The module comes after the wasm's download has begun, as on a slow
  // phone (here the machine may be too fast to show it otherwise).
  await page.route(/\/start-[0-9a-f]+\.js$/, async (route) => {
    await wasmAsked;
    await route.continue();
  });
  await page.goto('./');
  await appTookOver(page);
  // start-view.js preloads it when the page reports its first paint; the
  // module's fetch() takes that download over instead of starting another.
  expect(fetched).toHaveLength(1);
  const timing = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('_bg.wasm'));
    const paint = performance.getEntriesByName('first-paint')[0];
    return { count: wasm.length, initiator: wasm[0]?.initiatorType, start: wasm[0]?.startTime, paint: paint?.startTime };
  });
  expect(timing.count).toBe(1);
  expect(timing.initiator).toBe('link');
  expect(timing.start).toBeGreaterThanOrEqual(timing.paint);
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
  await expect.poll(() => new URL(page.url()).searchParams.get('years')).toBe('2015,2016,2017,2018');
});

test('a press held while the app gets ready ends on the control it began on: its click counts', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  const box = await page.getByRole('checkbox', { name: '2019' }).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Hydrated while the press is held: the control is the same element after.
  await page.getByRole('checkbox', { name: '2019' }).evaluate((input) => (input.heldBefore = true));
  release();
  await appTookOver(page);
  expect(await page.getByRole('checkbox', { name: '2019' }).evaluate((input) => input.heldBefore)).toBe(true);
  await page.mouse.up();
  await expect(page.getByRole('checkbox', { name: '2019' })).toBeChecked();
  await expect(page.locator('#chart-totals-description')).toContainText('2019');
});

test('a tap before the app is ready is seen at once: the control changes and the charts say they are being redrawn, until the app draws', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  const box = await page.getByRole('checkbox', { name: '2017' }).boundingBox();
  const tapped = await page.evaluate(() => performance.now());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // Within 100 ms of the tap (the next frames), with nothing moved.
  const seen = await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            at: performance.now(),
            checked: document.querySelector('.year-option input[value="2017"]').checked,
            marked: [...document.querySelectorAll('.chart-canvas')].map((canvas) => [canvas.getAttribute('data-redrawing'), canvas.getAttribute('aria-busy')]),
            status: document.getElementById('redrawing-status')?.getAttribute('role'),
          }),
        ),
      ),
  );
  expect(seen.at - tapped).toBeLessThan(1000); // the measure itself is the benchmark's; this checks it is the next frame
  expect(seen.checked).toBe(true);
  expect(seen.marked).toEqual([['Ritar om …', 'true'], ['Ritar om …', 'true']]);
  expect(seen.status).toBe('status');
  await expect(page.locator('#redrawing-status')).toHaveText('Ritar om …');
  // The words show over the drawing; its box keeps its size.
  const content = await page.locator('.chart-canvas').first().evaluate((canvas) => getComputedStyle(canvas, '::after').content);
  expect(content).toBe('"Ritar om …"');
  release();
  await appTookOver(page);
  await expect(page.locator('[data-redrawing], .chart-canvas[aria-busy]')).toHaveCount(0);
  await expect(page.locator('#redrawing-status')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: '2017' })).toBeChecked();
  await expect(page.locator('#chart-totals-description')).toContainText('2017: 885 mnkr');
});

test('the drawn page is hydrated, not replaced: its elements become the app\'s', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('./');
  await page.locator('table.data-table').evaluate((table) => (table.drawnAtBuildTime = true));
  release();
  await appTookOver(page);
  expect(await page.locator('table.data-table').evaluate((table) => table.drawnAtBuildTime)).toBe(true);
  // One drawing a chart is left: the one the style showed.
  await expect(page.locator('.chart-canvas svg')).toHaveCount(2);
  await page.getByRole('checkbox', { name: '2021' }).check();
  await expect(page.locator('#chart-totals-description')).toContainText('2021');
  expect(await page.locator('table.data-table').evaluate((table) => table.drawnAtBuildTime)).toBe(true);
});

test('a hydrated chart keeps the drawing of the page until its input changes, then the app draws it at its own width', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('./');
  await appTookOver(page);
  const drawnWidth = () => page.locator('figure[data-chart="totals"] .chart-canvas svg').evaluate((svg) => svg.getAttribute('width'));
  // The page's own drawing, kept by hydration (the app drew none at the start).
  expect(await drawnWidth()).toBe('1000');
  // A narrower window: the app redraws the chart for the width it now has.
  await page.setViewportSize({ width: 700, height: 900 });
  // Drawn at the width of its own box (the page's column less the canvas's border).
  const box = await page.locator('figure[data-chart="totals"] .chart-canvas').evaluate((canvas) => canvas.clientWidth);
  expect(box).toBeLessThan(700 - 30);
  await expect.poll(drawnWidth).toBe(String(box));
  await expect(page.locator('figure[data-chart="totals"] .chart-canvas svg')).toHaveCount(1);
  await expect(page.locator('figure[data-chart="totals"] .alert')).toBeHidden();
  await context.close();
});

/** The page's text and controls, as a visitor meets them (drawings aside). */
const pageShape = (page) =>
  page.locator('#app').evaluate((root) => {
    const controls = [...root.querySelectorAll('button, input, select, summary, a[href], [role], [aria-live]')].map((element) =>
      [element.tagName, element.getAttribute('type'), element.getAttribute('role'), element.getAttribute('aria-pressed'), element.checked ?? null, element.disabled ?? null, element.getAttribute('href'), element.textContent.trim().slice(0, 80)].join('|'),
    );
    return { text: root.innerText, controls };
  });

for (const query of ['', '?view=trend', '?view=breakdown', '?view=bridge']) {
  test(`${query || 'the default view'}: the hydrated page is what the app mounts afresh for the same address`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const hydrated = await context.newPage();
    await hydrated.goto(`./${query}`);
    await appTookOver(hydrated);
    await expect(hydrated.locator('.loading')).toHaveCount(0);
    const fresh = await context.newPage();
    // The same page without the mark that lets it be hydrated: mounted afresh.
    await fresh.route(/\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<div id="app" class="app" data-prerendered>', '<div id="app" class="app">');
      await route.fulfill({ response, body: html });
    });
    await fresh.goto(`./${query}`);
    await expect(fresh.locator('table.data-table').first()).toBeVisible();
    await fresh.waitForTimeout(300);
    const [a, b] = [await pageShape(hydrated), await pageShape(fresh)];
    expect(a.controls).toEqual(b.controls);
    expect(a.text).toEqual(b.text);
    await context.close();
  });
}

test('a drawn page that does not match the app is started afresh: nothing lost, no dead page', async ({ page }) => {
  const errors = [];
  const warnings = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  // As a proxy or an extension might: an element where the app has a text.
  await page.route(/\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<h2 id="chart-totals-title">', '<h2 id="chart-totals-title"><b>!</b>');
    await route.fulfill({ response, body: html });
  });
  const release = await holdTheApp(page);
  await page.goto('./');
  await page.getByRole('checkbox', { name: '2017' }).click();
  release();
  await appTookOver(page);
  await expect.poll(() => warnings.some((text) => text.includes('did not match the app'))).toBe(true);
  expect(errors).toEqual([]);
  await expect(page.locator('#chart-totals-title')).toHaveText('Total budget per år');
  await expect(page.getByRole('checkbox', { name: '2017' })).toBeChecked();
  await expect(page.locator('#chart-totals-description')).toContainText('2017: 885 mnkr');
  // The app answers: a further toggle is drawn and written to the address.
  await page.getByRole('checkbox', { name: '2019' }).check();
  await expect(page.locator('#chart-totals-description')).toContainText('2019');
  await expect.poll(() => new URL(page.url()).searchParams.get('years')).toBe('2015,2016,2017,2018,2019');
  await expect(page.locator('#app')).toHaveCount(1);
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
  // Each view is drawn whole, its sources and notes too: the whole page is compared.
  test(`?view=${view} is drawn in the page too, and hydrated with nothing changed`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const release = await holdTheApp(page);
    await page.goto(`./?view=${view}`);
    await expect(page.locator('#app[data-prerendered] main')).toHaveCSS('visibility', 'visible');
    // The view asked for is unwrapped, the others gone: the page is the app's own.
    await expect(page.locator('#app')).toHaveAttribute('data-drawn-view', view);
    await expect(page.locator('#app .drawn-view')).toHaveCount(0);
    await expect(page.locator('.view-switcher [aria-pressed="true"]')).toHaveAttribute('data-view', view);
    await expect(page.locator('figure.chart h2').first()).toContainText(title);
    await expect(page.locator('#app[data-prerendered] .sources')).toHaveCSS('visibility', 'visible');
    const before = await page.screenshot({ fullPage: true });
    release();
    await appTookOver(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await page.screenshot({ fullPage: true });
    const differing = await differingPixels(page, before, after);
    expect(differing, 'same page size').toBeGreaterThanOrEqual(0);
    expect(differing / (1280 * (await page.evaluate(() => document.documentElement.scrollHeight)))).toBeLessThan(0.0005);
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
