// The visitor's experience (issue #9): the first screen, the keyboard, whole
// chart labels, dark mode, print, exports and sharing. Screenshots of every
// view at 360 and 1280 px, light and dark, are saved in
// test-results/screenshots/ as artefacts of the run.
import { test, expect } from '@playwright/test';
import { plain, open, download, axeViolations, contrast } from './helpers.mjs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const ALL_YEARS = 'years=2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022,2024';
const VIEWS = {
  compare: '?years=2015,2016,2018',
  trend: '?view=trend',
  breakdown: '?view=breakdown&years=2015,2016,2018',
  bridge: '?view=bridge&from=2016&to=2018',
};
const SIZES = [
  [1280, 720],
  [360, 740],
];

test('first screen: the view title, the chart and the year choice at 1280×720 and 360×740, in every view', async ({ browser }) => {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const [view, query] of Object.entries(VIEWS)) {
      await open(page, query);
      const top = await page.locator('figure.chart [role="img"]').first().evaluate((node) => node.getBoundingClientRect().top);
      expect(top, `${view} at ${width}px: chart top`).toBeLessThan(height - 100);
      await expect(page.locator('figure.chart h2').first()).toBeInViewport();
      if (view === 'compare' || view === 'breakdown') {
        await expect(page.locator('.year-option').first()).toBeInViewport();
      }
      // Own files and embedding wait below the table.
      const more = await page.locator('.more-section').evaluate((node) => node.getBoundingClientRect().top);
      const table = await page.locator('table.data-table').evaluate((node) => node.getBoundingClientRect().bottom);
      expect(more).toBeGreaterThan(table);
    }
    await page.close();
  }
});

test('the page does not jump while it loads', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await open(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.1);
});

test('keyboard alone: four years and the CSV in at most 27 key presses (each chart is a tab stop); focus stays on the checkbox', async ({ page }) => {
  await open(page);
  let presses = 0;
  const press = async (key) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const focused = () => page.evaluate(() => {
    const node = document.activeElement;
    return node?.dataset.download ?? node?.value ?? node?.textContent?.trim() ?? '';
  });
  // Tab to 2017, tick it: 2015, 2016, 2017 and 2018.
  while ((await focused()) !== '2017' && presses < 27) await press('Tab');
  await press('Space');
  await expect(page.locator('input[name="year"][value="2017"]')).toBeChecked();
  await expect(page.locator('input[name="year"][value="2017"]')).toBeFocused();
  await expect(page).toHaveURL(/years=2015,2016,2017,2018/);
  while ((await focused()) !== 'csv' && presses < 27) await press('Tab');
  const [file] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  expect(file.suggestedFilename()).toBe('psykisk-halsa_jamfor-ar_2015-2016-2017-2018_mnkr_lopande-priser.csv');
  expect(presses).toBeLessThanOrEqual(27);
  console.log(`keyboard walk: ${presses} key presses`);

  // A radio keeps the focus too (the units).
  await page.locator('input[name="prices"][value="fixed"]').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="prices"][value="fixed"]')).toBeFocused();
  await expect(page).toHaveURL(/prices=fixed/);
});

test('the skip link goes to the chart; the focus ring has 3:1 on light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ colorScheme });
    await open(page);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#charts')).toBeFocused();
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const node = document.activeElement;
      const style = getComputedStyle(node);
      return { outline: style.outlineColor, width: style.outlineWidth, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.outline, ring.page), colorScheme).toBeGreaterThanOrEqual(3);
    await page.close();
  }
});

test('a cell opens its sources as a dialog: focused, announced, closed by Esc, focus back on the cell', async ({ page }) => {
  await open(page);
  const cell = page.locator('tr[data-key="total"] td').first().getByRole('button');
  await expect(cell).toHaveAttribute('aria-expanded', 'false');
  await expect(cell).toHaveAttribute('aria-controls', 'cell-details-compare');
  await cell.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Underlag för Totalt, 2015/ });
  await expect(dialog).toBeVisible();
  await expect(cell).toHaveAttribute('aria-expanded', 'true');
  expect(await page.evaluate(() => document.activeElement.closest('dialog') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('aria-expanded', 'false');
});

test('the chart summary is read once: as the description of the image', async ({ page }) => {
  await open(page);
  const chart = page.locator('figure.chart [role="img"]').first();
  await expect(chart).toHaveAccessibleDescription(/^Total budget per år/);
  await expect(page.locator('#chart-totals-description')).toHaveAttribute('aria-hidden', 'true');
});

