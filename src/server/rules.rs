//! The server's documented knobs, as one typed value: what the protocol layer and the
//! route handlers read instead of hard-coding a rule. [`Rules::default`] is the documented
//! behaviour (with the project's readings where the docs are silent, each marked so).
//!
//! The self-check's faults and variants (see [`super::edit`]) change a server by editing
//! this value, so a rule is stated once, here, and every route that applies it reads the
//! same field. Route code never asks which fault or variant is on.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::error::ErrorType;
use super::ids;
use super::store::Level;

/// Everything a server may be configured to do differently.
#[derive(Debug, Clone)]
pub struct Rules {
    /// How requests are read: methods, path decoding, content type, body shape.
    pub protocol: Protocol,
    /// How CORS preflights are answered.
    pub cors: Cors,
    /// What needs a token, and the error for a missing one.
    pub auth: Auth,
    /// The HTTP status of each error type.
    pub status: Statuses,
    /// The alphabet new IDs are drawn from: [DOC] 32 characters, digits and consonants
    /// without lookalikes (entity-IDs page).
    pub id_alphabet: &'static [u8],
    /// Size limits and how they are measured.
    pub limits: Limits,
    /// What a link in details must look like, and how describe lists links.
    pub links: LinkRules,
    /// The permission level each operation needs.
    pub levels: Levels,
    /// What a closed object refuses.
    pub frozen: Frozen,
    /// What close does.
    pub close: Close,
    /// Types, details and per-copy metadata: what the data-object routes change, and how.
    pub objects: Objects,
    /// How nonces are honoured.
    pub nonce: Nonces,
    /// What `/record/new` does with what it is given, or not.
    pub record_new: RecordNew,
    /// A data object's describe: default fields, flags, the project hint.
    pub describe: Describe,
    /// Search defaults: visibility, limits, page size, order, access.
    pub search: Search,
    /// Which billing states refuse new data.
    pub billing: Billing,
    /// Folders, moving, removal and cloning.
    pub folders: Folders,
    /// Projects and their members: invitations, decreases, destruction.
    pub projects: Projects,
    /// Files: the part rules, the lifecycle, describe's file fields.
    pub files: Files,
    /// The transfer endpoints: the PUT to an upload URL and the GET of a download URL.
    pub transfer: Transfer,
    /// Milliseconds every answer is held back: [SILENT] in the docs; `serve --latency`
    /// sets it to exercise clients' time-outs.
    pub delay_ms: u64,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            protocol: Protocol {
                methods: &[Method::POST],
                percent_decode_path: true,
                check_content_type: true,
                json_body_required: true,
                object_body_required: true,
                max_body: 64 * 1024 * 1024,
            },
            cors: Cors {
                preflight_answered: true,
                preflight_no_content: false,
            },
            auth: Auth {
                token_required: true,
                open_routes: true,
                missing_token: ErrorType::PermissionDenied,
            },
            status: Statuses::default(),
            id_alphabet: ids::ALPHABET,
            limits: Limits {
                nonce: Limit::bytes(128),
                property_key: Limit::bytes(100),
                property_value: Limit::bytes(700),
            },
            links: LinkRules::STRICT,
            levels: Levels {
                create: Level::Upload,
                close: Level::Upload,
                change: Level::Upload,
                describe: Some(Level::View),
                copy_open: Level::Upload,
                copy_closed: Level::Contribute,
                place: Level::Upload,
                remove: Level::Contribute,
                remove_protected: Level::Administer,
                project_metadata: Level::Contribute,
                administer: Level::Administer,
            },
            frozen: Frozen {
                add_types: true,
                remove_types: true,
                details: true,
                visibility: true,
                rename: false,
                tags: false,
                properties: false,
            },
            close: Close {
                closes: true,
                keeps_metadata: true,
                again_changes_nothing: true,
                no_access: ErrorType::PermissionDenied,
            },
            objects: Objects {
                type_names_checked: true,
                type_hyphen: true,
                types_deduplicated: true,
                tags_deduplicated: true,
                details_replaced: true,
                properties_merged: true,
                null_deletes: true,
                copy_scoped: true,
                copy_must_be_held: true,
                no_op_keeps_modified: true,
            },
            nonce: Nonces {
                replayed: true,
                reuse_refused: true,
                compared: None,
                per_user: true,
                replay_creates: false,
                failed_stored: false,
                kept_ms: None,
            },
            record_new: RecordNew {
                name_is_id: true,
                folder: "/",
                hidden: false,
                details: json!({}),
                parents: false,
                missing_folder_refused: true,
                initialize_from_copies: true,
                given_override_source: true,
            },
            describe: Describe {
                default_fields: DEFAULT_DESCRIBE_FIELDS.to_vec(),
                deprecated_flags_win: false,
                hint_falls_back: true,
            },
            search: Search {
                default_visibility: "visible",
                max_limit: 1000,
                page_cap: 1000,
                newest_first: true,
                view_required: true,
                resolve_glob: false,
            },
            billing: Billing {
                spending_limit_enforced: true,
                org_expiry_enforced: true,
            },
            folders: Folders {
                list_immediate_only: true,
                move_keeps_basename: true,
                remove_unreachable_hidden: true,
                clone_closed_only: true,
                clone_keeps_id: true,
                clone_copies_metadata: true,
                clone_follows_hidden_links: true,
                clone_hidden_needs_ancestor: true,
                clone_folder_conflict_refused: true,
                clone_restricted_refused: true,
                clone_source: Level::View,
                clone_destination: Level::Upload,
            },
            projects: Projects {
                held_level_no_op: true,
                invite_never_lowers: true,
                public_view_only: true,
                decrease_only_lowers: true,
                destroy_removes: true,
            },
            files: Files::default(),
            transfer: Transfer::default(),
            delay_ms: 0,
        }
    }
}

