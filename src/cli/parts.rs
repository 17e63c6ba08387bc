//! Ingest in two steps, so that any cluster engine can run the first: `newsline extract`
//! reads JSONL records on standard input and writes one analysis per record on standard
//! output (a plain filter, for Spark's `RDD.pipe`, Hadoop streaming, Ray or GNU parallel);
//! `newsline build --from-analyses PARTS...` merges the parts into one dataset. For the
//! same records, in the same order, the site is byte-identical to a one-machine build.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{read_record, Source, UniqueIds};
use crate::extract::Analysis;

/// The analysis format this version writes and reads. A part from another version is
/// refused, since its findings may not mean what this version's do.
pub const FORMAT: u32 = 1;

/// One line of a part: an article and what the extractor found in it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Part {
    /// The version that wrote it: `newsline 0.1.0`.
    pub newsline: String,
    pub format: u32,
    pub source: Source,
    pub analysis: Analysis,
}

fn version() -> String {
    format!("newsline {}", env!("CARGO_PKG_VERSION"))
}

/// One record's analysis line, if it was an article, and a note about it.
type Extraction = (Option<String>, Option<String>);

/// The articles of the parts, their analyses, and the lines about renamed ids.
pub type Merged = (Vec<Source>, Vec<Analysis>, Vec<String>);

/// Records extracted in one batch, across the cores.
const BATCH: usize = 256;

/// What `extract` did.
#[derive(Debug, Default)]
pub struct Extracted {
    pub records: usize,
    /// One line per record that could not be read, naming its line.
    pub problems: Vec<String>,
}

/// Reads JSONL records from `input` and writes one [`Part`] line per article to `output`,
/// in the order of the records. `date` fills in articles that have none, as `build
/// --date` does, since the analysis depends on it.
///
/// # Errors
/// When reading the input or writing the output fails.
pub fn extract(
    input: impl BufRead,
    mut output: impl Write,
    date: Option<Date>,
) -> std::io::Result<Extracted> {
    let mut done = Extracted::default();
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<(usize, String)>,
                 done: &mut Extracted,
                 output: &mut dyn Write|
     -> std::io::Result<()> {
        let lines: Vec<Result<Extraction, String>> = batch
            .par_iter()
            .map(|(line_no, line)| {
                let (mut source, problem) = match read_record("standard input", *line_no, line) {
                    Ok(Some(read)) => read,
                    Ok(None) => return Ok((None, None)),
                    Err(e) => return Err(e.to_string()),
                };
                if source.date.is_none() {
                    source.date = date;
                }
                let analysis = crate::extract::analyze(&source.text, source.date);
                let part = Part { newsline: version(), format: FORMAT, source, analysis };
                let json = serde_json::to_string(&part).map_err(|e| e.to_string())?;
                Ok((Some(json), problem.map(|p| p.to_string())))
            })
            .collect();
        for line in lines {
            match line {
                Ok((json, note)) => {
                    if let Some(json) = json {
                        output.write_all(json.as_bytes())?;
                        output.write_all(b"\n")?;
                        done.records += 1;
                    }
                    done.problems.extend(note);
                }
                Err(problem) => done.problems.push(problem),
            }
        }
        batch.clear();
        Ok(())
    };
    for (n, line) in input.lines().enumerate() {
        batch.push((n + 1, line?));
        if batch.len() == BATCH {
            flush(&mut batch, &mut done, &mut output)?;
        }
    }
    flush(&mut batch, &mut done, &mut output)?;
    output.flush()?;
    Ok(done)
}

/// Why the parts could not be merged.
#[derive(Debug)]
pub enum PartsError {
    Io(PathBuf, std::io::Error),
    /// A line that is not an analysis, by file and line.
    NotAPart(PathBuf, usize, String),
    /// A part written by another version of Newsline.
    OtherVersion {
        path: PathBuf,
        line: usize,
        written_by: String,
        format: u32,
    },
}

impl std::fmt::Display for PartsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartsError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            PartsError::NotAPart(path, line, why) => {
                write!(f, "{}:{line}: not an analysis written by `newsline extract` ({why})", path.display())
            }
            PartsError::OtherVersion { path, line, written_by, format } => write!(
                f,
                "{}:{line}: written by {written_by} (analysis format {format}); this is {} (format {FORMAT}): run `newsline extract` with this version",
                path.display(),
                version()
            ),
        }
    }
}

impl std::error::Error for PartsError {}

/// The articles and analyses of `paths`, in the order given and line by line. Repeated ids
/// are made unique in that order, as the one-file reader does; the lines saying so are
/// returned beside them.
///
/// # Errors
/// A part that cannot be read, is not an analysis, or comes from another version: the
/// whole merge stops, naming the file, since a site missing some parts would look complete.
pub fn read_parts(paths: &[PathBuf]) -> Result<Merged, PartsError> {
    let mut sources = Vec::new();
    let mut analyses = Vec::new();
    let mut notes = Vec::new();
    let mut ids = UniqueIds::default();
    let mut line_no = 0;
    for path in paths {
        let file = std::fs::File::open(path).map_err(|e| PartsError::Io(path.clone(), e))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| PartsError::Io(path.clone(), e))?;
            if line.trim().is_empty() {
                continue;
            }
            let part = parse(path, n + 1, &line)?;
            let mut source = part.source;
            line_no += 1;
            notes.extend(ids.claim("the analyses", line_no, &mut source.id).map(|e| e.to_string()));
            sources.push(source);
            analyses.push(part.analysis);
        }
    }
    Ok((sources, analyses, notes))
}

fn parse(path: &Path, line: usize, text: &str) -> Result<Part, PartsError> {
    #[derive(Deserialize)]
    struct Header {
        newsline: String,
        format: u32,
    }
    let header: Header = serde_json::from_str(text)
        .map_err(|e| PartsError::NotAPart(path.to_path_buf(), line, e.to_string()))?;
    if header.format != FORMAT || header.newsline != version() {
        return Err(PartsError::OtherVersion {
            path: path.to_path_buf(),
            line,
            written_by: header.newsline,
            format: header.format,
        });
    }
    serde_json::from_str(text)
        .map_err(|e| PartsError::NotAPart(path.to_path_buf(), line, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_survives_its_line() {
        let input = "{\"id\":\"a\",\"text\":\"“We will win,” Jane Doe said on Monday.\",\"date\":\"2017-01-24\"}\n\n{\"id\":\"b\"}\n";
        let mut out = Vec::new();
        let done = extract(input.as_bytes(), &mut out, None).unwrap();
        assert_eq!(done.records, 1);
        assert_eq!(done.problems, ["standard input:3: record \"b\" has no \"text\""]);
        let line = String::from_utf8(out).unwrap();
        let part: Part = serde_json::from_str(line.trim()).unwrap();
        assert_eq!(part.analysis, crate::extract::analyze(&part.source.text, part.source.date));
        assert_eq!(part.analysis.timexes[0].value.as_deref(), Some("2017-01-23"));
    }
}
