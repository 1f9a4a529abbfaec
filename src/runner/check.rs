//! Evaluating what a step must show: the [`Expect`]ed status and error, then every
//! [`Check`] of the step, as `src/case.rs` defines them.
//!
//! Each violated fact becomes one line saying where (`/links`), what was expected and
//! what came back, so that a failure message reads without this project's code. All checks
//! of a step are evaluated (not just the first failing one): an endpoint developer fixes
//! faster with the whole list.

use serde_json::Value;

use crate::case::{Check, Expect, Kind, Ord as CmpOp};

use super::client::Answer;
use super::fact::Fact;
use super::prepare::{Operand, PreparedCheck};
use super::report::clip;
use super::vars::{self, Vars};

/// The time window timestamps must fall in: `[start - SKEW, now + SKEW]` in ms.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start_ms: i64,
    pub skew_ms: i64,
}

impl Window {
    /// The documentation fixes the unit (milliseconds since the epoch), not the endpoint's
    /// clock: a server whose clock is hours off still conforms. A day either way tolerates
    /// that and still rejects seconds (10^9) and 1970.
    pub const SKEW_MS: i64 = 24 * 60 * 60 * 1000;

    pub fn new(start_ms: i64) -> Self {
        Window {
            start_ms,
            skew_ms: Self::SKEW_MS,
        }
    }

