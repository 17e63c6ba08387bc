//! Time expressions, normalised to TIMEX3 values against an explicit anchor date.
//!
//! The anchor is the article's publication date, passed in; nothing reads a clock.
//! Relative expressions in an undated article keep `value: None` and a reason.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use super::lexicon;
use super::rules::Rule;
use super::text::{self, Word, WordIndex};
use crate::dates::{iso_day, push_padded};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How wide a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
}

/// A calendar stretch a date expression covers, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    #[serde(with = "crate::dates::day")]
    pub first: Date,
    #[serde(with = "crate::dates::day")]
    pub last: Date,
    pub granularity: Granularity,
}

/// One time expression in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimexFinding {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// The TIMEX3 value, or `None` when the expression is relative and there is no anchor.
    pub value: Option<String>,
    /// The calendar stretch, for dates that resolved.
    pub interval: Option<Interval>,
    /// The date it was resolved against, when it was relative.
    #[serde(with = "crate::dates::optional_day")]
    pub anchor: Option<Date>,
    /// Why the value is missing, when it is.
    pub unresolved: Option<Cow<'static, str>>,
    /// The pattern that found it.
    pub rule: Rule,
    /// How its value was worked out, when it needed more than its own words.
    pub resolution: Option<Rule>,
}

/// What a matcher recognised, before it is placed in the text.
enum Meaning {
    /// An absolute date: needs no anchor.
    Absolute(Interval),
    /// A date relative to the anchor; the closure-free form is an offset rule.
    Relative(Relative),
    /// "the same day" (`offset` 0): the previous date in the text.
    /// "the following year" (`offset` 1), "the previous day" (-1): counted from the
    /// previous date in the text.
    SameAs {
        granularity: Granularity,
        offset: i64,
    },
    Duration(String),
    Set(String),
    /// A reference to the present, past or future with no calendar extent: `PRESENT_REF`.
    Reference(&'static str),
    /// A time on a day: "10 p.m. Wednesday" (`T22:00`), "Thursday evening" (`TEV`).
    /// Without a day ("at 10 p.m."), the last day the text named, else the anchor.
    Clock {
        day: Option<Box<Meaning>>,
        clock: String,
    },
    /// A reporting period named by its place relative to the one the report is about:
    /// "the latest quarter", "the year-earlier period", "a year ago" in an earnings
    /// report. Resolved against the last quarter the text named; without one, against
    /// the anchor: its last finished quarter (`otherwise` is `Quarter`) or its year.
    Period {
        years_back: i16,
        year: Option<i16>,
        otherwise: Granularity,
    },
}

enum Relative {
    Days(i64),
    /// `last`: "last Monday" said on a Monday is a week back, not today.
    Weekday {
        day: Weekday,
        future: bool,
        last: bool,
    },
    /// This (0), last (-1) or next (1) unit.
    Unit {
        unit: Granularity,
        offset: i64,
    },
    /// A month with no year.
    Month {
        month: i8,
        lean: Lean,
    },
    Season {
        season: Season,
        offset: i64,
    },
    Ago {
        amount: i64,
        unit: Granularity,
    },
    /// "the third quarter": the latest such quarter that has begun by the anchor.
    Quarter(i8),
    /// A month and day with no year.
    MonthDay {
        month: i8,
        day: i8,
        lean: Lean,
    },
    /// "the weekend": the last one before the anchor, or the next one.
    Weekend {
        future: bool,
    },
    /// A month of a year counted from the anchor's: "July last year".
    MonthIn {
        month: i8,
        years: i16,
    },
    /// A quarter of a year counted from the anchor's: "next year's first quarter".
    QuarterIn {
        q: i8,
        years: i16,
    },
    /// A public holiday with no year: "Thanksgiving Day".
    Holiday {
        holiday: Holiday,
        lean: Lean,
    },
}

/// Which occurrence of a yearless month or date is meant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// "last September": the latest one before the anchor's month.
    Last,
    /// "next September", or future tense: the first one after the anchor.
    Next,
    /// "this September": the anchor's year.
    This,
    /// Future tense: the first one from the anchor on (a month from the anchor's month on).
    Ahead,
    /// Past tense: the latest one up to the anchor (a month up to the anchor's month).
    Before,
    /// No cue: the latest one up to the anchor, unless one follows within a quarter
    /// ("payable Dec. 15" in a piece from October).
    Nearest,
}

/// How far ahead a yearless date may fall before it is read as last year's.
const NEAREST_AHEAD_DAYS: i32 = 92;

/// The occurrence of a yearless date that `lean` picks; `at(year)` builds it.
fn pick_year(anchor: Date, lean: Lean, at: impl Fn(i16) -> Option<Date>) -> Option<Date> {
    let this_year = at(anchor.year())?;
    Some(match lean {
        Lean::This => this_year,
        Lean::Ahead
            if this_year >= anchor
                || (this_year.day() == 1 && this_year >= anchor.first_of_month()) =>
        {
            this_year
        }
        Lean::Ahead => at(anchor.year() + 1)?,
        Lean::Last if this_year >= anchor.first_of_month() => at(anchor.year() - 1)?,
        Lean::Next if this_year <= anchor => at(anchor.year() + 1)?,
        Lean::Last | Lean::Next => this_year,
        Lean::Before if this_year <= anchor => this_year,
        Lean::Before => at(anchor.year() - 1)?,
        Lean::Nearest => {
            let ahead = (this_year - anchor).get_days();
            if this_year <= anchor {
                match at(anchor.year() + 1) {
                    Some(next) if (next - anchor).get_days() <= NEAREST_AHEAD_DAYS => next,
                    _ => this_year,
                }
            } else if ahead <= NEAREST_AHEAD_DAYS {
                this_year
            } else {
                at(anchor.year() - 1)?
            }
        }
    })
}

