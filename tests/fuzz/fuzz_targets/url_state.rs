//! The URL-state parser on any query string: no panic, and what it keeps writes
//! back to a link that reads as the same state.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsline::corpus::Source;
use newsline::dataset::{self, Dataset};
use newsline::query::{parse, to_query, Index};

fn corpus() -> &'static (Dataset, Index) {
    static CORPUS: OnceLock<(Dataset, Index)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let text = "“We will win,” Jane Doe said on Monday. “No,” John Roe said. Moscow said it was rubbish.";
        let ds = dataset::build(vec![Source {
            id: "a".into(),
            date: jiff::civil::Date::new(2017, 1, 24).ok(),
            title: None,
            outlet: None,
            url: None,
            text: text.into(),
            ..Default::default()
        }]);
        let index = Index::new(&ds);
        (ds, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (_, index) = corpus();
    let parsed = parse(&query, index);
    let again = parse(&to_query(&parsed.state), index);
    assert_eq!(again.state, parsed.state);
    assert!(again.ignored.is_empty(), "a written link needs no notice: {:?}", again.ignored);
});