    pub fn contains(&self, ms: i64) -> bool {
        ms >= self.start_ms - self.skew_ms && ms <= now_ms() + self.skew_ms
    }
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn show(value: &Value) -> String {
    clip(&value.to_string(), 300)
}

fn show_opt(value: Option<&Value>) -> String {
    value.map_or_else(|| "nothing (absent)".to_string(), show)
}

fn at(pointer: &str) -> &str {
    if pointer.is_empty() {
        "the body"
    } else {
        pointer
    }
}

/// The documented error body: `{"error": {"type": T, "message": non-empty string,
/// "details"?: mapping}}`. Returns the violations (empty when the shape is right).
pub fn error_shape(answer: &Answer) -> Vec<String> {
    let mut out = Vec::new();
    let Some(body) = &answer.json else {
        out.push(format!(
            "the error answer is not JSON (documented: {{\"error\": {{\"type\", \"message\"}}}}); got {:?}",
            clip(&String::from_utf8_lossy(&answer.body), 200)
        ));
        return out;
    };
    match body.pointer("/error/type") {
        Some(Value::String(_)) => {}
        other => out.push(format!(
            "/error/type: expected a string, got {}",
            show_opt(other)
        )),
    }
    match body.pointer("/error/message") {
        Some(Value::String(s)) if !s.is_empty() => {}
        other => out.push(format!(
            "/error/message: expected a non-empty string, got {}",
            show_opt(other)
        )),
    }
    match body.pointer("/error/details") {
        None | Some(Value::Object(_)) => {}
        Some(other) => out.push(format!(
            "/error/details: optional, but a mapping when present; got {}",
            show(other)
        )),
    }
    out
}

/// Whether the answer's content type is JSON, as clients require to read it.
fn json_content_type(answer: &Answer) -> bool {
    answer.header("content-type").is_some_and(|ct| {
        ct.trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
    })
}

/// Which part of an expectation a difference belongs to, so that the step can judge it
/// at the right fact's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The step's own fact: success, or the error type, or the status of `Status`.
    Outcome,
    /// An error step's HTTP status (the status table's item).
    Status,
    /// The error body's shape (`protocols#error-body`).
    ErrorBody,
    /// The JSON content type (`protocols#header.content-type`).
    ContentType,
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// The expected answer: each difference with the part of the expectation it breaks.
pub fn expect(expect: Expect, answer: &Answer) -> Vec<(Part, String)> {
    let mut out = Vec::new();
    let got_type = answer
        .json
        .as_ref()
        .and_then(|b| b.pointer("/error/type"))
        .and_then(Value::as_str);
    let got = match got_type {
        Some(t) => format!("status {} with error type {t}", answer.status),
        None => format!("status {}", answer.status),
    };
    match expect {
        Expect::Ok => {
            if !is_success(answer.status) {
                out.push((
                    Part::Outcome,
                    format!("expected success (a 2xx status), got {got}"),
                ));
            } else if answer.json.is_none() {
                out.push((
                    Part::Outcome,
                    format!(
                        "expected a JSON body, got {:?}",
                        clip(&String::from_utf8_lossy(&answer.body), 200)
                    ),
                ));
            } else if !json_content_type(answer) {
                out.push((
                    Part::ContentType,
                    format!(
                        "expected Content-Type: application/json, got {:?}",
                        answer.header("content-type").unwrap_or("no Content-Type")
                    ),
                ));
            }
        }
        Expect::Error(status, error_type) => {
            if got_type != Some(error_type) {
                out.push((
                    Part::Outcome,
                    format!("expected error type {error_type}, got {got}"),
                ));
            }
            if answer.status != status {
                out.push((
                    Part::Status,
                    format!(
                        "expected status {status} for {error_type}, got {}",
                        answer.status
                    ),
                ));
            }
            if !is_success(answer.status) {
                out.extend(
                    error_shape(answer)
                        .into_iter()
                        .map(|d| (Part::ErrorBody, d)),
                );
                if !json_content_type(answer) {
                    out.push((
                        Part::ContentType,
                        format!(
                            "an error answer must be Content-Type: application/json (clients cannot read the type otherwise), got {:?}",
                            answer.header("content-type").unwrap_or("no Content-Type")
                        ),
                    ));
                }
            }
        }
        Expect::Accepted => {
            if !is_success(answer.status) {
                out.push((
                    Part::Outcome,
                    format!("expected it accepted (a 2xx status), got {got}"),
                ));
            }
        }
        Expect::Refused => {
            if !(400..500).contains(&answer.status) {
                out.push((
                    Part::Outcome,
                    format!("expected it refused (a 4xx status), got {got}"),
                ));
            }
        }
        Expect::Status(status) => {
            if answer.status != status {
                out.push((
                    Part::Outcome,
                    format!("expected status {status}, got {got}"),
                ));
            }
        }
    }
    out
}

/// Resolve an operand against the answer and the case's variables.
fn operand(op: &Operand, body: &Value, vars: &Vars) -> Result<Value, String> {
    match op {
        Operand::Pointer(p) => body
            .pointer(p)
            .cloned()
            .ok_or_else(|| format!("{} is absent (needed as an operand)", at(p))),
        Operand::Json(v) => vars::substitute(v, vars),
    }
}

/// Whether a JSON value is of a documented kind; `None` when it is, else what it is.
pub fn kind_mismatch(value: &Value, kind: Kind, window: &Window) -> Option<String> {
    let ok = match kind {
        Kind::String => value.is_string(),
        Kind::NonEmptyString => value.as_str().is_some_and(|s| !s.is_empty()),
        Kind::Bool => value.is_boolean(),
        Kind::Int => is_int(value),
        Kind::Timestamp => match as_int(value) {
            Some(ms) if window.contains(ms) => true,
            Some(ms) => {
                return Some(format!(
                    "{ms}, not milliseconds since the epoch within this run's time window (seconds? a clock off?)"
                ));
            }
            None => false,
        },
        Kind::Number => value.is_number(),
        Kind::Array => value.is_array(),
        Kind::StringArray => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        Kind::Object => value.is_object(),
        Kind::Null => value.is_null(),
        Kind::Id(class) => value.as_str().is_some_and(|s| is_id(s, class)),
    };
    if ok { None } else { Some(show(value)) }
}

fn kind_name(kind: Kind) -> String {
    match kind {
        Kind::String => "a string".into(),
        Kind::NonEmptyString => "a non-empty string".into(),
        Kind::Bool => "a boolean".into(),
        Kind::Int => "an int (a JSON number with an integer value)".into(),
        Kind::Timestamp => "a timestamp (integer milliseconds since the epoch, near now)".into(),
        Kind::Number => "a number".into(),
        Kind::Array => "an array".into(),
        Kind::StringArray => "an array of strings".into(),
        Kind::Object => "a mapping (JSON object)".into(),
        Kind::Null => "null".into(),
        Kind::Id(class) => format!("a {class} ID ({class}- and 24 characters of [0-9A-Za-z])"),
    }
}

/// `class-` followed by exactly 24 characters of `[0-9A-Za-z]`.
pub fn is_id(s: &str, class: &str) -> bool {
    s.strip_prefix(class)
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|r| r.len() == 24 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn as_int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        _ => None,
    }
}

