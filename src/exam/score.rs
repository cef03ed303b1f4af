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
    for j in judgements {
        let Some(r) = rule(&j.rule) else { continue };
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
                mastery: (evidence > 0).then(|| f64::from(g + c) / f64::from(evidence)),
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

    fn j(rule: &str) -> Judgement {
        Judgement {
            quarter: 1,
            customer: Some(0),
            rule: rule.to_owned(),
        }
    }

    #[test]
    fn mastery_is_good_over_all_judged_in_the_domain() {
        // qbr-held is domain 4 (good), high-touch-neglected touches 4 and 1 (mistakes).
        let r = readiness(
            &[
                j("qbr-held"),
                j("qbr-held"),
                j("qbr-held"),
                j("high-touch-neglected"),
            ],
            &[],
        );
        let d4 = r.domains.iter().find(|d| d.id == "4").unwrap();
        assert_eq!((d4.good, d4.mistakes), (3, 1));
        assert_eq!(d4.mastery, Some(0.75));
        let d1 = r.domains.iter().find(|d| d.id == "1").unwrap();
        assert_eq!(d1.mastery, Some(0.0));
        assert_eq!(
            r.domains.iter().find(|d| d.id == "2").unwrap().mastery,
            None
        );
        // Weighted: domain 4 (20 %) at 0.75, the rest 0.
        assert!((r.overall - 0.15).abs() < 1e-12);
        assert_eq!(r.study_next[0].id, "1.9.a");
        assert_eq!(r.study_next.len(), 2);
    }

    #[test]
    fn answers_count_toward_mastery_and_wrong_ones_toward_study() {
        use crate::exam::questions::Bank;
        let q = Bank::get().question("3-lost-sponsor").unwrap();
        let right = Answer {
            quarter: 1,
            question: q.id.clone(),
            choice: q.answer(),
        };
        let wrong = Answer {
            quarter: 2,
            question: q.id.clone(),
            choice: (q.answer() + 1) % q.choices.len(),
        };
        let r = readiness(&[], &[right, wrong]);
        let d3 = r.domains.iter().find(|d| d.id == "3").unwrap();
        assert_eq!((d3.answered, d3.correct, d3.mastery), (2, 1, Some(0.5)));
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
