//! Folders and what moves objects between them or between containers: newFolder,
//! listFolder, removeFolder, renameFolder, move, removeObjects, clone (folders-and-
//! deletion and cloning pages). Paths are normalised by [`super::input::folder`].
//!
//! Levels, read from [`super::rules::Levels`]: newFolder, move and renameFolder need
//! `place` (UPLOAD, our reading where the docs are silent: they create folders and place
//! objects, deleting nothing); removing objects needs `remove` (CONTRIBUTE), or
//! `remove_protected` (ADMINISTER) in a protected project; removing only empty folders
//! needs `place`. Cloning reads its levels and its rules from [`super::rules::Folders`].

use serde_json::{Value, json};

use super::call::Call;
use super::error::{
    ApiResult, invalid_input, invalid_state, not_found, not_found_msg, permission_denied,
};
use super::fields::Fields;
use super::input::{self, Input};
use super::records;
use super::rules::{Levels, Rules};
use super::store::{Copy, Level, Project, State, Store};

fn id_answer(call: &Call) -> ApiResult<Value> {
    Ok(json!({ "id": call.subject }))
}

/// Whether `path` is `folder` or inside it.
pub fn within(path: &str, folder: &str) -> bool {
    folder == "/" || path == folder || path.starts_with(&format!("{folder}/"))
}

/// The parent of a normalised non-root path.
fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn folder_missing(project: &str, folder: &str) -> super::error::ApiError {
    not_found_msg(format!(
        "The folder {folder} could not be found in {project}"
    ))
}

/// The objects of `project` whose copy is in `folder` or below.
fn objects_under(store: &Store, project: &Project, folder: &str) -> Vec<String> {
    project
        .objects
        .iter()
        .filter(|id| {
            store
                .objects
                .get(*id)
                .and_then(|o| o.copy(&project.id))
                .is_some_and(|c| within(&c.folder, folder))
        })
        .cloned()
        .collect()
}

/// The level removing objects needs: CONTRIBUTE, ADMINISTER when protected.
fn delete_level(project: &Project, levels: &Levels) -> Level {
    if project.protected {
        levels.remove_protected
    } else {
        levels.remove
    }
}

/// `newFolder`: the parent must exist unless `parents`; an existing folder is
/// InvalidState unless `parents` (which makes the call idempotent).
pub fn new_folder(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let folder = input.req_folder("folder")?;
    let parents = input.bool_or("parents", false)?;
    let p = store.require(call.subject, call.user, call.rules.levels.place)?;
    if p.has_folder(&folder) {
        if !parents {
            return Err(invalid_state(format!("The folder {folder} already exists")));
        }
    } else if !parents && !p.has_folder(parent(&folder)) {
        return Err(folder_missing(call.subject, parent(&folder)));
    }
    store.project_mut(call.subject)?.make_folders(&folder);
    id_answer(call)
}

/// `listFolder`: both `objects` and `folders` are always sent (our reading when `only`
/// limits them: the other list is empty). With `hasSubfolderFlags`, each folder is a
/// `[path, hasSubfolders]` pair.
pub fn list_folder(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let folder = input.opt_folder("folder")?.unwrap_or_else(|| "/".into());
    let describe = describe_option(input, "describe", call.rules)?;
    let only = input.opt_str("only")?.unwrap_or("all");
    if !["all", "folders", "objects"].contains(&only) {
        return Err(invalid_input(
            "Expected \"only\" to be \"folders\", \"objects\" or \"all\"",
        ));
    }
    let include_hidden = input.bool_or("includeHidden", false)?;
    let flags = input.bool_or("hasSubfolderFlags", false)?;
    let p = store.require(call.subject, call.user, Level::View)?;
    if !p.has_folder(&folder) {
        return Err(folder_missing(call.subject, &folder));
    }
    let mut folders = Vec::new();
    if only != "objects" {
        let immediate = call.rules.folders.list_immediate_only;
        let listed = |f: &&String| {
            if immediate {
                parent(f) == folder
            } else {
                f.as_str() != folder && within(f, &folder)
            }
        };
        for f in p.folders.iter().filter(listed) {
            if flags {
                let has_sub = p.folders.iter().any(|g| parent(g) == f);
                folders.push(json!([f, has_sub]));
            } else {
                folders.push(json!(f));
            }
        }
    }
    let mut objects = Vec::new();
    if only != "folders" {
        for id in &p.objects {
            let Some(obj) = store.objects.get(id) else {
                continue;
            };
            let Some(copy) = obj.copy(&p.id) else {
                continue;
            };
            if copy.folder != folder || (obj.hidden && !include_hidden) {
                continue;
            }
            let mut entry = json!({ "id": id });
            if let Some(fields) = &describe {
                entry["describe"] = records::describe_copy(obj, &p.id, fields, call.rules.links);
            }
            objects.push(entry);
        }
    }
    Ok(json!({ "objects": objects, "folders": folders }))
}

