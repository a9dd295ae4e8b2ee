// The visitor's own agreement files: dropped, picked or named in the address,
// shown beside the bundled ones, removable; bad files refused with every
// problem named, no script run, and nothing shown changed.
import { test, expect } from '@playwright/test';
import { plain, open as openAt } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

const example = await readFile('public/example-agreement.json', 'utf8');

const open = (page, query = '') => openAt(page, query, 'table.data-table');

/** Drops a file on the page, as a visitor dragging it from their desktop. */
async function dropFile(page, name, content) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/json' }));
      return transfer;
    },
    { name, content },
  );
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

async function headers(page) {
  return (await page.locator('table.data-table thead th').allInnerTexts()).slice(1).map((h) => plain(h.replace(/[↕▲▼]/g, '')));
}

test('a dropped file appears in the chart and the table, as its own series, and can be removed', async ({ page }) => {
  await open(page, '?years=2016,2024');
  await dropFile(page, 'min-budget.json', example);
  await expect(page.locator('.own-list > ul > li')).toHaveCount(1);
  expect(await headers(page)).toEqual(['2016', '2024', '2024 · min-budget.json (egen fil)']);
  expect((await page.locator('tr[data-key="total"] td').allInnerTexts()).map(plain)).toEqual(['845 mnkr', '1 560 mnkr', '1 560 mnkr']);
  const legend = await page.locator('figure[data-chart="recipients"] svg text').allTextContents();
  expect(legend.map((t) => t.trim())).toContain('2024 · min-budget.json');
  // Every view has it: the trend as a row, the bridge as an end.
  await page.locator('button[data-view="trend"]').click();
  await expect(page.locator('tr[data-key="2024 · min-budget.json"] th')).toHaveText('2024 · min-budget.json (egen fil)');
  await page.locator('button[data-view="bridge"]').click();
  await page.locator('select[name="to"]').selectOption({ label: '2024 · min-budget.json (egen fil)' });
  await expect(page.locator('table.data-table thead th').nth(2)).toContainText('2024 · min-budget.json');
  await page.getByRole('button', { name: 'Ta bort 2024 · min-budget.json' }).click();
  await expect(page.locator('.own-list')).toHaveCount(0);
  await expect(page.locator('table.data-table thead th').nth(2)).not.toContainText('min-budget');
});

test('the file picker reads several files, and the same name twice stays apart', async ({ page }) => {
  await open(page, '?years=2024');
  await page.locator('.own-files-panel summary').click();
  const file = { name: 'utkast.json', mimeType: 'application/json', buffer: Buffer.from(example) };
  await page.locator('input[type="file"]').setInputFiles([file, file]);
  await expect(page.locator('.own-list > ul > li')).toHaveCount(2);
  expect(await headers(page)).toEqual(['2024', '2024 · utkast.json (egen fil)', '2024 · utkast.json (2) (egen fil)']);
});

test('a file named in the address is loaded', async ({ page }) => {
  await open(page, '?years=2016&data=example-agreement.json');
  await expect(page.locator('.own-list > ul > li')).toHaveCount(1);
  expect(await headers(page)).toEqual(['2016', '2024 · example-agreement.json (egen fil)']);
});

test('bad files are refused, every problem named, nothing shown changes and no script runs', async ({ page }) => {
  await open(page, '?years=2015,2016,2018');
  const tableBefore = await page.locator('table.data-table').innerHTML();
  const chartBefore = await page.locator('figure[data-chart="recipients"] svg').innerHTML();
  const data = JSON.parse(example);
  const cases = [
    ['syntax.json', '{\n  "year": 2024,\n  "title": \n}', 'JSON-syntaxfel på rad 4, kolumn 1'],
    ['types.json', JSON.stringify({ ...data, year: 'tjugotjugofyra', parties: 'SKR' }), 'year: måste vara ett heltal'],
    ['negative.json', JSON.stringify({ ...data, total: { ...data.total, kronor: -1 } }), 'total.kronor: måste vara ett helt antal kronor ≥ 0'],
    [
      'script.json',
      JSON.stringify({ ...data, title: { sv: '<img src=x onerror="window.__injected=1">', en: '<script>window.__injected=2</script>' } }),
      'title.sv: får inte innehålla HTML-kod',
    ],
    ['huge.json', `{"note": "${'x'.repeat(6 * 1024 * 1024)}"}`, 'mer än gränsen på 5 242 880'],
    ['deep.json', '['.repeat(5000), 'nästlad i mer än 128 nivåer'],
  ];
  for (const [name, content, message] of cases) {
    await dropFile(page, name, content);
    const alert = page.locator('.own-failures');
    await expect(alert).toContainText(name);
    await expect(alert).toContainText(message);
  }
  // All problems of a file at once, not just the first.
  await dropFile(page, 'many.json', JSON.stringify({ ...data, year: 'x', total: { status: 'guessed' }, sources: [{ id: 'a', publisher: '', title: 't', url: 'javascript:x' }] }));
  const many = page.locator('.own-failures li', { hasText: 'many.json' });
  await expect(many.locator('.problems li')).toHaveCount(4);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('.own-list')).toHaveCount(0);
  expect(await page.locator('table.data-table').innerHTML()).toBe(tableBefore);
  expect(await page.locator('figure[data-chart="recipients"] svg').innerHTML()).toBe(chartBefore);
});

test('the example file can be downloaded from the load panel', async ({ page }) => {
  await open(page);
  await page.locator('.own-files-panel summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exempelfil att ladda ner och redigera' }).click()]);
  expect(file.suggestedFilename()).toBe('exempel-overenskommelse.json');
  expect(JSON.parse(await readFile(await file.path(), 'utf8')).year).toBe(2024);
});
