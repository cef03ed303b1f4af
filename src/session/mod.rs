//! Sessions: the scenario, the seed and every action taken, saved atomically, so the same
//! inputs always give the same result and a played session can be replayed and checked.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::exam::checks::Answer;
use crate::exam::judge::Judge;
use crate::scenario::{LoadError, Located, Scenario, content_hash};
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionTarget, PlannedAction};

/// The session file format this program writes.
pub const FORMAT: u32 = 1;

/// The version of the model's rules. A session saved under other rules cannot reproduce
/// its outcomes here, so it is refused with a clear reason rather than replayed wrong.
/// 1: up to the rebalance of issue 7; 2: the rebalanced model (`docs/model.md` §13); 3: the
/// rewritten question bank (answers are stored by choice, and the choices moved), with
/// knowledge checks in the tutorial; 4: success plans aim at an outcome heard from the
/// sponsor (issue 11), so plans written before differ in what they validate; 5: health
/// readings (2.6) and their rules; 6: inbound requests (1.4), which change play in
/// company-risk, and gaps in the baseline (2.5), which change mixed-portfolio; 7: advocacy
/// in three forms, each peer proof for the segment's expansions (4.6), and expansion
/// opportunities written into the success plan (5.4).
/// 8: targeted use cases (2.8), seen with the champion, which speed a rollout and its
/// outcomes; a RACI that names someone who left stalls outcomes until reviewed (2.9).
pub const MODEL: u32 = 8;

fn model_one() -> u32 {
    1
}

/// Who an injected barrier hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InjectTarget {
    All,
    Segment(String),
    Customer(String),
}

/// A barrier injected during play (by an instructor, live), with the quarter it began in:
/// recorded so that a replay injects it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Injection {
    /// The class server's number for it (so it is applied once).
    pub id: i64,
    pub quarter: u16,
    pub barrier: crate::sim::types::BarrierKind,
    pub target: InjectTarget,
    pub severity: f32,
    pub hidden: bool,
    #[serde(default)]
    pub note: String,
}

impl Injection {
    /// The scenario event it amounts to in `sim`, if its target exists there.
    pub fn event(&self, sim: &Simulation) -> Option<crate::scenario::ScriptedEvent> {
        let target = match &self.target {
            InjectTarget::All => crate::scenario::Target::All,
            InjectTarget::Segment(id) => {
                crate::scenario::Target::Segment(sim.scenario().segment_index(id)?)
            }
            InjectTarget::Customer(key) => {
                crate::scenario::Target::Customer(sim.find_customer(key)?)
            }
        };
        Some(crate::scenario::ScriptedEvent {
            quarter: self.quarter,
            target,
            barrier: self.barrier,
            category: self.barrier.default_category(),
            severity: if self.severity.is_finite() {
                self.severity.clamp(0.0, 1.0)
            } else {
                0.5
            },
            probability: 1.0,
            hidden: self.hidden,
            note: self.note.clone(),
        })
    }
}

/// One action as recorded, naming its target by scenario key so files stay readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedAction {
    pub quarter: u16,
    pub action: ActionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    /// The model version the session was played under (files from before it have none: 1).
    #[serde(default = "model_one")]
    pub model: u32,
    pub scenario_id: String,
    /// SHA-256 of `scenario_source`; a mismatch means the file was edited.
    pub scenario_hash: String,
    pub scenario_source: String,
    pub seed: u64,
    pub quarters_played: u16,
    /// Actions of the quarters played, in order.
    pub actions: Vec<RecordedAction>,
    /// Actions planned for the quarter in progress.
    #[serde(default)]
    pub pending: Vec<RecordedAction>,
    /// Actions the trainee tried and the situation refused (they are judged too).
    #[serde(default)]
    pub refused: Vec<RecordedAction>,
    /// Knowledge-check answers.
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// SHA-256 of everything the debrief shows (see [`session_hash`]).
    pub outcome_hash: String,
    /// The class seat this session is played in, if any: a resumed game syncs with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<crate::class::client::Seat>,
    /// Barriers injected during play, each with its quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injected: Vec<Injection>,
    /// Business outcomes the trainee wrote into success plans, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeChoice>,
    /// Health readings, in order, each in its quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<ReadingChoice>,
    /// Use cases the trainee wrote into success plans, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub use_cases: Vec<UseCaseChoice>,
    /// The quarters in which the coach was on or its list was shown (the debrief says so).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coached: Vec<u16>,
    /// Whether the coach is on now, so a resumed game goes on as it was left.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub coach: bool,
}

