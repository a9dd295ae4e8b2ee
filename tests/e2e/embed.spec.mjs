// Embedding under strict Content-Security-Policies, offline use through the
// service worker, and the single offline file opened from file://.
import { test, expect } from '@playwright/test';
import { plain, appTookOver } from './helpers.mjs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const strictApp = 'http://127.0.0.1:4174/';
const host = 'http://127.0.0.1:4175/index.html';
/** Collects CSP violations in every frame, and CSP complaints on the console. */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const complaints = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) complaints.push(message.text());
  });
  return complaints;
}

async function violations(frame) {
  return frame.evaluate(() => window.__violations ?? ['no watcher']);
}

test('the app runs under the strict policy with no violation, in every view', async ({ page }) => {
  const complaints = await watchPolicy(page);
  await page.goto(`${strictApp}?years=2015,2016,2018`);
  await appTookOver(page);
  await expect(page.locator('table.data-table')).toBeVisible();
  for (const view of ['trend', 'breakdown', 'bridge', 'compare']) {
    await page.locator(`button[data-view="${view}"]`).click();
    await expect(page.locator('figure.chart [role="img"]').first()).toBeVisible();
  }
  await page.getByRole('radio', { name: 'Fasta priser' }).check();
  await page.locator('table.data-table td button').first().click();
  await expect(page.locator('.cell-details')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.cell-details')).toBeHidden();
  await page.getByRole('button', { name: 'Kopiera länk' }).click();
  await expect(page.locator('.view-actions .copy-status')).not.toBeEmpty();
  // Downloads make blob: and data: addresses and draw an image on a canvas.
  for (const kind of ['csv', 'svg', 'png']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-download="${kind}"]`).first().click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${kind}$`));
  }
  expect(await violations(page)).toEqual([]);
  expect(complaints).toEqual([]);
});

test('a host page with its own strict policy embeds two views that size themselves', async ({ page }) => {
  const complaints = await watchPolicy(page);
  await page.goto(host);
  for (const id of ['compare', 'bridge']) {
    const iframe = page.locator(`iframe#${id}`);
    await iframe.scrollIntoViewIfNeeded();
    const frame = page.frameLocator(`iframe#${id}`);
    await expect(frame.locator('figure.chart [role="img"]').first()).toBeVisible();
    // embed.js sets the height the app reports, which differs from the 640 the snippet starts with.
    await expect(iframe).toHaveAttribute('data-height', /^\d+$/);
    const reported = Number(await iframe.getAttribute('data-height'));
    const box = await iframe.boundingBox();
    expect(Math.abs(box.height - reported)).toBeLessThanOrEqual(1);
    expect(reported).toBeGreaterThan(300);
    const content = await page.frame({ url: new RegExp(id === 'bridge' ? 'view=bridge' : 'years=2016') }).evaluate(() => document.documentElement.scrollHeight);
    expect(Math.abs(content - reported)).toBeLessThanOrEqual(2);
  }
  for (const frame of page.frames()) expect(await violations(frame)).toEqual([]);
  expect(complaints).toEqual([]);
});

test('an embedded view shows the chart, its controls, a source line and a link to the full app', async ({ page }) => {
  await page.goto(`${strictApp}?view=bridge&from=2016&to=2018&lang=en&embed=1`);
  await appTookOver(page);
  await expect(page.locator('figure.chart [role="img"]')).toBeVisible();
  await expect(page.locator('select[name="from"]')).toBeVisible();
  await expect(page.locator('table')).toHaveCount(0);
  await expect(page.locator('header, footer, .sources, .view-switcher, .view-actions, .controls.units, .more-section, .skip-link')).toHaveCount(0);
  const link = page.getByRole('link', { name: 'the full budget explorer' });
  await expect(link).toHaveAttribute('href', `${strictApp}?view=bridge&from=2016&to=2018&lang=en`);
  await expect(page.locator('.embed-note')).toContainText('Source: the agreements between the state and SKL/SKR');
  // Choosing another year keeps it embedded.
  await page.locator('select[name="from"]').selectOption('2017');
  await expect(page).toHaveURL(/from=2017&to=2018&lang=en&embed=1$/);
});

test('the embed panel gives a ready snippet for the current view', async ({ page }) => {
  await page.goto(`${strictApp}?view=trend&prices=fixed`);
  await appTookOver(page);
  await page.locator('.embed-panel summary').click();
  const snippet = await page.locator('textarea.snippet').inputValue();
  expect(snippet).toBe(
    `<iframe src="${strictApp}?view=trend&amp;prices=fixed&amp;embed=1" title="Statens satsningar på psykisk hälsa" loading="lazy" width="100%" height="640" data-budget-explorer></iframe>\n` +
      `<script src="${strictApp}embed.js" defer></script>`,
  );
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app and its data work with the network off', async ({ page, context }) => {
    await page.goto('./?years=2016,2018');
    await appTookOver(page);
    await expect(page.locator('table.data-table')).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.goto('./?view=bridge&from=2016&to=2018');
    await appTookOver(page);
    await expect(page.locator('tr[data-key="total"] td').last()).toHaveText('+569 mnkr');
    await page.locator('button[data-view="trend"]').click();
    await expect(page.locator('table.data-table tbody tr')).toHaveCount(13);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await context.setOffline(false);
  });

  test('a new build replaces the old cache', async ({ page }) => {
    await page.goto('./');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const worker = await (await page.request.get('./sw.js')).text();
    const current = worker.match(/const CACHE = '([^']+)'/)[1];
    // An older build's cache is deleted when this build's worker activates.
    await page.evaluate(async () => {
      await caches.open('budget-explorer-0000000000000000');
      const registration = await navigator.serviceWorker.ready;
      await registration.unregister();
    });
    await page.reload();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([current]);
  });

});

test('the single offline file works from file:// with every view and no network', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) requests.push(request.url());
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`file://${resolve('dist/budget-explorer-offline.html')}`);
  await appTookOver(page);
  await expect(page.locator('table.data-table')).toBeVisible();
  expect((await page.locator('tr[data-key="total"] td').allInnerTexts()).map(plain)).toEqual(['696–844 mnkr', '845 mnkr', '1 414 mnkr']);
  await page.locator('button[data-view="bridge"]').click();
  await expect(page.locator('tr[data-key="total"] td').last()).toHaveText('+569 mnkr');
  await page.locator('button[data-view="trend"]').click();
  await expect(page.locator('figure.chart [role="img"]')).toBeVisible();
  await expect(page.locator('.offline-download')).toHaveCount(0);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  const html = await readFile('dist/budget-explorer-offline.html', 'utf8');
  expect(html).not.toMatch(/<script[^>]+src=/);
});

test('the full app offers the offline file', async ({ page }) => {
  await page.goto('./');
  const link = page.getByRole('link', { name: 'Ladda ner för offline-bruk' });
  await expect(link).toHaveAttribute('href', 'budget-explorer-offline.html');
  const response = await page.request.get('./budget-explorer-offline.html');
  expect(response.ok()).toBe(true);
});
