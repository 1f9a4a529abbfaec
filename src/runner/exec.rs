//! Running one case against a resolved target: scratch projects, steps (in [`super::step`]),
//! cleanup, the verdict from the violated facts, and the failure message.
//!
//! Every write goes into scratch projects the case creates (`dxconform-<run id>-<case>`,
//! plus `-2` for `$project2`), with the peer invited at the level the case needs; they
//! are destroyed when the case ends, whatever its outcome, unless `--keep`. The failure
//! message names the case and summary, each catalogue item with its level and
//! documentation link, the request (method, URL path, body, principal; never a token) and
//! each difference with the item it breaks and that item's level, so an endpoint developer
//! can act on it without reading this code.

use std::time::Instant;

use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::case::{Access, Need};

use super::Options;
use super::check::Window;
use super::client::{self, Answer, Request};
use super::fact::Violation;
use super::normalize::Normalizer;
use super::outcome::{self, Outcome};
use super::prepare::Prepared;
use super::report::{CaseReport, clip};
use super::snapshot::SnapshotMode;
use super::sweep;
use super::target::{Resolved, Target};
use super::transcript::StepRecord;
use super::vars::Vars;

/// Run one case and judge it from its violated facts. The target must be resolved
/// already ([`Target::resolve`], outside any `block_on`).
pub async fn run_case(case: &Prepared, target: &Target, options: &Options) -> CaseReport {
    let started = Instant::now();
    let mut report = CaseReport::new(case);
    if let Some(reason) = not_applicable(case, target) {
        report.outcome = Outcome::Ignored;
        report.message = Some(reason);
        return report;
    }
    let mut run = match target.get() {
        Ok(resolved) => run_steps(case, resolved, target, options).await,
        Err(e) => {
            // Only reached when a caller skipped the set-up check.
            report.outcome = Outcome::Fail;
            report.message = Some(format!("{}: the target is not usable: {e}", case.case.name));
            return report;
        }
    };
    report.notes = std::mem::take(&mut run.notes);
    report.aborted = run.dead.clone();
    report.kept = std::mem::take(&mut run.kept);
    report.recorded = std::mem::take(&mut run.recorded);
    let violations = std::mem::take(&mut run.violations);
    let expected_failure = options.baseline.contains(case.case.name);
    report.outcome = outcome::judge(&violations, options.strict, expected_failure);
    report.violations = violations.iter().map(Violation::report).collect();
    report.message = match report.outcome {
        Outcome::Xpass => Some(format!(
            "{} passed but is listed in the baseline {}: remove it from there",
            case.case.name,
            options.baseline.source.as_deref().unwrap_or("")
        )),
        _ if violations.is_empty() => None,
        _ => Some(format!(
            "{}\n{}\n{}",
            header(case, &violations),
            run.render_blocks(&violations),
            reproduce(case, options, &run.records)
        )),
    };
    if !violations.is_empty() {
        report.steps = run.records.iter().map(StepRecord::report).collect();
    }
    report.duration_ms = started.elapsed().as_millis() as u64;
    report
}

/// How to run the case again: the `dxconform` line, then one `curl` line per step.
fn reproduce(case: &Prepared, options: &Options, records: &[StepRecord]) -> String {
    let mut out = format!(
        "  reproduce:\n    dxconform run --exact {}{}",
        case.case.name,
        if options.rerun_flags.is_empty() {
            String::new()
        } else {
            format!(" {}", options.rerun_flags)
        }
    );
    if records.is_empty() {
        return out;
    }
    out.push_str(if options.keep {
        "\n    the steps as curl commands (the scratch projects were kept):"
    } else {
        "\n    the steps as curl commands (the run destroys its scratch projects: add --keep to replay them):"
    });
    for r in records {
        out.push_str(&format!("\n    # step {}\n    {}", r.step, r.curl()));
    }
    out
}