/// The default fields of a data object's describe, in the documented order (records
/// page). No `sponsoredUntil`: nothing is sponsored here.
pub const DEFAULT_DESCRIBE_FIELDS: &[&str] = &[
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
    // Files only (describe_copy puts them for files alone): [OBSERVED] `media` and
    // `archivalState` by default, [CLIENT]/[DOC] `size` by default once closed.
    "media",
    "archivalState",
    "size",
];

/// How requests are read (spec §2, "Request rules").
#[derive(Debug, Clone)]
pub struct Protocol {
    /// The HTTP methods API calls use: [DOC] every call is a POST; others get
    /// MethodNotAllowed (405, [INFERRED]).
    pub methods: &'static [Method],
    /// [CLIENT] dxpy percent-encodes non-ASCII path characters, so the path is decoded
    /// before it is matched.
    pub percent_decode_path: bool,
    /// [DOC] `Content-Type` must be absent or `application/json`, else MalformedJSON.
    pub check_content_type: bool,
    /// [DOC] The body must be valid JSON even for methods without input, else
    /// MalformedJSON. When off, a body that does not parse is read as `{}`.
    pub json_body_required: bool,
    /// [DOC] A body that is valid JSON but not an object is InvalidInput ("the input is
    /// not a hash"), except where the route takes any value (setDetails). When off, it is
    /// read as `{}`.
    pub object_body_required: bool,
    /// The largest body read, in bytes: [SILENT]; a larger one is a client mistake
    /// (InvalidInput, never a 5xx).
    pub max_body: usize,
}

/// CORS (spec §2, "OPTIONS").
#[derive(Debug, Clone)]
pub struct Cors {
    /// [DOC] An OPTIONS preflight asking for POST is accepted, echoing `Origin` and the
    /// requested headers. When off, OPTIONS is refused like any other method.
    pub preflight_answered: bool,
    /// The accepted preflight's answer: [SILENT]; ours is 200 with `{}`, and 204 with no
    /// body when this is on.
    pub preflight_no_content: bool,
}

/// Authentication (spec §3).
#[derive(Debug, Clone)]
pub struct Auth {
    /// [DOC] Unless a route says otherwise, every call needs `Authorization: Bearer`.
    /// When off, a call without the header runs as the first user.
    pub token_required: bool,
    /// [OBSERVED] The routes the table marks open (`/system/greet`) answer without a
    /// token. When off, they need one too.
    pub open_routes: bool,
    /// The error for a call without `Authorization`: [OBSERVED] PermissionDenied (401);
    /// the docs are silent, and tests may accept either 401 type.
    pub missing_token: ErrorType,
}

