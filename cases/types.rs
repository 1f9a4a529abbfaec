//! The Types page: `/class-xxxx/addTypes` and `/class-xxxx/removeTypes`.
//!
//! <https://documentation.dnanexus.com/developer/api/data-object-lifecycle/types>. A type
//! is a non-empty word of the ASCII codes 47–57, 65–90, 95 and 97–122 (`/`, digits,
//! letters, `_`); types are advisory, belong to the object (not to a project copy), are
//! shown by describe and change only while the object is open. The page documents
//! addTypes; removeTypes' inputs and errors are not written out, so its items are SHOULD
//! readings "as for addTypes".
//!
//! Readings taken (SHOULD items, each saying so):
//! - the page contradicts itself on `-`: its prose example is `history-record` (the HTML
//!   rendering; the markdown rendering writes `history_record`) while code 45 is outside
//!   the documented ranges. We accept `-`, as the example and the reference server do;
//! - a type repeated within one call is listed once, `types: []` changes nothing, and a
//!   call refused for one bad entry adds none of the others;
//! - describe keeps the insertion order of `types` (observed), checked apart from the
//!   documented set semantics so that a server keeping types sorted only warns.
//!
//! Invalid names are probed at the edges of each documented range (`.` 46, `:` 58, `@` 64,
//! `[` 91, `` ` `` 96, `{` 123), so an off-by-one in the character set is caught.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, post};
use crate::shape::{Field, STEP, Shape};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::TYPES;

const ADD: &str = "#api-method-class-xxxx-addtypes";
const REMOVE: &str = "#api-method-class-xxxx-removetypes";

