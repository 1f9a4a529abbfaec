//! Containers: the `/container-xxxx/` routes (execution workspaces), checked on the
//! container fixture `$container`.
//!
//! <https://documentation.dnanexus.com/developer/api/running-analyses/containers-for-execution>.
//! The page documents container describe; everything else is known from the clients: a
//! container has the folder and object routes of a project (`describe`, `listFolder`,
//! `newFolder`, `removeFolder`, `removeObjects`, `move`, `renameFolder`, `clone`, and
//! `destroy`) with the same inputs and outputs, and no sharing, tag, property or update
//! routes (dxpy has no such wrappers for containers). So every item here is SHOULD.
//! Readings taken: a route a container lacks answers as any unknown route does
//! (ResourceNotFound); a user with no access to the container is refused with
//! PermissionDenied, as for a project.
//!
//! Containers are made by the platform for jobs, so the suite cannot create one: the
//! fixture is shared by every case (the reference server makes it; an endpoint passes
//! `--container`). Each case works in a folder of its own, named with `$run`, and removes
//! what it made in its last steps. Nobody can be invited to a container, so the generated
//! permission matrix (which invites the peer to `$project`) does not apply: the cases for
//! a non-member, no token and a bad token are written here. `destroy` is not checked: it
//! would destroy the fixture every other case uses. `fileUploadParameters` in describe
//! belongs to the files table.

use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::CONTAINERS;

const DESCRIBE: &str = "#api-method-container-xxxx-describe";

const fn it(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &CONTAINERS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- describe ----
    it(
        "container/describe#output.class",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] Describe of a container answers `class: \"container\"` (dxpy picks the container wrappers by class).",
    ),
    it(
        "container/describe#output.id",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `id` is the container's ID.",
    ),
    it(
        "container/describe#output.fields",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] The default answer has the project describe's identity fields: `name` (string), `created` and `modified` (timestamps).",
    ),
    it(
        "container/describe#output.level",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `level` is the caller's level on the container (ADMINISTER for the fixture's owner).",
    ),
    it(
        "container/describe#input.fields",
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] `fields` selects fields as for a project: `{id, class}` answers those and not `name`.",
    ),
    it(
        "container/describe#output.folders",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `folders` (on request) lists every folder of the container as a full path.",
    ),
    it(
        "container/describe#error.ResourceNotFound",
        DESCRIBE,
        Error,
        Should,
        "[INFERRED] Describe of a well-formed container ID that does not exist is ResourceNotFound.",
    ),
    // ---- objects and folders, as in a project ----
    it(
        "container#rule.holds-objects",
        "",
        Rule,
        Should,
        "[CLIENT] A record can be created in a container (`project` names it) and describes with `project` the container.",
    ),
    it(
        "container/newFolder#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] newFolder creates the folder (with `parents`, its ancestors too) and answers `{id}`, the container's ID.",
    ),
    it(
        "container/newFolder#error.InvalidState",
        "",
        Error,
        Should,
        "[INFERRED] As for a project: a folder that already exists, without `parents`, is InvalidState.",
    ),
    it(
        "container/listFolder#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] listFolder lists a folder's objects as `{id}` and its immediate subfolders as full paths.",
    ),
    it(
        "container/listFolder#error.ResourceNotFound",
        "",
        Error,
        Should,
        "[INFERRED] As for a project: listing a folder that does not exist is ResourceNotFound.",
    ),
    it(
        "container/removeFolder#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] removeFolder removes an empty folder, and with `recurse` one holding objects.",
    ),
    it(
        "container/removeObjects#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] removeObjects removes the container's copy of each object: it is no longer listed and no longer describes there.",
    ),
    it(
        "container/move#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] move places objects in `destination`, and a folder at `destination/<basename>`.",
    ),
    it(
        "container/renameFolder#rule.as-project",
        "",
        Rule,
        Should,
        "[CLIENT] renameFolder with `name` changes the folder's last path component; its objects follow.",
    ),
    it(
        "container/clone#rule.to-project",
        "",
        Rule,
        Should,
        "[CLIENT] A closed object in a container can be cloned into a project (the way a job's outputs reach one): it keeps its ID and describes there.",
    ),
    it(
        "container/clone#rule.from-project",
        "",
        Rule,
        Should,
        "[CLIENT] A closed object in a project can be cloned into a container folder (the way a job's inputs reach it).",
    ),
    // ---- what a container lacks, and who may call it ----
    it(
        "container#rule.no-sharing-routes",
        "",
        Rule,
        Should,
        "[CLIENT] Containers have no sharing routes: invite, decreasePermissions and leave on a container answer as an unknown route does (ResourceNotFound: our reading).",
    ),
    it(
        "container#rule.no-tag-routes",
        "",
        Rule,
        Should,
        "[CLIENT] Containers have no tag or property routes: addTags, removeTags and setProperties on a container answer ResourceNotFound, as an unknown route (our reading).",
    ),
    it(
        "container#rule.no-update",
        "",
        Rule,
        Should,
        "[CLIENT] `update` is not among a container's routes: it answers ResourceNotFound, as an unknown route (our reading).",
    ),
    it(
        "container#rule.non-member-denied",
        "",
        Rule,
        Should,
        "[INFERRED] A user with no access to the container is refused with PermissionDenied on its routes, as on a project's.",
    ),
];

