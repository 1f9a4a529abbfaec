//! The fault catalogue: named ways a server can break the documentation, for the
//! self-check (`serve --fault NAME`; `cargo test` requires the suite to catch each one).
//!
//! A fault is a table entry plus either one arm in [`rewrite`] (for faults that only
//! change an answer) or a `faults.on("name")` check at a hook point in route code (for
//! faults that change behaviour). Either way, a disabled fault costs a set lookup.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

/// One way to break the documentation.
#[derive(Debug)]
pub struct Fault {
    pub name: &'static str,
    pub description: &'static str,
    /// The catalogue items (`page#kind.detail`) it breaks: at least one case covering one
    /// of them must fail when the fault is on.
    pub items: &'static [&'static str],
}

/// Every fault, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    // ---- protocol, authentication, IDs and headers ----
    // ---- end of protocol faults ----
    //
    // ---- data object lifecycle and close ----
    // ---- end of lifecycle faults ----
    //
    // ---- records: /record/new and /record-xxxx/describe ----
    Fault {
        name: "describe-drops-links",
        description: "record describe leaves out `links`",
        items: &["record/describe#output.links"],
    },
    Fault {
        name: "close-not-idempotent",
        description: "closing a closed object answers InvalidState instead of success with `detail`",
        items: &["close#rule.idempotent"],
    },
    Fault {
        name: "nonce-ignored",
        description: "record/new ignores `nonce`: a retry creates a second record",
        items: &["record/new#input.nonce"],
    },
    Fault {
        name: "describe-drops-sponsored",
        description: "record describe leaves out `sponsored`",
        items: &["record/describe#output.sponsored"],
    },
    Fault {
        name: "describe-drops-folder",
        description: "record describe leaves out `folder`",
        items: &["record/describe#output.folder"],
    },
    Fault {
        name: "describe-created-by-snake-case",
        description: "record describe names `createdBy` as `created_by`",
        items: &["record/describe#output.createdBy"],
    },
    Fault {
        name: "describe-created-by-handle",
        description: "record describe's `createdBy.user` is the bare handle, without `user-`",
        items: &["record/describe#output.createdBy"],
    },
    Fault {
        name: "describe-hidden-as-string",
        description: "record describe gives `hidden` as the string \"true\"/\"false\"",
        items: &["record/describe#output.hidden"],
    },
    Fault {
        name: "describe-created-in-seconds",
        description: "record describe gives `created` as float seconds, not integer ms",
        items: &["record/describe#output.created"],
    },
    Fault {
        name: "describe-modified-is-created",
        description: "record describe answers `modified` equal to `created`: changes to the metadata never move it",
        items: &["record/describe#rule.modified-moves"],
    },
    Fault {
        name: "describe-links-always-empty",
        description: "record describe's `links` is always `[]`: links in details are not derived",
        items: &["record/describe#output.links"],
    },
    Fault {
        name: "describe-links-not-deduplicated",
        description: "record describe lists a link target once per link, not once",
        items: &["record/describe#rule.links-dedup"],
    },
    Fault {
        name: "describe-properties-by-default",
        description: "record describe returns `properties` without being asked",
        items: &["record/describe#output.properties"],
    },
    Fault {
        name: "describe-details-by-default",
        description: "record describe returns `details` without being asked",
        items: &["record/describe#output.details"],
    },
    Fault {
        name: "describe-fields-ignored",
        description: "record describe ignores `fields`: always the defaults plus the deprecated flags",
        items: &["record/describe#input.fields"],
    },
    Fault {
        name: "describe-deprecated-flags-win",
        description: "record describe honours the deprecated `properties`/`details` flags even with `fields`",
        items: &["record/describe#input.deprecated-ignored"],
    },
    Fault {
        name: "describe-default-fields-ignored",
        description: "record describe ignores `defaultFields` (as if never sent)",
        items: &["record/describe#input.defaultFields"],
    },
    Fault {
        name: "describe-without-view",
        description: "record describe skips the VIEW check: anyone can describe any record",
        items: &["record/describe#error.PermissionDenied.no-view"],
    },
    Fault {
        name: "describe-hint-no-fallback",
        description: "record describe with a hinted project not holding the record is ResourceNotFound, no fallback",
        items: &["record/describe#rule.hint-fallback"],
    },
    Fault {
        name: "new-name-default-empty",
        description: "record/new without `name` names the record \"\" instead of its ID",
        items: &["record/new#input.name.default"],
    },
    Fault {
        name: "new-folder-default-empty",
        description: "record/new without `folder` files the record under \"\" instead of \"/\"",
        items: &["record/new#input.folder.default"],
    },
    Fault {
        name: "new-hidden-default-true",
        description: "record/new without `hidden` makes a hidden record",
        items: &["record/new#input.hidden.default"],
    },
    Fault {
        name: "new-details-default-null",
        description: "record/new without `details` stores `null` instead of `{}`",
        items: &["record/new#input.details.default"],
    },
    Fault {
        name: "nonce-reuse-answers-first",
        description: "record/new with a reused nonce but a different input answers the first answer instead of InvalidInput",
        items: &["record/new#error.InvalidInput.nonce-reused"],
    },
    Fault {
        name: "nonce-limit-off-by-one",
        description: "record/new accepts a 129-byte nonce",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
    },
    Fault {
        name: "nonce-counted-in-chars",
        description: "record/new limits the nonce to 128 characters instead of 128 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
    },
    Fault {
        name: "property-key-limit-off-by-one",
        description: "record/new accepts a 101-byte property key",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
    },
    Fault {
        name: "property-key-counted-in-chars",
        description: "record/new limits property keys to 100 characters instead of 100 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
    },
    Fault {
        name: "property-value-limit-off-by-one",
        description: "record/new accepts a 701-byte property value",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
    },
    Fault {
        name: "property-value-counted-in-chars",
        description: "record/new limits property values to 700 characters instead of 700 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
    },
    Fault {
        name: "link-extra-key-accepted",
        description: "record/new accepts a hash with `$dnanexus_link` beside other keys",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
    },
    Fault {
        name: "link-value-any-type-accepted",
        description: "record/new accepts any `$dnanexus_link` value (number, null, array, an object without `id`)",
        items: &[
            "record/new#error.InvalidInput.link-not-string",
            "record/new#rule.link-object-form",
        ],
    },
    Fault {
        name: "initialize-from-ignored",
        description: "record/new validates `initializeFrom` but copies nothing from the source",
        items: &["record/new#input.initializeFrom"],
    },
    Fault {
        name: "initialize-from-overrides-given",
        description: "record/new with `initializeFrom` keeps the source's values over the fields given",
        items: &["record/new#input.initializeFrom.override"],
    },
    Fault {
        name: "new-project-wrong-class-not-found",
        description: "record/new with a non-project ID as `project` answers ResourceNotFound instead of InvalidType",
        items: &["record/new#error.InvalidType.project"],
    },
    Fault {
        name: "new-upload-not-enforced",
        description: "record/new needs only VIEW on `project`, not UPLOAD",
        items: &["record/new#error.PermissionDenied.upload"],
    },
    Fault {
        name: "new-folder-created-without-parents",
        description: "record/new creates a missing `folder` even without `parents: true`",
        items: &[
            "record/new#error.ResourceNotFound.folder",
            "record/new#input.parents.default",
        ],
    },
    Fault {
        name: "new-spending-limit-ignored",
        description: "record/new creates records in a project whose org is at its spending limit",
        items: &["record/new#error.SpendingLimitExceeded"],
    },
    Fault {
        name: "new-org-expired-ignored",
        description: "record/new creates records in a project billed to an expired org",
        items: &["record/new#error.OrgExpired"],
    },
    // ---- end of records faults ----
    //
    // ---- search ----
    Fault {
        name: "search-ignores-state",
        description: "findDataObjects ignores `state`: `closed` also finds open records",
        items: &["system/findDataObjects#input.state"],
    },
    Fault {
        name: "search-visibility-default-either",
        description: "findDataObjects without `visibility` also finds hidden objects",
        items: &["system/findDataObjects#input.visibility.default"],
    },
    Fault {
        name: "search-glob-as-exact",
        description: "findDataObjects treats `name.glob` as an exact name: `ba*` finds only `ba*`",
        items: &["system/findDataObjects#input.name.glob"],
    },
    Fault {
        name: "search-ignores-tags",
        description: "findDataObjects ignores the `tags` filter",
        items: &["system/findDataObjects#input.tags"],
    },
    Fault {
        name: "search-ignores-recurse-false",
        description: "findDataObjects searches subfolders even with `scope.recurse: false`",
        items: &["system/findDataObjects#input.scope.recurse"],
    },
    Fault {
        name: "search-oldest-first",
        description: "findDataObjects lists a project's results oldest modification first",
        items: &["system/findDataObjects#rule.order"],
    },
    Fault {
        name: "search-ignores-starting",
        description: "findDataObjects ignores `starting`: every page is the first page again",
        items: &["system/findDataObjects#input.starting"],
    },
    Fault {
        name: "search-next-never-null",
        description: "findDataObjects never ends paging: the last page's `next` points back at its first result",
        items: &[
            "system/findDataObjects#output.next",
            "system/findDataObjects#input.starting",
        ],
    },
    Fault {
        name: "search-drops-next-when-done",
        description: "findDataObjects leaves `next` out of the last page instead of sending `null`",
        items: &["system/findDataObjects#output.keys-required"],
    },
    Fault {
        name: "search-leaks-unviewable",
        description: "findDataObjects finds objects in projects the caller cannot view",
        items: &["system/findDataObjects#rule.view-access"],
    },
    Fault {
        name: "search-ignores-describe",
        description: "findDataObjects leaves `describe` out of the results when it is requested",
        items: &["system/findDataObjects#output.describe"],
    },
    // ---- end of search faults ----
];

