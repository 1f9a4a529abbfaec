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
use super::target::{Resolved, Target};
use super::vars::Vars;

/// Run one case and judge it from its violated facts.
pub fn run_case(case: &Prepared, target: &Target, options: &Options) -> CaseReport {
    let started = Instant::now();
    let mut report = CaseReport {
        name: case.case.name.to_string(),
        summary: case.case.summary.to_string(),
        items: case.case.items.iter().map(|s| s.to_string()).collect(),
        level: case.level.to_string(),
        outcome: Outcome::Pass,
        message: None,
        notes: Vec::new(),
        violations: Vec::new(),
        duration_ms: 0,
    };
    if let Some(reason) = not_applicable(case, target) {
        report.outcome = Outcome::Ignored;
        report.message = Some(reason);
        return report;
    }
    let (violations, blocks) = run_steps(case, target, options, &mut report.notes);
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
            "{}\n{}",
            header(case, &violations),
            blocks.join("\n")
        )),
    };
    report.duration_ms = started.elapsed().as_millis() as u64;
    report
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

/// Run the case's steps against the target: the violated facts, and for each step that
/// had some, the block of the message that shows it.
fn run_steps(
    case: &Prepared,
    target: &Target,
    options: &Options,
    notes: &mut Vec<String>,
) -> (Vec<Violation>, Vec<String>) {
    let first = &case.steps[0].fact;
    let resolved = match target.resolve() {
        Ok(r) => r,
        Err(e) => {
            let v = Violation::new(0, first, format!("the target is not usable: {e}"));
            let block = format!("  {}", v.line());
            return (vec![v], vec![block]);
        }
    };
    let mut run = CaseRun {
        case,
        target: resolved,
        options,
        vars: Vars::new(),
        projects: Vec::new(),
        normalizer: Normalizer::new(
            &resolved.owner.id,
            resolved.peer.as_ref().map(|p| p.id.as_str()),
            Window::new(options.started_ms),
        ),
        snapshots_taken: 0,
        mode: options.snapshot_mode(target),
        violations: Vec::new(),
        blocks: Vec::new(),
        notes: Vec::new(),
    };
    match run.setup() {
        Ok(()) => run.steps(),
        Err(e) => {
            // None of the case's facts could be checked: a documented call it relies on
            // (creating a project, inviting the peer) failed.
            let v = Violation::new(
                0,
                first,
                "preparing the case failed, so its items could not be checked",
            );
            run.blocks.push(format!("{e}\n    - {}", v.line()));
            run.violations.push(v);
        }
    }
    if !options.keep {
        let trouble = run.teardown();
        run.notes.extend(trouble);
    }
    notes.append(&mut run.notes);
    (run.violations, run.blocks)
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
    /// Scratch projects to destroy.
    projects: Vec<String>,
    pub(super) normalizer: Normalizer,
    pub(super) snapshots_taken: usize,
    pub(super) mode: SnapshotMode,
    violations: Vec<Violation>,
    /// The message blocks of the steps that had violations.
    blocks: Vec<String>,
    notes: Vec<String>,
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
    fn helper_call(&self, path: &str, body: Value, purpose: &str) -> Result<Value, String> {
        let request = Request {
            method: "POST",
            url: format!("{}{path}", self.target.base),
            token: Some(self.target.owner.token().to_string()),
            headers: Vec::new(),
            body: body.to_string().into_bytes(),
            content_type: Some("application/json".into()),
            expected_status: None,
        };
        let shown = describe_request(&request, &format!("as owner {}", self.target.owner.id));
        let answer = client::send(&request).map_err(|e| {
            format!(
                "  preparing the case ({purpose}) failed:\n    request: {shown}\n    no answer: {e}"
            )
        })?;
        match (&answer.json, answer.status) {
            (Some(v), 200) => Ok(v.clone()),
            _ => Err(format!(
                "  preparing the case ({purpose}) failed, so its items could not be checked:\n    request: {shown}\n    got: {}",
                describe_answer(&answer)
            )),
        }
    }

    fn new_project(&mut self, suffix: &str) -> Result<String, String> {
        let name = format!(
            "dxconform-{}-{}{suffix}",
            self.options.run_id, self.case.case.name
        );
        let answer = self.helper_call(
            "/project/new",
            json!({ "name": name }),
            "create a scratch project",
        )?;
        let id = answer
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("  /project/new answered no `id`: {answer}"))?
            .to_string();
        self.projects.push(id.clone());
        Ok(id)
    }

    fn invite(&self, project: &str, level: Access) -> Result<(), String> {
        let (Some(level), Some(peer)) = (level.as_api(), &self.target.peer) else {
            return Ok(());
        };
        self.helper_call(
            &format!("/{project}/invite"),
            json!({"invitee": peer.id, "level": level, "suppressEmailNotification": true}),
            &format!("invite the peer at {level}"),
        )
        .map(|_| ())
    }

    fn setup(&mut self) -> Result<(), String> {
        self.base_vars();
        let project = self.new_project("")?;
        self.vars.insert("project".into(), json!(project));
        if self.case.needs_project2() {
            let project2 = self.new_project("-2")?;
            self.vars.insert("project2".into(), json!(project2));
        }
        for need in self.case.case.needs {
            match need {
                Need::Peer(level) => self.invite(&project, *level)?,
                Need::PeerOnProject2(level) => {
                    let p2 = self.vars["project2"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    self.invite(&p2, *level)?;
                }
                Need::Project2 | Need::Billing | Need::Container => {}
            }
        }
        Ok(())
    }

    /// Destroy the scratch projects; trouble becomes notes (the verdict stands).
    fn teardown(&mut self) -> Vec<String> {
        let mut notes = Vec::new();
        for project in std::mem::take(&mut self.projects) {
            if let Err(e) = self.helper_call(
                &format!("/{project}/destroy"),
                json!({"terminateJobs": true}),
                "destroy a scratch project",
            ) {
                notes.push(format!(
                    "could not destroy scratch project {project} (`dxconform sweep` removes it): {}",
                    e.trim()
                ));
            }
        }
        notes
    }

    /// Run every step; a step whose MUST fact broke, or whose capture is missing, ends
    /// the case (later steps depend on it). SHOULD differences do not: the rest of the
    /// case still proves its MUST facts.
    fn steps(&mut self) {
        let count = self.case.steps.len();
        for (n, step) in self.case.steps.iter().enumerate() {
            let result = self.step(n + 1, step);
            self.notes.extend(result.notes);
            if !result.violations.is_empty() {
                let mut block = format!(
                    "  step {} of {count}:{}\n    differences:",
                    n + 1,
                    result.shown
                );
                for v in &result.violations {
                    block.push_str(&format!(
                        "\n      - {}",
                        v.line().replace('\n', "\n        ")
                    ));
                }
                self.blocks.push(block);
            }
            self.violations.extend(result.violations);
            if result.abort {
                if n + 1 < count {
                    self.blocks.push(format!(
                        "  steps {} to {count} were not run: they depend on this one",
                        n + 2
                    ));
                }
                break;
            }
        }
    }
}
