// Runs after every trunk build (a Trunk.toml hook) on the staging folder:
// 0. draws the default view into index.html with the native core (the app's
//    own components, src/bin/prerender.rs), so it paints before any script,
//    and puts the data in the page, so the app fetches nothing to start;
// 1. moves trunk's inline start-up script into a file of its own, so the app
//    runs under a strict Content-Security-Policy (no 'unsafe-inline');
// 2. writes a versioned service worker that precaches the app and its data;
// 3. writes budget-explorer-offline.html: one file with wasm, JS, CSS and data
//    inlined, which works from file:// with no network.
// First, the open-data package (data/figures.csv, data/datapackage.json) is
// written by the native core from the data being shipped, so it is cached and
// served like every other data file; and the link-preview image (preview.png,
// the default chart drawn by the same core) for Open Graph and Twitter cards.
// PUBLIC_URL (the address the app is published at) makes the preview's
// address absolute, as Facebook and LinkedIn require; without it, relative.
// Usage: node scripts/postbuild.mjs [folder]   (default: $TRUNK_STAGING_DIR, else dist)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const OFFLINE = 'budget-explorer-offline.html';
const read = (name) => readFileSync(join(dir, name));
const text = (name) => read(name).toString('utf8');
const digest = (data, length = 16) => createHash('sha256').update(data).digest('hex').slice(0, length);
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

function files(folder = dir) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dir, path).split('\\').join('/')];
  });
}

// 0. The open-data package, from the same core as the app.
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'export_data', '--', join(dir, 'data'), join(dir, 'data')], {
  stdio: 'inherit',
});

