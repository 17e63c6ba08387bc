// Writes issue 6's bad corpora into target/bad/: an empty folder, one article with
// 50,000 quotes, and 100,000 tiny articles. Build each with
//   NEWSLINE_CORPUS=target/bad/NAME trunk build --release ...   or   node tests/e2e/perf.mjs NAME=target/bad/NAME
import { mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../../target/bad/', import.meta.url).pathname;
mkdirSync(`${root}empty`, { recursive: true });
mkdirSync(`${root}fifty-thousand`, { recursive: true });
mkdirSync(`${root}tiny-100k`, { recursive: true });
const quotes = Array.from({ length: 50_000 }, (_, i) => `“Point ${i} stands,” Jane Doe said.\n`).join('');
writeFileSync(`${root}fifty-thousand/big.txt`, `date 2017-01-24 ${quotes}`);
const tiny = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: `Jo Roe said hi ${i}.`, date: '2017-01-24' })).join('\n');
writeFileSync(`${root}tiny-100k/tiny.jsonl`, `${tiny}\n`);
console.log(`written to ${root}: empty/, fifty-thousand/, tiny-100k/`);
