// Every figure in its source's own words: the recipient breakdown follows the
// sources, "of which" figures are never summed, an own file's sum checks are
// shown, and the "about the data" section and the open-data package are there.
import { test, expect } from '@playwright/test';
import { plain, open, rowCells, chartTexts } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

const example = JSON.parse(await readFile('public/example-agreement.json', 'utf8'));

test('2024 by recipient: municipalities and regions 1 527, SKR 33, the 803 only as "of which"', async ({ page }) => {
  await open(page, '?view=breakdown&years=2024');
  expect(await rowCells(page, 'both')).toEqual(['1 527 mnkr']);
  expect(await rowCells(page, 'skr')).toEqual(['33 mnkr']);
  expect(await rowCells(page, 'not-broken-down')).toEqual(['0 mnkr']);
  await expect(page.locator('tr[data-key="unspecified"]')).toHaveCount(0);
  const ofWhich = page.locator('tr[data-key="of-which:children-young-people"]');
  await expect(ofWhich.locator('th')).toContainText('varav Särskild satsning på barn och ungas psykiska hälsa');
  expect(await rowCells(page, 'of-which:children-young-people')).toEqual(['803 mnkr']);
  // Never drawn as a part: the chart has 1 527 and 33, not 803.
  const texts = await chartTexts(page);
  expect(texts.join(' ')).toContain('1 527');
  expect(texts.join(' ')).not.toContain('803');
  // The compare view's table follows the same rule.
  await open(page, '?years=2024');
  expect(await rowCells(page, 'both')).toEqual(['1 527 mnkr']);
  expect(await rowCells(page, 'of-which:children-young-people')).toEqual(['803 mnkr']);
});

test('2020 by recipient: municipalities and regions 1 694 in total, nothing wrongly "not broken down"', async ({ page }) => {
  await open(page, '?view=breakdown&years=2020,2024');
  expect(await rowCells(page, 'subtotal')).toEqual(['1 694 mnkr', '1 527 mnkr']);
  expect(await rowCells(page, 'regions')).toEqual(['820 mnkr', '–']);
  expect(await rowCells(page, 'municipalities')).toEqual(['300 mnkr', '–']);
  expect(await rowCells(page, 'both')).toEqual(['574 mnkr', '1 527 mnkr']);
  expect(await rowCells(page, 'not-broken-down')).toEqual(['0 mnkr', '0 mnkr']);
  // The 574 opens as what the sources leave of the 1 694, with the arithmetic.
  await page.locator('tr[data-key="both"] td').first().getByRole('button').click();
  const details = page.locator('.cell-details');
  await expect(details).toContainText('ej nedbrutet vidare i källorna');
  await expect(details).toContainText('1 694 mnkr − 300 mnkr');
  await page.keyboard.press('Escape');
  // The CSV says which rows may be added up (its last column).
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-download="csv"]').first().click()]);
  const csv = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
  const kinds = csv.trim().split('\r\n').slice(1).map((line) => line.split(';').at(-1));
  expect(kinds).toContain('subtotal');
  expect(kinds).toContain('of-which');
});

test('an own file whose parts exceed its total says so where it is listed', async ({ page }) => {
  await open(page, '?years=2024');
  const draft = structuredClone(example);
  draft.title = { sv: 'Utkast', en: 'Draft' };
  // 1 527 + 173 = 1 700: the parts exceed the 1 560 total by 140.
  const skr = draft.allocations.find((a) => a.id === 'skr-support');
  skr.amount = { status: 'stated', kronor: 173000000, source: skr.amount.source };
  await page.locator('input[name="own-files"]').setInputFiles({
    name: 'utkast.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(draft)),
  });
  const listed = page.locator('.own-list li[data-own]');
  await expect(listed).toHaveCount(1);
  const finding = listed.locator('.own-findings li.contradiction');
  await expect(finding).toBeVisible();
  expect(plain(await finding.innerText())).toContain('1 700 mnkr, 140 mnkr mer än helheten 1 560 mnkr');
});

test('about the data: coverage, open questions, statuses, citation, licence and the open data', async ({ page }) => {
  await open(page);
  const about = page.locator('section.about-data');
  // Opened with the keyboard alone.
  await about.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(about.locator('table.coverage tbody tr')).toHaveCount(13);
  expect(plain(await about.locator('tr[data-year="2023"]').innerText())).toContain('Inga belopp har hittats för året');
  expect(plain(await about.locator('tr[data-year="2022"]').innerText())).toContain('Delvis: mottagaren anges inte för 701 mnkr');
  expect(plain(await about.locator('tr[data-year="2016"]').innerText())).toContain('Ja, för hela beloppet');
  await expect(about.locator('.open-questions')).toContainText('24 mnkr av kommunernas och regionernas 1 734 mnkr');
  await expect(about.locator('.citation-text')).toContainText('data version 2.0');
  await expect(about.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
  const csv = await page.request.get(await about.getByRole('link', { name: 'figures.csv' }).getAttribute('href'));
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toMatch(/^year,id,parent,role,/);
  const pkg = await (await page.request.get('data/datapackage.json')).json();
  expect(pkg.resources[0].path).toBe('figures.csv');
});
