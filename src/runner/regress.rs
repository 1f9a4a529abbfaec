//! Regression snapshots of a target's own behaviour (issue 10, point 6): `--record DIR`
//! writes what the target answered, normalized, as its own snapshot set; a later
//! `--compare DIR` reports every case whose answer changed since, and which way its
//! conformance outcome moved. This is separate from conformance: an answer may change
//! and still conform (or a non-conforming answer may stay the same), so changes are
//! their own section of the terminal output and their own key (`compare`) in the JSON
//! report, and do not change the exit status.
//!
//! The set is one file per case step, `DIR/<case>.<step>.json` (`::` written `__`), with
//! the step's status and its body normalized as the oracle snapshots are (IDs numbered
//! per case, timestamps and messages redacted, projected onto the documented shape where
//! the step has one); the run id and URLs the endpoint handed out are redacted too, as
//! they change from run to run. `DIR/index.json` holds each case's outcome and how many
//! steps it recorded.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use super::outcome::Outcome;
use super::report::{CaseReport, clip};
use super::snapshot;

/// The file of one case step.
fn step_file(case: &str, step: usize) -> String {
    format!("{}.{step}.json", case.replace("::", "__"))
}

/// Replace what changes from run to run although the target did not: the run id (in
/// scratch project names and `$run` values) and URLs (handed-out URLs carry credentials).
pub fn scrub(value: &mut Value, run_id: &str) {
    match value {
        Value::String(s) => {
            if s.starts_with("http://") || s.starts_with("https://") {
                *s = "[url]".into();
            } else if !run_id.is_empty() && s.contains(run_id) {
                *s = s.replace(run_id, "[run]");
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| scrub(v, run_id)),
        Value::Object(map) => map.values_mut().for_each(|v| scrub(v, run_id)),
        _ => {}
    }
}

/// Write the recorded answers of `reports` into `dir` (created if missing; files of
/// the recorded cases are replaced).
pub fn record(dir: &Path, reports: &[CaseReport], target: &str) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("--record {}: {e}", dir.display()))?;
    let mut index = BTreeMap::new();
    let mut files = 0;
    for r in reports {
        if r.outcome == Outcome::Ignored || r.aborted.is_some() {
            continue;
        }
        for (step, answer) in &r.recorded {
            let body = json!({"case": r.name, "step": step, "answer": answer});
            let text = serde_json::to_string_pretty(&body).unwrap_or_default() + "\n";
            let path = dir.join(step_file(&r.name, *step));
            std::fs::write(&path, text)
                .map_err(|e| format!("--record: cannot write {}: {e}", path.display()))?;
            files += 1;
        }
        index.insert(
            r.name.clone(),
            json!({"outcome": r.outcome, "steps": r.recorded.iter().map(|(s, _)| *s).collect::<Vec<_>>()}),
        );
    }
    let path = dir.join("index.json");
    // Keep the cases of earlier recordings that this run did not run (a filtered run).
    let mut all: BTreeMap<String, Value> = read_index(dir).unwrap_or_default();
    all.extend(index);
    let text = serde_json::to_string_pretty(&json!({"target": target, "cases": all}))
        .unwrap_or_default()
        + "\n";
    std::fs::write(&path, text)
        .map_err(|e| format!("--record: cannot write {}: {e}", path.display()))?;
    Ok(files)
}

fn read_index(dir: &Path) -> Result<BTreeMap<String, Value>, String> {
    let path = dir.join("index.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "--compare {}: cannot read {} (record one with --record DIR): {e}",
            dir.display(),
            path.display()
        )
    })?;
    let v: Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "--compare: {} is not a recording's index: {e}",
            path.display()
        )
    })?;
    match v.get("cases") {
        Some(Value::Object(m)) => Ok(m.clone().into_iter().collect()),
        _ => Err(format!("--compare: {} has no `cases`", path.display())),
    }
}

/// One case whose answers changed since the recording.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub case: String,
    /// The conformance outcome then and now.
    pub before: String,
    pub now: String,
    /// Each difference, `step N: /pointer: expected X, got Y`.
    pub differences: Vec<String>,
}

/// What `--compare` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Comparison {
    pub dir: String,
    pub changed: Vec<Change>,
    /// Cases that ran but were not recorded.
    pub new: Vec<String>,
    pub unchanged: usize,
}

/// Check that `dir` holds a recording (before the run, so a typo fails fast).
pub fn check_recording(dir: &Path) -> Result<(), String> {
    read_index(dir).map(|_| ())
}

