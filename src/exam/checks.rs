//! Knowledge checks between quarters: questions chosen from the bank about what just
//! happened, and the trainee's answers.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::judge::{Judge, rule};
use super::questions::{Bank, Question};
use crate::sim::Simulation;
use crate::sim::journal::Event;

/// One answered question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub quarter: u16,
    pub question: String,
    /// The index of the chosen answer (the first, for a "choose two" question).
    pub choice: usize,
    /// The other answers chosen, for a question with more than one right answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
}

impl Answer {
    /// An answer of one or more choices (bank indices); `chosen` must not be empty.
    pub fn new(quarter: u16, question: &str, chosen: &[usize]) -> Answer {
        Answer {
            quarter,
            question: question.to_owned(),
            choice: chosen.first().copied().unwrap_or(0),
            also: chosen.iter().skip(1).copied().collect(),
        }
    }

    /// Every choice made.
    pub fn chosen(&self) -> Vec<usize> {
        std::iter::once(self.choice)
            .chain(self.also.iter().copied())
            .collect()
    }

    pub fn correct(&self) -> bool {
        Bank::get()
            .question(&self.question)
            .is_some_and(|q| q.is_right(&self.chosen()))
    }

    /// Whether the choices fit the question: each one of its choices, as many as it asks
    /// for, none twice.
    pub fn fits(&self, q: &Question) -> bool {
        let chosen = self.chosen();
        let mut unique = chosen.clone();
        unique.sort_unstable();
        unique.dedup();
        unique.len() == chosen.len()
            && chosen.len() == usize::from(q.choose)
            && chosen.iter().all(|&i| i < q.choices.len())
    }

    pub fn question(&self) -> Option<&'static Question> {
        Bank::get().question(&self.question)
    }
}

/// FNV-1a, for a stable order of questions that is the same on every machine.
pub(crate) fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The order to show a question's choices in: shuffled by a stable hash of the seed and
/// the question, so the right answer is not always in the same place (the bank lists it
/// first) yet every run of a session shows the same order.
pub fn presentation_order(seed: u64, question: &Question) -> Vec<usize> {
    let seed = seed.to_le_bytes();
    let mut order: Vec<usize> = (0..question.choices.len()).collect();
    order
        .sort_by_key(|&i| stable_hash(&[&seed, question.id.as_bytes(), &(i as u64).to_le_bytes()]));
    order
}

/// The objectives touched by quarter `q`: those of the judgements made and of the barriers
/// that began or were found.
pub fn objectives_of_quarter(sim: &Simulation, judge: &Judge, q: u16) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = judge
        .judgements
        .iter()
        .filter(|j| j.quarter == q)
        .filter_map(|j| rule(j.rule))
        .flat_map(|r| r.objectives.iter().cloned())
        .collect();
    for e in sim.journal().for_quarter(q) {
        match e.event {
            Event::BarrierDiscovered { kind, .. } | Event::BarrierResolved { kind, .. } => {
                ids.insert(kind.objective().to_owned());
            }
            Event::Churned { .. } => {
                ids.insert("1.8.a".to_owned());
            }
            Event::Renewed { .. } | Event::Downsold { .. } => {
                ids.insert("5.5".to_owned());
            }
            _ => {}
        }
    }
    ids
}

/// Up to `n` questions about quarter `q` not asked before: most related first (questions
/// sharing the most objectives with the quarter, then with the scenario's learning
/// objectives), ties broken by a stable hash of the seed, the quarter and the question.
pub fn pick(
    sim: &Simulation,
    judge: &Judge,
    q: u16,
    asked: &BTreeSet<String>,
    n: usize,
) -> Vec<&'static Question> {
    let recent = objectives_of_quarter(sim, judge, q);
    let learning: BTreeSet<&str> = sim
        .scenario()
        .learning_objectives
        .iter()
        .map(String::as_str)
        .collect();
    let seed = sim.seed().to_le_bytes();
    let quarter = q.to_le_bytes();
    let mut candidates: Vec<(usize, usize, u64, &'static Question)> = Bank::get()
        .0
        .iter()
        .filter(|question| !asked.contains(&question.id))
        .map(|question| {
            let near = question
                .objectives
                .iter()
                .filter(|o| recent.contains(*o))
                .count();
            let taught = question
                .objectives
                .iter()
                .filter(|o| learning.contains(o.as_str()))
                .count();
            let tie = stable_hash(&[&seed, &quarter, question.id.as_bytes()]);
            (near, taught, tie, question)
        })
        .filter(|(near, taught, _, _)| near + taught > 0)
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    candidates
        .into_iter()
        .take(n)
        .map(|(_, _, _, q)| q)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_shuffled_stably_and_the_answer_moves() {
        let bank = Bank::get();
        let firsts: BTreeSet<usize> = bank
            .0
            .iter()
            .map(|q| {
                let order = presentation_order(7, q);
                assert_eq!(order, presentation_order(7, q));
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..q.choices.len()).collect::<Vec<_>>());
                order.iter().position(|&i| i == q.answer()).unwrap()
            })
            .collect();
        assert!(
            firsts.len() >= 3,
            "the right answer sits in too few places: {firsts:?}"
        );
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(stable_hash(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn answers_know_whether_they_are_right() {
        let q = &Bank::get().0[0];
        let right = Answer::new(1, &q.id, &[q.answer()]);
        let wrong = Answer::new(1, &q.id, &[(q.answer() + 1) % q.choices.len()]);
        assert!(right.correct() && !wrong.correct());
    }
}
