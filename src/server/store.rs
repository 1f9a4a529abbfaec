//! The data model: users, projects (members, folders, flags, metadata), data objects with
//! their per-project copies, and the nonce table. All of it lives behind the one lock in
//! [`super::AppState`]; route code takes `&mut Store` for a whole request, which is what
//! makes every request atomic (no lost updates, one record per nonce).
//!
//! Name, folder, tags and properties belong to a project's copy of an object; types,
//! details, visibility, state and the timestamps belong to the object (spec §6, §7).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::error::{ApiResult, not_found, not_found_msg, permission_denied};
use super::files::data::FileData;
use super::ids;

/// A permission level, in the documented order VIEW < UPLOAD < CONTRIBUTE < ADMINISTER.
/// "No access" is `None` in an `Option<Level>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    View,
    Upload,
    Contribute,
    Administer,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::View => "VIEW",
            Level::Upload => "UPLOAD",
            Level::Contribute => "CONTRIBUTE",
            Level::Administer => "ADMINISTER",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "VIEW" => Some(Level::View),
            "UPLOAD" => Some(Level::Upload),
            "CONTRIBUTE" => Some(Level::Contribute),
            "ADMINISTER" => Some(Level::Administer),
            _ => None,
        }
    }
}

/// Who pays for a project, as far as `/record/new` cares (the billing fixtures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Billing {
    #[default]
    Ok,
    /// Billed to an org at its spending limit: writes get SpendingLimitExceeded.
    SpendingLimit,
    /// Billed to an expired org: writes get OrgExpired.
    Expired,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub handle: String,
}

/// A project or a container.
#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    /// `"project"` or `"container"`.
    pub class: &'static str,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub created: i64,
    pub modified: i64,
    pub created_by: String,
    /// Creation order, for stable search results.
    pub seq: u64,
    /// Member ID (`user-…`, `PUBLIC`) to level.
    pub members: BTreeMap<String, Level>,
    /// Every folder but the root, in creation order (listFolder lists in that order).
    pub folders: Vec<String>,
    /// Objects with a copy here, in the order they were added.
    pub objects: Vec<String>,
    pub protected: bool,
    pub restricted: bool,
    pub download_restricted: bool,
    pub preview_viewer_restricted: bool,
    pub external_upload_restricted: bool,
    pub contains_phi: bool,
    pub database_ui_view_only: bool,
    /// [CLIENT] A positive integer (`dx update project --database-results-restricted N`),
    /// kept as given; `None` when unset.
    pub database_results_restricted: Option<Value>,
    pub allowed_executables: Option<Vec<String>>,
    pub tags: Vec<String>,
    pub properties: BTreeMap<String, String>,
    pub bill_to: String,
    pub region: String,
    pub billing: Billing,
}

impl Project {
    /// Whether `folder` (normalised) exists; the root always does.
    pub fn has_folder(&self, folder: &str) -> bool {
        folder == "/" || self.folders.iter().any(|f| f == folder)
    }

    /// Create `folder` and its missing ancestors.
    pub fn make_folders(&mut self, folder: &str) {
        let mut path = String::new();
        for part in folder.split('/').filter(|p| !p.is_empty()) {
            path.push('/');
            path.push_str(part);
            if !self.has_folder(&path) {
                self.folders.push(path.clone());
            }
        }
    }
}

/// Open, closing or closed. Records close synchronously, so only files show `closing`
/// (for as long as the rules' closing delay, none by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Open,
    Closing,
    Closed,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Closing => "closing",
            State::Closed => "closed",
        }
    }
}

/// A project's copy of an object: the per-project metadata.
#[derive(Debug, Clone)]
pub struct Copy {
    pub project: String,
    pub name: String,
    pub folder: String,
    pub tags: Vec<String>,
    pub properties: BTreeMap<String, String>,
}

