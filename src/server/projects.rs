//! Projects and containers: `/project/new` and `/project-xxxx/` describe, update, destroy,
//! invite, decreasePermissions, leave, addTags, removeTags, setProperties (projects and
//! permissions pages). Containers answer the same routes, since the bodies are identical.

use serde_json::{Map, Value, json};

use super::call::Call;
use super::error::{ApiResult, invalid_input, invalid_state, not_found, permission_denied};
use super::fields::Fields;
use super::input::Input;
use super::store::{Level, Store, props_json, strings_json};

/// Default describe fields: the spec's minimum set plus what `dx describe P` prints.
pub const DEFAULT_FIELDS: &[&str] = &[
    "class",
    "name",
    "summary",
    "description",
    "level",
    "tags",
    "protected",
    "restricted",
    "downloadRestricted",
    "previewViewerRestricted",
    "externalUploadRestricted",
    "containsPHI",
    "databaseUIViewOnly",
    "databaseResultsRestricted",
    "allowedExecutables",
    "created",
    "modified",
    "createdBy",
    "billTo",
    "region",
    "dataUsage",
    "sponsoredDataUsage",
    "storageCost",
    "pendingTransfer",
    "atSpendingLimit",
    "totalSponsoredEgressBytes",
    "consumedSponsoredEgressBytes",
];

/// Fields only sent on request, through `fields` or these deprecated flags.
pub const DEPRECATED_FLAGS: &[&str] = &["properties", "folders", "permissions"];

/// The regions a project may be created in. Unknown regions are InvalidInput, as observed.
pub const REGIONS: &[&str] = &["aws:us-east-1", "aws:eu-central-1", "azure:westus"];

fn id_answer(call: &Call) -> ApiResult<Value> {
    Ok(json!({ "id": call.subject }))
}

/// The string fields and flags `/project/new` and `update` share.
fn read_flags(input: Input) -> ApiResult<Vec<(&'static str, bool)>> {
    let mut out = Vec::new();
    for key in [
        "protected",
        "restricted",
        "downloadRestricted",
        "previewViewerRestricted",
        "externalUploadRestricted",
        "databaseUIViewOnly",
    ] {
        if let Some(b) = input.opt_bool(key)? {
            out.push((key, b));
        }
    }
    Ok(out)
}

/// `billTo`: only the caller can be billed here (there are no orgs). [OBSERVED] A `billTo`
/// naming a user or org that does not exist is InvalidInput; naming another user is too
/// (our reading: one cannot bill someone else).
fn check_bill_to(call: &Call, bill_to: &str) -> ApiResult<()> {
    if bill_to == call.user {
        return Ok(());
    }
    Err(invalid_input(format!(
        "Invalid billTo {bill_to:?}: it must be the requesting user or an org they may bill"
    )))
}

/// `databaseResultsRestricted`: [CLIENT] a positive integer (dx's `--database-results-restricted
/// N`), which the platform accepts and describes back [OBSERVED]; a boolean is kept as well
/// (older readings); `null` unsets it (`Some(None)`).
fn read_db_restricted(input: Input) -> ApiResult<Option<Option<Value>>> {
    match input.get("databaseResultsRestricted") {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(v @ Value::Bool(_)) => Ok(Some(Some(v.clone()))),
        Some(v) if super::input::int_value(v).is_some_and(|n| n > 0) => Ok(Some(Some(v.clone()))),
        Some(_) => Err(invalid_input(
            "Expected key \"databaseResultsRestricted\" to be a positive integer or null",
        )),
    }
}

fn set_flag(p: &mut super::store::Project, key: &str, value: bool) {
    match key {
        "protected" => p.protected = value,
        "restricted" => p.restricted = value,
        "downloadRestricted" => {
            p.download_restricted = value;
            // Observed: restricting downloads also restricts the preview viewer.
            if value {
                p.preview_viewer_restricted = true;
            }
        }
        "previewViewerRestricted" => p.preview_viewer_restricted = value,
        "externalUploadRestricted" => p.external_upload_restricted = value,
        "databaseUIViewOnly" => p.database_ui_view_only = value,
        _ => {}
    }
}

