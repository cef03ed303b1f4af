//! Exam readiness: mastery per domain from judged decisions, combined with the exam's
//! weights, kept apart from the business results.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Blueprint;
use super::checks::Answer;
use super::judge::{Judgement, Verdict, rule};

/// One domain's evidence and mastery.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainReadiness {
    pub id: String,
    pub title: String,
    /// Share of the exam, in percent.
    pub weight: u32,
    pub good: u32,
    pub mistakes: u32,
    /// Knowledge-check questions answered, and answered right.
    pub answered: u32,
    pub correct: u32,
    /// Good decisions and right answers over all judged decisions and answers touching the
    /// domain; none without evidence.
    pub mastery: Option<f64>,
}

/// An objective to study, with how often the trainee went wrong on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyItem {
    pub id: String,
    pub title: String,
    pub mistakes: u32,
}

/// Readiness for the exam, from this run's evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub domains: Vec<DomainReadiness>,
    /// Σ weight × mastery over the domains, a domain without evidence counting as 0: the
    /// exam asks about every domain whether or not the run did.
    pub overall: f64,
    pub study_next: Vec<StudyItem>,
}

/// How many pieces of "not yet shown" a domain's evidence is weighed against: with few
/// judgements and answers, mastery stays low, and it nears the share of good ones as the
/// evidence grows (a Beta(0, 4) prior).
pub const PRIOR_EVIDENCE: f64 = 4.0;

