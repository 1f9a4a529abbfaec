//! The data-object routes other than describe: close (lifecycle page), types, details,
//! visibility (what close freezes), and the per-project metadata routes rename,
//! setProperties, addTags, removeTags, plus listProjects.
//!
//! Object-level changes (close, types, details, visibility) need UPLOAD on the project
//! the object was created in and, except close, an open object (InvalidState once
//! closed). Per-copy changes take a `project` and need UPLOAD while the object is open,
//! CONTRIBUTE once it is closed. The levels and what close freezes are read from
//! [`super::rules`].

use serde_json::{Map, Value, json};

use super::call::Call;
use super::error::{ApiError, ApiResult, ErrorType, invalid_input, invalid_state, not_found};
use super::input;
use super::rules::Objects;
use super::store::{Copy, Object, State, Store};

fn id_answer(call: &Call) -> ApiResult<Value> {
    Ok(json!({ "id": call.subject }))
}

/// Change an object after checking the level on its governing project; `frozen` says
/// whether a closed object refuses the change. `f` makes the change and says whether it
/// changed anything: `modified` moves only then (unless the rules say every call moves it).
fn change_open(
    store: &mut Store,
    call: &Call,
    frozen: bool,
    f: impl FnOnce(&mut Object) -> bool,
) -> ApiResult<Value> {
    store.require_on_object(call.subject, call.user, call.rules.levels.change)?;
    let obj = store.object_mut(call.subject)?;
    if obj.state != State::Open && frozen {
        return Err(invalid_state(format!(
            "{} is closed; its types, details and visibility can no longer change",
            call.subject
        )));
    }
    let changed = f(obj);
    if changed || !call.rules.objects.no_op_keeps_modified {
        obj.touch();
    }
    id_answer(call)
}

/// `/class-xxxx/close`: idempotent; an already closed object answers with `detail`.
pub fn close(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = &call.rules.close;
    let obj = store.object(call.subject)?;
    let project = store.governing_project(obj);
    if store.level(project, call.user).is_none() {
        // No access at all: the documented PermissionDenied below, unless the rules
        // answer such callers with another error.
        match rules.no_access {
            ErrorType::ResourceNotFound => return Err(not_found(call.subject)),
            ErrorType::PermissionDenied => {}
            other => return Err(ApiError::new(other, "You have no access to this object")),
        }
    }
    store.require_on_object(call.subject, call.user, call.rules.levels.close)?;
    let obj = store.object_mut(call.subject)?;
    if obj.state == State::Closed {
        if !rules.again_changes_nothing {
            obj.touch();
        }
        return Ok(json!({
            "id": call.subject,
            "detail": format!("{} is already closed; nothing was changed", call.subject),
        }));
    }
    if rules.closes {
        obj.state = State::Closed;
    }
    if !rules.keeps_metadata {
        obj.hidden = false;
    }
    obj.touch();
    id_answer(call)
}

pub fn types(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = &call.rules.objects;
    let types = call.input().req_types("types", rules)?;
    let add = call.method == "addTypes";
    let frozen = &call.rules.frozen;
    let frozen = if add {
        frozen.add_types
    } else {
        frozen.remove_types
    };
    change_open(store, call, frozen, |obj| {
        let before = obj.types.len();
        if add {
            for t in types {
                if !(rules.types_deduplicated && obj.types.contains(&t)) {
                    obj.types.push(t);
                }
            }
        } else {
            obj.types.retain(|t| !types.contains(t));
        }
        obj.types.len() != before
    })
}

/// The body is the details value itself, which replaces the old one whole.
pub fn set_details(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let details = input::details(call.body, call.rules.links)?;
    let replaced = call.rules.objects.details_replaced;
    change_open(store, call, call.rules.frozen.details, |obj| {
        let details = match (&obj.details, details) {
            (Value::Object(old), Value::Object(new)) if !replaced => {
                let mut merged = old.clone();
                merged.extend(new);
                Value::Object(merged)
            }
            (_, new) => new,
        };
        let changed = obj.details != details;
        obj.details = details;
        changed
    })
}

