//! HTML → readable article text: the title, the publication time from `<meta>`/`<time>`, and the
//! text of headings, paragraphs and list items, without scripts, styles or navigation.

use scraper::{ElementRef, Html, Node, Selector};

/// The readable parts of an HTML page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// `<title>` or the first `<h1>`.
    pub title: Option<String>,
    /// `article:published_time`, `datePublished`, `<time datetime>` (first 10 characters kept).
    pub published: Option<String>,
    /// Blocks of text separated by blank lines.
    pub text: String,
}

const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "svg",
    "iframe", "template", "select",
];
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "div",
    "section",
    "article",
    "main",
    "br",
    "tr",
];

/// Extracts title, publication time and readable text from an HTML document.
///
/// ```
/// let page = karabakh_core::corpus::html::html_to_text(
///     "<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav><p>Ganja was shelled.</p></body></html>");
/// assert_eq!(page.title.as_deref(), Some("T"));
/// assert_eq!(page.text.trim(), "Ganja was shelled.");
/// ```
pub fn html_to_text(source: &str) -> HtmlArticle {
    let document = Html::parse_document(source);
    let title = select_text(&document, "title").or_else(|| select_text(&document, "h1"));
    let published = meta_published(&document);
    let mut text = String::new();
    let root = document.root_element();
    let body = Selector::parse("body")
        .ok()
        .and_then(|s| document.select(&s).next())
        .unwrap_or(root);
    collect(body, &mut text);
    let mut cleaned = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !cleaned.is_empty() {
            cleaned.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        cleaned.push_str(&line);
        blank = 0;
    }
    HtmlArticle {
        title,
        published,
        text: cleaned,
    }
}

fn collect(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    let block = BLOCKS.contains(&name);
                    if block {
                        out.push_str("\n\n");
                    }
                    collect(child_el, out);
                    if block {
                        out.push_str("\n\n");
                    }
                }
            }
            _ => {}
        }
    }
}

fn select_text(document: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    let text: String = document
        .select(&selector)
        .next()?
        .text()
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn meta_published(document: &Html) -> Option<String> {
    let metas = [
        ("meta[property='article:published_time']", "content"),
        ("meta[name='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='pubdate']", "content"),
        ("meta[name='publish-date']", "content"),
        ("time[datetime]", "datetime"),
    ];
    metas.iter().find_map(|(selector, attribute)| {
        let selector = Selector::parse(selector).ok()?;
        let value = document.select(&selector).next()?.value().attr(attribute)?;
        let value = value.trim();
        value.get(..10).or(Some(value)).map(str::to_owned)
    })
}
