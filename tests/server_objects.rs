//! HTTP-level tests of the data-object routes on the reference server: types, details,
//! visibility (frozen by close), per-project metadata (rename, properties, tags; UPLOAD
//! while open, CONTRIBUTE once closed), listProjects, and `modified`.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::{Value, json};

async fn on(s: &Srv, token: &str, id: &str, method: &str, body: Value) -> Ans {
    s.post(token, &format!("/{id}/{method}"), body).await
}

#[tokio::test]
async fn types_details_visibility_until_closed() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    on(
        &s,
        ALICE,
        &r,
        "addTypes",
        json!({"types": ["foo", "othertype", "foo"]}),
    )
    .await
    .ok();
    on(
        &s,
        ALICE,
        &r,
        "removeTypes",
        json!({"types": ["foo", "absent"]}),
    )
    .await
    .ok();
    on(&s, ALICE, &r, "addTypes", json!({"types": "foo"}))
        .await
        .expect(422, "InvalidInput");
    on(&s, ALICE, &r, "addTypes", json!({}))
        .await
        .expect(422, "InvalidInput");
    on(&s, ALICE, &r, "addTypes", json!({"types": ["ΨΨ"]}))
        .await
        .expect(422, "InvalidInput");
    assert_eq!(
        s.describe(ALICE, &r, json!({})).await.body["types"],
        json!(["othertype"])
    );
    // setDetails takes the details as the body: an object or an array.
    on(&s, ALICE, &r, "setDetails", json!(["foo"])).await.ok();
    assert_eq!(
        on(&s, ALICE, &r, "getDetails", json!({})).await.ok(),
        &json!(["foo"])
    );
    on(
        &s,
        ALICE,
        &r,
        "setDetails",
        json!({"x": {"$dnanexus_link": r}}),
    )
    .await
    .ok();
    assert_eq!(
        s.describe(ALICE, &r, json!({})).await.body["links"],
        json!([r])
    );
    for bad in [
        json!("x"),
        json!(1),
        json!(null),
        json!({"$dnanexus_link": 1}),
    ] {
        on(&s, ALICE, &r, "setDetails", bad)
            .await
            .expect(422, "InvalidInput");
    }
    on(&s, ALICE, &r, "setVisibility", json!({"hidden": true}))
        .await
        .ok();
    assert_eq!(s.describe(ALICE, &r, json!({})).await.body["hidden"], true);
    on(&s, ALICE, &r, "setVisibility", json!({}))
        .await
        .expect(422, "InvalidInput");
    on(&s, ALICE, &r, "setVisibility", json!({"hidden": "no"}))
        .await
        .expect(422, "InvalidInput");
    s.invite_bob(&p, "VIEW").await;
    on(&s, BOB, &r, "addTypes", json!({"types": ["x"]}))
        .await
        .expect(401, "PermissionDenied");
    on(&s, BOB, &r, "setDetails", json!({}))
        .await
        .expect(401, "PermissionDenied");
    assert_eq!(
        on(&s, BOB, &r, "getDetails", json!({})).await.ok()["x"],
        json!({"$dnanexus_link": r})
    );
    on(&s, ALICE, &r, "close", json!({})).await.ok();
    on(&s, ALICE, &r, "addTypes", json!({"types": ["x"]}))
        .await
        .expect(422, "InvalidState");
    on(
        &s,
        ALICE,
        &r,
        "removeTypes",
        json!({"types": ["othertype"]}),
    )
    .await
    .expect(422, "InvalidState");
    on(&s, ALICE, &r, "setDetails", json!({}))
        .await
        .expect(422, "InvalidState");
    on(&s, ALICE, &r, "setVisibility", json!({"hidden": false}))
        .await
        .expect(422, "InvalidState");
    assert_eq!(
        on(&s, ALICE, &r, "getDetails", json!({})).await.ok()["x"],
        json!({"$dnanexus_link": r})
    );
    let missing = "record-000000000000000000000000";
    on(&s, ALICE, missing, "getDetails", json!({}))
        .await
        .expect(404, "ResourceNotFound");
    on(&s, ALICE, missing, "setDetails", json!({}))
        .await
        .expect(404, "ResourceNotFound");
}

