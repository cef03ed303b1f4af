//! No judging rule praises what another calls a mistake for the same action in the same
//! situation (issue 8). Checked mechanically: rules on the same refusal or outcome, and
//! rules on planned actions tested against every situation real play produces.

use std::sync::Arc;

use csm_sim::exam::judge::{Check, Rule, Rules, Verdict};
use csm_sim::playbook::Playbook;
use csm_sim::scenario::{Scenario, builtin};
use csm_sim::sim::Simulation;
use csm_sim::sim::facts::Facts;

fn opposite_pairs() -> Vec<(&'static Rule, &'static Rule)> {
    let rules = &Rules::get().0;
    let mut pairs = Vec::new();
    for good in rules.iter().filter(|r| r.verdict == Verdict::Good) {
        for bad in rules.iter().filter(|r| r.verdict == Verdict::Mistake) {
            pairs.push((good, bad));
        }
    }
    pairs
}

#[test]
fn no_refusal_or_outcome_is_both_praised_and_faulted() {
    for (good, bad) in opposite_pairs() {
        let clash = match (&good.check, &bad.check) {
            (
                Check::Attempt {
                    actions: a,
                    blocker: x,
                },
                Check::Attempt {
                    actions: b,
                    blocker: y,
                },
            ) => x == y && a.iter().any(|k| b.contains(k)),
            (
                Check::Outcome {
                    actions: a,
                    outcome: x,
                },
                Check::Outcome {
                    actions: b,
                    outcome: y,
                },
            ) => x == y && a.iter().any(|k| b.contains(k)),
            (
                Check::Campaign {
                    actions: a,
                    touch: x,
                },
                Check::Campaign {
                    actions: b,
                    touch: y,
                },
            ) => x == y && a.iter().any(|k| b.contains(k)),
            _ => false,
        };
        assert!(
            !clash,
            "{} praises and {} faults the same thing",
            good.id, bad.id
        );
    }
}

/// Every customer's facts at planning time, quarter by quarter, over the shipped scenarios
/// played by several playbooks (good, bad and idle) on a few seeds.
fn situations() -> Vec<(Arc<Scenario>, Facts)> {
    let mut out = Vec::new();
    let playbooks: Vec<Option<Playbook>> = [
        None,
        Some("sensible"),
        Some("expansion-spam"),
        Some("wrong-remedies"),
        Some("paperwork"),
    ]
    .into_iter()
    .map(|p| p.map(|name| Playbook::load(name).unwrap()))
    .collect();
    for (name, _) in builtin::ALL {
        if *name == "large-portfolio" {
            continue; // the same rules on many more customers; the others cover its cases
        }
        let scenario = Arc::new(Scenario::load(name).unwrap());
        for playbook in &playbooks {
            for seed in 1..=3 {
                let mut sim = Simulation::new(scenario.clone(), seed);
                while !sim.finished() {
                    let q = sim.clock().q();
                    sim.each_customer(|c| {
                        if c.lifecycle.is_customer(q) {
                            out.push((scenario.clone(), Facts::of(c, q)));
                        }
                    });
                    if let Some(p) = playbook {
                        p.plan_quarter(&mut sim);
                    }
                    sim.end_quarter();
                }
            }
        }
    }
    out
}

#[test]
fn no_planned_action_is_both_praised_and_faulted_in_any_situation_play_produces() {
    let situations = situations();
    assert!(
        situations.len() > 1000,
        "too few situations: {}",
        situations.len()
    );
    let mut clashes = Vec::new();
    for (good, bad) in opposite_pairs() {
        let (
            Check::Action {
                actions: a,
                when: w1,
                elsewhere: e1,
            },
            Check::Action {
                actions: b,
                when: w2,
                elsewhere: e2,
            },
        ) = (&good.check, &bad.check)
        else {
            continue;
        };
        // Rules that also look at other customers judge a choice between customers, not
        // the action itself.
        if !e1.is_empty() || !e2.is_empty() {
            continue;
        }
        let shared: Vec<_> = a.iter().filter(|k| b.contains(k)).collect();
        if shared.is_empty() {
            continue;
        }
        if let Some((s, f)) = situations.iter().find(|(s, f)| {
            let seg = &s.segments[usize::from(f.segment)].id;
            w1.iter().all(|c| f.meets(c, seg)) && w2.iter().all(|c| f.meets(c, seg))
        }) {
            clashes.push(format!(
                "{} praises and {} faults {:?} for customer {} of {} ({f:?})",
                good.id, bad.id, shared, f.id, s.id
            ));
        }
    }
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
}
