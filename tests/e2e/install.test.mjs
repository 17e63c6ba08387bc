// The binary alone publishes a story: copied into an empty folder and run with a PATH
// that holds no program at all (no cargo, trunk, node or wasm tools), it builds the
// seeds into a site, serves it, and the page shows the story. The rest of the suite
// runs on sites that the same bare binary built (.ci/test) and serves (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareEnv, launchChromium, pageErrors, newslineBinary, startSite, SCREENSHOTS as SHOTS } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const TOOLS = ['cargo', 'rustc', 'trunk', 'node', 'npm', 'wasm-bindgen', 'wasm-opt', 'chromium'];

test('the newsline binary alone builds and serves the seeds with nothing on its PATH', async () => {
  const home = mkdtempSync(join(tmpdir(), 'newsline-alone-'));
  try {
    // Only the binary, in a folder of its own; the corpus copied beside it.
    const bin = join(home, 'bin');
    cpSync(newslineBinary(), join(bin, 'newsline'));
    assert.deepEqual(readdirSync(bin), ['newsline']);
    cpSync(join(ROOT, 'data/seeds'), join(home, 'seeds'), { recursive: true });
    const env = bareEnv({ HOME: home });
    for (const dir of env.PATH.split(':')) {
      const found = existsSync(dir) ? readdirSync(dir).filter((f) => TOOLS.includes(f)) : [];
      assert.deepEqual(found, [], `PATH holds ${found.join(', ')}`);
    }
    execFileSync(join(bin, 'newsline'), ['build', join(home, 'seeds'), '-o', join(home, 'site'), '--base', '/newsline/'], {
      env, cwd: home, stdio: ['ignore', 'ignore', 'pipe'],
    });
    assert.ok(existsSync(join(home, 'site/index.html')) && existsSync(join(home, 'site/data/story.bin')));

    const { server, base } = await startSite(join(home, 'site'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = pageErrors(page);
      await page.goto(`${base}?view=quotes`);
      await page.waitForSelector('[data-quote-id]');
      assert.equal(await page.title(), 'Russia, the US and the al-Bab strike claim (January 2017)');
      assert.match(await page.textContent('header .subtitle'), /2 articles from 2 outlets · 23–24 Jan 2017/);
      await page.screenshot({ path: `${SHOTS}/alone-quotes-1280.png` });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
