//! Faults of the protocol, authentication, entity-ID and header rules (protocols, authentication and entity-IDs pages).

use axum::http::header::{
    ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::{Answer, Edit};
use crate::server::error::{ApiError, ErrorType, invalid_input};
use crate::server::ids;

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
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
];
