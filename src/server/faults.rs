//! The fault catalogue: named ways a server can break the documentation, for the
//! self-check (`serve --fault NAME`; `cargo test` requires the suite to catch each one).
//!
//! A fault is a table entry plus either one arm in [`rewrite`] (for faults that only
//! change an answer), [`rewrite_request`] (for faults in how input is read) or
//! [`rewrite_headers`] (for the headers every answer carries), or a `faults.on("name")`
//! check at a hook point in route code (for faults that change behaviour). Either way,
//! a disabled fault costs a set lookup.

use std::collections::BTreeSet;

use axum::http::header::{
    ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{Map, Value, json};

use super::error::{ApiError, invalid_input};
use super::ids;

/// One way to break the documentation.
#[derive(Debug)]
pub struct Fault {
    pub name: &'static str,
    pub description: &'static str,
    /// The catalogue items (`page#kind.detail`) it breaks: at least one case covering one
    /// of them must fail when the fault is on.
    pub items: &'static [&'static str],
}

/// Every fault, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    // ---- protocol, authentication, IDs and headers ----
    Fault {
        name: "invalid-input-as-400",
        description: "InvalidInput is answered with status 400 instead of 422",
        items: &["protocols#status.422"],
    },
    Fault {
        name: "permission-denied-as-403",
        description: "PermissionDenied is answered with status 403 instead of the platform's 401",
        items: &["protocols#status.401", "close#error.PermissionDenied"],
    },
    Fault {
        name: "invalid-state-as-409",
        description: "InvalidState is answered with status 409 Conflict instead of 422",
        items: &[
            "protocols#status.422",
            "lifecycle#rule.closed-freezes-types",
            "lifecycle#rule.closed-freezes-details",
            "lifecycle#rule.closed-freezes-visibility",
        ],
    },
    Fault {
        name: "error-body-flat",
        description: "errors answer a flat `{\"type\", \"message\"}` instead of `{\"error\": {...}}`",
        items: &["protocols#error-body"],
    },
    Fault {
        name: "error-message-missing",
        description: "error bodies carry `type` but no `message`",
        items: &["protocols#error-body"],
    },
    Fault {
        name: "not-found-type-renamed",
        description: "ResourceNotFound is answered with error type `NotFound`",
        items: &["protocols#status.404", "entity-ids#error.unknown-in-url"],
    },
    Fault {
        name: "malformed-json-as-422",
        description: "an unparseable body or a wrong Content-Type answers 422 InvalidInput instead of 400 MalformedJSON",
        items: &[
            "protocols#error.MalformedJSON.syntax",
            "protocols#error.MalformedJSON.empty-body",
            "protocols#error.MalformedJSON.content-type",
            "close#error.MalformedJSON",
        ],
    },
    Fault {
        name: "malformed-json-accepted",
        description: "a body that is not JSON is read as `{}` instead of answering MalformedJSON",
        items: &[
            "protocols#error.MalformedJSON.syntax",
            "protocols#error.MalformedJSON.empty-body",
            "close#error.MalformedJSON",
        ],
    },
    Fault {
        name: "content-type-not-checked",
        description: "a JSON body sent with a non-JSON Content-Type (`text/plain`) is accepted",
        items: &["protocols#error.MalformedJSON.content-type"],
    },
    Fault {
        name: "non-object-body-accepted",
        description: "a body that is valid JSON but not an object is read as `{}` instead of InvalidInput",
        items: &["protocols#error.InvalidInput.not-object"],
    },
    Fault {
        name: "content-type-text-plain",
        description: "answers are sent as `Content-Type: text/plain`",
        items: &["protocols#header.content-type"],
    },
    Fault {
        name: "request-id-missing",
        description: "answers carry no `X-Request-ID`",
        items: &["protocols#header.request-id"],
    },
    Fault {
        name: "request-id-uuid",
        description: "`X-Request-ID` is a UUID instead of `<13-digit ms>-<counter>`",
        items: &["protocols#header.request-id"],
    },
    Fault {
        name: "request-id-constant",
        description: "every answer carries the same well-formed `X-Request-ID`",
        items: &["protocols#header.request-id-unique"],
    },
    Fault {
        name: "nosniff-missing",
        description: "answers carry no `X-Content-Type-Options: nosniff`",
        items: &["protocols#header.nosniff"],
    },
    Fault {
        name: "cors-origin-wildcard",
        description: "`Access-Control-Allow-Origin` is `*` instead of the request's `Origin`",
        items: &["protocols#cors.origin", "protocols#cors.origin-on-errors"],
    },
    Fault {
        name: "cors-origin-missing-on-errors",
        description: "error answers do not echo `Origin` in `Access-Control-Allow-Origin`",
        items: &["protocols#cors.origin-on-errors"],
    },
    Fault {
        name: "preflight-not-answered",
        description: "an OPTIONS preflight is refused with 405 like any other non-POST method",
        items: &["protocols#cors.preflight"],
    },
    Fault {
        name: "preflight-allow-methods-missing",
        description: "an accepted preflight has no `Access-Control-Allow-Methods`",
        items: &["protocols#cors.preflight-allow-methods"],
    },
    Fault {
        name: "get-accepted",
        description: "GET is handled like POST instead of answering 405 MethodNotAllowed",
        items: &["protocols#error.MethodNotAllowed"],
    },
    Fault {
        name: "unknown-route-500",
        description: "an unknown route, class or method answers 500 InternalError instead of 404",
        items: &["protocols#error.unknown-route"],
    },
    Fault {
        name: "unknown-input-key-rejected",
        description: "record/new and describe reject input keys they do not document (InvalidInput)",
        items: &["protocols#rule.unknown-keys-ignored"],
    },
    Fault {
        name: "query-merged-into-input",
        description: "URL query parameters are merged into the JSON input instead of being ignored",
        items: &["protocols#rule.query-ignored"],
    },
    Fault {
        name: "auth-not-enforced",
        description: "a call without `Authorization` runs as the first user instead of answering 401",
        items: &[
            "authentication#rule.token-required",
            "authentication#error.no-header",
        ],
    },
    Fault {
        name: "unknown-token-permission-denied",
        description: "an unknown or malformed token answers PermissionDenied instead of InvalidAuthentication",
        items: &[
            "authentication#error.bad-token",
            "authentication#error.malformed-header",
        ],
    },
    Fault {
        name: "greet-requires-token",
        description: "`/system/greet` without a token answers 401 instead of greeting",
        items: &["authentication#rule.greet-without-token"],
    },
    Fault {
        name: "ids-any-alphanumeric",
        description: "new IDs draw from all of [0-9A-Za-z] (vowels included), not the documented alphabet",
        items: &["entity-ids#rule.generated-form"],
    },
    Fault {
        name: "unknown-id-422",
        description: "a well-formed ID nothing has answers 422 InvalidInput instead of 404 ResourceNotFound",
        items: &[
            "entity-ids#error.unknown-in-url",
            "close#error.ResourceNotFound",
        ],
    },
    Fault {
        name: "timestamps-in-seconds",
        description: "describe gives `created` and `modified` in seconds, not milliseconds",
        items: &["api#type.timestamp"],
    },
    Fault {
        name: "path-not-percent-decoded",
        description: "the URL path is matched without percent-decoding (`/record-x/%64escribe` is unknown)",
        items: &["protocols#rule.percent-decoded-path"],
    },
    Fault {
        name: "api-version-header-rejected",
        description: "a request carrying `DNAnexus-API: 1.0.0` is refused as an unsupported version",
        items: &["protocols#rule.api-version-header"],
    },
    // ---- end of protocol faults ----
    //
    // ---- data object lifecycle and close ----
    Fault {
        name: "close-on-create-ignored",
        description: "record/new ignores `close: true`: the record starts open",
        items: &["lifecycle#rule.close-on-create"],
    },
    Fault {
        name: "close-does-not-close",
        description: "close answers success but leaves the object open",
        items: &["close#rule.closes", "close#rule.records-close-at-once"],
    },
    Fault {
        name: "close-detail-on-first-close",
        description: "closing an open object answers `detail` as if it had been closed already",
        items: &["close#output.detail.absent-when-open"],
    },
    Fault {
        name: "close-no-detail-when-closed",
        description: "closing a closed object answers `{\"id\"}` without the `detail` explanation",
        items: &["close#output.detail"],
    },
    Fault {
        name: "closed-accepts-add-types",
        description: "addTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types"],
    },
    Fault {
        name: "closed-accepts-set-details",
        description: "setDetails still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-details"],
    },
    Fault {
        name: "closed-accepts-set-visibility",
        description: "setVisibility still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-visibility"],
    },
    Fault {
        name: "closed-refuses-rename",
        description: "rename of a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-name"],
    },
    Fault {
        name: "closed-refuses-tags",
        description: "addTags and removeTags on a closed object answer InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-tags"],
    },
    Fault {
        name: "close-needs-only-view",
        description: "close checks VIEW instead of UPLOAD: a VIEW member can close",
        items: &["close#error.PermissionDenied"],
    },
    Fault {
        name: "close-needs-contribute",
        description: "close requires CONTRIBUTE: an UPLOAD member is refused",
        items: &["close#rule.upload-suffices"],
    },
    Fault {
        name: "close-missing-422",
        description: "close of an object that does not exist answers 422 InvalidInput instead of 404",
        items: &["close#error.ResourceNotFound"],
    },
    Fault {
        name: "describe-state-closing",
        description: "a closed record describes with state `closing` instead of `closed`",
        items: &["close#rule.records-close-at-once"],
    },
    Fault {
        name: "closed-accepts-remove-types",
        description: "removeTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types.remove"],
    },
    Fault {
        name: "closed-refuses-properties",
        description: "setProperties on a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-properties"],
    },
    Fault {
        name: "close-hides-from-strangers",
        description: "close by a user with no access to the project answers ResourceNotFound instead of PermissionDenied",
        items: &["close#error.PermissionDenied.no-access"],
    },
    Fault {
        name: "close-again-touches-modified",
        description: "closing a closed object again bumps its `modified` time",
        items: &["close#rule.idempotent"],
    },
    Fault {
        name: "close-resets-visibility",
        description: "close clears the object's `hidden` flag",
        items: &["close#rule.keeps-metadata"],
    },
    Fault {
        name: "close-not-idempotent",
        description: "closing a closed object answers InvalidState instead of success with `detail`",
        items: &["close#rule.idempotent"],
    },
    // ---- end of lifecycle faults ----
    //
    // ---- records: /record/new and /record-xxxx/describe ----
    Fault {
        name: "describe-drops-links",
        description: "record describe leaves out `links`",
        items: &["record/describe#output.links"],
    },
    Fault {
        name: "nonce-ignored",
        description: "record/new ignores `nonce`: a retry creates a second record",
        items: &["record/new#input.nonce"],
    },
    Fault {
        name: "describe-drops-sponsored",
        description: "record describe leaves out `sponsored`",
        items: &["record/describe#output.sponsored"],
    },
    Fault {
        name: "describe-drops-folder",
        description: "record describe leaves out `folder`",
        items: &["record/describe#output.folder"],
    },
    Fault {
        name: "describe-created-by-snake-case",
        description: "record describe names `createdBy` as `created_by`",
        items: &["record/describe#output.createdBy"],
    },
    Fault {
        name: "describe-created-by-handle",
        description: "record describe's `createdBy.user` is the bare handle, without `user-`",
        items: &["record/describe#output.createdBy"],
    },
    Fault {
        name: "describe-hidden-as-string",
        description: "record describe gives `hidden` as the string \"true\"/\"false\"",
        items: &["record/describe#output.hidden"],
    },
    Fault {
        name: "describe-created-in-seconds",
        description: "record describe gives `created` as float seconds, not integer ms",
        items: &["record/describe#output.created"],
    },
    Fault {
        name: "describe-modified-is-created",
        description: "record describe answers `modified` equal to `created`: changes to the metadata never move it",
        items: &["record/describe#rule.modified-moves"],
    },
    Fault {
        name: "describe-links-always-empty",
        description: "record describe's `links` is always `[]`: links in details are not derived",
        items: &["record/describe#output.links"],
    },
    Fault {
        name: "describe-links-not-deduplicated",
        description: "record describe lists a link target once per link, not once",
        items: &["record/describe#rule.links-dedup"],
    },
    Fault {
        name: "describe-properties-by-default",
        description: "record describe returns `properties` without being asked",
        items: &["record/describe#output.properties"],
    },
    Fault {
        name: "describe-details-by-default",
        description: "record describe returns `details` without being asked",
        items: &["record/describe#output.details"],
    },
    Fault {
        name: "describe-fields-ignored",
        description: "record describe ignores `fields`: always the defaults plus the deprecated flags",
        items: &["record/describe#input.fields"],
    },
    Fault {
        name: "describe-deprecated-flags-win",
        description: "record describe honours the deprecated `properties`/`details` flags even with `fields`",
        items: &["record/describe#input.deprecated-ignored"],
    },
    Fault {
        name: "describe-default-fields-ignored",
        description: "record describe ignores `defaultFields` (as if never sent)",
        items: &["record/describe#input.defaultFields"],
    },
    Fault {
        name: "describe-without-view",
        description: "record describe skips the VIEW check: anyone can describe any record",
        items: &["record/describe#error.PermissionDenied.no-view"],
    },
    Fault {
        name: "describe-hint-no-fallback",
        description: "record describe with a hinted project not holding the record is ResourceNotFound, no fallback",
        items: &["record/describe#rule.hint-fallback"],
    },
    Fault {
        name: "new-name-default-empty",
        description: "record/new without `name` names the record \"\" instead of its ID",
        items: &["record/new#input.name.default"],
    },
    Fault {
        name: "new-folder-default-empty",
        description: "record/new without `folder` files the record under \"\" instead of \"/\"",
        items: &["record/new#input.folder.default"],
    },
    Fault {
        name: "new-hidden-default-true",
        description: "record/new without `hidden` makes a hidden record",
        items: &["record/new#input.hidden.default"],
    },
    Fault {
        name: "new-details-default-null",
        description: "record/new without `details` stores `null` instead of `{}`",
        items: &["record/new#input.details.default"],
    },
    Fault {
        name: "nonce-reuse-answers-first",
        description: "record/new with a reused nonce but a different input answers the first answer instead of InvalidInput",
        items: &["record/new#error.InvalidInput.nonce-reused"],
    },
    Fault {
        name: "nonce-limit-off-by-one",
        description: "record/new accepts a 129-byte nonce",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
    },
    Fault {
        name: "nonce-counted-in-chars",
        description: "record/new limits the nonce to 128 characters instead of 128 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
    },
    Fault {
        name: "property-key-limit-off-by-one",
        description: "record/new accepts a 101-byte property key",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
    },
    Fault {
        name: "property-key-counted-in-chars",
        description: "record/new limits property keys to 100 characters instead of 100 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
    },
    Fault {
        name: "property-value-limit-off-by-one",
        description: "record/new accepts a 701-byte property value",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
    },
    Fault {
        name: "property-value-counted-in-chars",
        description: "record/new limits property values to 700 characters instead of 700 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
    },
    Fault {
        name: "link-extra-key-accepted",
        description: "record/new accepts a hash with `$dnanexus_link` beside other keys",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
    },
    Fault {
        name: "link-value-any-type-accepted",
        description: "record/new accepts any `$dnanexus_link` value (number, null, array, an object without `id`)",
        items: &[
            "record/new#error.InvalidInput.link-not-string",
            "record/new#rule.link-object-form",
        ],
    },
    Fault {
        name: "initialize-from-ignored",
        description: "record/new validates `initializeFrom` but copies nothing from the source",
        items: &["record/new#input.initializeFrom"],
    },
    Fault {
        name: "initialize-from-overrides-given",
        description: "record/new with `initializeFrom` keeps the source's values over the fields given",
        items: &["record/new#input.initializeFrom.override"],
    },
    Fault {
        name: "new-project-wrong-class-not-found",
        description: "record/new with a non-project ID as `project` answers ResourceNotFound instead of InvalidType",
        items: &["record/new#error.InvalidType.project"],
    },
    Fault {
        name: "new-upload-not-enforced",
        description: "record/new needs only VIEW on `project`, not UPLOAD",
        items: &["record/new#error.PermissionDenied.upload"],
    },
    Fault {
        name: "new-folder-created-without-parents",
        description: "record/new creates a missing `folder` even without `parents: true`",
        items: &[
            "record/new#error.ResourceNotFound.folder",
            "record/new#input.parents.default",
        ],
    },
    Fault {
        name: "new-spending-limit-ignored",
        description: "record/new creates records in a project whose org is at its spending limit",
        items: &["record/new#error.SpendingLimitExceeded"],
    },
    Fault {
        name: "new-org-expired-ignored",
        description: "record/new creates records in a project billed to an expired org",
        items: &["record/new#error.OrgExpired"],
    },
    // ---- end of records faults ----
    //
    // ---- search ----
    Fault {
        name: "search-ignores-state",
        description: "findDataObjects ignores `state`: `closed` also finds open records",
        items: &["system/findDataObjects#input.state"],
    },
    Fault {
        name: "search-visibility-default-either",
        description: "findDataObjects without `visibility` also finds hidden objects",
        items: &["system/findDataObjects#input.visibility.default"],
    },
    Fault {
        name: "search-glob-as-exact",
        description: "findDataObjects treats `name.glob` as an exact name: `ba*` finds only `ba*`",
        items: &["system/findDataObjects#input.name.glob"],
    },
    Fault {
        name: "search-ignores-tags",
        description: "findDataObjects ignores the `tags` filter",
        items: &["system/findDataObjects#input.tags"],
    },
    Fault {
        name: "search-ignores-recurse-false",
        description: "findDataObjects searches subfolders even with `scope.recurse: false`",
        items: &["system/findDataObjects#input.scope.recurse"],
    },
    Fault {
        name: "search-oldest-first",
        description: "findDataObjects lists a project's results oldest modification first",
        items: &["system/findDataObjects#rule.order"],
    },
    Fault {
        name: "search-ignores-starting",
        description: "findDataObjects ignores `starting`: every page is the first page again",
        items: &["system/findDataObjects#input.starting"],
    },
    Fault {
        name: "search-next-never-null",
        description: "findDataObjects never ends paging: the last page's `next` points back at its first result",
        items: &[
            "system/findDataObjects#output.next",
            "system/findDataObjects#input.starting",
        ],
    },
    Fault {
        name: "search-drops-next-when-done",
        description: "findDataObjects leaves `next` out of the last page instead of sending `null`",
        items: &["system/findDataObjects#output.keys-required"],
    },
    Fault {
        name: "search-leaks-unviewable",
        description: "findDataObjects finds objects in projects the caller cannot view",
        items: &["system/findDataObjects#rule.view-access"],
    },
    Fault {
        name: "search-ignores-describe",
        description: "findDataObjects leaves `describe` out of the results when it is requested",
        items: &["system/findDataObjects#output.describe"],
    },
    // ---- end of search faults ----
];

