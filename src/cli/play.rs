//! `csm-sim play`: an interactive terminal game for machines without a display. Reads one
//! command per line, so it can also be driven from a script.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::collections::BTreeSet;

use super::format;
use super::{ask, full_path};
use crate::exam::checks::{self, Answer};
use crate::exam::study::{self, StudyRecord};
use crate::i18n::label;
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
                "{}",
                tr!(
                    "play-resumed",
                    path = full_path(path),
                    quarter = rec.sim.clock().quarter.min(rec.sim.clock().quarters),
                    actions = rec.actions.len()
                )
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
                "{}",
                tr!(
                    "play-joined",
                    name = joined.name.as_str(),
                    seat = joined.seat,
                    path = full_path(&save)
                )
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
                    "{}",
                    tr!(
                        "play-stopped-saved",
                        error = format!("{e:#}"),
                        path = full_path(&save_path)
                    )
                ),
                Err(se) => eprintln!(
                    "{}",
                    tr!(
                        "play-stopped-unsaved",
                        error = format!("{e:#}"),
                        save_error = se.to_string()
                    )
                ),
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
            writeln!(out, "\n{}", tr!("play-over"))?;
            let summary = rec.sim.summary();
            write!(out, "{}", format::totals(&summary))?;
            let readiness = crate::exam::score::readiness(&rec.judge.judgements, &rec.answers);
            writeln!(
                out,
                "{}",
                tr!(
                    "exam-readiness",
                    percent = format!("{:.1}", readiness.overall * 100.0)
                )
            )?;
            if !rec.coached.is_empty() {
                writeln!(
                    out,
                    "{}",
                    crate::i18n::coached(&rec.coached, rec.sim.clock().quarters)
                )?;
            }
            for d in &readiness.domains {
                writeln!(
                    out,
                    "  {} {}: {}",
                    d.id,
                    crate::i18n::objective_title(&d.id, &d.title),
                    crate::i18n::mastery(d)
                )?;
            }
            if !readiness.study_next.is_empty() {
                writeln!(out, "{}:", tr!("study-next"))?;
                for s in readiness.study_next.iter().take(3) {
                    writeln!(
                        out,
                        "  {} {} — `csm-sim quiz --objective {}`",
                        s.id,
                        crate::i18n::objective_title(&s.id, &s.title),
                        s.id
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
                    "{}",
                    tr!(
                        "play-debrief-written",
                        html = full_path(&html),
                        json = full_path(&json)
                    )
                )?,
                Err(e) => writeln!(
                    out,
                    "{}",
                    tr!("play-debrief-failed", error = format!("{e:#}"))
                )?,
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
            "help" | "h" | "?" => writeln!(out, "{}", tr!("play-help"))?,
            "portfolio" | "p" => portfolio(&rec.sim, rest, &mut out)?,
            "show" | "s" => {
                // A name may have spaces, and may come in quotes.
                let who = rest.join(" ");
                match find_customer(&rec.sim, who.trim_matches('"')) {
                    Some(c) => show(&rec.sim, &c, &mut out)?,
                    None => writeln!(
                        out,
                        "{}{}",
                        tr!("play-which-customer"),
                        did_you_mean(&customer_suggestions(&rec.sim, who.trim_matches('"')))
                    )?,
                }
            }
            "actions" | "a" => actions(&rec.sim, rest.first().copied(), &mut out)?,
            // `plan ACTION TARGET` reads as planning an action, so it does what `do` does.
            "do" | "d" | "plan" if !rest.is_empty() => match rest {
                [action, target] => plan(&mut rec.sim, action, target, &mut out)?,
                _ => writeln!(out, "{}", tr!("play-usage-do"))?,
            },
            "undo" | "u" => match rest.first().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => match rec.sim.unplan(n - 1) {
                    Ok(p) => writeln!(
                        out,
                        "{}",
                        tr!("play-removed", action = crate::i18n::action_name(p.action))
                    )?,
                    Err(crate::sim::actions::Blocker::NotPlanned) => {
                        writeln!(out, "{}", tr!("play-no-planned", number = n))?
                    }
                    Err(b) => writeln!(
                        out,
                        "{}",
                        tr!("cannot-remove", reason = crate::i18n::blocker(b))
                    )?,
                },
                _ => writeln!(out, "{}", tr!("play-usage-undo"))?,
            },
            "do" | "d" => writeln!(out, "{}", tr!("play-usage-do"))?,
            "plan" => show_plan(&rec.sim, &mut out)?,
            "outcome" | "o" => write_outcome(rec, rest, &mut out)?,
            "usecase" | "use-case" => write_use_case(rec, rest, &mut out)?,
            "read" => read_health(rec, rest, &mut out)?,
            "hand" => hand_request(&mut rec.sim, rest, &mut out)?,
            "ranking" => match &rec.class {
                None => writeln!(out, "{}", tr!("play-not-in-class"))?,
                Some(seat) => match crate::class::client::ranking(seat) {
                    Ok(rows) => {
                        writeln!(
                            out,
                            "{} {} {} {} {} {}",
                            format::right(&tr!("ranking-rank"), 4),
                            format::fit(&tr!("ranking-seat"), 30),
                            format::right(&tr!("ranking-quarter"), 7),
                            format::right(&tr!("ranking-nrr"), 8),
                            format::right(&tr!("ranking-readiness"), 10),
                            format::right(&tr!("ranking-scorecard"), 10)
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
                    Err(e) => writeln!(out, "{}", tr!("no-ranking", error = e))?,
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
                [] | ["on"] if !rec.coach_allowed() => {
                    writeln!(out, "{}", tr!("play-coach-class"))?
                }
                [] => coach(rec, None, &mut out)?,
                ["on"] => {
                    rec.coach = true;
                    writeln!(out, "{}", tr!("play-coach-on"))?;
                    coach(rec, Some(COACH_LINES), &mut out)?;
                }
                ["off"] => {
                    rec.coach = false;
                    writeln!(out, "{}", tr!("play-coach-off"))?;
                }
                _ => writeln!(out, "{}", tr!("play-usage-coach"))?,
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
                "{}",
                tr!(
                    "play-unknown-command",
                    command = other,
                    suggestion = did_you_mean(&closest(other, COMMANDS.iter().copied()))
                )
            )?,
        }
    }
}

/// `outcome CUSTOMER OUTCOME`: writes what the customer's success plan aims at (2.3).
fn write_outcome(rec: &mut Recorder, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    use crate::sim::customer::BusinessOutcome;
    let list = |out: &mut dyn Write| -> std::io::Result<()> {
        writeln!(out, "{}", tr!("play-outcomes"))?;
        for o in BusinessOutcome::ALL {
            writeln!(out, "  {:<20} {}", o.id(), label("outcome", o))?;
        }
        Ok(())
    };
    match rest {
        [who, what] => {
            let Some(c) = customer_named(&rec.sim, who, out)? else {
                return Ok(());
            };
            let Some(outcome) = BusinessOutcome::from_id(what) else {
                writeln!(out, "{}", tr!("play-no-outcome", outcome = *what))?;
                list(out)?;
                return Ok(());
            };
            match rec.write_plan_outcome(c.id, outcome) {
                Ok(()) => writeln!(
                    out,
                    "{}",
                    tr!(
                        "play-outcome-written",
                        customer = c.name.as_str(),
                        outcome = label("outcome", outcome),
                        kpi = label("kpi", outcome)
                    )
                )?,
                Err(b) => writeln!(
                    out,
                    "{}",
                    tr!("play-cannot-write", reason = crate::i18n::blocker(b))
                )?,
            }
        }
        _ => {
            writeln!(out, "{}", tr!("play-usage-outcome"))?;
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
        writeln!(out, "{}", tr!("play-use-cases"))?;
        for u in UseCase::ALL {
            writeln!(out, "  {:<20} {}", u.id(), label("use-case", u))?;
        }
        Ok(())
    };
    match rest {
        [who, what] => {
            let Some(c) = customer_named(&rec.sim, who, out)? else {
                return Ok(());
            };
            let Some(use_case) = UseCase::from_id(what) else {
                writeln!(out, "{}", tr!("play-no-use-case", use_case = *what))?;
                list(out)?;
                return Ok(());
            };
            match rec.write_plan_use_case(c.id, use_case) {
                Ok(()) => writeln!(
                    out,
                    "{}",
                    tr!(
                        "play-use-case-written",
                        customer = c.name.as_str(),
                        use_case = label("use-case", use_case)
                    )
                )?,
                Err(b) => writeln!(
                    out,
                    "{}",
                    tr!("play-cannot-write", reason = crate::i18n::blocker(b))
                )?,
            }
        }
        _ => {
            writeln!(out, "{}", tr!("play-usage-use-case"))?;
            list(out)?;
        }
    }
    Ok(())
}

/// `hand CUSTOMER TEAM`: hands a customer's inbound request to a team (1.4).
fn hand_request(sim: &mut Simulation, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    let usage = tr!("play-usage-hand");
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
            writeln!(out, "{} {usage}", tr!("play-no-team", team = *team))?;
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
            "{}",
            tr!(
                "play-handed",
                // Mid-sentence: "Planned: hand the request to support for …".
                action = crate::i18n::action_name(action).to_lowercase(),
                customer = c.name.as_str(),
                hours = format!("{h:.1}"),
                freed = format!("{freed:.1}"),
                left = format!("{:.1}", sim.budget().left())
            )
        )?,
        Err(b) => writeln!(
            out,
            "{}",
            tr!("play-cannot-hand", reason = crate::i18n::blocker(b))
        )?,
    }
    Ok(())
}

