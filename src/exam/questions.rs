//! The question bank (`assets/questions/*.ron`): scenario-style multiple-choice questions,
//! each tagged with exam objectives and explained answer by answer.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Blueprint;
use crate::scenario::locate::{FieldPath, located};
use crate::scenario::{LoadError, read_ron};

/// One answer to choose from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Why this answer is right, or why it is wrong.
    pub explanation: String,
}

impl Choice {
    /// The explanation without its leading "Right:" (for where the verdict is shown
    /// already), starting with a capital.
    pub fn plain_explanation(&self) -> String {
        let e = self.explanation.as_str();
        match e
            .strip_prefix("Right:")
            .or_else(|| e.strip_prefix("Right."))
            .map(str::trim_start)
        {
            Some(rest) => {
                let mut chars = rest.chars();
                chars
                    .next()
                    .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
            }
            None => e.to_owned(),
        }
    }
}

/// One question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub objectives: Vec<String>,
    pub prompt: String,
    /// How many choices are right and must be chosen ("choose two"); 1 when left out.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub choose: u8,
    pub choices: Vec<Choice>,
}

fn one() -> u8 {
    1
}

fn is_one(n: &u8) -> bool {
    *n == 1
}

impl Question {
    /// The index of the (first) right answer.
    pub fn answer(&self) -> usize {
        self.choices.iter().position(|c| c.correct).unwrap_or(0)
    }

    /// The indices of every right answer, in order.
    pub fn answers(&self) -> Vec<usize> {
        (0..self.choices.len())
            .filter(|&i| self.choices[i].correct)
            .collect()
    }

    /// Whether these choices (in any order, repeats ignored) are exactly the right ones.
    pub fn is_right(&self, chosen: &[usize]) -> bool {
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == self.answers()
    }

    /// The exam domain the question counts for: that of its first objective.
    pub fn domain(&self) -> &str {
        self.objectives
            .first()
            .and_then(|o| o.split('.').next())
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Questions")]
struct RawQuestions(Vec<Question>);

/// The question bank compiled into the program, one file per exam domain.
pub const SOURCES: &[(&str, &str)] = &[
    (
        "assets/questions/domain1.ron",
        include_str!("../../assets/questions/domain1.ron"),
    ),
    (
        "assets/questions/domain2.ron",
        include_str!("../../assets/questions/domain2.ron"),
    ),
    (
        "assets/questions/domain3.ron",
        include_str!("../../assets/questions/domain3.ron"),
    ),
    (
        "assets/questions/domain4.ron",
        include_str!("../../assets/questions/domain4.ron"),
    ),
    (
        "assets/questions/domain5.ron",
        include_str!("../../assets/questions/domain5.ron"),
    ),
];

/// Every question of the bank.
#[derive(Debug, Clone)]
pub struct Bank(pub Vec<Question>);

impl Bank {
    pub fn get() -> &'static Bank {
        static BANK: OnceLock<Bank> = OnceLock::new();
        BANK.get_or_init(|| {
            Bank::parse(SOURCES).unwrap_or_else(|e| {
                panic!("the built-in question bank is invalid (a build defect):\n{e}")
            })
        })
    }

    /// Parses question files and checks every question: a unique id, objectives from the
    /// blueprint, a prompt, two to six choices of which exactly `choose` (one or two) are
    /// right, and an explanation for every choice.
    pub fn parse(files: &[(&str, &str)]) -> Result<Bank, LoadError> {
        let blueprint = Blueprint::get();
        let mut all = Vec::new();
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        for (file, text) in files {
            let questions = match read_ron::<RawQuestions>(file, text) {
                Ok(RawQuestions(q)) => q,
                Err(e) => {
                    problems.extend(e.problems().iter().cloned());
                    continue;
                }
            };
            for (i, q) in questions.iter().enumerate() {
                // `Name([...])`: the list is the first (only) entry of the newtype.
                let path = FieldPath::root().index(0).index(i);
                let mut fail = |path: FieldPath, message: String| {
                    let message = format!("question \"{}\": {message}", q.id);
                    problems.push(located(file, text, &path, message));
                };
                if !ids.insert(q.id.clone()) {
                    fail(path.field("id"), "the id is used twice".to_owned());
                }
                blueprint.check_ids(&q.objectives, &path.field("objectives"), &mut fail);
                if q.prompt.trim().is_empty() {
                    fail(path.field("prompt"), "the prompt is empty".to_owned());
                }
                if !(2..=6).contains(&q.choices.len()) {
                    fail(
                        path.field("choices"),
                        format!("give 2 to 6 choices, not {}", q.choices.len()),
                    );
                }
                let right = q.choices.iter().filter(|c| c.correct).count();
                if !(1..=2).contains(&q.choose) {
                    fail(
                        path.field("choose"),
                        format!("choose is 1 or 2, not {}", q.choose),
                    );
                } else if right != usize::from(q.choose) {
                    let want = if q.choose == 1 {
                        "exactly one"
                    } else {
                        "exactly two"
                    };
                    fail(
                        path.field("choices"),
                        format!(
                            "{want} choice{} must be correct (choose: {}), not {right}",
                            if q.choose == 1 { "" } else { "s" },
                            q.choose
                        ),
                    );
                } else if right + 1 >= q.choices.len() {
                    fail(
                        path.field("choices"),
                        "give at least two wrong choices beside the right ones".to_owned(),
                    );
                }
                for (j, c) in q.choices.iter().enumerate() {
                    if c.text.trim().is_empty() || c.explanation.trim().len() < 10 {
                        fail(
                            path.field("choices").index(j),
                            "every choice needs its text and an explanation".to_owned(),
                        );
                    }
                }
            }
            all.extend(questions);
        }
        if problems.is_empty() {
            Ok(Bank(all))
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.0.iter().find(|q| q.id == id)
    }

    /// The objectives the bank's questions are tagged with.
    pub fn objectives(&self) -> BTreeSet<&str> {
        self.0
            .iter()
            .flat_map(|q| q.objectives.iter().map(String::as_str))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_is_large_valid_and_covers_every_objective() {
        let bank = Bank::get();
        assert!(bank.0.len() >= 80, "only {} questions", bank.0.len());
        let covered = bank.objectives();
        let missing: Vec<&str> = Blueprint::get()
            .ids()
            .filter(|id| !covered.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "objectives without a question: {missing:?}"
        );
        for q in &bank.0 {
            assert!(q.choices[q.answer()].correct);
        }
    }

    #[test]
    fn a_question_with_two_right_answers_is_located() {
        let text = r#"Questions([
    Question(id: "x", objectives: ["4.4"], prompt: "Which?", choices: [
        Choice(text: "A", correct: true, explanation: "Because it is A."),
        Choice(text: "B", correct: true, explanation: "Because it is B."),
    ]),
])"#;
        let err = Bank::parse(&[("q.ron", text)]).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!((p.file.as_str(), p.line), ("q.ron", 2));
        assert!(p.message.contains("exactly one choice"), "{p}");
    }
}
