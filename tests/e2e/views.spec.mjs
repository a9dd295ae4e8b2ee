// End-to-end tests of the analysis views, units, tables and downloads.
import { test, expect } from '@playwright/test';
import { plain, open, rowCells, chartTexts, download, axeViolations } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

/** Each bar's hit area on the chart: its place and what it reads out
 * ("Regioner (landsting) · 2016: 412 mnkr"). */
// Each drawn bar's area (`data-point`; a stack's column target and a cut
// name's area have none).
async function bars(page) {
  return page.locator('figure.chart svg g.hits rect[data-point]').evaluateAll((rects) => rects.map((rect) => ({
    x: Number(rect.getAttribute('x')),
    y: Number(rect.getAttribute('y')),
    width: Number(rect.getAttribute('width')),
    height: Number(rect.getAttribute('height')),
    readout: rect.getAttribute('data-readout').replace(/[\u202F\u00A0]/g, ' '),
  })));
}

test('the trend view shows every year, with gaps written out, from its address', async ({ page }) => {
  await open(page, '?view=trend');
  await expect(page.locator('button[data-view="trend"]')).toHaveAttribute('aria-pressed', 'true');
  const years = await page.locator('table.data-table tbody th').allInnerTexts();
  expect(years).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  expect(await rowCells(page, '2023')).toEqual(['okänt', '–']);
  expect(await rowCells(page, '2018')).toEqual(['1 414 mnkr', '+529 mnkr']);
  const description = plain(await page.locator('#chart-trend-description').innerText());
  expect(description).toContain('Totalbelopp saknas i källorna för 2012, 2013, 2014, 2023.');
  const texts = await chartTexts(page);
  expect(texts.filter((t) => t === 'okänt')).toHaveLength(4);
  expect(texts).toContain('696–844');
});

test('fixed prices and per inhabitant change every number, and the address', async ({ page }) => {
  await open(page, '?view=trend');
  await page.getByRole('radio', { name: 'Fasta priser' }).check();
  await expect(page).toHaveURL(/view=trend&prices=fixed$/);
  expect(await rowCells(page, '2016')).toEqual(['1 078 mnkr', 'mellan −9,3 mnkr och +181 mnkr']);
  await expect(page.locator('table.data-table tbody th').last()).toHaveText('2024 (preliminär KPI)');
  await expect(page.locator('.table-unit')).toHaveText('miljoner kronor i 2023 års priser');
  await page.locator('select[name="base"]').selectOption('2016');
  await expect(page).toHaveURL(/prices=fixed&base=2016/);
  expect((await rowCells(page, '2016'))[0]).toBe('845 mnkr');
  await page.getByRole('checkbox', { name: 'Per invånare' }).check();
  await expect(page).toHaveURL(/per=inhabitant/);
  expect((await rowCells(page, '2016'))[0]).toBe('84,54 kr');
  await expect(page.locator('.table-unit')).toHaveText('kronor per invånare i 2016 års priser');
});

