//! How usage, quality, sentiment and money drift each quarter without anyone acting, and
//! what the CSM gets to see of it (last quarter's values, with measurement noise).

use bevy::prelude::*;

use super::clock::Clock;
use super::customer::{Account, Contract};
use super::customer::{CustomerId, Engagement, Lifecycle, Observed, Role, Signals, Stakeholders};
use super::rng::{SimRng, centred};
use super::types::{ConsumptionModel, Stage, Touch};
use super::{ScenarioRes, debug_assert_in_id_order};

/// Where utilisation heads in each stage when nothing holds it back.
pub fn utilisation_potential(stage: Stage) -> f32 {
    match stage {
        Stage::Onboard => 0.1,
        Stage::Implement => 0.3,
        Stage::Use => 0.62,
        Stage::Adopt => 0.8,
        Stage::ExpandRenew => 0.85,
        Stage::Churned => 0.0,
    }
}

/// Sentiment lost per quarter by a sponsor and champion who have not heard from their CSM in
/// two quarters, by touch model: a high-touch customer expects attention.
pub fn neglect_penalty(touch: Touch) -> f32 {
    match touch {
        Touch::High => 0.06,
        Touch::Virtual => 0.03,
        Touch::Digital => 0.0,
    }
}

/// How much higher use settles under an enterprise agreement once the product is adopted:
/// the agreement lets the customer add users across its portfolio without a new purchase,
/// so use grows past the entitlement and is trued up at renewal (1.6.c).
pub const AGREEMENT_HEADROOM: f32 = 0.1;

/// How much lower utilisation settles while the customer has no champion.
pub const NO_CHAMPION_DRAG: f32 = 0.15;

/// The organic drift step of the quarter.
pub(super) fn drift_signals(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    mut rng: ResMut<SimRng>,
    mut customers: Query<(
        &CustomerId,
        &Account,
        &Contract,
        &Lifecycle,
        &Engagement,
        &mut Signals,
        &mut Stakeholders,
    )>,
) {
    let q = clock.q();
    let segments = &scenario.0.segments;
    let rng = &mut rng.drift;
    let mut last = None;
    for (id, account, contract, lifecycle, engagement, mut s, mut people) in &mut customers {
        debug_assert_in_id_order(&mut last, *id);
        if !lifecycle.is_customer(q) {
            continue;
        }
        let [u1, u2, u3, u4] = rng.four();
        let [u5, u6, u7, _] = rng.four();
        let volatility = segments[usize::from(account.segment)].volatility;

        // Without a champion nobody inside drives adoption: use settles lower.
        let target = utilisation_potential(lifecycle.stage)
            + if contract.model == ConsumptionModel::EnterpriseAgreement
                && lifecycle.stage >= Stage::Adopt
            {
                AGREEMENT_HEADROOM
            } else {
                0.0
            }
            - if people.get(Role::Champion).present {
                0.0
            } else {
                NO_CHAMPION_DRAG
            }
            // A gap in the baseline (2.5) holds use back until it is closed.
            - if lifecycle.gap.is_some() {
                super::lifecycle::GAP_DRAG
            } else {
                0.0
            };
        s.utilisation =
            (s.utilisation + 0.25 * (target - s.utilisation) + centred(u1, 0.03)).clamp(0.0, 1.0);
        let share = s.feature_share();
        if s.utilisation > share + 0.1 && u2 < 0.3 && s.features_in_use < s.features_total {
            s.features_in_use += 1;
        } else if s.utilisation < share - 0.2 && u2 > 0.8 && s.features_in_use > 0 {
            s.features_in_use -= 1;
        }
        s.support_tickets = (f32::from(s.support_tickets) * 0.6 + 1.5 + 2.0 * u3) as u16;
        // Support closes an issue a quarter; an active quality barrier opens more.
        s.open_quality_issues = s.open_quality_issues.saturating_sub(1);
        let issues = f32::from(s.open_quality_issues.min(10));
        s.csat = (s.csat + 0.3 * (4.3 - 0.15 * issues - s.csat) + centred(u4, 0.1)).clamp(1.0, 5.0);
        let mood = people.mean_customer_sentiment();
        s.nps = (s.nps + 0.3 * (80.0 * mood - s.nps) + centred(u5, 4.0)).clamp(-100.0, 100.0);
        s.financial_health =
            (s.financial_health + 0.2 * (0.7 - s.financial_health) + centred(u6, volatility))
                .clamp(0.0, 1.0);

        let neglected = engagement.last_touch.is_none_or(|t| q - t >= 2);
        if neglected {
            let penalty = neglect_penalty(account.touch);
            people.nudge(Role::ExecutiveSponsor, -penalty);
            people.nudge(Role::Champion, -penalty);
        }
        people.nudge(Role::Users, 0.08 * (s.utilisation - 0.5));
        people.nudge_customer_side(centred(u7, 0.03));
    }
}

/// Measurement noise on what the CSM sees: usage and survey figures are estimates; ticket
/// counts come straight from the support system.
pub fn observe(lagged: &Signals, u: [f32; 4]) -> Signals {
    Signals {
        utilisation: (lagged.utilisation + centred(u[0], 0.03)).clamp(0.0, 1.0),
        csat: (lagged.csat + centred(u[1], 0.1)).clamp(1.0, 5.0),
        nps: (lagged.nps + centred(u[2], 5.0)).clamp(-100.0, 100.0),
        financial_health: (lagged.financial_health + centred(u[3], 0.05)).clamp(0.0, 1.0),
        ..*lagged
    }
}

/// The observation step: this quarter the dashboard shows last quarter's truth, with noise.
pub(super) fn observe_signals(
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut customers: Query<(&CustomerId, &Lifecycle, &Signals, &mut Observed)>,
) {
    let q = clock.q();
    let rng = &mut rng.observation;
    let mut last = None;
    for (id, lifecycle, signals, mut observed) in &mut customers {
        debug_assert_in_id_order(&mut last, *id);
        if !lifecycle.is_customer(q) {
            continue;
        }
        let shown = observe(&observed.lagged, rng.four());
        observed.signals = shown;
        observed.lagged = *signals;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn potential_rises_through_the_lifecycle() {
        let stages = [
            Stage::Onboard,
            Stage::Implement,
            Stage::Use,
            Stage::Adopt,
            Stage::ExpandRenew,
        ];
        for w in stages.windows(2) {
            assert!(utilisation_potential(w[0]) < utilisation_potential(w[1]));
        }
    }

    #[test]
    fn observation_keeps_counts_exact_and_noise_bounded() {
        let s = Signals {
            utilisation: 0.5,
            features_in_use: 4,
            features_total: 10,
            open_quality_issues: 3,
            support_tickets: 7,
            csat: 4.0,
            nps: 20.0,
            financial_health: 0.7,
        };
        for u in [[0.0; 4], [0.999; 4], [0.5; 4]] {
            let o = observe(&s, u);
            assert_eq!(o.open_quality_issues, 3);
            assert_eq!(o.support_tickets, 7);
            assert!((o.utilisation - 0.5).abs() <= 0.031);
            assert!((o.nps - 20.0).abs() <= 5.01);
        }
    }

    #[test]
    fn only_touched_models_punish_neglect() {
        assert!(neglect_penalty(Touch::High) > neglect_penalty(Touch::Virtual));
        assert_eq!(neglect_penalty(Touch::Digital), 0.0);
    }
}
