//! Health models and colour bands (exam 2.6, `domain.md` §3): each component scored 0–100,
//! combined by the scenario's chosen model, banded red, yellow or green.

use bevy::prelude::*;

use super::ScenarioRes;
use super::barriers::Barriers;
use super::clock::Clock;
use super::customer::{Engagement, Lifecycle, Observed, Role, Signals, Stakeholders, SuccessPlan};
use super::types::{Band, BarrierKind, HealthComponent, HealthDriver, Stage};

const N: usize = HealthComponent::ALL.len();

/// How a scenario turns component scores into one health score.
#[derive(Debug, Clone, PartialEq)]
pub enum HealthModel {
    /// A weighted average of the components. The weights are stored divided by their sum
    /// (see [`HealthModel::weighted`]), so they add up to 1.
    Weighted {
        weights: [f32; N],
        red_below: f32,
        green_from: f32,
    },
    /// The worst of the chosen components.
    Worst {
        components: [bool; N],
        red_below: f32,
        green_from: f32,
    },
}

impl Default for HealthModel {
    /// Outcome (CO) and experience (CX) halves weighted equally, as `domain.md` §3 suggests,
    /// banded 0–50 red, 51–75 yellow, 76–100 green.
    fn default() -> Self {
        let mut weights = [0.0; N];
        weights[HealthComponent::Usage.index()] = 0.2;
        weights[HealthComponent::Engagement.index()] = 0.1;
        weights[HealthComponent::Outcomes.index()] = 0.1;
        weights[HealthComponent::Financial.index()] = 0.1;
        weights[HealthComponent::Nps.index()] = 0.15;
        weights[HealthComponent::Csat.index()] = 0.15;
        weights[HealthComponent::Sentiment.index()] = 0.1;
        weights[HealthComponent::Quality.index()] = 0.1;
        HealthModel::weighted(weights, 51.0, 76.0)
    }
}

impl HealthModel {
    /// A weighted model; weights need not add up to 1 (at least one must be above 0).
    pub fn weighted(weights: [f32; N], red_below: f32, green_from: f32) -> Self {
        let total: f32 = weights.iter().sum();
        HealthModel::Weighted {
            weights: weights.map(|w| w / total),
            red_below,
            green_from,
        }
    }

    pub fn combine(&self, scores: &[f32; N]) -> f32 {
        match self {
            HealthModel::Weighted { weights, .. } => {
                weights.iter().zip(scores).map(|(w, s)| w * s).sum()
            }
            HealthModel::Worst { components, .. } => components
                .iter()
                .zip(scores)
                .filter(|(on, _)| **on)
                .map(|(_, s)| *s)
                .fold(100.0, f32::min),
        }
    }

    /// Like [`HealthModel::combine`], leaving one component out: a weighted model spreads
    /// its weight over the others, a worst-of model ignores it (unless it is the only one).
    pub fn combine_without(&self, scores: &[f32; N], left_out: usize) -> f32 {
        match self {
            HealthModel::Weighted { weights, .. } => {
                let rest: f32 = 1.0 - weights[left_out];
                if rest <= 1e-6 {
                    return self.combine(scores);
                }
                let sum: f32 = weights
                    .iter()
                    .zip(scores)
                    .enumerate()
                    .filter(|(i, _)| *i != left_out)
                    .map(|(_, (w, s))| w * s)
                    .sum();
                sum / rest
            }
            HealthModel::Worst { components, .. } => {
                let others = components
                    .iter()
                    .enumerate()
                    .any(|(i, on)| *on && i != left_out);
                if !others {
                    return self.combine(scores);
                }
                components
                    .iter()
                    .zip(scores)
                    .enumerate()
                    .filter(|(i, (on, _))| **on && *i != left_out)
                    .map(|(_, (_, s))| *s)
                    .fold(100.0, f32::min)
            }
        }
    }

