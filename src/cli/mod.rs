//! The command-line program: one file per subcommand. Errors are reported here, once, as
//! `FILE:LINE:COLUMN: message` where a file is at fault, with a non-zero exit code.

/// Prints a line to standard output, returning an error instead of panicking when the
/// output is gone (for example `csm-sim run | head`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// Prints to standard output without a newline; see [`outln`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod ask;
pub mod batch;
mod bench;
mod check;
mod class;
pub mod compare;
mod coverage;
mod format;
mod play;
mod replay;
pub mod run;
mod study;

#[cfg(feature = "gui")]
pub(crate) use play::fresh_path;
#[cfg(feature = "gui")]
pub(crate) use run::write_debrief;

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::scenario::{Scenario, builtin};

#[derive(Parser, Debug)]
#[command(
    name = "csm-sim",
    version,
    about = "Practise Customer Success Management on a simulated portfolio, aligned to the Cisco CSM exam (820-605).",
    long_about = "Practise Customer Success Management on a simulated portfolio, aligned to the Cisco CSM exam (820-605).\n\nWithout a command, opens the window on the built-in tutorial scenario (`csm-sim play` plays in a terminal).\nScenarios are RON files or built-in names: tutorial, sponsor-loss, quality-crisis, mixed-portfolio, large-portfolio, company-risk, expansion-advocacy, consumption-models."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The language the window, `play`, `quiz`, `exam`, `run`, `replay` and `coverage` speak: en, ja, … (else
    /// CSM_SIM_LANG, then the window's saved setting, then the system locale; English if none
    /// names one it has). The other commands are in English for now.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate scenarios and summarise them.
    Check(check::Args),
    /// Run a scenario to the end without interaction and print the results.
    Run(run::Args),
    /// Play a scenario interactively in the terminal.
    Play(play::Args),
    /// Re-run a saved session and confirm it reproduces the same outcome.
    Replay(replay::Args),
    /// Show which exam objectives the scenarios exercise and the rules watch.
    Coverage(coverage::Args),
    /// Run many seeds in parallel and report the spread of results.
    Batch(batch::Args),
    /// Compare playbooks (and doing nothing) side by side over the same seeds.
    Compare(compare::Args),
    /// Sit a timed mock exam drawn by the exam's domain weights, then review every answer.
    Exam(study::ExamArgs),
    /// Practise questions, missed ones first (spaced repetition), by domain or objective.
    Quiz(study::QuizArgs),
    /// The classroom: `class report` builds a class debrief from trainees' session files.
    Class(class::Args),
    /// Measure simulation speed and memory.
    Bench(bench::Args),
    /// List the built-in scenarios.
    Scenarios,
    /// Open the desktop window (on a scenario, if one is named).
    #[cfg(feature = "gui")]
    Gui {
        /// Scenario file or built-in name to select on the start screen.
        file: Option<String>,
        /// Start the scenario at once instead of showing the start screen.
        #[arg(long)]
        start: bool,
        /// Open a saved session.
        #[arg(long, conflicts_with_all = ["file", "start"])]
        resume: Option<std::path::PathBuf>,
        /// Open on practice questions (missed ones first).
        #[arg(long, conflicts_with_all = ["start", "resume", "exam"])]
        quiz: bool,
        /// Open on the timed mock exam.
        #[arg(long, conflicts_with_all = ["start", "resume"])]
        exam: bool,
    },
}

/// Runs the program; the exit code is 0 on success, 1 when a check fails, 2 on bad input.
/// A path in full, with its folder: a relative one says nothing about where the file is.
pub fn full_path(path: &std::path::Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

/// Sets the language: the flag, else the saved setting, else the environment. A flag naming a
/// language the program lacks is an error; a setting or a locale that does, is not (English).
fn choose_language(flag: Option<&str>) -> Result<(), crate::i18n::UnknownLanguage> {
    let saved = crate::settings::Settings::load().language;
    let chosen = crate::i18n::choose(flag, saved.as_deref(), |name| std::env::var(name).ok())?;
    crate::i18n::set_language(chosen.unwrap_or(crate::i18n::ENGLISH))
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    if let Err(e) = choose_language(cli.lang.as_deref()) {
        eprintln!("csm-sim: {e}");
        return ExitCode::from(2);
    }
    // Only the window, `play`, `quiz`, `exam`, `run`, `replay` and `coverage` are translated
    // yet; the others speak English rather than half of another language.
    let translated = match &cli.command {
        None
        | Some(
            Command::Play(_)
            | Command::Exam(_)
            | Command::Quiz(_)
            | Command::Run(_)
            | Command::Replay(_)
            | Command::Coverage(_),
        ) => true,
        #[cfg(feature = "gui")]
        Some(Command::Gui { .. }) => true,
        Some(_) => false,
    };
    if !translated {
        let _ = crate::i18n::set_language(crate::i18n::ENGLISH);
    }
    let result = match cli.command {
        // Without a command: the window on the built-in default scenario when the program
        // has one, the terminal run otherwise.
        #[cfg(feature = "gui")]
        None => crate::gui::run(None, false, None, None),
        #[cfg(not(feature = "gui"))]
        None => run::run_default(),
        Some(Command::Check(a)) => check::check(a),
        Some(Command::Run(a)) => run::run(a),
        Some(Command::Play(a)) => play::play(a),
        Some(Command::Replay(a)) => replay::replay(a),
        Some(Command::Batch(a)) => batch::batch(a),
        Some(Command::Coverage(a)) => coverage::coverage(a),
        Some(Command::Compare(a)) => compare::compare(a),
        Some(Command::Bench(a)) => bench::bench(a),
        Some(Command::Class(a)) => class::class(a),
        Some(Command::Exam(a)) => study::exam(a),
        Some(Command::Quiz(a)) => study::quiz(a),
        #[cfg(feature = "gui")]
        Some(Command::Gui {
            file,
            start,
            resume,
            quiz,
            exam,
        }) => {
            let study = match (quiz, exam) {
                (true, _) => Some(crate::gui::Study::Quiz),
                (_, true) => Some(crate::gui::Study::Exam),
                _ => None,
            };
            crate::gui::run(file.as_deref(), start, resume.as_deref(), study)
        }
        Some(Command::Scenarios) => list_scenarios()
            .map(|()| ExitCode::SUCCESS)
            .map_err(Into::into),
    };
    match result {
        Ok(code) => code,
        // Whoever read our output stopped reading: not an error worth a message.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn list_scenarios() -> std::io::Result<()> {
    for (name, text) in builtin::ALL {
        match Scenario::parse(name, text) {
            Ok(s) => outln!(
                "{name:<18} {:>2} quarters {:>6} customers  {}",
                s.quarters,
                s.customer_count(),
                s.title
            )?,
            Err(e) => outln!("{name:<18} (invalid: {e})")?,
        }
    }
    Ok(())
}

/// Loads a scenario by path or built-in name, or the default one.
pub(crate) fn load_scenario(spec: Option<&str>) -> anyhow::Result<Arc<Scenario>> {
    let spec = spec.unwrap_or(builtin::DEFAULT);
    Ok(Arc::new(Scenario::load(spec)?))
}
