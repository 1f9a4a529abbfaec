//! `dxconform run` and `dxconform sweep` as a CI owner meets them: the release-style
//! binary, run as a process against `dxconform serve` (or against nothing, or against a
//! socket that never answers), judged by exit status and by what it prints and writes.
//!
//! - a copy of the binary, away from its sources, passes the embedded suite and writes
//!   nothing (issue 10, point 1);
//! - a broken set-up (unknown fault, no endpoint, hanging endpoint, refused token, wrong
//!   billing fixtures, plain http to another host) ends at once with one message and exit
//!   status 2; a target that dies during the run too (point 2);
//! - a failing run shows every step, a rerun line and curl lines, a summary per violated
//!   item, and a JSON report with each step's request and answer; tokens appear nowhere
//!   (point 4); baselines and selection (point 5); record and compare (point 6);
//! - sweep removes only marked, old enough scratch projects (point 8).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use axum::response::IntoResponse;
use serde_json::{Value, json};

const OWNER: &str = "owner-SECRET-token-9f3a";
const PEER: &str = "peer-SECRET-token-77b1";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_dxconform")
}

/// A `dxconform serve` child process, killed on drop.
struct Serve {
    child: Child,
    url: String,
    limit: String,
    expired: String,
}

impl Serve {
    fn start(extra: &[&str]) -> Serve {
        let mut child = Command::new(bin())
            .args(["serve", "--listen", "127.0.0.1:0", "--user"])
            .arg(format!("alice={OWNER}"))
            .arg("--user")
            .arg(format!("bob={PEER}"))
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start dxconform serve");
        let out = BufReader::new(child.stdout.take().unwrap());
        let (mut url, mut limit, mut expired) = (String::new(), String::new(), String::new());
        for line in out.lines() {
            let line = line.unwrap();
            if let Some(u) = line.strip_prefix("listening on ") {
                url = u.to_string();
            } else if let Some(p) = line.strip_prefix("export DXCONFORM_LIMIT_PROJECT=") {
                limit = p.to_string();
            } else if let Some(p) = line.strip_prefix("export DXCONFORM_EXPIRED_PROJECT=") {
                expired = p.to_string();
                break;
            }
        }
        assert!(!url.is_empty(), "serve did not say where it listens");
        Serve {
            child,
            url,
            limit,
            expired,
        }
    }

    /// `run` against this server with both tokens and the billing fixtures.
    fn run(&self, extra: &[&str]) -> Output {
        run(&[
            &[
                "run",
                "--endpoint",
                &self.url,
                "--token",
                OWNER,
                "--peer-token",
                PEER,
                "--limit-project",
                &self.limit,
                "--expired-project",
                &self.expired,
            ],
            extra,
        ]
        .concat())
    }

    fn call(&self, path: &str, body: Value) -> Value {
        let answer = dxconform::runner::client::send(&dxconform::runner::client::Request {
            method: "POST",
            url: format!("{}{path}", self.url),
            token: Some(OWNER.into()),
            headers: vec![],
            body: body.to_string().into(),
            content_type: Some("application/json".into()),
            expected_status: None,
        })
        .unwrap();
        assert_eq!(answer.status, 200, "{path}: {}", answer.body_text());
        answer.json.unwrap()
    }

