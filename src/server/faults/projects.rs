//! Faults of the Projects, Project permissions and sharing, and Containers pages: project
//! creation and describe, update, destroy, the project's tags and properties, invite,
//! decreasePermissions, leave, and the routes a container lacks.

use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::{Answer, Edit, Seen};
use crate::server::error::{invalid_input, permission_denied};
use crate::server::store::Level;

/// Whether the request is `method` on a project (`/project-xxxx/method`).
fn on_project(seen: &Seen, method: &str) -> bool {
    seen.is("project", method)
}

/// The body as a mapping, when it is one.
fn fields(body: &mut Value) -> Option<&mut serde_json::Map<String, Value>> {
    body.as_object_mut()
}

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    Fault {
        name: "project-new-protected-by-default",
        description: "/project/new without `protected` makes a protected project",
        items: &["project/new#input.protected.default"],
        edit: Edit::request(|seen, body| {
            if seen.is("project", "new")
                && let Some(m) = fields(body)
                && !m.contains_key("protected")
            {
                m.insert("protected".into(), json!(true));
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-new-drops-description",
        description: "/project/new ignores `description`",
        items: &["project/new#input.description"],
        edit: Edit::request(|seen, body| {
            if seen.is("project", "new")
                && let Some(m) = fields(body)
            {
                m.remove("description");
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-new-name-optional",
        description: "/project/new without `name` makes a project named \"Untitled\"",
        items: &["project/new#input.name.required"],
        edit: Edit::request(|seen, body| {
            if seen.is("project", "new")
                && let Some(m) = fields(body)
                && !m.contains_key("name")
            {
                m.insert("name".into(), json!("Untitled"));
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-describe-level-always-administer",
        description: "project describe answers `level: ADMINISTER` whatever the caller's level",
        items: &[
            "project/describe#output.level",
            "sharing#rule.describe-reflects",
        ],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
                && m.contains_key("level")
            {
                m.insert("level".into(), json!("ADMINISTER"));
            }
        }),
    },
    Fault {
        name: "project-describe-class-container",
        description: "project describe answers `class: container` for a project",
        items: &["project/describe#output.class"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
                && m.contains_key("class")
            {
                m.insert("class".into(), json!("container"));
            }
        }),
    },
    Fault {
        name: "project-describe-drops-permissions",
        description: "project describe leaves `permissions` out even when it is asked for",
        items: &[
            "project/describe#output.permissions",
            "sharing#rule.describe-reflects",
        ],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("permissions");
            }
        }),
    },
    Fault {
        name: "project-describe-ignores-fields",
        description: "project describe ignores `fields`: it always answers the default fields",
        items: &["project/describe#input.fields"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "describe")
                && let Some(m) = fields(body)
            {
                m.remove("fields");
                m.remove("defaultFields");
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-describe-created-in-seconds",
        description: "project describe gives `created` in seconds, not milliseconds",
        items: &["project/describe#output.created"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
                && let Some(ms) = m.get("created").and_then(Value::as_i64)
            {
                m.insert("created".into(), json!(ms / 1000));
            }
        }),
    },
    Fault {
        name: "project-update-ignores-protected",
        description: "project update answers success but leaves `protected` as it was",
        items: &["project/update#input.protected"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "update")
                && let Some(m) = fields(body)
            {
                m.remove("protected");
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-update-ignores-name",
        description: "project update answers success but keeps the old name",
        items: &["project/update#input.name"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "update")
                && let Some(m) = fields(body)
            {
                m.remove("name");
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-update-refuses-integer-database-results-restricted",
        description: "project update refuses an integer `databaseResultsRestricted` (the bug dxpy's test suite found)",
        items: &["project/update#input.databaseResultsRestricted"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "update")
                && body
                    .get("databaseResultsRestricted")
                    .is_some_and(Value::is_number)
            {
                return Err(invalid_input(
                    "Expected key \"databaseResultsRestricted\" to be a boolean",
                ));
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-update-accepts-unknown-bill-to",
        description: "project update accepts a `billTo` naming a user who does not exist (the bug dxpy's test suite found)",
        items: &["project/update#error.InvalidInput.billTo"],
        edit: Edit::answer(|seen, request, a| {
            if on_project(seen, "update")
                && request.get("billTo").is_some()
                && a.error_type() == Some("InvalidInput")
            {
                *a = Answer::ok(json!({}));
            }
        }),
    },
    Fault {
        name: "project-download-restricted-leaves-preview",
        description: "setting `downloadRestricted` does not restrict the preview viewer",
        items: &["project/update#rule.download-restricts-preview"],
        edit: Edit::answer(|seen, request, a| {
            if on_project(seen, "describe")
                && request.pointer("/fields/previewViewerRestricted").is_some()
                && let Some(m) = a.success_mut()
                && m.get("downloadRestricted") == Some(&json!(true))
            {
                m.insert("previewViewerRestricted".into(), json!(false));
            }
        }),
    },
    Fault {
        name: "project-destroy-keeps-project",
        description: "destroy answers success but the project still describes",
        items: &["project/destroy#rule.gone"],
        edit: Edit::rules(|r| r.projects.destroy_removes = false),
    },
    Fault {
        name: "project-destroy-twice-succeeds",
        description: "a second destroy of the same project answers success instead of ResourceNotFound",
        items: &["project/destroy#error.ResourceNotFound.again"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "destroy") && a.error_type() == Some("ResourceNotFound") {
                *a = Answer::ok(json!({}));
            }
        }),
    },
    Fault {
        name: "project-administer-needs-only-contribute",
        description: "update, destroy, invite and decreasePermissions need only CONTRIBUTE",
        items: &[
            "project/update#error.PermissionDenied",
            "project/destroy#error.PermissionDenied",
            "project/invite#error.PermissionDenied",
            "project/decreasePermissions#error.PermissionDenied",
            "sharing#rule.non-admin-cannot-change-others",
        ],
        edit: Edit::rules(|r| r.levels.administer = Level::Contribute),
    },
    Fault {
        name: "project-remove-tags-ignored",
        description: "project removeTags answers success but removes nothing",
        items: &["project/removeTags#input.tags"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "removeTags")
                && let Some(m) = fields(body)
                && m.get("tags").is_some_and(Value::is_array)
            {
                m.insert("tags".into(), json!([]));
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-properties-null-ignored",
        description: "project setProperties ignores `null` values instead of unsetting the key",
        items: &["project/setProperties#rule.null-unsets"],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "setProperties")
                && let Some(Value::Object(props)) = body.get_mut("properties")
            {
                props.retain(|_, v| !v.is_null());
            }
            Ok(())
        }),
    },
    Fault {
        name: "invite-lowers-level",
        description: "invite at a lower level than the member holds lowers them",
        items: &["project/invite#rule.no-downgrade"],
        edit: Edit::rules(|r| r.projects.invite_never_lowers = false),
    },
    Fault {
        name: "invite-same-level-refused",
        description: "inviting a member at the level they hold is refused (InvalidState) instead of doing nothing",
        items: &["project/invite#rule.already-held"],
        edit: Edit::rules(|r| r.projects.held_level_no_op = false),
    },
    Fault {
        name: "invite-public-any-level",
        description: "invite grants PUBLIC levels above VIEW",
        items: &["project/invite#error.InvalidInput.public-above-view"],
        edit: Edit::rules(|r| r.projects.public_view_only = false),
    },
    Fault {
        name: "invite-unknown-user-accepted",
        description: "inviting a user who does not exist succeeds",
        items: &["project/invite#error.ResourceNotFound"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "invite") && a.error_type() == Some("ResourceNotFound") {
                *a = Answer::ok(json!({"state": "invited"}));
            }
        }),
    },
    Fault {
        name: "invite-drops-state",
        description: "invite answers without `state`",
        items: &["project/invite#output.state"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "invite")
                && let Some(m) = a.success_mut()
            {
                m.remove("state");
            }
        }),
    },
    Fault {
        name: "decrease-permissions-can-increase",
        description: "decreasePermissions raises a member given a higher level",
        items: &["project/decreasePermissions#error.InvalidInput.increase"],
        edit: Edit::rules(|r| r.projects.decrease_only_lowers = false),
    },
    Fault {
        name: "decrease-permissions-null-ignored",
        description: "decreasePermissions ignores `null`: the member is not removed",
        items: &[
            "project/decreasePermissions#rule.null-removes",
            "project/decreasePermissions#input.public",
        ],
        edit: Edit::request(|seen, body| {
            if on_project(seen, "decreasePermissions")
                && let Some(m) = fields(body)
            {
                m.retain(|_, v| !v.is_null());
            }
            Ok(())
        }),
    },
    Fault {
        name: "leave-refused",
        description: "leave is refused (PermissionDenied) for every member",
        items: &["project/leave#rule.any-member"],
        edit: Edit::request(|seen, _| {
            if on_project(seen, "leave") {
                return Err(permission_denied("members may not leave"));
            }
            Ok(())
        }),
    },
    Fault {
        name: "container-describe-class-project",
        description: "container describe answers `class: project`",
        items: &["container/describe#output.class"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("container", "describe")
                && let Some(m) = a.success_mut()
                && m.contains_key("class")
            {
                m.insert("class".into(), json!("project"));
            }
        }),
    },
    Fault {
        name: "project-new-ignores-tags",
        description: "/project/new ignores `tags`",
        items: &["project/new#input.tags"],
        edit: Edit::request(|seen, body| {
            if seen.is("project", "new")
                && let Some(m) = fields(body)
            {
                m.remove("tags");
            }
            Ok(())
        }),
    },
    Fault {
        name: "project-describe-properties-by-default",
        description: "project describe answers `properties` without being asked for it",
        items: &["project/describe#output.properties"],
        edit: Edit::answer(|seen, request, a| {
            if on_project(seen, "describe")
                && request.get("fields").is_none()
                && let Some(m) = a.success_mut()
            {
                m.entry("properties").or_insert_with(|| json!({}));
            }
        }),
    },
    Fault {
        name: "project-describe-folders-without-root",
        description: "project describe's `folders` leaves out the root `/`",
        items: &["project/describe#output.folders"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
                && let Some(Value::Array(folders)) = m.get_mut("folders")
            {
                folders.retain(|f| f != "/");
            }
        }),
    },
    Fault {
        name: "project-describe-created-by-handle",
        description: "project describe's `createdBy.user` is the bare handle, without `user-`",
        items: &["project/describe#output.createdBy"],
        edit: Edit::answer(|seen, _, a| {
            if on_project(seen, "describe")
                && let Some(m) = a.success_mut()
                && let Some(Value::String(user)) =
                    m.get_mut("createdBy").and_then(|c| c.get_mut("user"))
                && let Some(handle) = user.strip_prefix("user-")
            {
                *user = handle.to_string();
            }
        }),
    },
    Fault {
        name: "container-describe-level-view",
        description: "container describe answers `level: VIEW` to its administrator",
        items: &["container/describe#output.level"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("container", "describe")
                && let Some(m) = a.success_mut()
                && m.contains_key("level")
            {
                m.insert("level".into(), json!("VIEW"));
            }
        }),
    },
];
