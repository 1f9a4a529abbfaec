//! The runner: case tables in, libtest-mimic trials (or plain [`CaseReport`]s) out.
//!
//! Start-up parses and validates every case ([`prepare`]); a malformed table is a hard
//! error naming the case. Each case becomes one trial named by the case, sorted and
//! unique, so `cargo test -- records::` and nextest filtersets work. A trial runs the case
//! against a [`Target`] ([`exec`]), judges the result ([`outcome`]) and records a
//! [`CaseReport`] for the JSON, JUnit and HTML reports ([`report`]).
//!
//! # Layout
//!
//! - [`client`]: the one tokio runtime and HTTP client; throttling and time-outs.
//! - [`target`]: the embedded server or an endpoint; principals and their tokens.
//! - [`prepare`]: start-up parsing and validation of the tables.
//! - [`vars`]: placeholder substitution.
//! - [`check`]: the expected status/error and every `Check`.
//! - [`normalize`]: answer normalization for snapshots.
//! - [`snapshot`]: insta snapshots, or read-only comparison for foreign endpoints.
//! - [`fact`]: what each check proves, and violations: the unit of a verdict.
//! - [`exec`]: one case end to end: scratch projects, steps, cleanup, failure message;
//!   `step`: one step in small parts (request, send and page, expect, capture, check,
//!   snapshot).
//! - [`outcome`]: pass/fail/warn/ignored/xfail/xpass from the violated facts, baselines.
//! - [`report`]: case reports and the JSON, JUnit XML and HTML files.
//! - [`selfcheck`]: the scoring rule of faults and variants, shared by `cargo test` and
//!   `dxconform faults`.
//! - [`sweep`]: removing scratch projects crashed runs left behind.
//! - [`coverage`]: the coverage listing.

pub mod check;
pub mod client;
pub mod coverage;
pub mod exec;
pub mod fact;
pub mod normalize;
pub mod outcome;
pub mod prepare;
pub mod report;
pub mod selfcheck;
pub mod snapshot;
mod step;
pub mod sweep;
pub mod target;
pub mod vars;

use std::sync::{Arc, Mutex};

use libtest_mimic::{Completion, Failed, Trial};

pub use outcome::{Baseline, Outcome};
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
    /// `None`: insta on the oracle (the reference server without faults), read-only
    /// comparison elsewhere.
    pub snapshots: Option<SnapshotMode>,
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
        }
    }
}

