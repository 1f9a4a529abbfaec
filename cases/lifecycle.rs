//! The Data Object Lifecycle page and `/class-xxxx/close`.
//!
//! <https://documentation.dnanexus.com/developer/api/data-object-lifecycle> (seeds `000_…`
//! and `001_…`). Objects start open; records may be created closed; close moves an open
//! object to closed and is a successful no-op (with `detail`) on a closed one. Closing
//! freezes types, details (and so links) and visibility, while name, tags, properties and
//! folder may still change. The frozen-field cases pair with open-object cases doing the
//! same calls, so that an `InvalidState` is shown to be about the state and not the call.
//!
//! An error step proves its error type at the level of the case's item; its HTTP status
//! (`InvalidState` 422, `PermissionDenied` 401, `ResourceNotFound` 404) is a fact of its
//! own, judged at the level of the catalogue's status table (SHOULD: the statuses come
//! from the clients, not the pages).

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post, raw};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::{LIFECYCLE, METADATA};

const CLOSE: &str = "#api-method-class-xxxx-close";

pub static ITEMS: &[Item] = &[
    // The lifecycle rules of the page itself.
    Item {
        id: "lifecycle#rule.starts-open",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "A data object starts in the open state: a new record describes with `state: \"open\"`.",
    },
    Item {
        id: "lifecycle#rule.close-on-create",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Records can be created and closed in the same operation: `/record/new` with `close: true` describes as `closed`.",
    },
    Item {
        id: "lifecycle#rule.open-records-accessible",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Records are accessible in their open state: describe and getDetails work on an open record.",
    },
    Item {
        id: "lifecycle#rule.open-allows-changes",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "While open the object's data can be modified: addTypes, removeTypes, setDetails and setVisibility succeed and show in describe.",
    },
    Item {
        id: "lifecycle#rule.closed-freezes-types",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Types are fixed when the object is closed: addTypes on a closed object fails with InvalidState (Types page) and describe `types` is unchanged.",
    },
    Item {
        id: "lifecycle#rule.closed-freezes-types.remove",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[INFERRED] removeTypes on a closed object fails with InvalidState like addTypes (its error list is not documented) and describe `types` is unchanged.",
    },
    Item {
        id: "lifecycle#rule.closed-freezes-details",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Details are fixed when the object is closed: setDetails (object or array body) fails with InvalidState and the details are unchanged.",
    },
    Item {
        id: "lifecycle#rule.closed-freezes-links",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Links (derived from the details) are fixed when the object is closed: after a refused setDetails, describe `links` is unchanged.",
    },
    Item {
        id: "lifecycle#rule.closed-freezes-visibility",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Visibility is fixed when the object is closed: setVisibility fails with InvalidState and describe `hidden` is unchanged, either way.",
    },
    Item {
        id: "lifecycle#rule.closed-allows-name",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Some metadata may still change after close: rename of a closed object succeeds and describe shows the new name.",
    },
    Item {
        id: "lifecycle#rule.closed-allows-tags",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Tags may still change after close: addTags and removeTags on a closed object succeed and show in describe.",
    },
    Item {
        id: "lifecycle#rule.closed-allows-properties",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Properties may still change after close: setProperties (set and unset with null) on a closed object succeeds and shows in describe.",
    },
    Item {
        id: "lifecycle#rule.closed-allows-folder",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "The folder may still change after close: `/project-xxxx/move` of a closed record succeeds and describe shows the new folder.",
    },
    Item {
        id: "lifecycle#rule.closed-data-accessible",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "In the closed state the data can be accessed: getDetails and describe with `details` return the details.",
    },
    Item {
        id: "lifecycle#rule.id-stable",
        page: &LIFECYCLE,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "The data object ID does not change, also when the object is shared: a clone in another project has the same ID; close and metadata calls answer the same ID, and describe shows the creation ID.",
    },
    Item {
        id: "lifecycle#rule.closed-metadata-needs-contribute",
        page: &METADATA,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "rename, addTags, removeTags and setProperties need UPLOAD while the object is open but CONTRIBUTE once it is closed (PermissionDenied otherwise).",
    },
    // /class-xxxx/close
    Item {
        id: "close#input.none",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Input,
        level: Must,
        text: "close takes no input: the body `{}` is accepted.",
    },
    Item {
        id: "close#output.id",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Output,
        level: Must,
        text: "`id` (string): the ID of the manipulated object, the one in the URL.",
    },
    Item {
        id: "close#output.detail",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Output,
        level: Must,
        text: "`detail` (string): an explanatory message, present when the object is already closing or closed.",
    },
    Item {
        id: "close#output.detail.absent-when-open",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Output,
        level: Must,
        text: "`detail` is only present when the object is closing or closed: closing an open object answers no `detail`.",
    },
    Item {
        id: "close#rule.closes",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Rule,
        level: Must,
        text: "close initiates closing an open object: describe then shows `state` closing or closed, never open.",
    },
    Item {
        id: "close#rule.records-close-at-once",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Rule,
        level: Should,
        text: "[OBSERVED] Records close synchronously: describe right after close shows `state: \"closed\"` ([INFERRED] never `closing`).",
    },
    Item {
        id: "close#rule.idempotent",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Rule,
        level: Must,
        text: "close of a record already closed has no effect and reports success: the state stays closed and `modified` is unchanged.",
    },
    Item {
        id: "close#rule.keeps-metadata",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Rule,
        level: Must,
        text: "Closing fixes the metadata as it is: types, details, links, hidden, name, tags and properties are the same before and after close.",
    },
    Item {
        id: "close#error.ResourceNotFound",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Must,
        text: "ResourceNotFound: the specified object in the URL does not exist (a well-formed unknown ID).",
    },
    Item {
        id: "close#error.ResourceNotFound.removed",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Should,
        text: "[INFERRED] A record removed from its only project no longer exists (removal cannot be undone; describe of it is [OBSERVED] ResourceNotFound), so close of it is ResourceNotFound.",
    },
    Item {
        id: "close#error.ResourceNotFound.malformed",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Should,
        text: "[OBSERVED]/[INFERRED] A malformed subject ID in the close URL is ResourceNotFound (404), like an unknown one.",
    },
    Item {
        id: "close#error.PermissionDenied",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Must,
        text: "PermissionDenied: UPLOAD access is required on the project in which the object was created; VIEW is not enough.",
    },
    Item {
        id: "close#error.PermissionDenied.no-access",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Should,
        text: "[INFERRED] A caller with no access at all to the creating project also gets PermissionDenied (401), not ResourceNotFound.",
    },
    Item {
        id: "close#rule.upload-suffices",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Rule,
        level: Must,
        text: "UPLOAD on the creating project is what close requires: a member with UPLOAD (or more) can close the object.",
    },
    Item {
        id: "close#error.MalformedJSON",
        page: &LIFECYCLE,
        anchor: CLOSE,
        kind: Error,
        level: Should,
        text: "[DOC] The body must be valid JSON even for methods without input; [CLIENT] an unparseable body is MalformedJSON (400) and nothing closes.",
    },
];

