//! What the suite runs against: the embedded reference server or an endpoint, and the
//! principals (owner, peer) it acts as.
//!
//! A [`Target`] resolves lazily, on the first trial that runs: `--list` must never start a
//! server or touch the network, and nextest runs one process per case. Resolution happens
//! outside `block_on` (it calls `RT.block_on` itself; STYLE.md §3.2).
//!
//! Tokens never appear in output: [`Principal`]'s `Debug` redacts them, and messages name
//! principals by role and user ID only.

use std::fmt;
use std::sync::OnceLock;

use serde_json::Value;

use crate::server;

use super::client::{self, Request};
use super::health::Health;

/// The embedded server's users: the owner and the peer, with fixed tokens (they only ever
/// live inside this process).
pub const EMBEDDED_OWNER: (&str, &str) = ("alice", "dxconform-embedded-owner-token");
pub const EMBEDDED_PEER: (&str, &str) = ("bob", "dxconform-embedded-peer-token");

/// A user the suite acts as.
#[derive(Clone)]
pub struct Principal {
    /// `user-…`.
    pub id: String,
    pub(crate) token: String,
}

impl Principal {
    pub fn token(&self) -> &str {
        &self.token
    }
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Principal")
            .field("id", &self.id)
            .field("token", &"[redacted]")
            .finish()
    }
}

/// An endpoint to test, as given on the command line or in the environment.
#[derive(Clone, Default)]
pub struct Endpoint {
    /// Base URL, e.g. `https://api.dnanexus.com` or `http://127.0.0.1:8124`.
    pub url: String,
    pub token: String,
    pub peer_token: Option<String>,
    /// A project billed to an org at its spending limit (for `Need::Billing`).
    pub limit_project: Option<String>,
    /// A project billed to an expired org.
    pub expired_project: Option<String>,
    /// A container the owner administers (for `Need::Container`).
    pub container: Option<String>,
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("url", &self.url)
            .field("token", &"[redacted]")
            .field(
                "peer_token",
                &self.peer_token.as_ref().map(|_| "[redacted]"),
            )
            .field("limit_project", &self.limit_project)
            .field("expired_project", &self.expired_project)
            .field("container", &self.container)
            .finish()
    }
}

/// Which target.
#[derive(Debug, Clone)]
pub enum TargetSpec {
    /// The reference server, started in-process with two users and the billing fixtures,
    /// with these faults and benign variants switched on (the self-check).
    Embedded {
        faults: Vec<String>,
        variants: Vec<String>,
    },
    Endpoint(Endpoint),
}

/// A target once started or identified.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Base URL without a trailing `/`.
    pub base: String,
    pub owner: Principal,
    pub peer: Option<Principal>,
    pub limit_project: Option<String>,
    pub expired_project: Option<String>,
    pub container: Option<String>,
    /// Whether the target still answers (one verdict for the run).
    pub health: Health,
}

/// A target, resolved on first use.
#[derive(Debug)]
pub struct Target {
    pub spec: TargetSpec,
    resolved: OnceLock<Result<Resolved, String>>,
}

impl Target {
    pub fn new(spec: TargetSpec) -> Self {
        Target {
            spec,
            resolved: OnceLock::new(),
        }
    }

    pub fn embedded(faults: Vec<String>) -> Self {
        Self::embedded_with(faults, Vec::new())
    }

    /// The reference server with these faults and benign variants switched on.
    pub fn embedded_with(faults: Vec<String>, variants: Vec<String>) -> Self {
        Self::new(TargetSpec::Embedded { faults, variants })
    }

    pub fn endpoint(endpoint: Endpoint) -> Self {
        Self::new(TargetSpec::Endpoint(endpoint))
    }

    /// One line for headers of reports.
    pub fn label(&self) -> String {
        match &self.spec {
            TargetSpec::Embedded { faults, variants } => {
                let mut label = "the embedded reference server".to_string();
                if !faults.is_empty() {
                    label.push_str(&format!(" with fault {}", faults.join(", ")));
                }
                if !variants.is_empty() {
                    label.push_str(&format!(" with variant {}", variants.join(", ")));
                }
                label
            }
            TargetSpec::Endpoint(e) => e.url.clone(),
        }
    }

    /// Whether the reference server without faults: the oracle snapshots are taken on.
    pub fn is_oracle(&self) -> bool {
        matches!(&self.spec, TargetSpec::Embedded { faults, variants } if faults.is_empty() && variants.is_empty())
    }

