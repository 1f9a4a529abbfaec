//! Running one case against a resolved target: scratch projects, steps, checks,
//! snapshots, cleanup, and the failure message.
//!
//! Every write goes into scratch projects the case creates (`dxconform-<run id>-<case>`,
//! plus `-2` for `$project2`), with the peer invited at the level the case needs; they
//! are destroyed when the case ends, whatever its outcome, unless `--keep`. The failure
//! message names the case and summary, each catalogue item with its level and
//! documentation link, the request (method, URL path, body, principal; never a token) and
//! the difference, so an endpoint developer can act on it without reading this code.

use std::time::Instant;

use serde_json::{Value, json};

use crate::case::{Access, Body, Check, Expect, Need, Who};
use crate::spec::Level;

use super::Options;
use super::check::{self, Window};
use super::client::{self, Answer, Request};
use super::normalize::Normalizer;
use super::outcome::{self, Verdict};
use super::prepare::{Prepared, PreparedStep};
use super::report::{CaseReport, clip};
use super::snapshot::{self, SnapshotMode};
use super::target::{Resolved, Target};
use super::vars::{self, Vars};

/// A token no endpoint issued, in a well-formed bearer header.
const BAD_TOKEN: &str = "dxconformNoSuchToken0000000000000000";

/// Run one case and judge it.
pub fn run_case(case: &Prepared, target: &Target, options: &Options) -> CaseReport {
    let started = Instant::now();
    let mut notes = Vec::new();
    let verdict = verdict(case, target, options, &mut notes);
    let expected_failure = options.baseline.contains(case.case.name);
    let outcome = outcome::judge(&verdict, case.level, options.strict, expected_failure);
    let message = match (&verdict, outcome) {
        (Verdict::NotApplicable(reason), _) => Some(reason.clone()),
        (Verdict::Violated(m), _) => Some(m.clone()),
        (Verdict::Held, outcome::Outcome::Xpass) => Some(format!(
            "{} passed but is listed in the baseline {}: remove it from there",
            case.case.name,
            options.baseline.source.as_deref().unwrap_or("")
        )),
        (Verdict::Held, _) => None,
    };
    CaseReport {
        name: case.case.name.to_string(),
        summary: case.case.summary.to_string(),
        items: case.case.items.iter().map(|s| s.to_string()).collect(),
        level: case.level.to_string(),
        outcome,
        message,
        notes,
        duration_ms: started.elapsed().as_millis() as u64,
    }
}

/// Why a case does not apply to a target, known before it runs.
pub fn not_applicable(case: &Prepared, target: &Target) -> Option<String> {
    if case.needs_peer() && !target.has_peer() {
        return Some(
            "needs a second user (the peer): give --peer-token or DXCONFORM_PEER_TOKEN".into(),
        );
    }
    if case.needs_billing() && !target.has_billing() {
        return Some(
            "needs the billing fixtures: give --limit-project and --expired-project (or DXCONFORM_LIMIT_PROJECT, DXCONFORM_EXPIRED_PROJECT)"
                .into(),
        );
    }
    None
}

fn verdict(
    case: &Prepared,
    target: &Target,
    options: &Options,
    notes: &mut Vec<String>,
) -> Verdict {
    if let Some(reason) = not_applicable(case, target) {
        return Verdict::NotApplicable(reason);
    }
    let header = header(case);
    let resolved = match target.resolve() {
        Ok(r) => r,
        Err(e) => return Verdict::Violated(format!("{header}\n  the target is not usable: {e}")),
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
    };
    let result = run.setup().and_then(|()| run.steps());
    if !options.keep {
        notes.extend(run.teardown());
    }
    match result {
        Ok(step_notes) => {
            notes.extend(step_notes);
            Verdict::Held
        }
        Err(detail) => Verdict::Violated(format!("{header}\n{detail}")),
    }
}

/// The part of every message that says which case and which documented items.
fn header(case: &Prepared) -> String {
    let level = match case.level {
        Level::Must => "MUST",
        Level::Should => "SHOULD (a warning unless --strict)",
    };
    let mut out = format!(
        "{}: {}\n  level: {level}\n  documented items checked:",
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
    out
}

struct CaseRun<'a> {
    case: &'a Prepared,
    target: &'a Resolved,
    options: &'a Options,
    vars: Vars,
    /// Scratch projects to destroy.
    projects: Vec<String>,
    normalizer: Normalizer,
    snapshots_taken: usize,
    mode: SnapshotMode,
}

/// A request as shown in messages: no token, ever.
fn describe_request(request: &Request, who: &str) -> String {
    let path = request
        .url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
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
        clip(&String::from_utf8_lossy(&request.body), 1500)
    ));
    out
}

