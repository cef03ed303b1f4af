//! `csm-sim check`: validate scenarios and summarise them.

use std::process::ExitCode;

use crate::exam::{Blueprint, coverage};
use crate::scenario::Scenario;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files (or built-in names) to check.
    #[arg(required = true)]
    files: Vec<String>,
}

/// Which exam objectives the scenario exercises and which domains it leaves out.
fn coverage_lines(s: &Scenario) -> std::io::Result<()> {
    let exercised = coverage::exercised(s);
    outln!(
        "  exercises {} exam objectives: {}",
        exercised.len(),
        exercised.iter().copied().collect::<Vec<_>>().join(", ")
    )?;
    let untouched = coverage::untouched_domains(exercised.iter().copied());
    if !untouched.is_empty() {
        let names: Vec<String> = Blueprint::get()
            .domains
            .iter()
            .filter(|d| untouched.contains(&d.id.as_str()))
            .map(|d| format!("{} {} ({} % of the exam)", d.id, d.title, d.weight))
            .collect();
        outln!("  leaves untouched: {}", names.join("; "))?;
    }
    Ok(())
}

pub fn check(args: Args) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for file in &args.files {
        match Scenario::load(file) {
            Ok(s) => {
                let listed = s.customers.len();
                let generated = s.customer_count() - listed as u64;
                outln!(
                    "{file}: ok — \"{}\" ({}), {} quarters, {} customers ({listed} listed, {generated} generated), {} segments, {} scripted events, {} random barriers, {:.0} CSM hours a quarter",
                    s.title,
                    s.id,
                    s.quarters,
                    s.customer_count(),
                    s.segments.len(),
                    s.events.len(),
                    s.random_barriers.len(),
                    s.capacity_hours,
                )?;
                if !s.learning_objectives.is_empty() {
                    outln!(
                        "  learning objectives: {}",
                        s.learning_objectives.join(", ")
                    )?;
                }
                coverage_lines(&s)?;
            }
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
