//! HTTP-level tests of folders, move, removeObjects and clone on the reference server.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::{Value, json};

async fn call(s: &Srv, p: &str, method: &str, body: Value) -> Ans {
    s.post(ALICE, &format!("/{p}/{method}"), body).await
}

#[tokio::test]
async fn new_and_list_folders() {
    let s = server().await;
    let p = s.project(ALICE).await;
    call(&s, &p, "newFolder", json!({"folder": "/a/b"}))
        .await
        .expect(404, "ResourceNotFound");
    call(&s, &p, "newFolder", json!({"folder": "/a"}))
        .await
        .ok();
    call(&s, &p, "newFolder", json!({"folder": "/a"}))
        .await
        .expect(422, "InvalidState");
    call(
        &s,
        &p,
        "newFolder",
        json!({"folder": "/a//b/", "parents": true}),
    )
    .await
    .ok();
    call(
        &s,
        &p,
        "newFolder",
        json!({"folder": "/a/b", "parents": true}),
    )
    .await
    .ok();
    call(&s, &p, "newFolder", json!({"folder": "a"}))
        .await
        .expect(422, "InvalidInput");
    call(&s, &p, "newFolder", json!({}))
        .await
        .expect(422, "InvalidInput");
    let r = s.record(&p, json!({"folder": "/a", "name": "x"})).await;
    let _hidden = s.record(&p, json!({"folder": "/a", "hidden": true})).await;
    let l = call(&s, &p, "listFolder", json!({})).await;
    assert_eq!(l.ok(), &json!({"folders": ["/a"], "objects": []}));
    let l = call(&s, &p, "listFolder", json!({"folder": "/a"})).await;
    assert_eq!(
        l.ok(),
        &json!({"folders": ["/a/b"], "objects": [{"id": r}]})
    );
    let l = call(
        &s,
        &p,
        "listFolder",
        json!({"folder": "/a", "includeHidden": true, "only": "objects"}),
    )
    .await;
    assert_eq!(l.ok()["objects"].as_array().unwrap().len(), 2);
    assert_eq!(l.body["folders"], json!([]));
    let l = call(
        &s,
        &p,
        "listFolder",
        json!({"folder": "/a", "describe": {"fields": {"name": true}}}),
    )
    .await;
    assert_eq!(
        l.ok()["objects"],
        json!([{"id": r, "describe": {"id": r, "name": "x"}}])
    );
    let l = call(&s, &p, "listFolder", json!({"hasSubfolderFlags": true})).await;
    assert_eq!(l.ok()["folders"], json!([["/a", true]]));
    call(&s, &p, "listFolder", json!({"folder": "/zz"}))
        .await
        .expect(404, "ResourceNotFound");
    call(&s, &p, "listFolder", json!({"only": "some"}))
        .await
        .expect(422, "InvalidInput");
    s.post(BOB, &format!("/{p}/listFolder"), json!({}))
        .await
        .expect(401, "PermissionDenied");
}

#[tokio::test]
async fn remove_folder() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s
        .record(&p, json!({"folder": "/a/b/c", "parents": true}))
        .await;
    call(&s, &p, "removeFolder", json!({"folder": "/"}))
        .await
        .expect(422, "InvalidInput");
    call(&s, &p, "removeFolder", json!({"folder": "/a"}))
        .await
        .expect(422, "InvalidState");
    call(&s, &p, "removeFolder", json!({"folder": "/nope"}))
        .await
        .expect(404, "ResourceNotFound");
    let f = call(
        &s,
        &p,
        "removeFolder",
        json!({"folder": "/nope", "force": true, "partial": true}),
    )
    .await;
    assert_eq!(f.ok()["completed"], true);
    s.invite_bob(&p, "UPLOAD").await;
    s.post(
        BOB,
        &format!("/{p}/removeFolder"),
        json!({"folder": "/a", "recurse": true}),
    )
    .await
    .expect(401, "PermissionDenied");
    let a = call(
        &s,
        &p,
        "removeFolder",
        json!({"folder": "/a//b////c/", "recurse": true, "partial": true}),
    )
    .await;
    assert_eq!(a.ok(), &json!({"id": p, "completed": true}));
    s.describe(ALICE, &r, json!({}))
        .await
        .expect(404, "ResourceNotFound");
    let l = call(&s, &p, "listFolder", json!({"folder": "/a"})).await;
    assert_eq!(l.ok()["folders"], json!(["/a/b"]));
    call(&s, &p, "removeFolder", json!({"folder": "/a"}))
        .await
        .expect(422, "InvalidState");
    s.post(
        BOB,
        &format!("/{p}/removeFolder"),
        json!({"folder": "/a", "recurse": true}),
    )
    .await
    .ok();
}

