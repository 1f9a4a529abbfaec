//! Outcomes of a case and how they gate a run.
//!
//! - pass; fail (a MUST item violated);
//! - warn: the case checks only SHOULD items (observed behaviour, or the project's reading
//!   of silent or contradictory documentation) and one is violated. A pass under libtest,
//!   listed in the summary and reports; `--strict` makes it a failure. A case that names
//!   any MUST item is a MUST case: keep SHOULD facts in their own cases;
//! - ignored: not applicable to this target (no peer, no billing fixtures), with the reason;
//! - xfail: listed in the `--baseline` file and still failing: does not fail the run;
//! - xpass: listed but now passing: fails the run, so that baselines stay true
//!   (wasmtime's should-fail lists work the same way).

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::spec::Level;

/// The outcome of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
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

/// What running a case showed, before levels and baselines are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Held,
    /// The case found a violation; the message says what.
    Violated(String),
    /// The case does not apply to this target.
    NotApplicable(String),
}

/// Apply the case's level, `--strict` and the baseline to a verdict.
pub fn judge(verdict: &Verdict, level: Level, strict: bool, expected_failure: bool) -> Outcome {
    match (verdict, expected_failure) {
        (Verdict::NotApplicable(_), _) => Outcome::Ignored,
        (Verdict::Held, false) => Outcome::Pass,
        (Verdict::Held, true) => Outcome::Xpass,
        (Verdict::Violated(_), true) => Outcome::Xfail,
        (Verdict::Violated(_), false) if level == Level::Should && !strict => Outcome::Warn,
        (Verdict::Violated(_), false) => Outcome::Fail,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_strict_and_baselines() {
        let v = Verdict::Violated("x".into());
        assert_eq!(judge(&v, Level::Must, false, false), Outcome::Fail);
        assert_eq!(judge(&v, Level::Should, false, false), Outcome::Warn);
        assert_eq!(judge(&v, Level::Should, true, false), Outcome::Fail);
        assert_eq!(judge(&v, Level::Must, false, true), Outcome::Xfail);
        assert_eq!(
            judge(&Verdict::Held, Level::Must, false, true),
            Outcome::Xpass
        );
        assert_eq!(
            judge(&Verdict::Held, Level::Should, true, false),
            Outcome::Pass
        );
        let na = Verdict::NotApplicable("no peer".into());
        assert_eq!(judge(&na, Level::Must, true, true), Outcome::Ignored);
        assert!(Outcome::Xpass.fails_run() && Outcome::Fail.fails_run());
        assert!(!Outcome::Warn.fails_run() && !Outcome::Xfail.fails_run());
    }

    #[test]
    fn baseline_parses_and_rejects_unknown_names() {
        let known: BTreeSet<&str> = ["a::b", "c::d"].into_iter().collect();
        let b = Baseline::parse("# known\na::b  # bug 12\n\n", "base.txt", &known).unwrap();
        assert!(b.contains("a::b") && !b.contains("c::d"));
        let e = Baseline::parse("x::y\n", "base.txt", &known).unwrap_err();
        assert!(e.contains("base.txt:1") && e.contains("x::y"));
    }
}
