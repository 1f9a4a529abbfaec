//! Folders: placeholder until step 3.
use super::error::{ApiResult, not_found};
use super::routes::Call;
use super::store::Store;
use serde_json::Value;
pub const METHODS: &[&str] = &[];
pub fn call(_store: &mut Store, call: &Call) -> ApiResult<Value> {
    Err(not_found(call.subject))
}
