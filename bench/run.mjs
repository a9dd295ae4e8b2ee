// The benchmark: the app beside a static floor and a Chart.js peer, side by
// side in one run, in headless Chromium, served with gzip on 127.0.0.1.
// Writes docs/performance.md. Run it with bench/run.sh (see README), after a
// release build in dist/.
//
// Pages: (a) the app (dist/); (b) the floor: the app's index.html with every
// script taken out (the first view drawn at build time, no script); (c) the
// peer: the same data files drawn with Chart.js (bench/peer.html).
// Profiles: "fast" (loopback, no throttling) and "mobile" (Lighthouse's
// mobile profile: 4× CPU slowdown, 150 ms RTT, 1.6 Mbps down, 412 px wide).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { cpus, totalmem, release as osRelease } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const dist = join(root, 'dist');
const work = join(here, 'out');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOGGLES = 15;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MOBILE = { latency: 150, download: (1638.4 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4, width: 412, height: 823 };

if (!existsSync(join(dist, 'index.html'))) throw new Error('no release build in dist/: run trunk build --release --offline first');

// ---------------------------------------------------------------- the pages
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const appHtml = readFileSync(join(dist, 'index.html'), 'utf8');
// The floor: the same first view, every script and preload out.
const floorHtml = appHtml
  // Only the default view's drawn part (start-view.js drops the others too).
  .replace(/<div class="drawn-view" data-view="(?!compare")[a-z]+">[\s\S]*?(?=<div class="drawn-view"|<\/main>)/g, '')
  .replace(/<script\b[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
  .replace(/<noscript>[\s\S]*?<\/noscript>/, '');
// The synthetic large set: 100 agreements × 200 allocations, valid files.
const largeData = join(work, 'large-data');
writeLargeSet(largeData);
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'validate', '--', largeData], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
// The app on the large set: the page without its inline data, so it reads the files.
const largeHtml = appHtml.replace(/<script type="application\/json" id="bundled-data">[\s\S]*?<\/script>/, '');

const chartJs = join(here, 'node_modules/chart.js/dist/chart.umd.min.js');
// BENCH_BEFORE: another release build (an earlier commit's dist/), measured
// beside this one in the same run for the interaction measures.
const before = process.env.BENCH_BEFORE ? resolve(process.env.BENCH_BEFORE) : null;
const routes = [
  ...(before ? [['/before/', (path) => file(before, path === '' ? 'index.html' : path)]] : []),
  ['/app/', (path) => (path === '' ? { body: appHtml, type: '.html' } : file(dist, path))],
  ['/floor/', (path) => (path === '' ? { body: floorHtml, type: '.html' } : file(dist, path))],
  ['/peer/', (path) => peerFile(path, join(dist, 'data'))],
  ['/large/', (path) => (path === '' ? { body: largeHtml, type: '.html' } : path.startsWith('data/') ? file(largeData, path.slice(5)) : file(dist, path))],
  ['/peer-large/', (path) => peerFile(path, largeData)],
];
function peerFile(path, data) {
  if (path === '') return file(here, 'peer.html');
  if (path === 'peer.js') return file(here, 'peer.js');
  if (path === 'chart.umd.js') return { body: readFileSync(chartJs), type: '.js' };
  if (path.startsWith('data/')) return file(data, path.slice(5));
  return null;
}
function file(folder, path) {
  const full = normalize(join(folder, path));
  if (!full.startsWith(folder + sep) && full !== folder) return null;
  if (!existsSync(full)) return null;
  return { body: readFileSync(full), type: extname(full) };
}

// ------------------------------------------------------------- the server
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg']);
const gzipped = new Map();
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
  const route = routes.find(([prefix]) => path.startsWith(prefix));
  const found = route && route[1](path.slice(route[0].length));
  if (!found) return response.writeHead(404).end();
  const headers = { 'content-type': TYPES[found.type] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  let body = Buffer.from(found.body);
  if (COMPRESSIBLE.has(found.type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    const key = `${path}:${body.length}`;
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 6 }));
    body = gzipped.get(key);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  response.writeHead(200, headers).end(body);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;
console.log(`serving on ${base}`);

// ------------------------------------------------------------ measuring
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Polls every frame for the first visible chart (an SVG in role="img", or
// the peer's drawn canvas), and records when it was first there.
function watchForChart() {
  window.__firstChart = null;
  const visible = (element) =>
    element.getBoundingClientRect().width > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const look = () => {
    const charts = document.querySelectorAll('[role="img"] svg, canvas[data-drawn]');
    for (const chart of charts) {
      if (visible(chart)) {
        window.__firstChart = performance.now();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function openPage(profile) {
  const context = await browser.newContext({
    viewport: profile === 'mobile' ? { width: MOBILE.width, height: MOBILE.height } : { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.addInitScript(watchForChart);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile === 'mobile') {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: MOBILE.latency, downloadThroughput: MOBILE.download, uploadThroughput: MOBILE.upload });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  }
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  return { context, page, bytes: () => bytes };
}

/** The app has taken over (or this page has no app). */
const ready = (page) => page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('data-prerendered') && (document.querySelector('canvas[data-drawn]') || document.querySelector('#app main')) , null, { timeout: 60_000 });

async function firstLoad(kind, path, profile) {
  const { context, page, bytes } = await openPage(profile);
  await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => window.__firstChart !== null, null, { timeout: 60_000 });
  const firstChart = await page.evaluate(() => window.__firstChart);
  if (kind !== 'floor') await ready(page);
  await page.waitForTimeout(profile === 'mobile' ? 1500 : 300);
  const result = { firstChart, bytes: bytes() };
  await context.close();
  return result;
}

/**
 * Watches, every frame, for the 2017 checkbox to be on screen, for a tap on
 * it, for the first frame that shows the tap (the box ticked, and the chart
 * drawn anew or marked as being redrawn), and for the first frame whose
 * chart shows 2017 (drawn by the app, or the peer's canvas redrawn).
 */
function watchTheTap() {
  window.__tap = { shown: null, tapped: null, feedback: null, drawn: null };
  const tap = window.__tap;
  addEventListener('pointerdown', (event) => { if (tap.tapped === null) tap.tapped = event.timeStamp; }, true);
  const look = () => {
    const box = document.querySelector('input[name="year"][value="2017"]');
    const now = performance.now();
    if (tap.shown === null && box && box.getBoundingClientRect().width > 0 && box.checkVisibility({ visibilityProperty: true })) tap.shown = now;
    const peerDrawn = Number(document.getElementById('totals')?.dataset.drawn ?? 0) > 1;
    const app = document.getElementById('app');
    const appDrawn = !!app && !app.hasAttribute('data-prerendered') && !document.querySelector('[data-redrawing]') && (document.getElementById('chart-totals-description')?.textContent.includes('2017') ?? false);
    if (tap.tapped !== null && tap.feedback === null && box?.checked && (peerDrawn || appDrawn || document.querySelector('[data-redrawing]'))) tap.feedback = now;
    if (tap.tapped !== null && tap.drawn === null && (peerDrawn || appDrawn)) tap.drawn = now;
    if (tap.drawn === null) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/**
 * Mobile: navigation → a tap on the 2017 checkbox the moment it is on
 * screen → the chart shows 2017. Times from navigation, and the waits after
 * the tap.
 */
async function firstTap(path) {
  const { context, page } = await openPage('mobile');
  await page.addInitScript(watchTheTap);
  await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(() => window.__tap?.shown !== null, null, { timeout: 60_000, polling: 'raf' });
  const box = await page.locator('input[name="year"][value="2017"]').first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.__tap.drawn !== null, null, { timeout: 60_000, polling: 'raf' });
  const tap = await page.evaluate(() => window.__tap);
  await context.close();
  return { shown: tap.shown, drawn: tap.drawn, wait: tap.drawn - tap.tapped, feedback: tap.feedback - tap.tapped };
}

/**
 * Event Timing of real clicks (what INP is made of): each click's longest
 * event duration, by interaction. Chromium reports only events of 16 ms and
 * more: a click with none counts as 16 ms (at most).
 */
async function clickTimings(path) {
  const { context, page } = await openPage('fast');
  await page.goto(`${base}${path}`, { timeout: 120_000 });
  await ready(page);
  await page.waitForFunction(() => document.querySelector('input[name="year"][value="2017"]'), null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.interactionId) continue;
        window.__interactions.set(entry.interactionId, Math.max(window.__interactions.get(entry.interactionId) ?? 0, entry.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  const box = await page.locator('input[name="year"][value="2017"]').first().boundingBox();
  for (let index = 0; index < TOGGLES; index += 1) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(150);
  }
  const seen = await page.evaluate(() => [...window.__interactions.values()]);
  await context.close();
  return [...seen, ...Array(Math.max(0, TOGGLES - seen.length)).fill(16)];
}

/** Year toggle → the chart redrawn and laid out, milliseconds, each of TOGGLES. */
async function toggles(path) {
  const { context, page } = await openPage('fast');
  page.on('crash', () => console.error(`${path}: the page crashed`));
  page.on('pageerror', (error) => console.error(`${path}: ${error}`));
  await page.goto(`${base}${path}`, { timeout: 120_000 });
  await ready(page);
  await page.waitForFunction(() => document.querySelector('.chart-canvas svg, canvas[data-drawn]'), null, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const times = [];
  for (let index = 0; index < TOGGLES; index += 1) {
    times.push(
      await page.evaluate(async () => {
        const input = document.querySelector('input[name="year"][value="2017"]');
        const charts = document.querySelector('.charts') ?? document.getElementById('totals').parentElement;
        const macrotask = () => new Promise((done) => { const channel = new MessageChannel(); channel.port1.onmessage = done; channel.port2.postMessage(0); });
        const start = performance.now();
        const changed = new Promise((done) => {
          const observer = new MutationObserver(() => { observer.disconnect(); done(); });
          // The app's charts change their markup; the peer's canvas is marked when redrawn.
          observer.observe(charts, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        input.click();
        await changed;
        await macrotask();
        void document.body.offsetHeight;
        return performance.now() - start;
      }),
    );
    await page.waitForTimeout(50);
  }
  await context.close();
  return times;
}

async function lighthouse(path, preset) {
  const out = join(work, `lighthouse-${preset}-${path.replace(/[^a-z]/g, '') || 'default'}.json`);
  const args = [
    join(here, 'node_modules/lighthouse/cli/index.js'),
    `${base}${path}`,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=--headless=new ${ARGS.join(' ')}`,
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  // Not execFileSync: this process serves the pages Lighthouse loads.
  await promisify(execFile)(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (category) => Math.round((report.categories[category]?.score ?? NaN) * 100);
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failing: Object.values(report.categories)
      .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => report.audits[ref.id]))
      .filter((entry) => entry && entry.score !== null && entry.score < 1 && entry.scoreDisplayMode !== 'informative')
      .map((entry) => entry.id),
  };
}


// ---------------------------------------------------------------- the run
const pages = { app: '/app/', floor: '/floor/', peer: '/peer/' };
const loads = {};
for (const profile of ['fast', 'mobile']) {
  for (let run = 0; run < RUNS; run += 1) {
    // Interleaved, so a slow moment of the machine hits every page alike.
    for (const [kind, path] of Object.entries(pages)) {
      const result = await firstLoad(kind, path, profile);
      ((loads[kind] ??= {})[profile] ??= []).push(result);
      process.stdout.write(`${profile} ${kind} ${Math.round(result.firstChart)} ms, ${result.bytes} B\n`);
    }
  }
}
const views = {};
for (const view of ['trend', 'breakdown', 'bridge']) {
  for (let run = 0; run < RUNS; run += 1) {
    for (const [kind, path] of [['app', `/app/?view=${view}`], ['peer', '/peer/?view=trend']]) {
      if (kind === 'peer' && view !== 'trend') continue;
      const { firstChart } = await firstLoad(kind, path, 'mobile');
      ((views[view] ??= {})[kind] ??= []).push(firstChart);
      process.stdout.write(`mobile ${kind} ?view=${view} ${Math.round(firstChart)} ms\n`);
    }
  }
}
const tapPages = { app: '/app/', peer: '/peer/', ...(before ? { before: '/before/' } : {}) };
const taps = {};
for (let run = 0; run < RUNS; run += 1) {
  for (const [kind, path] of Object.entries(tapPages)) {
    const result = await firstTap(path);
    (taps[kind] ??= []).push(result);
    process.stdout.write(`first tap (mobile) ${kind}: checkbox ${Math.round(result.shown)} ms, drawn ${Math.round(result.drawn)} ms, wait ${Math.round(result.wait)} ms, feedback ${Math.round(result.feedback)} ms\n`);
  }
}
const toggle = { app: await toggles('/app/'), peer: await toggles('/peer/'), appLarge: await toggles('/large/'), peerLarge: await toggles('/peer-large/'), ...(before ? { before: await toggles('/before/') } : {}) };
for (const [name, times] of Object.entries(toggle)) process.stdout.write(`toggle ${name}: median ${median(times).toFixed(1)} ms\n`);
const clicks = {};
for (const [kind, path] of Object.entries(tapPages)) {
  clicks[kind] = await clickTimings(path);
  process.stdout.write(`event timing ${kind}: ${clicks[kind].map(Math.round).join(', ')} ms\n`);
}
// Lighthouse's simulation is noisy from run to run (now and then it counts
// the wasm's request toward the LCP): LIGHTHOUSE_RUNS runs of each page,
// interleaved, and the run with the median performance score is reported.
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const audited = [
  ['default mobile', '/app/', 'mobile'],
  ['default desktop', '/app/', 'desktop'],
  ['trend mobile', '/app/?view=trend', 'mobile'],
  ['trend desktop', '/app/?view=trend', 'desktop'],
  ...(before ? [['the build before, default mobile', '/before/', 'mobile']] : []),
];
const lighthouseRuns = {};
for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
  for (const [name, path, preset] of audited) {
    const result = await lighthouse(path, preset);
    (lighthouseRuns[name] ??= []).push(result);
    process.stdout.write(`lighthouse ${name}: ${JSON.stringify(result)}\n`);
  }
}
const audits = Object.fromEntries(
  Object.entries(lighthouseRuns).map(([name, results]) => {
    const sorted = [...results].sort((a, b) => a.performance - b.performance || a.tbt - b.tbt);
    return [name, sorted[Math.floor(sorted.length / 2)]];
  }),
);
await browser.close();
server.close();

// ------------------------------------------------------------- the report
const sizes = Object.fromEntries(
  ['_bg.wasm', '.js', 'index.html'].map((ending) => {
    const name = readdirNames(dist).find((entry) => (ending === '.js' ? /^budget-explorer-[0-9a-f]+\.js$/.test(entry) : entry.endsWith(ending)));
    const body = readFileSync(join(dist, name));
    return [ending, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length }];
  }),
);
function readdirNames(folder) {
  return execFileSync('ls', [folder]).toString().split('\n').filter(Boolean);
}
const med = (kind, profile, key) => median(loads[kind][profile].map((result) => result[key]));
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en').replace(/,/g, ' ')} ms` : 'n/a');
const kb = (value) => `${(value / 1000).toFixed(0)} KB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
const today = new Date().toISOString().slice(0, 10);
const app = { fast: med('app', 'fast', 'firstChart'), mobile: med('app', 'mobile', 'firstChart'), bytes: med('app', 'mobile', 'bytes') };
const floor = { fast: med('floor', 'fast', 'firstChart'), mobile: med('floor', 'mobile', 'firstChart'), bytes: med('floor', 'mobile', 'bytes') };
const peer = { fast: med('peer', 'fast', 'firstChart'), mobile: med('peer', 'mobile', 'firstChart'), bytes: med('peer', 'mobile', 'bytes') };
const tapMedian = (kind, key) => median(taps[kind].map((result) => result[key]));
const tapRow = (label, kind) => `| ${label} | ${ms(tapMedian(kind, 'shown'))} | ${ms(tapMedian(kind, 'drawn'))} | ${ms(tapMedian(kind, 'wait'))} | ${ms(tapMedian(kind, 'feedback'))} |`;
const lh = (name) => audits[name];
const ownAudits = Object.entries(audits).filter(([name]) => !name.startsWith('the build before')).map(([, audit]) => audit);
const lines = [
  '# Performance',
  '',
  `Measured by \`bench/run.sh\` on ${today}: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Linux ${osRelease()}, ${chromiumVersion}, Node ${process.version}.`,
  `Headless Chromium, served with gzip (level 6, like a static host) on 127.0.0.1, no cache. ${RUNS} runs of each page, interleaved, medians.`,
  `"Mobile" is Lighthouse's mobile profile: 4× CPU slowdown, 150 ms round trip, 1.6 Mbps down, a 412 px screen. "First chart" is navigation → the first frame with a chart visible.`,
  'Times vary with the machine; the ratios, measured side by side in one run, are what to compare.',
  '',
  '## First chart',
  '',
  '| page | first chart, fast | first chart, mobile | bytes on the wire (first load, all files) |',
  '|---|---|---|---|',
  `| the app, default view | ${ms(app.fast)} | ${ms(app.mobile)} | ${kb(app.bytes)} |`,
  `| the floor: the same first view as a static page, no script | ${ms(floor.fast)} | ${ms(floor.mobile)} | ${kb(floor.bytes)} |`,
  `| the peer: the same data drawn with Chart.js in a plain page | ${ms(peer.fast)} | ${ms(peer.mobile)} | ${kb(peer.bytes)} |`,
  '',
  `The app is ${ratio(app.fast, floor.fast)} the floor (fast) and ${ratio(app.mobile, floor.mobile)} (mobile); ${ratio(app.fast, peer.fast)} / ${ratio(app.mobile, peer.mobile)} the Chart.js page.`,
  '',
  '## Other views from their address (mobile)',
  '',
  '| view | the app | the Chart.js page (its trend chart) | ratio |',
  '|---|---|---|---|',
  ...['trend', 'breakdown', 'bridge'].map((view) => `| ${view} | ${ms(median(views[view].app))} | ${ms(median(views.trend.peer))} | ${ratio(median(views[view].app), median(views.trend.peer))} |`),
  '',
  '## Interaction',
  '',
  '| measure | the app | the Chart.js page |',
  '|---|---|---|',
  `| year toggle → chart updated (fast, median of ${TOGGLES}) | ${median(toggle.app).toFixed(1)} ms | ${median(toggle.peer).toFixed(1)} ms |`,
  `| the same with 100 agreements × 200 allocations | ${median(toggle.appLarge).toFixed(1)} ms | ${median(toggle.peerLarge).toFixed(1)} ms |`,
  `| Event Timing of a real click, median (max) of ${TOGGLES}; under 16 ms counts as 16 | ${median(clicks.app).toFixed(0)} ms (${Math.max(...clicks.app).toFixed(0)}) | ${median(clicks.peer).toFixed(0)} ms (${Math.max(...clicks.peer).toFixed(0)}) |`,
  ...(before ? [`| (the build before, same run) year toggle; Event Timing median (max) | ${median(toggle.before).toFixed(1)} ms; ${median(clicks.before).toFixed(0)} ms (${Math.max(...clicks.before).toFixed(0)}) | |`] : []),
  '',
  '## A tap as soon as the year is on screen (mobile)',
  '',
  'Navigation → the 2017 checkbox on screen → a real tap on it at once → the chart shows 2017. "Feedback" is the first frame after the tap that shows it: the box ticked and the chart redrawn, or marked "Ritar om …".',
  '',
  '| page | checkbox on screen | chart shows 2017 | wait after the tap | feedback after the tap |',
  '|---|---|---|---|---|',
  tapRow('the app', 'app'),
  tapRow('the Chart.js page', 'peer'),
  ...(before ? [tapRow('the build before (same run)', 'before')] : []),
  '',
  '## Lighthouse',
  '',
  `The run with the median performance score of ${LIGHTHOUSE_RUNS}, each page.`,
  '',
  '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | audits not passed |',
  '|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(audits).map(([name, a]) => `| ${name} | ${a.performance} | ${a.accessibility} | ${a.bestPractices} | ${a.seo} | ${ms(a.lcp)} | ${ms(a.tbt)} | ${a.cls?.toFixed(3)} | ${a.failing.join(', ') || '–'} |`),
  '',
  '## Sizes (release build, gzip -9)',
  '',
  `- wasm: ${kb(sizes['_bg.wasm'].raw)}, ${kb(sizes['_bg.wasm'].gzip)} gzip; JS glue: ${kb(sizes['.js'].raw)}, ${kb(sizes['.js'].gzip)} gzip; index.html with the first view and the data: ${kb(sizes['index.html'].raw)}, ${kb(sizes['index.html'].gzip)} gzip.`,
  '',
  '## Targets',
  '',
  '| target | measured | |',
  '|---|---|---|',
  `| default view: first chart ≤ 1.3× the floor, fast | ${ratio(app.fast, floor.fast)} | ${verdict(app.fast <= 1.3 * floor.fast)} |`,
  `| default view: first chart ≤ 1.3× the floor, mobile | ${ratio(app.mobile, floor.mobile)} | ${verdict(app.mobile <= 1.3 * floor.mobile)} |`,
  ...['trend', 'breakdown', 'bridge'].map((view) => `| ${view} from its address: first chart ≤ 1.3× the Chart.js page, mobile | ${ratio(median(views[view].app), median(views.trend.peer))} | ${verdict(median(views[view].app) <= 1.3 * median(views.trend.peer))} |`),
  `| mobile: navigation → chart shows the tapped year ≤ 1.0× the Chart.js page | ${ratio(tapMedian('app', 'drawn'), tapMedian('peer', 'drawn'))} | ${verdict(tapMedian('app', 'drawn') <= tapMedian('peer', 'drawn'))} |`,
  `| mobile: feedback on the tap ≤ 100 ms | ${ms(tapMedian('app', 'feedback'))} | ${verdict(tapMedian('app', 'feedback') <= 100)} |`,
  `| toggle ≤ 1.0× the Chart.js page | ${ratio(median(toggle.app), median(toggle.peer))} | ${verdict(median(toggle.app) <= median(toggle.peer))} |`,
  `| Event Timing of a click, median ≤ 16 ms | ${median(clicks.app).toFixed(0)} ms | ${verdict(median(clicks.app) <= 16)} |`,
  `| Lighthouse performance 100, default view, mobile and desktop | ${lh('default mobile').performance}, ${lh('default desktop').performance} | ${verdict(lh('default mobile').performance === 100 && lh('default desktop').performance === 100)} |`,
  `| Lighthouse performance ≥ 98, trend view, mobile and desktop | ${lh('trend mobile').performance}, ${lh('trend desktop').performance} | ${verdict(lh('trend mobile').performance >= 98 && lh('trend desktop').performance >= 98)} |`,
  `| Lighthouse TBT ≤ 50 ms, mobile, default and trend | ${ms(lh('default mobile').tbt)}, ${ms(lh('trend mobile').tbt)} | ${verdict(lh('default mobile').tbt <= 50 && lh('trend mobile').tbt <= 50)} |`,
  `| accessibility, best practices, SEO 100 | ${ownAudits.map((a) => `${a.accessibility}/${a.bestPractices}/${a.seo}`).join(', ')} | ${verdict(ownAudits.every((a) => a.accessibility === 100 && a.bestPractices === 100 && a.seo === 100))} |`,
  `| CLS ≤ 0.02 (Lighthouse; every view is also checked in the end-to-end tests) | ${ownAudits.map((a) => a.cls?.toFixed(3)).join(', ')} | ${verdict(ownAudits.every((a) => a.cls <= 0.02))} |`,
  `| toggle ≤ 16 ms median | ${median(toggle.app).toFixed(1)} ms | ${verdict(median(toggle.app) <= 16)} |`,
  `| 100 × 200 set ≤ 100 ms per toggle | ${median(toggle.appLarge).toFixed(1)} ms | ${verdict(median(toggle.appLarge) <= 100)} |`,
  `| first load of the default view ≤ 260 KB on the wire | ${kb(app.bytes)} | ${verdict(app.bytes <= 260 * 1024)} |`,
  `| wasm ≤ 220 KB gzip | ${kb(sizes['_bg.wasm'].gzip)} | ${verdict(sizes['_bg.wasm'].gzip <= 220 * 1024)} |`,
  '',
];
const report = join(root, 'docs/performance.md');
// Everything after the first marker is kept (the notes may name the marker themselves).
const previous = existsSync(report) ? readFileSync(report, 'utf8') : '';
const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->') + '<!-- notes -->'.length) : undefined;
writeFileSync(report, `${lines.join('\n')}\n<!-- notes -->${notes ?? '\n'}`);
console.log(`wrote ${report}`);

// ------------------------------------------------------------ the large set
function writeLargeSet(folder) {
  const recipients = ['regions', 'municipalities', 'both', 'skr'];
  const template = JSON.parse(readFileSync(join(root, 'public/data/agreements/2016.json'), 'utf8'));
  const source = template.sources[0];
  const purposes = [...new Set(template.allocations.map((allocation) => allocation.purpose))];
  mkdirSync(join(folder, 'agreements'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'public/data/index.json'), 'utf8'));
  manifest.agreements = [];
  for (let index = 0; index < 100; index += 1) {
    const year = 1991 + index;
    const allocations = Array.from({ length: 200 }, (_, item) => {
      const millions = 1 + ((index * 7 + item * 13) % 40);
      const written = `${millions} 000 000 kronor`;
      return {
        id: `item-${item}`,
        parent: null,
        label: { sv: `Post ${item + 1}`, en: `Item ${item + 1}` },
        recipient: recipients[item % recipients.length],
        purpose: purposes[item % purposes.length],
        amount: { status: 'stated', kronor: millions * 1_000_000, source: source.id, as_written: written, quote: `Till posten går ${written}.` },
      };
    });
    const total = allocations.reduce((sum, allocation) => sum + allocation.amount.kronor, 0);
    const written = `${total / 1_000_000} 000 000 kronor`;
    const agreement = {
      ...template,
      year,
      title: { sv: `Syntetisk överenskommelse ${year}`, en: `Synthetic agreement ${year}` },
      total: { status: 'stated', kronor: total, source: source.id, as_written: written, quote: `Totalt ${written}.` },
      allocations,
      sources: [source],
    };
    writeFileSync(join(folder, 'agreements', `${year}.json`), JSON.stringify(agreement));
    manifest.agreements.push({ year, file: `agreements/${year}.json` });
  }
  for (const name of [manifest.kpi, manifest.population].filter(Boolean)) {
    writeFileSync(join(folder, name), readFileSync(join(root, 'public/data', name)));
  }
  writeFileSync(join(folder, 'index.json'), JSON.stringify(manifest, null, 2));
}