/// `read CUSTOMER DRIVER`: says what drives a customer's health decline (2.6).
fn read_health(rec: &mut Recorder, rest: &[&str], out: &mut impl Write) -> anyhow::Result<()> {
    use crate::sim::types::HealthDriver;
    let usage = tr!("play-usage-read");
    let [who, what] = rest else {
        writeln!(out, "{usage}")?;
        return Ok(());
    };
    let Some(c) = customer_named(&rec.sim, who, out)? else {
        return Ok(());
    };
    let Some(driver) = HealthDriver::from_id(what) else {
        writeln!(out, "{} {usage}", tr!("play-no-driver", driver = *what))?;
        return Ok(());
    };
    match rec.sim.read_health(c.id, driver) {
        Ok(hours) => writeln!(
            out,
            "{}",
            tr!(
                "play-read",
                customer = c.name.as_str(),
                driver = label("driver", driver),
                objective = driver.objective(),
                hours = hours.round() as i64
            )
        )?,
        Err(b) => writeln!(
            out,
            "{}",
            tr!("play-cannot-read", reason = crate::i18n::blocker(b))
        )?,
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
        let heading = tr!(
            "play-knowledge-check",
            number = k + 1,
            total = questions.len(),
            objectives = question.objectives.join(", ")
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
                writeln!(out, "{}", tr!("play-study-unread", error = e.to_string()))?;
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
                writeln!(
                    out,
                    "{}",
                    tr!("play-could-not-update-study", error = e.to_string())
                )?;
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
                "{}",
                tr!(
                    "play-saved",
                    path = full_path(path),
                    resume = path.display().to_string()
                )
            )?;
            Ok(true)
        }
        Err(e) => {
            writeln!(out, "{}", tr!("play-save-failed", error = e.to_string()))?;
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
        writeln!(out, "{}", tr!("class-message", message = m.as_str()))?;
    }
    for n in &before.news {
        writeln!(out, "{}", tr!("class-news", news = n.as_str()))?;
    }
    if let Some(h) = before.held {
        writeln!(out, "{}", tr!("play-held", quarter = h))?;
        return Ok(true);
    }
    Ok(false)
}

