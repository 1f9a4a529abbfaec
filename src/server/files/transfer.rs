//! The transfer endpoints: the PUT of one part to an upload URL and the GET of a download
//! URL. They are plain axum routes beside the API's single fallback, under the rules'
//! prefixes (two path components, so no `/subject/method` route can clash), and they need
//! no token: the URL is the credential.
//!
//! The store's lock is held only to check the URL and to record the result; the bytes go
//! between the connection and the blob store ([`super::blobs`]) without it.
//!
//! - PUT: the body must be the announced number of bytes with the announced MD5, and the
//!   request must carry the `Content-MD5` header handed out. On success the part is
//!   `complete` at once (a later describe shows it) and the answer is an empty 200. Errors
//!   are JSON, `{"error": {"type", "message"}}`, so that clients fail fast instead of
//!   retrying: 400 `BadDigest` (MD5), 400 `BadRequest` (length, missing header), 403
//!   `AccessDenied` (unknown, expired or forged URL, file no longer open).
//! - GET: the whole file (200) or one `bytes=a-b` range (206, `Content-Range`, `b` clamped
//!   to the end), with an exact `Content-Length`; 416 `InvalidRange` for a range past the
//!   end; 403 `AccessDenied` as for PUT, and when the caller behind a non-preauthenticated
//!   URL can no longer view the project. A malformed or multiple range is ignored (200,
//!   the whole file), as HTTP allows.
//!
//! Answers carry `X-Request-ID` and `nosniff` like API answers, and go through the
//! switched-on edits' header rewrites as route `transfer/upload` or `transfer/download`.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{
    ACCEPT_RANGES, AUTHORIZATION, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE,
    RANGE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, put};
use futures_util::stream::{self, StreamExt};
use serde_json::json;

use super::super::AppState;
use super::super::edit::{RouteName, Seen};
use super::super::protocol::request_id;
use super::super::rules::{Rules, Transfer};
use super::super::store::{Level, State as ObjectState, Store, now_ms};
use super::blobs::WriteError;
use super::data::{Part, PartState, UploadGrant};
use super::upload::hex_to_base64;
use super::urls;

/// The routes of both endpoints, at the rules' prefixes.
pub fn routes(rules: &Rules) -> Router<AppState> {
    let up = format!(
        "{}/{{file}}/{{index}}/{{token}}",
        rules.transfer.upload_prefix
    );
    let down = format!(
        "{}/{{file}}/{{token}}/{{name}}",
        rules.transfer.download_prefix
    );
    Router::new()
        .route(&up, put(put_part))
        .route(&down, get(get_file))
}

