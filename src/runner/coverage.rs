//! `dxconform coverage`: per documentation page, covered/total items and the uncovered
//! ones, then the unknown items cases name and duplicate item ids, ending with the line
//! `coverage: C/T items` that scripts read. Also the README's coverage table
//! ([`markdown`]), which a test keeps equal to the tables.

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

/// The README's "What is covered" table: per table (file in `cases/`), the documentation
/// pages its items point at, its items (MUST and SHOULD) and its cases, then the totals.
pub fn markdown(tables: &[Table]) -> String {
    use crate::spec::Level;
    let mut out = String::from(
        "| table (`cases/`) | documentation pages | items (MUST + SHOULD) | cases |\n|---|---|---|---|\n",
    );
    let (mut items, mut cases) = (0, 0);
    for t in tables {
        let mut pages: Vec<&str> = Vec::new();
        for item in t.items {
            if !pages.contains(&item.page.title) {
                pages.push(item.page.title);
            }
        }
        let must = t.items.iter().filter(|i| i.level == Level::Must).count();
        let file = if t.name == "permissions" {
            "`permissions.rs` (generated from each route's `ACCESS`)".to_string()
        } else {
            format!("`{}.rs`", t.name)
        };
        out.push_str(&format!(
            "| {file} | {} | {} ({must} + {}) | {} |\n",
            pages.join("; "),
            t.items.len(),
            t.items.len() - must,
            t.cases.len()
        ));
        items += t.items.len();
        cases += t.cases.len();
    }
    out.push_str(&format!("| **all** | | **{items}** | **{cases}** |\n"));
    out
}
