//! The billing fixtures: two projects owned by the first user, one billed to an org at
//! its spending limit and one billed to an expired org, so that SpendingLimitExceeded and
//! OrgExpired on `/record/new` can be exercised (the reference server has no real billing).

use super::Fixtures;
use super::error::{ApiError, ApiResult, ErrorType};
use super::rules;
use super::store::{Billing, Project, Store};

/// The org the spending-limit fixture is billed to.
pub const LIMIT_ORG: &str = "org-dxconform_at_limit";
/// The org the expired fixture is billed to.
pub const EXPIRED_ORG: &str = "org-dxconform_expired";

/// Create both fixture projects for `owner`, their IDs drawn from `alphabet`.
pub fn create(store: &mut Store, owner: &str, alphabet: &[u8]) -> Fixtures {
    let mut make = |name: &str, org: &str, billing: Billing| {
        let id = store.create_project("project", name, owner, alphabet);
        if let Some(p) = store.projects.get_mut(&id) {
            p.bill_to = org.to_string();
            p.billing = billing;
        }
        id
    };
    let limit = make(
        "dxconform billing fixture: spending limit reached",
        LIMIT_ORG,
        Billing::SpendingLimit,
    );
    let expired = make(
        "dxconform billing fixture: expired org",
        EXPIRED_ORG,
        Billing::Expired,
    );
    Fixtures {
        spending_limit_project: Some(limit),
        expired_org_project: Some(expired),
    }
}

/// Whether new data may be billed to this project, applying the checks `rules` enforce.
pub fn check(project: &Project, rules: &rules::Billing) -> ApiResult<()> {
    match project.billing {
        Billing::SpendingLimit if rules.spending_limit_enforced => Err(ApiError::new(
            ErrorType::SpendingLimitExceeded,
            format!(
                "The billing account {} of {} has reached its spending limit",
                project.bill_to, project.id
            ),
        )),
        Billing::Expired if rules.org_expiry_enforced => Err(ApiError::new(
            ErrorType::OrgExpired,
            format!(
                "The org {} that {} is billed to has expired",
                project.bill_to, project.id
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_refuse_new_data_with_their_error() {
        let mut s = Store::default();
        s.add_user("alice", "t");
        let f = create(&mut s, "user-alice", crate::server::ids::ALPHABET);
        let enforced = rules::Rules::default().billing;
        let check = |p| check(p, &enforced);
        let limit = &s.projects[f.spending_limit_project.as_deref().unwrap()];
        let expired = &s.projects[f.expired_org_project.as_deref().unwrap()];
        assert_eq!(
            check(limit).unwrap_err().kind,
            ErrorType::SpendingLimitExceeded
        );
        assert_eq!(check(expired).unwrap_err().kind, ErrorType::OrgExpired);
        assert_eq!(
            s.level(&limit.id, "user-alice"),
            Some(crate::server::store::Level::Administer)
        );
    }
}
