//! Faults of the Folders and deletion and Cloning pages: folder listing and normalisation,
//! newFolder, removeFolder, move, renameFolder, removeObjects and what removal takes with
//! it, and clone (closed only, same ID, metadata, hidden links, conflicts, levels).

use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::{Edit, Seen};
use crate::server::error::{ApiError, not_found_msg};
use crate::server::store::Level;

/// Whether the request is to this container method.
fn is(seen: &Seen, method: &str) -> bool {
    seen.route_method() == Some(method)
}

/// The body's mapping, when the request is to `method`.
fn body_of<'a>(
    seen: &Seen,
    method: &str,
    body: &'a mut Value,
) -> Option<&'a mut serde_json::Map<String, Value>> {
    if is(seen, method) {
        body.as_object_mut()
    } else {
        None
    }
}

/// A server that does not drop a trailing `/`: `/a/` names no folder it knows.
fn trailing_slash_not_normalised(seen: &Seen, body: &mut Value) -> Result<(), ApiError> {
    let folder_routes = [
        "newFolder",
        "listFolder",
        "removeFolder",
        "renameFolder",
        "move",
        "clone",
    ];
    if !seen
        .route_method()
        .is_some_and(|m| folder_routes.contains(&m))
    {
        return Ok(());
    }
    for key in ["folder", "destination", "newpath"] {
        if let Some(path) = body.get(key).and_then(Value::as_str)
            && path.len() > 1
            && path.ends_with('/')
        {
            return Err(not_found_msg(format!(
                "The folder {path} could not be found"
            )));
        }
    }
    Ok(())
}

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    // ---- listing ----
    Fault {
        name: "list-folder-lists-grandchildren",
        description: "listFolder's `folders` holds every folder below, not only the immediate subfolders",
        items: &["project/listFolder#output.folders.immediate"],
        edit: Edit::rules(|r| r.folders.list_immediate_only = false),
    },
    Fault {
        name: "list-folder-relative-paths",
        description: "listFolder names subfolders by their basename (`b`) instead of their full path (`/a/b`)",
        items: &["project/listFolder#output.folders"],
        edit: Edit::answer(|seen, _, a| {
            if is(seen, "listFolder")
                && let Some(Value::Array(folders)) =
                    a.success_mut().and_then(|m| m.get_mut("folders"))
            {
                for f in folders.iter_mut() {
                    if let Some(s) = f.as_str() {
                        *f = json!(s.rsplit('/').next().unwrap_or(s));
                    }
                }
            }
        }),
    },
    Fault {
        name: "list-folder-hidden-by-default",
        description: "listFolder returns hidden objects when `includeHidden` is not given",
        items: &["project/listFolder#input.includeHidden.default"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "listFolder", body) {
                m.entry("includeHidden").or_insert(json!(true));
            }
            Ok(())
        }),
    },
    Fault {
        name: "list-folder-include-hidden-ignored",
        description: "listFolder ignores `includeHidden: true`: hidden objects are never listed",
        items: &["project/listFolder#input.includeHidden"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "listFolder", body) {
                m.remove("includeHidden");
            }
            Ok(())
        }),
    },
    Fault {
        name: "list-folder-describe-ignored",
        description: "listFolder ignores `describe`: entries never carry it",
        items: &[
            "project/listFolder#input.describe.true",
            "project/listFolder#output.objects.describe",
        ],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "listFolder", body) {
                m.remove("describe");
            }
            Ok(())
        }),
    },
    Fault {
        name: "list-folder-only-ignored",
        description: "listFolder ignores `only` (any value): folders and objects are always both listed",
        items: &[
            "project/listFolder#input.only",
            "project/listFolder#output.keys",
            "project/listFolder#input.only.invalid",
        ],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "listFolder", body) {
                m.remove("only");
            }
            Ok(())
        }),
    },
    Fault {
        name: "trailing-slash-not-normalised",
        description: "a folder path with a trailing `/` is not normalised: `/a/` names no folder",
        items: &["folders#rule.normalise.trailing"],
        edit: Edit::request(trailing_slash_not_normalised),
    },
    // ---- newFolder ----
    Fault {
        name: "new-folder-parents-ignored",
        description: "newFolder ignores `parents: true`: missing ancestors are an error",
        items: &["project/newFolder#input.parents"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "newFolder", body) {
                m.remove("parents");
            }
            Ok(())
        }),
    },
    Fault {
        name: "new-folder-always-parents",
        description: "newFolder behaves as if `parents` were always true: an existing folder or a missing parent is no error",
        items: &[
            "project/newFolder#error.InvalidState.exists",
            "project/newFolder#error.ResourceNotFound.parent",
            "project/newFolder#input.parents.default",
        ],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "newFolder", body) {
                m.insert("parents".into(), json!(true));
            }
            Ok(())
        }),
    },
    Fault {
        name: "new-folder-answers-path",
        description: "newFolder answers the new folder's path as `id` instead of the container's ID",
        items: &["project/newFolder#output.id"],
        edit: Edit::answer(|seen, request, a| {
            if is(seen, "newFolder")
                && let Some(m) = a.success_mut()
            {
                m.insert(
                    "id".into(),
                    request.get("folder").cloned().unwrap_or(Value::Null),
                );
            }
        }),
    },
    Fault {
        name: "folder-routes-need-contribute",
        description: "newFolder, move and renameFolder require CONTRIBUTE: an UPLOAD member is refused",
        items: &[
            "project/newFolder#error.PermissionDenied",
            "project/renameFolder#error.PermissionDenied",
            "project/move#error.PermissionDenied",
        ],
        edit: Edit::rules(|r| r.levels.place = Level::Contribute),
    },
    // ---- removeFolder ----
    Fault {
        name: "remove-folder-without-recurse-removes",
        description: "removeFolder removes a non-empty folder without `recurse`",
        items: &["project/removeFolder#error.InvalidState.not-empty"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "removeFolder", body) {
                m.insert("recurse".into(), json!(true));
            }
            Ok(())
        }),
    },
    Fault {
        name: "remove-folder-force-ignored",
        description: "removeFolder ignores `force`: a missing folder is always ResourceNotFound",
        items: &["project/removeFolder#input.force"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "removeFolder", body) {
                m.remove("force");
            }
            Ok(())
        }),
    },
    Fault {
        name: "remove-folder-partial-without-completed",
        description: "removeFolder with `partial: true` answers no `completed`",
        items: &[
            "project/removeFolder#output.completed",
            "project/removeFolder#input.partial",
        ],
        edit: Edit::answer(|seen, _, a| {
            if is(seen, "removeFolder")
                && let Some(m) = a.success_mut()
            {
                m.remove("completed");
            }
        }),
    },
    // ---- renameFolder and move ----
    Fault {
        name: "rename-folder-name-as-path",
        description: "renameFolder reads `name` as a path from the root: `/p/old` renamed `new` becomes `/new`",
        items: &["project/renameFolder#input.name"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "renameFolder", body)
                && let Some(Value::String(name)) = m.remove("name")
            {
                let path = if name.is_empty() || name.contains('/') {
                    name
                } else {
                    format!("/{name}")
                };
                m.insert("newpath".into(), json!(path));
            }
            Ok(())
        }),
    },
    Fault {
        name: "move-drops-basename",
        description: "move pours a moved folder's contents into the destination instead of landing it as `destination/<basename>`",
        items: &["project/move#rule.basename", "project/move#input.folders"],
        edit: Edit::rules(|r| r.folders.move_keeps_basename = false),
    },
    // ---- removal ----
    Fault {
        name: "removal-keeps-orphaned-hidden",
        description: "removing objects leaves the hidden objects that only they linked to",
        items: &[
            "folders#rule.deletion.hidden",
            "folders#rule.deletion.hidden-transitive",
        ],
        edit: Edit::rules(|r| r.folders.remove_unreachable_hidden = false),
    },
    Fault {
        name: "remove-objects-force-ignored",
        description: "removeObjects ignores `force`: an unknown ID is always ResourceNotFound",
        items: &["project/removeObjects#input.force"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = body_of(seen, "removeObjects", body) {
                m.remove("force");
            }
            Ok(())
        }),
    },
    Fault {
        name: "remove-objects-needs-upload",
        description: "removing objects (removeObjects, removeFolder of a folder with objects) needs only UPLOAD",
        items: &[
            "project/removeObjects#error.PermissionDenied",
            "project/removeFolder#error.PermissionDenied",
        ],
        edit: Edit::rules(|r| r.levels.remove = Level::Upload),
    },
    Fault {
        name: "protected-deletion-by-contribute",
        description: "in a protected project a CONTRIBUTE member still deletes",
        items: &[
            "folders#rule.protected-delete",
            "project/removeObjects#error.PermissionDenied.protected",
        ],
        edit: Edit::rules(|r| r.levels.remove_protected = Level::Contribute),
    },
    // ---- clone ----
    Fault {
        name: "clone-accepts-open",
        description: "clone copies open objects",
        items: &["cloning#rule.closed-only"],
        edit: Edit::rules(|r| r.folders.clone_closed_only = false),
    },
    Fault {
        name: "clone-changes-id",
        description: "clone makes a new object with a new ID in the destination",
        items: &["project/clone#rule.same-id"],
        edit: Edit::rules(|r| r.folders.clone_keeps_id = false),
    },
    Fault {
        name: "clone-drops-metadata",
        description: "the clone gets default metadata (its ID as name, no tags or properties) instead of the original's",
        items: &["cloning#rule.metadata-copied"],
        edit: Edit::rules(|r| r.folders.clone_copies_metadata = false),
    },
    Fault {
        name: "clone-ignores-hidden-links",
        description: "clone does not follow links to hidden objects",
        items: &["project/clone#rule.hidden-linked"],
        edit: Edit::rules(|r| r.folders.clone_follows_hidden_links = false),
    },
    Fault {
        name: "clone-copies-unlinked-hidden",
        description: "cloning a folder clones every hidden object in it, linked or not",
        items: &["project/clone#rule.hidden-in-folder"],
        edit: Edit::rules(|r| r.folders.clone_hidden_needs_ancestor = false),
    },
    Fault {
        name: "clone-folder-conflict-accepted",
        description: "cloning a folder into a destination that already has a folder of that name merges into it (what DNAnexus's client tests found)",
        items: &["project/clone#error.folder-exists"],
        edit: Edit::rules(|r| r.folders.clone_folder_conflict_refused = false),
    },
    Fault {
        name: "clone-from-restricted-accepted",
        description: "clone copies out of a restricted project",
        items: &["cloning#rule.restricted"],
        edit: Edit::rules(|r| r.folders.clone_restricted_refused = false),
    },
    Fault {
        name: "clone-destination-needs-view",
        description: "clone checks only VIEW on the destination",
        items: &["cloning#rule.upload-destination"],
        edit: Edit::rules(|r| r.folders.clone_destination = Level::View),
    },
    Fault {
        name: "clone-source-needs-upload",
        description: "clone requires UPLOAD on the source: a VIEW member cannot clone out",
        items: &["cloning#rule.view-source"],
        edit: Edit::rules(|r| r.folders.clone_source = Level::Upload),
    },
    Fault {
        name: "clone-exists-missing",
        description: "clone answers without `exists`",
        items: &["project/clone#output.exists"],
        edit: Edit::answer(|seen, _, a| {
            if is(seen, "clone")
                && let Some(m) = a.success_mut()
            {
                m.remove("exists");
            }
        }),
    },
];
