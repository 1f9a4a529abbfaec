//! The Projects page: `/project/new`, `/project-xxxx/describe`, `update`, `destroy`, and a
//! project's own tags and properties (`addTags`, `removeTags`, `setProperties`).
//!
//! <https://documentation.dnanexus.com/developer/api/data-containers/projects>. The page
//! documents `/project/new`'s `name` (required), `summary`, `description` and the four
//! flags with their defaults, its `id` output, that the creator gets ADMINISTER, and that
//! changing or destroying a project needs ADMINISTER: those items are MUST. Everything else
//! is known from DNAnexus's clients (dxpy and `dx`) or from the platform's own integration
//! tests, and is SHOULD, each item saying its source. Readings taken:
//!
//! - describe's outputs are all [CLIENT] fields; which ones come by default is checked only
//!   for the minimum set (the spec's [INFERRED] list and what `dx describe` prints); the
//!   other flags are checked on request (`fields`);
//! - `databaseResultsRestricted` is a positive integer (dx's `--database-results-restricted
//!   N`), accepted and described back, as dxpy's own test suite found the platform does;
//!   `null` or `unsetDatabaseResultsRestricted: true` unset it;
//! - a `billTo` naming no existing user or org is InvalidInput (observed on `update`; read
//!   the same on `/project/new`); a caller may bill their own account;
//! - `/project/new` takes no nonce: a `nonce` key is ignored like any unknown key, and two
//!   calls make two projects;
//! - a project's tags and properties need CONTRIBUTE (silent docs; changing what the
//!   container holds), and behave as an object's do (merge, `null` unsets, duplicates kept
//!   once, removing an absent tag does nothing).
//!
//! Cases that make projects of their own (`/project/new`) destroy them in their last step;
//! the rest work on the case's scratch project `$project`. `defaultSymlink` and `drive`
//! are not checked: they need storage an endpoint may not have.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Ord, Step, Who, post};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::PROJECTS;

const NEW: &str = "#api-method-project-new";
const DESCRIBE: &str = "#api-method-project-xxxx-describe";
const UPDATE: &str = "#api-method-project-xxxx-update";
const DESTROY: &str = "#api-method-project-xxxx-destroy";
const ADD_TAGS: &str = "#api-method-project-xxxx-addtags";
const REMOVE_TAGS: &str = "#api-method-project-xxxx-removetags";
const SET_PROPERTIES: &str = "#api-method-project-xxxx-setproperties";

