//! The variant catalogue on the reference server: each variant changes what its freedom
//! says, and only that.
//!
//! Every test plays the same transcript of requests (records with links, tags and
//! non-ASCII names, close twice, search and paging, bulk routes, listFolder, one error of
//! each kind, a preflight, a GET, an unknown route) against a plain server and against a
//! server with one variant on. It checks the change the variant claims on the variant's
//! answers, then undoes exactly that change on both transcripts (a `normalize` function)
//! and requires them to be equal, with IDs and timestamps replaced by placeholders. Every
//! answer's `Content-Length` must be its body's length.

#[path = "server/common.rs"]
mod common;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use common::*;
use dxconform::server::Config;
use dxconform::server::store::now_ms;
use dxconform::server::variants::{Strictness, VARIANTS};
use serde_json::{Value, json};

/// One request of the transcript.
struct Step {
    label: &'static str,
    method: &'static str,
    path: &'static str,
    token: Option<&'static str>,
    headers: &'static [(&'static str, &'static str)],
    /// The body, with `$name` placeholders for captured values (a JSON string is
    /// substituted with its quotes).
    body: &'static str,
    /// Capture `$name` from this JSON pointer of the answer.
    capture: Option<(&'static str, &'static str)>,
}

const fn step(label: &'static str, path: &'static str, body: &'static str) -> Step {
    Step {
        label,
        method: "POST",
        path,
        token: Some(ALICE),
        headers: &[("Content-Type", "application/json")],
        body,
        capture: None,
    }
}

impl Step {
    const fn capture(self, name: &'static str, pointer: &'static str) -> Step {
        Step {
            capture: Some((name, pointer)),
            ..self
        }
    }
    const fn token(self, token: Option<&'static str>) -> Step {
        Step { token, ..self }
    }
    const fn method(self, method: &'static str) -> Step {
        Step { method, ..self }
    }
    const fn headers(self, headers: &'static [(&'static str, &'static str)]) -> Step {
        Step { headers, ..self }
    }
}

const ORIGIN: (&str, &str) = ("Origin", "https://app.example");

