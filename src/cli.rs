//! The command line (clap derive): doc comments are the help text, and every flag of
//! `run` has an environment fallback because `cargo test` and nextest pass only libtest
//! flags to the suite.
//!
//! The contract (ARCHITECTURE.md, "Command-line contract") is what scripts depend on:
//!
//! ```text
//! dxconform [run] [--endpoint URL] [--token T] [--peer-token T] [--strict] [--baseline FILE]
//!                 [--junit FILE] [--json FILE] [--html FILE] [--keep]
//!                 [FILTER] [--exact] [--skip PATTERN] [--list] [--ignored] [--test-threads N]
//! dxconform serve [--listen ADDR] [--user HANDLE=TOKEN]... [--fault NAME]... [--variant NAME]...
//!                 [--latency MS]
//! dxconform coverage
//! dxconform faults
//! dxconform sweep --endpoint URL --token T
//! ```
//!
//! `run` flags are also accepted without the word `run`, so `cargo run --release` with no
//! argument runs the suite against the embedded reference server.
//!
//! The test-harness flags are libtest-mimic's ([`TestArgs`]), so FILTER, `--exact`,
//! `--list` and the rest select exactly as under `cargo test` and nextest; the ones that do
//! nothing here (`--nocapture`, `--show-output`, `--logfile`, `--bench`, `--test`,
//! `--color`, `-Z`) are still accepted, because harnesses pass them, but hidden from the
//! help.

use std::collections::BTreeSet;
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::runner::{Baseline, Endpoint, Options, TargetSpec, client, target};
use crate::spec::Level;

const HELP_TEMPLATE: &str =
    "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}";

/// The exit statuses of `run`, for `--help` (the README says the same).
pub const EXIT_CODES: &str = "Exit status:
  0  nothing failed and nothing passed unexpectedly (warnings and baseline failures allowed)
  1  a conformance failure, or a case of the --baseline that now passes
  2  a usage or set-up error: a bad flag or name, an unreachable or hanging target, a token
     refused, wrong billing fixtures, or a target that stopped answering during the run";

/// How many cases run at once against an endpoint by default: enough that a run over a
/// network takes about as long as its longest case, also with a catalogue three times
/// today's (bench/latency.sh: 512 left the threefold load bound by the number of requests
/// in flight), few enough not to look like an attack to an endpoint.
pub const DEFAULT_CONCURRENCY: usize = 1024;

/// How many cases run at once against the embedded server by default: there is no network
/// to wait for, only two processes' worth of work on the same cores, and more at once only
/// queues for them (64 took 1.3 s on two cores, 512 took 1.8 s).
pub const DEFAULT_EMBEDDED_CONCURRENCY: usize = 64;

/// A count of cases at once: 1 or more.
fn parse_concurrency(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text:?}: expected a number of cases, 1 or more")),
    }
}

/// `10s`, `1h`, `500ms`, or a plain number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    humantime::parse_duration(text).map_err(|e| format!("{text:?}: {e} (write 10s, 2m, 1h...)"))
}

/// libtest-mimic's command line, with the flags that do nothing here hidden from `--help`
/// (still accepted: `cargo test` and nextest pass some of them).
#[derive(Debug, Clone, Default)]
pub struct TestArgs(pub libtest_mimic::Arguments);

impl Deref for TestArgs {
    type Target = libtest_mimic::Arguments;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for TestArgs {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl FromArgMatches for TestArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        libtest_mimic::Arguments::from_arg_matches(m).map(TestArgs)
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
}

impl Args for TestArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        tidy(libtest_mimic::Arguments::augment_args(cmd))
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        tidy(libtest_mimic::Arguments::augment_args_for_update(cmd))
    }
}

