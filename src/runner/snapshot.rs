//! Named snapshots of normalized answers, in `snapshots/` at the crate root, compiled into
//! the binary (`build.rs`) so that comparing never reads the source folder: an installed
//! or copied `dxconform` works from any directory and writes nothing.
//!
//! Two modes. Against the reference server (the oracle), run from its source tree (by
//! cargo, or with `INSTA_UPDATE` set), a difference goes through insta, so
//! `INSTA_UPDATE=always` accepts it into `snapshots/` and `CI=true` refuses missing ones.
//! Everywhere else (an endpoint, the reference server with a fault switched on, a binary
//! away from its sources) the compiled-in snapshot is only compared: a foreign endpoint
//! must never write the oracle, nor leave `.snap.new` files behind.
//!
//! Insta pitfalls handled here (STYLE.md §2): settings are thread-local, so they are bound
//! inside each call, on the trial's thread; the name is explicit (`::` mapped to `__`); the
//! path is absolute; no module prefix; no expression. The description is the step's request
//! template, which is stable from run to run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use serde_json::Value;

use crate::shape::{STEP, Shape};

use super::report::clip;

/// How snapshot steps compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotMode {
    /// Through insta: may write or accept snapshots per `INSTA_UPDATE`.
    Insta,
    /// Read the stored snapshot and compare; never write.
    Compare,
}

/// Where snapshots are written when accepted: the source folder.
pub fn snapshot_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"))
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/snapshots.rs"));
}

/// Whether insta may be involved: the source folder is there and this process was started
/// by cargo from that tree (`cargo run`, `cargo test`, nextest set `CARGO_MANIFEST_DIR`),
/// or `INSTA_UPDATE` asks for it. An installed or copied binary never writes snapshots.
pub fn sources_available() -> bool {
    let from_cargo = std::env::var("CARGO_MANIFEST_DIR").is_ok_and(|d| {
        std::path::Path::new(&d) == std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
    });
    let asked = std::env::var_os("INSTA_UPDATE").is_some();
    (from_cargo || asked) && snapshot_dir().is_dir()
}

/// The text of the compiled-in snapshot `name`.
fn embedded_text(name: &str) -> Option<&'static str> {
    embedded::EMBEDDED
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| embedded::EMBEDDED[i].1)
}

/// How many snapshots are compiled in.
pub fn embedded_count() -> usize {
    embedded::EMBEDDED.len()
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

/// The stored (compiled-in) snapshot's JSON, if there is one.
pub fn stored(name: &str) -> Result<Option<Value>, String> {
    let Some(text) = embedded_text(name) else {
        return Ok(None);
    };
    // insta's format: a `---` line, a YAML header, a `---` line, then the content.
    let content = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, content)| content);
    serde_json::from_str(content)
        .map(Some)
        .map_err(|e| format!("snapshots/{name}.snap does not hold JSON: {e}"))
}

/// One difference between an answer and its snapshot, with the item of the field it sits
/// in ([`STEP`]: the step's own items).
pub type Difference = (&'static str, String);

/// Compare `value` (normalized and projected onto `shape`) with snapshot `name`. `Err`
/// holds each difference with the item it breaks.
pub fn compare(
    mode: SnapshotMode,
    name: &str,
    description: &str,
    value: &Value,
    shape: &Shape,
) -> Result<(), Vec<Difference>> {
    let stored = stored(name).map_err(|e| vec![(STEP, e)])?;
    // Insta sees matching answers only when `INSTA_FORCE_UPDATE` asks it to refresh the
    // snapshots' headers: a match never touches the source folder.
    let force = mode == SnapshotMode::Insta && std::env::var_os("INSTA_FORCE_UPDATE").is_some();
    if stored.as_ref() == Some(value) && !force {
        return Ok(());
    }
    let mut differences = Vec::new();
    let file = format!("snapshots/{name}.snap");
    match &stored {
        Some(expected) => {
            diff(
                expected,
                value,
                Some(shape),
                (STEP, None),
                String::new(),
                &mut differences,
            );
            for (_, text) in differences.iter_mut() {
                text.push_str(&format!(" (snapshot {file})"));
            }
        }
        None => differences.push((
            STEP,
            format!(
                "there is no snapshot {name} yet ({file}); normalized answer: {}",
                clip(&value.to_string(), 1500)
            ),
        )),
    }
    match mode {
        SnapshotMode::Compare => Err(differences),
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
                Err(_) => {
                    if let Some(last) = differences.last_mut() {
                        last.1.push_str(
                            "\n    review: INSTA_UPDATE=always cargo test (or cargo run -- FILTER), then git diff snapshots/",
                        );
                    }
                    Err(differences)
                }
            }
        }
    }
}

