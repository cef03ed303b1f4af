//! The result of a run: business figures overall and per quarter, and the scenario's
//! targets met or missed.

use serde::Serialize;

use super::Simulation;
use super::metrics::QuarterMetrics;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TargetResult {
    pub name: &'static str,
    pub target: f64,
    pub actual: f64,
    pub met: bool,
}

impl TargetResult {
    /// A goal or result of this target in words: a share as a percentage, a count whole.
    pub fn show(&self, v: f64) -> String {
        if self.name.contains("RR") || self.name.contains("share") {
            format!("{:.1} %", v * 100.0)
        } else if self.name.contains("customers") {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        }
    }
}

/// A run's results, as printed by `csm-sim run --json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RunSummary {
    pub scenario: String,
    pub scenario_hash: String,
    pub seed: u64,
    /// Quarters played.
    pub quarters: u16,
    pub start_arr: i64,
    pub end_arr: i64,
    pub grr: f64,
    pub nrr: f64,
    /// The cohort's contracts at their expected ARR at the next renewal (`docs/model.md` §11).
    pub outlook: super::renewal::Outlook,
    pub churned_arr: i64,
    pub contraction_arr: i64,
    pub expansion_arr: i64,
    pub new_arr: i64,
    /// Customers at the start.
    pub customers: u32,
    pub churned_customers: u32,
    pub ltv: f64,
    /// Mean quarters from purchase to first outcome, over customers that got there.
    pub mean_time_to_value: Option<f64>,
    pub customers_with_value: u32,
    pub targets: Vec<TargetResult>,
    pub per_quarter: Vec<QuarterMetrics>,
}

impl Simulation {
    /// Mean quarters from purchase to first outcome, and how many customers got there.
    fn time_to_value(&self) -> (Option<f64>, u32) {
        let mut sum = 0u64;
        let mut n = 0u32;
        self.each_customer(|c| {
            if let Some(t) = c.lifecycle.time_to_value {
                sum += u64::from(t);
                n += 1;
            }
        });
        ((n > 0).then(|| sum as f64 / f64::from(n)), n)
    }

    /// The scenario's targets, each met or missed, as things stand.
    pub fn targets(&self) -> Vec<TargetResult> {
        let m = self.metrics();
        let t = &self.scenario().targets;
        let mut targets = Vec::new();
        if let Some(v) = t.nrr_min {
            targets.push(TargetResult {
                name: "NRR at least",
                target: v,
                actual: m.nrr(),
                met: m.nrr() >= v,
            });
        }
        if let Some(v) = t.grr_min {
            targets.push(TargetResult {
                name: "GRR at least",
                target: v,
                actual: m.grr(),
                met: m.grr() >= v,
            });
        }
        if let Some(v) = t.max_churned_customers {
            let actual = m.churned_customers();
            targets.push(TargetResult {
                name: "churned customers at most",
                target: f64::from(v),
                actual: f64::from(actual),
                met: actual <= v,
            });
        }
        if let Some(n) = t.plans_within_quarters {
            // The customers who buy during the scenario, and those of them whose plan was
            // ready within the window.
            let (mut new, mut ready) = (0u32, 0u32);
            self.each_customer(|c| {
                if c.lifecycle.purchased >= 1 {
                    new += 1;
                    let by = c.lifecycle.purchased + n as i16 - 1;
                    if c.plan.ready_in.is_some_and(|r| r <= by) {
                        ready += 1;
                    }
                }
            });
            if new > 0 {
                targets.push(TargetResult {
                    name: "new customers with a success plan (5+ elements) in time",
                    target: f64::from(new),
                    actual: f64::from(ready),
                    met: ready == new,
                });
            }
        }
        if let Some(v) = t.expansion_min {
            let actual = if m.start_arr > 0 {
                m.cohort_expansion as f64 / m.start_arr as f64
            } else {
                0.0
            };
            targets.push(TargetResult {
                name: "expansion ARR at least (share of starting ARR)",
                target: v,
                actual,
                met: actual >= v,
            });
        }
        if let Some(v) = t.advocates_min {
            // Those still customers at the end: a churned reference vouches for nobody.
            let q = self.clock().q();
            let mut actual = 0u32;
            self.each_customer(|c| {
                if c.engagement.advocacy != 0
                    && c.lifecycle.stage != crate::sim::types::Stage::Churned
                    && c.contract.active_in(q)
                {
                    actual += 1;
                }
            });
            targets.push(TargetResult {
                name: "customers who gave advocacy at least",
                target: f64::from(v),
                actual: f64::from(actual),
                met: actual >= v,
            });
        }
        if let Some(v) = t.max_time_to_value {
            let actual = self.time_to_value().0.unwrap_or(f64::INFINITY);
            targets.push(TargetResult {
                name: "mean time to value at most (quarters)",
                target: v,
                actual: if actual.is_finite() { actual } else { -1.0 },
                met: actual <= v,
            });
        }
        targets
    }

    pub fn summary(&self) -> RunSummary {
        let m = self.metrics();
        let scenario = self.scenario();
        let (mean_time_to_value, ttv_n) = self.time_to_value();
        let targets = self.targets();
        RunSummary {
            scenario: scenario.id.clone(),
            scenario_hash: scenario.content_hash.clone(),
            seed: self.seed(),
            quarters: m.quarters.len() as u16,
            start_arr: m.start_arr,
            end_arr: m.end_arr(),
            grr: m.grr(),
            nrr: m.nrr(),
            outlook: self.renewal_outlook(),
            churned_arr: m.churned_arr(),
            contraction_arr: m.contraction_arr(),
            expansion_arr: m.expansion_arr(),
            new_arr: m.quarters.iter().map(|q| q.new_arr).sum(),
            customers: m.start_customers,
            churned_customers: m.churned_customers(),
            ltv: m.ltv(),
            mean_time_to_value,
            customers_with_value: ttv_n,
            targets,
            per_quarter: m.quarters.clone(),
        }
    }
}
