//! Outcomes of a case and how they gate a run.
//!
//! - pass; fail (a fact proving a MUST item is violated);
//! - warn: only facts proving SHOULD items (observed behaviour, or the project's reading
//!   of silent or contradictory documentation) are violated. A pass under libtest, listed
//!   in the summary and reports; `--strict` makes it a failure. The level is the violated
//!   fact's, never the case's: a MUST case whose only difference is a SHOULD status warns;
//! - ignored: not applicable to this target (no peer, no billing fixtures), with the reason;
//! - xfail: listed in the `--baseline` file and still failing: does not fail the run;
//! - xpass: listed but now passing: fails the run, so that baselines stay true
//!   (wasmtime's should-fail lists work the same way). Baselines are read and written in
//!   [`super::baseline`].

use std::fmt;

use serde::Serialize;

use crate::spec::Level;

use super::fact::Violation;

/// The outcome of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    #[default]
    Pass,
    Warn,
    Fail,
    Ignored,
    Xfail,
    Xpass,
}

impl Outcome {
    /// Whether this outcome makes the run fail.
    pub fn fails_run(self) -> bool {
        matches!(self, Outcome::Fail | Outcome::Xpass)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Warn => "warn",
            Outcome::Fail => "fail",
            Outcome::Ignored => "ignored",
            Outcome::Xfail => "xfail",
            Outcome::Xpass => "xpass",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Apply `--strict` and the baseline to the violated facts of a case that ran.
pub fn judge(violations: &[Violation], strict: bool, expected_failure: bool) -> Outcome {
    let failing = violations
        .iter()
        .any(|v| strict || v.fact.level == Level::Must);
    match (failing, expected_failure) {
        (true, true) => Outcome::Xfail,
        (true, false) => Outcome::Fail,
        (false, true) => Outcome::Xpass,
        (false, false) if violations.is_empty() => Outcome::Pass,
        (false, false) => Outcome::Warn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_violated_facts_levels_decide() {
        use super::super::fact::Fact;
        use crate::spec::{Item, ItemKind, Page};
        static PAGE: Page = Page {
            key: "p",
            title: "P",
            url: "u",
        };
        static MUST: Item = Item {
            id: "p#m",
            page: &PAGE,
            anchor: "",
            kind: ItemKind::Rule,
            level: Level::Must,
            text: "t",
        };
        static SHOULD: Item = Item {
            id: "p#s",
            level: Level::Should,
            ..MUST
        };
        let v = |item: &'static Item| Violation::new(1, &Fact::new(vec![item]).unwrap(), "x");
        let must = [v(&MUST), v(&SHOULD)];
        let should = [v(&SHOULD)];
        assert_eq!(judge(&must, false, false), Outcome::Fail);
        assert_eq!(judge(&should, false, false), Outcome::Warn);
        assert_eq!(judge(&should, true, false), Outcome::Fail);
        assert_eq!(judge(&must, false, true), Outcome::Xfail);
        assert_eq!(judge(&should, false, true), Outcome::Xpass);
        assert_eq!(judge(&[], false, true), Outcome::Xpass);
        assert_eq!(judge(&[], true, false), Outcome::Pass);
        assert!(Outcome::Xpass.fails_run() && Outcome::Fail.fails_run());
        assert!(!Outcome::Warn.fails_run() && !Outcome::Xfail.fails_run());
    }
}
