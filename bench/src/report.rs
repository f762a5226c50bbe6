//! The report: rows with their verdicts, rendered as one Markdown table, JSON, and the section
//! proposed for README.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde_json::{Value as Json, json};

/// Whether a row's goal holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The row has a goal and it holds.
    Holds,
    /// The row has a goal and it is missed; the row says by how much and why.
    Missed,
    /// A measurement without a goal of its own.
    Info,
    /// Not measured in this run (skipped by the configuration, or not buildable yet); the row
    /// says why.
    NotMeasured,
}

impl Verdict {
    /// `holds`, `MISSED`, `—` or `not measured`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Missed => "MISSED",
            Verdict::Info => "—",
            Verdict::NotMeasured => "not measured",
        }
    }

    /// The goal verdict for `holds`.
    pub fn of(holds: bool) -> Self {
        if holds {
            Verdict::Holds
        } else {
            Verdict::Missed
        }
    }
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Row {
    /// Section and item, e.g. `1a`, `2.1`.
    pub id: String,
    /// What was measured.
    pub what: String,
    /// The measured result, short.
    pub result: String,
    /// The goal, or empty.
    pub goal: String,
    /// Whether the goal holds.
    pub verdict: Verdict,
    /// For a missed goal: by how much and why; otherwise details worth reading.
    pub note: String,
    /// The raw numbers behind the row.
    pub data: Json,
}

impl Row {
    pub(crate) fn new(id: &str, what: &str, result: String) -> Self {
        Row {
            id: id.to_owned(),
            what: what.to_owned(),
            result,
            goal: String::new(),
            verdict: Verdict::Info,
            note: String::new(),
            data: json!({}),
        }
    }

    pub(crate) fn goal(mut self, goal: &str, holds: bool) -> Self {
        self.goal = goal.to_owned();
        self.verdict = Verdict::of(holds);
        self
    }

    pub(crate) fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }

    pub(crate) fn data(mut self, data: Json) -> Self {
        self.data = data;
        self
    }

    pub(crate) fn not_measured(id: &str, what: &str, why: impl Into<String>) -> Self {
        Row {
            verdict: Verdict::NotMeasured,
            note: why.into(),
            ..Row::new(id, what, "—".to_owned())
        }
    }
}

/// A section heading of the table.
#[derive(Clone, Debug)]
pub struct Section {
    /// `1` … `6`.
    pub id: String,
    /// The heading.
    pub title: String,
    /// How the section measures, for the notes.
    pub method: String,
}

/// The benchmark's results.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Date, toolchain, command, machine, configuration.
    pub meta: BTreeMap<String, String>,
    /// Sections, in order; rows belong to the section their id starts with.
    pub sections: Vec<Section>,
    /// The rows, in order.
    pub rows: Vec<Row>,
    /// Every raw fuel measurement, by name (deterministic: equal across runs).
    pub fuel: BTreeMap<String, u64>,
}

impl Report {
    pub(crate) fn section(&mut self, id: &str, title: &str, method: &str) {
        self.sections.push(Section {
            id: id.to_owned(),
            title: title.to_owned(),
            method: method.to_owned(),
        });
    }

    pub(crate) fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    pub(crate) fn record_fuel(&mut self, name: &str, fuel: u64) -> u64 {
        self.fuel.insert(name.to_owned(), fuel);
        fuel
    }

