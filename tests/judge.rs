//! Every judging rule fires in a situation built to trigger it and stays silent in one
//! built not to.

use std::collections::BTreeSet;
use std::sync::Arc;

use csm_sim::exam::Blueprint;
use csm_sim::exam::judge::{Judge, Rules, Verdict};
use csm_sim::scenario::Scenario;
use csm_sim::sim::Simulation;
use csm_sim::sim::actions::{ActionKind, ActionTarget, PlannedAction};
use csm_sim::sim::types::HealthDriver;

/// A customer line for the test scenario.
struct C {
    id: &'static str,
    segment: &'static str,
    arr: u32,
    /// Quarter whose end decides the renewal.
    renews: i16,
    stage: &'static str,
    signals: &'static str,
    plan: &'static str,
    extra: &'static str,
}

const HEALTHY: &str =
    "Signals(utilisation: 0.75, features_in_use: 7, nps: 55, csat: 4.5, financial_health: 0.8)";
const SICK: &str = "Signals(utilisation: 0.1, features_in_use: 1, nps: -60, csat: 2.0, financial_health: 0.2, open_quality_issues: 4, support_tickets: 12)";
const FULL_PLAN: &str = "SuccessPlan(products: true, stakeholder_roles: true, validated_outcomes: true, critical_success_factors: true, kpis: true, use_cases: true, raci: true, last_reviewed: 0)";
const NO_PLAN: &str = "SuccessPlan()";
const STALE_PLAN: &str = "SuccessPlan(products: true, stakeholder_roles: true, validated_outcomes: true, critical_success_factors: true, kpis: true, last_reviewed: -3)";

fn c(id: &'static str) -> C {
    C {
        id,
        segment: "high",
        arr: 100_000,
        renews: 8,
        stage: "Adopt",
        signals: HEALTHY,
        plan: FULL_PLAN,
        extra: "",
    }
}

fn scenario(customers: &[C], events: &str) -> Arc<Scenario> {
    let list: Vec<String> = customers
        .iter()
        .map(|c| {
            // A term of 8 quarters starting so that the renewal falls in `renews`.
            let start = c.renews - 7;
            format!(
                "Customer(id: \"{}\", name: \"{}\", segment: \"{}\", size: Large, contract: Contract(products: [\"Suite\"], licences: 100, arr: {}, start_quarter: {start}, term_quarters: 8), stage: {}, signals: {}, success_plan: {}{}),",
                c.id, c.id, c.segment, c.arr, c.stage, c.signals, c.plan, c.extra
            )
        })
        .collect();
    let text = format!(
        r#"Scenario(id: "judge", title: "Judge", quarters: 6, capacity_hours: 200, seed: 1,
    products: ["Suite"],
    segments: [
        Segment(id: "high", touch: High, sponsor_turnover: 0.0),
        Segment(id: "virtual", touch: Virtual, sponsor_turnover: 0.0),
        Segment(id: "digital", touch: Digital, sponsor_turnover: 0.0),
    ],
    customers: [{}],
    events: [{events}],
)"#,
        list.join("\n")
    );
    Arc::new(Scenario::parse("judge.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}")))
}

/// Plays the script (one list of `(action, target)` per quarter) with `seed` and returns
/// the rules that fired.
fn fired_with(s: &Arc<Scenario>, seed: u64, script: &[&[(&str, &str)]]) -> BTreeSet<String> {
    let mut sim = Simulation::new(s.clone(), seed);
    let mut judge = Judge::new();
    for quarter in script {
        for (action, target) in *quarter {
            // `read:DRIVER` says what drives the customer's health decline (2.6).
            if let Some(driver) = action.strip_prefix("read:") {
                let driver = HealthDriver::from_id(driver).expect(driver);
                let _ = sim.read_health(sim.find_customer(target).expect(target), driver);
                continue;
            }
            let kind = ActionKind::from_id(action).unwrap_or_else(|| panic!("no action {action}"));
            let target = match s.segment_index(target) {
                Some(seg) if kind.spec().one_to_many => ActionTarget::Segment(seg),
                _ => ActionTarget::Customer(sim.find_customer(target).expect(target)),
            };
            let _ = sim.plan(PlannedAction {
                action: kind,
                target,
            });
        }
        judge.end_quarter(&mut sim);
    }
    judge
        .judgements
        .into_iter()
        .map(|j| j.rule.to_owned())
        .collect()
}

fn fired(s: &Arc<Scenario>, script: &[&[(&str, &str)]]) -> BTreeSet<String> {
    fired_with(s, 1, script)
}

/// Fires with at least one of the first `seeds` seeds (for rules on chance outcomes).
fn fires_for_some_seed(rule: &str, s: &Arc<Scenario>, seeds: u64, script: &[&[(&str, &str)]]) {
    assert!(
        (0..seeds).any(|seed| fired_with(s, seed, script).contains(rule)),
        "{rule} never fired in {seeds} seeds"
    );
}

fn fires(rule: &str, s: &Arc<Scenario>, script: &[&[(&str, &str)]]) {
    let got = fired(s, script);
    assert!(got.contains(rule), "{rule} did not fire; fired: {got:?}");
}

fn silent(rule: &str, s: &Arc<Scenario>, script: &[&[(&str, &str)]]) {
    let got = fired(s, script);
    assert!(
        !got.contains(rule),
        "{rule} fired when it should not; fired: {got:?}"
    );
}

const LOST_SPONSOR: &str = "Event(quarter: 1, target: Customer(\"a\"), barrier: LostSponsor, severity: 0.9, hidden: false)";
const STALL: &str = "Event(quarter: 1, target: Customer(\"a\"), barrier: StalledImplementation, severity: 0.8, hidden: false)";
const HIDDEN_STALL: &str =
    "Event(quarter: 1, target: Customer(\"a\"), barrier: StalledImplementation, severity: 0.8)";
const POOR_FIT: &str =
    "Event(quarter: 1, target: Customer(\"a\"), barrier: NotAFit, severity: 1.0, hidden: false)";

