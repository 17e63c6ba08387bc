//! The extraction rules' fixtures: `tests/rules/<stage>.toml` holds cases for every rule of
//! `src/extract/rules.rs`. A case is a short text (with a publication date, and other
//! articles of the same corpus, when its rule needs them) in which its rule must make the
//! finding the case names by its words: a quote, a speaker, a time expression and its
//! value, a mention and its actor, a role, a place. A `name.*` rule says what is no actor,
//! so its cases name what must not be found.
//!
//! Every finding of every case, with the rules behind it, is kept as a snapshot in
//! `tests/snapshots/`, so that a change to any rule shows in review. To accept changed
//! snapshots: `INSTA_UPDATE=always cargo test --test rules`, then read the diff.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

use newsline::corpus::Source;
use newsline::dataset::{self, Dataset};
use newsline::extract::Rule;

#[derive(Deserialize)]
struct Fixtures {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The rule's id.
    rule: String,
    text: String,
    /// The publication date, `YYYY-MM-DD`.
    date: Option<String>,
    /// More articles of the same corpus, before this one.
    #[serde(default)]
    also: Vec<String>,
    /// The words of the finding the rule must make.
    find: Option<String>,
    /// What the finding must say: a time expression's value, the actor a mention or a
    /// speaker is, a quote's stance.
    value: Option<String>,
    actor: Option<String>,
    stance: Option<String>,
    /// A name that must be no actor and no place (`name.*` rules).
    absent: Option<String>,
}

/// One finding, with a rule behind it, as a case sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    rule: Rule,
    words: String,
    /// The actor, the value or the stance, as the finding's kind has one.
    says: String,
}

fn fixtures() -> BTreeMap<String, Vec<Case>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut stages = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("tests/rules/") {
        let path = entry.expect("a fixture file").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("read a fixture file");
            let parsed: Fixtures =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stage = path.file_stem().and_then(|s| s.to_str()).expect("a stage name");
            stages.insert(stage.to_string(), parsed.case);
        }
    }
    stages
}

fn source(id: usize, text: &str, date: Option<&str>) -> Source {
    Source {
        id: format!("a{id}"),
        date: date.map(|d| newsline::dates::parse_day(d).expect("a YYYY-MM-DD date")),
        text: text.to_string(),
        ..Source::default()
    }
}

/// The dataset of a case: its other articles, then its text.
fn dataset_of(case: &Case) -> Dataset {
    let date = case.date.as_deref();
    let mut sources: Vec<Source> =
        case.also.iter().enumerate().map(|(i, t)| source(i, t, date)).collect();
    sources.push(source(case.also.len(), &case.text, date));
    dataset::build(sources)
}

