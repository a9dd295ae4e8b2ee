// What the specs share: opening the app, reading its table, charts and
// downloads, and the accessibility scan. One copy, here.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Text with Swedish no-break spaces made plain and runs of space made one. */
export const plain = (text) => text.replace(/[\u202F\u00A0]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Whether the app has taken over the page drawn at build time (hydrated it,
 * or mounted its own; src/ui/start.rs): from then on the controls are the
 * app's. Before that, clicks are recorded and replayed, which
 * first-view.spec.mjs tests; the other specs test the app itself and wait
 * for it.
 */
export const appTookOver = (page) => page.waitForFunction(() => {
  const root = document.getElementById('app');
  return root && !root.hasAttribute('data-prerendered');
});

/**
 * Goes to `query` and waits until the app shows its view (a table, or the
 * message that there is nothing to show where `shown` allows it).
 */
export async function open(page, query = '', shown = 'table.data-table, .empty-state') {
  await page.goto(`./${query}`);
  await appTookOver(page);
  await expect(page.locator(shown).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** The cells of the table's row `key` (its `data-key`), as plain text. */
export async function rowCells(page, key) {
  return (await page.locator(`table.data-table tr[data-key="${key}"] td`).allInnerTexts()).map(plain);
}

/** The cells of the first table row whose heading has `label`, as plain text. */
export async function labelledRowCells(page, label) {
  const row = page.locator('table.data-table tr', { has: page.locator('th', { hasText: label }) }).first();
  return (await row.locator('td').allInnerTexts()).map(plain);
}

/** Every text drawn in the charts (or in the chart `kind`), as plain text. */
export async function chartTexts(page, kind) {
  const figure = kind ? `figure[data-chart="${kind}"]` : 'figure.chart';
  const texts = await page.locator(`${figure} svg text`).evaluateAll((nodes) => nodes.map((node) => node.textContent));
  return texts.map(plain);
}

/** Clicks the first download button of `kind`; the file's name and bytes. */
export async function download(page, kind) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`button[data-download="${kind}"]`).first().click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The axe scan of the page as it is now: one line a violation, `label`
 * first (the view or the colours scanned), then the rule and its elements.
 */
export async function axeViolations(page, label = '') {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const prefix = label ? `${label} ` : '';
  return result.violations.map((v) => `${prefix}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** WCAG contrast of two CSS colours as the browser computed them (`rgb(…)`). */
export function contrast(first, second) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
