//! `newsline`: turn a pile of news articles into a static site that shows who said what
//! and when, serve it, or write the dataset JSON.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use newsline::cli::{self, serve, site, Inputs};
use newsline::{corpus, dataset};

/// Extraction allocates many small, short-lived strings and vectors per article;
/// mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "newsline", version, about = "Who said what and when, from news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The corpus flags `build`, `serve` and `ingest` share.
#[derive(clap::Args, Clone)]
struct CorpusArgs {
    /// Publication date for articles that have none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Keep only the sentences around quotes and events, not whole articles: for corpora
    /// whose full texts may not be republished.
    #[arg(long)]
    excerpts: bool,
    /// Which columns of a CSV/TSV export hold what, when the usual names do not fit:
    /// `text=story,date=pubdate` (fields: id, text, date, title, url, outlet, byline).
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    columns: Option<newsline::corpus::Columns>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the static site for a corpus: the explorer page and the story's data.
    Build {
        /// Files or folders: .txt articles (a folder's newsline.toml gives outlet, URL, date
        /// and title), .jsonl records.
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// The folder to write the site into.
        #[arg(short, long)]
        output: PathBuf,
        /// The path the site will live under on its host, such as /newsline/.
        #[arg(long, default_value = "/")]
        base: String,
        /// The site's title (else the manifest's `title`, else "Newsline").
        #[arg(long)]
        title: Option<String>,
        /// Write into a folder that holds other files.
        #[arg(long)]
        force: bool,
        /// The inputs are analyses written by `newsline extract` (read in the order given),
        /// not articles: the second step of a distributed ingest.
        #[arg(long)]
        from_analyses: bool,
        /// Split the story into parts the page fetches as a view needs them (the default
        /// above a few megabytes of story).
        #[arg(long, conflicts_with = "embed")]
        shards: bool,
        /// Keep the whole story in one file the page reads at once (the default for small
        /// corpora).
        #[arg(long)]
        embed: bool,
        #[command(flatten)]
        corpus_args: CorpusArgs,
    },
    /// Serve a site (or build a corpus into a temporary site first) on this machine.
    Serve {
        /// A site built by `newsline build`, or a corpus to build.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// The sub-path to serve under (default: the one the site was built for, or /).
        #[arg(long)]
        base: Option<String>,
        /// The site's title, when a corpus is built.
        #[arg(long)]
        title: Option<String>,
        /// Open the page in the default browser.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        corpus_args: CorpusArgs,
    },
    /// Read JSONL records on standard input and write one analysis per article on standard
    /// output, for `build --from-analyses` to merge: the first step of an ingest that runs
    /// on many machines (Spark's RDD.pipe, Hadoop streaming, GNU parallel).
    Extract {
        /// Publication date for articles that have none (YYYY-MM-DD), as `build --date`.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
    },
    /// Download the pages of a list of links (one per line) into a folder, politely, for
    /// `build` to read; a second run fetches only what is still missing.
    Fetch {
        /// The link list.
        links: PathBuf,
        /// The folder to save the pages and their log (newsline-fetch.jsonl) into.
        #[arg(short, long)]
        output: PathBuf,
        /// Seconds between two requests to the same host (robots.txt may ask for more).
        #[arg(long, default_value_t = 1.0)]
        delay: f64,
        /// Retries of a link that gets 429, 5xx or no answer.
        #[arg(long, default_value_t = 3)]
        retries: u32,
        /// Seconds before the first retry; each next waits twice as long.
        #[arg(long, default_value_t = 2.0)]
        backoff: f64,
        /// Seconds one request may take in all.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// The user agent to send (say who you are and how to reach you).
        #[arg(long)]
        user_agent: Option<String>,
    },
    /// Write the dataset JSON (the contract of docs/dataset.md) for a corpus.
    Ingest {
        /// Files or folders, as for `build`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the dataset JSON; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        corpus_args: CorpusArgs,
    },
    /// Score the extractor on annotated JSONL (PolNeAR quotes, TempEval-3 timexes, MEANTIME actors).
    Eval {
        /// Gold records, as in ../shared/eval/.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Print each extraction rule's precision against the gold, over all the files,
        /// instead of the metrics.
        #[arg(long)]
        by_rule: bool,
    },
}

