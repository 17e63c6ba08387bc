//! Calendar dates as Newsline reads and writes them, in one place: the readers, the
//! extractor, the dataset, the URL state and the page all use these.
//!
//! Days are [`jiff::civil::Date`]. They are written `YYYY-MM-DD` ([`iso_day`]) and read
//! back strictly ([`parse_day`]). Publication dates in the wild come in more shapes
//! ([`parse_published`]): full ISO 8601 date-times, RFC 2822 (feeds, e-mail) and
//! `YYYY-MM-DD HH:MM:SS`; an article keeps the calendar date in its own offset.
//!
//! # Example
//! ```
//! use newsline::dates::{iso_day, parse_day, parse_published};
//!
//! let day = parse_day("2017-01-24").unwrap();
//! assert_eq!(iso_day(day), "2017-01-24");
//! assert_eq!(parse_day("2017-02-30"), None);
//! // 23:30 in New York on the 23rd is the 24th in UTC; the article's own day counts.
//! assert_eq!(parse_published("2017-01-23T23:30:00-05:00"), Some(parse_day("2017-01-23").unwrap()));
//! assert_eq!(parse_published("Tue, 24 Jan 2017 09:30:00 GMT"), Some(day));
//! ```

use jiff::civil::Date;

/// Parses a `YYYY-MM-DD` date that exists in the calendar; anything else is `None`.
pub fn parse_day(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .try_fold(0i16, |n, &c| c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0')))
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// `d` as `YYYY-MM-DD`.
pub fn iso_day(d: Date) -> String {
    let mut iso = String::with_capacity(10);
    push_iso_day(&mut iso, d);
    iso
}

/// Appends `d` as `YYYY-MM-DD`.
pub fn push_iso_day(out: &mut String, d: Date) {
    push_padded(out, i64::from(d.year()), 4);
    out.push('-');
    push_padded(out, i64::from(d.month()), 2);
    out.push('-');
    push_padded(out, i64::from(d.day()), 2);
}

/// Days since 1970-01-01 (negative before it). The page does its day arithmetic with
/// these few functions rather than jiff's, whose panicking paths (`ToSpan`, `Date - Date`,
/// `tomorrow`) bring its error messages and formatting, about 30 KB gzipped, into every
/// site's wasm. They are checked against jiff for every day of four centuries.
pub fn days_since_epoch(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil, on years that start in March.
    let (m, day) = (i32::from(d.month()), i32::from(d.day()));
    let y = i32::from(d.year()) - i32::from(m <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day `days` after 1970-01-01, when it is within jiff's range.
pub fn from_days_since_epoch(days: i32) -> Option<Date> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// `d` moved by `days` (back when negative), when the result is within range.
pub fn add_days(d: Date, days: i32) -> Option<Date> {
    from_days_since_epoch(days_since_epoch(d).checked_add(days)?)
}

/// Days from `a` to `b` (negative when `b` comes first).
pub fn days_between(a: Date, b: Date) -> i32 {
    days_since_epoch(b) - days_since_epoch(a)
}

/// The weekday, Monday 0 to Sunday 6.
pub fn weekday_from_monday(d: Date) -> usize {
    // 1970-01-01 was a Thursday, 3 days after a Monday.
    usize::try_from((days_since_epoch(d) + 3).rem_euclid(7)).unwrap_or(0)
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The first day of `d`'s month.
pub fn first_of_month(d: Date) -> Date {
    Date::new(d.year(), d.month(), 1).unwrap_or(d)
}

/// The last day of `d`'s month.
pub fn last_of_month(d: Date) -> Date {
    Date::new(d.year(), d.month(), days_in_month(d.year(), d.month())).unwrap_or(d)
}

/// Appends `n` zero-padded to `width` digits, as `{n:0width$}` writes it. Every date of a
/// corpus is written so, and `format!` costs many times more than the digits.
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        // A year before 1 BCE: rare enough for the formatter, which places the sign.
        out.push_str(&format!("{n:0width$}"));
        return;
    }
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits.len())));
    out.push_str(digits);
}

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Sep": a date's month, short.
pub fn month_abbr(d: Date) -> &'static str {
    let name = MONTH_NAMES[usize::try_from(d.month() - 1).unwrap_or(0)];
    &name[..3]
}

/// "Mon 23 Jan 2017".
pub fn day_label(d: Date) -> String {
    let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday_from_monday(d)];
    format!("{weekday} {} {} {}", d.day(), month_abbr(d), d.year())
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a link's date range), as the first and last day it
/// covers.
pub fn parse_span(s: &str) -> Option<(Date, Date)> {
    match s.len() {
        10 => parse_day(s).map(|d| (d, d)),
        7 | 4 => {
            let year: i16 = s.get(0..4)?.parse().ok()?;
            if s.len() == 4 {
                return Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?));
            }
            (s.as_bytes()[4] == b'-').then_some(())?;
            let first = Date::new(year, s.get(5..7)?.parse().ok()?, 1).ok()?;
            Some((first, last_of_month(first)))
        }
        _ => None,
    }
}

