// Browser start-up and filtering, measured in headless Chromium:
//   node tests/e2e/perf.mjs NAME=PATH [NAME=PATH ...]
// PATH is a built site (a folder with index.html) or a corpus (a folder of articles, a
// .jsonl file), which is first built with `newsline build` into target/perf/NAME.
// For each page: navigation → first quote visible, actor click → updated list painted
// (median and 95th percentile over 20 clicks), DOM node count, and the sizes of the
// site's files raw and gzipped; then where the first-quote time goes, from the page's
// User Timing marks. Run after `bash .ci/page && cargo build --release`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchChromium, newslineBinary, startSite, timeActorClick } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The site for PATH: PATH itself when built, else a fresh build of that corpus. */
function site(name, path) {
  if (existsSync(join(path, 'index.html'))) return path;
  const dist = join(ROOT, 'target/perf', name);
  console.error(`building ${path} into ${dist}`);
  execFileSync(newslineBinary(), ['build', resolve(path), '-o', dist, '--base', '/newsline/', '--force'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dist;
}

const CLICKS = 20;
const pages = process.argv.slice(2).map((arg) => arg.split('='));
if (pages.length === 0) {
  console.error('usage: node tests/e2e/perf.mjs NAME=DIST [NAME=DIST ...]');
  process.exit(2);
}

/** Bytes of each kind of file a browser loads, raw and as a host's gzip sends them. The
 * story is gzipped by `newsline build` already, so its bytes are what is sent. */
function sizes(dist) {
  const out = {};
  // The worker's files are fetched only when a reader adds articles: not part of a view.
  const kindOf = (f) => f.startsWith('newsline-worker') ? null : f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css'
    : f.endsWith('.html') ? 'html' : f.endsWith('.svg') ? 'icon' : f === 'data/story.bin' ? 'data' : null;
  const walk = (dir, prefix) => {
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      if (statSync(path).isDirectory()) { walk(path, `${prefix}${file}/`); continue; }
      const kind = kindOf(prefix + file);
      if (!kind) continue;
      const bytes = readFileSync(path);
      const gz = kind === 'data' ? bytes.length : gzipSync(bytes, { level: 9 }).length;
      out[kind] = { raw: (out[kind]?.raw ?? 0) + bytes.length, gz: (out[kind]?.gz ?? 0) + gz };
    }
  };
  walk(dist, '');
  return out;
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

const browser = await launchChromium();
const rows = [];
for (const [name, path] of pages) {
  const dist = site(name, path);
  const { server, base } = await startSite(dist);
  // One load to warm the browser's caches (as a returning visitor has them), then the
  // median of three loads in fresh pages.
  const phases = [];
  let page;
  for (let run = 0; run < 4; run++) {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The first quote counts as visible at the frame after it enters the document, timed in
    // the page from navigation start, as the clicks are: the harness's own round trips are
    // not the page's (the last column of the second table shows what they add).
    await page.addInitScript(() => {
      new MutationObserver((_, watch) => {
        if (document.querySelector('[data-quote-id]')) {
          watch.disconnect();
          requestAnimationFrame(() => performance.mark('perf:first-quote-painted'));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const started = Date.now();
    await page.goto(base + '?view=quotes');
    await page.waitForSelector('[data-quote-id]', { state: 'visible', timeout: 120000 });
    const seenFromNode = Date.now() - started;
    await page.waitForFunction(() => performance.getEntriesByName('perf:first-quote-painted').length > 0);
    // Where the time went, from the page's own User Timing marks (src/web.rs).
    const t = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return { fetched: wasm?.responseEnd ?? NaN, start: at('newsline:start'), story: at('newsline:fetched'), decoded: at('newsline:decoded'), mounted: at('newsline:mounted'), visible: at('perf:first-quote-painted') };
    });
    if (run > 0) phases.push({ ...t, seenFromNode });
  }
  const phase = (f) => quantile(phases.map(f), 0.5);
  const firstQuote = Math.round(phase((p) => p.visible));
  const quotes = await page.evaluate(() => document.querySelector('.summary')?.textContent.match(/^\d+/)?.[0]);
  // The busiest actors first: their clicks change the most.
  const actorIds = (await page.$$eval('[data-actor-id]', (els) => els.map((e) => e.dataset.actorId))).slice(0, CLICKS);
  const clicks = [];
  for (const id of actorIds) {
    const ms = await timeActorClick(page, id);
    clicks.push(ms);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('actor='));
  }
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const size = sizes(dist);
  const split = {
    fetched: phase((p) => p.fetched),
    compiled: phase((p) => p.start - p.fetched),
    story: phase((p) => p.story - p.start),
    decoded: phase((p) => p.decoded - p.story),
    mounted: phase((p) => p.mounted - p.decoded),
    painted: phase((p) => p.visible - p.mounted),
    fromNode: phase((p) => p.seenFromNode),
  };
  rows.push({ name, quotes, firstQuote, median: quantile(clicks, 0.5), p95: quantile(clicks, 0.95), nodes, size, split });
  await page.close();
  server.close();
}
await browser.close();

const kb = (n) => (n / 1024).toFixed(0);
console.log('| corpus | quotes | first quote visible (ms) | actor click median / p95 (ms) | DOM nodes | wasm raw / gz (KB) | JS raw / gz | CSS raw / gz | story raw / gz | site total gz |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const s = r.size;
  const total = ['wasm', 'js', 'css', 'html', 'icon', 'data'].reduce((t, k) => t + (s[k]?.gz ?? 0), 0);
  const pair = (k) => `${kb(s[k]?.raw ?? 0)} / ${kb(s[k]?.gz ?? 0)}`;
  console.log(`| ${r.name} | ${r.quotes} | ${r.firstQuote} | ${r.median.toFixed(1)} / ${r.p95.toFixed(1)} | ${r.nodes} | ${pair('wasm')} | ${pair('js')} | ${pair('css')} | ${pair('data')} | ${kb(total)} KB |`);
}
console.log('\nWhere the first-quote time goes (medians, ms; from navigation, by the page\'s User Timing marks):\n');
console.log('| corpus | wasm fetched | compiled and started | story fetched and inflated | story decoded | app mounted | first quote painted | seen from Node |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const t = r.split;
  console.log(`| ${r.name} | ${t.fetched.toFixed(0)} | +${t.compiled.toFixed(0)} | +${t.story.toFixed(0)} | +${t.decoded.toFixed(0)} | +${t.mounted.toFixed(0)} | +${t.painted.toFixed(0)} | ${t.fromNode.toFixed(0)} |`);
}
