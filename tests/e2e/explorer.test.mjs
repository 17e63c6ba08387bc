// End-to-end: the built dist/, served under /newsline/, in Debian's headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, startSite, SCREENSHOTS as SHOTS } from './harness.mjs';

const DIST = process.env.NEWSLINE_DIST ?? new URL('../../dist', import.meta.url).pathname;
let server, browser, base;

before(async () => {
  ({ server, base } = await startSite(DIST));
  browser = await launchChromium();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(query = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base + query);
  await page.waitForSelector('[data-actor-id]');
  return { page, errors, requests };
}

const quoteIds = (page) => page.$$eval('[data-quote-id]', (els) => els.map((e) => e.dataset.quoteId));

test('picking Sean Spicer narrows the quotes, lands in the URL, and survives a reload', async () => {
  const { page, errors, requests } = await open('?view=quotes');
  const all = await quoteIds(page);
  assert.ok(all.length >= 9, `expected the seeds' quotes, got ${all.length}`);
  // Nothing but the page's own files is fetched: the dataset is embedded.
  assert.ok(requests.every((u) => u.startsWith(base)), requests.join('\n'));
  assert.ok(!requests.some((u) => /\.json/.test(u)), 'no dataset fetch');

  await page.click('[data-actor-id="sean-spicer"]');
  await page.waitForFunction(() => location.search.includes('actor=sean-spicer'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/newsline/');
  assert.equal(url.searchParams.get('actor'), 'sean-spicer');
  const narrowed = await quoteIds(page);
  assert.ok(narrowed.length > 0 && narrowed.length < all.length, `${narrowed.length} of ${all.length}`);
  const speakers = await page.$$eval('[data-quote-id] .speaker', (els) => els.map((e) => e.textContent));
  assert.ok(speakers.every((s) => s.startsWith('Sean Spicer')), speakers.join(' | '));
  assert.equal(await page.getAttribute('[data-actor-id="sean-spicer"]', 'aria-checked'), 'true');

  await page.reload();
  await page.waitForSelector('[data-quote-id]');
  assert.deepEqual(await quoteIds(page), narrowed);
  assert.equal(await page.getAttribute('[data-actor-id="sean-spicer"]', 'aria-checked'), 'true');
  await page.screenshot({ path: `${SHOTS}/quotes-sean-spicer-1280.png`, fullPage: true });

  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('actor='));
  assert.deepEqual(await quoteIds(page), all);
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('actor=sean-spicer'));
  assert.deepEqual(await quoteIds(page), narrowed);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline groups events by day, shows the phrase and its date, and keeps undated items visible', async () => {
  const { page, errors } = await open();
  const days = await page.$$eval('.day-label', (els) => els.map((e) => e.textContent));
  assert.ok(days.includes('Mon 23 Jan 2017'), days.join(', '));
  assert.ok(days.includes('Sep 2016'), days.join(', '));
  assert.ok(days.indexOf('2011') < days.indexOf('Sep 2016'), 'date order');
  const whens = await page.$$eval('[data-event-id] .when', (els) => els.map((e) => e.textContent));
  assert.ok(whens.some((w) => w === '“Monday” → Mon 23 Jan 2017'), whens.join(' | '));
  await page.screenshot({ path: `${SHOTS}/timeline-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a quote opens in its article with the words highlighted', async () => {
  const { page, errors } = await open('?view=quotes');
  const card = page.locator('[data-quote-id]', { hasText: 'let’s not take that too far' });
  await card.locator('a.context').click();
  await page.waitForSelector('article.reader mark#highlight');
  assert.equal(await page.textContent('mark#highlight'), 'let’s not take that too far.');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'article');
  await page.screenshot({ path: `${SHOTS}/article-1280.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('garbage in the link is ignored with a notice, never a crash', async () => {
  const { page, errors } = await open('?actor=nobody,sean-spicer&view=%FF&bogus=<script>alert(1)</script>');
  const notice = await page.textContent('.notice');
  assert.match(notice, /unknown actor “nobody”/);
  assert.match(notice, /unknown parameter “bogus”/);
  assert.equal(await page.getAttribute('[data-actor-id="sean-spicer"]', 'aria-checked'), 'true');
  assert.deepEqual(errors, []);
  const small = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await small.goto(base + '?view=quotes');
  await small.waitForSelector('[data-quote-id]');
  await small.screenshot({ path: `${SHOTS}/quotes-360.png`, fullPage: true });
  await small.close();
  await page.close();
});
