//! The case tables and the catalogue of documented items, one file per documentation page
//! or route family, in the order reports list them.
//!
//! Each file exports `ITEMS` (the page's documented inputs, outputs, errors and rules),
//! `CASES` (the rows that check them) and, where its routes read or write, `ACCESS` (the
//! level each route needs, from which [`permissions`] generates the permission matrix).
//! [`tables`] is the whole suite; the runner and the coverage check read nothing else.

pub mod cloning;
pub mod containers;
pub mod details;
pub mod files;
pub mod folders;
pub mod lifecycle;
pub mod metadata;
pub mod nonces;
pub mod pages;
pub mod permissions;
pub mod projects;
pub mod protocol;
pub mod records;
pub mod search;
pub mod sharing;
pub mod system;
pub mod types;
pub mod visibility;

use std::sync::LazyLock;

use crate::spec::Table;

/// Every table, in report order: the seeded pages first, the generated permission matrix
/// last. Built once, on first use (the matrix is generated).
pub fn tables() -> &'static [Table] {
    &TABLES
}

static TABLES: LazyLock<Vec<Table>> = LazyLock::new(|| {
    let mut tables = HAND_WRITTEN.to_vec();
    tables.push(Table {
        name: "permissions",
        items: permissions::ITEMS,
        cases: Box::leak(crate::access::generate(permissions::ANNOTATIONS).into_boxed_slice()),
        statuses: &[],
    });
    tables
});

/// The tables written by hand.
static HAND_WRITTEN: &[Table] = &[
    Table {
        name: "protocol",
        items: protocol::ITEMS,
        cases: protocol::CASES,
        statuses: protocol::STATUSES,
    },
    Table {
        name: "records",
        items: records::ITEMS,
        cases: records::CASES,
        statuses: &[],
    },
    Table {
        name: "lifecycle",
        items: lifecycle::ITEMS,
        cases: lifecycle::CASES,
        statuses: &[],
    },
    Table {
        name: "types",
        items: types::ITEMS,
        cases: types::CASES,
        statuses: &[],
    },
    Table {
        name: "details",
        items: details::ITEMS,
        cases: details::CASES,
        statuses: &[],
    },
    Table {
        name: "visibility",
        items: visibility::ITEMS,
        cases: visibility::CASES,
        statuses: &[],
    },
    Table {
        name: "metadata",
        items: metadata::ITEMS,
        cases: metadata::CASES,
        statuses: &[],
    },
    Table {
        name: "nonces",
        items: nonces::ITEMS,
        cases: nonces::CASES,
        statuses: &[],
    },
    Table {
        name: "search",
        items: search::ITEMS,
        cases: search::CASES,
        statuses: &[],
    },
    Table {
        name: "folders",
        items: folders::ITEMS,
        cases: folders::CASES,
        statuses: &[],
    },
    Table {
        name: "cloning",
        items: cloning::ITEMS,
        cases: cloning::CASES,
        statuses: &[],
    },
    Table {
        name: "sharing",
        items: sharing::ITEMS,
        cases: sharing::CASES,
        statuses: &[],
    },
    Table {
        name: "system",
        items: system::ITEMS,
        cases: system::CASES,
        statuses: &[],
    },
    Table {
        name: "projects",
        items: projects::ITEMS,
        cases: projects::CASES,
        statuses: &[],
    },
    Table {
        name: "containers",
        items: containers::ITEMS,
        cases: containers::CASES,
        statuses: &[],
    },
    Table {
        name: "files",
        items: files::ITEMS,
        cases: files::CASES,
        statuses: &[],
    },
];
