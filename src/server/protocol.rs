//! The protocol layer: everything every route shares, written once. One fallback handler
//! receives every request, and here it
//!
//! - answers CORS preflights and refuses methods other than POST (405);
//! - percent-decodes the path and finds its `/subject/method` in the route table
//!   (unknown: 404);
//! - checks the content type (absent or `application/json`, else MalformedJSON) and
//!   parses the body (MalformedJSON; not an object: InvalidInput, except for routes whose
//!   body is the input value itself);
//! - authenticates (see [`super::auth`]);
//! - runs the route with the store locked for the whole call, catching panics so that a
//!   bug answers 500 instead of dropping the connection;
//! - turns errors into the documented error body, with the status the [`Rules`] give
//!   their type;
//! - sets the headers every answer carries:
//!   `Content-Type: application/json`, `Content-Length`, `X-Request-ID`,
//!   `X-Content-Type-Options: nosniff`, and the CORS echo of `Origin`.
//!
//! Each of these steps reads the [`Rules`]; the switched-on faults and variants (see
//! [`super::edit`]) rewrite the request, the answer, its bytes and its headers at the
//! points marked below, in catalogue order.

use std::panic::AssertUnwindSafe;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, AUTHORIZATION, CONTENT_LENGTH,
    CONTENT_TYPE, ORIGIN, RETRY_AFTER, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::AppState;
use super::auth;
use super::call::{Call, Handler};
use super::edit::{Answer, RouteName, Seen};
use super::error::{
    ApiError, ApiResult, ErrorType, invalid_input, malformed_json, not_found, not_found_msg,
};
use super::routes::{self, Route};
use super::rules::Rules;
use super::store::now_ms;

static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// An answer and the headers its making added (`Retry-After`, CORS preflight headers).
struct Reply {
    answer: Answer,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply {
            answer: Answer::ok(body),
            headers: Vec::new(),
        }
    }

    /// The documented error body, with the status the rules give its type.
    fn error(rules: &Rules, e: ApiError) -> Reply {
        let mut headers = Vec::new();
        if let Some(secs) = e.retry_after {
            headers.push((RETRY_AFTER, HeaderValue::from(secs)));
        }
        Reply {
            answer: Answer {
                status: rules.status.of(e.kind),
                body: e.body(),
            },
            headers,
        }
    }
}

/// The single handler behind every path.
pub async fn handle(State(state): State<AppState>, req: Request) -> Response {
    let counter = state.count_request();
    let (parts, body) = req.into_parts();
    let rules = state.rules();
    if rules.delay_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(rules.delay_ms)).await;
    }
    let path = if rules.protocol.percent_decode_path {
        percent_decode(parts.uri.path())
    } else {
        parts.uri.path().to_string()
    };
    let mut seen = Seen {
        method: &parts.method,
        route: None,
        headers: &parts.headers,
        query: parts.uri.query(),
        counter,
        rules,
    };
    // The request body, for the answer rewrites: null until one is parsed.
    let mut request = Value::Null;
    let mut reply = if parts.method == Method::OPTIONS && rules.cors.preflight_answered {
        preflight(rules, &parts.headers)
    } else if !rules.protocol.methods.contains(&parts.method) {
        Reply::error(
            rules,
            ApiError::new(
                ErrorType::MethodNotAllowed,
                format!("The method {} is not allowed; use POST", parts.method),
            ),
        )
    } else {
        let result = match axum::body::to_bytes(body, rules.protocol.max_body).await {
            Ok(bytes) => call(&state, &mut seen, &path, &bytes, &mut request),
            Err(_) => Err(invalid_input(
                "The request body is too large or could not be read",
            )),
        };
        match result {
            Ok(v) => Reply::ok(v),
            Err(e) => Reply::error(rules, e),
        }
    };
    // Edit point: the answer as JSON.
    state.edits().answer(&seen, &request, &mut reply.answer);
    respond(&state, &seen, reply)
}

