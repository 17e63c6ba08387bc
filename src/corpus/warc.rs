//! Web archives (`.warc`, `.warc.gz`, as Common Crawl's CC-NEWS ships them): every HTTP
//! response record that holds an HTML page is read as a saved page, with the record's URL
//! and date. A damaged or truncated archive keeps the records before the damage.

use std::io::{BufReader, Read as _};

use super::html::{read_html, Page};
use super::{error, hashed_id, Place, Read};

/// The largest page a record may hold; bigger ones are skipped with a line.
const MAX_PAGE_BYTES: usize = 20 * 1024 * 1024;

/// Reads a WARC file, gzipped (record by record, as archives are) or not.
pub fn read_warc(origin: &str, bytes: &[u8]) -> Read {
    let gzipped = bytes.starts_with(&[0x1f, 0x8b]);
    let source: Box<dyn std::io::Read + '_> =
        if gzipped { Box::new(flate2::read::MultiGzDecoder::new(bytes)) } else { Box::new(bytes) };
    let records =
        ::warc::WarcReader::new(BufReader::with_capacity(1 << 16, source)).iter_raw_records();
    let mut read = Read::default();
    let mut pages = 0;
    for (n, record) in records.enumerate() {
        let place = Place::Record(n + 1);
        let (header, body) = match record {
            Ok(r) => r,
            Err(e) => {
                let why = match e {
                    ::warc::Error::ReadData(io) => {
                        format!("the archive is damaged or cut short ({io})")
                    }
                    ::warc::Error::UnexpectedEOB => {
                        "the archive ends inside this record (cut short?)".to_string()
                    }
                    other => format!("not a WARC record ({other})"),
                };
                read.problems.push(error(
                    origin,
                    place,
                    format!("{why}; the records before it are read"),
                ));
                break;
            }
        };
        let field = |name: &str| {
            header
                .headers
                .iter()
                .find(|(k, _)| k.to_string().eq_ignore_ascii_case(name))
                .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        };
        if field("WARC-Type").as_deref() != Some("response") {
            continue;
        }
        let url = field("WARC-Target-URI");
        let Some(http) = Response::parse(&body) else {
            read.problems.push(error(
                origin,
                place,
                "a response record that is not an HTTP response; skipped",
            ));
            continue;
        };
        if !(200..300).contains(&http.status)
            || !http.content_type.as_deref().unwrap_or("text/html").contains("html")
        {
            continue;
        }
        let payload = match http.payload(&body) {
            Ok(p) => p,
            Err(why) => {
                read.problems.push(error(origin, place, format!("{why}; skipped")));
                continue;
            }
        };
        if payload.len() > MAX_PAGE_BYTES {
            read.problems.push(error(
                origin,
                place,
                format!("a page of {} bytes, over the limit; skipped", payload.len()),
            ));
            continue;
        }
        pages += 1;
        let page_origin = format!(
            "{origin} record {}{}",
            n + 1,
            url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default()
        );
        let id = url
            .as_deref()
            .map_or_else(|| format!("{}-{}", super::stem_of(origin), n + 1), hashed_id);
        let date = field("WARC-Date").as_deref().and_then(crate::dates::parse_published);
        let page = Page { url, date, charset: http.charset() };
        let mut one = read_html(&page_origin, &id, &payload, &page);
        for source in &mut one.sources {
            source.kind = super::InputKind::Warc;
        }
        read.sources.append(&mut one.sources);
        read.problems.append(&mut one.problems);
    }
    if pages == 0 && read.problems.is_empty() {
        read.problems.push(error(origin, Place::Whole, "no HTML response record in the archive"));
    }
    read
}

/// The head of an HTTP response a record holds.
struct Response {
    status: u16,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    body_start: usize,
}

impl Response {
    fn parse(record: &[u8]) -> Option<Response> {
        let mut headers = [httparse::EMPTY_HEADER; 96];
        let mut response = httparse::Response::new(&mut headers);
        let httparse::Status::Complete(body_start) = response.parse(record).ok()? else {
            return None;
        };
        let get = |name: &str| {
            response
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
        };
        Some(Response {
            status: response.code?,
            content_type: get("content-type"),
            content_encoding: get("content-encoding"),
            chunked: get("transfer-encoding").is_some_and(|t| t.contains("chunked")),
            body_start,
        })
    }