/// A data object (only records are created here, but the model is class-neutral).
#[derive(Debug, Clone)]
pub struct Object {
    pub id: String,
    pub class: String,
    pub types: Vec<String>,
    pub details: Value,
    pub hidden: bool,
    pub state: State,
    pub created: i64,
    pub modified: i64,
    pub created_by: String,
    /// The project the object was created in: close, types, details and visibility need
    /// UPLOAD there.
    pub created_in: String,
    /// Copies in the order they were added (the describe fallback order).
    pub copies: Vec<Copy>,
    /// A file's media type, parts and handed-out URLs (`None` for other classes).
    pub file: Option<FileData>,
}

impl Object {
    pub fn copy(&self, project: &str) -> Option<&Copy> {
        self.copies.iter().find(|c| c.project == project)
    }

    pub fn copy_mut(&mut self, project: &str) -> Option<&mut Copy> {
        self.copies.iter_mut().find(|c| c.project == project)
    }

    /// Record a metadata change: `modified` strictly increases, even within one ms.
    pub fn touch(&mut self) {
        self.modified = next_time(self.modified);
    }
}

/// A remembered nonce: the input it came with and the answer given.
#[derive(Debug, Clone)]
pub struct NonceEntry {
    pub input: Value,
    /// The first answer; `null` for a failed attempt (kept only when the rules say so).
    pub output: Value,
    /// When it was stored (ms), for rules that forget nonces.
    pub at: i64,
}

/// Everything the server knows.
#[derive(Debug, Default)]
pub struct Store {
    /// User ID to user.
    pub users: BTreeMap<String, User>,
    /// Bearer token to user ID.
    pub tokens: HashMap<String, String>,
    pub projects: HashMap<String, Project>,
    pub objects: HashMap<String, Object>,
    /// (user ID, nonce) to the first successful answer. Scoped per user: two users may
    /// pick the same nonce (our reading; the docs are silent). Never expires: the docs
    /// guarantee at least an hour, and a test server does not live long.
    pub nonces: HashMap<(String, String), NonceEntry>,
    /// Files closing, with when they become closed (ms); see [`Store::settle`].
    pub closing: Vec<(String, i64)>,
    /// Blob keys of files that are gone, for the blob store to delete once the lock is
    /// released (the bytes never pass through the lock).
    pub discarded: Vec<String>,
    seq: u64,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The next timestamp after `previous`: now, or `previous + 1` if the clock has not moved.
pub fn next_time(previous: i64) -> i64 {
    now_ms().max(previous.saturating_add(1))
}

impl Store {
    /// Add a user `user-<handle>` with a bearer token.
    pub fn add_user(&mut self, handle: &str, token: &str) {
        let id = format!("user-{handle}");
        self.tokens.insert(token.to_string(), id.clone());
        self.users.insert(
            id.clone(),
            User {
                id,
                handle: handle.to_string(),
            },
        );
    }

    /// A fresh ID of `class` from `alphabet`, unused by any entity.
    pub fn fresh_id(&self, class: &str, alphabet: &[u8]) -> String {
        loop {
            let id = ids::generate(class, alphabet);
            if !self.projects.contains_key(&id) && !self.objects.contains_key(&id) {
                return id;
            }
        }
    }

    /// Finish the closings that are due at `now` (ms): those files read `closed` from
    /// then on. Called whenever the store is locked, so no reader sees a stale state.
    pub fn settle(&mut self, now: i64) {
        if self.closing.is_empty() {
            return;
        }
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.closing)
            .into_iter()
            .partition(|(_, at)| *at <= now);
        self.closing = later;
        for (id, _) in due {
            if let Some(obj) = self.objects.get_mut(&id)
                && obj.state == State::Closing
            {
                obj.state = State::Closed;
            }
        }
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// A new project with default flags, `creator` as ADMINISTER, its ID drawn from
    /// `alphabet`.
    pub fn create_project(
        &mut self,
        class: &'static str,
        name: &str,
        creator: &str,
        alphabet: &[u8],
    ) -> String {
        let id = self.fresh_id(class, alphabet);
        let now = now_ms();
        let seq = self.next_seq();
        let mut members = BTreeMap::new();
        members.insert(creator.to_string(), Level::Administer);
        self.projects.insert(
            id.clone(),
            Project {
                id: id.clone(),
                class,
                name: name.to_string(),
                summary: String::new(),
                description: String::new(),
                created: now,
                modified: now,
                created_by: creator.to_string(),
                seq,
                members,
                folders: Vec::new(),
                objects: Vec::new(),
                protected: false,
                restricted: false,
                download_restricted: false,
                preview_viewer_restricted: false,
                external_upload_restricted: false,
                contains_phi: false,
                database_ui_view_only: false,
                database_results_restricted: None,
                allowed_executables: None,
                tags: Vec::new(),
                properties: BTreeMap::new(),
                bill_to: creator.to_string(),
                region: "aws:us-east-1".to_string(),
                billing: Billing::Ok,
            },
        );
        id
    }