/// Hide libtest's no-ops, say what the rest mean here, and undo the settings libtest-mimic's
/// derive leaks onto the command (its usage template, no `--version`).
fn tidy(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd
        .disable_version_flag(false)
        .help_template(HELP_TEMPLATE)
        .after_help(EXIT_CODES);
    for hidden in [
        "nocapture",
        "show_output",
        "unstable_flags",
        "test",
        "bench",
        "logfile",
        "color",
    ] {
        cmd = cmd.mut_arg(hidden, |a| a.hide(true));
    }
    let helps: [(&str, &str); 8] = [
        (
            "filter",
            "Run only the cases whose name contains FILTER (with --exact: is FILTER)",
        ),
        ("exact", "Match FILTER and --skip against whole case names"),
        (
            "skip",
            "Leave out the cases whose name contains PATTERN (repeatable)",
        ),
        (
            "list",
            "List the selected cases (`NAME: test`) and run nothing",
        ),
        (
            "ignored",
            "Run only the cases that cannot apply to this target (they report why)",
        ),
        (
            "include_ignored",
            "Run the cases that cannot apply to this target too",
        ),
        (
            "test_threads",
            "Same as --concurrency (1 runs the cases one after another)",
        ),
        (
            "quiet",
            "One character per case (. F w x X i), like --format terse",
        ),
    ];
    for (id, help) in helps {
        cmd = cmd.mut_arg(id, |a| a.help(help));
    }
    cmd.mut_arg("format", |a| {
        a.help("pretty: a line per case; terse: a character per case; json: libtest's JSON events")
    })
    .mut_arg("skip", |a| a.value_name("PATTERN"))
    .mut_arg("test_threads", |a| a.value_name("N"))
}

/// `--level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Cases naming a MUST item (the documentation states it).
    Must,
    /// Cases naming a SHOULD item (observed behaviour, or our reading of silent docs).
    Should,
}

impl LevelArg {
    pub fn level(self) -> Level {
        match self {
            LevelArg::Must => Level::Must,
            LevelArg::Should => Level::Should,
        }
    }
}

/// Conformance suite for DNAnexus-compatible APIs, with an in-memory reference server.
///
/// With no command, runs the suite (`run`) against the embedded reference server.
#[derive(Debug, Parser)]
#[command(
    name = "dxconform",
    version,
    help_template = HELP_TEMPLATE,
    after_help = EXIT_CODES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the suite against the embedded reference server or an endpoint (the default).
    #[command(help_template = HELP_TEMPLATE)]
    Run(Box<RunArgs>),
    /// Run the reference server on its own, for the real `dx` client or other tools.
    #[command(help_template = HELP_TEMPLATE)]
    Serve(ServeArgs),
    /// Print, per documentation page, covered/total catalogue items and the uncovered ones.
    Coverage,
    /// The self-check: list the fault catalogue (spec violations the suite must catch) and
    /// the variant catalogue (conforming differences it must pass), each with its score.
    Faults,
    /// Destroy the scratch projects that crashed runs left on an endpoint (only those a run
    /// marked, and only once older than --older-than).
    #[command(help_template = HELP_TEMPLATE)]
    Sweep(SweepArgs),
}

