//! The single-file HTML conformance matrix: for each documentation page, each catalogue
//! item with its level, its statement (Markdown rendered), its verdict and the cases that
//! checked it, with the differences where it was violated.
//!
//! What a reader needs first comes first: the run's facts (version, date, target without
//! secrets, flags, duration, requests), the counts, a per-page summary with the pages that
//! have failures on top, then the pages, failures first within each. A legend says what
//! the levels, the source tags and the outcomes mean. A filter (text, outcome, level) is a
//! few lines of inline JavaScript: the file is self-contained (no network, no other file),
//! so a CI system can keep it as one artifact, and it reads without JavaScript too.
//!
//! An item is marked failed or warned only when a violation names it ([`super::verdict`]).
//! Each case's full message (every step, request and answer) is written once, in the
//! cases section at the end, and linked from the items: the page stays linear in size for
//! thousands of cases.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::markdown::{SOURCE_TAGS, inline, tag_badge};
use super::verdict::{ItemVerdict, severity, verdicts};
use super::{CaseReport, RunInfo, summary_line};
use crate::runner::fact::ViolationReport;
use crate::runner::outcome::Outcome;
use crate::spec::{Item, Page, Table};

const CSS: &str = include_str!("matrix.css");
const JS: &str = include_str!("matrix.js");

/// Outcome classes in the order the page lists them; `none` is an item no case ran.
const CLASSES: &[(&str, &str)] = &[
    ("fail", "failed"),
    ("xpass", "passed unexpectedly"),
    ("warn", "warned"),
    ("xfail", "failed as expected"),
    ("pass", "passed"),
    ("ignored", "ignored"),
    ("none", "not run"),
];

/// What each outcome means for an item, for the legend (Markdown).
const OUTCOME_MEANINGS: &[(&str, &str)] = &[
    (
        "fail",
        "A fact proving this item did not hold, at MUST level (or SHOULD under `--strict`). The run fails.",
    ),
    (
        "xpass",
        "A case checking it is listed in the `--baseline` file but now passes: remove it from the baseline. The run fails.",
    ),
    (
        "warn",
        "A fact proving this SHOULD item did not hold. The run does not fail (it does under `--strict`).",
    ),
    (
        "xfail",
        "It did not hold, and the case is listed in the `--baseline` file: a known failure.",
    ),
    (
        "pass",
        "Every case that checked it found it held (a case violated on other items is shown so).",
    ),
    (
        "ignored",
        "Its cases do not apply to this target, for the reason given (a peer token or billing fixtures missing).",
    ),
    ("none", "No case that checks it was selected in this run."),
];

/// Escape text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn class_of(outcome: Option<Outcome>) -> &'static str {
    outcome.map_or("none", Outcome::as_str)
}

fn label_of(class: &str) -> &'static str {
    match class {
        "none" => "not run",
        "fail" => "fail",
        "xpass" => "xpass",
        "warn" => "warn",
        "xfail" => "xfail",
        "pass" => "pass",
        _ => "ignored",
    }
}

/// Sort key of an item row or a page: worst first; not run last.
fn rank(outcome: Option<Outcome>) -> i8 {
    outcome.map_or(-1, |o| severity(o) as i8)
}

/// `245 ms`, `3.4 s`, `2 min 05 s`.
fn duration(ms: u64) -> String {
    match ms {
        0..1_000 => format!("{ms} ms"),
        1_000..60_000 => format!("{:.1} s", ms as f64 / 1000.0),
        _ => format!("{} min {:02} s", ms / 60_000, (ms % 60_000) / 1000),
    }
}

/// The anchor of a case's entry in the cases section. Case names are path-like
/// (`records::new::name_empty`): valid in an id and in a URL fragment as they are.
fn case_anchor(name: &str) -> String {
    format!("case-{}", escape(name))
}

/// A documentation page and its items, with their verdicts.
struct PageRows<'a> {
    page: &'static Page,
    rows: Vec<(&'static Item, Option<&'a ItemVerdict<'a>>)>,
}

