//! What a run produces beyond the terminal: one [`CaseReport`] per case, and the JSON,
//! JUnit XML and HTML files written from them.
//!
//! The HTML page is a conformance matrix: for each documentation page, each catalogue item
//! with its level, its link, the worst outcome of the cases that check it, and those cases.
//! It is one self-contained file, so CI systems can keep it as an artifact.

use std::collections::BTreeMap;

use quick_xml::Writer;
use quick_xml::events::BytesText;
use serde::Serialize;

use crate::spec::{Level, Table};

use super::fact::ViolationReport;
use super::outcome::Outcome;

/// The result of one case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseReport {
    pub name: String,
    pub summary: String,
    pub items: Vec<String>,
    pub level: String,
    pub outcome: Outcome,
    /// For fail, warn, xfail and xpass: what was wrong; for ignored: why.
    pub message: Option<String>,
    /// Observations that are not failures (undocumented extra fields, cleanup trouble).
    pub notes: Vec<String>,
    /// Each fact that did not hold, with the items it breaks and their level.
    pub violations: Vec<ViolationReport>,
    pub duration_ms: u64,
}

/// Cut text to `max` bytes on a character boundary, saying how much was left out.
pub fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} more bytes)", &text[..end], text.len() - end)
}

/// Counts per outcome, in a fixed order.
pub fn counts(reports: &[CaseReport]) -> BTreeMap<Outcome, usize> {
    let mut out = BTreeMap::new();
    for r in reports {
        *out.entry(r.outcome).or_insert(0) += 1;
    }
    out
}

/// One line: `12 passed, 1 failed, ...`.
pub fn summary_line(reports: &[CaseReport]) -> String {
    let counts = counts(reports);
    let order = [
        (Outcome::Pass, "passed"),
        (Outcome::Fail, "failed"),
        (Outcome::Warn, "warned"),
        (Outcome::Xfail, "failed as expected (baseline)"),
        (
            Outcome::Xpass,
            "passed unexpectedly (remove from the baseline)",
        ),
        (Outcome::Ignored, "ignored"),
    ];
    order
        .iter()
        .enumerate()
        .filter_map(|(i, (o, word))| {
            let n = counts.get(o).copied().unwrap_or(0);
            // Passed and failed always show; the rest only when they happened.
            (i < 2 || n > 0).then(|| format!("{n} {word}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    target: &'a str,
    run_id: &'a str,
    summary: BTreeMap<Outcome, usize>,
    cases: &'a [CaseReport],
}

/// The JSON report.
pub fn json(reports: &[CaseReport], target: &str, run_id: &str) -> String {
    let report = JsonReport {
        target,
        run_id,
        summary: counts(reports),
        cases: reports,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The JUnit XML report: one `testcase` per case; warnings are passes with `system-out`.
pub fn junit(reports: &[CaseReport], target: &str) -> Result<String, String> {
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// How bad an outcome is, for the matrix cell of an item checked by several cases.
fn severity(o: Outcome) -> u8 {
    match o {
        Outcome::Ignored => 0,
        Outcome::Pass => 1,
        Outcome::Xfail => 2,
        Outcome::Warn => 3,
        Outcome::Xpass => 4,
        Outcome::Fail => 5,
    }
}

/// The single-file HTML conformance matrix: documentation page x item.
pub fn html(reports: &[CaseReport], tables: &[Table], target: &str) -> String {
    let mut by_item: BTreeMap<&str, Vec<&CaseReport>> = BTreeMap::new();
    for r in reports {
        for i in &r.items {
            by_item.entry(i.as_str()).or_default().push(r);
        }
    }
    let mut pages: Vec<(&crate::spec::Page, Vec<&crate::spec::Item>)> = Vec::new();
    for item in tables.iter().flat_map(|t| t.items.iter()) {
        match pages.iter_mut().find(|(p, _)| p.url == item.page.url) {
            Some((_, items)) => items.push(item),
            None => pages.push((item.page, vec![item])),
        }
    }
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>dxconform: {}</title>\n", escape(target)));
    out.push_str(
        "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}\
td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}\
.pass{background:#d9f2d9}.fail,.xpass{background:#f7c6c6}.warn{background:#fbe7b5}\
.xfail{background:#e6d9f2}.ignored,.none{background:#eee}code{font-size:90%}\
details pre{white-space:pre-wrap;font-size:85%}</style></head><body>\n",
    );
    out.push_str(&format!(
        "<h1>dxconform conformance matrix</h1>\n<p>Target: <code>{}</code>. {}.</p>\n",
        escape(target),
        escape(&summary_line(reports))
    ));
    for (page, items) in pages {
        out.push_str(&format!(
            "<h2><a href=\"{}\">{}</a></h2>\n<table><tr><th>item</th><th>level</th><th>result</th><th>statement</th><th>cases</th></tr>\n",
            escape(page.url),
            escape(page.title)
        ));
        for item in items {
            let cases = by_item.get(item.id).cloned().unwrap_or_default();
            let worst = cases.iter().map(|r| r.outcome).max_by_key(|o| severity(*o));
            let class = worst.map_or("none", Outcome::as_str);
            let level = match item.level {
                Level::Must => "MUST",
                Level::Should => "SHOULD",
            };
            let mut cell = String::new();
            for r in &cases {
                cell.push_str(&format!(
                    "<div class=\"{}\">{} <code>{}</code>",
                    r.outcome,
                    r.outcome,
                    escape(&r.name)
                ));
                if let Some(m) = &r.message {
                    cell.push_str(&format!(
                        "<details><summary>why</summary><pre>{}</pre></details>",
                        escape(m)
                    ));
                }
                cell.push_str("</div>");
            }
            out.push_str(&format!(
                "<tr class=\"{class}\"><td><a href=\"{}\"><code>{}</code></a></td><td>{level}</td><td>{}</td><td>{}</td><td>{cell}</td></tr>\n",
                escape(&item.url()),
                escape(item.id),
                worst.map_or("not run", Outcome::as_str),
                escape(item.text),
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(name: &str, outcome: Outcome, message: Option<&str>) -> CaseReport {
        CaseReport {
            name: name.into(),
            summary: "s".into(),
            items: vec!["record/new#input.project".into()],
            level: "MUST".into(),
            outcome,
            message: message.map(str::to_string),
            notes: vec![],
            violations: vec![],
            duration_ms: 5,
        }
    }

    #[test]
    fn clip_respects_char_boundaries() {
        assert_eq!(clip("abc", 5), "abc");
        assert!(clip("ééé", 3).starts_with('é'));
    }

    #[test]
    fn junit_and_html_escape_and_count() {
        let reports = vec![
            report("a::b::ok", Outcome::Pass, None),
            report("a::b::bad", Outcome::Fail, Some("expected <1> & got \"2\"")),
            report("a::b::peer", Outcome::Ignored, Some("needs a peer")),
        ];
        let xml = junit(&reports, "http://x").unwrap();
        assert!(xml.contains("tests=\"3\"") && xml.contains("failures=\"1\""));
        assert!(xml.contains("&lt;1&gt; &amp; got"));
        assert!(xml.contains("<skipped"));
        let page = html(&reports, crate::cases::TABLES, "http://x");
        assert!(page.contains("&lt;1&gt;"));
        assert!(page.contains("record/new#input.project"));
        let j: serde_json::Value = serde_json::from_str(&json(&reports, "t", "r")).unwrap();
        assert_eq!(j["summary"]["fail"], 1);
        assert_eq!(summary_line(&reports).split(", ").next(), Some("1 passed"));
    }
}