/// Where to run and how to judge.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Base URL of the endpoint under test; without it (and without the dx client's
    /// DX_APISERVER_HOST), the embedded reference server is started.
    #[arg(long, value_name = "URL", env = "DXCONFORM_ENDPOINT")]
    pub endpoint: Option<String>,

    /// Bearer token of the main user (falls back to DX_SECURITY_CONTEXT's auth_token).
    #[arg(
        long,
        value_name = "T",
        env = "DXCONFORM_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    /// Bearer token of a second user, for the permission cases (ignored without it).
    #[arg(
        long,
        value_name = "T",
        env = "DXCONFORM_PEER_TOKEN",
        hide_env_values = true
    )]
    pub peer_token: Option<String>,

    /// A project of the main user billed to an org at its spending limit (for the
    /// SpendingLimitExceeded cases; ignored without it).
    #[arg(long, value_name = "PROJECT", env = "DXCONFORM_LIMIT_PROJECT")]
    pub limit_project: Option<String>,

    /// A project of the main user billed to an expired org (for the OrgExpired cases).
    #[arg(long, value_name = "PROJECT", env = "DXCONFORM_EXPIRED_PROJECT")]
    pub expired_project: Option<String>,

    /// A container of the main user (containers are made by the platform for jobs; `serve`
    /// prints its fixture's), for the container cases. Without it those cases are ignored.
    #[arg(long, value_name = "CONTAINER", env = "DXCONFORM_CONTAINER")]
    pub container: Option<String>,

    /// Use the embedded reference server even when the dx environment names an endpoint.
    #[arg(long, env = "DXCONFORM_EMBEDDED", conflicts_with = "endpoint")]
    pub embedded: bool,

    /// Switch on a fault of the embedded reference server (repeatable; see `faults`).
    #[arg(
        long,
        value_name = "NAME",
        env = "DXCONFORM_FAULT",
        value_delimiter = ','
    )]
    pub fault: Vec<String>,

    /// Switch on a benign variant of the embedded reference server: a difference the
    /// documentation allows (repeatable; see `faults`).
    #[arg(
        long,
        value_name = "NAME",
        env = "DXCONFORM_VARIANT",
        value_delimiter = ','
    )]
    pub variant: Vec<String>,

    /// Treat violated SHOULD items as failures, not warnings.
    #[arg(long, env = "DXCONFORM_STRICT")]
    pub strict: bool,

    /// File of case names expected to fail (one per line, # comments): they do not fail
    /// the run while they fail, and fail it once they pass.
    #[arg(long, value_name = "FILE", env = "DXCONFORM_BASELINE")]
    pub baseline: Option<PathBuf>,

    /// Write a JUnit XML report.
    #[arg(long, value_name = "FILE", env = "DXCONFORM_JUNIT")]
    pub junit: Option<PathBuf>,

    /// Write a JSON report.
    #[arg(long, value_name = "FILE", env = "DXCONFORM_JSON")]
    pub json: Option<PathBuf>,

    /// Write a single-file HTML conformance matrix (documentation page x item).
    #[arg(long, value_name = "FILE", env = "DXCONFORM_HTML")]
    pub html: Option<PathBuf>,

    /// Leave the scratch projects in place and list them (for debugging and replaying the
    /// curl lines; `sweep` removes them later).
    #[arg(long, env = "DXCONFORM_KEEP")]
    pub keep: bool,

    /// How many cases run at once [default: 1024 against an endpoint, 64 against the
    /// embedded server]
    #[arg(
        long,
        value_name = "N",
        env = "DXCONFORM_CONCURRENCY",
        value_parser = parse_concurrency
    )]
    pub concurrency: Option<usize>,

    /// How long one request may take (10s, 2m...); a target that does not answer the
    /// set-up check within it ends the run.
    #[arg(
        long,
        value_name = "DURATION",
        env = "DXCONFORM_TIMEOUT",
        default_value = "10s",
        value_parser = parse_duration
    )]
    pub timeout: Duration,

    /// Send the tokens over plain http to a host other than this machine.
    #[arg(long, env = "DXCONFORM_ALLOW_INSECURE")]
    pub allow_insecure: bool,

    /// Run only the cases naming an item of this level.
    #[arg(long, value_name = "LEVEL", env = "DXCONFORM_LEVEL")]
    pub level: Option<LevelArg>,

    /// Run only the cases naming an item of this documentation page (repeatable; the
    /// page keys are those `dxconform coverage` prints).
    #[arg(
        long,
        value_name = "PAGE",
        env = "DXCONFORM_PAGE",
        value_delimiter = ','
    )]
    pub page: Vec<String>,

    /// Run only the cases naming or proving this catalogue item (repeatable).
    #[arg(long, value_name = "ID", env = "DXCONFORM_ITEM", value_delimiter = ',')]
    pub item: Vec<String>,

    /// Run only the cases that failed, warned or passed unexpectedly in this --json report.
    #[arg(long, value_name = "REPORT", env = "DXCONFORM_RERUN_FAILED")]
    pub rerun_failed: Option<PathBuf>,

    /// Write the failing cases of this run as a baseline file (with the items each
    /// violates), for --baseline.
    #[arg(long, value_name = "FILE", env = "DXCONFORM_WRITE_BASELINE")]
    pub write_baseline: Option<PathBuf>,

    /// Write the target's normalized answers into DIR, one file per case step: its own
    /// snapshot set, for a later --compare.
    #[arg(long, value_name = "DIR", env = "DXCONFORM_RECORD")]
    pub record: Option<PathBuf>,

    /// Report every case whose answers differ from the set --record wrote into DIR, and
    /// how its outcome moved (a section of its own; does not change the exit status).
    #[arg(long, value_name = "DIR", env = "DXCONFORM_COMPARE")]
    pub compare: Option<PathBuf>,

    #[command(flatten)]
    pub libtest: TestArgs,
}