fn inputs(paths: &[PathBuf], args: &CorpusArgs) -> Inputs {
    Inputs {
        paths: paths.to_vec(),
        date: args.date,
        excerpts: args.excerpts,
        options: newsline::corpus::ReadOptions {
            columns: args.columns.clone().unwrap_or_default(),
        },
    }
}

/// Reads and extracts, printing every problem; `None` (after one clear line) when no
/// article could be read.
fn dataset_for(inputs: &Inputs) -> Option<cli::Built> {
    let (built, errors) = cli::build_dataset(inputs);
    for e in &errors {
        eprintln!("newsline: {e}");
    }
    if built.is_none() {
        let shown: Vec<String> = inputs.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("newsline: no article could be read from {}", shown.join(", "));
    }
    built
}

fn report(built: &cli::Built) {
    let ds = &built.dataset;
    eprintln!(
        "newsline: {} articles ({}), {} quotes, {} events, {} actors; extracted {:.2} MB in {:.3} s ({:.1} MB/s), of which merging the articles took {:.3} s",
        ds.articles.len(),
        built.kinds,
        ds.quotes.len(),
        ds.events.len(),
        ds.actors.len(),
        built.bytes as f64 / 1e6,
        built.seconds,
        built.bytes as f64 / 1e6 / built.seconds.max(1e-9),
        built.merge_seconds,
    );
}

/// Where the articles of a site come from.
#[derive(Clone, Copy)]
enum Origin {
    /// Files to read and extract.
    Corpus,
    /// Analyses `newsline extract` wrote.
    Analyses,
}

/// Builds the site for `inputs` into `output`; false when nothing could be read.
fn build_site(
    inputs: &Inputs,
    origin: Origin,
    output: &Path,
    base: &str,
    title: Option<&str>,
    force: bool,
    packing: site::Packing,
) -> anyhow::Result<bool> {
    let built = match origin {
        Origin::Corpus => dataset_for(inputs),
        Origin::Analyses => {
            let (built, notes) = cli::dataset_from_parts(&inputs.paths, inputs.excerpts)?;
            for note in &notes {
                eprintln!("newsline: {note}");
            }
            (!built.dataset.articles.is_empty()).then_some(built)
        }
    };
    let Some(built) = built else {
        if matches!(origin, Origin::Analyses) {
            eprintln!("newsline: the analyses hold no article");
        }
        return Ok(false);
    };
    report(&built);
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let about = cli::about(&built, title, base, epoch.as_deref(), inputs.excerpts);
    let story = newsline::store::build::build(&built.dataset, about.clone())
        .context("encoding the story")?;
    let (data, sharded) = site::story_files(&story, packing).context("encoding the story")?;
    let written = site::write(output, &about, data, force)?;
    eprintln!(
        "newsline: wrote {} files ({} KB) into {} for {}, {}",
        written.files.len(),
        written.bytes.div_ceil(1024),
        output.display(),
        about.base,
        if sharded {
            "the story in parts the page fetches as views need them"
        } else {
            "the whole story in one file"
        }
    );
    Ok(true)
}

