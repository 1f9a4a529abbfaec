//! The HTTP side of the runner: one process-wide tokio runtime, one `reqwest` client, and
//! the request/answer types every step goes through.
//!
//! One runtime and one client for the whole process (STYLE.md §3.2): libtest-mimic trials
//! run on plain threads and each calls [`RT`]`.block_on`, so connections are pooled and
//! reused across trials. A client must never outlive or cross runtimes, hence both are
//! statics here and nowhere else.
//!
//! Throttling (503 or 429) is part of the documented protocol, not a failure: it is
//! waited out and counted ([`throttled`]). `Retry-After` says how long, in seconds (what
//! the clients read) or as an HTTP date; without it the wait grows exponentially, as the
//! clients' does (spec §10, "Retry semantics"). The wait is shared: a throttled
//! answer pauses every request to that endpoint (host and port) until the `Retry-After`
//! has passed, not just the one that got it, so a run of many concurrent cases backs off
//! as one client. Every request has a time-out ([`set_timeout`], `--timeout`), so a dead
//! or hanging endpoint fails in bounded time instead of hanging the run.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde_json::Value;
use tokio::runtime::Runtime;

/// The runtime every trial blocks on, and the embedded server runs on: multi-thread
/// unless [`single_threaded`] was called first.
pub static RT: LazyLock<Runtime> = LazyLock::new(|| {
    let mut builder = if SINGLE_THREADED.load(Ordering::Relaxed) {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    builder
        .enable_all()
        .thread_name("dxconform-rt")
        .build()
        .expect("cannot build the tokio runtime")
});

static SINGLE_THREADED: AtomicBool = AtomicBool::new(false);

/// Make [`RT`] a single-threaded runtime, for a process whose only work is sending
/// requests (`run` against an endpoint): the cases and their connections then share one
/// thread, and a request no longer costs a wake-up of another thread each way, which
/// was a third of the runner's CPU. A process that serves (`serve`, the embedded server)
/// keeps the multi-thread runtime. Has no effect once [`RT`] has been built; call it
/// first thing.
pub fn single_threaded() {
    SINGLE_THREADED.store(true, Ordering::Relaxed);
}

/// How long one request may take by default: generous for small metadata calls over a
/// slow network, short enough that a hanging endpoint is found out quickly.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

static TIMEOUT_MS: AtomicU64 = AtomicU64::new(DEFAULT_TIMEOUT.as_millis() as u64);

/// Set how long one request may take (`--timeout`), for the rest of the process.
pub fn set_timeout(timeout: Duration) {
    TIMEOUT_MS.store(timeout.as_millis().max(1) as u64, Ordering::Relaxed);
}

/// How long one request may take.
pub fn timeout() -> Duration {
    Duration::from_millis(TIMEOUT_MS.load(Ordering::Relaxed))
}

/// At most this many throttled answers are waited out for one request; past that the
/// endpoint is not throttling, it is refusing, and the step fails.
const MAX_THROTTLE_WAITS: u32 = 8;

/// The longest `Retry-After` honoured; a longer one is capped so a run stays bounded.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        // Loopback and CI runs must be hermetic: reqwest 0.13 reads the system proxy.
        .no_proxy()
        .build()
        .expect("cannot build the HTTP client")
});

static THROTTLED: AtomicU64 = AtomicU64::new(0);

static REQUESTS: AtomicU64 = AtomicU64::new(0);

/// Until when requests to an endpoint (`host:port`) wait: the shared back-off.
static PAUSED: LazyLock<Mutex<HashMap<String, Instant>>> = LazyLock::new(Mutex::default);

/// The part of a URL the back-off is shared by.
fn authority(url: &reqwest::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// Wait while the endpoint asked every client to back off.
async fn wait_for_backoff(authority: &str) {
    loop {
        let until = PAUSED.lock().ok().and_then(|p| p.get(authority).copied());
        match until {
            Some(t) if t > Instant::now() => tokio::time::sleep_until(t.into()).await,
            _ => return,
        }
    }
}

/// Pause every request to `authority` for `wait`.
fn back_off(authority: &str, wait: Duration) {
    if let Ok(mut p) = PAUSED.lock() {
        let until = Instant::now() + wait;
        let entry = p.entry(authority.to_string()).or_insert(until);
        *entry = (*entry).max(until);
    }
}

/// How many HTTP requests have been sent so far, retries after throttling included.
pub fn requests() -> u64 {
    REQUESTS.load(Ordering::Relaxed)
}

/// How many throttled answers (503 or 429) have been waited out so far.
pub fn throttled() -> u64 {
    THROTTLED.load(Ordering::Relaxed)
}

/// One request, fully resolved (placeholders substituted).
#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    /// Absolute URL.
    pub url: String,
    /// The bearer token to send (`None`: no `Authorization` header).
    pub token: Option<String>,
    pub headers: Vec<(String, String)>,
    /// Shared, not copied: a 5 MiB part goes to the client and the transcript as is.
    pub body: Bytes,
    /// `Content-Type` of the body, if any.
    pub content_type: Option<String>,
    /// Answers with these statuses are what the step expects: never treat them as
    /// throttling.
    pub expected_status: Option<u16>,
}

impl Request {
    /// A JSON `POST` with this bearer token (`None`: no `Authorization` header): the shape
    /// of every API call the runner makes for itself (set-up, probes, clean-up).
    pub fn post_json(url: String, token: Option<&str>, body: &serde_json::Value) -> Request {
        Request {
            method: "POST",
            url,
            token: token.map(str::to_string),
            headers: Vec::new(),
            body: Bytes::from(body.to_string()),
            content_type: Some("application/json".into()),
            expected_status: None,
        }
    }
}

