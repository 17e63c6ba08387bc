// *Add articles*: a reader pastes one article's text and drops a JSONL file and a saved
// page; the worker reads and extracts them off the main thread; they join the story, stay
// after a reload, can be removed one by one; and the site and dataset the page downloads
// are byte for byte what `newsline build` and `newsline ingest` write for the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { bareEnv, launchChromium, pageErrors, newslineBinary, startSite, SCREENSHOTS as SHOTS } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const WORK = mkdtempSync(join(tmpdir(), 'newsline-add-'));
const PUBLISHED = join(WORK, 'published');
// The added files' time, which the joined site's build time follows (as the CLI takes its
// newest input's): 2020-09-13T12:26:40Z.
const MODIFIED = 1_600_000_000;
const JSONL = join(WORK, 'mine.jsonl');
const PAGE = join(ROOT, 'tests/fixtures/inputs/page-ap.html');
const PASTED = 'date 2017-01-25\n“We will not be moved,” said Maria Lopez, the mayor of Springfield.\n';

let server, browser, base;

function newsline(args, env = {}) {
  return execFileSync(newslineBinary(), args, { env: bareEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

before(async () => {
  writeFileSync(JSONL, [
    JSON.stringify({ id: 'roe-1', date: '2017-01-26', outlet: 'The Ledger', title: 'Roe speaks',
      text: '“The figures are wrong,” Jane Roe told reporters on Thursday.' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'roe-2', date: '2017-01-27', outlet: 'The Ledger',
      text: 'Jane Roe said the council would vote next week.' }),
  ].join('\n') + '\n');
  newsline(['build', join(ROOT, 'data/seeds'), '-o', PUBLISHED, '--base', '/newsline/'], { SOURCE_DATE_EPOCH: '1500000000' });
  ({ server, base } = await startSite(PUBLISHED));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

async function open(context, query = '?view=quotes') {
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(base + query);
  await page.waitForSelector('main li, main .empty');
  return { page, errors };
}

/** Drops files (name, bytes, mtime in ms) on the dialog, as a reader dragging them would. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) {
      data.items.add(new File([new Uint8Array(f.bytes)], f.name, { lastModified: f.modified }));
    }
    const panel = document.querySelector('#add-panel');
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files.map(([path, name]) => ({ name, bytes: [...readFileSync(path)], modified: MODIFIED * 1000 })));
}

/** The files of a zip (stored or deflated entries), by name. */
function unzip(buffer) {
  const files = new Map();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

function filesUnder(dir, prefix = '') {
  const out = new Map();
  for (const entry of readdirSync(join(dir, prefix))) {
    const path = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(join(dir, path)).isDirectory()) {
      for (const [k, v] of filesUnder(dir, path)) out.set(k, v);
    } else {
      out.set(path, readFileSync(join(dir, path)));
    }
  }
  return out;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFileSync(await file.path());
}

test('articles a reader adds join the story, stay, and publish as the CLI would', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  const { page, errors } = await open(context);
  await page.waitForLoadState('networkidle');
  assert.ok(!fetched.some((u) => u.includes('newsline-worker')), `the first load fetched the worker: ${fetched.join(' ')}`);

  await page.click('button.add-articles');
  await page.waitForSelector('#add-panel');
  await page.fill('#add-paste', PASTED);
  await page.click('button.read-pasted');
  await page.locator('.draft').first().waitFor();
  assert.ok(fetched.some((u) => u.endsWith('newsline-worker_bg.wasm')), 'the worker is fetched once the dialog opens');
  await drop(page, [[JSONL, 'mine.jsonl'], [PAGE, 'page-ap.html']]);
  await page.waitForFunction(() => document.querySelectorAll('.draft').length === 4);
  const problems = await page.textContent('.problems');
  assert.match(problems, /mine\.jsonl:2: /, 'the broken line is named by file and line');
  // The page's own metadata fills the draft: its outlet and date.
  const apOutlet = await page.locator('.draft', { hasText: 'page-ap.html' }).locator('.draft-outlet').inputValue();
  assert.ok(apOutlet.length > 0, 'the saved page names its outlet');
  // The reader corrects the pasted article's outlet.
  await page.locator('.draft', { hasText: 'pasted-' }).locator('.draft-outlet').fill('Springfield Post');
  await page.locator('.draft', { hasText: 'pasted-' }).locator('.draft-outlet').dispatchEvent('change');
  await page.screenshot({ path: `${SHOTS}/add-dialog-1280.png` });
  await page.click('button.add-drafts');
  await page.waitForSelector('.yours-label');
  await page.waitForFunction(() => /4 articles of yours/.test(document.querySelector('.add-panel .status')?.textContent ?? ''));
  assert.match(await page.textContent('header .subtitle'), /^6 articles from .* 4 of them yours, in this browser only/);

  // Every view includes them: the quote, its badge, the actor filter.
  await page.click('button.close');
  await page.fill('input[type="search"]', 'not be moved');
  await page.keyboard.press('Enter');
  const card = page.locator('[data-quote-id]', { hasText: 'We will not be moved' });
  await card.waitFor();
  assert.match(await card.textContent(), /Maria Lopez/);
  assert.match(await card.textContent(), /Springfield Post/);
  assert.match(await card.textContent(), /yours, this browser only/);
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('.yours-label');
  const actors = await page.$$eval('[data-actor-id]', (els) => els.map((e) => e.getAttribute('data-actor-id')));
  assert.ok(actors.includes('jane-roe'), `jane-roe among ${actors.join(', ')}`);
  await page.screenshot({ path: `${SHOTS}/add-joined-1280.png` });

  // A link to what only this browser has warns before it is copied.
  await page.goto(base + '?view=quotes&actor=jane-roe');
  await page.waitForSelector('.yours-label');
  await page.click('button.copy-link');
  assert.match(await page.textContent('.share-warning'), /only this browser has/);
  assert.equal((await page.textContent('button.copy-link')).trim(), 'Copy anyway');

  // They survive a reload.
  await page.reload();
  await page.waitForSelector('.yours-label');
  await page.goto(base + '?view=quotes&q=figures+are+wrong');
  await page.locator('[data-quote-id]', { hasText: 'The figures are wrong' }).waitFor();

  // One is removed; the rest stay.
  await page.click('button.add-articles');
  await page.locator('.kept', { hasText: 'pasted-' }).locator('button.remove').click();
  await page.waitForFunction(() => /3 articles of yours/.test(document.querySelector('.add-panel .status')?.textContent ?? ''));
  assert.equal(await page.locator('.kept').count(), 3);
  await page.screenshot({ path: `${SHOTS}/add-kept-1280.png` });

  // The downloads are what the CLI writes for the published files and the kept ones.
  const dataset = await download(page, 'button.download-dataset');
  const ingested = newsline(['ingest', join(ROOT, 'data/seeds'), JSONL, PAGE]);
  assert.ok(dataset.equals(ingested), 'the dataset JSON is byte-identical to newsline ingest');
  const zip = unzip(await download(page, 'button.download-site'));
  const cli = join(WORK, 'cli');
  newsline(['build', join(ROOT, 'data/seeds'), JSONL, PAGE, '-o', cli, '--base', '/newsline/'],
    { SOURCE_DATE_EPOCH: String(MODIFIED) });
  const want = filesUnder(cli);
  assert.deepEqual([...zip.keys()].sort(), [...want.keys()].sort());
  for (const [name, bytes] of want) assert.ok(zip.get(name).equals(bytes), `${name} is byte-identical to the CLI's`);
  assert.deepEqual(errors, []);
  await context.close();

  // The unzipped site, served from a sub-path, has the added articles for everyone.
  const unzipped = join(WORK, 'unzipped');
  for (const [name, bytes] of zip) {
    mkdirSync(dirname(join(unzipped, name)), { recursive: true });
    writeFileSync(join(unzipped, name), bytes);
  }
  const served = await startSite(unzipped, { base: '/stories/mine/' });
  try {
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(served.base + '?view=quotes&q=figures+are+wrong');
    await other.locator('[data-quote-id]', { hasText: 'The figures are wrong' }).waitFor();
    assert.equal(await other.locator('.yours-label').count(), 0, 'published articles are nobody\'s own');
    await fresh.close();
  } finally {
    served.server.close();
  }
});

test('a link to articles only another browser has opens with a notice', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, '?view=quotes&actor=jane-roe');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notice'), /unknown actor “jane-roe”/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worker that cannot start says so, and can be tried again', async () => {
  const context = await browser.newContext();
  await context.route('**/newsline-worker.js', (route) => route.abort());
  const { page } = await open(context);
  await page.click('button.add-articles');
  await page.waitForSelector('.add-panel .notice.error');
  assert.match(await page.textContent('.add-panel .notice.error'), /article reader stopped.*Nothing you had kept is lost/);
  await context.unroute('**/newsline-worker.js');
  await page.click('.add-panel button.retry');
  await page.fill('#add-paste', PASTED);
  await page.click('button.read-pasted');
  await page.locator('.draft').first().waitFor();
  // A file that is not UTF-8 is decoded as the CLI decodes it, and the report says so.
  const latin = join(WORK, 'latin.txt');
  writeFileSync(latin, Buffer.from('date 2017-01-25\n\x93Caf\xe9 au lait,\x94 said Ren\xe9e Dupont.\n', 'latin1'));
  await drop(page, [[latin, 'latin.txt']]);
  await page.waitForFunction(() => document.querySelectorAll('.draft').length === 2);
  assert.match(await page.textContent('.problems'), /latin\.txt: decoded as windows-1252/);
  await context.close();
});

test('a second tab sees what the first adds', async () => {
  const context = await browser.newContext();
  const { page: first } = await open(context);
  const { page: second } = await open(context);
  await first.click('button.add-articles');
  await first.fill('#add-paste', PASTED);
  await first.click('button.read-pasted');
  await first.locator('.draft').first().waitFor();
  await first.click('button.add-drafts');
  await first.waitForSelector('.yours-label');
  await second.waitForSelector('.yours-label');
  assert.match(await second.textContent('header .subtitle'), /1 of them yours/);
  await context.close();
});

test('a full storage quota keeps what fitted and names the rest', async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(base).origin, quotaSize: 400_000 });
  // Words that do not repeat, so that the browser's compression of stored values cannot
  // make them fit: about 100 KB each.
  let seed = 7;
  const word = () => Array.from({ length: 6 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
  const big = (i) => JSON.stringify({ id: `big-${i}`, date: '2017-01-26', outlet: 'The Ledger',
    text: `“Record ${i} is long,” Jane Roe said. ` + Array.from({ length: 14000 }, word).join(' ') });
  await page.click('button.add-articles');
  await page.fill('#add-paste', Array.from({ length: 8 }, (_, i) => big(i)).join('\n'));
  await page.click('button.read-pasted');
  await page.waitForFunction(() => document.querySelector('button.add-drafts')?.textContent === 'Add 8 articles');
  await page.click('button.add-drafts');
  await page.waitForFunction(() => /storage for this site is full/.test(document.querySelector('.problems')?.textContent ?? ''),
    null, { timeout: 60000 });
  await page.waitForFunction(() => /of yours (is|are) in the story/.test(document.querySelector('.add-panel .status')?.textContent ?? ''));
  const kept = await page.locator('.kept').count();
  assert.ok(kept >= 1 && kept < 8, `some fitted and some did not: ${kept} kept`);
  assert.match(await page.textContent('.problems'), /more articles after it were not kept either|was not kept/);
  await context.close();
});

test('a 20 MB paste is read, kept and joined', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context);
  await page.click('button.add-articles');
  const sentence = '“The long file is here,” said Omar Haddad, the archivist. ';
  const text = `date 2017-01-26\n${sentence.repeat(Math.ceil(20_000_000 / sentence.length))}`;
  await page.evaluate((text) => {
    const area = document.querySelector('#add-paste');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await page.click('button.read-pasted');
  await page.waitForFunction(() => document.querySelector('button.add-drafts')?.textContent === 'Add 1 article', null, { timeout: 120000 });
  await page.click('button.add-drafts');
  await page.waitForFunction(() => /1 article of yours is in the story/.test(document.querySelector('.add-panel .status')?.textContent ?? ''),
    null, { timeout: 300000 });
  assert.match(await page.textContent('header .subtitle'), /1 of them yours/);
  assert.deepEqual(errors, []);
  await context.close();
});
