//! The Records page: `/record/new` and `/record-xxxx/describe`.
//!
//! <https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/records>
//! (seeds `002_…` and `004_…`). Every input, output and error the page names is an item
//! below, and every item is checked by at least one case. Where the page is silent (the
//! error for a wrong JSON type, insertion order, which copy describe picks without a hint)
//! the item is SHOULD and says which reading we took; those readings are the team's spec
//! decisions, shared with the reference server.
//!
//! Folder names in cases are unique per case (`/rn-…`), so cases stay independent even on a
//! target where scratch projects are shared; nonces carry `$run` so that reruns against a
//! real endpoint never replay an earlier run's answer.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{
    Access, CASE, Case,
    Check::{self, *},
    Kind, Need, Ord, Step, Who, post,
};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::RECORDS;

const NEW: &str = "#api-method-record-new";
const DESCRIBE: &str = "#api-method-record-xxxx-describe";

/// The fields `/record-xxxx/describe` documents, for [`crate::case::Check::Fields`].
pub const DESCRIBE_FIELDS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "sponsoredUntil",
    "properties",
    "details",
];

/// `id` and the default fields of describe (`sponsoredUntil` is default too, but only for
/// sponsored objects, and nothing a case creates is sponsored).
const DEFAULTS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
];

const DEFAULTS_AND_PROPERTIES: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "properties",
];

const DEFAULTS_AND_DETAILS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "details",
];

const DEFAULTS_AND_BOTH: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "properties",
    "details",
];

/// The documented sub-keys of `createdBy`.
const CREATED_BY_FIELDS: &[&str] = &["user", "job", "executable"];

/// `createdBy`: the creating user; `job` and `executable` only for objects a job made.
static CREATED_BY: Shape = Shape::Object(&[
    Field::new("user", "record/describe#output.createdBy"),
    Field::new("job", "record/describe#output.createdBy"),
    Field::new("executable", "record/describe#output.createdBy"),
]);

/// What `/record-xxxx/describe` documents, each field with its item: snapshots of a
/// describe are projected onto it. `sponsored`'s value for a record a user made is only
/// our reading (the page documents the field, not its value).
pub static RECORD_DESCRIBE: Shape = Shape::Object(&[
    Field::new("id", "record/describe#output.id"),
    Field::new("project", "record/describe#output.project"),
    Field::new("class", "record/describe#output.class"),
    Field::new("types", "record/describe#output.types"),
    Field::new("created", "record/describe#output.created"),
    Field::new("state", "record/describe#output.state"),
    Field::new("hidden", "record/describe#output.hidden"),
    Field::new("links", "record/describe#output.links"),
    Field::new("name", "record/describe#output.name"),
    Field::new("folder", "record/describe#output.folder"),
    Field::new("sponsored", "record/describe#output.sponsored")
        .reading("record/describe#rule.not-sponsored"),
    Field::new("tags", "record/describe#output.tags"),
    Field::new("modified", "record/describe#output.modified"),
    Field::new("createdBy", "record/describe#output.createdBy").of(CREATED_BY),
    Field::new("sponsoredUntil", "record/describe#output.sponsoredUntil"),
    Field::new("properties", "record/describe#output.properties").of(Shape::Map(&Shape::Value)),
    Field::new("details", "record/describe#output.details"),
]);

/// What `/record/new` answers.
pub static RECORD_NEW: Shape = Shape::Object(&[Field::new("id", "record/new#output.id")]);

