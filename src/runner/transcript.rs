//! What each step of a case sent and got, kept so that a failure can be read and replayed
//! (issue 10, point 4): every step is shown in the message, not only the failing one;
//! each step becomes a `curl` line; the JSON report holds each step's request, answer and
//! differences.
//!
//! Secrets never enter a transcript: the request's token is replaced by who sent it
//! ([`Auth`]), and a `curl` line names the owner's and the peer's tokens as the shell
//! variables `$DXCONFORM_TOKEN` and `$DXCONFORM_PEER_TOKEN`. URLs the endpoint handed out
//! (upload, download) are shown as they are: they carry their own credential, which is
//! the endpoint's, and the runner never sends a token to them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::client::{Answer, Request};
use super::fact::{Violation, ViolationReport};
use super::report::clip;

/// The most bytes of a body a report or message holds; the rest is cut, saying how much.
const BODY_LIMIT: usize = 4000;

/// Who a request was sent as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Auth {
    Owner,
    Peer,
    /// A well-formed bearer token no endpoint issued (not a secret).
    BadToken,
    /// No `Authorization` header.
    None,
    /// A URL the endpoint handed out: never a token.
    HandedOut,
}

/// One step as it ran.
#[derive(Debug, Clone)]
pub struct StepRecord {
    /// 1-based.
    pub step: usize,
    pub method: &'static str,
    pub url: String,
    pub auth: Auth,
    /// How the message names the sender (`as owner user-alice ...`).
    pub who: String,
    pub headers: Vec<(String, String)>,
    pub content_type: Option<String>,
    pub body: bytes::Bytes,
    /// What came back, or why nothing usable did.
    pub answer: Result<Answer, String>,
    /// Its differences, each with the items it breaks.
    pub violations: Vec<Violation>,
}

impl StepRecord {
    pub fn new(step: usize, request: &Request, auth: Auth, who: &str) -> StepRecord {
        StepRecord {
            step,
            method: request.method,
            url: request.url.clone(),
            auth,
            who: who.to_string(),
            headers: request.headers.clone(),
            content_type: request.content_type.clone(),
            body: request.body.clone(),
            answer: Err("not sent".into()),
            violations: Vec::new(),
        }
    }

    /// The step as the JSON report holds it.
    pub fn report(&self) -> StepReport {
        let mut headers: BTreeMap<String, String> = self.headers.iter().cloned().collect();
        if let Some(ct) = &self.content_type {
            headers.insert("content-type".into(), ct.clone());
        }
        let answer = match &self.answer {
            Ok(a) => AnswerReport {
                status: Some(a.status),
                headers: a.headers.clone(),
                body: body_value(&a.body, a.json.as_ref()),
                error: None,
            },
            Err(e) => AnswerReport {
                status: None,
                headers: BTreeMap::new(),
                body: Value::Null,
                error: Some(e.clone()),
            },
        };
        StepReport {
            step: self.step,
            request: RequestReport {
                method: self.method.to_string(),
                url: self.url.clone(),
                auth: self.auth,
                headers,
                body: body_value(&self.body, None),
            },
            answer,
            differences: self.violations.iter().map(Violation::report).collect(),
        }
    }

    /// A shell line that sends the same request with `curl`, tokens as variables.
    pub fn curl(&self) -> String {
        let mut out = format!("curl -sS -X {} {}", self.method, quote(&self.url));
        match self.auth {
            Auth::Owner => out.push_str(" -H \"Authorization: Bearer $DXCONFORM_TOKEN\""),
            Auth::Peer => out.push_str(" -H \"Authorization: Bearer $DXCONFORM_PEER_TOKEN\""),
            Auth::BadToken => out.push_str(&format!(
                " -H {}",
                quote(&format!("Authorization: Bearer {}", super::step::BAD_TOKEN))
            )),
            Auth::None | Auth::HandedOut => {}
        }
        if let Some(ct) = &self.content_type {
            out.push_str(&format!(" -H {}", quote(&format!("Content-Type: {ct}"))));
        }
        for (name, value) in &self.headers {
            out.push_str(&format!(" -H {}", quote(&format!("{name}: {value}"))));
        }
        if !self.body.is_empty() {
            match std::str::from_utf8(&self.body) {
                Ok(text) if text.len() <= 64 * 1024 => {
                    out.push_str(&format!(" --data-binary {}", quote(text)))
                }
                _ => out.push_str(&format!(
                    " --data-binary @BODY  # {} bytes (md5 {}) the case makes",
                    self.body.len(),
                    crate::blob::md5_hex(&self.body)
                )),
            }
        }
        out
    }
}

/// A body for the JSON report: JSON as JSON when it is small enough, else text, cut.
fn body_value(bytes: &[u8], parsed: Option<&Value>) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    if bytes.len() <= BODY_LIMIT {
        if let Some(v) = parsed {
            return v.clone();
        }
        if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
            return v;
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Value::String(clip(text, BODY_LIMIT)),
        Err(_) => Value::String(format!(
            "{} bytes (md5 {})",
            bytes.len(),
            crate::blob::md5_hex(bytes)
        )),
    }
}

/// Single-quote for a POSIX shell.
pub fn quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+%".contains(&b))
    {
        return text.to_string();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A step's request in the JSON report (no `Authorization` header: `auth` says who).
#[derive(Debug, Clone, Serialize)]
pub struct RequestReport {
    pub method: String,
    pub url: String,
    pub auth: Auth,
    pub headers: BTreeMap<String, String>,
    pub body: Value,
}

/// A step's answer in the JSON report.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerReport {
    pub status: Option<u16>,
    pub headers: BTreeMap<String, String>,
    pub body: Value,
    /// Why there was no usable answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One step in the JSON report.
#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub step: usize,
    pub request: RequestReport,
    pub answer: AnswerReport,
    pub differences: Vec<ViolationReport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_the_shell() {
        assert_eq!(quote("http://h:1/record/new"), "http://h:1/record/new");
        assert_eq!(quote(r#"{"a": "it's"}"#), r#"'{"a": "it'\''s"}'"#);
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn curl_names_tokens_as_variables() {
        let request = Request {
            method: "POST",
            url: "http://h/record/new".into(),
            token: Some("secret".into()),
            headers: vec![],
            body: bytes::Bytes::from_static(b"{}"),
            content_type: Some("application/json".into()),
            expected_status: None,
        };
        let r = StepRecord::new(1, &request, Auth::Peer, "as peer");
        let line = r.curl();
        assert!(!line.contains("secret"), "{line}");
        assert!(line.contains("$DXCONFORM_PEER_TOKEN"), "{line}");
        assert!(line.ends_with("--data-binary '{}'"), "{line}");
        let json = serde_json::to_string(&r.report()).unwrap();
        assert!(!json.contains("secret"), "{json}");
    }
}
