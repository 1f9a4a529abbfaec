//! HTTP-level tests of the system utility routes on the reference server: whoami, user
//! describe, greet, headers, comeBackLater.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn whoami_and_user_describe() {
    let s = server().await;
    assert_eq!(
        s.post(ALICE, "/system/whoami", json!({})).await.ok(),
        &json!({"id": "user-alice"})
    );
    let u = s.post(ALICE, "/user-bob/describe", json!({})).await;
    assert_eq!(
        u.ok(),
        &json!({"id": "user-bob", "class": "user", "handle": "bob"})
    );
    s.post(ALICE, "/user-nobody/describe", json!({}))
        .await
        .expect(404, "ResourceNotFound");
    s.raw(
        "POST",
        "/user-bob/describe",
        None,
        &[],
        Some(b"{}".to_vec()),
    )
    .await
    .expect(401, "PermissionDenied");
}

#[tokio::test]
async fn headers_are_echoed_with_lower_case_names() {
    let s = server().await;
    let a = s
        .raw(
            "POST",
            "/system/headers",
            Some(ALICE),
            &[
                ("X-Custom-Thing", "Value"),
                ("User-Agent", "dxpy/0.417.1 (Linux)"),
            ],
            Some(b"{}".to_vec()),
        )
        .await;
    let h = a.ok();
    assert_eq!(h["x-custom-thing"], "Value");
    assert_eq!(h["user-agent"], "dxpy/0.417.1 (Linux)");
    assert!(
        h.as_object()
            .unwrap()
            .keys()
            .all(|k| k == &k.to_lowercase())
    );
}

#[tokio::test]
async fn come_back_later() {
    let s = server().await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let a = s.post(ALICE, "/system/comeBackLater", json!({})).await;
    assert!(a.ok()["currentTime"].as_i64().unwrap() >= now);
    let wait = s
        .post(
            ALICE,
            "/system/comeBackLater",
            json!({"waitUntil": now + 5_000}),
        )
        .await;
    wait.expect(503, "ServiceUnavailable");
    let secs: u64 = wait.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=5).contains(&secs), "{secs}");
    let no_header = s
        .post(
            ALICE,
            "/system/comeBackLater",
            json!({"waitUntil": now + 5_000, "setRetryAfter": false}),
        )
        .await;
    no_header.expect(503, "ServiceUnavailable");
    assert!(no_header.headers.get("retry-after").is_none());
    s.post(
        ALICE,
        "/system/comeBackLater",
        json!({"waitUntil": now - 1}),
    )
    .await
    .ok();
    s.post(ALICE, "/system/comeBackLater", json!({"waitUntil": "soon"}))
        .await
        .expect(422, "InvalidInput");
}

#[tokio::test]
async fn latency_is_added() {
    let s = server_with(dxconform::server::Config {
        latency_ms: 150,
        ..Default::default()
    })
    .await;
    let t = std::time::Instant::now();
    s.post(ALICE, "/system/whoami", json!({})).await.ok();
    assert!(t.elapsed() >= std::time::Duration::from_millis(150));
}