#[derive(Clone, Copy)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// Finds and normalises the time expressions of the given sentences.
/// `quoted` are the quoted stretches: a quote's tense is its own, not the attribution's.
pub fn find(
    text: &str,
    all_words: &WordIndex,
    sentences: &[Range<usize>],
    quoted: &[Range<usize>],
    anchor: Option<Date>,
) -> Vec<TimexFinding> {
    let mut out: Vec<TimexFinding> = Vec::new();
    // Each word's region: outside quotes (None) or inside quote k. Tense is per region.
    let all_regions = regions(all_words.all(), quoted);
    let mut stripped: Vec<Word> = Vec::new();
    // The quarter an earnings report is about: the last one the text named.
    let mut report_quarter: Option<Interval> = None;
    for sentence in sentences {
        let positions = all_words.positions(sentence.clone());
        // "Friday's close" is "Friday": the possessive is not part of the expression. Most
        // sentences have none, and their words are read where they are.
        let sentence_words = &all_words.all()[positions.clone()];
        let words = if sentence_words.iter().any(|w| without_possessive(*w).end != w.end) {
            stripped.clear();
            stripped.extend(sentence_words.iter().map(|w| without_possessive(*w)));
            stripped.as_slice()
        } else {
            sentence_words
        };
        let regions = &all_regions[positions];
        let mut i = 0;
        while i < words.len() {
            if !could_start_before(text, &words[i], words.get(i + 1).map(super::text::Word::text)) {
                i += 1;
                continue;
            }
            // Most candidates match nothing, so the tense is worked out only when asked for.
            let tense = std::cell::OnceCell::new();
            match recognise(text, words, i, &|| {
                *tense.get_or_init(|| tense_at(text, words, regions, i))
            }) {
                Some((last, meaning, rule)) => {
                    let start = words[i].start;
                    let end = words[last].end;
                    let reported = names_reported_quarter(&meaning);
                    let placed = place(start..end, meaning, rule, anchor, &out, report_quarter);
                    if reported {
                        report_quarter = placed.interval.or(report_quarter);
                    }
                    out.push(placed);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// How a word may open a pattern of [`recognise`], by the table [`openers`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opens {
    /// Whatever follows it.
    Always,
    /// Only before a word [`could_follow_the`] allows: "the third quarter", "the weekend".
    BeforeTheirNoun,
    /// Only before a unit of time (or "few" or "couple"): "a week", "a few days", "a
    /// couple of years", "that day", "for years".
    BeforeUnit,
    /// "this", only before a word that names or counts a time: "this year", "this morning",
    /// "this March", "this summer", "this Friday", "this three weeks".
    BeforeTimeWord,
    /// "over", only before an article or a unit: "over the years", "over a decade".
    BeforeArticleOrUnit,
    /// Only before an amount, as an approximation: "about three weeks", "some 24-hour",
    /// "nearly a year", "almost several days" (see [`duration`]); before anything else it
    /// dates nothing.
    BeforeAmount,
    /// Only before the word that makes it a holiday's name: "Election Day", "Independence
    /// Day", "New Year's Day" (see [`holiday`]); alone, these words date nothing.
    BeforeHolidayWord,
    /// As a weekday named in full: "Monday", "Monday." (not in a compound).
    Weekday,
    /// As an abbreviated weekday, which keeps its period: "Mon.", "Thurs.".
    AbbreviatedWeekday,
}

/// Whether a word, with the word after it, can open any pattern of [`recognise`]: a
/// cheap test that lets most words of a sentence pass without the full match.
fn could_start_before(text: &str, w: &Word, next: Option<&str>) -> bool {
    let word = w.text();
    let key = lexicon::Key::exact_in(text.as_bytes(), w.start, word.len());
    let (ascii, hyphen) = ascii_and_first_hyphen(word, key);
    if !ascii {
        return false;
    }
    if word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    // "mid-1990s", "Oct.": a word opens as its part before a hyphen, without periods. The
    // word is ASCII, so its periods are trimmed as bytes, with no character decoded.
    let before_hyphen = &word.as_bytes()[..hyphen.unwrap_or(word.len())];
    let head = &word[..before_hyphen.iter().rposition(|&b| b != b'.').map_or(0, |last| last + 1)];
    let whole = head.len() == word.len();
    let Some(opens) = openers().get_packed(head, || key.filter(|_| whole)) else {
        return false;
    };
    match opens {
        Opens::Always => true,
        Opens::Weekday => hyphen.is_none(),
        Opens::AbbreviatedWeekday => hyphen.is_none() && word.ends_with('.'),
        // Part of a compound or with periods, a word that opens only before some words
        // opens whatever follows it.
        _ if !whole => true,
        Opens::BeforeTheirNoun => next.is_some_and(could_follow_the),
        Opens::BeforeUnit => next.is_some_and(could_follow_unit_opener),
        Opens::BeforeHolidayWord => {
            next.is_some_and(|n| matches!(n, "Day" | "Year" | "Year's" | "Year’s"))
        }
        Opens::BeforeAmount => next.is_some_and(could_be_an_amount),
        Opens::BeforeTimeWord => next.is_some_and(names_or_counts_a_time),
        Opens::BeforeArticleOrUnit => next.is_some_and(|n| {
            ["the", "a", "an"].iter().any(|a| n.eq_ignore_ascii_case(a))
                || could_follow_unit_opener(n)
        }),
    }
}

/// Whether `word` is ASCII, and where its first hyphen is, read from its key
/// ([`lexicon::Key::exact`]) when it has one. Every word is asked, so the key is packed
/// from the text in one load, with no loop over the word's bytes whose end a branch would
/// have to guess.
fn ascii_and_first_hyphen(word: &str, key: Option<lexicon::Key>) -> (bool, Option<usize>) {
    match key {
        Some(key) => (true, key.position(b'-')),
        None => (word.is_ascii(), word.bytes().position(|b| b == b'-')),
    }
}

/// The openers of relative, vague and set expressions, which open whatever follows them.
const OPENING_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "now",
    "currently",
    "recently",
    "first",
    "second",
    "third",
    "several",
    "many",
    "fourth",
    "earlier",
    "later",
    "every",
    "almost",
    "nearly",
    "about",
    "some",
    "roughly",
    "around",
    "noon",
    "midnight",
    "mid",
    "each",
    "year",
    "few",
    "daily",
    "weekly",
    "monthly",
    "hourly",
    "nineties",
    "eighties",
    "seventies",
    "sixties",
    "recent",
    "within",
    "over",
    "midday",
    "late",
    "early",
    "christmas",
    "thanksgiving",
    "election",
    "independence",
    "new",
    "morning",
    "afternoon",
    "evening",
    "night",
    "midafternoon",
    "midmorning",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "hours",
    "minutes",
    "quarters",
];

/// The words that open a pattern of [`recognise`], besides digits: weekdays, month
/// names, number words and the openers of relative, vague and set expressions. Every
/// word of a text is asked about, so they are one [`lexicon::Table`].
fn openers() -> &'static lexicon::Table<Opens> {
    static OPENERS: OnceLock<lexicon::Table<Opens>> = OnceLock::new();
    OPENERS.get_or_init(|| {
        let months = MONTHS.iter().chain(&SHORT_MONTHS).chain(&["sept"]);
        let numbers =
            NUMBER_WORDS.iter().copied().chain(OTHER_NUMBER_WORDS.iter().map(|&(word, _)| word));
        let always =
            OPENING_WORDS.iter().chain(months).copied().chain(numbers).map(|w| (w, Opens::Always));
        let weekdays = WEEKDAYS.iter().map(|&(name, _, _)| (name, Opens::Weekday));
        let abbreviated = WEEKDAYS.iter().flat_map(|&(_, abbreviations, _)| {
            abbreviations.iter().map(|&a| (a, Opens::AbbreviatedWeekday))
        });
        // Later entries win: a word that opens anything is no mere weekday; "the", "a", "an",
        // "that", "for", "this" and "over", among the commonest words, and the vague counts
        // open only before a few; and the first words of three holidays only before the word
        // that makes them one.
        let before_noun = [("the", Opens::BeforeTheirNoun)];
        let before_unit =
            ["a", "an", "that", "for", "many", "several", "few"].map(|w| (w, Opens::BeforeUnit));
        let before_time_word =
            [("this", Opens::BeforeTimeWord), ("over", Opens::BeforeArticleOrUnit)];
        let before_holiday_word =
            ["election", "independence", "new"].map(|w| (w, Opens::BeforeHolidayWord));
        let before_amount = APPROXIMATIONS.map(|w| (w, Opens::BeforeAmount));
        weekdays
            .chain(abbreviated)
            .chain(always)
            .chain(before_noun)
            .chain(before_unit)
            .chain(before_holiday_word)
            .chain(before_amount)
            .chain(before_time_word)
            .collect()
    })
}

/// The words that make a duration approximate ("about three weeks"), besides "over", which
/// opens durations of its own ("over the years").
const APPROXIMATIONS: [&str; 6] = ["almost", "nearly", "about", "some", "roughly", "around"];

/// Whether a word after "this" ([`Opens::BeforeTimeWord`]) names or counts a time: a
/// number, a vague count, a month, a season, a weekday, a part of the day or a unit.
fn names_or_counts_a_time(word: &str) -> bool {
    number(word).is_some()
        || ["few", "several"].iter().any(|v| word.eq_ignore_ascii_case(v))
        || month_number(word).is_some()
        || season(word).is_some()
        || weekday(word).is_some()
        || day_part(word).is_some()
        || unit(word).is_some()
}

/// Whether a word after an approximation ([`Opens::BeforeAmount`]) can open the amount of a
/// duration: a number ("a" and "an" count one), a vague count, or an amount and its unit
/// joined by a hyphen ("24-hour").
fn could_be_an_amount(word: &str) -> bool {
    word.contains('-')
        || number(word).is_some()
        || VAGUE_COUNTS.iter().any(|v| word.eq_ignore_ascii_case(v))
}

/// The counts of a duration of unstated length: "several years", "many months".
const VAGUE_COUNTS: [&str; 4] = ["several", "many", "some", "few"];

/// Whether a word after one of [`Opens::BeforeUnit`]'s words can continue a time expression.
fn could_follow_unit_opener(word: &str) -> bool {
    word.is_ascii()
        && lexicon::with_lowercase(word, |w| {
            matches!(w, "few" | "couple") || unit_code(w).is_some()
        })
}

/// Whether a word after "the" can continue a time expression: "the third quarter", "the
/// past year", "the weekend", "the 1990s", "the summer", "the weeks ahead".
fn could_follow_the(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    word.is_ascii()
        && lexicon::with_lowercase(word, |w| {
            quarter_ordinal(w).is_some()
                || season_lower(w).is_some()
                || spoken_decade(w).is_some()
                || unit_lower(w.trim_end_matches('s')).is_some()
                || w.starts_with("mid-")
                || w.starts_with("fiscal")
                || matches!(
                    w,
                    "past"
                        | "last"
                        | "next"
                        | "coming"
                        | "previous"
                        | "preceding"
                        | "first"
                        | "following"
                        | "same"
                        | "weekend"
                        | "near"
                        | "short"
                        | "latest"
                        | "current"
                        | "present"
                        | "most"
                        | "recent"
                        | "full"
                        | "year-earlier"
                        | "year-ago"
                        | "comparable"
                        | "corresponding"
                        | "prior-year"
                        | "future"
                        | "early"
                        | "late"
                        | "period"
                )
        })
}

/// Whether the text between two words is the `'s ` that [`without_possessive`] cut off.
fn is_possessive_gap(gap: &str) -> bool {
    matches!(gap, "'s " | "’s ")
}

/// `w` without a trailing `'s` or `’s`.
fn without_possessive(w: Word<'_>) -> Word<'_> {
    let t = w.text();
    // Asked of every word: the last byte is read as it is, not decoded as a character.
    if !matches!(t.as_bytes().last(), Some(b's' | b'S')) {
        return w;
    }
    let cut = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .filter(|rest| !rest.is_empty());
    cut.and_then(|rest| w.cut_to(rest.len())).unwrap_or(w)
}

/// How far back a tense cue may stand from the expression it governs.
const TENSE_REACH: usize = 8;
/// How far ahead a tense cue may stand when none precedes the expression: the verb
/// of "In January, the company reported" follows its subject.
const TENSE_REACH_AHEAD: usize = 5;

/// The tense that governs an expression, which decides the year of a yearless date
/// and the week of a weekday.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    /// No cue in reach: dates lean to the nearest occurrence.
    Unmarked,
}

impl Tense {
    fn is_future(self) -> bool {
        self == Tense::Future
    }
}

/// The tense of the expression at word `i`: the nearest tense cue before it, in the
/// same clause and quote ("The king met Monday and will fly on Thursday": only
/// Thursday is future), or failing that a future cue shortly after it ("On Tuesday,
/// the league plans to"). Only a past verb right before the expression ("ended
/// Jan. 31") makes it past: one further away often governs a later date ("extended
/// the offer to Nov. 20").
fn tense_at(text: &str, words: &[Word], regions: &[Option<usize>], i: usize) -> Tense {
    let is = |k: usize, options: &[&str]| {
        lexicon::with_lowercase(words[k].text(), |w| options.contains(&w))
    };
    let clause_break = |a: usize, b: usize| text[words[a].end..words[b].start].contains([';', ':']);
    let to_follows =
        |k: usize| words.get(k + 1).is_some_and(|x| x.text().eq_ignore_ascii_case("to"));
    // The first cue after the expression: `Some(true)` for a future one. A name counts
    // for nothing in the reach ("On Tuesday, the National Abortion and Reproductive
    // Rights Action League plans to").
    let ahead = || {
        let mut reach = 0;
        for k in i + 1..words.len() {
            if regions[k] != regions[i] || clause_break(k - 1, k) {
                break;
            }
            if !text::is_capitalised(words[k].text()) {
                reach += 1;
            }
            if reach > TENSE_REACH_AHEAD {
                break;
            }
            if let Some(tense) = tense_cue(words[k].text(), k - i, to_follows(k)) {
                // "On Friday, the government planned to pay": a plan made then.
                return Some(tense == Tense::Future && !is(k, &["planned"]));
            }
        }
        None
    };
    for k in (i.saturating_sub(TENSE_REACH)..i).rev() {
        if regions[k] != regions[i] || clause_break(k, k + 1) {
            break;
        }
        // "as early as Tuesday", "as soon as Tuesday": the earliest a thing can happen.
        if k >= 1
            && k + 2 == i
            && is(k - 1, &["as"])
            && is(k, &["early", "soon"])
            && is(k + 1, &["as"])
        {
            return Tense::Future;
        }
        let Some(tense) = tense_cue(words[k].text(), i - k, k + 1 < i && to_follows(k)) else {
            continue;
        };
        // "until Tuesday" looks ahead, but not in "not until Tuesday", "up until
        // Thursday" or "Until Thursday, they had not called".
        if is(k, &["until", "till"])
            && ((k > 0 && is(k - 1, &["up", "not", "only"])) || ahead() == Some(false))
        {
            return Tense::Unmarked;
        }
        return match tense {
            Tense::Past if i - k > 1 => Tense::Unmarked,
            tense => tense,
        };
    }
    if ahead() == Some(true) {
        Tense::Future
    } else {
        Tense::Unmarked
    }
}

/// The tense a word marks, if any: the future ("will", "set to", "until") or the past
/// (a past verb). A regular past form ("-ed") and the words that mark only what
/// follows them ("until Monday") count only within two words of the expression.
/// `to_follows`: the next word is "to", which makes "set", "due" or "plans" a plan.
fn tense_cue(word: &str, distance: usize, to_follows: bool) -> Option<Tense> {
    let near = distance <= 2;
    lexicon::with_lowercase(word, |w| match w {
        "next" if to_follows => None,
        "set" | "due" | "planned" | "plans" | "plan" | "planning" | "likely" | "going"
            if to_follows =>
        {
            Some(Tense::Future)
        }
        "soon" | "until" | "till" | "effective" if near => Some(Tense::Future),
        "will" | "shall" | "upcoming" | "expected" | "scheduled" | "next" | "coming" | "ahead" => {
            Some(Tense::Future)
        }
        "was" | "were" | "had" | "did" | "last" | "ago" | "since" => Some(Tense::Past),
        _ if lexicon::is_common_past(w) => Some(Tense::Past),
        _ if w.ends_with("ll") && (w.contains('\'') || w.contains('\u{2019}')) => {
            Some(Tense::Future)
        }
        _ if near && w.len() > 4 && w.ends_with("ed") => Some(Tense::Past),
        _ => None,
    })
}

/// Whether `meaning` names the quarter a report is about ("the third quarter", "the
/// latest quarter"), which later periods such as "a year earlier" are counted from. A
/// quarter with its year ("the third quarter of 1990") is a forecast or a comparison.
fn names_reported_quarter(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Relative(Relative::Quarter(_)) | Meaning::Period { years_back: 0, year: None, .. }
    )
}

/// Why a relative expression has no value in an undated article.
const NO_ANCHOR: &str = "relative to an article date the article does not have";
/// Why an expression that should resolve has no value.
const OUT_OF_CALENDAR: &str = "falls outside the supported calendar";

/// Resolves `meaning` at `start..end`; `earlier` are the expressions before it, for
/// those that refer back ("the same day"), and `report_quarter` the quarter the text
/// reports on, for periods counted from it ("the year-earlier quarter").
fn place(
    span: Range<usize>,
    meaning: Meaning,
    rule: Rule,
    anchor: Option<Date>,
    earlier: &[TimexFinding],
    report_quarter: Option<Interval>,
) -> TimexFinding {
    let mut t = TimexFinding {
        start: span.start,
        end: span.end,
        kind: TimexType::Date,
        value: None,
        interval: None,
        anchor: None,
        unresolved: None,
        rule,
        resolution: resolution(&meaning),
    };
    match meaning {
        Meaning::Absolute(interval) => {
            t.value = Some(value_of(interval));
            t.interval = Some(interval);
        }
        Meaning::Relative(rel) => match anchor {
            None => t.unresolved = Some(Cow::Borrowed(NO_ANCHOR)),
            Some(a) => {
                t.anchor = Some(a);
                match resolve(rel, a) {
                    Some((value, interval, kind)) => {
                        t.value = Some(value);
                        t.interval = interval;
                        t.kind = kind;
                    }
                    None => t.unresolved = Some(Cow::Borrowed(OUT_OF_CALENDAR)),
                }
            }
        },
        Meaning::SameAs { granularity, offset } => {
            match earlier.iter().rev().find_map(|t| t.interval) {
                Some(p) => {
                    let shifted = shift(p.first, granularity, offset).unwrap_or(p.first);
                    let interval = widen(shifted, granularity).unwrap_or(p);
                    t.value = Some(value_of(interval));
                    t.interval = Some(interval);
                    t.anchor = Some(p.first);
                }
                None => {
                    t.unresolved =
                        Some(Cow::Borrowed("refers back to a date the text has not given"));
                }
            }
        }
        Meaning::Duration(v) => {
            t.kind = TimexType::Duration;
            t.value = Some(v);
        }
        Meaning::Set(v) => {
            t.kind = TimexType::Set;
            t.value = Some(v);
        }
        Meaning::Reference(v) => t.value = Some(v.to_string()),
        Meaning::Clock { day, clock } => {
            let day = day.map_or_else(
                || match earlier
                    .iter()
                    .rev()
                    .find_map(|t| t.interval.filter(|i| i.granularity == Granularity::Day))
                {
                    Some(named) => Meaning::Absolute(named),
                    None => Meaning::Relative(Relative::Days(0)),
                },
                |day| *day,
            );
            let on = TimexFinding {
                resolution: t.resolution,
                ..place(span, day, rule, anchor, earlier, report_quarter)
            };
            return match (on.value.as_deref(), on.interval) {
                (Some(v), Some(i)) if i.granularity == Granularity::Day => TimexFinding {
                    kind: TimexType::Time,
                    value: Some(format!("{v}T{clock}")),
                    ..on
                },
                _ => on,
            };
        }
        Meaning::Period { years_back, year, otherwise } => {
            let base = match (report_quarter, anchor) {
                (Some(q), _) => Some(q),
                (None, Some(a)) => {
                    t.anchor = Some(a);
                    match otherwise {
                        Granularity::Quarter => widen(a, Granularity::Quarter)
                            .and_then(|this| this.first.checked_sub(1.day()).ok())
                            .and_then(|d| widen(d, Granularity::Quarter)),
                        g => widen(a, g),
                    }
                }
                (None, None) => None,
            };
            let shifted = base.and_then(|b| {
                let y = year.unwrap_or(b.first.year()).checked_sub(years_back)?;
                starting(y, b.first.month(), b.granularity)
            });
            match shifted {
                Some(i) => {
                    t.value = Some(value_of(i));
                    t.interval = Some(i);
                }
                None if anchor.is_none() && report_quarter.is_none() => {
                    t.unresolved = Some(Cow::Borrowed(NO_ANCHOR));
                }
                None => t.unresolved = Some(Cow::Borrowed(OUT_OF_CALENDAR)),
            }
        }
    }
    t
}

/// The rule that resolves `meaning`, when it needs more than its own words.
fn resolution(meaning: &Meaning) -> Option<Rule> {
    Some(match meaning {
        Meaning::Absolute(_) => Rule::ResolveAbsolute,
        Meaning::Relative(relative) => match relative {
            Relative::Days(_) => Rule::ResolveDays,
            Relative::Weekday { future: true, .. } => Rule::ResolveWeekdayFuture,
            Relative::Weekday { last: true, .. } => Rule::ResolveWeekdayLast,
            Relative::Weekday { .. } => Rule::ResolveWeekdayPast,
            Relative::Unit { .. } => Rule::ResolveUnit,
            Relative::Month { lean, .. }
            | Relative::MonthDay { lean, .. }
            | Relative::Holiday { lean, .. } => match lean {
                Lean::Last => Rule::ResolveYearlessLast,
                Lean::Next => Rule::ResolveYearlessNext,
                Lean::This => Rule::ResolveYearlessThis,
                Lean::Ahead => Rule::ResolveYearlessFuture,
                Lean::Before => Rule::ResolveYearlessPast,
                Lean::Nearest => Rule::ResolveYearlessNearest,
            },
            Relative::Season { .. } => Rule::ResolveSeason,
            Relative::Ago { .. } => Rule::ResolveAgo,
            Relative::Quarter(_) => Rule::ResolveQuarter,
            Relative::Weekend { .. } => Rule::ResolveWeekend,
            Relative::MonthIn { .. } | Relative::QuarterIn { .. } => Rule::ResolveOfYear,
        },
        Meaning::SameAs { .. } => Rule::ResolveSameAs,
        Meaning::Clock { day: None, .. } => Rule::ResolveClockLastDay,
        Meaning::Clock { day: Some(day), .. } => return resolution(day),
        Meaning::Period { .. } => Rule::ResolvePeriod,
        Meaning::Duration(_) | Meaning::Set(_) | Meaning::Reference(_) => return None,
    })
}

/// The TIMEX3 value of a calendar stretch.
pub fn value_of(i: Interval) -> String {
    let d = i.first;
    let year = i64::from(d.year());
    let mut value = String::with_capacity(10);
    match i.granularity {
        Granularity::Day => return iso_day(d),
        Granularity::Week => {
            let w = d.iso_week_date();
            push_padded(&mut value, i64::from(w.year()), 4);
            value.push_str("-W");
            push_padded(&mut value, i64::from(w.week()), 2);
        }
        Granularity::Month => {
            push_padded(&mut value, year, 4);
            value.push('-');
            push_padded(&mut value, i64::from(d.month()), 2);
        }
        Granularity::Quarter => {
            push_padded(&mut value, year, 4);
            value.push_str("-Q");
            push_padded(&mut value, i64::from((d.month() - 1) / 3 + 1), 1);
        }
        Granularity::Season => {
            let code = match d.month() {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            push_padded(&mut value, year, 4);
            value.push('-');
            value.push_str(code);
        }
        Granularity::Year => push_padded(&mut value, year, 4),
        Granularity::Decade => push_padded(&mut value, year / 10, 3),
    }
    value
}

/// The stretch of granularity `g` that starts with month `month` of `year`.
fn starting(year: i16, month: i8, g: Granularity) -> Option<Interval> {
    widen(Date::new(year, month, 1).ok()?, g)
}

/// The first month of quarter `q` (1–4).
fn quarter_month(q: i8) -> i8 {
    (q - 1) * 3 + 1
}

/// `d` moved by `offset` units of `g`.
fn shift(d: Date, g: Granularity, offset: i64) -> Option<Date> {
    match g {
        Granularity::Day => d.checked_add(offset.days()).ok(),
        Granularity::Week => d.checked_add((offset * 7).days()).ok(),
        Granularity::Month => d.checked_add(offset.months()).ok(),
        Granularity::Quarter | Granularity::Season => d.checked_add((offset * 3).months()).ok(),
        Granularity::Year => d.checked_add(offset.years()).ok(),
        Granularity::Decade => d.checked_add((offset * 10).years()).ok(),
    }
}

/// The stretch of the given granularity that contains `d`.
fn widen(d: Date, g: Granularity) -> Option<Interval> {
    let (first, last) = match g {
        Granularity::Day => (d, d),
        Granularity::Week => {
            let back = i64::from(d.weekday().to_monday_zero_offset());
            let first = d.checked_sub(back.days()).ok()?;
            (first, first.checked_add(6.days()).ok()?)
        }
        Granularity::Month => (d.first_of_month(), d.last_of_month()),
        Granularity::Quarter => {
            let m = (d.month() - 1) / 3 * 3 + 1;
            let first = Date::new(d.year(), m, 1).ok()?;
            (first, Date::new(d.year(), m + 2, 1).ok()?.last_of_month())
        }
        Granularity::Season => (d.first_of_month(), d.last_of_month()),
        Granularity::Year => (d.first_of_year(), d.last_of_year()),
        Granularity::Decade => {
            let y = d.year() / 10 * 10;
            (Date::new(y, 1, 1).ok()?, Date::new(y + 9, 12, 31).ok()?)
        }
    };
    Some(Interval { first, last, granularity: g })
}

fn season_interval(year: i16, season: Season) -> Option<Interval> {
    let (first, last) = match season {
        Season::Spring => (Date::new(year, 3, 1).ok()?, Date::new(year, 5, 31).ok()?),
        Season::Summer => (Date::new(year, 6, 1).ok()?, Date::new(year, 8, 31).ok()?),
        Season::Autumn => (Date::new(year, 9, 1).ok()?, Date::new(year, 11, 30).ok()?),
        Season::Winter => {
            (Date::new(year, 12, 1).ok()?, Date::new(year + 1, 2, 1).ok()?.last_of_month())
        }
    };
    Some(Interval { first, last, granularity: Granularity::Season })
}

fn resolve(rel: Relative, a: Date) -> Option<(String, Option<Interval>, TimexType)> {
    let dated = |i: Interval| Some((value_of(i), Some(i), TimexType::Date));
    match rel {
        Relative::Days(n) => dated(widen(a.checked_add(n.days()).ok()?, Granularity::Day)?),
        Relative::Weekday { day, future, last } => {
            let now = i64::from(a.weekday().to_monday_zero_offset());
            let target = i64::from(day.to_monday_zero_offset());
            let offset = if future {
                let d = (target - now).rem_euclid(7);
                if d == 0 {
                    7
                } else {
                    d
                }
            } else {
                let d = (now - target).rem_euclid(7);
                -(if d == 0 && last { 7 } else { d })
            };
            dated(widen(a.checked_add(offset.days()).ok()?, Granularity::Day)?)
        }
        Relative::Unit { unit: Granularity::Season, .. } => None,
        Relative::Unit { unit, offset } => dated(widen(shift(a, unit, offset)?, unit)?),
        Relative::Month { month, lean } => {
            let first = pick_year(a, lean, |y| Date::new(y, month, 1).ok())?;
            dated(widen(first, Granularity::Month)?)
        }
        Relative::MonthDay { month, day, lean } => {
            let date = pick_year(a, lean, |y| Date::new(y, month, day).ok())?;
            dated(widen(date, Granularity::Day)?)
        }
        Relative::Season { season, offset } => {
            // "last spring" said in October is this year's; said in April, last year's.
            let this_year = season_interval(a.year(), season)?;
            let year = match offset {
                0 => a.year(),
                o if o < 0 && this_year.last < a => a.year(),
                o if o > 0 && this_year.first > a => a.year(),
                o => a.year().checked_add(i16::try_from(o).ok()?)?,
            };
            let i = season_interval(year, season)?;
            Some((format!("{:04}-{}", year, season.code()), Some(i), TimexType::Date))
        }
        Relative::Ago { unit: Granularity::Season, .. } => None,
        Relative::Ago { amount, unit } => {
            // "a decade ago" is a year, not the decade it falls in.
            let shown = if unit == Granularity::Decade { Granularity::Year } else { unit };
            dated(widen(shift(a, unit, amount.checked_neg()?)?, shown)?)
        }
        Relative::Quarter(q) => {
            // The latest such quarter that has begun by the anchor (TimeBank's reading).
            let month = quarter_month(q);
            let start = Date::new(a.year(), month, 1).ok()?;
            let start = if start <= a { start } else { Date::new(a.year() - 1, month, 1).ok()? };
            dated(widen(start, Granularity::Quarter)?)
        }
        Relative::Weekend { future } => {
            // Saturday of the weekend meant: the next one, or the last one that has begun.
            let to_saturday = i64::from(Weekday::Saturday.to_monday_zero_offset())
                - i64::from(a.weekday().to_monday_zero_offset());
            let offset = match (future, to_saturday) {
                (true, d) => d.max(0),
                (false, d) if d <= 0 => d,
                (false, d) => d - 7,
            };
            let saturday = a.checked_add(offset.days()).ok()?;
            let week = saturday.iso_week_date();
            let interval = Interval {
                first: saturday,
                last: saturday.checked_add(1.day()).ok()?,
                granularity: Granularity::Week,
            };
            Some((
                format!("{:04}-W{:02}-WE", week.year(), week.week()),
                Some(interval),
                TimexType::Date,
            ))
        }
        Relative::Holiday { holiday, lean } => {
            dated(widen(pick_year(a, lean, |y| holiday.on(y))?, Granularity::Day)?)
        }
        Relative::QuarterIn { q, years } => {
            dated(starting(a.year().checked_add(years)?, quarter_month(q), Granularity::Quarter)?)
        }
        Relative::MonthIn { month, years } => {
            dated(starting(a.year().checked_add(years)?, month, Granularity::Month)?)
        }
    }
}

/// The word in lower case, borrowed from the text when it is lower case already, so
/// matching allocates only for capitalised words.
fn lower<'t>(w: &Word<'t>) -> Cow<'t, str> {
    lexicon::lower_case(w.text())
}

