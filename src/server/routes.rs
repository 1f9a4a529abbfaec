//! The route table: one row per `/subject/method` route, saying who the route is addressed
//! to, its method, the handler that answers it and what the protocol layer must check
//! before (a token, an object body). Dispatch ([`find`]) and the list of implemented
//! routes ([`implemented_routes`]) both read [`ROUTES`], so they cannot disagree.
//!
//! Rows without a handler are routes the platform has and this server does not implement
//! yet: they answer ResourceNotFound like any unknown route, but their message says so.
//! Adding a family of routes is one row per route plus a handler module.

use super::call::Handler;
use super::ids;
use super::{files, folders, objects, projects, records, search, system};

/// Who a route is addressed to: the first component of its path (spec §2, "URL forms").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The word `system`: `/system/whoami`.
    System,
    /// A bare class name, for `new`: `/record/new`.
    Class(&'static str),
    /// An ID of one of these classes: `/record-xxxx/describe`.
    Id(&'static [&'static str]),
    /// A handle with this prefix: `/user-alice/describe`.
    Handle(&'static str),
}

impl Subject {
    /// The class `subject` names when this pattern matches it: `system`, the class of the
    /// ID, or the handle's prefix.
    pub fn class_of(self, subject: &str) -> Option<&str> {
        match self {
            Subject::System => (subject == "system").then_some(subject),
            Subject::Class(class) => (subject == class).then_some(subject),
            Subject::Id(classes) => ids::class_of(subject).filter(|c| classes.contains(c)),
            Subject::Handle(prefix) => subject
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('-'))
                .filter(|handle| !handle.is_empty())
                .map(|_| &subject[..prefix.len()]),
        }
    }

    /// The subject as the documentation writes it: `system`, `record`, `file-xxxx`,
    /// `<data class>-xxxx`, `user-xxxx`.
    pub fn pattern(self) -> String {
        match self {
            Subject::System => "system".into(),
            Subject::Class(class) => class.into(),
            Subject::Id(classes) if classes == ids::DATA_CLASSES => "<data class>-xxxx".into(),
            Subject::Id(classes) if classes == ids::CONTAINER_CLASSES => "<container>-xxxx".into(),
            Subject::Id(classes) => format!("{}-xxxx", classes.join("|")),
            Subject::Handle(prefix) => format!("{prefix}-xxxx"),
        }
    }
}

/// One route.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub subject: Subject,
    pub method: &'static str,
    /// `None`: the platform has this route; this server does not implement it.
    pub handler: Option<Handler>,
    /// Whether a bearer token is needed (`/system/greet` is the one route without).
    pub needs_token: bool,
    /// Whether the body may be any JSON value (setDetails takes the details value
    /// itself); otherwise it must be an object.
    pub any_body: bool,
}

impl Route {
    const fn new(subject: Subject, method: &'static str, handler: Handler) -> Route {
        Route {
            subject,
            method,
            handler: Some(handler),
            needs_token: true,
            any_body: false,
        }
    }

    /// A route of the platform that this server does not implement.
    const fn missing(subject: Subject, method: &'static str) -> Route {
        Route {
            subject,
            method,
            handler: None,
            needs_token: true,
            any_body: false,
        }
    }

    /// Answered without a token.
    const fn open(self) -> Route {
        Route {
            needs_token: false,
            ..self
        }
    }

    /// The body is any JSON value, not necessarily an object.
    const fn any_body(self) -> Route {
        Route {
            any_body: true,
            ..self
        }
    }

    /// The route as the documentation writes it: `/<data class>-xxxx/describe`.
    pub fn path(&self) -> String {
        format!("/{}/{}", self.subject.pattern(), self.method)
    }
}

const SYSTEM: Subject = Subject::System;
const DATA: Subject = Subject::Id(ids::DATA_CLASSES);
const CONTAINER: Subject = Subject::Id(ids::CONTAINER_CLASSES);
const PROJECT: Subject = Subject::Id(&["project"]);
const USER: Subject = Subject::Handle("user");
const FILE: Subject = Subject::Id(&["file"]);

