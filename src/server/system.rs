//! The `/system/*` utility routes (whoami, greet, the platform's test routes headers and
//! comeBackLater) and `/user-xxxx/describe`. The search routes under `/system/` are in
//! [`super::search`].

use serde_json::{Map, Value, json};

use super::call::Call;
use super::error::{ApiError, ApiResult, ErrorType, not_found};
use super::store::{Store, now_ms};

/// `/system/whoami`: the caller's user ID.
pub fn whoami(_: &mut Store, call: &Call) -> ApiResult<Value> {
    Ok(json!({ "id": call.user }))
}

/// `/system/greet`: no messages of the day.
pub fn greet(_: &mut Store, _: &Call) -> ApiResult<Value> {
    Ok(json!({ "messages": [] }))
}

/// `/user-xxxx/describe`: any authenticated user may describe any user.
pub fn describe_user(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let user = store
        .users
        .get(call.subject)
        .ok_or_else(|| not_found(call.subject))?;
    Ok(json!({ "id": user.id, "class": "user", "handle": user.handle }))
}

/// `/system/headers`: the request's headers with lower-case names (http already
/// lower-cases them); repeated headers are joined with ", " as HTTP allows.
pub fn headers(_: &mut Store, call: &Call) -> ApiResult<Value> {
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
    Ok(Value::Object(out))
}

/// `/system/comeBackLater`: 503 ServiceUnavailable until `waitUntil` (ms), with an integer
/// `Retry-After` in seconds (at least 1) unless `setRetryAfter` is false; then
/// `{"currentTime"}`.
pub fn come_back_later(_: &mut Store, call: &Call) -> ApiResult<Value> {
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
