//! What a route handler is given: the [`Call`] (the request as the protocol layer has
//! checked it) and the [`Handler`] type every route module's functions have.
//!
//! This sits below the route table: handlers import it, the table imports the handlers,
//! and nothing here imports either, so adding a route family adds no import circle.

use axum::http::HeaderMap;
use serde_json::{Map, Value};

use super::error::ApiResult;
use super::input::Input;
use super::rules::Rules;
use super::store::Store;

/// A route handler: the store, locked for the whole call, and the call.
pub type Handler = fn(&mut Store, &Call) -> ApiResult<Value>;

/// Everything a route handler sees of a request.
pub struct Call<'a> {
    pub subject: &'a str,
    pub method: &'a str,
    pub body: &'a Value,
    /// The authenticated user's ID (empty only for routes without authentication).
    pub user: &'a str,
    pub headers: &'a HeaderMap,
    /// The rules in force: what the route must check and how.
    pub rules: &'a Rules,
}

impl<'a> Call<'a> {
    /// The body as an object (the protocol layer has checked it, except for
    /// `any_body` routes, which must not call this).
    pub fn input(&self) -> Input<'a> {
        static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
        Input(self.body.as_object().unwrap_or(&EMPTY))
    }
}
