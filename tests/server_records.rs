//! HTTP-level tests of `/record/new`, record describe and close on the reference server:
//! the documented inputs, outputs and errors, in the team's error order.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn new_record_describes_with_the_defaults() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    assert!(
        regex::Regex::new("^record-[0-9A-Za-z]{24}$")
            .unwrap()
            .is_match(&r)
    );
    let d = s.describe(ALICE, &r, json!({})).await;
    let d = d.ok();
    let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "class",
            "created",
            "createdBy",
            "folder",
            "hidden",
            "id",
            "links",
            "modified",
            "name",
            "project",
            "sponsored",
            "state",
            "tags",
            "types"
        ]
    );
    assert_eq!(d["name"], r.as_str());
    assert_eq!(d["project"], p.as_str());
    assert_eq!(d["class"], "record");
    assert_eq!(d["state"], "open");
    assert_eq!(d["folder"], "/");
    assert_eq!(d["createdBy"], json!({"user": "user-alice"}));
    assert!(d["created"].as_i64().unwrap() <= d["modified"].as_i64().unwrap());
}

#[tokio::test]
async fn every_input_round_trips() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let target = s.record(&p, json!({})).await;
    let r = s
        .record(
            &p,
            json!({
                "name": "n", "tags": ["b", "a", "b"], "types": ["T", "history-record"],
                "hidden": true, "properties": {"k": "v", "e": ""},
                "details": {"x": [{"$dnanexus_link": target}, {"$dnanexus_link": target}]},
                "folder": "/a//b/", "parents": true, "close": true
            }),
        )
        .await;
    let d = s
        .describe(ALICE, &r, json!({"properties": true, "details": true}))
        .await;
    let d = d.ok();
    assert_eq!(d["name"], "n");
    assert_eq!(d["tags"], json!(["b", "a"]));
    assert_eq!(d["types"], json!(["T", "history-record"]));
    assert_eq!(d["hidden"], true);
    assert_eq!(d["properties"], json!({"k": "v", "e": ""}));
    assert_eq!(d["links"], json!([target]));
    assert_eq!(d["folder"], "/a/b");
    assert_eq!(d["state"], "closed");
}

#[tokio::test]
async fn fields_select_the_output() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let d = s
        .describe(
            ALICE,
            &r,
            json!({"fields": {"name": true, "tags": true}, "details": true}),
        )
        .await;
    let keys: Vec<&String> = d.ok().as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "name", "tags"]);
    let d = s
        .describe(
            ALICE,
            &r,
            json!({"fields": {"properties": true}, "defaultFields": true}),
        )
        .await;
    assert!(d.ok().get("properties").is_some() && d.body.get("details").is_none());
    assert!(d.body.get("links").is_some());
    for bad in [
        json!({"fields": []}),
        json!({"fields": {"name": "yes"}}),
        json!({"properties": 1}),
        json!({"project": 5}),
        json!({"project": "project-1"}),
    ] {
        s.describe(ALICE, &r, bad).await.expect(422, "InvalidInput");
    }
}

#[tokio::test]
async fn record_new_errors_in_order() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let new = |body: Value| s.post(ALICE, "/record/new", body);
    new(json!({})).await.expect(422, "InvalidInput");
    new(json!({"project": 1})).await.expect(422, "InvalidInput");
    new(json!({"project": "project-x"}))
        .await
        .expect(422, "InvalidInput");
    new(json!({"project": "record-000000000000000000000000"}))
        .await
        .expect(422, "InvalidType");
    // Shape errors come before the class check.
    new(json!({"project": "record-000000000000000000000000", "name": ""}))
        .await
        .expect(422, "InvalidInput");
    new(json!({"project": "project-000000000000000000000000"}))
        .await
        .expect(404, "ResourceNotFound");
    s.post(BOB, "/record/new", json!({"project": p}))
        .await
        .expect(401, "PermissionDenied");
    for bad in [
        json!({"name": "a\tb"}),
        json!({"tags": [""]}),
        json!({"types": ["ΨΨ"]}),
        json!({"hidden": "yes"}),
        json!({"properties": {"k": null}}),
        json!({"properties": {"a".repeat(101): "v"}}),
        json!({"properties": {"k": "v".repeat(701)}}),
        json!({"details": "x"}),
        json!({"details": {"$dnanexus_link": "record-000000000000000000000000", "x": 1}}),
        json!({"details": {"$dnanexus_link": 1}}),
        json!({"folder": "a"}),
        json!({"folder": "/a/../b"}),
        json!({"close": 1}),
        json!({"parents": "no"}),
        json!({"nonce": "n".repeat(129)}),
        json!({"nonce": 5}),
        json!({"initializeFrom": "x"}),
        json!({"initializeFrom": {"project": p}}),
        json!({"initializeFrom": {"project": p, "id": "project-000000000000000000000000"}}),
    ] {
        let mut body = bad.clone();
        body["project"] = json!(p);
        let a = new(body).await;
        assert_eq!(
            (a.status, a.err()),
            (422, "InvalidInput"),
            "{bad}: {}",
            a.body
        );
    }
    new(json!({"project": p, "folder": "/missing"}))
        .await
        .expect(404, "ResourceNotFound");
    new(json!({"project": p, "initializeFrom": {"project": p, "id": "record-000000000000000000000000"}}))
        .await
        .expect(404, "ResourceNotFound");
    // Limits are inclusive.
    new(json!({"project": p, "nonce": "n".repeat(128), "properties": {"a".repeat(100): "é".repeat(350)}}))
        .await
        .ok();
}

