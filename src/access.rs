//! The permission matrix: one annotation per route says what level the route needs, and
//! the cases proving it for every kind of caller are generated from it.
//!
//! For every route that reads or writes, the suite checks the outcome for a member with
//! VIEW, UPLOAD, CONTRIBUTE and ADMINISTER, for a user who is not a member, with no token
//! and with a token nobody issued; for open and for closed objects where the state
//! changes the level; and in a protected project where that matters. Hundreds of such
//! rows written by hand would drift; a [`RouteAccess`] is one row per route, next to the
//! route's items in its page's table (`cases/<page>.rs` exports `ACCESS`), and
//! [`generate`] turns all of them into cases named `permissions::<route>::<caller>`.
//!
//! What each generated case proves:
//!
//! - a member at or above the level: the call succeeds; below it: PermissionDenied. Both
//!   prove the route's permission item (its level is the item's);
//! - a user who is not a member: the call is refused (the route's item: they lack the
//!   level), and that the refusal is PermissionDenied rather than ResourceNotFound is a
//!   reading (`permissions#rule.non-member-denied`, SHOULD);
//! - no token, a bad token: the call is refused (`authentication#rule.token-required`,
//!   MUST); the error type and the 401 are observed facts (SHOULD).

use crate::case::{Access, Case, Check, Need, Step, Who, post};

/// What the call acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object {
    /// The scratch project itself (`$project`): no object is made.
    Project,
    /// An open record the owner made in `$project`, as `$obj`.
    Open,
    /// A closed record the owner made in `$project`, as `$obj`.
    Closed,
    /// Both: the open and the closed cases, each with its level.
    Both,
}