/// A month's number by its name or abbreviation, in any case, with or without periods.
/// Asked of most words that may open an expression, so the names are one [`lexicon::Table`].
fn month_number(word: &str) -> Option<i8> {
    static NUMBERS: OnceLock<lexicon::Table<i8>> = OnceLock::new();
    if !word.is_ascii() || word.len() > 10 {
        return None;
    }
    let numbers = NUMBERS.get_or_init(|| {
        let full = MONTHS.iter().copied().zip(1..);
        let short = SHORT_MONTHS.iter().copied().zip(1..);
        full.chain(short).chain([("sept", 9)]).collect()
    });
    numbers.get(word.trim_end_matches('.')).copied()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SHORT_MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Each weekday by its full name, and by the abbreviations that name it only with the
/// period ("Sun." but not "Sun").
const WEEKDAYS: [(&str, &[&str], Weekday); 7] = [
    ("monday", &["mon"], Weekday::Monday),
    ("tuesday", &["tue", "tues"], Weekday::Tuesday),
    ("wednesday", &["wed"], Weekday::Wednesday),
    ("thursday", &["thu", "thurs"], Weekday::Thursday),
    ("friday", &["fri"], Weekday::Friday),
    ("saturday", &["sat"], Weekday::Saturday),
    ("sunday", &["sun"], Weekday::Sunday),
];

/// A weekday's full name, or its abbreviation with the period ("Sun." but not
/// "Sun", which is as often a company or the star).
/// Asked of most words that may open an expression, so the names and abbreviations are one
/// [`lexicon::Table`], each marked whether it is an abbreviation.
fn weekday(word: &str) -> Option<Weekday> {
    static DAYS: OnceLock<lexicon::Table<(Weekday, bool)>> = OnceLock::new();
    if !word.is_ascii() || word.len() > 10 {
        return None;
    }
    let days = DAYS.get_or_init(|| {
        let names = WEEKDAYS.iter().map(|&(name, _, day)| (name, (day, false)));
        let abbreviations = WEEKDAYS.iter().flat_map(|&(_, abbreviations, day)| {
            abbreviations.iter().map(move |&a| (a, (day, true)))
        });
        names.chain(abbreviations).collect()
    });
    let abbreviated = word.ends_with('.');
    match days.get(word.trim_end_matches('.')) {
        Some(&(day, abbreviation)) if abbreviated || !abbreviation => Some(day),
        _ => None,
    }
}

/// A count in digits or words: "24", "nine".
pub(super) fn number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    number_word(word)
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The other words that count: the articles ("a year") and a few round numbers.
const OTHER_NUMBER_WORDS: [(&str, i64); 6] =
    [("a", 1), ("an", 1), ("thirty", 30), ("forty", 40), ("fifty", 50), ("hundred", 100)];

/// The value of a number word, in any case. The tagger asks it of most words that may open
/// an expression and of the words after them, so the words are one [`lexicon::Table`].
fn number_word(word: &str) -> Option<i64> {
    static VALUES: OnceLock<lexicon::Table<i64>> = OnceLock::new();
    let values = VALUES
        .get_or_init(|| NUMBER_WORDS.iter().copied().zip(0..).chain(OTHER_NUMBER_WORDS).collect());
    values.get(word).copied()
}

fn unit(word: &str) -> Option<(Granularity, &'static str)> {
    lexicon::with_lowercase(word, |w| unit_lower(w.trim_end_matches('s')))
}

fn unit_lower(singular: &str) -> Option<(Granularity, &'static str)> {
    Some(match singular {
        "day" => (Granularity::Day, "D"),
        "week" => (Granularity::Week, "W"),
        "month" => (Granularity::Month, "M"),
        "year" => (Granularity::Year, "Y"),
        "decade" => (Granularity::Decade, "DE"),
        "quarter" => (Granularity::Quarter, "Q"),
        _ => return None,
    })
}

fn season(word: &str) -> Option<Season> {
    lexicon::with_lowercase(word, season_lower)
}

fn season_lower(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A plausible year: four digits in the range news writes about.
fn year(word: &str) -> Option<i16> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse::<i16>().ok().filter(|y| (1000..=2199).contains(y))
}

fn day_of_month(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn day_interval(y: i16, m: i8, d: i8) -> Option<Interval> {
    let date = Date::new(y, m, d).ok()?;
    Some(Interval { first: date, last: date, granularity: Granularity::Day })
}

/// A word where a time expression may start, as the patterns of [`PATTERNS`] read it.
struct At<'a, 't> {
    text: &'t str,
    words: &'a [Word<'t>],
    i: usize,
    /// The word in lower case.
    w: Cow<'t, str>,
    /// The tense around it, worked out only when a pattern asks.
    tense: &'a dyn Fn() -> Tense,
}

impl<'t> At<'_, 't> {
    /// The `k`th word after this one, in lower case.
    fn next(&self, k: usize) -> Option<Cow<'t, str>> {
        self.words.get(self.i + k).map(|x| lower(x))
    }

    /// Whether the `k`th word after this one follows the one before it with only spaces
    /// and commas between.
    fn adjacent(&self, k: usize) -> bool {
        self.words.get(self.i + k).is_some_and(|x| {
            self.text[self.words[self.i + k - 1].end..x.start].chars().all(|c| c == ' ' || c == ',')
        })
    }

    /// The word around its first hyphen: few words have one.
    fn hyphenated(&self) -> Option<(&str, &str)> {
        text::split_at_first(&self.w, b'-')
    }

    fn tense(&self) -> Tense {
        (self.tense)()
    }

    fn is_capitalised(&self, k: usize) -> bool {
        text::is_capitalised(self.words[self.i + k].text())
    }
}