fn build(
    inputs: &Inputs,
    origin: Origin,
    output: &Path,
    base: &str,
    title: Option<&str>,
    force: bool,
    packing: site::Packing,
) -> anyhow::Result<ExitCode> {
    if !build_site(inputs, origin, output, base, title, force, packing)? {
        return Ok(ExitCode::FAILURE);
    }
    eprintln!(
        "newsline: serve it with `newsline serve {}`, or copy the folder to any static host",
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

struct ServeArgs<'a> {
    path: &'a Path,
    port: u16,
    host: std::net::IpAddr,
    base: Option<&'a str>,
    title: Option<&'a str>,
    open: bool,
}

fn serve_command(args: &ServeArgs, corpus_args: &CorpusArgs) -> anyhow::Result<ExitCode> {
    // A site is served as it is; anything else is a corpus, built into a folder that
    // lives as long as the server.
    let marker = site::read_marker(args.path);
    let mut scratch = None;
    let (root, base) = if marker.is_some() || serve::is_servable(args.path) {
        let built_for = marker.map_or_else(|| "/".to_string(), |m| m.base);
        (args.path.to_path_buf(), site::normalise_base(args.base.unwrap_or(&built_for)))
    } else {
        let base = site::normalise_base(args.base.unwrap_or("/"));
        let dir = tempfile::Builder::new()
            .prefix("newsline-site-")
            .tempdir()
            .context("making a folder for the site")?;
        let inputs = inputs(&[args.path.to_path_buf()], corpus_args);
        if !build_site(
            &inputs,
            Origin::Corpus,
            dir.path(),
            &base,
            args.title,
            false,
            site::Packing::Auto,
        )? {
            return Ok(ExitCode::FAILURE);
        }
        let root = dir.path().to_path_buf();
        scratch = Some(dir);
        (root, base)
    };
    let server =
        serve::Server::bind(serve::Options { root, base, host: args.host, port: args.port })?;
    let url = server.url();
    println!("Newsline is serving {} at {url} (Ctrl-C stops it)", args.path.display());
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    if args.open {
        if let Err(e) = opener::open_browser(&url) {
            eprintln!("newsline: could not open a browser ({e}); open {url} yourself");
        }
    }
    server.run()?;
    drop(scratch);
    Ok(ExitCode::SUCCESS)
}

fn extract(date: Option<jiff::civil::Date>) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let done = cli::parts::extract(stdin, stdout, date).context("extracting")?;
    for problem in &done.problems {
        eprintln!("newsline: {problem}");
    }
    eprintln!("newsline: extracted {} articles", done.records);
    Ok(ExitCode::SUCCESS)
}

fn fetch(options: cli::fetch::Options) -> anyhow::Result<ExitCode> {
    let folder = options.folder.display().to_string();
    let summary = cli::fetch::run(options)?;
    for problem in &summary.problems {
        eprintln!("newsline: {problem}");
    }
    eprintln!(
        "newsline: saved {} pages into {folder} ({} fetched before, {} not saved); build it with `newsline build {folder} -o SITE`",
        summary.saved, summary.already, summary.failed
    );
    let nothing = summary.saved + summary.already == 0 && summary.failed > 0;
    Ok(if nothing { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn ingest(inputs: &Inputs, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(built) = dataset_for(inputs) else { return Ok(ExitCode::FAILURE) };
    let ds = &built.dataset;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            write_json(file, ds).with_context(|| format!("writing {}", path.display()))?;
        }
        None => write_json(std::io::stdout().lock(), ds).context("writing to standard output")?,
    }
    report(&built);
    Ok(ExitCode::SUCCESS)
}

/// Streams the dataset's JSON out, rather than building it whole in memory first: a large
/// corpus's JSON is hundreds of megabytes.
fn write_json(out: impl std::io::Write, ds: &dataset::Dataset) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer(&mut out, ds)?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}