pub fn not_applicable(case: &Prepared, target: &Target) -> Option<String> {
    if case.needs_peer() && !target.has_peer() {
        return Some(
            "needs a second user (the peer): give --peer-token or DXCONFORM_PEER_TOKEN".into(),
        );
    }
    if case.needs_container() && !target.has_container() {
        return Some("needs a container fixture: give --container (or DXCONFORM_CONTAINER)".into());
    }
    if case.needs_billing() && !target.has_billing() {
        return Some(
            "needs the billing fixtures: give --limit-project and --expired-project (or DXCONFORM_LIMIT_PROJECT, DXCONFORM_EXPIRED_PROJECT)"
                .into(),
        );
    }
    None
}

/// Run the case's steps against the resolved target: the case run with its violated
/// facts, the message blocks of each step, the transcripts, notes and what was kept.
async fn run_steps<'a>(
    case: &'a Prepared,
    resolved: &'a Resolved,
    target: &Target,
    options: &'a Options,
) -> CaseRun<'a> {
    let mut run = CaseRun::new(case, resolved, options, target);
    if let Some(dead) = resolved.health.dead() {
        run.dead = Some(dead);
        return run;
    }
    match run.setup().await {
        Ok(()) => run.steps().await,
        Err(e) => {
            // None of the case's facts could be checked: a documented call it relies on
            // (creating a project, inviting the peer) failed.
            let v = Violation::new(
                0,
                &case.steps[0].fact,
                "preparing the case failed, so its items could not be checked",
            );
            run.blocks
                .push(Block::Text(format!("{e}\n    - {}", v.line())));
            run.violations.push(v);
            if let Some(dead) = resolved.health.dead() {
                run.dead = Some(dead);
            }
        }
    }
    if options.keep {
        run.kept = run.projects.clone();
    } else if run.dead.is_none() {
        let trouble = run.teardown().await;
        run.notes.extend(trouble);
    }
    run
}

/// The part of every message that says which case, which documented items it checks, and
/// which items were violated, at what level.
fn header(case: &Prepared, violations: &[Violation]) -> String {
    let mut out = format!(
        "{}: {}\n  documented items checked:",
        case.case.name, case.case.summary
    );
    for item in &case.items {
        out.push_str(&format!(
            "\n    {} {} <{}>\n      {}",
            item.level,
            item.id,
            item.url(),
            item.text
        ));
    }
    let mut broken: Vec<&'static crate::spec::Item> = Vec::new();
    for v in violations {
        for item in &v.fact.items {
            if !broken.iter().any(|b| b.id == item.id) {
                broken.push(item);
            }
        }
    }
    out.push_str("\n  violated:");
    for item in broken {
        out.push_str(&format!(
            "\n    {} {} <{}>",
            item.level,
            item.id,
            item.url()
        ));
        if !case.items.iter().any(|i| i.id == item.id) {
            out.push_str(&format!("\n      {}", item.text));
        }
    }
    out
}

/// One case being run: its variables, scratch projects and what it found so far.
pub(super) struct CaseRun<'a> {
    pub(super) case: &'a Prepared,
    pub(super) target: &'a Resolved,
    pub(super) options: &'a Options,
    pub(super) vars: Vars,
    /// Scratch projects to destroy: `(id, name)`.
    projects: Vec<(String, String)>,
    pub(super) normalizer: Normalizer,
    /// The normalizer of `--record`, numbering IDs on its own.
    pub(super) recorder: Normalizer,
    pub(super) snapshots_taken: usize,
    pub(super) mode: SnapshotMode,
    violations: Vec<Violation>,
    /// The message blocks of the steps (and of the set-up when it failed), rendered only
    /// when the case has something to report.
    blocks: Vec<Block>,
    notes: Vec<String>,
    /// What each step sent and got.
    records: Vec<StepRecord>,
    /// Each step's normalized answer, for `--record`/`--compare`.
    recorded: Vec<(usize, Value)>,
    /// The scratch projects left in place (`--keep`).
    kept: Vec<(String, String)>,
    /// Set when the target was found dead during this case.
    pub(super) dead: Option<String>,
}

