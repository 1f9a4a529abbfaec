//! The data-object routes other than describe: close (lifecycle page), types, details,
//! visibility (what close freezes), and the per-project metadata routes rename,
//! setProperties, addTags, removeTags, plus listProjects.
//!
//! Object-level changes (close, types, details, visibility) need UPLOAD on the project
//! the object was created in and, except close, an open object (InvalidState once
//! closed). Per-copy changes take a `project` and need UPLOAD while the object is open,
//! CONTRIBUTE once it is closed.

use serde_json::{Map, Value, json};

use super::call::Call;
use super::error::{ApiResult, invalid_input, invalid_state};
use super::input;
use super::store::{Level, Object, State, Store};

fn id_answer(call: &Call) -> ApiResult<Value> {
    Ok(json!({ "id": call.subject }))
}

/// Change an open object after checking UPLOAD on its governing project.
fn change_open(store: &mut Store, call: &Call, f: impl FnOnce(&mut Object)) -> ApiResult<Value> {
    store.require_object_upload(call.subject, call.user)?;
    let obj = store.object_mut(call.subject)?;
    let fault = match call.method {
        "addTypes" => "closed-accepts-add-types",
        "removeTypes" => "closed-accepts-remove-types",
        "setDetails" => "closed-accepts-set-details",
        _ => "closed-accepts-set-visibility",
    };
    let frozen_ignored = call.faults.on(fault);
    if obj.state != State::Open && !frozen_ignored {
        return Err(invalid_state(format!(
            "{} is closed; its types, details and visibility can no longer change",
            call.subject
        )));
    }
    f(obj);
    obj.touch();
    id_answer(call)
}

/// `/class-xxxx/close`: idempotent; an already closed object answers with `detail`.
pub fn close(store: &mut Store, call: &Call) -> ApiResult<Value> {
    if call.faults.on("close-needs-only-view") || call.faults.on("close-needs-contribute") {
        let obj = store.object(call.subject)?;
        let needed = if call.faults.on("close-needs-only-view") {
            Level::View
        } else {
            Level::Contribute
        };
        store.require(store.governing_project(obj), call.user, needed)?;
    } else if call.faults.on("close-hides-from-strangers") {
        let obj = store.object(call.subject)?;
        let project = store.governing_project(obj);
        if store.level(project, call.user).is_none() {
            return Err(super::error::not_found(call.subject));
        }
        store.require_object_upload(call.subject, call.user)?;
    } else {
        store.require_object_upload(call.subject, call.user)?;
    }
    let obj = store.object_mut(call.subject)?;
    if obj.state == State::Closed {
        if call.faults.on("close-again-touches-modified") {
            obj.touch();
        }
        return Ok(json!({
            "id": call.subject,
            "detail": format!("{} is already closed; nothing was changed", call.subject),
        }));
    }
    if !call.faults.on("close-does-not-close") {
        obj.state = State::Closed;
    }
    if call.faults.on("close-resets-visibility") {
        obj.hidden = false;
    }
    obj.touch();
    id_answer(call)
}

pub fn types(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let types = call.input().req_types("types")?;
    let add = call.method == "addTypes";
    change_open(store, call, |obj| {
        if add {
            for t in types {
                if !obj.types.contains(&t) {
                    obj.types.push(t);
                }
            }
        } else {
            obj.types.retain(|t| !types.contains(t));
        }
    })
}

/// The body is the details value itself.
pub fn set_details(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let details = input::details(call.body)?;
    change_open(store, call, |obj| obj.details = details)
}

pub fn get_details(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let hint = call.input().opt_project("project")?;
    super::records::pick_copy(store, call.subject, hint, call.user)?;
    Ok(store.object(call.subject)?.details.clone())
}

pub fn set_visibility(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let hidden = call
        .input()
        .opt_bool("hidden")?
        .ok_or_else(|| invalid_input("Expected key \"hidden\" to be present"))?;
    change_open(store, call, |obj| obj.hidden = hidden)
}

/// rename, setProperties, addTags, removeTags: one project's copy.
pub fn copy_metadata(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let project = input.req_project("project")?;
    enum Change {
        Name(String),
        Props(Vec<(String, Option<String>)>),
        AddTags(Vec<String>),
        RemoveTags(Vec<String>),
    }
    let change = match call.method {
        "rename" => Change::Name(
            input
                .opt_name("name")?
                .ok_or_else(|| invalid_input("Expected key \"name\" to be present"))?,
        ),
        "setProperties" => Change::Props(input.req_property_update("properties")?),
        "addTags" => Change::AddTags(input.req_tags("tags")?),
        _ => Change::RemoveTags(input.req_tags("tags")?),
    };
    store.require_copy_write(call.subject, project, call.user)?;
    let obj = store.object_mut(call.subject)?;
    let refused = match change {
        Change::Name(_) => call.faults.on("closed-refuses-rename"),
        Change::AddTags(_) | Change::RemoveTags(_) => call.faults.on("closed-refuses-tags"),
        Change::Props(_) => call.faults.on("closed-refuses-properties"),
    };
    if refused && obj.state == State::Closed {
        return Err(invalid_state(format!("{} is closed", call.subject)));
    }
    let Some(copy) = obj.copy_mut(project) else {
        return Err(super::error::not_found(call.subject));
    };
    match change {
        Change::Name(n) => copy.name = n,
        Change::Props(updates) => {
            for (k, v) in updates {
                match v {
                    Some(v) => copy.properties.insert(k, v),
                    None => copy.properties.remove(&k),
                };
            }
        }
        Change::AddTags(tags) => {
            for t in tags {
                if !copy.tags.contains(&t) {
                    copy.tags.push(t);
                }
            }
        }
        Change::RemoveTags(tags) => copy.tags.retain(|t| !tags.contains(t)),
    }
    obj.touch();
    id_answer(call)
}

/// Each project holding a copy that the caller can see, with the caller's level there.
/// Projects the caller cannot see are left out (the docs are silent).
pub fn list_projects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    super::records::pick_copy(store, call.subject, None, call.user)?;
    let obj = store.object(call.subject)?;
    let mut out = Map::new();
    for c in &obj.copies {
        if let Some(level) = store.level(&c.project, call.user) {
            out.insert(c.project.clone(), json!(level.as_str()));
        }
    }
    Ok(Value::Object(out))
}
