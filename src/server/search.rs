//! Search: placeholder until step 4.
use super::error::ApiResult;
use super::routes::Call;
use super::store::Store;
use serde_json::{Value, json};
pub fn call(_store: &mut Store, _call: &Call) -> ApiResult<Value> {
    Ok(json!({"results": [], "next": null}))
}
