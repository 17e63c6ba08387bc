//! `newsline ingest` on the default corpus, checked against its hand annotation,
//! `tests/gold/seeds.json` (copied from `../shared/gold/`). Prints a table of what it
//! finds against the gold.

use std::process::Command;

use serde_json::Value;

fn ingest_seeds() -> Value {
    // Tests run in parallel threads of one process: each needs its own file.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out =
        std::env::temp_dir().join(format!("newsline-seeds-{}-{run}.json", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["ingest", "data/seeds", "-o"])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run newsline");
    assert!(status.success());
    let json = std::fs::read_to_string(&out).expect("dataset written");
    std::fs::remove_file(&out).ok();
    serde_json::from_str(&json).expect("dataset JSON")
}

fn gold() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("tests/gold/seeds.json"))
        .expect("gold JSON")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// Byte range of the `occurrence`-th (1-based) appearance of `needle` in `text`.
fn locate(text: &str, needle: &str, occurrence: usize) -> (usize, usize) {
    let start = text
        .match_indices(needle)
        .nth(occurrence - 1)
        .unwrap_or_else(|| panic!("gold text {needle:?} not in article"))
        .0;
    (start, start + needle.len())
}

fn overlaps(a: (usize, usize), v: &Value) -> bool {
    let (b0, b1) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
    a.0 < b1 && b0 < a.1
}

struct Seeds {
    ds: Value,
    gold: Value,
}

impl Seeds {
    fn new() -> Self {
        Seeds { ds: ingest_seeds(), gold: gold() }
    }

    fn article_id(&self, file: &str) -> String {
        file.trim_end_matches(".txt").to_string()
    }