static STEPS: &[Step] = &[
    step("whoami", "/system/whoami", "{}"),
    step("project", "/project/new", r#"{"name": "variants"}"#).capture("p", "/id"),
    step("record one", "/record/new", r#"{"project": $p, "name": "one", "close": true}"#)
        .capture("r1", "/id"),
    step("record two", "/record/new", r#"{"project": $p, "name": "two", "close": true}"#)
        .capture("r2", "/id"),
    step(
        "record three",
        "/record/new",
        r#"{"project": $p, "name": "é😀 three", "tags": ["b", "a"], "types": ["t2", "t1"],
            "properties": {"k": "v"},
            "details": {"a": {"$dnanexus_link": $r1}, "b": [{"$dnanexus_link": $r2}, {"$dnanexus_link": $r1}]}}"#,
    )
    .capture("r3", "/id"),
    step("describe", "/$r3/describe", "{}"),
    step("close", "/$r3/close", "{}"),
    step("close again", "/$r3/close", "{}"),
    step("addTypes closed", "/$r3/addTypes", r#"{"types": ["x"]}"#),
    step("getDetails", "/$r3/getDetails", "{}"),
    step("listProjects", "/$r3/listProjects", "{}"),
    step(
        "find described",
        "/system/findDataObjects",
        r#"{"scope": {"project": $p}, "describe": true}"#,
    ),
    step(
        "find first page",
        "/system/findDataObjects",
        r#"{"scope": {"project": $p}, "limit": 1}"#,
    )
    .capture("next", "/next"),
    step(
        "find next page",
        "/system/findDataObjects",
        r#"{"scope": {"project": $p}, "limit": 1, "starting": $next}"#,
    ),
    // The fixtures are named (and so numbered) before the search, whatever order it lists
    // them in.
    step("fixture at limit", "/$limit/describe", r#"{"fields": {"id": true}}"#),
    step("fixture expired", "/$expired/describe", r#"{"fields": {"id": true}}"#),
    // Named so that one page holds them all: the ID numbering stays the same with short pages.
    step(
        "find projects",
        "/system/findProjects",
        r#"{"describe": true, "name": {"glob": "dxconform billing fixture*"}}"#,
    ),
    step(
        "describeDataObjects",
        "/system/describeDataObjects",
        r#"{"objects": [$r3, "record-000000000000000000000000"]}"#,
    ),
    step(
        "resolveDataObjects",
        "/system/resolveDataObjects",
        r#"{"project": $p, "objects": [{"name": "one"}, {"name": "none"}]}"#,
    ),
    step("listFolder", "/$p/listFolder", r#"{"describe": true}"#),
    step("project describe", "/$p/describe", "{}"),
    step("headers", "/system/headers", "{}"),
    step("org expired", "/record/new", r#"{"project": $expired}"#),
    step("nonce too long", "/record/new", r#"{"project": $p, "nonce": $long}"#),
    step("wrong class", "/record/new", r#"{"project": $r1}"#),
    step("peer denied", "/$r1/describe", "{}").token(Some(BOB)),
    step("no token", "/system/whoami", "{}").token(None),
    step("bad token", "/system/whoami", "{}").token(Some("no-such-token")),
    step("GET", "/system/whoami", "").method("GET"),
    step("preflight", "/record/new", "").method("OPTIONS").headers(&[
        ORIGIN,
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type"),
    ]),
    step("with origin", "/system/whoami", "{}")
        .headers(&[ORIGIN, ("Content-Type", "application/json")]),
    step("unknown id", "/record-000000000000000000000000/describe", "{}"),
    step("unknown route", "/nope/describe", "{}"),
    step("malformed", "/record/new", "{"),
    step("greet", "/system/greet", "{}").token(None),
];

/// One answer of the transcript.
#[derive(Debug, Clone, PartialEq)]
struct Exchange {
    label: &'static str,
    status: u16,
    /// Every header but the ones that always differ (`date`, `x-request-id`) and
    /// `content-length` (checked against the body instead).
    headers: BTreeMap<String, String>,
    body: Value,
}

/// What a transcript run saw besides the exchanges.
struct Transcript {
    exchanges: Vec<Exchange>,
    raw: Vec<Vec<u8>>,
    request_ids: Vec<String>,
    elapsed: Vec<Duration>,
    /// Throttled answers (503/429), retried at once as clients do.
    throttled: Vec<Ans>,
}

async fn transcript(s: &Srv) -> Transcript {
    let mut vars: HashMap<&str, Value> = HashMap::new();
    let expired = s.running.fixtures.expired_org_project.clone();
    vars.insert("expired", json!(expired));
    let limit = s.running.fixtures.spending_limit_project.clone();
    vars.insert("limit", json!(limit));
    vars.insert("long", json!("n".repeat(129)));
    let mut t = Transcript {
        exchanges: Vec::new(),
        raw: Vec::new(),
        request_ids: Vec::new(),
        elapsed: Vec::new(),
        throttled: Vec::new(),
    };
    for step in STEPS {
        let fill = |text: &str| {
            let mut text = text.to_string();
            for (name, value) in &vars {
                let as_text = value.as_str().map_or(value.to_string(), str::to_string);
                text = text.replace(&format!("/${name}/"), &format!("/{as_text}/"));
                text = text.replace(&format!("${name}"), &value.to_string());
            }
            text
        };
        let (path, body) = (fill(step.path), fill(step.body));
        let body = (!body.is_empty()).then(|| body.into_bytes());
        let (answer, elapsed) = loop {
            let started = Instant::now();
            let a = s
                .raw(step.method, &path, step.token, step.headers, body.clone())
                .await;
            let elapsed = started.elapsed();
            // No transcript step expects a 503 or a 429: each is throttling, retried at once.
            if [429, 503].contains(&a.status) {
                t.throttled.push(a);
                continue;
            }
            break (a, elapsed);
        };
        if let Some(length) = answer.headers.get("content-length") {
            assert_eq!(
                length.to_str().unwrap().parse::<usize>().unwrap(),
                answer.raw.len(),
                "{}: Content-Length",
                step.label
            );
        }
        if let Some((name, pointer)) = step.capture {
            let value = answer.body.pointer(pointer).cloned().unwrap_or_default();
            vars.insert(name, value);
        }
        let headers = answer
            .headers
            .iter()
            .filter(|(k, _)| !["date", "x-request-id", "content-length"].contains(&k.as_str()))
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("?").to_string()))
            .collect();
        t.request_ids.push(
            answer.headers["x-request-id"]
                .to_str()
                .unwrap_or_default()
                .to_string(),
        );
        t.exchanges.push(Exchange {
            label: step.label,
            status: answer.status,
            headers,
            body: answer.body,
        });
        t.raw.push(answer.raw);
        t.elapsed.push(elapsed);
    }
    canonical(&mut t.exchanges);
    t
}

/// Replace IDs by `[class-N]` in order of first appearance, timestamps by `[ts]`, and
/// drop the request's `host` header echoed by `/system/headers` (the port differs).
fn canonical(exchanges: &mut [Exchange]) {
    let id = regex::Regex::new(r"\b[a-z]+-[0-9A-Za-z]{24}\b").unwrap();
    let mut names: HashMap<String, String> = HashMap::new();
    fn walk(v: &mut Value, f: &mut dyn FnMut(&str) -> String) {
        match v {
            Value::String(s) => *s = f(s),
            Value::Number(n) if n.as_i64().is_some_and(|n| n > 1_000_000_000_000) => {
                *v = json!("[ts]")
            }
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, f)),
            Value::Object(m) => {
                let old = std::mem::take(m);
                for (k, mut x) in old {
                    walk(&mut x, f);
                    m.insert(f(&k), x);
                }
            }
            _ => {}
        }
    }
    for e in exchanges {
        let mut rename = |s: &str| {
            id.replace_all(s, |c: &regex::Captures| {
                let n = names.len() + 1;
                let class = c[0].split('-').next().unwrap_or_default().to_string();
                names
                    .entry(c[0].to_string())
                    .or_insert_with(|| format!("[{class}-{n}]"))
                    .clone()
            })
            .into_owned()
        };
        walk(&mut e.body, &mut rename);
        if e.label == "headers"
            && let Some(m) = e.body.as_object_mut()
        {
            m.remove("host");
        }
    }
}

/// Apply `f` to every mapping in `v`, nested ones included.
fn each_mapping(v: &mut Value, f: &mut dyn FnMut(&mut serde_json::Map<String, Value>)) {
    match v {
        Value::Object(m) => {
            f(m);
            m.values_mut().for_each(|x| each_mapping(x, f));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| each_mapping(x, f)),
        _ => {}
    }
}

fn error_type(e: &Exchange) -> &str {
    e.body["error"]["type"].as_str().unwrap_or_default()
}

fn find<'t>(t: &'t Transcript, label: &str) -> &'t Exchange {
    t.exchanges.iter().find(|e| e.label == label).unwrap()
}

fn raw<'t>(t: &'t Transcript, label: &str) -> &'t [u8] {
    let i = STEPS.iter().position(|s| s.label == label).unwrap();
    &t.raw[i]
}

/// Run the transcript on a plain server and with `variant`; `changed` asserts the change
/// on (plain, variant); `normalize` undoes it on both, after which they must be equal.
async fn check(
    variant: &str,
    changed: impl Fn(&Transcript, &Transcript),
    normalize: impl Fn(&mut Exchange),
) {
    let plain = transcript(&server().await).await;
    let with = transcript(
        &server_with(Config {
            variants: vec![variant.to_string()],
            ..Config::default()
        })
        .await,
    )
    .await;
    assert!(plain.throttled.is_empty());
    changed(&plain, &with);
    for (mut a, mut b) in plain.exchanges.into_iter().zip(with.exchanges) {
        normalize(&mut a);
        normalize(&mut b);
        assert_eq!(a, b, "{variant}: {} differs beyond the variant", a.label);
    }
}

fn unchanged(_: &mut Exchange) {}

#[tokio::test]
async fn error_details() {
    check(
        "error-details",
        |_, v| {
            for e in v.exchanges.iter().filter(|e| e.status >= 400) {
                assert!(e.body["error"]["details"].is_object(), "{}", e.label);
            }
        },
        |e| {
            if let Some(Value::Object(m)) = e.body.get_mut("error") {
                m.remove("details");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn messages_reworded() {
    check(
        "messages-reworded",
        |p, v| {
            for (a, b) in p.exchanges.iter().zip(&v.exchanges) {
                if a.status >= 400 {
                    let m = b.body["error"]["message"].as_str().unwrap();
                    assert!(
                        !m.is_empty() && m != a.body["error"]["message"],
                        "{}",
                        a.label
                    );
                }
            }
        },
        |e| {
            if let Some(Value::Object(m)) = e.body.get_mut("error") {
                m.insert("message".into(), json!("[message]"));
            }
        },
    )
    .await;
}

#[tokio::test]
async fn close_detail_reworded() {
    check(
        "close-detail-reworded",
        |p, v| {
            let (a, b) = (find(p, "close again"), find(v, "close again"));
            let detail = b.body["detail"].as_str().unwrap();
            assert!(!detail.is_empty() && a.body["detail"] != detail);
            assert!(find(v, "close").body.get("detail").is_none());
        },
        |e| {
            if let Some(d) = e.body.get_mut("detail") {
                *d = json!("[detail]");
            }
        },
    )
    .await;
}

const EXTRA: &str = "xExtra";

#[tokio::test]
async fn extra_field_top_level() {
    check(
        "extra-field-top-level",
        |_, v| {
            for label in [
                "whoami",
                "describe",
                "find described",
                "listFolder",
                "close",
            ] {
                assert!(find(v, label).body.get(EXTRA).is_some(), "{label}");
            }
            for label in ["getDetails", "listProjects", "headers", "no token"] {
                assert!(find(v, label).body.get(EXTRA).is_none(), "{label}");
            }
        },
        |e| {
            if let Some(m) = e.body.as_object_mut() {
                m.remove(EXTRA);
            }
        },
    )
    .await;
}

#[tokio::test]
async fn extra_field_nested() {
    check(
        "extra-field-nested",
        |_, v| {
            assert!(find(v, "describe").body["createdBy"].get(EXTRA).is_some());
            assert!(find(v, "describe").body.get(EXTRA).is_none());
            let listed = &find(v, "find described").body["results"][0]["describe"];
            assert!(listed.get(EXTRA).is_some() && listed["createdBy"].get(EXTRA).is_some());
            assert!(
                find(v, "listFolder").body["objects"][0]["describe"]
                    .get(EXTRA)
                    .is_some()
            );
            assert!(find(v, "peer denied").body["error"].get(EXTRA).is_some());
            assert!(find(v, "getDetails").body.to_string().find(EXTRA).is_none());
        },
        |e| each_mapping(&mut e.body, &mut |m| drop(m.remove(EXTRA))),
    )
    .await;
}

#[tokio::test]
async fn extra_field_in_results() {
    check(
        "extra-field-in-results",
        |_, v| {
            let found = &find(v, "find first page").body["results"][0];
            assert!(found.get(EXTRA).is_some());
            let resolved = &find(v, "resolveDataObjects").body["results"][0][0];
            assert!(resolved.get(EXTRA).is_some());
            assert!(
                find(v, "listFolder").body["objects"][0]
                    .get(EXTRA)
                    .is_some()
            );
            assert!(
                find(v, "find projects").body["results"][0]
                    .get(EXTRA)
                    .is_some()
            );
            let described = &find(v, "describeDataObjects").body["results"][0];
            assert!(described.get(EXTRA).is_none());
        },
        |e| each_mapping(&mut e.body, &mut |m| drop(m.remove(EXTRA))),
    )
    .await;
}

/// A variant that changes the status of some error types: `from` becomes `to` for them.
async fn status_variant(variant: &str, kinds: &[&str], from: u16, to: u16) {
    let of_kinds = |t: &Transcript| {
        t.exchanges
            .iter()
            .filter(|e| kinds.contains(&error_type(e)))
            .map(|e| e.status)
            .collect::<Vec<u16>>()
    };
    check(
        variant,
        |p, v| {
            assert!(!of_kinds(p).is_empty());
            assert!(of_kinds(p).iter().all(|s| *s == from));
            assert!(of_kinds(v).iter().all(|s| *s == to));
        },
        |e| {
            if kinds.contains(&error_type(e)) {
                e.status = from;
            }
        },
    )
    .await;
}

#[tokio::test]
async fn permission_denied_403() {
    status_variant("permission-denied-403", &["PermissionDenied"], 401, 403).await;
}

#[tokio::test]
async fn invalid_as_400() {
    let kinds = ["InvalidInput", "InvalidState", "InvalidType"];
    status_variant("invalid-as-400", &kinds, 422, 400).await;
}

#[tokio::test]
async fn org_expired_402() {
    status_variant("org-expired-402", &["OrgExpired"], 403, 402).await;
}

#[tokio::test]
async fn missing_token_invalid_authentication() {
    check(
        "missing-token-invalid-authentication",
        |p, v| {
            assert_eq!(error_type(find(p, "no token")), "PermissionDenied");
            let e = find(v, "no token");
            assert_eq!((e.status, error_type(e)), (401, "InvalidAuthentication"));
            assert_eq!(error_type(find(v, "peer denied")), "PermissionDenied");
        },
        |e| {
            if e.label == "no token" {
                e.body = json!("[missing token error]");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn preflight_204() {
    check(
        "preflight-204",
        |p, v| {
            assert_eq!(find(p, "preflight").status, 200);
            assert_eq!(find(v, "preflight").status, 204);
            assert!(raw(v, "preflight").is_empty());
        },
        |e| {
            if e.label == "preflight" {
                e.status = 0;
                e.body = Value::Null;
            }
        },
    )
    .await;
}

#[tokio::test]
async fn cors_extra_headers() {
    const ADDED: [&str; 3] = [
        "access-control-max-age",
        "vary",
        "access-control-expose-headers",
    ];
    check(
        "cors-extra-headers",
        |_, v| {
            let pre = &find(v, "preflight").headers;
            assert_eq!(pre["access-control-max-age"], "600");
            let with = &find(v, "with origin").headers;
            assert_eq!(with["vary"], "Origin");
            assert_eq!(with["access-control-expose-headers"], "X-Request-ID");
            assert!(!with.contains_key("access-control-max-age"));
            assert!(
                ADDED
                    .iter()
                    .all(|h| !find(v, "whoami").headers.contains_key(*h))
            );
        },
        |e| ADDED.iter().for_each(|h| drop(e.headers.remove(*h))),
    )
    .await;
}

/// Page through findDataObjects in `project` with `limit`, following `next`.
async fn all_pages(s: &Srv, project: &str, limit: Option<u64>) -> (Vec<Value>, usize) {
    let (mut results, mut pages, mut starting) = (Vec::new(), 0, Value::Null);
    loop {
        let mut body = json!({"scope": {"project": project}, "starting": starting});
        if let Some(l) = limit {
            body["limit"] = json!(l);
        }
        let a = s.post(ALICE, "/system/findDataObjects", body).await;
        let page = a.ok()["results"].as_array().unwrap().clone();
        pages += 1;
        assert!(pages < 50, "paging does not end");
        results.extend(page);
        starting = a.body["next"].clone();
        if starting.is_null() {
            return (results, pages);
        }
    }
}

async fn five_records(s: &Srv) -> String {
    let p = s.project(ALICE).await;
    for i in 0..5 {
        s.record(&p, json!({ "name": format!("r{i}") })).await;
    }
    p
}

#[tokio::test]
async fn short_pages() {
    let paging = ["find described", "find first page", "find next page"];
    let projects = ["find projects"];
    check(
        "short-pages",
        |p, v| {
            let n = |t: &Transcript| {
                find(t, "find described").body["results"]
                    .as_array()
                    .map(Vec::len)
            };
            assert_eq!((n(p), n(v)), (Some(3), Some(2)));
            assert!(find(v, "find described").body["next"].is_object());
        },
        |e| {
            if paging.contains(&e.label) || projects.contains(&e.label) {
                e.body = json!("[a page]");
            }
        },
    )
    .await;
    let (plain, short) = (
        server().await,
        server_with(Config {
            variants: vec!["short-pages".into()],
            ..Config::default()
        })
        .await,
    );
    let (p, q) = (five_records(&plain).await, five_records(&short).await);
    let (all, pages) = all_pages(&plain, &p, None).await;
    assert_eq!((all.len(), pages), (5, 1));
    for limit in [None, Some(1), Some(3)] {
        let (found, pages) = all_pages(&short, &q, limit).await;
        assert_eq!(found.len(), 5, "{limit:?}");
        assert_eq!(pages, if limit == Some(1) { 5 } else { 3 }, "{limit:?}");
    }
}

#[tokio::test]
async fn next_opaque_token() {
    check(
        "next-opaque-token",
        |p, v| {
            assert!(find(p, "find first page").body["next"].is_object());
            assert!(find(v, "find first page").body["next"].is_string());
            assert!(find(v, "find next page").body["results"][0].is_object());
        },
        |e| {
            if let Some(next) = e.body.get_mut("next")
                && !next.is_null()
            {
                *next = json!("[next]");
            }
        },
    )
    .await;
    let s = server_with(Config {
        variants: vec!["next-opaque-token".into()],
        ..Config::default()
    })
    .await;
    let p = five_records(&s).await;
    let (found, pages) = all_pages(&s, &p, Some(2)).await;
    assert_eq!((found.len(), pages), (5, 3));
    let bogus = json!({"scope": {"project": p}, "starting": "page.zz"});
    s.post(ALICE, "/system/findDataObjects", bogus)
        .await
        .expect(422, "InvalidInput");
}

async fn throttle(variant: &str, status: u16, kind: &str) {
    check(
        variant,
        |_, v| {
            assert!(!v.throttled.is_empty());
            for a in &v.throttled {
                assert_eq!((a.status, a.err()), (status, kind));
                assert_eq!(a.headers["retry-after"], "1");
            }
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn throttle_503() {
    throttle("throttle-503", 503, "ServiceUnavailable").await;
}

#[tokio::test]
async fn throttle_429() {
    throttle("throttle-429", 429, "RateLimitConditional").await;
}

#[tokio::test]
async fn request_id_other_format() {
    check(
        "request-id-other-format",
        |p, v| {
            let documented = regex::Regex::new(r"^\d{13}-\d{1,6}$").unwrap();
            let other = regex::Regex::new("^req-[0-9a-f]{32}$").unwrap();
            assert!(p.request_ids.iter().all(|id| documented.is_match(id)));
            assert!(v.request_ids.iter().all(|id| other.is_match(id)));
            let distinct: std::collections::BTreeSet<_> = v.request_ids.iter().collect();
            assert_eq!(distinct.len(), v.request_ids.len());
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn sponsored_true() {
    check(
        "sponsored-true",
        |p, v| {
            assert_eq!(find(p, "describe").body["sponsored"], false);
            assert_eq!(find(v, "describe").body["sponsored"], true);
            let listed = &find(v, "find described").body["results"][0]["describe"];
            assert_eq!(listed["sponsored"], true);
        },
        |e| {
            each_mapping(&mut e.body, &mut |m| {
                if let Some(s) = m.get_mut("sponsored") {
                    *s = json!(false);
                }
            })
        },
    )
    .await;
}

#[tokio::test]
async fn content_type_charset() {
    check(
        "content-type-charset",
        |_, v| {
            for e in v.exchanges.iter().filter(|e| e.status != 204) {
                assert_eq!(e.headers["content-type"], "application/json; charset=utf-8");
            }
        },
        |e| {
            e.headers
                .insert("content-type".into(), "application/json".into());
        },
    )
    .await;
}

#[tokio::test]
async fn pretty_json() {
    check(
        "pretty-json",
        |p, v| {
            assert!(!raw(p, "describe").contains(&b'\n'));
            assert!(raw(v, "describe").windows(3).any(|w| w == b"\n  "));
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn keys_reverse_order() {
    check(
        "keys-reverse-order",
        |p, v| {
            let first_key = |raw: &[u8]| String::from_utf8_lossy(raw)[..8].to_string();
            assert_eq!(first_key(raw(p, "describe")), r#"{"class""#);
            assert_eq!(first_key(raw(v, "describe")), r#"{"types""#);
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn unicode_escaped() {
    check(
        "unicode-escaped",
        |p, v| {
            assert!(!raw(p, "describe").is_ascii());
            assert!(v.raw.iter().all(|r| r.is_ascii()));
            let text = String::from_utf8_lossy(raw(v, "describe")).into_owned();
            assert!(text.contains(r"\u00e9\ud83d\ude00 three"), "{text}");
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn slow_answers() {
    check(
        "slow-answers",
        |_, v| {
            assert!(v.elapsed.iter().all(|d| *d >= Duration::from_millis(5)));
        },
        unchanged,
    )
    .await;
}

#[tokio::test]
async fn extra_headers() {
    const ADDED: [&str; 4] = [
        "server",
        "cache-control",
        "strict-transport-security",
        "x-powered-by",
    ];
    check(
        "extra-headers",
        |p, v| {
            for h in ADDED {
                assert!(v.exchanges.iter().all(|e| e.headers.contains_key(h)), "{h}");
                assert!(
                    p.exchanges.iter().all(|e| !e.headers.contains_key(h)),
                    "{h}"
                );
            }
        },
        |e| ADDED.iter().for_each(|h| drop(e.headers.remove(*h))),
    )
    .await;
}

#[tokio::test]
async fn method_not_allowed_allow_header() {
    check(
        "method-not-allowed-allow-header",
        |_, v| {
            for e in &v.exchanges {
                assert_eq!(
                    e.headers.get("allow").map(String::as_str),
                    (e.status == 405).then_some("POST"),
                    "{}",
                    e.label
                );
            }
        },
        |e| drop(e.headers.remove("allow")),
    )
    .await;
}

#[tokio::test]
async fn connection_close() {
    check(
        "connection-close",
        |_, v| {
            for e in &v.exchanges {
                assert_eq!(e.headers["connection"], "close", "{}", e.label);
            }
        },
        |e| drop(e.headers.remove("connection")),
    )
    .await;
}

#[tokio::test]
async fn links_reverse_order() {
    check(
        "links-reverse-order",
        |p, v| {
            let links = |t: &Transcript| find(t, "describe").body["links"].clone();
            let mut reversed = links(p).as_array().unwrap().clone();
            assert_eq!(reversed.len(), 2);
            reversed.reverse();
            assert_eq!(links(v), json!(reversed));
        },
        |e| {
            each_mapping(&mut e.body, &mut |m| {
                if let Some(Value::Array(links)) = m.get_mut("links") {
                    links.sort_by_key(Value::to_string);
                }
            })
        },
    )
    .await;
}

#[tokio::test]
async fn tags_sorted() {
    check(
        "tags-sorted",
        |p, v| {
            let d = |t: &Transcript| find(t, "describe").body.clone();
            assert_eq!(
                (d(p)["tags"].clone(), d(p)["types"].clone()),
                (json!(["b", "a"]), json!(["t2", "t1"]))
            );
            assert_eq!(
                (d(v)["tags"].clone(), d(v)["types"].clone()),
                (json!(["a", "b"]), json!(["t1", "t2"]))
            );
        },
        |e| {
            each_mapping(&mut e.body, &mut |m| {
                for key in ["tags", "types"] {
                    if let Some(Value::Array(items)) = m.get_mut(key) {
                        items.sort_by_key(Value::to_string);
                    }
                }
            })
        },
    )
    .await;
}

#[tokio::test]
async fn created_201() {
    check(
        "created-201",
        |p, v| {
            for label in ["project", "record one", "record three"] {
                assert_eq!((find(p, label).status, find(v, label).status), (200, 201));
            }
            assert_eq!(find(v, "describe").status, 200);
            assert_eq!(find(v, "org expired").status, find(p, "org expired").status);
        },
        |e| {
            if e.status == 201 {
                e.status = 200;
            }
        },
    )
    .await;
}

#[tokio::test]
async fn list_folder_reverse_order() {
    check(
        "list-folder-reverse-order",
        |p, v| {
            let ids = |t: &Transcript| find(t, "listFolder").body["objects"].clone();
            let mut reversed = ids(p).as_array().unwrap().clone();
            assert!(reversed.len() >= 3);
            reversed.reverse();
            assert_eq!(ids(v), Value::Array(reversed));
        },
        |e| {
            if e.label == "listFolder"
                && let Some(Value::Array(objects)) = e.body.get_mut("objects")
            {
                objects.sort_by_key(|o| o["id"].to_string());
            }
        },
    )
    .await;
}

#[tokio::test]
async fn find_projects_reverse_order() {
    check(
        "find-projects-reverse-order",
        |p, v| {
            let results = |t: &Transcript| find(t, "find projects").body["results"].clone();
            let mut reversed = results(p).as_array().unwrap().clone();
            assert!(reversed.len() >= 2);
            reversed.reverse();
            assert_eq!(results(v), Value::Array(reversed));
        },
        |e| {
            if e.label == "find projects"
                && let Some(Value::Array(results)) = e.body.get_mut("results")
            {
                results.sort_by_key(|r| r["describe"]["name"].to_string());
            }
        },
    )
    .await;
}

#[tokio::test]
async fn extra_field_everywhere() {
    check(
        "extra-field-everywhere",
        |_, v| {
            let d = &find(v, "describe").body;
            assert!(d.get(EXTRA).is_some() && d["createdBy"].get(EXTRA).is_some());
            assert!(d["properties"].get(EXTRA).is_none());
            let listed = &find(v, "listFolder").body["objects"][0];
            assert!(
                listed.get(EXTRA).is_some() && listed["describe"]["createdBy"].get(EXTRA).is_some()
            );
            assert!(
                find(v, "resolveDataObjects").body["results"][0][0]
                    .get(EXTRA)
                    .is_some()
            );
            assert!(find(v, "find first page").body["next"].get(EXTRA).is_none());
            assert!(find(v, "getDetails").body.to_string().find(EXTRA).is_none());
            assert!(find(v, "listProjects").body.get(EXTRA).is_none());
        },
        |e| each_mapping(&mut e.body, &mut |m| drop(m.remove(EXTRA))),
    )
    .await;
}

#[tokio::test]
async fn throttle_503_without_retry_after() {
    let plain = transcript(&server().await).await;
    let with = transcript(
        &server_with(Config {
            variants: vec!["throttle-503-without-retry-after".to_string()],
            ..Config::default()
        })
        .await,
    )
    .await;
    assert!(!with.throttled.is_empty());
    for a in &with.throttled {
        assert_eq!(a.status, 503);
        assert!(!a.headers.contains_key("retry-after"));
        assert_eq!(a.body["error"]["type"], "ServiceUnavailable");
    }
    assert_eq!(plain.exchanges, with.exchanges);
}

// ---- files variants: a file round instead of the record transcript ----

/// What one round of file work saw: a file made, one part uploaded and PUT, closed,
/// waited for, described, two download URLs and a preauthenticated one, and a GET.
struct FileRound {
    file: String,
    upload: Value,
    put: Ans,
    closed: Value,
    /// Describe answers while waiting for `closed` (the first is right after close).
    states: Vec<String>,
    downloads: [Value; 3],
    get: Ans,
}

const CONTENT: &[u8] = b"hello, files";

async fn absolute(s: &Srv, method: &str, url: &str, headers: &Value, body: Vec<u8>) -> Ans {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = s.client.request(method, url);
    for (k, v) in headers.as_object().into_iter().flatten() {
        req = req.header(k.as_str(), v.as_str().unwrap());
    }
    answer(req.body(body).send().await.expect("transfer request sent")).await
}

async fn file_round(s: &Srv) -> FileRound {
    let p = s.project(ALICE).await;
    let file = s
        .post(ALICE, "/file/new", json!({"project": p, "name": "a b.txt"}))
        .await
        .id();
    let md5 = dxconform::blob::md5_hex(CONTENT);
    let upload = s
        .post(
            ALICE,
            &format!("/{file}/upload"),
            json!({"index": 1, "size": CONTENT.len(), "md5": md5}),
        )
        .await
        .ok()
        .clone();
    let url = upload["url"].as_str().unwrap();
    let put = absolute(s, "PUT", url, &upload["headers"], CONTENT.to_vec()).await;
    s.post(ALICE, &format!("/{file}/close"), json!({}))
        .await
        .ok();
    let mut states = Vec::new();
    let closed = loop {
        let d = s
            .describe(ALICE, &file, json!({"fields": {"state": true}}))
            .await;
        let state = d.ok()["state"].as_str().unwrap().to_string();
        states.push(state.clone());
        if state == "closed" {
            break s.describe(ALICE, &file, json!({})).await.ok().clone();
        }
        assert!(states.len() < 200, "never closed: {states:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let mut downloads = Vec::new();
    for body in [json!({}), json!({}), json!({"preauthenticated": true})] {
        let d = s.post(ALICE, &format!("/{file}/download"), body).await;
        downloads.push(d.ok().clone());
    }
    let get = absolute(
        s,
        "GET",
        downloads[2]["url"].as_str().unwrap(),
        &json!({}),
        Vec::new(),
    )
    .await;
    FileRound {
        file,
        upload,
        put,
        closed,
        states,
        downloads: downloads.try_into().unwrap(),
        get,
    }
}

/// The file round on a plain server and with `variant`; `changed` checks the change.
async fn check_files(variant: &str, changed: impl Fn(&FileRound, &FileRound)) {
    let plain = file_round(&server().await).await;
    let with = file_round(
        &server_with(Config {
            variants: vec![variant.to_string()],
            ..Config::default()
        })
        .await,
    )
    .await;
    for r in [&plain, &with] {
        assert!(
            (200..300).contains(&r.put.status),
            "{variant}: PUT {}",
            r.put.status
        );
        assert_eq!(r.get.status, 200, "{variant}: GET");
        assert_eq!(r.get.raw, CONTENT, "{variant}: the bytes come back");
        assert_eq!(r.closed["size"], CONTENT.len(), "{variant}");
        assert_eq!(r.closed["state"], "closed", "{variant}");
    }
    assert_eq!(plain.states, ["closed"], "a plain server closes at once");
    changed(&plain, &with);
}

fn path_of(url: &Value) -> String {
    let url = url.as_str().unwrap();
    let rest = url.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_string()
}

fn host_of(url: &Value) -> String {
    let url = url.as_str().unwrap();
    let rest = url.split_once("://").unwrap().1;
    rest[..rest.find('/').unwrap()].to_string()
}

#[tokio::test]
async fn transfer_urls_elsewhere() {
    check_files("transfer-urls-elsewhere", |p, v| {
        assert!(path_of(&p.upload["url"]).starts_with("/F/U/"));
        assert!(path_of(&v.upload["url"]).starts_with("/storage/v1/put/"));
        assert!(path_of(&v.downloads[2]["url"]).starts_with("/storage/v1/get/"));
        assert!(host_of(&p.upload["url"]).starts_with("127.0.0.1:"));
        assert!(host_of(&v.upload["url"]).starts_with("localhost:"));
        assert!(path_of(&v.downloads[0]["url"]).ends_with("/a%20b.txt"));
    })
    .await;
}

#[tokio::test]
async fn closing_takes_a_while() {
    check_files("closing-takes-a-while", |_, v| {
        assert_eq!(v.states.first().map(String::as_str), Some("closing"));
        assert_eq!(v.states.last().map(String::as_str), Some("closed"));
    })
    .await;
}

#[tokio::test]
async fn download_url_fresh_per_call() {
    check_files("download-url-fresh-per-call", |p, v| {
        assert_eq!(p.downloads[0]["url"], p.downloads[1]["url"]);
        assert_ne!(v.downloads[0]["url"], v.downloads[1]["url"]);
        assert!(v.downloads[0].get("expires").is_none());
    })
    .await;
}

#[tokio::test]
async fn upload_headers_storage_style() {
    check_files("upload-headers-storage-style", |p, v| {
        let (a, b) = (&p.upload["headers"], &v.upload["headers"]);
        assert!(a.get("x-amz-server-side-encryption").is_none());
        assert_eq!(b["x-amz-server-side-encryption"], "AES256");
        assert_eq!(a["content-md5"], b["content-md5"]);
        assert_eq!(a["content-length"], b["content-length"]);
    })
    .await;
}

#[tokio::test]
async fn put_answers_204_with_etag() {
    check_files("put-answers-204-with-etag", |p, v| {
        assert_eq!(p.put.status, 200);
        assert_eq!(v.put.status, 204);
        assert!(p.put.headers.get("etag").is_none());
        assert!(v.put.headers.get("etag").is_some());
    })
    .await;
}

async fn sleep_until_ms(t: i64) {
    let wait = t - now_ms();
    if wait > 0 {
        tokio::time::sleep(Duration::from_millis(wait as u64)).await;
    }
}

/// A `duration: 1` URL asked for just after its `expires` (still within that second), then
/// just after that second: `Some(status)` of both, or `None` if the first could not be
/// sent within the second.
async fn around_expiry(s: &Srv, file: &str) -> Option<(u16, u16)> {
    let d = s
        .post(
            ALICE,
            &format!("/{file}/download"),
            json!({"preauthenticated": true, "duration": 1}),
        )
        .await
        .ok()
        .clone();
    let expires = d["expires"].as_i64().unwrap();
    let url = d["url"].as_str().unwrap();
    sleep_until_ms(expires + 30).await;
    if now_ms() / 1000 != expires / 1000 || expires % 1000 > 800 {
        return None;
    }
    let within = absolute(s, "GET", url, &json!({}), Vec::new()).await.status;
    sleep_until_ms((expires / 1000 + 1) * 1000 + 30).await;
    let after = absolute(s, "GET", url, &json!({}), Vec::new()).await.status;
    Some((within, after))
}

#[tokio::test]
async fn url_expiry_whole_seconds() {
    let plain = server().await;
    let with = server_with(Config {
        variants: vec!["url-expiry-whole-seconds".to_string()],
        ..Config::default()
    })
    .await;
    for (s, within_works) in [(&plain, false), (&with, true)] {
        let file = file_round(s).await.file;
        let mut seen = None;
        for _ in 0..8 {
            seen = around_expiry(s, &file).await;
            if seen.is_some() {
                break;
            }
            // Too near the end of a second to ask within it: try from another moment.
            tokio::time::sleep(Duration::from_millis(270)).await;
        }
        let (within, after) = seen.expect("a URL asked for within the second it expired in");
        assert_eq!(
            within == 200,
            within_works,
            "just after `expires`: {within}"
        );
        assert_eq!(after, 403, "after the second it expired in");
    }
}

#[tokio::test]
async fn parts_in_default_describe() {
    check_files("parts-in-default-describe", |p, v| {
        assert!(p.closed.get("parts").is_none());
        assert_eq!(v.closed["parts"]["1"]["state"], "complete");
        assert_eq!(v.closed["parts"]["1"]["size"], CONTENT.len());
    })
    .await;
}

#[test]
fn every_variant_has_a_test_here() {
    let source = include_str!("server_variants.rs");
    for v in VARIANTS.iter() {
        assert!(
            source.contains(&format!("\"{}\"", v.name)),
            "variant {} has no test",
            v.name
        );
        assert!(
            matches!(v.strictness, Strictness::Strict | Strictness::Lenient),
            "{}",
            v.name
        );
    }
}

#[test]
fn unknown_variants_fail_validation_with_the_list() {
    let c = Config {
        variants: vec!["no-such-variant".into()],
        ..Config::default()
    };
    let e = c.validate().unwrap_err();
    assert!(
        e.contains("no-such-variant") && e.contains("error-details"),
        "{e}"
    );
}

#[test]
fn serve_names_each_active_fault_and_variant_after_listening() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_dxconform"))
        .args(["serve", "--listen", "127.0.0.1:0", "--user", "alice=T"])
        .args(["--fault", "nonce-ignored", "--variant", "error-details"])
        .args(["--variant", "pretty-json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .take(4)
        .map(|l| l.expect("a line"))
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        lines[0].starts_with("listening on http://127.0.0.1:"),
        "{lines:?}"
    );
    let freedom = |name| VARIANTS.iter().find(|v| v.name == name).unwrap().freedom;
    assert_eq!(
        lines[1..],
        [
            "# fault nonce-ignored: record/new ignores `nonce`: a retry creates a second record"
                .to_string(),
            format!("# variant error-details: {}", freedom("error-details")),
            format!("# variant pretty-json: {}", freedom("pretty-json")),
        ]
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_dxconform"))
        .args(["serve", "--listen", "127.0.0.1:0", "--variant", "nope"])
        .output()
        .expect("serve runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown variant \"nope\""));
}
