//! The HTML matrix as a person sees it: a real run with an injected fault writes the
//! report, a real headless Chromium opens it, and the test reads what is on the screen:
//! the run's facts, the counts, a violated item shown as failed and an item that its
//! failing case did not violate shown as passed, Markdown rendered (no literal backticks),
//! and the filter hiding rows.
//!
//! Chromium is driven through chromedriver's W3C WebDriver HTTP API with reqwest, which the
//! crate already has: no browser download, no Node.js, no extra crate. Both come from
//! Debian's packages `chromium` and `chromium-driver` (`.ci/run` installs them when
//! missing). Without them the test is reported as ignored, with the reason, except under
//! `CI=true`, where a missing browser is a failure. `DXCONFORM_CHROMIUM` and
//! `DXCONFORM_CHROMEDRIVER` point at other binaries; `DXCONFORM_SCREENSHOT=FILE` also writes
//! the screenshot there (the README's `docs/matrix.png` is made so).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use serde_json::{Value, json};

/// The fault the report is made with: new records are hidden by default, which fails MUST
/// items, warns on SHOULD ones, and fails cases that also check items it does not break.
const FAULT: &str = "new-hidden-default-true";
/// An item whose statement has backticks: `project` (string, required)...
const MARKDOWN_ITEM: &str = "record/new#input.project";

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::ignorable_test("report_browser::matrix_in_headless_chromium", matrix);
    libtest_mimic::run(&args, vec![trial]).exit();
}

