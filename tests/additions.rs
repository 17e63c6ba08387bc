//! The page's worker joins a reader's articles to a published story (`newsline::additions`).
//! Held here to what the CLI writes for the published corpus's files plus the added ones:
//! the same site, byte for byte, and the same dataset JSON.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use newsline::additions::{self, Added};
use newsline::store::catalog::Catalog;
use newsline::store::site::{gunzip, Marker, MARKER};

fn newsline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsline"))
}

fn here(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("newsline-additions-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(mut command: Command) {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Every file of the site in `dir`, by path, as its marker lists them.
fn site_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let marker: Marker = serde_json::from_slice(&fs::read(dir.join(MARKER)).unwrap()).unwrap();
    marker.files.iter().map(|f| (f.clone(), fs::read(dir.join(f)).unwrap())).collect()
}

#[test]
fn a_published_story_plus_added_files_is_what_the_cli_builds_from_both() {
    let work = scratch("join");
    let published = work.join("published");
    let mut build = newsline();
    build.env("SOURCE_DATE_EPOCH", "1500000000").arg("build").arg(here("data/seeds"));
    build.arg("-o").arg(&published).args(["--base", "/n/"]);
    run(build);

    // Files a reader adds: a saved page, a feed, and JSONL records, one of which takes an
    // id the published corpus already has.
    let jsonl = work.join("mine.jsonl");
    fs::write(
        &jsonl,
        concat!(
            r#"{"id":"000_e9028ea305dede4c","date":"2017-01-25","outlet":"Mine","text":"“It was rubbish,” Jane Roe said on Tuesday."}"#,
            "\n",
            r#"{"id":"roe-2","date":"2017-01-26","text":"Jane Roe said the figures were wrong."}"#,
            "\n"
        ),
    )
    .unwrap();
    let files = [
        here("tests/fixtures/inputs/page-ap.html"),
        here("tests/fixtures/inputs/feed-nbcnewyork.xml"),
        jsonl.clone(),
    ];
    let modified = 1_600_000_000;

    // What the worker does, from the published site's own files.
    let story = gunzip(&fs::read(published.join("data/story.bin")).unwrap()).unwrap();
    let (manifest, parts) = newsline::store::decode(&story).unwrap();
    let catalog = Catalog::new(manifest, parts);
    let mut added = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let (sources, problems) = additions::read(&name, &name, &fs::read(file).unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        added.extend(sources.into_iter().map(|source| Added {
            origin: name.clone(),
            modified,
            source,
        }));
    }
    let (sources, notes) = additions::join(additions::published_sources(&catalog).unwrap(), &added);
    assert_eq!(notes.len(), 1, "the repeated id is named: {notes:?}");
    assert!(notes[0].contains("kept as \"000_e9028ea305dede4c#2\""), "{notes:?}");
    let ds = newsline::dataset::build(sources);
    let about = additions::about(&catalog.manifest.about, &added);
    assert_eq!(about.built, "2020-09-13T12:26:40Z", "the newest input's time");
    let page: Vec<(String, Vec<u8>)> = site_files(&published)
        .into_iter()
        .filter(|(f, _)| !f.starts_with("data/") && f != MARKER)
        .collect();
    let joined = additions::site(&ds, &about, page).unwrap();

    // What the CLI writes for the same files.
    let cli = work.join("cli");
    let mut build = newsline();
    build.env("SOURCE_DATE_EPOCH", modified.to_string()).arg("build").arg(here("data/seeds"));
    build.args(&files).arg("-o").arg(&cli).args(["--base", "/n/"]);
    run(build);
    let mut want = site_files(&cli);
    let mut got = joined;
    want.sort();
    got.sort();
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want));
    for ((name, got), (_, want)) in got.iter().zip(&want) {
        assert!(got == want, "{name} differs from the CLI's");
    }

    let json = work.join("cli.json");
    let mut ingest = newsline();
    ingest.arg("ingest").arg(here("data/seeds")).args(&files).arg("-o").arg(&json);
    run(ingest);
    assert!(additions::dataset_json(&ds) == fs::read(&json).unwrap(), "the dataset JSON differs");
    assert!(ds.quotes.iter().any(|q| &*q.article == "000_e9028ea305dede4c#2"));
    let _ = fs::remove_dir_all(&work);
}

#[test]
fn a_paste_of_records_is_read_as_jsonl_and_anything_else_by_its_bytes() {
    let records = b"\n{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
    assert_eq!(additions::pasted_name("pasted-1", records), "pasted-1.jsonl");
    let (sources, problems) = additions::read("pasted", "pasted-1.jsonl", records);
    assert_eq!((sources.len(), problems.len()), (2, 0));
    assert_eq!(
        additions::pasted_name("pasted-2", b"date 2017-01-24\n{braces} in text"),
        "pasted-2"
    );
    assert_eq!(additions::pasted_name("pasted-3", b"<!doctype html><html></html>"), "pasted-3");
    assert_eq!(additions::pasted_name("pasted-4", b"{not json"), "pasted-4");
    let long = format!("{{\"id\": \"c\", \"text\": \"{}\"}}\n", "word ".repeat(40_000));
    assert_eq!(
        additions::pasted_name("pasted-5", long.as_bytes()),
        "pasted-5.jsonl",
        "a long first record"
    );
}
