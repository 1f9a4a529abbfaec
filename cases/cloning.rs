//! The Cloning page: `/class-xxxx/clone`, copying closed objects and folders from one data
//! container into another.
//!
//! <https://documentation.dnanexus.com/developer/api/data-containers/cloning>. The page
//! documents who may clone (VIEW on the source, UPLOAD on the destination, a source that
//! is not RESTRICTED), that only closed objects are cloned, that the copy carries the
//! user-provided metadata and is independent of the original afterwards, that each object
//! is cloned once, how folders are cloned (a new folder of the same name; the root's
//! contents go straight into the destination, per the newer revision) and how hidden linked
//! objects follow their visible ancestors: those items are MUST. The input and output keys
//! (`project`, `parents`, `exists`) are known from dxpy, and the facts about the copy's ID
//! and `created` from the platform's own tests: SHOULD.
//!
//! Readings taken (SHOULD items): an open object is InvalidState and a refused clone copies
//! nothing; a folder whose name the destination already holds is refused as InvalidState
//! (DNAnexus's own client tests, run against the reference server, found it accepted where
//! the platform refuses it); a restricted source is PermissionDenied; a hidden object
//! linked from outside the cloned folders lands in the destination folder; cloning within
//! one container reports the objects in `exists`. `listProjects` is on this page too; the
//! metadata table covers it.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Need, Step, Who, post};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::folders::{mkdir, rec};
use super::pages::CLONING;

const CLONE: &str = "#api-method-class-xxxx-clone";

