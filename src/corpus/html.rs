//! Saved web pages: the article's main text, without navigation, ads, captions or
//! comments, through the `trafilatura` crate (chosen by measuring: see docs/accuracy.md),
//! and its metadata from the page itself: title, outlet (`og:site_name`, the publisher in
//! JSON-LD), publication date (`article:published_time`, JSON-LD `datePublished`,
//! `<time>`), canonical URL and byline. Paragraph breaks survive, because a quote that runs
//! on into the next paragraph is found by them.

use scraper::{ElementRef, Html, Node, Selector};

use super::{decode, decoded_note, error, InputKind, Place, Read, Source};
use crate::dates::parse_published;
use jiff::civil::Date;

/// What is known about a page from outside it (a web archive's record, a fetch log).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub url: Option<String>,
    /// The date the page was captured, used when the page gives none of its own.
    pub date: Option<Date>,
    /// The charset the server declared.
    pub charset: Option<String>,
}

/// A page whose main text is shorter than this is taken for an index or list page.
const LEAST_ARTICLE_CHARS: usize = 200;

/// Reads a saved page; `stem` becomes its id.
pub fn read_html(origin: &str, stem: &str, bytes: &[u8], page: &Page) -> Read {
    let declared = page.charset.clone().or_else(|| meta_charset(bytes));
    let decoded = match decode(origin, bytes, declared.as_deref()) {
        Ok(d) => d,
        Err(e) => return Read::failed(e),
    };
    let mut read = Read::default();
    if let Some(assumed) = &decoded.assumed {
        read.problems.push(decoded_note(origin, assumed));
    }
    let html: &str = &decoded.text;
    let doc = Html::parse_document(html);
    let meta = Meta::of(&doc);
    let mut options = trafilatura::Options::default().with_fallback(true);
    if let Some(url) =
        meta.url.as_deref().or(page.url.as_deref()).and_then(|u| url::Url::parse(u).ok())
    {
        options = options.with_url(url);
    }
    let extracted = match trafilatura::extract(html, &options) {
        Ok(e) => e,
        Err(e) => {
            read.problems.push(error(
                origin,
                Place::Whole,
                format!("no article text found ({e}); skipped"),
            ));
            return read;
        }
    };
    let text = fragment_text(&extracted.content_html);
    let text = if text.trim().is_empty() { extracted.content_text.clone() } else { text };
    if text.chars().count() < LEAST_ARTICLE_CHARS {
        let message = format!(
            "no article in the page ({} characters of text: an index or list page?); skipped",
            text.chars().count()
        );
        read.problems.push(error(origin, Place::Whole, message));
        return read;
    }
    let found = &extracted.metadata;
    let nonempty = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let outlet =
        meta.outlet.clone().or_else(|| best_name(std::slice::from_ref(&found.sitename), None));
    let title = meta
        .title
        .clone()
        .or_else(|| nonempty(&found.title))
        .map(|t| without_site(&t, outlet.as_deref()));
    let found_date = found.date.and_then(crate::dates::from_chrono);
    read.sources.push(Source {
        id: stem.to_string(),
        date: meta.date.or(found_date).or(page.date),
        title,
        outlet,
        url: meta.url.clone().or_else(|| page.url.clone()).or_else(|| nonempty(&found.url)),
        byline: meta.byline.clone().or_else(|| nonempty(&found.author)),
        summary: false,
        kind: InputKind::Html,
        text,
    });
    read
}

