//! `newsline build` and `newsline serve`, run as a user runs them: one page for every
//! corpus, reproducible sites, refusals that say why, and a server that stays inside its
//! folder and keeps serving whatever it is sent.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

fn newsline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsline"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seeds")
}

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// A fresh folder under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("newsline-site-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn build(corpus: &[&Path], out: &Path, extra: &[&str]) -> Output {
    newsline().arg("build").args(corpus).arg("-o").arg(out).args(extra).output().unwrap()
}

fn built(corpus: &[&Path], out: &Path, extra: &[&str]) {
    let output = build(corpus, out, extra);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Every file under `dir`, relative, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().to_string();
                out.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A site's gzipped file, inflated.
fn inflated(path: &Path) -> Vec<u8> {
    let gz = fs::read(path).unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut bytes).unwrap();
    bytes
}

/// The manifest a site carries, decoded as the page decodes it, and the parts in it.
fn story(site: &Path) -> (newsline::store::Manifest, newsline::store::NamedParts) {
    newsline::store::decode(&inflated(&site.join("data/story.bin"))).unwrap()
}

#[test]
fn a_sharded_site_holds_the_same_story_in_parts_named_by_their_hashes() {
    let (embedded, sharded) = (Scratch::new("embedded"), Scratch::new("sharded"));
    built(&[&seeds()], &embedded.0, &["--embed"]);
    built(&[&seeds()], &sharded.0, &["--shards"]);
    let (manifest, parts) = story(&embedded.0);
    let (sharded_manifest, none) = story(&sharded.0);
    assert_eq!(manifest, sharded_manifest, "one format, two packings");
    assert!(none.is_empty(), "a sharded story file is the manifest alone");
    assert!(!parts.is_empty());
    // Every part is a file of its own, named by the hash of its inflated bytes, and the
    // files are the parts: nothing more, nothing less.
    let dir = sharded.0.join("data/parts");
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut names: Vec<String> = parts.iter().map(|(n, _)| format!("{}.bin", n.0)).collect();
    names.sort();
    assert_eq!(on_disk, names);
    for (name, bytes) in &parts {
        let file = inflated(&sharded.0.join(name.path()));
        assert_eq!(&file, bytes, "{}", name.0);
        assert_eq!(newsline::store::build::hex16(&file), name.0, "named by its hash");
    }
    // The page's own files are the same for both.
    let page = |site: &Path| {
        files(site)
            .into_iter()
            .filter(|(n, _)| !n.starts_with("data/") && !n.ends_with(".json"))
            .collect::<Vec<_>>()
    };
    assert_eq!(page(&embedded.0), page(&sharded.0));
}