    fn text(&self, id: &str) -> &str {
        self.ds["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| s(&a["text"]))
            .expect("article")
    }

    fn actor_name(&self, id: &Value) -> String {
        self.ds["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *id)
            .map(|a| s(&a["name"]).to_string())
            .unwrap_or_default()
    }

    fn items<'a>(&'a self, kind: &str, article: &'a str) -> impl Iterator<Item = &'a Value> {
        self.ds[kind].as_array().unwrap().iter().filter(move |q| q["article"] == article)
    }
}

#[test]
fn every_span_is_exact() {
    let seeds = Seeds::new();
    for kind in ["quotes", "timexes", "events"] {
        for item in seeds.ds[kind].as_array().unwrap() {
            let text = seeds.text(s(&item["article"]));
            let (a, b) =
                (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            assert_eq!(text.get(a..b), Some(s(&item["text"])), "{kind} span {a}..{b}");
        }
    }
    for actor in seeds.ds["actors"].as_array().unwrap() {
        for m in actor["mentions"].as_array().unwrap() {
            let text = seeds.text(s(&m["article"]));
            let (a, b) =
                (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(
                text.get(a..b).is_some_and(|t| !t.is_empty()),
                "mention of {} at {a}..{b}",
                actor["name"]
            );
        }
    }
}

#[test]
fn matches_the_gold_annotation() {
    let seeds = Seeds::new();
    let mut rows: Vec<(String, usize, usize)> = Vec::new();
    let mut quote_misses = Vec::new();
    let (mut quotes_found, mut quotes_total) = (0, 0);
    let (mut reported_found, mut reported_total) = (0, 0);
    let (mut timex_found, mut timex_total) = (0, 0);
    let (mut event_found, mut event_total) = (0, 0);
    let (mut stance_right, mut stance_total) = (0, 0);
    let mut stance_misses = Vec::new();
    for article in seeds.gold["articles"].as_array().unwrap() {
        let id = seeds.article_id(s(&article["file"]));
        let text = seeds.text(&id);
        assert_eq!(
            seeds.ds["articles"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == id.as_str())
                .unwrap()["date"],
            article["date"]
        );
        for g in article["quotes"].as_array().unwrap() {
            quotes_total += 1;
            let hit = seeds.items("quotes", &id).find(|q| {
                q["text"] == g["text"]
                    && q["kind"] == g["kind"]
                    && seeds.actor_name(&q["speaker"]) == s(&g["speaker"])
            });
            match hit {
                Some(q) => {
                    quotes_found += 1;
                    if let Some(stance) = g.get("stance") {
                        stance_total += 1;
                        stance_right += usize::from(q["stance"] == *stance);
                        if q["stance"] != *stance {
                            stance_misses.push(format!("{}: {} is {}", id, g["text"], q["stance"]));
                        }
                    }
                }
                None => quote_misses.push(format!("{id}: {} ({})", g["text"], g["speaker"])),
            }
        }
        for g in article["reported"].as_array().unwrap() {
            reported_total += 1;
            let span = locate(text, s(&g["text"]), 1);
            let hit = seeds
                .items("quotes", &id)
                .find(|q| overlaps(span, q) && seeds.actor_name(&q["speaker"]) == s(&g["speaker"]));
            if let Some(q) = hit {
                reported_found += 1;
                stance_total += 1;
                stance_right += usize::from(q["stance"] == g["stance"]);
                if q["stance"] != g["stance"] {
                    stance_misses.push(format!("{}: {} is {}", id, g["text"], q["stance"]));
                }
            }
        }
        for g in article["timexes"].as_array().unwrap() {
            timex_total += 1;
            let span = locate(text, s(&g["text"]), g["occurrence"].as_u64().unwrap_or(1) as usize);
            timex_found += usize::from(
                seeds.items("timexes", &id).any(|t| overlaps(span, t) && t["value"] == g["value"]),
            );
        }
        for g in article["events"].as_array().unwrap() {
            event_total += 1;
            let span = locate(text, s(&g["text"]), 1);
            event_found += usize::from(
                seeds
                    .items("events", &id)
                    .any(|e| overlaps(span, e) && e["date"]["value"] == g["date"]),
            );
        }
    }
    let names: Vec<String> =
        seeds.ds["actors"].as_array().unwrap().iter().map(|a| s(&a["name"]).to_string()).collect();
    let gold_actors = seeds.gold["actors"].as_array().unwrap();
    let actors_found =
        gold_actors.iter().filter(|a| names.iter().any(|n| n == s(&a["name"]))).count();
    rows.push((
        "direct and partial quotes with the right speaker".into(),
        quotes_found,
        quotes_total,
    ));
    rows.push(("reported items with the right speaker".into(), reported_found, reported_total));
    rows.push(("stance of gold items found".into(), stance_right, stance_total));
    rows.push(("time expressions with the right value".into(), timex_found, timex_total));
    rows.push(("events with the right date".into(), event_found, event_total));
    rows.push(("actors by canonical name".into(), actors_found, gold_actors.len()));
    println!("\n{:<52} {:>5} {:>5}", "seeds gold", "found", "gold");
    for (what, found, total) in &rows {
        println!("{what:<52} {found:>5} {total:>5}");
    }
    assert!(quote_misses.is_empty(), "quotes missed: {quote_misses:#?}");
    // Floors at what the extractor reaches today; raise them as it improves.
    assert_eq!(reported_found, reported_total, "reported items");
    assert_eq!(timex_found, timex_total, "timexes");
    assert_eq!(event_found, event_total, "events");
    assert_eq!(actors_found, gold_actors.len(), "actors");
    // No gold actor is split in two: each gold name or alias belongs to one actor at most.
    for gold in gold_actors {
        let aliases: Vec<&str> =
            gold["aliases"].as_array().unwrap().iter().map(s).chain([s(&gold["name"])]).collect();
        let holders: Vec<&str> = seeds.ds["actors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| {
                std::iter::once(&a["name"])
                    .chain(a["aliases"].as_array().unwrap())
                    .any(|n| aliases.contains(&s(n)))
            })
            .map(|a| s(&a["name"]))
            .collect();
        assert_eq!(holders.len(), 1, "{}: {holders:?}", gold["name"]);
    }
    assert_eq!(stance_right, stance_total, "stance: {stance_misses:#?}");
}

#[test]
fn aliases_merge_into_one_actor() {
    let seeds = Seeds::new();
    let actor = |name: &str| {
        seeds.ds["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("no actor {name}"))
    };
    let spicer = actor("Sean Spicer");
    assert_eq!(spicer["id"], "sean-spicer");
    assert_eq!(spicer["kind"], "person");
    for alias in ["Mr Spicer", "Spicer", "White House Press Secretary Sean Spicer"] {
        assert!(spicer["aliases"].as_array().unwrap().iter().any(|a| a == alias), "{alias}");
    }
    assert_eq!(spicer["roles"][0], "White House Press Secretary");
    assert_eq!(spicer["role_rules"][0], "role.title");
    assert!(actor("Russia")["aliases"].as_array().unwrap().iter().any(|a| a == "Moscow"));
    assert!(actor("Isis")["aliases"].as_array().unwrap().iter().any(|a| a == "Islamic State"));
    assert!(!seeds.ds["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == "Spicer" || a["name"] == "Aleppo" || a["name"] == "Astana"));
    let conflicts = seeds.ds["conflicts"].as_array().unwrap();
    assert!(
        conflicts
            .iter()
            .any(|c| c["text"] == "rubbish" && c["speakers"].as_array().unwrap().len() == 2),
        "{conflicts:?}"
    );
}

#[test]
fn every_role_of_the_gold_is_kept() {
    let seeds = Seeds::new();
    for gold_actor in gold()["actors"].as_array().unwrap() {
        let actor =
            seeds.ds["actors"].as_array().unwrap().iter().find(|a| a["name"] == gold_actor["name"]);
        let roles: Vec<String> = actor.map_or(Vec::new(), |a| {
            a["roles"].as_array().unwrap().iter().map(|r| s(r).to_lowercase()).collect()
        });
        for role in
            gold_actor["roles"].as_array().into_iter().flatten().map(|r| s(r).to_lowercase())
        {
            // "US president" is kept as the title "President" where the text writes it so.
            let kept = roles.iter().any(|r| *r == role || role.ends_with(&format!(" {r}")));
            assert!(kept, "{}: {role} not among {roles:?}", gold_actor["name"]);
        }
    }
}

#[test]
fn places_are_places_not_actors() {
    let seeds = Seeds::new();
    let places: Vec<&str> = seeds.ds["places"].as_array().unwrap().iter().map(s_name).collect();
    let actors: Vec<&str> = seeds.ds["actors"].as_array().unwrap().iter().map(s_name).collect();
    // "Kazakhstan" places Astana, and is otherwise named only in an ambassador's title.
    for place in gold()["places_not_actors"].as_array().unwrap().iter().map(s) {
        assert!(places.contains(&place), "{place} is not among the places {places:?}");
        assert!(!actors.contains(&place), "{place} is an actor");
    }
    for place in seeds.ds["places"].as_array().unwrap() {
        for m in place["mentions"].as_array().unwrap() {
            let text = seeds.text(s(&m["article"]));
            let (start, end) =
                (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], s_name(place));
        }
    }
}

fn s_name(v: &Value) -> &str {
    s(&v["name"])
}

#[test]
fn undated_article_stays_undated_without_the_manifest() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["ingest", "data/seeds/002_1e709f42c8c2dd04.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run newsline");
    assert!(out.status.success());
    let ds: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ds["articles"][0]["date"], Value::Null);
    let today = ds["timexes"].as_array().unwrap().iter().find(|t| t["text"] == "today").unwrap();
    assert_eq!(today["value"], Value::Null);
    assert!(ds["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["date"]["value"].is_null() || e["date"]["value"] == "2011"));
}