/// What a pattern says: `None` when it does not apply and the next is asked; `Some(found)`
/// when it decides, with the expression's last word and meaning, or that there is none.
type Matched = Option<Option<(usize, Meaning)>>;

/// A pattern of time expressions that starts at a word.
type Pattern = fn(&At) -> Matched;

/// The patterns of time expressions, in the order they are tried at each word: the first
/// that applies decides.
const PATTERNS: [(Rule, Pattern); 33] = [
    (Rule::TimexIsoDate, iso_date),
    (Rule::TimexWeekday, weekday_pattern),
    (Rule::TimexDayPart, day_part_of_day),
    (Rule::TimexClock, clock),
    (Rule::TimexMonth, month_first),
    (Rule::TimexDayMonth, day_first),
    (Rule::TimexQuarter, ordinal_quarter),
    (Rule::TimexTheQuarter, the_quarter),
    (Rule::TimexReportingPeriod, |at| {
        (at.w == "the").then(|| reporting_period(at.words, at.i))?.map(Some)
    }),
    (Rule::TimexTheDuration, the_duration),
    (Rule::TimexTheWeekend, the_weekend),
    (Rule::TimexTheSeason, the_season),
    (Rule::TimexTheFuture, the_near_future),
    (Rule::TimexTheYear, the_year),
    (Rule::TimexThePastUnit, the_past_unit),
    (Rule::TimexPastOrFuture, the_past_or_future),
    (Rule::TimexYearEarlier, year_earlier),
    (Rule::TimexPartOfYear, part_of_year),
    (Rule::TimexSpokenDecade, |at| {
        let decade = spoken_decade(&at.w)?;
        Some(starting(decade, 1, Granularity::Decade).map(|iv| (at.i, Meaning::Absolute(iv))))
    }),
    (Rule::TimexSpokenYear, |at| {
        let (last, y) = spoken_year(at.words, at.i)?;
        Some(starting(y, 1, Granularity::Year).map(|iv| (last, Meaning::Absolute(iv))))
    }),
    (Rule::TimexFrequency, |at| {
        frequency(&at.w).map(|set| Some((at.i, Meaning::Set(set.to_string()))))
    }),
    (Rule::TimexHoliday, |at| {
        let (last, holiday) = holiday(at.words, at.i)?;
        Some(Some((
            last,
            Meaning::Relative(Relative::Holiday { holiday, lean: lean_for(at.tense()) }),
        )))
    }),
    (Rule::TimexDeicticDay, |at| {
        let days = days_from_today(&at.w)?;
        Some(Some(with_day_part(at.text, at.words, at.i, Meaning::Relative(Relative::Days(days)))))
    }),
    (Rule::TimexPresent, present_or_recent),
    (Rule::TimexLastNext, last_or_next),
    (Rule::TimexEarlierThis, earlier_this),
    (Rule::TimexSameAs, same_as),
    (Rule::TimexAgo, ago),
    (Rule::TimexDuration, |at| duration(at.text, at.words, at.i).map(Some)),
    (Rule::TimexSet, every),
    (Rule::TimexRecentUnits, recent_units),
    (Rule::TimexDecade, |at| {
        let decade = at.w.strip_suffix('s').and_then(year).filter(|d| d % 10 == 0)?;
        Some(starting(decade, 1, Granularity::Decade).map(|iv| (at.i, Meaning::Absolute(iv))))
    }),
    (Rule::TimexYear, |at| {
        let y = year(&at.w).filter(|_| reads_as_year(at.text, at.words, at.i))?;
        Some(starting(y, 1, Granularity::Year).map(|iv| (at.i, Meaning::Absolute(iv))))
    }),
];

/// The time expression starting at `words[i]`, by [`PATTERNS`]: its last word, its
/// meaning and the pattern's rule.
fn recognise(
    text: &str,
    words: &[Word],
    i: usize,
    tense: &dyn Fn() -> Tense,
) -> Option<(usize, Meaning, Rule)> {
    let at = At { text, words, i, w: lower(&words[i]), tense };
    PATTERNS
        .iter()
        .find_map(|&(rule, pattern)| pattern(&at).map(|m| m.map(|(last, m)| (last, m, rule))))
        .flatten()
}

/// `timex.iso-date`: "2017-01-23".
fn iso_date(at: &At) -> Matched {
    at.hyphenated()?;
    let mut parts = at.w.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let (Some(y), Ok(m), Ok(d)) = (year(y), m.parse::<i8>(), d.parse::<i8>()) else { return None };
    (m.to_string().len() <= 2)
        .then(|| day_interval(y, m, d).map(|iv| (at.i, Meaning::Absolute(iv))))
}

/// `timex.weekday`: "Wednesday night", "last Friday", and "Monday, Jan 23", where the date
/// after the weekday places it whatever the tense.
fn weekday_pattern(at: &At) -> Matched {
    let day = weekday(&at.w).filter(|_| at.is_capitalised(0))?;
    if at.adjacent(1) {
        if let Some((last, m, _)) = recognise(at.text, at.words, at.i + 1, &|| Tense::Unmarked) {
            if matches!(m, Meaning::Absolute(_) | Meaning::Relative(Relative::MonthDay { .. })) {
                return Some(Some((last, m)));
            }
        }
    }
    let prev = at.i.checked_sub(1).map(|k| lower(&at.words[k]));
    let (future, last) = match prev.as_deref() {
        Some("next" | "coming") => (true, false),
        Some("last" | "past") => (false, true),
        _ => (at.tense().is_future(), false),
    };
    let meaning = Meaning::Relative(Relative::Weekday { day, future, last });
    Some(Some(with_day_part(at.text, at.words, at.i, meaning)))
}

/// `timex.day-part`: "mid-afternoon yesterday"; "late Friday night" is found at "Friday".
fn day_part_of_day(at: &At) -> Matched {
    let part = day_part(&at.w)?;
    let days = at.next(1).filter(|_| at.adjacent(1)).and_then(|n| days_from_today(&n))?;
    Some(Some((at.i + 1, at_clock(Meaning::Relative(Relative::Days(days)), part))))
}

/// `timex.clock`: "10 p.m. Wednesday", "noon Saturday", "7:15 p.m.".
fn clock(at: &At) -> Matched {
    let (text, words) = (at.text, at.words);
    let (last, clock) = clock_time(text, words, at.i)?;
    let on = last
        + 1
        + usize::from(matches!(words.get(last + 1).map(|x| lower(x)).as_deref(), Some("on")));
    let gap_ok = words
        .get(on)
        .is_some_and(|x| text[words[on - 1].end..x.start].chars().all(|c| c == ' ' || c == ','));
    let day = gap_ok.then(|| recognise(text, words, on, at.tense)).flatten().filter(|(_, m, _)| {
        matches!(
            m,
            Meaning::Absolute(_)
                | Meaning::Relative(
                    Relative::Weekday { .. } | Relative::Days(_) | Relative::MonthDay { .. }
                )
        )
    });
    Some(Some(match day {
        Some((end, day, _)) => (end, at_clock(day, &clock)),
        None => (last, Meaning::Clock { day: None, clock }),
    }))
}

/// `timex.month`: "January 23, 2017", "Jan. 23", "January 2017", "July last year",
/// "September". "May" is a month only where a date or a preposition says so; "Jan Kavan"
/// is a name, and "the March for Life" a march.
fn month_first(at: &At) -> Matched {
    let m = month_number(&at.w)?;
    let (words, i, w) = (at.words, at.i, &*at.w);
    let dated_may = at.next(1).is_some_and(|n| day_of_month(&n).is_some() || year(&n).is_some())
        || i.checked_sub(1).is_some_and(|p| lexicon::dates_a_month(&lower(&words[p])));
    if !at.is_capitalised(0) || (w == "may" && !dated_may) {
        return Some(None);
    }
    let bare_abbreviation =
        words[i].end - words[i].start == 3 && !at.text[words[i].end..].starts_with('.');
    let next_is_name = words
        .get(i + 1)
        .is_some_and(|n| text::is_capitalised(n.text()) && month_number(&lower(n)).is_none());
    let a_march = w == "march"
        && !dated_may
        && matches!(at.next(1).as_deref(), Some("for" | "of" | "on" | "against"));
    if (bare_abbreviation && next_is_name) || a_march {
        return Some(None);
    }
    if let Some(d) = at.next(1).and_then(|n| day_of_month(&n)).filter(|_| at.adjacent(1)) {
        if let Some(y) = at.next(2).and_then(|n| year(&n)).filter(|_| at.adjacent(2)) {
            return Some(day_interval(y, m, d).map(|iv| (i + 2, Meaning::Absolute(iv))));
        }
        return Some(Some((i + 1, month_day(m, d, at.tense()))));
    }
    if let Some(y) = at.next(1).and_then(|n| year(&n)).filter(|_| at.adjacent(1)) {
        return Some(starting(y, m, Granularity::Month).map(|iv| (i + 1, Meaning::Absolute(iv))));
    }
    if let Some((last, y)) = spoken_year(words, i + 1).filter(|_| at.adjacent(1)) {
        return Some(starting(y, m, Granularity::Month).map(|iv| (last, Meaning::Absolute(iv))));
    }
    // "July last year", "March of next year".
    let of = usize::from(at.next(1).as_deref() == Some("of"));
    if at.next(2 + of).as_deref() == Some("year") {
        let years = match at.next(1 + of).as_deref() {
            Some("last") => Some(-1),
            Some("next") => Some(1),
            Some("this") => Some(0),
            _ => None,
        };
        if let Some(years) = years {
            return Some(Some((
                i + 2 + of,
                Meaning::Relative(Relative::MonthIn { month: m, years }),
            )));
        }
    }
    let lean = lean_for(at.tense());
    Some(Some((i, Meaning::Relative(Relative::Month { month: m, lean }))))
}

/// `timex.day-month`: "23 January 2017", "23 January", and the second day of "April 24
/// and 25".
fn day_first(at: &At) -> Matched {
    let d = day_of_month(&at.w)?;
    let (words, i) = (at.words, at.i);
    if let Some(m) = at.next(1).and_then(|n| month_number(&n)).filter(|_| at.adjacent(1)) {
        if !at.is_capitalised(1) {
            return Some(None);
        }
        if let Some(y) = at.next(2).and_then(|n| year(&n)).filter(|_| at.adjacent(2)) {
            return Some(day_interval(y, m, d).map(|iv| (i + 2, Meaning::Absolute(iv))));
        }
        return Some(Some((i + 1, month_day(m, d, at.tense()))));
    }
    let month_before = i
        .checked_sub(3)
        .filter(|&k| lower(&words[k + 2]) == "and" && day_of_month(words[k + 1].text()).is_some())
        .and_then(|k| {
            month_number(&lower(&words[k])).filter(|_| text::is_capitalised(words[k].text()))
        })?;
    Some(Some((i, month_day(month_before, d, at.tense()))))
}

/// `timex.quarter`: "third-quarter", "third quarter".
fn ordinal_quarter(at: &At) -> Matched {
    let (ordinal, compound) = match at.hyphenated() {
        Some((o, "quarter")) => (o, true),
        _ => (&*at.w, false),
    };
    let q = quarter_ordinal(ordinal)?;
    if compound {
        return Some(Some((at.i, Meaning::Relative(Relative::Quarter(q)))));
    }
    (at.next(1).as_deref() == Some("quarter") && at.adjacent(1))
        .then(|| Some(quarter_of_year(at.words, at.i + 1, q)))
}

