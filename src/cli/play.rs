//! `csm-sim play`: an interactive terminal game for machines without a display. Reads one
//! command per line, so it can also be driven from a script.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::collections::BTreeSet;

use super::ask;
use super::format;
use crate::exam::checks::{self, Answer};
use crate::exam::study::{self, StudyRecord};
use crate::session::{Recorder, Session, SessionError};
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionTarget, CATALOGUE, PlannedAction};
use crate::sim::types::Band;
use crate::sim::view::CustomerView;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario file or built-in name (default: the tutorial).
    file: Option<String>,
    /// Random seed (default: the scenario's own).
    #[arg(long)]
    seed: Option<u64>,
    /// Resume a saved session instead of starting a scenario.
    #[arg(long, conflicts_with_all = ["file", "seed"])]
    resume: Option<PathBuf>,
    /// Join a class at this address (HOST:PORT, as the instructor's server printed): play
    /// its scenario and seed, and sync with it at every quarter's end.
    #[arg(long, conflicts_with_all = ["file", "seed", "resume"], requires_all = ["code", "name"])]
    join: Option<String>,
    /// The class's join code.
    #[arg(long, requires = "join")]
    code: Option<String>,
    /// Your name (or your team's) in the class.
    #[arg(long, requires = "join")]
    name: Option<String>,
    /// Sit down again at a seat that exists (yours on another machine, or your team's when
    /// you take over from a teammate): its secret, from the seat's session file or the
    /// teammate. The game carries on from the seat's last upload.
    #[arg(long, requires = "join")]
    secret: Option<String>,
    /// For a team: a member playing at this machine (repeat for several).
    #[arg(long, requires = "join")]
    member: Vec<String>,
    /// Where `save` writes and every quarter end autosaves (default: the resumed file, or
    /// for a new game `csm-SCENARIO.ron` here, numbered so that no other session is
    /// overwritten). Naming an existing file overwrites it.
    #[arg(long)]
    save: Option<PathBuf>,
    /// The study record knowledge-check answers go into (default: see `csm-sim quiz --help`).
    #[arg(long)]
    study: Option<PathBuf>,
}

const HELP: &str = "Commands:
  portfolio [risk|renewing|SEGMENT]   the customers (p); filter by red/yellow health, renewal within 2 quarters, or segment (id or name)
            [by health|arr|renewal]   and sort: lowest health, largest ARR or soonest renewal first
  show CUSTOMER                       one customer in detail (s); CUSTOMER is its id or name (any case) or #number
  actions [CUSTOMER|SEGMENT|ACTION]   the action catalogue with costs, whether each can be planned for a target, or one action in full (a)
  do ACTION CUSTOMER|SEGMENT          plan an action for this quarter
  undo N                              remove planned action N
  plan                                the actions planned this quarter and the hours left
                                      (`plan ACTION CUSTOMER` plans one, as `do` does)
  outcome CUSTOMER OUTCOME            write the business outcome the customer's success plan aims at
                                      (`outcome` alone lists them; `show CUSTOMER` says what you know)
  usecase CUSTOMER USE_CASE           write the use case the customer's success plan targets first
                                      (`usecase` alone lists them; the champion tells it in a conversation or site visit)
  read CUSTOMER DRIVER                say what drove a customer's health down last quarter: usage,
                                      quality, sentiment or finances (1 hour; judged when the quarter ends)
  hand CUSTOMER TEAM                  hand the customer's inbound request to support, services or
                                      account-manager (frees the hours it would take; 1.4)
  end                                 end the quarter and see what happened (autosaves)
  log [QUARTER]                       what happened in a quarter (default: the last one)
  coach [on|off]                      what deserves attention this quarter and is not planned yet;
                                      `coach on` lists it at every quarter's start (off in a class)
  save [FILE]                         save the session
  ranking                             in a class: the class ranking, once the instructor opens it
  help                                this text (h, ?)
  quit                                save and leave (q)";

pub fn play(args: Args) -> anyhow::Result<ExitCode> {
    let (mut rec, save_path) = match &args.resume {
        Some(path) => {
            let session = Session::load(path)?;
            // Verified as `replay` does: an edited session is refused, not saved afresh.
            let rec = match session.verify(&path.display().to_string()) {
                Ok(rec) => rec,
                Err(e @ SessionError::Mismatch { .. }) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e.into()),
            };
            outln!(
                "Resumed {} at quarter {} with {} actions replayed.",
                path.display(),
                rec.sim.clock().quarter.min(rec.sim.clock().quarters),
                rec.actions.len()
            )?;
            (rec, args.save.clone().unwrap_or_else(|| path.clone()))
        }
        None if args.join.is_some() => {
            let address = args.join.clone().unwrap_or_default();
            let (code, name) = (
                args.code.clone().unwrap_or_default(),
                args.name.clone().unwrap_or_default(),
            );
            let joined = crate::class::client::join_with(
                &address,
                &code,
                &name,
                args.secret.as_deref(),
                &args.member,
            )
            .map_err(anyhow::Error::msg)?;
            let scenario = std::sync::Arc::new(crate::scenario::Scenario::parse(
                "the class's scenario",
                &joined.scenario_source,
            )?);
            let save = args
                .save
                .clone()
                .unwrap_or_else(|| fresh_path(Path::new(""), &joined.save_stem(&scenario.id)));
            // Taking over a seat carries on from its last verified upload.
            let mut rec = match &joined.session {
                Some(text) => Session::parse("the seat's last upload", text)
                    .and_then(|s| s.verify("the seat's last upload"))?,
                None => Recorder::new(scenario, joined.seed),
            };
            rec.class = Some(joined.seat_at(&address));
            // A class plays under exam conditions: no coach.
            rec.coach = false;
            outln!(
                "Joined the class as \"{}\" (seat {}). Your game is saved in {} and synced with the class at each quarter's end.",
                joined.name,
                joined.seat,
                save.display()
            )?;
            (rec, save)
        }
        None => {
            let scenario = super::load_scenario(args.file.as_deref())?;
            let seed = args.seed.unwrap_or(scenario.seed);
            let save = args
                .save
                .clone()
                .unwrap_or_else(|| fresh_path(Path::new(""), &scenario.id));
            (Recorder::new(scenario, seed), save)
        }
    };
    let mut out = std::io::stdout();
    match play_loop(&mut rec, &save_path, &args, &mut out) {
        Ok(code) => Ok(code),
        Err(e) => {
            // Whatever ended the game (a closed output, a failed read), keep the work.
            match rec.to_session().save(&save_path) {
                Ok(()) => eprintln!(
                    "csm-sim: the game stopped ({e:#}); it was saved to {} first",
                    save_path.display()
                ),
                Err(se) => {
                    eprintln!("csm-sim: the game stopped ({e:#}) and could not be saved: {se}")
                }
            }
            Err(e)
        }
    }
}