fn eval(gold: &[PathBuf], json: bool, by_rule: bool) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    for path in gold {
        let shown = path.display().to_string();
        let bytes = fs::read(path).with_context(|| format!("reading {shown}"))?;
        let read = corpus::read_jsonl(&shown, &bytes);
        for e in &read.problems {
            eprintln!("newsline: {e}");
        }
        let sources = read.sources;
        // The gold annotations of each record, by id (the reader above keeps only the article).
        let text = corpus::decode(&shown, &bytes, None)?.text;
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
    if by_rule {
        let mut rules = newsline::eval::RuleTallies::default();
        for (_, report, _) in &reports {
            for (rule, tally) in &report.rules.0 {
                let sum = rules.0.entry(*rule).or_default();
                sum.decided += tally.decided;
                sum.right += tally.right;
            }
        }
        let files: Vec<String> = reports
            .iter()
            .map(|(file, _, _)| {
                Path::new(file)
                    .file_name()
                    .map_or(file.clone(), |f| f.to_string_lossy().to_string())
            })
            .collect();
        print_rules(&rules, &files, json)?;
        return Ok(ExitCode::SUCCESS);
    }
    if json {
        let out: Vec<serde_json::Value> = reports
            .iter()
            .map(|(file, r, _)| serde_json::json!({
                "file": Path::new(file).file_name().map_or_else(|| file.clone(), |f| f.to_string_lossy().to_string()),
                "records": r.records,
                "quoted": score_json(&r.quoted), "quoted_with_speaker": score_json(&r.quoted_with_speaker()),
                "speaker_accuracy": r.speaker_accuracy(), "all": score_json(&r.all),
                "timex_relaxed": score_json(&r.timex_relaxed), "timex_strict": score_json(&r.timex_strict),
                "timex_value": score_json(&r.timex_value),
                "actor_mentions": score_json(&r.actor_mentions), "alias_pairs": score_json(&r.alias_pairs),
                "actor_kind_accuracy": r.actor_kind_accuracy(),
                "person_mentions": score_json(&r.person_mentions),
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
                ("person mentions", r.person_mentions),
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

/// Each rule's precision: a table in the rule table's order, worst first within a stage,
/// or JSON by rule id (what `data/rule-precision.json` holds).
fn print_rules(
    rules: &newsline::eval::RuleTallies,
    files: &[String],
    json: bool,
) -> anyhow::Result<()> {
    if json {
        let by_id: serde_json::Map<String, serde_json::Value> = rules
            .0
            .iter()
            .map(|(rule, t)| {
                let precision = (t.precision() * 1000.0).round() / 1000.0;
                let figures =
                    serde_json::json!({"decided": t.decided, "right": t.right, "precision": precision});
                (rule.id().to_string(), figures)
            })
            .collect();
        let out = serde_json::json!({ "measured_on": files, "rules": by_id });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    let mut rows: Vec<_> = rules.0.iter().collect();
    rows.sort_by(|(a, x), (b, y)| {
        (a.stage(), x.precision())
            .partial_cmp(&(b.stage(), y.precision()))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    println!("{:<36} {:>7} {:>7} {:>6}  what it says", "rule", "decided", "right", "P");
    for (rule, t) in rows {
        println!(
            "{:<36} {:>7} {:>7} {:>6.1}  {}",
            rule.id(),
            t.decided,
            t.right,
            100.0 * t.precision(),
            rule.says()
        );
    }
    Ok(())
}

fn score_json(s: &newsline::eval::Score) -> serde_json::Value {
    serde_json::json!({"p": s.precision(), "r": s.recall(), "f1": s.f1(), "matched": s.matched, "predicted": s.predicted, "gold": s.gold})
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    newsline::dates::parse_day(s)
        .ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build {
            corpus,
            output,
            base,
            title,
            force,
            from_analyses,
            shards,
            embed,
            corpus_args,
        } => {
            let origin = if *from_analyses { Origin::Analyses } else { Origin::Corpus };
            let packing = match (shards, embed) {
                (true, _) => site::Packing::Shards,
                (_, true) => site::Packing::Embed,
                _ => site::Packing::Auto,
            };
            let inputs = inputs(corpus, corpus_args);
            build(&inputs, origin, output, base, title.as_deref(), *force, packing)
        }
        Command::Extract { date } => extract(*date),
        Command::Serve { path, port, host, base, title, open, corpus_args } => serve_command(
            &ServeArgs {
                path,
                port: *port,
                host: *host,
                base: base.as_deref(),
                title: title.as_deref(),
                open: *open,
            },
            corpus_args,
        ),
        Command::Ingest { paths, output, corpus_args } => {
            ingest(&inputs(paths, corpus_args), output.as_deref())
        }
        Command::Fetch { links, output, delay, retries, backoff, timeout, user_agent } => {
            fetch(cli::fetch::Options {
                links: links.clone(),
                folder: output.clone(),
                delay: *delay,
                retries: *retries,
                backoff: *backoff,
                timeout: *timeout,
                user_agent: user_agent.clone().unwrap_or_else(cli::fetch::default_user_agent),
            })
        }
        Command::Eval { gold, json, by_rule } => eval(gold, *json, *by_rule),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsline: {e:#}");
            ExitCode::FAILURE
        }
    }
}
