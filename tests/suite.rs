//! The whole suite against the embedded reference server, one libtest-mimic trial per
//! case, so that `cargo test` and `cargo nextest run` run every case.
//!
//! `cargo test` passes only libtest flags, so the rest of the configuration comes from
//! the environment (`DXCONFORM_ENDPOINT`, `DXCONFORM_TOKEN`, `DXCONFORM_STRICT`,
//! `DXCONFORM_JUNIT`, ...; see `dxconform run --help`). The dx client's `DX_APISERVER_*`
//! variables are deliberately not read here: `cargo test` stays hermetic.

use std::collections::BTreeSet;
use std::process::ExitCode;

use clap::Parser;
use dxconform::cli::RunArgs;
use dxconform::runner::{self, Suite, Target, client};

/// `RunArgs` as the whole command line of this harness.
#[derive(Parser)]
#[command(name = "suite")]
struct Harness {
    #[command(flatten)]
    run: RunArgs,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Harness::parse().run;
    let spec = match args.target_spec(|k| std::env::var(k).ok(), false) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("suite: {e}");
            return ExitCode::from(2);
        }
    };
    let known: BTreeSet<&str> = dxconform::cases::tables()
        .iter()
        .flat_map(|t| t.cases.iter().map(|c| c.name))
        .collect();
    let suite = match args
        .options(&known)
        .and_then(|o| Suite::new(Target::new(spec), o))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("suite: {e}");
            return ExitCode::from(2);
        }
    };
    let conclusion = libtest_mimic::run(&args.libtest, suite.trials());
    if args.libtest.list {
        return conclusion.exit_code();
    }
    let reports = suite.finished_reports(|t| !args.libtest.is_filtered_out(t));
    print!("{}", runner::epilogue(&reports, client::throttled()));
    let run = suite.run_info(args.flags(), started.elapsed());
    if let Err(e) = runner::write_reports(
        &reports,
        &run,
        args.json.as_deref(),
        args.junit.as_deref(),
        args.html.as_deref(),
    ) {
        eprintln!("suite: {e}");
        return ExitCode::from(2);
    }
    conclusion.exit_code()
}
