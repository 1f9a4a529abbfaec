//! The Files page: `/file/new`, `/file-xxxx/upload` and the PUT to the URL it hands out,
//! `/file-xxxx/close`, `/file-xxxx/download` and the GET of its URL, file describe, and the
//! file parts of other pages (`fileUploadParameters` on project and container describe,
//! files in search, listFolder, bulk describe, clone, move and removal).
//!
//! <https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/files>
//! (spec §8b). The stored documentation shows only the page's opening: a file is an opaque
//! byte array sent in parts of 5 MB to 5 GB, open until closed, closing while finalized,
//! readable once closed; the rest comes from the clients (dxpy, dx, the Java bindings,
//! dxfuse) or from DNAnexus's own tests against the platform, so most items are SHOULD and
//! say so. Where the MUST fact is that something is refused and only the error type is
//! observed, the step expects any 4xx (the MUST fact) and an `On` group checks the type
//! and status (the SHOULD facts).
//!
//! Readings taken (the spec's open questions on files): gaps between part indexes are
//! allowed and the content is the parts in ascending index order; `/upload` requires
//! `size` and `md5`; a part re-uploaded keeps its old data until the new PUT lands; a PUT
//! refused answers JSON, 400 for a wrong MD5 or length and 403 for a URL no longer valid;
//! `media` defaults to `""`; `size` is absent until closed and `parts` only on request;
//! closing lasts as long as the endpoint likes, so every case waits for `closed` with a
//! bounded poll (the close rule on `maximumFileSize` would need 5 TiB and is not checked).
//!
//! The part rules are the AWS row (`aws:*` regions, where scratch projects are made):
//! every part but the last is at least 5 MiB, so the multi-part cases send a 5 MiB part.
//! Names and folders are unique per case; nonces carry `$run`.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::blob::{Blob, blob};
use crate::case::{
    Access, CASE, Case,
    Check::{self, *},
    Kind, Need, Ord, Step, Who, get_from, post, put_to,
};
use crate::shape::{Field, Shape};
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::{CLONING, CONTAINERS, FILES, FOLDERS, PROJECTS, SEARCH, SYSTEM_METHODS};

const NEW: &str = "#api-method-file-new";
const UPLOAD: &str = "#api-method-file-xxxx-upload";
const CLOSE: &str = "#api-method-file-xxxx-close";
const DOWNLOAD: &str = "#api-method-file-xxxx-download";
const DESCRIBE: &str = "#api-method-file-xxxx-describe";

/// How long a case waits for a closed file to read `closed` (the docs: seconds to
/// minutes, by size; the parts here are small).
const WAIT_MS: u64 = 30_000;