/// A moment as `2017-01-24T09:30:00Z`: when a site was built, when a page was fetched.
pub fn utc_stamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A date as chrono has it (the feed and page readers' crates use chrono).
#[cfg(feature = "readers")]
pub fn from_chrono(d: chrono::NaiveDate) -> Option<Date> {
    use chrono::Datelike;
    let year = i16::try_from(d.year()).ok()?;
    Date::new(year, i8::try_from(d.month()).ok()?, i8::try_from(d.day()).ok()?).ok()
}

/// The first date written with a month's name in running text: "Nov. 18, 2019",
/// "Tuesday, November 19, 2019", "18 November 2019" (a page's dateline or byline).
pub fn first_written_date(text: &str) -> Option<Date> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    // A month's name, whole or cut after three letters or more ("sept" too).
    let month = |t: &str| {
        let short = t.strip_suffix('.').unwrap_or(t);
        if short.len() < 3 {
            return None;
        }
        // Tokens are in lower case already; the names are compared without allocating.
        MONTH_NAMES.iter().position(|name| {
            let opens = name.get(..short.len()).is_some_and(|n| n.eq_ignore_ascii_case(short));
            opens || (short == "sept" && *name == "September")
        })
    };
    let number = |t: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<i16>().ok())
            .flatten()
    };
    for w in tokens.windows(3) {
        // "Nov 18 2019" or "18 Nov 2019".
        let (m, d, y) = match (month(&w[0]), month(&w[1])) {
            (Some(m), _) => (m, number(&w[1], 1..=2), number(&w[2], 4..=4)),
            (None, Some(m)) => (m, number(&w[0], 1..=2), number(&w[2], 4..=4)),
            _ => continue,
        };
        if let (Some(d), Some(y)) = (d, y) {
            let date = Date::new(y, i8::try_from(m + 1).ok()?, i8::try_from(d).ok()?).ok();
            if date.is_some_and(|d| d.year() >= 1900) {
                return date;
            }
        }
    }
    None
}

/// The calendar date of a publication time as sources write it:
/// - `2017-01-24`;
/// - ISO 8601 / RFC 3339 date-times (`2017-01-24T09:30:00Z`, `2017-01-24T09:30:00+01:00`,
///   `2017-01-24T09:30`), the date taken in the offset the time is written in;
/// - RFC 2822 (`Tue, 24 Jan 2017 09:30:00 GMT`), likewise;
/// - `2017-01-24 09:30:00`, with or without seconds.
///
/// Leading and trailing white space is ignored. `None` for anything else.
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(day) = parse_day(s) {
        return Some(day);
    }
    // ISO 8601 / RFC 3339: the date as written is the date in the time's own offset.
    if let Ok(pieces) = jiff::fmt::temporal::Pieces::parse(s) {
        return Some(pieces.date());
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        return Some(zoned.date());
    }
    written_out(s)
}

/// The date of forms sites print in words or slashes, with or without a time after it:
/// "January 24, 2017", "24 Jan 2017", "Tue, Jan 24 2017 02:02:33 PM", "2017/01/24".
/// Day-first and month-first digits alone ("1/2/2017") are ambiguous and not read.
fn written_out(s: &str) -> Option<Date> {
    const FORMATS: [&str; 10] = [
        "%B %d, %Y",
        "%b %d, %Y",
        "%A, %B %d, %Y",
        "%a, %b %d, %Y",
        "%a, %b %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %d %B %Y",
        "%Y/%m/%d",
    ];
    let s = s.trim().trim_end_matches('.');
    // The words up to where a time of day begins ("02:02:33 PM", "9.30am").
    let date_part = s.find(|c: char| c.is_ascii_digit()).and_then(|first_digit| {
        s[first_digit..].find(':').map(|colon| {
            let before_time = s[..first_digit + colon].rfind(' ').unwrap_or(first_digit + colon);
            s[..before_time].trim_end_matches([',', ' ', '-', '|', '@'])
        })
    });
    let candidates = [Some(s), date_part];
    candidates.into_iter().flatten().find_map(|text| {
        FORMATS.iter().find_map(|f| jiff::fmt::strtime::parse(f, text).ok()?.to_date().ok())
    })
}