/// What the trainee said drives a customer's health decline (2.6), in its quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingChoice {
    pub quarter: u16,
    pub customer: String,
    pub driver: crate::sim::types::HealthDriver,
}

/// A business outcome the trainee wrote into a customer's success plan (2.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeChoice {
    pub quarter: u16,
    pub customer: String,
    pub outcome: crate::sim::customer::BusinessOutcome,
}

/// A use case the trainee wrote into a customer's success plan (2.8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseCaseChoice {
    pub quarter: u16,
    pub customer: String,
    pub use_case: crate::sim::customer::UseCase,
}

/// Why a session could not be loaded or replayed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{file}: cannot read the session: {message}")]
    Io { file: String, message: String },
    #[error("{file}: cannot read the actions file: {message}")]
    ActionsIo { file: String, message: String },
    #[error("{0}")]
    Corrupt(Located),
    #[error("{file}: session format {found} is not supported (this program reads format {FORMAT})")]
    Format { file: String, found: u32 },
    #[error(
        "{file}: this session was played under version {found} of the simulation's rules and question bank; this program runs version {MODEL}, so the same actions and answers would not give the same outcomes. Start a new session (the file is left as it is)"
    )]
    Model { file: String, found: u32 },
    #[error(
        "{file}: the embedded scenario does not match its hash; the file was edited or damaged"
    )]
    ScenarioHash { file: String },
    #[error("{file}: the embedded scenario is invalid:\n{source}")]
    Scenario { file: String, source: LoadError },
    #[error("{file}: action {index} ({action} in quarter {quarter}) cannot be replayed: {why}")]
    Action {
        file: String,
        index: usize,
        action: String,
        quarter: u16,
        why: String,
    },
    #[error(
        "{file}: answer {index} names question \"{question}\" or a choice that this program's question bank does not have"
    )]
    Answer {
        file: String,
        index: usize,
        question: String,
    },
    #[error(
        "{file}: the coached quarters {coached:?} are not quarters played, each once and in order (1 to {played})"
    )]
    Coached {
        file: String,
        coached: Vec<u16>,
        played: u16,
    },
    #[error("{file}: business outcome {index} cannot be written: {why}")]
    Outcome {
        file: String,
        index: usize,
        why: String,
    },
    #[error("{file}: use case {index} cannot be written: {why}")]
    UseCase {
        file: String,
        index: usize,
        why: String,
    },
    #[error("{file}: health reading {index} cannot be made: {why}")]
    Reading {
        file: String,
        index: usize,
        why: String,
    },
    #[error("cannot write {file}: {message}")]
    Write { file: String, message: String },
    #[error("{file}: quarters_played is {played}, but the scenario has only {quarters} quarters")]
    QuartersPlayed {
        file: String,
        played: u16,
        quarters: u16,
    },
    #[error(
        "{file}: the session does not reproduce: replayed, its actions, answers and results give {replayed}, but the file says {saved}; it was edited or damaged, so it is refused (the file is left as it is)"
    )]
    Mismatch {
        file: String,
        replayed: String,
        saved: String,
    },
}

