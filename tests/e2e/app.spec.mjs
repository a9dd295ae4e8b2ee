// End-to-end tests of the release build in headless Chromium, served on 127.0.0.1.
import { test, expect } from '@playwright/test';
import { plain, open, rowCells, labelledRowCells, chartTexts, axeViolations } from './helpers.mjs';

/**
 * The page carries its data files inline (no request before the first view);
 * this takes `files` out of it, so the app fetches them from the server, as
 * it does for any file the page does not carry, and the test can answer.
 */
async function fetchedFromServer(page, files) {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /(<script type="application\/json" id="bundled-data">)([\s\S]*?)(<\/script>)/,
        (_, open, json, close) => {
          const data = JSON.parse(json);
          for (const file of files) {
            if (!(file in data)) throw new Error(`${file} is not in the page`);
            delete data[file];
          }
          return open + JSON.stringify(data).replace(/</g, '\\u003c') + close;
        },
      );
      await route.fulfill({ response, body: html });
    },
  );
}

/** Opens the app and waits until every file has loaded. */
async function checkedYears(page) {
  return page.locator('.year-option input:checked').evaluateAll((inputs) => inputs.map((input) => input.value));
}

async function tableYears(page) {
  const headers = await page.locator('table.data-table thead th').allInnerTexts();
  // The sort buttons carry a mark (↕ ▲ ▼) after the year.
  return headers.slice(1).map((header) => plain(header.replace(/[↕▲▼]/g, '')));
}

test('the default view compares 2015, 2016 and 2018 with sourced numbers', async ({ page }) => {
  await open(page);
  expect(await checkedYears(page)).toEqual(['2015', '2016', '2018']);
  expect(await tableYears(page)).toEqual(['2015 (omstritt)', '2016', '2018']);
  expect(await labelledRowCells(page, 'Totalt')).toEqual(['696–844 mnkr', '845 mnkr', '1 414 mnkr']);
  expect(await labelledRowCells(page, 'SKL/SKR')).toEqual(['66 mnkr', '65 mnkr', '50 mnkr']);
  await expect(page.locator('tr[data-kind="total"] td').first()).toHaveAttribute('data-status', 'disputed');

  // Two charts, each an image with a text description that has the numbers.
  const charts = page.locator('[role="img"]');
  await expect(charts).toHaveCount(2);
  const description = plain(await page.locator('#chart-totals-description').innerText());
  expect(description).toContain('2016: 845 mnkr');
  expect(description).toContain('2018: 1 414 mnkr, 569 mnkr (67,3 %) mer än 2016');
  await expect(charts.first()).toHaveAttribute('aria-describedby', 'chart-totals-description');
  // The recipient chart's legend names each year; the disputed range is explained.
  const texts = (await chartTexts(page, 'recipients')).map(plain);
  for (const expected of ['2015', '2016', '2018', 'omstritt belopp: spann mellan källorna', '884']) {
    expect(texts).toContain(expected);
  }
});