const fn item(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &TYPES, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- the page ----
    item(
        "types#rule.charset",
        "",
        Rule,
        Must,
        "A type is a word of at least one character of the ASCII codes 47–57, 65–90, 95 and 97–122 (`/`, `0-9`, `A-Z`, `_`, `a-z`): such names, `UploadSentinel` and `history_record` among them, are accepted.",
    ),
    item(
        "types#rule.charset.hyphen",
        "",
        Rule,
        Should,
        "[DOC, contradictory] The page's example `history-record` holds `-` (code 45), outside the documented ranges (its markdown rendering writes `history_record`). Reading taken: a type name with `-` is accepted and listed as given.",
    ),
    item(
        "types#rule.advisory",
        "",
        Rule,
        Must,
        "The type system is advisory: conformance is not checked, so any valid type can be added to a record whatever its details hold.",
    ),
    item(
        "types#rule.in-describe",
        "",
        Rule,
        Must,
        "The types of an object are returned by describe (`types`) and modified by addTypes and removeTypes.",
    ),
    item(
        "types#rule.per-object",
        "",
        Rule,
        Must,
        "Types belong to the object, not to a project's copy (the type routes take no `project`): a clone in another project describes with the same types.",
    ),
    item(
        "types#rule.order",
        "",
        Rule,
        Should,
        "[OBSERVED] describe's `types` keeps insertion order: after adding `foo` then `othertype` it is `[\"foo\", \"othertype\"]`; removing a type keeps the others' order (the docs treat types as a set).",
    ),
    item(
        "types#rule.no-op-keeps-modified",
        "",
        Rule,
        Should,
        "[INFERRED] A type call that changes nothing (a type already present added, an absent one removed) leaves describe's `modified` as it was: the page says such calls do nothing, and `modified` is when the metadata last changed (records page).",
    ),
    // ---- /class-xxxx/addTypes ----
    item(
        "class/addTypes#input.types",
        ADD,
        Input,
        Must,
        "`types` (array of strings, required): the types to add; afterwards describe lists each of them beside those already there.",
    ),
    item(
        "class/addTypes#output.id",
        ADD,
        Output,
        Must,
        "`id` (string): the ID of the manipulated object, the one in the URL.",
    ),
    item(
        "class/addTypes#rule.already-present",
        ADD,
        Rule,
        Must,
        "Adding a type that is already present does nothing: the call succeeds and the type is listed once.",
    ),
    item(
        "class/addTypes#rule.repeated-in-input",
        ADD,
        Rule,
        Should,
        "[SILENT] A type given twice in one call is listed once (the types are a set: our reading).",
    ),
    item(
        "class/addTypes#input.types.empty",
        ADD,
        Input,
        Should,
        "[SILENT] `types: []` is accepted and changes nothing (our reading: an empty array of valid names).",
    ),
    item(
        "class/addTypes#error.InvalidInput.not-hash",
        ADD,
        Error,
        Must,
        "InvalidInput: the input is not a hash (a JSON array or string body).",
    ),
    item(
        "class/addTypes#error.InvalidInput.missing",
        ADD,
        Error,
        Must,
        "InvalidInput: `types` is missing.",
    ),
    item(
        "class/addTypes#error.InvalidInput.not-array",
        ADD,
        Error,
        Must,
        "InvalidInput: `types` is not an array (a string, a mapping, null).",
    ),
    item(
        "class/addTypes#error.InvalidInput.invalid-name",
        ADD,
        Error,
        Must,
        "InvalidInput: an entry of `types` is not a valid type name: empty, a character outside the documented ranges (`ΨΨ`, a space, `.`, `:`, `@`, `[`, the backtick, `{`), or not a string.",
    ),
    item(
        "class/addTypes#rule.refused-changes-nothing",
        ADD,
        Rule,
        Should,
        "[INFERRED] A call refused for one invalid entry adds none of the valid ones beside it.",
    ),
    item(
        "class/addTypes#error.ResourceNotFound",
        ADD,
        Error,
        Must,
        "ResourceNotFound: the object in the URL does not exist (a well-formed unknown ID).",
    ),
    item(
        "class/addTypes#error.PermissionDenied",
        ADD,
        Error,
        Must,
        "PermissionDenied: UPLOAD access is required ([INFERRED] on the project the object was created in, as for close); VIEW is refused.",
    ),
    item(
        "class/addTypes#error.InvalidState",
        ADD,
        Error,
        Must,
        "InvalidState: the object is not open (types are fixed at close), even when the types given are already present.",
    ),
    // ---- /class-xxxx/removeTypes ----
    item(
        "class/removeTypes#input.types",
        REMOVE,
        Input,
        Should,
        "[INFERRED] `types` (array of strings, required), as for addTypes: afterwards describe no longer lists any of them and still lists the others.",
    ),
    item(
        "class/removeTypes#output.id",
        REMOVE,
        Output,
        Should,
        "[INFERRED] `id` (string): the ID of the manipulated object, as for addTypes.",
    ),
    item(
        "class/removeTypes#rule.absent-ignored",
        REMOVE,
        Rule,
        Should,
        "[CLIENT] [OBSERVED] Removing a type that is not present does nothing: the call succeeds and the types stay.",
    ),
    item(
        "class/removeTypes#error.InvalidInput.not-hash",
        REMOVE,
        Error,
        Should,
        "[INFERRED] InvalidInput: the input is not a hash, as for addTypes.",
    ),
    item(
        "class/removeTypes#error.InvalidInput.missing",
        REMOVE,
        Error,
        Should,
        "[INFERRED] InvalidInput: `types` is missing, as for addTypes.",
    ),
    item(
        "class/removeTypes#error.InvalidInput.not-array",
        REMOVE,
        Error,
        Should,
        "[INFERRED] InvalidInput: `types` is not an array, as for addTypes.",
    ),
    item(
        "class/removeTypes#error.InvalidInput.invalid-name",
        REMOVE,
        Error,
        Should,
        "[INFERRED] InvalidInput: an entry is not a valid type name (empty, outside the character set, not a string), as for addTypes, even though no such type can be present.",
    ),
    item(
        "class/removeTypes#error.ResourceNotFound",
        REMOVE,
        Error,
        Should,
        "[INFERRED] ResourceNotFound: the object in the URL does not exist, as for addTypes.",
    ),
    item(
        "class/removeTypes#error.PermissionDenied",
        REMOVE,
        Error,
        Should,
        "[INFERRED] PermissionDenied: UPLOAD is required on the creating project, as for addTypes; VIEW is refused.",
    ),
    item(
        "class/removeTypes#error.InvalidState",
        REMOVE,
        Error,
        Should,
        "[INFERRED] InvalidState: the object is not open, as for addTypes (types are fixed at close); the types stay.",
    ),
];