#[test]
fn the_rules_load_and_cover_every_domain() {
    let rules = &Rules::get().0;
    assert!(rules.len() >= 30, "only {} rules", rules.len());
    let b = Blueprint::get();
    let domains: BTreeSet<&str> = rules
        .iter()
        .flat_map(|r| r.objectives.iter())
        .filter_map(|o| b.domain_of(o).map(|d| d.id.as_str()))
        .collect();
    assert_eq!(domains.len(), 5, "{domains:?}");
    assert!(rules.iter().any(|r| r.verdict == Verdict::Good));
    assert!(rules.iter().any(|r| r.verdict == Verdict::Mistake));
}

#[test]
fn a_broken_rules_file_is_located() {
    let text = csm_sim::exam::judge::SOURCE.replacen(
        "objectives: [\"1.9\", \"1.9.c\"]",
        "objectives: [\"1.99\"]",
        1,
    );
    let err = Rules::parse("rules.ron", &text).unwrap_err();
    assert!(
        err.to_string().contains("rules.ron:") && err.to_string().contains("1.99"),
        "{err}"
    );
}

#[test]
fn digital_time_while_renewal_at_risk() {
    let rule = "digital-time-while-renewal-at-risk";
    let big = C {
        arr: 500_000,
        renews: 1,
        signals: SICK,
        plan: NO_PLAN,
        ..c("big")
    };
    let tail = C {
        segment: "digital",
        arr: 5_000,
        ..c("tail")
    };
    let s = scenario(&[big, tail], "");
    fires(rule, &s, &[&[("site_visit", "tail")]]);
    silent(
        rule,
        &s,
        &[&[("site_visit", "tail"), ("stakeholder_conversation", "big")]],
    );
}

#[test]
fn one_to_many_for_digital() {
    let rule = "one-to-many-for-digital";
    let s = scenario(
        &[
            C {
                segment: "digital",
                ..c("a")
            },
            C {
                segment: "virtual",
                ..c("b")
            },
        ],
        "",
    );
    fires(rule, &s, &[&[("adoption_campaign", "digital")]]);
    silent(rule, &s, &[&[("adoption_campaign", "virtual")]]);
}

#[test]
fn churn_with_open_barrier() {
    let rule = "churn-with-open-barrier";
    let doomed = C {
        renews: 1,
        signals: SICK,
        plan: NO_PLAN,
        ..c("a")
    };
    fires_for_some_seed(rule, &scenario(&[doomed], POOR_FIT), 30, &[&[]]);
    let healthy = C {
        renews: 1,
        ..c("a")
    };
    for seed in 0..30 {
        assert!(
            !fired_with(
                &scenario(
                    &[C {
                        ..healthy_clone(&healthy)
                    }],
                    ""
                ),
                seed,
                &[&[]]
            )
            .contains(rule)
        );
    }
}

fn healthy_clone(x: &C) -> C {
    C {
        id: x.id,
        segment: x.segment,
        arr: x.arr,
        renews: x.renews,
        stage: x.stage,
        signals: x.signals,
        plan: x.plan,
        extra: x.extra,
    }
}

#[test]
fn expansion_won() {
    let rule = "expansion-won";
    let ready = C {
        signals: "Signals(utilisation: 0.95, features_in_use: 9, nps: 70, csat: 4.8, financial_health: 0.9)",
        extra: ", outcomes_achieved: 2",
        ..c("a")
    };
    fires_for_some_seed(
        rule,
        &scenario(&[ready], ""),
        10,
        &[&[("propose_additional_user_groups", "a")]],
    );
    silent(rule, &scenario(&[c("a")], ""), &[&[("qbr", "a")]]);
}

#[test]
fn renewal_secured_early() {
    let rule = "renewal-secured-early";
    let s = scenario(
        &[C {
            renews: 2,
            ..c("a")
        }],
        "",
    );
    fires_for_some_seed(rule, &s, 5, &[&[("renewal_risk_analysis", "a")], &[]]);
    silent(rule, &s, &[&[], &[("renewal_risk_analysis", "a")]]);
}

#[test]
fn adoption_plan_at_onboarding() {
    let rule = "adoption-plan-at-onboarding";
    fires(
        rule,
        &scenario(
            &[C {
                stage: "Implement",
                ..c("a")
            }],
            "",
        ),
        &[&[("adoption_plan", "a")]],
    );
    silent(
        rule,
        &scenario(
            &[C {
                stage: "Use",
                ..c("a")
            }],
            "",
        ),
        &[&[("adoption_plan", "a")]],
    );
}

#[test]
fn acted_on_leading_indicator() {
    let rule = "acted-on-leading-indicator";
    fires(
        rule,
        &scenario(
            &[C {
                signals: SICK,
                plan: NO_PLAN,
                ..c("a")
            }],
            "",
        ),
        &[&[("stakeholder_conversation", "a")]],
    );
    silent(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("stakeholder_conversation", "a")]],
    );
}

#[test]
fn plan_built_with_and_without_sponsor() {
    let s = scenario(
        &[C {
            plan: NO_PLAN,
            ..c("a")
        }],
        LOST_SPONSOR,
    );
    // Quarter 1: the loss is known from the start (not hidden), so building the plan is
    // done without a sponsor.
    let got = fired(&s, &[&[], &[("build_success_plan", "a")]]);
    assert!(got.contains("plan-without-sponsor"), "{got:?}");
    assert!(!got.contains("plan-built-with-sponsor"), "{got:?}");
    let s = scenario(
        &[C {
            plan: NO_PLAN,
            ..c("a")
        }],
        "",
    );
    // Hearing the sponsor first (planned before the build, so it runs first) is praised.
    let got = fired(
        &s,
        &[&[
            ("stakeholder_conversation", "a"),
            ("build_success_plan", "a"),
        ]],
    );
    assert!(got.contains("plan-built-with-sponsor"), "{got:?}");
    assert!(!got.contains("plan-without-sponsor"), "{got:?}");
    assert!(
        !got.contains("plan-built-before-hearing-the-sponsor"),
        "{got:?}"
    );
    // Reviewing a stale plan during a known sponsor gap is not praised and faulted at once:
    // it is the mistake (outcomes are re-validated with the new sponsor).
    let s = scenario(
        &[C {
            plan: STALE_PLAN,
            ..c("a")
        }],
        LOST_SPONSOR,
    );
    let got = fired(&s, &[&[], &[("review_success_plan", "a")]]);
    assert!(got.contains("plan-without-sponsor"), "{got:?}");
    assert!(!got.contains("stale-plan-reviewed"), "{got:?}");
}

