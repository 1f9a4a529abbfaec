//! The whole suite against the embedded reference server, so that `cargo test` and
//! `cargo nextest run` run every case: the same run flow as `dxconform run`
//! (`dxconform::runner::harness`), with libtest's command line (FILTER, `--exact`,
//! `--list`, `--ignored`...), which is what nextest drives (`--list --format terse`, then
//! `--exact NAME` per case, so `--partition count:K/N` shards it).
//!
//! `cargo test` passes only libtest flags, so the rest of the configuration comes from
//! the environment (`DXCONFORM_ENDPOINT`, `DXCONFORM_TOKEN`, `DXCONFORM_STRICT`,
//! `DXCONFORM_JUNIT`, ...; see `dxconform run --help`). The dx client's `DX_APISERVER_*`
//! variables are deliberately not read here: `cargo test` stays hermetic.

use std::process::ExitCode;

use clap::Parser;
use dxconform::cli::RunArgs;

/// `RunArgs` as the whole command line of this harness.
#[derive(Parser)]
#[command(name = "suite")]
struct Harness {
    #[command(flatten)]
    run: RunArgs,
}

fn main() -> ExitCode {
    dxconform::runner::harness::run(&Harness::parse().run, false)
}