/// Serialize a reply and add the headers every answer carries.
fn respond(state: &AppState, seen: &Seen, reply: Reply) -> Response {
    let Reply { answer, headers } = reply;
    // A 204 has no body. serde_json cannot fail to serialize a Value; an empty object is
    // the safe fallback.
    let mut bytes = if answer.status == StatusCode::NO_CONTENT {
        Vec::new()
    } else {
        serde_json::to_vec(&answer.body).unwrap_or_else(|_| b"{}".to_vec())
    };
    if !bytes.is_empty() {
        // Edit point: the serialized body, before its length is taken.
        state.edits().bytes(&mut bytes);
    }
    let len = bytes.len();
    let mut resp = Response::new(Body::from(bytes));
    *resp.status_mut() = answer.status;
    let h = resp.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(CONTENT_LENGTH, HeaderValue::from(len));
    for (k, v) in headers {
        h.insert(k, v);
    }
    if let Ok(v) = HeaderValue::from_str(&request_id(seen.counter)) {
        h.insert(X_REQUEST_ID.clone(), v);
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Some(o) = seen.headers.get(ORIGIN) {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, o.clone());
    }
    // Edit point: the headers, last.
    state.edits().headers(seen, answer.status, h);
    resp
}

/// A CORS preflight: accepted for POST only. Another requested method is 405, our
/// reading where the docs are silent.
fn preflight(rules: &Rules, headers: &HeaderMap) -> Reply {
    let method = headers
        .get(ACCESS_CONTROL_REQUEST_METHOD)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    if method != Some("POST") {
        let e = ApiError::new(
            ErrorType::MethodNotAllowed,
            "Only POST is allowed on API routes",
        );
        return Reply::error(rules, e);
    }
    let mut reply = if rules.cors.preflight_no_content {
        Reply {
            answer: Answer {
                status: StatusCode::NO_CONTENT,
                body: Value::Null,
            },
            headers: Vec::new(),
        }
    } else {
        Reply::ok(json!({}))
    };
    reply.headers.push((
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    ));
    if let Some(req_headers) = headers.get(ACCESS_CONTROL_REQUEST_HEADERS) {
        reply
            .headers
            .push((ACCESS_CONTROL_ALLOW_HEADERS, req_headers.clone()));
    }
    reply
}

/// Percent-decode a URL path. Invalid escapes stay as they are; bytes that are not UTF-8
/// become U+FFFD (such a path can only name an unknown entity anyway).
pub fn percent_decode(path: &str) -> String {
    let b = path.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Split `/subject/method`. Anything else (no method, extra components) is `None`.
pub fn split_path(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix('/')?;
    let (subject, method) = rest.split_once('/')?;
    if subject.is_empty() || method.is_empty() || method.contains('/') {
        return None;
    }
    Some((subject, method))
}

/// Content-Type must be absent or `application/json` (parameters allowed).
pub fn content_type_ok(headers: &HeaderMap) -> bool {
    match headers.get(CONTENT_TYPE) {
        None => true,
        Some(v) => v.to_str().is_ok_and(|s| {
            s.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        }),
    }
}

/// Parse a body: empty or unparseable (including invalid UTF-8) is MalformedJSON.
pub fn parse_body(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.is_empty() {
        return Err(malformed_json(
            "The request body is empty; send a JSON object such as {}",
        ));
    }
    serde_json::from_slice(bytes)
        .map_err(|e| malformed_json(format!("The request body could not be parsed as JSON: {e}")))
}

/// An API call: find the route, read the body into `request`, and run it.
fn call<'a>(
    state: &AppState,
    seen: &mut Seen<'a>,
    path: &'a str,
    bytes: &[u8],
    request: &mut Value,
) -> ApiResult<Value> {
    let rules = seen.rules;
    let Some((subject, method)) = split_path(path) else {
        return Err(not_found(path.trim_start_matches('/')));
    };
    let (route, class) = routes::find(subject, method).ok_or_else(|| not_found(subject))?;
    let handler = route.handler.ok_or_else(|| {
        not_found_msg(format!(
            "The route /{subject}/{method} is not implemented by the dxconform reference server"
        ))
    })?;
    seen.route = Some(RouteName { class, method });
    if rules.protocol.check_content_type && !content_type_ok(seen.headers) {
        return Err(malformed_json("Content-Type must be application/json"));
    }
    *request = match parse_body(bytes) {
        Err(_) if !rules.protocol.json_body_required => json!({}),
        parsed => parsed?,
    };
    // Edit point: the request, before anything runs.
    state.edits().request(seen, request)?;
    run(state, seen, route, handler, subject, request)
}