/// A customer who wants lower cost, whose account manager noted the vendor's goal.
const WANTS_COST: &str =
    ", desired_outcome: Some(reduce_cost), sold_outcome: Some(licences_activated)";
/// A plan of five elements without validated outcomes (so no baseline either).
const UNVALIDATED_PLAN: &str = "SuccessPlan(products: true, stakeholder_roles: true, critical_success_factors: true, kpis: true, use_cases: true, last_reviewed: 0)";

#[test]
fn plan_outcomes_heard_or_not() {
    let s = scenario(
        &[C {
            plan: NO_PLAN,
            extra: WANTS_COST,
            ..c("a")
        }],
        "",
    );
    // Written blind, the plan takes the account manager's vendor goal.
    let got = fired(&s, &[&[("build_success_plan", "a")]]);
    assert!(
        got.contains("plan-built-before-hearing-the-sponsor"),
        "{got:?}"
    );
    assert!(got.contains("plan-aims-at-vendor-goal"), "{got:?}");
    assert!(!got.contains("plan-built-with-sponsor"), "{got:?}");
    // Heard afterwards, the plan still says otherwise until it is reviewed.
    let got = fired(
        &s,
        &[
            &[("build_success_plan", "a")],
            &[("stakeholder_conversation", "a")],
        ],
    );
    assert!(got.contains("plan-outcome-not-the-sponsors"), "{got:?}");
    // Heard first: the plan aims at the customer's outcome and none of the faults fire.
    let got = fired(
        &s,
        &[&[
            ("stakeholder_conversation", "a"),
            ("build_success_plan", "a"),
        ]],
    );
    for rule in [
        "plan-aims-at-vendor-goal",
        "plan-outcome-not-the-sponsors",
        "plan-built-before-hearing-the-sponsor",
    ] {
        assert!(!got.contains(rule), "{rule}: {got:?}");
    }
}

#[test]
fn plan_use_cases_untargeted_until_the_champion_is_heard() {
    let rule = "plan-use-cases-untargeted";
    let s = scenario(
        &[C {
            plan: NO_PLAN,
            extra: WANTS_COST,
            ..c("a")
        }],
        "",
    );
    // Written blind, the plan lists the vendor's rollout.
    let got = fired(&s, &[&[("build_success_plan", "a")]]);
    assert!(got.contains(rule), "{got:?}");
    // Heard first, in the same quarter: it targets the customer's own.
    let got = fired(
        &s,
        &[&[
            ("stakeholder_conversation", "a"),
            ("build_success_plan", "a"),
        ]],
    );
    assert!(!got.contains(rule), "{got:?}");
    // With no champion to ask, it is not faulted.
    let s = scenario(
        &[C {
            plan: NO_PLAN,
            extra: ", stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.5), champion: Stakeholder(present: false), users: Stakeholder(sentiment: 0.5))",
            ..c("a")
        }],
        "",
    );
    let got = fired(&s, &[&[("build_success_plan", "a")]]);
    assert!(!got.contains(rule), "{got:?}");
}

#[test]
fn qbr_without_baseline() {
    let rule = "qbr-without-baseline";
    let s = scenario(
        &[C {
            plan: UNVALIDATED_PLAN,
            extra: WANTS_COST,
            ..c("a")
        }],
        "",
    );
    fires(rule, &s, &[&[("qbr", "a")]]);
    silent("qbr-held", &s, &[&[("qbr", "a")]]);
    // With the data reviewed first, the QBR shows value against a baseline.
    silent(
        rule,
        &s,
        &[&[("review_account_data", "a")], &[("qbr", "a")]],
    );
}

#[test]
fn review_without_plan() {
    let rule = "review-without-plan";
    fires(
        rule,
        &scenario(
            &[C {
                plan: NO_PLAN,
                ..c("a")
            }],
            "",
        ),
        &[&[("review_success_plan", "a")]],
    );
    silent(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("review_success_plan", "a")]],
    );
}

#[test]
fn stale_plan_reviewed() {
    let rule = "stale-plan-reviewed";
    fires(
        rule,
        &scenario(
            &[C {
                plan: STALE_PLAN,
                ..c("a")
            }],
            "",
        ),
        &[&[("review_success_plan", "a")]],
    );
    silent(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("review_success_plan", "a")]],
    );
}

#[test]
fn red_health_ignored() {
    let rule = "red-health-ignored";
    let sick = || {
        scenario(
            &[C {
                signals: SICK,
                plan: NO_PLAN,
                ..c("a")
            }],
            "",
        )
    };
    fires(rule, &sick(), &[&[], &[]]);
    silent(
        rule,
        &sick(),
        &[
            &[("stakeholder_conversation", "a")],
            &[("stakeholder_conversation", "a")],
        ],
    );
}

#[test]
fn renewal_without_plan() {
    let rule = "renewal-without-plan";
    fires(
        rule,
        &scenario(
            &[C {
                renews: 2,
                plan: NO_PLAN,
                ..c("a")
            }],
            "",
        ),
        &[&[]],
    );
    silent(
        rule,
        &scenario(
            &[C {
                renews: 2,
                ..c("a")
            }],
            "",
        ),
        &[&[]],
    );
}

#[test]
fn training_for_low_usage() {
    let rule = "training-for-low-usage";
    fires(
        rule,
        &scenario(
            &[C {
                signals: SICK,
                ..c("a")
            }],
            "",
        ),
        &[&[("training", "a")]],
    );
    silent(rule, &scenario(&[c("a")], ""), &[&[("training", "a")]]);
}

