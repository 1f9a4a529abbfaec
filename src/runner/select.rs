//! Choosing which cases a run runs, beyond libtest's FILTER/`--skip`/`--exact`: by the
//! level of the items a case names (`--level`), by documentation page (`--page`), by
//! catalogue item (`--item`), and the cases that failed or warned in an earlier JSON
//! report (`--rerun-failed`). Different kinds of selector narrow together; repeating one
//! widens it (`--page records --page search`). An unknown page or item is a usage error,
//! never a silent empty run.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::spec::{Level, Table};

use super::prepare::Prepared;

/// What the selectors ask for; empty lists select everything.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub level: Option<Level>,
    pub pages: BTreeSet<String>,
    pub items: BTreeSet<String>,
    /// `--rerun-failed`: only these names.
    pub names: Option<BTreeSet<String>>,
}

impl Selection {
    /// Check the names against the catalogue and read `--rerun-failed`'s report.
    pub fn new(
        tables: &[Table],
        level: Option<Level>,
        pages: &[String],
        items: &[String],
        rerun_failed: Option<&Path>,
    ) -> Result<Selection, String> {
        let known_pages: BTreeSet<&str> = tables
            .iter()
            .flat_map(|t| t.items.iter().map(|i| i.page.key))
            .collect();
        for p in pages {
            if !known_pages.contains(p.as_str()) {
                return Err(format!(
                    "--page {p:?} is not a documentation page of the catalogue; the pages are: {}",
                    known_pages.iter().copied().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        for i in items {
            if crate::spec::find_item(tables, i).is_none() {
                return Err(format!(
                    "--item {i:?} is not a catalogue item (`dxconform coverage` lists the pages; item ids look like record/new#input.tags)"
                ));
            }
        }
        let names = rerun_failed.map(read_failed).transpose()?;
        Ok(Selection {
            level,
            pages: pages.iter().cloned().collect(),
            items: items.iter().cloned().collect(),
            names,
        })
    }

    /// Whether any selector was given.
    pub fn is_narrowed(&self) -> bool {
        self.level.is_some()
            || !self.pages.is_empty()
            || !self.items.is_empty()
            || self.names.is_some()
    }

    /// Whether `case` is selected.
    pub fn selects(&self, case: &Prepared) -> bool {
        let level = self
            .level
            .is_none_or(|l| case.items.iter().any(|i| i.level == l));
        let page =
            self.pages.is_empty() || case.items.iter().any(|i| self.pages.contains(i.page.key));
        let item = self.items.is_empty()
            || case.items.iter().any(|i| self.items.contains(i.id))
            || case.proves.iter().any(|i| self.items.contains(*i));
        let name = self
            .names
            .as_ref()
            .is_none_or(|n| n.contains(case.case.name));
        level && page && item && name
    }
}

/// The cases a JSON report (`--json`) says failed, warned, failed as expected or passed
/// unexpectedly.
pub fn read_failed(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("--rerun-failed: cannot read {}: {e}", path.display()))?;
    let report: Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "--rerun-failed: {} is not a JSON report of dxconform: {e}",
            path.display()
        )
    })?;
    let cases = report
        .get("cases")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            format!(
                "--rerun-failed: {} has no `cases` list (write one with --json)",
                path.display()
            )
        })?;
    Ok(cases
        .iter()
        .filter(|c| {
            matches!(
                c.get("outcome").and_then(Value::as_str),
                Some("fail" | "warn" | "xfail" | "xpass")
            )
        })
        .filter_map(|c| c.get("name").and_then(Value::as_str).map(str::to_string))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_pages_and_items_are_usage_errors() {
        let tables = crate::cases::tables();
        let e = Selection::new(tables, None, &["nope".into()], &[], None).unwrap_err();
        assert!(e.contains("records"), "{e}");
        let e = Selection::new(tables, None, &[], &["x#y".into()], None).unwrap_err();
        assert!(e.contains("x#y"), "{e}");
        let cases = crate::runner::prepare(tables).unwrap();
        let s = Selection::new(tables, None, &["records".into()], &[], None).unwrap();
        let n = cases.iter().filter(|c| s.selects(c)).count();
        assert!(n > 0 && n < cases.len());
        let should = Selection::new(tables, Some(Level::Should), &[], &[], None).unwrap();
        assert!(
            cases
                .iter()
                .filter(|c| should.selects(c))
                .all(|c| c.items.iter().any(|i| i.level == Level::Should))
        );
    }

    #[test]
    fn rerun_failed_reads_a_json_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        std::fs::write(
            &path,
            r#"{"cases": [{"name": "a::b", "outcome": "fail"}, {"name": "c::d", "outcome": "pass"}, {"name": "e::f", "outcome": "warn"}]}"#,
        )
        .unwrap();
        let names = read_failed(&path).unwrap();
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["a::b", "e::f"]);
        std::fs::write(&path, "not json").unwrap();
        assert!(read_failed(&path).is_err());
    }
}
