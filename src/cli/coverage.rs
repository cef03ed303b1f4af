//! `csm-sim coverage`: which exam objectives a set of scenarios exercises, objective by
//! objective: by a mechanic that happened in play, or only by name; beside what the judging
//! rules watch for and what the question bank asks.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use crate::exam::judge::Rules;
use crate::exam::questions::Bank;
use crate::exam::{Blueprint, coverage};
use crate::scenario::{Scenario, builtin};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files or built-in names (default: every built-in scenario).
    files: Vec<String>,
    /// Print JSON: per domain, its objectives and how many are exercised by a mechanic.
    #[arg(long)]
    json: bool,
}

/// One scenario's coverage.
struct Column {
    id: String,
    /// Objective → the mechanics that exercised it in play.
    mechanics: BTreeMap<&'static str, BTreeSet<&'static str>>,
    /// The objectives the scenario names.
    named: BTreeSet<&'static str>,
}

#[derive(Serialize)]
struct ObjectiveJson<'a> {
    id: &'a str,
    title: &'a str,
    /// The mechanics that exercised it, in any scenario.
    mechanics: Vec<&'a str>,
    /// The scenarios in whose play a mechanic exercised it.
    by_mechanic_in: Vec<&'a str>,
    /// The scenarios that name it (learning objectives, barrier categories, consumption
    /// models, targets) without a mechanic exercising it there.
    named_only_in: Vec<&'a str>,
    watched_by_rule: bool,
    questions: usize,
}

#[derive(Serialize)]
struct DomainJson<'a> {
    id: &'a str,
    title: &'a str,
    weight: u32,
    total: usize,
    by_mechanic: usize,
    /// `by_mechanic / total`.
    share: f64,
    named_only: usize,
    objectives: Vec<ObjectiveJson<'a>>,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    scenarios: Vec<&'a str>,
    played_by: [&'a str; 2],
    seeds_each: u64,
    total: usize,
    by_mechanic: usize,
    domains: Vec<DomainJson<'a>>,
}

pub fn coverage(args: Args) -> anyhow::Result<ExitCode> {
    let names: Vec<String> = if args.files.is_empty() {
        builtin::ALL.iter().map(|(n, _)| (*n).to_owned()).collect()
    } else {
        args.files
    };
    let mut columns: Vec<Column> = Vec::new();
    for name in &names {
        let s = Scenario::load(name)?;
        let mechanics = coverage::by_mechanic(&s)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("{name}: cannot be played by the reference playbooks"))?;
        columns.push(Column {
            id: s.id.clone(),
            mechanics,
            named: coverage::exercised(&s),
        });
    }
    let judged: BTreeSet<&str> = Rules::get()
        .0
        .iter()
        .flat_map(|r| r.objectives.iter().map(String::as_str))
        .collect();
    let bank = Bank::get();
    let asked = |id: &str| {
        bank.0
            .iter()
            .filter(|q| q.objectives.iter().any(|o| o == id))
            .count()
    };
    let blueprint = Blueprint::get();
    let domains: Vec<DomainJson> = blueprint
        .domains
        .iter()
        .map(|d| {
            let objectives: Vec<ObjectiveJson> = d
                .objectives
                .iter()
                .map(|o| {
                    let id = o.id.as_str();
                    let mechanics: BTreeSet<&str> = columns
                        .iter()
                        .filter_map(|c| c.mechanics.get(id))
                        .flatten()
                        .copied()
                        .collect();
                    ObjectiveJson {
                        id,
                        title: &o.title,
                        mechanics: mechanics.into_iter().collect(),
                        by_mechanic_in: columns
                            .iter()
                            .filter(|c| c.mechanics.contains_key(id))
                            .map(|c| c.id.as_str())
                            .collect(),
                        named_only_in: columns
                            .iter()
                            .filter(|c| c.named.contains(id) && !c.mechanics.contains_key(id))
                            .map(|c| c.id.as_str())
                            .collect(),
                        watched_by_rule: judged.contains(id),
                        questions: asked(id),
                    }
                })
                .collect();
            let by_mechanic = objectives
                .iter()
                .filter(|o| !o.by_mechanic_in.is_empty())
                .count();
            let named_only = objectives
                .iter()
                .filter(|o| o.by_mechanic_in.is_empty() && !o.named_only_in.is_empty())
                .count();
            DomainJson {
                id: &d.id,
                title: &d.title,
                weight: d.weight,
                total: objectives.len(),
                by_mechanic,
                share: by_mechanic as f64 / objectives.len().max(1) as f64,
                named_only,
                objectives,
            }
        })
        .collect();
    let report = CoverageJson {
        scenarios: columns.iter().map(|c| c.id.as_str()).collect(),
        played_by: coverage::PLAYED_BY,
        seeds_each: coverage::SEEDS,
        total: domains.iter().map(|d| d.total).sum(),
        by_mechanic: domains.iter().map(|d| d.by_mechanic).sum(),
        domains,
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_table(&report, &columns)?;
    Ok(ExitCode::SUCCESS)
}

fn print_table(report: &CoverageJson, columns: &[Column]) -> std::io::Result<()> {
    let played_by = report.played_by.join(&tr!("coverage-and"));
    outln!(
        "{}",
        tr!(
            "coverage-intro",
            playbooks = played_by,
            seeds = report.seeds_each
        )
    )?;
    for (i, c) in columns.iter().enumerate() {
        outln!(
            "{}",
            tr!("coverage-column", number = i + 1, scenario = c.id.as_str())
        )?;
    }
    let header: String = (1..=columns.len()).map(|i| format!("{i:>3}")).collect();
    for d in &report.domains {
        outln!()?;
        outln!(
            "{}",
            tr!(
                "coverage-domain",
                id = d.id,
                title = crate::i18n::objective_title(d.id, d.title),
                weight = d.weight
            )
        )?;
        outln!(
            "  {}{header}  {}  {}  {}",
            super::format::fit("id", 7),
            super::format::fit(&tr!("coverage-col-rules"), 5),
            super::format::fit(&tr!("coverage-col-questions"), 9),
            tr!("coverage-col-title")
        )?;
        for o in &d.objectives {
            let marks: String = columns
                .iter()
                .map(|c| {
                    if c.mechanics.contains_key(o.id) {
                        "  m"
                    } else if c.named.contains(o.id) {
                        "  n"
                    } else {
                        "  ."
                    }
                })
                .collect();
            let rule = if o.watched_by_rule { "j" } else { "." };
            outln!(
                "  {:<7}{marks}  {rule:^5}  {:^9}  {}",
                o.id,
                o.questions,
                crate::i18n::objective_title(o.id, o.title)
            )?;
        }
        outln!(
            "{}",
            tr!(
                "coverage-domain-total",
                by_mechanic = d.by_mechanic,
                total = d.total,
                percent = format!("{:.0}", 100.0 * d.share),
                named = d.named_only
            )
        )?;
    }
    outln!()?;
    outln!(
        "{}",
        tr!(
            "coverage-total",
            by_mechanic = report.by_mechanic,
            total = report.total
        )
    )?;
    outln!("{}", tr!("coverage-docs"))?;
    Ok(())
}
