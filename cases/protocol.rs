//! The conventions every route shares: URL forms and data types (the API introduction),
//! the request and answer format and the error body (Protocols), authentication, and
//! entity IDs.
//!
//! Pages: <https://documentation.dnanexus.com/developer/api> (seed `003_…`),
//! `…/api/protocols`, `…/api/authentication`, `…/api/entity-ids`. The seeded routes
//! (`/record/new`, `/record-xxxx/describe`, `/class-xxxx/close`) are the vehicles: each
//! case uses the simplest call whose only fault is the one under test (a valid describe
//! body sent with the wrong `Content-Type`, and so on), so that the error can only come
//! from the rule the case names. Most protocol facts come from the clients and the
//! platform's observed behaviour rather than the pages: those items are SHOULD and say
//! their source.

use crate::case::{CASE, Case, Check::*, Kind, Ord, Step, Verb, Who, post, raw};
use crate::spec::{Item, ItemKind::*, Level::*, StatusRule};

use super::pages::{API_INTRO, AUTHENTICATION, ENTITY_IDS, PROTOCOLS};

pub static ITEMS: &[Item] = &[
    // --- API introduction: URL forms ---------------------------------------------------
    Item {
        id: "api#url.system",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`/system/<method>`: system-wide methods such as search (`/system/findDataObjects`).",
    },
    Item {
        id: "api#url.class",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`/<class>/new`: an entity class for which a new instance may be created (`/record/new`).",
    },
    Item {
        id: "api#url.id",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`/<class-xxxx>/<verb>`: an entity ID, for methods acting on an existing instance (`/record-xxxx/describe`).",
    },
    // --- API introduction: data types ----------------------------------------------------
    Item {
        id: "api#type.string",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`string` outputs are JSON strings (describe `id`, `project`, `class`, `state`, `name`, `folder`).",
    },
    Item {
        id: "api#type.boolean",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`boolean` outputs are JSON booleans (describe `hidden`, `sponsored`).",
    },
    Item {
        id: "api#type.array",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`array of strings` outputs are JSON arrays of strings (describe `types`, `tags`, `links`).",
    },
    Item {
        id: "api#type.mapping",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`mapping` outputs are JSON objects (describe `createdBy`, `properties`, mapping `details`).",
    },
    Item {
        id: "api#type.int",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`int` is an integer JSON number: the integer-valued outputs (timestamps `created`, `modified`) carry no fraction.",
    },
    Item {
        id: "api#type.timestamp",
        page: &API_INTRO,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`timestamp` is an integer JSON number of milliseconds since the Unix epoch (describe `created`, `modified`: now, in ms).",
    },
    // --- Protocols: requests -------------------------------------------------------------
    Item {
        id: "protocols#rule.post",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Every API method is called with an HTTP POST to its URL, with JSON input and JSON output.",
    },
    Item {
        id: "protocols#rule.content-type-absent",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "The request `Content-Type` may be absent: a JSON body without the header is accepted.",
    },
    Item {
        id: "protocols#rule.content-type-parameters",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[INFERRED] `application/json` with media-type parameters (`; charset=utf-8`) is still `application/json` and is accepted.",
    },
    Item {
        id: "protocols#error.MalformedJSON.content-type",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Must,
        text: "A `Content-Type` other than `application/json` is MalformedJSON (HTTP 400), even with a valid JSON body.",
    },
    Item {
        id: "protocols#error.MalformedJSON.syntax",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[CLIENT] A body that does not parse as JSON is MalformedJSON (400) (dxpy's exception docs; the platform's error table).",
    },
    Item {
        id: "protocols#error.MalformedJSON.empty-body",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[INFERRED] An empty (0-byte) body is not valid JSON, which the body must be even without input: MalformedJSON (400).",
    },
    Item {
        id: "protocols#error.InvalidInput.not-object",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Must,
        text: "Valid JSON whose top level is not an object (`[]`, `\"x\"`, `5`, `null`) is InvalidInput (422): \"the input is not a hash\".",
    },
    Item {
        id: "protocols#rule.unknown-keys-ignored",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[OBSERVED] `/record/new` accepts an unknown key (`\"dxapi\": \"1.0.0\"`); [INFERRED] unknown input keys are ignored generally.",
    },
    Item {
        id: "protocols#rule.query-ignored",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "URL query parameters are ignored: only the JSON body is input.",
    },
    Item {
        id: "protocols#rule.api-version-header",
        page: &PROTOCOLS,
        anchor: "",
        kind: Input,
        level: Must,
        text: "The optional request header `DNAnexus-API: 1.0.0` selects the documented API version and is accepted.",
    },
    Item {
        id: "protocols#rule.percent-decoded-path",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] dxpy percent-encodes URL paths, so the path is percent-decoded before matching (`/record-xxxx/%64escribe` is describe).",
    },
    Item {
        id: "protocols#error.MethodNotAllowed",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[SILENT]/[INFERRED] A request that is neither POST nor OPTIONS (GET, PUT, DELETE) is MethodNotAllowed (405) with the error body.",
    },
    Item {
        id: "protocols#error.unknown-route",
        page: &PROTOCOLS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[INFERRED] An unknown method, class or system route is ResourceNotFound (404).",
    },
    // --- Protocols: answers ----------------------------------------------------------------
    Item {
        id: "protocols#error-body",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] An error answers `{\"error\": {\"type\": T, \"message\": M}}` (optional `details`); M is a non-empty human-readable string.",
    },
    Item {
        id: "protocols#status.400",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "MalformedJSON is HTTP 400 (the page gives 400 for a bad content type; the platform's error table too).",
    },
    Item {
        id: "protocols#status.403",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table: SpendingLimitExceeded is HTTP 403.",
    },
    Item {
        id: "protocols#status.OrgExpired",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[SILENT] OrgExpired's status is documented nowhere; our reading: 403, like SpendingLimitExceeded (its type is documented on the records page, its status is not).",
    },
    Item {
        id: "protocols#status.405",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table: MethodNotAllowed is HTTP 405.",
    },
    Item {
        id: "protocols#status.503",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table: ServiceUnavailable is HTTP 503, with `Retry-After` in integer seconds when the client should wait (clients retry it without counting it against their retry limit).",
    },
    Item {
        id: "protocols#status.401",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table, [OBSERVED]: InvalidAuthentication and PermissionDenied are HTTP 401 (not 403).",
    },
    Item {
        id: "protocols#status.404",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table, [OBSERVED]: ResourceNotFound is HTTP 404.",
    },
    Item {
        id: "protocols#status.422",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT] error table, [OBSERVED]: InvalidInput, InvalidState and InvalidType are HTTP 422.",
    },
    Item {
        id: "protocols#header.content-type",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[CLIENT] Answers, errors included, are `Content-Type: application/json` (dxpy decodes only such bodies).",
    },
    Item {
        id: "protocols#header.request-id",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[OBSERVED] Every answer carries `X-Request-ID: <13-digit ms>-<1-6 digit counter>`, errors and preflights included.",
    },
    Item {
        id: "protocols#header.request-id-unique",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[INFERRED] `X-Request-ID` identifies one request (dxpy quotes it in error messages to trace a call), so two requests never share one.",
    },
    Item {
        id: "protocols#header.nosniff",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[OBSERVED] Answers carry `X-Content-Type-Options: nosniff`, errors and preflights included.",
    },
    // --- Protocols: CORS ---------------------------------------------------------------------
    Item {
        id: "protocols#cors.origin",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Must,
        text: "On a POST that carries `Origin`, the value is echoed in `Access-Control-Allow-Origin`.",
    },
    Item {
        id: "protocols#cors.origin-on-errors",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[INFERRED] The `Origin` echo is on error answers too, so that a browser can read the error.",
    },
    Item {
        id: "protocols#cors.preflight",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "An OPTIONS preflight with `Access-Control-Request-Method: POST` is accepted (without credentials), echoing `Origin` and `Access-Control-Request-Headers`.",
    },
    Item {
        id: "protocols#cors.preflight-allow-methods",
        page: &PROTOCOLS,
        anchor: "",
        kind: Output,
        level: Should,
        text: "[INFERRED] An accepted preflight answers `Access-Control-Allow-Methods` naming POST.",
    },
    Item {
        id: "protocols#cors.preflight-other-method",
        page: &PROTOCOLS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[SILENT] A preflight for a method other than POST is refused; our reading: 405 MethodNotAllowed.",
    },
    // --- Authentication ----------------------------------------------------------------------
    Item {
        id: "authentication#rule.bearer",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "`Authorization: Bearer <token>` authenticates the call as the token's user (describe `createdBy.user` is that user).",
    },
    Item {
        id: "authentication#rule.token-required",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Unless a route says otherwise every call needs a bearer token (OAuth2 bearer): without one it is refused (an error, not an answer).",
    },
    Item {
        id: "authentication#rule.token-required.status",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[OBSERVED] The refusal of a call without a token is HTTP 401 (the page does not give the status; the platform's integration tests and RFC 6750 do).",
    },
    Item {
        id: "authentication#error.no-header",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[OBSERVED] No `Authorization` header at all is PermissionDenied (401).",
    },
    Item {
        id: "authentication#error.bad-token",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[OBSERVED] an expired token, [INFERRED] an unknown one: InvalidAuthentication (401).",
    },
    Item {
        id: "authentication#error.malformed-header",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[INFERRED] An `Authorization` header that is not a bearer token (`Basic …`, `Bearer` alone) is InvalidAuthentication (401).",
    },
    Item {
        id: "authentication#rule.greet-without-token",
        page: &AUTHENTICATION,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[OBSERVED] `/system/greet` works without an `Authorization` header and answers a mapping with `messages`.",
    },
    // --- Entity IDs --------------------------------------------------------------------------
    Item {
        id: "entity-ids#rule.generated-form",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "System-assigned IDs are `class-` and 24 case-sensitive characters of `0123456789BFGJKPQVXYZbfgjkpqvxyz`.",
    },
    Item {
        id: "entity-ids#rule.user-handle",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Rule,
        level: Must,
        text: "Users are addressed by handle: `user-<handle>`.",
    },
    Item {
        id: "entity-ids#rule.parse-shape",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Rule,
        level: Should,
        text: "[CLIENT]/[OBSERVED] Input IDs are parsed as `class-[0-9A-Za-z]{24}`: a well-formed ID outside the alphabet is unknown (404), not malformed.",
    },
    Item {
        id: "entity-ids#error.unknown-in-url",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[INFERRED] A well-formed but unknown subject ID in the URL is ResourceNotFound (404).",
    },
    Item {
        id: "entity-ids#error.malformed-in-url",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[OBSERVED] A malformed subject in the URL (`/None/describe`, `record-123`, non-ASCII) is ResourceNotFound (404).",
    },
    Item {
        id: "entity-ids#error.not-found-message",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[OBSERVED] The ResourceNotFound message for a subject reads `The entity <subject> could not be found`.",
    },
    Item {
        id: "entity-ids#error.malformed-in-input",
        page: &ENTITY_IDS,
        anchor: "",
        kind: Error,
        level: Should,
        text: "[INFERRED] A malformed ID in an input field (`\"project\": \"project-123\"`) is InvalidInput (422).",
    },
];

