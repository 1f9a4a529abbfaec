//! Search and bulk routes under `/system/`: findDataObjects, findProjects,
//! describeDataObjects, resolveDataObjects, and the empty findApps/findGlobalWorkflows
//! answers the `dx` client needs. Only what the caller can VIEW (explicit membership) is
//! ever found.
//!
//! Paging: `limit` defaults to and is capped at [`Search::max_limit`] (1000; larger values
//! are clamped, our reading), and a page holds at most [`Search::page_cap`] results;
//! `next` is an opaque mapping naming the first result of the next page, which clients
//! send back unchanged as `starting`.

use regex::{Regex, RegexBuilder};
use serde_json::{Value, json};

use super::call::Call;
use super::error::{ApiResult, invalid_input};
use super::fields::Fields;
use super::folders::{describe_option, within};
use super::ids;
use super::input::{self, Input, int_value};
use super::projects;
use super::records;
use super::rules::Search;
use super::store::{Level, Object, State, Store, links};

/// `/system/findApps` and `/system/findGlobalWorkflows`: apps and global workflows do not
/// exist here, and `dx describe <name>` needs the empty answer rather than an error.
pub fn find_nothing(_: &mut Store, _: &Call) -> ApiResult<Value> {
    Ok(json!({"results": [], "next": null}))
}

/// A name filter: exact string, `{"glob"}` or `{"regexp"[, "flags"]}`.
enum NameFilter {
    Exact(String),
    Pattern(Regex),
}

impl NameFilter {
    fn read(v: &Value) -> ApiResult<NameFilter> {
        let bad = || {
            invalid_input("Expected \"name\" to be a string, {\"glob\": ...} or {\"regexp\": ...}")
        };
        match v {
            Value::String(s) => Ok(NameFilter::Exact(s.clone())),
            Value::Object(m) => {
                if let Some(g) = m.get("glob") {
                    let g = g.as_str().ok_or_else(bad)?;
                    return compile(&glob_to_regex(g), false).map(NameFilter::Pattern);
                }
                let r = m.get("regexp").and_then(Value::as_str).ok_or_else(bad)?;
                let flags = match m.get("flags") {
                    None => "",
                    Some(f) => f.as_str().ok_or_else(bad)?,
                };
                compile(r, flags.contains('i')).map(NameFilter::Pattern)
            }
            _ => Err(bad()),
        }
    }

    fn matches(&self, name: &str) -> bool {
        match self {
            NameFilter::Exact(s) => s == name,
            NameFilter::Pattern(r) => r.is_match(name),
        }
    }
}

fn compile(pattern: &str, case_insensitive: bool) -> ApiResult<Regex> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| invalid_input(format!("Invalid name pattern: {e}")))
}

/// A glob as an anchored regex: `*` any run, `?` one character, `\` escapes the next
/// character; everything else is literal (`[]` is not supported, as documented).
pub fn glob_to_regex(glob: &str) -> String {
    let mut out = String::from("^");
    let mut chars = glob.chars();
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push_str(".*"),
            '?' => out.push('.'),
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push_str(&regex::escape(&n.to_string()));
                } else {
                    out.push_str(r"\\");
                }
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out.push('$');
    out
}

/// A boolean expression over strings: `"x"`, `{"$and": [...]}`, `{"$or": [...]}`
/// (types and tags filters).
enum Expr {
    One(String),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

impl Expr {
    fn read(key: &str, v: &Value) -> ApiResult<Expr> {
        let bad = || {
            invalid_input(format!(
                "Expected \"{key}\" to be a string or a {{\"$and\"|\"$or\": [...]}} expression"
            ))
        };
        match v {
            Value::String(s) => Ok(Expr::One(s.clone())),
            Value::Object(m) if m.len() == 1 => {
                let (op, arr) = m.iter().next().ok_or_else(bad)?;
                let items = arr
                    .as_array()
                    .ok_or_else(bad)?
                    .iter()
                    .map(|x| Expr::read(key, x))
                    .collect::<ApiResult<Vec<_>>>()?;
                match op.as_str() {
                    "$and" => Ok(Expr::And(items)),
                    "$or" => Ok(Expr::Or(items)),
                    _ => Err(bad()),
                }
            }
            _ => Err(bad()),
        }
    }

