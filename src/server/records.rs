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
use super::faults::Faults;
use super::fields::Fields;
use super::ids;
use super::input::{self, Input, LinkRules, Measure};
use super::store::{
    Copy, Level, NonceEntry, Object, State, Store, collect_links, links, now_ms, props_json,
    strings_json,
};

/// The default describe fields, in the documented order. No `sponsoredUntil`: nothing is
/// sponsored here.
pub const DEFAULT_FIELDS: &[&str] = &[
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
];

/// The deprecated top-level describe flags.
pub const DEPRECATED_FLAGS: &[&str] = &["properties", "details"];

/// The exact message the platform gives for a reused nonce.
pub const NONCE_REUSED: &str =
    "Nonce was reused for an earlier API request that had a different input";

/// Read a describe input's field selection.
pub fn read_fields(input: Input) -> ApiResult<Fields> {
    Fields::read(input, DEFAULT_FIELDS, DEPRECATED_FLAGS)
}

/// The describe hash of `obj`'s copy in `project` (which must hold it).
pub fn describe_copy(obj: &Object, project: &str, fields: &Fields) -> Value {
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
    put("links", strings_json(&links(&obj.details)));
    put("name", json!(copy.name));
    put("folder", json!(copy.folder));
    put("sponsored", json!(false));
    put("tags", strings_json(&copy.tags));
    put("modified", json!(obj.modified));
    put("createdBy", json!({"user": obj.created_by}));
    put("properties", props_json(&copy.properties));
    put("details", obj.details.clone());
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
    let f = call.faults;
    let input = call.input();
    let hint = input.opt_project("project")?;
    // Faults that misread the selection act as if the key had not been sent.
    let stripped;
    let input = if f.on("describe-fields-ignored") || f.on("describe-default-fields-ignored") {
        let mut m = input.0.clone();
        if f.on("describe-fields-ignored") {
            m.remove("fields");
        }
        if f.on("describe-default-fields-ignored") {
            m.remove("defaultFields");
        }
        stripped = m;
        Input(&stripped)
    } else {
        input
    };
    let fields = read_fields(input)?;
    if f.on("describe-hint-no-fallback")
        && let Some(p) = hint
    {
        store.require(p, call.user, Level::View)?;
        if store.object(call.subject)?.copy(p).is_none() {
            return Err(not_found(call.subject));
        }
    }
    let project = match pick_copy(store, call.subject, hint, call.user) {
        Err(e) if e.kind == ErrorType::PermissionDenied && f.on("describe-without-view") => {
            let obj = store.object(call.subject)?;
            hint.filter(|p| obj.copy(p).is_some())
                .unwrap_or(&obj.created_in)
                .to_string()
        }
        other => other?,
    };
    let obj = store.object(call.subject)?;
    let mut out = describe_copy(obj, &project, &fields);
    if !f.is_empty() {
        describe_faults(f, input, obj, &project, &mut out);
    }
    Ok(out)
}

/// The describe faults that change what an answer holds, given the object behind it.
fn describe_faults(f: &Faults, input: Input, obj: &Object, project: &str, out: &mut Value) {
    let (Some(m), Some(copy)) = (out.as_object_mut(), obj.copy(project)) else {
        return;
    };
    if f.on("describe-properties-by-default") {
        m.insert("properties".into(), props_json(&copy.properties));
    }
    if f.on("describe-details-by-default") {
        m.insert("details".into(), obj.details.clone());
    }
    if f.on("describe-deprecated-flags-win") && input.has("fields") {
        for flag in DEPRECATED_FLAGS {
            match input.get(flag).and_then(Value::as_bool) {
                Some(true) if *flag == "properties" => {
                    m.insert("properties".into(), props_json(&copy.properties));
                }
                Some(true) => {
                    m.insert("details".into(), obj.details.clone());
                }
                Some(false) => {
                    m.remove(*flag);
                }
                None => {}
            }
        }
    }
    if f.on("describe-links-not-deduplicated") && m.contains_key("links") {
        m.insert(
            "links".into(),
            strings_json(&collect_links(&obj.details, false)),
        );
    }
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
    folder: String,
    close: bool,
    parents: bool,
    nonce: Option<&'a str>,
}

