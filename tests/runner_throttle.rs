//! Throttling is waited out by the whole client, not by the one request that met it: a
//! 503 with `Retry-After` pauses every request to that endpoint (issue 10, point 3), so a
//! run of many concurrent cases backs off as one client instead of each hammering on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use dxconform::runner::client::{self, Request};

async fn route(State(throttled): State<Arc<AtomicBool>>, Path(method): Path<String>) -> Response {
    if method == "slowdown" && !throttled.swap(true, Ordering::SeqCst) {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [("retry-after", "1")],
            "{}",
        )
            .into_response();
    }
    axum::Json(serde_json::json!({"id": "user-alice"})).into_response()
}

fn request(url: String) -> Request {
    Request {
        method: "POST",
        url,
        token: None,
        headers: vec![],
        body: b"{}".to_vec().into(),
        content_type: Some("application/json".into()),
        expected_status: None,
    }
}

#[test]
fn a_retry_after_pauses_every_request_to_the_endpoint() {
    let app = Router::new()
        .route("/system/{method}", post(route))
        .with_state(Arc::new(AtomicBool::new(false)));
    let listener = client::RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    client::RT.spawn(async move { axum::serve(listener, app).await });
    let before = client::throttled();
    let started = Instant::now();
    let (first, second) = client::RT.block_on(async {
        let slowdown = request(format!("{base}/system/slowdown"));
        let first = client::send_async(&slowdown);
        let second = async {
            // Sent after the 503 arrived: it must wait too.
            tokio::time::sleep(Duration::from_millis(200)).await;
            let r = client::send_async(&request(format!("{base}/system/whoami"))).await;
            (r, started.elapsed())
        };
        tokio::join!(first, second)
    });
    assert_eq!(
        first.unwrap().status,
        200,
        "the throttled request was not retried"
    );
    let (second, at) = second;
    assert_eq!(second.unwrap().status, 200);
    assert!(
        at >= Duration::from_millis(900),
        "the other request did not wait: {at:?}"
    );
    assert!(client::throttled() > before);
}
