// What every browser script here shares: Debian's Chromium with the flags this closed
// network needs, and a built site served by `newsline serve` under /newsline/ on a free
// loopback port. The server is the binary alone, run with a PATH that holds no tool at
// all: NEWSLINE_BIN (.ci/test points it at a copy in an empty folder), else
// target/release/newsline.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = process.env.NEWSLINE_SCREENSHOTS ?? `${ROOT}target/screenshots`;
/** Where .ci/test puts the sites the tests open. */
export const SITES = process.env.NEWSLINE_SITES ?? `${ROOT}target/sites`;
/** An empty folder: the PATH the binary runs with, so that it can call no other program. */
export const EMPTY_PATH = `${ROOT}target/isolated/empty-path`;

export function newslineBinary() {
  return process.env.NEWSLINE_BIN ?? `${ROOT}target/release/newsline`;
}

/** The environment the binary runs in: nothing but an empty PATH and a home. */
export function bareEnv(extra = {}) {
  mkdirSync(EMPTY_PATH, { recursive: true });
  return { PATH: EMPTY_PATH, HOME: process.env.HOME ?? '/root', ...extra };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Serves `site` with `newsline serve SITE --port 0 --base /newsline/`; resolves to
 * { server, base } where `server.close()` stops it and `base` is the page's address.
 */
export function startSite(site, { base = '/newsline/' } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const child = spawn(newslineBinary(), ['serve', site, '--port', '0', '--base', base], {
    env: bareEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const url = out.match(/at (http:\/\/\S+)/);
      if (url) resolve({ server: { close: () => child.kill('SIGTERM'), process: child }, base: url[1] });
    });
    child.on('exit', (code) => reject(new Error(`newsline serve ${site} exited (${code}): ${stderr}`)));
  });
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

/** The page's uncaught errors and console errors, collected from now on: a test expects none. */
export function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}