/// Every route, implemented ones first. The first row matching a request answers it.
pub static ROUTES: &[Route] = &[
    // system methods and users (system-methods, users pages)
    Route::new(SYSTEM, "whoami", system::whoami),
    Route::new(SYSTEM, "greet", system::greet).open(),
    Route::new(SYSTEM, "headers", system::headers),
    Route::new(SYSTEM, "comeBackLater", system::come_back_later),
    Route::new(USER, "describe", system::describe_user),
    // search and bulk routes (search, system-methods pages)
    Route::new(SYSTEM, "findDataObjects", search::find_data_objects),
    Route::new(SYSTEM, "describeDataObjects", search::describe_data_objects),
    Route::new(SYSTEM, "resolveDataObjects", search::resolve_data_objects),
    Route::new(SYSTEM, "findProjects", search::find_projects),
    Route::new(SYSTEM, "findApps", search::find_nothing),
    Route::new(SYSTEM, "findGlobalWorkflows", search::find_nothing),
    // records (records page)
    Route::new(Subject::Class("record"), "new", records::new),
    // files (files page): before the data-object rows, so that a file's close is its own
    Route::new(Subject::Class("file"), "new", files::new),
    Route::new(FILE, "upload", files::upload),
    Route::new(FILE, "close", files::close),
    Route::new(FILE, "download", files::download),
    Route::new(DATA, "describe", records::describe),
    // data objects: lifecycle, types, details, visibility, metadata, cloning pages
    Route::new(DATA, "close", objects::close),
    Route::new(DATA, "addTypes", objects::types),
    Route::new(DATA, "removeTypes", objects::types),
    Route::new(DATA, "setDetails", objects::set_details).any_body(),
    Route::new(DATA, "getDetails", objects::get_details),
    Route::new(DATA, "setVisibility", objects::set_visibility),
    Route::new(DATA, "rename", objects::copy_metadata),
    Route::new(DATA, "setProperties", objects::copy_metadata),
    Route::new(DATA, "addTags", objects::copy_metadata),
    Route::new(DATA, "removeTags", objects::copy_metadata),
    Route::new(DATA, "listProjects", objects::list_projects),
    // projects and containers (projects, permissions, containers pages); a container has
    // no update, sharing, tag or property routes ([CLIENT]): those rows are projects' only
    Route::new(Subject::Class("project"), "new", projects::new),
    Route::new(CONTAINER, "describe", projects::describe),
    Route::new(CONTAINER, "destroy", projects::destroy),
    Route::new(PROJECT, "update", projects::update),
    Route::new(PROJECT, "invite", projects::invite),
    Route::new(
        PROJECT,
        "decreasePermissions",
        projects::decrease_permissions,
    ),
    Route::new(PROJECT, "leave", projects::leave),
    Route::new(PROJECT, "addTags", projects::tags),
    Route::new(PROJECT, "removeTags", projects::tags),
    Route::new(PROJECT, "setProperties", projects::set_properties),
    // folders, moving, removal and cloning (folders-and-deletion, cloning pages)
    Route::new(CONTAINER, "newFolder", folders::new_folder),
    Route::new(CONTAINER, "listFolder", folders::list_folder),
    Route::new(CONTAINER, "removeFolder", folders::remove_folder),
    Route::new(CONTAINER, "renameFolder", folders::rename_folder),
    Route::new(CONTAINER, "move", folders::move_objects),
    Route::new(CONTAINER, "removeObjects", folders::remove_objects),
    Route::new(CONTAINER, "clone", folders::clone),
    // routes of the platform this server does not implement (yet)
    Route::missing(Subject::Class("applet"), "new"),
    Route::missing(Subject::Id(&["applet"]), "run"),
    Route::missing(Subject::Id(&["applet"]), "get"),
    Route::missing(Subject::Class("workflow"), "new"),
    Route::missing(Subject::Id(&["workflow"]), "run"),
    Route::missing(Subject::Class("job"), "new"),
    Route::missing(Subject::Id(&["job"]), "describe"),
    Route::missing(Subject::Id(&["job"]), "terminate"),
    Route::missing(Subject::Id(&["analysis"]), "describe"),
    Route::missing(Subject::Id(&["analysis"]), "terminate"),
    Route::missing(SYSTEM, "findJobs"),
    Route::missing(SYSTEM, "findAnalyses"),
    Route::missing(SYSTEM, "findExecutions"),
    Route::missing(USER, "update"),
    Route::missing(Subject::Handle("org"), "describe"),
];