    /// The rows that carry a goal.
    pub fn goals(&self) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(|r| matches!(r.verdict, Verdict::Holds | Verdict::Missed))
    }

    /// The row with this id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    fn section_of(&self, row: &Row) -> Option<&Section> {
        let number: String = row.id.chars().take_while(char::is_ascii_digit).collect();
        self.sections.iter().find(|s| s.id == number)
    }

    /// The one table, in Markdown.
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str("| # | measured | result | goal | verdict |\n|---|---|---|---|---|\n");
        let mut current: Option<&str> = None;
        for row in &self.rows {
            if let Some(section) = self.section_of(row) {
                if current != Some(section.id.as_str()) {
                    current = Some(section.id.as_str());
                    let _ = writeln!(out, "| **{}** | **{}** | | | |", section.id, section.title);
                }
            }
            let verdict = match row.verdict {
                Verdict::Missed | Verdict::NotMeasured => format!("**{}**", row.verdict.label()),
                _ => row.verdict.label().to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                row.id,
                cell(&row.what),
                cell(&row.result),
                cell(if row.goal.is_empty() {
                    "—"
                } else {
                    &row.goal
                }),
                verdict
            );
        }
        out
    }

    fn summary_line(&self) -> String {
        let holds = self.goals().filter(|r| r.verdict == Verdict::Holds).count();
        let missed = self
            .goals()
            .filter(|r| r.verdict == Verdict::Missed)
            .count();
        let unmeasured = self
            .rows
            .iter()
            .filter(|r| r.verdict == Verdict::NotMeasured)
            .count();
        format!("goals: {holds} hold, {missed} missed; {unmeasured} rows not measured")
    }

    fn notes(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            if row.note.is_empty() {
                continue;
            }
            let tag = match row.verdict {
                Verdict::Missed => " (missed)",
                Verdict::NotMeasured => " (not measured)",
                _ => "",
            };
            let _ = writeln!(
                out,
                "- **{}**{tag}: {}",
                row.id,
                row.note.replace('\n', "\n  ")
            );
        }
        out
    }

    fn meta_lines(&self) -> String {
        let mut out = String::new();
        for key in [
            "command",
            "date",
            "toolchain",
            "wasmtime",
            "machine",
            "config",
        ] {
            if let Some(value) = self.meta.get(key) {
                let _ = writeln!(out, "- {key}: {value}");
            }
        }
        out
    }

    /// The full report in Markdown: how it was made, the table, notes and method.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# wasm-function benchmark\n\n");
        self.push_body(&mut out, "\n## Notes\n\n", "\n## Method\n\n");
        out
    }

    /// The metadata, summary, table, notes and method, under the given headings.
    fn push_body(&self, out: &mut String, notes_heading: &str, method_heading: &str) {
        out.push_str(&self.meta_lines());
        let _ = writeln!(out, "\n{}\n", self.summary_line());
        out.push_str(&self.table());
        out.push_str(notes_heading);
        out.push_str(&self.notes());
        out.push_str(method_heading);
        for section in &self.sections {
            let _ = writeln!(
                out,
                "- **{} {}**: {}",
                section.id, section.title, section.method
            );
        }
    }

    /// The section proposed for README.md.
    pub fn readme_section(&self) -> String {
        let mut out = String::from("## Benchmarks\n\n");
        let command = self
            .meta
            .get("command")
            .map_or("cargo run --release -p wasm-function-bench", String::as_str);
        let _ = writeln!(
            out,
            "Measured by `{command}`, which builds every benchmark guest for `wasm32-wasip1` \
             (and, in sections 5 and 6, for `wasm32-wasip2`; opt-level \"z\", LTO, strip, panic \
             abort), runs them in the embedded wasmtime with fuel metering (about one unit per \
             wasm instruction, deterministic), times what needs timing as ratios in the same \
             run, and writes `target/bench/report.md` and `target/bench/report.json` \
             (`-- --only 6` runs one section). `cargo test` runs a small version of it \
             (`bench/tests/smoke.rs`).\n"
        );
        self.push_body(&mut out, "\nNotes:\n\n", "\nMethod:\n\n");
        out
    }

    /// The report as JSON.
    pub fn to_json(&self) -> Json {
        let rows: Vec<Json> = self
            .rows
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "what": r.what,
                    "result": r.result,
                    "goal": if r.goal.is_empty() { Json::Null } else { Json::from(r.goal.clone()) },
                    "verdict": match r.verdict {
                        Verdict::Holds => "holds",
                        Verdict::Missed => "missed",
                        Verdict::Info => "info",
                        Verdict::NotMeasured => "not-measured",
                    },
                    "note": r.note,
                    "data": r.data,
                })
            })
            .collect();
        let sections: Vec<Json> = self
            .sections
            .iter()
            .map(|s| json!({"id": s.id, "title": s.title, "method": s.method}))
            .collect();
        json!({
            "meta": self.meta,
            "sections": sections,
            "rows": rows,
            "fuel": self.fuel,
        })
    }

    /// Writes `report.md`, `report.json` and `README-section.md` into `dir`.
    pub fn write(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let write = |name: &str, text: String| {
            let path = dir.join(name);
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
        };
        write("report.md", self.to_markdown())?;
        write(
            "report.json",
            serde_json::to_string_pretty(&self.to_json())? + "\n",
        )?;
        write("README-section.md", self.readme_section())?;
        Ok(())
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
