//! Results in words: a scenario's targets, a domain's mastery, and whether the coach helped.

use crate::exam::score::DomainReadiness;
use crate::sim::summary::TargetResult;
use crate::tr;

/// A scenario target's name ("NRR at least").
pub fn target_name(t: &TargetResult) -> String {
    let id = match t.name {
        "NRR at least" => "target-nrr",
        "GRR at least" => "target-grr",
        "churned customers at most" => "target-churned",
        "new customers with a success plan (5+ elements) in time" => "target-plans-in-time",
        "expansion ARR at least (share of starting ARR)" => "target-expansion",
        "customers who gave advocacy at least" => "target-advocacy",
        "mean time to value at most (quarters)" => "target-time-to-value",
        other => return other.to_owned(),
    };
    tr!(id)
}

/// A target's goal or result: a share as a percentage, as the language writes one.
pub fn target_value(t: &TargetResult, v: f64) -> String {
    let shown = t.show(v);
    match shown.strip_suffix(" %") {
        Some(number) => tr!("percent", value = number),
        None => shown,
    }
}

/// A domain's mastery and the evidence behind it: "38 % (from 4 judgements and 0 answers)".
pub fn mastery(d: &DomainReadiness) -> String {
    match d.mastery {
        None => tr!("mastery-none"),
        Some(m) => tr!(
            "mastery",
            percent = format!("{:.0}", m * 100.0),
            judged = d.good + d.mistakes,
            answered = d.answered
        ),
    }
}

/// The debrief's line saying in which quarters the coach was on.
pub fn coached(coached: &[u16], quarters: u16) -> String {
    let list: Vec<String> = coached.iter().map(u16::to_string).collect();
    let list = match list.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr!(
            "list-and",
            first = rest.join(&tr!("list-separator")),
            last = last.as_str()
        ),
        None => String::new(),
    };
    if coached.len() == usize::from(quarters) {
        tr!("coached-all", quarters = quarters)
    } else {
        tr!(
            "coached-some",
            count = coached.len(),
            list = list,
            quarters = quarters
        )
    }
}

/// Why an outcome went as it did, in the reader's language: the story of the customer's
/// term (barriers and when they were found and resolved, when renewal work started), then
/// the renewal chance, whether the unlikely branch came up, and what moved the chance; or
/// the expansion action that won it.
pub fn outcome_why(o: &crate::exam::debrief::Outcome) -> String {
    use crate::exam::debrief::{Detail, Story};
    let label = super::label;
    let mut parts: Vec<String> = o
        .story
        .iter()
        .map(|s| match *s {
            Story::Barrier {
                kind,
                began,
                found,
                resolved,
            } => {
                let (id, at) = match (found, resolved) {
                    (_, Some(r)) => ("story-barrier-resolved", r),
                    (Some(f), None) if f == began => ("story-barrier-known", f),
                    (Some(f), None) => ("story-barrier-found", f),
                    (None, None) => ("story-barrier-never-found", 0),
                };
                tr!(
                    id,
                    barrier = label("barrier", kind),
                    objective = kind.objective(),
                    began = began,
                    at = at
                )
            }
            Story::RenewalWork(q) => tr!("story-renewal-work", quarter = q),
        })
        .collect();
    let tail = match o.detail {
        Detail::Decision {
            renewed,
            chance,
            factors,
        } => {
            parts.push(tr!(
                "story-chance",
                chance = format!("{:.0}", chance * 100.0)
            ));
            format!(
                "{}{}",
                super::journal::unlikely_branch(renewed, chance).unwrap_or_default(),
                super::journal::factors(factors)
            )
        }
        Detail::Expansion(action) => {
            parts.push(tr!(
                "story-expansion",
                action = super::action_name(action),
                objectives = action.spec().objectives.join(", ")
            ));
            String::new()
        }
    };
    format!("{}{tail}", parts.join(&tr!("story-separator")))
}

/// An outcome's kind as a word: "churned", "downsold", "expanded", "renewed".
pub fn outcome_kind(kind: &str) -> String {
    tr!(match kind {
        "churned" => "outcome-churned",
        "downsold" => "outcome-downsold",
        "expanded" => "outcome-expanded",
        _ => "outcome-renewed",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coach_line_says_which_quarters() {
        super::super::with_language("en", || {
            assert_eq!(
                coached(&[1, 2, 3, 4], 4),
                "The coach was on in all 4 quarters: it pointed at what deserved attention, so these results had help."
            );
            assert_eq!(
                coached(&[1, 2], 2),
                "The coach was on in both quarters: it pointed at what deserved attention, so these results had help."
            );
            assert_eq!(
                coached(&[2], 4),
                "The coach was on in quarter 2 of 4: it pointed at what deserved attention then."
            );
            assert_eq!(
                coached(&[1, 2, 4], 6),
                "The coach was on in quarters 1, 2 and 4 of 6: it pointed at what deserved attention then."
            );
        });
    }

    #[test]
    fn an_outcome_is_told_in_the_readers_language_with_its_chance_and_branch() {
        use crate::exam::debrief::{Detail, Outcome, Story};
        use crate::sim::renewal::Factors;
        use crate::sim::types::BarrierKind;
        let o = Outcome {
            quarter: 3,
            customer: "Acme".to_owned(),
            kind: "churned",
            arr: 100_000,
            chance: Some(0.7),
            why: String::new(),
            routine: false,
            story: vec![
                Story::Barrier {
                    kind: BarrierKind::LostSponsor,
                    began: 1,
                    found: None,
                    resolved: None,
                },
                Story::RenewalWork(2),
            ],
            detail: Detail::Decision {
                renewed: false,
                chance: 0.7,
                factors: Factors::default(),
            },
        };
        let en = super::super::with_language("en", || outcome_why(&o));
        assert!(
            en.starts_with("a lost executive sponsor began in Q1"),
            "{en}"
        );
        assert!(
            en.contains("never found; renewal work started in Q2"),
            "{en}"
        );
        assert!(en.contains("renewal chance 70 %"), "{en}");
        // A loss drawn against a 70 % chance of renewing is the unlikely branch.
        assert!(en.contains("the unlikely branch came up"), "{en}");
        let ja = super::super::with_language("ja", || outcome_why(&o));
        assert!(ja.contains("Q1") && ja.contains("70%"), "{ja}");
        assert!(!ja.contains("never") && !ja.contains("chance"), "{ja}");
    }
}
