//! The real `dx` client against `dxconform serve`.
//!
//! Issue 2 promises users an emulator the official client works against, so this test
//! does what a user does: it makes its own virtual environment, installs the pinned dxpy
//! from PyPI, starts the `dxconform` binary's `serve` on a free port, points `dx` at it
//! through the environment variables dx reads, and drives a round of record and project
//! work, checking what `dx` prints and its exit status (3 for API errors).
//!
//! The virtual environment is cached under the target directory, so only the first run
//! pays for the install. Set `DXCONFORM_SKIP_DX=1` to skip on a machine without PyPI.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

/// The dxpy version whose behaviour the spec document describes (§12).
const DXPY: &str = "dxpy==0.417.1";
const TOKEN: &str = "dx-client-test-token";

/// Creates the cached venv with dxpy and returns the path of its `dx`.
///
/// Both tests of this file call it at once (and nextest runs them in separate processes),
/// so the creation is serialised by an exclusive lock on a file beside the venv. A venv is
/// used only once its `ready` marker names the pinned dxpy: an install cut short (a killed
/// run, a PyPI outage) is removed and made again instead of failing every later run.
fn dx_binary() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let venv = tmp.join("dx-venv");
    let dx = venv.join("bin").join("dx");
    let ready = venv.join("ready");
    let file = std::fs::File::create(tmp.join("dx-venv.lock")).expect("lock file");
    let mut lock = fd_lock::RwLock::new(file);
    let _held = lock.write().expect("locking the venv");
    // The marker names the pinned version, so changing the pin makes a new venv.
    if std::fs::read_to_string(&ready).is_ok_and(|pinned| pinned == DXPY) {
        return dx;
    }
    if venv.exists() {
        std::fs::remove_dir_all(&venv).expect("removing a half-made venv");
    }
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let status = Command::new(&python)
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "creating the virtual environment failed");
    let status = Command::new(venv.join("bin").join("pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", DXPY])
        .status()
        .expect("pip runs");
    assert!(status.success(), "pip install {DXPY} failed");
    assert!(dx.exists(), "dxpy installed no dx command");
    std::fs::write(&ready, DXPY).expect("writing the venv's ready marker");
    dx
}

/// `dxconform serve` on a free port; killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// `serve` with these extra arguments.
    fn start_with(extra: &[&str]) -> Server {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dxconform"))
            .args(["serve", "--listen", "127.0.0.1:0", "--user"])
            .arg(format!("alice={TOKEN}"))
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dxconform serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut port = None;
        let mut printed = Vec::new();
        for line in lines.by_ref() {
            let line = line.expect("serve prints UTF-8");
            printed.push(line.clone());
            if let Some(addr) = line.strip_prefix("listening on http://") {
                port = addr.rsplit(':').next().and_then(|p| p.trim().parse().ok());
            }
            if line.contains("DX_SECURITY_CONTEXT") {
                break;
            }
        }
        let port = port.unwrap_or_else(|| panic!("no `listening on` line in {printed:#?}"));
        let all = printed.join("\n");
        for var in [
            "DX_APISERVER_PROTOCOL",
            "DX_APISERVER_HOST",
            "DX_APISERVER_PORT",
            "DX_SECURITY_CONTEXT",
        ] {
            assert!(
                all.contains(&format!("export {var}=")),
                "serve printed no export of {var}:\n{all}"
            );
        }
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "serve took {:?} to start",
            started.elapsed()
        );
        Server { child, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `dx` with an isolated configuration pointing at the server.
struct Dx {
    bin: PathBuf,
    port: u16,
    home: tempfile::TempDir,
    project: Option<String>,
}

impl Dx {
    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, None)
    }

    /// Runs `dx` with `stdin` as its standard input (none: `/dev/null`).
    fn run_with(&self, args: &[&str], stdin: Option<&[u8]>) -> Output {
        self.run_limited(args, stdin, Duration::from_secs(60))
    }

    /// [`Self::run_with`], failing if `dx` takes `limit` or longer.
    fn run_limited(&self, args: &[&str], stdin: Option<&[u8]>, limit: Duration) -> Output {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("DX_USER_CONF_DIR", self.home.path().join("dxconf"))
            .env("DX_APISERVER_PROTOCOL", "http")
            .env("DX_APISERVER_HOST", "127.0.0.1")
            .env("DX_APISERVER_PORT", self.port.to_string())
            .env(
                "DX_SECURITY_CONTEXT",
                format!(r#"{{"auth_token_type": "Bearer", "auth_token": "{TOKEN}"}}"#),
            )
            .env("DX_CLI_WD", "/")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(project) = &self.project {
            cmd.env("DX_PROJECT_CONTEXT_ID", project);
        }
        let started = Instant::now();
        let mut child = cmd.spawn().expect("dx runs");
        if let Some(data) = stdin {
            let mut pipe = child.stdin.take().expect("piped stdin");
            let data = data.to_vec();
            std::thread::spawn(move || {
                use std::io::Write;
                let _ = pipe.write_all(&data);
            });
        }
        let out = child.wait_with_output().expect("dx runs");
        // A server that answers 5xx makes dx retry for minutes: fail loudly instead.
        assert!(
            started.elapsed() < limit,
            "dx {args:?} took {:?}",
            started.elapsed()
        );
        out
    }

    /// Runs `dx`, requires exit 0 and returns stdout as bytes, untouched.
    #[track_caller]
    fn bytes(&self, args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
        let out = self.run_with(args, stdin);
        assert!(
            out.status.success(),
            "dx {args:?} exited {:?}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// Runs `dx`, requires exit 0 and returns stdout, trimmed.
    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "dx {args:?} exited {:?}\nstdout: {stdout}\nstderr: {stderr}",
            out.status.code()
        );
        stdout
    }

    /// Runs `dx`, requires exit status 3 (an API or resolution error) and returns stderr.
    #[track_caller]
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(3),
            "dx {args:?} should exit 3\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        stderr
    }

    #[track_caller]
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("dx {args:?} printed no JSON ({e}): {text}"))
    }
}

