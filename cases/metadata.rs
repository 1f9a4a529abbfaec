//! Data object metadata per project copy: `/class-xxxx/rename`, `setProperties`,
//! `addTags`, `removeTags`, and `/class-xxxx/listProjects` (documented on the Cloning page).
//!
//! <https://documentation.dnanexus.com/developer/api/introduction-to-data-object-metadata>
//! and its subpages `/name`, `/properties` and `/tags`; listProjects:
//! <https://documentation.dnanexus.com/developer/api/data-containers/cloning#api-method-class-xxxx-listprojects>.
//! Name, properties and tags belong to each project's copy of an object, so every route
//! here takes a required `project`, which must hold the object; they still change after
//! close, with CONTRIBUTE instead of UPLOAD. Properties merge (a null value deletes a key,
//! `{}` does nothing), keys are at most 100 and values 700 bytes in UTF-8; tags are
//! non-empty strings and adding or removing is idempotent. A clone starts with the source
//! copy's metadata: that is the Cloning page's `cloning#rule.metadata-copied`, checked here
//! too because the per-copy cases start from it.
//!
//! Readings taken (SHOULD items, each saying so):
//! - tag order (insertion order, kept on removal) and Unicode tags are observed; an empty
//!   property value is observed to be allowed;
//! - setProperties' error list names only bad values and sizes: a missing `project` or
//!   `properties` is InvalidInput as for the other routes; a null for an absent key does
//!   nothing; a refused call changes nothing (all routes);
//! - only `[\x00-\x1F]` are control characters in a name: DEL (0x7F) is accepted;
//! - listProjects is known from the clients only: its answer maps each project holding a
//!   copy that the caller can access to the caller's level there; projects the caller
//!   cannot access are left out (silent); a caller with access to no copy gets
//!   PermissionDenied.
//!
//! Tags and properties are compared as sets and mappings; insertion order is checked only
//! in the SHOULD cases, so a server keeping tags sorted warns rather than fails.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post};
use crate::shape::{Field, STEP, Shape};
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::{CLONING, METADATA, NAME, PROPERTIES, TAGS};

const RENAME: &str = "#api-method-class-xxxx-rename";
const SET_PROPERTIES: &str = "#api-method-class-xxxx-setproperties";
const ADD_TAGS: &str = "#api-method-class-xxxx-addtags";
const REMOVE_TAGS: &str = "#api-method-class-xxxx-removetags";
const LIST_PROJECTS: &str = "#api-method-class-xxxx-listprojects";

