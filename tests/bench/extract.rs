//! Extraction throughput in MB/s on one core, and the page's start-up work natively
//! (decoding the story file, building the filter index, the first selection):
//! `cargo bench --bench extract`. Reads `../shared/eval/polnear_train.jsonl`
//! (840 articles, about 3.9 MB of text); the title-case article is made here. It
//! allocates as the CLI does, with mimalloc, so that it times the extractor the CLI runs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsline::corpus::read_jsonl;
use newsline::extract::analyze;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn polnear_train(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear_train.jsonl");
    let bytes = std::fs::read(path).expect("../shared/eval/polnear_train.jsonl");
    let sources = read_jsonl(path, &bytes).sources;
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.bench_function("polnear_train", |b| {
        b.iter(|| sources.iter().map(|s| analyze(&s.text, s.date).quotes.len()).sum::<usize>());
    });
    group.bench_function("polnear_train, tagging time expressions only", |b| {
        b.iter(|| {
            sources
                .iter()
                .map(|s| newsline::extract::time_expressions(&s.text, s.date).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

/// One article of 2,000 title-case lines, each naming other people: headline names are
/// confirmed against the body's, which must stay linear however many headlines there are.
fn title_case_lines(c: &mut Criterion) {
    const FIRST: [&str; 10] =
        ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"];
    const LAST: [&str; 10] = [
        "Abbott", "Baker", "Castro", "Dalton", "Evans", "Fischer", "Garcia", "Hughes", "Ito",
        "Jensen",
    ];
    let text: String = (0..2000)
        .map(|k| {
            format!(
                "Insider Poll: {} {} Says {} {} Will Win The Iowa Caucus\n",
                FIRST[k % 10],
                LAST[k / 10 % 10],
                FIRST[k / 100 % 10],
                LAST[k % 7]
            )
        })
        .collect();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("one article of 2,000 title-case lines", |b| {
        b.iter(|| analyze(&text, None).actors.len());
    });
    group.finish();
}

fn page_start_up(c: &mut Criterion) {
    use newsline::dataset;
    use newsline::query::{engine, State, View};
    use newsline::store::{self, build::build, catalog::Catalog};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear_train.jsonl");
    let bytes = std::fs::read(path).expect("../shared/eval/polnear_train.jsonl");
    let sources = read_jsonl(path, &bytes).sources;
    let story = build(&dataset::build(sources), store::About::default()).expect("the story");
    let embedded = store::encode(&story.manifest, &story.parts).expect("encodes");
    let manifest_only = store::encode(&story.manifest, &[]).expect("encodes");
    let catalog = Catalog::new(story.manifest.clone(), story.parts.clone());
    let quotes = State { view: View::Quotes, ..State::default() };
    let busiest = story.manifest.top_actors[0].id.clone();
    let one_actor = newsline::query::toggle_actor(&quotes, &busiest);
    let mut group = c.benchmark_group("page start-up, polnear_train");
    group.sample_size(10);
    group.bench_function("decode the embedded story (manifest and parts)", |b| {
        b.iter(|| store::decode(&embedded).map(|(_, parts)| parts.len()));
    });
    group.bench_function("decode a sharded story's manifest", |b| {
        b.iter(|| store::decode(&manifest_only).map(|(m, _)| m.quotes));
    });
    group.bench_function("answer the unfiltered quote list", |b| {
        b.iter(|| engine::answer(&catalog, &quotes).cards.total);
    });
    group.bench_function("answer the busiest actor", |b| {
        b.iter(|| engine::answer(&catalog, &one_actor).cards.total);
    });
    group.finish();
}

criterion_group!(benches, polnear_train, title_case_lines, page_start_up);
criterion_main!(benches);
