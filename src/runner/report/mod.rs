//! What a run produces beyond the terminal: one [`CaseReport`] per case, the facts of the
//! run ([`RunInfo`]), and the files written from them: JSON ([`json`]), JUnit XML
//! ([`junit`]) and the HTML conformance matrix ([`html`]), one module each; the matrix's
//! per-item verdicts ([`verdict`]) and Markdown ([`markdown`]) have their own.

mod html;
mod json;
mod junit;
mod markdown;
mod verdict;

pub use html::html;
pub use json::{json, json_with};
pub use junit::junit;

use std::collections::BTreeMap;

use serde::Serialize;

use super::fact::ViolationReport;
use super::outcome::Outcome;
use super::prepare::Prepared;
use super::transcript::StepReport;

/// The facts of a run that reports show beside the cases: what was run, against what,
/// when, with which flags, how long it took and how many requests it made. Never a token.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunInfo {
    /// dxconform's version.
    pub version: String,
    /// The run id (scratch project names carry it).
    pub run_id: String,
    /// The target, as a label without secrets.
    pub target: String,
    /// When the run started, RFC 3339 UTC.
    pub started: String,
    /// The flags that change what is judged (`--strict`, `--baseline FILE`, filters...).
    pub flags: Vec<String>,
    pub duration_ms: u64,
    /// HTTP requests sent, retries after throttling included.
    pub requests: u64,
    /// Throttled answers waited out.
    pub throttled: u64,
    /// How many cases ran at once.
    pub concurrency: usize,
    /// Set when the run stopped early (the target died): why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aborted: Option<String>,
}

/// The result of one case.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CaseReport {
    pub name: String,
    pub summary: String,
    pub items: Vec<String>,
    pub level: String,
    pub outcome: Outcome,
    /// For fail, warn, xfail and xpass: what was wrong; for ignored: why.
    pub message: Option<String>,
    /// Observations that are not failures (undocumented extra fields, cleanup trouble).
    pub notes: Vec<String>,
    /// Each fact that did not hold, with the items it breaks and their level.
    pub violations: Vec<ViolationReport>,
    /// For a case with violations: every step's request, answer and differences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepReport>,
    /// The scratch projects left in place by `--keep`: `(id, name)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<(String, String)>,
    pub duration_ms: u64,
    /// Set when the target died during this case: its verdict means nothing.
    #[serde(skip)]
    pub aborted: Option<String>,
    /// Each step's normalized answer (`--record`, `--compare`).
    #[serde(skip)]
    pub recorded: Vec<(usize, serde_json::Value)>,
}

impl CaseReport {
    /// A report of `case` that passed and found nothing, to be filled in.
    pub fn new(case: &Prepared) -> CaseReport {
        CaseReport {
            name: case.case.name.to_string(),
            summary: case.case.summary.to_string(),
            items: case.case.items.iter().map(|s| s.to_string()).collect(),
            level: case.level.to_string(),
            outcome: Outcome::Pass,
            message: None,
            notes: Vec::new(),
            violations: Vec::new(),
            steps: Vec::new(),
            kept: Vec::new(),
            duration_ms: 0,
            aborted: None,
            recorded: Vec::new(),
        }
    }
}

/// Cut text to `max` bytes on a character boundary, saying how much was left out.
pub fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} more bytes)", &text[..end], text.len() - end)
}

/// Counts per outcome, in a fixed order.
pub fn counts(reports: &[CaseReport]) -> BTreeMap<Outcome, usize> {
    let mut out = BTreeMap::new();
    for r in reports {
        *out.entry(r.outcome).or_insert(0) += 1;
    }
    out
}

/// One line: `12 passed, 1 failed, ...`.
pub fn summary_line(reports: &[CaseReport]) -> String {
    let counts = counts(reports);
    let order = [
        (Outcome::Pass, "passed"),
        (Outcome::Fail, "failed"),
        (Outcome::Warn, "warned"),
        (Outcome::Xfail, "failed as expected (baseline)"),
        (
            Outcome::Xpass,
            "passed unexpectedly (remove from the baseline)",
        ),
        (Outcome::Ignored, "ignored"),
    ];
    order
        .iter()
        .enumerate()
        .filter_map(|(i, (o, word))| {
            let n = counts.get(o).copied().unwrap_or(0);
            // Passed and failed always show; the rest only when they happened.
            (i < 2 || n > 0).then(|| format!("{n} {word}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(name: &str, outcome: Outcome, message: Option<&str>) -> CaseReport {
        CaseReport {
            name: name.into(),
            summary: "s".into(),
            items: vec!["record/new#input.project".into()],
            level: "MUST".into(),
            outcome,
            message: message.map(str::to_string),
            violations: vec![],
            duration_ms: 5,
            ..CaseReport::default()
        }
    }

    #[test]
    fn clip_respects_char_boundaries() {
        assert_eq!(clip("abc", 5), "abc");
        assert!(clip("ééé", 3).starts_with('é'));
    }

    #[test]
    fn junit_and_html_escape_and_count() {
        let reports = vec![
            report("a::b::ok", Outcome::Pass, None),
            report("a::b::bad", Outcome::Fail, Some("expected <1> & got \"2\"")),
            report("a::b::peer", Outcome::Ignored, Some("needs a peer")),
        ];
        let run = RunInfo {
            target: "http://x".into(),
            run_id: "r".into(),
            ..RunInfo::default()
        };
        let xml = junit(&reports, &run).unwrap();
        assert!(xml.contains("tests=\"3\"") && xml.contains("failures=\"1\""));
        assert!(xml.contains("&lt;1&gt; &amp; got"));
        assert!(xml.contains("<skipped"));
        let page = html(&reports, crate::cases::tables(), &run);
        assert!(page.contains("&lt;1&gt;"));
        assert!(page.contains("record/new#input.project"));
        let j: serde_json::Value = serde_json::from_str(&json(&reports, &run)).unwrap();
        assert_eq!(j["summary"]["fail"], 1);
        assert_eq!(j["run"]["run_id"], "r");
        assert_eq!(summary_line(&reports).split(", ").next(), Some("1 passed"));
    }
}
