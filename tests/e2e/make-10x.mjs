// Writes the 10× corpus of issue 6: polnear_train repeated ten times, each copy under
// new ids (`<id>~k`) with its dates shifted k × 35 days, so the timeline spreads out.
// One JSONL file per copy, with only the fields ingest reads (annotations dropped).
//   node tests/e2e/make-10x.mjs ../shared/eval/polnear_train.jsonl target/polnear_train_x10
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [from, to, copies = '10'] = process.argv.slice(2);
const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const records = readFileSync(from, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
mkdirSync(to, { recursive: true });
for (let k = 0; k < Number(copies); k++) {
  const out = records.map((r) => {
    const copy = { id: `${r.id}~${k}`, title: r.title, publisher: r.publisher, url: r.url, text: r.text };
    if (typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.date)) copy.date = shift(r.date.slice(0, 10), k * 35);
    return JSON.stringify(copy);
  });
  writeFileSync(`${to}/copy-${k}.jsonl`, out.join('\n') + '\n');
}
console.log(`${records.length * Number(copies)} records written to ${to}/`);
