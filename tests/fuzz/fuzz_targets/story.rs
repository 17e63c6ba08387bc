//! The page's story decoder on any bytes: no panic, and whatever it accepts can be
//! answered for every view, with and without filters, and asked which parts it needs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::query::engine::{self, Shown};
use newsline::query::{State, View};
use newsline::store::{self, catalog::Catalog};

fuzz_target!(|data: &[u8]| {
    let Ok((manifest, parts)) = store::decode(data) else {
        return;
    };
    let actor = manifest.top_actors.first().map(|a| a.id.clone());
    let catalog = Catalog::new(manifest, parts);
    for view in [View::Timeline, View::Quotes, View::Contested, View::Actor, View::Article] {
        let states = [
            State { view, ..State::default() },
            State { view, hide_uncertain: true, text: "the said".into(), ..State::default() },
            State { view, actors: actor.clone().into_iter().collect(), ..State::default() },
            State {
                view,
                from: Some("2016-01-01".into()),
                item: Some(if view == View::Actor {
                    actor.clone().unwrap_or_default()
                } else {
                    "q1".into()
                }),
                ..State::default()
            },
        ];
        for state in states {
            let answer = engine::answer(&catalog, &state);
            let _ = engine::wanted(&catalog, &state, &answer, &Shown::default());
            let _ = newsline::export::export(&catalog, &answer, &state);
        }
    }
});
