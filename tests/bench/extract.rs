//! Extraction throughput in MB/s on one core: `cargo bench --bench extract`.
//! Reads `../shared/eval/polnear_train.jsonl` (840 articles, about 3.9 MB of text).

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

criterion_group!(benches, polnear_train);
criterion_main!(benches);