pub static ITEMS: &[Item] = &[
    // ---- the introduction ----
    Item::new(
        "metadata#rule.per-copy",
        &METADATA,
        "",
        Rule,
        Must,
        "Name, properties and tags belong to each project's copy of an object: the same ID can carry different values in different projects, and changing one copy leaves the others as they were.",
    ),
    Item::new(
        "metadata#rule.no-op-keeps-modified",
        &METADATA,
        "",
        Rule,
        Should,
        "[INFERRED] A call that changes nothing (a tag already present added, an absent one removed, `properties: {}`, a null for an absent key) leaves describe's `modified` as it was: the pages say such calls do nothing, and `modified` is when the metadata last changed (records page).",
    ),
    // ---- /class-xxxx/rename ----
    Item::new(
        "class/rename#input.project",
        &NAME,
        RENAME,
        Input,
        Must,
        "`project` (string, required): the project whose copy is renamed.",
    ),
    Item::new(
        "class/rename#input.name",
        &NAME,
        RENAME,
        Input,
        Must,
        "`name` (string, required): the new name, which describe in that project then shows.",
    ),
    Item::new(
        "class/rename#input.name.utf8",
        &NAME,
        RENAME,
        Input,
        Must,
        "A name is any UTF-8 string without control characters: spaces, punctuation, slashes and non-ASCII letters are kept as given.",
    ),
    Item::new(
        "class/rename#input.name.del",
        &NAME,
        RENAME,
        Input,
        Should,
        "[DOC, reading] The page defines control characters as `[\\x00-\\x1F]`: DEL (0x7F) is outside that set, so a name holding it is accepted.",
    ),
    Item::new(
        "class/rename#output.id",
        &NAME,
        RENAME,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    Item::new(
        "class/rename#rule.not-unique",
        &NAME,
        RENAME,
        Rule,
        Must,
        "Names need not be unique within a project: two records may be renamed to the same name.",
    ),
    Item::new(
        "class/rename#rule.latest",
        &NAME,
        RENAME,
        Rule,
        Should,
        "[OBSERVED] Renaming twice leaves the latest name.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.not-hash",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: the input is not a hash.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.project-missing",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: `project` is missing.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.project-not-string",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: `project` is not a string.",
    ),
    Item::new(
        "class/rename#input.project.malformed",
        &NAME,
        RENAME,
        Input,
        Should,
        "[INFERRED] A `project` string that is not a well-formed ID (`project-123`) is InvalidInput, as on `/record/new`.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.name-missing",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: `name` is missing.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.name-empty",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: `name` is the empty string.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.name-control",
        &NAME,
        RENAME,
        Error,
        Must,
        "InvalidInput: `name` contains a control character `[\\x00-\\x1F]`: a tab, a newline, NUL, 0x1F.",
    ),
    Item::new(
        "class/rename#error.InvalidInput.name-not-string",
        &NAME,
        RENAME,
        Error,
        Should,
        "[INFERRED] InvalidInput: `name` is not a string (the error for a wrong JSON type is not written out).",
    ),
    Item::new(
        "class/rename#rule.refused-changes-nothing",
        &NAME,
        RENAME,
        Rule,
        Should,
        "[INFERRED] A refused rename leaves the name as it was.",
    ),
    Item::new(
        "class/rename#error.ResourceNotFound.object",
        &NAME,
        RENAME,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist.",
    ),
    Item::new(
        "class/rename#error.ResourceNotFound.project",
        &NAME,
        RENAME,
        Error,
        Must,
        "ResourceNotFound: `project` names a project that does not exist.",
    ),
    Item::new(
        "class/rename#error.ResourceNotFound.not-in-project",
        &NAME,
        RENAME,
        Error,
        Must,
        "ResourceNotFound: the project exists (and the caller may write to it) but does not hold the object.",
    ),
    Item::new(
        "class/rename#error.PermissionDenied",
        &NAME,
        RENAME,
        Error,
        Must,
        "PermissionDenied: UPLOAD access to `project` is required while the object is open, CONTRIBUTE once it is closed.",
    ),
    // ---- /class-xxxx/setProperties ----
    Item::new(
        "class/setProperties#input.project",
        &PROPERTIES,
        SET_PROPERTIES,
        Input,
        Must,
        "`project` (string, required): the project whose copy's properties change.",
    ),
    Item::new(
        "class/setProperties#input.properties",
        &PROPERTIES,
        SET_PROPERTIES,
        Input,
        Must,
        "`properties` (mapping of key to string or null, required): the updates; describe with `properties` then shows the keys set.",
    ),
    Item::new(
        "class/setProperties#output.id",
        &PROPERTIES,
        SET_PROPERTIES,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    Item::new(
        "class/setProperties#rule.overwrite",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Must,
        "A key given with a string overwrites the value it had.",
    ),
    Item::new(
        "class/setProperties#rule.null-deletes",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Must,
        "A key given with `null` is deleted.",
    ),
    Item::new(
        "class/setProperties#rule.others-kept",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Must,
        "The update merges: keys not mentioned keep their values (there is no replace-all call).",
    ),
    Item::new(
        "class/setProperties#rule.empty-noop",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Must,
        "`properties: {}` succeeds and changes nothing.",
    ),
    Item::new(
        "class/setProperties#rule.null-absent",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Should,
        "[INFERRED] `null` for a key that is not set succeeds and changes nothing.",
    ),
    Item::new(
        "class/setProperties#rule.empty-value",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Should,
        "[OBSERVED] The empty string is a valid value (`dx set_properties R k=`), kept as `\"\"`, not taken for a deletion.",
    ),
    Item::new(
        "class/setProperties#error.InvalidInput.value-type",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "InvalidInput: a value is neither a string nor null (a number, a boolean, a mapping, an array).",
    ),
    Item::new(
        "class/setProperties#error.InvalidInput.key-too-long",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "InvalidInput: a key longer than 100 bytes in UTF-8 (a key of exactly 100 bytes, multi-byte characters counted as their bytes, is accepted).",
    ),
    Item::new(
        "class/setProperties#error.InvalidInput.value-too-long",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "InvalidInput: a value longer than 700 bytes in UTF-8 (a value of exactly 700 bytes is accepted).",
    ),
    Item::new(
        "class/setProperties#error.InvalidInput.properties",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Should,
        "[INFERRED] InvalidInput: `properties` is missing or not a mapping (required, but the error list names only values and sizes).",
    ),
    Item::new(
        "class/setProperties#error.InvalidInput.project",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Should,
        "[INFERRED] InvalidInput: `project` is missing or not a string, as for rename (required, but not in this route's error list).",
    ),
    Item::new(
        "class/setProperties#rule.refused-changes-nothing",
        &PROPERTIES,
        SET_PROPERTIES,
        Rule,
        Should,
        "[INFERRED] A refused update applies none of its keys, valid ones included.",
    ),
    Item::new(
        "class/setProperties#error.ResourceNotFound.object",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist.",
    ),
    Item::new(
        "class/setProperties#error.ResourceNotFound.project",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "ResourceNotFound: `project` names a project that does not exist.",
    ),
    Item::new(
        "class/setProperties#error.ResourceNotFound.not-in-project",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "ResourceNotFound: the project does not hold the object.",
    ),
    Item::new(
        "class/setProperties#error.PermissionDenied",
        &PROPERTIES,
        SET_PROPERTIES,
        Error,
        Must,
        "PermissionDenied: UPLOAD access to `project` is required while the object is open, CONTRIBUTE once it is closed.",
    ),
    // ---- /class-xxxx/addTags ----
    Item::new(
        "class/addTags#input.project",
        &TAGS,
        ADD_TAGS,
        Input,
        Must,
        "`project` (string, required): the project whose copy is tagged.",
    ),
    Item::new(
        "class/addTags#input.tags",
        &TAGS,
        ADD_TAGS,
        Input,
        Must,
        "`tags` (array of non-empty strings, required): added to the copy's tags, which describe in that project then lists beside the earlier ones.",
    ),
    Item::new(
        "class/addTags#output.id",
        &TAGS,
        ADD_TAGS,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    Item::new(
        "class/addTags#rule.already-present",
        &TAGS,
        ADD_TAGS,
        Rule,
        Must,
        "Adding a tag that is already present does nothing: it is listed once.",
    ),
    Item::new(
        "class/addTags#rule.repeated-in-input",
        &TAGS,
        ADD_TAGS,
        Rule,
        Should,
        "[INFERRED] A tag given twice in one call is listed once (tags are a set).",
    ),
    Item::new(
        "class/addTags#rule.order",
        &TAGS,
        ADD_TAGS,
        Rule,
        Should,
        "[OBSERVED] describe's `tags` keeps insertion order: new tags come after the earlier ones, in the order given.",
    ),
    Item::new(
        "class/addTags#rule.unicode",
        &TAGS,
        ADD_TAGS,
        Rule,
        Should,
        "[OBSERVED] Unicode tags work: they are listed as given.",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.not-hash",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: the input is not a hash.",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.project-missing",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `project` is missing.",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.project-not-string",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `project` is not a string.",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.tags-missing",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` is missing.",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.tags-not-array",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` is not an array (a bare string).",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.tag-not-string",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` holds something other than a string (a number, null, an array).",
    ),
    Item::new(
        "class/addTags#error.InvalidInput.tag-empty",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` holds the empty string.",
    ),
    Item::new(
        "class/addTags#rule.refused-changes-nothing",
        &TAGS,
        ADD_TAGS,
        Rule,
        Should,
        "[INFERRED] A refused addTags adds none of its tags, valid ones included.",
    ),
    Item::new(
        "class/addTags#error.ResourceNotFound.object",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist.",
    ),
    Item::new(
        "class/addTags#error.ResourceNotFound.project",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "ResourceNotFound: `project` names a project that does not exist.",
    ),
    Item::new(
        "class/addTags#error.ResourceNotFound.not-in-project",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "ResourceNotFound: the project does not hold the object.",
    ),
    Item::new(
        "class/addTags#error.PermissionDenied",
        &TAGS,
        ADD_TAGS,
        Error,
        Must,
        "PermissionDenied: UPLOAD access to `project` is required while the object is open, CONTRIBUTE once it is closed.",
    ),
    // ---- /class-xxxx/removeTags ----
    Item::new(
        "class/removeTags#input.project",
        &TAGS,
        REMOVE_TAGS,
        Input,
        Must,
        "`project` (string, required): the project whose copy's tags change.",
    ),
    Item::new(
        "class/removeTags#input.tags",
        &TAGS,
        REMOVE_TAGS,
        Input,
        Must,
        "`tags` (array of non-empty strings, required): removed from the copy's tags; the others stay.",
    ),
    Item::new(
        "class/removeTags#output.id",
        &TAGS,
        REMOVE_TAGS,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object.",
    ),
    Item::new(
        "class/removeTags#rule.absent",
        &TAGS,
        REMOVE_TAGS,
        Rule,
        Must,
        "Removing a tag that is not present does nothing: the call succeeds and the tags stay.",
    ),
    Item::new(
        "class/removeTags#rule.keeps-order",
        &TAGS,
        REMOVE_TAGS,
        Rule,
        Should,
        "[OBSERVED] The remaining tags keep their order.",
    ),
    Item::new(
        "class/removeTags#error.InvalidInput.not-hash",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "InvalidInput: the input is not a hash (the errors are those of addTags).",
    ),
    Item::new(
        "class/removeTags#error.InvalidInput.project",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "InvalidInput: `project` is missing or not a string.",
    ),
    Item::new(
        "class/removeTags#error.InvalidInput.tags",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` is missing or not an array.",
    ),
    Item::new(
        "class/removeTags#error.InvalidInput.tag",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "InvalidInput: `tags` holds a non-string or the empty string.",
    ),
    Item::new(
        "class/removeTags#error.ResourceNotFound",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "ResourceNotFound: the object does not exist, `project` does not exist, or the project does not hold the object.",
    ),
    Item::new(
        "class/removeTags#error.PermissionDenied",
        &TAGS,
        REMOVE_TAGS,
        Error,
        Must,
        "PermissionDenied: UPLOAD access to `project` is required while the object is open, CONTRIBUTE once it is closed.",
    ),
    // ---- /class-xxxx/listProjects ----
    Item::new(
        "class/listProjects#input.none",
        &CLONING,
        LIST_PROJECTS,
        Input,
        Should,
        "[CLIENT] listProjects takes no input: dxpy sends `{}`.",
    ),
    Item::new(
        "class/listProjects#output.levels",
        &CLONING,
        LIST_PROJECTS,
        Output,
        Should,
        "[CLIENT] The answer maps each project holding a copy of the object to the caller's permission level there (`{\"project-…\": \"ADMINISTER\"}` for the project's administrator).",
    ),
    Item::new(
        "class/listProjects#rule.after-clone",
        &CLONING,
        LIST_PROJECTS,
        Rule,
        Should,
        "[OBSERVED] After the record is closed and cloned into a second project, the mapping holds both projects.",
    ),
    Item::new(
        "class/listProjects#rule.caller-level",
        &CLONING,
        LIST_PROJECTS,
        Rule,
        Should,
        "[CLIENT] The level is the caller's own: a member with VIEW sees `VIEW`, one with CONTRIBUTE `CONTRIBUTE`.",
    ),
    Item::new(
        "class/listProjects#rule.inaccessible-left-out",
        &CLONING,
        LIST_PROJECTS,
        Rule,
        Should,
        "[SILENT] Reading taken: a project holding a copy that the caller cannot access is left out of the mapping.",
    ),
    Item::new(
        "class/listProjects#rule.removed-copy",
        &CLONING,
        LIST_PROJECTS,
        Rule,
        Should,
        "[INFERRED] Once the copy in a project is removed, that project is no longer listed.",
    ),
    Item::new(
        "class/listProjects#error.ResourceNotFound",
        &CLONING,
        LIST_PROJECTS,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the object in the URL does not exist.",
    ),
    Item::new(
        "class/listProjects#error.PermissionDenied",
        &CLONING,
        LIST_PROJECTS,
        Error,
        Should,
        "[INFERRED] PermissionDenied: the caller has no access to any project holding the object (VIEW on one suffices).",
    ),
];

/// What rename, setProperties, addTags and removeTags answer: the object's ID.
static ID_ANSWER: Shape = Shape::Object(&[Field::new("id", STEP)]);

/// What listProjects answers: project IDs (data) to levels.
static PROJECTS_ANSWER: Shape = Shape::Map(&Shape::Value);

/// A new record made with `body`, as `$rec`.
const fn new_rec(body: &'static str) -> Step {
    post("/record/new", body)
        .proves(&["record/new#output.id"])
        .capture(&[("rec", "/id")])
}

/// A new open record named `orig`, as `$rec`.
const OPEN: Step = new_rec(r#"{"project": "$project", "name": "orig"}"#);

/// A record made closed with a name, tags and properties, as `$rec`.
const CLOSED: Step = new_rec(
    r#"{"project": "$project", "name": "orig", "tags": ["t"], "properties": {"k": "v"}, "close": true}"#,
);

/// Clone `$rec` (closed) into `$project2`.
const CLONE: Step = post(
    "/$project/clone",
    r#"{"objects": ["$rec"], "project": "$project2"}"#,
)
.proves(&["project/clone#input.objects"]);

/// `$rec`'s copy in `$project` and in `$project2`: name, tags, properties.
const IN_P1: Step = post(
    "/$rec/describe",
    r#"{"project": "$project", "fields": {"project": true, "name": true, "tags": true, "properties": true}}"#,
);
const IN_P2: Step = post(
    "/$rec/describe",
    r#"{"project": "$project2", "fields": {"project": true, "name": true, "tags": true, "properties": true}}"#,
);

/// `$rec`'s metadata in `$project` (the hint is the project the case writes to).
const META: Step = post(
    "/$rec/describe",
    r#"{"project": "$project", "fields": {"name": true, "tags": true, "properties": true}}"#,
);

const fn rename(body: &'static str) -> Step {
    post("/$rec/rename", body)
}

const fn set_props(body: &'static str) -> Step {
    post("/$rec/setProperties", body)
}

const fn add_tags(body: &'static str) -> Step {
    post("/$rec/addTags", body)
}

const fn remove_tags(body: &'static str) -> Step {
    post("/$rec/removeTags", body)
}

/// The step, refused with InvalidInput.
const fn invalid(step: Step) -> Step {
    step.fails(422, "InvalidInput")
}

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`):
/// UPLOAD on the copy's project while the object is open, CONTRIBUTE once it is closed;
/// listProjects needs VIEW on a project holding the object.
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "metadata::rename",
        item: "class/rename#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Contribute,
        call: post(
            "/$obj/rename",
            r#"{"project": "$project", "name": "renamed"}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "metadata::set_properties",
        item: "class/setProperties#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Contribute,
        call: post(
            "/$obj/setProperties",
            r#"{"project": "$project", "properties": {"k": "v"}}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "metadata::add_tags",
        item: "class/addTags#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Contribute,
        call: post("/$obj/addTags", r#"{"project": "$project", "tags": ["t"]}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "metadata::remove_tags",
        item: "class/removeTags#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Contribute,
        call: post(
            "/$obj/removeTags",
            r#"{"project": "$project", "tags": ["t"]}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "metadata::list_projects",
        item: "class/listProjects#error.PermissionDenied",
        object: Object::Both,
        open: Access::View,
        closed: Access::View,
        call: post("/$obj/listProjects", "{}"),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= per project copy =================
    Case {
        name: "metadata::per_copy::clone_starts_alike",
        items: &["cloning#rule.metadata-copied"],
        summary: "a closed record cloned into a second project has there the same ID, name, tags and properties",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            IN_P2.check(&[
                Eq("/id", r#""$rec""#),
                Eq("/project", r#""$project2""#),
                Eq("/name", r#""orig""#),
                Eq("/tags", r#"["t"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
        ],
    },
    Case {
        name: "metadata::per_copy::rename_one_copy",
        items: &["metadata#rule.per-copy"],
        summary: "renaming the clone in the second project leaves the name in the first as it was",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            rename(r#"{"project": "$project2", "name": "second name"}"#)
                .proves(&["class/rename#input.project"]),
            IN_P2.check(&[Eq("/project", r#""$project2""#), Eq("/name", r#""second name""#)]),
            IN_P1.check(&[Eq("/project", r#""$project""#), Eq("/name", r#""orig""#)]),
        ],
    },
    Case {
        name: "metadata::per_copy::rename_original_copy",
        items: &["metadata#rule.per-copy"],
        summary: "renaming the copy in the first project leaves the clone's name as it was",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            rename(r#"{"project": "$project", "name": "first name"}"#)
                .proves(&["class/rename#input.project"]),
            IN_P1.check(&[Eq("/name", r#""first name""#)]),
            IN_P2.check(&[Eq("/project", r#""$project2""#), Eq("/name", r#""orig""#)]),
        ],
    },
    Case {
        name: "metadata::per_copy::tags_one_copy",
        items: &["metadata#rule.per-copy"],
        summary: "tags added and removed in the second project do not change the first project's tags",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            add_tags(r#"{"project": "$project2", "tags": ["only-in-2"]}"#)
                .proves(&["class/addTags#input.project"]),
            remove_tags(r#"{"project": "$project2", "tags": ["t"]}"#)
                .proves(&["class/removeTags#input.project"]),
            IN_P2.check(&[Eq("/project", r#""$project2""#), Eq("/tags", r#"["only-in-2"]"#)]),
            IN_P1.check(&[Eq("/project", r#""$project""#), Eq("/tags", r#"["t"]"#)]),
        ],
    },
    Case {
        name: "metadata::per_copy::properties_one_copy",
        items: &["metadata#rule.per-copy"],
        summary: "properties set and unset in the first project do not change the clone's properties",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            set_props(r#"{"project": "$project", "properties": {"k": null, "p1": "x"}}"#)
                .proves(&["class/setProperties#input.project"]),
            IN_P1.check(&[Eq("/properties", r#"{"p1": "x"}"#)]),
            IN_P2.check(&[
                Eq("/project", r#""$project2""#),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
        ],
    },
    Case {
        name: "metadata::per_copy::both_copies_differ",
        items: &["metadata#rule.per-copy"],
        summary: "after changes in each project, the same ID carries different names, tags and properties in each",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            rename(r#"{"project": "$project", "name": "one"}"#)
                .proves(&["class/rename#input.name"]),
            rename(r#"{"project": "$project2", "name": "two"}"#)
                .proves(&["class/rename#input.name"]),
            set_props(r#"{"project": "$project2", "properties": {"k": "w"}}"#)
                .proves(&["class/setProperties#rule.overwrite"]),
            add_tags(r#"{"project": "$project", "tags": ["p1"]}"#)
                .proves(&["class/addTags#input.tags"]),
            IN_P1.check(&[
                Eq("/id", r#""$rec""#),
                Eq("/name", r#""one""#),
                SetEq("/tags", r#"["t", "p1"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
            IN_P2.check(&[
                Eq("/id", r#""$rec""#),
                Eq("/project", r#""$project2""#),
                Eq("/name", r#""two""#),
                Eq("/tags", r#"["t"]"#),
                Eq("/properties", r#"{"k": "w"}"#),
            ]),
        ],
    },
    // ================= rename =================
    Case {
        name: "metadata::rename::renames",
        items: &["class/rename#input.project", "class/rename#input.name", "class/rename#output.id"],
        summary: "rename answers the ID and describe in the project shows the new name",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "new name"}"#)
                .proves(&["class/rename#input.project"])
                .check(&[On(
                    "class/rename#output.id",
                    &[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))],
                )])
                .snapshot_as(&ID_ANSWER),
            META.proves(&["class/rename#input.name"])
                .check(&[Eq("/name", r#""new name""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::default_name_replaced",
        items: &["class/rename#input.name"],
        summary: "a record named after its own ID (no `name` at creation) takes the new name",
        steps: &[
            new_rec(r#"{"project": "$project"}"#),
            rename(r#"{"project": "$project", "name": "named now"}"#),
            META.check(&[Eq("/name", r#""named now""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::found_by_new_name",
        items: &["class/rename#input.name"],
        summary: "after rename, findDataObjects finds the record by its new name and not by the old",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "after-$run"}"#),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "name": "after-$run"}"#,
            )
            .paged()
            .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "name": "orig"}"#,
            )
            .paged()
            .check(&[NoneHas("/results", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::utf8_and_punctuation",
        items: &["class/rename#input.name.utf8"],
        summary: "a name with spaces, slashes, punctuation and non-ASCII letters is kept as given",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "  ΨΨ 日本 / a:b*c? (v2).txt  "}"#),
            META.check(&[Eq("/name", r#""  ΨΨ 日本 / a:b*c? (v2).txt  ""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::emoji",
        items: &["class/rename#input.name.utf8"],
        summary: "a name with a 4-byte character (emoji) is kept as given",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "data 🧬"}"#),
            META.check(&[Eq("/name", r#""data 🧬""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::space_is_not_control",
        items: &["class/rename#input.name.utf8"],
        summary: "a single space (0x20, the first character after the control range) is a valid name",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": " "}"#),
            META.check(&[Eq("/name", r#"" ""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::del_character",
        items: &["class/rename#input.name.del"],
        summary: "a name holding DEL (0x7F, outside `[\\x00-\\x1F]`) is accepted",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "a\u007fb"}"#),
            META.check(&[Eq("/name", r#""a\u007fb""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::same_name_twice_in_project",
        items: &["class/rename#rule.not-unique"],
        summary: "two records of one project can both be renamed to the same name",
        steps: &[
            OPEN,
            post("/record/new", r#"{"project": "$project"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("other", "/id")]),
            rename(r#"{"project": "$project", "name": "twin"}"#),
            post("/$other/rename", r#"{"project": "$project", "name": "twin"}"#)
                .check(&[Eq("/id", r#""$other""#)]),
            META.check(&[Eq("/name", r#""twin""#)]),
            post("/$other/describe", r#"{"fields": {"name": true}}"#)
                .check(&[Eq("/name", r#""twin""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::latest_wins",
        items: &["class/rename#rule.latest"],
        summary: "renaming twice leaves the second name (observed)",
        steps: &[
            OPEN,
            rename(r#"{"project": "$project", "name": "first"}"#).proves(&["class/rename#input.name"]),
            rename(r#"{"project": "$project", "name": "second"}"#).proves(&["class/rename#input.name"]),
            META.check(&[Eq("/name", r#""second""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::body_is_array",
        items: &["class/rename#error.InvalidInput.not-hash"],
        summary: "an array as the body is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"["$project", "name"]"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::project_missing",
        items: &["class/rename#error.InvalidInput.project-missing"],
        summary: "rename without `project` is InvalidInput (the route names a copy)",
        steps: &[OPEN, invalid(rename(r#"{"name": "n"}"#)).snapshot()],
        ..CASE
    },
    Case {
        name: "metadata::rename::project_number",
        items: &["class/rename#error.InvalidInput.project-not-string"],
        summary: "`project` as a number is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": 1, "name": "n"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::project_array",
        items: &["class/rename#error.InvalidInput.project-not-string"],
        summary: "`project` as an array of the project ID is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": ["$project"], "name": "n"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::project_malformed",
        items: &["class/rename#input.project.malformed"],
        summary: "`project: \"project-123\"` (not a well-formed ID) is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "project-123", "name": "n"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_missing",
        items: &["class/rename#error.InvalidInput.name-missing"],
        summary: "rename without `name` is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project"}"#)).snapshot()],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_empty",
        items: &["class/rename#error.InvalidInput.name-empty"],
        summary: "`name: \"\"` is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": ""}"#)).snapshot()],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_tab",
        items: &["class/rename#error.InvalidInput.name-control"],
        summary: "a name holding a tab is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": "a\tb"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_newline",
        items: &["class/rename#error.InvalidInput.name-control"],
        summary: "a name ending in a newline is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": "line\n"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_nul",
        items: &["class/rename#error.InvalidInput.name-control"],
        summary: "a name holding NUL (0x00) is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": "a\u0000b"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_unit_separator",
        items: &["class/rename#error.InvalidInput.name-control"],
        summary: "a name holding 0x1F (the last control character) is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": "\u001f"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::name_number",
        items: &["class/rename#error.InvalidInput.name-not-string"],
        summary: "`name: 5` is InvalidInput",
        steps: &[OPEN, invalid(rename(r#"{"project": "$project", "name": 5}"#))],
        ..CASE
    },
    Case {
        name: "metadata::rename::refused_keeps_name",
        items: &["class/rename#rule.refused-changes-nothing"],
        summary: "after renames refused for an empty name and a newline, the name is the old one",
        steps: &[
            OPEN,
            invalid(rename(r#"{"project": "$project", "name": ""}"#))
                .proves(&["class/rename#error.InvalidInput.name-empty"]),
            invalid(rename(r#"{"project": "$project", "name": "x\ny"}"#))
                .proves(&["class/rename#error.InvalidInput.name-control"]),
            META.check(&[Eq("/name", r#""orig""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::unknown_record",
        items: &["class/rename#error.ResourceNotFound.object"],
        summary: "rename of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post(
                "/record-0123456789BFGJKPQVXYZbfg/rename",
                r#"{"project": "$project", "name": "n"}"#,
            )
            .fails(404, "ResourceNotFound")
            .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::unknown_project",
        items: &["class/rename#error.ResourceNotFound.project"],
        summary: "rename in a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[
            OPEN,
            rename(r#"{"project": "project-0123456789BFGJKPQVXYZbfg", "name": "n"}"#)
                .fails(404, "ResourceNotFound"),
            META.check(&[Eq("/name", r#""orig""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::rename::project_without_copy",
        items: &["class/rename#error.ResourceNotFound.not-in-project"],
        summary: "rename naming the owner's second project, which does not hold the record, is ResourceNotFound; the name stays",
        needs: &[Need::Project2],
        steps: &[
            OPEN,
            rename(r#"{"project": "$project2", "name": "n"}"#)
                .fails(404, "ResourceNotFound")
                .snapshot(),
            META.check(&[Eq("/name", r#""orig""#)]),
        ],
    },
    Case {
        name: "metadata::rename::closed_project_without_copy",
        items: &["class/rename#error.ResourceNotFound.not-in-project"],
        summary: "a closed record renamed in a project that does not hold it is ResourceNotFound too",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            rename(r#"{"project": "$project2", "name": "n"}"#).fails(404, "ResourceNotFound"),
        ],
    },
    // ================= setProperties =================
    Case {
        name: "metadata::set_properties::sets",
        items: &[
            "class/setProperties#input.project",
            "class/setProperties#input.properties",
            "class/setProperties#output.id",
        ],
        summary: "setProperties answers the ID and describe with `properties` shows the keys",
        steps: &[
            OPEN,
            set_props(r#"{"project": "$project", "properties": {"a": "1", "b": "two"}}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            META.check(&[Eq("/properties", r#"{"a": "1", "b": "two"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::overwrites",
        items: &["class/setProperties#rule.overwrite"],
        summary: "a key given again with another value takes the new value",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"k": "old"}}"#),
            set_props(r#"{"project": "$project", "properties": {"k": "new"}}"#),
            META.check(&[Eq("/properties", r#"{"k": "new"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::merges",
        items: &["class/setProperties#rule.others-kept"],
        summary: "keys not mentioned keep their values while a new key is added",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1", "b": "2"}}"#),
            set_props(r#"{"project": "$project", "properties": {"c": "3"}}"#),
            META.check(&[Eq("/properties", r#"{"a": "1", "b": "2", "c": "3"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::merge_and_overwrite",
        items: &["class/setProperties#rule.others-kept", "class/setProperties#rule.overwrite"],
        summary: "one update overwrites a key, adds one, and leaves a third untouched",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"keep": "k", "change": "c1"}}"#),
            set_props(r#"{"project": "$project", "properties": {"change": "c2", "add": "a"}}"#)
                .proves(&["class/setProperties#input.properties"]),
            META.check(&[
                On("class/setProperties#rule.overwrite", &[Eq("/properties/change", r#""c2""#)]),
                On("class/setProperties#rule.others-kept", &[Eq("/properties/keep", r#""k""#)]),
                On("class/setProperties#input.properties", &[Eq("/properties/add", r#""a""#)]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::null_deletes",
        items: &["class/setProperties#rule.null-deletes"],
        summary: "`{\"project\": \"cancer project\", \"foo\": \"bar\"}` then `{\"project\": null}` leaves `{\"foo\": \"bar\"}` (the page's example)",
        steps: &[
            OPEN,
            set_props(
                r#"{"project": "$project", "properties": {"project": "cancer project", "foo": "bar"}}"#,
            )
            .proves(&["class/setProperties#input.properties"]),
            set_props(r#"{"project": "$project", "properties": {"project": null}}"#),
            META.check(&[Eq("/properties", r#"{"foo": "bar"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::null_deletes_every_key",
        items: &["class/setProperties#rule.null-deletes"],
        summary: "a null for each key (how clients replace all properties) leaves `{}`",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1", "b": "2"}}"#),
            set_props(r#"{"project": "$project", "properties": {"a": null, "b": null}}"#),
            META.check(&[Eq("/properties", "{}")]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::delete_and_set_together",
        items: &["class/setProperties#rule.null-deletes", "class/setProperties#rule.others-kept"],
        summary: "one update deletes a key and sets another; the third key stays",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1", "b": "2", "c": "3"}}"#),
            set_props(r#"{"project": "$project", "properties": {"a": null, "d": "4"}}"#)
                .proves(&["class/setProperties#input.properties"]),
            META.check(&[
                On("class/setProperties#rule.null-deletes", &[Absent("/properties/a")]),
                On(
                    "class/setProperties#rule.others-kept",
                    &[Eq("/properties/b", r#""2""#), Eq("/properties/c", r#""3""#)],
                ),
                On("class/setProperties#input.properties", &[Eq("/properties/d", r#""4""#)]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::empty_update",
        items: &["class/setProperties#rule.empty-noop"],
        summary: "`properties: {}` succeeds and changes nothing",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            set_props(r#"{"project": "$project", "properties": {}}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/properties", r#"{"a": "1"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::empty_update_keeps_modified",
        items: &["metadata#rule.no-op-keeps-modified"],
        summary: "`properties: {}` and a null for an absent key do not move `modified`",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            set_props(r#"{"project": "$project", "properties": {}}"#)
                .after(5)
                .proves(&["class/setProperties#rule.empty-noop"]),
            set_props(r#"{"project": "$project", "properties": {"never": null}}"#)
                .proves(&["class/setProperties#rule.null-absent"]),
            post("/$rec/describe", "{}").check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::null_for_absent_key",
        items: &["class/setProperties#rule.null-absent"],
        summary: "a null for a key that is not set succeeds and changes nothing",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            set_props(r#"{"project": "$project", "properties": {"never": null}}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/properties", r#"{"a": "1"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::empty_value",
        items: &["class/setProperties#rule.empty-value"],
        summary: "`k: \"\"` is kept as an empty value, not deleted (observed)",
        steps: &[
            OPEN,
            set_props(r#"{"project": "$project", "properties": {"k": ""}}"#),
            META.check(&[Eq("/properties", r#"{"k": ""}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::key_100_bytes",
        items: &["class/setProperties#error.InvalidInput.key-too-long"],
        summary: "a key of exactly 100 UTF-8 bytes (ending in a 2-byte `é`) is accepted",
        steps: &[
            OPEN,
            set_props(r#"{"project": "$project", "properties": {"$pad(100,é)": "v"}}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/properties", r#"{"$pad(100,é)": "v"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::key_101_bytes",
        items: &["class/setProperties#error.InvalidInput.key-too-long"],
        summary: "a key of 101 UTF-8 bytes (100 characters, the last a 2-byte `é`) is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"$pad(101,é)": "v"}}"#))
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::key_101_ascii",
        items: &["class/setProperties#error.InvalidInput.key-too-long"],
        summary: "a key of 101 ASCII characters is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"$pad(101,a)": "v"}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::null_key_too_long",
        items: &["class/setProperties#error.InvalidInput.key-too-long"],
        summary: "a 101-byte key is refused even with a null value",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"$pad(101,€)": null}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_700_bytes",
        items: &["class/setProperties#error.InvalidInput.value-too-long"],
        summary: "a value of exactly 700 UTF-8 bytes (ending in a 3-byte `€`) is accepted",
        steps: &[
            OPEN,
            set_props(r#"{"project": "$project", "properties": {"k": "$pad(700,€)"}}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/properties", r#"{"k": "$pad(700,€)"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_701_bytes",
        items: &["class/setProperties#error.InvalidInput.value-too-long"],
        summary: "a value of 701 UTF-8 bytes (699 characters, the last a 3-byte `€`) is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": "$pad(701,€)"}}"#))
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_701_ascii",
        items: &["class/setProperties#error.InvalidInput.value-too-long"],
        summary: "a value of 701 ASCII characters is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": "$pad(701,a)"}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_number",
        items: &["class/setProperties#error.InvalidInput.value-type"],
        summary: "a numeric value is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": 1}}"#)).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_boolean",
        items: &["class/setProperties#error.InvalidInput.value-type"],
        summary: "a boolean value is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": true}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_mapping",
        items: &["class/setProperties#error.InvalidInput.value-type"],
        summary: "a mapping value is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": {"v": "w"}}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::value_array",
        items: &["class/setProperties#error.InvalidInput.value-type"],
        summary: "an array value is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": {"k": ["v"]}}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::properties_missing",
        items: &["class/setProperties#error.InvalidInput.properties"],
        summary: "setProperties without `properties` is InvalidInput",
        steps: &[OPEN, invalid(set_props(r#"{"project": "$project"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::properties_array",
        items: &["class/setProperties#error.InvalidInput.properties"],
        summary: "`properties` as an array of pairs is InvalidInput",
        steps: &[
            OPEN,
            invalid(set_props(r#"{"project": "$project", "properties": [["k", "v"]]}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::project_missing",
        items: &["class/setProperties#error.InvalidInput.project"],
        summary: "setProperties without `project` is InvalidInput",
        steps: &[OPEN, invalid(set_props(r#"{"properties": {"k": "v"}}"#))],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::project_not_string",
        items: &["class/setProperties#error.InvalidInput.project"],
        summary: "`project: true` is InvalidInput",
        steps: &[OPEN, invalid(set_props(r#"{"project": true, "properties": {"k": "v"}}"#))],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::refused_applies_nothing",
        items: &["class/setProperties#rule.refused-changes-nothing"],
        summary: "an update with one bad value (a number) beside a valid one and a deletion applies none of them",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            invalid(set_props(
                r#"{"project": "$project", "properties": {"a": null, "ok": "v", "bad": 2}}"#,
            ))
            .proves(&["class/setProperties#error.InvalidInput.value-type"]),
            META.check(&[Eq("/properties", r#"{"a": "1"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::refused_too_long_applies_nothing",
        items: &["class/setProperties#rule.refused-changes-nothing"],
        summary: "an update with one over-long value applies none of its other keys",
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            invalid(set_props(
                r#"{"project": "$project", "properties": {"a": "2", "long": "$pad(701,a)"}}"#,
            ))
            .proves(&["class/setProperties#error.InvalidInput.value-too-long"]),
            META.check(&[Eq("/properties", r#"{"a": "1"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::unknown_record",
        items: &["class/setProperties#error.ResourceNotFound.object"],
        summary: "setProperties of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post(
                "/record-0123456789BFGJKPQVXYZbfg/setProperties",
                r#"{"project": "$project", "properties": {"k": "v"}}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::unknown_project",
        items: &["class/setProperties#error.ResourceNotFound.project"],
        summary: "setProperties in a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[
            OPEN,
            set_props(
                r#"{"project": "project-0123456789BFGJKPQVXYZbfg", "properties": {"k": "v"}}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::set_properties::project_without_copy",
        items: &["class/setProperties#error.ResourceNotFound.not-in-project"],
        summary: "setProperties naming a project that does not hold the record is ResourceNotFound; nothing changes",
        needs: &[Need::Project2],
        steps: &[
            new_rec(r#"{"project": "$project", "properties": {"a": "1"}}"#),
            set_props(r#"{"project": "$project2", "properties": {"a": "2"}}"#)
                .fails(404, "ResourceNotFound"),
            META.check(&[Eq("/properties", r#"{"a": "1"}"#)]),
        ],
    },
    // ================= addTags =================
    Case {
        name: "metadata::add_tags::adds",
        items: &["class/addTags#input.project", "class/addTags#input.tags", "class/addTags#output.id"],
        summary: "addTags answers the ID and describe lists the new tags beside the old",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["old"]}"#),
            add_tags(r#"{"project": "$project", "tags": ["new 1", "new-2"]}"#)
                .proves(&["class/addTags#input.project"])
                .check(&[On(
                    "class/addTags#output.id",
                    &[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))],
                )])
                .snapshot_as(&ID_ANSWER),
            META.proves(&["class/addTags#input.tags"])
                .check(&[SetEq("/tags", r#"["old", "new 1", "new-2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::empty_array",
        items: &["class/addTags#input.tags"],
        summary: "`tags: []` succeeds and leaves the tags as they were",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["old"]}"#),
            add_tags(r#"{"project": "$project", "tags": []}"#).check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/tags", r#"["old"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::found_by_tag",
        items: &["class/addTags#input.tags"],
        summary: "after addTags, findDataObjects with `tags` finds the record",
        steps: &[
            OPEN,
            add_tags(r#"{"project": "$project", "tags": ["findme-$run"]}"#),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "tags": "findme-$run"}"#,
            )
            .paged()
            .check(&[AnyHas("/results", r#"{"project": "$project", "id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::already_present",
        items: &["class/addTags#rule.already-present"],
        summary: "adding a tag the record has succeeds and lists it once",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a", "b"]}"#),
            add_tags(r#"{"project": "$project", "tags": ["a"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[SetEq("/tags", r#"["a", "b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::present_keeps_modified",
        items: &["metadata#rule.no-op-keeps-modified"],
        summary: "adding a tag the record has does not move `modified`",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a"]}"#),
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            add_tags(r#"{"project": "$project", "tags": ["a"]}"#)
                .after(5)
                .proves(&["class/addTags#rule.already-present"]),
            post("/$rec/describe", "{}").check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::same_call_twice",
        items: &["class/addTags#rule.already-present"],
        summary: "the same addTags twice lists each tag once",
        steps: &[
            OPEN,
            add_tags(r#"{"project": "$project", "tags": ["x", "y"]}"#),
            add_tags(r#"{"project": "$project", "tags": ["y", "x"]}"#),
            META.check(&[SetEq("/tags", r#"["x", "y"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::repeated_in_one_call",
        items: &["class/addTags#rule.repeated-in-input"],
        summary: "a tag given twice in one call is listed once",
        steps: &[
            OPEN,
            add_tags(r#"{"project": "$project", "tags": ["dup", "dup"]}"#),
            META.check(&[Eq("/tags", r#"["dup"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::insertion_order",
        items: &["class/addTags#rule.order"],
        summary: "tags are listed in insertion order: the record's, then each call's in the order given (observed)",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["m"]}"#),
            add_tags(r#"{"project": "$project", "tags": ["z", "a"]}"#)
                .proves(&["class/addTags#input.tags"]),
            add_tags(r#"{"project": "$project", "tags": ["b"]}"#)
                .proves(&["class/addTags#input.tags"]),
            META.check(&[Eq("/tags", r#"["m", "z", "a", "b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::present_tag_keeps_place",
        items: &["class/addTags#rule.order"],
        summary: "re-adding the first tag does not move it to the end (observed)",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["first", "second"]}"#),
            add_tags(r#"{"project": "$project", "tags": ["first", "third"]}"#)
                .proves(&["class/addTags#rule.already-present"]),
            META.check(&[Eq("/tags", r#"["first", "second", "third"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::unicode",
        items: &["class/addTags#rule.unicode"],
        summary: "tags `ΨΨ`, `日本語` and `🧬` are listed as given (observed)",
        steps: &[
            OPEN,
            add_tags(r#"{"project": "$project", "tags": ["ΨΨ", "日本語", "🧬"]}"#),
            META.check(&[SetEq("/tags", r#"["ΨΨ", "日本語", "🧬"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::body_is_array",
        items: &["class/addTags#error.InvalidInput.not-hash"],
        summary: "an array as the body is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"["t"]"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::project_missing",
        items: &["class/addTags#error.InvalidInput.project-missing"],
        summary: "addTags without `project` is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"tags": ["t"]}"#)).snapshot()],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::project_not_string",
        items: &["class/addTags#error.InvalidInput.project-not-string"],
        summary: "`project` as a mapping is InvalidInput",
        steps: &[
            OPEN,
            invalid(add_tags(r#"{"project": {"id": "$project"}, "tags": ["t"]}"#)),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tags_missing",
        items: &["class/addTags#error.InvalidInput.tags-missing"],
        summary: "addTags without `tags` is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"project": "$project"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tags_string",
        items: &["class/addTags#error.InvalidInput.tags-not-array"],
        summary: "`tags` as a bare string is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"project": "$project", "tags": "t"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tag_number",
        items: &["class/addTags#error.InvalidInput.tag-not-string"],
        summary: "a number among the tags is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"project": "$project", "tags": ["t", 7]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tag_null",
        items: &["class/addTags#error.InvalidInput.tag-not-string"],
        summary: "`null` among the tags is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"project": "$project", "tags": [null]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tag_nested_array",
        items: &["class/addTags#error.InvalidInput.tag-not-string"],
        summary: "a nested array among the tags is InvalidInput",
        steps: &[OPEN, invalid(add_tags(r#"{"project": "$project", "tags": [["t"]]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::tag_empty",
        items: &["class/addTags#error.InvalidInput.tag-empty"],
        summary: "the empty string among the tags is InvalidInput",
        steps: &[
            OPEN,
            invalid(add_tags(r#"{"project": "$project", "tags": ["ok", ""]}"#)).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::refused_adds_nothing",
        items: &["class/addTags#rule.refused-changes-nothing"],
        summary: "a call with a valid tag and an empty one adds neither",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["before"]}"#),
            invalid(add_tags(r#"{"project": "$project", "tags": ["valid", ""]}"#))
                .proves(&["class/addTags#error.InvalidInput.tag-empty"]),
            META.check(&[Eq("/tags", r#"["before"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::unknown_record",
        items: &["class/addTags#error.ResourceNotFound.object"],
        summary: "addTags of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post(
                "/record-0123456789BFGJKPQVXYZbfg/addTags",
                r#"{"project": "$project", "tags": ["t"]}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::unknown_project",
        items: &["class/addTags#error.ResourceNotFound.project"],
        summary: "addTags in a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[
            OPEN,
            add_tags(r#"{"project": "project-0123456789BFGJKPQVXYZbfg", "tags": ["t"]}"#)
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::add_tags::project_without_copy",
        items: &["class/addTags#error.ResourceNotFound.not-in-project"],
        summary: "addTags naming a project that does not hold the record is ResourceNotFound; its tags stay",
        needs: &[Need::Project2],
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["t"]}"#),
            add_tags(r#"{"project": "$project2", "tags": ["u"]}"#).fails(404, "ResourceNotFound"),
            META.check(&[Eq("/tags", r#"["t"]"#)]),
        ],
    },
    // ================= removeTags =================
    Case {
        name: "metadata::remove_tags::removes",
        items: &[
            "class/removeTags#input.project",
            "class/removeTags#input.tags",
            "class/removeTags#output.id",
        ],
        summary: "removeTags answers the ID and describe no longer lists the removed tags",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a", "b", "c"]}"#),
            remove_tags(r#"{"project": "$project", "tags": ["a", "c"]}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            META.check(&[Eq("/tags", r#"["b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::all",
        items: &["class/removeTags#input.tags"],
        summary: "removing every tag leaves `tags: []`",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a", "b"]}"#),
            remove_tags(r#"{"project": "$project", "tags": ["b", "a"]}"#),
            META.check(&[Eq("/tags", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::absent_tag",
        items: &["class/removeTags#rule.absent"],
        summary: "removing a tag the record does not have succeeds and the tags stay",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a"]}"#),
            remove_tags(r#"{"project": "$project", "tags": ["zz"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/tags", r#"["a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::absent_keeps_modified",
        items: &["metadata#rule.no-op-keeps-modified"],
        summary: "removing a tag the record does not have does not move `modified`",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a"]}"#),
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            remove_tags(r#"{"project": "$project", "tags": ["zz"]}"#)
                .after(5)
                .proves(&["class/removeTags#rule.absent"]),
            post("/$rec/describe", "{}").check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::no_tags_at_all",
        items: &["class/removeTags#rule.absent"],
        summary: "removeTags on a record without tags succeeds",
        steps: &[
            OPEN,
            remove_tags(r#"{"project": "$project", "tags": ["zz"]}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            META.check(&[Eq("/tags", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::keeps_order",
        items: &["class/removeTags#rule.keeps-order"],
        summary: "removing a middle tag keeps the rest in their order (observed)",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["d", "c", "b", "a"]}"#),
            remove_tags(r#"{"project": "$project", "tags": ["c"]}"#)
                .proves(&["class/removeTags#input.tags"]),
            META.check(&[Eq("/tags", r#"["d", "b", "a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::body_is_string",
        items: &["class/removeTags#error.InvalidInput.not-hash"],
        summary: "a JSON string as the body is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#""t""#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::project_missing",
        items: &["class/removeTags#error.InvalidInput.project"],
        summary: "removeTags without `project` is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#"{"tags": ["t"]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::project_number",
        items: &["class/removeTags#error.InvalidInput.project"],
        summary: "`project` as a number is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#"{"project": 3, "tags": ["t"]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::tags_missing",
        items: &["class/removeTags#error.InvalidInput.tags"],
        summary: "removeTags without `tags` is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#"{"project": "$project"}"#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::tags_mapping",
        items: &["class/removeTags#error.InvalidInput.tags"],
        summary: "`tags` as a mapping is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#"{"project": "$project", "tags": {"t": 1}}"#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::tag_empty",
        items: &["class/removeTags#error.InvalidInput.tag"],
        summary: "the empty string among the tags to remove is InvalidInput; the tags stay",
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["a"]}"#),
            invalid(remove_tags(r#"{"project": "$project", "tags": ["a", ""]}"#)),
            META.check(&[Eq("/tags", r#"["a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::tag_number",
        items: &["class/removeTags#error.InvalidInput.tag"],
        summary: "a number among the tags to remove is InvalidInput",
        steps: &[OPEN, invalid(remove_tags(r#"{"project": "$project", "tags": [1]}"#))],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::unknown_record",
        items: &["class/removeTags#error.ResourceNotFound"],
        summary: "removeTags of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post(
                "/record-0123456789BFGJKPQVXYZbfg/removeTags",
                r#"{"project": "$project", "tags": ["t"]}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::unknown_project",
        items: &["class/removeTags#error.ResourceNotFound"],
        summary: "removeTags in a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[
            OPEN,
            remove_tags(r#"{"project": "project-0123456789BFGJKPQVXYZbfg", "tags": ["t"]}"#)
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "metadata::remove_tags::project_without_copy",
        items: &["class/removeTags#error.ResourceNotFound"],
        summary: "removeTags naming a project that does not hold the record is ResourceNotFound; its tags stay",
        needs: &[Need::Project2],
        steps: &[
            new_rec(r#"{"project": "$project", "tags": ["t"]}"#),
            remove_tags(r#"{"project": "$project2", "tags": ["t"]}"#)
                .fails(404, "ResourceNotFound"),
            META.check(&[Eq("/tags", r#"["t"]"#)]),
        ],
    },
    // ================= listProjects =================
    Case {
        name: "metadata::list_projects::creating_project",
        items: &["class/listProjects#input.none", "class/listProjects#output.levels"],
        summary: "listProjects of a new record maps its project to ADMINISTER, the owner's level",
        steps: &[
            OPEN,
            post("/$rec/listProjects", "{}")
                .proves(&["class/listProjects#input.none"])
                .check(&[On(
                    "class/listProjects#output.levels",
                    &[Eq("", r#"{"$project": "ADMINISTER"}"#)],
                )])
                .snapshot_as(&PROJECTS_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "metadata::list_projects::after_clone",
        items: &["class/listProjects#rule.after-clone"],
        summary: "after the record is closed and cloned into a second project, both are listed",
        needs: &[Need::Project2],
        steps: &[
            OPEN,
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            CLONE,
            post("/$rec/listProjects", "{}").check(&[Eq(
                "",
                r#"{"$project": "ADMINISTER", "$project2": "ADMINISTER"}"#,
            )]),
        ],
    },
    Case {
        name: "metadata::list_projects::removed_copy",
        items: &["class/listProjects#rule.removed-copy"],
        summary: "after the clone is removed from the second project, only the first is listed",
        needs: &[Need::Project2],
        steps: &[
            CLOSED,
            CLONE,
            post("/$project2/removeObjects", r#"{"objects": ["$rec"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            post("/$rec/listProjects", "{}").check(&[Eq("", r#"{"$project": "ADMINISTER"}"#)]),
        ],
    },
    Case {
        name: "metadata::list_projects::view_member",
        items: &["class/listProjects#rule.caller-level"],
        summary: "a member with VIEW sees the project with `VIEW`",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            OPEN,
            post("/$rec/listProjects", "{}")
                .by(Who::Peer)
                .check(&[Eq("", r#"{"$project": "VIEW"}"#)]),
        ],
    },
    Case {
        name: "metadata::list_projects::contribute_member",
        items: &["class/listProjects#rule.caller-level"],
        summary: "a member with CONTRIBUTE sees the project with `CONTRIBUTE`",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            CLOSED,
            post("/$rec/listProjects", "{}")
                .by(Who::Peer)
                .check(&[Eq("", r#"{"$project": "CONTRIBUTE"}"#)]),
        ],
    },
    Case {
        name: "metadata::list_projects::inaccessible_project_left_out",
        items: &["class/listProjects#rule.inaccessible-left-out"],
        summary: "a peer with VIEW on the second project only sees that project, not the owner's first one",
        needs: &[Need::PeerOnProject2(Access::View)],
        steps: &[
            CLOSED,
            CLONE,
            post("/$rec/listProjects", "{}")
                .by(Who::Peer)
                .check(&[Eq("", r#"{"$project2": "VIEW"}"#)]),
        ],
    },
    Case {
        name: "metadata::list_projects::unknown_record",
        items: &["class/listProjects#error.ResourceNotFound"],
        summary: "listProjects of a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[
            post("/record-0123456789BFGJKPQVXYZbfg/listProjects", "{}")
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
];
