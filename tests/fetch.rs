//! `newsline fetch` against servers on the loopback address only: robots.txt, redirects
//! (to this host and to another), 404, 429, 500, a page that never ends, a link that is
//! no link, and a second run that fetches only what is missing.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const ARTICLE: &str = "<!DOCTYPE html><html><head><title>Strike denied | The Herald</title>\
    <meta property=\"og:site_name\" content=\"The Herald\">\
    <meta property=\"article:published_time\" content=\"2017-01-24T09:30:00Z\"></head><body><article>\
    <p>“Let’s not take that too far,” Sean Spicer said on Monday at the White House briefing.</p>\
    <p>The Pentagon denied that any joint strike had taken place, and its spokesman called the report rubbish.</p>\
    <p>Russia said its aircraft had received coordinates from the American side via a hotline.</p>\
    </article></body></html>";

/// A tiny HTTP server on 127.0.0.1 that answers by path and counts requests.
struct Server {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

fn respond(mut stream: TcpStream, path: &str, other_port: u16, hits: usize) {
    let ok = |body: &str, kind: &str| {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
    };
    let status =
        |code: &str| format!("HTTP/1.1 {code}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let response = match path {
        "/robots.txt" => ok("User-agent: *\nDisallow: /private\n", "text/plain"),
        "/a" | "/b" => ok(ARTICLE, "text/html; charset=utf-8"),
        "/moved" => "HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
        "/away" => format!("HTTP/1.1 301 Moved\r\nLocation: http://localhost:{other_port}/a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        "/busy" if hits == 1 => "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
        "/busy" => ok(ARTICLE, "text/html"),
        "/broken" => status("500 Internal Server Error"),
        "/endless" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'x'; 64 * 1024];
            while stream.write_all(&chunk).is_ok() {}
            return;
        }
        _ => status("404 Not Found"),
    };
    let _ = stream.write_all(response.as_bytes());
}

fn serve(other_port: u16) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let counted = hits.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counted = counted.clone();
            thread::spawn(move || {
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                // Read the rest of the request head.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let n = {
                    let mut hits = counted.lock().unwrap();
                    let n = hits.entry(path.clone()).or_insert(0);
                    *n += 1;
                    *n
                };
                respond(stream, &path, other_port, n);
            });
        }
    });
    Server { port, hits }
}

fn fetch(links: &PathBuf, out: &PathBuf) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .arg("fetch")
        .arg(links)
        .arg("-o")
        .arg(out)
        .args(["--delay", "0", "--backoff", "0.01", "--timeout", "3", "--retries", "2"])
        .output()
        .unwrap();
    (output.status.success(), String::from_utf8_lossy(&output.stderr).to_string())
}

#[test]
fn fetch_is_polite_reports_every_failure_and_resumes() {
    let dir = std::env::temp_dir().join(format!("newsline-fetch-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    // "localhost" is another host than "127.0.0.1" to the fetcher, with a server of its own.
    let other = serve(0);
    let server = serve(other.port);
    let base = format!("http://127.0.0.1:{}", server.port);
    let links = dir.join("links.txt");
    let list = [
        format!("{base}/a"),
        format!("{base}/moved"),
        format!("{base}/away"),
        format!("{base}/busy"),
        format!("{base}/missing"),
        format!("{base}/broken"),
        format!("{base}/private/page"),
        format!("{base}/endless"),
        "# a comment".to_string(),
        "ftp://example.org/file".to_string(),
        "not a link".to_string(),
    ];
    fs::write(&links, list.join("\n")).unwrap();
    let out = dir.join("pages");
    let (ok, stderr) = fetch(&links, &out);
    assert!(ok, "{stderr}");
    let shown = links.display().to_string();
    for (line, expected) in [
        (3, "led to another host"),
        (5, "HTTP 404 Not Found"),
        (6, "HTTP 500 Internal Server Error"),
        (7, "robots.txt does not allow it"),
        (8, "not saved"),
        (10, "is not an http(s) link"),
        (11, "is not an http(s) link"),
    ] {
        let prefix = format!("{shown}:{line}: ");
        assert!(
            stderr.lines().any(|l| l.contains(&prefix) && l.contains(expected)),
            "line {line}, {expected:?}:\n{stderr}"
        );
    }
    assert!(stderr.contains("saved 4 pages"), "{stderr}");
    let hits = server.hits.lock().unwrap().clone();
    assert_eq!(hits.get("/busy"), Some(&2), "429 is retried once, then saved");
    assert_eq!(hits.get("/broken"), Some(&3), "500 is tried three times in all");
    assert_eq!(hits.get("/robots.txt"), Some(&1), "robots.txt is asked once per host");
    assert!(!hits.contains_key("/private/page"), "a disallowed page is never requested");
    let log = fs::read_to_string(out.join("newsline-fetch.jsonl")).unwrap();
    let records: Vec<serde_json::Value> =
        log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let moved = records.iter().find(|r| r["line"] == 2).unwrap();
    assert_eq!(moved["final_url"], format!("{base}/b"));
    assert_eq!(moved["status"], 200);
    assert!(moved["fetched_at"].as_str().unwrap().ends_with('Z'));
    let saved = records.iter().filter(|r| r["file"].is_string()).count();
    assert_eq!(saved, 4);

    // A second run fetches only what is still missing.
    let before: usize = server.hits.lock().unwrap().values().sum();
    let (ok, stderr) = fetch(&links, &out);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("saved 0 pages") && stderr.contains("4 fetched before"), "{stderr}");
    let again = server.hits.lock().unwrap().clone();
    for page in ["/a", "/moved", "/busy"] {
        assert_eq!(again.get(page), hits.get(page), "{page} was not fetched again");
    }
    assert!(again.values().sum::<usize>() > before, "the failures are tried again");

    // The folder builds like any other, each page with the address it came from.
    let ingest =
        Command::new(env!("CARGO_BIN_EXE_newsline")).arg("ingest").arg(&out).output().unwrap();
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));
    let ds: serde_json::Value = serde_json::from_slice(&ingest.stdout).unwrap();
    let articles = ds["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 4);
    assert!(articles.iter().all(|a| a["outlet"] == "The Herald" && a["date"] == "2017-01-24"));
    assert!(articles.iter().any(|a| a["url"] == format!("{base}/b")), "{articles:?}");
    let _ = fs::remove_dir_all(&dir);
    drop(other);
    thread::sleep(Duration::from_millis(10));
}