impl RunArgs {
    /// The flags that change what a run judges, for the reports' run facts (never a token).
    pub fn flags(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.strict {
            out.push("--strict".to_string());
        }
        if let Some(b) = &self.baseline {
            out.push(format!("--baseline {}", b.display()));
        }
        for f in &self.fault {
            out.push(format!("--fault {f}"));
        }
        for v in &self.variant {
            out.push(format!("--variant {v}"));
        }
        if let Some(f) = &self.libtest.filter {
            out.push(if self.libtest.exact {
                format!("--exact {f}")
            } else {
                f.clone()
            });
        }
        for s in &self.libtest.skip {
            out.push(format!("--skip {s}"));
        }
        if self.libtest.ignored {
            out.push("--ignored".to_string());
        }
        out
    }

    /// The target these arguments name. `dx_env` reads the dx client's variables (the
    /// CLI does; `cargo test` does not, so that it stays hermetic).
    pub fn target_spec(
        &self,
        get: impl Fn(&str) -> Option<String>,
        dx_env: bool,
    ) -> Result<TargetSpec, String> {
        let dx = if dx_env && !self.embedded {
            target::dx_environment(&get)
        } else {
            None
        };
        let url = match (&self.endpoint, &dx) {
            (Some(url), _) => url.clone(),
            (None, Some((url, _))) => url.clone(),
            (None, None) => {
                // Unknown names are a usage error before anything starts: a fault that
                // does not exist must not give a passing run.
                crate::server::Config {
                    faults: self.fault.clone(),
                    variants: self.variant.clone(),
                    ..crate::server::Config::default()
                }
                .validate()
                .map_err(|e| format!("--fault/--variant: {e}"))?;
                return Ok(TargetSpec::Embedded {
                    faults: self.fault.clone(),
                    variants: self.variant.clone(),
                });
            }
        };
        if !self.fault.is_empty() || !self.variant.is_empty() {
            return Err(
                "--fault and --variant apply to the embedded reference server, not to an endpoint"
                    .into(),
            );
        }
        target::check_transport(&url, self.allow_insecure)?;
        let token = self
            .token
            .clone()
            .or_else(|| {
                target::dx_environment(|k| {
                    if k == "DX_APISERVER_HOST" {
                        Some("-".into())
                    } else {
                        get(k)
                    }
                })
                .and_then(|(_, t)| t)
            })
            .ok_or("an endpoint needs a token: --token, DXCONFORM_TOKEN or DX_SECURITY_CONTEXT")?;
        Ok(TargetSpec::Endpoint(Endpoint {
            url,
            token,
            peer_token: self.peer_token.clone(),
            limit_project: self.limit_project.clone(),
            expired_project: self.expired_project.clone(),
            container: self.container.clone(),
        }))
    }