fn play_loop(
    rec: &mut Recorder,
    save_path: &Path,
    args: &Args,
    out: &mut std::io::Stdout,
) -> anyhow::Result<ExitCode> {
    let mut out = out;
    intro(&rec.sim, &mut out)?;
    status(&rec.sim, &mut out)?;
    if rec.coach {
        coach(rec, Some(COACH_LINES), &mut out)?;
    }
    // Lines that are not UTF-8 are read lossily: they are then just commands not understood.
    let mut lines = ask::Commands::new();
    let mut study = Study::open(
        args.study.clone().unwrap_or_else(study::default_path),
        &mut out,
    )?;
    loop {
        if rec.sim.finished() {
            writeln!(out, "\nThe scenario is over.")?;
            let summary = rec.sim.summary();
            write!(out, "{}", format::totals(&summary))?;
            let readiness = crate::exam::score::readiness(&rec.judge.judgements, &rec.answers);
            writeln!(out, "Exam readiness {:.1} %", readiness.overall * 100.0)?;
            if !rec.coached.is_empty() {
                writeln!(
                    out,
                    "{}",
                    crate::exam::debrief::coached_line(&rec.coached, rec.sim.clock().quarters)
                )?;
            }
            for d in &readiness.domains {
                writeln!(out, "  {} {}: {}", d.id, d.title, d.describe())?;
            }
            if !readiness.study_next.is_empty() {
                writeln!(out, "Study next:")?;
                for s in readiness.study_next.iter().take(3) {
                    writeln!(
                        out,
                        "  {} {} — `csm-sim quiz --objective {}`",
                        s.id, s.title, s.id
                    )?;
                }
            }
            let saved = save(rec, save_path, &mut out)?;
            // The debrief goes beside the session: my-session.ron → my-session-debrief.html.
            let stem = save_path.with_extension("");
            let debrief = stem.with_file_name(format!(
                "{}-debrief",
                stem.file_name()
                    .map_or("csm-session".into(), |n| n.to_string_lossy())
            ));
            match super::run::write_debrief(
                &rec.sim,
                &rec.judge,
                &rec.answers,
                &rec.coached,
                &debrief,
            ) {
                Ok((html, json)) => writeln!(
                    out,
                    "Debrief written to {} (open it in a browser) and {}.",
                    std::path::absolute(&html).unwrap_or(html).display(),
                    std::path::absolute(&json).unwrap_or(json).display()
                )?,
                Err(e) => writeln!(out, "Could not write the debrief: {e:#}")?,
            }
            return Ok(if saved {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        let prompt = format!("Q{}> ", rec.sim.clock().quarter);
        let Some(line) = lines.read(&prompt, &mut out) else {
            // End of input: keep the work; a save that failed is an error.
            writeln!(out)?;
            return leave(rec, save_path, &mut out);
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some((&cmd, rest)) = words.split_first() else {
            continue;
        };
        match cmd {
            "help" | "h" | "?" => writeln!(out, "{HELP}")?,
            "portfolio" | "p" => portfolio(&rec.sim, rest, &mut out)?,
            "show" | "s" => {
                // A name may have spaces, and may come in quotes.
                let who = rest.join(" ");
                match find_customer(&rec.sim, who.trim_matches('"')) {
                    Some(c) => show(&rec.sim, &c, &mut out)?,
                    None => writeln!(
                        out,
                        "Which customer? Give its id or name (see `portfolio`) or #number.{}",
                        did_you_mean(&customer_suggestions(&rec.sim, who.trim_matches('"')))
                    )?,
                }
            }
            "actions" | "a" => actions(&rec.sim, rest.first().copied(), &mut out)?,
            // `plan ACTION TARGET` reads as planning an action, so it does what `do` does.
            "do" | "d" | "plan" if !rest.is_empty() => match rest {
                [action, target] => plan(&mut rec.sim, action, target, &mut out)?,
                _ => writeln!(
                    out,
                    "Usage: do ACTION CUSTOMER|SEGMENT (see `actions` for ids)"
                )?,
            },
            "undo" | "u" => match rest.first().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => match rec.sim.unplan(n - 1) {
                    Ok(p) => writeln!(out, "Removed {}.", p.action.spec().name)?,
                    Err(crate::sim::actions::Blocker::NotPlanned) => {
                        writeln!(out, "There is no planned action {n}.")?
                    }
                    Err(b) => writeln!(out, "Cannot remove it: {}.", b.explain())?,
                },
                _ => writeln!(out, "Usage: undo N, where N is the number shown by `plan`")?,
            },
            "do" | "d" => writeln!(
                out,
                "Usage: do ACTION CUSTOMER|SEGMENT (see `actions` for ids)"
            )?,
            "plan" => show_plan(&rec.sim, &mut out)?,
            "outcome" | "o" => write_outcome(rec, rest, &mut out)?,
            "usecase" | "use-case" => write_use_case(rec, rest, &mut out)?,
            "read" => read_health(rec, rest, &mut out)?,
            "hand" => hand_request(&mut rec.sim, rest, &mut out)?,
            "ranking" => match &rec.class {
                None => writeln!(out, "This game is not played in a class.")?,
                Some(seat) => match crate::class::client::ranking(seat) {
                    Ok(rows) => {
                        writeln!(
                            out,
                            "{:>4} {:<30} {:>7} {:>8} {:>10} {:>10}",
                            "#", "seat", "quarter", "NRR", "readiness", "scorecard"
                        )?;
                        for r in rows {
                            writeln!(
                                out,
                                "{:>4} {} {:>7} {:>7.1}% {:>9.1}% {:>9.1}%",
                                r.rank,
                                format::fit(&r.name, 30),
                                r.quarter,
                                r.nrr * 100.0,
                                r.readiness * 100.0,
                                r.scorecard * 100.0
                            )?;
                        }
                    }
                    Err(e) => writeln!(out, "No ranking: {e}")?,
                },
            },
            "end" | "e" => {
                let q = rec.sim.clock().quarter;
                if held(rec, q, &mut out)? {
                    continue;
                }
                rec.end_quarter();
                quarter_report(rec, q, &mut out)?;
                knowledge_checks(rec, q, &mut study, &mut lines, &mut out)?;
                // A failed autosave does not end the game: it says so, and `save FILE` can
                // put the work elsewhere.
                save(rec, save_path, &mut out)?;
                sync_class(rec, &mut out)?;
                if !rec.sim.finished() {
                    status(&rec.sim, &mut out)?;
                    if rec.coach {
                        coach(rec, Some(COACH_LINES), &mut out)?;
                    }
                }
            }
            "coach" => match rest {
                [] | ["on"] if !rec.coach_allowed() => writeln!(
                    out,
                    "The coach stays off in a class session: the class plays under exam conditions."
                )?,
                [] => coach(rec, None, &mut out)?,
                ["on"] => {
                    rec.coach = true;
                    writeln!(
                        out,
                        "The coach is on: it lists what deserves attention at each quarter's start, and the debrief will say it helped."
                    )?;
                    coach(rec, Some(COACH_LINES), &mut out)?;
                }
                ["off"] => {
                    rec.coach = false;
                    writeln!(
                        out,
                        "The coach is off. `coach` still shows its list when asked, and a quarter in which it was shown counts as coached in the debrief."
                    )?;
                }
                _ => writeln!(out, "Usage: coach [on|off]")?,
            },
            "log" | "l" => {
                let last = rec.sim.clock().quarter.saturating_sub(1).max(1);
                let q = rest.first().and_then(|w| w.parse().ok()).unwrap_or(last);
                quarter_report(rec, q, &mut out)?;
            }
            "save" => {
                let path = rest.first().map_or(save_path.to_path_buf(), PathBuf::from);
                save(rec, &path, &mut out)?;
            }
            "quit" | "q" | "exit" => return leave(rec, save_path, &mut out),
            other => writeln!(
                out,
                "Unknown command \"{other}\".{} Type `help` for the list.",
                did_you_mean(&closest(other, COMMANDS.iter().copied()))
            )?,
        }
    }
}

/// `outcome CUSTOMER OUTCOME`: writes what the customer's success plan aims at (2.3).
fn write_outcome(rec: &mut Recorder, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    use crate::sim::customer::BusinessOutcome;
    let list = |out: &mut dyn Write| -> std::io::Result<()> {
        writeln!(
            out,
            "Business outcomes a success plan can aim at (2.3, 2.10):"
        )?;
        for o in BusinessOutcome::ALL {
            writeln!(out, "  {:<20} {}", o.id(), o.label())?;
        }
        Ok(())
    };
    match rest {
        [who, what] => {
            let Some(c) = customer_named(&rec.sim, who, out)? else {
                return Ok(());
            };
            let Some(outcome) = BusinessOutcome::from_id(what) else {
                writeln!(out, "No business outcome \"{what}\".")?;
                list(out)?;
                return Ok(());
            };
            match rec.write_plan_outcome(c.id, outcome) {
                Ok(()) => writeln!(
                    out,
                    "The success plan of {} now aims at: {}, measured by {}. Building the plan keeps it; a review with the sponsor validates it or puts it right.",
                    c.name,
                    outcome.label(),
                    outcome.kpi()
                )?,
                Err(b) => writeln!(out, "Cannot write it: {}.", b.explain())?,
            }
        }
        _ => {
            writeln!(out, "Usage: outcome CUSTOMER OUTCOME")?;
            list(out)?;
        }
    }
    Ok(())
}

/// `usecase CUSTOMER USE_CASE`: writes the use case the customer's success plan targets
/// first (2.8).
fn write_use_case(rec: &mut Recorder, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    use crate::sim::customer::UseCase;
    let list = |out: &mut dyn Write| -> std::io::Result<()> {
        writeln!(out, "Use cases a success plan can target first (2.8):")?;
        for u in UseCase::ALL {
            writeln!(out, "  {:<20} {}", u.id(), u.label())?;
        }
        Ok(())
    };
    match rest {
        [who, what] => {
            let Some(c) = customer_named(&rec.sim, who, out)? else {
                return Ok(());
            };
            let Some(use_case) = UseCase::from_id(what) else {
                writeln!(out, "No use case \"{what}\".")?;
                list(out)?;
                return Ok(());
            };
            match rec.write_plan_use_case(c.id, use_case) {
                Ok(()) => writeln!(
                    out,
                    "The success plan of {} now targets first: {}. Building the plan keeps it; once the champion has named the use case, a review of the plan puts it right.",
                    c.name,
                    use_case.label(),
                )?,
                Err(b) => writeln!(out, "Cannot write it: {}.", b.explain())?,
            }
        }
        _ => {
            writeln!(out, "Usage: usecase CUSTOMER USE_CASE")?;
            list(out)?;
        }
    }
    Ok(())
}

/// `hand CUSTOMER TEAM`: hands a customer's inbound request to a team (1.4).
fn hand_request(sim: &mut Simulation, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    let usage = "Usage: hand CUSTOMER TEAM, where TEAM is support, services or account-manager: who answers the customer's inbound request (1.4)";
    let [who @ .., team] = rest else {
        writeln!(out, "{usage}")?;
        return Ok(());
    };
    if who.is_empty() {
        writeln!(out, "{usage}")?;
        return Ok(());
    }
    let action = match team.to_lowercase().as_str() {
        "support" => ActionKind::HandToSupport,
        "services" | "partner" => ActionKind::HandToServices,
        "account-manager" | "account_manager" | "am" | "sales" => ActionKind::HandToAccountManager,
        _ => {
            writeln!(out, "No team \"{team}\". {usage}")?;
            return Ok(());
        }
    };
    let who = who.join(" ");
    let Some(c) = customer_named(sim, who.trim_matches('"'), out)? else {
        return Ok(());
    };
    let freed = c.request.map_or(0.0, |r| r.hours);
    match sim.plan(PlannedAction {
        action,
        target: ActionTarget::Customer(c.id),
    }) {
        Ok(h) => writeln!(
            out,
            "Planned: {} for {} ({h:.1} h; it frees the {freed:.1} h the request would take). {:.1} hours left.",
            action.spec().name.to_lowercase(),
            c.name,
            sim.budget().left()
        )?,
        Err(b) => writeln!(out, "Cannot hand it on: {}.", b.explain())?,
    }
    Ok(())
}

/// `read CUSTOMER DRIVER`: says what drives a customer's health decline (2.6).
fn read_health(rec: &mut Recorder, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    use crate::sim::types::HealthDriver;
    let usage = "Usage: read CUSTOMER DRIVER, where DRIVER is usage, quality, sentiment or finances (2.6.a–d): what drove the customer's health score down last quarter";
    let [who, what] = rest else {
        writeln!(out, "{usage}")?;
        return Ok(());
    };
    let Some(c) = customer_named(&rec.sim, who, out)? else {
        return Ok(());
    };
    let Some(driver) = HealthDriver::from_id(what) else {
        writeln!(out, "No driver \"{what}\". {usage}")?;
        return Ok(());
    };
    match rec.sim.read_health(c.id, driver) {
        Ok(hours) => writeln!(
            out,
            "You read the decline of {} as {} ({}){}. It is checked against the dashboard when the quarter ends; a right reading points you at what is behind it.",
            c.name,
            driver.id(),
            driver.objective(),
            if hours > 0.0 {
                format!(", {hours:.0} hour")
            } else {
                ", in place of your earlier reading".to_owned()
            }
        )?,
        Err(b) => writeln!(out, "Cannot read it: {}.", b.explain())?,
    }
    Ok(())
}

/// Poses the scenario's knowledge-check questions about quarter `q` and records the answers
/// in the session and in the study record (when one can be kept).
fn knowledge_checks(
    rec: &mut Recorder,
    q: u16,
    study: &mut Study,
    lines: &mut impl Iterator<Item = String>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let n = usize::from(rec.sim.scenario().knowledge_checks);
    if n == 0 {
        return Ok(());
    }
    let asked: BTreeSet<String> = rec.answers.iter().map(|a| a.question.clone()).collect();
    let questions = checks::pick(&rec.sim, &rec.judge, q, &asked, n);
    let strings = lines;
    for (k, question) in questions.iter().enumerate() {
        // Shown shuffled; `order[shown]` is the index in the bank.
        let order = checks::presentation_order(rec.sim.seed(), question);
        let heading = format!(
            "Knowledge check {} of {} [{}]:",
            k + 1,
            questions.len(),
            question.objectives.join(", ")
        );
        let reply = ask::pose(question, &order, &heading, &mut String::new, strings, out)?;
        let chosen = match reply {
            ask::Reply::Chosen(c) => c,
            ask::Reply::Skip => continue,
            ask::Reply::Quit | ask::Reply::End => break,
        };
        let right = ask::feedback(question, &order, &chosen, out)?;
        rec.answers.push(Answer::new(q, &question.id, &chosen));
        study.answered(&question.id, right, out)?;
    }
    Ok(())
}

/// The study record knowledge checks feed, saved after each answer; a record that cannot
/// be read is left alone (and said so once).
pub(crate) struct Study {
    path: std::path::PathBuf,
    record: Option<StudyRecord>,
}

impl Study {
    pub(crate) fn open(path: std::path::PathBuf, out: &mut impl Write) -> std::io::Result<Study> {
        let record = match StudyRecord::load(&path) {
            Ok(r) => Some(r),
            Err(e) => {
                writeln!(out, "Answers will not go into your study record: {e}")?;
                None
            }
        };
        Ok(Study { path, record })
    }

    fn answered(
        &mut self,
        question: &str,
        right: bool,
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        if let Some(r) = &mut self.record {
            r.answered(question, right, study::today());
            if let Err(e) = r.save(&self.path) {
                writeln!(out, "Could not update the study record: {e}")?;
            }
        }
        Ok(())
    }
}

/// Saves, saying where or why not; returns whether it worked (the previous save is kept
/// when it did not).
fn save(rec: &Recorder, path: &Path, out: &mut impl Write) -> anyhow::Result<bool> {
    match rec.to_session().save(path) {
        Ok(()) => {
            writeln!(
                out,
                "Saved to {} (resume with `csm-sim play --resume {}`).",
                path.display(),
                path.display()
            )?;
            Ok(true)
        }
        Err(e) => {
            writeln!(
                out,
                "Could not save: {e}. The previous save, if any, is kept. Try `save OTHER-FILE`."
            )?;
            Ok(false)
        }
    }
}

/// In a class: whether the instructor holds it at quarter `q` (then it says so), with the
/// instructor's message and any barriers just injected.
fn held(rec: &mut Recorder, q: u16, out: &mut impl Write) -> anyhow::Result<bool> {
    let Ok(before) = crate::class::client::before_end(rec, q) else {
        return Ok(false);
    };
    if let Some(m) = &before.message {
        writeln!(out, "Message from the instructor: {m}")?;
    }
    for n in &before.news {
        writeln!(out, "News from the class: {n}")?;
    }
    if let Some(h) = before.held {
        writeln!(
            out,
            "The instructor holds the class at quarter {h}: wait for the release (your plan is kept), then `end` again."
        )?;
        return Ok(true);
    }
    Ok(false)
}

/// In a class: uploads the session; a failure is said and retried at the next sync.
fn sync_class(rec: &Recorder, out: &mut impl Write) -> anyhow::Result<()> {
    match crate::class::client::after_end(rec) {
        None => {}
        Some(Ok(r)) => {
            writeln!(out, "Synced with the class (quarter {}).", r.quarter)?;
            if let Some(m) = &r.status.message {
                writeln!(out, "Message from the instructor: {m}")?;
            }
        }
        Some(Err(e)) => writeln!(
            out,
            "Not synced with the class: {e}. Your game is saved here and goes to the class at the next quarter's end."
        )?,
    }
    Ok(())
}

/// Saves and leaves: exit 0 when saved, 1 when the save failed.
fn leave(rec: &Recorder, path: &Path, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    sync_class(rec, out)?;
    if save(rec, path, out)? {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "csm-sim: the session could not be saved to {}; leaving with the work unsaved",
            path.display()
        );
        Ok(ExitCode::from(1))
    }
}

/// A file for a new session of `scenario` in `dir` that does not overwrite another:
/// `csm-ID.ron`, else `csm-ID-2.ron`, `csm-ID-3.ron`, …
pub fn fresh_path(dir: &Path, scenario: &str) -> PathBuf {
    let name = |n: u32| {
        if n == 1 {
            format!("csm-{scenario}.ron")
        } else {
            format!("csm-{scenario}-{n}.ron")
        }
    };
    (1..)
        .map(|n| dir.join(name(n)))
        .find(|p| !p.exists())
        .expect("some number is free")
}

/// How many of the coach's notes the start of a quarter shows.
const COACH_LINES: usize = 6;

/// The coach's list (issue 12): at most `limit` notes, or all of them.
fn coach(rec: &mut Recorder, limit: Option<usize>, out: &mut impl Write) -> std::io::Result<()> {
    // None in a class or once the scenario is over.
    let Some(coaching) = rec.coaching() else {
        return Ok(());
    };
    if coaching.is_empty() {
        return writeln!(
            out,
            "Coach: nothing is waiting that your plan does not already touch."
        );
    }
    writeln!(
        out,
        "Coach — what deserves attention this quarter and is not in your plan yet:"
    )?;
    // One line a customer, in the order of its most pressing note.
    let lines = coaching.by_customer();
    let shown = limit.unwrap_or(usize::MAX).min(lines.len());
    for (n, said) in &lines[..shown] {
        writeln!(
            out,
            "  {} ({}, {}): {}",
            n.name,
            n.key,
            format::money(n.arr),
            said.join("; ")
        )?;
    }
    if lines.len() > shown {
        writeln!(
            out,
            "  … and {} more: `coach` lists them all",
            format::count((lines.len() - shown) as u64, "customer", "customers")
        )?;
    }
    if let Some(line) = coaching.digital_line() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn intro(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    let s = sim.scenario();
    writeln!(out, "{} ({:?})", s.title, s.difficulty)?;
    if !s.description.is_empty() {
        writeln!(out, "{}", s.description)?;
    }
    if !s.learning_objectives.is_empty() {
        writeln!(
            out,
            "Exam objectives practised: {}",
            s.learning_objectives.join(", ")
        )?;
    }
    writeln!(
        out,
        "{}, {}, {:.0} CSM hours a quarter. Type `help` for commands.",
        format::count(s.quarters, "quarter", "quarters"),
        format::count(s.customer_count(), "customer", "customers"),
        s.capacity_hours
    )
}

fn status(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    let m = sim.metrics();
    let c = sim.clock();
    if sim.finished() {
        // A finished game resumed: no quarter to play, nothing to renew, no hours.
        return writeln!(
            out,
            "\n— All {} quarters played — ARR {}   GRR {}   NRR {}",
            c.quarters,
            format::money(m.quarter_start_arr),
            format::pct(m.grr()),
            format::pct(m.nrr())
        );
    }
    let q = c.q();
    let mut atr = 0;
    sim.each_customer(|cu| {
        if cu.contract.renewal_quarter == q
            && cu.lifecycle.stage != crate::sim::types::Stage::Churned
        {
            atr += cu.contract.arr;
        }
    });
    writeln!(
        out,
        "\n— Quarter {} of {} — ARR {}   ATR this quarter {}   GRR {}   NRR {}   hours left {:.1} of {:.0}",
        c.quarter,
        c.quarters,
        format::money(m.quarter_start_arr),
        format::money(atr),
        format::pct(m.grr()),
        format::pct(m.nrr()),
        sim.budget().left(),
        sim.budget().capacity
    )?;
    // The inbound requests waiting for a decision (1.4).
    let mut waiting = Vec::new();
    sim.each_customer(|cu| {
        if let Some(r) = cu.engagement.open_request(q) {
            waiting.push((cu.id.0, cu.profile.key.clone(), r));
        }
    });
    waiting.retain(|(id, _, _)| sim.handed_on(*id).is_none());
    if !waiting.is_empty() {
        let reserved: f32 = waiting.iter().map(|w| w.2.hours).sum();
        let shown: Vec<String> = waiting
            .iter()
            .take(8)
            .map(|(_, k, r)| format!("{k} ({}, {:.1} h)", r.kind.short(), r.hours))
            .collect();
        writeln!(
            out,
            "Inbound requests take {reserved:.1} of your hours unless handed on: {}{}. Hand each to the team that answers it (`hand CUSTOMER support|services|account-manager`) or keep it (1.4).",
            shown.join(", "),
            if waiting.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        )?;
    }
    // The declines of last quarter, each a question of what drives it (2.6).
    let mut fell = Vec::new();
    sim.each_customer(|cu| {
        if crate::sim::view::decline_to_read(cu, q) {
            fell.push((cu.profile.key.clone(), cu.health.score - cu.health.previous));
        }
    });
    if !fell.is_empty() {
        fell.sort_by(|a, b| a.1.total_cmp(&b.1));
        let shown: Vec<String> = fell
            .iter()
            .take(8)
            .map(|(k, d)| format!("{k} ({d:+.0})"))
            .collect();
        writeln!(
            out,
            "Health fell last quarter at {}: {}{}. What drives each decline? `show CUSTOMER`, then `read CUSTOMER usage|quality|sentiment|finances` (2.6).",
            format::count(fell.len() as u64, "customer", "customers"),
            shown.join(", "),
            if fell.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        )?;
    }
    Ok(())
}

fn band_word(b: Band) -> &'static str {
    match b {
        Band::Red => "RED",
        Band::Yellow => "yellow",
        Band::Green => "green",
    }
}

/// The customer a command names, or a line saying there is none.
fn customer_named(
    sim: &Simulation,
    who: &str,
    out: &mut impl Write,
) -> std::io::Result<Option<CustomerView>> {
    let found = find_customer(sim, who);
    if found.is_none() {
        writeln!(
            out,
            "No customer \"{who}\". Give its id (see `portfolio`) or #number.{}",
            did_you_mean(&customer_suggestions(sim, who))
        )?;
    }
    Ok(found)
}

/// The commands `play` knows, for suggestions on a miss.
const COMMANDS: &[&str] = &[
    "portfolio",
    "show",
    "actions",
    "do",
    "undo",
    "plan",
    "outcome",
    "usecase",
    "read",
    "hand",
    "end",
    "log",
    "save",
    "ranking",
    "help",
    "quit",
];

/// The candidates most like a mistyped word (any case), best first: at most three, each at
/// least 0.8 alike by Jaro–Winkler similarity.
fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, String)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c.to_owned()))
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// The customers whose id or name is most like a word that matched none.
fn customer_suggestions(sim: &Simulation, word: &str) -> Vec<String> {
    let mut keys = Vec::new();
    sim.each_customer(|c| {
        keys.push(c.profile.key.clone());
        keys.push(c.profile.name.clone());
    });
    closest(word, keys.iter().map(String::as_str))
}