/// In a class: uploads the session; a failure is said and retried at the next sync.
fn sync_class(rec: &Recorder, out: &mut impl Write) -> anyhow::Result<()> {
    match crate::class::client::after_end(rec) {
        None => {}
        Some(Ok(r)) => {
            writeln!(out, "{}", tr!("class-synced", quarter = r.quarter))?;
            if let Some(m) = &r.status.message {
                writeln!(out, "{}", tr!("class-message", message = m.as_str()))?;
            }
        }
        Some(Err(e)) => writeln!(out, "{}", tr!("class-not-synced", error = e.to_string()))?,
    }
    Ok(())
}

/// Saves and leaves: exit 0 when saved, 1 when the save failed.
fn leave(rec: &Recorder, path: &Path, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    sync_class(rec, out)?;
    if save(rec, path, out)? {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{}", tr!("play-leave-unsaved", path = full_path(path)));
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
        return writeln!(out, "{}", tr!("play-coach-nothing"));
    }
    writeln!(out, "{}", tr!("play-coach-heading"))?;
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
            said.iter()
                .map(crate::i18n::attention)
                .collect::<Vec<_>>()
                .join("; ")
        )?;
    }
    if lines.len() > shown {
        writeln!(
            out,
            "  {}",
            tr!("play-coach-more", count = lines.len() - shown)
        )?;
    }
    if let Some(line) = crate::i18n::digital_line(&coaching) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn intro(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    let s = sim.scenario();
    writeln!(
        out,
        "{} ({})",
        s.title,
        crate::i18n::label("difficulty", s.difficulty)
    )?;
    if !s.description.is_empty() {
        writeln!(out, "{}", s.description)?;
    }
    if !s.learning_objectives.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(
                "play-objectives",
                objectives = s.learning_objectives.join(", ")
            )
        )?;
    }
    writeln!(
        out,
        "{}",
        tr!(
            "play-intro",
            quarters = s.quarters,
            customers = s.customer_count(),
            hours = format!("{:.0}", s.capacity_hours)
        )
    )
}

