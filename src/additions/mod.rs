//! A reader's own articles joined to a published story, as `newsline build` would join
//! their files to the published corpus: what the page's worker runs (`src/worker.rs`),
//! kept here, pure and native, so that tests hold it to the CLI byte for byte.
//!
//! The published story carries what its articles need to be read again (their text,
//! date, title, outlet, address and byline, in article order, which is input order), so
//! its corpus comes back from its article parts. The added articles follow it, as files
//! named after the published corpus on the command line would, and take the same ids.
//!
//! The types here are also what the worker and the page say to each other.

#[cfg(feature = "store-build")]
mod join;
#[cfg(feature = "store-build")]
pub use join::*;

use serde::{Deserialize, Serialize};

pub use crate::corpus::Added;

/// An article the reader keeps in this browser, as the worker lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// Its key in the browser's database.
    pub key: u32,
    /// The file (or paste) it came from.
    pub origin: String,
    /// Its id in the joined story.
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

/// The articles one file or paste gave, and one line per problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    pub drafts: Vec<Added>,
    pub problems: Vec<String>,
}

/// What is kept after a change, and one line per problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Joined {
    pub kept: Vec<Kept>,
    pub problems: Vec<String>,
}
