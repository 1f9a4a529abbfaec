//! The JUnit XML report, for CI pages: one `testcase` per case.
//!
//! JUnit knows pass, failure, error and skipped, and no warning. Each outcome goes where
//! the CI pages we target show it:
//!
//! - fail and xpass: `<failure>`. Its `message` (the line GitLab's test report, Jenkins'
//!   test list and the GitHub Actions JUnit reporters show first) names the violated items
//!   with their levels and the first difference; the body is the whole message, every step
//!   with its request and answer.
//! - warn: a pass (a warning must not turn the CI page red), carrying the warning in the
//!   testcase's `<system-out>`, which begins with `warning:` and the violated SHOULD
//!   items, and in its `<properties>` (`dxconform.outcome` = `warn`,
//!   `dxconform.violated`). Jenkins' JUnit plugin shows a test's standard output on its
//!   page whatever its status, and its properties with `keepProperties: true`; GitLab keeps
//!   output but shows it only for failed tests, so there the warnings are in the job log
//!   and the HTML matrix. The testsuite's properties count them (`dxconform.warned`).
//! - xfail: `<skipped type="xfail">` with the violated items, as pytest writes an
//!   expected failure: it neither fails nor hides among passes; the message is in
//!   `<system-out>`.
//! - ignored: `<skipped>` with the reason.
//!
//! The testsuite's `<properties>` hold the run's facts (version, run id, target, start,
//! flags, duration, requests; never a token), as Jenkins and GitLab keep them.

use std::collections::BTreeSet;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{CaseReport, RunInfo, counts};
use crate::runner::outcome::Outcome;

type Xml = Writer<Vec<u8>>;