fn status(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    let m = sim.metrics();
    let c = sim.clock();
    if sim.finished() {
        // A finished game resumed: no quarter to play, nothing to renew, no hours.
        return writeln!(
            out,
            "\n{}",
            tr!(
                "play-status-over",
                quarters = c.quarters,
                arr = format::money(m.quarter_start_arr),
                grr = format::pct(m.grr()),
                nrr = format::pct(m.nrr())
            )
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
        "\n{}",
        tr!(
            "play-status",
            quarter = c.quarter,
            quarters = c.quarters,
            arr = format::money(m.quarter_start_arr),
            atr = format::money(atr),
            grr = format::pct(m.grr()),
            nrr = format::pct(m.nrr()),
            left = format!("{:.1}", sim.budget().left()),
            capacity = format!("{:.0}", sim.budget().capacity)
        )
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
            .map(|(_, k, r)| {
                format!(
                    "{k} ({})",
                    tr!(
                        "play-request-short",
                        request = crate::i18n::label("request-short", r.kind),
                        hours = format!("{:.1}", r.hours)
                    )
                )
            })
            .collect();
        writeln!(
            out,
            "{}",
            tr!(
                "play-requests-waiting",
                hours = format!("{reserved:.1}"),
                list = shown.join(", "),
                more = if waiting.len() > shown.len() {
                    "yes"
                } else {
                    "no"
                }
            )
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
            "{}",
            tr!(
                "play-declines",
                count = fell.len(),
                list = shown.join(", "),
                more = if fell.len() > shown.len() {
                    "yes"
                } else {
                    "no"
                }
            )
        )?;
    }
    Ok(())
}

/// A health band as the terminal shows it: red in capitals, to stand out without colour.
fn band_word(b: Band) -> String {
    match b {
        Band::Red => tr!("band-red-loud"),
        _ => crate::i18n::label("band", b),
    }
}

/// How many terminal columns a text takes (a Japanese character two).
fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
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
            "{}{}",
            tr!("play-no-customer", customer = who),
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
        tr!("did-you-mean", list = quoted.join(&tr!("or-between")))
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
            return writeln!(out, "{}", tr!("play-usage-portfolio"));
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
            return writeln!(out, "{}", tr!("play-cannot-sort", key = k));
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
            "{}",
            tr!("play-no-filter", filter = f, segments = names.join(", "))
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
        return writeln!(out, "{}", tr!("play-no-match"));
    }
    // Translated words are padded by display width, so Japanese columns line up too; the
    // touch column is as wide as its longest word in this language.
    let touch_width = crate::sim::types::Touch::ALL
        .iter()
        .map(|t| display_width(&crate::i18n::label("touch", *t)))
        .chain([8, display_width(&tr!("col-touch-lower"))])
        .max()
        .unwrap_or(8);
    let right = |s: String, w: usize| {
        let fitted = format::fit(&s, w);
        let text = fitted.trim_end();
        format!(
            "{}{text}",
            " ".repeat(w - unicode_width::UnicodeWidthStr::width(text))
        )
    };
    writeln!(
        out,
        "{:>5} {} {} {} {} {} {} {} {}  {}",
        "#",
        format::fit(&tr!("col-id"), 18),
        format::fit(&tr!("col-name"), 28),
        format::fit(&tr!("col-segment-lower"), 10),
        format::fit(&tr!("col-touch-lower"), touch_width),
        right(tr!("col-arr"), 12),
        format::fit(&tr!("col-stage-lower"), 13),
        right(tr!("col-renew"), 5),
        right(tr!("col-health-lower"), 12),
        tr!("col-known-barriers-lower")
    )?;
    let shown = rows.len();
    for c in &rows {
        let barriers: Vec<String> = c
            .known_barriers
            .iter()
            .map(|b| crate::i18n::label("barrier", b.kind))
            .collect();
        writeln!(
            out,
            "{:>5} {} {} {} {} {:>12} {} {:>5} {:>5.0} {}  {}",
            c.id,
            format::fit(&c.key, 18),
            format::fit(&c.name, 28),
            format::fit(&c.segment, 10),
            format::fit(&crate::i18n::label("touch", c.touch), touch_width),
            format::money(c.arr),
            format::fit(&crate::i18n::label("stage", c.stage), 13),
            tr!("quarter-short", quarter = c.renewal_quarter),
            c.health_shown(),
            format::fit(&band_word(c.health_band), 6),
            if barriers.is_empty() {
                "-".to_owned()
            } else {
                barriers.join(", ")
            }
        )?;
    }
    if total > shown {
        writeln!(out, "{}", tr!("play-more-rows", count = total - shown))?;
    }
    Ok(())
}

