//! The API's error: a documented error type and a human-readable message.
//!
//! Every failure a route can produce is an [`ApiError`]; the protocol layer turns it into
//! the `{"error": {"type", "message"}}` body, with the HTTP status that
//! [`super::rules::Statuses`] gives the type (the platform's error table, where a client
//! mistake is never a 5xx).

use serde_json::{Value, json};

/// The error types the reference server emits: exactly the ones dxpy has exception
/// classes for, so that every error stays typed in the official client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorType {
    MalformedJSON,
    InvalidAuthentication,
    PermissionDenied,
    SpendingLimitExceeded,
    OrgExpired,
    ResourceNotFound,
    MethodNotAllowed,
    InvalidInput,
    InvalidState,
    InvalidType,
    RateLimitConditional,
    InternalError,
    ServiceUnavailable,
}

impl ErrorType {
    /// The `error.type` string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::MalformedJSON => "MalformedJSON",
            ErrorType::InvalidAuthentication => "InvalidAuthentication",
            ErrorType::PermissionDenied => "PermissionDenied",
            ErrorType::SpendingLimitExceeded => "SpendingLimitExceeded",
            ErrorType::OrgExpired => "OrgExpired",
            ErrorType::ResourceNotFound => "ResourceNotFound",
            ErrorType::MethodNotAllowed => "MethodNotAllowed",
            ErrorType::InvalidInput => "InvalidInput",
            ErrorType::InvalidState => "InvalidState",
            ErrorType::InvalidType => "InvalidType",
            ErrorType::RateLimitConditional => "RateLimitConditional",
            ErrorType::InternalError => "InternalError",
            ErrorType::ServiceUnavailable => "ServiceUnavailable",
        }
    }
}

/// A failed API call.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub kind: ErrorType,
    /// Never empty: clients print it.
    pub message: String,
    /// `Retry-After` seconds, for throttling answers (503/429) only.
    pub retry_after: Option<u64>,
}

/// What every route returns.
pub type ApiResult<T = Value> = Result<T, ApiError>;

impl ApiError {
    pub fn new(kind: ErrorType, message: impl Into<String>) -> Self {
        let mut message = message.into();
        if message.is_empty() {
            message = kind.as_str().to_string();
        }
        ApiError {
            kind,
            message,
            retry_after: None,
        }
    }

    /// The JSON error body.
    pub fn body(&self) -> Value {
        json!({"error": {"type": self.kind.as_str(), "message": self.message}})
    }
}

/// Short constructors, so route code reads as the documentation's error lists do.
pub fn invalid_input(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::InvalidInput, message)
}
pub fn invalid_state(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::InvalidState, message)
}
pub fn invalid_type(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::InvalidType, message)
}
pub fn permission_denied(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::PermissionDenied, message)
}
pub fn malformed_json(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::MalformedJSON, message)
}

/// ResourceNotFound in the platform's observed wording.
pub fn not_found(entity: &str) -> ApiError {
    ApiError::new(
        ErrorType::ResourceNotFound,
        format!("The entity {entity} could not be found"),
    )
}

/// ResourceNotFound with a message of our own (a folder, a copy in a project).
pub fn not_found_msg(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorType::ResourceNotFound, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_type_and_non_empty_message() {
        let e = ApiError::new(ErrorType::InvalidState, "");
        assert_eq!(e.body()["error"]["type"], "InvalidState");
        assert_eq!(e.body()["error"]["message"], "InvalidState");
        assert_eq!(
            not_found("None").message,
            "The entity None could not be found"
        );
    }
}