const fn it(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &PROJECTS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- /project/new: documented inputs and output ----
    it(
        "project/new#input.name",
        NEW,
        Input,
        Must,
        "`name` (string, required): the new project's name; describe shows it as given.",
    ),
    it(
        "project/new#input.name.required",
        NEW,
        Input,
        Must,
        "`name` is required: a call without it is refused (a 4xx error).",
    ),
    it(
        "project/new#error.InvalidInput.name",
        NEW,
        Error,
        Should,
        "[SILENT] The page lists no errors; [INFERRED] a missing, empty or non-string `name` is InvalidInput, as any malformed input.",
    ),
    it(
        "project/new#input.name.non-ascii",
        NEW,
        Input,
        Should,
        "[OBSERVED] Non-ASCII names work: `dxclient_test_pröject` is described back as given.",
    ),
    it(
        "project/new#input.summary",
        NEW,
        Input,
        Must,
        "`summary` (string): given at creation, describe shows it.",
    ),
    it(
        "project/new#input.summary.default",
        NEW,
        Input,
        Must,
        "`summary` defaults to `\"\"`.",
    ),
    it(
        "project/new#input.description",
        NEW,
        Input,
        Must,
        "`description` (string): given at creation, describe shows it.",
    ),
    it(
        "project/new#input.description.default",
        NEW,
        Input,
        Must,
        "`description` defaults to `\"\"`.",
    ),
    it(
        "project/new#input.protected",
        NEW,
        Input,
        Must,
        "`protected` (boolean): given `true`, describe shows `protected: true`.",
    ),
    it(
        "project/new#input.protected.default",
        NEW,
        Input,
        Must,
        "`protected` defaults to `false`.",
    ),
    it(
        "project/new#input.restricted",
        NEW,
        Input,
        Must,
        "`restricted` (boolean): given `true`, describe shows `restricted: true`.",
    ),
    it(
        "project/new#input.restricted.default",
        NEW,
        Input,
        Must,
        "`restricted` defaults to `false`.",
    ),
    it(
        "project/new#input.downloadRestricted",
        NEW,
        Input,
        Must,
        "`downloadRestricted` (boolean): given `true`, describe shows `downloadRestricted: true`.",
    ),
    it(
        "project/new#input.downloadRestricted.default",
        NEW,
        Input,
        Must,
        "`downloadRestricted` defaults to `false`.",
    ),
    it(
        "project/new#input.externalUploadRestricted",
        NEW,
        Input,
        Must,
        "`externalUploadRestricted` (boolean): given `true`, describe shows it `true`.",
    ),
    it(
        "project/new#input.externalUploadRestricted.default",
        NEW,
        Input,
        Must,
        "`externalUploadRestricted` defaults to `false`.",
    ),
    it(
        "project/new#error.InvalidInput.type",
        NEW,
        Error,
        Should,
        "[INFERRED] An input of the wrong JSON type (a flag that is not a boolean, `tags` that is not an array of strings, `properties` that is not a mapping of strings) is InvalidInput.",
    ),
    it(
        "project/new#output.id",
        NEW,
        Output,
        Must,
        "`id` (string): the new project's ID, `project-` and 24 characters, which describes as the project made.",
    ),
    it(
        "project/new#rule.creator-administers",
        NEW,
        Rule,
        Must,
        "The creator gets ADMINISTER on the new project: describe's `level` is `ADMINISTER` and `permissions` maps the creator to it.",
    ),
    // ---- /project/new: inputs known from the clients, observed behaviour ----
    it(
        "project/new#input.tags",
        NEW,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `tags` (array of strings) given at creation are honoured: describe shows them.",
    ),
    it(
        "project/new#input.properties",
        NEW,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `properties` (mapping of strings) given at creation are honoured: describe with `properties` shows them.",
    ),
    it(
        "project/new#input.region",
        NEW,
        Input,
        Should,
        "[CLIENT] `region` (string such as `aws:us-east-1`): a region the endpoint offers is accepted and describe's `region` is it (reading: `aws:us-east-1`, the platform's first region, is offered).",
    ),
    it(
        "project/new#error.InvalidInput.region",
        NEW,
        Error,
        Should,
        "[OBSERVED] An unknown `region` is InvalidInput.",
    ),
    it(
        "project/new#input.containsPHI",
        NEW,
        Input,
        Should,
        "[CLIENT] `containsPHI: false` is accepted and describe shows `containsPHI: false`.",
    ),
    it(
        "project/new#error.PermissionDenied.phi",
        NEW,
        Error,
        Should,
        "[OBSERVED] `containsPHI: true` without the PHI feature is PermissionDenied (the message, starting `PHI features must be enabled for`, is not part of the contract).",
    ),
    it(
        "project/new#input.billTo",
        NEW,
        Input,
        Should,
        "[CLIENT] `billTo` naming the caller bills the project to them: describe's `billTo` is the caller's ID (reading: a user may bill their own account).",
    ),
    it(
        "project/new#error.InvalidInput.billTo",
        NEW,
        Error,
        Should,
        "[OBSERVED on update; INFERRED here] A `billTo` naming no existing user or org is InvalidInput.",
    ),
    it(
        "project/new#input.databaseUIViewOnly",
        NEW,
        Input,
        Should,
        "[CLIENT] `databaseUIViewOnly` (boolean, `dx new project --database-ui-view-only`): given `true`, describe shows it.",
    ),
    it(
        "project/new#input.databaseResultsRestricted",
        NEW,
        Input,
        Should,
        "[CLIENT] `databaseResultsRestricted` (a positive integer, `dx new project --database-results-restricted N`): accepted and described back.",
    ),
    it(
        "project/new#input.previewViewerRestricted",
        NEW,
        Input,
        Should,
        "[CLIENT] `previewViewerRestricted` (boolean): given `true`, describe shows it.",
    ),
    it(
        "project/new#rule.no-nonce",
        NEW,
        Rule,
        Should,
        "[DOC] [CLIENT] `/project/new` takes no nonce and is not retryable: two calls with the same input, a `nonce` key included, make two projects (reading: the key is ignored like any unknown key, not refused).",
    ),
    it(
        "project/new#default.containsPHI",
        NEW,
        Output,
        Should,
        "[OBSERVED] After a bare `{\"name\"}`, describe shows `containsPHI: false`.",
    ),
    it(
        "project/new#default.databaseUIViewOnly",
        NEW,
        Output,
        Should,
        "[OBSERVED] After a bare `{\"name\"}`, describe shows `databaseUIViewOnly: false`.",
    ),
    it(
        "project/new#default.tags",
        NEW,
        Output,
        Should,
        "[OBSERVED] After a bare `{\"name\"}`, describe shows `tags: []`.",
    ),
    it(
        "project/new#default.properties",
        NEW,
        Output,
        Should,
        "[OBSERVED] After a bare `{\"name\"}`, describe with `properties` requested shows `properties: {}`.",
    ),
    it(
        "project/new#default.databaseResultsRestricted",
        NEW,
        Output,
        Should,
        "[OBSERVED] After a bare `{\"name\"}`, describe shows `databaseResultsRestricted: null`.",
    ),
    // ---- /project-xxxx/describe: inputs ----
    it(
        "project/describe#input.fields",
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `fields` (mapping of field name to boolean): the answer holds `id` and the fields set to true, and none of the other documented fields (the pattern of data object describe).",
    ),
    it(
        "project/describe#input.defaultFields",
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] `defaultFields: true` beside `fields` adds the default fields to those asked for.",
    ),
    it(
        "project/describe#input.properties",
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] The deprecated top-level `{\"properties\": true}` (sent by `dx describe P`) adds `properties` to the default fields.",
    ),
    it(
        "project/describe#input.folders",
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] The deprecated top-level `{\"folders\": true}` (sent by `dx tree`) adds `folders` to the default fields.",
    ),
    it(
        "project/describe#error.InvalidInput.fields",
        DESCRIBE,
        Error,
        Should,
        "[INFERRED] `fields` that is not a mapping of booleans is InvalidInput.",
    ),
    // ---- /project-xxxx/describe: outputs ----
    it(
        "project/describe#output.id",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `id`: the project's ID, always present (`dx describe R` first sends `{\"fields\": {\"id\": true}}`).",
    ),
    it(
        "project/describe#output.class",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `class`: `\"project\"` for a project.",
    ),
    it(
        "project/describe#output.name",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `name` (string), a default field (`dx pwd` prints `<name>:/`).",
    ),
    it(
        "project/describe#output.summary",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `summary` (string), a default field.",
    ),
    it(
        "project/describe#output.description",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `description` (string), a default field.",
    ),
    it(
        "project/describe#output.tags",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `tags` (array of strings), a default field.",
    ),
    it(
        "project/describe#output.created",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `created` (timestamp, ms), a default field.",
    ),
    it(
        "project/describe#output.modified",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `modified` (timestamp, ms, not before `created`), a default field.",
    ),
    it(
        "project/describe#output.createdBy",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `createdBy`: a mapping whose `user` is the creator's ID.",
    ),
    it(
        "project/describe#output.level",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `level`: the caller's own level on the project (`VIEW`, `UPLOAD`, `CONTRIBUTE` or `ADMINISTER`), a default field.",
    ),
    it(
        "project/describe#output.protected",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `protected` (boolean), a default field.",
    ),
    it(
        "project/describe#output.restricted",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `restricted` (boolean), a default field.",
    ),
    it(
        "project/describe#output.billTo",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `billTo`: the user or org the project is billed to, a default field.",
    ),
    it(
        "project/describe#output.region",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] [OBSERVED] `region` (string such as `aws:us-east-1`), a default field (`dx describe P` prints it).",
    ),
    it(
        "project/describe#output.dataUsage",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] [OBSERVED] `dataUsage` (number, GB), a default field (`dx describe P` prints it).",
    ),
    it(
        "project/describe#output.containsPHI",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `containsPHI` (boolean), a default field (`dx describe P` prints it).",
    ),
    it(
        "project/describe#output.storageCost",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `storageCost` (number), a default field (`dx describe P` prints `Storage cost $0.000/month`).",
    ),
    it(
        "project/describe#output.atSpendingLimit",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `atSpendingLimit` (boolean), a default field (`dx describe P` prints it).",
    ),
    it(
        "project/describe#output.sponsoredEgress",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `totalSponsoredEgressBytes` and `consumedSponsoredEgressBytes` (numbers), default fields (`dx describe P` prints `Sponsored egress 0.00 GB used of 0.00 GB total`).",
    ),
    it(
        "project/describe#output.sponsoredDataUsage",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `sponsoredDataUsage` (number), on request.",
    ),
    it(
        "project/describe#output.pendingTransfer",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `pendingTransfer` (the pending transfer, or null), on request.",
    ),
    it(
        "project/describe#output.downloadRestricted",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `downloadRestricted` (boolean), on request.",
    ),
    it(
        "project/describe#output.externalUploadRestricted",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `externalUploadRestricted` (boolean), on request.",
    ),
    it(
        "project/describe#output.previewViewerRestricted",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `previewViewerRestricted` (boolean), on request.",
    ),
    it(
        "project/describe#output.databaseUIViewOnly",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `databaseUIViewOnly` (boolean), on request.",
    ),
    it(
        "project/describe#output.databaseResultsRestricted",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `databaseResultsRestricted` (a positive integer, or null when unset), on request.",
    ),
    it(
        "project/describe#output.allowedExecutables",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `allowedExecutables` (array of executable IDs, or null when unset), on request.",
    ),
    it(
        "project/describe#output.properties",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `properties` (mapping of strings) is returned only when asked for (`fields` or the deprecated flag), not by default.",
    ),
    it(
        "project/describe#output.permissions",
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `{\"fields\": {\"permissions\": true}}` returns `permissions`, a mapping from member ID to level.",
    ),
    it(
        "project/describe#output.folders",
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] `folders` (on request) is an array of every folder's full path in the project, the root included.",
    ),
    it(
        "project/describe#rule.modified-moves",
        DESCRIBE,
        Rule,
        Should,
        "[INFERRED] A change to the project (update, tags, properties) moves `modified` later; `created` stays.",
    ),
    // ---- /project-xxxx/describe: errors ----
    it(
        "project/describe#error.ResourceNotFound",
        DESCRIBE,
        Error,
        Should,
        "[OBSERVED] Describe of a well-formed project ID that does not exist is ResourceNotFound.",
    ),
    it(
        "project/describe#error.ResourceNotFound.None",
        DESCRIBE,
        Error,
        Should,
        "[OBSERVED] `/None/describe` (what a client sends for a missing project) is ResourceNotFound.",
    ),
    it(
        "project/describe#error.PermissionDenied",
        DESCRIBE,
        Error,
        Should,
        "[INFERRED] Describe needs VIEW on the project: without it, PermissionDenied.",
    ),
    // ---- /project-xxxx/update ----
    it(
        "project/update#input.name",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `name` renames the project: describe shows the new name.",
    ),
    it(
        "project/update#input.summary",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `summary` (`dx update project --summary`) replaces the summary.",
    ),
    it(
        "project/update#input.description",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `description` replaces the description.",
    ),
    it(
        "project/update#input.protected",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `protected` (boolean) sets the flag, both ways (`dx update project P --protected true`); a protected project needs ADMINISTER to delete (folders-and-deletion).",
    ),
    it(
        "project/update#input.restricted",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `restricted` (boolean) sets the flag, both ways (a restricted project refuses to be a clone source: cloning page).",
    ),
    it(
        "project/update#input.downloadRestricted",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `downloadRestricted` (boolean) sets the flag.",
    ),
    it(
        "project/update#input.externalUploadRestricted",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `externalUploadRestricted` (boolean) sets the flag, both ways.",
    ),
    it(
        "project/update#input.previewViewerRestricted",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `previewViewerRestricted` (boolean) sets the flag.",
    ),
    it(
        "project/update#input.databaseUIViewOnly",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `databaseUIViewOnly` (boolean) sets the flag, both ways.",
    ),
    it(
        "project/update#input.allowedExecutables",
        UPDATE,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `allowedExecutables` (array of executable IDs) is described back.",
    ),
    it(
        "project/update#input.allowedExecutables.any-id",
        UPDATE,
        Input,
        Should,
        "[OBSERVED] `allowedExecutables` accepts `applet-abcdefghijklmnopqrstuzwx`, an ID outside the documented alphabet (only its shape is checked).",
    ),
    it(
        "project/update#input.allowedExecutables.null",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `allowedExecutables: null` (what `dx update project --unset-allowed-executables` sends) makes the field null.",
    ),
    it(
        "project/update#input.unsetAllowedExecutables",
        UPDATE,
        Input,
        Should,
        "[OBSERVED] `unsetAllowedExecutables: true` makes `allowedExecutables` null.",
    ),
    it(
        "project/update#input.databaseResultsRestricted",
        UPDATE,
        Input,
        Should,
        "[OBSERVED] `databaseResultsRestricted` as a positive integer (what `dx update project --database-results-restricted N` sends) is accepted and described back (dxpy's own test suite found a server refusing it).",
    ),
    it(
        "project/update#input.databaseResultsRestricted.null",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `databaseResultsRestricted: null` (`--unset-database-results-restricted`) makes the field null.",
    ),
    it(
        "project/update#input.unsetDatabaseResultsRestricted",
        UPDATE,
        Input,
        Should,
        "[OBSERVED] `unsetDatabaseResultsRestricted: true` makes `databaseResultsRestricted` null.",
    ),
    it(
        "project/update#input.billTo",
        UPDATE,
        Input,
        Should,
        "[CLIENT] `billTo` naming the caller is accepted and describe's `billTo` is the caller (reading: a user may bill their own account).",
    ),
    it(
        "project/update#error.InvalidInput.billTo",
        UPDATE,
        Error,
        Should,
        "[OBSERVED] A `billTo` naming a user who does not exist is InvalidInput, and the project's `billTo` is unchanged (dxpy's own test suite found a server accepting it).",
    ),
    it(
        "project/update#error.PermissionDenied.phi",
        UPDATE,
        Error,
        Should,
        "[INFERRED] `containsPHI: true` without the PHI feature is PermissionDenied, as at creation.",
    ),
    it(
        "project/update#output.id",
        UPDATE,
        Output,
        Should,
        "[CLIENT] The answer is `{\"id\": P}` (`dx update project` prints it).",
    ),
    it(
        "project/update#rule.download-restricts-preview",
        UPDATE,
        Rule,
        Should,
        "[OBSERVED] Setting `downloadRestricted: true` also makes `previewViewerRestricted` true.",
    ),
    it(
        "project/update#error.InvalidInput.download-while-preview",
        UPDATE,
        Error,
        Should,
        "[OBSERVED] Turning `downloadRestricted` off while `previewViewerRestricted` is on is InvalidInput.",
    ),
    it(
        "project/update#rule.others-unchanged",
        UPDATE,
        Rule,
        Should,
        "[INFERRED] Fields the update does not name keep their values.",
    ),
    it(
        "project/update#error.InvalidInput.type",
        UPDATE,
        Error,
        Should,
        "[INFERRED] An input of the wrong type (`protected: \"yes\"`, an empty or non-string `name`, `allowedExecutables` that is not an array of IDs, a `databaseResultsRestricted` that is not a positive integer) is InvalidInput, and nothing changes.",
    ),
    it(
        "project/update#error.ResourceNotFound",
        UPDATE,
        Error,
        Should,
        "[INFERRED] Update of a project that does not exist is ResourceNotFound.",
    ),
    it(
        "project/update#error.PermissionDenied",
        UPDATE,
        Error,
        Must,
        "Changing the project needs ADMINISTER: a member with less gets PermissionDenied (per-field levels are silent; every field is read so).",
    ),
    // ---- /project-xxxx/destroy ----
    it(
        "project/destroy#output.id",
        DESTROY,
        Output,
        Should,
        "[SILENT] [INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/destroy#rule.gone",
        DESTROY,
        Rule,
        Should,
        "[OBSERVED] Describe of a destroyed project is ResourceNotFound.",
    ),
    it(
        "project/destroy#error.ResourceNotFound.again",
        DESTROY,
        Error,
        Should,
        "[INFERRED] A second destroy of the same project is ResourceNotFound.",
    ),
    it(
        "project/destroy#input.terminateJobs",
        DESTROY,
        Input,
        Should,
        "[CLIENT] `terminateJobs` (boolean; `dx rmproject` sends `true`) is accepted.",
    ),
    it(
        "project/destroy#error.InvalidInput.terminateJobs",
        DESTROY,
        Error,
        Should,
        "[INFERRED] A `terminateJobs` that is not a boolean is InvalidInput, and the project stays.",
    ),
    it(
        "project/destroy#rule.objects-gone",
        DESTROY,
        Rule,
        Should,
        "[INFERRED] An object whose only copy was in the destroyed project is gone: its describe is ResourceNotFound.",
    ),
    it(
        "project/destroy#rule.other-copies-kept",
        DESTROY,
        Rule,
        Should,
        "[INFERRED] An object cloned into another project survives the destruction of the first, with its copy there.",
    ),
    it(
        "project/destroy#error.PermissionDenied",
        DESTROY,
        Error,
        Must,
        "Destroying the project needs ADMINISTER: a member with less gets PermissionDenied and the project stays.",
    ),
    // ---- /project-xxxx/addTags, removeTags ----
    it(
        "project/addTags#input.tags",
        ADD_TAGS,
        Input,
        Should,
        "[CLIENT] `tags` (array of strings; `dx tag : t1` sends `{\"tags\": [\"t1\"]}`, no `project` key): they are added to the project's `tags`.",
    ),
    it(
        "project/addTags#output.id",
        ADD_TAGS,
        Output,
        Should,
        "[INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/addTags#rule.no-duplicates",
        ADD_TAGS,
        Rule,
        Should,
        "[INFERRED] As for objects: a tag the project already has is not added twice.",
    ),
    it(
        "project/addTags#error.InvalidInput",
        ADD_TAGS,
        Error,
        Should,
        "[INFERRED] As for objects: a missing `tags`, or one that is not an array of strings, is InvalidInput.",
    ),
    it(
        "project/addTags#error.ResourceNotFound",
        ADD_TAGS,
        Error,
        Should,
        "[INFERRED] addTags on a project that does not exist is ResourceNotFound.",
    ),
    it(
        "project/addTags#error.PermissionDenied",
        ADD_TAGS,
        Error,
        Should,
        "[SILENT] The level is not documented; reading: CONTRIBUTE (changing what the container holds), PermissionDenied below it.",
    ),
    it(
        "project/removeTags#input.tags",
        REMOVE_TAGS,
        Input,
        Should,
        "[CLIENT] `tags` (array of strings): they are removed from the project's `tags`, the others stay.",
    ),
    it(
        "project/removeTags#output.id",
        REMOVE_TAGS,
        Output,
        Should,
        "[INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/removeTags#rule.absent-no-op",
        REMOVE_TAGS,
        Rule,
        Should,
        "[INFERRED] Removing a tag the project does not have does nothing, as for objects.",
    ),
    it(
        "project/removeTags#error.InvalidInput",
        REMOVE_TAGS,
        Error,
        Should,
        "[INFERRED] As addTags: a missing or malformed `tags` is InvalidInput.",
    ),
    it(
        "project/removeTags#error.PermissionDenied",
        REMOVE_TAGS,
        Error,
        Should,
        "[SILENT] Reading: CONTRIBUTE, as addTags.",
    ),
    // ---- /project-xxxx/setProperties ----
    it(
        "project/setProperties#input.properties",
        SET_PROPERTIES,
        Input,
        Should,
        "[CLIENT] `properties` (mapping of key to string or null): each string sets its key.",
    ),
    it(
        "project/setProperties#output.id",
        SET_PROPERTIES,
        Output,
        Should,
        "[INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/setProperties#rule.merge",
        SET_PROPERTIES,
        Rule,
        Should,
        "[OBSERVED] Merge semantics as for objects: keys not named keep their values.",
    ),
    it(
        "project/setProperties#rule.null-unsets",
        SET_PROPERTIES,
        Rule,
        Should,
        "[OBSERVED] A `null` value unsets its key.",
    ),
    it(
        "project/setProperties#rule.empty-value",
        SET_PROPERTIES,
        Rule,
        Should,
        "[OBSERVED] `\"\"` is a value like any other: the key is kept with an empty value.",
    ),
    it(
        "project/setProperties#error.InvalidInput",
        SET_PROPERTIES,
        Error,
        Should,
        "[INFERRED] As for objects: a missing `properties`, or a value that is neither a string nor null, is InvalidInput and nothing changes.",
    ),
    it(
        "project/setProperties#error.PermissionDenied",
        SET_PROPERTIES,
        Error,
        Should,
        "[SILENT] Reading: CONTRIBUTE, as for the project's tags.",
    ),
];

