//! The permission matrix: what every kind of caller gets from every route that reads or
//! writes (ARCHITECTURE.md; the levels are documented on the "Project permissions and
//! sharing" page and on each route's page).
//!
//! The cases are generated ([`crate::access::generate`]) from the `ACCESS` annotations the
//! page tables export, one row per route beside the route's own items; this file only
//! lists those tables and holds the items the matrix itself proves. To annotate a route,
//! add a [`RouteAccess`](crate::access::RouteAccess) row to its page's `ACCESS` (and, for
//! a new page, its `ACCESS` to [`ANNOTATIONS`]).

use crate::access::RouteAccess;
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::SHARING;

/// Every page's annotations.
pub static ANNOTATIONS: &[&[RouteAccess]] = &[
    super::records::ACCESS,
    super::lifecycle::ACCESS,
    super::types::ACCESS,
    super::details::ACCESS,
    super::visibility::ACCESS,
    super::metadata::ACCESS,
    super::folders::ACCESS,
    super::cloning::ACCESS,
    super::projects::ACCESS,
    super::sharing::ACCESS,
    super::files::ACCESS,
];

pub static ITEMS: &[Item] = &[Item {
    id: "permissions#rule.non-member-denied",
    page: &SHARING,
    anchor: "",
    kind: Rule,
    level: Should,
    text: "[INFERRED] A user who is not a member of the project (no access at all) is refused with PermissionDenied, as one lacking the level the route needs, rather than ResourceNotFound (the pages name only PermissionDenied; whether existence is hidden is silent).",
}];
