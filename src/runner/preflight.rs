//! The set-up check: before any case runs, prove that the target can be tested at all, so
//! that a broken set-up ends at once with one message and exit status 2 instead of every
//! case failing with the same cause (issue 10, point 2).
//!
//! What is checked, in order, each with its own message:
//!
//! - the target starts (embedded) or answers at all (endpoint), within `--timeout`;
//! - the owner's token is accepted (`/system/whoami`), and so is the peer's, which must
//!   belong to another user;
//! - the billing fixtures, when given: each project exists, the owner can write to it
//!   (CONTRIBUTE or more), and it refuses `/record/new`. Refusing with the other
//!   fixture's error type means the two were given the wrong way round. Accepting means
//!   the project is not at its limit (or its org not expired): the record made is removed
//!   again, and the set-up is wrong. A refusal with some other error is left for the
//!   billing cases to judge: that is the endpoint's conformance, not the set-up.
//! - the owner can create a scratch project (marked as the run's, as every case's is) and
//!   destroy it again: without that (no billing account, a read-only token) every case
//!   would fail the same way.
//!
//! Fault and variant names and the transport's safety are checked earlier still, with the
//! command line ([`crate::cli`]).

use serde_json::{Value, json};

use super::client::{self, Answer, Request};
use super::target::{Target, TargetSpec};

/// What the set-up check found, for the run's header.
#[derive(Debug, Clone)]
pub struct Setup {
    pub lines: Vec<String>,
}

/// Where the owner's calls go: known from the command line before the target is
/// identified, so that the checks need not wait for `/system/whoami`.
struct Owner {
    base: String,
    token: String,
}

fn owner_call(r: &Owner, path: &str, body: Value) -> Result<Answer, String> {
    client::send(&Request::post_json(
        format!("{}{path}", r.base),
        Some(&r.token),
        &body,
    ))
    .map_err(|e| format!("cannot reach {} (POST {path}): {e}", r.base))
}

fn error_type(a: &Answer) -> Option<&str> {
    a.json.as_ref()?.pointer("/error/type")?.as_str()
}

/// Check one billing fixture: `flag` names it in messages, `expected` is its documented
/// error type and `other` the other fixture's.
fn check_fixture(
    r: &Owner,
    project: &str,
    flag: &str,
    expected: &str,
    other: &str,
) -> Result<String, String> {
    // Both calls at once (one round trip, not two); the describe's verdict comes first,
    // and a record that should have been refused is removed whatever else was found.
    let (described, made) = std::thread::scope(|s| {
        let described = s.spawn(|| owner_call(r, &format!("/{project}/describe"), json!({})));
        let made = owner_call(
            r,
            "/record/new",
            json!({"project": project, "name": "dxconform set-up check (should have been refused)"}),
        );
        let described = described
            .join()
            .unwrap_or_else(|_| Err("the set-up check panicked".into()));
        (described, made)
    });
    let made_something = matches!(&made, Ok(m) if (200..300).contains(&m.status));
    if let Ok(m) = &made
        && made_something
        && let Some(id) = m
            .json
            .as_ref()
            .and_then(|j| j.get("id"))
            .and_then(Value::as_str)
    {
        let _ = owner_call(
            r,
            &format!("/{project}/removeObjects"),
            json!({"objects": [id]}),
        );
    }
    let described = described?;
    if !(200..300).contains(&described.status) {
        return Err(format!(
            "{flag} {project}: the owner cannot describe it (status {}, {}): give a project of the owner's",
            described.status,
            error_type(&described).unwrap_or("no error type")
        ));
    }
    let level = described
        .json
        .as_ref()
        .and_then(|d| d.get("level"))
        .and_then(Value::as_str)
        .unwrap_or("");
    if !matches!(level, "CONTRIBUTE" | "ADMINISTER") {
        return Err(format!(
            "{flag} {project}: the owner's level there is {level:?}; it needs CONTRIBUTE or ADMINISTER to try creating data"
        ));
    }
    let made = made?;
    if made_something {
        return Err(format!(
            "{flag} {project}: /record/new there succeeded, so it is not billed as the fixture must be (expected {expected}); the record made was removed again"
        ));
    }
    match error_type(&made) {
        Some(t) if t == other => Err(format!(
            "{flag} {project}: /record/new answered {other}, the other fixture's error: were --limit-project and --expired-project given the wrong way round?"
        )),
        Some(t) if t == expected => Ok(format!("{flag} {project}: refuses new data with {t}")),
        t => Ok(format!(
            "{flag} {project}: refuses new data with status {} and {} (the billing cases judge whether that conforms)",
            made.status,
            t.unwrap_or("no error type")
        )),
    }
}

