//! The fault catalogue: named ways a server can break the documentation, for the
//! self-check (`serve --fault NAME`; `cargo test` requires the suite to catch each one).
//!
//! A fault is one table entry: its name, what it does, the catalogue items it breaks, and
//! its [`Edit`], written beside it: a change to the [`Rules`](super::rules::Rules) the
//! routes read (a limit, a level, a status, a default), or a rewrite of the request, the
//! answer or its headers. Route code never names a fault, so adding one is a change to
//! one file: the family's file below (a new family is a new file and one line in
//! [`FAMILIES`]).
//!
//! # Layout
//!
//! One file per family, in the order they are listed and their edits apply:
//! [`protocol`], [`lifecycle`], [`records`], [`search`], [`system`], [`folders`],
//! [`projects`], [`objects`], [`files`].

use std::sync::LazyLock;

use super::edit::Edit;

pub mod files;
pub mod folders;
pub mod lifecycle;
pub mod objects;
pub mod projects;
pub mod protocol;
pub mod records;
pub mod search;
pub mod system;

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
    FAULTS.iter().copied().find(|f| f.name == name)
}

/// Every family's faults, in listing order.
pub static FAMILIES: &[&[Fault]] = &[
    protocol::FAULTS,
    lifecycle::FAULTS,
    records::FAULTS,
    search::FAULTS,
    system::FAULTS,
    folders::FAULTS,
    projects::FAULTS,
    objects::FAULTS,
    files::FAULTS,
];

/// Every fault, in the order `dxconform faults` lists them (and their edits apply).
pub static FAULTS: LazyLock<Vec<&'static Fault>> =
    LazyLock::new(|| FAMILIES.iter().flat_map(|f| f.iter()).collect());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::Config;
    use crate::server::edit::Answer;
    use crate::server::edit::{Edits, seen_for_test};
    use crate::server::error::ApiError;
    use crate::server::ids;
    use crate::server::rules::Rules;
    use crate::server::store::Level;
    use axum::http::HeaderMap;
    use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE};
    use axum::http::{HeaderValue, StatusCode};
    use serde_json::{Value, json};

    #[test]
    fn names_are_unique_and_documented() {
        let mut names = std::collections::BTreeSet::new();
        for f in FAULTS.iter() {
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
