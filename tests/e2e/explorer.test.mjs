// End-to-end: the built dist/, served under /newsline/, in Debian's headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchChromium, pageErrors, startSite, SCREENSHOTS as SHOTS, SITES } from './harness.mjs';

const DIST = process.env.NEWSLINE_SITE ?? `${SITES}/seeds`;
let server, browser, base;

before(async () => {
  ({ server, base } = await startSite(DIST));
  browser = await launchChromium();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(query = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = pageErrors(page);
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
  const everything = await page.textContent('.summary');
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
  // The list is virtual and the browser restores the scroll position, so compare the count.
  await page.waitForSelector('.summary');
  assert.equal(await page.textContent('.summary'), everything, 'back shows every quote again');
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('actor=sean-spicer'));
  assert.deepEqual(await quoteIds(page), narrowed);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline opens on the story\'s period, folds older references, and shows each phrase with its date', async () => {
  const { page, errors } = await open();
  const labels = () => page.$$eval('.day-label', (els) => els.map((e) => e.textContent));
  let days = await labels();
  assert.ok(days.includes('Mon 23 Jan 2017'), days.join(', '));
  assert.ok(!days.includes('Sep 2016') && !days.includes('2011'), `folded: ${days.join(', ')}`);
  const fold = page.locator('.fold.earlier button');
  assert.match(await fold.textContent(), /Earlier · 2 events dated before the articles' period \(2011 – Sep 2016\)/);
  assert.equal(await fold.getAttribute('aria-expanded'), 'false');
  await fold.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.day-label')].some((e) => e.textContent === '2011'));
  assert.equal(await fold.getAttribute('aria-expanded'), 'true');
  days = await labels();
  assert.ok(days.indexOf('2011') < days.indexOf('2016') && days.indexOf('2016') < days.indexOf('Sun 22 Jan 2017'), `date order: ${days.join(', ')}`);
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

test('the contested view shows the “rubbish” conflict and the claims beside their denials', async () => {
  const { page, errors } = await open('?view=contested');
  const conflict = page.locator('.contest.speakers', { hasText: 'rubbish' });
  const speakers = await conflict.locator('.who').allTextContents();
  assert.deepEqual(speakers.sort(), ['Sean Spicer', 'United States']);
  const outlets = await conflict.locator('.outlet').allTextContents();
  assert.deepEqual(outlets.sort(), ['The Independent', 'The New Zealand Herald (with AP)']);
  const pair = page.locator('.contest.denied', { hasText: 'al-Bab' }).first();
  assert.equal(await pair.locator('.side').first().locator('.badge').first().textContent(), 'claim');
  assert.ok((await pair.locator('.denials .who').allTextContents()).includes('John Dorrian'));
  await page.screenshot({ path: `${SHOTS}/contested-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('export downloads the filtered quotes and events as CSV and JSON', async () => {
  const { page, errors } = await open('?view=quotes&actor=sean-spicer');
  const shown = Number((await page.textContent('.summary')).match(/^(\d+) quote/)[1]);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('.export-json')]);
  assert.equal(json.suggestedFilename(), 'newsline.json');
  const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(data.view, '?actor=sean-spicer&view=quotes');
  assert.equal(data.quotes.length, shown);
  assert.ok(data.quotes.every((q) => q.speaker_id === 'sean-spicer' || q.words), 'rows carry their words');
  assert.ok(data.quotes.some((q) => q.words === 'let’s not take that too far.' && q.speaker === 'Sean Spicer' && q.outlet === 'The Independent'));
  assert.ok(data.events.length > 0 && data.events.every((e) => e.actors.includes('Sean Spicer')));

  const files = {};
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('.export-csv');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent.startsWith('Exported'));
  while (downloads.length < 2) await new Promise((r) => setTimeout(r, 50));
  for (const d of downloads) files[d.suggestedFilename()] = readFileSync(await d.path(), 'utf8');
  const quoteLines = files['newsline-quotes.csv'].trim().split('\r\n');
  assert.equal(quoteLines[0], 'id,article,outlet,date,reported_on,speaker,speaker_id,cue,kind,stance,words');
  assert.equal(quoteLines.length, shown + 1);
  assert.ok(quoteLines.some((l) => l.endsWith(',Sean Spicer,sean-spicer,said,direct,statement,let’s not take that too far.')), quoteLines.join('\n'));
  assert.equal(files['newsline-events.csv'].trim().split('\r\n').length, data.events.length + 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed snippet shows the same view inside an iframe on another page', async () => {
  const { page, errors } = await open('?view=quotes&stance=denial');
  await page.click('button.embed');
  const snippet = await page.inputValue('#embed-code');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/newsline\/\?stance=denial&amp;view=quotes" /);
  const host = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await host.setContent(`<h1>A newsroom page</h1>${snippet}`);
  await host.frameLocator('iframe').locator('[data-quote-id]').first().waitFor();
  const frame = host.frames().find((f) => f.url().includes('/newsline/'));
  const stances = await frame.$$eval('[data-quote-id] .badge.denial, [data-quote-id] .badge.claim, [data-quote-id] .badge.statement', (els) => els.map((e) => e.textContent));
  assert.ok(stances.length > 0 && stances.every((s) => s === 'denial' || s === 'speakers differ'), stances.join(','));
  await frame.click('[data-filter="outlet"] >> nth=0');
  await frame.waitForFunction(() => location.search.includes('outlet='));
  await host.screenshot({ path: `${SHOTS}/embedded-1000.png` });
  await host.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('everything works from the keyboard, with visible focus', async () => {
  const { page, errors } = await open('?view=quotes');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the results');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'focus is visible');
  await page.focus('[data-filter="stance"][data-value="denial"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('stance=denial'));
  await page.focus('[data-actor-id="sean-spicer"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('actor=sean-spicer'));
  await page.focus('[data-quote-id] a.context');
  await page.keyboard.press('Enter');
  await page.waitForSelector('mark#highlight');
  await page.click('a.back');
  await page.waitForSelector('[data-quote-id]');
  await page.focus('button.embed');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('button.embed', 'aria-expanded'), 'true');
  assert.deepEqual(errors, []);
  await page.close();
});

test('dragging across the overview strip picks a date range', async () => {
  const { page, errors } = await open('?zoom=month');
  const bars = page.locator('.bar');
  const n = await bars.count();
  assert.equal(n, 3, 'one bar a day, 22 to 24 January');
  assert.match(await page.textContent('.overview .axis'), /2 earlier/);
  const first = await bars.nth(0).boundingBox();
  const last = await bars.nth(n - 1).boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + first.height - 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => location.search.includes('from='));
  const url = new URL(page.url());
  // The strip spans the story's own days, not the older references folded under "Earlier".
  assert.equal(url.searchParams.get('from'), '2017-01-22');
  assert.equal(url.searchParams.get('to'), '2017-01-24');
  assert.equal(url.searchParams.get('zoom'), 'month', 'the zoom stays');
  await page.screenshot({ path: `${SHOTS}/timeline-range-1280.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening an event in context scrolls the article to it', async () => {
  const { page, errors } = await open('?q=too+far');
  const item = page.locator('[data-event-id]', { hasText: 'let’s not take that too far' });
  await item.locator('a.context').click();
  await page.waitForSelector('mark#highlight');
  await page.waitForFunction(() => {
    const r = document.querySelector('mark#highlight').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  // The event is the saying ("Mr Spicer said"); its words stand beside it in the paragraph.
  assert.match(await page.$eval('mark#highlight', (m) => m.parentElement.textContent), /Spicer said “let’s not take that too far.”/);
  assert.equal(await page.textContent('a.back'), '← Back to the timeline');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Copy link copies the canonical link of the view', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(base + '?view=quotes&stance=denial');
  await page.waitForSelector('[data-quote-id]');
  await page.click('button.copy-link');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${base}?stance=denial&view=quotes`);
  await context.close();
});