test('unticking a year updates the chart, the table and the address in place; back returns to the view before', async ({ page }) => {
  await open(page);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('checkbox', { name: /2015/ }).uncheck();
  await expect(page).toHaveURL(/\?years=2016,2018$/);
  expect(await tableYears(page)).toEqual(['2016', '2018']);
  expect(await labelledRowCells(page, 'Totalt')).toEqual(['845 mnkr', '1 414 mnkr']);
  const legend = await chartTexts(page, 'recipients');
  expect(legend).toContain('2016');
  expect(legend).not.toContain('2015');
  expect(plain(await page.locator('#chart-totals-description').innerText())).not.toContain('2015');

  // A toggle replaced the history entry; going to another view adds one.
  const entries = await page.evaluate(() => history.length);
  expect(entries).toBe(before);
  await page.locator('button[data-view="trend"]').click();
  await expect(page).toHaveURL(/\?view=trend$/);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(page.locator('button[data-view="compare"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('checkbox', { name: /2015/ })).not.toBeChecked();
  expect(await tableYears(page)).toEqual(['2016', '2018']);
});

test('the address follows a toggle after the frame; a view chosen at once after it still leaves the toggle in history', async ({ page }) => {
  await open(page);
  // The toggle's address is written after the next frame; the view switch
  // in the same task must first give the entry it leaves that address.
  await page.evaluate(() => {
    document.querySelector('input[name="year"][value="2015"]').click();
    document.querySelector('button[data-view="trend"]').click();
  });
  await expect(page).toHaveURL(/\?view=trend$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?years=2016,2018$/);
  await expect(page.getByRole('checkbox', { name: /2015/ })).not.toBeChecked();
  expect(await tableYears(page)).toEqual(['2016', '2018']);
  // Back and forward: a toggle waiting for its frame is dropped, and the
  // address shown is the one the view follows.
  await page.evaluate(() => {
    document.querySelector('input[name="year"][value="2017"]').click();
    history.forward();
  });
  await expect(page).toHaveURL(/\?view=trend$/);
  await expect(page.locator('button[data-view="trend"]')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(200);
  await expect(page).toHaveURL(/\?view=trend$/);
});

test('a toggle\'s frame shows the charts and the table; the panels below the table follow once it is painted', async ({ page }) => {
  await open(page);
  const seen = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const state = () => ({
          table: [...document.querySelectorAll('table.data-table thead th')].some((th) => th.textContent.includes('2017')),
          chart: document.getElementById('chart-totals-description').textContent.includes('2017'),
          sources: !!document.querySelector('.sources details[data-year="2017"]'),
        });
        document.querySelector('input[name="year"][value="2017"]').click();
        // Just before the frame that answers the tap is painted, and a while after.
        requestAnimationFrame(() => {
          const frame = state();
          setTimeout(() => resolve({ frame, later: state() }), 300);
        });
      }),
  );
  expect(seen.frame).toEqual({ table: true, chart: true, sources: false });
  expect(seen.later).toEqual({ table: true, chart: true, sources: true });
  await expect(page.locator('.embed-panel textarea')).toHaveValue(/2017/);
});

test('a shared link opens its view', async ({ page }) => {
  await open(page, '?years=2016,2018');
  expect(await checkedYears(page)).toEqual(['2016', '2018']);
  expect(await tableYears(page)).toEqual(['2016', '2018']);
  expect(await labelledRowCells(page, 'Förändring')).toEqual(['–', '+569 mnkr (+67,3 %)']);
});

test('a broken data file shows an alert naming it, and the other years still show', async ({ page }) => {
  await fetchedFromServer(page, ['data/agreements/2016.json']);
  await page.route('**/data/agreements/2016.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "year": 2016,\n  "total": }' }),
  );
  await open(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Överenskommelsen 2016 (agreements/2016.json) kunde inte läsas');
  await expect(alert).toContainText('JSON-syntaxfel på rad 3, kolumn 12');
  expect(await tableYears(page)).toEqual(['2015 (omstritt)', '2018']);
  expect(await labelledRowCells(page, 'Totalt')).toEqual(['696–844 mnkr', '1 414 mnkr']);
  await expect(page.getByRole('checkbox', { name: /2016/ })).toBeDisabled();
});

test('a missing file and an invalid file are both explained', async ({ page }) => {
  await fetchedFromServer(page, ['data/agreements/2018.json', 'data/agreements/2015.json']);
  await page.route('**/data/agreements/2018.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/data/agreements/2015.json', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.allocations[0].amount.kronor = -5;
    data.sources[0].url = 'javascript:alert(1)';
    await route.fulfill({ response, json: data });
  });
  await open(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('filen finns inte (404)');
  await expect(alert).toContainText('allocations[0].amount.kronor: måste vara ett helt antal kronor ≥ 0');
  await expect(alert).toContainText('sources[0].url: måste börja med https:// eller http://');
  expect(await tableYears(page)).toEqual(['2016']);
});

test('a manifest that fails to load is explained', async ({ page }) => {
  await fetchedFromServer(page, ['data/index.json']);
  await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('data/index.json kunde inte läsas');
  await expect(page.getByRole('alert')).toContainText('servern svarade med felkod 500');
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('.empty-state')).toHaveText('Inget av de valda åren kunde läsas. Välj andra år ovan.');
});

