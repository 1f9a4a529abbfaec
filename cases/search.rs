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
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::{DETAILS, SEARCH};
use super::records::RECORD_DESCRIBE;

const FIND: &str = "#api-method-system-finddataobjects";
const ROUTE: &str = "/system/findDataObjects";
const FIND_PROJECTS: &str = "#api-method-system-findprojects";

/// The keys an answer documents.
const ANSWER: &[&str] = &["results", "next"];

const fn item(id: &'static str, kind: ItemKind, level: Level, text: &'static str) -> Item {
    Item::new(id, &SEARCH, FIND, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- outputs ----
    item(
        "system/findDataObjects#output.results",
        Output,
        Must,
        "`results`: an array of `{project, id}`, one per object found (an object in two projects is found as each copy: see `output.results.per-copy`).",
    ),
    item(
        "system/findDataObjects#output.results.exact",
        Output,
        Should,
        "Without `describe`, each result is exactly `{\"project\", \"id\"}` (observed in the platform's integration tests).",
    ),
    item(
        "system/findDataObjects#output.results.per-copy",
        Output,
        Should,
        "[INFERRED] A result names a project copy (`{project, id}`), so an object cloned into two projects the caller can view is found once per copy.",
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
    Item {
        id: "system/findDataObjects#input.link",
        page: &DETAILS,
        anchor: "",
        kind: Input,
        level: Must,
        text: "Incoming links are found with findDataObjects: `link: ID` finds objects whose details link to that ID (details-and-links page).",
    },
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
        "`limit`: at most that many results per answer (a maximum: a page may hold fewer); `next` is not null while more remain.",
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
    item(
        "system/findDataObjects#rule.grouped",
        Rule,
        Must,
        "Results from the same project are grouped together.",
    ),
    item(
        "system/findDataObjects#rule.public-not-counted",
        Rule,
        Must,
        "Access that comes only from a project being PUBLIC does not count: such objects are not found.",
    ),
    item(
        "system/findDataObjects#rule.full-pages",
        Rule,
        Should,
        "[INFERRED] A page holds `limit` results when that many remain (the page documents `limit` as a maximum only, so a shorter page with `next` still conforms).",
    ),
    // ---- more inputs known from the clients ----
    item(
        "system/findDataObjects#input.state.closing",
        Input,
        Should,
        "[CLIENT] `state: closing` finds objects being closed; [INFERRED] records close at once, so it finds no record.",
    ),
    item(
        "system/findDataObjects#input.region",
        Input,
        Should,
        "[CLIENT] `region` limits results to objects in projects of that region (`aws:us-east-1`, `azure:westus`).",
    ),
    item(
        "system/findDataObjects#input.tag",
        Input,
        Should,
        "[CLIENT] `tag` is the deprecated single-tag form of `tags`: objects having that tag.",
    ),
    item(
        "system/findDataObjects#rule.limit-cap",
        Rule,
        Should,
        "[CLIENT] clients double `limit` up to 1000; [INFERRED] 1000 is the server's maximum: a larger `limit` is accepted and a page holds at most 1000 results.",
    ),
    item(
        "system/findDataObjects#input.id.cap",
        Input,
        Should,
        "[CLIENT] `id` holds up to 1000 IDs (dxfuse); [INFERRED] more is InvalidInput.",
    ),
    // ---- /system/findProjects (known from the clients and the platform's tests) ----
    Item {
        id: "system/findProjects#output.results",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Output,
            Should,
            "[CLIENT] [OBSERVED] `results`: one `{id, level}` per project the caller can see, `level` being the caller's level there; `describe` only when asked for.",
        )
    },
    Item {
        id: "system/findProjects#output.level.creator",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Output,
            Should,
            "[OBSERVED] The creator of a project finds it with `level: ADMINISTER`.",
        )
    },
    Item {
        id: "system/findProjects#output.next",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Output,
            Should,
            "[CLIENT] `next` as for findDataObjects: null at the end, else passed back as `starting`; both keys always present.",
        )
    },
    Item {
        id: "system/findProjects#input.name",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[CLIENT] [OBSERVED] `name`: a string for an exact match or `{\"glob\": ...}`.",
        )
    },
    Item {
        id: "system/findProjects#input.level",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `level` is a minimum: `VIEW` matches every level, `CONTRIBUTE` not a VIEW member.",
        )
    },
    Item {
        id: "system/findProjects#input.describe",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[CLIENT] [OBSERVED] `describe: true` adds each project's description (its `name`...); a mapping is a describe input.",
        )
    },
    Item {
        id: "system/findProjects#input.explicitPermission",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[CLIENT] `explicitPermission: true` finds only projects where the caller is a member: a project visible through PUBLIC alone is left out; [INFERRED] without it, such a project is found.",
        )
    },
    Item {
        id: "system/findProjects#input.billTo",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `billTo` finds the projects billed to that user or org.",
        )
    },
    Item {
        id: "system/findProjects#input.created",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `created: {after, before}` in ms limits results by creation time.",
        )
    },
    Item {
        id: "system/findProjects#input.tags",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `tags: {\"$and\": [...]}` finds projects having every tag.",
        )
    },
    Item {
        id: "system/findProjects#input.properties",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `properties: {k: v}` (or `{k: true}`) finds projects with that property.",
        )
    },
    Item {
        id: "system/findProjects#input.region",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `region` finds the projects of that region.",
        )
    },
    Item {
        id: "system/findProjects#input.containsPHI",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[OBSERVED] `containsPHI: false` finds projects without PHI; `true` does not find them.",
        )
    },
    Item {
        id: "system/findProjects#input.limit",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Input,
            Should,
            "[CLIENT] `limit` and `starting` page the results as for findDataObjects.",
        )
    },
    Item {
        id: "system/findProjects#rule.view-access",
        anchor: FIND_PROJECTS,
        ..item(
            "",
            Rule,
            Should,
            "[INFERRED] A project the caller has no access to is never found.",
        )
    },
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