impl<'a> CaseRun<'a> {
    fn new(case: &'a Prepared, target: &'a Resolved, options: &'a Options, t: &Target) -> Self {
        let normalizer = Normalizer::new(
            &target.owner.id,
            target.peer.as_ref().map(|p| p.id.as_str()),
            Window::new(options.started_ms),
        );
        CaseRun {
            case,
            target,
            options,
            vars: Vars::new(),
            projects: Vec::new(),
            recorder: normalizer.clone(),
            normalizer,
            snapshots_taken: 0,
            mode: options.snapshot_mode(t),
            violations: Vec::new(),
            blocks: Vec::new(),
            notes: Vec::new(),
            records: Vec::new(),
            recorded: Vec::new(),
            kept: Vec::new(),
            dead: None,
        }
    }
}

/// A request as shown in messages: no token, ever.
pub(super) fn describe_request(request: &Request, who: &str) -> String {
    // An API route is shown by its path; a URL the endpoint handed out (upload, download),
    // whole, since its host matters.
    let api = who != HANDED_OUT;
    let path = request
        .url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .filter(|_| api)
        .unwrap_or(&request.url);
    let mut out = format!("{} {path} {who}", request.method);
    for (name, value) in &request.headers {
        out.push_str(&format!("\n      header {name}: {value}"));
    }
    if let Some(ct) = &request.content_type {
        out.push_str(&format!("\n      Content-Type: {ct}"));
    }
    out.push_str(&format!(
        "\n      body: {}",
        show_bytes(&request.body, 1500)
    ));
    out
}

/// Who sends a request to a URL the endpoint handed out.
pub(super) const HANDED_OUT: &str = "to the URL the endpoint handed out (no token)";

/// Bytes for a message: text as it is (cut), anything else as its length and MD5.
fn show_bytes(bytes: &[u8], max: usize) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) if bytes.len() <= 64 * 1024 => clip(text, max),
        _ => format!(
            "{} bytes (md5 {})",
            bytes.len(),
            crate::blob::md5_hex(bytes)
        ),
    }
}

pub(super) fn describe_answer(answer: &Answer) -> String {
    if answer.body.is_empty() {
        format!("status {}, empty body", answer.status)
    } else if answer.json.is_some() {
        format!("status {}, body {}", answer.status, answer.body_text())
    } else {
        format!(
            "status {}, body {}",
            answer.status,
            show_bytes(&answer.body, 2000)
        )
    }
}

