//! Concurrency on the reference server: many connections writing to one object lose
//! nothing, and concurrent retries with one nonce create one record.

#[path = "server/common.rs"]
mod common;

use std::sync::Arc;

use common::*;
use serde_json::json;

/// 50 concurrent addTags and 50 concurrent setProperties to one record: all land.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_lost_updates() {
    let s = Arc::new(server().await);
    let p = s.project(ALICE).await;
    let r = s.record(&p, json!({})).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (s1, p1, r1) = (s.clone(), p.clone(), r.clone());
        tasks.push(tokio::spawn(async move {
            let (s, p, r) = (s1, p1, r1);
            s.post(
                ALICE,
                &format!("/{r}/addTags"),
                json!({"project": p, "tags": [format!("t{i}")]}),
            )
            .await
            .status
        }));
        let (s2, p2, r2) = (s.clone(), p.clone(), r.clone());
        tasks.push(tokio::spawn(async move {
            let (s, p, r) = (s2, p2, r2);
            s.post(
                ALICE,
                &format!("/{r}/setProperties"),
                json!({"project": p, "properties": {format!("k{i}"): "v"}}),
            )
            .await
            .status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    let d = s.describe(ALICE, &r, json!({"properties": true})).await;
    assert_eq!(d.ok()["tags"].as_array().unwrap().len(), 50);
    assert_eq!(d.body["properties"].as_object().unwrap().len(), 50);
}

/// 20 concurrent record/new with one nonce: one record, twenty identical answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_record_per_nonce() {
    let s = Arc::new(server().await);
    let p = s.project(ALICE).await;
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (s1, p1) = (s.clone(), p.clone());
        tasks.push(tokio::spawn(async move {
            let (s, p) = (s1, p1);
            s.post(
                ALICE,
                "/record/new",
                json!({"project": p, "name": "n", "nonce": "same"}),
            )
            .await
            .body
        }));
    }
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
    let l = s.post(ALICE, &format!("/{p}/listFolder"), json!({})).await;
    assert_eq!(l.ok()["objects"], json!([{"id": answers[0]["id"]}]));
}

/// Hostile requests in parallel with normal traffic never take the server down.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_requests_do_not_break_the_server() {
    let s = Arc::new(server().await);
    let p = s.project(ALICE).await;
    let bodies: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02".to_vec(),
        "[".repeat(200_000).into_bytes(),
        format!(
            "{{\"project\": \"{p}\", \"details\": {}1{}}}",
            "[".repeat(200),
            "]".repeat(200)
        )
        .into_bytes(),
        format!("{{\"project\": \"{p}\", \"name\": 1e999}}").into_bytes(),
        format!("{{\"project\": \"{p}\", \"hidden\": 99999999999999999999999999999}}").into_bytes(),
        format!("{{\"project\": \"{p}\", \"properties\": {{\"k\": {{\"a\": [1]}}}}}}").into_bytes(),
        vec![b'{'; 10_000],
        br#"{"project": "project-\u0000"}"#.to_vec(),
    ];
    let mut tasks = Vec::new();
    for (i, b) in bodies.into_iter().enumerate() {
        let s1 = s.clone();
        tasks.push(tokio::spawn(async move {
            let a = s1
                .raw("POST", "/record/new", Some(ALICE), &[], Some(b))
                .await;
            (i, a.status, a.body)
        }));
    }
    for t in tasks {
        let (i, status, body) = t.await.unwrap();
        assert!((400..500).contains(&status), "body {i}: {status} {body}");
    }
    // Deep but legal details work.
    let deep = format!(
        "{{\"project\": \"{p}\", \"details\": {}1{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    s.raw(
        "POST",
        "/record/new",
        Some(ALICE),
        &[],
        Some(deep.into_bytes()),
    )
    .await
    .ok();
    s.post(ALICE, "/system/whoami", json!({})).await.ok();
}
