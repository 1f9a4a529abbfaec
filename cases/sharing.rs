//! The Project permissions and sharing page: the permission levels and what each allows,
//! `/project-xxxx/invite`, `/project-xxxx/decreasePermissions` and `/project-xxxx/leave`.
//!
//! <https://documentation.dnanexus.com/developer/api/data-containers/project-permissions-and-sharing>.
//! Documented (MUST): the levels and their order (VIEW < UPLOAD < CONTRIBUTE < ADMINISTER)
//! with what each adds; that inviting someone at a level they already hold does nothing;
//! that managing members needs ADMINISTER; that non-administrators cannot change other
//! members' levels but can always leave. Known from the clients or the platform's tests
//! (SHOULD): the shapes of invite's and decreasePermissions' inputs (a flat mapping of
//! member to level or `null`), `PUBLIC` at VIEW only, `state` in invite's answer, and
//! ResourceNotFound for an unknown invitee. Readings taken:
//!
//! - inviting at a lower level than the member holds does not lower it (the docs speak only
//!   of the same level; decreasePermissions is the way down), and a higher one raises it;
//! - decreasePermissions refuses an increase, ADMINISTER as a value and unknown levels with
//!   InvalidInput;
//! - a user who is not a member cannot `leave` (PermissionDenied), and the last
//!   administrator cannot leave (InvalidState: the project would have no manager).
//!
//! Granting access through an org (the effective level is the higher of the direct and the
//! org grant) needs orgs, which an endpoint's test users may not have: it is not checked.
//! Every case works in its own scratch project, with the peer invited at the level it
//! needs (`Need::Peer`), or not at all (`Access::None`) where the case invites them itself.

use crate::access::{Object, ROUTE, RouteAccess};
use crate::case::{Access, CASE, Case, Check::*, Kind, Need, Step, Who, post};
use crate::spec::{Item, ItemKind, ItemKind::*, Level, Level::*};

use super::pages::SHARING;

const LEVELS: &str = "";
const INVITE: &str = "#api-method-project-xxxx-invite";
const DECREASE: &str = "#api-method-project-xxxx-decreasepermissions";
const LEAVE: &str = "#api-method-project-xxxx-leave";

const fn it(
    id: &'static str,
    anchor: &'static str,
    kind: ItemKind,
    level: Level,
    text: &'static str,
) -> Item {
    Item::new(id, &SHARING, anchor, kind, level, text)
}

