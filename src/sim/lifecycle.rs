//! Lifecycle progress (exam 1.3): onboarding, deployment, adoption, business outcomes and
//! time to value.

use bevy::prelude::*;

use super::barriers::{Barrier, Barriers};
use super::clock::Clock;
use super::customer::{
    Account, Contract, CustomerId, Engagement, Lifecycle, PlanElement, Signals, Stakeholders,
    SuccessPlan,
};
use super::debug_assert_in_id_order;
use super::journal::{Event, Journal};
use super::metrics::Tally;
use super::rng::SimRng;
use super::types::{BarrierKind, Stage};

/// The most business outcomes the model tracks per customer.
pub const MAX_OUTCOMES: u8 = 3;

/// How much lower utilisation settles while a gap in the baseline is open (2.5).
pub const GAP_DRAG: f32 = 0.15;
/// The share of the usual deployment progress made while a gap is open.
pub const GAP_SLOWS: f32 = 0.35;
/// How much an open gap blocks business outcomes, as a barrier's effect would.
pub const GAP_BLOCKS: f32 = 0.25;

/// What an adoption plan adds to a quarter's deployment: the full lift when it is focused
/// on the outcome the customer wants (4.1.b), half when it is not.
pub fn adoption_boost(adoption_plan: bool, focused: bool) -> f32 {
    match (adoption_plan, focused) {
        (false, _) => 0.0,
        (true, true) => 0.15,
        (true, false) => 0.075,
    }
}

/// How much more likely the first business outcome is, a quarter, when the adoption plan's
/// time-to-value timeline aims at the outcome the customer wants (4.1.c).
pub const FOCUSED_TIMELINE: f32 = 0.1;

/// What a plan whose use cases target the work the customer depends on (2.8) adds to a
/// quarter's deployment: the rollout starts where the value is.
pub const TARGETED_ROLLOUT: f32 = 0.08;
/// How much more likely a business outcome is, a quarter, when the plan's use cases target
/// that work: the outcome depends on it being in production.
pub const TARGETED_USE_CASES: f32 = 0.12;

/// How much less likely a business outcome is, a quarter, while the plan's RACI names a
/// sponsor or champion who has left: nobody on the customer's side owns it (2.9).
pub const RACI_OUTDATED: f32 = 0.15;

/// Deployment progress in one quarter of implementation.
pub fn deployment_rate(
    adoption_boost: f32,
    plan_completeness: f32,
    stalled: f32,
    not_a_fit: f32,
) -> f32 {
    (0.2 + adoption_boost + 0.05 * plan_completeness) * (1.0 - stalled) * (1.0 - 0.5 * not_a_fit)
}

/// Chance per quarter of achieving the next business outcome once the product is in use.
pub fn outcome_chance(
    validated: bool,
    plan_completeness: f32,
    utilisation: f32,
    blocking: f32,
) -> f32 {
    (0.05
        + if validated { 0.25 } else { 0.0 }
        + 0.15 * plan_completeness
        + 0.6 * (utilisation - 0.5).max(0.0)
        - 0.5 * blocking)
        .clamp(0.0, 0.9)
}

fn effective(barriers: &Barriers, kind: BarrierKind) -> f32 {
    barriers.get(kind).map_or(0.0, Barrier::effective)
}

