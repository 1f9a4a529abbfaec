//! The JSON report: everything a script needs to act on a run.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{CaseReport, RunInfo, counts};
use crate::runner::outcome::Outcome;

#[derive(Serialize)]
struct JsonReport<'a> {
    run: &'a RunInfo,
    summary: BTreeMap<Outcome, usize>,
    cases: &'a [CaseReport],
}

/// The JSON report: the run, the counts, and every case with its violations.
pub fn json(reports: &[CaseReport], run: &RunInfo) -> String {
    let report = JsonReport {
        run,
        summary: counts(reports),
        cases: reports,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
