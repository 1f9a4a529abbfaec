//! One step of a case, in small named parts: build the request, send it (following
//! `next` for a paged step), judge the expectation, capture, check, snapshot.
//!
//! Every difference becomes a [`Violation`] of the fact it breaks: the error type of the
//! step's items, the status of the status table's item, the error body's shape of
//! `protocols#error-body`, each check of its own fact, each snapshot field of its field's
//! item. A step whose MUST fact broke ends the case; a SHOULD difference does not.

use serde_json::{Value, json};

use crate::case::{Body, Expect, Who};
use crate::shape::STEP;
use crate::spec::Level;

use super::check::{self, Part, Window};
use super::client::{self, Answer, Request};
use super::exec::{CaseRun, HANDED_OUT};
use super::fact::{Fact, Violation};
use super::prepare::PreparedStep;
use super::snapshot;
use super::transcript::{Auth, StepRecord};
use super::vars;

/// A token no endpoint issued, in a well-formed bearer header.
pub(super) const BAD_TOKEN: &str = "dxconformNoSuchToken0000000000000000";

/// The most pages a paged step follows: past that, `next` never ends.
const MAX_PAGES: usize = 100;

/// What one step showed.
#[derive(Default)]
pub(super) struct StepResult {
    pub(super) violations: Vec<Violation>,
    pub(super) notes: Vec<String>,
    /// What was sent and what came back, for the message and the reports (none when the
    /// request could not even be built).
    pub(super) record: Option<StepRecord>,
    /// The answer normalized as a snapshot would be, for `--record`/`--compare`.
    pub(super) normalized: Option<Value>,
    /// Later steps cannot run (a MUST fact broke, or a capture is missing).
    pub(super) abort: bool,
}

impl StepResult {
    fn broke_must(&self) -> bool {
        self.violations.iter().any(|v| v.fact.level == Level::Must)
    }
}

