//! Placeholder substitution, exactly as `src/case.rs` documents it.
//!
//! `$name` (letters, digits, `_`) is a variable: a built-in (`$project`, `$owner`, `$run`
//! ...) or a value captured by an earlier step. `$pad(N,TAIL)` is a string of exactly `N`
//! UTF-8 bytes. `$md5(N,SEED)` and `$md5b64(N,SEED)` are the hex and base64 MD5 of the
//! blob of `N` bytes of seed `SEED` (see [`crate::blob`]): the file cases' part checksums. `$$` is a literal `$`; `$dnanexus_link` is the API's reserved key and is
//! left alone. A JSON string that is exactly one placeholder becomes the variable's JSON
//! value whatever its type; inside a longer string the value must be a string.
//!
//! The same scanner serves [`placeholders`], which `prepare` uses to reject unknown
//! names at start-up.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::blob::{Blob, blob_md5};

/// The reserved key of the API's link objects: never a placeholder.
const LINK_KEY: &str = "dnanexus_link";

/// The variables a case can use, by name without `$`.
pub type Vars = BTreeMap<String, Value>;

/// One piece of a string with placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Var(&'a str),
    Pad(usize, &'a str),
    /// The MD5 of a blob: hex, or base64 when `.1` is true.
    Md5(Blob, bool),
    /// `$repeat(N,TEXT)`: an array of N copies of TEXT (as JSON when it parses, else as a
    /// string), for limits on list lengths; only as a whole JSON string.
    Repeat(usize, &'a str),
}

/// `N,SEED` of `$md5(N,SEED)`.
fn blob_args(args: &str, text: &str) -> Result<Blob, String> {
    let (n, seed) = args
        .split_once(',')
        .ok_or_else(|| format!("$md5 needs N,SEED in {text:?}"))?;
    let len = n
        .trim()
        .parse()
        .map_err(|_| format!("$md5: {n:?} is not a byte count in {text:?}"))?;
    let seed = seed
        .trim()
        .parse()
        .map_err(|_| format!("$md5: {seed:?} is not a seed (0-255) in {text:?}"))?;
    Ok(Blob { len, seed })
}

/// Split `text` into literal text and placeholders.
fn scan(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        if at > 0 {
            pieces.push(Piece::Text(&rest[..at]));
        }
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            pieces.push(Piece::Text("$"));
            rest = tail;
        } else if let Some((args, b64)) = after
            .strip_prefix("md5(")
            .map(|a| (a, false))
            .or_else(|| after.strip_prefix("md5b64(").map(|a| (a, true)))
        {
            let close = args
                .find(')')
                .ok_or_else(|| format!("unterminated $md5( in {text:?}"))?;
            pieces.push(Piece::Md5(blob_args(&args[..close], text)?, b64));
            rest = &args[close + 1..];
        } else if let Some(args) = after.strip_prefix("repeat(") {
            let close = args
                .rfind(')')
                .ok_or_else(|| format!("unterminated $repeat( in {text:?}"))?;
            let (n, item) = args[..close]
                .split_once(',')
                .ok_or_else(|| format!("$repeat needs N,TEXT in {text:?}"))?;
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("$repeat: {n:?} is not a count in {text:?}"))?;
            pieces.push(Piece::Repeat(n, item));
            rest = &args[close + 1..];
        } else if let Some(args) = after.strip_prefix("pad(") {
            let close = args
                .find(')')
                .ok_or_else(|| format!("unterminated $pad( in {text:?}"))?;
            let (n, tail) = args[..close]
                .split_once(',')
                .ok_or_else(|| format!("$pad needs N,TAIL in {text:?}"))?;
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("$pad: {n:?} is not a byte count in {text:?}"))?;
            if tail.len() > n {
                return Err(format!(
                    "$pad({n},{tail}): the tail alone is {} bytes",
                    tail.len()
                ));
            }
            pieces.push(Piece::Pad(n, tail));
            rest = &args[close + 1..];
        } else {
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..len];
            if name.is_empty() {
                return Err(format!(
                    "a lone `$` in {text:?} (write `$$` for a literal dollar)"
                ));
            }
            if name == LINK_KEY {
                pieces.push(Piece::Text(&rest[at..at + 1 + len]));
            } else {
                pieces.push(Piece::Var(name));
            }
            rest = &after[len..];
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

/// The variable names a string uses (without `$`).
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    Ok(scan(text)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Var(name) => Some(name.to_string()),
            _ => None,
        })
        .collect())
}

/// Every variable name used in the strings (keys included) of a JSON value.
pub fn placeholders_in(value: &Value) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    walk_strings(value, &mut |s| {
        out.extend(placeholders(s)?);
        Ok(())
    })?;
    Ok(out)
}

fn walk_strings(
    value: &Value,
    f: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().try_for_each(|v| walk_strings(v, f)),
        Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            f(k)?;
            walk_strings(v, f)
        }),
        _ => Ok(()),
    }
}

fn pad(n: usize, tail: &str) -> String {
    let mut s = "a".repeat(n - tail.len());
    s.push_str(tail);
    s
}

fn lookup<'v>(vars: &'v Vars, name: &str) -> Result<&'v Value, String> {
    vars.get(name)
        .ok_or_else(|| format!("unknown placeholder `${name}`"))
}

