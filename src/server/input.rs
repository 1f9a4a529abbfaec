//! Typed readers of JSON input fields. Each produces InvalidInput with a message naming
//! the field, so route code states what it accepts and nothing else. Unknown keys are
//! never looked at, which is how "unknown input keys are ignored" holds everywhere.
//!
//! The field rules (names, tags, types, properties, folders, nonces, links, project IDs)
//! are the team's reading of the spec and live here once, for every route that takes
//! such a field; the limits and link rules a server may set differently come from
//! [`super::rules`].

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::error::{ApiResult, invalid_input, invalid_type};
use super::ids;
use super::rules::{Limit, Limits, LinkRules, Objects};

/// Folder limits from the newer folders page: a path is under 10,240 characters, with at
/// most 128 levels (the root not counted: our reading), and a name holds at most 2,048
/// characters (characters, not bytes: our reading of "2,048 characters in UTF-8").
pub const MAX_PATH_CHARS: usize = 10_240;
pub const MAX_PATH_LEVELS: usize = 128;
pub const MAX_NAME_CHARS: usize = 2_048;

/// A request body known to be a JSON object.
#[derive(Clone, Copy)]
pub struct Input<'a>(pub &'a Map<String, Value>);

fn has_control(s: &str) -> bool {
    s.chars().any(|c| (c as u32) < 0x20)
}

