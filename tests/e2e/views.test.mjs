// Every view and every filter, on the seed corpus (dist/) and on polnear_dev built as a
// corpus (target/dist-dev): each view renders with no console error, passes an axe-core
// scan with no serious or critical violation, fits 360 px without sideways scrolling,
// keeps the DOM small, and each filter survives its link, a reload, back and forward.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, pageErrors, startSite, SCREENSHOTS as SHOTS, SITES } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
// polnear_dev's site is built from ../shared/eval/; a clone without it runs the seeds alone.
// `contests`: whether its contested view lists any. polnear_dev's 84 articles have no claim
// and denial pair, and no words two speakers share about one story (`conflict.same-story`).
const CORPORA = [
  { name: 'seeds', dist: process.env.NEWSLINE_SITE ?? `${SITES}/seeds`, contests: true },
  { name: 'polnear_dev', dist: process.env.NEWSLINE_DEV_SITE ?? `${SITES}/polnear_dev`, contests: false },
].filter(({ name, dist }) => existsSync(`${dist}/index.html`)
  || (name === 'seeds' ? true : console.error(`note: no ${name} site at ${dist} (it needs ../shared/eval/): its views are not run`)));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser;
const sites = {};

before(async () => {
  browser = await launchChromium();
  for (const c of CORPORA) sites[c.name] = await startSite(c.dist);
});
after(async () => { await browser?.close(); for (const s of Object.values(sites)) s.server.close(); });

async function open(corpus, query, width = 1280, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors = pageErrors(page);
  await page.goto(sites[corpus].base + query);
  await page.waitForSelector('main#main > *');
  await settled(page);
  return { page, errors };
}

/** Waits until the page has every part of the story its view needs (a sharded site fetches them). */
const settled = (p) => p.waitForSelector('main#main[aria-busy="false"]');

