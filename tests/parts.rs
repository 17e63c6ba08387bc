//! The two-step ingest: `newsline extract` on partitions of a JSONL corpus, then `newsline
//! build --from-analyses` on the parts, gives a site byte-identical to a one-machine build
//! of the same records; a part from another version is refused by name.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn newsline() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsline"));
    command.env("SOURCE_DATE_EPOCH", "1485216000");
    command
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsline-parts-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A JSONL corpus made of the repository's own articles: the seeds and the rows of the
/// CSV fixture, with one id repeated, as real exports have.
fn corpus(dir: &Path) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = newsline()
        .arg("ingest")
        .arg(root.join("data/seeds"))
        .arg(root.join("tests/fixtures/inputs/stories-newsarticles.csv"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ds: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut lines: Vec<String> = ds["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            serde_json::json!({"id": a["id"], "text": a["text"], "date": a["date"], "title": a["title"],
                "outlet": a["outlet"], "url": a["url"]})
            .to_string()
        })
        .collect();
    let repeated = lines[0].clone();
    lines.push(repeated);
    fs::write(dir.join("all.jsonl"), lines.join("\n") + "\n").unwrap();
    lines
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((
                    path.strip_prefix(dir).unwrap().display().to_string(),
                    fs::read(&path).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

fn extract(lines: &[String], part: &Path) {
    let mut child = newsline()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all((lines.join("\n") + "\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    fs::write(part, out.stdout).unwrap();
}

#[test]
fn a_partitioned_build_gives_the_same_site_as_one_machine() {
    let dir = scratch("same");
    let lines = corpus(&dir);
    let one = newsline()
        .arg("build")
        .arg(dir.join("all.jsonl"))
        .arg("-o")
        .arg(dir.join("one"))
        .output()
        .unwrap();
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));

    // Three partitions, extracted separately, as a cluster would.
    fs::create_dir_all(dir.join("parts")).unwrap();
    let third = lines.len().div_ceil(3);
    let mut parts = Vec::new();
    for (k, chunk) in lines.chunks(third).enumerate() {
        let part = dir.join(format!("parts/part-{k:05}"));
        extract(chunk, &part);
        parts.push(part);
    }
    let two = newsline()
        .args(["build", "--from-analyses"])
        .args(&parts)
        .arg("-o")
        .arg(dir.join("two"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&two.stderr);
    assert!(two.status.success(), "{stderr}");
    assert!(
        stderr.contains("duplicate id"),
        "the repeated id is renamed as one machine renames it: {stderr}"
    );
    let (one, two) = (files(&dir.join("one")), files(&dir.join("two")));
    assert_eq!(one.len(), two.len());
    for ((name, a), (other, b)) in one.iter().zip(&two) {
        assert_eq!(name, other);
        assert!(a == b, "{name} differs between the one-machine and the partitioned build");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_part_from_another_version_is_refused_by_name() {
    let dir = scratch("version");
    let lines = corpus(&dir);
    let part = dir.join("part-00000");
    extract(&lines[..2], &part);
    let text = fs::read_to_string(&part).unwrap();
    let old = text.replacen(
        &format!("\"newsline\":\"newsline {}\"", env!("CARGO_PKG_VERSION")),
        "\"newsline\":\"newsline 0.0.1\"",
        1,
    );
    assert_ne!(old, text);
    fs::write(&part, old).unwrap();
    let out = newsline()
        .args(["build", "--from-analyses"])
        .arg(&part)
        .arg("-o")
        .arg(dir.join("site"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:1: written by newsline 0.0.1", part.display())),
        "{stderr}"
    );
    assert!(!dir.join("site/index.html").exists());
    let garbage = dir.join("garbage");
    fs::write(&garbage, "{\"not\": \"a part\"}\n").unwrap();
    let out = newsline()
        .args(["build", "--from-analyses"])
        .arg(&garbage)
        .arg("-o")
        .arg(dir.join("site"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("garbage:1: not an analysis written by `newsline extract`"));
    let _ = fs::remove_dir_all(&dir);
}