    /// The run options; reads the baseline file, whose names must all be cases.
    pub fn options(&self, known: &BTreeSet<&str>) -> Result<Options, String> {
        let baseline = match &self.baseline {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
                Baseline::parse(&text, &path.display().to_string(), known)?
            }
            None => Baseline::default(),
        };
        Ok(Options {
            strict: self.strict,
            keep: self.keep,
            baseline,
            record_answers: self.record.is_some() || self.compare.is_some(),
            ..Options::default()
        })
    }

    /// How many cases run at once: `--test-threads` if given (libtest's spelling), else
    /// `--concurrency`, else the default for the kind of target.
    pub fn concurrency(&self, embedded: bool) -> usize {
        let default = if embedded {
            DEFAULT_EMBEDDED_CONCURRENCY
        } else {
            DEFAULT_CONCURRENCY
        };
        self.libtest
            .test_threads
            .or(self.concurrency)
            .unwrap_or(default)
            .max(1)
    }

    /// The flags of a `dxconform run` line that reruns a case against the same target the
    /// same way: tokens as shell variables, never their values.
    pub fn rerun_flags(&self, spec: &TargetSpec) -> String {
        let mut out: Vec<String> = Vec::new();
        match spec {
            TargetSpec::Embedded { faults, variants } => {
                out.extend(faults.iter().map(|f| format!("--fault {f}")));
                out.extend(variants.iter().map(|v| format!("--variant {v}")));
            }
            TargetSpec::Endpoint(e) => {
                out.push(format!(
                    "--endpoint {}",
                    crate::runner::transcript::quote(&e.url)
                ));
                out.push("--token \"$DXCONFORM_TOKEN\"".into());
                if e.peer_token.is_some() {
                    out.push("--peer-token \"$DXCONFORM_PEER_TOKEN\"".into());
                }
                if let Some(p) = &e.limit_project {
                    out.push(format!("--limit-project {p}"));
                }
                if let Some(p) = &e.expired_project {
                    out.push(format!("--expired-project {p}"));
                }
                if self.allow_insecure {
                    out.push("--allow-insecure".into());
                }
            }
        }
        if self.strict {
            out.push("--strict".into());
        }
        if self.timeout != client::DEFAULT_TIMEOUT {
            out.push(format!(
                "--timeout {}",
                humantime::format_duration(self.timeout)
            ));
        }
        out.join(" ")
    }
}

/// Parse `HANDLE=TOKEN`.
fn parse_user(text: &str) -> Result<(String, String), String> {
    let (handle, token) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: expected HANDLE=TOKEN"))?;
    if handle.is_empty() || token.is_empty() {
        return Err(format!("{text:?}: expected HANDLE=TOKEN, both non-empty"));
    }
    Ok((handle.to_string(), token.to_string()))
}

/// How to run the reference server.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:8124",
        env = "DXCONFORM_LISTEN"
    )]
    pub listen: String,

    /// A user: `user-HANDLE` with bearer token TOKEN (repeatable). Without any, one user
    /// `user-alice` is made with a fresh token, which is printed.
    #[arg(long, value_name = "HANDLE=TOKEN", value_parser = parse_user)]
    pub user: Vec<(String, String)>,

    /// Switch on a fault from `dxconform faults` (repeatable).
    #[arg(long, value_name = "NAME")]
    pub fault: Vec<String>,

    /// Switch on a variant: a way to differ from the reference server that the
    /// documentation allows (repeatable; an unknown name lists them).
    #[arg(long, value_name = "NAME")]
    pub variant: Vec<String>,

    /// Milliseconds added to every answer, to exercise clients' time-outs.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency: u64,

    /// Create the billing fixture projects (spending limit reached, org expired) for the
    /// first user.
    #[arg(long, value_name = "BOOL", default_value_t = true, action = ArgAction::Set)]
    pub billing_fixtures: bool,

    /// Log every request to standard error: method, path, status, time, request ID.
    #[arg(long)]
    pub log: bool,

    /// How long a closed file reads `closing` before it reads `closed`, in milliseconds
    /// (0: closed as soon as close answers).
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub closing_ms: u64,
}

/// Which endpoint to sweep.
#[derive(Debug, Clone, Args)]
pub struct SweepArgs {
    /// Base URL of the endpoint (falls back to the dx client's DX_APISERVER_* variables).
    #[arg(long, value_name = "URL", env = "DXCONFORM_ENDPOINT")]
    pub endpoint: Option<String>,