/// The page's own metadata.
#[derive(Debug, Default, PartialEq, Eq)]
struct Meta {
    title: Option<String>,
    outlet: Option<String>,
    date: Option<Date>,
    url: Option<String>,
    byline: Option<String>,
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

impl Meta {
    fn of(doc: &Html) -> Meta {
        let all = |css: &str| -> Vec<String> {
            let Some(sel) = selector(css) else { return Vec::new() };
            doc.select(&sel)
                .filter_map(|e| e.value().attr("content").or_else(|| e.value().attr("href")))
                .map(clean)
                .filter(|s| !s.is_empty())
                .collect()
        };
        let content = |css: &str| all(css).into_iter().next();
        let text_of = |e: ElementRef<'_>| clean(&e.text().collect::<String>());
        let ld = JsonLd::of(doc);
        let page_title = selector("title")
            .and_then(|sel| doc.select(&sel).next().map(text_of))
            .filter(|t| !t.is_empty());
        let headings: Vec<String> =
            selector("h1").map_or_else(Vec::new, |sel| doc.select(&sel).map(text_of).collect());

        // Titles the page gives for itself, then its printed headline where one agrees.
        let declared: Vec<String> = [
            content("meta[property='og:title']"),
            ld.headline.clone(),
            content("meta[name='twitter:title']"),
            page_title.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let title = printed_headline(&headings, &declared).or_else(|| declared.first().cloned());

        // Dates: one stated in the publisher's own offset, or a bare printed day, before a
        // UTC time, whose day may not be the publisher's.
        let mut dates: Vec<String> = [
            "meta[property='article:published_time']",
            "meta[name='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='parsely-pub-date']",
            "meta[name='sailthru.date']",
            "meta[name='DC.date.issued']",
            "meta[name='dc.date']",
        ]
        .iter()
        .flat_map(|css| all(css))
        .collect();
        dates.extend(ld.date.clone());
        // The first `<time>` is the article's; later ones are often other stories'.
        let printed = selector("time[datetime]")
            .and_then(|sel| doc.select(&sel).find_map(|t| t.value().attr("datetime")).map(clean));
        // A time in UTC may fall on the day after the publisher's; the date printed under
        // the headline, when it is one day off, says which day the publisher meant.
        let date = best_date(&dates, printed.as_deref()).map(|(date, in_utc)| {
            let shown = title.as_deref().and_then(|t| date_after_headline(doc, t));
            match shown {
                Some(shown) if in_utc && crate::dates::days_between(shown, date).abs() == 1 => {
                    shown
                }
                _ => date,
            }
        });

        // The outlet's name, from whichever of the page's names agree, in its most readable form.
        let mut names: Vec<String> = Vec::new();
        names.extend(content("meta[property='og:site_name']"));
        names.extend(ld.publisher.clone());
        if let (Some(full), Some(title)) = (&page_title, &title) {
            names.extend(title_suffix(full, title));
        }
        names.extend(content("meta[name='application-name']"));
        names.extend(ld.organization.clone());
        let url = content("link[rel='canonical']")
            .or_else(|| content("meta[property='og:url']"))
            .filter(|u| u.starts_with("http"));
        let host = url.as_deref().and_then(host_label);
        let outlet = best_name(&names, host.as_deref());

        let byline = ld
            .author
            .clone()
            .or_else(|| content("meta[name='author']"))
            .or_else(|| {
                content("meta[property='article:author']").filter(|a| !a.starts_with("http"))
            })
            .or_else(|| {
                selector("[rel='author']")
                    .and_then(|sel| doc.select(&sel).next().map(text_of))
                    .filter(|a| !a.is_empty())
            });
        Meta { title, outlet, date, url, byline }
    }
}

/// The words of `s`, lower-cased, for comparing titles.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `a`'s words that `b` has too.
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}

/// The page's printed headline (an `<h1>`) that agrees with what the page declares its
/// title to be: sites shorten or reword the title they give search engines and feeds,
/// and the headline a reader sees is the one to keep. A heading that is the site's
/// banner or a notice agrees with nothing and is passed over.
fn printed_headline(headings: &[String], declared: &[String]) -> Option<String> {
    let best = headings
        .iter()
        .filter(|h| words(h).len() >= 3)
        .map(|h| {
            (
                declared
                    .iter()
                    .map(|d| overlap(d, h).min(overlap(h, d).max(0.5)))
                    .fold(0.0, f64::max),
                h,
            )
        })
        .filter(|&(agreement, _)| agreement >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(best.1.clone())
}

/// The part of a page's `<title>` after its headline and a separator: "… - The New York
/// Times".
fn title_suffix(full: &str, headline: &str) -> Option<String> {
    for sep in [" | ", " - ", " – ", " — ", " : ", " :: "] {
        if let Some((head, tail)) = full.rsplit_once(sep) {
            if overlap(headline, head) >= 0.6 && !tail.trim().is_empty() {
                return Some(tail.trim().to_string());
            }
        }
    }
    None
}

/// A name's comparable form: lower case, letters and digits only, a leading "the" and a
/// trailing web domain dropped ("The Hill", "TheHill" and "thehill.com" are one).
fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = [".com", ".co.uk", ".org", ".net", ".news"]
        .iter()
        .find_map(|tld| lower.strip_suffix(tld))
        .unwrap_or(&lower);
    let key: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    key.strip_prefix("the").map_or_else(|| key.clone(), str::to_string)
}

/// The outlet's name among the page's candidates: addresses and handles are no names; a
/// name with the most agreeing candidates wins, and of agreeing spellings the most readable
/// (spaced, mixed case, no ".com").
fn best_name(candidates: &[String], host: Option<&str>) -> Option<String> {
    let names: Vec<String> = candidates
        .iter()
        .map(|n| n.split(" | ").next().unwrap_or(n).trim().to_string())
        .filter(|n| {
            !n.is_empty() && !n.contains("://") && !n.starts_with("www.") && !n.starts_with('@')
        })
        .collect();
    let readable = |n: &str| {
        let spaced = n.contains(' ');
        let mixed = n.chars().any(char::is_uppercase) && n.chars().any(char::is_lowercase);
        let domain = [".com", ".co.uk", ".org", ".net"].iter().any(|tld| n.ends_with(tld));
        u8::from(spaced) + u8::from(mixed) + u8::from(!domain)
    };
    // The name most candidates agree on, the earliest source breaking a tie; then its most
    // readable spelling.
    // The site's own address counts as one more vote for the name it spells.
    let support = |n: &str| {
        let key = name_key(n);
        names.iter().filter(|m| name_key(m) == key).count()
            + usize::from(host == Some(key.as_str()))
    };
    let (_, chosen) =
        names.iter().enumerate().max_by_key(|&(i, n)| (support(n), std::cmp::Reverse(i)))?;
    let key = name_key(chosen);
    let (_, best) = names
        .iter()
        .enumerate()
        .filter(|(_, n)| name_key(n) == key)
        .max_by_key(|&(i, n)| (readable(n), std::cmp::Reverse(i)))?;
    Some(best.strip_suffix(".com").unwrap_or(best).to_string())
}

/// How far after the headline a printed date is looked for, in characters of text.
const DATE_LINE_REACH: usize = 600;

/// The first date written out in words ("Nov. 18, 2019", "18 November 2019") in the page's
/// text just after its headline: the date line a reader sees, in the publisher's own time.
fn date_after_headline(doc: &Html, headline: &str) -> Option<Date> {
    let mut text = String::new();
    let mut after = false;
    for node in doc.root_element().descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let in_script = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript"))
        });
        if in_script {
            continue;
        }
        if after {
            text.push(' ');
            text.push_str(t);
            if text.len() > DATE_LINE_REACH {
                break;
            }
        } else if clean(t).len() > 10 && headline.contains(clean(t).as_str()) {
            after = true;
        }
    }
    crate::dates::first_written_date(&text)
}

