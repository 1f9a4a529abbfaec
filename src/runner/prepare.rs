//! Start-up validation: every case of every table is parsed and checked once, before any
//! trial runs, so that a malformed table aborts the run naming the case instead of
//! becoming a failing (or, worse, passing) trial.
//!
//! What is checked: names are path-like and unique; each case names at least one item and
//! every item exists; each step's JSON body and check operands parse; regular expressions
//! compile; pointers are JSON pointers; every placeholder is a built-in the case's needs
//! provide or a name captured by an earlier step (or the same step: captures happen
//! before checks).
//!
//! It also fixes what each fact proves ([`Fact`]): a check in an `On(item, ...)` group
//! proves that item; any other check, and the step's expectation, prove the step's
//! `proves` items or else the case's items, which must then share one level (a MUST item
//! and a SHOULD item cannot be judged as one fact). An error step's status proves the
//! item of the catalogue's status table; its body shape and content type prove
//! `protocols#error-body` and `protocols#header.content-type`. Every item a case names
//! must be proved by some fact of the case.

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

use crate::case::{Body, Case, Check, Expect, Kind, Need, Step, Who};
use crate::shape::{self, Shape};
use crate::spec::{self, Item, Level, Table};

use super::fact::Fact;
use super::vars;

/// The item every error body's shape proves.
pub const ERROR_BODY: &str = "protocols#error-body";
/// The item every answer's JSON content type proves.
pub const CONTENT_TYPE: &str = "protocols#header.content-type";

/// A check operand, parsed.
#[derive(Debug, Clone)]
pub enum Operand {
    /// `@/pointer`: a value of the same answer.
    Pointer(String),
    /// JSON with placeholders.
    Json(Value),
}

/// A check with its operands parsed, regexes compiled and the fact it proves.
#[derive(Debug, Clone)]
pub struct PreparedCheck {
    pub check: Check,
    pub operand: Option<Operand>,
    pub regex: Option<Regex>,
    pub fact: Fact,
    /// The checks of an `Each`, applied to every element.
    pub each: Vec<PreparedCheck>,
}

/// A step with its body parsed and its facts fixed.
#[derive(Debug, Clone)]
pub struct PreparedStep {
    pub step: Step,
    /// The JSON body (`Body::Json`), with placeholders.
    pub json: Option<Value>,
    /// What the step's expectation proves (its `proves`, or the case's items).
    pub fact: Fact,
    /// An error step's HTTP status (the status table's item).
    pub status: Option<Fact>,
    /// The error body's shape (`protocols#error-body`).
    pub error_body: Fact,
    /// The answer's JSON content type (`protocols#header.content-type`).
    pub content_type: Fact,
    /// Checks in table order, `On` groups flattened (each keeps its fact).
    pub checks: Vec<PreparedCheck>,
    /// The checks a repeated step waits for (see `Step::until`).
    pub until: Vec<PreparedCheck>,
    /// What a snapshot is projected onto: the error body, or the step's shape.
    pub shape: Option<&'static Shape>,
}

/// A case ready to run.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub case: &'static Case,
    pub items: Vec<&'static Item>,
    pub steps: Vec<PreparedStep>,
    /// MUST if any item the case names is MUST: what the case is about, for reports. The
    /// verdict itself comes from the violated facts' levels.
    pub level: Level,
    /// Every item some fact of the case proves: coverage, and which cases a fault can be
    /// caught by.
    pub proves: BTreeSet<&'static str>,
}

impl Prepared {
    pub fn needs_peer(&self) -> bool {
        self.case
            .needs
            .iter()
            .any(|n| matches!(n, Need::Peer(_) | Need::PeerOnProject2(_)))
    }

    pub fn needs_project2(&self) -> bool {
        self.case
            .needs
            .iter()
            .any(|n| matches!(n, Need::Project2 | Need::PeerOnProject2(_)))
    }

    pub fn needs_billing(&self) -> bool {
        self.case.needs.contains(&Need::Billing)
    }

