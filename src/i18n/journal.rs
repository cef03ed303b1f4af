//! The journal in words: what happened and why, an action's result, and the reasons behind
//! a renewal. The model records events as enums and numbers (`sim::journal::Event`); the
//! sentences are chosen here, in the reader's language.

use crate::sim::actions::{ActionKind, ActionOutcome};
use crate::sim::journal::{Event, format_money};
use crate::sim::renewal::{FactorWord, Factors};
use crate::sim::types::{BarrierKind, RequestKind, Team};
use crate::tr;

use super::{action_name, blocker, label, with_language};

fn pct(v: f32) -> String {
    format!("{:.0}", v * 100.0)
}

/// A sentence a trainee can read about an event, naming the exam objectives involved.
pub fn event(e: &Event, segment_name: impl Fn(u16) -> String) -> String {
    match *e {
        Event::BarrierAppeared {
            kind,
            hidden,
            severity,
        } => tr!(
            "event-barrier-appeared",
            barrier = label("barrier", kind),
            severity = pct(severity),
            hidden = if hidden { "yes" } else { "no" },
            objective = kind.objective()
        ),
        Event::BarrierDiscovered { kind, how } => tr!(
            "event-barrier-discovered",
            barrier = label("barrier", kind),
            how = label("how", how),
            objective = kind.objective()
        ),
        Event::BarrierResolved { kind, by } => match by {
            Some(a) => tr!(
                "event-barrier-resolved-by",
                barrier = label("barrier", kind),
                action = action_name(a),
                objective = kind.objective()
            ),
            None => tr!(
                "event-barrier-resolved",
                barrier = label("barrier", kind),
                objective = kind.objective()
            ),
        },
        Event::StageChanged { from, to } => tr!(
            "event-stage",
            from = label("stage", from),
            to = label("stage", to)
        ),
        Event::OutcomeAchieved {
            total,
            time_to_value,
        } => match time_to_value {
            Some(ttv) => tr!("event-first-outcome", quarters = ttv),
            None => tr!("event-outcome", number = total),
        },
        Event::OutcomeCorrected { from, to } => match from {
            Some(from) => tr!(
                "event-outcome-corrected",
                from = label("outcome", from),
                to = label("outcome", to)
            ),
            None => tr!("event-outcome-given", to = label("outcome", to)),
        },
        Event::RaciUpdated => tr!("event-raci"),
        Event::UseCasesWritten { use_case, .. } if use_case.untargeted() => tr!(
            "event-use-cases-untargeted",
            use_case = label("use-case", use_case)
        ),
        Event::UseCasesWritten { use_case, .. } => {
            tr!("event-use-case", use_case = label("use-case", use_case))
        }
        Event::Action { action, outcome } => {
            // Results that name no objective of their own carry the action's (decided on
            // the English text, so that every language says the same).
            let own = with_language(super::ENGLISH, || result(&outcome, action));
            let ids = if own.contains(|c: char| c.is_ascii_digit()) && own.contains('(') {
                String::new()
            } else {
                format!(" ({})", action.spec().objectives.join(", "))
            };
            tr!(
                "event-action",
                action = action_name(action),
                result = result(&outcome, action),
                objectives = ids
            )
        }
        Event::TrueUp { added } => tr!("event-true-up", arr = format_money(added)),
        Event::CompanyRisk { risk, severity } => tr!(
            "event-company-risk",
            risk = label("company-risk", risk),
            severity = pct(severity),
            objectives = risk.objectives()
        ),
        Event::AdoptionPlanned { focus, focused } => match (focus, focused) {
            (Some(o), true) => tr!("event-adoption-focused", outcome = label("outcome", o)),
            (Some(o), false) => tr!("event-adoption-misfocused", outcome = label("outcome", o)),
            (None, _) => tr!("event-adoption-unfocused"),
        },
        Event::ExpansionPlanned => tr!("event-expansion-planned"),
        Event::GapFound { gap, by } => tr!(
            "event-gap-found",
            action = action_name(by),
            gap = label("gap", gap),
            objective = gap.objective()
        ),
        Event::GapClosed { gap, by } => tr!(
            "event-gap-closed",
            action = action_name(by),
            gap = label("gap", gap),
            objective = gap.objective()
        ),
        // Which team answers it is the trainee's call: not said here.
        Event::RequestReceived { kind, hours } => tr!(
            "event-request",
            request = label("request", kind),
            hours = format!("{hours:.1}")
        ),
        Event::RequestClosed { kind, by, right } => match (by, right) {
            (Team::Csm, true) => tr!("event-request-csm-right"),
            (Team::Csm, false) => tr!(
                "event-request-csm-wrong",
                request = label("request", kind),
                team = label("team", kind.right_team())
            ),
            (_, true) => tr!(
                "event-request-right",
                team = label("team-first", by),
                request = label("request", kind)
            ),
            (_, false) if kind == RequestKind::Strategic => {
                tr!("event-request-strategic-wrong", team = label("team", by))
            }
            (_, false) => tr!(
                "event-request-wrong",
                request = label("request", kind),
                team = label("team", by)
            ),
        },
        Event::ChampionFound { by } => {
            tr!(
                "event-champion-found",
                action = action_name(by).to_lowercase()
            )
        }
        Event::HealthRead { said, truth, found } => {
            let led_to: Vec<String> = BarrierKind::ALL
                .iter()
                .filter(|k| found & (1 << k.index()) != 0)
                .map(|k| label("barrier", *k))
                .collect();
            match truth {
                Some(t) if t == said && led_to.is_empty() => tr!(
                    "event-health-right",
                    driver = label("driver", said),
                    objective = said.objective()
                ),
                Some(t) if t == said => tr!(
                    "event-health-right-found",
                    driver = label("driver", said),
                    found = led_to.join(", "),
                    objective = said.objective()
                ),
                Some(t) => tr!(
                    "event-health-wrong",
                    said = label("driver", said),
                    truth = label("driver", t),
                    truth_objective = t.objective(),
                    objective = said.objective()
                ),
                None => tr!("event-health-flat", said = label("driver", said)),
            }
        }
        Event::Campaign {
            action,
            segment,
            reached,
            opportunities,
        } => tr!(
            "event-campaign",
            action = action_name(action),
            segment = segment_name(segment),
            reached = reached,
            opportunities = opportunities,
            objectives = action.spec().objectives.join(", ")
        ),
        Event::ContractStarted { arr } => tr!("event-contract", arr = format_money(arr)),
        Event::Renewed {
            arr,
            chance,
            factors: f,
        } => tr!(
            "event-renewed",
            arr = format_money(arr),
            chance = pct(chance),
            branch = unlikely_branch(true, chance).unwrap_or_default(),
            factors = factors(f)
        ),
        Event::Downsold {
            from,
            to,
            chance,
            factors: f,
        } => tr!(
            "event-downsold",
            from = format_money(from),
            to = format_money(to),
            chance = pct(chance),
            branch = unlikely_branch(false, chance).unwrap_or_default(),
            factors = factors(f)
        ),
        Event::Churned {
            arr,
            chance,
            factors: f,
        } => tr!(
            "event-churned",
            arr = format_money(arr),
            chance = pct(chance),
            branch = unlikely_branch(false, chance).unwrap_or_default(),
            factors = factors(f)
        ),
    }
}