/// The main label of a page's host: `https://www.timesunion.com/x` → `timesunion`.
fn host_label(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    // The label before the public suffix: a two-letter country code after a short
    // second level (`co.uk`, `com.au`) takes one more.
    let n = labels.len();
    let main = if n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3 {
        labels[n - 3]
    } else {
        labels.get(n.checked_sub(2)?)?
    };
    Some(main.chars().filter(|c| c.is_alphanumeric()).collect())
}

/// The publication day among a page's declared dates and the first `<time>` it prints: one
/// written with the publisher's own offset, or a bare printed day, before a time in UTC or
/// with no offset, whose day may not be the publisher's; a printed time with an offset
/// last. Days before 1900 are placeholders ("0001-01-01"), not dates. The flag says the
/// day came from a time in UTC (or with no offset).
fn best_date(candidates: &[String], printed: Option<&str>) -> Option<(Date, bool)> {
    let rank = |text: &str| -> Option<(u8, Date)> {
        let day = parse_published(text)?;
        if day.year() < 1900 {
            return None;
        }
        let t = text.trim();
        let has_time =
            t.len() > 10 && t.as_bytes().get(10).is_some_and(|&b| b == b'T' || b == b' ');
        let utc = t.ends_with('Z')
            || t.ends_with("+00:00")
            || t.ends_with("+0000")
            || t.ends_with("GMT")
            || t.ends_with("UTC");
        let offset = has_time && !utc && (t[10..].contains('+') || t[11..].contains('-'));
        Some((
            if offset {
                0
            } else if !has_time {
                1
            } else {
                2
            },
            day,
        ))
    };
    let printed = printed.and_then(&rank).map(|(r, d)| (if r == 1 { 1 } else { 3 }, d));
    candidates
        .iter()
        .filter_map(|c| rank(c))
        .chain(printed)
        .enumerate()
        .min_by_key(|&(i, (r, _))| (r, i))
        .map(|(_, (r, d))| (d, r == 2))
}

