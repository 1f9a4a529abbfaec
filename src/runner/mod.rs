//! The runner: case tables in, [`CaseReport`]s out, against a target.
//!
//! Start-up parses and validates every case ([`prepare`]); a malformed table is a hard
//! error naming the case. The set-up check ([`preflight`]) proves the target usable before
//! any case runs. Then every selected case runs concurrently ([`run_all`], bounded by
//! `--concurrency`), each against its own scratch projects ([`exec`]); it is judged from
//! its violated facts ([`outcome`]) and printed in libtest's format ([`terminal`]) as it
//! finishes. Names are sorted and unique, so `dxconform run records::`, `cargo test --
//! records::` and nextest filtersets select alike, and `--list` prints `NAME: test`.
//!
//! Why not one libtest-mimic trial per case: a trial is a blocking call on one of a few
//! threads, so a run over a network took the sum of its cases' round trips divided by the
//! thread count; here the whole run takes about as long as its longest case. The
//! libtest command line is still libtest-mimic's (FILTER, `--exact`, `--skip`, `--list`,
//! `--ignored`, `--include-ignored`, `--test-threads`, `--format`) and selects by its rules.
//!
//! # Layout
//!
//! - [`harness`]: the one run flow, shared by `dxconform run` and `cargo test`'s suite.
//! - [`client`]: the one tokio runtime and HTTP client; shared throttling back-off, time-outs.
//! - [`target`]: the embedded server or an endpoint; principals and their tokens.
//! - [`preflight`]: the set-up check before the cases; [`health`]: is the target still there.
//! - [`prepare`]: start-up parsing and validation of the tables.
//! - [`select`]: `--level`, `--page`, `--item`, `--rerun-failed`.
//! - [`vars`]: placeholder substitution.
//! - [`check`]: the expected status/error and every `Check`.
//! - [`normalize`]: answer normalization for snapshots.
//! - [`snapshot`]: the compiled-in oracle snapshots; insta to accept new ones.
//! - [`fact`]: what each check proves, and violations: the unit of a verdict.
//! - [`exec`]: one case end to end: scratch projects, steps, cleanup, failure message;
//!   `step`: one step in small parts (request, send and page, expect, capture, check,
//!   snapshot); [`transcript`]: what each step sent and got, and its `curl` line.
//! - [`outcome`]: pass/fail/warn/ignored/xfail/xpass from the violated facts;
//!   [`baseline`]: reading and writing baselines.
//! - [`terminal`]: libtest's output format, the progress counter and the one summary.
//! - [`report`]: case reports and the JSON, JUnit XML and HTML files.
//! - [`regress`]: `--record` and `--compare`, a target's answers against its own past.
//! - [`selfcheck`]: the scoring rule of faults and variants, shared by `cargo test` and
//!   `dxconform faults`.
//! - [`sweep`]: the scratch projects' marker, and removing what crashed runs left.
//! - [`coverage`]: the coverage listing.

pub mod baseline;
pub mod check;
pub mod client;
pub mod coverage;
pub mod exec;
pub mod fact;
pub mod harness;
pub mod health;
pub mod normalize;
pub mod outcome;
pub mod preflight;
pub mod prepare;
pub mod regress;
pub mod report;
pub mod select;
pub mod selfcheck;
pub mod snapshot;
mod step;
pub mod sweep;
pub mod target;
pub mod terminal;
pub mod transcript;
pub mod vars;

use futures_util::{FutureExt, StreamExt};

pub use baseline::Baseline;
pub use outcome::Outcome;
pub use prepare::{Prepared, prepare};
pub use report::{CaseReport, RunInfo};
pub use snapshot::SnapshotMode;
pub use target::{Endpoint, Target, TargetSpec};

