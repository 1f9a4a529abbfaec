//! Faults of the Search page: `/system/findDataObjects`.

use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::Edit;

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
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
];
