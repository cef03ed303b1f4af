//! Portfolio money and health (exam 1.7, 1.8, `domain.md` §6): ARR, MRR, ATR, churn,
//! contraction, expansion, GRR, NRR, LTV and time to value, per quarter and overall.
//!
//! Money is kept in whole currency units as integers, so sums do not depend on order.

use bevy::prelude::*;
use serde::Serialize;

use super::actions::Budget;
use super::clock::Clock;
use super::customer::{Contract, Lifecycle};
use super::health::Health;
use super::types::{Band, Stage};

/// Amounts booked during the current quarter by the renewal and action steps.
#[derive(Resource, Debug, Default, Clone)]
pub struct Tally {
    pub atr: i64,
    pub renewed_arr: i64,
    pub churned_arr: i64,
    pub contraction_arr: i64,
    pub expansion_arr: i64,
    pub new_arr: i64,
    pub renewals_due: u32,
    pub churned_customers: u32,
    pub downsold_customers: u32,
    /// The same, for the customers present when the scenario began (GRR/NRR's cohort).
    pub cohort_churned: i64,
    pub cohort_contraction: i64,
    pub cohort_expansion: i64,
}

impl Tally {
    pub fn add_churn(&mut self, arr: i64, cohort: bool) {
        self.churned_arr += arr;
        self.churned_customers += 1;
        if cohort {
            self.cohort_churned += arr;
        }
    }

    pub fn add_contraction(&mut self, arr: i64, cohort: bool) {
        self.contraction_arr += arr;
        if cohort {
            self.cohort_contraction += arr;
        }
    }

    pub fn add_expansion(&mut self, arr: i64, cohort: bool) {
        self.expansion_arr += arr;
        if cohort {
            self.cohort_expansion += arr;
        }
    }
}

/// One quarter's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterMetrics {
    pub quarter: u16,
    pub start_arr: i64,
    pub end_arr: i64,
    pub mrr: f64,
    /// Available to renew: ARR whose renewal fell in this quarter.
    pub atr: i64,
    pub renewed_arr: i64,
    pub churned_arr: i64,
    pub contraction_arr: i64,
    pub expansion_arr: i64,
    pub new_arr: i64,
    /// (start − churn − contraction) / start, for this quarter.
    pub grr: f64,
    /// (start − churn − contraction + expansion) / start, for this quarter.
    pub nrr: f64,
    pub customers: u32,
    pub renewals_due: u32,
    pub churned_customers: u32,
    pub downsold_customers: u32,
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
    pub mean_health: f64,
    pub hours_planned: f64,
    /// GRR of the starting cohort from the scenario's start to the end of this quarter.
    pub cumulative_grr: f64,
    /// NRR of the starting cohort from the scenario's start to the end of this quarter.
    pub cumulative_nrr: f64,
    /// Lifetime value as of the end of this quarter (see [`Metrics::ltv`]).
    pub ltv: f64,
}

/// The run's figures so far.
#[derive(Resource, Debug, Default, Clone)]
pub struct Metrics {
    /// ARR of the customers present when the scenario began.
    pub start_arr: i64,
    pub start_customers: u32,
    /// ARR at the start of the current quarter.
    pub quarter_start_arr: i64,
    pub quarters: Vec<QuarterMetrics>,
    pub cohort_churned: i64,
    pub cohort_contraction: i64,
    pub cohort_expansion: i64,
}

impl Metrics {
    pub fn churned_arr(&self) -> i64 {
        self.quarters.iter().map(|q| q.churned_arr).sum()
    }

    pub fn contraction_arr(&self) -> i64 {
        self.quarters.iter().map(|q| q.contraction_arr).sum()
    }

    pub fn expansion_arr(&self) -> i64 {
        self.quarters.iter().map(|q| q.expansion_arr).sum()
    }

    pub fn churned_customers(&self) -> u32 {
        self.quarters.iter().map(|q| q.churned_customers).sum()
    }

    /// Gross revenue retention of the starting cohort over the run so far.
    pub fn grr(&self) -> f64 {
        ratio(
            self.start_arr - self.cohort_churned - self.cohort_contraction,
            self.start_arr,
        )
    }

    /// Net revenue retention of the starting cohort over the run so far.
    pub fn nrr(&self) -> f64 {
        ratio(
            self.start_arr - self.cohort_churned - self.cohort_contraction + self.cohort_expansion,
            self.start_arr,
        )
    }