/// Compare the answers of `reports` with the recording in `dir`.
pub fn compare(dir: &Path, reports: &[CaseReport]) -> Result<Comparison, String> {
    let index = read_index(dir)?;
    let mut out = Comparison {
        dir: dir.display().to_string(),
        ..Comparison::default()
    };
    for r in reports {
        if r.outcome == Outcome::Ignored || r.aborted.is_some() {
            continue;
        }
        let Some(entry) = index.get(&r.name) else {
            out.new.push(r.name.clone());
            continue;
        };
        let before = entry
            .get("outcome")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let recorded_steps: Vec<usize> = entry
            .get("steps")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_u64)
                    .map(|n| n as usize)
                    .collect()
            })
            .unwrap_or_default();
        let mut differences = Vec::new();
        let now_steps: BTreeMap<usize, &Value> = r.recorded.iter().map(|(s, v)| (*s, v)).collect();
        for step in &recorded_steps {
            let path = dir.join(step_file(&r.name, *step));
            let stored = std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                .and_then(|v| v.get("answer").cloned());
            match (stored, now_steps.get(step)) {
                (Some(then), Some(now)) => {
                    let mut diffs = Vec::new();
                    snapshot::diff(
                        &then,
                        now,
                        None,
                        (crate::shape::STEP, None),
                        String::new(),
                        &mut diffs,
                    );
                    for (_, d) in diffs {
                        differences.push(format!("step {step}: {d}"));
                    }
                }
                (None, _) => differences.push(format!(
                    "step {step}: the recording has no {}",
                    path.display()
                )),
                (Some(_), None) => {
                    differences.push(format!("step {step}: answered before, not reached now"))
                }
            }
        }
        for step in now_steps.keys().filter(|s| !recorded_steps.contains(s)) {
            differences.push(format!("step {step}: reached now, not in the recording"));
        }
        let now = r.outcome.to_string();
        if differences.is_empty() && before == now {
            out.unchanged += 1;
        } else {
            if differences.is_empty() {
                differences.push("the same answers, another outcome".into());
            }
            out.changed.push(Change {
                case: r.name.clone(),
                before,
                now,
                differences,
            });
        }
    }
    Ok(out)
}

impl Comparison {
    /// The terminal section.
    pub fn text(&self) -> String {
        let mut out = format!(
            "\nanswers compared with the recording {} (not conformance outcomes): {} changed, {} unchanged{}\n",
            self.dir,
            self.changed.len(),
            self.unchanged,
            if self.new.is_empty() {
                String::new()
            } else {
                format!(", {} not recorded", self.new.len())
            }
        );
        for c in &self.changed {
            let moved = if c.before == c.now {
                format!("still {}", c.now)
            } else {
                format!("{} -> {}", c.before, c.now)
            };
            out.push_str(&format!("  {} ({moved})\n", c.case));
            for d in c.differences.iter().take(5) {
                out.push_str(&format!("    {}\n", clip(d, 300)));
            }
            if c.differences.len() > 5 {
                out.push_str(&format!(
                    "    ... {} more (see the --json report)\n",
                    c.differences.len() - 5
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(name: &str, outcome: Outcome, answers: Vec<Value>) -> CaseReport {
        CaseReport {
            name: name.into(),
            level: "MUST".into(),
            outcome,
            violations: vec![],
            recorded: answers
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i + 1, v))
                .collect(),
            ..CaseReport::default()
        }
    }

    #[test]
    fn a_changed_answer_is_reported_with_the_outcome_move() {
        let dir = tempfile::tempdir().unwrap();
        let a = json!({"status": 200, "body": {"name": "x"}});
        record(
            dir.path(),
            &[
                report("a::b", Outcome::Pass, vec![a.clone()]),
                report("c::d", Outcome::Pass, vec![a.clone()]),
            ],
            "t",
        )
        .unwrap();
        assert!(dir.path().join("a__b.1.json").is_file());
        let changed = json!({"status": 200, "body": {"name": "y"}});
        let c = compare(
            dir.path(),
            &[
                report("a::b", Outcome::Fail, vec![changed]),
                report("c::d", Outcome::Pass, vec![a]),
                report("e::f", Outcome::Pass, vec![]),
            ],
        )
        .unwrap();
        assert_eq!(c.unchanged, 1);
        assert_eq!(c.new, ["e::f"]);
        assert_eq!(c.changed.len(), 1);
        assert_eq!(
            (c.changed[0].before.as_str(), c.changed[0].now.as_str()),
            ("pass", "fail")
        );
        assert!(
            c.changed[0].differences[0].contains("/body/name"),
            "{:?}",
            c.changed
        );
        assert!(c.text().contains("a::b (pass -> fail)"));
    }

    #[test]
    fn run_ids_and_urls_are_scrubbed() {
        let mut v = json!({"name": "dxconform-abc123-x", "url": "https://h/up?t=1", "n": 1});
        scrub(&mut v, "abc123");
        assert_eq!(
            v,
            json!({"name": "dxconform-[run]-x", "url": "[url]", "n": 1})
        );
    }
}