/// A day in serde forms (the JSON, the story, an analysis part) as `YYYY-MM-DD`:
/// `#[serde(with = "crate::dates::day")]`. By hand rather than jiff's `serde` feature, which
/// would bring its ISO 8601 parser and printer into the page's wasm.
pub mod day {
    use jiff::civil::Date;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Date, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(&super::iso_day(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Date, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(input)?;
        super::parse_day(&s)
            .ok_or_else(|| D::Error::custom(format!("{s:?} is not a YYYY-MM-DD date")))
    }
}

/// An optional day, `YYYY-MM-DD` or null: `#[serde(with = "crate::dates::optional_day")]`.
pub mod optional_day {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Option<Date>, out: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(d) => out.serialize_some(&super::iso_day(*d)),
            None => out.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        struct Day(#[serde(with = "super::day")] Date);
        Ok(Option::<Day>::deserialize(input)?.map(|Day(d)| d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_in_running_text() {
        let day = |y, m, d| Date::new(y, m, d).ok();
        assert_eq!(first_written_date("By Jo Roe | Nov. 18, 2019 7:04 pm ET"), day(2019, 11, 18));
        let updated = "Updated 10:01 pm, Tuesday, November 19, 2019";
        assert_eq!(first_written_date(updated), day(2019, 11, 19));
        assert_eq!(first_written_date("Published 18 November 2019"), day(2019, 11, 18));
        assert_eq!(first_written_date("on Sept 3 2019"), day(2019, 9, 3));
        assert_eq!(first_written_date("May we all 20 agree in 2019"), None);
        assert_eq!(first_written_date("Sept. 31, 2019"), None, "no such day");
        assert_eq!(first_written_date("Ma 18 2019"), None, "two letters name no month");
    }

    #[test]
    fn spans_labels_and_stamps() {
        let d = |s| parse_day(s).unwrap();
        assert_eq!(parse_span("2017"), Some((d("2017-01-01"), d("2017-12-31"))));
        assert_eq!(parse_span("2016-02"), Some((d("2016-02-01"), d("2016-02-29"))));
        assert_eq!(parse_span("2016-02-03"), Some((d("2016-02-03"), d("2016-02-03"))));
        assert_eq!(parse_span("2016/02"), None);
        assert_eq!(parse_span("2016-13"), None);
        assert_eq!(month_abbr(d("2017-09-30")), "Sep");
        assert_eq!(day_label(d("2017-01-23")), "Mon 23 Jan 2017");
        let t = jiff::Timestamp::from_second(1_485_250_200).unwrap();
        assert_eq!(utc_stamp(t), "2017-01-24T09:30:00Z");
    }

    fn day(s: &str) -> Option<Date> {
        parse_day(s)
    }

    #[test]
    fn days_are_read_strictly_and_written_back() {
        assert_eq!(iso_day(day("0999-01-02").unwrap()), "0999-01-02");
        for bad in
            ["2017-02-30", "2017-1-05", "2017/01/05", "20170105", "２０17-01-05", "+017-01-05"]
        {
            assert_eq!(day(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic_agrees_with_jiff_for_four_centuries() {
        let mut d = Date::new(1800, 1, 1).unwrap();
        let mut n = days_since_epoch(d);
        assert_eq!(days_since_epoch(Date::new(1970, 1, 1).unwrap()), 0);
        while d.year() < 2200 {
            assert_eq!(days_since_epoch(d), n, "{d}");
            assert_eq!(from_days_since_epoch(n), Some(d));
            assert_eq!(
                weekday_from_monday(d),
                usize::try_from(d.weekday().to_monday_zero_offset()).unwrap(),
                "{d}"
            );
            assert_eq!(first_of_month(d), d.first_of_month());
            assert_eq!(last_of_month(d), d.last_of_month());
            assert_eq!(days_in_month(d.year(), d.month()), d.days_in_month());
            let next = d.tomorrow().unwrap();
            assert_eq!(add_days(d, 1), Some(next));
            assert_eq!(days_between(d, next), 1);
            d = next;
            n += 1;
        }
        let far = Date::new(-9999, 1, 1).unwrap();
        assert_eq!(from_days_since_epoch(days_since_epoch(far)), Some(far));
        assert_eq!(add_days(far, -1), None, "out of range is None, not a panic");
        assert_eq!(add_days(Date::new(9999, 12, 31).unwrap(), 1), None);
        assert_eq!(add_days(far, i32::MAX), None);
    }

    #[test]
    fn publication_times_keep_their_own_calendar_date() {
        let cases = [
            ("2017-01-24T09:30:00Z", "2017-01-24"),
            ("2017-01-24T23:30:00-05:00", "2017-01-24"),
            ("2017-01-24T01:30:00+09:00", "2017-01-24"),
            ("2017-01-24T09:30", "2017-01-24"),
            ("2017-01-24T09:30:00.123Z", "2017-01-24"),
            ("Tue, 24 Jan 2017 09:30:00 GMT", "2017-01-24"),
            ("Tue, 24 Jan 2017 23:30:00 -0500", "2017-01-24"),
            ("24 Jan 2017 09:30:00 +0000", "2017-01-24"),
            ("2017-01-24 09:30:00", "2017-01-24"),
            ("2017-01-24 09:30", "2017-01-24"),
            ("  2017-01-24  ", "2017-01-24"),
            ("January 24, 2017", "2017-01-24"),
            ("Tuesday, January 24, 2017", "2017-01-24"),
            ("24 Jan 2017", "2017-01-24"),
            ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16"),
            ("Jan 24, 2017 9:30 AM ET", "2017-01-24"),
            ("2017/01/24", "2017-01-24"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_published(text), day(want), "{text}");
        }
        for bad in [
            "",
            "yesterday",
            "2017-13-01T00:00:00Z",
            "Tue, 31 Feb 2017 09:30:00 GMT",
            "2017-01-24 noon",
        ] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }
}