impl<'a> Input<'a> {
    /// The field, treating JSON `null` like absence only where a route says so; here
    /// `null` is a present value of the wrong type.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    pub fn opt_str(&self, key: &str) -> ApiResult<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(invalid_input(format!(
                "Expected key \"{key}\" to be a string"
            ))),
        }
    }

    pub fn req_str(&self, key: &str) -> ApiResult<&'a str> {
        self.opt_str(key)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))
    }

    pub fn opt_bool(&self, key: &str) -> ApiResult<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(invalid_input(format!(
                "Expected key \"{key}\" to be a boolean"
            ))),
        }
    }

    pub fn bool_or(&self, key: &str, default: bool) -> ApiResult<bool> {
        Ok(self.opt_bool(key)?.unwrap_or(default))
    }

    pub fn opt_object(&self, key: &str) -> ApiResult<Option<&'a Map<String, Value>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m)),
            Some(_) => Err(invalid_input(format!(
                "Expected key \"{key}\" to be a mapping"
            ))),
        }
    }

    pub fn opt_array(&self, key: &str) -> ApiResult<Option<&'a Vec<Value>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(invalid_input(format!(
                "Expected key \"{key}\" to be an array"
            ))),
        }
    }

    /// An integer (a JSON number with an integral value that fits in i64).
    pub fn opt_int(&self, key: &str) -> ApiResult<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => int_value(v)
                .map(Some)
                .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be an integer"))),
        }
    }

    /// An object name: non-empty, no control characters.
    pub fn opt_name(&self, key: &str) -> ApiResult<Option<String>> {
        self.opt_str(key)?.map(|s| check_name(key, s)).transpose()
    }

    /// Tags: an array of non-empty strings, duplicates collapsed, order kept.
    pub fn opt_tags(&self, key: &str) -> ApiResult<Option<Vec<String>>> {
        self.get(key).map(|v| tags(key, v)).transpose()
    }

    pub fn req_tags(&self, key: &str) -> ApiResult<Vec<String>> {
        self.opt_tags(key)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))
    }

    /// Types: an array of strings matching `^[/0-9A-Za-z_-]+$`, each listed once, in the
    /// order given. The documented set leaves out `-`, but the page's own example
    /// `history-record` has it; accepting it is our SHOULD-level reading (`rules`).
    pub fn opt_types(&self, key: &str, rules: &Objects) -> ApiResult<Option<Vec<String>>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let bad = || {
            invalid_input(format!(
                "Expected key \"{key}\" to be an array of valid strings for a type name"
            ))
        };
        let allowed = |b: u8| {
            b.is_ascii_alphanumeric() || b == b'/' || b == b'_' || (rules.type_hyphen && b == b'-')
        };
        let arr = v.as_array().ok_or_else(bad)?;
        let mut out: Vec<String> = Vec::new();
        for t in arr {
            let s = t.as_str().ok_or_else(bad)?;
            let ok = !rules.type_names_checked || (!s.is_empty() && s.bytes().all(allowed));
            if !ok {
                return Err(bad());
            }
            if !out.iter().any(|x| x == s) {
                out.push(s.to_string());
            }
        }
        Ok(Some(out))
    }

    pub fn req_types(&self, key: &str, rules: &Objects) -> ApiResult<Vec<String>> {
        self.opt_types(key, rules)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))
    }

    /// Properties for creation: a mapping of string to string within the size limits.
    pub fn opt_properties(
        &self,
        key: &str,
        limits: &Limits,
    ) -> ApiResult<Option<BTreeMap<String, String>>> {
        let Some(m) = self.opt_object(key)? else {
            return Ok(None);
        };
        let mut out = BTreeMap::new();
        for (k, v) in m {
            let Value::String(s) = v else {
                return Err(invalid_input(format!(
                    "Expected each value of \"{key}\" to be a string"
                )));
            };
            check_property(k, s, limits)?;
            out.insert(k.clone(), s.clone());
        }
        Ok(Some(out))
    }

    /// A properties update: string sets, null deletes (merge semantics).
    pub fn req_property_update(
        &self,
        key: &str,
        limits: &Limits,
    ) -> ApiResult<Vec<(String, Option<String>)>> {
        let m = self
            .opt_object(key)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))?;
        let mut out = Vec::new();
        for (k, v) in m {
            match v {
                Value::String(s) => {
                    check_property(k, s, limits)?;
                    out.push((k.clone(), Some(s.clone())));
                }
                Value::Null => {
                    check_property(k, "", limits)?;
                    out.push((k.clone(), None));
                }
                _ => {
                    return Err(invalid_input(format!(
                        "Expected each value of \"{key}\" to be a string or null"
                    )));
                }
            }
        }
        Ok(out)
    }

    /// A folder path, normalised.
    pub fn opt_folder(&self, key: &str) -> ApiResult<Option<String>> {
        self.opt_str(key)?.map(|s| folder(key, s)).transpose()
    }

    pub fn req_folder(&self, key: &str) -> ApiResult<String> {
        self.opt_folder(key)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))
    }

    /// A project or container ID: a string (else InvalidInput), well-formed (else
    /// InvalidInput), of a container class (else InvalidType).
    pub fn opt_project(&self, key: &str) -> ApiResult<Option<&'a str>> {
        self.opt_str(key)?.map(|s| project_id(key, s)).transpose()
    }

    pub fn req_project(&self, key: &str) -> ApiResult<&'a str> {
        self.opt_project(key)?
            .ok_or_else(|| invalid_input(format!("Expected key \"{key}\" to be present")))
    }

    /// An array of well-formed IDs (any class).
    pub fn opt_ids(&self, key: &str) -> ApiResult<Option<Vec<String>>> {
        let Some(arr) = self.opt_array(key)? else {
            return Ok(None);
        };
        arr.iter()
            .map(|v| match v.as_str() {
                Some(s) if ids::class_of(s).is_some() => Ok(s.to_string()),
                _ => Err(invalid_input(format!(
                    "Expected key \"{key}\" to be an array of object IDs"
                ))),
            })
            .collect::<ApiResult<Vec<_>>>()
            .map(Some)
    }

    /// An array of folder paths, normalised.
    pub fn opt_folders(&self, key: &str) -> ApiResult<Option<Vec<String>>> {
        let Some(arr) = self.opt_array(key)? else {
            return Ok(None);
        };
        arr.iter()
            .map(|v| match v.as_str() {
                Some(s) => folder(key, s),
                None => Err(invalid_input(format!(
                    "Expected key \"{key}\" to be an array of folder paths"
                ))),
            })
            .collect::<ApiResult<Vec<_>>>()
            .map(Some)
    }

    /// A nonce: a string within `limit` (128 UTF-8 bytes).
    pub fn opt_nonce(&self, key: &str, limit: Limit) -> ApiResult<Option<&'a str>> {
        let n = self.opt_str(key)?;
        if let Some(s) = n
            && limit.exceeded_by(s)
        {
            return Err(invalid_input(format!(
                "Expected key \"{key}\" to be at most {} bytes",
                limit.max
            )));
        }
        Ok(n)
    }
}

/// An integral JSON number as i64.
pub fn int_value(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_i64() {
        return Some(i);
    }
    let f = v.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 9.0e18).then_some(f as i64)
}

pub fn check_name(key: &str, s: &str) -> ApiResult<String> {
    if s.is_empty() || has_control(s) {
        return Err(invalid_input(format!(
            "Expected key \"{key}\" to be a non-empty string without control characters"
        )));
    }
    Ok(s.to_string())
}

fn check_property(k: &str, v: &str, limits: &Limits) -> ApiResult<()> {
    if limits.property_key.exceeded_by(k) {
        return Err(invalid_input(format!(
            "Property keys must be at most {} bytes",
            limits.property_key.max
        )));
    }
    if limits.property_value.exceeded_by(v) {
        return Err(invalid_input(format!(
            "Property values must be at most {} bytes",
            limits.property_value.max
        )));
    }
    Ok(())
}

