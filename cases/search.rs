//! The Search page: `/system/findDataObjects`.
//!
//! <https://documentation.dnanexus.com/developer/api/search#api-method-system-finddataobjects>.
//! The page itself documents the name forms (exact, glob, regexp), paging with `limit` and
//! `starting`, the `{project, id}` results with `next`, the VIEW rule and the ordering; those
//! items are MUST. Most other filters are known from DNAnexus's own clients (dxpy, `dx`) or
//! from the platform's integration tests: those items are SHOULD and say their source.
//!
//! Every search is scoped to the case's own scratch project (`scope.project`), or restricted
//! to the case's own record IDs (`id`), so that cases running in parallel, or against a real
//! account full of other data, only ever see what they created. A case that asserts an
//! absence always pairs it with a search that does find the record, so an empty answer
//! cannot pass for a filter working.

use crate::case::{
    Access, CASE, Case,
    Check::{self, *},
    Kind, Need, Ord, Step, Who, post,
};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::SEARCH;

const FIND: &str = "#api-method-system-finddataobjects";
const ROUTE: &str = "/system/findDataObjects";

/// The keys an answer documents, and those a result holds without `describe`.
const ANSWER: &[&str] = &["results", "next"];
const RESULT: &[&str] = &["project", "id", "describe"];

const fn item(id: &'static str, kind: ItemKind, level: Level, text: &'static str) -> Item {
    Item {
        id,
        page: &SEARCH,
        anchor: FIND,
        kind,
        level,
        text,
    }
}

pub static ITEMS: &[Item] = &[
    // ---- outputs ----
    item(
        "system/findDataObjects#output.results",
        Output,
        Must,
        "`results`: an array of `{project, id}`, one per object found.",
    ),
    item(
        "system/findDataObjects#output.results.exact",
        Output,
        Should,
        "Without `describe`, each result is exactly `{\"project\", \"id\"}` (observed in the platform's integration tests).",
    ),
    item(
        "system/findDataObjects#output.next",
        Output,
        Must,
        "`next` is `null` when there are no more results.",
    ),
    item(
        "system/findDataObjects#output.keys-required",
        Output,
        Must,
        "Both `results` and `next` are always present, even when nothing is found (documented outputs; dxpy fails on a missing key).",
    ),
    item(
        "system/findDataObjects#output.describe",
        Output,
        Must,
        "With `describe` requested, each result also holds `describe`: the object's description in that project.",
    ),
    // ---- inputs: name (documented on the page) ----
    item(
        "system/findDataObjects#input.name.exact",
        Input,
        Must,
        "`name` as a plain string matches the name exactly; `*` in it is not special.",
    ),
    item(
        "system/findDataObjects#input.name.glob",
        Input,
        Must,
        "`name: {\"glob\"}`: `*` matches any run of characters and `?` exactly one; the glob matches the whole name.",
    ),
    item(
        "system/findDataObjects#input.name.glob.escape",
        Input,
        Must,
        "In a glob, `\\` escapes `*`, `?` and `\\`: `a\\*` matches only the name `a*`.",
    ),
    item(
        "system/findDataObjects#input.name.regexp",
        Input,
        Must,
        "`name: {\"regexp\"}`: a PCRE-style pattern (`ba.*` matches `bar` and `baz`).",
    ),
    // ---- inputs known from the clients ----
    item(
        "system/findDataObjects#input.class",
        Input,
        Should,
        "`class` restricts results to that class (`record`, `file`, ...) (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.state",
        Input,
        Should,
        "`state`: `open` finds a new record and `closed` does not until it is closed; `any` finds both (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.visibility",
        Input,
        Should,
        "`visibility`: `hidden` finds only hidden objects, `visible` only visible ones, `either` both (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.visibility.default",
        Input,
        Should,
        "Without `visibility` only visible objects are found (the default is not documented: our reading, `visible`).",
    ),
    item(
        "system/findDataObjects#input.properties",
        Input,
        Should,
        "`properties: {k: v}` finds objects whose property `k` equals `v` (the empty string included) (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.properties.present",
        Input,
        Should,
        "`properties: {k: true}` finds objects that have property `k`, whatever its value (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.type",
        Input,
        Should,
        "`type` finds objects having that type (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.tags",
        Input,
        Should,
        "`tags: {\"$and\": [...]}` finds objects having every listed tag (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.link",
        Input,
        Should,
        "`link: ID` finds objects whose details link to that ID (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.scope",
        Input,
        Should,
        "`scope: {project, folder, recurse}`: only that project; `folder` defaults to `/`, `recurse` to true, so subfolders are searched (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.scope.recurse",
        Input,
        Should,
        "`scope.recurse: false` limits the search to the folder itself (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.created",
        Input,
        Should,
        "`created: {after, before}` in ms timestamps limits results by creation time (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.modified",
        Input,
        Should,
        "`modified: {after, before}` in ms timestamps limits results by last modification (dxpy; observed).",
    ),
    item(
        "system/findDataObjects#input.describe",
        Input,
        Should,
        "`describe`: `false` (no description), `true` (the default fields) or a describe input such as `{\"fields\": {...}}` (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.id",
        Input,
        Should,
        "`id`: an array of object IDs restricting the results to those objects (dxfuse uses it).",
    ),
    item(
        "system/findDataObjects#input.level",
        Input,
        Should,
        "`level`: only objects in projects where the caller has at least that permission (dxpy's parameters).",
    ),
    item(
        "system/findDataObjects#input.limit",
        Input,
        Must,
        "`limit`: at most that many results per answer; `next` is not null while more remain.",
    ),
    item(
        "system/findDataObjects#input.starting",
        Input,
        Must,
        "`starting`: the `next` of a previous answer, passed back unchanged, continues the search: the rest, with no result repeated, ending with `next: null`.",
    ),
    // ---- rules ----
    item(
        "system/findDataObjects#rule.view-access",
        Rule,
        Must,
        "Results are limited to objects the caller can reach with at least VIEW.",
    ),
    item(
        "system/findDataObjects#rule.order",
        Rule,
        Must,
        "Results from one project are sorted by last-modified time, newest first.",
    ),
    // ---- errors (the page is silent: team readings) ----
    item(
        "system/findDataObjects#error.InvalidInput",
        Error,
        Should,
        "An input of the wrong shape (an unknown `state`, a `name` that is a number) is InvalidInput (the page is silent: our reading).",
    ),
    item(
        "system/findDataObjects#error.ResourceNotFound.scope",
        Error,
        Should,
        "A `scope.project` that does not exist is ResourceNotFound (the page is silent: our reading).",
    ),
    item(
        "system/findDataObjects#error.PermissionDenied.scope",
        Error,
        Should,
        "A `scope.project` the caller cannot view is PermissionDenied (the page is silent; our reading, as for every route on a project without access).",
    ),
];

