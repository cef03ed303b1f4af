//! `csm-sim check`: validate scenarios and summarise them.

use std::process::ExitCode;

use crate::scenario::Scenario;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files (or built-in names) to check.
    #[arg(required = true)]
    files: Vec<String>,
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
