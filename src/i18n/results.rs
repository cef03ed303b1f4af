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
}