/// `timex.the-quarter`: "the third quarter".
fn the_quarter(at: &At) -> Matched {
    if at.w != "the" || at.next(2).as_deref() != Some("quarter") {
        return None;
    }
    let q = at.next(1).and_then(|n| quarter_ordinal(&n))?;
    Some(Some(quarter_of_year(at.words, at.i + 2, q)))
}

/// `timex.the-duration`: "the past three months", "the next few days".
fn the_duration(at: &At) -> Matched {
    let opens = at.w == "the"
        && matches!(
            at.next(1).as_deref(),
            Some("past" | "last" | "next" | "coming" | "previous" | "first" | "following")
        );
    if !opens {
        return None;
    }
    match duration(at.text, at.words, at.i + 2) {
        Some((end, Meaning::Duration(v))) => Some(Some((end, Meaning::Duration(v)))),
        _ => None,
    }
}

/// `timex.the-weekend`: "the weekend": the last one, or the next in the future tense.
fn the_weekend(at: &At) -> Matched {
    (at.w == "the" && at.next(1).as_deref() == Some("weekend")).then(|| {
        let future = at.tense().is_future();
        Some((at.i + 1, Meaning::Relative(Relative::Weekend { future })))
    })
}

/// `timex.the-season`: "the summer", "the early summer": this year's.
fn the_season(at: &At) -> Matched {
    if at.w != "the" {
        return None;
    }
    let (last, s) = match (at.next(1).as_deref(), at.next(2)) {
        (Some("early" | "late"), Some(n)) if season(&n).is_some() => (at.i + 2, season(&n)?),
        (Some(n), _) => (at.i + 1, season(n)?),
        _ => return None,
    };
    Some(Some((last, Meaning::Relative(Relative::Season { season: s, offset: 0 }))))
}

/// `timex.the-near-future`: "the near future", "the short term".
fn the_near_future(at: &At) -> Matched {
    let near = at.w == "the"
        && matches!(
            (at.next(1).as_deref(), at.next(2).as_deref()),
            (Some("near" | "short"), Some("future" | "term"))
        );
    near.then_some(Some((at.i + 2, Meaning::Reference("FUTURE_REF"))))
}

/// `timex.the-year`: "the year 2000", "the year two thousand".
fn the_year(at: &At) -> Matched {
    if at.w != "the" || at.next(1).as_deref() != Some("year") {
        return None;
    }
    let (last, y) = spoken_year(at.words, at.i + 2)?;
    Some(starting(y, 1, Granularity::Year).map(|iv| (last, Meaning::Absolute(iv))))
}

/// `timex.the-past-unit`: "in the past year": last year.
fn the_past_unit(at: &At) -> Matched {
    if at.w != "the" || !matches!(at.next(1).as_deref(), Some("past" | "last")) {
        return None;
    }
    let n = at.next(2).filter(|n| !n.ends_with('s'))?;
    let (g, _) = unit(&n)?;
    Some(Some((at.i + 2, Meaning::Relative(Relative::Unit { unit: g, offset: -1 }))))
}

/// `timex.the-past-or-future`: "the past" (not "over the past …"), "the future".
fn the_past_or_future(at: &At) -> Matched {
    if at.w != "the" {
        return None;
    }
    let i = at.i;
    match at.next(1).as_deref() {
        Some("past") if i == 0 || !matches!(&*lower(&at.words[i - 1]), "over" | "for") => {
            Some(Some((i + 1, Meaning::Reference("PAST_REF"))))
        }
        Some("future") => Some(Some((i + 1, Meaning::Reference("FUTURE_REF")))),
        _ => None,
    }
}

/// `timex.year-earlier`: "year-earlier profit", "the year-ago results": the period a year
/// before the report's.
fn year_earlier(at: &At) -> Matched {
    matches!(&*at.w, "year-earlier" | "year-ago").then_some(Some((
        at.i,
        Meaning::Period { years_back: 1, year: None, otherwise: Granularity::Year },
    )))
}

/// `timex.part-of-year`: "mid-2016", "late-1990s", "early-September".
fn part_of_year(at: &At) -> Matched {
    let w = &*at.w;
    let rest = w
        .strip_prefix("mid-")
        .or_else(|| w.strip_prefix("late-"))
        .or_else(|| w.strip_prefix("early-"))?;
    if let Some(y) = year(rest) {
        return Some(starting(y, 1, Granularity::Year).map(|iv| (at.i, Meaning::Absolute(iv))));
    }
    if let Some(decade) = rest.strip_suffix('s').and_then(year).filter(|d| d % 10 == 0) {
        return Some(
            starting(decade, 1, Granularity::Decade).map(|iv| (at.i, Meaning::Absolute(iv))),
        );
    }
    let month = month_number(rest).filter(|_| rest.len() > 3)?;
    let lean = lean_for(at.tense());
    Some(Some((at.i, Meaning::Relative(Relative::Month { month, lean }))))
}

/// `timex.present`: "now", "currently" (the present), "recently" (the past), "tonight".
fn present_or_recent(at: &At) -> Matched {
    let i = at.i;
    match &*at.w {
        "now" | "currently" => Some(Some((i, Meaning::Reference("PRESENT_REF")))),
        "recently" => Some(Some((i, Meaning::Reference("PAST_REF")))),
        "tonight" => Some(Some((i, at_clock(Meaning::Relative(Relative::Days(0)), "NI")))),
        _ => None,
    }
}

/// `timex.last-next`: "last September", "next week", "this year", "last summer", "last
/// night", "last Oct. 23", and durations such as "the last three years".
fn last_or_next(at: &At) -> Matched {
    let (text, words, i, w) = (at.text, at.words, at.i, &*at.w);
    if !matches!(w, "last" | "next" | "this" | "past" | "coming") || !at.adjacent(1) {
        return None;
    }
    let offset = match w {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let n = at.next(1)?;
    // "the last three years", "past few weeks": a duration.
    if n != "a" && n != "an" && (number(&n).is_some() || matches!(&*n, "few" | "several")) {
        if let Some((end, Meaning::Duration(v))) = duration(text, words, i + 1) {
            return Some(Some((end, Meaning::Duration(v))));
        }
    }
    if let Some(m) = month_number(&n).filter(|_| at.is_capitalised(1)) {
        // "last Oct. 23": the day, in the direction the word gives.
        let towards = match offset {
            o if o < 0 => Tense::Past,
            0 => Tense::Unmarked,
            _ => Tense::Future,
        };
        if let Some((end, dated, _)) =
            recognise(text, words, i + 1, &|| towards).filter(|&(end, _, _)| end > i + 1)
        {
            return Some(Some((end, dated)));
        }
        let lean = match offset {
            o if o < 0 => Lean::Last,
            0 => Lean::This,
            _ => Lean::Next,
        };
        return Some(Some((i + 1, Meaning::Relative(Relative::Month { month: m, lean }))));
    }
    if let Some(s) = season(&n) {
        return Some(Some((i + 1, Meaning::Relative(Relative::Season { season: s, offset }))));
    }
    if let Some(day) = weekday(&n) {
        let meaning =
            Meaning::Relative(Relative::Weekday { day, future: offset > 0, last: offset < 0 });
        return Some(Some(with_day_part(text, words, i + 1, meaning)));
    }
    // "last night", "this morning": a part of the anchor day or the one before.
    match (day_part_lower(&n), offset) {
        (Some("NI"), o) if o < 0 && n == "night" => {
            return Some(Some((i + 1, at_clock(Meaning::Relative(Relative::Days(-1)), "NI"))))
        }
        (Some(part), 0) if part != "NI" => {
            return Some(Some((i + 1, at_clock(Meaning::Relative(Relative::Days(0)), part))))
        }
        _ => {}
    }
    let (g, _) = unit(&n).filter(|_| !n.ends_with('s'))?;
    if g == Granularity::Year {
        if let Some(found) = quarter_of_years(text, words, i + 1, offset) {
            return Some(Some(found));
        }
    }
    Some(Some((i + 1, Meaning::Relative(Relative::Unit { unit: g, offset }))))
}

/// `timex.earlier-this`: "earlier this month", "later this year".
fn earlier_this(at: &At) -> Matched {
    if !matches!(&*at.w, "earlier" | "later") || at.next(1).as_deref() != Some("this") {
        return None;
    }
    let (g, _) = at.next(2).and_then(|n| unit(&n))?;
    Some(Some((at.i + 2, Meaning::Relative(Relative::Unit { unit: g, offset: 0 }))))
}

/// `timex.same-as`: "the same day", "that week", "the following year", "the previous month":
/// counted from the date the text gave last.
fn same_as(at: &At) -> Matched {
    let (skip, offset) = match (&*at.w, at.next(1).as_deref()) {
        ("the", Some("same")) => (2, 0),
        ("the", Some("following")) => (2, 1),
        ("the", Some("previous" | "preceding")) => (2, -1),
        ("that", _) => (1, 0),
        _ => return None,
    };
    let n = at.next(skip).filter(|n| !n.ends_with('s'))?;
    let (g, _) = unit(&n)?;
    Some(Some((at.i + skip, Meaning::SameAs { granularity: g, offset })))
}

/// `timex.ago`: "two days ago", "a week or so ago"; "a year ago" in an earnings report is
/// the quarter it compares with, a year back.
fn ago(at: &At) -> Matched {
    let n = number(&at.w)?;
    let (g, _) = at.next(1).and_then(|u| unit(&u))?;
    let i = at.i;
    if (at.next(2).as_deref(), at.next(3).as_deref(), at.next(4).as_deref())
        == (Some("or"), Some("so"), Some("ago"))
    {
        return Some(Some((i + 4, Meaning::Relative(Relative::Ago { amount: n, unit: g }))));
    }
    if !matches!(at.next(2).as_deref(), Some("ago" | "earlier")) {
        return None;
    }
    if n == 1 && g == Granularity::Year {
        let period = Meaning::Period { years_back: 1, year: None, otherwise: Granularity::Year };
        return Some(Some((i + 2, period)));
    }
    Some(Some((i + 2, Meaning::Relative(Relative::Ago { amount: n, unit: g }))))
}

/// `timex.set`: "every week", "each Thursday", "each July".
fn every(at: &At) -> Matched {
    if at.w != "every" && at.w != "each" {
        return None;
    }
    let Some(n) = at.next(1) else { return Some(None) };
    let i = at.i;
    if let Some((_, code)) = unit(&n).filter(|_| !n.ends_with('s')) {
        return Some(Some((i + 1, Meaning::Set(format!("P1{code}")))));
    }
    if let Some(day) = weekday(&n) {
        let set = format!("XXXX-WXX-{}", day.to_monday_one_offset());
        return Some(Some((i + 1, Meaning::Set(set))));
    }
    let m = month_number(&n).filter(|_| at.is_capitalised(1))?;
    Some(Some((i + 1, Meaning::Set(format!("XXXX-{m:02}")))))
}

/// `timex.recent-units`: "in recent years", "recent weeks", "coming months".
fn recent_units(at: &At) -> Matched {
    if at.w != "recent" && at.w != "coming" {
        return None;
    }
    let code = at.next(1).filter(|u| u.ends_with('s')).and_then(|u| unit_code(&u))?;
    Some(Some((at.i + 1, Meaning::Duration(vague_duration(code)))))
}

/// Whether a bare four-digit number at word `i` is a year rather than a count: "in 2011",
/// "2011 was", "(2011)", "its 1990 invasion", but not "1000 troops" or "hi 1000 times": a
/// count runs straight into the lower-case noun it counts, with no determiner before it.
fn reads_as_year(text: &str, words: &[Word], i: usize) -> bool {
    let Some(after) = words.get(i + 1) else { return true };
    let gap = &text[words[i].end..after.start];
    if !gap.chars().all(char::is_whitespace)
        || !after.text().starts_with(|c: char| c.is_lowercase())
    {
        return true;
    }
    let before = i.checked_sub(1).map(|k| lower(&words[k]));
    let dated_by = matches!(
        before.as_deref(),
        Some(
            "in" | "since"
                | "by"
                | "of"
                | "from"
                | "until"
                | "till"
                | "to"
                | "before"
                | "after"
                | "during"
                | "through"
                | "throughout"
                | "for"
                | "between"
                | "and"
                | "or"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "around"
                | "fiscal"
                | "year"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "the"
                | "calendar"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "that"
                | "this"
        )
    );
    // "the company's 1989 results".
    let possessed =
        i.checked_sub(1).is_some_and(|k| is_possessive_gap(&text[words[k].end..words[i].start]));
    dated_by
        || possessed
        || lexicon::with_lowercase(after.text(), |w| {
            matches!(
                w,
                "and"
                    | "or"
                    | "to"
                    | "when"
                    | "after"
                    | "before"
                    | "as"
                    | "was"
                    | "is"
                    | "were"
                    | "had"
                    | "has"
                    | "saw"
                    | "will"
                    | "would"
                    | "that"
            )
        })
}

/// Holidays news dates things by, with fixed rules (no lunar or Easter reckoning).
#[derive(Clone, Copy)]
enum Holiday {
    NewYearsDay,
    NewYearsEve,
    IndependenceDay,
    Thanksgiving,
    ElectionDay,
    ChristmasEve,
    ChristmasDay,
}

impl Holiday {
    /// The holiday's date in `year`.
    fn on(self, year: i16) -> Option<Date> {
        let nth = |month: i8, nth: i8, day: Weekday| {
            Date::new(year, month, 1).ok()?.nth_weekday_of_month(nth, day).ok()
        };
        match self {
            Holiday::NewYearsDay => Date::new(year, 1, 1).ok(),
            Holiday::NewYearsEve => Date::new(year, 12, 31).ok(),
            Holiday::IndependenceDay => Date::new(year, 7, 4).ok(),
            Holiday::Thanksgiving => nth(11, 4, Weekday::Thursday),
            // The Tuesday after the first Monday of November.
            Holiday::ElectionDay => nth(11, 1, Weekday::Monday)?.checked_add(1.day()).ok(),
            Holiday::ChristmasEve => Date::new(year, 12, 24).ok(),
            Holiday::ChristmasDay => Date::new(year, 12, 25).ok(),
        }
    }
}

/// A holiday named at word `i` ("Thanksgiving Day", "Christmas", "New Year's Eve").
fn holiday(words: &[Word], i: usize) -> Option<(usize, Holiday)> {
    let at = |k: usize| words.get(k).map(super::text::Word::text);
    let capital = |k: usize| at(k).is_some_and(text::is_capitalised);
    if !capital(i) {
        return None;
    }
    let day_after = |k: usize, with_day: Holiday| {
        if at(k + 1) == Some("Day") {
            (k + 1, with_day)
        } else {
            (k, with_day)
        }
    };
    Some(match at(i)? {
        "Thanksgiving" => day_after(i, Holiday::Thanksgiving),
        "Christmas" if at(i + 1) == Some("Eve") => (i + 1, Holiday::ChristmasEve),
        "Christmas" => day_after(i, Holiday::ChristmasDay),
        "Election" if at(i + 1) == Some("Day") => (i + 1, Holiday::ElectionDay),
        "Independence" if at(i + 1) == Some("Day") => (i + 1, Holiday::IndependenceDay),
        "New" if matches!(at(i + 1), Some("Year's" | "Year’s" | "Year")) => match at(i + 2) {
            Some("Day") => (i + 2, Holiday::NewYearsDay),
            Some("Eve") => (i + 2, Holiday::NewYearsEve),
            _ => return None,
        },
        _ => return None,
    })
}

/// "yesterday" (-1), "today" (0) or "tomorrow" (1), for a lower-case word.
fn days_from_today(word: &str) -> Option<i64> {
    match word {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// The TIMEX3 code of a part of the day.
fn day_part(word: &str) -> Option<&'static str> {
    lexicon::with_lowercase(word, |w| day_part_lower(trim_leading(trim_leading(w, "mid-"), "mid")))
}

/// `word` without any number of leading `prefix`es, as `trim_start_matches` with a string
/// pattern would give, without building a substring searcher on every call.
fn trim_leading<'w>(mut word: &'w str, prefix: &str) -> &'w str {
    while let Some(rest) = word.strip_prefix(prefix) {
        word = rest;
    }
    word
}