#[test]
fn undiagnosed_two_quarters() {
    let rule = "undiagnosed-two-quarters";
    let s = scenario(&[c("a")], HIDDEN_STALL);
    // The stall begins in quarter 1; its symptoms are in the data in quarters 2 and 3.
    fires(rule, &s, &[&[], &[], &[]]);
    silent(rule, &s, &[&[], &[]]);
    let look = &[("site_visit", "a"), ("stakeholder_conversation", "a")][..];
    silent(rule, &s, &[look, look, &[]]);
    // A lost sponsor leaves nothing in the data: the data rule says nothing of it, the
    // conversation rule does.
    let gone = scenario(
        &[c("a")],
        "Event(quarter: 1, target: Customer(\"a\"), barrier: LostSponsor, severity: 0.9)",
    );
    let mut unnoticed = false;
    for seed in 0..10 {
        let got = fired_with(&gone, seed, &[&[], &[], &[]]);
        assert!(!got.contains(rule), "{got:?}");
        unnoticed |= got.contains("sponsor-loss-unnoticed");
    }
    assert!(unnoticed, "sponsor-loss-unnoticed never fired");
    for seed in 0..10 {
        let got = fired_with(&gone, seed, &[&[("stakeholder_conversation", "a")], &[]]);
        assert!(
            !got.contains("sponsor-loss-unnoticed") || !got.contains("found-in-conversation"),
            "{got:?}"
        );
    }
}

#[test]
fn discoveries_by_source() {
    let s = scenario(
        &[c("a")],
        "Event(quarter: 1, target: Customer(\"a\"), barrier: LostSponsor, severity: 0.9)",
    );
    fires_for_some_seed(
        "found-in-conversation",
        &s,
        10,
        &[&[("stakeholder_conversation", "a")]],
    );
    silent(
        "found-in-conversation",
        &scenario(&[c("a")], ""),
        &[&[("stakeholder_conversation", "a")]],
    );
    let s = scenario(&[c("a")], HIDDEN_STALL);
    fires_for_some_seed(
        "found-in-data",
        &s,
        10,
        &[&[], &[("review_account_data", "a")]],
    );
    silent(
        "found-in-data",
        &scenario(&[c("a")], ""),
        &[&[], &[("review_account_data", "a")]],
    );
    fires_for_some_seed("found-by-observation", &s, 10, &[&[("site_visit", "a")]]);
    silent(
        "found-by-observation",
        &scenario(&[c("a")], ""),
        &[&[("site_visit", "a")]],
    );
}

#[test]
fn right_and_wrong_responses() {
    let s = scenario(&[c("a")], STALL);
    let got = fired(&s, &[&[("phased_replan", "a"), ("engage_services", "a")]]);
    assert!(got.contains("right-response-resolved"), "{got:?}");
    assert!(!got.contains("wrong-response"), "{got:?}");
    let got = fired(&s, &[&[("escalate_to_support", "a")]]);
    assert!(got.contains("wrong-response"), "{got:?}");
    assert!(!got.contains("right-response-resolved"), "{got:?}");
}

#[test]
fn a_second_right_response_after_the_barrier_is_resolved_is_not_wrong() {
    // Planned together against a known stall: the re-plan and services resolve it, so the
    // escalation finds nothing left. It was right when planned: neither a wrong response
    // nor an escalation for nothing, and the journal says it was not needed.
    let s = scenario(&[c("a")], STALL);
    let got = fired(
        &s,
        &[&[
            ("phased_replan", "a"),
            ("engage_services", "a"),
            ("executive_escalation", "a"),
        ]],
    );
    assert!(got.contains("right-response-resolved"), "{got:?}");
    assert!(!got.contains("wrong-response"), "{got:?}");
    assert!(!got.contains("escalation-for-nothing"), "{got:?}");
    let mut sim = Simulation::new(s.clone(), 1);
    let a = sim.find_customer("a").unwrap();
    for action in ["phased_replan", "engage_services", "executive_escalation"] {
        sim.plan(PlannedAction {
            action: ActionKind::from_id(action).unwrap(),
            target: ActionTarget::Customer(a),
        })
        .unwrap();
    }
    sim.end_quarter();
    let last = sim
        .journal()
        .for_quarter(1)
        .filter_map(|e| match e.event {
            csm_sim::sim::journal::Event::Action { action, outcome } => Some((action, outcome)),
            _ => None,
        })
        .last()
        .unwrap();
    assert_eq!(
        last,
        (
            ActionKind::ExecutiveEscalation,
            csm_sim::sim::actions::ActionOutcome::Superseded(
                csm_sim::sim::types::BarrierKind::StalledImplementation
            )
        )
    );
}

#[test]
fn escalation_for_nothing() {
    let rule = "escalation-for-nothing";
    fires(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("executive_escalation", "a")]],
    );
    silent(
        rule,
        &scenario(&[c("a")], STALL),
        &[&[("executive_escalation", "a")]],
    );
}

#[test]
fn known_barrier_left_alone() {
    let rule = "known-barrier-left-alone";
    fires(rule, &scenario(&[c("a")], STALL), &[&[], &[]]);
    silent(
        rule,
        &scenario(&[c("a")], STALL),
        &[&[("phased_replan", "a")], &[]],
    );
    // A quality issue repairs itself a little each quarter; that is no answer from the CSM.
    let quality = "Event(quarter: 1, target: Customer(\"a\"), barrier: QualityIssue, severity: 0.8, hidden: false)";
    fires(rule, &scenario(&[c("a")], quality), &[&[], &[]]);
    silent(
        rule,
        &scenario(&[c("a")], quality),
        &[&[("escalate_to_support", "a")], &[]],
    );
}

#[test]
fn sponsor_search_without_loss() {
    let rule = "sponsor-search-without-loss";
    fires(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("find_new_sponsor", "a")]],
    );
    // The loss happens during quarter 1, so the search belongs in quarter 2.
    silent(
        rule,
        &scenario(&[c("a")], LOST_SPONSOR),
        &[&[], &[("find_new_sponsor", "a")]],
    );
}

#[test]
fn qbr_rules() {
    let got = fired(&scenario(&[c("a")], ""), &[&[("qbr", "a")]]);
    assert!(
        got.contains("qbr-held") && !got.contains("qbr-without-plan"),
        "{got:?}"
    );
    let got = fired(
        &scenario(
            &[C {
                plan: NO_PLAN,
                ..c("a")
            }],
            "",
        ),
        &[&[("qbr", "a")]],
    );
    assert!(
        got.contains("qbr-without-plan") && !got.contains("qbr-held"),
        "{got:?}"
    );
    let got = fired(&scenario(&[c("a")], LOST_SPONSOR), &[&[], &[("qbr", "a")]]);
    assert!(got.contains("qbr-without-sponsor"), "{got:?}");
    let got = fired(&scenario(&[c("a")], ""), &[&[], &[("qbr", "a")]]);
    assert!(!got.contains("qbr-without-sponsor"), "{got:?}");
    // A QBR is for named accounts: with a digital-touch customer it earns no praise.
    let digital = C {
        segment: "digital",
        ..c("a")
    };
    let got = fired(&scenario(&[digital], ""), &[&[("qbr", "a")]]);
    assert!(!got.contains("qbr-held"), "{got:?}");
}