    fn matches(&self, set: &[String]) -> bool {
        match self {
            Expr::One(s) => set.contains(s),
            Expr::And(v) => v.iter().all(|e| e.matches(set)),
            Expr::Or(v) => v.iter().any(|e| e.matches(set)),
        }
    }
}

/// A properties filter: key to `true` (present) or a string (equal), combinable with
/// `$and`/`$or` arrays of such mappings.
enum PropFilter {
    Present(String),
    Equals(String, String),
    And(Vec<PropFilter>),
    Or(Vec<PropFilter>),
}

impl PropFilter {
    fn read(v: &Value) -> ApiResult<PropFilter> {
        let bad = || {
            invalid_input(
                "Expected \"properties\" to map keys to true or a string (or $and/$or arrays)",
            )
        };
        let m = v.as_object().ok_or_else(bad)?;
        let mut all = Vec::new();
        for (k, v) in m {
            let f = match (k.as_str(), v) {
                ("$and" | "$or", Value::Array(items)) => {
                    let items = items
                        .iter()
                        .map(PropFilter::read)
                        .collect::<ApiResult<Vec<_>>>()?;
                    if k == "$and" {
                        PropFilter::And(items)
                    } else {
                        PropFilter::Or(items)
                    }
                }
                (_, Value::Bool(true)) => PropFilter::Present(k.clone()),
                (_, Value::String(s)) => PropFilter::Equals(k.clone(), s.clone()),
                _ => return Err(bad()),
            };
            all.push(f);
        }
        Ok(PropFilter::And(all))
    }

    fn matches(&self, props: &std::collections::BTreeMap<String, String>) -> bool {
        match self {
            PropFilter::Present(k) => props.contains_key(k),
            PropFilter::Equals(k, v) => props.get(k) == Some(v),
            PropFilter::And(v) => v.iter().all(|f| f.matches(props)),
            PropFilter::Or(v) => v.iter().any(|f| f.matches(props)),
        }
    }
}

/// A `{after, before}` window in ms; both ends inclusive (the docs do not say).
struct Window {
    after: Option<i64>,
    before: Option<i64>,
}

impl Window {
    fn read(input: Input, key: &str) -> ApiResult<Option<Window>> {
        let Some(m) = input.opt_object(key)? else {
            return Ok(None);
        };
        let get = |k: &str| -> ApiResult<Option<i64>> {
            m.get(k)
                .map(|v| {
                    int_value(v).ok_or_else(|| {
                        invalid_input(format!("Expected \"{key}.{k}\" to be a timestamp"))
                    })
                })
                .transpose()
        };
        Ok(Some(Window {
            after: get("after")?,
            before: get("before")?,
        }))
    }

