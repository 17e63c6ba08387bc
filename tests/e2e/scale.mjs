// A large sharded site in headless Chromium, on loopback and under a throttled network
// (CDP emulation: 20 Mbit/s down, 40 ms round trip, as the scale issue's "4G"):
//   node tests/e2e/scale.mjs SITE [RARE_WORD]
// SITE is a site built with `newsline build ... --shards`. For each network it prints the
// bytes fetched before the first quote, the first quote's time, an actor filter click to
// its painted list with the actor's parts not yet cached and then cached, and a search
// for a rare word to its painted list. Run after `bash .ci/page && cargo build --release`.
import { launchChromium, startSite } from './harness.mjs';

const [site, rare = 'zygote'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node tests/e2e/scale.mjs SITE [RARE_WORD]');
  process.exit(2);
}
const { server, base } = await startSite(site);
const browser = await launchChromium();
const NETWORKS = {
  loopback: null,
  'throttled 4G': { offline: false, latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (10e6 / 8) },
};

/** Milliseconds from `act` until the main list is complete (aria-busy false) and painted. */
async function settleAfter(page, act) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(() => {
    const main = document.querySelector('main#main');
    return main && main.getAttribute('aria-busy') === 'false' && !location.search.includes('__');
  }, null, { timeout: 120000, polling: 'raf' });
  return page.evaluate((start) => new Promise((done) => requestAnimationFrame(() => done(performance.now() - start))), t0);
}

const rows = [];
for (const [network, conditions] of Object.entries(NETWORKS)) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  let bytes = 0;
  let counting = true;
  cdp.on('Network.loadingFinished', (e) => { if (counting) bytes += e.encodedDataLength; });
  await page.addInitScript(() => {
    new MutationObserver((_, watch) => {
      if (document.querySelector('[data-quote-id]')) {
        watch.disconnect();
        requestAnimationFrame(() => performance.mark('scale:first-quote'));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('[data-quote-id]', { state: 'visible', timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('scale:first-quote').length > 0);
  counting = false;
  const firstQuote = await page.evaluate(() => performance.getEntriesByName('scale:first-quote')[0].startTime);
  // The second busiest actor: the busiest one's parts may be in the first screen's.
  const actor = (await page.$$eval('[data-actor-id]', (els) => els.map((e) => e.dataset.actorId)))[1];
  const link = () => page.click(`[data-actor-id="${actor}"]`);
  const uncached = await settleAfter(page, link);
  await settleAfter(page, () => page.goBack());
  const cached = await settleAfter(page, link);
  await settleAfter(page, () => page.goBack());
  await page.fill('#q', rare);
  const search = await settleAfter(page, () => page.press('#q', 'Enter'));
  const found = await page.textContent('.summary').catch(() => 'none');
  rows.push({ network, bytes, firstQuote, actor, uncached, cached, search, found });
  await context.close();
}
console.log(`| network | fetched before the first quote (KB) | first quote (ms) | actor filter, parts not cached (ms) | the same, cached (ms) | search “${rare}” (ms) |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const ms = (x) => Math.round(x);
  console.log(`| ${r.network} | ${Math.round(r.bytes / 1024)} | ${ms(r.firstQuote)} | ${ms(r.uncached)} (${r.actor}) | ${ms(r.cached)} | ${ms(r.search)} (${r.found.trim()}) |`);
}
await browser.close();
server.close();
process.exit(0);
