//! Walks the paths given on the command line and reads every article in them through the
//! pure readers of [`crate::corpus`]. Nothing is lost silently: every file is either read
//! or named on standard error with the reason it was not, and the rest is read.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::corpus::{self, InputKind, Manifest, ReadOptions, Source};

pub use corpus::MAX_FILE_BYTES;

/// What the paths held.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    /// One line per problem or note, naming the file and the byte, line or record.
    pub errors: Vec<String>,
    /// The first manifest's `title`, which names the site.
    pub title: Option<String>,
    /// The newest modification time among the files read: a reproducible build time.
    pub newest: Option<SystemTime>,
}

impl Corpus {
    /// "3 web pages, 12 feed items": the articles read, by kind of input.
    pub fn kinds(&self) -> String {
        let mut counts: BTreeMap<InputKind, usize> = BTreeMap::new();
        for s in &self.sources {
            *counts.entry(s.kind).or_default() += 1;
        }
        counts.into_iter().map(|(kind, n)| kind.noun(n)).collect::<Vec<_>>().join(", ")
    }
}

/// Reads every article under `paths` (files, folders and their manifests).
pub fn read(paths: &[PathBuf], options: &ReadOptions) -> Corpus {
    let mut reader = Reader {
        options,
        corpus: Corpus::default(),
        visited: HashSet::new(),
        ids: corpus::Ids::default(),
    };
    for path in paths {
        reader.read_path(path, None, true);
    }
    reader.corpus
}

struct Reader<'o> {
    options: &'o ReadOptions,
    corpus: Corpus,
    visited: HashSet<PathBuf>,
    /// Which file each id came from, to name both when two files share an id.
    ids: corpus::Ids,
}

/// What a folder says about its files: the manifest, and the addresses `newsline fetch`
/// saved its pages from.
#[derive(Default)]
struct Folder {
    manifest: Option<Manifest>,
    fetched: HashMap<String, super::fetch::Fetched>,
}

impl Reader<'_> {
    fn error(&mut self, message: String) {
        self.corpus.errors.push(message);
    }

    /// Keeps a source; an id another file already used gets a suffix, so none is lost.
    fn add(&mut self, mut source: Source, origin: &str) {
        if let Some(message) = self.ids.admit(&mut source, origin) {
            self.error(message);
        }
        self.corpus.sources.push(source);
    }

    fn seen(&mut self, modified: Option<SystemTime>) {
        if let Some(m) = modified {
            self.corpus.newest = Some(self.corpus.newest.map_or(m, |n| n.max(m)));
        }
    }

    /// Reads a file or a folder. A file named on the command line is read whatever its
    /// name (its kind from its first bytes, else text); one met in a folder is read only
    /// when its name or first bytes show it is an article file.
    fn read_path(&mut self, path: &Path, folder: Option<&Folder>, named: bool) {
        let shown = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        if meta.is_dir() {
            // A fetch log speaks for the pages in the folders under it too.
            return self.read_dir(path, folder.map(|f| &f.fetched));
        }
        let file_name =
            path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        if meta.len() > MAX_FILE_BYTES {
            return self.error(corpus::too_large(&shown, meta.len()));
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        if !named
            && InputKind::from_name(&file_name).is_none()
            && InputKind::sniff(&bytes).is_none()
        {
            let what = path.extension().map_or_else(
                || "no extension".to_string(),
                |e| format!(".{}", e.to_string_lossy()),
            );
            return self.error(format!("{shown}: not an article file ({what}); skipped"));
        }
        self.seen(meta.modified().ok());
        let read = corpus::read(&shown, &file_name, &bytes, self.options);
        self.corpus.errors.extend(read.problems.iter().map(ToString::to_string));
        for mut source in read.sources {
            if let Some(folder) = folder {
                if let Some(m) = &folder.manifest {
                    m.apply(&file_name, &mut source);
                }
                if let Some(fetched) = folder.fetched.get(&file_name) {
                    source.url = source.url.or_else(|| Some(fetched.final_url.clone()));
                }
            }
            // With no outlet named, the site the article came from stands for it.
            if source.outlet.is_none() {
                source.outlet = source.url.as_deref().and_then(corpus::site_of);
            }
            self.add(source, &shown);
        }
    }

    fn read_dir(&mut self, dir: &Path, fetched: Option<&HashMap<String, super::fetch::Fetched>>) {
        let shown = dir.display().to_string();
        // A folder reached twice (a symlink loop) is read once.
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited.insert(canonical) {
            return self.error(format!("{shown}: folder already read (a link loop?); skipped"));
        }
        let mut folder = Folder::default();
        let manifest_path = dir.join(corpus::MANIFEST_NAME);
        if let Ok(bytes) = fs::read(&manifest_path) {
            self.seen(fs::metadata(&manifest_path).and_then(|m| m.modified()).ok());
            match corpus::read_manifest(&manifest_path.display().to_string(), &bytes) {
                Ok(m) => folder.manifest = Some(m),
                Err(e) => self.error(e.to_string()),
            }
        }
        let fetch_log = dir.join(super::fetch::LOG_NAME);
        match fs::read(&fetch_log) {
            Ok(bytes) => folder.fetched = super::fetch::saved_pages(&bytes),
            Err(_) => folder.fetched = fetched.cloned().unwrap_or_default(),
        }
        if let Some(title) = folder.manifest.as_ref().and_then(|m| m.title.clone()) {
            self.corpus.title.get_or_insert(title);
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        entries.sort();
        if let Some(m) = &folder.manifest {
            for entry in &m.articles {
                if !dir.join(&entry.file).exists() {
                    let message = format!(
                        "{}: names {:?}, which is not in the folder",
                        manifest_path.display(),
                        entry.file
                    );
                    self.error(message);
                }
            }
        }
        // A saved page's `NAME_files` folder holds its images and scripts, not articles.
        let pages: HashSet<String> = entries
            .iter()
            .filter(|p| {
                p.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
                })
            })
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().to_string()))
            .collect();
        for path in entries {
            let name =
                path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            if name == corpus::MANIFEST_NAME
                || name == super::fetch::LOG_NAME
                || name == super::site::MARKER
            {
                continue;
            }
            if path.is_dir() {
                if let Some(page) = name.strip_suffix("_files").filter(|p| pages.contains(*p)) {
                    self.error(format!(
                        "{}: the files of the saved page {page}.html (images, scripts); skipped",
                        path.display()
                    ));
                    continue;
                }
            }
            self.read_path(&path, Some(&folder), false);
        }
    }
}