#[tokio::test]
async fn per_project_metadata() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    on(&s, ALICE, &r, "rename", json!({"project": p, "name": "a"}))
        .await
        .ok();
    on(&s, ALICE, &r, "rename", json!({"project": p, "name": "b"}))
        .await
        .ok();
    on(
        &s,
        ALICE,
        &r,
        "setProperties",
        json!({"project": p, "properties": {"project": "cancer project", "foo": "bar"}}),
    )
    .await
    .ok();
    on(
        &s,
        ALICE,
        &r,
        "setProperties",
        json!({"project": p, "properties": {"project": null}}),
    )
    .await
    .ok();
    on(
        &s,
        ALICE,
        &r,
        "setProperties",
        json!({"project": p, "properties": {}}),
    )
    .await
    .ok();
    on(
        &s,
        ALICE,
        &r,
        "addTags",
        json!({"project": p, "tags": ["x", "é", "y"]}),
    )
    .await
    .ok();
    on(
        &s,
        ALICE,
        &r,
        "removeTags",
        json!({"project": p, "tags": ["x", "absent"]}),
    )
    .await
    .ok();
    let d = s.describe(ALICE, &r, json!({"properties": true})).await;
    assert_eq!(d.body["name"], "b");
    assert_eq!(d.body["properties"], json!({"foo": "bar"}));
    assert_eq!(d.body["tags"], json!(["é", "y"]));
    for (method, body) in [
        ("rename", json!({"project": p})),
        ("rename", json!({"project": p, "name": ""})),
        ("rename", json!({"project": p, "name": "a\nb"})),
        ("rename", json!({"name": "x"})),
        ("rename", json!({"project": 5, "name": "x"})),
        (
            "setProperties",
            json!({"project": p, "properties": {"k": 1}}),
        ),
        (
            "setProperties",
            json!({"project": p, "properties": {"k": "v".repeat(701)}}),
        ),
        ("setProperties", json!({"project": p})),
        ("addTags", json!({"project": p, "tags": [""]})),
        ("addTags", json!({"project": p, "tags": "x"})),
        ("removeTags", json!({"project": p})),
    ] {
        let a = on(&s, ALICE, &r, method, body.clone()).await;
        assert_eq!(
            (a.status, a.err()),
            (422, "InvalidInput"),
            "{method} {body}"
        );
    }
    on(
        &s,
        ALICE,
        &r,
        "rename",
        json!({"project": "record-000000000000000000000000", "name": "x"}),
    )
    .await
    .expect(422, "InvalidType");
    on(
        &s,
        ALICE,
        &r,
        "rename",
        json!({"project": "project-000000000000000000000000", "name": "x"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    let other = s.project(ALICE).await;
    on(
        &s,
        ALICE,
        &r,
        "rename",
        json!({"project": other, "name": "x"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    // UPLOAD while open, CONTRIBUTE once closed.
    s.invite_bob(&p, "VIEW").await;
    on(&s, BOB, &r, "addTags", json!({"project": p, "tags": ["b"]}))
        .await
        .expect(401, "PermissionDenied");
    s.invite_bob(&p, "UPLOAD").await;
    on(&s, BOB, &r, "addTags", json!({"project": p, "tags": ["b"]}))
        .await
        .ok();
    on(&s, ALICE, &r, "close", json!({})).await.ok();
    on(&s, BOB, &r, "rename", json!({"project": p, "name": "c"}))
        .await
        .expect(401, "PermissionDenied");
    s.invite_bob(&p, "CONTRIBUTE").await;
    on(&s, BOB, &r, "rename", json!({"project": p, "name": "c"}))
        .await
        .ok();
    on(
        &s,
        BOB,
        &r,
        "setProperties",
        json!({"project": p, "properties": {"z": "1"}}),
    )
    .await
    .ok();
    assert_eq!(s.describe(ALICE, &r, json!({})).await.body["name"], "c");
}

#[tokio::test]
async fn modified_strictly_increases() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let mut last = s.describe(ALICE, &r, json!({})).await.body["modified"]
        .as_i64()
        .unwrap();
    let created = s.describe(ALICE, &r, json!({})).await.body["created"]
        .as_i64()
        .unwrap();
    assert!(created <= last);
    for (method, body) in [
        ("addTags", json!({"project": p, "tags": ["a"]})),
        (
            "setProperties",
            json!({"project": p, "properties": {"a": "b"}}),
        ),
        ("rename", json!({"project": p, "name": "n"})),
        ("addTypes", json!({"types": ["T"]})),
        ("setDetails", json!({"d": 1})),
        ("setVisibility", json!({"hidden": true})),
        ("close", json!({})),
        ("removeTags", json!({"project": p, "tags": ["a"]})),
    ] {
        on(&s, ALICE, &r, method, body).await.ok();
        let m = s.describe(ALICE, &r, json!({})).await.body["modified"]
            .as_i64()
            .unwrap();
        assert!(m > last, "{method}: {m} <= {last}");
        last = m;
    }
}

#[tokio::test]
async fn list_projects_shows_viewable_copies() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let a = on(&s, ALICE, &r, "listProjects", json!({})).await;
    assert_eq!(a.ok(), &json!({p.clone(): "ADMINISTER"}));
    on(&s, BOB, &r, "listProjects", json!({}))
        .await
        .expect(401, "PermissionDenied");
    s.invite_bob(&p, "UPLOAD").await;
    assert_eq!(
        on(&s, BOB, &r, "listProjects", json!({})).await.ok(),
        &json!({p: "UPLOAD"})
    );
    on(
        &s,
        ALICE,
        "record-000000000000000000000000",
        "listProjects",
        json!({}),
    )
    .await
    .expect(404, "ResourceNotFound");
}