pub static ITEMS: &[Item] = &[
    // ---- the levels ----
    it(
        "sharing#rule.order",
        LEVELS,
        Rule,
        Must,
        "The levels are ordered NONE < VIEW < UPLOAD < CONTRIBUTE < ADMINISTER: each level may do everything the levels below it may.",
    ),
    it(
        "sharing#level.view",
        LEVELS,
        Rule,
        Must,
        "VIEW gives read-only access to the project's objects and their metadata: a VIEW member describes the project and its objects and lists its folders, but cannot create objects or change an object's metadata.",
    ),
    it(
        "sharing#level.upload",
        LEVELS,
        Rule,
        Must,
        "UPLOAD adds creating folders and objects, changing the metadata of open objects and closing them, but not deleting objects.",
    ),
    it(
        "sharing#level.contribute",
        LEVELS,
        Rule,
        Must,
        "CONTRIBUTE adds changing closed objects' name, tags and properties, and deleting objects when the project is not `protected`; not managing members.",
    ),
    it(
        "sharing#level.administer",
        LEVELS,
        Rule,
        Must,
        "ADMINISTER adds managing the member list and changing the project itself.",
    ),
    it(
        "sharing#rule.non-admin-cannot-change-others",
        LEVELS,
        Rule,
        Must,
        "Non-administrators cannot change other members' levels: invite and decreasePermissions by a CONTRIBUTE member are PermissionDenied and change nothing.",
    ),
    it(
        "sharing#rule.describe-reflects",
        LEVELS,
        Rule,
        Should,
        "[CLIENT] [OBSERVED] After each change (invite, decreasePermissions, leave), describe's `permissions` and the member's own `level` show the new level.",
    ),
    // ---- /project-xxxx/invite ----
    it(
        "project/invite#input.invitee",
        INVITE,
        Input,
        Should,
        "[CLIENT] `invitee` (string): a user ID (`user-<handle>`) becomes a member at `level`.",
    ),
    it(
        "project/invite#input.invitee.public",
        INVITE,
        Input,
        Should,
        "[CLIENT] `invitee: \"PUBLIC\"` at VIEW shares the project with everyone: a user who is not a member can then VIEW (describe) its objects (`dx invite PUBLIC`).",
    ),
    it(
        "project/invite#input.level",
        INVITE,
        Input,
        Should,
        "[CLIENT] `level` (`VIEW`, `UPLOAD`, `CONTRIBUTE` or `ADMINISTER`): the level granted; describe's `permissions` maps the invitee to it (observed for VIEW).",
    ),
    it(
        "project/invite#input.suppressEmailNotification",
        INVITE,
        Input,
        Should,
        "[CLIENT] `suppressEmailNotification` (boolean) is accepted.",
    ),
    it(
        "project/invite#output.state",
        INVITE,
        Output,
        Should,
        "[CLIENT] The answer holds `state`, a string (`dx invite` prints it; its values are silent).",
    ),
    it(
        "project/invite#output.id",
        INVITE,
        Output,
        Should,
        "[INFERRED] The answer also holds `id`, the project's ID.",
    ),
    it(
        "project/invite#rule.already-held",
        INVITE,
        Rule,
        Must,
        "Inviting someone at a level they already hold does nothing: the call succeeds and their level is unchanged.",
    ),
    it(
        "project/invite#rule.no-downgrade",
        INVITE,
        Rule,
        Should,
        "[SILENT] Reading: inviting a member at a lower level than they hold does not lower it (decreasePermissions does that).",
    ),
    it(
        "project/invite#rule.upgrade",
        INVITE,
        Rule,
        Should,
        "[INFERRED] Inviting a member at a higher level than they hold raises it.",
    ),
    it(
        "project/invite#error.InvalidInput.public-above-view",
        INVITE,
        Error,
        Should,
        "[CLIENT] `PUBLIC` can be granted VIEW only; reading: a higher level is InvalidInput and grants nothing.",
    ),
    it(
        "project/invite#error.ResourceNotFound",
        INVITE,
        Error,
        Should,
        "[OBSERVED] An invitee that is no known user (an unknown user ID or email address) is ResourceNotFound.",
    ),
    it(
        "project/invite#error.InvalidInput",
        INVITE,
        Error,
        Should,
        "[INFERRED] A missing `invitee` or `level`, or a `level` that is not one of the four, is InvalidInput.",
    ),
    it(
        "project/invite#error.PermissionDenied",
        INVITE,
        Error,
        Must,
        "Managing the member list needs ADMINISTER: invite by a member with less is PermissionDenied.",
    ),
    // ---- /project-xxxx/decreasePermissions ----
    it(
        "project/decreasePermissions#input.mapping",
        DECREASE,
        Input,
        Should,
        "[CLIENT] The input is a flat mapping from member ID to the new, lower level (`{\"user-bob\": \"VIEW\"}`); several members may be named at once.",
    ),
    it(
        "project/decreasePermissions#rule.null-removes",
        DECREASE,
        Rule,
        Should,
        "[CLIENT] A `null` level removes the member: they leave `permissions` and lose access.",
    ),
    it(
        "project/decreasePermissions#input.public",
        DECREASE,
        Input,
        Should,
        "[CLIENT] `PUBLIC` may be a key (`dx uninvite PUBLIC`): `{\"PUBLIC\": null}` ends public access.",
    ),
    it(
        "project/decreasePermissions#output.id",
        DECREASE,
        Output,
        Should,
        "[SILENT] [INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/decreasePermissions#error.InvalidInput.increase",
        DECREASE,
        Error,
        Should,
        "[SILENT] Reading: a level above the member's current one is InvalidInput and nothing changes.",
    ),
    it(
        "project/decreasePermissions#error.InvalidInput.level",
        DECREASE,
        Error,
        Should,
        "[CLIENT] The allowed values are `null`, `VIEW`, `UPLOAD` and `CONTRIBUTE`; reading: anything else (ADMINISTER, an unknown word, a number) is InvalidInput.",
    ),
    it(
        "project/decreasePermissions#error.PermissionDenied",
        DECREASE,
        Error,
        Must,
        "decreasePermissions needs ADMINISTER: a member with less gets PermissionDenied (members can leave instead).",
    ),
    // ---- /project-xxxx/leave ----
    it(
        "project/leave#rule.any-member",
        LEAVE,
        Rule,
        Must,
        "Members can always leave: `leave` by a member at any level succeeds.",
    ),
    it(
        "project/leave#output.id",
        LEAVE,
        Output,
        Should,
        "[INFERRED] The answer is `{\"id\": P}`.",
    ),
    it(
        "project/leave#rule.access-gone",
        LEAVE,
        Rule,
        Should,
        "[INFERRED] After leaving, the user is no longer a member: `permissions` leaves them out and their describe of the project is PermissionDenied.",
    ),
    it(
        "project/leave#error.PermissionDenied.non-member",
        LEAVE,
        Error,
        Should,
        "[SILENT] Reading: a user who is not a member cannot leave: PermissionDenied.",
    ),
    it(
        "project/leave#error.InvalidState.last-admin",
        LEAVE,
        Error,
        Should,
        "[SILENT] Reading: the last administrator cannot leave (the project would have no manager): InvalidState, and they stay ADMINISTER.",
    ),
];