const fn it(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &CLONING, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ================= the rules of the page =================
    it(
        "cloning#rule.closed-only",
        "",
        Rule,
        Must,
        "Objects can be cloned once they are closed: cloning an open object is refused and copies nothing.",
    ),
    it(
        "cloning#rule.view-source",
        "",
        Rule,
        Must,
        "VIEW on the source container is enough to clone out of it (with UPLOAD on the destination).",
    ),
    it(
        "cloning#rule.no-source-access",
        "",
        Rule,
        Must,
        "Without VIEW on the source container the clone is refused (PermissionDenied) and nothing is copied.",
    ),
    it(
        "cloning#rule.upload-destination",
        "",
        Rule,
        Must,
        "Cloning needs UPLOAD on the destination container: with VIEW there the clone is refused (PermissionDenied), with UPLOAD it succeeds.",
    ),
    it(
        "cloning#rule.restricted",
        "",
        Rule,
        Must,
        "The source container must not have the RESTRICTED flag set: cloning out of a `restricted` project is refused and nothing is copied.",
    ),
    it(
        "cloning#rule.restricted.type",
        "",
        Rule,
        Should,
        "[INFERRED] Cloning out of a restricted project is PermissionDenied (the page gives no error type).",
    ),
    it(
        "cloning#rule.metadata-copied",
        "",
        Rule,
        Must,
        "The copy includes all user-provided metadata: the clone's name, tags and properties in the destination are the original's.",
    ),
    it(
        "cloning#rule.independent",
        "",
        Rule,
        Must,
        "The clone is not associated with the original: changing the clone's metadata (name, tags, properties) leaves the original's unchanged, and the other way round.",
    ),
    it(
        "cloning#rule.removal-independent",
        "",
        Rule,
        Must,
        "Removing the original object from the source container does not affect the clone.",
    ),
    it(
        "cloning#rule.destination-permissions",
        "",
        Rule,
        Must,
        "Access to the clone follows the destination container's permission list: a member of the destination only can describe the clone there.",
    ),
    // ================= /class-xxxx/clone =================
    it(
        "project/clone#input.objects",
        CLONE,
        Input,
        Must,
        "`objects`: the closed objects to clone; each is then listed in the destination folder.",
    ),
    it(
        "project/clone#input.folders",
        CLONE,
        Input,
        Must,
        "`folders`: a folder listed is cloned as a new folder of the same name in the destination folder, holding copies of its contents.",
    ),
    it(
        "project/clone#input.folders.nested",
        CLONE,
        Input,
        Must,
        "A cloned folder holds copies of all its contents: its subfolders, and their objects, are cloned too.",
    ),
    it(
        "project/clone#input.folders.root",
        CLONE,
        Input,
        Must,
        "(Newer revision) `/` in `folders` copies the root's contents directly into the destination folder, without creating a subfolder.",
    ),
    it(
        "project/clone#input.destination",
        CLONE,
        Input,
        Must,
        "The destination folder within the destination container: what is cloned lands there.",
    ),
    it(
        "project/clone#input.destination.default",
        CLONE,
        Input,
        Should,
        "[CLIENT] `destination` defaults to `/`.",
    ),
    it(
        "project/clone#input.parents",
        CLONE,
        Input,
        Should,
        "[CLIENT] `parents: true` creates a missing destination folder (and its parents).",
    ),
    it(
        "project/clone#input.project",
        CLONE,
        Input,
        Should,
        "[CLIENT] `project` (string) names the destination container; it is required (missing: InvalidInput).",
    ),
    it(
        "project/clone#output.id",
        CLONE,
        Output,
        Should,
        "[CLIENT] `id`: the source container's ID.",
    ),
    it(
        "project/clone#output.project",
        CLONE,
        Output,
        Should,
        "[CLIENT] `project`: the destination container's ID.",
    ),
    it(
        "project/clone#output.exists",
        CLONE,
        Output,
        Should,
        "[CLIENT] `exists`: the IDs of the objects that were already in the destination and so were not copied (empty when none were).",
    ),
    it(
        "project/clone#rule.exists-untouched",
        CLONE,
        Rule,
        Should,
        "[INFERRED] An object already in the destination is left as it is there: its destination name is not overwritten by the source's.",
    ),
    it(
        "project/clone#rule.once",
        CLONE,
        Rule,
        Must,
        "Each object is cloned only once, even if it appears several times in the input (twice in `objects`, or listed and inside a listed folder).",
    ),
    it(
        "project/clone#rule.explicit-inside-folder",
        CLONE,
        Rule,
        Should,
        "[CLIENT] An object listed in `objects` that also sits inside a listed folder is placed directly in the destination folder.",
    ),
    it(
        "project/clone#rule.same-id",
        CLONE,
        Rule,
        Should,
        "[OBSERVED] The clone keeps the object's ID: describe of that ID in the destination answers it.",
    ),
    it(
        "project/clone#rule.same-created",
        CLONE,
        Rule,
        Should,
        "[OBSERVED] The clone keeps the object's `created`.",
    ),
    it(
        "project/clone#rule.closed-in-both",
        CLONE,
        Rule,
        Should,
        "[OBSERVED] A cloned closed record is closed in both projects.",
    ),
    it(
        "project/clone#rule.source-unchanged",
        CLONE,
        Rule,
        Should,
        "[CLIENT] No object or folder is modified in the source container: the original keeps its folder and name and the source folder stays.",
    ),
    it(
        "project/clone#rule.hidden-linked",
        CLONE,
        Rule,
        Must,
        "Links in the details of cloned objects are followed: hidden objects they point to that are in the source container are cloned too.",
    ),
    it(
        "project/clone#rule.hidden-linked-recursive",
        CLONE,
        Rule,
        Must,
        "Following continues recursively: a hidden object linked from a cloned hidden object is cloned too.",
    ),
    it(
        "project/clone#rule.hidden-outside-source",
        CLONE,
        Rule,
        Must,
        "A linked hidden object that is not in the source container is not followed: a hidden object it links to, though in the source, is not cloned.",
    ),
    it(
        "project/clone#rule.hidden-in-folder",
        CLONE,
        Rule,
        Must,
        "Hidden objects within a cloned folder are cloned only if a visible ancestor is cloned too: an unlinked hidden object in the folder is not cloned.",
    ),
    it(
        "project/clone#rule.hidden-relative-position",
        CLONE,
        Rule,
        Must,
        "(Newer revision) Hidden objects cloned with a folder keep their position relative to it (`/f/sub` in the source becomes `<destination>/f/sub`).",
    ),
    it(
        "project/clone#rule.hidden-placement",
        CLONE,
        Rule,
        Should,
        "[INFERRED] A hidden object linked from a cloned object but outside the cloned folders lands in the destination folder (the page is cut short there; our reading).",
    ),
    it(
        "project/clone#error.InvalidState.open",
        CLONE,
        Error,
        Should,
        "[OBSERVED] Cloning an open object fails; [INFERRED] InvalidState.",
    ),
    it(
        "project/clone#rule.atomic",
        CLONE,
        Rule,
        Should,
        "[INFERRED] A refused clone copies nothing: the platform's own test clones closed and open records together, sees it refused, closes them and clones the same input again.",
    ),
    it(
        "project/clone#error.folder-exists",
        CLONE,
        Error,
        Should,
        "[OBSERVED] Cloning a folder into a destination that already holds a folder of that name is refused as a conflict (DNAnexus's client tests found the platform refuses it); [INFERRED] InvalidState, and nothing is copied.",
    ),
    it(
        "project/clone#error.ResourceNotFound.destination",
        CLONE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the destination folder does not exist and `parents` is not true; nothing is copied.",
    ),
    it(
        "project/clone#error.ResourceNotFound.object",
        CLONE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: an object in `objects` is not in the source container.",
    ),
    it(
        "project/clone#error.ResourceNotFound.folder",
        CLONE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: a folder in `folders` does not exist in the source.",
    ),
    it(
        "project/clone#error.ResourceNotFound.project",
        CLONE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the destination container does not exist.",
    ),
    it(
        "project/clone#error.InvalidInput",
        CLONE,
        Error,
        Should,
        "[INFERRED] InvalidInput: `project` missing, `objects` not an array of IDs, `destination` not a folder path.",
    ),
    it(
        "project/clone#rule.same-container",
        CLONE,
        Rule,
        Should,
        "[INFERRED] Cloning within one container (destination = source) needs UPLOAD there, the destination's level; what is already there is reported in `exists`.",
    ),
];

