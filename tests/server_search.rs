//! HTTP-level tests of the search and bulk routes on the reference server.

#[path = "server/common.rs"]
mod common;

use common::*;
use serde_json::{Value, json};

async fn find(s: &Srv, token: &str, body: Value) -> Ans {
    s.post(token, "/system/findDataObjects", body).await
}

fn ids(a: &Ans) -> Vec<String> {
    a.body["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results: {}", a.body))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn find_data_objects_filters() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let bar = s.record(&p, json!({"name": "bar", "tags": ["t1", "t2"], "types": ["T"], "properties": {"k": "", "j": "v"}})).await;
    let baz = s.record(&p, json!({"name": "baz", "folder": "/f", "parents": true, "close": true, "details": {"l": {"$dnanexus_link": bar}}})).await;
    let star = s.record(&p, json!({"name": "b*", "hidden": true})).await;
    let sc = |extra: Value| {
        let mut b = json!({"scope": {"project": p}});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let all = find(&s, ALICE, sc(json!({}))).await;
    let mut got = ids(&all);
    got.sort();
    let mut want = vec![bar.clone(), baz.clone()];
    want.sort();
    assert_eq!(got, want, "hidden objects are left out by default");
    assert_eq!(all.body["next"], Value::Null);
    assert_eq!(all.body["results"][0].as_object().unwrap().len(), 2);
    let one = |body: Value, want: Vec<&String>| {
        let s = &s;
        let mut want: Vec<String> = want.into_iter().cloned().collect();
        want.sort();
        async move {
            let a = find(s, ALICE, body.clone()).await;
            let mut got = ids(&a);
            got.sort();
            assert_eq!(got, want, "{body}");
        }
    };
    one(sc(json!({"state": "open"})), vec![&bar]).await;
    one(sc(json!({"state": "closed"})), vec![&baz]).await;
    one(sc(json!({"visibility": "hidden"})), vec![&star]).await;
    one(
        sc(json!({"visibility": "either", "name": "b*"})),
        vec![&star],
    )
    .await;
    one(
        sc(json!({"visibility": "either", "name": {"glob": "ba*"}})),
        vec![&bar, &baz],
    )
    .await;
    one(sc(json!({"name": {"regexp": "^ba.*"}})), vec![&bar, &baz]).await;
    one(
        sc(json!({"name": {"regexp": "^BA", "flags": "i"}})),
        vec![&bar, &baz],
    )
    .await;
    one(sc(json!({"properties": {"k": true}})), vec![&bar]).await;
    one(sc(json!({"properties": {"k": ""}})), vec![&bar]).await;
    one(sc(json!({"properties": {"j": "w"}})), vec![]).await;
    one(sc(json!({"type": "T"})), vec![&bar]).await;
    one(sc(json!({"tags": {"$and": ["t1", "t2"]}})), vec![&bar]).await;
    one(sc(json!({"tag": "t2"})), vec![&bar]).await;
    one(sc(json!({"link": bar})), vec![&baz]).await;
    one(sc(json!({"class": "record"})), vec![&bar, &baz]).await;
    one(sc(json!({"class": "file"})), vec![]).await;
    one(json!({"scope": {"project": p, "folder": "/f"}}), vec![&baz]).await;
    one(
        json!({"scope": {"project": p, "folder": "/", "recurse": false}}),
        vec![&bar],
    )
    .await;
    one(sc(json!({"id": [baz]})), vec![&baz]).await;
    let created = s.describe(ALICE, &baz, json!({})).await.body["created"]
        .as_i64()
        .unwrap();
    one(sc(json!({"created": {"after": created + 100_000}})), vec![]).await;
    one(sc(json!({"modified": {"before": 0}})), vec![]).await;
    one(sc(json!({"modified": {"after": 0}})), vec![&bar, &baz]).await;
    // Without scope: every viewable project; bob sees nothing until invited.
    one(json!({"name": "bar"}), vec![&bar]).await;
    assert!(ids(&find(&s, BOB, json!({})).await).is_empty());
    find(&s, BOB, json!({"scope": {"project": p}}))
        .await
        .expect(401, "PermissionDenied");
    find(
        &s,
        ALICE,
        json!({"scope": {"project": "project-000000000000000000000000"}}),
    )
    .await
    .expect(404, "ResourceNotFound");
    for bad in [
        json!({"state": "shut"}),
        json!({"visibility": "all"}),
        json!({"name": 5}),
        json!({"name": {"regexp": "("}}),
        json!({"limit": 0}),
        json!({"scope": {}}),
        json!({"describe": "yes"}),
        json!({"starting": "bogus"}),
        json!({"properties": {"k": 1}}),
    ] {
        find(&s, ALICE, bad).await.expect(422, "InvalidInput");
    }
    let d = find(
        &s,
        ALICE,
        sc(json!({"name": "bar", "describe": {"fields": {"name": true}}})),
    )
    .await;
    assert_eq!(
        d.ok()["results"][0]["describe"],
        json!({"id": bar, "name": "bar"})
    );
}

