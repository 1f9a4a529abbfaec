//! HTTP-level tests of the reference server's protocol layer and authentication: what
//! every route shares (methods, paths, content types, JSON, headers, CORS, tokens).

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::json;

fn assert_common_headers(a: &Ans) {
    let h = &a.headers;
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let len: usize = h["content-length"].to_str().unwrap().parse().unwrap();
    assert_eq!(len, a.raw.len());
    let rid = h["x-request-id"].to_str().unwrap();
    assert!(
        regex::Regex::new(r"^\d{13}-\d{1,6}$")
            .unwrap()
            .is_match(rid),
        "{rid}"
    );
}

/// Successes and errors alike carry the shared headers.
#[tokio::test]
async fn every_answer_has_the_shared_headers() {
    let s = server().await;
    let ok = s.post(ALICE, "/system/whoami", json!({})).await;
    assert_eq!(ok.ok()["id"], "user-alice");
    assert_common_headers(&ok);
    let err = s.raw("GET", "/system/whoami", Some(ALICE), &[], None).await;
    err.expect(405, "MethodNotAllowed");
    assert_common_headers(&err);
    let pre = s
        .raw(
            "OPTIONS",
            "/record/new",
            None,
            &[
                ("Origin", "https://x.example"),
                ("Access-Control-Request-Method", "POST"),
            ],
            None,
        )
        .await;
    assert_common_headers(&pre);
}

#[tokio::test]
async fn content_type_must_be_json_or_absent() {
    let s = server().await;
    let send = |ct: Option<&'static str>| {
        let s = &s;
        async move {
            let headers: Vec<(&str, &str)> = ct.map(|c| ("Content-Type", c)).into_iter().collect();
            s.raw(
                "POST",
                "/system/whoami",
                Some(ALICE),
                &headers,
                Some(b"{}".to_vec()),
            )
            .await
        }
    };
    send(None).await.ok();
    send(Some("application/json; charset=utf-8")).await.ok();
    send(Some("text/plain")).await.expect(400, "MalformedJSON");
    send(Some("application/x-www-form-urlencoded"))
        .await
        .expect(400, "MalformedJSON");
}

#[tokio::test]
async fn bodies_must_be_json_objects() {
    let s = server().await;
    for bad in [&b""[..], b"{", b"\xff\xfe", b"{\"a\":}", b"nul"] {
        s.raw(
            "POST",
            "/system/whoami",
            Some(ALICE),
            &[],
            Some(bad.to_vec()),
        )
        .await
        .expect(400, "MalformedJSON");
    }
    let deep = "[".repeat(50_000) + &"]".repeat(50_000);
    s.raw(
        "POST",
        "/system/whoami",
        Some(ALICE),
        &[],
        Some(deep.into_bytes()),
    )
    .await
    .expect(400, "MalformedJSON");
    for not_object in ["[]", "\"x\"", "1", "null", "true"] {
        s.raw(
            "POST",
            "/system/whoami",
            Some(ALICE),
            &[],
            Some(not_object.into()),
        )
        .await
        .expect(422, "InvalidInput");
    }
    // Huge numbers and unknown keys are harmless.
    let p = s.project(ALICE).await;
    s.raw(
        "POST",
        "/record/new",
        Some(ALICE),
        &[],
        Some(
            format!(
                r#"{{"project": "{p}", "dxapi": "1.0.0", "x": 123456789012345678901234567890}}"#
            )
            .into(),
        ),
    )
    .await
    .ok();
}

#[tokio::test]
async fn non_post_methods_are_405() {
    let s = server().await;
    for m in ["GET", "PUT", "DELETE", "PATCH"] {
        s.raw(m, "/system/whoami", Some(ALICE), &[], None)
            .await
            .expect(405, "MethodNotAllowed");
    }
}

