// A sharded site whose host lost or damaged parts: the view says which part could not be
// loaded and offers to try again, and what the manifest holds still shows. Runs on a copy
// of the polnear_dev site that `.ci/test` builds with `--shards`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { launchChromium, startSite, SITES, SCREENSHOTS } from './harness.mjs';

const source = join(SITES, 'polnear_dev');
const browser = await launchChromium();
after(() => browser.close());

/** A copy of the sharded site with every part file changed by `spoil`. */
function spoiled(name, spoil) {
  const dir = join(SITES, `polnear_dev-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  const parts = join(dir, 'data/parts');
  for (const file of readdirSync(parts)) spoil(join(parts, file));
  return dir;
}

/** A part changed so that it still decodes: one letter inside a run of letters (text of a
 * quote, a name, an outlet) becomes another. Only its hash tells. */
function altered(file) {
  const bytes = gunzipSync(readFileSync(file));
  const lower = (b) => b >= 0x61 && b <= 0x7a;
  for (let i = bytes.length - 2; i > 0; i--) {
    if (lower(bytes[i - 1]) && lower(bytes[i]) && lower(bytes[i + 1])) {
      bytes[i] = bytes[i] === 0x7a ? 0x61 : bytes[i] + 1;
      writeFileSync(file, gzipSync(bytes));
      return;
    }
  }
}

for (const [name, spoil, says] of [
  ['missing', (file) => rmSync(file), /could not be loaded/],
  ['damaged', (file) => writeFileSync(file, gzipSync(Buffer.from('not a part'))), /Damaged on the host \(data\/parts\/[0-9a-f]{16}\.bin/],
  // The page checks each part's SHA-256 against its name (the loopback address is a secure
  // context, where browsers give pages `crypto.subtle`).
  ['altered', altered, /Damaged on the host \(data\/parts\/[0-9a-f]{16}\.bin/],
]) {
  test(`parts ${name} on the host: a notice, not a blank view`, { skip: !existsSync(join(source, 'data/parts')) && 'no sharded polnear_dev site' }, async () => {
    const { server, base } = await startSite(spoiled(name, spoil));
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The unfiltered quotes come from the manifest: they show whatever happened to the parts.
    await page.goto(`${base}?view=quotes`);
    await page.waitForSelector('[data-quote-id]');
    // A filter needs the facts parts, which are gone or damaged.
    await page.goto(`${base}?view=quotes&stance=denial`);
    const notice = page.locator('.notice.error');
    await notice.waitFor();
    assert.match(await notice.textContent(), says);
    if (name === 'missing') assert.equal(await page.locator('.notice.error button.retry').count(), 1);
    assert.ok(await page.locator('h1').count() === 1, 'the page is still there');
    await page.screenshot({ path: `${SCREENSHOTS}/shards-${name}.png` });
    assert.deepEqual(errors, []);
    await page.close();
    server.close();
  });
}
