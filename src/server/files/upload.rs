//! `/file-xxxx/upload`: a URL to PUT one part to.
//!
//! Inputs: `index` (default 1), `size` and `md5` (hex), which the URL is then bound to.
//! Readings where the docs are silent (spec §8b, open questions 2 and 3): `size` and `md5`
//! are required (InvalidInput when missing), `index` runs from 1 to `maximumNumParts` and
//! `size` up to `maximumPartSize`; an index without data becomes a `pending` part, and one
//! that holds data keeps it (`complete`) until a new PUT lands.

use base64::Engine;
use serde_json::{Map, Value, json};

use super::super::call::Call;
use super::super::error::{ApiResult, invalid_input, invalid_state, permission_denied};
use super::super::store::{State, Store, now_ms};
use super::data::{Part, PartState, UploadGrant};
use super::urls;

/// The part an upload names, as read from the input.
struct Wanted {
    index: u32,
    size: Option<u64>,
    md5: Option<String>,
}

fn read(call: &Call) -> ApiResult<Wanted> {
    let input = call.input();
    let rules = &call.rules.files;
    let index = match input.opt_int("index")? {
        None => 1,
        Some(i) => u32::try_from(i)
            .ok()
            .filter(|i| *i >= 1)
            .ok_or_else(|| invalid_input("Expected key \"index\" to be a positive integer"))?,
    };
    let size = match input.opt_int("size")? {
        None => None,
        Some(s) => Some(
            u64::try_from(s)
                .map_err(|_| invalid_input("Expected key \"size\" to be a non-negative integer"))?,
        ),
    };
    let md5 = match input.opt_str("md5")? {
        None => None,
        Some(m) if m.len() == 32 && m.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Some(m.to_ascii_lowercase())
        }
        Some(_) => {
            return Err(invalid_input(
                "Expected key \"md5\" to be the 32-character hexadecimal MD5 of the part",
            ));
        }
    };
    if rules.upload_requires_size_md5 && (size.is_none() || md5.is_none()) {
        return Err(invalid_input(
            "Expected keys \"size\" and \"md5\" to be present: the URL is made for those bytes",
        ));
    }
    Ok(Wanted { index, size, md5 })
}

/// The base64 of a hex digest (the `Content-MD5` header's form).
pub fn hex_to_base64(hex: &str) -> String {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `/file-xxxx/upload`.
pub fn upload(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let wanted = read(call)?;
    let rules = call.rules;
    let id = call.subject;
    store.require_on_object(id, call.user, rules.levels.create)?;
    let obj = store.object(id)?;
    let project = store.governing_project(obj).to_string();
    let p = store.project_mut(&project)?;
    if p.external_upload_restricted {
        return Err(permission_denied(format!(
            "{project} restricts uploads to jobs running in it"
        )));
    }
    let params = rules.files.parameters(&p.region);
    let obj = store.object_mut(id)?;
    if obj.state != State::Open && rules.files.upload_needs_open {
        return Err(invalid_state(format!(
            "{id} is not in the open state: parts can be uploaded only while a file is open"
        )));
    }
    if rules.files.upload_limits_checked {
        if u64::from(wanted.index) > params.maximum_num_parts {
            return Err(invalid_input(format!(
                "Expected key \"index\" to be at most {} (maximumNumParts)",
                params.maximum_num_parts
            )));
        }
        if wanted.size.is_some_and(|s| s > params.maximum_part_size) {
            return Err(invalid_input(format!(
                "Expected key \"size\" to be at most {} (maximumPartSize)",
                params.maximum_part_size
            )));
        }
    }
    let file = obj.file.get_or_insert_with(Default::default);
    let now = now_ms();
    file.uploads.retain(|_, g| g.expires > now);
    let token = urls::token();
    let expires = now + rules.transfer.upload_lifetime_ms;
    let size = wanted.size.unwrap_or(0);
    let md5 = wanted.md5.unwrap_or_default();
    file.uploads.insert(
        token.clone(),
        UploadGrant {
            index: wanted.index,
            size,
            md5: md5.clone(),
            expires,
        },
    );
    match file.parts.get_mut(&wanted.index) {
        // Data already there stays until a new PUT lands (our reading).
        Some(part) if part.state == PartState::Complete => {}
        Some(part) => (part.size, part.md5) = (size, md5.clone()),
        None => {
            let part = Part {
                state: PartState::Pending,
                size,
                md5: md5.clone(),
                blob: None,
                landed: 0,
            };
            file.parts.insert(wanted.index, part);
        }
    }
    let mut headers = Map::new();
    headers.insert("content-length".into(), json!(size.to_string()));
    if !md5.is_empty() {
        headers.insert("content-md5".into(), json!(hex_to_base64(&md5)));
    }
    for (k, v) in rules.transfer.extra_upload_headers {
        headers.insert((*k).into(), json!(v));
    }
    let base = urls::base(call.headers, &rules.transfer);
    Ok(json!({
        "url": urls::upload(&base, &rules.transfer, id, wanted.index, &token),
        "headers": headers,
        "expires": expires,
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_md5_is_base64_of_the_digest() {
        assert_eq!(
            super::hex_to_base64("d41d8cd98f00b204e9800998ecf8427e"),
            "1B2M2Y8AsgTpgAmY7PhCfg=="
        );
    }
}
