//! Turns a scenario's listed and generated customers into entities, in stable id order.

use bevy::prelude::*;

use super::barriers::Barriers;
use super::customer::{
    Account, BusinessOutcome, Contract, CustomerId, Engagement, Lifecycle, Observed, PlanElement,
    Profile, Signals, Stakeholder, Stakeholders, SuccessPlan, UseCase,
};
use super::health::Health;
use super::rng::{Stream, hashed_unit};

/// The purpose of the hashed draws of each customer's desired and sold outcomes.
const OUTCOME_DRAW: u64 = 0x6f75_7463_6f6d_6500;
/// The hash purpose of the draws of baseline gaps.
const GAP_DRAW: u64 = 0x6761_7073_0000_0000;
use super::types::{GapKind, Stage};
use crate::scenario::{CustomerSpec, GenerateSpec, Scenario};

/// Every component a customer has. Customers are spawned once with all of them and nothing
/// is ever inserted or removed afterwards, so they stay in one table in id order.
#[derive(Bundle)]
pub struct CustomerBundle {
    pub id: CustomerId,
    pub profile: Profile,
    pub account: Account,
    pub contract: Contract,
    pub lifecycle: Lifecycle,
    pub stakeholders: Stakeholders,
    pub plan: SuccessPlan,
    pub signals: Signals,
    pub observed: Observed,
    pub barriers: Barriers,
    pub health: Health,
    pub engagement: Engagement,
}

fn bundle(id: u32, spec: CustomerSpec, scenario: &Scenario, seed: u64) -> CustomerBundle {
    let segment = &scenario.segments[usize::from(spec.segment)];
    let signals = Signals {
        utilisation: spec.utilisation,
        features_in_use: spec.features_in_use,
        features_total: spec.features_total,
        open_quality_issues: spec.open_quality_issues,
        support_tickets: spec.support_tickets,
        csat: spec.csat,
        nps: spec.nps,
        financial_health: spec.financial_health,
    };
    let term = i16::from(spec.term_quarters);
    // Drawn from a hash, not a stream, so that no other draw moves.
    let desired = spec.desired_outcome.unwrap_or_else(|| {
        BusinessOutcome::draw_desired(hashed_unit(scenario.seed, OUTCOME_DRAW, u64::from(id)))
    });
    let sold = spec.sold_outcome.unwrap_or_else(|| {
        BusinessOutcome::draw_sold(
            desired,
            hashed_unit(scenario.seed, OUTCOME_DRAW + 1, u64::from(id)),
        )
    });
    let use_case = spec.use_case.unwrap_or_else(|| {
        UseCase::draw(hashed_unit(scenario.seed, OUTCOME_DRAW + 2, u64::from(id)))
    });
    // The gap in the baseline (2.5): as the scenario names it, or drawn for a share of the
    // named and pooled customers from the run's seed (a hash, so no other draw moves). A
    // baseline is analysed one to one, so the digital tail draws none.
    let gap = spec.gap.unwrap_or_else(|| {
        let u = hashed_unit(seed, GAP_DRAW, u64::from(id));
        (segment.touch != crate::sim::types::Touch::Digital && u < scenario.baseline_gaps).then(
            || {
                let v = hashed_unit(seed, GAP_DRAW + 1, u64::from(id));
                GapKind::ALL[((v * 3.0) as usize).min(2)]
            },
        )
    });
    let has_use_cases = spec.plan_elements & (1 << PlanElement::UseCases as u8) != 0;
    // A plan that starts with validated outcomes was written with the sponsor.
    let validated = spec.plan_elements & (1 << PlanElement::ValidatedOutcomes as u8) != 0;
    let stakeholders = Stakeholders(
        spec.stakeholders.map(|s| Stakeholder {
            present: s.present,
            sentiment: s.sentiment,
        }),
        0,
    );
    CustomerBundle {
        id: CustomerId(id),
        profile: Profile {
            key: spec.key,
            name: spec.name,
            industry: spec.industry,
        },
        account: Account {
            segment: spec.segment,
            size: spec.size,
            touch: segment.touch,
            desired,
            sold,
            use_case,
        },
        contract: Contract {
            products: spec.products,
            licences: spec.licences,
            arr: spec.arr,
            model: spec.model,
            start_quarter: spec.start_quarter,
            term_quarters: spec.term_quarters,
            renewal_quarter: spec.start_quarter + term - 1,
            auto_renew: spec.auto_renew,
            in_start_cohort: spec.start_quarter <= 1,
            customer_since: spec.start_quarter,
        },
        lifecycle: Lifecycle {
            stage: spec.stage,
            quarters_in_stage: spec.quarters_in_stage,
            deployment: spec.deployment,
            outcomes_achieved: spec.outcomes_achieved,
            purchased: spec.start_quarter,
            // Customers who start with outcomes reached value by the scenario's start.
            time_to_value: (spec.outcomes_achieved > 0)
                .then(|| (1 - spec.start_quarter).max(1) as u16),
            churned_in: None,
            gap,
            gap_found_in: None,
        },
        stakeholders,
        plan: SuccessPlan {
            elements: spec.plan_elements,
            last_reviewed: spec.plan_last_reviewed,
            outcome: validated.then_some(desired),
            outcome_chosen: false,
            outcome_heard: validated,
            baseline: validated,
            ready_in: (spec.plan_elements.count_ones() >= 5).then_some(spec.start_quarter),
            // A plan that starts with use cases was written with the customer's people.
            use_case: has_use_cases.then_some(use_case),
            raci_at: 0,
            raci_outdated_since: None,
            use_case_chosen: false,
            use_case_heard: has_use_cases,
        },
        signals,
        observed: Observed {
            signals,
            lagged: signals,
        },
        barriers: Barriers::default(),
        health: Health::default(),
        engagement: Engagement::default(),
    }
}

