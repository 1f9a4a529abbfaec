//! The JSON report: everything a script needs to act on a run: the run's facts, the
//! counts, every case with its outcome and violations, and for each case with violations
//! every step's request, answer and differences (`steps`); with `--compare`, the answers
//! that changed (`compare`), apart from the conformance outcomes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{CaseReport, RunInfo, counts};
use crate::runner::outcome::Outcome;

#[derive(Serialize)]
struct JsonReport<'a> {
    run: &'a RunInfo,
    summary: BTreeMap<Outcome, usize>,
    cases: &'a [CaseReport],
    #[serde(skip_serializing_if = "Option::is_none")]
    compare: Option<&'a serde_json::Value>,
}

/// The JSON report: the run, the counts, and every case with its violations.
pub fn json(reports: &[CaseReport], run: &RunInfo) -> String {
    json_with(reports, run, None)
}

/// The JSON report with `--compare`'s findings under `compare`.
pub fn json_with(
    reports: &[CaseReport],
    run: &RunInfo,
    compare: Option<&serde_json::Value>,
) -> String {
    let report = JsonReport {
        run,
        summary: counts(reports),
        cases: reports,
        compare,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
