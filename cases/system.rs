//! The System methods and Users pages: `/system/describeDataObjects`,
//! `/system/resolveDataObjects`, `/system/whoami`, `/user-xxxx/describe`, and the utility
//! routes `/system/greet`, `/system/headers`, `/system/comeBackLater`, `/system/findApps`,
//! `/system/findGlobalWorkflows`.
//!
//! <https://documentation.dnanexus.com/developer/api/system-methods>,
//! <https://documentation.dnanexus.com/developer/api/users>. The stored documentation
//! shows only these pages' openings, so what is known of the routes comes from DNAnexus's
//! clients (dxpy, `dx`, dxfuse: [CLIENT]) and the platform's own integration tests
//! ([OBSERVED]): every item here is SHOULD and says its source. Where even those are
//! silent, the item says which reading the project took (a missing ID in a bulk describe
//! is a per-entry error, not a failed call; resolution matches names exactly).
//!
//! Bulk calls name only the case's own records, and the resolution cases name the case's
//! own project and folders, so cases stay independent on a shared account.

use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::{SYSTEM_METHODS, USERS};
use super::records::RECORD_DESCRIBE;

const DESCRIBE_OBJECTS: &str = "#api-method-system-describedataobjects";
const RESOLVE: &str = "#api-method-system-resolvedataobjects";
const WHOAMI: &str = "#api-method-system-whoami";
const USER_DESCRIBE: &str = "#api-method-user-xxxx-describe";

const fn sys(id: &'static str, anchor: &'static str, kind: ItemKind, text: &'static str) -> Item {
    Item {
        id,
        page: &SYSTEM_METHODS,
        anchor,
        kind,
        level: Should,
        text,
    }
}