    pub fn band(&self, score: f32) -> Band {
        let (red_below, green_from) = match self {
            HealthModel::Weighted {
                red_below,
                green_from,
                ..
            }
            | HealthModel::Worst {
                red_below,
                green_from,
                ..
            } => (*red_below, *green_from),
        };
        if score < red_below {
            Band::Red
        } else if score >= green_from {
            Band::Green
        } else {
            Band::Yellow
        }
    }

    /// How much a point of this component moves the score: its weight in a weighted model;
    /// in a worst-of model an equal share among the chosen components.
    pub fn weight(&self, c: HealthComponent) -> f32 {
        match self {
            HealthModel::Weighted { weights, .. } => weights[c.index()],
            HealthModel::Worst { components, .. } => {
                let chosen = components.iter().filter(|on| **on).count().max(1) as f32;
                if components[c.index()] {
                    1.0 / chosen
                } else {
                    0.0
                }
            }
        }
    }

    /// Whether a component counts in this model at all.
    pub fn uses(&self, c: HealthComponent) -> bool {
        match self {
            HealthModel::Weighted { weights, .. } => weights[c.index()] > 0.0,
            HealthModel::Worst { components, .. } => components[c.index()],
        }
    }
}

/// A customer's health as the CSM's dashboard shows it, from observed data. The renewal
/// decision uses [`true_health`] instead, computed only when a decision needs it.
#[derive(Component, Debug, Clone, Copy)]
pub struct Health {
    pub score: f32,
    pub band: Band,
    pub components: [f32; N],
    /// The score the quarter before (the same as `score` before a second scoring).
    pub previous: f32,
    /// The components the quarter before, to the whole point (0–100): a byte each keeps
    /// the component small, and the dashboard shows whole points.
    pub previous_components: [u8; N],
    /// What drove the score's decline since the quarter before, if it declined.
    pub driver: Option<HealthDriver>,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            score: 50.0,
            band: Band::Yellow,
            components: [50.0; N],
            previous: 50.0,
            previous_components: [50; N],
            driver: None,
        }
    }
}

/// How many points the dashboard score must fall in a quarter to count as a decline whose
/// driver the CSM can be asked to read (2.6).
pub const DECLINE: f32 = 2.0;

/// A driver must have cost at least this many points to be the one behind a decline.
const DRIVER_MIN: f32 = 0.5;

impl Health {
    /// Whether the dashboard score fell by [`DECLINE`] or more since the quarter before.
    pub fn declined(&self) -> bool {
        self.previous - self.score >= DECLINE
    }

    /// What the dashboard shows driving a decline (worked out when the score is).
    pub fn main_driver(&self) -> Option<HealthDriver> {
        self.driver
    }

    /// The driver that cost the most points, if the score declined and one cost at least
    /// half a point.
    fn driver_of_decline(&self, weights: &DriverWeights) -> Option<HealthDriver> {
        if !self.declined() {
            return None;
        }
        let mut best = None;
        let mut worst = -DRIVER_MIN;
        for (d, parts) in HealthDriver::ALL.into_iter().zip(&weights.0) {
            let change: f32 = parts
                .iter()
                .map(|&(i, w)| w * (self.components[i] - f32::from(self.previous_components[i])))
                .sum();
            // The first of equals, in the order of `HealthDriver::ALL`.
            if change < worst || (best.is_none() && change == worst) {
                worst = change;
                best = Some(d);
            }
        }
        best
    }
}

/// Each driver's components with the model's weight for each, worked out once a quarter
/// rather than once a customer (a driver has at most two components; the rest weigh 0).
pub struct DriverWeights([[(usize, f32); 2]; HealthDriver::ALL.len()]);

impl DriverWeights {
    pub fn of(model: &HealthModel) -> DriverWeights {
        DriverWeights(HealthDriver::ALL.map(|d| {
            let mut parts = [(0, 0.0); 2];
            for (slot, c) in parts.iter_mut().zip(d.components()) {
                *slot = (c.index(), model.weight(*c));
            }
            parts
        }))
    }
}

