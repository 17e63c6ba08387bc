//! Paragraphs, words and sentences as byte ranges into the article text.
//!
//! Every range produced here starts and ends on a `char` boundary, so slicing the
//! text with it never panics.

use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;

use super::lexicon;

/// A word: letters and digits, joined by inner hyphens, apostrophes, periods or `&`.
/// It keeps its text beside its byte range: the stages read the texts of most words
/// several times, and slicing the article again each time would check the range's
/// character boundaries again each time. Only this module makes words, so a word's text
/// is always the article's `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    pub start: usize,
    pub end: usize,
    text: &'t str,
}

impl<'t> Word<'t> {
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// `text` as one word standing alone, for the tests of stages that read words.
    #[cfg(test)]
    pub fn alone(text: &'t str) -> Word<'t> {
        Word { start: 0, end: text.len(), text }
    }

    /// The word's first `len` bytes, a character boundary of it: "Friday" of "Friday's".
    pub fn cut_to(&self, len: usize) -> Option<Word<'t>> {
        let text = self.text.get(..len)?;
        Some(Word { start: self.start, end: self.start + len, text })
    }
}

/// Non-empty lines of the text, trimmed of surrounding white space.
///
/// News bodies put one paragraph on a line; a blank line between them changes nothing.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = line_start + (line.len() - line.trim_start().len());
            out.push(start..start + trimmed.len());
        }
        line_start += line.len() + 1;
    }
    out
}

/// What a character is to the word splitter: part of a word (a letter or a digit), a
/// joiner that stays inside a word when a letter or digit follows it (a hyphen, an
/// apostrophe, a period or `&`), or neither.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    WordChar,
    Joiner,
    Other,
}

/// The class of every ASCII byte, looked up rather than worked out: nearly every
/// character of an English text is ASCII, and the splitter reads every one.
const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() {
            Class::WordChar
        } else if matches!(byte, b'-' | b'\'' | b'.' | b'&') {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    classes
};

/// The class of the character starting at byte `at` of `s` (a character boundary) and
/// its width, decoded only when it is not ASCII.
fn class_at(s: &str, at: usize) -> Option<(Class, usize)> {
    match *s.as_bytes().get(at)? {
        b if b.is_ascii() => Some((ASCII_CLASSES[usize::from(b)], 1)),
        _ => {
            let c = s.get(at..)?.chars().next()?;
            let class = if c == '’' {
                Class::Joiner
            } else if is_letter_or_digit(c) {
                Class::WordChar
            } else {
                Class::Other
            };
            Some((class, c.len_utf8()))
        }
    }
}

/// `char::is_alphanumeric`, read faster for the characters news prints most outside ASCII:
/// curly quotes and dashes, whose block (General Punctuation, up to the superscripts)
/// holds no letter or digit, are answered without a look-up in the Unicode tables.
pub fn is_letter_or_digit(c: char) -> bool {
    !('\u{2010}'..='\u{205E}').contains(&c) && c.is_alphanumeric()
}

/// One in every byte of a `u64`: a byte value times this is that byte in every place.
const EACH_BYTE: u64 = u64::MAX / 255;

/// The top bit of every byte of a `u64`.
const TOP_BITS: u64 = EACH_BYTE * 0x80;

/// The top bit of each byte of `chunk` set where that byte is an ASCII letter or digit,
/// or an apostrophe `'` when `apostrophes`: eight bytes classified at once.
fn word_bytes(chunk: u64, apostrophes: bool) -> u64 {
    // Each byte's low seven bits, so that adding to a byte carries into no other: the top
    // bit of `low + (0x80 - lo)` says whether the byte is at least `lo`.
    let low = chunk & !TOP_BITS;
    let at_least = |bytes: u64, lo: u8| (bytes + EACH_BYTE * u64::from(0x80 - lo)) & TOP_BITS;
    let within = |bytes: u64, lo: u8, hi: u8| at_least(bytes, lo) & !at_least(bytes, hi + 1);
    // A letter in either case is a lower-case letter once the bit 0x20 is set.
    let letters = within(low | (EACH_BYTE * 0x20), b'a', b'z');
    let apostrophe = if apostrophes { within(low, b'\'', b'\'') } else { 0 };
    (within(low, b'0', b'9') | letters | apostrophe) & !chunk
}

