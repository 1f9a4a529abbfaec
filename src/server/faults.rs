//! The fault catalogue: named ways a server can break the documentation, for the
//! self-check (`serve --fault NAME`; `cargo test` requires the suite to catch each one).
//!
//! A fault is a table entry plus either one arm in [`rewrite`] (for faults that only
//! change an answer) or a `faults.on("name")` check at a hook point in route code (for
//! faults that change behaviour). Either way, a disabled fault costs a set lookup.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{Value, json};

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
    // ---- end of protocol faults ----
    //
    // ---- data object lifecycle and close ----
    // ---- end of lifecycle faults ----
    //
    // ---- records: /record/new and /record-xxxx/describe ----
    Fault {
        name: "describe-drops-links",
        description: "record describe leaves out `links`",
        items: &["record/describe#output.links"],
    },
    Fault {
        name: "close-not-idempotent",
        description: "closing a closed object answers InvalidState instead of success with `detail`",
        items: &["close#rule.idempotent"],
    },
    Fault {
        name: "nonce-ignored",
        description: "record/new ignores `nonce`: a retry creates a second record",
        items: &["record/new#input.nonce"],
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
}