#[test]
fn advocacy_rules() {
    let happy = C {
        signals: "Signals(utilisation: 0.8, features_in_use: 8, nps: 70, csat: 4.8)",
        extra: ", stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.8), champion: Stakeholder(sentiment: 0.8), users: Stakeholder(sentiment: 0.8))",
        ..c("a")
    };
    let got = fired(&scenario(&[happy], ""), &[&[("advocacy_request", "a")]]);
    assert!(
        got.contains("advocacy-from-promoter") && !got.contains("advocacy-from-unhappy"),
        "{got:?}"
    );
    let got = fired(
        &scenario(
            &[C {
                signals: SICK,
                ..c("a")
            }],
            "",
        ),
        &[&[("advocacy_request", "a")]],
    );
    assert!(
        got.contains("advocacy-from-unhappy") && !got.contains("advocacy-from-promoter"),
        "{got:?}"
    );
}

#[test]
fn case_study_and_talk_rules() {
    let happy = |outcomes: u8| C {
        signals: "Signals(utilisation: 0.8, features_in_use: 8, nps: 70, csat: 4.8)",
        stage: "Adopt",
        extra: if outcomes > 0 {
            ", stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.8), champion: Stakeholder(sentiment: 0.8), users: Stakeholder(sentiment: 0.8)), outcomes_achieved: 1"
        } else {
            ", stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.8), champion: Stakeholder(sentiment: 0.8), users: Stakeholder(sentiment: 0.8))"
        },
        ..c("a")
    };
    // A promoter with a result to tell: a case study lands.
    let got = fired(&scenario(&[happy(1)], ""), &[&[("case_study", "a")]]);
    assert!(
        got.contains("case-study-with-results") && !got.contains("case-study-backfired"),
        "{got:?}"
    );
    // The same promoter before any outcome: too early.
    let got = fired(&scenario(&[happy(0)], ""), &[&[("case_study", "a")]]);
    assert!(
        got.contains("case-study-backfired") && !got.contains("case-study-with-results"),
        "{got:?}"
    );
    // A talk from a promoter with a champion is advocacy well asked.
    let got = fired(&scenario(&[happy(1)], ""), &[&[("user_group_talk", "a")]]);
    assert!(got.contains("advocacy-from-promoter"), "{got:?}");
    // Without a champion there is nobody to give it.
    let orphan = C {
        extra: ", stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.8), champion: Stakeholder(present: false), users: Stakeholder(sentiment: 0.8))",
        ..happy(0)
    };
    let got = fired(&scenario(&[orphan], ""), &[&[("user_group_talk", "a")]]);
    assert!(got.contains("talk-without-champion"), "{got:?}");
}

#[test]
fn success_captured() {
    let rule = "success-captured";
    fires(
        rule,
        &scenario(
            &[C {
                extra: ", outcomes_achieved: 1",
                ..c("a")
            }],
            "",
        ),
        &[&[("capture_success", "a")]],
    );
    silent(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("capture_success", "a")]],
    );
}

#[test]
fn high_touch_neglected() {
    let rule = "high-touch-neglected";
    fires(rule, &scenario(&[c("a")], ""), &[&[], &[]]);
    silent(
        rule,
        &scenario(
            &[C {
                segment: "digital",
                ..c("a")
            }],
            "",
        ),
        &[&[], &[]],
    );
}

#[test]
fn renewal_work_late_or_missing() {
    let s = scenario(
        &[C {
            renews: 1,
            ..c("a")
        }],
        "",
    );
    // A renewal at the end of the scenario's first quarter cannot be worked a quarter
    // ahead: late work there is no mistake.
    let got = fired(&s, &[&[("renewal_risk_analysis", "a")]]);
    assert!(!got.contains("renewal-work-late"), "{got:?}");
    let got = fired(
        &scenario(
            &[C {
                renews: 2,
                ..c("a")
            }],
            "",
        ),
        &[&[], &[("renewal_risk_analysis", "a")]],
    );
    assert!(got.contains("renewal-work-late"), "{got:?}");
    let got = fired(
        &scenario(
            &[C {
                renews: 2,
                ..c("a")
            }],
            "",
        ),
        &[&[("renewal_risk_analysis", "a")], &[]],
    );
    assert!(!got.contains("renewal-work-late"), "{got:?}");
    let doomed = C {
        renews: 1,
        signals: SICK,
        plan: NO_PLAN,
        ..c("a")
    };
    fires_for_some_seed(
        "renewal-not-worked",
        &scenario(&[doomed], POOR_FIT),
        20,
        &[&[]],
    );
    let worked = C {
        renews: 2,
        signals: SICK,
        plan: NO_PLAN,
        ..c("a")
    };
    for seed in 0..20 {
        let got = fired_with(
            &scenario(&[healthy_clone(&worked)], POOR_FIT),
            seed,
            &[&[("renewal_risk_analysis", "a")], &[]],
        );
        assert!(!got.contains("renewal-not-worked"), "{got:?}");
    }
}

#[test]
fn mitigation_and_transition_plans() {
    let s = scenario(
        &[C {
            renews: 3,
            ..c("a")
        }],
        POOR_FIT,
    );
    let got = fired(
        &s,
        &[
            &[("renewal_risk_analysis", "a")],
            &[("mitigation_plan", "a"), ("transition_plan", "a")],
        ],
    );
    assert!(
        got.contains("mitigation-for-risk") && got.contains("transition-for-poor-fit"),
        "{got:?}"
    );
    let s = scenario(
        &[C {
            renews: 3,
            ..c("a")
        }],
        "",
    );
    let got = fired(
        &s,
        &[
            &[("renewal_risk_analysis", "a")],
            &[("mitigation_plan", "a"), ("transition_plan", "a")],
        ],
    );
    assert!(
        !got.contains("mitigation-for-risk") && !got.contains("transition-for-poor-fit"),
        "{got:?}"
    );
    // The same transition plan for a healthy customer gives ARR away.
    assert!(got.contains("transition-for-healthy-customer"), "{got:?}");
    let got = fired(
        &scenario(
            &[C {
                renews: 3,
                ..c("a")
            }],
            POOR_FIT,
        ),
        &[&[], &[("transition_plan", "a")]],
    );
    assert!(!got.contains("transition-for-healthy-customer"), "{got:?}");
}