fn show(sim: &Simulation, c: &CustomerView, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-head",
            number = c.id,
            name = c.name.as_str(),
            key = c.key.as_str(),
            industry = if c.industry.is_empty() {
                "-".to_owned()
            } else {
                c.industry.clone()
            },
            size = label("size", c.size),
            touch = label("touch", c.touch),
            segment = c.segment.as_str()
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-contract",
            arr = format::money(c.arr),
            mrr = format::money(c.mrr.round() as i64),
            licences = c.licences,
            model = label("model", c.model),
            products = c.products.join(", "),
            renews = c.renewal_quarter,
            auto = if c.auto_renew { "yes" } else { "no" }
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-lifecycle",
            stage = label("stage", c.stage),
            quarters = c.quarters_in_stage,
            deployment = format!("{:.0}", c.deployment * 100.0),
            outcomes = c.outcomes_achieved,
            ttv = c
                .time_to_value
                .map_or_else(|| tr!("not-yet"), |t| tr!("count-quarters", count = t))
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-health",
            score = format!("{:.0}", c.health_shown()),
            band = band_word(c.health_band)
        )
    )?;
    let part_width = c
        .health_components
        .iter()
        .map(|(name, _)| display_width(&crate::i18n::health_part(name)))
        .chain([11])
        .max()
        .unwrap_or(11);
    for ((name, score), (_, before)) in c.health_components.iter().zip(&c.health_components_before)
    {
        writeln!(
            out,
            "    {} {score:>5.0}   {}",
            format::fit(&crate::i18n::health_part(name), part_width),
            tr!("play-quarter-ago", before = format!("{before:>3.0}"))
        )?;
    }
    if let Some(r) = c.request {
        match sim.handed_on(c.id) {
            Some(a) => writeln!(
                out,
                "{}",
                tr!(
                    "play-request-handed",
                    request = label("request", r.kind),
                    team = crate::sim::requests::team_of(a)
                        .map_or_else(String::new, |t| label("team", t))
                )
            )?,
            None => writeln!(
                out,
                "{}",
                tr!(
                    "play-request-waiting",
                    request = label("request", r.kind),
                    bounces = r.bounces,
                    hours = format!("{:.1}", r.hours),
                    key = c.key.as_str()
                )
            )?,
        }
    }
    if c.health_declined {
        match c.health_reading {
            Some(d) => writeln!(
                out,
                "  {}",
                tr!(
                    "play-fell-read",
                    before = format!("{:.0}", c.health_previous),
                    driver = label("driver", d)
                )
            )?,
            None => writeln!(
                out,
                "  {}",
                tr!(
                    "play-fell-unread",
                    before = format!("{:.0}", c.health_previous),
                    key = c.key.as_str()
                )
            )?,
        }
    }
    let s = &c.signals;
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-signals",
            utilisation = format!("{:.0}", s.utilisation * 100.0),
            users = c.active_users,
            features = s.features_in_use,
            features_total = s.features_total,
            quality = s.open_quality_issues,
            tickets = s.support_tickets,
            csat = format!("{:.1}", s.csat),
            nps = format!("{:.0}", s.nps),
            financial = format!("{:.0}", s.financial_health * 100.0)
        )
    )?;
    write!(out, "{}", tr!("play-stakeholders"))?;
    for p in &c.stakeholders {
        let role = crate::i18n::role(p.role);
        if p.present {
            write!(out, "  {role} {:+.2}", p.sentiment)?;
        } else {
            write!(out, "  {}", tr!("play-stakeholder-gone", role = role))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr!(
            "play-show-plan",
            count = c.plan_elements.len(),
            current = if c.plan_current { "yes" } else { "no" },
            missing = if c.plan_missing.is_empty() {
                tr!("nothing")
            } else {
                crate::i18n::plan_elements(&c.plan_missing)
            }
        )
    )?;
    for line in crate::i18n::plan_lines(c) {
        writeln!(out, "  {line}")?;
    }
    if let Some((gap, found)) = c.gap_known {
        writeln!(
            out,
            "{}",
            tr!(
                "play-show-gap",
                gap = label("gap", gap),
                objective = gap.objective(),
                quarter = found
            )
        )?;
    }
    if c.known_barriers.is_empty() {
        writeln!(out, "{}", tr!("play-no-known-barriers"))?;
    }
    for b in &c.known_barriers {
        writeln!(
            out,
            "{}",
            tr!(
                "play-known-barrier",
                barrier = label("barrier", b.kind),
                objective = b.kind.objective(),
                category = label("category", b.category),
                category_objective = b.category.objective(),
                severity = format!("{:.0}", b.severity * 100.0),
                since = b.since,
                found = b.discovered_in.unwrap_or(b.since),
                resolved = format!("{:.0}", b.progress * 100.0)
            )
        )?;
    }
    let when =
        |t: Option<i16>| t.map_or_else(|| tr!("never"), |t| tr!("quarter-short", quarter = t));
    let mut engagement = tr!(
        "play-show-engagement",
        contact = when(c.last_touch),
        qbr = when(c.last_qbr),
        renewal = c
            .renewal_work_from
            .map_or_else(|| tr!("not-started"), |t| tr!("since-quarter", quarter = t))
    );
    if c.mitigation_plan {
        engagement.push_str(&tr!("play-with-mitigation"));
    }
    match (c.expansion_opportunity, c.expansion_in_plan) {
        (true, true) => engagement.push_str(&tr!("play-with-expansion-in-plan")),
        (true, false) => engagement.push_str(&tr!("play-with-expansion")),
        _ => {}
    }
    if c.advocacy != 0 {
        engagement.push_str(&tr!(
            "play-with-advocacy",
            forms = crate::i18n::advocacy_forms(c.advocacy)
        ));
    }
    writeln!(out, "{engagement}")?;
    let history: Vec<String> = sim
        .journal()
        .for_customer(c.id)
        .filter(|e| e.visible_to_csm())
        .map(|e| format::entry(sim, e))
        .collect();
    if !history.is_empty() {
        writeln!(out, "{}:", tr!("history"))?;
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
            "{}",
            tr!(
                "play-action-head",
                action = crate::i18n::action_name(spec.kind),
                id = spec.id,
                hours = format!("{:.1}", spec.hours),
                segment = if spec.one_to_many { "yes" } else { "no" },
                objectives = spec.objectives.join(", ")
            )
        )?;
        writeln!(out, "  {}", crate::i18n::action_about(spec.kind))?;
        if !spec.requires.is_empty() {
            writeln!(
                out,
                "  {}",
                tr!(
                    "play-action-needs",
                    needs = crate::i18n::label("action-needs", spec.kind)
                )
            )?;
        }
        return Ok(());
    }
    let mut family = None;
    for spec in CATALOGUE {
        if family != Some(spec.family) {
            family = Some(spec.family);
            writeln!(out, "{}:", crate::i18n::label("family", spec.family))?;
        }
        let (hours, verdict) = match target.and_then(|w| parse_target(sim, spec.kind, w)) {
            Some(t) => match sim.check(PlannedAction {
                action: spec.kind,
                target: t,
            }) {
                Ok(h) => (format!("{h:>5.1} h"), tr!("ok")),
                Err(b) => ("    -  ".to_owned(), crate::i18n::blocker(b)),
            },
            None if target.is_some() => (
                "    -  ".to_owned(),
                if spec.one_to_many {
                    tr!("play-needs-segment")
                } else {
                    tr!("play-needs-customer")
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
                format::fit(&crate::i18n::action_name(spec.kind), 40),
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
        writeln!(out, "{}", tr!("play-actions-foot"))?;
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
        return writeln!(out, "{}", tr!("play-unknown-action", action = action));
    };
    let Some(t) = parse_target(sim, kind, target) else {
        return writeln!(
            out,
            "{}",
            tr!(
                "play-unknown-target",
                target = target,
                segment = if kind.spec().one_to_many { "yes" } else { "no" }
            )
        );
    };
    match sim.plan(PlannedAction {
        action: kind,
        target: t,
    }) {
        Ok(h) => writeln!(
            out,
            "{}",
            tr!(
                "play-planned",
                action = crate::i18n::action_name(kind),
                hours = format!("{h:.1}"),
                objectives = kind.spec().objectives.join(", "),
                left = format!("{:.1}", sim.budget().left())
            )
        ),
        Err(b) => writeln!(
            out,
            "{}",
            tr!(
                "play-cannot-plan",
                action = crate::i18n::action_name(kind),
                reason = crate::i18n::blocker(b)
            )
        ),
    }
}

fn show_plan(sim: &Simulation, out: &mut impl Write) -> std::io::Result<()> {
    if sim.planned().is_empty() {
        writeln!(out, "{}", tr!("play-nothing-planned"))?;
    }
    for (i, p) in sim.planned().iter().enumerate() {
        let target = match p.target {
            ActionTarget::Customer(id) => sim
                .customer(id)
                .map_or_else(|| format!("#{id}"), |c| c.name),
            ActionTarget::Segment(s) => {
                tr!(
                    "filter-segment",
                    segment = sim.scenario().segments[usize::from(s)].name.as_str()
                )
            }
        };
        writeln!(
            out,
            "  {}. {} — {target}",
            i + 1,
            crate::i18n::action_name(p.action)
        )?;
    }
    let b = sim.budget();
    if b.reactive > 0.0 {
        writeln!(
            out,
            "{}",
            tr!(
                "play-hours-reserved",
                planned = format!("{:.1}", b.planned),
                capacity = format!("{:.0}", b.capacity),
                reserved = format!("{:.1}", b.reactive),
                left = format!("{:.1}", b.left())
            )
        )
    } else {
        writeln!(
            out,
            "{}",
            tr!(
                "play-hours",
                planned = format!("{:.1}", b.planned),
                capacity = format!("{:.0}", b.capacity),
                left = format!("{:.1}", b.left())
            )
        )
    }
}

fn quarter_report(rec: &Recorder, q: u16, out: &mut impl Write) -> std::io::Result<()> {
    let sim = &rec.sim;
    writeln!(out, "\n{}:", tr!("what-happened", quarter = q))?;
    let mut any = false;
    for e in sim.journal().for_quarter(q) {
        if !e.visible_to_csm() {
            continue;
        }
        any = true;
        writeln!(out, "  {}", format::entry(sim, e))?;
    }
    if !any {
        writeln!(out, "  {}", tr!("play-nothing-seen"))?;
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
            "{}",
            tr!(
                "play-quarter-summary",
                start = format::money(m.start_arr),
                end = format::money(m.end_arr),
                churned = format::money(m.churned_arr),
                contraction = format::money(m.contraction_arr),
                expansion = format::money(m.expansion_arr),
                grr = format::pct(m.grr),
                nrr = format::pct(m.nrr),
                red = m.red,
                yellow = m.yellow,
                green = m.green
            )
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
        crate::i18n::with_language("en", || {
            assert_eq!(
                did_you_mean(&["a".to_owned(), "b".to_owned()]),
                " Did you mean `a` or `b`?"
            );
        });
    }
}
