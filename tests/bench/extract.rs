//! Extraction throughput in MB/s on one core, and the page's start-up work natively
//! (decoding the embedded blob, building the filter index, the first selection):
//! `cargo bench --bench extract`. Reads `../shared/eval/polnear_train.jsonl`
//! (840 articles, about 3.9 MB of text).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsline::corpus::read_jsonl;
use newsline::extract::analyze;

fn polnear_train(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear_train.jsonl");
    let bytes = std::fs::read(path).expect("../shared/eval/polnear_train.jsonl");
    let (sources, _) = read_jsonl(path, &bytes);
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.bench_function("polnear_train", |b| {
        b.iter(|| sources.iter().map(|s| analyze(&s.text, s.date).quotes.len()).sum::<usize>())
    });
    group.bench_function("polnear_train, tagging time expressions only", |b| {
        b.iter(|| sources.iter().map(|s| newsline::extract::time_expressions(&s.text, s.date).len()).sum::<usize>())
    });
    group.finish();
}

fn page_start_up(c: &mut Criterion) {
    use newsline::dataset;
    use newsline::page;
    use newsline::query::{self, Index, State, View};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear_train.jsonl");
    let bytes = std::fs::read(path).expect("../shared/eval/polnear_train.jsonl");
    let (sources, _) = read_jsonl(path, &bytes);
    let blob = page::encode(&dataset::build(sources)).expect("the page blob");
    let (ds, index) = page::decode(&blob).expect("decodes");
    let quotes = State { view: View::Quotes, ..State::default() };
    let busiest = query::select(&ds, &index, &quotes).actor_counts[0].0;
    let one_actor = query::toggle_actor(&quotes, &ds.actors[busiest].id);
    let mut group = c.benchmark_group("page start-up, polnear_train");
    group.sample_size(10);
    group.bench_function("decode the blob (dataset and index)", |b| b.iter(|| page::decode(&blob).map(|(d, _)| d.quotes.len())));
    group.bench_function("build the index (done by ingest, not the page)", |b| b.iter(|| Index::new(&ds)));
    group.bench_function("select every quote", |b| b.iter(|| query::select(&ds, &index, &quotes).quotes.len()));
    group.bench_function("select the busiest actor", |b| b.iter(|| query::select(&ds, &index, &one_actor).quotes.len()));
    group.finish();
}

criterion_group!(benches, polnear_train, page_start_up);
criterion_main!(benches);
