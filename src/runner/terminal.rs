//! What a run prints: libtest's format for each case (so people and tools used to
//! `cargo test` read it as they always have), a progress counter on a terminal, and one
//! summary at the end (issue 10, point 4).
//!
//! - `--format pretty` (the default): `test NAME ... ok` as each case finishes; the
//!   outcomes libtest lacks read `warn`, `xfail (baseline)` and `XPASS`.
//!   `--format terse` (`-q`): one character per case (`.`, `F`, `i`, `w`, `x`, `X`).
//!   `--format json`: libtest's JSON events on stdout (warn and xfail as `ok`, xpass as
//!   `failed`), the human summary on stderr.
//! - The progress counter goes to stderr, and only when stderr is a terminal (indicatif
//!   hides it otherwise), so logs and pipes never see it.
//! - The summary: failures with their whole message; warnings whole when few, else one
//!   line per violation;
//!   the violated items, each with how many cases violate it, so one root cause reads as
//!   one line; ignore reasons with counts; notes; then the counts line
//!   (`dxconform: 300 passed, 2 failed, ...`) and the run's facts.
//!
//! This module is the harness printer: one of the two places allowed to print.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::Write as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use libtest_mimic::FormatSetting;
use serde_json::json;

use super::outcome::Outcome;
use super::report::{CaseReport, RunInfo, summary_line};

/// How many case names an item's summary line shows before "and N more".
const NAMES_SHOWN: usize = 3;

/// Up to this many warnings are shown whole; more, one line per violation.
const WARNINGS_IN_FULL: usize = 10;

/// The live part of the output.
pub struct Terminal {
    format: FormatSetting,
    width: usize,
    progress: ProgressBar,
}

