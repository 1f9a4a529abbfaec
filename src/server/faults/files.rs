//! Faults of files: the lifecycle, the part rules, `/file/new`, `/upload`, `/close`,
//! `/download`, describe's file fields, and the transfer endpoints (files page).

use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderValue, StatusCode};
use serde_json::{Value, json};

use super::Fault;
use crate::server::edit::Edit;

/// Whether an answer is a data-object describe of a file (its `id` says so).
fn file_describe(a: &crate::server::edit::Answer) -> bool {
    a.body
        .get("id")
        .and_then(Value::as_str)
        .is_some_and(|id| id.starts_with("file-"))
}

/// The faults of this family, in the order `dxconform faults` lists them.
pub static FAULTS: &[Fault] = &[
    // ---- the lifecycle ----
    Fault {
        name: "file-upload-after-close",
        description: "/file-xxxx/upload hands out URLs for a closed file, and the PUT rewrites its bytes",
        items: &["files#rule.upload-only-open", "files#rule.bytes-fixed"],
        edit: Edit::rules(|r| {
            r.files.upload_needs_open = false;
            r.transfer.put_needs_open = false;
        }),
    },
    Fault {
        name: "file-put-after-close",
        description: "a PUT to an upload URL handed out before close still lands once the file is closed",
        items: &["files#rule.bytes-fixed"],
        edit: Edit::rules(|r| r.transfer.put_needs_open = false),
    },
    Fault {
        name: "file-download-while-open",
        description: "/file-xxxx/download of an open file answers a URL",
        items: &["files#rule.download-only-closed"],
        edit: Edit::rules(|r| r.files.download_needs_closed = false),
    },
    Fault {
        name: "file-closed-reads-open",
        description: "after a successful close, describe of the file reads `open` again",
        items: &["file/close#rule.closing-then-closed"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is_data_describe()
                && file_describe(a)
                && let Some(state) = a.success_mut().and_then(|m| m.get_mut("state"))
                && *state != "open"
            {
                *state = json!("open");
            }
        }),
    },
    Fault {
        name: "file-closing-never-ends",
        description: "a closed file stays `closing` forever",
        items: &["file/close#rule.closing-then-closed"],
        edit: Edit::rules(|r| r.files.closing_ms = u64::MAX / 2),
    },
    // ---- the part rules at close ----
    Fault {
        name: "file-small-part-accepted",
        description: "close accepts a part under minimumPartSize that is not the last",
        items: &[
            "files#rule.part-size-limits",
            "file/close#error.InvalidState.small-part",
        ],
        edit: Edit::rules(|r| r.files.close.small_part = false),
    },
    Fault {
        name: "file-pending-part-accepted",
        description: "close accepts a file with a part whose data never arrived",
        items: &["file/close#error.InvalidState.pending"],
        edit: Edit::rules(|r| r.files.close.pending = false),
    },
    Fault {
        name: "file-no-parts-accepted",
        description: "close accepts a file with no parts where an empty last part is allowed",
        items: &["file/close#error.InvalidState.no-parts"],
        edit: Edit::rules(|r| r.files.close.zero_parts = false),
    },
    Fault {
        name: "file-empty-last-part-refused",
        description: "close applies the Azure rule everywhere: an empty last part is refused",
        items: &["file/close#rule.empty-last-part"],
        edit: Edit::rules(|r| r.files.aws.empty_last_part_allowed = false),
    },
    Fault {
        name: "file-min-part-size-is-5mb",
        description: "minimumPartSize is counted in decimal megabytes: 5,000,000 bytes pass for 5 MiB",
        items: &[
            "files#rule.part-size-limits",
            "file/close#error.InvalidState.small-part",
        ],
        edit: Edit::rules(|r| r.files.aws.minimum_part_size = 5_000_000),
    },
    Fault {
        name: "file-parts-in-upload-order",
        description: "the content is the parts in the order their data arrived, not in index order",
        items: &["files#rule.parts-in-index-order"],
        edit: Edit::rules(|r| r.files.index_order = false),
    },
    Fault {
        name: "file-first-put-wins",
        description: "a part uploaded again keeps its first data",
        items: &["file/upload#rule.last-put-wins"],
        edit: Edit::rules(|r| r.files.last_put_wins = false),
    },
    // ---- /upload ----
    Fault {
        name: "file-upload-no-headers",
        description: "/file-xxxx/upload answers without `headers`",
        items: &["file/upload#output.headers"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("file", "upload")
                && let Some(m) = a.success_mut()
            {
                m.remove("headers");
            }
        }),
    },
    Fault {
        name: "file-upload-no-expires",
        description: "/file-xxxx/upload answers without `expires`",
        items: &["file/upload#output.expires"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("file", "upload")
                && let Some(m) = a.success_mut()
            {
                m.remove("expires");
            }
        }),
    },
    Fault {
        name: "file-upload-size-unchecked",
        description: "/file-xxxx/upload accepts a part over maximumPartSize and an index over maximumNumParts",
        items: &[
            "file/upload#error.InvalidInput.size",
            "file/upload#error.InvalidInput.index",
        ],
        edit: Edit::rules(|r| r.files.upload_limits_checked = false),
    },
    // ---- the PUT ----
    Fault {
        name: "file-put-md5-unchecked",
        description: "a PUT whose body does not have the announced MD5 is stored",
        items: &["file/put#error.md5"],
        edit: Edit::rules(|r| r.transfer.md5_checked = false),
    },
    Fault {
        name: "file-put-length-unchecked",
        description: "a PUT whose body is not the announced size is stored",
        items: &["file/put#error.length"],
        edit: Edit::rules(|r| r.transfer.length_checked = false),
    },
    Fault {
        name: "file-put-needs-token",
        description: "a PUT to an upload URL is refused without an Authorization header",
        items: &["file/put#input.no-auth"],
        edit: Edit::rules(|r| r.transfer.no_auth_needed = false),
    },
    Fault {
        name: "file-put-part-stays-pending",
        description: "describe shows a part `pending` after its PUT succeeded",
        items: &["file/put#rule.complete"],
        edit: Edit::answer(|seen, _, a| {
            if !seen.is_data_describe() {
                return;
            }
            let parts = a.success_mut().and_then(|m| m.get_mut("parts"));
            for part in parts.and_then(Value::as_object_mut).into_iter().flatten() {
                part.1["state"] = json!("pending");
            }
        }),
    },
    // ---- /download and the GET ----
    Fault {
        name: "file-stale-url-honoured",
        description: "a download URL still works after it expired",
        items: &["file/get#error.expired"],
        edit: Edit::rules(|r| r.transfer.expiry_enforced = false),
    },
    Fault {
        name: "file-download-no-expires",
        description: "a preauthenticated /download answers without `expires`",
        items: &["file/download#output.expires"],
        edit: Edit::answer(|seen, _, a| {
            if seen.is("file", "download")
                && let Some(m) = a.success_mut()
            {
                m.remove("expires");
            }
        }),
    },
    Fault {
        name: "file-download-url-without-filename",
        description: "a download URL does not end with the filename",
        items: &["file/download#input.filename"],
        edit: Edit::rules(|r| r.transfer.filename_last = false),
    },
    Fault {
        name: "file-preauth-url-reused",
        description: "preauthenticated /download calls answer the same URL whatever their duration",
        items: &["file/download#rule.fresh-preauth"],
        edit: Edit::rules(|r| r.transfer.fresh_preauth_urls = false),
    },
    Fault {
        name: "file-download-wrong-project-accepted",
        description: "/file-xxxx/download with a `project` that does not hold the file answers a URL",
        items: &["file/download#error.ResourceNotFound.project"],
        edit: Edit::answer(|seen, request, a| {
            if seen.is("file", "download")
                && a.error_type() == Some("ResourceNotFound")
                && request.get("project").is_some()
            {
                *a = crate::server::edit::Answer::ok(json!({
                    "url": "http://127.0.0.1:1/F/D/file-0/t/x",
                    "headers": {},
                }));
            }
        }),
    },
    Fault {
        name: "file-range-end-exclusive",
        description: "`Range: bytes=a-b` answers bytes a to b-1 (the end taken as exclusive)",
        items: &["file/get#output.range"],
        edit: Edit::rules(|r| r.transfer.range_end_inclusive = false),
    },
    Fault {
        name: "file-range-answers-200",
        description: "a ranged GET answers 200 instead of 206",
        items: &["file/get#output.partial-status"],
        edit: Edit::rules(|r| r.transfer.partial_status = StatusCode::OK),
    },
    Fault {
        name: "file-range-past-end-accepted",
        description: "a range starting past the end answers an empty 206 instead of 416",
        items: &["file/get#error.range-past-end"],
        edit: Edit::rules(|r| r.transfer.unsatisfiable_refused = false),
    },
    Fault {
        name: "file-download-content-length-wrong",
        description: "a download answers a `Content-Length` one byte short of its body",
        items: &["file/get#output.content-length"],
        edit: Edit::headers(|seen, status, h| {
            if seen.is("transfer", "download")
                && status.is_success()
                && let Some(n) = h
                    .get(CONTENT_LENGTH)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok())
                && n > 0
            {
                h.insert(CONTENT_LENGTH, HeaderValue::from(n - 1));
            }
        }),
    },
    // ---- describe ----
    Fault {
        name: "file-describe-no-size",
        description: "describe of a closed file has no `size`",
        items: &["file/describe#output.size"],
        edit: Edit::answer(|seen, _, a| a.remove_describe_field(seen, "size")),
    },
    Fault {
        name: "file-describe-media-dropped",
        description: "describe of a file leaves `media` out",
        items: &["file/describe#output.media", "file/new#input.media"],
        edit: Edit::answer(|seen, _, a| a.remove_describe_field(seen, "media")),
    },
    Fault {
        name: "file-describe-archival-state-dropped",
        description: "describe of a file leaves `archivalState` out",
        items: &["file/describe#output.archivalState"],
        edit: Edit::answer(|seen, _, a| a.remove_describe_field(seen, "archivalState")),
    },
    Fault {
        name: "file-describe-drive-field",
        description: "describe of an ordinary file carries `drive` and `md5`, the fields of a symlinked file",
        items: &["file/describe#output.no-symlink-fields"],
        edit: Edit::answer(|seen, _, a| {
            if !file_describe(a) {
                return;
            }
            for d in a.data_describes_mut(seen) {
                d.insert("drive".into(), json!("drive-dxconform"));
                d.insert("md5".into(), json!("d41d8cd98f00b204e9800998ecf8427e"));
            }
        }),
    },
    Fault {
        name: "file-upload-parameters-incomplete",
        description: "`fileUploadParameters` lacks `emptyLastPartAllowed`",
        items: &["project/describe#output.fileUploadParameters"],
        edit: Edit::answer(|seen, _, a| {
            let Some(route) = seen.route else { return };
            if route.method != "describe" || !crate::server::ids::is_container_class(route.class) {
                return;
            }
            if let Some(Value::Object(p)) = a
                .success_mut()
                .and_then(|m| m.get_mut("fileUploadParameters"))
            {
                p.remove("emptyLastPartAllowed");
            }
        }),
    },
];
