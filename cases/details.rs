//! The Details and links page: `/class-xxxx/setDetails` and `/class-xxxx/getDetails`.
//!
//! <https://documentation.dnanexus.com/developer/api/data-object-lifecycle/details-and-links>.
//! Details are a JSON mapping or array, free apart from the reserved `$dnanexus_link` key;
//! setDetails takes the new value as its whole body and getDetails answers the raw value.
//! A link is a mapping whose only key is `$dnanexus_link`; describe's `links` lists the
//! outgoing links of the current details (so setDetails recomputes them), and a link may
//! point outside the project.
//!
//! Readings taken (SHOULD items, each saying so):
//! - the error lists want a string link value while dxpy builds `{"id", "project"?}`:
//!   both forms are accepted, `links` lists the `id`, and an object without `id` is
//!   InvalidInput (spec §13.3);
//! - a link to a well-formed ID that no object has is accepted (the page lets links dangle
//!   until the target is cloned in; §13.4);
//! - a body that is neither a mapping nor an array is InvalidInput, and a refused
//!   setDetails changes nothing;
//! - getDetails' errors are not documented: ResourceNotFound for an unknown object or
//!   project, PermissionDenied without VIEW, InvalidInput for a `project` that is not a
//!   string; with the project of a clone it answers the same details (details belong to
//!   the object);
//! - `links` deduplicated, collected from any depth, `[]` without links, the record's own
//!   ID for a self-link: observed.
//!
//! `links` is compared as a set (its order is not documented).

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Ord, Step, post};
use crate::shape::{Field, STEP, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::DETAILS;

const SET: &str = "#api-method-class-xxxx-setdetails";
const GET: &str = "#api-method-class-xxxx-getdetails";

const fn item(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &DETAILS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- the page ----
    item(
        "details#rule.object-or-array",
        "",
        Rule,
        Must,
        "Details are a JSON mapping or array at the top level: setDetails accepts either and getDetails answers it.",
    ),
    item(
        "details#rule.free-content",
        "",
        Rule,
        Must,
        "Apart from the reserved `$dnanexus_link` key the content is free: nested mappings and arrays, numbers, booleans, null, Unicode and empty containers come back exactly.",
    ),
    item(
        "details#rule.link-form",
        "",
        Rule,
        Must,
        "A link is a mapping whose only key is `$dnanexus_link`, its value an object ID string (`{\"$dnanexus_link\": \"record-…\"}`); describe's `links` lists the target.",
    ),
    item(
        "details#rule.link-object-form",
        "",
        Rule,
        Should,
        "[DOC vs CLIENT] dxpy builds `{\"$dnanexus_link\": {\"project\": P, \"id\": ID}}` while the error lists ask for a string value. Reading taken: `{id}` and `{id, project}` are accepted and `links` lists the `id`.",
    ),
    item(
        "details#rule.link-object-form.needs-id",
        "",
        Rule,
        Should,
        "[INFERRED] A mapping-valued link without an `id` string (only `project`) is InvalidInput: it names no object.",
    ),
    item(
        "details#rule.links-outgoing",
        "",
        Rule,
        Must,
        "Outgoing links appear in describe as `links`: after setDetails, `links` names every object the new details link to.",
    ),
    item(
        "details#rule.links-recomputed",
        "",
        Rule,
        Must,
        "`links` follows the current details: after setDetails replaces them, a target linked only by the old details is no longer listed and the new targets are.",
    ),
    item(
        "details#rule.links-anywhere",
        "",
        Rule,
        Should,
        "[OBSERVED] Links are collected from anywhere in the details: inside nested mappings and arrays, and in array details.",
    ),
    item(
        "details#rule.links-dedup",
        "",
        Rule,
        Should,
        "[OBSERVED] `links` is deduplicated: two links to one object give one entry.",
    ),
    item(
        "details#rule.links-none",
        "",
        Rule,
        Should,
        "[OBSERVED] Details without links give `links: []`, also after a setDetails that drops the last link.",
    ),
    item(
        "details#rule.links-self",
        "",
        Rule,
        Should,
        "[OBSERVED] Details linking to the record itself list its own ID in `links`.",
    ),
    item(
        "details#rule.link-other-project",
        "",
        Rule,
        Must,
        "A link may point to an object that is not in the current project: setDetails accepts a link to a record held only by another project, and `links` lists it.",
    ),
    item(
        "details#rule.link-dangling",
        "",
        Rule,
        Should,
        "[SILENT] A link to a well-formed ID no object has is accepted and listed (reading: links may dangle until the target is cloned in; dxpy's docstring asks for an existing object, but no error is documented).",
    ),
    item(
        "details#rule.incoming-links",
        "",
        Rule,
        Must,
        "Incoming links are found with findDataObjects' `link` filter, from the current details: a record is found by its target once setDetails links to it, and no longer once setDetails drops the link.",
    ),
    // ---- /class-xxxx/setDetails ----
    item(
        "class/setDetails#input.body",
        SET,
        Input,
        Must,
        "The whole request body is the new details value, not wrapped in a key: a body `{\"details\": …}` is stored as a mapping with a `details` key.",
    ),
    item(
        "class/setDetails#input.array",
        SET,
        Input,
        Must,
        "The body may be an array: it becomes the details as it is.",
    ),
    item(
        "class/setDetails#rule.replaces",
        SET,
        Rule,
        Must,
        "The body replaces the details whole: keys of the old details the new value does not have are gone (no merge).",
    ),
    item(
        "class/setDetails#output.id",
        SET,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    item(
        "class/setDetails#error.ResourceNotFound",
        SET,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist.",
    ),
    item(
        "class/setDetails#error.InvalidInput.link-not-only-key",
        SET,
        Error,
        Must,
        "InvalidInput: a mapping holds `$dnanexus_link` beside another key, at any depth.",
    ),
    item(
        "class/setDetails#error.InvalidInput.link-not-string",
        SET,
        Error,
        Must,
        "InvalidInput: a `$dnanexus_link` value is not a string (a number, null, an array, a boolean; mappings are the reading of `details#rule.link-object-form`).",
    ),
    item(
        "class/setDetails#error.InvalidInput.link-not-id",
        SET,
        Error,
        Should,
        "[INFERRED] InvalidInput: a `$dnanexus_link` string that is not an object ID (`nope`, `record-123`).",
    ),
    item(
        "class/setDetails#error.InvalidInput.not-details",
        SET,
        Error,
        Should,
        "[INFERRED] InvalidInput: a body that is neither a mapping nor an array (a string, a number, a boolean, null).",
    ),
    item(
        "class/setDetails#rule.refused-changes-nothing",
        SET,
        Rule,
        Should,
        "[INFERRED] A refused setDetails leaves the details and the links as they were.",
    ),
    item(
        "class/setDetails#error.PermissionDenied",
        SET,
        Error,
        Must,
        "PermissionDenied: UPLOAD access is required on the project the object was created in; VIEW is refused.",
    ),
    item(
        "class/setDetails#error.InvalidState",
        SET,
        Error,
        Must,
        "InvalidState: the object is not open (details are fixed at close).",
    ),
    // ---- /class-xxxx/getDetails ----
    item(
        "class/getDetails#output.raw",
        GET,
        Output,
        Must,
        "The answer body is the details value itself, not wrapped in a key.",
    ),
    item(
        "class/getDetails#output.array",
        GET,
        Output,
        Must,
        "Array details are answered as the array.",
    ),
    item(
        "class/getDetails#input.project",
        GET,
        Input,
        Must,
        "`project` (string, optional): a project holding the object, as a hint; the details are answered.",
    ),
    item(
        "class/getDetails#input.project.clone",
        GET,
        Input,
        Should,
        "[INFERRED] Details belong to the object, not a project copy: with the project of a clone, getDetails answers the same details.",
    ),
    item(
        "class/getDetails#input.project.type",
        GET,
        Input,
        Should,
        "[INFERRED] A `project` that is not a string is InvalidInput (other inputs are silent).",
    ),
    item(
        "class/getDetails#rule.default",
        GET,
        Rule,
        Should,
        "[OBSERVED] A record created without details answers `{}`.",
    ),
    item(
        "class/getDetails#error.ResourceNotFound",
        GET,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the object in the URL does not exist.",
    ),
    item(
        "class/getDetails#error.ResourceNotFound.project",
        GET,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the `project` hint names a project that does not exist.",
    ),
    item(
        "class/getDetails#error.PermissionDenied",
        GET,
        Error,
        Should,
        "[INFERRED] PermissionDenied: the caller has no VIEW on a project holding the object.",
    ),
];

/// What setDetails answers: the object's ID.
static ID_ANSWER: Shape = Shape::Object(&[Field::new("id", STEP)]);

/// What getDetails answers: the caller's own data, compared whole.
static DETAILS_ANSWER: Shape = Shape::Value;

/// A new record made with `body`, as `$rec`.
const fn new_rec(body: &'static str) -> Step {
    post("/record/new", body)
        .proves(&["record/new#output.id"])
        .capture(&[("rec", "/id")])
}

/// A new open record without details, as `$rec`.
const OPEN: Step = new_rec(r#"{"project": "$project"}"#);

/// Two link targets in the case's project, `$t1` and `$t2`.
const T1: Step = post("/record/new", r#"{"project": "$project", "name": "t1"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("t1", "/id")]);
const T2: Step = post("/record/new", r#"{"project": "$project", "name": "t2"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("t2", "/id")]);

const fn set(body: &'static str) -> Step {
    post("/$rec/setDetails", body)
}

/// A setDetails refused with InvalidInput.
const fn set_refused(body: &'static str) -> Step {
    set(body).fails(422, "InvalidInput")
}

/// getDetails of `$rec` without a hint.
const GET_DETAILS: Step = post("/$rec/getDetails", "{}");

/// Describe `$rec`'s links.
const LINKS_OF: Step = post("/$rec/describe", r#"{"fields": {"links": true}}"#);

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "details::set_details",
        item: "class/setDetails#error.PermissionDenied",
        object: Object::Open,
        open: Access::Upload,
        closed: Access::Upload,
        call: post("/$obj/setDetails", r#"{"by": "caller"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "details::get_details",
        item: "class/getDetails#error.PermissionDenied",
        object: Object::Both,
        open: Access::View,
        closed: Access::View,
        call: post("/$obj/getDetails", r#"{"project": "$project"}"#),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= setDetails: the body is the value =================
    Case {
        name: "details::set_details::object_body",
        items: &[
            "class/setDetails#input.body",
            "class/setDetails#output.id",
            "details#rule.object-or-array",
        ],
        summary: "setDetails with a mapping answers the ID, and getDetails answers exactly that mapping",
        steps: &[
            OPEN,
            set(r#"{"x": 2, "y": "z"}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            GET_DETAILS.check(&[Eq("", r#"{"x": 2, "y": "z"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::not_wrapped",
        items: &["class/setDetails#input.body"],
        summary: "a body `{\"details\": {\"a\": 1}}` is stored as it is: the details hold a `details` key",
        steps: &[
            OPEN,
            set(r#"{"details": {"a": 1}}"#),
            GET_DETAILS.check(&[Eq("", r#"{"details": {"a": 1}}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::project_key_is_data",
        items: &["class/setDetails#input.body"],
        summary: "a `project` key in the body is part of the details, not an input (dxpy sends none)",
        steps: &[
            OPEN,
            set(r#"{"project": "$project", "note": "data"}"#),
            GET_DETAILS.check(&[Eq("", r#"{"project": "$project", "note": "data"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::array_body",
        items: &["class/setDetails#input.array"],
        summary: "setDetails with an array (the observed `[\"foo\"]`) stores the array",
        steps: &[
            OPEN,
            set(r#"["foo"]"#).check(&[Eq("/id", r#""$rec""#)]),
            GET_DETAILS.check(&[Eq("", r#"["foo"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::empty_array",
        items: &["class/setDetails#input.array"],
        summary: "an empty array is valid details",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"a": 1}}"#),
            set("[]"),
            GET_DETAILS.check(&[Eq("", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::array_to_object",
        items: &["details#rule.object-or-array"],
        summary: "details go from an array to a mapping and back, each answered as set",
        steps: &[
            new_rec(r#"{"project": "$project", "details": [1]}"#),
            set(r#"{"now": "object"}"#).proves(&["class/setDetails#input.body"]),
            GET_DETAILS.check(&[Eq("", r#"{"now": "object"}"#)]),
            set(r#"[{"now": "array"}]"#).proves(&["class/setDetails#input.array"]),
            GET_DETAILS.check(&[Eq("", r#"[{"now": "array"}]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::replaces_whole",
        items: &["class/setDetails#rule.replaces"],
        summary: "setDetails `{\"b\": 2}` on details `{\"a\": 1, \"c\": {\"d\": 3}}` leaves exactly `{\"b\": 2}` (no merge)",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"a": 1, "c": {"d": 3}}}"#),
            set(r#"{"b": 2}"#),
            GET_DETAILS.check(&[Eq("", r#"{"b": 2}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::empty_mapping_clears",
        items: &["class/setDetails#rule.replaces"],
        summary: "setDetails `{}` clears the details",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"a": [1, 2]}}"#),
            set("{}"),
            GET_DETAILS.check(&[Eq("", "{}")]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .check(&[Eq("/details", "{}")]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::nested_replaced",
        items: &["class/setDetails#rule.replaces"],
        summary: "a nested mapping given again is replaced, not merged into the old one",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"n": {"old": 1, "kept?": 2}}}"#),
            set(r#"{"n": {"new": 3}}"#),
            GET_DETAILS.check(&[Eq("", r#"{"n": {"new": 3}}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::free_content",
        items: &["details#rule.free-content"],
        summary: "every JSON kind, nesting, Unicode and empty containers come back exactly",
        steps: &[
            OPEN,
            set(
                r#"{"int": 42, "neg": -7, "float": 2.5, "t": true, "f": false, "nil": null,
                    "text": "ΨΨ €uro 日本", "empty": {}, "none": [], "deep": {"a": [[1, {"b": [null]}]]},
                    "key with spaces and . dots": "ok", "$$other": "a dollar key that is not a link"}"#,
            ),
            GET_DETAILS.check(&[Eq(
                "",
                r#"{"int": 42, "neg": -7, "float": 2.5, "t": true, "f": false, "nil": null,
                    "text": "ΨΨ €uro 日本", "empty": {}, "none": [], "deep": {"a": [[1, {"b": [null]}]]},
                    "key with spaces and . dots": "ok", "$$other": "a dollar key that is not a link"}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::large_value",
        items: &["details#rule.free-content"],
        summary: "a string of 10,000 bytes in the details comes back whole",
        steps: &[
            OPEN,
            set(r#"{"big": "$pad(10000,x)"}"#),
            GET_DETAILS.check(&[Eq("", r#"{"big": "$pad(10000,x)"}"#)]),
        ],
        ..CASE
    },
    // ---- setDetails: invalid bodies ----
    Case {
        name: "details::set_details::body_string",
        items: &["class/setDetails#error.InvalidInput.not-details"],
        summary: "a JSON string as the whole body is InvalidInput",
        steps: &[OPEN, set_refused(r#""text""#).snapshot()],
        ..CASE
    },
    Case {
        name: "details::set_details::body_number",
        items: &["class/setDetails#error.InvalidInput.not-details"],
        summary: "a JSON number as the whole body is InvalidInput",
        steps: &[OPEN, set_refused("5")],
        ..CASE
    },
    Case {
        name: "details::set_details::body_null",
        items: &["class/setDetails#error.InvalidInput.not-details"],
        summary: "`null` as the whole body is InvalidInput",
        steps: &[OPEN, set_refused("null")],
        ..CASE
    },
    Case {
        name: "details::set_details::body_boolean",
        items: &["class/setDetails#error.InvalidInput.not-details"],
        summary: "`true` as the whole body is InvalidInput",
        steps: &[OPEN, set_refused("true")],
        ..CASE
    },
    // ---- setDetails: links ----
    Case {
        name: "details::links::string_link_listed",
        items: &["details#rule.link-form"],
        summary: "setDetails with `{\"$dnanexus_link\": ID}` lists that ID in describe's `links`",
        steps: &[
            T1,
            OPEN,
            LINKS_OF.check(&[Eq("/links", "[]")]),
            set(r#"{"ref": {"$dnanexus_link": "$t1"}}"#),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::several_targets",
        items: &["details#rule.links-outgoing"],
        summary: "two links to two records list both targets",
        steps: &[
            T1,
            T2,
            OPEN,
            set(r#"{"a": {"$dnanexus_link": "$t1"}, "b": {"$dnanexus_link": "$t2"}}"#),
            LINKS_OF.check(&[SetEq("/links", r#"["$t1", "$t2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::array_details",
        items: &["details#rule.links-anywhere"],
        summary: "links inside array details, at depth, are listed",
        steps: &[
            T1,
            T2,
            OPEN,
            set(r#"[{"$dnanexus_link": "$t1"}, [[{"deep": {"$dnanexus_link": "$t2"}}]]]"#),
            LINKS_OF.check(&[SetEq("/links", r#"["$t1", "$t2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::nested_in_mappings",
        items: &["details#rule.links-anywhere"],
        summary: "a link four mappings deep is listed",
        steps: &[
            T1,
            OPEN,
            set(r#"{"a": {"b": {"c": {"d": {"$dnanexus_link": "$t1"}}}}}"#),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::deduplicated",
        items: &["details#rule.links-dedup"],
        summary: "three links to one record give one `links` entry",
        steps: &[
            T1,
            OPEN,
            set(r#"{"a": {"$dnanexus_link": "$t1"}, "b": [{"$dnanexus_link": "$t1"}, {"$dnanexus_link": "$t1"}]}"#),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::self_link",
        items: &["details#rule.links-self"],
        summary: "details linking to the record itself list its own ID",
        steps: &[
            OPEN,
            set(r#"{"me": {"$dnanexus_link": "$rec"}}"#),
            LINKS_OF.check(&[Eq("/links", r#"["$rec"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::recomputed_on_set",
        items: &["details#rule.links-recomputed"],
        summary: "replacing a link to `t1` with one to `t2` lists `t2` and no longer `t1`",
        steps: &[
            T1,
            T2,
            new_rec(r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$t1"}}}"#),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
            set(r#"{"l": {"$dnanexus_link": "$t2"}}"#).proves(&["class/setDetails#input.body"]),
            LINKS_OF.check(&[Eq("/links", r#"["$t2"]"#), Lacks("/links", r#""$t1""#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::recomputed_keeping_one",
        items: &["details#rule.links-recomputed"],
        summary: "new details that keep one of two links list only that one",
        steps: &[
            T1,
            T2,
            new_rec(
                r#"{"project": "$project", "details": [{"$dnanexus_link": "$t1"}, {"$dnanexus_link": "$t2"}]}"#,
            ),
            set(r#"{"only": {"$dnanexus_link": "$t2"}}"#).proves(&["class/setDetails#input.body"]),
            LINKS_OF.check(&[Eq("/links", r#"["$t2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::dropped_gives_empty",
        items: &["details#rule.links-none"],
        summary: "setDetails without links on a record that had one gives `links: []`",
        steps: &[
            T1,
            new_rec(r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$t1"}}}"#),
            set(r#"{"l": "$t1"}"#).proves(&["class/setDetails#input.body"]),
            LINKS_OF.check(&[Eq("/links", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::id_string_is_not_a_link",
        items: &["details#rule.link-form"],
        summary: "an ID as a plain value, or under another key, is data, not a link",
        steps: &[
            T1,
            OPEN,
            set(r#"{"id": "$t1", "list": ["$t1"], "dnanexus_link": "$t1"}"#),
            LINKS_OF.check(&[Eq("/links", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::object_form_with_project",
        items: &["details#rule.link-object-form"],
        summary: "a link `{\"$dnanexus_link\": {\"project\": P, \"id\": ID}}` is accepted and `links` lists the `id`",
        steps: &[
            T1,
            OPEN,
            set(r#"{"ref": {"$dnanexus_link": {"project": "$project", "id": "$t1"}}}"#)
                .proves(&["details#rule.link-object-form"]),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
            GET_DETAILS.check(&[Eq(
                "",
                r#"{"ref": {"$dnanexus_link": {"project": "$project", "id": "$t1"}}}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::object_form_id_only",
        items: &["details#rule.link-object-form"],
        summary: "a link `{\"$dnanexus_link\": {\"id\": ID}}` is accepted and `links` lists the `id`",
        steps: &[
            T1,
            OPEN,
            set(r#"[{"$dnanexus_link": {"id": "$t1"}}]"#),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::object_form_without_id",
        items: &["details#rule.link-object-form.needs-id"],
        summary: "a link `{\"$dnanexus_link\": {\"project\": P}}` names no object: InvalidInput",
        steps: &[
            OPEN,
            set_refused(r#"{"ref": {"$dnanexus_link": {"project": "$project"}}}"#),
        ],
        ..CASE
    },
    Case {
        name: "details::links::other_project",
        items: &["details#rule.link-other-project"],
        summary: "a link to a record held only by a second project is accepted and listed",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project2", "name": "elsewhere"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("away", "/id")]),
            OPEN,
            set(r#"{"ref": {"$dnanexus_link": "$away"}}"#).check(&[Eq("/id", r#""$rec""#)]),
            LINKS_OF.check(&[Eq("/links", r#"["$away"]"#)]),
        ],
    },
    Case {
        name: "details::links::dangling",
        items: &["details#rule.link-dangling"],
        summary: "a link to a well-formed record ID nobody issued is accepted and listed",
        steps: &[
            OPEN,
            set(r#"{"ref": {"$dnanexus_link": "record-0123456789BFGJKPQVXYZbfg"}}"#),
            LINKS_OF.check(&[Eq("/links", r#"["record-0123456789BFGJKPQVXYZbfg"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::links::incoming_follow_details",
        items: &["details#rule.incoming-links"],
        summary: "findDataObjects `link: t1` finds the record once setDetails links to `t1`, and not after the link is replaced",
        steps: &[
            T1,
            T2,
            OPEN,
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "link": "$t1"}"#,
            )
            .paged()
            .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
            set(r#"{"l": {"$dnanexus_link": "$t1"}}"#).proves(&["class/setDetails#input.body"]),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "link": "$t1"}"#,
            )
            .paged()
            .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
            set(r#"{"l": {"$dnanexus_link": "$t2"}}"#).proves(&["class/setDetails#input.body"]),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "link": "$t1"}"#,
            )
            .paged()
            .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "link": "$t2"}"#,
            )
            .paged()
            .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
        ],
        ..CASE
    },
    // ---- setDetails: invalid links ----
    Case {
        name: "details::links::extra_key",
        items: &["class/setDetails#error.InvalidInput.link-not-only-key"],
        summary: "`{\"$dnanexus_link\": ID, \"note\": 1}` is InvalidInput",
        steps: &[
            T1,
            OPEN,
            set_refused(r#"{"ref": {"$dnanexus_link": "$t1", "note": 1}}"#).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "details::links::extra_key_deep_in_array",
        items: &["class/setDetails#error.InvalidInput.link-not-only-key"],
        summary: "a link with an extra key deep inside array details is InvalidInput",
        steps: &[
            T1,
            OPEN,
            set_refused(r#"[1, [{"x": {"$dnanexus_link": "$t1", "$$other": 2}}]]"#),
        ],
        ..CASE
    },
    Case {
        name: "details::links::top_level_extra_key",
        items: &["class/setDetails#error.InvalidInput.link-not-only-key"],
        summary: "details whose top-level mapping holds `$dnanexus_link` and another key are InvalidInput",
        steps: &[
            T1,
            OPEN,
            set_refused(r#"{"$dnanexus_link": "$t1", "name": "x"}"#),
        ],
        ..CASE
    },
    Case {
        name: "details::links::value_number",
        items: &["class/setDetails#error.InvalidInput.link-not-string"],
        summary: "a `$dnanexus_link` whose value is a number is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"ref": {"$dnanexus_link": 5}}"#)],
        ..CASE
    },
    Case {
        name: "details::links::value_null",
        items: &["class/setDetails#error.InvalidInput.link-not-string"],
        summary: "a `$dnanexus_link` whose value is null is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"ref": {"$dnanexus_link": null}}"#)],
        ..CASE
    },
    Case {
        name: "details::links::value_array",
        items: &["class/setDetails#error.InvalidInput.link-not-string"],
        summary: "a `$dnanexus_link` whose value is an array of IDs is InvalidInput",
        steps: &[
            T1,
            OPEN,
            set_refused(r#"[{"$dnanexus_link": ["$t1"]}]"#),
        ],
        ..CASE
    },
    Case {
        name: "details::links::value_boolean",
        items: &["class/setDetails#error.InvalidInput.link-not-string"],
        summary: "a `$dnanexus_link` whose value is `true` is InvalidInput",
        steps: &[OPEN, set_refused(r#"{"ref": {"$dnanexus_link": true}}"#)],
        ..CASE
    },
    Case {
        name: "details::links::value_not_an_id",
        items: &["class/setDetails#error.InvalidInput.link-not-id"],
        summary: "`$dnanexus_link` values `nope` and `record-123` are not object IDs: InvalidInput",
        steps: &[
            OPEN,
            set_refused(r#"{"ref": {"$dnanexus_link": "nope"}}"#),
            set_refused(r#"{"ref": {"$dnanexus_link": "record-123"}}"#),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::refused_changes_nothing",
        items: &["class/setDetails#rule.refused-changes-nothing"],
        summary: "after a refused setDetails (a bad link), getDetails and `links` are as before",
        steps: &[
            T1,
            new_rec(r#"{"project": "$project", "details": {"keep": {"$dnanexus_link": "$t1"}}}"#),
            set(r#"{"new": 1, "bad": {"$dnanexus_link": 5}}"#)
                .fails(422, "InvalidInput")
                .proves(&["class/setDetails#error.InvalidInput.link-not-string"]),
            GET_DETAILS.check(&[Eq("", r#"{"keep": {"$dnanexus_link": "$t1"}}"#)]),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    // ---- setDetails: the object ----
    Case {
        name: "details::set_details::unknown_record",
        items: &["class/setDetails#error.ResourceNotFound"],
        summary: "setDetails on a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post("/record-0123456789BFGJKPQVXYZbfg/setDetails", r#"{"a": 1}"#)
                .fails(404, "ResourceNotFound")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::unknown_record_array_body",
        items: &["class/setDetails#error.ResourceNotFound"],
        summary: "setDetails with an array body on an unknown record is ResourceNotFound too",
        steps: &[
            post("/record-0123456789BFGJKPQVXYZbfg/setDetails", "[1]")
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::closed_invalid_state",
        items: &["class/setDetails#error.InvalidState"],
        summary: "setDetails on a record closed with `close` is InvalidState; the details and links stay",
        steps: &[
            T1,
            new_rec(r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$t1"}}}"#),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            set(r#"{"other": true}"#).fails(422, "InvalidState"),
            GET_DETAILS.check(&[Eq("", r#"{"l": {"$dnanexus_link": "$t1"}}"#)]),
            LINKS_OF.check(&[Eq("/links", r#"["$t1"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::set_details::closed_same_value",
        items: &["class/setDetails#error.InvalidState"],
        summary: "on a closed record even setting the details it already has is InvalidState",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"same": 1}, "close": true}"#),
            set(r#"{"same": 1}"#).fails(422, "InvalidState"),
        ],
        ..CASE
    },
    // ================= getDetails =================
    Case {
        name: "details::get_details::raw_mapping",
        items: &["class/getDetails#output.raw"],
        summary: "getDetails answers the details mapping itself, not wrapped in `details`",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"k": [1, {"v": null}]}}"#),
            GET_DETAILS
                .check(&[Eq("", r#"{"k": [1, {"v": null}]}"#), Absent("/details")])
                .snapshot_as(&DETAILS_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::raw_array",
        items: &["class/getDetails#output.array"],
        summary: "getDetails of array details answers the array",
        steps: &[
            new_rec(r#"{"project": "$project", "details": ["a", 1, [true]]}"#),
            GET_DETAILS.check(&[Eq("", r#"["a", 1, [true]]"#), Len("", 3)]),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::same_as_describe",
        items: &["class/getDetails#output.raw"],
        summary: "getDetails answers what describe shows as `details`",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"x": {"y": "z"}}}"#),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .proves(&["record/describe#input.details"])
                .capture(&[("described", "/details")]),
            GET_DETAILS.check(&[Eq("", r#""$described""#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::with_project",
        items: &["class/getDetails#input.project"],
        summary: "getDetails with `project` naming the record's project answers the details",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"hinted": true}}"#),
            post("/$rec/getDetails", r#"{"project": "$project"}"#)
                .check(&[Eq("", r#"{"hinted": true}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::clone_project",
        items: &["class/getDetails#input.project.clone"],
        summary: "with the project of a clone, getDetails answers the same details",
        needs: &[Need::Project2],
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"shared": [1]}, "close": true}"#),
            post(
                "/$project/clone",
                r#"{"objects": ["$rec"], "project": "$project2"}"#,
            )
            .proves(&["project/clone#input.objects"]),
            post("/$rec/getDetails", r#"{"project": "$project2"}"#)
                .check(&[Eq("", r#"{"shared": [1]}"#)]),
        ],
    },
    Case {
        name: "details::get_details::project_not_string",
        items: &["class/getDetails#input.project.type"],
        summary: "a numeric `project` is InvalidInput",
        steps: &[
            OPEN,
            post("/$rec/getDetails", r#"{"project": 5}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::default_empty",
        items: &["class/getDetails#rule.default"],
        summary: "a record made without details answers `{}`",
        steps: &[OPEN, GET_DETAILS.check(&[Eq("", "{}"), Count("", Ord::Eq, 0)])],
        ..CASE
    },
    Case {
        name: "details::get_details::unknown_record",
        items: &["class/getDetails#error.ResourceNotFound"],
        summary: "getDetails of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post("/record-0123456789BFGJKPQVXYZbfg/getDetails", "{}")
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "details::get_details::unknown_project",
        items: &["class/getDetails#error.ResourceNotFound.project"],
        summary: "getDetails with a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[
            OPEN,
            post(
                "/$rec/getDetails",
                r#"{"project": "project-0123456789BFGJKPQVXYZbfg"}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
];
