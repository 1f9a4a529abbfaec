//! The Folders and deletion page: the folder rules of a data container, `newFolder`,
//! `listFolder`, `removeFolder`, `renameFolder`, `move` and `removeObjects`, and what
//! removal takes with it.
//!
//! <https://documentation.dnanexus.com/developer/api/data-containers/folders-and-deletion>.
//! The page documents the folder rules (the root, names, the newer revision's limits of
//! 1-2,048 characters a name, paths under 10,240 characters and at most 128 levels, the
//! normalisation of repeated and trailing `/`), deletion (any state, hidden objects left
//! unreachable go too), and the inputs, outputs and errors of `newFolder`, `renameFolder`
//! and `listFolder`: those items are MUST. What the documentation leaves out is known from
//! DNAnexus's clients (dxpy sends `recurse`, `force`, `partial` to removeFolder and reads
//! `completed`; `objects`, `folders`, `destination` to move; `force` to removeObjects) or
//! from the platform's own integration tests; those items are SHOULD and say so.
//!
//! Readings taken where the page is silent (each a SHOULD item): a refused folder input is
//! InvalidInput; a missing folder is ResourceNotFound; a non-empty folder without
//! `recurse`, an existing target of a rename or a move, is InvalidState; `hasSubfolderFlags`
//! turns each folder into a `[path, hasSubfolders]` pair; with `only`, the other list is
//! present and empty; folders are listed in creation order; `renameFolder` also takes
//! `newpath` (what `dx mv` sends) and refuses both keys at once; the name limit counts
//! characters; a path's 128 levels do not count the root.
//!
//! Every case works in its own scratch project, in folders it names itself, so cases stay
//! independent against any endpoint.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{
    Access, CASE, Case,
    Check::{self, *},
    Kind, Need, Ord, Step, Who, post, raw,
};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::FOLDERS;
use super::records::RECORD_DESCRIBE;

const NEW: &str = "#api-method-class-xxxx-newfolder";
const LIST: &str = "#api-method-class-xxxx-listfolder";
const RMDIR: &str = "#api-method-class-xxxx-removefolder";
const RENAME: &str = "#api-method-class-xxxx-renamefolder";
const MOVE: &str = "#api-method-class-xxxx-move";
const RMOBJ: &str = "#api-method-class-xxxx-removeobjects";