/// What a page's JSON-LD says of its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    /// The name of an organisation the page describes (often the site's own).
    organization: Option<String>,
}

impl JsonLd {
    fn of(doc: &Html) -> JsonLd {
        let mut ld = JsonLd::default();
        let Some(sel) = selector("script[type='application/ld+json']") else { return ld };
        for script in doc.select(&sel) {
            let Ok(value) =
                serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>())
            else {
                continue;
            };
            let mut objects = Vec::new();
            collect_objects(&value, &mut objects);
            for object in objects {
                let kind = object.get("@type").map(ToString::to_string).unwrap_or_default();
                if kind.contains("Organization") {
                    let name = object.get("name").and_then(serde_json::Value::as_str).map(clean);
                    ld.organization = ld.organization.take().or(name.filter(|n| !n.is_empty()));
                    continue;
                }
                if !(kind.contains("Article")
                    || kind.contains("Posting")
                    || kind.contains("Report"))
                {
                    continue;
                }
                let text = |v: &serde_json::Value| v.as_str().map(clean).filter(|s| !s.is_empty());
                let name = |v: &serde_json::Value| match v {
                    serde_json::Value::Array(items) => {
                        let names: Vec<String> = items
                            .iter()
                            .filter_map(|i| i.get("name").and_then(text).or_else(|| text(i)))
                            .collect();
                        (!names.is_empty()).then(|| names.join(", "))
                    }
                    other => other.get("name").and_then(text).or_else(|| text(other)),
                };
                ld.headline = ld.headline.take().or_else(|| object.get("headline").and_then(text));
                ld.date = ld.date.take().or_else(|| object.get("datePublished").and_then(text));
                ld.publisher =
                    ld.publisher.take().or_else(|| object.get("publisher").and_then(name));
                ld.author = ld.author.take().or_else(|| object.get("author").and_then(name));
            }
        }
        ld
    }
}

/// Every object of a JSON-LD value, `@graph` members included.
fn collect_objects<'v>(
    value: &'v serde_json::Value,
    out: &mut Vec<&'v serde_json::Map<String, serde_json::Value>>,
) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_objects(i, out)),
        serde_json::Value::Object(object) => {
            out.push(object);
            if let Some(graph) = object.get("@graph") {
                collect_objects(graph, out);
            }
        }
        _ => {}
    }
}

/// White space collapsed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title without the site's name after a separator: "Strike denied | The Herald".
fn without_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The charset a page declares in its first bytes (`<meta charset>` or the
/// `http-equiv` form), as browsers look for it.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The text of an HTML fragment with its paragraphs kept apart: block elements (`p`,
/// `div`, headings, list items, quotes…) end a paragraph, `<br>` ends a line, and white
/// space inside a paragraph is collapsed. Scripts and styles are dropped.
pub fn fragment_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    walk(fragment.root_element(), &mut line, &mut out);
    flush(&mut line, &mut out);
    out.trim_end().to_string()
}

const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "dd",
];

fn flush(line: &mut String, out: &mut String) {
    let text = clean(line);
    if !text.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&text);
    }
    line.clear();
}