/// Resolves a recorded action's target against a running simulation.
pub fn resolve(sim: &Simulation, a: &RecordedAction) -> Result<PlannedAction, String> {
    let target = match (&a.customer, &a.segment) {
        (Some(key), None) => ActionTarget::Customer(
            sim.find_customer(key)
                .ok_or_else(|| format!("no customer \"{key}\" in the scenario"))?,
        ),
        (None, Some(id)) => ActionTarget::Segment(
            sim.scenario()
                .segment_index(id)
                .ok_or_else(|| format!("no segment \"{id}\" in the scenario"))?,
        ),
        _ => return Err("name exactly one of `customer` or `segment`".to_owned()),
    };
    Ok(PlannedAction {
        action: a.action,
        target,
    })
}

/// Turns a planned action back into its recorded form.
pub fn record(sim: &Simulation, quarter: u16, p: &PlannedAction) -> RecordedAction {
    let (customer, segment) = match p.target {
        ActionTarget::Customer(id) => (sim.customer(id).map(|c| c.key), None),
        ActionTarget::Segment(s) => (
            None,
            sim.scenario()
                .segments
                .get(usize::from(s))
                .map(|s| s.id.clone()),
        ),
    };
    RecordedAction {
        quarter,
        action: p.action,
        customer,
        segment,
    }
}

/// SHA-256 of everything a session's debrief shows, as saved in sessions: the results,
/// every judgement and the readiness they give, the knowledge-check answers, and the
/// actions, pending plan and refused attempts with their targets. Changing any of them in
/// a saved file makes the session fail to verify.
pub fn session_hash(rec: &Recorder) -> String {
    // In English whatever the language played in, so a session saved in one language
    // verifies in every other.
    let debrief = crate::i18n::with_language(crate::i18n::ENGLISH, || {
        crate::exam::debrief::Debrief::new(&rec.sim, &rec.judge, &rec.answers)
    });
    let session = rec.to_session_unhashed();
    let json = serde_json::json!({
        "debrief": debrief,
        "summary": rec.sim.summary(),
        "actions": session.actions,
        "pending": session.pending,
        "refused": session.refused,
        "answers": session.answers,
        "quarters_played": session.quarters_played,
        "injected": session.injected,
        "outcomes": session.outcomes,
        "readings": session.readings,
    });
    // Use cases are left out when there are none, so sessions without them verify as before.
    let mut json = json;
    if !session.use_cases.is_empty() {
        json["use_cases"] = serde_json::json!(session.use_cases);
    }
    // The coach's quarters are part of what the debrief says; left out when there are none,
    // so sessions saved before the coach existed still verify.
    if !session.coached.is_empty() {
        json["coached"] = serde_json::json!(session.coached);
    }
    content_hash(&json.to_string())
}

/// A simulation with its history and its judge, for interactive play and saving.
pub struct Recorder {
    pub sim: Simulation,
    pub actions: Vec<RecordedAction>,
    /// What the rules said of the decisions so far (rebuilt on replay, never saved).
    pub judge: Judge,
    /// Knowledge-check answers so far.
    pub answers: Vec<Answer>,
    /// The class seat, when the game is played in a class.
    pub class: Option<crate::class::client::Seat>,
    /// Barriers injected during play; each starts when its quarter ends.
    pub injected: Vec<Injection>,
    /// Business outcomes written into success plans.
    pub outcomes: Vec<OutcomeChoice>,
    /// Use cases written into success plans.
    pub use_cases: Vec<UseCaseChoice>,
    /// Health readings of the quarters ended (the current quarter's are in the simulation).
    pub readings: Vec<ReadingChoice>,
    /// Whether the coach is on now: the scenario's setting, which the trainee may change. A
    /// class plays without it whatever this says.
    pub coach: bool,
    /// The quarters in which the coach was on or its list was shown.
    pub coached: Vec<u16>,
    /// The coach's list was shown this quarter (asked for with the coach off).
    pub coach_shown: bool,
    /// Each customer's observed signals and health at the start and at the end of every
    /// quarter, for the window's charts: kept for the first `history_limit` customers only
    /// (none unless asked for), and rebuilt on replay, never saved.
    pub history: std::collections::BTreeMap<u32, Vec<Snapshot>>,
    pub history_limit: usize,
}

