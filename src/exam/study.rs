//! A trainee's study record: every question answered (in practice, in a mock exam or as a
//! knowledge check in play), scheduled by spaced repetition so that a missed question comes
//! back soon and a known one rarely, and the mock exams sat. Kept in one local RON file,
//! written atomically.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Blueprint;
use super::questions::{Bank, Question};

/// The record's format version.
pub const VERSION: u32 = 1;

/// Days until a question at each level is due again (a Leitner schedule): a miss sends it
/// back to level 0, due the same day; each right answer moves it up one level.
pub const INTERVALS: [i64; 6] = [0, 1, 3, 7, 16, 35];

/// One question's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// 0 (just missed) to 5 (known well).
    pub level: u8,
    /// The day (since 1970-01-01) it is due again.
    pub due: i64,
    pub seen: u32,
    pub right: u32,
    /// Whether the last answer was right.
    pub last_right: bool,
}

/// One mock exam sat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamResult {
    pub day: i64,
    pub questions: u32,
    /// Share of questions answered right, 0–1.
    pub score: f64,
    pub passed: bool,
    /// Share right per domain id.
    pub domains: BTreeMap<String, f64>,
}

/// The record itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Study", deny_unknown_fields)]
pub struct StudyRecord {
    pub version: u32,
    #[serde(default)]
    pub questions: BTreeMap<String, Card>,
    #[serde(default)]
    pub exams: Vec<ExamResult>,
}

impl Default for StudyRecord {
    fn default() -> StudyRecord {
        StudyRecord {
            version: VERSION,
            questions: BTreeMap::new(),
            exams: Vec::new(),
        }
    }
}

/// Why a study record could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file}: not a study record csm-sim can read ({message}); it is left as it is: move it away or name another with --study"
    )]
    Invalid { file: String, message: String },
}

/// Which questions a practice session draws from.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A domain id ("3"): questions counting for it.
    pub domain: Option<String>,
    /// An objective id ("3.4.b"), or a prefix of one ("3.4"): questions tagged with it.
    pub objective: Option<String>,
}

impl Filter {
    pub fn admits(&self, q: &Question) -> bool {
        self.domain.as_ref().is_none_or(|d| q.domain() == d)
            && self.objective.as_ref().is_none_or(|o| {
                q.objectives
                    .iter()
                    .any(|id| id == o || id.starts_with(&format!("{o}.")))
            })
    }
}

/// Something to study next, from the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weak {
    pub id: String,
    pub title: String,
    pub answered: u32,
    pub right: u32,
}

/// Today, as days since 1970-01-01 (`CSM_SIM_TODAY` overrides it, for tests).
pub fn today() -> i64 {
    if let Some(day) = std::env::var("CSM_SIM_TODAY")
        .ok()
        .and_then(|d| d.parse().ok())
    {
        return day;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64)
}

/// Where the record lives unless `--study` names a file: `CSM_SIM_STUDY`, else
/// `$XDG_DATA_HOME/csm-sim/study.ron`, else `~/.local/share/csm-sim/study.ron`, else
/// `csm-study.ron` here.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CSM_SIM_STUDY") {
        return PathBuf::from(p);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    match base {
        Some(b) => b.join("csm-sim").join("study.ron"),
        None => PathBuf::from("csm-study.ron"),
    }
}