/// The first of `names` that is an executable file, as given or on the PATH.
fn find_binary(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn matrix() -> Result<Completion, Failed> {
    let chromium = find_binary(
        "DXCONFORM_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = find_binary("DXCONFORM_CHROMEDRIVER", &["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let reason = "no chromium and chromedriver here (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            return Err(format!("CI=true but {reason}").into());
        }
        eprintln!("report_browser: SKIPPED: {reason}");
        return Ok(Completion::ignored_with(format!("skipped: {reason}")));
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let run = make_report(dir.path())?;
    let made = started.elapsed();
    let browser = Browser::start(&driver, &chromium, dir.path())?;
    eprintln!("TIMING start {:?}", started.elapsed());
    let result = check_page(&browser, &run, dir.path());
    eprintln!("TIMING checked {:?}", started.elapsed());
    browser.quit();
    result?;
    eprintln!(
        "report_browser: report made in {:.1} s, checked in Chromium in {:.1} s",
        made.as_secs_f64(),
        (started.elapsed() - made).as_secs_f64()
    );
    Ok(Completion::Completed)
}

/// What the JSON report of the same run says: what the page must show.
struct Expected {
    json: Value,
    /// Items a MUST violation names (the run is not strict): shown as failed.
    failed: BTreeSet<String>,
    /// Items only SHOULD violations name: shown as warned.
    warned: BTreeSet<String>,
    /// An item named by a failed case that no violation names: shown as passed.
    held_in_failed_case: String,
    /// An item a MUST violation names, and the first line of that violation's text.
    violated: (String, String),
}

fn make_report(dir: &Path) -> Result<Expected, Failed> {
    let html = dir.join("matrix.html");
    let json_path = dir.join("report.json");
    let out = Command::new(env!("CARGO_BIN_EXE_dxconform"))
        .arg("--html")
        .arg(&html)
        .arg("--json")
        .arg(&json_path)
        .args(["--fault", FAULT])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run dxconform: {e}"))?;
    // 1: the fault fails cases, as it should; anything else is a broken run.
    if out.status.code() != Some(1) {
        return Err(format!(
            "dxconform --fault {FAULT} exited with {:?}:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(&json_path).map_err(|e| format!("no JSON report: {e}"))?,
    )
    .map_err(|e| e.to_string())?;
    let mut failed = BTreeSet::new();
    let mut should = BTreeSet::new();
    let cases = json["cases"]
        .as_array()
        .ok_or("no cases in the JSON report")?;
    for v in cases
        .iter()
        .flat_map(|c| c["violations"].as_array().unwrap())
    {
        for item in v["items"].as_array().unwrap() {
            let item = item.as_str().unwrap().to_string();
            if v["level"] == "MUST" {
                failed.insert(item);
            } else {
                should.insert(item);
            }
        }
    }
    let warned: BTreeSet<String> = should.difference(&failed).cloned().collect();
    let held_in_failed_case = cases
        .iter()
        .filter(|c| c["outcome"] == "fail")
        .flat_map(|c| c["items"].as_array().unwrap())
        .map(|i| i.as_str().unwrap().to_string())
        .find(|i| !failed.contains(i) && !warned.contains(i))
        .ok_or("no failed case names an item it did not violate: pick another fault")?;
    // A failed item with few distinct differences (the row folds away all but three), and
    // the first line of one of them.
    let all: Vec<&Value> = cases
        .iter()
        .flat_map(|c| c["violations"].as_array().unwrap())
        .collect();
    let differences = |item: &str| -> BTreeSet<String> {
        all.iter()
            .filter(|v| v["items"].as_array().unwrap().iter().any(|i| i == item))
            .map(|v| format!("{}{}", v["level"], v["text"]))
            .collect()
    };
    let violated = all
        .iter()
        .filter(|v| v["level"] == "MUST")
        .map(|v| (v["items"][0].as_str().unwrap(), v["text"].as_str().unwrap()))
        .find(|(item, _)| differences(item).len() <= 3)
        .map(|(item, text)| {
            let first = text.lines().next().unwrap_or("");
            (item.to_string(), first.to_string())
        })
        .ok_or_else(|| format!("the fault {FAULT} no longer violates a MUST item"))?;
    Ok(Expected {
        json,
        failed,
        warned,
        held_in_failed_case,
        violated,
    })
}

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), Failed> {
    if ok { Ok(()) } else { Err(what().into()) }
}

fn check_page(b: &Browser, run: &Expected, dir: &Path) -> Result<(), Failed> {
    // One row per catalogue item.
    let catalogue: usize = dxconform::cases::TABLES.iter().map(|t| t.items.len()).sum();
    let url = format!("file://{}", dir.join("matrix.html").display());
    b.post("/url", json!({ "url": url }))?;
    check(b.title()?.starts_with("dxconform matrix"), || {
        "page title".into()
    })?;

    // The run's facts.
    let meta = b.text(&b.find("#meta")?)?;
    let info = &run.json["run"];
    for want in [
        env!("CARGO_PKG_VERSION").to_string(),
        info["run_id"].as_str().unwrap().to_string(),
        info["target"].as_str().unwrap().to_string(),
        format!("--fault {FAULT}"),
        info["requests"].to_string(),
        info["started"].as_str().unwrap()[..10].to_string(),
    ] {
        check(meta.contains(&want), || {
            format!("the run facts do not show {want:?}: {meta:?}")
        })?;
    }
    check(meta.contains("Duration"), || {
        format!("no duration: {meta:?}")
    })?;

    // The counts: items per outcome, and cases as the JSON counts them.
    let tile = |class: &str| -> Result<usize, Failed> {
        let text = b.text(&b.find(&format!(".tile.{class} b"))?)?;
        text.parse::<usize>()
            .map_err(|_| format!("tile {class}: {text:?}").into())
    };
    check(tile("fail")? == run.failed.len(), || {
        format!(
            "failed items tile shows {:?}, want {}",
            tile("fail").ok(),
            run.failed.len()
        )
    })?;
    check(tile("warn")? == run.warned.len(), || {
        format!(
            "warned items tile shows {:?}, want {}",
            tile("warn").ok(),
            run.warned.len()
        )
    })?;
    let cases_line = b.text(&b.find("#cases-line")?)?;
    let summary = &run.json["summary"];
    for (key, word) in [("pass", "passed"), ("fail", "failed"), ("warn", "warned")] {
        let want = format!("{} {word}", summary[key].as_u64().unwrap_or(0));
        check(cases_line.contains(&want), || {
            format!("cases line {cases_line:?} lacks {want:?}")
        })?;
    }
    // The per-page summary: pages with failures first, failures adding up.
    let fails: Vec<usize> = b
        .find_all("#summary td[data-count=fail]")?
        .iter()
        .map(|e| b.text(e).map(|t| t.parse().unwrap_or(usize::MAX)))
        .collect::<Result<_, _>>()?;
    check(fails.first().is_some_and(|n| *n > 0), || {
        format!("the first page of the summary has no failures: {fails:?}")
    })?;
    check(fails.windows(2).all(|w| w[0] >= w[1]), || {
        format!("pages are not ordered failures first: {fails:?}")
    })?;
    check(fails.iter().sum::<usize>() == run.failed.len(), || {
        format!(
            "per-page failures {fails:?} do not add up to {}",
            run.failed.len()
        )
    })?;

    // A violated item is shown as failed, with the difference; an item its failing case
    // did not violate is shown as passed.
    let row = |id: &str| format!("tr[data-item=\"{id}\"]");
    let (violated_id, difference) = &run.violated;
    let violated = b.find(&row(violated_id))?;
    let result = b.text(&b.find(&format!("{} td.res", row(violated_id)))?)?;
    check(result == "fail", || {
        format!("{violated_id} shows {result:?}")
    })?;
    let checks = b.text(&b.find(&format!("{} td.checks", row(violated_id)))?)?;
    check(checks.contains(difference.trim()), || {
        format!("{violated_id} does not show the difference {difference:?}: {checks:?}")
    })?;
    let held = &run.held_in_failed_case;
    let result = b.text(&b.find(&format!("{} td.res", row(held)))?)?;
    check(result.starts_with("pass"), || {
        format!("{held} was not violated but shows {result:?}")
    })?;
    // Failures first within a page: the first row of the violated item's page failed.
    let first = b.execute(
        "return arguments[0].closest('tbody').querySelector('tr').dataset.o",
        &[&violated],
    )?;
    check(first == "fail", || {
        format!("first row of the page is {first}")
    })?;

    // Markdown rendered: statements show code, never backticks; source tags are badges.
    let code = b.text(&b.find(&format!("{} td.text code", row(MARKDOWN_ITEM)))?)?;
    check(code == "project", || {
        format!("{MARKDOWN_ITEM} code: {code:?}")
    })?;
    // innerText is the rendered text: what a person would see, row by row.
    let statements = b.execute(
        "return Array.from(document.querySelectorAll('td.text'), e => e.innerText)",
        &[],
    )?;
    let statements: Vec<&str> = statements
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    check(
        statements.len() == catalogue && statements.iter().all(|s| !s.trim().is_empty()),
        || format!("{} statements, some not rendered", statements.len()),
    )?;
    let statements = statements.join("\n");
    check(!statements.contains('`'), || {
        "a statement shows a literal backtick".into()
    })?;
    check(
        !statements.contains("[CLIENT]") && statements.contains("CLIENT"),
        || "source tags are not shown as badges".into(),
    )?;
    let legend = b.text(&b.find("#legend")?)?;
    for want in ["MUST", "SHOULD", "OBSERVED", "INFERRED", "SILENT", "xpass"] {
        check(legend.contains(want), || format!("the legend lacks {want}"))?;
    }

    // The filter: text, outcome and level hide rows and pages.
    let total = b.find_all("tr.item")?.len();
    check(total == catalogue, || {
        format!("{total} rows for {catalogue} items")
    })?;
    let shown = || -> Result<String, Failed> { b.text(&b.find("#shown")?) };
    check(
        shown()? == format!("{total} of {total} items shown"),
        || format!("before filtering: {:?}", shown().ok()),
    )?;
    let input = b.find("#filter-text")?;
    b.post(
        &format!("/element/{input}/value"),
        json!({ "text": violated_id }),
    )?;
    check(shown()? == format!("1 of {total} items shown"), || {
        format!("filtering by {violated_id}: {:?}", shown().ok())
    })?;
    check(b.displayed(&violated)?, || {
        format!("{violated_id} hidden by its own id")
    })?;
    let other = b.find(&row(MARKDOWN_ITEM))?;
    check(!b.displayed(&other)?, || {
        format!("{MARKDOWN_ITEM} still shown when filtering by {violated_id}")
    })?;
    check(!b.displayed(&b.find("#page-protocols")?)?, || {
        "a page with no matching row is still shown".into()
    })?;
    b.click(&b.find("#filter-reset")?)?;
    // Only failures and warnings: uncheck pass.
    b.click(&b.find("#filter-outcomes input[value=pass]")?)?;
    let bad = run.failed.len() + run.warned.len();
    check(shown()? == format!("{bad} of {total} items shown"), || {
        format!("without passes: {:?}, want {bad}", shown().ok())
    })?;
    check(!b.displayed(&other)?, || {
        format!("{MARKDOWN_ITEM} passed but is shown")
    })?;
    // Only SHOULD items among those: the warned ones.
    b.click(&b.find("#filter-level option[value=SHOULD]")?)?;
    let should_bad = b.execute(
        "return document.querySelectorAll('tr.item[data-l=SHOULD]:is([data-o=fail],[data-o=warn])').length",
        &[],
    )?;
    check(
        shown()? == format!("{should_bad} of {total} items shown"),
        || format!("SHOULD failures and warnings: {:?}", shown().ok()),
    )?;
    check(!b.displayed(&violated)?, || {
        format!("{violated_id} is MUST but shown")
    })?;
    b.click(&b.find("#filter-reset")?)?;
    check(
        shown()? == format!("{total} of {total} items shown"),
        || format!("after reset: {:?}", shown().ok()),
    )?;

    // The screenshot, for a person to look at (and the README's): the top of the page,
    // the legend folded so that the first failures show.
    b.post("/window/rect", json!({ "width": 1400, "height": 1250 }))?;
    b.click(&b.find("#legend summary")?)?;
    b.execute("window.scrollTo(0, 0)", &[])?;
    let png = b.screenshot()?;
    let keep = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("matrix.png");
    std::fs::write(&keep, &png).map_err(|e| e.to_string())?;
    if let Some(path) = std::env::var_os("DXCONFORM_SCREENSHOT") {
        std::fs::write(&path, &png).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// chromedriver and one Chromium session; both end when this is dropped.
struct Browser {
    driver: Child,
    client: reqwest::Client,
    runtime: tokio::runtime::Runtime,
    /// `http://127.0.0.1:PORT/session/ID`.
    session: String,
}

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    fn start(driver: &Path, chromium: &Path, dir: &Path) -> Result<Browser, Failed> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver.display()))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let mut browser = Browser {
            driver: child,
            client: reqwest::Client::new(),
            runtime,
            session: String::new(),
        };
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = browser
                .request(reqwest::Method::GET, &format!("{base}/status"), None)
                .is_ok_and(|v| v["ready"] == true);
            if ready {
                break;
            }
            if Instant::now() > deadline {
                return Err("chromedriver did not become ready in 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // The flags this machine needs (no sandbox as root, no GPU, no background network:
        // the network is closed) and a fresh profile.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1400,1000",
        ]
        .map(String::from)
        .into_iter()
        .chain([format!("--user-data-dir={}", dir.join("profile").display())])
        .collect::<Vec<_>>();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
        }}});
        let session = browser.request(
            reqwest::Method::POST,
            &format!("{base}/session"),
            Some(caps),
        )?;
        let id = session["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session: {session}"))?;
        browser.session = format!("{base}/session/{id}");
        Ok(browser)
    }

    /// One WebDriver command; its `value`, or the error it answered.
    fn request(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<Value>,
    ) -> Result<Value, Failed> {
        self.runtime.block_on(async {
            let mut req = self
                .client
                .request(method, url)
                .timeout(Duration::from_secs(60));
            if let Some(b) = body {
                req = req.json(&b);
            }
            let answer = req.send().await.map_err(|e| e.to_string())?;
            let status = answer.status();
            let v: Value = answer.json().await.map_err(|e| e.to_string())?;
            if !status.is_success() {
                let v = &v["value"];
                return Err(
                    format!("WebDriver {url}: {status} {}: {}", v["error"], v["message"]).into(),
                );
            }
            Ok(v["value"].clone())
        })
    }

    fn get(&self, path: &str) -> Result<Value, Failed> {
        self.request(
            reqwest::Method::GET,
            &format!("{}{path}", self.session),
            None,
        )
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, Failed> {
        self.request(
            reqwest::Method::POST,
            &format!("{}{path}", self.session),
            Some(body),
        )
    }

    fn title(&self) -> Result<String, Failed> {
        Ok(self.get("/title")?.as_str().unwrap_or_default().to_string())
    }

    fn find(&self, css: &str) -> Result<String, Failed> {
        let v = self
            .post("/element", json!({ "using": "css selector", "value": css }))
            .map_err(|e| format!("{css}: {}", e.message().unwrap_or("not found")))?;
        v[ELEMENT]
            .as_str()
            .map(String::from)
            .ok_or_else(|| format!("{css}: not an element: {v}").into())
    }

    fn find_all(&self, css: &str) -> Result<Vec<String>, Failed> {
        let v = self.post(
            "/elements",
            json!({ "using": "css selector", "value": css }),
        )?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The element's rendered text, as WebDriver defines it: what a person sees.
    fn text(&self, element: &str) -> Result<String, Failed> {
        Ok(self
            .get(&format!("/element/{element}/text"))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    fn displayed(&self, element: &str) -> Result<bool, Failed> {
        Ok(self.get(&format!("/element/{element}/displayed"))? == true)
    }

    fn click(&self, element: &str) -> Result<(), Failed> {
        self.post(&format!("/element/{element}/click"), json!({}))
            .map(|_| ())
    }

    /// Run a script with elements as its arguments.
    fn execute(&self, script: &str, elements: &[&str]) -> Result<Value, Failed> {
        let args: Vec<Value> = elements.iter().map(|id| json!({ ELEMENT: id })).collect();
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    fn screenshot(&self) -> Result<Vec<u8>, Failed> {
        let b64 = self.get("/screenshot")?;
        base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .map_err(|e| e.to_string().into())
    }

    fn quit(&self) {
        let _ = self.request(reqwest::Method::DELETE, &self.session, None);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