const fn it(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &FOLDERS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ================= the folder rules of the page =================
    it(
        "folders#rule.root",
        "",
        Rule,
        Must,
        "The root folder `/` always exists: in a new container, listFolder of `/` succeeds.",
    ),
    it(
        "folders#rule.root-default",
        "",
        Rule,
        Must,
        "The root is the default destination of created objects: a record made without `folder` describes with `folder: \"/\"` and is listed in `/`.",
    ),
    it(
        "folders#rule.root-not-moved",
        "",
        Rule,
        Must,
        "The root cannot be moved: a move naming `/` in `folders` is refused and nothing moves.",
    ),
    it(
        "folders#rule.one-folder",
        "",
        Rule,
        Must,
        "An object is in exactly one folder (per container): after a move it is listed in the destination and no longer in its old folder.",
    ),
    it(
        "folders#rule.no-cycles",
        "",
        Rule,
        Must,
        "Cycles are prohibited: moving a folder into itself or into one of its own subfolders is refused and the tree is unchanged.",
    ),
    it(
        "folders#rule.renamed-moved-removed",
        "",
        Rule,
        Must,
        "Folders can be renamed, moved and removed: an empty folder is removed by removeFolder and no longer listed.",
    ),
    it(
        "folders#rule.name.dot",
        "",
        Rule,
        Must,
        "A folder name is not `.` or `..`: a path with such a component is refused (newFolder creates nothing).",
    ),
    it(
        "folders#rule.name.control",
        "",
        Rule,
        Must,
        "A folder name does not match `[\\x00-\\x1F]`: a path holding a control character (U+0001, tab, newline, U+001F) is refused.",
    ),
    it(
        "folders#rule.name.utf8",
        "",
        Rule,
        Must,
        "A folder name is a UTF-8 string: non-ASCII names (`é`, `日本`, an emoji) and U+007F (outside `[\\x00-\\x1F]`) are accepted and listed back as given.",
    ),
    it(
        "folders#rule.name.max",
        "",
        Rule,
        Must,
        "(Newer revision) a folder name holds 1 to 2,048 characters: a 2,048-character ASCII name is accepted.",
    ),
    it(
        "folders#rule.name.over-max",
        "",
        Rule,
        Must,
        "(Newer revision) a 2,049-character folder name is refused.",
    ),
    it(
        "folders#rule.name.max.chars",
        "",
        Rule,
        Should,
        "[INFERRED] \"2,048 characters in UTF-8 encoding\" could count bytes or characters; our reading counts characters: a name of 2,048 `é` (4,096 bytes) is accepted.",
    ),
    it(
        "folders#rule.path.max",
        "",
        Rule,
        Must,
        "(Newer revision) a full path is under 10,240 characters: a 10,239-character path is accepted.",
    ),
    it(
        "folders#rule.path.over-max",
        "",
        Rule,
        Must,
        "(Newer revision) a 10,240-character full path is refused.",
    ),
    it(
        "folders#rule.path.levels",
        "",
        Rule,
        Must,
        "(Newer revision) a full path has at most 128 nested levels: a path of 129 components is refused (whether or not the root counts as a level).",
    ),
    it(
        "folders#rule.path.levels.root",
        "",
        Rule,
        Should,
        "[INFERRED] The 128 levels do not count the root (our reading of silent docs): a path of 128 components is accepted.",
    ),
    it(
        "folders#rule.normalise.repeated",
        "",
        Rule,
        Must,
        "Consecutive `/` in a full path are read as one: `/a//b` names `/a/b`.",
    ),
    it(
        "folders#rule.normalise.trailing",
        "",
        Rule,
        Must,
        "Trailing `/` in a full path are ignored: `/a/` names `/a`.",
    ),
    it(
        "folders#rule.input.error-type",
        "",
        Rule,
        Should,
        "[INFERRED] A folder path refused by the naming rules (a `.`/`..` component, a control character, a name or path too long, too many levels) is InvalidInput, the type the routes give malformed folder inputs.",
    ),
    it(
        "folders#rule.deletion.hidden",
        "",
        Rule,
        Must,
        "Removing objects also removes the hidden objects that are no longer reachable through links from a visible object in the same container.",
    ),
    it(
        "folders#rule.deletion.hidden-transitive",
        "",
        Rule,
        Must,
        "Reachability follows one or more links: a hidden object reached only through another hidden object that the removal cuts off is removed too.",
    ),
    it(
        "folders#rule.deletion.hidden-kept",
        "",
        Rule,
        Must,
        "A hidden object still reachable from another visible object in the container is not removed.",
    ),
    it(
        "folders#rule.deletion.hidden-unlinked",
        "",
        Rule,
        Should,
        "[INFERRED] A hidden object that no visible object linked to before the removal is left alone (it was not reachable, so it is not \"no longer\" reachable).",
    ),
    it(
        "folders#rule.deletion.any-state",
        "",
        Rule,
        Must,
        "Objects in any state can be removed: an open record and a closed record are both removed.",
    ),
    it(
        "folders#rule.deletion.final",
        "",
        Rule,
        Must,
        "Removal cannot be undone: a removed object is no longer listed, and removing it again finds nothing to remove.",
    ),
    it(
        "folders#rule.deletion.describe-gone",
        "",
        Rule,
        Should,
        "[OBSERVED] After removal from its only project, describe of the object in that project is ResourceNotFound.",
    ),
    it(
        "folders#rule.protected-delete",
        "",
        Rule,
        Must,
        "Deleting needs CONTRIBUTE only while the container's `protected` flag is false (permission table): in a protected project a CONTRIBUTE member is refused (PermissionDenied) and ADMINISTER may delete.",
    ),
    // ================= /class-xxxx/newFolder =================
    it(
        "project/newFolder#input.folder",
        NEW,
        Input,
        Must,
        "`folder` (string): the full path of the new folder; it is created and listed in its parent.",
    ),
    it(
        "project/newFolder#input.parents",
        NEW,
        Input,
        Must,
        "`parents: true` creates the missing parent folders too.",
    ),
    it(
        "project/newFolder#input.parents.default",
        NEW,
        Input,
        Must,
        "`parents` defaults to false: without it a missing parent is an error and nothing is created.",
    ),
    it(
        "project/newFolder#input.project-tolerated",
        NEW,
        Input,
        Should,
        "[CLIENT] dxfuse also sends a `project` key in the body; it is tolerated (unknown keys are ignored).",
    ),
    it(
        "project/newFolder#output.id",
        NEW,
        Output,
        Must,
        "`id` (string): the ID of the manipulated data container, the one in the URL.",
    ),
    it(
        "project/newFolder#error.InvalidInput.not-hash",
        NEW,
        Error,
        Must,
        "InvalidInput: the input is not a hash (a JSON array body).",
    ),
    it(
        "project/newFolder#error.InvalidInput.folder",
        NEW,
        Error,
        Must,
        "InvalidInput: `folder` is missing, or is not a nonempty string starting with `/`.",
    ),
    it(
        "project/newFolder#error.InvalidInput.parents",
        NEW,
        Error,
        Must,
        "InvalidInput: `parents` is present but is not a boolean.",
    ),
    it(
        "project/newFolder#error.ResourceNotFound.container",
        NEW,
        Error,
        Must,
        "ResourceNotFound: the specified data container does not exist.",
    ),
    it(
        "project/newFolder#error.ResourceNotFound.parent",
        NEW,
        Error,
        Must,
        "ResourceNotFound: `parents` is false and the parent folder of `folder` does not exist.",
    ),
    it(
        "project/newFolder#error.InvalidState.exists",
        NEW,
        Error,
        Must,
        "InvalidState: the folder already exists and `parents` was not set to true.",
    ),
    it(
        "project/newFolder#rule.parents-idempotent",
        NEW,
        Rule,
        Must,
        "With `parents: true` an existing folder is not an error: the call succeeds again and the folder is listed once.",
    ),
    it(
        "project/newFolder#rule.root-exists",
        NEW,
        Rule,
        Should,
        "[INFERRED] newFolder of `/` without `parents` is InvalidState: the root always exists.",
    ),
    it(
        "project/newFolder#error.PermissionDenied",
        NEW,
        Error,
        Must,
        "PermissionDenied: creating folders needs UPLOAD (permission table); VIEW is not enough.",
    ),
    // ================= /class-xxxx/listFolder =================
    it(
        "project/listFolder#input.folder",
        LIST,
        Input,
        Must,
        "`folder` (string): the folder whose contents are listed.",
    ),
    it(
        "project/listFolder#input.folder.default",
        LIST,
        Input,
        Must,
        "`folder` defaults to `/`: `{}` lists the root.",
    ),
    it(
        "project/listFolder#input.describe.false",
        LIST,
        Input,
        Must,
        "`describe: false` (the default): no metadata is retrieved, the entries carry no `describe`.",
    ),
    it(
        "project/listFolder#input.describe.true",
        LIST,
        Input,
        Must,
        "`describe: true` is the empty describe input: each entry's `describe` holds the default describe fields.",
    ),
    it(
        "project/listFolder#input.describe.mapping",
        LIST,
        Input,
        Must,
        "`describe` as a mapping is the input each object's describe is called with (`{\"fields\": {\"name\": true}}` answers `name` and leaves out the other default fields).",
    ),
    it(
        "project/listFolder#input.describe.invalid",
        LIST,
        Input,
        Should,
        "[INFERRED] `describe` that is neither a boolean nor a mapping is InvalidInput.",
    ),
    it(
        "project/listFolder#input.only",
        LIST,
        Input,
        Must,
        "`only`: `folders` returns only folders, `objects` only objects, `all` (the default) both.",
    ),
    it(
        "project/listFolder#input.only.invalid",
        LIST,
        Input,
        Should,
        "[INFERRED] `only` other than `folders`, `objects` or `all` is InvalidInput.",
    ),
    it(
        "project/listFolder#input.includeHidden",
        LIST,
        Input,
        Must,
        "`includeHidden: true` also returns hidden objects in `objects`.",
    ),
    it(
        "project/listFolder#input.includeHidden.default",
        LIST,
        Input,
        Must,
        "`includeHidden` defaults to false: hidden objects are not returned.",
    ),
    it(
        "project/listFolder#input.includeHidden.only-folders",
        LIST,
        Input,
        Must,
        "`includeHidden` applies only when objects are returned: with `only: folders` no object is returned even with `includeHidden: true`.",
    ),
    it(
        "project/listFolder#input.hasSubfolderFlags",
        LIST,
        Input,
        Must,
        "`hasSubfolderFlags` (boolean, default false) is accepted: the listing still names every immediate subfolder.",
    ),
    it(
        "project/listFolder#output.hasSubfolderFlags",
        LIST,
        Output,
        Should,
        "[SILENT] The docs do not give the `folders` shape with `hasSubfolderFlags: true`; our reading: each entry is `[path, hasSubfolders]`.",
    ),
    it(
        "project/listFolder#input.dx-ls",
        LIST,
        Input,
        Should,
        "[CLIENT] The exact bodies `dx ls` and `dx cd` send (`describe` with `fields`, `only`, `includeHidden: false`) are answered.",
    ),
    it(
        "project/listFolder#output.objects",
        LIST,
        Output,
        Must,
        "`objects`: an array with a mapping per data object directly in the folder, holding its `id`.",
    ),
    it(
        "project/listFolder#output.objects.exact",
        LIST,
        Output,
        Should,
        "[OBSERVED] Without `describe`, each entry of `objects` is exactly `{\"id\"}`.",
    ),
    it(
        "project/listFolder#output.objects.describe",
        LIST,
        Output,
        Must,
        "With `describe` true or a mapping, every entry of `objects` holds `describe`, the output of the object's describe ([CLIENT] `dx ls` fails on an entry without it).",
    ),
    it(
        "project/listFolder#output.folders",
        LIST,
        Output,
        Must,
        "`folders`: an array of strings, the full paths of the folders directly in the listed folder (`/a/b` inside `/a`, not `b`).",
    ),
    it(
        "project/listFolder#output.folders.immediate",
        LIST,
        Output,
        Must,
        "Only immediate subfolders are listed: `/a/b` is not listed in `/`.",
    ),
    it(
        "project/listFolder#output.objects.immediate",
        LIST,
        Output,
        Must,
        "`objects` holds the objects in the folder itself: an object in a subfolder is not listed in its parent.",
    ),
    it(
        "project/listFolder#output.order",
        LIST,
        Output,
        Should,
        "[OBSERVED] [INFERRED] Folders are listed in creation order (after a move of `/a/b/c/d` into `/a`, listing `/a` gives `[\"/a/b\", \"/a/d\"]`).",
    ),
    it(
        "project/listFolder#output.keys",
        LIST,
        Output,
        Should,
        "[INFERRED] Both `objects` and `folders` are always present; with `only` the other list is empty (dx-toolkit's mock answers both).",
    ),
    it(
        "project/listFolder#output.empty",
        LIST,
        Output,
        Should,
        "[OBSERVED] An empty project's root lists as `{\"folders\": [], \"objects\": []}`.",
    ),
    it(
        "project/listFolder#error.InvalidInput.folder",
        LIST,
        Error,
        Must,
        "InvalidInput: `folder` is not a nonempty string starting with `/`.",
    ),
    it(
        "project/listFolder#error.InvalidInput.flags",
        LIST,
        Error,
        Should,
        "[INFERRED] InvalidInput: `includeHidden` or `hasSubfolderFlags` is not a boolean.",
    ),
    it(
        "project/listFolder#error.ResourceNotFound.folder",
        LIST,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the folder does not exist ([CLIENT] `dx mv` relies on this to decide a destination is new).",
    ),
    it(
        "project/listFolder#error.ResourceNotFound.container",
        LIST,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the data container does not exist.",
    ),
    it(
        "project/listFolder#error.PermissionDenied",
        LIST,
        Error,
        Must,
        "Listing is reading: VIEW suffices (permission table), and a caller without access is refused.",
    ),
    // ================= /class-xxxx/removeFolder =================
    it(
        "project/removeFolder#input.folder",
        RMDIR,
        Input,
        Should,
        "[CLIENT] `folder` (string): the folder to remove; required (missing or not a folder path is InvalidInput).",
    ),
    it(
        "project/removeFolder#input.recurse",
        RMDIR,
        Input,
        Should,
        "[CLIENT] `recurse: true` removes the folder with every object and subfolder in it.",
    ),
    it(
        "project/removeFolder#error.InvalidState.not-empty",
        RMDIR,
        Error,
        Should,
        "[OBSERVED] A folder holding objects or subfolders is not removed without `recurse`; [INFERRED] InvalidState; nothing is removed.",
    ),
    it(
        "project/removeFolder#input.force",
        RMDIR,
        Input,
        Should,
        "[CLIENT] `force: true`: a folder that does not exist is not an error.",
    ),
    it(
        "project/removeFolder#error.ResourceNotFound.folder",
        RMDIR,
        Error,
        Should,
        "[OBSERVED] [INFERRED] Removing a folder that does not exist, without `force`, is ResourceNotFound.",
    ),
    it(
        "project/removeFolder#input.partial",
        RMDIR,
        Input,
        Should,
        "[CLIENT] `partial: true` lets the server do part of the work per call; dxpy repeats the call until `completed` is true, and then the folder is gone.",
    ),
    it(
        "project/removeFolder#output.completed",
        RMDIR,
        Output,
        Should,
        "[CLIENT] With `partial: true` the answer holds `completed` (boolean); dxpy treats an answer without it as an error.",
    ),
    it(
        "project/removeFolder#output.id",
        RMDIR,
        Output,
        Should,
        "[CLIENT] `id` (string): the container's ID.",
    ),
    it(
        "project/removeFolder#error.root",
        RMDIR,
        Error,
        Must,
        "The root `/` cannot be removed (page rule): removeFolder of `/` (even with `recurse`) is refused and nothing is removed.",
    ),
    it(
        "project/removeFolder#error.root.type",
        RMDIR,
        Error,
        Should,
        "[INFERRED] Removing the root is InvalidInput ([OBSERVED] `dx rm -r /` is refused).",
    ),
    it(
        "project/removeFolder#rule.normalised",
        RMDIR,
        Rule,
        Must,
        "The path is normalised like every full path ([OBSERVED] `\"/a//b////c/\"` removed `/a/b/c`).",
    ),
    it(
        "project/removeFolder#rule.empty-needs-upload",
        RMDIR,
        Rule,
        Should,
        "[SILENT] Removing an empty folder deletes no object; our reading: UPLOAD (which creates folders) suffices.",
    ),
    it(
        "project/removeFolder#error.PermissionDenied",
        RMDIR,
        Error,
        Must,
        "Removing a folder with objects deletes them, which needs CONTRIBUTE (permission table): UPLOAD is refused with PermissionDenied.",
    ),
    // ================= /class-xxxx/renameFolder =================
    it(
        "project/renameFolder#input.folder",
        RENAME,
        Input,
        Must,
        "`folder` (string): the folder to rename.",
    ),
    it(
        "project/renameFolder#input.name",
        RENAME,
        Input,
        Must,
        "`name` (string): the new basename; only the last path component changes (`/p/old` becomes `/p/new`).",
    ),
    it(
        "project/renameFolder#input.newpath",
        RENAME,
        Input,
        Should,
        "[OBSERVED] `dx mv /old /new` sends `{\"folder\", \"newpath\"}` (a full new path) and the platform renames: `newpath` is accepted in place of `name` (the docs name only `name`; our reading: one of the two is required, both at once is InvalidInput).",
    ),
    it(
        "project/renameFolder#output.id",
        RENAME,
        Output,
        Must,
        "`id` (string): the ID of the manipulated data container.",
    ),
    it(
        "project/renameFolder#rule.contents-follow",
        RENAME,
        Rule,
        Must,
        "Renaming a folder keeps what it holds: its objects and subfolders are found under the new path (and describe `folder` says so) and nothing is left under the old one.",
    ),
    it(
        "project/renameFolder#rule.same-name",
        RENAME,
        Rule,
        Should,
        "[INFERRED] Renaming a folder to its own name succeeds and changes nothing.",
    ),
    it(
        "project/renameFolder#error.InvalidInput.folder",
        RENAME,
        Error,
        Must,
        "InvalidInput: `folder` is missing or is not a nonempty string starting with `/`.",
    ),
    it(
        "project/renameFolder#error.InvalidInput.root",
        RENAME,
        Error,
        Must,
        "InvalidInput: `folder` is `/` (the root cannot be renamed).",
    ),
    it(
        "project/renameFolder#error.InvalidInput.name",
        RENAME,
        Error,
        Must,
        "InvalidInput: `name` is missing (and, our reading, no `newpath` is given) or is not a nonempty string with no `/`.",
    ),
    it(
        "project/renameFolder#error.InvalidInput.name-rules",
        RENAME,
        Error,
        Must,
        "The new name follows the folder name rules: `.`, `..` or a control character is refused ([INFERRED] InvalidInput).",
    ),
    it(
        "project/renameFolder#error.ResourceNotFound.folder",
        RENAME,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the folder to rename does not exist.",
    ),
    it(
        "project/renameFolder#error.InvalidState.exists",
        RENAME,
        Error,
        Should,
        "[INFERRED] InvalidState: a folder with the target path already exists; neither folder changes.",
    ),
    it(
        "project/renameFolder#error.PermissionDenied",
        RENAME,
        Error,
        Should,
        "[SILENT] The level renameFolder needs; our reading: UPLOAD (it deletes nothing), VIEW is refused.",
    ),
    // ================= /class-xxxx/move =================
    it(
        "project/move#input.objects",
        MOVE,
        Input,
        Should,
        "[CLIENT] `objects` (array of IDs): the objects to move into `destination`.",
    ),
    it(
        "project/move#input.folders",
        MOVE,
        Input,
        Should,
        "[CLIENT] `folders` (array of full paths): the folders to move; a folder moves with everything in it.",
    ),
    it(
        "project/move#input.destination",
        MOVE,
        Input,
        Should,
        "[CLIENT] `destination` (string): the folder, in the same container, that receives what is moved; required.",
    ),
    it(
        "project/move#input.targetFileRelocation",
        MOVE,
        Input,
        Should,
        "[CLIENT] `targetFileRelocation: false` (what `dx mv` sends) is accepted.",
    ),
    it(
        "project/move#output.id",
        MOVE,
        Output,
        Should,
        "[CLIENT] `id` (string): the container's ID.",
    ),
    it(
        "project/move#rule.basename",
        MOVE,
        Rule,
        Should,
        "[CLIENT] [OBSERVED] A moved folder lands as `destination/<basename>`: moving `/a/b/c/d` into `/a` gives `/a/d`, with its contents.",
    ),
    it(
        "project/move#rule.explicit-inside-folder",
        MOVE,
        Rule,
        Should,
        "[CLIENT] An object listed in `objects` that also sits inside a listed folder is placed directly in `destination`.",
    ),
    it(
        "project/move#rule.describe-agrees",
        MOVE,
        Rule,
        Should,
        "[OBSERVED] A moved record's describe `folder` agrees with listFolder.",
    ),
    it(
        "project/move#error.root.type",
        MOVE,
        Error,
        Should,
        "[INFERRED] Moving the root, or a folder into itself, is InvalidInput.",
    ),
    it(
        "project/move#error.ResourceNotFound.destination",
        MOVE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: `destination` does not exist; nothing moves.",
    ),
    it(
        "project/move#error.ResourceNotFound.object",
        MOVE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: an object in `objects` is not in the container; nothing moves.",
    ),
    it(
        "project/move#error.ResourceNotFound.folder",
        MOVE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: a folder in `folders` does not exist.",
    ),
    it(
        "project/move#error.InvalidState.exists",
        MOVE,
        Error,
        Should,
        "[INFERRED] InvalidState: the destination already holds a folder with a moved folder's name.",
    ),
    it(
        "project/move#error.InvalidInput",
        MOVE,
        Error,
        Should,
        "[INFERRED] InvalidInput: `destination` missing or not a folder path, `objects` not an array of IDs.",
    ),
    it(
        "project/move#error.PermissionDenied",
        MOVE,
        Error,
        Should,
        "[SILENT] The level move needs; our reading: UPLOAD (it places objects, deleting nothing), VIEW is refused.",
    ),
    // ================= /class-xxxx/removeObjects =================
    it(
        "project/removeObjects#input.objects",
        RMOBJ,
        Input,
        Should,
        "[CLIENT] `objects` (array of IDs): the objects removed from the container; required.",
    ),
    it(
        "project/removeObjects#input.force",
        RMOBJ,
        Input,
        Should,
        "[CLIENT] `force: true`: IDs that are not found are ignored and the others are removed.",
    ),
    it(
        "project/removeObjects#error.ResourceNotFound",
        RMOBJ,
        Error,
        Should,
        "[INFERRED] Without `force`, an ID not in the container is ResourceNotFound and nothing is removed.",
    ),
    it(
        "project/removeObjects#output.id",
        RMOBJ,
        Output,
        Should,
        "[CLIENT] `id` (string): the container's ID.",
    ),
    it(
        "project/removeObjects#rule.listed-no-more",
        RMOBJ,
        Rule,
        Should,
        "[OBSERVED] After removal listFolder no longer shows the object (and the other objects stay).",
    ),
    it(
        "project/removeObjects#error.PermissionDenied",
        RMOBJ,
        Error,
        Must,
        "PermissionDenied: removing objects needs CONTRIBUTE (permission table); UPLOAD is refused.",
    ),
    it(
        "project/removeObjects#error.PermissionDenied.protected",
        RMOBJ,
        Error,
        Must,
        "PermissionDenied: in a `protected` project CONTRIBUTE no longer deletes; ADMINISTER is needed.",
    ),
];