/// A record of the owner's in `$project`, as `$rec`.
const REC: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "shared"}"#,
)
.proves(&["record/new#output.id"])
.capture(&[("rec", "/id")]);

/// A closed record of the owner's in `$project`, as `$rec`.
const CLOSED_REC: Step = post(
    "/record/new",
    r#"{"project": "$project", "name": "shared", "close": true}"#,
)
.proves(&["record/new#output.id"])
.capture(&[("rec", "/id")]);

const PERMISSIONS: &str = r#"{"fields": {"permissions": true}}"#;

/// The owner's view of the members.
const MEMBERS: Step = post("/$project/describe", PERMISSIONS);

/// The peer's view of their own level.
const PEER_LEVEL: Step = post("/$project/describe", r#"{"fields": {"level": true}}"#).by(Who::Peer);

/// The owner invites the peer at this level.
const fn invite(body: &'static str) -> Step {
    post("/$project/invite", body)
}

pub static ACCESS: &[RouteAccess] = &[
    RouteAccess {
        name: "sharing::invite",
        item: "project/invite#error.PermissionDenied",
        object: Object::Project,
        open: Access::Administer,
        // Inviting the owner at VIEW changes nothing (they hold ADMINISTER).
        call: post(
            "/$project/invite",
            r#"{"invitee": "$owner", "level": "VIEW"}"#,
        ),
        ..ROUTE
    },
    RouteAccess {
        name: "sharing::decrease_permissions",
        item: "project/decreasePermissions#error.PermissionDenied",
        object: Object::Project,
        open: Access::Administer,
        setup: &[post(
            "/$project/invite",
            r#"{"invitee": "PUBLIC", "level": "VIEW"}"#,
        )
        .proves(&["project/invite#input.invitee.public"])],
        call: post("/$project/decreasePermissions", r#"{"PUBLIC": null}"#),
        ..ROUTE
    },
    RouteAccess {
        name: "sharing::leave",
        item: "project/leave#rule.any-member",
        object: Object::Project,
        open: Access::View,
        call: post("/$project/leave", "{}"),
        ..ROUTE
    },
];

pub static CASES: &[Case] = &[
    // ================= the levels =================
    Case {
        name: "sharing::levels::view_reads",
        items: &["sharing#level.view"],
        summary: "a VIEW member describes the project and the owner's record and lists the root folder",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            REC,
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .check(&[Eq("/id", r#""$project""#)]),
            post("/$rec/describe", r#"{"project": "$project"}"#)
                .by(Who::Peer)
                .check(&[Eq("/name", r#""shared""#)]),
            post("/$project/listFolder", r#"{"folder": "/"}"#)
                .by(Who::Peer)
                .check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "sharing::levels::view_cannot_create",
        items: &["sharing#level.view"],
        summary: "a VIEW member cannot create a record or a folder",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            post("/$project/newFolder", r#"{"folder": "/by-viewer"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
        ],
    },
    Case {
        name: "sharing::levels::view_cannot_change_metadata",
        items: &["sharing#level.view"],
        summary: "a VIEW member cannot rename or tag the owner's open record; its name stays",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            REC,
            post(
                "/$rec/rename",
                r#"{"project": "$project", "name": "by-viewer"}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["v"]}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            post("/$rec/describe", "{}").check(&[Eq("/name", r#""shared""#), Eq("/tags", "[]")]),
        ],
    },
    Case {
        name: "sharing::levels::upload_creates",
        items: &["sharing#level.upload"],
        summary: "an UPLOAD member creates a folder and a record, tags the open record and closes it",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/$project/newFolder", r#"{"folder": "/by-uploader"}"#).by(Who::Peer),
            post(
                "/record/new",
                r#"{"project": "$project", "folder": "/by-uploader"}"#,
            )
            .by(Who::Peer)
            .capture(&[("rec", "/id")]),
            post("/$rec/addTags", r#"{"project": "$project", "tags": ["u"]}"#).by(Who::Peer),
            post("/$rec/close", "{}").by(Who::Peer),
            post("/$rec/describe", "{}").check(&[
                Eq("/folder", r#""/by-uploader""#),
                Eq("/tags", r#"["u"]"#),
                Matches("/state", "^(closing|closed)$"),
            ]),
        ],
    },
    Case {
        name: "sharing::levels::upload_cannot_delete",
        items: &["sharing#level.upload"],
        summary: "an UPLOAD member cannot remove the owner's record; it is still listed",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            REC,
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            post("/$project/listFolder", r#"{"folder": "/"}"#)
                .check(&[AnyHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "sharing::levels::upload_cannot_change_closed",
        items: &["sharing#level.contribute"],
        summary: "a closed object's name needs CONTRIBUTE: an UPLOAD member's rename of it is PermissionDenied",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            CLOSED_REC,
            post(
                "/$rec/rename",
                r#"{"project": "$project", "name": "by-uploader"}"#,
            )
            .by(Who::Peer)
            .fails(401, "PermissionDenied"),
            post("/$rec/describe", "{}").check(&[Eq("/name", r#""shared""#)]),
        ],
    },
    Case {
        name: "sharing::levels::contribute_changes_closed_and_deletes",
        items: &["sharing#level.contribute"],
        summary: "a CONTRIBUTE member renames the owner's closed record, then removes it",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            CLOSED_REC,
            post(
                "/$rec/rename",
                r#"{"project": "$project", "name": "by-contributor"}"#,
            )
            .by(Who::Peer),
            post("/$rec/describe", "{}").check(&[Eq("/name", r#""by-contributor""#)]),
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#).by(Who::Peer),
            post("/$project/listFolder", r#"{"folder": "/"}"#)
                .check(&[NoneHas("/objects", r#"{"id": "$rec"}"#)]),
        ],
    },
    Case {
        name: "sharing::levels::contribute_cannot_manage",
        items: &[
            "sharing#level.contribute",
            "sharing#rule.non-admin-cannot-change-others",
            "project/invite#error.PermissionDenied",
        ],
        summary: "a CONTRIBUTE member cannot invite anyone; `permissions` is unchanged",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .snapshot(),
            MEMBERS.check(&[Absent("/permissions/PUBLIC")]),
        ],
    },
    Case {
        name: "sharing::levels::administer_manages",
        items: &["sharing#level.administer"],
        summary: "an ADMINISTER member shares the project with PUBLIC and changes its description",
        needs: &[Need::Peer(Access::Administer)],
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#).by(Who::Peer),
            post("/$project/update", r#"{"description": "by administrator"}"#).by(Who::Peer),
            post(
                "/$project/describe",
                r#"{"fields": {"permissions": true, "description": true}}"#,
            )
            .check(&[
                Eq("/permissions/PUBLIC", r#""VIEW""#),
                Eq("/description", r#""by administrator""#),
            ]),
        ],
    },
    Case {
        name: "sharing::levels::order_contribute_has_lower",
        items: &["sharing#rule.order"],
        summary: "CONTRIBUTE includes VIEW and UPLOAD: the member describes the project and creates a record",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/describe", "{}").by(Who::Peer),
            post("/record/new", r#"{"project": "$project"}"#)
                .by(Who::Peer)
                .check(&[Is("/id", Kind::Id("record"))]),
        ],
    },
    Case {
        name: "sharing::levels::order_administer_has_lower",
        items: &["sharing#rule.order"],
        summary: "ADMINISTER includes every lower level: the member creates a record, closes it, renames it and removes it",
        needs: &[Need::Peer(Access::Administer)],
        steps: &[
            post("/record/new", r#"{"project": "$project"}"#)
                .by(Who::Peer)
                .capture(&[("rec", "/id")]),
            post("/$rec/close", "{}").by(Who::Peer),
            post("/$rec/rename", r#"{"project": "$project", "name": "n"}"#).by(Who::Peer),
            post("/$project/removeObjects", r#"{"objects": ["$rec"]}"#).by(Who::Peer),
        ],
    },
    Case {
        name: "sharing::levels::order_upload_has_view",
        items: &["sharing#rule.order"],
        summary: "UPLOAD includes VIEW: the member describes the owner's record and lists the root",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            REC,
            post("/$rec/describe", "{}").by(Who::Peer),
            post("/$project/listFolder", r#"{"folder": "/"}"#).by(Who::Peer),
        ],
    },
    // ================= invite =================
    Case {
        name: "sharing::invite::view",
        items: &[
            "project/invite#input.invitee",
            "project/invite#input.level",
            "sharing#rule.describe-reflects",
        ],
        summary: "a user invited at VIEW appears in `permissions` at VIEW and describes the project with `level: VIEW`",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "VIEW"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "VIEW"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""VIEW""#)]),
        ],
    },
    Case {
        name: "sharing::invite::upload",
        items: &[
            "project/invite#input.level",
            "sharing#rule.describe-reflects",
        ],
        summary: "invited at UPLOAD: `permissions` and the member's own `level` say UPLOAD",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "UPLOAD"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""UPLOAD""#)]),
        ],
    },
    Case {
        name: "sharing::invite::contribute",
        items: &[
            "project/invite#input.level",
            "sharing#rule.describe-reflects",
        ],
        summary: "invited at CONTRIBUTE: `permissions` and the member's own `level` say CONTRIBUTE",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "CONTRIBUTE"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "CONTRIBUTE"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""CONTRIBUTE""#)]),
        ],
    },
    Case {
        name: "sharing::invite::administer",
        items: &[
            "project/invite#input.level",
            "sharing#rule.describe-reflects",
        ],
        summary: "invited at ADMINISTER: `permissions` and the member's own `level` say ADMINISTER",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "ADMINISTER"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "ADMINISTER"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""ADMINISTER""#)]),
        ],
    },
    Case {
        name: "sharing::invite::grants_access",
        items: &["project/invite#input.invitee"],
        summary: "a user who could not describe the project can once invited at VIEW",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .refused()
                .proves(&["project/describe#error.PermissionDenied"]),
            invite(r#"{"invitee": "$peer", "level": "VIEW"}"#),
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .check(&[Eq("/id", r#""$project""#)]),
        ],
    },
    Case {
        name: "sharing::invite::answer",
        items: &["project/invite#output.state", "project/invite#output.id"],
        summary: "invite answers a `state` string and the project's `id`",
        needs: &[Need::Peer(Access::None)],
        steps: &[invite(r#"{"invitee": "$peer", "level": "VIEW"}"#).check(&[
            On(
                "project/invite#output.state",
                &[Is("/state", Kind::NonEmptyString)],
            ),
            On("project/invite#output.id", &[Eq("/id", r#""$project""#)]),
        ])],
    },
    Case {
        name: "sharing::invite::suppress_email",
        items: &["project/invite#input.suppressEmailNotification"],
        summary: "`suppressEmailNotification: true` is accepted and the invitation takes effect",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "UPLOAD", "suppressEmailNotification": true}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
        ],
    },
    Case {
        name: "sharing::invite::already_held",
        items: &["project/invite#rule.already-held"],
        summary: "inviting an UPLOAD member at UPLOAD again succeeds and leaves them at UPLOAD",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "UPLOAD"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""UPLOAD""#)]),
        ],
    },
    Case {
        name: "sharing::invite::already_held_administer",
        items: &["project/invite#rule.already-held"],
        summary: "inviting the owner at ADMINISTER, the level they hold, succeeds and changes nothing",
        steps: &[
            invite(r#"{"invitee": "$owner", "level": "ADMINISTER"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "sharing::invite::lower_level_keeps",
        items: &["project/invite#rule.no-downgrade"],
        summary: "inviting a CONTRIBUTE member at VIEW leaves them at CONTRIBUTE (our reading)",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "VIEW"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "CONTRIBUTE"}"#)]),
        ],
    },
    Case {
        name: "sharing::invite::higher_level_raises",
        items: &["project/invite#rule.upgrade"],
        summary: "inviting a VIEW member at CONTRIBUTE raises them to CONTRIBUTE",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "CONTRIBUTE"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "CONTRIBUTE"}"#)]),
            PEER_LEVEL.check(&[Eq("/level", r#""CONTRIBUTE""#)]),
        ],
    },
    Case {
        name: "sharing::invite::public_view",
        items: &["project/invite#input.invitee.public"],
        summary: "PUBLIC at VIEW appears in `permissions`, and a user who is not a member can describe the project",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#),
            MEMBERS.check(&[Eq("/permissions/PUBLIC", r#""VIEW""#)]),
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .check(&[Eq("/id", r#""$project""#)]),
        ],
    },
    Case {
        name: "sharing::invite::public_upload_refused",
        items: &["project/invite#error.InvalidInput.public-above-view"],
        summary: "PUBLIC at UPLOAD is InvalidInput and PUBLIC gets nothing",
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "UPLOAD"}"#)
                .fails(422, "InvalidInput")
                .snapshot(),
            MEMBERS.check(&[Absent("/permissions/PUBLIC")]),
        ],
        ..CASE
    },
    Case {
        name: "sharing::invite::public_administer_refused",
        items: &["project/invite#error.InvalidInput.public-above-view"],
        summary: "PUBLIC at ADMINISTER is InvalidInput",
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "ADMINISTER"}"#).fails(422, "InvalidInput"),
            MEMBERS.check(&[Absent("/permissions/PUBLIC")]),
        ],
        ..CASE
    },
    Case {
        name: "sharing::invite::unknown_user",
        items: &["project/invite#error.ResourceNotFound"],
        summary: "inviting a user ID that does not exist is ResourceNotFound",
        steps: &[
            invite(r#"{"invitee": "user-dxconform-nobody-$run", "level": "VIEW"}"#)
                .fails(404, "ResourceNotFound")
                .snapshot(),
            MEMBERS.check(&[Eq("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
        ..CASE
    },
    Case {
        name: "sharing::invite::unknown_email",
        items: &["project/invite#error.ResourceNotFound"],
        summary: "inviting an email address no user has is ResourceNotFound",
        steps: &[invite(
            r#"{"invitee": "dxconform-nobody-$run@example.invalid", "level": "VIEW"}"#,
        )
        .fails(404, "ResourceNotFound")],
        ..CASE
    },
    Case {
        name: "sharing::invite::bad_level",
        items: &["project/invite#error.InvalidInput"],
        summary: "a `level` that is not one of the four (`OWNER`) is InvalidInput",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "OWNER"}"#).fails(422, "InvalidInput"),
            MEMBERS.check(&[Eq("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
    },
    Case {
        name: "sharing::invite::level_missing",
        items: &["project/invite#error.InvalidInput"],
        summary: "invite without `level` is InvalidInput",
        needs: &[Need::Peer(Access::None)],
        steps: &[invite(r#"{"invitee": "$peer"}"#).fails(422, "InvalidInput")],
    },
    Case {
        name: "sharing::invite::invitee_missing",
        items: &["project/invite#error.InvalidInput"],
        summary: "invite without `invitee` is InvalidInput",
        steps: &[invite(r#"{"level": "VIEW"}"#).fails(422, "InvalidInput")],
        ..CASE
    },
    Case {
        name: "sharing::invite::upload_member_denied",
        items: &["project/invite#error.PermissionDenied"],
        summary: "an UPLOAD member cannot invite anyone, themselves at a higher level included",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            invite(r#"{"invitee": "$peer", "level": "ADMINISTER"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
        ],
    },
    // ================= decreasePermissions =================
    Case {
        name: "sharing::decrease::lower",
        items: &[
            "project/decreasePermissions#input.mapping",
            "project/decreasePermissions#output.id",
            "sharing#rule.describe-reflects",
        ],
        summary: "`{peer: VIEW}` lowers a CONTRIBUTE member to VIEW; the answer is `{id}`",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/decreasePermissions", r#"{"$peer": "VIEW"}"#)
                .proves(&[
                    "project/decreasePermissions#input.mapping",
                    "project/decreasePermissions#output.id",
                ])
                .check(&[On(
                    "project/decreasePermissions#output.id",
                    &[Eq("/id", r#""$project""#)],
                )]),
            MEMBERS
                .proves(&["project/decreasePermissions#input.mapping"])
                .check(&[Has("/permissions", r#"{"$peer": "VIEW"}"#)]),
            PEER_LEVEL
                .proves(&["sharing#rule.describe-reflects"])
                .check(&[Eq("/level", r#""VIEW""#)]),
        ],
    },
    Case {
        name: "sharing::decrease::to_upload",
        items: &["project/decreasePermissions#input.mapping"],
        summary: "an ADMINISTER member lowered to UPLOAD can no longer invite",
        needs: &[Need::Peer(Access::Administer)],
        steps: &[
            post("/$project/decreasePermissions", r#"{"$peer": "UPLOAD"}"#),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied")
                .proves(&["project/invite#error.PermissionDenied"]),
        ],
    },
    Case {
        name: "sharing::decrease::null_removes",
        items: &["project/decreasePermissions#rule.null-removes"],
        summary: "`{peer: null}` removes the member: they leave `permissions` and their describe is refused",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/$project/decreasePermissions", r#"{"$peer": null}"#),
            MEMBERS.check(&[Eq("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
            post("/$project/describe", "{}").by(Who::Peer).refused(),
        ],
    },
    Case {
        name: "sharing::decrease::public",
        items: &["project/decreasePermissions#input.public"],
        summary: "`{PUBLIC: null}` ends public access: PUBLIC leaves `permissions` and a non-member is refused again",
        needs: &[Need::Peer(Access::None)],
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .proves(&["project/invite#input.invitee.public"]),
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .proves(&["project/invite#input.invitee.public"]),
            post("/$project/decreasePermissions", r#"{"PUBLIC": null}"#),
            MEMBERS.check(&[Absent("/permissions/PUBLIC")]),
            post("/$project/describe", "{}").by(Who::Peer).refused(),
        ],
    },
    Case {
        name: "sharing::decrease::several",
        items: &["project/decreasePermissions#input.mapping"],
        summary: "one mapping lowers a member and removes PUBLIC together",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            invite(r#"{"invitee": "PUBLIC", "level": "VIEW"}"#)
                .proves(&["project/invite#input.invitee.public"]),
            post(
                "/$project/decreasePermissions",
                r#"{"$peer": "UPLOAD", "PUBLIC": null}"#,
            ),
            MEMBERS.check(&[
                Has("/permissions", r#"{"$peer": "UPLOAD"}"#),
                Absent("/permissions/PUBLIC"),
            ]),
        ],
    },
    Case {
        name: "sharing::decrease::increase_refused",
        items: &["project/decreasePermissions#error.InvalidInput.increase"],
        summary: "`{peer: CONTRIBUTE}` for a VIEW member is InvalidInput; they stay at VIEW",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            post(
                "/$project/decreasePermissions",
                r#"{"$peer": "CONTRIBUTE"}"#,
            )
            .fails(422, "InvalidInput")
            .snapshot(),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "VIEW"}"#)]),
        ],
    },
    Case {
        name: "sharing::decrease::administer_refused",
        items: &["project/decreasePermissions#error.InvalidInput.level"],
        summary: "ADMINISTER is not a decrease: `{peer: ADMINISTER}` is InvalidInput",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post(
                "/$project/decreasePermissions",
                r#"{"$peer": "ADMINISTER"}"#,
            )
            .fails(422, "InvalidInput"),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
        ],
    },
    Case {
        name: "sharing::decrease::unknown_level",
        items: &["project/decreasePermissions#error.InvalidInput.level"],
        summary: "`{peer: \"OWNER\"}` and `{peer: 1}` are InvalidInput",
        needs: &[Need::Peer(Access::Upload)],
        steps: &[
            post("/$project/decreasePermissions", r#"{"$peer": "OWNER"}"#)
                .fails(422, "InvalidInput"),
            post("/$project/decreasePermissions", r#"{"$peer": 1}"#).fails(422, "InvalidInput"),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
        ],
    },
    Case {
        name: "sharing::decrease::contribute_denied",
        items: &[
            "project/decreasePermissions#error.PermissionDenied",
            "sharing#rule.non-admin-cannot-change-others",
        ],
        summary: "a CONTRIBUTE member cannot lower the owner; the owner stays ADMINISTER",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[
            post("/$project/decreasePermissions", r#"{"$owner": "VIEW"}"#)
                .by(Who::Peer)
                .fails(401, "PermissionDenied"),
            MEMBERS.check(&[Has("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
    },
    // ================= leave =================
    Case {
        name: "sharing::leave::view_member",
        items: &[
            "project/leave#rule.any-member",
            "project/leave#output.id",
            "project/leave#rule.access-gone",
        ],
        summary: "a VIEW member leaves (`{id}`); they are gone from `permissions` and their describe is refused",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            post("/$project/leave", "{}")
                .by(Who::Peer)
                .proves(&["project/leave#rule.any-member"])
                .check(&[On("project/leave#output.id", &[Eq("/id", r#""$project""#)])]),
            MEMBERS
                .proves(&["project/leave#rule.access-gone"])
                .check(&[Eq("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
            post("/$project/describe", "{}")
                .by(Who::Peer)
                .refused()
                .proves(&["project/leave#rule.access-gone"]),
        ],
    },
    Case {
        name: "sharing::leave::contribute_member",
        items: &["project/leave#rule.any-member"],
        summary: "a CONTRIBUTE member leaves",
        needs: &[Need::Peer(Access::Contribute)],
        steps: &[post("/$project/leave", "{}").by(Who::Peer)],
    },
    Case {
        name: "sharing::leave::administer_member",
        items: &["project/leave#rule.any-member"],
        summary: "an ADMINISTER member leaves while the owner stays administrator",
        needs: &[Need::Peer(Access::Administer)],
        steps: &[
            post("/$project/leave", "{}").by(Who::Peer),
            MEMBERS
                .proves(&["project/leave#rule.access-gone"])
                .check(&[Eq("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
    },
    Case {
        name: "sharing::leave::non_member",
        items: &["project/leave#error.PermissionDenied.non-member"],
        summary: "a user who is not a member cannot leave: PermissionDenied",
        needs: &[Need::Peer(Access::None)],
        steps: &[post("/$project/leave", "{}")
            .by(Who::Peer)
            .fails(401, "PermissionDenied")],
    },
    Case {
        name: "sharing::leave::last_administrator",
        items: &["project/leave#error.InvalidState.last-admin"],
        summary: "the only administrator cannot leave: InvalidState, and they stay ADMINISTER (our reading)",
        steps: &[
            post("/$project/leave", "{}")
                .fails(422, "InvalidState")
                .snapshot(),
            MEMBERS.check(&[Has("/permissions", r#"{"$owner": "ADMINISTER"}"#)]),
        ],
        ..CASE
    },
    // ================= describe follows every change =================
    Case {
        name: "sharing::describe::level_follows_changes",
        items: &["sharing#rule.describe-reflects"],
        summary: "the member's own `level` follows invite (up) and decreasePermissions (down)",
        needs: &[Need::Peer(Access::View)],
        steps: &[
            PEER_LEVEL.check(&[Eq("/level", r#""VIEW""#)]),
            invite(r#"{"invitee": "$peer", "level": "ADMINISTER"}"#),
            PEER_LEVEL.check(&[Eq("/level", r#""ADMINISTER""#)]),
            post("/$project/decreasePermissions", r#"{"$peer": "UPLOAD"}"#),
            PEER_LEVEL.check(&[Eq("/level", r#""UPLOAD""#)]),
            MEMBERS.check(&[Has("/permissions", r#"{"$peer": "UPLOAD"}"#)]),
        ],
    },
];
