//! The Records page: `/record/new` and `/record-xxxx/describe`.
//!
//! <https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/records>
//! (seeds `002_…` and `004_…`). Every input, output and error the page names is an item
//! below, and every item is checked by at least one case.

use crate::case::{CASE, Case, Check::*, Kind, Step, post};
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::RECORDS;

const NEW: &str = "#api-method-record-new";
const DESCRIBE: &str = "#api-method-record-xxxx-describe";

/// The fields `/record-xxxx/describe` documents, for [`crate::case::Check::Fields`].
pub const DESCRIBE_FIELDS: &[&str] = &[
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
];

pub static ITEMS: &[Item] = &[
    Item {
        id: "record/new#input.project",
        page: &RECORDS,
        anchor: NEW,
        kind: Input,
        level: Must,
        text: "`project` (string, required): the project or container the record belongs to.",
    },
    Item {
        id: "record/new#output.id",
        page: &RECORDS,
        anchor: NEW,
        kind: Output,
        level: Must,
        text: "`id` (string): the new record's ID, `record-xxxx`.",
    },
    Item {
        id: "record/new#input.name.default",
        page: &RECORDS,
        anchor: NEW,
        kind: Input,
        level: Must,
        text: "`name` defaults to the new record's ID.",
    },
    Item {
        id: "record/describe#output.name",
        page: &RECORDS,
        anchor: DESCRIBE,
        kind: Output,
        level: Must,
        text: "`name` (string, default field): the name of the object.",
    },
];

/// A new record in the case's project, captured as `$rec`.
const NEW_RECORD: Step =
    post("/record/new", r#"{"project": "$project"}"#).capture(&[("rec", "/id")]);

pub static CASES: &[Case] = &[
    Case {
        name: "records::new::minimal",
        items: &["record/new#input.project", "record/new#output.id"],
        summary: "a body with only `project` creates a record and answers its `record-` ID",
        steps: &[post("/record/new", r#"{"project": "$project"}"#)
            .check(&[Is("/id", Kind::Id("record"))])
            .snapshot()],
        ..CASE
    },
    Case {
        name: "records::new::name_defaults_to_id",
        items: &[
            "record/new#input.name.default",
            "record/describe#output.name",
        ],
        summary: "without `name`, describe shows the record's own ID as its name",
        steps: &[
            NEW_RECORD,
            post("/$rec/describe", r#"{}"#).check(&[Eq("/name", r#""$rec""#)]),
        ],
        ..CASE
    },
];