#[tokio::test]
async fn find_data_objects_pages() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let mut made = Vec::new();
    for _ in 0..7 {
        made.push(s.record(&p, json!({})).await);
    }
    let mut seen = Vec::new();
    let mut starting = Value::Null;
    loop {
        let mut body = json!({"scope": {"project": p}, "limit": 3});
        if !starting.is_null() {
            body["starting"] = starting.clone();
        }
        let a = find(&s, ALICE, body).await;
        seen.extend(ids(&a));
        starting = a.body["next"].clone();
        if starting.is_null() {
            break;
        }
    }
    made.reverse();
    assert_eq!(seen, made, "newest first, each once");
}

#[tokio::test]
async fn describe_and_resolve_data_objects() {
    let s = server().await;
    let p = s.project(ALICE).await;
    let r = s
        .record(
            &p,
            json!({"name": "x", "folder": "/f", "parents": true, "properties": {"a": "b"}}),
        )
        .await;
    let d = s
        .post(ALICE, "/system/describeDataObjects", json!({"objects": [r, {"id": r, "describe": {"fields": {"name": true}}}, "record-000000000000000000000000"],
            "classDescribeOptions": {"*": {"properties": true}}}))
        .await;
    let res = d.ok()["results"].as_array().unwrap();
    assert_eq!(res.len(), 3);
    assert_eq!(res[0]["describe"]["properties"], json!({"a": "b"}));
    assert_eq!(res[0]["describe"]["name"], "x");
    assert_eq!(res[1]["describe"], json!({"id": r, "name": "x"}));
    assert_eq!(res[2]["error"]["type"], "ResourceNotFound");
    s.post(
        ALICE,
        "/system/describeDataObjects",
        json!({"objects": [5]}),
    )
    .await
    .expect(422, "InvalidInput");
    let res = s
        .post(ALICE, "/system/resolveDataObjects", json!({"project": p, "objects": [{"name": "x", "folder": "/f"}, {"name": "x"}, {"name": "y", "folder": "/f"}]}))
        .await;
    assert_eq!(
        res.ok()["results"],
        json!([[{"project": p, "id": r}], [], []])
    );
    s.post(
        ALICE,
        "/system/resolveDataObjects",
        json!({"objects": [{"name": "x"}]}),
    )
    .await
    .expect(422, "InvalidInput");
}

#[tokio::test]
async fn find_projects_and_apps() {
    let s = server().await;
    let p = s
        .post(
            ALICE,
            "/project/new",
            json!({"name": "demo", "tags": ["t"], "properties": {"k": "v"}}),
        )
        .await
        .id();
    let other = s.project(ALICE).await;
    let a = s
        .post(
            ALICE,
            "/system/findProjects",
            json!({"name": "demo", "describe": true, "explicitPermission": true, "limit": 100}),
        )
        .await;
    let res = a.ok()["results"].as_array().unwrap();
    assert_eq!(res.len(), 1);
    assert_eq!(res[0]["id"], p.as_str());
    assert_eq!(res[0]["level"], "ADMINISTER");
    assert_eq!(res[0]["describe"]["name"], "demo");
    assert_eq!(a.body["next"], Value::Null);
    let g = s
        .post(
            ALICE,
            "/system/findProjects",
            json!({"name": {"glob": "de*"}, "tags": {"$and": ["t"]}, "properties": {"k": true}}),
        )
        .await;
    assert_eq!(g.ok()["results"].as_array().unwrap().len(), 1);
    s.invite_bob(&other, "VIEW").await;
    let b = s.post(BOB, "/system/findProjects", json!({})).await;
    assert_eq!(b.ok()["results"], json!([{"id": other, "level": "VIEW"}]));
    let b = s
        .post(BOB, "/system/findProjects", json!({"level": "UPLOAD"}))
        .await;
    assert_eq!(b.ok()["results"], json!([]));
    s.post(ALICE, "/system/findProjects", json!({"level": "OWNER"}))
        .await
        .expect(422, "InvalidInput");
    for route in ["/system/findApps", "/system/findGlobalWorkflows"] {
        let a = s
            .post(
                ALICE,
                route,
                json!({"name": "x", "describe": true, "limit": 100}),
            )
            .await;
        assert_eq!(a.ok(), &json!({"results": [], "next": null}));
    }
}