/// A record of the owner's in the case's container folder, as `$rec`.
const REC: Step = post(
    "/record/new",
    r#"{"project": "$container", "folder": "/dxc-$run", "parents": true, "name": "in-container"}"#,
)
.proves(&["container#rule.holds-objects"])
.capture(&[("rec", "/id")]);

/// The same, closed (for the clone cases).
const CLOSED_REC: Step = post(
    "/record/new",
    r#"{"project": "$container", "folder": "/dxc-$run", "parents": true, "close": true}"#,
)
.proves(&["container#rule.holds-objects"])
.capture(&[("rec", "/id")]);

/// The case's folder, `/dxc-$run`.
const FOLDER: Step = post("/$container/newFolder", r#"{"folder": "/dxc-$run"}"#)
    .proves(&["container/newFolder#rule.as-project"]);

/// Remove the case's folder and everything in it: every case's last step.
const CLEAN: Step = post(
    "/$container/removeFolder",
    r#"{"folder": "/dxc-$run", "recurse": true}"#,
)
.proves(&["container/removeFolder#rule.as-project"]);

const fn list(body: &'static str) -> Step {
    post("/$container/listFolder", body)
}

const NEEDS: &[Need] = &[Need::Container];
const NON_MEMBER: &[Need] = &[Need::Container, Need::Peer(Access::None)];

pub static CASES: &[Case] = &[
    // ================= describe =================
    Case {
        name: "containers::describe::class_and_id",
        items: &[
            "container/describe#output.class",
            "container/describe#output.id",
        ],
        summary: "describe of the container answers its ID and `class: container`",
        needs: NEEDS,
        steps: &[post("/$container/describe", "{}").check(&[
            On(
                "container/describe#output.id",
                &[Eq("/id", r#""$container""#)],
            ),
            On(
                "container/describe#output.class",
                &[Eq("/class", r#""container""#)],
            ),
        ])],
    },
    Case {
        name: "containers::describe::identity_fields",
        items: &["container/describe#output.fields"],
        summary: "the default describe of the container holds `name`, `created` and `modified`",
        needs: NEEDS,
        steps: &[post("/$container/describe", "{}").check(&[
            Is("/name", Kind::String),
            Is("/created", Kind::Int),
            Is("/modified", Kind::Int),
        ])],
    },
    Case {
        name: "containers::describe::level",
        items: &["container/describe#output.level"],
        summary: "the fixture's owner describes the container with `level: ADMINISTER`",
        needs: NEEDS,
        steps: &[
            post("/$container/describe", r#"{"fields": {"level": true}}"#)
                .check(&[Eq("/level", r#""ADMINISTER""#)]),
        ],
    },
    Case {
        name: "containers::describe::fields",
        items: &["container/describe#input.fields"],
        summary: "`fields: {id, class}` answers those two and not `name`",
        needs: NEEDS,
        steps: &[post(
            "/$container/describe",
            r#"{"fields": {"id": true, "class": true}}"#,
        )
        .check(&[
            Eq("/class", r#""container""#),
            Fields("", &["id", "class", "name", "created"], &["id", "class"]),
        ])],
    },
    Case {
        name: "containers::describe::folders",
        items: &["container/describe#output.folders"],
        summary: "a folder made in the container is among describe's `folders`",
        needs: NEEDS,
        steps: &[
            FOLDER,
            post("/$container/describe", r#"{"fields": {"folders": true}}"#).check(&[
                Contains("/folders", r#""/dxc-$run""#),
                Contains("/folders", r#""/""#),
            ]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::describe::unknown",
        items: &["container/describe#error.ResourceNotFound"],
        summary: "describe of a well-formed container ID that does not exist is ResourceNotFound",
        steps: &[post("/container-0123456789BFGJKPQVXYZbfg/describe", "{}")
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    // ================= objects =================
    Case {
        name: "containers::objects::record_in_container",
        items: &["container#rule.holds-objects"],
        summary: "a record made with `project: $container` describes with that container as its project",
        needs: NEEDS,
        steps: &[
            REC,
            post("/$rec/describe", r#"{"project": "$container"}"#).check(&[
                Eq("/project", r#""$container""#),
                Eq("/folder", r#""/dxc-$run""#),
                Eq("/name", r#""in-container""#),
            ]),
            CLEAN,
        ],
    },
    // ================= folders =================
    Case {
        name: "containers::new_folder::creates",
        items: &["container/newFolder#rule.as-project"],
        summary: "newFolder answers the container's ID and the folder is listed at the root",
        needs: NEEDS,
        steps: &[
            post("/$container/newFolder", r#"{"folder": "/dxc-$run"}"#)
                .check(&[Eq("/id", r#""$container""#)]),
            list(r#"{"folder": "/", "only": "folders"}"#)
                .check(&[Contains("/folders", r#""/dxc-$run""#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::new_folder::parents",
        items: &["container/newFolder#rule.as-project"],
        summary: "newFolder with `parents: true` makes the missing ancestors",
        needs: NEEDS,
        steps: &[
            post(
                "/$container/newFolder",
                r#"{"folder": "/dxc-$run/a/b", "parents": true}"#,
            ),
            list(r#"{"folder": "/dxc-$run/a"}"#).check(&[Eq("/folders", r#"["/dxc-$run/a/b"]"#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::new_folder::exists",
        items: &["container/newFolder#error.InvalidState"],
        summary: "making a folder that exists, without `parents`, is InvalidState",
        needs: NEEDS,
        steps: &[
            FOLDER,
            post("/$container/newFolder", r#"{"folder": "/dxc-$run"}"#).fails(422, "InvalidState"),
            CLEAN,
        ],
    },
    Case {
        name: "containers::list_folder::objects_and_folders",
        items: &["container/listFolder#rule.as-project"],
        summary: "listFolder of the case's folder lists its record as `{id}` and its subfolder as a full path",
        needs: NEEDS,
        steps: &[
            REC,
            post("/$container/newFolder", r#"{"folder": "/dxc-$run/sub"}"#)
                .proves(&["container/newFolder#rule.as-project"]),
            list(r#"{"folder": "/dxc-$run"}"#).check(&[
                Len("/objects", 1),
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Eq("/folders", r#"["/dxc-$run/sub"]"#),
            ]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::list_folder::missing",
        items: &["container/listFolder#error.ResourceNotFound"],
        summary: "listFolder of a folder that does not exist is ResourceNotFound",
        needs: NEEDS,
        steps: &[list(r#"{"folder": "/dxc-$run-missing"}"#).fails(404, "ResourceNotFound")],
    },
    Case {
        name: "containers::remove_folder::empty",
        items: &["container/removeFolder#rule.as-project"],
        summary: "removeFolder of an empty folder: it is no longer listed",
        needs: NEEDS,
        steps: &[
            FOLDER,
            post("/$container/removeFolder", r#"{"folder": "/dxc-$run"}"#)
                .check(&[Eq("/id", r#""$container""#)]),
            list(r#"{"folder": "/", "only": "folders"}"#)
                .check(&[Lacks("/folders", r#""/dxc-$run""#)]),
        ],
    },
    Case {
        name: "containers::remove_folder::recurse",
        items: &["container/removeFolder#rule.as-project"],
        summary: "removeFolder with `recurse` removes a folder holding a record, and the record with it",
        needs: NEEDS,
        steps: &[
            REC,
            post(
                "/$container/removeFolder",
                r#"{"folder": "/dxc-$run", "recurse": true}"#,
            ),
            list(r#"{"folder": "/", "only": "folders"}"#)
                .check(&[Lacks("/folders", r#""/dxc-$run""#)]),
            post("/$rec/describe", r#"{"project": "$container"}"#).refused(),
        ],
    },
    Case {
        name: "containers::remove_objects::removes",
        items: &["container/removeObjects#rule.as-project"],
        summary: "removeObjects removes the record: listFolder no longer shows it and its describe is ResourceNotFound",
        needs: NEEDS,
        steps: &[
            REC,
            post("/$container/removeObjects", r#"{"objects": ["$rec"]}"#)
                .check(&[Eq("/id", r#""$container""#)]),
            list(r#"{"folder": "/dxc-$run"}"#).check(&[Eq("/objects", "[]")]),
            post("/$rec/describe", "{}").fails(404, "ResourceNotFound"),
            CLEAN,
        ],
    },
    Case {
        name: "containers::move::object",
        items: &["container/move#rule.as-project"],
        summary: "move of a record into a subfolder: its describe `folder` and listFolder agree",
        needs: NEEDS,
        steps: &[
            REC,
            post("/$container/newFolder", r#"{"folder": "/dxc-$run/dest"}"#)
                .proves(&["container/newFolder#rule.as-project"]),
            post(
                "/$container/move",
                r#"{"objects": ["$rec"], "destination": "/dxc-$run/dest"}"#,
            )
            .check(&[Eq("/id", r#""$container""#)]),
            post("/$rec/describe", r#"{"project": "$container"}"#)
                .check(&[Eq("/folder", r#""/dxc-$run/dest""#)]),
            list(r#"{"folder": "/dxc-$run/dest"}"#)
                .check(&[Len("/objects", 1), AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::move::folder",
        items: &["container/move#rule.as-project"],
        summary: "move of a folder lands it at `destination/<basename>` with its record",
        needs: NEEDS,
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$container", "folder": "/dxc-$run/a/b", "parents": true}"#,
            )
            .proves(&["container#rule.holds-objects"])
            .capture(&[("rec", "/id")]),
            post("/$container/newFolder", r#"{"folder": "/dxc-$run/c"}"#)
                .proves(&["container/newFolder#rule.as-project"]),
            post(
                "/$container/move",
                r#"{"folders": ["/dxc-$run/a/b"], "destination": "/dxc-$run/c"}"#,
            ),
            list(r#"{"folder": "/dxc-$run/c"}"#).check(&[Eq("/folders", r#"["/dxc-$run/c/b"]"#)]),
            post("/$rec/describe", r#"{"project": "$container"}"#)
                .check(&[Eq("/folder", r#""/dxc-$run/c/b""#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::rename_folder::name",
        items: &["container/renameFolder#rule.as-project"],
        summary: "renameFolder with `name` renames the last component; the record inside follows",
        needs: NEEDS,
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$container", "folder": "/dxc-$run/old", "parents": true}"#,
            )
            .proves(&["container#rule.holds-objects"])
            .capture(&[("rec", "/id")]),
            post(
                "/$container/renameFolder",
                r#"{"folder": "/dxc-$run/old", "name": "new"}"#,
            )
            .check(&[Eq("/id", r#""$container""#)]),
            list(r#"{"folder": "/dxc-$run"}"#).check(&[Eq("/folders", r#"["/dxc-$run/new"]"#)]),
            post("/$rec/describe", r#"{"project": "$container"}"#)
                .check(&[Eq("/folder", r#""/dxc-$run/new""#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::clone::to_project",
        items: &["container/clone#rule.to-project"],
        summary: "a closed record in the container cloned into `$project` keeps its ID and describes there",
        needs: NEEDS,
        steps: &[
            CLOSED_REC,
            post(
                "/$container/clone",
                r#"{"objects": ["$rec"], "project": "$project"}"#,
            )
            .check(&[Eq("/project", r#""$project""#), Eq("/exists", "[]")]),
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .check(&[Eq("/id", r#""$rec""#), Eq("/project", r#""$project""#)]),
            CLEAN,
        ],
    },
    Case {
        name: "containers::clone::from_project",
        items: &["container/clone#rule.from-project"],
        summary: "a closed record of `$project` cloned into the container's folder is listed there",
        needs: NEEDS,
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            FOLDER,
            post(
                "/$project/clone",
                r#"{"objects": ["$rec"], "project": "$container", "destination": "/dxc-$run"}"#,
            )
            .check(&[Eq("/project", r#""$container""#)]),
            list(r#"{"folder": "/dxc-$run"}"#)
                .check(&[Len("/objects", 1), AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            CLEAN,
        ],
    },
    // ================= routes a container does not have =================
    Case {
        name: "containers::routes::no_invite",
        items: &["container#rule.no-sharing-routes"],
        summary: "invite on a container is ResourceNotFound",
        needs: NEEDS,
        steps: &[post(
            "/$container/invite",
            r#"{"invitee": "PUBLIC", "level": "VIEW"}"#,
        )
        .fails(404, "ResourceNotFound")],
    },
    Case {
        name: "containers::routes::no_decrease_permissions",
        items: &["container#rule.no-sharing-routes"],
        summary: "decreasePermissions on a container is ResourceNotFound",
        needs: NEEDS,
        steps: &[
            post("/$container/decreasePermissions", r#"{"PUBLIC": null}"#)
                .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "containers::routes::no_leave",
        items: &["container#rule.no-sharing-routes"],
        summary: "leave on a container is ResourceNotFound, and the owner keeps access",
        needs: NEEDS,
        steps: &[
            post("/$container/leave", "{}").fails(404, "ResourceNotFound"),
            post("/$container/describe", r#"{"fields": {"level": true}}"#)
                .check(&[Eq("/level", r#""ADMINISTER""#)]),
        ],
    },
    Case {
        name: "containers::routes::no_add_tags",
        items: &["container#rule.no-tag-routes"],
        summary: "addTags on a container is ResourceNotFound",
        needs: NEEDS,
        steps: &[post("/$container/addTags", r#"{"tags": ["t"]}"#).fails(404, "ResourceNotFound")],
    },
    Case {
        name: "containers::routes::no_remove_tags",
        items: &["container#rule.no-tag-routes"],
        summary: "removeTags on a container is ResourceNotFound",
        needs: NEEDS,
        steps: &[
            post("/$container/removeTags", r#"{"tags": ["t"]}"#).fails(404, "ResourceNotFound")
        ],
    },
    Case {
        name: "containers::routes::no_set_properties",
        items: &["container#rule.no-tag-routes"],
        summary: "setProperties on a container is ResourceNotFound",
        needs: NEEDS,
        steps: &[
            post("/$container/setProperties", r#"{"properties": {"k": "v"}}"#)
                .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "containers::routes::no_update",
        items: &["container#rule.no-update"],
        summary: "update on a container is ResourceNotFound and its name stays",
        needs: NEEDS,
        steps: &[
            post("/$container/describe", r#"{"fields": {"name": true}}"#)
                .proves(&["container/describe#input.fields"])
                .capture(&[("name", "/name")]),
            post("/$container/update", r#"{"name": "renamed-$run"}"#)
                .fails(404, "ResourceNotFound"),
            post("/$container/describe", r#"{"fields": {"name": true}}"#)
                .check(&[Eq("/name", r#""$name""#)]),
        ],
    },
    // ================= who may call =================
    Case {
        name: "containers::access::non_member_describe",
        items: &["container#rule.non-member-denied"],
        summary: "a user with no access to the container cannot describe it: PermissionDenied",
        needs: NON_MEMBER,
        steps: &[post("/$container/describe", "{}")
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "containers::access::non_member_list_folder",
        items: &["container#rule.non-member-denied"],
        summary: "a user with no access to the container cannot list its root: PermissionDenied",
        needs: NON_MEMBER,
        steps: &[list(r#"{"folder": "/"}"#)
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "containers::access::non_member_new_folder",
        items: &["container#rule.non-member-denied"],
        summary: "a user with no access cannot make a folder in the container; none is made",
        needs: NON_MEMBER,
        steps: &[
            post("/$container/newFolder", r#"{"folder": "/dxc-$run"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            list(r#"{"folder": "/", "only": "folders"}"#)
                .proves(&["container/listFolder#rule.as-project"])
                .check(&[Lacks("/folders", r#""/dxc-$run""#)]),
        ],
    },
    Case {
        name: "containers::access::non_member_record_new",
        items: &["container#rule.non-member-denied"],
        summary: "a user with no access cannot create a record in the container",
        needs: NON_MEMBER,
        steps: &[post("/record/new", r#"{"project": "$container"}"#)
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "containers::access::no_token",
        items: &["authentication#rule.token-required"],
        summary: "describe and listFolder of the container without a token are refused",
        needs: NEEDS,
        steps: &[
            post("/$container/describe", "{}")
                .by(Who::Anonymous)
                .refused(),
            list(r#"{"folder": "/"}"#).by(Who::Anonymous).refused(),
        ],
    },
    Case {
        name: "containers::access::bad_token",
        items: &["authentication#rule.token-required"],
        summary: "newFolder in the container with a token nobody issued is refused and makes nothing",
        needs: NEEDS,
        steps: &[
            post("/$container/newFolder", r#"{"folder": "/dxc-$run"}"#)
                .by(Who::BadToken)
                .refused(),
            list(r#"{"folder": "/", "only": "folders"}"#)
                .proves(&["container/listFolder#rule.as-project"])
                .check(&[Lacks("/folders", r#""/dxc-$run""#)]),
        ],
    },
];