/// What newFolder answers: the container's ID.
static NEW_ANSWER: Shape = Shape::Object(&[Field::new("id", "project/newFolder#output.id")]);

/// What renameFolder answers.
static RENAME_ANSWER: Shape = Shape::Object(&[Field::new("id", "project/renameFolder#output.id")]);

/// What move answers.
static MOVE_ANSWER: Shape = Shape::Object(&[Field::new("id", "project/move#output.id")]);

/// What removeObjects answers.
static REMOVE_OBJECTS_ANSWER: Shape =
    Shape::Object(&[Field::new("id", "project/removeObjects#output.id")]);

/// What removeFolder answers: the ID, and `completed` when `partial` was asked for.
static REMOVE_FOLDER_ANSWER: Shape = Shape::Object(&[
    Field::new("id", "project/removeFolder#output.id"),
    Field::new("completed", "project/removeFolder#output.completed"),
]);

/// One entry of listFolder's `objects`: the ID, and the object's describe when asked for.
static LIST_ENTRY: Shape = Shape::Object(&[
    Field::new("id", "project/listFolder#output.objects"),
    Field::new("describe", "project/listFolder#output.objects.describe").of(RECORD_DESCRIBE),
]);

/// What listFolder answers.
static LIST_ANSWER: Shape = Shape::Object(&[
    Field::new("objects", "project/listFolder#output.objects").of(Shape::Array(&LIST_ENTRY)),
    Field::new("folders", "project/listFolder#output.folders"),
]);

/// A record made with `body`, remembered as `$NAME`. It proves record/new's own output,
/// so a failure there is reported at record/new's level, not the folder fact's. (The
/// cloning table uses it and `mkdir!` too.)
macro_rules! rec {
    ($name:literal, $body:literal) => {
        post("/record/new", $body)
            .proves(&["record/new#output.id"])
            .capture(&[($name, "/id")])
    };
}

