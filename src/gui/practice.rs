//! Studying in the window: practice questions (missed ones first, with the explanation
//! after each) and the timed mock exam (marked per domain, then every question reviewed).
//! Both feed the study record.

use std::time::{Duration, Instant};

use egui::{RichText, ScrollArea, Ui};

use super::question::{BAD, GOOD, question_ui, take_answer};
use super::state::{Asking, GuiState, Screen};
use crate::exam::practice::{self, Marks, PASS_LINE};
use crate::exam::questions::Bank;
use crate::exam::study::{self, Filter, StudyRecord};

/// What kind of study is under way.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Quiz,
    Exam { limit: Duration },
}

/// A practice session or a mock exam in progress.
#[derive(Debug)]
pub struct Practice {
    pub mode: Mode,
    pub questions: Vec<Asking>,
    pub current: usize,
    pub started: Instant,
    /// Set when the exam is marked (or the practice is over).
    pub marks: Option<Marks>,
    pub skipped: Vec<bool>,
    /// For practice, what the record says of each question ("new", "missed last time").
    pub notes: Vec<String>,
}

impl Practice {
    fn new(mode: Mode, questions: Vec<Asking>) -> Practice {
        let n = questions.len();
        Practice {
            mode,
            questions,
            current: 0,
            started: Instant::now(),
            marks: None,
            skipped: vec![false; n],
            notes: Vec::new(),
        }
    }

    fn time_left(&self) -> Option<Duration> {
        match self.mode {
            Mode::Exam { limit } => Some(limit.saturating_sub(self.started.elapsed())),
            Mode::Quiz => None,
        }
    }
}

fn seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

impl GuiState {
    fn study_record(&mut self) -> Option<StudyRecord> {
        match StudyRecord::load(&self.study_path) {
            Ok(r) => Some(r),
            Err(e) => {
                self.error = Some(e.to_string());
                None
            }
        }
    }

    /// Starts practice: `count` questions of the chosen domain, due ones first.
    pub fn start_quiz(&mut self, count: usize) {
        let Some(record) = self.study_record() else {
            return;
        };
        let filter = Filter {
            domain: Some(self.practice_domain.clone()).filter(|d| !d.is_empty()),
            objective: None,
        };
        let seed = seed();
        let questions: Vec<Asking> = record
            .pick(Bank::get(), &filter, count, study::today(), seed)
            .into_iter()
            .map(|q| Asking::new(q, seed))
            .collect();
        let mut practice = Practice::new(Mode::Quiz, questions);
        practice.notes = practice
            .questions
            .iter()
            .map(|a| match record.questions.get(&a.question.id) {
                Some(c) if !c.last_right => tr!("note-missed"),
                Some(_) => tr!("note-review"),
                None => tr!("note-new"),
            })
            .collect();
        self.practice = Some(practice);
        self.screen = Screen::Practice;
    }

    /// Starts a mock exam of `n` questions in `minutes`.
    pub fn start_exam(&mut self, n: usize, minutes: f64) {
        if self.study_record().is_none() {
            return;
        }
        let seed = seed();
        let questions: Vec<Asking> = practice::draw_paper(Bank::get(), n, seed)
            .into_iter()
            .map(|q| Asking::new(q, seed))
            .collect();
        let limit = Duration::from_secs_f64(minutes * 60.0);
        self.practice = Some(Practice::new(Mode::Exam { limit }, questions));
        self.screen = Screen::Practice;
    }

    /// Marks the exam and records every answered or skipped question and the result.
    pub fn finish_exam(&mut self) {
        let Some(p) = self.practice.as_mut() else {
            return;
        };
        if p.marks.is_some() {
            return;
        }
        let paper: Vec<_> = p.questions.iter().map(|a| a.question).collect();
        let answers: Vec<Option<Vec<usize>>> =
            p.questions.iter().map(|a| a.answered.clone()).collect();
        let marks = practice::mark(&paper, &answers);
        p.marks = Some(marks.clone());
        let skipped = p.skipped.clone();
        let Some(mut record) = self.study_record() else {
            return;
        };
        record.record_exam(&paper, &answers, &skipped, &marks, study::today());
        if let Err(e) = record.save(&self.study_path) {
            self.error = Some(tr!("could-not-save-study", error = e.to_string()));
        }
    }
}

fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

/// The study section of the start screen.
pub fn study_start_ui(ui: &mut Ui, state: &mut GuiState) {
    ui.label(RichText::new(tr!("study-heading")).strong());
    let bank = Bank::get();
    match StudyRecord::load(&state.study_path) {
        Ok(r) => {
            let due = r.due(bank, study::today()).len();
            let last = r.exams.last().map_or_else(String::new, |e| {
                tr!(
                    "last-mock-exam",
                    percent = format!("{:.0}", e.score * 100.0),
                    passed = if e.passed { "yes" } else { "no" }
                )
            });
            ui.label(tr!(
                "study-progress",
                seen = r.seen(bank),
                total = bank.0.len(),
                due = due,
                last = last
            ));
        }
        Err(e) => {
            ui.colored_label(BAD, e.to_string());
        }
    }
    ui.horizontal(|ui| {
        ui.label(tr!("domain"));
        let label = if state.practice_domain.is_empty() {
            tr!("domain-all")
        } else {
            state.practice_domain.clone()
        };
        egui::ComboBox::from_id_salt("practice-domain")
            .selected_text(label)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.practice_domain, String::new(), tr!("domain-all"));
                for d in &crate::exam::Blueprint::get().domains {
                    ui.selectable_value(
                        &mut state.practice_domain,
                        d.id.clone(),
                        format!("{} {}", d.id, crate::i18n::objective_title(&d.id, &d.title)),
                    );
                }
            });
        if ui.button(tr!("practise-questions", count = 10)).clicked() {
            state.start_quiz(10);
        }
    });
    if ui
        .button(tr!(
            "mock-exam-button",
            questions = practice::QUESTIONS,
            minutes = format!("{:.0}", practice::MINUTES)
        ))
        .clicked()
    {
        state.start_exam(practice::QUESTIONS, practice::MINUTES);
    }
}

/// The practice or exam screen.
pub fn practice_ui(ui: &mut Ui, state: &mut GuiState) {
    let Some(p) = state.practice.as_mut() else {
        state.screen = Screen::Start;
        return;
    };
    let exam = matches!(p.mode, Mode::Exam { .. });
    let mut leave = false;
    let mut finish = false;
    let mut answered: Option<(String, bool)> = None;
    ui.horizontal(|ui| {
        ui.heading(if exam {
            tr!("mock-exam")
        } else {
            tr!("practice")
        });
        if let Some(left) = p.time_left()
            && p.marks.is_none()
        {
            let colour = if left < Duration::from_secs(300) {
                BAD
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(
                colour,
                RichText::new(tr!("time-left", time = clock(left))).strong(),
            );
            ui.ctx().request_repaint_after(Duration::from_millis(500));
            if left.is_zero() {
                finish = true;
            }
        }
        if ui.button(tr!("back-to-start")).clicked() {
            leave = true;
        }
    });
    ui.separator();
    if let Some(marks) = p.marks.clone() {
        review_ui(ui, p, &marks);
    } else if p.current >= p.questions.len() {
        if exam {
            finish = true;
        } else {
            let right = p
                .questions
                .iter()
                .filter(|a| a.answered.as_ref().is_some_and(|c| a.question.is_right(c)))
                .count();
            ui.label(tr!(
                "quiz-result",
                right = right,
                answered = p.questions.iter().filter(|a| a.answered.is_some()).count()
            ));
            if p.questions.is_empty() {
                ui.label(tr!("no-questions"));
            }
        }
    } else {
        let total = p.questions.len();
        let i = p.current;
        {
            let a = &p.questions[i];
            ui.label(
                RichText::new(tr!(
                    "question-of",
                    number = i + 1,
                    total = total,
                    domain = a.question.domain(),
                    objectives = a.question.objectives.join(", "),
                    choose = a.question.choose,
                    note = p.notes.get(i).cloned().unwrap_or_default()
                ))
                .strong(),
            );
        }
        ScrollArea::vertical().show(ui, |ui| {
            let a = &mut p.questions[i];
            let button = if exam {
                tr!("answer-and-next")
            } else {
                tr!("answer")
            };
            if question_ui(ui, a, &button, !exam)
                && let Some(chosen) = take_answer(a)
            {
                answered = Some((a.question.id.clone(), a.question.is_right(&chosen)));
            }
            let done = a.answered.is_some();
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if exam {
                    if ui.button(tr!("skip")).clicked() {
                        p.skipped[i] = true;
                        p.current += 1;
                    }
                    if ui.button(tr!("finish-and-mark")).clicked() {
                        finish = true;
                    }
                } else if done && ui.button(RichText::new(tr!("next")).strong()).clicked() {
                    p.current += 1;
                }
            });
        });
        if exam && answered.is_some() {
            p.current += 1;
        }
    }
    if let Some((id, right)) = answered
        && !exam
    {
        state.record_study(&id, right);
    }
    if finish {
        state.finish_exam();
    }
    if leave {
        if exam && state.practice.as_ref().is_some_and(|p| p.marks.is_none()) {
            // Leaving mid-exam marks what was answered, so nothing is lost.
            state.finish_exam();
        }
        state.practice = None;
        state.screen = Screen::Start;
    }
}