fn describe_answer(answer: &Answer) -> String {
    if answer.body.is_empty() {
        format!("status {}, empty body", answer.status)
    } else {
        format!("status {}, body {}", answer.status, answer.body_text())
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
                Need::Project2 | Need::Billing => {}
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

    fn steps(&mut self) -> Result<Vec<String>, String> {
        let mut notes = Vec::new();
        let count = self.case.steps.len();
        for (n, step) in self.case.steps.iter().enumerate() {
            notes.extend(self.step(step).map_err(|e| {
                let e = if e.starts_with('\n') {
                    e
                } else {
                    format!("\n    {e}")
                };
                format!("  step {} of {count}:{e}", n + 1)
            })?);
        }
        Ok(notes)
    }

    fn step(&mut self, ps: &PreparedStep) -> Result<Vec<String>, String> {
        let step = &ps.step;
        let table_bug =
            |e: String| format!("the case table is wrong (not a verdict on the endpoint): {e}");
        let path = vars::splice(step.path, &self.vars).map_err(table_bug)?;
        let (body, content_type) = match step.body {
            Body::Json(_) => {
                let value = ps
                    .json
                    .as_ref()
                    .map_or(Ok(json!({})), |v| vars::substitute(v, &self.vars));
                let value = value.map_err(table_bug)?;
                (
                    value.to_string().into_bytes(),
                    Some("application/json".to_string()),
                )
            }
            Body::Raw { text, content_type } => (
                vars::splice_raw(text, &self.vars)
                    .map_err(table_bug)?
                    .into_bytes(),
                content_type.map(str::to_string),
            ),
        };
        let (token, who) = match step.who {
            Who::Owner => (
                Some(self.target.owner.token().to_string()),
                format!(
                    "as owner {} (Authorization: Bearer [redacted])",
                    self.target.owner.id
                ),
            ),
            Who::Peer => match &self.target.peer {
                Some(p) => (
                    Some(p.token().to_string()),
                    format!("as peer {} (Authorization: Bearer [redacted])", p.id),
                ),
                None => return Err("the step needs the peer, and there is none".into()),
            },
            Who::Anonymous => (None, "with no Authorization header".to_string()),
            Who::BadToken => (
                Some(BAD_TOKEN.to_string()),
                "with a bearer token no endpoint issued".to_string(),
            ),
        };
        let request = Request {
            method: step.method.as_str(),
            url: format!("{}{path}", self.target.base),
            token,
            headers: step
                .headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body,
            content_type,
            expected_status: match step.expect {
                Expect::Ok => None,
                Expect::Error(s, _) | Expect::Status(s) => Some(s),
            },
        };
        let shown = describe_request(&request, &who);
        let fail = |diffs: Vec<String>, answer: Option<&Answer>| {
            let mut out = format!("\n    request: {shown}");
            if let Some(a) = answer {
                out.push_str(&format!("\n    got: {}", describe_answer(a)));
            }
            out.push_str("\n    difference:");
            for d in diffs {
                out.push_str(&format!("\n      - {}", d.replace('\n', "\n        ")));
            }
            out
        };
        if step.after_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(step.after_ms));
        }
        let answer =
            client::send(&request).map_err(|e| fail(vec![format!("no answer: {e}")], None))?;
        let diffs = check::expect(step.expect, &answer);
        if !diffs.is_empty() {
            return Err(fail(diffs, Some(&answer)));
        }
        let mut diffs = Vec::new();
        for (name, pointer) in step.capture {
            let captured = match pointer.strip_prefix("header:") {
                Some(header) => answer.header(header).map(|v| Value::String(v.to_string())),
                None => answer
                    .json
                    .as_ref()
                    .and_then(|b| b.pointer(pointer))
                    .cloned(),
            };
            match captured {
                Some(v) => {
                    self.vars.insert(name.to_string(), v);
                }
                None => diffs.push(format!(
                    "{}: expected present (the case captures it as ${name}), but it is absent",
                    if pointer.is_empty() {
                        "the body"
                    } else {
                        pointer
                    }
                )),
            }
        }
        let window = Window::new(self.options.started_ms);
        let mut notes = Vec::new();
        for c in &ps.checks {
            match check::check(c, &answer, &self.vars, &window) {
                Ok(n) => notes.extend(n),
                Err(d) => diffs.push(d),
            }
        }
        if step.snapshot {
            let index = self.snapshots_taken;
            self.snapshots_taken += 1;
            if diffs.is_empty() {
                let documented = ps.checks.iter().find_map(|c| match c.check {
                    Check::Fields("", documented, _) => Some(documented),
                    _ => None,
                });
                let body = answer.json.clone().unwrap_or(Value::Null);
                let (normalized, extra) = self.normalizer.normalize(&body, documented);
                notes.extend(extra);
                let name =
                    snapshot::snapshot_name(self.case.case.name, index, self.case.snapshot_steps());
                let body_text = match step.body {
                    Body::Json(t) | Body::Raw { text: t, .. } => t,
                };
                // The request template, not the substituted one: stable from run to run.
                let description = format!(
                    "{} {} as {} {body_text}: {}",
                    step.method.as_str(),
                    step.path,
                    format!("{:?}", step.who).to_lowercase(),
                    self.case.case.summary
                );
                if let Err(d) =
                    snapshot::assert_snapshot(self.mode, &name, &description, &normalized)
                {
                    diffs.push(d);
                }
            }
        }
        if diffs.is_empty() {
            Ok(notes)
        } else {
            Err(fail(diffs, Some(&answer)))
        }
    }
}
