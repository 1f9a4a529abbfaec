//! The vocabulary the case tables in `cases/` are written in.
//!
//! A case is a table row, not a function: a path-like name, the catalogue items it covers,
//! what it needs from the target (a peer at some permission level, a second project, the
//! billing fixtures) and one or more [`Step`]s. A step is one HTTP call with what it must
//! show. Everything here is `const`-constructible so that tables are `static` slices of
//! struct literals; JSON bodies are raw strings, parsed and validated once at start-up by
//! [`crate::runner`], so a malformed table aborts the run with the case's name instead of
//! becoming a failing trial.
//!
//! # Placeholders
//!
//! Bodies, paths and check operands may hold placeholders, substituted at run time in every
//! JSON string (keys included) and in paths:
//!
//! - `$project`, `$project2`: the case's scratch projects (the second one only with
//!   [`Need::Project2`]); `$projectName`, `$project2Name`: their names, unique to the
//!   run and the case (a project search can find exactly the case's own); `$owner`, `$peer`: the principals' user IDs; `$run`: a
//!   12-character string unique to the run (for nonces); `$limitProject`,
//!   `$expiredProject`: the billing fixtures ([`Need::Billing`]);
//! - any name captured by an earlier step ([`Step::capture`]);
//! - `$pad(N,TAIL)`: a string of exactly `N` UTF-8 bytes, `a`s followed by `TAIL`, for the
//!   size-limit cases (`$pad(100,é)` is 98 `a`s and a two-byte `é`).
//!
//! A string that is exactly one placeholder (`"$created"`) is replaced by the captured JSON
//! value whatever its type; inside a longer string the value must be a string and is
//! spliced in. `$dnanexus_link` is the API's reserved key, never a placeholder; `$$` is a
//! literal `$`. An unknown placeholder is an error in the table, reported at run time with
//! the case's name.

use crate::blob::Blob;
use crate::shape::Shape;

/// The HTTP method of a step. The API is POST-only; the others are for the protocol cases
/// (preflights, methods the API does not allow). Our own enum because `http::Method` is not
/// `Copy` and cannot sit in a `const` table's builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Post,
    Get,
    Put,
    Delete,
    Options,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Post => "POST",
            Verb::Get => "GET",
            Verb::Put => "PUT",
            Verb::Delete => "DELETE",
            Verb::Options => "OPTIONS",
        }
    }
}

/// Who sends a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The main user: creator and ADMINISTER of the case's scratch projects.
    Owner,
    /// The second user, invited to the scratch project at the level the case [`Need`]s.
    Peer,
    /// No `Authorization` header at all.
    Anonymous,
    /// A well-formed bearer header whose token no endpoint issued.
    BadToken,
}

/// A permission level on a project, in the documented order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Invited at no level: the peer exists but cannot see the project.
    None,
    View,
    Upload,
    Contribute,
    Administer,
}

impl Access {
    /// The API's spelling (`"VIEW"` ...); `None` has no spelling because it is never sent.
    pub fn as_api(self) -> Option<&'static str> {
        match self {
            Access::None => None,
            Access::View => Some("VIEW"),
            Access::Upload => Some("UPLOAD"),
            Access::Contribute => Some("CONTRIBUTE"),
            Access::Administer => Some("ADMINISTER"),
        }
    }
}

/// What a case needs from the target before its first step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The peer principal, invited to `$project` at this level (`Access::None`: not
    /// invited). Without a peer token the case is ignored, with the reason.
    Peer(Access),
    /// A second scratch project, `$project2`, owned by the owner.
    Project2,
    /// The peer at this level on `$project2` (implies [`Need::Project2`]).
    PeerOnProject2(Access),
    /// The billing fixtures `$limitProject` (billed to an org at its spending limit) and
    /// `$expiredProject` (billed to an expired org). Ignored on targets without them.
    Billing,
    /// `$container`: a container the owner administers (containers are made by the
    /// platform for jobs, so it is a fixture, shared by every case: use folders and names
    /// unique to the case, and remove what the case made). Ignored on targets without one.
    Container,
}

