//! The variant catalogue: named ways a server may differ from the reference server while
//! still following the documentation, for the self-check (`serve --variant NAME`): the
//! suite must pass each one, with `--strict` when the variant is [`Strict`].
//!
//! A variant is one table entry: its name, the freedom the documentation leaves it (one
//! line: what the docs allow and why), how strictly the suite must still pass, and its
//! [`Edit`], written beside it: a change to the [`Rules`](super::rules::Rules) (another
//! status where the docs give none, a page cap) or a rewrite of the request, the answer,
//! its bytes or its headers. Route code never names a variant, so adding one is a change
//! to one file: this one, or a family's file below (a new family is a new file and one
//! line in [`FAMILIES`]).
//!
//! # Layout
//!
//! The protocol, describe and search variants are here ([`BASE`]); [`files`] holds the
//! files page's (transfer URLs, closing, part fields).

use axum::http::header::{
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ALLOW, CACHE_CONTROL, CONNECTION,
    CONTENT_TYPE, ORIGIN, SERVER, STRICT_TRANSPORT_SECURITY, VARY,
};
use axum::http::{HeaderValue, StatusCode};
use serde_json::{Map, Value, json};

use std::sync::LazyLock;

use super::edit::{Edit, Seen};
use super::error::{ApiError, ErrorType};

pub mod files;

use Strictness::{Lenient, Strict};

/// How strictly the suite must pass with a variant on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Nothing documented or observed changes: the suite passes even with `--strict`.
    Strict,
    /// Only a SHOULD-level reading changes (an observed or client-derived detail): the
    /// suite passes without `--strict`, with warnings.
    Lenient,
}

/// One way to differ from the reference server within the documentation.
#[derive(Debug)]
pub struct Variant {
    pub name: &'static str,
    /// What the documentation allows, and why, in one line.
    pub freedom: &'static str,
    pub strictness: Strictness,
    /// What it does to the server.
    pub edit: Edit,
}

/// The variant named `name`.
pub fn find(name: &str) -> Option<&'static Variant> {
    VARIANTS.iter().copied().find(|v| v.name == name)
}

/// Every family's variants, in listing order.
pub static FAMILIES: &[&[Variant]] = &[BASE, files::VARIANTS];

/// Every variant, in the order their edits apply.
pub static VARIANTS: LazyLock<Vec<&'static Variant>> =
    LazyLock::new(|| FAMILIES.iter().flat_map(|f| f.iter()).collect());