    fn charset(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?;
        let at = ct.find("charset=")? + "charset=".len();
        Some(ct[at..].split(';').next()?.trim_matches(['"', '\'', ' ']).to_string())
    }

    /// The body as the server meant it: de-chunked and inflated when the record kept
    /// the transfer as it came.
    fn payload(&self, record: &[u8]) -> Result<Vec<u8>, String> {
        let raw = &record[self.body_start.min(record.len())..];
        let body =
            if self.chunked { dechunk(raw).unwrap_or_else(|| raw.to_vec()) } else { raw.to_vec() };
        let inflate = |mut reader: Box<dyn std::io::Read + '_>| -> Result<Vec<u8>, String> {
            let mut out = Vec::new();
            reader
                .by_ref()
                .take(MAX_PAGE_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("a compressed body that does not inflate ({e})"))?;
            Ok(out)
        };
        match self.content_encoding.as_deref() {
            Some(e) if e.contains("gzip") && body.starts_with(&[0x1f, 0x8b]) => {
                inflate(Box::new(flate2::read::MultiGzDecoder::new(&body[..])))
            }
            Some(e) if e.contains("deflate") => {
                inflate(Box::new(flate2::read::ZlibDecoder::new(&body[..])))
            }
            _ => Ok(body),
        }
    }
}

/// A chunked body joined, when it is one.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&raw[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size..)?.strip_prefix(b"\r\n").unwrap_or(&raw[size..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const PAGE: &str = "<!DOCTYPE html><html><head><title>Strike claim denied | The Herald</title>\
        <meta property=\"og:site_name\" content=\"The Herald\"></head><body><article>\
        <h1>Strike claim denied</h1>\
        <p>“Let’s not take that too far,” Sean Spicer said on Monday at the White House briefing.</p>\
        <p>The Pentagon denied that any joint strike had taken place, and its spokesman called the report rubbish.</p>\
        <p>Russia said its aircraft had received coordinates from the American side via a hotline.</p>\
        </article></body></html>";

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2017-01-24T09:30:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{:08}-0000-0000-0000-000000000000>\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn archive() -> Vec<u8> {
        let response =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://herald.example/strike",
            b"GET /strike HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record("response", "https://herald.example/strike", response.as_bytes()));
        warc.extend(record(
            "response",
            "https://herald.example/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        warc
    }

    #[test]
    fn html_responses_become_articles_with_their_url_and_date() {
        let read = read_warc("crawl.warc", &archive());
        assert_eq!(read.sources.len(), 1, "{:?}", read.problems);
        let page = &read.sources[0];
        assert_eq!(page.url.as_deref(), Some("https://herald.example/strike"));
        assert_eq!(page.date, jiff::civil::Date::new(2017, 1, 24).ok());
        assert!(page.text.contains("Sean Spicer said on Monday"));
        assert_eq!(page.kind, crate::corpus::InputKind::Warc);
    }

    #[test]
    fn a_gzipped_archive_cut_short_keeps_what_came_before() {
        let mut gz = Vec::new();
        let mut first_member = 0;
        for part in [archive(), archive()] {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(&part).unwrap();
            gz.extend(enc.finish().unwrap());
            if first_member == 0 {
                first_member = gz.len();
            }
        }
        let whole = read_warc("crawl.warc.gz", &gz);
        assert_eq!(whole.sources.len(), 2, "{:?}", whole.problems);
        // Cut inside the second archive's records.
        let cut = read_warc("crawl.warc.gz", &gz[..first_member + (gz.len() - first_member) / 3]);
        assert_eq!(cut.sources.len(), 1);
        assert!(
            cut.problems.iter().any(|p| p.to_string().contains("the records before it are read")),
            "{:?}",
            cut.problems
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        assert_eq!(dechunk(b"not chunked"), None);
    }
}