pub static ITEMS: &[Item] = &[
    // ---- the page: lifecycle and content ----
    Item::new(
        "files#rule.bytes-round-trip",
        &FILES,
        "",
        Rule,
        Must,
        "A file holds an opaque byte array: the bytes uploaded in its parts are exactly the bytes a download of the closed file returns.",
    ),
    Item::new(
        "files#rule.bytes-fixed",
        &FILES,
        "",
        Rule,
        Must,
        "Once uploaded and closed, a file's bytes never change: a PUT to an upload URL handed out before close is refused and a download still returns the original bytes.",
    ),
    Item::new(
        "files#rule.upload-only-open",
        &FILES,
        "",
        Rule,
        Must,
        "Parts can be uploaded only while the file is open: `/upload` on a closed file is refused (4xx) and the content is unchanged.",
    ),
    Item::new(
        "files#rule.download-only-closed",
        &FILES,
        "",
        Rule,
        Must,
        "A file must be closed before its data can be read: `/download` of an open file is refused (4xx).",
    ),
    Item::new(
        "files#rule.part-size-limits",
        &FILES,
        "",
        Rule,
        Must,
        "The platform limits a part to 5 MB–5 GB ([INFERRED] the AWS row: 5 MiB, except the last part): close of a file whose first of two parts is under 5 MiB is refused and the file stays open.",
    ),
    Item::new(
        "files#rule.parts-in-index-order",
        &FILES,
        "",
        Rule,
        Should,
        "[INFERRED] The content is the parts concatenated in ascending numeric index, whatever order they were uploaded in (dxpy uploads in any order).",
    ),
    Item::new(
        "files#rule.gaps-allowed",
        &FILES,
        "",
        Rule,
        Should,
        "[INFERRED] Part indexes need not be contiguous nor start at 1 (the close rules never mention gaps; S3 multipart allows them): parts 2 and 5 close and download as their concatenation.",
    ),
    Item::new(
        "files#rule.external-upload-restricted",
        &PROJECTS,
        "",
        Rule,
        Must,
        "A project with `externalUploadRestricted: true` rejects uploads made outside a job: `/file/new` there is refused.",
    ),
    Item::new(
        "files#rule.download-restricted",
        &PROJECTS,
        "",
        Rule,
        Must,
        "`downloadRestricted` restricts downloading data outside the platform: `/download` of a file in such a project is refused.",
    ),
    Item::new(
        "files#rule.open-changes",
        &FILES,
        "",
        Rule,
        Must,
        "An open file's types, details and visibility can change (data object lifecycle): addTypes, setDetails and setVisibility succeed and show in describe.",
    ),
    Item::new(
        "files#rule.closed-freezes",
        &FILES,
        "",
        Rule,
        Must,
        "Close freezes a file's types, details and visibility as for every data object: addTypes, setDetails and setVisibility on a closed file fail with InvalidState.",
    ),
    Item::new(
        "files#rule.closed-metadata",
        &FILES,
        "",
        Rule,
        Must,
        "Name, tags, properties and folder of a closed file stay changeable: rename, addTags, setProperties and move succeed and show in describe.",
    ),
    Item::new(
        "files#rule.clone-closed",
        &CLONING,
        "",
        Rule,
        Must,
        "A closed file can be cloned into another project: it keeps its ID there, and its bytes can be downloaded through that project.",
    ),
    Item::new(
        "files#rule.clone-open-refused",
        &CLONING,
        "",
        Rule,
        Must,
        "Objects can be cloned into other containers only once closed: clone of an open file is refused (4xx) and the destination does not hold it.",
    ),
    Item::new(
        "files#rule.clone-open-invalid-state",
        &CLONING,
        "",
        Error,
        Should,
        "[OBSERVED] cloning an open object fails; [INFERRED] with InvalidState (422).",
    ),
    Item::new(
        "files#rule.list-projects",
        &CLONING,
        "",
        Rule,
        Should,
        "[INFERRED] as for records: listProjects of a closed file cloned into a second project lists both projects.",
    ),
    Item::new(
        "files#rule.remove",
        &FOLDERS,
        "",
        Rule,
        Must,
        "removeObjects removes a file in any state (open or closed): listFolder no longer shows it.",
    ),
    Item::new(
        "files#rule.remove-url-dies",
        &FOLDERS,
        "",
        Rule,
        Should,
        "[INFERRED] A download URL of a file that was removed from its only project stops working (the data is gone): the GET is refused (4xx).",
    ),
    // ---- /file/new ----
    Item::new(
        "file/new#output.id",
        &FILES,
        NEW,
        Output,
        Must,
        "`new` creates an empty file: [CLIENT] the answer's `id` is the new `file-` ID, which every client reads.",
    ),
    Item::new(
        "file/new#rule.starts-open",
        &FILES,
        NEW,
        Rule,
        Must,
        "A new file is in state open: describe shows `state: \"open\"`.",
    ),
    Item::new(
        "file/new#input.project",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `project` (string, required): the project or container the file is made in (describe shows it); without it the call is InvalidInput.",
    ),
    Item::new(
        "file/new#input.name",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `name`: the file's name, shown by describe (Java: `name: \"foo\"` describes as `foo`).",
    ),
    Item::new(
        "file/new#input.name.default",
        &FILES,
        NEW,
        Input,
        Should,
        "[INFERRED] Without `name` (`dx upload -` without `--path`) the name is the file's ID, as observed for records.",
    ),
    Item::new(
        "file/new#input.tags",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `tags` (array of strings): shown by describe (default `[]`).",
    ),
    Item::new(
        "file/new#input.types",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `types` (array of strings): shown by describe (default `[]`).",
    ),
    Item::new(
        "file/new#input.hidden",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `hidden` (boolean, default false): shown by describe; `dx upload --visibility hidden` sends true.",
    ),
    Item::new(
        "file/new#input.properties",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `properties` (mapping string → string): shown by describe with `properties: true` ([OBSERVED] absent by default).",
    ),
    Item::new(
        "file/new#input.details",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `details` (mapping or array, default `{}`): getDetails returns it, describe `links` lists its links.",
    ),
    Item::new(
        "file/new#input.folder",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `folder` (default `/`): the folder the file is made in.",
    ),
    Item::new(
        "file/new#input.parents",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] `parents: true` makes a missing `folder` and its ancestors (`dx upload -p --path /x/y/r.txt`).",
    ),
    Item::new(
        "file/new#error.ResourceNotFound.folder",
        &FILES,
        NEW,
        Error,
        Should,
        "[CLIENT] ResourceNotFound: `folder` does not exist and `parents` is false (dxfuse's copy of the error list).",
    ),
    Item::new(
        "file/new#input.nonce",
        &FILES,
        NEW,
        Input,
        Should,
        "[OBSERVED] `nonce`: the same input with the same nonce answers the same `id` and makes no second file; without a nonce a new file is made.",
    ),
    Item::new(
        "file/new#error.InvalidInput.nonce-reused",
        &FILES,
        NEW,
        Error,
        Should,
        "[OBSERVED] The same nonce with another input (another `name`) is InvalidInput.",
    ),
    Item::new(
        "file/new#input.media",
        &FILES,
        NEW,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `media` (string): the Internet media type, shown as describe's `media`, unvalidated (`foo/bar` round-trips).",
    ),
    Item::new(
        "file/new#input.media.default",
        &FILES,
        NEW,
        Input,
        Should,
        "[SILENT] The default `media`: `\"\"` is our reading (the docs' `dx upload` sample prints an empty media type); content is never sniffed.",
    ),
    Item::new(
        "file/new#input.ignored",
        &FILES,
        NEW,
        Input,
        Should,
        "[SILENT] `close` and `initializeFrom`, which records take, are ignored for files (our reading): `close: true` still makes an open file.",
    ),
    Item::new(
        "file/new#error.InvalidType",
        &FILES,
        NEW,
        Error,
        Should,
        "[CLIENT] InvalidType: `project` is an ID of another class (a record).",
    ),
    Item::new(
        "file/new#error.ResourceNotFound.project",
        &FILES,
        NEW,
        Error,
        Should,
        "[CLIENT] ResourceNotFound: `project` is a well-formed ID of no project.",
    ),
    Item::new(
        "file/new#error.PermissionDenied",
        &FILES,
        NEW,
        Error,
        Should,
        "[CLIENT] PermissionDenied: UPLOAD access is required on `project`; VIEW is not enough.",
    ),
    Item::new(
        "file/new#error.PermissionDenied.external",
        &FILES,
        NEW,
        Error,
        Should,
        "[INFERRED] The refusal of an upload to an `externalUploadRestricted` project outside a job is PermissionDenied (401).",
    ),
    Item::new(
        "file/new#error.InvalidInput",
        &FILES,
        NEW,
        Error,
        Should,
        "[INFERRED] The rest of `/record/new`'s errors apply: a property key over 100 bytes, a malformed link in `details`, a nonce over 128 bytes or a `name` that is not a string are InvalidInput.",
    ),
    Item::new(
        "file/new#error.billing",
        &FILES,
        NEW,
        Error,
        Should,
        "[INFERRED] As for records: a project billed to an org at its spending limit refuses new files with SpendingLimitExceeded, one billed to an expired org with OrgExpired.",
    ),
    // ---- /file-xxxx/upload ----
    Item::new(
        "file/upload#output.url",
        &FILES,
        UPLOAD,
        Output,
        Must,
        "`url` (string): a preauthenticated URL, absolute, to which the part is sent.",
    ),
    Item::new(
        "file/upload#output.headers",
        &FILES,
        UPLOAD,
        Output,
        Must,
        "`headers` (mapping of string to string): the headers the PUT must carry ([CLIENT] always sent, `{}` at least: Java and C++ dereference it).",
    ),
    Item::new(
        "file/upload#output.headers.content",
        &FILES,
        UPLOAD,
        Output,
        Should,
        "[CLIENT] The handed-out headers name the part: `content-length` is its size and `content-md5` the base64 of its MD5 (as the platform's AWS answers; Java asserts the length).",
    ),
    Item::new(
        "file/upload#output.expires",
        &FILES,
        UPLOAD,
        Output,
        Should,
        "[CLIENT] `expires` (int): when the URL expires, in ms since the epoch, in the future (dxfuse parses it).",
    ),
    Item::new(
        "file/upload#input.index.default",
        &FILES,
        UPLOAD,
        Input,
        Should,
        "[CLIENT] `index` defaults to 1 (dxpy's docstring; `{\"size\", \"md5\"}` without index is well-formed).",
    ),
    Item::new(
        "file/upload#error.InvalidInput.missing",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] `size` and `md5` are required (every current client sends them): without either, InvalidInput.",
    ),
    Item::new(
        "file/upload#error.InvalidInput.index",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[CLIENT] dxpy documents `index` in [1, 10000]: 0 or 10001 is InvalidInput ([INFERRED] up to `maximumNumParts`).",
    ),
    Item::new(
        "file/upload#error.InvalidInput.size",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] A `size` over `maximumPartSize` (5 GiB), or negative, is InvalidInput.",
    ),
    Item::new(
        "file/upload#error.InvalidInput.md5",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] An `md5` that is not 32 hexadecimal characters is InvalidInput.",
    ),
    Item::new(
        "file/upload#error.InvalidState",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[OBSERVED] `/upload` on a file that is not open is InvalidState (422).",
    ),
    Item::new(
        "file/upload#error.ResourceNotFound",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] `/upload` of a well-formed file ID that does not exist is ResourceNotFound.",
    ),
    Item::new(
        "file/upload#error.PermissionDenied",
        &FILES,
        UPLOAD,
        Error,
        Must,
        "PermissionDenied: UPLOAD access is needed on the project holding the file to upload to it (UPLOAD allows writing to open files); VIEW is refused.",
    ),
    Item::new(
        "file/upload#rule.pending",
        &FILES,
        UPLOAD,
        Rule,
        Should,
        "[CLIENT] [INFERRED] An index asked for and not yet sent is a part in state `pending` (describe `parts`).",
    ),
    Item::new(
        "file/upload#rule.reupload-keeps-data",
        &FILES,
        UPLOAD,
        Rule,
        Should,
        "[INFERRED] A part asked for again keeps its `complete` data until the new PUT lands.",
    ),
    Item::new(
        "file/upload#rule.last-put-wins",
        &FILES,
        UPLOAD,
        Rule,
        Must,
        "A part may be uploaded again with another `upload` and PUT: the most recent successful PUT for that index wins.",
    ),
    // ---- the PUT to an upload URL ----
    Item::new(
        "file/put#input.method",
        &FILES,
        UPLOAD,
        Input,
        Must,
        "The part's bytes are sent with an HTTP PUT to `url`, carrying the returned `headers`: it is accepted (2xx).",
    ),
    Item::new(
        "file/put#input.no-auth",
        &FILES,
        UPLOAD,
        Input,
        Must,
        "The URL is preauthenticated: the PUT needs no other authentication (no `Authorization` header; the docs use `curl -T`).",
    ),
    Item::new(
        "file/put#rule.complete",
        &FILES,
        UPLOAD,
        Rule,
        Should,
        "[CLIENT] After a 2xx PUT the part is `complete` at once, with the `size` and `md5` of its bytes (dxpy waits for it before close).",
    ),
    Item::new(
        "file/put#error.md5",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] A PUT whose body does not have the MD5 given to `/upload` is refused (4xx) and the part does not become complete with it.",
    ),
    Item::new(
        "file/put#error.length",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] A PUT whose body is not the `size` given to `/upload` is refused (4xx).",
    ),
    Item::new(
        "file/put#error.headers",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] A PUT without the `content-md5` header handed out is refused (4xx): the returned headers are required.",
    ),
    Item::new(
        "file/put#error.json",
        &FILES,
        UPLOAD,
        Error,
        Should,
        "[INFERRED] A refused PUT answers a JSON error body `{\"error\": {\"type\", \"message\"}}` (dxpy then fails at once instead of retrying): 400 `BadDigest` for a wrong MD5, 400 for a wrong length, 403 for a URL no longer valid.",
    ),
    // ---- /file-xxxx/close ----
    Item::new(
        "file/close#output.id",
        &FILES,
        CLOSE,
        Output,
        Must,
        "close of an open file answers `id`, the file's ID, and no `detail` (data object lifecycle).",
    ),
    Item::new(
        "file/close#output.detail",
        &FILES,
        CLOSE,
        Output,
        Must,
        "close of a file already closing or closed succeeds, changes nothing, and answers `detail` (string) beside `id`.",
    ),
    Item::new(
        "file/close#rule.closing-then-closed",
        &FILES,
        CLOSE,
        Rule,
        Must,
        "close moves the file to `closing` while it is finalized, then `closed`: right after close describe reads `closing` or `closed`, never `open` again, and then `closed`.",
    ),
    Item::new(
        "file/close#rule.closed",
        &FILES,
        CLOSE,
        Rule,
        Must,
        "Once finalized (seconds to minutes, by size) a closed file reads `closed`.",
    ),
    Item::new(
        "file/close#error.InvalidState.no-parts",
        &FILES,
        CLOSE,
        Error,
        Should,
        "[CLIENT] InvalidState: `emptyLastPartAllowed` is true (AWS) and the file has no parts.",
    ),
    Item::new(
        "file/close#error.InvalidState.pending",
        &FILES,
        CLOSE,
        Error,
        Should,
        "[CLIENT] InvalidState: a part is still `pending` (asked for, never sent).",
    ),
    Item::new(
        "file/close#error.InvalidState.small-part",
        &FILES,
        CLOSE,
        Error,
        Should,
        "[CLIENT] InvalidState: a part other than the highest-indexed is smaller than `minimumPartSize`.",
    ),
    Item::new(
        "file/close#rule.empty-last-part",
        &FILES,
        CLOSE,
        Rule,
        Should,
        "[OBSERVED] Where `emptyLastPartAllowed` (AWS): an empty trailing part after a 5 MiB part closes, and a file of one empty part closes with `size` 0.",
    ),
    Item::new(
        "file/close#rule.small-last-part",
        &FILES,
        CLOSE,
        Rule,
        Should,
        "[OBSERVED] The highest-indexed part may be small: one part under 5 MiB closes, and 5,242,880 bytes then 1 byte close and download as their concatenation.",
    ),
    Item::new(
        "file/close#error.PermissionDenied",
        &FILES,
        CLOSE,
        Error,
        Must,
        "PermissionDenied: UPLOAD access is required on the project the file was created in; VIEW is not enough (data object lifecycle).",
    ),
    // ---- /file-xxxx/download ----
    Item::new(
        "file/download#output.url",
        &FILES,
        DOWNLOAD,
        Output,
        Must,
        "Once closed, a file can be downloaded: `/download` answers `url` ([CLIENT] every client requires it), from which the bytes are fetched.",
    ),
    Item::new(
        "file/download#output.headers",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[CLIENT] `headers` (mapping of string to string): the headers the GET carries (C++ requires it).",
    ),
    Item::new(
        "file/download#output.expires",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[CLIENT] `expires` (int, ms) is required when `preauthenticated` is true (dxpy computes `expires/1000 − 60`): about now plus `duration`.",
    ),
    Item::new(
        "file/download#input.preauthenticated",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[CLIENT] [OBSERVED] `preauthenticated: true` makes a URL that works with no headers and no token (`dx make_download_url` then `wget`).",
    ),
    Item::new(
        "file/download#input.duration",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[CLIENT] `duration` (seconds) is the URL's lifetime (`expires` ≈ now + duration); [INFERRED] one below 1 or not an integer is InvalidInput.",
    ),
    Item::new(
        "file/download#input.filename",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[OBSERVED] A download URL's last path segment is the filename (the file's name by default, `filename` when given), with no query string.",
    ),
    Item::new(
        "file/download#input.project",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[CLIENT] `project` names the copy used: a project holding the file answers a working URL.",
    ),
    Item::new(
        "file/download#input.no-project",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[OBSERVED] Without `project` the call succeeds whenever the caller can see some copy.",
    ),
    Item::new(
        "file/download#error.ResourceNotFound.project",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[OBSERVED] ResourceNotFound: `project` is a project that does not hold the file, or no project at all.",
    ),
    Item::new(
        "file/download#error.InvalidState",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[OBSERVED] `/download` of an open file is InvalidState (422) (Java `testDownloadFails`).",
    ),
    Item::new(
        "file/download#rule.stable-url",
        &FILES,
        DOWNLOAD,
        Rule,
        Should,
        "[OBSERVED] Two non-preauthenticated calls with the same inputs answer identical `url` and `headers`.",
    ),
    Item::new(
        "file/download#rule.fresh-preauth",
        &FILES,
        DOWNLOAD,
        Rule,
        Should,
        "[OBSERVED] Preauthenticated calls that differ in `duration` answer different URLs.",
    ),
    Item::new(
        "file/download#rule.url-has-file-id",
        &FILES,
        DOWNLOAD,
        Rule,
        Should,
        "[OBSERVED] The download URL contains the file's ID.",
    ),
    Item::new(
        "file/download#error.PermissionDenied",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[INFERRED] PermissionDenied: the caller has no VIEW on any project holding the file.",
    ),
    Item::new(
        "file/download#error.PermissionDenied.restricted",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[INFERRED] The refusal of a download from a `downloadRestricted` project outside a job is PermissionDenied (401).",
    ),
    Item::new(
        "file/download#input.unknown-ignored",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[SILENT] Inputs no client sends (`stickyIP`) are ignored like any unknown key.",
    ),
    // ---- the GET of a download URL ----
    Item::new(
        "file/get#output.whole",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[CLIENT] [INFERRED] A GET without `Range` answers 200 and the whole file (dxpy fetches a single-part file so; `wget` too).",
    ),
    Item::new(
        "file/get#output.range",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[CLIENT] A GET with `Range: bytes=a-b` answers exactly bytes a to b inclusive (dxpy concatenates ranges and checks each part's size and MD5).",
    ),
    Item::new(
        "file/get#output.partial-status",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[INFERRED] A ranged GET answers 206 with `Content-Range: bytes a-b/size` (dxpy accepts any 2xx).",
    ),
    Item::new(
        "file/get#output.range-clamped",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[INFERRED] A range ending past the end is clamped to the last byte (dxda's old code over-asked on the last part).",
    ),
    Item::new(
        "file/get#output.content-length",
        &FILES,
        DOWNLOAD,
        Output,
        Should,
        "[CLIENT] `Content-Length` is exactly the number of bytes answered (dxpy retries on a content-length error).",
    ),
    Item::new(
        "file/get#error.range-past-end",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[INFERRED] A range starting at or past the end is unsatisfiable: 416.",
    ),
    Item::new(
        "file/get#input.no-auth",
        &FILES,
        DOWNLOAD,
        Input,
        Should,
        "[CLIENT] GETs never carry `Authorization`: a non-preauthenticated URL works with only its returned `headers`.",
    ),
    Item::new(
        "file/get#error.expired",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[CLIENT] [INFERRED] A preauthenticated URL stops working once expired: its GET is refused (403) once `duration` seconds have passed since it was handed out. [SILENT] on how finely expiry is counted: an endpoint that counts whole seconds may honour a URL until the end of the second it expires in, so the case asks again until two seconds have passed.",
    ),
    Item::new(
        "file/get#error.access-lost",
        &FILES,
        DOWNLOAD,
        Error,
        Should,
        "[CLIENT] A non-preauthenticated URL works only while its user can access the project: once that access is removed, its GET is refused (4xx).",
    ),
    // ---- /file-xxxx/describe ----
    Item::new(
        "file/describe#output.class",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] A file describes with the default fields of a data object (as records), `class: \"file\"`, and no `properties` or `details` unless asked.",
    ),
    Item::new(
        "file/describe#output.media",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] `media` (string) is a default field.",
    ),
    Item::new(
        "file/describe#output.archivalState",
        &FILES,
        DESCRIBE,
        Output,
        Must,
        "Archival is shown by `archivalState`, one of `live`, `archival`, `archived`, `unarchiving`: a default field, as the files page's describe samples show it next to `Media type` ([OBSERVED] dxpy reads it from a default describe).",
    ),
    Item::new(
        "file/describe#output.archivalState.live",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[INFERRED] A file just uploaded is in standard storage: `archivalState: \"live\"`.",
    ),
    Item::new(
        "file/describe#output.size",
        &FILES,
        DESCRIBE,
        Output,
        Must,
        "A closed file describes with `size` (the docs' closed sample shows it; [CLIENT] an int, which `read()` needs): the number of bytes written.",
    ),
    Item::new(
        "file/describe#output.size.open",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[INFERRED] An open file has no `size` (the docs' closing sample shows none; no client reads it before close).",
    ),
    Item::new(
        "file/describe#output.parts",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[OBSERVED] [CLIENT] `parts` on request: a mapping of decimal index to `{size, md5, state}`, `{}` for a new file (dxpy's upload wait needs the key).",
    ),
    Item::new(
        "file/describe#output.parts.on-request",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[INFERRED] `parts` is not a default field (dx always asks for it).",
    ),
    Item::new(
        "file/describe#input.flags",
        &FILES,
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] Top-level booleans naming fields (`{\"parts\": true, \"size\": true, ...}`, as `dx download` sends) add them to the defaults.",
    ),
    Item::new(
        "file/describe#output.no-symlink-fields",
        &FILES,
        DESCRIBE,
        Output,
        Should,
        "[CLIENT] An ordinary file's describe has no `drive`, `md5` or `symlinkPath`, even when asked (they switch dxpy to the symlink download path).",
    ),
    Item::new(
        "file/describe#input.fields",
        &FILES,
        DESCRIBE,
        Input,
        Should,
        "[OBSERVED] `fields` selects: `{\"media\": true}` gives `media` and no `name`.",
    ),
    Item::new(
        "file/describe#input.project",
        &FILES,
        DESCRIBE,
        Input,
        Should,
        "[CLIENT] With a `project` hint that holds the file, that copy is described (`project` equals the hint; dx's `object_exists_in_project` relies on it).",
    ),
    Item::new(
        "file/describe#error.PermissionDenied",
        &FILES,
        DESCRIBE,
        Error,
        Should,
        "[INFERRED] As for records: PermissionDenied without VIEW on a project holding the file.",
    ),
    // ---- fileUploadParameters ----
    Item::new(
        "project/describe#output.fileUploadParameters",
        &PROJECTS,
        "#api-method-project-xxxx-describe",
        Output,
        Should,
        "[CLIENT] `fields: {\"fileUploadParameters\": true}` answers the part rules with all five keys (dxpy reads them with `[]`): on AWS 5242880, 5368709120, 5497558138880, 10000 and true.",
    ),
    Item::new(
        "project/describe#output.fileUploadParameters.on-request",
        &PROJECTS,
        "#api-method-project-xxxx-describe",
        Output,
        Should,
        "[INFERRED] `fileUploadParameters` is sent only on request, not in a default describe.",
    ),
    Item::new(
        "container/describe#output.fileUploadParameters",
        &CONTAINERS,
        "",
        Output,
        Should,
        "[CLIENT] A container answers `fileUploadParameters` too (dxpy asks the job's container).",
    ),
    // ---- files in search, listings and bulk describe ----
    Item::new(
        "file/find#input.class",
        &SEARCH,
        "#api-method-system-finddataobjects",
        Input,
        Should,
        "[CLIENT] findDataObjects with `class: \"file\"` finds files and no records.",
    ),
    Item::new(
        "file/find#input.state",
        &SEARCH,
        "#api-method-system-finddataobjects",
        Input,
        Should,
        "[CLIENT] The `state` filter applies to files: `closed` finds the closed file and not the open one (`dx download -r`).",
    ),
    Item::new(
        "file/find#input.archivalState",
        &SEARCH,
        "#api-method-system-finddataobjects",
        Input,
        Should,
        "[CLIENT] `archivalState` filters files (dxfuse): `live` finds a new closed file, `archived` does not.",
    ),
    Item::new(
        "file/find#output.describe",
        &SEARCH,
        "#api-method-system-finddataobjects",
        Output,
        Should,
        "[CLIENT] A `describe` of top-level booleans (`dx download NAME`: parts, size, drive, md5, checksumType) gives each file's `parts` and `size`.",
    ),
    Item::new(
        "file/listFolder#output.size",
        &FOLDERS,
        "#api-method-class-xxxx-listfolder",
        Output,
        Should,
        "[CLIENT] listFolder's `describe` gives a closed file's `size` (`dx ls -l` prints it).",
    ),
    Item::new(
        "file/describeDataObjects#output",
        &SYSTEM_METHODS,
        "#api-method-system-describedataobjects",
        Output,
        Should,
        "[CLIENT] describeDataObjects with `classDescribeOptions: {\"*\": {\"fields\": ...}}` gives a file's `state`, `archivalState`, `size` and `parts` (dxfuse, dxda).",
    ),
];