/// The variants of the protocol, describe answers and search.
pub static BASE: &[Variant] = &[
    // ---- error answers ----
    Variant {
        name: "error-details",
        freedom: "the error body may carry an optional `details` mapping beside `type` and `message`; clients read it only when present (spec §2, error body)",
        strictness: Strict,
        edit: Edit::answer(|_, _, a| {
            let kind = a.error_type().unwrap_or_default().to_string();
            if let Some(e) = a.error_mut() {
                e.insert("details".into(), json!({ "reason": kind }));
            }
        }),
    },
    Variant {
        name: "messages-reworded",
        freedom: "error messages are free text that must only be non-empty; the one exact wording known (a reused nonce) is observed, a SHOULD reading",
        strictness: Lenient,
        edit: Edit::answer(|_, _, a| {
            let kind = a.error_type().unwrap_or_default().to_string();
            if let Some(e) = a.error_mut() {
                let message = format!("Request refused ({kind}); see the API documentation");
                e.insert("message".into(), json!(message));
            }
        }),
    },
    Variant {
        name: "close-detail-reworded",
        freedom: "close's `detail` explains in free text that the object was already closed; only its presence is documented",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && let Some(detail) = a.success_mut().and_then(|m| m.get_mut("detail"))
            {
                *detail = json!("Already closed earlier: this call changed nothing.");
            }
        }),
    },
    // ---- undocumented fields ----
    Variant {
        name: "extra-field-top-level",
        freedom: "answers may carry fields the documentation does not name, as the platform's do; clients ignore them",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| {
            if seen.route.is_some()
                && !keys_are_data(seen)
                && let Some(m) = a.success_mut()
            {
                m.insert(EXTRA.into(), json!(EXTRA_VALUE));
            }
        }),
    },
    Variant {
        name: "extra-field-nested",
        freedom: "mappings nested in answers (createdBy, listed describes, the error) may carry undocumented fields too; clients read only the fields they know",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| {
            if let Some(e) = a.error_mut() {
                e.insert(EXTRA.into(), json!(EXTRA_VALUE));
            }
            if keys_are_data(seen) {
                return;
            }
            let Some(m) = a.success_mut() else {
                return;
            };
            let mark = |m: &mut Map<String, Value>| {
                if let Some(Value::Object(by)) = m.get_mut("createdBy") {
                    by.insert(EXTRA.into(), json!(EXTRA_VALUE));
                }
            };
            mark(m);
            for list in ["results", "objects"] {
                let entries = m.get_mut(list).and_then(Value::as_array_mut);
                for entry in entries.into_iter().flatten() {
                    if let Some(Value::Object(d)) = entry.get_mut("describe") {
                        d.insert(EXTRA.into(), json!(EXTRA_VALUE));
                        mark(d);
                    }
                }
            }
        }),
    },
    Variant {
        name: "extra-field-in-results",
        freedom: "search results, resolved matches and listed objects may carry undocumented fields; `{project, id}` alone is only observed",
        strictness: Lenient,
        edit: Edit::answer(|seen, _, a| {
            let Some(route) = seen.route else {
                return;
            };
            let (list, nested) = match (route.class, route.method) {
                ("system", "findDataObjects" | "findProjects") => ("results", false),
                ("system", "resolveDataObjects") => ("results", true),
                ("project" | "container", "listFolder") => ("objects", false),
                _ => return,
            };
            let entries = a
                .success_mut()
                .and_then(|m| m.get_mut(list))
                .and_then(Value::as_array_mut);
            for entry in entries.into_iter().flatten() {
                let matches = match entry {
                    Value::Array(matches) if nested => matches.iter_mut().collect(),
                    other => vec![other],
                };
                for m in matches.into_iter().filter_map(Value::as_object_mut) {
                    m.insert(EXTRA.into(), json!(EXTRA_VALUE));
                }
            }
        }),
    },
    // ---- statuses and error types ----
    Variant {
        name: "permission-denied-403",
        freedom: "PermissionDenied's 401 comes from the client's copy of the error table, not the documentation; 403 is the usual HTTP reading",
        strictness: Lenient,
        edit: Edit::rules(|r| r.status.permission_denied = StatusCode::FORBIDDEN),
    },
    Variant {
        name: "invalid-as-400",
        freedom: "422 for InvalidInput, InvalidState and InvalidType is the client's table and observation; 400 is also a 4xx that clients never retry",
        strictness: Lenient,
        edit: Edit::rules(|r| {
            r.status.invalid_input = StatusCode::BAD_REQUEST;
            r.status.invalid_state = StatusCode::BAD_REQUEST;
            r.status.invalid_type = StatusCode::BAD_REQUEST;
        }),
    },
    Variant {
        name: "org-expired-402",
        freedom: "OrgExpired's status is documented nowhere; 402 Payment Required is as fair a reading as our 403",
        strictness: Lenient,
        edit: Edit::rules(|r| r.status.org_expired = StatusCode::PAYMENT_REQUIRED),
    },
    Variant {
        name: "missing-token-invalid-authentication",
        freedom: "the docs do not say what a call without a token gets; PermissionDenied is observed, InvalidAuthentication (also 401) is as fair",
        strictness: Lenient,
        edit: Edit::rules(|r| r.auth.missing_token = ErrorType::InvalidAuthentication),
    },
    // ---- CORS ----
    Variant {
        name: "preflight-204",
        freedom: "the status and body of an accepted preflight are not documented; 204 No Content is the common CORS answer",
        strictness: Strict,
        edit: Edit::rules(|r| r.cors.preflight_no_content = true),
    },
    Variant {
        name: "cors-extra-headers",
        freedom: "`Access-Control-Max-Age` and exposed headers are left open (spec §2); `Vary: Origin` is what caches need beside an echoed origin",
        strictness: Strict,
        edit: Edit::headers(|seen, status, h| {
            if seen.is_preflight() && status.is_success() {
                h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
            }
            if seen.headers.contains_key(ORIGIN) {
                h.insert(VARY, HeaderValue::from_static("Origin"));
                let exposed = HeaderValue::from_static("X-Request-ID");
                h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
            }
        }),
    },
    // ---- paging ----
    Variant {
        name: "short-pages",
        freedom: "a page may hold fewer results than `limit` as long as `next` goes on; full pages are only observed",
        strictness: Lenient,
        edit: Edit::rules(|r| r.search.page_cap = 2),
    },
    Variant {
        name: "next-opaque-token",
        freedom: "`next` is an opaque value the client sends back unchanged as `starting`; a string token is as opaque as a mapping",
        strictness: Strict,
        edit: Edit::request(|seen, body| {
            if pages(seen)
                && let Some(starting) = body.get_mut("starting")
                && let Some(position) = starting.as_str().and_then(token_position)
            {
                *starting = position;
            }
            Ok(())
        })
        .and_answer(|seen, _, a| {
            if pages(seen)
                && let Some(next) = a.success_mut().and_then(|m| m.get_mut("next"))
                && next.is_object()
            {
                *next = Value::String(position_token(next));
            }
        }),
    },
    // ---- throttling ----
    Variant {
        name: "throttle-503",
        freedom: "any call may be throttled with 503 and `Retry-After` before it runs; clients wait and retry without counting it (spec §11)",
        strictness: Strict,
        edit: Edit::request(|seen, _| throttle(seen, ErrorType::ServiceUnavailable, Some(1), 40)),
    },
    Variant {
        name: "throttle-429",
        freedom: "any call may be throttled with 429 RateLimitConditional and `Retry-After`; clients treat it as 503 (spec §11)",
        strictness: Strict,
        edit: Edit::request(|seen, _| throttle(seen, ErrorType::RateLimitConditional, Some(1), 40)),
    },
    // ---- headers ----
    Variant {
        name: "request-id-other-format",
        freedom: "`X-Request-ID`'s `<13-digit ms>-<counter>` form is observed, not documented; clients only print it",
        strictness: Lenient,
        edit: Edit::headers(|seen, _, h| {
            let id = format!("req-{:016x}{:016x}", fastrand::u64(..), seen.counter);
            if let Ok(v) = HeaderValue::from_str(&id) {
                h.insert("x-request-id", v);
            }
        }),
    },
    Variant {
        name: "content-type-charset",
        freedom: "`application/json` may carry parameters; clients match the media type, not the whole header",
        strictness: Strict,
        edit: Edit::headers(|_, _, h| {
            if h.get(CONTENT_TYPE).is_some_and(|v| v == "application/json") {
                let with_charset = HeaderValue::from_static("application/json; charset=utf-8");
                h.insert(CONTENT_TYPE, with_charset);
            }
        }),
    },
    Variant {
        name: "extra-headers",
        freedom: "servers add headers of their own (server name, caching, HSTS); clients ignore headers they do not know",
        strictness: Strict,
        edit: Edit::headers(|_, _, h| {
            h.insert(SERVER, HeaderValue::from_static("dxconform-variant/1"));
            h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            let hsts = HeaderValue::from_static("max-age=63072000; includeSubDomains");
            h.insert(STRICT_TRANSPORT_SECURITY, hsts);
            h.insert("x-powered-by", HeaderValue::from_static("dxconform"));
        }),
    },
    Variant {
        name: "method-not-allowed-allow-header",
        freedom: "HTTP says a 405 answer carries `Allow`; the docs say nothing against it",
        strictness: Strict,
        edit: Edit::headers(|_, status, h| {
            if status == StatusCode::METHOD_NOT_ALLOWED {
                h.insert(ALLOW, HeaderValue::from_static("POST"));
            }
        }),
    },
    Variant {
        name: "connection-close",
        freedom: "an HTTP/1.1 server may close the connection after any answer; clients open a new one",
        strictness: Strict,
        edit: Edit::headers(|_, _, h| {
            h.insert(CONNECTION, HeaderValue::from_static("close"));
        }),
    },
    Variant {
        name: "slow-answers",
        freedom: "answers take as long as they take; 5 ms more is far inside any client's time-out",
        strictness: Strict,
        edit: Edit::rules(|r| r.delay_ms += 5),
    },
    // ---- JSON text ----
    Variant {
        name: "pretty-json",
        freedom: "JSON allows any whitespace between tokens (RFC 8259)",
        strictness: Strict,
        edit: Edit::bytes(|bytes| {
            if let Ok(v) = serde_json::from_slice::<Value>(bytes)
                && let Ok(pretty) = serde_json::to_vec_pretty(&v)
            {
                *bytes = pretty;
            }
        }),
    },
    Variant {
        name: "keys-reverse-order",
        freedom: "a JSON object is unordered (RFC 8259); no client may rely on the order of its keys",
        strictness: Strict,
        edit: Edit::bytes(|bytes| {
            if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
                let mut out = String::new();
                write_keys_reversed(&v, &mut out);
                *bytes = out.into_bytes();
            }
        }),
    },
    Variant {
        name: "unicode-escaped",
        freedom: "a JSON string may write any character as a `\\u` escape, as a surrogate pair beyond the BMP (RFC 8259)",
        strictness: Strict,
        edit: Edit::bytes(|bytes| {
            // Compact JSON holds non-ASCII characters only inside strings, where an escape
            // means the same character.
            if let Ok(text) = std::str::from_utf8(bytes) {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    if c.is_ascii() {
                        out.push(c);
                    } else {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            out.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                }
                *bytes = out.into_bytes();
            }
        }),
    },
    // ---- describe ----
    Variant {
        name: "sponsored-true",
        freedom: "`sponsored` depends on billing arrangements the docs leave to the platform; `false` for unsponsored data is only observed",
        strictness: Lenient,
        edit: Edit::answer(|seen, _, a| {
            for d in a.data_describes_mut(seen) {
                if let Some(sponsored) = d.get_mut("sponsored") {
                    *sponsored = json!(true);
                }
            }
        }),
    },
    Variant {
        name: "links-reverse-order",
        freedom: "describe's `links` names the linked objects, each once; the docs leave their order open",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| a.reverse_describe_array(seen, "links")),
    },
    Variant {
        name: "tags-sorted",
        freedom: "tags and types are sets in the docs; keeping them in insertion order is only observed",
        strictness: Lenient,
        edit: Edit::answer(|seen, _, a| {
            for d in a.data_describes_mut(seen) {
                for key in ["tags", "types"] {
                    if let Some(Value::Array(items)) = d.get_mut(key) {
                        items.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
                    }
                }
            }
        }),
    },
    Variant {
        name: "created-201",
        freedom: "the status of a success is not documented, only that it is 2xx to clients (dxpy checks `status // 100 == 2`); 201 Created for the `new` routes is the usual HTTP reading",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("new") && a.status == StatusCode::OK {
                a.status = StatusCode::CREATED;
            }
        }),
    },
    Variant {
        name: "list-folder-reverse-order",
        freedom: "listFolder's `objects` and `folders` are lists whose order the docs leave open; creation order is only observed",
        strictness: Lenient,
        edit: Edit::answer(|seen, _, a| {
            if !matches!(seen.route, Some(r) if r.method == "listFolder") {
                return;
            }
            if let Some(m) = a.success_mut() {
                for key in ["objects", "folders"] {
                    if let Some(Value::Array(items)) = m.get_mut(key) {
                        items.reverse();
                    }
                }
            }
        }),
    },
    Variant {
        name: "find-projects-reverse-order",
        freedom: "findProjects documents no order for its results (only findDataObjects has one)",
        strictness: Strict,
        edit: Edit::answer(|seen, _, a| {
            if !seen.is("system", "findProjects") {
                return;
            }
            if let Some(Value::Array(results)) = a.success_mut().and_then(|m| m.get_mut("results"))
            {
                results.reverse();
            }
        }),
    },
    Variant {
        name: "extra-field-everywhere",
        freedom: "every mapping of every answer, at any depth, may carry fields the documentation does not name; only mappings whose keys are data (details, properties, permissions, headers to send) cannot; that listed entries are exactly `{id}` or `{project, id}` is only observed",
        strictness: Lenient,
        edit: Edit::answer(|seen, _, a| {
            if keys_are_data(seen) {
                return;
            }
            if let Some(m) = a.success_mut() {
                mark_every_mapping(m);
            }
        }),
    },
    Variant {
        name: "throttle-503-without-retry-after",
        freedom: "a 503 need not say when to come back: clients back off exponentially without `Retry-After` (spec §10, retry semantics)",
        strictness: Strict,
        // Rarer than the others: without `Retry-After` every client backs off on its own.
        edit: Edit::request(|seen, _| throttle(seen, ErrorType::ServiceUnavailable, None, 97)),
    },
];

