//! The mock exam: a paper drawn from the bank by the exam's domain weights, and its marking
//! per domain against a pass line.

use serde::Serialize;

use super::Blueprint;
use super::checks::stable_hash;
use super::questions::{Bank, Question};

/// The share of questions to answer right to pass the mock exam. Cisco does not publish the
/// cut score of 820-605; 70 % is csm-sim's, a common line for professional exams.
pub const PASS_LINE: f64 = 0.70;

/// Questions in a mock exam and minutes to answer them, by default (the real exam: about 60
/// questions in 90 minutes).
pub const QUESTIONS: usize = 60;
pub const MINUTES: f64 = 90.0;

/// Draws `n` questions: each domain gets its exam weight's share (largest remainders
/// rounding), the questions within a domain and the order of the paper chosen by a stable
/// hash of `seed`. A domain with too few questions gives what it has.
pub fn draw_paper(bank: &Bank, n: usize, seed: u64) -> Vec<&Question> {
    let blueprint = Blueprint::get();
    let total: u32 = blueprint.domains.iter().map(|d| d.weight).sum();
    let exact: Vec<f64> = blueprint
        .domains
        .iter()
        .map(|d| n as f64 * f64::from(d.weight) / f64::from(total.max(1)))
        .collect();
    let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut rest: Vec<usize> = (0..counts.len()).collect();
    rest.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    let short = n.saturating_sub(counts.iter().sum());
    for &i in rest.iter().cycle().take(short) {
        counts[i] += 1;
    }
    let seed = seed.to_le_bytes();
    let mut paper = Vec::with_capacity(n);
    for (d, &count) in blueprint.domains.iter().zip(&counts) {
        let mut pool: Vec<(u64, &Question)> = bank
            .0
            .iter()
            .filter(|q| q.domain() == d.id)
            .map(|q| (stable_hash(&[&seed, b"pick", q.id.as_bytes()]), q))
            .collect();
        pool.sort_by_key(|&(h, _)| h);
        paper.extend(pool.into_iter().take(count).map(|(_, q)| q));
    }
    paper.sort_by_key(|q| stable_hash(&[&seed, b"order", q.id.as_bytes()]));
    paper
}

/// One domain's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainMark {
    pub id: String,
    pub title: String,
    pub asked: u32,
    pub right: u32,
}

impl DomainMark {
    pub fn share(&self) -> f64 {
        f64::from(self.right) / f64::from(self.asked.max(1))
    }
}

/// A marked paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marks {
    pub asked: u32,
    pub right: u32,
    pub domains: Vec<DomainMark>,
}

impl Marks {
    pub fn score(&self) -> f64 {
        f64::from(self.right) / f64::from(self.asked.max(1))
    }

    pub fn passed(&self) -> bool {
        self.score() + 1e-9 >= PASS_LINE
    }
}

/// Marks a paper: `answers[i]` is what was chosen for `paper[i]` (bank indices), `None`
/// when it was left unanswered, which counts as wrong.
pub fn mark(paper: &[&Question], answers: &[Option<Vec<usize>>]) -> Marks {
    let blueprint = Blueprint::get();
    let mut domains: Vec<DomainMark> = blueprint
        .domains
        .iter()
        .map(|d| DomainMark {
            id: d.id.clone(),
            title: d.title.clone(),
            asked: 0,
            right: 0,
        })
        .collect();
    let mut right = 0;
    for (i, q) in paper.iter().enumerate() {
        let ok = answers
            .get(i)
            .and_then(Option::as_ref)
            .is_some_and(|a| q.is_right(a));
        right += u32::from(ok);
        if let Some(d) = domains.iter_mut().find(|d| d.id == q.domain()) {
            d.asked += 1;
            d.right += u32::from(ok);
        }
    }
    Marks {
        asked: paper.len() as u32,
        right,
        domains,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_follows_the_exam_weights_and_its_seed() {
        let bank = Bank::get();
        let paper = draw_paper(bank, 60, 7);
        assert_eq!(paper.len(), 60.min(bank.0.len()));
        assert_eq!(
            paper.iter().map(|q| &q.id).collect::<Vec<_>>(),
            draw_paper(bank, 60, 7)
                .iter()
                .map(|q| &q.id)
                .collect::<Vec<_>>()
        );
        assert_ne!(
            paper.iter().map(|q| &q.id).collect::<Vec<_>>(),
            draw_paper(bank, 60, 8)
                .iter()
                .map(|q| &q.id)
                .collect::<Vec<_>>()
        );
        let mut ids: Vec<&str> = paper.iter().map(|q| q.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), paper.len(), "a question twice");
        if bank.0.len() >= 200 {
            // 15/25/25/20/15 % of 60.
            for (d, want) in [("1", 9), ("2", 15), ("3", 15), ("4", 12), ("5", 9)] {
                let got = paper.iter().filter(|q| q.domain() == d).count();
                assert_eq!(got, want, "domain {d}");
            }
        }
    }

    #[test]
    fn marking_counts_unanswered_as_wrong_and_applies_the_pass_line() {
        let bank = Bank::get();
        let paper = draw_paper(bank, 10, 1);
        let all_right: Vec<Option<Vec<usize>>> = paper.iter().map(|q| Some(q.answers())).collect();
        let m = mark(&paper, &all_right);
        assert_eq!((m.asked, m.right), (10, 10));
        assert!(m.passed());
        let mut some: Vec<Option<Vec<usize>>> = all_right.clone();
        for a in some.iter_mut().take(4) {
            *a = None;
        }
        let m = mark(&paper, &some);
        assert_eq!(m.right, 6);
        assert!(!m.passed(), "60 % is under the line");
        assert_eq!(m.domains.iter().map(|d| d.asked).sum::<u32>(), 10);
    }
}