impl CaseRun<'_> {
    /// Run step `n` (1-based).
    pub(super) async fn step(&mut self, n: usize, ps: &PreparedStep) -> StepResult {
        let mut out = self.step_inner(n, ps).await;
        if let Some(record) = &mut out.record {
            record.violations = out.violations.clone();
        }
        out
    }

    async fn step_inner(&mut self, n: usize, ps: &PreparedStep) -> StepResult {
        let mut out = StepResult::default();
        let (request, auth, who) = match self.request(ps) {
            Ok(r) => r,
            Err(e) => {
                out.violations.push(Violation::new(n, &ps.fact, e));
                out.abort = true;
                return out;
            }
        };
        let mut record = StepRecord::new(n, &request, auth, &who);
        if ps.step.after_ms > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(ps.step.after_ms)).await;
        }
        let sent = if ps.step.pages {
            send_pages(&request).await
        } else if !ps.until.is_empty() {
            self.send_until(ps, &request).await
        } else {
            client::send_async(&request).await
        };
        let suspect = match &sent {
            Err(_) => true,
            Ok(a) => is_gateway_error(a.status),
        };
        if suspect && let Err(dead) = self.target.health.confirm().await {
            self.dead = Some(dead);
        }
        let sent = match (sent, &self.dead) {
            (Err(_), Some(dead)) => Err(dead.clone()),
            (sent, _) => sent,
        };
        record.answer = sent.clone();
        out.record = Some(record);
        let answer = match sent {
            Ok(a) => a,
            Err(e) => {
                let text = format!("no usable answer: {e}");
                out.violations.push(Violation::new(n, &ps.fact, text));
                out.abort = true;
                return out;
            }
        };
        if self.options.record_answers {
            out.normalized = Some(self.normalize_for_record(ps, &answer));
        }
        expect(n, ps, &answer, &mut out);
        if out.broke_must() {
            out.abort = true;
            return out;
        }
        self.capture(n, ps, &answer, &mut out);
        let window = Window::new(self.options.started_ms);
        for c in &ps.checks {
            let (notes, differences) = check::evaluate(c, &answer, &self.vars, &window);
            out.notes.extend(notes);
            for (fact, d) in differences {
                out.violations.push(Violation::new(n, fact, d));
            }
        }
        if ps.step.snapshot {
            self.snapshot(n, ps, &answer, &mut out);
        }
        out.abort |= out.broke_must();
        out
    }

    /// The answer as `--record` keeps it: its status and its body normalized as a snapshot
    /// is (projected onto the step's shape when it has one), with its own ID numbering.
    fn normalize_for_record(&mut self, ps: &PreparedStep, answer: &Answer) -> Value {
        let mut body = answer.json.clone().unwrap_or_else(|| {
            if answer.body.is_empty() {
                Value::Null
            } else {
                json!(format!(
                    "{} bytes (md5 {})",
                    answer.body.len(),
                    crate::blob::md5_hex(&answer.body)
                ))
            }
        });
        if ps.step.pages
            && let Some(m) = body.as_object_mut()
        {
            m.remove("pages");
        }
        let shape = if (200..300).contains(&answer.status) {
            ps.shape
        } else {
            Some(&crate::shape::ERROR)
        };
        let (mut normalized, _) = self.recorder.normalize(&body, shape);
        super::regress::scrub(&mut normalized, &self.options.run_id);
        json!({"status": answer.status, "body": normalized})
    }

    /// Send a step again and again (a few times a second) until its `until` checks hold or
    /// its time is up; the last answer is judged as usual.
    async fn send_until(&self, ps: &PreparedStep, request: &Request) -> Result<Answer, String> {
        let deadline =
            std::time::Instant::now() + std::time::Duration::from_millis(ps.step.until_ms);
        let window = Window::new(self.options.started_ms);
        loop {
            let answer = client::send_async(request).await?;
            let holds = ps.until.iter().all(|c| {
                let (_, differences) = check::evaluate(c, &answer, &self.vars, &window);
                differences.is_empty()
            });
            if holds || std::time::Instant::now() >= deadline {
                return Ok(answer);
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// The request of a step: path, body and principal, placeholders substituted, and how
    /// to show who sends it. A path that is a URL the endpoint handed out is used as it
    /// is, on whatever host, and never gets a token: it carries its own credential.
    fn request(&self, ps: &PreparedStep) -> Result<(Request, Auth, String), String> {
        let step = &ps.step;
        let table_bug =
            |e: String| format!("the case table is wrong (not a verdict on the endpoint): {e}");
        let path = vars::splice(step.path, &self.vars).map_err(table_bug)?;
        let handed_out = !step.path.starts_with('/');
        if handed_out && !(path.starts_with("http://") || path.starts_with("https://")) {
            return Err(format!(
                "{}: expected an absolute http(s) URL, got {path:?}",
                step.path
            ));
        }
        let (body, content_type) = match step.body {
            Body::Json(_) => {
                let value = ps
                    .json
                    .as_ref()
                    .map_or(Ok(json!({})), |v| vars::substitute(v, &self.vars))
                    .map_err(table_bug)?;
                (
                    value.to_string().into(),
                    Some("application/json".to_string()),
                )
            }
            Body::Raw { text, content_type } => (
                vars::splice_raw(text, &self.vars)
                    .map_err(table_bug)?
                    .into(),
                content_type.map(str::to_string),
            ),
            Body::Blob(blobs) => (crate::blob::concat(blobs), None),
        };
        let mut headers = Vec::new();
        for (k, v) in step.headers {
            headers.push((
                k.to_string(),
                vars::splice(v, &self.vars).map_err(table_bug)?,
            ));
        }
        if let Some(h) = step.headers_from {
            match vars::substitute(&Value::String(h.to_string()), &self.vars).map_err(table_bug)? {
                Value::Object(m) => {
                    for (k, v) in m {
                        let Value::String(v) = v else {
                            return Err(format!("{h}: the header {k:?} is {v}, not a string"));
                        };
                        headers.push((k, v));
                    }
                }
                other => return Err(format!("{h} is {other}, not a mapping of headers")),
            }
        }
        if handed_out {
            let request = Request {
                method: step.method.as_str(),
                url: path,
                token: None,
                headers,
                body,
                content_type,
                expected_status: expected_status(step.expect),
            };
            return Ok((request, Auth::HandedOut, HANDED_OUT.into()));
        }
        let (token, auth, who) = match step.who {
            Who::Owner => (
                Some(self.target.owner.token().to_string()),
                Auth::Owner,
                format!(
                    "as owner {} (Authorization: Bearer [redacted])",
                    self.target.owner.id
                ),
            ),
            Who::Peer => match &self.target.peer {
                Some(p) => (
                    Some(p.token().to_string()),
                    Auth::Peer,
                    format!("as peer {} (Authorization: Bearer [redacted])", p.id),
                ),
                None => return Err("the step needs the peer, and there is none".into()),
            },
            Who::Anonymous => (None, Auth::None, "with no Authorization header".to_string()),
            Who::BadToken => (
                Some(BAD_TOKEN.to_string()),
                Auth::BadToken,
                "with a bearer token no endpoint issued".to_string(),
            ),
        };
        let request = Request {
            method: step.method.as_str(),
            url: format!("{}{path}", self.target.base),
            token,
            headers,
            body,
            content_type,
            expected_status: expected_status(step.expect),
        };
        Ok((request, auth, who))
    }

    /// Remember the step's captures; a missing one ends the case (later steps need it).
    fn capture(&mut self, n: usize, ps: &PreparedStep, answer: &Answer, out: &mut StepResult) {
        for (name, pointer) in ps.step.capture {
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
                None => {
                    let at = if pointer.is_empty() {
                        "the body"
                    } else {
                        pointer
                    };
                    out.violations.push(Violation::new(
                        n,
                        &ps.fact,
                        format!(
                            "{at}: expected present (the case captures it as ${name}), but it is absent"
                        ),
                    ));
                    out.abort = true;
                }
            }
        }
    }

    /// Compare the answer, projected onto its shape, with the step's snapshot; each
    /// difference is judged at the level of the field it sits in.
    fn snapshot(&mut self, n: usize, ps: &PreparedStep, answer: &Answer, out: &mut StepResult) {
        let index = self.snapshots_taken;
        self.snapshots_taken += 1;
        let Some(shape) = ps.shape else { return };
        if out.broke_must() {
            return;
        }
        let mut body = answer.json.clone().unwrap_or(Value::Null);
        if ps.step.pages
            && let Some(m) = body.as_object_mut()
        {
            // The runner's own record of the pages, not part of the endpoint's answer.
            m.remove("pages");
        }
        let (normalized, extra) = self.normalizer.normalize(&body, Some(shape));
        out.notes.extend(extra);
        let name = snapshot::snapshot_name(self.case.case.name, index, self.case.snapshot_steps());
        let step = &ps.step;
        let body_text = match step.body {
            Body::Json(t) | Body::Raw { text: t, .. } => t,
            Body::Blob(_) => "(bytes)",
        };
        // The request template, not the substituted one: stable from run to run.
        let description = format!(
            "{} {} as {} {body_text}: {}",
            step.method.as_str(),
            step.path,
            format!("{:?}", step.who).to_lowercase(),
            self.case.case.summary
        );
        if let Err(differences) =
            snapshot::compare(self.mode, &name, &description, &normalized, shape)
        {
            for (item, d) in differences {
                let fact = field_fact(item, &ps.fact);
                out.violations.push(Violation::new(n, &fact, d));
            }
        }
    }
}

/// A status a proxy answers when the server behind it is gone: worth a liveness probe.
pub(super) fn is_gateway_error(status: u16) -> bool {
    matches!(status, 502..=504)
}

/// The status a step expects, which the client must never take for throttling.
fn expected_status(expect: Expect) -> Option<u16> {
    match expect {
        Expect::Error(s, _) | Expect::Status(s) => Some(s),
        Expect::Ok | Expect::Accepted | Expect::Refused => None,
    }
}

/// Judge the expectation: each part against its own fact.
fn expect(n: usize, ps: &PreparedStep, answer: &Answer, out: &mut StepResult) {
    for (part, d) in check::expect(ps.step.expect, answer) {
        let fact = match part {
            Part::Outcome => &ps.fact,
            Part::Status => ps.status.as_ref().unwrap_or(&ps.fact),
            Part::ErrorBody => &ps.error_body,
            Part::ContentType => &ps.content_type,
        };
        out.violations.push(Violation::new(n, fact, d));
    }
}

/// The fact of a snapshot field's item ([`STEP`]: the step's own).
fn field_fact(item: &str, step: &Fact) -> Fact {
    if item == STEP {
        return step.clone();
    }
    crate::spec::find_item(crate::cases::tables(), item)
        .map(|i| Fact {
            items: vec![i],
            level: i.level,
        })
        .unwrap_or_else(|| step.clone())
}

/// Send a paged step: follow `next` with `starting` until it is null, and answer
/// `{"results": [all], "next": null, "pages": [each answer]}`. An answer that is not a
/// successful page is returned as it is, for the expectation to judge.
async fn send_pages(first: &Request) -> Result<Answer, String> {
    let mut request = first.clone();
    let mut pages = Vec::new();
    let mut results = Vec::new();
    loop {
        let answer = client::send_async(&request).await?;
        let page = match &answer.json {
            Some(page) if (200..300).contains(&answer.status) => page.clone(),
            _ => return Ok(answer),
        };
        let number = pages.len() + 1;
        match page.get("results") {
            Some(Value::Array(r)) => results.extend(r.iter().cloned()),
            _ => {
                return Err(format!(
                    "page {number} has no `results` array: {}",
                    answer.body_text()
                ));
            }
        }
        let next = page
            .get("next")
            .cloned()
            .ok_or_else(|| format!("page {number} has no `next`: {}", answer.body_text()))?;
        pages.push(page);
        if next.is_null() {
            let body = json!({"results": results, "next": null, "pages": pages});
            return Ok(Answer {
                body: body.to_string().into(),
                json: Some(body),
                ..answer
            });
        }
        if pages.len() >= MAX_PAGES {
            return Err(format!(
                "`next` is still not null after {MAX_PAGES} pages holding {} results",
                results.len()
            ));
        }
        let mut body: Value = serde_json::from_slice(&request.body).unwrap_or_else(|_| json!({}));
        if let Some(m) = body.as_object_mut() {
            m.insert("starting".into(), next);
        }
        request.body = body.to_string().into();
    }
}