impl StudyRecord {
    /// Reads a record; a file that does not exist yet is an empty record. A file that
    /// cannot be read is an error, and is never overwritten.
    pub fn load(path: &Path) -> Result<StudyRecord, StudyError> {
        let file = path.display().to_string();
        if !path.exists() {
            return Ok(StudyRecord::default());
        }
        let text = crate::scenario::read_text(path).map_err(|message| StudyError::Invalid {
            file: file.clone(),
            message,
        })?;
        let record: StudyRecord = ron::from_str(&text).map_err(|e| StudyError::Invalid {
            file: file.clone(),
            message: format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            ),
        })?;
        if record.version != VERSION {
            return Err(StudyError::Invalid {
                file,
                message: format!("version {} (this program reads {VERSION})", record.version),
            });
        }
        Ok(record)
    }

    /// Writes the record atomically, creating its folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), StudyError> {
        let io = |e| StudyError::Io {
            file: path.display().to_string(),
            source: e,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default().struct_names(true))
                .map_err(|e| StudyError::Invalid {
                    file: path.display().to_string(),
                    message: e.to_string(),
                })?;
        crate::session::write_atomically(path, text.as_bytes()).map_err(io)
    }

    /// Records one answer given on `day`.
    pub fn answered(&mut self, question: &str, right: bool, day: i64) {
        let card = self.questions.entry(question.to_owned()).or_insert(Card {
            level: 0,
            due: day,
            seen: 0,
            right: 0,
            last_right: false,
        });
        card.seen += 1;
        card.last_right = right;
        if right {
            card.right += 1;
            card.level = (card.level + 1).min(INTERVALS.len() as u8 - 1);
        } else {
            card.level = 0;
        }
        card.due = day + INTERVALS[usize::from(card.level)];
    }

    /// Records a marked mock exam: every question answered (or skipped, which counts as not
    /// known) goes into the schedule, and the result into the list of exams.
    pub fn record_exam(
        &mut self,
        paper: &[&Question],
        answers: &[Option<Vec<usize>>],
        skipped: &[bool],
        marks: &super::practice::Marks,
        day: i64,
    ) {
        for (i, q) in paper.iter().enumerate() {
            let answer = answers.get(i).and_then(Option::as_ref);
            if answer.is_some() || skipped.get(i).copied().unwrap_or(false) {
                self.answered(&q.id, answer.is_some_and(|a| q.is_right(a)), day);
            }
        }
        self.exams.push(ExamResult {
            day,
            questions: marks.asked,
            score: marks.score(),
            passed: marks.passed(),
            domains: marks
                .domains
                .iter()
                .map(|d| (d.id.clone(), d.share()))
                .collect(),
        });
    }

    /// Questions due on `day` (missed or scheduled), soonest first.
    pub fn due<'b>(&self, bank: &'b Bank, day: i64) -> Vec<&'b Question> {
        let mut due: Vec<(&Card, &Question)> = bank
            .0
            .iter()
            .filter_map(|q| self.questions.get(&q.id).map(|c| (c, q)))
            .filter(|(c, _)| c.due <= day)
            .collect();
        due.sort_by(|a, b| (a.0.due, a.0.level, &a.1.id).cmp(&(b.0.due, b.0.level, &b.1.id)));
        due.into_iter().map(|(_, q)| q).collect()
    }

    /// Up to `n` questions for practice: those due first (missed ones soonest), then ones
    /// never answered (in an order shuffled by `seed`), then the rest, soonest due first.
    pub fn pick<'b>(
        &self,
        bank: &'b Bank,
        filter: &Filter,
        n: usize,
        day: i64,
        seed: u64,
    ) -> Vec<&'b Question> {
        let mut due: Vec<(i64, u8, u64, &Question)> = Vec::new();
        let mut fresh: Vec<(u64, &Question)> = Vec::new();
        let mut later: Vec<(i64, u64, &Question)> = Vec::new();
        for q in bank.0.iter().filter(|q| filter.admits(q)) {
            let tie = super::checks::stable_hash(&[&seed.to_le_bytes(), q.id.as_bytes()]);
            match self.questions.get(&q.id) {
                Some(c) if c.due <= day => due.push((c.due, c.level, tie, q)),
                Some(c) => later.push((c.due, tie, q)),
                None => fresh.push((tie, q)),
            }
        }
        due.sort_by_key(|&(d, l, t, _)| (d, l, t));
        fresh.sort_by_key(|&(t, _)| t);
        later.sort_by_key(|&(d, t, _)| (d, t));
        due.into_iter()
            .map(|x| x.3)
            .chain(fresh.into_iter().map(|x| x.1))
            .chain(later.into_iter().map(|x| x.2))
            .take(n)
            .collect()
    }

    /// The objectives answered worst, at most `n`: those with a question missed last time,
    /// by share right (lowest first).
    pub fn weakest(&self, bank: &Bank, n: usize) -> Vec<Weak> {
        let blueprint = Blueprint::get();
        let mut by: BTreeMap<&str, (u32, u32, bool)> = BTreeMap::new();
        for q in &bank.0 {
            let Some(c) = self.questions.get(&q.id) else {
                continue;
            };
            for o in &q.objectives {
                let e = by.entry(o.as_str()).or_default();
                e.0 += c.seen;
                e.1 += c.right;
                e.2 |= !c.last_right;
            }
        }
        let mut weak: Vec<(f64, &str, u32, u32)> = by
            .into_iter()
            .filter(|(_, (_, _, missed))| *missed)
            .map(|(o, (seen, right, _))| {
                (f64::from(right) / f64::from(seen.max(1)), o, seen, right)
            })
            .collect();
        weak.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        weak.into_iter()
            .take(n)
            .map(|(_, o, seen, right)| Weak {
                id: o.to_owned(),
                title: blueprint
                    .objective(o)
                    .map_or_else(String::new, |x| x.title.clone()),
                answered: seen,
                right,
            })
            .collect()
    }

    /// How many of the bank's questions have been answered at least once.
    pub fn seen(&self, bank: &Bank) -> usize {
        let ids: BTreeSet<&str> = bank.0.iter().map(|q| q.id.as_str()).collect();
        self.questions
            .keys()
            .filter(|k| ids.contains(k.as_str()))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missed_question_comes_back_first_and_a_known_one_later() {
        let bank = Bank::get();
        let mut r = StudyRecord::default();
        let (a, b) = (&bank.0[0].id, &bank.0[1].id);
        r.answered(a, false, 100);
        r.answered(b, true, 100);
        assert_eq!(r.questions[a].due, 100);
        assert_eq!(r.questions[b].due, 101);
        let picked = r.pick(bank, &Filter::default(), 3, 100, 1);
        assert_eq!(&picked[0].id, a, "the missed question comes first");
        assert!(
            picked.iter().all(|q| &q.id != b),
            "the known one is not due"
        );
        // Right again and again: the gaps grow.
        for day in [101, 104, 111] {
            r.answered(b, true, day);
        }
        assert_eq!(r.questions[b].level, 4);
        assert_eq!(r.questions[b].due, 111 + INTERVALS[4]);
        // A miss sends it back.
        r.answered(b, false, 112);
        assert_eq!((r.questions[b].level, r.questions[b].due), (0, 112));
        let weak = r.weakest(bank, 10);
        assert!(weak.iter().any(|w| bank.0[1].objectives.contains(&w.id)));
    }

    #[test]
    fn filters_pick_only_their_domain_or_objective() {
        let bank = Bank::get();
        let r = StudyRecord::default();
        let d3 = Filter {
            domain: Some("3".into()),
            objective: None,
        };
        let qs = r.pick(bank, &d3, 500, 0, 1);
        assert!(!qs.is_empty() && qs.iter().all(|q| q.domain() == "3"));
        let o = Filter {
            domain: None,
            objective: Some("3.4".into()),
        };
        let qs = r.pick(bank, &o, 500, 0, 1);
        assert!(!qs.is_empty());
        assert!(qs.iter().all(|q| {
            q.objectives
                .iter()
                .any(|x| x == "3.4" || x.starts_with("3.4."))
        }));
    }

    #[test]
    fn a_record_survives_saving_and_a_corrupt_one_is_refused_and_kept() {
        let dir = std::env::temp_dir().join(format!("csm-study-{}", std::process::id()));
        let path = dir.join("sub").join("study.ron");
        let mut r = StudyRecord::default();
        r.answered("3-lost-sponsor", true, 5);
        r.save(&path).unwrap();
        assert_eq!(StudyRecord::load(&path).unwrap(), r);
        std::fs::write(&path, "Study(version: 1, questions: {").unwrap();
        let err = StudyRecord::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("study.ron") && err.contains("left as it is"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "Study(version: 1, questions: {"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
