//! Faults of the data object lifecycle and `/class-xxxx/close` (what closing freezes and allows).

use serde_json::json;

use super::Fault;
use crate::server::edit::{Answer, Edit};
use crate::server::error::{ApiError, ErrorType};
use crate::server::store::Level;

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    Fault {
        name: "close-on-create-ignored",
        description: "record/new ignores `close: true`: the record starts open",
        items: &["lifecycle#rule.close-on-create"],
        edit: Edit::request(|seen, body| {
            if seen.is("record", "new")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("close");
            }
            Ok(())
        }),
    },
    Fault {
        name: "close-does-not-close",
        description: "close answers success but leaves the object open",
        items: &["close#rule.closes", "close#rule.records-close-at-once"],
        edit: Edit::rules(|r| r.close.closes = false),
    },
    Fault {
        name: "close-detail-on-first-close",
        description: "closing an open object answers `detail` as if it had been closed already",
        items: &["close#output.detail.absent-when-open"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && let Some(m) = a.success_mut()
                && !m.contains_key("detail")
            {
                m.insert("detail".into(), json!("The object is closed"));
            }
        }),
    },
    Fault {
        name: "close-no-detail-when-closed",
        description: "closing a closed object answers `{\"id\"}` without the `detail` explanation",
        items: &["close#output.detail"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && let Some(m) = a.success_mut()
            {
                m.remove("detail");
            }
        }),
    },
    Fault {
        name: "closed-accepts-add-types",
        description: "addTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types"],
        edit: Edit::rules(|r| r.frozen.add_types = false),
    },
    Fault {
        name: "closed-accepts-set-details",
        description: "setDetails still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-details"],
        edit: Edit::rules(|r| r.frozen.details = false),
    },
    Fault {
        name: "closed-accepts-set-visibility",
        description: "setVisibility still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-visibility"],
        edit: Edit::rules(|r| r.frozen.visibility = false),
    },
    Fault {
        name: "closed-refuses-rename",
        description: "rename of a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-name"],
        edit: Edit::rules(|r| r.frozen.rename = true),
    },
    Fault {
        name: "closed-refuses-tags",
        description: "addTags and removeTags on a closed object answer InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-tags"],
        edit: Edit::rules(|r| r.frozen.tags = true),
    },
    Fault {
        name: "close-needs-only-view",
        description: "close checks VIEW instead of UPLOAD: a VIEW member can close",
        items: &["close#error.PermissionDenied"],
        edit: Edit::rules(|r| r.levels.close = Level::View),
    },
    Fault {
        name: "close-needs-contribute",
        description: "close requires CONTRIBUTE: an UPLOAD member is refused",
        items: &["close#rule.upload-suffices"],
        edit: Edit::rules(|r| r.levels.close = Level::Contribute),
    },
    Fault {
        name: "close-missing-422",
        description: "close of an object that does not exist answers 422 InvalidInput instead of 404",
        items: &["close#error.ResourceNotFound"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close") && a.error_type() == Some("ResourceNotFound") {
                a.retype("InvalidInput", seen.rules.status.invalid_input);
            }
        }),
    },
    Fault {
        name: "describe-state-closing",
        description: "a closed record describes with state `closing` instead of `closed`",
        items: &["close#rule.records-close-at-once"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is_data_describe()
                && let Some(m) = a.success_mut()
                && m.get("state") == Some(&json!("closed"))
            {
                m.insert("state".into(), json!("closing"));
            }
        }),
    },
    Fault {
        name: "closed-accepts-remove-types",
        description: "removeTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types.remove"],
        edit: Edit::rules(|r| r.frozen.remove_types = false),
    },
    Fault {
        name: "closed-refuses-properties",
        description: "setProperties on a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-properties"],
        edit: Edit::rules(|r| r.frozen.properties = true),
    },
    Fault {
        name: "close-hides-from-strangers",
        description: "close by a user with no access to the project answers ResourceNotFound instead of PermissionDenied",
        items: &["close#error.PermissionDenied.no-access"],
        edit: Edit::rules(|r| r.close.no_access = ErrorType::ResourceNotFound),
    },
    Fault {
        name: "close-again-touches-modified",
        description: "closing a closed object again bumps its `modified` time",
        items: &["close#rule.idempotent"],
        edit: Edit::rules(|r| r.close.again_changes_nothing = false),
    },
    Fault {
        name: "close-resets-visibility",
        description: "close clears the object's `hidden` flag",
        items: &["close#rule.keeps-metadata"],
        edit: Edit::rules(|r| r.close.keeps_metadata = false),
    },
    Fault {
        name: "close-not-idempotent",
        description: "closing a closed object answers InvalidState instead of success with `detail`",
        items: &["close#rule.idempotent"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && a.success_mut().is_some_and(|m| m.contains_key("detail"))
            {
                let e = ApiError::new(ErrorType::InvalidState, "The object is already closed");
                *a = Answer {
                    status: seen.rules.status.invalid_state,
                    body: e.body(),
                };
            }
        }),
    },
];
