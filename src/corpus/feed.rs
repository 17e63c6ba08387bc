//! RSS 2.0, Atom and JSON Feed, through feed-rs: each item becomes an article with its
//! date, title, link and author, the feed's title as its outlet. An item carries its full
//! text where the feed has it (`content:encoded`, Atom `content`), else its summary,
//! marked as a summary.

use chrono::{DateTime, TimeZone, Utc};

use super::html::fragment_text;
use super::{decode, decoded_note, error, hashed_id, unique_id, InputKind, Place, Read, Source};
use crate::dates::parse_published;

/// A feed item's date, kept as the calendar date of its own offset: feed-rs turns every
/// time into UTC, which would move "Tue, 24 Jan 2017 23:30:00 -0500" to the 25th, so the
/// date is parsed here and handed back as that day's midnight.
fn civil_midnight(text: &str) -> Option<DateTime<Utc>> {
    let day = parse_published(text)?;
    let (y, m, d) =
        (i32::from(day.year()), u32::try_from(day.month()).ok()?, u32::try_from(day.day()).ok()?);
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single()
}

/// Reads a feed. A feed that is not XML (or JSON Feed) is one line naming the place
/// where parsing failed; an item without text is reported and skipped.
pub fn read_feed(origin: &str, bytes: &[u8]) -> Read {
    let decoded = match decode(origin, bytes, None) {
        Ok(d) => d,
        Err(e) => return Read::failed(e),
    };
    let mut read = Read::default();
    if let Some(assumed) = &decoded.assumed {
        read.problems.push(decoded_note(origin, assumed));
    }
    let parser = feed_rs::parser::Builder::new().timestamp_parser(civil_midnight).build();
    let feed = match parser.parse(decoded.text.as_bytes()) {
        Ok(feed) => feed,
        Err(e) => {
            read.problems.push(error(
                origin,
                Place::Whole,
                format!("not a feed (RSS, Atom or JSON Feed): {e}"),
            ));
            return read;
        }
    };
    let outlet = feed.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
    let mut seen = std::collections::HashSet::new();
    for (n, entry) in feed.entries.iter().enumerate() {
        let record = Place::Record(n + 1);
        let full = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(fragment_text)
            .filter(|t| !t.trim().is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(|s| fragment_text(&s.content))
            .filter(|t| !t.trim().is_empty());
        let (text, is_summary) = match (full, summary) {
            (Some(text), _) => (text, false),
            (None, Some(summary)) => (summary, true),
            (None, None) => {
                read.problems.push(error(
                    origin,
                    record,
                    "an item with no text or summary; skipped",
                ));
                continue;
            }
        };
        let url = entry.links.first().map(|l| l.href.clone());
        let title =
            entry.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
        let date = entry
            .published
            .or(entry.updated)
            .map(|t| t.date_naive())
            .and_then(crate::dates::from_chrono);
        // feed-rs makes up an id for an item that has none; a link is steadier.
        let id = match (&url, entry.id.is_empty()) {
            (Some(u), _) => hashed_id(u),
            (None, false) => hashed_id(&entry.id),
            (None, true) => hashed_id(&text),
        };
        let id = if seen.contains(&id) { unique_id(&id, |c| seen.contains(c)) } else { id };
        seen.insert(id.clone());
        let names: Vec<&str> = entry.authors.iter().filter_map(|a| a.name.as_deref()).collect();
        let byline = (!names.is_empty()).then(|| names.join(", "));
        read.sources.push(Source {
            id,
            date,
            title,
            outlet: outlet.clone(),
            url,
            byline,
            summary: is_summary,
            kind: InputKind::Feed,
            text,
        });
    }
    if feed.entries.is_empty() {
        read.problems.push(error(origin, Place::Whole, "a feed with no items"));
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Herald</title><link>https://herald.example/</link>
<item><title>Strike &amp; denial</title><link>https://herald.example/1</link>
<pubDate>Tue, 24 Jan 2017 23:30:00 -0500</pubDate><dc:creator>Jo Roe</dc:creator>
<description>Short version.</description>
<content:encoded><![CDATA[<p>“It is rubbish,” Sean Spicer said.</p><p>The Pentagon denied it.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://herald.example/2</link>
<pubDate>Wed, 25 Jan 2017 08:00:00 GMT</pubDate><description>&lt;p&gt;Jane Doe said so.&lt;/p&gt;</description></item>
<item><title>Nothing</title><link>https://herald.example/3</link></item>
</channel></rss>"#;

    #[test]
    fn items_become_articles_with_their_own_dates() {
        let read = read_feed("f.rss", RSS.as_bytes());
        assert_eq!(read.sources.len(), 2);
        let first = &read.sources[0];
        assert_eq!(first.outlet.as_deref(), Some("The Herald"));
        assert_eq!(first.title.as_deref(), Some("Strike & denial"));
        assert_eq!(first.date, Date::new(2017, 1, 24).ok(), "the publisher's own day, not UTC's");
        assert_eq!(first.url.as_deref(), Some("https://herald.example/1"));
        assert_eq!(first.byline.as_deref(), Some("Jo Roe"));
        assert!(!first.summary);
        assert_eq!(first.text, "“It is rubbish,” Sean Spicer said.\n\nThe Pentagon denied it.");
        let second = &read.sources[1];
        assert!(second.summary, "a summary is marked as one");
        assert_eq!(second.text, "Jane Doe said so.");
        assert_eq!(
            read.problems[0].to_string(),
            "f.rss: record 3: an item with no text or summary; skipped"
        );
    }

    #[test]
    fn atom_and_json_feed_are_read_and_garbage_is_named() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><id>urn:1</id><title>One</title><updated>2017-01-24T09:30:00+01:00</updated>
<link href="https://courier.example/1"/><content type="html">&lt;p&gt;Jo Roe said hi.&lt;/p&gt;</content></entry></feed>"#;
        let read = read_feed("a.atom", atom.as_bytes());
        assert_eq!(read.sources[0].text, "Jo Roe said hi.");
        assert_eq!(read.sources[0].outlet.as_deref(), Some("Courier"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Daily","items":[
            {"id":"1","url":"https://daily.example/1","content_text":"Jane Doe said yes.","date_published":"2017-01-24T10:00:00Z"}]}"#;
        let read = read_feed("j.json", json.as_bytes());
        assert_eq!(read.sources[0].text, "Jane Doe said yes.");
        assert_eq!(read.sources[0].date, Date::new(2017, 1, 24).ok());
        let bad = read_feed("b.rss", b"this is not xml at all");
        assert!(bad.sources.is_empty());
        assert!(bad.problems[0].to_string().starts_with("b.rss: not a feed"), "{:?}", bad.problems);
    }
}