/// Where a difference is attributed: the field's item, and the item its value proves
/// when the value is only a reading.
type Attribution = (&'static str, Option<&'static str>);

/// The differing places of two JSON values, each with the item of the field it sits in
/// (`shape`, when known, says which).
pub fn diff(
    expected: &Value,
    got: &Value,
    shape: Option<&Shape>,
    (item, value_item): Attribution,
    path: String,
    out: &mut Vec<Difference>,
) {
    let at = if path.is_empty() {
        "the answer".to_string()
    } else {
        path.clone()
    };
    let value = value_item.unwrap_or(item);
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            let child = |k: &str| -> (Option<&Shape>, Attribution) {
                match shape.and_then(|s| s.field(k)) {
                    Some(f) => (Some(&f.shape), (f.item, f.value_item)),
                    // A map's keys are data: its values keep the map's attribution.
                    None => match shape {
                        Some(Shape::Map(inner)) => (Some(inner), (item, value_item)),
                        _ => (None, (item, value_item)),
                    },
                }
            };
            for (k, ev) in e {
                let p = format!("{path}/{k}");
                let (s, attribution) = child(k);
                match g.get(k) {
                    Some(gv) => diff(ev, gv, s, attribution, p, out),
                    None => out.push((
                        attribution.0,
                        format!(
                            "{p}: expected {}, but it is absent",
                            clip(&ev.to_string(), 200)
                        ),
                    )),
                }
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    out.push((
                        child(k).1.0,
                        format!(
                            "{path}/{k}: not expected, got {}",
                            clip(&gv.to_string(), 200)
                        ),
                    ));
                }
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            let element = match shape {
                Some(Shape::Array(s)) => Some(*s),
                _ => None,
            };
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                diff(
                    ev,
                    gv,
                    element,
                    (item, value_item),
                    format!("{path}/{i}"),
                    out,
                );
            }
        }
        (Value::Object(_), _) | (_, Value::Object(_)) => out.push((
            item,
            format!(
                "{at}: expected {}, got {}",
                clip(&expected.to_string(), 200),
                clip(&got.to_string(), 200)
            ),
        )),
        _ if expected != got => out.push((
            value,
            format!(
                "{at}: expected {}, got {}",
                clip(&expected.to_string(), 200),
                clip(&got.to_string(), 200)
            ),
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
    fn diff_lists_each_difference_with_its_field_item() {
        use crate::shape::Field;
        static SHAPE: Shape = Shape::Object(&[
            Field::new("a", "p#a"),
            Field::new("b", "p#b").of(Shape::Array(&Shape::Value)),
            Field::new("c", "p#c").reading("p#c-value"),
            Field::new("d", "p#d"),
            Field::new("m", "p#m").of(Shape::Map(&Shape::Value)),
        ]);
        let mut out = Vec::new();
        diff(
            &json!({"a": 1, "b": [1, 2], "c": true, "e": 0, "m": {"k": 1}}),
            &json!({"a": 2, "b": [1, 3], "c": false, "d": null, "m": {"k": 2}}),
            Some(&SHAPE),
            (STEP, None),
            String::new(),
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                ("p#a", "/a: expected 1, got 2".to_string()),
                ("p#b", "/b/1: expected 2, got 3".to_string()),
                ("p#c-value", "/c: expected true, got false".to_string()),
                (STEP, "/e: expected 0, but it is absent".to_string()),
                ("p#m", "/m/k: expected 1, got 2".to_string()),
                ("p#d", "/d: not expected, got null".to_string()),
            ]
        );
    }
}