/// The HTTP status of each error type: [CLIENT] the platform's error table (spec §2).
/// Every deterministic error is a 4xx, so that clients do not retry it.
#[derive(Debug, Clone)]
pub struct Statuses {
    /// 400: a body that does not parse, or [DOC] a wrong content type.
    pub malformed_json: StatusCode,
    /// 401: [OBSERVED] an unknown or expired token.
    pub invalid_authentication: StatusCode,
    /// 401, not 403: [CLIENT] dx treats it as 401, as the platform answers.
    pub permission_denied: StatusCode,
    /// 403: the billing account is at its spending limit.
    pub spending_limit_exceeded: StatusCode,
    /// [SILENT] listed on the records page with no status anywhere; 403, like
    /// SpendingLimitExceeded, is our reading.
    pub org_expired: StatusCode,
    /// 404: [OBSERVED] an unknown entity or route.
    pub resource_not_found: StatusCode,
    /// 405: a method other than POST.
    pub method_not_allowed: StatusCode,
    /// 422: [OBSERVED]; dxpy never retries 422.
    pub invalid_input: StatusCode,
    /// 422: not allowed in the object's current state.
    pub invalid_state: StatusCode,
    /// 422: an object named in the input has the wrong class.
    pub invalid_type: StatusCode,
    /// 429: throttling, retried after `Retry-After`.
    pub rate_limit_conditional: StatusCode,
    /// 500: only for server bugs.
    pub internal_error: StatusCode,
    /// 503: throttling, retried after `Retry-After`.
    pub service_unavailable: StatusCode,
}

impl Default for Statuses {
    fn default() -> Statuses {
        Statuses {
            malformed_json: StatusCode::BAD_REQUEST,
            invalid_authentication: StatusCode::UNAUTHORIZED,
            permission_denied: StatusCode::UNAUTHORIZED,
            spending_limit_exceeded: StatusCode::FORBIDDEN,
            org_expired: StatusCode::FORBIDDEN,
            resource_not_found: StatusCode::NOT_FOUND,
            method_not_allowed: StatusCode::METHOD_NOT_ALLOWED,
            invalid_input: StatusCode::UNPROCESSABLE_ENTITY,
            invalid_state: StatusCode::UNPROCESSABLE_ENTITY,
            invalid_type: StatusCode::UNPROCESSABLE_ENTITY,
            rate_limit_conditional: StatusCode::TOO_MANY_REQUESTS,
            internal_error: StatusCode::INTERNAL_SERVER_ERROR,
            service_unavailable: StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl Statuses {
    /// The status `kind` is answered with.
    pub fn of(&self, kind: ErrorType) -> StatusCode {
        match kind {
            ErrorType::MalformedJSON => self.malformed_json,
            ErrorType::InvalidAuthentication => self.invalid_authentication,
            ErrorType::PermissionDenied => self.permission_denied,
            ErrorType::SpendingLimitExceeded => self.spending_limit_exceeded,
            ErrorType::OrgExpired => self.org_expired,
            ErrorType::ResourceNotFound => self.resource_not_found,
            ErrorType::MethodNotAllowed => self.method_not_allowed,
            ErrorType::InvalidInput => self.invalid_input,
            ErrorType::InvalidState => self.invalid_state,
            ErrorType::InvalidType => self.invalid_type,
            ErrorType::RateLimitConditional => self.rate_limit_conditional,
            ErrorType::InternalError => self.internal_error,
            ErrorType::ServiceUnavailable => self.service_unavailable,
        }
    }
}

/// How a length is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes, as the documented limits are stated.
    Bytes,
    /// Unicode scalar values.
    Chars,
}

/// A size limit: at most `max` units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    pub unit: Unit,
}

impl Limit {
    pub const fn bytes(max: usize) -> Limit {
        Limit {
            max,
            unit: Unit::Bytes,
        }
    }

    /// Whether `s` is longer than the limit allows.
    pub fn exceeded_by(self, s: &str) -> bool {
        let len = match self.unit {
            Unit::Bytes => s.len(),
            Unit::Chars => s.chars().count(),
        };
        len > self.max
    }
}

/// The documented size limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// [DOC] A nonce is at most 128 bytes (records page).
    pub nonce: Limit,
    /// [DOC] A property key is at most 100 bytes (properties page).
    pub property_key: Limit,
    /// [DOC] A property value is at most 700 bytes (properties page).
    pub property_value: Limit,
}

/// Which rules a link in a details value must follow (details-and-links page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkRules {
    /// [DOC] `$dnanexus_link` must be the hash's only key.
    pub sole_key: bool,
    /// [DOC] The link's value is an ID string, or [CLIENT] `{"id", "project"?}`.
    pub id_value: bool,
    /// [DOC] describe's `links` names each linked object once.
    pub dedup: bool,
}

