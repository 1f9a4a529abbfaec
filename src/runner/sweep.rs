//! `dxconform sweep`: remove the scratch projects that crashed or interrupted runs left.
//!
//! A project is a run's only if it carries the run's marker: the properties
//! [`RUN_PROPERTY`] (the run id) and [`CREATED_PROPERTY`] (when it was made, ms since the
//! epoch), which only a run sets, at `/project/new`. A name is not enough: a user's own
//! `dxconform-results-archive` must survive. Sweep also leaves alone what a run in
//! progress may still use: only projects whose marker is older than `--older-than` (one
//! hour by default) go. It needs ADMINISTER on a project to destroy it, and `--dry-run`
//! lists without destroying.

use std::time::Duration;

use serde_json::{Value, json};

use super::check::now_ms;
use super::client::{self, Request};
use super::target::Target;

/// The prefix of every scratch project name.
pub const PREFIX: &str = "dxconform-";

/// The property holding the id of the run that made a scratch project.
pub const RUN_PROPERTY: &str = "dxconform.run";

/// The property holding when the scratch project was made (ms since the epoch).
pub const CREATED_PROPERTY: &str = "dxconform.created";

/// The default age below which a marked project is left alone: a run in progress.
pub const DEFAULT_OLDER_THAN: Duration = Duration::from_secs(3600);

/// The properties that mark a scratch project as made by run `run_id`, now.
pub fn marker(run_id: &str) -> Value {
    json!({ RUN_PROPERTY: run_id, CREATED_PROPERTY: now_ms().to_string() })
}

/// A scratch project found by a sweep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub name: String,
    /// The run that made it.
    pub run: String,
    /// How old its marker is.
    pub age: Duration,
}

/// What a sweep did (or, dry, would do).
#[derive(Debug, Clone, Default)]
pub struct Swept {
    /// Marked and old enough: destroyed (or listed, with `--dry-run`).
    pub removed: Vec<Found>,
    /// Marked but younger than `--older-than`: a run may still be using them.
    pub too_young: Vec<Found>,
}

fn call(base: &str, token: &str, path: &str, body: Value) -> Result<Value, String> {
    let answer = client::send(&Request::post_json(
        format!("{base}{path}"),
        Some(token),
        &body,
    ))
    .map_err(|e| format!("POST {path}: {e}"))?;
    match (answer.status, answer.json) {
        (200, Some(v)) => Ok(v),
        (status, _) => Err(format!(
            "POST {path} answered {status}: {}",
            String::from_utf8_lossy(&answer.body)
        )),
    }
}

/// The marker of a described project, if it carries one: `(run id, created ms)`.
fn read_marker(describe: &Value) -> Option<(String, i64)> {
    let props = describe.get("properties")?;
    let run = props.get(RUN_PROPERTY)?.as_str()?.to_string();
    let created = props.get(CREATED_PROPERTY)?.as_str()?.parse().ok()?;
    Some((run, created))
}

/// Find the marked scratch projects older than `older_than` and destroy them (unless
/// `dry_run`).
pub fn sweep(target: &Target, older_than: Duration, dry_run: bool) -> Result<Swept, String> {
    let resolved = target.resolve()?;
    let (base, token) = (resolved.base.as_str(), resolved.owner.token());
    let mut swept = Swept::default();
    let mut starting: Option<Value> = None;
    let now = now_ms();
    // Paging ends when `next` is null; the bound guards against an endpoint whose paging
    // never ends.
    for _ in 0..1000 {
        let mut query = json!({
            "properties": { RUN_PROPERTY: true },
            "level": "ADMINISTER",
            "describe": {"fields": {"name": true, "properties": true}},
            "limit": 100,
        });
        if let Some(s) = &starting {
            query["starting"] = s.clone();
        }
        let page = call(base, token, "/system/findProjects", query)?;
        for result in page["results"].as_array().into_iter().flatten() {
            let id = result["id"].as_str().unwrap_or_default();
            let describe = &result["describe"];
            let name = describe["name"].as_str().unwrap_or_default();
            // Checked here too: never trust a filter with a destroy.
            let Some((run, created)) = read_marker(describe) else {
                continue;
            };
            if !id.starts_with("project-") || !name.starts_with(PREFIX) {
                continue;
            }
            let found = Found {
                id: id.to_string(),
                name: name.to_string(),
                run,
                age: Duration::from_millis(now.saturating_sub(created).max(0) as u64),
            };
            if found.age >= older_than {
                swept.removed.push(found);
            } else {
                swept.too_young.push(found);
            }
        }
        match page.get("next") {
            Some(Value::Null) | None => break,
            Some(next) => starting = Some(next.clone()),
        }
    }
    if !dry_run {
        for f in &swept.removed {
            call(
                base,
                token,
                &format!("/{}/destroy", f.id),
                json!({"terminateJobs": true}),
            )?;
        }
    }
    Ok(swept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_complete_marker_counts() {
        let marked =
            json!({"properties": {"dxconform.run": "abc123", "dxconform.created": "1000"}});
        assert_eq!(read_marker(&marked), Some(("abc123".into(), 1000)));
        for unmarked in [
            json!({"properties": {}}),
            json!({"properties": {"dxconform.run": "abc123"}}),
            json!({"properties": {"dxconform.run": "x", "dxconform.created": "soon"}}),
            json!({"name": "dxconform-abc123-x"}),
        ] {
            assert_eq!(read_marker(&unmarked), None, "{unmarked}");
        }
        let m = marker("r1");
        assert_eq!(m[RUN_PROPERTY], "r1");
        assert!(m[CREATED_PROPERTY].as_str().unwrap().parse::<i64>().is_ok());
    }
}