test('no two texts of any chart overlap or leave the chart, in every view, at 360 and 1280 px, in both languages, all years', async ({ browser }) => {
  const queries = [`?${ALL_YEARS}`, '?view=trend', `?view=breakdown&${ALL_YEARS}`, `?view=breakdown&${ALL_YEARS}&by=purpose`, `?view=breakdown&${ALL_YEARS}&by=purpose&layout=stacked&measure=share`, '?view=bridge&from=2016&to=2018', '?view=bridge&from=2015&to=2024', '?view=bridge&from=2012&to=2019'];
  const problems = [];
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const lang of ['sv', 'en']) {
      for (const query of queries) {
        await open(page, `${query}&lang=${lang}`);
        const found = await page.evaluate(() => {
          const out = [];
          for (const svg of document.querySelectorAll('.chart-canvas svg')) {
            const box = svg.getBoundingClientRect();
            const texts = [...svg.querySelectorAll('text')]
              .map((node) => ({ text: node.textContent.trim(), rect: node.getBoundingClientRect() }))
              .filter((item) => item.text && item.rect.width > 0);
            for (const { text, rect } of texts) {
              if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) out.push(`cut: ${text}`);
            }
            for (let i = 0; i < texts.length; i++) {
              for (let j = i + 1; j < texts.length; j++) {
                const [a, b] = [texts[i].rect, texts[j].rect];
                const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (across > 1 && down > 1) out.push(`overlap: ${texts[i].text} / ${texts[j].text}`);
              }
            }
          }
          return out;
        });
        problems.push(...found.map((problem) => `${width}px ${lang} ${query}: ${problem}`));
      }
    }
    await page.close();
  }
  expect(problems).toEqual([]);
});

test('twelve years get twelve colours; a bar reads out its value under the pointer', async ({ page }) => {
  await open(page, `?${ALL_YEARS}`);
  const swatches = await page.locator('figure[data-chart="recipients"] svg rect[width="14"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('fill')));
  expect(new Set(swatches.slice(0, 12)).size).toBe(12);
  await open(page);
  const bar = page.locator('figure[data-chart="totals"] [data-readout*="2018"]').first();
  await bar.hover();
  await expect(page.locator('figure[data-chart="totals"] .chart-readout')).toHaveText(/2018: 1\s414\smnkr/);
  await page.mouse.move(1, 1);
  await expect(page.locator('.chart-readout:visible')).toHaveCount(0);
});

test('dark mode: axe finds nothing in any view, and chart text has 4.5:1', async ({ browser }) => {
  const page = await browser.newPage({ colorScheme: 'dark' });
  for (const query of Object.values(VIEWS)) {
    await open(page, query);
    expect(await axeViolations(page, query)).toEqual([]);
    const colours = await page.locator('.chart-canvas').first().evaluate((canvas) => ({
      background: getComputedStyle(canvas.querySelector('svg > rect')).fill,
      texts: [...new Set([...canvas.querySelectorAll('svg text')].map((node) => getComputedStyle(node).fill))],
      page: getComputedStyle(document.body).backgroundColor,
    }));
    expect(contrast(colours.background, 'rgb(255, 255, 255)')).toBeGreaterThan(10);
    for (const fill of colours.texts) expect(contrast(fill, colours.background), `${query} ${fill}`).toBeGreaterThanOrEqual(4.5);
  }
  await page.close();
});

test('forced colours: the current view is told apart', async ({ browser }) => {
  const page = await browser.newPage({ forcedColors: 'active' });
  await open(page);
  const style = (kind) => page.locator(`button[data-view="${kind}"]`).evaluate((node) => {
    const s = getComputedStyle(node);
    return `${s.borderStyle} ${s.borderWidth} ${s.textDecorationLine} ${s.backgroundColor}`;
  });
  expect(await style('compare')).not.toBe(await style('trend'));
  await page.close();
});

test('print: each view on paper has its summary, table and a source quote, the address and the date, and no controls', async ({ page }) => {
  const { getDocument } = require('pdfjs-dist/legacy/build/pdf.js');
  for (const [view, query] of Object.entries(VIEWS)) {
    await open(page, query);
    const summary = plain(await page.locator('figcaption.chart-summary').first().innerText()).slice(0, 40);
    const pdf = await page.pdf({ format: 'A4' });
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = '';
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      text += `${content.items.map((item) => item.str).join(' ')}\n`;
    }
    text = plain(text);
    const squeezed = text.replace(/\s/g, '');
    expect(squeezed, view).toContain(summary.replace(/\s/g, ''));
    expect(squeezed, view).toContain('Totalt'.replace(/\s/g, ''));
    expect(squeezed, view).toMatch(/miljonerkronor/);
    expect(squeezed, `${view}: a quote`).toMatch(/”[^”]{20,}”/);
    expect(squeezed, `${view}: the address`).toContain(`127.0.0.1:4173/${query}`.replace(/\s/g, ''));
    expect(squeezed, `${view}: the date`).toMatch(/Utskriven20\d\d-\d\d-\d\d/);
    for (const control of ['Väljårattjämföra', 'Laddaner', 'Kopieralänk', 'Fastapriser', 'Ingaår', 'InEnglish', 'Mer']) {
      expect(squeezed, `${view}: no ${control}`).not.toContain(control);
    }
  }
});