/** axe-core, evaluated through the DevTools protocol (the page's CSP forbids injected scripts). */
async function axeProblems(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const quoteIds = (page) => page.$$eval('[data-quote-id]', (els) => els.map((e) => e.dataset.quoteId));
const param = (page, key) => new URL(page.url()).searchParams.get(key);

for (const { name, contests } of CORPORA) {
  test(`${name}: every view renders, passes axe, fits 360 px and keeps the DOM small`, async () => {
    const first = await open(name, '?view=quotes');
    const actor = await first.page.getAttribute('[data-actor-id]', 'data-actor-id');
    const quote = (await quoteIds(first.page))[0];
    await first.page.close();
    const views = {
      timeline: ['', '[data-event-id]'],
      quotes: ['?view=quotes', '[data-quote-id]'],
      contested: ['?view=contested', contests ? '.contest' : 'p.empty:text("No contested claims were found in this corpus.")'],
      actor: [`?view=actor&item=${actor}`, '#actor-name'],
      article: [`?view=article&item=${quote}`, 'mark#highlight'],
    };
    for (const [view, [query, selector]] of Object.entries(views)) {
      for (const width of [1280, 360]) {
        const { page, errors } = await open(name, query, width);
        await page.waitForSelector(selector);
        assert.deepEqual(await axeProblems(page), [], `${name} ${view} at ${width}px`);
        const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        assert.ok(nodes < 3000, `${name} ${view}: ${nodes} DOM nodes`);
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} ${view} at ${width}px scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: `${SHOTS}/${name}-${view}-${width}.png`, fullPage: width === 360 && name === 'seeds' });
        assert.deepEqual(errors, [], `${name} ${view}`);
        await page.close();
      }
    }
  });

  test(`${name}: stance, kind and outlet filters show their counts, land in the URL and survive reload, back and forward`, async () => {
    const { page, errors } = await open(name, '?view=quotes');
    const all = await page.textContent('.summary');
    for (const facet of ['stance', 'kind', 'outlet']) {
      const option = page.locator(`[data-filter="${facet}"][aria-checked="false"]:not(.none)`).first();
      const value = await option.getAttribute('data-value');
      const count = Number(await option.locator('.count').textContent());
      await option.click();
      await page.waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k) === v, [facet, value]);
      await settled(page);
      const summary = await page.textContent('.summary');
      assert.match(summary, new RegExp(`^${count} quotes?\\b`), `${facet}=${value}: option said ${count}, list says “${summary}”`);
      assert.equal(await page.getAttribute(`[data-filter="${facet}"][data-value="${value}"]`, 'aria-checked'), 'true');
      const shown = await quoteIds(page);
      await page.reload();
      await settled(page);
      await page.waitForSelector('[data-quote-id], .empty');
      assert.deepEqual(await quoteIds(page), shown, `${facet} after reload`);
      // The link alone, in a browser context that shares nothing with this one: the same
      // count, and the same first cards (the list is virtual, so compare from the top).
      const elsewhere = await browser.newContext();
      const other = await elsewhere.newPage({ viewport: { width: 1280, height: 900 } });
      await other.goto(page.url());
      await settled(other);
      await other.waitForSelector('[data-quote-id], .empty');
      assert.equal(await other.textContent('.summary'), await page.textContent('.summary'), `${facet} opened elsewhere`);
      const top = async (p) => { await p.evaluate(() => window.scrollTo(0, 0)); await p.waitForTimeout(100); return (await quoteIds(p)).slice(0, 5); };
      assert.deepEqual(await top(other), await top(page), `${facet}: the first cards, opened elsewhere`);
      await elsewhere.close();
      await page.goBack();
      await settled(page);
      await page.waitForFunction((k) => !new URLSearchParams(location.search).has(k), facet);
      await settled(page);
      assert.equal(await page.textContent('.summary'), all, `${facet}: back restores the list`);
      await page.goForward();
      await settled(page);
      await page.waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k) === v, [facet, value]);
      await settled(page);
      assert.deepEqual(await quoteIds(page), shown, `${facet}: forward`);
      await page.goBack();
      await settled(page);
      await page.waitForFunction((k) => !new URLSearchParams(location.search).has(k), facet);
      await settled(page);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name}: the date range and the search narrow the list and live in the link`, async () => {
    const { page, errors } = await open(name, '?view=quotes');
    const before = await page.textContent('.summary');
    const word = (await page.textContent('[data-quote-id] .words')).replace(/[“”"]/g, '').trim().split(/\s+/).find((w) => w.length > 4);
    await page.fill('#q', word.toUpperCase());
    await page.press('#q', 'Enter');
    await page.waitForFunction((w) => new URLSearchParams(location.search).get('q') === w, word.toUpperCase());
    await settled(page);
    assert.ok((await page.locator('mark.hit').count()) > 0, `matches of “${word}” are marked`);
    const marks = await page.$$eval('mark.hit', (els) => els.map((e) => e.textContent.toLowerCase()));
    assert.ok(marks.every((m) => m === word.toLowerCase()), marks.join(','));
    await page.click('.filters .clear');
    await page.waitForFunction(() => !location.search.includes('q='));
    await settled(page);
    assert.equal(await page.textContent('.summary'), before);

    await page.goto(sites[name].base);
    await settled(page);
    await page.waitForSelector('[data-event-id]');
    assert.ok((await page.locator('.bar').count()) >= 2, 'an overview strip with bars');
    const label = await page.getAttribute('.bar.h10', 'aria-label');
    await page.focus('.bar.h10');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('from=') && location.search.includes('to='));
    await settled(page);
    const [from, to] = [param(page, 'from'), param(page, 'to')];
    assert.ok(from <= to, `${label}: ${from}..${to}`);
    const inRange = await page.$$eval('[data-event-id] .when', (els) => els.length);
    assert.ok(inRange > 0, 'the busiest stretch has events');
    assert.equal(await page.inputValue('input[name=from]'), from);
    await page.reload();
    await settled(page);
    await page.waitForSelector('[data-event-id]');
    assert.equal(await page.inputValue('input[name=to]'), to);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('dark mode follows the system and still passes axe', async () => {
  for (const query of ['', '?view=quotes', '?view=contested']) {
    const { page, errors } = await open('seeds', query, 1280, 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(21, 22, 26)', 'the dark palette');
    assert.deepEqual(await axeProblems(page), [], `dark ${query}`);
    await page.screenshot({ path: `${SHOTS}/seeds-dark${query.replace(/\W+/g, '-')}-1280.png` });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