/// A folder (with its parents) made for a case's setup: it proves newFolder's `parents`.
macro_rules! mkdir {
    ($path:literal) => {
        post(
            "/$project/newFolder",
            concat!(r#"{"folder": ""#, $path, r#"", "parents": true}"#),
        )
        .proves(&["project/newFolder#input.parents"])
    };
}
pub(super) use {mkdir, rec};

/// An open record in the root of `$project`, as `$rec`.
const REC: Step = rec!("rec", r#"{"project": "$project"}"#);

/// Remove `$rec` from `$project`, as the owner.
const REMOVE_REC: Step = post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#);

/// A listFolder of `$project` by the owner.
const fn ls(body: &'static str) -> Step {
    post("/$project/listFolder", body)
}

/// A newFolder of `$project` by the owner.
const fn new_folder(body: &'static str) -> Step {
    post("/$project/newFolder", body)
}

/// The check that a refused folder input was refused as InvalidInput (a reading).
const INVALID_INPUT: Check = On(
    "folders#rule.input.error-type",
    &[Eq("/error/type", r#""InvalidInput""#)],
);

/// The check that a refused move was refused as InvalidInput (a reading).
const MOVE_INVALID_INPUT: Check = On(
    "project/move#error.root.type",
    &[Eq("/error/type", r#""InvalidInput""#)],
);

/// Make `$project` protected, as its administrator.
const PROTECT: Step =
    post("/$project/update", r#"{"protected": true}"#).proves(&["project/update#input.protected"]);

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "folders::new_folder",
        item: "project/newFolder#error.PermissionDenied",
        object: Object::Project,
        open: Access::Upload,
        call: post("/$project/newFolder", r#"{"folder": "/perm-new"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "folders::list_folder",
        item: "project/listFolder#error.PermissionDenied",
        object: Object::Project,
        open: Access::View,
        call: post("/$project/listFolder", r#"{"folder": "/"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "folders::remove_folder",
        item: "project/removeFolder#error.PermissionDenied",
        object: Object::Project,
        open: Access::Contribute,
        protected: Some((Access::Administer, "folders#rule.protected-delete")),
        setup: &[
            mkdir!("/perm-rm"),
            rec!("held", r#"{"project": "$project", "folder": "/perm-rm"}"#),
        ],
        call: post(
            "/$project/removeFolder",
            r#"{"folder": "/perm-rm", "recurse": true}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "folders::rename_folder",
        item: "project/renameFolder#error.PermissionDenied",
        object: Object::Project,
        open: Access::Upload,
        setup: &[mkdir!("/perm-old")],
        call: post(
            "/$project/renameFolder",
            r#"{"folder": "/perm-old", "name": "perm-new"}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "folders::move",
        item: "project/move#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Upload,
        setup: &[mkdir!("/perm-dest")],
        call: post(
            "/$project/move",
            r#"{"objects": ["$obj"], "destination": "/perm-dest"}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "folders::remove_objects",
        item: "project/removeObjects#error.PermissionDenied",
        object: Object::Both,
        open: Access::Contribute,
        closed: Access::Contribute,
        protected: Some((
            Access::Administer,
            "project/removeObjects#error.PermissionDenied.protected",
        )),
        call: post("/$project/removeObjects", r#"{"objects": ["$obj"]}"#),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= the root =================
    Case {
        name: "folders::root::exists_in_new_project",
        items: &["folders#rule.root"],
        summary: "a new project's root `/` can be listed without creating it",
        steps: &[ls(r#"{"folder": "/"}"#).check(&[
            Is("/folders", Kind::StringArray),
            Is("/objects", Kind::Array),
        ])],
        ..CASE
    },
    Case {
        name: "folders::root::default_destination",
        items: &["folders#rule.root-default"],
        summary: "a record made without `folder` is in `/`: describe says so and listing `/` shows it",
        steps: &[
            REC,
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/""#)]),
            ls("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::root::not_moved",
        items: &["folders#rule.root-not-moved"],
        summary: "a move of `/` into a subfolder is refused (InvalidInput: our reading) and the subfolder stays empty",
        steps: &[
            mkdir!("/rootmove"),
            post(
                "/$project/move",
                r#"{"folders": ["/"], "destination": "/rootmove"}"#,
            )
            .refused()
            .check(&[MOVE_INVALID_INPUT]),
            ls(r#"{"folder": "/rootmove"}"#).check(&[Eq("/folders", "[]")]),
            ls("{}").check(&[Contains("/folders", r#""/rootmove""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::root::not_removed_with_recurse",
        items: &["project/removeFolder#error.root"],
        summary: "removeFolder of `/` with `recurse` is refused (InvalidInput: our reading) and the root's record stays",
        steps: &[
            REC,
            post(
                "/$project/removeFolder",
                r#"{"folder": "/", "recurse": true}"#,
            )
            .refused()
            .check(&[On(
                "project/removeFolder#error.root.type",
                &[Eq("/error/type", r#""InvalidInput""#)],
            )]),
            ls("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::root::not_removed_empty",
        items: &["project/removeFolder#error.root"],
        summary: "removeFolder of `/` in an empty project is refused too (the root cannot be removed), also written `//`",
        steps: &[
            post("/$project/removeFolder", r#"{"folder": "/"}"#)
                .refused()
                .check(&[On(
                    "project/removeFolder#error.root.type",
                    &[Eq("/error/type", r#""InvalidInput""#)],
                )]),
            post("/$project/removeFolder", r#"{"folder": "//", "force": true}"#).refused(),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    // ================= one folder per object, no cycles, removable =================
    Case {
        name: "folders::one_folder::after_move",
        items: &["folders#rule.one-folder"],
        summary: "a record moved from `/` into `/one` is listed in `/one` and no longer in `/`",
        steps: &[
            mkdir!("/one"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/one"}"#,
            )
            .proves(&["project/move#input.objects"]),
            ls(r#"{"folder": "/one"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            ls(r#"{"folder": "/"}"#).check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::no_cycles::into_itself",
        items: &["folders#rule.no-cycles"],
        summary: "moving `/cyc` into `/cyc` is refused (InvalidInput: our reading) and `/cyc` stays where it was",
        steps: &[
            mkdir!("/cyc"),
            post(
                "/$project/move",
                r#"{"folders": ["/cyc"], "destination": "/cyc"}"#,
            )
            .refused()
            .check(&[MOVE_INVALID_INPUT]),
            ls("{}").check(&[Contains("/folders", r#""/cyc""#)]),
            ls(r#"{"folder": "/cyc"}"#).check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::no_cycles::into_own_subfolder",
        items: &["folders#rule.no-cycles"],
        summary: "moving `/cyc` into its own subfolder `/cyc/sub` is refused and the tree is unchanged",
        steps: &[
            mkdir!("/cyc/sub"),
            post(
                "/$project/move",
                r#"{"folders": ["/cyc"], "destination": "/cyc/sub"}"#,
            )
            .refused()
            .check(&[MOVE_INVALID_INPUT]),
            ls(r#"{"folder": "/cyc/sub"}"#).check(&[Eq("/folders", "[]")]),
            ls("{}").check(&[Contains("/folders", r#""/cyc""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::no_cycles::rename_into_itself",
        items: &["folders#rule.no-cycles"],
        summary: "renameFolder with a `newpath` inside the folder itself is refused and the folder keeps its path",
        steps: &[
            mkdir!("/rcyc"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/rcyc", "newpath": "/rcyc/inner"}"#,
            )
            .refused(),
            ls("{}").check(&[Contains("/folders", r#""/rcyc""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove::empty_folder",
        items: &["folders#rule.renamed-moved-removed"],
        summary: "an empty folder is removed by removeFolder and no longer listed",
        steps: &[
            mkdir!("/gone"),
            post("/$project/removeFolder", r#"{"folder": "/gone"}"#),
            ls("{}").check(&[Lacks("/folders", r#""/gone""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove::sibling_with_common_prefix_stays",
        items: &["folders#rule.renamed-moved-removed"],
        summary: "removing `/sib/a` with `recurse` leaves `/sib/ab` and its record alone (a path prefix is not a parent)",
        steps: &[
            mkdir!("/sib/a"),
            mkdir!("/sib/ab"),
            rec!("rec", r#"{"project": "$project", "folder": "/sib/ab"}"#),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/sib/a", "recurse": true}"#,
            )
            .proves(&["project/removeFolder#input.recurse"]),
            ls(r#"{"folder": "/sib"}"#).check(&[Eq("/folders", r#"["/sib/ab"]"#)]),
            ls(r#"{"folder": "/sib/ab"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    // ================= folder names =================
    Case {
        name: "folders::names::dot_refused",
        items: &["folders#rule.name.dot"],
        summary: "newFolder of `/dot/.` (with `parents`) is refused and creates nothing",
        steps: &[
            new_folder(r#"{"folder": "/dot/.", "parents": true}"#)
                .refused()
                .check(&[INVALID_INPUT]),
            ls("{}").check(&[Lacks("/folders", r#""/dot""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::dotdot_refused",
        items: &["folders#rule.name.dot"],
        summary: "newFolder of `/up/../x` (with `parents`) is refused and creates nothing",
        steps: &[
            new_folder(r#"{"folder": "/up/../x", "parents": true}"#)
                .refused()
                .check(&[INVALID_INPUT]),
            ls("{}").check(&[Lacks("/folders", r#""/up""#), Lacks("/folders", r#""/x""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::dotdot_alone_refused",
        items: &["folders#rule.name.dot"],
        summary: "newFolder of `/..` is refused",
        steps: &[new_folder(r#"{"folder": "/.."}"#)
            .refused()
            .check(&[INVALID_INPUT])],
        ..CASE
    },
    Case {
        name: "folders::names::control_soh_refused",
        items: &["folders#rule.name.control"],
        summary: "a folder name holding U+0001 is refused",
        steps: &[
            new_folder(r#"{"folder": "/ctl\u0001x"}"#)
                .refused()
                .check(&[INVALID_INPUT]),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::control_tab_refused",
        items: &["folders#rule.name.control"],
        summary: "a folder name holding a tab (U+0009) is refused",
        steps: &[new_folder(r#"{"folder": "/ctl\tx"}"#)
            .refused()
            .check(&[INVALID_INPUT])],
        ..CASE
    },
    Case {
        name: "folders::names::control_newline_refused",
        items: &["folders#rule.name.control"],
        summary: "a folder name holding a newline (U+000A) is refused",
        steps: &[new_folder(r#"{"folder": "/ctl\nx"}"#)
            .refused()
            .check(&[INVALID_INPUT])],
        ..CASE
    },
    Case {
        name: "folders::names::control_us_refused",
        items: &["folders#rule.name.control"],
        summary: "a folder name holding U+001F, the last character of `[\\x00-\\x1F]`, is refused",
        steps: &[new_folder(r#"{"folder": "/ctl\u001fx"}"#)
            .refused()
            .check(&[INVALID_INPUT])],
        ..CASE
    },
    Case {
        name: "folders::names::non_ascii_accepted",
        items: &["folders#rule.name.utf8"],
        summary: "folders named `é`, `日本` and an emoji are created and listed back as given",
        steps: &[
            new_folder(r#"{"folder": "/é"}"#),
            new_folder(r#"{"folder": "/日本"}"#),
            new_folder(r#"{"folder": "/\ud83d\udcc1"}"#),
            ls("{}").check(&[
                Contains("/folders", r#""/é""#),
                Contains("/folders", r#""/日本""#),
                Contains("/folders", r#""/📁""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::del_accepted",
        items: &["folders#rule.name.utf8"],
        summary: "U+007F is outside `[\\x00-\\x1F]`: a folder name holding it is accepted",
        steps: &[
            new_folder(r#"{"folder": "/del\u007fx"}"#),
            ls("{}").check(&[Contains("/folders", r#""/del\u007fx""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::max_length_accepted",
        items: &["folders#rule.name.max"],
        summary: "a folder name of 2,048 ASCII characters is accepted and listed",
        steps: &[
            new_folder(r#"{"folder": "/$pad(2048,z)"}"#),
            ls("{}").check(&[Contains("/folders", r#""/$pad(2048,z)""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::over_max_length_refused",
        items: &["folders#rule.name.over-max"],
        summary: "a folder name of 2,049 characters is refused and nothing is created",
        steps: &[
            new_folder(r#"{"folder": "/$pad(2049,z)"}"#)
                .refused()
                .check(&[INVALID_INPUT]),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::names::max_length_counts_characters",
        items: &["folders#rule.name.max.chars"],
        summary: "a name of 2,048 characters that is 2,049 UTF-8 bytes (one `é`) is accepted: the limit counts characters (our reading)",
        steps: &[
            new_folder(r#"{"folder": "/$pad(2049,é)"}"#),
            ls("{}").check(&[Contains("/folders", r#""/$pad(2049,é)""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::paths::max_length_accepted",
        items: &["folders#rule.path.max"],
        summary: "a full path of 10,239 characters (five long names) is accepted with `parents`",
        steps: &[
            new_folder(
                r#"{"folder": "/$pad(2047,b)/$pad(2047,c)/$pad(2047,d)/$pad(2047,e)/$pad(2046,f)", "parents": true}"#,
            ),
            ls(r#"{"folder": "/$pad(2047,b)/$pad(2047,c)/$pad(2047,d)/$pad(2047,e)"}"#).check(&[
                Contains(
                    "/folders",
                    r#""/$pad(2047,b)/$pad(2047,c)/$pad(2047,d)/$pad(2047,e)/$pad(2046,f)""#,
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::paths::over_max_length_refused",
        items: &["folders#rule.path.over-max"],
        summary: "a full path of 10,240 characters is refused and nothing is created",
        steps: &[
            new_folder(
                r#"{"folder": "/$pad(2047,b)/$pad(2047,c)/$pad(2047,d)/$pad(2047,e)/$pad(2047,f)", "parents": true}"#,
            )
            .refused()
            .check(&[INVALID_INPUT]),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::paths::levels_129_refused",
        items: &["folders#rule.path.levels"],
        summary: "a path of 129 nested folders is refused and nothing is created",
        steps: &[
            new_folder(concat!(
                r#"{"parents": true, "folder": ""#,
                "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a",
                "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a",
                "/a",
                r#""}"#
            ))
            .refused()
            .check(&[INVALID_INPUT]),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::paths::levels_128_accepted",
        items: &["folders#rule.path.levels.root"],
        summary: "a path of 128 nested folders is accepted (the root is not a level: our reading)",
        steps: &[new_folder(concat!(
            r#"{"parents": true, "folder": ""#,
            "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a",
            "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a",
            r#""}"#
        ))],
        ..CASE
    },
    // ================= normalisation =================
    Case {
        name: "folders::normalise::repeated_slashes_on_create",
        items: &["folders#rule.normalise.repeated"],
        summary: "newFolder of `/rep//sub` (with `parents`) creates `/rep/sub`, listed under that path",
        steps: &[
            new_folder(r#"{"folder": "/rep//sub", "parents": true}"#),
            ls(r#"{"folder": "/rep"}"#).check(&[Eq("/folders", r#"["/rep/sub"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::normalise::repeated_slashes_on_list",
        items: &["folders#rule.normalise.repeated"],
        summary: "listFolder of `//rep2///sub` lists `/rep2/sub`",
        steps: &[
            mkdir!("/rep2/sub"),
            rec!("rec", r#"{"project": "$project", "folder": "/rep2/sub"}"#),
            ls(r#"{"folder": "//rep2///sub"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::normalise::trailing_slash_on_create",
        items: &["folders#rule.normalise.trailing"],
        summary: "newFolder of `/trail/` creates `/trail`; newFolder of `/trail` then finds it existing (InvalidState)",
        steps: &[
            new_folder(r#"{"folder": "/trail/"}"#),
            ls("{}").check(&[Contains("/folders", r#""/trail""#)]),
            new_folder(r#"{"folder": "/trail"}"#)
                .fails(422, "InvalidState")
                .proves(&["project/newFolder#error.InvalidState.exists"]),
        ],
        ..CASE
    },
    Case {
        name: "folders::normalise::trailing_slash_on_list",
        items: &["folders#rule.normalise.trailing"],
        summary: "listFolder of `/trail2/` lists the contents of `/trail2`",
        steps: &[
            mkdir!("/trail2"),
            rec!("rec", r#"{"project": "$project", "folder": "/trail2"}"#),
            ls(r#"{"folder": "/trail2/"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::normalise::trailing_slash_on_move",
        items: &["folders#rule.normalise.trailing"],
        summary: "move with `destination: \"/trail3/\"` places the record in `/trail3`",
        steps: &[
            mkdir!("/trail3"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/trail3/"}"#,
            )
            .proves(&["project/move#input.destination"]),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/trail3""#)]),
        ],
        ..CASE
    },
    // ================= deletion =================
    Case {
        name: "folders::deletion::unreachable_hidden_removed",
        items: &["folders#rule.deletion.hidden"],
        summary: "removing the only visible record that links a hidden one removes the hidden one too",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "vis",
                r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            ls(r#"{"includeHidden": true}"#)
                .proves(&["project/listFolder#input.includeHidden"])
                .check(&[AnyHas("/objects", r#"{"id": "$hid"}"#)]),
            post("/$project/removeObjects", r#"{"objects": ["$vis"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            ls(r#"{"includeHidden": true}"#).check(&[
                NoneHas("/objects", r#"{"id": "$hid"}"#),
                NoneHas("/objects", r#"{"id": "$vis"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::unreachable_hidden_chain_removed",
        items: &["folders#rule.deletion.hidden-transitive"],
        summary: "visible → hidden → hidden: removing the visible record removes both hidden ones",
        steps: &[
            rec!("h2", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "h1",
                r#"{"project": "$project", "hidden": true, "close": true, "details": {"l": {"$dnanexus_link": "$h2"}}}"#
            ),
            rec!(
                "vis",
                r#"{"project": "$project", "details": [{"$dnanexus_link": "$h1"}]}"#
            ),
            post("/$project/removeObjects", r#"{"objects": ["$vis"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            ls(r#"{"includeHidden": true}"#).check(&[
                NoneHas("/objects", r#"{"id": "$h1"}"#),
                NoneHas("/objects", r#"{"id": "$h2"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::still_reachable_hidden_kept",
        items: &["folders#rule.deletion.hidden-kept"],
        summary: "a hidden record linked from two visible ones stays when one of them is removed",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true, "close": true}"#),
            rec!(
                "v1",
                r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            rec!(
                "v2",
                r#"{"project": "$project", "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            post("/$project/removeObjects", r#"{"objects": ["$v1"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            ls(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$hid"}"#),
                AnyHas("/objects", r#"{"id": "$v2"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::unlinked_hidden_left_alone",
        items: &["folders#rule.deletion.hidden-unlinked"],
        summary: "a hidden record no visible record links stays when an unrelated visible record is removed (our reading)",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            post("/$project/removeObjects", r#"{"objects": ["$vis"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            ls(r#"{"includeHidden": true}"#).check(&[AnyHas("/objects", r#"{"id": "$hid"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::remove_folder_takes_unreachable_hidden",
        items: &["folders#rule.deletion.hidden"],
        summary: "removeFolder with `recurse` of a folder whose record links a hidden one in `/` removes the hidden one too",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true, "close": true}"#),
            mkdir!("/dh"),
            rec!(
                "vis",
                r#"{"project": "$project", "folder": "/dh", "details": {"l": {"$dnanexus_link": "$hid"}}}"#
            ),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/dh", "recurse": true}"#,
            )
            .proves(&["project/removeFolder#input.recurse"]),
            ls(r#"{"includeHidden": true}"#).check(&[NoneHas("/objects", r#"{"id": "$hid"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::open_and_closed_removed",
        items: &["folders#rule.deletion.any-state"],
        summary: "removeObjects removes an open record and a closed record alike",
        steps: &[
            rec!("open", r#"{"project": "$project"}"#),
            rec!("closed", r#"{"project": "$project", "close": true}"#),
            post(
                "/$project/removeObjects",
                r#"{"objects": ["$open", "$closed"]}"#,
            ),
            ls("{}").check(&[
                NoneHas("/objects", r#"{"id": "$open"}"#),
                NoneHas("/objects", r#"{"id": "$closed"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::open_removed_with_folder",
        items: &["folders#rule.deletion.any-state"],
        summary: "removeFolder with `recurse` removes a folder holding an open record",
        steps: &[
            mkdir!("/openf"),
            rec!("open", r#"{"project": "$project", "folder": "/openf"}"#),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/openf", "recurse": true}"#,
            ),
            ls("{}").check(&[
                Lacks("/folders", r#""/openf""#),
                NoneHas("/objects", r#"{"id": "$open"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::cannot_be_undone",
        items: &["folders#rule.deletion.final"],
        summary: "a removed record is no longer listed, and removing it again is refused: there is nothing to remove",
        steps: &[
            rec!("rec", r#"{"project": "$project", "close": true}"#),
            REMOVE_REC,
            ls("{}").check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
            REMOVE_REC
                .refused()
                .check(&[On(
                    "project/removeObjects#error.ResourceNotFound",
                    &[Eq("/error/type", r#""ResourceNotFound""#)],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::describe_after_removal",
        items: &["folders#rule.deletion.describe-gone"],
        summary: "describe of a record removed from its only project is ResourceNotFound",
        steps: &[
            REC,
            REMOVE_REC
                .proves(&["project/removeObjects#input.objects"]),
            post("/$rec/describe", r#"{"project": "$project"}"#).fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "folders::deletion::protected_needs_administer",
        items: &["folders#rule.protected-delete"],
        summary: "in a protected project a CONTRIBUTE member may not remove a record (PermissionDenied); its administrator may",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            rec!("rec", r#"{"project": "$project", "close": true}"#),
            PROTECT,
            REMOVE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            ls("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
            REMOVE_REC,
            ls("{}").check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "folders::deletion::protected_folder_needs_administer",
        items: &["folders#rule.protected-delete"],
        summary: "in a protected project a CONTRIBUTE member may not remove a folder holding a record (PermissionDenied)",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            mkdir!("/pf"),
            rec!("rec", r#"{"project": "$project", "folder": "/pf"}"#),
            PROTECT,
            post(
                "/$project/removeFolder",
                r#"{"folder": "/pf", "recurse": true}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            ls(r#"{"folder": "/pf"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    // ================= newFolder =================
    Case {
        name: "folders::new_folder::creates_in_root",
        items: &["project/newFolder#input.folder"],
        summary: "newFolder of `/made` creates it: listing `/` shows it, and it can be listed itself",
        steps: &[
            new_folder(r#"{"folder": "/made"}"#),
            ls("{}").check(&[Contains("/folders", r#""/made""#)]),
            ls(r#"{"folder": "/made"}"#).check(&[Eq("/folders", "[]"), Eq("/objects", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::creates_in_existing_parent",
        items: &["project/newFolder#input.folder"],
        summary: "newFolder of `/par/child` without `parents` works when `/par` exists",
        steps: &[
            mkdir!("/par"),
            new_folder(r#"{"folder": "/par/child"}"#),
            ls(r#"{"folder": "/par"}"#).check(&[Eq("/folders", r#"["/par/child"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::answers_container_id",
        items: &["project/newFolder#output.id"],
        summary: "newFolder answers `{\"id\"}`, the project's own ID",
        steps: &[new_folder(r#"{"folder": "/idf"}"#)
            .check(&[Eq("/id", r#""$project""#)])
            .snapshot_as(&NEW_ANSWER)],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_creates_ancestors",
        items: &["project/newFolder#input.parents"],
        summary: "`parents: true` creates `/p1`, `/p1/p2` and `/p1/p2/p3` at once",
        steps: &[
            new_folder(r#"{"folder": "/p1/p2/p3", "parents": true}"#),
            ls("{}").check(&[Contains("/folders", r#""/p1""#)]),
            ls(r#"{"folder": "/p1"}"#).check(&[Eq("/folders", r#"["/p1/p2"]"#)]),
            ls(r#"{"folder": "/p1/p2"}"#).check(&[Eq("/folders", r#"["/p1/p2/p3"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_default_false",
        items: &["project/newFolder#input.parents.default"],
        summary: "without `parents`, newFolder of `/q1/q2` when `/q1` is missing is refused and creates nothing",
        steps: &[
            new_folder(r#"{"folder": "/q1/q2"}"#).refused(),
            ls("{}").check(&[Lacks("/folders", r#""/q1""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::missing_parent_not_found",
        items: &["project/newFolder#error.ResourceNotFound.parent"],
        summary: "`parents: false` and a missing parent folder: ResourceNotFound",
        steps: &[new_folder(r#"{"folder": "/nop/child", "parents": false}"#)
            .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::missing_parent_deep_not_found",
        items: &["project/newFolder#error.ResourceNotFound.parent"],
        summary: "`/deep` exists but `/deep/mid` does not: newFolder of `/deep/mid/leaf` is ResourceNotFound",
        steps: &[
            mkdir!("/deep"),
            new_folder(r#"{"folder": "/deep/mid/leaf"}"#).fails(404, "ResourceNotFound"),
            ls(r#"{"folder": "/deep"}"#).check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::exists_invalid_state",
        items: &["project/newFolder#error.InvalidState.exists"],
        summary: "newFolder of a folder that exists, without `parents`, is InvalidState",
        steps: &[
            new_folder(r#"{"folder": "/twice"}"#),
            new_folder(r#"{"folder": "/twice"}"#)
                .fails(422, "InvalidState")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::exists_parents_false_invalid_state",
        items: &["project/newFolder#error.InvalidState.exists"],
        summary: "with `parents: false` explicitly, an existing nested folder is InvalidState too",
        steps: &[
            mkdir!("/tw/ice"),
            new_folder(r#"{"folder": "/tw/ice", "parents": false}"#).fails(422, "InvalidState"),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_idempotent",
        items: &["project/newFolder#rule.parents-idempotent"],
        summary: "newFolder of an existing folder with `parents: true` succeeds, and the folder is listed once",
        steps: &[
            new_folder(r#"{"folder": "/idem", "parents": true}"#),
            new_folder(r#"{"folder": "/idem", "parents": true}"#),
            ls("{}").check(&[Eq("/folders", r#"["/idem"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_over_existing_ancestors",
        items: &["project/newFolder#rule.parents-idempotent"],
        summary: "`/anc/x` exists: newFolder of `/anc` and of `/anc/x/y` with `parents` succeed and keep `/anc/x`",
        steps: &[
            mkdir!("/anc/x"),
            new_folder(r#"{"folder": "/anc", "parents": true}"#),
            new_folder(r#"{"folder": "/anc/x/y", "parents": true}"#),
            ls(r#"{"folder": "/anc"}"#).check(&[Eq("/folders", r#"["/anc/x"]"#)]),
            ls(r#"{"folder": "/anc/x"}"#).check(&[Eq("/folders", r#"["/anc/x/y"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::root_exists",
        items: &["project/newFolder#rule.root-exists"],
        summary: "newFolder of `/` without `parents` is InvalidState: the root exists already (our reading)",
        steps: &[new_folder(r#"{"folder": "/"}"#).fails(422, "InvalidState")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::project_key_tolerated",
        items: &["project/newFolder#input.project-tolerated"],
        summary: "a body with `project` beside `folder`, as dxfuse sends it, creates the folder",
        steps: &[
            new_folder(r#"{"folder": "/dxfuse", "project": "$project"}"#),
            ls("{}").check(&[Contains("/folders", r#""/dxfuse""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::not_a_hash",
        items: &["project/newFolder#error.InvalidInput.not-hash"],
        summary: "a JSON array body is InvalidInput (the input is not a hash)",
        steps: &[raw(
            "/$project/newFolder",
            r#"["/x"]"#,
            Some("application/json"),
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::folder_missing",
        items: &["project/newFolder#error.InvalidInput.folder"],
        summary: "a body without `folder` is InvalidInput",
        steps: &[new_folder(r#"{"parents": true}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::folder_not_string",
        items: &["project/newFolder#error.InvalidInput.folder"],
        summary: "`folder: 5` is InvalidInput",
        steps: &[new_folder(r#"{"folder": 5}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::folder_null",
        items: &["project/newFolder#error.InvalidInput.folder"],
        summary: "`folder: null` is InvalidInput",
        steps: &[new_folder(r#"{"folder": null}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::folder_empty",
        items: &["project/newFolder#error.InvalidInput.folder"],
        summary: "`folder: \"\"` is InvalidInput (not a nonempty string)",
        steps: &[new_folder(r#"{"folder": ""}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::folder_relative",
        items: &["project/newFolder#error.InvalidInput.folder"],
        summary: "`folder: \"rel/dir\"` (not starting with `/`) is InvalidInput and creates nothing",
        steps: &[
            new_folder(r#"{"folder": "rel/dir", "parents": true}"#).fails(422, "InvalidInput"),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_not_boolean",
        items: &["project/newFolder#error.InvalidInput.parents"],
        summary: "`parents: \"yes\"` is InvalidInput",
        steps: &[new_folder(r#"{"folder": "/pb", "parents": "yes"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::new_folder::parents_number",
        items: &["project/newFolder#error.InvalidInput.parents"],
        summary: "`parents: 1` is InvalidInput and creates nothing",
        steps: &[
            new_folder(r#"{"folder": "/pn", "parents": 1}"#).fails(422, "InvalidInput"),
            ls("{}").check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::new_folder::unknown_project",
        items: &["project/newFolder#error.ResourceNotFound.container"],
        summary: "newFolder in a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[post(
            "/project-0123456789BFGJKPQVXYZbfg/newFolder",
            r#"{"folder": "/x"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    // ================= listFolder =================
    Case {
        name: "folders::list_folder::named_folder",
        items: &["project/listFolder#input.folder"],
        summary: "listing `/lf` gives its record and its subfolder, not the root's record",
        steps: &[
            mkdir!("/lf/sub"),
            rec!("inside", r#"{"project": "$project", "folder": "/lf"}"#),
            rec!("outside", r#"{"project": "$project"}"#),
            ls(r#"{"folder": "/lf"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$inside"}"#),
                NoneHas("/objects", r#"{"id": "$outside"}"#),
                Contains("/folders", r#""/lf/sub""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::folder_defaults_to_root",
        items: &["project/listFolder#input.folder.default"],
        summary: "`{}` lists the root: its record and its folder",
        steps: &[
            mkdir!("/dr"),
            REC,
            ls("{}").check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Contains("/folders", r#""/dr""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_false_by_default",
        items: &["project/listFolder#input.describe.false"],
        summary: "without `describe`, and with `describe: false`, the entries carry no `describe`",
        steps: &[
            REC,
            ls("{}").check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Each("/objects", &[Absent("/describe")]),
            ]),
            ls(r#"{"describe": false}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Each("/objects", &[Absent("/describe")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_true",
        items: &["project/listFolder#input.describe.true"],
        summary: "`describe: true` gives each entry the default describe: its ID, class, name, folder and project",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "described"}"#),
            ls(r#"{"describe": true}"#).check(&[AnyHas(
                "/objects",
                r#"{"id": "$rec", "describe": {"id": "$rec", "class": "record", "name": "described", "folder": "/", "project": "$project", "state": "open", "hidden": false}}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_true_snapshot",
        items: &[
            "project/listFolder#output.objects",
            "project/listFolder#output.objects.describe",
        ],
        summary: "the whole answer for one closed record with `describe: true`: `objects` with `id` and the record's default describe, `folders`",
        steps: &[
            rec!(
                "rec",
                r#"{"project": "$project", "name": "snap", "tags": ["t"], "close": true}"#
            ),
            ls(r#"{"describe": true}"#)
                .check(&[
                    On(
                        "project/listFolder#output.objects",
                        &[Len("/objects", 1), Eq("/objects/0/id", r#""$rec""#)],
                    ),
                    On(
                        "project/listFolder#output.objects.describe",
                        &[Has("/objects/0/describe", r#"{"id": "$rec", "name": "snap", "state": "closed", "tags": ["t"]}"#)],
                    ),
                ])
                .snapshot_as(&LIST_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_mapping",
        items: &["project/listFolder#input.describe.mapping"],
        summary: "`describe: {\"fields\": {\"name\": true}}` is the describe input: `name` comes back, the unasked default `types` does not",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "picked", "types": ["T"]}"#),
            ls(r#"{"describe": {"fields": {"name": true}}}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec", "describe": {"name": "picked"}}"#),
                Each("/objects", &[Absent("/describe/types"), Absent("/describe/tags")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_mapping_details",
        items: &["project/listFolder#input.describe.mapping"],
        summary: "a describe input asking for `details` gives each entry its details",
        steps: &[
            rec!("rec", r#"{"project": "$project", "details": {"k": [1, 2]}}"#),
            ls(r#"{"describe": {"fields": {"details": true}}}"#).check(&[AnyHas(
                "/objects",
                r#"{"id": "$rec", "describe": {"details": {"k": [1, 2]}}}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_every_entry",
        items: &["project/listFolder#output.objects.describe"],
        summary: "with `describe` asked for, every one of three entries carries `describe`, each about its own ID",
        steps: &[
            rec!("a", r#"{"project": "$project"}"#),
            rec!("b", r#"{"project": "$project", "close": true}"#),
            rec!("c", r#"{"project": "$project", "hidden": true}"#),
            ls(r#"{"describe": true, "includeHidden": true}"#).check(&[
                Len("/objects", 3),
                Each("/objects", &[Is("/describe", Kind::Object), Is("/describe/id", Kind::Id("record"))]),
                AnyHas("/objects", r#"{"id": "$a", "describe": {"id": "$a"}}"#),
                AnyHas("/objects", r#"{"id": "$b", "describe": {"id": "$b"}}"#),
                AnyHas("/objects", r#"{"id": "$c", "describe": {"id": "$c", "hidden": true}}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::describe_invalid",
        items: &["project/listFolder#input.describe.invalid"],
        summary: "`describe: 5` is InvalidInput (our reading)",
        steps: &[ls(r#"{"describe": 5}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::only_folders",
        items: &[
            "project/listFolder#input.only",
            "project/listFolder#output.keys",
        ],
        summary: "`only: folders` lists the folder and no object (`objects` is there and empty: our reading)",
        steps: &[
            mkdir!("/of1"),
            REC,
            ls(r#"{"only": "folders"}"#)
                .proves(&["project/listFolder#input.only"])
                .check(&[
                On(
                    "project/listFolder#input.only",
                    &[Contains("/folders", r#""/of1""#)],
                ),
                On("project/listFolder#output.keys", &[Eq("/objects", "[]")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::only_objects",
        items: &[
            "project/listFolder#input.only",
            "project/listFolder#output.keys",
        ],
        summary: "`only: objects` lists the record and no folder (`folders` is there and empty: our reading)",
        steps: &[
            mkdir!("/oo1"),
            REC,
            ls(r#"{"only": "objects"}"#)
                .proves(&["project/listFolder#input.only"])
                .check(&[
                On(
                    "project/listFolder#input.only",
                    &[AnyHas("/objects", r#"{"id": "$rec"}"#)],
                ),
                On("project/listFolder#output.keys", &[Eq("/folders", "[]")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::only_all",
        items: &["project/listFolder#input.only"],
        summary: "`only: all` (the default, also given explicitly) lists both the folder and the record",
        steps: &[
            mkdir!("/oa1"),
            REC,
            ls(r#"{"only": "all"}"#).check(&[
                Contains("/folders", r#""/oa1""#),
                AnyHas("/objects", r#"{"id": "$rec"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::only_invalid",
        items: &["project/listFolder#input.only.invalid"],
        summary: "`only: files` is InvalidInput (our reading)",
        steps: &[ls(r#"{"only": "files"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::include_hidden",
        items: &["project/listFolder#input.includeHidden"],
        summary: "`includeHidden: true` lists the hidden record beside the visible one",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            ls(r#"{"includeHidden": true}"#).check(&[
                AnyHas("/objects", r#"{"id": "$hid"}"#),
                AnyHas("/objects", r#"{"id": "$vis"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::hidden_left_out_by_default",
        items: &["project/listFolder#input.includeHidden.default"],
        summary: "without `includeHidden`, and with `includeHidden: false`, the hidden record is left out and the visible one listed",
        steps: &[
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            rec!("vis", r#"{"project": "$project"}"#),
            ls("{}").check(&[
                NoneHas("/objects", r#"{"id": "$hid"}"#),
                AnyHas("/objects", r#"{"id": "$vis"}"#),
            ]),
            ls(r#"{"includeHidden": false}"#).check(&[
                NoneHas("/objects", r#"{"id": "$hid"}"#),
                AnyHas("/objects", r#"{"id": "$vis"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::include_hidden_with_only_folders",
        items: &[
            "project/listFolder#input.includeHidden.only-folders",
            "project/listFolder#output.keys",
        ],
        summary: "`only: folders` with `includeHidden: true` still lists only folders: the hidden record is not returned",
        steps: &[
            mkdir!("/ihf"),
            rec!("hid", r#"{"project": "$project", "hidden": true}"#),
            ls(r#"{"only": "folders", "includeHidden": true}"#)
                .proves(&["project/listFolder#input.includeHidden.only-folders"])
                .check(&[
                On(
                    "project/listFolder#input.includeHidden.only-folders",
                    &[Contains("/folders", r#""/ihf""#)],
                ),
                On("project/listFolder#output.keys", &[Eq("/objects", "[]")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::has_subfolder_flags",
        items: &[
            "project/listFolder#input.hasSubfolderFlags",
            "project/listFolder#output.hasSubfolderFlags",
        ],
        summary: "`hasSubfolderFlags: true` is accepted and names both subfolders; each is `[path, hasSubfolders]` (our reading)",
        steps: &[
            mkdir!("/hs/deep/er"),
            mkdir!("/hs/flat"),
            ls(r#"{"folder": "/hs", "hasSubfolderFlags": true}"#)
                .proves(&["project/listFolder#input.hasSubfolderFlags"])
                .check(&[
                On(
                    "project/listFolder#input.hasSubfolderFlags",
                    &[Len("/folders", 2)],
                ),
                On(
                    "project/listFolder#output.hasSubfolderFlags",
                    &[
                        Contains("/folders", r#"["/hs/deep", true]"#),
                        Contains("/folders", r#"["/hs/flat", false]"#),
                    ],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::has_subfolder_flags_false",
        items: &["project/listFolder#input.hasSubfolderFlags"],
        summary: "`hasSubfolderFlags: false` (the default) lists plain full paths",
        steps: &[
            mkdir!("/hsf/sub/x"),
            ls(r#"{"folder": "/hsf", "hasSubfolderFlags": false}"#)
                .check(&[Eq("/folders", r#"["/hsf/sub"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::dx_ls_body",
        items: &["project/listFolder#input.dx-ls"],
        summary: "the body `dx ls` sends lists the record with its `id`, `class` and `name` described",
        steps: &[
            rec!("rec", r#"{"project": "$project", "name": "shown"}"#),
            ls(r#"{"folder": "/", "describe": {"fields": {"id": true, "class": true, "name": true}}, "only": "all", "includeHidden": false}"#)
                .check(&[AnyHas(
                    "/objects",
                    r#"{"id": "$rec", "describe": {"id": "$rec", "class": "record", "name": "shown"}}"#,
                )]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::dx_cd_body",
        items: &["project/listFolder#input.dx-ls"],
        summary: "the body `dx cd` sends lists the folders",
        steps: &[
            mkdir!("/cdto/inner"),
            ls(r#"{"folder": "/cdto", "describe": false, "only": "folders", "includeHidden": false}"#)
                .check(&[Contains("/folders", r#""/cdto/inner""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::objects_entries",
        items: &[
            "project/listFolder#output.objects",
            "project/listFolder#output.objects.exact",
        ],
        summary: "without `describe`, `objects` holds one `{\"id\"}` per record (exactly that key: observed)",
        steps: &[
            rec!("a", r#"{"project": "$project"}"#),
            rec!("b", r#"{"project": "$project"}"#),
            ls("{}").proves(&["project/listFolder#output.objects"]).check(&[
                On(
                    "project/listFolder#output.objects",
                    &[
                        Len("/objects", 2),
                        AnyHas("/objects", r#"{"id": "$a"}"#),
                        AnyHas("/objects", r#"{"id": "$b"}"#),
                    ],
                ),
                On(
                    "project/listFolder#output.objects.exact",
                    &[Each("/objects", &[Count("", Ord::Eq, 1)])],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::folders_full_paths",
        items: &["project/listFolder#output.folders"],
        summary: "inside `/fp` its subfolder is listed as the full path `/fp/x`, not `x`",
        steps: &[
            mkdir!("/fp/x"),
            ls(r#"{"folder": "/fp"}"#).check(&[Eq("/folders", r#"["/fp/x"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::immediate_folders_only",
        items: &["project/listFolder#output.folders.immediate"],
        summary: "`/im/a/b` exists: `/` lists `/im` only, `/im` lists `/im/a` only",
        steps: &[
            mkdir!("/im/a/b"),
            ls("{}").check(&[Eq("/folders", r#"["/im"]"#)]),
            ls(r#"{"folder": "/im"}"#).check(&[Eq("/folders", r#"["/im/a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::immediate_objects_only",
        items: &["project/listFolder#output.objects.immediate"],
        summary: "a record in `/io/sub` is not listed in `/io` nor in `/`",
        steps: &[
            mkdir!("/io/sub"),
            rec!("rec", r#"{"project": "$project", "folder": "/io/sub"}"#),
            ls(r#"{"folder": "/io"}"#).check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
            ls("{}").check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
            ls(r#"{"folder": "/io/sub"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::creation_order",
        items: &[
            "project/listFolder#output.folders",
            "project/listFolder#output.order",
        ],
        summary: "folders made in the order c, a, b are all listed, in that order (observed)",
        steps: &[
            mkdir!("/ord/c"),
            mkdir!("/ord/a"),
            mkdir!("/ord/b"),
            ls(r#"{"folder": "/ord"}"#)
                .proves(&["project/listFolder#output.folders"])
                .check(&[
                On(
                    "project/listFolder#output.folders",
                    &[SetEq("/folders", r#"["/ord/a", "/ord/b", "/ord/c"]"#)],
                ),
                On(
                    "project/listFolder#output.order",
                    &[Eq("/folders", r#"["/ord/c", "/ord/a", "/ord/b"]"#)],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::empty_project",
        items: &["project/listFolder#output.empty"],
        summary: "an empty project's root lists as `{\"folders\": [], \"objects\": []}`",
        steps: &[ls(r#"{"folder": "/"}"#)
            .check(&[Eq("/folders", "[]"), Eq("/objects", "[]")])
            .snapshot_as(&LIST_ANSWER)],
        ..CASE
    },
    Case {
        name: "folders::list_folder::folder_relative",
        items: &["project/listFolder#error.InvalidInput.folder"],
        summary: "`folder: \"rel\"` is InvalidInput",
        steps: &[ls(r#"{"folder": "rel"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::folder_empty",
        items: &["project/listFolder#error.InvalidInput.folder"],
        summary: "`folder: \"\"` is InvalidInput",
        steps: &[ls(r#"{"folder": ""}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::folder_not_string",
        items: &["project/listFolder#error.InvalidInput.folder"],
        summary: "`folder: [\"/\"]` is InvalidInput",
        steps: &[ls(r#"{"folder": ["/"]}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::include_hidden_not_boolean",
        items: &["project/listFolder#error.InvalidInput.flags"],
        summary: "`includeHidden: \"yes\"` is InvalidInput (our reading)",
        steps: &[ls(r#"{"includeHidden": "yes"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::has_subfolder_flags_not_boolean",
        items: &["project/listFolder#error.InvalidInput.flags"],
        summary: "`hasSubfolderFlags: 1` is InvalidInput (our reading)",
        steps: &[ls(r#"{"hasSubfolderFlags": 1}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::missing_folder",
        items: &["project/listFolder#error.ResourceNotFound.folder"],
        summary: "listing a folder that does not exist is ResourceNotFound",
        steps: &[ls(r#"{"folder": "/never-made"}"#)
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "folders::list_folder::missing_subfolder",
        items: &["project/listFolder#error.ResourceNotFound.folder"],
        summary: "`/ms` exists but `/ms/no` does not: listing it is ResourceNotFound",
        steps: &[
            mkdir!("/ms"),
            ls(r#"{"folder": "/ms/no"}"#).fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::unknown_project",
        items: &["project/listFolder#error.ResourceNotFound.container"],
        summary: "listing a well-formed project ID nobody issued is ResourceNotFound",
        steps: &[post(
            "/project-0123456789BFGJKPQVXYZbfg/listFolder",
            r#"{"folder": "/"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::list_folder::view_member_lists",
        items: &["project/listFolder#error.PermissionDenied"],
        summary: "a VIEW member lists the owner's folder and record",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            mkdir!("/shared"),
            rec!("rec", r#"{"project": "$project", "folder": "/shared"}"#),
            ls(r#"{"folder": "/shared"}"#)
                .by(Who::Peer)
                .check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    // ================= removeFolder =================
    Case {
        name: "folders::remove_folder::recurse_removes_contents",
        items: &["project/removeFolder#input.recurse"],
        summary: "`recurse: true` removes `/rr` with its record and its subfolder's record",
        steps: &[
            mkdir!("/rr/sub"),
            rec!("top", r#"{"project": "$project", "folder": "/rr"}"#),
            rec!("deep", r#"{"project": "$project", "folder": "/rr/sub", "close": true}"#),
            rec!("kept", r#"{"project": "$project"}"#),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/rr", "recurse": true}"#,
            ),
            ls("{}").check(&[
                Lacks("/folders", r#""/rr""#),
                AnyHas("/objects", r#"{"id": "$kept"}"#),
            ]),
            post("/$top/describe", r#"{"project": "$project"}"#)
                .fails(404, "ResourceNotFound")
                .proves(&["folders#rule.deletion.describe-gone"]),
            post("/$deep/describe", r#"{"project": "$project"}"#)
                .fails(404, "ResourceNotFound")
                .proves(&["folders#rule.deletion.describe-gone"]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::recurse_false_on_empty",
        items: &["project/removeFolder#input.recurse"],
        summary: "`recurse: false` still removes an empty folder",
        steps: &[
            mkdir!("/rf"),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/rf", "recurse": false}"#,
            ),
            ls("{}").check(&[Lacks("/folders", r#""/rf""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::not_empty_objects",
        items: &["project/removeFolder#error.InvalidState.not-empty"],
        summary: "a folder holding a record is not removed without `recurse` (InvalidState) and keeps its record",
        steps: &[
            mkdir!("/ne"),
            rec!("rec", r#"{"project": "$project", "folder": "/ne"}"#),
            post("/$project/removeFolder", r#"{"folder": "/ne"}"#).fails(422, "InvalidState"),
            ls(r#"{"folder": "/ne"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::not_empty_subfolder",
        items: &["project/removeFolder#error.InvalidState.not-empty"],
        summary: "a folder holding only a subfolder is not removed without `recurse` (InvalidState)",
        steps: &[
            mkdir!("/nes/child"),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/nes", "recurse": false}"#,
            )
            .fails(422, "InvalidState"),
            ls(r#"{"folder": "/nes"}"#).check(&[Eq("/folders", r#"["/nes/child"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::not_empty_hidden_only",
        items: &["project/removeFolder#error.InvalidState.not-empty"],
        summary: "a folder holding only a hidden record is not empty either: refused without `recurse`",
        steps: &[
            mkdir!("/neh"),
            rec!("hid", r#"{"project": "$project", "folder": "/neh", "hidden": true}"#),
            post("/$project/removeFolder", r#"{"folder": "/neh"}"#).fails(422, "InvalidState"),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::force_missing",
        items: &["project/removeFolder#input.force"],
        summary: "removeFolder of a folder that does not exist with `force: true` succeeds",
        steps: &[post(
            "/$project/removeFolder",
            r#"{"folder": "/not-there", "force": true}"#,
        )
        .check(&[Eq("/id", r#""$project""#)])],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::force_missing_recurse",
        items: &["project/removeFolder#input.force"],
        summary: "`force` with `recurse` and `partial`, as dxpy sends it, on a missing folder succeeds",
        steps: &[post(
            "/$project/removeFolder",
            r#"{"folder": "/not-there/either", "recurse": true, "force": true, "partial": true}"#,
        )],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::missing_not_found",
        items: &["project/removeFolder#error.ResourceNotFound.folder"],
        summary: "removeFolder of a folder that does not exist is ResourceNotFound",
        steps: &[post("/$project/removeFolder", r#"{"folder": "/not-there"}"#)
            .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::force_false_missing_not_found",
        items: &["project/removeFolder#error.ResourceNotFound.folder"],
        summary: "`force: false` explicitly: a missing folder is ResourceNotFound",
        steps: &[post(
            "/$project/removeFolder",
            r#"{"folder": "/not-there", "force": false, "recurse": true}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::partial_until_completed",
        items: &["project/removeFolder#input.partial"],
        summary: "`partial: true`, repeated until `completed` is true as dxpy does, removes the folder and its record",
        steps: &[
            mkdir!("/pa/b"),
            rec!("rec", r#"{"project": "$project", "folder": "/pa/b"}"#),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/pa", "recurse": true, "partial": true}"#,
            )
            .until(&[Eq("/completed", "true")], 10_000),
            ls("{}").check(&[Lacks("/folders", r#""/pa""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::partial_answers_completed",
        items: &["project/removeFolder#output.completed"],
        summary: "with `partial: true` the answer holds `completed`, a boolean (true once an empty folder is gone)",
        steps: &[
            mkdir!("/pc"),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/pc", "partial": true}"#,
            )
            .check(&[Is("/completed", Kind::Bool)])
            .until(&[Eq("/completed", "true")], 10_000),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::answers_id",
        items: &["project/removeFolder#output.id"],
        summary: "removeFolder answers `{\"id\"}`, the project's ID",
        steps: &[
            mkdir!("/ai"),
            post("/$project/removeFolder", r#"{"folder": "/ai"}"#)
                .check(&[Eq("/id", r#""$project""#)])
                .snapshot_as(&REMOVE_FOLDER_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::path_normalised",
        items: &["project/removeFolder#rule.normalised"],
        summary: "removeFolder of `/nz//b////c/` removes `/nz/b/c` (as the platform's own tests do)",
        steps: &[
            mkdir!("/nz/b/c"),
            post("/$project/removeFolder", r#"{"folder": "/nz//b////c/"}"#),
            ls(r#"{"folder": "/nz/b"}"#).check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::folder_missing_key",
        items: &["project/removeFolder#input.folder"],
        summary: "removeFolder without `folder` is InvalidInput",
        steps: &[post("/$project/removeFolder", r#"{"recurse": true}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::folder_relative",
        items: &["project/removeFolder#input.folder"],
        summary: "removeFolder of `rel` (not starting with `/`) is InvalidInput",
        steps: &[post("/$project/removeFolder", r#"{"folder": "rel"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::remove_folder::upload_removes_empty",
        items: &["project/removeFolder#rule.empty-needs-upload"],
        summary: "an UPLOAD member removes an empty folder (no object is deleted: our reading)",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            mkdir!("/ue"),
            post("/$project/removeFolder", r#"{"folder": "/ue"}"#).by(Who::Peer),
            ls("{}").check(&[Lacks("/folders", r#""/ue""#)]),
        ],
    },
    Case {
        name: "folders::remove_folder::upload_refused_with_objects",
        items: &["project/removeFolder#error.PermissionDenied"],
        summary: "an UPLOAD member may not remove a folder holding a record (PermissionDenied) and the record stays",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            mkdir!("/uo"),
            rec!("rec", r#"{"project": "$project", "folder": "/uo"}"#),
            post(
                "/$project/removeFolder",
                r#"{"folder": "/uo", "recurse": true}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            ls(r#"{"folder": "/uo"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    // ================= renameFolder =================
    Case {
        name: "folders::rename_folder::name_changes_basename",
        items: &["project/renameFolder#input.name"],
        summary: "`name: \"new\"` turns `/rn/old` into `/rn/new`",
        steps: &[
            mkdir!("/rn/old"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/rn/old", "name": "new"}"#,
            ),
            ls(r#"{"folder": "/rn"}"#).check(&[Eq("/folders", r#"["/rn/new"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::top_level",
        items: &["project/renameFolder#input.folder"],
        summary: "a top-level folder `/tl` renamed `tl2` becomes `/tl2`",
        steps: &[
            mkdir!("/tl"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/tl", "name": "tl2"}"#,
            ),
            ls("{}").check(&[Contains("/folders", r#""/tl2""#), Lacks("/folders", r#""/tl""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::answers_id",
        items: &["project/renameFolder#output.id"],
        summary: "renameFolder answers `{\"id\"}`, the project's ID",
        steps: &[
            mkdir!("/ri"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/ri", "name": "ri2"}"#,
            )
            .check(&[Eq("/id", r#""$project""#)])
            .snapshot_as(&RENAME_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::contents_follow",
        items: &["project/renameFolder#rule.contents-follow"],
        summary: "after renaming `/cf/old`, its record and subfolder are under `/cf/new`, and describe's `folder` says so",
        steps: &[
            mkdir!("/cf/old/sub"),
            rec!("rec", r#"{"project": "$project", "folder": "/cf/old"}"#),
            rec!("deep", r#"{"project": "$project", "folder": "/cf/old/sub"}"#),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/cf/old", "name": "new"}"#,
            )
            .proves(&["project/renameFolder#input.name"]),
            ls(r#"{"folder": "/cf/new"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Eq("/folders", r#"["/cf/new/sub"]"#),
            ]),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/cf/new""#)]),
            post("/$deep/describe", "{}").check(&[Eq("/folder", r#""/cf/new/sub""#)]),
            ls(r#"{"folder": "/cf"}"#).check(&[Eq("/folders", r#"["/cf/new"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::newpath",
        items: &["project/renameFolder#input.newpath"],
        summary: "`{\"folder\": \"/np/old\", \"newpath\": \"/np/new\"}`, as `dx mv` sends it, renames the folder with its record",
        steps: &[
            mkdir!("/np/old"),
            rec!("rec", r#"{"project": "$project", "folder": "/np/old"}"#),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/np/old", "newpath": "/np/new"}"#,
            ),
            ls(r#"{"folder": "/np"}"#).check(&[Eq("/folders", r#"["/np/new"]"#)]),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/np/new""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_and_newpath",
        items: &["project/renameFolder#input.newpath"],
        summary: "both `name` and `newpath` at once is InvalidInput (our reading) and nothing changes",
        steps: &[
            mkdir!("/both"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/both", "name": "x", "newpath": "/y"}"#,
            )
            .fails(422, "InvalidInput"),
            ls("{}").check(&[Eq("/folders", r#"["/both"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::same_name",
        items: &["project/renameFolder#rule.same-name"],
        summary: "renaming `/same` to `same` succeeds and changes nothing (our reading)",
        steps: &[
            mkdir!("/same"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/same", "name": "same"}"#,
            ),
            ls("{}").check(&[Eq("/folders", r#"["/same"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::folder_missing_key",
        items: &["project/renameFolder#error.InvalidInput.folder"],
        summary: "renameFolder without `folder` is InvalidInput",
        steps: &[post("/$project/renameFolder", r#"{"name": "x"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::folder_relative",
        items: &["project/renameFolder#error.InvalidInput.folder"],
        summary: "renameFolder of `rel` is InvalidInput",
        steps: &[post(
            "/$project/renameFolder",
            r#"{"folder": "rel", "name": "x"}"#,
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::root",
        items: &["project/renameFolder#error.InvalidInput.root"],
        summary: "renameFolder of `/` is InvalidInput",
        steps: &[post("/$project/renameFolder", r#"{"folder": "/", "name": "x"}"#)
            .fails(422, "InvalidInput")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_missing",
        items: &["project/renameFolder#error.InvalidInput.name"],
        summary: "renameFolder with neither `name` nor `newpath` is InvalidInput",
        steps: &[
            mkdir!("/nm"),
            post("/$project/renameFolder", r#"{"folder": "/nm"}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_with_slash",
        items: &["project/renameFolder#error.InvalidInput.name"],
        summary: "`name: \"a/b\"` is InvalidInput and the folder keeps its name",
        steps: &[
            mkdir!("/ns"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/ns", "name": "a/b"}"#,
            )
            .fails(422, "InvalidInput"),
            ls("{}").check(&[Eq("/folders", r#"["/ns"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_empty",
        items: &["project/renameFolder#error.InvalidInput.name"],
        summary: "`name: \"\"` is InvalidInput",
        steps: &[
            mkdir!("/ne2"),
            post("/$project/renameFolder", r#"{"folder": "/ne2", "name": ""}"#)
                .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_not_string",
        items: &["project/renameFolder#error.InvalidInput.name"],
        summary: "`name: 7` is InvalidInput",
        steps: &[
            mkdir!("/nn"),
            post("/$project/renameFolder", r#"{"folder": "/nn", "name": 7}"#)
                .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_dotdot",
        items: &["project/renameFolder#error.InvalidInput.name-rules"],
        summary: "`name: \"..\"` is refused (InvalidInput: our reading) and the folder keeps its name",
        steps: &[
            mkdir!("/nd/x"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/nd/x", "name": ".."}"#,
            )
            .refused()
            .check(&[INVALID_INPUT]),
            ls(r#"{"folder": "/nd"}"#).check(&[Eq("/folders", r#"["/nd/x"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_dot",
        items: &["project/renameFolder#error.InvalidInput.name-rules"],
        summary: "`name: \".\"` is refused",
        steps: &[
            mkdir!("/ndot"),
            post("/$project/renameFolder", r#"{"folder": "/ndot", "name": "."}"#)
                .refused()
                .check(&[INVALID_INPUT]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::name_control",
        items: &["project/renameFolder#error.InvalidInput.name-rules"],
        summary: "a new name holding U+0007 is refused",
        steps: &[
            mkdir!("/nctl"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/nctl", "name": "a\u0007b"}"#,
            )
            .refused()
            .check(&[INVALID_INPUT]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::missing_folder",
        items: &["project/renameFolder#error.ResourceNotFound.folder"],
        summary: "renaming a folder that does not exist is ResourceNotFound",
        steps: &[post(
            "/$project/renameFolder",
            r#"{"folder": "/absent", "name": "x"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::target_exists",
        items: &["project/renameFolder#error.InvalidState.exists"],
        summary: "renaming `/te/a` to `b` when `/te/b` exists is InvalidState; both stay, each with its record",
        steps: &[
            mkdir!("/te/a"),
            mkdir!("/te/b"),
            rec!("ra", r#"{"project": "$project", "folder": "/te/a"}"#),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/te/a", "name": "b"}"#,
            )
            .fails(422, "InvalidState"),
            ls(r#"{"folder": "/te"}"#).check(&[SetEq("/folders", r#"["/te/a", "/te/b"]"#)]),
            ls(r#"{"folder": "/te/a"}"#).check(&[AnyHas("/objects", r#"{"id": "$ra"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::rename_folder::upload_member_renames",
        items: &["project/renameFolder#error.PermissionDenied"],
        summary: "an UPLOAD member renames a folder (UPLOAD suffices: our reading)",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            mkdir!("/ur"),
            post(
                "/$project/renameFolder",
                r#"{"folder": "/ur", "name": "ur2"}"#,
            )
            .by(Who::Peer),
            ls("{}").check(&[Eq("/folders", r#"["/ur2"]"#)]),
        ],
    },
    // ================= move =================
    Case {
        name: "folders::move::objects",
        items: &["project/move#input.objects"],
        summary: "two records listed in `objects` both land in the destination",
        steps: &[
            mkdir!("/mo"),
            rec!("a", r#"{"project": "$project"}"#),
            rec!("b", r#"{"project": "$project", "close": true}"#),
            post(
                "/$project/move",
                r#"{"objects": ["$a", "$b"], "destination": "/mo"}"#,
            ),
            ls(r#"{"folder": "/mo"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$a"}"#),
                AnyHas("/objects", r#"{"id": "$b"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::describe_agrees",
        items: &["project/move#rule.describe-agrees"],
        summary: "a moved record's describe `folder` is the folder listFolder shows it in",
        steps: &[
            mkdir!("/da/x"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/da/x"}"#,
            )
            .proves(&["project/move#input.objects"]),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/da/x""#)]),
            ls(r#"{"folder": "/da/x"}"#).check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::folders",
        items: &["project/move#input.folders"],
        summary: "moving `/mf/src` into `/mf/dst` moves it with its record and subfolder",
        steps: &[
            mkdir!("/mf/src/in"),
            mkdir!("/mf/dst"),
            rec!("rec", r#"{"project": "$project", "folder": "/mf/src"}"#),
            post(
                "/$project/move",
                r#"{"folders": ["/mf/src"], "destination": "/mf/dst"}"#,
            ),
            ls(r#"{"folder": "/mf/dst/src"}"#).check(&[
                AnyHas("/objects", r#"{"id": "$rec"}"#),
                Eq("/folders", r#"["/mf/dst/src/in"]"#),
            ]),
            ls(r#"{"folder": "/mf"}"#).check(&[Eq("/folders", r#"["/mf/dst"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::folder_lands_as_basename",
        items: &["project/move#rule.basename"],
        summary: "moving `/mb/a/b/c/d` into `/mb/a` gives `/mb/a/d` (the platform's own test), `/mb/a/b/c` left empty",
        steps: &[
            mkdir!("/mb/a/b/c/d"),
            post(
                "/$project/move",
                r#"{"folders": ["/mb/a/b/c/d"], "destination": "/mb/a"}"#,
            )
            .proves(&["project/move#input.folders"]),
            ls(r#"{"folder": "/mb/a"}"#).check(&[
                Contains("/folders", r#""/mb/a/d""#),
                Contains("/folders", r#""/mb/a/b""#),
            ]),
            ls(r#"{"folder": "/mb/a/b/c"}"#).check(&[Eq("/folders", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::order_after_move",
        items: &["project/listFolder#output.order"],
        summary: "after moving `/mv/a/b/c/d` into `/mv/a`, listing `/mv/a` gives `[\"/mv/a/b\", \"/mv/a/d\"]` in that order (observed)",
        steps: &[
            mkdir!("/mv/a/b/c/d"),
            post(
                "/$project/move",
                r#"{"folders": ["/mv/a/b/c/d"], "destination": "/mv/a"}"#,
            )
            .proves(&["project/move#input.folders"]),
            ls(r#"{"folder": "/mv/a"}"#).check(&[Eq("/folders", r#"["/mv/a/b", "/mv/a/d"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::explicit_object_inside_moved_folder",
        items: &["project/move#rule.explicit-inside-folder"],
        summary: "a record listed in `objects` and sitting in a listed folder lands directly in the destination",
        steps: &[
            mkdir!("/me/f"),
            mkdir!("/me/dst"),
            rec!("rec", r#"{"project": "$project", "folder": "/me/f"}"#),
            rec!("other", r#"{"project": "$project", "folder": "/me/f"}"#),
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "folders": ["/me/f"], "destination": "/me/dst"}"#,
            ),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/me/dst""#)]),
            post("/$other/describe", "{}").check(&[Eq("/folder", r#""/me/dst/f""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::target_file_relocation",
        items: &["project/move#input.targetFileRelocation"],
        summary: "the body `dx mv` sends (`folders: []`, `targetFileRelocation: false`) moves the record",
        steps: &[
            mkdir!("/tfr"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "folders": [], "destination": "/tfr", "targetFileRelocation": false}"#,
            ),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/tfr""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::answers_id",
        items: &["project/move#output.id"],
        summary: "move answers `{\"id\"}`, the project's ID",
        steps: &[
            mkdir!("/mi"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/mi"}"#,
            )
            .check(&[Eq("/id", r#""$project""#)])
            .snapshot_as(&MOVE_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::missing_destination",
        items: &["project/move#error.ResourceNotFound.destination"],
        summary: "moving into a folder that does not exist is ResourceNotFound and the record stays in `/`",
        steps: &[
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/nowhere"}"#,
            )
            .fails(404, "ResourceNotFound"),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::unknown_object",
        items: &["project/move#error.ResourceNotFound.object"],
        summary: "an unknown record ID in `objects` is ResourceNotFound, and the known record listed with it does not move",
        steps: &[
            mkdir!("/uo2"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec", "record-0123456789BFGJKPQVXYZbfg"], "destination": "/uo2"}"#,
            )
            .fails(404, "ResourceNotFound"),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/""#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::object_of_another_project",
        items: &["project/move#error.ResourceNotFound.object"],
        summary: "a record that lives only in `$project2` cannot be moved within `$project` (ResourceNotFound)",
        needs: &[Need::Project2],
        steps: &[
            mkdir!("/op"),
            rec!("rec", r#"{"project": "$project2"}"#),
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/op"}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "folders::move::missing_folder",
        items: &["project/move#error.ResourceNotFound.folder"],
        summary: "moving a folder that does not exist is ResourceNotFound",
        steps: &[post(
            "/$project/move",
            r#"{"folders": ["/no-such"], "destination": "/"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::move::name_taken",
        items: &["project/move#error.InvalidState.exists"],
        summary: "moving `/mt/a/f` into `/mt` when `/mt/f` exists is InvalidState and both stay",
        steps: &[
            mkdir!("/mt/a/f"),
            mkdir!("/mt/f"),
            post(
                "/$project/move",
                r#"{"folders": ["/mt/a/f"], "destination": "/mt"}"#,
            )
            .fails(422, "InvalidState"),
            ls(r#"{"folder": "/mt/a"}"#).check(&[Eq("/folders", r#"["/mt/a/f"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::destination_missing_key",
        items: &["project/move#error.InvalidInput"],
        summary: "move without `destination` is InvalidInput",
        steps: &[
            REC,
            post("/$project/move", r#"{"objects": ["$rec"]}"#).fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::objects_not_array",
        items: &["project/move#error.InvalidInput"],
        summary: "`objects` as a single string rather than an array is InvalidInput",
        steps: &[
            REC,
            post(
                "/$project/move",
                r#"{"objects": "$rec", "destination": "/"}"#,
            )
            .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::destination_relative",
        items: &["project/move#error.InvalidInput"],
        summary: "a `destination` that does not start with `/` is InvalidInput",
        steps: &[
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "dst"}"#,
            )
            .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "folders::move::view_member_refused",
        items: &["project/move#error.PermissionDenied"],
        summary: "a VIEW member may not move a record (PermissionDenied: our reading of the level) and it stays",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            mkdir!("/vm"),
            REC,
            post(
                "/$project/move",
                r#"{"objects": ["$rec"], "destination": "/vm"}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            post("/$rec/describe", "{}").check(&[Eq("/folder", r#""/""#)]),
        ],
    },
    // ================= removeObjects =================
    Case {
        name: "folders::remove_objects::removes_listed_only",
        items: &["project/removeObjects#rule.listed-no-more"],
        summary: "removing one of two records: it is no longer listed, the other is",
        steps: &[
            rec!("gone", r#"{"project": "$project"}"#),
            rec!("kept", r#"{"project": "$project"}"#),
            post("/$project/removeObjects", r#"{"objects": ["$gone"]}"#)
                .proves(&["project/removeObjects#input.objects"]),
            ls("{}").check(&[
                NoneHas("/objects", r#"{"id": "$gone"}"#),
                AnyHas("/objects", r#"{"id": "$kept"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::objects_in_folders",
        items: &["project/removeObjects#input.objects"],
        summary: "records in two folders are removed by one call",
        steps: &[
            mkdir!("/ro/a"),
            mkdir!("/ro/b"),
            rec!("a", r#"{"project": "$project", "folder": "/ro/a"}"#),
            rec!("b", r#"{"project": "$project", "folder": "/ro/b", "close": true}"#),
            post("/$project/removeObjects", r#"{"objects": ["$a", "$b"]}"#),
            ls(r#"{"folder": "/ro/a"}"#).check(&[Eq("/objects", "[]")]),
            ls(r#"{"folder": "/ro/b"}"#).check(&[Eq("/objects", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::force_ignores_unknown",
        items: &["project/removeObjects#input.force"],
        summary: "`force: true` with an unknown ID beside a real one: the call succeeds and the real record is removed",
        steps: &[
            REC,
            post(
                "/$project/removeObjects",
                r#"{"objects": ["record-0123456789BFGJKPQVXYZbfg", "$rec"], "force": true}"#,
            ),
            ls("{}").check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::force_only_unknown",
        items: &["project/removeObjects#input.force"],
        summary: "`force: true` with only an unknown ID, as `dx rm` sends it, succeeds",
        steps: &[post(
            "/$project/removeObjects",
            r#"{"objects": ["record-0123456789BFGJKPQVXYZbfg"], "force": true}"#,
        )],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::unknown_not_found",
        items: &["project/removeObjects#error.ResourceNotFound"],
        summary: "without `force`, an unknown ID is ResourceNotFound and the real record listed with it stays",
        steps: &[
            REC,
            post(
                "/$project/removeObjects",
                r#"{"objects": ["$rec", "record-0123456789BFGJKPQVXYZbfg"]}"#,
            )
            .fails(404, "ResourceNotFound"),
            ls("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::force_false_not_found",
        items: &["project/removeObjects#error.ResourceNotFound"],
        summary: "`force: false` explicitly: an unknown ID is ResourceNotFound",
        steps: &[post(
            "/$project/removeObjects",
            r#"{"objects": ["record-0123456789BFGJKPQVXYZbfg"], "force": false}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::other_project_not_found",
        items: &["project/removeObjects#error.ResourceNotFound"],
        summary: "a record that lives only in `$project2` is not in `$project`: ResourceNotFound, and it stays in `$project2`",
        needs: &[Need::Project2],
        steps: &[
            rec!("rec", r#"{"project": "$project2"}"#),
            REMOVE_REC
                .fails(404, "ResourceNotFound"),
            post("/$project2/listFolder", "{}")
                .check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "folders::remove_objects::answers_id",
        items: &["project/removeObjects#output.id"],
        summary: "removeObjects answers `{\"id\"}`, the project's ID",
        steps: &[
            REC,
            REMOVE_REC
                .check(&[Eq("/id", r#""$project""#)])
                .snapshot_as(&REMOVE_OBJECTS_ANSWER),
        ],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::objects_missing",
        items: &["project/removeObjects#input.objects"],
        summary: "removeObjects without `objects` is InvalidInput",
        steps: &[post("/$project/removeObjects", r#"{"force": true}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "folders::remove_objects::upload_refused",
        items: &["project/removeObjects#error.PermissionDenied"],
        summary: "an UPLOAD member may not remove a record it could create (PermissionDenied) and it stays",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            REC,
            REMOVE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            ls("{}").check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "folders::remove_objects::protected_contribute_refused",
        items: &["project/removeObjects#error.PermissionDenied.protected"],
        summary: "in a protected project a CONTRIBUTE member's removeObjects is PermissionDenied",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            REC,
            PROTECT,
            REMOVE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
        ],
    },
];
