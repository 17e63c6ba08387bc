//! Newsline: who said what and when, from a pile of news articles.
//!
//! The crate keeps four parts apart (see ARCHITECTURE.md):
//! - [`extract`]: the pure extractor. Text and an optional publication date in, an
//!   [`extract::Analysis`] out. No I/O, no clock, no panics, byte-exact spans.
//! - [`dataset`] and [`corpus`]: the dataset model and the readers that turn files'
//!   bytes into articles (the CLI does the file-system walking around them).
//! - [`query`]: the filter state, its URL form and the filtering itself, pure;
//!   [`store`] is the story a site carries (a manifest and parts), which
//!   `query::engine` answers from.
//! - `app` (feature `ui`): the Yew components of the explorer.
//!
//! # Example
//! ```
//! let text = "“We will win,” Jane Doe said on Monday.";
//! let analysis = newsline::extract::analyze(text, jiff::civil::Date::new(2017, 1, 24).ok());
//! let quote = &analysis.quotes[0];
//! assert_eq!(&text[quote.span.clone()], "We will win,");
//! assert_eq!(analysis.actors[quote.speaker.unwrap()].name, "Jane Doe");
//! assert_eq!(analysis.timexes[0].value.as_deref(), Some("2017-01-23"));
//! ```
//!
//! From files to the dataset JSON (the contract in docs/dataset.md), and one view of it
//! as a link names it:
//! ```
//! use newsline::{corpus, dataset, query};
//!
//! let file = " date 2017-01-24 “We will win,” Jane Doe said on Monday.";
//! let read = corpus::read_txt("doe.txt", "doe", file.as_bytes());
//! let ds = dataset::build(read.sources);
//! let json = serde_json::to_value(&ds).unwrap();
//! assert_eq!(json["quotes"][0]["text"], "We will win,");
//!
//! let index = query::Index::new(&ds);
//! let state = query::parse("?view=quotes&actor=jane-doe", &index).state;
//! let shown = query::select(&ds, &index, &state);
//! assert_eq!(shown.quote_total, 1);
//! assert_eq!(query::to_query(&state), "?actor=jane-doe&view=quotes");
//! ```

pub mod additions;
pub mod case;
#[cfg(feature = "cli")]
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod dates;
#[cfg(feature = "cli")]
pub mod eval;
pub mod excerpts;
pub mod export;
pub mod extract;
pub mod query;
pub mod store;

#[cfg(feature = "ui")]
pub mod app;