#[test]
fn an_ill_fitting_expansion_is_called_one() {
    let rule = "expansion-ill-fitting";
    // No outcome yet: nothing but change management can fit, so the pitch backfires.
    fires(
        rule,
        &scenario(&[c("a")], ""),
        &[&[("propose_new_solution", "a")]],
    );
    // Two outcomes, a warm sponsor, no barrier: it fits, whether or not it is bought.
    let ready = C {
        extra: ", outcomes_achieved: 2, stakeholders: Stakeholders(executive_sponsor: Stakeholder(sentiment: 0.8))",
        ..c("a")
    };
    silent(
        rule,
        &scenario(&[ready], ""),
        &[&[("propose_new_solution", "a")]],
    );
}

#[test]
fn expansion_pitched_too_early_or_over_a_barrier() {
    let got = fired(
        &scenario(&[c("a")], ""),
        &[&[("propose_new_use_cases", "a")]],
    );
    assert!(got.contains("expansion-before-outcomes"), "{got:?}");
    assert!(!got.contains("expansion-over-open-barrier"), "{got:?}");
    let done = C {
        extra: ", outcomes_achieved: 2",
        ..c("a")
    };
    // The stall begins during quarter 1; the pitch comes in quarter 2.
    let got = fired(
        &scenario(&[done], STALL),
        &[&[], &[("propose_new_use_cases", "a")]],
    );
    assert!(got.contains("expansion-over-open-barrier"), "{got:?}");
    assert!(!got.contains("expansion-before-outcomes"), "{got:?}");
    // Change management answers a stalled rollout, with or without outcomes, as the model
    // has it; over another barrier it is a mistake.
    let got = fired(
        &scenario(&[c("a")], STALL),
        &[&[], &[("propose_change_management", "a")]],
    );
    for rule in [
        "expansion-before-outcomes",
        "expansion-over-open-barrier",
        "change-management-over-other-barrier",
        "transition-for-healthy-customer",
        "expansion-ill-fitting",
    ] {
        assert!(!got.contains(rule), "{rule}: {got:?}");
    }
    let got = fired(
        &scenario(&[c("a")], POOR_FIT),
        &[&[], &[("propose_change_management", "a")]],
    );
    assert!(
        got.contains("change-management-over-other-barrier"),
        "{got:?}"
    );
}

#[test]
fn every_rule_is_exercised_by_these_tests() {
    // Keep this list in step with the tests above: a new rule needs a test of its own.
    let tested = [
        "case-study-with-results",
        "expansion-in-the-plan",
        "case-study-backfired",
        "talk-without-champion",
        "champion-sought",
        "champion-missing-ignored",
        "weak-finances-renewal-unworked",
        "health-read-usage",
        "health-read-quality",
        "health-read-sentiment",
        "health-read-finances",
        "health-misread-usage",
        "health-misread-quality",
        "health-misread-sentiment",
        "health-misread-finances",
        "health-read-without-a-driver",
        "digital-time-while-renewal-at-risk",
        "one-to-many-for-digital",
        "churn-with-open-barrier",
        "expansion-won",
        "renewal-secured-early",
        "adoption-plan-at-onboarding",
        "acted-on-leading-indicator",
        "plan-built-with-sponsor",
        "plan-built-before-hearing-the-sponsor",
        "plan-aims-at-vendor-goal",
        "plan-outcome-not-the-sponsors",
        "plan-use-cases-untargeted",
        "raci-updated",
        "raci-outdated",
        "qbr-without-baseline",
        "plan-without-sponsor",
        "review-without-plan",
        "stale-plan-reviewed",
        "red-health-ignored",
        "renewal-without-plan",
        "training-for-low-usage",
        "undiagnosed-two-quarters",
        "sponsor-loss-unnoticed",
        "found-in-conversation",
        "found-in-data",
        "found-by-observation",
        "right-response-resolved",
        "wrong-response",
        "escalation-for-nothing",
        "known-barrier-left-alone",
        "sponsor-search-without-loss",
        "qbr-held",
        "change-management-over-other-barrier",
        "transition-for-healthy-customer",
        "expansion-ill-fitting",
        "qbr-without-plan",
        "qbr-without-sponsor",
        "advocacy-from-unhappy",
        "advocacy-from-promoter",
        "success-captured",
        "high-touch-neglected",
        "renewal-work-late",
        "renewal-not-worked",
        "mitigation-for-risk",
        "transition-for-poor-fit",
        "expansion-before-outcomes",
        "expansion-over-open-barrier",
        "request-to-support",
        "request-to-services",
        "request-to-account-manager",
        "request-misrouted",
        "strategic-request-handed-off",
        "strategic-request-answered",
        "support-work-kept",
        "gap-found-tools",
        "gap-found-processes",
        "gap-found-staff",
        "gap-closed",
        "gap-left-open",
        "adoption-plan-focused",
        "adoption-plan-unfocused",
    ];
    let ids: BTreeSet<&str> = Rules::get().0.iter().map(|r| r.id.as_str()).collect();
    let tested: BTreeSet<&str> = tested.into_iter().collect();
    assert_eq!(ids, tested);
}

