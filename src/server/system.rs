//! The `/system/*` utility routes (whoami, greet, the platform's test routes headers and
//! comeBackLater) and `/user-xxxx/describe`. The search routes under `/system/` are in
//! [`super::search`].

use serde_json::{Map, Value, json};

use super::error::{ApiError, ApiResult, ErrorType, not_found};
use super::routes::Call;
use super::search;
use super::store::{Store, now_ms};

/// Every `/system/` method, search ones included.
pub const METHODS: &[&str] = &[
    "whoami",
    "greet",
    "headers",
    "comeBackLater",
    "findDataObjects",
    "describeDataObjects",
    "resolveDataObjects",
    "findProjects",
    "findApps",
    "findGlobalWorkflows",
];

/// The `/user-xxxx/` methods.
pub const USER_METHODS: &[&str] = &["describe"];

pub fn call(store: &mut Store, call: &Call) -> ApiResult<Value> {
    match call.method {
        "whoami" => Ok(json!({ "id": call.user })),
        "greet" => Ok(json!({ "messages": [] })),
        "headers" => Ok(headers(call)),
        "comeBackLater" => come_back_later(call),
        _ => search::call(store, call),
    }
}

/// `/user-xxxx/describe`: any authenticated user may describe any user.
pub fn call_user(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let user = store
        .users
        .get(call.subject)
        .ok_or_else(|| not_found(call.subject))?;
    Ok(json!({ "id": user.id, "class": "user", "handle": user.handle }))
}

/// The request's headers with lower-case names (http already lower-cases them); repeated
/// headers are joined with ", " as HTTP allows.
fn headers(call: &Call) -> Value {
    let mut out: Map<String, Value> = Map::new();
    for (name, value) in call.headers {
        let v = String::from_utf8_lossy(value.as_bytes()).into_owned();
        match out.get_mut(name.as_str()) {
            Some(Value::String(prev)) => {
                prev.push_str(", ");
                prev.push_str(&v);
            }
            _ => {
                out.insert(name.as_str().to_string(), Value::String(v));
            }
        }
    }
    Value::Object(out)
}

/// 503 ServiceUnavailable until `waitUntil` (ms), with an integer `Retry-After` in
/// seconds (at least 1) unless `setRetryAfter` is false; then `{"currentTime"}`.
fn come_back_later(call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let wait_until = input.opt_int("waitUntil")?;
    let set_retry_after = input.bool_or("setRetryAfter", true)?;
    let now = now_ms();
    match wait_until {
        Some(t) if t > now => {
            let mut e = ApiError::new(
                ErrorType::ServiceUnavailable,
                "The service is unavailable; come back later",
            );
            if set_retry_after {
                let secs = ((t - now) as u64).div_ceil(1000).max(1);
                e.retry_after = Some(secs);
            }
            Err(e)
        }
        _ => Ok(json!({ "currentTime": now })),
    }
}