/// What an action did, in a few words.
pub fn result(o: &ActionOutcome, action: ActionKind) -> String {
    let objectives = || action.spec().objectives.join(", ");
    match *o {
        ActionOutcome::Done => tr!("result-done"),
        ActionOutcome::Discovered(mask) => {
            let kinds: Vec<String> = BarrierKind::ALL
                .iter()
                .filter(|k| mask & (1 << k.index()) != 0)
                .map(|k| format!("{} ({})", label("barrier", *k), k.objective()))
                .collect();
            tr!("result-found", barriers = kinds.join(", "))
        }
        ActionOutcome::NothingFound => tr!("result-nothing-found"),
        ActionOutcome::Progressed(kind, p) => tr!(
            "result-progress",
            barrier = label("barrier", kind),
            percent = pct(p),
            objective = kind.objective()
        ),
        ActionOutcome::Resolved(kind) => tr!(
            "result-resolved",
            barrier = label("barrier", kind),
            objective = kind.objective()
        ),
        ActionOutcome::NoEffect => tr!("result-no-effect", objectives = objectives()),
        ActionOutcome::Misdirected => tr!("result-misdirected", objectives = objectives()),
        ActionOutcome::Superseded(kind) => tr!(
            "result-superseded",
            barrier = label("barrier", kind),
            objective = kind.objective()
        ),
        ActionOutcome::Backfired => tr!("result-backfired"),
        ActionOutcome::Misrouted => tr!("result-misrouted"),
        ActionOutcome::Blocked(b) => tr!("result-blocked", reason = blocker(b)),
        ActionOutcome::ExpansionWon(arr) => tr!("result-expansion-won", arr = format_money(arr)),
        ActionOutcome::ExpansionDeclined => tr!("result-declined"),
    }
}

