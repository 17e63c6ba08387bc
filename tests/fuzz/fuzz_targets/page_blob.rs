//! The page's blob decoder on any bytes: no panic, and whatever it accepts can be
//! filtered and read (every actor's mentions, the reader's lists, a selection).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::query::{select, State, View};

fuzz_target!(|data: &[u8]| {
    let Ok((ds, index)) = newsline::page::decode(data) else { return };
    for a in 0..ds.actors.len() {
        let _ = index.mentions_of(a);
    }
    let _ = index.article_items(&ds);
    for view in [View::Timeline, View::Quotes, View::Contested] {
        let _ = select(&ds, &index, &State { view, ..State::default() });
    }
});