fn read_new<'a>(input: Input<'a>, f: &Faults) -> ApiResult<NewRecord<'a>> {
    // The project's ID class (InvalidType) is checked after every shape check, as the
    // team's error order says; here only its type and shape.
    let project = input.req_str("project")?;
    if ids::class_of(project).is_none() {
        return Err(invalid_input(
            "Expected key \"project\" to be a valid project or container ID",
        ));
    }
    let measure = |off_by_one: &str, in_chars: &str| Measure {
        slack: usize::from(f.on(off_by_one)),
        chars: f.on(in_chars),
    };
    let key_measure = measure(
        "property-key-limit-off-by-one",
        "property-key-counted-in-chars",
    );
    let value_measure = measure(
        "property-value-limit-off-by-one",
        "property-value-counted-in-chars",
    );
    let nonce_measure = measure("nonce-limit-off-by-one", "nonce-counted-in-chars");
    let link_rules = LinkRules {
        sole_key: !f.on("link-extra-key-accepted"),
        id_value: !f.on("link-value-any-type-accepted"),
    };
    Ok(NewRecord {
        project,
        name: input.opt_name("name")?,
        tags: input.opt_tags("tags")?,
        types: input.opt_types("types")?,
        hidden: input.opt_bool("hidden")?,
        properties: input.opt_properties_measured("properties", key_measure, value_measure)?,
        details: input
            .get("details")
            .map(|d| input::details_with(d, link_rules))
            .transpose()?,
        folder: input.opt_folder("folder")?.unwrap_or_else(|| "/".into()),
        close: input.bool_or("close", false)?,
        parents: input.bool_or("parents", false)?,
        nonce: input.opt_nonce_measured("nonce", nonce_measure)?,
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

/// `/record/new`.
pub fn new(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let f = call.faults;
    let input = call.input();
    let mut req = read_new(input, f)?;
    if f.on("new-project-wrong-class-not-found")
        && ids::class_of(req.project).is_some_and(|c| !ids::is_container_class(c))
    {
        return Err(not_found(req.project));
    }
    let project = input::project_id("project", req.project)?;
    let needed = if f.on("new-upload-not-enforced") {
        Level::View
    } else {
        Level::Upload
    };
    let target = store.require(project, call.user, needed)?;
    match billing::check(target) {
        Err(e)
            if (e.kind == ErrorType::SpendingLimitExceeded
                && f.on("new-spending-limit-ignored"))
                || (e.kind == ErrorType::OrgExpired && f.on("new-org-expired-ignored")) => {}
        other => other?,
    }
    let source = read_source(store, input, call.user)?;
    if !req.parents
        && !target.has_folder(&req.folder)
        && !f.on("new-folder-created-without-parents")
    {
        return Err(not_found_msg(format!(
            "The folder {} could not be found in {project}",
            req.folder
        )));
    }
    let nonce_key = match req.nonce {
        Some(n) if !call.faults.on("nonce-ignored") => Some((call.user.to_string(), n.to_string())),
        _ => None,
    };
    if let Some(key) = &nonce_key
        && let Some(entry) = store.nonces.get(key)
    {
        // The whole input, nonce included, is compared; Value equality ignores key order.
        return if &entry.input == call.body || f.on("nonce-reuse-answers-first") {
            Ok(entry.output.clone())
        } else {
            Err(invalid_input(NONCE_REUSED))
        };
    }

    // Defaults come from the source record's copy, explicit fields override.
    let (mut name, mut tags, mut types, mut hidden, mut properties, mut details) = (
        None,
        Vec::new(),
        Vec::new(),
        f.on("new-hidden-default-true"),
        BTreeMap::new(),
        if f.on("new-details-default-null") {
            Value::Null
        } else {
            json!({})
        },
    );
    if let Some((sp, sid)) = source.filter(|_| !f.on("initialize-from-ignored"))
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
    if f.on("initialize-from-overrides-given") && source.is_some() {
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
    let id = store.fresh_id("record");
    let now = now_ms();
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
        copies: vec![Copy {
            project: project.to_string(),
            name: req.name.or(name).unwrap_or_else(|| {
                if f.on("new-name-default-empty") {
                    String::new()
                } else {
                    id.clone()
                }
            }),
            folder: if f.on("new-folder-default-empty") && !input.has("folder") {
                String::new()
            } else {
                req.folder.clone()
            },
            tags: req.tags.unwrap_or(tags),
            properties: req.properties.unwrap_or(properties),
        }],
    };
    let p = store.project_mut(project)?;
    p.make_folders(&req.folder);
    p.objects.push(id.clone());
    store.objects.insert(id.clone(), obj);
    let output = json!({ "id": id });
    if let Some(key) = nonce_key {
        store.nonces.insert(
            key,
            NonceEntry {
                input: call.body.clone(),
                output: output.clone(),
            },
        );
    }
    Ok(output)
}