fn day_part_lower(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// A clock time or part of the day (`"22:00"`, `"EV"`) on `day`.
fn at_clock(day: Meaning, clock: &str) -> Meaning {
    Meaning::Clock { day: Some(Box::new(day)), clock: clock.to_string() }
}

/// `day` at word `at`, with the part of the day that follows it: "Thursday evening".
fn with_day_part(text: &str, words: &[Word], at: usize, day: Meaning) -> (usize, Meaning) {
    let part = words
        .get(at + 1)
        .filter(|x| text[words[at].end..x.start].chars().all(|c| c == ' '))
        .and_then(|x| day_part(x.text()));
    match part {
        Some(part) => (at + 1, at_clock(day, part)),
        None => (at, day),
    }
}

/// A clock time at word `i`: "10 p.m.", "7:15 a.m.", "noon", "midnight", with an
/// optional zone ("EST"). Returns the last word used and the TIMEX3 time (`22:00`).
fn clock_time(text: &str, words: &[Word], i: usize) -> Option<(usize, String)> {
    let w = lower(&words[i]);
    let (last, clock) = match &*w {
        // "High Noon" is a film.
        "noon" if i > 0 && lower(&words[i - 1]) == "high" => return None,
        "noon" | "midday" => (i, "12:00".to_string()),
        "midnight" => (i, "24:00".to_string()),
        _ => {
            let hours = w.parse::<u8>().ok().filter(|_| w.len() <= 2)?;
            // "10:35" is two words: the colon does not join them.
            let minutes_word = words
                .get(i + 1)
                .filter(|x| &text[words[i].end..x.start] == ":" && x.end - x.start == 2)
                .and_then(|x| x.text().parse::<u8>().ok());
            let (minutes, meridian_at) = minutes_word.map_or((0, i + 1), |m| (m, i + 2));
            let meridian = words.get(meridian_at).map(|x| lower(x))?;
            // "4 in the morning", "8 in the evening".
            let part_of_day = (meridian == "in"
                && words.get(meridian_at + 1).is_some_and(|x| lower(x) == "the"))
            .then(|| words.get(meridian_at + 2).map(|x| lower(x)))
            .flatten();
            if let Some(part) = part_of_day.filter(|_| (1..=12).contains(&hours)) {
                let hours = match (&*part, hours) {
                    ("morning", 12) => 0,
                    ("morning", h) => h,
                    ("afternoon" | "evening", h) if h < 12 => h + 12,
                    _ => return None,
                };
                return Some((meridian_at + 2, format!("{hours:02}:{minutes:02}")));
            }
            let hours = match (meridian.trim_end_matches('.'), hours) {
                ("a.m" | "am", 12) => 0,
                ("a.m" | "am", h) => h,
                ("p.m" | "pm", 12) => 12,
                ("p.m" | "pm", h) => h + 12,
                _ => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            (meridian_at, format!("{hours:02}:{minutes:02}"))
        }
    };
    let zone = words.get(last + 1).map(super::text::Word::text).is_some_and(|z| {
        matches!(
            z,
            "EST"
                | "EDT"
                | "CST"
                | "CDT"
                | "MST"
                | "MDT"
                | "PST"
                | "PDT"
                | "GMT"
                | "UTC"
                | "BST"
                | "CET"
        )
    });
    Some((last + usize::from(zone), clock))
}

/// "third quarter" ending at word `at`, with "of 1984" after it when the year is given.
fn quarter_of_year(words: &[Word], at: usize, q: i8) -> (usize, Meaning) {
    let of_year = words
        .get(at + 1)
        .filter(|x| lower(x) == "of")
        .and_then(|_| words.get(at + 2))
        .and_then(|x| year(x.text()))
        .and_then(|y| starting(y, quarter_month(q), Granularity::Quarter));
    match of_year {
        Some(interval) => (at + 2, Meaning::Absolute(interval)),
        None => (at, Meaning::Relative(Relative::Quarter(q))),
    }
}

/// A quarter of the year "last year" or "this year" names, when "year" at word `at` is
/// possessive: "this year's third quarter", "last year's quarter".
fn quarter_of_years(text: &str, words: &[Word], at: usize, years: i64) -> Option<(usize, Meaning)> {
    let possessive =
        words.get(at + 1).is_some_and(|x| is_possessive_gap(&text[words[at].end..x.start]));
    if !possessive {
        return None;
    }
    let years = i16::try_from(years).ok()?;
    let next = |k: usize| words.get(k).map(|x| lower(x));
    match (next(at + 1).as_deref(), next(at + 2).as_deref()) {
        (Some(o), Some("quarter")) => {
            let q = quarter_ordinal(o)?;
            Some((at + 2, Meaning::Relative(Relative::QuarterIn { q, years })))
        }
        (Some("quarter" | "period"), _) if years < 0 => Some((
            at + 1,
            Meaning::Period { years_back: -years, year: None, otherwise: Granularity::Quarter },
        )),
        _ => None,
    }
}

/// Earnings-report periods after "the" at word `i`: "the latest quarter", "the
/// year-earlier period", "the 1988 second quarter", "the current fiscal year", "the
/// year ended June 30" (a duration).
fn reporting_period(words: &[Word], i: usize) -> Option<(usize, Meaning)> {
    let mut k = i + 1;
    let (mut year_back, mut current, mut latest) = (false, false, false);
    let mut named_year = None;
    let mut ordinal = None;
    while let Some(word) = words.get(k).map(|x| lower(x)) {
        match &*word {
            "year-earlier" | "year-ago" | "comparable" | "corresponding" | "prior-year" => {
                year_back |= word != "comparable";
            }
            "current" | "present" => current = true,
            "latest" | "most" | "recent" | "same" => latest = true,
            "full" | "fiscal" => {}
            w => match (year(w), quarter_ordinal(w.trim_start_matches("fiscal-"))) {
                (Some(y), _) => named_year = Some(y),
                (None, Some(q)) => ordinal = Some(q),
                (None, None) => break,
            },
        }
        k += 1;
    }
    let head = words.get(k).map(|x| lower(x))?;
    let after = words.get(k + 1).map(|x| lower(x));
    let modified = k > i + 1;
    match &*head {
        "quarter" | "period" => {
            if head == "period" && !(year_back || latest || named_year.is_some()) {
                return None;
            }
            let meaning = match (ordinal, named_year) {
                (Some(q), Some(y)) => {
                    Meaning::Absolute(starting(y, quarter_month(q), Granularity::Quarter)?)
                }
                (Some(_), None) if !year_back => return None,
                _ if current => {
                    Meaning::Relative(Relative::Unit { unit: Granularity::Quarter, offset: 0 })
                }
                _ => Meaning::Period {
                    years_back: i16::from(year_back),
                    year: named_year,
                    otherwise: Granularity::Quarter,
                },
            };
            Some((k, meaning))
        }
        "year" if named_year.is_none() && ordinal.is_none() => {
            if matches!(after.as_deref(), Some("ended" | "ending")) {
                return Some((k, Meaning::Duration("P1Y".into())));
            }
            let before = i.checked_sub(1).map(|p| lower(&words[p]));
            let governed = matches!(
                before.as_deref(),
                Some("for" | "in" | "during" | "through" | "throughout" | "of")
            );
            if latest
                || !(modified || governed)
                || after.as_deref().is_some_and(|a| number(a).is_some() || a == "before")
            {
                return None;
            }
            let offset = if year_back { -1 } else { 0 };
            Some((k, Meaning::Relative(Relative::Unit { unit: Granularity::Year, offset })))
        }
        _ => None,
    }
}

/// A year said in words, as broadcast transcripts write it: "nineteen ninety-six",
/// "two thousand". Returns the last word used and the year.
fn spoken_year(words: &[Word], i: usize) -> Option<(usize, i16)> {
    let at = |k: usize| words.get(k).map(|x| lower(x));
    let first = at(i)?;
    if first == "two" && at(i + 1).as_deref() == Some("thousand") {
        return Some((i + 1, 2000));
    }
    let century: i16 = match &*first {
        "nineteen" => 1900,
        "eighteen" => 1800,
        _ => return None,
    };
    let tens = at(i + 1)?;
    let (tens_word, unit_word) = tens.split_once('-').unwrap_or((&*tens, ""));
    let tens_value: i16 = match tens_word {
        "ten" => return None,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    let units: i16 = if unit_word.is_empty() {
        0
    } else {
        i16::try_from(number(unit_word).filter(|n| (1..10).contains(n))?).ok()?
    };
    Some((i + 1, century + tens_value + units))
}

/// "the nineties": the decade's first year.
fn spoken_decade(word: &str) -> Option<i16> {
    Some(match word {
        "sixties" => 1960,
        "seventies" => 1970,
        "eighties" => 1980,
        "nineties" => 1990,
        _ => return None,
    })
}

/// The TIMEX3 value of a frequency adverb: "daily", "weekly".
fn frequency(word: &str) -> Option<&'static str> {
    Some(match word {
        "hourly" => "PT1H",
        "daily" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        _ => return None,
    })
}

fn quarter_ordinal(word: &str) -> Option<i8> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => return None,
    })
}

/// Which occurrence of a yearless date the tense picks. [`tense_at`] gives the past only
/// for a past verb right before the date ("ended Jan. 31"); one further away does not pull
/// the date back: "gave no reason for the Jan. 14 deadline" is still the coming one.
fn lean_for(tense: Tense) -> Lean {
    match tense {
        Tense::Future => Lean::Ahead,
        Tense::Past => Lean::Before,
        Tense::Unmarked => Lean::Nearest,
    }
}

fn month_day(month: i8, day: i8, tense: Tense) -> Meaning {
    let lean = lean_for(tense);
    Meaning::Relative(Relative::MonthDay { month, day, lean })
}

