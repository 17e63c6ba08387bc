//! Lower case, for matching what a reader types against the story's words.
//!
//! Natively this is Rust's Unicode lower-casing. In the page it is the browser's
//! (`String.prototype.toLowerCase`), which implements the same default Unicode mapping, so
//! that the page's wasm does not carry Rust's case tables (about 16 KB before gzip). ASCII,
//! nearly all of what news in English holds, never leaves Rust.

/// `s` in lower case.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        unicode_lower(s)
    }
}

/// `c` in lower case, which may be more than one char ("İ" is "i̇"), appended to `out`.
pub fn lower_char(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        let mut one = [0; 4];
        out.extend(unicode_lower(c.encode_utf8(&mut one)).chars());
    }
}

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn unicode_lower(s: &str) -> String {
    js_sys::JsString::from(s).to_lower_case().into()
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn unicode_lower(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_ascii_and_the_rest_as_unicode_does() {
        assert_eq!(lower("Trump SAID"), "trump said");
        assert_eq!(lower("ÉMILE Zola"), "émile zola");
        assert_eq!(lower("ΟΔΟΣ"), "οδος", "a final sigma");
        let mut out = Vec::new();
        for c in "Aİ".chars() {
            lower_char(c, &mut out);
        }
        assert_eq!(out, ['a', 'i', '\u{307}']);
    }
}