/// Authenticate, check the body's shape, and run the handler with the store locked.
fn run(
    state: &AppState,
    seen: &Seen,
    route: &Route,
    handler: Handler,
    subject: &str,
    body: &Value,
) -> ApiResult<Value> {
    let (rules, headers) = (seen.rules, seen.headers);
    let mut store = state.lock();
    let user = if !rules.auth.token_required && !headers.contains_key(AUTHORIZATION) {
        store.users.keys().next().cloned()
    } else if route.needs_token || !rules.auth.open_routes {
        Some(auth::authenticate(&store, headers, &rules.auth)?)
    } else {
        None
    };
    if !route.any_body && !body.is_object() && rules.protocol.object_body_required {
        return Err(invalid_input("The input must be a JSON object (a hash)"));
    }
    let call = Call {
        subject,
        method: route.method,
        body,
        user: user.as_deref().unwrap_or(""),
        headers,
        rules,
    };
    // A panic is a server bug: answer 500 rather than dropping the connection, and keep
    // the lock usable (the guard is outside the unwind boundary, so it is not poisoned).
    std::panic::catch_unwind(AssertUnwindSafe(|| handler(&mut store, &call))).unwrap_or_else(|_| {
        Err(ApiError::new(
            ErrorType::InternalError,
            "The server failed while handling this request",
        ))
    })
}

/// `X-Request-ID`: a 13-digit millisecond timestamp, a hyphen, a counter of 1 to 6
/// digits.
pub fn request_id(counter: u64) -> String {
    format!("{:013}-{}", now_ms(), counter % 999_999 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b/c"), "/a b/c");
        assert_eq!(percent_decode("/project-%C3%A9"), "/project-é");
        assert_eq!(percent_decode("/x%zz%4"), "/x%zz%4");
        assert_eq!(percent_decode("/%ff"), "/\u{fffd}");
        assert_eq!(percent_decode("%"), "%");
    }

    #[test]
    fn paths_split_into_subject_and_method() {
        assert_eq!(split_path("/record/new"), Some(("record", "new")));
        assert_eq!(split_path("/None/describe"), Some(("None", "describe")));
        assert_eq!(split_path("/system"), None);
        assert_eq!(split_path("/a/b/c"), None);
        assert_eq!(split_path("//new"), None);
        assert_eq!(split_path("/a/"), None);
    }

    #[test]
    fn content_types() {
        let mut h = HeaderMap::new();
        assert!(content_type_ok(&h));
        h.insert(
            CONTENT_TYPE,
            "application/json; charset=utf-8".parse().unwrap(),
        );
        assert!(content_type_ok(&h));
        h.insert(CONTENT_TYPE, "text/plain".parse().unwrap());
        assert!(!content_type_ok(&h));
        h.insert(CONTENT_TYPE, "application/jsonx".parse().unwrap());
        assert!(!content_type_ok(&h));
    }

    #[test]
    fn bodies() {
        assert_eq!(parse_body(b"").unwrap_err().kind, ErrorType::MalformedJSON);
        assert_eq!(parse_body(b"{").unwrap_err().kind, ErrorType::MalformedJSON);
        assert_eq!(
            parse_body(b"\xff{}").unwrap_err().kind,
            ErrorType::MalformedJSON
        );
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse_body(deep.as_bytes()).unwrap_err().kind,
            ErrorType::MalformedJSON
        );
        assert!(parse_body(b"[]").unwrap().is_array());
        assert!(parse_body(b"1e400").is_err());
    }

    #[test]
    fn request_ids_have_the_documented_form() {
        let re = regex::Regex::new(r"^\d{13}-\d{1,6}$").unwrap();
        for n in [0, 1, 999_998, 999_999, u64::MAX] {
            assert!(re.is_match(&request_id(n)), "{}", request_id(n));
        }
    }
}