/// How many bytes from `from` on are ASCII letters or digits (or apostrophes, with
/// `apostrophes`). Read eight bytes at a time: a loop over single bytes would stop at the
/// end of nearly every word, at a branch no predictor can learn.
fn ascii_run(bytes: &[u8], from: usize, apostrophes: bool) -> usize {
    let mut at = from;
    loop {
        let chunk = match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            Some(chunk) => *chunk,
            None => {
                // The last few bytes, padded with a byte outside ASCII, which ends every run.
                let mut padded = [0x80; 8];
                let rest = bytes.get(at..).unwrap_or_default();
                padded[..rest.len()].copy_from_slice(rest);
                padded
            }
        };
        let run = (!word_bytes(u64::from_le_bytes(chunk), apostrophes) & TOP_BITS).trailing_zeros()
            as usize
            / 8;
        at += run;
        if run < 8 {
            return at - from;
        }
    }
}

/// The words of `range`, in order.
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    // News prose has a word in about every six bytes: room for one in five spares nearly
    // every article the copy of growing the list.
    let mut out = Vec::with_capacity(slice.len() / 5);
    let bytes = slice.as_bytes();
    let mut at = 0;
    while let Some((class, width)) = class_at(slice, at) {
        if class != Class::WordChar {
            at += width;
            continue;
        }
        let start = at;
        at += width;
        // Most of a word is ASCII letters and digits: they are passed over eight at a time
        // before the general loop, which decodes and looks ahead, takes over.
        at += ascii_run(bytes, at, false);
        let mut end = at;
        while let Some((class, width)) = class_at(slice, at) {
            match class {
                Class::WordChar => {
                    at += width;
                    end = at;
                }
                // A joiner stays inside the word only when a letter or digit follows it.
                Class::Joiner
                    if class_at(slice, at + width)
                        .is_some_and(|(next, _)| next == Class::WordChar) =>
                {
                    at += width;
                }
                _ => break,
            }
        }
        // Keep the final period of abbreviations such as "U.S." or "Mr.".
        if slice.as_bytes().get(end) == Some(&b'.') && lexicon::keeps_period(&slice[start..end]) {
            end += 1;
            at = end;
        }
        out.push(Word {
            start: range.start + start,
            end: range.start + end,
            text: &slice[start..end],
        });
    }
    out
}

/// The runs of letters, digits and apostrophes of `s`, in order: "don't" is one, and
/// "no-one" two. Stance reads every reported clause and quote so, by the splitter's
/// classes, which read an ASCII byte as it is.
pub fn apostrophe_words(s: &str) -> impl Iterator<Item = &str> {
    let in_word = move |at: usize| {
        class_at(s, at).map(|(class, width)| {
            let apostrophe = class == Class::Joiner
                && s.get(at..).is_some_and(|rest| rest.starts_with(['\'', '’']));
            (class == Class::WordChar || apostrophe, width)
        })
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            match in_word(at)? {
                (true, _) => break,
                (false, width) => at += width,
            }
        }
        let start = at;
        loop {
            at += ascii_run(s.as_bytes(), at, true);
            match in_word(at) {
                Some((true, width)) => at += width,
                _ => break,
            }
        }
        s.get(start..at)
    })
}

/// The words of a whole text, found once and handed out by range, so the stages
/// that look at the same sentence do not split it into words again.
pub struct WordIndex<'t> {
    words: Vec<Word<'t>>,
    /// Each sentence's byte range, and where its words sit, once filed: every stage asks
    /// for the words of every sentence in turn.
    sentences: Vec<(Range<usize>, Range<usize>)>,
    /// The sentence after the last one asked for, which is most often the next asked for.
    next_sentence: Cell<usize>,
    /// Where the words of the last range asked for ended. The stages ask for the sentences
    /// in order, so the next range's words usually start there, and no search finds them.
    last_end: Cell<usize>,
}