test('CSV in Swedish (; and decimal comma) and in English (, and point), read by a CSV parser, a row per table row', async ({ page }) => {
  await open(page, '?years=2015,2016,2018&prices=fixed&base=2023&per=inhabitant');
  const rows = await page.locator('table.data-table tbody tr, table.data-table tfoot tr').count();
  const swedish = await download(page, 'csv');
  expect(swedish.name).toBe('psykisk-halsa_jamfor-ar_2015-2016-2018_kr-per-invanare_2023-ars-priser.csv');
  expect(swedish.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const sv = parse(swedish.bytes, { bom: true, delimiter: ';' });
  expect(sv).toHaveLength(1 + rows);
  expect(sv[0].slice(0, 3)).toEqual(['Mottagare', '2015 (omstritt) (lägsta)', '2015 (omstritt) (högsta)']);
  const total = sv.find((row) => row[0] === 'Totalt');
  // A disputed total is two numbers, never an empty cell.
  expect(total[1]).toMatch(/^\d+,\d+$/);
  expect(total[2]).toMatch(/^\d+,\d+$/);
  expect(Number(total[1].replace(',', '.'))).toBeLessThan(Number(total[2].replace(',', '.')));

  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await download(page, 'csv');
  expect(english.name).toBe('mental-health_compare_2015-2016-2018_sek-per-inhabitant_2023-prices.csv');
  const en = parse(english.bytes, { bom: true });
  expect(en).toHaveLength(1 + rows);
  const enTotal = en.find((row) => row[0] === 'Total');
  expect(enTotal[1]).toMatch(/^\d+\.\d+$/);
  expect(enTotal.at(-2)).toBe('SEK per inhabitant in 2023 prices');
});

test('PNG and SVG carry the title, unit, source, address and date', async ({ page }) => {
  await open(page);
  const svg = (await download(page, 'svg')).bytes.toString('utf8');
  expect(svg).toContain('Statens satsningar på psykisk hälsa: 2015, 2016 och 2018 – Jämför år');
  expect(svg).toContain('miljoner kronor, löpande priser');
  expect(svg).toContain('Källa: överenskommelserna mellan staten och SKL/SKR');
  expect(svg).toContain('http://127.0.0.1:4173/?years=2015,2016,2018');
  expect(svg).toMatch(/Hämtad 20\d\d-\d\d-\d\d/);
  // Both of the view's charts, each with its heading.
  expect(svg).toContain('>Total budget per år</text>');
  expect(svg).toContain('>Fördelning per mottagare</text>');
  const png = await download(page, 'png');
  expect(png.name).toBe('psykisk-halsa_jamfor-ar_2015-2016-2018_mnkr_lopande-priser.png');
  const [width, height] = svg.match(/^<svg [^>]*width="(\d+)" height="(\d+)"/).slice(1).map(Number);
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
});

test('copy link and copy embed code, with a fallback where the clipboard is refused', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?years=2016,2018');
  await page.getByRole('button', { name: 'Kopiera länk' }).click();
  await expect(page.locator('.view-actions .copy-status')).toHaveText('Kopierat');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://127.0.0.1:4173/?years=2016,2018');

  await page.locator('.embed-panel summary').click();
  await page.getByRole('button', { name: 'Kopiera koden' }).click();
  await expect(page.locator('.embed-panel .copy-status')).toHaveText('Kopierat');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<iframe src="http://127.0.0.1:4173/?years=2016,2018&amp;embed=1"');

  // No clipboard at all: the address is shown to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
    document.execCommand = () => false;
  });
  await page.getByRole('button', { name: 'Kopiera länk' }).click();
  await expect(page.locator('.copy-fallback')).toHaveValue('http://127.0.0.1:4173/?years=2016,2018');
});