/// The faults switched on for one server.
#[derive(Debug, Clone, Default)]
pub struct Faults(BTreeSet<&'static str>);

impl Faults {
    /// The set for these names; an unknown name is an error naming it.
    pub fn new(names: &[String]) -> Result<Faults, String> {
        let mut set = BTreeSet::new();
        for name in names {
            let fault = FAULTS
                .iter()
                .find(|f| f.name == name)
                .ok_or_else(|| format!("unknown fault {name:?} (see `dxconform faults`)"))?;
            set.insert(fault.name);
        }
        Ok(Faults(set))
    }

    /// Whether the fault `name` is on. `name` must be in [`FAULTS`].
    pub fn on(&self, name: &str) -> bool {
        debug_assert!(
            FAULTS.iter().any(|f| f.name == name),
            "fault {name} is not in FAULTS"
        );
        self.0.contains(name)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Rewrite an answer for the faults that only change what is sent back. `class` is the
/// subject's class (`record` for both `/record/new` and `/record-xxxx/describe`,
/// `system`, `project`...), `method` the route's method.
pub fn rewrite(
    faults: &Faults,
    class: &str,
    method: &str,
    status: &mut StatusCode,
    body: &mut Value,
) {
    if faults.is_empty() {
        return;
    }
    // protocol and lifecycle faults
    rewrite_protocol_and_lifecycle(faults, class, method, status, body);
    // search faults
    if class == "system"
        && method == "findDataObjects"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        let done = m.get("next").is_some_and(Value::is_null);
        if faults.on("search-next-never-null")
            && done
            && let Some(first) = m.get("results").and_then(|r| r.get(0))
        {
            let again = json!({"project": first["project"], "id": first["id"]});
            m.insert("next".into(), again);
        }
        if faults.on("search-drops-next-when-done") && done {
            m.remove("next");
        }
        if faults.on("search-ignores-describe")
            && let Some(Value::Array(results)) = m.get_mut("results")
        {
            for r in results.iter_mut().filter_map(Value::as_object_mut) {
                r.remove("describe");
            }
        }
    }
    if faults.on("describe-drops-links")
        && class == "record"
        && method == "describe"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        m.remove("links");
    }
    if faults.on("close-not-idempotent")
        && method == "close"
        && status.is_success()
        && body.get("detail").is_some()
    {
        *status = StatusCode::UNPROCESSABLE_ENTITY;
        *body =
            json!({"error": {"type": "InvalidState", "message": "The object is already closed"}});
    }
    // records faults
    if class == "record"
        && method == "describe"
        && status.is_success()
        && let Some(m) = body.as_object_mut()
    {
        rewrite_record_describe(faults, m);
    }
}

/// The records faults that only change a successful record describe answer: each acts on
/// a field only when the answer holds it, so a `fields` selection stays as asked.
fn rewrite_record_describe(faults: &Faults, m: &mut Map<String, Value>) {
    if faults.on("describe-drops-sponsored") {
        m.remove("sponsored");
    }
    if faults.on("describe-drops-folder") {
        m.remove("folder");
    }
    if faults.on("describe-created-by-handle")
        && let Some(Value::String(user)) = m.get_mut("createdBy").and_then(|c| c.get_mut("user"))
        && let Some(handle) = user.strip_prefix("user-")
    {
        *user = handle.to_string();
    }
    if faults.on("describe-created-by-snake-case")
        && let Some(created_by) = m.remove("createdBy")
    {
        m.insert("created_by".into(), created_by);
    }
    if faults.on("describe-hidden-as-string")
        && let Some(hidden) = m.get_mut("hidden")
        && let Some(b) = hidden.as_bool()
    {
        *hidden = json!(b.to_string());
    }
    if faults.on("describe-created-in-seconds")
        && let Some(created) = m.get_mut("created")
        && let Some(ms) = created.as_i64()
    {
        *created = json!(ms as f64 / 1000.0);
    }
    if faults.on("describe-modified-is-created")
        && let Some(created) = m.get("created").cloned()
        && let Some(modified) = m.get_mut("modified")
    {
        *modified = created;
    }
    if faults.on("describe-links-always-empty")
        && let Some(links) = m.get_mut("links")
    {
        *links = json!([]);
    }
}

/// The `rewrite` arms of the protocol, authentication, ID and lifecycle faults. Answer
/// contents first, then error types, then the error status, then the error body's shape,
/// so that each fault sees the documented answer it breaks.
fn rewrite_protocol_and_lifecycle(
    faults: &Faults,
    class: &str,
    method: &str,
    status: &mut StatusCode,
    body: &mut Value,
) {
    let describe = method == "describe" && ids::DATA_CLASSES.contains(&class);
    if status.is_success() {
        if let Some(m) = body.as_object_mut() {
            if method == "close" {
                if faults.on("close-detail-on-first-close") && !m.contains_key("detail") {
                    m.insert("detail".into(), json!("The object is closed"));
                } else if faults.on("close-no-detail-when-closed") {
                    m.remove("detail");
                }
            }
            if describe
                && faults.on("describe-state-closing")
                && m.get("state") == Some(&json!("closed"))
            {
                m.insert("state".into(), json!("closing"));
            }
            if describe && faults.on("timestamps-in-seconds") {
                for key in ["created", "modified"] {
                    if let Some(ms) = m.get(key).and_then(Value::as_i64) {
                        m.insert(key.into(), json!(ms / 1000));
                    }
                }
            }
        }
        return;
    }
    let Some(kind) = body.pointer("/error/type").and_then(Value::as_str) else {
        return;
    };
    let message = body
        .pointer("/error/message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let retype = match kind {
        "ResourceNotFound" if method == "close" && faults.on("close-missing-422") => {
            Some((StatusCode::UNPROCESSABLE_ENTITY, "InvalidInput"))
        }
        "ResourceNotFound" if faults.on("unknown-id-422") && names_an_id(&message) => {
            Some((StatusCode::UNPROCESSABLE_ENTITY, "InvalidInput"))
        }
        "ResourceNotFound" if faults.on("not-found-type-renamed") => {
            Some((StatusCode::NOT_FOUND, "NotFound"))
        }
        "InvalidAuthentication" if faults.on("unknown-token-permission-denied") => {
            Some((StatusCode::UNAUTHORIZED, "PermissionDenied"))
        }
        "MalformedJSON" if faults.on("malformed-json-as-422") => {
            Some((StatusCode::UNPROCESSABLE_ENTITY, "InvalidInput"))
        }
        _ => None,
    };
    if let Some((code, kind)) = retype {
        *status = code;
        *body = json!({"error": {"type": kind, "message": message}});
    }
    match body.pointer("/error/type").and_then(Value::as_str) {
        Some("InvalidInput") if faults.on("invalid-input-as-400") => {
            *status = StatusCode::BAD_REQUEST;
        }
        Some("PermissionDenied") if faults.on("permission-denied-as-403") => {
            *status = StatusCode::FORBIDDEN;
        }
        Some("InvalidState") if faults.on("invalid-state-as-409") => {
            *status = StatusCode::CONFLICT;
        }
        _ => {}
    }
    if faults.on("error-message-missing")
        && let Some(e) = body.get_mut("error").and_then(Value::as_object_mut)
    {
        e.remove("message");
    }
    if faults.on("error-body-flat")
        && let Some(e) = body.get_mut("error").map(Value::take)
    {
        *body = e;
    }
}

/// Whether a ResourceNotFound message is about a well-formed entity ID
/// (`The entity <id> could not be found`), as opposed to a route or a malformed subject.
fn names_an_id(message: &str) -> bool {
    message
        .strip_prefix("The entity ")
        .and_then(|m| m.strip_suffix(" could not be found"))
        .is_some_and(|id| ids::class_of(id).is_some())
}

/// The faults that change how a request is read, applied after the body is parsed and
/// before the route runs: `body` may be changed, or the request refused. `query` is the
/// URL's query string, if any.
pub fn rewrite_request(
    faults: &Faults,
    class: &str,
    method: &str,
    query: Option<&str>,
    body: &mut Value,
) -> Result<(), ApiError> {
    if faults.is_empty() {
        return Ok(());
    }
    let new_record = class == "record" && method == "new";
    let describe = method == "describe" && ids::DATA_CLASSES.contains(&class);
    if faults.on("unknown-input-key-rejected")
        && (new_record || describe)
        && let Some(m) = body.as_object()
    {
        let documented: &[&str] = if new_record {
            &[
                "project",
                "name",
                "tags",
                "types",
                "hidden",
                "properties",
                "details",
                "folder",
                "parents",
                "close",
                "initializeFrom",
                "nonce",
            ]
        } else {
            &[
                "project",
                "fields",
                "defaultFields",
                "properties",
                "details",
            ]
        };
        if let Some(key) = m.keys().find(|k| !documented.contains(&k.as_str())) {
            return Err(invalid_input(format!(
                "Unexpected key {key:?} in the input"
            )));
        }
    }
    if faults.on("query-merged-into-input")
        && let (Some(query), Some(m)) = (query, body.as_object_mut())
    {
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            // A value that parses as JSON (`true`, `5`) is taken as such, as lenient
            // frameworks do; anything else is a string.
            let v = serde_json::from_str(v).unwrap_or_else(|_| json!(v));
            m.insert(k.to_string(), v);
        }
    }
    if faults.on("close-on-create-ignored")
        && new_record
        && let Some(m) = body.as_object_mut()
    {
        m.remove("close");
    }
    Ok(())
}