#[tokio::test]
async fn unknown_routes_are_404_with_the_entity_message() {
    let s = server().await;
    for (path, entity) in [
        ("/None/describe", "None"),
        ("/system/noSuchMethod", "system"),
        ("/record/describe", "record"),
        ("/project-%C3%A9%C3%A9/describe", "project-éé"),
        (
            "/record-000000000000000000000000/noSuchMethod",
            "record-000000000000000000000000",
        ),
        ("/foo", "foo"),
    ] {
        let a = s.post(ALICE, path, json!({})).await;
        a.expect(404, "ResourceNotFound");
        assert_eq!(
            a.body["error"]["message"],
            format!("The entity {entity} could not be found"),
            "{path}"
        );
    }
    // A well-formed but unknown ID is also 404, from the route itself.
    s.post(
        ALICE,
        "/record-000000000000000000000000/describe",
        json!({}),
    )
    .await
    .expect(404, "ResourceNotFound");
    s.post(
        ALICE,
        "/project-000000000000000000000000/describe",
        json!({}),
    )
    .await
    .expect(404, "ResourceNotFound");
}

#[tokio::test]
async fn platform_routes_not_implemented_here_say_so_in_their_404() {
    let s = server().await;
    for path in [
        "/applet-000000000000000000000000/run",
        "/job/new",
        "/applet-000000000000000000000000/get",
    ] {
        let a = s.post(ALICE, path, json!({})).await;
        a.expect(404, "ResourceNotFound");
        let message = a.body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(path) && message.contains("not implemented"),
            "{path}: {message}"
        );
    }
    // An unknown method on a class the server knows stays a plain unknown route.
    let a = s
        .post(ALICE, "/applet-000000000000000000000000/nope", json!({}))
        .await;
    a.expect(404, "ResourceNotFound");
    assert!(
        !a.body["error"]["message"]
            .to_string()
            .contains("implemented")
    );
}

#[tokio::test]
async fn query_parameters_are_ignored() {
    let s = server().await;
    let a = s.post(ALICE, "/system/whoami?x=1&y", json!({})).await;
    assert_eq!(a.ok()["id"], "user-alice");
}

#[tokio::test]
async fn cors_origin_is_echoed_and_preflight_answered() {
    let s = server().await;
    let a = s
        .raw(
            "POST",
            "/system/whoami",
            Some(ALICE),
            &[("Origin", "https://app.example")],
            Some(b"{}".to_vec()),
        )
        .await;
    a.ok();
    assert_eq!(
        a.headers["access-control-allow-origin"],
        "https://app.example"
    );
    let pre = s
        .raw(
            "OPTIONS",
            "/record/new",
            None,
            &[
                ("Origin", "https://app.example"),
                ("Access-Control-Request-Method", "POST"),
                (
                    "Access-Control-Request-Headers",
                    "authorization, content-type",
                ),
            ],
            None,
        )
        .await;
    assert_eq!(pre.status, 200);
    assert_eq!(
        pre.headers["access-control-allow-origin"],
        "https://app.example"
    );
    assert_eq!(
        pre.headers["access-control-allow-headers"],
        "authorization, content-type"
    );
    assert_eq!(pre.headers["access-control-allow-methods"], "POST");
    s.raw(
        "OPTIONS",
        "/record/new",
        None,
        &[
            ("Origin", "https://app.example"),
            ("Access-Control-Request-Method", "GET"),
        ],
        None,
    )
    .await
    .expect(405, "MethodNotAllowed");
}

#[tokio::test]
async fn authentication() {
    let s = server().await;
    s.raw("POST", "/system/whoami", None, &[], Some(b"{}".to_vec()))
        .await
        .expect(401, "PermissionDenied");
    s.post("no-such-token", "/system/whoami", json!({}))
        .await
        .expect(401, "InvalidAuthentication");
    for header in ["Basic abc", "Bearer", "alice-token", "Bearer  "] {
        s.raw(
            "POST",
            "/system/whoami",
            None,
            &[("Authorization", header)],
            Some(b"{}".to_vec()),
        )
        .await
        .expect(401, "InvalidAuthentication");
    }
    // greet needs no token.
    let g = s
        .raw(
            "POST",
            "/system/greet",
            None,
            &[],
            Some(br#"{"client": "dxclient", "version": "v0"}"#.to_vec()),
        )
        .await;
    assert!(g.ok()["messages"].is_array());
    assert_eq!(
        s.post(BOB, "/system/whoami", json!({})).await.ok()["id"],
        "user-bob"
    );
}