/// A `/record/new` in `$project` with `body`'s extra fields, remembering the ID as `$NAME`.
macro_rules! rec {
    ($name:literal, $body:literal) => {
        post("/record/new", $body)
            .check(&[Is("/id", Kind::Id("record"))])
            .capture(&[($name, "/id")])
    };
}

/// A findDataObjects by the owner that must succeed.
const fn find(body: &'static str) -> Step {
    post(ROUTE, body)
}

/// The checks every answer gets: both keys, an array of results.
const SHAPE: [Check; 2] = [Is("/results", Kind::Array), Fields("", ANSWER, ANSWER)];

pub static CASES: &[Case] = &[
    // ================= outputs =================
    Case {
        name: "search::find_data_objects::results_shape",
        items: &[
            "system/findDataObjects#output.results",
            "system/findDataObjects#output.results.exact",
            "system/findDataObjects#output.next",
            "system/findDataObjects#output.keys-required",
        ],
        summary: "one record in the scope: `results` is `[{project, id}]` exactly and `next` is null",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}}"#)
                .check(&[
                    SHAPE[0],
                    SHAPE[1],
                    Len("/results", 1),
                    Eq("/results/0", r#"{"project": "$project", "id": "$rec"}"#),
                    Fields("/results/0", RESULT, &["project", "id"]),
                    Eq("/next", "null"),
                ])
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::empty_project",
        items: &[
            "system/findDataObjects#output.keys-required",
            "system/findDataObjects#output.next",
        ],
        summary: "nothing found: the answer still holds `results: []` and `next: null`",
        steps: &[find(r#"{"scope": {"project": "$project"}}"#)
            .check(&[
                Fields("", ANSWER, ANSWER),
                Eq("/results", "[]"),
                Eq("/next", "null"),
            ])
            .snapshot()],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::no_match_keeps_keys",
        items: &[
            "system/findDataObjects#output.keys-required",
            "system/findDataObjects#output.next",
        ],
        summary: "a filter that matches nothing answers `results: []` and `next: null`, not a missing key",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "present"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": "absent"}"#).check(&[
                SHAPE[0],
                SHAPE[1],
                Eq("/results", "[]"),
                Eq("/next", "null"),
            ]),
        ],
        ..CASE
    },
    // ================= class and state =================
    Case {
        name: "search::find_data_objects::class_record",
        items: &["system/findDataObjects#input.class"],
        summary: "`class: record` finds the record; `class: file` does not",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "class": "record"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "class": "file"}"#)
                .check(&[Eq("/results", "[]"), Eq("/next", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::state_open",
        items: &["system/findDataObjects#input.state"],
        summary: "a new record is found by `state: open` and not by `state: closed`",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "state": "open"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "state": "closed"}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::state_closed_after_close",
        items: &["system/findDataObjects#input.state"],
        summary: "once closed, the record is found by `state: closed` and no longer by `state: open`",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            post("/$rec/close", "{}"),
            find(r#"{"scope": {"project": "$project"}, "state": "closed"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "state": "open"}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::state_any",
        items: &["system/findDataObjects#input.state"],
        summary: "`state: any` finds an open and a closed record alike",
        steps: &[
            rec!("open", r#"{"project": "$project"}"#),
            rec!("closed", r#"{"project": "$project", "close": true}"#),
            find(r#"{"scope": {"project": "$project"}, "state": "any"}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$open"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$closed"}"#),
            ]),
        ],
        ..CASE
    },
    // ================= visibility =================
    Case {
        name: "search::find_data_objects::visibility_hidden",
        items: &["system/findDataObjects#input.visibility"],
        summary: "`visibility: hidden` finds the hidden record only",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "visibility": "hidden"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$hid""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::visibility_visible",
        items: &["system/findDataObjects#input.visibility"],
        summary: "`visibility: visible` finds the visible record only",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "visibility": "visible"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$vis""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::visibility_either",
        items: &["system/findDataObjects#input.visibility"],
        summary: "`visibility: either` finds hidden and visible records",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "visibility": "either"}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$hid"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$vis"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::visibility_default_visible",
        items: &["system/findDataObjects#input.visibility.default"],
        summary: "without `visibility`, the hidden record is not found and the visible one is",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$vis""#),
            ]),
        ],
        ..CASE
    },
    // ================= name =================
    Case {
        name: "search::find_data_objects::name_exact",
        items: &["system/findDataObjects#input.name.exact"],
        summary: "`name: \"bar\"` finds `bar` and neither `baz` nor `bar2`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("baz", r#"{"project": "$project", "name": "baz"}"#),
            rec!("bar2", r#"{"project": "$project", "name": "bar2"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": "bar"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0", r#"{"project": "$project", "id": "$bar"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_exact_star_is_literal",
        items: &["system/findDataObjects#input.name.exact"],
        summary: "an exact `name: \"ba*\"` finds the record named `ba*` only, not `bar`",
        steps: &[
            rec!("star", r#"{"project": "$project", "name": "ba*"}"#),
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": "ba*"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$star""#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "name": "b*"}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_star",
        items: &["system/findDataObjects#input.name.glob"],
        summary: "glob `ba*` finds `bar` and `baz`, not `foo` nor `xbar`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("baz", r#"{"project": "$project", "name": "baz"}"#),
            rec!("foo", r#"{"project": "$project", "name": "foo"}"#),
            rec!("xbar", r#"{"project": "$project", "name": "xbar"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "ba*"}}"#)
                .check(&[
                    Fields("", ANSWER, ANSWER),
                    Len("/results", 2),
                    Contains("/results", r#"{"project": "$project", "id": "$bar"}"#),
                    Contains("/results", r#"{"project": "$project", "id": "$baz"}"#),
                    Eq("/next", "null"),
                ])
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_question_mark",
        items: &["system/findDataObjects#input.name.glob"],
        summary: "glob `b?r` finds `bar` but not `bear` nor `br`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("bear", r#"{"project": "$project", "name": "bear"}"#),
            rec!("br", r#"{"project": "$project", "name": "br"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "b?r"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$bar""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_whole_name",
        items: &["system/findDataObjects#input.name.glob"],
        summary: "a glob matches the whole name: `ar` finds nothing among `bar` and `arc`, `*ar` finds `bar`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("arc", r#"{"project": "$project", "name": "arc"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "ar"}}"#)
                .check(&[Eq("/results", "[]")]),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "*ar"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$bar""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_escaped_star",
        items: &["system/findDataObjects#input.name.glob.escape"],
        summary: "glob `a\\*` finds only the record named `a*`, not `ab`",
        steps: &[
            rec!("star", r#"{"project": "$project", "name": "a*"}"#),
            rec!("ab", r#"{"project": "$project", "name": "ab"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "a\\*"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$star""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_escaped_question_mark",
        items: &["system/findDataObjects#input.name.glob.escape"],
        summary: "glob `a\\?` finds only the record named `a?`, not `ab`",
        steps: &[
            rec!("q", r#"{"project": "$project", "name": "a?"}"#),
            rec!("ab", r#"{"project": "$project", "name": "ab"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "a\\?"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$q""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::filters_combine",
        items: &[
            "system/findDataObjects#input.name.glob",
            "system/findDataObjects#input.state",
        ],
        summary: "glob `ba*` with `state: closed` finds the closed `bar` only, not the open `baz` nor the closed `foo`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar", "close": true}"#),
            rec!("baz", r#"{"project": "$project", "name": "baz"}"#),
            rec!("foo", r#"{"project": "$project", "name": "foo", "close": true}"#),
            find(
                r#"{"scope": {"project": "$project"}, "name": {"glob": "ba*"}, "state": "closed"}"#,
            )
            .check(&[Len("/results", 1), Eq("/results/0/id", r#""$bar""#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_regexp",
        items: &["system/findDataObjects#input.name.regexp"],
        summary: "regexp `ba.*` finds `bar` and `baz`, not `foo`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("baz", r#"{"project": "$project", "name": "baz"}"#),
            rec!("foo", r#"{"project": "$project", "name": "foo"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"regexp": "ba.*"}}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$bar"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$baz"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_regexp_anchored",
        items: &["system/findDataObjects#input.name.regexp"],
        summary: "regexp `^b.r$` finds `bar` but not `bear`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("bear", r#"{"project": "$project", "name": "bear"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"regexp": "^b.r$$"}}"#).check(
                &[Len("/results", 1), Eq("/results/0/id", r#""$bar""#)],
            ),
        ],
        ..CASE
    },
    // ================= properties, types, tags, link =================
    Case {
        name: "search::find_data_objects::properties_value",
        items: &["system/findDataObjects#input.properties"],
        summary: "`properties: {k: v}` finds the record with `k=v`, not `k=w` nor `other=v`",
        steps: &[
            rec!("kv", r#"{"project": "$project", "properties": {"k": "v"}}"#),
            rec!("kw", r#"{"project": "$project", "properties": {"k": "w"}}"#),
            rec!("ov", r#"{"project": "$project", "properties": {"other": "v"}}"#),
            find(r#"{"scope": {"project": "$project"}, "properties": {"k": "v"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$kv""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::properties_empty_value",
        items: &["system/findDataObjects#input.properties"],
        summary: "`properties: {k: \"\"}` finds the record whose `k` is empty, not `k=v`",
        steps: &[
            rec!("empty", r#"{"project": "$project", "properties": {"k": ""}}"#),
            rec!("kv", r#"{"project": "$project", "properties": {"k": "v"}}"#),
            find(r#"{"scope": {"project": "$project"}, "properties": {"k": ""}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$empty""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::properties_present",
        items: &["system/findDataObjects#input.properties.present"],
        summary: "`properties: {k: true}` finds records having `k` whatever its value, not one without it",
        steps: &[
            rec!("kv", r#"{"project": "$project", "properties": {"k": "v"}}"#),
            rec!("kw", r#"{"project": "$project", "properties": {"k": "w"}}"#),
            rec!("ov", r#"{"project": "$project", "properties": {"other": "v"}}"#),
            find(r#"{"scope": {"project": "$project"}, "properties": {"k": true}}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$kv"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$kw"}"#),
                Lacks("/results", r#"{"project": "$project", "id": "$ov"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::type",
        items: &["system/findDataObjects#input.type"],
        summary: "`type: \"TypeA\"` finds the record of that type, not one of `TypeB`",
        steps: &[
            rec!("a", r#"{"project": "$project", "types": ["TypeA"]}"#),
            rec!("b", r#"{"project": "$project", "types": ["TypeB"]}"#),
            find(r#"{"scope": {"project": "$project"}, "type": "TypeA"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$a""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::type_or_expression",
        items: &["system/findDataObjects#input.type"],
        summary: "`type: {$or: [TypeA, TypeB]}` finds the records of either type, not one of `TypeC`",
        steps: &[
            rec!("a", r#"{"project": "$project", "types": ["TypeA"]}"#),
            rec!("b", r#"{"project": "$project", "types": ["TypeB"]}"#),
            rec!("c", r#"{"project": "$project", "types": ["TypeC"]}"#),
            find(r#"{"scope": {"project": "$project"}, "type": {"$$or": ["TypeA", "TypeB"]}}"#)
                .check(&[
                    Len("/results", 2),
                    Contains("/results", r#"{"project": "$project", "id": "$a"}"#),
                    Contains("/results", r#"{"project": "$project", "id": "$b"}"#),
                ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::properties_every_key",
        items: &[
            "system/findDataObjects#input.properties",
            "system/findDataObjects#input.properties.present",
        ],
        summary: "`properties: {k: v, j: true}` finds only the record with `k=v` that also has `j`",
        steps: &[
            rec!("both", r#"{"project": "$project", "properties": {"k": "v", "j": "x"}}"#),
            rec!("k_only", r#"{"project": "$project", "properties": {"k": "v"}}"#),
            rec!("j_only", r#"{"project": "$project", "properties": {"j": "x"}}"#),
            find(r#"{"scope": {"project": "$project"}, "properties": {"k": "v", "j": true}}"#)
                .check(&[Len("/results", 1), Eq("/results/0/id", r#""$both""#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::tags_and",
        items: &["system/findDataObjects#input.tags"],
        summary: "`tags: {$and: [x, y]}` finds only the record tagged both `x` and `y`",
        steps: &[
            rec!("xy", r#"{"project": "$project", "tags": ["x", "y"]}"#),
            rec!("x", r#"{"project": "$project", "tags": ["x"]}"#),
            rec!("y", r#"{"project": "$project", "tags": ["y"]}"#),
            find(r#"{"scope": {"project": "$project"}, "tags": {"$$and": ["x", "y"]}}"#).check(
                &[Len("/results", 1), Eq("/results/0/id", r#""$xy""#)],
            ),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::tags_single",
        items: &["system/findDataObjects#input.tags"],
        summary: "`tags: {$and: [x]}` finds the two records tagged `x`, not the one tagged `y`",
        steps: &[
            rec!("xy", r#"{"project": "$project", "tags": ["x", "y"]}"#),
            rec!("x", r#"{"project": "$project", "tags": ["x"]}"#),
            rec!("y", r#"{"project": "$project", "tags": ["y"]}"#),
            find(r#"{"scope": {"project": "$project"}, "tags": {"$$and": ["x"]}}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$xy"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$x"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::link",
        items: &["system/findDataObjects#input.link"],
        summary: "`link: T` finds the record whose details link to `T`, not `T` itself nor an unlinked record",
        steps: &[
            rec!("target", r#"{"project": "$project"}"#),
            rec!(
                "linking",
                r#"{"project": "$project", "details": {"to": {"$dnanexus_link": "$target"}}}"#
            ),
            rec!("plain", r#"{"project": "$project", "details": {"to": "nothing"}}"#),
            find(r#"{"scope": {"project": "$project"}, "link": "$target"}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$linking""#),
            ]),
        ],
        ..CASE
    },
    // ================= scope =================
    Case {
        name: "search::find_data_objects::scope_folder_recurses",
        items: &["system/findDataObjects#input.scope"],
        summary: "`scope.folder: /sf` finds records in `/sf` and `/sf/deep` (recurse defaults to true), not in `/`",
        steps: &[
            rec!("root", r#"{"project": "$project"}"#),
            rec!("sf", r#"{"project": "$project", "folder": "/sf", "parents": true}"#),
            rec!(
                "deep",
                r#"{"project": "$project", "folder": "/sf/deep", "parents": true}"#
            ),
            find(r#"{"scope": {"project": "$project", "folder": "/sf"}}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$sf"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$deep"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::scope_recurse_false",
        items: &["system/findDataObjects#input.scope.recurse"],
        summary: "`scope.recurse: false` finds only the record directly in `/sf`, not the one in `/sf/deep`",
        steps: &[
            rec!("sf", r#"{"project": "$project", "folder": "/sf", "parents": true}"#),
            rec!(
                "deep",
                r#"{"project": "$project", "folder": "/sf/deep", "parents": true}"#
            ),
            find(r#"{"scope": {"project": "$project", "folder": "/sf", "recurse": false}}"#)
                .check(&[Len("/results", 1), Eq("/results/0/id", r#""$sf""#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::scope_recurse_false_at_root",
        items: &["system/findDataObjects#input.scope.recurse"],
        summary: "`recurse: false` at `/` finds the root record only; `recurse: true` finds all three",
        steps: &[
            rec!("root", r#"{"project": "$project"}"#),
            rec!("sf", r#"{"project": "$project", "folder": "/sf", "parents": true}"#),
            rec!(
                "deep",
                r#"{"project": "$project", "folder": "/sf/deep", "parents": true}"#
            ),
            find(r#"{"scope": {"project": "$project", "folder": "/", "recurse": false}}"#)
                .check(&[Len("/results", 1), Eq("/results/0/id", r#""$root""#)]),
            find(r#"{"scope": {"project": "$project", "folder": "/", "recurse": true}}"#)
                .check(&[Len("/results", 3)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::scope_default_folder_root",
        items: &["system/findDataObjects#input.scope"],
        summary: "`scope: {project}` alone searches the whole project: records in `/` and in `/sf` are found",
        steps: &[
            rec!("root", r#"{"project": "$project"}"#),
            rec!("sf", r#"{"project": "$project", "folder": "/sf", "parents": true}"#),
            find(r#"{"scope": {"project": "$project"}}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$root"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$sf"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::scope_other_project",
        items: &["system/findDataObjects#input.scope"],
        summary: "a record in `$project2` is not found when the scope is `$project`, and is with scope `$project2`",
        needs: &[Need::Project2],
        steps: &[
            rec!("here", r#"{"project": "$project"}"#),
            rec!("there", r#"{"project": "$project2"}"#),
            find(r#"{"scope": {"project": "$project"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0", r#"{"project": "$project", "id": "$here"}"#),
            ]),
            find(r#"{"scope": {"project": "$project2"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0", r#"{"project": "$project2", "id": "$there"}"#),
            ]),
        ],
    },
    // ================= created and modified =================
    Case {
        name: "search::find_data_objects::created_window",
        items: &["system/findDataObjects#input.created"],
        summary: "with `created` < `modified` captured from describe: `created.before: modified` finds the record, `created.after: modified` does not",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "first"}"#),
            post("/$rec/rename", r#"{"project": "$project", "name": "second"}"#).after(5),
            post("/$rec/describe", "{}")
                .check(&[Cmp("/created", Ord::Lt, "@/modified")])
                .capture(&[("c", "/created"), ("m", "/modified")]),
            find(r#"{"scope": {"project": "$project"}, "created": {"before": "$m"}}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "created": {"after": "$m"}}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::modified_window",
        items: &["system/findDataObjects#input.modified"],
        summary: "after a rename (`modified` > `created`): `modified.after: created` finds the record, `modified.before: created` does not",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "first"}"#),
            post("/$rec/rename", r#"{"project": "$project", "name": "second"}"#).after(5),
            post("/$rec/describe", "{}")
                .check(&[Cmp("/created", Ord::Lt, "@/modified")])
                .capture(&[("c", "/created"), ("m", "/modified")]),
            find(r#"{"scope": {"project": "$project"}, "modified": {"after": "$c"}}"#).check(
                &[Len("/results", 1), Eq("/results/0/id", r#""$rec""#)],
            ),
            find(r#"{"scope": {"project": "$project"}, "modified": {"before": "$c"}}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::created_in_milliseconds",
        items: &["system/findDataObjects#input.created"],
        summary: "`created` bounds are ms: after 2001-09-09 finds today's record; before it, or after 2100, finds nothing",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(
                r#"{"scope": {"project": "$project"}, "created": {"after": 1000000000000, "before": 4102444800000}}"#,
            )
            .check(&[Len("/results", 1), Eq("/results/0/id", r#""$rec""#)]),
            find(r#"{"scope": {"project": "$project"}, "created": {"before": 1000000000000}}"#)
                .check(&[Eq("/results", "[]")]),
            find(r#"{"scope": {"project": "$project"}, "created": {"after": 4102444800000}}"#)
                .check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    // ================= describe =================
    Case {
        name: "search::find_data_objects::describe_true",
        items: &[
            "system/findDataObjects#input.describe",
            "system/findDataObjects#output.describe",
        ],
        summary: "`describe: true` adds each result's description (the record's `id`, `project`, `name`, `class`)",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "described"}"#),
            find(r#"{"scope": {"project": "$project"}, "describe": true}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
                Eq("/results/0/project", r#""$project""#),
                Is("/results/0/describe", Kind::Object),
                Eq("/results/0/describe/id", r#""$rec""#),
                Eq("/results/0/describe/project", r#""$project""#),
                Eq("/results/0/describe/class", r#""record""#),
                Eq("/results/0/describe/name", r#""described""#),
                Is("/results/0/describe/modified", Kind::Timestamp),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::describe_false",
        items: &["system/findDataObjects#input.describe"],
        summary: "`describe: false` gives results without `describe`",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "describe": false}"#).check(&[
                Len("/results", 1),
                Eq("/results/0", r#"{"project": "$project", "id": "$rec"}"#),
                Absent("/results/0/describe"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::describe_fields",
        items: &[
            "system/findDataObjects#input.describe",
            "system/findDataObjects#output.describe",
        ],
        summary: "`describe: {fields: {name: true}}` describes each result with its `name`",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "named"}"#),
            find(
                r#"{"scope": {"project": "$project"}, "describe": {"fields": {"name": true}}}"#,
            )
            .check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
                Eq("/results/0/describe/name", r#""named""#),
                Absent("/results/0/describe/details"),
            ]),
        ],
        ..CASE
    },
    // ================= paging =================
    Case {
        name: "search::find_data_objects::limit_and_starting",
        items: &[
            "system/findDataObjects#input.limit",
            "system/findDataObjects#input.starting",
            "system/findDataObjects#output.next",
        ],
        summary: "three records, `limit: 2`: two results and a `next`; passing it as `starting` gives the third, unrepeated, with `next: null`",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            rec!("r3", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "limit": 2}"#)
                .check(&[SHAPE[0], SHAPE[1], Len("/results", 2), Ne("/next", "null")])
                .capture(&[("a", "/results/0"), ("b", "/results/1"), ("next", "/next")]),
            find(r#"{"scope": {"project": "$project"}, "limit": 2, "starting": "$next"}"#).check(
                &[
                    SHAPE[0],
                    SHAPE[1],
                    Len("/results", 1),
                    Lacks("/results", r#""$a""#),
                    Lacks("/results", r#""$b""#),
                    Eq("/next", "null"),
                ],
            ),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::paging_one_at_a_time",
        items: &[
            "system/findDataObjects#input.limit",
            "system/findDataObjects#input.starting",
        ],
        summary: "three records, `limit: 1`: three pages of one distinct result each, the last with `next: null`",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            rec!("r3", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "limit": 1}"#)
                .check(&[Len("/results", 1), Ne("/next", "null")])
                .capture(&[("a", "/results/0"), ("n1", "/next")]),
            find(r#"{"scope": {"project": "$project"}, "limit": 1, "starting": "$n1"}"#)
                .check(&[Len("/results", 1), Ne("/results/0", r#""$a""#), Ne("/next", "null")])
                .capture(&[("b", "/results/0"), ("n2", "/next")]),
            find(r#"{"scope": {"project": "$project"}, "limit": 1, "starting": "$n2"}"#).check(
                &[
                    Len("/results", 1),
                    Ne("/results/0", r#""$a""#),
                    Ne("/results/0", r#""$b""#),
                    Eq("/next", "null"),
                ],
            ),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::limit_above_count",
        items: &[
            "system/findDataObjects#input.limit",
            "system/findDataObjects#output.next",
        ],
        summary: "`limit: 10` over two records gives both and `next: null`",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "limit": 10}"#).check(&[
                Len("/results", 2),
                Contains("/results", r#"{"project": "$project", "id": "$r1"}"#),
                Contains("/results", r#"{"project": "$project", "id": "$r2"}"#),
                Eq("/next", "null"),
            ]),
        ],
        ..CASE
    },
    // ================= order =================
    Case {
        name: "search::find_data_objects::newest_modified_first",
        items: &["system/findDataObjects#rule.order"],
        summary: "create `a` then `b`, then rename `a`: `a` (modified last) comes first",
        steps: &[
            rec!("a", r#"{"project": "$project", "name": "a"}"#),
            rec!("b", r#"{"project": "$project", "name": "b"}"#),
            post("/$b/describe", "{}").capture(&[("bm", "/modified")]),
            // A few milliseconds later, so that `a` is strictly newer on any clock.
            post("/$a/rename", r#"{"project": "$project", "name": "a2"}"#).after(5),
            post("/$a/describe", "{}").check(&[Cmp("/modified", Ord::Gt, r#""$bm""#)]),
            find(r#"{"scope": {"project": "$project"}}"#).check(&[
                Len("/results", 2),
                Eq("/results/0/id", r#""$a""#),
                Eq("/results/1/id", r#""$b""#),
            ]),
        ],
        ..CASE
    },
    // ================= access =================
    Case {
        name: "search::find_data_objects::peer_with_view_finds",
        items: &["system/findDataObjects#rule.view-access"],
        summary: "a peer with VIEW on the project finds the owner's record",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}}"#)
                .by(Who::Peer)
                .check(&[
                    Len("/results", 1),
                    Eq("/results/0", r#"{"project": "$project", "id": "$rec"}"#),
                ]),
        ],
    },
    Case {
        name: "search::find_data_objects::peer_without_access_finds_none",
        items: &[
            "system/findDataObjects#rule.view-access",
            "system/findDataObjects#input.id",
        ],
        summary: "a peer with no access finds none of the project's records (searched by `id`, no scope), while the owner does",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"id": ["$rec"]}"#)
                .by(Who::Peer)
                .check(&[SHAPE[0], SHAPE[1], Eq("/results", "[]"), Eq("/next", "null")]),
            find(r#"{"id": ["$rec"]}"#).check(&[
                Len("/results", 1),
                Eq("/results/0", r#"{"project": "$project", "id": "$rec"}"#),
            ]),
        ],
    },
    Case {
        name: "search::find_data_objects::peer_without_access_scope_denied",
        items: &["system/findDataObjects#error.PermissionDenied.scope"],
        summary: "a peer with no access who scopes the search to the project gets PermissionDenied",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .snapshot(),
        ],
    },
    Case {
        name: "search::find_data_objects::level_filter",
        items: &["system/findDataObjects#input.level"],
        summary: "a peer with VIEW finds the record with `level: VIEW` and not with `level: CONTRIBUTE`",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "level": "VIEW"}"#)
                .by(Who::Peer)
                .check(&[Len("/results", 1), Eq("/results/0/id", r#""$rec""#)]),
            find(r#"{"scope": {"project": "$project"}, "level": "CONTRIBUTE"}"#)
                .by(Who::Peer)
                .check(&[Eq("/results", "[]")]),
        ],
    },
    Case {
        name: "search::find_data_objects::id_filter",
        items: &["system/findDataObjects#input.id"],
        summary: "`id: [a]` finds `a` and not the other record in the scope",
        steps: &[
            rec!("a", r#"{"project": "$project"}"#),
            rec!("b", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "id": ["$a"]}"#).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$a""#),
            ]),
        ],
        ..CASE
    },
    // ================= errors =================
    Case {
        name: "search::find_data_objects::unknown_scope_project",
        items: &["system/findDataObjects#error.ResourceNotFound.scope"],
        summary: "a well-formed `scope.project` that does not exist is ResourceNotFound",
        steps: &[
            find(r#"{"scope": {"project": "project-000000000000000000000000"}}"#)
                .fails(404, "ResourceNotFound")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::state_unknown_value",
        items: &["system/findDataObjects#error.InvalidInput"],
        summary: "`state: \"bogus\"` is InvalidInput",
        steps: &[
            find(r#"{"scope": {"project": "$project"}, "state": "bogus"}"#)
                .fails(422, "InvalidInput")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_number",
        items: &["system/findDataObjects#error.InvalidInput"],
        summary: "`name: 5` (neither a string nor a glob/regexp mapping) is InvalidInput",
        steps: &[
            find(r#"{"scope": {"project": "$project"}, "name": 5}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
];
