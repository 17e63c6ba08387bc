// A site built from a folder that mixes every input kind (tests/fixtures/inputs: saved news
// pages, a feed, a CSV export, a web archive): their articles, outlets and quotes are in the
// page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, pageErrors, startSite, SCREENSHOTS as SHOTS, SITES } from './harness.mjs';

const SITE = process.env.NEWSLINE_INPUTS_SITE ?? `${SITES}/inputs`;
let server, browser, base;

before(async () => {
  ({ server, base } = await startSite(SITE));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = pageErrors(page);
  await page.goto(base + query);
  await page.waitForSelector('main li, main .empty');
  return { page, errors };
}

test('pages, a feed, a CSV export and an archive make one story', async () => {
  const { page, errors } = await open('?view=quotes');
  const outlets = await page.$$eval('[data-filter="outlet"] .name', (els) => els.map((e) => e.textContent));
  for (const outlet of ['USA TODAY', 'Al Jazeera', 'abcnews.go.com', 'NBC New York']) {
    assert.ok(outlets.includes(outlet), `${outlet} in ${outlets.join(', ')}`);
  }
  assert.match(await page.textContent('header .subtitle'), /^14 articles from/);
  await page.screenshot({ path: `${SHOTS}/inputs-quotes-1280.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the quotes of a saved page are found with their speakers', async () => {
  for (const [search, speaker, words] of [
    ['get on it', /Noem/, /This is our problem, and together, we need to get on it/],
    ['Volker', /Volker/, /./],
  ]) {
    const { page, errors } = await open(`?view=quotes&q=${encodeURIComponent(search)}`);
    const cards = page.locator('[data-quote-id]');
    assert.ok(await cards.count() > 0, `a quote for ${search}`);
    const texts = await cards.allTextContents();
    assert.ok(texts.some((t) => speaker.test(t) && words.test(t)), texts.join('\n---\n'));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the reader shows a saved page as the article it holds, with its own metadata', async () => {
  const { page, errors } = await open('?view=quotes&q=get+on+it');
  await page.locator('[data-quote-id] a.context').first().click();
  await page.waitForSelector('article.reader mark#highlight');
  const meta = await page.textContent('article.reader .meta');
  assert.match(meta, /USA TODAY/);
  assert.match(meta, /2019-11-19/);
  assert.equal(await page.getAttribute('article.reader a.source', 'href'),
    'https://www.usatoday.com/story/news/nation/2019/11/19/meth-were-it-south-dakota-campaign-working-kristi-noem-says/4236383002/');
  await page.screenshot({ path: `${SHOTS}/inputs-article-1280.png` });
  assert.deepEqual(errors, []);
  await page.close();
});