/// " Did you mean a, b?" for a list of suggestions, or nothing.
fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        format!(" Did you mean {}?", quoted.join(" or "))
    }
}

/// The customer a word names: `#number`, its id exactly, or else its id or name in any
/// case (if only one customer has it).
fn find_customer(sim: &Simulation, word: &str) -> Option<CustomerView> {
    if let Some(n) = word.strip_prefix('#') {
        return n.parse().ok().and_then(|id| sim.customer(id));
    }
    if let Some(c) = sim.find_customer(word).and_then(|id| sim.customer(id)) {
        return Some(c);
    }
    let wanted = word.to_lowercase();
    let (mut found, _) = sim.customers_where(
        |c| c.key.to_lowercase() == wanted || c.name.to_lowercase() == wanted,
        2,
    );
    if found.len() == 1 { found.pop() } else { None }
}

fn portfolio(sim: &Simulation, words: &[&str], out: &mut impl Write) -> std::io::Result<()> {
    // `portfolio [FILTER] [by KEY]`.
    let (filter, order) = match words {
        [] => (None, None),
        ["by", key] => (None, Some(*key)),
        [f] => (Some(*f), None),
        [f, "by", key] => (Some(*f), Some(*key)),
        _ => {
            return writeln!(
                out,
                "Usage: portfolio [risk|renewing|SEGMENT] [by health|arr|renewal]"
            );
        }
    };
    let key: Option<fn(&crate::sim::view::CustomerView) -> i64> = match order {
        None => None,
        Some(k) if k.eq_ignore_ascii_case("health") => {
            Some(|c| (c.health_shown() * 100.0).round() as i64)
        }
        Some(k) if k.eq_ignore_ascii_case("arr") => Some(|c| -c.arr),
        Some(k) if k.eq_ignore_ascii_case("renewal") => Some(|c| i64::from(c.renewal_quarter)),
        Some(k) => {
            return writeln!(
                out,
                "Cannot sort by \"{k}\": sort by health (lowest first), arr (largest first) or renewal (soonest first)."
            );
        }
    };
    let q = sim.clock().q();
    // A segment by its id or its name, in any case.
    let segments = &sim.scenario().segments;
    let segment = filter.and_then(|f| {
        segments
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(f) || s.name.eq_ignore_ascii_case(f))
    });
    if let Some(f) = filter
        && !matches!(f, "risk" | "renewing")
        && segment.is_none()
    {
        let names: Vec<String> = segments
            .iter()
            .map(|s| format!("{} ({})", s.id, s.name))
            .collect();
        return writeln!(
            out,
            "No filter or segment \"{f}\". Use `portfolio risk` (red or yellow health), `portfolio renewing` (renewal within 2 quarters) or a segment: {}.",
            names.join(", ")
        );
    }
    let keep = |c: &crate::sim::view::CustomerView| match (filter, segment) {
        (_, Some(seg)) => c.segment == seg.id,
        (Some("risk"), _) => c.active && c.health_band != Band::Green,
        (Some("renewing"), _) => c.active && (0..=2).contains(&(c.renewal_quarter - q)),
        _ => true,
    };
    let (rows, total) = match key {
        Some(key) => sim.customers_sorted_where(keep, key, 200),
        None => sim.customers_where(keep, 200),
    };
    if rows.is_empty() {
        return writeln!(out, "No customer matches.");
    }
    writeln!(
        out,
        "{:>5} {:<18} {:<28} {:<10} {:<8} {:>12} {:<13} {:>5} {:>12}  known barriers",
        "#", "id", "name", "segment", "touch", "ARR", "stage", "renew", "health"
    )?;
    let shown = rows.len();
    for c in &rows {
        let barriers: Vec<&str> = c.known_barriers.iter().map(|b| b.kind.label()).collect();
        writeln!(
            out,
            "{:>5} {} {} {} {:<8} {:>12} {:<13} {:>5} {:>5.0} {:<6}  {}",
            c.id,
            format::fit(&c.key, 18),
            format::fit(&c.name, 28),
            format::fit(&c.segment, 10),
            c.touch.label(),
            format::money(c.arr),
            c.stage.label(),
            format!("Q{}", c.renewal_quarter),
            c.health_shown(),
            band_word(c.health_band),
            if barriers.is_empty() {
                "-".to_owned()
            } else {
                barriers.join(", ")
            }
        )?;
    }
    if total > shown {
        writeln!(
            out,
            "… and {} more; filter with `portfolio risk`, `portfolio renewing` or a segment id.",
            total - shown
        )?;
    }
    Ok(())
}