    /// The caller's level on a project (`None`: no access or no such project): the
    /// higher of their own grant and the PUBLIC grant (which is VIEW at most). Search
    /// ignores PUBLIC access and reads `members` itself.
    pub fn level(&self, project: &str, user: &str) -> Option<Level> {
        let p = self.projects.get(project)?;
        let own = p.members.get(user).copied();
        let public = p.members.get("PUBLIC").copied();
        own.max(public)
    }

    /// The project, if the caller has at least `needed` on it. An unknown project is
    /// ResourceNotFound; an existing one without enough access is PermissionDenied.
    pub fn require(&self, project: &str, user: &str, needed: Level) -> ApiResult<&Project> {
        let p = self
            .projects
            .get(project)
            .ok_or_else(|| not_found(project))?;
        match self.level(project, user) {
            Some(l) if l >= needed => Ok(p),
            _ => Err(permission_denied(format!(
                "{} permission is required in {project}",
                needed.as_str()
            ))),
        }
    }

    pub fn project_mut(&mut self, project: &str) -> ApiResult<&mut Project> {
        self.projects
            .get_mut(project)
            .ok_or_else(|| not_found(project))
    }

    /// The object, or ResourceNotFound in the platform's wording.
    pub fn object(&self, id: &str) -> ApiResult<&Object> {
        self.objects.get(id).ok_or_else(|| not_found(id))
    }

    pub fn object_mut(&mut self, id: &str) -> ApiResult<&mut Object> {
        self.objects.get_mut(id).ok_or_else(|| not_found(id))
    }

