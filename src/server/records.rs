//! Records: `/record/new` and `/record-xxxx/describe` (records page, seeded), and the
//! describe output every data-object listing reuses (listFolder, findDataObjects,
//! describeDataObjects).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::billing;
use super::call::Call;
use super::error::{
    ApiResult, ErrorType, invalid_input, not_found, not_found_msg, permission_denied,
};
use super::fields::Fields;
use super::ids;
use super::input::{self, Input};
use super::rules::{LinkRules, Nonces, Rules};
use super::store::{
    Copy, Level, NonceEntry, Object, State, Store, collect_links, now_ms, props_json, strings_json,
};

/// The deprecated top-level describe flags, and the file fields a top-level boolean adds
/// to the defaults ([CLIENT] `dx download` sends `{"parts": true, "size": true, ...}`).
pub const DEPRECATED_FLAGS: &[&str] = &[
    "properties",
    "details",
    "parts",
    "size",
    "media",
    "archivalState",
];

/// The exact message the platform gives for a reused nonce.
pub const NONCE_REUSED: &str =
    "Nonce was reused for an earlier API request that had a different input";

/// Read a describe input's field selection, with the defaults and flag rules of `rules`.
pub fn read_fields(input: Input, rules: &Rules) -> ApiResult<Fields> {
    let describe = &rules.describe;
    Fields::read(
        input,
        &describe.default_fields,
        DEPRECATED_FLAGS,
        describe.deprecated_flags_win,
    )
}

/// The default selection (a describe option of `true`).
pub fn default_fields(rules: &Rules) -> Fields {
    Fields::of(&rules.describe.default_fields)
}

/// The describe hash of `obj`'s copy in `project` (which must hold it). `links` says
/// whether `links` lists each target once.
pub fn describe_copy(obj: &Object, project: &str, fields: &Fields, links: LinkRules) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(obj.id));
    let Some(copy) = obj.copy(project) else {
        return Value::Object(out);
    };
    let mut put = |name: &str, value: Value| {
        if fields.has(name) {
            out.insert(name.into(), value);
        }
    };
    put("project", json!(copy.project));
    put("class", json!(obj.class));
    put("types", strings_json(&obj.types));
    put("created", json!(obj.created));
    put("state", json!(obj.state.as_str()));
    put("hidden", json!(obj.hidden));
    put(
        "links",
        strings_json(&collect_links(&obj.details, links.dedup)),
    );
    put("name", json!(copy.name));
    put("folder", json!(copy.folder));
    put("sponsored", json!(false));
    put("tags", strings_json(&copy.tags));
    put("modified", json!(obj.modified));
    put("createdBy", json!({"user": obj.created_by}));
    put("properties", props_json(&copy.properties));
    put("details", obj.details.clone());
    super::files::describe::add_fields(obj, fields, &mut out);
    Value::Object(out)
}

/// Which copy of `id` the caller sees, given an optional project hint (records page):
/// the hinted project's copy if it holds the object; otherwise the creating project's
/// copy if viewable, else the first viewable copy by time added.
pub fn pick_copy(store: &Store, id: &str, hint: Option<&str>, user: &str) -> ApiResult<String> {
    let obj = store.object(id)?;
    if let Some(p) = hint {
        store.require(p, user, Level::View)?;
        if obj.copy(p).is_some() {
            return Ok(p.to_string());
        }
    }
    let viewable = |p: &str| store.level(p, user).is_some();
    if obj.copy(&obj.created_in).is_some() && viewable(&obj.created_in) {
        return Ok(obj.created_in.clone());
    }
    obj.copies
        .iter()
        .find(|c| viewable(&c.project))
        .map(|c| c.project.clone())
        .ok_or_else(|| {
            permission_denied(format!(
                "VIEW permission is required on a project holding {id}"
            ))
        })
}