/// Draws one generated customer.
fn generated_spec(g: &GenerateSpec, n: u32, key: String, rng: &mut Stream) -> CustomerSpec {
    let [u_arr, u_lic, u_util, u_sent] = rng.four();
    let [u_auto, u_sponsor, u_plan, u_fin] = rng.four();
    let lerp = |r: crate::scenario::Range, u: f32| r.min + (r.max - r.min) * u;
    let spread = u32::from(g.start_spread.min(g.term_quarters).max(1));
    let start = 1 - (n % spread) as i16;
    let utilisation = lerp(g.utilisation, u_util);
    let sentiment = lerp(g.sentiment, u_sent);
    let person = |present: bool| crate::scenario::StakeholderSpec { present, sentiment };
    let full_plan = u_plan < g.success_plan_share;
    let features_total = 10u8;
    CustomerSpec {
        name: joined(&g.name_prefix, ' ', n + 1),
        key,
        industry: String::new(),
        segment: g.segment,
        size: g.size,
        products: g.products,
        licences: lerp(g.licences, u_lic).round().max(1.0) as u32,
        arr: lerp(g.arr, u_arr).round().max(1.0) as i64,
        model: g.model,
        start_quarter: start,
        term_quarters: g.term_quarters,
        auto_renew: u_auto < g.auto_renew_share,
        stage: if utilisation >= 0.6 {
            Stage::Adopt
        } else {
            Stage::Use
        },
        quarters_in_stage: 1,
        stakeholders: [
            person(u_sponsor < g.sponsor_share),
            person(true),
            person(true),
            person(true),
        ],
        plan_elements: if full_plan { 0x7f } else { 0x01 },
        plan_last_reviewed: full_plan.then_some(0),
        desired_outcome: None,
        gap: None,
        sold_outcome: None,
        use_case: None,
        utilisation,
        features_in_use: (utilisation * f32::from(features_total) * 0.7).round() as u8,
        features_total,
        open_quality_issues: 0,
        support_tickets: 2,
        csat: 3.6 + 0.8 * sentiment.max(0.0),
        nps: 60.0 * sentiment,
        financial_health: 0.5 + 0.4 * u_fin,
        deployment: 1.0,
        outcomes_achieved: u8::from(utilisation >= 0.6),
    }
}

