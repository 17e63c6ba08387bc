//! `newsline ingest` on bad input: every problem is one line on standard error that
//! names the file and the byte or line, the other files are still processed, and the
//! exit code is non-zero only when nothing usable remains.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh folder under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("newsline-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn ingest(paths: &[&Path]) -> (Output, String, Value) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_newsline")).arg("ingest").args(paths).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let ds = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, stderr, ds)
}

fn ids(ds: &Value) -> Vec<String> {
    ds["articles"]
        .as_array()
        .map(|a| a.iter().map(|x| x["id"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

const GOOD: &[u8] = "date 2017-01-24 “Fine,” Jane Doe said.".as_bytes();

#[test]
fn each_bad_text_file_is_named_with_its_place_and_other_encodings_are_read() {
    let dir = Scratch::new("bad");
    dir.file("empty.txt", b"");
    dir.file("latin.txt", b"Caf\xE9 society, na\xEFve, Jane Doe said.");
    dir.file("utf16.txt", b"\xFF\xFEh\0i\0");
    dir.file("binary.txt", b"GIF89a\x01\x00\x00\x00");
    dir.file("good.txt", GOOD);
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.contains(" quotes, ")).collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("binary.txt: byte 7: binary data"), "{stderr}");
    // Not refused: decoded, and the report says how.
    assert!(
        stderr.contains("latin.txt: decoded as windows-1252 (guessed: the file is not UTF-8)"),
        "{stderr}"
    );
    assert!(stderr.contains("utf16.txt: decoded as UTF-16LE (byte-order mark)"), "{stderr}");
    assert_eq!(ids(&ds), ["good", "latin", "utf16"]);
    let latin = ds["articles"].as_array().unwrap().iter().find(|a| a["id"] == "latin").unwrap();
    assert_eq!(latin["text"], "Café society, naïve, Jane Doe said.");
    assert!(stderr.contains("3 articles (3 text files)"), "{stderr}");
}

#[test]
fn nothing_usable_is_a_failure() {
    let dir = Scratch::new("none");
    let empty = dir.file("empty.txt", b"");
    let (out, stderr, _) = ingest(&[&empty, &dir.0.join("missing.txt")]);
    assert!(!out.status.success());
    assert!(stderr.contains("missing.txt: No such file"), "{stderr}");
    assert!(stderr.contains("no article could be read"), "{stderr}");
}

#[test]
fn oversized_files_are_refused_without_reading_them() {
    let dir = Scratch::new("big");
    let big = dir.0.join("big.txt");
    fs::File::create(&big).unwrap().set_len(51 * 1024 * 1024).unwrap();
    let good = dir.file("good.txt", GOOD);
    let (out, stderr, ds) = ingest(&[&big, &good]);
    assert!(out.status.success());
    assert!(stderr.contains("big.txt: 53477376 bytes is over the 50 MB limit"), "{stderr}");
    assert_eq!(ids(&ds), ["good"]);
}

#[cfg(unix)]
#[test]
fn a_directory_loop_is_read_once() {
    let dir = Scratch::new("loop");
    dir.file("good.txt", GOOD);
    std::os::unix::fs::symlink(&dir.0, dir.0.join("again")).unwrap();
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success());
    assert!(stderr.contains("again: folder already read"), "{stderr}");
    assert_eq!(ids(&ds), ["good"]);
}

#[test]
fn jsonl_problems_are_named_by_line_and_no_record_is_lost() {
    let dir = Scratch::new("jsonl");
    let file = dir.file(
        "a.jsonl",
        b"{\"id\":\"a\",\"text\":\"One.\"}\n{not json\n{\"id\":\"b\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n",
    );
    let (out, stderr, ds) = ingest(&[&file]);
    assert!(out.status.success());
    assert!(stderr.contains("a.jsonl:2: not a JSON record"), "{stderr}");
    assert!(stderr.contains("a.jsonl:3: record \"b\" has no \"text\""), "{stderr}");
    assert!(
        stderr.contains(
            "a.jsonl:4: duplicate id \"a\" (first on line 1); this record is kept as \"a#2\""
        ),
        "{stderr}"
    );
    assert_eq!(ids(&ds), ["a", "a#2"]);
}

#[test]
fn the_same_id_in_two_files_keeps_both() {
    let one = Scratch::new("dup1");
    let two = Scratch::new("dup2");
    let a = one.file("same.txt", GOOD);
    let b = two.file("same.txt", b"Other text.");
    let (out, stderr, ds) = ingest(&[&a, &b]);
    assert!(out.status.success());
    assert!(stderr.contains("id \"same\" is already used by"), "{stderr}");
    assert_eq!(ids(&ds), ["same", "same#2"]);
    assert_eq!(ds["articles"][1]["text"], "Other text.");
}

#[test]
fn a_manifest_naming_missing_files_is_reported() {
    let dir = Scratch::new("manifest");
    dir.file("good.txt", GOOD);
    dir.file("newsline.toml", b"[[article]]\nfile = \"gone.txt\"\noutlet = \"X\"\n\n[[article]]\nfile = \"good.txt\"\noutlet = \"Herald\"\n");
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success());
    assert!(
        stderr.contains("newsline.toml: names \"gone.txt\", which is not in the folder"),
        "{stderr}"
    );
    assert_eq!(ds["articles"][0]["outlet"], "Herald");
}

