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

use std::collections::BTreeSet;
use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::runner::{Baseline, Endpoint, Options, TargetSpec, target};

const HELP_TEMPLATE: &str =
    "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}";

/// Conformance suite for DNAnexus-compatible APIs, with an in-memory reference server.
///
/// With no command, runs the suite (`run`) against the embedded reference server.
#[derive(Debug, Parser)]
#[command(
    name = "dxconform",
    version,
    help_template = HELP_TEMPLATE,
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
    /// Destroy the `dxconform-` scratch projects that crashed runs left on an endpoint.
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

    /// Leave the scratch projects in place (for debugging; `sweep` removes them later).
    #[arg(long, env = "DXCONFORM_KEEP")]
    pub keep: bool,

    /// The standard test-harness options: FILTER, --exact, --skip, --list, --ignored,
    /// --test-threads, --format...
    #[command(flatten)]
    pub libtest: libtest_mimic::Arguments,
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
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!(
                "--endpoint {url:?}: expected an http:// or https:// URL"
            ));
        }
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
            ..Options::default()
        })
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
}

impl SweepArgs {
    pub fn endpoint(&self, get: impl Fn(&str) -> Option<String>) -> Result<Endpoint, String> {
        let run = RunArgs {
            endpoint: self.endpoint.clone(),
            token: self.token.clone(),
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
        let Ok(TargetSpec::Endpoint(e)) = parse(&["--endpoint", "http://h:1", "--token", "X"])
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
