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
    jiff::fmt::rfc2822::parse(s).ok().map(|zoned| zoned.date())
}

#[cfg(test)]
mod tests {
    use super::*;

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
