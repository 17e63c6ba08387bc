//! `newsline fetch LINKS.txt -o FOLDER`: downloads each page of a link list, politely, into
//! a folder that `build` and `ingest` then read like any other. It sends a clear user
//! agent, honours robots.txt (and its crawl delay), spaces its requests to each host,
//! retries 429, 5xx and timeouts with backoff, follows redirects itself (so that robots.txt
//! is asked at every host), caps each page's size, and logs every outcome in
//! `newsline-fetch.jsonl`, so that a second run fetches only what is still missing.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The log a fetch keeps in its folder, one JSON line per link and outcome.
pub const LOG_NAME: &str = "newsline-fetch.jsonl";

/// The largest page saved; a bigger (or endless) body is cut off and refused.
const MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;

/// How many redirects are followed.
const MAX_REDIRECTS: usize = 5;

/// The longest `Retry-After` honoured.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Options {
    pub links: PathBuf,
    pub folder: PathBuf,
    /// Seconds between two requests to the same host (robots.txt may ask for more).
    pub delay: f64,
    /// Tries after the first, for 429, 5xx, timeouts and dropped connections.
    pub retries: u32,
    /// Seconds before the first retry; each next one waits twice as long.
    pub backoff: f64,
    /// Seconds a whole request may take.
    pub timeout: f64,
    pub user_agent: String,
}

/// The user agent sent unless `--user-agent` says otherwise.
pub fn default_user_agent() -> String {
    format!(
        "newsline/{} (news research; one page at a time; honours robots.txt)",
        env!("CARGO_PKG_VERSION")
    )
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fetched {
    /// The link list's line.
    pub line: usize,
    pub url: String,
    /// Where the last redirect led.
    pub final_url: String,
    /// The HTTP status, or 0 when no response came.
    pub status: u16,
    /// When the page was fetched, RFC 3339 in UTC.
    pub fetched_at: String,
    /// The saved file, relative to the folder.
    pub file: Option<String>,
    pub content_type: Option<String>,
    /// Why nothing was saved.
    pub error: Option<String>,
}

/// The pages a log records as saved, by file name (what `ingest` needs to give each its
/// address). A line that does not parse is ignored.
pub fn saved_pages(log: &[u8]) -> HashMap<String, Fetched> {
    String::from_utf8_lossy(log)
        .lines()
        .filter_map(|l| serde_json::from_str::<Fetched>(l).ok())
        .filter_map(|f| {
            let name = f.file.as_deref()?.rsplit('/').next()?.to_string();
            Some((name, f))
        })
        .collect()
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub saved: usize,
    pub already: usize,
    pub failed: usize,
    /// One line per problem, naming the link list's line.
    pub problems: Vec<String>,
}

/// robots.txt of one host, as fetched once.
struct Host {
    robot: Option<texting_robots::Robot>,
    /// When the next request to this host may go.
    next: Instant,
    delay: Duration,
}

struct Fetcher {
    agent: ureq::Agent,
    options: Options,
    hosts: HashMap<String, Host>,
}

/// Where a link's host begins and ends, as `scheme://host:port`.
fn origin_of(url: &url::Url) -> String {
    format!("{}://{}", url.scheme(), url.host_str().unwrap_or_default())
        + &url.port().map(|p| format!(":{p}")).unwrap_or_default()
}

/// The extension a page is saved under, from its content type.
fn extension(content_type: Option<&str>) -> &'static str {
    let ct = content_type.unwrap_or_default();
    if ct.contains("html") {
        "html"
    } else if ct.contains("rss") || ct.contains("atom") || ct.contains("xml") {
        "xml"
    } else if ct.contains("json") {
        "json"
    } else if ct.contains("text/plain") {
        "txt"
    } else {
        "bin"
    }
}

enum Outcome {
    Saved { status: u16, final_url: String, content_type: Option<String>, body: Vec<u8> },
    Failed { status: u16, final_url: String, why: String },
}