    pub fn end_arr(&self) -> i64 {
        self.quarters
            .last()
            .map_or(self.quarter_start_arr, |q| q.end_arr)
    }

    /// Lifetime value: average ARR per customer divided by the annual logo churn rate,
    /// capped at ten years of ARR when (almost) nobody churns.
    pub fn ltv(&self) -> f64 {
        let Some(last) = self.quarters.last() else {
            return 0.0;
        };
        if last.customers == 0 {
            return 0.0;
        }
        let avg_arr = last.end_arr as f64 / f64::from(last.customers);
        let years = self.quarters.len() as f64 / 4.0;
        let mean_customers = self
            .quarters
            .iter()
            .map(|q| f64::from(q.customers))
            .sum::<f64>()
            / self.quarters.len() as f64;
        let annual_churn = f64::from(self.churned_customers()) / (mean_customers * years);
        let lifetime_years = if annual_churn > 0.1 {
            1.0 / annual_churn
        } else {
            10.0
        };
        avg_arr * lifetime_years
    }
}

fn ratio(num: i64, den: i64) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The metrics step: adds up the portfolio and records the quarter.
pub(super) fn sum_metrics(
    clock: Res<Clock>,
    tally: Res<Tally>,
    budget: Res<Budget>,
    mut metrics: ResMut<Metrics>,
    customers: Query<(&Contract, &Lifecycle, &Health)>,
) {
    let qi = clock.q();
    let mut end_arr = 0i64;
    let mut active = 0u32;
    let mut bands = [0u32; 3];
    let mut health_tenths = 0i64;
    for (contract, life, health) in &customers {
        if life.stage == Stage::Churned || !contract.active_in(qi) {
            continue;
        }
        end_arr += contract.arr;
        active += 1;
        bands[health.band as usize] += 1;
        health_tenths += (health.score * 10.0 + 0.5) as i64;
    }
    let start = metrics.quarter_start_arr;
    let record = QuarterMetrics {
        quarter: clock.quarter,
        start_arr: start,
        end_arr,
        mrr: end_arr as f64 / 12.0,
        atr: tally.atr,
        renewed_arr: tally.renewed_arr,
        churned_arr: tally.churned_arr,
        contraction_arr: tally.contraction_arr,
        expansion_arr: tally.expansion_arr,
        new_arr: tally.new_arr,
        grr: ratio(start - tally.churned_arr - tally.contraction_arr, start),
        nrr: ratio(
            start - tally.churned_arr - tally.contraction_arr + tally.expansion_arr,
            start,
        ),
        customers: active,
        renewals_due: tally.renewals_due,
        churned_customers: tally.churned_customers,
        downsold_customers: tally.downsold_customers,
        red: bands[Band::Red as usize],
        yellow: bands[Band::Yellow as usize],
        green: bands[Band::Green as usize],
        mean_health: if active == 0 {
            0.0
        } else {
            health_tenths as f64 / 10.0 / f64::from(active)
        },
        // Hours are multiples of 0.05; rounding to a hundredth drops the float noise of
        // summing them in another order (a replayed session reads health and plans actions
        // in its own order).
        hours_planned: (f64::from(budget.planned) * 100.0).round() / 100.0,
        cumulative_grr: 0.0,
        cumulative_nrr: 0.0,
        ltv: 0.0,
    };
    metrics.cohort_churned += tally.cohort_churned;
    metrics.cohort_contraction += tally.cohort_contraction;
    metrics.cohort_expansion += tally.cohort_expansion;
    metrics.quarter_start_arr = end_arr;
    metrics.quarters.push(record);
    let (grr, nrr, ltv) = (metrics.grr(), metrics.nrr(), metrics.ltv());
    if let Some(last) = metrics.quarters.last_mut() {
        last.cumulative_grr = grr;
        last.cumulative_nrr = nrr;
        last.ltv = ltv;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grr_and_nrr_follow_the_domain_formulas() {
        let m = Metrics {
            start_arr: 1000,
            cohort_churned: 100,
            cohort_contraction: 50,
            cohort_expansion: 200,
            ..Default::default()
        };
        assert!((m.grr() - 0.85).abs() < 1e-12);
        assert!((m.nrr() - 1.05).abs() < 1e-12);
    }

    #[test]
    fn empty_start_counts_as_full_retention() {
        assert_eq!(ratio(0, 0), 1.0);
    }
}