/// A `/record/new` with `body`, remembering the ID as `$NAME`. It proves record/new's own
/// output: if it fails, the case could not be prepared, and it says so at record/new's
/// level, not at the level of the search fact the case is about.
macro_rules! rec {
    ($name:literal, $body:literal) => {
        post("/record/new", $body)
            .proves(&["record/new#output.id"])
            .check(&[Is("/id", Kind::Id("record"))])
            .capture(&[($name, "/id")])
    };
}

/// A findDataObjects by the owner that must succeed, followed through every page: `limit`
/// is a maximum, so an endpoint may answer short pages, and the checks see every result.
const fn find(body: &'static str) -> Step {
    post(ROUTE, body).paged()
}

/// One page of a findDataObjects, as the endpoint answers it (for the facts about a page:
/// its keys, `next`, `limit`).
const fn find_page(body: &'static str) -> Step {
    post(ROUTE, body)
}

/// The checks every page gets: both keys, an array of results.
const SHAPE: [Check; 2] = [Is("/results", Kind::Array), Fields("", ANSWER, ANSWER)];

/// A result: `{project, id}`, plus `describe` when asked for.
static RESULT_SHAPE: Shape = Shape::Object(&[
    Field::new("project", "system/findDataObjects#output.results"),
    Field::new("id", "system/findDataObjects#output.results"),
    Field::new("describe", "system/findDataObjects#output.describe").of(RECORD_DESCRIBE),
]);