    pub fn needs_container(&self) -> bool {
        self.case.needs.contains(&Need::Container)
    }

    /// A guess at how long the case takes, in round trips of a 50 ms endpoint: set-up (its
    /// scratch projects, the peer's invitation) plus its steps, a paged or waiting step as
    /// a few, and its pauses. Cases start longest first, so a long case does not begin
    /// last and make the run longer than the longest case.
    pub fn cost(&self) -> u64 {
        let setup = 2 + 2 * u64::from(self.needs_project2()) + u64::from(self.needs_peer());
        let steps: u64 = self
            .steps
            .iter()
            .map(|s| {
                let repeats = if s.step.pages || !s.step.until.is_empty() {
                    3
                } else {
                    1
                };
                repeats + s.step.after_ms / 50
            })
            .sum();
        setup + steps
    }

    /// How many steps take a snapshot: names get a `__N` suffix when more than one.
    pub fn snapshot_steps(&self) -> usize {
        self.steps.iter().filter(|s| s.step.snapshot).count()
    }
}

/// Parse and validate every case of `tables`, sorted by name.
pub fn prepare(tables: &[Table]) -> Result<Vec<Prepared>, String> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut names = BTreeSet::new();
    for case in tables.iter().flat_map(|t| t.cases.iter()) {
        if !names.insert(case.name) {
            errors.push(format!("case {}: the name is used twice", case.name));
            continue;
        }
        match prepare_case(tables, case) {
            Ok(p) => out.push(p),
            Err(e) => errors.push(format!("case {}: {e}", display_name(case))),
        }
    }
    if !errors.is_empty() {
        return Err(format!(
            "the case tables are malformed ({} problem{}):\n  {}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            errors.join("\n  ")
        ));
    }
    out.sort_by_key(|p| p.case.name);
    Ok(out)
}

fn display_name(case: &Case) -> &str {
    if case.name.is_empty() {
        "(unnamed)"
    } else {
        case.name
    }
}

fn valid_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split("::").collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

fn prepare_case(tables: &[Table], case: &'static Case) -> Result<Prepared, String> {
    if !valid_name(case.name) {
        return Err(
            "the name must be path-like: `area::operation::what`, letters, digits and _".into(),
        );
    }
    if case.summary.trim().is_empty() {
        return Err("the summary is empty".into());
    }
    if case.items.is_empty() {
        return Err("the case names no catalogue item".into());
    }
    let items = find_items(tables, case.items)?;
    if case.steps.is_empty() {
        return Err("the case has no step".into());
    }
    let level = if items.iter().any(|i| i.level == Level::Must) {
        Level::Must
    } else {
        Level::Should
    };

    let mut known: BTreeSet<String> = ["owner", "run"].iter().map(|s| s.to_string()).collect();
    known.insert("project".into());
    known.insert("projectName".into());
    let peer = case
        .needs
        .iter()
        .any(|n| matches!(n, Need::Peer(_) | Need::PeerOnProject2(_)));
    if peer {
        known.insert("peer".into());
    }
    if case
        .needs
        .iter()
        .any(|n| matches!(n, Need::Project2 | Need::PeerOnProject2(_)))
    {
        known.insert("project2".into());
        known.insert("project2Name".into());
    }
    if case.needs.contains(&Need::Billing) {
        known.insert("limitProject".into());
        known.insert("expiredProject".into());
    }
    if case.needs.contains(&Need::Container) {
        known.insert("container".into());
    }

    let mut steps = Vec::new();
    for (n, step) in case.steps.iter().enumerate() {
        let at = |e: String| format!("step {}: {e}", n + 1);
        steps.push(prepare_step(tables, &items, step, &mut known, peer).map_err(at)?);
    }
    let mut proves = BTreeSet::new();
    for s in &steps {
        proves.extend(step_proves(s));
    }
    if let Some(unproved) = items.iter().find(|i| !proves.contains(i.id)) {
        return Err(format!(
            "names the item {:?} but no fact of the case proves it (every check sits in an `On` group or a step `proves` other items)",
            unproved.id
        ));
    }
    Ok(Prepared {
        case,
        items,
        steps,
        level,
        proves,
    })
}