/// A `describe` option: false, true (the defaults) or a describe input.
pub fn describe_option(input: Input, key: &str, rules: &Rules) -> ApiResult<Option<Fields>> {
    match input.get(key) {
        None | Some(Value::Bool(false)) => Ok(None),
        Some(Value::Bool(true)) => Ok(Some(records::default_fields(rules))),
        Some(Value::Object(m)) => records::read_fields(Input(m), rules).map(Some),
        Some(_) => Err(invalid_input(format!(
            "Expected \"{key}\" to be a boolean or a describe input mapping"
        ))),
    }
}

/// `removeFolder`: the root cannot be removed (InvalidInput); a missing folder is
/// ResourceNotFound unless `force`; a non-empty one needs `recurse` (else InvalidState).
/// All work is done in one call, so `partial` always gets `completed: true`.
pub fn remove_folder(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let folder = input.req_folder("folder")?;
    let recurse = input.bool_or("recurse", false)?;
    let force = input.bool_or("force", false)?;
    let partial = input.bool_or("partial", false)?;
    let answer = if partial {
        json!({"id": call.subject, "completed": true})
    } else {
        json!({"id": call.subject})
    };
    if folder == "/" {
        return Err(invalid_input("The root folder cannot be removed"));
    }
    let p = store.require(call.subject, call.user, Level::View)?;
    if !p.has_folder(&folder) {
        if force {
            store.require(call.subject, call.user, call.rules.levels.place)?;
            return Ok(answer);
        }
        return Err(folder_missing(call.subject, &folder));
    }
    let objects = objects_under(store, p, &folder);
    let has_sub = p.folders.iter().any(|f| f != &folder && within(f, &folder));
    if (has_sub || !objects.is_empty()) && !recurse {
        return Err(invalid_state(format!(
            "The folder {folder} is not empty; use recurse to remove its contents"
        )));
    }
    let needed = if objects.is_empty() {
        call.rules.levels.place
    } else {
        delete_level(p, &call.rules.levels)
    };
    store.require(call.subject, call.user, needed)?;
    store.remove_copies(
        call.subject,
        &objects,
        call.rules.folders.remove_unreachable_hidden,
    );
    store
        .project_mut(call.subject)?
        .folders
        .retain(|f| !within(f, &folder));
    Ok(answer)
}