impl Fetcher {
    /// Waits until `origin` may be asked again, and asks robots.txt whether `url` may be.
    fn polite(&mut self, url: &url::Url) -> Result<(), String> {
        let origin = origin_of(url);
        if !self.hosts.contains_key(&origin) {
            let robots_url = format!("{origin}/robots.txt");
            let robot = match self.agent.get(&robots_url).call() {
                Ok(mut r) if r.status().is_success() => {
                    let body = r
                        .body_mut()
                        .with_config()
                        .limit(512 * 1024)
                        .read_to_vec()
                        .unwrap_or_default();
                    texting_robots::Robot::new(&self.options.user_agent, &body).ok()
                }
                _ => None,
            };
            let asked = robot.as_ref().and_then(|r| r.delay).map_or(0.0, f64::from);
            let delay = Duration::from_secs_f64(self.options.delay.max(asked).max(0.0));
            self.hosts.insert(origin.clone(), Host { robot, next: Instant::now() + delay, delay });
        } else if let Some(host) = self.hosts.get_mut(&origin) {
            let now = Instant::now();
            if host.next > now {
                std::thread::sleep(host.next - now);
            }
            host.next = Instant::now() + host.delay;
        }
        let host = &self.hosts[&origin];
        match &host.robot {
            Some(robot) if !robot.allowed(url.as_str()) => {
                Err(format!("{origin}/robots.txt does not allow it"))
            }
            _ => Ok(()),
        }
    }

    /// One request, retried when the server is busy or failing.
    fn get(&mut self, url: &url::Url) -> Result<ureq::http::Response<ureq::Body>, (u16, String)> {
        let mut wait = Duration::from_secs_f64(self.options.backoff.max(0.0));
        let mut attempt = 0;
        loop {
            let result = self.agent.get(url.as_str()).call();
            let retry_after = match &result {
                Ok(r) if r.status().as_u16() == 429 || r.status().is_server_error() => {
                    let after = r
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok());
                    Some(after.map_or(wait, Duration::from_secs).min(LONGEST_WAIT))
                }
                Ok(_) => None,
                Err(
                    ureq::Error::Timeout(_) | ureq::Error::Io(_) | ureq::Error::ConnectionFailed,
                ) => Some(wait),
                Err(_) => None,
            };
            match (retry_after, attempt < self.options.retries) {
                (Some(pause), true) => {
                    attempt += 1;
                    std::thread::sleep(pause);
                    wait *= 2;
                }
                _ => {
                    return result.map_err(|e| {
                        let why = match e {
                            ureq::Error::Timeout(_) => {
                                format!("no answer within {} s", self.options.timeout)
                            }
                            other => other.to_string(),
                        };
                        (0, why)
                    })
                }
            }
        }
    }

    /// Fetches `url`, following redirects and asking robots.txt at every host.
    fn fetch(&mut self, url: url::Url) -> Outcome {
        let mut current = url;
        for _ in 0..=MAX_REDIRECTS {
            if let Err(why) = self.polite(&current) {
                return Outcome::Failed { status: 0, final_url: current.to_string(), why };
            }
            let mut response = match self.get(&current) {
                Ok(r) => r,
                Err((status, why)) => {
                    return Outcome::Failed { status, final_url: current.to_string(), why }
                }
            };
            let status = response.status().as_u16();
            if response.status().is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                match location.and_then(|l| current.join(&l).ok()) {
                    Some(next) if next.scheme() == "http" || next.scheme() == "https" => {
                        current = next;
                        continue;
                    }
                    _ => {
                        return Outcome::Failed {
                            status,
                            final_url: current.to_string(),
                            why: "a redirect with no usable Location".into(),
                        }
                    }
                }
            }
            if !response.status().is_success() {
                let reason = response.status().canonical_reason().unwrap_or("error");
                return Outcome::Failed {
                    status,
                    final_url: current.to_string(),
                    why: format!("HTTP {status} {reason}"),
                };
            }
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let body = response.body_mut().with_config().limit(MAX_PAGE_BYTES).read_to_vec();
            return match body {
                Ok(body) => {
                    Outcome::Saved { status, final_url: current.to_string(), content_type, body }
                }
                Err(ureq::Error::BodyExceedsLimit(_)) => Outcome::Failed {
                    status,
                    final_url: current.to_string(),
                    why: format!(
                        "the page is over {} MB (or never ends); not saved",
                        MAX_PAGE_BYTES / 1024 / 1024
                    ),
                },
                Err(ureq::Error::Timeout(_)) => Outcome::Failed {
                    status,
                    final_url: current.to_string(),
                    why: format!(
                        "the page did not finish within {} s; not saved",
                        self.options.timeout
                    ),
                },
                Err(e) => Outcome::Failed {
                    status,
                    final_url: current.to_string(),
                    why: format!("the page broke off ({e})"),
                },
            };
        }
        Outcome::Failed {
            status: 0,
            final_url: String::new(),
            why: format!("more than {MAX_REDIRECTS} redirects"),
        }
    }
}