impl<'t> WordIndex<'t> {
    pub fn new(text: &'t str) -> WordIndex<'t> {
        WordIndex {
            words: words(text, 0..text.len()),
            sentences: Vec::new(),
            next_sentence: Cell::new(0),
            last_end: Cell::new(0),
        }
    }

    /// Files where the words of each of `sentences` sit, found once here rather than by a
    /// search each time a stage asks.
    pub fn file_sentences(&mut self, sentences: &[Range<usize>]) {
        self.sentences = sentences.iter().map(|s| (s.clone(), self.positions(s.clone()))).collect();
    }

    /// The words lying wholly inside `range`, in order.
    pub fn within(&self, range: Range<usize>) -> &[Word<'t>] {
        &self.words[self.positions(range)]
    }

    /// Where the words lying wholly inside `range` sit in [`WordIndex::all`].
    pub fn positions(&self, range: Range<usize>) -> Range<usize> {
        // A stage asks for the next sentence, or starts again from the first.
        let next = self.next_sentence.get();
        for at in [next, 0] {
            if let Some((_, words)) = self.sentences.get(at).filter(|(bytes, _)| *bytes == range) {
                self.next_sentence.set(at + 1);
                self.last_end.set(words.end);
                return words.clone();
            }
        }
        let starts_before = |w: &Word| w.start < range.start;
        let hint = self.last_end.get();
        let at_hint = hint <= self.words.len()
            && hint.checked_sub(1).is_none_or(|before| starts_before(&self.words[before]))
            && self.words.get(hint).is_none_or(|w| !starts_before(w));
        let first = if at_hint { hint } else { self.words.partition_point(starts_before) };
        // A word before `first` that ends after `range` leaves no word inside it; the
        // words from `first` on end in order, so the count of those inside is one search.
        let end = first + leading(&self.words[first..], |w| w.end <= range.end);
        self.last_end.set(end);
        first..end
    }

    /// Every word of the text, in order.
    pub fn all(&self) -> &[Word<'t>] {
        &self.words
    }
}

/// How many of `words` from the front satisfy `holds`, which holds of a prefix: found by
/// steps that double from the front, since the range asked for is most often a sentence
/// or less, and then a search within the last step.
fn leading(words: &[Word], holds: impl Fn(&Word) -> bool) -> usize {
    let (mut low, mut step) = (0, 1);
    while low + step <= words.len() && holds(&words[low + step - 1]) {
        low += step;
        step *= 2;
    }
    let high = words.len().min(low + step);
    low + words[low..high].partition_point(holds)
}

/// Fixed strings to search for, each with its searcher (`memchr::memmem`), built on first
/// use and kept: a stretch of text searched for the same few strings again and again is
/// searched with these rather than with `str::find`, which builds its searcher anew on
/// every call.
pub struct Searchers {
    patterns: &'static [&'static str],
    finders: OnceLock<Vec<memmem::Finder<'static>>>,
}

impl Searchers {
    pub const fn new(patterns: &'static [&'static str]) -> Searchers {
        Searchers { patterns, finders: OnceLock::new() }
    }

    /// Each pattern with its searcher, in the order given.
    pub fn each(&self) -> impl Iterator<Item = (&'static str, &memmem::Finder<'static>)> {
        let finders = self
            .finders
            .get_or_init(|| self.patterns.iter().map(|&p| memmem::Finder::new(p)).collect());
        self.patterns.iter().copied().zip(finders)
    }
}

/// Whether `s` has at least `n` words between white space: counting stops at the
/// `n`th, as a long stretch is often asked only whether it has a few.
pub fn has_words(s: &str, n: usize) -> bool {
    n == 0 || s.split_whitespace().nth(n - 1).is_some()
}

/// The one of `shield`'s ranges (sorted by start, not overlapping) that holds `at`.
fn shield_at(shield: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let after = shield.partition_point(|r| r.start <= at);
    after.checked_sub(1).map(|i| &shield[i]).filter(|r| at < r.end)
}