/// Durations: "six-year-long", "almost six-year", "for months", "three years", "24 hours".
fn duration(text: &str, words: &[Word], i: usize) -> Option<(usize, Meaning)> {
    let w = lower(words.get(i)?);
    let at = |k: usize| words.get(k).map(|x| lower(x));
    // "for years", "within weeks", "over the years", "the weeks ahead", "months of talks".
    let plural_unit =
        |k: usize| at(k).filter(|n| n.ends_with('s')).and_then(|n| unit(&n)).map(|(_, code)| code);
    if matches!(&*w, "for" | "within" | "over") {
        if let Some(code) = plural_unit(i + 1) {
            return Some((i + 1, Meaning::Duration(vague_duration(code))));
        }
        if w == "over" && at(i + 1).as_deref() == Some("the") {
            if let Some(code) = plural_unit(i + 2) {
                return Some((i + 2, Meaning::Duration(vague_duration(code))));
            }
        }
        if !(w == "over" && matches!(at(i + 1).as_deref(), Some("a" | "an"))) {
            return None;
        }
    }
    if w == "the" && at(i + 2).as_deref() == Some("ahead") {
        if let Some(code) = plural_unit(i + 1) {
            return Some((i + 2, Meaning::Duration(vague_duration(code))));
        }
    }
    if let Some(code) = plural_unit(i)
        .filter(|_| at(i + 1).as_deref() == Some("of") && !text::is_capitalised(words[i].text()))
    {
        return Some((i, Meaning::Duration(vague_duration(code))));
    }
    // "over an hour" is about an hour; "over the years" was handled above.
    let approx = APPROXIMATIONS.contains(&&*w) || w == "over";
    let first = if approx { i + 1 } else { i };
    let word = at(first)?;
    // "three-quarters of its food", "a quarter of the market": fractions, not time.
    let fraction = |quarter_at: usize| {
        at(quarter_at).is_some_and(|q| q.len() >= "quarter".len() && q.contains("quarter"))
            && at(quarter_at + 1).as_deref() == Some("of")
    };
    if fraction(first) || fraction(first + 1) {
        return None;
    }
    // "six-year-long", "24-hour".
    if let Some((amount, rest)) = text::split_at_first(&word, b'-') {
        let unit = rest.split('-').next().unwrap_or(rest);
        let an_age = word.split('-').any(|p| p == "old");
        if let (Some(n), Some(code), false) = (number(amount), unit_code(unit), an_age) {
            return Some((first, Meaning::Duration(duration_value(n, code))));
        }
    }
    // "several years", "a few days", "many months": durations of unstated length;
    // "a few years ago" is simply the past.
    // "a couple of years".
    if word == "a"
        && at(first + 1).as_deref() == Some("couple")
        && at(first + 2).as_deref() == Some("of")
    {
        if let Some(code) = at(first + 3).filter(|u| u.ends_with('s')).and_then(|u| unit_code(&u)) {
            return Some((first + 3, Meaning::Duration(duration_value(2, code))));
        }
    }
    let vague = match (&*word, at(first + 1).as_deref()) {
        (counted, _) if VAGUE_COUNTS.contains(&counted) => Some(first + 1),
        ("a", Some("few")) => Some(first + 2),
        _ => None,
    };
    if let Some(unit_at) = vague {
        if let Some(code) = at(unit_at).filter(|u| u.ends_with('s')).and_then(|u| unit_code(&u)) {
            if at(unit_at + 1).as_deref() == Some("ago") {
                return Some((unit_at + 1, Meaning::Reference("PAST_REF")));
            }
            return Some((unit_at, Meaning::Duration(vague_duration(code))));
        }
    }
    // "a week", "an hour": one unit, or a rate after a quantity ("$33 million a year").
    if word == "a" || word == "an" {
        let unit_word = at(first + 1)?;
        let code = unit_code(&unit_word).filter(|_| !unit_word.ends_with('s'))?;
        if matches!(
            at(first + 2).as_deref(),
            Some("ago" | "earlier" | "later" | "old" | "before" | "after" | "or")
        ) {
            return None;
        }
        let rate = !approx && first.checked_sub(1).is_some_and(|p| is_quantity(words[p].text()));
        // "a minute and a half".
        let and_a_half = matches!(
            (at(first + 2).as_deref(), at(first + 3).as_deref(), at(first + 4).as_deref()),
            (Some("and"), Some("a"), Some("half"))
        );
        if let Some(value) = with_half(1, code).filter(|_| and_a_half && !rate) {
            return Some((first + 4, Meaning::Duration(value)));
        }
        let value = duration_value(1, code);
        return Some((
            first + 1,
            if rate { Meaning::Set(value) } else { Meaning::Duration(value) },
        ));
    }
    // "three years", "twenty four hours"; a year number is not an amount ("the 1988 quarter").
    if year(&word).is_some() {
        return None;
    }
    let mut k = first;
    let mut amount = number(&word)?;
    if let Some(more) = at(k + 1)
        .filter(|x| x.starts_with(|c: char| c.is_ascii_alphabetic()) && x != "a" && x != "an")
    {
        if let Some(more) = number(&more).filter(|&m| {
            m < 10 && amount >= 20 && word.starts_with(|c: char| c.is_ascii_alphabetic())
        }) {
            amount += more;
            k += 1;
        }
    }
    // "2 1/2 years": the words "1" and "2" with a slash between.
    let half = at(k + 1).as_deref() == Some("1")
        && at(k + 2).as_deref() == Some("2")
        && &text[words[k + 1].end..words[k + 2].start] == "/";
    if half {
        k += 2;
    }
    // "two more weeks".
    if at(k + 1).as_deref() == Some("more") {
        k += 1;
    }
    let unit_word = at(k + 1)?;
    let code = unit_code(&unit_word)?;
    if half {
        return Some((
            k + 1,
            Meaning::Duration(
                with_half(amount, code).unwrap_or_else(|| duration_value(amount, code)),
            ),
        ));
    }
    // "a five year low" is a duration; "1,000 day" is not written.
    if amount >= 1000 && !unit_word.ends_with('s') {
        return None;
    }
    if at(k + 2).as_deref() == Some("old") || at(k + 2).as_deref() == Some("ago") {
        return None;
    }
    Some((k + 1, Meaning::Duration(duration_value(amount, code))))
}

/// Whether a word ends a quantity that "a year" or "a week" can be a rate of:
/// "$33 million a year", "four flights a week", "12% a year".
fn is_quantity(word: &str) -> bool {
    word.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || lexicon::with_lowercase(word, |w| {
            matches!(
                w,
                "million"
                    | "billion"
                    | "trillion"
                    | "thousand"
                    | "hundred"
                    | "percent"
                    | "times"
                    | "dollars"
                    | "cents"
            ) || (w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !matches!(
                    w,
                    "was"
                        | "has"
                        | "does"
                        | "is"
                        | "this"
                        | "its"
                        | "his"
                        | "hers"
                        | "yours"
                        | "always"
                        | "perhaps"
                        | "towards"
                        | "afterwards"
                        | "besides"
                ))
        })
}

fn unit_code(word: &str) -> Option<&'static str> {
    match word.trim_end_matches('s') {
        "hour" => Some("TH"),
        "minute" => Some("TM"),
        _ => unit(word).map(|(_, code)| code),
    }
}

/// A duration of unstated length in `code`'s unit: "several years" is `PXY`.
fn vague_duration(code: &str) -> String {
    match code.strip_prefix('T') {
        Some(time) => format!("PTX{time}"),
        None if code == "Q" => "PXM".to_string(),
        None => format!("PX{code}"),
    }
}

fn duration_value(amount: i64, code: &str) -> String {
    match code.strip_prefix('T') {
        Some(time) => format!("PT{amount}{time}"),
        None if code == "DE" => format!("P{}Y", amount * 10),
        None if code == "Q" => format!("P{}M", amount * 3),
        None => format!("P{amount}{code}"),
    }
}

/// `amount` and a half units of `code`, in the next smaller unit where TIMEX3 has one:
/// "2 1/2 years" is `P2Y6M`.
fn with_half(amount: i64, code: &str) -> Option<String> {
    Some(match code {
        "Y" => format!("P{amount}Y6M"),
        "D" => format!("P{amount}DT12H"),
        "TH" => format!("PT{amount}H30M"),
        "TM" => format!("PT{amount}M30S"),
        _ => return None,
    })
}