impl Terminal {
    /// A printer for `total` cases whose longest name is `width` characters.
    pub fn new(format: FormatSetting, total: usize, width: usize) -> Terminal {
        // Terse output is its own progress: a counter on the same line would erase it.
        let target = if format == FormatSetting::Terse {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let progress = ProgressBar::with_draw_target(Some(total as u64), target);
        if let Ok(style) = ProgressStyle::with_template("{pos}/{len} cases {elapsed} {wide_msg}") {
            progress.set_style(style);
        }
        Terminal {
            format,
            width,
            progress,
        }
    }

    /// The lines before the first case: what runs against what.
    pub fn start(&self, header: &[String], total: usize) {
        let text: String = header.iter().map(|l| format!("{l}\n")).collect();
        match self.format {
            FormatSetting::Json => {
                eprint!("{text}");
                println!(r#"{{ "type": "suite", "event": "started", "test_count": {total} }}"#);
            }
            _ => {
                print!("{text}");
                println!(
                    "\nrunning {total} case{}",
                    if total == 1 { "" } else { "s" }
                );
            }
        }
        let _ = std::io::stdout().flush();
    }

    /// A case finished.
    pub fn case_done(&self, r: &CaseReport) {
        if r.aborted.is_some() {
            self.progress.inc(1);
            return;
        }
        self.progress.suspend(|| {
            match self.format {
                FormatSetting::Pretty => {
                    let word = match r.outcome {
                        Outcome::Pass => "ok".to_string(),
                        Outcome::Fail => "FAILED".to_string(),
                        Outcome::Warn => "warn".to_string(),
                        Outcome::Xfail => "xfail (baseline)".to_string(),
                        Outcome::Xpass => "XPASS (listed in the baseline, now passing)".to_string(),
                        Outcome::Ignored => {
                            format!("ignored ({})", r.message.as_deref().unwrap_or(""))
                        }
                    };
                    println!("test {:<w$} ... {word}", r.name, w = self.width);
                }
                FormatSetting::Terse => {
                    let c = match r.outcome {
                        Outcome::Pass => '.',
                        Outcome::Fail => 'F',
                        Outcome::Warn => 'w',
                        Outcome::Xfail => 'x',
                        Outcome::Xpass => 'X',
                        Outcome::Ignored => 'i',
                    };
                    print!("{c}");
                }
                FormatSetting::Json => {
                    let event = match r.outcome {
                        Outcome::Pass | Outcome::Warn | Outcome::Xfail => "ok",
                        Outcome::Fail | Outcome::Xpass => "failed",
                        Outcome::Ignored => "ignored",
                    };
                    let mut line = json!({"type": "test", "name": r.name, "event": event});
                    if let (Some(m), "failed") = (&r.message, event) {
                        line["stdout"] = json!(m);
                    }
                    println!("{line}");
                }
            }
            let _ = std::io::stdout().flush();
        });
        self.progress.inc(1);
    }

    /// The run is over: clear the counter, print the summary (on stderr for `--format
    /// json`, whose stdout holds only events).
    pub fn finish(
        &self,
        reports: &[CaseReport],
        summary: &str,
        run: &RunInfo,
        filtered_out: usize,
    ) {
        self.progress.finish_and_clear();
        if self.format == FormatSetting::Json {
            let counts = super::report::counts(reports);
            let n = |o: Outcome| counts.get(&o).copied().unwrap_or(0);
            println!(
                "{}",
                json!({"type": "suite", "event": if reports.iter().any(|r| r.outcome.fails_run()) { "failed" } else { "ok" },
                       "passed": n(Outcome::Pass) + n(Outcome::Warn) + n(Outcome::Xfail),
                       "failed": n(Outcome::Fail) + n(Outcome::Xpass), "ignored": n(Outcome::Ignored),
                       "measured": 0, "filtered_out": filtered_out, "exec_time": run.duration_ms as f64 / 1000.0})
            );
            eprint!("{summary}");
        } else {
            if self.format == FormatSetting::Terse {
                println!();
            }
            print!("{summary}");
        }
        let _ = std::io::stdout().flush();
    }
}

/// Print a message that ends the run early (set-up broken, target dead), on stderr.
pub fn fatal(message: &str) {
    eprintln!("dxconform: {message}");
}

/// The summary after the cases: everything a reader needs, each thing once.
pub fn summary(reports: &[CaseReport], run: &RunInfo, filtered_out: usize, extra: &str) -> String {
    let mut out = String::new();
    let failed: Vec<&CaseReport> = reports.iter().filter(|r| r.outcome.fails_run()).collect();
    if !failed.is_empty() {
        out.push_str("\nfailures:\n");
        for r in &failed {
            out.push_str(&format!(
                "\n---- {} ----\n{}\n",
                r.name,
                r.message.as_deref().unwrap_or("")
            ));
        }
    }
    let warned: Vec<&CaseReport> = reports
        .iter()
        .filter(|r| r.outcome == Outcome::Warn)
        .collect();
    if !warned.is_empty() && warned.len() <= WARNINGS_IN_FULL {
        out.push_str(&format!(
            "\nwarnings: {} case(s) violate only SHOULD items (failures under --strict):\n",
            warned.len()
        ));
        for r in &warned {
            out.push_str(&format!(
                "\n---- {} (warning) ----\n{}\n",
                r.name,
                r.message.as_deref().unwrap_or("")
            ));
        }
    } else if !warned.is_empty() {
        out.push_str(&format!(
            "\nwarnings: {} case(s) violate only SHOULD items (failures under --strict; each whole with `dxconform run --exact NAME`, or in the --json report):\n",
            warned.len()
        ));
        for r in &warned {
            for v in &r.violations {
                out.push_str(&format!(
                    "  {}: step {}: [{} {}] {}\n",
                    r.name,
                    v.step,
                    v.level,
                    v.items.join(", "),
                    super::report::clip(v.text.lines().next().unwrap_or(""), 200)
                ));
            }
        }
    }
    out.push_str(&violated_items(reports));
    let xfailed: Vec<&str> = reports
        .iter()
        .filter(|r| r.outcome == Outcome::Xfail)
        .map(|r| r.name.as_str())
        .collect();
    if !xfailed.is_empty() {
        out.push_str(&format!(
            "\nfailing as the baseline expects ({}): {}\n",
            xfailed.len(),
            xfailed.join(", ")
        ));
    }
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reports.iter().filter(|r| r.outcome == Outcome::Ignored) {
        *reasons
            .entry(r.message.as_deref().unwrap_or("no reason given"))
            .or_default() += 1;
    }
    if !reasons.is_empty() {
        out.push_str("\nignored:\n");
        for (reason, n) in reasons {
            out.push_str(&format!("  {n} case(s): {reason}\n"));
        }
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
    out.push_str(extra);
    if run.throttled > 0 {
        out.push_str(&format!(
            "\nthrottled answers waited out: {}\n",
            run.throttled
        ));
    }
    out.push_str(&format!("\ndxconform: {}\n", summary_line(reports)));
    out.push_str(&format!(
        "dxconform: {} case(s) against {} in {:.1}s, {} requests ({} at a time), {} filtered out\n",
        reports.len(),
        run.target,
        run.duration_ms as f64 / 1000.0,
        run.requests,
        run.concurrency,
        filtered_out
    ));
    out
}

/// One line per violated item, most cases first: `MUST item: N case(s) (a, b, ...)`.
pub fn violated_items(reports: &[CaseReport]) -> String {
    let mut by_item: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for r in reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Fail | Outcome::Warn | Outcome::Xfail))
    {
        for v in &r.violations {
            for item in &v.items {
                let names = by_item.entry((v.level.clone(), item.clone())).or_default();
                if names.last() != Some(&r.name.as_str()) {
                    names.push(&r.name);
                }
            }
        }
    }
    if by_item.is_empty() {
        return String::new();
    }
    let mut rows: Vec<_> = by_item.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then((a.0.0 != "MUST").cmp(&(b.0.0 != "MUST")))
            .then(a.0.1.cmp(&b.0.1))
    });
    let mut out = format!(
        "\nviolated items ({}), each with the cases that violate it:\n",
        rows.len()
    );
    for ((level, item), names) in rows {
        let shown: Vec<&str> = names.iter().take(NAMES_SHOWN).copied().collect();
        let more = names.len().saturating_sub(NAMES_SHOWN);
        out.push_str(&format!(
            "  {level} {item}: {} case{} ({}{})\n",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::fact::ViolationReport;

    fn report(name: &str, outcome: Outcome, item: &str, level: &str) -> CaseReport {
        CaseReport {
            name: name.into(),
            level: level.into(),
            outcome,
            message: Some("why".into()),
            violations: vec![ViolationReport {
                step: 1,
                items: vec![item.into()],
                level: level.into(),
                text: "expected 422, got 400".into(),
            }],
            ..CaseReport::default()
        }
    }

    #[test]
    fn one_root_cause_reads_as_one_line() {
        let reports: Vec<CaseReport> = (0..5)
            .map(|i| {
                report(
                    &format!("a::c{i}"),
                    Outcome::Warn,
                    "protocols#status.422",
                    "SHOULD",
                )
            })
            .chain([report(
                "b::x",
                Outcome::Fail,
                "record/new#input.tags",
                "MUST",
            )])
            .collect();
        let text = violated_items(&reports);
        assert!(
            text.contains("SHOULD protocols#status.422: 5 cases (a::c0, a::c1, a::c2, and 2 more)"),
            "{text}"
        );
        assert!(
            text.contains("MUST record/new#input.tags: 1 case (b::x)"),
            "{text}"
        );
        let run = RunInfo {
            target: "t".into(),
            requests: 7,
            ..RunInfo::default()
        };
        let all = summary(&reports, &run, 0, "");
        assert!(
            all.contains("\ndxconform: 0 passed, 1 failed, 5 warned\n"),
            "{all}"
        );
        assert_eq!(all.matches("---- b::x ----").count(), 1);
        assert!(all.contains("7 requests"));
    }
}