fn review_ui(ui: &mut Ui, p: &Practice, marks: &Marks) {
    let passed = marks.passed();
    ui.colored_label(
        if passed { GOOD } else { BAD },
        RichText::new(tr!(
            "exam-marks",
            passed = if passed { "yes" } else { "no" },
            right = marks.right,
            asked = marks.asked,
            percent = format!("{:.0}", marks.score() * 100.0),
            pass = format!("{:.0}", PASS_LINE * 100.0)
        ))
        .heading(),
    );
    egui::Grid::new("exam-domains")
        .striped(true)
        .show(ui, |ui| {
            for d in &marks.domains {
                ui.label(format!(
                    "{} {}",
                    d.id,
                    crate::i18n::objective_title(&d.id, &d.title)
                ));
                ui.label(tr!("right-of", right = d.right, asked = d.asked));
                ui.label(format!("{:.0} %", d.share() * 100.0));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new(tr!("review")).strong());
    ScrollArea::vertical().show(ui, |ui| {
        for (i, a) in p.questions.iter().enumerate() {
            let q = a.question;
            let (colour, verdict) = match &a.answered {
                Some(c) if q.is_right(c) => (GOOD, tr!("mark-right")),
                Some(_) => (BAD, tr!("mark-wrong")),
                None if p.skipped[i] => (BAD, tr!("mark-skipped")),
                None => (BAD, tr!("mark-not-answered")),
            };
            ui.add_space(6.0);
            ui.colored_label(
                colour,
                RichText::new(format!(
                    "{}. {verdict} · [{}]",
                    i + 1,
                    q.objectives.join(", ")
                ))
                .strong(),
            );
            ui.label(crate::i18n::question_prompt(q));
            for &c in &a.order {
                let choice = &q.choices[c];
                let mine = a.answered.as_ref().is_some_and(|x| x.contains(&c));
                if choice.correct || mine {
                    let mark = match (choice.correct, mine) {
                        (true, true) => tr!("your-answer-right"),
                        (true, false) => tr!("the-answer-was"),
                        _ => tr!("your-answer-wrong"),
                    };
                    ui.colored_label(
                        if choice.correct { GOOD } else { BAD },
                        format!("{mark}: {}", crate::i18n::choice_text(q, c)),
                    );
                    ui.label(crate::i18n::choice_explanation(q, c));
                }
            }
        }
    });
}
