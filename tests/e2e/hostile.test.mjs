// Hostile input: a corpus whose text, names, outlets, ids and URLs carry markup, script
// URLs and bidi controls (tests/fixtures/hostile), built like any corpus into
// target/dist-hostile. Everything shows literally; nothing runs; the CSP holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, startSite, SCREENSHOTS as SHOTS, SITES } from './harness.mjs';

const DIST = process.env.NEWSLINE_HOSTILE_SITE ?? `${SITES}/hostile`;
let server, browser, base;

before(async () => {
  ({ server, base } = await startSite(DIST));
  browser = await launchChromium();
});
after(async () => { await browser?.close(); server?.close(); });

async function visit(query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  const problems = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(base + query);
  await page.waitForSelector('[data-actor-id]');
  return { page, dialogs, problems };
}

for (const query of ['', '?view=quotes', '?view=contested', '?view=article&item=q1', '?view=article&item=q2', '?view=article&item=q3', '?q=%3Cimg', 'actor page']) {
  test(`nothing runs and nothing is injected: ${query || 'timeline'}`, async () => {
    let { page, dialogs, problems } = await visit(query === 'actor page' ? '' : query);
    if (query === 'actor page') {
      // Every actor's page: names and aliases come from the hostile text.
      for (const id of await page.$$eval('[data-actor-id]', (els) => els.map((e) => e.dataset.actorId))) {
        await page.goto(`${new URL(page.url()).origin}/newsline/?view=actor&item=${encodeURIComponent(id)}`);
        await page.waitForSelector('#actor-name');
        assert.equal(await page.$$eval('main img, main script, main b', (els) => els.length), 0, id);
      }
    }
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
    assert.deepEqual(problems, []);
    // Markup from the data is text, never elements.
    assert.equal(await page.$$eval('main img, main script, main b, aside img', (els) => els.length), 0);
    assert.equal(await page.$$eval('a[href^="javascript:"]', (els) => els.length), 0);
    await page.close();
  });
}

test('hostile strings are shown literally', async () => {
  const { page } = await visit('?view=quotes');
  const text = await page.textContent('main');
  assert.ok(text.includes('<img src=x onerror="window.__pwned=3;alert(4)">Evil Outlet'), 'outlet shown as text');
  assert.ok(text.includes('Click <a href="javascript:alert(3)">here</a> now'), 'quoted markup shown as text');
  assert.ok(text.includes('\u202eXSS\u200b Outlet'), 'bidi and zero-width characters kept');
  await page.screenshot({ path: `${SHOTS}/hostile-quotes-1280.png`, fullPage: true });
  await page.close();
});

test('an article URL becomes a link only when it is http(s)', async () => {
  const script = await visit('?view=article&item=q2');
  assert.equal(await script.page.$$eval('article.reader a.source', (els) => els.length), 0, 'javascript: URL is not a link');
  await script.page.close();
  const ok = await visit('?view=article&item=q1');
  assert.deepEqual(await ok.page.$$eval('article.reader a.source', (els) => els.map((a) => a.href)), ['https://example.org/ok']);
  await ok.page.close();
});

test('the page carries a strict Content-Security-Policy', async () => {
  const { page } = await visit('');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  const integrity = await page.$$eval('link[integrity]', (els) => els.length);
  assert.ok(integrity >= 2, "Trunk's Subresource Integrity is kept");
  await page.close();
});

test('hostile links leave the page working with a notice', async () => {
  for (const query of [
    // Over the page's 8 KB limit but under the 16 KB a static host accepts in a request line.
    `?actor=${'x'.repeat(12000)}`,
    '?view=quotes&view=timeline&view=quotes&actor=jane-doe&actor=jane-doe',
    '?actor=%E0%A4%A&view=%ZZ&item=%00%FF',
    '?' + Array.from({ length: 500 }, (_, i) => `p${i}=${i}`).join('&'),
  ]) {
    const { page, dialogs, problems } = await visit(query);
    assert.ok(await page.$('.notice'), `a notice for ${query.slice(0, 60)}`);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