    fn contains(&self, t: i64) -> bool {
        self.after.is_none_or(|a| t >= a) && self.before.is_none_or(|b| t <= b)
    }
}

/// How many results a page holds: `limit`, a positive integer clamped to the largest
/// limit (its default), and never more than the page cap.
fn read_limit(input: Input, rules: &Search) -> ApiResult<usize> {
    let limit = match input.opt_int("limit")? {
        None => rules.max_limit,
        Some(n) if n >= 1 => usize::try_from(n).map_or(rules.max_limit, |n| n.min(rules.max_limit)),
        Some(_) => return Err(invalid_input("Expected \"limit\" to be a positive integer")),
    };
    Ok(limit.min(rules.page_cap))
}

fn read_level(input: Input) -> ApiResult<Level> {
    match input.opt_str("level")? {
        None => Ok(Level::View),
        Some(s) => Level::parse(s).ok_or_else(|| {
            invalid_input("Expected \"level\" to be VIEW, UPLOAD, CONTRIBUTE or ADMINISTER")
        }),
    }
}

/// Cut one page out of the full ordered list. `key` gives each result's paging key.
fn page(
    all: Vec<Value>,
    starting: Option<&Value>,
    limit: usize,
    key: impl Fn(&Value) -> Value,
) -> ApiResult<Value> {
    let start = match starting {
        None | Some(Value::Null) => 0,
        Some(s) => all
            .iter()
            .position(|r| &key(r) == s)
            .ok_or_else(|| invalid_input("\"starting\" is not a value this search returned"))?,
    };
    let rest = &all[start.min(all.len())..];
    let next = rest.get(limit).map(&key).unwrap_or(Value::Null);
    let results: Vec<Value> = rest.iter().take(limit).cloned().collect();
    Ok(json!({"results": results, "next": next}))
}

/// A bulk call's `objects` holds at most as many entries as the largest page.
fn check_bulk(objects: &[Value], rules: &Search) -> ApiResult<()> {
    if objects.len() > rules.max_limit {
        return Err(invalid_input(format!(
            "\"objects\" holds at most {} entries",
            rules.max_limit
        )));
    }
    Ok(())
}

/// `/system/findDataObjects`.
pub fn find_data_objects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let class = input.opt_str("class")?;
    let state = input.opt_str("state")?.unwrap_or("any");
    if !["open", "closing", "closed", "any"].contains(&state) {
        return Err(invalid_input(
            "Expected \"state\" to be open, closing, closed or any",
        ));
    }
    // Files only ([CLIENT] dxfuse): with a state other than "any", only files in that
    // archival state match (our reading); files here are always live.
    let archival = input.opt_str("archivalState")?.unwrap_or("any");
    if !["live", "archival", "archived", "unarchiving", "any"].contains(&archival) {
        return Err(invalid_input(
            "Expected \"archivalState\" to be live, archival, archived, unarchiving or any",
        ));
    }
    let rules = &call.rules.search;
    let visibility = input
        .opt_str("visibility")?
        .unwrap_or(rules.default_visibility);
    if !["hidden", "visible", "either"].contains(&visibility) {
        return Err(invalid_input(
            "Expected \"visibility\" to be hidden, visible or either",
        ));
    }
    let name = input.get("name").map(NameFilter::read).transpose()?;
    let props = input.get("properties").map(PropFilter::read).transpose()?;
    let types = input
        .get("type")
        .map(|v| Expr::read("type", v))
        .transpose()?;
    let mut tags = input
        .get("tags")
        .map(|v| Expr::read("tags", v))
        .transpose()?;
    if let Some(t) = input.opt_str("tag")? {
        // The deprecated single-tag form.
        let one = Expr::One(t.to_string());
        tags = Some(match tags {
            Some(other) => Expr::And(vec![other, one]),
            None => one,
        });
    }
    let link = input.opt_str("link")?;
    if let Some(l) = link
        && ids::class_of(l).is_none()
    {
        return Err(invalid_input("Expected \"link\" to be an object ID"));
    }
    let only_ids = input.opt_ids("id")?;
    if only_ids.as_ref().is_some_and(|v| v.len() > rules.max_limit) {
        return Err(invalid_input(format!(
            "\"id\" holds at most {} IDs",
            rules.max_limit
        )));
    }
    let created = Window::read(input, "created")?;
    let modified = Window::read(input, "modified")?;
    let describe = describe_option(input, "describe", call.rules)?;
    let level = read_level(input)?;
    let region = input.opt_str("region")?;
    let limit = read_limit(input, rules)?;
    let scope = match input.opt_object("scope")? {
        None => None,
        Some(m) => {
            let s = Input(m);
            let project = s.req_project("project")?;
            let folder = s.opt_folder("folder")?.unwrap_or_else(|| "/".into());
            let recurse = s.bool_or("recurse", true)?;
            store.require(project, call.user, Level::View)?;
            Some((project.to_string(), folder, recurse))
        }
    };

    let keep = |obj: &Object, project: &str| -> bool {
        let Some(copy) = obj.copy(project) else {
            return false;
        };
        let state_ok = match state {
            "open" => obj.state == State::Open,
            "closed" => obj.state == State::Closed,
            "closing" => obj.state == State::Closing,
            _ => true,
        };
        let vis_ok = match visibility {
            "hidden" => obj.hidden,
            "visible" => !obj.hidden,
            _ => true,
        };
        let scope_ok = scope.as_ref().is_none_or(|(_, folder, recurse)| {
            if *recurse {
                within(&copy.folder, folder)
            } else {
                &copy.folder == folder
            }
        });
        let archival_ok = archival == "any"
            || (obj.file.is_some() && archival == super::files::describe::ARCHIVAL_STATE);
        state_ok
            && archival_ok
            && vis_ok
            && scope_ok
            && class.is_none_or(|c| obj.class == c)
            && name.as_ref().is_none_or(|n| n.matches(&copy.name))
            && props.as_ref().is_none_or(|p| p.matches(&copy.properties))
            && types.as_ref().is_none_or(|t| t.matches(&obj.types))
            && tags.as_ref().is_none_or(|t| t.matches(&copy.tags))
            && link.is_none_or(|l| links(&obj.details).iter().any(|x| x == l))
            && only_ids.as_ref().is_none_or(|v| v.contains(&obj.id))
            && created.as_ref().is_none_or(|w| w.contains(obj.created))
            && modified.as_ref().is_none_or(|w| w.contains(obj.modified))
    };

