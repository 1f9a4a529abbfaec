//! The verdict of each catalogue item, from the case reports: what the HTML matrix shows.
//!
//! An item is judged by the facts that prove it, not by the cases that name it: a case is a
//! bundle of facts (ARCHITECTURE.md, "Verdicts per fact"), so a case that failed on one
//! item must not mark the other items it checks. An item is failed (or warned) only when a
//! violation names it (`violations[].items`); a case that checked it and was violated
//! elsewhere counts as a check the item held, with that said beside it.
//!
//! Which cases check an item comes from the prepared tables (`Prepared::proves`: every item
//! some check, expectation or snapshot field of the case proves), not only from the items a
//! case names: the HTTP status of an error type, for example, is proved by every error step
//! without the case naming it.

use std::collections::{BTreeMap, BTreeSet};

use super::CaseReport;
use crate::runner::fact::ViolationReport;
use crate::runner::outcome::Outcome;
use crate::spec::Table;

/// How bad an outcome is, for an item checked by several cases (and for sorting): a
/// failure, then an unexpected pass (both fail the run), a warning, a baseline failure, a
/// pass, an ignored case.
pub fn severity(o: Outcome) -> u8 {
    match o {
        Outcome::Ignored => 0,
        Outcome::Pass => 1,
        Outcome::Xfail => 2,
        Outcome::Warn => 3,
        Outcome::Xpass => 4,
        Outcome::Fail => 5,
    }
}

/// What one case says about one item.
#[derive(Debug, Clone)]
pub struct Check<'a> {
    pub case: &'a CaseReport,
    /// The item's outcome in this case: fail, warn or xfail when a violation names it;
    /// otherwise the case's own outcome for ignored and xpass cases, and pass.
    pub outcome: Outcome,
    /// The violations of this case that name the item.
    pub violations: Vec<&'a ViolationReport>,
    /// The case was violated, but on other items only.
    pub violated_elsewhere: bool,
}

/// The verdict of one item: the worst outcome of its checks, and the checks, worst first.
#[derive(Debug, Clone, Default)]
pub struct ItemVerdict<'a> {
    /// `None`: no case that checks it ran.
    pub outcome: Option<Outcome>,
    pub checks: Vec<Check<'a>>,
}

impl ItemVerdict<'_> {
    /// Every check of the item came from a case violated on other items: the item was not
    /// found violated, but the steps that check it may not have run.
    pub fn only_elsewhere(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.violated_elsewhere)
    }
}

/// The outcome a violation gives the item it names in a case with this outcome. A MUST
/// violation (or any, under `--strict`) is the case's failure: xfail if the baseline lists
/// the case, fail otherwise; a SHOULD violation without `--strict` is a warning.
fn violation_outcome(case: Outcome, v: &ViolationReport, strict: bool) -> Outcome {
    let failing = strict || v.level == "MUST";
    match (failing, case) {
        (true, Outcome::Xfail) => Outcome::Xfail,
        (true, _) => Outcome::Fail,
        (false, _) => Outcome::Warn,
    }
}