impl LinkRules {
    pub const STRICT: LinkRules = LinkRules {
        sole_key: true,
        id_value: true,
        dedup: true,
    };
}

/// The permission level each operation needs (VIEW < UPLOAD < CONTRIBUTE < ADMINISTER).
#[derive(Debug, Clone)]
pub struct Levels {
    /// [DOC] `/record/new`: UPLOAD on `project`.
    pub create: Level,
    /// [DOC] close: UPLOAD on the project the object was created in.
    pub close: Level,
    /// [DOC] addTypes, removeTypes, setDetails, setVisibility: UPLOAD, like close.
    pub change: Level,
    /// [DOC] describe, getDetails, listProjects: VIEW on a project holding the object.
    /// `None`: describe checks nothing.
    pub describe: Option<Level>,
    /// [DOC] rename, setProperties, addTags, removeTags on an open object: UPLOAD on the
    /// copy's project.
    pub copy_open: Level,
    /// [DOC] The same on a closed object: CONTRIBUTE.
    pub copy_closed: Level,
    /// newFolder, move, renameFolder, removing empty folders, clone's destination:
    /// [SILENT]; UPLOAD, since they create folders and place objects, deleting nothing.
    pub place: Level,
    /// [DOC] removeObjects and removing folders with objects: CONTRIBUTE...
    pub remove: Level,
    /// [DOC] ...or ADMINISTER in a protected project.
    pub remove_protected: Level,
    /// A project's tags and properties: [SILENT]; CONTRIBUTE, as for changing what the
    /// container holds.
    pub project_metadata: Level,
    /// [DOC] update, destroy, invite, decreasePermissions: ADMINISTER.
    pub administer: Level,
}

/// What closing freezes (lifecycle page, "Mutability matrix"): `true` refuses the change
/// on a closed object with InvalidState.
#[derive(Debug, Clone)]
pub struct Frozen {
    /// [DOC] types are frozen: addTypes...
    pub add_types: bool,
    /// ...and removeTypes.
    pub remove_types: bool,
    /// [DOC] details are frozen.
    pub details: bool,
    /// [DOC] visibility is frozen.
    pub visibility: bool,
    /// [DOC] the name stays changeable (with CONTRIBUTE).
    pub rename: bool,
    /// [DOC] tags stay changeable.
    pub tags: bool,
    /// [DOC] properties stay changeable.
    pub properties: bool,
}

/// `/class-xxxx/close` (lifecycle page).
#[derive(Debug, Clone)]
pub struct Close {
    /// [DOC] close closes the object (records close at once).
    pub closes: bool,
    /// [DOC] closing changes no metadata (visibility included).
    pub keeps_metadata: bool,
    /// [DOC] close is idempotent: closing a closed object changes nothing, `modified`
    /// included.
    pub again_changes_nothing: bool,
    /// The error for a caller with no access to the object's project: [DOC]
    /// PermissionDenied, like any caller without UPLOAD.
    pub no_access: ErrorType,
}

/// The data-object routes: types, details and per-copy metadata (types, details and
/// links, name, properties and tags pages).
#[derive(Debug, Clone)]
pub struct Objects {
    /// [DOC] A type name is checked against the documented characters (non-empty,
    /// `/0-9A-Z_a-z`); when off, any string is a type.
    pub type_names_checked: bool,
    /// [DOC, contradictory] `-` is accepted in a type name: the page's own example
    /// `history-record` has it, outside the documented ranges (our reading).
    pub type_hyphen: bool,
    /// [DOC] Adding a type that is already present does nothing.
    pub types_deduplicated: bool,
    /// [DOC] Adding a tag that is already present does nothing.
    pub tags_deduplicated: bool,
    /// [DOC] setDetails' body replaces the details whole; when off, a mapping is merged
    /// into the old mapping, key by key.
    pub details_replaced: bool,
    /// [DOC] setProperties merges: keys not given keep their values; when off, the update
    /// replaces every property.
    pub properties_merged: bool,
    /// [DOC] A null property value deletes the key; when off, the key is left alone.
    pub null_deletes: bool,
    /// [DOC] Name, properties and tags change in the named project's copy only; when off,
    /// in every copy.
    pub copy_scoped: bool,
    /// [DOC] The project named must hold the object (ResourceNotFound otherwise); when
    /// off, the creating project's copy changes instead.
    pub copy_must_be_held: bool,
    /// [INFERRED] A call that changes nothing (a type or tag already present, one absent
    /// removed, `{}` properties) leaves `modified` as it was: `modified` is when the
    /// metadata last changed (records page). When off, every successful call moves it.
    pub no_op_keeps_modified: bool,
}