fn is_int(value: &Value) -> bool {
    match value {
        Value::Number(n) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => false,
    }
}

/// Multiset equality of two arrays.
fn same_elements(a: &[Value], b: &[Value]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut rest: Vec<&Value> = b.iter().collect();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => return false,
        }
    }
    true
}

/// Evaluate a check and, for `Each`, the checks it holds: the notes (documented-field
/// extras) and each difference with the fact it breaks.
pub fn evaluate<'p>(
    prepared: &'p PreparedCheck,
    answer: &Answer,
    vars: &Vars,
    window: &Window,
) -> (Vec<String>, Vec<(&'p Fact, String)>) {
    let mut notes = Vec::new();
    let mut differences = Vec::new();
    walk(
        prepared,
        answer.json.as_ref(),
        answer,
        vars,
        window,
        "",
        &mut notes,
        &mut differences,
    );
    (notes, differences)
}

/// One check against `body`, `Each` descending into its elements (whose pointers are
/// relative to the element; `prefix` says which element, for messages).
#[allow(clippy::too_many_arguments)]
fn walk<'p>(
    prepared: &'p PreparedCheck,
    body: Option<&Value>,
    answer: &Answer,
    vars: &Vars,
    window: &Window,
    prefix: &str,
    notes: &mut Vec<String>,
    differences: &mut Vec<(&'p Fact, String)>,
) {
    let Check::Each(p, _) = prepared.check else {
        match check_body(prepared, body, answer, vars, window) {
            Ok(n) => notes.extend(n.into_iter().map(|n| format!("{prefix}{n}"))),
            Err(d) => differences.push((&prepared.fact, format!("{prefix}{d}"))),
        }
        return;
    };
    let elements = match body.and_then(|b| b.pointer(p)) {
        Some(Value::Array(items)) => items,
        other => {
            differences.push((
                &prepared.fact,
                format!(
                    "{prefix}{}: expected an array, got {}",
                    at(p),
                    show_opt(other)
                ),
            ));
            return;
        }
    };
    for (i, element) in elements.iter().enumerate() {
        let prefix = format!("{prefix}{p}/{i}: ");
        for inner in &prepared.each {
            walk(
                inner,
                Some(element),
                answer,
                vars,
                window,
                &prefix,
                notes,
                differences,
            );
        }
    }
}

/// Whether `got` has every key of `want` with the same value, recursively for mappings
/// (undocumented extra keys do not matter); other values compare equal.
pub fn has(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, wv)| g.get(k).is_some_and(|gv| has(gv, wv))),
        _ => got == want,
    }
}

/// Evaluate one check on the answer's body. `Ok(notes)` when it holds (notes:
/// documented-field extras), `Err(difference)` when it does not.
pub fn check(
    prepared: &PreparedCheck,
    answer: &Answer,
    vars: &Vars,
    window: &Window,
) -> Result<Vec<String>, String> {
    check_body(prepared, answer.json.as_ref(), answer, vars, window)
}

