//! Faults of the data-object pages: types, details and links, visibility, the per-copy
//! metadata routes (rename, setProperties, addTags, removeTags), listProjects, and the
//! nonces page (checked on `/record/new`).

use serde_json::{Map, Value, json};

use super::Fault;
use crate::server::edit::{Answer, Edit, Seen};
use crate::server::error::invalid_input;
use crate::server::ids;
use crate::server::rules::Unit;
use crate::server::store::Level;

/// Whether the request is `method` on a data object (`/record-xxxx/addTags`, not the
/// project's `addTags`).
fn on_object(seen: &Seen, method: &str) -> bool {
    seen.route
        .is_some_and(|r| r.method == method && ids::DATA_CLASSES.contains(&r.class))
}

/// The body's mapping, for a request to `method` on a data object.
fn object_input<'a>(
    seen: &Seen,
    method: &str,
    body: &'a mut Value,
) -> Option<&'a mut Map<String, Value>> {
    if on_object(seen, method) {
        body.as_object_mut()
    } else {
        None
    }
}

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    // ---- types ----
    Fault {
        name: "type-names-unchecked",
        description: "addTypes (and record/new) accept any string as a type name: empty, `ΨΨ`, punctuation",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        edit: Edit::rules(|r| r.objects.type_names_checked = false),
    },
    Fault {
        name: "type-hyphen-refused",
        description: "a type name with `-` (the Types page's own example `history-record`) is InvalidInput",
        items: &["types#rule.charset.hyphen"],
        edit: Edit::rules(|r| r.objects.type_hyphen = false),
    },
    Fault {
        name: "add-types-duplicates",
        description: "addTypes of a type already present lists it a second time",
        items: &["class/addTypes#rule.already-present"],
        edit: Edit::rules(|r| r.objects.types_deduplicated = false),
    },
    Fault {
        name: "remove-types-ignored",
        description: "removeTypes answers success but removes nothing",
        items: &["class/removeTypes#input.types", "types#rule.in-describe"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "removeTypes", body)
                && m.get("types").is_some_and(Value::is_array)
            {
                m.insert("types".into(), json!([]));
            }
            Ok(())
        }),
    },
    Fault {
        name: "types-order-reversed",
        description: "describe lists `types` newest first instead of in insertion order",
        items: &["types#rule.order"],
        edit: Edit::answer(|seen, _, a| a.reverse_describe_array(seen, "types")),
    },
    Fault {
        name: "change-needs-only-view",
        description: "addTypes, removeTypes, setDetails and setVisibility need only VIEW, not UPLOAD",
        items: &[
            "class/addTypes#error.PermissionDenied",
            "class/removeTypes#error.PermissionDenied",
            "class/setDetails#error.PermissionDenied",
            "class/setVisibility#error.PermissionDenied",
        ],
        edit: Edit::rules(|r| r.levels.change = Level::View),
    },
    Fault {
        name: "no-op-touches-modified",
        description: "a call that changes nothing (a type or tag already present, an absent one removed, `{}` properties) still moves `modified`",
        items: &[
            "types#rule.no-op-keeps-modified",
            "metadata#rule.no-op-keeps-modified",
            "class/setVisibility#rule.same-value",
        ],
        edit: Edit::rules(|r| r.objects.no_op_keeps_modified = false),
    },
    // ---- details and links ----
    Fault {
        name: "set-details-merges",
        description: "setDetails merges a mapping into the old details instead of replacing them (old keys and their links stay)",
        items: &[
            "class/setDetails#rule.replaces",
            "details#rule.links-recomputed",
        ],
        edit: Edit::rules(|r| r.objects.details_replaced = false),
    },
    Fault {
        name: "set-details-unwraps-details-key",
        description: "setDetails reads a body `{\"details\": X}` as the value X (a wrapped input) instead of storing it as it is",
        items: &["class/setDetails#input.body"],
        edit: Edit::request(|seen, body| {
            if on_object(seen, "setDetails")
                && let Some(inner) = body.get("details").cloned()
            {
                *body = inner;
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-details-refuses-arrays",
        description: "setDetails with an array body is InvalidInput (details taken to be a mapping only)",
        items: &[
            "class/setDetails#input.array",
            "details#rule.object-or-array",
        ],
        edit: Edit::request(|seen, body| {
            if on_object(seen, "setDetails") && body.is_array() {
                return Err(invalid_input("Details must be a JSON object"));
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-details-accepts-scalars",
        description: "setDetails with a string, number, boolean or null body answers success (storing `{}`)",
        items: &["class/setDetails#error.InvalidInput.not-details"],
        edit: Edit::request(|seen, body| {
            if on_object(seen, "setDetails") && !(body.is_object() || body.is_array()) {
                *body = json!({});
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-details-link-extra-key-accepted",
        description: "setDetails (and record/new) accept a mapping with `$dnanexus_link` beside other keys",
        items: &["class/setDetails#error.InvalidInput.link-not-only-key"],
        edit: Edit::rules(|r| r.links.sole_key = false),
    },
    Fault {
        name: "set-details-link-any-value-accepted",
        description: "setDetails (and record/new) accept any `$dnanexus_link` value: a number, null, an array, an object without `id`",
        items: &[
            "class/setDetails#error.InvalidInput.link-not-string",
            "details#rule.link-object-form.needs-id",
        ],
        edit: Edit::rules(|r| r.links.id_value = false),
    },
    Fault {
        name: "get-details-wrapped",
        description: "getDetails answers `{\"details\": value}` instead of the raw value",
        items: &[
            "class/getDetails#output.raw",
            "class/getDetails#output.array",
        ],
        edit: Edit::answer(|seen, _, a| {
            if on_object(seen, "getDetails") && a.status.is_success() {
                a.body = json!({ "details": a.body.take() });
            }
        }),
    },
    Fault {
        name: "get-details-without-view",
        description: "getDetails (and describe) skip the VIEW check: anyone can read any object's details",
        items: &["class/getDetails#error.PermissionDenied"],
        edit: Edit::rules(|r| r.levels.describe = None),
    },
    // ---- visibility ----
    Fault {
        name: "set-visibility-only-unhides",
        description: "setVisibility answers success but never hides: `hidden: true` is treated as false",
        items: &["class/setVisibility#input.hidden"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "setVisibility", body)
                && m.get("hidden") == Some(&json!(true))
            {
                m.insert("hidden".into(), json!(false));
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-visibility-coerces",
        description: "setVisibility takes `\"true\"`/`\"false\"` strings, numbers and null as booleans",
        items: &["class/setVisibility#error.InvalidInput.not-boolean"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "setVisibility", body)
                && let Some(hidden) = m.get_mut("hidden")
            {
                let truthy = match hidden {
                    Value::String(s) => s == "true",
                    Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
                    Value::Null => false,
                    _ => return Ok(()),
                };
                *hidden = json!(truthy);
            }
            Ok(())
        }),
    },
    Fault {
        name: "visibility-default-hidden",
        description: "record/new without `hidden` makes a hidden record",
        items: &["visibility#rule.default-false"],
        edit: Edit::rules(|r| r.record_new.hidden = true),
    },
    // ---- per-copy metadata ----
    Fault {
        name: "metadata-changes-every-copy",
        description: "rename, setProperties, addTags and removeTags change every project's copy, not only the one named",
        items: &["metadata#rule.per-copy"],
        edit: Edit::rules(|r| r.objects.copy_scoped = false),
    },
    Fault {
        name: "metadata-project-not-checked",
        description: "a metadata call naming a project that does not hold the object changes the creating project's copy instead of ResourceNotFound",
        items: &[
            "class/rename#error.ResourceNotFound.not-in-project",
            "class/setProperties#error.ResourceNotFound.not-in-project",
            "class/addTags#error.ResourceNotFound.not-in-project",
            "class/removeTags#error.ResourceNotFound",
        ],
        edit: Edit::rules(|r| r.objects.copy_must_be_held = false),
    },
    Fault {
        name: "metadata-needs-contribute-while-open",
        description: "rename, setProperties, addTags and removeTags need CONTRIBUTE on an open object too",
        items: &[
            "class/rename#error.PermissionDenied",
            "class/setProperties#error.PermissionDenied",
            "class/addTags#error.PermissionDenied",
            "class/removeTags#error.PermissionDenied",
        ],
        edit: Edit::rules(|r| r.levels.copy_open = Level::Contribute),
    },
    Fault {
        name: "metadata-upload-suffices-when-closed",
        description: "rename, setProperties, addTags and removeTags need only UPLOAD on a closed object",
        items: &[
            "class/rename#error.PermissionDenied",
            "class/setProperties#error.PermissionDenied",
            "class/addTags#error.PermissionDenied",
            "class/removeTags#error.PermissionDenied",
        ],
        edit: Edit::rules(|r| r.levels.copy_closed = Level::Upload),
    },
    Fault {
        name: "rename-strips-control-characters",
        description: "rename drops control characters from the name and renames instead of answering InvalidInput",
        items: &["class/rename#error.InvalidInput.name-control"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "rename", body)
                && let Some(Value::String(name)) = m.get_mut("name")
            {
                let kept: String = name.chars().filter(|c| (*c as u32) >= 0x20).collect();
                if !kept.is_empty() {
                    *name = kept;
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-properties-replaces",
        description: "setProperties replaces every property with the update instead of merging",
        items: &["class/setProperties#rule.others-kept"],
        edit: Edit::rules(|r| r.objects.properties_merged = false),
    },
    Fault {
        name: "set-properties-null-kept",
        description: "setProperties ignores a null value instead of deleting the key",
        items: &["class/setProperties#rule.null-deletes"],
        edit: Edit::rules(|r| r.objects.null_deletes = false),
    },
    Fault {
        name: "set-properties-empty-value-deletes",
        description: "setProperties takes an empty-string value for a deletion",
        items: &["class/setProperties#rule.empty-value"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "setProperties", body)
                && let Some(Value::Object(props)) = m.get_mut("properties")
            {
                for v in props.values_mut() {
                    if v.as_str() == Some("") {
                        *v = Value::Null;
                    }
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "set-properties-value-limit-off-by-one",
        description: "setProperties (and record/new) accept a 701-byte property value",
        items: &["class/setProperties#error.InvalidInput.value-too-long"],
        edit: Edit::rules(|r| r.limits.property_value.max += 1),
    },
    Fault {
        name: "set-properties-key-counted-in-chars",
        description: "setProperties (and record/new) limit keys to 100 characters instead of 100 UTF-8 bytes",
        items: &["class/setProperties#error.InvalidInput.key-too-long"],
        edit: Edit::rules(|r| r.limits.property_key.unit = Unit::Chars),
    },
    Fault {
        name: "add-tags-duplicates",
        description: "addTags of a tag already present lists it a second time",
        items: &["class/addTags#rule.already-present"],
        edit: Edit::rules(|r| r.objects.tags_deduplicated = false),
    },
    Fault {
        name: "empty-tag-accepted",
        description: "addTags and removeTags drop empty strings from `tags` instead of answering InvalidInput",
        items: &[
            "class/addTags#error.InvalidInput.tag-empty",
            "class/removeTags#error.InvalidInput.tag",
        ],
        edit: Edit::request(|seen, body| {
            for method in ["addTags", "removeTags"] {
                if let Some(m) = object_input(seen, method, body)
                    && let Some(Value::Array(tags)) = m.get_mut("tags")
                {
                    tags.retain(|t| t.as_str() != Some(""));
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "remove-tags-ignored",
        description: "removeTags answers success but removes nothing",
        items: &["class/removeTags#input.tags"],
        edit: Edit::request(|seen, body| {
            if let Some(m) = object_input(seen, "removeTags", body)
                && m.get("tags").is_some_and(Value::is_array)
            {
                m.insert("tags".into(), json!([]));
            }
            Ok(())
        }),
    },
    Fault {
        name: "tags-order-reversed",
        description: "describe lists `tags` newest first instead of in insertion order",
        items: &[
            "class/addTags#rule.order",
            "class/removeTags#rule.keeps-order",
        ],
        edit: Edit::answer(|seen, _, a| a.reverse_describe_array(seen, "tags")),
    },
    // ---- listProjects ----
    Fault {
        name: "list-projects-one-copy",
        description: "listProjects lists only one project even when several hold a copy",
        items: &["class/listProjects#rule.after-clone"],
        edit: Edit::answer(|seen, _, a| {
            if on_object(seen, "listProjects")
                && let Some(m) = a.success_mut()
            {
                let first = m.keys().next().cloned();
                m.retain(|k, _| Some(k) == first.as_ref());
            }
        }),
    },
    Fault {
        name: "list-projects-always-administer",
        description: "listProjects gives every project the level ADMINISTER, whatever the caller's",
        items: &["class/listProjects#rule.caller-level"],
        edit: Edit::answer(|seen, _, a| {
            if on_object(seen, "listProjects")
                && let Some(m) = a.success_mut()
            {
                for level in m.values_mut() {
                    *level = json!("ADMINISTER");
                }
            }
        }),
    },
    Fault {
        name: "list-projects-unknown-object-empty",
        description: "listProjects of an object that does not exist answers `{}` instead of ResourceNotFound",
        items: &["class/listProjects#error.ResourceNotFound"],
        edit: Edit::answer(|seen, _, a| {
            if on_object(seen, "listProjects") && a.error_type() == Some("ResourceNotFound") {
                *a = Answer::ok(json!({}));
            }
        }),
    },
    // ---- nonces ----
    Fault {
        name: "nonce-compared-on-some-fields",
        description: "record/new compares only `project` and `nonce` of a reused nonce's input: other changes replay the first answer",
        items: &["nonces#error.reused", "nonces#rule.whole-input"],
        edit: Edit::rules(|r| r.nonce.compared = Some(&["project", "nonce"])),
    },
    Fault {
        name: "nonce-replay-creates",
        description: "a replayed record/new answers the first answer but still creates another record",
        items: &["nonces#rule.replay-creates-nothing"],
        edit: Edit::rules(|r| r.nonce.replay_creates = true),
    },
    Fault {
        name: "nonce-shared-between-users",
        description: "nonces are one table for all users: the peer reusing the owner's nonce gets the owner's answer or InvalidInput",
        items: &["nonces#rule.per-user"],
        edit: Edit::rules(|r| r.nonce.per_user = false),
    },
    Fault {
        name: "nonce-failed-attempt-stored",
        description: "a refused record/new claims its nonce: the corrected retry is refused as a reuse",
        items: &["nonces#rule.failed-not-stored"],
        edit: Edit::rules(|r| r.nonce.failed_stored = true),
    },
    Fault {
        name: "nonce-forgotten-within-a-second",
        description: "record/new forgets a nonce after half a second instead of keeping it an hour",
        items: &["nonces#rule.one-hour"],
        edit: Edit::rules(|r| r.nonce.kept_ms = Some(500)),
    },
    Fault {
        name: "nonce-limit-counted-in-chars",
        description: "record/new limits the nonce to 128 characters instead of 128 UTF-8 bytes",
        items: &["nonces#input.max-bytes"],
        edit: Edit::rules(|r| r.limits.nonce.unit = Unit::Chars),
    },
];

#[cfg(test)]
mod tests {
    use super::super::find;
    use crate::server::edit::{Answer, Edits, seen_for_test};
    use crate::server::rules::Rules;
    use axum::http::{HeaderMap, StatusCode};
    use serde_json::{Value, json};

    fn edits(names: &[&str]) -> Edits {
        Edits::new(names.iter().map(|n| &find(n).unwrap().edit).collect())
    }

    fn request(names: &[&str], route: (&str, &str), mut body: Value) -> Result<Value, String> {
        let edits = edits(names);
        let rules = edits.rules(Rules::default());
        let headers = HeaderMap::new();
        let seen = seen_for_test(Some(route), &headers, &rules);
        edits
            .request(&seen, &mut body)
            .map(|()| body)
            .map_err(|e| e.message)
    }

    fn answer(names: &[&str], route: (&str, &str), a: Answer) -> Answer {
        let edits = edits(names);
        let rules = edits.rules(Rules::default());
        let headers = HeaderMap::new();
        let mut a = a;
        edits.answer(
            &seen_for_test(Some(route), &headers, &rules),
            &json!({}),
            &mut a,
        );
        a
    }

    #[test]
    fn request_rewrites_touch_only_data_object_routes() {
        let f = ["empty-tag-accepted", "remove-tags-ignored"];
        let body = json!({"project": "p", "tags": ["a", ""]});
        let on_record = request(&f, ("record", "removeTags"), body.clone()).unwrap();
        assert_eq!(on_record["tags"], json!([]));
        let on_record = request(&f[..1], ("record", "addTags"), body.clone()).unwrap();
        assert_eq!(on_record["tags"], json!(["a"]));
        // The project's own addTags and removeTags are not this family's.
        assert_eq!(
            request(&f, ("project", "removeTags"), body.clone()).unwrap(),
            body
        );
    }

    #[test]
    fn set_details_rewrites() {
        let route = ("record", "setDetails");
        let unwrap = ["set-details-unwraps-details-key"];
        let wrapped = json!({"details": [1]});
        assert_eq!(request(&unwrap, route, wrapped).unwrap(), json!([1]));
        assert_eq!(request(&unwrap, route, json!([1])).unwrap(), json!([1]));
        assert!(request(&["set-details-refuses-arrays"], route, json!([1])).is_err());
        let scalar = request(&["set-details-accepts-scalars"], route, json!("x")).unwrap();
        assert_eq!(scalar, json!({}));
    }

    #[test]
    fn set_visibility_and_rename_rewrites() {
        let route = ("record", "setVisibility");
        let coerced = request(
            &["set-visibility-coerces"],
            route,
            json!({"hidden": "true"}),
        );
        assert_eq!(coerced.unwrap(), json!({"hidden": true}));
        let never = request(
            &["set-visibility-only-unhides"],
            route,
            json!({"hidden": true}),
        );
        assert_eq!(never.unwrap(), json!({"hidden": false}));
        let rename = request(
            &["rename-strips-control-characters"],
            ("record", "rename"),
            json!({"name": "a\tb"}),
        );
        assert_eq!(rename.unwrap(), json!({"name": "ab"}));
    }

    #[test]
    fn answer_rewrites() {
        let details = answer(
            &["get-details-wrapped"],
            ("record", "getDetails"),
            Answer::ok(json!([1])),
        );
        assert_eq!(details.body, json!({"details": [1]}));
        let projects = json!({"project-a": "VIEW", "project-b": "ADMINISTER"});
        let one = answer(
            &["list-projects-one-copy"],
            ("record", "listProjects"),
            Answer::ok(projects.clone()),
        );
        assert_eq!(one.body.as_object().unwrap().len(), 1);
        let admin = answer(
            &["list-projects-always-administer"],
            ("record", "listProjects"),
            Answer::ok(projects),
        );
        assert_eq!(admin.body["project-a"], "ADMINISTER");
        let missing = Answer {
            status: StatusCode::NOT_FOUND,
            body: json!({"error": {"type": "ResourceNotFound", "message": "gone"}}),
        };
        let empty = answer(
            &["list-projects-unknown-object-empty"],
            ("record", "listProjects"),
            missing,
        );
        assert_eq!((empty.status, empty.body), (StatusCode::OK, json!({})));
    }

    #[test]
    fn rules_faults_change_the_object_rules() {
        let default = Rules::default();
        assert!(default.objects.copy_scoped && default.objects.no_op_keeps_modified);
        let rules = edits(&["metadata-changes-every-copy", "no-op-touches-modified"])
            .rules(Rules::default());
        assert!(!rules.objects.copy_scoped && !rules.objects.no_op_keeps_modified);
        let nonce = edits(&["nonce-compared-on-some-fields"]).rules(Rules::default());
        assert_eq!(nonce.nonce.compared, Some(&["project", "nonce"][..]));
    }
}