/// Nonces (nonces page).
#[derive(Debug, Clone)]
pub struct Nonces {
    /// [DOC] A retry with the same nonce and input answers the first answer and creates
    /// nothing.
    pub replayed: bool,
    /// [DOC] The same nonce with any other input is InvalidInput.
    pub reuse_refused: bool,
    /// [DOC] The whole input is compared (`None`); `Some(keys)` compares only those keys.
    pub compared: Option<&'static [&'static str]>,
    /// [SILENT] Nonces are scoped per user (our reading); when off, one table for all.
    pub per_user: bool,
    /// [DOC] A replay creates nothing; when on, it answers the first answer but still
    /// creates another object.
    pub replay_creates: bool,
    /// [SILENT] A failed first attempt is not stored under its nonce (our reading); when
    /// on, it is, and a corrected retry is a reuse with other input.
    pub failed_stored: bool,
    /// [DOC] Replay is guaranteed for an hour (`None`: kept for the server's life);
    /// `Some(ms)` forgets a nonce after that long.
    pub kept_ms: Option<u64>,
}

/// `/record/new`'s defaults and folder and `initializeFrom` rules (records page).
#[derive(Debug, Clone)]
pub struct RecordNew {
    /// [DOC] `name` defaults to the new ID.
    pub name_is_id: bool,
    /// [DOC] `folder` defaults to the root; a default folder is never checked for
    /// existence (the root always exists).
    pub folder: &'static str,
    /// [DOC] `hidden` defaults to false.
    pub hidden: bool,
    /// [DOC] `details` defaults to `{}`.
    pub details: Value,
    /// [DOC] `parents` defaults to false...
    pub parents: bool,
    /// [DOC] ...and without `parents`, a folder that does not exist is ResourceNotFound.
    /// When off, it is created anyway.
    pub missing_folder_refused: bool,
    /// [DOC] `initializeFrom` copies the source record's metadata...
    pub initialize_from_copies: bool,
    /// [DOC] ...and fields given in the call override what it copies.
    pub given_override_source: bool,
}

/// A data object's describe (records page).
#[derive(Debug, Clone)]
pub struct Describe {
    /// [DOC] The fields sent without `fields` (unless `defaultFields: false`).
    pub default_fields: Vec<&'static str>,
    /// [DOC] With `fields`, the deprecated `properties`/`details` flags are ignored. When
    /// on, they still add (true) or remove (false) their field.
    pub deprecated_flags_win: bool,
    /// [DOC] A `project` hint that does not hold the object falls back to another copy
    /// the caller can view.
    pub hint_falls_back: bool,
}

/// Search (search page; spec §10).
#[derive(Debug, Clone)]
pub struct Search {
    /// findDataObjects' `visibility` default: [SILENT]; `visible` is our reading.
    pub default_visibility: &'static str,
    /// The largest `limit` (and its default): [INFERRED] 1000; larger ones are clamped,
    /// and bulk inputs (`id`, `objects`) hold at most this many.
    pub max_limit: usize,
    /// The most results one page holds whatever `limit` says: [DOC] a page may be shorter
    /// than `limit` as long as `next` goes on.
    pub page_cap: usize,
    /// [DOC] Results from one project are newest modification first.
    pub newest_first: bool,
    /// [DOC] Only objects in projects the caller has at least VIEW on (not through
    /// PUBLIC) are found.
    pub view_required: bool,
    /// resolveDataObjects matches names as globs: [SILENT]; our reading is exact names
    /// (`false`).
    pub resolve_glob: bool,
}

/// Billing checks on new data (records page errors).
#[derive(Debug, Clone)]
pub struct Billing {
    /// [DOC] A project billed to an org at its spending limit refuses new data
    /// (SpendingLimitExceeded).
    pub spending_limit_enforced: bool,
    /// [DOC] A project billed to an expired org refuses new data (OrgExpired).
    pub org_expiry_enforced: bool,
}

