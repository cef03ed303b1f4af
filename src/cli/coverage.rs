//! `csm-sim coverage`: which exam objectives a set of scenarios exercises, objective by
//! objective, beside what the judging rules watch for.

use std::collections::BTreeSet;
use std::process::ExitCode;

use crate::exam::judge::Rules;
use crate::exam::questions::Bank;
use crate::exam::{Blueprint, coverage};
use crate::scenario::{Scenario, builtin};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files or built-in names (default: every built-in scenario).
    files: Vec<String>,
}

pub fn coverage(args: Args) -> anyhow::Result<ExitCode> {
    let names: Vec<String> = if args.files.is_empty() {
        builtin::ALL.iter().map(|(n, _)| (*n).to_owned()).collect()
    } else {
        args.files
    };
    let mut columns: Vec<(String, BTreeSet<&'static str>)> = Vec::new();
    for name in &names {
        let s = Scenario::load(name)?;
        columns.push((s.id.clone(), coverage::exercised(&s)));
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
    outln!(
        "Exam objectives exercised by each scenario (x), watched by the judging rules (j), and asked by the question bank (number of questions)."
    )?;
    for (i, (id, _)) in columns.iter().enumerate() {
        outln!("  column {}: {id}", i + 1)?;
    }
    let header: String = (1..=columns.len()).map(|i| format!("{i:>3}")).collect();
    let mut uncovered = Vec::new();
    for d in &blueprint.domains {
        outln!()?;
        outln!("{} {} ({} % of the exam)", d.id, d.title, d.weight)?;
        outln!("  {:<7}{header}  rules  questions  title", "id")?;
        for o in &d.objectives {
            let marks: String = columns
                .iter()
                .map(|(_, ids)| {
                    if ids.contains(o.id.as_str()) {
                        "  x"
                    } else {
                        "  ."
                    }
                })
                .collect();
            let rule = if judged.contains(o.id.as_str()) {
                "j"
            } else {
                "."
            };
            outln!(
                "  {:<7}{marks}  {rule:^5}  {:^9}  {}",
                o.id,
                asked(&o.id),
                o.title
            )?;
            if columns.iter().all(|(_, ids)| !ids.contains(o.id.as_str())) {
                uncovered.push(o.id.as_str());
            }
        }
    }
    outln!()?;
    let total = blueprint.ids().count();
    outln!(
        "{} of {total} objectives are exercised by at least one scenario; {} are watched by a rule; {} are asked by the {} questions of the bank.",
        total - uncovered.len(),
        blueprint.ids().filter(|id| judged.contains(id)).count(),
        blueprint.ids().filter(|id| asked(id) > 0).count(),
        bank.0.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