/// Keys whose values are data, not fields (a file's `parts` are keyed by index; `next` is
/// an opaque token handed back as it came): nothing may be added inside them.
const DATA_KEYS: &[&str] = &[
    "details",
    "properties",
    "permissions",
    "headers",
    "input",
    "next",
    "parts",
];

/// Add [`EXTRA`] to `m` and to every mapping nested in it, except inside [`DATA_KEYS`].
fn mark_every_mapping(m: &mut Map<String, Value>) {
    for (key, value) in m.iter_mut() {
        if !DATA_KEYS.contains(&key.as_str()) {
            mark_value(value);
        }
    }
    m.insert(EXTRA.into(), json!(EXTRA_VALUE));
}

fn mark_value(v: &mut Value) {
    match v {
        Value::Object(m) => mark_every_mapping(m),
        Value::Array(items) => items.iter_mut().for_each(mark_value),
        _ => {}
    }
}

/// The undocumented field the extra-field variants add, and its value.
const EXTRA: &str = "xExtra";
const EXTRA_VALUE: &str = "an undocumented field";

/// Whether the answer's keys are data rather than field names: getDetails answers the
/// details value itself, listProjects maps projects to levels, and `/system/headers`
/// maps header names to values. No field can be added to those.
fn keys_are_data(seen: &Seen) -> bool {
    matches!(seen.route_method(), Some("getDetails" | "listProjects"))
        || seen.is("system", "headers")
}