/// The body a step sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// JSON text with placeholders, sent as `application/json`.
    Json(&'static str),
    /// Bytes sent as they are, with this `Content-Type` (`None`: no such header). For the
    /// protocol cases: malformed JSON, other content types, an empty body.
    Raw {
        text: &'static str,
        content_type: Option<&'static str>,
    },
    /// The concatenation of these blobs, as bytes, without a `Content-Type` (the body of a
    /// PUT to an upload URL).
    Blob(&'static [Blob]),
}

/// The answer a step must get. Each part is a fact judged at the level of the item that
/// documents it (ARCHITECTURE.md, "Verdicts per fact"):
///
/// - [`Expect::Ok`]: a 2xx status with a JSON body proves the step's items; the JSON
///   `Content-Type` proves `protocols#header.content-type`.
/// - [`Expect::Error`]: the `error.type` proves the step's items; the HTTP status proves
///   the item the status table of the catalogue gives that type (`protocols#status.422`
///   ...; only MalformedJSON's 400 is documented); the body's shape, its JSON content type
///   and a non-empty message prove `protocols#error-body` and
///   `protocols#header.content-type`. The status written in the table must be the one the
///   status table gives (checked at start-up), so tables stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Success: a 2xx status with a JSON body.
    Ok,
    /// This `error.type` (and, as a fact of its own, this HTTP status).
    Error(u16, &'static str),
    /// Any 2xx status, any body (an accepted CORS preflight).
    Accepted,
    /// Any 4xx status, any body: the request is refused (a call without a token).
    Refused,
    /// Exactly this status, any body.
    Status(u16),
}

/// The JSON kinds the documentation's data types map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    /// A string that is not empty.
    NonEmptyString,
    Bool,
    /// `int`: a JSON number with an integer value.
    Int,
    /// `timestamp`: an integer number of milliseconds since the epoch, within the run's
    /// time window (so seconds, or a date in 1970, fail).
    Timestamp,
    Number,
    Array,
    /// An array whose every element is a string.
    StringArray,
    /// `mapping`: a JSON object.
    Object,
    Null,
    /// An entity ID of this class: `class-` and 24 characters of `[0-9A-Za-z]`.
    Id(&'static str),
}

/// How a number in the answer compares with an operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ord {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

/// One explicit check of a documented fact, on the answer's JSON body (addressed with JSON
/// pointers, `""` being the whole body) or its headers.
///
/// Operands are JSON text with placeholders; an operand that starts with `@` is instead a
/// JSON pointer into the same answer (`Cmp("/created", Le, "@/modified")`).
///
/// A check proves the step's items (see [`Step::proves`]) unless it sits in an
/// [`Check::On`] group, which names the item it proves: that is how a case keeps a SHOULD
/// fact (an observed order, a reading of silent docs) apart from its MUST facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// These checks prove this catalogue item (and are judged at its level).
    On(&'static str, &'static [Check]),
    /// The HTTP status is exactly this (for a status that is a fact of its own, in `On`).
    Status(u16),
    /// The value has (at least) the operand's keys with the operand's values, recursively
    /// for nested mappings: undocumented extra keys do not matter. Other values compare
    /// as with `Eq`.
    Has(&'static str, &'static str),
    /// The array holds an element that `Has` the operand.
    AnyHas(&'static str, &'static str),
    /// The array holds no element that `Has` the operand.
    NoneHas(&'static str, &'static str),
    /// The value is an array and every element passes these checks (pointers relative to
    /// the element).
    Each(&'static str, &'static [Check]),
    /// The array (or object, or string in bytes) has a length that compares so with `.2`.
    Count(&'static str, Ord, usize),
    /// The array's elements are pairwise different.
    Distinct(&'static str),
    /// The array holds elements that `Has` each element of the operand (a JSON array), in
    /// that order (others may come between).
    InOrder(&'static str, &'static str),
    /// Elements of the array that share the value at the pointer `.1` (relative to the
    /// element) are next to each other: "results from one project are grouped together".
    Grouped(&'static str, &'static str),
    /// The raw answer body is exactly the concatenation of these blobs, or, with a range,
    /// its bytes `a..=b` (a download, whole or ranged).
    BodyIs(&'static [Blob], Option<(usize, usize)>),
    /// The raw answer body has exactly this many bytes.
    BodyLen(usize),
    /// The value equals the operand (JSON equality: key order does not matter).
    Eq(&'static str, &'static str),
    /// The value is present and differs from the operand.
    Ne(&'static str, &'static str),
    /// The value is present and of this kind.
    Is(&'static str, Kind),
    /// The key is absent.
    Absent(&'static str),
    /// The array holds an element equal to the operand.
    Contains(&'static str, &'static str),
    /// The array holds no element equal to the operand.
    Lacks(&'static str, &'static str),
    /// The array (or object, or string in bytes) has this length.
    Len(&'static str, usize),
    /// The value equals the operand as a set: an array with the same elements in any
    /// order (for arrays the documentation treats as sets, and for SHOULD-only orders).
    SetEq(&'static str, &'static str),
    /// The string matches this regular expression (anchor it yourself).
    Matches(&'static str, &'static str),
    /// The number compares so with the operand.
    Cmp(&'static str, Ord, &'static str),
    /// Of the documented keys `.1`, the object holds exactly those in `.2` (keys the
    /// documentation does not name are allowed: a real platform adds some).
    Fields(
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    ),
    /// The response header is present and matches this regular expression.
    Header(&'static str, &'static str),
    /// The response header is absent.
    NoHeader(&'static str),
    /// The response header is present and differs from the operand (JSON text, typically
    /// a header captured from an earlier answer with `header:NAME`): for values that must
    /// be fresh on every answer, such as `X-Request-ID`.
    HeaderNe(&'static str, &'static str),
}

/// One call of a case and what it must show.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub method: Verb,
    /// The route, with placeholders: `/record/new`, `/$rec/describe`; or exactly one
    /// placeholder holding an absolute URL the endpoint handed out (`$url`), which is used
    /// as it is and never gets a token.
    pub path: &'static str,
    pub body: Body,
    pub who: Who,
    /// Extra request headers (`Origin`, a `Content-Type` for raw bodies is in [`Body`]).
    pub headers: &'static [(&'static str, &'static str)],
    pub expect: Expect,
    pub checks: &'static [Check],
    /// `(name, pointer)`: remember the answer's value at `pointer` as `$name` for later
    /// steps and checks (`("rec", "/id")`; `("first", "")` keeps the whole answer;
    /// `("rid", "header:x-request-id")` keeps a response header's value as a string).
    pub capture: &'static [(&'static str, &'static str)],
    /// Compare the normalized answer with a named insta snapshot in `snapshots/`: an error
    /// answer projected onto [`crate::shape::ERROR`], a success onto [`Step::shape`].
    pub snapshot: bool,
    /// Wait this long before sending, so that a fact about time ("`modified` is later
    /// after a change") cannot tie within one millisecond on a fast endpoint.
    pub after_ms: u64,
    /// The catalogue items this step's expectation and its checks outside `On` prove;
    /// empty: the case's items (which must then all share one level).
    pub proves: &'static [&'static str],
    /// The documented shape a snapshot of a successful answer is projected onto (error
    /// answers use [`crate::shape::ERROR`]).
    pub shape: Option<&'static Shape>,
    /// Follow `next`: repeat the call with `starting` set to the previous answer's `next`
    /// until it is null (`limit` is a maximum, so an endpoint may answer short pages). The
    /// checks then see `{"results": [every page's results], "next": null, "pages": [each
    /// answer]}`.
    pub pages: bool,
    /// A captured mapping of header names to values to send too (the `headers` an upload
    /// or download URL comes with).
    pub headers_from: Option<&'static str>,
    /// Wait for a state: repeat the step (a few times a second) until these checks hold or
    /// `until_ms` pass, then judge the last answer (a file is `closing` for a while).
    pub until: &'static [Check],
    pub until_ms: u64,
}

/// A POST of `body` to `path` by the owner that must succeed: the usual step, refined
/// with the builder methods below (all `const`, so tables stay `static`).
pub const fn post(path: &'static str, body: &'static str) -> Step {
    Step {
        method: Verb::Post,
        path,
        body: Body::Json(body),
        who: Who::Owner,
        headers: &[],
        expect: Expect::Ok,
        checks: &[],
        capture: &[],
        snapshot: false,
        after_ms: 0,
        proves: &[],
        shape: None,
        pages: false,
        headers_from: None,
        until: &[],
        until_ms: 0,
    }
}

/// A PUT of the blobs' bytes to a URL the endpoint handed out (a captured placeholder such
/// as `$url`): an upload URL. It goes to that URL as it is, on whatever host, and never
/// carries a token. Must be accepted (any 2xx) unless refined.
pub const fn put_to(url: &'static str, blobs: &'static [Blob]) -> Step {
    let mut step = post(url, "{}");
    step.method = Verb::Put;
    step.body = Body::Blob(blobs);
    step.expect = Expect::Accepted;
    step
}

/// A GET of a URL the endpoint handed out (a download URL), without a token. Must be
/// accepted (any 2xx) unless refined; add `Range` with [`Step::headers`].
pub const fn get_from(url: &'static str) -> Step {
    let mut step = post(url, "{}");
    step.method = Verb::Get;
    step.body = Body::Blob(&[]);
    step.expect = Expect::Accepted;
    step
}

/// A request with a raw body (`content_type: None` sends no such header).
pub const fn raw(
    path: &'static str,
    text: &'static str,
    content_type: Option<&'static str>,
) -> Step {
    let mut step = post(path, "{}");
    step.body = Body::Raw { text, content_type };
    step
}

impl Step {
    /// Sent by another principal.
    pub const fn by(mut self, who: Who) -> Self {
        self.who = who;
        self
    }

    /// Must fail with this status and error type.
    pub const fn fails(mut self, status: u16, error_type: &'static str) -> Self {
        self.expect = Expect::Error(status, error_type);
        self
    }

    /// Must answer exactly this status, whatever the body.
    pub const fn status(mut self, status: u16) -> Self {
        self.expect = Expect::Status(status);
        self
    }

    /// Must be accepted: any 2xx status, whatever the body.
    pub const fn accepted(mut self) -> Self {
        self.expect = Expect::Accepted;
        self
    }

    /// Must be refused: any 4xx status, whatever the body.
    pub const fn refused(mut self) -> Self {
        self.expect = Expect::Refused;
        self
    }

    /// The items this step proves (instead of the case's).
    pub const fn proves(mut self, items: &'static [&'static str]) -> Self {
        self.proves = items;
        self
    }

    /// Compare the answer, projected onto `shape`, with a snapshot.
    pub const fn snapshot_as(mut self, shape: &'static Shape) -> Self {
        self.snapshot = true;
        self.shape = Some(shape);
        self
    }

    /// Follow `next` through every page (see [`Step::pages`]).
    pub const fn paged(mut self) -> Self {
        self.pages = true;
        self
    }

    /// Also send the headers of this captured mapping (`"$hdrs"`).
    pub const fn headers_from(mut self, placeholder: &'static str) -> Self {
        self.headers_from = Some(placeholder);
        self
    }

    /// Repeat until `checks` hold, for at most `ms` milliseconds (see [`Step::until`]).
    pub const fn until(mut self, checks: &'static [Check], ms: u64) -> Self {
        self.until = checks;
        self.until_ms = ms;
        self
    }

    pub const fn check(mut self, checks: &'static [Check]) -> Self {
        self.checks = checks;
        self
    }

    pub const fn capture(mut self, capture: &'static [(&'static str, &'static str)]) -> Self {
        self.capture = capture;
        self
    }

    pub const fn snapshot(mut self) -> Self {
        self.snapshot = true;
        self
    }

    pub const fn headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Self {
        self.headers = headers;
        self
    }

    /// Sent `ms` milliseconds after the previous step's answer.
    pub const fn after(mut self, ms: u64) -> Self {
        self.after_ms = ms;
        self
    }

    pub const fn method(mut self, method: Verb) -> Self {
        self.method = method;
        self
    }
}

/// A case: one row of a table.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// `area::operation::what`, unique; what users filter on and baselines list.
    pub name: &'static str,
    /// The catalogue items this case checks (at least one; each must exist).
    pub items: &'static [&'static str],
    /// One line: what the case shows, in the documentation's terms.
    pub summary: &'static str,
    pub needs: &'static [Need],
    pub steps: &'static [Step],
}

/// The default row, for `..CASE` in tables.
pub const CASE: Case = Case {
    name: "",
    items: &[],
    summary: "",
    needs: &[],
    steps: &[],
};
