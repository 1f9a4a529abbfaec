//! Which fields a describe answer holds: the `fields` / `defaultFields` / deprecated-flag
//! rules shared by object and project describe (records page; spec §8, §9).
//!
//! Without `fields`: the defaults (unless `defaultFields: false`) plus each deprecated
//! flag set to true. With `fields`: the deprecated flags are ignored, `defaultFields`
//! defaults to false, and each named field is added (true) or removed (false). `id` is
//! always present. Unknown field names are ignored.

use serde_json::{Map, Value};

use super::error::{ApiResult, invalid_input};
use super::input::Input;

/// A selection of describe fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields(Vec<String>);

impl Fields {
    /// Read the selection from a describe input. `deprecated` names the top-level boolean
    /// flags the route still honours (`properties`, `details`, `folders`...);
    /// `flags_win` makes them count even beside `fields`, adding (true) or removing
    /// (false) their field, where the documented rule ignores them.
    pub fn read(
        input: Input,
        defaults: &[&str],
        deprecated: &[&str],
        flags_win: bool,
    ) -> ApiResult<Fields> {
        let fields = match input.get("fields") {
            None => None,
            Some(Value::Object(m)) => {
                if m.values().any(|v| !v.is_boolean()) {
                    return Err(invalid_input(
                        "Expected key \"fields\" to be a mapping of field names to booleans",
                    ));
                }
                Some(m)
            }
            Some(_) => {
                return Err(invalid_input(
                    "Expected key \"fields\" to be a mapping of field names to booleans",
                ));
            }
        };
        let default_fields = input.opt_bool("defaultFields")?;
        // The deprecated flags are type-checked even when `fields` makes them moot.
        let mut flags = Vec::new();
        for flag in deprecated {
            if let Some(on) = input.opt_bool(flag)? {
                flags.push((*flag, on));
            }
        }
        let mut out: Vec<String> = Vec::new();
        let mut add = |name: &str, out: &mut Vec<String>| {
            if !out.iter().any(|f| f == name) {
                out.push(name.to_string());
            }
        };
        match fields {
            None => {
                if default_fields.unwrap_or(true) {
                    defaults.iter().for_each(|d| add(d, &mut out));
                }
                for (flag, _) in flags.iter().filter(|(_, on)| *on) {
                    add(flag, &mut out);
                }
            }
            Some(m) => {
                if default_fields.unwrap_or(false) {
                    defaults.iter().for_each(|d| add(d, &mut out));
                }
                apply(m, &mut out, &mut add);
                if flags_win {
                    for (flag, on) in &flags {
                        if *on {
                            add(flag, &mut out);
                        } else {
                            out.retain(|f| f != flag);
                        }
                    }
                }
            }
        }
        Ok(Fields(out))
    }

    /// Everything in `all` (used where a route describes with a fixed selection).
    pub fn of(names: &[&str]) -> Fields {
        Fields(names.iter().map(|s| s.to_string()).collect())
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|f| f == name)
    }
}

fn apply(
    m: &Map<String, Value>,
    out: &mut Vec<String>,
    add: &mut impl FnMut(&str, &mut Vec<String>),
) {
    for (name, on) in m {
        if on.as_bool() == Some(true) {
            add(name, out);
        } else {
            out.retain(|f| f != name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const D: &[&str] = &["name", "tags", "state"];
    const DEP: &[&str] = &["properties", "details"];

    fn sel(v: Value) -> ApiResult<Fields> {
        Fields::read(Input(v.as_object().unwrap()), D, DEP, false)
    }

    #[test]
    fn defaults_and_deprecated_flags() {
        let f = sel(json!({})).unwrap();
        assert!(f.has("name") && !f.has("properties"));
        let f = sel(json!({"properties": true})).unwrap();
        assert!(f.has("name") && f.has("properties") && !f.has("details"));
        let f = sel(json!({"defaultFields": false, "details": true})).unwrap();
        assert!(!f.has("name") && f.has("details"));
    }

    #[test]
    fn fields_restrict_and_ignore_deprecated_flags() {
        let f = sel(json!({"fields": {"name": true, "tags": true}, "properties": true})).unwrap();
        assert_eq!(f, Fields::of(&["name", "tags"]));
        let f = sel(json!({"fields": {"properties": true, "name": false}, "defaultFields": true}))
            .unwrap();
        assert!(f.has("properties") && f.has("tags") && !f.has("name") && !f.has("details"));
    }

    #[test]
    fn winning_flags_count_beside_fields() {
        let v = json!({"fields": {"name": true, "details": true}, "properties": true, "details": false});
        let f = Fields::read(Input(v.as_object().unwrap()), D, DEP, true).unwrap();
        assert_eq!(f, Fields::of(&["name", "properties"]));
    }

    #[test]
    fn bad_shapes_are_invalid_input() {
        for bad in [
            json!({"fields": []}),
            json!({"fields": {"name": 1}}),
            json!({"defaultFields": "yes"}),
            json!({"properties": "yes"}),
            json!({"fields": {"name": true}, "details": 0}),
        ] {
            assert!(sel(bad).is_err());
        }
    }
}