/// What both type routes answer: the object's ID.
static ID_ANSWER: Shape = Shape::Object(&[Field::new("id", STEP)]);

/// A new record made with `body`, as `$rec`.
const fn new_rec(body: &'static str) -> Step {
    post("/record/new", body)
        .proves(&["record/new#output.id"])
        .capture(&[("rec", "/id")])
}

/// A new open record without types, as `$rec`.
const OPEN: Step = new_rec(r#"{"project": "$project"}"#);

/// Describe `$rec`'s types.
const TYPES_OF: Step = post("/$rec/describe", r#"{"fields": {"types": true}}"#);

const fn add(body: &'static str) -> Step {
    post("/$rec/addTypes", body)
}

const fn remove(body: &'static str) -> Step {
    post("/$rec/removeTypes", body)
}

/// An addTypes refused with InvalidInput.
const fn add_refused(body: &'static str) -> Step {
    add(body).fails(422, "InvalidInput")
}

/// A removeTypes refused with InvalidInput.
const fn remove_refused(body: &'static str) -> Step {
    remove(body).fails(422, "InvalidInput")
}

/// The level each route of this page needs (the permission matrix, `cases/permissions.rs`):
/// UPLOAD, on an open object (a closed one refuses the change whoever asks).
pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "types::add_types",
        item: "class/addTypes#error.PermissionDenied",
        object: Object::Open,
        open: Access::Upload,
        closed: Access::Upload,
        call: post("/$obj/addTypes", r#"{"types": ["Perm"]}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "types::remove_types",
        item: "class/removeTypes#error.PermissionDenied",
        object: Object::Open,
        open: Access::Upload,
        closed: Access::Upload,
        call: post("/$obj/removeTypes", r#"{"types": ["Perm"]}"#),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= addTypes =================
    Case {
        name: "types::add_types::adds_to_describe",
        items: &[
            "class/addTypes#input.types",
            "class/addTypes#output.id",
            "types#rule.in-describe",
        ],
        summary: "addTypes on an open record answers its ID and describe then lists the type",
        steps: &[
            OPEN,
            add(r#"{"types": ["Book"]}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            TYPES_OF.check(&[Eq("/types", r#"["Book"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::several_at_once",
        items: &["class/addTypes#input.types"],
        summary: "three types in one call are all listed afterwards",
        steps: &[
            OPEN,
            add(r#"{"types": ["A", "B", "C"]}"#),
            TYPES_OF.check(&[SetEq("/types", r#"["A", "B", "C"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::keeps_existing",
        items: &["class/addTypes#input.types"],
        summary: "types added to a record made with types sit beside those, which stay",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Old1", "Old2"]}"#),
            add(r#"{"types": ["New"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[SetEq("/types", r#"["Old1", "Old2", "New"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::already_present",
        items: &["class/addTypes#rule.already-present"],
        summary: "adding a type the record already has succeeds and it is listed once",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Same", "Other"]}"#),
            add(r#"{"types": ["Same"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[SetEq("/types", r#"["Same", "Other"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::same_call_twice",
        items: &["class/addTypes#rule.already-present"],
        summary: "the same addTypes sent twice leaves each type listed once",
        steps: &[
            OPEN,
            add(r#"{"types": ["Twice", "Also"]}"#),
            add(r#"{"types": ["Twice", "Also"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[SetEq("/types", r#"["Twice", "Also"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::already_present_keeps_modified",
        items: &["types#rule.no-op-keeps-modified"],
        summary: "adding a type the record has does not move `modified`",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Same"]}"#),
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            add(r#"{"types": ["Same"]}"#)
                .after(5)
                .proves(&["class/addTypes#rule.already-present"]),
            post("/$rec/describe", "{}").check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::repeated_in_one_call",
        items: &["class/addTypes#rule.repeated-in-input"],
        summary: "a type given twice in one call is listed once",
        steps: &[
            OPEN,
            add(r#"{"types": ["Dup", "Dup", "One"]}"#),
            TYPES_OF.check(&[SetEq("/types", r#"["Dup", "One"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::empty_array",
        items: &["class/addTypes#input.types.empty"],
        summary: "`types: []` succeeds and leaves the record's types as they were",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Kept"]}"#),
            add(r#"{"types": []}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[Eq("/types", r#"["Kept"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::documented_examples",
        items: &["types#rule.charset"],
        summary: "the names the page gives, `UploadSentinel` and `history_record`, are accepted and listed",
        steps: &[
            OPEN,
            add(r#"{"types": ["UploadSentinel", "history_record"]}"#),
            TYPES_OF.check(&[SetEq("/types", r#"["UploadSentinel", "history_record"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::every_range_edge",
        items: &["types#rule.charset"],
        summary: "the first and last character of every documented range (`/ 0 9 A Z _ a z`) are accepted, alone and together",
        steps: &[
            OPEN,
            add(r#"{"types": ["/", "0", "9", "A", "Z", "_", "a", "z", "/09AZ_az"]}"#),
            TYPES_OF.check(&[SetEq(
                "/types",
                r#"["/", "0", "9", "A", "Z", "_", "a", "z", "/09AZ_az"]"#,
            )]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::slashes_and_digits",
        items: &["types#rule.charset"],
        summary: "path-like and numeric names (`genome/v2`, `2024`, `a//b/`) are valid type names",
        steps: &[
            OPEN,
            add(r#"{"types": ["genome/v2", "2024", "a//b/"]}"#),
            TYPES_OF.check(&[SetEq("/types", r#"["genome/v2", "2024", "a//b/"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::long_name",
        items: &["types#rule.charset"],
        summary: "a type name of 200 valid characters is accepted (the page sets no length limit)",
        steps: &[
            OPEN,
            add(r#"{"types": ["$pad(200,Z)"]}"#),
            TYPES_OF.check(&[Eq("/types", r#"["$pad(200,Z)"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::hyphen_example",
        items: &["types#rule.charset.hyphen"],
        summary: "the page's own example `history-record` (with `-`) is accepted and listed as given",
        steps: &[
            OPEN,
            add(r#"{"types": ["history-record"]}"#),
            TYPES_OF.check(&[Eq("/types", r#"["history-record"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::advisory",
        items: &["types#rule.advisory"],
        summary: "a record whose details do not fit a type (`Book` with a numeric title, an array) still takes it",
        steps: &[
            new_rec(r#"{"project": "$project", "details": {"title": 5}}"#),
            add(r#"{"types": ["Book"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[Eq("/types", r#"["Book"]"#)]),
            post("/$rec/setDetails", r#"[1, 2, 3]"#).proves(&["class/setDetails#input.array"]),
            TYPES_OF.check(&[Eq("/types", r#"["Book"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::insertion_order",
        items: &["types#rule.order"],
        summary: "after adding `foo` then `othertype`, describe lists them in that order (observed)",
        steps: &[
            OPEN,
            add(r#"{"types": ["foo"]}"#).proves(&["class/addTypes#input.types"]),
            add(r#"{"types": ["othertype"]}"#).proves(&["class/addTypes#input.types"]),
            TYPES_OF.check(&[Eq("/types", r#"["foo", "othertype"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::order_within_a_call",
        items: &["types#rule.order"],
        summary: "types given in one call are listed in the order given, after the earlier ones (observed)",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["m"]}"#),
            add(r#"{"types": ["z", "a"]}"#).proves(&["class/addTypes#input.types"]),
            TYPES_OF.check(&[Eq("/types", r#"["m", "z", "a"]"#)]),
        ],
        ..CASE
    },
    // ---- addTypes: invalid input ----
    Case {
        name: "types::add_types::body_is_array",
        items: &["class/addTypes#error.InvalidInput.not-hash"],
        summary: "a JSON array as the whole body (`[\"A\"]`) is InvalidInput",
        steps: &[OPEN, add_refused(r#"["A"]"#).snapshot()],
        ..CASE
    },
    Case {
        name: "types::add_types::body_is_string",
        items: &["class/addTypes#error.InvalidInput.not-hash"],
        summary: "a JSON string as the whole body is InvalidInput",
        steps: &[OPEN, add_refused(r#""A""#)],
        ..CASE
    },
    Case {
        name: "types::add_types::types_missing",
        items: &["class/addTypes#error.InvalidInput.missing"],
        summary: "`{}` (no `types`) is InvalidInput",
        steps: &[OPEN, add_refused("{}").snapshot()],
        ..CASE
    },
    Case {
        name: "types::add_types::types_misspelt",
        items: &["class/addTypes#error.InvalidInput.missing"],
        summary: "`type` instead of `types` leaves `types` missing: InvalidInput",
        steps: &[OPEN, add_refused(r#"{"type": ["A"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::types_string",
        items: &["class/addTypes#error.InvalidInput.not-array"],
        summary: "`types` as a bare string is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": "A"}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::types_mapping",
        items: &["class/addTypes#error.InvalidInput.not-array"],
        summary: "`types` as a mapping is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": {"A": true}}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::types_null",
        items: &["class/addTypes#error.InvalidInput.not-array"],
        summary: "`types: null` is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": null}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::empty_name",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "an empty type name (a type is at least one character) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": [""]}"#).snapshot()],
        ..CASE
    },
    Case {
        name: "types::add_types::greek_letters",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`ΨΨ` (non-ASCII) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["ΨΨ"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::space",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`two words` (a space, code 32) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["two words"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::period_below_slash",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`a.b` (`.` is code 46, just below the first range) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a.b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::colon_above_digits",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`a:b` (`:` is code 58, just above the digits) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a:b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::at_below_capitals",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`a@b` (`@` is code 64, just below `A`) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a@b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::bracket_above_capitals",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`a[b` (`[` is code 91, just above `Z`) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a[b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::backtick_below_lowercase",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "a name holding a backtick (code 96, between `_` and `a`) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a`b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::brace_above_lowercase",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`a{b` (`{` is code 123, just above `z`) is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["a{b"]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::number_entry",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "a number among the types is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": ["A", 5]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::null_entry",
        items: &["class/addTypes#error.InvalidInput.invalid-name"],
        summary: "`null` among the types is InvalidInput",
        steps: &[OPEN, add_refused(r#"{"types": [null]}"#)],
        ..CASE
    },
    Case {
        name: "types::add_types::refused_call_adds_nothing",
        items: &["class/addTypes#rule.refused-changes-nothing"],
        summary: "a call with one valid and one invalid name is refused and adds neither",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Before"]}"#),
            add(r#"{"types": ["Valid", "in valid"]}"#)
                .fails(422, "InvalidInput")
                .proves(&["class/addTypes#error.InvalidInput.invalid-name"]),
            TYPES_OF.check(&[Eq("/types", r#"["Before"]"#)]),
        ],
        ..CASE
    },
    // ---- addTypes: the object ----
    Case {
        name: "types::add_types::unknown_record",
        items: &["class/addTypes#error.ResourceNotFound"],
        summary: "addTypes on a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[post(
            "/record-0123456789BFGJKPQVXYZbfg/addTypes",
            r#"{"types": ["A"]}"#,
        )
        .fails(404, "ResourceNotFound")
        .snapshot()],
        ..CASE
    },
    Case {
        name: "types::add_types::closed_even_if_present",
        items: &["class/addTypes#error.InvalidState"],
        summary: "on a closed record, adding a type it already has is still InvalidState (the state is checked, not the change)",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A"], "close": true}"#),
            add(r#"{"types": ["A"]}"#)
                .fails(422, "InvalidState")
                .snapshot(),
            TYPES_OF.check(&[Eq("/types", r#"["A"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::add_types::closed_new_type",
        items: &["class/addTypes#error.InvalidState"],
        summary: "a record whose types changed while open refuses addTypes once closed; the types stay",
        steps: &[
            OPEN,
            add(r#"{"types": ["WhileOpen"]}"#).proves(&["class/addTypes#input.types"]),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            add(r#"{"types": ["AfterClose"]}"#).fails(422, "InvalidState"),
            TYPES_OF.check(&[Eq("/types", r#"["WhileOpen"]"#)]),
        ],
        ..CASE
    },
    // ================= removeTypes =================
    Case {
        name: "types::remove_types::removes_given",
        items: &[
            "class/removeTypes#input.types",
            "class/removeTypes#output.id",
        ],
        summary: "removeTypes of two of three types answers the ID and leaves the third",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A", "B", "C"]}"#),
            remove(r#"{"types": ["A", "C"]}"#)
                .check(&[Eq("/id", r#""$rec""#), Is("/id", Kind::Id("record"))])
                .snapshot_as(&ID_ANSWER),
            TYPES_OF.check(&[Eq("/types", r#"["B"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::all_of_them",
        items: &["class/removeTypes#input.types"],
        summary: "removing every type leaves `types: []`",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A", "B"]}"#),
            remove(r#"{"types": ["B", "A"]}"#),
            TYPES_OF.check(&[Eq("/types", "[]")]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::added_then_removed",
        items: &["types#rule.in-describe"],
        summary: "describe follows the types through addTypes and removeTypes",
        steps: &[
            OPEN,
            TYPES_OF.check(&[Eq("/types", "[]")]),
            add(r#"{"types": ["A", "B"]}"#),
            TYPES_OF.check(&[SetEq("/types", r#"["A", "B"]"#)]),
            remove(r#"{"types": ["A"]}"#).proves(&["class/removeTypes#input.types"]),
            TYPES_OF.check(&[Eq("/types", r#"["B"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::absent_type",
        items: &["class/removeTypes#rule.absent-ignored"],
        summary: "removing a type the record does not have succeeds and changes nothing",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Kept"]}"#),
            remove(r#"{"types": ["NeverThere"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[Eq("/types", r#"["Kept"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::absent_keeps_modified",
        items: &["types#rule.no-op-keeps-modified"],
        summary: "removing a type the record does not have does not move `modified`",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Kept"]}"#),
            post("/$rec/describe", "{}")
                .proves(&["record/describe#output.modified"])
                .capture(&[("modified", "/modified")]),
            remove(r#"{"types": ["NeverThere"]}"#)
                .after(5)
                .proves(&["class/removeTypes#rule.absent-ignored"]),
            post("/$rec/describe", "{}").check(&[Eq("/modified", r#""$modified""#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::twice",
        items: &["class/removeTypes#rule.absent-ignored"],
        summary: "the same removeTypes twice: the second finds nothing to remove and succeeds",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["Gone", "Kept"]}"#),
            remove(r#"{"types": ["Gone"]}"#),
            remove(r#"{"types": ["Gone"]}"#).check(&[Eq("/id", r#""$rec""#)]),
            TYPES_OF.check(&[Eq("/types", r#"["Kept"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::keeps_order",
        items: &["types#rule.order"],
        summary: "removing a middle type keeps the others in insertion order (observed)",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["d", "c", "b", "a"]}"#),
            remove(r#"{"types": ["c"]}"#).proves(&["class/removeTypes#input.types"]),
            TYPES_OF.check(&[Eq("/types", r#"["d", "b", "a"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::body_is_array",
        items: &["class/removeTypes#error.InvalidInput.not-hash"],
        summary: "a JSON array as the whole body is InvalidInput",
        steps: &[OPEN, remove_refused(r#"["A"]"#)],
        ..CASE
    },
    Case {
        name: "types::remove_types::types_missing",
        items: &["class/removeTypes#error.InvalidInput.missing"],
        summary: "`{}` (no `types`) is InvalidInput",
        steps: &[OPEN, remove_refused("{}")],
        ..CASE
    },
    Case {
        name: "types::remove_types::types_string",
        items: &["class/removeTypes#error.InvalidInput.not-array"],
        summary: "`types` as a bare string is InvalidInput, and the type stays",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A"]}"#),
            remove_refused(r#"{"types": "A"}"#),
            TYPES_OF.check(&[Eq("/types", r#"["A"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::invalid_name",
        items: &["class/removeTypes#error.InvalidInput.invalid-name"],
        summary: "removing `ΨΨ` or an empty name is InvalidInput, although no such type can be present",
        steps: &[
            OPEN,
            remove_refused(r#"{"types": ["ΨΨ"]}"#),
            remove_refused(r#"{"types": [""]}"#),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::number_entry",
        items: &["class/removeTypes#error.InvalidInput.invalid-name"],
        summary: "a number among the types to remove is InvalidInput, and nothing is removed",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A"]}"#),
            remove_refused(r#"{"types": ["A", 1]}"#),
            TYPES_OF.check(&[Eq("/types", r#"["A"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::unknown_record",
        items: &["class/removeTypes#error.ResourceNotFound"],
        summary: "removeTypes on a well-formed record ID nobody issued is ResourceNotFound",
        steps: &[post(
            "/record-0123456789BFGJKPQVXYZbfg/removeTypes",
            r#"{"types": ["A"]}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "types::remove_types::closed_after_removal",
        items: &["class/removeTypes#error.InvalidState"],
        summary: "removeTypes works while open and is InvalidState once the record is closed; the rest stays",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A", "B"]}"#),
            remove(r#"{"types": ["A"]}"#),
            post("/$rec/close", "{}").proves(&["close#rule.closes"]),
            remove(r#"{"types": ["B"]}"#).fails(422, "InvalidState"),
            TYPES_OF.check(&[Eq("/types", r#"["B"]"#)]),
        ],
        ..CASE
    },
    Case {
        name: "types::remove_types::closed_absent_type",
        items: &["class/removeTypes#error.InvalidState"],
        summary: "removing an absent type from a closed record is still InvalidState (the state is checked, not the change)",
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A"], "close": true}"#),
            remove(r#"{"types": ["NotThere"]}"#).fails(422, "InvalidState"),
        ],
        ..CASE
    },
    // ================= types belong to the object =================
    Case {
        name: "types::per_object::clone_has_the_same_types",
        items: &["types#rule.per-object"],
        summary: "a closed record with types, cloned into a second project, describes there with the same types",
        needs: &[Need::Project2],
        steps: &[
            new_rec(r#"{"project": "$project", "types": ["A", "B"], "close": true}"#),
            post(
                "/$project/clone",
                r#"{"objects": ["$rec"], "project": "$project2"}"#,
            )
            .proves(&["project/clone#input.objects"]),
            post(
                "/$rec/describe",
                r#"{"project": "$project2", "fields": {"types": true, "project": true}}"#,
            )
            .check(&[
                Eq("/project", r#""$project2""#),
                SetEq("/types", r#"["A", "B"]"#),
            ]),
        ],
    },
    Case {
        name: "types::per_object::no_project_needed",
        items: &["types#rule.per-object"],
        summary: "the type routes act on the object without a `project` (as dx sends them); describe in the project shows the change",
        steps: &[
            OPEN,
            add(r#"{"types": ["NoProject"]}"#),
            post(
                "/$rec/describe",
                r#"{"project": "$project", "fields": {"types": true}}"#,
            )
            .check(&[Eq("/types", r#"["NoProject"]"#)]),
        ],
        ..CASE
    },
];
