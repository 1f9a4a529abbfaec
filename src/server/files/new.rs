//! `/file/new`: an empty, open file.
//!
//! The inputs are the common data-object creation inputs with `/record/new`'s meanings
//! and defaults (the same [`Rules::record_new`](super::super::rules::Rules) knobs), plus
//! `media`. `initializeFrom` and `close`, which records have, are ignored like any
//! unknown key: no client sends them for files, and closing a file needs its parts.

use serde_json::{Value, json};

use super::super::billing;
use super::super::call::Call;
use super::super::error::{ApiResult, invalid_input, not_found_msg, permission_denied};
use super::super::ids;
use super::super::input;
use super::super::records::{nonce_key, nonce_replay};
use super::super::store::{Copy, NonceEntry, Object, State, Store, now_ms};
use super::data::FileData;

/// `/file/new`.
pub fn new(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = call.rules;
    let defaults = &rules.record_new;
    let input = call.input();
    // Shapes first (InvalidInput), then the project's class (InvalidType), then access.
    let project = input.req_str("project")?;
    if ids::class_of(project).is_none() {
        return Err(invalid_input(
            "Expected key \"project\" to be a valid project or container ID",
        ));
    }
    let name = input.opt_name("name")?;
    let tags = input.opt_tags("tags")?.unwrap_or_default();
    let types = input
        .opt_types("types", &rules.objects)?
        .unwrap_or_default();
    let hidden = input.opt_bool("hidden")?.unwrap_or(defaults.hidden);
    let properties = input
        .opt_properties("properties", &rules.limits)?
        .unwrap_or_default();
    let details = match input.get("details") {
        Some(d) => input::details(d, rules.links)?,
        None => defaults.details.clone(),
    };
    let folder = input.opt_folder("folder")?;
    let parents = input.bool_or("parents", defaults.parents)?;
    let nonce = input.opt_nonce("nonce", rules.limits.nonce)?;
    let media = input
        .opt_str("media")?
        .unwrap_or(rules.files.default_media)
        .to_string();
    let project = input::project_id("project", project)?;

    let target = store.require(project, call.user, rules.levels.create)?;
    if target.external_upload_restricted {
        return Err(permission_denied(format!(
            "{project} restricts uploads to jobs running in it"
        )));
    }
    billing::check(target, &rules.billing)?;
    if let Some(f) = &folder
        && !parents
        && defaults.missing_folder_refused
        && !target.has_folder(f)
    {
        return Err(not_found_msg(format!(
            "The folder {f} could not be found in {project}"
        )));
    }
    // The nonces page's rules, as `/record/new` applies them.
    let nonce_key = nonce
        .filter(|_| rules.nonce.replayed)
        .map(|n| nonce_key(&rules.nonce, call.user, n));
    if let Some(key) = &nonce_key
        && let Some(first) = nonce_replay(store, &rules.nonce, key, call.body)?
    {
        return Ok(first);
    }

    let id = store.fresh_id("file", rules.id_alphabet);
    let now = now_ms();
    let folder = folder.unwrap_or_else(|| defaults.folder.to_string());
    let name = name.unwrap_or_else(|| {
        if defaults.name_is_id {
            id.clone()
        } else {
            String::new()
        }
    });
    let file = Object {
        id: id.clone(),
        class: "file".into(),
        types,
        details,
        hidden,
        state: State::Open,
        created: now,
        modified: now,
        created_by: call.user.to_string(),
        created_in: project.to_string(),
        copies: vec![Copy {
            project: project.to_string(),
            name,
            folder: folder.clone(),
            tags,
            properties,
        }],
        file: Some(FileData {
            media,
            ..FileData::default()
        }),
    };
    let p = store.project_mut(project)?;
    p.make_folders(&folder);
    p.objects.push(id.clone());
    store.objects.insert(id.clone(), file);
    let output = json!({ "id": id });
    if let Some(key) = nonce_key {
        let entry = NonceEntry {
            input: call.body.clone(),
            output: output.clone(),
            at: now,
        };
        store.nonces.insert(key, entry);
    }
    Ok(output)
}
