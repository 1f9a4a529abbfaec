//! Normalizing an answer before it is compared with its snapshot.
//!
//! Snapshots taken against the reference server are the oracle for every other endpoint,
//! so they must hold the documented answer and nothing incidental (ARCHITECTURE.md, "What
//! a case compares"):
//!
//! - entity IDs (`class-` and 24 characters of `[0-9A-Za-z]`) become `[class-N]`, numbered
//!   by first appearance within the case, so a snapshot still proves that describe returned
//!   the record that was created; a malformed ID is not recognised and stays as it is, so
//!   it shows in the diff. The principals' user IDs become `[owner]` and `[peer]`;
//! - timestamps (`created`, `modified`, `sponsoredUntil`) are checked to be integer
//!   milliseconds within the run's window and become `[timestamp]` (else they stay, marked);
//! - `error.message` is checked to be a non-empty string and becomes `[message]`; so does
//!   close's `detail`, whose wording the documentation leaves open (only its presence on an
//!   already closed object is documented) and which becomes `[detail]`;
//! - `links`, `tags` and `types` are sorted: the documentation treats `links` as a set and
//!   the order of the others is only observed behaviour (a separate SHOULD case checks it);
//! - the answer is projected, recursively (nested mappings and array elements included),
//!   onto its documented [`Shape`]: the error body for errors, the step's shape for
//!   successes; fields the documentation does not name become notes, never failures.
//!
//! This is our own small pass over `serde_json::Value` rather than insta redactions,
//! because redactions are stateless and cannot number IDs consistently.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::shape::Shape;

use super::check::Window;

/// Keys whose values are timestamps.
const TIMESTAMP_KEYS: &[&str] = &["created", "modified", "sponsoredUntil"];

/// Arrays with no documented order.
const SET_KEYS: &[&str] = &["links", "tags", "types"];

/// The per-case normalizer: it keeps the ID numbering across the case's steps.
#[derive(Debug, Clone)]
pub struct Normalizer {
    owner: String,
    peer: Option<String>,
    window: Window,
    ids: BTreeMap<String, String>,
    counters: BTreeMap<String, usize>,
}

impl Normalizer {
    pub fn new(owner: &str, peer: Option<&str>, window: Window) -> Self {
        Normalizer {
            owner: owner.to_string(),
            peer: peer.map(str::to_string),
            window,
            ids: BTreeMap::new(),
            counters: BTreeMap::new(),
        }
    }

    /// Normalize `value`, projected onto `shape` when given. Returns the normalized value
    /// and notes (the undocumented fields the projection dropped, with where).
    pub fn normalize(&mut self, value: &Value, shape: Option<&Shape>) -> (Value, Vec<String>) {
        let mut extras = Vec::new();
        let mut value = match shape {
            Some(shape) => project(value, shape, "", &mut extras),
            None => value.clone(),
        };
        let notes = if extras.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "fields the documentation does not name (left out of the snapshot): {}",
                extras.join(", ")
            )]
        };
        // Sort sets by their raw values first so that numbering IDs met only inside a set
        // does not depend on the endpoint's order, then again after renaming.
        sort_sets(&mut value);
        let mut out = self.walk(&value, None);
        sort_sets(&mut out);
        (out, notes)
    }

    /// The placeholder for an ID or user ID, if `s` is one.
    fn rename(&mut self, s: &str) -> Option<String> {
        if s == self.owner {
            return Some("[owner]".into());
        }
        if self.peer.as_deref() == Some(s) {
            return Some("[peer]".into());
        }
        let (class, rest) = s.split_once('-')?;
        let is_id = !class.is_empty()
            && class.bytes().all(|b| b.is_ascii_lowercase())
            && rest.len() == 24
            && rest.bytes().all(|b| b.is_ascii_alphanumeric());
        if !is_id {
            return None;
        }
        if let Some(known) = self.ids.get(s) {
            return Some(known.clone());
        }
        let n = self.counters.entry(class.to_string()).or_insert(0);
        *n += 1;
        let placeholder = format!("[{class}-{n}]");
        self.ids.insert(s.to_string(), placeholder.clone());
        Some(placeholder)
    }

    fn walk(&mut self, value: &Value, key: Option<&str>) -> Value {
        match value {
            Value::String(s) => {
                if let Some(free @ ("message" | "detail")) = key {
                    return Value::String(if s.is_empty() {
                        format!("[empty {free}: documented as non-empty]")
                    } else {
                        format!("[{free}]")
                    });
                }
                match self.rename(s) {
                    Some(p) => Value::String(p),
                    None => value.clone(),
                }
            }
            Value::Number(n) if key.is_some_and(|k| TIMESTAMP_KEYS.contains(&k)) => {
                match n.as_i64() {
                    Some(ms) if self.window.contains(ms) => Value::String("[timestamp]".into()),
                    _ => Value::String(format!("[not a timestamp in ms within the run: {n}]")),
                }
            }
            Value::Array(items) => Value::Array(items.iter().map(|v| self.walk(v, None)).collect()),
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let name = self.rename(k).unwrap_or_else(|| k.clone());
                    out.insert(name, self.walk(v, Some(k)));
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
}

/// `value` with only the fields `shape` documents, recursively; the pointers of the fields
/// dropped go to `extras`. A value that does not have the shape's form (an array where a
/// mapping is documented) is kept as it is, so that the comparison shows it.
pub fn project(value: &Value, shape: &Shape, at: &str, extras: &mut Vec<String>) -> Value {
    match (shape, value) {
        (Shape::Object(fields), Value::Object(map)) => {
            let mut out = Map::new();
            for (k, v) in map {
                let here = format!("{at}/{k}");
                match fields.iter().find(|f| f.name == k) {
                    Some(f) if matches!(f.shape, Shape::Free) => {}
                    Some(f) => {
                        out.insert(k.clone(), project(v, &f.shape, &here, extras));
                    }
                    None => extras.push(here),
                }
            }
            Value::Object(out)
        }
        (Shape::Array(element), Value::Array(items)) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| project(v, element, &format!("{at}/{i}"), extras))
                .collect(),
        ),
        (Shape::Map(inner), Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), project(v, inner, &format!("{at}/{k}"), extras)))
                .collect(),
        ),
        _ => value.clone(),
    }
}

