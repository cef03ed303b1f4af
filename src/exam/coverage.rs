//! Which exam objectives a scenario exercises, so an instructor can see what a course
//! covers: by a mechanic of the model that happened in play ([`by_mechanic`]), or only by
//! name ([`exercised`], what the scenario's file says).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::Blueprint;
use super::mechanics;
use crate::playbook::Playbook;
use crate::scenario::Scenario;
use crate::sim::Simulation;
use crate::sim::types::{ConsumptionModel, Touch};

/// The reference playbooks whose play shows what a scenario exercises: a textbook CSM and
/// a sensible one, both built in.
pub const PLAYED_BY: [&str; 2] = ["textbook", "sensible"];

/// How many seeds each of them plays, from the scenario's own seed on.
pub const SEEDS: u64 = 3;

/// For every objective a mechanic exercised in play of the scenario, the ids of those
/// mechanics. Play is the reference playbooks of [`PLAYED_BY`] on [`SEEDS`] seeds, read
/// from the journal: an objective counts only if something that changes outcomes happened
/// for it (an action that took effect, an event, a renewal), not because the scenario
/// names it.
pub fn by_mechanic(s: &Scenario) -> Result<BTreeMap<&'static str, BTreeSet<&'static str>>, String> {
    let blueprint = Blueprint::get();
    let scenario = Arc::new(s.clone());
    let mut out: BTreeMap<&'static str, BTreeSet<&'static str>> = BTreeMap::new();
    for name in PLAYED_BY {
        let playbook = Playbook::load(&format!("builtin:{name}")).map_err(|e| e.to_string())?;
        for seed in s.seed..s.seed + SEEDS {
            let mut sim = Simulation::new(scenario.clone(), seed);
            playbook.check_against(&sim)?;
            let mut who = Vec::with_capacity(sim.customer_count() as usize);
            sim.each_customer(|c| {
                who.push(mechanics::Who {
                    touch: c.account.touch,
                    model: c.contract.model,
                })
            });
            while !sim.finished() {
                playbook.plan_quarter(&mut sim);
                sim.end_quarter();
            }
            for e in &sim.journal().entries {
                let w = who.get(e.customer as usize).copied();
                for m in mechanics::of_event(&e.event, w) {
                    for o in m.objectives {
                        if let Some(o) = blueprint.objective(o) {
                            out.entry(o.id.as_str()).or_default().insert(m.id);
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The objectives a scenario names: its learning objectives, the barriers it injects
/// (kind and category), its engagement and consumption models, its renewals and its targets.
/// Naming is not exercising; [`by_mechanic`] says what play exercises.
pub fn exercised(s: &Scenario) -> BTreeSet<&'static str> {
    let blueprint = Blueprint::get();
    let mut ids: BTreeSet<&'static str> = BTreeSet::new();
    let mut add = |id: &str| {
        if let Some(o) = blueprint.objective(id) {
            ids.insert(o.id.as_str());
        }
    };
    for o in &s.learning_objectives {
        add(o);
    }
    for e in &s.events {
        add(e.barrier.objective());
        add(e.category.objective());
    }
    for r in &s.random_barriers {
        add(r.barrier.objective());
        add(r.barrier.default_category().objective());
    }
    for seg in &s.segments {
        add(match seg.touch {
            Touch::High => "1.9.a",
            Touch::Virtual => "1.9.b",
            Touch::Digital => "1.9.c",
        });
        if seg.sponsor_turnover > 0.0 {
            add("3.4.b");
        }
    }
    let models = s
        .customers
        .iter()
        .map(|c| c.model)
        .chain(s.generate.iter().map(|g| g.model));
    for m in models {
        add(match m {
            ConsumptionModel::Licence => "1.6.a",
            ConsumptionModel::Subscription => "1.6.b",
            ConsumptionModel::EnterpriseAgreement => "1.6.c",
        });
    }
    let quarters = i16::try_from(s.quarters).unwrap_or(i16::MAX);
    let renews = s
        .customers
        .iter()
        .any(|c| c.start_quarter + i16::from(c.term_quarters) - 1 <= quarters)
        || s.generate
            .iter()
            .any(|g| i16::from(g.term_quarters) <= quarters);
    if renews {
        for id in ["1.8.c", "5.5", "5.6"] {
            add(id);
        }
    }
    if s.targets.grr_min.is_some() || s.targets.max_churned_customers.is_some() {
        add("1.8.a");
    }
    if s.targets.nrr_min.is_some() {
        add("1.8.b");
    }
    if s.targets.max_time_to_value.is_some() {
        add("4.1.c");
    }
    if s.targets.plans_within_quarters.is_some() {
        add("2.7");
    }
    ids
}

/// The ids of the domains none of `ids` belongs to.
pub fn untouched_domains<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'static str> {
    let blueprint = Blueprint::get();
    let touched: BTreeSet<&str> = ids
        .into_iter()
        .filter_map(|id| blueprint.domain_of(id).map(|d| d.id.as_str()))
        .collect();
    blueprint
        .domains
        .iter()
        .map(|d| d.id.as_str())
        .filter(|d| !touched.contains(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sponsor_loss_scenario_exercises_its_barriers_and_renewals() {
        let s = Scenario::load("sponsor-loss").unwrap();
        let ids = exercised(&s);
        for id in ["3.4.a", "3.4.b", "3.1.a", "3.1.b", "1.9.a", "5.5", "1.8.b"] {
            assert!(ids.contains(id), "{id} missing from {ids:?}");
        }
        assert!(!ids.contains("1.9.c"));
        assert!(untouched_domains(ids.iter().copied()).is_empty());
    }

    #[test]
    fn play_of_sponsor_loss_replaces_the_sponsor_and_a_category_stays_a_name() {
        let s = Scenario::load("sponsor-loss").unwrap();
        let played = by_mechanic(&s).unwrap();
        assert!(played["3.4.b"].contains("sponsor-replaced"), "{played:?}");
        assert!(played["3.3.b"].contains("found-in-conversation"));
        assert!(played.contains_key("1.8.c"));
        // A barrier's category changes nothing in the model: named, not exercised.
        assert!(exercised(&s).contains("3.1.a"));
        assert!(!played.contains_key("3.1.a"));
    }

    #[test]
    fn untouched_domains_are_named() {
        assert_eq!(untouched_domains(["3.4.a", "5.5"]), ["1", "2", "4"]);
    }
}