    /// The project whose UPLOAD governs object-level changes (close, types, details,
    /// visibility): the creating project while it still holds a copy, else the first
    /// copy (the docs only speak of the creating project; the fallback is ours, for
    /// objects whose creating copy was removed after a clone).
    pub fn governing_project<'a>(&self, obj: &'a Object) -> &'a str {
        if obj.copy(&obj.created_in).is_some() {
            &obj.created_in
        } else {
            obj.copies
                .first()
                .map(|c| c.project.as_str())
                .unwrap_or(&obj.created_in)
        }
    }

    /// Check `needed` on the governing project of an object.
    pub fn require_on_object(&self, id: &str, user: &str, needed: Level) -> ApiResult<()> {
        let obj = self.object(id)?;
        let project = self.governing_project(obj);
        self.require(project, user, needed).map(|_| ())
    }

    /// Check the level a per-copy metadata change needs on `project`, which must hold the
    /// object: `open` while the object is open (UPLOAD), `closed` once it is closed
    /// (CONTRIBUTE).
    pub fn require_copy_write(
        &self,
        id: &str,
        project: &str,
        user: &str,
        (open, closed): (Level, Level),
    ) -> ApiResult<()> {
        let obj = self.object(id)?;
        self.require(project, user, Level::View)?;
        if obj.copy(project).is_none() {
            return Err(not_found_msg(format!(
                "The entity {id} could not be found in {project}"
            )));
        }
        let needed = match obj.state {
            State::Open => open,
            // [INFERRED] A closing object is no longer open: the closed level.
            State::Closing | State::Closed => closed,
        };
        self.require(project, user, needed).map(|_| ())
    }

    /// Remove `project`'s copy of each object, and of the hidden objects that the removal
    /// leaves unreachable: "removing objects also removes hidden objects that are no longer
    /// reachable through links from any visible object in the same container"
    /// (folders-and-deletion). Hidden objects that no visible object linked to before the
    /// removal are left alone: they were not reachable, so they are not "no longer" so.
    /// `orphans: false` skips that propagation (a rule a fault turns off).
    pub fn remove_copies(&mut self, project: &str, ids: &[String], orphans: bool) {
        if !orphans {
            self.drop_copies(project, ids);
            return;
        }
        let before = self.reachable_hidden(project);
        self.drop_copies(project, ids);
        let after = self.reachable_hidden(project);
        let orphans: Vec<String> = before.difference(&after).cloned().collect();
        if !orphans.is_empty() {
            self.drop_copies(project, &orphans);
        }
    }

    /// The hidden objects of `project` reachable through links, followed transitively
    /// within the project, from its visible objects.
    fn reachable_hidden(&self, project: &str) -> std::collections::BTreeSet<String> {
        let Some(p) = self.projects.get(project) else {
            return Default::default();
        };
        let mut seen = std::collections::BTreeSet::new();
        let mut pending: Vec<&str> = p
            .objects
            .iter()
            .filter(|id| self.objects.get(*id).is_some_and(|o| !o.hidden))
            .map(String::as_str)
            .collect();
        let mut hidden = std::collections::BTreeSet::new();
        while let Some(id) = pending.pop() {
            if !seen.insert(id.to_string()) {
                continue;
            }
            let Some(obj) = self.objects.get(id) else {
                continue;
            };
            if obj.hidden {
                hidden.insert(id.to_string());
            }
            for target in links(&obj.details) {
                if let Some(t) = self.objects.get(&target)
                    && t.copy(project).is_some()
                    && !seen.contains(&target)
                {
                    pending.push(&t.id);
                }
            }
        }
        hidden
    }

    /// Remove `project`'s copy of each object; objects left without copies are gone.
    fn drop_copies(&mut self, project: &str, ids: &[String]) {
        for id in ids {
            let gone = match self.objects.get_mut(id) {
                Some(obj) => {
                    obj.copies.retain(|c| c.project != project);
                    obj.copies.is_empty()
                }
                None => false,
            };
            if gone
                && let Some(obj) = self.objects.remove(id)
                && let Some(file) = obj.file
            {
                self.discarded.extend(file.blob_keys());
            }
        }
        if let Some(p) = self.projects.get_mut(project) {
            p.objects.retain(|o| !ids.contains(o));
        }
    }

    /// Destroy a project and every copy in it.
    pub fn destroy_project(&mut self, project: &str) {
        let ids = self
            .projects
            .get(project)
            .map(|p| p.objects.clone())
            .unwrap_or_default();
        self.remove_copies(project, &ids, true);
        self.projects.remove(project);
    }

    /// Projects in creation order (search results are grouped by project in this order).
    pub fn projects_in_order(&self) -> Vec<&Project> {
        let mut v: Vec<&Project> = self.projects.values().collect();
        v.sort_by_key(|p| p.seq);
        v
    }
}

/// Every link target in a details value, deduplicated, in first-seen order.
pub fn links(details: &Value) -> Vec<String> {
    collect_links(details, true)
}