    let mut all = Vec::new();
    for p in store.projects_in_order() {
        if let Some((sp, _, _)) = &scope
            && sp != &p.id
        {
            continue;
        }
        // `region`: only objects in projects of that region (clients' parameter).
        if region.is_some_and(|r| r != p.region) {
            continue;
        }
        // Access that comes only from PUBLIC does not count for search (search page).
        if p.members.get(call.user).is_none_or(|l| *l < level) && rules.view_required {
            continue;
        }
        // Results from one project are grouped, newest modification first.
        // Ties (same millisecond) go to the most recently added.
        let mut found: Vec<(usize, &Object)> = p
            .objects
            .iter()
            .filter_map(|id| store.objects.get(id))
            .enumerate()
            .filter(|(_, o)| keep(o, &p.id))
            .collect();
        found.sort_by(|(i, a), (j, b)| b.modified.cmp(&a.modified).then_with(|| j.cmp(i)));
        if !rules.newest_first {
            found.reverse();
        }
        for (_, obj) in found {
            let mut r = json!({"project": p.id, "id": obj.id});
            if let Some(f) = &describe {
                r["describe"] = records::describe_copy(obj, &p.id, f, call.rules.links);
            }
            all.push(r);
        }
    }
    page(
        all,
        input.get("starting"),
        limit,
        |r| json!({"project": r["project"], "id": r["id"]}),
    )
}

/// `/system/findProjects`: `results` of `{id, level}` (plus `describe` on request).
pub fn find_projects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let name = input.get("name").map(NameFilter::read).transpose()?;
    let level = read_level(input)?;
    let describe = match input.get("describe") {
        None | Some(Value::Bool(false)) => None,
        Some(Value::Bool(true)) => Some(Fields::of(projects::DEFAULT_FIELDS)),
        Some(Value::Object(m)) => Some(projects::read_fields(Input(m))?),
        Some(_) => {
            return Err(invalid_input(
                "Expected \"describe\" to be a boolean or a describe input mapping",
            ));
        }
    };
    let explicit = input.bool_or("explicitPermission", false)?;
    let bill_to: Option<Vec<String>> = match input.get("billTo") {
        None => None,
        Some(Value::String(s)) => Some(vec![s.clone()]),
        Some(Value::Array(a)) => Some(
            a.iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| invalid_input("Expected \"billTo\" to be a string or strings"))?,
        ),
        Some(_) => {
            return Err(invalid_input(
                "Expected \"billTo\" to be a string or strings",
            ));
        }
    };
    let created = Window::read(input, "created")?;
    let tags = input
        .get("tags")
        .map(|v| Expr::read("tags", v))
        .transpose()?;
    let props = input.get("properties").map(PropFilter::read).transpose()?;
    let region = input.opt_str("region")?;
    let phi = input.opt_bool("containsPHI")?;
    let limit = read_limit(input, &call.rules.search)?;

    let mut all = Vec::new();
    for p in store.projects_in_order() {
        let effective = if explicit {
            p.members.get(call.user).copied()
        } else {
            store.level(&p.id, call.user)
        };
        let Some(l) = effective else { continue };
        let keep = l >= level
            && name.as_ref().is_none_or(|n| n.matches(&p.name))
            && bill_to.as_ref().is_none_or(|b| b.contains(&p.bill_to))
            && created.as_ref().is_none_or(|w| w.contains(p.created))
            && tags.as_ref().is_none_or(|t| t.matches(&p.tags))
            && props.as_ref().is_none_or(|f| f.matches(&p.properties))
            && region.is_none_or(|r| r == p.region)
            && phi.is_none_or(|b| b == p.contains_phi);
        if !keep {
            continue;
        }
        let mut r = json!({"id": p.id, "level": l.as_str()});
        if let Some(f) = &describe {
            r["describe"] = projects::describe_value(store, &p.id, call.user, f);
        }
        all.push(r);
    }
    page(
        all,
        input.get("starting"),
        limit,
        |r| json!({"id": r["id"]}),
    )
}

/// `/system/describeDataObjects`: one `{"describe": ...}` per entry, in input order. An
/// entry that cannot be described (unknown, or not viewable) gets `{"error": {...}}` in
/// its place instead of failing the whole call (the docs are silent; our reading).
pub fn describe_data_objects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let objects = input
        .opt_array("objects")?
        .ok_or_else(|| invalid_input("Expected key \"objects\" to be present"))?;
    check_bulk(objects, &call.rules.search)?;
    let class_options = input.opt_object("classDescribeOptions")?;
    let bad = || {
        invalid_input(
            "Expected each entry of \"objects\" to be an ID or {\"id\", \"project\"?, \"describe\"?}",
        )
    };
    let mut results = Vec::new();
    for entry in objects {
        let (id, hint, own) = match entry {
            Value::String(s) => (s.as_str(), None, None),
            Value::Object(m) => {
                let id = m.get("id").and_then(Value::as_str).ok_or_else(bad)?;
                let hint = match m.get("project") {
                    None => None,
                    Some(Value::String(p)) => Some(input::project_id("project", p)?),
                    Some(_) => return Err(bad()),
                };
                (id, hint, m.get("describe"))
            }
            _ => return Err(bad()),
        };
        let class = ids::class_of(id).ok_or_else(bad)?;
        let options = own
            .or_else(|| class_options.and_then(|c| c.get(class)))
            .or_else(|| class_options.and_then(|c| c.get("*")));
        let fields = match options {
            None | Some(Value::Bool(true)) => records::default_fields(call.rules),
            Some(Value::Object(m)) => records::read_fields(Input(m), call.rules)?,
            Some(_) => return Err(bad()),
        };
        match records::pick_copy(store, id, hint, call.user) {
            Ok(project) => {
                let obj = store.object(id)?;
                let describe = records::describe_copy(obj, &project, &fields, call.rules.links);
                results.push(json!({ "describe": describe }));
            }
            Err(e) => results.push(e.body()),
        }
    }
    Ok(json!({ "results": results }))
}