/// The verdict of every item some case checked, by item id. `strict` is the run's
/// `--strict`: it decides whether a SHOULD violation failed or warned.
pub fn verdicts<'a>(
    reports: &'a [CaseReport],
    tables: &[Table],
    strict: bool,
) -> BTreeMap<String, ItemVerdict<'a>> {
    // Every item each case proves. A table that does not prepare cannot have been run, but
    // the report must still render: fall back to the items the cases name.
    let proves: BTreeMap<&str, BTreeSet<&str>> = crate::runner::prepare(tables)
        .map(|prepared| {
            prepared
                .iter()
                .map(|p| (p.case.name, p.proves.iter().copied().collect()))
                .collect()
        })
        .unwrap_or_default();
    let mut out: BTreeMap<String, ItemVerdict<'a>> = BTreeMap::new();
    for r in reports {
        let mut items: BTreeSet<&str> = r.items.iter().map(String::as_str).collect();
        if let Some(p) = proves.get(r.name.as_str()) {
            items.extend(p.iter().copied());
        }
        items.extend(
            r.violations
                .iter()
                .flat_map(|v| v.items.iter().map(String::as_str)),
        );
        for item in items {
            let violations: Vec<&ViolationReport> = r
                .violations
                .iter()
                .filter(|v| v.items.iter().any(|i| i == item))
                .collect();
            let outcome = match violations
                .iter()
                .map(|v| violation_outcome(r.outcome, v, strict))
                .max_by_key(|o| severity(*o))
            {
                Some(o) => o,
                None => match r.outcome {
                    Outcome::Ignored | Outcome::Xpass => r.outcome,
                    _ => Outcome::Pass,
                },
            };
            let check = Check {
                case: r,
                outcome,
                violated_elsewhere: violations.is_empty() && !r.violations.is_empty(),
                violations,
            };
            out.entry(item.to_string()).or_default().checks.push(check);
        }
    }
    for verdict in out.values_mut() {
        verdict
            .checks
            .sort_by_key(|c| std::cmp::Reverse(severity(c.outcome)));
        verdict.outcome = verdict.checks.first().map(|c| c.outcome);
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A case report for the report modules' tests (the one place that builds one):
    /// `violations` are `(level, item, text)`, each in step 1.
    pub(in crate::runner::report) fn case(
        name: &str,
        items: &[&str],
        outcome: Outcome,
        violations: &[(&str, &str, &str)],
    ) -> CaseReport {
        CaseReport {
            name: name.into(),
            summary: String::new(),
            items: items.iter().map(|s| s.to_string()).collect(),
            level: "MUST".into(),
            outcome,
            message: None,
            notes: vec![],
            violations: violations
                .iter()
                .map(|(level, item, text)| ViolationReport {
                    step: 1,
                    items: vec![item.to_string()],
                    level: level.to_string(),
                    text: text.to_string(),
                })
                .collect(),
            duration_ms: 0,
            ..CaseReport::default()
        }
    }

    #[test]
    fn only_the_violated_item_is_marked() {
        // The case names a and b and failed on b only: a held.
        let reports = vec![case(
            "t::one",
            &["a", "b"],
            Outcome::Fail,
            &[("MUST", "b", "differs")],
        )];
        let v = verdicts(&reports, &[], false);
        assert_eq!(v["b"].outcome, Some(Outcome::Fail));
        assert_eq!(v["a"].outcome, Some(Outcome::Pass));
        assert!(v["a"].only_elsewhere());
        assert_eq!(v["b"].checks[0].violations.len(), 1);
    }

    #[test]
    fn levels_strict_and_baseline() {
        let reports = vec![
            case(
                "t::warn",
                &["s"],
                Outcome::Warn,
                &[("SHOULD", "s", "differs")],
            ),
            case(
                "t::base",
                &["m"],
                Outcome::Xfail,
                &[("MUST", "m", "differs")],
            ),
            case("t::xpass", &["x"], Outcome::Xpass, &[]),
            case("t::peer", &["p"], Outcome::Ignored, &[]),
            case("t::ok", &["p"], Outcome::Pass, &[]),
        ];
        let v = verdicts(&reports, &[], false);
        assert_eq!(v["s"].outcome, Some(Outcome::Warn));
        assert_eq!(v["m"].outcome, Some(Outcome::Xfail));
        assert_eq!(v["x"].outcome, Some(Outcome::Xpass));
        assert_eq!(v["p"].outcome, Some(Outcome::Pass));
        assert_eq!(v["p"].checks.len(), 2);
        // Under --strict a SHOULD violation is the case's failure.
        let strict = vec![case(
            "t::s",
            &["s", "m"],
            Outcome::Fail,
            &[("SHOULD", "s", "differs")],
        )];
        let v = verdicts(&strict, &[], true);
        assert_eq!(v["s"].outcome, Some(Outcome::Fail));
        assert_eq!(v["m"].outcome, Some(Outcome::Pass));
    }

    #[test]
    fn items_a_case_proves_without_naming_them_are_checked() {
        let tables = crate::cases::tables();
        let prepared = crate::runner::prepare(tables).unwrap();
        let p = prepared
            .iter()
            .find(|p| p.proves.iter().any(|i| !p.case.items.contains(i)))
            .expect("some case proves an item it does not name");
        let unnamed = p.proves.iter().find(|i| !p.case.items.contains(i)).unwrap();
        let items: Vec<&str> = p.case.items.to_vec();
        let reports = vec![case(p.case.name, &items, Outcome::Pass, &[])];
        let v = verdicts(&reports, tables, false);
        assert_eq!(v[*unnamed].outcome, Some(Outcome::Pass));
    }
}
