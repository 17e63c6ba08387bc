// Every finding says why: a quote card's "Why?" lists the rules behind it, each mark of
// the article reader names its rules on hover and on focus, and the quote list can hide
// the quotes of rules that are often wrong, with the filter in the link. On polnear_dev,
// whose reported speech includes rules measured under 70%.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { launchChromium, startSite, SCREENSHOTS, SITES } from './harness.mjs';

const DIST = process.env.NEWSLINE_DEV_SITE ?? `${SITES}/polnear_dev`;
/** polnear_dev's site is built from ../shared/eval/, which a clone may not have beside it. */
const needs = { skip: !existsSync(`${DIST}/index.html`) && `no polnear_dev site at ${DIST} (it needs ../shared/eval/)` };
let browser;
let site;

before(async () => {
  if (needs.skip) return;
  browser = await launchChromium();
  site = await startSite(DIST);
});
after(async () => { await browser?.close(); site?.server.close(); });

async function open(query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.base + query);
  await page.waitForSelector('main#main > *');
  await settled(page);
  return { page, errors };
}

/** Waits until the page has every part of the story its view needs (a sharded site fetches them). */
const settled = (p) => p.waitForSelector('main#main[aria-busy="false"]');
const total = async (page) => Number((await page.textContent('.summary')).match(/^([\d,]+) quotes?/)[1].replace(/,/g, ''));

test('a quote card says why, naming each rule with its measured precision', needs, async () => {
  const { page, errors } = await open('?view=quotes');
  const why = page.locator('details.why').first();
  await why.locator('summary').click();
  const rows = await why.locator('dt').allTextContents();
  assert.deepEqual(rows.slice(0, 1), ['Found']);
  assert.ok(rows.includes('Stance'), rows.join());
  const ids = await why.locator('code').allTextContents();
  assert.ok(ids.every((id) => /^[a-z]+(\.[a-z-]+)+$/.test(id)), ids.join());
  assert.match(await why.textContent(), /right in \d+% of [\d,]+ checked cases|not measured/);
  await page.screenshot({ path: `${SCREENSHOTS}/why-card.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('hiding uncertain quotes lowers the count by what the filter said, and the link keeps it', needs, async () => {
  const { page, errors } = await open('?view=quotes');
  const before = await total(page);
  const option = page.locator('[data-filter="uncertain"]');
  const hidden = Number(await option.locator('.count').textContent());
  assert.ok(hidden > 0, 'polnear_dev has uncertain quotes');
  assert.ok(await page.locator('.badge.uncertain').count() > 0 || hidden < before);
  await option.click();
  await page.waitForFunction((n) => !document.querySelector('.summary').textContent.startsWith(`${n} `), before);
  await settled(page);
  assert.equal(new URL(page.url()).searchParams.get('uncertain'), 'hide');
  assert.equal(await total(page), before - hidden);
  assert.equal(await page.locator('.badge.uncertain').count(), 0);
  await page.reload();
  await settled(page);
  await page.waitForSelector('[data-quote-id]');
  assert.equal(await total(page), before - hidden);
  await page.goBack();
  await settled(page);
  await page.waitForFunction((n) => document.querySelector('.summary').textContent.startsWith(`${n} `), before);
  await settled(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('each mark of the reader names its rules on hover and on focus', needs, async () => {
  const first = await open('?view=quotes');
  const quote = await first.page.getAttribute('[data-quote-id]', 'data-quote-id');
  await first.page.close();
  const { page, errors } = await open(`?view=article&item=${quote}`);
  const said = page.locator('.reader span.said[data-why]').first();
  const title = await said.getAttribute('title');
  assert.match(title, /quote · .+: .+/);
  const speaker = page.locator('.reader .speaker[data-why]').first();
  assert.match(await speaker.getAttribute('title'), /^[^:]+: .+/);
  await said.focus();
  const shown = await said.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.ok(shown.length > 10 && shown !== 'none', `the focused mark shows why: ${shown}`);
  await page.screenshot({ path: `${SCREENSHOTS}/why-reader-focus.png` });
  assert.deepEqual(errors, []);
  await page.close();
});
