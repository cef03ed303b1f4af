//! `csm-sim run`: play a scenario to the end headless, with recorded actions, a playbook or
//! nobody at the wheel.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::format;
use crate::exam::checks::Answer;
use crate::exam::debrief::Debrief;
use crate::exam::judge::Judge;
use crate::playbook::Playbook;
use crate::session::{RecordedAction, load_actions, resolve, write_atomically};
use crate::sim::Simulation;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario file or built-in name (default: the tutorial).
    file: Option<String>,
    /// Random seed (default: the scenario's own).
    #[arg(long)]
    seed: Option<u64>,
    /// A RON list of actions to take, e.g. [(quarter: 1, action: qbr, customer: "northwind")].
    #[arg(long, conflicts_with = "playbook")]
    actions: Option<PathBuf>,
    /// A playbook file, or `sensible` for the built-in one.
    #[arg(long)]
    playbook: Option<String>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// Also print the full journal: every event, action and outcome with its reasons.
    #[arg(long, conflicts_with = "json")]
    journal: bool,
    /// Write a debrief: OUT.html (a page to read) and OUT.json (the same for machines).
    #[arg(long, value_name = "OUT")]
    report: Option<PathBuf>,
}

/// Writes the debrief of a finished run as `OUT.html` and `OUT.json` (an `.html` or `.json`
/// ending on OUT is dropped first); returns the two paths.
pub(crate) fn write_debrief(
    sim: &Simulation,
    judge: &Judge,
    answers: &[Answer],
    coached: &[u16],
    out: &Path,
) -> anyhow::Result<(PathBuf, PathBuf)> {
    // Built once, in English: the JSON is data for programs (its texts are the rules' and
    // the bank's own); the page tells the same debrief in the reader's language, from the
    // structured stories, rules and questions rather than from the English texts.
    let (debrief, data) = crate::i18n::with_language(crate::i18n::ENGLISH, || {
        let mut debrief = Debrief::new(sim, judge, answers).with_coach(coached);
        // The study record, if the trainee keeps one, adds what to practise next.
        if let Ok(record) =
            crate::exam::study::StudyRecord::load(&crate::exam::study::default_path())
            && !record.questions.is_empty()
        {
            debrief = debrief.with_study(&record, crate::exam::study::today());
        }
        let data = serde_json::to_string_pretty(&debrief);
        (debrief, data)
    });
    let page = debrief.to_html();
    let stem = match out.extension().and_then(|e| e.to_str()) {
        Some("html" | "json") => out.with_extension(""),
        _ => out.to_path_buf(),
    };
    let html = stem.with_extension("html");
    let json = stem.with_extension("json");
    write_atomically(&html, page.as_bytes())
        .with_context(|| format!("cannot write {}", html.display()))?;
    write_atomically(&json, data?.as_bytes())
        .with_context(|| format!("cannot write {}", json.display()))?;
    Ok((html, json))
}

/// Who decides what the CSM does.
pub enum Driver {
    Nobody,
    Actions(Vec<RecordedAction>),
    Playbook(Playbook),
}

impl Driver {
    /// A name for reports: the playbook's own, or what drives the run.
    pub fn name(&self) -> String {
        match self {
            Driver::Nobody => "none".to_owned(),
            Driver::Actions(_) => "actions".to_owned(),
            Driver::Playbook(p) => p.name.clone(),
        }
    }
}

/// Plays a simulation to its end with a driver; with a judge, every quarter is judged.
pub fn play_out(
    sim: &mut Simulation,
    driver: &Driver,
    mut judge: Option<&mut Judge>,
) -> anyhow::Result<()> {
    if let Driver::Actions(actions) = driver {
        for (i, a) in actions.iter().enumerate() {
            if a.quarter == 0 || a.quarter > sim.clock().quarters {
                bail!(
                    "action {i} ({}) names quarter {}, outside 1–{}",
                    a.action.spec().id,
                    a.quarter,
                    sim.clock().quarters
                );
            }
        }
    }
    if let Driver::Playbook(p) = driver {
        p.check_against(sim).map_err(anyhow::Error::msg)?;
    }
    while !sim.finished() {
        let q = sim.clock().quarter;
        match driver {
            Driver::Nobody => {}
            Driver::Playbook(p) => p.plan_quarter(sim),
            Driver::Actions(actions) => {
                for (i, a) in actions.iter().enumerate().filter(|(_, a)| a.quarter == q) {
                    let planned =
                        resolve(sim, a)
                            .map_err(anyhow::Error::msg)
                            .with_context(|| {
                                format!("action {i} ({} in quarter {q})", a.action.spec().id)
                            })?;
                    if let Err(b) = sim.plan(planned) {
                        bail!(
                            "action {i} ({} in quarter {q}) cannot be planned: {}",
                            a.action.spec().id,
                            b.explain()
                        );
                    }
                }
            }
        }
        match judge.as_deref_mut() {
            Some(judge) => judge.end_quarter(sim),
            None => sim.end_quarter(),
        }
    }
    Ok(())
}