/// `renameFolder`: takes `name` (a new basename, as the Java bindings and dxfuse send) or
/// `newpath` (a new full path, as `dx mv` sends). Both at once is ambiguous:
/// InvalidInput (our reading). The target must not exist (InvalidState) and its parent
/// must (ResourceNotFound).
pub fn rename_folder(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let folder = input.req_folder("folder")?;
    let name = input.opt_str("name")?;
    let newpath = input.opt_folder("newpath")?;
    let target = match (name, newpath) {
        (Some(_), Some(_)) => {
            return Err(invalid_input(
                "Give either \"name\" or \"newpath\", not both",
            ));
        }
        (None, None) => return Err(invalid_input("Expected key \"name\" to be present")),
        (Some(n), None) => {
            let n = input::check_name("name", n)?;
            if n.contains('/') || n == "." || n == ".." {
                return Err(invalid_input(
                    "A folder name cannot contain / or be . or ..",
                ));
            }
            if folder == "/" {
                format!("/{n}")
            } else {
                format!("{}/{n}", parent(&folder).trim_end_matches('/'))
            }
        }
        (None, Some(p)) => p,
    };
    if folder == "/" || target == "/" {
        return Err(invalid_input("The root folder cannot be renamed"));
    }
    if within(&target, &folder) && target != folder {
        return Err(invalid_input("A folder cannot be moved inside itself"));
    }
    let p = store.require(call.subject, call.user, call.rules.levels.place)?;
    if !p.has_folder(&folder) {
        return Err(folder_missing(call.subject, &folder));
    }
    if target == folder {
        return id_answer(call);
    }
    if p.has_folder(&target) {
        return Err(invalid_state(format!("The folder {target} already exists")));
    }
    if !p.has_folder(parent(&target)) {
        return Err(folder_missing(call.subject, parent(&target)));
    }
    relocate_folder(store, call.subject, &folder, &target);
    id_answer(call)
}

/// Move folder `from` (and everything below) to the path `to`.
fn relocate_folder(store: &mut Store, project: &str, from: &str, to: &str) {
    let rebase = |path: &str| format!("{to}{}", &path[from.len()..]);
    let objects = store
        .projects
        .get(project)
        .map(|p| objects_under(store, p, from))
        .unwrap_or_default();
    for id in objects {
        if let Some(obj) = store.objects.get_mut(&id)
            && let Some(c) = obj.copy_mut(project)
        {
            c.folder = rebase(&c.folder);
        }
    }
    if let Some(p) = store.projects.get_mut(project) {
        for f in p.folders.iter_mut() {
            if within(f, from) {
                *f = rebase(f);
            }
        }
    }
}

/// `move`: folders land as `destination/<basename>`; objects listed explicitly go
/// straight to `destination`, even if they were inside a listed folder.
pub fn move_objects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let objects = input.opt_ids("objects")?.unwrap_or_default();
    let folders = input.opt_folders("folders")?.unwrap_or_default();
    let destination = input.req_folder("destination")?;
    input.opt_bool("targetFileRelocation")?;
    if folders.iter().any(|f| f == "/") {
        return Err(invalid_input("The root folder cannot be moved"));
    }
    let p = store.require(call.subject, call.user, call.rules.levels.place)?;
    if !p.has_folder(&destination) {
        return Err(folder_missing(call.subject, &destination));
    }
    for f in &folders {
        if !p.has_folder(f) {
            return Err(folder_missing(call.subject, f));
        }
        if within(&destination, f) {
            return Err(invalid_input(format!(
                "The folder {f} cannot be moved into itself"
            )));
        }
        let target = join(&destination, basename(f));
        if call.rules.folders.move_keeps_basename && &target != f && p.has_folder(&target) {
            return Err(invalid_state(format!("The folder {target} already exists")));
        }
    }
    for id in &objects {
        let held = store
            .objects
            .get(id)
            .is_some_and(|o| o.copy(call.subject).is_some());
        if !held {
            return Err(not_found(id));
        }
    }
    for f in &folders {
        if !call.rules.folders.move_keeps_basename {
            // Pour the folder's contents into the destination itself.
            relocate_folder(store, call.subject, f, &destination);
            let p = store.project_mut(call.subject)?;
            let mut seen = std::collections::HashSet::new();
            p.folders.retain(|g| g != "/" && seen.insert(g.clone()));
            continue;
        }
        let target = join(&destination, basename(f));
        if &target != f {
            relocate_folder(store, call.subject, f, &target);
        }
    }
    for id in &objects {
        if let Some(obj) = store.objects.get_mut(id)
            && let Some(c) = obj.copy_mut(call.subject)
        {
            c.folder = destination.clone();
        }
    }
    id_answer(call)
}

fn join(folder: &str, name: &str) -> String {
    if folder == "/" {
        format!("/{name}")
    } else {
        format!("{folder}/{name}")
    }
}

