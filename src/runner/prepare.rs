//! Start-up validation: every case of every table is parsed and checked once, before any
//! trial runs, so that a malformed table aborts the run naming the case instead of
//! becoming a failing (or, worse, passing) trial.
//!
//! What is checked: names are path-like and unique; each case names at least one item and
//! every item exists; each step's JSON body and check operands parse; regular expressions
//! compile; pointers are JSON pointers; every placeholder is a built-in the case's needs
//! provide or a name captured by an earlier step (or the same step: captures happen
//! before checks).

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

use crate::case::{Body, Case, Check, Kind, Need, Step, Who};
use crate::spec::{self, Item, Level, Table};

use super::vars;

/// A check operand, parsed.
#[derive(Debug, Clone)]
pub enum Operand {
    /// `@/pointer`: a value of the same answer.
    Pointer(String),
    /// JSON with placeholders.
    Json(Value),
}

/// A check with its operands parsed and regexes compiled.
#[derive(Debug, Clone)]
pub struct PreparedCheck {
    pub check: Check,
    pub operand: Option<Operand>,
    pub regex: Option<Regex>,
}

/// A step with its body parsed.
#[derive(Debug, Clone)]
pub struct PreparedStep {
    pub step: Step,
    /// The JSON body (`Body::Json`), with placeholders.
    pub json: Option<Value>,
    pub checks: Vec<PreparedCheck>,
}

/// A case ready to run.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub case: &'static Case,
    pub items: Vec<&'static Item>,
    pub steps: Vec<PreparedStep>,
    /// MUST if any item is MUST: a failure then fails; an all-SHOULD case only warns.
    pub level: Level,
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
    let mut items = Vec::new();
    for id in case.items {
        items.push(
            spec::find_item(tables, id)
                .ok_or_else(|| format!("names the unknown catalogue item {id:?}"))?,
        );
    }
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
    }
    if case.needs.contains(&Need::Billing) {
        known.insert("limitProject".into());
        known.insert("expiredProject".into());
    }

    let mut steps = Vec::new();
    for (n, step) in case.steps.iter().enumerate() {
        let at = |e: String| format!("step {}: {e}", n + 1);
        if step.who == Who::Peer && !peer {
            return Err(at(
                "is sent by the peer but the case does not need one".into()
            ));
        }
        if !step.path.starts_with('/') {
            return Err(at(format!(
                "the path {:?} does not start with /",
                step.path
            )));
        }
        let mut used = vars::placeholders(step.path).map_err(at)?;
        let json = match step.body {
            Body::Json(text) => {
                let value: Value = serde_json::from_str(text)
                    .map_err(|e| at(format!("the body is not JSON ({e}): {text}")))?;
                used.extend(vars::placeholders_in(&value).map_err(at)?);
                Some(value)
            }
            Body::Raw { text, .. } => {
                used.extend(vars::placeholders(text).map_err(at)?);
                None
            }
        };
        for name in &used {
            if !known.contains(name) {
                return Err(at(unknown_placeholder(name, &known)));
            }
        }
        for (name, pointer) in step.capture {
            match pointer.strip_prefix("header:") {
                Some("") => return Err(at(format!("capture {name:?}: empty header name"))),
                Some(_) => {}
                None => check_pointer(pointer).map_err(at)?,
            }
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(at(format!("capture name {name:?} is not a word")));
            }
            known.insert(name.to_string());
        }
        let mut checks = Vec::new();
        for check in step.checks {
            let prepared = prepare_check(*check, &known).map_err(at)?;
            checks.push(prepared);
        }
        steps.push(PreparedStep {
            step: *step,
            json,
            checks,
        });
    }
    Ok(Prepared {
        case,
        items,
        steps,
        level,
    })
}

fn unknown_placeholder(name: &str, known: &BTreeSet<String>) -> String {
    let hint = match name {
        "peer" => " (add Need::Peer)",
        "project2" => " (add Need::Project2)",
        "limitProject" | "expiredProject" => " (add Need::Billing)",
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

fn prepare_check(check: Check, known: &BTreeSet<String>) -> Result<PreparedCheck, String> {
    let mut operand = None;
    let mut regex = None;
    match check {
        Check::Eq(p, o)
        | Check::Ne(p, o)
        | Check::Contains(p, o)
        | Check::Lacks(p, o)
        | Check::SetEq(p, o)
        | Check::Cmp(p, _, o) => {
            check_pointer(p)?;
            operand = Some(parse_operand(o, known)?);
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
    })
}
