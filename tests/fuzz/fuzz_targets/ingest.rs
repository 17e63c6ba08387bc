//! The readers on any bytes: no panic, the same result twice, and a .txt body is
//! the file's own text after the date prefix, byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsline::corpus::{read_jsonl, read_manifest, read_txt};

fuzz_target!(|data: &[u8]| {
    let txt = read_txt("f.txt", "f", data);
    assert_eq!(txt, read_txt("f.txt", "f", data));
    if let Ok(source) = &txt {
        let decoded = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)).unwrap();
        assert!(decoded.ends_with(&source.text), "the body is the end of the file");
    }
    let jsonl = read_jsonl("f.jsonl", data);
    assert_eq!(jsonl, read_jsonl("f.jsonl", data));
    let manifest = read_manifest("newsline.toml", data);
    assert_eq!(manifest, read_manifest("newsline.toml", data));
});