#[test]
fn a_broken_manifest_names_the_byte_and_the_articles_still_load() {
    let dir = Scratch::new("broken-manifest");
    dir.file("good.txt", GOOD);
    dir.file("newsline.toml", b"[[article]\nfile = ");
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success());
    assert!(stderr.contains("newsline.toml: byte"), "{stderr}");
    assert_eq!(ids(&ds), ["good"]);
}

fn ingest_with(args: &[&str], paths: &[&Path]) -> (Output, String, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .arg("ingest")
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let ds = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, stderr, ds)
}

#[test]
fn excerpts_keep_every_item_and_drop_the_rest() {
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seeds"));
    let (_, _, full) = ingest(&[seeds]);
    let (out, stderr, cut) = ingest_with(&["--excerpts"], &[seeds]);
    assert!(out.status.success(), "{stderr}");
    let text = |ds: &Value, id: &str| {
        ds["articles"].as_array().unwrap().iter().find(|a| a["id"] == id).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (mut full_bytes, mut cut_bytes) = (0, 0);
    for article in cut["articles"].as_array().unwrap() {
        assert_eq!(article["excerpted"], true);
        let id = article["id"].as_str().unwrap();
        full_bytes += text(&full, id).len();
        cut_bytes += text(&cut, id).len();
    }
    assert!(cut_bytes < full_bytes, "{cut_bytes} of {full_bytes} bytes kept");
    assert_eq!(cut["quotes"].as_array().unwrap().len(), full["quotes"].as_array().unwrap().len());
    for q in cut["quotes"].as_array().unwrap() {
        let article = text(&cut, q["article"].as_str().unwrap());
        let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(&article[s..e], q["text"].as_str().unwrap());
    }
}

// Issue 6's bad corpora: each one builds, or fails with a clear message.

#[test]
fn an_empty_corpus_fails_with_a_clear_message() {
    let dir = Scratch::new("empty-corpus");
    let (out, stderr, _) = ingest(&[&dir.0]);
    assert!(!out.status.success());
    assert!(stderr.contains("no article could be read"), "{stderr}");
}

#[test]
fn one_article_with_fifty_thousand_quotes_ingests() {
    let dir = Scratch::new("fifty-thousand");
    let text: String =
        (0..50_000).map(|i| format!("“Point {i} stands,” Jane Doe said.\n")).collect();
    let file = dir.file("big.txt", format!("date 2017-01-24 {text}").as_bytes());
    let (out, stderr, ds) = ingest(&[&file]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(ds["quotes"].as_array().unwrap().len(), 50_000);
    assert_eq!(ds["actors"].as_array().unwrap().len(), 1);
}

#[test]
fn a_hundred_thousand_tiny_articles_ingest() {
    let dir = Scratch::new("hundred-thousand");
    let jsonl: String = (0..100_000)
        .map(|i| {
            format!(
                "{{\"id\":\"a{i}\",\"text\":\"Jo Roe said hi {i}.\",\"date\":\"2017-01-24\"}}\n"
            )
        })
        .collect();
    let file = dir.file("tiny.jsonl", jsonl.as_bytes());
    let (out, stderr, ds) = ingest(&[&file]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(ds["articles"].as_array().unwrap().len(), 100_000);
    assert!(stderr.contains("100000 articles"), "{stderr}");
}

/// A folder of the articles people have: saved pages, a feed, a CSV export, a web archive,
/// and files that are none of these. Everything is read or named.
#[test]
fn a_folder_of_real_files_of_every_kind_is_read_and_nothing_is_silent() {
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inputs"));
    let dir = Scratch::new("kinds");
    for file in [
        "page-usatoday.html",
        "page-aljazeera.html",
        "page-ap.html",
        "feed-nbcnewyork.xml",
        "stories-newsarticles.csv",
        "example.warc.gz",
    ] {
        fs::copy(fixtures.join(file), dir.0.join(file)).unwrap();
    }
    dir.file("notes.pdf", b"%PDF-1.4 not an article");
    fs::create_dir_all(dir.0.join("page-ap_files")).unwrap();
    dir.file("page-ap_files/script.js", b"var x = 1;");
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success(), "{stderr}");
    let articles = ds["articles"].as_array().unwrap();
    let find = |id: &str| {
        articles.iter().find(|a| a["id"] == id).unwrap_or_else(|| panic!("{id}: {stderr}"))
    };
    let usatoday = find("page-usatoday");
    assert_eq!(usatoday["outlet"], "USA TODAY");
    assert_eq!(usatoday["date"], "2019-11-19", "the printed date, not JSON-LD's 0001-01-01");
    assert!(usatoday["url"]
        .as_str()
        .unwrap()
        .starts_with("https://www.usatoday.com/story/news/nation/2019/11/19/"));
    assert!(usatoday["text"]
        .as_str()
        .unwrap()
        .contains("\"This is our problem, and together, we need to get on it,\" Noem said."));
    assert_eq!(find("page-aljazeera")["outlet"], "Al Jazeera");
    let ap = find("page-ap");
    assert_eq!(ap["title"], "Unpredictable Sondland faces questions about Trump, Ukraine");
    assert!(ap["text"].as_str().unwrap().contains("\n\n"), "paragraphs stay apart");
    let feed_item =
        articles.iter().find(|a| a["outlet"] == "NBC New York").expect("the feed's item");
    assert_eq!(feed_item["date"], "2023-12-16", "a feed's nonstandard pubDate is still read");
    assert_eq!(feed_item["summary"], true, "the item carries only its description");
    assert_eq!(feed_item["byline"], "Gaby Acevedo and Jessica Cunnington");
    let devos = find("1");
    assert_eq!(devos["date"], "2017-02-07");
    assert_eq!(
        devos["outlet"], "abcnews.go.com",
        "no outlet column: the site of the story's address"
    );
    assert_eq!(articles.len(), 14);
    // The pages' quotes are found, with their speakers.
    let quotes = ds["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().any(|q| q["article"] == "page-usatoday"
            && q["speaker"].as_str().is_some_and(|s| s.contains("noem"))),
        "{quotes:?}"
    );
    // What was not read is named, each on one line.
    assert!(stderr.contains("notes.pdf: not an article file (.pdf); skipped"), "{stderr}");
    assert!(stderr.contains("page-ap_files: the files of the saved page page-ap.html"), "{stderr}");
    assert!(
        stderr.contains("example.warc.gz record 3 (http://example.com/): no article in the page"),
        "{stderr}"
    );
    assert!(stderr.contains("14 articles (3 web pages, 1 feed item, 10 table rows)"), "{stderr}");
}

/// The bad inputs of each reader: one line each, naming the file and the line, record or
/// byte, and every other file still read.
#[test]
fn bad_pages_feeds_tables_and_archives_are_named_and_the_rest_is_read() {
    let dir = Scratch::new("bad-kinds");
    dir.file("good.txt", GOOD);
    dir.file("index.html", b"<html><head><title>World</title></head><body><ul><li><a href='/1'>One</a></li></ul></body></html>");
    dir.file("broken.rss", b"<rss><channel><title>X</title><item><title>unclosed");
    dir.file("ragged.csv", b"id,text\n1,\"Jane Doe said hello.\"\n2\n3,\"never closed\n");
    let mut truncated =
        fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inputs/example.warc.gz"))
            .unwrap();
    truncated.truncate(truncated.len() / 2);
    dir.file("cut.warc.gz", &truncated);
    let big = dir.0.join("huge.html");
    fs::File::create(&big).unwrap().set_len(51 * 1024 * 1024).unwrap();
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("index.html: no article in the page"), "{stderr}");
    assert!(stderr.contains("broken.rss: not a feed"), "{stderr}");
    assert!(stderr.contains("ragged.csv:3: a row with no text; skipped"), "{stderr}");
    assert!(stderr.contains("ragged.csv:4: a quote opened in this row never closes"), "{stderr}");
    assert!(stderr.contains("cut.warc.gz: record"), "{stderr}");
    assert!(
        stderr.contains("huge.html: 53477376 bytes is over the 50 MB limit; skipped"),
        "{stderr}"
    );
    assert_eq!(ids(&ds), ["good", "1"]);
}