/// The fields a project describe documents, each with its item: what a snapshot of a
/// describe with those fields selected is projected onto.
static DESCRIBE_SHAPE: Shape = Shape::Object(&[
    Field::new("id", "project/describe#output.id"),
    Field::new("class", "project/describe#output.class"),
    Field::new("name", "project/describe#output.name"),
    Field::new("summary", "project/describe#output.summary"),
    Field::new("description", "project/describe#output.description"),
    Field::new("tags", "project/describe#output.tags"),
    Field::new("created", "project/describe#output.created"),
    Field::new("modified", "project/describe#output.modified"),
    Field::new("level", "project/describe#output.level"),
    Field::new("protected", "project/describe#output.protected"),
    Field::new("restricted", "project/describe#output.restricted"),
    Field::new(
        "downloadRestricted",
        "project/describe#output.downloadRestricted",
    ),
    Field::new(
        "externalUploadRestricted",
        "project/describe#output.externalUploadRestricted",
    ),
    Field::new("containsPHI", "project/describe#output.containsPHI"),
    Field::new(
        "databaseUIViewOnly",
        "project/describe#output.databaseUIViewOnly",
    ),
    Field::new(
        "databaseResultsRestricted",
        "project/describe#output.databaseResultsRestricted",
    ),
    Field::new("properties", "project/describe#output.properties"),
]);

/// `{"id": P}`: what update, destroy and the tag and property routes answer.
static ID_ANSWER: Shape = Shape::Object(&[Field::new("id", "project/update#output.id")]);

/// An operand no documented field ever holds: `Ne(pointer, PRESENT)` checks only that the
/// field is present, whatever its value (null included).
const PRESENT: &str = r#""(not a field value)""#;

/// `{"id": P}` as setProperties answers it.
static PROPERTIES_ANSWER: Shape =
    Shape::Object(&[Field::new("id", "project/setProperties#output.id")]);

/// The fields a defaults snapshot selects (all deterministic on any endpoint).
const DEFAULTS_BODY: &str = r#"{"fields": {"class": true, "name": true, "summary": true,
    "description": true, "tags": true, "created": true, "modified": true, "level": true,
    "protected": true, "restricted": true, "downloadRestricted": true,
    "externalUploadRestricted": true, "containsPHI": true, "databaseUIViewOnly": true,
    "databaseResultsRestricted": true, "properties": true}}"#;

