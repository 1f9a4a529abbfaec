//! The Nonces page: what the optional `nonce` input of the creating routes promises,
//! checked on `/record/new` (file and other classes' `new` routes take it too and are
//! checked where those routes are).
//!
//! <https://documentation.dnanexus.com/developer/api/nonces>. A request repeated with the
//! same nonce gets an identical copy of the first response and creates nothing new, for at
//! least an hour; the same nonce with any difference in the rest of the input (the whole
//! input, not selected fields) is InvalidInput; a nonce is at most 128 bytes in UTF-8.
//! "Creates nothing" is checked by a search of the case's project, not only by the answer.
//!
//! Readings taken (SHOULD items, each saying so; spec §13.9):
//! - nonces are scoped per user: the peer may use the owner's nonce, with the owner's or
//!   another input, and gets its own record;
//! - a failed first attempt does not claim the nonce: the corrected request succeeds;
//! - inputs are compared as JSON values (key order ignored, at every depth);
//! - a non-string nonce is InvalidInput; the same input with another nonce, or none, is a
//!   new request; a refused reuse leaves the first request replayable;
//! - the reuse message is observed word for word, so it is SHOULD.
//!
//! Every nonce carries `$run`, so a rerun against a real endpoint never meets an earlier
//! run's nonce (which would be a reuse with another project).

use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::NONCES;

const fn item(id: &'static str, kind: ItemKind, level: Level, text: &'static str) -> Item {
    Item::new(id, &NONCES, "", kind, level, text)
}

pub static ITEMS: &[Item] = &[
    item(
        "nonces#rule.replay-identical",
        Rule,
        Must,
        "A request repeated with the same nonce (`/record/new` takes one) gets an identical copy of the first response: the same `id`, whatever happened to the record since.",
    ),
    item(
        "nonces#rule.replay-creates-nothing",
        Rule,
        Must,
        "The repeat creates nothing new: the project holds one record, however often the request is repeated.",
    ),
    item(
        "nonces#rule.one-hour",
        Rule,
        Must,
        "Replay is guaranteed for one hour after the first request: a repeat seconds later still replays.",
    ),
    item(
        "nonces#error.reused",
        Error,
        Must,
        "InvalidInput: the same nonce with any difference in the rest of the input (another name, tags, project, folder, `close`...); nothing is created.",
    ),
    item(
        "nonces#rule.whole-input",
        Rule,
        Must,
        "The whole input is compared, not selected fields: a difference deep inside `details` or in one property value is a reuse with other input.",
    ),
    item(
        "nonces#error.reused.message",
        Error,
        Should,
        "[OBSERVED] The message of that InvalidInput is exactly `Nonce was reused for an earlier API request that had a different input`.",
    ),
    item(
        "nonces#rule.reuse-keeps-first",
        Rule,
        Should,
        "[INFERRED] A refused reuse does not replace the stored request: the original input still replays its first answer.",
    ),
    item(
        "nonces#input.max-bytes",
        Input,
        Must,
        "A nonce is at most 128 bytes in UTF-8: one of exactly 128 bytes is accepted and replays, one of 129 bytes (fewer characters) is InvalidInput.",
    ),
    item(
        "nonces#input.type",
        Input,
        Should,
        "[SILENT] A nonce that is not a string (a mapping, a boolean) is InvalidInput (our reading).",
    ),
    item(
        "nonces#rule.new-request",
        Rule,
        Should,
        "[OBSERVED] [INFERRED] The same input without a nonce, or with another nonce, is a new request: it creates another record.",
    ),
    item(
        "nonces#rule.per-user",
        Rule,
        Should,
        "[SILENT] Reading taken: nonces are scoped per user; another user may send a nonce the owner used, with the same or another input, and gets a record of its own, not the owner's answer nor InvalidInput.",
    ),
    item(
        "nonces#rule.failed-not-stored",
        Rule,
        Should,
        "[SILENT] Reading taken: a refused first attempt does not claim its nonce; the corrected request with the same nonce succeeds.",
    ),
    item(
        "nonces#rule.canonical",
        Rule,
        Should,
        "[SILENT] Reading taken: inputs are compared as JSON values, so the same input with keys in another order, at any depth, is a replay.",
    ),
];