fn find_items(tables: &[Table], ids: &[&str]) -> Result<Vec<&'static Item>, String> {
    ids.iter()
        .map(|id| {
            spec::find_item(tables, id)
                .ok_or_else(|| format!("names the unknown catalogue item {id:?}"))
        })
        .collect()
}

/// Every item a step's facts prove.
fn step_proves(s: &PreparedStep) -> Vec<&'static str> {
    fn checks(cs: &[PreparedCheck], out: &mut Vec<&'static str>) {
        for c in cs {
            out.extend(c.fact.ids());
            checks(&c.each, out);
        }
    }
    let mut out = s.fact.ids();
    if let Some(st) = &s.status {
        out.extend(st.ids());
    }
    if matches!(s.step.expect, Expect::Error(..)) {
        out.extend(s.error_body.ids());
    }
    if matches!(s.step.expect, Expect::Error(..) | Expect::Ok) {
        out.extend(s.content_type.ids());
    }
    checks(&s.checks, &mut out);
    if s.step.snapshot
        && let Some(shape) = s.shape
    {
        let mut items = Vec::new();
        shape.items(&mut items);
        out.extend(items);
    }
    out
}

/// The fact of one item id, or `fallback` when the catalogue has no such item (the
/// runner's own test tables carry no protocol page).
fn fact_or(tables: &[Table], id: &str, fallback: &Fact) -> Fact {
    spec::find_item(tables, id).map_or_else(
        || fallback.clone(),
        |i| Fact {
            items: vec![i],
            level: i.level,
        },
    )
}

