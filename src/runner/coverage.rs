//! `dxconform coverage`: per documentation page, covered/total items and the uncovered
//! ones, then the unknown items cases name and duplicate item ids, ending with the line
//! `coverage: C/T items` that scripts read.

use std::collections::BTreeSet;

use crate::spec::{Table, coverage};

/// The coverage listing and whether it is complete. An item is covered when some fact of
/// some case proves it (a check, an expectation, a snapshot field), so the tables are
/// prepared first; a malformed table is reported instead.
pub fn listing(tables: &[Table]) -> (String, bool) {
    let prepared = match super::prepare(tables) {
        Ok(p) => p,
        Err(e) => return (format!("{e}\ncoverage: the tables do not prepare\n"), false),
    };
    let proven: BTreeSet<&str> = prepared
        .iter()
        .flat_map(|p| p.proves.iter().copied())
        .collect();
    let c = coverage(tables, &proven);
    let mut out = String::new();
    for (page, covered, total, uncovered) in &c.pages {
        out.push_str(&format!(
            "{:<16} {covered}/{total}  {}\n",
            page.key, page.url
        ));
        for id in uncovered {
            out.push_str(&format!("  uncovered: {id}\n"));
        }
    }
    for (case, item) in &c.unknown {
        out.push_str(&format!("unknown item {item:?} named by case {case}\n"));
    }
    for id in &c.duplicate_items {
        out.push_str(&format!("item id defined twice: {id}\n"));
    }
    let cases: usize = tables.iter().map(|t| t.cases.len()).sum();
    out.push_str(&format!("{cases} cases\n"));
    out.push_str(&format!("coverage: {}/{} items\n", c.covered, c.total));
    (out, c.is_complete())
}