/// The faults switched on for one server.
#[derive(Debug, Clone, Default)]
pub struct Faults(BTreeSet<&'static str>);

impl Faults {
    /// The set for these names; an unknown name is an error naming it.
    pub fn new(names: &[String]) -> Result<Faults, String> {
        let mut set = BTreeSet::new();
        for name in names {
            let fault = FAULTS
                .iter()
                .find(|f| f.name == name)
                .ok_or_else(|| format!("unknown fault {name:?} (see `dxconform faults`)"))?;
            set.insert(fault.name);
        }
        Ok(Faults(set))
    }

    /// Whether the fault `name` is on. `name` must be in [`FAULTS`].
    pub fn on(&self, name: &str) -> bool {
        debug_assert!(
            FAULTS.iter().any(|f| f.name == name),
            "fault {name} is not in FAULTS"
        );
        self.0.contains(name)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Rewrite an answer for the faults that only change what is sent back. `class` is the
/// subject's class (`record` for both `/record/new` and `/record-xxxx/describe`,
/// `system`, `project`...), `method` the route's method.
pub fn rewrite(
    faults: &Faults,
    class: &str,
    method: &str,
    status: &mut StatusCode,
    body: &mut Value,
) {
    if faults.is_empty() {
        return;
    }
    // search faults
    if class == "system"
        && method == "findDataObjects"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        let done = m.get("next").is_some_and(Value::is_null);
        if faults.on("search-next-never-null")
            && done
            && let Some(first) = m.get("results").and_then(|r| r.get(0))
        {
            let again = json!({"project": first["project"], "id": first["id"]});
            m.insert("next".into(), again);
        }
        if faults.on("search-drops-next-when-done") && done {
            m.remove("next");
        }
        if faults.on("search-ignores-describe")
            && let Some(Value::Array(results)) = m.get_mut("results")
        {
            for r in results.iter_mut().filter_map(Value::as_object_mut) {
                r.remove("describe");
            }
        }
    }
    if faults.on("describe-drops-links")
        && class == "record"
        && method == "describe"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        m.remove("links");
    }
    if faults.on("close-not-idempotent")
        && method == "close"
        && status.is_success()
        && body.get("detail").is_some()
    {
        *status = StatusCode::UNPROCESSABLE_ENTITY;
        *body =
            json!({"error": {"type": "InvalidState", "message": "The object is already closed"}});
    }
    // records faults
    if class == "record"
        && method == "describe"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        rewrite_record_describe(faults, m);
    }
}