/// Substitute inside a string, splicing each value in (a string value as it is, any other
/// value is an error: a table bug).
pub fn splice(text: &str, vars: &Vars) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    for piece in scan(text)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Pad(n, tail) => out.push_str(&pad(n, tail)),
            Piece::Md5(b, b64) => out.push_str(&blob_md5(b, b64)),
            Piece::Repeat(..) => {
                return Err(format!(
                    "$repeat makes an array: it must be a whole JSON string, not part of {text:?}"
                ));
            }
            Piece::Var(name) => match lookup(vars, name)? {
                Value::String(s) => out.push_str(s),
                other => {
                    return Err(format!(
                        "`${name}` is {other}, not a string, and cannot be spliced into {text:?}"
                    ));
                }
            },
        }
    }
    Ok(out)
}

/// Substitute inside raw body text: like [`splice`], but a non-string value is written
/// as its JSON text, since a raw body is bytes rather than one JSON string.
pub fn splice_raw(text: &str, vars: &Vars) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    for piece in scan(text)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Pad(n, tail) => out.push_str(&pad(n, tail)),
            Piece::Md5(b, b64) => out.push_str(&blob_md5(b, b64)),
            Piece::Repeat(..) => {
                return Err(format!(
                    "$repeat makes an array: it must be a whole JSON string, not part of {text:?}"
                ));
            }
            Piece::Var(name) => match lookup(vars, name)? {
                Value::String(s) => out.push_str(s),
                other => out.push_str(&other.to_string()),
            },
        }
    }
    Ok(out)
}

/// Substitute a JSON string value: exactly one variable gives the variable's value.
fn string_value(text: &str, vars: &Vars) -> Result<Value, String> {
    let pieces = scan(text)?;
    if let [Piece::Var(name)] = pieces.as_slice() {
        return lookup(vars, name).cloned();
    }
    if let [Piece::Repeat(n, item)] = pieces.as_slice() {
        let one = serde_json::from_str(item).unwrap_or_else(|_| Value::String(item.to_string()));
        return Ok(Value::Array(vec![one; *n]));
    }
    splice(text, vars).map(Value::String)
}

/// Substitute in every string of a JSON value, keys included.
pub fn substitute(value: &Value, vars: &Vars) -> Result<Value, String> {
    Ok(match value {
        Value::String(s) => string_value(s, vars)?,
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| substitute(v, vars))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                out.insert(splice(k, vars)?, substitute(v, vars)?);
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars() -> Vars {
        let mut v = Vars::new();
        v.insert("rec".into(), json!("record-B"));
        v.insert("created".into(), json!(17));
        v.insert("project2".into(), json!("project-2"));
        v
    }

    #[test]
    fn whole_string_placeholder_keeps_the_json_type() {
        assert_eq!(substitute(&json!("$created"), &vars()).unwrap(), json!(17));
        assert_eq!(
            substitute(&json!({"$rec": ["$rec", "x$rec"]}), &vars()).unwrap(),
            json!({"record-B": ["record-B", "xrecord-B"]})
        );
    }

    #[test]
    fn longest_name_wins_and_dollar_escapes() {
        assert_eq!(splice("/$project2/x", &vars()).unwrap(), "/project-2/x");
        assert_eq!(splice("a$$b", &vars()).unwrap(), "a$b");
        assert_eq!(splice("$dnanexus_link", &vars()).unwrap(), "$dnanexus_link");
    }

    #[test]
    fn repeat_makes_arrays() {
        let v = Vars::new();
        let got = substitute(&serde_json::json!({"o": "$repeat(3,x)"}), &v).unwrap();
        assert_eq!(got, serde_json::json!({"o": ["x", "x", "x"]}));
        let got = substitute(&serde_json::json!("$repeat(2,{\"n\": 1})"), &v).unwrap();
        assert_eq!(got, serde_json::json!([{"n": 1}, {"n": 1}]));
        assert!(splice("a$repeat(2,x)", &v).is_err());
    }

    #[test]
    fn md5_of_blobs() {
        let v = Vars::new();
        assert_eq!(
            splice("$md5(0,1)", &v).unwrap(),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
        assert_eq!(
            splice("x$md5b64(0,1)", &v).unwrap(),
            "x1B2M2Y8AsgTpgAmY7PhCfg=="
        );
        assert!(splice("$md5(1)", &v).is_err());
        assert!(splice("$md5(1,300)", &v).is_err());
    }

    #[test]
    fn pad_counts_bytes() {
        let s = splice("$pad(100,é)", &vars()).unwrap();
        assert_eq!(s.len(), 100);
        assert!(s.ends_with('é') && s.starts_with("aaa"));
        assert_eq!(splice("$pad(3,)", &vars()).unwrap(), "aaa");
        assert!(splice("$pad(1,éé)", &vars()).is_err());
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(splice("$nope", &vars()).unwrap_err().contains("$nope"));
        assert!(
            splice("x$created", &vars())
                .unwrap_err()
                .contains("not a string")
        );
        assert!(splice("5 $", &vars()).unwrap_err().contains("$$"));
        assert_eq!(
            splice_raw("{\"n\": $created}", &vars()).unwrap(),
            "{\"n\": 17}"
        );
        assert_eq!(
            placeholders_in(&json!({"$a": "$b $$c $pad(2,x)"})).unwrap(),
            vec!["a".to_string(), "b".to_string()]
        );
    }
}
