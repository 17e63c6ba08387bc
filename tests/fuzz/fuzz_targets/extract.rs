//! The extractor on any text and any article date: no panic, every span on char
//! boundaries, and the same output twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::extract::analyze;

fuzz_target!(|data: &[u8]| {
    // The first three bytes pick an article date (or none); the rest is the text.
    let (date, text) = match data {
        [y, m, d, rest @ ..] => {
            let year = 1000 + i16::from(*y) * 8;
            (jiff::civil::Date::new(year, (*m % 13) as i8, (*d % 32) as i8).ok(), rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(text);
    let first = analyze(&text, date);
    for q in &first.quotes {
        assert!(text.get(q.span.clone()).is_some(), "quote span {:?}", q.span);
        if let Some(s) = &q.speaker_span {
            assert!(text.get(s.clone()).is_some(), "speaker span {s:?}");
        }
        assert!(text.get(q.attribution.clone()).is_some(), "attribution {:?}", q.attribution);
        assert!(q.speaker.is_none_or(|s| s < first.actors.len()));
    }
    for t in &first.timexes {
        assert!(
            text.get(t.start..t.end).is_some_and(|s| !s.is_empty()),
            "timex {}..{}",
            t.start,
            t.end
        );
    }
    for m in &first.mentions {
        assert!(
            text.get(m.start..m.end).is_some_and(|s| !s.is_empty()),
            "mention {}..{}",
            m.start,
            m.end
        );
        assert!(m.actor < first.actors.len());
    }
    for e in &first.events {
        assert!(text.get(e.span.clone()).is_some(), "event {:?}", e.span);
    }
    assert!(first == analyze(&text, date), "output differs between runs");
});