/// Folders, moving, removal and cloning (folders-and-deletion and cloning pages).
#[derive(Debug, Clone)]
pub struct Folders {
    /// [DOC] listFolder's `folders` holds the immediate subfolders only. When off, every
    /// folder below is listed.
    pub list_immediate_only: bool,
    /// [CLIENT] A moved folder lands as `destination/<basename>`. When off, its contents
    /// are poured into the destination itself.
    pub move_keeps_basename: bool,
    /// [DOC] Removal also removes the hidden objects it leaves unreachable.
    pub remove_unreachable_hidden: bool,
    /// [DOC] Only closed objects are cloned (an open one is InvalidState).
    pub clone_closed_only: bool,
    /// [OBSERVED] A clone keeps the object's ID. When off, the copy is a new object.
    pub clone_keeps_id: bool,
    /// [DOC] The copy carries the user-provided metadata (name, tags, properties). When
    /// off, the clone gets defaults.
    pub clone_copies_metadata: bool,
    /// [DOC] Hidden objects linked from cloned objects are cloned too.
    pub clone_follows_hidden_links: bool,
    /// [DOC] A hidden object in a cloned folder is cloned only with a visible ancestor.
    pub clone_hidden_needs_ancestor: bool,
    /// [OBSERVED] A cloned folder whose name the destination already holds is refused
    /// (InvalidState, our reading). When off, the contents are merged.
    pub clone_folder_conflict_refused: bool,
    /// [DOC] A RESTRICTED source container refuses cloning (PermissionDenied, our reading).
    pub clone_restricted_refused: bool,
    /// [DOC] The level cloning needs on the source: VIEW.
    pub clone_source: Level,
    /// [DOC] The level cloning needs on the destination: UPLOAD.
    pub clone_destination: Level,
}

/// Projects and sharing (projects and project-permissions-and-sharing pages).
#[derive(Debug, Clone)]
pub struct Projects {
    /// [DOC] Inviting someone at a level they already hold does nothing (and succeeds).
    /// When off, such an invitation is refused with InvalidState.
    pub held_level_no_op: bool,
    /// [DOC] Inviting at a level already held does nothing; [INFERRED] inviting at a lower
    /// one does not lower it either (that is decreasePermissions' job). When off, invite
    /// sets the level it is given.
    pub invite_never_lowers: bool,
    /// [CLIENT] `PUBLIC` can be granted VIEW only (InvalidInput otherwise). When off, any
    /// level is granted.
    pub public_view_only: bool,
    /// [CLIENT] decreasePermissions only lowers levels (InvalidInput for an increase).
    /// When off, it sets whatever level it is given.
    pub decrease_only_lowers: bool,
    /// [OBSERVED] A destroyed project is gone: describe is ResourceNotFound. When off,
    /// destroy answers but leaves the project as it was.
    pub destroy_removes: bool,
}

/// `fileUploadParameters`: the part rules of a region (spec §8b, "Part rules").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadParameters {
    /// Minimum bytes of every part but the highest-indexed.
    pub minimum_part_size: u64,
    /// Maximum bytes of a part.
    pub maximum_part_size: u64,
    /// Maximum bytes of a file.
    pub maximum_file_size: u64,
    /// Maximum number of parts (and the highest index).
    pub maximum_num_parts: u64,
    /// Whether the highest-indexed part may be empty (then a file needs one part at
    /// least); when not, a file may have no parts, but a last part has a byte at least.
    pub empty_last_part_allowed: bool,
}

impl UploadParameters {
    /// [CLIENT] The `aws:*` row (dxpy's "amazon" fixture; the page's 5 MB–5 GB [DOC]).
    pub const AWS: UploadParameters = UploadParameters {
        minimum_part_size: 5 * 1024 * 1024,
        maximum_part_size: 5 * 1024 * 1024 * 1024,
        maximum_file_size: 5 * 1024 * 1024 * 1024 * 1024,
        maximum_num_parts: 10_000,
        empty_last_part_allowed: true,
    };

    /// [CLIENT] The `azure:*` row (dxpy's "azure" fixture).
    pub const AZURE: UploadParameters = UploadParameters {
        minimum_part_size: 1,
        maximum_part_size: 4 * 1024 * 1024,
        maximum_file_size: 209_715_200_000,
        maximum_num_parts: 50_000,
        empty_last_part_allowed: false,
    };

    /// The documented row of a region, as a project's describe states it: [INFERRED]
    /// `azure:*` the Azure row, anything else the AWS row.
    pub fn of_region(region: &str) -> UploadParameters {
        if region.starts_with("azure:") {
            UploadParameters::AZURE
        } else {
            UploadParameters::AWS
        }
    }
}