test('the breakdown view: purpose or recipient, amounts or shares, grouped or stacked', async ({ page }) => {
  await open(page, '?view=breakdown&years=2016,2018&by=purpose');
  await expect(page.getByRole('radio', { name: 'Ändamål' })).toBeChecked();
  expect(await rowCells(page, 'youth-clinics')).toEqual(['130 mnkr', '130 mnkr']);
  await page.getByRole('radio', { name: 'Andel av årets total' }).check();
  await expect(page).toHaveURL(/measure=share/);
  expect(await rowCells(page, 'youth-clinics')).toEqual(['15,4 %', '9,2 %']);
  expect(await rowCells(page, 'total')).toEqual(['100 %', '100 %']);
  await page.getByRole('radio', { name: 'Mottagare' }).check();
  expect(await rowCells(page, 'regions')).toEqual(['53,3 %', '62,5 %']);
  // Grouped: a group per recipient, a bar per year side by side.
  const grouped = await bars(page);
  const regions = grouped.filter((bar) => bar.readout.startsWith('Regioner (landsting) · '));
  expect(regions.map((bar) => bar.readout)).toEqual(['Regioner (landsting) · 2016: 53,3 %', 'Regioner (landsting) · 2018: 62,5 %']);
  expect(new Set(regions.map((bar) => bar.x)).size).toBe(2);
  await page.getByRole('radio', { name: 'Staplade på varandra' }).check();
  await expect(page).toHaveURL(/layout=stacked/);
  // Stacked: a column per year, its recipients on top of each other, adding up to the whole.
  const stacked = await bars(page);
  for (const year of ['2016', '2018']) {
    const column = stacked.filter((bar) => bar.readout.includes(` · ${year}: `) || bar.readout.startsWith(`${year} · `));
    expect(column.length).toBeGreaterThan(1);
    expect(new Set(column.map((bar) => bar.x)).size, `${year}: one column`).toBe(1);
    const spans = column.map((bar) => [bar.y, bar.y + bar.height]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // (A hit area is at least 6 px tall, so a thin segment's may reach into the next.)
    for (let i = 1; i < spans.length; i++) expect(spans[i][0], `${year}: segments do not overlap`).toBeGreaterThanOrEqual(spans[i - 1][1] - 6);
    const [top, bottom] = [spans[0][0], spans[spans.length - 1][1]];
    expect(bottom - top, `${year}: the column is more than one segment tall`).toBeGreaterThan(Math.max(...column.map((bar) => bar.height)) * 1.5);
  }
  expect(stacked.some((bar) => bar.readout === '2016 · Regioner (landsting): 53,3 %')).toBe(true);
  await expect(page).toHaveURL('./?view=breakdown&years=2016,2018&layout=stacked&measure=share');
});

test('the bridge from 2016 to 2018 adds up to +569 MSEK, and another pair can be chosen', async ({ page }) => {
  await open(page, '?view=bridge&from=2016&to=2018');
  expect(await rowCells(page, 'total')).toEqual(['845 mnkr', '1 414 mnkr', '+569 mnkr']);
  expect(await rowCells(page, 'regions-primary-care')).toEqual(['–', '220 mnkr', '+220 mnkr']);
  // Listed in one year's sources only: said so, never "new" or "ended".
  await expect(page.locator('tr[data-key="regions-primary-care"] td').last()).toHaveAttribute('data-status', 'only-later');
  await expect(page.locator('tr[data-key="skr-infrastructure-inquiry"] td').last()).toHaveAttribute('data-status', 'only-earlier');
  await expect(page.locator('figure.chart .chart-summary').first()).toContainText('Bara listade i källorna för 2018');
  expect(await rowCells(page, 'regions:not-broken-down')).toEqual(['–', '64 mnkr', '+64 mnkr']);
  const texts = await chartTexts(page);
  for (const expected of ['+220', '+64', '−10', '−5', 'ökning', 'minskning']) expect(texts).toContain(expected);

  await page.locator('select[name="from"]').selectOption('2015');
  await expect(page).toHaveURL(/view=bridge&from=2015&to=2018/);
  // 2015 is disputed: both figures are offered, SKL's is used first.
  const choices = page.locator('fieldset[data-choice="from_source"] input');
  await expect(choices).toHaveCount(2);
  await expect(choices.first()).toBeChecked();
  expect((await rowCells(page, 'total'))[0]).toBe('696 mnkr');
  await page.getByRole('radio', { name: /844 mnkr/ }).check();
  await expect(page).toHaveURL(/from_source=uph-lattlast/);
  expect(await rowCells(page, 'total')).toEqual(['844 mnkr', '1 414 mnkr', '+570 mnkr']);
  expect(await rowCells(page, 'not-broken-down')).toEqual(['148 mnkr', '0 mnkr', '−148 mnkr']);
});

test('the table has exactly the chart numbers and sorts by any column', async ({ page }) => {
  await open(page, '?view=breakdown&years=2016,2018');
  // Every drawn row's cell is the value of its own bar: the bar of that row and
  // that year reads out exactly the table's text (not just any text on the chart).
  const readouts = (await bars(page)).map((bar) => bar.readout);
  const rows = await page
    .locator('table.data-table tbody tr[data-kind="item"], table.data-table tbody tr[data-kind="not-broken-down"]')
    .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').innerText, [...tr.querySelectorAll('td')].map((td) => td.innerText)]));
  expect(rows.length).toBeGreaterThan(2);
  let compared = 0;
  for (const [label, cells] of rows) {
    cells.forEach((cell, column) => {
      if (plain(cell) === '–') return;
      expect(readouts).toContain(`${plain(label)} · ${['2016', '2018'][column]}: ${plain(cell)}`);
      compared += 1;
    });
  }
  expect(compared).toBeGreaterThan(4);

  const header = page.locator('table.data-table thead th').nth(2);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const firstRows = await page.locator('table.data-table tbody tr th').allInnerTexts();
  expect(firstRows[0]).toBe('Regioner (landsting)');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect((await page.locator('table.data-table tbody tr th').allInnerTexts())[0]).toBe('SKL/SKR');
});

test('a cell opens the figures and sources behind it', async ({ page }) => {
  await open(page);
  // The disputed mark is read out as a word.
  const disputed = page.locator('tr[data-key="total"] td').first().getByRole('button');
  await expect(disputed).toHaveAccessibleName('696–844 mnkr (omstritt)');
  await disputed.click();
  const details = page.locator('.cell-details');
  await expect(details).toContainText('Underlag för Totalt, 2015 (omstritt)');
  await expect(details).toContainText('Satsningen 2015 omfattar 844 000 000 kronor');
  await expect(details).toContainText('66 miljoner kronor går till utvecklingsmedel');
  await expect(details.locator('a[href="https://www.uppdragpsykiskhalsa.se/lattlast/"]').first()).toBeVisible();
  await details.getByRole('button', { name: 'Stäng' }).click();
  await expect(details).toBeHidden();
  await expect(disputed).toBeFocused();
});

test('downloads: CSV and JSON rows, SVG and PNG of the chart, named after the view', async ({ page }) => {
  await open(page, '?view=bridge&from=2016&to=2018&lang=en');
  const csv = await download(page, 'csv');
  expect(csv.name).toBe('mental-health_bridge_2016-2018_msek_current-prices.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Item,2016,2018,Change,Unit,Row kind');
  expect(lines.find((l) => l.startsWith('Primary care'))).toMatch(/,,220,220,"million SEK, current prices",/);
  expect(lines.find((l) => l.startsWith('Total,'))).toBe('Total,845,1414,569,"million SEK, current prices",total');
  expect(lines).toHaveLength(1 + (await page.locator('table.data-table tbody tr, table.data-table tfoot tr').count()));

  const json = JSON.parse((await download(page, 'json')).bytes.toString('utf8'));
  expect(json.view).toBe('bridge');
  expect(json.unit).toBe('million SEK, current prices');
  expect(json.rows.find((r) => r.key === 'total').cells[2].value).toBe(569);

  const svg = await download(page, 'svg');
  expect(svg.name).toBe('mental-health_bridge_2016-2018_msek_current-prices.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // The chart travels with its title, unit, source, address and date.
  for (const part of ['2016 to 2018 – Change between two years', 'million SEK, current prices', 'Source: the agreements', 'view=bridge&amp;from=2016&amp;to=2018&amp;lang=en', 'Retrieved 20']) {
    expect(text).toContain(part);
  }

  const png = await download(page, 'png');
  expect(png.name).toBe('mental-health_bridge_2016-2018_msek_current-prices.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Twice the framed chart's width (drawn at 1000 px for reports), for sharp prints.
  expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(text.match(/^<svg [^>]*width="(\d+)"/)[1]));
});

test('switching views keeps the units and goes back with the browser', async ({ page }) => {
  await open(page, '?years=2016,2018&per=inhabitant');
  await page.locator('button[data-view="bridge"]').click();
  await expect(page).toHaveURL(/view=bridge&from=2016&to=2018&per=inhabitant/);
  expect((await rowCells(page, 'total'))[0]).toBe('84,54 kr');
  await page.goBack();
  await expect(page.locator('button[data-view="compare"]')).toHaveAttribute('aria-pressed', 'true');
  expect((await rowCells(page, 'total'))).toEqual(['84,54 kr', '138,22 kr']);
});

test('every view passes an axe accessibility scan', async ({ page }) => {
  for (const query of ['?view=trend&prices=fixed', '?view=breakdown&years=2015,2016&layout=stacked', '?view=bridge&from=2015&to=2016']) {
    await open(page, query);
    await page.locator('table.data-table td button').first().click();
    expect(await axeViolations(page, query)).toEqual([]);
  }
});