/// The raw details value, for a caller who may view a project holding the object (the
/// level describe needs: a server whose rules check none answers anyone).
pub fn get_details(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let hint = call.input().opt_project("project")?;
    match super::records::pick_copy(store, call.subject, hint, call.user) {
        Err(e) if e.kind == ErrorType::PermissionDenied && call.rules.levels.describe.is_none() => {
        }
        other => {
            other?;
        }
    }
    Ok(store.object(call.subject)?.details.clone())
}

pub fn set_visibility(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let hidden = call
        .input()
        .opt_bool("hidden")?
        .ok_or_else(|| invalid_input("Expected key \"hidden\" to be present"))?;
    change_open(store, call, call.rules.frozen.visibility, |obj| {
        let changed = obj.hidden != hidden;
        obj.hidden = hidden;
        changed
    })
}

/// A change to one project's copy of an object.
enum Change {
    Name(String),
    Props(Vec<(String, Option<String>)>),
    AddTags(Vec<String>),
    RemoveTags(Vec<String>),
}

impl Change {
    /// Apply the change to `copy`; whether it changed anything.
    fn apply(&self, copy: &mut Copy, rules: &Objects) -> bool {
        match self {
            Change::Name(n) => {
                let changed = copy.name != *n;
                copy.name = n.clone();
                changed
            }
            Change::Props(updates) => {
                let before = copy.properties.clone();
                if !rules.properties_merged {
                    copy.properties.clear();
                }
                for (k, v) in updates {
                    match v {
                        Some(v) => {
                            copy.properties.insert(k.clone(), v.clone());
                        }
                        None if rules.null_deletes => {
                            copy.properties.remove(k);
                        }
                        None => {}
                    }
                }
                copy.properties != before
            }
            Change::AddTags(tags) => {
                let before = copy.tags.len();
                for t in tags {
                    if !(rules.tags_deduplicated && copy.tags.contains(t)) {
                        copy.tags.push(t.clone());
                    }
                }
                copy.tags.len() != before
            }
            Change::RemoveTags(tags) => {
                let before = copy.tags.len();
                copy.tags.retain(|t| !tags.contains(t));
                copy.tags.len() != before
            }
        }
    }
}

/// rename, setProperties, addTags, removeTags: one project's copy, which `project` names
/// and which must be there (metadata pages).
pub fn copy_metadata(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let project = input.req_project("project")?;
    let change = match call.method {
        "rename" => Change::Name(
            input
                .opt_name("name")?
                .ok_or_else(|| invalid_input("Expected key \"name\" to be present"))?,
        ),
        "setProperties" => {
            Change::Props(input.req_property_update("properties", &call.rules.limits)?)
        }
        "addTags" => Change::AddTags(input.req_tags("tags")?),
        _ => Change::RemoveTags(input.req_tags("tags")?),
    };
    let rules = &call.rules.objects;
    let levels = &call.rules.levels;
    let obj = store.object(call.subject)?;
    let held = obj.copy(project).is_some();
    if held || rules.copy_must_be_held {
        let needed = (levels.copy_open, levels.copy_closed);
        store.require_copy_write(call.subject, project, call.user, needed)?;
    } else {
        // Only a server whose rules let the project go unchecked gets here: the level is
        // still the named project's.
        let needed = match obj.state {
            State::Open => levels.copy_open,
            State::Closing | State::Closed => levels.copy_closed,
        };
        store.require(project, call.user, needed)?;
    }
    let obj = store.object_mut(call.subject)?;
    let frozen = &call.rules.frozen;
    let refused = match change {
        Change::Name(_) => frozen.rename,
        Change::AddTags(_) | Change::RemoveTags(_) => frozen.tags,
        Change::Props(_) => frozen.properties,
    };
    if refused && obj.state == State::Closed {
        return Err(invalid_state(format!("{} is closed", call.subject)));
    }
    let target = if held {
        project
    } else {
        obj.created_in.as_str()
    }
    .to_string();
    let mut changed = false;
    for copy in &mut obj.copies {
        if !rules.copy_scoped || copy.project == target {
            changed |= change.apply(copy, rules);
        }
    }
    if changed || !rules.no_op_keeps_modified {
        obj.touch();
    }
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
