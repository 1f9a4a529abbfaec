//! The `dxconform` binary: parse the command line, dispatch, print. The work is in the
//! library (`dxconform::runner`, `dxconform::server`); this file only prints and returns
//! the exit status (never `process::exit`, so destructors run).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use dxconform::cli::{Cli, Command, RunArgs, ServeArgs, SweepArgs};
use dxconform::runner::{self, Target, client, selfcheck, sweep};
use dxconform::{cases, server};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run(cli.run),
        Some(Command::Run(args)) => run(*args),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Coverage) => coverage(),
        Some(Command::Faults) => faults(),
        Some(Command::Sweep(args)) => sweep(args),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("dxconform: {message}");
    ExitCode::from(2)
}

fn run(args: RunArgs) -> ExitCode {
    runner::harness::run(&args, true)
}

fn random_token() -> String {
    std::iter::repeat_with(fastrand::alphanumeric)
        .take(32)
        .collect()
}

/// What `serve` says once it listens: where, what is switched on, the lines that point
/// the `dx` client at it, and the `DXCONFORM_*` exports `dxconform run` reads (the tokens
/// are the user's own: they gave them, or the server made them for this process).
fn announcement(
    addr: std::net::SocketAddr,
    config: &server::Config,
    users: &[(String, String)],
    generated: bool,
    fixtures: &server::Fixtures,
) -> String {
    let mut out = format!("listening on http://{addr}\n");
    for name in &config.faults {
        if let Some(f) = server::faults::find(name) {
            out.push_str(&format!("# fault {}: {}\n", f.name, f.description));
        }
    }
    for name in &config.variants {
        if let Some(v) = server::variants::find(name) {
            out.push_str(&format!("# variant {}: {}\n", v.name, v.freedom));
        }
    }
    let (handle, token) = &users[0];
    if generated {
        out.push_str(&format!("# user user-{handle}, token {token}\n"));
    }
    out.push_str(&format!(
        "export DX_APISERVER_PROTOCOL=http\nexport DX_APISERVER_HOST={}\nexport DX_APISERVER_PORT={}\n",
        addr.ip(),
        addr.port()
    ));
    out.push_str(&format!(
        "export DX_SECURITY_CONTEXT='{{\"auth_token_type\": \"Bearer\", \"auth_token\": \"{token}\"}}'\n"
    ));
    out.push_str("unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY\n");
    out.push_str(&format!("export DXCONFORM_ENDPOINT=http://{addr}\n"));
    out.push_str(&format!("export DXCONFORM_TOKEN={token}\n"));
    if let Some((_, peer)) = users.get(1) {
        out.push_str(&format!("export DXCONFORM_PEER_TOKEN={peer}\n"));
    }
    // What `run --endpoint` needs to exercise SpendingLimitExceeded, OrgExpired and the
    // container routes here.
    if let Some(p) = &fixtures.spending_limit_project {
        out.push_str(&format!("export DXCONFORM_LIMIT_PROJECT={p}\n"));
    }
    if let Some(p) = &fixtures.expired_org_project {
        out.push_str(&format!("export DXCONFORM_EXPIRED_PROJECT={p}\n"));
    }
    if let Some(c) = &fixtures.container {
        out.push_str(&format!("export DXCONFORM_CONTAINER={c}\n"));
    }
    out
}

fn serve(args: ServeArgs) -> ExitCode {
    // A suite run against this server keeps up to --concurrency connections open at once
    // (1,024 by default against an endpoint): more than a soft limit of 256 or 1,024 open
    // files allows.
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let generated = args.user.is_empty();
    let users = if generated {
        vec![("alice".to_string(), random_token())]
    } else {
        args.user.clone()
    };
    let config = server::Config {
        users: users.clone(),
        faults: args.fault.clone(),
        variants: args.variant.clone(),
        latency_ms: args.latency,
        billing_fixtures: args.billing_fixtures,
        log: args.log,
        closing_ms: args.closing_ms,
    };
    if let Err(e) = config.validate() {
        return fail(format!("serve: {e}"));
    }
    let result = client::RT.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.listen).await?;
        let addr = listener.local_addr()?;
        let (router, fixtures) = server::app(&config);
        // Written at once and not printed: a reader that closes the pipe after the lines
        // it wants must not take the server down.
        let text = announcement(addr, &config, &users, generated, &fixtures);
        let mut out = std::io::stdout();
        let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
        server::serve(listener, router, shutdown_signal()).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("serve: {e}")),
    }
}

/// Ctrl-C, or SIGTERM on Unix (what service managers and `kill` send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

fn coverage() -> ExitCode {
    let (text, complete) = runner::coverage::listing(cases::tables());
    print!("{text}");
    if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The self-check from the command line: each fault switched on in its own embedded
/// server must be caught, and each benign variant must pass, by the scoring rule
/// `cargo test` uses (the library's `runner::selfcheck`); ends with the score line.
fn faults() -> ExitCode {
    let cases = match runner::prepare(cases::tables()) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let mut scores = Vec::new();
    for fault in server::faults::FAULTS.iter() {
        let score = selfcheck::score_fault(&cases, fault.name, fault.items, threads);
        println!("fault {}: {}", fault.name, fault.description);
        println!("  breaks: {}", fault.items.join(", "));
        if score.caught() {
            println!(
                "  caught by {} case(s): {}",
                score.caught_by.len(),
                score.caught_by.join(", ")
            );
        } else {
            println!(
                "  SURVIVED: none of the {} case(s) proving its items failed on them",
                score.relevant
            );
        }
        scores.push(score);
    }
    let mut variants = Vec::new();
    for variant in server::variants::VARIANTS.iter() {
        let strict = variant.strictness == server::variants::Strictness::Strict;
        let score = selfcheck::score_variant(&cases, variant.name, strict, threads);
        println!("variant {}: {}", variant.name, variant.freedom);
        let how = if strict {
            "with --strict"
        } else {
            "without --strict"
        };
        if score.passed() {
            println!("  passed {how} ({} case(s) warned)", score.warned);
        } else {
            let names: Vec<&str> = score.failures.iter().map(|r| r.name.as_str()).collect();
            println!(
                "  FAILED {how}: {} case(s): {}",
                names.len(),
                names.join(", ")
            );
        }
        variants.push(score);
    }
    let line = selfcheck::score_line(&scores, &variants);
    println!("{line}");
    if scores.iter().all(|s| s.caught()) && variants.iter().all(|v| v.passed()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn sweep(args: SweepArgs) -> ExitCode {
    let endpoint = match args.endpoint(env) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let url = endpoint.url.clone();
    match sweep::sweep(&Target::endpoint(endpoint), args.older_than, args.dry_run) {
        Ok(swept) => {
            let verb = if args.dry_run {
                "would destroy"
            } else {
                "destroyed"
            };
            for f in &swept.removed {
                println!(
                    "{verb} {} ({}, run {}, {} old)",
                    f.id,
                    f.name,
                    f.run,
                    humantime::format_duration(std::time::Duration::from_secs(f.age.as_secs()))
                );
            }
            for f in &swept.too_young {
                println!(
                    "left {} ({}, run {}): younger than --older-than {}, a run may still use it",
                    f.id,
                    f.name,
                    f.run,
                    humantime::format_duration(args.older_than)
                );
            }
            println!(
                "sweep: {} scratch project(s) {} on {url}, {} left as too young",
                swept.removed.len(),
                if args.dry_run {
                    "to remove (dry run: nothing removed)"
                } else {
                    "removed"
                },
                swept.too_young.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("sweep: {e}")),
    }
}