/// Which of the close rules `/file-xxxx/close` applies ([CLIENT] dxfuse's copy of the
/// platform's list; each is InvalidState when it holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseRules {
    /// 1. `emptyLastPartAllowed` and no parts at all.
    pub zero_parts: bool,
    /// 2. A part is still pending.
    pub pending: bool,
    /// 3. A part other than the highest-indexed is under `minimumPartSize`.
    pub small_part: bool,
    /// 4. Not `emptyLastPartAllowed` and the highest-indexed part is empty.
    pub empty_last_part: bool,
    /// 5. The parts add up to more than `maximumFileSize`.
    pub file_too_big: bool,
}

/// Files (files page; spec §8b).
#[derive(Debug, Clone)]
pub struct Files {
    /// The part rules of `aws:*` regions ([CLIENT]).
    pub aws: UploadParameters,
    /// The part rules of `azure:*` regions ([CLIENT]).
    pub azure: UploadParameters,
    /// The close rules in force.
    pub close: CloseRules,
    /// [DOC] Parts can be uploaded only while the file is open: `/upload` on a closing or
    /// closed file is InvalidState ([OBSERVED] type).
    pub upload_needs_open: bool,
    /// [DOC] A file must be closed before its data can be read: `/download` of an open or
    /// closing file is InvalidState ([OBSERVED] type).
    pub download_needs_closed: bool,
    /// [INFERRED] `/upload` requires `size` and `md5` (the legacy C++ binding omits them).
    pub upload_requires_size_md5: bool,
    /// [INFERRED] `/upload`'s `index` is at most `maximumNumParts` and its `size` at most
    /// `maximumPartSize` (InvalidInput).
    pub upload_limits_checked: bool,
    /// [INFERRED] How long `closing` lasts, in ms: 0 closes at once (the docs: seconds to
    /// minutes). `serve --closing-ms` sets it, so that `closing` can be observed.
    pub closing_ms: u64,
    /// [SILENT] The media type of a file made without `media`: `""` is our reading (the
    /// docs' `dx upload` sample prints it empty); content is never sniffed.
    pub default_media: &'static str,
    /// [INFERRED] The content is the complete parts in ascending index order (gaps
    /// allowed, as in S3 multipart uploads); off: in the order their data landed.
    pub index_order: bool,
    /// [DOC] A part uploaded again is replaced: the most recent successful PUT wins.
    pub last_put_wins: bool,
}

impl Default for Files {
    fn default() -> Files {
        Files {
            aws: UploadParameters::AWS,
            azure: UploadParameters::AZURE,
            close: CloseRules {
                zero_parts: true,
                pending: true,
                small_part: true,
                empty_last_part: true,
                file_too_big: true,
            },
            upload_needs_open: true,
            download_needs_closed: true,
            upload_requires_size_md5: true,
            upload_limits_checked: true,
            closing_ms: 0,
            default_media: "",
            index_order: true,
            last_put_wins: true,
        }
    }
}

impl Files {
    /// The part rules in force for a project in `region`: [INFERRED] `azure:*` the Azure
    /// row, anything else the AWS row.
    pub fn parameters(&self, region: &str) -> UploadParameters {
        if region.starts_with("azure:") {
            self.azure
        } else {
            self.aws
        }
    }
}