// ---- the documented shapes ----

/// A file's describe, each field with its item. The record fields are as records
/// document them; the file fields are the files page's.
pub static FILE_DESCRIBE: Shape = Shape::Object(&[
    Field::new("id", "file/describe#output.class"),
    Field::new("project", "file/describe#output.class"),
    Field::new("class", "file/describe#output.class"),
    Field::new("types", "file/new#input.types"),
    Field::new("created", "file/describe#output.class"),
    Field::new("state", "file/close#rule.closing-then-closed"),
    Field::new("hidden", "file/new#input.hidden"),
    Field::new("links", "file/new#input.details"),
    Field::new("name", "file/new#input.name"),
    Field::new("folder", "file/new#input.folder"),
    Field::new("sponsored", "file/describe#output.class"),
    Field::new("tags", "file/new#input.tags"),
    Field::new("modified", "file/describe#output.class"),
    Field::new("createdBy", "file/describe#output.class").of(CREATED_BY),
    Field::new("media", "file/describe#output.media"),
    Field::new("archivalState", "file/describe#output.archivalState")
        .reading("file/describe#output.archivalState.live"),
    Field::new("size", "file/describe#output.size"),
    Field::new("parts", "file/describe#output.parts").of(Shape::Map(&PART)),
    Field::new("properties", "file/new#input.properties").of(Shape::Map(&Shape::Value)),
    Field::new("details", "file/new#input.details"),
]);

/// `createdBy`: the user, and `job` and `executable` for files a job made.
static CREATED_BY: Shape = Shape::Object(&[
    Field::new("user", "file/describe#output.class"),
    Field::new("job", "file/describe#output.class"),
    Field::new("executable", "file/describe#output.class"),
]);

/// One entry of `parts`.
static PART: Shape = Shape::Object(&[
    Field::new("size", "file/describe#output.parts"),
    Field::new("md5", "file/describe#output.parts"),
    Field::new("state", "file/describe#output.parts"),
]);

/// `fileUploadParameters`.
static UPLOAD_PARAMETERS: Shape = Shape::Object(&[
    Field::new("id", "project/describe#output.fileUploadParameters"),
    Field::new(
        "fileUploadParameters",
        "project/describe#output.fileUploadParameters",
    )
    .of(Shape::Object(&[
        Field::new(
            "minimumPartSize",
            "project/describe#output.fileUploadParameters",
        ),
        Field::new(
            "maximumPartSize",
            "project/describe#output.fileUploadParameters",
        ),
        Field::new(
            "maximumFileSize",
            "project/describe#output.fileUploadParameters",
        ),
        Field::new(
            "maximumNumParts",
            "project/describe#output.fileUploadParameters",
        ),
        Field::new(
            "emptyLastPartAllowed",
            "project/describe#output.fileUploadParameters",
        ),
    ])),
]);

// ---- steps the cases share ----

/// Items the setup steps prove: the route each one calls.
const NEW_ID: &str = "file/new#output.id";
const UPLOAD_URL: &str = "file/upload#output.url";
const PUT: &str = "file/put#input.method";
const CLOSE_ID: &str = "file/close#output.id";
const CLOSED: &str = "file/close#rule.closed";
const DOWNLOAD_URL: &str = "file/download#output.url";

/// A one-part file: 1000 bytes.
const SMALL: &[Blob] = &[blob(1000, 1)];
/// A two-part file: a full 5 MiB part, then 1000 bytes.
const BIG: &[Blob] = &[blob(5_242_880, 1), blob(1000, 2)];
/// Its first part alone, and its last.
const BIG1: &[Blob] = &[blob(5_242_880, 1)];
const TAIL2: &[Blob] = &[blob(1000, 2)];

/// A new open file named `data.bin` in the case's project, as `$file`.
const NEW_FILE: Step = post(
    "/file/new",
    r#"{"project": "$project", "name": "data.bin"}"#,
)
.proves(&[NEW_ID])
.capture(&[("file", "/id")]);

/// The URL of part 1 of `$file` for [`SMALL`], as `$url` with `$hdrs`.
const UP_SMALL: Step = post(
    "/$file/upload",
    r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
)
.proves(&[UPLOAD_URL])
.capture(&[("url", "/url"), ("hdrs", "/headers")]);

/// The PUT of [`SMALL`] to `$url`.
const PUT_SMALL: Step = put_to("$url", SMALL).headers_from("$hdrs").proves(&[PUT]);

/// Part 1 of [`BIG`]: `$url1`, `$hdrs1`.
const UP_BIG1: Step = post(
    "/$file/upload",
    r#"{"index": 1, "size": 5242880, "md5": "$md5(5242880,1)"}"#,
)
.proves(&[UPLOAD_URL])
.capture(&[("url1", "/url"), ("hdrs1", "/headers")]);
const PUT_BIG1: Step = put_to("$url1", BIG1).headers_from("$hdrs1").proves(&[PUT]);

/// Part 2 of [`BIG`]: `$url2`, `$hdrs2`.
const UP_TAIL2: Step = post(
    "/$file/upload",
    r#"{"index": 2, "size": 1000, "md5": "$md5(1000,2)"}"#,
)
.proves(&[UPLOAD_URL])
.capture(&[("url2", "/url"), ("hdrs2", "/headers")]);
const PUT_TAIL2: Step = put_to("$url2", TAIL2).headers_from("$hdrs2").proves(&[PUT]);

/// Close `$file`.
const CLOSE_FILE: Step = post("/$file/close", "{}").proves(&[CLOSE_ID]);

