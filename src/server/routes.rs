//! The route table: which `/subject/method` pairs exist, which family module answers
//! them, and what the protocol layer must check first (authentication, body shape).

use axum::http::HeaderMap;
use serde_json::Value;

use super::error::ApiResult;
use super::faults::Faults;
use super::ids;
use super::input::Input;
use super::store::Store;
use super::{folders, objects, projects, records, system};

/// Which module answers a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `/system/...`
    System,
    /// `/record/new`
    NewRecord,
    /// `/project/new`
    NewProject,
    /// `/user-xxxx/...`
    User,
    /// `/record-xxxx/...` and the other data-object classes
    Object,
    /// `/project-xxxx/...`, `/container-xxxx/...`
    Container,
}

/// A resolved route.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub family: Family,
    /// The subject's class (`system`, `record`, `project`...), for the fault rewrites.
    pub class: &'static str,
    /// `/system/greet` is the one route that needs no token.
    pub needs_auth: bool,
    /// setDetails takes the details value itself as its body (object or array).
    pub any_body: bool,
}

/// Everything a route handler sees of a request.
pub struct Call<'a> {
    pub subject: &'a str,
    pub method: &'a str,
    pub body: &'a Value,
    /// The authenticated user's ID (empty only for routes without authentication).
    pub user: &'a str,
    pub headers: &'a HeaderMap,
    pub faults: &'a Faults,
}

impl<'a> Call<'a> {
    /// The body as an object (the protocol layer has checked it, except for
    /// `any_body` routes, which must not call this).
    pub fn input(&self) -> Input<'a> {
        static EMPTY: std::sync::LazyLock<serde_json::Map<String, Value>> =
            std::sync::LazyLock::new(serde_json::Map::new);
        Input(self.body.as_object().unwrap_or(&EMPTY))
    }
}

fn class_static(class: &str) -> Option<&'static str> {
    [
        "project",
        "container",
        "record",
        "file",
        "applet",
        "workflow",
        "database",
        "user",
    ]
    .into_iter()
    .find(|c| *c == class)
}

/// The route for a subject and method, or `None` (404).
pub fn resolve(subject: &str, method: &str) -> Option<Route> {
    let route = |family, class, needs_auth| Route {
        family,
        class,
        needs_auth,
        any_body: false,
    };
    match subject {
        "system" => system::METHODS
            .contains(&method)
            .then(|| route(Family::System, "system", method != "greet")),
        "record" => (method == "new").then(|| route(Family::NewRecord, "record", true)),
        "project" => (method == "new").then(|| route(Family::NewProject, "project", true)),
        _ => {
            if let Some(handle) = subject.strip_prefix("user-") {
                let ok = !handle.is_empty() && system::USER_METHODS.contains(&method);
                return ok.then(|| route(Family::User, "user", true));
            }
            let class = class_static(ids::class_of(subject)?)?;
            if ids::is_container_class(class) {
                let known =
                    projects::METHODS.contains(&method) || folders::METHODS.contains(&method);
                known.then(|| route(Family::Container, class, true))
            } else if ids::DATA_CLASSES.contains(&class) {
                let known = objects::METHODS.contains(&method) || method == "describe";
                known.then(|| Route {
                    any_body: method == "setDetails",
                    ..route(Family::Object, class, true)
                })
            } else {
                None
            }
        }
    }
}

/// Run a resolved route.
pub fn call(store: &mut Store, route: &Route, call: &Call) -> ApiResult<Value> {
    match route.family {
        Family::System => system::call(store, call),
        Family::User => system::call_user(store, call),
        Family::NewRecord => records::new(store, call),
        Family::NewProject => projects::new(store, call),
        Family::Object if call.method == "describe" => records::describe(store, call),
        Family::Object => objects::call(store, call),
        Family::Container if folders::METHODS.contains(&call.method) => folders::call(store, call),
        Family::Container => projects::call(store, call),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution() {
        assert!(resolve("system", "whoami").unwrap().needs_auth);
        assert!(!resolve("system", "greet").unwrap().needs_auth);
        assert!(resolve("system", "nope").is_none());
        assert!(resolve("record", "new").is_some());
        assert!(resolve("record", "describe").is_none());
        assert!(resolve("None", "describe").is_none());
        let r = resolve("record-000000000000000000000000", "setDetails").unwrap();
        assert!(r.any_body && r.family == Family::Object);
        assert_eq!(
            resolve("container-000000000000000000000000", "listFolder")
                .unwrap()
                .class,
            "container"
        );
        assert!(resolve("project-00000000000000000000000", "describe").is_none());
        assert!(resolve("job-000000000000000000000000", "describe").is_none());
        assert!(resolve("user-alice", "describe").is_some());
    }
}