    fn project_names(&self) -> Vec<String> {
        let found = self.call(
            "/system/findProjects",
            json!({"describe": {"fields": {"name": true}}, "limit": 1000}),
        );
        found["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["describe"]["name"].as_str().unwrap().to_string())
            .collect()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Run the binary with these arguments, hermetically (no dx or dxconform environment).
fn run(args: &[&str]) -> Output {
    command(bin(), args).output().expect("cannot run dxconform")
}

fn command(program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("DX_") || k.starts_with("DXCONFORM_") || k.starts_with("INSTA_") {
            c.env_remove(k);
        }
    }
    c
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[track_caller]
fn assert_no_secret(what: &str, text: &str) {
    assert!(
        !text.contains(OWNER) && !text.contains(PEER),
        "a token leaked into {what}"
    );
}

/// Every file under `dir` with its length and modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        if meta.is_dir() {
            out.extend(listing(&entry.path()));
        } else {
            out.push((entry.path(), meta.len(), meta.modified().unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn a_copied_binary_passes_the_embedded_suite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("dxconform");
    std::fs::copy(bin(), &copy).unwrap();
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let before = listing(&sources);
    let out = command(&copy, &[])
        .current_dir(dir.path())
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("CI")
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(" failed\n") && stdout.contains("0 failed"),
        "{stdout}"
    );
    assert_eq!(listing(&sources), before, "the source snapshots changed");
    let written: Vec<_> = listing(dir.path())
        .into_iter()
        .map(|(p, _, _)| p)
        .filter(|p| p != &copy)
        .collect();
    assert!(written.is_empty(), "the run wrote {written:?}");
    let version = command(&copy, &["--version"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("dxconform {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_broken_set_up_ends_at_once_with_one_message_and_status_2() {
    let one_message = |o: &Output, needle: &str| {
        let (stdout, stderr) = text(o);
        assert_eq!(o.status.code(), Some(2), "{stdout}\n{stderr}");
        assert!(stderr.contains(needle), "{needle:?} not in:\n{stderr}");
        assert!(
            !stdout.contains("test ") && stderr.lines().count() <= 4,
            "more than one message:\n{stdout}\n{stderr}"
        );
        assert_no_secret("the set-up message", &format!("{stdout}{stderr}"));
    };
    one_message(&run(&["--fault", "no-such-fault"]), "no-such-fault");
    one_message(&run(&["--page", "no-such-page"]), "records");
    one_message(&run(&["--item", "x#y"]), "x#y");
    one_message(
        &run(&["--endpoint", "http://example.invalid", "--token", OWNER]),
        "--allow-insecure",
    );
    // Nothing listens on port 9 (discard) of the loopback interface here.
    let t = Instant::now();
    one_message(
        &run(&["--endpoint", "http://127.0.0.1:9", "--token", OWNER]),
        "cannot reach http://127.0.0.1:9",
    );
    // A socket that accepts and never answers: bounded by --timeout.
    let hanging = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", hanging.local_addr().unwrap());
    one_message(
        &run(&["--endpoint", &url, "--token", OWNER, "--timeout", "1s"]),
        "no answer within 1s",
    );
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // An endpoint where the token works but no project can be made (no billing account).
    let no_projects = axum::Router::new().fallback(|uri: axum::http::Uri| async move {
        if uri.path() == "/system/whoami" {
            axum::Json(json!({"id": "user-alice"})).into_response()
        } else {
            (
                axum::http::StatusCode::UNAUTHORIZED,
                axum::Json(json!({"error": {"type": "PermissionDenied", "message": "no billTo"}})),
            )
                .into_response()
        }
    });
    let listener = dxconform::runner::client::RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    dxconform::runner::client::RT.spawn(async move { axum::serve(listener, no_projects).await });
    one_message(
        &run(&["--endpoint", &url, "--token", OWNER]),
        "cannot create scratch projects",
    );
    let serve = Serve::start(&[]);
    one_message(
        &run(&["--endpoint", &serve.url, "--token", "not-a-token"]),
        "owner's token is not accepted",
    );
    one_message(
        &run(&[
            "--endpoint",
            &serve.url,
            "--token",
            OWNER,
            "--peer-token",
            OWNER,
        ]),
        "the peer must be another user",
    );
    one_message(
        &run(&[
            "--endpoint",
            &serve.url,
            "--token",
            OWNER,
            "--limit-project",
            &serve.expired,
            "--expired-project",
            &serve.limit,
        ]),
        "wrong way round",
    );
}

#[test]
fn a_target_that_dies_during_the_run_stops_it_with_one_message() {
    let mut serve = Serve::start(&["--latency", "30"]);
    let mut child = command(
        bin(),
        &[
            "run",
            "--endpoint",
            &serve.url,
            "--token",
            OWNER,
            "--timeout",
            "2s",
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    // Kill the server once the cases are running (the set-up check has passed).
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stdout = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        stdout.push_str(&line);
        stdout.push('\n');
        if line.starts_with("running ") {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(100));
    serve.child.kill().unwrap();
    for line in lines {
        stdout.push_str(&line.unwrap());
        stdout.push('\n');
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("stopped answering during the run"),
        "{stderr}"
    );
    assert!(
        stdout.matches("FAILED").count() < 5,
        "a failure per case:\n{stdout}"
    );
}

#[test]
fn a_proxy_whose_backend_dies_stops_the_run_with_one_message() {
    // Answers like an endpoint for its first requests, then 502 for everything.
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let proxy = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let served = served.clone();
        async move {
            if served.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= 6 {
                return (axum::http::StatusCode::BAD_GATEWAY, "upstream is gone").into_response();
            }
            match uri.path() {
                "/system/whoami" => axum::Json(json!({"id": "user-alice"})).into_response(),
                "/project/new" => {
                    axum::Json(json!({"id": "project-000000000000000000000001"})).into_response()
                }
                _ => axum::Json(json!({})).into_response(),
            }
        }
    });
    let listener = dxconform::runner::client::RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    dxconform::runner::client::RT.spawn(async move { axum::serve(listener, proxy).await });
    let out = run(&["--endpoint", &url, "--token", OWNER]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("stopped working during the run"),
        "{stderr}"
    );
    assert!(
        stdout.matches("FAILED").count() < 5,
        "a failure per case:\n{stdout}"
    );
}

#[test]
fn a_failing_run_is_reproducible_grouped_and_leaks_no_token() {
    let serve = Serve::start(&["--fault", "invalid-input-as-400"]);
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("report.json");
    let baseline = dir.path().join("baseline.txt");
    let (junit, html) = (dir.path().join("r.xml"), dir.path().join("r.html"));
    let out = serve.run(&[
        "--junit",
        junit.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--json",
        json_path.to_str().unwrap(),
        "--write-baseline",
        baseline.to_str().unwrap(),
        "--strict",
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert_no_secret("the terminal", &format!("{stdout}{stderr}"));
    // One root cause, one line (however many cases the tables hold).
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.trim_start().starts_with("SHOULD protocols#status.422: "))
            .count(),
        1,
        "{stdout}"
    );
    // Every step, the rerun line and the curl lines.
    assert!(stdout.contains("  step 1 of "), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "dxconform run --exact records::new::project_missing --endpoint {} --token \"$DXCONFORM_TOKEN\" --peer-token \"$DXCONFORM_PEER_TOKEN\" --limit-project {} --expired-project {} --strict",
            serve.url, serve.limit, serve.expired
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "curl -sS -X POST {}/record/new -H \"Authorization: Bearer $DXCONFORM_TOKEN\"",
            serve.url
        )),
        "{stdout}"
    );
    // One summary.
    assert_eq!(stdout.matches("\ndxconform: ").count(), 2, "{stdout}");
    assert!(!stdout.contains("test result:"), "{stdout}");
    let report = std::fs::read_to_string(&json_path).unwrap();
    assert_no_secret("the JSON report", &report);
    assert_no_secret(
        "the JUnit report",
        &std::fs::read_to_string(&junit).unwrap(),
    );
    assert_no_secret("the HTML report", &std::fs::read_to_string(&html).unwrap());
    let report: Value = serde_json::from_str(&report).unwrap();
    let case = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "records::new::project_missing")
        .unwrap();
    let step = &case["steps"][0];
    assert_eq!(step["request"]["method"], "POST");
    assert_eq!(step["request"]["auth"], "owner");
    assert_eq!(step["answer"]["status"], 400);
    assert_eq!(step["answer"]["body"]["error"]["type"], "InvalidInput");
    assert_eq!(
        step["differences"][0]["items"],
        json!(["protocols#status.422"])
    );
    assert!(report["run"]["requests"].as_u64().unwrap() > 300);

    // The baseline written makes the same run pass, and names the items.
    let text_baseline = std::fs::read_to_string(&baseline).unwrap();
    assert!(
        text_baseline.contains("records::new::project_missing")
            && text_baseline.contains("# SHOULD protocols#status.422"),
        "{text_baseline}"
    );
    let again = serve.run(&["--strict", "--baseline", baseline.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again).0);

    // --rerun-failed runs just those cases; --level and --page select.
    let rerun = serve.run(&["--rerun-failed", json_path.to_str().unwrap(), "--list"]);
    let listed = String::from_utf8_lossy(&rerun.stdout).lines().count();
    let failed = report["summary"]["fail"].as_u64().unwrap();
    assert_eq!(listed as u64, failed, "{}", text(&rerun).0);
    let pages = run(&["--page", "search", "--list"]);
    let names = String::from_utf8_lossy(&pages.stdout).into_owned();
    assert!(
        names
            .lines()
            .all(|l| l.starts_with("search::") && l.ends_with(": test")),
        "{names}"
    );
    let should = run(&["--level", "should", "--list"]);
    assert!(String::from_utf8_lossy(&should.stdout).lines().count() > 0);
}

#[test]
fn a_recording_shows_what_changed_and_how_the_outcome_moved() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("rec");
    let clean = Serve::start(&[]);
    let out = clean.run(&["records::new::", "--record", rec.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).0);
    assert!(rec.join("index.json").is_file());
    assert!(rec.join("records__new__minimal.1.json").is_file());
    let recorded = std::fs::read_to_string(rec.join("records__new__minimal.1.json")).unwrap();
    assert_no_secret("the recording", &recorded);
    // The same target again: nothing changed.
    let same = clean.run(&["records::new::", "--compare", rec.to_str().unwrap()]);
    let (stdout, _) = text(&same);
    assert!(stdout.contains(": 0 changed"), "{stdout}");
    // Another behaviour: changes, with the outcome's move, apart from conformance.
    let faulty = Serve::start(&["--fault", "invalid-input-as-400"]);
    let json_path = dir.path().join("r.json");
    let other = faulty.run(&[
        "records::new::",
        "--strict",
        "--compare",
        rec.to_str().unwrap(),
        "--json",
        json_path.to_str().unwrap(),
    ]);
    let (stdout, stderr) = text(&other);
    assert_eq!(other.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains("records::new::project_missing (pass -> fail)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("step 1: /status: expected 422, got 400"),
        "{stdout}"
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert!(
        report["compare"]["changed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["case"] == "records::new::project_missing" && c["now"] == "fail")
    );
}

#[test]
fn sweep_removes_only_marked_projects_old_enough() {
    let serve = Serve::start(&[]);
    let new = |name: &str, properties: Value| {
        serve.call(
            "/project/new",
            json!({"name": name, "properties": properties}),
        );
    };
    new("dxconform-results-archive", json!({}));
    new("dxconform-abc123-x", json!({"note": "mine"}));
    new(
        "dxconform-old123-crashed",
        json!({"dxconform.run": "old123", "dxconform.created": "1000"}),
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
        .to_string();
    new(
        "dxconform-new123-running",
        json!({"dxconform.run": "new123", "dxconform.created": now}),
    );
    let sweep = |extra: &[&str]| {
        run(&[
            &["sweep", "--endpoint", &serve.url, "--token", OWNER],
            extra,
        ]
        .concat())
    };
    let dry = sweep(&["--dry-run"]);
    let (stdout, _) = text(&dry);
    assert_eq!(dry.status.code(), Some(0));
    assert!(
        stdout.contains("would destroy") && stdout.contains("dxconform-old123-crashed"),
        "{stdout}"
    );
    assert!(
        serve
            .project_names()
            .contains(&"dxconform-old123-crashed".to_string())
    );
    let done = sweep(&[]);
    let (stdout, _) = text(&done);
    assert_no_secret("sweep's output", &stdout);
    assert!(
        stdout.contains("left ") && stdout.contains("dxconform-new123-running"),
        "{stdout}"
    );
    let names = serve.project_names();
    for survivor in [
        "dxconform-results-archive",
        "dxconform-abc123-x",
        "dxconform-new123-running",
    ] {
        assert!(
            names.contains(&survivor.to_string()),
            "{survivor} was removed: {names:?}"
        );
    }
    assert!(!names.contains(&"dxconform-old123-crashed".to_string()));

    // A run leaves nothing; --keep lists what it kept, which sweep then finds marked.
    let before = serve.project_names().len();
    let kept = serve.run(&["records::new::minimal", "--exact", "--keep"]);
    let (stdout, _) = text(&kept);
    assert!(stdout.contains("kept 1 scratch project(s)"), "{stdout}");
    assert_eq!(serve.project_names().len(), before + 1);
    // With no age limit the young marked project goes too; the unmarked ones never do.
    let swept = sweep(&["--older-than", "0s"]);
    assert!(
        text(&swept).0.contains("2 scratch project(s) removed"),
        "{}",
        text(&swept).0
    );
    let names = serve.project_names();
    assert_eq!(names.len(), before - 1, "{names:?}");
    assert!(names.contains(&"dxconform-results-archive".to_string()));
    let before = names.len();
    let plain = serve.run(&["records::new::"]);
    assert_eq!(plain.status.code(), Some(0));
    assert_eq!(
        serve.project_names().len(),
        before,
        "a run left projects behind"
    );
}

#[test]
fn list_prints_names_only_and_touches_nothing() {
    let out = run(&[
        "--list",
        "--endpoint",
        "http://127.0.0.1:9",
        "--token",
        OWNER,
    ]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.lines().all(|l| l.ends_with(": test")), "{stdout}");
    // Without a peer, the permission cases are the ignored ones (nextest asks this way).
    let ignored = run(&[
        "--list",
        "--ignored",
        "--format",
        "terse",
        "--endpoint",
        "http://127.0.0.1:9",
        "--token",
        OWNER,
    ]);
    let names = String::from_utf8_lossy(&ignored.stdout).into_owned();
    assert!(
        !names.is_empty() && names.lines().count() < stdout.lines().count(),
        "{names}"
    );
}