fn show(sim: &Simulation, c: &CustomerView, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "#{} {} ({}) — {}, {:?}, {} touch, segment {}",
        c.id,
        c.name,
        c.key,
        if c.industry.is_empty() {
            "-"
        } else {
            &c.industry
        },
        c.size,
        c.touch.label(),
        c.segment
    )?;
    writeln!(
        out,
        "Contract: {} ARR ({} MRR), {} licences, {}, products: {}; renews at the end of Q{}{}",
        format::money(c.arr),
        format::money(c.mrr.round() as i64),
        c.licences,
        c.model.label(),
        c.products.join(", "),
        c.renewal_quarter,
        if c.auto_renew { " (auto-renew)" } else { "" }
    )?;
    writeln!(
        out,
        "Lifecycle: {} for {}; deployment {:.0} %; {} achieved; time to value {}",
        c.stage.label(),
        format::count(c.quarters_in_stage, "quarter", "quarters"),
        c.deployment * 100.0,
        format::count(c.outcomes_achieved, "business outcome", "business outcomes"),
        c.time_to_value
            .map_or("not yet".to_owned(), |t| format::count(
                t, "quarter", "quarters"
            ))
    )?;
    writeln!(
        out,
        "Health: {:.0} ({}) — by component:",
        c.health_shown(),
        band_word(c.health_band)
    )?;
    for ((name, score), (_, before)) in c.health_components.iter().zip(&c.health_components_before)
    {
        writeln!(
            out,
            "    {name:<11} {score:>5.0}   a quarter ago {before:>3.0}"
        )?;
    }
    if let Some(r) = c.request {
        match sim.handed_on(c.id) {
            Some(a) => writeln!(
                out,
                "Inbound request: {} — handed to {} this quarter (1.4).",
                r.kind.label(),
                crate::sim::requests::team_of(a).map_or("", |t| t.label())
            )?,
            None => writeln!(
                out,
                "Inbound request: {}{}; it takes {:.1} h of your quarter unless you hand it on: `hand {} support|services|account-manager` (1.4).",
                r.kind.label(),
                if r.bounces > 0 {
                    format!(
                        " (it came back from the wrong team {})",
                        format::count(r.bounces, "time", "times")
                    )
                } else {
                    String::new()
                },
                r.hours,
                c.key
            )?,
        }
    }
    if c.health_declined {
        match c.health_reading {
            Some(d) => writeln!(
                out,
                "  The score fell from {:.0}. You read the decline as {}; it is checked when the quarter ends (2.6).",
                c.health_previous,
                d.id()
            )?,
            None => writeln!(
                out,
                "  The score fell from {:.0}. What drives the decline? `read {} usage|quality|sentiment|finances` (2.6, 1 hour)",
                c.health_previous, c.key
            )?,
        }
    }
    let s = &c.signals;
    writeln!(
        out,
        "Signals (last quarter, measured): utilisation {:.0} % ({} active users), features {}/{}, open quality issues {}, tickets {}, CSAT {:.1}, NPS {:.0}, financial health {:.0} %",
        s.utilisation * 100.0,
        c.active_users,
        s.features_in_use,
        s.features_total,
        s.open_quality_issues,
        s.support_tickets,
        s.csat,
        s.nps,
        s.financial_health * 100.0
    )?;
    write!(out, "Stakeholders:")?;
    for p in &c.stakeholders {
        if p.present {
            write!(out, "  {} {:+.2}", p.role, p.sentiment)?;
        } else {
            write!(out, "  {} (gone)", p.role)?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Success plan: {} of 7 elements, {}; missing: {}",
        c.plan_elements.len(),
        if c.plan_current {
            "current"
        } else {
            "not reviewed recently"
        },
        if c.plan_missing.is_empty() {
            "nothing".to_owned()
        } else {
            c.plan_missing.join(", ")
        }
    )?;
    for line in c.outcome_lines() {
        writeln!(out, "  {line}")?;
    }
    if let Some((gap, found)) = c.gap_known {
        writeln!(
            out,
            "Gap in the baseline: {} ({}), found Q{found}; it slows deployment, holds use back and weighs on the renewal until closed (2.5)",
            gap.label(),
            gap.objective()
        )?;
    }
    if c.known_barriers.is_empty() {
        writeln!(out, "Known barriers: none")?;
    }
    for b in &c.known_barriers {
        writeln!(
            out,
            "Known barrier: {} ({}, {:?} — {}), severity {:.0} %, since Q{}, found Q{}, {:.0} % resolved",
            b.kind.label(),
            b.kind.objective(),
            b.category,
            b.category.objective(),
            b.severity * 100.0,
            b.since,
            b.discovered_in.unwrap_or(b.since),
            b.progress * 100.0
        )?;
    }
    writeln!(
        out,
        "Engagement: last contact {}, last QBR {}, renewal work {}{}{}{}",
        c.last_touch.map_or("never".to_owned(), |t| format!("Q{t}")),
        c.last_qbr.map_or("never".to_owned(), |t| format!("Q{t}")),
        c.renewal_work_from
            .map_or("not started".to_owned(), |t| format!("since Q{t}")),
        if c.mitigation_plan {
            ", mitigation plan"
        } else {
            ""
        },
        match (c.expansion_opportunity, c.expansion_in_plan) {
            (true, true) => ", expansion opportunity (in the success plan)",
            (true, false) => ", expansion opportunity",
            _ => "",
        },
        if c.advocacy != 0 {
            format!(
                ", advocate ({})",
                crate::sim::actions::advocacy_forms(c.advocacy).join(", ")
            )
        } else {
            String::new()
        },
    )?;
    let history: Vec<String> = sim
        .journal()
        .for_customer(c.id)
        .filter(|e| e.visible_to_csm())
        .map(|e| format::entry(sim, e))
        .collect();
    if !history.is_empty() {
        writeln!(out, "History:")?;
        for h in history.iter().rev().take(12).rev() {
            writeln!(out, "  {h}")?;
        }
    }
    Ok(())
}

