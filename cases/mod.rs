//! The case tables and the catalogue of documented items, one file per documentation page
//! or route family, in the order reports list them.
//!
//! Each file exports `ITEMS` (the page's documented inputs, outputs, errors and rules) and
//! `CASES` (the rows that check them). [`TABLES`] is the whole suite; the runner and the
//! coverage check read nothing else.

pub mod lifecycle;
pub mod pages;
pub mod protocol;
pub mod records;
pub mod search;
pub mod sharing;

use crate::spec::Table;

/// Every table, in report order: the seeded pages first.
pub static TABLES: &[Table] = &[
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
        name: "search",
        items: search::ITEMS,
        cases: search::CASES,
        statuses: &[],
    },
    Table {
        name: "sharing",
        items: sharing::ITEMS,
        cases: sharing::CASES,
        statuses: &[],
    },
];