fn check_body(
    prepared: &PreparedCheck,
    json: Option<&Value>,
    answer: &Answer,
    vars: &Vars,
    window: &Window,
) -> Result<Vec<String>, String> {
    let null = Value::Null;
    let body = json.unwrap_or(&null);
    let value_at = |p: &str| -> Result<&Value, String> {
        if json.is_none() {
            return Err(format!("{}: the answer is not JSON", at(p)));
        }
        body.pointer(p)
            .ok_or_else(|| format!("{}: expected present, but it is absent", at(p)))
    };
    let op = |p: &str| -> Result<Value, String> {
        let o = prepared
            .operand
            .as_ref()
            .ok_or_else(|| format!("{}: check has no operand", at(p)))?;
        operand(o, body, vars)
    };
    match prepared.check {
        Check::Eq(p, _) => {
            let got = value_at(p)?;
            let want = op(p)?;
            if *got != want {
                return Err(format!(
                    "{}: expected {}, got {}",
                    at(p),
                    show(&want),
                    show(got)
                ));
            }
        }
        Check::Has(p, _) => {
            let got = value_at(p)?;
            let want = op(p)?;
            if !has(got, &want) {
                return Err(format!(
                    "{}: expected {} (extra keys allowed), got {}",
                    at(p),
                    show(&want),
                    show(got)
                ));
            }
        }
        Check::AnyHas(p, _) | Check::NoneHas(p, _) => {
            let got = value_at(p)?;
            let want = op(p)?;
            let array = got
                .as_array()
                .ok_or_else(|| format!("{}: expected an array, got {}", at(p), show(got)))?;
            let found = array.iter().any(|e| has(e, &want));
            if matches!(prepared.check, Check::AnyHas(..)) && !found {
                return Err(format!(
                    "{}: expected an element with {}, got {}",
                    at(p),
                    show(&want),
                    show(got)
                ));
            }
            if matches!(prepared.check, Check::NoneHas(..)) && found {
                return Err(format!(
                    "{}: expected no element with {}, got {}",
                    at(p),
                    show(&want),
                    show(got)
                ));
            }
        }
        Check::Count(p, ord, n) => {
            let got = value_at(p)?;
            let len = length(got).ok_or_else(|| {
                format!(
                    "{}: expected something with a length, got {}",
                    at(p),
                    show(got)
                )
            })?;
            if !compare(len as f64, ord, n as f64) {
                return Err(format!(
                    "{}: expected a length {} {n}, got length {len}: {}",
                    at(p),
                    ord_text(ord),
                    show(got)
                ));
            }
        }
        Check::Distinct(p) => {
            let got = value_at(p)?;
            let array = got
                .as_array()
                .ok_or_else(|| format!("{}: expected an array, got {}", at(p), show(got)))?;
            for (i, x) in array.iter().enumerate() {
                if let Some(j) = array[i + 1..].iter().position(|y| y == x) {
                    return Err(format!(
                        "{}: expected distinct elements, but {} and {} are both {}",
                        at(p),
                        i,
                        i + 1 + j,
                        show(x)
                    ));
                }
            }
        }
        Check::InOrder(p, _) => {
            let got = value_at(p)?;
            let want = op(p)?;
            let array = got
                .as_array()
                .ok_or_else(|| format!("{}: expected an array, got {}", at(p), show(got)))?;
            let mut from = 0;
            for w in want.as_array().map(Vec::as_slice).unwrap_or_default() {
                match array[from..].iter().position(|e| has(e, w)) {
                    Some(i) => from += i + 1,
                    None => {
                        let anywhere = array.iter().any(|e| has(e, w));
                        return Err(format!(
                            "{}: expected elements with {} in this order; {} {}",
                            at(p),
                            show(&want),
                            show(w),
                            if anywhere {
                                "comes too early"
                            } else {
                                "is missing"
                            }
                        ));
                    }
                }
            }
        }
        Check::Grouped(p, key) => {
            let got = value_at(p)?;
            let array = got
                .as_array()
                .ok_or_else(|| format!("{}: expected an array, got {}", at(p), show(got)))?;
            let mut seen: Vec<&Value> = Vec::new();
            let mut last: Option<&Value> = None;
            for (i, e) in array.iter().enumerate() {
                let k = e.pointer(key).unwrap_or(&Value::Null);
                if last != Some(k) {
                    if seen.contains(&k) {
                        return Err(format!(
                            "{}: expected the elements sharing {key} to be together, but element {i} has {} again after others",
                            at(p),
                            show(k)
                        ));
                    }
                    seen.push(k);
                    last = Some(k);
                }
            }
        }
        Check::BodyLen(n) => {
            if answer.body.len() != n {
                return Err(format!(
                    "the body: expected {n} bytes, got {}",
                    answer.body.len()
                ));
            }
        }
        Check::BodyIs(blobs, range) => {
            let whole = crate::blob::concat(blobs);
            let want = match range {
                Some((a, b)) => &whole[a..=b],
                None => &whole[..],
            };
            if answer.body != want {
                let at = want
                    .iter()
                    .zip(&answer.body)
                    .position(|(w, g)| w != g)
                    .unwrap_or(want.len().min(answer.body.len()));
                return Err(format!(
                    "the body: expected {} bytes{} (md5 {}), got {} bytes (md5 {}), first different at byte {at}",
                    want.len(),
                    range.map_or(String::new(), |(a, b)| format!(
                        " (bytes {a}-{b} of the file)"
                    )),
                    crate::blob::md5_hex(want),
                    answer.body.len(),
                    crate::blob::md5_hex(&answer.body)
                ));
            }
        }
        Check::Status(code) => {
            if answer.status != code {
                return Err(format!(
                    "expected HTTP status {code}, got {}",
                    answer.status
                ));
            }
        }
        Check::On(..) | Check::Each(..) => {
            return Err("internal: On and Each are flattened at start-up".into());
        }
        Check::Ne(p, _) => {
            let got = value_at(p)?;
            let other = op(p)?;
            if *got == other {
                return Err(format!(
                    "{}: expected a value other than {}, got that value",
                    at(p),
                    show(&other)
                ));
            }
        }
        Check::Is(p, kind) => {
            let got = value_at(p)?;
            if let Some(what) = kind_mismatch(got, kind, window) {
                return Err(format!(
                    "{}: expected {}, got {what}",
                    at(p),
                    kind_name(kind)
                ));
            }
        }
        Check::Absent(p) => {
            if let Some(got) = body.pointer(p) {
                return Err(format!("{}: expected absent, got {}", at(p), show(got)));
            }
        }
        Check::Contains(p, _) | Check::Lacks(p, _) => {
            let got = value_at(p)?;
            let item = op(p)?;
            let array = got
                .as_array()
                .ok_or_else(|| format!("{}: expected an array, got {}", at(p), show(got)))?;
            let has = array.contains(&item);
            if matches!(prepared.check, Check::Contains(..)) && !has {
                return Err(format!(
                    "{}: expected an element {}, got {}",
                    at(p),
                    show(&item),
                    show(got)
                ));
            }
            if matches!(prepared.check, Check::Lacks(..)) && has {
                return Err(format!(
                    "{}: expected no element {}, got {}",
                    at(p),
                    show(&item),
                    show(got)
                ));
            }
        }
        Check::Len(p, n) => {
            let got = value_at(p)?;
            let len = length(got).ok_or_else(|| {
                format!(
                    "{}: expected something of length {n}, got {}",
                    at(p),
                    show(got)
                )
            })?;
            if len != n {
                return Err(format!(
                    "{}: expected length {n}, got length {len}: {}",
                    at(p),
                    show(got)
                ));
            }
        }
        Check::SetEq(p, _) => {
            let got = value_at(p)?;
            let want = op(p)?;
            match (got.as_array(), want.as_array()) {
                (Some(g), Some(w)) if same_elements(g, w) => {}
                _ => {
                    return Err(format!(
                        "{}: expected the elements of {} in any order, got {}",
                        at(p),
                        show(&want),
                        show(got)
                    ));
                }
            }
        }
        Check::Matches(p, re) => {
            let got = value_at(p)?;
            let regex = prepared.regex.as_ref().ok_or("Matches without a regex")?;
            match got.as_str() {
                Some(s) if regex.is_match(s) => {}
                _ => {
                    return Err(format!(
                        "{}: expected a string matching /{re}/, got {}",
                        at(p),
                        show(got)
                    ));
                }
            }
        }
        Check::Cmp(p, ord, _) => {
            let got = value_at(p)?;
            let other = op(p)?;
            let (Some(g), Some(o)) = (got.as_f64(), other.as_f64()) else {
                return Err(format!(
                    "{}: expected a number {} {}, got {}",
                    at(p),
                    ord_text(ord),
                    show(&other),
                    show(got)
                ));
            };
            if !compare(g, ord, o) {
                return Err(format!(
                    "{}: expected a number {} {}, got {}",
                    at(p),
                    ord_text(ord),
                    show(&other),
                    show(got)
                ));
            }
        }
        Check::Fields(p, documented, present) => {
            let got = value_at(p)?;
            let object = got
                .as_object()
                .ok_or_else(|| format!("{}: expected a mapping, got {}", at(p), show(got)))?;
            let missing: Vec<&str> = present
                .iter()
                .filter(|f| !object.contains_key(**f))
                .copied()
                .collect();
            let unexpected: Vec<&str> = documented
                .iter()
                .filter(|f| !present.contains(f) && object.contains_key(**f))
                .copied()
                .collect();
            if !missing.is_empty() || !unexpected.is_empty() {
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!("missing {}", missing.join(", ")));
                }
                if !unexpected.is_empty() {
                    parts.push(format!(
                        "present but not expected here {}",
                        unexpected.join(", ")
                    ));
                }
                let keys: Vec<&str> = object.keys().map(String::as_str).collect();
                return Err(format!(
                    "{}: of the documented fields, expected exactly [{}]; {} (got keys: {})",
                    at(p),
                    present.join(", "),
                    parts.join("; "),
                    keys.join(", ")
                ));
            }
            let extras: Vec<&str> = object
                .keys()
                .map(String::as_str)
                .filter(|k| !documented.contains(k))
                .collect();
            if !extras.is_empty() {
                return Ok(vec![format!(
                    "{}: fields the documentation does not name: {}",
                    at(p),
                    extras.join(", ")
                )]);
            }
        }
        Check::Header(name, re) => {
            let regex = prepared.regex.as_ref().ok_or("Header without a regex")?;
            match answer.header(name) {
                Some(v) if regex.is_match(v) => {}
                Some(v) => {
                    return Err(format!(
                        "header {name}: expected a value matching /{re}/, got {v:?}"
                    ));
                }
                None => {
                    return Err(format!(
                        "header {name}: expected present (matching /{re}/), but it is absent"
                    ));
                }
            }
        }
        Check::NoHeader(name) => {
            if let Some(v) = answer.header(name) {
                return Err(format!("header {name}: expected absent, got {v:?}"));
            }
        }
        Check::HeaderNe(name, _) => {
            let other = op(name)?;
            match answer.header(name) {
                None => return Err(format!("header {name}: expected present, but it is absent")),
                Some(v) if Value::String(v.to_string()) == other => {
                    return Err(format!(
                        "header {name}: expected a value other than {}, got that value again",
                        show(&other)
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(Vec::new())
}

/// The length of an array, an object or a string (in bytes).
fn length(value: &Value) -> Option<usize> {
    match value {
        Value::Array(a) => Some(a.len()),
        Value::Object(o) => Some(o.len()),
        Value::String(s) => Some(s.len()),
        _ => None,
    }
}

fn compare(a: f64, ord: CmpOp, b: f64) -> bool {
    match ord {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ge => a >= b,
        CmpOp::Gt => a > b,
    }
}

fn ord_text(ord: CmpOp) -> &'static str {
    match ord {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "==",
        CmpOp::Ge => ">=",
        CmpOp::Gt => ">",
    }
}