#[tokio::test]
async fn rename_and_move() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s
        .record(&p, json!({"folder": "/a/b/c/d", "parents": true}))
        .await;
    call(
        &s,
        &p,
        "move",
        json!({"folders": ["/a/b/c/d"], "destination": "/a"}),
    )
    .await
    .ok();
    let l = call(&s, &p, "listFolder", json!({"folder": "/a"})).await;
    assert_eq!(l.ok()["folders"], json!(["/a/b", "/a/d"]));
    assert_eq!(
        s.describe(ALICE, &r, json!({})).await.body["folder"],
        "/a/d"
    );
    call(
        &s,
        &p,
        "renameFolder",
        json!({"folder": "/a/d", "name": "e"}),
    )
    .await
    .ok();
    assert_eq!(
        s.describe(ALICE, &r, json!({})).await.body["folder"],
        "/a/e"
    );
    call(
        &s,
        &p,
        "renameFolder",
        json!({"folder": "/a", "newpath": "/z"}),
    )
    .await
    .ok();
    assert_eq!(
        s.describe(ALICE, &r, json!({})).await.body["folder"],
        "/z/e"
    );
    call(
        &s,
        &p,
        "renameFolder",
        json!({"folder": "/z/e", "newpath": "/z/b"}),
    )
    .await
    .expect(422, "InvalidState");
    call(&s, &p, "renameFolder", json!({"folder": "/q", "name": "w"}))
        .await
        .expect(404, "ResourceNotFound");
    call(&s, &p, "renameFolder", json!({"folder": "/", "name": "w"}))
        .await
        .expect(422, "InvalidInput");
    call(
        &s,
        &p,
        "renameFolder",
        json!({"folder": "/z", "newpath": "/z/y"}),
    )
    .await
    .expect(422, "InvalidInput");
    call(
        &s,
        &p,
        "move",
        json!({"objects": [r], "folders": [], "destination": "/", "targetFileRelocation": false}),
    )
    .await
    .ok();
    assert_eq!(s.describe(ALICE, &r, json!({})).await.body["folder"], "/");
    call(
        &s,
        &p,
        "move",
        json!({"objects": [r], "destination": "/nope"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    call(
        &s,
        &p,
        "move",
        json!({"objects": ["record-000000000000000000000000"], "destination": "/"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    call(
        &s,
        &p,
        "move",
        json!({"folders": ["/z"], "destination": "/z/b"}),
    )
    .await
    .expect(422, "InvalidInput");
}

#[tokio::test]
async fn remove_objects() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let missing = "record-000000000000000000000000";
    call(&s, &p, "removeObjects", json!({"objects": [missing]}))
        .await
        .expect(404, "ResourceNotFound");
    call(&s, &p, "removeObjects", json!({"objects": ["bad"]}))
        .await
        .expect(422, "InvalidInput");
    s.invite_bob(&p, "UPLOAD").await;
    s.post(BOB, &format!("/{p}/removeObjects"), json!({"objects": [r]}))
        .await
        .expect(401, "PermissionDenied");
    s.invite_bob(&p, "CONTRIBUTE").await;
    s.post(ALICE, &format!("/{p}/update"), json!({"protected": true}))
        .await
        .ok();
    s.post(BOB, &format!("/{p}/removeObjects"), json!({"objects": [r]}))
        .await
        .expect(401, "PermissionDenied");
    call(
        &s,
        &p,
        "removeObjects",
        json!({"objects": [r, missing], "force": true}),
    )
    .await
    .ok();
    s.describe(ALICE, &r, json!({}))
        .await
        .expect(404, "ResourceNotFound");
    assert_eq!(
        call(&s, &p, "listFolder", json!({})).await.body["objects"],
        json!([])
    );
}

#[tokio::test]
async fn clone_closed_objects_and_folders() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let q = s.project(ALICE).await;
    let open = s.record(&p, json!({})).await;
    let closed = s
        .record(&p, json!({"close": true, "tags": ["t"], "name": "n"}))
        .await;
    let inner = s
        .record(
            &p,
            json!({"close": true, "folder": "/d/e", "parents": true}),
        )
        .await;
    call(&s, &p, "clone", json!({"objects": [open], "project": q}))
        .await
        .expect(422, "InvalidState");
    let c = call(
        &s,
        &p,
        "clone",
        json!({"objects": [closed], "project": q, "destination": "/x", "parents": true}),
    )
    .await;
    assert_eq!(c.ok(), &json!({"id": p, "project": q, "exists": []}));
    let again = call(&s, &p, "clone", json!({"objects": [closed], "project": q})).await;
    assert_eq!(again.ok()["exists"], json!([closed]));
    call(&s, &p, "clone", json!({"folders": ["/d"], "project": q}))
        .await
        .ok();
    let l = call(&s, &q, "listFolder", json!({})).await;
    assert_eq!(l.ok()["folders"], json!(["/x", "/d"]));
    let l = call(&s, &q, "listFolder", json!({"folder": "/d/e"})).await;
    assert_eq!(l.ok()["objects"], json!([{"id": inner}]));
    let a = s.describe(ALICE, &closed, json!({"project": p})).await;
    let b = s.describe(ALICE, &closed, json!({"project": q})).await;
    assert_eq!(a.body["created"], b.body["created"]);
    assert_eq!(b.body["tags"], json!(["t"]));
    assert_eq!(b.body["folder"], "/x");
    s.post(
        ALICE,
        &format!("/{closed}/rename"),
        json!({"project": q, "name": "m"}),
    )
    .await
    .ok();
    assert_eq!(
        s.describe(ALICE, &closed, json!({"project": p})).await.body["name"],
        "n"
    );
    let lp = s
        .post(ALICE, &format!("/{closed}/listProjects"), json!({}))
        .await;
    assert_eq!(
        lp.ok(),
        &json!({p.clone(): "ADMINISTER", q.clone(): "ADMINISTER"})
    );
    call(
        &s,
        &p,
        "clone",
        json!({"objects": [closed], "project": "record-000000000000000000000000"}),
    )
    .await
    .expect(422, "InvalidType");
    call(
        &s,
        &p,
        "clone",
        json!({"objects": [closed], "project": q, "destination": "/nope"}),
    )
    .await
    .expect(404, "ResourceNotFound");
    let bp = s.project(BOB).await;
    call(&s, &p, "clone", json!({"objects": [closed], "project": bp}))
        .await
        .expect(401, "PermissionDenied");
}

/// "Removing objects also removes hidden objects that are no longer reachable through links
/// from any visible object in the same container" (folders-and-deletion): a hidden record
/// reachable only through the removed one goes with it, transitively; a hidden record still
/// linked from another visible one stays, and so does one nothing ever linked to.
#[tokio::test]
async fn remove_objects_takes_unreachable_hidden_objects_along() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let deep = s.record(&p, json!({"hidden": true})).await;
    let inner = s
        .record(
            &p,
            json!({"hidden": true, "details": {"x": {"$dnanexus_link": deep}}}),
        )
        .await;
    let shared = s.record(&p, json!({"hidden": true})).await;
    let loner = s.record(&p, json!({"hidden": true})).await;
    let visible = s
        .record(
            &p,
            json!({"details": [{"$dnanexus_link": inner}, {"$dnanexus_link": shared}]}),
        )
        .await;
    let _keeper = s
        .record(&p, json!({"details": {"$dnanexus_link": shared}}))
        .await;
    call(&s, &p, "removeObjects", json!({"objects": [visible]}))
        .await
        .ok();
    for gone in [&visible, &inner, &deep] {
        s.describe(ALICE, gone, json!({"project": p}))
            .await
            .expect(404, "ResourceNotFound");
    }
    for kept in [&shared, &loner] {
        s.describe(ALICE, kept, json!({"project": p})).await.ok();
    }
}

/// "A linked hidden object is (almost always) ... cloned with its closest visible
/// ancestor": cloning a visible record brings the closed hidden records it links to,
/// transitively, into the same destination folder; unlinked hidden records stay behind.
#[tokio::test]
async fn clone_carries_linked_hidden_objects_along() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let q = s.project(ALICE).await;
    let deep = s.record(&p, json!({"hidden": true, "close": true})).await;
    let inner = s
        .record(
            &p,
            json!({"hidden": true, "close": true, "details": {"$dnanexus_link": deep}}),
        )
        .await;
    let loner = s.record(&p, json!({"hidden": true, "close": true})).await;
    let visible = s
        .record(
            &p,
            json!({"close": true, "details": {"$dnanexus_link": inner}}),
        )
        .await;
    call(
        &s,
        &p,
        "clone",
        json!({"objects": [visible], "project": q, "destination": "/d", "parents": true}),
    )
    .await
    .ok();
    for carried in [&visible, &inner, &deep] {
        let d = s.describe(ALICE, carried, json!({"project": q})).await;
        assert_eq!(d.ok()["project"], json!(q), "{carried} not cloned");
        assert_eq!(d.ok()["folder"], json!("/d"));
    }
    let listed = s
        .post(ALICE, &format!("/{loner}/listProjects"), json!({}))
        .await;
    assert!(
        listed.ok().get(&q).is_none(),
        "unlinked hidden record was cloned"
    );
}