impl PageRows<'_> {
    fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::new();
        for (_, v) in &self.rows {
            *out.entry(class_of(v.and_then(|v| v.outcome))).or_insert(0) += 1;
        }
        out
    }

    /// Sort key, largest first: the number of failed items, then unexpected passes,
    /// warnings and baseline failures.
    fn badness(&self) -> [usize; 4] {
        let counts = self.counts();
        ["fail", "xpass", "warn", "xfail"].map(|c| counts.get(c).copied().unwrap_or(0))
    }
}

/// The single-file HTML conformance matrix: documentation page x item.
pub fn html(reports: &[CaseReport], tables: &[Table], run: &RunInfo) -> String {
    let strict = run.flags.iter().any(|f| f == "--strict");
    let verdicts = verdicts(reports, tables, strict);
    let mut pages: Vec<PageRows> = Vec::new();
    for item in tables.iter().flat_map(|t| t.items.iter()) {
        let row = (item, verdicts.get(item.id));
        match pages.iter_mut().find(|p| p.page.url == item.page.url) {
            Some(p) => p.rows.push(row),
            None => pages.push(PageRows {
                page: item.page,
                rows: vec![row],
            }),
        }
    }
    // Failures first: pages by how many items failed (then passed unexpectedly, warned,
    // failed as expected), rows by their outcome; stable, so catalogue order otherwise.
    pages.sort_by_key(|p| std::cmp::Reverse(p.badness()));
    for p in &mut pages {
        p.rows
            .sort_by_key(|(_, v)| std::cmp::Reverse(rank(v.and_then(|v| v.outcome))));
    }
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &pages {
        for (class, n) in p.counts() {
            *totals.entry(class).or_insert(0) += n;
        }
    }
    let items_total: usize = totals.values().sum();

    let mut out = String::with_capacity(64 * 1024 + reports.len() * 1024);
    out.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>dxconform matrix: {}</title>\n<style>\n{CSS}</style>\n</head><body>",
        escape(&run.target)
    );
    header(&mut out, reports, run, &totals, items_total);
    summary(&mut out, &pages, &totals);
    legend(&mut out);
    filter(&mut out, &totals, items_total);
    out.push_str("<main id=\"matrix\">\n");
    for p in &pages {
        page(&mut out, p);
    }
    out.push_str("</main>\n");
    cases(&mut out, reports);
    let _ = write!(out, "<script>\n{JS}</script>\n</body></html>\n");
    out
}