/// The reasons behind a renewal decision: what stood against it, then what helped.
pub fn factors(f: Factors) -> String {
    let words = |list: Vec<FactorWord>| -> String {
        list.into_iter()
            .map(|w| match w {
                FactorWord::Barrier(k) => tr!(
                    "factor-barrier",
                    barrier = label("barrier", k),
                    objective = k.objective()
                ),
                FactorWord::Word(id) => super::text(id, None),
            })
            .collect::<Vec<_>>()
            .join(&tr!("list-separator"))
    };
    let (against, helped) = f.sides();
    let mut out = if against.is_empty() {
        tr!("factors-nothing-against")
    } else {
        tr!("factors-against", list = words(against))
    };
    if !helped.is_empty() {
        out.push_str(&tr!("factors-favour", list = words(helped)));
    }
    out
}

/// When the less likely result of a renewal draw came up, a sentence that says so: a
/// renewal with a chance under one half, or a loss (downsell or churn) with one of a half or
/// more.
pub fn unlikely_branch(renewed: bool, chance: f32) -> Option<String> {
    if renewed && chance < 0.5 {
        Some(tr!("branch-renewed", chance = pct(chance)))
    } else if !renewed && chance >= 0.5 {
        Some(tr!("branch-lost", chance = pct(1.0 - chance)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unlikely_branch_is_named_only_when_it_came_up() {
        with_language("en", || {
            assert!(unlikely_branch(true, 0.3).is_some_and(|s| s.contains("30 %")));
            assert!(unlikely_branch(true, 0.7).is_none());
            assert!(unlikely_branch(false, 0.98).is_some_and(|s| s.contains("2 %")));
            assert!(unlikely_branch(false, 0.2).is_none());
        });
    }

    #[test]
    fn a_renewal_says_what_stood_against_it_and_what_helped() {
        let f = Factors(Factors::HEALTH_RED | Factors::RECENT_QBR | (1 << Factors::BARRIER_SHIFT));
        let en = with_language("en", || factors(f));
        assert_eq!(
            en,
            "; against it: an unresolved stalled implementation (3.4.a), red health (2.6); in its favour: a recent QBR (4.5)"
        );
        assert_eq!(
            with_language("en", || factors(Factors(Factors::HEALTH_GREEN))),
            "; nothing stood against it; in its favour: green health (2.6)"
        );
        let ja = with_language("ja", || factors(f));
        assert!(ja.contains("QBR") && !ja.contains("against"), "{ja}");
    }
}
