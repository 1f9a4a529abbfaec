//! Variants of files: ways a server may hand out transfer URLs, close files and describe
//! parts differently from the reference server while following the files page.

use axum::http::HeaderValue;
use axum::http::header::ETAG;

use super::Strictness::{Lenient, Strict};
use super::Variant;
use crate::server::edit::Edit;

/// The variants of this family, in the order their edits apply.
pub static VARIANTS: &[Variant] = &[
    Variant {
        name: "transfer-urls-elsewhere",
        freedom: "upload and download URLs may point at any host and path (clients use them as returned, as they do the platform's storage hosts)",
        strictness: Strict,
        edit: Edit::rules(|r| {
            r.transfer.host = Some("localhost");
            r.transfer.upload_prefix = "/storage/v1/put";
            r.transfer.download_prefix = "/storage/v1/get";
        }),
    },
    Variant {
        name: "closing-takes-a-while",
        freedom: "finalizing a file takes seconds to minutes (files page): a file reads `closing` for a while after close, then `closed`",
        strictness: Strict,
        edit: Edit::rules(|r| r.files.closing_ms = 400),
    },
    Variant {
        name: "url-expiry-whole-seconds",
        freedom: "a URL's lifetime is given in whole seconds (`duration`), and an endpoint may count it so, as a signature that carries seconds does: a URL then works until the end of the second it expires in",
        strictness: Strict,
        edit: Edit::rules(|r| r.transfer.expiry_whole_seconds = true),
    },
    Variant {
        name: "download-url-fresh-per-call",
        freedom: "a non-preauthenticated download URL that is the same on every call is only observed; a fresh one each time works as well",
        strictness: Lenient,
        edit: Edit::rules(|r| r.transfer.stable_download_urls = false),
    },
    Variant {
        name: "upload-headers-storage-style",
        freedom: "`/upload`'s `headers` are whatever the storage needs (the platform's carry `x-amz-server-side-encryption` and a content type); clients send them all back",
        strictness: Strict,
        edit: Edit::rules(|r| {
            r.transfer.extra_upload_headers = &[
                ("content-type", "binary/octet-stream"),
                ("x-amz-server-side-encryption", "AES256"),
            ];
        }),
    },
    Variant {
        name: "put-answers-204-with-etag",
        freedom: "a stored part may be answered with any 2xx (clients ignore the body), such as S3's empty answer with an `ETag`",
        strictness: Strict,
        edit: Edit::rules(|r| r.transfer.put_status = axum::http::StatusCode::NO_CONTENT)
            .and_headers(|seen, status, h| {
                if seen.is("transfer", "upload") && status.is_success() {
                    h.insert(ETAG, HeaderValue::from_static("\"dxconform-part\""));
                }
            }),
    },
    Variant {
        name: "parts-in-default-describe",
        freedom: "an older platform default sent `parts` in every describe of a file (the web uploader reads it so); only on request is our reading",
        strictness: Lenient,
        edit: Edit::rules(|r| r.describe.default_fields.push("parts")),
    },
];
