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