#[test]
fn shards_and_embed_cannot_both_be_asked_for() {
    let site = Scratch::new("both");
    let out = build(&[&seeds()], &site.0, &["--shards", "--embed"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"));
}

#[test]
fn every_corpus_gets_the_same_page_files() {
    let (a, b) = (Scratch::new("same-a"), Scratch::new("same-b"));
    built(&[&seeds()], &a.0, &[]);
    built(&[&hostile()], &b.0, &["--base", "/elsewhere/"]);
    let (a, b) = (files(&a.0), files(&b.0));
    let page = |files: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        files
            .iter()
            .filter(|(name, _)| name != "data/story.bin" && name != "newsline-site.json")
            .cloned()
            .collect()
    };
    assert!(page(&a).iter().any(|(n, _)| n == "index.html"));
    assert!(page(&a).iter().any(|(n, _)| n.ends_with(".wasm")));
    assert_eq!(
        page(&a),
        page(&b),
        "the page's files are byte-identical whatever the corpus and base"
    );
    let story_of = |files: &[(String, Vec<u8>)]| {
        files.iter().find(|(n, _)| n == "data/story.bin").unwrap().1.clone()
    };
    assert_ne!(story_of(&a), story_of(&b));
    let html = String::from_utf8(page(&a).into_iter().find(|(n, _)| n == "index.html").unwrap().1)
        .unwrap();
    assert!(
        html.contains("Content-Security-Policy") && html.contains("default-src 'none'"),
        "{html}"
    );
    assert!(html.contains(r#"<link rel="preload" href="data/story.bin" as="fetch""#), "{html}");
    assert!(!html.contains(r#"="/"#), "every address is relative: {html}");
}

#[test]
fn the_same_inputs_give_a_byte_identical_site() {
    let (a, b) = (Scratch::new("repro-a"), Scratch::new("repro-b"));
    built(&[&seeds()], &a.0, &["--base", "/newsline/"]);
    built(&[&seeds()], &b.0, &["--base", "/newsline/"]);
    assert_eq!(files(&a.0), files(&b.0));
    // Without SOURCE_DATE_EPOCH the build time is the newest input's modification time.
    let newest = fs::read_dir(seeds())
        .unwrap()
        .flatten()
        .map(|e| e.metadata().unwrap().modified().unwrap())
        .max()
        .unwrap();
    let seconds = newest.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let stamp = jiff::Timestamp::from_second(seconds as i64)
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    assert_eq!(story(&a.0).0.about.built, stamp);
}

#[test]
fn source_date_epoch_sets_the_build_time_and_titles_name_the_site() {
    let site = Scratch::new("epoch");
    let output = newsline()
        .env("SOURCE_DATE_EPOCH", "1485216000")
        .args([
            "build",
            seeds().to_str().unwrap(),
            "-o",
            site.0.to_str().unwrap(),
            "--base",
            "sub/path",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let about = story(&site.0).0.about;
    assert_eq!(about.built, "2017-01-24T00:00:00Z");
    assert_eq!(about.base, "/sub/path/", "the base is normalised");
    assert_eq!(
        about.title, "Russia, the US and the al-Bab strike claim (January 2017)",
        "the manifest's title"
    );
    assert!(about.generator.starts_with("newsline "));
    assert!(!about.accuracy.is_empty(), "the measured accuracy rides along");
    let marker: serde_json::Value =
        serde_json::from_slice(&fs::read(site.0.join("newsline-site.json")).unwrap()).unwrap();
    assert_eq!(marker["base"], "/sub/path/");

    let titled = Scratch::new("titled");
    built(&[&seeds()], &titled.0, &["--title", "My story"]);
    assert_eq!(story(&titled.0).0.about.title, "My story");
}

#[test]
fn a_folder_with_other_files_is_refused_unless_forced() {
    let site = Scratch::new("occupied");
    fs::write(site.0.join("notes.txt"), "mine").unwrap();
    let refused = build(&[&seeds()], &site.0, &[]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("holds files that are not a Newsline site (notes.txt)"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(!site.0.join("index.html").exists(), "nothing written");
    built(&[&seeds()], &site.0, &["--force"]);
    assert_eq!(
        fs::read_to_string(site.0.join("notes.txt")).unwrap(),
        "mine",
        "nothing of the user's lost"
    );
    assert!(site.0.join("index.html").exists());
}

#[test]
fn a_previous_site_is_replaced_and_its_stale_files_removed() {
    let site = Scratch::new("rebuilt");
    built(&[&seeds()], &site.0, &[]);
    // A file the previous version of the site had, listed in its marker.
    let marker_path = site.0.join("newsline-site.json");
    let mut marker: serde_json::Value =
        serde_json::from_slice(&fs::read(&marker_path).unwrap()).unwrap();
    marker["files"].as_array_mut().unwrap().push("newsline-web-0000000000000000_bg.wasm".into());
    fs::write(&marker_path, serde_json::to_vec(&marker).unwrap()).unwrap();
    fs::write(site.0.join("newsline-web-0000000000000000_bg.wasm"), "old").unwrap();
    fs::write(site.0.join("CNAME"), "news.example.org").unwrap();
    built(&[&hostile()], &site.0, &[]);
    assert!(
        !site.0.join("newsline-web-0000000000000000_bg.wasm").exists(),
        "the stale file is gone"
    );
    assert_eq!(
        fs::read_to_string(site.0.join("CNAME")).unwrap(),
        "news.example.org",
        "files it never wrote stay"
    );
}

#[test]
fn a_corpus_with_no_readable_article_stops_with_one_clear_line() {
    let (corpus, site) = (Scratch::new("nothing"), Scratch::new("nothing-site"));
    fs::write(corpus.0.join("empty.txt"), "").unwrap();
    let output = build(&[&corpus.0], &site.0, &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.lines().last().unwrap().contains("no article could be read from"), "{stderr}");
    assert!(!site.0.join("index.html").exists());
}

/// A running `newsline serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Server {
    let mut child = newsline()
        .arg("serve")
        .args(args)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok());
    Server { child, port: port.unwrap_or_else(|| panic!("no address in {line:?}")) }
}

/// The status line and body of a GET with `path` sent exactly as written.
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).to_string();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (status, head.to_string(), body.to_string())
}

#[test]
fn the_server_stays_inside_its_folder_and_survives_bad_requests() {
    let root = Scratch::new("serve-root");
    let site = root.0.join("site");
    built(&[&seeds()], &site, &["--base", "/newsline/"]);
    fs::create_dir_all(root.0.join("dist-secret")).unwrap();
    fs::write(root.0.join("dist-secret/key.txt"), "secret").unwrap();
    let server = serve(&[site.to_str().unwrap()]);
    let port = server.port;

    let (status, head, body) = get(port, "/newsline/");
    assert_eq!(status, 200, "{head}");
    assert!(body.contains("data/story.bin"));
    for attack in [
        "/newsline/..%2Fdist-secret%2Fkey.txt",
        "/newsline/../dist-secret/key.txt",
        "/newsline/%2e%2e/dist-secret/key.txt",
        "/newsline/..%5Cdist-secret%5Ckey.txt",
        "/dist-secret/key.txt",
    ] {
        let (status, _, body) = get(port, attack);
        assert!(status == 404 || status == 400, "{attack}: {status}");
        assert!(!body.contains("secret"), "{attack}");
    }
    let (status, _, _) = get(port, "/newsline/%E0");
    assert!(status == 404 || status == 400, "%E0: {status}");
    let (status, _, _) = get(port, "/newsline/%");
    assert!(status == 404 || status == 400, "%: {status}");
    // Still serving.
    let (status, head, _) = get(port, "/newsline/data/story.bin");
    assert_eq!(status, 200);
    assert!(head.to_lowercase().contains("cache-control: no-cache"), "{head}");
    let wasm = fs::read_dir(&site)
        .unwrap()
        .flatten()
        .find(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.starts_with("newsline-web-") && name.ends_with(".wasm")
        })
        .unwrap();
    let (status, head, _) = get(port, &format!("/newsline/{}", wasm.file_name().to_string_lossy()));
    assert_eq!(status, 200);
    assert!(head.contains("application/wasm") && head.contains("immutable"), "{head}");
    // The worker's files keep one name across versions, so they are checked each time.
    let (status, head, _) = get(port, "/newsline/newsline-worker_bg.wasm");
    assert_eq!(status, 200);
    assert!(head.contains("no-cache") && !head.contains("immutable"), "{head}");
    // The sub-path without its slash, and the root, lead to the page.
    let (status, head, _) = get(port, "/newsline?view=quotes");
    assert_eq!(status, 308);
    assert!(head.to_lowercase().contains("location: /newsline/?view=quotes"), "{head}");
    let (status, _, _) = get(port, "/");
    assert_eq!(status, 308);
}

#[test]
fn serving_a_corpus_builds_it_first() {
    let server = serve(&[seeds().to_str().unwrap(), "--base", "/story/"]);
    let (status, _, body) = get(server.port, "/story/");
    assert_eq!(status, 200);
    assert!(body.contains("Content-Security-Policy"));
    let (status, _, _) = get(server.port, "/story/data/story.bin");
    assert_eq!(status, 200);
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = Scratch::new("port");
    built(&[&seeds()], &site.0, &[]);
    let output =
        newsline().args(["serve", site.0.to_str().unwrap(), "--port", &port]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("port {port} on 127.0.0.1 is in use")), "{stderr}");
}
