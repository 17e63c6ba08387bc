//! The page's story decoder on any bytes: no panic, and whatever it accepts can be
//! filtered and read (every actor's mentions, the reader's lists, a selection, the
//! story's summary and window).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::query::{select, story, State, View};

fuzz_target!(|data: &[u8]| {
    let Ok(newsline::page::Story { dataset: ds, index, .. }) = newsline::page::decode(data) else {
        return;
    };
    for a in 0..ds.actors.len() {
        let _ = index.mentions_of(a);
    }
    let _ = index.article_items(&ds);
    let summary = story::summary(&ds, &index);
    let window = story::window(&summary);
    for view in [View::Timeline, View::Quotes, View::Contested] {
        let sel = select(&ds, &index, &State { view, ..State::default() });
        let _ = story::split_by_window(&ds, &index, &sel.events, window);
    }
});
