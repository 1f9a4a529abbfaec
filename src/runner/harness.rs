//! The one run flow, shared by `dxconform run` (`src/main.rs`) and `cargo test`'s suite
//! (`tests/suite.rs`), so both select, check, run, print and gate alike:
//!
//! 1. the command line: target, names, selection, baseline (usage errors: exit 2);
//! 2. the cases, selected by libtest's rules and ours; `--list` stops here, having
//!    touched nothing;
//! 3. the set-up check ([`super::preflight`]): one message and exit 2 if it fails;
//! 4. every selected case, concurrently, printed as it finishes;
//! 5. the summary, the reports, the baseline, the recording; exit 0, 1, or 2 when the
//!    target died during the run.
//!
//! This is the harness printer's other half: it may print.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use libtest_mimic::{FormatSetting, Trial};

use crate::cli::RunArgs;

use super::report::{self, CaseReport, RunInfo};
use super::select::Selection;
use super::target::TargetSpec;
use super::terminal::{self, Terminal};
use super::{Options, Outcome, Prepared, Target, client, exec, preflight, regress};

/// Exit status of a usage or set-up error (and of a target that died during the run).
pub const USAGE: u8 = 2;

fn usage(message: impl std::fmt::Display) -> ExitCode {
    terminal::fatal(&message.to_string());
    ExitCode::from(USAGE)
}