/// Wait until `$file` reads `closed`.
const WAIT: Step = post("/$file/describe", r#"{"fields": {"state": true}}"#)
    .until(&[Eq("/state", r#""closed""#)], WAIT_MS)
    .check(&[Eq("/state", r#""closed""#)])
    .proves(&[CLOSED]);

/// A download URL of `$file`: `$dl` with `$dlh`.
const DOWNLOAD_FILE: Step = post("/$file/download", "{}")
    .proves(&[DOWNLOAD_URL])
    .capture(&[("dl", "/url"), ("dlh", "/headers")]);

/// A preauthenticated download URL of `$file`: `$pre`.
const PREAUTH: Step = post("/$file/download", r#"{"preauthenticated": true}"#)
    .proves(&[DOWNLOAD_URL])
    .capture(&[("pre", "/url")]);

/// The GET of `$dl` with its headers.
const GET: Step = get_from("$dl").headers_from("$dlh");

/// The owner's describe of `$file` with `fields`.
const fn describe(body: &'static str) -> Step {
    post("/$file/describe", body)
}

/// The status of an InvalidState refusal, a fact of its own (the clients' table).
const STATUS_422: Check = On("protocols#status.422", &[Status(422)]);

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`).
/// The generator makes a record as `$obj`; these setups replace it with a file.
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "files::new",
        item: "file/new#error.PermissionDenied",
        object: Object::Project,
        open: Access::Upload,
        call: post("/file/new", r#"{"project": "$project"}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "files::upload",
        item: "file/upload#error.PermissionDenied",
        object: Object::Open,
        open: Access::Upload,
        setup: &[OBJ_FILE],
        call: post(
            "/$obj/upload",
            r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "files::close",
        item: "file/close#error.PermissionDenied",
        object: Object::Open,
        open: Access::Upload,
        setup: &[OBJ_FILE, OBJ_UP, OBJ_PUT],
        call: post("/$obj/close", "{}"),
        ..ROUTE
    },
    RouteAccess {
        name: "files::download",
        item: "file/download#error.PermissionDenied",
        object: Object::Closed,
        closed: Access::View,
        setup: &[OBJ_FILE, OBJ_UP, OBJ_PUT, OBJ_CLOSE, OBJ_WAIT],
        call: post("/$obj/download", "{}"),
        ..ROUTE
    },
    RouteAccess {
        name: "files::describe",
        item: "file/describe#error.PermissionDenied",
        object: Object::Open,
        open: Access::View,
        setup: &[OBJ_FILE],
        call: post("/$obj/describe", "{}"),
        ..ROUTE
    },
];

/// The permission matrix's file, as `$obj`.
const OBJ_FILE: Step = post(
    "/file/new",
    r#"{"project": "$project", "name": "perm.bin"}"#,
)
.proves(&[NEW_ID])
.capture(&[("obj", "/id")]);
const OBJ_UP: Step = post(
    "/$obj/upload",
    r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
)
.proves(&[UPLOAD_URL])
.capture(&[("url", "/url"), ("hdrs", "/headers")]);
const OBJ_PUT: Step = PUT_SMALL;
const OBJ_CLOSE: Step = post("/$obj/close", "{}").proves(&[CLOSE_ID]);
const OBJ_WAIT: Step = post("/$obj/describe", r#"{"fields": {"state": true}}"#)
    .until(&[Eq("/state", r#""closed""#)], WAIT_MS)
    .check(&[Eq("/state", r#""closed""#)])
    .proves(&[CLOSED]);

/// The fields a file's describe may have (the record fields, the file fields, and the
/// fields of symlinked files), for [`Check::Fields`].
const DESCRIBE_FIELDS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "sponsoredUntil",
    "properties",
    "details",
    "media",
    "archivalState",
    "size",
    "parts",
    "drive",
    "md5",
    "checksumType",
    "symlinkPath",
    "symlinkTargetIdentifier",
];

/// The default describe of an open file.
const OPEN_DEFAULTS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "media",
    "archivalState",
];

/// The default describe of a closed file: the same and `size`.
const CLOSED_DEFAULTS: &[&str] = &[
    "id",
    "project",
    "class",
    "types",
    "created",
    "state",
    "hidden",
    "links",
    "name",
    "folder",
    "sponsored",
    "tags",
    "modified",
    "createdBy",
    "media",
    "archivalState",
    "size",
];

/// A `/file/new` that must fail with InvalidInput (422).
const fn new_rejected(body: &'static str) -> Step {
    post("/file/new", body).fails(422, "InvalidInput")
}

/// An `/upload` of `$file` that must fail with InvalidInput (422).
const fn upload_rejected(body: &'static str) -> Step {
    post("/$file/upload", body).fails(422, "InvalidInput")
}

pub static CASES: &[Case] = &[
    // ================= /file/new =================
    Case {
        name: "files::new::minimal",
        items: &["file/new#output.id", "file/new#rule.starts-open"],
        summary: "a body with only `project` makes a `file-` ID that describes as open",
        steps: &[
            post("/file/new", r#"{"project": "$project"}"#)
                .check(&[Is("/id", Kind::Id("file")), Fields("", &["id"], &["id"])])
                .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/id", r#""$file""#), Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::project_is_where",
        items: &["file/new#input.project"],
        summary: "`project` names where the file is made: describe shows it, and listFolder there lists it",
        steps: &[
            NEW_FILE,
            describe("{}").check(&[Eq("/project", r#""$project""#)]),
            post("/$project/listFolder", r#"{"folder": "/"}"#)
                .check(&[AnyHas("/objects", r#"{"id": "$file"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::project_missing",
        items: &["file/new#input.project"],
        summary: "a body without `project` is InvalidInput",
        steps: &[new_rejected(r#"{"name": "no project"}"#)],
        ..CASE
    },
    Case {
        name: "files::new::describe_defaults",
        items: &[
            "file/describe#output.class",
            "file/describe#output.media",
            "file/describe#output.archivalState",
            "file/describe#output.size.open",
            "file/describe#output.parts.on-request",
        ],
        summary: "a new file's default describe: the data-object fields, `class: file`, `media`, `archivalState`, no `size`, no `parts`",
        steps: &[
            NEW_FILE,
            describe("{}")
                .check(&[
                    On(
                        "file/describe#output.class",
                        &[
                            Eq("/class", r#""file""#),
                            Is("/id", Kind::Id("file")),
                            Is("/created", Kind::Timestamp),
                            Is("/modified", Kind::Timestamp),
                            Is("/createdBy/user", Kind::String),
                            Eq("/types", "[]"),
                            Eq("/tags", "[]"),
                            Eq("/links", "[]"),
                            Eq("/hidden", "false"),
                            Eq("/folder", r#""/""#),
                            Absent("/properties"),
                            Absent("/details"),
                        ],
                    ),
                    On("file/describe#output.media", &[Is("/media", Kind::String)]),
                    On(
                        "file/describe#output.archivalState",
                        &[Matches(
                            "/archivalState",
                            "^(live|archival|archived|unarchiving)$",
                        )],
                    ),
                    On("file/describe#output.size.open", &[Absent("/size")]),
                    On("file/describe#output.parts.on-request", &[Absent("/parts")]),
                    On(
                        "file/describe#output.class",
                        &[Fields("", DESCRIBE_FIELDS, OPEN_DEFAULTS)],
                    ),
                ])
                .proves(&["file/describe#output.class"])
                .snapshot_as(&FILE_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "files::new::archival_state_live",
        items: &["file/describe#output.archivalState.live"],
        summary: "a new file, and the same file once closed, is in standard storage: `archivalState` is `live`",
        steps: &[
            NEW_FILE,
            describe("{}").check(&[Eq("/archivalState", r#""live""#)]),
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            describe("{}").check(&[Eq("/archivalState", r#""live""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::name",
        items: &["file/new#input.name"],
        summary: "`name` is the file's name in describe",
        steps: &[
            post("/file/new", r#"{"project": "$project", "name": "foo"}"#)
                .proves(&[NEW_ID])
                .capture(&[("file", "/id")]),
            describe(r#"{"fields": {"name": true}}"#).check(&[Eq("/name", r#""foo""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::name_unicode",
        items: &["file/new#input.name"],
        summary: "a non-ASCII name (Thai, an emoji) round-trips",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "name": "ไฟล์ข้อมูล 😀.txt"}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/name", r#""ไฟล์ข้อมูล 😀.txt""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::name_defaults_to_id",
        items: &["file/new#input.name.default"],
        summary: "without `name`, describe shows the file's own ID as its name",
        steps: &[
            post("/file/new", r#"{"project": "$project"}"#)
                .proves(&[NEW_ID])
                .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/name", r#""$file""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::tags_and_types",
        items: &["file/new#input.tags", "file/new#input.types"],
        summary: "`tags` and `types` show in describe",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "tags": ["t1", "t2"], "types": ["T1"]}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[
                SetEq("/tags", r#"["t1", "t2"]"#),
                SetEq("/types", r#"["T1"]"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::hidden",
        items: &["file/new#input.hidden"],
        summary: "`hidden: true` shows in describe, and a file made without it is visible",
        steps: &[
            post("/file/new", r#"{"project": "$project", "hidden": true}"#)
                .proves(&[NEW_ID])
                .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/hidden", "true")]),
            post("/file/new", r#"{"project": "$project"}"#)
                .proves(&[NEW_ID])
                .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/hidden", "false")]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::properties",
        items: &["file/new#input.properties"],
        summary: "`properties` show with `properties: true`, and not by default",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "properties": {"k": "v", "empty": ""}}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[Absent("/properties")]),
            describe(r#"{"properties": true}"#)
                .check(&[Eq("/properties", r#"{"k": "v", "empty": ""}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::details_and_links",
        items: &["file/new#input.details"],
        summary: "`details` come back from getDetails and its links show in describe `links`",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            post(
                "/file/new",
                r#"{"project": "$project", "details": {"a": 1, "l": {"$dnanexus_link": "$rec"}}}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            post("/$file/getDetails", "{}")
                .check(&[Eq("", r#"{"a": 1, "l": {"$dnanexus_link": "$rec"}}"#)]),
            describe("{}").check(&[SetEq("/links", r#"["$rec"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::details_default",
        items: &["file/new#input.details"],
        summary: "without `details`, getDetails answers `{}`",
        steps: &[NEW_FILE, post("/$file/getDetails", "{}").check(&[Eq("", "{}")])],
        ..CASE
    },
    Case {
        name: "files::new::folder",
        items: &["file/new#input.folder"],
        summary: "`folder` of an existing folder places the file there; the default is `/`",
        steps: &[
            post("/$project/newFolder", r#"{"folder": "/fn-folder"}"#),
            post(
                "/file/new",
                r#"{"project": "$project", "folder": "/fn-folder"}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/folder", r#""/fn-folder""#)]),
            NEW_FILE,
            describe("{}").check(&[Eq("/folder", r#""/""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::parents",
        items: &["file/new#input.parents"],
        summary: "`parents: true` makes the missing folder and its ancestors",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "folder": "/fn-par/x/y", "parents": true}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/folder", r#""/fn-par/x/y""#)]),
            post("/$project/listFolder", r#"{"folder": "/fn-par/x"}"#)
                .check(&[Contains("/folders", r#""/fn-par/x/y""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::folder_missing",
        items: &["file/new#error.ResourceNotFound.folder"],
        summary: "a `folder` that does not exist, without `parents`, is ResourceNotFound",
        steps: &[post(
            "/file/new",
            r#"{"project": "$project", "folder": "/fn-missing/x"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "files::new::nonce_replay",
        items: &["file/new#input.nonce"],
        summary: "the same input with the same nonce answers the same ID and makes one file; without a nonce, a new one",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "name": "fn-nonce", "nonce": "fn-nonce-$run"}"#,
            )
            .capture(&[("first", ""), ("fid", "/id")]),
            post(
                "/file/new",
                r#"{"project": "$project", "name": "fn-nonce", "nonce": "fn-nonce-$run"}"#,
            )
            .check(&[Eq("", r#""$first""#)]),
            post("/file/new", r#"{"project": "$project", "name": "fn-nonce"}"#)
                .check(&[Ne("/id", r#""$fid""#)]),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project"}, "name": "fn-nonce", "class": "file"}"#,
            )
            .paged()
            .check(&[Count("/results", Ord::Eq, 2)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::nonce_reused",
        items: &["file/new#error.InvalidInput.nonce-reused"],
        summary: "the same nonce with another `name` is InvalidInput",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "name": "a", "nonce": "fn-reuse-$run"}"#,
            )
            .proves(&[NEW_ID]),
            new_rejected(r#"{"project": "$project", "name": "b", "nonce": "fn-reuse-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "files::new::media",
        items: &["file/new#input.media", "file/describe#output.media"],
        summary: "`media` round-trips in describe, unvalidated (`application/json`, `foo/bar`)",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "media": "application/json"}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/media", r#""application/json""#)]),
            post("/file/new", r#"{"project": "$project", "media": "foo/bar"}"#)
                .proves(&[NEW_ID])
                .capture(&[("file", "/id")]),
            describe("{}").check(&[Eq("/media", r#""foo/bar""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::media_default",
        items: &["file/new#input.media.default"],
        summary: "without `media`, describe's `media` is the empty string, also once the bytes are in (no sniffing)",
        steps: &[
            NEW_FILE,
            describe("{}").check(&[Eq("/media", r#""""#)]),
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            describe("{}").check(&[Eq("/media", r#""""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::close_ignored",
        items: &["file/new#input.ignored"],
        summary: "`close: true` and `initializeFrom` on `/file/new` are ignored: the file is open and empty",
        steps: &[
            post("/record/new", r#"{"project": "$project", "name": "src"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            post(
                "/file/new",
                r#"{"project": "$project", "name": "fn-ignored", "close": true,
                    "initializeFrom": {"project": "$project", "id": "$rec"}}"#,
            )
            .capture(&[("file", "/id")]),
            describe(r#"{"fields": {"state": true, "name": true}}"#).check(&[
                Eq("/state", r#""open""#),
                Eq("/name", r#""fn-ignored""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::new::project_of_wrong_class",
        items: &["file/new#error.InvalidType"],
        summary: "a record ID as `project` is InvalidType",
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            post("/file/new", r#"{"project": "$rec"}"#).fails(422, "InvalidType"),
        ],
        ..CASE
    },
    Case {
        name: "files::new::project_unknown",
        items: &["file/new#error.ResourceNotFound.project"],
        summary: "a well-formed project ID of no project is ResourceNotFound",
        steps: &[post(
            "/file/new",
            r#"{"project": "project-0123456789BFGJKPQVXYZbfg"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "files::new::view_peer_denied",
        items: &["file/new#error.PermissionDenied"],
        summary: "a member with VIEW cannot make a file; one with UPLOAD can",
        needs: &[Need::Peer(Access::View)],
        steps: &[post("/file/new", r#"{"project": "$project"}"#)
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "files::new::invalid_inputs",
        items: &["file/new#error.InvalidInput"],
        summary: "a property key over 100 bytes, a malformed link, a long nonce and a numeric name are each InvalidInput",
        steps: &[
            new_rejected(r#"{"project": "$project", "properties": {"$pad(101,k)": "v"}}"#),
            new_rejected(r#"{"project": "$project", "details": {"$dnanexus_link": 5}}"#),
            new_rejected(r#"{"project": "$project", "nonce": "$pad(129,n)"}"#),
            new_rejected(r#"{"project": "$project", "name": 5}"#),
        ],
        ..CASE
    },
    Case {
        name: "files::new::billing",
        items: &["file/new#error.billing"],
        summary: "a project at its spending limit refuses new files (SpendingLimitExceeded), an expired org's project too (OrgExpired)",
        needs: &[Need::Billing],
        steps: &[
            post("/file/new", r#"{"project": "$limitProject"}"#)
                .fails(403, "SpendingLimitExceeded"),
            post("/file/new", r#"{"project": "$expiredProject"}"#).fails(403, "OrgExpired"),
        ],
    },
    Case {
        name: "files::new::external_upload_restricted",
        items: &[
            "files#rule.external-upload-restricted",
            "file/new#error.PermissionDenied.external",
        ],
        summary: "in a project with `externalUploadRestricted`, `/file/new` outside a job is refused (PermissionDenied)",
        steps: &[
            post(
                "/$project/update",
                r#"{"externalUploadRestricted": true}"#,
            )
            .proves(&["files#rule.external-upload-restricted"]),
            post("/file/new", r#"{"project": "$project"}"#)
                .refused()
                .proves(&["files#rule.external-upload-restricted"])
                .check(&[On(
                    "file/new#error.PermissionDenied.external",
                    &[
                        Eq("/error/type", r#""PermissionDenied""#),
                        Status(401),
                    ],
                )]),
        ],
        ..CASE
    },
    // ================= /file-xxxx/upload =================
    Case {
        name: "files::upload::answer",
        items: &["file/upload#output.url", "file/upload#output.headers"],
        summary: "`/upload` answers an absolute `url` and a `headers` mapping of strings, with which the PUT is accepted",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .check(&[
                Matches("/url", "^https?://[^/]+/"),
                Is("/headers", Kind::Object),
            ])
            .capture(&[("url", "/url"), ("hdrs", "/headers")]),
            PUT_SMALL,
        ],
        ..CASE
    },
    Case {
        name: "files::upload::headers_name_the_part",
        items: &["file/upload#output.headers.content"],
        summary: "the handed-out headers carry the part's length and the base64 of its MD5",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .check(&[
                Eq("/headers/content-length", r#""1000""#),
                Eq("/headers/content-md5", r#""$md5b64(1000,1)""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::expires",
        items: &["file/upload#output.expires"],
        summary: "`expires` is an integer timestamp later than the file's creation",
        steps: &[
            NEW_FILE,
            describe("{}").capture(&[("created", "/created")]),
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .check(&[
                Is("/expires", Kind::Int),
                Cmp("/expires", Ord::Gt, r#""$created""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::index_defaults_to_1",
        items: &["file/upload#input.index.default"],
        summary: "an `/upload` without `index` is for part 1",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .capture(&[("url", "/url"), ("hdrs", "/headers")]),
            PUT_SMALL,
            describe(r#"{"fields": {"parts": true}}"#).check(&[
                Has("/parts", r#"{"1": {"size": 1000, "md5": "$md5(1000,1)"}}"#),
                Len("/parts", 1),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::size_and_md5_required",
        items: &["file/upload#error.InvalidInput.missing"],
        summary: "an `/upload` without `size`, or without `md5`, is InvalidInput",
        steps: &[
            NEW_FILE,
            upload_rejected(r#"{"index": 1, "md5": "$md5(1000,1)"}"#),
            upload_rejected(r#"{"index": 1, "size": 1000}"#),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::index_out_of_range",
        items: &["file/upload#error.InvalidInput.index"],
        summary: "`index` 0, -1, 10001 or a string is InvalidInput",
        steps: &[
            NEW_FILE,
            upload_rejected(r#"{"index": 0, "size": 1000, "md5": "$md5(1000,1)"}"#),
            upload_rejected(r#"{"index": -1, "size": 1000, "md5": "$md5(1000,1)"}"#),
            upload_rejected(r#"{"index": 10001, "size": 1000, "md5": "$md5(1000,1)"}"#),
            upload_rejected(r#"{"index": "1", "size": 1000, "md5": "$md5(1000,1)"}"#),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::index_10000_accepted",
        items: &["file/upload#error.InvalidInput.index"],
        summary: "`index` 10000, the largest, is accepted",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 10000, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .check(&[Is("/url", Kind::String)]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::size_out_of_range",
        items: &["file/upload#error.InvalidInput.size"],
        summary: "a `size` one byte over 5 GiB, or negative, is InvalidInput",
        steps: &[
            NEW_FILE,
            upload_rejected(r#"{"index": 1, "size": 5368709121, "md5": "$md5(1000,1)"}"#),
            upload_rejected(r#"{"index": 1, "size": -1, "md5": "$md5(1000,1)"}"#),
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 5368709120, "md5": "$md5(1000,1)"}"#,
            )
            .check(&[Is("/url", Kind::String)]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::md5_malformed",
        items: &["file/upload#error.InvalidInput.md5"],
        summary: "an `md5` that is not 32 hexadecimal characters is InvalidInput",
        steps: &[
            NEW_FILE,
            upload_rejected(r#"{"index": 1, "size": 1000, "md5": "abc"}"#),
            upload_rejected(
                r#"{"index": 1, "size": 1000, "md5": "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}"#,
            ),
            upload_rejected(r#"{"index": 1, "size": 1000, "md5": 5}"#),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::closed_file_refused",
        items: &["files#rule.upload-only-open", "file/upload#error.InvalidState"],
        summary: "`/upload` of a closed file is refused (InvalidState) and the bytes are unchanged",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,3)"}"#,
            )
            .refused()
            .proves(&["files#rule.upload-only-open"])
            .check(&[On(
                "file/upload#error.InvalidState",
                &[Eq("/error/type", r#""InvalidState""#), STATUS_422],
            )]),
            DOWNLOAD_FILE,
            GET.proves(&["files#rule.upload-only-open"])
                .check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::unknown_file",
        items: &["file/upload#error.ResourceNotFound"],
        summary: "`/upload` of a well-formed file ID that does not exist is ResourceNotFound",
        steps: &[post(
            "/file-0123456789BFGJKPQVXYZbfg/upload",
            r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "files::upload::view_peer_denied",
        items: &["file/upload#error.PermissionDenied"],
        summary: "a member with VIEW cannot ask for an upload URL",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
        ],
    },
    Case {
        name: "files::upload::upload_peer_uploads",
        items: &["file/upload#error.PermissionDenied"],
        summary: "a member with UPLOAD fills and closes the owner's file, and the owner reads the bytes",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            NEW_FILE,
            UP_SMALL.by(Who::Peer),
            PUT_SMALL,
            CLOSE_FILE.by(Who::Peer),
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[BodyIs(SMALL, None)]),
        ],
    },
    Case {
        name: "files::upload::pending_part",
        items: &["file/upload#rule.pending"],
        summary: "an index asked for and not sent is a `pending` part",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            describe(r#"{"fields": {"parts": true}}"#)
                .check(&[Has("/parts", r#"{"1": {"state": "pending"}}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::reupload_keeps_data",
        items: &["file/upload#rule.reupload-keeps-data"],
        summary: "a complete part asked for again stays complete with its data until a new PUT lands",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,3)"}"#,
            ),
            describe(r#"{"fields": {"parts": true}}"#).check(&[Has(
                "/parts",
                r#"{"1": {"state": "complete", "md5": "$md5(1000,1)"}}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::last_put_wins",
        items: &["file/upload#rule.last-put-wins"],
        summary: "a part uploaded again is replaced: the download holds the second bytes",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,3)"}"#,
            )
            .capture(&[("url3", "/url"), ("hdrs3", "/headers")]),
            put_to("$url3", &[blob(1000, 3)]).headers_from("$hdrs3"),
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[BodyIs(&[blob(1000, 3)], None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::upload::external_upload_restricted",
        items: &[
            "files#rule.external-upload-restricted",
            "file/new#error.PermissionDenied.external",
        ],
        summary: "once the project restricts external uploads, `/upload` of its open file outside a job is refused",
        steps: &[
            NEW_FILE,
            post(
                "/$project/update",
                r#"{"externalUploadRestricted": true}"#,
            )
            .proves(&["files#rule.external-upload-restricted"]),
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,1)"}"#,
            )
            .refused()
            .proves(&["files#rule.external-upload-restricted"])
            .check(&[On(
                "file/new#error.PermissionDenied.external",
                &[
                    Eq("/error/type", r#""PermissionDenied""#),
                    Status(401),
                ],
            )]),
        ],
        ..CASE
    },
    // ================= the PUT to an upload URL =================
    Case {
        name: "files::put::no_token_needed",
        items: &["file/put#input.method", "file/put#input.no-auth"],
        summary: "the PUT of the part's bytes with the handed-out headers and no Authorization is accepted",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            put_to("$url", SMALL).headers_from("$hdrs"),
        ],
        ..CASE
    },
    Case {
        name: "files::put::part_complete_at_once",
        items: &["file/put#rule.complete"],
        summary: "right after its PUT, the part is `complete` with the size and MD5 of its bytes",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            describe(r#"{"fields": {"parts": true, "state": true}}"#).check(&[
                Has(
                    "/parts",
                    r#"{"1": {"size": 1000, "md5": "$md5(1000,1)", "state": "complete"}}"#,
                ),
                Eq("/state", r#""open""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::put::md5_mismatch",
        items: &["file/put#error.md5"],
        summary: "a PUT of other bytes than the MD5 announced is refused and the part does not become complete",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            put_to("$url", &[blob(1000, 9)])
                .headers_from("$hdrs")
                .refused(),
            describe(r#"{"fields": {"parts": true}}"#)
                .check(&[Has("/parts", r#"{"1": {"state": "pending"}}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::put::length_mismatch",
        items: &["file/put#error.length"],
        summary: "a PUT of 999 or 1001 bytes, with the MD5 announced, to a URL for 1000 is refused",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(999,1)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("short", "/url")]),
            put_to("$short", &[blob(999, 1)])
                .headers(&[("Content-MD5", "$md5b64(999,1)")])
                .refused(),
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1001,1)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("long", "/url")]),
            put_to("$long", &[blob(1001, 1)])
                .headers(&[("Content-MD5", "$md5b64(1001,1)")])
                .refused(),
            describe(r#"{"fields": {"parts": true}}"#)
                .check(&[Has("/parts", r#"{"1": {"state": "pending"}}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::put::headers_required",
        items: &["file/put#error.headers"],
        summary: "a PUT of the right bytes without the handed-out `content-md5` header is refused",
        steps: &[NEW_FILE, UP_SMALL, put_to("$url", SMALL).refused()],
        ..CASE
    },
    Case {
        name: "files::put::error_bodies",
        items: &["file/put#error.json"],
        summary: "a refused PUT answers a JSON error: 400 BadDigest for a wrong MD5",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            put_to("$url", &[blob(1000, 9)])
                .headers_from("$hdrs")
                .refused()
                .check(&[
                    Status(400),
                    Eq("/error/type", r#""BadDigest""#),
                    Is("/error/message", Kind::NonEmptyString),
                ]),
        ],
        ..CASE
    },
    Case {
        name: "files::put::after_close_refused",
        items: &["files#rule.bytes-fixed", "file/put#error.json"],
        summary: "a PUT to a URL handed out before close is refused once the file is closed (403), and the bytes stay",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 1000, "md5": "$md5(1000,5)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("late", "/url"), ("lateh", "/headers")]),
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            put_to("$late", &[blob(1000, 5)])
                .headers_from("$lateh")
                .refused()
                .proves(&["files#rule.bytes-fixed"])
                .check(&[On(
                    "file/put#error.json",
                    &[Status(403), Is("/error/type", Kind::NonEmptyString)],
                )]),
            DOWNLOAD_FILE,
            GET.proves(&["files#rule.bytes-fixed"])
                .check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    // ================= /file-xxxx/close =================
    Case {
        name: "files::close::answer",
        items: &["file/close#output.id"],
        summary: "close of an open file with its parts in answers its ID and no `detail`",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post("/$file/close", "{}").check(&[Eq("/id", r#""$file""#), Absent("/detail")]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::closing_then_closed",
        items: &["file/close#rule.closing-then-closed"],
        summary: "right after close the file reads closing or closed, then closed, and never open again",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            describe(r#"{"fields": {"state": true}}"#)
                .check(&[Matches("/state", "^(closing|closed)$")]),
            describe(r#"{"fields": {"state": true}}"#)
                .until(&[Eq("/state", r#""closed""#)], WAIT_MS)
                .check(&[Eq("/state", r#""closed""#)]),
            describe("{}").after(50).check(&[Eq("/state", r#""closed""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::again_answers_detail",
        items: &["file/close#output.detail"],
        summary: "close of a closed file succeeds with `detail`, and it stays closed",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/close", "{}").check(&[
                Eq("/id", r#""$file""#),
                Is("/detail", Kind::NonEmptyString),
            ]),
            describe("{}").check(&[Eq("/state", r#""closed""#), Eq("/size", "1000")]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::no_parts",
        items: &["file/close#error.InvalidState.no-parts"],
        summary: "close of a file with no parts is InvalidState where an empty last part is allowed (AWS); it stays open",
        steps: &[
            NEW_FILE,
            post("/$file/close", "{}").fails(422, "InvalidState"),
            describe("{}").check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::pending_part",
        items: &["file/close#error.InvalidState.pending"],
        summary: "close with a part asked for and never sent is InvalidState; it stays open",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            post("/$file/close", "{}").fails(422, "InvalidState"),
            describe("{}").check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::small_first_part",
        items: &[
            "files#rule.part-size-limits",
            "file/close#error.InvalidState.small-part",
        ],
        summary: "close of 1000 bytes then 1000 bytes (a first part under 5 MiB) is refused (InvalidState); it stays open",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            UP_TAIL2,
            PUT_TAIL2,
            post("/$file/close", "{}")
                .refused()
                .proves(&["files#rule.part-size-limits"])
                .check(&[On(
                    "file/close#error.InvalidState.small-part",
                    &[Eq("/error/type", r#""InvalidState""#), STATUS_422],
                )]),
            describe("{}")
                .proves(&["files#rule.part-size-limits"])
                .check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::first_part_one_byte_short",
        items: &[
            "files#rule.part-size-limits",
            "file/close#error.InvalidState.small-part",
        ],
        summary: "a first part of 5,242,879 bytes (one short of 5 MiB, over 5 MB) before a last part is refused at close",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 5242879, "md5": "$md5(5242879,1)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url1", "/url"), ("hdrs1", "/headers")]),
            put_to("$url1", &[blob(5_242_879, 1)])
                .headers_from("$hdrs1")
                .proves(&[PUT]),
            UP_TAIL2,
            PUT_TAIL2,
            post("/$file/close", "{}")
                .refused()
                .proves(&["files#rule.part-size-limits"])
                .check(&[On(
                    "file/close#error.InvalidState.small-part",
                    &[Eq("/error/type", r#""InvalidState""#), STATUS_422],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::five_mib_then_one_byte",
        items: &["file/close#rule.small-last-part"],
        summary: "5,242,880 bytes then 1 byte close, and download as their concatenation",
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            post(
                "/$file/upload",
                r#"{"index": 2, "size": 1, "md5": "$md5(1,2)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url2", "/url"), ("hdrs2", "/headers")]),
            put_to("$url2", &[blob(1, 2)]).headers_from("$hdrs2").proves(&[PUT]),
            post("/$file/close", "{}"),
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[BodyLen(5_242_881), BodyIs(&[blob(5_242_880, 1), blob(1, 2)], None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::single_small_part",
        items: &["file/close#rule.small-last-part"],
        summary: "a single part of 4 MiB, under minimumPartSize, closes: the last part is exempt",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 4194304, "md5": "$md5(4194304,7)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url", "/url"), ("hdrs", "/headers")]),
            put_to("$url", &[blob(4_194_304, 7)])
                .headers_from("$hdrs")
                .proves(&[PUT]),
            post("/$file/close", "{}").check(&[Eq("/id", r#""$file""#)]),
            WAIT,
            describe("{}").proves(&[CLOSED]).check(&[On(
                "file/close#rule.small-last-part",
                &[Eq("/size", "4194304")],
            )]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::empty_last_part",
        items: &["file/close#rule.empty-last-part"],
        summary: "an empty part after a 5 MiB part closes (AWS); the file is the 5 MiB",
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            post(
                "/$file/upload",
                r#"{"index": 2, "size": 0, "md5": "d41d8cd98f00b204e9800998ecf8427e"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url2", "/url"), ("hdrs2", "/headers")]),
            put_to("$url2", &[]).headers_from("$hdrs2").proves(&[PUT]),
            post("/$file/close", "{}"),
            WAIT,
            describe("{}").check(&[Eq("/size", "5242880")]),
            DOWNLOAD_FILE,
            GET.check(&[BodyIs(BIG1, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::empty_file",
        items: &["file/close#rule.empty-last-part"],
        summary: "a file of one empty part (what dx uploads for an empty file) closes with `size` 0",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 1, "size": 0, "md5": "d41d8cd98f00b204e9800998ecf8427e"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url", "/url"), ("hdrs", "/headers")]),
            put_to("$url", &[]).headers_from("$hdrs").proves(&[PUT]),
            post("/$file/close", "{}"),
            WAIT,
            describe(r#"{"fields": {"size": true, "parts": true}}"#).check(&[
                Eq("/size", "0"),
                Has("/parts", r#"{"1": {"size": 0, "state": "complete"}}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::view_peer_denied",
        items: &["file/close#error.PermissionDenied"],
        summary: "a member with VIEW cannot close a file; it stays open",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post("/$file/close", "{}")
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            describe("{}").check(&[Eq("/state", r#""open""#)]),
        ],
    },
    Case {
        name: "files::close::gaps_between_indexes",
        items: &["files#rule.gaps-allowed"],
        summary: "parts 2 (5 MiB) and 5 (1000 bytes), with no 1, 3 or 4, close and download as their concatenation",
        steps: &[
            NEW_FILE,
            post(
                "/$file/upload",
                r#"{"index": 2, "size": 5242880, "md5": "$md5(5242880,1)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url1", "/url"), ("hdrs1", "/headers")]),
            PUT_BIG1,
            post(
                "/$file/upload",
                r#"{"index": 5, "size": 1000, "md5": "$md5(1000,2)"}"#,
            )
            .proves(&[UPLOAD_URL])
            .capture(&[("url2", "/url"), ("hdrs2", "/headers")]),
            PUT_TAIL2,
            post("/$file/close", "{}"),
            post("/$file/describe", r#"{"fields": {"state": true}}"#)
                .until(&[Eq("/state", r#""closed""#)], WAIT_MS)
                .check(&[Eq("/state", r#""closed""#)]),
            post("/$file/download", "{}").capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(BIG, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::close::index_order",
        items: &["files#rule.parts-in-index-order"],
        summary: "part 2 uploaded before part 1: the content is part 1 then part 2",
        steps: &[
            NEW_FILE,
            UP_TAIL2,
            PUT_TAIL2,
            UP_BIG1,
            PUT_BIG1,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[BodyLen(5_243_880), BodyIs(BIG, None)]),
        ],
        ..CASE
    },
    // ================= /file-xxxx/download =================
    Case {
        name: "files::download::answer",
        items: &["file/download#output.url", "file/download#output.headers"],
        summary: "`/download` of a closed file answers an absolute `url` and a `headers` mapping; the GET of it returns the bytes",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", "{}")
                .proves(&[DOWNLOAD_URL])
                .check(&[
                    Matches("/url", "^https?://[^/]+/"),
                    On("file/download#output.headers", &[Is("/headers", Kind::Object)]),
                ])
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.proves(&[DOWNLOAD_URL]).check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::round_trip",
        items: &["files#rule.bytes-round-trip"],
        summary: "a file of two parts (5 MiB and 1000 bytes) downloads as exactly those bytes",
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            UP_TAIL2,
            PUT_TAIL2,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[BodyLen(5_243_880), BodyIs(BIG, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::open_file_refused",
        items: &["files#rule.download-only-closed", "file/download#error.InvalidState"],
        summary: "`/download` of an open file, even one whose parts are all in, is refused (InvalidState)",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post("/$file/download", "{}")
                .refused()
                .proves(&["files#rule.download-only-closed"])
                .check(&[On(
                    "file/download#error.InvalidState",
                    &[Eq("/error/type", r#""InvalidState""#), STATUS_422],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::preauthenticated",
        items: &[
            "file/download#input.preauthenticated",
            "file/download#output.expires",
        ],
        summary: "a preauthenticated URL comes with `expires` and works with no headers and no token",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            describe("{}").capture(&[("modified", "/modified")]),
            post("/$file/download", r#"{"preauthenticated": true}"#)
                .check(&[
                    On(
                        "file/download#output.expires",
                        &[
                            Is("/expires", Kind::Int),
                            Cmp("/expires", Ord::Gt, r#""$modified""#),
                        ],
                    ),
                    Is("/url", Kind::String),
                ])
                .capture(&[("pre", "/url")]),
            get_from("$pre")
                .proves(&["file/download#input.preauthenticated"])
                .check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::duration",
        items: &["file/download#input.duration"],
        summary: "a longer `duration` gives a later `expires`; 0 and a string are InvalidInput",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": 60}"#,
            )
            .capture(&[("short", "/expires")]),
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": 3600}"#,
            )
            .check(&[Cmp("/expires", Ord::Gt, r#""$short""#)]),
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": 0}"#,
            )
            .fails(422, "InvalidInput"),
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": "1h"}"#,
            )
            .fails(422, "InvalidInput"),
        ],
        ..CASE
    },
    Case {
        name: "files::download::filename_last",
        items: &["file/download#input.filename"],
        summary: "a preauthenticated URL ends with `/data.bin` (the file's name), or with `filename` when given, without a query",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"preauthenticated": true}"#)
                .check(&[Matches("/url", r"^[^?#]*/data\.bin$")]),
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "filename": "saved-as.txt"}"#,
            )
            .check(&[Matches("/url", r"^[^?#]*/saved-as\.txt$")])
            .capture(&[("pre", "/url")]),
            get_from("$pre").check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::with_project",
        items: &["file/download#input.project"],
        summary: "`project` naming the project that holds the file answers a working URL",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"project": "$project"}"#)
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::without_project",
        items: &["file/download#input.no-project"],
        summary: "without `project` the call works for a caller who can see the file",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"preauthenticated": false}"#)
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::wrong_project",
        items: &["file/download#error.ResourceNotFound.project"],
        summary: "`project` naming a project that does not hold the file, or no project, is ResourceNotFound",
        needs: &[Need::Project2],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"project": "$project2"}"#)
                .fails(404, "ResourceNotFound"),
            post(
                "/$file/download",
                r#"{"project": "project-012301230123012301230123"}"#,
            )
            .fails(404, "ResourceNotFound"),
        ],
    },
    Case {
        name: "files::download::stable_url",
        items: &["file/download#rule.stable-url"],
        summary: "two non-preauthenticated calls with the same inputs answer the same `url` and `headers`",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"preauthenticated": false}"#)
                .capture(&[("first", "/url"), ("firsth", "/headers")]),
            post("/$file/download", r#"{"preauthenticated": false}"#).check(&[
                Eq("/url", r#""$first""#),
                Eq("/headers", r#""$firsth""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::fresh_preauthenticated",
        items: &["file/download#rule.fresh-preauth"],
        summary: "preauthenticated calls with `duration` 30 and without answer different URLs",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": 30}"#,
            )
            .capture(&[("first", "/url")]),
            post("/$file/download", r#"{"preauthenticated": true}"#)
                .check(&[Ne("/url", r#""$first""#)]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::url_has_file_id",
        items: &["file/download#rule.url-has-file-id"],
        summary: "the download URL contains a file ID",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", "{}").check(&[Matches("/url", "file-[0-9A-Za-z]{24}")]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::download_restricted",
        items: &[
            "files#rule.download-restricted",
            "file/download#error.PermissionDenied.restricted",
        ],
        summary: "in a `downloadRestricted` project, `/download` outside a job is refused (PermissionDenied)",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$project/update", r#"{"downloadRestricted": true}"#)
                .proves(&["files#rule.download-restricted"]),
            post("/$file/download", "{}")
                .refused()
                .proves(&["files#rule.download-restricted"])
                .check(&[On(
                    "file/download#error.PermissionDenied.restricted",
                    &[
                        Eq("/error/type", r#""PermissionDenied""#),
                        Status(401),
                    ],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "files::download::unknown_inputs_ignored",
        items: &["file/download#input.unknown-ignored"],
        summary: "`stickyIP` and other keys no client sends are ignored",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", r#"{"stickyIP": true, "dxconformExtra": 1}"#)
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    // ================= the GET of a download URL =================
    Case {
        name: "files::get::whole",
        items: &["file/get#output.whole", "file/get#input.no-auth"],
        summary: "a GET without `Range`, with only the returned headers and no token, answers 200 and the whole file",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[Status(200), BodyIs(SMALL, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::range",
        items: &["file/get#output.range", "file/get#output.partial-status"],
        summary: "`Range: bytes=10-19` answers exactly those 10 bytes, 206 with `Content-Range`",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.headers(&[("Range", "bytes=10-19")]).check(&[
                On(
                    "file/get#output.range",
                    &[BodyLen(10), BodyIs(SMALL, Some((10, 19)))],
                ),
                On(
                    "file/get#output.partial-status",
                    &[Status(206), Header("Content-Range", r"^bytes 10-19/1000$")],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::range_across_parts",
        items: &["file/get#output.range"],
        summary: "a range over the boundary of two parts answers the bytes of both, in order",
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            UP_TAIL2,
            PUT_TAIL2,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.headers(&[("Range", "bytes=5242870-5242889")])
                .check(&[BodyLen(20), BodyIs(BIG, Some((5_242_870, 5_242_889)))]),
            GET.headers(&[("Range", "bytes=5242880-5243879")])
                .check(&[BodyIs(TAIL2, None)]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::first_and_last_bytes",
        items: &["file/get#output.range"],
        summary: "`bytes=0-0` is the first byte, `bytes=999-999` the last, `bytes=-10` the last ten",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.headers(&[("Range", "bytes=0-0")])
                .check(&[BodyIs(SMALL, Some((0, 0)))]),
            GET.headers(&[("Range", "bytes=999-999")])
                .check(&[BodyIs(SMALL, Some((999, 999)))]),
            GET.headers(&[("Range", "bytes=-10")])
                .check(&[BodyIs(SMALL, Some((990, 999)))]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::range_clamped",
        items: &["file/get#output.range-clamped"],
        summary: "`bytes=990-2000` of 1000 bytes answers the last 10, as does `bytes=990-`",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.headers(&[("Range", "bytes=990-2000")])
                .check(&[BodyLen(10), BodyIs(SMALL, Some((990, 999)))]),
            GET.headers(&[("Range", "bytes=990-")])
                .check(&[BodyIs(SMALL, Some((990, 999)))]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::content_length",
        items: &["file/get#output.content-length"],
        summary: "`Content-Length` is the number of bytes answered, whole and by range",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.check(&[Header("Content-Length", "^1000$"), BodyLen(1000)]),
            GET.headers(&[("Range", "bytes=100-149")])
                .check(&[Header("Content-Length", "^50$"), BodyLen(50)]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::range_past_end",
        items: &["file/get#error.range-past-end"],
        summary: "a range starting at the end of a 1000-byte file, or past it, is 416",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            DOWNLOAD_FILE,
            GET.headers(&[("Range", "bytes=1000-1010")]).status(416),
            GET.headers(&[("Range", "bytes=5000-")]).status(416),
        ],
        ..CASE
    },
    Case {
        name: "files::get::expired",
        items: &["file/get#error.expired"],
        summary: "a preauthenticated URL with `duration: 1` is refused (403) once its second is over (asked at 1.1 s, then until 2 s)",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$file/download",
                r#"{"preauthenticated": true, "duration": 1}"#,
            )
            .capture(&[("pre", "/url")]),
            // The lifetime began before the answer came, so 1.1 s after it the URL has
            // expired on an endpoint that counts milliseconds. One that counts whole
            // seconds may honour it until the end of the second it expires in: asked
            // again until 2 s, and judged on the last answer. This pause is the run's
            // longest, so it is no longer than that.
            get_from("$pre")
                .after(1_100)
                .until(&[Status(403)], 900)
                .refused()
                .check(&[Status(403)]),
        ],
        ..CASE
    },
    Case {
        name: "files::get::access_lost",
        items: &["file/get#error.access-lost"],
        summary: "a member's non-preauthenticated URL stops working once the member is removed from the project",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/download", "{}")
                .by(Who::Peer)
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(SMALL, None)]),
            post("/$project/decreasePermissions", r#"{"$peer": null}"#),
            GET.refused(),
        ],
    },
    Case {
        name: "files::get::removed_file",
        items: &["files#rule.remove-url-dies"],
        summary: "a preauthenticated URL of a file removed from its only project is refused",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            PREAUTH,
            post("/$project/removeObjects", r#"{"objects": ["$file"]}"#),
            get_from("$pre").refused(),
        ],
        ..CASE
    },
    // ================= /file-xxxx/describe =================
    Case {
        name: "files::describe::closed_defaults",
        items: &["file/describe#output.size", "file/describe#output.class"],
        summary: "a closed file's default describe adds `size`, the bytes written, to the open file's fields",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            describe("{}")
                .proves(&["file/describe#output.size"])
                .check(&[
                    Eq("/size", "1000"),
                    Is("/size", Kind::Int),
                    On(
                        "file/describe#output.class",
                        &[Fields("", DESCRIBE_FIELDS, CLOSED_DEFAULTS)],
                    ),
                ])
                .snapshot_as(&FILE_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::size_of_two_parts",
        items: &["file/describe#output.size"],
        summary: "`size` of a closed file of 5 MiB and 1000 bytes is 5,243,880",
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            UP_TAIL2,
            PUT_TAIL2,
            CLOSE_FILE,
            WAIT,
            describe(r#"{"fields": {"size": true}}"#).check(&[Eq("/size", "5243880")]),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::parts",
        items: &["file/describe#output.parts"],
        summary: "`parts` on request: `{}` for a new file, then each index with its size, MD5 and state",
        steps: &[
            NEW_FILE,
            describe(r#"{"fields": {"parts": true, "state": true}, "project": "$project"}"#)
                .check(&[Eq("/parts", "{}"), Eq("/state", r#""open""#)]),
            UP_BIG1,
            PUT_BIG1,
            UP_TAIL2,
            PUT_TAIL2,
            CLOSE_FILE,
            WAIT,
            describe(r#"{"fields": {"parts": true}}"#)
                .check(&[
                    Has(
                        "/parts",
                        r#"{"1": {"size": 5242880, "md5": "$md5(5242880,1)", "state": "complete"},
                            "2": {"size": 1000, "md5": "$md5(1000,2)", "state": "complete"}}"#,
                    ),
                    Len("/parts", 2),
                ])
                .snapshot_as(&FILE_DESCRIBE),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::top_level_flags",
        items: &["file/describe#input.flags", "file/describe#output.no-symlink-fields"],
        summary: "`dx download`'s body (top-level parts, size, drive, md5, checksumType) gives the defaults with `parts` and `size`, and no symlink fields",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            describe(
                r#"{"parts": true, "size": true, "drive": true, "md5": true,
                    "checksumType": true, "project": "$project"}"#,
            )
            .check(&[
                On(
                    "file/describe#input.flags",
                    &[
                        Has("/parts", r#"{"1": {"size": 1000, "md5": "$md5(1000,1)"}}"#),
                        Eq("/size", "1000"),
                        Eq("/name", r#""data.bin""#),
                        Eq("/state", r#""closed""#),
                    ],
                ),
                On(
                    "file/describe#output.no-symlink-fields",
                    &[
                        Absent("/drive"),
                        Absent("/md5"),
                        Absent("/checksumType"),
                        Absent("/symlinkPath"),
                    ],
                ),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::no_symlink_fields_by_default",
        items: &["file/describe#output.no-symlink-fields"],
        summary: "a default describe and one asking `fields` for them have no `drive`, `md5` or `symlinkPath`",
        steps: &[
            NEW_FILE,
            describe("{}").check(&[Absent("/drive"), Absent("/md5"), Absent("/symlinkPath")]),
            describe(r#"{"fields": {"drive": true, "md5": true, "symlinkPath": true}}"#)
                .check(&[Absent("/drive"), Absent("/md5"), Absent("/symlinkPath")]),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::fields_select",
        items: &["file/describe#input.fields"],
        summary: "`fields: {media: true}` gives `media` and no `name`; `{name: true}` the reverse",
        steps: &[
            NEW_FILE,
            describe(r#"{"fields": {"media": true}}"#)
                .check(&[Is("/media", Kind::String), Absent("/name")]),
            describe(r#"{"fields": {"name": true}}"#)
                .check(&[Eq("/name", r#""data.bin""#), Absent("/media")]),
            describe(r#"{"fields": {"parts": true}, "defaultFields": true}"#)
                .check(&[Eq("/parts", "{}"), Is("/media", Kind::String), Is("/name", Kind::String)]),
        ],
        ..CASE
    },
    Case {
        name: "files::describe::project_hint",
        items: &["file/describe#input.project"],
        summary: "after a clone, describe with either project as hint describes that project's copy",
        needs: &[Need::Project2],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$project/clone",
                r#"{"objects": ["$file"], "project": "$project2"}"#,
            ),
            describe(r#"{"project": "$project2"}"#).check(&[Eq("/project", r#""$project2""#)]),
            describe(r#"{"project": "$project"}"#).check(&[Eq("/project", r#""$project""#)]),
        ],
    },
    // ================= fileUploadParameters =================
    Case {
        name: "projects::describe::file_upload_parameters",
        items: &["project/describe#output.fileUploadParameters"],
        summary: "a project asked for `fileUploadParameters` answers the five part rules (the AWS row)",
        steps: &[post(
            "/$project/describe",
            r#"{"fields": {"fileUploadParameters": true}}"#,
        )
        .check(&[
            Is("/fileUploadParameters/minimumPartSize", Kind::Int),
            Is("/fileUploadParameters/maximumPartSize", Kind::Int),
            Is("/fileUploadParameters/maximumFileSize", Kind::Int),
            Is("/fileUploadParameters/maximumNumParts", Kind::Int),
            Is("/fileUploadParameters/emptyLastPartAllowed", Kind::Bool),
            Has(
                "/fileUploadParameters",
                r#"{"minimumPartSize": 5242880, "maximumPartSize": 5368709120,
                    "maximumFileSize": 5497558138880, "maximumNumParts": 10000,
                    "emptyLastPartAllowed": true}"#,
            ),
        ])
        .snapshot_as(&UPLOAD_PARAMETERS)],
        ..CASE
    },
    Case {
        name: "projects::describe::file_upload_parameters_on_request",
        items: &["project/describe#output.fileUploadParameters.on-request"],
        summary: "a default project describe has no `fileUploadParameters`",
        steps: &[post("/$project/describe", "{}").check(&[Absent("/fileUploadParameters")])],
        ..CASE
    },
    Case {
        name: "containers::describe::file_upload_parameters",
        items: &["container/describe#output.fileUploadParameters"],
        summary: "a container asked for `fileUploadParameters` answers the five part rules too",
        needs: &[Need::Container],
        steps: &[post(
            "/$container/describe",
            r#"{"fields": {"fileUploadParameters": true}}"#,
        )
        .check(&[
            Is("/fileUploadParameters/minimumPartSize", Kind::Int),
            Is("/fileUploadParameters/maximumPartSize", Kind::Int),
            Is("/fileUploadParameters/maximumFileSize", Kind::Int),
            Is("/fileUploadParameters/maximumNumParts", Kind::Int),
            Is("/fileUploadParameters/emptyLastPartAllowed", Kind::Bool),
        ])],
    },
    // ================= files in search, listings and bulk describe =================
    Case {
        name: "search::find_data_objects::file_class",
        items: &["file/find#input.class"],
        summary: "findDataObjects with `class: file` finds the project's file and not its record",
        steps: &[
            NEW_FILE,
            post("/record/new", r#"{"project": "$project"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("rec", "/id")]),
            post(
                "/system/findDataObjects",
                r#"{"class": "file", "scope": {"project": "$project"}}"#,
            )
            .paged()
            .check(&[
                AnyHas("/results", r#"{"id": "$file"}"#),
                NoneHas("/results", r#"{"id": "$rec"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::file_state",
        items: &["file/find#input.state"],
        summary: "`state: closed` finds the closed file and not the open one; `state: open` the reverse",
        steps: &[
            post("/file/new", r#"{"project": "$project", "name": "still-open"}"#)
                .proves(&[NEW_ID])
                .capture(&[("open", "/id")]),
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/system/findDataObjects",
                r#"{"class": "file", "state": "closed", "scope": {"project": "$project"}}"#,
            )
            .paged()
            .check(&[
                AnyHas("/results", r#"{"id": "$file"}"#),
                NoneHas("/results", r#"{"id": "$open"}"#),
            ]),
            post(
                "/system/findDataObjects",
                r#"{"class": "file", "state": "open", "scope": {"project": "$project"}}"#,
            )
            .paged()
            .check(&[
                AnyHas("/results", r#"{"id": "$open"}"#),
                NoneHas("/results", r#"{"id": "$file"}"#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::file_archival_state",
        items: &["file/find#input.archivalState"],
        summary: "`archivalState: live` finds a new closed file; `archived` does not",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/system/findDataObjects",
                r#"{"class": "file", "archivalState": "live", "scope": {"project": "$project"}}"#,
            )
            .paged()
            .check(&[AnyHas("/results", r#"{"id": "$file"}"#)]),
            post(
                "/system/findDataObjects",
                r#"{"class": "file", "archivalState": "archived", "scope": {"project": "$project"}}"#,
            )
            .paged()
            .check(&[NoneHas("/results", r#"{"id": "$file"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "search::find_data_objects::file_describe",
        items: &["file/find#output.describe"],
        summary: "`dx download NAME`'s search: a describe of top-level booleans gives `parts` and `size` and no `drive`",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/system/findDataObjects",
                r#"{"visibility": "either", "name": {"glob": "data.bin"},
                    "scope": {"project": "$project", "folder": "/", "recurse": false},
                    "describe": {"parts": true, "size": true, "drive": true, "md5": true,
                                 "checksumType": true},
                    "limit": 100}"#,
            )
            .paged()
            .check(&[
                AnyHas(
                    "/results",
                    r#"{"id": "$file", "describe": {"size": 1000,
                        "parts": {"1": {"size": 1000, "md5": "$md5(1000,1)"}}}}"#,
                ),
                Each("/results", &[Absent("/describe/drive"), Absent("/describe/md5")]),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "folders::list_folder::file_size",
        items: &["file/listFolder#output.size"],
        summary: "listFolder's describe gives a closed file's `size` (`dx ls -l`)",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$project/listFolder",
                r#"{"folder": "/", "describe": {"fields": {"id": true, "class": true,
                    "folder": true, "length": true, "modified": true, "name": true,
                    "project": true, "size": true, "state": true}}}"#,
            )
            .check(&[AnyHas(
                "/objects",
                r#"{"id": "$file", "describe": {"size": 1000, "state": "closed", "name": "data.bin"}}"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "system::describe_data_objects::file",
        items: &["file/describeDataObjects#output"],
        summary: "describeDataObjects with `classDescribeOptions` gives a file's state, archival state, size and parts",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/system/describeDataObjects",
                r#"{"objects": ["$file"], "classDescribeOptions": {"*": {"fields":
                    {"id": true, "project": true, "name": true, "state": true,
                     "archivalState": true, "size": true, "parts": true}}}}"#,
            )
            .check(&[
                Has(
                    "/results/0/describe",
                    r#"{"id": "$file", "state": "closed", "archivalState": "live",
                        "size": 1000, "parts": {"1": {"size": 1000}}}"#,
                ),
                Len("/results", 1),
            ]),
        ],
        ..CASE
    },
    // ================= data-object methods, clone, move and removal on files =================
    Case {
        name: "files::objects::open_file_changes",
        items: &["files#rule.open-changes"],
        summary: "an open file takes addTypes, setDetails and setVisibility, and describe shows them",
        steps: &[
            NEW_FILE,
            post("/$file/addTypes", r#"{"types": ["Reads"]}"#),
            post("/$file/setDetails", r#"{"sample": "a"}"#),
            post("/$file/setVisibility", r#"{"hidden": true}"#),
            describe(r#"{"fields": {"types": true, "details": true, "hidden": true}}"#).check(&[
                Eq("/types", r#"["Reads"]"#),
                Eq("/details", r#"{"sample": "a"}"#),
                Eq("/hidden", "true"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::objects::closed_file_frozen",
        items: &["files#rule.closed-freezes"],
        summary: "a closed file refuses addTypes, setDetails and setVisibility with InvalidState, and keeps its values",
        steps: &[
            post(
                "/file/new",
                r#"{"project": "$project", "name": "frozen.bin", "types": ["A"], "details": {"k": 1}}"#,
            )
            .proves(&[NEW_ID])
            .capture(&[("file", "/id")]),
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/addTypes", r#"{"types": ["B"]}"#).fails(422, "InvalidState"),
            post("/$file/setDetails", r#"{"k": 2}"#).fails(422, "InvalidState"),
            post("/$file/setVisibility", r#"{"hidden": true}"#).fails(422, "InvalidState"),
            describe(r#"{"fields": {"types": true, "details": true, "hidden": true}}"#).check(&[
                Eq("/types", r#"["A"]"#),
                Eq("/details", r#"{"k": 1}"#),
                Eq("/hidden", "false"),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::objects::closed_file_metadata",
        items: &["files#rule.closed-metadata"],
        summary: "a closed file can be renamed, tagged, given properties and moved",
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post("/$file/rename", r#"{"project": "$project", "name": "renamed.bin"}"#),
            post("/$file/addTags", r#"{"project": "$project", "tags": ["t"]}"#),
            post(
                "/$file/setProperties",
                r#"{"project": "$project", "properties": {"k": "v"}}"#,
            ),
            post("/$project/newFolder", r#"{"folder": "/fo-moved"}"#),
            post(
                "/$project/move",
                r#"{"objects": ["$file"], "destination": "/fo-moved"}"#,
            ),
            describe(r#"{"properties": true}"#).check(&[
                Eq("/name", r#""renamed.bin""#),
                Eq("/tags", r#"["t"]"#),
                Eq("/properties", r#"{"k": "v"}"#),
                Eq("/folder", r#""/fo-moved""#),
                Eq("/state", r#""closed""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "files::clone::closed_file",
        items: &["files#rule.clone-closed"],
        summary: "a closed file cloned into a second project keeps its ID there, and downloads through it",
        needs: &[Need::Project2],
        steps: &[
            NEW_FILE,
            UP_BIG1,
            PUT_BIG1,
            UP_TAIL2,
            PUT_TAIL2,
            CLOSE_FILE,
            WAIT,
            post(
                "/$project/clone",
                r#"{"objects": ["$file"], "project": "$project2"}"#,
            ),
            post("/$project2/listFolder", r#"{"folder": "/"}"#)
                .check(&[AnyHas("/objects", r#"{"id": "$file"}"#)]),
            post("/$file/download", r#"{"project": "$project2"}"#)
                .capture(&[("dl", "/url"), ("dlh", "/headers")]),
            GET.check(&[BodyIs(BIG, None)]),
        ],
    },
    Case {
        name: "files::clone::open_file_refused",
        items: &["files#rule.clone-open-refused", "files#rule.clone-open-invalid-state"],
        summary: "clone of an open file is refused (InvalidState) and the second project does not hold it",
        needs: &[Need::Project2],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            post(
                "/$project/clone",
                r#"{"objects": ["$file"], "project": "$project2"}"#,
            )
            .refused()
            .proves(&["files#rule.clone-open-refused"])
            .check(&[On(
                "files#rule.clone-open-invalid-state",
                &[Eq("/error/type", r#""InvalidState""#), STATUS_422],
            )]),
            post("/$project2/listFolder", r#"{"folder": "/"}"#)
                .proves(&["files#rule.clone-open-refused"])
                .check(&[NoneHas("/objects", r#"{"id": "$file"}"#)]),
        ],
    },
    Case {
        name: "files::clone::list_projects",
        items: &["files#rule.list-projects"],
        summary: "listProjects of a closed file cloned into a second project lists both",
        needs: &[Need::Project2],
        steps: &[
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$project/clone",
                r#"{"objects": ["$file"], "project": "$project2"}"#,
            ),
            post("/$file/listProjects", "{}").check(&[
                Has("", r#"{"$project": "ADMINISTER", "$project2": "ADMINISTER"}"#),
            ]),
        ],
    },
    Case {
        name: "files::remove::any_state",
        items: &["files#rule.remove"],
        summary: "removeObjects removes an open and a closed file; listFolder no longer shows them",
        steps: &[
            post("/file/new", r#"{"project": "$project", "name": "open.bin"}"#)
                .proves(&[NEW_ID])
                .capture(&[("open", "/id")]),
            NEW_FILE,
            UP_SMALL,
            PUT_SMALL,
            CLOSE_FILE,
            WAIT,
            post(
                "/$project/removeObjects",
                r#"{"objects": ["$open", "$file"]}"#,
            ),
            post("/$project/listFolder", r#"{"folder": "/"}"#).check(&[
                NoneHas("/objects", r#"{"id": "$open"}"#),
                NoneHas("/objects", r#"{"id": "$file"}"#),
            ]),
        ],
        ..CASE
    },
];
