//! Time expressions, normalised to TIMEX3 values against an explicit anchor date.
//!
//! The anchor is the article's publication date, passed in; nothing reads a clock.
//! Relative expressions in an undated article keep `value: None` and a reason.

use std::ops::Range;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use super::lexicon;
use super::text::{self, Word, WordIndex};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub first: Date,
    pub last: Date,
    pub granularity: Granularity,
}

/// One time expression in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimexFinding {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// The TIMEX3 value, or `None` when the expression is relative and there is no anchor.
    pub value: Option<String>,
    /// The calendar stretch, for dates that resolved.
    pub interval: Option<Interval>,
    /// The date it was resolved against, when it was relative.
    pub anchor: Option<Date>,
    /// Why the value is missing, when it is.
    pub unresolved: Option<&'static str>,
}

/// What a matcher recognised, before it is placed in the text.
enum Meaning {
    /// An absolute date: needs no anchor.
    Absolute(Interval),
    /// A date relative to the anchor; the closure-free form is an offset rule.
    Relative(Relative),
    /// "the same day": the previous date in the text.
    SameAs(Granularity),
    Duration(String),
    Set(String),
    /// A reference to the present, past or future with no calendar extent: `PRESENT_REF`.
    Reference(&'static str),
}

enum Relative {
    Days(i64),
    Weekday { day: Weekday, future: bool },
    /// This (0), last (-1) or next (1) unit.
    Unit { unit: Granularity, offset: i64 },
    /// A month with no year.
    Month { month: i8, lean: Lean },
    Season { season: Season, offset: i64 },
    Ago { amount: i64, unit: Granularity },
    /// "the third quarter": the latest such quarter that has begun by the anchor.
    Quarter(i8),
    /// A month and day with no year.
    MonthDay { month: i8, day: i8, lean: Lean },
    /// A time of the anchor day: "tonight" (`NI`), "this morning" (`MO`).
    DayPart { days: i64, part: &'static str },
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
        Lean::Last if this_year >= anchor.first_of_month() => at(anchor.year() - 1)?,
        Lean::Next if this_year <= anchor => at(anchor.year() + 1)?,
        Lean::Last | Lean::Next => this_year,
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
    for sentence in sentences {
        let positions = all_words.positions(sentence.clone());
        let words = &all_words.all()[positions.clone()];
        let regions = &all_regions[positions];
        let mut future_regions: Vec<Option<usize>> = Vec::new();
        for (w, region) in words.iter().zip(regions) {
            if is_future_marker(text, w) && !future_regions.contains(region) {
                future_regions.push(*region);
            }
        }
        let mut i = 0;
        while i < words.len() {
            if !could_start(words[i].text(text)) {
                i += 1;
                continue;
            }
            let future = future_regions.contains(&regions[i]);
            match recognise(text, words, i, future) {
                Some((last, meaning)) => {
                    let start = words[i].start;
                    let end = words[last].end;
                    let previous = out.iter().rev().find_map(|t| t.interval);
                    out.push(place(start, end, meaning, anchor, previous));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Whether a word can open any pattern of [`recognise`]: a cheap test that lets
/// most words of a sentence pass without the full match.
fn could_start(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_digit()) || weekday(word).is_some() {
        return true;
    }
    let head = word.split('-').next().unwrap_or(word).trim_end_matches('.');
    lexicon::with_lowercase(head, |w| {
        month_number(w).is_some()
            || number(w).is_some()
            || matches!(
                w,
                "today" | "yesterday" | "tomorrow" | "tonight" | "last" | "next" | "this" | "past" | "coming"
                    | "now" | "currently" | "recently" | "first" | "second" | "third" | "several" | "many"
                    | "fourth"
                    | "earlier" | "later" | "the" | "that" | "every" | "for" | "almost" | "nearly" | "about"
                    | "some" | "roughly" | "around"
            )
    })
}

/// Future tense markers: "will meet on Monday" is the next Monday.
fn is_future_marker(text: &str, w: &Word) -> bool {
    matches!(
        w.text(text).to_lowercase().as_str(),
        "will" | "shall" | "upcoming"
    )
}

fn place(start: usize, end: usize, meaning: Meaning, anchor: Option<Date>, previous: Option<Interval>) -> TimexFinding {
    let mut t = TimexFinding {
        start,
        end,
        kind: TimexType::Date,
        value: None,
        interval: None,
        anchor: None,
        unresolved: None,
    };
    match meaning {
        Meaning::Absolute(interval) => {
            t.value = Some(value_of(interval));
            t.interval = Some(interval);
        }
        Meaning::Relative(rel) => match anchor {
            None => t.unresolved = Some("relative to an article date the article does not have"),
            Some(a) => {
                t.anchor = Some(a);
                match resolve(rel, a) {
                    Some((value, interval, kind)) => {
                        t.value = Some(value);
                        t.interval = interval;
                        t.kind = kind;
                    }
                    None => t.unresolved = Some("falls outside the supported calendar"),
                }
            }
        },
        Meaning::SameAs(granularity) => match previous {
            Some(p) => {
                let interval = widen(p.first, granularity).unwrap_or(p);
                t.value = Some(value_of(interval));
                t.interval = Some(interval);
                t.anchor = Some(p.first);
            }
            None => t.unresolved = Some("refers back to a date the text has not given"),
        },
        Meaning::Duration(v) => {
            t.kind = TimexType::Duration;
            t.value = Some(v);
        }
        Meaning::Set(v) => {
            t.kind = TimexType::Set;
            t.value = Some(v);
        }
        Meaning::Reference(v) => t.value = Some(v.to_string()),
    }
    t
}

/// The TIMEX3 value of a calendar stretch.
pub fn value_of(i: Interval) -> String {
    let d = i.first;
    match i.granularity {
        Granularity::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        Granularity::Week => {
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Granularity::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Granularity::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
        Granularity::Season => {
            let code = match d.month() {
                3..=5 => "SP",
                6..=8 => "SU",
                9..=11 => "FA",
                _ => "WI",
            };
            format!("{:04}-{code}", d.year())
        }
        Granularity::Year => format!("{:04}", d.year()),
        Granularity::Decade => format!("{:03}", d.year() / 10),
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
        Season::Winter => (Date::new(year, 12, 1).ok()?, Date::new(year + 1, 2, 1).ok()?.last_of_month()),
    };
    Some(Interval { first, last, granularity: Granularity::Season })
}

fn resolve(rel: Relative, a: Date) -> Option<(String, Option<Interval>, TimexType)> {
    let dated = |i: Interval| Some((value_of(i), Some(i), TimexType::Date));
    match rel {
        Relative::Days(n) => dated(widen(a.checked_add(n.days()).ok()?, Granularity::Day)?),
        Relative::Weekday { day, future } => {
            let now = i64::from(a.weekday().to_monday_zero_offset());
            let target = i64::from(day.to_monday_zero_offset());
            let offset = if future {
                let d = (target - now).rem_euclid(7);
                if d == 0 { 7 } else { d }
            } else {
                -((now - target).rem_euclid(7))
            };
            dated(widen(a.checked_add(offset.days()).ok()?, Granularity::Day)?)
        }
        Relative::Unit { unit, offset } => {
            let d = match unit {
                Granularity::Day => a.checked_add(offset.days()).ok()?,
                Granularity::Week => a.checked_add((offset * 7).days()).ok()?,
                Granularity::Month => a.checked_add(offset.months()).ok()?,
                Granularity::Quarter => a.checked_add((offset * 3).months()).ok()?,
                Granularity::Year => a.checked_add(offset.years()).ok()?,
                Granularity::Decade => a.checked_add((offset * 10).years()).ok()?,
                Granularity::Season => return None,
            };
            dated(widen(d, unit)?)
        }
        Relative::Month { month, lean } => {
            let first = pick_year(a, lean, |y| Date::new(y, month, 1).ok())?;
            dated(widen(first, Granularity::Month)?)
        }
        Relative::MonthDay { month, day, lean } => {
            let date = pick_year(a, lean, |y| Date::new(y, month, day).ok())?;
            dated(widen(date, Granularity::Day)?)
        }
        Relative::Season { season, offset } => {
            let year = a.year().checked_add(i16::try_from(offset).ok()?)?;
            let i = season_interval(year, season)?;
            Some((format!("{:04}-{}", year, season.code()), Some(i), TimexType::Date))
        }
        Relative::Ago { amount, unit } => {
            let d = match unit {
                Granularity::Day => a.checked_sub(amount.days()).ok()?,
                Granularity::Week => a.checked_sub((amount * 7).days()).ok()?,
                Granularity::Month => a.checked_sub(amount.months()).ok()?,
                Granularity::Year => a.checked_sub(amount.years()).ok()?,
                _ => return None,
            };
            dated(widen(d, unit)?)
        }
        Relative::Quarter(q) => {
            // The latest such quarter that has begun by the anchor (TimeBank's reading).
            let month = (q - 1) * 3 + 1;
            let start = Date::new(a.year(), month, 1).ok()?;
            let start = if start <= a { start } else { Date::new(a.year() - 1, month, 1).ok()? };
            dated(widen(start, Granularity::Quarter)?)
        }
        Relative::DayPart { days, part } => {
            let d = a.checked_add(days.days()).ok()?;
            let i = widen(d, Granularity::Day)?;
            Some((format!("{}T{part}", value_of(i)), Some(i), TimexType::Time))
        }
    }
}

fn lower(text: &str, w: &Word) -> String {
    w.text(text).to_lowercase()
}

fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ];
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return i8::try_from(i + 1).ok();
    }
    const SHORT: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if w == "sept" {
        return Some(9);
    }
    SHORT.iter().position(|m| *m == w).and_then(|i| i8::try_from(i + 1).ok())
}

/// A weekday's full name, or its abbreviation with the period ("Sun." but not
/// "Sun", which is as often a company or the star).
fn weekday(word: &str) -> Option<Weekday> {
    let lower = word.to_lowercase();
    let abbreviated = lower.ends_with('.');
    Some(match lower.trim_end_matches('.') {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        "mon" if abbreviated => Weekday::Monday,
        "tue" | "tues" if abbreviated => Weekday::Tuesday,
        "wed" if abbreviated => Weekday::Wednesday,
        "thu" | "thurs" if abbreviated => Weekday::Thursday,
        "fri" if abbreviated => Weekday::Friday,
        "sat" if abbreviated => Weekday::Saturday,
        "sun" if abbreviated => Weekday::Sunday,
        _ => return None,
    })
}

fn number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return Some(n);
    }
    const WORDS: [&str; 21] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    let w = word.to_lowercase();
    if let Some(n) = WORDS.iter().position(|x| *x == w) {
        return i64::try_from(n).ok();
    }
    match w.as_str() {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "hundred" => Some(100),
        _ => None,
    }
}

fn unit(word: &str) -> Option<(Granularity, &'static str)> {
    Some(match word.to_lowercase().trim_end_matches('s') {
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
    Some(match word.to_lowercase().as_str() {
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

/// Tries every pattern at word `i`. Returns the last word used and its meaning.
fn recognise(text: &str, words: &[Word], i: usize, future: bool) -> Option<(usize, Meaning)> {
    let w = lower(text, &words[i]);
    let next = |k: usize| words.get(i + k).map(|x| lower(text, x));
    let adjacent = |k: usize| {
        words.get(i + k).is_some_and(|x| {
            text[words[i + k - 1].end..x.start].chars().all(|c| c == ' ' || c == ',')
        })
    };

    // ISO dates: 2017-01-23.
    if let [y, m, d] = w.split('-').collect::<Vec<_>>()[..] {
        if let (Some(y), Ok(m), Ok(d)) = (year(y), m.parse::<i8>(), d.parse::<i8>()) {
            if m.to_string().len() <= 2 {
                return day_interval(y, m, d).map(|i2| (i, Meaning::Absolute(i2)));
            }
        }
    }

    // "Monday, Jan 23" and plain weekdays.
    if let Some(day) = weekday(&w).filter(|_| text::is_capitalised(words[i].text(text))) {
        if adjacent(1) {
            if let Some((last, m)) = recognise(text, words, i + 1, future) {
                if matches!(m, Meaning::Absolute(_)) {
                    return Some((last, m));
                }
            }
        }
        let prev = i.checked_sub(1).map(|k| lower(text, &words[k]));
        let future = match prev.as_deref() {
            Some("next" | "coming") => true,
            Some("last" | "past") => false,
            _ => future,
        };
        return Some((i, Meaning::Relative(Relative::Weekday { day, future })));
    }

    // "January 23, 2017", "Jan. 23", "January 2017", "September".
    if let Some(m) = month_number(&w) {
        let capital = text::is_capitalised(words[i].text(text));
        if !capital || (w == "may" && !next(1).is_some_and(|n| day_of_month(&n).is_some() || year(&n).is_some())) {
            return None;
        }
        if let Some(d) = next(1).and_then(|n| day_of_month(&n)).filter(|_| adjacent(1)) {
            if let Some(y) = next(2).and_then(|n| year(&n)).filter(|_| adjacent(2)) {
                return day_interval(y, m, d).map(|iv| (i + 2, Meaning::Absolute(iv)));
            }
            return Some((i + 1, month_day(m, d, future)));
        }
        if let Some(y) = next(1).and_then(|n| year(&n)).filter(|_| adjacent(1)) {
            let iv = widen(Date::new(y, m, 1).ok()?, Granularity::Month)?;
            return Some((i + 1, Meaning::Absolute(iv)));
        }
        let lean = if future { Lean::Next } else { Lean::Nearest };
        return Some((i, Meaning::Relative(Relative::Month { month: m, lean })));
    }

    // "23 January 2017", "23 January".
    if let Some(d) = day_of_month(&w) {
        if let Some(m) = next(1).and_then(|n| month_number(&n)).filter(|_| adjacent(1)) {
            if !text::is_capitalised(words[i + 1].text(text)) {
                return None;
            }
            if let Some(y) = next(2).and_then(|n| year(&n)).filter(|_| adjacent(2)) {
                return day_interval(y, m, d).map(|iv| (i + 2, Meaning::Absolute(iv)));
            }
            return Some((i + 1, month_day(m, d, future)));
        }
    }

    // "third-quarter", "the third quarter".
    let (ordinal, hyphenated) = match w.split_once('-') {
        Some((o, "quarter")) => (o, true),
        _ => (w.as_str(), false),
    };
    if let Some(q) = quarter_ordinal(ordinal) {
        if hyphenated {
            return Some((i, Meaning::Relative(Relative::Quarter(q))));
        }
        if next(1).as_deref() == Some("quarter") && adjacent(1) {
            return Some((i + 1, Meaning::Relative(Relative::Quarter(q))));
        }
    }
    if w == "the" {
        if let Some(q) = next(1).and_then(|n| quarter_ordinal(&n)).filter(|_| next(2).as_deref() == Some("quarter")) {
            return Some((i + 2, Meaning::Relative(Relative::Quarter(q))));
        }
        match next(1).as_deref() {
            Some("past") if i == 0 || !matches!(lower(text, &words[i - 1]).as_str(), "over" | "for") => {
                return Some((i + 1, Meaning::Reference("PAST_REF")))
            }
            Some("future") => return Some((i + 1, Meaning::Reference("FUTURE_REF"))),
            _ => {}
        }
    }

    match w.as_str() {
        "now" | "currently" => return Some((i, Meaning::Reference("PRESENT_REF"))),
        "recently" => return Some((i, Meaning::Reference("PAST_REF"))),
        "today" => return Some((i, Meaning::Relative(Relative::Days(0)))),
        "yesterday" => return Some((i, Meaning::Relative(Relative::Days(-1)))),
        "tomorrow" => return Some((i, Meaning::Relative(Relative::Days(1)))),
        "tonight" => return Some((i, Meaning::Relative(Relative::DayPart { days: 0, part: "NI" }))),
        _ => {}
    }

    // "last September", "next week", "this year", "last summer", "last night".
    if matches!(w.as_str(), "last" | "next" | "this" | "past" | "coming") && adjacent(1) {
        let offset = match w.as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let n = next(1)?;
        if let Some(m) = month_number(&n).filter(|_| text::is_capitalised(words[i + 1].text(text))) {
            return Some((
                i + 1,
                Meaning::Relative(Relative::Month {
                    month: m,
                    lean: match offset {
                        o if o < 0 => Lean::Last,
                        0 => Lean::This,
                        _ => Lean::Next,
                    },
                }),
            ));
        }
        if let Some(s) = season(&n) {
            return Some((i + 1, Meaning::Relative(Relative::Season { season: s, offset: offset.min(0) })));
        }
        if let Some(day) = weekday(&n) {
            return Some((i + 1, Meaning::Relative(Relative::Weekday { day, future: offset > 0 })));
        }
        if n == "night" && offset < 0 {
            return Some((i + 1, Meaning::Relative(Relative::DayPart { days: -1, part: "NI" })));
        }
        let part = match n.as_str() {
            "morning" => Some("MO"),
            "afternoon" => Some("AF"),
            "evening" => Some("EV"),
            _ => None,
        };
        if let (Some(part), 0) = (part, offset) {
            return Some((i + 1, Meaning::Relative(Relative::DayPart { days: 0, part })));
        }
        if let Some((g, _)) = unit(&n).filter(|_| !n.ends_with('s')) {
            return Some((i + 1, Meaning::Relative(Relative::Unit { unit: g, offset })));
        }
    }

    // "earlier this month", "later this year".
    if matches!(w.as_str(), "earlier" | "later") && next(1).as_deref() == Some("this") {
        if let Some((g, _)) = next(2).and_then(|n| unit(&n)) {
            return Some((i + 2, Meaning::Relative(Relative::Unit { unit: g, offset: 0 })));
        }
    }

    // "the same day", "that week".
    if (w == "the" && next(1).as_deref() == Some("same")) || w == "that" {
        let skip = if w == "the" { 2 } else { 1 };
        if let Some((g, _)) = next(skip).and_then(|n| unit(&n)).filter(|_| !next(skip).unwrap_or_default().ends_with('s')) {
            return Some((i + skip, Meaning::SameAs(g)));
        }
    }

    // "two days ago", "three years ago".
    if let Some(n) = number(&w) {
        if let Some((g, _)) = next(1).and_then(|u| unit(&u)) {
            if matches!(next(2).as_deref(), Some("ago" | "earlier")) {
                return Some((i + 2, Meaning::Relative(Relative::Ago { amount: n, unit: g })));
            }
        }
    }

    // Durations: "six-year-long", "almost six-year", "for months", "three years".
    if let Some(d) = duration(text, words, i) {
        return Some(d);
    }

    // Sets: "every week", "weekly".
    if w == "every" {
        if let Some((_, code)) = next(1).and_then(|n| unit(&n)) {
            return Some((i + 1, Meaning::Set(format!("P1{code}"))));
        }
    }

    // Decades ("the 1990s") and bare years ("in 2011").
    if let Some(decade) = w.strip_suffix('s').and_then(year) {
        if decade % 10 == 0 {
            let iv = widen(Date::new(decade, 1, 1).ok()?, Granularity::Decade)?;
            return Some((i, Meaning::Absolute(iv)));
        }
    }
    if let Some(y) = year(&w) {
        let iv = widen(Date::new(y, 1, 1).ok()?, Granularity::Year)?;
        return Some((i, Meaning::Absolute(iv)));
    }
    None
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

fn month_day(month: i8, day: i8, future: bool) -> Meaning {
    let lean = if future { Lean::Next } else { Lean::Nearest };
    Meaning::Relative(Relative::MonthDay { month, day, lean })
}

/// Durations: "six-year-long", "almost six-year", "for months", "three years", "24 hours".
fn duration(text: &str, words: &[Word], i: usize) -> Option<(usize, Meaning)> {
    let w = lower(text, &words[i]);
    let at = |k: usize| words.get(k).map(|x| lower(text, x));
    if w == "for" {
        let n = at(i + 1)?;
        if n.ends_with('s') {
            if let Some((_, code)) = unit(&n) {
                return Some((i + 1, Meaning::Duration(format!("PX{code}"))));
            }
        }
        return None;
    }
    let approx = matches!(w.as_str(), "almost" | "nearly" | "about" | "some" | "roughly" | "around");
    let first = if approx { i + 1 } else { i };
    let word = at(first)?;
    // "six-year-long", "24-hour".
    let parts: Vec<&str> = word.split('-').collect();
    if parts.len() >= 2 && !parts.contains(&"old") {
        if let (Some(n), Some(code)) = (number(parts[0]), unit_code(parts[1])) {
            return Some((first, Meaning::Duration(duration_value(n, code))));
        }
    }
    // "several years", "a few days", "many months": durations of unstated length.
    let vague = match (word.as_str(), at(first + 1).as_deref()) {
        ("several" | "many" | "some", _) => Some(first + 1),
        ("a", Some("few")) => Some(first + 2),
        _ => None,
    };
    if let Some(unit_at) = vague {
        if let Some(code) = at(unit_at).filter(|u| u.ends_with('s')).and_then(|u| unit_code(&u)) {
            return Some((unit_at, Meaning::Duration(format!("PX{code}"))));
        }
    }
    // "three years", "twenty four hours".
    let mut k = first;
    let mut amount = number(&word)?;
    if word == "a" || word == "an" {
        return None;
    }
    if let Some(more) = at(k + 1).and_then(|x| number(&x)) {
        if more < 10 && amount >= 20 {
            amount += more;
            k += 1;
        }
    }
    let code = unit_code(&at(k + 1)?)?;
    if at(k + 2).as_deref() == Some("old") || at(k + 2).as_deref() == Some("ago") {
        return None;
    }
    Some((k + 1, Meaning::Duration(duration_value(amount, code))))
}

fn unit_code(word: &str) -> Option<&'static str> {
    match word.trim_end_matches('s') {
        "hour" => Some("TH"),
        "minute" => Some("TM"),
        _ => unit(word).map(|(_, code)| code),
    }
}

fn duration_value(amount: i64, code: &str) -> String {
    match code.strip_prefix('T') {
        Some(time) => format!("PT{amount}{time}"),
        None if code == "DE" => format!("P{}Y", amount * 10),
        None => format!("P{amount}{code}"),
    }
}

/// For each word (in text order), the first quoted stretch in `quoted`'s order that holds
/// its start: one sweep over the article rather than a scan of every quote per word.
fn regions(words: &[Word], quoted: &[Range<usize>]) -> Vec<Option<usize>> {
    let mut by_start: Vec<usize> = (0..quoted.len()).collect();
    by_start.sort_by_key(|&k| quoted[k].start);
    let mut next = 0;
    let mut open: Vec<usize> = Vec::new();
    words
        .iter()
        .map(|w| {
            while let Some(&k) = by_start.get(next).filter(|&&k| quoted[k].start <= w.start) {
                open.push(k);
                next += 1;
            }
            open.retain(|&k| quoted[k].end > w.start);
            open.iter().copied().min()
        })
        .collect()
}