/// The permission annotation of one route.
#[derive(Debug, Clone, Copy)]
pub struct RouteAccess {
    /// Names the generated cases: `metadata::rename` gives
    /// `permissions::metadata::rename::upload_open` and so on.
    pub name: &'static str,
    /// The catalogue item the level comes from (the route's PermissionDenied item).
    pub item: &'static str,
    pub object: Object,
    /// The least level that may make the call on the project or an open object.
    pub open: Access,
    /// The least level on a closed object (read for [`Object::Closed`] and
    /// [`Object::Both`]).
    pub closed: Access,
    /// The least level when the project is `protected`, where that raises it (deleting
    /// needs ADMINISTER there), with the item that says so.
    pub protected: Option<(Access, &'static str)>,
    /// Steps the owner runs before the call, after the object is made (`$obj`).
    pub setup: &'static [Step],
    /// The call; who sends it and what it must answer are set per caller.
    pub call: Step,
}

/// The default row, for `..ROUTE` in tables.
pub const ROUTE: RouteAccess = RouteAccess {
    name: "",
    item: "",
    object: Object::Project,
    open: Access::View,
    closed: Access::View,
    protected: None,
    setup: &[],
    call: post("/", "{}"),
};

/// The item a non-member's PermissionDenied (rather than ResourceNotFound) proves.
pub const NON_MEMBER: &str = "permissions#rule.non-member-denied";
const TOKEN_REQUIRED: &str = "authentication#rule.token-required";
const TOKEN_STATUS: &str = "authentication#rule.token-required.status";
const NO_HEADER: &str = "authentication#error.no-header";
const BAD_TOKEN: &str = "authentication#error.bad-token";

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The owner's steps that make the object the call acts on.
fn object_setup(closed: Option<bool>) -> Option<Step> {
    let body = match closed? {
        true => r#"{"project": "$project", "name": "permissions-object", "close": true}"#,
        false => r#"{"project": "$project", "name": "permissions-object"}"#,
    };
    Some(
        post("/record/new", body)
            .proves(&["record/new#output.id"])
            .capture(&[("obj", "/id")]),
    )
}

const PROTECT: Step =
    post("/$project/update", r#"{"protected": true}"#).proves(&["project/update#input.protected"]);

/// One generated case.
struct Row {
    suffix: String,
    summary: String,
    needs: Vec<Need>,
    item: &'static str,
    protect: bool,
    call: Step,
}

fn level_name(a: Access) -> &'static str {
    match a {
        Access::None => "no access",
        Access::View => "VIEW",
        Access::Upload => "UPLOAD",
        Access::Contribute => "CONTRIBUTE",
        Access::Administer => "ADMINISTER",
    }
}

/// The member rows for one state: each level, allowed at or above `needed`.
fn members(r: &RouteAccess, needed: Access, state: &str, item: &'static str) -> Vec<Row> {
    let levels = [
        (Access::View, "view"),
        (Access::Upload, "upload"),
        (Access::Contribute, "contribute"),
        (Access::Administer, "administer"),
    ];
    levels
        .iter()
        .map(|&(level, word)| {
            let allowed = level >= needed;
            let call = r.call.by(Who::Peer).proves(leak(vec![item]));
            let call = if allowed {
                call
            } else {
                call.fails(401, "PermissionDenied")
            };
            Row {
                suffix: format!("{word}{state}"),
                summary: format!(
                    "a member with {} {} call it{} (it needs {})",
                    level_name(level),
                    if allowed { "may" } else { "may not" },
                    state.replace('_', " on a "),
                    level_name(needed)
                ),
                needs: vec![Need::Peer(level)],
                item,
                protect: false,
                call,
            }
        })
        .collect()
}

/// The rows of one annotation.
fn rows(r: &RouteAccess) -> Vec<Row> {
    let mut out = Vec::new();
    let states: &[(Option<bool>, &str)] = match r.object {
        Object::Project => &[(None, "")],
        Object::Open => &[(Some(false), "")],
        Object::Closed => &[(Some(true), "")],
        Object::Both => &[(Some(false), "_open"), (Some(true), "_closed")],
    };
    for &(closed, state) in states {
        let needed = if closed == Some(true) {
            r.closed
        } else {
            r.open
        };
        out.extend(members(r, needed, state, r.item));
    }
    if let Some((needed, item)) = r.protected {
        for mut row in members(r, needed, "_protected", item) {
            row.protect = true;
            out.push(row);
        }
    }
    let refused = |who: Who, items: &'static [&'static str], checks: &'static [Check]| {
        r.call.by(who).proves(items).refused().check(checks)
    };
    out.push(Row {
        suffix: "non_member".into(),
        summary: "a user who is not a member is refused, with PermissionDenied (our reading)"
            .into(),
        needs: vec![Need::Peer(Access::None)],
        item: r.item,
        protect: false,
        call: refused(
            Who::Peer,
            leak(vec![r.item]),
            &[Check::On(
                NON_MEMBER,
                &[Check::Eq("/error/type", r#""PermissionDenied""#)],
            )],
        ),
    });
    out.push(Row {
        suffix: "no_token".into(),
        summary: "without a token the call is refused (PermissionDenied, 401: observed)".into(),
        needs: Vec::new(),
        item: TOKEN_REQUIRED,
        protect: false,
        call: refused(
            Who::Anonymous,
            &[TOKEN_REQUIRED],
            &[
                Check::On(
                    NO_HEADER,
                    &[Check::Eq("/error/type", r#""PermissionDenied""#)],
                ),
                Check::On(TOKEN_STATUS, &[Check::Status(401)]),
            ],
        ),
    });
    out.push(Row {
        suffix: "bad_token".into(),
        summary: "with a token nobody issued the call is refused (InvalidAuthentication, 401)"
            .into(),
        needs: Vec::new(),
        item: TOKEN_REQUIRED,
        protect: false,
        call: refused(
            Who::BadToken,
            &[TOKEN_REQUIRED],
            &[
                Check::On(
                    BAD_TOKEN,
                    &[Check::Eq("/error/type", r#""InvalidAuthentication""#)],
                ),
                Check::On(TOKEN_STATUS, &[Check::Status(401)]),
            ],
        ),
    });
    // The object the call acts on; a non-member and the token rows act on an open one
    // (or the closed one for a closed-only route).
    out
}

/// The cases of every annotation, sorted by name.
pub fn generate(annotations: &[&[RouteAccess]]) -> Vec<Case> {
    let mut out = Vec::new();
    for r in annotations.iter().flat_map(|a| a.iter()) {
        for row in rows(r) {
            let closed = match (r.object, row.suffix.ends_with("_closed")) {
                (Object::Project, _) => None,
                (Object::Closed, _) | (Object::Both, true) => Some(true),
                _ => Some(false),
            };
            let mut steps = Vec::new();
            if row.protect {
                steps.push(PROTECT);
            }
            steps.extend(object_setup(closed));
            steps.extend(r.setup.iter().copied());
            steps.push(row.call);
            let items = if row.item == TOKEN_REQUIRED {
                vec![TOKEN_REQUIRED]
            } else {
                vec![row.item]
            };
            out.push(Case {
                name: leak_str(format!("permissions::{}::{}", r.name, row.suffix)),
                items: leak(items),
                summary: leak_str(format!("{}: {}", r.name.replace("::", " "), row.summary)),
                needs: leak(row.needs),
                steps: leak(steps),
            });
        }
    }
    out.sort_by_key(|c| c.name);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Expect;

    static ROWS: &[RouteAccess] = &[RouteAccess {
        name: "metadata::rename",
        item: "rename#error.PermissionDenied",
        object: Object::Both,
        open: Access::Upload,
        closed: Access::Contribute,
        call: post("/$obj/rename", r#"{"project": "$project", "name": "n"}"#),
        ..ROUTE
    }];

    #[test]
    fn one_row_gives_every_caller_in_both_states() {
        let cases = generate(&[ROWS]);
        let names: Vec<&str> = cases.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), 4 * 2 + 3, "{names:?}");
        let get = |n: &str| {
            cases
                .iter()
                .find(|c| c.name == format!("permissions::metadata::rename::{n}"))
                .unwrap_or_else(|| panic!("{n} in {names:?}"))
        };
        let last = |c: &Case| *c.steps.last().unwrap();
        assert_eq!(last(get("upload_open")).expect, Expect::Ok);
        assert_eq!(
            last(get("upload_closed")).expect,
            Expect::Error(401, "PermissionDenied")
        );
        assert_eq!(last(get("contribute_closed")).expect, Expect::Ok);
        assert_eq!(last(get("view_open")).who, Who::Peer);
        assert_eq!(get("view_open").needs, &[Need::Peer(Access::View)]);
        assert_eq!(last(get("no_token")).who, Who::Anonymous);
        assert_eq!(last(get("bad_token")).expect, Expect::Refused);
        assert_eq!(get("no_token").items, &[TOKEN_REQUIRED]);
        assert_eq!(get("non_member").items, &["rename#error.PermissionDenied"]);
        // The object is made closed for the closed rows.
        assert!(
            matches!(get("upload_closed").steps[0].body, crate::case::Body::Json(b) if b.contains("\"close\": true"))
        );
    }
}
