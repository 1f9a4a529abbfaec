//! The self-check's scoring rule, shared by `cargo test` (the `selfcheck` harness) and
//! `dxconform faults`, so that both say the same thing.
//!
//! A conformance suite is worth the violations it catches and the conforming answers it
//! lets through (ARCHITECTURE.md, "The self-check, both ways"):
//!
//! - a **fault** (a named spec violation of the reference server) is caught when, with
//!   `--strict`, some case fails with a violated fact that proves one of the items the
//!   fault says it breaks. A case failing for another reason is a lucky catch and does not
//!   count: it would hide a catalogue entry that no fact really checks. Only cases that
//!   can prove one of those items need to run, so only those do;
//! - a **variant** (a named difference the documentation allows) passes when no case
//!   fails: with `--strict` for a variant that changes nothing documented or observed,
//!   without it for one that changes only a SHOULD reading. Every case runs.

use std::collections::BTreeSet;

use super::outcome::Outcome;
use super::prepare::Prepared;
use super::report::CaseReport;
use super::snapshot::SnapshotMode;
use super::target::Target;
use super::{Options, run_cases};

/// How a fault fared.
#[derive(Debug, Clone)]
pub struct FaultScore {
    pub name: &'static str,
    /// The cases that caught it: failed on a fact proving one of its items.
    pub caught_by: Vec<String>,
    /// Other cases that failed (not counted).
    pub other_failures: Vec<String>,
    /// How many cases could prove one of its items (and ran).
    pub relevant: usize,
}

impl FaultScore {
    pub fn caught(&self) -> bool {
        !self.caught_by.is_empty()
    }
}

/// How a variant fared.
#[derive(Debug, Clone)]
pub struct VariantScore {
    pub name: &'static str,
    /// Whether it ran with `--strict`.
    pub strict: bool,
    /// The cases that failed against it, with their messages.
    pub failures: Vec<CaseReport>,
    /// How many cases warned (allowed for a variant that is not strict).
    pub warned: usize,
}

impl VariantScore {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn options(strict: bool) -> Options {
    Options {
        strict,
        // A server with a fault or variant must never write the oracle.
        snapshots: Some(SnapshotMode::Compare),
        ..Options::default()
    }
}

/// Run the cases that can prove one of `items` against the reference server with the fault
/// `name` switched on, `--strict`, and score it.
pub fn score_fault(
    cases: &[Prepared],
    name: &'static str,
    items: &[&str],
    threads: usize,
) -> FaultScore {
    let relevant: Vec<Prepared> = cases
        .iter()
        .filter(|c| items.iter().any(|i| c.proves.contains(i)))
        .cloned()
        .collect();
    let target = Target::embedded_with(vec![name.to_string()], Vec::new());
    let reports = run_cases(&relevant, &target, &options(true), threads);
    let mut score = FaultScore {
        name,
        caught_by: Vec::new(),
        other_failures: Vec::new(),
        relevant: relevant.len(),
    };
    let wanted: BTreeSet<&str> = items.iter().copied().collect();
    for r in reports.into_iter().filter(|r| r.outcome == Outcome::Fail) {
        let on_item = r
            .violations
            .iter()
            .any(|v| v.items.iter().any(|i| wanted.contains(i.as_str())));
        if on_item {
            score.caught_by.push(r.name);
        } else {
            score.other_failures.push(r.name);
        }
    }
    score
}

/// Run every case against the reference server with the variant `name` switched on
/// (`--strict` when `strict`), and score it.
pub fn score_variant(
    cases: &[Prepared],
    name: &'static str,
    strict: bool,
    threads: usize,
) -> VariantScore {
    let target = Target::embedded_with(Vec::new(), vec![name.to_string()]);
    let reports = run_cases(cases, &target, &options(strict), threads);
    VariantScore {
        name,
        strict,
        warned: reports
            .iter()
            .filter(|r| r.outcome == Outcome::Warn)
            .count(),
        failures: reports
            .into_iter()
            .filter(|r| r.outcome == Outcome::Fail)
            .collect(),
    }
}

/// The reference server with nothing switched on, `--strict`: every case must pass.
pub fn clean_run(cases: &[Prepared], threads: usize) -> Vec<CaseReport> {
    let target = Target::embedded_with(Vec::new(), Vec::new());
    run_cases(cases, &target, &options(true), threads)
        .into_iter()
        .filter(|r| r.outcome == Outcome::Fail)
        .collect()
}

/// The score line both entry points print.
pub fn score_line(faults: &[FaultScore], variants: &[VariantScore]) -> String {
    format!(
        "selfcheck: caught {}/{} faults, passed {}/{} variants",
        faults.iter().filter(|f| f.caught()).count(),
        faults.len(),
        variants.iter().filter(|v| v.passed()).count(),
        variants.len()
    )
}
