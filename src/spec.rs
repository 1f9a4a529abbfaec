//! The catalogue: the documentation as data.
//!
//! Every documented input, output, error and rule of every method the suite covers is an
//! [`Item`] with a stable id (`record/new#input.tags`), the documentation page and anchor it
//! comes from, a [`Level`] and a one-line statement. Cases name the items they check; the
//! coverage check ([`coverage`]) proves that every item is checked by some case and that no
//! case names an item that does not exist. Items live beside the cases that check them, in
//! `cases/<page>.rs`; `cases/mod.rs` gathers them.

use std::collections::BTreeSet;
use std::fmt;

use crate::case::Case;

/// A page of the DNAnexus documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Short key used in reports: `records`, `lifecycle`, `protocol`.
    pub key: &'static str,
    pub title: &'static str,
    /// The page's URL, without anchor.
    pub url: &'static str,
}

/// What part of a method's documentation an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    Input,
    Output,
    Error,
    Rule,
}

/// How binding an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The platform is observed to behave so, or the documentation is silent or contradicts
    /// itself and the project made a reading (the item's text says which). A violation is a
    /// warning, a failure under `--strict`.
    Should,
    /// The documentation states it. A violation fails the case.
    Must,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Must => "MUST",
            Level::Should => "SHOULD",
        })
    }
}

/// One documented fact.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// Stable id: `<route or page>#<kind>.<name>`, for example
    /// `record/new#error.InvalidInput.nonce-too-long` or `close#rule.idempotent`.
    pub id: &'static str,
    pub page: &'static Page,
    /// The anchor on the page (with `#`), or `""` for the page itself.
    pub anchor: &'static str,
    pub kind: ItemKind,
    pub level: Level,
    /// The fact, in one line; for SHOULD items, the source and the reading taken.
    pub text: &'static str,
}

impl Item {
    /// An item of `page` at `anchor` (a table's helper usually fixes the page).
    pub const fn new(
        id: &'static str,
        page: &'static Page,
        anchor: &'static str,
        kind: ItemKind,
        level: Level,
        text: &'static str,
    ) -> Item {
        Item {
            id,
            page,
            anchor,
            kind,
            level,
            text,
        }
    }

    /// The documentation link of this item.
    pub fn url(&self) -> String {
        format!("{}{}", self.page.url, self.anchor)
    }
}

/// The HTTP status the catalogue gives an error type, and the item that says so. An error
/// step's status is a fact of its own, judged at this item's level: only MalformedJSON's
/// 400 is documented; the rest of the table comes from the clients (SHOULD).
#[derive(Debug, Clone, Copy)]
pub struct StatusRule {
    /// The `error.type`.
    pub error: &'static str,
    pub status: u16,
    pub item: &'static str,
}

/// One `cases/*.rs`: the items of a documentation page (or route family) and the cases
/// that check them. Items may point at several pages (the protocol table covers the API
/// introduction, protocols, authentication and entity IDs); coverage is reported per page.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// The file's name: `records`, `lifecycle`, `protocol`.
    pub name: &'static str,
    pub items: &'static [Item],
    pub cases: &'static [Case],
    /// The error type to status table (the protocol table holds it; others leave it empty).
    pub statuses: &'static [StatusRule],
}

/// The status rule of an error type, across all tables.
pub fn status_rule(tables: &[Table], error: &str) -> Option<&'static StatusRule> {
    tables
        .iter()
        .flat_map(|t| t.statuses.iter())
        .find(|r| r.error == error)
}

/// What the coverage check found.
#[derive(Debug, Default)]
pub struct Coverage {
    /// Per documentation page, in order of first appearance: (page, covered, total,
    /// uncovered item ids).
    pub pages: Vec<(&'static Page, usize, usize, Vec<&'static str>)>,
    /// Case names that name an item the catalogue does not have, with the item.
    pub unknown: Vec<(&'static str, &'static str)>,
    /// Item ids defined twice.
    pub duplicate_items: Vec<&'static str>,
    pub covered: usize,
    pub total: usize,
}

impl Coverage {
    /// True when every item is covered, no case names an unknown item, and ids are unique.
    pub fn is_complete(&self) -> bool {
        self.covered == self.total && self.unknown.is_empty() && self.duplicate_items.is_empty()
    }
}

/// Look an item up by id across all tables.
pub fn find_item(tables: &[Table], id: &str) -> Option<&'static Item> {
    tables
        .iter()
        .flat_map(|t| t.items.iter())
        .find(|i| i.id == id)
}

/// Compute coverage: which items some case proves (`proven`: the items of every fact of
/// every case, from the runner's preparation; see `runner::prepare`), and which item
/// names in cases are unknown.
pub fn coverage(tables: &[Table], proven: &BTreeSet<&str>) -> Coverage {
    let mut seen = BTreeSet::new();
    let mut duplicate_items = Vec::new();
    for item in tables.iter().flat_map(|t| t.items.iter()) {
        if !seen.insert(item.id) {
            duplicate_items.push(item.id);
        }
    }
    let mut unknown = Vec::new();
    for case in tables.iter().flat_map(|t| t.cases.iter()) {
        for id in case.items {
            if !seen.contains(id) {
                unknown.push((case.name, *id));
            }
        }
    }
    let mut out = Coverage {
        unknown,
        duplicate_items,
        ..Coverage::default()
    };
    for item in tables.iter().flat_map(|t| t.items.iter()) {
        let at = match out.pages.iter().position(|p| p.0.url == item.page.url) {
            Some(at) => at,
            None => {
                out.pages.push((item.page, 0, 0, Vec::new()));
                out.pages.len() - 1
            }
        };
        let page = &mut out.pages[at];
        page.2 += 1;
        out.total += 1;
        if proven.contains(item.id) {
            page.1 += 1;
            out.covered += 1;
        } else {
            page.3.push(item.id);
        }
    }
    out
}
