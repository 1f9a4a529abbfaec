//! The single-file HTML conformance matrix: for each documentation page, each catalogue
//! item with its level, its link, the worst outcome of the cases that check it, and those
//! cases. One self-contained file, so CI systems can keep it as an artifact.

use std::collections::BTreeMap;

use super::{CaseReport, RunInfo, summary_line};
use crate::runner::outcome::Outcome;
use crate::spec::{Level, Table};

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
pub fn html(reports: &[CaseReport], tables: &[Table], run: &RunInfo) -> String {
    let target = run.target.as_str();
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
