//! Edits: what a fault or a variant does to the reference server, as data.
//!
//! An [`Edit`] is up to five plain functions, each optional: one that changes the
//! [`Rules`] the routes read (a limit, a level, a status, a default), and rewrites at the
//! four points where the protocol layer can see an exchange whole: the request after its
//! body is parsed, the answer as JSON, the answer's bytes, and the answer's headers.
//! Edits are `const`-constructible, so the fault and variant catalogues are `static`
//! tables whose entries hold their own functions; [`Edits`] applies the switched-on ones
//! in catalogue order.

use axum::http::{HeaderMap, Method, StatusCode};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::ids;
use super::rules::Rules;

/// Changes the rules.
pub type RulesEdit = fn(&mut Rules);
/// Sees a request and its parsed body; may change the body or refuse the request.
pub type RequestRewrite = fn(&Seen, &mut Value) -> Result<(), ApiError>;
/// Sees an answer and the request body; may change the answer.
pub type AnswerRewrite = fn(&Seen, &Value, &mut Answer);
/// Rewrites a serialized answer body.
pub type BytesRewrite = fn(&mut Vec<u8>);
/// Changes an answer's headers, given its status.
pub type HeadersRewrite = fn(&Seen, StatusCode, &mut HeaderMap);

/// What a fault or a variant does. Build one with [`Edit::rules`], [`Edit::request`],
/// [`Edit::answer`], [`Edit::bytes`] or [`Edit::headers`], and chain the `and_*` forms
/// for an edit that acts at more than one point.
#[derive(Debug, Clone, Copy)]
pub struct Edit {
    /// Changes the rules, once, when the server starts.
    pub rules: Option<RulesEdit>,
    /// Sees a request to a known route before the route runs: may change the parsed body,
    /// or refuse the request (nothing then runs).
    pub request: Option<RequestRewrite>,
    /// Sees every answer as JSON, with the request body (`null` when there was none): may
    /// change its status and body.
    pub answer: Option<AnswerRewrite>,
    /// Rewrites the serialized answer body (never an empty one); `Content-Length` is
    /// computed after.
    pub bytes: Option<BytesRewrite>,
    /// Changes the answer's headers, last of all, given its status.
    pub headers: Option<HeadersRewrite>,
}

impl Edit {
    /// An edit that does nothing.
    pub const NONE: Edit = Edit {
        rules: None,
        request: None,
        answer: None,
        bytes: None,
        headers: None,
    };

    pub const fn rules(f: RulesEdit) -> Edit {
        Edit {
            rules: Some(f),
            ..Edit::NONE
        }
    }

    pub const fn request(f: RequestRewrite) -> Edit {
        Edit {
            request: Some(f),
            ..Edit::NONE
        }
    }

    pub const fn answer(f: AnswerRewrite) -> Edit {
        Edit {
            answer: Some(f),
            ..Edit::NONE
        }
    }

    pub const fn bytes(f: BytesRewrite) -> Edit {
        Edit {
            bytes: Some(f),
            ..Edit::NONE
        }
    }

    pub const fn headers(f: HeadersRewrite) -> Edit {
        Edit {
            headers: Some(f),
            ..Edit::NONE
        }
    }

    /// This edit, also rewriting answers with `f`.
    pub const fn and_answer(self, f: AnswerRewrite) -> Edit {
        Edit {
            answer: Some(f),
            ..self
        }
    }

    /// This edit, also rewriting headers with `f`.
    pub const fn and_headers(self, f: HeadersRewrite) -> Edit {
        Edit {
            headers: Some(f),
            ..self
        }
    }
}

/// The route a request was resolved to, as edits name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteName<'a> {
    /// The subject's class: `system`, `user`, `project`, `container`, `record` for both
    /// `/record/new` and `/record-xxxx/describe`...
    pub class: &'a str,
    pub method: &'a str,
}

/// What an edit sees of the exchange.
#[derive(Debug, Clone, Copy)]
pub struct Seen<'a> {
    /// The HTTP method.
    pub method: &'a Method,
    /// The route, when the request is an API call to an implemented one; `None` for an
    /// unknown route, a preflight or a refused method.
    pub route: Option<RouteName<'a>>,
    /// The request's headers.
    pub headers: &'a HeaderMap,
    /// The URL's query string.
    pub query: Option<&'a str>,
    /// How many requests the server received before this one.
    pub counter: u64,
    /// The rules in force (already edited).
    pub rules: &'a Rules,
}

impl Seen<'_> {
    /// Whether the request is `method` on a subject of `class`.
    pub fn is(&self, class: &str, method: &str) -> bool {
        self.route == Some(RouteName { class, method })
    }

    /// The route's method, if the request reached a route.
    pub fn route_method(&self) -> Option<&str> {
        self.route.map(|r| r.method)
    }

    /// Whether the request is a data-object describe (`/record-xxxx/describe`...).
    pub fn is_data_describe(&self) -> bool {
        self.route
            .is_some_and(|r| r.method == "describe" && ids::DATA_CLASSES.contains(&r.class))
    }

    /// Whether the request is a CORS preflight.
    pub fn is_preflight(&self) -> bool {
        self.method == Method::OPTIONS
    }
}

/// An answer before it is serialized.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
}

impl Answer {
    pub fn ok(body: Value) -> Answer {
        Answer {
            status: StatusCode::OK,
            body,
        }
    }

    /// The body as a mapping, if the answer is a success.
    pub fn success_mut(&mut self) -> Option<&mut Map<String, Value>> {
        if self.status.is_success() {
            self.body.as_object_mut()
        } else {
            None
        }
    }

    /// The error type, if the body is an error body.
    pub fn error_type(&self) -> Option<&str> {
        self.body.pointer("/error/type").and_then(Value::as_str)
    }

