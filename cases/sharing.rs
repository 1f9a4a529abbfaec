//! The Project permissions and sharing page: who may do what in a project, and how a
//! project is shared.
//!
//! <https://documentation.dnanexus.com/developer/api/data-containers/project-permissions-and-sharing>.
//! The levels (VIEW < UPLOAD < CONTRIBUTE < ADMINISTER) are documented; that a project can
//! be shared with `PUBLIC` (at VIEW only) is known from the clients (`dx invite PUBLIC`),
//! so it is SHOULD. Other tables rely on these facts in their setup steps (the search page's
//! "PUBLIC access does not count"), which prove the items here.

use crate::case::Case;
use crate::spec::{Item, ItemKind::*, Level::*};

use super::pages::SHARING;

const INVITE: &str = "#api-method-project-xxxx-invite";

pub static ITEMS: &[Item] = &[Item {
    id: "project/invite#input.invitee.public",
    page: &SHARING,
    anchor: INVITE,
    kind: Input,
    level: Should,
    text: "[CLIENT] `invitee: \"PUBLIC\"` at VIEW shares the project with everyone: a user who is not a member can then VIEW (describe) its objects (`dx invite PUBLIC`).",
}];

pub static CASES: &[Case] = &[];