/// How a run behaves, whatever the target.
#[derive(Debug, Clone)]
pub struct Options {
    /// SHOULD violations fail instead of warning.
    pub strict: bool,
    /// Leave the scratch projects in place.
    pub keep: bool,
    /// Cases expected to fail.
    pub baseline: Baseline,
    /// Short, unique to the run: in scratch project names and `$run`.
    pub run_id: String,
    /// When the run started (ms since the epoch): the start of the timestamp window.
    pub started_ms: i64,
    /// `None`: insta on the oracle (the reference server without faults) run from its
    /// sources, read-only comparison elsewhere.
    pub snapshots: Option<SnapshotMode>,
    /// The target flags of a `dxconform run` line that reruns a case (no secrets).
    pub rerun_flags: String,
    /// Keep each step's normalized answer (`--record`, `--compare`).
    pub record_answers: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            keep: false,
            baseline: Baseline::default(),
            run_id: new_run_id(),
            started_ms: check::now_ms(),
            snapshots: None,
            rerun_flags: String::new(),
            record_answers: false,
        }
    }
}

impl Options {
    pub fn snapshot_mode(&self, target: &Target) -> SnapshotMode {
        self.snapshots
            .unwrap_or(if target.is_oracle() && snapshot::sources_available() {
                SnapshotMode::Insta
            } else {
                SnapshotMode::Compare
            })
    }

    /// `$run` for a case: 12 characters, the run id then a hash of the case name, so
    /// that two cases choosing the same nonce text never collide within a run.
    pub fn run_value(&self, case: &str) -> String {
        // FNV-1a: stable across processes and platforms, unlike std's hasher.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in case.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let mut out: String = self.run_id.chars().take(6).collect();
        while out.len() < 12 {
            out.push(ALPHABET[(hash % 36) as usize] as char);
            hash /= 36;
        }
        out
    }
}

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Six characters from the clock and a random source: short enough for project names,
/// distinct between runs.
pub fn new_run_id() -> String {
    let mut seed = (check::now_ms() as u64) ^ fastrand::u64(..);
    (0..6)
        .map(|_| {
            let c = ALPHABET[(seed % 36) as usize] as char;
            seed /= 36;
            c
        })
        .collect()
}

/// Run `cases` against the resolved `target`, at most `concurrency` at once, the longest
/// first ([`Prepared::cost`]), calling `done` as each finishes; the reports in the order
/// they finished. Once the target is
/// found dead no further case starts (the ones running end at their next request), so a
/// dead target costs one message, not one failure per case. A case that panics is a
/// failure naming the panic, not the end of the run.
pub async fn run_all(
    cases: &[Prepared],
    target: &Target,
    options: &Options,
    concurrency: usize,
    mut done: impl FnMut(&CaseReport),
) -> Vec<CaseReport> {
    let dead = || target.get().ok().and_then(|r| r.health.dead());
    let mut reports = Vec::with_capacity(cases.len());
    let mut longest_first: Vec<&Prepared> = cases.iter().collect();
    longest_first.sort_by_key(|c| std::cmp::Reverse(c.cost()));
    let mut running =
        futures_util::stream::iter(longest_first.into_iter().map(|case| async move {
            if let Some(reason) = dead() {
                let mut report = CaseReport::new(case);
                report.aborted = Some(reason);
                return report;
            }
            std::panic::AssertUnwindSafe(exec::run_case(case, target, options))
                .catch_unwind()
                .await
                .unwrap_or_else(|panic| {
                    let text = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    let mut report = CaseReport::new(case);
                    report.outcome = Outcome::Fail;
                    report.message =
                        Some(format!("{}: the runner panicked: {text}", case.case.name));
                    report
                })
        }))
        .buffer_unordered(concurrency.max(1));
    while let Some(report) = running.next().await {
        done(&report);
        reports.push(report);
    }
    reports
}

/// Run `cases` against `target` outside any runtime (the self-check's and the tests'
/// entry point), `concurrency` at once, and return the reports sorted by name. The
/// target is resolved first; if that fails, every case fails saying why.
pub fn run_cases(
    cases: &[Prepared],
    target: &Target,
    options: &Options,
    concurrency: usize,
) -> Vec<CaseReport> {
    // Resolve outside `block_on`: resolving may start the embedded server.
    let _ = target.resolve();
    let mut reports = client::RT.block_on(run_all(cases, target, options, concurrency, |_| {}));
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    reports
}