/// The faults that change the headers every answer carries, applied once, last, by the
/// protocol layer.
pub fn rewrite_headers(faults: &Faults, status: StatusCode, headers: &mut HeaderMap) {
    if faults.is_empty() {
        return;
    }
    if faults.on("content-type-text-plain") {
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
    }
    if faults.on("request-id-missing") {
        headers.remove("x-request-id");
    }
    if faults.on("request-id-constant") {
        headers.insert("x-request-id", HeaderValue::from_static("1700000000000-1"));
    }
    if faults.on("request-id-uuid") {
        let n = fastrand::u128(..);
        let uuid = format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            n >> 96,
            (n >> 80) & 0xffff,
            (n >> 64) & 0xffff,
            (n >> 48) & 0xffff,
            n & 0xffff_ffff_ffff
        );
        if let Ok(v) = HeaderValue::from_str(&uuid) {
            headers.insert("x-request-id", v);
        }
    }
    if faults.on("nosniff-missing") {
        headers.remove(X_CONTENT_TYPE_OPTIONS);
    }
    if faults.on("cors-origin-wildcard") && headers.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN) {
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    if faults.on("cors-origin-missing-on-errors") && !status.is_success() {
        headers.remove(ACCESS_CONTROL_ALLOW_ORIGIN);
    }
    if faults.on("preflight-allow-methods-missing") {
        headers.remove(ACCESS_CONTROL_ALLOW_METHODS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_documented() {
        let mut names = BTreeSet::new();
        for f in FAULTS {
            assert!(names.insert(f.name), "duplicate fault {}", f.name);
            assert!(
                !f.description.is_empty() && !f.items.is_empty(),
                "{}",
                f.name
            );
            assert!(f.items.iter().all(|i| i.contains('#')), "{}", f.name);
        }
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(
            Faults::new(&["nonce-ignored".into()])
                .unwrap()
                .on("nonce-ignored")
        );
        let e = Faults::new(&["no-such-fault".into()]).unwrap_err();
        assert!(e.contains("no-such-fault"));
    }

    #[test]
    fn rewrite_drops_links_only_when_on() {
        let mut body = json!({"id": "record-x", "links": []});
        let mut status = StatusCode::OK;
        rewrite(
            &Faults::default(),
            "record",
            "describe",
            &mut status,
            &mut body,
        );
        assert!(body.get("links").is_some());
        let f = Faults::new(&["describe-drops-links".into()]).unwrap();
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert!(body.get("links").is_none());
    }

    fn on(names: &[&str]) -> Faults {
        Faults::new(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn records_describe_rewrites_change_only_present_fields() {
        let f = on(&[
            "describe-created-by-handle",
            "describe-created-by-snake-case",
            "describe-hidden-as-string",
            "describe-created-in-seconds",
            "describe-links-always-empty",
            "describe-drops-sponsored",
            "describe-drops-folder",
        ]);
        let mut status = StatusCode::OK;
        let mut body = json!({
            "id": "record-x", "hidden": true, "created": 1_700_000_000_123_i64,
            "links": ["record-y"], "sponsored": false, "folder": "/",
            "createdBy": {"user": "user-alice"},
        });
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert_eq!(
            body,
            json!({
                "id": "record-x", "hidden": "true", "created": 1_700_000_000.123,
                "links": [], "created_by": {"user": "alice"},
            })
        );
        // A selection without those fields is left as asked.
        let mut only_id = json!({"id": "record-x"});
        rewrite(&f, "record", "describe", &mut status, &mut only_id);
        assert_eq!(only_id, json!({"id": "record-x"}));
    }

    #[test]
    fn records_describe_rewrites_spare_errors_and_other_routes() {
        let f = on(&["describe-hidden-as-string", "describe-drops-folder"]);
        let answer = json!({"id": "project-x", "hidden": false, "folder": "/"});
        for (class, method, status) in [
            ("project", "describe", StatusCode::OK),
            ("record", "new", StatusCode::OK),
            ("record", "describe", StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let (mut status, mut body) = (status, answer.clone());
            rewrite(&f, class, method, &mut status, &mut body);
            assert_eq!(body, answer, "{class}/{method}");
        }
    }

    #[test]
    fn relaxed_measures_and_link_rules_accept_what_the_faults_let_through() {
        use crate::server::input::{Input, LinkRules, Measure, details_with};
        let body = |v: Value| v.as_object().unwrap().clone();
        let key = body(json!({"p": {format!("{}é", "a".repeat(99)): "v"}}));
        let props = |m: Measure| {
            Input(&key)
                .opt_properties_measured("p", m, Measure::BYTES)
                .is_ok()
        };
        assert!(!props(Measure::BYTES), "101 bytes");
        assert!(props(Measure {
            slack: 1,
            chars: false
        }));
        assert!(props(Measure {
            slack: 0,
            chars: true
        }));
        let nonce = body(json!({"n": "a".repeat(129)}));
        let chars = Measure {
            slack: 0,
            chars: true,
        };
        assert!(Input(&nonce).opt_nonce_measured("n", chars).is_err());
        let extra = json!({"$dnanexus_link": "record-000000000000000000000000", "x": 1});
        let number = json!([{"$dnanexus_link": 5}]);
        assert!(details_with(&extra, LinkRules::STRICT).is_err());
        assert!(details_with(&number, LinkRules::STRICT).is_err());
        let lax = |sole_key, id_value| LinkRules { sole_key, id_value };
        assert!(details_with(&extra, lax(false, true)).is_ok());
        assert!(details_with(&number, lax(false, true)).is_err());
        assert!(details_with(&number, lax(true, false)).is_ok());
    }

    #[test]
    fn links_keep_repeats_only_when_asked() {
        use crate::server::store::{collect_links, links};
        let r = "record-000000000000000000000000";
        let d = json!([{"$dnanexus_link": r}, {"$dnanexus_link": r}]);
        assert_eq!(links(&d), vec![r]);
        assert_eq!(collect_links(&d, false), vec![r, r]);
    }

    #[test]
    fn rewrite_turns_second_close_into_invalid_state() {
        let f = Faults::new(&["close-not-idempotent".into()]).unwrap();
        let mut status = StatusCode::OK;
        let mut first = json!({"id": "record-x"});
        rewrite(&f, "record", "close", &mut status, &mut first);
        assert_eq!(status, StatusCode::OK);
        let mut again = json!({"id": "record-x", "detail": "already closed"});
        rewrite(&f, "record", "close", &mut status, &mut again);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(again["error"]["type"], "InvalidState");
    }

    fn not_found_body(entity: &str) -> Value {
        json!({"error": {"type": "ResourceNotFound",
                         "message": format!("The entity {entity} could not be found")}})
    }

    #[test]
    fn unknown_id_422_spares_routes_and_malformed_subjects() {
        let f = on(&["unknown-id-422"]);
        for (entity, retyped) in [
            ("record-0123456789BFGJKPQVXYZbfg", true),
            ("None", false),
            ("system/noSuchMethod", false),
        ] {
            let mut status = StatusCode::NOT_FOUND;
            let mut body = not_found_body(entity);
            rewrite(&f, "record", "describe", &mut status, &mut body);
            assert_eq!(
                status == StatusCode::UNPROCESSABLE_ENTITY,
                retyped,
                "{entity}"
            );
            let kind = if retyped {
                "InvalidInput"
            } else {
                "ResourceNotFound"
            };
            assert_eq!(body["error"]["type"], kind, "{entity}");
            assert!(body["error"]["message"].as_str().unwrap().contains(entity));
        }
    }

    #[test]
    fn error_shape_faults_apply_after_retyping() {
        let f = on(&[
            "malformed-json-as-422",
            "invalid-input-as-400",
            "error-body-flat",
        ]);
        let mut status = StatusCode::BAD_REQUEST;
        let mut body = json!({"error": {"type": "MalformedJSON", "message": "bad"}});
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body, json!({"type": "InvalidInput", "message": "bad"}));

        let f = on(&[
            "unknown-token-permission-denied",
            "permission-denied-as-403",
        ]);
        let mut status = StatusCode::UNAUTHORIZED;
        let mut body = json!({"error": {"type": "InvalidAuthentication", "message": "bad"}});
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["error"]["type"], "PermissionDenied");

        let f = on(&["error-message-missing"]);
        let mut body = json!({"error": {"type": "InvalidState", "message": "closed"}});
        rewrite(&f, "record", "close", &mut status, &mut body);
        assert_eq!(body, json!({"error": {"type": "InvalidState"}}));
    }

    #[test]
    fn close_detail_faults() {
        let mut status = StatusCode::OK;
        let mut first = json!({"id": "record-x"});
        rewrite(
            &on(&["close-detail-on-first-close"]),
            "record",
            "close",
            &mut status,
            &mut first,
        );
        assert!(first["detail"].is_string());
        let mut again = json!({"id": "record-x", "detail": "already closed"});
        rewrite(
            &on(&["close-no-detail-when-closed"]),
            "record",
            "close",
            &mut status,
            &mut again,
        );
        assert_eq!(again, json!({"id": "record-x"}));
    }

    #[test]
    fn describe_answer_faults() {
        let f = on(&["describe-state-closing", "timestamps-in-seconds"]);
        let mut status = StatusCode::OK;
        let mut body = json!({"state": "closed", "created": 1_700_000_000_123_i64, "modified": 1_700_000_001_999_i64});
        rewrite(&f, "record", "describe", &mut status, &mut body);
        assert_eq!(
            body,
            json!({"state": "closing", "created": 1_700_000_000, "modified": 1_700_000_001})
        );
        let mut open = json!({"state": "open"});
        rewrite(&f, "record", "describe", &mut status, &mut open);
        assert_eq!(open["state"], "open");
    }

    #[test]
    fn request_rewrites() {
        let none = Faults::default();
        let mut body = json!({"project": "p", "close": true, "dxapi": "1.0.0"});
        assert!(rewrite_request(&none, "record", "new", Some("name=q"), &mut body).is_ok());
        assert_eq!(
            body,
            json!({"project": "p", "close": true, "dxapi": "1.0.0"})
        );

        let strict = on(&["unknown-input-key-rejected"]);
        let e = rewrite_request(&strict, "record", "new", None, &mut body).unwrap_err();
        assert!(e.message.contains("dxapi"));
        let mut ok = json!({"project": "p", "close": true});
        assert!(rewrite_request(&strict, "record", "new", None, &mut ok).is_ok());
        let mut other = json!({"anything": 1});
        assert!(rewrite_request(&strict, "project", "describe", None, &mut other).is_ok());

        let merged = on(&["query-merged-into-input", "close-on-create-ignored"]);
        let mut body = json!({"project": "p", "close": true});
        let query = Some("name=fromquery&hidden=true&limit=5&flag&");
        rewrite_request(&merged, "record", "new", query, &mut body).unwrap();
        assert_eq!(
            body,
            json!({"project": "p", "name": "fromquery", "hidden": true, "limit": 5, "flag": ""})
        );
    }

    #[test]
    fn header_rewrites() {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert("x-request-id", HeaderValue::from_static("1700000000000-1"));
        h.insert(
            ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("https://a.example"),
        );
        let mut wild = h.clone();
        rewrite_headers(&on(&["cors-origin-wildcard"]), StatusCode::OK, &mut wild);
        assert_eq!(wild[ACCESS_CONTROL_ALLOW_ORIGIN], "*");

        let f = on(&[
            "cors-origin-missing-on-errors",
            "request-id-uuid",
            "content-type-text-plain",
        ]);
        let mut ok = h.clone();
        rewrite_headers(&f, StatusCode::OK, &mut ok);
        assert!(ok.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN));
        assert!(ok[CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));
        let id = ok["x-request-id"].to_str().unwrap();
        assert!(
            regex::Regex::new("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")
                .unwrap()
                .is_match(id),
            "{id}"
        );
        let mut err = h.clone();
        rewrite_headers(&f, StatusCode::NOT_FOUND, &mut err);
        assert!(!err.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    #[test]
    fn fault_alphabet_is_scoped_to_one_call() {
        let digits: &'static [u8] = b"0";
        let id = ids::with_alphabet(Some(digits), || ids::generate("record"));
        assert_eq!(id, format!("record-{}", "0".repeat(24)));
        let after = ids::generate("record");
        assert!(after[7..].bytes().all(|b| ids::ALPHABET.contains(&b)));
        let caught = std::panic::catch_unwind(|| ids::with_alphabet(Some(digits), || panic!("x")));
        assert!(caught.is_err());
        // The panic unwound through the guard: the documented alphabet is back.
        let restored = ids::generate("file");
        assert!(restored[5..].bytes().all(|b| ids::ALPHABET.contains(&b)));
    }
}
