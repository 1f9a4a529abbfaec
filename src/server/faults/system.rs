//! Faults of the System methods and Users pages (bulk describe, resolution, whoami, user
//! describe, the utility routes) and of findProjects and the rarer findDataObjects inputs.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::Edit;

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    Fault {
        name: "describe-data-objects-reversed",
        description: "describeDataObjects answers the results in reverse input order",
        items: &["system/describeDataObjects#output.results"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "describeDataObjects")
                && let Some(Value::Array(r)) =
                    answer.success_mut().and_then(|m| m.get_mut("results"))
            {
                r.reverse();
            }
        }),
    },
    Fault {
        name: "describe-data-objects-fails-on-missing",
        description: "describeDataObjects fails the whole call with ResourceNotFound when one entry does not exist",
        items: &["system/describeDataObjects#rule.missing-entry"],
        edit: Edit::answer(|seen, _, answer| {
            let missing = seen.is("system", "describeDataObjects")
                && answer
                    .success_mut()
                    .and_then(|m| m.get("results"))
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|e| e.get("describe").is_none()));
            if missing {
                answer.status = StatusCode::NOT_FOUND;
                answer.body = json!({"error": {"type": "ResourceNotFound",
                    "message": "An object in \"objects\" could not be found"}});
            }
        }),
    },
    Fault {
        name: "describe-data-objects-class-options-ignored",
        description: "describeDataObjects ignores `classDescribeOptions`: every plain ID gets the defaults",
        items: &["system/describeDataObjects#input.classDescribeOptions"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "describeDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("classDescribeOptions");
            }
            Ok(())
        }),
    },
    Fault {
        name: "resolve-names-as-globs",
        description: "resolveDataObjects matches names as globs (`alph*` resolves `alpha`)",
        items: &["system/resolveDataObjects#rule.exact-name"],
        edit: Edit::rules(|r| r.search.resolve_glob = true),
    },
    Fault {
        name: "resolve-ignores-entry-project",
        description: "resolveDataObjects looks every entry up in the top-level `project`, ignoring the entry's own",
        items: &["system/resolveDataObjects#input.project.override"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "resolveDataObjects")
                && body.get("project").is_some()
                && let Some(Value::Array(objects)) = body.get_mut("objects")
            {
                for o in objects.iter_mut().filter_map(Value::as_object_mut) {
                    o.remove("project");
                }
            }
            Ok(())
        }),
    },
    Fault {
        name: "resolve-drops-empty-lists",
        description: "resolveDataObjects leaves out the lists of entries that match nothing",
        items: &["system/resolveDataObjects#output.no-match"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "resolveDataObjects")
                && let Some(Value::Array(r)) =
                    answer.success_mut().and_then(|m| m.get_mut("results"))
            {
                r.retain(|l| l.as_array().is_none_or(|l| !l.is_empty()));
            }
        }),
    },
    Fault {
        name: "whoami-bare-handle",
        description: "whoami answers the handle without `user-`",
        items: &["system/whoami#output.id"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "whoami")
                && let Some(Value::String(id)) = answer.success_mut().and_then(|m| m.get_mut("id"))
                && let Some(handle) = id.strip_prefix("user-")
            {
                *id = handle.to_string();
            }
        }),
    },
    Fault {
        name: "user-describe-no-handle",
        description: "user describe leaves out `handle`",
        items: &["user/describe#output.handle"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("user", "describe")
                && let Some(m) = answer.success_mut()
            {
                m.remove("handle");
            }
        }),
    },
    Fault {
        name: "greet-without-messages",
        description: "greet answers `{}` without `messages`",
        items: &["system/greet#output.messages"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "greet")
                && let Some(m) = answer.success_mut()
            {
                m.remove("messages");
            }
        }),
    },
    Fault {
        name: "headers-original-case",
        description: "/system/headers answers header names upper-cased",
        items: &["system/headers#output.lower-case"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "headers")
                && let Some(m) = answer.success_mut()
            {
                let upper: serde_json::Map<String, Value> = std::mem::take(m)
                    .into_iter()
                    .map(|(k, v)| (k.to_ascii_uppercase(), v))
                    .collect();
                *m = upper;
            }
        }),
    },
    Fault {
        name: "come-back-later-no-retry-after",
        description: "comeBackLater's 503 never carries `Retry-After`",
        items: &["system/comeBackLater#error.ServiceUnavailable"],
        edit: Edit::headers(|seen, status, headers| {
            if seen.is("system", "comeBackLater") && status == StatusCode::SERVICE_UNAVAILABLE {
                headers.remove("retry-after");
            }
        }),
    },
    Fault {
        name: "find-apps-without-next",
        description: "findApps answers `{\"results\": []}` without `next`",
        items: &["system/findApps#output.empty"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "findApps")
                && let Some(m) = answer.success_mut()
            {
                m.remove("next");
            }
        }),
    },
    Fault {
        name: "find-projects-level-exact",
        description: "findProjects' `level` matches that level only, not the levels above it",
        items: &["system/findProjects#input.level"],
        edit: Edit::answer(|seen, request, answer| {
            let Some(wanted) = request.get("level").and_then(Value::as_str) else {
                return;
            };
            if seen.is("system", "findProjects")
                && let Some(Value::Array(r)) =
                    answer.success_mut().and_then(|m| m.get_mut("results"))
            {
                r.retain(|p| p.get("level").and_then(Value::as_str) == Some(wanted));
            }
        }),
    },
    Fault {
        name: "find-projects-explicit-ignored",
        description: "findProjects ignores `explicitPermission`: a project seen only through PUBLIC is found",
        items: &["system/findProjects#input.explicitPermission"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findProjects")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("explicitPermission");
            }
            Ok(())
        }),
    },
    Fault {
        name: "find-projects-drops-level",
        description: "findProjects' results hold `id` but no `level`",
        items: &["system/findProjects#output.results"],
        edit: Edit::answer(|seen, _, answer| {
            if seen.is("system", "findProjects")
                && let Some(Value::Array(r)) =
                    answer.success_mut().and_then(|m| m.get_mut("results"))
            {
                for p in r.iter_mut().filter_map(Value::as_object_mut) {
                    p.remove("level");
                }
            }
        }),
    },
    Fault {
        name: "search-ignores-region",
        description: "findDataObjects ignores `region`",
        items: &["system/findDataObjects#input.region"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && let Some(m) = body.as_object_mut()
            {
                m.remove("region");
            }
            Ok(())
        }),
    },
    Fault {
        name: "search-limit-over-1000-refused",
        description: "findDataObjects refuses a `limit` above 1000 with InvalidInput instead of capping it",
        items: &["system/findDataObjects#rule.limit-cap"],
        edit: Edit::request(|seen, body| {
            if seen.is("system", "findDataObjects")
                && body
                    .get("limit")
                    .and_then(Value::as_u64)
                    .is_some_and(|l| l > 1000)
            {
                return Err(crate::server::error::invalid_input(
                    "Expected \"limit\" to be at most 1000",
                ));
            }
            Ok(())
        }),
    },
];