const fn item(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &SYSTEM_METHODS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- /system/describeDataObjects ----
    sys(
        "system/describeDataObjects#input.objects.ids",
        DESCRIBE_OBJECTS,
        Input,
        "[CLIENT] `objects` may list plain object IDs: each is described with the default fields.",
    ),
    sys(
        "system/describeDataObjects#input.objects.mapping",
        DESCRIBE_OBJECTS,
        Input,
        "[CLIENT] An entry may be `{\"id\", \"project\"?, \"describe\"?}`: `describe` is that object's describe input (`true`: the defaults; a mapping: `fields` and so on).",
    ),
    sys(
        "system/describeDataObjects#input.objects.project",
        DESCRIBE_OBJECTS,
        Input,
        "[CLIENT] An entry's `project` is a hint, as for `/class-xxxx/describe`: the copy in that project is described when it holds the object.",
    ),
    sys(
        "system/describeDataObjects#input.classDescribeOptions",
        DESCRIBE_OBJECTS,
        Input,
        "[CLIENT] `classDescribeOptions: {\"<class>\" | \"*\": <describe input>}` applies to entries without their own `describe` (dxfuse and dxda send `{\"*\": {\"fields\": ...}}`).",
    ),
    sys(
        "system/describeDataObjects#input.top-level-booleans",
        DESCRIBE_OBJECTS,
        Input,
        "[CLIENT] dxpy sends describe inputs as top-level booleans (`{\"details\": true, \"properties\": true}`); its docstring says these fields come back in addition to the defaults.",
    ),
    sys(
        "system/describeDataObjects#output.results",
        DESCRIBE_OBJECTS,
        Output,
        "[CLIENT] `results`: one `{\"describe\": {...}}` per entry, in the order of `objects`.",
    ),
    sys(
        "system/describeDataObjects#rule.missing-entry",
        DESCRIBE_OBJECTS,
        Rule,
        "[SILENT] An entry that does not exist, or that the caller cannot view, does not fail the whole call; our reading: its place in `results` holds no `describe` (the reference server puts `{\"error\": {...}}` there).",
    ),
    sys(
        "system/describeDataObjects#rule.at-most-1000",
        DESCRIBE_OBJECTS,
        Rule,
        "[CLIENT] dxfuse sends at most 1000 objects per call; [INFERRED] more than 1000 is InvalidInput.",
    ),
    sys(
        "system/describeDataObjects#error.InvalidInput",
        DESCRIBE_OBJECTS,
        Error,
        "[INFERRED] `objects` missing or not an array, or an entry that is neither an ID nor a mapping with `id`, is InvalidInput.",
    ),
    // ---- /system/resolveDataObjects ----
    sys(
        "system/resolveDataObjects#input.objects",
        RESOLVE,
        Input,
        "[CLIENT] `objects`: entries `{\"name\", \"project\"?, \"folder\"?}`; `name` is required.",
    ),
    sys(
        "system/resolveDataObjects#input.project",
        RESOLVE,
        Input,
        "[CLIENT] The top-level `project` is the default project of entries without one.",
    ),
    sys(
        "system/resolveDataObjects#input.project.override",
        RESOLVE,
        Input,
        "[OBSERVED] An entry's own `project` overrides the top-level one.",
    ),
    sys(
        "system/resolveDataObjects#input.folder",
        RESOLVE,
        Input,
        "[CLIENT] `folder` (top-level default, or per entry) names the folder the name is looked up in; [INFERRED] default `/`, and only that folder (not its subfolders).",
    ),
    sys(
        "system/resolveDataObjects#output.results",
        RESOLVE,
        Output,
        "[CLIENT] `results`: one list per entry, in input order, each holding the matching `{project, id}` (0, 1 or more).",
    ),
    sys(
        "system/resolveDataObjects#output.no-match",
        RESOLVE,
        Output,
        "[OBSERVED] An entry that matches nothing gives `[]`.",
    ),
    sys(
        "system/resolveDataObjects#rule.exact-name",
        RESOLVE,
        Rule,
        "[SILENT] Whether names match exactly; [INFERRED] exactly (no glob: `re*` does not resolve `rec`).",
    ),
    sys(
        "system/resolveDataObjects#rule.at-most-1000",
        RESOLVE,
        Rule,
        "[CLIENT] [OBSERVED] dxpy sends at most 1000 entries per call; [INFERRED] more is InvalidInput.",
    ),
    // ---- /system/whoami ----
    sys(
        "system/whoami#output.id",
        WHOAMI,
        Output,
        "[CLIENT] `id`: the caller's user ID (`user-<handle>`), as `dx whoami --id` prints it.",
    ),
    sys(
        "system/whoami#rule.per-token",
        WHOAMI,
        Rule,
        "[CLIENT] whoami names the user whose token was sent: two users' tokens give two IDs.",
    ),
    // ---- /user-xxxx/describe ----
    Item {
        id: "user/describe#output.handle",
        page: &USERS,
        anchor: USER_DESCRIBE,
        kind: Output,
        level: Should,
        text: "[CLIENT] [OBSERVED] The answer holds `handle`, which `dx whoami` prints: the `<handle>` of `user-<handle>`.",
    },
    Item {
        id: "user/describe#output.id",
        page: &USERS,
        anchor: USER_DESCRIBE,
        kind: Output,
        level: Should,
        text: "[INFERRED] The answer holds `id` (the user's ID) and `class: \"user\"`, as every describe names its entity.",
    },
    Item {
        id: "user/describe#rule.any-user",
        page: &USERS,
        anchor: USER_DESCRIBE,
        kind: Rule,
        level: Should,
        text: "[INFERRED] A user may describe another user (a collaborator invited to a project).",
    },
    Item {
        id: "user/describe#error.ResourceNotFound",
        page: &USERS,
        anchor: USER_DESCRIBE,
        kind: Error,
        level: Should,
        text: "[INFERRED] A user that does not exist is ResourceNotFound.",
    },
    // ---- /system/greet, /system/headers, /system/comeBackLater ----
    sys(
        "system/greet#output.messages",
        "",
        Output,
        "[OBSERVED] `/system/greet` answers a mapping with `messages`, an array ([CLIENT] each `{date, title, body}`; `[]` is a valid answer).",
    ),
    sys(
        "system/headers#output.lower-case",
        "",
        Output,
        "[OBSERVED] `/system/headers` answers the request's headers as a mapping from lower-case names to values.",
    ),
    sys(
        "system/comeBackLater#output.currentTime",
        "",
        Output,
        "[OBSERVED] `/system/comeBackLater` with nothing to wait for answers `{\"currentTime\": <ms timestamp>}`.",
    ),
    sys(
        "system/comeBackLater#error.ServiceUnavailable",
        "",
        Error,
        "[OBSERVED] Until `waitUntil` (ms), the answer is 503 ServiceUnavailable with an integer `Retry-After` in seconds.",
    ),
    sys(
        "system/comeBackLater#input.setRetryAfter",
        "",
        Input,
        "[OBSERVED] With `setRetryAfter: false` the 503 carries no `Retry-After`.",
    ),
    // ---- /system/findApps, /system/findGlobalWorkflows ----
    item(
        "system/findApps#output.empty",
        "",
        Output,
        Should,
        "[CLIENT] A server without apps answers `{\"results\": [], \"next\": null}` (`dx describe <name>` reads both keys and crashes otherwise).",
    ),
    item(
        "system/findGlobalWorkflows#output.empty",
        "",
        Output,
        Should,
        "[CLIENT] The same for global workflows: `{\"results\": [], \"next\": null}`.",
    ),
];

