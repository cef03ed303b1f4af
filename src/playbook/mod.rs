//! Playbooks: rule-based CSMs for scripted and batch runs. A playbook only looks at what a
//! CSM could see (observed signals, known barriers), never at hidden state.

use std::path::Path;

use serde::Deserialize;

use crate::scenario::LoadError;
use crate::sim::Simulation;
use crate::sim::actions::{ActionKind, cost};
use crate::sim::facts::{CompiledConditions, Condition, FLAG_COUNT, Facts};
use crate::sim::types::{HealthDriver, Stage, Touch};

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
    /// For every customer (largest ARR first) whose health declined last quarter and that
    /// meets all conditions, say what drives the decline (2.6): `driver` if given, or else
    /// what the dashboard shows.
    ReadHealth {
        #[serde(default)]
        when: Vec<Condition>,
        #[serde(default)]
        driver: Option<HealthDriver>,
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
    compiled: std::sync::OnceLock<Compiled>,
}

/// A playbook's rules made ready for planning.
#[derive(Debug, Clone)]
struct Compiled {
    /// Each rule's conditions (none for the one-to-many rules).
    rules: Vec<CompiledConditions>,
    /// The conditions of the rules that plan for one customer at a time.
    per_customer: Vec<CompiledConditions>,
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
        let compiled = self.compiled.get_or_init(|| {
            let rules: Vec<CompiledConditions> = self
                .rules
                .iter()
                .map(|r| match r {
                    Rule::ForEach { when, .. } => CompiledConditions::new(when),
                    // Only a declined health is read.
                    Rule::ReadHealth { when, .. } => {
                        CompiledConditions::new(when).and(&Condition::HealthDeclined)
                    }
                    _ => CompiledConditions::default(),
                })
                .collect();
            let per_customer = self
                .rules
                .iter()
                .zip(&rules)
                .filter(|(r, _)| matches!(r, Rule::ForEach { .. } | Rule::ReadHealth { .. }))
                .map(|(_, c)| c.clone())
                .collect();
            Compiled {
                rules,
                per_customer,
            }
        });
        // First the yes-or-no facts of every active customer, then the rest only for those
        // whose yes-or-no facts pass some rule (usually well under half): the others are
        // never looked at again this quarter.
        let active = |c: &crate::sim::actions::CustomerRefItem| {
            c.lifecycle.stage != Stage::Churned && c.contract.active_in(q)
        };
        let mut flags = Vec::with_capacity(sim.customer_count() as usize);
        sim.each_customer(|c| {
            if active(c) {
                flags.push(Facts::flags_of(c, q));
            }
        });
        let wanted = FlagColumns::new(flags.iter().copied()).union(&compiled.per_customer);
        let mut facts = Vec::with_capacity(wanted.iter().map(|w| w.count_ones() as usize).sum());
        let mut position = 0;
        sim.each_customer(|c| {
            if active(c) {
                if wanted[position / 64] & 1 << (position % 64) != 0 {
                    facts.push(Facts::with_flags(c, q, flags[position]));
                }
                position += 1;
            }
        });
        let order = by_arr(&facts);
        let any_flags = facts.iter().fold(0, |m, f| m | f.flags);
        let columns = FlagColumns::new(order.iter().map(|&i| facts[i as usize].flags));
        let scenario = sim.scenario().clone();
        let Some(mut planning) = sim.planning() else {
            return;
        };
        // The hours left, kept here so that unaffordable actions are skipped before their
        // conditions are evaluated (the simulation would refuse them anyway).
        let mut left = planning.left();
        for (rule, conditions) in self.rules.iter().zip(&compiled.rules) {
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
                    // The yes-or-no conditions a word of 64 customers at a time; only the
                    // customers that pass them are looked at.
                    let candidates = columns
                        .matching(conditions)
                        .map(|position| &facts[order[position] as usize])
                        .filter(|f| {
                            costs[f.touch as usize] <= left + 1e-4
                                && conditions.matches_rest(f, || {
                                    &scenario.segments[usize::from(f.segment)].id
                                })
                        });
                    let (_, hours) = planning.plan_each(*action, candidates, *max_per_quarter);
                    left -= hours;
                }
                Rule::ReadHealth { driver, .. } => {
                    if crate::sim::actions::READING_HOURS > left + 1e-4 {
                        continue;
                    }
                    let readers = columns
                        .matching(conditions)
                        .map(|position| &facts[order[position] as usize])
                        .filter(|f| {
                            f.declined
                                && conditions.matches_rest(f, || {
                                    &scenario.segments[usize::from(f.segment)].id
                                })
                        });
                    for f in readers {
                        if crate::sim::actions::READING_HOURS > left + 1e-4 {
                            break;
                        }
                        // What the dashboard shows; a decline with no clear driver is left
                        // unread.
                        let Some(said) = driver.or(f.health_driver) else {
                            continue;
                        };
                        if let Ok(hours) = planning.read_health(f, said) {
                            left -= hours;
                        }
                    }
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
                        && let Ok(hours) = planning.plan_segment(*action, index)
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
                        if let Ok(hours) = planning.plan_segment(*action, index) {
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

/// The flags by bit: for each bit, one bit per customer (in ARR order), 64 customers to a
/// word, so that a rule's yes-or-no conditions are tested for 64 customers at once.
struct FlagColumns {
    words: usize,
    len: usize,
    bits: Vec<u64>,
}

impl FlagColumns {
    fn new(flags: impl ExactSizeIterator<Item = u64>) -> FlagColumns {
        let len = flags.len();
        let words = len.div_ceil(64);
        let mut bits = vec![0u64; FLAG_COUNT * words];
        // 64 customers at a time: their flags as the rows of a 64 × 64 bit matrix, whose
        // transpose has one row per flag.
        let mut flags = flags;
        for word in 0..words {
            let mut block = [0u64; 64];
            for (row, f) in block.iter_mut().zip(flags.by_ref()) {
                *row = f;
            }
            transpose(&mut block);
            for (b, column) in block.iter().take(FLAG_COUNT).enumerate() {
                bits[b * words + word] = *column;
            }
        }
        FlagColumns { words, len, bits }
    }

    /// Which customers of word `w` pass the yes-or-no conditions.
    fn word(&self, c: &CompiledConditions, w: usize) -> u64 {
        let column = |b: u32| self.bits[b as usize * self.words + w];
        let mut m = if w + 1 == self.words && !self.len.is_multiple_of(64) {
            (1u64 << (self.len % 64)) - 1
        } else {
            !0
        };
        for_bits(c.required(), |b| m &= column(b));
        for_bits(c.forbidden(), |b| m &= !column(b));
        for group in c.any_of() {
            if group != 0 {
                let mut any = 0;
                for_bits(group, |b| any |= column(b));
                m &= any;
            }
        }
        m
    }

    /// Which customers pass the yes-or-no conditions of at least one of these rules, as
    /// one bit per customer.
    fn union(&self, rules: &[CompiledConditions]) -> Vec<u64> {
        let mut any = vec![0u64; self.words];
        for c in rules {
            for (w, word) in any.iter_mut().enumerate() {
                *word |= self.word(c, w);
            }
        }
        any
    }

    /// The positions (in ARR order) of the customers that pass the yes-or-no conditions,
    /// in order, found as they are asked for.
    fn matching<'a>(&'a self, c: &'a CompiledConditions) -> impl Iterator<Item = usize> + 'a {
        (0..self.words).flat_map(move |w| {
            let mut m = self.word(c, w);
            std::iter::from_fn(move || {
                (m != 0).then(|| {
                    let i = m.trailing_zeros() as usize;
                    m &= m - 1;
                    w * 64 + i
                })
            })
        })
    }
}

/// Transposes a 64 × 64 bit matrix (bit `j` of row `i` becomes bit `i` of row `j`) by
/// swapping ever smaller blocks: six rounds of 32 swaps.
fn transpose(a: &mut [u64; 64]) {
    swap_blocks::<32>(a, 0x0000_0000_FFFF_FFFF);
    swap_blocks::<16>(a, 0x0000_FFFF_0000_FFFF);
    swap_blocks::<8>(a, 0x00FF_00FF_00FF_00FF);
    swap_blocks::<4>(a, 0x0F0F_0F0F_0F0F_0F0F);
    swap_blocks::<2>(a, 0x3333_3333_3333_3333);
    swap_blocks::<1>(a, 0x5555_5555_5555_5555);
}

/// One round of [`transpose`]: in each band of `2 J` rows, the high `J`-bit halves of the
/// first `J` rows trade places with the low halves of the next `J` (`low` marks the low
/// halves).
#[inline(always)]
fn swap_blocks<const J: usize>(a: &mut [u64; 64], low: u64) {
    for band in a.chunks_exact_mut(2 * J) {
        let (top, bottom) = band.split_at_mut(J);
        for (x, y) in top.iter_mut().zip(bottom) {
            let t = ((*x >> J) ^ *y) & low;
            *x ^= t << J;
            *y ^= t;
        }
    }
}

/// Calls `f` with the index of each set bit.
fn for_bits(mut bits: u64, mut f: impl FnMut(u32)) {
    while bits != 0 {
        f(bits.trailing_zeros());
        bits &= bits - 1;
    }
}

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
    fn a_bit_matrix_is_transposed() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut a = [0u64; 64];
        for row in &mut a {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *row = state;
        }
        let mut t = a;
        transpose(&mut t);
        for (i, row) in a.iter().enumerate() {
            for (j, column) in t.iter().enumerate() {
                assert_eq!(row >> j & 1, column >> i & 1, "row {i}, bit {j}");
            }
        }
    }

    #[test]
    fn flag_columns_hold_each_customers_flags() {
        let flags: Vec<u64> = (0..150u64)
            .map(|i| (i * 0x2545_F491) & ((1 << FLAG_COUNT) - 1))
            .collect();
        let columns = FlagColumns::new(flags.iter().copied());
        for (i, f) in flags.iter().enumerate() {
            for b in 0..FLAG_COUNT {
                let column = columns.bits[b * columns.words + i / 64];
                assert_eq!(f >> b & 1, column >> (i % 64) & 1, "customer {i}, flag {b}");
            }
        }
    }

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