fn parse_target(sim: &Simulation, action: ActionKind, word: &str) -> Option<ActionTarget> {
    if action.spec().one_to_many {
        sim.scenario()
            .segment_index(word)
            .map(ActionTarget::Segment)
    } else {
        find_customer(sim, word).map(|c| ActionTarget::Customer(c.id))
    }
}

fn actions(sim: &Simulation, target: Option<&str>, out: &mut impl Write) -> std::io::Result<()> {
    // `actions ACTION`: one action described in full.
    if let Some(spec) = target.and_then(ActionKind::from_id).map(ActionKind::spec) {
        writeln!(
            out,
            "{} ({}) — {:.1} h for a high-touch customer{} [{}]",
            spec.name,
            spec.id,
            spec.hours,
            if spec.one_to_many {
                ", for a whole segment"
            } else {
                ""
            },
            spec.objectives.join(", ")
        )?;
        writeln!(out, "  {}", spec.description)?;
        if !spec.requires.is_empty() {
            writeln!(out, "  Needs: {}.", spec.requires)?;
        }
        return Ok(());
    }
    let mut family = None;
    for spec in CATALOGUE {
        if family != Some(spec.family) {
            family = Some(spec.family);
            writeln!(out, "{}:", spec.family.label())?;
        }
        let (hours, verdict) = match target.and_then(|w| parse_target(sim, spec.kind, w)) {
            Some(t) => match sim.check(PlannedAction {
                action: spec.kind,
                target: t,
            }) {
                Ok(h) => (format!("{h:>5.1} h"), "ok".to_owned()),
                Err(b) => ("    -  ".to_owned(), b.explain().to_owned()),
            },
            None if target.is_some() => (
                "    -  ".to_owned(),
                if spec.one_to_many {
                    "needs a segment".to_owned()
                } else {
                    "needs a customer".to_owned()
                },
            ),
            None => (format!("{:>5.1} h", spec.hours), String::new()),
        };
        if target.is_none() {
            // One line each, so the catalogue fits a screen; `actions ACTION` says more.
            writeln!(
                out,
                "  {:<31} {hours}  {} [{}]",
                spec.id,
                format::fit(spec.name, 40),
                spec.objectives.join(" ")
            )?;
        } else {
            writeln!(
                out,
                "  {:<31} {hours}  [{}]  {verdict}",
                spec.id,
                spec.objectives.join(" ")
            )?;
        }
    }
    if target.is_none() {
        writeln!(
            out,
            "Hours are for a high-touch customer; virtual touch costs 60 %, digital 35 %. One-to-many actions cost the same for a whole segment. `actions ACTION` describes one; `actions CUSTOMER` says what can be planned for that customer."
        )?;
    }
    Ok(())
}

