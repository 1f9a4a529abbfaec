//! Named snapshots of normalized answers, in `snapshots/` at the crate root.
//!
//! Two modes. Against the reference server (the oracle) snapshots go through insta, so
//! `INSTA_UPDATE=always` accepts them and `CI=true` refuses missing ones. Against anything
//! else (an endpoint, or the reference server with a fault switched on) the stored
//! snapshot is only read and compared: a foreign endpoint must never write the oracle, nor
//! leave `.snap.new` files behind.
//!
//! Insta pitfalls handled here (STYLE.md §2): settings are thread-local, so they are bound
//! inside each call, on the trial's thread; the name is explicit (`::` mapped to `__`); the
//! path is absolute; no module prefix; no expression. The description is the step's request
//! template, which is stable from run to run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use serde_json::Value;

use super::report::clip;

/// How snapshot steps compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotMode {
    /// Through insta: may write or accept snapshots per `INSTA_UPDATE`.
    Insta,
    /// Read the stored snapshot and compare; never write.
    Compare,
}

/// Where snapshots live.
pub fn snapshot_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"))
}

/// The snapshot name of a case's `index`-th (0-based) snapshot step out of `count`.
pub fn snapshot_name(case: &str, index: usize, count: usize) -> String {
    let base = case.replace("::", "__");
    if count > 1 {
        format!("{base}__{}", index + 1)
    } else {
        base
    }
}

/// The stored snapshot's JSON, if there is one.
pub fn stored(name: &str) -> Result<Option<Value>, String> {
    let path = snapshot_dir().join(format!("{name}.snap"));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    // insta's format: a `---` line, a YAML header, a `---` line, then the content.
    let content = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text.as_str(), |(_, content)| content);
    serde_json::from_str(content)
        .map(Some)
        .map_err(|e| format!("{} does not hold JSON: {e}", path.display()))
}

/// Compare `value` with snapshot `name`; `Err` holds the difference for the failure
/// message.
pub fn assert_snapshot(
    mode: SnapshotMode,
    name: &str,
    description: &str,
    value: &Value,
) -> Result<(), String> {
    let stored = stored(name)?;
    if stored.as_ref() == Some(value) {
        return Ok(());
    }
    let difference = match &stored {
        Some(expected) => {
            let mut lines = Vec::new();
            diff(expected, value, String::new(), &mut lines);
            format!(
                "the normalized answer differs from snapshot {name} (snapshots/{name}.snap):\n{}",
                lines
                    .iter()
                    .take(30)
                    .map(|l| format!("      {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
        None => format!(
            "there is no snapshot {name} yet (snapshots/{name}.snap); normalized answer: {}",
            clip(&value.to_string(), 1500)
        ),
    };
    match mode {
        SnapshotMode::Compare => Err(difference),
        SnapshotMode::Insta => {
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(snapshot_dir());
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_sort_maps(true);
            settings.set_description(description);
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                settings.bind(|| insta::assert_json_snapshot!(name, value));
            }));
            match outcome {
                // Insta accepted it (INSTA_UPDATE=always, or INSTA_FORCE_PASS).
                Ok(()) => Ok(()),
                Err(_) => Err(format!(
                    "{difference}\n    review: INSTA_UPDATE=always cargo test (or cargo run -- FILTER), then git diff snapshots/"
                )),
            }
        }
    }
}

/// The differing places of two JSON values, one line each.
pub fn diff(expected: &Value, got: &Value, path: String, out: &mut Vec<String>) {
    let at = if path.is_empty() {
        "the answer".to_string()
    } else {
        path.clone()
    };
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, ev) in e {
                let p = format!("{path}/{k}");
                match g.get(k) {
                    Some(gv) => diff(ev, gv, p, out),
                    None => out.push(format!(
                        "{p}: expected {}, but it is absent",
                        clip(&ev.to_string(), 200)
                    )),
                }
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    out.push(format!(
                        "{path}/{k}: not expected, got {}",
                        clip(&gv.to_string(), 200)
                    ));
                }
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                diff(ev, gv, format!("{path}/{i}"), out);
            }
        }
        _ if expected != got => out.push(format!(
            "{at}: expected {}, got {}",
            clip(&expected.to_string(), 200),
            clip(&got.to_string(), 200)
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_map_colons_and_number_several_steps() {
        assert_eq!(
            snapshot_name("records::new::minimal", 0, 1),
            "records__new__minimal"
        );
        assert_eq!(snapshot_name("a::b", 1, 2), "a__b__2");
    }

    #[test]
    fn diff_lists_each_difference() {
        let mut out = Vec::new();
        diff(
            &json!({"a": 1, "b": [1, 2], "c": true}),
            &json!({"a": 2, "b": [1, 3], "d": null}),
            String::new(),
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                "/a: expected 1, got 2",
                "/b/1: expected 2, got 3",
                "/c: expected true, but it is absent",
                "/d: not expected, got null",
            ]
        );
    }
}