/// Maps a value onto 0–100 piecewise linearly so that `red` lands on 51 and `green` on 76:
/// the bands of `domain.md` §3 carry over to the component's own scale.
#[inline(always)]
fn banded(value: f32, floor: f32, red: f32, green: f32, top: f32) -> f32 {
    let v = value.clamp(floor, top);
    // Called with constants, so the reciprocals are computed when compiling.
    if v < red {
        (v - floor) * (51.0 / (red - floor))
    } else if v < green {
        51.0 + (v - red) * (25.0 / (green - red))
    } else {
        76.0 + (v - green) * (24.0 / (top - green))
    }
}

/// Scores every component from a set of signals and what is known about the account.
pub fn component_scores(
    s: &Signals,
    mean_sentiment: f32,
    engagement: &Engagement,
    plan: &SuccessPlan,
    lifecycle: &Lifecycle,
    q: i16,
) -> [f32; N] {
    let mut out = [0.0; N];
    out[HealthComponent::Usage.index()] = 100.0 * (0.7 * s.utilisation + 0.3 * s.feature_share());
    out[HealthComponent::Quality.index()] =
        (100.0 - 12.0 * f32::from(s.open_quality_issues) - 2.0 * f32::from(s.support_tickets))
            .clamp(0.0, 100.0);
    out[HealthComponent::Sentiment.index()] = 50.0 * (mean_sentiment + 1.0);
    out[HealthComponent::Financial.index()] = 100.0 * s.financial_health;
    out[HealthComponent::Nps.index()] = banded(s.nps, -100.0, 30.0, 60.0, 100.0);
    out[HealthComponent::Csat.index()] = banded(s.csat, 1.0, 3.0, 4.0, 5.0);
    let touch = match engagement.last_touch.map(|t| q - t) {
        Some(0) => 100.0,
        Some(1) => 80.0,
        Some(2) => 50.0,
        _ => 20.0,
    };
    let plan_score = if plan.is_current(q) {
        100.0 * plan.completeness()
    } else {
        40.0 * plan.completeness()
    };
    out[HealthComponent::Engagement.index()] = 0.6 * touch + 0.4 * plan_score;
    out[HealthComponent::Outcomes.index()] =
        40.0 * lifecycle.deployment + 20.0 * f32::from(lifecycle.outcomes_achieved.min(3));
    out
}

/// The same model applied to the true state: what really drives a renewal decision.
pub fn true_health(
    model: &HealthModel,
    signals: &Signals,
    stakeholders: &Stakeholders,
    engagement: &Engagement,
    plan: &SuccessPlan,
    lifecycle: &Lifecycle,
    q: i16,
) -> f32 {
    // The customer decides on what it lives with, not on the CSM's own activity: the
    // engagement component (contact and plan upkeep) is a dashboard signal and is left out.
    model.combine_without(
        &component_scores(
            signals,
            stakeholders.mean_customer_sentiment(),
            engagement,
            plan,
            lifecycle,
            q,
        ),
        HealthComponent::Engagement.index(),
    )
}

/// Present while a world's first health scoring runs, when it is installed.
#[derive(Resource)]
pub struct FirstScoring;