/// `/record-xxxx/describe` (and the same for the other data-object classes).
pub fn describe(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = call.rules;
    let input = call.input();
    let hint = input.opt_project("project")?;
    let fields = read_fields(input, rules)?;
    if !rules.describe.hint_falls_back
        && let Some(p) = hint
    {
        store.require(p, call.user, Level::View)?;
        if store.object(call.subject)?.copy(p).is_none() {
            return Err(not_found(call.subject));
        }
    }
    let project = match pick_copy(store, call.subject, hint, call.user) {
        // Without a level to check, the denial does not stand: the hinted project if it
        // holds the object, else the creating one.
        Err(e) if e.kind == ErrorType::PermissionDenied && rules.levels.describe.is_none() => {
            let obj = store.object(call.subject)?;
            hint.filter(|p| obj.copy(p).is_some())
                .unwrap_or(&obj.created_in)
                .to_string()
        }
        other => other?,
    };
    let obj = store.object(call.subject)?;
    Ok(describe_copy(obj, &project, &fields, rules.links))
}

/// The validated inputs of `/record/new`, before the source record is merged in.
struct NewRecord<'a> {
    project: &'a str,
    name: Option<String>,
    tags: Option<Vec<String>>,
    types: Option<Vec<String>>,
    hidden: Option<bool>,
    properties: Option<BTreeMap<String, String>>,
    details: Option<Value>,
    /// `None`: the default folder, which is not checked for existence.
    folder: Option<String>,
    close: bool,
    parents: bool,
    nonce: Option<&'a str>,
}

fn read_new<'a>(input: Input<'a>, rules: &Rules) -> ApiResult<NewRecord<'a>> {
    // The project's ID class (InvalidType) is checked after every shape check, as the
    // team's error order says; here only its type and shape.
    let project = input.req_str("project")?;
    if ids::class_of(project).is_none() {
        return Err(invalid_input(
            "Expected key \"project\" to be a valid project or container ID",
        ));
    }
    Ok(NewRecord {
        project,
        name: input.opt_name("name")?,
        tags: input.opt_tags("tags")?,
        types: input.opt_types("types", &rules.objects)?,
        hidden: input.opt_bool("hidden")?,
        properties: input.opt_properties("properties", &rules.limits)?,
        details: input
            .get("details")
            .map(|d| input::details(d, rules.links))
            .transpose()?,
        folder: input.opt_folder("folder")?,
        close: input.bool_or("close", false)?,
        parents: input.bool_or("parents", rules.record_new.parents)?,
        nonce: input.opt_nonce("nonce", rules.limits.nonce)?,
    })
}

/// The source record of `initializeFrom`: its project and ID, checked in the documented
/// order (shape, then existence, then access).
fn read_source<'a>(
    store: &Store,
    input: Input<'a>,
    user: &str,
) -> ApiResult<Option<(&'a str, &'a str)>> {
    let Some(init) = input.get("initializeFrom") else {
        return Ok(None);
    };
    let bad = |why: &str| invalid_input(format!("Invalid \"initializeFrom\": {why}"));
    let m = init.as_object().ok_or_else(|| bad("expected a mapping"))?;
    let project = m
        .get("project")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("\"project\" must be a string"))?;
    let id = m
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("\"id\" must be a string"))?;
    if !ids::is_id_of(id, "record") {
        return Err(bad("\"id\" is not a valid record ID"));
    }
    let project = input::project_id("initializeFrom.project", project)?;
    store.require(project, user, Level::View)?;
    let found = store
        .objects
        .get(id)
        .is_some_and(|o| o.copy(project).is_some());
    if !found {
        return Err(not_found(id));
    }
    Ok(Some((project, id)))
}

/// The key a nonce is stored under: scoped per user (our reading of silent docs), unless
/// the rules share one table between users.
pub fn nonce_key(rules: &Nonces, user: &str, nonce: &str) -> (String, String) {
    let user = if rules.per_user { user } else { "" };
    (user.to_string(), nonce.to_string())
}

/// What the nonce table says of a request (nonces page): the first answer to replay;
/// `None` for a nonce not seen (or forgotten, or only a failed attempt's, when the rules
/// keep those); InvalidInput for a nonce that came with other input.
pub fn nonce_replay(
    store: &Store,
    rules: &Nonces,
    key: &(String, String),
    body: &Value,
) -> ApiResult<Option<Value>> {
    let Some(entry) = store.nonces.get(key) else {
        return Ok(None);
    };
    if rules
        .kept_ms
        .is_some_and(|ms| now_ms().saturating_sub(entry.at) > ms as i64)
    {
        return Ok(None);
    }
    // The whole input, nonce included, is compared; Value equality ignores key order.
    let same = match rules.compared {
        None => entry.input == *body,
        Some(keys) => keys.iter().all(|k| entry.input.get(k) == body.get(k)),
    };
    if !same && rules.reuse_refused {
        return Err(invalid_input(NONCE_REUSED));
    }
    Ok(Some(entry.output.clone()).filter(|o| !o.is_null()))
}