/// The union of `ranges`, sorted and not overlapping, for [`sentences`].
pub fn shield(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Sentence ranges inside a paragraph. `protected` ranges (quoted speech, as [`shield`]
/// merges them) are never split, so a multi-sentence quote stays inside one sentence
/// with its attribution.
pub fn sentences(text: &str, para: Range<usize>, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    let slice = &text[para.clone()];
    // The marks are ASCII, so a byte search finds them, each on a character boundary.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', slice.as_bytes()) {
        let at = para.start + i;
        // A quote's own last period can end the sentence too: "… “an intentional act.” At a
        // press conference …" is two sentences, unless the attribution follows a quote that
        // opened the sentence ("“We won.” Jane Doe said.").
        let shielding = shield_at(protected, at);
        let ends_quote = shielding.is_some_and(|r| r.end == at + 1);
        if shielding.is_some() && !ends_quote {
            continue;
        }
        let quote_opened_sentence = shielding.is_some_and(|r| {
            // The range starts after the opening mark.
            let before = text[start..r.start.max(start)]
                .trim_end_matches(['“', '”', '"', '`', '\''])
                .trim_end();
            before.is_empty() || before.ends_with(':')
        });
        // Closing quotes and brackets belong to the sentence they close.
        let mut end = at + 1;
        let rest = &text[end..para.end];
        let closers: usize = rest
            .chars()
            .take_while(|d| matches!(d, '"' | '”' | '’' | '\'' | ')' | ']'))
            .map(char::len_utf8)
            .sum();
        end += closers;
        let after = &text[end..para.end];
        let next = after.trim_start().chars().next();
        let spaced = after.starts_with(char::is_whitespace);
        let boundary = match next {
            None => false,
            Some(n) => {
                let quote_opens = matches!(n, '"' | '“' | '‘' | '(')
                    || after.trim_start().starts_with("''")
                    || after.trim_start().starts_with("``");
                spaced && (n.is_uppercase() || n.is_numeric() || quote_opens)
            }
        };
        if !boundary
            || ends_with_abbreviation(&text[start..at])
            || (ends_quote && quote_opened_sentence && attribution_follows(after))
        {
            continue;
        }
        out.push(start..end);
        start = end + (after.len() - after.trim_start().len());
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

/// Whether the words after a closing quote attribute it: “We won.” Jane Doe said.
fn attribution_follows(after: &str) -> bool {
    let clause = after.split(['.', ',', ';', ':', '!', '?', '“', '"']).next().unwrap_or("");
    clause.split_whitespace().take(6).any(|w| lexicon::speech_verb(w).is_some())
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    lexicon::keeps_period(last)
}

/// The white-space separated pieces of `slice`, each with its byte offset in `slice`.
pub fn pieces_with_offsets(slice: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    slice.split_whitespace().map(move |w| (w.as_ptr() as usize - slice.as_ptr() as usize, w))
}

/// `s` split around its first `separator`, an ASCII byte. Names, clause ends and words
/// are split so, a few words long, many times per article: a loop over the bytes, where
/// `split_once` sets up a searcher on every call.
pub fn split_at_first(s: &str, separator: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == separator)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` split around its first space (see [`split_at_first`]).
pub fn split_at_first_space(s: &str) -> Option<(&str, &str)> {
    split_at_first(s, b' ')
}

/// `s` split around its last space (see [`split_at_first_space`]).
pub fn split_at_last_space(s: &str) -> Option<(&str, &str)> {
    let at = s.bytes().rposition(|b| b == b' ')?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// What follows the last space of `s`, or all of it: "Hillary Clinton" → "Clinton".
pub fn after_last_space(s: &str) -> &str {
    split_at_last_space(s).map_or(s, |(_, last)| last)
}

/// The word without its possessive "'s" or "’s": "Russia's", "Clinton’s".
pub fn without_apostrophe_s(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
}

/// The word without any possessive ending: "Russia's", "Clinton’s" and "Jones’".
pub fn possessive_stem(word: &str) -> Option<&str> {
    without_apostrophe_s(word).or_else(|| word.strip_suffix("s’"))
}

/// Whether `word` begins with an upper-case letter, as a word that names something
/// does. Asked of nearly every word, so an ASCII first byte is read as it is.
pub fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_general_punctuation_block_holds_no_letter_or_digit() {
        // The word splitter classes these characters without the Unicode tables.
        let block = ('\u{2010}'..='\u{205E}').collect::<Vec<char>>();
        assert_eq!(block.len(), 0x205E - 0x2010 + 1);
        assert!(block.iter().all(|c| !c.is_alphanumeric()));
        assert!(
            ('\u{205F}'..='\u{2071}').any(char::is_alphanumeric),
            "the block ends before the superscripts"
        );
        for text in ["“Yes” – said…", "a‐b ‘c’ d—e", "x⁄y ‱ z"] {
            let words: Vec<&str> = words(text, 0..text.len()).iter().map(|w| w.text).collect();
            let expected: Vec<&str> =
                text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(words, expected, "{text:?}");
        }
    }

    #[test]
    fn positions_are_the_words_wholly_inside_a_range_in_any_order_of_asking() {
        let text = "One two, three. Four-five six’s seven! «Eight» nine ten eleven twelve.";
        let index = WordIndex::new(text);
        let all = index.all();
        // Two searches over every word, as positions were found before they were hinted.
        let searched = |r: &Range<usize>| {
            let first = all.partition_point(|w| w.start < r.start);
            first..all.partition_point(|w| w.end <= r.end).max(first)
        };
        // Every range between character boundaries, asked in order and then backwards,
        // so that the remembered end is sometimes right and sometimes not.
        let bounds: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        let mut ranges: Vec<Range<usize>> = bounds
            .iter()
            .flat_map(|&a| bounds.iter().filter(move |&&b| b >= a).map(move |&b| a..b))
            .collect();
        for pass in 0..2 {
            for r in &ranges {
                assert_eq!(index.positions(r.clone()), searched(r), "{r:?} (pass {pass})");
            }
            ranges.reverse();
        }
    }

    #[test]
    fn spaces_split_as_split_once_and_rsplit_do() {
        for s in [
            "Hillary Rodham Clinton",
            "Clinton",
            "",
            " lead",
            "trail ",
            "a  b",
            "Mr.\u{a0}Smith said",
        ] {
            assert_eq!(split_at_first_space(s), s.split_once(' '), "{s:?}");
            assert_eq!(split_at_last_space(s), s.rsplit_once(' '), "{s:?}");
            assert_eq!(after_last_space(s), s.rsplit(' ').next().unwrap_or(s), "{s:?}");
        }
        for s in [
            "third-quarter",
            "six-year-long",
            "mid-août",
            "-x",
            "x-",
            "no hyphen",
            "‐unicode‐hyphen",
        ] {
            assert_eq!(split_at_first(s, b'-'), s.split_once('-'), "{s:?}");
        }
    }

    fn texts<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn has_words_counts_only_as_far_as_asked() {
        assert!(has_words("", 0));
        assert!(!has_words("  ", 1));
        assert!(has_words(" one  two\nthree ", 3));
        assert!(!has_words(" one  two\nthree ", 4));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "Mr. Fox met Gen. Smith in the U.S. on Jan. 5. Then he left.";
        let s = sentences(text, 0..text.len(), &[]);
        assert_eq!(
            texts(text, &s),
            ["Mr. Fox met Gen. Smith in the U.S. on Jan. 5.", "Then he left."]
        );
    }

    #[test]
    fn quoted_sentences_stay_with_their_attribution() {
        let text = "“We won. We will win again,” she said. Next.";
        let quote = 3..text.find('”').unwrap();
        let s = sentences(text, 0..text.len(), &[quote]);
        assert_eq!(texts(text, &s), ["“We won. We will win again,” she said.", "Next."]);
        // A quote's own last period ends its sentence, unless the attribution follows.
        let text = "It was “an intentional act.” At a briefing, Jane Doe spoke.";
        let quote = text.find('“').unwrap() + 3..text.find('”').unwrap();
        let s = sentences(text, 0..text.len(), &[quote]);
        assert_eq!(
            texts(text, &s),
            ["It was “an intentional act.”", "At a briefing, Jane Doe spoke."]
        );
        let text = "“We won.” Jane Doe said so.";
        let quote = 3..text.find('”').unwrap();
        assert_eq!(sentences(text, 0..text.len(), &[quote]).len(), 1);
    }

    #[test]
    fn apostrophe_words_split_where_stance_reads_a_word_break() {
        let text = "“Don't,” she said: no-one’s café — 'rubbish' & 3.5%";
        let split: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(apostrophe_words(text).collect::<Vec<_>>(), split);
        assert_eq!(split, ["Don't", "she", "said", "no", "one’s", "café", "'rubbish'", "3", "5"]);
    }

    #[test]
    fn words_keep_joiners_and_abbreviation_periods() {
        let text = "Trump’s U.S. al-Bab, rubbish.";
        let w: Vec<&str> = words(text, 0..text.len()).iter().map(super::Word::text).collect();
        assert_eq!(w, ["Trump’s", "U.S.", "al-Bab", "rubbish"]);
    }

    #[test]
    fn a_word_is_the_text_of_its_range_and_is_cut_only_at_a_character_boundary() {
        let text = "Le café’s «Öl» K-9, naïve, 2017-01-23 Mr. Ünal’s";
        let index = WordIndex::new(text);
        let texts: Vec<&str> = index.all().iter().map(super::Word::text).collect();
        assert_eq!(texts, ["Le", "café’s", "Öl", "K-9", "naïve", "2017-01-23", "Mr.", "Ünal’s"]);
        for w in index.all() {
            assert_eq!(w.text(), &text[w.start..w.end]);
        }
        let cafe = index.all()[1];
        assert_eq!(cafe.text(), "café’s");
        let stem = cafe.cut_to("café".len()).expect("a character boundary");
        assert_eq!((stem.text(), stem.end), ("café", cafe.start + "café".len()));
        assert_eq!(cafe.cut_to("caf".len() + 1), None, "inside the é");
        assert_eq!(cafe.cut_to(cafe.text().len() + 1), None, "past the word");
    }

    #[test]
    fn eight_bytes_at_a_time_find_the_run_a_byte_at_a_time_finds() {
        let by_bytes = |bytes: &[u8], from: usize, apostrophes: bool| {
            bytes[from..]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || (apostrophes && b == b'\''))
                .count()
        };
        // Every ASCII byte and the lead and continuation bytes of "é", each at every place
        // in and past a chunk, between letters and digits.
        let mut cases: Vec<Vec<u8>> = (0..128u8)
            .chain([0xC3, 0xA9])
            .flat_map(|b| {
                (0..18).map(move |at| {
                    let mut bytes = b"abcdefghij0123456789".to_vec();
                    bytes.insert(at, b);
                    bytes
                })
            })
            .collect();
        cases.extend(
            [
                "don't stop",
                "Ünal’s",
                "rock'n'roll-era 2017's",
                "a",
                "",
                "xxxxxxxxxxxxxxxx'",
                " \t\n, ;-- (\"quoted\") ... ok",
            ]
            .map(|t| t.as_bytes().to_vec()),
        );
        for bytes in &cases {
            for from in 0..bytes.len() {
                for apostrophes in [false, true] {
                    assert_eq!(
                        ascii_run(bytes, from, apostrophes),
                        by_bytes(bytes, from, apostrophes),
                        "{bytes:?} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn filed_sentences_give_the_words_a_search_gives_in_any_order() {
        let text = "Mr. Smith said so. “We won,” she said. Then: nothing! Moscow denied it, and the U.S. agreed.";
        let shield = shield(&[]);
        let sentences: Vec<Range<usize>> =
            paragraphs(text).into_iter().flat_map(|p| self::sentences(text, p, &shield)).collect();
        assert!(sentences.len() > 3);
        let searched = WordIndex::new(text);
        let mut filed = WordIndex::new(text);
        filed.file_sentences(&sentences);
        // Sentences in order, again from the first, backwards, and stretches that are no
        // sentence between them.
        let stretches = sentences
            .iter()
            .cloned()
            .chain(sentences.iter().cloned())
            .chain(sentences.iter().rev().cloned());
        let others = [
            0..4,
            3..text.len(),
            20..21,
            sentences[1].start..sentences[2].end,
            sentences[2].clone(),
        ];
        for range in stretches.chain(others) {
            assert_eq!(
                filed.positions(range.clone()),
                searched.positions(range.clone()),
                "{range:?}"
            );
        }
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let text = "One.\n\n  Two.  \n";
        assert_eq!(texts(text, &paragraphs(text)), ["One.", "Two."]);
    }
}
