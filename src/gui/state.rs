//! The GUI's view state: which screen is shown, what the trainee has typed and chosen, and
//! the session being played. The UI functions read and change it; no game rule lives here.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::Resource;

use crate::exam::checks::Answer;
use crate::exam::questions::Question;
use crate::exam::study::{self, StudyRecord};
use crate::scenario::{Scenario, builtin};
use crate::session::{Recorder, Session};

/// The screens of the game.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Portfolio,
    Customer(u32),
    /// What happened in the quarter just played, then its knowledge checks.
    EndOfQuarter(u16),
    Debrief,
    /// Practice questions or the mock exam.
    Practice,
}

/// Which customers the portfolio table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    All,
    AtRisk,
    RenewingSoon,
    /// Customers whose health score fell last quarter: a decline to read (2.6).
    HealthFell,
    /// Customers with an inbound request open this quarter (1.4).
    Requests,
    Segment(String),
}

/// The portfolio table's sort column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Arr,
    Health,
    Renewal,
    Stage,
}

/// A knowledge-check question being asked.
#[derive(Debug, Clone)]
pub struct Asking {
    pub question: &'static Question,
    /// The order the choices are shown in (indices into the question's choices).
    pub order: Vec<usize>,
    /// The shown positions ticked so far.
    pub selected: Vec<usize>,
    /// Set once answered: the chosen choices (indices into the question's choices).
    pub answered: Option<Vec<usize>>,
}

impl Asking {
    pub fn new(question: &'static Question, seed: u64) -> Asking {
        Asking {
            question,
            order: crate::exam::checks::presentation_order(seed, question),
            selected: Vec::new(),
            answered: None,
        }
    }
}

/// What a cached debrief was built from.
pub type DebriefKey = (u64, u16, usize, usize, usize);

/// Everything the GUI shows and remembers.
#[derive(Resource)]
pub struct GuiState {
    pub screen: Screen,
    /// The coach's list and what it was worked out for (seed, quarter, actions planned,
    /// hours left), so it is not redone every frame.
    pub coach_cache: Option<((u64, u16, usize, u32), crate::sim::coach::Coaching)>,
    /// The debrief screen's debrief, kept while the game it tells stays the same (seed,
    /// quarter, actions, answers, coached quarters).
    pub debrief_cache: Option<(DebriefKey, crate::exam::debrief::Debrief)>,
    /// Built-in scenario chosen on the start screen (by name), or a file.
    pub chosen: String,
    pub file_path: String,
    pub seed_text: String,
    pub resume_path: String,
    pub loaded: Option<Arc<Scenario>>,
    pub error: Option<String>,
    pub message: Option<String>,
    pub rec: Option<Recorder>,
    pub save_path: PathBuf,
    pub report_path: String,
    pub filter: Filter,
    pub sort: SortBy,
    pub descending: bool,
    pub search: String,
    pub asking: Vec<Asking>,
    pub ui_scale: f32,
    /// The study record's file, and the practice or mock exam under way.
    pub study_path: PathBuf,
    pub practice: Option<super::practice::Practice>,
    /// The domain practice draws from on the start screen ("" for all).
    pub practice_domain: String,
    /// "Join a class": the server's address, the class's code and the trainee's name.
    pub join_address: String,
    pub join_code: String,
    pub join_name: String,
    /// Whether the window's fonts (Japanese among them) have been given to egui.
    pub fonts_installed: bool,
    /// Whether a language chosen in the window is saved for the next run (the window does;
    /// tests, which must not write to the user's settings, do not).
    pub keep_settings: bool,
    /// Light or dark.
    pub theme: crate::settings::Theme,
    /// The class ranking last asked for (shown until closed).
    pub ranking: Option<Result<Vec<crate::class::RankRow>, String>>,
}

