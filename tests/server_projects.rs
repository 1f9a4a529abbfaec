//! HTTP-level tests of the project routes on the reference server: creation, describe,
//! update, sharing (invite, decreasePermissions, leave), tags, properties, destroy.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn new_project_defaults_and_describe() {
    let s = server().await;
    let p = s.project(ALICE).await;
    assert!(
        regex::Regex::new("^project-[0-9A-Za-z]{24}$")
            .unwrap()
            .is_match(&p)
    );
    let d = s.post(ALICE, &format!("/{p}/describe"), json!({})).await;
    let d = d.ok();
    assert_eq!(d["name"], "scratch");
    assert_eq!(d["class"], "project");
    assert_eq!(d["level"], "ADMINISTER");
    assert_eq!(d["summary"], "");
    assert_eq!(d["protected"], false);
    assert_eq!(d["tags"], json!([]));
    assert_eq!(d["databaseResultsRestricted"], json!(null));
    assert!(d.get("properties").is_none() && d.get("permissions").is_none());
    let d = s
        .post(
            ALICE,
            &format!("/{p}/describe"),
            json!({"fields": {"permissions": true, "folders": true}}),
        )
        .await;
    assert_eq!(
        d.ok(),
        &json!({"id": p, "permissions": {"user-alice": "ADMINISTER"}, "folders": ["/"]})
    );
    let d = s
        .post(
            ALICE,
            &format!("/{p}/describe"),
            json!({"properties": true}),
        )
        .await;
    assert_eq!(d.ok()["properties"], json!({}));
    s.post(ALICE, "/project/new", json!({}))
        .await
        .expect(422, "InvalidInput");
    s.post(ALICE, "/project/new", json!({"name": 5}))
        .await
        .expect(422, "InvalidInput");
    s.post(
        ALICE,
        "/project/new",
        json!({"name": "x", "region": "mars:1"}),
    )
    .await
    .expect(422, "InvalidInput");
    s.post(
        ALICE,
        "/project/new",
        json!({"name": "x", "containsPHI": true}),
    )
    .await
    .expect(401, "PermissionDenied");
    let given = s
        .post(
            ALICE,
            "/project/new",
            json!({"name": "pröject", "protected": true, "description": "d",
            "tags": ["t"], "properties": {"k": "v"}}),
        )
        .await
        .id();
    let d = s
        .post(
            ALICE,
            &format!("/{given}/describe"),
            json!({"fields": {"name": true, "protected": true,
            "description": true, "tags": true, "properties": true}}),
        )
        .await;
    assert_eq!(
        d.ok(),
        &json!({"id": given, "name": "pröject", "protected": true, "description": "d", "tags": ["t"], "properties": {"k": "v"}})
    );
}

