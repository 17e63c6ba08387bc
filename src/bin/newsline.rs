//! `newsline`: ingest a corpus into the dataset JSON, or into the blob the page embeds.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use newsline::corpus::{self, Manifest, ReadError, Source};
use newsline::dataset;

/// Extraction allocates many small, short-lived strings and vectors per article;
/// mimalloc serves them faster than the system allocator (README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "newsline", version, about = "Who said what and when, from news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read .txt files, folders of them and .jsonl files; write one dataset.
    Ingest {
        /// Files or folders. A folder's `newsline.toml` manifest supplies outlet, URL and date.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the dataset JSON; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write the compact form that the page embeds.
        #[arg(long)]
        blob: Option<PathBuf>,
        /// Publication date for articles that have none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Keep only the sentences around quotes and events, not whole articles, in both
        /// outputs: for corpora whose full texts may not be republished.
        #[arg(long)]
        excerpts: bool,
    },
    /// Give a built page (dist/index.html) a strict Content-Security-Policy, in place.
    Csp {
        /// The page to secure.
        page: PathBuf,
    },
    /// Score the extractor on annotated JSONL (PolNeAR quotes, TempEval-3 timexes).
    Eval {
        /// Gold records, as in ../shared/eval/.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn eval(gold: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    for path in gold {
        let shown = path.display().to_string();
        let bytes = fs::read(path).with_context(|| format!("reading {shown}"))?;
        let (sources, errors) = corpus::read_jsonl(&shown, &bytes);
        for e in &errors {
            eprintln!("newsline: {e}");
        }
        // The gold annotations of each record, by id (the reader above keeps only the article).
        let text = corpus::decode(&shown, &bytes)?;
        let records: std::collections::HashMap<String, serde_json::Value> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|r| Some((r.get("id")?.as_str()?.to_string(), r)))
            .collect();
        let mut report = newsline::eval::Report::default();
        let started = std::time::Instant::now();
        let mut bytes_done = 0usize;
        for source in sources {
            let Some(record) = records.get(&source.id) else { continue };
            bytes_done += source.text.len();
            let ds = dataset::build(vec![source]);
            newsline::eval::score_record(record, &ds, &mut report);
        }
        let seconds = started.elapsed().as_secs_f64();
        reports.push((shown, report, bytes_done as f64 / 1e6 / seconds.max(1e-9)));
    }
    if json {
        let out: Vec<serde_json::Value> = reports
            .iter()
            .map(|(file, r, mbps)| serde_json::json!({
                "file": file, "records": r.records, "mb_per_s": mbps,
                "quoted": score_json(&r.quoted), "quoted_with_speaker": score_json(&r.quoted_with_speaker()),
                "speaker_accuracy": r.speaker_accuracy(), "all": score_json(&r.all),
                "timex_relaxed": score_json(&r.timex_relaxed), "timex_strict": score_json(&r.timex_strict),
                "timex_value": score_json(&r.timex_value),
                "actor_mentions": score_json(&r.actor_mentions), "alias_pairs": score_json(&r.alias_pairs),
                "actor_kind_accuracy": r.actor_kind_accuracy(),
            }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<28} {:<22} {:>6} {:>6} {:>6} {:>7} {:>7}",
        "file", "metric", "P", "R", "F1", "pred", "gold"
    );
    for (file, r, mbps) in &reports {
        let name =
            Path::new(file).file_name().map_or(file.clone(), |f| f.to_string_lossy().to_string());
        // The metrics this file has gold for.
        let mut rows: Vec<(&str, newsline::eval::Score)> = Vec::new();
        if r.quoted.gold + r.all.gold > 0 {
            rows.extend([
                ("quoted", r.quoted),
                ("quoted, speaker right", r.quoted_with_speaker()),
                ("all attributions", r.all),
            ]);
        }
        if r.actor_mentions.gold > 0 {
            rows.extend([
                ("actor mentions", r.actor_mentions),
                ("alias merge pairs", r.alias_pairs),
            ]);
        }
        if r.timex_relaxed.gold > 0 {
            rows.extend([
                ("timex relaxed", r.timex_relaxed),
                ("timex strict", r.timex_strict),
                ("timex value", r.timex_value),
            ]);
        }
        for (metric, s) in rows {
            println!(
                "{name:<28} {metric:<22} {:>6.1} {:>6.1} {:>6.1} {:>7} {:>7}",
                100.0 * s.precision(),
                100.0 * s.recall(),
                100.0 * s.f1(),
                s.predicted,
                s.gold
            );
        }
        if r.quoted.gold > 0 {
            println!(
                "{name:<28} {:<22} {:>6.1}%",
                "speaker accuracy",
                100.0 * r.speaker_accuracy()
            );
        }
        if r.actor_mentions.gold > 0 {
            println!(
                "{name:<28} {:<22} {:>6.1}%",
                "actor kind accuracy",
                100.0 * r.actor_kind_accuracy()
            );
        }
        // Extraction, a one-article dataset and scoring, record by record: not `ingest`'s rate.
        println!(
            "{name:<28} {:<22} {:>6.2} MB/s ({} records)",
            "extracted and scored", mbps, r.records
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn secure_page(page: &Path) -> anyhow::Result<ExitCode> {
    let html = fs::read_to_string(page).with_context(|| format!("reading {}", page.display()))?;
    let secured =
        newsline::csp::secure(&html).with_context(|| format!("securing {}", page.display()))?;
    fs::write(page, secured).with_context(|| format!("writing {}", page.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn score_json(s: &newsline::eval::Score) -> serde_json::Value {
    serde_json::json!({"p": s.precision(), "r": s.recall(), "f1": s.f1(), "matched": s.matched, "predicted": s.predicted, "gold": s.gold})
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    corpus::parse_date(s).ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

/// Files larger than this are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Collects articles from the given paths, reporting every unreadable file and going on.
#[derive(Default)]
struct Reader {
    sources: Vec<Source>,
    errors: Vec<String>,
    visited: HashSet<PathBuf>,
    /// Which file each id came from, to name both when two files share an id.
    ids: HashMap<String, String>,
}

impl Reader {
    /// Keeps a source; an id another file already used gets a suffix, so none is lost.
    fn add(&mut self, mut source: Source, origin: &str) {
        if let Some(first) = self.ids.get(&source.id) {
            let renamed = corpus::unique_id(&source.id, |c| self.ids.contains_key(c));
            self.errors.push(format!(
                "{origin}: id {:?} is already used by {first}; kept as {renamed:?}",
                source.id
            ));
            source.id = renamed;
        }
        self.ids.insert(source.id.clone(), origin.to_string());
        self.sources.push(source);
    }

    fn read_path(&mut self, path: &Path, manifest: Option<&Manifest>) {
        let shown = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.errors.push(format!("{shown}: {e}")),
        };
        if meta.is_dir() {
            return self.read_dir(path);
        }
        if meta.len() > MAX_FILE_BYTES {
            return self.errors.push(format!(
                "{shown}: {} bytes is over the {} MB limit",
                meta.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ));
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.errors.push(format!("{shown}: {e}")),
        };
        let file_name =
            path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let (sources, errors) = corpus::read_jsonl(&shown, &bytes);
            for source in sources {
                self.add(source, &shown);
            }
            self.errors.extend(errors.iter().map(ReadError::to_string));
            return;
        }
        let stem = path.file_stem().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        match corpus::read_txt(&shown, &stem, &bytes) {
            Ok(mut source) => {
                if let Some(m) = manifest {
                    m.apply(&file_name, &mut source);
                }
                self.add(source, &shown);
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    fn read_dir(&mut self, dir: &Path) {
        let shown = dir.display().to_string();
        // A folder reached twice (a symlink loop) is read once.
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited.insert(canonical) {
            return self
                .errors
                .push(format!("{shown}: folder already read (a link loop?); skipped"));
        }
        let manifest_path = dir.join(corpus::MANIFEST_NAME);
        let manifest = match fs::read(&manifest_path) {
            Ok(bytes) => {
                match corpus::read_manifest(&manifest_path.display().to_string(), &bytes) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        self.errors.push(e.to_string());
                        None
                    }
                }
            }
            Err(_) => None,
        };
        let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => return self.errors.push(format!("{shown}: {e}")),
        };
        entries.sort();
        if let Some(m) = &manifest {
            for entry in &m.articles {
                if !dir.join(&entry.file).exists() {
                    self.errors.push(format!(
                        "{}: names {:?}, which is not in the folder",
                        manifest_path.display(),
                        entry.file
                    ));
                }
            }
        }
        for path in entries {
            let wanted =
                path.is_dir() || path.extension().is_some_and(|e| e == "txt" || e == "jsonl");
            if wanted {
                self.read_path(&path, manifest.as_ref());
            }
        }
    }
}

/// Extracts every article, then merges them, and gives the seconds the merge took. Both
/// run on the thread pool (`rayon::scope`, unlike `in_place_scope`, runs its closure there),
/// so that the merge frees each analysis on a thread whose heap made it, and on one core
/// on that very one: mimalloc then lays the dataset out in the freed memory rather than in
/// fresh pages, which cost a page fault each (README, "Performance").
fn extract_and_merge(sources: Vec<Source>) -> (dataset::Dataset, f64) {
    rayon::scope(|_| {
        let analyses = analyze_all(&sources);
        let merging = std::time::Instant::now();
        let ds = dataset::assemble(sources, analyses);
        (ds, merging.elapsed().as_secs_f64())
    })
}

/// Runs the extractor on every core, with a progress bar on a terminal.
fn analyze_all(sources: &[Source]) -> Vec<newsline::extract::Analysis> {
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
        .map(|s| newsline::extract::analyze(&s.text, s.date))
        .collect();
    bar.finish_and_clear();
    analyses
}

fn ingest(
    paths: &[PathBuf],
    output: Option<&Path>,
    blob: Option<&Path>,
    date: Option<jiff::civil::Date>,
    excerpts: bool,
) -> anyhow::Result<ExitCode> {
    let mut reader = Reader::default();
    for path in paths {
        reader.read_path(path, None);
    }
    for e in &reader.errors {
        eprintln!("newsline: {e}");
    }
    if reader.sources.is_empty() {
        eprintln!("newsline: no article could be read");
        return Ok(ExitCode::FAILURE);
    }
    for source in &mut reader.sources {
        if source.date.is_none() {
            source.date = date;
        }
    }
    let started = std::time::Instant::now();
    let bytes: usize = reader.sources.iter().map(|s| s.text.len()).sum();
    let articles = reader.sources.len();
    let (ds, merge_seconds) = extract_and_merge(reader.sources);
    let seconds = started.elapsed().as_secs_f64();
    let ds = if excerpts { newsline::excerpts::excerpts_only(ds) } else { ds };
    match output {
        Some(path) => {
            let file =
                fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
            write_json(file, &ds).with_context(|| format!("writing {}", path.display()))?;
        }
        None => write_json(std::io::stdout().lock(), &ds).context("writing to standard output")?,
    }
    if let Some(path) = blob {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let blob = newsline::page::encode(&ds).context("encoding the page's dataset")?;
        fs::write(path, blob).with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!(
        "newsline: {articles} articles, {} quotes, {} events, {} actors; extracted {:.2} MB in {:.3} s ({:.1} MB/s), of which merging the articles took {:.3} s",
        ds.quotes.len(),
        ds.events.len(),
        ds.actors.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds.max(1e-9),
        merge_seconds,
    );
    Ok(ExitCode::SUCCESS)
}

/// Streams the dataset's JSON out, rather than building it whole in memory first: a large
/// corpus's JSON is hundreds of megabytes.
fn write_json(out: impl Write, ds: &dataset::Dataset) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer(&mut out, ds)?;
    out.flush()?;
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Ingest { paths, output, blob, date, excerpts } => {
            ingest(paths, output.as_deref(), blob.as_deref(), *date, *excerpts)
        }
        Command::Eval { gold, json } => eval(gold, *json),
        Command::Csp { page } => secure_page(page),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