fn prepare_step(
    tables: &[Table],
    case_items: &[&'static Item],
    step: &Step,
    known: &mut BTreeSet<String>,
    peer: bool,
) -> Result<PreparedStep, String> {
    if step.who == Who::Peer && !peer {
        return Err("is sent by the peer but the case does not need one".into());
    }
    let url = vars::placeholders(step.path)?.len() == 1
        && step.path.starts_with('$')
        && !step.path.contains('/');
    if !step.path.starts_with('/') && !url {
        return Err(format!(
            "the path {:?} neither starts with / nor is one placeholder holding a URL",
            step.path
        ));
    }
    if let Some(h) = step.headers_from {
        let names = vars::placeholders(h)?;
        if names.len() != 1 || !h.starts_with('$') {
            return Err(format!("headers_from({h:?}) must be one placeholder"));
        }
    }
    let fact = if step.proves.is_empty() {
        Fact::new(case_items.to_vec())?
    } else {
        Fact::new(find_items(tables, step.proves)?)?
    };
    let mut used = vars::placeholders(step.path)?;
    if let Some(h) = step.headers_from {
        used.extend(vars::placeholders(h)?);
    }
    for (_, v) in step.headers {
        used.extend(vars::placeholders(v)?);
    }
    let json = match step.body {
        Body::Json(text) => {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| format!("the body is not JSON ({e}): {text}"))?;
            used.extend(vars::placeholders_in(&value)?);
            Some(value)
        }
        Body::Raw { text, .. } => {
            used.extend(vars::placeholders(text)?);
            None
        }
        Body::Blob(_) => None,
    };
    if step.pages && !json.as_ref().is_some_and(Value::is_object) {
        return Err("a paged step needs a JSON object body (`starting` is added to it)".into());
    }
    for name in &used {
        if !known.contains(name) {
            return Err(unknown_placeholder(name, known));
        }
    }
    for (name, pointer) in step.capture {
        match pointer.strip_prefix("header:") {
            Some("") => return Err(format!("capture {name:?}: empty header name")),
            Some(_) => {}
            None => check_pointer(pointer)?,
        }
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("capture name {name:?} is not a word"));
        }
        known.insert(name.to_string());
    }
    let status = match step.expect {
        Expect::Error(written, error) => match spec::status_rule(tables, error) {
            Some(rule) if rule.status != written => {
                return Err(format!(
                    "expects {error} with status {written}, but the catalogue's status table gives {error} the status {} ({})",
                    rule.status, rule.item
                ));
            }
            Some(rule) => Some(fact_or(tables, rule.item, &fact)),
            None if tables.iter().any(|t| !t.statuses.is_empty()) => {
                return Err(format!(
                    "expects the error type {error}, which the catalogue's status table does not list"
                ));
            }
            None => Some(fact.clone()),
        },
        _ => None,
    };
    let shape = match (step.snapshot, step.expect, step.shape) {
        (false, _, None) => None,
        (false, _, Some(_)) => return Err("a shape without a snapshot".into()),
        (true, Expect::Error(..), None) => Some(&shape::ERROR),
        (true, Expect::Error(..), Some(_)) => {
            return Err(
                "an error answer's snapshot is projected onto the error body; drop the shape"
                    .into(),
            );
        }
        (true, Expect::Ok, Some(s)) => Some(s),
        (true, Expect::Ok, None) => {
            return Err(
                "a snapshot of a successful answer needs the documented shape to project it onto: `.snapshot_as(&SHAPE)`"
                    .into(),
            );
        }
        (true, _, _) => return Err("only error and successful answers take snapshots".into()),
    };
    if let Some(s) = shape {
        let mut items = Vec::new();
        s.items(&mut items);
        find_items(tables, &items).map_err(|e| format!("the snapshot's shape {e}"))?;
    }
    let checks = prepare_checks(tables, step.checks, &fact, known)?;
    let until = prepare_checks(tables, step.until, &fact, known)?;
    if step.until.is_empty() != (step.until_ms == 0) {
        return Err("`until` needs both checks and a time limit".into());
    }
    Ok(PreparedStep {
        step: *step,
        json,
        status,
        error_body: fact_or(tables, ERROR_BODY, &fact),
        content_type: fact_or(tables, CONTENT_TYPE, &fact),
        fact,
        checks,
        until,
        shape,
    })
}

/// Prepare a list of checks proving `fact`, flattening `On` groups.
fn prepare_checks(
    tables: &[Table],
    checks: &[Check],
    fact: &Fact,
    known: &BTreeSet<String>,
) -> Result<Vec<PreparedCheck>, String> {
    let mut out = Vec::new();
    for check in checks {
        match *check {
            Check::On(item, inner) => {
                let on = Fact::new(find_items(tables, &[item])?)?;
                if inner.is_empty() {
                    return Err(format!("On({item:?}) holds no check"));
                }
                out.extend(prepare_checks(tables, inner, &on, known)?);
            }
            Check::Each(p, inner) => {
                check_pointer(p)?;
                let mut prepared = prepare_check(*check, known, fact)?;
                prepared.each = prepare_checks(tables, inner, fact, known)?;
                if prepared.each.is_empty() {
                    return Err(format!("Each({p:?}) holds no check"));
                }
                out.push(prepared);
            }
            _ => out.push(prepare_check(*check, known, fact)?),
        }
    }
    Ok(out)
}

fn unknown_placeholder(name: &str, known: &BTreeSet<String>) -> String {
    let hint = match name {
        "peer" => " (add Need::Peer)",
        "project2" => " (add Need::Project2)",
        "limitProject" | "expiredProject" => " (add Need::Billing)",
        "container" => " (add Need::Container)",
        _ => " (a literal `$` is written `$$`)",
    };
    let known: Vec<String> = known.iter().map(|k| format!("${k}")).collect();
    format!(
        "unknown placeholder `${name}`{hint}; known here: {}",
        known.join(", ")
    )
}

