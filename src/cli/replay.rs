//! `csm-sim replay`: re-run a saved session and confirm it reproduces the same outcome.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::session::{Session, session_hash};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A session file saved by `csm-sim play`.
    session: PathBuf,
    /// Print the replayed results as JSON.
    #[arg(long)]
    json: bool,
}

pub fn replay(args: Args) -> anyhow::Result<ExitCode> {
    let file = args.session.display().to_string();
    let session = Session::load(&args.session)?;
    let rec = session.replay(&file)?;
    let hash = session_hash(&rec);
    let summary = rec.sim.summary();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        outln!(
            "{}",
            tr!(
                "replay-heading",
                file = file.as_str(),
                scenario = session.scenario_id.as_str(),
                seed = session.seed.to_string(),
                quarters = session.quarters_played,
                actions = session.actions.len()
            )
        )?;
        out!("{}", super::format::totals(&summary))?;
    }
    if hash == session.outcome_hash {
        eprintln!("{}", tr!("replay-reproduced", hash = &hash[..16]));
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{}",
            tr!(
                "replay-mismatch",
                replayed = &hash[..16],
                saved = session.outcome_hash.chars().take(16).collect::<String>()
            )
        );
        Ok(ExitCode::from(1))
    }
}