fn plan(
    sim: &mut Simulation,
    action: &str,
    target: &str,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let Some(kind) = ActionKind::from_id(action) else {
        return writeln!(
            out,
            "Unknown action \"{action}\". Type `actions` for the catalogue."
        );
    };
    let Some(t) = parse_target(sim, kind, target) else {
        return writeln!(
            out,
            "Unknown {} \"{target}\".",
            if kind.spec().one_to_many {
                "segment"
            } else {
                "customer"
            }
        );
    };
    match sim.plan(PlannedAction {
        action: kind,
        target: t,
    }) {
        Ok(h) => writeln!(
            out,
            "Planned {} ({h:.1} h, practises {}). {:.1} hours left.",
            kind.spec().name,
            kind.spec().objectives.join(", "),
            sim.budget().left()
        ),
        Err(b) => writeln!(out, "Cannot plan {}: {}.", kind.spec().name, b.explain()),
    }
}

fn show_plan(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    if sim.planned().is_empty() {
        writeln!(out, "Nothing planned yet this quarter.")?;
    }
    for (i, p) in sim.planned().iter().enumerate() {
        let target = match p.target {
            ActionTarget::Customer(id) => sim
                .customer(id)
                .map_or_else(|| format!("#{id}"), |c| c.name),
            ActionTarget::Segment(s) => {
                format!("segment {}", sim.scenario().segments[usize::from(s)].name)
            }
        };
        writeln!(out, "  {}. {} — {target}", i + 1, p.action.spec().name)?;
    }
    let b = sim.budget();
    if b.reactive > 0.0 {
        writeln!(
            out,
            "Hours planned {:.1} of {:.0}; {:.1} reserved for inbound requests not handed on; {:.1} left.",
            b.planned,
            b.capacity,
            b.reactive,
            b.left()
        )
    } else {
        writeln!(
            out,
            "Hours planned {:.1} of {:.0}; {:.1} left.",
            b.planned,
            b.capacity,
            b.left()
        )
    }
}