/// Run the suite as `args` say. `dx_env`: read the `dx` client's environment (the CLI
/// does; `cargo test` does not, so that it stays hermetic).
pub fn run(args: &RunArgs, dx_env: bool) -> ExitCode {
    let started = Instant::now();
    let spec = match args.target_spec(|k| std::env::var(k).ok(), dx_env) {
        Ok(s) => s,
        Err(e) => return usage(e),
    };
    if matches!(spec, TargetSpec::Endpoint(_)) {
        // Nothing is served from this process: one thread sends everything.
        client::single_threaded();
    }
    let cases = match super::prepare(crate::cases::tables()) {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    let known: BTreeSet<&str> = cases.iter().map(|c| c.case.name).collect();
    let mut options = match args.options(&known) {
        Ok(o) => o,
        Err(e) => return usage(e),
    };
    options.rerun_flags = args.rerun_flags(&spec);
    let selection = match Selection::new(
        crate::cases::tables(),
        args.level.map(|l| l.level()),
        &args.page,
        &args.item,
        args.rerun_failed.as_deref(),
    ) {
        Ok(s) => s,
        Err(e) => return usage(e),
    };
    if let Some(dir) = &args.compare
        && let Err(e) = regress::check_recording(dir)
    {
        return usage(e);
    }
    let embedded = matches!(spec, TargetSpec::Embedded { .. });
    let per_request = if embedded { 3 } else { 2 };
    let target = Target::new(spec);

    // Selection: libtest's filter rules on our names, then ours.
    let mut chosen: Vec<(&Prepared, bool)> = Vec::new();
    let mut filtered_out = 0;
    for case in &cases {
        let ignored = exec::not_applicable(case, &target).is_some();
        let probe = Trial::test(case.case.name, || Ok(())).with_ignored_flag(ignored);
        if args.libtest.is_filtered_out(&probe) || !selection.selects(case) {
            filtered_out += 1;
            continue;
        }
        chosen.push((case, args.libtest.is_ignored(&probe)));
    }
    if args.libtest.list {
        for (case, _) in &chosen {
            let ignored = exec::not_applicable(case, &target).is_some();
            if !args.libtest.ignored || ignored {
                println!("{}: test", case.case.name);
            }
        }
        return ExitCode::SUCCESS;
    }
    if chosen.is_empty() {
        if selection.names.as_ref().is_some_and(|n| n.is_empty()) {
            println!("dxconform: nothing to rerun: no case failed or warned in that report");
            return ExitCode::SUCCESS;
        }
        let what = args.libtest.filter.as_deref().unwrap_or("the selection");
        return usage(format!(
            "no case matches {what:?} (see `dxconform run --list`)"
        ));
    }

    // The set-up check.
    client::set_timeout(args.timeout);
    let setup = match preflight::check(&target, &options.run_id) {
        Ok(s) => s,
        Err(e) => return usage(format!("the set-up is not usable, so no case ran:\n  {e}")),
    };

    // Each case has at most one request in flight, which holds a pooled connection (and,
    // with the server in this process, its other end) while a closed one may still be
    // on its way out: two descriptors per case, three embedded. A limit too low for the
    // flag lowers it, rather than failing cases with "too many open files".
    let concurrency = args
        .concurrency(embedded)
        .min(client::in_flight_budget(per_request));
    let width = chosen
        .iter()
        .map(|(c, _)| c.case.name.len())
        .max()
        .unwrap_or(0);
    let format = if args.libtest.quiet {
        FormatSetting::Terse
    } else {
        args.libtest.format.unwrap_or(FormatSetting::Pretty)
    };
    let term = Terminal::new(format, chosen.len(), width);
    let mut header = vec![format!(
        "dxconform {}: {} case(s) against {} (run {}), {concurrency} at a time",
        env!("CARGO_PKG_VERSION"),
        chosen.len(),
        target.label(),
        options.run_id
    )];
    header.push(format!("set-up: {}", setup.lines.join("; ")));
    term.start(&header, chosen.len());

    // Statically ignored cases report their reason without running.
    let mut reports: Vec<CaseReport> = Vec::new();
    let mut to_run: Vec<Prepared> = Vec::new();
    for (case, ignored) in &chosen {
        if *ignored {
            let mut r = CaseReport::new(case);
            r.outcome = Outcome::Ignored;
            r.message = exec::not_applicable(case, &target);
            term.case_done(&r);
            reports.push(r);
        } else {
            to_run.push((*case).clone());
        }
    }
    let ran = client::RT.block_on(super::run_all(
        &to_run,
        &target,
        &options,
        concurrency,
        |r| term.case_done(r),
    ));
    let dead = ran.iter().find_map(|r| r.aborted.clone());
    reports.extend(ran.into_iter().filter(|r| r.aborted.is_none()));
    reports.sort_by(|a, b| a.name.cmp(&b.name));

    let run = RunInfo {
        concurrency,
        aborted: dead.clone(),
        ..run_info(&target, &options, args, started)
    };
    let mut extra = String::new();
    let comparison = match &args.compare {
        Some(dir) => match regress::compare(dir, &reports) {
            Ok(c) => {
                extra.push_str(&c.text());
                Some(c)
            }
            Err(e) => {
                extra.push_str(&format!("\n--compare: {e}\n"));
                None
            }
        },
        None => None,
    };
    let kept: Vec<&(String, String)> = reports.iter().flat_map(|r| r.kept.iter()).collect();
    if !kept.is_empty() {
        extra.push_str(&format!(
            "\nkept {} scratch project(s) (--keep; marked `{}={}`; `dxconform sweep --older-than 0s` removes them):\n",
            kept.len(),
            super::sweep::RUN_PROPERTY,
            options.run_id
        ));
        for (id, name) in kept {
            extra.push_str(&format!("  {id}  {name}\n"));
        }
    }
    term.finish(
        &reports,
        &terminal::summary(&reports, &run, filtered_out, &extra),
        &run,
        filtered_out,
    );

    let mut trouble = Vec::new();
    let comparison_json = comparison
        .as_ref()
        .and_then(|c| serde_json::to_value(c).ok());
    if let Err(e) = write_reports(&reports, &run, args, comparison_json.as_ref()) {
        trouble.push(e);
    }
    if let Some(path) = &args.write_baseline {
        let header = [
            format!(
                "dxconform baseline: the cases failing against {}",
                run.target
            ),
            format!(
                "written by run {} on {} (dxconform {})",
                run.run_id, run.started, run.version
            ),
        ];
        if let Err(e) = std::fs::write(path, super::baseline::write(&reports, &header)) {
            trouble.push(format!("cannot write the baseline {}: {e}", path.display()));
        }
    }
    if let Some(dir) = &args.record {
        match regress::record(dir, &reports, &run.target) {
            Ok(n) => println!("dxconform: recorded {n} answer(s) into {}", dir.display()),
            Err(e) => trouble.push(e),
        }
    }
    if let Some(reason) = dead {
        return usage(format!(
            "{reason}; the run stopped, {} of {} case(s) finished. Is the endpoint up?",
            reports.len(),
            chosen.len()
        ));
    }
    if !trouble.is_empty() {
        return usage(trouble.join("\n"));
    }
    if reports.iter().any(|r| r.outcome.fails_run()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The run's facts for the reports.
fn run_info(target: &Target, options: &Options, args: &RunArgs, started: Instant) -> RunInfo {
    let at =
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(options.started_ms.max(0) as u64);
    RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        run_id: options.run_id.clone(),
        target: target.label(),
        started: humantime::format_rfc3339_seconds(at).to_string(),
        flags: args.flags(),
        duration_ms: started.elapsed().as_millis() as u64,
        requests: client::requests(),
        throttled: client::throttled(),
        concurrency: 0,
        aborted: None,
    }
}

/// Write the reports asked for.
fn write_reports(
    reports: &[CaseReport],
    run: &RunInfo,
    args: &RunArgs,
    comparison: Option<&serde_json::Value>,
) -> Result<(), String> {
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    if let Some(p) = &args.json {
        write(p, report::json_with(reports, run, comparison))?;
    }
    if let Some(p) = &args.junit {
        write(p, report::junit(reports, run)?)?;
    }
    if let Some(p) = &args.html {
        write(p, report::html(reports, crate::cases::tables(), run))?;
    }
    Ok(())
}
