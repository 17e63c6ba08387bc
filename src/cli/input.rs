//! Walks the paths given on the command line and reads every article in them through
//! the pure readers of [`crate::corpus`]. Nothing is lost silently: every file that
//! cannot be read becomes one line naming it, and the rest is read.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::corpus::{self, Manifest, ReadError, Source};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// What the paths held.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    /// One line per problem, naming the file and the byte, line or record.
    pub errors: Vec<String>,
    /// The first manifest's `title`, which names the site.
    pub title: Option<String>,
    /// The newest modification time among the files read: a reproducible build time.
    pub newest: Option<SystemTime>,
}

/// Reads every article under `paths` (files, folders and their manifests).
pub fn read(paths: &[PathBuf]) -> Corpus {
    let mut reader = Reader::default();
    for path in paths {
        reader.read_path(path, None);
    }
    reader.corpus
}

#[derive(Default)]
struct Reader {
    corpus: Corpus,
    visited: HashSet<PathBuf>,
    /// Which file each id came from, to name both when two files share an id.
    ids: HashMap<String, String>,
}

impl Reader {
    fn error(&mut self, message: String) {
        self.corpus.errors.push(message);
    }

    /// Keeps a source; an id another file already used gets a suffix, so none is lost.
    fn add(&mut self, mut source: Source, origin: &str) {
        if let Some(first) = self.ids.get(&source.id) {
            let renamed = corpus::unique_id(&source.id, |c| self.ids.contains_key(c));
            let message = format!(
                "{origin}: id {:?} is already used by {first}; kept as {renamed:?}",
                source.id
            );
            self.error(message);
            source.id = renamed;
        }
        self.ids.insert(source.id.clone(), origin.to_string());
        self.corpus.sources.push(source);
    }

    fn seen(&mut self, modified: Option<SystemTime>) {
        if let Some(m) = modified {
            self.corpus.newest = Some(self.corpus.newest.map_or(m, |n| n.max(m)));
        }
    }

    fn read_path(&mut self, path: &Path, manifest: Option<&Manifest>) {
        let shown = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        if meta.is_dir() {
            return self.read_dir(path);
        }
        if meta.len() > MAX_FILE_BYTES {
            let limit = MAX_FILE_BYTES / 1024 / 1024;
            return self
                .error(format!("{shown}: {} bytes is over the {limit} MB limit", meta.len()));
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        self.seen(meta.modified().ok());
        let file_name =
            path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let (sources, errors) = corpus::read_jsonl(&shown, &bytes);
            for source in sources {
                self.add(source, &shown);
            }
            self.corpus.errors.extend(errors.iter().map(ReadError::to_string));
            return;
        }
        let stem = path.file_stem().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        match corpus::read_txt(&shown, &stem, &bytes) {
            Ok(mut source) => {
                if let Some(m) = manifest {
                    m.apply(&file_name, &mut source);
                }
                self.add(source, &shown);
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn read_dir(&mut self, dir: &Path) {
        let shown = dir.display().to_string();
        // A folder reached twice (a symlink loop) is read once.
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited.insert(canonical) {
            return self.error(format!("{shown}: folder already read (a link loop?); skipped"));
        }
        let manifest_path = dir.join(corpus::MANIFEST_NAME);
        let manifest = match fs::read(&manifest_path) {
            Ok(bytes) => {
                self.seen(fs::metadata(&manifest_path).and_then(|m| m.modified()).ok());
                match corpus::read_manifest(&manifest_path.display().to_string(), &bytes) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        self.error(e.to_string());
                        None
                    }
                }
            }
            Err(_) => None,
        };
        if let Some(title) = manifest.as_ref().and_then(|m| m.title.clone()) {
            self.corpus.title.get_or_insert(title);
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => return self.error(format!("{shown}: {e}")),
        };
        entries.sort();
        if let Some(m) = &manifest {
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
        for path in entries {
            let wanted =
                path.is_dir() || path.extension().is_some_and(|e| e == "txt" || e == "jsonl");
            if wanted {
                self.read_path(&path, manifest.as_ref());
            }
        }
    }
}