fn quarter_report(rec: &Recorder, q: u16, out: &mut impl Write) -> std::io::Result<()> {
    let sim = &rec.sim;
    writeln!(out, "\nWhat happened in quarter {q}:")?;
    let mut any = false;
    for e in sim.journal().for_quarter(q) {
        if !e.visible_to_csm() {
            continue;
        }
        any = true;
        writeln!(out, "  {}", format::entry(sim, e))?;
    }
    if !any {
        writeln!(out, "  nothing you could see")?;
    }
    let judged: Vec<_> = rec
        .judge
        .judgements
        .iter()
        .filter(|j| j.quarter == q)
        .cloned()
        .collect();
    if !judged.is_empty() {
        writeln!(out)?;
        write!(out, "{}", format::judgements(sim, &judged))?;
    }
    if let Some(m) = sim.metrics().quarters.iter().find(|m| m.quarter == q) {
        writeln!(
            out,
            "ARR {} → {}; churned {}, contraction {}, expansion {}; quarter GRR {}, NRR {}; health red/yellow/green {}/{}/{}",
            format::money(m.start_arr),
            format::money(m.end_arr),
            format::money(m.churned_arr),
            format::money(m.contraction_arr),
            format::money(m.expansion_arr),
            format::pct(m.grr),
            format::pct(m.nrr),
            m.red,
            m.yellow,
            m.green
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_word_gets_the_closest_candidates_and_a_far_one_none() {
        assert_eq!(closest("shwo", COMMANDS.iter().copied()), vec!["show"]);
        assert_eq!(closest("PLNA", COMMANDS.iter().copied()), vec!["plan"]);
        assert!(closest("xyzzy", COMMANDS.iter().copied()).is_empty());
        let names = ["contoso", "Contoso Health", "fabrikam"];
        let got = closest("contso", names);
        assert_eq!(got.first().map(String::as_str), Some("contoso"));
        assert!(!got.contains(&"fabrikam".to_owned()));
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(
            did_you_mean(&["a".to_owned(), "b".to_owned()]),
            " Did you mean `a` or `b`?"
        );
    }
}
