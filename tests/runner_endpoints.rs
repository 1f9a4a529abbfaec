//! The runner against tiny hand-made endpoints (axum, in this file), each breaking one
//! documented rule: the run must fail with a message naming the case, the catalogue item
//! and its documentation link, the request and the difference, and never the token.
//! Also: levels (warn, --strict), baselines (xfail, xpass), ignored cases, throttling,
//! and that scratch projects are destroyed.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use dxconform::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post as step};
use dxconform::runner::check::now_ms;
use dxconform::runner::{self, CaseReport, Endpoint, Options, Outcome, Target, client};
use dxconform::spec::{Item, ItemKind, Level, Page, StatusRule, Table};

const OWNER_TOKEN: &str = "owner-secret-token-1234";
const PEER_TOKEN: &str = "peer-secret-token-5678";

/// The one documented rule a fake endpoint breaks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Break {
    Nothing,
    /// describe answers without `links`.
    NoLinks,
    /// record/new without `project` answers 400 instead of 422 InvalidInput.
    WrongErrorStatus,
    /// `created` in seconds.
    SecondsTimestamp,
    /// error bodies without `message`.
    ErrorWithoutMessage,
}

#[derive(Default)]
struct Fake {
    projects: Mutex<HashMap<String, bool>>,
    records: Mutex<HashMap<String, (String, i64, String)>>,
    counter: AtomicU64,
    throttled_once: Mutex<bool>,
}

#[derive(Clone)]
struct App {
    fake: Arc<Fake>,
    breaks: Break,
}

impl App {
    fn id(&self, class: &str) -> String {
        let n = self.fake.counter.fetch_add(1, Ordering::Relaxed);
        format!("{class}-{n:0>24}")
    }

    fn error(&self, status: u16, kind: &str, message: &str) -> Response {
        let body = if self.breaks == Break::ErrorWithoutMessage {
            json!({"error": {"type": kind}})
        } else {
            json!({"error": {"type": kind, "message": message}})
        };
        (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response()
    }
}

fn user(headers: &HeaderMap) -> Option<&'static str> {
    match headers.get("authorization")?.to_str().ok()? {
        a if a == format!("Bearer {OWNER_TOKEN}") => Some("user-alice"),
        a if a == format!("Bearer {PEER_TOKEN}") => Some("user-bob"),
        _ => None,
    }
}

async fn route(
    State(app): State<App>,
    Path((subject, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(who) = user(&headers) else {
        return app.error(401, "InvalidAuthentication", "bad token");
    };
    let input: Value = serde_json::from_slice(&body).unwrap_or(json!({}));
    match (subject.as_str(), method.as_str()) {
        ("system", "whoami") => axum::Json(json!({"id": who})).into_response(),
        ("system", "flaky") => {
            let mut once = app.fake.throttled_once.lock().unwrap();
            if !*once {
                *once = true;
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [("retry-after", "0")],
                    "{}",
                )
                    .into_response();
            }
            axum::Json(json!({})).into_response()
        }
        ("project", "new") => {
            let id = app.id("project");
            app.fake.projects.lock().unwrap().insert(id.clone(), true);
            axum::Json(json!({"id": id})).into_response()
        }
        (p, "invite") | (p, "destroy") if p.starts_with("project-") => {
            if method == "destroy" {
                app.fake.projects.lock().unwrap().remove(p);
            }
            axum::Json(json!({"id": p})).into_response()
        }
        ("record", "new") => {
            let Some(project) = input.get("project").and_then(Value::as_str) else {
                return if app.breaks == Break::WrongErrorStatus {
                    app.error(400, "InvalidInput", "project is required")
                } else {
                    app.error(422, "InvalidInput", "project is required")
                };
            };
            let id = app.id("record");
            let created = if app.breaks == Break::SecondsTimestamp {
                now_ms() / 1000
            } else {
                now_ms()
            };
            app.fake
                .records
                .lock()
                .unwrap()
                .insert(id.clone(), (project.to_string(), created, who.to_string()));
            axum::Json(json!({"id": id})).into_response()
        }
        (r, "describe") if r.starts_with("record-") => {
            let Some((project, created, creator)) =
                app.fake.records.lock().unwrap().get(r).cloned()
            else {
                return app.error(
                    404,
                    "ResourceNotFound",
                    &format!("The entity {r} could not be found"),
                );
            };
            let mut d = json!({
                "id": r, "project": project, "class": "record", "types": [], "created": created,
                "modified": created, "state": "open", "hidden": false, "links": [], "name": r,
                "folder": "/", "sponsored": false, "tags": [], "createdBy": {"user": creator},
                "undocumentedExtra": 1
            });
            if app.breaks == Break::NoLinks {
                d.as_object_mut().unwrap().remove("links");
            }
            axum::Json(d).into_response()
        }
        _ => app.error(
            404,
            "ResourceNotFound",
            &format!("The entity {subject} could not be found"),
        ),
    }
}

/// Start a fake endpoint breaking `breaks`; returns its URL and state.
fn start(breaks: Break) -> (String, Arc<Fake>) {
    let fake = Arc::new(Fake::default());
    let app = Router::new()
        .route("/{subject}/{method}", post(route))
        .with_state(App {
            fake: fake.clone(),
            breaks,
        });
    let listener = client::RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    client::RT.spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}"), fake)
}

