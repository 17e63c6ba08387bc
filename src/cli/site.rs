//! The static site `newsline build` writes: the explorer's page files, compiled into
//! this binary (see `build.rs`), its story (`data/story.bin`, gzipped) and a marker
//! (`newsline-site.json`) that names what was written, so that a rebuild can replace a
//! previous site without touching anything else.
//!
//! Every byte is a function of the inputs: the page files are the same for every
//! corpus, gzip writes no time stamp, and the build time comes from `SOURCE_DATE_EPOCH`
//! or the inputs' modification times, never from the clock.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::csp;
pub use crate::store::site::{gzip, story_files, Files, Marker, Packing, EMBED_LIMIT, MARKER};
use crate::store::About;

mod files {
    include!(concat!(env!("OUT_DIR"), "/page_files.rs"));
}

/// The page's files, by path within the site, exactly as `bash .ci/page` built them.
pub fn page_files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// Why a site could not be written.
#[derive(Debug)]
pub enum SiteError {
    /// This binary was compiled before the page was built.
    NoPage,
    /// The folder holds files of its own; these are some of them.
    NotEmpty {
        dir: PathBuf,
        examples: Vec<String>,
        more: usize,
    },
    /// The page's `index.html` could not be given its policy.
    Csp(csp::CspError),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::NoPage => f.write_str(
                "this newsline binary was compiled without the explorer page: run `bash .ci/page`, then build newsline again",
            ),
            SiteError::NotEmpty { dir, examples, more } => {
                write!(f, "{} holds files that are not a Newsline site ({}", dir.display(), examples.join(", "))?;
                if *more > 0 {
                    write!(f, " and {more} more")?;
                }
                f.write_str("); choose an empty folder, or pass --force to write over them")
            }
            SiteError::Csp(e) => write!(f, "the page's index.html: {e}"),
            SiteError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for SiteError {}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |error| SiteError::Io { path: path.to_path_buf(), error }
}

/// `base` as a path with one leading and one trailing slash: `newsline` → `/newsline/`,
/// `` → `/`, `//a//b` → `/a/b/`.
pub fn normalise_base(base: &str) -> String {
    let parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", parts.join("/"))
    }
}

/// The build time a site shows, as `YYYY-MM-DDTHH:MM:SSZ`: `source_date_epoch` (the
/// reproducible-builds convention's seconds since 1970) when given and valid, else the
/// newest input file's modification time, else the epoch.
pub fn build_time(source_date_epoch: Option<&str>, newest_input: Option<SystemTime>) -> String {
    let from_env = source_date_epoch.and_then(|s| s.trim().parse::<i64>().ok());
    let seconds = from_env.or_else(|| {
        let since = newest_input?.duration_since(SystemTime::UNIX_EPOCH).ok()?;
        i64::try_from(since.as_secs()).ok()
    });
    let stamp = seconds
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    crate::dates::utc_stamp(stamp)
}

/// The marker of the site in `dir`, when `dir` holds one.
pub fn read_marker(dir: &Path) -> Option<Marker> {
    serde_json::from_slice(&fs::read(dir.join(MARKER)).ok()?).ok()
}

/// What [`write()`] wrote.
#[derive(Debug)]
pub struct Written {
    pub files: Vec<String>,
    /// Bytes written, and gzip's bytes for the same files (what a host that compresses sends).
    pub bytes: u64,
}

/// Writes the site for `about` and its data files (from [`story_files`]) into `dir`. A folder that holds anything but a previous site is refused unless `force`;
/// a previous site's files are replaced, and files of its that this site no longer has
/// are removed.
///
/// # Errors
/// [`SiteError::NoPage`] when this binary carries no page; [`SiteError::NotEmpty`];
/// and any file that cannot be written, by its path.
pub fn write(dir: &Path, about: &About, data: Files, force: bool) -> Result<Written, SiteError> {
    if page_files().is_empty() {
        return Err(SiteError::NoPage);
    }
    let previous = read_marker(dir);
    if previous.is_none() && !force {
        refuse_if_occupied(dir)?;
    }
    let mut page: Files = Vec::with_capacity(page_files().len());
    for &(name, bytes) in page_files() {
        let bytes = if name == "index.html" {
            let html = String::from_utf8_lossy(bytes);
            csp::secure(&html).map_err(SiteError::Csp)?.into_bytes()
        } else {
            bytes.to_vec()
        };
        page.push((name.to_string(), bytes));
    }
    let outputs = crate::store::site::assemble(page, about, data);
    let mut files: Vec<String> = outputs.iter().map(|(name, _)| name.clone()).collect();
    files.sort();

    // Files of the previous site that this one does not write again.
    if let Some(previous) = previous {
        for old in previous.files.iter().filter(|f| !files.contains(f)) {
            let path = dir.join(old);
            // Only plain relative paths that stay inside the site.
            let inside =
                Path::new(old).components().all(|c| matches!(c, std::path::Component::Normal(_)));
            if inside && path.is_file() {
                fs::remove_file(&path).map_err(io(&path))?;
            }
        }
    }
    let mut bytes = 0u64;
    for (name, content) in &outputs {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, content).map_err(io(&path))?;
        bytes += content.len() as u64;
    }
    Ok(Written { files, bytes })
}

/// Refuses a folder that exists and holds anything.
fn refuse_if_occupied(dir: &Path) -> Result<(), SiteError> {
    let Ok(entries) = fs::read_dir(dir) else { return Ok(()) };
    let mut names: Vec<String> =
        entries.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let more = names.len().saturating_sub(3);
    names.truncate(3);
    Err(SiteError::NotEmpty { dir: dir.to_path_buf(), examples: names, more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_get_one_slash_at_each_end() {
        for (given, want) in [
            ("", "/"),
            ("/", "/"),
            ("newsline", "/newsline/"),
            ("/newsline", "/newsline/"),
            ("newsline/", "/newsline/"),
            ("//a//b//", "/a/b/"),
        ] {
            assert_eq!(normalise_base(given), want, "{given:?}");
        }
    }

    #[test]
    fn the_build_time_never_comes_from_the_clock() {
        let newest = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_485_216_000);
        assert_eq!(build_time(Some("1700000000"), Some(newest)), "2023-11-14T22:13:20Z");
        assert_eq!(build_time(None, Some(newest)), "2017-01-24T00:00:00Z");
        assert_eq!(
            build_time(Some("soon"), Some(newest)),
            "2017-01-24T00:00:00Z",
            "a bad value is ignored"
        );
        assert_eq!(build_time(None, None), "1970-01-01T00:00:00Z");
    }
}