impl CaseRun<'_> {
    fn base_vars(&mut self) {
        let t = self.target;
        self.vars.insert("owner".into(), json!(t.owner.id));
        if let Some(p) = &t.peer {
            self.vars.insert("peer".into(), json!(p.id));
        }
        self.vars.insert(
            "run".into(),
            json!(self.options.run_value(self.case.case.name)),
        );
        if let Some(p) = &t.limit_project {
            self.vars.insert("limitProject".into(), json!(p));
        }
        if let Some(p) = &t.expired_project {
            self.vars.insert("expiredProject".into(), json!(p));
        }
        if let Some(c) = &t.container {
            self.vars.insert("container".into(), json!(c));
        }
    }

    /// An owner call used to prepare or clean up, answering its JSON or a message.
    async fn helper_call(&self, path: &str, body: Value, purpose: &str) -> Result<Value, String> {
        self.helper_call_or(path, body, purpose, None)
            .await
            .map(Option::unwrap_or_default)
    }

    /// [`Self::helper_call`], except that an error of type `fine` is no trouble (`None`):
    /// a scratch project the case destroyed itself is already gone.
    async fn helper_call_or(
        &self,
        path: &str,
        body: Value,
        purpose: &str,
        fine: Option<&str>,
    ) -> Result<Option<Value>, String> {
        let request = Request::post_json(
            format!("{}{path}", self.target.base),
            Some(self.target.owner.token()),
            &body,
        );
        // Described only for a message: most calls succeed.
        let shown = || describe_request(&request, &format!("as owner {}", self.target.owner.id));
        let answer = match client::send_async(&request).await {
            Ok(a) => a,
            Err(e) => {
                let e = match self.target.health.confirm().await {
                    Ok(()) => e,
                    Err(dead) => dead,
                };
                return Err(format!(
                    "  preparing the case ({purpose}) failed:\n    request: {}\n    no answer: {e}",
                    shown()
                ));
            }
        };
        if super::step::is_gateway_error(answer.status)
            && let Err(dead) = self.target.health.confirm().await
        {
            return Err(format!(
                "  preparing the case ({purpose}) failed:\n    request: {}\n    {dead}",
                shown()
            ));
        }
        let error_type = answer
            .json
            .as_ref()
            .and_then(|v| v.pointer("/error/type"))
            .and_then(Value::as_str);
        match (&answer.json, answer.status) {
            // Any 2xx is success (protocols: the status of a success is not documented).
            (Some(v), 200..=299) => Ok(Some(v.clone())),
            _ if fine.is_some() && error_type == fine => Ok(None),
            _ => Err(format!(
                "  preparing the case ({purpose}) failed, so its items could not be checked:\n    request: {}\n    got: {}",
                shown(),
                describe_answer(&answer)
            )),
        }
    }

    /// Create a scratch project, marked as this run's (`sweep` removes only marked ones).
    async fn new_project(&self, suffix: &str) -> Result<(String, String), String> {
        let name = format!(
            "{}{}-{}{suffix}",
            sweep::PREFIX,
            self.options.run_id,
            self.case.case.name
        );
        let answer = self
            .helper_call(
                "/project/new",
                json!({ "name": name, "properties": sweep::marker(&self.options.run_id) }),
                "create a scratch project",
            )
            .await?;
        let id = answer
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("  /project/new answered no `id`: {answer}"))?
            .to_string();
        Ok((id, name))
    }

    async fn invite(&self, project: &str, level: Access) -> Result<(), String> {
        let (Some(level), Some(peer)) = (level.as_api(), &self.target.peer) else {
            return Ok(());
        };
        self.helper_call(
            &format!("/{project}/invite"),
            json!({"invitee": peer.id, "level": level, "suppressEmailNotification": true}),
            &format!("invite the peer at {level}"),
        )
        .await
        .map(|_| ())
    }

    async fn setup(&mut self) -> Result<(), String> {
        self.base_vars();
        // The case's projects are created together: one round trip, not two.
        let second = self.case.needs_project2();
        let (first, other) = futures_util::join!(self.new_project(""), async {
            if second {
                Some(self.new_project("-2").await)
            } else {
                None
            }
        });
        let mut failed = None;
        for made in std::iter::once(first).chain(other) {
            match made {
                Ok(p) => self.projects.push(p),
                Err(e) => failed = failed.or(Some(e)),
            }
        }
        if let Some(e) = failed {
            return Err(e);
        }
        let project = self.projects[0].0.clone();
        self.vars.insert("project".into(), json!(project));
        self.vars
            .insert("projectName".into(), json!(self.projects[0].1.clone()));
        let project2 = self.projects.get(1).map(|p| p.0.clone());
        if let Some(p2) = &project2 {
            self.vars.insert("project2".into(), json!(p2));
            self.vars
                .insert("project2Name".into(), json!(self.projects[1].1.clone()));
        }
        let invites: Vec<(String, Access)> = self
            .case
            .case
            .needs
            .iter()
            .filter_map(|need| match need {
                Need::Peer(level) => Some((project.clone(), *level)),
                Need::PeerOnProject2(level) => project2.clone().map(|p| (p, *level)),
                Need::Project2 | Need::Billing | Need::Container => None,
            })
            .collect();
        for result in join_all(invites.iter().map(|(p, l)| self.invite(p, *l))).await {
            result?;
        }
        Ok(())
    }

    /// Destroy the scratch projects, together; trouble becomes notes (the verdict stands).
    async fn teardown(&mut self) -> Vec<String> {
        let projects = std::mem::take(&mut self.projects);
        let paths: Vec<String> = projects
            .iter()
            .map(|(project, _)| format!("/{project}/destroy"))
            .collect();
        let results = join_all(paths.iter().map(|path| {
            self.helper_call_or(
                path,
                json!({"terminateJobs": true}),
                "destroy a scratch project",
                Some("ResourceNotFound"),
            )
        }))
        .await;
        projects
            .iter()
            .zip(results)
            .filter_map(|((project, _), r)| {
                r.err().map(|e| {
                    format!(
                        "could not destroy scratch project {project} (`dxconform sweep` removes it): {}",
                        e.trim()
                    )
                })
            })
            .collect()
    }

    /// Run every step; a step whose MUST fact broke, or whose capture is missing, ends
    /// the case (later steps depend on it). SHOULD differences do not: the rest of the
    /// case still proves its MUST facts. Every step that ran is shown in the message.
    async fn steps(&mut self) {
        let count = self.case.steps.len();
        for (n, step) in self.case.steps.iter().enumerate() {
            let result = self.step(n + 1, step).await;
            self.notes.extend(result.notes);
            self.blocks.push(Block::Step(n + 1));
            if let Some(r) = result.record {
                self.records.push(r);
            }
            if let Some(v) = result.normalized {
                self.recorded.push((n + 1, v));
            }
            self.violations.extend(result.violations);
            if self.dead.is_some() {
                break;
            }
            if result.abort {
                if n + 1 < count {
                    self.blocks.push(Block::Text(format!(
                        "  steps {} to {count} were not run: they depend on this one",
                        n + 2
                    )));
                }
                break;
            }
        }
    }
}