/// The row answering `/subject/method`, with the subject's class (`system`, `record`,
/// `project`, `user`...), or `None` when no row matches.
pub fn find<'s>(subject: &'s str, method: &str) -> Option<(&'static Route, &'s str)> {
    ROUTES.iter().find_map(|route| {
        let class = route.subject.class_of(subject)?;
        (route.method == method).then_some((route, class))
    })
}

/// The routes this server answers, in table order.
pub fn implemented_routes() -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().filter(|r| r.handler.is_some())
}

/// The README's table of what the emulator answers, rendered from [`ROUTES`]: one row per
/// subject pattern with its implemented methods, then the platform routes this server
/// knows but does not implement. `tests/readme.rs` keeps the README's copy equal to it.
pub fn markdown() -> String {
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for route in implemented_routes() {
        let method = if route.needs_token {
            format!("`{}`", route.method)
        } else {
            format!("`{}` (no token)", route.method)
        };
        let pattern = format!("`/{}/`", route.subject.pattern());
        match rows.iter_mut().find(|(p, _)| *p == pattern) {
            Some((_, methods)) => methods.push(method),
            None => rows.push((pattern, vec![method])),
        }
    }
    let mut out = String::from("| subject | methods |\n|---|---|\n");
    for (pattern, methods) in rows {
        out.push_str(&format!("| {pattern} | {} |\n", methods.join(", ")));
    }
    let missing: Vec<String> = ROUTES
        .iter()
        .filter(|r| r.handler.is_none())
        .map(|r| format!("`{}`", r.path()))
        .collect();
    out.push_str(&format!(
        "\nKnown but not implemented (ResourceNotFound, saying so): {}.\n",
        missing.join(", ")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "000000000000000000000000";

    fn found(subject: &str, method: &str) -> Option<(&'static Route, String)> {
        find(subject, method).map(|(r, c)| (r, c.to_string()))
    }

    #[test]
    fn resolution() {
        assert!(found("system", "whoami").unwrap().0.needs_token);
        assert!(!found("system", "greet").unwrap().0.needs_token);
        assert!(found("system", "nope").is_none());
        assert!(found("record", "new").is_some());
        assert!(found("record", "describe").is_none());
        assert!(found("None", "describe").is_none());
        let (r, class) = found(&format!("record-{ID}"), "setDetails").unwrap();
        assert!(r.any_body && class == "record");
        let (r, class) = found(&format!("container-{ID}"), "listFolder").unwrap();
        assert_eq!(
            (r.path().as_str(), class.as_str()),
            ("/<container>-xxxx/listFolder", "container")
        );
        assert!(found("project-00000000000000000000000", "describe").is_none());
        assert!(found(&format!("job-{ID}"), "nope").is_none());
        assert_eq!(found("user-alice", "describe").unwrap().1, "user");
        assert!(found("user-", "describe").is_none());
        assert!(found("users-alice", "describe").is_none());
    }

    #[test]
    fn platform_routes_without_handlers_are_known_but_not_implemented() {
        for (subject, method) in [
            (format!("applet-{ID}"), "run"),
            ("job".to_string(), "new"),
            (format!("applet-{ID}"), "get"),
        ] {
            let (route, _) = found(&subject, method).unwrap();
            assert!(route.handler.is_none(), "{subject}/{method}");
        }
        assert!(implemented_routes().all(|r| r.handler.is_some()));
        assert!(
            implemented_routes().any(|r| r.path() == "/<data class>-xxxx/describe"),
            "{:?}",
            implemented_routes().map(|r| r.path()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn rows_are_distinct() {
        let mut seen = std::collections::BTreeSet::new();
        for r in ROUTES {
            assert!(seen.insert(r.path()), "{} twice", r.path());
        }
    }
}