/// The records faults that only change a successful record describe answer: each acts on
/// a field only when the answer holds it, so a `fields` selection stays as asked.
fn rewrite_record_describe(faults: &Faults, m: &mut Map<String, Value>) {
    if faults.on("describe-drops-sponsored") {
        m.remove("sponsored");
    }
    if faults.on("describe-drops-folder") {
        m.remove("folder");
    }
    if faults.on("describe-created-by-handle")
        && let Some(Value::String(user)) = m.get_mut("createdBy").and_then(|c| c.get_mut("user"))
        && let Some(handle) = user.strip_prefix("user-")
    {
        *user = handle.to_string();
    }
    if faults.on("describe-created-by-snake-case")
        && let Some(created_by) = m.remove("createdBy")
    {
        m.insert("created_by".into(), created_by);
    }
    if faults.on("describe-hidden-as-string")
        && let Some(hidden) = m.get_mut("hidden")
        && let Some(b) = hidden.as_bool()
    {
        *hidden = json!(b.to_string());
    }
    if faults.on("describe-created-in-seconds")
        && let Some(created) = m.get_mut("created")
        && let Some(ms) = created.as_i64()
    {
        *created = json!(ms as f64 / 1000.0);
    }
    if faults.on("describe-modified-is-created")
        && let Some(created) = m.get("created").cloned()
        && let Some(modified) = m.get_mut("modified")
    {
        *modified = created;
    }
    if faults.on("describe-links-always-empty")
        && let Some(links) = m.get_mut("links")
    {
        *links = json!([]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_documented() {
        let mut names = BTreeSet::new();
        for f in FAULTS {
            assert!(names.insert(f.name), "duplicate fault {}", f.name);
            assert!(
                !f.description.is_empty() && !f.items.is_empty(),
                "{}",
                f.name
            );
            assert!(f.items.iter().all(|i| i.contains('#')), "{}", f.name);
        }
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(
            Faults::new(&["nonce-ignored".into()])
                .unwrap()
                .on("nonce-ignored")
        );
        let e = Faults::new(&["no-such-fault".into()]).unwrap_err();
        assert!(e.contains("no-such-fault"));
    }

    #[test]
    fn rewrite_drops_links_only_when_on() {
        let mut body = json!({"id": "record-x", "links": []});
        let mut status = StatusCode::OK;
        rewrite(
            &Faults::default(),
            "record",
            "describe",
            &mut status,
            &mut body,
        );
        assert!(body.get("links").is_some());
        let f = Faults::new(&["describe-drops-links".into()]).unwrap();
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert!(body.get("links").is_none());
    }

    fn on(names: &[&str]) -> Faults {
        Faults::new(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn records_describe_rewrites_change_only_present_fields() {
        let f = on(&[
            "describe-created-by-handle",
            "describe-created-by-snake-case",
            "describe-hidden-as-string",
            "describe-created-in-seconds",
            "describe-links-always-empty",
            "describe-drops-sponsored",
            "describe-drops-folder",
        ]);
        let mut status = StatusCode::OK;
        let mut body = json!({
            "id": "record-x", "hidden": true, "created": 1_700_000_000_123_i64,
            "links": ["record-y"], "sponsored": false, "folder": "/",
            "createdBy": {"user": "user-alice"},
        });
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert_eq!(
            body,
            json!({
                "id": "record-x", "hidden": "true", "created": 1_700_000_000.123,
                "links": [], "created_by": {"user": "alice"},
            })
        );
        // A selection without those fields is left as asked.
        let mut only_id = json!({"id": "record-x"});
        rewrite(&f, "record", "describe", &mut status, &mut only_id);
        assert_eq!(only_id, json!({"id": "record-x"}));
    }

    #[test]
    fn records_describe_rewrites_spare_errors_and_other_routes() {
        let f = on(&["describe-hidden-as-string", "describe-drops-folder"]);
        let answer = json!({"id": "project-x", "hidden": false, "folder": "/"});
        for (class, method, status) in [
            ("project", "describe", StatusCode::OK),
            ("record", "new", StatusCode::OK),
            ("record", "describe", StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let (mut status, mut body) = (status, answer.clone());
            rewrite(&f, class, method, &mut status, &mut body);
            assert_eq!(body, answer, "{class}/{method}");
        }
    }

    #[test]
    fn relaxed_measures_and_link_rules_accept_what_the_faults_let_through() {
        use crate::server::input::{Input, LinkRules, Measure, details_with};
        let body = |v: Value| v.as_object().unwrap().clone();
        let key = body(json!({"p": {format!("{}é", "a".repeat(99)): "v"}}));
        let props = |m: Measure| {
            Input(&key)
                .opt_properties_measured("p", m, Measure::BYTES)
                .is_ok()
        };
        assert!(!props(Measure::BYTES), "101 bytes");
        assert!(props(Measure {
            slack: 1,
            chars: false
        }));
        assert!(props(Measure {
            slack: 0,
            chars: true
        }));
        let nonce = body(json!({"n": "a".repeat(129)}));
        let chars = Measure {
            slack: 0,
            chars: true,
        };
        assert!(Input(&nonce).opt_nonce_measured("n", chars).is_err());
        let extra = json!({"$dnanexus_link": "record-000000000000000000000000", "x": 1});
        let number = json!([{"$dnanexus_link": 5}]);
        assert!(details_with(&extra, LinkRules::STRICT).is_err());
        assert!(details_with(&number, LinkRules::STRICT).is_err());
        let lax = |sole_key, id_value| LinkRules { sole_key, id_value };
        assert!(details_with(&extra, lax(false, true)).is_ok());
        assert!(details_with(&number, lax(false, true)).is_err());
        assert!(details_with(&number, lax(true, false)).is_ok());
    }

    #[test]
    fn links_keep_repeats_only_when_asked() {
        use crate::server::store::{collect_links, links};
        let r = "record-000000000000000000000000";
        let d = json!([{"$dnanexus_link": r}, {"$dnanexus_link": r}]);
        assert_eq!(links(&d), vec![r]);
        assert_eq!(collect_links(&d, false), vec![r, r]);
    }

    #[test]
    fn rewrite_turns_second_close_into_invalid_state() {
        let f = Faults::new(&["close-not-idempotent".into()]).unwrap();
        let mut status = StatusCode::OK;
        let mut first = json!({"id": "record-x"});
        rewrite(&f, "record", "close", &mut status, &mut first);
        assert_eq!(status, StatusCode::OK);
        let mut again = json!({"id": "record-x", "detail": "already closed"});
        rewrite(&f, "record", "close", &mut status, &mut again);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(again["error"]["type"], "InvalidState");
    }
}
