//! `csm-sim exam` (a timed mock exam) and `csm-sim quiz` (practice by domain or objective),
//! both feeding the trainee's study record.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::bail;

use super::ask::{self, Reply};
use crate::exam::Blueprint;
use crate::exam::checks::presentation_order;
use crate::exam::practice::{self, PASS_LINE};
use crate::exam::questions::Bank;
use crate::exam::study::{self, Filter, StudyRecord};

#[derive(clap::Args, Debug)]
pub struct ExamArgs {
    /// Questions on the paper, drawn by the exam's domain weights.
    #[arg(long, default_value_t = practice::QUESTIONS)]
    questions: usize,
    /// Minutes allowed.
    #[arg(long, default_value_t = practice::MINUTES)]
    minutes: f64,
    /// Seed of the paper (default: a new paper each time).
    #[arg(long)]
    seed: Option<u64>,
    /// The study record to update (default: $CSM_SIM_STUDY, else
    /// ~/.local/share/csm-sim/study.ron).
    #[arg(long)]
    study: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct QuizArgs {
    /// Only questions of this domain (1–5).
    #[arg(long)]
    domain: Option<String>,
    /// Only questions on this objective (for example 3.4.b, or 3.4 for all of 3.4.a–e).
    #[arg(long)]
    objective: Option<String>,
    /// How many questions.
    #[arg(long, default_value_t = 10)]
    count: usize,
    /// Seed of the order of new questions (default: a new order each time).
    #[arg(long)]
    seed: Option<u64>,
    /// The study record to use and update (default: $CSM_SIM_STUDY, else
    /// ~/.local/share/csm-sim/study.ron).
    #[arg(long)]
    study: Option<PathBuf>,
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

fn minutes_seconds(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

pub fn exam(args: ExamArgs) -> anyhow::Result<ExitCode> {
    let bank = Bank::get();
    if args.questions == 0 || args.questions > bank.0.len() {
        bail!(
            "--questions must be 1 to {} (the bank's size), not {}",
            bank.0.len(),
            args.questions
        );
    }
    if !(args.minutes > 0.0 && args.minutes <= 600.0) {
        bail!(
            "--minutes must be more than 0 and at most 600, not {}",
            args.minutes
        );
    }
    let path = args.study.clone().unwrap_or_else(study::default_path);
    // Read the record first: a record that cannot be read stops the exam before it starts,
    // rather than losing its results at the end.
    let mut record = StudyRecord::load(&path)?;
    let seed = args.seed.unwrap_or_else(clock_seed);
    let paper = practice::draw_paper(bank, args.questions, seed);
    let limit = Duration::from_secs_f64(args.minutes * 60.0);
    let mut out = std::io::stdout();
    writeln!(
        out,
        "{}",
        tr!(
            "exam-intro",
            questions = paper.len(),
            time = minutes_seconds(limit),
            pass = format!("{:.0}", PASS_LINE * 100.0)
        )
    )?;
    writeln!(out, "{}", tr!("exam-how"))?;
    let mut lines = ask::stdin_lines();
    let start = Instant::now();
    let mut answers: Vec<Option<Vec<usize>>> = vec![None; paper.len()];
    let mut reached = 0;
    let mut skipped = vec![false; paper.len()];
    let mut late = false;
    for (i, q) in paper.iter().enumerate() {
        let left = limit.saturating_sub(start.elapsed());
        if left.is_zero() {
            late = true;
            break;
        }
        reached = i + 1;
        let order = presentation_order(seed, q);
        let heading = tr!(
            "exam-question",
            number = i + 1,
            total = paper.len(),
            domain = q.domain(),
            time = minutes_seconds(left)
        );
        let mut prompt = || {
            tr!(
                "exam-time-prompt",
                time = minutes_seconds(limit.saturating_sub(start.elapsed()))
            )
        };
        match ask::pose(q, &order, &heading, &mut prompt, &mut lines, &mut out)? {
            Reply::Chosen(c) => {
                if start.elapsed() > limit {
                    writeln!(out, "{}", tr!("exam-late-answer"))?;
                    late = true;
                    break;
                }
                answers[i] = Some(c);
            }
            Reply::Skip => skipped[i] = true,
            Reply::Quit | Reply::End => {
                reached = i;
                break;
            }
        }
    }
    if late {
        writeln!(out, "\n{}", tr!("exam-time-up"))?;
    }
    let marks = practice::mark(&paper, &answers);
    let taken = start.elapsed().min(limit);
    let passed = if marks.passed() { "yes" } else { "no" };
    writeln!(
        out,
        "\n{}",
        tr!(
            "exam-score",
            right = marks.right,
            asked = marks.asked,
            percent = format!("{:.0}", marks.score() * 100.0),
            time = minutes_seconds(taken),
            passed = passed,
            pass = format!("{:.0}", PASS_LINE * 100.0)
        )
    )?;
    writeln!(out, "{}", tr!("exam-verdict", passed = passed))?;
    for d in &marks.domains {
        writeln!(
            out,
            "  {} {} {}  {:>3.0} %",
            d.id,
            super::format::fit(&crate::i18n::objective_title(&d.id, &d.title), 34),
            tr!(
                "right-of",
                right = format!("{:>2}", d.right),
                asked = format!("{:>2}", d.asked)
            ),
            d.share() * 100.0
        )?;
    }
    writeln!(out, "\n{}:", tr!("review"))?;
    for (i, q) in paper.iter().enumerate() {
        let order = presentation_order(seed, q);
        let verdict = match &answers[i] {
            Some(a) if q.is_right(a) => tr!("mark-right"),
            Some(_) => tr!("mark-wrong"),
            None if skipped[i] => tr!("mark-skipped"),
            None if i < reached => tr!("mark-unanswered"),
            None => tr!("mark-not-reached"),
        };
        writeln!(
            out,
            "\n{}. [{}] {} ({verdict})",
            i + 1,
            q.objectives.join(", "),
            crate::i18n::question_prompt(q)
        )?;
        for (shown, &c) in order.iter().enumerate() {
            let choice = &q.choices[c];
            let mine = answers[i].as_ref().is_some_and(|a| a.contains(&c));
            let mark = match (choice.correct, mine) {
                (true, true) => tr!("exam-mark-right-yours"),
                (true, false) => " ✓".to_owned(),
                (false, true) => tr!("exam-mark-wrong-yours"),
                (false, false) => String::new(),
            };
            writeln!(
                out,
                "  {}) {}{mark}",
                ask::letter(shown),
                crate::i18n::choice_text(q, c)
            )?;
            if choice.correct || mine {
                writeln!(out, "     {}", crate::i18n::choice_explanation(q, c))?;
            }
        }
    }
    record.record_exam(&paper, &answers, &skipped, &marks, study::today());
    match record.save(&path) {
        Ok(()) => writeln!(
            out,
            "\n{}",
            tr!("exam-recorded", path = super::full_path(&path))
        )?,
        Err(e) => {
            writeln!(
                out,
                "\n{}",
                tr!("quiz-could-not-save", error = e.to_string())
            )?;
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn quiz(args: QuizArgs) -> anyhow::Result<ExitCode> {
    let bank = Bank::get();
    let blueprint = Blueprint::get();
    if let Some(d) = &args.domain
        && !blueprint.domains.iter().any(|x| &x.id == d)
    {
        bail!("--domain {d}: the domains are 1 to 5");
    }
    if let Some(o) = &args.objective
        && !blueprint.ids().any(|id| id == o)
    {
        bail!("--objective {o}: not an objective of the blueprint (see `csm-sim coverage`)");
    }
    if args.count == 0 {
        bail!("--count must be at least 1");
    }
    let filter = Filter {
        domain: args.domain.clone(),
        objective: args.objective.clone(),
    };
    let path = args.study.clone().unwrap_or_else(study::default_path);
    let mut record = StudyRecord::load(&path)?;
    let day = study::today();
    let seed = args.seed.unwrap_or_else(clock_seed);
    let questions = record.pick(bank, &filter, args.count, day, seed);
    let mut out = std::io::stdout();
    let due = record
        .due(bank, day)
        .iter()
        .filter(|q| filter.admits(q))
        .count();
    writeln!(
        out,
        "{}",
        tr!("quiz-intro", questions = questions.len(), due = due)
    )?;
    let mut lines = ask::stdin_lines();
    let (mut asked, mut right) = (0, 0);
    for (i, q) in questions.iter().enumerate() {
        let order = presentation_order(seed, q);
        let status = match record.questions.get(&q.id) {
            Some(c) if !c.last_right => tr!("note-missed"),
            Some(_) => tr!("note-review"),
            None => tr!("note-new"),
        };
        let heading = tr!(
            "quiz-question",
            number = i + 1,
            total = questions.len(),
            objectives = q.objectives.join(", "),
            note = status
        );
        let chosen = match ask::pose(q, &order, &heading, &mut String::new, &mut lines, &mut out)? {
            Reply::Chosen(c) => c,
            Reply::Skip => continue,
            Reply::Quit | Reply::End => break,
        };
        let ok = ask::feedback(q, &order, &chosen, &mut out)?;
        asked += 1;
        right += u32::from(ok);
        record.answered(&q.id, ok, day);
        // Saved after every answer: an interrupted practice keeps what was done.
        if let Err(e) = record.save(&path) {
            writeln!(out, "{}", tr!("quiz-could-not-save", error = e.to_string()))?;
            return Ok(ExitCode::from(1));
        }
    }
    writeln!(out, "\n{}", tr!("quiz-right", right = right, asked = asked))?;
    let weak = record.weakest(bank, 3);
    if !weak.is_empty() {
        writeln!(out, "{}:", tr!("study-next"))?;
        for w in weak {
            writeln!(
                out,
                "  {} {} ({}) — `csm-sim quiz --objective {}`",
                w.id,
                crate::i18n::objective_title(&w.id, &w.title),
                tr!("right-of-right", right = w.right, asked = w.answered),
                w.id
            )?;
        }
    }
    writeln!(
        out,
        "{}",
        tr!(
            "quiz-seen",
            seen = record.seen(bank),
            total = bank.0.len(),
            path = super::full_path(&path)
        )
    )?;
    Ok(ExitCode::SUCCESS)
}