/// The JUnit XML report: one `testsuite` of one `testcase` per case.
pub fn junit(reports: &[CaseReport], run: &RunInfo) -> Result<String, String> {
    let counts = counts(reports);
    let n = |o| counts.get(&o).copied().unwrap_or(0);
    let failures = (n(Outcome::Fail) + n(Outcome::Xpass)).to_string();
    let skipped = (n(Outcome::Ignored) + n(Outcome::Xfail)).to_string();
    let time: u64 = reports.iter().map(|r| r.duration_ms).sum();
    let time = seconds(time);
    let total = reports.len().to_string();
    let name = format!("dxconform against {}", run.target);
    let properties = [
        ("dxconform.version", run.version.clone()),
        ("dxconform.run_id", run.run_id.clone()),
        ("dxconform.target", run.target.clone()),
        ("dxconform.started", run.started.clone()),
        ("dxconform.flags", run.flags.join(" ")),
        ("dxconform.duration_ms", run.duration_ms.to_string()),
        ("dxconform.requests", run.requests.to_string()),
        ("dxconform.throttled", run.throttled.to_string()),
        ("dxconform.warned", n(Outcome::Warn).to_string()),
    ];
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(|e| e.to_string())?;
    writer
        .create_element("testsuites")
        .with_attribute(("name", "dxconform"))
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attributes([
                    ("name", name.as_str()),
                    ("tests", total.as_str()),
                    ("failures", failures.as_str()),
                    ("errors", "0"),
                    ("skipped", skipped.as_str()),
                    ("time", time.as_str()),
                ])
                // JUnit's timestamp is local ISO 8601 without a zone; ours is UTC.
                .with_attributes(
                    (!run.started.is_empty())
                        .then(|| ("timestamp", run.started.trim_end_matches('Z'))),
                )
                .write_inner_content(|w| {
                    write_properties(w, &properties)?;
                    for r in reports {
                        testcase(w, r)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    String::from_utf8(writer.into_inner()).map_err(|e| e.to_string())
}

fn seconds(ms: u64) -> String {
    format!("{:.3}", ms as f64 / 1000.0)
}

fn write_properties(w: &mut Xml, properties: &[(&str, String)]) -> std::io::Result<()> {
    w.create_element("properties").write_inner_content(|w| {
        for (name, value) in properties {
            w.create_element("property")
                .with_attributes([("name", *name), ("value", value.as_str())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `MUST a, SHOULD b`: the violated items with their levels, each once, in order.
fn violated_items(r: &CaseReport) -> String {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for v in &r.violations {
        for item in &v.items {
            if seen.insert(item.as_str()) {
                out.push(format!("{} {item}", v.level));
            }
        }
    }
    out.join(", ")
}

/// The one line a CI page shows first: the violated items and the first difference.
fn headline(r: &CaseReport) -> String {
    match r.violations.first() {
        None => first_line(r.message.as_deref().unwrap_or("")).to_string(),
        Some(v) => {
            let more = match r.violations.len() {
                1 => String::new(),
                n => format!(" (and {} more differences)", n - 1),
            };
            format!(
                "violated {}: {}{more}",
                violated_items(r),
                first_line(&v.text)
            )
        }
    }
}

fn testcase(w: &mut Xml, r: &CaseReport) -> std::io::Result<()> {
    let (class, name) = r.name.rsplit_once("::").unwrap_or(("", &r.name));
    let time = seconds(r.duration_ms);
    let el = w.create_element("testcase").with_attributes([
        ("classname", class),
        ("name", name),
        ("time", time.as_str()),
    ]);
    let message = r.message.clone().unwrap_or_default();
    match r.outcome {
        Outcome::Pass if r.notes.is_empty() => {
            el.write_empty()?;
        }
        Outcome::Pass => {
            el.write_inner_content(|w| system_out(w, &notes(r)))?;
        }
        Outcome::Fail | Outcome::Xpass => {
            el.write_inner_content(|w| {
                w.create_element("failure")
                    .with_attributes([
                        ("message", headline(r).as_str()),
                        ("type", r.outcome.as_str()),
                    ])
                    .write_text_content(BytesText::new(&message))?;
                if !r.notes.is_empty() {
                    system_out(w, &notes(r))?;
                }
                Ok(())
            })?;
        }
        Outcome::Warn => {
            el.write_inner_content(|w| {
                write_properties(
                    w,
                    &[
                        ("dxconform.outcome", "warn".to_string()),
                        ("dxconform.violated", violated_items(r)),
                    ],
                )?;
                system_out(
                    w,
                    &format!("warning: {}\n\n{message}{}", headline(r), notes(r)),
                )
            })?;
        }
        Outcome::Xfail => {
            el.write_inner_content(|w| {
                w.create_element("skipped")
                    .with_attributes([
                        (
                            "message",
                            format!("expected failure (baseline): {}", headline(r)).as_str(),
                        ),
                        ("type", "xfail"),
                    ])
                    .write_empty()?;
                system_out(w, &format!("{message}{}", notes(r)))
            })?;
        }
        Outcome::Ignored => {
            el.write_inner_content(|w| {
                w.create_element("skipped")
                    .with_attribute(("message", message.as_str()))
                    .write_empty()?;
                Ok(())
            })?;
        }
    }
    Ok(())
}

fn system_out(w: &mut Xml, text: &str) -> std::io::Result<()> {
    w.create_element("system-out")
        .write_text_content(BytesText::new(text.trim_start()))?;
    Ok(())
}

/// The case's notes, as lines after its message.
fn notes(r: &CaseReport) -> String {
    r.notes.iter().map(|n| format!("\nnote: {n}")).collect()
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, outcome: Outcome, violations: &[(&str, &str, &str)]) -> CaseReport {
        let mut r = super::super::verdict::tests::case(name, &["a#x", "a#y"], outcome, violations);
        r.message = Some(format!("{name}: full message\n  step 1 of 1: ..."));
        r.duration_ms = 3;
        r
    }

    #[test]
    fn failures_name_their_items_and_warnings_are_visible_passes() {
        let reports = vec![
            case(
                "p::f::bad",
                Outcome::Fail,
                &[
                    ("MUST", "a#x", "/links: expected present"),
                    ("SHOULD", "a#s", "status 400, expected 422"),
                ],
            ),
            case(
                "p::w::meh",
                Outcome::Warn,
                &[("SHOULD", "a#s", "status 400")],
            ),
            case("p::x::known", Outcome::Xfail, &[("MUST", "a#x", "differs")]),
        ];
        let run = RunInfo {
            version: "9.9.9".into(),
            run_id: "r1".into(),
            target: "http://x".into(),
            flags: vec!["--strict".into()],
            ..RunInfo::default()
        };
        let xml = junit(&reports, &run).unwrap();
        assert!(xml.contains(
            "message=\"violated MUST a#x, SHOULD a#s: /links: expected present (and 1 more differences)\""
        ));
        assert!(xml.contains("failures=\"1\"") && xml.contains("skipped=\"1\""));
        // The warning: a pass with properties and standard output.
        let warn = &xml[xml.find("name=\"meh\"").unwrap()..];
        let warn = &warn[..warn.find("</testcase>").unwrap()];
        assert!(!warn.contains("<failure"));
        assert!(warn.contains("<property name=\"dxconform.outcome\" value=\"warn\"/>"));
        assert!(warn.contains("<system-out>warning: violated SHOULD a#s: status 400"));
        assert!(xml.contains("<skipped message=\"expected failure (baseline): violated MUST a#x: differs\" type=\"xfail\"/>"));
        assert!(xml.contains("<property name=\"dxconform.version\" value=\"9.9.9\"/>"));
        assert!(xml.contains("<property name=\"dxconform.warned\" value=\"1\"/>"));
    }
}