/// A refused transfer: its status, error type and message.
struct Refusal(StatusCode, &'static str, String);

fn denied(message: impl Into<String>) -> Refusal {
    Refusal(StatusCode::FORBIDDEN, "AccessDenied", message.into())
}

fn bad_request(message: impl Into<String>) -> Refusal {
    Refusal(StatusCode::BAD_REQUEST, "BadRequest", message.into())
}

fn bad_digest(message: impl Into<String>) -> Refusal {
    Refusal(StatusCode::BAD_REQUEST, "BadDigest", message.into())
}

/// Finish an answer: the headers every answer carries, then the edits' rewrites.
fn finish(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    route: &str,
    mut resp: Response,
) -> Response {
    let counter = state.count_request();
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id(counter)) {
        h.insert(HeaderName::from_static("x-request-id"), v);
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    let seen = Seen {
        method,
        route: Some(RouteName {
            class: "transfer",
            method: route,
        }),
        headers,
        query: None,
        counter,
        rules: state.rules(),
    };
    let status = resp.status();
    state.edits().headers(&seen, status, resp.headers_mut());
    resp
}

fn refusal(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    route: &str,
    r: Refusal,
) -> Response {
    let Refusal(status, kind, message) = r;
    let body = json!({"error": {"type": kind, "message": message}}).to_string();
    let mut resp = Response::new(Body::from(body.clone()));
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    finish(state, method, headers, route, resp)
}

fn header(headers: &HeaderMap, name: impl axum::http::header::AsHeaderName) -> Option<&str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// Check an upload URL: what it allows, if it still allows it.
fn upload_grant(
    store: &Store,
    rules: &Rules,
    file: &str,
    index: &str,
    token: &str,
) -> Result<UploadGrant, Refusal> {
    let t = &rules.transfer;
    let unknown = || denied("This upload URL is not valid (unknown, forged or for another file)");
    let obj = store.objects.get(file).ok_or_else(unknown)?;
    let data = obj.file.as_ref().ok_or_else(unknown)?;
    let index: u32 = index.parse().map_err(|_| unknown())?;
    let grant = data.uploads.get(token).cloned().ok_or_else(unknown)?;
    if grant.index != index {
        return Err(unknown());
    }
    if expired(t, grant.expires) {
        return Err(denied(
            "This upload URL has expired; ask /upload for a new one",
        ));
    }
    if t.put_needs_open && obj.state != ObjectState::Open {
        return Err(denied(format!(
            "{file} is {}: parts can be written only while it is open",
            obj.state.as_str()
        )));
    }
    Ok(grant)
}

/// The request's headers against the grant, before any byte is read.
fn check_put_headers(
    t: &super::super::rules::Transfer,
    grant: &UploadGrant,
    headers: &HeaderMap,
) -> Result<(), Refusal> {
    if !t.no_auth_needed && !headers.contains_key(AUTHORIZATION) {
        return Err(denied("This upload needs an Authorization header"));
    }
    if t.headers_required && !grant.md5.is_empty() {
        match header(headers, "content-md5") {
            None => {
                return Err(bad_request(
                    "The Content-MD5 header handed out with this URL is missing",
                ));
            }
            Some(sent) if t.md5_checked && sent != hex_to_base64(&grant.md5) => {
                return Err(bad_digest(
                    "The Content-MD5 header is not the one handed out with this URL",
                ));
            }
            Some(_) => {}
        }
    }
    if t.length_checked
        && let Some(len) = header(headers, CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok())
        && len != grant.size
    {
        return Err(bad_request(format!(
            "Content-Length is {len}; this URL is for a part of {} bytes",
            grant.size
        )));
    }
    Ok(())
}

/// PUT one part.
async fn put_part(
    State(state): State<AppState>,
    Path((file, index, token)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let method = Method::PUT;
    let rules = state.rules().clone();
    let t = &rules.transfer;
    let checked = {
        let store = state.lock();
        upload_grant(&store, &rules, &file, &index, &token)
    };
    let grant = match checked.and_then(|g| check_put_headers(t, &g, &headers).map(|()| g)) {
        Ok(g) => g,
        Err(r) => return refusal(&state, &method, &headers, "upload", r),
    };
    let key = format!("{file}/{}/{}", grant.index, urls::token());
    let limit = if t.length_checked {
        grant.size
    } else {
        u64::MAX
    };
    let written = state
        .blobs()
        .write(&key, body.into_data_stream(), limit)
        .await;
    let written = match written {
        Ok(w) => w,
        Err(e) => {
            let r = match e {
                WriteError::TooLong => bad_request(format!(
                    "The body is longer than the {} bytes this URL is for",
                    grant.size
                )),
                WriteError::Body(why) => bad_request(format!("The body could not be read: {why}")),
                WriteError::Store(why) => Refusal(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "InternalError",
                    format!("The part could not be stored: {why}"),
                ),
            };
            return refusal(&state, &method, &headers, "upload", r);
        }
    };
    let wrong = if t.length_checked && written.len != grant.size {
        Some(bad_request(format!(
            "The body has {} bytes; this URL is for a part of {} bytes",
            written.len, grant.size
        )))
    } else if t.md5_checked && !grant.md5.is_empty() && written.md5 != grant.md5 {
        Some(bad_digest(format!(
            "The body's MD5 is {}; this URL is for a part with MD5 {}",
            written.md5, grant.md5
        )))
    } else {
        None
    };
    if let Some(r) = wrong {
        state.blobs().discard(vec![key]);
        return refusal(&state, &method, &headers, "upload", r);
    }
    // Record the part; the URL is checked again, as the file may have closed meanwhile.
    let recorded = {
        let mut store = state.lock();
        match upload_grant(&store, &rules, &file, &index, &token) {
            Err(r) => Err(r),
            Ok(_) => {
                let keep =
                    |old: &Part| rules.files.last_put_wins || old.state == PartState::Pending;
                let data = store.objects.get_mut(&file).and_then(|o| o.file.as_mut());
                let mut replaced = None;
                if let Some(data) = data {
                    data.landed += 1;
                    let part = Part {
                        state: PartState::Complete,
                        size: written.len,
                        md5: written.md5.clone(),
                        blob: Some(key.clone()),
                        landed: data.landed,
                    };
                    match data.parts.get(&grant.index) {
                        Some(old) if !keep(old) => replaced = Some(key.clone()),
                        old => {
                            replaced = old.and_then(|o| o.blob.clone());
                            data.parts.insert(grant.index, part);
                        }
                    }
                }
                store.discarded.extend(replaced);
                Ok(())
            }
        }
    };
    if let Err(r) = recorded {
        state.blobs().discard(vec![key]);
        return refusal(&state, &method, &headers, "upload", r);
    }
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = t.put_status;
    if t.put_status != StatusCode::NO_CONTENT {
        resp.headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from(0));
    }
    finish(&state, &method, &headers, "upload", resp)
}

/// Whether a URL that expires at `expires` (ms since the epoch) has expired.
fn expired(t: &Transfer, expires: i64) -> bool {
    let now = now_ms();
    t.expiry_enforced
        && if t.expiry_whole_seconds {
            now / 1000 > expires / 1000
        } else {
            now > expires
        }
}

/// What a download reads: each part's blob and size, in content order, the total, and
/// the filename.
struct Plan {
    parts: Vec<(String, u64)>,
    size: u64,
    filename: String,
}

fn download_plan(store: &Store, rules: &Rules, file: &str, token: &str) -> Result<Plan, Refusal> {
    let t = &rules.transfer;
    let unknown = || denied("This download URL is not valid (unknown, forged or for another file)");
    let obj = store.objects.get(file).ok_or_else(unknown)?;
    let data = obj.file.as_ref().ok_or_else(unknown)?;
    let grant = data.downloads.get(token).ok_or_else(unknown)?;
    if grant.expires.is_some_and(|e| expired(t, e)) {
        return Err(denied(
            "This download URL has expired; ask /download for a new one",
        ));
    }
    if let Some(user) = &grant.user {
        let still = store
            .level(&grant.project, user)
            .is_some_and(|l| l >= Level::View)
            && obj.copy(&grant.project).is_some();
        if !still {
            return Err(denied(
                "This URL was made for a user who can no longer view the file in its project",
            ));
        }
    }
    if rules.files.download_needs_closed && obj.state != ObjectState::Closed {
        return Err(denied(format!("{file} is not closed")));
    }
    let parts: Vec<(String, u64)> = data
        .content(rules.files.index_order)
        .into_iter()
        .filter_map(|(_, p)| p.blob.clone().map(|b| (b, p.size)))
        .collect();
    let size = parts.iter().map(|(_, s)| s).sum();
    Ok(Plan {
        parts,
        size,
        filename: grant.filename.clone(),
    })
}

/// The single range a `Range` header asks for, as `(first, last)` inclusive byte
/// positions before clamping; `None` for no header, a malformed one or several ranges.
pub fn parse_range(value: &str, size: u64) -> Option<(u64, Option<u64>)> {
    let spec = value.trim().strip_prefix("bytes=")?.trim();
    if spec.contains(',') {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        // A suffix: the last `b` bytes.
        let n: u64 = b.parse().ok()?;
        if n == 0 {
            return Some((size, None));
        }
        return Some((size.saturating_sub(n), None));
    }
    let first: u64 = a.parse().ok()?;
    let last = if b.is_empty() {
        None
    } else {
        Some(b.parse().ok()?)
    };
    if last.is_some_and(|l| l < first) {
        return None;
    }
    Some((first, last))
}

/// GET a file, whole or one range.
async fn get_file(
    State(state): State<AppState>,
    Path((file, token, _name)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let method = Method::GET;
    let rules = state.rules().clone();
    let t = &rules.transfer;
    let plan = {
        let store = state.lock();
        download_plan(&store, &rules, &file, &token)
    };
    let plan = match plan {
        Ok(p) => p,
        Err(r) => return refusal(&state, &method, &headers, "download", r),
    };
    let size = plan.size;
    let range = header(&headers, RANGE).and_then(|r| parse_range(r, size));
    let (status, start, end) = match range {
        None => (StatusCode::OK, 0, size),
        Some((first, _)) if first >= size && t.unsatisfiable_refused => {
            let r = Refusal(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "InvalidRange",
                format!("The range starts at byte {first}; the file has {size} bytes"),
            );
            let mut resp = refusal(&state, &method, &headers, "download", r);
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{size}")) {
                resp.headers_mut().insert(CONTENT_RANGE, v);
            }
            return resp;
        }
        Some((first, last)) => {
            let last = last.unwrap_or(u64::MAX).min(size.saturating_sub(1));
            let end = if t.range_end_inclusive {
                last + 1
            } else {
                last
            };
            let first = first.min(size);
            (t.partial_status, first, end.max(first))
        }
    };
    let blobs = state.blobs();
    let mut streams = Vec::new();
    let mut at = 0u64;
    for (key, len) in plan.parts {
        let (from, to) = (start.max(at), end.min(at + len));
        if from < to {
            streams.push(blobs.read(&key, from - at..to - at));
        }
        at += len;
    }
    let body = Body::from_stream(stream::iter(streams).flatten());
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    h.insert(CONTENT_LENGTH, HeaderValue::from(end - start));
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if status == StatusCode::PARTIAL_CONTENT
        && let Ok(v) = HeaderValue::from_str(&format!(
            "bytes {start}-{}/{size}",
            end.saturating_sub(1).max(start)
        ))
    {
        h.insert(CONTENT_RANGE, v);
    }
    let ascii: String = plan
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    finish(&state, &method, &headers, "download", resp)
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-9", 100), Some((0, Some(9))));
        assert_eq!(parse_range("bytes=5-", 100), Some((5, None)));
        assert_eq!(parse_range("bytes=-10", 100), Some((90, None)));
        assert_eq!(parse_range("bytes=-200", 100), Some((0, None)));
        assert_eq!(parse_range("bytes=200-300", 100), Some((200, Some(300))));
        assert_eq!(parse_range("bytes=9-0", 100), None);
        assert_eq!(parse_range("bytes=0-1,5-6", 100), None);
        assert_eq!(parse_range("items=0-1", 100), None);
        assert_eq!(parse_range("bytes=a-b", 100), None);
    }
}
