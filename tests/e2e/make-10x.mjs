// Writes a scaled benchmark corpus: polnear_train repeated, each copy under new ids
// (`<id>~k`) with its dates shifted k × 35 days, so the timeline spreads over years, and
// with the people's names varied, so that the actors' posting lists are not N copies of
// one list. One JSONL file per copy, with only the fields ingest reads.
//   node tests/e2e/make-10x.mjs ../shared/eval/polnear_train.jsonl target/pt_x120 120
//
// Names: `newsline ingest` (NEWSLINE_BIN, else target/release/newsline) lists the
// corpus's people once. Their surnames, sorted, form a ring; copy k gives every surname
// the one k places further round it, everywhere in its text (titles included). The map is
// one to one within a copy, so each copy stays a coherent story: "Hillary Clinton" and
// every later "Clinton" become the same new name, and copy 0 is the corpus unchanged.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [from, to, copies = '10'] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: node tests/e2e/make-10x.mjs CORPUS.jsonl OUT_DIR [COPIES]');
  process.exit(2);
}
const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const records = readFileSync(from, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** The surnames of the people `newsline ingest` finds in the corpus, sorted. */
function surnames() {
  const bin = process.env.NEWSLINE_BIN || 'target/release/newsline';
  const dir = mkdtempSync(join(tmpdir(), 'make-10x-'));
  try {
    const out = join(dir, 'dataset.json');
    execFileSync(bin, ['ingest', from, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const { actors } = JSON.parse(readFileSync(out, 'utf8'));
    // How often each word is written, and how often as a person's mention.
    const written = new Map();
    for (const r of records) {
      for (const w of `${r.title ?? ''} ${r.text ?? ''}`.split(/[^\p{L}\p{N}'’-]+/u)) written.set(w, (written.get(w) ?? 0) + 1);
    }
    const asPerson = new Map();
    for (const actor of actors) {
      if (actor.kind !== 'person') continue;
      const words = actor.name.split(/\s+/);
      const last = words[words.length - 1];
      // A surname of letters only, capitalised, long enough not to be an initial.
      if (words.length > 1 && /^\p{Lu}[\p{Ll}'’-]{2,}$/u.test(last)) {
        asPerson.set(last, (asPerson.get(last) ?? 0) + actor.mentions.length);
      }
    }
    // Varied: the surnames written mostly for people ("Trump", "Rubio"), not words that
    // are mostly something else ("Republican" in "Florida Republican", "Fox" in "Vicente Fox").
    return [...asPerson].filter(([name, n]) => 2 * n >= (written.get(name) ?? 0)).map(([name]) => name).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ring = surnames();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so that a surname inside a longer one is not replaced in part.
const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...ring].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const index = new Map(ring.map((name, i) => [name, i]));

/** The text with every surname moved k places round the ring. */
function vary(text, k) {
  if (typeof text !== 'string' || k % ring.length === 0) return text;
  return text.replace(pattern, (name) => ring[(index.get(name) + k) % ring.length]);
}

mkdirSync(to, { recursive: true });
for (let k = 0; k < Number(copies); k++) {
  const out = records.map((r) => {
    const copy = { id: `${r.id}~${k}`, title: vary(r.title, k), publisher: r.publisher, url: r.url, text: vary(r.text, k) };
    if (typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.date)) copy.date = shift(r.date.slice(0, 10), k * 35);
    return JSON.stringify(copy);
  });
  writeFileSync(`${to}/copy-${k}.jsonl`, out.join('\n') + '\n');
}
console.log(`${records.length * Number(copies)} records written to ${to}/ (${ring.length} surnames varied)`);
