//! Sentences about what the CSM sees of a customer (a [`CustomerView`]), for the window and
//! the terminal alike. The view keeps enums; the words are chosen here.

use crate::sim::coach::{Attention, Coaching, DIGITAL_RENEWAL_HORIZON};
use crate::sim::customer::{PlanElement, UseCase};
use crate::sim::view::CustomerView;

use super::label;
use crate::tr;

/// A success-plan element: "critical success factors (2.4)".
pub fn plan_element(e: PlanElement) -> String {
    label("plan-element", e)
}

/// Plan elements as a list.
pub fn plan_elements(list: &[PlanElement]) -> String {
    list.iter()
        .map(|e| plan_element(*e))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the success plan aims at and what the CSM has learned about it, one line each.
pub fn plan_lines(c: &CustomerView) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(match c.plan_outcome {
        Some(o) => tr!(
            "plan-aims-at",
            outcome = label("outcome", o),
            kpi = label("kpi", o),
            vendor = if c.plan_outcome_vendor_centric {
                "yes"
            } else {
                "no"
            }
        ),
        None => tr!("plan-aims-at-nothing"),
    });
    lines.push(match c.sponsor_wants {
        Some(w) => tr!("plan-sponsor-wants", outcome = label("outcome", w)),
        None => tr!("plan-sponsor-unheard"),
    });
    lines.push(tr!(
        "plan-account-manager",
        outcome = label("outcome", c.account_manager_notes)
    ));
    lines.push(if c.baseline {
        tr!("plan-baseline")
    } else {
        tr!("plan-no-baseline")
    });
    lines.push(match c.plan_use_case {
        Some(u) if c.plan_use_case_untargeted => {
            tr!("plan-use-case-untargeted", use_case = label("use-case", u))
        }
        Some(u) if u == UseCase::EveryFeature => {
            tr!(
                "plan-use-case-to-be-untargeted",
                use_case = label("use-case", u)
            )
        }
        Some(u) if c.champion_shows.is_some_and(|s| s != u) => {
            tr!(
                "plan-use-case-not-champions",
                use_case = label("use-case", u)
            )
        }
        Some(u) => tr!("plan-use-case", use_case = label("use-case", u)),
        None => tr!("plan-use-case-none"),
    });
    if c.raci_outdated {
        lines.push(if c.owners_in_place {
            tr!("plan-raci-outdated")
        } else {
            tr!("plan-raci-outdated-find")
        });
    }
    lines.push(match c.champion_shows {
        Some(u) => tr!("plan-champion-shows", use_case = label("use-case", u)),
        None => tr!("plan-champion-unheard"),
    });
    lines
}

/// The forms of advocacy a customer gave, in words: "reference, case study".
pub fn advocacy_forms(advocacy: u8) -> String {
    [
        (1, "advocacy-reference"),
        (2, "advocacy-case-study"),
        (4, "advocacy-talk"),
    ]
    .into_iter()
    .filter(|&(bit, _)| advocacy & bit != 0)
    .map(|(_, id)| super::text(id, None))
    .collect::<Vec<_>>()
    .join(&tr!("list-separator"))
}

/// What the coach says of one thing that deserves attention, with its objective.
pub fn attention(a: &Attention) -> String {
    match *a {
        Attention::RenewalWithoutWork { in_quarters } => {
            tr!("coach-renewal", quarters = in_quarters)
        }
        Attention::BarrierWithoutProgress { kind, known_for } => tr!(
            "coach-barrier",
            barrier = label("barrier", kind),
            quarters = known_for,
            objective = kind.objective()
        ),
        Attention::RedHealthUnheard { untouched_for } => {
            if untouched_for >= i16::MAX / 2 {
                tr!("coach-red-never")
            } else {
                tr!("coach-red", quarters = untouched_for)
            }
        }
        Attention::RequestWaiting { kind } => {
            tr!("coach-request", request = label("request", kind))
        }
    }
}

/// The coach's line about the digital tail, if there is one.
pub fn digital_line(c: &Coaching) -> Option<String> {
    (c.digital_renewals > 0).then(|| {
        tr!(
            "coach-digital",
            count = c.digital_renewals,
            quarters = DIGITAL_RENEWAL_HORIZON
        )
    })
}