/// The lifecycle step of the quarter.
pub(super) fn progress_lifecycle(
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    mut tally: ResMut<Tally>,
    mut customers: Query<(
        &CustomerId,
        &Account,
        &Contract,
        &Signals,
        &mut SuccessPlan,
        &Engagement,
        &Barriers,
        &Stakeholders,
        &mut Lifecycle,
    )>,
) {
    let q = clock.quarter;
    let qi = q as i16;
    let rng = &mut rng.lifecycle;
    let mut last = None;
    for (id, account, contract, signals, mut plan, engagement, barriers, people, mut life) in
        &mut customers
    {
        debug_assert_in_id_order(&mut last, *id);
        if life.stage == Stage::Churned || !contract.active_in(qi) {
            continue;
        }
        if contract.customer_since == qi && !contract.in_start_cohort {
            journal.push(q, id.0, Event::ContractStarted { arr: contract.arr });
            tally.new_arr += contract.arr;
        }
        // When the RACI was first seen outdated, so the judge gives the CSM a quarter to
        // put it right (2.9).
        let raci_outdated = plan.raci_outdated(people);
        let targeted = plan.use_cases_targeted(account);
        match (raci_outdated, plan.raci_outdated_since) {
            (true, None) => plan.raci_outdated_since = Some(qi),
            (false, Some(_)) => plan.raci_outdated_since = None,
            _ => {}
        }
        let stalled = effective(barriers, BarrierKind::StalledImplementation);
        let not_a_fit = effective(barriers, BarrierKind::NotAFit);
        let from = life.stage;
        life.quarters_in_stage = life.quarters_in_stage.saturating_add(1);
        let next = match life.stage {
            Stage::Onboard if life.quarters_in_stage >= 1 || engagement.adoption_plan.is_some() => {
                Some(Stage::Implement)
            }
            Stage::Implement => {
                // Targeted use cases add to the lift, slowed like the rest by a stall, a
                // poor fit or an open gap.
                let rate = deployment_rate(
                    adoption_boost(
                        engagement.adoption_plan.is_some(),
                        engagement.adoption_focused,
                    ) + if targeted { TARGETED_ROLLOUT } else { 0.0 },
                    plan.completeness(),
                    stalled,
                    not_a_fit,
                ) * if life.gap.is_some() { GAP_SLOWS } else { 1.0 };
                life.deployment = (life.deployment + rate).min(1.0);
                (life.deployment >= 1.0).then_some(Stage::Use)
            }
            Stage::Use if signals.utilisation >= 0.6 && signals.feature_share() >= 0.4 => {
                Some(Stage::Adopt)
            }
            Stage::Adopt if life.outcomes_achieved >= 2 || contract.renewal_quarter - qi <= 1 => {
                Some(Stage::ExpandRenew)
            }
            _ => None,
        };
        if let Some(to) = next {
            life.stage = to;
            life.quarters_in_stage = 0;
            journal.push(q, id.0, Event::StageChanged { from, to });
        }
        if life.stage >= Stage::Use && life.outcomes_achieved < MAX_OUTCOMES {
            // Outcomes come from a plan aimed at what the customer wants, validated with its
            // sponsor (2.3): a plan of the vendor's goals validates nothing.
            let blocking = stalled + not_a_fit + if life.gap.is_some() { GAP_BLOCKS } else { 0.0 };
            let p = outcome_chance(
                plan.has(PlanElement::ValidatedOutcomes) && plan.aligned(account),
                plan.completeness(),
                signals.utilisation,
                blocking,
            ) + if engagement.adoption_focused && life.outcomes_achieved == 0 {
                FOCUSED_TIMELINE
            } else {
                0.0
            } + if targeted {
                // The work in production carries the outcome as far as nothing blocks it.
                TARGETED_USE_CASES * (1.0 - blocking).max(0.0)
            } else {
                0.0
            } - if raci_outdated { RACI_OUTDATED } else { 0.0 };
            if rng.chance(p.clamp(0.0, 0.9)) {
                life.outcomes_achieved += 1;
                let mut first = None;
                if life.time_to_value.is_none() {
                    let ttv = (qi - life.purchased + 1).max(1) as u16;
                    life.time_to_value = Some(ttv);
                    first = Some(ttv);
                }
                journal.push(
                    q,
                    id.0,
                    Event::OutcomeAchieved {
                        total: life.outcomes_achieved,
                        time_to_value: first,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stall_stops_deployment_and_a_plan_speeds_it() {
        let focused = adoption_boost(true, true);
        let unfocused = adoption_boost(true, false);
        assert_eq!(deployment_rate(focused, 1.0, 1.0, 0.0), 0.0);
        assert!(
            deployment_rate(focused, 0.5, 0.0, 0.0) > deployment_rate(unfocused, 0.5, 0.0, 0.0)
        );
        assert!(deployment_rate(unfocused, 0.5, 0.0, 0.0) > deployment_rate(0.0, 0.5, 0.0, 0.0));
    }

    #[test]
    fn validated_outcomes_and_usage_make_outcomes_likelier() {
        let base = outcome_chance(false, 0.3, 0.5, 0.0);
        assert!(outcome_chance(true, 0.3, 0.5, 0.0) > base);
        assert!(outcome_chance(false, 0.3, 0.9, 0.0) > base);
        assert_eq!(outcome_chance(false, 0.0, 0.3, 1.0), 0.0);
    }
}