/// `removeObjects`: unknown IDs (or IDs not in the container) are ResourceNotFound unless
/// `force`. Removing the last copy of an object deletes it.
pub fn remove_objects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let objects = input
        .opt_ids("objects")?
        .ok_or_else(|| invalid_input("Expected key \"objects\" to be present"))?;
    let force = input.bool_or("force", false)?;
    let p = store.require(call.subject, call.user, Level::View)?;
    let needed = delete_level(p, &call.rules.levels);
    store.require(call.subject, call.user, needed)?;
    let mut present = Vec::new();
    for id in objects {
        let held = store
            .objects
            .get(&id)
            .is_some_and(|o| o.copy(call.subject).is_some());
        if held {
            present.push(id);
        } else if !force {
            return Err(not_found(&id));
        }
    }
    store.remove_copies(
        call.subject,
        &present,
        call.rules.folders.remove_unreachable_hidden,
    );
    id_answer(call)
}

/// `clone`: copies closed objects (an open one is InvalidState) and folders into another
/// container, keeping IDs and `created`. Objects already in the destination are listed
/// in `exists` and left alone. Needs VIEW on the source and UPLOAD on the destination, and
/// a source that is not restricted (cloning page).
///
/// A listed folder becomes `destination/<basename>`, or, for `/`, pours its contents into
/// the destination itself; a folder of that name already in the destination is refused
/// (InvalidState; the platform refuses it as a conflict). Each object is cloned once; an
/// object listed explicitly lands in the destination itself. Hidden objects are cloned only
/// through links from what is cloned ("only if a visible ancestor is also cloned"): one
/// inside a cloned folder keeps its relative position, any other lands in the destination
/// folder (our reading). Nothing is copied unless the whole clone can be done.
pub fn clone(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = &call.rules.folders;
    let input = call.input();
    let objects = input.opt_ids("objects")?.unwrap_or_default();
    let folders = input.opt_folders("folders")?.unwrap_or_default();
    let dest_project = input.req_project("project")?;
    let destination = input
        .opt_folder("destination")?
        .unwrap_or_else(|| "/".into());
    let parents = input.bool_or("parents", false)?;
    let src = store.require(call.subject, call.user, rules.clone_source)?;
    if src.restricted && rules.clone_restricted_refused {
        return Err(permission_denied(format!(
            "{} is restricted: its data cannot be cloned out of it",
            call.subject
        )));
    }
    let dst = store.require(dest_project, call.user, rules.clone_destination)?;
    if !parents && !dst.has_folder(&destination) {
        return Err(folder_missing(dest_project, &destination));
    }
    // (object, folder in the destination) for every object to copy; hidden objects met in
    // cloned folders wait in `hidden_in_folders` until a link reaches them.
    let mut plan: Vec<(String, String)> = Vec::new();
    let mut hidden_in_folders: Vec<(String, String)> = Vec::new();
    let mut new_folders: Vec<String> = Vec::new();
    for f in &folders {
        if !src.has_folder(f) {
            return Err(folder_missing(call.subject, f));
        }
        let target = if f == "/" {
            destination.clone()
        } else {
            join(&destination, basename(f))
        };
        if f != "/" && rules.clone_folder_conflict_refused && dst.has_folder(&target) {
            return Err(invalid_state(format!(
                "The folder {target} already exists in {dest_project}"
            )));
        }
        let rebase = |path: &str| rebase(path, f, &target);
        new_folders.push(target.clone());
        new_folders.extend(
            src.folders
                .iter()
                .filter(|g| *g != f && within(g, f))
                .map(|g| rebase(g)),
        );
        for id in objects_under(store, src, f) {
            let Some(obj) = store.objects.get(&id) else {
                continue;
            };
            let Some(c) = obj.copy(call.subject) else {
                continue;
            };
            let entry = (id.clone(), rebase(&c.folder));
            if obj.hidden && rules.clone_hidden_needs_ancestor {
                hidden_in_folders.push(entry);
            } else if !plan.iter().any(|(o, _)| *o == id) {
                plan.push(entry);
            }
        }
    }
    for id in &objects {
        let held = store
            .objects
            .get(id)
            .is_some_and(|o| o.copy(call.subject).is_some());
        if !held {
            return Err(not_found(id));
        }
        plan.retain(|(o, _)| o != id);
        hidden_in_folders.retain(|(o, _)| o != id);
        plan.push((id.clone(), destination.clone()));
    }
    if rules.clone_follows_hidden_links {
        // Follow links, within the source, to hidden objects, recursively. Open hidden
        // objects cannot be cloned and are left behind rather than failing the call.
        let mut pending: Vec<String> = plan.iter().map(|(o, _)| o.clone()).collect();
        while let Some(id) = pending.pop() {
            let Some(obj) = store.objects.get(&id) else {
                continue;
            };
            for target in super::store::links(&obj.details) {
                let follows = store.objects.get(&target).is_some_and(|t| {
                    t.hidden
                        && (t.state == State::Closed || !rules.clone_closed_only)
                        && t.copy(call.subject).is_some()
                });
                if !follows || plan.iter().any(|(o, _)| *o == target) {
                    continue;
                }
                let folder = hidden_in_folders
                    .iter()
                    .find(|(o, _)| *o == target)
                    .map_or_else(|| destination.clone(), |(_, f)| f.clone());
                plan.push((target.clone(), folder));
                pending.push(target);
            }
        }
    }
    if rules.clone_closed_only
        && let Some((id, _)) = plan.iter().find(|(id, _)| {
            store
                .objects
                .get(id)
                .is_some_and(|o| o.state != State::Closed)
        })
    {
        return Err(invalid_state(format!(
            "{id} is not closed; only closed objects can be cloned"
        )));
    }
    let mut exists = Vec::new();
    let mut added = Vec::new();
    for (id, folder) in plan {
        let Some(obj) = store.objects.get(&id) else {
            continue;
        };
        if obj.copy(dest_project).is_some() {
            exists.push(id);
            continue;
        }
        let Some(from) = obj.copy(call.subject).cloned() else {
            continue;
        };
        let copy = if rules.clone_copies_metadata {
            Copy {
                project: dest_project.to_string(),
                folder,
                ..from
            }
        } else {
            Copy {
                project: dest_project.to_string(),
                name: id.clone(),
                folder,
                tags: Vec::new(),
                properties: Default::default(),
            }
        };
        if rules.clone_keeps_id {
            if let Some(obj) = store.objects.get_mut(&id) {
                obj.copies.push(copy);
            }
            added.push(id);
        } else {
            let mut twin = obj.clone();
            twin.id = store.fresh_id(&twin.class, call.rules.id_alphabet);
            twin.copies = vec![copy];
            added.push(twin.id.clone());
            store.objects.insert(twin.id.clone(), twin);
        }
    }
    let dst = store.project_mut(dest_project)?;
    dst.make_folders(&destination);
    for f in &new_folders {
        dst.make_folders(f);
    }
    dst.objects.extend(added);
    Ok(json!({"id": call.subject, "project": dest_project, "exists": exists}))
}

/// `path`, inside the cloned folder `from`, as it lands under `to`.
fn rebase(path: &str, from: &str, to: &str) -> String {
    if path == from {
        return to.to_string();
    }
    let rest = if from == "/" {
        path
    } else {
        &path[from.len()..]
    };
    if to == "/" {
        rest.to_string()
    } else {
        format!("{to}{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_helpers() {
        assert!(within("/a/b", "/a"));
        assert!(within("/a", "/a"));
        assert!(!within("/ab", "/a"));
        assert!(within("/x", "/"));
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(parent("/a"), "/");
        assert_eq!(basename("/a/b"), "b");
        assert_eq!(join("/", "b"), "/b");
        assert_eq!(join("/a", "b"), "/a/b");
        assert_eq!(rebase("/a/b", "/a", "/x"), "/x/b");
        assert_eq!(rebase("/a", "/a", "/x"), "/x");
        assert_eq!(rebase("/a/b", "/a", "/"), "/b");
        assert_eq!(rebase("/s", "/", "/into"), "/into/s");
        assert_eq!(rebase("/s", "/", "/"), "/s");
    }
}