/// The error type to HTTP status table: each error step's status is judged as a fact of
/// its own, at the level of the item here (only MalformedJSON's 400 is documented; the
/// rest comes from the platform's error table as the clients copy it).
pub static STATUSES: &[StatusRule] = &[
    StatusRule {
        error: "MalformedJSON",
        status: 400,
        item: "protocols#status.400",
    },
    StatusRule {
        error: "InvalidAuthentication",
        status: 401,
        item: "protocols#status.401",
    },
    StatusRule {
        error: "PermissionDenied",
        status: 401,
        item: "protocols#status.401",
    },
    StatusRule {
        error: "SpendingLimitExceeded",
        status: 403,
        item: "protocols#status.403",
    },
    StatusRule {
        error: "OrgExpired",
        status: 403,
        item: "protocols#status.OrgExpired",
    },
    StatusRule {
        error: "ResourceNotFound",
        status: 404,
        item: "protocols#status.404",
    },
    StatusRule {
        error: "MethodNotAllowed",
        status: 405,
        item: "protocols#status.405",
    },
    StatusRule {
        error: "ServiceUnavailable",
        status: 503,
        item: "protocols#status.503",
    },
    StatusRule {
        error: "InvalidInput",
        status: 422,
        item: "protocols#status.422",
    },
    StatusRule {
        error: "InvalidState",
        status: 422,
        item: "protocols#status.422",
    },
    StatusRule {
        error: "InvalidType",
        status: 422,
        item: "protocols#status.422",
    },
];

