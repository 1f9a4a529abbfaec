//! The file fields of a data object's describe, wherever one is made (`/file-xxxx/describe`,
//! listFolder, findDataObjects, describeDataObjects): `media` and `archivalState` by
//! default, `size` by default once closed, `parts` only on request.
//!
//! Readings (spec §8b, open questions 5 to 7): `size` is left out until the file is closed
//! (the docs' closing sample shows none); `parts` maps each index, as a decimal string, to
//! its `size`, `md5` and `state` (`pending` or `complete`), `{}` for a new file. `drive`,
//! `md5`, `checksumType` and `symlinkPath` belong to symlinked files and are never sent:
//! their presence switches clients to another download path.

use serde_json::{Map, Value, json};

use super::super::fields::Fields;
use super::super::store::{Object, State};

/// The fields a describe of a file may add to the record fields.
pub const FILE_FIELDS: &[&str] = &["media", "archivalState", "size", "parts"];

/// [DOC] The archival state of every file here: the reference server never archives.
pub const ARCHIVAL_STATE: &str = "live";

/// Add `obj`'s file fields that `fields` selects to `out` (nothing for other classes).
pub fn add_fields(obj: &Object, fields: &Fields, out: &mut Map<String, Value>) {
    let Some(file) = &obj.file else {
        return;
    };
    if fields.has("media") {
        out.insert("media".into(), json!(file.media));
    }
    if fields.has("archivalState") {
        out.insert("archivalState".into(), json!(ARCHIVAL_STATE));
    }
    if fields.has("size")
        && obj.state == State::Closed
        && let Some(size) = file.size
    {
        out.insert("size".into(), json!(size));
    }
    if fields.has("parts") {
        let parts: Map<String, Value> = file
            .parts
            .iter()
            .map(|(i, p)| {
                let part = json!({"size": p.size, "md5": p.md5, "state": p.state.as_str()});
                (i.to_string(), part)
            })
            .collect();
        out.insert("parts".into(), Value::Object(parts));
    }
}