fn check_pointer(pointer: &str) -> Result<(), String> {
    if pointer.is_empty() || pointer.starts_with('/') {
        Ok(())
    } else {
        Err(format!(
            "{pointer:?} is not a JSON pointer (\"\" or starting with /)"
        ))
    }
}

fn parse_operand(text: &str, known: &BTreeSet<String>) -> Result<Operand, String> {
    if let Some(pointer) = text.strip_prefix('@') {
        check_pointer(pointer)?;
        return Ok(Operand::Pointer(pointer.to_string()));
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("the operand {text:?} is not JSON ({e})"))?;
    for name in vars::placeholders_in(&value)? {
        if !known.contains(&name) {
            return Err(unknown_placeholder(&name, known));
        }
    }
    Ok(Operand::Json(value))
}

fn prepare_check(
    check: Check,
    known: &BTreeSet<String>,
    fact: &Fact,
) -> Result<PreparedCheck, String> {
    let mut operand = None;
    let mut regex = None;
    match check {
        Check::Eq(p, o)
        | Check::Ne(p, o)
        | Check::Contains(p, o)
        | Check::Lacks(p, o)
        | Check::SetEq(p, o)
        | Check::Has(p, o)
        | Check::AnyHas(p, o)
        | Check::NoneHas(p, o)
        | Check::InOrder(p, o)
        | Check::Cmp(p, _, o) => {
            check_pointer(p)?;
            operand = Some(parse_operand(o, known)?);
            if let (Check::InOrder(..), Some(Operand::Json(v))) = (check, &operand)
                && !v.is_array()
            {
                return Err(format!("InOrder: the operand {o:?} is not a JSON array"));
            }
        }
        Check::On(..) => return Err("On groups nest only directly in a step's checks".into()),
        Check::Status(code) => {
            if !(100..=599).contains(&code) {
                return Err(format!("Status({code}) is not an HTTP status"));
            }
        }
        Check::Each(p, _) | Check::Distinct(p) | Check::Count(p, _, _) => check_pointer(p)?,
        Check::BodyLen(_) => {}
        Check::BodyIs(blobs, range) => {
            let total: usize = blobs.iter().map(|b| b.len).sum();
            if let Some((a, b)) = range
                && (a > b || b >= total)
            {
                return Err(format!(
                    "BodyIs: the range {a}-{b} is not within the {total} bytes of the blobs"
                ));
            }
        }
        Check::Grouped(p, key) => {
            check_pointer(p)?;
            check_pointer(key)?;
        }
        Check::Is(p, kind) => {
            check_pointer(p)?;
            if let Kind::Id(class) = kind
                && (class.is_empty() || !class.chars().all(|c| c.is_ascii_alphanumeric()))
            {
                return Err(format!("Kind::Id({class:?}) is not a class name"));
            }
        }
        Check::Absent(p) | Check::Len(p, _) => check_pointer(p)?,
        Check::Fields(p, documented, present) => {
            check_pointer(p)?;
            if let Some(f) = present.iter().find(|f| !documented.contains(f)) {
                return Err(format!(
                    "Fields: {f:?} is expected present but is not among the documented fields"
                ));
            }
        }
        Check::Matches(p, re) => {
            check_pointer(p)?;
            regex = Some(Regex::new(re).map_err(|e| format!("bad regex {re:?}: {e}"))?);
        }
        Check::Header(name, re) => {
            if name.is_empty() {
                return Err("Header: empty header name".into());
            }
            regex = Some(Regex::new(re).map_err(|e| format!("bad regex {re:?}: {e}"))?);
        }
        Check::NoHeader(name) => {
            if name.is_empty() {
                return Err("NoHeader: empty header name".into());
            }
        }
        Check::HeaderNe(name, o) => {
            if name.is_empty() {
                return Err("HeaderNe: empty header name".into());
            }
            operand = Some(parse_operand(o, known)?);
        }
    }
    Ok(PreparedCheck {
        check,
        operand,
        regex,
        fact: fact.clone(),
        each: Vec::new(),
    })
}