/// Tags from any value (also used by search filters).
pub fn tags(key: &str, v: &Value) -> ApiResult<Vec<String>> {
    let bad = || {
        invalid_input(format!(
            "Expected key \"{key}\" to be an array of non-empty strings"
        ))
    };
    let arr = v.as_array().ok_or_else(bad)?;
    let mut out: Vec<String> = Vec::new();
    for t in arr {
        match t.as_str() {
            Some(s) if !s.is_empty() => {
                if !out.iter().any(|x| x == s) {
                    out.push(s.to_string());
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

/// Normalise a folder path: it must start with `/`, hold no `.`/`..` component and no
/// control characters; runs of `/` collapse and a trailing `/` is dropped.
pub fn folder(key: &str, s: &str) -> ApiResult<String> {
    let bad = |why: &str| invalid_input(format!("Invalid folder path in \"{key}\": {why}"));
    if !s.starts_with('/') {
        return Err(bad("it must start with /"));
    }
    if has_control(s) {
        return Err(bad("it contains a control character"));
    }
    let parts: Vec<&str> = s.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err(bad("\".\" and \"..\" are not folder names"));
    }
    if parts.iter().any(|p| p.chars().count() > MAX_NAME_CHARS) {
        return Err(bad("a folder name is longer than 2,048 characters"));
    }
    if parts.len() > MAX_PATH_LEVELS {
        return Err(bad("it is too deep"));
    }
    let path = format!("/{}", parts.join("/"));
    if path.chars().count() >= MAX_PATH_CHARS {
        return Err(bad("it is too long"));
    }
    Ok(path)
}

/// Check a project ID read from input.
pub fn project_id<'s>(key: &str, s: &'s str) -> ApiResult<&'s str> {
    match ids::class_of(s) {
        None => Err(invalid_input(format!(
            "Expected key \"{key}\" to be a valid project or container ID"
        ))),
        Some(c) if ids::is_container_class(c) => Ok(s),
        Some(_) => Err(invalid_type(format!(
            "Expected key \"{key}\" to be a project or container ID, got {s}"
        ))),
    }
}

/// Check the links in a details value: a hash with `$dnanexus_link` has it as its only
/// key, and its value is an ID string or `{"id": ID, "project"?: ID}`, each as far as
/// `rules` enforce it. The object form is accepted because clients produce it (SHOULD
/// reading of the docs' conflict).
pub fn check_links(v: &Value, rules: LinkRules) -> ApiResult<()> {
    match v {
        Value::Object(m) => {
            if let Some(link) = m.get("$dnanexus_link") {
                if rules.sole_key && m.len() != 1 {
                    return Err(invalid_input(
                        "A hash with key \"$dnanexus_link\" must have no other keys",
                    ));
                }
                let ok = match link {
                    Value::String(s) => ids::class_of(s).is_some(),
                    Value::Object(o) => {
                        let id_ok = o
                            .get("id")
                            .and_then(Value::as_str)
                            .is_some_and(|s| ids::class_of(s).is_some());
                        let project_ok = o
                            .get("project")
                            .is_none_or(|p| p.as_str().is_some_and(|s| ids::class_of(s).is_some()));
                        let only_known = o.keys().all(|k| k == "id" || k == "project");
                        id_ok && project_ok && only_known
                    }
                    _ => false,
                };
                if rules.id_value && !ok {
                    return Err(invalid_input(
                        "The value of \"$dnanexus_link\" must be an object ID",
                    ));
                }
                return Ok(());
            }
            m.values().try_for_each(|c| check_links(c, rules))
        }
        Value::Array(a) => a.iter().try_for_each(|c| check_links(c, rules)),
        _ => Ok(()),
    }
}

/// Details: an object or an array, with links valid under `rules`.
pub fn details(v: &Value, rules: LinkRules) -> ApiResult<Value> {
    if !(v.is_object() || v.is_array()) {
        return Err(invalid_input("Details must be a JSON object or array"));
    }
    check_links(v, rules)?;
    Ok(v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::error::ErrorType;
    use serde_json::json;

    fn limits() -> Limits {
        crate::server::rules::Rules::default().limits
    }

    fn with<T>(v: Value, f: impl FnOnce(Input) -> T) -> T {
        f(Input(v.as_object().unwrap()))
    }

    #[test]
    fn folders_normalise() {
        assert_eq!(folder("f", "/a//b////c/").unwrap(), "/a/b/c");
        assert_eq!(folder("f", "/").unwrap(), "/");
        assert_eq!(folder("f", "//").unwrap(), "/");
        let long = format!("/{}", "n".repeat(MAX_NAME_CHARS));
        assert_eq!(folder("f", &long).unwrap(), long);
        assert!(folder("f", &format!("{long}n")).is_err());
        let deep = "/a".repeat(MAX_PATH_LEVELS);
        assert!(folder("f", &deep).is_ok());
        assert!(folder("f", &format!("{deep}/a")).is_err());
        for bad in ["", "a", "/a/../b", "/./a", "/a\u{1}"] {
            assert_eq!(
                folder("f", bad).unwrap_err().kind,
                ErrorType::InvalidInput,
                "{bad}"
            );
        }
    }

    #[test]
    fn tags_collapse_duplicates_in_order() {
        let t = with(json!({"tags": ["b", "a", "b"]}), |i| i.req_tags("tags")).unwrap();
        assert_eq!(t, vec!["b", "a"]);
        for bad in [json!(["a", ""]), json!("a"), json!([1])] {
            assert!(with(json!({ "tags": bad }), |i| i.opt_tags("tags")).is_err());
        }
    }

    #[test]
    fn property_limits_are_bytes() {
        let ok = json!({"p": {"a".repeat(100): "é".repeat(350)}});
        assert!(with(ok, |i| i.opt_properties("p", &limits())).is_ok());
        let long_key = json!({"p": {"a".repeat(101): "x"}});
        assert!(with(long_key, |i| i.opt_properties("p", &limits())).is_err());
        let long_value = json!({"p": {"k": format!("{}a", "é".repeat(350))}});
        assert!(with(long_value, |i| i.opt_properties("p", &limits())).is_err());
        assert!(
            with(json!({"p": {"k": null}}), |i| i
                .opt_properties("p", &limits()))
            .is_err()
        );
        let upd = with(json!({"p": {"k": null, "j": ""}}), |i| {
            i.req_property_update("p", &limits())
        })
        .unwrap();
        assert_eq!(upd.len(), 2);
    }

    #[test]
    fn project_ids_distinguish_malformed_and_wrong_class() {
        let k = |v| {
            with(json!({ "project": v }), |i| {
                i.req_project("project").map(str::to_owned)
            })
        };
        assert!(k(json!("project-000000000000000000000000")).is_ok());
        assert!(k(json!("container-000000000000000000000000")).is_ok());
        assert_eq!(
            k(json!("record-000000000000000000000000"))
                .unwrap_err()
                .kind,
            ErrorType::InvalidType
        );
        assert_eq!(
            k(json!("project-1")).unwrap_err().kind,
            ErrorType::InvalidInput
        );
        assert_eq!(k(json!(5)).unwrap_err().kind, ErrorType::InvalidInput);
    }

    #[test]
    fn links_must_be_sole_key_and_an_id() {
        let r = "record-000000000000000000000000";
        assert!(check_links(&json!({"x": {"$dnanexus_link": r}}), LinkRules::STRICT).is_ok());
        assert!(check_links(&json!([{"$dnanexus_link": {"id": r, "project": "project-000000000000000000000000"}}]), LinkRules::STRICT).is_ok());
        for bad in [
            json!({"$dnanexus_link": r, "x": 1}),
            json!({"$dnanexus_link": 5}),
            json!({"$dnanexus_link": null}),
            json!({"$dnanexus_link": [r]}),
            json!({"$dnanexus_link": {"job": "job-000000000000000000000000", "field": "x"}}),
            json!({"$dnanexus_link": "nope"}),
        ] {
            assert!(check_links(&bad, LinkRules::STRICT).is_err(), "{bad}");
        }
    }

    #[test]
    fn nonce_limit_is_128_bytes() {
        assert!(
            with(json!({"n": "a".repeat(128)}), |i| i
                .opt_nonce("n", limits().nonce)
                .map(|_| ()))
            .is_ok()
        );
        assert!(
            with(json!({"n": "a".repeat(129)}), |i| i
                .opt_nonce("n", limits().nonce)
                .map(|_| ()))
            .is_err()
        );
        assert!(
            with(json!({"n": 5}), |i| i
                .opt_nonce("n", limits().nonce)
                .map(|_| ()))
            .is_err()
        );
    }

    #[test]
    fn types_accept_dash_and_reject_unicode() {
        let rules = crate::server::rules::Rules::default().objects;
        let types =
            |v: Value, rules: &Objects| with(json!({ "t": v }), |i| i.opt_types("t", rules));
        assert_eq!(
            types(json!(["history-record", "a/b_C", "a/b_C"]), &rules).unwrap(),
            Some(vec!["history-record".to_string(), "a/b_C".to_string()])
        );
        for bad in [
            json!(["ΨΨ"]),
            json!([""]),
            json!(["a.b"]),
            json!([5]),
            json!("a"),
        ] {
            assert!(types(bad.clone(), &rules).is_err(), "{bad}");
        }
        let no_hyphen = Objects {
            type_hyphen: false,
            ..rules.clone()
        };
        assert!(types(json!(["history-record"]), &no_hyphen).is_err());
        let unchecked = Objects {
            type_names_checked: false,
            ..rules
        };
        assert!(types(json!(["ΨΨ", ""]), &unchecked).is_ok());
        assert!(types(json!([5]), &unchecked).is_err());
    }
}
