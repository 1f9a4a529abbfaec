//! The fault catalogue: named ways a server can break the documentation, for the
//! self-check (`serve --fault NAME`; `cargo test` requires the suite to catch each one).
//!
//! A fault is one table entry: its name, what it does, the catalogue items it breaks, and
//! its [`Edit`], written beside it: a change to the [`Rules`](super::rules::Rules) the
//! routes read (a limit, a level, a status, a default), or a rewrite of the request, the
//! answer or its headers. Route code never names a fault, so adding one is a change to
//! this file alone.

use axum::http::header::{
    ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

use super::edit::{Answer, Edit};
use super::error::{ApiError, ErrorType, invalid_input, not_found};
use super::ids;
use super::rules::Unit;
use super::store::Level;

/// One way to break the documentation.
#[derive(Debug)]
pub struct Fault {
    pub name: &'static str,
    pub description: &'static str,
    /// The catalogue items (`page#kind.detail`) it breaks: at least one case covering one
    /// of them must fail when the fault is on.
    pub items: &'static [&'static str],
    /// What it does to the server.
    pub edit: Edit,
}

/// The fault named `name`.
pub fn find(name: &str) -> Option<&'static Fault> {
    FAULTS.iter().find(|f| f.name == name)
}

/// Every fault, in the order `dxconform faults` lists them (and their edits apply).
pub static FAULTS: &[Fault] = &[
    // ---- protocol, authentication, IDs and headers ----
    Fault {
        name: "invalid-input-as-400",
        description: "InvalidInput is answered with status 400 instead of 422",
        items: &["protocols#status.422"],
        edit: Edit::rules(|r| r.status.invalid_input = StatusCode::BAD_REQUEST),
    },
    Fault {
        name: "permission-denied-as-403",
        description: "PermissionDenied is answered with status 403 instead of the platform's 401",
        items: &["protocols#status.401", "close#error.PermissionDenied"],
        edit: Edit::rules(|r| r.status.permission_denied = StatusCode::FORBIDDEN),
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
        edit: Edit::rules(|r| r.status.invalid_state = StatusCode::CONFLICT),
    },
    Fault {
        name: "error-body-flat",
        description: "errors answer a flat `{\"type\", \"message\"}` instead of `{\"error\": {...}}`",
        items: &["protocols#error-body"],
        edit: Edit::answer(|_, _, a| {
            if a.error_type().is_some()
                && let Some(e) = a.body.get_mut("error").map(Value::take)
            {
                a.body = e;
            }
        }),
    },
    Fault {
        name: "error-message-missing",
        description: "error bodies carry `type` but no `message`",
        items: &["protocols#error-body"],
        edit: Edit::answer(|_, _, a| {
            if let Some(e) = a.error_mut() {
                e.remove("message");
            }
        }),
    },
    Fault {
        name: "not-found-type-renamed",
        description: "ResourceNotFound is answered with error type `NotFound`",
        items: &["protocols#status.404", "entity-ids#error.unknown-in-url"],
        edit: Edit::answer(|_, _, a| {
            if a.error_type() == Some("ResourceNotFound") {
                a.retype("NotFound", StatusCode::NOT_FOUND);
            }
        }),
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
        edit: Edit::answer(|seen, _, a| {
            if a.error_type() == Some("MalformedJSON") {
                a.retype("InvalidInput", seen.rules.status.invalid_input);
            }
        }),
    },
    Fault {
        name: "malformed-json-accepted",
        description: "a body that is not JSON is read as `{}` instead of answering MalformedJSON",
        items: &[
            "protocols#error.MalformedJSON.syntax",
            "protocols#error.MalformedJSON.empty-body",
            "close#error.MalformedJSON",
        ],
        edit: Edit::rules(|r| r.protocol.json_body_required = false),
    },
    Fault {
        name: "content-type-not-checked",
        description: "a JSON body sent with a non-JSON Content-Type (`text/plain`) is accepted",
        items: &["protocols#error.MalformedJSON.content-type"],
        edit: Edit::rules(|r| r.protocol.check_content_type = false),
    },
    Fault {
        name: "non-object-body-accepted",
        description: "a body that is valid JSON but not an object is read as `{}` instead of InvalidInput",
        items: &["protocols#error.InvalidInput.not-object"],
        edit: Edit::rules(|r| r.protocol.object_body_required = false),
    },
    Fault {
        name: "content-type-text-plain",
        description: "answers are sent as `Content-Type: text/plain`",
        items: &["protocols#header.content-type"],
        edit: Edit::headers(|_, _, h| {
            h.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
        }),
    },
    Fault {
        name: "request-id-missing",
        description: "answers carry no `X-Request-ID`",
        items: &["protocols#header.request-id"],
        edit: Edit::headers(|_, _, h| {
            h.remove("x-request-id");
        }),
    },
    Fault {
        name: "request-id-uuid",
        description: "`X-Request-ID` is a UUID instead of `<13-digit ms>-<counter>`",
        items: &["protocols#header.request-id"],
        edit: Edit::headers(|_, _, h| {
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
                h.insert("x-request-id", v);
            }
        }),
    },
    Fault {
        name: "request-id-constant",
        description: "every answer carries the same well-formed `X-Request-ID`",
        items: &["protocols#header.request-id-unique"],
        edit: Edit::headers(|_, _, h| {
            h.insert("x-request-id", HeaderValue::from_static("1700000000000-1"));
        }),
    },
    Fault {
        name: "nosniff-missing",
        description: "answers carry no `X-Content-Type-Options: nosniff`",
        items: &["protocols#header.nosniff"],
        edit: Edit::headers(|_, _, h| {
            h.remove(X_CONTENT_TYPE_OPTIONS);
        }),
    },
    Fault {
        name: "cors-origin-wildcard",
        description: "`Access-Control-Allow-Origin` is `*` instead of the request's `Origin`",
        items: &["protocols#cors.origin", "protocols#cors.origin-on-errors"],
        edit: Edit::headers(|_, _, h| {
            if h.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN) {
                h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            }
        }),
    },
    Fault {
        name: "cors-origin-missing-on-errors",
        description: "error answers do not echo `Origin` in `Access-Control-Allow-Origin`",
        items: &["protocols#cors.origin-on-errors"],
        edit: Edit::headers(|_, status, h| {
            if !status.is_success() {
                h.remove(ACCESS_CONTROL_ALLOW_ORIGIN);
            }
        }),
    },
    Fault {
        name: "preflight-not-answered",
        description: "an OPTIONS preflight is refused with 405 like any other non-POST method",
        items: &["protocols#cors.preflight"],
        edit: Edit::rules(|r| r.cors.preflight_answered = false),
    },
    Fault {
        name: "preflight-allow-methods-missing",
        description: "an accepted preflight has no `Access-Control-Allow-Methods`",
        items: &["protocols#cors.preflight-allow-methods"],
        edit: Edit::headers(|_, _, h| {
            h.remove(ACCESS_CONTROL_ALLOW_METHODS);
        }),
    },
    Fault {
        name: "get-accepted",
        description: "GET is handled like POST instead of answering 405 MethodNotAllowed",
        items: &["protocols#error.MethodNotAllowed"],
        edit: Edit::rules(|r| r.protocol.methods = &[Method::POST, Method::GET]),
    },
    Fault {
        name: "unknown-route-500",
        description: "an unknown route, class or method answers 500 InternalError instead of 404",
        items: &["protocols#error.unknown-route"],
        edit: Edit::answer(|seen, _, a| {
            // No route and a ResourceNotFound: the path named no route (a preflight or a
            // refused method has another answer).
            if seen.route.is_none() && a.error_type() == Some("ResourceNotFound") {
                let e = ApiError::new(ErrorType::InternalError, "No handler for this path");
                *a = Answer {
                    status: seen.rules.status.internal_error,
                    body: e.body(),
                };
            }
        }),
    },
    Fault {
        name: "unknown-input-key-rejected",
        description: "record/new and describe reject input keys they do not document (InvalidInput)",
        items: &["protocols#rule.unknown-keys-ignored"],
        edit: Edit::request(|seen, body| {
            let documented: &[&str] = if seen.is("record", "new") {
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
            } else if seen.is_data_describe() {
                &[
                    "project",
                    "fields",
                    "defaultFields",
                    "properties",
                    "details",
                ]
            } else {
                return Ok(());
            };
            match body
                .as_object()
                .and_then(|m| m.keys().find(|k| !documented.contains(&k.as_str())))
            {
                Some(key) => Err(invalid_input(format!(
                    "Unexpected key {key:?} in the input"
                ))),
                None => Ok(()),
            }
        }),
    },
    Fault {
        name: "query-merged-into-input",
        description: "URL query parameters are merged into the JSON input instead of being ignored",
        items: &["protocols#rule.query-ignored"],
        edit: Edit::request(|seen, body| {
            if let (Some(query), Some(m)) = (seen.query, body.as_object_mut()) {
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    // A value that parses as JSON (`true`, `5`) is taken as such, as lenient
                    // frameworks do; anything else is a string.
                    let v = serde_json::from_str(v).unwrap_or_else(|_| json!(v));
                    m.insert(k.to_string(), v);
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "auth-not-enforced",
        description: "a call without `Authorization` runs as the first user instead of answering 401",
        items: &[
            "authentication#rule.token-required",
            "authentication#error.no-header",
        ],
        edit: Edit::rules(|r| r.auth.token_required = false),
    },
    Fault {
        name: "unknown-token-permission-denied",
        description: "an unknown or malformed token answers PermissionDenied instead of InvalidAuthentication",
        items: &[
            "authentication#error.bad-token",
            "authentication#error.malformed-header",
        ],
        edit: Edit::answer(|seen, _, a| {
            if a.error_type() == Some("InvalidAuthentication") {
                a.retype("PermissionDenied", seen.rules.status.permission_denied);
            }
        }),
    },
    Fault {
        name: "greet-requires-token",
        description: "`/system/greet` without a token answers 401 instead of greeting",
        items: &["authentication#rule.greet-without-token"],
        edit: Edit::rules(|r| r.auth.open_routes = false),
    },
    Fault {
        name: "ids-any-alphanumeric",
        description: "new IDs draw from all of [0-9A-Za-z] (vowels included), not the documented alphabet",
        items: &["entity-ids#rule.generated-form"],
        edit: Edit::rules(|r| {
            r.id_alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        }),
    },
    Fault {
        name: "unknown-id-422",
        description: "a well-formed ID nothing has answers 422 InvalidInput instead of 404 ResourceNotFound",
        items: &[
            "entity-ids#error.unknown-in-url",
            "close#error.ResourceNotFound",
        ],
        edit: Edit::answer(|seen, _, a| {
            // Only a route's own ResourceNotFound about a well-formed ID
            // (`The entity <id> could not be found`), not an unknown route or a malformed subject.
            let names_an_id = a
                .body
                .pointer("/error/message")
                .and_then(Value::as_str)
                .and_then(|m| m.strip_prefix("The entity "))
                .and_then(|m| m.strip_suffix(" could not be found"))
                .is_some_and(|id| ids::class_of(id).is_some());
            if seen.route.is_some() && a.error_type() == Some("ResourceNotFound") && names_an_id {
                a.retype("InvalidInput", seen.rules.status.invalid_input);
            }
        }),
    },
    Fault {
        name: "timestamps-in-seconds",
        description: "describe gives `created` and `modified` in seconds, not milliseconds",
        items: &["api#type.timestamp"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is_data_describe()
                && let Some(m) = a.success_mut()
            {
                for key in ["created", "modified"] {
                    if let Some(ms) = m.get(key).and_then(Value::as_i64) {
                        m.insert(key.into(), json!(ms / 1000));
                    }
                }
            }
        }),
    },
    Fault {
        name: "path-not-percent-decoded",
        description: "the URL path is matched without percent-decoding (`/record-x/%64escribe` is unknown)",
        items: &["protocols#rule.percent-decoded-path"],
        edit: Edit::rules(|r| r.protocol.percent_decode_path = false),
    },
    Fault {
        name: "api-version-header-rejected",
        description: "a request carrying `DNAnexus-API: 1.0.0` is refused as an unsupported version",
        items: &["protocols#rule.api-version-header"],
        edit: Edit::request(|seen, _| {
            if seen.headers.contains_key("dnanexus-api") {
                return Err(invalid_input("Unsupported API version"));
            }
            Ok(())
        }),
    },
    // ---- end of protocol faults ----
    //
    // ---- data object lifecycle and close ----
    Fault {
        name: "close-on-create-ignored",
        description: "record/new ignores `close: true`: the record starts open",
        items: &["lifecycle#rule.close-on-create"],
        edit: Edit::request(|seen, body| {
            if seen.is("record", "new")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("close");
            }
            Ok(())
        }),
    },
    Fault {
        name: "close-does-not-close",
        description: "close answers success but leaves the object open",
        items: &["close#rule.closes", "close#rule.records-close-at-once"],
        edit: Edit::rules(|r| r.close.closes = false),
    },
    Fault {
        name: "close-detail-on-first-close",
        description: "closing an open object answers `detail` as if it had been closed already",
        items: &["close#output.detail.absent-when-open"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && let Some(m) = a.success_mut()
                && !m.contains_key("detail")
            {
                m.insert("detail".into(), json!("The object is closed"));
            }
        }),
    },
    Fault {
        name: "close-no-detail-when-closed",
        description: "closing a closed object answers `{\"id\"}` without the `detail` explanation",
        items: &["close#output.detail"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && let Some(m) = a.success_mut()
            {
                m.remove("detail");
            }
        }),
    },
    Fault {
        name: "closed-accepts-add-types",
        description: "addTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types"],
        edit: Edit::rules(|r| r.frozen.add_types = false),
    },
    Fault {
        name: "closed-accepts-set-details",
        description: "setDetails still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-details"],
        edit: Edit::rules(|r| r.frozen.details = false),
    },
    Fault {
        name: "closed-accepts-set-visibility",
        description: "setVisibility still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-visibility"],
        edit: Edit::rules(|r| r.frozen.visibility = false),
    },
    Fault {
        name: "closed-refuses-rename",
        description: "rename of a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-name"],
        edit: Edit::rules(|r| r.frozen.rename = true),
    },
    Fault {
        name: "closed-refuses-tags",
        description: "addTags and removeTags on a closed object answer InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-tags"],
        edit: Edit::rules(|r| r.frozen.tags = true),
    },
    Fault {
        name: "close-needs-only-view",
        description: "close checks VIEW instead of UPLOAD: a VIEW member can close",
        items: &["close#error.PermissionDenied"],
        edit: Edit::rules(|r| r.levels.close = Level::View),
    },
    Fault {
        name: "close-needs-contribute",
        description: "close requires CONTRIBUTE: an UPLOAD member is refused",
        items: &["close#rule.upload-suffices"],
        edit: Edit::rules(|r| r.levels.close = Level::Contribute),
    },
    Fault {
        name: "close-missing-422",
        description: "close of an object that does not exist answers 422 InvalidInput instead of 404",
        items: &["close#error.ResourceNotFound"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close") && a.error_type() == Some("ResourceNotFound") {
                a.retype("InvalidInput", seen.rules.status.invalid_input);
            }
        }),
    },
    Fault {
        name: "describe-state-closing",
        description: "a closed record describes with state `closing` instead of `closed`",
        items: &["close#rule.records-close-at-once"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is_data_describe()
                && let Some(m) = a.success_mut()
                && m.get("state") == Some(&json!("closed"))
            {
                m.insert("state".into(), json!("closing"));
            }
        }),
    },
    Fault {
        name: "closed-accepts-remove-types",
        description: "removeTypes still changes a closed object",
        items: &["lifecycle#rule.closed-freezes-types.remove"],
        edit: Edit::rules(|r| r.frozen.remove_types = false),
    },
    Fault {
        name: "closed-refuses-properties",
        description: "setProperties on a closed object answers InvalidState (over-enforced freeze)",
        items: &["lifecycle#rule.closed-allows-properties"],
        edit: Edit::rules(|r| r.frozen.properties = true),
    },
    Fault {
        name: "close-hides-from-strangers",
        description: "close by a user with no access to the project answers ResourceNotFound instead of PermissionDenied",
        items: &["close#error.PermissionDenied.no-access"],
        edit: Edit::rules(|r| r.close.no_access = ErrorType::ResourceNotFound),
    },
    Fault {
        name: "close-again-touches-modified",
        description: "closing a closed object again bumps its `modified` time",
        items: &["close#rule.idempotent"],
        edit: Edit::rules(|r| r.close.again_changes_nothing = false),
    },
    Fault {
        name: "close-resets-visibility",
        description: "close clears the object's `hidden` flag",
        items: &["close#rule.keeps-metadata"],
        edit: Edit::rules(|r| r.close.keeps_metadata = false),
    },
    Fault {
        name: "close-not-idempotent",
        description: "closing a closed object answers InvalidState instead of success with `detail`",
        items: &["close#rule.idempotent"],
        edit: Edit::answer(|seen, _, a| {
            if seen.route_method() == Some("close")
                && a.success_mut().is_some_and(|m| m.contains_key("detail"))
            {
                let e = ApiError::new(ErrorType::InvalidState, "The object is already closed");
                *a = Answer {
                    status: seen.rules.status.invalid_state,
                    body: e.body(),
                };
            }
        }),
    },
    // ---- end of lifecycle faults ----
    //
    // ---- records: /record/new and /record-xxxx/describe ----
    Fault {
        name: "describe-drops-links",
        description: "record describe leaves out `links`",
        items: &["record/describe#output.links"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("links");
            }
        }),
    },
    Fault {
        name: "nonce-ignored",
        description: "record/new ignores `nonce`: a retry creates a second record",
        items: &["record/new#input.nonce"],
        edit: Edit::rules(|r| r.nonce.replayed = false),
    },
    Fault {
        name: "describe-drops-sponsored",
        description: "record describe leaves out `sponsored`",
        items: &["record/describe#output.sponsored"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("sponsored");
            }
        }),
    },
    Fault {
        name: "describe-drops-folder",
        description: "record describe leaves out `folder`",
        items: &["record/describe#output.folder"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                m.remove("folder");
            }
        }),
    },
    Fault {
        name: "describe-created-by-snake-case",
        description: "record describe names `createdBy` as `created_by`",
        items: &["record/describe#output.createdBy"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                if let Some(created_by) = m.remove("createdBy") {
                    m.insert("created_by".into(), created_by);
                }
            }
        }),
    },
    Fault {
        name: "describe-created-by-handle",
        description: "record describe's `createdBy.user` is the bare handle, without `user-`",
        items: &["record/describe#output.createdBy"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(Value::String(user)) =
                    m.get_mut("createdBy").and_then(|c| c.get_mut("user"))
                && let Some(handle) = user.strip_prefix("user-")
            {
                *user = handle.to_string();
            }
        }),
    },
    Fault {
        name: "describe-hidden-as-string",
        description: "record describe gives `hidden` as the string \"true\"/\"false\"",
        items: &["record/describe#output.hidden"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(hidden) = m.get_mut("hidden")
                && let Some(b) = hidden.as_bool()
            {
                *hidden = json!(b.to_string());
            }
        }),
    },
    Fault {
        name: "describe-created-in-seconds",
        description: "record describe gives `created` as float seconds, not integer ms",
        items: &["record/describe#output.created"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(created) = m.get_mut("created")
                && let Some(ms) = created.as_i64()
            {
                *created = json!(ms as f64 / 1000.0);
            }
        }),
    },
    Fault {
        name: "describe-modified-is-created",
        description: "record describe answers `modified` equal to `created`: changes to the metadata never move it",
        items: &["record/describe#rule.modified-moves"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
                && let Some(created) = m.get("created").cloned()
                && let Some(modified) = m.get_mut("modified")
            {
                *modified = created;
            }
        }),
    },
    Fault {
        name: "describe-links-always-empty",
        description: "record describe's `links` is always `[]`: links in details are not derived",
        items: &["record/describe#output.links"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("record", "describe")
                && let Some(m) = a.success_mut()
            {
                if let Some(links) = m.get_mut("links") {
                    *links = json!([]);
                }
            }
        }),
    },
    Fault {
        name: "describe-links-not-deduplicated",
        description: "record describe lists a link target once per link, not once",
        items: &["record/describe#rule.links-dedup"],
        edit: Edit::rules(|r| r.links.dedup = false),
    },
    Fault {
        name: "describe-properties-by-default",
        description: "record describe returns `properties` without being asked",
        items: &["record/describe#output.properties"],
        edit: Edit::rules(|r| r.describe.default_fields.push("properties")),
    },
    Fault {
        name: "describe-details-by-default",
        description: "record describe returns `details` without being asked",
        items: &["record/describe#output.details"],
        edit: Edit::rules(|r| r.describe.default_fields.push("details")),
    },
    Fault {
        name: "describe-fields-ignored",
        description: "record describe ignores `fields`: always the defaults plus the deprecated flags",
        items: &["record/describe#input.fields"],
        edit: Edit::request(|seen, body| {
            if seen.is_data_describe()
                && let Some(m) = body.as_object_mut()
            {
                m.remove("fields");
            }
            Ok(())
        }),
    },
    Fault {
        name: "describe-deprecated-flags-win",
        description: "record describe honours the deprecated `properties`/`details` flags even with `fields`",
        items: &["record/describe#input.deprecated-ignored"],
        edit: Edit::rules(|r| r.describe.deprecated_flags_win = true),
    },
    Fault {
        name: "describe-default-fields-ignored",
        description: "record describe ignores `defaultFields` (as if never sent)",
        items: &["record/describe#input.defaultFields"],
        edit: Edit::request(|seen, body| {
            if seen.is_data_describe()
                && let Some(m) = body.as_object_mut()
            {
                m.remove("defaultFields");
            }
            Ok(())
        }),
    },
    Fault {
        name: "describe-without-view",
        description: "record describe skips the VIEW check: anyone can describe any record",
        items: &["record/describe#error.PermissionDenied.no-view"],
        edit: Edit::rules(|r| r.levels.describe = None),
    },
    Fault {
        name: "describe-hint-no-fallback",
        description: "record describe with a hinted project not holding the record is ResourceNotFound, no fallback",
        items: &["record/describe#rule.hint-fallback"],
        edit: Edit::rules(|r| r.describe.hint_falls_back = false),
    },
    Fault {
        name: "new-name-default-empty",
        description: "record/new without `name` names the record \"\" instead of its ID",
        items: &["record/new#input.name.default"],
        edit: Edit::rules(|r| r.record_new.name_is_id = false),
    },
    Fault {
        name: "new-folder-default-empty",
        description: "record/new without `folder` files the record under \"\" instead of \"/\"",
        items: &["record/new#input.folder.default"],
        edit: Edit::rules(|r| r.record_new.folder = ""),
    },
    Fault {
        name: "new-hidden-default-true",
        description: "record/new without `hidden` makes a hidden record",
        items: &["record/new#input.hidden.default"],
        edit: Edit::rules(|r| r.record_new.hidden = true),
    },
    Fault {
        name: "new-details-default-null",
        description: "record/new without `details` stores `null` instead of `{}`",
        items: &["record/new#input.details.default"],
        edit: Edit::rules(|r| r.record_new.details = Value::Null),
    },
    Fault {
        name: "nonce-reuse-answers-first",
        description: "record/new with a reused nonce but a different input answers the first answer instead of InvalidInput",
        items: &["record/new#error.InvalidInput.nonce-reused"],
        edit: Edit::rules(|r| r.nonce.reuse_refused = false),
    },
    Fault {
        name: "nonce-limit-off-by-one",
        description: "record/new accepts a 129-byte nonce",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        edit: Edit::rules(|r| r.limits.nonce.max += 1),
    },
    Fault {
        name: "nonce-counted-in-chars",
        description: "record/new limits the nonce to 128 characters instead of 128 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.nonce-too-long"],
        edit: Edit::rules(|r| r.limits.nonce.unit = Unit::Chars),
    },
    Fault {
        name: "property-key-limit-off-by-one",
        description: "record/new accepts a 101-byte property key",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        edit: Edit::rules(|r| r.limits.property_key.max += 1),
    },
    Fault {
        name: "property-key-counted-in-chars",
        description: "record/new limits property keys to 100 characters instead of 100 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-key-too-long"],
        edit: Edit::rules(|r| r.limits.property_key.unit = Unit::Chars),
    },
    Fault {
        name: "property-value-limit-off-by-one",
        description: "record/new accepts a 701-byte property value",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        edit: Edit::rules(|r| r.limits.property_value.max += 1),
    },
    Fault {
        name: "property-value-counted-in-chars",
        description: "record/new limits property values to 700 characters instead of 700 UTF-8 bytes",
        items: &["record/new#error.InvalidInput.property-value-too-long"],
        edit: Edit::rules(|r| r.limits.property_value.unit = Unit::Chars),
    },
    Fault {
        name: "link-extra-key-accepted",
        description: "record/new accepts a hash with `$dnanexus_link` beside other keys",
        items: &["record/new#error.InvalidInput.link-not-only-key"],
        edit: Edit::rules(|r| r.links.sole_key = false),
    },
    Fault {
        name: "link-value-any-type-accepted",
        description: "record/new accepts any `$dnanexus_link` value (number, null, array, an object without `id`)",
        items: &[
            "record/new#error.InvalidInput.link-not-string",
            "record/new#rule.link-object-form",
        ],
        edit: Edit::rules(|r| r.links.id_value = false),
    },
    Fault {
        name: "initialize-from-ignored",
        description: "record/new validates `initializeFrom` but copies nothing from the source",
        items: &["record/new#input.initializeFrom"],
        edit: Edit::rules(|r| r.record_new.initialize_from_copies = false),
    },
    Fault {
        name: "initialize-from-overrides-given",
        description: "record/new with `initializeFrom` keeps the source's values over the fields given",
        items: &["record/new#input.initializeFrom.override"],
        edit: Edit::rules(|r| r.record_new.given_override_source = false),
    },
    Fault {
        name: "new-project-wrong-class-not-found",
        description: "record/new with a non-project ID as `project` answers ResourceNotFound instead of InvalidType",
        items: &["record/new#error.InvalidType.project"],
        edit: Edit::answer(|seen, request, a| {
            // The route checks `project`'s class first among the IDs it reads, so an InvalidType
            // while `project` is a well-formed ID of another class is about `project`.
            let project = request
                .get("project")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let other_class = ids::class_of(project).is_some_and(|c| !ids::is_container_class(c));
            if seen.is("record", "new") && a.error_type() == Some("InvalidType") && other_class {
                *a = Answer {
                    status: seen.rules.status.resource_not_found,
                    body: not_found(project).body(),
                };
            }
        }),
    },
    Fault {
        name: "new-upload-not-enforced",
        description: "record/new needs only VIEW on `project`, not UPLOAD",
        items: &["record/new#error.PermissionDenied.upload"],
        edit: Edit::rules(|r| r.levels.create = Level::View),
    },
    Fault {
        name: "new-folder-created-without-parents",
        description: "record/new creates a missing `folder` even without `parents: true`",
        items: &[
            "record/new#error.ResourceNotFound.folder",
            "record/new#input.parents.default",
        ],
        edit: Edit::rules(|r| r.record_new.missing_folder_refused = false),
    },
    Fault {
        name: "new-spending-limit-ignored",
        description: "record/new creates records in a project whose org is at its spending limit",
        items: &["record/new#error.SpendingLimitExceeded"],
        edit: Edit::rules(|r| r.billing.spending_limit_enforced = false),
    },
    Fault {
        name: "new-org-expired-ignored",
        description: "record/new creates records in a project billed to an expired org",
        items: &["record/new#error.OrgExpired"],
        edit: Edit::rules(|r| r.billing.org_expiry_enforced = false),
    },
    // ---- end of records faults ----
    //
    // ---- search ----
    Fault {
        name: "search-ignores-state",
        description: "findDataObjects ignores `state`: `closed` also finds open records",
        items: &["system/findDataObjects#input.state"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                // Read as `any`, once the route would have accepted the value.
                if let Some(state) = m.get_mut("state")
                    && ["open", "closing", "closed"].contains(&state.as_str().unwrap_or_default())
                {
                    *state = json!("any");
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-visibility-default-either",
        description: "findDataObjects without `visibility` also finds hidden objects",
        items: &["system/findDataObjects#input.visibility.default"],
        edit: Edit::rules(|r| r.search.default_visibility = "either"),
    },
    Fault {
        name: "search-glob-as-exact",
        description: "findDataObjects treats `name.glob` as an exact name: `ba*` finds only `ba*`",
        items: &["system/findDataObjects#input.name.glob"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                if let Some(glob) = m
                    .get("name")
                    .and_then(|n| n.get("glob"))
                    .filter(|g| g.is_string())
                {
                    let exact = glob.clone();
                    m.insert("name".into(), exact);
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-ignores-tags",
        description: "findDataObjects ignores the `tags` filter",
        items: &["system/findDataObjects#input.tags"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("tags");
                m.remove("tag");
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-ignores-recurse-false",
        description: "findDataObjects searches subfolders even with `scope.recurse: false`",
        items: &["system/findDataObjects#input.scope.recurse"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
                && let Some(recurse) = m.get_mut("scope").and_then(|s| s.get_mut("recurse"))
                && *recurse == json!(false)
            {
                *recurse = json!(true);
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-oldest-first",
        description: "findDataObjects lists a project's results oldest modification first",
        items: &["system/findDataObjects#rule.order"],
        edit: Edit::rules(|r| r.search.newest_first = false),
    },
    Fault {
        name: "search-ignores-starting",
        description: "findDataObjects ignores `starting`: every page is the first page again",
        items: &["system/findDataObjects#input.starting"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("starting");
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-next-never-null",
        description: "findDataObjects never ends paging: the last page's `next` points back at its first result",
        items: &[
            "system/findDataObjects#output.next",
            "system/findDataObjects#input.starting",
        ],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = a.success_mut()
            {
                let first = m.get("results").and_then(|r| r.get(0));
                if m.get("next").is_some_and(Value::is_null)
                    && let Some(first) = first
                {
                    let again = json!({"project": first["project"], "id": first["id"]});
                    m.insert("next".into(), again);
                }
            }
        }),
    },
    Fault {
        name: "search-drops-next-when-done",
        description: "findDataObjects leaves `next` out of the last page instead of sending `null`",
        items: &["system/findDataObjects#output.keys-required"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = a.success_mut()
                && m.get("next").is_some_and(Value::is_null)
            {
                m.remove("next");
            }
        }),
    },
    Fault {
        name: "search-leaks-unviewable",
        description: "findDataObjects finds objects in projects the caller cannot view",
        items: &["system/findDataObjects#rule.view-access"],
        edit: Edit::rules(|r| r.search.view_required = false),
    },
    Fault {
        name: "search-ignores-describe",
        description: "findDataObjects leaves `describe` out of the results when it is requested",
        items: &["system/findDataObjects#output.describe"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = a.success_mut()
            {
                if let Some(Value::Array(results)) = m.get_mut("results") {
                    for r in results.iter_mut().filter_map(Value::as_object_mut) {
                        r.remove("describe");
                    }
                }
            }
        }),
    },
    // ---- end of search faults ----
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::Config;
    use crate::server::edit::{Edits, seen_for_test};
    use crate::server::rules::Rules;
    use axum::http::HeaderMap;

    #[test]
    fn names_are_unique_and_documented() {
        let mut names = std::collections::BTreeSet::new();
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
        assert_eq!(find("nonce-ignored").map(|f| f.name), Some("nonce-ignored"));
        let c = Config {
            faults: vec!["no-such-fault".into()],
            ..Config::default()
        };
        assert!(c.validate().unwrap_err().contains("no-such-fault"));
    }

    fn edits(names: &[&str]) -> Edits {
        Config {
            faults: names.iter().map(|n| n.to_string()).collect(),
            ..Config::default()
        }
        .edits()
    }

    fn rules(names: &[&str]) -> Rules {
        edits(names).rules(Rules::default())
    }

    /// The answer `names` make of `answer` to a POST to `class/method`.
    fn rewrite(names: &[&str], route: (&str, &str), status: StatusCode, body: Value) -> Answer {
        rewrite_for(names, Some(route), &json!({}), Answer { status, body })
    }

    fn rewrite_for(
        names: &[&str],
        route: Option<(&str, &str)>,
        request: &Value,
        mut answer: Answer,
    ) -> Answer {
        let edits = edits(names);
        let rules = edits.rules(Rules::default());
        let headers = HeaderMap::new();
        edits.answer(
            &seen_for_test(route, &headers, &rules),
            request,
            &mut answer,
        );
        answer
    }

    const OK: StatusCode = StatusCode::OK;

    #[test]
    fn rewrite_drops_links_only_when_on() {
        let body = json!({"id": "record-x", "links": []});
        let kept = rewrite(&[], ("record", "describe"), OK, body.clone());
        assert!(kept.body.get("links").is_some());
        let dropped = rewrite(&["describe-drops-links"], ("record", "describe"), OK, body);
        assert!(dropped.body.get("links").is_none());
    }

    #[test]
    fn records_describe_rewrites_change_only_present_fields() {
        let f = [
            "describe-created-by-snake-case",
            "describe-hidden-as-string",
            "describe-created-in-seconds",
            "describe-links-always-empty",
            "describe-drops-sponsored",
            "describe-drops-folder",
        ];
        let body = json!({
            "id": "record-x", "hidden": true, "created": 1_700_000_000_123_i64,
            "links": ["record-y"], "sponsored": false, "folder": "/",
            "createdBy": {"user": "user-alice"},
        });
        assert_eq!(
            rewrite(&f, ("record", "describe"), OK, body.clone()).body,
            json!({
                "id": "record-x", "hidden": "true", "created": 1_700_000_000.123,
                "links": [], "created_by": {"user": "user-alice"},
            })
        );
        let handle = rewrite(
            &["describe-created-by-handle"],
            ("record", "describe"),
            OK,
            body,
        );
        assert_eq!(handle.body["createdBy"], json!({"user": "alice"}));
        // A selection without those fields is left as asked.
        let only_id = rewrite(&f, ("record", "describe"), OK, json!({"id": "record-x"}));
        assert_eq!(only_id.body, json!({"id": "record-x"}));
    }

    #[test]
    fn records_describe_rewrites_spare_errors_and_other_routes() {
        let f = ["describe-hidden-as-string", "describe-drops-folder"];
        let answer = json!({"id": "project-x", "hidden": false, "folder": "/"});
        for (class, method, status) in [
            ("project", "describe", OK),
            ("record", "new", OK),
            ("record", "describe", StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let a = rewrite(&f, (class, method), status, answer.clone());
            assert_eq!(a.body, answer, "{class}/{method}");
        }
    }

    #[test]
    fn relaxed_limits_and_link_rules_accept_what_the_faults_let_through() {
        use crate::server::input::{Input, details};
        let body = |v: Value| v.as_object().unwrap().clone();
        let key = body(json!({"p": {format!("{}é", "a".repeat(99)): "v"}}));
        let props = |names: &[&str]| {
            Input(&key)
                .opt_properties("p", &rules(names).limits)
                .is_ok()
        };
        assert!(!props(&[]), "101 bytes");
        assert!(props(&["property-key-limit-off-by-one"]));
        assert!(props(&["property-key-counted-in-chars"]));
        assert!(!props(&["property-value-counted-in-chars"]));
        let nonce = body(json!({"n": "a".repeat(129)}));
        let chars = rules(&["nonce-counted-in-chars"]).limits.nonce;
        assert!(Input(&nonce).opt_nonce("n", chars).is_err());
        let longer = rules(&["nonce-limit-off-by-one"]).limits.nonce;
        assert!(Input(&nonce).opt_nonce("n", longer).is_ok());
        let extra = json!({"$dnanexus_link": "record-000000000000000000000000", "x": 1});
        let number = json!([{"$dnanexus_link": 5}]);
        let strict = Rules::default().links;
        assert!(details(&extra, strict).is_err());
        assert!(details(&number, strict).is_err());
        let sole_key_off = rules(&["link-extra-key-accepted"]).links;
        assert!(details(&extra, sole_key_off).is_ok());
        assert!(details(&number, sole_key_off).is_err());
        assert!(details(&number, rules(&["link-value-any-type-accepted"]).links).is_ok());
    }

    #[test]
    fn rules_faults_change_one_rule_each() {
        let default = Rules::default();
        assert_eq!(
            rules(&["ids-any-alphanumeric"]).id_alphabet.len(),
            62,
            "every letter and digit"
        );
        assert_eq!(default.id_alphabet, ids::ALPHABET);
        assert_eq!(rules(&["close-needs-only-view"]).levels.close, Level::View);
        assert_eq!(
            rules(&["describe-properties-by-default"])
                .describe
                .default_fields
                .last(),
            Some(&"properties")
        );
        let statuses = rules(&["invalid-input-as-400"]).status;
        assert_eq!(statuses.invalid_input, StatusCode::BAD_REQUEST);
        assert_eq!(statuses.invalid_state, default.status.invalid_state);
    }

    #[test]
    fn links_keep_repeats_only_when_asked() {
        use crate::server::store::{collect_links, links};
        let r = "record-000000000000000000000000";
        let d = json!([{"$dnanexus_link": r}, {"$dnanexus_link": r}]);
        assert_eq!(links(&d), vec![r]);
        assert_eq!(collect_links(&d, false), vec![r, r]);
        assert!(!rules(&["describe-links-not-deduplicated"]).links.dedup);
    }

    #[test]
    fn rewrite_turns_second_close_into_invalid_state() {
        let f = ["close-not-idempotent"];
        let first = rewrite(&f, ("record", "close"), OK, json!({"id": "record-x"}));
        assert_eq!(first.status, OK);
        let again = json!({"id": "record-x", "detail": "already closed"});
        let again = rewrite(&f, ("record", "close"), OK, again);
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(again.body["error"]["type"], "InvalidState");
    }

    fn not_found_body(entity: &str) -> Value {
        json!({"error": {"type": "ResourceNotFound",
                         "message": format!("The entity {entity} could not be found")}})
    }

    #[test]
    fn unknown_id_422_spares_routes_and_malformed_subjects() {
        for (entity, route, retyped) in [
            (
                "record-0123456789BFGJKPQVXYZbfg",
                Some(("record", "describe")),
                true,
            ),
            ("record-0123456789BFGJKPQVXYZbfg", None, false),
            ("None", Some(("record", "describe")), false),
            ("system/noSuchMethod", None, false),
        ] {
            let answer = Answer {
                status: StatusCode::NOT_FOUND,
                body: not_found_body(entity),
            };
            let a = rewrite_for(&["unknown-id-422"], route, &json!({}), answer);
            assert_eq!(
                a.status == StatusCode::UNPROCESSABLE_ENTITY,
                retyped,
                "{entity}"
            );
            let kind = if retyped {
                "InvalidInput"
            } else {
                "ResourceNotFound"
            };
            assert_eq!(a.body["error"]["type"], kind, "{entity}");
            assert!(
                a.body["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains(entity)
            );
        }
    }

    #[test]
    fn error_retyping_takes_the_status_from_the_rules() {
        let malformed = json!({"error": {"type": "MalformedJSON", "message": "bad"}});
        let route = ("record", "describe");
        let f = ["malformed-json-as-422", "invalid-input-as-400"];
        let a = rewrite(&f, route, StatusCode::BAD_REQUEST, malformed.clone());
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            a.body,
            json!({"error": {"type": "InvalidInput", "message": "bad"}})
        );
        let a = rewrite(&f[..1], route, StatusCode::BAD_REQUEST, malformed);
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);

        let f = [
            "unknown-token-permission-denied",
            "permission-denied-as-403",
        ];
        let bad_token = json!({"error": {"type": "InvalidAuthentication", "message": "bad"}});
        let a = rewrite(&f, route, StatusCode::UNAUTHORIZED, bad_token);
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        assert_eq!(a.body["error"]["type"], "PermissionDenied");
    }

    #[test]
    fn error_shape_faults() {
        let closed = json!({"error": {"type": "InvalidState", "message": "closed"}});
        let route = ("record", "close");
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        let a = rewrite(&["error-message-missing"], route, status, closed.clone());
        assert_eq!(a.body, json!({"error": {"type": "InvalidState"}}));
        let a = rewrite(&["error-body-flat"], route, status, closed);
        assert_eq!(a.body, json!({"type": "InvalidState", "message": "closed"}));
        let ok = rewrite(&["error-body-flat"], route, OK, json!({"error": 1}));
        assert_eq!(ok.body, json!({"error": 1}));
    }

    #[test]
    fn unknown_route_500_spares_known_routes_and_other_errors() {
        let f = ["unknown-route-500"];
        let missing = |route| {
            let answer = Answer {
                status: StatusCode::NOT_FOUND,
                body: not_found_body("system"),
            };
            rewrite_for(&f, route, &Value::Null, answer)
        };
        assert_eq!(missing(None).status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            missing(Some(("record", "describe"))).status,
            StatusCode::NOT_FOUND
        );
        let refused = json!({"error": {"type": "MethodNotAllowed", "message": "POST"}});
        let a = rewrite_for(
            &f,
            None,
            &Value::Null,
            Answer {
                status: StatusCode::METHOD_NOT_ALLOWED,
                body: refused,
            },
        );
        assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    }

    #[test]
    fn new_project_wrong_class_names_the_project() {
        let f = ["new-project-wrong-class-not-found"];
        let wrong = json!({"error": {"type": "InvalidType", "message": "not a project"}});
        let answer = Answer {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: wrong,
        };
        let record = "record-000000000000000000000000";
        let a = rewrite_for(
            &f,
            Some(("record", "new")),
            &json!({"project": record}),
            answer.clone(),
        );
        assert_eq!(
            (a.status, a.body),
            (StatusCode::NOT_FOUND, not_found_body(record))
        );
        let project = "project-000000000000000000000000";
        let a = rewrite_for(
            &f,
            Some(("record", "new")),
            &json!({"project": project}),
            answer.clone(),
        );
        assert_eq!(a, answer);
    }

    #[test]
    fn close_detail_faults() {
        let route = ("record", "close");
        let first = rewrite(
            &["close-detail-on-first-close"],
            route,
            OK,
            json!({"id": "record-x"}),
        );
        assert!(first.body["detail"].is_string());
        let again = json!({"id": "record-x", "detail": "already closed"});
        let again = rewrite(&["close-no-detail-when-closed"], route, OK, again);
        assert_eq!(again.body, json!({"id": "record-x"}));
    }

    #[test]
    fn describe_answer_faults() {
        let f = ["describe-state-closing", "timestamps-in-seconds"];
        let body = json!({"state": "closed", "created": 1_700_000_000_123_i64, "modified": 1_700_000_001_999_i64});
        assert_eq!(
            rewrite(&f, ("file", "describe"), OK, body).body,
            json!({"state": "closing", "created": 1_700_000_000, "modified": 1_700_000_001})
        );
        let open = rewrite(&f, ("record", "describe"), OK, json!({"state": "open"}));
        assert_eq!(open.body["state"], "open");
    }

    /// The body `names` make of `body` sent to `class/method` with `query`.
    fn request(
        names: &[&str],
        route: (&str, &str),
        query: Option<&str>,
        mut body: Value,
    ) -> Result<Value, ApiError> {
        let edits = edits(names);
        let rules = edits.rules(Rules::default());
        let headers = HeaderMap::new();
        let mut seen = seen_for_test(Some(route), &headers, &rules);
        seen.query = query;
        edits.request(&seen, &mut body).map(|()| body)
    }

    #[test]
    fn request_rewrites() {
        let body = json!({"project": "p", "close": true, "dxapi": "1.0.0"});
        let same = request(&[], ("record", "new"), Some("name=q"), body.clone());
        assert_eq!(same.unwrap(), body);

        let strict = ["unknown-input-key-rejected"];
        let e = request(&strict, ("record", "new"), None, body).unwrap_err();
        assert!(e.message.contains("dxapi"));
        let ok = json!({"project": "p", "close": true});
        assert!(request(&strict, ("record", "new"), None, ok).is_ok());
        let other = json!({"anything": 1});
        assert!(request(&strict, ("project", "describe"), None, other).is_ok());

        let merged = ["query-merged-into-input", "close-on-create-ignored"];
        let query = Some("name=fromquery&hidden=true&limit=5&flag&");
        let body = json!({"project": "p", "close": true});
        assert_eq!(
            request(&merged, ("record", "new"), query, body).unwrap(),
            json!({"project": "p", "name": "fromquery", "hidden": true, "limit": 5, "flag": ""})
        );
    }

    #[test]
    fn search_request_rewrites_act_on_find_data_objects_only() {
        let body = json!({
            "state": "closed", "name": {"glob": "ba*"}, "tags": "t", "tag": "u",
            "scope": {"project": "p", "recurse": false}, "starting": {"id": "x"},
        });
        let f = [
            "search-ignores-state",
            "search-glob-as-exact",
            "search-ignores-tags",
            "search-ignores-recurse-false",
            "search-ignores-starting",
        ];
        assert_eq!(
            request(&f, ("system", "findDataObjects"), None, body.clone()).unwrap(),
            json!({"state": "any", "name": "ba*", "scope": {"project": "p", "recurse": true}})
        );
        let other = request(&f, ("system", "findProjects"), None, body.clone()).unwrap();
        assert_eq!(other, body);
        let bad_state = json!({"state": "shut"});
        let kept = request(&f, ("system", "findDataObjects"), None, bad_state.clone()).unwrap();
        assert_eq!(kept, bad_state);
    }

    #[test]
    fn header_rewrites() {
        use axum::http::HeaderMap;
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert("x-request-id", HeaderValue::from_static("1700000000000-1"));
        h.insert(
            ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("https://a.example"),
        );
        let rewrite = |names: &[&str], status: StatusCode, h: &HeaderMap| {
            let edits = edits(names);
            let rules = edits.rules(Rules::default());
            let request = HeaderMap::new();
            let mut h = h.clone();
            edits.headers(&seen_for_test(None, &request, &rules), status, &mut h);
            h
        };
        let wild = rewrite(&["cors-origin-wildcard"], OK, &h);
        assert_eq!(wild[ACCESS_CONTROL_ALLOW_ORIGIN], "*");

        let f = [
            "cors-origin-missing-on-errors",
            "request-id-uuid",
            "content-type-text-plain",
        ];
        let ok = rewrite(&f, OK, &h);
        assert!(ok.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN));
        assert!(ok[CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));
        let id = ok["x-request-id"].to_str().unwrap();
        assert!(
            regex::Regex::new("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")
                .unwrap()
                .is_match(id),
            "{id}"
        );
        let err = rewrite(&f, StatusCode::NOT_FOUND, &h);
        assert!(!err.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN));
    }
}