    /// Known before the run: is there a peer principal?
    pub fn has_peer(&self) -> bool {
        match &self.spec {
            TargetSpec::Embedded { .. } => true,
            TargetSpec::Endpoint(e) => e.peer_token.is_some(),
        }
    }

    /// Known before the run: is there a container fixture?
    pub fn has_container(&self) -> bool {
        match &self.spec {
            TargetSpec::Embedded { .. } => true,
            TargetSpec::Endpoint(e) => e.container.is_some(),
        }
    }

    /// Known before the run: are there billing fixtures?
    pub fn has_billing(&self) -> bool {
        match &self.spec {
            TargetSpec::Embedded { .. } => true,
            TargetSpec::Endpoint(e) => e.limit_project.is_some() && e.expired_project.is_some(),
        }
    }

    /// The target if it was resolved successfully already (never starts or asks anything:
    /// usable inside `block_on`).
    pub fn get(&self) -> Result<&Resolved, String> {
        match self.resolved.get() {
            Some(Ok(r)) => Ok(r),
            Some(Err(e)) => Err(e.clone()),
            None => Err("the target was not set up before the cases ran".into()),
        }
    }

    /// Start or identify the target (once). Call outside `RT.block_on`.
    pub fn resolve(&self) -> Result<&Resolved, String> {
        self.resolved
            .get_or_init(|| match &self.spec {
                TargetSpec::Embedded { faults, variants } => start_embedded(faults, variants),
                TargetSpec::Endpoint(e) => identify(e),
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

fn start_embedded(faults: &[String], variants: &[String]) -> Result<Resolved, String> {
    let config = server::Config {
        users: [EMBEDDED_OWNER, EMBEDDED_PEER]
            .iter()
            .map(|(h, t)| (h.to_string(), t.to_string()))
            .collect(),
        faults: faults.to_vec(),
        variants: variants.to_vec(),
        latency_ms: 0,
        billing_fixtures: true,
        log: false,
        closing_ms: 0,
    };
    config.validate()?;
    let running = client::RT
        .block_on(server::start(config))
        .map_err(|e| format!("cannot start the embedded reference server: {e}"))?;
    let base = format!("http://{}", running.addr);
    Ok(Resolved {
        health: Health::new(&base, EMBEDDED_OWNER.1),
        base,
        owner: Principal {
            id: format!("user-{}", EMBEDDED_OWNER.0),
            token: EMBEDDED_OWNER.1.into(),
        },
        peer: Some(Principal {
            id: format!("user-{}", EMBEDDED_PEER.0),
            token: EMBEDDED_PEER.1.into(),
        }),
        limit_project: running.fixtures.spending_limit_project,
        expired_project: running.fixtures.expired_org_project,
        container: running.fixtures.container,
    })
}

/// Ask the endpoint who a token belongs to.
fn whoami(base: &str, token: &str, role: &str) -> Result<String, String> {
    let answer = client::send(&Request::post_json(
        format!("{base}/system/whoami"),
        Some(token),
        &serde_json::json!({}),
    ))
    .map_err(|e| format!("cannot reach {base} (POST /system/whoami as the {role}): {e}"))?;
    match answer
        .json
        .as_ref()
        .and_then(|b| b.get("id"))
        .and_then(Value::as_str)
    {
        Some(id) if (200..300).contains(&answer.status) => Ok(id.to_string()),
        _ if answer.status == 401 => Err(format!(
            "the {role}'s token is not accepted: POST {base}/system/whoami answered 401: {} (check {})",
            answer.body_text(),
            if role == "owner" {
                "--token / DXCONFORM_TOKEN"
            } else {
                "--peer-token / DXCONFORM_PEER_TOKEN"
            }
        )),
        _ => Err(format!(
            "POST {base}/system/whoami with the {role}'s token answered {}: {} (is this a DNAnexus-compatible API, and the token valid?)",
            answer.status,
            answer.body_text()
        )),
    }
}

fn identify(e: &Endpoint) -> Result<Resolved, String> {
    let base = e.url.trim_end_matches('/').to_string();
    // Both at once: one round trip. The owner's verdict is read first.
    let (owner_id, peer_id) = std::thread::scope(|s| {
        let peer = e
            .peer_token
            .as_ref()
            .map(|t| s.spawn(|| whoami(&base, t, "peer")));
        let owner = whoami(&base, &e.token, "owner");
        let peer = peer.map(|h| {
            h.join()
                .unwrap_or_else(|_| Err("the peer's whoami panicked".into()))
        });
        (owner, peer)
    });
    let owner = Principal {
        id: owner_id?,
        token: e.token.clone(),
    };
    let peer = match (&e.peer_token, peer_id) {
        (Some(t), Some(id)) => Some(Principal {
            id: id?,
            token: t.clone(),
        }),
        _ => None,
    };
    if let Some(p) = &peer
        && p.id == owner.id
    {
        return Err(format!(
            "the owner and peer tokens both belong to {}: the peer must be another user",
            p.id
        ));
    }
    Ok(Resolved {
        health: Health::new(&base, owner.token()),
        base,
        owner,
        peer,
        limit_project: e.limit_project.clone(),
        expired_project: e.expired_project.clone(),
        container: e.container.clone(),
    })
}

/// Refuse to send a token over plain http to a host that is not this machine: a token
/// crossing a network in clear text is a leak (`--allow-insecure` accepts it knowingly).
pub fn check_transport(url: &str, allow_insecure: bool) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("--endpoint {url:?}: {e}"))?;
    match parsed.scheme() {
        "https" => return Ok(()),
        "http" => {}
        other => {
            return Err(format!(
                "--endpoint {url:?}: expected an http:// or https:// URL, not {other}://"
            ));
        }
    }
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(format!("--endpoint {url:?}: the URL names no host")),
    };
    if loopback || allow_insecure {
        Ok(())
    } else {
        Err(format!(
            "--endpoint {url}: refusing to send a token over plain http to a host other than this machine; use https, or pass --allow-insecure if you accept that risk"
        ))
    }
}

/// The endpoint the `dx` client's environment points at: `DX_APISERVER_PROTOCOL`,
/// `_HOST`, `_PORT` and the token in `DX_SECURITY_CONTEXT`. `None` unless the host is set.
pub fn dx_environment(get: impl Fn(&str) -> Option<String>) -> Option<(String, Option<String>)> {
    let host = get("DX_APISERVER_HOST").filter(|h| !h.is_empty())?;
    let protocol = get("DX_APISERVER_PROTOCOL")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "https".into());
    let url = match get("DX_APISERVER_PORT").filter(|p| !p.is_empty()) {
        Some(port) => format!("{protocol}://{host}:{port}"),
        None => format!("{protocol}://{host}"),
    };
    let token = get("DX_SECURITY_CONTEXT").and_then(|ctx| {
        serde_json::from_str::<Value>(&ctx)
            .ok()?
            .get("auth_token")?
            .as_str()
            .map(str::to_string)
    });
    Some((url, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dx_environment_builds_the_url_and_reads_the_token() {
        let env = |k: &str| match k {
            "DX_APISERVER_HOST" => Some("127.0.0.1".to_string()),
            "DX_APISERVER_PROTOCOL" => Some("http".to_string()),
            "DX_APISERVER_PORT" => Some("8124".to_string()),
            "DX_SECURITY_CONTEXT" => {
                Some(r#"{"auth_token_type": "Bearer", "auth_token": "T"}"#.to_string())
            }
            _ => None,
        };
        assert_eq!(
            dx_environment(env),
            Some(("http://127.0.0.1:8124".into(), Some("T".into())))
        );
        assert_eq!(dx_environment(|_| None), None);
    }

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "https://api.example.org",
            "http://127.0.0.1:8124",
            "http://localhost:1",
            "http://[::1]:2",
            "http://127.8.9.1",
        ] {
            assert!(check_transport(ok, false).is_ok(), "{ok}");
        }
        for bad in [
            "http://api.example.org",
            "http://10.0.0.1:80",
            "ftp://x",
            "http://",
        ] {
            assert!(check_transport(bad, false).is_err(), "{bad}");
        }
        assert!(check_transport("http://api.example.org", true).is_ok());
    }

    #[test]
    fn tokens_are_redacted_in_debug() {
        let p = Principal {
            id: "user-x".into(),
            token: "secret".into(),
        };
        assert!(!format!("{p:?}").contains("secret"));
        let e = Endpoint {
            token: "secret".into(),
            peer_token: Some("secret2".into()),
            ..Endpoint::default()
        };
        assert!(!format!("{e:?}").contains("secret"));
    }
}