fn skip() -> bool {
    std::env::var("DXCONFORM_SKIP_DX").is_ok_and(|v| v == "1")
}

#[test]
fn dx_client_round_of_record_and_project_work() {
    if skip() {
        return;
    }
    let bin = dx_binary();
    let server = Server::start();
    let mut dx = Dx {
        bin,
        port: server.port,
        home: tempfile::tempdir().expect("temp dir"),
        project: None,
    };

    // Who am I: /system/whoami then /user-alice/describe for the handle.
    assert_eq!(dx.ok(&["whoami"]), "alice");
    assert_eq!(dx.ok(&["whoami", "--id"]), "user-alice");

    // A project, made the current one the way a user does with DX_PROJECT_CONTEXT_ID.
    let project = dx.ok(&["new", "project", "dx client test", "--brief"]);
    assert!(
        project.starts_with("project-") && project.len() == 32,
        "{project}"
    );
    dx.project = Some(project.clone());
    assert!(dx.ok(&["pwd"]).starts_with("dx client test:"));
    let found = dx.ok(&["find", "projects", "--brief"]);
    assert!(
        found.lines().any(|l| l == project),
        "find projects: {found}"
    );

    // A record with every option `dx new record` has.
    let rec = dx.ok(&[
        "new",
        "record",
        "/foo/bar",
        "--details",
        r#"{"a": 1}"#,
        "--property",
        "k=v",
        "--tag",
        "t1",
        "--type",
        "T",
        "-p",
        "--brief",
    ]);
    assert!(rec.starts_with("record-") && rec.len() == 31, "{rec}");
    let desc = dx.json(&["describe", &rec, "--json"]);
    assert_eq!(desc["id"], rec.as_str());
    assert_eq!(desc["name"], "bar");
    assert_eq!(desc["folder"], "/foo");
    assert_eq!(desc["tags"], serde_json::json!(["t1"]));
    assert_eq!(desc["types"], serde_json::json!(["T"]));
    assert_eq!(desc["properties"], serde_json::json!({"k": "v"}));
    assert_eq!(desc["details"], serde_json::json!({"a": 1}));
    assert_eq!(desc["state"], "open");
    let human = dx.ok(&["describe", &rec]);
    assert!(
        human.contains(&rec) && human.contains("bar"),
        "describe: {human}"
    );
    let with_details = dx.ok(&["describe", &rec, "--details"]);
    assert!(
        with_details.contains("\"a\""),
        "describe --details: {with_details}"
    );

    // Details round trip.
    assert_eq!(dx.json(&["get_details", &rec]), serde_json::json!({"a": 1}));
    dx.ok(&["set_details", &rec, r#"{"x": 2, "l": ["y"]}"#]);
    assert_eq!(
        dx.json(&["get_details", &rec]),
        serde_json::json!({"x": 2, "l": ["y"]})
    );

    // Tags, properties, name.
    dx.ok(&["tag", &rec, "t2", "t3"]);
    dx.ok(&["untag", &rec, "t1"]);
    dx.ok(&["set_properties", &rec, "a=b", "c="]);
    dx.ok(&["unset_properties", &rec, "k"]);
    dx.ok(&["rename", &rec, "renamed"]);
    let desc = dx.json(&["describe", &rec, "--json"]);
    assert_eq!(desc["tags"], serde_json::json!(["t2", "t3"]));
    assert_eq!(desc["properties"], serde_json::json!({"a": "b", "c": ""}));
    assert_eq!(desc["name"], "renamed");

    // Folders and listing.
    dx.ok(&["mkdir", "-p", "/a/b"]);
    dx.ok(&["mkdir", "-p", "/a/b"]);
    let ls = dx.ok(&["ls"]);
    assert!(ls.contains("a/") && ls.contains("foo/"), "ls: {ls}");
    let ls = dx.ok(&["ls", "/foo"]);
    assert!(ls.contains("renamed"), "ls /foo: {ls}");

    // Search: by name, glob, state, tag, property.
    let other = dx.ok(&["new", "record", "other", "--brief"]);
    let by_name = dx.ok(&["find", "data", "--name", "renamed", "--brief"]);
    assert_eq!(by_name, format!("{project}:{rec}"));
    let by_glob = dx.ok(&["find", "data", "--name", "ren*", "--brief"]);
    assert_eq!(by_glob, format!("{project}:{rec}"));
    let by_tag = dx.ok(&["find", "data", "--tag", "t2", "--brief"]);
    assert_eq!(by_tag, format!("{project}:{rec}"));
    let by_prop = dx.ok(&["find", "data", "--property", "a=b", "--brief"]);
    assert_eq!(by_prop, format!("{project}:{rec}"));
    let all = dx.ok(&["find", "data", "--brief"]);
    assert_eq!(all.lines().count(), 2, "find data: {all}");
    assert!(
        dx.ok(&["find", "data", "--state", "closed", "--brief"])
            .is_empty()
    );

    // Close: the lifecycle freezes details, keeps the name editable.
    dx.ok(&["close", &rec]);
    assert_eq!(dx.json(&["describe", &rec, "--json"])["state"], "closed");
    assert_eq!(
        dx.ok(&["find", "data", "--state", "closed", "--brief"]),
        format!("{project}:{rec}")
    );
    let err = dx.fails(&["set_details", &rec, r#"{"y": 1}"#]);
    assert!(err.contains("InvalidState"), "set_details on closed: {err}");
    dx.ok(&["rename", &rec, "still-renamable"]);

    // Moving and removing.
    dx.ok(&["mv", &other, "/a"]);
    assert_eq!(dx.json(&["describe", &other, "--json"])["folder"], "/a");
    dx.ok(&["rm", &other]);
    let err = dx.fails(&["describe", &other]);
    assert!(!err.is_empty());
    dx.ok(&["rm", "-r", "/a"]);
    let ls = dx.ok(&["ls"]);
    assert!(!ls.contains("a/"), "ls after rm -r: {ls}");

    // The raw API, and an API error's exit status.
    let made = dx.json(&[
        "api",
        "record",
        "new",
        &format!(r#"{{"project": "{project}"}}"#),
    ]);
    assert!(
        made["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("record-")),
        "{made}"
    );
    let err = dx.fails(&["api", "record-000000000000000000000000", "describe"]);
    assert!(
        err.contains("ResourceNotFound"),
        "api describe unknown: {err}"
    );
    let err = dx.fails(&["describe", "record-000000000000000000000000"]);
    assert!(!err.is_empty());

    // Remove the project; it is gone afterwards.
    dx.ok(&["rmproject", "-y", &project]);
    let err = dx.fails(&["api", &project, "describe"]);
    assert!(
        err.contains("ResourceNotFound"),
        "describe removed project: {err}"
    );
}

/// Deterministic content of `len` bytes (the suite's blob of that seed).
fn content(len: usize, seed: u8) -> Vec<u8> {
    dxconform::blob::blob(len, seed).bytes()
}

/// `curl` with its exit status checked; the body it printed.
#[track_caller]
fn curl(args: &[&str]) -> Vec<u8> {
    let out = Command::new("curl")
        .args(["-sS", "--fail", "--noproxy", "*"])
        .args(args)
        .output()
        .expect("curl runs");
    assert!(
        out.status.success(),
        "curl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn dx_client_round_of_file_work() {
    if skip() {
        return;
    }
    let bin = dx_binary();
    // Files read `closing` for 300 ms after close, so `--wait` has something to wait for.
    let server = Server::start_with(&["--closing-ms", "300"]);
    let mut dx = Dx {
        bin,
        port: server.port,
        home: tempfile::tempdir().expect("temp dir"),
        project: None,
    };
    let project = dx.ok(&["new", "project", "dx files test", "--brief"]);
    let other = dx.ok(&["new", "project", "dx files other", "--brief"]);
    dx.project = Some(project.clone());
    let dir = tempfile::tempdir().expect("temp dir");
    let local = |name: &str| dir.path().join(name).to_str().unwrap().to_string();

    // dx upload: an empty file, a small file, a 12 MiB file in 5 MiB parts (three parts,
    // uploaded in parallel by dx's thread pool), and standard input.
    let empty = content(0, 1);
    let small = b"line one\nline two\nline three\n".to_vec();
    let big = content(12 * 1024 * 1024, 7);
    std::fs::write(local("empty.bin"), &empty).unwrap();
    std::fs::write(local("small.txt"), &small).unwrap();
    std::fs::write(local("big.bin"), &big).unwrap();
    let up = |path: &str, extra: &[&str]| {
        let mut args = vec!["upload", path, "--brief", "--wait", "--no-progress"];
        args.extend_from_slice(extra);
        let id = dx.ok(&args);
        assert!(id.starts_with("file-") && id.len() == 29, "{id}");
        id
    };
    let empty_id = up(&local("empty.bin"), &[]);
    let small_id = up(&local("small.txt"), &[]);
    let big_id = up(&local("big.bin"), &["--buffer-size", "5242880"]);
    let stdin_id = {
        let out = dx.bytes(
            &[
                "upload",
                "-",
                "--path",
                "/from-stdin.txt",
                "--brief",
                "--wait",
            ],
            Some(&small),
        );
        String::from_utf8(out).unwrap().trim().to_string()
    };
    assert!(stdin_id.starts_with("file-"), "{stdin_id}");

    // What describe says of them: closed, their sizes, the parts dx sent.
    let desc = dx.json(&["describe", &big_id, "--json", "--details"]);
    assert_eq!(desc["state"], "closed");
    assert_eq!(desc["size"], big.len());
    assert_eq!(desc["name"], "big.bin");
    let parts = dx.json(&["api", &big_id, "describe", r#"{"fields": {"parts": true}}"#]);
    let parts = parts["parts"].as_object().expect("parts");
    assert_eq!(parts.len(), 3, "{parts:?}");
    assert!(parts.values().all(|p| p["state"] == "complete"));
    assert_eq!(dx.json(&["describe", &empty_id, "--json"])["size"], 0);
    let stdin_desc = dx.json(&["describe", &stdin_id, "--json"]);
    assert_eq!(stdin_desc["name"], "from-stdin.txt");
    assert_eq!(stdin_desc["size"], small.len());

    // dx cat and dx head.
    assert_eq!(dx.bytes(&["cat", &small_id], None), small);
    assert_eq!(dx.bytes(&["cat", &stdin_id], None), small);
    assert!(dx.bytes(&["cat", &empty_id], None).is_empty());
    assert!(
        dx.bytes(&["cat", &big_id], None) == big,
        "dx cat of the 12 MiB file"
    );
    let head = String::from_utf8(dx.bytes(&["head", "-n", "2", &small_id], None)).unwrap();
    assert_eq!(head.trim_end(), "line one\nline two");

    // dx download: whole, to standard output, and resumed after a partial local copy.
    dx.ok(&[
        "download",
        &big_id,
        "-o",
        &local("big.out"),
        "--no-progress",
    ]);
    assert!(
        std::fs::read(local("big.out")).unwrap() == big,
        "download whole"
    );
    dx.ok(&[
        "download",
        &empty_id,
        "-o",
        &local("empty.out"),
        "--no-progress",
    ]);
    assert!(std::fs::read(local("empty.out")).unwrap().is_empty());
    let to_stdout = dx.bytes(&["download", &small_id, "-o", "-"], None);
    assert_eq!(to_stdout, small);
    let mut partial = big[..5 * 1024 * 1024].to_vec();
    partial.extend_from_slice(b"bytes that are not the file's");
    std::fs::write(local("resumed.out"), &partial).unwrap();
    dx.ok(&[
        "download",
        &big_id,
        "-o",
        &local("resumed.out"),
        "-f",
        "--no-progress",
    ]);
    assert!(
        std::fs::read(local("resumed.out")).unwrap() == big,
        "download resumed"
    );

    // dx make_download_url, fetched with curl (whole and one range).
    let url = dx.ok(&["make_download_url", &small_id]);
    assert!(url.starts_with("http://"), "{url}");
    assert_eq!(curl(&[&url]), small);
    assert_eq!(curl(&["-r", "5-7", &url]), b"one");

    // dx close --wait on a file made through the API with no part: dx uploads the empty
    // part 1 itself (the region allows an empty last part), closes and waits through
    // `closing` (the server closes in 300 ms). Closing it again is harmless: the empty-part
    // `/upload` dx tries first is InvalidState on a closed file, which dx ignores.
    let made = dx.json(&[
        "api",
        "file",
        "new",
        &format!(r#"{{"project": "{project}", "name": "by-api"}}"#),
    ]);
    let by_api = made["id"].as_str().unwrap().to_string();
    assert_eq!(dx.json(&["describe", &by_api, "--json"])["state"], "open");
    dx.ok(&["close", &by_api, "--wait"]);
    let desc = dx.json(&["describe", &by_api, "--json"]);
    assert_eq!(
        (&desc["state"], &desc["size"]),
        (&json!("closed"), &json!(0))
    );
    // dxpy retries the refused empty-part /upload six times, with a jittered back-off of
    // about a minute in all, before it ignores the InvalidState and closes: the client's
    // way with the documented 422, so this one call may take up to two minutes.
    let again = dx.run_limited(&["close", &by_api], None, Duration::from_secs(120));
    assert!(
        again.status.success(),
        "dx close on a closed file exited {:?}\nstderr: {}",
        again.status.code(),
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(dx.bytes(&["cat", &by_api], None).is_empty());
    dx.ok(&["rm", &by_api]);

    // dx cp into another project: the same file, readable there.
    dx.ok(&["cp", &small_id, &format!("{other}:/")]);
    let there = dx.ok(&["find", "data", "--project", &other, "--brief"]);
    assert_eq!(there, format!("{other}:{small_id}"));
    assert_eq!(
        dx.bytes(&["cat", &format!("{other}:{small_id}")], None),
        small
    );

    // dx rm: gone from this project, still in the other.
    dx.ok(&["rm", &small_id]);
    let ls = dx.ok(&["ls"]);
    assert!(!ls.contains("small.txt"), "ls after rm: {ls}");
    assert_eq!(
        dx.bytes(&["cat", &format!("{other}:{small_id}")], None),
        small
    );
    dx.ok(&["rm", &big_id, &empty_id]);
    let left = dx.ok(&["find", "data", "--brief"]);
    assert_eq!(left, format!("{project}:{stdin_id}"));
}
