//! Shared helpers for the reference server's HTTP-level tests: start a server with two
//! users (and the billing fixtures) on the test's runtime, and send raw requests.

#![allow(dead_code)]

use dxconform::server::{Config, Running, start};
use reqwest::header::HeaderMap;
use serde_json::Value;

pub const ALICE: &str = "alice-token";
pub const BOB: &str = "bob-token";

/// A started server and a client for it.
pub struct Srv {
    pub running: Running,
    pub client: reqwest::Client,
}

/// An answer: status, headers, parsed body (Null if not JSON).
pub struct Ans {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Ans {
    /// The error type, or "" for a success.
    pub fn err(&self) -> &str {
        self.body["error"]["type"].as_str().unwrap_or("")
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "expected success, got {}", self.body);
        &self.body
    }

    #[track_caller]
    pub fn expect(&self, status: u16, kind: &str) {
        assert_eq!(
            (self.status, self.err()),
            (status, kind),
            "unexpected answer {}",
            self.body
        );
        let msg = self.body["error"]["message"].as_str().unwrap_or("");
        assert!(!msg.is_empty(), "error message missing: {}", self.body);
    }

    pub fn id(&self) -> String {
        self.body["id"].as_str().unwrap_or_default().to_string()
    }
}

/// Read a response whole.
pub async fn answer(resp: reqwest::Response) -> Ans {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let raw = resp.bytes().await.expect("body").to_vec();
    let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Ans {
        status,
        headers,
        body,
        raw,
    }
}

pub async fn server() -> Srv {
    server_with(Config::default()).await
}

pub async fn server_with(mut config: Config) -> Srv {
    config.users = vec![("alice".into(), ALICE.into()), ("bob".into(), BOB.into())];
    config.billing_fixtures = true;
    config.validate().expect("valid config");
    let running = start(config).await.expect("server starts");
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    Srv { running, client }
}

impl Srv {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.running.addr, path)
    }

    /// A raw request: method, path, optional token, extra headers, raw body.
    pub async fn raw(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Ans {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        answer(req.send().await.expect("request sent")).await
    }

    /// POST a JSON body as `token`'s user.
    pub async fn post(&self, token: &str, path: &str, body: Value) -> Ans {
        self.raw(
            "POST",
            path,
            Some(token),
            &[("Content-Type", "application/json")],
            Some(serde_json::to_vec(&body).expect("json")),
        )
        .await
    }

    /// A new project of alice's.
    pub async fn project(&self, token: &str) -> String {
        let a = self
            .post(
                token,
                "/project/new",
                serde_json::json!({"name": "scratch"}),
            )
            .await;
        a.ok();
        a.id()
    }

    /// Invite bob to `project` at `level` (as alice).
    pub async fn invite_bob(&self, project: &str, level: &str) {
        self.post(
            ALICE,
            &format!("/{project}/invite"),
            serde_json::json!({"invitee": "user-bob", "level": level, "suppressEmailNotification": true}),
        )
        .await
        .ok();
    }

    /// A new record in `project` with extra fields.
    pub async fn record(&self, project: &str, extra: Value) -> String {
        let mut body = serde_json::json!({ "project": project });
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                b.insert(k.clone(), v.clone());
            }
        }
        let a = self.post(ALICE, "/record/new", body).await;
        a.ok();
        a.id()
    }

    pub async fn describe(&self, token: &str, id: &str, body: Value) -> Ans {
        self.post(token, &format!("/{id}/describe"), body).await
    }
}