    /// The `error` mapping of an error body.
    pub fn error_mut(&mut self) -> Option<&mut Map<String, Value>> {
        self.body.get_mut("error").and_then(Value::as_object_mut)
    }

    /// Make the error another type with `status`, keeping its message.
    pub fn retype(&mut self, kind: &str, status: StatusCode) {
        self.status = status;
        if let Some(e) = self.error_mut() {
            e.insert("type".into(), Value::String(kind.to_string()));
        }
    }

    /// The data-object describe mappings a successful answer holds: the answer itself for
    /// a describe, and each `describe` of findDataObjects' and describeDataObjects'
    /// `results` and of listFolder's `objects`.
    pub fn data_describes_mut(&mut self, seen: &Seen) -> Vec<&mut Map<String, Value>> {
        let list = match seen.route {
            _ if seen.is_data_describe() => {
                return self.success_mut().into_iter().collect();
            }
            Some(r) if r.class == "system" => match r.method {
                "findDataObjects" | "describeDataObjects" => "results",
                _ => return Vec::new(),
            },
            Some(r) if ids::is_container_class(r.class) && r.method == "listFolder" => "objects",
            _ => return Vec::new(),
        };
        self.success_mut()
            .and_then(|m| m.get_mut(list))
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.get_mut("describe"))
            .filter_map(Value::as_object_mut)
            .collect()
    }

    /// Leave `key` out of every data-object describe in the answer.
    pub fn remove_describe_field(&mut self, seen: &Seen, key: &str) {
        for d in self.data_describes_mut(seen) {
            d.remove(key);
        }
    }

    /// Reverse the array `key` of every data-object describe in the answer.
    pub fn reverse_describe_array(&mut self, seen: &Seen, key: &str) {
        for d in self.data_describes_mut(seen) {
            if let Some(Value::Array(items)) = d.get_mut(key) {
                items.reverse();
            }
        }
    }
}

/// The switched-on edits, in catalogue order.
#[derive(Debug, Clone, Default)]
pub struct Edits(Vec<&'static Edit>);

impl Edits {
    pub fn new(edits: Vec<&'static Edit>) -> Edits {
        Edits(edits)
    }

    /// `rules` with every rules edit applied.
    pub fn rules(&self, mut rules: Rules) -> Rules {
        for f in self.0.iter().filter_map(|e| e.rules) {
            f(&mut rules);
        }
        rules
    }

    /// Apply the request rewrites; the first refusal wins.
    pub fn request(&self, seen: &Seen, body: &mut Value) -> Result<(), ApiError> {
        self.0
            .iter()
            .filter_map(|e| e.request)
            .try_for_each(|f| f(seen, body))
    }

    pub fn answer(&self, seen: &Seen, request: &Value, answer: &mut Answer) {
        for f in self.0.iter().filter_map(|e| e.answer) {
            f(seen, request, answer);
        }
    }

    pub fn bytes(&self, bytes: &mut Vec<u8>) {
        for f in self.0.iter().filter_map(|e| e.bytes) {
            f(bytes);
        }
    }

    pub fn headers(&self, seen: &Seen, status: StatusCode, headers: &mut HeaderMap) {
        for f in self.0.iter().filter_map(|e| e.headers) {
            f(seen, status, headers);
        }
    }
}

/// A [`Seen`] for unit tests of edits: a POST to `class/method` (or to no route), with
/// the given headers and the default rules.
#[cfg(test)]
pub fn seen_for_test<'a>(
    route: Option<(&'a str, &'a str)>,
    headers: &'a HeaderMap,
    rules: &'a Rules,
) -> Seen<'a> {
    Seen {
        method: &Method::POST,
        route: route.map(|(class, method)| RouteName { class, method }),
        headers,
        query: None,
        counter: 0,
        rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn edits_apply_in_order_and_the_first_refusal_wins() {
        static BUMP: Edit = Edit::rules(|r| r.delay_ms += 1);
        static DOUBLE: Edit = Edit::rules(|r| r.delay_ms *= 2);
        static REFUSE: Edit = Edit::request(|_, _| Err(super::super::error::invalid_input("no")));
        static MARK: Edit = Edit::request(|_, body| {
            body["marked"] = json!(true);
            Ok(())
        });
        let edits = Edits::new(vec![&BUMP, &DOUBLE, &MARK]);
        assert_eq!(edits.rules(Rules::default()).delay_ms, 2);
        let rules = Rules::default();
        let headers = HeaderMap::new();
        let seen = seen_for_test(Some(("record", "new")), &headers, &rules);
        let mut body = json!({});
        edits.request(&seen, &mut body).unwrap();
        assert_eq!(body, json!({"marked": true}));
        let refusing = Edits::new(vec![&REFUSE, &MARK]);
        let mut body = json!({});
        assert!(refusing.request(&seen, &mut body).is_err());
        assert_eq!(body, json!({}));
    }

    #[test]
    fn data_describes_are_found_where_answers_hold_them() {
        let rules = Rules::default();
        let headers = HeaderMap::new();
        let count = |route, body: Value| {
            let seen = seen_for_test(Some(route), &headers, &rules);
            Answer::ok(body).data_describes_mut(&seen).len()
        };
        assert_eq!(count(("record", "describe"), json!({"id": "r"})), 1);
        assert_eq!(count(("project", "describe"), json!({"id": "p"})), 0);
        let listed = json!({"results": [{"describe": {}}, {"id": "x"}, {"describe": {}}]});
        assert_eq!(count(("system", "findDataObjects"), listed.clone()), 2);
        assert_eq!(count(("system", "findProjects"), listed), 0);
        let objects = json!({"objects": [{"id": "r", "describe": {}}], "folders": []});
        assert_eq!(count(("container", "listFolder"), objects), 1);
    }
}
