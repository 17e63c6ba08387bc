//! The command-line tool's parts that touch the outside world (feature `cli`): reading
//! corpora from the file system ([`input`]), extracting on every core, writing the
//! static site ([`site`], with its [`csp`]) and serving it ([`serve`]). The binary
//! (`src/bin/newsline.rs`) parses the flags and calls these.

pub mod csp;
pub mod fetch;
pub mod input;
pub mod parts;
pub mod serve;
pub mod site;

use std::path::PathBuf;
use std::time::Instant;

use jiff::civil::Date;

use crate::dataset::{self, Dataset};
use crate::extract::Analysis;
use crate::store::About;

/// What `build`, `serve` and `ingest` share: the corpus read, extracted and merged.
pub struct Built {
    pub dataset: Dataset,
    pub corpus: input::Corpus,
    /// Seconds spent extracting and merging, and merging alone.
    pub seconds: f64,
    pub merge_seconds: f64,
    /// Bytes of article text extracted.
    pub bytes: usize,
    /// "3 web pages, 12 feed items": the articles by kind of input.
    pub kinds: String,
}

/// How to turn paths into a dataset.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub paths: Vec<PathBuf>,
    /// The publication date of articles that give none.
    pub date: Option<Date>,
    /// Keep only the sentences around what was found.
    pub excerpts: bool,
    /// How the readers read (what a table's columns mean).
    pub options: crate::corpus::ReadOptions,
}

/// Reads, extracts and merges. `None` when no article could be read; every problem is in
/// `corpus.errors` either way, for the caller to print.
pub fn build_dataset(inputs: &Inputs) -> (Option<Built>, Vec<String>) {
    let mut corpus = input::read(&inputs.paths, &inputs.options);
    let errors = std::mem::take(&mut corpus.errors);
    if corpus.sources.is_empty() {
        return (None, errors);
    }
    for source in &mut corpus.sources {
        if source.date.is_none() {
            source.date = inputs.date;
        }
    }
    let kinds = corpus.kinds();
    let sources = std::mem::take(&mut corpus.sources);
    let started = Instant::now();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let (ds, merge_seconds) = extract_and_merge(sources);
    let seconds = started.elapsed().as_secs_f64();
    let dataset = if inputs.excerpts { crate::excerpts::excerpts_only(ds) } else { ds };
    (Some(Built { dataset, corpus, seconds, merge_seconds, bytes, kinds }), errors)
}

/// The dataset of analyses that `newsline extract` wrote, merged as [`build_dataset`]
/// merges what it extracts itself.
///
/// # Errors
/// A part that cannot be read, is not an analysis or comes from another version.
pub fn dataset_from_parts(
    paths: &[PathBuf],
    excerpts: bool,
) -> Result<(Built, Vec<String>), parts::PartsError> {
    let (sources, analyses, notes) = parts::read_parts(paths)?;
    let mut corpus = input::Corpus { newest: newest_of(paths), ..input::Corpus::default() };
    corpus.sources = sources;
    let kinds = corpus.kinds();
    let sources = std::mem::take(&mut corpus.sources);
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let started = Instant::now();
    let ds = rayon::scope(|_| dataset::assemble(sources, analyses));
    let seconds = started.elapsed().as_secs_f64();
    let dataset = if excerpts { crate::excerpts::excerpts_only(ds) } else { ds };
    Ok((Built { dataset, corpus, seconds, merge_seconds: seconds, bytes, kinds }, notes))
}

/// The newest modification time among `paths`.
fn newest_of(paths: &[PathBuf]) -> Option<std::time::SystemTime> {
    paths.iter().filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok()).max()
}

/// Extracts every article, then merges them, and gives the seconds the merge took. Both
/// run on the thread pool (`rayon::scope`, unlike `in_place_scope`, runs its closure
/// there), so that the merge frees each analysis on a thread whose heap made it.
fn extract_and_merge(sources: Vec<crate::corpus::Source>) -> (Dataset, f64) {
    rayon::scope(|_| {
        let analyses = analyze_all(&sources);
        let merging = Instant::now();
        let ds = dataset::assemble(sources, analyses);
        (ds, merging.elapsed().as_secs_f64())
    })
}

/// Runs the extractor on every core, with a progress bar on a terminal.
fn analyze_all(sources: &[crate::corpus::Source]) -> Vec<Analysis> {
    use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
    use rayon::prelude::*;
    let bar = ProgressBar::new(sources.len() as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed} (eta {eta})")
    {
        bar.set_style(style);
    }
    let analyses = sources
        .par_iter()
        .progress_with(bar.clone())
        .map(|s| crate::extract::analyze(&s.text, s.date))
        .collect();
    bar.finish_and_clear();
    analyses
}

/// The site's description of itself.
pub fn about(
    built: &Built,
    title: Option<&str>,
    base: &str,
    source_date_epoch: Option<&str>,
    excerpts: bool,
) -> About {
    About {
        title: title
            .map(str::to_string)
            .or_else(|| built.corpus.title.clone())
            .unwrap_or_else(|| "Newsline".to_string()),
        built: site::build_time(source_date_epoch, built.corpus.newest),
        generator: format!("newsline {}", env!("CARGO_PKG_VERSION")),
        base: site::normalise_base(base),
        excerpts,
        accuracy: accuracy(),
    }
}

/// The extractor's headline figures, from `data/accuracy.json`: the output of
/// `newsline eval --json` on the annotated dev sets, which `tests/eval.rs` checks is current.
pub fn accuracy() -> Vec<crate::store::Figure> {
    let reports: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../data/accuracy.json")).unwrap_or_default();
    let report = |file: &str| reports.iter().find(|r| r["file"] == file);
    let picks = [
        ("polnear_dev.jsonl", "/quoted/f1", "quotes found (F1)", "PolNeAR news, dev split"),
        (
            "polnear_dev.jsonl",
            "/speaker_accuracy",
            "right speaker, of the quotes found",
            "PolNeAR news, dev split",
        ),
        (
            "polnear_dev.jsonl",
            "/all/f1",
            "all attributions, reported speech too (F1)",
            "PolNeAR news, dev split",
        ),
        (
            "meantime_dev.jsonl",
            "/actor_mentions/f1",
            "named actors found (F1)",
            "MEANTIME news, dev split",
        ),
        (
            "timebank.jsonl",
            "/timex_value/f1",
            "dates resolved to the right value (F1)",
            "TempEval-3 TimeBank",
        ),
    ];
    picks
        .iter()
        .filter_map(|&(file, pointer, what, data)| {
            let value = report(file)?.pointer(pointer)?.as_f64()?;
            let value = if pointer == "/speaker_accuracy" {
                format!("{:.1}%", 100.0 * value)
            } else {
                format!("{:.1}", 100.0 * value)
            };
            Some(crate::store::Figure { what: what.to_string(), value, data: data.to_string() })
        })
        .collect()
}