/// `/project/new`.
pub fn new(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let name = input
        .opt_name("name")?
        .ok_or_else(|| invalid_input("Expected key \"name\" to be present"))?;
    let summary = input.opt_str("summary")?;
    let description = input.opt_str("description")?;
    let flags = read_flags(input)?;
    let tags = input.opt_tags("tags")?;
    let properties = input.opt_properties("properties", &call.rules.limits)?;
    let bill_to = input.opt_str("billTo")?;
    let region = input.opt_str("region")?;
    if let Some(r) = region
        && !REGIONS.contains(&r)
    {
        return Err(invalid_input(format!("Unknown region {r:?}")));
    }
    if input.opt_bool("containsPHI")? == Some(true) {
        return Err(permission_denied(format!(
            "PHI features must be enabled for {} to create a project containing PHI",
            call.user
        )));
    }
    if let Some(b) = bill_to {
        check_bill_to(call, b)?;
    }
    let db_restricted = read_db_restricted(input)?;
    let id = store.create_project("project", &name, call.user, call.rules.id_alphabet);
    let p = store.project_mut(&id)?;
    p.summary = summary.unwrap_or_default().to_string();
    p.description = description.unwrap_or_default().to_string();
    for (k, v) in flags {
        set_flag(p, k, v);
    }
    p.tags = tags.unwrap_or_default();
    p.properties = properties.unwrap_or_default();
    if let Some(r) = region {
        p.region = r.to_string();
    }
    if let Some(Some(d)) = db_restricted {
        p.database_results_restricted = Some(d);
    }
    Ok(json!({ "id": id }))
}

/// `/project-xxxx/describe`.
pub fn describe(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let fields = read_fields(call.input())?;
    store.require(call.subject, call.user, Level::View)?;
    Ok(describe_value(store, call.subject, call.user, &fields))
}

/// A project describe input's field selection.
pub fn read_fields(input: Input) -> ApiResult<Fields> {
    Fields::read(input, DEFAULT_FIELDS, DEPRECATED_FLAGS, false)
}

/// The describe hash of a project as `user` sees it (the caller has checked access).
pub fn describe_value(store: &Store, project: &str, user: &str, fields: &Fields) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(project));
    let Some(p) = store.projects.get(project) else {
        return Value::Object(out);
    };
    let level = store.level(project, user);
    let mut put = |name: &str, value: Value| {
        if fields.has(name) {
            out.insert(name.into(), value);
        }
    };
    put("class", json!(p.class));
    put("name", json!(p.name));
    put("summary", json!(p.summary));
    put("description", json!(p.description));
    put("level", json!(level.map(Level::as_str)));
    put("tags", strings_json(&p.tags));
    put("protected", json!(p.protected));
    put("restricted", json!(p.restricted));
    put("downloadRestricted", json!(p.download_restricted));
    put(
        "previewViewerRestricted",
        json!(p.preview_viewer_restricted),
    );
    put(
        "externalUploadRestricted",
        json!(p.external_upload_restricted),
    );
    put("containsPHI", json!(p.contains_phi));
    put("databaseUIViewOnly", json!(p.database_ui_view_only));
    put(
        "databaseResultsRestricted",
        json!(p.database_results_restricted),
    );
    put("allowedExecutables", json!(p.allowed_executables));
    put("created", json!(p.created));
    put("modified", json!(p.modified));
    put("createdBy", json!({"user": p.created_by}));
    put("billTo", json!(p.bill_to));
    put("region", json!(p.region));
    put("dataUsage", json!(0));
    put("sponsoredDataUsage", json!(0));
    put("storageCost", json!(0));
    put("pendingTransfer", Value::Null);
    put(
        "atSpendingLimit",
        json!(p.billing == super::store::Billing::SpendingLimit),
    );
    put("totalSponsoredEgressBytes", json!(0));
    put("consumedSponsoredEgressBytes", json!(0));
    put("properties", props_json(&p.properties));
    put(
        "fileUploadParameters",
        super::files::parameters::upload_parameters(&p.region),
    );
    let mut folders = vec!["/".to_string()];
    folders.extend(p.folders.iter().cloned());
    put("folders", strings_json(&folders));
    put(
        "permissions",
        Value::Object(
            p.members
                .iter()
                .map(|(m, l)| (m.clone(), json!(l.as_str())))
                .collect(),
        ),
    );
    Value::Object(out)
}

