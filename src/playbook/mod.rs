//! Playbooks: rule-based CSMs for scripted and batch runs. A playbook only looks at what a
//! CSM could see (observed signals, known barriers), never at hidden state.

use std::path::Path;

use serde::Deserialize;

use crate::scenario::LoadError;
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionTarget, PlannedAction, cost};
use crate::sim::facts::{Condition, Facts};
use crate::sim::types::{Stage, Touch};

/// One rule of a playbook.
#[derive(Debug, Clone, Deserialize)]
pub enum Rule {
    /// For every customer (largest ARR first) that meets all conditions, plan the action.
    ForEach {
        #[serde(default)]
        when: Vec<Condition>,
        action: ActionKind,
        #[serde(default)]
        max_per_quarter: Option<u32>,
    },
    /// Plan a one-to-many action for a segment, every `every` quarters.
    ForSegment {
        segment: String,
        action: ActionKind,
        #[serde(default = "one")]
        every: u16,
    },
    /// Plan a one-to-many action for every segment of a touch model, every `every` quarters.
    ForTouch {
        touch: Touch,
        action: ActionKind,
        #[serde(default = "one")]
        every: u16,
    },
}

fn one() -> u16 {
    1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub rules: Vec<Rule>,
}

/// The built-in playbooks.
pub const BUILTIN: &[(&str, &str)] = &[
    ("sensible", include_str!("../../playbooks/sensible.ron")),
    ("textbook", include_str!("../../playbooks/textbook.ron")),
    (
        "wrong-remedies",
        include_str!("../../playbooks/wrong-remedies.ron"),
    ),
    ("do-nothing", include_str!("../../playbooks/do-nothing.ron")),
    ("paperwork", include_str!("../../playbooks/paperwork.ron")),
    (
        "expansion-spam",
        include_str!("../../playbooks/expansion-spam.ron"),
    ),
    (
        "no-diagnosis",
        include_str!("../../playbooks/no-diagnosis.ron"),
    ),
];

impl Playbook {
    /// Reads a playbook from a file or a built-in name (`sensible`, `textbook`, …).
    pub fn load(spec: &str) -> Result<Playbook, LoadError> {
        let name = spec.strip_prefix("builtin:").unwrap_or(spec);
        if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name) {
            return Playbook::parse(&format!("builtin:{name}"), text);
        }
        let text = std::fs::read_to_string(Path::new(spec)).map_err(|e| LoadError::Io {
            file: spec.to_owned(),
            message: e.to_string(),
        })?;
        Playbook::parse(spec, &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<Playbook, LoadError> {
        crate::scenario::read_ron(file, text)
    }

    /// Checks that every segment the playbook names exists in the scenario.
    pub fn check_against(&self, sim: &Simulation) -> Result<(), String> {
        let segments = &sim.scenario().segments;
        let known = |id: &str| segments.iter().any(|s| s.id == id);
        let mut missing = Vec::new();
        for rule in &self.rules {
            match rule {
                Rule::ForSegment { segment, .. } if !known(segment) => {
                    missing.push(segment.clone())
                }
                Rule::ForEach { when, .. } => collect_segments(when, &mut |s| {
                    if !known(s) {
                        missing.push(s.to_owned());
                    }
                }),
                _ => {}
            }
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "playbook \"{}\" names segments the scenario does not have: {}",
                self.name,
                missing.join(", ")
            ))
        }
    }

    /// Plans the current quarter's actions by the rules, within the budget.
    pub fn plan_quarter(&self, sim: &mut Simulation) {
        let q = sim.clock().q();
        let mut facts = Vec::with_capacity(sim.customer_count() as usize);
        sim.each_customer(|c| {
            if c.lifecycle.stage != Stage::Churned && c.contract.active_in(q) {
                facts.push(Facts::of(c, q));
            }
        });
        // Ids are unique, so the unstable sort gives the same order as a stable one.
        facts.sort_unstable_by(|a, b| b.arr.cmp(&a.arr).then(a.id.cmp(&b.id)));
        let index = FactIndex::new(&facts);
        let scenario = sim.scenario().clone();
        // The hours left, kept here so that unaffordable actions are skipped before their
        // conditions are evaluated (the simulation would refuse them anyway).
        let mut left = sim.budget().left();
        for rule in &self.rules {
            if left <= 0.0 {
                break;
            }
            match rule {
                Rule::ForEach {
                    when,
                    action,
                    max_per_quarter,
                } => {
                    let cheapest = cost(*action, Some(Touch::Digital));
                    if action.spec().one_to_many || cheapest > left + 1e-4 {
                        continue;
                    }
                    let candidates = index.candidates(when, &facts).filter(|f| {
                        cost(*action, Some(f.touch)) <= left + 1e-4
                            && when
                                .iter()
                                .all(|c| f.meets(c, &scenario.segments[usize::from(f.segment)].id))
                    });
                    let (_, hours) = sim.plan_each(*action, candidates, *max_per_quarter);
                    left -= hours;
                }
                Rule::ForSegment {
                    segment,
                    action,
                    every,
                } => {
                    let Some(index) = scenario.segment_index(segment) else {
                        continue;
                    };
                    if due(q, *every)
                        && let Ok(hours) = sim.plan(PlannedAction {
                            action: *action,
                            target: ActionTarget::Segment(index),
                        })
                    {
                        left -= hours;
                    }
                }
                Rule::ForTouch {
                    touch,
                    action,
                    every,
                } => {
                    if !due(q, *every) {
                        continue;
                    }
                    let segments = (0..scenario.segments.len() as u16)
                        .filter(|&i| scenario.segments[usize::from(i)].touch == *touch);
                    for index in segments {
                        if let Ok(hours) = sim.plan(PlannedAction {
                            action: *action,
                            target: ActionTarget::Segment(index),
                        }) {
                            left -= hours;
                        }
                    }
                }
            }
        }
    }
}

