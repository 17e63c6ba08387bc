//! Accuracy floors on the dev sets of `../shared/eval/` and on PolNeAR's train split, just
//! under what the extractor reaches, so that a regression fails; and a check that the
//! figures every site shows (`data/accuracy.json`) are the current ones. The figures
//! themselves are printed by `newsline eval` in `.ci/test`.
//!
//! These runs need the annotated news in `../shared/eval/` beside the repository; without
//! it each says so and passes (see [`gold_here`]), and every other test runs as usual.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/");

/// Whether the annotated news is in `../shared/eval/`. A clone without it cannot measure
/// accuracy: each run here then says so on standard error and passes, unless
/// `NEWSLINE_ACCURACY=required` (which `.ci/test` sets whenever `../shared` is there) makes
/// the absence a failure.
fn gold_here(test: &str) -> bool {
    if Path::new(GOLD).is_dir() {
        return true;
    }
    assert!(
        std::env::var("NEWSLINE_ACCURACY").as_deref() != Ok("required"),
        "{test}: the accuracy runs need the annotated news in ../shared/eval/, which is not there"
    );
    // Straight to standard error, past the test harness's capture, so that it shows.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: not run: the accuracy runs need the annotated news in ../shared/eval/ beside the repository"
    );
    false
}

/// `newsline eval --json` on `files` of `../shared/eval/`.
fn eval_all(files: &[&str]) -> Value {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsline"));
    command.args(["eval", "--json"]);
    for file in files {
        command.arg("--gold").arg(format!("{GOLD}{file}"));
    }
    let out = command.output().expect("run newsline eval");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("eval JSON")
}

fn eval(file: &str) -> Value {
    eval_all(&[file])[0].clone()
}

/// The figures a site's *About this story* shows come from `data/accuracy.json`; they must
/// be what the extractor scores now.
#[test]
fn the_accuracy_every_site_shows_is_current() {
    if !gold_here("the_accuracy_every_site_shows_is_current") {
        return;
    }
    let files = ["polnear_dev.jsonl", "meantime_dev.jsonl", "timebank.jsonl", "aquaint.jsonl"];
    let now = eval_all(&files);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/accuracy.json");
    let kept: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        kept == now,
        "data/accuracy.json is out of date; regenerate it with\n  target/release/newsline eval --json {}> data/accuracy.json",
        files.iter().map(|f| format!("--gold ../shared/eval/{f} ")).collect::<String>()
    );
}

/// Which findings a page marks uncertain comes from `data/rule-precision.json`, compiled
/// into `newsline`; it must be each rule's precision now, on the splits it is measured on.
#[test]
fn the_rule_precisions_the_page_uses_are_current() {
    if !gold_here("the_rule_precisions_the_page_uses_are_current") {
        return;
    }
    let files = ["polnear_train.jsonl", "meantime_dev.jsonl", "timebank.jsonl"];
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsline"));
    command.args(["eval", "--by-rule", "--json"]);
    for file in files {
        command.arg("--gold").arg(format!("{GOLD}{file}"));
    }
    let out = command.output().expect("run newsline eval --by-rule");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let now: Value = serde_json::from_slice(&out.stdout).expect("eval --by-rule JSON");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rule-precision.json");
    let kept: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        kept == now,
        "data/rule-precision.json is out of date; regenerate it with\n  target/release/newsline eval --by-rule --json {}> data/rule-precision.json\nand rebuild",
        files.iter().map(|f| format!("--gold ../shared/eval/{f} ")).collect::<String>()
    );
    // Every rule the measure saw decide is one of the table's.
    for id in now["rules"].as_object().expect("rules").keys() {
        assert!(newsline::extract::Rule::from_id(id).is_some(), "{id}");
    }
}

fn pct(v: &Value) -> f64 {
    100.0 * v.as_f64().expect("a number")
}

/// PolNeAR's quoted F1, speaker accuracy and all-attributions F1 on `file`, in percent.
struct QuoteFloors {
    quoted_f1: f64,
    speaker_accuracy: f64,
    all_f1: f64,
}

fn assert_polnear(file: &str, records: u64, floors: QuoteFloors) {
    let r = eval(file);
    assert_eq!(r["records"], records);
    assert!(pct(&r["quoted"]["f1"]) >= floors.quoted_f1, "{file}: quoted F1 {}", r["quoted"]["f1"]);
    assert!(
        pct(&r["speaker_accuracy"]) >= floors.speaker_accuracy,
        "{file}: speaker accuracy {}",
        r["speaker_accuracy"]
    );
    assert!(pct(&r["all"]["f1"]) >= floors.all_f1, "{file}: all F1 {}", r["all"]["f1"]);
}