/// What came back.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// Header names in lower case; repeated headers joined with `, `.
    pub headers: BTreeMap<String, String>,
    pub body: Bytes,
    /// The body parsed as JSON, when it is JSON.
    pub json: Option<Value>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The body as text for messages, cut to a readable length.
    pub fn body_text(&self) -> String {
        match &self.json {
            Some(v) => super::report::clip(&v.to_string(), 2000),
            None => super::report::clip(&String::from_utf8_lossy(&self.body), 2000),
        }
    }
}

/// Send a request on the shared runtime. Call from a plain thread, never from inside
/// `RT.block_on`.
pub fn send(request: &Request) -> Result<Answer, String> {
    RT.block_on(send_async(request))
}

/// Send a request, waiting out throttling.
pub async fn send_async(request: &Request) -> Result<Answer, String> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes())
        .map_err(|e| format!("bad method {}: {e}", request.method))?;
    let mut waits = 0;
    // Parsed once: the back-off key and every attempt use it.
    let url = reqwest::Url::parse(&request.url).map_err(|e| format!("{}: {e}", request.url))?;
    let authority = authority(&url);
    let timeout = timeout();
    loop {
        wait_for_backoff(&authority).await;
        let mut builder = CLIENT.request(method.clone(), url.clone()).timeout(timeout);
        if let Some(token) = &request.token {
            builder = builder.header("Authorization", format!("Bearer {token}"));
        }
        if let Some(ct) = &request.content_type {
            builder = builder.header("Content-Type", ct);
        }
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        REQUESTS.fetch_add(1, Ordering::Relaxed);
        let response = builder
            .body(request.body.clone())
            .send()
            .await
            .map_err(|e| describe_error(&e, timeout))?;
        let status = response.status().as_u16();
        let mut headers: BTreeMap<String, String> = BTreeMap::new();
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            headers
                .entry(name.as_str().to_ascii_lowercase())
                .and_modify(|v| {
                    v.push_str(", ");
                    v.push_str(&value);
                })
                .or_insert(value);
        }
        if (status == 503 || status == 429)
            && request.expected_status != Some(status)
            && waits < MAX_THROTTLE_WAITS
        {
            let wait = throttle_wait(headers.get("retry-after").map(String::as_str), waits);
            waits += 1;
            THROTTLED.fetch_add(1, Ordering::Relaxed);
            back_off(&authority, wait);
            continue;
        }
        let body = response
            .bytes()
            .await
            .map_err(|e| format!("reading the answer failed: {}", describe_error(&e, timeout)))?;
        let json = serde_json::from_slice(&body).ok();
        return Ok(Answer {
            status,
            headers,
            body,
            json,
        });
    }
}

/// How many requests may be in flight at once given the open-file limit, of which each
/// takes `per_request` descriptors: the soft
/// limit is first raised to the hard one, and 64 are left for everything else.
pub fn in_flight_budget(per_request: u64) -> usize {
    let limit = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    (limit.saturating_sub(64) / per_request.max(1)).max(1) as usize
}

/// How long to wait after the `waits`+1-th throttled answer to one request: `Retry-After`
/// in seconds or as an HTTP date (capped at [`MAX_RETRY_AFTER`]); without one (or with one
/// that cannot be read), an exponential back-off from 250 ms, at most 4 s a time, so a
/// proxy answering 503 for a dead backend fails the step in about 20 s.
fn throttle_wait(retry_after: Option<&str>, waits: u32) -> Duration {
    let given = retry_after.and_then(|v| {
        let v = v.trim();
        match v.parse::<u64>() {
            Ok(secs) => Some(Duration::from_secs(secs)),
            Err(_) => httpdate::parse_http_date(v).ok().map(|at| {
                at.duration_since(std::time::SystemTime::now())
                    .unwrap_or_default()
            }),
        }
    });
    match given {
        Some(wait) => wait.min(MAX_RETRY_AFTER),
        None => (Duration::from_millis(250) * 2u32.pow(waits.min(4))).min(Duration::from_secs(4)),
    }
}

/// A transport error in one line, with its causes (reqwest's `Display` omits them).
fn describe_error(error: &reqwest::Error, timeout: Duration) -> String {
    let mut text = if error.is_timeout() {
        format!("no answer within {}", humantime::format_duration(timeout))
    } else if error.is_connect() {
        "cannot connect".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn throttle_waits_read_seconds_dates_or_back_off() {
        use super::{MAX_RETRY_AFTER, throttle_wait};
        use std::time::{Duration, SystemTime};
        assert_eq!(throttle_wait(Some(" 3 "), 0), Duration::from_secs(3));
        assert_eq!(throttle_wait(Some("3600"), 0), MAX_RETRY_AFTER);
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(5));
        let wait = throttle_wait(Some(&soon), 0);
        assert!(
            wait > Duration::from_secs(3) && wait <= Duration::from_secs(5),
            "{wait:?}"
        );
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(5));
        assert_eq!(throttle_wait(Some(&past), 0), Duration::ZERO);
        let backoff: Vec<u128> = (0..6).map(|w| throttle_wait(None, w).as_millis()).collect();
        assert_eq!(backoff, [250, 500, 1000, 2000, 4000, 4000]);
        assert_eq!(throttle_wait(Some("soon"), 1), Duration::from_millis(500));
    }
}