fn walk(element: ElementRef<'_>, line: &mut String, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => line.push_str(text),
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "noscript" | "template") {
                    continue;
                }
                if name == "br" {
                    line.push(' ');
                    continue;
                }
                let Some(child) = ElementRef::wrap(child) else { continue };
                let block = BLOCKS.contains(&name);
                if block {
                    flush(line, out);
                }
                walk(child, line, out);
                if block {
                    flush(line, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Strike claim denied | The Herald</title>
<meta property="og:site_name" content="The Herald">
<meta property="article:published_time" content="2017-01-24T23:30:00-05:00">
<link rel="canonical" href="https://herald.example/strike">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Strike claim denied","author":[{"@type":"Person","name":"Jo Roe"}],"publisher":{"@type":"Organization","name":"The Herald"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike claim denied</h1>
<p>“Let’s not take that too far,” Sean Spicer said on Monday at the White House briefing.</p>
<figure><img src="a.jpg"><figcaption>Sean Spicer at the briefing.</figcaption></figure>
<p>The Pentagon denied that any joint strike had taken place, and its spokesman called the report rubbish.</p>
<p>Russia said its aircraft had received coordinates from the American side via a hotline.</p></article>
<div class="comments"><p>Great article!!! Visit my site.</p></div>
<footer>© The Herald</footer></body></html>"#;

    #[test]
    fn a_page_gives_its_text_in_paragraphs_and_its_own_metadata() {
        let read = read_html("p.html", "p", PAGE.as_bytes(), &Page::default());
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let s = &read.sources[0];
        assert_eq!(s.title.as_deref(), Some("Strike claim denied"));
        assert_eq!(s.outlet.as_deref(), Some("The Herald"));
        assert_eq!(s.date, Date::new(2017, 1, 24).ok(), "the page's own day");
        assert_eq!(s.url.as_deref(), Some("https://herald.example/strike"));
        assert_eq!(s.byline.as_deref(), Some("Jo Roe"));
        assert!(
            s.text.contains("“Let’s not take that too far,” Sean Spicer said on Monday"),
            "{}",
            s.text
        );
        assert!(
            s.text.contains("briefing.\n\nThe Pentagon denied"),
            "paragraphs stay apart: {}",
            s.text
        );
        for noise in ["Home", "Great article", "© The Herald"] {
            assert!(!s.text.contains(noise), "{noise:?} in {}", s.text);
        }
    }

    #[test]
    fn an_index_page_is_named_and_skipped() {
        let index = "<html><head><title>World news</title></head><body><ul><li><a href='/1'>One</a></li><li><a href='/2'>Two</a></li></ul></body></html>";
        let read = read_html("i.html", "i", index.as_bytes(), &Page::default());
        assert!(read.sources.is_empty());
        assert!(
            read.problems[0].to_string().starts_with("i.html: no article in the page"),
            "{:?}",
            read.problems
        );
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        let latin = format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><article><p>{}</p></article></body></html>", "Caf\u{e9} society said so. ".repeat(20));
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
        let read = read_html("l.html", "l", &bytes, &Page::default());
        assert!(read.sources[0].text.starts_with("Café society"), "{:?}", read.sources);
        assert!(
            read.problems[0].to_string().contains("decoded as windows-1252 (declared"),
            "{:?}",
            read.problems
        );
    }

    #[test]
    fn fragments_keep_paragraphs_and_drop_scripts() {
        assert_eq!(
            fragment_text("<p>One  two</p><p>Three<br>four</p><script>x()</script>"),
            "One two\n\nThree four"
        );
        assert_eq!(fragment_text("Plain &amp; simple"), "Plain & simple");
        assert_eq!(without_site("Strike denied - The Herald", Some("The Herald")), "Strike denied");
        assert_eq!(without_site("A - B", None), "A - B");
        assert_eq!(meta_charset(b"<meta charset=\"Shift_JIS\">").as_deref(), Some("shift_jis"));
        assert_eq!(
            host_label("https://www.timesunion.com/news/a.php").as_deref(),
            Some("timesunion")
        );
        assert_eq!(host_label("https://www.bbc.co.uk/news").as_deref(), Some("bbc"));
        let names = |n: &[&str]| n.iter().map(ToString::to_string).collect::<Vec<_>>();
        let best = |n: &[&str], host| best_name(&names(n), host);
        assert_eq!(best(&["TheHill", "The Hill", "TheHill"], None).as_deref(), Some("The Hill"));
        assert_eq!(best(&["U.S.", "Reuters"], Some("reuters")).as_deref(), Some("Reuters"));
        assert_eq!(
            best(&["https://x.example", "@handle", "SpaceNews.com"], None).as_deref(),
            Some("SpaceNews")
        );
    }
}
