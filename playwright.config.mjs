// End-to-end tests of the release build (dist/) in Debian's headless Chromium.
import { defineConfig } from '@playwright/test';

const port = 4173;
// The policy the README documents for hosts; the app must run under it with no violation.
export const strictPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";
// A host page's own strict policy: it may only load the app's frame and embed.js.
const hostPolicy =
  "default-src 'self'; script-src 'self' http://127.0.0.1:4174; frame-src http://127.0.0.1:4174; style-src 'self'; img-src 'self'";

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // The app registers a service worker that fetches and caches the data itself;
    // page.route() cannot see those requests, so tests that route data files would
    // race it. Only the offline tests allow it (test.use in embed.spec.mjs).
    serviceWorkers: 'block',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    { command: `node tests/e2e/serve.mjs dist ${port}`, url: `http://127.0.0.1:${port}/index.html`, timeout: 10_000 },
    { command: `node tests/e2e/serve.mjs dist 4174 "${strictPolicy}"`, url: 'http://127.0.0.1:4174/index.html', timeout: 10_000 },
    { command: `node tests/e2e/serve.mjs tests/e2e/host 4175 "${hostPolicy}"`, url: 'http://127.0.0.1:4175/index.html', timeout: 10_000 },
    // Another site serving files as a careless or hostile server would (`?data=` tests).
    { command: 'node tests/e2e/hostile-server.mjs 4176', url: 'http://127.0.0.1:4176/ok.json', timeout: 10_000 },
  ],
});
