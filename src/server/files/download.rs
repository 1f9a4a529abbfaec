//! `/file-xxxx/download`: a URL to GET the file's bytes from.
//!
//! Inputs: `preauthenticated` (default false), `duration` (seconds, default 86400, 1 to a
//! year), `filename` (default: the name of the copy used), `project` (whose copy; it must
//! hold the file, else ResourceNotFound). Others, such as `stickyIP`, are ignored.
//!
//! Outputs: `url`, `headers` (always, `{}` here) and, when preauthenticated, `expires`
//! (ms). A URL made without `preauthenticated` is the same for the same file, project,
//! caller and filename ([OBSERVED] stable across calls) and is honoured while the caller
//! can still view that project; a preauthenticated one is fresh every call and works for
//! anyone until it expires. Both contain the file's ID and end with the filename.

use serde_json::{Value, json};

use super::super::call::Call;
use super::super::error::{ApiResult, invalid_input, invalid_state, not_found, permission_denied};
use super::super::records::pick_copy;
use super::super::store::{Level, State, Store, now_ms};
use super::data::DownloadGrant;
use super::urls;

/// `/file-xxxx/download`.
pub fn download(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let rules = call.rules;
    let transfer = &rules.transfer;
    let preauthenticated = input.bool_or("preauthenticated", false)?;
    let duration = match input.opt_int("duration")? {
        None => transfer.default_duration_s,
        Some(d) if (1..=transfer.max_duration_s).contains(&d) => d,
        Some(_) => {
            return Err(invalid_input(format!(
                "Expected key \"duration\" to be a number of seconds from 1 to {}",
                transfer.max_duration_s
            )));
        }
    };
    let filename = input.opt_str("filename")?;
    let hint = input.opt_project("project")?;
    let id = call.subject;
    let obj = store.object(id)?;
    let project = match hint {
        Some(p) => {
            store.require(p, call.user, Level::View)?;
            if obj.copy(p).is_none() {
                return Err(not_found(id));
            }
            p.to_string()
        }
        None => pick_copy(store, id, None, call.user)?,
    };
    if obj.state != State::Closed && rules.files.download_needs_closed {
        return Err(invalid_state(format!(
            "{id} is {}: a file can be downloaded only once it is closed",
            obj.state.as_str()
        )));
    }
    if store
        .projects
        .get(&project)
        .is_some_and(|p| p.download_restricted)
    {
        return Err(permission_denied(format!(
            "{project} restricts downloads to jobs running in it"
        )));
    }
    let filename = match filename {
        Some(f) => f.to_string(),
        None => obj
            .copy(&project)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string()),
    };
    let now = now_ms();
    let obj = store.object_mut(id)?;
    let file = obj.file.get_or_insert_with(Default::default);
    file.downloads
        .retain(|_, g| g.expires.is_none_or(|e| e > now));
    let expires = preauthenticated.then(|| now.saturating_add(duration.saturating_mul(1000)));
    // The key a URL is reused under, when it is reused.
    let stable_key = if preauthenticated {
        (!transfer.fresh_preauth_urls).then(|| (project.clone(), format!("preauth:{filename}")))
    } else {
        transfer
            .stable_download_urls
            .then(|| (project.clone(), format!("{}:{filename}", call.user)))
    };
    let reused = stable_key
        .as_ref()
        .and_then(|k| file.stable.get(k))
        .filter(|t| file.downloads.contains_key(*t))
        .cloned();
    let token = match reused {
        Some(t) => t,
        None => {
            let t = urls::token();
            file.downloads.insert(
                t.clone(),
                DownloadGrant {
                    project: project.clone(),
                    user: (!preauthenticated).then(|| call.user.to_string()),
                    filename: filename.clone(),
                    expires,
                },
            );
            if let Some(k) = stable_key {
                file.stable.insert(k, t.clone());
            }
            t
        }
    };
    let base = urls::base(call.headers, transfer);
    let mut out = json!({
        "url": urls::download(&base, transfer, id, &token, &filename),
        "headers": {},
    });
    if let Some(e) = expires {
        out["expires"] = json!(e);
    }
    Ok(out)
}