/// What findDataObjects answers: the results and `next`. Which results a scoped search
/// holds depends on `scope`, an input known from the clients (SHOULD): a different number
/// of results is judged at that level, a result of another form at `output.results`'s.
static FIND_ANSWER: Shape = Shape::Object(&[
    Field::new("results", "system/findDataObjects#output.results")
        .reading("system/findDataObjects#input.scope")
        .of(Shape::Array(&RESULT_SHAPE)),
    Field::new("next", "system/findDataObjects#output.next"),
]);

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
        summary: "one record in the scope: every page holds `results` and `next`, the pages end with `next: null`, and the record is found as `{project, id}` (exactly those two keys: observed)",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}}"#)
                .proves(&[
                    "system/findDataObjects#output.results",
                    "system/findDataObjects#output.next",
                    "system/findDataObjects#output.keys-required",
                ])
                .check(&[
                    Each("/pages", &[SHAPE[0], SHAPE[1]]),
                    AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#),
                    Each("/results", &[Is("/project", Kind::Id("project")), Is("/id", Kind::String)]),
                    On(
                        "system/findDataObjects#output.results.exact",
                        &[Each("/results", &[Count("", Ord::Eq, 2)])],
                    ),
                ])
                .snapshot_as(&FIND_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::empty_project",
        items: &[
            "system/findDataObjects#output.keys-required",
            "system/findDataObjects#output.next",
        ],
        summary: "nothing found (an exact name nothing has): the answer still holds `results: []` and `next: null`",
        steps: &[find_page(r#"{"scope": {"project": "$project"}, "name": "dxconform-nothing-$run"}"#)
            .check(&[
                Fields("", ANSWER, ANSWER),
                Eq("/results", "[]"),
                Eq("/next", "null"),
            ])
            .snapshot_as(&FIND_ANSWER)],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::no_match_keeps_keys",
        items: &[
            "system/findDataObjects#output.keys-required",
            "system/findDataObjects#output.next",
        ],
        summary: "a name filter that matches nothing answers `results: []` and `next: null`, not a missing key",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "present-$run"}"#),
            find_page(r#"{"scope": {"project": "$project"}, "name": "absent-$run"}"#).check(&[
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
                .check(&[Eq("/results", "[]")]),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$open"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$closed"}"#),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$hid"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$vis"}"#),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$baz"}"#),
                NoneHas("/results", r#"{"id": "$bar2"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_exact_star_is_literal",
        items: &["system/findDataObjects#input.name.exact"],
        summary: "an exact `name: \"ba*\"` finds the record named `ba*` only, not `bar`; `b*` finds neither",
        steps: &[
            rec!("star", r#"{"project": "$project", "name": "ba*"}"#),
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": "ba*"}"#).check(&[
                AnyHas("/results", r#"{"id": "$star"}"#),
                NoneHas("/results", r#"{"id": "$bar"}"#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "name": "b*"}"#).check(&[
                NoneHas("/results", r#"{"id": "$star"}"#),
                NoneHas("/results", r#"{"id": "$bar"}"#),
            ]),
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
                    AnyHas("/results", r#"{"project": "$project", "id": "$bar"}"#),
                    AnyHas("/results", r#"{"project": "$project", "id": "$baz"}"#),
                    NoneHas("/results", r#"{"id": "$foo"}"#),
                    NoneHas("/results", r#"{"id": "$xbar"}"#),
                ])
                .snapshot_as(&FIND_ANSWER),
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
                AnyHas("/results", r#"{"id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$bear"}"#),
                NoneHas("/results", r#"{"id": "$br"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::name_glob_whole_name",
        items: &["system/findDataObjects#input.name.glob"],
        summary: "a glob matches the whole name: `ar` finds neither `bar` nor `arc`, `*ar` finds `bar` and not `arc`",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar"}"#),
            rec!("arc", r#"{"project": "$project", "name": "arc"}"#),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "ar"}}"#).check(&[
                NoneHas("/results", r#"{"id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$arc"}"#),
            ]),
            find(r#"{"scope": {"project": "$project"}, "name": {"glob": "*ar"}}"#).check(&[
                AnyHas("/results", r#"{"id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$arc"}"#),
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
                AnyHas("/results", r#"{"id": "$star"}"#),
                NoneHas("/results", r#"{"id": "$ab"}"#),
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
                AnyHas("/results", r#"{"id": "$q"}"#),
                NoneHas("/results", r#"{"id": "$ab"}"#),
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
        summary: "glob `ba*` with `state: closed` finds the closed `bar`, not the closed `foo` (the glob) nor the open `baz` (the state filter, SHOULD)",
        steps: &[
            rec!("bar", r#"{"project": "$project", "name": "bar", "close": true}"#),
            rec!("baz", r#"{"project": "$project", "name": "baz"}"#),
            rec!("foo", r#"{"project": "$project", "name": "foo", "close": true}"#),
            find(
                r#"{"scope": {"project": "$project"}, "name": {"glob": "ba*"}, "state": "closed"}"#,
            )
            .proves(&["system/findDataObjects#input.name.glob"])
            .check(&[
                AnyHas("/results", r#"{"id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$foo"}"#),
                On("system/findDataObjects#input.state", &[NoneHas("/results", r#"{"id": "$baz"}"#)]),
            ]),
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
                AnyHas("/results", r#"{"id": "$bar"}"#),
                AnyHas("/results", r#"{"id": "$baz"}"#),
                NoneHas("/results", r#"{"id": "$foo"}"#),
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
            find(r#"{"scope": {"project": "$project"}, "name": {"regexp": "^b.r$$"}}"#).check(&[
                AnyHas("/results", r#"{"id": "$bar"}"#),
                NoneHas("/results", r#"{"id": "$bear"}"#),
            ]),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$kv"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$kw"}"#),
                NoneHas("/results", r#"{"project": "$project", "id": "$ov"}"#),
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
                    AnyHas("/results", r#"{"project": "$project", "id": "$a"}"#),
                    AnyHas("/results", r#"{"project": "$project", "id": "$b"}"#),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$xy"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$x"}"#),
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
            rec!("linking", r#"{"project": "$project", "details": {"to": {"$dnanexus_link": "$target"}}}"#),
            rec!("plain", r#"{"project": "$project", "details": {"to": "nothing"}}"#),
            find(r#"{"scope": {"project": "$project"}, "link": "$target"}"#).check(&[
                AnyHas("/results", r#"{"id": "$linking"}"#),
                NoneHas("/results", r#"{"id": "$target"}"#),
                NoneHas("/results", r#"{"id": "$plain"}"#),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$sf"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$deep"}"#),
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
                AnyHas("/results", r#"{"project": "$project", "id": "$root"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$sf"}"#),
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
                Has("/results/0", r#"{"project": "$project", "id": "$here"}"#),
            ]),
            find(r#"{"scope": {"project": "$project2"}}"#).check(&[
                Len("/results", 1),
                Has("/results/0", r#"{"project": "$project2", "id": "$there"}"#),
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
        summary: "`describe: true` adds each result's description of that copy (`id`, `project`); that it is the default describe (`class`, `name`, `modified`) is the clients' reading",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "described"}"#),
            find(r#"{"scope": {"project": "$project"}, "describe": true}"#)
                .proves(&["system/findDataObjects#output.describe"])
                .check(&[
                    Each("/results", &[Is("/describe", Kind::Object)]),
                    AnyHas(
                        "/results",
                        r#"{"project": "$project", "id": "$rec", "describe": {"id": "$rec", "project": "$project"}}"#,
                    ),
                    On(
                        "system/findDataObjects#input.describe",
                        &[
                            AnyHas(
                                "/results",
                                r#"{"id": "$rec", "describe": {"class": "record", "name": "described", "state": "open"}}"#,
                            ),
                            Each("/results", &[Is("/describe/modified", Kind::Timestamp)]),
                        ],
                    ),
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
                Has("/results/0", r#"{"project": "$project", "id": "$rec"}"#),
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
        summary: "`describe: {fields: {name: true}}` describes each result; with the name asked for, and no `details`",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "named"}"#),
            find(
                r#"{"scope": {"project": "$project"}, "describe": {"fields": {"name": true}}}"#,
            )
            .proves(&["system/findDataObjects#output.describe"])
            .check(&[
                Each("/results", &[Is("/describe", Kind::Object)]),
                AnyHas("/results", r#"{"id": "$rec", "describe": {"id": "$rec"}}"#),
                On(
                    "system/findDataObjects#input.describe",
                    &[
                        AnyHas("/results", r#"{"id": "$rec", "describe": {"name": "named"}}"#),
                        Each("/results", &[Absent("/describe/details")]),
                    ],
                ),
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
        summary: "three records, `limit: 2`: every page holds at most 2; following `next` as `starting` gives all three, none repeated, and ends with `next: null`",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            rec!("r3", r#"{"project": "$project"}"#),
            find_page(r#"{"scope": {"project": "$project"}, "limit": 2}"#)
                .check(&[SHAPE[0], SHAPE[1], Count("/results", Ord::Le, 2), Ne("/next", "null")]),
            find(r#"{"scope": {"project": "$project"}, "limit": 2}"#).check(&[
                Each("/pages", &[Count("/results", Ord::Le, 2)]),
                Distinct("/results"),
                AnyHas("/results", r#"{"project": "$project", "id": "$r1"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$r2"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$r3"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::paging_one_at_a_time",
        items: &[
            "system/findDataObjects#input.limit",
            "system/findDataObjects#input.starting",
        ],
        summary: "three records, `limit: 1`: pages of at most one result, three distinct results in all",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            rec!("r3", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "limit": 1}"#).check(&[
                Each("/pages", &[Count("/results", Ord::Le, 1)]),
                Count("/pages", Ord::Ge, 3),
                Distinct("/results"),
                AnyHas("/results", r#"{"id": "$r1"}"#),
                AnyHas("/results", r#"{"id": "$r2"}"#),
                AnyHas("/results", r#"{"id": "$r3"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::full_pages",
        items: &["system/findDataObjects#rule.full-pages"],
        summary: "three records, `limit: 2`: the first page holds two (a full page when that many exist); `limit: 10` gives both of two records in one page",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            rec!("r3", r#"{"project": "$project"}"#),
            find_page(r#"{"scope": {"project": "$project"}, "limit": 2}"#)
                .check(&[Len("/results", 2)]),
            find_page(r#"{"scope": {"project": "$project"}, "limit": 10}"#)
                .check(&[Len("/results", 3), Eq("/next", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::limit_above_count",
        items: &["system/findDataObjects#input.limit"],
        summary: "`limit: 10` over two records: no page holds more than 10, and both are found",
        steps: &[
            rec!("r1", r#"{"project": "$project"}"#),
            rec!("r2", r#"{"project": "$project"}"#),
            find(r#"{"scope": {"project": "$project"}, "limit": 10}"#).check(&[
                Each("/pages", &[Count("/results", Ord::Le, 10)]),
                AnyHas("/results", r#"{"project": "$project", "id": "$r1"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$r2"}"#),
            ]),
        ],
        ..CASE
    },
    // ================= order =================
    Case {
        name: "search::find_data_objects::newest_modified_first",
        items: &["system/findDataObjects#rule.order"],
        summary: "create `a` then `b`, then rename `a`: `a` (modified last) comes before `b`",
        steps: &[
            rec!("a", r#"{"project": "$project", "name": "a"}"#),
            rec!("b", r#"{"project": "$project", "name": "b"}"#),
            post("/$b/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("bm", "/modified")]),
            // A few milliseconds later, so that `a` is strictly newer on any clock.
            post("/$a/rename", r#"{"project": "$project", "name": "a2"}"#)
                .after(5)
                .proves(&["record/describe#rule.modified-moves"]),
            post("/$a/describe", "{}")
                .proves(&["record/describe#rule.modified-moves"])
                .check(&[Cmp("/modified", Ord::Gt, r#""$bm""#)]),
            find(r#"{"scope": {"project": "$project"}}"#).check(&[InOrder(
                "/results",
                r#"[{"project": "$project", "id": "$a"}, {"project": "$project", "id": "$b"}]"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::grouped_by_project",
        items: &["system/findDataObjects#rule.grouped"],
        summary: "records made alternately in two projects come back grouped: each project's results together",
        needs: &[Need::Project2],
        steps: &[
            rec!("a1", r#"{"project": "$project"}"#),
            rec!("b1", r#"{"project": "$project2"}"#),
            rec!("a2", r#"{"project": "$project"}"#),
            rec!("b2", r#"{"project": "$project2"}"#),
            find(r#"{"id": ["$a1", "$b1", "$a2", "$b2"]}"#).check(&[
                AnyHas("/results", r#"{"project": "$project", "id": "$a1"}"#),
                AnyHas("/results", r#"{"project": "$project2", "id": "$b1"}"#),
                AnyHas("/results", r#"{"project": "$project", "id": "$a2"}"#),
                AnyHas("/results", r#"{"project": "$project2", "id": "$b2"}"#),
                Grouped("/results", "/project"),
            ]),
        ],
    },
    Case {
        name: "search::find_data_objects::one_result_per_copy",
        items: &["system/findDataObjects#output.results.per-copy"],
        summary: "a closed record cloned into a second project is found once in each: `{project, id}` for both copies",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project", "close": true}"#),
            post("/$project/clone", r#"{"objects": ["$rec"], "project": "$project2"}"#),
            find(r#"{"id": ["$rec"]}"#).check(&[
                AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#),
                AnyHas("/results", r#"{"project": "$project2", "id": "$rec"}"#),
            ]),
        ],
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
                .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "search::find_data_objects::peer_without_access_finds_none",
        items: &["system/findDataObjects#rule.view-access"],
        summary: "a peer with no access finds none of the project's records, while the owner does (both searches name the record by `id`, but the verdict does not rely on that filter)",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find(r#"{"id": ["$rec"]}"#)
                .by(Who::Peer)
                .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
            find(r#"{"id": ["$rec"]}"#)
                .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "search::find_data_objects::public_access_does_not_count",
        items: &["system/findDataObjects#rule.public-not-counted"],
        summary: "a project shared with PUBLIC lets a non-member describe its record, but the non-member's search does not find it",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            post("/$project/invite", r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .proves(&["project/invite#input.invitee.public"]),
            post("/$rec/describe", "{}")
                .by(Who::Peer)
                .proves(&["project/invite#input.invitee.public"])
                .check(&[Eq("/id", r#""$rec""#)]),
            find(r#"{"id": ["$rec"]}"#)
                .by(Who::Peer)
                .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "search::find_data_objects::peer_without_access_scope_denied",
        items: &["system/findDataObjects#error.PermissionDenied.scope"],
        summary: "a peer with no access who scopes the search to the project gets PermissionDenied",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find_page(r#"{"scope": {"project": "$project"}}"#)
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
    // ================= more findDataObjects inputs =================
    Case {
        name: "search::find_data_objects::state_closing_finds_no_record",
        items: &["system/findDataObjects#input.state.closing"],
        summary: "`state: closing` finds neither an open nor a closed record (records close at once)",
        steps: &[
            rec!("open", r#"{"project": "$project"}"#),
            rec!("closed", r#"{"project": "$project", "close": true}"#),
            find(r#"{"scope": {"project": "$project"}, "state": "closing"}"#).check(&[
                NoneHas("/results", r#"{"id": "$open"}"#),
                NoneHas("/results", r#"{"id": "$closed"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::region",
        items: &["system/findDataObjects#input.region"],
        summary: "`region` of the project finds its record; another region does not",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            post("/$project/describe", r#"{"fields": {"region": true}}"#)
                .proves(&["system/findDataObjects#input.region"])
                .capture(&[("region", "/region")]),
            find(r#"{"scope": {"project": "$project"}, "region": "$region"}"#)
                .check(&[AnyHas("/results", r#"{"id": "$rec"}"#)]),
            find(r#"{"scope": {"project": "$project"}, "region": "dxconform:nowhere"}"#)
                .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::deprecated_tag",
        items: &["system/findDataObjects#input.tag"],
        summary: "`tag: x` finds the record tagged `x`, not the one tagged `y`",
        steps: &[
            rec!("x", r#"{"project": "$project", "tags": ["x"]}"#),
            rec!("y", r#"{"project": "$project", "tags": ["y"]}"#),
            find(r#"{"scope": {"project": "$project"}, "tag": "x"}"#).check(&[
                AnyHas("/results", r#"{"id": "$x"}"#),
                NoneHas("/results", r#"{"id": "$y"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::limit_above_1000",
        items: &["system/findDataObjects#rule.limit-cap"],
        summary: "`limit: 5000` is accepted (a page holds at most 1000) and finds the record",
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            find_page(r#"{"scope": {"project": "$project"}, "limit": 5000}"#).check(&[
                Count("/results", Ord::Le, 1000),
                AnyHas("/results", r#"{"id": "$rec"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::id_over_1000",
        items: &["system/findDataObjects#input.id.cap"],
        summary: "`id` with 1001 IDs is InvalidInput",
        steps: &[find_page(
            r#"{"scope": {"project": "$project"}, "id": "$repeat(1001,record-0123456789BFGJKPQVXYZbfg)"}"#,
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    // ================= /system/findProjects =================
    Case {
        name: "search::find_projects::creator_administers",
        items: &[
            "system/findProjects#output.results",
            "system/findProjects#output.level.creator",
            "system/findProjects#output.next",
            "system/findProjects#input.name",
        ],
        summary: "the case's project, found by its exact name, is `{id, level: ADMINISTER}`; the answer holds `results` and `next`",
        steps: &[post("/system/findProjects", r#"{"name": "$projectName"}"#)
            .proves(&["system/findProjects#output.next"])
            .check(&[
                Fields("", &["results", "next"], &["results", "next"]),
                On(
                    "system/findProjects#output.results",
                    &[Each("/results", &[Is("/id", Kind::Id("project")), Is("/level", Kind::String)])],
                ),
                On(
                    "system/findProjects#input.name",
                    &[Len("/results", 1), Has("/results/0", r#"{"id": "$project"}"#)],
                ),
                On(
                    "system/findProjects#output.level.creator",
                    &[AnyHas("/results", r#"{"id": "$project", "level": "ADMINISTER"}"#)],
                ),
            ])],
        ..CASE
    },
    Case {
        name: "search::find_projects::name_glob",
        items: &["system/findProjects#input.name"],
        summary: "`name: {glob: <the project's name>*}` finds it; a glob matching nothing does not",
        steps: &[
            post("/system/findProjects", r#"{"name": {"glob": "$projectName*"}}"#)
                .paged()
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": {"glob": "x$projectName*"}}"#)
                .paged()
                .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::level_is_a_minimum",
        items: &["system/findProjects#input.level", "system/findProjects#output.results"],
        summary: "a VIEW peer finds the project with `level: VIEW` (answered as VIEW) and not with `level: CONTRIBUTE`; its ADMINISTER owner finds it with `level: VIEW`",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            post("/system/findProjects", r#"{"name": "$projectName", "level": "VIEW"}"#)
                .by(Who::Peer)
                .proves(&["system/findProjects#input.level"])
                .check(&[
                    AnyHas("/results", r#"{"id": "$project"}"#),
                    On(
                        "system/findProjects#output.results",
                        &[AnyHas("/results", r#"{"id": "$project", "level": "VIEW"}"#)],
                    ),
                ]),
            post("/system/findProjects", r#"{"name": "$projectName", "level": "CONTRIBUTE"}"#)
                .by(Who::Peer)
                .proves(&["system/findProjects#input.level"])
                .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
            // The owner administers it: `level: VIEW` is a minimum, so it is found.
            post("/system/findProjects", r#"{"name": "$projectName", "level": "VIEW"}"#)
                .proves(&["system/findProjects#input.level"])
                .check(&[AnyHas("/results", r#"{"id": "$project", "level": "ADMINISTER"}"#)]),
        ],
    },
    Case {
        name: "search::find_projects::describe",
        items: &["system/findProjects#input.describe"],
        summary: "`describe: true` adds the project's description with its `name`; a `fields` mapping gives the named fields",
        steps: &[
            post("/system/findProjects", r#"{"name": "$projectName", "describe": true}"#).check(
                &[AnyHas(
                    "/results",
                    r#"{"id": "$project", "describe": {"id": "$project", "name": "$projectName"}}"#,
                )],
            ),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "describe": {"fields": {"name": true}}}"#,
            )
            .check(&[AnyHas(
                "/results",
                r#"{"id": "$project", "describe": {"name": "$projectName"}}"#,
            )]),
            post("/system/findProjects", r#"{"name": "$projectName"}"#)
                .check(&[Each("/results", &[Absent("/describe")])]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::explicit_permission",
        items: &["system/findProjects#input.explicitPermission"],
        summary: "a project shared with PUBLIC: a non-member finds it without `explicitPermission`, not with it",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            post("/$project/invite", r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .proves(&["project/invite#input.invitee.public"]),
            post("/system/findProjects", r#"{"name": "$projectName"}"#)
                .by(Who::Peer)
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "explicitPermission": true}"#,
            )
            .by(Who::Peer)
            .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
    },
    Case {
        name: "search::find_projects::no_access_not_found",
        items: &["system/findProjects#rule.view-access"],
        summary: "a user with no access does not find the project, while the owner does",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            post("/system/findProjects", r#"{"name": "$projectName"}"#)
                .by(Who::Peer)
                .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": "$projectName"}"#)
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
        ],
    },
    Case {
        name: "search::find_projects::bill_to",
        items: &["system/findProjects#input.billTo"],
        summary: "`billTo` of the project (from its describe) finds it; another org does not",
        steps: &[
            post("/$project/describe", r#"{"fields": {"billTo": true}}"#)
                .proves(&["system/findProjects#input.billTo"])
                .capture(&[("billTo", "/billTo")]),
            post("/system/findProjects", r#"{"name": "$projectName", "billTo": "$billTo"}"#)
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "billTo": "org-dxconform_nobody"}"#,
            )
            .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::created",
        items: &["system/findProjects#input.created"],
        summary: "`created.after` a date in 2001 finds the project; `created.before` it does not",
        steps: &[
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "created": {"after": 1000000000000}}"#,
            )
            .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "created": {"before": 1000000000000}}"#,
            )
            .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::tags_and_properties",
        items: &["system/findProjects#input.tags", "system/findProjects#input.properties"],
        summary: "a project tagged `t1` with property `k=v` is found by those filters and not by others",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["t1"]}"#)
                .proves(&["system/findProjects#input.tags"]),
            post("/$project/setProperties", r#"{"properties": {"k": "v"}}"#)
                .proves(&["system/findProjects#input.properties"]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "tags": {"$$and": ["t1"]}}"#,
            )
            .proves(&["system/findProjects#input.tags"])
            .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "tags": {"$$and": ["t1", "t2"]}}"#,
            )
            .proves(&["system/findProjects#input.tags"])
            .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": "$projectName", "properties": {"k": "v"}}"#)
                .proves(&["system/findProjects#input.properties"])
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": "$projectName", "properties": {"k": "w"}}"#)
                .proves(&["system/findProjects#input.properties"])
                .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::region_and_phi",
        items: &["system/findProjects#input.region", "system/findProjects#input.containsPHI"],
        summary: "the project's own region and `containsPHI: false` find it; another region or `containsPHI: true` do not",
        steps: &[
            post("/$project/describe", r#"{"fields": {"region": true}}"#)
                .proves(&["system/findProjects#input.region"])
                .capture(&[("region", "/region")]),
            post("/system/findProjects", r#"{"name": "$projectName", "region": "$region"}"#)
                .proves(&["system/findProjects#input.region"])
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post(
                "/system/findProjects",
                r#"{"name": "$projectName", "region": "dxconform:nowhere"}"#,
            )
            .proves(&["system/findProjects#input.region"])
            .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": "$projectName", "containsPHI": false}"#)
                .proves(&["system/findProjects#input.containsPHI"])
                .check(&[AnyHas("/results", r#"{"id": "$project"}"#)]),
            post("/system/findProjects", r#"{"name": "$projectName", "containsPHI": true}"#)
                .proves(&["system/findProjects#input.containsPHI"])
                .check(&[NoneHas("/results", r#"{"id": "$project"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_projects::paging",
        items: &["system/findProjects#input.limit"],
        summary: "two projects named alike, `limit: 1`: pages of at most one, both found, none repeated",
        needs: &[Need::Project2],
        steps: &[post(
            "/system/findProjects",
            r#"{"name": {"glob": "$projectName*"}, "limit": 1}"#,
        )
        .paged()
        .check(&[
            Each("/pages", &[Count("/results", Ord::Le, 1)]),
            Distinct("/results"),
            AnyHas("/results", r#"{"id": "$project"}"#),
            AnyHas("/results", r#"{"id": "$project2"}"#),
        ])],
    },
    // ================= errors =================
    Case {
        name: "search::find_data_objects::unknown_scope_project",
        items: &["system/findDataObjects#error.ResourceNotFound.scope"],
        summary: "a well-formed `scope.project` that does not exist is ResourceNotFound",
        steps: &[
            find_page(r#"{"scope": {"project": "project-000000000000000000000000"}}"#)
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
            find_page(r#"{"scope": {"project": "$project"}, "state": "bogus"}"#)
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
            find_page(r#"{"scope": {"project": "$project"}, "name": 5}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
];