impl GuiState {
    pub fn new() -> Self {
        let mut state = GuiState {
            screen: Screen::Start,
            coach_cache: None,
            debrief_cache: None,
            chosen: builtin::DEFAULT.to_owned(),
            file_path: String::new(),
            seed_text: String::new(),
            resume_path: latest_session().unwrap_or_default(),
            loaded: None,
            error: None,
            message: None,
            rec: None,
            save_path: PathBuf::from("csm-session.ron"),
            report_path: "csm-debrief".to_owned(),
            filter: Filter::All,
            sort: SortBy::Arr,
            descending: true,
            search: String::new(),
            asking: Vec::new(),
            study_path: study::default_path(),
            practice: None,
            practice_domain: String::new(),
            join_address: String::new(),
            join_code: String::new(),
            join_name: String::new(),
            ranking: None,
            keep_settings: false,
            theme: crate::settings::Theme::Dark,
            fonts_installed: false,
            ui_scale: 1.0,
        };
        state.choose(builtin::DEFAULT);
        state
    }

    /// Chooses a scenario (a built-in name or a file path) and loads it to show its details.
    pub fn choose(&mut self, spec: &str) {
        self.chosen = spec.to_owned();
        match Scenario::load(spec) {
            Ok(s) => {
                self.seed_text = s.seed.to_string();
                self.loaded = Some(Arc::new(s));
                self.error = None;
            }
            Err(e) => {
                self.loaded = None;
                self.error = Some(e.to_string());
            }
        }
    }

    /// Starts the chosen scenario with the typed seed.
    pub fn start(&mut self) {
        let Some(scenario) = self.loaded.clone() else {
            return;
        };
        let seed = match self.seed_text.trim().parse::<u64>() {
            Ok(seed) => seed,
            Err(_) => {
                self.error = Some(tr!("seed-not-a-number", seed = self.seed_text.as_str()));
                return;
            }
        };
        // A new game gets a file of its own beside the last one, never another session's.
        let dir = self
            .save_path
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        self.save_path = crate::cli::fresh_path(&dir, &scenario.id);
        self.coach_cache = None;
        self.debrief_cache = None;
        let mut rec = Recorder::new(scenario, seed);
        rec.keep_history(HISTORY_CUSTOMERS);
        self.rec = Some(rec);
        self.error = None;
        self.screen = Screen::Portfolio;
    }