static PAGE: Page = Page {
    key: "records",
    title: "Records",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/records",
};

const NEW: &str = "#api-method-record-new";
const DESCRIBE: &str = "#api-method-record-xxxx-describe";

static ITEMS: &[Item] = &[
    Item {
        id: "record/describe#output.links",
        page: &PAGE,
        anchor: DESCRIBE,
        kind: ItemKind::Output,
        level: Level::Must,
        text: "`links` (array of strings): the links in the details.",
    },
    Item {
        id: "record/new#error.InvalidInput",
        page: &PAGE,
        anchor: NEW,
        kind: ItemKind::Error,
        level: Level::Must,
        text: "InvalidInput (422): the input is not valid.",
    },
    Item {
        id: "record/describe#output.created",
        page: &PAGE,
        anchor: DESCRIBE,
        kind: ItemKind::Output,
        level: Level::Must,
        text: "`created` (timestamp).",
    },
    Item {
        id: "record/describe#output.extras",
        page: &PAGE,
        anchor: DESCRIBE,
        kind: ItemKind::Output,
        level: Level::Should,
        text: "SHOULD: no undocumented fields (our reading).",
    },
    Item {
        id: "protocol#throttling",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Must,
        text: "503 with Retry-After is waited out.",
    },
    Item {
        id: "protocols#status.422",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Should,
        text: "[CLIENT] InvalidInput is HTTP 422.",
    },
    Item {
        id: "protocols#error-body",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Should,
        text: "[CLIENT] errors answer {error: {type, message}}.",
    },
    Item {
        id: "permissions#peer",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Must,
        text: "A peer with VIEW can describe.",
    },
];