/// The transfer endpoints: the PUT of a part to an upload URL, the GET of a download URL
/// (spec §8b, "PUT to the upload URL", "GET to the download URL").
#[derive(Debug, Clone)]
pub struct Transfer {
    /// [INFERRED] A PUT whose body's MD5 is not the one `/upload` was given is refused
    /// (400 `BadDigest`), like S3.
    pub md5_checked: bool,
    /// [INFERRED] A PUT whose body is not the announced size is refused (400).
    pub length_checked: bool,
    /// [INFERRED] A PUT needs the `Content-MD5` header `/upload` handed out.
    pub headers_required: bool,
    /// [DOC] The PUT needs no other authentication than its URL: an `Authorization`
    /// header is not required (and ignored). Off: a PUT without one is refused.
    pub no_auth_needed: bool,
    /// [DOC] Parts are written only while the file is open: a PUT to a URL handed out
    /// before close is refused once the file is closing or closed.
    pub put_needs_open: bool,
    /// [CLIENT]/[INFERRED] Handed-out URLs expire (403 after).
    pub expiry_enforced: bool,
    /// Expiry counted to the millisecond `expires` states. On: in whole seconds, so a URL
    /// still works until the end of the second it expires in (as a signature that
    /// carries seconds would).
    pub expiry_whole_seconds: bool,
    /// [INFERRED] How long an upload URL lives, in ms (at least 15 minutes).
    pub upload_lifetime_ms: i64,
    /// [INFERRED] A preauthenticated URL's lifetime without `duration`, in seconds.
    pub default_duration_s: i64,
    /// [INFERRED] The longest `duration` accepted (dxfuse and dxda ask for a year).
    pub max_duration_s: i64,
    /// [OBSERVED] Two non-preauthenticated `/download` calls with the same inputs answer
    /// the same URL. Off: a fresh one every call.
    pub stable_download_urls: bool,
    /// [OBSERVED] Every preauthenticated call answers a fresh URL (its expiry in it).
    pub fresh_preauth_urls: bool,
    /// [OBSERVED] A download URL's last path segment is the filename.
    pub filename_last: bool,
    /// [INFERRED] `Range: bytes=a-b` is inclusive of `b` (RFC 9110), clamped to the end.
    pub range_end_inclusive: bool,
    /// [INFERRED] A ranged GET answers 206 with `Content-Range`.
    pub partial_status: StatusCode,
    /// [INFERRED] A range starting past the end is 416.
    pub unsatisfiable_refused: bool,
    /// The host name transfer URLs carry: `None`, the one the API call was made to (the
    /// same server); another name is allowed (clients use URLs as returned).
    pub host: Option<&'static str>,
    /// Where the upload URLs live: a path prefix of two components at least, which no
    /// `/subject/method` API route can be.
    pub upload_prefix: &'static str,
    /// Where the download URLs live (DNAnexus's own mock serves `/F/D`).
    pub download_prefix: &'static str,
    /// Headers `/upload` hands out besides `content-length` and `content-md5`, which the
    /// PUT carries back (the platform's include `x-amz-server-side-encryption`).
    pub extra_upload_headers: &'static [(&'static str, &'static str)],
    /// What a PUT that stored its part answers: [CLIENT] any 2xx.
    pub put_status: StatusCode,
}

impl Default for Transfer {
    fn default() -> Transfer {
        Transfer {
            md5_checked: true,
            length_checked: true,
            headers_required: true,
            no_auth_needed: true,
            put_needs_open: true,
            expiry_enforced: true,
            expiry_whole_seconds: false,
            upload_lifetime_ms: 60 * 60 * 1000,
            default_duration_s: 86_400,
            max_duration_s: 31_536_000,
            stable_download_urls: true,
            fresh_preauth_urls: true,
            filename_last: true,
            range_end_inclusive: true,
            partial_status: StatusCode::PARTIAL_CONTENT,
            unsatisfiable_refused: true,
            host: None,
            upload_prefix: "/F/U",
            download_prefix: "/F/D",
            extra_upload_headers: &[],
            put_status: StatusCode::OK,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_mistakes_are_never_5xx() {
        let s = Statuses::default();
        for kind in [
            ErrorType::MalformedJSON,
            ErrorType::InvalidAuthentication,
            ErrorType::PermissionDenied,
            ErrorType::SpendingLimitExceeded,
            ErrorType::OrgExpired,
            ErrorType::ResourceNotFound,
            ErrorType::MethodNotAllowed,
            ErrorType::InvalidInput,
            ErrorType::InvalidState,
            ErrorType::InvalidType,
            ErrorType::RateLimitConditional,
        ] {
            assert!(s.of(kind).is_client_error(), "{kind:?}");
        }
        assert_eq!(s.of(ErrorType::PermissionDenied).as_u16(), 401);
        assert_eq!(s.of(ErrorType::OrgExpired).as_u16(), 403);
        assert!(s.of(ErrorType::ServiceUnavailable).is_server_error());
    }

    #[test]
    fn limits_count_bytes_or_chars() {
        let s = format!("{}é", "a".repeat(99));
        assert!(Limit::bytes(100).exceeded_by(&s));
        assert!(!Limit::bytes(101).exceeded_by(&s));
        let chars = Limit {
            max: 100,
            unit: Unit::Chars,
        };
        assert!(!chars.exceeded_by(&s));
    }
}