    /// Resumes a saved session.
    pub fn resume(&mut self) {
        let path = PathBuf::from(self.resume_path.trim());
        // Verified as `replay` does: an edited session is refused.
        // The charts' history is rebuilt from the scenario's start.
        let loaded = Session::load(&path)
            .and_then(|s| s.verify_keeping(&path.display().to_string(), HISTORY_CUSTOMERS));
        match loaded {
            Ok(rec) => {
                let finished = rec.sim.finished();
                self.coach_cache = None;
                self.debrief_cache = None;
                self.rec = Some(rec);
                self.save_path = path;
                self.error = None;
                // A finished session opens on its debrief.
                self.screen = if finished {
                    Screen::Debrief
                } else {
                    Screen::Portfolio
                };
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Saves the session; a failure is shown, never lost silently.
    pub fn autosave(&mut self) {
        if let Some(rec) = &self.rec
            && let Err(e) = rec.to_session().save(&self.save_path)
        {
            self.error = Some(tr!("could-not-save", error = e.to_string()));
        }
    }

    /// Joins a class: its scenario and seed, a seat, and a file of one's own.
    pub fn join_class(&mut self) {
        let joined = match crate::class::client::join(
            &self.join_address,
            &self.join_code,
            &self.join_name,
            None,
        ) {
            Ok(j) => j,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        let scenario = match Scenario::parse("the class's scenario", &joined.scenario_source) {
            Ok(s) => Arc::new(s),
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        let dir = self
            .save_path
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        self.save_path = crate::cli::fresh_path(&dir, &joined.save_stem(&scenario.id));
        let mut rec = Recorder::new(scenario, joined.seed);
        rec.class = Some(joined.seat_at(&self.join_address));
        // A class plays under exam conditions: no coach.
        rec.coach = false;
        rec.keep_history(HISTORY_CUSTOMERS);
        self.coach_cache = None;
        self.debrief_cache = None;
        self.rec = Some(rec);
        self.error = None;
        self.message = Some(tr!(
            "class-joined",
            name = joined.name.as_str(),
            path = full_path(&self.save_path)
        ));
        self.screen = Screen::Portfolio;
    }

    /// Ends the quarter: the plan is carried out, the result shown, questions prepared.
    pub fn end_quarter(&mut self) {
        let Some(rec) = self.rec.as_mut() else { return };
        if rec.sim.finished() {
            self.screen = Screen::Debrief;
            return;
        }
        let q = rec.sim.clock().quarter;
        // In a class: held, messages and injected barriers first.
        if let Ok(before) = crate::class::client::before_end(rec, q) {
            let mut notes: Vec<String> = before
                .message
                .iter()
                .map(|m| tr!("class-message", message = m.as_str()))
                .collect();
            notes.extend(
                before
                    .news
                    .iter()
                    .map(|n| tr!("class-news", news = n.as_str())),
            );
            if let Some(h) = before.held {
                notes.push(tr!("class-held", quarter = h));
                self.message = Some(notes.join(" "));
                return;
            }
            if !notes.is_empty() {
                self.message = Some(notes.join(" "));
            }
        }
        rec.end_quarter();
        let n = usize::from(rec.sim.scenario().knowledge_checks);
        let asked = rec.answers.iter().map(|a| a.question.clone()).collect();
        let seed = rec.sim.seed();
        self.asking = crate::exam::checks::pick(&rec.sim, &rec.judge, q, &asked, n)
            .into_iter()
            .map(|question| Asking::new(question, seed))
            .collect();
        self.autosave();
        if let Some(rec) = &self.rec
            && let Some(result) = crate::class::client::after_end(rec)
        {
            let note = match result {
                Ok(r) => tr!("class-synced", quarter = r.quarter),
                Err(e) => tr!("class-not-synced", error = e.to_string()),
            };
            self.message = Some(match self.message.take() {
                Some(m) => format!("{m} {note}"),
                None => note,
            });
        }
        self.screen = Screen::EndOfQuarter(q);
    }

    /// Leaves the end-of-quarter screen: to the portfolio, or to the debrief at the end.
    pub fn next_quarter(&mut self) {
        self.asking.clear();
        let finished = self.rec.as_ref().is_some_and(|r| r.sim.finished());
        self.screen = if finished {
            Screen::Debrief
        } else {
            Screen::Portfolio
        };
    }

    /// Records the answer to question `i` of the quarter's checks.
    pub fn answer(&mut self, i: usize, quarter: u16) {
        let Some(rec) = self.rec.as_mut() else { return };
        let Some(asking) = self.asking.get_mut(i) else {
            return;
        };
        let Some(chosen) = super::question::take_answer(asking) else {
            return;
        };
        let question = asking.question;
        rec.answers
            .push(Answer::new(quarter, &question.id, &chosen));
        self.autosave();
        self.record_study(&question.id, question.is_right(&chosen));
    }
}

impl GuiState {
    /// Puts an answer into the study record (saved at once); a record that cannot be read
    /// or written is reported and left alone.
    pub fn record_study(&mut self, question: &str, right: bool) {
        let mut record = match StudyRecord::load(&self.study_path) {
            Ok(r) => r,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        record.answered(question, right, study::today());
        if let Err(e) = record.save(&self.study_path) {
            self.error = Some(tr!("could-not-save-study", error = e.to_string()));
        }
    }
}

/// A path in full, with its folder: a relative one says nothing about where the file is.
pub fn full_path(path: &std::path::Path) -> String {
    crate::cli::full_path(path)
}

/// Customers whose quarter-by-quarter history the window keeps for its charts.
pub const HISTORY_CUSTOMERS: usize = 10_000;

/// Whether a file begins like a session (a study record or a scenario does not).
fn is_session(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| {
            let text = String::from_utf8_lossy(&head[..n]);
            text.contains("format:") && text.contains("scenario_id:")
        })
}

/// The most recently saved `csm-*.ron` session here, to offer on the start screen.
fn latest_session() -> Option<String> {
    std::fs::read_dir(".")
        .ok()?
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.starts_with("csm-") && n.ends_with(".ron") && is_session(&e.path())
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.file_name())))
        .max()
        .map(|(_, n)| n.to_string_lossy().into_owned())
}

impl Default for GuiState {
    fn default() -> Self {
        GuiState::new()
    }
}
