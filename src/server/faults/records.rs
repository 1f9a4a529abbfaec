//! Faults of the Records page: `/record/new` and `/record-xxxx/describe`.

use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::{Answer, Edit};
use crate::server::error::not_found;
use crate::server::ids;
use crate::server::rules::Unit;
use crate::server::store::Level;

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    Fault {
        name: "describe-drops-links",
        description: "record describe leaves out `links`",
        items: &["record/describe#output.links"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("links");
            }
        }),
    },
    Fault {
        name: "nonce-ignored",
        description: "record/new ignores `nonce`: a retry creates a second record",
        items: &["record/new#input.nonce"],
        edit: Edit::rules(|r| r.nonce.replayed = false),
    },
    Fault {
        name: "describe-drops-sponsored",
        description: "record describe leaves out `sponsored`",
        items: &["record/describe#output.sponsored"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("sponsored");
            }
        }),
    },
    Fault {
        name: "describe-drops-folder",
        description: "record describe leaves out `folder`",
        items: &["record/describe#output.folder"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("folder");
            }
        }),
    },
    Fault {
        name: "describe-created-by-snake-case",
        description: "record describe names `createdBy` as `created_by`",
        items: &["record/describe#output.createdBy"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                if let Some(created_by) = m.remove("createdBy") {
                    m.insert("created_by".into(), created_by);
                }
            }
        }),
    },
    Fault {
        name: "describe-created-by-handle",
        description: "record describe's `createdBy.user` is the bare handle, without `user-`",
        items: &["record/describe#output.createdBy"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
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
        name: "describe-hidden-as-string",
        description: "record describe gives `hidden` as the string \"true\"/\"false\"",
        items: &["record/describe#output.hidden"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(hidden) = m.get_mut("hidden")
                && let Some(b) = hidden.as_bool()
            {
                *hidden = json!(b.to_string());
            }
        }),
    },
    Fault {
        name: "describe-created-in-seconds",
        description: "record describe gives `created` as float seconds, not integer ms",
        items: &["record/describe#output.created"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(created) = m.get_mut("created")
                && let Some(ms) = created.as_i64()
            {
                *created = json!(ms as f64 / 1000.0);
            }
        }),
    },
    Fault {
        name: "describe-modified-is-created",
        description: "record describe answers `modified` equal to `created`: changes to the metadata never move it",
        items: &["record/describe#rule.modified-moves"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(created) = m.get("created").cloned()
                && let Some(modified) = m.get_mut("modified")
            {
                *modified = created;
            }
        }),
    },
    Fault {
        name: "describe-links-always-empty",
        description: "record describe's `links` is always `[]`: links in details are not derived",
        items: &["record/describe#output.links"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                if let Some(links) = m.get_mut("links") {
                    *links = json!([]);
                }
            }
        }),
    },
    Fault {
        name: "describe-links-not-deduplicated",
        description: "record describe lists a link target once per link, not once",
        items: &["record/describe#rule.links-dedup"],
        edit: Edit::rules(|r| r.links.dedup = false),
    },
    Fault {
        name: "describe-properties-by-default",
        description: "record describe returns `properties` without being asked",
        items: &["record/describe#output.properties"],
        edit: Edit::rules(|r| r.describe.default_fields.push("properties")),
    },
    Fault {
        name: "describe-details-by-default",
        description: "record describe returns `details` without being asked",
        items: &["record/describe#output.details"],
        edit: Edit::rules(|r| r.describe.default_fields.push("details")),
    },
    Fault {
        name: "describe-fields-ignored",
        description: "record describe ignores `fields`: always the defaults plus the deprecated flags",
        items: &["record/describe#input.fields"],
        edit: Edit::request(|seen, body| {
            if seen.is_data_describe()
                && let Some(m) = body.as_object_mut()
            {
                m.remove("fields");
            }
            Ok(())
        }),
    },
    Fault {
        name: "describe-deprecated-flags-win",
        description: "record describe honours the deprecated `properties`/`details` flags even with `fields`",
        items: &["record/describe#input.deprecated-ignored"],
        edit: Edit::rules(|r| r.describe.deprecated_flags_win = true),
    },
    Fault {
        name: "describe-default-fields-ignored",
        description: "record describe ignores `defaultFields` (as if never sent)",
        items: &["record/describe#input.defaultFields"],
        edit: Edit::request(|seen, body| {
            if seen.is_data_describe()
                && let Some(m) = body.as_object_mut()
            {
                m.remove("defaultFields");
            }
            Ok(())
        }),
    },
    Fault {
        name: "describe-without-view",
        description: "record describe skips the VIEW check: anyone can describe any record",
        items: &["record/describe#error.PermissionDenied.no-view"],
        edit: Edit::rules(|r| r.levels.describe = None),
    },
    Fault {
        name: "describe-hint-no-fallback",
        description: "record describe with a hinted project not holding the record is ResourceNotFound, no fallback",
        items: &["record/describe#rule.hint-fallback"],
        edit: Edit::rules(|r| r.describe.hint_falls_back = false),
    },
    Fault {
        name: "new-name-default-empty",
        description: "record/new without `name` names the record \"\" instead of its ID",
        items: &["record/new#input.name.default"],
        edit: Edit::rules(|r| r.record_new.name_is_id = false),
    },
    Fault {
        name: "new-folder-default-empty",
        description: "record/new without `folder` files the record under \"\" instead of \"/\"",
        items: &["record/new#input.folder.default"],
        edit: Edit::rules(|r| r.record_new.folder = ""),
    },
    Fault {
        name: "new-hidden-default-true",
        description: "record/new without `hidden` makes a hidden record",
        items: &["record/new#input.hidden.default"],
        edit: Edit::rules(|r| r.record_new.hidden = true),
    },
    Fault {
        name: "new-details-default-null",
        description: "record/new without `details` stores `null` instead of `{}`",
        items: &["record/new#input.details.default"],
        edit: Edit::rules(|r| r.record_new.details = Value::Null),
    },
    Fault {
        name: "nonce-reuse-answers-first",
        description: "record/new with a reused nonce but a different input answers the first answer instead of InvalidInput",
        items: &["record/new#error.InvalidInput.nonce-reused"],
        edit: Edit::rules(|r| r.nonce.reuse_refused = false),
    },
    Fault {
        name: "nonce-limit-off-by-one",
        description: "record/new accepts a 129-byte nonce",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        edit: Edit::rules(|r| r.limits.nonce.max += 1),
    },
    Fault {
        name: "nonce-counted-in-chars",
        description: "record/new limits the nonce to 128 characters instead of 128 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        edit: Edit::rules(|r| r.limits.nonce.unit = Unit::Chars),
    },
    Fault {
        name: "property-key-limit-off-by-one",
        description: "record/new accepts a 101-byte property key",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        edit: Edit::rules(|r| r.limits.property_key.max += 1),
    },
    Fault {
        name: "property-key-counted-in-chars",
        description: "record/new limits property keys to 100 characters instead of 100 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        edit: Edit::rules(|r| r.limits.property_key.unit = Unit::Chars),
    },
    Fault {
        name: "property-value-limit-off-by-one",
        description: "record/new accepts a 701-byte property value",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        edit: Edit::rules(|r| r.limits.property_value.max += 1),
    },
    Fault {
        name: "property-value-counted-in-chars",
        description: "record/new limits property values to 700 characters instead of 700 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        edit: Edit::rules(|r| r.limits.property_value.unit = Unit::Chars),
    },
    Fault {
        name: "link-extra-key-accepted",
        description: "record/new accepts a hash with `$dnanexus_link` beside other keys",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
        edit: Edit::rules(|r| r.links.sole_key = false),
    },
    Fault {
        name: "link-value-any-type-accepted",
        description: "record/new accepts any `$dnanexus_link` value (number, null, array, an object without `id`)",
        items: &[
            "record/new#error.InvalidInput.link-not-string",
            "record/new#rule.link-object-form",
        ],
        edit: Edit::rules(|r| r.links.id_value = false),
    },
    Fault {
        name: "initialize-from-ignored",
        description: "record/new validates `initializeFrom` but copies nothing from the source",
        items: &["record/new#input.initializeFrom"],
        edit: Edit::rules(|r| r.record_new.initialize_from_copies = false),
    },
    Fault {
        name: "initialize-from-overrides-given",
        description: "record/new with `initializeFrom` keeps the source's values over the fields given",
        items: &["record/new#input.initializeFrom.override"],
        edit: Edit::rules(|r| r.record_new.given_override_source = false),
    },
    Fault {
        name: "new-project-wrong-class-not-found",
        description: "record/new with a non-project ID as `project` answers ResourceNotFound instead of InvalidType",
        items: &["record/new#error.InvalidType.project"],
        edit: Edit::answer(|seen, request, a| {
            // The route checks `project`'s class first among the IDs it reads, so an InvalidType
            // while `project` is a well-formed ID of another class is about `project`.
            let project = request
                .get("project")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let other_class = ids::class_of(project).is_some_and(|c| !ids::is_container_class(c));
            if seen.is("record", "new") && a.error_type() == Some("InvalidType") && other_class {
                *a = Answer {
                    status: seen.rules.status.resource_not_found,
                    body: not_found(project).body(),
                };
            }
        }),
    },
    Fault {
        name: "new-upload-not-enforced",
        description: "record/new needs only VIEW on `project`, not UPLOAD",
        items: &["record/new#error.PermissionDenied.upload"],
        edit: Edit::rules(|r| r.levels.create = Level::View),
    },
    Fault {
        name: "new-folder-created-without-parents",
        description: "record/new creates a missing `folder` even without `parents: true`",
        items: &[
            "record/new#error.ResourceNotFound.folder",
            "record/new#input.parents.default",
        ],
        edit: Edit::rules(|r| r.record_new.missing_folder_refused = false),
    },
    Fault {
        name: "new-spending-limit-ignored",
        description: "record/new creates records in a project whose org is at its spending limit",
        items: &["record/new#error.SpendingLimitExceeded"],
        edit: Edit::rules(|r| r.billing.spending_limit_enforced = false),
    },
    Fault {
        name: "new-org-expired-ignored",
        description: "record/new creates records in a project billed to an expired org",
        items: &["record/new#error.OrgExpired"],
        edit: Edit::rules(|r| r.billing.org_expiry_enforced = false),
    },
];
