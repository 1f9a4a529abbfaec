//! `/file-xxxx/close`: the parts are checked against the project's
//! `fileUploadParameters`, the size is fixed, and the file goes to `closing`, then
//! `closed`; it never reads `open` again.
//!
//! The checks are the five InvalidState rules of the platform's list ([CLIENT], dxfuse's
//! copy): no parts where an empty last part is allowed; a part still pending; a part
//! other than the highest-indexed under `minimumPartSize`; an empty highest-indexed part
//! where that is not allowed; more than `maximumFileSize` in all. The list says nothing
//! of gaps between indexes: they are allowed, as in S3 multipart uploads, and the content
//! is the parts in ascending index order (our reading). Closing a file that is already
//! closing or closed changes nothing and answers `detail` (lifecycle page).
//!
//! `closing` lasts the rules' closing delay: none by default (the reply already reads
//! `closed`), or `serve --closing-ms N`, after which the store settles the file `closed`.

use serde_json::{Value, json};

use super::super::call::Call;
use super::super::error::{ApiError, ApiResult, ErrorType, invalid_state, not_found};
use super::super::rules::{CloseRules, UploadParameters};
use super::super::store::{State, Store, now_ms};
use super::data::{FileData, PartState};

/// The first close rule the parts break, as the InvalidState message.
pub fn broken_rule(
    file: &FileData,
    params: &UploadParameters,
    rules: &CloseRules,
) -> Option<String> {
    let highest = file.parts.keys().next_back().copied();
    if rules.zero_parts && params.empty_last_part_allowed && file.parts.is_empty() {
        return Some("the file has no parts: upload at least one (it may be empty)".into());
    }
    if rules.pending
        && let Some((i, _)) = file
            .parts
            .iter()
            .find(|(_, p)| p.state == PartState::Pending)
    {
        return Some(format!("part {i} is still pending: its data never arrived"));
    }
    if rules.small_part
        && let Some((i, p)) = file
            .parts
            .iter()
            .find(|(i, p)| Some(**i) != highest && p.size < params.minimum_part_size)
    {
        return Some(format!(
            "part {i} has {} bytes; every part but the last needs {} (minimumPartSize)",
            p.size, params.minimum_part_size
        ));
    }
    if rules.empty_last_part
        && !params.empty_last_part_allowed
        && let Some(last) = highest.and_then(|i| file.parts.get(&i))
        && last.size == 0
    {
        return Some("the last part is empty, which this region does not allow".into());
    }
    let total: u64 = file.parts.values().map(|p| p.size).sum();
    if rules.file_too_big && total > params.maximum_file_size {
        return Some(format!(
            "the parts hold {total} bytes, more than {} (maximumFileSize)",
            params.maximum_file_size
        ));
    }
    None
}

/// `/file-xxxx/close`.
pub fn close(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let rules = call.rules;
    let id = call.subject;
    let obj = store.object(id)?;
    let project = store.governing_project(obj).to_string();
    if store.level(&project, call.user).is_none() {
        match rules.close.no_access {
            ErrorType::ResourceNotFound => return Err(not_found(id)),
            ErrorType::PermissionDenied => {}
            other => return Err(ApiError::new(other, "You have no access to this object")),
        }
    }
    store.require_on_object(id, call.user, rules.levels.close)?;
    let region = store.project_mut(&project)?.region.clone();
    let params = rules.files.parameters(&region);
    let obj = store.object_mut(id)?;
    if obj.state != State::Open {
        if !rules.close.again_changes_nothing {
            obj.touch();
        }
        return Ok(json!({
            "id": id,
            "detail": format!("{id} is already {}; nothing was changed", obj.state.as_str()),
        }));
    }
    let file = obj.file.get_or_insert_with(Default::default);
    if let Some(why) = broken_rule(file, &params, &rules.files.close) {
        return Err(invalid_state(format!("{id} cannot be closed: {why}")));
    }
    if !rules.close.closes {
        obj.touch();
        return Ok(json!({ "id": id }));
    }
    file.size = Some(
        file.content(rules.files.index_order)
            .iter()
            .map(|(_, p)| p.size)
            .sum(),
    );
    if !rules.close.keeps_metadata {
        obj.hidden = false;
    }
    obj.touch();
    if rules.files.closing_ms == 0 {
        obj.state = State::Closed;
    } else {
        obj.state = State::Closing;
        let at = now_ms().saturating_add(rules.files.closing_ms.min(i64::MAX as u64) as i64);
        store.closing.push((id.to_string(), at));
    }
    Ok(json!({ "id": id }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::files::data::Part;
    use crate::server::rules::Rules;

    fn file(parts: &[(u32, u64, PartState)]) -> FileData {
        let mut f = FileData::default();
        for (i, size, state) in parts {
            f.parts.insert(
                *i,
                Part {
                    state: *state,
                    size: *size,
                    md5: String::new(),
                    blob: None,
                    landed: 0,
                },
            );
        }
        f
    }

    #[test]
    fn the_five_rules() {
        use PartState::*;
        let r = Rules::default().files;
        let (aws, azure) = (r.aws, r.azure);
        let mib5 = 5 * 1024 * 1024;
        let check = |f: &FileData, p: &UploadParameters| broken_rule(f, p, &r.close);
        assert!(check(&file(&[]), &aws).unwrap().contains("no parts"));
        assert!(
            check(&file(&[]), &azure).is_none(),
            "no parts is fine where an empty last part is not"
        );
        assert!(
            check(&file(&[(1, 3, Pending)]), &aws)
                .unwrap()
                .contains("pending")
        );
        assert!(
            check(&file(&[(1, 3, Complete), (2, 1, Complete)]), &aws)
                .unwrap()
                .contains("minimumPartSize")
        );
        assert!(check(&file(&[(1, mib5, Complete), (2, 1, Complete)]), &aws).is_none());
        assert!(
            check(&file(&[(1, mib5, Complete), (7, 0, Complete)]), &aws).is_none(),
            "gaps and an empty last part"
        );
        assert!(
            check(&file(&[(1, 0, Complete)]), &azure)
                .unwrap()
                .contains("empty")
        );
        assert!(check(&file(&[(1, 3, Complete), (2, 1, Complete)]), &azure).is_none());
        let mut huge = aws;
        huge.maximum_file_size = 10;
        assert!(
            check(&file(&[(1, 11, Complete)]), &huge)
                .unwrap()
                .contains("maximumFileSize")
        );
    }
}
