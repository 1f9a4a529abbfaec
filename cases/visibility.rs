//! The Visibility page: the `hidden` flag and `/class-xxxx/setVisibility`.
//!
//! <https://documentation.dnanexus.com/developer/api/data-object-lifecycle/visibility>.
//! Every object has a boolean `hidden` flag, false by default, that can change only while
//! the object is open. Hidden objects are meant to be parts of a larger visible one:
//! removing or cloning the visible object carries along the hidden objects it links to.
//!
//! Readings taken (SHOULD items, each saying so): hiding and unhiding repeatedly toggles
//! describe's `hidden` (observed); setting the value the object already has succeeds; a
//! refused call leaves `hidden` as it was.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, post};
use crate::shape::{Field, STEP, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::VISIBILITY;

const SET: &str = "#api-method-class-xxxx-setvisibility";

const fn item(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &VISIBILITY, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- the page ----
    item(
        "visibility#rule.default-false",
        "",
        Rule,
        Must,
        "Each object has a boolean `hidden` flag, false by default: a record made without `hidden` describes with `hidden: false`.",
    ),
    item(
        "visibility#rule.open-only",
        "",
        Rule,
        Must,
        "Visibility can only be changed while the object is open: the same setVisibility that works on an open record is refused once it is closed.",
    ),
    item(
        "visibility#rule.clone-carries-hidden",
        "",
        Rule,
        Must,
        "Cloning carries along linked hidden objects: cloning a visible record that links to a hidden one brings the hidden one into the destination too.",
    ),
    item(
        "visibility#rule.remove-carries-hidden",
        "",
        Rule,
        Must,
        "Removal carries along linked hidden objects: removing the visible record removes the hidden record only it linked to from the project.",
    ),
    // ---- /class-xxxx/setVisibility ----
    item(
        "class/setVisibility#input.hidden",
        SET,
        Input,
        Must,
        "`hidden` (boolean, required): `true` hides the object and `false` makes it visible, as describe's `hidden` then shows.",
    ),
    item(
        "class/setVisibility#output.id",
        SET,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    item(
        "class/setVisibility#rule.toggle",
        SET,
        Rule,
        Should,
        "[OBSERVED] setVisibility toggles `hidden` back and forth as often as it is called.",
    ),
    item(
        "class/setVisibility#rule.same-value",
        SET,
        Rule,
        Should,
        "[INFERRED] Setting the value the object already has succeeds and changes nothing: `hidden` and `modified` stay as they were (`modified` is when the metadata last changed, records page).",
    ),
    item(
        "class/setVisibility#error.InvalidInput.not-hash",
        SET,
        Error,
        Must,
        "InvalidInput: the input is not a hash (a bare `true`, an array).",
    ),
    item(
        "class/setVisibility#error.InvalidInput.missing",
        SET,
        Error,
        Must,
        "InvalidInput: `hidden` is missing.",
    ),
    item(
        "class/setVisibility#error.InvalidInput.not-boolean",
        SET,
        Error,
        Must,
        "InvalidInput: `hidden` is not a boolean (the string `\"true\"`, the number 1, null).",
    ),
    item(
        "class/setVisibility#rule.refused-changes-nothing",
        SET,
        Rule,
        Should,
        "[INFERRED] A refused setVisibility leaves `hidden` as it was.",
    ),
    item(
        "class/setVisibility#error.ResourceNotFound",
        SET,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist.",
    ),
    item(
        "class/setVisibility#error.PermissionDenied",
        SET,
        Error,
        Must,
        "PermissionDenied: UPLOAD access is required on the project the object was created in; VIEW is refused.",
    ),
    item(
        "class/setVisibility#error.InvalidState",
        SET,
        Error,
        Must,
        "InvalidState: the object is not open; `hidden` stays as it was.",
    ),
];

/// What setVisibility answers: the object's ID.
static ID_ANSWER: Shape = Shape::Object(&[Field::new("id", STEP)]);

/// A new record made with `body`, as `$rec`.
const fn new_rec(body: &'static str) -> Step {
    post("/record/new", body)
        .proves(&["record/new#output.id"])
        .capture(&[("rec", "/id")])
}

/// A new open visible record, as `$rec`.
const OPEN: Step = new_rec(r#"{"project": "$project"}"#);

const fn set(body: &'static str) -> Step {
    post("/$rec/setVisibility", body)
}

/// A setVisibility refused with InvalidInput.
const fn set_refused(body: &'static str) -> Step {
    set(body).fails(422, "InvalidInput")
}

/// Describe `$rec`'s flag.
const HIDDEN_OF: Step = post("/$rec/describe", r#"{"fields": {"hidden": true}}"#);

/// Every object of a project whatever its visibility, followed through every page.
const fn everything_in(body: &'static str) -> Step {
    post("/system/findDataObjects", body).paged()
}

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
pub static ACCESS: &[RouteAccess] = &[RouteAccess {
    name: "visibility::set_visibility",
    item: "class/setVisibility#error.PermissionDenied",
    object: Object::Open,
    open: Access::Upload,
    closed: Access::Upload,
    call: post("/$obj/setVisibility", r#"{"hidden": true}"#),
    ..ROUTE
}];

pub static CASES: &[Case] = &[
    // ================= the flag =================
    Case {
        name: "visibility::hidden::default_false",
        items: &["visibility#rule.default-false"],
        summary: "a record made without `hidden` describes with `hidden: false`, open and closed alike",
        steps: &[
            OPEN,
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("closed", "/id")]),
            post("/$closed/describe", "{}").check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::hidden::default_in_search",
        items: &["visibility#rule.default-false"],
        summary: "a record made without `hidden` is found as visible by findDataObjects",
        steps: &[
            OPEN,
            everything_in(r#"{"scope": {"project": "$project"}, "visibility": "visible"}"#).check(
                &[AnyHas(
                    "/results",
                    r#"{"project": "$project", "id": "$rec"}"#,
                )],
            ),
        ],
        ..CASE
    },
    // ================= setVisibility =================
    Case {
        name: "visibility::set_visibility::hide",
        items: &[
            "class/setVisibility#input.hidden",
            "class/setVisibility#output.id",
        ],
        summary: "`hidden: true` on an open record answers its ID and describe shows it hidden",
        steps: &[
            OPEN,
            set(r#"{"hidden": true}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            HIDDEN_OF.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::unhide",
        items: &["class/setVisibility#input.hidden"],
        summary: "`hidden: false` on a record made hidden shows it visible",
        steps: &[
            new_rec(r#"{"project": "$project", "hidden": true}"#),
            set(r#"{"hidden": false}"#).check(&[Eq("/id", r#""$rec""#)]),
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_in_search",
        items: &["class/setVisibility#input.hidden"],
        summary: "once hidden, findDataObjects finds the record with `visibility: hidden` and no longer as visible",
        steps: &[
            OPEN,
            set(r#"{"hidden": true}"#),
            everything_in(r#"{"scope": {"project": "$project"}, "visibility": "hidden"}"#).check(
                &[AnyHas(
                    "/results",
                    r#"{"project": "$project", "id": "$rec"}"#,
                )],
            ),
            everything_in(r#"{"scope": {"project": "$project"}, "visibility": "visible"}"#)
                .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::toggles",
        items: &["class/setVisibility#rule.toggle"],
        summary: "hide, unhide, hide again: describe follows every call (observed)",
        steps: &[
            OPEN,
            set(r#"{"hidden": true}"#),
            HIDDEN_OF.check(&[Eq("/hidden", "true")]),
            set(r#"{"hidden": false}"#),
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
            set(r#"{"hidden": true}"#),
            HIDDEN_OF.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::already_visible",
        items: &["class/setVisibility#rule.same-value"],
        summary: "`hidden: false` on a visible record succeeds; it stays visible and `modified` does not move",
        steps: &[
            OPEN,
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            set(r#"{"hidden": false}"#)
                .after(5)
                .check(&[Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", "{}")
                .check(&[Eq("/hidden", "false"), Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::already_hidden",
        items: &["class/setVisibility#rule.same-value"],
        summary: "`hidden: true` twice leaves the record hidden",
        steps: &[
            new_rec(r#"{"project": "$project", "hidden": true}"#),
            set(r#"{"hidden": true}"#),
            set(r#"{"hidden": true}"#).check(&[Eq("/id", r#""$rec""#)]),
            HIDDEN_OF.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    // ---- invalid input ----
    Case {
        name: "visibility::set_visibility::body_is_boolean",
        items: &["class/setVisibility#error.InvalidInput.not-hash"],
        summary: "a bare `true` as the body is InvalidInput",
        steps: &[OPEN, set_refused("true").snapshot()],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::body_is_array",
        items: &["class/setVisibility#error.InvalidInput.not-hash"],
        summary: "an array as the body is InvalidInput",
        steps: &[OPEN, set_refused(r#"[{"hidden": true}]"#)],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_missing",
        items: &["class/setVisibility#error.InvalidInput.missing"],
        summary: "`{}` (no `hidden`) is InvalidInput",
        steps: &[OPEN, set_refused("{}").snapshot()],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::visibility_key_instead",
        items: &["class/setVisibility#error.InvalidInput.missing"],
        summary: "`visibility: \"hidden\"` (the search filter's word) leaves `hidden` missing: InvalidInput",
        steps: &[OPEN, set_refused(r#"{"visibility": "hidden"}"#)],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_string",
        items: &["class/setVisibility#error.InvalidInput.not-boolean"],
        summary: "`hidden: \"true\"` (a string) is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"hidden": "true"}"#).snapshot()],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_number",
        items: &["class/setVisibility#error.InvalidInput.not-boolean"],
        summary: "`hidden: 1` is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"hidden": 1}"#)],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_null",
        items: &["class/setVisibility#error.InvalidInput.not-boolean"],
        summary: "`hidden: null` is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"hidden": null}"#)],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::refused_changes_nothing",
        items: &["class/setVisibility#rule.refused-changes-nothing"],
        summary: "after `hidden: \"true\"` is refused the record is still visible, and a hidden one still hidden after `hidden: 0`",
        steps: &[
            OPEN,
            set(r#"{"hidden": "true"}"#)
                .fails(422, "InvalidInput")
                .proves(&["class/setVisibility#error.InvalidInput.not-boolean"]),
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
            post("/record/new", r#"{"project": "$project", "hidden": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("hid", "/id")]),
            post("/$hid/setVisibility", r#"{"hidden": 0}"#)
                .fails(422, "InvalidInput")
                .proves(&["class/setVisibility#error.InvalidInput.not-boolean"]),
            post("/$hid/describe", "{}").check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    // ---- the object ----
    Case {
        name: "visibility::set_visibility::unknown_record",
        items: &["class/setVisibility#error.ResourceNotFound"],
        summary: "setVisibility on a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[post(
            "/record-0123456789BFGJKPQVXYZbfg/setVisibility",
            r#"{"hidden": true}"#,
        )
        .fails(404, "ResourceNotFound")
        .snapshot()],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::closed_same_value",
        items: &["class/setVisibility#error.InvalidState"],
        summary: "on a closed visible record even `hidden: false` is InvalidState (the state is checked, not the change)",
        steps: &[
            new_rec(r#"{"project": "$project", "close": true}"#),
            set(r#"{"hidden": false}"#)
                .fails(422, "InvalidState")
                .snapshot(),
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::set_visibility::hidden_then_closed",
        items: &["class/setVisibility#error.InvalidState"],
        summary: "a record hidden while open cannot be unhidden once closed; it stays hidden",
        steps: &[
            OPEN,
            set(r#"{"hidden": true}"#).proves(&["class/setVisibility#input.hidden"]),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            set(r#"{"hidden": false}"#).fails(422, "InvalidState"),
            HIDDEN_OF.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "visibility::hidden::open_only",
        items: &["visibility#rule.open-only"],
        summary: "the same `hidden: true` works while the record is open and is refused once it is closed",
        steps: &[
            OPEN,
            set(r#"{"hidden": true}"#),
            set(r#"{"hidden": false}"#),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            set(r#"{"hidden": true}"#).fails(422, "InvalidState"),
            HIDDEN_OF.check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    // ================= hidden objects travel with their visible ancestor =================
    Case {
        name: "visibility::hidden::carried_by_clone",
        items: &["visibility#rule.clone-carries-hidden"],
        summary: "cloning only a visible closed record that links to a hidden closed record brings the hidden one too",
        needs: &[Need::Project2],
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "part", "hidden": true, "close": true}"#,
            )
            .proves(&["record/new#output.id"])
            .capture(&[("part", "/id")]),
            new_rec(
                r#"{"project": "$project", "name": "whole", "close": true, "details": {"part": {"$dnanexus_link": "$part"}}}"#,
            ),
            post(
                "/$project/clone",
                r#"{"objects": ["$rec"], "project": "$project2"}"#,
            ),
            everything_in(r#"{"scope": {"project": "$project2"}, "visibility": "either"}"#).check(
                &[
                    AnyHas("/results", r#"{"project": "$project2", "id": "$rec"}"#),
                    AnyHas("/results", r#"{"project": "$project2", "id": "$part"}"#),
                ],
            ),
            post(
                "/$part/describe",
                r#"{"project": "$project2", "fields": {"project": true, "hidden": true}}"#,
            )
            .check(&[Eq("/project", r#""$project2""#), Eq("/hidden", "true")]),
        ],
    },
    Case {
        name: "visibility::hidden::carried_by_removal",
        items: &["visibility#rule.remove-carries-hidden"],
        summary: "removing a visible record removes the hidden record it alone linked to; a visible linked record stays",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "part", "hidden": true}"#,
            )
            .proves(&["record/new#output.id"])
            .capture(&[("part", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "name": "peer record"}"#,
            )
            .proves(&["record/new#output.id"])
            .capture(&[("shown", "/id")]),
            new_rec(
                r#"{"project": "$project", "name": "whole",
                    "details": [{"$dnanexus_link": "$part"}, {"$dnanexus_link": "$shown"}]}"#,
            ),
            everything_in(r#"{"scope": {"project": "$project"}, "visibility": "either"}"#)
                .check(&[AnyHas("/results", r#"{"id": "$part"}"#)]),
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#),
            everything_in(r#"{"scope": {"project": "$project"}, "visibility": "either"}"#).check(
                &[
                    NoneHas("/results", r#"{"id": "$rec"}"#),
                    NoneHas("/results", r#"{"id": "$part"}"#),
                    AnyHas("/results", r#"{"project": "$project", "id": "$shown"}"#),
                ],
            ),
        ],
        ..CASE
    },
];