/// Whether the route pages with `next` and `starting`.
fn pages(seen: &Seen) -> bool {
    seen.is("system", "findDataObjects") || seen.is("system", "findProjects")
}

/// What starts an opaque paging token.
const TOKEN_PREFIX: &str = "page.";

/// An opaque token for a paging position: its JSON text, hex-encoded.
fn position_token(position: &Value) -> String {
    let text = position.to_string();
    let hex: String = text.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{TOKEN_PREFIX}{hex}")
}

/// The position a token stands for; `None` for anything [`position_token`] did not make.
fn token_position(token: &str) -> Option<Value> {
    let hex = token.strip_prefix(TOKEN_PREFIX)?;
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    serde_json::from_slice(&bytes).ok()
}

/// Refuse the 3rd request and then every `every`-th with `kind`, and with `Retry-After`
/// when given.
fn throttle(
    seen: &Seen,
    kind: ErrorType,
    retry_after: Option<u64>,
    every: u64,
) -> Result<(), ApiError> {
    let n = seen.counter;
    if n >= 2 && (n - 2) % every == 0 {
        let mut e = ApiError::new(kind, "The server is busy; try again later");
        e.retry_after = retry_after;
        return Err(e);
    }
    Ok(())
}

/// Write `v` as compact JSON with every mapping's keys in reverse order.
fn write_keys_reversed(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().rev().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_keys_reversed(x, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_keys_reversed(x, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_freedoms_one_line() {
        let mut names = std::collections::BTreeSet::new();
        for v in VARIANTS.iter() {
            assert!(names.insert(v.name), "duplicate variant {}", v.name);
            assert!(
                !v.freedom.is_empty() && !v.freedom.contains('\n'),
                "{}",
                v.name
            );
            assert!(
                super::super::faults::find(v.name).is_none(),
                "{} is a fault too",
                v.name
            );
        }
        assert!(VARIANTS.len() >= 28);
    }

    #[test]
    fn tokens_round_trip_and_refuse_strangers() {
        let position = json!({"project": "project-x", "id": "record-y"});
        let token = position_token(&position);
        assert!(token.starts_with(TOKEN_PREFIX) && !token.contains('{'));
        assert_eq!(token_position(&token), Some(position));
        for bad in ["", "page.", "page.7", "page.zz", "other.7b7d", "page.é"] {
            assert_eq!(token_position(bad), None, "{bad}");
        }
        assert_eq!(token_position("page.7b7d"), Some(json!({})));
    }

    #[test]
    fn reversed_keys_are_the_same_json() {
        let v = json!({"a": 1, "b": [{"y": null, "x": "é\"q"}], "c": {"k": true}});
        let mut out = String::new();
        write_keys_reversed(&v, &mut out);
        assert!(out.starts_with("{\"c\""), "{out}");
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
    }
}