/// `/record/new`. A failed attempt is not stored under its nonce unless the rules say so
/// (then with no answer, so that only a different retry is refused, as a reuse).
pub fn new(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let result = create(store, call);
    let nonces = &call.rules.nonce;
    if result.is_err()
        && nonces.failed_stored
        && nonces.replayed
        && let Some(n) = call.input().get("nonce").and_then(Value::as_str)
    {
        let entry = NonceEntry {
            input: call.body.clone(),
            output: Value::Null,
            at: now_ms(),
        };
        store
            .nonces
            .entry(nonce_key(nonces, call.user, n))
            .or_insert(entry);
    }
    result
}

fn create(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = call.rules;
    let defaults = &rules.record_new;
    let input = call.input();
    let mut req = read_new(input, rules)?;
    let project = input::project_id("project", req.project)?;
    let target = store.require(project, call.user, rules.levels.create)?;
    billing::check(target, &rules.billing)?;
    let source = read_source(store, input, call.user)?;
    if let Some(folder) = &req.folder
        && !req.parents
        && rules.record_new.missing_folder_refused
        && !target.has_folder(folder)
    {
        return Err(not_found_msg(format!(
            "The folder {folder} could not be found in {project}"
        )));
    }
    let nonce_key = match req.nonce {
        Some(n) if rules.nonce.replayed => Some(nonce_key(&rules.nonce, call.user, n)),
        _ => None,
    };
    let replay = match &nonce_key {
        Some(key) => nonce_replay(store, &rules.nonce, key, call.body)?,
        None => None,
    };
    if let Some(first) = &replay
        && !rules.nonce.replay_creates
    {
        return Ok(first.clone());
    }

    // Defaults come from the source record's copy, explicit fields override.
    let (mut name, mut tags, mut types, mut hidden, mut properties, mut details) = (
        None,
        Vec::new(),
        Vec::new(),
        defaults.hidden,
        BTreeMap::new(),
        defaults.details.clone(),
    );
    if let Some((sp, sid)) = source.filter(|_| defaults.initialize_from_copies)
        && let Ok(src) = store.object(sid)
        && let Some(copy) = src.copy(sp)
    {
        name = Some(copy.name.clone());
        tags = copy.tags.clone();
        types = src.types.clone();
        hidden = src.hidden;
        properties = copy.properties.clone();
        details = src.details.clone();
    }
    if !defaults.given_override_source && source.is_some() {
        // The source's values win: forget what the call gave.
        (
            req.name,
            req.tags,
            req.types,
            req.hidden,
            req.properties,
            req.details,
        ) = (None, None, None, None, None, None);
    }
    let id = store.fresh_id("record", rules.id_alphabet);
    let now = now_ms();
    let folder = req.folder.unwrap_or_else(|| defaults.folder.to_string());
    let obj = Object {
        id: id.clone(),
        class: "record".into(),
        types: req.types.unwrap_or(types),
        details: req.details.unwrap_or(details),
        hidden: req.hidden.unwrap_or(hidden),
        state: if req.close {
            State::Closed
        } else {
            State::Open
        },
        created: now,
        modified: now,
        created_by: call.user.to_string(),
        created_in: project.to_string(),
        file: None,
        copies: vec![Copy {
            project: project.to_string(),
            name: req.name.or(name).unwrap_or_else(|| {
                if defaults.name_is_id {
                    id.clone()
                } else {
                    String::new()
                }
            }),
            folder: folder.clone(),
            tags: req.tags.unwrap_or(tags),
            properties: req.properties.unwrap_or(properties),
        }],
    };
    let p = store.project_mut(project)?;
    p.make_folders(&folder);
    p.objects.push(id.clone());
    store.objects.insert(id.clone(), obj);
    if let Some(first) = replay {
        // Only a server whose rules create on replay gets here: it answers the first answer.
        return Ok(first);
    }
    let output = json!({ "id": id });
    if let Some(key) = nonce_key {
        store.nonces.insert(
            key,
            NonceEntry {
                input: call.body.clone(),
                output: output.clone(),
                at: now_ms(),
            },
        );
    }
    Ok(output)
}
