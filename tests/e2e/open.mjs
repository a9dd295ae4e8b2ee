// Opening the app at an address, as every spec does.
import { expect } from '@playwright/test';

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