/// What clone answers: the source, the destination and what was already there.
static CLONE_ANSWER: Shape = Shape::Object(&[
    Field::new("id", "project/clone#output.id"),
    Field::new("project", "project/clone#output.project"),
    Field::new("exists", "project/clone#output.exists"),
]);

/// A closed record in `$project`, as `$rec`.
const CLOSED: Step = rec!("rec", r#"{"project": "$project", "close": true}"#);

/// Clone `$rec` into the root of `$project2`, as the owner.
const CLONE_REC: Step = clone(r#"{"objects": ["$rec"], "project": "$project2"}"#);

/// Clone `$vis` (a visible record that links hidden ones) into the root of `$project2`.
const CLONE_VIS: Step = clone(r#"{"objects": ["$vis"], "project": "$project2"}"#);

/// `$rec` is listed in the root of `$project2`.
const CLONED: Step = ls2("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]);

/// Nothing was copied into the root of `$project2`.
const NOTHING_COPIED: Step = ls2("{}").check(&[Eq("/objects", "[]")]);

/// A clone out of `$project` by the owner.
const fn clone(body: &'static str) -> Step {
    post("/$project/clone", body)
}

/// A listFolder of `$project2`, where clones land.
const fn ls2(body: &'static str) -> Step {
    post("/$project2/listFolder", body)
}

/// A listFolder of `$project`, the source.
const fn ls(body: &'static str) -> Step {
    post("/$project/listFolder", body)
}

/// The level cloning needs, in the one form a row can say: within one container, where
/// the source's VIEW and the destination's UPLOAD fall on the same project. The two sides
/// apart are hand-written cases below.
pub static ACCESS: &[RouteAccess] = &[RouteAccess {
    name: "cloning::clone",
    item: "project/clone#rule.same-container",
    object: Object::Closed,
    open: Access::Upload,
    closed: Access::Upload,
    call: post(
        "/$project/clone",
        r#"{"objects": ["$obj"], "project": "$project"}"#,
    ),
    ..ROUTE
}];

pub static CASES: &[Case] = &[
    // ================= what is cloned =================
    Case {
        name: "cloning::clone::closed_object",
        items: &["project/clone#input.objects"],
        summary: "a closed record cloned into `$project2` is listed in its root",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE_REC,
            CLONED,
        ],
    },
    Case {
        name: "cloning::clone::open_object_refused",
        items: &["cloning#rule.closed-only"],
        summary: "cloning an open record is refused (InvalidState: our reading) and `$project2` stays empty",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project"}"#),
            CLONE_REC
                .refused()
                .check(&[On(
                    "project/clone#error.InvalidState.open",
                    &[Eq("/error/type", r#""InvalidState""#)],
                )]),
            NOTHING_COPIED,
        ],
    },
    Case {
        name: "cloning::clone::open_object_in_folder_refused",
        items: &["cloning#rule.closed-only"],
        summary: "cloning a folder that holds an open record is refused and copies neither the folder nor the record",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/openin"),
            rec!("rec", r#"{"project": "$project", "folder": "/openin"}"#),
            clone(r#"{"folders": ["/openin"], "project": "$project2"}"#).refused(),
            NOTHING_COPIED,
        ],
    },
    Case {
        name: "cloning::clone::refused_clone_copies_nothing",
        items: &["project/clone#rule.atomic"],
        summary: "closed and open records cloned together: refused, nothing copied; once both are closed the same clone works (the platform's own test)",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/at/b/c/d"),
            rec!("closed", r#"{"project": "$project", "close": true}"#),
            rec!("open", r#"{"project": "$project"}"#),
            clone(
                r#"{"objects": ["$closed", "$open"], "folders": ["/at/b/c/d"], "project": "$project2", "destination": "/"}"#,
            )
            .refused(),
            ls2("{}").check(&[Eq("/objects", "[]"), Eq("/folders", "[]")]),
            post("/$open/close", "{}").proves(&["close#rule.closes"]),
            clone(
                r#"{"objects": ["$closed", "$open"], "folders": ["/at/b/c/d"], "project": "$project2", "destination": "/"}"#,
            ),
            ls2("{}").check(&[
                AnyHas("/objects", r#"{"id": "$closed"}"#),
                AnyHas("/objects", r#"{"id": "$open"}"#),
                Eq("/folders", r#"["/d"]"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::same_id",
        items: &["project/clone#rule.same-id"],
        summary: "the clone is the same ID: describe of it in `$project2` answers that ID and that project",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post("/$rec/describe", r#"{"project": "$project2"}"#).check(&[
                Eq("/id", r#""$rec""#),
                Eq("/project", r#""$project2""#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::same_created",
        items: &["project/clone#rule.same-created"],
        summary: "the clone's `created` in `$project2` is the original's",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .proves(&["record/describe#output.created"])
                .capture(&[("created", "/created")]),
            CLONE_REC
                .proves(&["project/clone#input.objects"])
                .after(5),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/created", r#""$created""#)]),
        ],
    },
    Case {
        name: "cloning::clone::closed_in_both",
        items: &["project/clone#rule.closed-in-both"],
        summary: "a cloned closed record describes as closed in both projects",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .check(&[Eq("/state", r#""closed""#)]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/state", r#""closed""#)]),
        ],
    },
    Case {
        name: "cloning::clone::metadata_copied",
        items: &["cloning#rule.metadata-copied"],
        summary: "the clone in `$project2` has the original's name, tags and properties",
        needs: &[Need::Project2],
        steps: &[
            rec!(
                "rec",
                r#"{"project": "$project", "name": "copied", "tags": ["t1", "t2"], "properties": {"k": "v"}, "close": true}"#
            ),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post(
                "/$rec/describe",
                r#"{"project": "$project2", "fields": {"name": true, "tags": true, "properties": true}}"#,
            )
            .check(&[
                Eq("/name", r#""copied""#),
                SetEq("/tags", r#"["t1", "t2"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::clone_rename_leaves_original",
        items: &["cloning#rule.independent"],
        summary: "renaming and tagging the clone in `$project2` leaves the original's name and tags in `$project` as they were",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "orig", "close": true}"#),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post(
                "/$rec/rename",
                r#"{"project": "$project2", "name": "theirs"}"#,
            ),
            post("/$rec/addTags", r#"{"project": "$project2", "tags": ["x"]}"#),
            post(
                "/$rec/describe",
                r#"{"project": "$project", "fields": {"name": true, "tags": true}}"#,
            )
            .check(&[Eq("/name", r#""orig""#), Eq("/tags", "[]")]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/name", r#""theirs""#)]),
        ],
    },
    Case {
        name: "cloning::clone::original_change_leaves_clone",
        items: &["cloning#rule.independent"],
        summary: "setting a property on the original in `$project` leaves the clone's properties in `$project2` as they were",
        needs: &[Need::Project2],
        steps: &[
            rec!(
                "rec",
                r#"{"project": "$project", "properties": {"k": "v"}, "close": true}"#
            ),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post(
                "/$rec/setProperties",
                r#"{"project": "$project", "properties": {"k": null, "new": "n"}}"#,
            ),
            post(
                "/$rec/describe",
                r#"{"project": "$project2", "fields": {"properties": true}}"#,
            )
            .check(&[Eq("/properties", r#"{"k": "v"}"#)]),
        ],
    },
    Case {
        name: "cloning::clone::removing_original_keeps_clone",
        items: &["cloning#rule.removal-independent"],
        summary: "after the original is removed from `$project`, the clone is still listed and described in `$project2`",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "survivor", "close": true}"#),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            CLONED,
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/name", r#""survivor""#), Eq("/project", r#""$project2""#)]),
        ],
    },
    Case {
        name: "cloning::clone::source_unchanged",
        items: &["project/clone#rule.source-unchanged"],
        summary: "after cloning `/src` and a record, the source still lists both where they were, the record with its name",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/src"),
            rec!("rec", r#"{"project": "$project", "folder": "/src", "name": "stay", "close": true}"#),
            clone(r#"{"folders": ["/src"], "project": "$project2"}"#)
                .proves(&["project/clone#input.folders"]),
            ls(r#"{"folder": "/src"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .check(&[Eq("/folder", r#""/src""#), Eq("/name", r#""stay""#)]),
        ],
    },
    // ================= folders and destination =================
    Case {
        name: "cloning::clone::folder",
        items: &["project/clone#input.folders"],
        summary: "cloning `/cf` gives `$project2` a folder `/cf` holding the copy of its record",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/cf"),
            rec!("rec", r#"{"project": "$project", "folder": "/cf", "close": true}"#),
            clone(r#"{"folders": ["/cf"], "project": "$project2"}"#),
            ls2("{}").check(&[Eq("/folders", r#"["/cf"]"#)]),
            ls2(r#"{"folder": "/cf"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "cloning::clone::nested_folder_lands_by_name",
        items: &["project/clone#input.folders"],
        summary: "cloning `/nf/a/b` into the root of `$project2` gives `/b` there (a folder of the same name in the destination)",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/nf/a/b"),
            rec!("rec", r#"{"project": "$project", "folder": "/nf/a/b", "close": true}"#),
            clone(r#"{"folders": ["/nf/a/b"], "project": "$project2"}"#),
            ls2("{}").check(&[Eq("/folders", r#"["/b"]"#)]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/b""#)]),
        ],
    },
    Case {
        name: "cloning::clone::folder_contents_nested",
        items: &["project/clone#input.folders.nested"],
        summary: "cloning `/deep` copies its subfolder `/deep/in` and the record there",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/deep/in/most"),
            rec!("rec", r#"{"project": "$project", "folder": "/deep/in", "close": true}"#),
            clone(r#"{"folders": ["/deep"], "project": "$project2"}"#),
            ls2(r#"{"folder": "/deep/in"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Eq("/folders", r#"["/deep/in/most"]"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::root_folder_contents",
        items: &["project/clone#input.folders.root"],
        summary: "`folders: [\"/\"]` copies the root's record and folder straight into the destination `/into`, no subfolder in between",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/sub"),
            CLOSED,
            rec!("deep", r#"{"project": "$project", "folder": "/sub", "close": true}"#),
            post("/$project2/newFolder", r#"{"folder": "/into"}"#)
                .proves(&["project/newFolder#input.folder"]),
            clone(r#"{"folders": ["/"], "project": "$project2", "destination": "/into"}"#),
            ls2(r#"{"folder": "/into"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Eq("/folders", r#"["/into/sub"]"#),
            ]),
            post("/$deep/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/into/sub""#)]),
        ],
    },
    Case {
        name: "cloning::clone::destination_folder",
        items: &["project/clone#input.destination"],
        summary: "a record cloned with `destination: \"/dest\"` lands in `/dest` of `$project2`",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            post("/$project2/newFolder", r#"{"folder": "/dest"}"#)
                .proves(&["project/newFolder#input.folder"]),
            clone(r#"{"objects": ["$rec"], "project": "$project2", "destination": "/dest"}"#),
            ls2(r#"{"folder": "/dest"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/dest""#)]),
        ],
    },
    Case {
        name: "cloning::clone::destination_for_folders",
        items: &["project/clone#input.destination"],
        summary: "a folder cloned with `destination: \"/dest\"` becomes `/dest/f` in `$project2`",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/f"),
            rec!("rec", r#"{"project": "$project", "folder": "/f", "close": true}"#),
            post("/$project2/newFolder", r#"{"folder": "/dest"}"#)
                .proves(&["project/newFolder#input.folder"]),
            clone(r#"{"folders": ["/f"], "project": "$project2", "destination": "/dest"}"#),
            ls2(r#"{"folder": "/dest/f"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "cloning::clone::destination_defaults_to_root",
        items: &["project/clone#input.destination.default"],
        summary: "without `destination`, a record in `/here` of the source lands in `/` of `$project2`",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/here"),
            rec!("rec", r#"{"project": "$project", "folder": "/here", "close": true}"#),
            CLONE_REC,
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/""#)]),
        ],
    },
    Case {
        name: "cloning::clone::parents_creates_destination",
        items: &["project/clone#input.parents"],
        summary: "`parents: true` creates the missing destination `/new/deep` in `$project2`",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            clone(
                r#"{"objects": ["$rec"], "project": "$project2", "destination": "/new/deep", "parents": true}"#,
            ),
            ls2(r#"{"folder": "/new"}"#).check(&[Eq("/folders", r#"["/new/deep"]"#)]),
            ls2(r#"{"folder": "/new/deep"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "cloning::clone::missing_destination",
        items: &["project/clone#error.ResourceNotFound.destination"],
        summary: "without `parents`, a destination folder `$project2` lacks is ResourceNotFound and nothing is copied",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec"], "project": "$project2", "destination": "/none"}"#)
                .fails(404, "ResourceNotFound"),
            ls2("{}").check(&[Eq("/objects", "[]"), Eq("/folders", "[]")]),
        ],
    },
    Case {
        name: "cloning::clone::folder_name_taken",
        items: &["project/clone#error.folder-exists"],
        summary: "cloning `/dup` into a `$project2` that already has `/dup` is refused as a conflict (InvalidState: our reading) and `/dup` there stays empty",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/dup"),
            rec!("rec", r#"{"project": "$project", "folder": "/dup", "close": true}"#),
            post("/$project2/newFolder", r#"{"folder": "/dup"}"#)
                .proves(&["project/newFolder#input.folder"]),
            clone(r#"{"folders": ["/dup"], "project": "$project2"}"#).fails(422, "InvalidState"),
            ls2(r#"{"folder": "/dup"}"#).check(&[Eq("/objects", "[]")]),
        ],
    },
    Case {
        name: "cloning::clone::folder_name_taken_under_destination",
        items: &["project/clone#error.folder-exists"],
        summary: "cloning `/dup2` into `/d` of `$project2`, which already has `/d/dup2`, is refused too",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/dup2"),
            rec!("rec", r#"{"project": "$project", "folder": "/dup2", "close": true}"#),
            post(
                "/$project2/newFolder",
                r#"{"folder": "/d/dup2", "parents": true}"#,
            )
            .proves(&["project/newFolder#input.parents"]),
            clone(r#"{"folders": ["/dup2"], "project": "$project2", "destination": "/d"}"#)
                .fails(422, "InvalidState"),
            ls2(r#"{"folder": "/d/dup2"}"#).check(&[Eq("/objects", "[]")]),
        ],
    },
    // ================= the answer =================
    Case {
        name: "cloning::clone::answer",
        items: &[
            "project/clone#output.id",
            "project/clone#output.project",
            "project/clone#output.exists",
        ],
        summary: "clone answers the source's ID as `id`, the destination as `project`, and `exists: []` when nothing was there",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE_REC
                .check(&[
                    On("project/clone#output.id", &[Eq("/id", r#""$project""#)]),
                    On("project/clone#output.project", &[Eq("/project", r#""$project2""#)]),
                    On("project/clone#output.exists", &[Eq("/exists", "[]")]),
                ])
                .snapshot_as(&CLONE_ANSWER),
        ],
    },
    Case {
        name: "cloning::clone::exists_reported",
        items: &["project/clone#output.exists"],
        summary: "cloning a record again: the second answer lists it in `exists`",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            CLONE_REC
                .check(&[Eq("/exists", r#"["$rec"]"#)]),
        ],
    },
    Case {
        name: "cloning::clone::exists_left_untouched",
        items: &["project/clone#rule.exists-untouched"],
        summary: "a clone renamed in `$project2` keeps that name when it is cloned there again",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "src", "close": true}"#),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post(
                "/$rec/rename",
                r#"{"project": "$project2", "name": "kept"}"#,
            ),
            CLONE_REC
                .proves(&["project/clone#output.exists"]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/name", r#""kept""#)]),
        ],
    },
    Case {
        name: "cloning::clone::listed_twice_cloned_once",
        items: &["project/clone#rule.once"],
        summary: "a record listed twice in `objects` is cloned once: one entry in `$project2`, and `exists` is empty",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec", "$rec"], "project": "$project2"}"#)
                .check(&[Eq("/exists", "[]")]),
            ls2("{}").check(&[Len("/objects", 1), Eq("/objects/0/id", r#""$rec""#)]),
        ],
    },
    Case {
        name: "cloning::clone::explicit_object_inside_folder",
        items: &[
            "project/clone#rule.once",
            "project/clone#rule.explicit-inside-folder",
        ],
        summary: "a record listed in `objects` and inside the listed folder `/ex` is cloned once, directly into the destination",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/ex"),
            rec!("rec", r#"{"project": "$project", "folder": "/ex", "close": true}"#),
            rec!("other", r#"{"project": "$project", "folder": "/ex", "close": true}"#),
            clone(r#"{"objects": ["$rec"], "folders": ["/ex"], "project": "$project2"}"#)
                .proves(&["project/clone#input.folders"]),
            ls2("{}")
                .proves(&["project/clone#rule.once"])
                .check(&[Len("/objects", 1)]),
            ls2(r#"{"folder": "/ex"}"#)
                .proves(&["project/clone#rule.once"])
                .check(&[
                    NoneHas("/objects", r#"{"id": "$rec"}"#),
                    AnyHas("/objects", r#"{"id": "$other"}"#),
                ]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .proves(&["project/clone#rule.explicit-inside-folder"])
                .check(&[Eq("/folder", r#""/""#)]),
        ],
    },
    // ================= hidden linked objects =================
    Case {
        name: "cloning::clone::linked_hidden_follows",
        items: &["project/clone#rule.hidden-linked"],
        summary: "cloning a record that links a hidden one clones the hidden one too",
        needs: &[Need::Project2],
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "vis",
                r#"{"project": "$project", "close": true, "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            CLONE_VIS,
            ls2(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$vis"}"#),
                AnyHas("/objects", r#"{"id": "$hid"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::linked_visible_not_followed",
        items: &["project/clone#rule.hidden-linked"],
        summary: "only hidden linked objects follow: a visible record the clone links to is not cloned",
        needs: &[Need::Project2],
        steps: &[
            rec!("other", r#"{"project": "$project", "close": true}"#),
            rec!(
                "vis",
                r#"{"project": "$project", "close": true, "details": {"l": {"$dnanexus_link": "$other"}}}"#
            ),
            CLONE_VIS,
            ls2(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$vis"}"#),
                NoneHas("/objects", r#"{"id": "$other"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::linked_hidden_chain",
        items: &["project/clone#rule.hidden-linked-recursive"],
        summary: "visible → hidden → hidden: both hidden records are cloned",
        needs: &[Need::Project2],
        steps: &[
            rec!("h2", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "h1",
                r#"{"project": "$project", "hidden": true, "close": true, "details": [{"$dnanexus_link": "$h2"}]}"#
            ),
            rec!(
                "vis",
                r#"{"project": "$project", "close": true, "details": {"l": {"$dnanexus_link": "$h1"}}}"#
            ),
            CLONE_VIS,
            ls2(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$h1"}"#),
                AnyHas("/objects", r#"{"id": "$h2"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::linked_hidden_outside_source",
        items: &["project/clone#rule.hidden-outside-source"],
        summary: "visible (source) → hidden (only in `$project2`) → hidden (source): the last is not cloned",
        needs: &[Need::Project2],
        steps: &[
            rec!("h2", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "h1",
                r#"{"project": "$project2", "hidden": true, "close": true, "details": {"l": {"$dnanexus_link": "$h2"}}}"#
            ),
            rec!(
                "vis",
                r#"{"project": "$project", "close": true, "details": {"l": {"$dnanexus_link": "$h1"}}}"#
            ),
            clone(r#"{"objects": ["$vis"], "project": "$project2", "destination": "/"}"#),
            ls2(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$vis"}"#),
                NoneHas("/objects", r#"{"id": "$h2"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::unlinked_hidden_in_folder_stays",
        items: &["project/clone#rule.hidden-in-folder"],
        summary: "cloning `/hf`: its visible record is cloned, its hidden record that nothing links is not",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/hf"),
            rec!("hid", r#"{"project": "$project", "folder": "/hf", "hidden": true, "close": true}"#),
            rec!("vis", r#"{"project": "$project", "folder": "/hf", "close": true}"#),
            clone(r#"{"folders": ["/hf"], "project": "$project2"}"#),
            ls2(r#"{"folder": "/hf", "includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$vis"}"#),
                NoneHas("/objects", r#"{"id": "$hid"}"#),
            ]),
        ],
    },
    Case {
        name: "cloning::clone::linked_hidden_in_folder_keeps_position",
        items: &["project/clone#rule.hidden-relative-position"],
        summary: "cloning `/hr`: a hidden record in `/hr/sub` that `/hr`'s record links is cloned into `/hr/sub` of `$project2`",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/hr/sub"),
            rec!("hid", r#"{"project": "$project", "folder": "/hr/sub", "hidden": true, "close": true}"#),
            rec!(
                "vis",
                r#"{"project": "$project", "folder": "/hr", "close": true, "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            clone(r#"{"folders": ["/hr"], "project": "$project2"}"#)
                .proves(&["project/clone#input.folders"]),
            post("/$hid/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/hr/sub""#)]),
        ],
    },
    Case {
        name: "cloning::clone::linked_hidden_elsewhere_lands_in_destination",
        items: &["project/clone#rule.hidden-placement"],
        summary: "a hidden record in `/away` linked from a cloned record lands in the destination `/d2` (our reading)",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/away"),
            rec!("hid", r#"{"project": "$project", "folder": "/away", "hidden": true, "close": true}"#),
            rec!(
                "vis",
                r#"{"project": "$project", "close": true, "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            clone(
                r#"{"objects": ["$vis"], "project": "$project2", "destination": "/d2", "parents": true}"#,
            )
            .proves(&["project/clone#input.parents"]),
            post("/$hid/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/folder", r#""/d2""#)]),
        ],
    },
    // ================= errors =================
    Case {
        name: "cloning::clone::unknown_object",
        items: &["project/clone#error.ResourceNotFound.object"],
        summary: "an object ID the source does not hold is ResourceNotFound",
        needs: &[Need::Project2],
        steps: &[clone(
            r#"{"objects": ["record-0123456789BFGJKPQVXYZbfg"], "project": "$project2"}"#,
        )
        .fails(404, "ResourceNotFound")],
    },
    Case {
        name: "cloning::clone::object_of_destination_only",
        items: &["project/clone#error.ResourceNotFound.object"],
        summary: "a record that lives only in `$project2` cannot be cloned out of `$project` (ResourceNotFound)",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project2", "close": true}"#),
            CLONE_REC
                .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "cloning::clone::unknown_folder",
        items: &["project/clone#error.ResourceNotFound.folder"],
        summary: "a folder the source does not have is ResourceNotFound",
        needs: &[Need::Project2],
        steps: &[
            clone(r#"{"folders": ["/not-here"], "project": "$project2"}"#)
                .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "cloning::clone::unknown_destination_project",
        items: &["project/clone#error.ResourceNotFound.project"],
        summary: "a well-formed destination project ID nobody issued is ResourceNotFound",
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec"], "project": "project-0123456789BFGJKPQVXYZbfg"}"#)
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "cloning::clone::project_missing",
        items: &["project/clone#input.project"],
        summary: "clone without `project` is InvalidInput",
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec"]}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "cloning::clone::objects_not_array",
        items: &["project/clone#error.InvalidInput"],
        summary: "`objects` as one string rather than an array is InvalidInput",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            clone(r#"{"objects": "$rec", "project": "$project2"}"#).fails(422, "InvalidInput"),
        ],
    },
    Case {
        name: "cloning::clone::destination_relative",
        items: &["project/clone#error.InvalidInput"],
        summary: "a `destination` that does not start with `/` is InvalidInput",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec"], "project": "$project2", "destination": "rel"}"#)
                .fails(422, "InvalidInput"),
        ],
    },
    Case {
        name: "cloning::clone::restricted_source",
        items: &["cloning#rule.restricted"],
        summary: "once `$project` is restricted, cloning out of it is refused (PermissionDenied: our reading) and nothing is copied",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            post("/$project/update", r#"{"restricted": true}"#)
                .proves(&["project/update#input.restricted"]),
            CLONE_REC
                .refused()
                .check(&[On(
                    "cloning#rule.restricted.type",
                    &[Eq("/error/type", r#""PermissionDenied""#)],
                )]),
            NOTHING_COPIED,
        ],
    },
    // ================= who may clone =================
    Case {
        name: "cloning::access::view_source_upload_destination",
        items: &["cloning#rule.view-source"],
        summary: "a member with VIEW on the source and UPLOAD on the destination clones a record",
        needs: &[Need::Peer(Access::View), Need::PeerOnProject2(Access::Upload)],
        steps: &[
            CLOSED,
            CLONE_REC.by(Who::Peer),
            CLONED,
        ],
    },
    Case {
        name: "cloning::access::view_destination_refused",
        items: &["cloning#rule.upload-destination"],
        summary: "with only VIEW on the destination the clone is PermissionDenied and nothing is copied",
        needs: &[Need::Peer(Access::Administer), Need::PeerOnProject2(Access::View)],
        steps: &[
            CLOSED,
            CLONE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            NOTHING_COPIED,
        ],
    },
    Case {
        name: "cloning::access::upload_destination_suffices",
        items: &["cloning#rule.upload-destination"],
        summary: "with UPLOAD on the destination (and ADMINISTER on the source) the clone succeeds",
        needs: &[Need::Peer(Access::Administer), Need::PeerOnProject2(Access::Upload)],
        steps: &[
            CLOSED,
            CLONE_REC.by(Who::Peer),
            CLONED,
        ],
    },
    Case {
        name: "cloning::access::no_source_access_refused",
        items: &["cloning#rule.no-source-access"],
        summary: "a user with no access to the source, though UPLOAD on the destination, is PermissionDenied",
        needs: &[Need::Peer(Access::None), Need::PeerOnProject2(Access::Upload)],
        steps: &[
            CLOSED,
            CLONE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            NOTHING_COPIED,
        ],
    },
    Case {
        name: "cloning::access::clone_follows_destination_permissions",
        items: &["cloning#rule.destination-permissions"],
        summary: "a VIEW member of `$project2` only describes the clone there, while the source stays closed to them",
        needs: &[Need::Peer(Access::None), Need::PeerOnProject2(Access::View)],
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "shared", "close": true}"#),
            CLONE_REC
                .proves(&["project/clone#input.objects"]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .by(Who::Peer)
                .check(&[Eq("/name", r#""shared""#), Eq("/project", r#""$project2""#)]),
            ls("{}").by(Who::Peer).fails(401, "PermissionDenied"),
        ],
    },
    Case {
        name: "cloning::clone::within_same_project",
        items: &["project/clone#rule.same-container"],
        summary: "cloning a record into its own project reports it in `exists` and leaves it where it was (our reading)",
        steps: &[
            CLOSED,
            clone(r#"{"objects": ["$rec"], "project": "$project"}"#)
                .check(&[Eq("/exists", r#"["$rec"]"#)]),
            ls("{}").check(&[Len("/objects", 1)]),
        ],
        ..CASE
    },
];