/// Every finding of the case's own article (the last), with the rules behind it.
fn findings(ds: &Dataset) -> Vec<Finding> {
    let article = ds.articles.last().expect("the case's article");
    let text = &article.text;
    let ours = |a: &str| a == &*article.id;
    let words = |span: std::ops::Range<usize>| text.get(span).unwrap_or_default().to_string();
    let name = |id: &str| {
        ds.actors.iter().find(|a| &*a.id == id).map_or_else(String::new, |a| a.name.clone())
    };
    let mut out = Vec::new();
    let mut add = |rule: Option<Rule>, words: String, says: String| {
        if let Some(rule) = rule {
            out.push(Finding { rule, words, says });
        }
    };
    for q in ds.quotes.iter().filter(|q| ours(&q.article)) {
        let speaker = q.speaker.as_deref().map(name).unwrap_or_default();
        let spoken = q.speaker_span.map(|[a, b]| words(a..b)).unwrap_or_default();
        add(Some(q.rule), words(q.start..q.end), speaker.clone());
        add(q.speaker_rule, spoken.clone(), speaker.clone());
        add(q.subject_rule, spoken, speaker);
        add(Some(q.stance_rule), words(q.start..q.end), format!("{:?}", q.stance).to_lowercase());
    }
    for t in ds.timexes.iter().filter(|t| ours(&t.article)) {
        let value = t.value.clone().unwrap_or_default();
        add(Some(t.rule), words(t.start..t.end), value.clone());
        add(t.resolution, words(t.start..t.end), value);
    }
    for a in &ds.actors {
        for m in a.mentions.iter().filter(|m| ours(&m.article)) {
            add(Some(m.rule), words(m.start..m.end), a.name.clone());
            add(m.tie, words(m.start..m.end), a.name.clone());
        }
        for (role, &rule) in a.roles.iter().zip(&a.role_rules) {
            add(Some(rule), role.clone(), a.name.clone());
        }
    }
    for p in &ds.places {
        for m in p.mentions.iter().filter(|m| ours(&m.article)) {
            add(Some(m.rule), words(m.start..m.end), p.name.clone());
        }
    }
    // A conflict one of its quotes is in: its words, and its speakers' names.
    let quote_ids: Vec<&str> =
        ds.quotes.iter().filter(|q| ours(&q.article)).map(|q| q.id.as_str()).collect();
    for c in &ds.conflicts {
        if c.quotes.iter().any(|q| quote_ids.contains(&q.as_str())) {
            let speakers: Vec<String> = c.speakers.iter().map(|s| name(s)).collect();
            add(Some(c.rule), c.text.clone(), speakers.join(", "));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Why `case` fails, if it does.
fn check(case: &Case, ds: &Dataset, found: &[Finding]) -> Option<String> {
    let rule = Rule::from_id(&case.rule)?;
    if let Some(absent) = &case.absent {
        let named = ds.actors.iter().any(|a| a.name == *absent)
            || ds.places.iter().any(|p| p.name == *absent)
            || found.iter().any(|f| f.words == *absent);
        return named.then(|| format!("{absent:?} is named, and should not be"));
    }
    let Some(find) = &case.find else {
        return Some("the case names no finding (`find`) and nothing `absent`".into());
    };
    let fits = |f: &&Finding| {
        f.rule == rule
            && f.words == *find
            && [&case.value, &case.actor, &case.stance]
                .iter()
                .all(|want| want.as_ref().is_none_or(|w| f.says == *w))
    };
    (!found.iter().any(|f| fits(&f))).then(|| format!("no finding of {} is {find:?}", case.rule))
}

fn render(stage: &str, cases: &[Case]) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let ds = dataset_of(case);
        let found = findings(&ds);
        if Rule::from_id(&case.rule).is_none() {
            failures.push(format!("{stage} case {}: {:?} is no rule", n + 1, case.rule));
        } else if let Some(why) = check(case, &ds, &found) {
            failures.push(format!(
                "{stage} case {} ({}): {why}\n  in {:?}\n  found {found:#?}",
                n + 1,
                case.rule,
                case.text
            ));
        }
        let _ = writeln!(out, "{}: {}", case.rule, case.text);
        for f in &found {
            let says = if f.says.is_empty() { String::new() } else { format!(" → {}", f.says) };
            let _ = writeln!(out, "    {:<34} {:?}{says}", f.rule.id(), f.words);
        }
    }
    (out, failures)
}

#[test]
fn every_case_finds_what_it_names_and_the_findings_are_as_reviewed() {
    let mut failures = Vec::new();
    let mut snapshots = Vec::new();
    for (stage, cases) in fixtures() {
        let (snapshot, failed) = render(&stage, &cases);
        failures.extend(failed);
        snapshots.push((stage, snapshot));
    }
    assert!(failures.is_empty(), "{} cases fail:\n{}", failures.len(), failures.join("\n"));
    for (stage, snapshot) in snapshots {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("rules-{stage}"), snapshot);
        });
    }
}

#[test]
fn every_rule_has_cases_in_the_file_of_its_stage() {
    let stages = fixtures();
    let missing: Vec<&str> = Rule::ALL
        .iter()
        .filter(|r| {
            stages.get(r.stage()).is_none_or(|cases| !cases.iter().any(|c| c.rule == r.id()))
        })
        .map(|r| r.id())
        .collect();
    assert!(missing.is_empty(), "rules with no case in tests/rules/<stage>.toml: {missing:?}");
    for (stage, cases) in &stages {
        for case in cases {
            assert!(
                Rule::from_id(&case.rule).is_some_and(|r| r.stage() == stage),
                "{stage}.toml: {:?} is no rule of stage {stage}",
                case.rule
            );
        }
    }
}
