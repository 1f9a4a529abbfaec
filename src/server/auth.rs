//! Authentication: `Authorization: Bearer <token>` to a user ID.
//!
//! No header is PermissionDenied, as the platform is observed to answer (spec §3; the
//! type is [`Auth::missing_token`]); a header that is not a bearer token, or a token
//! nobody was issued, is InvalidAuthentication. Both are 401 through the status table.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

use super::error::{ApiError, ErrorType};
use super::rules::Auth;
use super::store::Store;

/// The authenticated user's ID.
pub fn authenticate(store: &Store, headers: &HeaderMap, rules: &Auth) -> Result<String, ApiError> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Err(ApiError::new(
            rules.missing_token,
            "No Authorization header was given; a bearer token is required",
        ));
    };
    let bad = || {
        ApiError::new(
            ErrorType::InvalidAuthentication,
            "The token could not be found or is invalid",
        )
    };
    let value = value.to_str().map_err(|_| bad())?;
    // The scheme is case-insensitive (RFC 7235); dxpy always sends `Bearer`.
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(bad)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(bad());
    }
    store.tokens.get(token.trim()).cloned().ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(v: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = v {
            h.insert(AUTHORIZATION, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn bearer_tokens_map_to_users() {
        let mut s = Store::default();
        s.add_user("alice", "secret");
        let rules = crate::server::rules::Rules::default().auth;
        let authenticate = |s: &Store, h: &HeaderMap| authenticate(s, h, &rules);
        assert_eq!(
            authenticate(&s, &headers(Some("Bearer secret"))).unwrap(),
            "user-alice"
        );
        assert_eq!(
            authenticate(&s, &headers(None)).unwrap_err().kind,
            ErrorType::PermissionDenied
        );
        for bad in ["Bearer nope", "Basic secret", "secret", "Bearer", ""] {
            assert_eq!(
                authenticate(&s, &headers(Some(bad))).unwrap_err().kind,
                ErrorType::InvalidAuthentication,
                "{bad}"
            );
        }
    }
}
