//! The protocol layer: everything every route shares, written once. One fallback handler
//! receives every request, and here it
//!
//! - answers CORS preflights and refuses methods other than POST (405);
//! - percent-decodes the path and splits it into `/subject/method` (unknown: 404);
//! - checks the content type (absent or `application/json`, else MalformedJSON) and
//!   parses the body (MalformedJSON; not an object: InvalidInput, except for routes whose
//!   body is the input value itself);
//! - authenticates (see [`super::auth`]);
//! - runs the route with the store locked for the whole call, catching panics so that a
//!   bug answers 500 instead of dropping the connection;
//! - applies the self-check's fault hooks (see [`super::faults`]): request and answer
//!   rewrites, and the `faults.on` checks below, each naming its fault;
//! - sets the headers every answer carries:
//!   `Content-Type: application/json`, `Content-Length`, `X-Request-ID`,
//!   `X-Content-Type-Options: nosniff`, and the CORS echo of `Origin`.

use std::panic::AssertUnwindSafe;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, AUTHORIZATION, CONTENT_LENGTH,
    CONTENT_TYPE, ORIGIN, RETRY_AFTER, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::auth;
use super::call::{Call, Handler};
use super::error::{ApiError, ErrorType, invalid_input, malformed_json, not_found, not_found_msg};
use super::faults;
use super::ids;
use super::routes::{self, Route};
use super::store::now_ms;

/// The largest body we read. The platform's limit is [SILENT]; a bigger body is a client
/// mistake, so it is InvalidInput (422), never a 5xx.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// What a call produced before the shared headers are added.
struct Answer {
    status: StatusCode,
    body: Value,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl Answer {
    fn ok(body: Value) -> Answer {
        Answer {
            status: StatusCode::OK,
            body,
            headers: Vec::new(),
        }
    }
}

impl From<ApiError> for Answer {
    fn from(e: ApiError) -> Answer {
        let mut headers = Vec::new();
        if let Some(secs) = e.retry_after {
            headers.push((RETRY_AFTER, HeaderValue::from(secs)));
        }
        Answer {
            status: e.kind.status(),
            body: e.body(),
            headers,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(Answer::from(self))
    }
}

fn json_response(a: Answer) -> Response {
    // serde_json cannot fail to serialise a Value; an empty object is the safe fallback.
    let bytes = serde_json::to_vec(&a.body).unwrap_or_else(|_| b"{}".to_vec());
    let len = bytes.len();
    let mut resp = Response::new(Body::from(bytes));
    *resp.status_mut() = a.status;
    let h = resp.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(CONTENT_LENGTH, HeaderValue::from(len));
    for (k, v) in a.headers {
        h.insert(k, v);
    }
    resp
}

/// The single handler behind every path.
pub async fn handle(State(state): State<AppState>, req: Request) -> Response {
    let request_id = state.request_id();
    let (parts, body) = req.into_parts();
    if state.latency_ms() > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(state.latency_ms())).await;
    }
    let origin = parts.headers.get(ORIGIN).cloned();
    let faults = state.faults();
    let answer = if parts.method == Method::OPTIONS && !faults.on("preflight-not-answered") {
        preflight(&parts.headers)
    } else if parts.method != Method::POST
        && !(parts.method == Method::GET && faults.on("get-accepted"))
    {
        ApiError::new(
            ErrorType::MethodNotAllowed,
            format!("The method {} is not allowed; use POST", parts.method),
        )
        .into()
    } else {
        match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(bytes) => post(&state, &parts.uri, &parts.headers, &bytes),
            Err(_) => invalid_input("The request body is too large or could not be read").into(),
        }
    };
    let mut resp = json_response(answer);
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert(X_REQUEST_ID.clone(), v);
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Some(o) = origin {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, o);
    }
    let status = resp.status();
    faults::rewrite_headers(faults, status, resp.headers_mut());
    resp
}