/// A part of a failing case's message. Steps are kept as their numbers and shown from the
/// transcripts only when the case failed: describing every step of every passing case
/// (an MD5 of each 5 MiB part among it) was a quarter of the runner's CPU.
enum Block {
    Text(String),
    Step(usize),
}

impl CaseRun<'_> {
    /// Every step that ran, with what it sent, what came back and its differences.
    fn render_blocks(&self, violations: &[Violation]) -> String {
        let count = self.case.steps.len();
        let mut out = Vec::with_capacity(self.blocks.len());
        for b in &self.blocks {
            let n = match b {
                Block::Text(t) => {
                    out.push(t.clone());
                    continue;
                }
                Block::Step(n) => *n,
            };
            let mut block = format!("  step {n} of {count}:");
            if let Some(r) = self.records.iter().find(|r| r.step == n) {
                block.push_str(&format!("\n    request: {}", describe_record(r)));
                match &r.answer {
                    Ok(a) => block.push_str(&format!("\n    got: {}", describe_answer(a))),
                    Err(e) => block.push_str(&format!("\n    no answer: {e}")),
                }
            }
            let mine: Vec<&Violation> = violations.iter().filter(|v| v.step == n).collect();
            if !mine.is_empty() {
                block.push_str("\n    differences:");
                for v in mine {
                    block.push_str(&format!(
                        "\n      - {}",
                        v.line().replace('\n', "\n        ")
                    ));
                }
            }
            out.push(block);
        }
        out.join("\n")
    }
}

/// A step's request as the message shows it.
fn describe_record(r: &StepRecord) -> String {
    let request = Request {
        method: r.method,
        url: r.url.clone(),
        token: None,
        headers: r.headers.clone(),
        body: r.body.clone(),
        content_type: r.content_type.clone(),
        expected_status: None,
    };
    describe_request(&request, &r.who)
}