#[test]
fn health_readings_right_and_wrong() {
    // A hidden quality issue from quarter 1 shows in the dashboard's quality and CSAT at the
    // end of quarter 2: read in quarter 3.
    let quality =
        "Event(quarter: 1, target: Customer(\"a\"), barrier: QualityIssue, severity: 0.9)";
    let s = scenario(&[c("a")], quality);
    let read = |driver: &'static str| -> Vec<&'static [(&'static str, &'static str)]> {
        let line: &'static [(&str, &str)] = match driver {
            "quality" => &[("read:quality", "a")],
            "usage" => &[("read:usage", "a")],
            _ => unreachable!(),
        };
        vec![&[], &[], line]
    };
    let right = fired(&s, &read("quality"));
    assert!(right.contains("health-read-quality"), "{right:?}");
    assert!(!right.contains("health-misread-quality"));
    let wrong = fired(&s, &read("usage"));
    assert!(wrong.contains("health-misread-quality"), "{wrong:?}");
    assert!(!wrong.contains("health-read-quality"));
    // Read in quarter 1, before any decline, it is refused and judged as nothing.
    let early = fired(&s, &[&[("read:quality", "a")]]);
    assert!(!early.iter().any(|r| r.starts_with("health-")), "{early:?}");

    // Untouched, a customer's score falls as its finances return from a high to the usual,
    // its NPS drifts and nobody calls; which driver cost most depends on the seed.
    let mut rich = c("a");
    rich.signals =
        "Signals(utilisation: 0.75, features_in_use: 7, nps: 55, csat: 4.5, financial_health: 1.0)";
    let s = scenario(&[rich], "");
    let at_q3 = |line: &'static [(&'static str, &'static str)]| vec![&[][..], &[][..], line];
    fires_for_some_seed(
        "health-read-finances",
        &s,
        20,
        &at_q3(&[("read:finances", "a")]),
    );
    fires_for_some_seed(
        "health-misread-finances",
        &s,
        20,
        &at_q3(&[("read:usage", "a")]),
    );
    fires_for_some_seed(
        "health-read-sentiment",
        &s,
        20,
        &at_q3(&[("read:sentiment", "a")]),
    );
    fires_for_some_seed(
        "health-misread-sentiment",
        &s,
        20,
        &at_q3(&[("read:quality", "a")]),
    );
}

#[test]
fn a_missing_champion_sought_or_ignored() {
    let mut lone = c("a");
    lone.extra = ", stakeholders: Some(Stakeholders(champion: Stakeholder(present: false)))";
    let s = scenario(&[lone], "");
    fires(
        "champion-sought",
        &s,
        &[&[("stakeholder_conversation", "a")]],
    );
    silent(
        "champion-missing-ignored",
        &s,
        &[&[("stakeholder_conversation", "a")], &[]],
    );
    fires("champion-missing-ignored", &s, &[&[], &[], &[]]);
    // With a champion in place, a conversation is just a conversation.
    let s = scenario(&[c("a")], "");
    silent(
        "champion-sought",
        &s,
        &[&[("stakeholder_conversation", "a")]],
    );
    silent("champion-missing-ignored", &s, &[&[], &[], &[]]);
}

#[test]
fn weak_finances_with_a_renewal_near_and_no_work() {
    // Finances coming down from a high drive the decline for some seeds; the renewal is
    // two quarters after the third.
    let mut rich = c("a");
    rich.signals = rich_signals();
    rich.renews = 4;
    let s = scenario(&[rich], "");
    fires_for_some_seed("weak-finances-renewal-unworked", &s, 30, &[&[], &[]]);
    let mut worked = c("a");
    worked.signals = rich_signals();
    worked.renews = 4;
    let s = scenario(&[worked], "");
    let analysis: &[(&str, &str)] = &[("renewal_risk_analysis", "a")];
    for seed in 0..30 {
        let got = fired_with(&s, seed, &[analysis, &[]]);
        assert!(
            !got.contains("weak-finances-renewal-unworked"),
            "seed {seed}: {got:?}"
        );
    }
}

fn rich_signals() -> &'static str {
    "Signals(utilisation: 0.75, features_in_use: 7, nps: 55, csat: 4.5, financial_health: 1.0)"
}

#[test]
fn health_read_where_usage_fell() {
    // A poor fit cuts utilisation; with the CSM talking to the people every quarter, their
    // mood holds and usage is what falls most, for some seeds.
    let s = scenario(&[c("a")], POOR_FIT.replace(", hidden: false", "").as_str());
    let talk: &[(&str, &str)] = &[("stakeholder_conversation", "a")];
    let at = |line: &'static [(&'static str, &'static str)]| vec![talk, talk, line];
    fires_for_some_seed(
        "health-read-usage",
        &s,
        40,
        &at(&[("read:usage", "a"), ("stakeholder_conversation", "a")]),
    );
    fires_for_some_seed(
        "health-misread-usage",
        &s,
        40,
        &at(&[("read:finances", "a"), ("stakeholder_conversation", "a")]),
    );
    // Untouched and otherwise steady, a customer's score can fall because nobody called
    // (engagement is the CSM's own work): no driver of the customer's stands out.
    let s = scenario(&[c("a")], "");
    let r: &[(&str, &str)] = &[("read:usage", "a")];
    fires_for_some_seed(
        "health-read-without-a-driver",
        &s,
        200,
        &[&[], r, r, r, r, r],
    );
}

/// Plays four quarters of a book whose named accounts ask for something every quarter,
/// answering each open request as `choose` says (`None`: keep it), and returns the rules
/// that fired.
fn triaged(
    seed: u64,
    choose: impl Fn(csm_sim::sim::types::RequestKind) -> Option<ActionKind>,
) -> BTreeSet<String> {
    let customers: Vec<C> = ["a", "b", "c", "d", "e", "f"].into_iter().map(c).collect();
    let base = scenario(&customers, "");
    let text = base
        .source
        .replacen("seed: 1,", "seed: 1, inbound_requests: 1.0,", 1);
    let s = Arc::new(Scenario::parse("judge.ron", &text).unwrap());
    let mut sim = Simulation::new(s, seed);
    let mut judge = Judge::new();
    for _ in 0..4 {
        for id in 0..6 {
            let Some(r) = sim.customer(id).unwrap().request else {
                continue;
            };
            if let Some(action) = choose(r.kind) {
                sim.plan(PlannedAction {
                    action,
                    target: ActionTarget::Customer(id),
                })
                .unwrap();
            }
        }
        judge.end_quarter(&mut sim);
    }
    judge
        .judgements
        .into_iter()
        .map(|j| j.rule.to_owned())
        .collect()
}

