//! Accuracy floors on the dev sets of `../shared/eval/` and on PolNeAR's train split, just
//! under what the extractor reaches, so that a regression fails. The figures themselves
//! are printed by `newsline eval` in `.ci/test`.

use std::process::Command;

use serde_json::Value;

fn eval(file: &str) -> Value {
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/");
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["eval", "--json", "--gold"])
        .arg(format!("{gold}{file}"))
        .output()
        .expect("run newsline eval");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reports: Value = serde_json::from_slice(&out.stdout).expect("eval JSON");
    reports[0].clone()
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
    assert_polnear(
        "polnear_train.jsonl",
        840,
        QuoteFloors { quoted_f1: 89.3, speaker_accuracy: 94.1, all_f1: 48.6 },
    );
}

#[test]
fn tempeval_time_expressions() {
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
}
