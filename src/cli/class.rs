//! `csm-sim class`: the classroom. `class report` builds the class debrief from session files
//! collected any way (a learning platform, a shared folder), verifying each by replay.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::exam::class::ClassDebrief;
use crate::exam::debrief::Debrief;
use crate::session::{Recorder, Session, write_atomically};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Verify session files by replay and write the class debrief (HTML, JSON, CSV) and
    /// each trainee's own debrief into a folder; the trainee is named by the file name.
    Report {
        /// Session files saved by `csm-sim play` or the window, one per trainee.
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        /// The folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn class(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Report { sessions, out } => report(&sessions, &out),
    }
}

/// A trainee's name from a session's file name, made safe for a file name of its own.
fn trainee_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "trainee".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn page_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("trainees/{safe}.html")
}

fn report(sessions: &[PathBuf], out: &Path) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(out.join("trainees"))
        .with_context(|| format!("cannot create {}", out.display()))?;
    let mut verified: Vec<(String, Recorder, String)> = Vec::new();
    let mut refused = Vec::new();
    let mut scenario_hash: Option<String> = None;
    for path in sessions {
        let file = path.display().to_string();
        let result = Session::load(path).and_then(|s| {
            let rec = s.verify(&file)?;
            Ok((s.scenario_hash, rec))
        });
        match result {
            Ok((hash, rec)) => {
                if scenario_hash.get_or_insert_with(|| hash.clone()) != &hash {
                    let why =
                        format!("{file}: a session of another scenario than the first file's");
                    refused.push((file, why));
                    continue;
                }
                let name = trainee_name(path);
                let mut page = page_name(&name);
                if verified.iter().any(|(_, _, p)| p == &page) {
                    page = page_name(&format!("{name}-{}", verified.len() + 1));
                }
                let d = Debrief::new(&rec.sim, &rec.judge, &rec.answers);
                write_atomically(&out.join(&page), d.to_html().as_bytes())
                    .with_context(|| format!("cannot write {}", out.join(&page).display()))?;
                verified.push((name, rec, page));
            }
            Err(e) => refused.push((file, e.to_string())),
        }
    }
    let rows: Vec<(String, &Recorder, String)> = verified
        .iter()
        .map(|(n, r, p)| (n.clone(), r, p.clone()))
        .collect();
    let class = ClassDebrief::new(&rows, refused.clone());
    for (name, bytes) in [
        ("class.html", class.to_html().into_bytes()),
        (
            "class.json",
            serde_json::to_string_pretty(&class)?.into_bytes(),
        ),
        ("class.csv", class.to_csv().into_bytes()),
    ] {
        write_atomically(&out.join(name), &bytes)
            .with_context(|| format!("cannot write {}", out.join(name).display()))?;
    }
    outln!(
        "Class debrief of {} trainees written to {} (class.html, class.json, class.csv, trainees/).",
        verified.len(),
        out.display()
    )?;
    for (_, why) in &refused {
        eprintln!("not verified: {why}");
    }
    Ok(if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
