// Newsline beside vis-timeline 8.5.4 and TimelineJS 3.9.11 on the same quote items, in
// the same headless Chromium:
//   node tests/e2e/peers.mjs DATASET.json NEWSLINE_DIST [COUNT]
// DATASET.json is `newsline ingest` output (the quotes, their speakers and dates) and
// NEWSLINE_DIST the page built from the same corpus. Each tool gets the first COUNT
// (10,000) quotes as items: speaker, words, date. Measured once each, as a user meets
// them: load → items visible, then filtering by the busiest speaker → updated view, and
// the DOM nodes after loading. A step that takes over three minutes, or crashes the
// page, is reported as such.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { launchChromium, startSite, timeActorClick } from './harness.mjs';

const [datasetPath, newslineDist, count = '10000'] = process.argv.slice(2);
if (!datasetPath || !newslineDist) {
  console.error('usage: node tests/e2e/peers.mjs DATASET.json NEWSLINE_DIST [COUNT]');
  process.exit(2);
}
const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const ds = JSON.parse(readFileSync(datasetPath, 'utf8'));
const names = new Map(ds.actors.map((a) => [a.id, a.name]));
const events = new Map(ds.events.map((e) => [e.id, e]));
const articleDates = new Map(ds.articles.map((a) => [a.id, a.date]));
const items = ds.quotes
  .map((q) => ({ id: q.id, speaker: names.get(q.speaker) ?? 'Unattributed', words: q.text,
    date: events.get(q.event)?.date.first ?? articleDates.get(q.article) }))
  .filter((q) => q.date)
  .slice(0, Number(count));
const tally = new Map();
for (const i of items) tally.set(i.speaker, (tally.get(i.speaker) ?? 0) + 1);
const busiest = [...tally.entries()].filter(([s]) => s !== 'Unattributed').sort((a, b) => b[1] - a[1])[0][0];
const speakerId = ds.actors.find((a) => a.name === busiest).id;

// The peers' pages: their own bundles, the items inline, and a measuring hook each.
const site = join(ROOT, 'target/peers');
mkdirSync(site, { recursive: true });
const vis = dirname(require.resolve('vis-timeline/package.json'));
const tl = dirname(require.resolve('@knight-lab/timelinejs/package.json'));
copyFileSync(join(vis, 'standalone/umd/vis-timeline-graph2d.min.js'), join(site, 'vis.js'));
copyFileSync(join(vis, 'styles/vis-timeline-graph2d.min.css'), join(site, 'vis.css'));
copyFileSync(join(tl, 'dist/js/timeline.js'), join(site, 'timeline.js'));
copyFileSync(join(tl, 'dist/css/timeline.css'), join(site, 'timeline.css'));
cpSync(join(tl, 'dist/js/locale'), join(site, 'locale'), { recursive: true });
writeFileSync(join(site, 'items.js'), `window.ITEMS = ${JSON.stringify(items)};`);
writeFileSync(join(site, 'vis.html'), `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="vis.css">
<div id="tl"></div><script src="items.js"></script><script src="vis.js"></script><script>
const data = new vis.DataSet(ITEMS.map((i) => ({ id: i.id, content: i.speaker + ': ' + i.words.slice(0, 80), start: i.date, speaker: i.speaker })));
window.show = (speaker) => new Promise((done) => {
  const t0 = performance.now();
  const view = speaker ? new vis.DataView(data, { filter: (i) => i.speaker === speaker }) : data;
  if (!window.timeline) {
    window.timeline = new vis.Timeline(document.getElementById('tl'), view, { height: '900px' });
  } else {
    window.timeline.setItems(view);
  }
  window.timeline.once('changed', () => requestAnimationFrame(() => done(performance.now() - t0)));
});
</script>`);
writeFileSync(join(site, 'timelinejs.html'), `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="timeline.css">
<div id="tl" style="width:100%;height:900px"></div><script src="items.js"></script><script src="timeline.js"></script><script>
const slide = (i) => { const [y, m, d] = i.date.split('-'); return { start_date: { year: y, month: m, day: d }, text: { headline: i.speaker, text: i.words } }; };
window.show = (speaker) => new Promise((done) => {
  const t0 = performance.now();
  const events = ITEMS.filter((i) => !speaker || i.speaker === speaker).map(slide);
  document.getElementById('tl').innerHTML = '';
  const timeline = new TL.Timeline('tl', { events }, { script_path: location.href.replace(/[^/]*$/, ''), language: 'en', hash_bookmark: false });
  timeline.on('loaded', () => requestAnimationFrame(() => done(performance.now() - t0)));
});
</script>`);

const LIMIT_MS = 180_000;
const browser = await launchChromium();
const rows = [];

/** Runs `step` in the page; a number of ms, or why there is none. */
async function timed(page, step, arg) {
  const crashed = new Promise((ok) => page.once('crash', () => ok('page crashed')));
  const late = new Promise((ok) => setTimeout(() => ok(`over ${LIMIT_MS / 1000} s`), LIMIT_MS));
  return Promise.race([page.evaluate(step, arg).catch((e) => `failed: ${e.message.split('\n')[0]}`), crashed, late]);
}

async function peer(name, file, server) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
  await page.goto(`${server.base}${file}`);
  const load = await timed(page, () => window.show(null));
  const nodes = typeof load === 'number' ? await page.evaluate(() => document.getElementsByTagName('*').length).catch(() => NaN) : NaN;
  const filter = typeof load === 'number' ? await timed(page, (s) => window.show(s), busiest) : 'not reached';
  rows.push({ name, load, filter, nodes });
  await page.close().catch(() => {});
}

const peers = await startSite(site);
await peer('vis-timeline 8.5.4', 'vis.html', peers);
await peer('TimelineJS 3.9.11', 'timelinejs.html', peers);
peers.server.close();

// Newsline on the page built from the same corpus: one visit to warm the cache (as for
// the peers, whose scripts were loaded before the clock started), then the quote list and
// the speaker filter.
const newsline = await startSite(newslineDist);
const warm = await browser.newPage();
await warm.goto(newsline.base + '?view=quotes');
await warm.waitForSelector('[data-quote-id]');
await warm.close();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const started = Date.now();
await page.goto(newsline.base + '?view=quotes');
await page.waitForSelector('[data-quote-id]', { state: 'visible' });
const load = Date.now() - started;
const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
const filter = await timeActorClick(page, speakerId);
rows.push({ name: 'Newsline', load, filter, nodes });
newsline.server.close();
await browser.close();

console.log(`${items.length} quote items; filter: “${busiest}” (${tally.get(busiest)} of them)\n`);
const ms = (v) => (typeof v === 'number' ? Math.round(v).toLocaleString('en') : v);
console.log('| tool | items visible after load (ms) | filter by speaker (ms) | DOM nodes after load |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${ms(r.load)} | ${ms(r.filter)} | ${Number.isNaN(r.nodes) ? '–' : r.nodes.toLocaleString('en')} |`);
