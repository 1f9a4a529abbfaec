//! Baselines: the cases expected to fail on a target, one name per line (`#` comments),
//! read with `--baseline FILE` and written from a run with `--write-baseline FILE`.
//!
//! A listed case that still fails is xfail and does not fail the run; one that passes is
//! xpass and does (so baselines stay true). A written baseline lists every case that fails
//! in the run (xfail included, xpass left out), each with a comment naming the items it
//! violates, so that a reviewer sees why it is there.

use std::collections::BTreeSet;

use super::outcome::Outcome;
use super::report::CaseReport;

/// The names of cases expected to fail on a target: one per line; `#` starts a comment.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    pub names: BTreeSet<String>,
    /// Where it was read from, for messages.
    pub source: Option<String>,
}

impl Baseline {
    /// Parse baseline text, rejecting names that are not cases (a stale baseline would
    /// silently stop meaning anything).
    pub fn parse(text: &str, source: &str, known: &BTreeSet<&str>) -> Result<Self, String> {
        let mut names = BTreeSet::new();
        for (n, line) in text.lines().enumerate() {
            let name = line.split('#').next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            if !known.contains(name) {
                return Err(format!(
                    "{source}:{}: {name:?} is not a case (run `dxconform run --list`)",
                    n + 1
                ));
            }
            names.insert(name.to_string());
        }
        Ok(Baseline {
            names,
            source: Some(source.to_string()),
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}

/// The baseline text of a run: its failing cases (fail and xfail), sorted, each with the
/// items it violates. `header` lines become comments at the top.
pub fn write(reports: &[CaseReport], header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str(&format!("# {line}\n"));
    }
    let mut failing: Vec<&CaseReport> = reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Fail | Outcome::Xfail))
        .collect();
    failing.sort_by(|a, b| a.name.cmp(&b.name));
    let width = failing.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in failing {
        let mut items: Vec<String> = Vec::new();
        for v in &r.violations {
            for i in &v.items {
                let named = format!("{} {i}", v.level);
                if !items.contains(&named) {
                    items.push(named);
                }
            }
        }
        out.push_str(&format!("{:<width$}  # {}\n", r.name, items.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_parses_and_rejects_unknown_names() {
        let known: BTreeSet<&str> = ["a::b", "c::d"].into_iter().collect();
        let b = Baseline::parse("# known\na::b  # bug 12\n\n", "base.txt", &known).unwrap();
        assert!(b.contains("a::b") && !b.contains("c::d"));
        let e = Baseline::parse("x::y\n", "base.txt", &known).unwrap_err();
        assert!(e.contains("base.txt:1") && e.contains("x::y"));
    }

    #[test]
    fn a_written_baseline_lists_the_failing_cases_with_their_items() {
        use crate::runner::fact::ViolationReport;
        let case = |name: &str, outcome: Outcome| CaseReport {
            name: name.into(),
            level: "MUST".into(),
            outcome,
            violations: vec![ViolationReport {
                step: 1,
                items: vec!["p#a".into()],
                level: "MUST".into(),
                text: "x".into(),
            }],
            ..CaseReport::default()
        };
        let text = write(
            &[
                case("b::x", Outcome::Fail),
                case("a::y", Outcome::Xfail),
                case("c::z", Outcome::Pass),
            ],
            &["written by a run".into()],
        );
        assert_eq!(
            text,
            "# written by a run\na::y  # MUST p#a\nb::x  # MUST p#a\n"
        );
        let known = ["a::y", "b::x"].into_iter().collect();
        let back = Baseline::parse(&text, "b", &known).unwrap();
        assert_eq!(back.names.len(), 2);
    }
}