/// An item of this page. The catalogue is a table, so the page is written once here.
const fn item(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &RECORDS, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- /record/new: inputs ----
    item(
        "record/new#input.project",
        NEW,
        Input,
        Must,
        "`project` (string, required): the project or container the new record is created in.",
    ),
    item(
        "record/new#input.project.required",
        NEW,
        Input,
        Should,
        "A body without `project` is rejected with InvalidInput (the page marks it required but names no error: our reading).",
    ),
    item(
        "record/new#input.project.type",
        NEW,
        Input,
        Should,
        "A `project` that is not a string is rejected with InvalidInput (the error for a wrong JSON type is not documented: our reading).",
    ),
    item(
        "record/new#input.project.malformed",
        NEW,
        Input,
        Should,
        "A malformed ID in `project` (`project-123`) is InvalidInput (Entity IDs page is silent: our reading).",
    ),
    item(
        "record/new#input.hash",
        NEW,
        Input,
        Should,
        "A body that is valid JSON but not a hash is InvalidInput (silent on this page: protocol reading).",
    ),
    item(
        "record/new#input.name",
        NEW,
        Input,
        Must,
        "`name` (string, optional): the name of the object, shown by describe.",
    ),
    item(
        "record/new#input.name.default",
        NEW,
        Input,
        Must,
        "`name` defaults to the new record's ID.",
    ),
    item(
        "record/new#input.name.type",
        NEW,
        Input,
        Should,
        "A `name` that is not a string is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.name.valid",
        NEW,
        Input,
        Should,
        "An empty `name` or one with a control character [\\x00-\\x1F] is InvalidInput (Name page rule applied to record/new: our reading).",
    ),
    item(
        "record/new#input.tags",
        NEW,
        Input,
        Must,
        "`tags` (array of strings, optional): tags associated with the object, shown by describe.",
    ),
    item(
        "record/new#input.tags.type",
        NEW,
        Input,
        Should,
        "`tags` that is not an array of non-empty strings is InvalidInput (Tags page rule; the error here is our reading).",
    ),
    item(
        "record/new#input.tags.order",
        NEW,
        Input,
        Should,
        "describe lists tags in insertion order (observed on the platform, not documented).",
    ),
    item(
        "record/new#input.tags.duplicates",
        NEW,
        Input,
        Should,
        "A tag given twice is kept once (tags behave as a set on the Tags page: our reading for record/new).",
    ),
    item(
        "record/new#input.types",
        NEW,
        Input,
        Must,
        "`types` (array of strings, optional): types associated with the object, shown by describe.",
    ),
    item(
        "record/new#input.types.type",
        NEW,
        Input,
        Should,
        "`types` that is not an array of strings is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.types.valid",
        NEW,
        Input,
        Should,
        "An empty type name or one with characters outside `[/0-9A-Za-z_]` (`ΨΨ`, a space) is InvalidInput (Types page; the error type is observed, not documented).",
    ),
    item(
        "record/new#input.types.hyphen",
        NEW,
        Input,
        Should,
        "A type name with `-` (the Types page's own example `history-record`) is accepted (the page contradicts its regex: our reading).",
    ),
    item(
        "record/new#input.types.order",
        NEW,
        Input,
        Should,
        "describe lists types in insertion order (observed on the platform, not documented).",
    ),
    item(
        "record/new#input.hidden",
        NEW,
        Input,
        Must,
        "`hidden` (boolean, optional): whether the object is hidden, shown by describe.",
    ),
    item(
        "record/new#input.hidden.default",
        NEW,
        Input,
        Must,
        "`hidden` defaults to false.",
    ),
    item(
        "record/new#input.hidden.type",
        NEW,
        Input,
        Should,
        "A `hidden` that is not a boolean is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.properties",
        NEW,
        Input,
        Must,
        "`properties` (mapping of key to string, optional): properties associated with the object.",
    ),
    item(
        "record/new#input.properties.type",
        NEW,
        Input,
        Should,
        "`properties` that is not a mapping of strings (a non-string or null value) is InvalidInput (our reading).",
    ),
    item(
        "record/new#input.details",
        NEW,
        Input,
        Must,
        "`details` (mapping or array, optional): JSON associated with the object, returned by describe on request.",
    ),
    item(
        "record/new#input.details.default",
        NEW,
        Input,
        Must,
        "`details` defaults to `{}`.",
    ),
    item(
        "record/new#input.details.type",
        NEW,
        Input,
        Should,
        "`details` that is neither an object nor an array is InvalidInput (Details page requires object or array; the error is our reading).",
    ),
    item(
        "record/new#input.folder",
        NEW,
        Input,
        Must,
        "`folder` (string, optional): full path of the folder that contains the new object.",
    ),
    item(
        "record/new#input.folder.default",
        NEW,
        Input,
        Must,
        "`folder` defaults to `/`.",
    ),
    item(
        "record/new#input.folder.type",
        NEW,
        Input,
        Should,
        "A `folder` that is not a string is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.folder.valid",
        NEW,
        Input,
        Should,
        "A `folder` that is empty, does not start with `/`, has a `.`/`..` component or a control character is InvalidInput (Folders page rules applied to record/new: our reading).",
    ),
    item(
        "record/new#input.folder.normalised",
        NEW,
        Input,
        Should,
        "Runs of `/` in `folder` collapse and a trailing `/` is dropped (Folders page rule applied to record/new: our reading).",
    ),
    item(
        "record/new#input.close",
        NEW,
        Input,
        Must,
        "`close` (boolean, optional): `true` closes the record right after creation (describe `state` is `closed`).",
    ),
    item(
        "record/new#input.close.default",
        NEW,
        Input,
        Must,
        "`close` defaults to false: the new record is `open`.",
    ),
    item(
        "record/new#input.close.type",
        NEW,
        Input,
        Should,
        "A `close` that is not a boolean is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.parents",
        NEW,
        Input,
        Must,
        "`parents` (boolean, optional): `true` creates every missing folder on the `folder` path.",
    ),
    item(
        "record/new#input.parents.default",
        NEW,
        Input,
        Must,
        "`parents` defaults to false: a missing `folder` is not created (ResourceNotFound).",
    ),
    item(
        "record/new#input.parents.type",
        NEW,
        Input,
        Should,
        "A `parents` that is not a boolean is InvalidInput (wrong-type error not documented: our reading).",
    ),
    item(
        "record/new#input.initializeFrom",
        NEW,
        Input,
        Must,
        "`initializeFrom` {project, id}: every metadata field (name, tags, types, hidden, properties, details) starts as the source record's.",
    ),
    item(
        "record/new#input.initializeFrom.override",
        NEW,
        Input,
        Must,
        "With `initializeFrom`, fields given explicitly in the call override the source record's values.",
    ),
    item(
        "record/new#input.initializeFrom.not-copied",
        NEW,
        Input,
        Should,
        "`initializeFrom` copies neither the folder (defaults to `/`) nor the state (the copy is open): our reading of \"metadata fields\".",
    ),
    item(
        "record/new#input.initializeFrom.type",
        NEW,
        Input,
        Should,
        "An `initializeFrom` that is not a mapping with string `project` and `id` is InvalidInput (our reading).",
    ),
    item(
        "record/new#input.nonce",
        NEW,
        Input,
        Must,
        "`nonce`: a request repeated with the same nonce gets an identical copy of the first answer and creates no second record.",
    ),
    item(
        "record/new#input.nonce.type",
        NEW,
        Input,
        Should,
        "A `nonce` that is not a string is InvalidInput (Nonces page is silent: our reading).",
    ),
    item(
        "record/new#rule.nonce-canonical",
        NEW,
        Rule,
        Should,
        "Nonce inputs are compared as JSON values: the same input with keys in another order is a replay (Nonces page is silent: our reading).",
    ),
    item(
        "record/new#rule.nonce-per-user",
        NEW,
        Rule,
        Should,
        "Nonces are scoped per user: another user's request with the same nonce creates its own record (Nonces page is silent: our reading).",
    ),
    item(
        "record/new#rule.nonce-failed-not-stored",
        NEW,
        Rule,
        Should,
        "A request that failed is not stored under its nonce: retried once the cause is gone, it succeeds (Nonces page is silent: our reading).",
    ),
    item(
        "record/new#rule.unknown-keys",
        NEW,
        Rule,
        Should,
        "An input key the page does not name (`dxapi`) is ignored (observed on the platform).",
    ),
    item(
        "record/new#rule.link-object-form",
        NEW,
        Rule,
        Should,
        "A link whose value is `{\"id\": ID, \"project\"?: P}` is accepted and its target listed in `links`; an object without `id` is InvalidInput (the docs conflict with the clients: our reading).",
    ),
    // ---- /record/new: output ----
    item(
        "record/new#output.id",
        NEW,
        Output,
        Must,
        "`id` (string): the new record's ID, `record-xxxx`.",
    ),
    // ---- /record/new: errors ----
    item(
        "record/new#error.InvalidInput.link-not-only-key",
        NEW,
        Error,
        Must,
        "InvalidInput: `$dnanexus_link` is a key of a hash in `details` but not its only key.",
    ),
    item(
        "record/new#error.InvalidInput.link-not-string",
        NEW,
        Error,
        Must,
        "InvalidInput: `$dnanexus_link` is the only key of a hash in `details` but its value is not a string (number, null, array).",
    ),
    item(
        "record/new#error.InvalidInput.initializeFrom-id",
        NEW,
        Error,
        Must,
        "InvalidInput: the `id` under `initializeFrom` is not a valid record ID.",
    ),
    item(
        "record/new#error.InvalidInput.property-key-too-long",
        NEW,
        Error,
        Must,
        "InvalidInput: a property key over 100 bytes in UTF-8 (100 bytes is accepted).",
    ),
    item(
        "record/new#error.InvalidInput.property-value-too-long",
        NEW,
        Error,
        Must,
        "InvalidInput: a property value over 700 bytes in UTF-8 (700 bytes is accepted).",
    ),
    item(
        "record/new#error.InvalidInput.nonce-reused",
        NEW,
        Error,
        Must,
        "InvalidInput: a nonce reused with other inputs changed.",
    ),
    item(
        "record/new#error.InvalidInput.nonce-too-long",
        NEW,
        Error,
        Must,
        "InvalidInput: a nonce over 128 bytes in UTF-8 (128 bytes is accepted).",
    ),
    item(
        "record/new#error.InvalidType.project",
        NEW,
        Error,
        Must,
        "InvalidType: `project` is an ID, but not a project ID.",
    ),
    item(
        "record/new#error.PermissionDenied.upload",
        NEW,
        Error,
        Must,
        "PermissionDenied: UPLOAD access to `project` is required (VIEW or no access is denied; UPLOAD suffices).",
    ),
    item(
        "record/new#error.PermissionDenied.initializeFrom-view",
        NEW,
        Error,
        Must,
        "PermissionDenied: VIEW access is required on the `initializeFrom` project.",
    ),
    item(
        "record/new#error.ResourceNotFound.project",
        NEW,
        Error,
        Must,
        "ResourceNotFound: the `project` does not exist.",
    ),
    item(
        "record/new#error.ResourceNotFound.folder",
        NEW,
        Error,
        Must,
        "ResourceNotFound: the `folder` path does not exist while `parents` is false.",
    ),
    item(
        "record/new#error.ResourceNotFound.initializeFrom-project",
        NEW,
        Error,
        Must,
        "ResourceNotFound: the project under `initializeFrom` does not exist.",
    ),
    item(
        "record/new#error.ResourceNotFound.initializeFrom-record",
        NEW,
        Error,
        Must,
        "ResourceNotFound: the record under `initializeFrom` does not exist.",
    ),
    item(
        "record/new#error.SpendingLimitExceeded",
        NEW,
        Error,
        Must,
        "SpendingLimitExceeded: the project's `billTo` has reached its spending limit (newer page; its status, 403, comes from the clients' error table).",
    ),
    item(
        "record/new#error.OrgExpired",
        NEW,
        Error,
        Must,
        "OrgExpired: the project's `billTo` org has expired (newer page). Its HTTP status is documented nowhere: a fact of its own (`protocols#status.OrgExpired`, SHOULD).",
    ),
    // ---- /record-xxxx/describe: inputs ----
    item(
        "record/describe#error.InvalidInput.not-hash",
        DESCRIBE,
        Error,
        Must,
        "InvalidInput: the input is not a hash.",
    ),
    item(
        "record/describe#input.project",
        DESCRIBE,
        Input,
        Must,
        "`project` (string, optional): a hint naming the project whose copy's metadata is returned.",
    ),
    item(
        "record/describe#error.InvalidInput.project",
        DESCRIBE,
        Error,
        Must,
        "InvalidInput: `project` is supplied but is not a string.",
    ),
    item(
        "record/describe#input.project.malformed",
        DESCRIBE,
        Input,
        Should,
        "A malformed project ID as hint (`project-123`) is InvalidInput (silent: our reading).",
    ),
    item(
        "record/describe#rule.hint-fallback",
        DESCRIBE,
        Rule,
        Must,
        "If the hinted project does not hold the object but another project the caller can VIEW does, that copy is used and its ID returned as `project`.",
    ),
    item(
        "record/describe#rule.any-viewable-copy",
        DESCRIBE,
        Rule,
        Must,
        "VIEW on some project holding the object suffices to describe it, not necessarily the hinted or the creating one.",
    ),
    item(
        "record/describe#rule.no-hint-creating-project",
        DESCRIBE,
        Rule,
        Should,
        "Without a hint, the copy in the creating project is described when the caller can VIEW it (silent: our reading).",
    ),
    item(
        "record/describe#input.defaultFields",
        DESCRIBE,
        Input,
        Must,
        "`defaultFields` (boolean): whether the default fields are returned; fields named in `fields` override it.",
    ),
    item(
        "record/describe#input.defaultFields.default",
        DESCRIBE,
        Input,
        Must,
        "`defaultFields` defaults to false when `fields` is supplied, true otherwise.",
    ),
    item(
        "record/describe#input.defaultFields.type",
        DESCRIBE,
        Input,
        Should,
        "A `defaultFields` that is not a boolean is InvalidInput (silent: our reading).",
    ),
    item(
        "record/describe#input.fields",
        DESCRIBE,
        Input,
        Must,
        "`fields` (mapping of field name to boolean): `true` includes, `false` excludes the field, overriding `defaultFields`.",
    ),
    item(
        "record/describe#input.fields.type",
        DESCRIBE,
        Input,
        Should,
        "A `fields` that is not a mapping of booleans is InvalidInput (silent: our reading).",
    ),
    item(
        "record/describe#input.fields.unknown",
        DESCRIBE,
        Input,
        Should,
        "A field name in `fields` that the page does not document is ignored (silent: our reading).",
    ),
    item(
        "record/describe#input.properties",
        DESCRIBE,
        Input,
        Must,
        "`properties` (deprecated boolean, default false): `true` adds `properties` to the output.",
    ),
    item(
        "record/describe#input.details",
        DESCRIBE,
        Input,
        Must,
        "`details` (deprecated boolean, default false): `true` adds `details` to the output.",
    ),
    item(
        "record/describe#input.details.type",
        DESCRIBE,
        Input,
        Should,
        "A deprecated `details` flag that is not a boolean is InvalidInput (the page names only `properties`: our reading).",
    ),
    item(
        "record/describe#input.deprecated-ignored",
        DESCRIBE,
        Input,
        Must,
        "The deprecated `properties` and `details` flags are not respected when `fields` is present.",
    ),
    item(
        "record/describe#error.InvalidInput.properties",
        DESCRIBE,
        Error,
        Must,
        "InvalidInput: `properties` is supplied but is not a boolean.",
    ),
    // ---- /record-xxxx/describe: outputs ----
    item(
        "record/describe#output.id",
        DESCRIBE,
        Output,
        Must,
        "`id` (string): the object ID, always returned.",
    ),
    item(
        "record/describe#output.project",
        DESCRIBE,
        Output,
        Must,
        "`project` (string, default): ID of the project or container whose copy was described.",
    ),
    item(
        "record/describe#output.class",
        DESCRIBE,
        Output,
        Must,
        "`class` (string, default): the value \"record\".",
    ),
    item(
        "record/describe#output.types",
        DESCRIBE,
        Output,
        Must,
        "`types` (array of strings, default): types associated with the object.",
    ),
    item(
        "record/describe#output.created",
        DESCRIBE,
        Output,
        Must,
        "`created` (timestamp, default): when the object was created.",
    ),
    item(
        "record/describe#output.state",
        DESCRIBE,
        Output,
        Must,
        "`state` (string, default): either \"open\" or \"closed\".",
    ),
    item(
        "record/describe#output.hidden",
        DESCRIBE,
        Output,
        Must,
        "`hidden` (boolean, default): whether the object is hidden.",
    ),
    item(
        "record/describe#output.links",
        DESCRIBE,
        Output,
        Must,
        "`links` (array of strings, default): the IDs the object's details link to.",
    ),
    item(
        "record/describe#output.name",
        DESCRIBE,
        Output,
        Must,
        "`name` (string, default): the name of the object.",
    ),
    item(
        "record/describe#output.folder",
        DESCRIBE,
        Output,
        Must,
        "`folder` (string, default): full path of the folder containing the object.",
    ),
    item(
        "record/describe#output.sponsored",
        DESCRIBE,
        Output,
        Must,
        "`sponsored` (boolean, default): whether the object is sponsored by DNAnexus.",
    ),
    item(
        "record/describe#output.tags",
        DESCRIBE,
        Output,
        Must,
        "`tags` (array of strings, default): tags associated with the object.",
    ),
    item(
        "record/describe#output.modified",
        DESCRIBE,
        Output,
        Must,
        "`modified` (timestamp, default): when the user-provided metadata was last modified.",
    ),
    item(
        "record/describe#rule.modified-moves",
        DESCRIBE,
        Rule,
        Must,
        "`modified` is the time the user-provided metadata last changed: after a change made later than the previous one, it is later than before; a read leaves it as it was.",
    ),
    item(
        "record/describe#output.createdBy",
        DESCRIBE,
        Output,
        Must,
        "`createdBy` (mapping, default): `user` is the user who created the object; `job` and `executable` only when a job created it.",
    ),
    item(
        "record/describe#output.sponsoredUntil",
        DESCRIBE,
        Output,
        Must,
        "`sponsoredUntil` (timestamp) is present only while the object is sponsored by a third party.",
    ),
    item(
        "record/describe#output.properties",
        DESCRIBE,
        Output,
        Must,
        "`properties` (mapping of strings) is returned only on request.",
    ),
    item(
        "record/describe#output.details",
        DESCRIBE,
        Output,
        Must,
        "`details` (mapping or array) is returned only on request.",
    ),
    item(
        "record/describe#rule.not-sponsored",
        DESCRIBE,
        Rule,
        Should,
        "A record a user just created is not sponsored: `sponsored` is false and `sponsoredUntil` absent (our reading).",
    ),
    item(
        "record/describe#rule.created-le-modified",
        DESCRIBE,
        Rule,
        Should,
        "`created` is not after `modified` (inferred from their meaning).",
    ),
    item(
        "record/describe#rule.links-dedup",
        DESCRIBE,
        Rule,
        Should,
        "`links` lists each target once, however many links point to it (observed).",
    ),
    item(
        "record/describe#rule.links-anywhere",
        DESCRIBE,
        Rule,
        Should,
        "`links` collects links anywhere in the details: inside arrays and nested objects (observed).",
    ),
    item(
        "record/describe#rule.links-self",
        DESCRIBE,
        Rule,
        Should,
        "A record whose details link to itself lists its own ID in `links` (observed).",
    ),
    item(
        "record/describe#rule.details-need-view",
        DESCRIBE,
        Rule,
        Must,
        "Details are returned to a caller with VIEW access.",
    ),
    // ---- /record-xxxx/describe: errors ----
    item(
        "record/describe#error.ResourceNotFound.object",
        DESCRIBE,
        Error,
        Must,
        "ResourceNotFound: the object does not exist.",
    ),
    item(
        "record/describe#error.ResourceNotFound.project",
        DESCRIBE,
        Error,
        Must,
        "ResourceNotFound: the `project` given as hint does not exist.",
    ),
    item(
        "record/describe#error.PermissionDenied.hint",
        DESCRIBE,
        Error,
        Must,
        "PermissionDenied: VIEW access is required on the `project` given as hint.",
    ),
    item(
        "record/describe#error.PermissionDenied.no-view",
        DESCRIBE,
        Error,
        Must,
        "PermissionDenied: VIEW access is required on some project holding the object.",
    ),
];