#[tokio::test]
async fn sharing_levels() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let desc = format!("/{p}/describe");
    s.post(BOB, &desc, json!({}))
        .await
        .expect(401, "PermissionDenied");
    let inv = s
        .post(
            ALICE,
            &format!("/{p}/invite"),
            json!({"invitee": "user-bob", "level": "VIEW", "suppressEmailNotification": true}),
        )
        .await;
    assert_eq!(inv.ok()["id"], p.as_str());
    assert!(inv.body["state"].is_string());
    assert_eq!(s.post(BOB, &desc, json!({})).await.ok()["level"], "VIEW");
    // Only administrators invite.
    s.post(
        BOB,
        &format!("/{p}/invite"),
        json!({"invitee": "user-bob", "level": "ADMINISTER"}),
    )
    .await
    .expect(401, "PermissionDenied");
    s.post(
        ALICE,
        &format!("/{p}/invite"),
        json!({"invitee": "user-nobody", "level": "VIEW"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    s.post(
        ALICE,
        &format!("/{p}/invite"),
        json!({"invitee": "user-bob", "level": "OWNER"}),
    )
    .await
    .expect(422, "InvalidInput");
    s.post(
        ALICE,
        &format!("/{p}/invite"),
        json!({"invitee": "PUBLIC", "level": "UPLOAD"}),
    )
    .await
    .expect(422, "InvalidInput");
    s.invite_bob(&p, "CONTRIBUTE").await;
    assert_eq!(
        s.post(BOB, &desc, json!({})).await.ok()["level"],
        "CONTRIBUTE"
    );
    s.post(
        ALICE,
        &format!("/{p}/decreasePermissions"),
        json!({"user-bob": "ADMINISTER"}),
    )
    .await
    .expect(422, "InvalidInput");
    s.post(
        ALICE,
        &format!("/{p}/decreasePermissions"),
        json!({"user-bob": "UPLOAD"}),
    )
    .await
    .ok();
    assert_eq!(s.post(BOB, &desc, json!({})).await.ok()["level"], "UPLOAD");
    s.post(
        BOB,
        &format!("/{p}/decreasePermissions"),
        json!({"user-alice": "VIEW"}),
    )
    .await
    .expect(401, "PermissionDenied");
    s.post(BOB, &format!("/{p}/leave"), json!({})).await.ok();
    s.post(BOB, &desc, json!({}))
        .await
        .expect(401, "PermissionDenied");
    s.post(ALICE, &format!("/{p}/leave"), json!({}))
        .await
        .expect(422, "InvalidState");
    s.invite_bob(&p, "VIEW").await;
    s.post(
        ALICE,
        &format!("/{p}/decreasePermissions"),
        json!({"user-bob": null}),
    )
    .await
    .ok();
    s.post(BOB, &desc, json!({}))
        .await
        .expect(401, "PermissionDenied");
}

#[tokio::test]
async fn update_tags_properties() {
    let s = server().await;
    let p = s.project(ALICE).await;
    s.post(
        ALICE,
        &format!("/{p}/update"),
        json!({"name": "N", "protected": true}),
    )
    .await
    .ok();
    s.post(ALICE, &format!("/{p}/update"), json!({"name": ""}))
        .await
        .expect(422, "InvalidInput");
    s.post(
        ALICE,
        &format!("/{p}/update"),
        json!({"downloadRestricted": true}),
    )
    .await
    .ok();
    s.post(
        ALICE,
        &format!("/{p}/update"),
        json!({"downloadRestricted": false}),
    )
    .await
    .expect(422, "InvalidInput");
    s.post(ALICE, &format!("/{p}/addTags"), json!({"tags": ["a", "b"]}))
        .await
        .ok();
    s.post(
        ALICE,
        &format!("/{p}/removeTags"),
        json!({"tags": ["a", "z"]}),
    )
    .await
    .ok();
    s.post(
        ALICE,
        &format!("/{p}/setProperties"),
        json!({"properties": {"k": "v", "j": "w"}}),
    )
    .await
    .ok();
    s.post(
        ALICE,
        &format!("/{p}/setProperties"),
        json!({"properties": {"j": null}}),
    )
    .await
    .ok();
    s.post(ALICE, &format!("/{p}/addTags"), json!({"tags": [""]}))
        .await
        .expect(422, "InvalidInput");
    let d = s
        .post(
            ALICE,
            &format!("/{p}/describe"),
            json!({"fields": {"name": true, "tags": true, "properties": true, "protected": true}}),
        )
        .await;
    assert_eq!(
        d.ok(),
        &json!({"id": p, "name": "N", "tags": ["b"], "properties": {"k": "v"}, "protected": true})
    );
    s.invite_bob(&p, "UPLOAD").await;
    s.post(BOB, &format!("/{p}/update"), json!({"name": "M"}))
        .await
        .expect(401, "PermissionDenied");
    s.post(BOB, &format!("/{p}/addTags"), json!({"tags": ["x"]}))
        .await
        .expect(401, "PermissionDenied");
}

#[tokio::test]
async fn destroy() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    s.invite_bob(&p, "CONTRIBUTE").await;
    s.post(
        BOB,
        &format!("/{p}/destroy"),
        json!({"terminateJobs": true}),
    )
    .await
    .expect(401, "PermissionDenied");
    let a = s
        .post(
            ALICE,
            &format!("/{p}/destroy"),
            json!({"terminateJobs": true}),
        )
        .await;
    assert_eq!(a.ok(), &json!({"id": p}));
    s.post(ALICE, &format!("/{p}/describe"), json!({}))
        .await
        .expect(404, "ResourceNotFound");
    s.post(ALICE, &format!("/{p}/destroy"), json!({}))
        .await
        .expect(404, "ResourceNotFound");
    s.describe(ALICE, &r, json!({}))
        .await
        .expect(404, "ResourceNotFound");
}
