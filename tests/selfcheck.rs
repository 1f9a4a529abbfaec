//! The self-check (issue 4): the suite is worth the violations it catches.
//!
//! One trial runs every case against the reference server with no fault: everything must
//! pass. Then one trial per fault of `src/server/faults.rs` runs every case against a
//! reference server with that fault switched on: at least one case must fail. Runs are
//! `--strict`, so a fault that breaks only SHOULD items must still be caught. Snapshots are
//! compared read-only: a faulty server must never write the oracle. At the end the score
//! is printed and the faults that survived are listed.
//!
//! A libtest-mimic harness like the suite, so `--list`, filters and nextest work.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use dxconform::runner::{self, CaseReport, Options, Outcome, SnapshotMode, Target};
use dxconform::server::faults::{FAULTS, Fault};
use libtest_mimic::{Arguments, Failed, Trial};

/// How many cases to run at once inside one trial; trials themselves also run in parallel.
const THREADS: usize = 2;

fn options() -> Options {
    Options {
        strict: true,
        snapshots: Some(SnapshotMode::Compare),
        ..Options::default()
    }
}

fn failures(reports: &[CaseReport]) -> Vec<&CaseReport> {
    reports
        .iter()
        .filter(|r| r.outcome == Outcome::Fail)
        .collect()
}

fn clean(cases: &[runner::Prepared]) -> Result<(), Failed> {
    let reports = runner::run_cases(cases, &Target::embedded(Vec::new()), &options(), THREADS);
    let failed = failures(&reports);
    if failed.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "{} case(s) fail against the reference server with no fault:",
        failed.len()
    );
    for r in failed.iter().take(5) {
        message.push_str(&format!("\n\n{}", r.message.as_deref().unwrap_or(&r.name)));
    }
    Err(message.into())
}

/// Run every case with `fault` on; `Ok` names the cases that caught it.
///
/// A fault counts as caught only by a failing case that names one of the items the fault
/// claims to break: a case failing for an unrelated reason would be a lucky catch, and
/// would hide a catalogue entry that no case really checks.
fn with_fault(cases: &[runner::Prepared], fault: &Fault) -> Result<Vec<String>, String> {
    let unknown: Vec<_> = fault
        .items
        .iter()
        .filter(|id| dxconform::spec::find_item(dxconform::cases::TABLES, id).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "fault {} names items the catalogue does not have: {unknown:?}",
            fault.name
        ));
    }
    let target = Target::embedded(vec![fault.name.to_string()]);
    let reports = runner::run_cases(cases, &target, &options(), THREADS);
    let failed = failures(&reports);
    let caught: Vec<String> = failed
        .iter()
        .filter(|r| r.items.iter().any(|i| fault.items.contains(&i.as_str())))
        .map(|r| r.name.clone())
        .collect();
    if caught.is_empty() {
        let others: Vec<&str> = failed.iter().map(|r| r.name.as_str()).take(5).collect();
        Err(format!(
            "fault {} survived: no case checking its items failed with it on.\n  it: {}\n  it breaks: {}\n  other cases that failed: {others:?}\n  add or sharpen a case checking one of these items",
            fault.name,
            fault.description,
            fault.items.join(", ")
        ))
    } else {
        Ok(caught)
    }
}

/// A fault and the cases that caught it (or why it survived).
type Score = (&'static str, Result<Vec<String>, String>);

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let cases = match runner::prepare(dxconform::cases::TABLES) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("selfcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let score: Arc<Mutex<Vec<Score>>> = Arc::default();
    let mut trials = vec![{
        let cases = cases.clone();
        Trial::test("selfcheck::no_fault_all_pass", move || clean(&cases))
    }];
    for fault in FAULTS {
        let (cases, score) = (cases.clone(), score.clone());
        trials.push(Trial::test(
            format!("selfcheck::fault::{}", fault.name),
            move || {
                let result = with_fault(&cases, fault);
                let outcome = result.clone().map(|_| ()).map_err(Failed::from);
                if let Ok(mut s) = score.lock() {
                    s.push((fault.name, result));
                }
                outcome
            },
        ));
    }
    trials.sort_by(|a, b| a.name().cmp(b.name()));
    let conclusion = libtest_mimic::run(&args, trials);
    if !args.list
        && let Ok(mut score) = score.lock()
        && !score.is_empty()
    {
        score.sort_by_key(|(name, _)| *name);
        println!("\nfault                            caught by");
        for (name, result) in score.iter() {
            match result {
                Ok(cases) => println!(
                    "{name:<32} {} case(s): {}{}",
                    cases.len(),
                    cases.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                    if cases.len() > 3 { ", ..." } else { "" }
                ),
                Err(_) => println!("{name:<32} SURVIVED"),
            }
        }
        let caught = score.iter().filter(|(_, r)| r.is_ok()).count();
        println!("selfcheck: caught {caught}/{} faults", score.len());
    }
    conclusion.exit_code()
}
