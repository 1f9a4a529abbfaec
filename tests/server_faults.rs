//! The fault mechanism on the reference server: each example fault changes what the
//! documentation says it breaks, and nothing when it is off.

#[path = "server/common.rs"]
mod common;

use common::*;
use dxconform::server::Config;
use serde_json::json;

async fn with_fault(name: &str) -> Srv {
    server_with(Config {
        faults: vec![name.to_string()],
        ..Config::default()
    })
    .await
}

#[tokio::test]
async fn describe_drops_links() {
    let s = with_fault("describe-drops-links").await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let d = s.describe(ALICE, &r, json!({})).await;
    assert!(d.ok().get("links").is_none() && d.body.get("name").is_some());
    let healthy = server().await;
    let p = healthy.project(ALICE).await;
    let r = healthy.record(&p, json!({})).await;
    assert!(
        healthy
            .describe(ALICE, &r, json!({}))
            .await
            .ok()
            .get("links")
            .is_some()
    );
}

#[tokio::test]
async fn close_not_idempotent() {
    let s = with_fault("close-not-idempotent").await;
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    s.post(ALICE, &format!("/{r}/close"), json!({})).await.ok();
    s.post(ALICE, &format!("/{r}/close"), json!({}))
        .await
        .expect(422, "InvalidState");
}

#[tokio::test]
async fn nonce_ignored() {
    let s = with_fault("nonce-ignored").await;
    let p = s.project(ALICE).await;
    let body = json!({"project": p, "nonce": "n"});
    let a = s.post(ALICE, "/record/new", body.clone()).await;
    let b = s.post(ALICE, "/record/new", body).await;
    assert_ne!(a.ok()["id"], b.ok()["id"]);
}

#[test]
fn unknown_faults_fail_validation() {
    let c = Config {
        faults: vec!["no-such-fault".into()],
        ..Config::default()
    };
    assert!(c.validate().unwrap_err().contains("no-such-fault"));
}
