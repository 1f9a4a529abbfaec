//! The JUnit XML report, for CI pages: one `testcase` per case.

use quick_xml::Writer;
use quick_xml::events::BytesText;

use super::{CaseReport, RunInfo, counts};
use crate::runner::outcome::Outcome;

/// The JUnit XML report: one `testcase` per case; warnings are passes with `system-out`.
pub fn junit(reports: &[CaseReport], run: &RunInfo) -> Result<String, String> {
    let target = run.target.as_str();
    let counts = counts(reports);
    let n = |o| counts.get(&o).copied().unwrap_or(0).to_string();
    let failures = (counts.get(&Outcome::Fail).copied().unwrap_or(0)
        + counts.get(&Outcome::Xpass).copied().unwrap_or(0))
    .to_string();
    let time: u64 = reports.iter().map(|r| r.duration_ms).sum();
    let time = format!("{:.3}", time as f64 / 1000.0);
    let total = reports.len().to_string();
    let skipped = n(Outcome::Ignored);
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(quick_xml::events::Event::Decl(
            quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None),
        ))
        .map_err(|e| e.to_string())?;
    writer
        .create_element("testsuites")
        .with_attribute(("name", "dxconform"))
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attributes([
                    ("name", format!("dxconform against {target}").as_str()),
                    ("tests", total.as_str()),
                    ("failures", failures.as_str()),
                    ("errors", "0"),
                    ("skipped", skipped.as_str()),
                    ("time", time.as_str()),
                ])
                .write_inner_content(|w| {
                    for r in reports {
                        let (class, name) = r.name.rsplit_once("::").unwrap_or(("", &r.name));
                        let time = format!("{:.3}", r.duration_ms as f64 / 1000.0);
                        let el = w.create_element("testcase").with_attributes([
                            ("classname", class),
                            ("name", name),
                            ("time", time.as_str()),
                        ]);
                        let message = r.message.clone().unwrap_or_default();
                        match r.outcome {
                            Outcome::Pass => {
                                el.write_empty()?;
                            }
                            Outcome::Fail | Outcome::Xpass => {
                                el.write_inner_content(|w| {
                                    w.create_element("failure")
                                        .with_attributes([
                                            ("message", first_line(&message)),
                                            ("type", r.outcome.as_str()),
                                        ])
                                        .write_text_content(BytesText::new(&message))?;
                                    Ok(())
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
                            Outcome::Warn | Outcome::Xfail => {
                                el.write_inner_content(|w| {
                                    w.create_element("system-out").write_text_content(
                                        BytesText::new(&format!("{}: {message}", r.outcome)),
                                    )?;
                                    Ok(())
                                })?;
                            }
                        }
                    }
                    Ok(())
                })?;
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    String::from_utf8(writer.into_inner()).map_err(|e| e.to_string())
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}