/// A new record in the case's project, captured as `$rec`.
const NEW_RECORD: Step = post("/record/new", r#"{"project": "$project"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("rec", "/id")]);

/// Two records to link to, captured as `$target` and `$target2`.
const TARGET: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "target"}"#,
)
.proves(&["record/new#output.id"])
.capture(&[("target", "/id")]);
const TARGET2: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "target2"}"#,
)
.proves(&["record/new#output.id"])
.capture(&[("target2", "/id")]);

/// The default describe of `$rec`, by the owner.
const DESCRIBE_REC: Step = post("/$rec/describe", "{}");

/// Every default field plus `properties` and `details`, asked for the documented way.
const DESCRIBE_FULL: Step = post(
    "/$rec/describe",
    r#"{"defaultFields": true, "fields": {"properties": true, "details": true}}"#,
);

/// A new record, its `modified`, then `change` a few milliseconds later (so that a correct
/// clock cannot tie), and a describe that must show a later `modified`.
const fn modified_moves(change: Step) -> [Step; 4] {
    [
        NEW_RECORD,
        DESCRIBE_REC.capture(&[("modified", "/modified")]),
        change.after(5),
        DESCRIBE_REC.check(&[Cmp("/modified", Ord::Gt, r#""$modified""#)]),
    ]
}

/// A `/record/new` call that must fail with InvalidInput (422).
const fn rejected(body: &'static str) -> Step {
    post("/record/new", body).fails(422, "InvalidInput")
}

/// A describe of `$rec` that must fail with InvalidInput (422).
const fn describe_rejected(body: &'static str) -> Step {
    post("/$rec/describe", body).fails(422, "InvalidInput")
}

/// The documented JSON type of every default field of describe.
const DEFAULT_TYPES: &[Check] = &[
    On(
        "record/describe#output.id",
        &[Fields("", DESCRIBE_FIELDS, DEFAULTS)],
    ),
    On(
        "record/describe#output.id",
        &[Is("/id", Kind::Id("record"))],
    ),
    On(
        "record/describe#output.project",
        &[Is("/project", Kind::Id("project"))],
    ),
    On(
        "record/describe#output.class",
        &[Eq("/class", r#""record""#)],
    ),
    On(
        "record/describe#output.types",
        &[Is("/types", Kind::StringArray)],
    ),
    On(
        "record/describe#output.created",
        &[Is("/created", Kind::Timestamp)],
    ),
    On(
        "record/describe#output.state",
        &[Is("/state", Kind::String)],
    ),
    On(
        "record/describe#output.hidden",
        &[Is("/hidden", Kind::Bool)],
    ),
    On(
        "record/describe#output.links",
        &[Is("/links", Kind::StringArray)],
    ),
    On("record/describe#output.name", &[Is("/name", Kind::String)]),
    On(
        "record/describe#output.folder",
        &[Is("/folder", Kind::String)],
    ),
    On(
        "record/describe#output.sponsored",
        &[Is("/sponsored", Kind::Bool)],
    ),
    On(
        "record/describe#output.tags",
        &[Is("/tags", Kind::StringArray)],
    ),
    On(
        "record/describe#output.modified",
        &[Is("/modified", Kind::Timestamp)],
    ),
    On(
        "record/describe#output.createdBy",
        &[Is("/createdBy", Kind::Object)],
    ),
    On(
        "record/describe#output.createdBy",
        &[Is("/createdBy/user", Kind::String)],
    ),
];

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "records::new",
        item: "record/new#error.PermissionDenied.upload",
        object: Object::Project,
        open: Access::Upload,
        call: post("/record/new", r#"{"project": "$project"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "records::describe",
        item: "record/describe#error.PermissionDenied.no-view",
        object: Object::Both,
        open: Access::View,
        closed: Access::View,
        call: post("/$obj/describe", "{}"),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= /record/new: project and output =================
    Case {
        name: "records::new::minimal",
        items: &["record/new#input.project", "record/new#output.id"],
        summary: "a body with only `project` creates a record and answers its `record-` ID",
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .check(&[Is("/id", Kind::Id("record")), Fields("", &["id"], &["id"])])
            .capture(&[("rec", "/id")])
            .snapshot_as(&RECORD_NEW),
            post("/$rec/describe", "{}").check(&[
                Eq("/id", r#""$rec""#),
                Eq("/project", r#""$project""#),
            ])],
        ..CASE
    },
    Case {
        name: "records::new::in_second_project",
        items: &["record/new#input.project", "record/describe#output.project"],
        summary: "`project` names where the record is created: a record made in `$project2` describes with that project",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project2"}"#)
                .check(&[Is("/id", Kind::Id("record"))])
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[Eq("/project", r#""$project2""#), Eq("/id", r#""$rec""#)]),
        ],
    },
    Case {
        name: "records::new::project_missing",
        items: &["record/new#input.project.required"],
        summary: "a body without `project` is InvalidInput",
        steps: &[rejected(r#"{"name": "no project"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::project_not_string",
        items: &["record/new#input.project.type"],
        summary: "a numeric `project` is InvalidInput",
        steps: &[rejected(r#"{"project": 5}"#)],
        ..CASE
    },
    Case {
        name: "records::new::project_null",
        items: &["record/new#input.project.type"],
        summary: "a null `project` is InvalidInput",
        steps: &[rejected(r#"{"project": null}"#)],
        ..CASE
    },
    Case {
        name: "records::new::project_malformed_id",
        items: &["record/new#input.project.malformed"],
        summary: "`project: \"project-123\"` (not 24 characters) is InvalidInput",
        steps: &[rejected(r#"{"project": "project-123"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::body_not_a_hash",
        items: &["record/new#input.hash"],
        summary: "a JSON array as the body is InvalidInput",
        steps: &[rejected(r#"[{"project": "$project"}]"#)],
        ..CASE
    },
    Case {
        name: "records::new::unknown_input_key_ignored",
        items: &["record/new#rule.unknown-keys"],
        summary: "an input key the page does not name (`dxapi`) is ignored",
        steps: &[post("/record/new", r#"{"project": "$project", "dxapi": "1.0.0"}"#)
            .check(&[Is("/id", Kind::Id("record"))])],
        ..CASE
    },
    Case {
        name: "records::new::project_is_record_id",
        items: &["record/new#error.InvalidType.project"],
        summary: "`project` holding a record ID is InvalidType",
        steps: &[
            NEW_RECORD,
            post("/record/new", r#"{"project": "$rec"}"#)
                .fails(422, "InvalidType")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::project_is_file_id",
        items: &["record/new#error.InvalidType.project"],
        summary: "`project` holding a well-formed file ID is InvalidType",
        steps: &[post("/record/new", r#"{"project": "file-000000000000000000000000"}"#)
            .fails(422, "InvalidType")],
        ..CASE
    },
    Case {
        name: "records::new::project_unknown",
        items: &["record/new#error.ResourceNotFound.project"],
        summary: "a well-formed project ID that does not exist is ResourceNotFound",
        steps: &[post("/record/new", r#"{"project": "project-000000000000000000000000"}"#)
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    // ================= /record/new: permissions and billing =================
    Case {
        name: "records::new::peer_with_view_denied",
        items: &["record/new#error.PermissionDenied.upload"],
        summary: "a peer with only VIEW on `project` gets PermissionDenied",
        needs: &[Need::Peer(Access::View)],
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .by(Who::Peer)
            .fails(401, "PermissionDenied")
            .snapshot()],
    },
    Case {
        name: "records::new::peer_without_access_denied",
        items: &["record/new#error.PermissionDenied.upload"],
        summary: "a peer with no access to `project` gets PermissionDenied",
        needs: &[Need::Peer(Access::None)],
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "records::new::peer_with_upload_allowed",
        items: &[
            "record/new#error.PermissionDenied.upload",
            "record/describe#output.createdBy",
        ],
        summary: "UPLOAD suffices: a peer with UPLOAD creates a record, and `createdBy.user` names the peer",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .by(Who::Peer)
                .check(&[Is("/id", Kind::Id("record"))])
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", "{}").check(&[
                Eq("/createdBy/user", r#""$peer""#),
                Eq("/project", r#""$project""#),
            ]),
        ],
    },
    Case {
        name: "records::new::spending_limit_exceeded",
        items: &["record/new#error.SpendingLimitExceeded"],
        summary: "a project billed to an org at its spending limit refuses new records with SpendingLimitExceeded",
        needs: &[Need::Billing],
        steps: &[post("/record/new", r#"{"project": "$limitProject"}"#)
            .fails(403, "SpendingLimitExceeded")
            .snapshot()],
    },
    Case {
        name: "records::new::org_expired",
        items: &["record/new#error.OrgExpired"],
        summary: "a project billed to an expired org refuses new records with OrgExpired",
        needs: &[Need::Billing],
        steps: &[post("/record/new", r#"{"project": "$expiredProject"}"#)
            .fails(403, "OrgExpired")
            .snapshot()],
    },
    // ================= /record/new: name =================
    Case {
        name: "records::new::name_defaults_to_id",
        items: &[
            "record/new#input.name.default",
            "record/describe#output.name",
        ],
        summary: "without `name`, describe shows the record's own ID as its name",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{}"#).check(&[Eq("/name", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::name_given",
        items: &["record/new#input.name", "record/describe#output.name"],
        summary: "the given `name`, multi-byte characters and spaces included, is what describe shows",
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "my rëcord €1 😀"}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/name", r#""my rëcord €1 😀""#), Is("/name", Kind::String)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::name_not_string",
        items: &["record/new#input.name.type"],
        summary: "a numeric `name` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "name": 5}"#)],
        ..CASE
    },
    Case {
        name: "records::new::name_empty",
        items: &["record/new#input.name.valid"],
        summary: "an empty `name` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "name": ""}"#)],
        ..CASE
    },
    Case {
        name: "records::new::name_control_character",
        items: &["record/new#input.name.valid"],
        summary: "a `name` with a tab (a control character) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "name": "a\tb"}"#)],
        ..CASE
    },
    // ================= /record/new: tags =================
    Case {
        name: "records::new::tags_given",
        items: &["record/new#input.tags", "record/describe#output.tags"],
        summary: "the given `tags` are the tags describe shows",
        steps: &[
            post("/record/new", r#"{"project": "$project", "tags": ["beta", "alpha", "ünï"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[
                Is("/tags", Kind::StringArray),
                SetEq("/tags", r#"["beta", "alpha", "ünï"]"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::tags_default_empty",
        items: &["record/new#input.tags", "record/describe#output.tags"],
        summary: "without `tags`, describe shows `tags: []`",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/tags", "[]")])],
        ..CASE
    },
    Case {
        name: "records::new::tags_keep_insertion_order",
        items: &["record/new#input.tags.order"],
        summary: "describe lists the tags in the order given",
        steps: &[
            post("/record/new", r#"{"project": "$project", "tags": ["zeta", "alpha", "mid"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/tags", r#"["zeta", "alpha", "mid"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::tags_duplicates_collapse",
        items: &["record/new#input.tags.duplicates"],
        summary: "a tag given twice is listed once",
        steps: &[
            post("/record/new", r#"{"project": "$project", "tags": ["x", "y", "x"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[SetEq("/tags", r#"["x", "y"]"#), Len("/tags", 2)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::tags_not_array",
        items: &["record/new#input.tags.type"],
        summary: "`tags` as a bare string is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "tags": "alpha"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::tags_non_string_element",
        items: &["record/new#input.tags.type"],
        summary: "`tags` holding a number is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "tags": ["alpha", 1]}"#)],
        ..CASE
    },
    Case {
        name: "records::new::tags_empty_string",
        items: &["record/new#input.tags.type"],
        summary: "`tags` holding an empty string is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "tags": [""]}"#)],
        ..CASE
    },
    // ================= /record/new: types =================
    Case {
        name: "records::new::types_given",
        items: &["record/new#input.types", "record/describe#output.types"],
        summary: "the given `types` are the types describe shows",
        steps: &[
            post("/record/new", r#"{"project": "$project", "types": ["Foo", "bar/baz_1"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[
                Is("/types", Kind::StringArray),
                SetEq("/types", r#"["Foo", "bar/baz_1"]"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::types_default_empty",
        items: &["record/new#input.types", "record/describe#output.types"],
        summary: "without `types`, describe shows `types: []`",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/types", "[]")])],
        ..CASE
    },
    Case {
        name: "records::new::types_keep_insertion_order",
        items: &["record/new#input.types.order"],
        summary: "describe lists the types in the order given",
        steps: &[
            post("/record/new", r#"{"project": "$project", "types": ["Zed", "Alpha", "Mid"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/types", r#"["Zed", "Alpha", "Mid"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::types_invalid_name",
        items: &["record/new#input.types.valid"],
        summary: "the type name `ΨΨ` (outside `[/0-9A-Za-z_]`) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "types": ["ΨΨ"]}"#)],
        ..CASE
    },
    Case {
        name: "records::new::types_with_space",
        items: &["record/new#input.types.valid"],
        summary: "the type name `two words` (a space is outside `[/0-9A-Za-z_]`) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "types": ["two words"]}"#)],
        ..CASE
    },
    Case {
        name: "records::new::types_empty_string",
        items: &["record/new#input.types.valid"],
        summary: "an empty type name is InvalidInput (a type name is non-empty)",
        steps: &[rejected(r#"{"project": "$project", "types": [""]}"#)],
        ..CASE
    },
    Case {
        name: "records::new::types_with_hyphen",
        items: &["record/new#input.types.hyphen"],
        summary: "the Types page's own example `history-record` is accepted",
        steps: &[
            post("/record/new", r#"{"project": "$project", "types": ["history-record"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/types", r#"["history-record"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::types_not_array",
        items: &["record/new#input.types.type"],
        summary: "`types` as a bare string is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "types": "Foo"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::types_non_string_element",
        items: &["record/new#input.types.type"],
        summary: "`types` holding a number is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "types": ["Foo", 2]}"#)],
        ..CASE
    },
    // ================= /record/new: hidden =================
    Case {
        name: "records::new::hidden_true",
        items: &["record/new#input.hidden", "record/describe#output.hidden"],
        summary: "`hidden: true` makes describe show `hidden: true`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "hidden": true}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/hidden", "true")]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::hidden_false",
        items: &["record/new#input.hidden", "record/describe#output.hidden"],
        summary: "`hidden: false` makes describe show `hidden: false`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "hidden": false}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::hidden_defaults_false",
        items: &["record/new#input.hidden.default", "record/describe#output.hidden"],
        summary: "without `hidden`, describe shows `hidden: false`",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/hidden", "false")])],
        ..CASE
    },
    Case {
        name: "records::new::hidden_not_boolean",
        items: &["record/new#input.hidden.type"],
        summary: "`hidden: \"true\"` (a string) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "hidden": "true"}"#)],
        ..CASE
    },
    // ================= /record/new: properties and their limits =================
    Case {
        name: "records::new::properties_given",
        items: &["record/new#input.properties", "record/describe#output.properties"],
        summary: "the given `properties`, an empty value and multi-byte text included, come back from describe",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "properties": {"k": "v", "empty": "", "ünï": "€ 😀"}}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#).check(&[
                Is("/properties", Kind::Object),
                Eq("/properties", r#"{"k": "v", "empty": "", "ünï": "€ 😀"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::properties_not_mapping",
        items: &["record/new#input.properties.type"],
        summary: "`properties` as an array is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "properties": ["k"]}"#)],
        ..CASE
    },
    Case {
        name: "records::new::properties_value_not_string",
        items: &["record/new#input.properties.type"],
        summary: "a numeric property value is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "properties": {"k": 1}}"#)],
        ..CASE
    },
    Case {
        name: "records::new::properties_value_null",
        items: &["record/new#input.properties.type"],
        summary: "a null property value is InvalidInput in record/new (only setProperties gives null a meaning)",
        steps: &[rejected(r#"{"project": "$project", "properties": {"k": null}}"#)],
        ..CASE
    },
    Case {
        name: "records::new::property_key_100_bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        summary: "a property key of exactly 100 UTF-8 bytes ending in a 2-byte `é` is accepted and kept",
        steps: &[
            post("/record/new", r#"{"project": "$project", "properties": {"$pad(100,é)": "v"}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties", r#"{"$pad(100,é)": "v"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::property_key_101_bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        summary: "a property key of 101 UTF-8 bytes (100 characters, the last a 2-byte `é`) is InvalidInput",
        steps: &[
            rejected(r#"{"project": "$project", "properties": {"$pad(101,é)": "v"}}"#).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::property_key_101_bytes_three_byte_char",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        summary: "a property key of 101 UTF-8 bytes (99 characters, the last a 3-byte `€`) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "properties": {"$pad(101,€)": "v"}}"#)],
        ..CASE
    },
    Case {
        name: "records::new::property_value_700_bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        summary: "a property value of exactly 700 UTF-8 bytes ending in a 2-byte `é` is accepted and kept",
        steps: &[
            post("/record/new", r#"{"project": "$project", "properties": {"k": "$pad(700,é)"}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#).check(&[
                Eq("/properties/k", r#""$pad(700,é)""#),
                Len("/properties/k", 700),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::property_value_700_bytes_three_byte_char",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        summary: "a property value of exactly 700 UTF-8 bytes ending in a 3-byte `€` is accepted",
        steps: &[
            post("/record/new", r#"{"project": "$project", "properties": {"k": "$pad(700,€)"}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties/k", r#""$pad(700,€)""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::property_value_701_bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        summary: "a property value of 701 UTF-8 bytes (700 characters, the last a 2-byte `é`) is InvalidInput",
        steps: &[
            rejected(r#"{"project": "$project", "properties": {"k": "$pad(701,é)"}}"#).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::property_value_701_bytes_four_byte_char",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        summary: "a property value of 701 UTF-8 bytes (698 characters, the last a 4-byte emoji) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "properties": {"k": "$pad(701,😀)"}}"#)],
        ..CASE
    },
    // ================= /record/new: details and links =================
    Case {
        name: "records::new::details_object",
        items: &["record/new#input.details", "record/describe#output.details"],
        summary: "a `details` object comes back unchanged from describe",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": 1, "b": {"c": [1, "two", null, true]}, "ü": "é"}}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#).check(&[
                Is("/details", Kind::Object),
                Eq("/details", r#"{"a": 1, "b": {"c": [1, "two", null, true]}, "ü": "é"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::details_array",
        items: &["record/new#input.details", "record/describe#output.details"],
        summary: "a `details` array comes back unchanged from describe",
        steps: &[
            post("/record/new", r#"{"project": "$project", "details": [1, "two", {"three": 3}]}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#).check(&[
                Is("/details", Kind::Array),
                Eq("/details", r#"[1, "two", {"three": 3}]"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::details_default_empty_object",
        items: &["record/new#input.details.default", "record/describe#output.details"],
        summary: "without `details`, describe's `details` is `{}`",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .check(&[Eq("/details", "{}")]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::details_string",
        items: &["record/new#input.details.type"],
        summary: "`details` as a string is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "details": "text"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::details_number",
        items: &["record/new#input.details.type"],
        summary: "`details` as a number is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "details": 5}"#)],
        ..CASE
    },
    Case {
        name: "records::new::details_null",
        items: &["record/new#input.details.type"],
        summary: "`details: null` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "details": null}"#)],
        ..CASE
    },
    Case {
        name: "records::new::link_not_only_key",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
        summary: "a hash in `details` with `$dnanexus_link` and another key is InvalidInput",
        steps: &[
            TARGET,
            rejected(
                r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": "$target", "extra": 1}}}"#,
            )
            .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_not_only_key_at_top_level",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
        summary: "`details` itself holding `$dnanexus_link` beside another key is InvalidInput",
        steps: &[
            TARGET,
            rejected(
                r#"{"project": "$project", "details": {"$dnanexus_link": "$target", "name": "x"}}"#,
            ),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_not_only_key_inside_array",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
        summary: "a bad link hash nested in an array in an object is InvalidInput too",
        steps: &[
            TARGET,
            rejected(
                r#"{"project": "$project", "details": {"a": [1, {"b": {"$dnanexus_link": "$target", "c": 2}}]}}"#,
            ),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_value_number",
        items: &["record/new#error.InvalidInput.link-not-string"],
        summary: "`{\"$dnanexus_link\": 5}` in `details` is InvalidInput",
        steps: &[
            rejected(r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": 5}}}"#)
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_value_null",
        items: &["record/new#error.InvalidInput.link-not-string"],
        summary: "`{\"$dnanexus_link\": null}` in `details` is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": null}}}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::link_value_array",
        items: &["record/new#error.InvalidInput.link-not-string"],
        summary: "`{\"$dnanexus_link\": [ID]}` in a `details` array is InvalidInput",
        steps: &[
            TARGET,
            rejected(r#"{"project": "$project", "details": [{"$dnanexus_link": ["$target"]}]}"#),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_value_boolean",
        items: &["record/new#error.InvalidInput.link-not-string"],
        summary: "`{\"$dnanexus_link\": true}` as the whole `details` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "details": {"$dnanexus_link": true}}"#)],
        ..CASE
    },
    Case {
        name: "records::new::link_object_form_accepted",
        items: &["record/new#rule.link-object-form"],
        summary: "a link `{\"id\": ID, \"project\": P}` is accepted and its target ID is listed in `links`",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": {"project": "$project", "id": "$target"}}}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/links", r#"["$target"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::link_object_without_id",
        items: &["record/new#rule.link-object-form"],
        summary: "a link object without `id` is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": {"project": "$project"}}}}"#,
        )],
        ..CASE
    },
    // ================= /record/new: folder and parents =================
    Case {
        name: "records::new::folder_defaults_to_root",
        items: &["record/new#input.folder.default", "record/describe#output.folder"],
        summary: "without `folder`, describe shows `folder: \"/\"`",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/folder", r#""/""#)])],
        ..CASE
    },
    Case {
        name: "records::new::folder_root_given",
        items: &["record/new#input.folder", "record/describe#output.folder"],
        summary: "`folder: \"/\"` puts the record in the root",
        steps: &[
            post("/record/new", r#"{"project": "$project", "folder": "/"}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::folder_existing",
        items: &["record/new#input.folder", "record/describe#output.folder"],
        summary: "a record created in a folder that exists, without `parents`, is in that folder",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-existing", "parents": true}"#,
            ),
            post("/record/new", r#"{"project": "$project", "folder": "/rn-existing"}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/rn-existing""#), Is("/folder", Kind::String)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::folder_and_parents_create_nested_path",
        items: &["record/new#input.parents", "record/new#input.folder"],
        summary: "`parents: true` creates every folder of a nested path: the record is in `/rn-nested/a/b` and `/rn-nested/a` now exists",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-nested/a/b", "parents": true}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/rn-nested/a/b""#)]),
            post("/record/new", r#"{"project": "$project", "folder": "/rn-nested/a"}"#)
                .capture(&[("mid", "/id")]),
            post("/$mid/describe", "{}").check(&[Eq("/folder", r#""/rn-nested/a""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::folder_missing_without_parents",
        items: &[
            "record/new#input.parents.default",
            "record/new#error.ResourceNotFound.folder",
        ],
        summary: "without `parents`, a `folder` that does not exist is ResourceNotFound",
        steps: &[post("/record/new", r#"{"project": "$project", "folder": "/rn-missing/x"}"#)
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "records::new::folder_missing_parents_false",
        items: &["record/new#input.parents", "record/new#error.ResourceNotFound.folder"],
        summary: "with `parents: false`, a `folder` that does not exist is ResourceNotFound",
        steps: &[post(
            "/record/new",
            r#"{"project": "$project", "folder": "/rn-missing-false", "parents": false}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "records::new::folder_parent_exists_child_missing",
        items: &["record/new#error.ResourceNotFound.folder"],
        summary: "without `parents`, a missing last folder under an existing one is ResourceNotFound",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-half", "parents": true}"#,
            ),
            post("/record/new", r#"{"project": "$project", "folder": "/rn-half/child"}"#)
                .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "records::new::folder_not_absolute",
        items: &["record/new#input.folder.valid"],
        summary: "a `folder` that does not start with `/` is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "folder": "rn-relative", "parents": true}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::folder_empty",
        items: &["record/new#input.folder.valid"],
        summary: "an empty `folder` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "folder": "", "parents": true}"#)],
        ..CASE
    },
    Case {
        name: "records::new::folder_dot_dot_component",
        items: &["record/new#input.folder.valid"],
        summary: "a `folder` with a `..` component is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "folder": "/rn-dots/../x", "parents": true}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::folder_control_character",
        items: &["record/new#input.folder.valid"],
        summary: "a `folder` with a newline (a control character) is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "folder": "/rn-ctl\nx", "parents": true}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::folder_normalised",
        items: &["record/new#input.folder.normalised"],
        summary: "`/rn-norm//a/` is stored as `/rn-norm/a`",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-norm//a/", "parents": true}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/rn-norm/a""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::folder_not_string",
        items: &["record/new#input.folder.type"],
        summary: "a numeric `folder` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "folder": 5}"#)],
        ..CASE
    },
    Case {
        name: "records::new::parents_not_boolean",
        items: &["record/new#input.parents.type"],
        summary: "`parents: \"yes\"` is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "folder": "/rn-parents-type", "parents": "yes"}"#,
        )],
        ..CASE
    },
    // ================= /record/new: close =================
    Case {
        name: "records::new::close_true",
        items: &["record/new#input.close", "record/describe#output.state"],
        summary: "`close: true` creates the record closed",
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::close_false",
        items: &["record/new#input.close", "record/describe#output.state"],
        summary: "`close: false` leaves the record open",
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": false}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::close_defaults_to_open",
        items: &["record/new#input.close.default", "record/describe#output.state"],
        summary: "without `close`, the record is open",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/state", r#""open""#)])],
        ..CASE
    },
    Case {
        name: "records::new::close_not_boolean",
        items: &["record/new#input.close.type"],
        summary: "`close: 1` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "close": 1}"#)],
        ..CASE
    },
    // ================= /record/new: every input at once =================
    Case {
        name: "records::new::every_input_described_back",
        items: &[
            "record/new#input.name",
            "record/new#input.tags",
            "record/new#input.types",
            "record/new#input.hidden",
            "record/new#input.properties",
            "record/new#input.details",
            "record/new#input.folder",
            "record/new#input.parents",
            "record/new#input.close",
            "record/describe#output.links",
            "record/describe#output.properties",
            "record/describe#output.details",
        ],
        summary: "a record made with every input describes back exactly as given, `links` derived from the details",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "name": "full", "tags": ["t1", "t2"], "types": ["Ty1", "ty/2"],
                    "hidden": true, "properties": {"p": "v", "q": ""},
                    "details": {"ref": {"$dnanexus_link": "$target"}, "n": [1, 2]},
                    "folder": "/rn-full/sub", "parents": true, "close": true}"#,
            )
            .check(&[Is("/id", Kind::Id("record"))])
            .capture(&[("rec", "/id")]),
            DESCRIBE_FULL
                .proves(&["record/describe#output.details"])
                .check(&[
                    On("record/new#input.parents", &[Eq("/folder", r#""/rn-full/sub""#)]),
                    On("record/describe#output.details", &[Is("/details", Kind::Object)]),
                    On("record/describe#output.properties", &[Fields("", DESCRIBE_FIELDS, DEFAULTS_AND_BOTH)]),
                    On("record/describe#output.id", &[Eq("/id", r#""$rec""#)]),
                    On("record/describe#output.project", &[Eq("/project", r#""$project""#)]),
                    On("record/new#input.name", &[Eq("/name", r#""full""#)]),
                    On("record/new#input.tags", &[SetEq("/tags", r#"["t1", "t2"]"#)]),
                    On("record/new#input.types", &[SetEq("/types", r#"["Ty1", "ty/2"]"#)]),
                    On("record/new#input.hidden", &[Eq("/hidden", "true")]),
                    On("record/new#input.properties", &[Eq("/properties", r#"{"p": "v", "q": ""}"#)]),
                    On("record/new#input.details", &[Eq("/details", r#"{"ref": {"$dnanexus_link": "$target"}, "n": [1, 2]}"#)]),
                    On("record/describe#output.links", &[Eq("/links", r#"["$target"]"#)]),
                    On("record/new#input.folder", &[Eq("/folder", r#""/rn-full/sub""#)]),
                    On("record/new#input.close", &[Eq("/state", r#""closed""#)]),
                ])
                .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    // ================= /record/new: initializeFrom =================
    Case {
        name: "records::new::initialize_from_copies_metadata",
        items: &["record/new#input.initializeFrom"],
        summary: "`initializeFrom` alone gives the new record the source's name, tags, types, hidden, properties and details",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "name": "source", "tags": ["a", "b"], "types": ["SrcType"],
                    "hidden": true, "properties": {"p": "v"},
                    "details": {"x": {"$dnanexus_link": "$target"}, "y": [1]}}"#,
            )
            .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "$src"}}"#,
            )
            .check(&[Is("/id", Kind::Id("record")), Ne("/id", r#""$src""#)])
            .capture(&[("rec", "/id")]),
            DESCRIBE_FULL
                .check(&[
                    Eq("/name", r#""source""#),
                    SetEq("/tags", r#"["a", "b"]"#),
                    SetEq("/types", r#"["SrcType"]"#),
                    Eq("/hidden", "true"),
                    Eq("/properties", r#"{"p": "v"}"#),
                    Eq("/details", r#"{"x": {"$dnanexus_link": "$target"}, "y": [1]}"#),
                    Eq("/links", r#"["$target"]"#),
                ])
                .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_given_fields_override",
        items: &["record/new#input.initializeFrom.override"],
        summary: "fields given beside `initializeFrom` replace the source's values",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "source", "tags": ["a"], "types": ["SrcType"],
                    "hidden": true, "properties": {"p": "v"}, "details": {"x": 1}}"#,
            )
            .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "$src"},
                    "name": "mine", "tags": ["c"], "types": ["MyType"], "hidden": false,
                    "properties": {"q": "w"}, "details": [2]}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_FULL.check(&[
                Eq("/name", r#""mine""#),
                Eq("/tags", r#"["c"]"#),
                Eq("/types", r#"["MyType"]"#),
                Eq("/hidden", "false"),
                Eq("/properties", r#"{"q": "w"}"#),
                Eq("/details", "[2]"),
                Eq("/links", "[]"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_override_name_only",
        items: &[
            "record/new#input.initializeFrom.override",
            "record/new#input.initializeFrom",
        ],
        summary: "with `initializeFrom` and only `name` given, the name is the given one and the rest is copied",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "source", "tags": ["a"], "properties": {"p": "v"}, "details": {"x": 1}}"#,
            )
            .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "$src"}, "name": "renamed"}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_FULL.check(&[
                Eq("/name", r#""renamed""#),
                Eq("/tags", r#"["a"]"#),
                Eq("/properties", r#"{"p": "v"}"#),
                Eq("/details", r#"{"x": 1}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_keeps_folder_and_state_defaults",
        items: &["record/new#input.initializeFrom.not-copied"],
        summary: "a copy of a closed record in a folder is open and in `/`",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-src", "parents": true, "close": true}"#,
            )
            .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "$src"}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/""#), Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_id_of_other_class",
        items: &["record/new#error.InvalidInput.initializeFrom-id"],
        summary: "`initializeFrom.id` holding a well-formed file ID is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "file-000000000000000000000000"}}"#,
        )
        .snapshot()],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_id_is_project",
        items: &["record/new#error.InvalidInput.initializeFrom-id"],
        summary: "`initializeFrom.id` holding the project's own ID is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "$project"}}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_id_malformed",
        items: &["record/new#error.InvalidInput.initializeFrom-id"],
        summary: "`initializeFrom.id: \"record-123\"` (too short) is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "record-123"}}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_unknown_project",
        items: &["record/new#error.ResourceNotFound.initializeFrom-project"],
        summary: "`initializeFrom.project` that does not exist is ResourceNotFound",
        steps: &[
            NEW_RECORD,
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "project-000000000000000000000000", "id": "$rec"}}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_unknown_record",
        items: &["record/new#error.ResourceNotFound.initializeFrom-record"],
        summary: "`initializeFrom.id` naming a record that does not exist is ResourceNotFound",
        steps: &[post(
            "/record/new",
            r#"{"project": "$project", "initializeFrom": {"project": "$project", "id": "record-000000000000000000000000"}}"#,
        )
        .fails(404, "ResourceNotFound")
        .snapshot()],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_peer_without_view",
        items: &["record/new#error.PermissionDenied.initializeFrom-view"],
        summary: "a peer with UPLOAD on `project` but no access to the source's project gets PermissionDenied",
        needs: &[Need::Peer(Access::Upload), Need::PeerOnProject2(Access::None)],
        steps: &[
            post("/record/new", r#"{"project": "$project2", "name": "secret"}"#)
                .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project2", "id": "$src"}}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
        ],
    },
    Case {
        name: "records::new::initialize_from_peer_with_view",
        items: &[
            "record/new#error.PermissionDenied.initializeFrom-view",
            "record/new#input.initializeFrom",
        ],
        summary: "VIEW on the source's project suffices: a peer copies a record from `$project2` into `$project`",
        needs: &[Need::Peer(Access::Upload), Need::PeerOnProject2(Access::View)],
        steps: &[
            post("/record/new", r#"{"project": "$project2", "name": "shared", "tags": ["s"]}"#)
                .capture(&[("src", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "initializeFrom": {"project": "$project2", "id": "$src"}}"#,
            )
            .by(Who::Peer)
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[
                Eq("/name", r#""shared""#),
                Eq("/tags", r#"["s"]"#),
                Eq("/project", r#""$project""#),
            ]),
        ],
    },
    Case {
        name: "records::new::initialize_from_not_mapping",
        items: &["record/new#input.initializeFrom.type"],
        summary: "`initializeFrom` as a bare record ID string is InvalidInput",
        steps: &[NEW_RECORD, rejected(r#"{"project": "$project", "initializeFrom": "$rec"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_missing_id",
        items: &["record/new#input.initializeFrom.type"],
        summary: "`initializeFrom` without `id` is InvalidInput",
        steps: &[rejected(
            r#"{"project": "$project", "initializeFrom": {"project": "$project"}}"#,
        )],
        ..CASE
    },
    Case {
        name: "records::new::initialize_from_missing_project",
        items: &["record/new#input.initializeFrom.type"],
        summary: "`initializeFrom` without `project` is InvalidInput",
        steps: &[
            NEW_RECORD,
            rejected(r#"{"project": "$project", "initializeFrom": {"id": "$rec"}}"#),
        ],
        ..CASE
    },
    // ================= /record/new: nonce =================
    Case {
        name: "records::new::nonce_replay_identical_answer",
        items: &["record/new#input.nonce", "record/new#output.id"],
        summary: "the same request with the same nonce gets an identical answer naming the same, single record",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "replayed", "nonce": "rn-replay-$run"}"#,
            )
            .check(&[Is("/id", Kind::Id("record"))])
            .capture(&[("first", ""), ("rec", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "name": "replayed", "nonce": "rn-replay-$run"}"#,
            )
            .check(&[Eq("", r#""$first""#), Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#), Eq("/name", r#""replayed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_replay_with_every_input",
        items: &["record/new#input.nonce"],
        summary: "a replay of a request carrying every input answers the first record's ID",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "n", "tags": ["t"], "types": ["T"], "hidden": true,
                    "properties": {"k": "v"}, "details": {"d": [1]}, "folder": "/rn-nonce-all",
                    "parents": true, "close": true, "nonce": "rn-all-$run"}"#,
            )
            .capture(&[("first", ""), ("rec", "/id")]),
            post(
                "/record/new",
                r#"{"project": "$project", "name": "n", "tags": ["t"], "types": ["T"], "hidden": true,
                    "properties": {"k": "v"}, "details": {"d": [1]}, "folder": "/rn-nonce-all",
                    "parents": true, "close": true, "nonce": "rn-all-$run"}"#,
            )
            .check(&[Eq("", r#""$first""#)]),
            DESCRIBE_REC.check(&[Eq("/state", r#""closed""#), Eq("/folder", r#""/rn-nonce-all""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_reused_with_different_name",
        items: &["record/new#error.InvalidInput.nonce-reused", "record/new#input.nonce"],
        summary: "a nonce reused with a different `name` is InvalidInput, and the original request still replays",
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "a", "nonce": "rn-reuse-$run"}"#)
                .capture(&[("rec", "/id")]),
            rejected(r#"{"project": "$project", "name": "b", "nonce": "rn-reuse-$run"}"#).snapshot(),
            post("/record/new", r#"{"project": "$project", "name": "a", "nonce": "rn-reuse-$run"}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            DESCRIBE_REC.check(&[Eq("/name", r#""a""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_reused_with_different_hidden",
        items: &["record/new#error.InvalidInput.nonce-reused"],
        summary: "the whole input is compared: a nonce reused with `hidden` changed is InvalidInput",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "hidden": false, "nonce": "rn-reuse-hidden-$run"}"#,
            ),
            rejected(r#"{"project": "$project", "hidden": true, "nonce": "rn-reuse-hidden-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_reused_with_added_input",
        items: &["record/new#error.InvalidInput.nonce-reused"],
        summary: "a nonce reused with an extra documented input (`tags`) is InvalidInput",
        steps: &[
            post("/record/new", r#"{"project": "$project", "nonce": "rn-reuse-added-$run"}"#),
            rejected(r#"{"project": "$project", "tags": ["new"], "nonce": "rn-reuse-added-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_128_bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        summary: "a nonce of exactly 128 UTF-8 bytes ending in a 2-byte `é` is accepted and replays",
        steps: &[
            post("/record/new", r#"{"project": "$project", "nonce": "$run$pad(116,é)"}"#)
                .check(&[Is("/id", Kind::Id("record"))])
                .capture(&[("rec", "/id")]),
            post("/record/new", r#"{"project": "$project", "nonce": "$run$pad(116,é)"}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_129_bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        summary: "a nonce of 129 UTF-8 bytes (128 characters, the last a 2-byte `é`) is InvalidInput",
        steps: &[
            rejected(r#"{"project": "$project", "nonce": "$run$pad(117,é)"}"#).snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_129_bytes_three_byte_char",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        summary: "a nonce of 129 UTF-8 bytes (127 characters, the last a 3-byte `€`) is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "nonce": "$run$pad(117,€)"}"#)],
        ..CASE
    },
    Case {
        name: "records::new::nonce_not_string",
        items: &["record/new#input.nonce.type"],
        summary: "a numeric `nonce` is InvalidInput",
        steps: &[rejected(r#"{"project": "$project", "nonce": 12345}"#)],
        ..CASE
    },
    Case {
        name: "records::new::nonce_key_order_ignored",
        items: &["record/new#rule.nonce-canonical"],
        summary: "the same input with its keys in another order replays the first answer",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "ordered", "properties": {"a": "1", "b": "2"}, "nonce": "rn-order-$run"}"#,
            )
            .capture(&[("first", "")]),
            post(
                "/record/new",
                r#"{"nonce": "rn-order-$run", "properties": {"b": "2", "a": "1"}, "name": "ordered", "project": "$project"}"#,
            )
            .check(&[Eq("", r#""$first""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::new::nonce_scoped_per_user",
        items: &["record/new#rule.nonce-per-user"],
        summary: "the peer sending the owner's nonce and input gets a record of its own",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/record/new", r#"{"project": "$project", "nonce": "rn-per-user-$run"}"#)
                .capture(&[("rec", "/id")]),
            post("/record/new", r#"{"project": "$project", "nonce": "rn-per-user-$run"}"#)
                .by(Who::Peer)
                .check(&[Is("/id", Kind::Id("record")), Ne("/id", r#""$rec""#)])
                .capture(&[("theirs", "/id")]),
            post("/$theirs/describe", "{}").check(&[Eq("/createdBy/user", r#""$peer""#)]),
        ],
    },
    Case {
        name: "records::new::nonce_failed_attempt_not_stored",
        items: &["record/new#rule.nonce-failed-not-stored"],
        summary: "a request that failed (missing folder) succeeds when retried with its nonce once the folder exists",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-later", "nonce": "rn-failed-$run"}"#,
            )
            .fails(404, "ResourceNotFound"),
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-later", "parents": true}"#,
            ),
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/rn-later", "nonce": "rn-failed-$run"}"#,
            )
            .check(&[Is("/id", Kind::Id("record"))])
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/folder", r#""/rn-later""#)]),
        ],
        ..CASE
    },
    // ================= describe: default output =================
    Case {
        name: "records::describe::default_fields",
        items: &[
            "record/describe#input.defaultFields.default",
            "record/describe#output.id",
            "record/describe#output.project",
            "record/describe#output.class",
            "record/describe#output.types",
            "record/describe#output.created",
            "record/describe#output.state",
            "record/describe#output.hidden",
            "record/describe#output.links",
            "record/describe#output.name",
            "record/describe#output.folder",
            "record/describe#output.sponsored",
            "record/describe#output.tags",
            "record/describe#output.modified",
            "record/describe#output.createdBy",
            "record/describe#output.sponsoredUntil",
            "record/describe#output.properties",
            "record/describe#output.details",
        ],
        summary: "`{}` describes a new record with exactly the default fields, each of its documented type; no `properties`, `details` or `sponsoredUntil`",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .proves(&["record/describe#input.defaultFields.default"])
                .check(&[
                    On("record/describe#input.defaultFields.default", &[Fields("", DESCRIBE_FIELDS, DEFAULTS)]),
                    On("record/describe#output.id", &[Eq("/id", r#""$rec""#)]),
                    On("record/describe#output.project", &[Eq("/project", r#""$project""#)]),
                    On("record/describe#output.project", &[Is("/project", Kind::Id("project"))]),
                    On("record/describe#output.class", &[Eq("/class", r#""record""#)]),
                    On("record/describe#output.types", &[Eq("/types", "[]")]),
                    On("record/describe#output.created", &[Is("/created", Kind::Timestamp)]),
                    On("record/describe#output.state", &[Eq("/state", r#""open""#)]),
                    On("record/describe#output.hidden", &[Eq("/hidden", "false")]),
                    On("record/describe#output.links", &[Eq("/links", "[]")]),
                    On("record/describe#output.name", &[Eq("/name", r#""$rec""#)]),
                    On("record/describe#output.folder", &[Eq("/folder", r#""/""#)]),
                    On("record/describe#output.sponsored", &[Is("/sponsored", Kind::Bool)]),
                    On("record/describe#output.tags", &[Eq("/tags", "[]")]),
                    On("record/describe#output.modified", &[Is("/modified", Kind::Timestamp)]),
                    On("record/describe#output.createdBy", &[Eq("/createdBy/user", r#""$owner""#)]),
                    On("record/describe#output.sponsoredUntil", &[Absent("/sponsoredUntil")]),
                    On("record/describe#output.properties", &[Absent("/properties")]),
                    On("record/describe#output.details", &[Absent("/details")]),
                ])
                .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::default_field_types",
        items: &[
            "record/describe#output.id",
            "record/describe#output.project",
            "record/describe#output.class",
            "record/describe#output.types",
            "record/describe#output.created",
            "record/describe#output.state",
            "record/describe#output.hidden",
            "record/describe#output.links",
            "record/describe#output.name",
            "record/describe#output.folder",
            "record/describe#output.sponsored",
            "record/describe#output.tags",
            "record/describe#output.modified",
            "record/describe#output.createdBy",
        ],
        summary: "every default field of a record with content has its documented JSON type",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "name": "typed", "tags": ["t"], "types": ["T"],
                    "details": {"l": {"$dnanexus_link": "$target"}}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC
                .proves(&["record/describe#output.id"])
                .check(DEFAULT_TYPES),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::id_is_the_record",
        items: &["record/describe#output.id"],
        summary: "`id` is the ID of the record in the URL, also when every default field is turned off",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))]),
            post("/$rec/describe", r#"{"defaultFields": false}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::class_is_record",
        items: &["record/describe#output.class"],
        summary: "`class` is the string \"record\"",
        steps: &[NEW_RECORD, DESCRIBE_REC.check(&[Eq("/class", r#""record""#)])],
        ..CASE
    },
    Case {
        name: "records::describe::created_and_modified_are_timestamps",
        items: &["record/describe#output.created", "record/describe#output.modified"],
        summary: "`created` and `modified` are integer millisecond timestamps within the run",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Is("/created", Kind::Timestamp), Is("/modified", Kind::Timestamp)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_rename",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after a rename than before it",
        steps: &modified_moves(post(
            "/$rec/rename",
            r#"{"project": "$project", "name": "renamed"}"#,
        )),
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_add_tags",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after addTags than before it",
        steps: &modified_moves(post("/$rec/addTags", r#"{"project": "$project", "tags": ["t"]}"#)),
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_remove_tags",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after removeTags of a present tag than before it",
        steps: &[
            post("/record/new", r#"{"project": "$project", "tags": ["t"]}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.capture(&[("modified", "/modified")]),
            post("/$rec/removeTags", r#"{"project": "$project", "tags": ["t"]}"#).after(5),
            DESCRIBE_REC.check(&[Cmp("/modified", Ord::Gt, r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_set_properties",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after setProperties than before it",
        steps: &modified_moves(post(
            "/$rec/setProperties",
            r#"{"project": "$project", "properties": {"k": "v"}}"#,
        )),
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_set_details",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after setDetails than before it",
        steps: &modified_moves(post("/$rec/setDetails", r#"{"k": 1}"#)),
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_add_types",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after addTypes than before it",
        steps: &modified_moves(post("/$rec/addTypes", r#"{"types": ["T"]}"#)),
        ..CASE
    },
    Case {
        name: "records::describe::modified_moves_on_set_visibility",
        items: &["record/describe#rule.modified-moves"],
        summary: "`modified` is later after setVisibility than before it",
        steps: &modified_moves(post("/$rec/setVisibility", r#"{"hidden": true}"#)),
        ..CASE
    },
    Case {
        name: "records::describe::modified_stays_on_read",
        items: &["record/describe#rule.modified-moves"],
        summary: "describe and getDetails change nothing: `modified` stays as it was",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.capture(&[("modified", "/modified")]),
            post("/$rec/getDetails", "{}").after(5),
            DESCRIBE_REC
                .after(5)
                .check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::created_not_after_modified",
        items: &["record/describe#rule.created-le-modified"],
        summary: "`created` <= `modified`, for a new record and after its metadata changes",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Cmp("/created", Ord::Le, "@/modified")]),
            post("/$rec/rename", r#"{"project": "$project", "name": "renamed"}"#),
            DESCRIBE_REC.check(&[Cmp("/created", Ord::Le, "@/modified")]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::created_by_user_is_creator",
        items: &["record/describe#output.createdBy"],
        summary: "`createdBy` of a record the owner created through the API is exactly `{\"user\": owner}`: no `job` or `executable`",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[
                Is("/createdBy", Kind::Object),
                Fields("/createdBy", CREATED_BY_FIELDS, &["user"]),
                Eq("/createdBy/user", r#""$owner""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::created_by_seen_by_peer",
        items: &["record/describe#output.createdBy"],
        summary: "a peer with VIEW sees `createdBy.user` naming the owner who created the record, not the caller",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .by(Who::Peer)
                .check(&[Eq("/createdBy/user", r#""$owner""#)]),
        ],
    },
    Case {
        name: "records::describe::sponsored_false_for_new_record",
        items: &["record/describe#rule.not-sponsored"],
        summary: "a record just created is not sponsored: `sponsored: false`, no `sponsoredUntil`",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Eq("/sponsored", "false"), Absent("/sponsoredUntil")]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::state_open_then_closed",
        items: &["record/describe#output.state"],
        summary: "`state` is \"open\" for a new record and \"closed\" after `/close`",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Eq("/state", r#""open""#)]),
            post("/$rec/close", "{}"),
            DESCRIBE_REC.check(&[Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::properties_on_request_empty",
        items: &["record/describe#output.properties"],
        summary: "a record without properties, asked for them, answers `properties: {}`",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {"properties": true}}"#)
                .check(&[Eq("/properties", "{}"), Is("/properties", Kind::Object)]),
        ],
        ..CASE
    },
    // ================= describe: links =================
    Case {
        name: "records::describe::links_single",
        items: &["record/describe#output.links"],
        summary: "details holding one link give `links == [target]`",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"ref": {"$dnanexus_link": "$target"}}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/links", r#"["$target"]"#), Is("/links", Kind::StringArray)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_two_targets",
        items: &["record/describe#output.links"],
        summary: "details holding links to two records list both IDs",
        steps: &[
            TARGET,
            TARGET2,
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": {"$dnanexus_link": "$target"}, "b": {"$dnanexus_link": "$target2"}}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[SetEq("/links", r#"["$target", "$target2"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_whole_details_is_a_link",
        items: &["record/describe#output.links"],
        summary: "details that are themselves a link list its target",
        steps: &[
            TARGET,
            post("/record/new", r#"{"project": "$project", "details": {"$dnanexus_link": "$target"}}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/links", r#"["$target"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_empty_without_links",
        items: &["record/describe#output.links"],
        summary: "an ID written as a plain string in details is not a link: `links` stays `[]`",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"id": "$target", "list": ["$target"]}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/links", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_deduplicated",
        items: &["record/describe#rule.links-dedup"],
        summary: "three links to the same record list it once",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "details": {"a": {"$dnanexus_link": "$target"}, "b": {"$dnanexus_link": "$target"}, "c": [{"$dnanexus_link": "$target"}]}}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/links", r#"["$target"]"#), Len("/links", 1)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_in_arrays_and_nested_objects",
        items: &["record/describe#rule.links-anywhere"],
        summary: "links deep in arrays and nested objects of the details are all listed",
        steps: &[
            TARGET,
            TARGET2,
            post(
                "/record/new",
                r#"{"project": "$project", "details": [{"a": {"b": [1, {"$dnanexus_link": "$target"}]}}, [[{"$dnanexus_link": "$target2"}]]]}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[SetEq("/links", r#"["$target", "$target2"]"#), Len("/links", 2)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::links_include_self",
        items: &["record/describe#rule.links-self"],
        summary: "a record whose details link to itself lists its own ID",
        steps: &[
            NEW_RECORD,
            post("/$rec/setDetails", r#"{"self": {"$dnanexus_link": "$rec"}}"#),
            DESCRIBE_REC.check(&[Eq("/links", r#"["$rec"]"#)]),
        ],
        ..CASE
    },
    // ================= describe: fields, defaultFields and the deprecated flags =================
    Case {
        name: "records::describe::fields_only_named",
        items: &[
            "record/describe#input.fields",
            "record/describe#input.defaultFields.default",
        ],
        summary: "`fields: {name, tags}` without `defaultFields` answers exactly `id`, `name` and `tags`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "n", "tags": ["t"]}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"name": true, "tags": true}}"#)
                .check(&[
                    Fields("", DESCRIBE_FIELDS, &["id", "name", "tags"]),
                    Eq("/name", r#""n""#),
                    Eq("/tags", r#"["t"]"#),
                ])
                .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_with_default_fields_false",
        items: &["record/describe#input.defaultFields", "record/describe#input.fields"],
        summary: "`defaultFields: false` with `fields: {name, tags}` answers exactly `id`, `name` and `tags`",
        steps: &[
            NEW_RECORD,
            post(
                "/$rec/describe",
                r#"{"defaultFields": false, "fields": {"name": true, "tags": true}}"#,
            )
            .check(&[Fields("", DESCRIBE_FIELDS, &["id", "name", "tags"])]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_add_to_defaults",
        items: &["record/describe#input.defaultFields", "record/describe#input.fields"],
        summary: "`defaultFields: true` with `fields: {properties: true}` answers the defaults and `properties`, not `details`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "properties": {"k": "v"}}"#)
                .capture(&[("rec", "/id")]),
            post(
                "/$rec/describe",
                r#"{"defaultFields": true, "fields": {"properties": true}}"#,
            )
            .check(&[
                Fields("", DESCRIBE_FIELDS, DEFAULTS_AND_PROPERTIES),
                Eq("/properties", r#"{"k": "v"}"#),
            ])
            .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_false_removes_defaults",
        items: &["record/describe#input.fields", "record/describe#input.defaultFields"],
        summary: "`defaultFields: true` with `fields: {name: false, tags: false, createdBy: false}` drops those three",
        steps: &[
            NEW_RECORD,
            post(
                "/$rec/describe",
                r#"{"defaultFields": true, "fields": {"name": false, "tags": false, "createdBy": false}}"#,
            )
            .check(&[Fields(
                "",
                DESCRIBE_FIELDS,
                &[
                    "id", "project", "class", "types", "created", "state", "hidden", "links",
                    "folder", "sponsored", "modified",
                ],
            )]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_empty_mapping",
        items: &["record/describe#input.defaultFields.default", "record/describe#output.id"],
        summary: "`fields: {}` turns the defaults off: only `id` is answered",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {}}"#).check(&[
                Fields("", DESCRIBE_FIELDS, &["id"]),
                Eq("/id", r#""$rec""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::default_fields_false_alone",
        items: &["record/describe#input.defaultFields"],
        summary: "`defaultFields: false` alone answers only `id`",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"defaultFields": false}"#)
                .check(&[Fields("", DESCRIBE_FIELDS, &["id"])]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::default_fields_true_alone",
        items: &["record/describe#input.defaultFields"],
        summary: "`defaultFields: true` alone answers the default fields",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"defaultFields": true}"#)
                .check(&[Fields("", DESCRIBE_FIELDS, DEFAULTS)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_details_only",
        items: &["record/describe#input.fields", "record/describe#output.details"],
        summary: "`fields: {details: true}` answers exactly `id` and `details`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "details": {"d": 1}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#).check(&[
                Fields("", DESCRIBE_FIELDS, &["id", "details"]),
                Eq("/details", r#"{"d": 1}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_false_for_absent_field",
        items: &["record/describe#input.fields"],
        summary: "`fields: {details: false}` answers only `id`",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {"details": false}}"#)
                .check(&[Fields("", DESCRIBE_FIELDS, &["id"])]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_unknown_name_ignored",
        items: &["record/describe#input.fields.unknown"],
        summary: "a field name the page does not document is ignored: `{noSuchField, name}` answers `id` and `name`",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {"noSuchField": true, "name": true}}"#)
                .check(&[Fields("", DESCRIBE_FIELDS, &["id", "name"]), Absent("/noSuchField")]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_properties_flag",
        items: &["record/describe#input.properties", "record/describe#output.properties"],
        summary: "`properties: true` answers the defaults and `properties`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "properties": {"k": "v"}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"properties": true}"#).check(&[
                Fields("", DESCRIBE_FIELDS, DEFAULTS_AND_PROPERTIES),
                Eq("/properties", r#"{"k": "v"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_details_flag",
        items: &["record/describe#input.details", "record/describe#output.details"],
        summary: "`details: true` answers the defaults and `details`",
        steps: &[
            post("/record/new", r#"{"project": "$project", "details": [1, 2]}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"details": true}"#).check(&[
                Fields("", DESCRIBE_FIELDS, DEFAULTS_AND_DETAILS),
                Eq("/details", "[1, 2]"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_both_flags",
        items: &["record/describe#input.properties", "record/describe#input.details"],
        summary: "`properties: true, details: true` (what `dx describe` sends) answers the defaults, `properties` and `details`",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "both", "properties": {"k": "v"}, "details": {"d": true}}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$rec/describe",
                r#"{"properties": true, "details": true, "project": "$project"}"#,
            )
            .check(&[
                Fields("", DESCRIBE_FIELDS, DEFAULTS_AND_BOTH),
                Eq("/properties", r#"{"k": "v"}"#),
                Eq("/details", r#"{"d": true}"#),
            ])
            .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_flags_false",
        items: &["record/describe#input.properties", "record/describe#input.details"],
        summary: "`properties: false, details: false` answer the defaults only",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"properties": false, "details": false}"#)
                .check(&[Fields("", DESCRIBE_FIELDS, DEFAULTS)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_flags_ignored_with_fields",
        items: &["record/describe#input.deprecated-ignored"],
        summary: "with `fields: {name: true}`, `properties: true` and `details: true` are ignored: only `id` and `name`",
        steps: &[
            NEW_RECORD,
            post(
                "/$rec/describe",
                r#"{"fields": {"name": true}, "properties": true, "details": true}"#,
            )
            .check(&[Fields("", DESCRIBE_FIELDS, &["id", "name"])]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::deprecated_flags_ignored_with_fields_and_defaults",
        items: &["record/describe#input.deprecated-ignored"],
        summary: "with `defaultFields: true` and `fields`, the deprecated flags still add nothing",
        steps: &[
            NEW_RECORD,
            post(
                "/$rec/describe",
                r#"{"defaultFields": true, "fields": {"name": true}, "properties": true, "details": true}"#,
            )
            .check(&[Fields("", DESCRIBE_FIELDS, DEFAULTS)]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::fields_win_over_deprecated_false",
        items: &["record/describe#input.deprecated-ignored", "record/describe#input.fields"],
        summary: "`fields: {properties: true}` returns properties even with the deprecated `properties: false`",
        steps: &[
            NEW_RECORD,
            post(
                "/$rec/describe",
                r#"{"fields": {"properties": true}, "properties": false}"#,
            )
            .check(&[Fields("", DESCRIBE_FIELDS, &["id", "properties"])]),
        ],
        ..CASE
    },
    Case {
        name: "records::describe::every_input",
        items: &[
            "record/describe#input.project",
            "record/describe#input.defaultFields",
            "record/describe#input.fields",
        ],
        summary: "`project`, `defaultFields` and `fields` together answer the hinted copy with defaults and both optional fields",
        steps: &[
            TARGET,
            post(
                "/record/new",
                r#"{"project": "$project", "name": "every", "tags": ["t"], "types": ["T"],
                    "properties": {"k": "v"}, "details": {"l": {"$dnanexus_link": "$target"}}}"#,
            )
            .capture(&[("rec", "/id")]),
            post(
                "/$rec/describe",
                r#"{"project": "$project", "defaultFields": true, "fields": {"properties": true, "details": true, "tags": false}}"#,
            )
            .check(&[
                Fields(
                    "",
                    DESCRIBE_FIELDS,
                    &[
                        "id", "project", "class", "types", "created", "state", "hidden",
                        "links", "name", "folder", "sponsored", "modified", "createdBy",
                        "properties", "details",
                    ],
                ),
                Eq("/project", r#""$project""#),
                Eq("/links", r#"["$target"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
            ])
            .snapshot_as(&RECORD_DESCRIBE),
        ],
        ..CASE
    },
    // ================= describe: input errors =================
    Case {
        name: "records::describe::input_array",
        items: &["record/describe#error.InvalidInput.not-hash"],
        summary: "a JSON array as input is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected("[]").snapshot()],
        ..CASE
    },
    Case {
        name: "records::describe::input_string",
        items: &["record/describe#error.InvalidInput.not-hash"],
        summary: "a JSON string as input is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#""project""#)],
        ..CASE
    },
    Case {
        name: "records::describe::input_null",
        items: &["record/describe#error.InvalidInput.not-hash"],
        summary: "JSON `null` as input is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected("null")],
        ..CASE
    },
    Case {
        name: "records::describe::project_not_string",
        items: &["record/describe#error.InvalidInput.project"],
        summary: "a numeric `project` hint is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"project": 5}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::project_array",
        items: &["record/describe#error.InvalidInput.project"],
        summary: "a `project` hint given as an array of IDs is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"project": ["$project"]}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::project_malformed",
        items: &["record/describe#input.project.malformed"],
        summary: "`project: \"project-123\"` as hint is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"project": "project-123"}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::properties_not_boolean",
        items: &["record/describe#error.InvalidInput.properties"],
        summary: "`properties: \"yes\"` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"properties": "yes"}"#).snapshot()],
        ..CASE
    },
    Case {
        name: "records::describe::properties_number",
        items: &["record/describe#error.InvalidInput.properties"],
        summary: "`properties: 1` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"properties": 1}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::details_not_boolean",
        items: &["record/describe#input.details.type"],
        summary: "`details: \"yes\"` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"details": "yes"}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::default_fields_not_boolean",
        items: &["record/describe#input.defaultFields.type"],
        summary: "`defaultFields: \"true\"` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"defaultFields": "true"}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::fields_not_mapping",
        items: &["record/describe#input.fields.type"],
        summary: "`fields: [\"name\"]` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"fields": ["name"]}"#)],
        ..CASE
    },
    Case {
        name: "records::describe::fields_value_not_boolean",
        items: &["record/describe#input.fields.type"],
        summary: "`fields: {name: \"yes\"}` is InvalidInput",
        steps: &[NEW_RECORD, describe_rejected(r#"{"fields": {"name": "yes"}}"#)],
        ..CASE
    },
    // ================= describe: not found =================
    Case {
        name: "records::describe::unknown_record",
        items: &["record/describe#error.ResourceNotFound.object"],
        summary: "describing a well-formed record ID that does not exist is ResourceNotFound",
        steps: &[post("/record-000000000000000000000000/describe", "{}")
            .fails(404, "ResourceNotFound")
            .snapshot()],
        ..CASE
    },
    Case {
        name: "records::describe::unknown_record_with_hint",
        items: &["record/describe#error.ResourceNotFound.object"],
        summary: "an unknown record is ResourceNotFound also with a valid `project` hint",
        steps: &[post(
            "/record-000000000000000000000000/describe",
            r#"{"project": "$project"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "records::describe::unknown_hint_project",
        items: &["record/describe#error.ResourceNotFound.project"],
        summary: "a `project` hint that does not exist is ResourceNotFound",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"project": "project-000000000000000000000000"}"#)
                .fails(404, "ResourceNotFound")
                .snapshot(),
        ],
        ..CASE
    },
    // ================= describe: the project hint =================
    Case {
        name: "records::describe::hint_selects_copy",
        items: &["record/describe#input.project", "record/describe#output.project"],
        summary: "with copies in two projects, the hint picks whose name is returned and `project` says which",
        needs: &[Need::Project2],
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "name": "first-copy", "close": true}"#,
            )
            .capture(&[("rec", "/id")]),
            post("/$project/clone", r#"{"objects": ["$rec"], "project": "$project2"}"#),
            post("/$rec/rename", r#"{"project": "$project2", "name": "second-copy"}"#),
            post("/$rec/describe", r#"{"project": "$project2"}"#).check(&[
                Eq("/project", r#""$project2""#),
                Eq("/name", r#""second-copy""#),
            ]),
            post("/$rec/describe", r#"{"project": "$project"}"#).check(&[
                Eq("/project", r#""$project""#),
                Eq("/name", r#""first-copy""#),
            ]),
        ],
    },
    Case {
        name: "records::describe::hint_fallback",
        items: &["record/describe#rule.hint-fallback", "record/describe#output.project"],
        summary: "a hint naming a project that does not hold the record falls back to the one that does, and `project` says so",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "only-here"}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .check(&[
                    Eq("/project", r#""$project""#),
                    Eq("/name", r#""only-here""#),
                    Fields("", DESCRIBE_FIELDS, DEFAULTS),
                ])
                .snapshot_as(&RECORD_DESCRIBE),
        ],
    },
    Case {
        name: "records::describe::hint_fallback_for_peer",
        items: &["record/describe#rule.hint-fallback"],
        summary: "a peer with VIEW on both projects, hinting the one without the record, gets the copy it can VIEW",
        needs: &[Need::Peer(Access::View), Need::PeerOnProject2(Access::View)],
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .by(Who::Peer)
                .check(&[Eq("/project", r#""$project""#), Eq("/id", r#""$rec""#)]),
        ],
    },
    Case {
        name: "records::describe::peer_sees_only_viewable_copy",
        items: &["record/describe#rule.any-viewable-copy"],
        summary: "a peer with VIEW only on the second copy's project describes the record from there, with and without a hint",
        needs: &[Need::Peer(Access::None), Need::PeerOnProject2(Access::View)],
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .capture(&[("rec", "/id")]),
            post("/$project/clone", r#"{"objects": ["$rec"], "project": "$project2"}"#),
            post("/$rec/describe", "{}")
                .by(Who::Peer)
                .check(&[Eq("/project", r#""$project2""#), Eq("/id", r#""$rec""#)]),
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .by(Who::Peer)
                .check(&[Eq("/project", r#""$project2""#)]),
        ],
    },
    Case {
        name: "records::describe::no_hint_uses_creating_project",
        items: &["record/describe#rule.no-hint-creating-project"],
        summary: "without a hint, the owner of two copies gets the copy in the project the record was created in",
        needs: &[Need::Project2],
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .capture(&[("rec", "/id")]),
            post("/$project/clone", r#"{"objects": ["$rec"], "project": "$project2"}"#),
            DESCRIBE_REC.check(&[Eq("/project", r#""$project""#)]),
        ],
    },
    // ================= describe: permissions =================
    Case {
        name: "records::describe::peer_with_view",
        items: &["record/describe#rule.details-need-view"],
        summary: "a peer with VIEW describes the record, details included when asked for",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            post("/record/new", r#"{"project": "$project", "details": {"secret": 42}}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", r#"{"fields": {"details": true}}"#)
                .by(Who::Peer)
                .check(&[Eq("/details", r#"{"secret": 42}"#)]),
        ],
    },
    Case {
        name: "records::describe::peer_without_access",
        items: &["record/describe#error.PermissionDenied.no-view"],
        summary: "a peer with no access to any project holding the record gets PermissionDenied",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .snapshot(),
        ],
    },
    Case {
        name: "records::describe::peer_hint_viewable_but_no_copy_viewable",
        items: &["record/describe#error.PermissionDenied.no-view"],
        summary: "a peer hinting a project it can VIEW, when no project it can VIEW holds the record, gets PermissionDenied",
        needs: &[Need::Peer(Access::None), Need::PeerOnProject2(Access::View)],
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
        ],
    },
    Case {
        name: "records::describe::peer_hint_without_view",
        items: &["record/describe#error.PermissionDenied.hint"],
        summary: "a peer who can VIEW the record's project but hints a project it cannot VIEW gets PermissionDenied",
        needs: &[Need::Peer(Access::View), Need::PeerOnProject2(Access::None)],
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"project": "$project2"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
        ],
    },
];