const previewAlt = execFileSync('cargo', ['run', '--quiet', '--offline', '--features', 'preview', '--bin', 'preview_image', '--', join(dir, 'data'), join(dir, 'preview.png')], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
  .toString('utf8')
  .trim();
const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// The data files the app reads, by address: in index.html (not executed,
// just read), so the first view needs no request after the page; and in the
// offline file, where fetch() is refused.
const data = Object.fromEntries(
  files()
    .filter((name) => name.startsWith('data/') && name.endsWith('.json') && !name.startsWith('data/schema/'))
    .map((name) => [name, text(name)]),
);
const dataBlock = `<script type="application/json" id="bundled-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;

// Every view's default address, drawn by the app's own components natively,
// and the contract the start-up scripts read (src/prerendered.rs).
const [drawn, contractJson] = execFileSync('cargo', ['run', '--quiet', '--offline', '--features', 'prerender', '--bin', 'prerender', '--', join(dir, 'data')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
})
  .toString('utf8')
  .split('\n<!-- contract -->\n')
  .map((part) => part.trim());
if (!contractJson) throw new Error('prerender printed no contract');
const contract = JSON.parse(contractJson);
const contractBlock = `<script type="application/json" id="drawn-page">${contractJson.replace(/</g, '\\u003c')}</script>`;

// 1. The start-up scripts, external.
let html = text('index.html').replace(/(<meta (?:property="og:image:alt"|name="twitter:image:alt") content=")[^"]*"/g, `$1${attribute(previewAlt)}"`);
if (process.env.PUBLIC_URL) {
  const base = process.env.PUBLIC_URL.replace(/\/?$/, '/');
  html = html.replace(/content="preview\.png"/g, `content="${base}preview.png"`).replace('<meta property="og:url" content="./"', `<meta property="og:url" content="${base}"`);
}
const inline = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('trunk start-up script not found in index.html');
// The app starts after the first paint: the drawn page needs none of it,
// and on a slow link its download must not hold the page up (nor count, in
// Lighthouse's simulation, toward the first paint). The glue and the wasm
// are then fetched side by side.
const glueImport = inline[1].match(/^import init, \* as bindings from '([^']+)';$/m);
const wasmPreload = html.match(/<link rel="preload" href="([^"]+)"[^>]*integrity="([^"]+)"[^>]*>/);
if (!glueImport || !wasmPreload) throw new Error('trunk start-up script not as expected');
if (!/^const wasm = await init\(\{ module_or_path: '[^']+' \}\);$/m.test(inline[1])) throw new Error('trunk start-up script not as expected');
const { hydrating, hydrationFailed } = contract.marks;
const startup = `// Generated by scripts/postbuild.mjs from trunk's start-up script.
// The app starts after the first paint: the drawn page needs none of it,
// and on a slow link its download must not hold the page up (nor count, in
// Lighthouse's simulation, toward the first paint). The glue and the wasm
// are then fetched side by side (the wasm's download began at the first
// paint already: start-view.js preloads it, and this fetch takes it over).
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const wasmUrl = '${wasmPreload[1]}';
const glueUrl = '${glueImport[1]}';
const integrity = '${wasmPreload[2]}';
// The preload, if start-view.js has made it, answers this fetch; if not yet,
// it is not to be made.
document.querySelector('script[data-app-wasm]')?.removeAttribute('data-app-wasm');
const wasmResponse = fetch(wasmUrl, { integrity });
let bindings = await import(glueUrl);
let wasm = await bindings.default({ module_or_path: wasmResponse });
// Two steps a task apart, so that on a phone neither is one long task that
// holds up a tap: the app reads the page and the data in it, then hydrates
// the page (src/ui/start.rs).
const start = async () => {
  const page = await bindings.read_page();
  await new Promise((resolve) => setTimeout(resolve, 0));
  bindings.start_app(page);
};
try {
  await start();
} catch (error) {
  // A drawn page that does not match the app stops the app while it
  // hydrates it (src/ui/start.rs marks that time): a new instance of the
  // app then starts on a fresh page. The copy of the page it replaces has
  // none of the stopped instance's listeners.
  const root = document.getElementById('app');
  if (!root || !root.hasAttribute('${hydrating}')) throw error;
  console.warn('budget explorer: the page did not match the app; it starts afresh', error);
  const copy = root.cloneNode(true);
  copy.removeAttribute('${hydrating}');
  copy.setAttribute('${hydrationFailed}', '');
  root.replaceWith(copy);
  bindings = await import(\`\${glueUrl}?fresh\`);
  wasm = await bindings.default({ module_or_path: fetch(wasmUrl, { integrity }) });
  await start();
}
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// Offline after the first visit (see sw.js); not from file:// or where
// unsupported, and not in an embed: a chart in someone else's page keeps
// nothing in the visitor's browser (no cookies, no storage, no caches).
if ('serviceWorker' in navigator && location.protocol.startsWith('http') &&
    !/(?:^|[?&])embed=(?:1|true)(?:&|$)/.test(location.search)) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
`;
const startupName = `start-${digest(startup)}.js`;
writeFileSync(join(dir, startupName), startup);
html = html.replace(inline[0], `<script type="module" src="./${startupName}" integrity="${sri(startup)}"></script>`);
const viewScript = read('start-view.js');
const viewScriptName = `start-view-${digest(viewScript)}.js`;
writeFileSync(join(dir, viewScriptName), viewScript);
unlinkSync(join(dir, 'start-view.js'));
// The wasm's address rides on the script's element: start-view.js starts
// its download at the first paint (the offline file, which carries the wasm,
// inlines the script without it). The preload has no integrity (Chromium
// ignores it on a fetch preload, and says so); the module's fetch() that
// takes the download over checks it.
html = html.replace(
  '<script src="start-view.js"></script>',
  () =>
    `${contractBlock}\n    <script src="./${viewScriptName}" integrity="${sri(viewScript)}" data-app-wasm="${wasmPreload[1]}"></script>`,
);
if (!html.includes('<div id="app" class="app"></div>')) throw new Error('<div id="app"> not found in index.html');
// The app's script goes after the drawn page, and trunk's preloads go: the
// script fetches the glue and the wasm itself, after the first paint.
const appLoading = [/<script type="module" src="[^"]*"[^>]*><\/script>/, /<link rel="modulepreload"[^>]*>/, /<link rel="preload"[^>]*>/].map(
  (pattern) => {
    const tag = html.match(pattern)?.[0];
    if (!tag) throw new Error(`${pattern} not found in index.html`);
    html = html.replace(tag, '');
    return tag;
  },
);
html = html
  .replace('<div id="app" class="app"></div>', () => `<div id="app" class="app" data-prerendered>${drawn}</div>`)
  .replace('</body>', () => `${dataBlock}\n${appLoading[0]}\n</body>`);
writeFileSync(join(dir, 'index.html'), html);

// 2. The service worker, versioned by the content of everything it caches.
const precached = files()
  // The link-preview image is for other sites' crawlers, not for the visitor.
  .filter((name) => name !== 'sw.js' && name !== OFFLINE && name !== 'preview.png' && !name.startsWith('data/schema/'))
  .sort();
const version = digest(Buffer.concat(precached.map((name) => Buffer.concat([Buffer.from(name), read(name)]))));
const worker = `// Generated by scripts/postbuild.mjs. A new build has a new version, and
// installing it removes the caches of older ones.
const CACHE = 'budget-explorer-${version}';
const FILES = ${JSON.stringify(['./', ...precached.map((name) => `./${name}`)], null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('budget-explorer-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Pages are cached without their query: every view is the same page;
      // so is the glue imported again after a page that did not match the app
      // (\`?fresh\`, a new instance of the same file).
      const fresh = new URL(request.url).search === '?fresh';
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' || fresh });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        const page = request.mode === 'navigate' && (await cache.match('./'));
        if (page) return page;
        throw error;
      }
    })(),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), worker);

// 3. One self-contained file. Browsers refuse fetch() and wasm from file://,
//    so the wasm travels as base64 and the data as a JSON map the app reads.
const glueName = files().find((name) => /^budget-explorer-[0-9a-f]+\.js$/.test(name));
const wasmName = files().find((name) => name.endsWith('_bg.wasm'));
const cssName = files().find((name) => /^style-[0-9a-f]+\.css$/.test(name));
if (!glueName || !wasmName || !cssName) throw new Error('build output not found');
const glue = text(glueName).replace(/^export \{[^}]*\};?\s*$/m, '');
const template = text('index.html');
const offline = template
  .replace(/<link rel="icon"[^>]*>/, '')
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${text(cssName)}\n</style>`)
  .replace(/<script type="module" src="[^"]*"[^>]*><\/script>/, '')
  .replace(/<link rel="modulepreload"[^>]*>/, '')
  .replace(/<link rel="preload"[^>]*>/, '')
  .replace(/<script src="\.\/start-view-[^"]*"[^>]*><\/script>/, () => `<script>\n${viewScript}</script>`)
  // The offline file is itself that file: no link to it from inside it.
  .replace(/<p><a [^>]*class="offline-download"[\s\S]*?<\/p>/, '')
  .replace(
    '</body>',
    () => `<script type="application/octet-stream" id="bundled-wasm">${read(wasmName).toString('base64')}</script>
<script type="module">
${glue}
const encoded = document.getElementById('bundled-wasm').textContent;
const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
start_app(await read_page());
</script>
</body>`,
  );
writeFileSync(join(dir, OFFLINE), offline);
console.log(`postbuild: ${startupName}, sw.js (version ${version}, ${precached.length} files), ${OFFLINE} (${offline.length} bytes)`);
