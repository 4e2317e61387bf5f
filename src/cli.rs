//! The headless `extract` command: JSON in the documented shape, or a readable table.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Dataset, Event, Problem};

#[derive(Serialize)]
struct JsonArticle<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    published_from: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    articles: Vec<JsonArticle<'a>>,
    events: &'a [Event],
    problems: &'a [Problem],
}

/// The dataset as the documented `extract --json` document.
pub fn to_json(dataset: &Dataset) -> Result<String, serde_json::Error> {
    let articles = dataset
        .articles
        .iter()
        .map(|a| JsonArticle {
            path: &a.path,
            title: a.title.as_deref(),
            published: a.published.map(|p| p.to_string()),
            published_from: a.published_from.map(|f| f.as_str()),
        })
        .collect();
    serde_json::to_string_pretty(&JsonOutput {
        articles,
        events: &dataset.events,
        problems: &dataset.problems,
    })
}

/// The dataset as a table of events and a summary.
pub fn to_table(dataset: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<23}  {:<10}  {:<22}  {:<9}  {:<11}  {:>4}  {:>3}",
        "date", "kind", "place", "status", "actor", "conf", "src"
    );
    for e in &dataset.events {
        let date = match e.date {
            Some(d) if d.start == d.end => crate::model::iso(d.start),
            Some(d) => format!(
                "{}..{}",
                crate::model::iso(d.start),
                crate::model::iso(d.end)
            ),
            None => "undated".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<23}  {:<10}  {:<22}  {:<9}  {:<11}  {:>4.2}  {:>3}",
            date,
            e.kind.as_str(),
            truncate(&e.place.name, 22),
            e.status.as_str(),
            e.actor.as_deref().unwrap_or("-"),
            e.confidence,
            e.sources.len()
        );
    }
    let undated = dataset.undated().len();
    let _ = writeln!(
        out,
        "\n{} articles, {} events ({} strikes, {} deployments, {} undated), {} problems",
        dataset.articles.len(),
        dataset.events.len(),
        dataset
            .events
            .iter()
            .filter(|e| e.kind == crate::model::EventKind::Strike)
            .count(),
        dataset
            .events
            .iter()
            .filter(|e| e.kind == crate::model::EventKind::Deployment)
            .count(),
        undated,
        dataset.problems.len()
    );
    for p in &dataset.problems {
        let _ = writeln!(out, "  problem: {}: {}", p.path, p.problem);
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}