/// Every link target in first-seen order; `dedup: false` keeps repeats (only a server
/// whose rules do not deduplicate describe's `links` asks for that).
pub fn collect_links(details: &Value, dedup: bool) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>, dedup: bool) {
        match v {
            Value::Object(m) => {
                if let (1, Some(link)) = (m.len(), m.get("$dnanexus_link")) {
                    let target = match link {
                        Value::String(s) => Some(s.as_str()),
                        Value::Object(o) => o.get("id").and_then(Value::as_str),
                        _ => None,
                    };
                    if let Some(t) = target
                        && !(dedup && out.iter().any(|x| x == t))
                    {
                        out.push(t.to_string());
                    }
                    return;
                }
                for child in m.values() {
                    walk(child, out, dedup);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out, dedup)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(details, &mut out, dedup);
    out
}

/// A string map as JSON.
pub fn props_json(props: &BTreeMap<String, String>) -> Value {
    Value::Object(
        props
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect::<Map<String, Value>>(),
    )
}

/// A list of strings as JSON.
pub fn strings_json(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::String).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn store() -> (Store, String) {
        let mut s = Store::default();
        s.add_user("alice", "ta");
        s.add_user("bob", "tb");
        let p = s.create_project("project", "p", "user-alice", ids::ALPHABET);
        (s, p)
    }

    #[test]
    fn creator_administers_and_others_have_no_access() {
        let (s, p) = store();
        assert_eq!(s.level(&p, "user-alice"), Some(Level::Administer));
        assert_eq!(s.level(&p, "user-bob"), None);
        assert!(s.require(&p, "user-alice", Level::Administer).is_ok());
        let e = s.require(&p, "user-bob", Level::View).unwrap_err();
        assert_eq!(e.kind, super::super::error::ErrorType::PermissionDenied);
        let e = s
            .require(
                "project-000000000000000000000000",
                "user-alice",
                Level::View,
            )
            .unwrap_err();
        assert_eq!(e.kind, super::super::error::ErrorType::ResourceNotFound);
    }

    #[test]
    fn levels_are_ordered() {
        assert!(Level::View < Level::Upload);
        assert!(Level::Upload < Level::Contribute);
        assert!(Level::Contribute < Level::Administer);
        assert_eq!(Level::parse("UPLOAD"), Some(Level::Upload));
        assert_eq!(Level::parse("upload"), None);
    }

    #[test]
    fn make_folders_creates_ancestors_once() {
        let (mut s, p) = store();
        let proj = s.projects.get_mut(&p).unwrap();
        proj.make_folders("/a/b");
        proj.make_folders("/a/c");
        assert_eq!(proj.folders, vec!["/a", "/a/b", "/a/c"]);
        assert!(proj.has_folder("/"));
    }

    #[test]
    fn touch_is_strictly_increasing() {
        let mut t = now_ms() + 10_000;
        for _ in 0..5 {
            let n = next_time(t);
            assert!(n > t);
            t = n;
        }
    }

    #[test]
    fn links_are_deduplicated_in_first_seen_order() {
        let d = json!({
            "a": {"$dnanexus_link": "record-bbbbbbbbbbbbbbbbbbbbbbbb"},
            "b": [{"$dnanexus_link": {"id": "file-aaaaaaaaaaaaaaaaaaaaaaaa", "project": "project-cccccccccccccccccccccccc"}},
                  {"$dnanexus_link": "record-bbbbbbbbbbbbbbbbbbbbbbbb"}],
        });
        assert_eq!(
            links(&d),
            vec![
                "record-bbbbbbbbbbbbbbbbbbbbbbbb",
                "file-aaaaaaaaaaaaaaaaaaaaaaaa"
            ]
        );
        assert!(links(&json!({})).is_empty());
    }

    #[test]
    fn destroying_a_project_drops_objects_without_other_copies() {
        let (mut s, p) = store();
        let p2 = s.create_project("project", "q", "user-alice", ids::ALPHABET);
        for (id, copies) in [("record-1", vec![&p]), ("record-2", vec![&p, &p2])] {
            let obj = Object {
                id: id.into(),
                class: "record".into(),
                types: vec![],
                details: json!({}),
                hidden: false,
                state: State::Closed,
                created: 1,
                modified: 1,
                created_by: "user-alice".into(),
                created_in: p.clone(),
                file: None,
                copies: copies
                    .iter()
                    .map(|proj| Copy {
                        project: (*proj).clone(),
                        name: id.into(),
                        folder: "/".into(),
                        tags: vec![],
                        properties: BTreeMap::new(),
                    })
                    .collect(),
            };
            for proj in &copies {
                s.projects.get_mut(*proj).unwrap().objects.push(id.into());
            }
            s.objects.insert(id.into(), obj);
        }
        s.destroy_project(&p);
        assert!(!s.objects.contains_key("record-1"));
        let r2 = &s.objects["record-2"];
        assert_eq!(r2.copies.len(), 1);
        assert_eq!(s.governing_project(r2), p2);
    }
}
