//! Properties over generated input: the URL state round-trips for any filter, any
//! query string parses, and ingest followed by export loses no article and no byte.

use std::sync::OnceLock;

use newsline::corpus::{read_jsonl, read_txt, Source};
use newsline::dataset::{self, Dataset};
use newsline::query::{parse, to_query, Index, Sort, State, View, Zoom, KINDS, STANCES};
use proptest::prelude::*;

fn seeds() -> &'static (Dataset, Index) {
    static SEEDS: OnceLock<(Dataset, Index)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seeds/");
        let read = |file: &str, date: &str| {
            let mut s = read_txt(file, file, &std::fs::read(format!("{dir}{file}")).unwrap())
                .sources
                .remove(0);
            s.date = s.date.or(newsline::dates::parse_day(date));
            s
        };
        let ds = dataset::build(vec![
            read("000_e9028ea305dede4c.txt", "2017-01-24"),
            read("002_1e709f42c8c2dd04.txt", "2017-01-23"),
        ]);
        let index = Index::new(&ds);
        (ds, index)
    })
}

/// Any state the page can be in for the seed corpus.
fn states() -> impl Strategy<Value = State> {
    let (ds, index) = seeds();
    let actors = ds.actors.iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
    let outlets = index.outlets.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    let items: Vec<String> = ds
        .quotes
        .iter()
        .map(|q| q.id.clone())
        .chain(ds.events.iter().map(|e| e.id.clone()))
        .collect();
    let day =
        (1990i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let filters = (
        proptest::sample::subsequence(actors.clone(), 0..=actors.len()).prop_shuffle(),
        proptest::sample::subsequence(STANCES.to_vec(), 0..=3),
        proptest::sample::subsequence(KINDS.to_vec(), 0..=3),
        proptest::sample::subsequence(outlets.clone(), 0..=outlets.len()).prop_shuffle(),
        proptest::option::of(day.clone()),
        proptest::option::of(day),
        // Search text as typed: any characters, trimmed the way the page trims it.
        "[a-zA-Z0-9 &,=?%#+“”é]{0,30}".prop_map(|t| t.trim().to_string()),
        proptest::bool::ANY,
    );
    let view = (
        proptest::option::of(proptest::sample::select(Zoom::ALL.to_vec())),
        proptest::sample::select(View::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(items.clone())),
        proptest::sample::select(items),
        proptest::sample::select(actors),
        proptest::sample::select(Sort::ALL.to_vec()),
    );
    (filters, view).prop_map(
        |(
            (actors, stances, kinds, outlets, a, b, text, hide_uncertain),
            (zoom, view, item, article_item, actor, sort),
        )| {
            // A range reads low to high; the article and actor views always name their item.
            let (from, to) = match (a, b) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            let item = match view {
                View::Article => Some(article_item),
                View::Actor => Some(actor),
                _ => item,
            };
            State {
                actors,
                stances,
                kinds,
                outlets,
                from,
                to,
                text,
                hide_uncertain,
                zoom,
                sort,
                view,
                item,
            }
        },
    )
}

proptest! {
    #[test]
    fn every_state_survives_its_link(state in states()) {
        let (_, index) = seeds();
        let parsed = parse(&to_query(&state), index);
        prop_assert_eq!(&parsed.state, &state);
        prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    }

    #[test]
    fn any_query_parses_to_a_state_that_round_trips(query in ".{0,300}") {
        let (_, index) = seeds();
        let parsed = parse(&query, index);
        let again = parse(&to_query(&parsed.state), index);
        prop_assert_eq!(again.state, parsed.state);
    }

    #[test]
    fn ingest_then_export_loses_no_article_and_no_byte(
        articles in proptest::collection::btree_map("[a-z0-9_]{1,12}", any::<String>().prop_filter("non-blank", |t| !t.trim().is_empty()), 1..6)
    ) {
        let jsonl: String = articles
            .iter()
            .map(|(id, text)| serde_json::json!({"id": id, "text": text, "date": "2017-01-24"}).to_string() + "\n")
            .collect();
        let read = read_jsonl("p.jsonl", jsonl.as_bytes());
        prop_assert!(read.problems.is_empty(), "{:?}", read.problems);
        let exported = serde_json::to_string(&dataset::build(read.sources)).unwrap();
        let back: Dataset = serde_json::from_str(&exported).unwrap();
        let got: Vec<(&str, &str)> = back.articles.iter().map(|a| (&*a.id, a.text.as_str())).collect();
        let want: Vec<(&str, &str)> = articles.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
        prop_assert_eq!(got, want);
        // Every item's `text` in the JSON is the span of its article it names.
        let json: serde_json::Value = serde_json::from_str(&exported).unwrap();
        for kind in ["quotes", "timexes", "events"] {
            for item in json[kind].as_array().unwrap() {
                let text = &articles[item["article"].as_str().unwrap()];
                let span = item["start"].as_u64().unwrap() as usize..item["end"].as_u64().unwrap() as usize;
                prop_assert_eq!(text.get(span), item["text"].as_str());
            }
        }
    }

    #[test]
    fn a_text_file_keeps_every_byte_after_its_date_prefix(
        lead in prop_oneof![Just(""), Just("\n"), Just(" "), Just("\t\n"), Just("\n\n")],
        rest in any::<String>().prop_filter("non-blank", |t| !t.trim().is_empty()),
    ) {
        let body = format!("{lead}{rest}");
        let file = format!("date 2017-01-24 {body}");
        let read = read_txt("f.txt", "f", file.as_bytes());
        prop_assert!(read.problems.is_empty(), "{:?}", read.problems);
        let source: &Source = &read.sources[0];
        prop_assert_eq!(&source.text, &body);
    }
}