/// One customer's observed signals and health when a quarter ended (quarter 0: the
/// scenario's starting data).
#[derive(Debug, Clone, Copy)]
pub struct Snapshot {
    pub quarter: u16,
    pub signals: crate::sim::view::SignalsView,
    pub health: f32,
}

impl Recorder {
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        Recorder {
            coach: scenario.coach,
            coached: Vec::new(),
            coach_shown: false,
            sim: Simulation::new(scenario, seed),
            actions: Vec::new(),
            judge: Judge::new(),
            answers: Vec::new(),
            class: None,
            injected: Vec::new(),
            outcomes: Vec::new(),
            use_cases: Vec::new(),
            readings: Vec::new(),
            history: std::collections::BTreeMap::new(),
            history_limit: 0,
        }
    }

    /// Starts keeping the charts' history for the first `limit` customers, from now.
    pub fn keep_history(&mut self, limit: usize) {
        self.history_limit = limit;
        self.snapshot();
    }

    /// Records the observed signals and health of the customers whose history is kept.
    fn snapshot(&mut self) {
        if self.history_limit == 0 {
            return;
        }
        let quarter = self.sim.clock().quarter.saturating_sub(1);
        for (id, signals, health) in self.sim.first_signals(self.history_limit) {
            let list = self.history.entry(id).or_default();
            if list.last().is_none_or(|s| s.quarter < quarter) {
                list.push(Snapshot {
                    quarter,
                    signals,
                    health,
                });
            }
        }
    }

    /// Writes a use case into a customer's success plan and records it.
    pub fn write_plan_use_case(
        &mut self,
        id: u32,
        use_case: crate::sim::customer::UseCase,
    ) -> Result<(), crate::sim::actions::Blocker> {
        self.sim.write_plan_use_case(id, use_case)?;
        let customer = self.sim.customer(id).map(|c| c.key).unwrap_or_default();
        self.use_cases.push(UseCaseChoice {
            quarter: self.sim.clock().quarter,
            customer,
            use_case,
        });
        Ok(())
    }

    /// Writes a business outcome into a customer's success plan and records it.
    pub fn write_plan_outcome(
        &mut self,
        id: u32,
        outcome: crate::sim::customer::BusinessOutcome,
    ) -> Result<(), crate::sim::actions::Blocker> {
        self.sim.write_plan_outcome(id, outcome)?;
        let customer = self.sim.customer(id).map(|c| c.key).unwrap_or_default();
        self.outcomes.push(OutcomeChoice {
            quarter: self.sim.clock().quarter,
            customer,
            outcome,
        });
        Ok(())
    }

    /// Ends the quarter, moving its plan into the history; barriers injected for this
    /// quarter begin with it.
    /// The coach's list for this quarter, which counts the quarter as coached; `None` in a
    /// class, which plays without it.
    pub fn coaching(&mut self) -> Option<crate::sim::coach::Coaching> {
        if self.class.is_some() || self.sim.finished() {
            return None;
        }
        self.coach_shown = true;
        Some(self.sim.coaching())
    }

    /// Whether the coach may be used: not in a class.
    pub fn coach_allowed(&self) -> bool {
        self.class.is_none()
    }

    pub fn end_quarter(&mut self) {
        let q = self.sim.clock().quarter;
        if self.class.is_none() && (self.coach || self.coach_shown) {
            self.coached.push(q);
        }
        self.coach_shown = false;
        let due: Vec<crate::scenario::ScriptedEvent> = self
            .injected
            .iter()
            .filter(|i| i.quarter == q)
            .filter_map(|i| i.event(&self.sim))
            .collect();
        for e in due {
            self.sim.inject(e);
        }
        let planned: Vec<RecordedAction> = self
            .sim
            .planned()
            .iter()
            .map(|p| record(&self.sim, q, p))
            .collect();
        self.actions.extend(planned);
        let read = self.current_readings();
        self.readings.extend(read);
        self.judge.end_quarter(&mut self.sim);
        self.snapshot();
    }

    /// The health readings made this quarter, as recorded.
    fn current_readings(&self) -> Vec<ReadingChoice> {
        let q = self.sim.clock().quarter;
        self.sim
            .readings()
            .iter()
            .map(|r| ReadingChoice {
                quarter: q,
                customer: self
                    .sim
                    .customer(r.customer)
                    .map(|c| c.key)
                    .unwrap_or_default(),
                driver: r.driver,
            })
            .collect()
    }

    pub fn to_session(&self) -> Session {
        let mut s = self.to_session_unhashed();
        s.outcome_hash = session_hash(self);
        s
    }

    fn to_session_unhashed(&self) -> Session {
        let q = self.sim.clock().quarter;
        let scenario = self.sim.scenario();
        Session {
            format: FORMAT,
            model: MODEL,
            scenario_id: scenario.id.clone(),
            scenario_hash: scenario.content_hash.clone(),
            scenario_source: scenario.source.clone(),
            seed: self.sim.seed(),
            quarters_played: self.sim.metrics().quarters.len() as u16,
            actions: self.actions.clone(),
            pending: self
                .sim
                .planned()
                .iter()
                .map(|p| record(&self.sim, q, p))
                .collect(),
            refused: self
                .sim
                .attempts()
                .iter()
                .map(|a| record(&self.sim, a.quarter, &a.planned))
                .collect(),
            answers: self.answers.clone(),
            outcome_hash: String::new(),
            class: self.class.clone(),
            injected: self.injected.clone(),
            outcomes: self.outcomes.clone(),
            use_cases: self.use_cases.clone(),
            coached: self.coached.clone(),
            coach: self.coach && self.class.is_none(),
            readings: self
                .readings
                .iter()
                .cloned()
                .chain(self.current_readings())
                .collect(),
        }
    }
}