fn sort_sets(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(sort_sets),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                sort_sets(v);
                if SET_KEYS.contains(&k.as_str())
                    && let Value::Array(items) = v
                {
                    items.sort_by_key(|x| x.to_string());
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const R1: &str = "record-B0000000000000000000000Q";
    const R2: &str = "record-Bzzzzzzzzzzzzzzzzzzzzzzz";
    const P: &str = "project-B0000000000000000000000Q";

    fn normalizer() -> Normalizer {
        Normalizer::new(
            "user-alice",
            Some("user-bob"),
            Window::new(super::super::check::now_ms()),
        )
    }

    #[test]
    fn ids_are_numbered_by_first_appearance_across_steps() {
        let mut n = normalizer();
        let (a, _) = n.normalize(&json!({"id": R2, "project": P}), None);
        assert_eq!(a, json!({"id": "[record-1]", "project": "[project-1]"}));
        let (b, _) = n.normalize(
            &json!({"id": R1, "links": [R1, R2], "createdBy": {"user": "user-alice"}}),
            None,
        );
        assert_eq!(
            b,
            json!({"id": "[record-2]", "links": ["[record-1]", "[record-2]"], "createdBy": {"user": "[owner]"}})
        );
        let (c, _) = n.normalize(&json!({"permissions": {"user-bob": "VIEW"}}), None);
        assert_eq!(c, json!({"permissions": {"[peer]": "VIEW"}}));
    }

    #[test]
    fn malformed_ids_stay_visible() {
        let mut n = normalizer();
        let (a, _) = n.normalize(&json!({"id": "record-123"}), None);
        assert_eq!(a, json!({"id": "record-123"}));
    }

    #[test]
    fn timestamps_and_messages() {
        let mut n = normalizer();
        let now = super::super::check::now_ms();
        let (a, _) = n.normalize(
            &json!({"created": now, "modified": now / 1000, "error": {"type": "X", "message": "m"}}),
            None,
        );
        assert_eq!(a["created"], json!("[timestamp]"));
        assert!(
            a["modified"]
                .as_str()
                .unwrap()
                .starts_with("[not a timestamp")
        );
        assert_eq!(a["error"], json!({"type": "X", "message": "[message]"}));
        let (b, _) = n.normalize(&json!({"error": {"message": ""}}), None);
        assert_ne!(b["error"]["message"], json!("[message]"));
        let (c, _) = n.normalize(&json!({"id": "x", "detail": "already closed"}), None);
        assert_eq!(c["detail"], json!("[detail]"));
        let (d, _) = n.normalize(&json!({"detail": ""}), None);
        assert_ne!(d["detail"], json!("[detail]"));
    }

    #[test]
    fn sets_sorted_and_projection_notes_extras() {
        use crate::shape::{Field, Shape};
        static INNER: Shape = Shape::Object(&[Field::new("user", "a#u")]);
        static SHAPE: Shape = Shape::Object(&[
            Field::new("tags", "a#t"),
            Field::new("types", "a#y"),
            Field::new("name", "a#n"),
            Field::new("createdBy", "a#c").of(INNER),
            Field::new("results", "a#r").of(Shape::Array(&INNER)),
            Field::new("details", "a#d").of(Shape::Free),
        ]);
        let mut n = normalizer();
        let (a, notes) = n.normalize(
            &json!({"tags": ["b", "a"], "types": ["z", "y"], "name": "x", "extra": 1,
                    "createdBy": {"user": "u", "job": "j"}, "details": {"k": 1},
                    "results": [{"user": "v"}, {"user": "w", "more": true}]}),
            Some(&SHAPE),
        );
        assert_eq!(
            a,
            json!({"tags": ["a", "b"], "types": ["y", "z"], "name": "x",
                   "createdBy": {"user": "u"}, "results": [{"user": "v"}, {"user": "w"}]})
        );
        assert_eq!(notes.len(), 1);
        for extra in ["/extra", "/createdBy/job", "/results/1/more"] {
            assert!(notes[0].contains(extra), "{notes:?}");
        }
        assert!(!notes[0].contains("details"));
        // A value of another form is kept, so that the comparison shows it.
        let (b, _) = n.normalize(&json!({"createdBy": ["u"]}), Some(&SHAPE));
        assert_eq!(b, json!({"createdBy": ["u"]}));
    }
}