/// Every record of the case's project, followed through every page.
const ALL_RECORDS: Step = post(
    "/system/findDataObjects",
    r#"{"scope": {"project": "$project"}, "class": "record", "visibility": "either"}"#,
)
.paged();

const fn new(body: &'static str) -> Step {
    post("/record/new", body)
}

/// A `/record/new` refused with InvalidInput.
const fn refused(body: &'static str) -> Step {
    new(body).fails(422, "InvalidInput")
}

pub static CASES: &[Case] = &[
    // ================= replay =================
    Case {
        name: "nonces::replay::identical_answer",
        items: &["nonces#rule.replay-identical", "nonces#rule.replay-creates-nothing"],
        summary: "three sends of one request with one nonce answer the same `{id}`, and the project holds one record",
        steps: &[
            new(r#"{"project": "$project", "name": "once", "nonce": "nn-identical-$run"}"#)
                .proves(&["record/new#output.id"])
                .check(&[Is("/id", Kind::Id("record"))])
                .capture(&[("first", ""), ("rec", "/id")]),
            new(r#"{"project": "$project", "name": "once", "nonce": "nn-identical-$run"}"#)
                .proves(&["nonces#rule.replay-identical"])
                .check(&[Eq("", r#""$first""#)]),
            new(r#"{"project": "$project", "name": "once", "nonce": "nn-identical-$run"}"#)
                .proves(&["nonces#rule.replay-identical"])
                .check(&[Eq("", r#""$first""#)]),
            ALL_RECORDS.proves(&["nonces#rule.replay-creates-nothing"]).check(&[
                Len("/results", 1),
                Eq("/results/0/id", r#""$rec""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::replay::after_the_record_changed",
        items: &["nonces#rule.replay-identical"],
        summary: "after the record was renamed, tagged and closed, a repeat still answers the first answer and the changes stay",
        steps: &[
            new(r#"{"project": "$project", "name": "n1", "nonce": "nn-changed-$run"}"#)
                .capture(&[("first", ""), ("rec", "/id")]),
            post("/$rec/rename", r#"{"project": "$project", "name": "n2"}"#)
                .proves(&["class/rename#input.name"]),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            new(r#"{"project": "$project", "name": "n1", "nonce": "nn-changed-$run"}"#)
                .check(&[Eq("", r#""$first""#)]),
            post("/$rec/describe", "{}").check(&[
                Eq("/name", r#""n2""#),
                Eq("/state", r#""closed""#),
            ]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::replay::creates_nothing_with_every_input",
        items: &["nonces#rule.replay-creates-nothing"],
        summary: "a repeated request with tags, properties, details and a new folder creates no second record and no second folder entry",
        steps: &[
            new(
                r#"{"project": "$project", "name": "full", "tags": ["t"], "properties": {"k": "v"},
                    "details": {"d": [1]}, "folder": "/nn-full", "parents": true, "nonce": "nn-full-$run"}"#,
            )
            .capture(&[("rec", "/id")]),
            new(
                r#"{"project": "$project", "name": "full", "tags": ["t"], "properties": {"k": "v"},
                    "details": {"d": [1]}, "folder": "/nn-full", "parents": true, "nonce": "nn-full-$run"}"#,
            )
            .check(&[Eq("/id", r#""$rec""#)]),
            ALL_RECORDS.check(&[Len("/results", 1)]),
            post("/$project/listFolder", r#"{"folder": "/nn-full"}"#)
                .proves(&["nonces#rule.replay-creates-nothing"])
                .check(&[Len("/objects", 1), Eq("/objects/0/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::replay::closed_record",
        items: &["nonces#rule.replay-creates-nothing"],
        summary: "a repeat of a request creating a closed record creates nothing",
        steps: &[
            new(r#"{"project": "$project", "close": true, "nonce": "nn-closed-$run"}"#)
                .capture(&[("rec", "/id")]),
            new(r#"{"project": "$project", "close": true, "nonce": "nn-closed-$run"}"#)
                .check(&[Eq("/id", r#""$rec""#)]),
            ALL_RECORDS.check(&[Len("/results", 1), Eq("/results/0/id", r#""$rec""#)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::replay::seconds_later",
        items: &["nonces#rule.one-hour"],
        summary: "a repeat sent a second after the first request still replays it",
        steps: &[
            new(r#"{"project": "$project", "nonce": "nn-later-$run"}"#).capture(&[("first", "")]),
            new(r#"{"project": "$project", "nonce": "nn-later-$run"}"#)
                // A second, not an hour: enough to tell a nonce kept from one forgotten at
                // once, without making this case the run's longest by far.
                .after(1000)
                .check(&[Eq("", r#""$first""#)]),
        ],
        ..CASE
    },
    // ================= reuse with other input =================
    Case {
        name: "nonces::reuse::other_tags",
        items: &["nonces#error.reused"],
        summary: "the same nonce with other `tags` is InvalidInput, and no second record is made",
        steps: &[
            new(r#"{"project": "$project", "tags": ["a"], "nonce": "nn-tags-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "tags": ["b"], "nonce": "nn-tags-$run"}"#)
                .snapshot(),
            ALL_RECORDS.check(&[Len("/results", 1)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::input_dropped",
        items: &["nonces#error.reused"],
        summary: "the same nonce without an input the first request had (`name`) is InvalidInput",
        steps: &[
            new(r#"{"project": "$project", "name": "had", "nonce": "nn-dropped-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "nonce": "nn-dropped-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::other_project",
        items: &["nonces#error.reused"],
        summary: "the same nonce sent to another project is InvalidInput; nothing is created there",
        needs: &[Need::Project2],
        steps: &[
            new(r#"{"project": "$project", "nonce": "nn-project-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project2", "nonce": "nn-project-$run"}"#),
            post(
                "/system/findDataObjects",
                r#"{"scope": {"project": "$project2"}, "visibility": "either"}"#,
            )
            .paged()
            .check(&[Eq("/results", "[]")]),
        ],
    },
    Case {
        name: "nonces::reuse::other_close",
        items: &["nonces#error.reused"],
        summary: "the same nonce with `close: true` added is InvalidInput; the record stays open",
        steps: &[
            new(r#"{"project": "$project", "nonce": "nn-close-$run"}"#)
                .proves(&["nonces#rule.replay-identical"])
                .capture(&[("rec", "/id")]),
            refused(r#"{"project": "$project", "close": true, "nonce": "nn-close-$run"}"#),
            post("/$rec/describe", "{}").check(&[Eq("/state", r#""open""#)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::other_folder",
        items: &["nonces#error.reused"],
        summary: "the same nonce with another `folder` is InvalidInput",
        steps: &[
            new(r#"{"project": "$project", "folder": "/nn-a", "parents": true, "nonce": "nn-folder-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "folder": "/nn-b", "parents": true, "nonce": "nn-folder-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::deep_in_details",
        items: &["nonces#rule.whole-input"],
        summary: "the same nonce with one number changed deep inside `details` is InvalidInput",
        steps: &[
            new(r#"{"project": "$project", "details": {"a": {"b": [1, 2, {"c": 3}]}}, "nonce": "nn-deep-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "details": {"a": {"b": [1, 2, {"c": 4}]}}, "nonce": "nn-deep-$run"}"#),
            ALL_RECORDS.check(&[Len("/results", 1)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::one_property_value",
        items: &["nonces#rule.whole-input"],
        summary: "the same nonce with one of two property values changed is InvalidInput",
        steps: &[
            new(r#"{"project": "$project", "properties": {"a": "1", "b": "2"}, "nonce": "nn-prop-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "properties": {"a": "1", "b": "3"}, "nonce": "nn-prop-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::array_order",
        items: &["nonces#rule.whole-input"],
        summary: "the same nonce with the details array in another order is a different input: InvalidInput",
        steps: &[
            new(r#"{"project": "$project", "details": [1, 2], "nonce": "nn-array-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "details": [2, 1], "nonce": "nn-array-$run"}"#),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::message",
        items: &["nonces#error.reused.message"],
        summary: "the reuse error's message is the platform's sentence (observed)",
        steps: &[
            new(r#"{"project": "$project", "name": "a", "nonce": "nn-message-$run"}"#)
                .proves(&["nonces#rule.replay-identical"]),
            refused(r#"{"project": "$project", "name": "b", "nonce": "nn-message-$run"}"#)
                .proves(&["nonces#error.reused"])
                .check(&[On(
                    "nonces#error.reused.message",
                    &[Eq(
                        "/error/message",
                        r#""Nonce was reused for an earlier API request that had a different input""#,
                    )],
                )]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::reuse::first_still_replays",
        items: &["nonces#rule.reuse-keeps-first"],
        summary: "after a refused reuse, the original input still gets its first answer",
        steps: &[
            new(r#"{"project": "$project", "name": "orig", "nonce": "nn-keep-$run"}"#)
                .proves(&["nonces#rule.replay-identical"])
                .capture(&[("first", "")]),
            refused(r#"{"project": "$project", "name": "other", "nonce": "nn-keep-$run"}"#)
                .proves(&["nonces#error.reused"]),
            new(r#"{"project": "$project", "name": "orig", "nonce": "nn-keep-$run"}"#)
                .check(&[Eq("", r#""$first""#)]),
        ],
        ..CASE
    },
    // ================= the nonce itself =================
    Case {
        name: "nonces::nonce::max_bytes_four_byte_char",
        items: &["nonces#input.max-bytes"],
        summary: "a nonce of exactly 128 bytes ending in a 4-byte `🧬` is accepted and replays",
        steps: &[
            new(r#"{"project": "$project", "nonce": "$run$pad(116,🧬)"}"#)
                .capture(&[("first", "")]),
            new(r#"{"project": "$project", "nonce": "$run$pad(116,🧬)"}"#)
                .check(&[Eq("", r#""$first""#)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::nonce::over_by_a_four_byte_char",
        items: &["nonces#input.max-bytes"],
        summary: "a nonce of 129 bytes (126 characters, the last a 4-byte `🧬`) is InvalidInput and creates nothing",
        steps: &[
            refused(r#"{"project": "$project", "nonce": "$run$pad(117,🧬)"}"#),
            ALL_RECORDS.check(&[Eq("/results", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::nonce::ascii_129",
        items: &["nonces#input.max-bytes"],
        summary: "a nonce of 129 ASCII characters is InvalidInput",
        steps: &[refused(r#"{"project": "$project", "nonce": "$run$pad(117,a)"}"#)],
        ..CASE
    },
    Case {
        name: "nonces::nonce::mapping",
        items: &["nonces#input.type"],
        summary: "a nonce given as a mapping is InvalidInput",
        steps: &[refused(r#"{"project": "$project", "nonce": {"id": "nn-map-$run"}}"#)],
        ..CASE
    },
    Case {
        name: "nonces::nonce::boolean",
        items: &["nonces#input.type"],
        summary: "`nonce: true` is InvalidInput",
        steps: &[refused(r#"{"project": "$project", "nonce": true}"#)],
        ..CASE
    },
    // ================= what is a new request =================
    Case {
        name: "nonces::new_request::another_nonce",
        items: &["nonces#rule.new-request"],
        summary: "the same input with another nonce creates a second record",
        steps: &[
            new(r#"{"project": "$project", "name": "same", "nonce": "nn-one-$run"}"#)
                .capture(&[("one", "/id")]),
            new(r#"{"project": "$project", "name": "same", "nonce": "nn-two-$run"}"#)
                .check(&[Ne("/id", r#""$one""#)]),
            ALL_RECORDS.check(&[Len("/results", 2)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::new_request::without_nonce",
        items: &["nonces#rule.new-request"],
        summary: "after a request with a nonce, the same input without one creates another record (observed)",
        steps: &[
            new(r#"{"project": "$project", "name": "same", "nonce": "nn-none-$run"}"#)
                .capture(&[("one", "/id")]),
            new(r#"{"project": "$project", "name": "same"}"#).check(&[Ne("/id", r#""$one""#)]),
            ALL_RECORDS.check(&[Len("/results", 2)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::scope::peer_other_input",
        items: &["nonces#rule.per-user"],
        summary: "the peer sends the owner's nonce with another name: no InvalidInput, a record of its own",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            new(r#"{"project": "$project", "name": "owner's", "nonce": "nn-peer-$run"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("mine", "/id")]),
            new(r#"{"project": "$project", "name": "peer's", "nonce": "nn-peer-$run"}"#)
                .by(Who::Peer)
                .check(&[Is("/id", Kind::Id("record")), Ne("/id", r#""$mine""#)])
                .capture(&[("theirs", "/id")]),
            post("/$theirs/describe", "{}").check(&[
                Eq("/name", r#""peer's""#),
                Eq("/createdBy/user", r#""$peer""#),
            ]),
            post("/$mine/describe", "{}").check(&[Eq("/name", r#""owner's""#)]),
        ],
    },
    Case {
        name: "nonces::scope::peer_replays_its_own",
        items: &["nonces#rule.per-user"],
        summary: "once the peer used the owner's nonce, its own repeat replays its own answer, not the owner's",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            new(r#"{"project": "$project", "nonce": "nn-peer-replay-$run"}"#)
                .proves(&["record/new#output.id"])
                .capture(&[("mine", "/id")]),
            new(r#"{"project": "$project", "nonce": "nn-peer-replay-$run"}"#)
                .by(Who::Peer)
                .capture(&[("theirs", "/id")]),
            new(r#"{"project": "$project", "nonce": "nn-peer-replay-$run"}"#)
                .by(Who::Peer)
                .check(&[Eq("/id", r#""$theirs""#), Ne("/id", r#""$mine""#)]),
            ALL_RECORDS.check(&[Len("/results", 2)]),
        ],
    },
    Case {
        name: "nonces::failed::invalid_first_attempt",
        items: &["nonces#rule.failed-not-stored"],
        summary: "a first attempt refused for an empty tag does not claim the nonce: the corrected input succeeds",
        steps: &[
            new(r#"{"project": "$project", "tags": [""], "nonce": "nn-fixed-$run"}"#)
                .fails(422, "InvalidInput")
                .proves(&["record/new#input.tags.type"]),
            new(r#"{"project": "$project", "tags": ["fixed"], "nonce": "nn-fixed-$run"}"#)
                .check(&[Is("/id", Kind::Id("record"))])
                .capture(&[("rec", "/id")]),
            post("/$rec/describe", "{}").check(&[Eq("/tags", r#"["fixed"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "nonces::failed::denied_first_attempt",
        items: &["nonces#rule.failed-not-stored"],
        summary: "a first attempt denied for lack of UPLOAD does not claim the nonce: the same nonce in a project where the peer may write succeeds",
        needs: &[Need::Peer(Access::View), Need::PeerOnProject2(Access::Upload)],
        steps: &[
            new(r#"{"project": "$project", "nonce": "nn-denied-$run"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .proves(&["record/new#error.PermissionDenied.upload"]),
            new(r#"{"project": "$project2", "nonce": "nn-denied-$run"}"#)
                .by(Who::Peer)
                .check(&[Is("/id", Kind::Id("record"))]),
        ],
    },
    Case {
        name: "nonces::canonical::nested_key_order",
        items: &["nonces#rule.canonical"],
        summary: "the same input with keys reordered inside `details` and at the top is a replay",
        steps: &[
            new(
                r#"{"project": "$project", "details": {"x": 1, "y": {"p": true, "q": null}}, "nonce": "nn-canon-$run"}"#,
            )
            .capture(&[("first", "")]),
            new(
                r#"{"nonce": "nn-canon-$run", "details": {"y": {"q": null, "p": true}, "x": 1}, "project": "$project"}"#,
            )
            .check(&[Eq("", r#""$first""#)]),
            ALL_RECORDS.check(&[Len("/results", 1)]),
        ],
        ..CASE
    },
];