impl Options {
    pub fn snapshot_mode(&self, target: &Target) -> SnapshotMode {
        self.snapshots.unwrap_or(if target.is_oracle() {
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

/// Everything the trials of one run share.
#[derive(Clone)]
pub struct Suite {
    pub cases: Arc<Vec<Prepared>>,
    pub target: Arc<Target>,
    pub options: Arc<Options>,
    /// Filled by trials as they finish, for the reports.
    pub reports: Arc<Mutex<Vec<CaseReport>>>,
}

impl Suite {
    /// Prepare every table of the catalogue; `Err` names each malformed case.
    pub fn new(target: Target, options: Options) -> Result<Self, String> {
        Ok(Suite {
            cases: Arc::new(prepare(crate::cases::tables())?),
            target: Arc::new(target),
            options: Arc::new(options),
            reports: Arc::default(),
        })
    }

    /// One libtest-mimic trial per case, sorted by name. Cases that cannot apply to the
    /// target carry the static ignored flag (so `--list --ignored` and nextest see it);
    /// forced with `--ignored`, they report the reason.
    pub fn trials(&self) -> Vec<Trial> {
        (0..self.cases.len())
            .map(|i| {
                let case = &self.cases[i];
                let ignored = exec::not_applicable(case, &self.target).is_some();
                let suite = self.clone();
                Trial::ignorable_test(case.case.name, move || suite.run_trial(i))
                    .with_ignored_flag(ignored)
            })
            .collect()
    }

    fn run_trial(&self, index: usize) -> Result<Completion, Failed> {
        let report = exec::run_case(&self.cases[index], &self.target, &self.options);
        let result = match report.outcome {
            Outcome::Pass | Outcome::Warn | Outcome::Xfail => Ok(Completion::Completed),
            Outcome::Ignored => Ok(Completion::ignored_with(
                report.message.clone().unwrap_or_default(),
            )),
            Outcome::Fail | Outcome::Xpass => {
                Err(Failed::from(report.message.clone().unwrap_or_default()))
            }
        };
        if let Ok(mut reports) = self.reports.lock() {
            reports.push(report);
        }
        result
    }

    /// The facts of this run for the reports: `flags` are the command-line flags that change
    /// what is judged, `duration` how long it took.
    pub fn run_info(&self, flags: Vec<String>, duration: std::time::Duration) -> RunInfo {
        let started = std::time::UNIX_EPOCH
            + std::time::Duration::from_millis(self.options.started_ms.max(0) as u64);
        RunInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            run_id: self.options.run_id.clone(),
            target: self.target.label(),
            started: humantime::format_rfc3339_seconds(started).to_string(),
            flags,
            duration_ms: duration.as_millis() as u64,
            requests: client::requests(),
            throttled: client::throttled(),
        }
    }

    /// The reports gathered so far, with the statically ignored cases the run did not
    /// execute, sorted by name. `selected` says which case names the filter kept.
    pub fn finished_reports(&self, selected: impl Fn(&Trial) -> bool) -> Vec<CaseReport> {
        let mut reports = self.reports.lock().map(|r| r.clone()).unwrap_or_default();
        for case in self.cases.iter() {
            let Some(reason) = exec::not_applicable(case, &self.target) else {
                continue;
            };
            let probe = Trial::test(case.case.name, || Ok(())).with_ignored_flag(true);
            if selected(&probe) && !reports.iter().any(|r| r.name == case.case.name) {
                reports.push(CaseReport {
                    name: case.case.name.to_string(),
                    summary: case.case.summary.to_string(),
                    items: case.case.items.iter().map(|s| s.to_string()).collect(),
                    level: case.level.to_string(),
                    outcome: Outcome::Ignored,
                    message: Some(reason),
                    notes: Vec::new(),
                    violations: Vec::new(),
                    duration_ms: 0,
                });
            }
        }
        reports.sort_by(|a, b| a.name.cmp(&b.name));
        reports
    }
}

/// Run `cases` against `target` without libtest (the self-check's entry point), in
/// parallel on `threads` threads, and return the reports sorted by name.
pub fn run_cases(
    cases: &[Prepared],
    target: &Target,
    options: &Options,
    threads: usize,
) -> Vec<CaseReport> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let reports = Mutex::new(Vec::with_capacity(cases.len()));
    // Resolve once up front, outside any `block_on`, so no worker races to start it.
    let _ = target.resolve();
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let report = exec::run_case(case, target, options);
                    if let Ok(mut r) = reports.lock() {
                        r.push(report);
                    }
                }
            });
        }
    });
    let mut reports = reports.into_inner().unwrap_or_default();
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    reports
}

/// The text printed after the libtest output: warnings with their messages, notes, and
/// throttling. Empty when there is nothing to say.
pub fn epilogue(reports: &[CaseReport], throttled: u64) -> String {
    let mut out = String::new();
    let warned: Vec<&CaseReport> = reports
        .iter()
        .filter(|r| r.outcome == Outcome::Warn)
        .collect();
    if !warned.is_empty() {
        out.push_str(&format!(
            "\nwarnings: {} case(s) found a SHOULD item violated (failures under --strict):\n",
            warned.len()
        ));
        for r in warned {
            out.push_str(&format!(
                "\n---- {} (warning) ----\n{}\n",
                r.name,
                r.message.as_deref().unwrap_or("")
            ));
        }
    }
    let xfailed: Vec<&str> = reports
        .iter()
        .filter(|r| r.outcome == Outcome::Xfail)
        .map(|r| r.name.as_str())
        .collect();
    if !xfailed.is_empty() {
        out.push_str(&format!(
            "\nfailing as the baseline expects: {}\n",
            xfailed.join(", ")
        ));
    }
    let noted: Vec<&CaseReport> = reports.iter().filter(|r| !r.notes.is_empty()).collect();
    if !noted.is_empty() {
        out.push_str(&format!(
            "\nnotes ({} case(s), not failures):\n",
            noted.len()
        ));
        for r in noted.iter().take(20) {
            for n in &r.notes {
                out.push_str(&format!("  {}: {n}\n", r.name));
            }
        }
        if noted.len() > 20 {
            out.push_str("  ... (all notes are in the --json report)\n");
        }
    }
    if throttled > 0 {
        out.push_str(&format!("\nthrottled answers waited out: {throttled}\n"));
    }
    out
}

/// Write the reports asked for.
pub fn write_reports(
    reports: &[CaseReport],
    run: &RunInfo,
    json: Option<&std::path::Path>,
    junit: Option<&std::path::Path>,
    html: Option<&std::path::Path>,
) -> Result<(), String> {
    let write = |path: &std::path::Path, text: String| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    if let Some(p) = json {
        write(p, report::json(reports, run))?;
    }
    if let Some(p) = junit {
        write(p, report::junit(reports, run)?)?;
    }
    if let Some(p) = html {
        write(p, report::html(reports, crate::cases::tables(), run))?;
    }
    Ok(())
}
