// What every browser script here shares: Debian's Chromium with the flags this closed
// network needs, and a built site served under /newsline/ on a free loopback port.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const SCREENSHOTS = process.env.NEWSLINE_SCREENSHOTS ?? new URL('../../target/screenshots', import.meta.url).pathname;

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Serves `dist` under /newsline/; resolves to { server, base } with the page's address. */
export async function startSite(dist) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serve(dist, '/newsline/', 0);
  return { server, base: `http://127.0.0.1:${server.address().port}/newsline/` };
}

/**
 * Clicks the actor's filter link and resolves to the milliseconds until the frame that
 * paints the result: the list's summary changes (or, when every item involves the actor,
 * the link turns on), then the next animation frame.
 */
export function timeActorClick(page, actor) {
  return page.evaluate(async (id) => {
    const link = () => document.querySelector(`[data-actor-id="${id}"]`);
    const summary = () => document.querySelector('.summary')?.textContent;
    const before = summary();
    const changed = () => summary() !== before || link()?.getAttribute('aria-checked') === 'true';
    const t0 = performance.now();
    const painted = new Promise((done) => {
      const watch = new MutationObserver(() => {
        if (changed()) {
          watch.disconnect();
          requestAnimationFrame(() => done());
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    link().click();
    await painted;
    return performance.now() - t0;
  }, actor);
}