/// `/system/resolveDataObjects`: for each `{name, project?, folder?}`, the objects with
/// exactly that name directly in that folder (default `/`). Entries naming a project the
/// caller cannot view resolve to `[]` (our reading).
pub fn resolve_data_objects(store: &mut Store, call: &Call) -> ApiResult<Value> {
    let input = call.input();
    let objects = input
        .opt_array("objects")?
        .ok_or_else(|| invalid_input("Expected key \"objects\" to be present"))?;
    check_bulk(objects, &call.rules.search)?;
    let default_project = input.opt_project("project")?;
    let default_folder = input.opt_folder("folder")?;
    let names_match = |wanted: &str, name: &str| {
        if call.rules.search.resolve_glob {
            Regex::new(&glob_to_regex(wanted)).is_ok_and(|r| r.is_match(name))
        } else {
            wanted == name
        }
    };
    let mut results = Vec::new();
    for entry in objects {
        let m = entry.as_object().ok_or_else(|| {
            invalid_input("Expected each entry of \"objects\" to be a mapping with \"name\"")
        })?;
        let e = Input(m);
        let name = e.req_str("name")?;
        let project = e
            .opt_project("project")?
            .or(default_project)
            .ok_or_else(|| invalid_input("No \"project\" given for an entry"))?;
        let folder = e
            .opt_folder("folder")?
            .or_else(|| default_folder.clone())
            .unwrap_or_else(|| "/".into());
        let mut found = Vec::new();
        if store.level(project, call.user).is_some()
            && let Some(p) = store.projects.get(project)
        {
            for id in &p.objects {
                let hit = store
                    .objects
                    .get(id)
                    .and_then(|o| o.copy(project))
                    .is_some_and(|c| names_match(name, &c.name) && c.folder == folder);
                if hit {
                    found.push(json!({"project": project, "id": id}));
                }
            }
        }
        results.push(Value::Array(found));
    }
    Ok(json!({ "results": results }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let m = |g: &str, s: &str| Regex::new(&glob_to_regex(g)).unwrap().is_match(s);
        assert!(m("ba*", "bar") && m("ba*", "baz") && !m("ba*", "xbar"));
        assert!(m("b?r", "bar") && !m("b?r", "bear"));
        assert!(m(r"a\*", "a*") && !m(r"a\*", "ab"));
        assert!(m("[x]", "[x]") && !m("[x]", "x"));
        assert!(m("a.b", "a.b") && !m("a.b", "axb"));
    }

    #[test]
    fn expressions() {
        let set = vec!["a".to_string(), "b".to_string()];
        let e = Expr::read("t", &json!({"$and": ["a", {"$or": ["c", "b"]}]})).unwrap();
        assert!(e.matches(&set));
        let e = Expr::read("t", &json!({"$and": ["a", "c"]})).unwrap();
        assert!(!e.matches(&set));
        assert!(Expr::read("t", &json!({"$not": ["a"]})).is_err());
        assert!(Expr::read("t", &json!(5)).is_err());
    }

    #[test]
    fn paging() {
        let all: Vec<Value> = (0..5).map(|i| json!({"id": i})).collect();
        let key = |r: &Value| json!({"id": r["id"]});
        let first = page(all.clone(), None, 2, key).unwrap();
        assert_eq!(first["results"], json!([{"id": 0}, {"id": 1}]));
        assert_eq!(first["next"], json!({"id": 2}));
        let last = page(all.clone(), Some(&json!({"id": 4})), 2, key).unwrap();
        assert_eq!(last["next"], Value::Null);
        assert!(page(all, Some(&json!("bogus")), 2, key).is_err());
    }
}