/// A project of the case's own, `$p`, destroyed by [`DESTROY_P`] in the case's last step.
const NEW_P: Step = post("/project/new", r#"{"name": "dxconform-$run"}"#)
    .proves(&["project/new#output.id"])
    .capture(&[("p", "/id")]);
const DESTROY_P: Step = post("/$p/destroy", "{}").proves(&["project/destroy#output.id"]);
const DESCRIBE_P: Step = post("/$p/describe", "{}");
const DESC: Step = post("/$project/describe", "{}");

/// Describe `$project` with these fields (a JSON `fields` body).
const fn describe_with(body: &'static str) -> Step {
    post("/$project/describe", body)
}

/// The permission annotation of each project route (the sharing routes are in
/// `sharing.rs`).
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "projects::describe",
        item: "project/describe#error.PermissionDenied",
        object: Object::Project,
        open: Access::View,
        call: post("/$project/describe", "{}"),
        ..ROUTE
    },
    RouteAccess {
        name: "projects::update",
        item: "project/update#error.PermissionDenied",
        object: Object::Project,
        open: Access::Administer,
        call: post("/$project/update", r#"{"description": "changed"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "projects::destroy",
        item: "project/destroy#error.PermissionDenied",
        object: Object::Project,
        open: Access::Administer,
        call: post("/$project/destroy", "{}"),
        ..ROUTE
    },
    RouteAccess {
        name: "projects::add_tags",
        item: "project/addTags#error.PermissionDenied",
        object: Object::Project,
        open: Access::Contribute,
        call: post("/$project/addTags", r#"{"tags": ["t"]}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "projects::remove_tags",
        item: "project/removeTags#error.PermissionDenied",
        object: Object::Project,
        open: Access::Contribute,
        call: post("/$project/removeTags", r#"{"tags": ["t"]}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "projects::set_properties",
        item: "project/setProperties#error.PermissionDenied",
        object: Object::Project,
        open: Access::Contribute,
        call: post("/$project/setProperties", r#"{"properties": {"k": "v"}}"#),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= /project/new =================
    Case {
        name: "projects::new::name_described",
        items: &["project/new#input.name", "project/new#output.id"],
        summary: "a project made with `name` answers its `project-` ID, which describes with that name",
        steps: &[
            post("/project/new", r#"{"name": "dxconform-$run-named"}"#)
                .check(&[Is("/id", Kind::Id("project"))])
                .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[
                Eq("/id", r#""$p""#),
                Eq("/name", r#""dxconform-$run-named""#),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::name_missing",
        items: &[
            "project/new#input.name.required",
            "project/new#error.InvalidInput.name",
        ],
        summary: "`/project/new` without `name` is refused (InvalidInput: our reading)",
        steps: &[post("/project/new", r#"{"summary": "no name"}"#)
            .refused()
            .proves(&["project/new#input.name.required"])
            .check(&[On(
                "project/new#error.InvalidInput.name",
                &[Eq("/error/type", r#""InvalidInput""#)],
            )])],
        ..CASE
    },
    Case {
        name: "projects::new::name_not_string",
        items: &["project/new#error.InvalidInput.name"],
        summary: "a `name` that is a number is InvalidInput",
        steps: &[post("/project/new", r#"{"name": 7}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::new::name_empty",
        items: &["project/new#error.InvalidInput.name"],
        summary: "an empty `name` is InvalidInput",
        steps: &[post("/project/new", r#"{"name": ""}"#)
            .fails(422, "InvalidInput")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "projects::new::name_non_ascii",
        items: &["project/new#input.name.non-ascii"],
        summary: "a non-ASCII name (`dxclient_test_pröject`) is described back as given",
        steps: &[
            post("/project/new", r#"{"name": "dxclient_test_pröject-$run"}"#)
                .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[Eq("/name", r#""dxclient_test_pröject-$run""#)]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::defaults_snapshot",
        items: &[
            "project/new#input.summary.default",
            "project/new#input.description.default",
            "project/new#input.protected.default",
            "project/new#input.restricted.default",
            "project/new#input.downloadRestricted.default",
            "project/new#input.externalUploadRestricted.default",
        ],
        summary: "after a bare `{name}`, describe shows the documented defaults: empty summary and description, the four flags false",
        steps: &[
            post("/project/new", r#"{"name": "dxconform defaults"}"#)
                .proves(&["project/new#output.id"])
                .capture(&[("p", "/id")]),
            post("/$p/describe", DEFAULTS_BODY)
                .proves(&["project/describe#input.fields"])
                .check(&[
                    On("project/new#input.summary.default", &[Eq("/summary", r#""""#)]),
                    On(
                        "project/new#input.description.default",
                        &[Eq("/description", r#""""#)],
                    ),
                    On(
                        "project/new#input.protected.default",
                        &[Eq("/protected", "false")],
                    ),
                    On(
                        "project/new#input.restricted.default",
                        &[Eq("/restricted", "false")],
                    ),
                    On(
                        "project/new#input.downloadRestricted.default",
                        &[Eq("/downloadRestricted", "false")],
                    ),
                    On(
                        "project/new#input.externalUploadRestricted.default",
                        &[Eq("/externalUploadRestricted", "false")],
                    ),
                ])
                .snapshot_as(&DESCRIBE_SHAPE),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::observed_defaults",
        items: &[
            "project/new#default.containsPHI",
            "project/new#default.databaseUIViewOnly",
            "project/new#default.tags",
            "project/new#default.properties",
            "project/new#default.databaseResultsRestricted",
        ],
        summary: "after a bare `{name}`: containsPHI and databaseUIViewOnly false, no tags, no properties, databaseResultsRestricted null (observed)",
        steps: &[
            NEW_P,
            post("/$p/describe", DEFAULTS_BODY)
                .proves(&["project/describe#input.fields"])
                .check(&[
                    On("project/new#default.containsPHI", &[Eq("/containsPHI", "false")]),
                    On(
                        "project/new#default.databaseUIViewOnly",
                        &[Eq("/databaseUIViewOnly", "false")],
                    ),
                    On("project/new#default.tags", &[Eq("/tags", "[]")]),
                    On("project/new#default.properties", &[Eq("/properties", "{}")]),
                    On(
                        "project/new#default.databaseResultsRestricted",
                        &[Eq("/databaseResultsRestricted", "null")],
                    ),
                ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::summary_and_description",
        items: &["project/new#input.summary", "project/new#input.description"],
        summary: "`summary` and `description` given at creation are described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "summary": "short", "description": "a longer text\nwith two lines"}"#,
            )
            .proves(&["project/new#output.id"])
            .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[
                On("project/new#input.summary", &[Eq("/summary", r#""short""#)]),
                On(
                    "project/new#input.description",
                    &[Eq("/description", r#""a longer text\nwith two lines""#)],
                ),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::flags_true",
        items: &[
            "project/new#input.protected",
            "project/new#input.restricted",
            "project/new#input.downloadRestricted",
            "project/new#input.externalUploadRestricted",
        ],
        summary: "the four documented flags given `true` at creation are described `true`",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "protected": true, "restricted": true,
                    "downloadRestricted": true, "externalUploadRestricted": true}"#,
            )
            .proves(&["project/new#output.id"])
            .capture(&[("p", "/id")]),
            post(
                "/$p/describe",
                r#"{"fields": {"protected": true, "restricted": true, "downloadRestricted": true, "externalUploadRestricted": true}}"#,
            )
            .proves(&["project/describe#input.fields"])
            .check(&[
                On("project/new#input.protected", &[Eq("/protected", "true")]),
                On("project/new#input.restricted", &[Eq("/restricted", "true")]),
                On(
                    "project/new#input.downloadRestricted",
                    &[Eq("/downloadRestricted", "true")],
                ),
                On(
                    "project/new#input.externalUploadRestricted",
                    &[Eq("/externalUploadRestricted", "true")],
                ),
            ]),
            post("/$p/update", r#"{"protected": false}"#).proves(&["project/update#input.protected"]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::flags_false_given",
        items: &[
            "project/new#input.protected",
            "project/new#input.restricted",
            "project/new#input.downloadRestricted",
            "project/new#input.externalUploadRestricted",
        ],
        summary: "the four flags given `false` explicitly are accepted and described `false`",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "protected": false, "restricted": false,
                    "downloadRestricted": false, "externalUploadRestricted": false}"#,
            )
            .capture(&[("p", "/id")]),
            post(
                "/$p/describe",
                r#"{"fields": {"protected": true, "restricted": true, "downloadRestricted": true, "externalUploadRestricted": true}}"#,
            )
            .check(&[
                On("project/new#input.protected", &[Eq("/protected", "false")]),
                On("project/new#input.restricted", &[Eq("/restricted", "false")]),
                On(
                    "project/new#input.downloadRestricted",
                    &[Eq("/downloadRestricted", "false")],
                ),
                On(
                    "project/new#input.externalUploadRestricted",
                    &[Eq("/externalUploadRestricted", "false")],
                ),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::flag_not_boolean",
        items: &["project/new#error.InvalidInput.type"],
        summary: "`protected: \"yes\"` is InvalidInput",
        steps: &[post(
            "/project/new",
            r#"{"name": "dxconform-$run", "protected": "yes"}"#,
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::new::tags_not_array",
        items: &["project/new#error.InvalidInput.type"],
        summary: "`tags` given as a string is InvalidInput",
        steps: &[
            post("/project/new", r#"{"name": "dxconform-$run", "tags": "t"}"#)
                .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "projects::new::properties_not_strings",
        items: &["project/new#error.InvalidInput.type"],
        summary: "`properties` with a number value is InvalidInput",
        steps: &[post(
            "/project/new",
            r#"{"name": "dxconform-$run", "properties": {"k": 1}}"#,
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::new::tags_and_properties",
        items: &["project/new#input.tags", "project/new#input.properties"],
        summary: "`tags` and `properties` given at creation are described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "tags": ["a", "b"], "properties": {"k": "v", "e": ""}}"#,
            )
            .capture(&[("p", "/id")]),
            post("/$p/describe", r#"{"fields": {"tags": true, "properties": true}}"#).check(&[
                On("project/new#input.tags", &[SetEq("/tags", r#"["a", "b"]"#)]),
                On(
                    "project/new#input.properties",
                    &[Eq("/properties", r#"{"k": "v", "e": ""}"#)],
                ),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::region",
        items: &["project/new#input.region"],
        summary: "`region: aws:us-east-1` is accepted and described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "region": "aws:us-east-1"}"#,
            )
            .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[Eq("/region", r#""aws:us-east-1""#)]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::region_unknown",
        items: &["project/new#error.InvalidInput.region"],
        summary: "an unknown `region` is InvalidInput",
        steps: &[post(
            "/project/new",
            r#"{"name": "dxconform-$run", "region": "nowhere:moon-1"}"#,
        )
        .fails(422, "InvalidInput")
        .snapshot()],
        ..CASE
    },
    Case {
        name: "projects::new::contains_phi_false",
        items: &["project/new#input.containsPHI"],
        summary: "`containsPHI: false` is accepted and described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "containsPHI": false}"#,
            )
            .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[Eq("/containsPHI", "false")]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::contains_phi_without_feature",
        items: &["project/new#error.PermissionDenied.phi"],
        summary: "`containsPHI: true` without the PHI feature is PermissionDenied",
        steps: &[post(
            "/project/new",
            r#"{"name": "dxconform-$run", "containsPHI": true}"#,
        )
        .fails(401, "PermissionDenied")
        .snapshot()],
        ..CASE
    },
    Case {
        name: "projects::new::bill_to_self",
        items: &["project/new#input.billTo"],
        summary: "`billTo` naming the caller is accepted and describe's `billTo` is the caller",
        steps: &[
            post("/project/new", r#"{"name": "dxconform-$run", "billTo": "$owner"}"#)
                .capture(&[("p", "/id")]),
            DESCRIBE_P.check(&[Eq("/billTo", r#""$owner""#)]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::bill_to_unknown_user",
        items: &["project/new#error.InvalidInput.billTo"],
        summary: "`billTo` naming a user who does not exist is InvalidInput",
        steps: &[post(
            "/project/new",
            r#"{"name": "dxconform-$run", "billTo": "user-dxconform-nobody-$run"}"#,
        )
        .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::new::database_flags",
        items: &[
            "project/new#input.databaseUIViewOnly",
            "project/new#input.databaseResultsRestricted",
        ],
        summary: "`databaseUIViewOnly: true` and `databaseResultsRestricted: 10` are described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "databaseUIViewOnly": true, "databaseResultsRestricted": 10}"#,
            )
            .capture(&[("p", "/id")]),
            post(
                "/$p/describe",
                r#"{"fields": {"databaseUIViewOnly": true, "databaseResultsRestricted": true}}"#,
            )
            .check(&[
                On(
                    "project/new#input.databaseUIViewOnly",
                    &[Eq("/databaseUIViewOnly", "true")],
                ),
                On(
                    "project/new#input.databaseResultsRestricted",
                    &[Eq("/databaseResultsRestricted", "10")],
                ),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::preview_viewer_restricted",
        items: &["project/new#input.previewViewerRestricted"],
        summary: "`previewViewerRestricted: true` at creation is described back",
        steps: &[
            post(
                "/project/new",
                r#"{"name": "dxconform-$run", "previewViewerRestricted": true}"#,
            )
            .capture(&[("p", "/id")]),
            post("/$p/describe", r#"{"fields": {"previewViewerRestricted": true}}"#)
                .check(&[Eq("/previewViewerRestricted", "true")]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::creator_administers",
        items: &["project/new#rule.creator-administers"],
        summary: "the creator's `level` is ADMINISTER and `permissions` maps them to ADMINISTER",
        steps: &[
            post("/project/new", r#"{"name": "dxconform-$run"}"#)
                .proves(&["project/new#output.id"])
                .capture(&[("p", "/id")]),
            post(
                "/$p/describe",
                r#"{"fields": {"level": true, "permissions": true}}"#,
            )
            .check(&[
                Eq("/level", r#""ADMINISTER""#),
                Has("/permissions", r#"{"$owner": "ADMINISTER"}"#),
            ]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::new::no_nonce",
        items: &["project/new#rule.no-nonce"],
        summary: "two `/project/new` calls with the same input and `nonce` make two different projects",
        steps: &[
            post("/project/new", r#"{"name": "dxconform-$run", "nonce": "n-$run"}"#)
                .capture(&[("p", "/id")]),
            post("/project/new", r#"{"name": "dxconform-$run", "nonce": "n-$run"}"#)
                .check(&[Ne("/id", r#""$p""#)])
                .capture(&[("p2", "/id")]),
            post("/$p2/destroy", "{}").proves(&["project/destroy#output.id"]),
            DESTROY_P,
        ],
        ..CASE
    },
    // ================= /project-xxxx/describe =================
    Case {
        name: "projects::describe::default_fields",
        items: &[
            "project/describe#output.id",
            "project/describe#output.class",
            "project/describe#output.name",
            "project/describe#output.summary",
            "project/describe#output.description",
            "project/describe#output.tags",
            "project/describe#output.created",
            "project/describe#output.modified",
            "project/describe#output.level",
            "project/describe#output.protected",
            "project/describe#output.restricted",
            "project/describe#output.billTo",
            "project/describe#output.region",
            "project/describe#output.dataUsage",
            "project/describe#output.containsPHI",
            "project/describe#output.storageCost",
            "project/describe#output.atSpendingLimit",
            "project/describe#output.sponsoredEgress",
        ],
        summary: "describe `{}` holds the default fields, each of its documented type",
        steps: &[DESC.check(&[
            On("project/describe#output.id", &[Eq("/id", r#""$project""#)]),
            On("project/describe#output.class", &[Eq("/class", r#""project""#)]),
            On("project/describe#output.name", &[Is("/name", Kind::NonEmptyString)]),
            On("project/describe#output.summary", &[Is("/summary", Kind::String)]),
            On(
                "project/describe#output.description",
                &[Is("/description", Kind::String)],
            ),
            On("project/describe#output.tags", &[Is("/tags", Kind::StringArray)]),
            On(
                "project/describe#output.created",
                &[Is("/created", Kind::Timestamp)],
            ),
            On(
                "project/describe#output.modified",
                &[
                    Is("/modified", Kind::Timestamp),
                    Cmp("/modified", Ord::Ge, "@/created"),
                ],
            ),
            On(
                "project/describe#output.level",
                &[Matches("/level", "^(VIEW|UPLOAD|CONTRIBUTE|ADMINISTER)$")],
            ),
            On("project/describe#output.protected", &[Is("/protected", Kind::Bool)]),
            On(
                "project/describe#output.restricted",
                &[Is("/restricted", Kind::Bool)],
            ),
            On(
                "project/describe#output.billTo",
                &[Matches("/billTo", "^(user|org)-.+$")],
            ),
            On(
                "project/describe#output.region",
                &[Is("/region", Kind::NonEmptyString)],
            ),
            On(
                "project/describe#output.dataUsage",
                &[Is("/dataUsage", Kind::Number)],
            ),
            On(
                "project/describe#output.containsPHI",
                &[Is("/containsPHI", Kind::Bool)],
            ),
            On(
                "project/describe#output.storageCost",
                &[Is("/storageCost", Kind::Number)],
            ),
            On(
                "project/describe#output.atSpendingLimit",
                &[Is("/atSpendingLimit", Kind::Bool)],
            ),
            On(
                "project/describe#output.sponsoredEgress",
                &[
                    Is("/totalSponsoredEgressBytes", Kind::Number),
                    Is("/consumedSponsoredEgressBytes", Kind::Number),
                ],
            ),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::not_by_default",
        items: &[
            "project/describe#output.properties",
            "project/describe#output.permissions",
            "project/describe#output.folders",
        ],
        summary: "`properties` is not a default field (observed), and neither are `permissions` and `folders`",
        steps: &[DESC.check(&[
            On(
                "project/describe#output.properties",
                &[Absent("/properties")],
            ),
            On(
                "project/describe#output.permissions",
                &[Absent("/permissions")],
            ),
            On("project/describe#output.folders", &[Absent("/folders")]),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::created_by",
        items: &["project/describe#output.createdBy"],
        summary: "`createdBy.user` is the creator (asked for through `fields`)",
        steps: &[describe_with(r#"{"fields": {"createdBy": true}}"#)
            .check(&[Eq("/createdBy/user", r#""$owner""#)])],
        ..CASE
    },
    Case {
        name: "projects::describe::flags_on_request",
        items: &[
            "project/describe#output.downloadRestricted",
            "project/describe#output.externalUploadRestricted",
            "project/describe#output.previewViewerRestricted",
            "project/describe#output.databaseUIViewOnly",
            "project/describe#output.databaseResultsRestricted",
            "project/describe#output.allowedExecutables",
            "project/describe#output.sponsoredDataUsage",
            "project/describe#output.pendingTransfer",
        ],
        summary: "the flags and usage fields asked for through `fields` are present, each of its type",
        steps: &[describe_with(
            r#"{"fields": {"downloadRestricted": true, "externalUploadRestricted": true,
                "previewViewerRestricted": true, "databaseUIViewOnly": true,
                "databaseResultsRestricted": true, "allowedExecutables": true,
                "sponsoredDataUsage": true, "pendingTransfer": true}}"#,
        )
        .check(&[
            On(
                "project/describe#output.downloadRestricted",
                &[Is("/downloadRestricted", Kind::Bool)],
            ),
            On(
                "project/describe#output.externalUploadRestricted",
                &[Is("/externalUploadRestricted", Kind::Bool)],
            ),
            On(
                "project/describe#output.previewViewerRestricted",
                &[Is("/previewViewerRestricted", Kind::Bool)],
            ),
            On(
                "project/describe#output.databaseUIViewOnly",
                &[Is("/databaseUIViewOnly", Kind::Bool)],
            ),
            On(
                "project/describe#output.databaseResultsRestricted",
                &[Ne("/databaseResultsRestricted", PRESENT)],
            ),
            On(
                "project/describe#output.allowedExecutables",
                &[Ne("/allowedExecutables", PRESENT)],
            ),
            On(
                "project/describe#output.sponsoredDataUsage",
                &[Is("/sponsoredDataUsage", Kind::Number)],
            ),
            On(
                "project/describe#output.pendingTransfer",
                &[Ne("/pendingTransfer", PRESENT)],
            ),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::fields_restrict",
        items: &["project/describe#input.fields"],
        summary: "`fields: {name: true}` answers `id` and `name` and none of the other default fields",
        steps: &[describe_with(r#"{"fields": {"name": true}}"#).check(&[
            Eq("/id", r#""$project""#),
            Is("/name", Kind::NonEmptyString),
            Fields(
                "",
                &[
                    "id", "name", "class", "summary", "description", "tags", "level",
                    "protected", "restricted", "created", "modified", "billTo", "region",
                    "dataUsage",
                ],
                &["id", "name"],
            ),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::fields_id_only",
        items: &["project/describe#input.fields", "project/describe#output.id"],
        summary: "`fields: {id: true}` (what `dx describe R` sends first) answers the project's ID alone",
        steps: &[describe_with(r#"{"fields": {"id": true}}"#).check(&[
            Eq("/id", r#""$project""#),
            Fields("", &["id", "name", "class", "level", "created"], &["id"]),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::fields_false_left_out",
        items: &["project/describe#input.fields"],
        summary: "a field set to false beside one set to true is left out",
        steps: &[
            describe_with(r#"{"fields": {"name": true, "class": false}}"#).check(&[
                Is("/name", Kind::NonEmptyString),
                Absent("/class"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::default_fields_with_fields",
        items: &["project/describe#input.defaultFields"],
        summary: "`defaultFields: true` with `fields: {properties: true}` answers the defaults and `properties`",
        steps: &[describe_with(
            r#"{"fields": {"properties": true}, "defaultFields": true}"#,
        )
        .check(&[
            Is("/name", Kind::NonEmptyString),
            Is("/class", Kind::String),
            Is("/created", Kind::Timestamp),
            Is("/properties", Kind::Object),
        ])],
        ..CASE
    },
    Case {
        name: "projects::describe::properties_flag",
        items: &["project/describe#input.properties"],
        summary: "the deprecated `{properties: true}` (`dx describe P`) adds `properties` to the defaults",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"k": "v"}}"#)
                .proves(&["project/setProperties#input.properties"]),
            describe_with(r#"{"properties": true}"#).check(&[
                Has("/properties", r#"{"k": "v"}"#),
                Is("/name", Kind::NonEmptyString),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::folders_flag",
        items: &["project/describe#input.folders", "project/describe#output.folders"],
        summary: "the deprecated `{folders: true}` (`dx tree`) adds `folders`: every folder's full path, the root included",
        steps: &[
            post("/$project/newFolder", r#"{"folder": "/a/b", "parents": true}"#),
            describe_with(r#"{"folders": true}"#).check(&[
                SetEq("/folders", r#"["/", "/a", "/a/b"]"#),
                Is("/name", Kind::NonEmptyString),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::folders_field",
        items: &["project/describe#output.folders"],
        summary: "`fields: {folders: true}` lists every folder as a full path, nested ones too",
        steps: &[
            post("/$project/newFolder", r#"{"folder": "/x/y/z", "parents": true}"#),
            post("/$project/newFolder", r#"{"folder": "/w"}"#),
            describe_with(r#"{"fields": {"folders": true}}"#)
                .check(&[SetEq("/folders", r#"["/", "/x", "/x/y", "/x/y/z", "/w"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::permissions_field",
        items: &["project/describe#output.permissions"],
        summary: "`fields: {permissions: true}` maps each member to their level",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[describe_with(r#"{"fields": {"permissions": true}}"#)
            .check(&[Has(
                "/permissions",
                r#"{"$owner": "ADMINISTER", "$peer": "UPLOAD"}"#,
            )])],
    },
    Case {
        name: "projects::describe::properties_field",
        items: &["project/describe#output.properties"],
        summary: "`fields: {properties: true}` answers the project's properties",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"a": "1", "b": "2"}}"#)
                .proves(&["project/setProperties#input.properties"]),
            describe_with(r#"{"fields": {"properties": true}}"#)
                .check(&[Has("/properties", r#"{"a": "1", "b": "2"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::fields_not_mapping",
        items: &["project/describe#error.InvalidInput.fields"],
        summary: "`fields` given as an array is InvalidInput",
        steps: &[describe_with(r#"{"fields": ["name"]}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::describe::fields_value_not_boolean",
        items: &["project/describe#error.InvalidInput.fields"],
        summary: "`fields: {name: 1}` is InvalidInput",
        steps: &[describe_with(r#"{"fields": {"name": 1}}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::describe::unknown_project",
        items: &["project/describe#error.ResourceNotFound"],
        summary: "describe of a well-formed project ID that does not exist is ResourceNotFound",
        steps: &[post("/project-0123456789BFGJKPQVXYZbfg/describe", "{}")
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "projects::describe::none",
        items: &["project/describe#error.ResourceNotFound.None"],
        summary: "`/None/describe` is ResourceNotFound",
        steps: &[post("/None/describe", "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "projects::describe::peer_level",
        items: &["project/describe#output.level"],
        summary: "a member's describe shows their own level, not the creator's",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[DESC
            .by(Who::Peer)
            .check(&[Eq("/level", r#""CONTRIBUTE""#)])],
    },
    Case {
        name: "projects::describe::modified_moves",
        items: &["project/describe#rule.modified-moves"],
        summary: "after an update, `modified` is later and `created` unchanged",
        steps: &[
            DESC.capture(&[("created", "/created"), ("modified", "/modified")]),
            post("/$project/update", r#"{"description": "changed"}"#)
                .after(5)
                .proves(&["project/update#input.description"]),
            DESC.check(&[
                Eq("/created", r#""$created""#),
                Cmp("/modified", Ord::Gt, r#""$modified""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::describe::modified_moves_on_tags",
        items: &["project/describe#rule.modified-moves"],
        summary: "after addTags on the project, `modified` is later",
        steps: &[
            DESC.capture(&[("modified", "/modified")]),
            post("/$project/addTags", r#"{"tags": ["m"]}"#)
                .after(5)
                .proves(&["project/addTags#input.tags"]),
            DESC.check(&[Cmp("/modified", Ord::Gt, r#""$modified""#)]),
        ],
        ..CASE
    },
    // ================= /project-xxxx/update =================
    Case {
        name: "projects::update::name",
        items: &["project/update#input.name", "project/update#output.id"],
        summary: "`name` renames the project; the answer is `{id}`",
        steps: &[
            post("/$project/update", r#"{"name": "dxconform-$run-renamed"}"#)
                .check(&[Eq("/id", r#""$project""#)])
                .snapshot_as(&ID_ANSWER),
            DESC.check(&[Eq("/name", r#""dxconform-$run-renamed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::summary",
        items: &["project/update#input.summary"],
        summary: "`summary` replaces the summary",
        steps: &[
            post("/$project/update", r#"{"summary": "new summary"}"#),
            DESC.check(&[Eq("/summary", r#""new summary""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::description",
        items: &["project/update#input.description"],
        summary: "`description` replaces the description, an empty one too",
        steps: &[
            post("/$project/update", r#"{"description": "first"}"#),
            DESC.check(&[Eq("/description", r#""first""#)]),
            post("/$project/update", r#"{"description": ""}"#),
            DESC.check(&[Eq("/description", r#""""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::protected",
        items: &["project/update#input.protected"],
        summary: "`protected: true` then `false` (what `dx update project --protected` sends) sets the flag both ways",
        steps: &[
            post("/$project/update", r#"{"protected": true}"#),
            DESC.check(&[Eq("/protected", "true")]),
            post("/$project/update", r#"{"protected": false}"#),
            DESC.check(&[Eq("/protected", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::name_and_protected",
        items: &["project/update#input.name", "project/update#input.protected"],
        summary: "`{name, protected: true}` in one call (as `dx update project P --name N --protected true` sends) changes both",
        steps: &[
            post(
                "/$project/update",
                r#"{"name": "dxconform-$run-both", "protected": true}"#,
            ),
            DESC.check(&[
                On(
                    "project/update#input.name",
                    &[Eq("/name", r#""dxconform-$run-both""#)],
                ),
                On("project/update#input.protected", &[Eq("/protected", "true")]),
            ]),
            post("/$project/update", r#"{"protected": false}"#)
                .proves(&["project/update#input.protected"]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::restricted",
        items: &["project/update#input.restricted"],
        summary: "`restricted` set true then false",
        steps: &[
            post("/$project/update", r#"{"restricted": true}"#),
            DESC.check(&[Eq("/restricted", "true")]),
            post("/$project/update", r#"{"restricted": false}"#),
            DESC.check(&[Eq("/restricted", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::external_upload_restricted",
        items: &["project/update#input.externalUploadRestricted"],
        summary: "`externalUploadRestricted` set true then false",
        steps: &[
            post("/$project/update", r#"{"externalUploadRestricted": true}"#),
            describe_with(r#"{"fields": {"externalUploadRestricted": true}}"#)
                .check(&[Eq("/externalUploadRestricted", "true")]),
            post("/$project/update", r#"{"externalUploadRestricted": false}"#),
            describe_with(r#"{"fields": {"externalUploadRestricted": true}}"#)
                .check(&[Eq("/externalUploadRestricted", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::database_ui_view_only",
        items: &["project/update#input.databaseUIViewOnly"],
        summary: "`databaseUIViewOnly` set true then false",
        steps: &[
            post("/$project/update", r#"{"databaseUIViewOnly": true}"#),
            describe_with(r#"{"fields": {"databaseUIViewOnly": true}}"#)
                .check(&[Eq("/databaseUIViewOnly", "true")]),
            post("/$project/update", r#"{"databaseUIViewOnly": false}"#),
            describe_with(r#"{"fields": {"databaseUIViewOnly": true}}"#)
                .check(&[Eq("/databaseUIViewOnly", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::download_restricted",
        items: &[
            "project/update#input.downloadRestricted",
            "project/update#rule.download-restricts-preview",
        ],
        summary: "`downloadRestricted: true` sets the flag and also makes `previewViewerRestricted` true (observed)",
        steps: &[
            post("/$project/update", r#"{"downloadRestricted": true}"#),
            describe_with(
                r#"{"fields": {"downloadRestricted": true, "previewViewerRestricted": true}}"#,
            )
            .check(&[
                On(
                    "project/update#input.downloadRestricted",
                    &[Eq("/downloadRestricted", "true")],
                ),
                On(
                    "project/update#rule.download-restricts-preview",
                    &[Eq("/previewViewerRestricted", "true")],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::download_off_while_preview_on",
        items: &["project/update#error.InvalidInput.download-while-preview"],
        summary: "turning `downloadRestricted` off while `previewViewerRestricted` is on is InvalidInput; the flags stay",
        steps: &[
            post("/$project/update", r#"{"downloadRestricted": true}"#)
                .proves(&["project/update#input.downloadRestricted"]),
            post("/$project/update", r#"{"downloadRestricted": false}"#)
                .fails(422, "InvalidInput")
                .snapshot(),
            describe_with(r#"{"fields": {"downloadRestricted": true}}"#)
                .check(&[Eq("/downloadRestricted", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::download_off_with_preview_off",
        items: &[
            "project/update#input.downloadRestricted",
            "project/update#input.previewViewerRestricted",
        ],
        summary: "both flags turned off in one call after `downloadRestricted: true` is accepted",
        steps: &[
            post("/$project/update", r#"{"downloadRestricted": true}"#),
            post(
                "/$project/update",
                r#"{"downloadRestricted": false, "previewViewerRestricted": false}"#,
            ),
            describe_with(
                r#"{"fields": {"downloadRestricted": true, "previewViewerRestricted": true}}"#,
            )
            .check(&[
                On(
                    "project/update#input.downloadRestricted",
                    &[Eq("/downloadRestricted", "false")],
                ),
                On(
                    "project/update#input.previewViewerRestricted",
                    &[Eq("/previewViewerRestricted", "false")],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::preview_viewer_restricted",
        items: &["project/update#input.previewViewerRestricted"],
        summary: "`previewViewerRestricted: true` alone sets the flag",
        steps: &[
            post("/$project/update", r#"{"previewViewerRestricted": true}"#),
            describe_with(r#"{"fields": {"previewViewerRestricted": true}}"#)
                .check(&[Eq("/previewViewerRestricted", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::allowed_executables",
        items: &["project/update#input.allowedExecutables"],
        summary: "`allowedExecutables` is described back",
        steps: &[
            post(
                "/$project/update",
                r#"{"allowedExecutables": ["applet-0123456789BFGJKPQVXYZbfg"]}"#,
            ),
            describe_with(r#"{"fields": {"allowedExecutables": true}}"#).check(&[Eq(
                "/allowedExecutables",
                r#"["applet-0123456789BFGJKPQVXYZbfg"]"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::allowed_executables_any_id",
        items: &["project/update#input.allowedExecutables.any-id"],
        summary: "`applet-abcdefghijklmnopqrstuzwx`, outside the documented alphabet, is accepted (observed)",
        steps: &[
            post(
                "/$project/update",
                r#"{"allowedExecutables": ["applet-abcdefghijklmnopqrstuzwx"]}"#,
            ),
            describe_with(r#"{"fields": {"allowedExecutables": true}}"#).check(&[Eq(
                "/allowedExecutables",
                r#"["applet-abcdefghijklmnopqrstuzwx"]"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::unset_allowed_executables",
        items: &["project/update#input.unsetAllowedExecutables"],
        summary: "`unsetAllowedExecutables: true` makes `allowedExecutables` null",
        steps: &[
            post(
                "/$project/update",
                r#"{"allowedExecutables": ["applet-0123456789BFGJKPQVXYZbfg"]}"#,
            )
            .proves(&["project/update#input.allowedExecutables"]),
            post("/$project/update", r#"{"unsetAllowedExecutables": true}"#),
            describe_with(r#"{"fields": {"allowedExecutables": true}}"#)
                .check(&[Eq("/allowedExecutables", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::allowed_executables_null",
        items: &["project/update#input.allowedExecutables.null"],
        summary: "`allowedExecutables: null` (what dx sends to unset) makes the field null",
        steps: &[
            post(
                "/$project/update",
                r#"{"allowedExecutables": ["applet-0123456789BFGJKPQVXYZbfg"]}"#,
            )
            .proves(&["project/update#input.allowedExecutables"]),
            post("/$project/update", r#"{"allowedExecutables": null}"#),
            describe_with(r#"{"fields": {"allowedExecutables": true}}"#)
                .check(&[Eq("/allowedExecutables", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::allowed_executables_not_ids",
        items: &["project/update#error.InvalidInput.type"],
        summary: "`allowedExecutables: [\"x\"]` is InvalidInput",
        steps: &[post("/$project/update", r#"{"allowedExecutables": ["x"]}"#)
            .fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::update::database_results_restricted_integer",
        items: &["project/update#input.databaseResultsRestricted"],
        summary: "`databaseResultsRestricted: 100` (an integer, as dx sends it) is accepted and described back",
        steps: &[
            post("/$project/update", r#"{"databaseResultsRestricted": 100}"#),
            describe_with(r#"{"fields": {"databaseResultsRestricted": true}}"#)
                .check(&[Eq("/databaseResultsRestricted", "100")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::database_results_restricted_unset",
        items: &["project/update#input.unsetDatabaseResultsRestricted"],
        summary: "`unsetDatabaseResultsRestricted: true` makes the field null",
        steps: &[
            post("/$project/update", r#"{"databaseResultsRestricted": 5}"#)
                .proves(&["project/update#input.databaseResultsRestricted"]),
            post("/$project/update", r#"{"unsetDatabaseResultsRestricted": true}"#),
            describe_with(r#"{"fields": {"databaseResultsRestricted": true}}"#)
                .check(&[Eq("/databaseResultsRestricted", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::database_results_restricted_null",
        items: &["project/update#input.databaseResultsRestricted.null"],
        summary: "`databaseResultsRestricted: null` (what dx sends to unset) makes the field null",
        steps: &[
            post("/$project/update", r#"{"databaseResultsRestricted": 5}"#)
                .proves(&["project/update#input.databaseResultsRestricted"]),
            post("/$project/update", r#"{"databaseResultsRestricted": null}"#),
            describe_with(r#"{"fields": {"databaseResultsRestricted": true}}"#)
                .check(&[Eq("/databaseResultsRestricted", "null")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::database_results_restricted_negative",
        items: &["project/update#error.InvalidInput.type"],
        summary: "`databaseResultsRestricted: -1` is InvalidInput (a positive integer is expected)",
        steps: &[
            post("/$project/update", r#"{"databaseResultsRestricted": -1}"#)
                .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::bill_to_self",
        items: &["project/update#input.billTo"],
        summary: "`billTo` naming the caller is accepted and described back",
        steps: &[
            post("/$project/update", r#"{"billTo": "$owner"}"#),
            DESC.check(&[Eq("/billTo", r#""$owner""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::bill_to_unknown_user",
        items: &["project/update#error.InvalidInput.billTo"],
        summary: "`billTo` naming a user who does not exist is InvalidInput and `billTo` is unchanged",
        steps: &[
            DESC.capture(&[("billTo", "/billTo")]),
            post(
                "/$project/update",
                r#"{"billTo": "user-dxconform-nobody-$run"}"#,
            )
            .fails(422, "InvalidInput")
            .snapshot(),
            DESC.check(&[Eq("/billTo", r#""$billTo""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::contains_phi_without_feature",
        items: &["project/update#error.PermissionDenied.phi"],
        summary: "`containsPHI: true` without the PHI feature is PermissionDenied",
        steps: &[post("/$project/update", r#"{"containsPHI": true}"#).fails(401, "PermissionDenied")],
        ..CASE
    },
    Case {
        name: "projects::update::others_unchanged",
        items: &["project/update#rule.others-unchanged"],
        summary: "an update of `description` leaves `name`, `summary` and the flags as they were",
        steps: &[
            post(
                "/$project/update",
                r#"{"summary": "kept summary", "restricted": true}"#,
            ),
            DESC.capture(&[("name", "/name")]),
            post("/$project/update", r#"{"description": "only this"}"#),
            DESC.check(&[
                Eq("/name", r#""$name""#),
                Eq("/summary", r#""kept summary""#),
                Eq("/restricted", "true"),
                Eq("/description", r#""only this""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::empty_changes_nothing",
        items: &["project/update#rule.others-unchanged", "project/update#output.id"],
        summary: "an empty update succeeds with `{id}` and changes no field",
        steps: &[
            DESC.capture(&[("name", "/name"), ("summary", "/summary")]),
            post("/$project/update", "{}").check(&[Eq("/id", r#""$project""#)]),
            DESC.check(&[Eq("/name", r#""$name""#), Eq("/summary", r#""$summary""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::protected_not_boolean",
        items: &["project/update#error.InvalidInput.type"],
        summary: "`protected: \"yes\"` is InvalidInput and the flag stays false",
        steps: &[
            post("/$project/update", r#"{"protected": "yes"}"#)
                .fails(422, "InvalidInput")
                .snapshot(),
            DESC.check(&[Eq("/protected", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::name_empty",
        items: &["project/update#error.InvalidInput.type"],
        summary: "an empty `name` is InvalidInput and the name stays",
        steps: &[
            DESC.capture(&[("name", "/name")]),
            post("/$project/update", r#"{"name": ""}"#).fails(422, "InvalidInput"),
            DESC.check(&[Eq("/name", r#""$name""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::update::name_not_string",
        items: &["project/update#error.InvalidInput.type"],
        summary: "`name: 5` is InvalidInput",
        steps: &[post("/$project/update", r#"{"name": 5}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::update::unknown_project",
        items: &["project/update#error.ResourceNotFound"],
        summary: "update of a project that does not exist is ResourceNotFound",
        steps: &[post(
            "/project-0123456789BFGJKPQVXYZbfg/update",
            r#"{"description": "x"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "projects::update::contribute_denied",
        items: &["project/update#error.PermissionDenied"],
        summary: "a CONTRIBUTE member cannot update the project; its description stays",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/update", r#"{"description": "by peer"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .snapshot(),
            DESC.check(&[Ne("/description", r#""by peer""#)]),
        ],
    },
    Case {
        name: "projects::update::administer_peer",
        items: &["project/update#error.PermissionDenied"],
        summary: "an ADMINISTER member may update the project",
        needs: &[Need::Peer(Access::Administer)],
        steps: &[
            post("/$project/update", r#"{"description": "by peer"}"#).by(Who::Peer),
            DESC.check(&[Eq("/description", r#""by peer""#)]),
        ],
    },
    // ================= /project-xxxx/destroy =================
    Case {
        name: "projects::destroy::answer_and_gone",
        items: &["project/destroy#output.id", "project/destroy#rule.gone"],
        summary: "destroy answers `{id}`; the project then describes as ResourceNotFound",
        steps: &[
            NEW_P,
            post("/$p/destroy", "{}")
                .proves(&["project/destroy#output.id"])
                .check(&[Eq("/id", r#""$p""#)]),
            DESCRIBE_P
                .fails(404, "ResourceNotFound")
                .proves(&["project/destroy#rule.gone"]),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::describe_fields_gone",
        items: &["project/destroy#rule.gone"],
        summary: "after destroy, describe with `fields` is ResourceNotFound too",
        steps: &[
            NEW_P,
            DESTROY_P,
            post("/$p/describe", r#"{"fields": {"id": true}}"#).fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::second_destroy",
        items: &["project/destroy#error.ResourceNotFound.again"],
        summary: "a second destroy of the same project is ResourceNotFound",
        steps: &[
            NEW_P,
            DESTROY_P,
            post("/$p/destroy", "{}").fails(404, "ResourceNotFound").snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::terminate_jobs",
        items: &["project/destroy#input.terminateJobs"],
        summary: "`terminateJobs: true` (what `dx rmproject` sends) is accepted",
        steps: &[
            NEW_P,
            post("/$p/destroy", r#"{"terminateJobs": true}"#),
            DESCRIBE_P
                .fails(404, "ResourceNotFound")
                .proves(&["project/destroy#rule.gone"]),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::terminate_jobs_not_boolean",
        items: &["project/destroy#error.InvalidInput.terminateJobs"],
        summary: "`terminateJobs: \"yes\"` is InvalidInput and the project stays",
        steps: &[
            NEW_P,
            post("/$p/destroy", r#"{"terminateJobs": "yes"}"#).fails(422, "InvalidInput"),
            DESCRIBE_P.check(&[Eq("/id", r#""$p""#)]),
            DESTROY_P,
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::objects_gone",
        items: &["project/destroy#rule.objects-gone"],
        summary: "a record whose only copy was in the destroyed project describes as ResourceNotFound",
        steps: &[
            NEW_P,
            post("/record/new", r#"{"project": "$p", "close": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            DESTROY_P,
            post("/$rec/describe", "{}").fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::other_copies_kept",
        items: &["project/destroy#rule.other-copies-kept"],
        summary: "a closed record cloned into `$project` before its first project is destroyed still describes there",
        steps: &[
            NEW_P,
            post("/record/new", r#"{"project": "$p", "close": true}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            post(
                "/$p/clone",
                r#"{"objects": ["$rec"], "project": "$project"}"#,
            ),
            DESTROY_P,
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .check(&[Eq("/project", r#""$project""#), Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::destroy::contribute_denied",
        items: &["project/destroy#error.PermissionDenied"],
        summary: "a CONTRIBUTE member cannot destroy the project; it still describes",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/destroy", "{}")
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            DESC.check(&[Eq("/id", r#""$project""#)]),
        ],
    },
    // ================= tags =================
    Case {
        name: "projects::tags::add",
        items: &["project/addTags#input.tags", "project/addTags#output.id"],
        summary: "addTags adds the tags (no `project` key: the subject is the project) and answers `{id}`",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["t1", "t2"]}"#)
                .check(&[Eq("/id", r#""$project""#)]),
            DESC.check(&[SetEq("/tags", r#"["t1", "t2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::add_keeps_existing",
        items: &["project/addTags#input.tags"],
        summary: "a second addTags adds to the tags already there",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["a"]}"#),
            post("/$project/addTags", r#"{"tags": ["b"]}"#),
            DESC.check(&[SetEq("/tags", r#"["a", "b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::add_duplicate",
        items: &["project/addTags#rule.no-duplicates"],
        summary: "adding a tag the project has, and one twice in one call, keeps each once",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["a"]}"#).proves(&["project/addTags#input.tags"]),
            post("/$project/addTags", r#"{"tags": ["a", "b", "b"]}"#),
            DESC.check(&[SetEq("/tags", r#"["a", "b"]"#), Len("/tags", 2)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::add_missing",
        items: &["project/addTags#error.InvalidInput"],
        summary: "addTags without `tags` is InvalidInput",
        steps: &[post("/$project/addTags", "{}").fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::tags::add_not_strings",
        items: &["project/addTags#error.InvalidInput"],
        summary: "addTags with a number in `tags` is InvalidInput and adds nothing",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["ok", 1]}"#).fails(422, "InvalidInput"),
            DESC.check(&[Eq("/tags", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::add_unknown_project",
        items: &["project/addTags#error.ResourceNotFound"],
        summary: "addTags on a project that does not exist is ResourceNotFound",
        steps: &[post(
            "/project-0123456789BFGJKPQVXYZbfg/addTags",
            r#"{"tags": ["t"]}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "projects::tags::remove",
        items: &["project/removeTags#input.tags", "project/removeTags#output.id"],
        summary: "removeTags removes the named tags, keeps the others, and answers `{id}`",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["a", "b", "c"]}"#)
                .proves(&["project/addTags#input.tags"]),
            post("/$project/removeTags", r#"{"tags": ["a", "c"]}"#)
                .check(&[Eq("/id", r#""$project""#)]),
            DESC.check(&[Eq("/tags", r#"["b"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::remove_absent",
        items: &["project/removeTags#rule.absent-no-op"],
        summary: "removing a tag the project does not have succeeds and changes nothing",
        steps: &[
            post("/$project/addTags", r#"{"tags": ["a"]}"#).proves(&["project/addTags#input.tags"]),
            post("/$project/removeTags", r#"{"tags": ["zz"]}"#),
            DESC.check(&[Eq("/tags", r#"["a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::tags::remove_not_array",
        items: &["project/removeTags#error.InvalidInput"],
        summary: "removeTags with `tags` given as a string is InvalidInput",
        steps: &[post("/$project/removeTags", r#"{"tags": "a"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::tags::remove_missing",
        items: &["project/removeTags#error.InvalidInput"],
        summary: "removeTags without `tags` is InvalidInput",
        steps: &[post("/$project/removeTags", "{}").fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::tags::upload_denied",
        items: &["project/addTags#error.PermissionDenied"],
        summary: "an UPLOAD member cannot tag the project (CONTRIBUTE: our reading); no tag is added",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/$project/addTags", r#"{"tags": ["p"]}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            DESC.check(&[Eq("/tags", "[]")]),
        ],
    },
    // ================= properties =================
    Case {
        name: "projects::properties::set",
        items: &[
            "project/setProperties#input.properties",
            "project/setProperties#output.id",
        ],
        summary: "setProperties sets each key and answers `{id}`",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"a": "1", "b": "2"}}"#)
                .check(&[Eq("/id", r#""$project""#)])
                .snapshot_as(&PROPERTIES_ANSWER),
            describe_with(r#"{"fields": {"properties": true}}"#)
                .check(&[Has("/properties", r#"{"a": "1", "b": "2"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::properties::merge",
        items: &["project/setProperties#rule.merge"],
        summary: "a second setProperties changes its keys and keeps the others",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"a": "1", "b": "2"}}"#)
                .proves(&["project/setProperties#input.properties"]),
            post("/$project/setProperties", r#"{"properties": {"b": "3", "c": "4"}}"#),
            describe_with(r#"{"fields": {"properties": true}}"#)
                .check(&[Has("/properties", r#"{"a": "1", "b": "3", "c": "4"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::properties::null_unsets",
        items: &["project/setProperties#rule.null-unsets"],
        summary: "a `null` value unsets its key; the others stay",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"a": "1", "b": "2"}}"#)
                .proves(&["project/setProperties#input.properties"]),
            post("/$project/setProperties", r#"{"properties": {"a": null}}"#),
            describe_with(r#"{"fields": {"properties": true}}"#).check(&[
                Absent("/properties/a"),
                Eq("/properties/b", r#""2""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "projects::properties::empty_value",
        items: &["project/setProperties#rule.empty-value"],
        summary: "`\"\"` is kept as a value",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"e": ""}}"#),
            describe_with(r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties/e", r#""""#)]),
        ],
        ..CASE
    },
    Case {
        name: "projects::properties::not_string",
        items: &["project/setProperties#error.InvalidInput"],
        summary: "a number value is InvalidInput and no key changes",
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"n": 1}}"#)
                .fails(422, "InvalidInput"),
            describe_with(r#"{"fields": {"properties": true}}"#).check(&[Absent("/properties/n")]),
        ],
        ..CASE
    },
    Case {
        name: "projects::properties::missing",
        items: &["project/setProperties#error.InvalidInput"],
        summary: "setProperties without `properties` is InvalidInput",
        steps: &[post("/$project/setProperties", "{}").fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "projects::properties::upload_denied",
        items: &["project/setProperties#error.PermissionDenied"],
        summary: "an UPLOAD member cannot set the project's properties (CONTRIBUTE: our reading)",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"p": "v"}}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            describe_with(r#"{"fields": {"properties": true}}"#).check(&[Absent("/properties/p")]),
        ],
    },
    Case {
        name: "projects::properties::contribute_allowed",
        items: &[
            "project/setProperties#error.PermissionDenied",
            "project/removeTags#error.PermissionDenied",
        ],
        summary: "a CONTRIBUTE member may set properties and remove tags on the project",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/setProperties", r#"{"properties": {"p": "v"}}"#).by(Who::Peer),
            post("/$project/removeTags", r#"{"tags": ["none"]}"#).by(Who::Peer),
            describe_with(r#"{"fields": {"properties": true}}"#)
                .proves(&["project/setProperties#error.PermissionDenied"])
                .check(&[Eq("/properties/p", r#""v""#)]),
        ],
    },
];