/// Create and destroy one marked scratch project, as every case will.
fn check_scratch(r: &Owner, run_id: &str) -> Result<(), String> {
    let name = format!("{}{run_id}-set-up-check", super::sweep::PREFIX);
    let made = owner_call(
        r,
        "/project/new",
        json!({"name": name, "properties": super::sweep::marker(run_id)}),
    )?;
    let id = match (&made.json, made.status) {
        (Some(j), 200..=299) => j.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
    .ok_or_else(|| {
        format!(
            "the owner cannot create scratch projects: POST /project/new answered {}: {} (does the user have a billing account and the right to create projects?)",
            made.status,
            made.body_text()
        )
    })?;
    let destroyed = owner_call(r, &format!("/{id}/destroy"), json!({"terminateJobs": true}))?;
    if !(200..300).contains(&destroyed.status) {
        return Err(format!(
            "the owner cannot destroy the scratch project {id} it just created: POST /{id}/destroy answered {}: {} (`dxconform sweep` removes it once this works)",
            destroyed.status,
            destroyed.body_text()
        ));
    }
    Ok(())
}

/// Resolve the target and check everything the cases rely on. Call outside `block_on`.
///
/// Against an endpoint every check starts at once, identification included: over a slow
/// network the set-up costs two round trips (the scratch project's creation, then its
/// destruction), not one per check. The verdicts are still read in the order the module
/// lists them, so a wrong token is reported as such even though the other checks failed
/// on it too.
pub fn check(target: &Target, run_id: &str) -> Result<Setup, String> {
    let (owner, fixtures) = match &target.spec {
        TargetSpec::Endpoint(e) => {
            let fixtures = match (&e.limit_project, &e.expired_project) {
                (Some(limit), Some(expired)) => Some((limit.as_str(), expired.as_str())),
                (None, None) => None,
                _ => {
                    return Err(
                        "give both billing fixtures (--limit-project and --expired-project) or neither"
                            .into(),
                    );
                }
            };
            let owner = Owner {
                base: e.url.trim_end_matches('/').to_string(),
                token: e.token.clone(),
            };
            (owner, fixtures)
        }
        // The embedded server's fixtures are made by the server itself, right.
        TargetSpec::Embedded { .. } => {
            let r = target.resolve()?;
            let owner = Owner {
                base: r.base.clone(),
                token: r.owner.token().to_string(),
            };
            (owner, None)
        }
    };
    let owner = &owner;
    let (resolved, scratch, limit, expired) = std::thread::scope(|s| {
        let resolved = s.spawn(|| target.resolve());
        let scratch = s.spawn(|| check_scratch(owner, run_id));
        let fixture =
            |project: &str, flag, wanted, other| check_fixture(owner, project, flag, wanted, other);
        let limit = fixtures.map(|(limit, _)| {
            s.spawn(move || {
                fixture(
                    limit,
                    "--limit-project",
                    "SpendingLimitExceeded",
                    "OrgExpired",
                )
            })
        });
        let expired = fixtures.map(|(_, expired)| {
            s.spawn(move || {
                fixture(
                    expired,
                    "--expired-project",
                    "OrgExpired",
                    "SpendingLimitExceeded",
                )
            })
        });
        let panicked = || "the set-up check panicked".to_string();
        let join = |h: std::thread::ScopedJoinHandle<'_, Result<String, String>>| {
            h.join().unwrap_or_else(|_| Err(panicked()))
        };
        (
            resolved.join().unwrap_or_else(|_| Err(panicked())),
            scratch.join().unwrap_or_else(|_| Err(panicked())),
            limit.map(join),
            expired.map(join),
        )
    });
    let r = resolved?;
    let mut lines = vec![format!("owner {}", r.owner.id)];
    match &r.peer {
        Some(p) => lines.push(format!("peer {}", p.id)),
        None => lines.push("no peer: the cases that need one are ignored".into()),
    }
    if fixtures.is_none() && matches!(target.spec, TargetSpec::Endpoint(_)) {
        lines.push("no billing fixtures: the billing cases are ignored".into());
    }
    if let Some(limit) = limit {
        lines.push(limit?);
    }
    if let Some(expired) = expired {
        lines.push(expired?);
    }
    scratch?;
    Ok(Setup { lines })
}
