//! Every reader on any bytes: no panic, no hang, the same result twice; a .txt body that
//! is valid UTF-8 is the file's own text after the date prefix, byte for byte; and every
//! article any reader gives has text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::corpus::{self, Columns, InputKind, Page, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let txt = corpus::read_txt("f.txt", "f", data);
    assert_eq!(txt, corpus::read_txt("f.txt", "f", data));
    let plain = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)).ok();
    if let (Some(decoded), Some(source)) = (plain, txt.sources.first()) {
        if !decoded.contains('\0') {
            assert!(decoded.ends_with(&source.text), "the body is the end of the file");
        }
    }
    let manifest = corpus::read_manifest("newsline.toml", data);
    assert_eq!(manifest, corpus::read_manifest("newsline.toml", data));
    let options = ReadOptions { columns: Columns::default() };
    for (name, kind) in [
        ("f.jsonl", InputKind::Jsonl),
        ("f.html", InputKind::Html),
        ("f.rss", InputKind::Feed),
        ("f.csv", InputKind::Table),
        ("f.tsv", InputKind::Table),
        ("f.warc", InputKind::Warc),
        ("unknown", InputKind::Text),
    ] {
        let read = corpus::read(name, name, data, &options);
        assert_eq!(read, corpus::read(name, name, data, &options), "{kind:?} is deterministic");
        assert!(
            read.sources.iter().all(|s| !s.text.trim().is_empty()),
            "{kind:?} gave an empty article"
        );
    }
    let _ = corpus::read_html("p.html", "p", data, &Page::default());
});