/// `/project-xxxx/update`: every field needs ADMINISTER (per-field levels are [SILENT]).
pub fn update(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let name = input.opt_name("name")?;
    let summary = input.opt_str("summary")?;
    let description = input.opt_str("description")?;
    let flags = read_flags(input)?;
    // [CLIENT] dx sends `allowedExecutables: null` to unset (`--unset-allowed-executables`).
    let allowed_null = input.get("allowedExecutables") == Some(&Value::Null);
    let allowed = match allowed_null {
        true => None,
        false => input.opt_array("allowedExecutables")?,
    };
    let allowed: Option<Vec<String>> = allowed
        .map(|a| {
            a.iter()
                .map(|v| match v.as_str() {
                    Some(s) if super::ids::class_of(s).is_some() => Ok(s.to_string()),
                    _ => Err(invalid_input(
                        "Expected \"allowedExecutables\" to be an array of executable IDs",
                    )),
                })
                .collect()
        })
        .transpose()?;
    let unset_allowed = input.bool_or("unsetAllowedExecutables", false)? || allowed_null;
    let db_restricted = read_db_restricted(input)?;
    let unset_db = input.bool_or("unsetDatabaseResultsRestricted", false)?;
    let bill_to = input.opt_str("billTo")?;
    if input.opt_bool("containsPHI")? == Some(true) {
        return Err(permission_denied(format!(
            "PHI features must be enabled for {} to mark a project as containing PHI",
            call.user
        )));
    }
    store.require(call.subject, call.user, call.rules.levels.administer)?;
    if let Some(b) = bill_to {
        check_bill_to(call, b)?;
    }
    let p = store.project_mut(call.subject)?;
    // Observed rule: downloads cannot be unrestricted while the preview viewer is.
    let mut download = p.download_restricted;
    let mut preview = p.preview_viewer_restricted;
    for (k, v) in &flags {
        match *k {
            "downloadRestricted" => {
                download = *v;
                preview |= *v;
            }
            "previewViewerRestricted" => preview = *v,
            _ => {}
        }
    }
    if !download && preview && flags.iter().any(|(k, _)| *k == "downloadRestricted") {
        return Err(invalid_input(
            "downloadRestricted cannot be false while previewViewerRestricted is true",
        ));
    }
    if let Some(n) = name {
        p.name = n;
    }
    if let Some(s) = summary {
        p.summary = s.to_string();
    }
    if let Some(d) = description {
        p.description = d.to_string();
    }
    for (k, v) in flags {
        set_flag(p, k, v);
    }
    if let Some(a) = allowed {
        p.allowed_executables = Some(a);
    }
    if unset_allowed {
        p.allowed_executables = None;
    }
    if let Some(d) = db_restricted {
        p.database_results_restricted = d;
    }
    if let Some(b) = bill_to {
        p.bill_to = b.to_string();
    }
    if unset_db {
        p.database_results_restricted = None;
    }
    p.modified = super::store::next_time(p.modified);
    id_answer(call)
}

/// `/project-xxxx/destroy`: ADMINISTER. There are no jobs, so `terminateJobs` only has
/// to be a boolean.
pub fn destroy(store: &mut Store, call: &Call) -> ApiResult<Value> {
    call.input().opt_bool("terminateJobs")?;
    store.require(call.subject, call.user, call.rules.levels.administer)?;
    if call.rules.projects.destroy_removes {
        store.destroy_project(call.subject);
    }
    id_answer(call)
}

/// `/project-xxxx/invite`: ADMINISTER. Inviting never lowers a level (that is
/// decreasePermissions' job) and inviting at a level already held changes nothing.
/// `state` is `"granted"`: users here need not accept (the values are [SILENT]).
pub fn invite(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let invitee = input.req_str("invitee")?;
    let level_str = input.req_str("level")?;
    let level = Level::parse(level_str).ok_or_else(|| {
        invalid_input("Expected \"level\" to be VIEW, UPLOAD, CONTRIBUTE or ADMINISTER")
    })?;
    input.opt_bool("suppressEmailNotification")?;
    if invitee == "PUBLIC" && level != Level::View && call.rules.projects.public_view_only {
        return Err(invalid_input("PUBLIC can only be granted VIEW"));
    }
    store.require(call.subject, call.user, call.rules.levels.administer)?;
    if invitee != "PUBLIC" && !store.users.contains_key(invitee) {
        return Err(not_found(invitee));
    }
    let p = store.project_mut(call.subject)?;
    let current = p.members.get(invitee).copied();
    if current == Some(level) && !call.rules.projects.held_level_no_op {
        return Err(invalid_state(format!(
            "{invitee} already has {} in {}",
            level.as_str(),
            call.subject
        )));
    }
    let lowers = current.is_some_and(|c| c > level);
    if current != Some(level) && !(lowers && call.rules.projects.invite_never_lowers) {
        p.members.insert(invitee.to_string(), level);
        p.modified = super::store::next_time(p.modified);
    }
    Ok(json!({ "id": call.subject, "state": "granted" }))
}

