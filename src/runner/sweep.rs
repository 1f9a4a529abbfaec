//! `dxconform sweep`: remove the scratch projects that crashed or interrupted runs left.
//!
//! Only projects whose name starts with `dxconform-` and on which the token's user is
//! ADMINISTER are touched: the suite never deletes anything it did not create.

use serde_json::{Value, json};

use super::client::{self, Request};
use super::target::Target;

/// The prefix of every scratch project name.
pub const PREFIX: &str = "dxconform-";

fn call(base: &str, token: &str, path: &str, body: Value) -> Result<Value, String> {
    let answer = client::send(&Request {
        method: "POST",
        url: format!("{base}{path}"),
        token: Some(token.to_string()),
        headers: Vec::new(),
        body: body.to_string().into_bytes(),
        content_type: Some("application/json".into()),
        expected_status: None,
    })
    .map_err(|e| format!("POST {path}: {e}"))?;
    match (answer.status, answer.json) {
        (200, Some(v)) => Ok(v),
        (status, _) => Err(format!(
            "POST {path} answered {status}: {}",
            String::from_utf8_lossy(&answer.body)
        )),
    }
}

/// Find and destroy the leftover scratch projects; returns `(id, name)` of each removed
/// one, or the first error.
pub fn sweep(target: &Target) -> Result<Vec<(String, String)>, String> {
    let resolved = target.resolve()?;
    let (base, token) = (resolved.base.as_str(), resolved.owner.token());
    let mut found = Vec::new();
    let mut starting: Option<Value> = None;
    // Paging ends when `next` is null; the bound guards against an endpoint whose paging
    // never ends.
    for _ in 0..1000 {
        let mut query = json!({
            "name": {"glob": format!("{PREFIX}*")},
            "level": "ADMINISTER",
            "describe": true,
            "limit": 100,
        });
        if let Some(s) = &starting {
            query["starting"] = s.clone();
        }
        let page = call(base, token, "/system/findProjects", query)?;
        for result in page["results"].as_array().into_iter().flatten() {
            let id = result["id"].as_str().unwrap_or_default();
            let name = result["describe"]["name"].as_str().unwrap_or_default();
            if name.starts_with(PREFIX) && id.starts_with("project-") {
                found.push((id.to_string(), name.to_string()));
            }
        }
        match page.get("next") {
            Some(Value::Null) | None => break,
            Some(next) => starting = Some(next.clone()),
        }
    }
    for (id, _) in &found {
        call(
            base,
            token,
            &format!("/{id}/destroy"),
            json!({"terminateJobs": true}),
        )?;
    }
    Ok(found)
}