impl DomainReadiness {
    /// The mastery with the evidence it rests on, as shown to the trainee.
    pub fn describe(&self) -> String {
        let judged = self.good + self.mistakes;
        match self.mastery {
            None => "not yet shown".to_owned(),
            Some(m) => format!(
                "{:.0} % (from {} judgement{} and {} answer{})",
                m * 100.0,
                judged,
                if judged == 1 { "" } else { "s" },
                self.answered,
                if self.answered == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Scores the judgements and knowledge-check answers of a run. Each counts once for every
/// domain its objectives touch.
pub fn readiness(judgements: &[Judgement], answers: &[Answer]) -> Readiness {
    let blueprint = Blueprint::get();
    let mut good: BTreeMap<&str, u32> = BTreeMap::new();
    let mut bad: BTreeMap<&str, u32> = BTreeMap::new();
    let mut missed: BTreeMap<&str, u32> = BTreeMap::new();
    let mut answered: BTreeMap<&str, u32> = BTreeMap::new();
    let mut right: BTreeMap<&str, u32> = BTreeMap::new();
    let domains_of = |objectives: &[String]| {
        let mut ds: Vec<&'static str> = objectives
            .iter()
            .filter_map(|o| blueprint.domain_of(o).map(|d| d.id.as_str()))
            .collect();
        ds.sort_unstable();
        ds.dedup();
        ds
    };
    for a in answers {
        let Some(q) = a.question() else { continue };
        let correct = a.correct();
        for d in domains_of(&q.objectives) {
            *answered.entry(d).or_default() += 1;
            if correct {
                *right.entry(d).or_default() += 1;
            }
        }
        if !correct {
            for o in &q.objectives {
                if let Some(obj) = blueprint.objective(o) {
                    *missed.entry(obj.id.as_str()).or_default() += 1;
                }
            }
        }
    }
    // A good judgement repeated for the same customer within a year (a usual term) counts
    // once: repeating easy good actions shows nothing new.
    let mut seen_good = std::collections::BTreeSet::new();
    for j in judgements {
        let Some(r) = rule(j.rule) else { continue };
        if r.verdict == Verdict::Good
            && !seen_good.insert((j.rule, j.customer, (j.quarter.max(1) - 1) / 4))
        {
            continue;
        }
        let domains = domains_of(&r.objectives);
        let tally = if r.verdict == Verdict::Good {
            &mut good
        } else {
            &mut bad
        };
        for d in domains {
            *tally.entry(d).or_default() += 1;
        }
        if r.verdict == Verdict::Mistake {
            for o in &r.objectives {
                if let Some(obj) = blueprint.objective(o) {
                    *missed.entry(obj.id.as_str()).or_default() += 1;
                }
            }
        }
    }
    let domains: Vec<DomainReadiness> = blueprint
        .domains
        .iter()
        .map(|d| {
            let get = |m: &BTreeMap<&str, u32>| m.get(d.id.as_str()).copied().unwrap_or(0);
            let (g, m, n, c) = (get(&good), get(&bad), get(&answered), get(&right));
            let evidence = g + m + n;
            DomainReadiness {
                id: d.id.clone(),
                title: d.title.clone(),
                weight: d.weight,
                good: g,
                mistakes: m,
                answered: n,
                correct: c,
                // Evidence is weighed against PRIOR_EVIDENCE pieces of "not yet shown", so a
                // domain with one good judgement is not mastered.
                mastery: (evidence > 0)
                    .then(|| f64::from(g + c) / (f64::from(evidence) + PRIOR_EVIDENCE)),
            }
        })
        .collect();
    let overall = domains
        .iter()
        .map(|d| f64::from(d.weight) * d.mastery.unwrap_or(0.0))
        .sum::<f64>()
        / 100.0;
    let mut study: Vec<StudyItem> = missed
        .into_iter()
        .filter_map(|(id, n)| {
            blueprint.objective(id).map(|o| StudyItem {
                id: o.id.clone(),
                title: o.title.clone(),
                mistakes: n,
            })
        })
        .collect();
    // Most mistakes first; then in blueprint order (ids compare as text, which is stable).
    study.sort_by(|a, b| b.mistakes.cmp(&a.mistakes).then(a.id.cmp(&b.id)));
    study.truncate(10);
    if study.is_empty() {
        // No mistakes: point at the weightiest domain with the least evidence.
        // The first of the heaviest, in blueprint order.
        let unproven = domains.iter().filter(|d| d.mastery.is_none()).fold(
            None::<&DomainReadiness>,
            |best, d| match best {
                Some(b) if b.weight >= d.weight => Some(b),
                _ => Some(d),
            },
        );
        if let Some(d) = unproven {
            let domain = blueprint.domains.iter().find(|x| x.id == d.id);
            for o in domain.into_iter().flat_map(|x| x.objectives.iter()).take(5) {
                study.push(StudyItem {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    mistakes: 0,
                });
            }
        }
    }
    Readiness {
        domains,
        overall,
        study_next: study,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(rule: &'static str) -> Judgement {
        Judgement {
            quarter: 1,
            customer: Some(0),
            rule,
        }
    }

    fn on(rule: &'static str, customer: u32, quarter: u16) -> Judgement {
        Judgement {
            quarter,
            customer: Some(customer),
            rule,
        }
    }

    #[test]
    fn mastery_is_good_over_all_judged_in_the_domain_and_a_prior() {
        // qbr-held is domain 4 (good), high-touch-neglected touches 4 and 1 (mistakes).
        let r = readiness(
            &[
                on("qbr-held", 0, 1),
                on("qbr-held", 1, 1),
                on("qbr-held", 2, 1),
                j("high-touch-neglected"),
            ],
            &[],
        );
        let d4 = r.domains.iter().find(|d| d.id == "4").unwrap();
        assert_eq!((d4.good, d4.mistakes), (3, 1));
        // Three good of four, against four pieces of "not yet shown": 3 / 8.
        assert_eq!(d4.mastery, Some(3.0 / 8.0));
        assert_eq!(d4.describe(), "38 % (from 4 judgements and 0 answers)");
        let d1 = r.domains.iter().find(|d| d.id == "1").unwrap();
        assert_eq!(d1.mastery, Some(0.0));
        let d2 = r.domains.iter().find(|d| d.id == "2").unwrap();
        assert_eq!(d2.mastery, None);
        assert_eq!(d2.describe(), "not yet shown");
        // Weighted: domain 4 (20 %) at 3/8, the rest 0.
        assert!((r.overall - 0.2 * 3.0 / 8.0).abs() < 1e-12);
        assert_eq!(r.study_next[0].id, "1.9.a");
        assert_eq!(r.study_next.len(), 2);
    }

    #[test]
    fn repeating_a_good_action_for_one_customer_within_a_year_counts_once() {
        let same: Vec<Judgement> = (1..=4).map(|q| on("qbr-held", 0, q)).collect();
        let d4 = |r: &Readiness| r.domains.iter().find(|d| d.id == "4").unwrap().good;
        assert_eq!(d4(&readiness(&same, &[])), 1);
        // The next year, or another customer, is new evidence.
        let mut more = same.clone();
        more.push(on("qbr-held", 0, 5));
        more.push(on("qbr-held", 1, 2));
        assert_eq!(d4(&readiness(&more, &[])), 3);
        // More evidence of the same quality raises mastery: it can approach, never pass, 1.
        let many: Vec<Judgement> = (0..40).map(|c| on("qbr-held", c, 1)).collect();
        let m = readiness(&many, &[])
            .domains
            .iter()
            .find(|d| d.id == "4")
            .unwrap()
            .mastery;
        assert!(m.is_some_and(|m| m > 0.9 && m < 1.0), "{m:?}");
    }

    #[test]
    fn answers_count_toward_mastery_and_wrong_ones_toward_study() {
        use crate::exam::questions::Bank;
        let q = Bank::get().question("3-lost-sponsor").unwrap();
        let right = Answer::new(1, &q.id, &[q.answer()]);
        let wrong = Answer::new(2, &q.id, &[(q.answer() + 1) % q.choices.len()]);
        let r = readiness(&[], &[right, wrong]);
        let d3 = r.domains.iter().find(|d| d.id == "3").unwrap();
        // One right of two answers, against four pieces of "not yet shown": 1 / 6.
        assert_eq!(
            (d3.answered, d3.correct, d3.mastery),
            (2, 1, Some(1.0 / 6.0))
        );
        assert!(r.study_next.iter().any(|s| s.id == "3.4.b"));
    }

    #[test]
    fn without_mistakes_the_least_evidenced_heavy_domain_is_next() {
        let r = readiness(&[j("qbr-held")], &[]);
        assert!(
            r.study_next.iter().all(|s| s.id.starts_with("2.")),
            "{:?}",
            r.study_next
        );
    }
}