#[test]
fn inbound_requests_triaged_right_wrong_or_kept() {
    use csm_sim::sim::types::RequestKind as K;
    let right = |k: K| match k {
        K::Technical => Some(ActionKind::HandToSupport),
        K::HowTo => Some(ActionKind::HandToServices),
        K::Commercial => Some(ActionKind::HandToAccountManager),
        K::Strategic => None,
    };
    let got = triaged(1, right);
    for rule in [
        "request-to-support",
        "request-to-services",
        "request-to-account-manager",
        "strategic-request-answered",
    ] {
        assert!(got.contains(rule), "{rule}: {got:?}");
    }
    for rule in [
        "request-misrouted",
        "strategic-request-handed-off",
        "support-work-kept",
    ] {
        assert!(!got.contains(rule), "{rule}: {got:?}");
    }
    // One team for everything: most requests go to the wrong one, the sponsor's included.
    let got = triaged(1, |_| Some(ActionKind::HandToServices));
    assert!(got.contains("request-misrouted"), "{got:?}");
    assert!(got.contains("strategic-request-handed-off"), "{got:?}");
    assert!(!got.contains("strategic-request-answered"), "{got:?}");
    // Keeping everything is other teams' work done by the CSM.
    let got = triaged(1, |_| None);
    assert!(got.contains("support-work-kept"), "{got:?}");
    assert!(!got.contains("request-to-support"), "{got:?}");
}

fn with_gap(gap: &'static str) -> Arc<Scenario> {
    let mut a = c("a");
    a.stage = "Implement";
    a.extra = gap;
    scenario(&[a], "")
}

#[test]
fn gaps_in_the_baseline_found_closed_or_left_open() {
    let tools = with_gap(", gap: Some(Some(Tools))");
    let review: &[(&str, &str)] = &[("review_account_data", "a")];
    fires_for_some_seed("gap-found-tools", &tools, 10, &[review]);
    fires_for_some_seed(
        "gap-found-processes",
        &with_gap(", gap: Some(Some(Processes))"),
        10,
        &[&[("site_visit", "a")]],
    );
    fires_for_some_seed(
        "gap-found-staff",
        &with_gap(", gap: Some(Some(Staff))"),
        10,
        &[&[("stakeholder_conversation", "a")]],
    );
    // Found by the data, then closed by services in the same quarter or the next.
    let close: &[(&str, &str)] = &[("review_account_data", "a"), ("engage_services", "a")];
    fires_for_some_seed("gap-closed", &tools, 10, &[close, close]);
    // The wrong answer closes nothing: training for a tools gap.
    let wrong: &[(&str, &str)] = &[("review_account_data", "a"), ("training", "a")];
    for seed in 0..10 {
        let got = fired_with(&tools, seed, &[wrong, wrong]);
        assert!(!got.contains("gap-closed"), "seed {seed}: {got:?}");
    }
    // Found and left for two quarters.
    fires_for_some_seed("gap-left-open", &tools, 10, &[review, &[], &[]]);
    // Closed once found, never left open.
    for seed in 0..10 {
        let got = fired_with(&tools, seed, &[close, close, close, &[]]);
        if got.contains("gap-closed") {
            assert!(!got.contains("gap-left-open"), "seed {seed}: {got:?}");
        }
    }
    // No gap, nothing to find.
    let none = with_gap(", gap: Some(None)");
    for seed in 0..5 {
        let got = fired_with(&none, seed, &[review, review]);
        assert!(!got.iter().any(|r| r.starts_with("gap-")), "{got:?}");
    }
}

#[test]
fn an_expansion_opportunity_written_into_the_plan() {
    let mut a = c("a");
    a.plan = FULL_PLAN;
    a.extra = ", outcomes_achieved: 1";
    let s = scenario(&[a], "");
    // A review with no opportunity open writes nothing in.
    let got = fired(&s, &[&[("review_success_plan", "a")]]);
    assert!(!got.contains("expansion-in-the-plan"), "{got:?}");
    // A QBR with an outcome reached surfaces one; the review next quarter plans it.
    let got = fired(&s, &[&[("qbr", "a")], &[("review_success_plan", "a")]]);
    assert!(got.contains("expansion-in-the-plan"), "{got:?}");
}

#[test]
fn an_adoption_plan_focused_on_the_customers_outcome_or_not() {
    let mut a = c("a");
    a.stage = "Onboard";
    a.plan = NO_PLAN;
    let s = scenario(&[a], "");
    // No outcome written yet: no focus.
    let got = fired(&s, &[&[("adoption_plan", "a")]]);
    assert!(got.contains("adoption-plan-unfocused"), "{got:?}");
    assert!(!got.contains("adoption-plan-focused"), "{got:?}");
    // Hear the sponsor, build the plan on what was said, then agree the adoption plan.
    let got = fired(
        &s,
        &[&[
            ("stakeholder_conversation", "a"),
            ("build_success_plan", "a"),
            ("adoption_plan", "a"),
        ]],
    );
    assert!(got.contains("adoption-plan-focused"), "{got:?}");
    assert!(!got.contains("adoption-plan-unfocused"), "{got:?}");
}

#[test]
fn a_raci_naming_someone_gone_is_faulted_until_the_plan_is_reviewed() {
    // The plan's RACI was written while the account had no champion; a conversation may
    // find a new one (chance 0.5), after which the RACI names nobody in place.
    let mut lone = c("a");
    lone.extra = ", stakeholders: Some(Stakeholders(champion: Stakeholder(present: false)))";
    let s = scenario(&[lone], "");
    let talk: &[(&str, &str)] = &[("stakeholder_conversation", "a")];
    let review: &[(&str, &str)] = &[("review_success_plan", "a")];
    fires_for_some_seed("raci-outdated", &s, 20, &[talk, &[]]);
    fires_for_some_seed("raci-updated", &s, 20, &[talk, review]);
    // While the champion is missing, a RACI that cannot name one is not faulted.
    silent("raci-outdated", &s, &[&[], &[]]);
    // With the people in place from the start, nothing fires.
    let s = scenario(&[c("a")], "");
    silent("raci-outdated", &s, &[&[], &[], &[]]);
    silent("raci-updated", &s, &[review, &[]]);
}
