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
fn each_bad_text_file_is_named_with_its_place() {
    let dir = Scratch::new("bad");
    dir.file("empty.txt", b"");
    dir.file("bad-utf8.txt", b"caf\xC3 oops");
    dir.file("utf16.txt", b"\xFF\xFEh\0i\0");
    dir.file("binary.txt", b"GIF89a\x01\x00\x00\x00");
    dir.file("good.txt", GOOD);
    let (out, stderr, ds) = ingest(&[&dir.0]);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.contains(" articles, ")).collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("bad-utf8.txt: byte 3: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("utf16.txt: byte 0: UTF-16 text"), "{stderr}");
    assert!(stderr.contains("binary.txt: byte 7: binary data"), "{stderr}");
    assert_eq!(ids(&ds), ["good"]);
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
