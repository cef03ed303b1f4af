//! Playbooks: rule-based CSMs for scripted and batch runs. A playbook only looks at what a
//! CSM could see (observed signals, known barriers), never at hidden state.

use std::path::Path;

use serde::Deserialize;

use crate::scenario::LoadError;
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, ActionTarget, PlannedAction, cost};
use crate::sim::facts::{CompiledConditions, Condition, Facts};
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
    /// Each rule's conditions compiled for fast testing, made on first use (so `rules` is
    /// not to be changed once the playbook has planned a quarter: make a new playbook).
    #[serde(skip)]
    compiled: std::sync::OnceLock<Vec<CompiledConditions>>,
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
        // A file that exists wins over a built-in of the same name; `builtin:NAME` always
        // means the built-in.
        let forced = spec.starts_with("builtin:");
        let name = spec.strip_prefix("builtin:").unwrap_or(spec);
        if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name)
            && (forced || !Path::new(spec).exists())
        {
            return Playbook::parse(&format!("builtin:{name}"), text);
        }
        let text =
            crate::scenario::read_text(Path::new(spec)).map_err(|message| LoadError::Io {
                file: spec.to_owned(),
                message,
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
        let order = by_arr(&facts);
        // The flags apart, dense and in that order, so that a rule's yes-or-no conditions
        // scan a small array.
        let flags: Vec<u64> = order.iter().map(|&i| facts[i as usize].flags).collect();
        let mut passing: Vec<u32> = Vec::with_capacity(flags.len());
        let any_flags = flags.iter().fold(0, |m, f| m | f);
        let by_flag = FlagLists::new(&flags);
        let compiled = self.compiled.get_or_init(|| {
            self.rules
                .iter()
                .map(|r| match r {
                    Rule::ForEach { when, .. } => CompiledConditions::new(when),
                    _ => CompiledConditions::default(),
                })
                .collect()
        });
        let scenario = sim.scenario().clone();
        // The hours left, kept here so that unaffordable actions are skipped before their
        // conditions are evaluated (the simulation would refuse them anyway).
        let mut left = sim.budget().left();
        for (rule, conditions) in self.rules.iter().zip(compiled) {
            if left <= 0.0 {
                break;
            }
            match rule {
                Rule::ForEach {
                    action,
                    max_per_quarter,
                    ..
                } => {
                    let cheapest = cost(*action, Some(Touch::Digital));
                    if action.spec().one_to_many
                        || cheapest > left + 1e-4
                        || !conditions.possible(any_flags)
                    {
                        continue;
                    }
                    let costs = Touch::ALL.map(|t| cost(*action, Some(t)));
                    // A tight scan of the flags first; only the few that pass are looked at.
                    passing.clear();
                    match by_flag.rarest(conditions.required()) {
                        // Only the customers with the rarest required flag can pass.
                        Some(list) => passing.extend(
                            list.iter()
                                .copied()
                                .filter(|&i| conditions.matches_flags(flags[i as usize])),
                        ),
                        None => {
                            for (i, &fl) in flags.iter().enumerate() {
                                if conditions.matches_flags(fl) {
                                    passing.push(i as u32);
                                }
                            }
                        }
                    }
                    if passing.is_empty() {
                        continue;
                    }
                    let candidates = passing
                        .iter()
                        .map(|&i| &facts[order[i as usize] as usize])
                        .filter(|f| {
                            costs[f.touch as usize] <= left + 1e-4
                                && conditions.matches_rest(f, || {
                                    &scenario.segments[usize::from(f.segment)].id
                                })
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

/// Positions in `facts` (which come in id order) from the largest ARR down, ties by id. Sorts
/// one packed integer per customer where the ARRs allow, which is most of the time.
fn by_arr(facts: &[Facts]) -> Vec<u32> {
    const POSITION_BITS: u32 = 24;
    const ARR_LIMIT: i64 = 1 << (64 - POSITION_BITS);
    let fits =
        facts.len() < 1 << POSITION_BITS && facts.iter().all(|f| (0..ARR_LIMIT).contains(&f.arr));
    if fits {
        let mut keys: Vec<u64> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| ((ARR_LIMIT - 1 - f.arr) as u64) << POSITION_BITS | i as u64)
            .collect();
        keys.sort_unstable();
        keys.iter()
            .map(|k| (k & ((1 << POSITION_BITS) - 1)) as u32)
            .collect()
    } else {
        let mut order: Vec<u32> = (0..facts.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (fa, fb) = (&facts[a as usize], &facts[b as usize]);
            fb.arr.cmp(&fa.arr).then(fa.id.cmp(&fb.id))
        });
        order
    }
}

/// For each flag bit, the positions (in ARR order) of the customers that have it: one array,
/// filled by counting, so a rule with a rare required flag looks at few customers.
struct FlagLists {
    start: [u32; 65],
    positions: Vec<u32>,
}

impl FlagLists {
    fn new(flags: &[u64]) -> FlagLists {
        let mut count = [0u32; 64];
        for &f in flags {
            let mut bits = f;
            while bits != 0 {
                count[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
        let mut start = [0u32; 65];
        for b in 0..64 {
            start[b + 1] = start[b] + count[b];
        }
        let mut next = start;
        let mut positions = vec![0u32; start[64] as usize];
        for (i, &f) in flags.iter().enumerate() {
            let mut bits = f;
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                positions[next[b] as usize] = i as u32;
                next[b] += 1;
                bits &= bits - 1;
            }
        }
        FlagLists { start, positions }
    }

    /// The shortest list among the bits of `required`, if any bit is required.
    fn rarest(&self, required: u64) -> Option<&[u32]> {
        let mut bits = required;
        let mut best: Option<&[u32]> = None;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            let list = &self.positions[self.start[b] as usize..self.start[b + 1] as usize];
            if best.is_none_or(|l| list.len() < l.len()) {
                best = Some(list);
            }
            bits &= bits - 1;
        }
        best
    }
}

/// Whether a rule that runs every `every` quarters runs in quarter `q`.
/// Whether a rule run `every` quarters is due in quarter `q` (quarter 1, then every
/// `every`); `every: 0` counts as 1.
fn due(q: i16, every: u16) -> bool {
    (i32::from(q) - 1) % i32::from(every.max(1)) == 0
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