/// Runs a fetch.
///
/// # Errors
/// When the link list cannot be read or the folder or its log cannot be written.
pub fn run(options: Options) -> anyhow::Result<Summary> {
    use anyhow::Context;
    let links =
        fs::read(&options.links).with_context(|| format!("reading {}", options.links.display()))?;
    let links = String::from_utf8_lossy(&links).to_string();
    fs::create_dir_all(options.folder.join("pages"))
        .with_context(|| format!("creating {}", options.folder.display()))?;
    let log_path = options.folder.join(LOG_NAME);
    let done: HashMap<String, Fetched> = fs::read(&log_path)
        .map(|b| saved_pages(&b))
        .unwrap_or_default()
        .into_values()
        .filter(|f| f.file.as_ref().is_some_and(|file| options.folder.join(file).is_file()))
        .map(|f| (f.url.clone(), f))
        .collect();
    let mut log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)
        .with_context(|| format!("opening {}", log_path.display()))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs_f64(options.timeout.max(0.1))))
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .user_agent(options.user_agent.as_str())
        .build()
        .into();
    let shown = options.links.display().to_string();
    let mut fetcher = Fetcher { agent, options: options.clone(), hosts: HashMap::new() };
    let mut summary = Summary::default();
    for (n, line) in links.lines().enumerate() {
        let (line_no, link) = (n + 1, line.trim());
        if link.is_empty() || link.starts_with('#') {
            continue;
        }
        let url = match url::Url::parse(link) {
            Ok(u) if (u.scheme() == "http" || u.scheme() == "https") && u.host_str().is_some() => u,
            _ => {
                summary.failed += 1;
                summary
                    .problems
                    .push(format!("{shown}:{line_no}: {link:?} is not an http(s) link; skipped"));
                continue;
            }
        };
        if done.contains_key(url.as_str()) || done.contains_key(link) {
            summary.already += 1;
            continue;
        }
        let fetched_at = crate::dates::utc_stamp(jiff::Timestamp::now());
        let record = match fetcher.fetch(url.clone()) {
            Outcome::Saved { status, final_url, content_type, body } => {
                let file = format!(
                    "pages/{}.{}",
                    crate::corpus::hashed_id(url.as_str()),
                    extension(content_type.as_deref())
                );
                let path = options.folder.join(&file);
                fs::write(&path, &body).with_context(|| format!("writing {}", path.display()))?;
                summary.saved += 1;
                if origin_of(&url::Url::parse(&final_url).unwrap_or(url.clone())) != origin_of(&url)
                {
                    summary.problems.push(format!("{shown}:{line_no}: {link} led to another host, {final_url}; saved from there"));
                }
                Fetched {
                    line: line_no,
                    url: url.to_string(),
                    final_url,
                    status,
                    fetched_at,
                    file: Some(file),
                    content_type,
                    error: None,
                }
            }
            Outcome::Failed { status, final_url, why } => {
                summary.failed += 1;
                summary.problems.push(format!("{shown}:{line_no}: {link}: {why}"));
                Fetched {
                    line: line_no,
                    url: url.to_string(),
                    final_url,
                    status,
                    fetched_at,
                    file: None,
                    content_type: None,
                    error: Some(why),
                }
            }
        };
        let mut json = serde_json::to_vec(&record).context("writing the log")?;
        json.push(b'\n');
        log.write_all(&json).with_context(|| format!("writing {}", log_path.display()))?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_pages_are_found_by_file_name() {
        let log = b"{\"line\":1,\"url\":\"https://a.example/x\",\"final_url\":\"https://a.example/y\",\"status\":200,\"fetched_at\":\"2017-01-24T00:00:00Z\",\"file\":\"pages/abc.html\",\"content_type\":\"text/html\",\"error\":null}\nnot json\n";
        let saved = saved_pages(log);
        assert_eq!(saved["abc.html"].final_url, "https://a.example/y");
        assert_eq!(saved.len(), 1);
        assert_eq!(extension(Some("text/html; charset=utf-8")), "html");
        assert_eq!(extension(Some("application/rss+xml")), "xml");
        assert_eq!(extension(None), "bin");
    }
}