/// Lists of the quarter's customers (positions in `facts`, in the same largest-ARR-first
/// order) that meet a cheap condition, so that a rule whose conditions include one of them
/// looks only at those customers. The rule's conditions are all still checked, so the
/// result is the same as going through every customer.
struct FactIndex {
    known: [Vec<u32>; 5],
    touch: [Vec<u32>; 3],
    stage: [Vec<u32>; 6],
    /// Renewal this quarter or within the next two.
    renewing: Vec<u32>,
    opportunity: Vec<u32>,
    new_outcome: Vec<u32>,
}

impl FactIndex {
    fn new(facts: &[Facts]) -> FactIndex {
        let mut ix = FactIndex {
            known: Default::default(),
            touch: Default::default(),
            stage: Default::default(),
            renewing: Vec::new(),
            opportunity: Vec::new(),
            new_outcome: Vec::new(),
        };
        for (i, f) in facts.iter().enumerate() {
            let i = i as u32;
            for k in 0..5 {
                if f.known_barriers & (1 << k) != 0 {
                    ix.known[k].push(i);
                }
            }
            ix.touch[f.touch as usize].push(i);
            ix.stage[f.stage as usize].push(i);
            if (0..=2).contains(&f.renewal_in) {
                ix.renewing.push(i);
            }
            if f.expansion_opportunity {
                ix.opportunity.push(i);
            }
            if f.new_outcome {
                ix.new_outcome.push(i);
            }
        }
        ix
    }

    /// The list a condition restricts the customers to, if it is one of the indexed ones.
    fn list(&self, c: &Condition) -> Option<&[u32]> {
        Some(match c {
            Condition::KnownBarrier(k) => &self.known[k.index()],
            Condition::Touch(t) => &self.touch[*t as usize],
            Condition::Stage(s) => &self.stage[*s as usize],
            Condition::RenewalWithin(n) if (0..=2).contains(n) => &self.renewing,
            Condition::ExpansionOpportunity => &self.opportunity,
            Condition::NewOutcomeToCapture => &self.new_outcome,
            _ => return None,
        })
    }

    /// The customers worth checking for a rule: the shortest indexed list among its
    /// conditions, or everyone.
    fn candidates<'a>(
        &'a self,
        when: &[Condition],
        facts: &'a [Facts],
    ) -> Box<dyn Iterator<Item = &'a Facts> + 'a> {
        match when
            .iter()
            .filter_map(|c| self.list(c))
            .min_by_key(|l| l.len())
        {
            Some(list) => Box::new(list.iter().map(move |&i| &facts[i as usize])),
            None => Box::new(facts.iter()),
        }
    }
}

/// Whether a rule that runs every `every` quarters runs in quarter `q`.
fn due(q: i16, every: u16) -> bool {
    (q - 1) % every.max(1) as i16 == 0
}

fn collect_segments<'a>(conds: &'a [Condition], f: &mut impl FnMut(&'a str)) {
    for c in conds {
        match c {
            Condition::Segment(s) => f(s),
            Condition::Not(inner) => collect_segments(std::slice::from_ref(inner), f),
            Condition::Any(list) => collect_segments(list, f),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_playbook_parses() {
        let p = Playbook::load("sensible").unwrap();
        assert!(p.rules.len() >= 10);
    }

    #[test]
    fn a_broken_playbook_is_located() {
        let err = Playbook::parse(
            "p.ron",
            "Playbook(name: \"x\", rules: [ForEach(action: teleport)])",
        )
        .unwrap_err();
        let p = &err.problems()[0];
        assert_eq!((p.file.as_str(), p.line), ("p.ron", 1));
        assert!(p.message.contains("teleport"), "{}", p.message);
    }
}
