//! Which exam objectives a scenario exercises, so an instructor can see what a course
//! covers.

use std::collections::BTreeSet;

use super::Blueprint;
use crate::scenario::Scenario;
use crate::sim::types::{ConsumptionModel, Touch};

/// The objectives a scenario exercises: its learning objectives, the barriers it injects
/// (kind and category), its engagement and consumption models, its renewals and its targets.
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
    fn untouched_domains_are_named() {
        assert_eq!(untouched_domains(["3.4.a", "5.5"]), ["1", "2", "4"]);
    }
}