impl Session {
    pub fn load(path: &Path) -> Result<Session, SessionError> {
        let file = path.display().to_string();
        let text = crate::scenario::read_text(path).map_err(|message| SessionError::Io {
            file: file.clone(),
            message,
        })?;
        Session::parse(&file, &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<Session, SessionError> {
        let session: Session = crate::scenario::ron_options().from_str(text).map_err(|e| {
            SessionError::Corrupt(Located {
                file: file.to_owned(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: format!("not a valid session file: {}", e.code),
            })
        })?;
        if session.format != FORMAT {
            return Err(SessionError::Format {
                file: file.to_owned(),
                found: session.format,
            });
        }
        if session.model != MODEL {
            return Err(SessionError::Model {
                file: file.to_owned(),
                found: session.model,
            });
        }
        if content_hash(&session.scenario_source) != session.scenario_hash {
            return Err(SessionError::ScenarioHash {
                file: file.to_owned(),
            });
        }
        Ok(session)
    }

    /// Writes the session so that a crash mid-save never destroys the previous save: the
    /// text goes to a temporary file beside the target, is flushed to disk, and then renamed
    /// over it in one step.
    pub fn save(&self, path: &Path) -> Result<(), SessionError> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .expect("sessions serialise");
        write_atomically(path, text.as_bytes()).map_err(|e| SessionError::Write {
            file: path.display().to_string(),
            message: e.to_string(),
        })
    }

    /// Replays the session and checks that it gives what the file says (its hash covers
    /// everything the debrief shows): how `replay`, `play --resume` and the window open a
    /// saved session.
    pub fn verify(&self, file: &str) -> Result<Recorder, SessionError> {
        self.verify_keeping(file, 0)
    }

    /// [`Session::verify`], keeping the charts' history of the first `history` customers
    /// from the scenario's start (the window's, so that a resumed game keeps its charts).
    pub fn verify_keeping(&self, file: &str, history: usize) -> Result<Recorder, SessionError> {
        let rec = self.replay_keeping(file, history)?;
        let hash = session_hash(&rec);
        if hash != self.outcome_hash {
            return Err(SessionError::Mismatch {
                file: file.to_owned(),
                replayed: hash[..16].to_owned(),
                saved: self.outcome_hash.chars().take(16).collect(),
            });
        }
        Ok(rec)
    }

    /// Rebuilds the simulation this session describes: every played quarter re-run with its
    /// actions, then the pending plan restored. It does not check the result: see
    /// [`Session::verify`].
    pub fn replay(&self, file: &str) -> Result<Recorder, SessionError> {
        self.replay_keeping(file, 0)
    }

    fn replay_keeping(&self, file: &str, history: usize) -> Result<Recorder, SessionError> {
        let scenario = Scenario::parse(
            &format!("{file} (embedded scenario)"),
            &self.scenario_source,
        )
        .map_err(|source| SessionError::Scenario {
            file: file.to_owned(),
            source,
        })?;
        if self.quarters_played > scenario.quarters {
            return Err(SessionError::QuartersPlayed {
                file: file.to_owned(),
                played: self.quarters_played,
                quarters: scenario.quarters,
            });
        }
        let mut rec = Recorder::new(Arc::new(scenario), self.seed);
        rec.keep_history(history);
        rec.injected = self.injected.clone();
        // The coach's quarters come from the file, not from replaying them.
        let coach_at_start = rec.coach;
        rec.coach = false;
        let fail = |index: usize, a: &RecordedAction, why: String| SessionError::Action {
            file: file.to_owned(),
            index,
            action: a.action.spec().id.to_owned(),
            quarter: a.quarter,
            why,
        };
        let planned: Vec<&RecordedAction> = self.actions.iter().chain(&self.pending).collect();
        if let Some(i) = planned.windows(2).position(|w| w[1].quarter < w[0].quarter) {
            return Err(fail(
                i + 1,
                planned[i + 1],
                "actions are out of quarter order".to_owned(),
            ));
        }
        // The outcomes written into plans, each in its quarter: writing changes no plan
        // check, so within the quarter it may come before or after the actions.
        let mut written = self.outcomes.iter().enumerate().peekable();
        let mut read = self.readings.iter().enumerate().peekable();
        let mut uses = self.use_cases.iter().enumerate().peekable();
        let mut write_due = |rec: &mut Recorder| -> Result<(), SessionError> {
            while let Some((index, o)) =
                written.next_if(|(_, o)| o.quarter <= rec.sim.clock().quarter)
            {
                let bad = |why: String| SessionError::Outcome {
                    file: file.to_owned(),
                    index,
                    why,
                };
                if o.quarter < rec.sim.clock().quarter {
                    return Err(bad("it is out of quarter order".to_owned()));
                }
                let id = rec.sim.find_customer(&o.customer).ok_or_else(|| {
                    bad(format!("no customer \"{}\" in the scenario", o.customer))
                })?;
                rec.write_plan_outcome(id, o.outcome)
                    .map_err(|b| bad(b.explain().to_owned()))?;
            }
            while let Some((index, u)) = uses.next_if(|(_, u)| u.quarter <= rec.sim.clock().quarter)
            {
                let bad = |why: String| SessionError::UseCase {
                    file: file.to_owned(),
                    index,
                    why,
                };
                if u.quarter < rec.sim.clock().quarter {
                    return Err(bad("it is out of quarter order".to_owned()));
                }
                let id = rec.sim.find_customer(&u.customer).ok_or_else(|| {
                    bad(format!("no customer \"{}\" in the scenario", u.customer))
                })?;
                rec.write_plan_use_case(id, u.use_case)
                    .map_err(|b| bad(b.explain().to_owned()))?;
            }
            // Readings take hours but change no plan check, so made after the quarter's
            // actions they fit as they did when played.
            while let Some((index, r)) = read.next_if(|(_, r)| r.quarter <= rec.sim.clock().quarter)
            {
                let bad = |why: String| SessionError::Reading {
                    file: file.to_owned(),
                    index,
                    why,
                };
                if r.quarter < rec.sim.clock().quarter {
                    return Err(bad("it is out of quarter order".to_owned()));
                }
                let id = rec.sim.find_customer(&r.customer).ok_or_else(|| {
                    bad(format!("no customer \"{}\" in the scenario", r.customer))
                })?;
                rec.sim
                    .read_health(id, r.driver)
                    .map_err(|b| bad(b.explain().to_owned()))?;
            }
            Ok(())
        };
        // Refused attempts are tried again in their quarter, before that quarter's plan.
        let mut steps: Vec<(bool, &RecordedAction)> = self
            .refused
            .iter()
            .map(|a| (true, a))
            .chain(planned.iter().map(|a| (false, *a)))
            .collect();
        steps.sort_by_key(|(_, a)| a.quarter);
        for (index, (refused, a)) in steps.into_iter().enumerate() {
            if a.quarter < rec.sim.clock().quarter {
                return Err(fail(
                    index,
                    a,
                    "actions are out of quarter order".to_owned(),
                ));
            }
            if u32::from(a.quarter) > u32::from(self.quarters_played) + 1 {
                return Err(fail(
                    index,
                    a,
                    format!("the session played only {} quarters", self.quarters_played),
                ));
            }
            while rec.sim.clock().quarter < a.quarter {
                write_due(&mut rec)?;
                rec.end_quarter();
            }
            let planned = resolve(&rec.sim, a).map_err(|why| fail(index, a, why))?;
            match (rec.sim.plan(planned), refused) {
                (Ok(_), false) | (Err(_), true) => {}
                (Err(b), false) => return Err(fail(index, a, b.explain().to_owned())),
                (Ok(_), true) => {
                    return Err(fail(
                        index,
                        a,
                        "it was refused when played but is allowed on replay".to_owned(),
                    ));
                }
            }
        }
        while rec.sim.metrics().quarters.len() < usize::from(self.quarters_played) {
            if rec.sim.finished() {
                break;
            }
            write_due(&mut rec)?;
            rec.end_quarter();
        }
        write_due(&mut rec)?;
        if let Some((index, r)) = read.next() {
            return Err(SessionError::Reading {
                file: file.to_owned(),
                index,
                why: format!(
                    "quarter {} is after the {} quarters played",
                    r.quarter, self.quarters_played
                ),
            });
        }
        if let Some((index, o)) = written.next() {
            return Err(SessionError::Outcome {
                file: file.to_owned(),
                index,
                why: format!(
                    "quarter {} is after the {} quarters played",
                    o.quarter, self.quarters_played
                ),
            });
        }
        if let Some((index, u)) = uses.next() {
            return Err(SessionError::UseCase {
                file: file.to_owned(),
                index,
                why: format!(
                    "quarter {} is after the {} quarters played",
                    u.quarter, self.quarters_played
                ),
            });
        }
        for (index, a) in self.answers.iter().enumerate() {
            let valid = a
                .question()
                .is_some_and(|q| a.fits(q) && a.quarter <= self.quarters_played);
            if !valid {
                return Err(SessionError::Answer {
                    file: file.to_owned(),
                    index,
                    question: a.question.clone(),
                });
            }
        }
        rec.answers = self.answers.clone();
        rec.class = self.class.clone();
        let in_order = self.coached.windows(2).all(|w| w[0] < w[1]);
        let played = self.quarters_played;
        if !in_order || self.coached.iter().any(|&q| q == 0 || q > played) {
            return Err(SessionError::Coached {
                file: file.to_owned(),
                coached: self.coached.clone(),
                played,
            });
        }
        rec.coached = self.coached.clone();
        // On as it was left; a file from before the setting was saved starts as the scenario
        // says only if nothing was played yet. Off in a class.
        rec.coach = self.class.is_none() && (self.coach || (played == 0 && coach_at_start));
        Ok(rec)
    }
}

/// Writes bytes to `path` atomically (temporary file, fsync, rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    remove_stale_temporaries(&dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes temporaries of earlier saves of the same file left by a process that died
/// mid-save (`.NAME.tmp-PID`): those whose process is gone (where `/proc` says so) or, where
/// it cannot tell, older than a day. A save in progress elsewhere is left alone.
fn remove_stale_temporaries(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    let proc_fs = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let stale = if pid == me {
            true
        } else if proc_fs {
            !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 86_400)
        };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Reads a recorded-actions file (`csm-sim run --actions`): a RON list of actions.
pub fn load_actions(path: &Path) -> Result<Vec<RecordedAction>, SessionError> {
    let file = path.display().to_string();
    let text = crate::scenario::read_text(path).map_err(|message| SessionError::ActionsIo {
        file: file.clone(),
        message,
    })?;
    crate::scenario::ron_options()
            .from_str(&text)
        .map_err(|e| {
            SessionError::Corrupt(Located {
                file,
                line: e.span.start.line,
                column: e.span.start.col,
                message: format!(
                    "expected a list of actions like [(quarter: 1, action: qbr, customer: \"northwind\")]: {}",
                    e.code
                ),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("csm-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = temp("ok");
        let path = dir.join("s.ron");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn a_save_removes_what_a_crashed_save_left_behind() {
        let dir = temp("stale");
        let path = dir.join("s.ron");
        // A process that no longer exists (pid 4,000,000 is above Linux's limit), and one of
        // another file: only the first goes.
        std::fs::write(dir.join(".s.ron.tmp-4000000"), "half a save").unwrap();
        std::fs::write(dir.join(".t.ron.tmp-4000000"), "another file's").unwrap();
        write_atomically(&path, b"whole").unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".t.ron.tmp-4000000", "s.ron"]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_save() {
        let dir = temp("fail");
        // The target is a non-empty directory, so the final rename fails after the
        // temporary file was written: the old content must survive and the temporary go.
        let path = dir.join("s.ron");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("keep"), "previous").unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(
            std::fs::read_to_string(path.join("keep")).unwrap(),
            "previous"
        );
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn refused_attempts_and_their_judgements_survive_a_replay() {
        let scenario = Arc::new(Scenario::load("tutorial").unwrap());
        let mut rec = Recorder::new(scenario, 2);
        let northwind = rec.sim.find_customer("northwind").unwrap();
        let qbr = PlannedAction {
            action: ActionKind::Qbr,
            target: ActionTarget::Customer(northwind),
        };
        assert!(rec.sim.plan(qbr).is_err());
        rec.end_quarter();
        rec.end_quarter();
        assert!(
            rec.judge
                .judgements
                .iter()
                .any(|j| j.rule == "qbr-without-plan")
        );
        let session = rec.to_session();
        assert_eq!(session.refused.len(), 1);
        let replayed = session.replay("s.ron").unwrap();
        assert_eq!(replayed.judge.judgements, rec.judge.judgements);
    }

    #[test]
    fn a_session_round_trips_through_its_file() {
        let scenario = Arc::new(Scenario::load("tutorial").unwrap());
        let mut rec = Recorder::new(scenario, 4);
        let northwind = rec.sim.find_customer("northwind").unwrap();
        rec.sim
            .plan(PlannedAction {
                action: ActionKind::BuildSuccessPlan,
                target: ActionTarget::Customer(northwind),
            })
            .unwrap();
        rec.end_quarter();
        rec.sim
            .plan(PlannedAction {
                action: ActionKind::Qbr,
                target: ActionTarget::Customer(northwind),
            })
            .unwrap();
        let session = rec.to_session();
        let dir = temp("round");
        let path = dir.join("s.ron");
        session.save(&path).unwrap();
        let loaded = Session::load(&path).unwrap();
        assert_eq!(loaded, session);
        let replayed = loaded.replay("s.ron").unwrap();
        assert_eq!(session_hash(&replayed), session.outcome_hash);
        assert_eq!(replayed.sim.planned(), rec.sim.planned());
        assert_eq!(replayed.actions, rec.actions);
    }
}