    /// Bearer token of the user whose scratch projects to remove.
    #[arg(
        long,
        value_name = "T",
        env = "DXCONFORM_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

    /// List what would be removed, remove nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Leave projects whose run marker is younger than this alone: a run in progress may
    /// still use them.
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_duration)]
    pub older_than: Duration,

    /// Send the token over plain http to a host other than this machine.
    #[arg(long)]
    pub allow_insecure: bool,
}

impl SweepArgs {
    pub fn endpoint(&self, get: impl Fn(&str) -> Option<String>) -> Result<Endpoint, String> {
        let run = RunArgs {
            endpoint: self.endpoint.clone(),
            token: self.token.clone(),
            allow_insecure: self.allow_insecure,
            ..Cli::parse_from(["dxconform"]).run
        };
        match run.target_spec(get, true)? {
            TargetSpec::Endpoint(e) => Ok(e),
            TargetSpec::Embedded { .. } => {
                Err("sweep needs --endpoint (or DX_APISERVER_HOST) and --token".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("dxconform").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    #[test]
    fn run_is_the_default_and_takes_libtest_flags() {
        let cli = parse(&["records::", "--exact", "--skip", "x", "--test-threads", "2"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.run.libtest.filter.as_deref(), Some("records::"));
        assert!(cli.run.libtest.exact);
        assert_eq!(cli.run.libtest.test_threads, Some(2));
        let cli = parse(&["run", "--list", "--strict", "--junit", "j.xml"]);
        let Some(Command::Run(run)) = cli.command else {
            panic!("not run")
        };
        assert!(run.libtest.list && run.strict);
    }

    #[test]
    fn help_hides_the_no_ops_and_names_the_exit_codes() {
        let help = Cli::command().render_long_help().to_string();
        for shown in [
            "--exact",
            "--skip",
            "--list",
            "--ignored",
            "--include-ignored",
            "--test-threads",
            "--format",
            "--concurrency",
            "--timeout",
            "Exit status",
            "[FILTER]",
        ] {
            assert!(help.contains(shown), "{shown} missing from:\n{help}");
        }
        for hidden in [
            "--nocapture",
            "--show-output",
            "--logfile",
            "--bench",
            "--test ",
            "USAGE: [OPTIONS]",
        ] {
            assert!(!help.contains(hidden), "{hidden} shown in:\n{help}");
        }
        // Still accepted: harnesses pass them.
        assert!(parse(&["--nocapture", "--show-output"]).command.is_none());
        let v = Cli::try_parse_from(["dxconform", "--version"]).unwrap_err();
        assert_eq!(v.kind(), clap::error::ErrorKind::DisplayVersion);
    }

    #[test]
    fn bad_names_and_insecure_tokens_are_usage_errors() {
        let none = |_: &str| None;
        let e = parse(&["--fault", "no-such-fault"])
            .run
            .target_spec(none, true)
            .unwrap_err();
        assert!(e.contains("no-such-fault"), "{e}");
        let e = parse(&["--variant", "no-such-variant"])
            .run
            .target_spec(none, true)
            .unwrap_err();
        assert!(e.contains("no-such-variant"), "{e}");
        let e = parse(&["--endpoint", "http://api.example.org", "--token", "T"])
            .run
            .target_spec(none, true)
            .unwrap_err();
        assert!(e.contains("--allow-insecure") && !e.contains("T\""), "{e}");
        assert!(
            parse(&[
                "--endpoint",
                "http://api.example.org",
                "--token",
                "T",
                "--allow-insecure"
            ])
            .run
            .target_spec(none, true)
            .is_ok()
        );
        assert!(Cli::try_parse_from(["dxconform", "--concurrency", "0"]).is_err());
        // The default depends on the target; either flag overrides it.
        assert_eq!(parse(&[]).run.concurrency(false), DEFAULT_CONCURRENCY);
        assert_eq!(
            parse(&[]).run.concurrency(true),
            DEFAULT_EMBEDDED_CONCURRENCY
        );
        assert_eq!(parse(&["--concurrency", "7"]).run.concurrency(true), 7);
        assert_eq!(parse(&["--test-threads", "3"]).run.concurrency(false), 3);
        assert!(Cli::try_parse_from(["dxconform", "--timeout", "soon"]).is_err());
        assert_eq!(
            parse(&["--timeout", "1500ms"]).run.timeout,
            Duration::from_millis(1500)
        );
        assert_eq!(
            parse(&["--timeout", "3"]).run.timeout,
            Duration::from_secs(3)
        );
    }

    #[test]
    fn rerun_flags_name_no_secret() {
        let none = |_: &str| None;
        let args = parse(&[
            "--endpoint",
            "https://h",
            "--token",
            "SECRET",
            "--peer-token",
            "SECRET2",
            "--strict",
        ])
        .run;
        let spec = args.target_spec(none, true).unwrap();
        let flags = args.rerun_flags(&spec);
        assert!(!flags.contains("SECRET"), "{flags}");
        assert_eq!(
            flags,
            "--endpoint https://h --token \"$DXCONFORM_TOKEN\" --peer-token \"$DXCONFORM_PEER_TOKEN\" --strict"
        );
    }

    #[test]
    fn subcommands_parse() {
        let cli = parse(&[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--user",
            "alice=T",
            "--user",
            "bob=U",
            "--fault",
            "f",
            "--fault",
            "g",
            "--variant",
            "v",
            "--variant",
            "w",
        ]);
        let Some(Command::Serve(s)) = cli.command else {
            panic!("not serve")
        };
        assert_eq!(
            s.user,
            vec![("alice".into(), "T".into()), ("bob".into(), "U".into())]
        );
        assert!(s.billing_fixtures);
        assert_eq!(
            (s.fault, s.variant),
            (vec!["f".into(), "g".into()], vec!["v".into(), "w".into()])
        );
        assert!(Cli::try_parse_from(["dxconform", "serve", "--user", "alice"]).is_err());
        assert!(matches!(
            parse(&["coverage"]).command,
            Some(Command::Coverage)
        ));
        assert!(matches!(parse(&["faults"]).command, Some(Command::Faults)));
    }

    #[test]
    fn targets_from_flags_and_dx_environment() {
        let none = |_: &str| None;
        assert!(matches!(
            parse(&[]).run.target_spec(none, true),
            Ok(TargetSpec::Embedded { .. })
        ));
        let dx = |k: &str| match k {
            "DX_APISERVER_HOST" => Some("127.0.0.1".to_string()),
            "DX_APISERVER_PROTOCOL" => Some("http".to_string()),
            "DX_APISERVER_PORT" => Some("9".to_string()),
            "DX_SECURITY_CONTEXT" => Some(r#"{"auth_token": "T"}"#.to_string()),
            _ => None,
        };
        let Ok(TargetSpec::Endpoint(e)) = parse(&[]).run.target_spec(dx, true) else {
            panic!("dx environment ignored")
        };
        assert_eq!(
            (e.url.as_str(), e.token.as_str()),
            ("http://127.0.0.1:9", "T")
        );
        assert!(matches!(
            parse(&[]).run.target_spec(dx, false),
            Ok(TargetSpec::Embedded { .. })
        ));
        assert!(matches!(
            parse(&["--embedded"]).run.target_spec(dx, true),
            Ok(TargetSpec::Embedded { .. })
        ));
        let Ok(TargetSpec::Endpoint(e)) = parse(&["--endpoint", "https://h:1", "--token", "X"])
            .run
            .target_spec(none, true)
        else {
            panic!("endpoint ignored")
        };
        assert_eq!(e.token, "X");
        assert!(
            parse(&["--endpoint", "http://h:1"])
                .run
                .target_spec(none, true)
                .is_err()
        );
        assert!(
            parse(&["--endpoint", "h:1", "--token", "X"])
                .run
                .target_spec(none, true)
                .is_err()
        );
    }
}