pub fn driver(actions: Option<&PathBuf>, playbook: Option<&str>) -> anyhow::Result<Driver> {
    Ok(match (actions, playbook) {
        (Some(path), _) => Driver::Actions(load_actions(path)?),
        (None, Some(p)) => Driver::Playbook(Playbook::load(p)?),
        (None, None) => Driver::Nobody,
    })
}

fn report(sim: &Simulation, judge: &Judge, json: bool, journal: bool) -> anyhow::Result<()> {
    let summary = sim.summary();
    if json {
        // Judgements summarised by rule: a portfolio of a million customers has millions of
        // them, which `--report` lists by rule and customer.
        let mut by_rule: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
        for j in &judge.judgements {
            *by_rule.entry(j.rule).or_default() += 1;
        }
        let judged: Vec<serde_json::Value> = by_rule
            .into_iter()
            .map(|(rule, count)| {
                let verdict = crate::exam::judge::rule(rule).map(|r| r.verdict);
                serde_json::json!({ "rule": rule, "verdict": verdict, "count": count })
            })
            .collect();
        let mut value = serde_json::to_value(&summary)?;
        value["judgements"] = serde_json::Value::Array(judged);
        value["readiness"] =
            serde_json::to_value(crate::exam::score::readiness(&judge.judgements, &[]))?;
        outln!("{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    let s = sim.scenario();
    outln!(
        "{}",
        tr!(
            "run-heading",
            title = s.title.as_str(),
            scenario = s.id.as_str(),
            seed = summary.seed.to_string()
        )
    )?;
    outln!()?;
    out!("{}", format::quarter_table(&summary))?;
    outln!()?;
    if journal {
        outln!("{}", tr!("run-journal"))?;
        for e in &sim.journal().entries {
            outln!("  {}", format::entry(sim, e))?;
        }
        outln!()?;
    } else if sim.customer_count() <= 100 {
        outln!("{}", tr!("run-outcomes"))?;
        for e in sim
            .journal()
            .entries
            .iter()
            .filter(|e| format::is_outcome(e))
        {
            outln!("  {}", format::entry(sim, e))?;
        }
        outln!()?;
    }
    if sim.customer_count() <= 100 || journal {
        out!("{}", format::judgements(sim, &judge.judgements))?;
    }
    out!("{}", format::totals(&summary))?;
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let scenario = super::load_scenario(args.file.as_deref())?;
    let driver = driver(args.actions.as_ref(), args.playbook.as_deref())?;
    // An action file's problems against this scenario, located like any other file's.
    if let (Driver::Actions(actions), Some(path)) = (&driver, &args.actions) {
        let file = path.display().to_string();
        let text = crate::scenario::read_text(path).unwrap_or_default();
        let problems = super::check::action_problems(&file, &text, actions, Some(&scenario));
        if !problems.is_empty() {
            bail!(
                "{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
    let seed = args.seed.unwrap_or(scenario.seed);
    let mut sim = Simulation::new(scenario, seed);
    let mut judge = Judge::new();
    play_out(&mut sim, &driver, Some(&mut judge))?;
    report(&sim, &judge, args.json, args.journal)?;
    if let Some(out) = &args.report {
        let (html, json) = write_debrief(&sim, &judge, &[], &[], out)?;
        eprintln!(
            "{}",
            tr!(
                "run-debrief-written",
                html = super::full_path(&html),
                json = super::full_path(&json)
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What `csm-sim` with no command does: run the default scenario with the sensible
/// playbook and point at the other commands.
#[cfg(not(feature = "gui"))]
pub fn run_default() -> anyhow::Result<ExitCode> {
    use crate::scenario::builtin;
    let scenario = super::load_scenario(None)?;
    let seed = scenario.seed;
    let mut sim = Simulation::new(scenario, seed);
    let mut judge = Judge::new();
    play_out(
        &mut sim,
        &Driver::Playbook(Playbook::load("sensible")?),
        Some(&mut judge),
    )?;
    outln!("{}", tr!("run-default", scenario = builtin::DEFAULT))?;
    outln!()?;
    report(&sim, &judge, false, false)?;
    Ok(ExitCode::SUCCESS)
}