#[test]
fn polnear_dev_quotes_and_speakers() {
    if !gold_here("polnear_dev_quotes_and_speakers") {
        return;
    }
    assert_polnear(
        "polnear_dev.jsonl",
        84,
        QuoteFloors { quoted_f1: 90.5, speaker_accuracy: 93.5, all_f1: 52.5 },
    );
}

/// The train split is ten times the dev split: its floors keep the dev set's figures from
/// resting on its 84 articles alone.
#[test]
fn polnear_train_quotes_and_speakers() {
    if !gold_here("polnear_train_quotes_and_speakers") {
        return;
    }
    assert_polnear(
        "polnear_train.jsonl",
        840,
        QuoteFloors { quoted_f1: 89.3, speaker_accuracy: 94.1, all_f1: 48.6 },
    );
}

#[test]
fn tempeval_time_expressions() {
    if !gold_here("tempeval_time_expressions") {
        return;
    }
    let tb = eval("timebank.jsonl");
    assert!(
        pct(&tb["timex_relaxed"]["f1"]) >= 93.2,
        "timebank relaxed {}",
        tb["timex_relaxed"]["f1"]
    );
    assert!(pct(&tb["timex_value"]["f1"]) >= 82.0, "timebank value {}", tb["timex_value"]["f1"]);
    let aq = eval("aquaint.jsonl");
    assert!(
        pct(&aq["timex_relaxed"]["f1"]) >= 93.5,
        "aquaint relaxed {}",
        aq["timex_relaxed"]["f1"]
    );
    assert!(pct(&aq["timex_value"]["f1"]) >= 77.8, "aquaint value {}", aq["timex_value"]["f1"]);
}

#[test]
fn meantime_actor_mentions_and_alias_merging() {
    if !gold_here("meantime_actor_mentions_and_alias_merging") {
        return;
    }
    let r = eval("meantime_dev.jsonl");
    assert_eq!(r["records"], 60);
    assert!(pct(&r["actor_mentions"]["f1"]) >= 89.5, "mention F1 {}", r["actor_mentions"]["f1"]);
    assert!(
        pct(&r["alias_pairs"]["f1"]) >= 93.0,
        "alias-merge pairwise F1 {}",
        r["alias_pairs"]["f1"]
    );
    // Of the mentions found, the share whose actor has MEANTIME's kind (PER a person,
    // ORG an organisation, LOC a country).
    assert!(
        pct(&r["actor_kind_accuracy"]) >= 69.5,
        "actor kind accuracy {}",
        r["actor_kind_accuracy"]
    );
    // The mentions of those it calls people, against MEANTIME's PER names: a name is a
    // person's on the article's evidence or a listed given name (66.2 before that gate).
    assert!(
        pct(&r["person_mentions"]["f1"]) >= 80.0,
        "person-mention F1 {}",
        r["person_mentions"]["f1"]
    );
    assert!(
        pct(&r["person_mentions"]["p"]) >= 80.0,
        "person-mention precision {}",
        r["person_mentions"]["precision"]
    );
}

/// The actor filter's busiest people on PolNeAR's train split (the split read for errors):
/// no one is split between a full name and a bare surname ("Obama" apart from "Barack
/// Obama"), and no bare place name is gathered into a person.
#[test]
fn polnear_trains_busiest_people_are_not_split() {
    if !gold_here("polnear_trains_busiest_people_are_not_split") {
        return;
    }
    let out = std::env::temp_dir().join(format!("newsline-people-{}.json", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .arg("ingest")
        .arg(format!("{GOLD}polnear_train.jsonl"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run newsline ingest");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let ds: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let mut people: Vec<(&str, usize)> = ds["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "person")
        .map(|a| (a["name"].as_str().unwrap(), a["mentions"].as_array().unwrap().len()))
        .collect();
    people.sort_by_key(|&(name, n)| (usize::MAX - n, name));
    people.truncate(100);
    let split: Vec<(&str, Vec<&str>)> = people
        .iter()
        .filter(|(name, _)| !name.contains(' '))
        .map(|&(bare, _)| {
            let full: Vec<&str> = people
                .iter()
                .map(|&(n, _)| n)
                .filter(|n| n.contains(' ') && n.rsplit(' ').next() == Some(bare))
                .collect();
            (bare, full)
        })
        .filter(|(_, full)| !full.is_empty())
        .collect();
    assert!(split.is_empty(), "people split between a surname and full names: {split:?}");
    for state in ["California", "Texas", "Indiana", "Wisconsin", "Florida"] {
        assert!(
            people.iter().all(|(n, _)| !n.ends_with(&format!(" {state}"))),
            "a bare {state} was gathered into a person: {people:?}"
        );
    }
}
