//! The file-transfer vocabulary against a tiny hand-made endpoint: a PUT of blob bytes to
//! a URL the endpoint hands out (with the headers it hands out, never a token), a GET of
//! such a URL whole and by range, checks on the raw bytes, and a step repeated until a
//! state is reached.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::json;

use dxconform::blob::{Blob, blob, concat};
use dxconform::case::{CASE, Case, Check::*, Step, get_from, post as step, put_to};
use dxconform::runner::{self, CaseReport, Endpoint, Options, Outcome, Target, client};
use dxconform::spec::{Item, ItemKind, Level, Page, Table};

const TOKEN: &str = "transfer-owner-token";
const PARTS: &[Blob] = &[blob(1000, 1), blob(10, 2)];

#[derive(Default)]
struct Fake {
    base: Mutex<String>,
    stored: Mutex<Vec<u8>>,
    /// What the PUT carried: its Authorization header (must be none) and the handed-out one.
    put_auth: Mutex<Option<String>>,
    put_token: Mutex<Option<String>>,
    polls: AtomicU32,
    /// Serve the stored bytes with one byte changed.
    corrupt: bool,
}

type S = State<Arc<Fake>>;

async fn api(
    State(f): S,
    axum::extract::Path((subject, method)): axum::extract::Path<(String, String)>,
) -> Response {
    let base = f.base.lock().unwrap().clone();
    let body = match (subject.as_str(), method.as_str()) {
        ("system", "whoami") => json!({"id": "user-alice"}),
        ("project", "new") => json!({"id": "project-000000000000000000000001"}),
        (_, "destroy") => json!({}),
        ("file", "upload") => {
            json!({"url": format!("{base}/xfer/up"), "headers": {"x-upload-token": "handed-out"}})
        }
        ("file", "download") => json!({"url": format!("{base}/xfer/down"), "headers": {}}),
        // Reads `closing` twice, then `closed`.
        ("file", "describe") => {
            let n = f.polls.fetch_add(1, Ordering::Relaxed);
            json!({"state": if n < 2 { "closing" } else { "closed" }})
        }
        _ => return (StatusCode::NOT_FOUND, "{}").into_response(),
    };
    axum::Json(body).into_response()
}

async fn upload(State(f): S, headers: HeaderMap, body: Bytes) -> Response {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    *f.put_auth.lock().unwrap() = h("authorization");
    *f.put_token.lock().unwrap() = h("x-upload-token");
    *f.stored.lock().unwrap() = body.to_vec();
    StatusCode::OK.into_response()
}

async fn download(State(f): S, headers: HeaderMap) -> Response {
    let mut data = f.stored.lock().unwrap().clone();
    if f.corrupt && !data.is_empty() {
        data[500] ^= 1;
    }
    let range = headers
        .get("range")
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.split_once('-'))
        .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)));
    match range {
        Some((a, b)) => (StatusCode::PARTIAL_CONTENT, data[a..=b].to_vec()).into_response(),
        None => (StatusCode::OK, data).into_response(),
    }
}

fn start(corrupt: bool) -> (String, Arc<Fake>) {
    let fake = Arc::new(Fake {
        corrupt,
        ..Fake::default()
    });
    let app = Router::new()
        .route("/{subject}/{method}", post(api))
        .route("/xfer/up", put(upload))
        .route("/xfer/down", get(download))
        .with_state(fake.clone());
    let listener = client::RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    *fake.base.lock().unwrap() = base.clone();
    client::RT.spawn(async move { axum::serve(listener, app).await });
    (base, fake)
}

static PAGE: Page = Page {
    key: "files",
    title: "Files",
    url: "https://example.org/files",
};

static ITEMS: &[Item] = &[Item {
    id: "file#transfer",
    page: &PAGE,
    anchor: "",
    kind: ItemKind::Rule,
    level: Level::Must,
    text: "uploaded bytes come back",
}];

const UPLOAD_URL: Step = step("/file/upload", "{}").capture(&[("up", "/url"), ("uph", "/headers")]);
const DOWNLOAD_URL: Step =
    step("/file/download", "{}").capture(&[("down", "/url"), ("downh", "/headers")]);

static CASES: &[Case] = &[Case {
    name: "transfer::round::trip",
    items: &["file#transfer"],
    summary: "bytes put to a handed-out URL come back whole and by range",
    steps: &[
        UPLOAD_URL,
        put_to("$up", PARTS).headers_from("$uph"),
        step("/file/describe", "{}").until(&[Eq("/state", r#""closed""#)], 5_000),
        DOWNLOAD_URL,
        get_from("$down")
            .headers_from("$downh")
            .check(&[BodyLen(1010), BodyIs(PARTS, None)]),
        get_from("$down")
            .headers(&[("Range", "bytes=995-1004")])
            .status(206)
            .check(&[BodyLen(10), BodyIs(PARTS, Some((995, 1004)))]),
    ],
    ..CASE
}];

static TABLES: &[Table] = &[Table {
    name: "transfer",
    items: ITEMS,
    cases: CASES,
    statuses: &[],
}];

fn run(corrupt: bool) -> (CaseReport, Arc<Fake>) {
    let (url, fake) = start(corrupt);
    let target = Target::endpoint(Endpoint {
        url,
        token: TOKEN.into(),
        ..Endpoint::default()
    });
    let cases = runner::prepare(TABLES).expect("valid table");
    let mut reports = runner::run_cases(&cases, &target, &Options::default(), 1);
    (reports.remove(0), fake)
}

#[test]
fn bytes_go_to_handed_out_urls_without_the_token_and_come_back() {
    let (report, fake) = run(false);
    assert_eq!(report.outcome, Outcome::Pass, "{report:#?}");
    assert_eq!(*fake.stored.lock().unwrap(), concat(PARTS));
    assert_eq!(
        *fake.put_auth.lock().unwrap(),
        None,
        "a token went to the upload URL"
    );
    assert_eq!(
        fake.put_token.lock().unwrap().as_deref(),
        Some("handed-out")
    );
    assert!(
        fake.polls.load(Ordering::Relaxed) >= 3,
        "the state was not waited for"
    );
}

#[test]
fn a_changed_byte_is_reported_with_where_and_md5() {
    let (report, _) = run(true);
    assert_eq!(report.outcome, Outcome::Fail, "{report:#?}");
    let m = report.message.unwrap();
    assert!(m.contains("first different at byte 500"), "{m}");
    assert!(m.contains("1010 bytes (md5 "), "{m}");
    assert!(
        m.contains("to the URL the endpoint handed out (no token)"),
        "{m}"
    );
    assert!(!m.contains(TOKEN));
}
