//! The self-check, both ways: the suite must catch every fault of the reference server and
//! pass every benign variant (ARCHITECTURE.md, "The self-check, both ways").
//!
//! One trial runs every case against the reference server with nothing switched on,
//! `--strict`: everything must pass. One trial per fault (`src/server/faults.rs`) must see
//! it caught; one trial per variant (`src/server/variants.rs`) must see it pass, with
//! `--strict` when the variant changes nothing documented or observed. The scoring rule
//! is the library's ([`dxconform::runner::selfcheck`]), the one `dxconform faults` uses.
//! At the end the score line is printed: `selfcheck: caught F/F faults, passed V/V
//! variants`.
//!
//! A libtest-mimic harness like the suite, so `--list`, filters and nextest work.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use dxconform::runner::selfcheck::{self, FaultScore, VariantScore};
use dxconform::runner::{self, Prepared};
use dxconform::server::faults::FAULTS;
use dxconform::server::variants::{Strictness, VARIANTS};
use libtest_mimic::{Arguments, Failed, Trial};

/// How many cases to run at once inside one trial; trials themselves also run in parallel.
const THREADS: usize = 2;

fn clean(cases: &[Prepared]) -> Result<(), Failed> {
    let failed = selfcheck::clean_run(cases, THREADS);
    if failed.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "{} case(s) fail against the reference server with nothing switched on (--strict):",
        failed.len()
    );
    for r in failed.iter().take(5) {
        message.push_str(&format!("\n\n{}", r.message.as_deref().unwrap_or(&r.name)));
    }
    Err(message.into())
}

fn fault_verdict(score: &FaultScore, description: &str, items: &[&str]) -> Result<(), Failed> {
    if score.caught() {
        return Ok(());
    }
    Err(format!(
        "fault {} survived: no case failed on a fact proving one of its items ({} case(s) can prove one).\n  it: {description}\n  it breaks: {}\n  other cases that failed: {:?}\n  add or sharpen a case checking one of these items",
        score.name,
        score.relevant,
        items.join(", "),
        score.other_failures.iter().take(5).collect::<Vec<_>>()
    )
    .into())
}

fn variant_verdict(score: &VariantScore) -> Result<(), Failed> {
    if score.passed() {
        return Ok(());
    }
    let mut message = format!(
        "variant {} (a difference the documentation allows) failed {} case(s){}:",
        score.name,
        score.failures.len(),
        if score.strict { " with --strict" } else { "" }
    );
    for r in score.failures.iter().take(3) {
        message.push_str(&format!("\n\n{}", r.message.as_deref().unwrap_or(&r.name)));
    }
    Err(message.into())
}

enum Score {
    Fault(FaultScore),
    Variant(VariantScore),
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let cases = match runner::prepare(dxconform::cases::tables()) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("selfcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let scores: Arc<Mutex<Vec<Score>>> = Arc::default();
    let mut trials = vec![{
        let cases = cases.clone();
        Trial::test("selfcheck::nothing_switched_on_all_pass", move || {
            clean(&cases)
        })
    }];
    for &fault in FAULTS.iter() {
        let (cases, scores) = (cases.clone(), scores.clone());
        trials.push(Trial::test(
            format!("selfcheck::fault::{}", fault.name),
            move || {
                let score = selfcheck::score_fault(&cases, fault.name, fault.items, THREADS);
                let verdict = fault_verdict(&score, fault.description, fault.items);
                if let Ok(mut s) = scores.lock() {
                    s.push(Score::Fault(score));
                }
                verdict
            },
        ));
    }
    for variant in VARIANTS.iter() {
        let (cases, scores) = (cases.clone(), scores.clone());
        trials.push(Trial::test(
            format!("selfcheck::variant::{}", variant.name),
            move || {
                let strict = variant.strictness == Strictness::Strict;
                let score = selfcheck::score_variant(&cases, variant.name, strict, THREADS);
                let verdict = variant_verdict(&score);
                if let Ok(mut s) = scores.lock() {
                    s.push(Score::Variant(score));
                }
                verdict
            },
        ));
    }
    trials.sort_by(|a, b| a.name().cmp(b.name()));
    let conclusion = libtest_mimic::run(&args, trials);
    if !args.list
        && let Ok(scores) = scores.lock()
        && !scores.is_empty()
    {
        let mut faults = Vec::new();
        let mut variants = Vec::new();
        for s in scores.iter() {
            match s {
                Score::Fault(f) => faults.push(f.clone()),
                Score::Variant(v) => variants.push(v.clone()),
            }
        }
        faults.sort_by_key(|f| f.name);
        variants.sort_by_key(|v| v.name);
        for f in faults.iter().filter(|f| !f.caught()) {
            println!("fault {} SURVIVED", f.name);
        }
        for v in variants.iter().filter(|v| !v.passed()) {
            println!("variant {} FAILED {} case(s)", v.name, v.failures.len());
        }
        println!("{}", selfcheck::score_line(&faults, &variants));
    }
    conclusion.exit_code()
}