const NEW_RECORD: Step =
    step("/record/new", r#"{"project": "$project"}"#).capture(&[("rec", "/id")]);

static CASES: &[Case] = &[
    Case {
        name: "fake::describe::links",
        items: &["record/describe#output.links"],
        summary: "describe answers `links`",
        steps: &[
            NEW_RECORD,
            step("/$rec/describe", "{}")
                .check(&[Is("/links", Kind::StringArray), Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "fake::new::missing_project",
        items: &["record/new#error.InvalidInput"],
        summary: "record/new without `project` is InvalidInput",
        steps: &[step("/record/new", "{}").fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "fake::describe::created_ms",
        items: &["record/describe#output.created"],
        summary: "`created` is a timestamp in milliseconds",
        steps: &[
            NEW_RECORD,
            step("/$rec/describe", "{}").check(&[
                Is("/created", Kind::Timestamp),
                Cmp("/created", dxconform::case::Ord::Le, "@/modified"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "fake::describe::no_extras",
        items: &["record/describe#output.extras"],
        summary: "describe names no undocumented field (SHOULD)",
        steps: &[
            NEW_RECORD,
            step("/$rec/describe", "{}").check(&[Absent("/undocumentedExtra")]),
        ],
        ..CASE
    },
    Case {
        name: "fake::protocol::throttled",
        items: &["protocol#throttling"],
        summary: "a 503 with Retry-After is waited out",
        steps: &[step("/system/flaky", "{}")],
        ..CASE
    },
    Case {
        name: "fake::permissions::peer_describes",
        items: &["permissions#peer"],
        summary: "a peer with VIEW can describe",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_RECORD,
            step("/$rec/describe", "{}")
                .by(Who::Peer)
                .check(&[Eq("/createdBy/user", r#""$owner""#)]),
        ],
    },
];

static TABLES: &[Table] = &[Table {
    name: "fake",
    items: ITEMS,
    cases: CASES,
    statuses: &[StatusRule {
        error: "InvalidInput",
        status: 422,
        item: "protocols#status.422",
    }],
}];

fn run(breaks: Break, peer: bool, options: Options) -> (Vec<CaseReport>, Arc<Fake>) {
    let (url, fake) = start(breaks);
    let target = Target::endpoint(Endpoint {
        url,
        token: OWNER_TOKEN.into(),
        peer_token: peer.then(|| PEER_TOKEN.into()),
        ..Endpoint::default()
    });
    let cases = runner::prepare(TABLES).expect("the test table is valid");
    (runner::run_cases(&cases, &target, &options, 4), fake)
}

fn get<'a>(reports: &'a [CaseReport], name: &str) -> &'a CaseReport {
    reports
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no report for {name}"))
}

/// The failure of `name` must carry everything an endpoint developer needs.
#[track_caller]
fn assert_actionable(
    report: &CaseReport,
    item: &str,
    anchor: &str,
    request: &str,
    difference: &str,
) {
    assert_eq!(report.outcome, Outcome::Fail, "{report:#?}");
    let m = report.message.as_deref().unwrap();
    for needle in [
        report.name.as_str(),
        report.summary.as_str(),
        item,
        anchor,
        "MUST",
        request,
        difference,
    ] {
        assert!(m.contains(needle), "the message lacks {needle:?}:\n{m}");
    }
    assert!(
        !m.contains(OWNER_TOKEN) && !m.contains(PEER_TOKEN),
        "a token leaked:\n{m}"
    );
}

#[test]
fn a_conforming_endpoint_passes_and_is_left_clean() {
    let (reports, fake) = run(Break::Nothing, true, Options::default());
    for name in [
        "fake::describe::links",
        "fake::new::missing_project",
        "fake::describe::created_ms",
        "fake::protocol::throttled",
        "fake::permissions::peer_describes",
    ] {
        assert_eq!(
            get(&reports, name).outcome,
            Outcome::Pass,
            "{:#?}",
            get(&reports, name)
        );
    }
    assert!(client::throttled() >= 1, "the 503 was not counted");
    assert!(
        fake.projects.lock().unwrap().is_empty(),
        "scratch projects left behind"
    );
}

#[test]
fn describe_without_links_fails_naming_the_item() {
    let (reports, _) = run(Break::NoLinks, false, Options::default());
    assert_actionable(
        get(&reports, "fake::describe::links"),
        "record/describe#output.links",
        "records#api-method-record-xxxx-describe",
        "POST /record-",
        "/links: expected present, but it is absent",
    );
    assert_eq!(
        get(&reports, "fake::new::missing_project").outcome,
        Outcome::Pass
    );
}

#[test]
fn a_status_from_the_clients_table_is_a_should_fact_of_its_own() {
    // The documented error type is right; only the client-derived status differs: a
    // warning naming the status item, not a failure of the MUST case.
    let (reports, _) = run(Break::WrongErrorStatus, false, Options::default());
    let r = get(&reports, "fake::new::missing_project");
    assert_eq!(r.outcome, Outcome::Warn, "{r:#?}");
    let m = r.message.as_deref().unwrap();
    assert!(
        m.contains("[SHOULD protocols#status.422] expected status 422 for InvalidInput, got 400"),
        "{m}"
    );
    assert!(m.contains("POST /record/new as owner user-alice"), "{m}");
    assert_eq!(r.violations.len(), 1);
    assert_eq!(r.violations[0].items, ["protocols#status.422"]);
    assert_eq!(r.violations[0].level, "SHOULD");
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let (reports, _) = run(Break::WrongErrorStatus, false, strict);
    assert_eq!(
        get(&reports, "fake::new::missing_project").outcome,
        Outcome::Fail
    );
}

#[test]
fn a_timestamp_in_seconds_fails() {
    let (reports, _) = run(Break::SecondsTimestamp, false, Options::default());
    assert_actionable(
        get(&reports, "fake::describe::created_ms"),
        "record/describe#output.created",
        DESCRIBE,
        "/describe",
        "/created: expected a timestamp (integer milliseconds since the epoch, near now)",
    );
}

#[test]
fn an_error_body_without_message_breaks_the_error_body_item() {
    let (reports, _) = run(Break::ErrorWithoutMessage, false, Options::default());
    let r = get(&reports, "fake::new::missing_project");
    assert_eq!(r.outcome, Outcome::Warn, "{r:#?}");
    let m = r.message.as_deref().unwrap();
    assert!(
        m.contains("[SHOULD protocols#error-body] /error/message: expected a non-empty string, got nothing (absent)"),
        "{m}"
    );
    assert!(m.contains(NEW) && m.contains("body: {}"), "{m}");
}

#[test]
fn should_items_warn_and_strict_fails_them() {
    let (reports, _) = run(Break::Nothing, false, Options::default());
    let warned = get(&reports, "fake::describe::no_extras");
    assert_eq!(warned.outcome, Outcome::Warn);
    assert!(
        warned
            .message
            .as_deref()
            .unwrap()
            .contains("[SHOULD record/describe#output.extras]")
    );
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let (reports, _) = run(Break::Nothing, false, strict);
    assert_eq!(
        get(&reports, "fake::describe::no_extras").outcome,
        Outcome::Fail
    );
}

#[test]
fn baselines_turn_failures_into_xfail_and_passes_into_xpass() {
    let known = ["fake::describe::links", "fake::new::missing_project"]
        .into_iter()
        .collect();
    let baseline = runner::Baseline::parse(
        "fake::describe::links\nfake::new::missing_project # fixed\n",
        "b.txt",
        &known,
    )
    .unwrap();
    let options = Options {
        baseline,
        ..Options::default()
    };
    let (reports, _) = run(Break::NoLinks, false, options);
    assert_eq!(
        get(&reports, "fake::describe::links").outcome,
        Outcome::Xfail
    );
    let xpass = get(&reports, "fake::new::missing_project");
    assert_eq!(xpass.outcome, Outcome::Xpass);
    assert!(xpass.message.as_deref().unwrap().contains("b.txt"));
    assert!(xpass.outcome.fails_run());
}

#[test]
fn cases_needing_a_peer_are_ignored_with_the_reason() {
    let (reports, _) = run(Break::Nothing, false, Options::default());
    let r = get(&reports, "fake::permissions::peer_describes");
    assert_eq!(r.outcome, Outcome::Ignored);
    assert!(r.message.as_deref().unwrap().contains("--peer-token"));
}

#[test]
fn a_dead_endpoint_fails_every_case_without_hanging() {
    let target = Target::endpoint(Endpoint {
        url: "http://127.0.0.1:9".into(),
        token: OWNER_TOKEN.into(),
        ..Endpoint::default()
    });
    let cases = runner::prepare(TABLES).unwrap();
    let reports = runner::run_cases(&cases, &target, &Options::default(), 2);
    let r = get(&reports, "fake::describe::links");
    assert_eq!(r.outcome, Outcome::Fail);
    assert!(
        r.message.as_deref().unwrap().contains("cannot reach"),
        "{r:#?}"
    );
}