test('each view has its own title; small toggles replace the history entry', async ({ page }) => {
  await open(page);
  const entries = await page.evaluate(() => history.length);
  await expect(page).toHaveTitle('2015, 2016 och 2018 – Jämför år – Statens satsningar på psykisk hälsa');
  await page.locator('input[name="year"][value="2017"]').check();
  await expect(page).toHaveTitle(/^2015, 2016, 2017 och 2018 – Jämför år/);
  await page.locator('button[data-view="bridge"]').click();
  await expect(page).toHaveTitle(/^2016 till 2018 – Förändring mellan två år – /);
  await page.locator('input[name="per-inhabitant"]').check();
  await expect(page).toHaveURL(/per=inhabitant/);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(page).toHaveTitle(/^2015, 2016, 2017 och 2018 – Jämför år/);
});

test('link previews: Open Graph and Twitter tags, and a valid PNG of the default chart', async ({ page, request }) => {
  await open(page);
  const meta = (key) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
  expect(await meta('og:title')).toBe('Statens satsningar på psykisk hälsa');
  expect(await meta('og:image')).toBe('preview.png');
  expect(await meta('twitter:card')).toBe('summary_large_image');
  expect(plain(await meta('og:image:alt'))).toContain('2018: 1 414 mnkr');
  const png = Buffer.from(await (await request.get('preview.png')).body());
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  // The default chart: its three years' bars in the first series colour.
  const shown = await page.evaluate(async (bytes) => {
    const image = new Image();
    image.src = `data:image/png;base64,${bytes}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: 1200, height: 630 });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, 1200, 630);
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0x0d && data[i + 1] === 0x7d && data[i + 2] === 0xd4) blue++;
    return blue;
  }, png.toString('base64'));
  expect(shown).toBeGreaterThan(20000);
});

test('smaller things: "unknown" in English, 2023 explained, a year-to-itself bridge says so', async ({ page }) => {
  await open(page, '?view=trend&lang=en');
  const texts = await page.locator('figure.chart svg text').allTextContents();
  expect(texts.map((t) => t.trim())).toContain('unknown');
  expect(texts.map((t) => t.trim())).not.toContain('n/a');
  await open(page);
  await expect(page.locator('.year-picker .year-note')).toContainText('2023 saknas');
  await open(page, '?view=bridge&from=2018&to=2018');
  await expect(page.locator('.same-ends')).toContainText('Båda ändarna är 2018');
});

test('screenshots of every view at 360 and 1280 px, light and dark: each chart drawn for its own box, nothing wider than the screen, dark really dark', async ({ browser }) => {
  await mkdir('test-results/screenshots', { recursive: true });
  const shots = {};
  for (const colorScheme of ['light', 'dark']) {
    for (const [width, height] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      for (const [view, query] of Object.entries(VIEWS)) {
        await open(page, query);
        const where = `${view} at ${width}px, ${colorScheme}`;
        const looks = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          background: getComputedStyle(document.body).backgroundColor,
        }));
        expect(looks.overflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        // Each chart shows one drawing, for the chart's own box: the app's,
        // drawn at the box's width (never narrower than 280 px) once the box
        // settles, or until the chart first changes, the page's own drawing
        // nearest to it (prerendered::WIDTHS, picked by a container query).
        const drawings = () => page.evaluate(() => [...document.querySelectorAll('.chart-canvas')].map((canvas) => {
          const shown = [...canvas.querySelectorAll('svg')]
            .filter((svg) => getComputedStyle(svg).display !== 'none')
            .map((svg) => Number(svg.getAttribute('width')));
          const exact = Math.min(1000, Math.max(280, canvas.clientWidth));
          const nearest = [320, 372, 728, 1000].reduce((best, width) => (Math.abs(width - exact) <= Math.abs(best - exact) ? width : best));
          return { shown, wanted: [exact, nearest] };
        }));
        await expect.poll(async () => (await drawings()).filter(({ shown, wanted }) => shown.length !== 1 || !wanted.includes(shown[0])), where).toEqual([]);
        expect((await drawings()).length, where).toBeGreaterThan(0);
        await expect(page.locator('figure.chart h2').first(), where).toBeInViewport();
        const luminance = contrast(looks.background, 'rgb(0, 0, 0)');
        if (colorScheme === 'dark') expect(luminance, `${where}: a dark page`).toBeLessThan(2);
        else expect(luminance, `${where}: a light page`).toBeGreaterThan(15);
        const path = `test-results/screenshots/${view}-${width}-${colorScheme}.png`;
        shots[`${view}-${width}-${colorScheme}`] = await page.screenshot({ path, fullPage: true });
      }
      await page.close();
    }
  }
  // Light and dark are not the same picture.
  for (const [view] of Object.entries(VIEWS)) {
    for (const [width] of SIZES) {
      expect(shots[`${view}-${width}-light`].equals(shots[`${view}-${width}-dark`]), `${view} at ${width}px`).toBe(false);
    }
  }
});
