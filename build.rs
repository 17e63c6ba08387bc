//! Compiles the explorer page into the `newsline` binary, the way mdBook carries its
//! theme. `bash .ci/page` builds the page with Trunk into `target/page/dist` (or
//! `NEWSLINE_PAGE_DIR`); this script lists that folder's files and writes
//! `$OUT_DIR/page_files.rs`, a table of `include_bytes!` that `src/cli/site.rs` includes.
//! With no page built, the table is empty and `newsline build` says how to build it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=NEWSLINE_PAGE_DIR");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = env::var_os("NEWSLINE_PAGE_DIR")
        .map_or_else(|| root.join("target/page/dist"), PathBuf::from);
    // Watching a folder that exists keeps Cargo from re-running this script on every
    // build, which it does for a missing path.
    let _ = fs::create_dir_all(&dir);
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut files = Vec::new();
    collect(&dir, &dir, &mut files);
    files.sort();
    let built = files.iter().any(|(name, _)| name == "index.html");
    let mut out =
        String::from("/// The page's files, by path within the site, from `bash .ci/page`.\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    if built {
        for (name, path) in &files {
            writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display().to_string())
                .expect("writing to a String");
        }
    }
    out.push_str("];\n");
    let target =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets it")).join("page_files.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}

/// Every file under `dir`, as (path relative to `root` with `/` separators, absolute path);
/// dot-files and Trunk's staging folder are left out.
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name =
                relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>();
            out.push((name.join("/"), path.clone()));
        }
    }
}