/// What close answers: the object's ID, and `detail` only when it was already closing or
/// closed (its wording is not documented: the snapshot redacts it).
static CLOSE_ANSWER: Shape = Shape::Object(&[
    Field::new("id", "close#output.id"),
    Field::new("detail", "close#output.detail"),
]);

/// A new open record in the case's project, captured as `$rec`.
const NEW_OPEN: Step = post("/record/new", r#"{"project": "$project"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("rec", "/id")]);

/// A new record created closed, captured as `$rec`.
const NEW_CLOSED: Step = post("/record/new", r#"{"project": "$project", "close": true}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("rec", "/id")]);

/// Close `$rec`, as the owner.
const CLOSE_REC: Step = post("/$rec/close", "{}");

/// The default describe of `$rec`.
const DESCRIBE_REC: Step = post("/$rec/describe", "{}");

/// A well-formed record ID no endpoint has issued (24 characters of the documented alphabet).
const UNKNOWN_CLOSE: &str = "/record-0123456789BFGJKPQVXYZbfg/close";

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
pub static ACCESS: &[RouteAccess] = &[RouteAccess {
    name: "lifecycle::close",
    item: "close#error.PermissionDenied",
    object: Object::Both,
    open: Access::Upload,
    closed: Access::Upload,
    call: post("/$obj/close", "{}"),
    ..ROUTE
}];

pub static CASES: &[Case] = &[
    // --- States -------------------------------------------------------------------------
    Case {
        name: "lifecycle::state::new_record_is_open",
        items: &["lifecycle#rule.starts-open"],
        summary: "a record made without `close` describes as open",
        steps: &[NEW_OPEN, DESCRIBE_REC.check(&[Eq("/state", r#""open""#)])],
        ..CASE
    },
    Case {
        name: "lifecycle::state::close_false_is_open",
        items: &["lifecycle#rule.starts-open"],
        summary: "`close: false` on record/new leaves the record open",
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": false}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::state::close_true_creates_closed",
        items: &["lifecycle#rule.close-on-create"],
        summary: "`close: true` on record/new creates the record already closed",
        steps: &[NEW_CLOSED, DESCRIBE_REC.check(&[Eq("/state", r#""closed""#)])],
        ..CASE
    },
    Case {
        name: "lifecycle::state::open_record_is_accessible",
        items: &["lifecycle#rule.open-records-accessible"],
        summary: "an open record's describe and getDetails work and give its details",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"k": [1, 2]}}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"state": true, "details": true}}"#).check(
                &[
                    Eq("/state", r#""open""#),
                    Eq("/details", r#"{"k": [1, 2]}"#),
                ],
            ),
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"{"k": [1, 2]}"#)]),
        ],
        ..CASE
    },
    // --- close on an open object ----------------------------------------------------------
    Case {
        name: "lifecycle::close::open_record",
        items: &[
            "close#input.none",
            "close#output.id",
            "close#output.detail.absent-when-open",
        ],
        summary: "close of an open record with `{}` answers its ID and no `detail`",
        steps: &[
            NEW_OPEN,
            CLOSE_REC
                .check(&[
                    Eq("/id", r#""$rec""#),
                    Is("/id", Kind::Id("record")),
                    Absent("/detail"),
                ])
                .snapshot_as(&CLOSE_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::moves_open_to_closed",
        items: &["close#rule.closes"],
        summary: "after close, describe no longer shows the record open (closing or closed)",
        steps: &[
            NEW_OPEN,
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
            CLOSE_REC,
            DESCRIBE_REC.check(&[Matches("/state", "^(closing|closed)$")]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::record_closed_at_once",
        items: &["close#rule.records-close-at-once"],
        summary: "a record is `closed`, not `closing`, as soon as close has answered",
        steps: &[
            NEW_OPEN,
            CLOSE_REC,
            post("/$rec/describe", r#"{"fields": {"state": true}}"#)
                .check(&[Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::keeps_metadata",
        items: &["close#rule.keeps-metadata"],
        summary: "closing a record changes none of its metadata, only its state",
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "kept"}"#)
                .capture(&[("target", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "name": "frozen", "types": ["T1"], "tags": ["t1"],
                    "hidden": true, "properties": {"k": "v"},
                    "details": {"a": 1, "l": {"$dnanexus_link": "$target"}}}"#,
            )
            .capture(&[("rec", "/id")]),
            CLOSE_REC,
            post(
                "/$rec/describe",
                r#"{"fields": {"types": true, "tags": true, "hidden": true, "name": true,
                    "links": true, "properties": true, "details": true}}"#,
            )
            .check(&[
                Eq("/name", r#""frozen""#),
                Eq("/types", r#"["T1"]"#),
                Eq("/tags", r#"["t1"]"#),
                Eq("/hidden", "true"),
                Eq("/properties", r#"{"k": "v"}"#),
                Eq("/details", r#"{"a": 1, "l": {"$dnanexus_link": "$target"}}"#),
                SetEq("/links", r#"["$target"]"#),
            ]),
        ],
        ..CASE
    },
    // --- close on a closed object ---------------------------------------------------------
    Case {
        name: "lifecycle::close::already_closed_answers_detail",
        items: &["close#output.detail", "close#output.id"],
        summary: "a second close succeeds and answers the ID with a non-empty `detail` string",
        steps: &[
            NEW_OPEN,
            CLOSE_REC.check(&[Absent("/detail")]),
            CLOSE_REC.check(&[
                Eq("/id", r#""$rec""#),
                Is("/detail", Kind::NonEmptyString),
                Fields("", &["id", "detail"], &["id", "detail"]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::created_closed_answers_detail",
        items: &["close#output.detail", "close#rule.idempotent"],
        summary: "close of a record created with `close: true` succeeds with `detail` and it stays closed",
        steps: &[
            NEW_CLOSED,
            CLOSE_REC.check(&[Eq("/id", r#""$rec""#), Is("/detail", Kind::NonEmptyString)]),
            DESCRIBE_REC.check(&[Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::already_closed_changes_nothing",
        items: &["close#rule.idempotent"],
        summary: "closing a closed record again leaves `modified`, the state and the metadata as they were",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "n", "types": ["T"], "tags": ["t"]}"#,
            )
            .capture(&[("rec", "/id")]),
            CLOSE_REC,
            DESCRIBE_REC.capture(&[("before", ""), ("modified", "/modified")]),
            // The whole answer: `id` and `detail`, the detail's wording redacted (undocumented).
            CLOSE_REC
                .check(&[
                    Eq("/id", r#""$rec""#),
                    Is("/detail", Kind::NonEmptyString),
                    Fields("", &["id", "detail"], &["id", "detail"]),
                ])
                .snapshot_as(&CLOSE_ANSWER),
            CLOSE_REC.check(&[Is("/detail", Kind::NonEmptyString)]),
            // Every field as it was (fields the documentation does not name may come and go).
            DESCRIBE_REC.check(&[
                Eq("/state", r#""closed""#),
                Eq("/modified", r#""$modified""#),
                Has("", r#""$before""#),
            ]),
        ],
        ..CASE
    },
    // --- close errors -------------------------------------------------------------------
    Case {
        name: "lifecycle::close::unknown_record",
        items: &["close#error.ResourceNotFound"],
        summary: "close of a well-formed record ID that does not exist is ResourceNotFound",
        steps: &[post(UNKNOWN_CLOSE, "{}")
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "lifecycle::close::unknown_file",
        items: &["close#error.ResourceNotFound"],
        summary: "close is the method of every data object class: an unknown `file-` ID is ResourceNotFound",
        steps: &[post("/file-0123456789BFGJKPQVXYZbfg/close", "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "lifecycle::close::removed_record",
        items: &["close#error.ResourceNotFound.removed"],
        summary: "close of a record removed from its only project is ResourceNotFound: it no longer exists",
        steps: &[
            NEW_OPEN,
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#),
            CLOSE_REC.fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::close::malformed_id",
        items: &["close#error.ResourceNotFound.malformed"],
        summary: "close of a subject that is not a well-formed ID (`record-123`) is ResourceNotFound",
        steps: &[post("/record-123/close", "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "lifecycle::close::view_peer_denied",
        items: &["close#error.PermissionDenied"],
        summary: "a member with only VIEW cannot close; the record stays open",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_OPEN,
            CLOSE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .snapshot(),
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
        ],
    },
    Case {
        name: "lifecycle::close::no_access_peer_denied",
        items: &["close#error.PermissionDenied.no-access"],
        summary: "a user with no access to the project cannot close; the record stays open",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            NEW_OPEN,
            CLOSE_REC.by(Who::Peer).fails(401, "PermissionDenied"),
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
        ],
    },
    Case {
        name: "lifecycle::close::upload_peer_closes",
        items: &["close#rule.upload-suffices", "close#rule.closes"],
        summary: "a member with UPLOAD closes the owner's record",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            NEW_OPEN,
            CLOSE_REC
                .by(Who::Peer)
                .check(&[Eq("/id", r#""$rec""#), Absent("/detail")]),
            DESCRIBE_REC.check(&[Matches("/state", "^(closing|closed)$")]),
        ],
    },
    Case {
        name: "lifecycle::close::contribute_peer_closes",
        items: &["close#rule.upload-suffices"],
        summary: "a member with CONTRIBUTE (more than UPLOAD) closes the owner's record",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            NEW_OPEN,
            CLOSE_REC.by(Who::Peer).check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Matches("/state", "^(closing|closed)$")]),
        ],
    },
    Case {
        name: "lifecycle::close::unparseable_body",
        items: &["close#error.MalformedJSON"],
        summary: "close with a body that is not JSON is MalformedJSON and leaves the record open",
        steps: &[
            NEW_OPEN,
            raw("/$rec/close", "{", Some("application/json")).fails(400, "MalformedJSON"),
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    // --- Closing freezes types, details, links and visibility ------------------------------
    Case {
        name: "lifecycle::closed::add_types_invalid_state",
        items: &["lifecycle#rule.closed-freezes-types"],
        summary: "addTypes on a closed record is InvalidState and its types and `modified` stay",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "types": ["A"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.capture(&[("modified", "/modified")]),
            post("/$rec/addTypes", r#"{"types": ["B"]}"#)
                .fails(422, "InvalidState")
                .snapshot(),
            DESCRIBE_REC.check(&[
                Eq("/types", r#"["A"]"#),
                Eq("/modified", r#""$modified""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::add_types_after_close_call",
        items: &["lifecycle#rule.closed-freezes-types"],
        summary: "a record whose addTypes worked while open refuses it once closed with `close`",
        steps: &[
            NEW_OPEN,
            post("/$rec/addTypes", r#"{"types": ["A"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            CLOSE_REC,
            post("/$rec/addTypes", r#"{"types": ["B"]}"#).fails(422, "InvalidState"),
            DESCRIBE_REC.check(&[Eq("/types", r#"["A"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::remove_types_invalid_state",
        items: &["lifecycle#rule.closed-freezes-types.remove"],
        summary: "removeTypes on a closed record is InvalidState and its types stay",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "types": ["A", "B"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/removeTypes", r#"{"types": ["A"]}"#).fails(422, "InvalidState"),
            DESCRIBE_REC.check(&[SetEq("/types", r#"["A", "B"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::set_details_object_invalid_state",
        items: &["lifecycle#rule.closed-freezes-details"],
        summary: "setDetails with an object on a closed record is InvalidState and getDetails is unchanged",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": 1}, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.capture(&[("modified", "/modified")]),
            post("/$rec/setDetails", r#"{"b": 2}"#)
                .fails(422, "InvalidState")
                .snapshot(),
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"{"a": 1}"#)]),
            DESCRIBE_REC.check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::set_details_array_invalid_state",
        items: &["lifecycle#rule.closed-freezes-details"],
        summary: "setDetails with an array on a closed record is InvalidState and the details are unchanged",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": 1}, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/setDetails", r#"["x", 2]"#).fails(422, "InvalidState"),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .check(&[Eq("/details", r#"{"a": 1}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::set_details_empty_invalid_state",
        items: &["lifecycle#rule.closed-freezes-details"],
        summary: "even clearing the details with `{}` is InvalidState on a closed record",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": ["keep"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/setDetails", "{}").fails(422, "InvalidState"),
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"["keep"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::links_stay",
        items: &["lifecycle#rule.closed-freezes-links"],
        summary: "a refused setDetails that would drop a link leaves describe `links` as it was",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#).capture(&[("target", "/id")]),
            post("/record/new", r#"{"project": "$project"}"#).capture(&[("other", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$target"}}, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$rec/setDetails",
                r#"{"l": {"$dnanexus_link": "$other"}}"#,
            )
            .fails(422, "InvalidState"),
            DESCRIBE_REC.check(&[SetEq("/links", r#"["$target"]"#), Lacks("/links", r#""$other""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::hide_invalid_state",
        items: &["lifecycle#rule.closed-freezes-visibility"],
        summary: "setVisibility `hidden: true` on a closed visible record is InvalidState; it stays visible",
        steps: &[
            NEW_CLOSED,
            DESCRIBE_REC.capture(&[("modified", "/modified")]),
            post("/$rec/setVisibility", r#"{"hidden": true}"#)
                .fails(422, "InvalidState")
                .snapshot(),
            DESCRIBE_REC.check(&[
                Eq("/hidden", "false"),
                Eq("/modified", r#""$modified""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::unhide_invalid_state",
        items: &["lifecycle#rule.closed-freezes-visibility"],
        summary: "setVisibility `hidden: false` on a closed hidden record is InvalidState; it stays hidden",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "hidden": true, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/setVisibility", r#"{"hidden": false}"#).fails(422, "InvalidState"),
            DESCRIBE_REC.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    // --- What may still change after close ---------------------------------------------------
    Case {
        name: "lifecycle::closed::rename",
        items: &["lifecycle#rule.closed-allows-name"],
        summary: "rename of a closed record succeeds and describe shows the new name",
        steps: &[
            NEW_CLOSED,
            post("/$rec/rename", r#"{"project": "$project", "name": "after close"}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", r#"{"fields": {"name": true, "state": true}}"#).check(&[
                Eq("/name", r#""after close""#),
                Eq("/state", r#""closed""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::add_tags",
        items: &["lifecycle#rule.closed-allows-tags"],
        summary: "addTags on a closed record succeeds and describe shows the tags",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "tags": ["a"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["b", "c"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", r#"{"fields": {"tags": true}}"#).check(&[
                SetEq("/tags", r#"["a", "b", "c"]"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::remove_tags",
        items: &["lifecycle#rule.closed-allows-tags"],
        summary: "removeTags on a closed record succeeds and describe shows the rest",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "tags": ["a", "b"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/removeTags", r#"{"project": "$project", "tags": ["a"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", r#"{"fields": {"tags": true}}"#)
                .check(&[Eq("/tags", r#"["b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::set_properties",
        items: &["lifecycle#rule.closed-allows-properties"],
        summary: "setProperties on a closed record changes and adds keys, as describe shows",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "properties": {"k": "v"}, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"k": "w", "n": "x"}}"#,
            )
            .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#).check(&[
                Eq("/properties", r#"{"k": "w", "n": "x"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::unset_property",
        items: &["lifecycle#rule.closed-allows-properties"],
        summary: "setProperties with a null value removes the key from a closed record",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "properties": {"k": "v", "m": "w"}, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"k": null}}"#,
            ),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties", r#"{"m": "w"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::move_folder",
        items: &["lifecycle#rule.closed-allows-folder"],
        summary: "a closed record in `/a` moves to `/` and describe shows the new folder",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/a", "parents": true, "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/"}"#,
            ),
            post("/$rec/describe", r#"{"fields": {"folder": true, "state": true}}"#)
                .check(&[Eq("/folder", r#""/""#), Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::get_details",
        items: &["lifecycle#rule.closed-data-accessible"],
        summary: "getDetails and describe `details` of a closed record return its details",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": [1, {"b": null}]}}"#,
            )
            .capture(&[("rec", "/id")]),
            CLOSE_REC,
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"{"a": [1, {"b": null}]}"#)]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .check(&[Eq("/details", r#"{"a": [1, {"b": null}]}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::closed::get_array_details",
        items: &["lifecycle#rule.closed-data-accessible"],
        summary: "getDetails of a record created closed with array details returns the array",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": ["foo", 1], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/getDetails", r#"{"project": "$project"}"#)
                .check(&[Eq("", r#"["foo", 1]"#)]),
        ],
        ..CASE
    },
    // --- The same calls while open succeed ------------------------------------------------
    Case {
        name: "lifecycle::open::add_and_remove_types",
        items: &["lifecycle#rule.open-allows-changes"],
        summary: "addTypes and removeTypes on an open record succeed and show in describe",
        steps: &[
            post("/record/new", r#"{"project": "$project", "types": ["A"]}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/addTypes", r#"{"types": ["B"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[SetEq("/types", r#"["A", "B"]"#)]),
            post("/$rec/removeTypes", r#"{"types": ["A"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/types", r#"["B"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::open::set_details",
        items: &["lifecycle#rule.open-allows-changes"],
        summary: "setDetails with an object and then an array on an open record replaces the details",
        steps: &[
            post("/record/new", r#"{"project": "$project", "details": {"a": 1}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/setDetails", r#"{"b": 2}"#).check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"{"b": 2}"#)]),
            post("/$rec/setDetails", r#"["x", 2]"#).check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/getDetails", "{}").check(&[Eq("", r#"["x", 2]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::open::set_visibility",
        items: &["lifecycle#rule.open-allows-changes"],
        summary: "setVisibility on an open record hides and unhides it",
        steps: &[
            NEW_OPEN,
            post("/$rec/setVisibility", r#"{"hidden": true}"#).check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/hidden", "true")]),
            post("/$rec/setVisibility", r#"{"hidden": false}"#),
            DESCRIBE_REC.check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::open::then_closed_refuses",
        items: &[
            "lifecycle#rule.open-allows-changes",
            "lifecycle#rule.closed-freezes-details",
            "lifecycle#rule.closed-freezes-visibility",
        ],
        summary: "the same setDetails and setVisibility work on a record while open and fail once it is closed",
        steps: &[
            NEW_OPEN,
            post("/$rec/setDetails", r#"{"v": 1}"#),
            post("/$rec/setVisibility", r#"{"hidden": true}"#),
            CLOSE_REC,
            post("/$rec/setDetails", r#"{"v": 2}"#).fails(422, "InvalidState"),
            post("/$rec/setVisibility", r#"{"hidden": false}"#).fails(422, "InvalidState"),
            post("/$rec/describe", r#"{"fields": {"details": true, "hidden": true}}"#)
                .check(&[Eq("/details", r#"{"v": 1}"#), Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    // --- The ID never changes ---------------------------------------------------------------
    Case {
        name: "lifecycle::id::stable_through_close",
        items: &["lifecycle#rule.id-stable", "close#output.id"],
        summary: "close answers the creation ID and describe still shows it once closed",
        steps: &[
            NEW_OPEN,
            CLOSE_REC.check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::id::stable_when_cloned",
        items: &["lifecycle#rule.id-stable"],
        summary: "a closed record cloned into a second project is the same object there: describe of the copy in that project shows the same ID",
        needs: &[Need::Project2],
        steps: &[
            NEW_CLOSED,
            post(
                "/$project/clone",
                r#"{"objects": ["$rec"], "project": "$project2"}"#,
            ),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/id", r#""$rec""#), Eq("/project", r#""$project2""#)]),
        ],
    },
    Case {
        name: "lifecycle::id::stable_through_metadata_changes",
        items: &["lifecycle#rule.id-stable"],
        summary: "rename, tags and properties on a closed record answer and keep the creation ID",
        steps: &[
            NEW_CLOSED,
            post("/$rec/rename", r#"{"project": "$project", "name": "n2"}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["t"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"p": "q"}}"#,
            )
            .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/removeTags", r#"{"project": "$project", "tags": ["t"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#), Eq("/name", r#""n2""#)]),
        ],
        ..CASE
    },
    Case {
        name: "lifecycle::id::stable_through_open_changes",
        items: &["lifecycle#rule.id-stable"],
        summary: "types, details and visibility changes on an open record keep the creation ID",
        steps: &[
            NEW_OPEN,
            post("/$rec/addTypes", r#"{"types": ["T"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/setDetails", r#"{"d": true}"#).check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/setVisibility", r#"{"hidden": true}"#).check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    // --- Permission changes at close (metadata pages) ----------------------------------------
    Case {
        name: "lifecycle::permissions::upload_peer_renames_open",
        items: &["lifecycle#rule.closed-metadata-needs-contribute"],
        summary: "a member with UPLOAD may rename and tag an open record",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            NEW_OPEN,
            post("/$rec/rename", r#"{"project": "$project", "name": "by peer"}"#).by(Who::Peer),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["peer"]}"#).by(Who::Peer),
            DESCRIBE_REC.check(&[Eq("/name", r#""by peer""#), Contains("/tags", r#""peer""#)]),
        ],
    },
    Case {
        name: "lifecycle::permissions::upload_peer_cannot_rename_closed",
        items: &["lifecycle#rule.closed-metadata-needs-contribute"],
        summary: "a member with only UPLOAD cannot rename a closed record; its name stays",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "kept", "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/rename", r#"{"project": "$project", "name": "by peer"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            DESCRIBE_REC.check(&[Eq("/name", r#""kept""#)]),
        ],
    },
    Case {
        name: "lifecycle::permissions::upload_peer_cannot_tag_closed",
        items: &["lifecycle#rule.closed-metadata-needs-contribute"],
        summary: "a member with only UPLOAD cannot add or remove tags of a closed record",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "tags": ["a"], "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["b"]}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            post("/$rec/removeTags", r#"{"project": "$project", "tags": ["a"]}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            DESCRIBE_REC.check(&[Eq("/tags", r#"["a"]"#)]),
        ],
    },
    Case {
        name: "lifecycle::permissions::upload_peer_cannot_set_properties_closed",
        items: &["lifecycle#rule.closed-metadata-needs-contribute"],
        summary: "a member with only UPLOAD cannot set properties of a closed record",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            NEW_CLOSED,
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"k": "v"}}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties", "{}")]),
        ],
    },
    Case {
        name: "lifecycle::permissions::contribute_peer_changes_closed",
        items: &["lifecycle#rule.closed-metadata-needs-contribute"],
        summary: "a member with CONTRIBUTE renames, tags and sets properties of a closed record",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            NEW_CLOSED,
            post("/$rec/rename", r#"{"project": "$project", "name": "by peer"}"#).by(Who::Peer),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["peer"]}"#).by(Who::Peer),
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"k": "v"}}"#,
            )
            .by(Who::Peer),
            post(
                "/$rec/describe",
                r#"{"fields": {"name": true, "tags": true, "properties": true}}"#,
            )
            .check(&[
                Eq("/name", r#""by peer""#),
                Eq("/tags", r#"["peer"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
        ],
    },
];
