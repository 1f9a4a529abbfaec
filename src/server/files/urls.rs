//! The URLs the API hands out for the transfer endpoints, and the credentials in them.
//!
//! A URL carries its own credential: a random token (24 characters of the ID alphabet,
//! as unguessable as an ID) that the file's metadata maps to what it allows (one part of
//! one size and MD5, or a download of one copy) and until when. The forms are
//! `<base><upload prefix>/<file>/<index>/<token>` and
//! `<base><download prefix>/<file>/<token>/<filename>`: the download URL contains the
//! file's ID and ends with the filename ([OBSERVED]: `wget` saves it under that name), with
//! no query string. Both prefixes have two components, so no `/subject/method` API route
//! can ever be one of these paths.
//!
//! `<base>` is `http://` and the host the API call was made to (the `Host` header), so the
//! URLs reach this same server from wherever the caller is; the rules may name another
//! host, which clients must follow as they do the platform's storage hosts. Behind a
//! reverse proxy (TLS in front of `serve`), the proxy's `X-Forwarded-Proto` and
//! `X-Forwarded-Host` name the scheme and host the caller used, as is the custom: the URLs
//! then lead back through the proxy.

use axum::http::HeaderMap;
use axum::http::header::HOST;

use super::super::ids::{self, ALPHABET};
use super::super::rules::Transfer;

/// A fresh credential for a URL.
pub fn token() -> String {
    let id = ids::generate("t", ALPHABET);
    id["t-".len()..].to_string()
}

/// The first value of a header a proxy may have appended to (`a, b`), if it is usable in
/// a URL's scheme or authority: no spaces, slashes, `@` or other delimiters.
fn forwarded<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    let first = headers.get(name)?.to_str().ok()?.split(',').next()?.trim();
    let usable = !first.is_empty()
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._:[]".contains(&b));
    usable.then_some(first)
}

/// `http://host[:port]` of the server the call in `headers` was made to (as a proxy in
/// front of it says, if one does), with the rules' host name in place of the caller's
/// when they name one.
pub fn base(headers: &HeaderMap, rules: &Transfer) -> String {
    let scheme = match forwarded(headers, "x-forwarded-proto") {
        Some(p) if p.eq_ignore_ascii_case("https") => "https",
        _ => "http",
    };
    let host = forwarded(headers, "x-forwarded-host")
        .or_else(|| {
            headers
                .get(HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| !h.is_empty())
        })
        .unwrap_or("localhost");
    let host = match rules.host {
        None => host.to_string(),
        Some(name) => match port_of(host) {
            Some(port) => format!("{name}:{port}"),
            None => name.to_string(),
        },
    };
    format!("{scheme}://{host}")
}

/// The port of a `Host` value (`127.0.0.1:8124`, `[::1]:8124`), if it names one.
fn port_of(host: &str) -> Option<&str> {
    let (_, port) = host.rsplit_once(':')?;
    (!port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !host.ends_with(']'))
        .then_some(port)
}

/// The URL of one part's PUT.
pub fn upload(base: &str, rules: &Transfer, file: &str, index: u32, token: &str) -> String {
    format!("{base}{}/{file}/{index}/{token}", rules.upload_prefix)
}

/// The URL of a download: its last segment is the filename, percent-encoded (unless the
/// rules leave the name out).
pub fn download(base: &str, rules: &Transfer, file: &str, token: &str, filename: &str) -> String {
    let last = if rules.filename_last {
        encode_segment(filename)
    } else {
        "download".to_string()
    };
    format!("{base}{}/{file}/{token}/{last}", rules.download_prefix)
}

/// A path segment: every byte but RFC 3986's unreserved characters percent-encoded, so a
/// name with `/`, `?` or spaces stays one segment.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("download");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn urls_name_the_host_called_and_end_with_the_filename() {
        let mut h = HeaderMap::new();
        h.insert(HOST, HeaderValue::from_static("127.0.0.1:8124"));
        let rules = Transfer::default();
        let b = base(&h, &rules);
        assert_eq!(b, "http://127.0.0.1:8124");
        assert_eq!(
            download(&b, &rules, "file-x", "tok", "a b/é.txt"),
            "http://127.0.0.1:8124/F/D/file-x/tok/a%20b%2F%C3%A9.txt"
        );
        assert_eq!(
            upload(&b, &rules, "file-x", 3, "tok"),
            "http://127.0.0.1:8124/F/U/file-x/3/tok"
        );
        let other = Transfer {
            host: Some("localhost"),
            ..Transfer::default()
        };
        assert_eq!(base(&h, &other), "http://localhost:8124");
        h.insert(HOST, HeaderValue::from_static("[::1]"));
        assert_eq!(base(&h, &other), "http://localhost");
        assert_eq!(encode_segment(""), "download");
    }

    #[test]
    fn a_proxy_in_front_names_the_scheme_and_host() {
        let mut h = HeaderMap::new();
        h.insert(HOST, HeaderValue::from_static("127.0.0.1:8124"));
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let rules = Transfer::default();
        assert_eq!(base(&h, &rules), "https://127.0.0.1:8124");
        h.insert(
            "x-forwarded-host",
            HeaderValue::from_static("dx.example.org:8443, inner"),
        );
        assert_eq!(base(&h, &rules), "https://dx.example.org:8443");
        // Anything that is not a plain scheme or authority is ignored.
        h.insert("x-forwarded-proto", HeaderValue::from_static("javascript"));
        h.insert("x-forwarded-host", HeaderValue::from_static("evil/path@x"));
        assert_eq!(base(&h, &rules), "http://127.0.0.1:8124");
    }

    #[test]
    fn tokens_are_fresh_and_url_safe() {
        let (a, b) = (token(), token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
    }
}