fn header(
    out: &mut String,
    reports: &[CaseReport],
    run: &RunInfo,
    totals: &BTreeMap<&str, usize>,
    items_total: usize,
) {
    out.push_str("<header>\n<h1>dxconform conformance matrix</h1>\n");
    let flags = if run.flags.is_empty() {
        "none".to_string()
    } else {
        run.flags
            .iter()
            .map(|f| format!("<code>{}</code>", escape(f)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let throttled = if run.throttled > 0 {
        format!(" ({} throttled answers waited out)", run.throttled)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<dl id=\"meta\">\
<div><dt>Target</dt><dd id=\"meta-target\">{}</dd></div>\
<div><dt>Started</dt><dd id=\"meta-started\">{}</dd></div>\
<div><dt>Duration</dt><dd id=\"meta-duration\">{}</dd></div>\
<div><dt>Requests</dt><dd id=\"meta-requests\">{}{throttled}</dd></div>\
<div><dt>Flags</dt><dd id=\"meta-flags\">{flags}</dd></div>\
<div><dt>dxconform</dt><dd id=\"meta-version\">{}</dd></div>\
<div><dt>Run id</dt><dd id=\"meta-run\"><code>{}</code></dd></div>\
</dl>",
        escape(&run.target),
        escape(&run.started.replace('T', " ").replace('Z', " UTC")),
        duration(run.duration_ms),
        run.requests,
        escape(&run.version),
        escape(&run.run_id),
    );
    out.push_str("<div id=\"tiles\">");
    for (class, word) in CLASSES {
        let n = totals.get(class).copied().unwrap_or(0);
        // Failed, warned and passed always show; the rest only when they happened.
        if n == 0 && !matches!(*class, "fail" | "warn" | "pass") {
            continue;
        }
        let _ = write!(
            out,
            "<div class=\"tile {class}\" data-tile=\"{class}\"><b>{n}</b> {}</div>",
            if *class == "none" {
                "items not run".to_string()
            } else {
                format!("items {word}")
            }
        );
    }
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<p id=\"totals\">{items_total} documented items on the pages below. Cases: <span id=\"cases-line\">{}</span>.</p>\n</header>",
        escape(&summary_line(reports))
    );
}

/// Only outcome columns that occur, beside fail, warn and pass.
fn shown_classes(totals: &BTreeMap<&str, usize>) -> Vec<(&'static str, &'static str)> {
    CLASSES
        .iter()
        .copied()
        .filter(|(c, _)| {
            matches!(*c, "fail" | "warn" | "pass") || totals.get(c).is_some_and(|n| *n > 0)
        })
        .collect()
}

fn summary(out: &mut String, pages: &[PageRows], totals: &BTreeMap<&str, usize>) {
    let classes = shown_classes(totals);
    out.push_str(
        "<section id=\"summary\"><h2>Pages</h2>\n<table><thead><tr><th>documentation page</th>",
    );
    for (class, _) in &classes {
        let _ = write!(out, "<th class=\"num\">{}</th>", label_of(class));
    }
    out.push_str("<th class=\"num\">items</th></tr></thead><tbody>\n");
    for p in pages {
        let counts = p.counts();
        let worst = class_of(
            p.rows
                .iter()
                .filter_map(|(_, v)| v.and_then(|v| v.outcome))
                .max_by_key(|o| severity(*o)),
        );
        let _ = write!(
            out,
            "<tr class=\"worst-{worst}\" data-page=\"{}\"><td><a href=\"#page-{}\">{}</a></td>",
            escape(p.page.key),
            escape(p.page.key),
            escape(p.page.title)
        );
        for (class, _) in &classes {
            let n = counts.get(class).copied().unwrap_or(0);
            let _ = write!(
                out,
                "<td class=\"num{}\" data-count=\"{class}\">{n}</td>",
                if n > 0 {
                    format!(" has {class}")
                } else {
                    String::new()
                }
            );
        }
        let _ = writeln!(out, "<td class=\"num\">{}</td></tr>", p.rows.len());
    }
    out.push_str("</tbody></table></section>\n");
}

fn legend(out: &mut String) {
    out.push_str("<details id=\"legend\" open><summary>Legend: levels, source tags, outcomes</summary><div class=\"legend\">\n");
    out.push_str(
        "<dl><dt><span class=\"lvl lvl-MUST\">MUST</span></dt><dd>The documentation states it. A violation fails the case and the run.</dd>\
<dt><span class=\"lvl lvl-SHOULD\">SHOULD</span></dt><dd>The platform is observed to behave so, or the documentation is silent or contradicts itself and the project made a reading (the item says which). A violation is a warning; <code>--strict</code> makes it a failure.</dd></dl>\n",
    );
    out.push_str("<dl>");
    for (tag, meaning) in SOURCE_TAGS {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            tag_badge(tag),
            escape(meaning)
        );
    }
    out.push_str("<dt>no tag</dt><dd>A MUST item is stated on the documentation page it links to; a SHOULD item says its source in its text.</dd></dl>\n<dl>");
    for (class, meaning) in OUTCOME_MEANINGS {
        let _ = write!(
            out,
            "<dt><span class=\"badge {class}\">{}</span></dt><dd>{}</dd>",
            label_of(class),
            inline(meaning)
        );
    }
    out.push_str("</dl></div></details>\n");
}

fn filter(out: &mut String, totals: &BTreeMap<&str, usize>, items_total: usize) {
    // Hidden until the script runs: without JavaScript there is nothing to filter with.
    out.push_str("<form id=\"filter\" hidden onsubmit=\"return false\">\n<input id=\"filter-text\" type=\"search\" placeholder=\"Filter: item id, statement or case name\" aria-label=\"filter text\" size=\"40\">\n<span id=\"filter-outcomes\">");
    for (class, _) in shown_classes(totals) {
        let _ = write!(
            out,
            "<label class=\"badge {class}\"><input type=\"checkbox\" name=\"outcome\" value=\"{class}\" checked> {} ({})</label> ",
            label_of(class),
            totals.get(class).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(
        out,
        "</span>\n<select id=\"filter-level\" aria-label=\"level\"><option value=\"\">any level</option><option value=\"MUST\">MUST only</option><option value=\"SHOULD\">SHOULD only</option></select>\n<button type=\"button\" id=\"filter-reset\">reset</button>\n<span id=\"shown\">{items_total} of {items_total} items shown</span>\n</form>"
    );
}

fn page(out: &mut String, p: &PageRows) {
    let counts = p.counts();
    let parts: Vec<String> = CLASSES
        .iter()
        .filter_map(|(class, _)| {
            counts.get(class).map(|n| {
                format!(
                    "<span class=\"badge {class}\">{n} {}</span>",
                    label_of(class)
                )
            })
        })
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"page\" id=\"page-{key}\" data-page=\"{key}\">\n<h2><a href=\"{url}\">{title}</a> <small>{}</small></h2>\n<table><thead><tr><th class=\"res\">result</th><th class=\"id\">item</th><th class=\"text\">statement</th><th class=\"checks\">checked by</th></tr></thead><tbody>",
        parts.join(" "),
        key = escape(p.page.key),
        url = escape(p.page.url),
        title = escape(p.page.title),
    );
    for (item, verdict) in &p.rows {
        row(out, item, *verdict);
    }
    out.push_str("</tbody></table></section>\n");
}

fn row(out: &mut String, item: &Item, verdict: Option<&ItemVerdict>) {
    let outcome = verdict.and_then(|v| v.outcome);
    let class = class_of(outcome);
    let level = item.level.to_string();
    let caveat = if verdict.is_some_and(|v| v.only_elsewhere()) {
        "<div class=\"caveat\">not violated, but every case that checks it failed on other items</div>"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<tr class=\"item {class}\" data-o=\"{class}\" data-l=\"{level}\" data-item=\"{id}\">\
<td class=\"res\"><span class=\"badge {class}\">{label}</span>{caveat}</td>\
<td class=\"id\"><a href=\"{url}\"><code>{id}</code></a> <span class=\"lvl lvl-{level}\">{level}</span></td>\
<td class=\"text\">{text}</td><td class=\"checks\">",
        id = escape(item.id),
        url = escape(&item.url()),
        label = label_of(class),
        text = inline(item.text),
    );
    match verdict {
        None => out.push_str("<span class=\"muted\">no case that checks it ran</span>"),
        Some(v) => checks(out, v),
    }
    out.push_str("</td></tr>\n");
}

/// How many distinct differences an item's row shows before folding the rest.
const SHOWN_DIFFERENCES: usize = 3;

/// The differences on a violated item, grouped by text so that one root cause reads as one
/// line, then the cases that checked it.
fn checks(out: &mut String, v: &ItemVerdict) {
    // (the first violation with this level and text, links to the cases that had it)
    let mut groups: Vec<(&ViolationReport, Vec<String>)> = Vec::new();
    for c in &v.checks {
        for viol in &c.violations {
            let link = format!(
                "<a href=\"#{}\">{}</a>{}",
                case_anchor(&c.case.name),
                escape(&c.case.name),
                if viol.step > 0 {
                    format!(" (step {})", viol.step)
                } else {
                    " (setup)".to_string()
                }
            );
            match groups
                .iter_mut()
                .find(|(g, _)| g.text == viol.text && g.level == viol.level)
            {
                Some((_, links)) => links.push(link),
                None => groups.push((viol, vec![link])),
            }
        }
    }
    // The most common differences first; past a few, the rest fold away.
    groups.sort_by_key(|(_, links)| std::cmp::Reverse(links.len()));
    for (n, (viol, links)) in groups.iter().enumerate() {
        if n == SHOWN_DIFFERENCES {
            let _ = write!(
                out,
                "<details class=\"more\"><summary>{} more differences</summary>",
                groups.len() - n
            );
        }
        let _ = write!(
            out,
            "<div class=\"diff\"><span class=\"lvl lvl-{level}\">{level}</span> <code class=\"difftext\">{}</code> ",
            escape(&viol.text),
            level = viol.level,
        );
        if links.len() == 1 {
            let _ = write!(out, "<span class=\"in\">in {}</span>", links[0]);
        } else {
            let _ = write!(
                out,
                "<details class=\"in\"><summary>in {} cases</summary>{}</details>",
                links.len(),
                links.join("<br>")
            );
        }
        out.push_str("</div>");
    }
    if groups.len() > SHOWN_DIFFERENCES {
        out.push_str("</details>");
    }
    let mut tally: BTreeMap<u8, (Outcome, usize)> = BTreeMap::new();
    for c in &v.checks {
        tally.entry(severity(c.outcome)).or_insert((c.outcome, 0)).1 += 1;
    }
    let tally: Vec<String> = tally
        .values()
        .rev()
        .map(|(o, n)| format!("{n} {o}"))
        .collect();
    let n = v.checks.len();
    let _ = write!(
        out,
        "<details class=\"cases\"><summary>{n} case{}: {}</summary><ul>",
        if n == 1 { "" } else { "s" },
        tally.join(", ")
    );
    for c in &v.checks {
        let elsewhere = if c.violated_elsewhere {
            " <span class=\"muted\">(case violated on other items)</span>"
        } else {
            ""
        };
        let name = if c.case.message.is_some() || !c.case.notes.is_empty() {
            format!(
                "<a href=\"#{}\"><code>{}</code></a>",
                case_anchor(&c.case.name),
                escape(&c.case.name)
            )
        } else {
            format!("<code>{}</code>", escape(&c.case.name))
        };
        let _ = write!(
            out,
            "<li><span class=\"dot {}\" title=\"{}\"></span>{name}{elsewhere}</li>",
            c.outcome, c.outcome
        );
    }
    out.push_str("</ul></details>");
}

/// Every case with something to read (not a plain pass): outcome, summary, the violated
/// items with their differences, and the full message with each step.
fn cases(out: &mut String, reports: &[CaseReport]) {
    let mut shown: Vec<&CaseReport> = reports
        .iter()
        .filter(|r| r.outcome != Outcome::Pass || !r.notes.is_empty())
        .collect();
    shown.sort_by_key(|r| std::cmp::Reverse(severity(r.outcome)));
    let _ = writeln!(
        out,
        "<section id=\"cases\"><h2>Cases that did not simply pass <small>({} of {})</small></h2>",
        shown.len(),
        reports.len()
    );
    if shown.is_empty() {
        out.push_str("<p class=\"muted\">Every case passed, with nothing to note.</p>");
    }
    for r in shown {
        let violated: BTreeSet<(&str, &str)> = r
            .violations
            .iter()
            .flat_map(|v| v.items.iter().map(|i| (v.level.as_str(), i.as_str())))
            .collect();
        let _ = write!(
            out,
            "<article class=\"case {o}\" id=\"{}\" data-o=\"{o}\" data-l=\"{}\">\
<h3><span class=\"badge {o}\">{o}</span> <code>{}</code></h3><p>{}</p>",
            case_anchor(&r.name),
            escape(&r.level),
            escape(&r.name),
            inline(&r.summary),
            o = r.outcome,
        );
        if !violated.is_empty() {
            out.push_str("<p>violated: ");
            let names: Vec<String> = violated
                .iter()
                .map(|(level, id)| {
                    format!(
                        "<span class=\"lvl lvl-{level}\">{level}</span> <code>{}</code>",
                        escape(id)
                    )
                })
                .collect();
            out.push_str(&names.join(", "));
            out.push_str("</p>");
        }
        if let Some(m) = &r.message {
            if r.violations.is_empty() {
                let _ = write!(out, "<p class=\"why\">{}</p>", escape(m));
            } else {
                let _ = write!(
                    out,
                    "<details><summary>every step, request and answer</summary><pre>{}</pre></details>",
                    escape(m)
                );
            }
        }
        if !r.notes.is_empty() {
            out.push_str("<ul class=\"notes\">");
            for n in &r.notes {
                let _ = write!(out, "<li>note: {}</li>", escape(n));
            }
            out.push_str("</ul>");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `<tr>` of an item.
    fn item_row<'a>(page: &'a str, id: &str) -> &'a str {
        let start = page
            .find(&format!("data-item=\"{}\"", escape(id)))
            .unwrap_or_else(|| panic!("no row for {id}"));
        let row = &page[page[..start].rfind("<tr").unwrap()..];
        &row[..row.find("</tr>").unwrap()]
    }

    #[test]
    fn marks_only_violated_items_and_puts_failures_first() {
        let tables = crate::cases::TABLES;
        let items: Vec<&Item> = tables.iter().flat_map(|t| t.items.iter()).collect();
        // The last page's first item is violated; the case also names a second item.
        let last = items.last().unwrap().page;
        let violated = items.iter().find(|i| i.page == last).unwrap();
        let held = items.iter().find(|i| i.id != violated.id).unwrap();
        let mut report = super::super::verdict::tests::case(
            "made::up::case",
            &[violated.id, held.id],
            Outcome::Fail,
            &[("MUST", violated.id, "expected `a`, got <b>")],
        );
        report.violations[0].step = 2;
        report.summary = "checks `two` things".into();
        report.message = Some("made::up::case: <full> message".into());
        let run = RunInfo {
            version: "1.2.3".into(),
            run_id: "abc".into(),
            target: "https://api.example.org".into(),
            started: "2026-01-02T03:04:05Z".into(),
            flags: vec!["--strict".into()],
            duration_ms: 2500,
            requests: 77,
            ..RunInfo::default()
        };
        let page = html(&[report], tables, &run);
        let bad = item_row(&page, violated.id);
        assert!(bad.contains("data-o=\"fail\""), "{bad}");
        assert!(bad.contains("expected `a`, got &lt;b&gt;") && bad.contains("(step 2)"));
        let ok = item_row(&page, held.id);
        assert!(ok.contains("data-o=\"pass\""), "{ok}");
        assert!(ok.contains("case violated on other items"));
        // The violated item's page comes first, in the summary and in the matrix.
        let first_page = &page[page.find("<section class=\"page\"").unwrap()..];
        assert!(
            first_page.starts_with(&format!("<section class=\"page\" id=\"page-{}\"", last.key))
        );
        let summary = &page[page.find("<tbody>").unwrap()..];
        assert!(summary[..summary.find("</tr>").unwrap()].contains(last.title));
        // The run's facts, one file with nothing to fetch, Markdown rendered.
        for fact in [
            "1.2.3",
            "abc",
            "https://api.example.org",
            "2026-01-02 03:04:05 UTC",
            "2.5 s",
            ">77<",
            "<code>--strict</code>",
        ] {
            assert!(page.contains(fact), "{fact}");
        }
        assert!(!page.contains("<link") && !page.contains(" src="));
        assert!(page.contains("checks <code>two</code> things"));
        assert!(page.contains("made::up::case: &lt;full&gt; message"));
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(245), "245 ms");
        assert_eq!(duration(3_400), "3.4 s");
        assert_eq!(duration(125_000), "2 min 05 s");
    }
}
