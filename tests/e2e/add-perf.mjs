// How the page holds up while a reader's articles are read and joined in its worker:
//   node tests/e2e/add-perf.mjs [ARTICLES.jsonl] [N]
// Builds the seeds' site, opens *Add articles*, pastes the first N (100) records of
// ARTICLES (default ../shared/eval/polnear_dev.jsonl) as JSONL, adds them, and prints the
// longest main-thread task meanwhile (the longest gap between turns of a message-channel
// loop, which any task on the main thread delays), the Long Tasks API's count of tasks
// over 50 ms, and the times to the drafts and to the joined story. Median of 3 runs.
// Run after `bash .ci/page && cargo build --release`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareEnv, launchChromium, newslineBinary, startSite } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const source = process.argv[2] ?? join(ROOT, '../shared/eval/polnear_dev.jsonl');
const n = Number(process.argv[3] ?? 100);
if (!existsSync(source)) {
  console.error(`no ${source}: name a JSONL file of articles`);
  process.exit(2);
}
// The first N records, taken again with new ids when the file has fewer.
const lines = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim());
const records = Array.from({ length: n }, (_, i) => {
  const record = JSON.parse(lines[i % lines.length]);
  if (i >= lines.length) record.id = `${record.id}-again-${i}`;
  return JSON.stringify(record);
});
const pasted = records.join('\n');
const site = join(ROOT, 'target/perf/add-seeds');
execFileSync(newslineBinary(), ['build', join(ROOT, 'data/seeds'), '-o', site, '--base', '/newsline/', '--force'],
  { env: bareEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
const { server, base } = await startSite(site);
const browser = await launchChromium();

async function run() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('main li');
  await page.click('button.add-articles');
  await page.fill('#add-paste', pasted);
  // Watch the main thread from here on: a message-channel loop turns as often as the
  // thread is free, so its longest gap is the longest task that held the thread.
  await page.evaluate(() => {
    window.__gaps = { longest: 0, long: 0, stop: false };
    new PerformanceObserver((list) => { window.__gaps.long += list.getEntries().length; })
      .observe({ type: 'longtask', buffered: false });
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      window.__gaps.longest = Math.max(window.__gaps.longest, now - last);
      last = now;
      if (!window.__gaps.stop) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  const t0 = Date.now();
  await page.click('button.read-pasted');
  await page.waitForFunction((n) => document.querySelector('button.add-drafts')?.textContent === `Add ${n} articles`,
    records.length, { timeout: 120000 });
  const drafts = Date.now() - t0;
  const reading = await page.evaluate(() => { const g = window.__gaps.longest; window.__gaps.longest = 0; return g; });
  const t1 = Date.now();
  await page.click('button.add-drafts');
  await page.waitForFunction((n) => new RegExp(`${n} articles of yours`).test(document.querySelector('.add-panel .status')?.textContent ?? ''),
    records.length, { timeout: 300000 });
  const joined = Date.now() - t1;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  const gaps = await page.evaluate(() => { window.__gaps.stop = true; return window.__gaps; });
  await context.close();
  return { reading, joining: gaps.longest, long: gaps.long, drafts, joined };
}

const runs = [];
for (let i = 0; i < 3; i++) runs.push(await run());
const median = (key) => [...runs.map((r) => r[key])].sort((a, b) => a - b)[1];
console.log(`| articles pasted | longest main-thread task, reading (ms) | the same, joining (ms) | tasks over 50 ms | to the drafts (ms) | to the joined story (ms) |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| ${records.length} | ${median('reading').toFixed(1)} | ${median('joining').toFixed(1)} | ${median('long')} | ${median('drafts')} | ${median('joined')} |`);
await browser.close();
server.close();
