//! The catalogue's one-line Markdown, rendered for the HTML matrix, and what its source tags
//! mean.
//!
//! Item statements and case summaries are written in Markdown (backticks for field names
//! and literal values) and carry the spec's source tags (`[DOC]`, `[CLIENT]`...). Shown raw,
//! both read as noise; here the Markdown becomes HTML (pulldown-cmark, CommonMark) and each
//! tag a labelled badge whose tooltip says what it means, explained once in the legend.
//! Raw HTML in the text is shown as text, never interpreted: statements quote messages
//! such as `The entity <id> could not be found`.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, TextMergeStream};

use super::html::escape;

/// The spec's source tags (`shared/spec/dnanexus-api.md` §1, "Source tags"), with what
/// each means for a reader of the matrix.
pub const SOURCE_TAGS: &[(&str, &str)] = &[
    (
        "DOC",
        "Stated on the cited page of the DNAnexus documentation (or its legacy wiki copy).",
    ),
    (
        "CLIENT",
        "What DNAnexus's official client code does or needs: dxpy and its dx command, and where stated the Java bindings, dxfuse or dxda.",
    ),
    (
        "OBSERVED",
        "What the real platform does in DNAnexus's own integration tests (the dx-toolkit suites, run against the live platform).",
    ),
    (
        "INFERRED",
        "A deduction from the documentation, not a statement of it: the project's reading.",
    ),
    (
        "SILENT",
        "The documentation does not say; the item states the reading the project took.",
    ),
];

/// The meaning of a source tag, if `tag` is one.
fn tag_meaning(tag: &str) -> Option<&'static str> {
    SOURCE_TAGS.iter().find(|(t, _)| *t == tag).map(|(_, m)| *m)
}

/// A source tag as a badge: `<span class="tag" title="meaning">CLIENT</span>`.
pub fn tag_badge(tag: &str) -> String {
    format!(
        "<span class=\"tag tag-{}\" title=\"{}\">{tag}</span>",
        tag.to_ascii_lowercase(),
        escape(tag_meaning(tag).unwrap_or(""))
    )
}

/// Split plain text at its source tags: text segments escaped, tags as badges.
fn with_badges(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let tag = after
            .find(']')
            .map(|close| &after[..close])
            .filter(|t| tag_meaning(t).is_some());
        match tag {
            Some(tag) => {
                out.push_str(&escape(&rest[..open]));
                out.push_str(&tag_badge(tag));
                rest = &after[tag.len() + 1..];
            }
            None => {
                out.push_str(&escape(&rest[..=open]));
                rest = after;
            }
        }
    }
    out.push_str(&escape(rest));
    out
}

/// One line of catalogue Markdown as inline HTML: no enclosing paragraph, raw HTML shown
/// as text, source tags as badges.
pub fn inline(markdown: &str) -> String {
    let events = TextMergeStream::new(Parser::new(markdown)).filter_map(|event| match event {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Text(text) => Some(Event::InlineHtml(CowStr::from(with_badges(&text)))),
        Event::Html(raw) | Event::InlineHtml(raw) => {
            Some(Event::InlineHtml(CowStr::from(escape(&raw))))
        }
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_and_html_stays_text() {
        let html = inline("`project` (string): the entity <id> & `a<b`");
        assert_eq!(
            html,
            "<code>project</code> (string): the entity &lt;id&gt; &amp; <code>a&lt;b</code>"
        );
        assert!(!html.contains('`'));
    }

    #[test]
    fn source_tags_become_badges() {
        let html = inline("[DOC] stated; [CLIENT] dxpy [x] and `[SILENT]` in code");
        assert!(html.starts_with("<span class=\"tag tag-doc\" title=\"Stated on"));
        assert!(html.contains(">CLIENT</span> dxpy [x] and <code>[SILENT]</code>"));
    }

    #[test]
    fn emphasis_and_links_render() {
        let html = inline("**absent** or [the page](https://example.org/p)");
        assert_eq!(
            html,
            "<strong>absent</strong> or <a href=\"https://example.org/p\">the page</a>"
        );
    }
}