/// The quarter's health scoring: the dashboard score from observed data and what the CSM
/// knows.
pub(super) fn score_health(
    clock: Res<Clock>,
    scenario: Res<ScenarioRes>,
    first_scoring: Option<Res<FirstScoring>>,
    mut customers: Query<(
        &Observed,
        &Stakeholders,
        &Engagement,
        &SuccessPlan,
        &Lifecycle,
        &Barriers,
        &mut Health,
    )>,
) {
    let q = clock.quarter as i16;
    let model = &scenario.0.health_model;
    // The first scoring (at install) has nothing before it to compare with.
    let first = first_scoring.is_some();
    let weights = DriverWeights::of(model);
    for (observed, stakeholders, engagement, plan, lifecycle, barriers, mut health) in
        &mut customers
    {
        if lifecycle.stage == Stage::Churned {
            continue;
        }
        let known_sentiment = believed_sentiment(stakeholders, barriers);
        let components = component_scores(
            &observed.signals,
            known_sentiment,
            engagement,
            plan,
            lifecycle,
            q,
        );
        let score = model.combine(&components);
        let before = if first {
            &components
        } else {
            &health.components
        };
        // To the nearest point; `as` saturates at 0 and 255, and components stay within 0–100.
        let previous_components = before.map(|c| (c + 0.5) as u8);
        let previous = if first { score } else { health.score };
        let mut scored = Health {
            score,
            band: model.band(score),
            components,
            previous,
            previous_components,
            driver: None,
        };
        scored.driver = scored.driver_of_decline(&weights);
        *health = scored;
    }
}

/// The mean sentiment as the CSM believes it: a sponsor whose departure has not been
/// discovered still counts with their last known mood.
pub fn believed_sentiment(stakeholders: &Stakeholders, barriers: &Barriers) -> f32 {
    let sponsor = stakeholders.get(Role::ExecutiveSponsor);
    let sponsor_loss_known = barriers
        .get(BarrierKind::LostSponsor)
        .is_some_and(|b| b.discovered);
    if sponsor.present || sponsor_loss_known {
        return stakeholders.mean_customer_sentiment();
    }
    let mut sum = sponsor.sentiment;
    let mut n = 1.0;
    for role in [Role::Champion, Role::Users] {
        let s = stakeholders.get(role);
        if s.present {
            sum += s.sentiment;
            n += 1.0;
        }
    }
    sum / n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bands_match_the_domain() {
        let m = HealthModel::default();
        assert_eq!(m.band(50.9), Band::Red);
        assert_eq!(m.band(51.0), Band::Yellow);
        assert_eq!(m.band(75.9), Band::Yellow);
        assert_eq!(m.band(76.0), Band::Green);
    }

    #[test]
    fn a_score_shown_rounded_down_agrees_with_its_band() {
        // The dashboard shows whole points rounded down (`CustomerView::health_shown`): with
        // whole-point band edges, the number shown always lies in the band shown beside it.
        let m = HealthModel::default();
        for tenth in 0..=1000 {
            let score = tenth as f32 / 10.0;
            assert_eq!(m.band(score), m.band(score.floor()), "{score}");
        }
        assert_ne!(
            m.band(75.6),
            m.band(75.6_f32.round()),
            "rounding would disagree"
        );
    }

    #[test]
    fn nps_and_csat_thresholds_land_on_band_edges() {
        assert!((banded(30.0, -100.0, 30.0, 60.0, 100.0) - 51.0).abs() < 1e-4);
        assert!((banded(60.0, -100.0, 30.0, 60.0, 100.0) - 76.0).abs() < 1e-4);
        assert!((banded(3.0, 1.0, 3.0, 4.0, 5.0) - 51.0).abs() < 1e-4);
        assert!((banded(4.0, 1.0, 3.0, 4.0, 5.0) - 76.0).abs() < 1e-4);
        assert_eq!(banded(-500.0, -100.0, 30.0, 60.0, 100.0), 0.0);
    }

    #[test]
    fn worst_model_takes_the_minimum_of_chosen_components() {
        let mut components = [false; N];
        components[HealthComponent::Usage.index()] = true;
        components[HealthComponent::Csat.index()] = true;
        let m = HealthModel::Worst {
            components,
            red_below: 51.0,
            green_from: 76.0,
        };
        let mut scores = [90.0; N];
        scores[HealthComponent::Csat.index()] = 40.0;
        scores[HealthComponent::Nps.index()] = 10.0; // not chosen, ignored
        assert_eq!(m.combine(&scores), 40.0);
    }
}