/// A new record in the case's project, captured as `$rec`.
const NEW_RECORD: Step = post("/record/new", r#"{"project": "$project"}"#)
    .proves(&["record/new#output.id"])
    .capture(&[("rec", "/id")]);

/// Describe `$rec` as the owner.
const DESCRIBE_REC: Step = post("/$rec/describe", "{}");

/// A describe asking for every documented field, including the optional ones.
const DESCRIBE_ALL: Step = post(
    "/$rec/describe",
    r#"{"defaultFields": true, "fields": {"properties": true, "details": true}}"#,
);

/// A record with every metadata field set, so that each documented output has a value.
const NEW_FULL: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "full", "types": ["T"], "tags": ["t"],
        "properties": {"k": "v"}, "details": {"a": 1}}"#,
)
.capture(&[("rec", "/id")]);

/// An ID of the documented alphabet that no endpoint has issued.
const UNKNOWN_DESCRIBE: &str = "/record-0123456789BFGJKPQVXYZbfg/describe";

const REQUEST_ID: &str = r"^\d{13}-\d{1,6}$";
const ORIGIN: &str = "https://app.example.org";
const ORIGIN_RE: &str = r"^https://app\.example\.org$";

pub static CASES: &[Case] = &[
    // --- URL forms -------------------------------------------------------------------------
    Case {
        name: "protocol::url::system_form",
        items: &["api#url.system", "protocols#rule.post"],
        summary: "`/system/findDataObjects` is a system method: a POST answers `results`",
        steps: &[post("/system/findDataObjects", r#"{"limit": 1}"#)
            .check(&[Is("/results", Kind::Array)])],
        ..CASE
    },
    Case {
        name: "protocol::url::class_form",
        items: &["api#url.class", "protocols#rule.post"],
        summary: "`/record/new` creates an instance of the class named in the URL",
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .check(&[Is("/id", Kind::Id("record"))])],
        ..CASE
    },
    Case {
        name: "protocol::url::id_form",
        items: &["api#url.id", "protocols#rule.post"],
        summary: "`/record-xxxx/describe` acts on the instance named in the URL",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#), Eq("/class", r#""record""#)]),
        ],
        ..CASE
    },
    // --- Data types ------------------------------------------------------------------------
    Case {
        name: "protocol::types::strings",
        items: &["api#type.string"],
        summary: "describe's string outputs are JSON strings",
        steps: &[
            NEW_FULL,
            DESCRIBE_ALL.check(&[
                Is("/id", Kind::String),
                Is("/project", Kind::String),
                Is("/class", Kind::String),
                Is("/state", Kind::String),
                Is("/name", Kind::String),
                Is("/folder", Kind::String),
                Is("/createdBy/user", Kind::String),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::types::booleans",
        items: &["api#type.boolean"],
        summary: "describe's boolean outputs are JSON booleans",
        steps: &[
            NEW_FULL,
            DESCRIBE_ALL.check(&[Is("/hidden", Kind::Bool), Is("/sponsored", Kind::Bool)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::types::string_arrays",
        items: &["api#type.array"],
        summary: "describe's array-of-strings outputs are JSON arrays of strings, empty ones included",
        steps: &[
            NEW_FULL,
            DESCRIBE_ALL.check(&[
                Is("/types", Kind::StringArray),
                Is("/tags", Kind::StringArray),
                Is("/links", Kind::StringArray),
                Len("/links", 0),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::types::mappings",
        items: &["api#type.mapping"],
        summary: "describe's mapping outputs are JSON objects",
        steps: &[
            NEW_FULL,
            DESCRIBE_ALL.check(&[
                Is("/createdBy", Kind::Object),
                Is("/properties", Kind::Object),
                Is("/details", Kind::Object),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::types::timestamps",
        items: &["api#type.timestamp", "api#type.int"],
        summary: "`created` and `modified` are integer milliseconds since the epoch, now (and `created` <= `modified`: inferred)",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[
                Is("/created", Kind::Int),
                Is("/modified", Kind::Int),
                Is("/created", Kind::Timestamp),
                Is("/modified", Kind::Timestamp),
                On(
                    "record/describe#rule.created-le-modified",
                    &[Cmp("/created", Ord::Le, "@/modified")],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::types::timestamps_after_change",
        items: &["api#type.timestamp"],
        summary: "`modified` stays an integer millisecond timestamp after a metadata change",
        steps: &[
            NEW_RECORD,
            post("/$rec/rename", r#"{"project": "$project", "name": "n"}"#),
            DESCRIBE_REC.check(&[
                Is("/modified", Kind::Timestamp),
                On(
                    "record/describe#rule.created-le-modified",
                    &[Cmp("/created", Ord::Le, "@/modified")],
                ),
            ]),
        ],
        ..CASE
    },
    // --- Request format ----------------------------------------------------------------------
    Case {
        name: "protocol::request::no_content_type",
        items: &["protocols#rule.content-type-absent"],
        summary: "a JSON body sent without `Content-Type` is accepted",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "{}", None).check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::content_type_with_charset",
        items: &["protocols#rule.content-type-parameters"],
        summary: "`application/json; charset=utf-8` is accepted",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "{}", Some("application/json; charset=utf-8"))
                .check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::text_plain_is_malformed",
        items: &["protocols#error.MalformedJSON.content-type"],
        summary: "a valid JSON body sent as `text/plain` is MalformedJSON (400)",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "{}", Some("text/plain"))
                .fails(400, "MalformedJSON")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::form_content_type_is_malformed",
        items: &["protocols#error.MalformedJSON.content-type"],
        summary: "a valid JSON describe body sent as `application/x-www-form-urlencoded` is MalformedJSON (400)",
        steps: &[
            NEW_RECORD,
            raw(
                "/$rec/describe",
                "{}",
                Some("application/x-www-form-urlencoded"),
            )
            .fails(400, "MalformedJSON"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::unparseable_json",
        items: &["protocols#error.MalformedJSON.syntax"],
        summary: "a body cut off mid-object is MalformedJSON (400)",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", r#"{"fields": "#, Some("application/json"))
                .fails(400, "MalformedJSON"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::trailing_garbage",
        items: &["protocols#error.MalformedJSON.syntax"],
        summary: "a JSON object followed by other text is MalformedJSON (400)",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "{} x", Some("application/json"))
                .fails(400, "MalformedJSON"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::empty_body",
        items: &["protocols#error.MalformedJSON.empty-body"],
        summary: "a 0-byte body is MalformedJSON (400), with or without `Content-Type`",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "", Some("application/json")).fails(400, "MalformedJSON"),
            raw("/$rec/describe", "", None).fails(400, "MalformedJSON"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::array_body",
        items: &["protocols#error.InvalidInput.not-object"],
        summary: "a describe body `[]` is InvalidInput: the input is not a hash",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", "[]").fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::scalar_bodies",
        items: &["protocols#error.InvalidInput.not-object"],
        summary: "describe bodies that are a string, a number, a boolean or null are InvalidInput",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#""x""#).fails(422, "InvalidInput"),
            post("/$rec/describe", "5").fails(422, "InvalidInput"),
            post("/$rec/describe", "true").fails(422, "InvalidInput"),
            post("/$rec/describe", "null").fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::record_new_array_body",
        items: &["protocols#error.InvalidInput.not-object"],
        summary: "a record/new body `[]` is InvalidInput",
        steps: &[post("/record/new", r#"["$project"]"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "protocol::request::unknown_key_on_new",
        items: &["protocols#rule.unknown-keys-ignored"],
        summary: "record/new with `\"dxapi\": \"1.0.0\"` creates the record",
        steps: &[
            post(
                "/record/new",
                r#"{"project": "$project", "dxapi": "1.0.0"}"#,
            )
            .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::unknown_key_on_describe",
        items: &["protocols#rule.unknown-keys-ignored"],
        summary: "describe with an unknown key answers the default describe",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"noSuchInput": {"x": 1}}"#).check(&[
                Eq("/id", r#""$rec""#),
                Is("/state", Kind::String),
                Is("/name", Kind::String),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::query_ignored_on_describe",
        items: &["protocols#rule.query-ignored"],
        summary: "describe with `?fields=…&defaultFields=false` in the URL still answers the default fields",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe?defaultFields=false&fields=id", "{}").check(&[
                Eq("/id", r#""$rec""#),
                Is("/state", Kind::String),
                Is("/name", Kind::String),
                Is("/created", Kind::Timestamp),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::query_ignored_on_new",
        items: &["protocols#rule.query-ignored"],
        summary: "record/new with `?name=…` in the URL names the record by its ID, as without",
        steps: &[
            post("/record/new?name=fromquery&close=true", r#"{"project": "$project"}"#)
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC.check(&[Eq("/name", r#""$rec""#), Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::api_version_header",
        items: &["protocols#rule.api-version-header"],
        summary: "`DNAnexus-API: 1.0.0` on record/new and describe is accepted",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .headers(&[("DNAnexus-API", "1.0.0")])
                .capture(&[("rec", "/id")]),
            DESCRIBE_REC
                .headers(&[("DNAnexus-API", "1.0.0")])
                .check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::percent_encoded_method",
        items: &["protocols#rule.percent-decoded-path"],
        summary: "`/record-xxxx/%64escribe` is decoded to describe",
        steps: &[
            NEW_RECORD,
            post("/$rec/%64escribe", "{}").check(&[Eq("/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::get_not_allowed",
        items: &["protocols#error.MethodNotAllowed"],
        summary: "GET on an API route is MethodNotAllowed (405)",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .method(Verb::Get)
                .fails(405, "MethodNotAllowed")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::put_delete_not_allowed",
        items: &["protocols#error.MethodNotAllowed"],
        summary: "PUT and DELETE on API routes are MethodNotAllowed (405)",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .method(Verb::Put)
                .fails(405, "MethodNotAllowed"),
            post("/system/findDataObjects", "{}")
                .method(Verb::Delete)
                .fails(405, "MethodNotAllowed"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::request::unknown_routes",
        items: &["protocols#error.unknown-route", "protocols#status.404"],
        summary: "an unknown system method, class or object method is ResourceNotFound",
        steps: &[
            NEW_RECORD,
            post("/system/noSuchMethod", "{}").fails(404, "ResourceNotFound"),
            post("/nosuchclass/new", "{}").fails(404, "ResourceNotFound"),
            post("/$rec/noSuchMethod", "{}").fails(404, "ResourceNotFound"),
        ],
        ..CASE
    },
    // --- Error body and status table -----------------------------------------------------------
    Case {
        name: "protocol::errors::not_found_body",
        items: &["protocols#error-body", "protocols#status.404"],
        summary: "ResourceNotFound answers 404 with `{error: {type, message}}`",
        steps: &[post(UNKNOWN_DESCRIBE, "{}")
            .fails(404, "ResourceNotFound")
            .proves(&["protocols#error-body"])
                .check(&[
                Fields("", &["error"], &["error"]),
                Fields("/error", &["type", "message"], &["type", "message"]),
                Eq("/error/type", r#""ResourceNotFound""#),
                Is("/error/message", Kind::NonEmptyString),
            ])
            .snapshot()],
        ..CASE
    },
    Case {
        name: "protocol::errors::invalid_input_body",
        items: &["protocols#error-body", "protocols#status.422"],
        summary: "InvalidInput answers 422 with the error body (describe `project` not a string)",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"project": 5}"#)
                .fails(422, "InvalidInput")
                .proves(&["protocols#error-body"])
                .check(&[
                    Fields("/error", &["type", "message"], &["type", "message"]),
                    Is("/error/message", Kind::NonEmptyString),
                ])
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "protocol::errors::invalid_state_body",
        items: &["protocols#error-body", "protocols#status.422"],
        summary: "InvalidState answers 422 with the error body (setVisibility on a closed record)",
        steps: &[
            post("/record/new", r#"{"project": "$project", "close": true}"#)
                .capture(&[("rec", "/id")]),
            post("/$rec/setVisibility", r#"{"hidden": true}"#)
                .fails(422, "InvalidState")
                .proves(&["protocols#error-body"])
                .check(&[
                    Eq("/error/type", r#""InvalidState""#),
                    Is("/error/message", Kind::NonEmptyString),
                ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::errors::malformed_json_body",
        items: &["protocols#error-body", "protocols#header.content-type"],
        summary: "MalformedJSON answers the JSON error body, as `application/json`",
        steps: &[
            NEW_RECORD,
            raw("/$rec/describe", "{", Some("application/json"))
                .fails(400, "MalformedJSON")
                .proves(&["protocols#error-body"])
                .check(&[
                    Fields("/error", &["type", "message"], &["type", "message"]),
                    Is("/error/message", Kind::NonEmptyString),
                    Header("content-type", "^application/json"),
                ])
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "protocol::errors::unauthenticated_body",
        items: &[
            "protocols#error-body",
            "protocols#status.401",
            "authentication#error.no-header",
        ],
        summary: "a call without `Authorization` answers 401 PermissionDenied with the error body",
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .by(Who::Anonymous)
            .fails(401, "PermissionDenied")
            .proves(&["authentication#error.no-header"])
            .check(&[On(
                "protocols#error-body",
                &[
                    Fields("/error", &["type", "message"], &["type", "message"]),
                    Is("/error/message", Kind::NonEmptyString),
                ],
            )])
            .snapshot()],
        ..CASE
    },
    // --- Answer headers ------------------------------------------------------------------------
    Case {
        name: "protocol::headers::content_type_on_success",
        items: &["protocols#header.content-type"],
        summary: "a successful answer is `Content-Type: application/json`",
        steps: &[post("/record/new", r#"{"project": "$project"}"#).check(&[Header("content-type", "^application/json")])],
        ..CASE
    },
    Case {
        name: "protocol::headers::content_type_on_error",
        items: &["protocols#header.content-type"],
        summary: "an error answer is `Content-Type: application/json`",
        steps: &[post(UNKNOWN_DESCRIBE, "{}")
            .fails(404, "ResourceNotFound")
            .check(&[Header("content-type", "^application/json")])],
        ..CASE
    },
    Case {
        name: "protocol::headers::request_id_on_success",
        items: &["protocols#header.request-id"],
        summary: "a successful answer carries `X-Request-ID: <13-digit ms>-<counter>`",
        steps: &[post("/record/new", r#"{"project": "$project"}"#).check(&[Header("x-request-id", REQUEST_ID)])],
        ..CASE
    },
    Case {
        name: "protocol::headers::request_id_differs_per_request",
        items: &["protocols#header.request-id-unique"],
        summary: "two requests, even identical ones, get different `X-Request-ID`s",
        steps: &[
            post("/system/whoami", "{}").capture(&[("rid", "header:x-request-id")]),
            post("/system/whoami", "{}").check(&[HeaderNe("x-request-id", r#""$rid""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::headers::request_id_on_error",
        items: &["protocols#header.request-id"],
        summary: "error answers (404, 401) carry `X-Request-ID` too",
        steps: &[
            post(UNKNOWN_DESCRIBE, "{}")
                .fails(404, "ResourceNotFound")
                .check(&[Header("x-request-id", REQUEST_ID)]),
            post(UNKNOWN_DESCRIBE, "{}")
                .by(Who::BadToken)
                .fails(401, "InvalidAuthentication")
                .check(&[Header("x-request-id", REQUEST_ID)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::headers::nosniff_on_success",
        items: &["protocols#header.nosniff"],
        summary: "a successful answer carries `X-Content-Type-Options: nosniff`",
        steps: &[post("/record/new", r#"{"project": "$project"}"#).check(&[Header("x-content-type-options", "^nosniff$")])],
        ..CASE
    },
    Case {
        name: "protocol::headers::nosniff_on_error",
        items: &["protocols#header.nosniff"],
        summary: "an error answer carries `X-Content-Type-Options: nosniff`",
        steps: &[raw("/system/findDataObjects", "{", Some("application/json"))
            .fails(400, "MalformedJSON")
            .check(&[Header("x-content-type-options", "^nosniff$")])],
        ..CASE
    },
    // --- CORS ------------------------------------------------------------------------------------
    Case {
        name: "protocol::cors::origin_echoed",
        items: &["protocols#cors.origin"],
        summary: "a POST with `Origin` gets it back in `Access-Control-Allow-Origin`",
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .headers(&[("Origin", ORIGIN)])
            .check(&[Header("access-control-allow-origin", ORIGIN_RE)])],
        ..CASE
    },
    Case {
        name: "protocol::cors::origin_echoed_on_error",
        items: &["protocols#cors.origin-on-errors"],
        summary: "an error answer to a POST with `Origin` echoes it too",
        steps: &[post(UNKNOWN_DESCRIBE, "{}")
            .headers(&[("Origin", ORIGIN)])
            .fails(404, "ResourceNotFound")
            .check(&[Header("access-control-allow-origin", ORIGIN_RE)])],
        ..CASE
    },
    Case {
        name: "protocol::cors::preflight",
        items: &["protocols#cors.preflight"],
        summary: "an OPTIONS preflight for POST with no token is accepted (2xx), echoing the origin and requested headers",
        steps: &[post("/record/new", "{}")
            .method(Verb::Options)
            .by(Who::Anonymous)
            .headers(&[
                ("Origin", ORIGIN),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "authorization,content-type"),
            ])
            .accepted()
            .check(&[
                Header("access-control-allow-origin", ORIGIN_RE),
                Header(
                    "access-control-allow-headers",
                    r"(?i)^authorization, ?content-type$",
                ),
            ])],
        ..CASE
    },
    Case {
        name: "protocol::cors::preflight_on_id_route",
        items: &["protocols#cors.preflight"],
        summary: "a preflight for `/record-xxxx/describe` is accepted the same way",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .method(Verb::Options)
                .by(Who::Anonymous)
                .headers(&[
                    ("Origin", ORIGIN),
                    ("Access-Control-Request-Method", "POST"),
                    ("Access-Control-Request-Headers", "authorization"),
                ])
                .accepted()
                .check(&[
                    Header("access-control-allow-origin", ORIGIN_RE),
                    Header("access-control-allow-headers", "(?i)^authorization$"),
                ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::cors::preflight_allow_methods",
        items: &["protocols#cors.preflight-allow-methods"],
        summary: "an accepted preflight names POST in `Access-Control-Allow-Methods`",
        steps: &[post("/system/findDataObjects", "{}")
            .method(Verb::Options)
            .by(Who::Anonymous)
            .headers(&[("Origin", ORIGIN), ("Access-Control-Request-Method", "POST")])
            .accepted()
            .check(&[Header("access-control-allow-methods", r"(?i)\bPOST\b")])],
        ..CASE
    },
    Case {
        name: "protocol::cors::preflight_headers",
        items: &["protocols#header.request-id", "protocols#header.nosniff"],
        summary: "an accepted preflight carries `X-Request-ID` and `nosniff` like every answer",
        steps: &[post("/record/new", "{}")
            .method(Verb::Options)
            .by(Who::Anonymous)
            .headers(&[("Origin", ORIGIN), ("Access-Control-Request-Method", "POST")])
            .accepted()
            .check(&[
                Header("x-request-id", REQUEST_ID),
                Header("x-content-type-options", "^nosniff$"),
            ])],
        ..CASE
    },
    Case {
        name: "protocol::cors::preflight_other_method",
        items: &["protocols#cors.preflight-other-method"],
        summary: "a preflight asking for DELETE is refused with 405",
        steps: &[post("/record/new", "{}")
            .method(Verb::Options)
            .by(Who::Anonymous)
            .headers(&[("Origin", ORIGIN), ("Access-Control-Request-Method", "DELETE")])
            .status(405)],
        ..CASE
    },
    // --- Authentication ------------------------------------------------------------------------
    Case {
        name: "protocol::auth::bearer_identifies_user",
        items: &["authentication#rule.bearer", "entity-ids#rule.user-handle"],
        summary: "a record made with the owner's bearer token is created by the owner's `user-` ID",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.check(&[
                Eq("/createdBy/user", r#""$owner""#),
                Matches("/createdBy/user", "^user-.+$"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::auth::token_required",
        items: &["authentication#rule.token-required"],
        summary: "describe and record/new without `Authorization` are refused (with 401: observed)",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.by(Who::Anonymous).refused().check(&[On(
                "authentication#rule.token-required.status",
                &[Status(401)],
            )]),
            post("/record/new", r#"{"project": "$project"}"#)
                .by(Who::Anonymous)
                .refused()
                .check(&[On(
                    "authentication#rule.token-required.status",
                    &[Status(401)],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::auth::no_header_on_describe",
        items: &["authentication#error.no-header", "protocols#status.401"],
        summary: "describe without `Authorization` is PermissionDenied (401)",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC.by(Who::Anonymous).fails(401, "PermissionDenied"),
        ],
        ..CASE
    },
    Case {
        name: "protocol::auth::unknown_token",
        items: &["authentication#error.bad-token", "protocols#status.401"],
        summary: "a bearer token no one issued is InvalidAuthentication (401)",
        steps: &[
            NEW_RECORD,
            DESCRIBE_REC
                .by(Who::BadToken)
                .fails(401, "InvalidAuthentication")
                .snapshot(),
        ],
        ..CASE
    },
    Case {
        name: "protocol::auth::basic_scheme",
        items: &["authentication#error.malformed-header"],
        summary: "`Authorization: Basic …` is InvalidAuthentication (401)",
        steps: &[post("/system/findDataObjects", "{}")
            .by(Who::Anonymous)
            .headers(&[("Authorization", "Basic Zm9vOmJhcg==")])
            .fails(401, "InvalidAuthentication")],
        ..CASE
    },
    Case {
        name: "protocol::auth::bearer_without_token",
        items: &["authentication#error.malformed-header"],
        summary: "`Authorization: Bearer` with no token is InvalidAuthentication (401)",
        steps: &[post("/system/findDataObjects", "{}")
            .by(Who::Anonymous)
            .headers(&[("Authorization", "Bearer")])
            .fails(401, "InvalidAuthentication")],
        ..CASE
    },
    Case {
        name: "protocol::auth::greet_without_token",
        items: &["authentication#rule.greet-without-token"],
        summary: "`/system/greet` without `Authorization` answers `messages`",
        steps: &[
            post("/system/greet", r#"{"client": "dxclient", "version": "v0.0.0"}"#)
                .by(Who::Anonymous)
                .check(&[Is("", Kind::Object), Is("/messages", Kind::Array)]),
        ],
        ..CASE
    },
    // --- Entity IDs ------------------------------------------------------------------------------
    Case {
        name: "protocol::ids::generated_alphabet",
        items: &["entity-ids#rule.generated-form"],
        summary: "new record IDs are `record-` and 24 characters of the documented alphabet",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#).check(&[
                Is("/id", Kind::Id("record")),
                Matches("/id", "^record-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$"),
            ]),
            post("/record/new", r#"{"project": "$project", "close": true}"#).check(&[
                Matches("/id", "^record-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$"),
            ]),
            post("/record/new", r#"{"project": "$project", "name": "x"}"#).check(&[
                Matches("/id", "^record-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::ids::project_alphabet",
        items: &["entity-ids#rule.generated-form"],
        summary: "the project ID describe reports is `project-` and 24 characters of the alphabet",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{"fields": {"project": true}}"#).check(&[
                Eq("/project", r#""$project""#),
                Matches("/project", "^project-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::ids::new_ids_differ",
        items: &["entity-ids#rule.generated-form"],
        summary: "two records made with the same body get different IDs",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#).capture(&[("first", "/id")]),
            post("/record/new", r#"{"project": "$project"}"#)
                .check(&[Ne("/id", r#""$first""#)]),
        ],
        ..CASE
    },
    Case {
        name: "protocol::ids::unknown_in_url",
        items: &["entity-ids#error.unknown-in-url"],
        summary: "describe of a well-formed ID no one issued is ResourceNotFound (404)",
        steps: &[post(UNKNOWN_DESCRIBE, "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "protocol::ids::none_subject",
        items: &[
            "entity-ids#error.malformed-in-url",
            "entity-ids#error.not-found-message",
        ],
        summary: "`/None/describe` (what dxpy sends without a project) is ResourceNotFound naming `None`",
        steps: &[post("/None/describe", "{}")
            .fails(404, "ResourceNotFound")
            .check(&[Matches(
                "/error/message",
                "^The entity None could not be found$",
            )])
            .snapshot()],
        ..CASE
    },
    Case {
        name: "protocol::ids::short_subject",
        items: &["entity-ids#error.malformed-in-url"],
        summary: "`/record-123/describe` (too short to be an ID) is ResourceNotFound",
        steps: &[post("/record-123/describe", "{}").fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "protocol::ids::non_ascii_subject",
        items: &["entity-ids#error.malformed-in-url"],
        summary: "a percent-encoded non-ASCII subject (`project-é…`) is ResourceNotFound, not a 5xx",
        steps: &[post(
            "/project-%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9/describe",
            "{}",
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "protocol::ids::not_found_message",
        items: &["entity-ids#error.not-found-message"],
        summary: "the ResourceNotFound message for an unknown record names it",
        steps: &[post(UNKNOWN_DESCRIBE, "{}")
            .fails(404, "ResourceNotFound")
            .check(&[Matches(
                "/error/message",
                "^The entity record-0123456789BFGJKPQVXYZbfg could not be found$",
            )])],
        ..CASE
    },
    Case {
        name: "protocol::ids::malformed_in_input",
        items: &["entity-ids#error.malformed-in-input"],
        summary: "record/new with `project: \"project-123\"` is InvalidInput",
        steps: &[post("/record/new", r#"{"project": "project-123"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "protocol::ids::outside_alphabet_is_unknown",
        items: &["entity-ids#rule.parse-shape"],
        summary: "record/new with a well-shaped project ID outside the alphabet (`AAAA…`) is ResourceNotFound, not InvalidInput",
        steps: &[post(
            "/record/new",
            r#"{"project": "project-AAAAAAAAAAAAAAAAAAAAAAAA"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
];