test('text from a data file is shown as text, never run', async ({ page }) => {
  await fetchedFromServer(page, ['data/agreements/2016.json', 'data/agreements/2018.json']);
  await page.route('**/data/agreements/2016.json', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    // Not markup, but characters HTML cares about: shown exactly as written.
    data.title.sv = 'Stöd & "omsorg" <3 för alla > 0';
    await route.fulfill({ response, json: data });
  });
  await page.route('**/data/agreements/2018.json', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.title.sv = '<img src=x onerror="window.__injected=1">';
    data.allocations[0].label.sv = '<script>window.__injected=2</script>';
    await route.fulfill({ response, json: data });
  });
  await open(page, '?years=2016,2018');
  await expect(page.locator('details[data-year="2016"] summary')).toContainText('Stöd & "omsorg" <3 för alla > 0');
  // Markup is refused with the place named, and the year is left out.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('title.sv: får inte innehålla HTML-kod');
  await expect(alert).toContainText('allocations[0].label.sv: får inte innehålla HTML-kod');
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('a normal visit logs no console errors', async ({ page }) => {
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await open(page);
  await page.getByRole('checkbox', { name: /2017/ }).check();
  await page.getByRole('button', { name: 'Alla år' }).click();
  await expect(page.locator('table.data-table thead th')).toHaveCount(13);
  expect(errors).toEqual([]);
});

test('a wrong address is explained, and the default view is shown', async ({ page }) => {
  await open(page, '?years=abc,2023&lang=xx');
  const notice = page.getByRole('status').filter({ hasText: 'Om adressen' });
  await expect(notice).toContainText('”abc” i adressen är inget årtal');
  await expect(notice).toContainText('Det finns ingen överenskommelse för 2023');
  await expect(notice).toContainText('Språket ”xx” finns inte');
  expect(await checkedYears(page)).toEqual(['2015', '2016', '2018']);
});

// Guards a bug: the switch read the view signal inside its own update, which
// panicked and killed the whole app.
test('English is one click away and kept in the address', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Sweden's state funding for mental health");
  await expect(page).toHaveURL(/lang=en/);
  expect(await rowCells(page, 'total')).toEqual(['SEK 696–844 m', 'SEK 845 m', 'SEK 1,414 m']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Sweden's state funding for mental health");
});

test('every figure opens its source, status and quote', async ({ page }) => {
  await open(page);
  const year = page.locator('details[data-year="2015"]');
  await year.locator(':scope > summary').click();
  const total = year.locator('li.figure').first();
  await expect(total).toHaveAttribute('data-status', 'disputed');
  await expect(total.locator(':scope > ul.citations > .citation')).toHaveCount(2);
  await expect(total).toContainText('Satsningen 2015 omfattar 844 000 000 kronor');
  // The number as written is marked inside its quote; the title links to the page.
  await expect(total.locator(':scope > ul.citations mark')).toHaveText(['844 000 000 kronor']);
  await expect(total.getByRole('link', { name: 'Lättläst' })).toHaveAttribute('href', 'https://www.uppdragpsykiskhalsa.se/lattlast/');
  // 696 is derived: its two inputs open in place, each with its own source's words.
  const input = total.locator('details.input').filter({ hasText: '66 mnkr' });
  await input.locator('summary').focus();
  await page.keyboard.press('Enter');
  // SKL's words, then UPH's, which confirm the same 66 MSEK.
  await expect(input.locator('mark')).toHaveText(['66 miljoner kronor', '66 000 000 kronor']);
  await expect(input).toContainText('går till utvecklingsmedel inom huvudområdena barn och unga');
  const links = await year.locator('a').evaluateAll((anchors) => anchors.map((a) => a.href));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/^https?:\/\//);
  await expect(year.locator('.findings')).toContainText('stämmer med uppgiften från SKL');
});

test('no years chosen shows a hint instead of empty charts', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Inga år' }).click();
  await expect(page.locator('.empty-state')).toHaveText('Inga år valda. Kryssa i minst ett år ovan.');
  await expect(page).toHaveURL(/\?years=$/);
});

test('fits a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const width = await page.locator('figure[data-chart="totals"] svg').evaluate((svg) => svg.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(340);
  // The table's row names stay readable (they were squeezed to a letter a
  // line): its numbers scroll sideways in the table's own box instead.
  const names = await page.locator('table.data-table th[scope="row"]').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) expect(name).toBeGreaterThanOrEqual(120);
  const box = await page.locator('.table-section .table-scroll').evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
  expect(box.scroll).toBeGreaterThan(box.client);
});

test('passes an axe accessibility scan', async ({ page }) => {
  await open(page);
  await page.locator('details[data-year="2016"] summary').click();
  expect(await axeViolations(page)).toEqual([]);
});