/// `prefix`, a separator and a number, without the formatting machinery (a million of
/// these are made for a large portfolio).
fn joined(prefix: &str, separator: char, n: u32) -> String {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(prefix.len() + 1 + digits.len() - at);
    out.push_str(prefix);
    out.push(separator);
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
    out
}

/// Generated customers are made in chunks of this many on a second thread while the main
/// thread spawns the previous chunk.
const CHUNK: u32 = 8192;

/// Up to this many generated customers are made on the spawning thread itself.
const INLINE_UP_TO: u32 = 100_000;

/// Spawns the scenario's customers: listed ones first, then each `generate` entry in order.
/// Returns the entities in id order.
pub fn spawn_customers(
    world: &mut World,
    scenario: &Scenario,
    seed: u64,
    rng: &mut Stream,
) -> Vec<Entity> {
    let total = scenario.customer_count() as usize;
    let mut entities = Vec::with_capacity(total);
    let listed = scenario.customers.len() as u32;
    entities.extend(
        world.spawn_batch(
            scenario
                .customers
                .iter()
                .zip(0..listed)
                .map(|(spec, id)| bundle(id, spec.clone(), scenario, seed)),
        ),
    );
    let generated = total as u32 - listed;
    if generated == 0 {
        return entities;
    }
    if generated <= INLINE_UP_TO {
        // Portfolios of up to a hundred thousand (every batch world) are drawn here: a
        // thread would cost more than it saves. Same order, same stream, same customers.
        let mut bundles = Vec::with_capacity(generated as usize);
        let mut id = listed;
        for g in &scenario.generate {
            let segment = &scenario.segments[usize::from(g.segment)].id;
            for k in 0..g.count {
                let key = joined(segment, '-', id);
                bundles.push(bundle(id, generated_spec(g, k, key, rng), scenario, seed));
                id += 1;
            }
        }
        entities.extend(world.spawn_batch(bundles));
        return entities;
    }
    // One thread draws and builds bundles, in id order and from the one generation stream,
    // while this one spawns them: the result is the same as doing both in turn.
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<CustomerBundle>>(2);
        scope.spawn(move || {
            let mut id = listed;
            for g in &scenario.generate {
                let segment = &scenario.segments[usize::from(g.segment)].id;
                let mut n = 0;
                while n < g.count {
                    let end = (n + CHUNK).min(g.count);
                    let chunk: Vec<CustomerBundle> = (n..end)
                        .map(|k| {
                            let key = joined(segment, '-', id + k - n);
                            bundle(id + k - n, generated_spec(g, k, key, rng), scenario, seed)
                        })
                        .collect();
                    id += end - n;
                    n = end;
                    if send.send(chunk).is_err() {
                        return;
                    }
                }
            }
        });
        // One batch over everything to come, so Bevy sizes its tables once.
        entities.extend(world.spawn_batch(Incoming {
            chunks: receive,
            current: Vec::new().into_iter(),
            remaining: generated as usize,
        }));
    });
    entities
}

/// The generated bundles as they arrive from the drawing thread, with an exact length.
struct Incoming {
    chunks: std::sync::mpsc::Receiver<Vec<CustomerBundle>>,
    current: std::vec::IntoIter<CustomerBundle>,
    remaining: usize,
}

impl Iterator for Incoming {
    type Item = CustomerBundle;

    fn next(&mut self) -> Option<CustomerBundle> {
        loop {
            if let Some(b) = self.current.next() {
                self.remaining -= 1;
                return Some(b);
            }
            self.current = self.chunks.recv().ok()?.into_iter();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_writes_numbers_like_format() {
        for n in [0, 7, 10, 99, 12345, u32::MAX] {
            assert_eq!(joined("SMB", ' ', n), format!("SMB {n}"));
        }
    }
}