/// A CORS preflight: accepted for POST only. Another requested method is 405, our
/// reading where the docs are silent.
fn preflight(headers: &HeaderMap) -> Answer {
    let method = headers
        .get(ACCESS_CONTROL_REQUEST_METHOD)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    if method != Some("POST") {
        return ApiError::new(
            ErrorType::MethodNotAllowed,
            "Only POST is allowed on API routes",
        )
        .into();
    }
    let mut a = Answer::ok(json!({}));
    a.headers.push((
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    ));
    if let Some(req_headers) = headers.get(ACCESS_CONTROL_REQUEST_HEADERS) {
        a.headers
            .push((ACCESS_CONTROL_ALLOW_HEADERS, req_headers.clone()));
    }
    a
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

fn post(state: &AppState, uri: &Uri, headers: &HeaderMap, bytes: &Bytes) -> Answer {
    let path = if state.faults().on("path-not-percent-decoded") {
        uri.path().to_string()
    } else {
        percent_decode(uri.path())
    };
    let unknown_route_500 = state.faults().on("unknown-route-500");
    let Some((subject, method)) = split_path(&path) else {
        if unknown_route_500 {
            return ApiError::new(ErrorType::InternalError, "No handler for this path").into();
        }
        let entity = path.trim_start_matches('/');
        return not_found(entity).into();
    };
    let found = routes::find(subject, method);
    let Some((route, class, handler)) =
        found.and_then(|(route, class)| Some((route, class, route.handler?)))
    else {
        if unknown_route_500 {
            return ApiError::new(ErrorType::InternalError, "No handler for this path").into();
        }
        if found.is_some() {
            return not_found_msg(format!(
                "The route /{subject}/{method} is not implemented by the dxconform reference server"
            ))
            .into();
        }
        return not_found(subject).into();
    };
    let called = Called {
        route,
        class,
        handler,
        subject,
        method,
    };
    let mut answer = match read_and_run(state, &called, uri, headers, bytes) {
        Ok(v) => Answer::ok(v),
        Err(e) => e.into(),
    };
    faults::rewrite(
        state.faults(),
        class,
        method,
        &mut answer.status,
        &mut answer.body,
    );
    answer
}

/// A request's route, resolved.
struct Called<'a> {
    route: &'static Route,
    /// The subject's class (`record` for `/record/new` and `/record-xxxx/describe`).
    class: &'a str,
    handler: Handler,
    subject: &'a str,
    method: &'a str,
}

/// Check the content type, parse the body, and run the route.
fn read_and_run(
    state: &AppState,
    called: &Called,
    uri: &Uri,
    headers: &HeaderMap,
    bytes: &Bytes,
) -> Result<Value, ApiError> {
    let faults = state.faults();
    if faults.on("api-version-header-rejected") && headers.contains_key("dnanexus-api") {
        return Err(invalid_input("Unsupported API version"));
    }
    if !content_type_ok(headers) && !faults.on("content-type-not-checked") {
        return Err(malformed_json("Content-Type must be application/json"));
    }
    let mut body = match parse_body(bytes) {
        Err(_) if faults.on("malformed-json-accepted") => json!({}),
        parsed => parsed?,
    };
    faults::rewrite_request(faults, called.class, called.method, uri.query(), &mut body)?;
    run(state, called, headers, &body)
}

fn run(
    state: &AppState,
    called: &Called,
    headers: &HeaderMap,
    body: &Value,
) -> Result<Value, ApiError> {
    let (route, method) = (called.route, called.method);
    let mut store = state.lock();
    let faults = state.faults();
    let user = if faults.on("auth-not-enforced") && !headers.contains_key(AUTHORIZATION) {
        store.users.keys().next().cloned()
    } else if route.needs_token || (method == "greet" && faults.on("greet-requires-token")) {
        Some(auth::authenticate(&store, headers)?)
    } else {
        None
    };
    if !route.any_body && !body.is_object() && !faults.on("non-object-body-accepted") {
        return Err(invalid_input("The input must be a JSON object (a hash)"));
    }
    let call = Call {
        subject: called.subject,
        method,
        body,
        user: user.as_deref().unwrap_or(""),
        headers,
        faults: state.faults(),
    };
    // A panic is a server bug: answer 500 rather than dropping the connection, and keep
    // the lock usable (the guard is outside the unwind boundary, so it is not poisoned).
    let alphabet = faults
        .on("ids-any-alphanumeric")
        .then_some(ids::ALPHANUMERIC);
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        ids::with_alphabet(alphabet, || (called.handler)(&mut store, &call))
    }))
    .unwrap_or_else(|_| {
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