/// For each word (in text order), the first quoted stretch in `quoted`'s order that holds
/// its start: one sweep over the article rather than a scan of every quote per word.
fn regions(words: &[Word], quoted: &[Range<usize>]) -> Vec<Option<usize>> {
    let mut by_start: Vec<usize> = (0..quoted.len()).collect();
    by_start.sort_by_key(|&k| quoted[k].start);
    let mut next = 0;
    let mut open: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        while let Some(&k) = by_start.get(next).filter(|&&k| quoted[k].start <= w.start) {
            open.push(k);
            next += 1;
        }
        // Most words are outside every quote: nothing is open, and nothing need be closed.
        if !open.is_empty() {
            open.retain(|&k| quoted[k].end > w.start);
        }
        out.push(open.iter().copied().min());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time_expressions;

    /// The quick test of `word` as a text of its own, before `next`.
    fn opens(word: &str, next: &str) -> bool {
        could_start_before(word, &Word::alone(word), Some(next))
    }

    #[test]
    fn the_quick_test_lets_every_opener_through_in_any_case() {
        let weekdays = WEEKDAYS.iter().map(|&(name, _, _)| name);
        let numbers = OTHER_NUMBER_WORDS.iter().map(|&(word, _)| word);
        let listed = OPENING_WORDS
            .iter()
            .chain(&MONTHS)
            .chain(&SHORT_MONTHS)
            .chain(&NUMBER_WORDS)
            .copied()
            .chain(weekdays)
            .chain(numbers);
        let others = ["mon.", "thurs.", "mid-1990s", "oct.", "1998", "the", "for", "that"];
        let holiday_words = ["election", "independence", "new"];
        for word in listed
            .chain(others)
            .filter(|w| !holiday_words.contains(w) && !APPROXIMATIONS.contains(w))
        {
            let capitalised = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            for form in [word.to_string(), capitalised, word.to_uppercase()] {
                assert!(opens(&form, "week"), "{form} before \"week\"");
            }
        }
        for (word, next) in [
            ("Election", "Day"),
            ("Independence", "Day"),
            ("New", "Year's"),
            ("New", "Year’s"),
            ("New", "Year"),
        ] {
            assert!(opens(word, next), "{word} before {next}");
        }
        for word in APPROXIMATIONS {
            for next in ["three", "Three", "24", "a", "An", "24-hour", "several", "Few", "some"] {
                assert!(opens(word, next), "{word} before {next}");
                assert!(opens(&word.to_uppercase(), next), "{word} before {next}");
            }
            for next in ["the", "week", "it", "people"] {
                assert!(!opens(word, next), "{word} before {next}");
            }
        }
        let let_through = [
            ("this", "year"),
            ("This", "morning"),
            ("this", "March"),
            ("this", "summer"),
            ("this", "Friday"),
            ("this", "three"),
            ("this", "few"),
            ("over", "the"),
            ("Over", "a"),
            ("over", "years"),
            ("many", "years"),
            ("Several", "weeks"),
            ("few", "days"),
        ];
        for (word, next) in let_through {
            assert!(opens(word, next), "{word} before {next}");
        }
        for (word, next) in [
            ("this", "is"),
            ("this", "three-week"),
            ("over", "100"),
            ("Over", "there"),
            ("many", "people"),
            ("several", "times"),
        ] {
            assert!(!opens(word, next), "{word} before {next}");
        }
        let turned_away = [
            ("Mon", "week"),
            ("Monday-Friday", "week"),
            ("said", "week"),
            ("the", "house"),
            ("A", "house"),
            ("For", "him"),
            ("août", "week"),
            ("New", "York"),
            ("new", "week"),
            ("Election", "night"),
            ("Independence", "movement"),
        ];
        for (word, next) in turned_away {
            assert!(!opens(word, next), "{word} before {next}");
        }
    }

    #[test]
    fn month_weekday_and_number_words_are_read_in_any_case_as_their_lists_give_them() {
        let forms = |word: &str| {
            let capitalised = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            [word.to_string(), capitalised.clone(), word.to_uppercase(), format!("{capitalised}.")]
        };
        for (n, (month, short)) in (1..).zip(MONTHS.iter().zip(&SHORT_MONTHS)) {
            for form in forms(month).into_iter().chain(forms(short)) {
                assert_eq!(month_number(&form), Some(n), "{form}");
            }
        }
        assert_eq!(month_number("Sept."), Some(9));
        for other in ["mayday", "août", "septembers", "september..", "", "."] {
            assert_eq!(month_number(other), None, "{other:?}");
        }
        for &(name, abbreviations, day) in &WEEKDAYS {
            for form in forms(name) {
                assert_eq!(weekday(&form), Some(day), "{form}");
            }
            for abbreviation in abbreviations {
                let [lower, capitalised, upper, with_period] = forms(abbreviation);
                assert_eq!(weekday(&with_period), Some(day), "{with_period}");
                assert_eq!(weekday(&format!("{upper}.")), Some(day), "{upper}.");
                for bare in [lower, capitalised, upper] {
                    assert_eq!(weekday(&bare), None, "{bare} names a weekday only with its period");
                }
            }
        }
        for (n, word) in (0..).zip(NUMBER_WORDS) {
            for form in forms(word).into_iter().take(3) {
                assert_eq!(number(&form), Some(n), "{form}");
            }
        }
        for (word, n) in OTHER_NUMBER_WORDS {
            assert_eq!(number(&word.to_uppercase()), Some(n), "{word}");
        }
        for (word, n) in
            [("21", Some(21)), ("-3", Some(-3)), ("twentyone", None), ("öne", None), ("One.", None)]
        {
            assert_eq!(number(word), n, "{word}");
        }
    }

    #[test]
    fn values_are_written_as_the_formatter_writes_them_for_any_year() {
        for (year, month, day) in [
            (2017, 1, 23),
            (1998, 12, 31),
            (987, 3, 4),
            (45, 7, 9),
            (0, 1, 1),
            (-5, 6, 15),
            (-2017, 11, 30),
            (9999, 12, 31),
        ] {
            let d = Date::new(year, month, day).expect("a valid date");
            let w = d.iso_week_date();
            let season = match month {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            let expected = [
                (Granularity::Day, format!("{year:04}-{month:02}-{day:02}")),
                (Granularity::Week, format!("{:04}-W{:02}", w.year(), w.week())),
                (Granularity::Month, format!("{year:04}-{month:02}")),
                (Granularity::Quarter, format!("{year:04}-Q{}", (month - 1) / 3 + 1)),
                (Granularity::Season, format!("{year:04}-{season}")),
                (Granularity::Year, format!("{year:04}")),
                (Granularity::Decade, format!("{:03}", year / 10)),
            ];
            for (granularity, written) in expected {
                assert_eq!(
                    value_of(Interval { first: d, last: d, granularity }),
                    written,
                    "{d} by {granularity:?}"
                );
            }
            assert_eq!(crate::dates::iso_day(d), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn a_words_first_hyphen_is_found_as_a_search_finds_it_at_any_length() {
        let words = [
            "",
            "-",
            "a",
            "mid-1990s",
            "Monday-Friday",
            "--x",
            "x-",
            "fifteen-letter-",
            "sixteen-letters-",
            "seventeen-letters-x",
            "a-b-c-d",
            "août",
            "mi-août",
            "0123456789abcde-",
            "0123456789abcdef-",
            "-0123456789abcdef",
            "Oct.",
            "U.S.-led",
        ];
        for word in words {
            let expected = (word.is_ascii(), word.bytes().position(|b| b == b'-'));
            // Packed from the word alone, and from a text with more than sixteen bytes left.
            let in_text = format!("{word} and the rest of the text");
            for key in [
                lexicon::Key::exact(word),
                lexicon::Key::exact_in(in_text.as_bytes(), 0, word.len()),
            ] {
                let found = ascii_and_first_hyphen(word, key);
                assert_eq!(found.0, expected.0, "{word:?} ASCII");
                if expected.0 {
                    assert_eq!(found.1, expected.1, "{word:?} hyphen");
                }
            }
        }
    }

    /// The text, the article date, the phrase found and its TIMEX3 type and value.
    type Case = (&'static str, (i16, i8, i8), &'static str, TimexType, &'static str);

    const NEWS_FORMS: &[Case] = &[
        // A tense cue governs only the expressions after it in its clause.
        ("The king met Monday and will fly to Maine on Thursday.", (1990, 8, 15), "Monday", TimexType::Date, "1990-08-13"),
        ("The king met Monday and will fly to Maine on Thursday.", (1990, 8, 15), "Thursday", TimexType::Date, "1990-08-16"),
        ("Bonn will pay, parliament said Friday.", (1998, 6, 26), "Friday", TimexType::Date, "1998-06-26"),
        ("Orkem said last Wednesday that talks had begun.", (1989, 11, 1), "last Wednesday", TimexType::Date, "1989-10-25"),
        ("Analysts expect the deal to close in November.", (1989, 11, 2), "November", TimexType::Date, "1989-11"),
        // Possessives, clock times and parts of the day.
        ("Friday's close was weak.", (1989, 10, 30), "Friday", TimexType::Date, "1989-10-27"),
        // Approximate durations.
        ("The talks lasted about three weeks.", (2016, 10, 20), "about three weeks", TimexType::Duration, "P3W"),
        ("The strike went on for nearly a year.", (2016, 10, 20), "nearly a year", TimexType::Duration, "P1Y"),
        ("It took some 24-hour shifts.", (2016, 10, 20), "some 24-hour", TimexType::Duration, "PT24H"),
        ("Around several days passed.", (2016, 10, 20), "Around several days", TimexType::Duration, "PXD"),
        // "this", "over" and the vague counts, before what they open.
        ("Prices rose over the years.", (2016, 10, 20), "over the years", TimexType::Duration, "PXY"),
        ("The deal took over a decade.", (2016, 10, 20), "over a decade", TimexType::Duration, "P10Y"),
        ("Many months passed.", (2016, 10, 20), "Many months", TimexType::Duration, "PXM"),
        ("He said this morning that talks would resume.", (2016, 10, 20), "this morning", TimexType::Time, "2016-10-20TMO"),
        ("Sales fell this summer.", (2016, 10, 20), "this summer", TimexType::Date, "2016-SU"),
        ("Several weeks later, this three-week delay ended.", (2016, 10, 20), "three-week", TimexType::Duration, "P3W"),
        // Holidays, named by two words or three.
        ("Voters will decide on Election Day.", (2016, 10, 20), "Election Day", TimexType::Date, "2016-11-08"),
        ("They planned a rally for New Year's Eve.", (2016, 10, 20), "New Year's Eve", TimexType::Date, "2016-12-31"),
        ("Fireworks lit the sky on Independence Day.", (2016, 10, 20), "Independence Day", TimexType::Date, "2016-07-04"),
        // Halves, in the next smaller unit.
        ("They lived in camps for 2 1/2 years.", (1998, 2, 27), "2 1/2 years", TimexType::Duration, "P2Y6M"),
        ("But a minute and a half later, a pilot radioed.", (1998, 1, 14), "a minute and a half", TimexType::Duration, "PT1M30S"),
        // Tense cues: a plan, a limit ahead, a verb after the expression, "next to".
        ("Protesters were planning to drive around the airport on Monday.", (2000, 1, 7), "Monday", TimexType::Date, "2000-01-10"),
        ("Officials postponed until Tuesday morning any action.", (2000, 3, 30), "Tuesday morning", TimexType::Time, "2000-04-04TMO"),
        ("Up until Thursday, however, they had not called.", (1999, 5, 7), "Thursday", TimexType::Date, "1999-05-06"),
        ("On Tuesday, the league plans to air an advertisement.", (1998, 10, 26), "Tuesday", TimexType::Date, "1998-10-27"),
        ("A bomb ripped through a building next to the embassy in Nairobi, Kenya Friday morning.", (1998, 8, 8), "Friday morning", TimexType::Time, "1998-08-07TMO"),
        ("In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", (1989, 10, 31), "Jan. 31", TimexType::Date, "1989-01-31"),
        ("He named a new office of the chairman, effective Feb. 1.", (1989, 10, 26), "Feb. 1", TimexType::Date, "1990-02-01"),
        ("He was shot at 10 p.m. Wednesday.", (1998, 2, 13), "10 p.m. Wednesday", TimexType::Time, "1998-02-11T22:00"),
        ("The blast came at 10:35 a.m.", (1998, 8, 7), "10:35 a.m.", TimexType::Time, "1998-08-07T10:35"),
        ("She was killed Thursday evening.", (1998, 2, 12), "Thursday evening", TimexType::Time, "1998-02-12TEV"),
        ("The New York Times said on Monday, Oct. 26: the murder…", (1998, 10, 25), "Monday, Oct. 26", TimexType::Date, "1998-10-26"),
        // Earnings reports: the quarter reported on, and the year before it.
        ("Net rose in the third quarter. Sales were $5 million a year ago.", (1989, 10, 26), "a year ago", TimexType::Date, "1988-Q3"),
        ("Profit doubled in the latest quarter.", (1989, 10, 26), "the latest quarter", TimexType::Date, "1989-Q3"),
        ("Net rose in the third quarter, from a loss in the year-earlier period.", (1989, 10, 26), "the year-earlier period", TimexType::Date, "1988-Q3"),
        ("It earned $3 million in the 1988 second quarter.", (1989, 10, 26), "the 1988 second quarter", TimexType::Date, "1988-Q2"),
        ("Sales for this year's third quarter rose.", (1989, 11, 1), "this year's third quarter", TimexType::Date, "1989-Q3"),
        ("Revenue for the year ended June 30 rose.", (1989, 10, 26), "the year", TimexType::Duration, "P1Y"),
        ("Dividends stopped in the third quarter of 1984.", (1989, 10, 26), "the third quarter of 1984", TimexType::Date, "1984-Q3"),
        // Durations, sets and vague references.
        ("Troops must leave within a week.", (1991, 2, 25), "a week", TimexType::Duration, "P1W"),
        ("It earns $33 million a year.", (1989, 10, 26), "a year", TimexType::Set, "P1Y"),
        ("Stocks fell in the past three months.", (1998, 1, 8), "the past three months", TimexType::Duration, "P3M"),
        ("The machines were removed a few years ago.", (1998, 2, 12), "a few years ago", TimexType::Date, "PAST_REF"),
        ("Stocks hit a five year low.", (1998, 1, 8), "five year", TimexType::Duration, "P5Y"),
        ("It will not change for a couple of years.", (1998, 1, 8), "a couple of years", TimexType::Duration, "P2Y"),
        ("Orangemen march each July.", (1998, 3, 22), "each July", TimexType::Set, "XXXX-07"),
        ("Rallies are held almost daily.", (2000, 1, 7), "daily", TimexType::Set, "P1D"),
        ("Protesters will march on Washington in March.", (2000, 1, 7), "March", TimexType::Date, "2000-03"),
        ("The summit will be held on April 24 and 25.", (1999, 2, 10), "25", TimexType::Date, "1999-04-25"),
        ("He left at 4 in the morning.", (2000, 4, 5), "4 in the morning", TimexType::Time, "2000-04-05T04:00"),
        ("The search lasted just over an hour.", (1998, 10, 24), "over an hour", TimexType::Duration, "PT1H"),
        ("He may stay for at least two more weeks.", (2000, 1, 7), "two more weeks", TimexType::Duration, "P2W"),
        // Common words that open an expression only before a unit, in either case.
        ("Talks have stalled for years.", (2017, 1, 24), "for years", TimexType::Duration, "PXY"),
        ("For months, nobody spoke.", (2017, 1, 24), "For months", TimexType::Duration, "PXM"),
        ("A few days later, the rebels withdrew.", (2017, 1, 24), "A few days", TimexType::Duration, "PXD"),
        // Anaphora, spoken years, decades, holidays and weekends.
        ("He became a general in 1995, and the following year he was promoted.", (1998, 2, 1), "the following year", TimexType::Date, "1996"),
        ("Keating was convicted in nineteen ninety-one.", (1998, 1, 20), "nineteen ninety-one", TimexType::Date, "1991"),
        ("Hate groups shrank through the nineties.", (1998, 1, 20), "nineties", TimexType::Date, "199"),
        ("The group fell apart in mid-1996.", (1998, 2, 19), "mid-1996", TimexType::Date, "1996"),
        ("Elian was found on Thanksgiving Day.", (2000, 1, 7), "Thanksgiving Day", TimexType::Date, "1999-11-25"),
        ("Officials became more open over the weekend.", (1991, 2, 25), "the weekend", TimexType::Date, "1991-W08-WE"),
        ("Tourism fell in the past year.", (1989, 10, 30), "the past year", TimexType::Date, "1988"),
        ("The offensive began in July last year.", (1998, 2, 19), "July last year", TimexType::Date, "1997-07"),
        ("Rebels took the city on Monday. That day, the mayor fled.", (2017, 1, 24), "That day", TimexType::Date, "2017-01-23"),
    ];

    #[test]
    fn news_forms_resolve_to_timebank_values() {
        for &(text, (y, m, d), phrase, kind, value) in NEWS_FORMS {
            let found = time_expressions(text, Date::new(y, m, d).ok());
            let t = found.iter().find(|t| &text[t.start..t.end] == phrase).unwrap_or_else(|| {
                panic!(
                    "{text}: no {phrase:?} in {:?}",
                    found.iter().map(|t| &text[t.start..t.end]).collect::<Vec<_>>()
                )
            });
            assert_eq!((t.kind, t.value.as_deref()), (kind, Some(value)), "{text}");
        }
    }

    #[test]
    fn clock_times_and_periods_never_invent_dates_out_of_range() {
        assert!(
            time_expressions("hi 1000 times, then 2000 people came", None).is_empty(),
            "counts are not years"
        );
        let cases: [(&str, &[&str]); 5] = [
            ("at 25 p.m. Friday", &["2017-01-20"]),
            ("at 10:75 a.m.", &[]),
            ("the 9999 quarter", &[]),
            ("nineteen ten-ten", &[]),
            ("a year ago.", &["2016"]),
        ];
        for (text, expected) in cases {
            let found = time_expressions(text, Date::new(2017, 1, 24).ok());
            for t in &found {
                assert!(!t.value.as_deref().unwrap_or_default().contains("T25"), "{text}: {t:?}");
            }
            let values: Vec<&str> = found.iter().filter_map(|t| t.value.as_deref()).collect();
            assert_eq!(values, expected, "{text}: only what the words say");
        }
        for name in [
            "Czech Foreign Minister Jan Kavan said he was pleased.",
            "Thousands joined the annual March for Life on Capitol Hill.",
            "It was like the film High Noon.",
        ] {
            assert!(time_expressions(name, Date::new(1999, 3, 12).ok()).is_empty(), "{name}");
        }
        for fraction in [
            "Iraq imports about three-quarters of its food.",
            "Junk is more than a quarter of the market.",
        ] {
            assert!(
                time_expressions(fraction, Date::new(1990, 8, 15).ok()).is_empty(),
                "{fraction}"
            );
        }
        let undated = time_expressions("Profit rose in the latest quarter.", None);
        assert_eq!(undated[0].value, None, "no quarter named and no article date");
        assert!(undated[0].unresolved.is_some());
    }
}