/// Two records in the case's project, captured as `$a` (named `alpha`) and `$b` (`beta`,
/// with a property and details).
const REC_A: Step = post("/record/new", r#"{"project": "$project", "name": "alpha"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("a", "/id")]);
const REC_B: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "beta", "properties": {"k": "v"}, "details": {"d": 1}}"#,
)
.proves(&["record/new#output.id"])
.capture(&[("b", "/id")]);

/// A `results` entry: what a bulk describe documents of it.
static DESCRIBED: Shape =
    Shape::Object(&[
        Field::new("describe", "system/describeDataObjects#output.results").of(RECORD_DESCRIBE),
    ]);

/// What `/system/describeDataObjects` answers.
static DESCRIBE_ANSWER: Shape =
    Shape::Object(&[
        Field::new("results", "system/describeDataObjects#output.results")
            .of(Shape::Array(&DESCRIBED)),
    ]);

pub static CASES: &[Case] = &[
    // ================= /system/describeDataObjects =================
    Case {
        name: "system::describe_data_objects::ids_in_order",
        items: &[
            "system/describeDataObjects#input.objects.ids",
            "system/describeDataObjects#output.results",
        ],
        summary: "two plain IDs, `b` first: two results, in that order, each describing its object with the default fields",
        steps: &[
            REC_A,
            REC_B,
            post("/system/describeDataObjects", r#"{"objects": ["$b", "$a"]}"#)
                .proves(&["system/describeDataObjects#output.results"])
                .check(&[
                    Len("/results", 2),
                    Has("/results/0/describe", r#"{"id": "$b", "name": "beta", "project": "$project"}"#),
                    Has("/results/1/describe", r#"{"id": "$a", "name": "alpha"}"#),
                    On(
                        "system/describeDataObjects#input.objects.ids",
                        &[
                            Is("/results/0/describe/class", Kind::String),
                            Is("/results/0/describe/created", Kind::Timestamp),
                            Absent("/results/0/describe/details"),
                        ],
                    ),
                ])
                .snapshot_as(&DESCRIBE_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::mapping_entry_with_fields",
        items: &["system/describeDataObjects#input.objects.mapping"],
        summary: "an entry `{id, describe: {fields: {name: true}}}` describes that object with only its name (and id)",
        steps: &[
            REC_A,
            post(
                "/system/describeDataObjects",
                r#"{"objects": [{"id": "$a", "describe": {"fields": {"name": true}}}]}"#,
            )
            .check(&[
                Eq("/results/0/describe/name", r#""alpha""#),
                Eq("/results/0/describe/id", r#""$a""#),
                Absent("/results/0/describe/created"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::mapping_describe_true",
        items: &["system/describeDataObjects#input.objects.mapping"],
        summary: "an entry `{id, describe: true}` describes that object with the default fields",
        steps: &[
            REC_A,
            post(
                "/system/describeDataObjects",
                r#"{"objects": [{"id": "$a", "describe": true}]}"#,
            )
            .check(&[
                Eq("/results/0/describe/id", r#""$a""#),
                Is("/results/0/describe/state", Kind::String),
                Is("/results/0/describe/modified", Kind::Timestamp),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::project_hint",
        items: &["system/describeDataObjects#input.objects.project"],
        summary: "a closed record cloned into a second project, described with `project: $project2`, is that copy (its own name there)",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "here", "close": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("a", "/id")]),
            post("/$project/clone", r#"{"objects": ["$a"], "project": "$project2"}"#),
            post("/$a/rename", r#"{"project": "$project2", "name": "there"}"#),
            post(
                "/system/describeDataObjects",
                r#"{"objects": [{"id": "$a", "project": "$project2"}]}"#,
            )
            .check(&[Has(
                "/results/0/describe",
                r#"{"id": "$a", "project": "$project2", "name": "there"}"#,
            )]),
        ],
    },
    Case {
        name: "system::describe_data_objects::class_options",
        items: &["system/describeDataObjects#input.classDescribeOptions"],
        summary: "`classDescribeOptions: {\"*\": {fields: {name: true}}}` applies to plain IDs; `{record: {...}}` likewise",
        steps: &[
            REC_A,
            post(
                "/system/describeDataObjects",
                r#"{"objects": ["$a"], "classDescribeOptions": {"*": {"fields": {"name": true}}}}"#,
            )
            .check(&[
                Eq("/results/0/describe/name", r#""alpha""#),
                Absent("/results/0/describe/created"),
            ]),
            post(
                "/system/describeDataObjects",
                r#"{"objects": ["$a"], "classDescribeOptions": {"record": {"fields": {"state": true}}}}"#,
            )
            .check(&[
                Eq("/results/0/describe/state", r#""open""#),
                Absent("/results/0/describe/name"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::entry_describe_wins",
        items: &["system/describeDataObjects#input.classDescribeOptions"],
        summary: "an entry's own `describe` wins over `classDescribeOptions`",
        steps: &[
            REC_A,
            post(
                "/system/describeDataObjects",
                r#"{"objects": [{"id": "$a", "describe": {"fields": {"state": true}}}],
                    "classDescribeOptions": {"*": {"fields": {"name": true}}}}"#,
            )
            .check(&[
                Eq("/results/0/describe/state", r#""open""#),
                Absent("/results/0/describe/name"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::top_level_booleans_add",
        items: &["system/describeDataObjects#input.top-level-booleans"],
        summary: "`describe: {details: true, properties: true}` gives the defaults plus details and properties",
        steps: &[
            REC_B,
            post(
                "/system/describeDataObjects",
                r#"{"objects": [{"id": "$b", "describe": {"details": true, "properties": true}}]}"#,
            )
            .check(&[
                Eq("/results/0/describe/details", r#"{"d": 1}"#),
                Eq("/results/0/describe/properties", r#"{"k": "v"}"#),
                Eq("/results/0/describe/name", r#""beta""#),
                Is("/results/0/describe/created", Kind::Timestamp),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::missing_entry",
        items: &["system/describeDataObjects#rule.missing-entry"],
        summary: "an unknown ID between two real ones: the call succeeds, the others are described in place, the unknown one has no describe",
        steps: &[
            REC_A,
            REC_B,
            post(
                "/system/describeDataObjects",
                r#"{"objects": ["$a", "record-0123456789BFGJKPQVXYZbfg", "$b"]}"#,
            )
            .check(&[
                Len("/results", 3),
                Eq("/results/0/describe/id", r#""$a""#),
                Absent("/results/1/describe"),
                Eq("/results/2/describe/id", r#""$b""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::not_viewable_entry",
        items: &["system/describeDataObjects#rule.missing-entry"],
        summary: "a peer without access asking for the owner's record: the call succeeds and gives no describe of it",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            REC_A,
            post("/system/describeDataObjects", r#"{"objects": ["$a"]}"#)
                .by(Who::Peer)
                .check(&[Len("/results", 1), Absent("/results/0/describe")]),
        ],
    },
    Case {
        name: "system::describe_data_objects::over_1000",
        items: &["system/describeDataObjects#rule.at-most-1000"],
        summary: "1001 entries are InvalidInput; 1000 are described",
        steps: &[
            post(
                "/system/describeDataObjects",
                r#"{"objects": "$repeat(1001,record-0123456789BFGJKPQVXYZbfg)"}"#,
            )
            .fails(422, "InvalidInput"),
            post(
                "/system/describeDataObjects",
                r#"{"objects": "$repeat(1000,record-0123456789BFGJKPQVXYZbfg)"}"#,
            )
            .check(&[Len("/results", 1000)]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::bad_inputs",
        items: &["system/describeDataObjects#error.InvalidInput"],
        summary: "no `objects`, `objects` a string, an entry that is a number or a mapping without `id`: InvalidInput",
        steps: &[
            post("/system/describeDataObjects", "{}").fails(422, "InvalidInput"),
            post("/system/describeDataObjects", r#"{"objects": "x"}"#)
                .fails(422, "InvalidInput"),
            post("/system/describeDataObjects", r#"{"objects": [5]}"#)
                .fails(422, "InvalidInput"),
            post("/system/describeDataObjects", r#"{"objects": [{"project": "$project"}]}"#)
                .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    // ================= /system/resolveDataObjects =================
    Case {
        name: "system::resolve_data_objects::one_list_per_entry",
        items: &[
            "system/resolveDataObjects#input.objects",
            "system/resolveDataObjects#input.project",
            "system/resolveDataObjects#output.results",
            "system/resolveDataObjects#output.no-match",
        ],
        summary: "`beta`, `nothing`, `alpha` in the top-level project: three lists in order, the middle one empty",
        steps: &[
            REC_A,
            REC_B,
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": [{"name": "beta"}, {"name": "nothing-$run"}, {"name": "alpha"}]}"#,
            )
            .check(&[
                Len("/results", 3),
                Len("/results/0", 1),
                AnyHas("/results/0", r#"{"project": "$project", "id": "$b"}"#),
                Eq("/results/1", "[]"),
                Len("/results/2", 1),
                AnyHas("/results/2", r#"{"project": "$project", "id": "$a"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::resolve_data_objects::several_matches",
        items: &["system/resolveDataObjects#output.results"],
        summary: "two records with the same name resolve to a list of both",
        steps: &[
            REC_A,
            post("/record/new", r#"{"project": "$project", "name": "alpha"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("a2", "/id")]),
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": [{"name": "alpha"}]}"#,
            )
            .check(&[
                Len("/results/0", 2),
                AnyHas("/results/0", r#"{"project": "$project", "id": "$a"}"#),
                AnyHas("/results/0", r#"{"project": "$project", "id": "$a2"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "system::resolve_data_objects::entry_project_overrides",
        items: &["system/resolveDataObjects#input.project.override"],
        summary: "an entry's own `project` wins over the top-level one",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project2", "name": "there"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("t", "/id")]),
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": [{"name": "there", "project": "$project2"}, {"name": "there"}]}"#,
            )
            .check(&[
                Len("/results/0", 1),
                AnyHas("/results/0", r#"{"project": "$project2", "id": "$t"}"#),
                Eq("/results/1", "[]"),
            ]),
        ],
    },
    Case {
        name: "system::resolve_data_objects::folder",
        items: &["system/resolveDataObjects#input.folder"],
        summary: "a record in `/sub` resolves with `folder: /sub` (per entry or top-level), not with the default `/`",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "deep", "folder": "/sub", "parents": true}"#,
            )
            .proves(&["record/new#output.id"])
            .capture(&[("d", "/id")]),
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": [{"name": "deep"}, {"name": "deep", "folder": "/sub"}]}"#,
            )
            .check(&[
                Eq("/results/0", "[]"),
                Len("/results/1", 1),
                AnyHas("/results/1", r#"{"project": "$project", "id": "$d"}"#),
            ]),
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "folder": "/sub", "objects": [{"name": "deep"}]}"#,
            )
            .check(&[Len("/results/0", 1),
                AnyHas("/results/0", r#"{"project": "$project", "id": "$d"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "system::resolve_data_objects::exact_names",
        items: &["system/resolveDataObjects#rule.exact-name"],
        summary: "`alph*` and `alph` resolve nothing for the record named `alpha`",
        steps: &[
            REC_A,
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": [{"name": "alph*"}, {"name": "alph"}]}"#,
            )
            .check(&[Eq("/results/0", "[]"), Eq("/results/1", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "system::resolve_data_objects::over_1000",
        items: &["system/resolveDataObjects#rule.at-most-1000"],
        summary: "1001 entries are InvalidInput; 1000 resolve, one list each",
        steps: &[
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": "$repeat(1001,{\"name\": \"x\"})"}"#,
            )
            .fails(422, "InvalidInput"),
            post(
                "/system/resolveDataObjects",
                r#"{"project": "$project", "objects": "$repeat(1000,{\"name\": \"x\"})"}"#,
            )
            .check(&[Len("/results", 1000)]),
        ],
        ..CASE
    },
    // ================= /system/whoami, /user-xxxx/describe =================
    Case {
        name: "system::whoami::owner",
        items: &["system/whoami#output.id"],
        summary: "whoami with the owner's token answers the owner's `user-` ID",
        steps: &[post("/system/whoami", "{}").check(&[
            Eq("/id", r#""$owner""#),
            Matches("/id", "^user-.+$"),
        ])],
        ..CASE
    },
    Case {
        name: "system::whoami::per_token",
        items: &["system/whoami#rule.per-token"],
        summary: "the peer's token names the peer, not the owner",
        needs: &[Need::Peer(Access::None)],
        steps: &[post("/system/whoami", "{}")
            .by(Who::Peer)
            .check(&[Eq("/id", r#""$peer""#), Ne("/id", r#""$owner""#)])],
    },
    Case {
        name: "system::whoami::needs_a_token",
        items: &["authentication#rule.token-required"],
        summary: "whoami without a token is refused",
        steps: &[post("/system/whoami", "{}").by(Who::Anonymous).refused()],
        ..CASE
    },
    Case {
        name: "system::user::describe_self",
        items: &["user/describe#output.handle", "user/describe#output.id"],
        summary: "`/$owner/describe` names the owner: `handle` is what follows `user-`, `id` the ID",
        steps: &[post("/$owner/describe", "{}")
            .proves(&["user/describe#output.handle"])
            .check(&[
                Is("/handle", Kind::NonEmptyString),
                On(
                    "user/describe#output.id",
                    &[Eq("/id", r#""$owner""#), Eq("/class", r#""user""#)],
                ),
            ])
            .capture(&[("handle", "/handle")]),
            post("/$owner/describe", "{}")
                .proves(&["user/describe#output.handle"])
                .check(&[Matches("/handle", "^[^ ]+$")])],
        ..CASE
    },
    Case {
        name: "system::user::handle_is_the_id_suffix",
        items: &["user/describe#output.handle"],
        summary: "whoami's `user-<handle>` and describe's `handle` agree",
        steps: &[
            post("/system/whoami", "{}")
                .proves(&["system/whoami#output.id"])
                .capture(&[("me", "/id")]),
            post("/$me/describe", "{}").check(&[Is("/handle", Kind::NonEmptyString)]),
        ],
        ..CASE
    },
    Case {
        name: "system::user::describe_other",
        items: &["user/describe#rule.any-user"],
        summary: "the owner describes the peer",
        needs: &[Need::Peer(Access::View)],
        steps: &[post("/$peer/describe", "{}").check(&[Is("/handle", Kind::NonEmptyString)])],
    },
    Case {
        name: "system::user::unknown",
        items: &["user/describe#error.ResourceNotFound"],
        summary: "a user that does not exist is ResourceNotFound",
        steps: &[post("/user-dxconform-nobody-$run/describe", "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    // ================= utility routes =================
    Case {
        name: "system::greet::messages",
        items: &["system/greet#output.messages"],
        summary: "greet (as dx login sends it) answers `messages`, an array",
        steps: &[
            post("/system/greet", r#"{"client": "dxclient", "version": "v0.0.0"}"#)
                .check(&[Is("/messages", Kind::Array)]),
        ],
        ..CASE
    },
    Case {
        name: "system::headers::lower_case",
        items: &["system/headers#output.lower-case"],
        summary: "headers answers the request's headers with lower-case names (a custom `X-DXConform-Probe` comes back as `x-dxconform-probe`)",
        steps: &[post("/system/headers", "{}")
            .headers(&[("X-DXConform-Probe", "hello")])
            .check(&[Eq("/x-dxconform-probe", r#""hello""#), Absent("/X-DXConform-Probe")])],
        ..CASE
    },
    Case {
        name: "system::come_back_later::nothing_to_wait",
        items: &["system/comeBackLater#output.currentTime"],
        summary: "comeBackLater with `{}` answers `currentTime` in ms, now",
        steps: &[post("/system/comeBackLater", "{}").check(&[Is("/currentTime", Kind::Timestamp)])],
        ..CASE
    },
    Case {
        name: "system::come_back_later::until_then_503",
        items: &["system/comeBackLater#error.ServiceUnavailable"],
        summary: "`waitUntil` in 2100: 503 ServiceUnavailable with an integer `Retry-After`",
        steps: &[post("/system/comeBackLater", r#"{"waitUntil": 4102444800000}"#)
            .fails(503, "ServiceUnavailable")
            .check(&[Header("retry-after", r"^\d+$")])],
        ..CASE
    },
    Case {
        name: "system::come_back_later::no_retry_after",
        items: &["system/comeBackLater#input.setRetryAfter"],
        summary: "with `setRetryAfter: false` the 503 has no `Retry-After`",
        steps: &[post(
            "/system/comeBackLater",
            r#"{"waitUntil": 4102444800000, "setRetryAfter": false}"#,
        )
        .fails(503, "ServiceUnavailable")
        .check(&[NoHeader("retry-after")])],
        ..CASE
    },
    Case {
        name: "system::find_apps::empty",
        items: &["system/findApps#output.empty"],
        summary: "findApps as `dx describe <name>` sends it answers `results` and `next`",
        steps: &[
            post("/system/findApps", r#"{"name": "myrec", "describe": true, "limit": 100}"#)
                .check(&[Is("/results", Kind::Array), Eq("/next", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "system::find_global_workflows::empty",
        items: &["system/findGlobalWorkflows#output.empty"],
        summary: "findGlobalWorkflows with the same body answers `results` and `next`",
        steps: &[post(
            "/system/findGlobalWorkflows",
            r#"{"name": "myrec", "describe": true, "limit": 100}"#,
        )
        .check(&[Is("/results", Kind::Array), Eq("/next", "null")])],
        ..CASE
    },
];