/// `/project-xxxx/decreasePermissions`: a flat mapping of member to a lower level or
/// null (removal). Keys that are not member IDs are ignored like any unknown input key;
/// members not in the project are left alone.
pub fn decrease_permissions(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let mut changes = Vec::new();
    for (member, v) in input.0 {
        let is_member_key =
            member == "PUBLIC" || member.starts_with("user-") || member.starts_with("org-");
        if !is_member_key {
            continue;
        }
        let level = match v {
            Value::Null => None,
            Value::String(s) => match Level::parse(s) {
                Some(l) if l < Level::Administer || !call.rules.projects.decrease_only_lowers => {
                    Some(l)
                }
                _ => {
                    return Err(invalid_input(format!(
                        "Expected the level for {member} to be null, VIEW, UPLOAD or CONTRIBUTE"
                    )));
                }
            },
            _ => {
                return Err(invalid_input(format!(
                    "Expected the level for {member} to be null or a level string"
                )));
            }
        };
        changes.push((member.clone(), level));
    }
    store.require(call.subject, call.user, call.rules.levels.administer)?;
    let p = store.project_mut(call.subject)?;
    for (member, level) in &changes {
        if let (Some(current), Some(new)) = (p.members.get(member), level)
            && new > current
            && call.rules.projects.decrease_only_lowers
        {
            return Err(invalid_input(format!(
                "decreasePermissions cannot raise {member} from {} to {}",
                current.as_str(),
                new.as_str()
            )));
        }
    }
    for (member, level) in changes {
        match level {
            None => {
                p.members.remove(&member);
            }
            Some(l) => {
                if let Some(cur) = p.members.get_mut(&member) {
                    *cur = l;
                }
            }
        }
    }
    p.modified = super::store::next_time(p.modified);
    id_answer(call)
}

/// `/project-xxxx/leave`: any member may leave, except the last administrator (who would
/// leave the project unmanageable: InvalidState, our reading).
pub fn leave(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let p = store.project_mut(call.subject)?;
    let Some(level) = p.members.get(call.user).copied() else {
        return Err(permission_denied(format!(
            "{} is not a member of {}",
            call.user, call.subject
        )));
    };
    let admins = p
        .members
        .values()
        .filter(|l| **l == Level::Administer)
        .count();
    if level == Level::Administer && admins == 1 {
        return Err(invalid_state(
            "The last administrator cannot leave the project; destroy it instead",
        ));
    }
    p.members.remove(call.user);
    id_answer(call)
}

/// Project tags: CONTRIBUTE (changing the container's metadata; [SILENT] in the docs).
pub fn tags(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let tags = call.input().req_tags("tags")?;
    store.require(call.subject, call.user, call.rules.levels.project_metadata)?;
    let p = store.project_mut(call.subject)?;
    if call.method == "addTags" {
        for t in tags {
            if !p.tags.contains(&t) {
                p.tags.push(t);
            }
        }
    } else {
        p.tags.retain(|t| !tags.contains(t));
    }
    p.modified = super::store::next_time(p.modified);
    id_answer(call)
}

pub fn set_properties(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let updates = call
        .input()
        .req_property_update("properties", &call.rules.limits)?;
    store.require(call.subject, call.user, call.rules.levels.project_metadata)?;
    let p = store.project_mut(call.subject)?;
    for (k, v) in updates {
        match v {
            Some(v) => p.properties.insert(k, v),
            None => p.properties.remove(&k),
        };
    }
    p.modified = super::store::next_time(p.modified);
    id_answer(call)
}