#[tokio::test]
async fn billing_fixtures_refuse_new_records() {
    let s = server().await;
    let limit = s.running.fixtures.spending_limit_project.clone().unwrap();
    let expired = s.running.fixtures.expired_org_project.clone().unwrap();
    s.post(ALICE, "/record/new", json!({"project": limit}))
        .await
        .expect(403, "SpendingLimitExceeded");
    s.post(ALICE, "/record/new", json!({"project": expired}))
        .await
        .expect(403, "OrgExpired");
    // Permission is checked before billing.
    s.post(BOB, "/record/new", json!({"project": limit}))
        .await
        .expect(401, "PermissionDenied");
    let d = s
        .post(ALICE, &format!("/{limit}/describe"), json!({}))
        .await;
    assert_eq!(d.ok()["atSpendingLimit"], true);
}

#[tokio::test]
async fn initialize_from_copies_and_overrides() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let src = s
        .record(
            &p,
            json!({"name": "src", "tags": ["t"], "types": ["A"], "hidden": true,
                   "properties": {"k": "v"}, "details": {"d": 1}, "folder": "/f", "parents": true,
                   "close": true}),
        )
        .await;
    let r = s
        .record(
            &p,
            json!({"initializeFrom": {"project": p, "id": src}, "types": ["B"]}),
        )
        .await;
    let d = s
        .describe(ALICE, &r, json!({"properties": true, "details": true}))
        .await;
    let d = d.ok();
    assert_eq!(d["name"], "src");
    assert_eq!(d["tags"], json!(["t"]));
    assert_eq!(d["types"], json!(["B"]));
    assert_eq!(d["hidden"], true);
    assert_eq!(d["properties"], json!({"k": "v"}));
    assert_eq!(d["details"], json!({"d": 1}));
    assert_eq!(d["folder"], "/");
    assert_eq!(d["state"], "open");
    // No VIEW on the source project.
    let bp = s.project(BOB).await;
    s.invite_bob(&p, "VIEW").await;
    let other = s.project(ALICE).await;
    s.post(
        BOB,
        "/record/new",
        json!({"project": bp, "initializeFrom": {"project": other, "id": src}}),
    )
    .await
    .expect(401, "PermissionDenied");
}

#[tokio::test]
async fn nonces_replay_and_detect_reuse() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let body = json!({"project": p, "name": "x", "nonce": "n-1"});
    let a = s.post(ALICE, "/record/new", body.clone()).await;
    let b = s
        .post(
            ALICE,
            "/record/new",
            json!({"nonce": "n-1", "name": "x", "project": p}),
        )
        .await;
    assert_eq!(a.ok(), b.ok());
    let c = s
        .post(
            ALICE,
            "/record/new",
            json!({"project": p, "name": "y", "nonce": "n-1"}),
        )
        .await;
    c.expect(422, "InvalidInput");
    assert_eq!(
        c.body["error"]["message"],
        "Nonce was reused for an earlier API request that had a different input"
    );
    // Scoped per user: bob's same nonce is his own.
    s.invite_bob(&p, "UPLOAD").await;
    let d = s.post(BOB, "/record/new", body.clone()).await;
    assert_ne!(d.ok()["id"], a.body["id"]);
    // A failed first attempt is not stored.
    let bad = json!({"project": p, "folder": "/nope", "nonce": "n-2"});
    s.post(ALICE, "/record/new", bad)
        .await
        .expect(404, "ResourceNotFound");
    s.post(ALICE, "/record/new", json!({"project": p, "nonce": "n-2"}))
        .await
        .ok();
    // Without a nonce, each call creates a record.
    let x = s.record(&p, json!({})).await;
    let y = s.record(&p, json!({})).await;
    assert_ne!(x, y);
}

#[tokio::test]
async fn describe_project_hint_and_fallback() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let other = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    // A hint that does not hold the object falls back to a viewable copy.
    let d = s.describe(ALICE, &r, json!({"project": other})).await;
    assert_eq!(d.ok()["project"], p.as_str());
    s.describe(
        ALICE,
        &r,
        json!({"project": "project-000000000000000000000000"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    s.describe(BOB, &r, json!({}))
        .await
        .expect(401, "PermissionDenied");
    let bp = s.project(BOB).await;
    s.describe(ALICE, &r, json!({"project": bp}))
        .await
        .expect(401, "PermissionDenied");
    let missing = s
        .describe(ALICE, "record-000000000000000000000000", json!({}))
        .await;
    missing.expect(404, "ResourceNotFound");
    assert_eq!(
        missing.body["error"]["message"],
        "The entity record-000000000000000000000000 could not be found"
    );
}

#[tokio::test]
async fn close_is_idempotent_and_freezes() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({"details": {"a": 1}})).await;
    let first = s.post(ALICE, &format!("/{r}/close"), json!({})).await;
    assert_eq!(first.ok(), &json!({"id": r}));
    let m1 = s.describe(ALICE, &r, json!({})).await.body["modified"].clone();
    let again = s.post(ALICE, &format!("/{r}/close"), json!({})).await;
    assert!(!again.ok()["detail"].as_str().unwrap().is_empty());
    let d = s.describe(ALICE, &r, json!({})).await;
    assert_eq!(d.body["modified"], m1);
    assert_eq!(d.body["state"], "closed");
    s.post(ALICE, &format!("/{r}/close"), json!([]))
        .await
        .expect(422, "InvalidInput");
    s.post(ALICE, "/record-000000000000000000000000/close", json!({}))
        .await
        .expect(404, "ResourceNotFound");
    // UPLOAD on the creating project is needed.
    let r2 = s.record(&p, json!({})).await;
    s.invite_bob(&p, "VIEW").await;
    s.post(BOB, &format!("/{r2}/close"), json!({}))
        .await
        .expect(401, "PermissionDenied");
    s.invite_bob(&p, "UPLOAD").await;
    s.post(BOB, &format!("/{r2}/close"), json!({})).await.ok();
}
